//! Text flowed cell after cell (plain extraction of a table PDF) → the
//! word layout of a ruled table, which the table stage then reads like any
//! other page.
//!
//! In this form the cells of a row follow one another in column order, a
//! row split by a page break goes on after it in column order again, and
//! two cells that shared a baseline may share a line. Lines carry the
//! evidence: each column wraps at its own width, a line with no trailing
//! space ends inside a word, cells start with a capital more often than not.
//! The segmentation is a dynamic programme over the lines (state: the
//! column of the line's last part) under the column-order constraint, with
//! the columns' wrap widths learned from the document by alternating
//! segmentation and re-estimation.

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::Diagnostic;
use crate::fields;
use crate::geometry::Rect;
use crate::layout::{Page, Word};
use crate::pdf::Rule;

/// Width of one character on the synthetic page, in points.
const CHAR_WIDTH: f64 = 5.0;
/// Distance between two synthetic lines, in points.
const LINE_HEIGHT: f64 = 12.0;
/// Font size of synthetic words.
const FONT_SIZE: f64 = 10.0;
/// Most lines segmented (beyond that, the text is laid out without a table).
const MAX_LINES: usize = 200_000;
/// Most words a line may be split after (two cells sharing a line).
const MAX_SPLIT_WORDS: usize = 24;

/// Costs of the segmentation (the unit is one doubtful line).
mod cost {
    /// Starting the next cell of the row.
    pub const NEXT_CELL: f64 = 0.6;
    /// Each empty cell skipped.
    pub const SKIP: f64 = 2.5;
    /// Starting a new row.
    pub const NEW_ROW: f64 = 1.0;
    /// A new paragraph inside a cell (cells hold few paragraphs).
    pub const PARAGRAPH: f64 = 1.0;
    /// A new paragraph in the first column, which names the record.
    pub const TITLE_PARAGRAPH: f64 = 4.0;
    /// Going on after a page break in another column than the last.
    pub const RESUME: f64 = 0.3;
    /// Two cells on one line.
    pub const SPLIT: f64 = 2.0;
    /// A cell starting in lower case.
    pub const LOWER_START: f64 = 1.5;
    /// Leaving a cell on a line that ends inside a word.
    pub const CUT_WORD: f64 = 20.0;
    /// Starting a cell without the blank line that separates cells, where
    /// the document separates paragraphs with blank lines.
    pub const NO_BLANK: f64 = 5.0;
    /// A line longer than its column's width, plus one per character.
    pub const OVERFLOW: f64 = 4.0;
    /// A line that stopped short although the next word would have fit,
    /// plus a fifth per character of room left.
    pub const EARLY_WRAP: f64 = 1.0;
}

/// One line of the flowed text.
#[derive(Debug, Clone, PartialEq)]
struct FlowLine {
    words: Vec<String>,
    trailing_space: bool,
    blank_before: usize,
    flow_break: bool,
}

impl FlowLine {
    fn text(&self) -> String {
        self.words.join(" ")
    }

    fn len_of(&self, from: usize, to: usize) -> usize {
        let words = self.words.get(from..to).unwrap_or_default();
        words.iter().map(|w| w.chars().count()).sum::<usize>() + words.len().saturating_sub(1)
    }

    fn len(&self) -> usize {
        self.len_of(0, self.words.len())
    }

    fn starts_lower(&self, from: usize) -> bool {
        self.words.get(from).and_then(|w| w.chars().next()).is_some_and(char::is_lowercase)
    }

    fn first_word_len(&self) -> usize {
        self.words.first().map_or(0, |w| w.chars().count())
    }

    fn ends_sentence(&self) -> bool {
        self.words.last().is_some_and(|w| w.ends_with(['.', ';', ':', '!', '?']))
    }
}

static ARTEFACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:mailto:|https?://)\S*$").unwrap_or_else(|_| unreachable!()));

/// Reads the lines, dropping link artefacts; form feeds and runs of blank
/// lines longer than the document's usual spacing mark page breaks.
fn read_lines(text: &str) -> Vec<FlowLine> {
    let mut lines = Vec::new();
    let mut blank = 0usize;
    let mut pending_break = false;
    for raw in text.split('\n').take(MAX_LINES) {
        if raw.contains('\u{c}') {
            pending_break = true;
        }
        let raw = raw.replace('\u{c}', "");
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            blank += 1;
            continue;
        }
        if ARTEFACT.is_match(trimmed) {
            pending_break = true;
            continue;
        }
        let words: Vec<String> = trimmed.split_whitespace().map(str::to_string).collect();
        lines.push(FlowLine {
            words,
            trailing_space: raw.trim_end_matches(['\r', '\n']).ends_with([' ', '\t', '\u{a0}']),
            blank_before: blank,
            flow_break: pending_break,
        });
        blank = 0;
        pending_break = false;
    }
    let mut counts = std::collections::BTreeMap::<usize, usize>::new();
    for line in &lines {
        *counts.entry(line.blank_before).or_default() += 1;
    }
    let usual = counts.iter().max_by_key(|(b, n)| (**n, usize::MAX - **b)).map_or(0, |(b, _)| *b);
    for line in &mut lines {
        if line.blank_before >= usual + 2 {
            line.flow_break = true;
        }
    }
    lines
}

fn is_header_opening(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase()) && fields::is_header_start(word)
}

/// Splits the header's words into column headers: a header opens at a
/// capitalized header word not governed by a preposition (`de traitement`).
fn split_headers(words: &[String]) -> Vec<String> {
    let mut headers: Vec<Vec<&str>> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let governed = i > 0
            && words.get(i - 1).is_some_and(|p| {
                matches!(p.trim_start_matches('(').to_lowercase().as_str(), "de" | "du" | "des" | "d'" | "et" | "ou")
            });
        match headers.last_mut() {
            Some(h) if !is_header_opening(word) || governed => h.push(word),
            _ => headers.push(vec![word]),
        }
    }
    headers.into_iter().map(|h| h.join(" ")).collect()
}

/// The header: the first run of lines made only of header words that opens
/// three column headers or more (the first line may also hold other text
/// before the run only if it is itself made of header words).
fn find_header(lines: &[FlowLine]) -> Option<(usize, usize, Vec<String>)> {
    let all_header_words = |l: &FlowLine| l.words.iter().all(|w| fields::is_header_word(w));
    for start in 0..lines.len() {
        let Some(first) = lines.get(start) else { break };
        if !first.words.first().is_some_and(|w| is_header_opening(w)) || !all_header_words(first) {
            continue;
        }
        let mut end = start + 1;
        while lines.get(end).is_some_and(all_header_words) {
            end += 1;
        }
        let words: Vec<String> = lines.get(start..end)?.iter().flat_map(|l| l.words.iter().cloned()).collect();
        let headers = split_headers(&words);
        if headers.len() >= 3 {
            return Some((start, end, headers));
        }
    }
    None
}

/// Removes the header where a page repeats it, marking a page break there.
fn drop_repeated_headers(body: Vec<FlowLine>, header: &[FlowLine]) -> Vec<FlowLine> {
    let texts: Vec<String> = header.iter().map(FlowLine::text).collect();
    let mut out: Vec<FlowLine> = Vec::new();
    let mut i = 0;
    let mut pending_break = false;
    while let Some(line) = body.get(i) {
        let repeated =
            !texts.is_empty() && texts.iter().enumerate().all(|(k, t)| body.get(i + k).is_some_and(|l| l.text() == *t));
        if repeated {
            i += texts.len();
            pending_break = true;
            continue;
        }
        let mut line = line.clone();
        line.flow_break |= pending_break;
        pending_break = false;
        out.push(line);
        i += 1;
    }
    out
}

/// One assignment of a line: its first part's column, where it splits
/// (word index, 0 for none) and its second part's column.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Step {
    first: usize,
    split: usize,
    second: usize,
    new_row: bool,
}

/// Whether blank lines separate paragraphs (and so cells): many lines follow
/// their predecessor directly, many after one blank line.
fn blank_lines_separate(lines: &[FlowLine]) -> bool {
    let direct = lines.iter().filter(|l| l.blank_before == 0).count();
    let spaced = lines.iter().filter(|l| l.blank_before > 0).count();
    direct * 5 >= lines.len() && spaced * 10 >= lines.len()
}

struct Model<'a> {
    lines: &'a [FlowLine],
    widths: Vec<f64>,
    blank_separated: bool,
}

impl Model<'_> {
    fn overflow(&self, len: usize, column: usize) -> f64 {
        let w = self.widths.get(column).copied().unwrap_or(40.0);
        let limit = w + (0.04 * w).max(1.0);
        let len = len as f64;
        if len > limit { cost::OVERFLOW + (len - limit) } else { 0.0 }
    }

    /// The line before continued into this one in the same cell: did it
    /// wrap where a line of that column wraps?
    fn wrap(&self, previous_len: usize, previous: &FlowLine, line: &FlowLine, column: usize) -> f64 {
        if !previous.trailing_space {
            return 0.0;
        }
        if line.flow_break {
            return 0.0;
        }
        if self.blank_separated && line.blank_before > 0 {
            // The first column names the record: one paragraph.
            return if column == 0 { cost::TITLE_PARAGRAPH } else { cost::PARAGRAPH };
        }
        if !self.blank_separated && previous.ends_sentence() {
            return 0.0;
        }
        let w = self.widths.get(column).copied().unwrap_or(40.0);
        let room = w - (0.12 * w).max(2.0);
        let fit = (previous_len + 1 + line.first_word_len()) as f64;
        if fit <= room { cost::EARLY_WRAP + 0.2 * (room - fit) } else { 0.0 }
    }

    fn cell_start(&self, line: &FlowLine, from: usize) -> f64 {
        let mut c = if line.starts_lower(from) { cost::LOWER_START } else { 0.0 };
        if from == 0 && self.blank_separated && line.blank_before == 0 && !line.flow_break {
            c += cost::NO_BLANK;
        }
        c
    }

    /// Runs the programme; returns the total cost and each line's step.
    fn solve(&self) -> (f64, Vec<Step>) {
        let k = self.widths.len().max(1);
        let n = self.lines.len();
        // state: (column of the last part, length of the last part)
        type Cell = Option<(f64, usize, usize)>; // cost, previous state index, split
        let mut states: Vec<Vec<(usize, usize)>> = Vec::with_capacity(n);
        let mut table: Vec<Vec<Cell>> = Vec::with_capacity(n);
        let mut steps_of: Vec<Vec<Step>> = Vec::with_capacity(n);
        for (i, line) in self.lines.iter().enumerate() {
            let mut here_states: Vec<(usize, usize)> = Vec::new();
            let mut here: Vec<Cell> = Vec::new();
            let mut here_steps: Vec<Step> = Vec::new();
            let previous: Vec<(usize, (usize, usize), f64)> = if i == 0 {
                vec![(usize::MAX, (0, 0), 0.0)]
            } else {
                let prev_states = states.get(i - 1).cloned().unwrap_or_default();
                let prev_table = table.get(i - 1).cloned().unwrap_or_default();
                prev_states
                    .iter()
                    .enumerate()
                    .filter_map(|(s, st)| prev_table.get(s).copied().flatten().map(|(c, _, _)| (s, *st, c)))
                    .collect()
            };
            let total_words = line.words.len();
            for (prev_index, (prev_col, prev_len), prev_cost) in previous {
                let prev_line = if i == 0 { None } else { self.lines.get(i - 1) };
                let cut = prev_line.is_some_and(|p| !p.trailing_space);
                // Where the line's first part may go, with the transition's cost.
                let mut firsts: Vec<(usize, f64, bool)> = Vec::new();
                if i == 0 {
                    firsts.push((0, 0.0, true));
                } else {
                    for a in 0..k {
                        let leave = if cut { cost::CUT_WORD } else { 0.0 };
                        if a == prev_col {
                            let wrap = prev_line.map_or(0.0, |p| self.wrap(prev_len, p, line, a));
                            firsts.push((a, wrap, false));
                        }
                        if a > prev_col {
                            let skip = (a - prev_col - 1) as f64 * cost::SKIP;
                            firsts.push((a, leave + cost::NEXT_CELL + skip + self.cell_start(line, 0), false));
                        }
                        if a < prev_col && line.flow_break && a > 0 {
                            firsts.push((a, leave + cost::RESUME, false));
                        }
                        if a == 0 && prev_col > 0 {
                            let skip = (k - 1 - prev_col) as f64 * cost::SKIP;
                            let resume = if line.flow_break && line.starts_lower(0) { cost::RESUME } else { 0.0 };
                            if resume > 0.0 {
                                firsts.push((0, leave + resume, false));
                            }
                            firsts.push((0, leave + cost::NEW_ROW + skip + self.cell_start(line, 0), true));
                        }
                    }
                }
                for (a, transition, new_row) in firsts {
                    let base = prev_cost + transition;
                    // Whole line in column a.
                    let whole = base + self.overflow(line.len(), a);
                    let step = Step { first: a, split: 0, second: a, new_row };
                    push_state(&mut here_states, &mut here, &mut here_steps, (a, line.len()), whole, prev_index, step);
                    // Two cells on the line, when it is too long for column a.
                    if self.overflow(line.len(), a) > 0.0 && total_words > 1 {
                        for split in 1..total_words.min(MAX_SPLIT_WORDS) {
                            let head = line.len_of(0, split);
                            let tail = line.len_of(split, total_words);
                            for b in a + 1..k {
                                let c = base
                                    + cost::SPLIT
                                    + self.overflow(head, a)
                                    + self.overflow(tail, b)
                                    + (b - a - 1) as f64 * cost::SKIP
                                    + self.cell_start(line, split);
                                let step = Step { first: a, split, second: b, new_row };
                                push_state(
                                    &mut here_states,
                                    &mut here,
                                    &mut here_steps,
                                    (b, tail),
                                    c,
                                    prev_index,
                                    step,
                                );
                            }
                        }
                    }
                }
            }
            let (here_states, here, here_steps) = prune(here_states, here, here_steps, k);
            states.push(here_states);
            table.push(here);
            steps_of.push(here_steps);
        }
        // Trace back from the cheapest final state.
        let Some(last) = table.last() else { return (0.0, Vec::new()) };
        let Some((mut state, best)) = last
            .iter()
            .enumerate()
            .filter_map(|(s, c)| c.map(|(cost, _, _)| (s, cost)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
        else {
            return (f64::INFINITY, Vec::new());
        };
        let mut steps = vec![Step { first: 0, split: 0, second: 0, new_row: false }; n];
        for i in (0..n).rev() {
            let Some(Some((_, prev, _))) = table.get(i).and_then(|t| t.get(state)) else { break };
            if let Some(step) = steps_of.get(i).and_then(|s| s.get(state))
                && let Some(slot) = steps.get_mut(i)
            {
                *slot = *step;
            }
            state = *prev;
        }
        (best, steps)
    }
}

/// Keeps, per column, the cheapest state and the cheapest unsplit one: the
/// other lengths of a last part seldom change the next line's cost.
type StateRow = (Vec<(usize, usize)>, Vec<Option<(f64, usize, usize)>>, Vec<Step>);

fn prune(
    states: Vec<(usize, usize)>,
    table: Vec<Option<(f64, usize, usize)>>,
    steps: Vec<Step>,
    columns: usize,
) -> StateRow {
    let mut keep = vec![false; states.len()];
    for c in 0..columns {
        for unsplit_only in [false, true] {
            let best = (0..states.len())
                .filter(|&i| states.get(i).is_some_and(|s| s.0 == c))
                .filter(|&i| !unsplit_only || steps.get(i).is_some_and(|s| s.split == 0))
                .filter_map(|i| table.get(i).copied().flatten().map(|(cost, _, _)| (i, cost)))
                .min_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((i, _)) = best
                && let Some(slot) = keep.get_mut(i)
            {
                *slot = true;
            }
        }
    }
    let mut out: StateRow = (Vec::new(), Vec::new(), Vec::new());
    for (i, ((state, cell), step)) in states.into_iter().zip(table).zip(steps).enumerate() {
        if keep.get(i).copied().unwrap_or(false) {
            out.0.push(state);
            out.1.push(cell);
            out.2.push(step);
        }
    }
    out
}

/// Keeps the cheaper way of reaching a state (column, last part's length).
fn push_state(
    states: &mut Vec<(usize, usize)>,
    table: &mut Vec<Option<(f64, usize, usize)>>,
    steps: &mut Vec<Step>,
    key: (usize, usize),
    cost: f64,
    previous: usize,
    step: Step,
) {
    match states.iter().position(|s| *s == key) {
        Some(at) => {
            if table.get(at).copied().flatten().is_none_or(|(c, _, _)| cost < c) {
                if let Some(slot) = table.get_mut(at) {
                    *slot = Some((cost, previous, step.split));
                }
                if let Some(slot) = steps.get_mut(at) {
                    *slot = step;
                }
            }
        }
        None => {
            states.push(key);
            table.push(Some((cost, previous, step.split)));
            steps.push(step);
        }
    }
}

/// Learns the columns' wrap widths by alternating: segment with the current
/// widths, then set each column's width to the longest of its lines (the
/// 90th percentile, so one mistaken line does not widen it), until the
/// widths settle. The start is the body's typical line length everywhere.
fn learn_widths(lines: &[FlowLine], columns: usize, blank_separated: bool) -> Vec<f64> {
    let mut lengths: Vec<usize> = lines.iter().map(FlowLine::len).collect();
    lengths.sort_unstable();
    let typical = lengths.get(lengths.len() * 3 / 4).copied().unwrap_or(30) as f64;
    let mut widths = vec![typical; columns];
    for _ in 0..8 {
        let (_, steps) = Model { lines, widths: widths.clone(), blank_separated }.solve();
        let mut per_column: Vec<Vec<usize>> = vec![Vec::new(); columns];
        for (line, step) in lines.iter().zip(&steps) {
            let (first, second) = if step.split > 0 {
                (line.len_of(0, step.split), Some(line.len_of(step.split, line.words.len())))
            } else {
                (line.len(), None)
            };
            if let Some(v) = per_column.get_mut(step.first) {
                v.push(first);
            }
            if let (Some(len), Some(v)) = (second, per_column.get_mut(step.second)) {
                v.push(len);
            }
        }
        let next: Vec<f64> = per_column
            .iter_mut()
            .zip(&widths)
            .map(|(v, old)| {
                v.sort_unstable();
                v.get(v.len() * 9 / 10).map_or(*old, |&l| l as f64)
            })
            .collect();
        if next == widths {
            break;
        }
        widths = next;
    }
    widths
}

/// Lays the flowed form out as pages of a ruled table, with a diagnostic
/// saying how far the segmentation can be trusted.
pub fn pages(text: &str) -> (Vec<Page>, Vec<Diagnostic>) {
    let lines = read_lines(text);
    let Some((start, end, headers)) = find_header(&lines) else {
        return (vec![plain_page(&lines)], Vec::new());
    };
    let preamble = lines.get(..start).unwrap_or_default().to_vec();
    let header_lines = lines.get(start..end).unwrap_or_default().to_vec();
    let rest = drop_repeated_headers(lines.get(end..).unwrap_or_default().to_vec(), &header_lines);
    let (body, notes) = split_notes(rest);
    let blank_separated = blank_lines_separate(&body);
    let widths = learn_widths(&body, headers.len(), blank_separated);
    let model = Model { lines: &body, widths: widths.clone(), blank_separated };
    let (_, steps) = model.solve();
    let shown: Vec<String> = widths.iter().map(|w| format!("{w:.0}")).collect();
    let diagnostic = Diagnostic::warning(
        "text.flowed_segmentation",
        format!(
            "cells were assigned to columns from the text's line widths (learned wrap widths, in characters: {}); \
             this form does not say which column a line belongs to, so check the cells against the PDF",
            shown.join(", ")
        ),
    );
    (layout(&preamble, &headers, &body, &steps, &widths, &notes), vec![diagnostic])
}

/// Notes: the trailing lines much longer than any cell's, from the last
/// line that opens with `*` or from the first such long line.
fn split_notes(mut lines: Vec<FlowLine>) -> (Vec<FlowLine>, Vec<FlowLine>) {
    let mut lengths: Vec<usize> = lines.iter().map(FlowLine::len).collect();
    lengths.sort_unstable();
    let wide = lengths.get(lengths.len() * 9 / 10).copied().unwrap_or(40) * 3 / 2;
    let mut cut = lines.len();
    for (i, line) in lines.iter().enumerate().rev() {
        if line.len() > wide || line.words.first().is_some_and(|w| w.starts_with('*')) && line.len() > wide / 2 {
            cut = i;
        } else {
            break;
        }
    }
    let notes = lines.split_off(cut);
    (lines, notes)
}

fn words_at(text_words: &[String], x: f64, baseline: f64, trailing_space: bool) -> Vec<Word> {
    let mut out = Vec::new();
    let mut col = 0usize;
    let count = text_words.len();
    for (i, w) in text_words.iter().enumerate() {
        let len = w.chars().count();
        out.push(Word {
            text: w.clone(),
            bbox: Rect {
                x0: x + col as f64 * CHAR_WIDTH,
                y0: baseline - 0.8 * FONT_SIZE,
                x1: x + (col + len) as f64 * CHAR_WIDTH,
                y1: baseline + 0.2 * FONT_SIZE,
            },
            font_size: FONT_SIZE,
            bold: false,
            space_after: i + 1 < count || trailing_space,
        });
        col += len + 1;
    }
    out
}

/// A page that simply holds the lines, for text with no register header.
fn plain_page(lines: &[FlowLine]) -> Page {
    let mut words = Vec::new();
    for (row, line) in lines.iter().enumerate() {
        words.extend(words_at(&line.words, 0.0, (row as f64 + 1.0) * LINE_HEIGHT, line.trailing_space));
    }
    Page { number: 1, width: 1000.0, height: (lines.len() as f64 + 2.0) * LINE_HEIGHT, words, rules: Vec::new() }
}

fn rule(x0: f64, y0: f64, x1: f64, y1: f64) -> Rule {
    Rule { rect: Rect::from_corners(x0, y0, x1, y1) }
}

/// Writes the segmentation as ruled pages: header on every page, one band
/// per row, a new page at each page break of the source.
fn layout(
    preamble: &[FlowLine],
    headers: &[String],
    body: &[FlowLine],
    steps: &[Step],
    widths: &[f64],
    notes: &[FlowLine],
) -> Vec<Page> {
    let k = headers.len();
    let gap = 4.0 * CHAR_WIDTH;
    let mut xs = vec![0.0];
    for c in 0..k {
        let w = widths.get(c).copied().unwrap_or(40.0).max(headers.get(c).map_or(0, |h| h.chars().count()) as f64);
        xs.push(xs.last().copied().unwrap_or(0.0) + (w + 8.0) * CHAR_WIDTH + gap);
    }
    let right = xs.last().copied().unwrap_or(1000.0);
    let x_of = |c: usize| xs.get(c).copied().unwrap_or(0.0) + CHAR_WIDTH;

    // Rows of cells per page: (page index, cells: column → lines of words with trailing flag).
    type CellLines = Vec<(Vec<String>, bool)>;
    let mut pages_rows: Vec<Vec<Vec<CellLines>>> = vec![Vec::new()];
    let mut current: Option<Vec<CellLines>> = None;
    for (line, step) in body.iter().zip(steps) {
        if line.flow_break || step.new_row {
            if let (Some(row), Some(page)) = (current.take(), pages_rows.last_mut()) {
                page.push(row);
            }
            if line.flow_break {
                pages_rows.push(Vec::new());
            }
        }
        let row = current.get_or_insert_with(|| vec![Vec::new(); k]);
        let (head, tail) = if step.split > 0 {
            (line.words.get(..step.split).unwrap_or_default(), line.words.get(step.split..).unwrap_or_default())
        } else {
            (line.words.as_slice(), &[][..])
        };
        if let Some(cell) = row.get_mut(step.first) {
            cell.push((head.to_vec(), if step.split > 0 { true } else { line.trailing_space }));
        }
        if step.split > 0
            && let Some(cell) = row.get_mut(step.second)
        {
            cell.push((tail.to_vec(), line.trailing_space));
        }
    }
    if let (Some(row), Some(page)) = (current.take(), pages_rows.last_mut()) {
        page.push(row);
    }

    let mut pages = Vec::new();
    let last_page = pages_rows.len().saturating_sub(1);
    for (p, rows) in pages_rows.iter().enumerate() {
        let mut words = Vec::new();
        let mut rules = Vec::new();
        let mut y = LINE_HEIGHT;
        if p == 0 {
            for line in preamble {
                words.extend(words_at(&line.words, 0.0, y, line.trailing_space));
                y += 2.0 * LINE_HEIGHT;
            }
        }
        let top = y;
        rules.push(rule(0.0, top, right, top));
        y += LINE_HEIGHT;
        for (c, header) in headers.iter().enumerate() {
            let header_words: Vec<String> = header.split_whitespace().map(str::to_string).collect();
            words.extend(words_at(&header_words, x_of(c), y, false));
        }
        y += 0.5 * LINE_HEIGHT;
        rules.push(rule(0.0, y, right, y));
        for row in rows {
            let mut height = 0usize;
            for (c, cell) in row.iter().enumerate() {
                for (n, (cell_words, trailing)) in cell.iter().enumerate() {
                    let baseline = y + (n as f64 + 1.0) * LINE_HEIGHT;
                    words.extend(words_at(cell_words, x_of(c), baseline, *trailing));
                }
                height = height.max(cell.len());
            }
            y += (height as f64 + 0.5) * LINE_HEIGHT;
            rules.push(rule(0.0, y, right, y));
        }
        for x in &xs {
            rules.push(rule(*x, top, *x, y));
        }
        if p == last_page {
            y += LINE_HEIGHT;
            for line in notes {
                y += LINE_HEIGHT
                    * if line.blank_before > 0 || line.words.first().is_some_and(|w| w.starts_with('*')) {
                        2.0
                    } else {
                        1.0
                    };
                words.extend(words_at(&line.words, 0.0, y, line.trailing_space));
            }
        }
        pages.push(Page {
            number: u32::try_from(p + 1).unwrap_or(u32::MAX),
            width: right + CHAR_WIDTH,
            height: y + 2.0 * LINE_HEIGHT,
            words,
            rules,
        });
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_split_at_capitalized_openings() {
        let words: Vec<String> = "Intitulé Finalités Responsable de traitement (et co-RT) Catégories de données traitées Catégories de personnes concernées"
            .split(' ')
            .map(str::to_string)
            .collect();
        assert_eq!(
            split_headers(&words),
            [
                "Intitulé",
                "Finalités",
                "Responsable de traitement (et co-RT)",
                "Catégories de données traitées",
                "Catégories de personnes concernées"
            ]
        );
    }
}

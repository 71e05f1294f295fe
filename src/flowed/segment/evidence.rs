//! What the text says about columns besides line widths, learned from a
//! first reading: section headings, empty cells, cells sharing lines, header
//! echoes and each column's vocabulary.

use super::*;

/// What the text says about columns besides line widths.
#[derive(Debug)]
pub(in crate::flowed) struct Evidence {
    /// Per line, the word a retention statement opens at, if the line
    /// states one.
    pub retention_start: Vec<Option<usize>>,
    /// Columns that hold retention statements (data categories, retention).
    pub retention_column: Vec<bool>,
    /// Lines that open with a record number (`12`, `T-03`), alone or
    /// before the next cell's first words.
    pub number_opening: Vec<bool>,
    /// Lines that open with a number of the register's numbering (a run
    /// of record numbers counting up down the text), outside which a
    /// record number is much dearer.
    pub number_counted: Vec<bool>,
    /// The record-number column (`N°`), if the register has one.
    pub number_column: Option<usize>,
    /// The words each column uses, learned from a previous segmentation.
    pub vocabulary: Option<Vocabulary>,
    /// How often a cell shares its last line with the next cell, learned
    /// from a previous segmentation.
    pub shared_lines: Option<SharedLines>,
    /// Whether the text prints a row's cells apart, never two on one line:
    /// its header's cells each open a line and its record numbers stand
    /// alone. Cells then share a line only at [`cost::SPLIT_APART`] until
    /// the odds are learned.
    pub cells_apart: bool,
    /// How often a row leaves a cell empty, learned from a previous
    /// segmentation.
    pub empty_cells: Option<EmptyCells>,
    /// How often a section heading comes before a row, learned from a
    /// previous segmentation.
    pub sections: Option<Sections>,
    /// The widest each column may wrap, where its header's own wraps show
    /// it (see `header_wrap_caps`).
    pub width_caps: Vec<Option<f64>>,
    /// Per line, per word: the column whose header the word echoes, if
    /// any ([`header_echo`]).
    pub header_echoes: Vec<Vec<Option<usize>>>,
}

impl Evidence {
    /// What the line-level evidence says about words `from..to` of line `i`
    /// in `column`: retention statements and record numbers (a part that is
    /// the line's opening record number alone).
    pub(in crate::flowed) fn line_evidence(&self, i: usize, from: usize, to: usize, column: usize) -> f64 {
        let mut c = 0.0;
        let states_retention = self.retention_start.get(i).copied().flatten().is_some_and(|w| (from..to).contains(&w));
        if states_retention && !self.retention_column.get(column).copied().unwrap_or(true) {
            c += cost::RETENTION_ELSEWHERE;
        }
        if let Some(number_column) = self.number_column {
            // The opening number belongs alone to the number column.
            let opens = from == 0 && self.number_opening.get(i).copied().unwrap_or(false);
            let number = opens && to == 1;
            if number != (column == number_column) || opens && to > 1 {
                let counted = opens && self.number_counted.get(i).copied().unwrap_or(false);
                c += if counted { cost::COUNTED_NUMBER_ELSEWHERE } else { cost::NUMBER_ELSEWHERE };
            }
        }
        c
    }

    /// What line `i` going on a cell of `column` (not opening one) adds to
    /// the reading's cost: a record number opens its row's number cell, so
    /// the number column's cell going on with one holds text before its
    /// number (a section heading read into it, mostly).
    pub(in crate::flowed) fn number_goes_on(&self, i: usize, column: usize) -> f64 {
        let opens = self.number_opening.get(i).copied().unwrap_or(false);
        if opens && self.number_column == Some(column) { cost::NUMBER_ELSEWHERE } else { 0.0 }
    }

    /// What a cell of `column` opening at word `from` of line `line` adds
    /// to the reading's cost: less where the word echoes the column's
    /// header ([`header_echo`]).
    pub fn echo(&self, line: usize, from: usize, column: usize) -> f64 {
        let echoed = self.header_echoes.get(line).and_then(|words| words.get(from)).copied().flatten();
        if echoed == Some(column) { -cost::HEADER_ECHO } else { 0.0 }
    }

    /// Per line of `lines`: the most the lines after it can take off a
    /// reading's cost, each word echoing a header opening a cell
    /// ([`Evidence::echo`]). A reading's cost so far, less that, bounds its
    /// final cost from below.
    pub fn echo_bonus_after(&self, lines: usize) -> Vec<f64> {
        let mut after = vec![0.0; lines];
        let mut ahead = 0.0;
        for i in (0..lines).rev() {
            if let Some(slot) = after.get_mut(i) {
                *slot = ahead;
            }
            let echoes = self.header_echoes.get(i).map_or(0, |words| words.iter().flatten().count());
            ahead += echoes as f64 * cost::HEADER_ECHO;
        }
        after
    }

    /// `widths` with each column no wider than its cap.
    pub fn capped(&self, mut widths: Vec<f64>) -> Vec<f64> {
        for (w, cap) in widths.iter_mut().zip(&self.width_caps) {
            if let Some(cap) = cap {
                *w = w.min(*cap);
            }
        }
        widths
    }

    /// Whether `width` is within column `column`'s cap.
    pub fn within_cap(&self, column: usize, width: f64) -> bool {
        self.width_caps.get(column).copied().flatten().is_none_or(|cap| width <= cap)
    }

    /// The column that names the record: the first, or the one after the
    /// record number.
    pub fn title_column(&self) -> usize {
        self.number_column.map_or(0, |n| n + 1)
    }
}

/// Whether the register sets section headings (rows across the table
/// naming a group of records) and so how likely a line that may be one is
/// a heading where a row ends. Most registers have none: before anything
/// is learned, or where a reading found none, a heading costs
/// [`cost::SECTION`], which only strong evidence pays (a line before the
/// first row that no column takes). A register that sets one sets them
/// before every group of rows, where they are easily read as the last
/// paragraph of the row before: once a reading found one, a line that may
/// be a heading at a row's end is as likely one as not. Headings numbered
/// alike (`Usagers (1)`, `Usagers (2)`) say so before any reading, as
/// likely as that, and likelier once a reading found them.
#[derive(Debug, Clone, PartialEq)]
pub(in crate::flowed) struct Sections {
    /// Whether a reading found headings.
    pub found: bool,
    /// The numbering the headings share, as a word's form with its digits
    /// masked (`(#)` of `Usagers (2)`, `#.` of `3. Usagers`): of the headings
    /// a reading found, or before any, of the lines that count up.
    pub numbering: Vec<String>,
}

/// Odds of a heading where a row ends, in a register that sets them.
pub(super) const HEADING_ODDS: f64 = 0.5;
/// Odds of a heading where a row ends on a line numbered as the register
/// numbers its headings.
pub(super) const NUMBERED_HEADING_ODDS: f64 = 0.9;
/// Fewest headings that must share a numbering for it to mark headings.
pub(super) const MIN_NUMBERED_HEADINGS: usize = 2;

/// The numbering of a line: its first and last words, each with its form
/// (the word with its digits masked), where they are numbers set with a
/// mark (`(#)`, `#.`, `#)`); a bare number or a word numbers nothing.
fn numbered_ends(words: &[String]) -> impl Iterator<Item = (String, &String)> + '_ {
    let ends = [words.first(), words.last().filter(|_| words.len() > 1)];
    ends.into_iter().flatten().filter_map(|w| {
        let form = crate::layout::digit_runs_masked(w);
        let numbered = form.contains('#')
            && form.chars().any(|c| !c.is_alphanumeric() && c != '#')
            && !form.chars().any(char::is_alphabetic);
        numbered.then_some((form, w))
    })
}

/// The number a numbering word holds (`2` of `(2)`).
fn numbering_value(word: &str) -> Option<u32> {
    word.chars().filter(char::is_ascii_digit).collect::<String>().parse().ok()
}

impl Sections {
    /// Before any reading: the numbering that lines which may head a
    /// section ([`may_head_section`]) share, where it counts up from line to
    /// line as headings do (`Ressources humaines (1)`, `Usagers (1)`,
    /// `Ressources humaines (2)`; `1. …`, `2. …`). A note's mark repeated
    /// on lines (`(1)`, `(1)`) counts nothing up.
    pub fn numbered_lines(lines: &[FlowLine], evidence: &Evidence, columns: usize) -> Self {
        // Per form: the first number, the last, and whether none went down.
        let mut seen: HashMap<String, (u32, u32, bool)> = HashMap::new();
        let may_head = lines.iter().enumerate().filter(|(i, l)| may_head_section(evidence, columns, *i, l));
        for line in may_head.map(|(_, line)| line) {
            for (form, word) in numbered_ends(&line.words) {
                let Some(value) = numbering_value(word) else { continue };
                let (_, last, ordered) = seen.entry(form).or_insert((value, value, true));
                *ordered &= value >= *last;
                *last = value;
            }
        }
        let mut numbering: Vec<String> = seen
            .into_iter()
            .filter(|&(_, (first, last, ordered))| ordered && last > first)
            .map(|(form, _)| form)
            .collect();
        numbering.sort_unstable();
        Sections { found: false, numbering }
    }

    /// Whether a segmentation found headings, and the numbering they share.
    pub fn learn(lines: &[FlowLine], steps: &[Step]) -> Self {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for (line, _) in lines.iter().zip(steps).filter(|(_, s)| s.section) {
            for form in numbered_ends(&line.words).map(|(form, _)| form) {
                *counts.entry(form).or_default() += 1;
            }
        }
        let mut numbering: Vec<String> =
            counts.into_iter().filter(|&(_, n)| n >= MIN_NUMBERED_HEADINGS).map(|(form, _)| form).collect();
        numbering.sort_unstable();
        Sections { found: steps.iter().any(|s| s.section), numbering }
    }

    /// The cost of `words` as a heading before a row.
    pub(super) fn heading_cost(&self, words: &[String]) -> f64 {
        let numbered = numbered_ends(words).map(|(form, _)| form).any(|form| self.numbering.contains(&form));
        match (self.found, numbered) {
            (true, true) => -NUMBERED_HEADING_ODDS.ln(),
            (true, false) | (false, true) => -HEADING_ODDS.ln(),
            (false, false) => cost::SECTION,
        }
    }
}

/// How often the register leaves a cell empty: some fill every cell of
/// every row, others leave a column blank now and then. Where a reading
/// finds every cell filled, a reading that empties one to give its lines
/// to a neighbour is the less likely.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(in crate::flowed) struct EmptyCells {
    /// Probability that a row's cell is empty.
    pub probability: f64,
}

/// Bounds of the learned empty-cell probability, so that no reading is
/// ever ruled out.
pub(super) const EMPTY_CELL_ODDS: (f64, f64) = (0.01, 0.5);

impl EmptyCells {
    /// Counts, in a segmentation, the cells of each row that no line
    /// fills (on any of its pages).
    pub fn learn(steps: &[Step], columns: usize) -> Self {
        let (mut empty, mut cells) = (0u32, 0u32);
        let mut filled = 0u64;
        let mut tally = |filled: u64| {
            let k = u32::try_from(columns.min(64)).unwrap_or(64);
            empty += k.saturating_sub(filled.count_ones());
            cells += k;
        };
        let mut started = false;
        for step in steps.iter().filter(|s| !s.section) {
            if step.new_row && started {
                tally(filled);
                filled = 0;
            }
            started = true;
            for column in step.columns().filter(|&c| c < 64) {
                filled |= 1 << column;
            }
        }
        if started {
            tally(filled);
        }
        let probability = (f64::from(empty) + 1.0) / (f64::from(cells) + 2.0);
        EmptyCells { probability: probability.clamp(EMPTY_CELL_ODDS.0, EMPTY_CELL_ODDS.1) }
    }

    /// The cost of leaving a cell empty.
    pub(super) fn skip_cost(self) -> f64 {
        -self.probability.ln()
    }
}

/// How the extraction prints neighbouring cells of a row. Cells being
/// top-aligned, a one-line cell sits on the next cell's first baseline:
/// some extractions print the two on one line, some as one block of lines
/// (no blank line between them, where blank lines separate paragraphs),
/// others every cell apart. The odds of each, after a one-line cell and
/// after a taller one, are learned from a segmentation of the document
/// itself.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(in crate::flowed) struct SharedLines {
    /// How a one-line cell meets the next cell.
    pub after_single: Meeting,
    /// How a taller cell meets the next cell.
    pub after_tall: Meeting,
}

/// The probabilities that a cell shares its last line with the next cell,
/// or its block of lines; it is apart otherwise.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(in crate::flowed) struct Meeting {
    /// On one line.
    pub line: f64,
    /// On lines of one block.
    pub block: f64,
}

/// Bounds of a learned shared-line probability, so that no reading is ever
/// ruled out.
pub(super) const SHARED_LINE_ODDS: (f64, f64) = (0.02, 0.98);

/// How often each meeting was seen: (on a line, in a block, in all).
#[derive(Default)]
pub(super) struct MeetingCounts {
    line: u32,
    block: u32,
    all: u32,
}

impl MeetingCounts {
    /// Add-one smoothed odds; a block only where blank lines can show it.
    fn odds(&self, blank_separated: bool) -> Meeting {
        let outcomes = if blank_separated { 3.0 } else { 2.0 };
        let odds = |n: u32| {
            ((f64::from(n) + 1.0) / (f64::from(self.all) + outcomes)).clamp(SHARED_LINE_ODDS.0, SHARED_LINE_ODDS.1)
        };
        Meeting { line: odds(self.line), block: if blank_separated { odds(self.block) } else { 0.0 } }
    }
}

impl SharedLines {
    /// Counts, in a segmentation of `lines`, the cells left for the next
    /// cell of the same row part on the same page: on a line they share,
    /// in one block, or apart.
    pub fn learn(lines: &[FlowLine], steps: &[Step], columns: usize, blank_separated: bool) -> Self {
        let mut counts = vec![0u16; columns];
        let mut last: Option<usize> = None;
        let mut single = MeetingCounts::default();
        let mut tall = MeetingCounts::default();
        for (line, step) in lines.iter().zip(steps).filter(|(_, s)| !s.section) {
            if step.new_row || step.page_break {
                counts.fill(0);
                last = None;
            }
            // Each part: the cell before it shared the line, or the block
            // when the part opens the line with no blank before it.
            for (i, column) in step.columns().enumerate() {
                if let Some(previous) = last
                    && column != previous
                {
                    let n = counts.get(previous).copied().unwrap_or(0);
                    let seen = if n <= 1 { &mut single } else { &mut tall };
                    seen.all += 1;
                    if i > 0 {
                        seen.line += 1;
                    } else if blank_separated && unblanked(line) {
                        seen.block += 1;
                    }
                }
                if let Some(n) = counts.get_mut(column) {
                    *n = n.saturating_add(1);
                }
                last = Some(column);
            }
        }
        SharedLines { after_single: single.odds(blank_separated), after_tall: tall.odds(blank_separated) }
    }

    fn meeting(self, lines: u16) -> Meeting {
        if lines <= 1 { self.after_single } else { self.after_tall }
    }

    /// The cost of a cell of `lines` lines sharing its last line with the
    /// next cell.
    pub(super) fn shared_cost(self, lines: u16) -> f64 {
        -self.meeting(lines).line.ln()
    }

    /// The cost of a cell of `lines` lines sharing its block of lines with
    /// the next cell.
    pub(super) fn block_cost(self, lines: u16) -> f64 {
        -self.meeting(lines).block.ln()
    }

    /// The cost of a cell of `lines` lines leaving the next cell a line of
    /// its own, apart.
    pub(super) fn apart_cost(self, lines: u16) -> f64 {
        let meeting = self.meeting(lines);
        -(1.0 - meeting.line - meeting.block).max(SHARED_LINE_ODDS.0).ln()
    }
}

/// Fewest letters a header word needs to echo its column: shorter ones
/// are articles and prepositions, or too common to name a column.
pub(super) const MIN_HEADER_ECHO_CHARS: usize = 4;

/// The column whose header a word echoes, given the words that name one
/// column only in the header (`header_words`): a capitalized word that is
/// one of them (`Données` under `Catégories de données`, `Durée` under
/// `Durée de conservation`). Cells echo their own column's header: such a
/// word opens an item of that column's cells far more often than it
/// stands in another's.
pub(in crate::flowed) fn header_echo(word: &str, header_words: &HashMap<String, usize>) -> Option<usize> {
    if !word.starts_with(char::is_uppercase) {
        return None;
    }
    header_words.get(&header_echo_form(word)?).copied()
}

/// A word as header echoes compare it, in its vocabulary form
/// (`d’identité` → `identité`); `None` for a function word or one shorter
/// than [`MIN_HEADER_ECHO_CHARS`].
pub(in crate::flowed) fn header_echo_form(word: &str) -> Option<String> {
    let form = crate::layout::vocabulary_form(word);
    (form.chars().count() >= MIN_HEADER_ECHO_CHARS && !crate::flowed::is_function_word(&form)).then_some(form)
}

/// Word as the vocabulary counts it.
pub(super) fn vocabulary_word(word: &str) -> Option<String> {
    let word: String = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    (word.chars().count() >= 2).then_some(word)
}

/// Word counts per column of a segmentation. Registers repeat themselves
/// column by column (the same controller, the same kinds of data and
/// recipients), so a line is likelier in a column that uses its words. Each
/// row's own counts are kept apart so that a line is judged by the other
/// rows only and a segmentation does not merely confirm itself.
#[derive(Debug)]
pub(in crate::flowed) struct Vocabulary {
    columns: Vec<HashMap<String, f64>>,
    column_totals: Vec<f64>,
    all: HashMap<String, f64>,
    total: f64,
    line_row: Vec<usize>,
    rows: Vec<RowCounts>,
}

#[derive(Debug, Default)]
pub(super) struct RowCounts {
    columns: Vec<HashMap<String, f64>>,
    column_totals: Vec<f64>,
    all: HashMap<String, f64>,
    total: f64,
}

impl Vocabulary {
    /// Counts the words of each column under a segmentation.
    pub fn learn(lines: &[FlowLine], steps: &[Step], columns: usize) -> Self {
        let mut v = Vocabulary {
            columns: vec![HashMap::new(); columns],
            column_totals: vec![0.0; columns],
            all: HashMap::new(),
            total: 0.0,
            line_row: Vec::with_capacity(lines.len()),
            rows: Vec::new(),
        };
        for (line, step) in lines.iter().zip(steps) {
            if step.new_row || v.rows.is_empty() {
                v.rows.push(RowCounts {
                    columns: vec![HashMap::new(); columns],
                    column_totals: vec![0.0; columns],
                    ..RowCounts::default()
                });
            }
            v.line_row.push(v.rows.len() - 1);
            let Some(row) = v.rows.last_mut() else { continue };
            if step.section {
                continue;
            }
            for (i, word) in line.words.iter().enumerate() {
                let column = step.column_of(i);
                let Some(word) = vocabulary_word(word) else { continue };
                for (map, total) in [
                    (v.columns.get_mut(column), v.column_totals.get_mut(column)),
                    (row.columns.get_mut(column), row.column_totals.get_mut(column)),
                    (Some(&mut v.all), Some(&mut v.total)),
                    (Some(&mut row.all), Some(&mut row.total)),
                ] {
                    if let (Some(map), Some(total)) = (map, total) {
                        *map.entry(word.clone()).or_default() += 1.0;
                        *total += 1.0;
                    }
                }
            }
        }
        v
    }

    /// The vocabulary cost of line `line` as a section heading, in no
    /// column: a word other rows use has no odds there (the heading is
    /// judged against all columns'); a word no other row uses gets the
    /// cost of the column it favours most, since add-half smoothing makes
    /// an unseen word likelier in every column than in all, a bias the
    /// heading must share to be judged fairly against them.
    pub(super) fn heading_cost(&self, line: usize, words: &[String], columns: usize) -> f64 {
        let Some(row) = self.line_row.get(line).and_then(|&r| self.rows.get(r)) else { return 0.0 };
        let count = |map: &HashMap<String, f64>, w: &str| map.get(w).copied().unwrap_or(0.0);
        let costs = self.word_costs(line, words, columns);
        words
            .iter()
            .enumerate()
            .filter(|(_, word)| {
                vocabulary_word(word).is_some_and(|w| count(&self.all, &w) - count(&row.all, &w) <= 0.0)
            })
            .map(|(w, _)| {
                let row_costs = costs.get(w * columns..(w + 1) * columns).unwrap_or_default();
                row_costs.iter().copied().fold(0.0, f64::min)
            })
            .sum()
    }

    /// Costs of the words of line `line` in each column (`words.len()`
    /// rows of `columns` values): minus the weighted log-odds of the
    /// column's word frequencies (other rows only) against all columns',
    /// with add-half smoothing.
    pub(super) fn word_costs(&self, line: usize, words: &[String], columns: usize) -> Vec<f64> {
        let mut out = vec![0.0; words.len() * columns];
        let Some(row) = self.line_row.get(line).and_then(|&r| self.rows.get(r)) else { return out };
        let count = |map: Option<&HashMap<String, f64>>, w: &str| map.and_then(|m| m.get(w)).copied().unwrap_or(0.0);
        let alpha = 0.5;
        let vocabulary_size = self.all.len() as f64 + 1.0;
        let all_total = self.total - row.total;
        for (w, word) in words.iter().enumerate() {
            let Some(word) = vocabulary_word(word) else { continue };
            let anywhere = count(Some(&self.all), &word) - count(Some(&row.all), &word);
            let p_all = (anywhere + alpha) / (all_total + alpha * vocabulary_size);
            for column in 0..columns {
                let column_total = self.column_totals.get(column).copied().unwrap_or(0.0)
                    - row.column_totals.get(column).copied().unwrap_or(0.0);
                let in_column = count(self.columns.get(column), &word) - count(row.columns.get(column), &word);
                let p_column = (in_column + alpha) / (column_total + alpha * vocabulary_size);
                if let Some(slot) = out.get_mut(w * columns + column) {
                    *slot = -cost::VOCABULARY * (p_column / p_all).ln();
                }
            }
        }
        out
    }
}

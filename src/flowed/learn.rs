//! Learning the columns' wrap widths from the flowed text itself.
//!
//! The widths start from the first row, the one place where the column of
//! a line is anchored (it opens at the first column, right after the
//! header, and where records are numbered it ends before the line opening
//! with the next number). The first row is read twice: with the evidence
//! the segmentation weighs (cells sharing a line, record numbers,
//! retention statements), and plainly, a cell a line or more. Its widths
//! are then refined by alternating segmentation and re-estimation, and
//! last by descent on the segmentation's cost: later rows can be read
//! shifted by a column at little cost, so the alternation alone can settle
//! on a shifted reading. Descents are run from several starts and the
//! cheapest kept: from each reading of the first row, alternated, each
//! column in turn and the best change of all first; and from the first
//! row's widths as read. Where the body may open with a section heading,
//! the first row is also read from the line after it, and descended from
//! too: which start is right shows only after the descent. Last, the best
//! widths moved by a column are tried as a start, where that is already
//! cheaper.
//!
//! The descents solve the text a thousand times and more, so they explore
//! only the first rows ([`EXPLORE_LINES_PER_COLUMN`]); the best widths
//! they find are then refined over the whole sample ([`refine`]), beside
//! a start that owes nothing to the first rows (every column at the
//! typical line length) where the best of them leaves a column empty: the
//! cost of learning grows with the document only through that refinement.
//!
//! Widths are learned in characters, or in set width ([`Unit`]). Where the
//! wraps of the reading in characters show a proportional font, each
//! column's width is also learned in set width from that reading
//! ([`set_widths`]).

use std::collections::HashMap;
use std::sync::Mutex;

use rayon::prelude::*;

use super::segment::{
    Evidence, MAX_SPLIT_WORDS, Model, Step, cell_start_cost, cost, ending_cost, may_head_section, new_row_cost,
    next_cell_cost, unblanked_cost, wrap_cost,
};
use super::{FlowLine, LineEnd, Unit};

/// Most lines the widths are learned from (the cost stays linear in the
/// document's length), fewer the more columns: a segmentation costs about
/// lines × columns², and the descent tries every column.
const LEARN_LINES: usize = 2000;
const LEARN_WORK: usize = 2000 * 36;
const MIN_LEARN_LINES: usize = 60;
/// Lines per column the descents explore from several starts (at least
/// [`MIN_LEARN_LINES`]): a few rows, enough to find the basin the widths
/// lie in, which the refinement over the whole sample then settles.
const EXPLORE_LINES_PER_COLUMN: usize = 20;
/// The explored readings refined over the whole sample, cheapest first: the
/// runner-up's basin may be the cheaper one once every line counts.
const REFINED_READINGS: usize = 2;
/// Updates of the steepest descent that opens a refinement: the column
/// whose width the first rows hid (a cell of a few words there) changes
/// first, before the others shift to make up for it.
const REFINE_STEEPEST_UPDATES: usize = 1;
/// After that and a first round over every width, a refinement's column
/// only tries widths within this ratio of its own, and this many
/// characters.
const REFINE_RATIO: f64 = 1.25;
const REFINE_SLACK: f64 = 2.0;
/// Lines the first-row estimate looks at, and most lines one cell may hold.
const FIRST_ROW_LINES: usize = 400;
const FIRST_ROW_CELL_LINES: usize = 80;
/// Rounds of the alternation, and column updates of the coordinate
/// descent (rounds × columns).
const ALTERNATION_ROUNDS: usize = 8;
const DESCENT_UPDATES: usize = 24;
const MAX_DESCENT_ROUNDS: usize = 4;
/// Updates of the steepest descent that comes first (each tries every
/// column and keeps the best change).
const STEEPEST_UPDATES: usize = 3;
/// How much more than the best a runner-up reading may cost and still be
/// plausible (costs are about negative log-odds).
const PLAUSIBLE_MARGIN: f64 = 10.0;
/// Cost of one character of column width, per line of text.
const WIDTH_PRIOR: f64 = 0.0002;
/// Widest column considered, in characters.
const MAX_WIDTH: usize = 160;

/// The widths learned: the cheapest reading's, and the other descent's when
/// it settled elsewhere (a nearly as plausible reading, which says where
/// the segmentation is in doubt).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct LearnedWidths {
    /// One wrap width per column, in characters.
    pub best: Vec<f64>,
    /// The runner-up widths, if any.
    pub runner_up: Option<Vec<f64>>,
}

/// Learns one wrap width per column: explored on the first rows, refined
/// over the whole sample where it is longer; the cheapest reading's
/// widths, and the next that differs as runner-up if nearly as cheap.
pub(super) fn widths(
    lines: &[FlowLine],
    columns: usize,
    blank_separated: bool,
    evidence: &Evidence,
    unit: Unit,
) -> LearnedWidths {
    let lines = learning_sample(lines, columns);
    let explored_lines = (EXPLORE_LINES_PER_COLUMN * columns).max(MIN_LEARN_LINES);
    let explored = lines.get(..lines.len().min(explored_lines)).unwrap_or_default();
    let mut readings = explore(explored, columns, blank_separated, evidence, unit);
    if explored.len() < lines.len() {
        let empty_column = readings
            .first()
            .is_some_and(|(_, widths)| leaves_a_column_empty(explored, widths, blank_separated, evidence, unit));
        // A start owing nothing to the first rows: every column at the
        // sample's typical line length.
        let neutral = empty_column.then(|| evidence.capped(vec![typical_length(lines, unit); columns]));
        readings = refine(lines, &readings, neutral, blank_separated, evidence, unit);
    }
    let mut readings = readings.into_iter();
    let (best_cost, best) = readings.next().unwrap_or_default();
    let runner_up =
        readings.find(|(_, w)| *w != best).filter(|(c, _)| *c <= best_cost + PLAUSIBLE_MARGIN).map(|(_, w)| w);
    LearnedWidths { best, runner_up }
}

/// Whether the reading of `lines` under `widths` gives no line to some
/// column: the first rows read so are one long row, or its lines were read
/// into a neighbour of that column.
fn leaves_a_column_empty(
    lines: &[FlowLine],
    widths: &[f64],
    blank_separated: bool,
    evidence: &Evidence,
    unit: Unit,
) -> bool {
    let (_, steps) = Model { lines, widths, blank_separated, evidence, unit }.solve_quickly();
    let mut filled = vec![false; widths.len()];
    for (line, step) in lines.iter().zip(&steps) {
        for (_, _, column) in step.parts(line.words.len()) {
            if let Some(slot) = filled.get_mut(column) {
                *slot = true;
            }
        }
    }
    filled.contains(&false)
}

/// The first lines, as many as the learning's work allows for `columns`
/// columns: the widths are learned from them.
fn learning_sample(lines: &[FlowLine], columns: usize) -> &[FlowLine] {
    let sample = (LEARN_WORK / columns.max(1).pow(2)).clamp(MIN_LEARN_LINES, LEARN_LINES);
    lines.get(..lines.len().min(sample)).unwrap_or_default()
}

/// The widths a descent from `widths` settles on under `evidence` (learned
/// from a reading under `widths`), over the sample [`widths`] learns from.
pub(super) fn redescended(
    lines: &[FlowLine],
    widths: &[f64],
    blank_separated: bool,
    evidence: &Evidence,
    unit: Unit,
) -> Vec<f64> {
    let lines = learning_sample(lines, widths.len());
    let costs = Costs::default();
    let descent = Descent { lines, blank_separated, evidence, unit, costs: &costs, tried: Tried::Everywhere };
    descent.run(widths.to_vec(), 0).1
}

/// The readings that descents from several starts settle on, with their
/// costs, cheapest first.
fn explore(
    lines: &[FlowLine],
    columns: usize,
    blank_separated: bool,
    evidence: &Evidence,
    unit: Unit,
) -> Vec<(f64, Vec<f64>)> {
    let typical = typical_length(lines, unit);
    // The widths the first row shows, as read and alternated.
    let from_first_row = |skipped: usize, reading: FirstRowReading| {
        let row_lines = lines.get(skipped..).unwrap_or_default();
        let start: Vec<f64> = first_row_widths(row_lines, skipped, columns, blank_separated, evidence, unit, reading)
            .into_iter()
            .map(|w| w.unwrap_or(typical))
            .collect();
        let alternated = alternate(lines, start.clone(), blank_separated, evidence, unit);
        (evidence.capped(start), alternated)
    };
    let costs = Costs::default();
    let (first_row, alternated) = from_first_row(0, FirstRowReading::Evidenced);
    // Where the body may open with a section heading, the row after it.
    let after_heading = lines
        .first()
        .filter(|line| may_head_section(evidence, columns, 0, line))
        .map(|_| from_first_row(1, FirstRowReading::Evidenced).1)
        .filter(|after| *after != alternated);
    // The first row read plainly, alternated.
    let plain = Some(from_first_row(0, FirstRowReading::Plain).1).filter(|p| *p != alternated);
    // A greedy descent settles in the basin its start and first moves lead
    // to, and which start leads to the right reading differs from text to
    // text: the first row's widths alternated or as read (where the first
    // row is right but the other rows shift a column, alternation moves
    // the widths towards the shifted reading), the steepest moves first or
    // not, and the plain first row (the evidence that makes the first row
    // right may still lead to a basin dearer than one a rougher start leads
    // to).
    let descent = Descent { lines, blank_separated, evidence, unit, costs: &costs, tried: Tried::Everywhere };
    let mut readings = vec![descent.run(alternated.clone(), 0), descent.run(alternated.clone(), STEEPEST_UPDATES)];
    // A descent is deterministic: none is run again from the same start.
    if first_row != alternated {
        readings.push(descent.run(first_row, 0));
    }
    if let Some(after) = after_heading {
        readings.push(descent.run(after, 0));
    }
    if let Some(plain) = plain {
        readings.push(descent.run(plain.clone(), 0));
        readings.push(descent.run(plain, STEEPEST_UPDATES));
    }
    readings.sort_by(|a, b| a.0.total_cmp(&b.0));
    descent.escape_shift(&mut readings);
    readings
}

/// A line length most lines of the text stay within (the third quartile):
/// a column width that assumes nothing of which line is whose.
fn typical_length(lines: &[FlowLine], unit: Unit) -> f64 {
    let mut lengths: Vec<usize> = lines.iter().map(|l| l.len.of(unit) as usize).collect();
    lengths.sort_unstable();
    lengths.get(lengths.len() * 3 / 4).copied().unwrap_or(30) as f64
}

/// The explored `readings` refined over all `lines`: the cheapest few
/// descended from again, by the steepest update and a round over every
/// width and then by rounds over widths near each column's own
/// ([`Tried::NearAfterFirstRound`]), and the shifted trap escaped again,
/// as the first rows may hide it. Cheapest first.
///
/// Where the first rows are few (a first row running over pages fills
/// the explored lines alone), every explored reading may lie in a basin
/// the whole sample would not: one that leaves columns empty, their
/// lines read into a neighbour. Where the cheapest leaves one empty, a
/// `neutral` start that owes nothing to the first rows is refined too.
fn refine(
    lines: &[FlowLine],
    readings: &[(f64, Vec<f64>)],
    neutral: Option<Vec<f64>>,
    blank_separated: bool,
    evidence: &Evidence,
    unit: Unit,
) -> Vec<(f64, Vec<f64>)> {
    let costs = Costs::default();
    let descent = Descent { lines, blank_separated, evidence, unit, costs: &costs, tried: Tried::NearAfterFirstRound };
    let mut distinct: Vec<&Vec<f64>> = Vec::new();
    for (_, widths) in readings {
        if distinct.len() < REFINED_READINGS && !distinct.contains(&widths) {
            distinct.push(widths);
        }
    }
    if let Some(neutral) = neutral.as_ref().filter(|n| !distinct.contains(n)) {
        distinct.push(neutral);
    }
    let mut refined: Vec<(f64, Vec<f64>)> =
        distinct.into_iter().map(|w| descent.run(w.clone(), REFINE_STEEPEST_UPDATES)).collect();
    refined.sort_by(|a, b| a.0.total_cmp(&b.0));
    descent.escape_shift(&mut refined);
    refined
}

/// The widths moved one column left and one column right, the column left
/// at the end keeping its width.
fn shifted_by_a_column(widths: &[f64]) -> [Vec<f64>; 2] {
    let left = widths.iter().skip(1).chain(widths.last()).copied().collect();
    let right = widths.first().into_iter().chain(widths.iter().take(widths.len().saturating_sub(1))).copied().collect();
    [left, right]
}

/// Cost of a cell as one wrapping at its own width (its longest line), in
/// the column that names the record if `names_record`, and that width: the
/// cell opens at word `from_word` of line `from` (the line's words before
/// it being other cells) and runs to the end of line `to - 1`.
fn own_width_cell(
    lines: &[FlowLine],
    (from, from_word): (usize, usize),
    to: usize,
    names_record: bool,
    blank_separated: bool,
    unit: Unit,
) -> (f64, f64) {
    let cell = lines.get(from..to).unwrap_or_default();
    let length = |i: usize, line: &FlowLine| if i == 0 { line.len_of(from_word, line.words.len()) } else { line.len };
    let width = cell.iter().enumerate().map(|(i, l)| length(i, l).of(unit)).fold(0.0, f64::max);
    let cost: f64 = cell
        .windows(2)
        .enumerate()
        .map(|(i, pair)| match pair {
            [previous, line] => {
                wrap_cost(blank_separated, unit, width, length(i, previous), previous, line, names_record)
            }
            _ => 0.0,
        })
        .sum();
    (cost, width)
}

/// Where a cell of the first row opens and how the reading got there: at
/// the first line, after a cell that ended with its line, or after a
/// one-line cell sharing the line with it (words `from..to` of the line,
/// in the column of the cell that opened there).
#[derive(Debug, Clone, Copy)]
enum FirstRowStep {
    Start,
    AfterCell { end: usize, column: usize },
    AfterShared { opening: usize, to: usize },
}

/// A cell of the first row opening at word `word` of line `line` in
/// `column`, the cost of the reading up to there, and its step.
#[derive(Debug, Clone, Copy)]
struct FirstRowOpening {
    line: usize,
    word: usize,
    column: usize,
    cost: f64,
    step: FirstRowStep,
}

/// How the first row is read ([`first_row_widths`]).
#[derive(Debug, Clone, Copy, PartialEq)]
enum FirstRowReading {
    /// A cell is a line or more, judged by its own width alone.
    Plain,
    /// Besides: a line may hold one-line cells before the next cell's first
    /// words (cells sharing a baseline, printed as one line); lines that
    /// state a retention period or open with a record number are priced as
    /// in the segmentation ([`Evidence`]); and where the register numbers
    /// its records, the next line opening with a number opens the second
    /// row, so the first row ends before it.
    Evidenced,
}

/// The widths the first row shows, read as `reading` says: a semi-Markov
/// segmentation of the first lines where each cell is judged against its
/// own longest line, so no width has to be guessed beforehand (`lines`
/// start at line `offset` of the body). `None` for a column the first row
/// leaves empty.
fn first_row_widths(
    lines: &[FlowLine],
    offset: usize,
    columns: usize,
    blank_separated: bool,
    evidence: &Evidence,
    unit: Unit,
    reading: FirstRowReading,
) -> Vec<Option<f64>> {
    let evidenced = reading == FirstRowReading::Evidenced;
    let title_column = evidence.title_column();
    let split_cost = if evidence.cells_apart { cost::SPLIT_APART } else { cost::SPLIT };
    let second_row = evidence.number_column.filter(|_| evidenced).and_then(|_| {
        (1..lines.len().min(FIRST_ROW_LINES))
            .find(|&i| evidence.number_opening.get(offset + i).copied().unwrap_or(false))
    });
    let lines = lines.get(..second_row.unwrap_or(lines.len().min(FIRST_ROW_LINES))).unwrap_or_default();
    let n = lines.len();
    let k = columns.max(1);
    // best[end][column]: cheapest segmentation of lines[..end] whose last
    // cell is in `column`, with the opening of that cell.
    let mut best: Vec<Vec<Option<(f64, usize)>>> = vec![vec![None; k]; n + 1];
    let mut openings: Vec<FirstRowOpening> = Vec::new();
    for start in 0..n {
        let Some(line) = lines.get(start) else { break };
        let splits = if evidenced { line.words.len().min(MAX_SPLIT_WORDS) } else { 1 };
        // open[word][column]: the cheapest opening at that word of the line.
        let mut open: Vec<Vec<Option<FirstRowOpening>>> = vec![vec![None; k]; splits.max(1)];
        let keep = |open: &mut Vec<Vec<Option<FirstRowOpening>>>, opening: FirstRowOpening| {
            if let Some(slot) = open.get_mut(opening.word).and_then(|o| o.get_mut(opening.column))
                && slot.is_none_or(|o| opening.cost < o.cost)
            {
                *slot = Some(opening);
            }
        };
        if start == 0 {
            keep(&mut open, FirstRowOpening { line: 0, word: 0, column: 0, cost: 0.0, step: FirstRowStep::Start });
        } else {
            let leave = ending_cost(lines.get(start - 1));
            let start_cost = cell_start_cost(line, 0, false);
            for previous in 0..k {
                let Some(Some((before, previous_opening))) = best.get(start).and_then(|b| b.get(previous)) else {
                    continue;
                };
                let beside_single = openings.get(*previous_opening).is_some_and(|o| start - o.line == 1);
                for column in 0..k {
                    let transition = match next_cell_cost(previous, column, cost::SKIP) {
                        Some(c) => c + unblanked_cost(blank_separated, line, beside_single),
                        None if column == 0 => {
                            new_row_cost(previous, k, cost::SKIP) + unblanked_cost(blank_separated, line, false)
                        }
                        None => continue,
                    };
                    let cost = before + leave + transition + start_cost;
                    let step = FirstRowStep::AfterCell { end: start, column: previous };
                    keep(&mut open, FirstRowOpening { line: start, word: 0, column, cost, step });
                }
            }
        }
        // Openings in word order: a one-line cell from each opens the next
        // cell further along the line.
        for word in 0..splits {
            for column in 0..k {
                let Some(opened) = open.get(word).and_then(|o| o.get(column)).copied().flatten() else { continue };
                let index = openings.len();
                openings.push(opened);
                let mut said = 0.0;
                for end in start + 1..=(start + FIRST_ROW_CELL_LINES).min(n) {
                    let names_record = column == title_column;
                    let from = if end == start + 1 { word } else { 0 };
                    let words = lines.get(end - 1).map_or(0, |l| l.words.len());
                    if evidenced {
                        said += evidence.line_evidence(offset + end - 1, from, words, column);
                    }
                    let cell = own_width_cell(lines, (start, word), end, names_record, blank_separated, unit).0;
                    let total = opened.cost + said + cell;
                    if let Some(slot) = best.get_mut(end).and_then(|b| b.get_mut(column))
                        && slot.is_none_or(|(c, _)| total < c)
                    {
                        *slot = Some((total, index));
                    }
                }
                for to in word + 1..splits {
                    for next in column + 1..k {
                        let Some(transition) = next_cell_cost(column, next, cost::SKIP) else { continue };
                        let said = evidence.line_evidence(offset + start, word, to, column);
                        let cost = opened.cost + said + split_cost + transition + cell_start_cost(line, to, false);
                        let step = FirstRowStep::AfterShared { opening: index, to };
                        keep(&mut open, FirstRowOpening { line: start, word: to, column: next, cost, step });
                    }
                }
            }
        }
    }
    let mut widths = vec![None; k];
    // A row ending before the second one leaves the columns after its
    // last cell empty.
    let row_end = |column: usize| if second_row.is_some() { new_row_cost(column, k, cost::SKIP) } else { 0.0 };
    let Some((column, (_, last))) = best.get(n).and_then(|ends| {
        ends.iter()
            .enumerate()
            .filter_map(|(c, e)| e.map(|e| (c, e)))
            .min_by(|a, b| (a.1.0 + row_end(a.0)).total_cmp(&(b.1.0 + row_end(b.0))))
    }) else {
        return widths;
    };
    // The cells, traced backwards: (column, width). A cell ends with a line
    // (`Ok(end)`, exclusive) or at a word of its own line (`Err(to)`).
    let mut cells = Vec::new();
    let mut cell: Option<(usize, usize, Result<usize, usize>)> = Some((last, column, Ok(n)));
    while let Some((index, column, end)) = cell.take() {
        let Some(opening) = openings.get(index) else { break };
        let width = match end {
            Ok(end) => own_width_cell(lines, (opening.line, opening.word), end, false, blank_separated, unit).1,
            Err(to) => lines.get(opening.line).map_or(0.0, |l| l.len_of(opening.word, to).of(unit)),
        };
        cells.push((column, width));
        cell = match opening.step {
            FirstRowStep::Start => None,
            FirstRowStep::AfterCell { end, column } => {
                best.get(end).and_then(|b| b.get(column)).copied().flatten().map(|(_, o)| (o, column, Ok(end)))
            }
            FirstRowStep::AfterShared { opening, to } => openings.get(opening).map(|o| (opening, o.column, Err(to))),
        };
        if cells.len() > n * k + 1 {
            break;
        }
    }
    // The first row runs from the start up to the first return to column 0.
    for (i, &(column, width)) in cells.iter().rev().enumerate() {
        if i > 0 && column == 0 {
            break;
        }
        if let Some(slot) = widths.get_mut(column) {
            *slot = Some(width);
        }
    }
    widths
}

/// What is known of the reading under some widths: its cost, or that it
/// costs more than a limit it was given up at.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Known {
    Cost(f64),
    Above(f64),
}

/// The costs of the readings already solved, by their widths: the
/// descents from one start, and the rounds of one descent, try the same
/// widths again.
#[derive(Default)]
struct Costs(Mutex<HashMap<Vec<u64>, Known>>);

impl Costs {
    /// The cost under `widths` if at most `limit`, `None` if more; solved
    /// by `solve` (given the limit) unless already known.
    fn within(&self, widths: &[f64], limit: f64, solve: impl FnOnce(f64) -> Option<f64>) -> Option<f64> {
        let key: Vec<u64> = widths.iter().map(|w| w.to_bits()).collect();
        match self.0.lock().ok().and_then(|costs| costs.get(&key).copied()) {
            Some(Known::Cost(cost)) => return Some(cost).filter(|&cost| cost <= limit),
            Some(Known::Above(above)) if limit <= above => return None,
            _ => {}
        }
        // Whatever the solve tells is more than was known.
        let cost = solve(limit);
        if let Ok(mut costs) = self.0.lock() {
            costs.insert(key, cost.map_or(Known::Above(limit), Known::Cost));
        }
        cost
    }
}

/// The cost of the cheapest reading under `widths`, with their prior, if
/// at most `limit`: wider columns explain more lines for free (a line
/// that fits costs nothing), so the prior makes the narrowest widths that
/// explain them win.
fn reading_cost(
    lines: &[FlowLine],
    widths: &[f64],
    blank_separated: bool,
    evidence: &Evidence,
    unit: Unit,
    limit: f64,
) -> Option<f64> {
    let prior = WIDTH_PRIOR * lines.len() as f64 * widths.iter().sum::<f64>();
    let model = Model { lines, widths, blank_separated, evidence, unit };
    model.quick_cost_within(limit - prior).map(|cost| cost + prior).filter(|&cost| cost <= limit)
}

/// Alternates segmenting with the current widths and setting each column's
/// width to the 90th percentile of its lines' lengths (one mistaken line
/// does not widen it), until the widths settle.
fn alternate(
    lines: &[FlowLine],
    mut widths: Vec<f64>,
    blank_separated: bool,
    evidence: &Evidence,
    unit: Unit,
) -> Vec<f64> {
    widths = evidence.capped(widths);
    for _ in 0..ALTERNATION_ROUNDS {
        let (_, steps) = Model { lines, widths: &widths, blank_separated, evidence, unit }.solve_quickly();
        let next = evidence.capped(percentile_widths(lines, &steps, &widths, unit));
        if next == widths {
            break;
        }
        widths = next;
    }
    widths
}

fn percentile_widths(lines: &[FlowLine], steps: &[Step], current: &[f64], unit: Unit) -> Vec<f64> {
    let mut per_column: Vec<Vec<usize>> = vec![Vec::new(); current.len()];
    for (line, step) in lines.iter().zip(steps) {
        for (from, to, column) in step.parts(line.words.len()) {
            if let Some(v) = per_column.get_mut(column) {
                v.push(line.len_of(from, to).of(unit).round() as usize);
            }
        }
    }
    per_column
        .iter_mut()
        .zip(current)
        .map(|(v, old)| {
            v.sort_unstable();
            v.get(v.len() * 9 / 10).map_or(*old, |&l| l as f64)
        })
        .collect()
}

/// Widths tried for a column: a geometric grid over the plausible range
/// and the neighbours of the current width.
fn candidate_widths(current: f64, longest: usize) -> Vec<usize> {
    let mut candidates = Vec::new();
    let mut w = 4usize;
    while w <= longest {
        candidates.push(w);
        w = (w + 1).max(w * 9 / 8 + 1);
    }
    let current = current.max(0.0) as usize;
    candidates.extend(current.saturating_sub(2)..=current + 2);
    candidates.retain(|&w| w >= 1);
    candidates.sort_unstable();
    candidates.dedup();
    candidates
}

/// Which widths a descent's coordinate rounds try for a column (its
/// steepest updates try the whole grid).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tried {
    /// The whole grid ([`candidate_widths`]).
    Everywhere,
    /// The whole grid in the first round, then widths near the column's
    /// own ([`REFINE_RATIO`]): a refinement starts in its basin, but a
    /// column the first rows hid may be far from its width.
    NearAfterFirstRound,
}

/// A descent on the segmentation's cost over `lines`, sharing the costs
/// already solved.
struct Descent<'a> {
    lines: &'a [FlowLine],
    blank_separated: bool,
    evidence: &'a Evidence,
    unit: Unit,
    costs: &'a Costs,
    tried: Tried,
}

impl Descent<'_> {
    /// The cost under `widths` if at most `limit`, infinite if more.
    fn cost_within(&self, widths: &[f64], limit: f64) -> f64 {
        let Descent { lines, blank_separated, evidence, unit, .. } = *self;
        self.costs
            .within(widths, limit, |limit| reading_cost(lines, widths, blank_separated, evidence, unit, limit))
            .unwrap_or(f64::INFINITY)
    }

    /// The widths column `column` tries from its width in `widths`: the
    /// grid up to `longest` within the column's cap, only those near its
    /// width if `near`.
    fn candidates(&self, widths: &[f64], column: usize, longest: usize, near: bool) -> Vec<usize> {
        let current = widths.get(column).copied().unwrap_or(0.0);
        candidate_widths(current, longest)
            .into_iter()
            .filter(|&w| self.evidence.within_cap(column, w as f64))
            .filter(|&w| !near || is_near(w as f64, current))
            .collect()
    }

    /// The cost under `widths` with column `column` set to `w`, if at most
    /// `limit`, infinite if more.
    fn trial_cost(&self, widths: &[f64], column: usize, w: usize, limit: f64) -> f64 {
        let mut trial = widths.to_vec();
        if let Some(slot) = trial.get_mut(column) {
            *slot = w as f64;
        }
        self.cost_within(&trial, limit)
    }

    /// The trap every start may fall in: a reading shifted by a column. The
    /// best of `readings` (sorted, cheapest first) moved by one column and
    /// re-estimated is descended from where that start is already cheaper;
    /// `readings` stay sorted.
    fn escape_shift(&self, readings: &mut Vec<(f64, Vec<f64>)>) {
        let Some((best_cost, best)) = readings.first().cloned() else { return };
        for shifted in shifted_by_a_column(&best) {
            let start = alternate(self.lines, shifted, self.blank_separated, self.evidence, self.unit);
            if self.cost_within(&start, best_cost) < best_cost {
                readings.push(self.run(start, 0));
            }
        }
        readings.sort_by(|a, b| a.0.total_cmp(&b.0));
    }

    /// Descends from `widths`: first `steepest_updates` updates that each
    /// try every column and keep the best change of all, then coordinate
    /// rounds where each column in turn takes the width that makes the
    /// whole segmentation cheapest, until no column changes. Returns the
    /// cost reached (with the width prior) and the widths.
    fn run(&self, mut widths: Vec<f64>, steepest_updates: usize) -> (f64, Vec<f64>) {
        let longest = self.lines.iter().map(|l| l.len.of(self.unit) as usize).max().unwrap_or(40).min(MAX_WIDTH);
        // Trials are given up once dearer than the best so far: only a
        // cheaper one is taken.
        let mut best = self.cost_within(&widths, f64::INFINITY);
        for _ in 0..steepest_updates {
            let found = (0..widths.len())
                .flat_map(|column| {
                    self.candidates(&widths, column, longest, false).into_iter().map(move |w| (column, w))
                })
                .collect::<Vec<_>>()
                .par_iter()
                .map(|&(column, w)| (self.trial_cost(&widths, column, w, best), column, w))
                .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
            match found {
                Some((c, column, w)) if c < best - 1e-9 => {
                    best = c;
                    if let Some(slot) = widths.get_mut(column) {
                        *slot = w as f64;
                    }
                }
                _ => break,
            }
        }
        let rounds = (DESCENT_UPDATES / widths.len().max(1)).clamp(1, MAX_DESCENT_ROUNDS);
        for round in 0..rounds {
            let near = self.tried == Tried::NearAfterFirstRound && round > 0;
            let mut changed = false;
            for column in 0..widths.len() {
                let found = self
                    .candidates(&widths, column, longest, near)
                    .par_iter()
                    .map(|&w| (self.trial_cost(&widths, column, w, best), w))
                    .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                if let Some((c, w)) = found
                    && c < best - 1e-9
                {
                    best = c;
                    if let Some(slot) = widths.get_mut(column) {
                        *slot = w as f64;
                    }
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        (best, widths)
    }
}

/// Whether width `w` is near `current`, as a refinement tries them.
fn is_near(w: f64, current: f64) -> bool {
    w <= current * REFINE_RATIO + REFINE_SLACK && w * REFINE_RATIO + REFINE_SLACK >= current
}

/// How many fewer wrap misfits set widths must leave than characters to be
/// read in, in standard deviations of the characters' count (a count
/// spreads by about its square root): set widths stand for an unknown
/// font, so they are trusted only where they clearly explain the text's
/// wraps better.
const SET_WIDTH_SIGNIFICANCE: f64 = 2.0;

/// Set widths learned from a reading, where they explain its wraps better
/// than characters do.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct SetWidths {
    /// One wrap width per column, in set width.
    pub widths: Vec<f64>,
    /// The wraps the set widths contradict, and those the characters did.
    pub misfits: usize,
    pub char_misfits: usize,
}

/// Learns each column's width in set width from a reading in characters,
/// and keeps it if it contradicts significantly fewer of the reading's
/// wraps ([`WrapBounds`]) than characters do: so where the text was set in
/// a proportional font and its wraps show it (`Equipe "MonSuiviPsy"` did
/// not fit a column that `sein de la Fabrique` fit), not in text wrapped
/// by characters. A column no line bounds keeps `fallback`'s width.
pub(super) fn set_widths(lines: &[FlowLine], steps: &[Step], fallback: &[f64]) -> Option<SetWidths> {
    let learned = |unit: Unit| -> (Vec<f64>, usize) {
        let mut misfits = 0;
        let widths = wrap_bounds(lines, steps, fallback.len(), unit)
            .iter_mut()
            .zip(fallback)
            .map(|(bounds, &fallback)| {
                let (width, contradicted) = bounds.best_width().unwrap_or((fallback, 0));
                misfits += contradicted;
                width
            })
            .collect();
        (widths, misfits)
    };
    let (_, char_misfits) = learned(Unit::Chars);
    let (widths, misfits) = learned(Unit::Set);
    let chars = char_misfits as f64;
    ((misfits as f64) < chars - SET_WIDTH_SIGNIFICANCE * chars.sqrt()).then_some(SetWidths {
        widths,
        misfits,
        char_misfits,
    })
}

/// What a reading's lines say of one column's width in one unit: each part
/// of a line in the column fit it (`fitted`), and each line that wrapped
/// inside a sentence would not have fit with the next line's first word
/// (`overflowed`).
#[derive(Debug, Default)]
struct WrapBounds {
    fitted: Vec<f64>,
    overflowed: Vec<f64>,
}

impl WrapBounds {
    /// The width the fewest bounds contradict (the widest such), and how
    /// many do.
    fn best_width(&mut self) -> Option<(f64, usize)> {
        self.fitted.sort_unstable_by(f64::total_cmp);
        self.overflowed.sort_unstable_by(f64::total_cmp);
        let mut best: Option<(f64, usize)> = None;
        for &width in &self.fitted {
            let wider = self.fitted.len() - self.fitted.partition_point(|&f| f <= width);
            let fitting = self.overflowed.partition_point(|&o| o <= width);
            if best.is_none_or(|(_, fewest)| wider + fitting <= fewest) {
                best = Some((width, wider + fitting));
            }
        }
        best
    }
}

/// The bounds a reading's lines put on each column's width, in `unit`.
fn wrap_bounds(lines: &[FlowLine], steps: &[Step], columns: usize, unit: Unit) -> Vec<WrapBounds> {
    let mut bounds: Vec<WrapBounds> = (0..columns).map(|_| WrapBounds::default()).collect();
    for (line, step) in lines.iter().zip(steps) {
        for (from, to, column) in step.parts(line.words.len()) {
            if let Some(b) = bounds.get_mut(column) {
                b.fitted.push(line.len_of(from, to).of(unit));
            }
        }
    }
    let read = lines.iter().zip(steps);
    for ((line, step), (next, next_step)) in read.clone().zip(read.skip(1)) {
        if let Some(column) = wrapped_in_sentence(line, step, next, next_step) {
            let with_next_word = line.len.of(unit) + unit.space(line) + next.first_word.of(unit);
            if let Some(b) = bounds.get_mut(column) {
                b.overflowed.push(with_next_word);
            }
        }
    }
    bounds
}

/// The column of `line` if its cell goes on on `next` in the same sentence:
/// the line holds one cell, wrapped at a word boundary, ends neither a
/// sentence nor a list item nor a clause that a list may follow, and the
/// next line goes on in lower case in the same row and page. Its next
/// word did not fit there.
fn wrapped_in_sentence(line: &FlowLine, step: &Step, next: &FlowLine, next_step: &Step) -> Option<usize> {
    let mut parts = step.parts(line.words.len());
    let (_, _, column) = parts.next()?;
    let one_part = parts.next().is_none();
    let goes_on = next_step.columns().next() == Some(column)
        && !next_step.new_row
        && !next_step.page_break
        && !next.flow_break
        && next.starts_lower(0);
    let wrapped = line.trailing_space
        && !line.ends_sentence()
        && line.end() != LineEnd::ListGoesOn
        && !line.words.last().is_some_and(|w| w.ends_with(':'));
    (one_part && goes_on && wrapped).then_some(column)
}

#[cfg(test)]
mod tests {
    use super::super::segment::tests::{no_evidence, step};
    use super::super::{SPACE_SET_WIDTH, scale_set_widths, set_width};
    use super::*;

    #[test]
    fn widths_shift_by_a_column_either_way() {
        let [left, right] = shifted_by_a_column(&[4.0, 20.0, 36.0]);
        assert_eq!(left, [20.0, 36.0, 36.0]);
        assert_eq!(right, [4.0, 4.0, 20.0]);
        assert_eq!(shifted_by_a_column(&[]), [Vec::<f64>::new(), Vec::new()]);
    }

    /// A row of three cells, each the same paragraph wrapped greedily at
    /// its column's width in `widths` by `measure` (with `space` between
    /// words).
    fn wrapped(widths: [f64; 3], measure: impl Fn(&str) -> f64, space: f64) -> (Vec<FlowLine>, Vec<Step>) {
        let (mut lines, mut steps) = (Vec::new(), Vec::new());
        for (column, width) in widths.into_iter().enumerate() {
            let mut line: Vec<String> = Vec::new();
            let mut len = 0.0;
            for word in PARAGRAPH.split_whitespace() {
                let with_word = len + if line.is_empty() { 0.0 } else { space } + measure(word);
                if with_word > width && !line.is_empty() {
                    lines.push(FlowLine::new(std::mem::take(&mut line), true, 0, false));
                    len = measure(word);
                } else {
                    len = with_word;
                }
                line.push(word.to_string());
            }
            lines.push(FlowLine::new(line, true, 0, false));
            steps.resize(lines.len(), step(&[(0, column)], false));
        }
        if let Some(first) = steps.first_mut() {
            *first = step(&[(0, 0)], true);
        }
        scale_set_widths(&mut lines);
        (lines, steps)
    }

    /// One sentence of a register's purposes, in lower case throughout.
    const PARAGRAPH: &str = "permettre aux agents habilités de consulter les données relatives aux usagers du \
        service public afin de gérer les demandes de prestations sociales et de suivre leur instruction jusqu'à \
        la notification de la décision ainsi que les recours éventuels formés par les bénéficiaires ou leurs \
        représentants légaux auprès des commissions compétentes dans le respect des délais réglementaires et des \
        obligations de conservation applicables aux archives publiques";

    const WIDTHS: [f64; 3] = [16.0, 22.0, 28.0];

    #[test]
    fn set_widths_are_read_where_the_wraps_show_a_proportional_font() {
        let (lines, steps) = wrapped(WIDTHS, set_width, SPACE_SET_WIDTH);
        let set = set_widths(&lines, &steps, &WIDTHS);
        assert!(set.as_ref().is_some_and(|s| s.misfits == 0 && s.char_misfits >= 5), "{set:?}");
        // Wrapped by characters, as a monospaced text is: characters fit.
        let (lines, steps) = wrapped(WIDTHS, |w| w.chars().count() as f64, 1.0);
        assert_eq!(set_widths(&lines, &steps, &WIDTHS), None);
    }

    #[test]
    fn the_width_the_fewest_bounds_contradict_is_the_widest_such() {
        let best = |fitted: &[f64], overflowed: &[f64]| {
            WrapBounds { fitted: fitted.to_vec(), overflowed: overflowed.to_vec() }.best_width()
        };
        assert_eq!(best(&[10.0, 12.0, 11.0], &[13.0, 15.0]), Some((12.0, 0)));
        // A line of another column read in this one contradicts one bound.
        assert_eq!(best(&[10.0, 12.0, 30.0, 11.0], &[13.0, 15.0, 14.0]), Some((12.0, 1)));
        // A line that wrapped early (a word of 2 would have fit) too.
        assert_eq!(best(&[10.0, 12.0, 11.0], &[11.5, 13.0, 15.0]), Some((12.0, 1)));
        assert_eq!(best(&[], &[13.0]), None);
    }

    #[test]
    fn a_reading_is_solved_once_per_widths() {
        let costs = Costs::default();
        let solved = &std::cell::Cell::new(0);
        let solve = |cost: f64| {
            move |limit: f64| {
                solved.set(solved.get() + 1);
                Some(cost).filter(|&c| c <= limit)
            }
        };
        assert_eq!(costs.within(&[10.0, 20.0], f64::INFINITY, solve(3.0)), Some(3.0));
        assert_eq!(costs.within(&[10.0, 20.0], f64::INFINITY, solve(99.0)), Some(3.0));
        assert_eq!(costs.within(&[10.0, 20.0], 2.0, solve(99.0)), None);
        assert_eq!(costs.within(&[10.0, 21.0], f64::INFINITY, solve(4.0)), Some(4.0));
        assert_eq!(solved.get(), 2);
    }

    #[test]
    fn a_reading_given_up_is_solved_again_only_under_a_higher_limit() {
        let costs = Costs::default();
        let solved = std::cell::Cell::new(0);
        let solve = |limit: f64| {
            solved.set(solved.get() + 1);
            Some(5.0).filter(|&c| c <= limit)
        };
        assert_eq!(costs.within(&[10.0], 4.0, solve), None);
        assert_eq!(costs.within(&[10.0], 3.0, solve), None);
        assert_eq!(solved.get(), 1);
        assert_eq!(costs.within(&[10.0], 6.0, solve), Some(5.0));
        assert_eq!(costs.within(&[10.0], 1.0, solve), None);
        assert_eq!(solved.get(), 2);
    }

    #[test]
    fn a_refinement_s_later_rounds_try_widths_near_the_column_s_own() {
        assert!(is_near(24.0, 20.0) && is_near(16.0, 20.0) && is_near(6.0, 4.0));
        assert!(!is_near(28.0, 20.0) && !is_near(12.0, 20.0));
    }

    /// Rows of three cells wrapped greedily by characters at `widths`, each
    /// cell a sentence of `words[c]` words of [`PARAGRAPH`], opening with a
    /// capital and ending with a full stop; the third cell of the first
    /// `short_rows` rows is two words long.
    fn rows(count: usize, short_rows: usize, widths: [usize; 3], words: [usize; 3]) -> Vec<FlowLine> {
        let vocabulary: Vec<&str> = PARAGRAPH.split_whitespace().collect();
        let mut lines = Vec::new();
        for row in 0..count {
            for (column, (&width, &length)) in widths.iter().zip(&words).enumerate() {
                let length = if column == 2 && row < short_rows { 2 } else { length };
                let mut cell: Vec<String> =
                    vocabulary.iter().cycle().skip(row * 7 + column * 3).take(length).map(|w| w.to_string()).collect();
                if let Some(first) = cell.first_mut() {
                    *first = first.chars().take(1).flat_map(char::to_uppercase).chain(first.chars().skip(1)).collect();
                }
                if let Some(last) = cell.last_mut() {
                    last.push('.');
                }
                let mut line: Vec<String> = Vec::new();
                for word in cell {
                    let len: usize = line.iter().map(|w| w.chars().count() + 1).sum::<usize>() + word.chars().count();
                    if len > width && !line.is_empty() {
                        lines.push(FlowLine::new(std::mem::take(&mut line), true, 0, false));
                    }
                    line.push(word);
                }
                lines.push(FlowLine::new(line, true, 0, false));
            }
        }
        lines
    }

    /// The first rows only explore: a column that shows its width only in
    /// later rows gets it from the refinement over the whole sample.
    #[test]
    fn widths_the_first_rows_hide_are_learned_from_the_rest() {
        let lines = rows(16, 8, [14, 22, 30], [6, 12, 18]);
        let explored = lines.get(..EXPLORE_LINES_PER_COLUMN * 3).unwrap_or_default();
        assert!(lines.len() > explored.len() * 2);
        let evidence = no_evidence(lines.len());
        let first_rows = explore(explored, 3, false, &evidence, Unit::Chars);
        let hidden = first_rows.first().and_then(|(_, w)| w.get(2).copied()).unwrap_or_default();
        let learned = widths(&lines, 3, false, &evidence, Unit::Chars).best;
        let third = learned.get(2).copied().unwrap_or_default();
        assert!((third - 30.0).abs() <= 3.0 && (hidden - 30.0).abs() > 3.0, "{hidden} explored, {learned:?} learned");
    }
}

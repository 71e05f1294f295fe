//! The segmentation of flowed lines into cells: a dynamic programme over
//! the lines under the column-order constraint, scored by the columns' wrap
//! widths and by what else the text says about columns ([`Evidence`]).

use std::collections::HashMap;

use super::{FlowLine, LineEnd, Unit};

/// A kind of opening of a line's first part in a column: in a row part
/// after a page break, as a new row, as the first line of its cell on the
/// page, with other cells of the row left dangling ([`Endings`]). Each
/// kind keeps its cheapest opening, as the kinds price what follows
/// differently.
#[derive(Debug, Clone, Copy)]
struct Opening {
    continued: bool,
    new_row: bool,
    fresh: bool,
    dangling: bool,
}

impl Opening {
    /// How many kinds there are.
    const KINDS: usize = 16;

    /// Every kind.
    fn all() -> impl Iterator<Item = Self> {
        (0..Self::KINDS).map(|bits| Opening {
            continued: bits & 8 != 0,
            new_row: bits & 4 != 0,
            fresh: bits & 2 != 0,
            dangling: bits & 1 != 0,
        })
    }

    /// The kind's place among a line's openings in `column`.
    fn index(self, column: usize) -> usize {
        let bits = usize::from(self.continued) << 3
            | usize::from(self.new_row) << 2
            | usize::from(self.fresh) << 1
            | usize::from(self.dangling);
        column * Self::KINDS + bits
    }
}

/// States kept per column after a line: row part (two) × split, unsplit in
/// a one-line cell, unsplit in a taller one × other cells of the row left
/// dangling or not ([`Endings`]).
const SLOTS_PER_COLUMN: usize = 12;

/// States of different signatures kept per slot and per opening kind
/// ([`way_for`]).
const WAYS: usize = 4;
/// How much dearer than the cheapest a state of another signature may be
/// and still be kept: about what two cells cut by a page break change (a
/// wider search than this reads every test text the same).
const WAY_MARGIN: f64 = 6.0;

/// States kept after a line: those of every column, and one for a section
/// heading (a line between rows that belongs to no column).
fn slots_for(columns: usize) -> usize {
    columns * SLOTS_PER_COLUMN + 1
}

/// Most words of a section heading: a group's name (`Ressources humaines`,
/// `État civil et citoyenneté`), never a sentence.
const MAX_SECTION_WORDS: usize = 10;

/// Most words a line may be split after (two cells sharing a line), and
/// most cells the second part may skip.
pub(super) const MAX_SPLIT_WORDS: usize = 24;
const MAX_SPLIT_SKIP: usize = 2;

/// Costs of the segmentation (the unit is one doubtful line).
pub(super) mod cost {
    /// Starting the next cell of the row.
    pub const NEXT_CELL: f64 = 0.6;
    /// Each empty cell skipped, before the register says how often it
    /// leaves cells empty ([`super::EmptyCells`]).
    pub const SKIP: f64 = 2.5;
    /// Each cell skipped in the part of a row after a page break, where
    /// cells that finished on the page before are absent.
    pub const SKIP_FINISHED: f64 = 0.7;
    /// Starting a new row.
    pub const NEW_ROW: f64 = 1.0;
    /// A new paragraph inside a cell (cells hold few paragraphs).
    pub const PARAGRAPH: f64 = 1.0;
    /// A new paragraph in the first column, which names the record in one.
    pub const TITLE_PARAGRAPH: f64 = 4.0;
    /// A new item of the list the line before belongs to (same mark): the
    /// list goes on, most likely in its cell.
    pub const LIST_ITEM: f64 = 0.3;
    /// Going on after a page break in another column than the last.
    pub const RESUME: f64 = 0.3;
    /// Going on after a page break in a cell that the break did not cut:
    /// one that stopped short of the page bottom (clearly fewer lines than
    /// the row's tallest cell on that page) or had no line there.
    pub const UNCUT: f64 = 1.0;
    /// Two cells on one line (the first lines of neighbouring cells share a
    /// baseline, and some extractions print them as one line).
    pub const SPLIT: f64 = 1.0;
    /// The same where the text prints cells apart ([`Evidence::cells_apart`]):
    /// as dear as starting a cell without its blank line.
    pub const SPLIT_APART: f64 = 5.0;
    /// A cell starting in lower case.
    pub const LOWER_START: f64 = 1.5;
    /// Leaving a cell on a line that ends inside a word.
    pub const CUT_WORD: f64 = 20.0;
    /// Going on after a page break in a cell whose last line ended
    /// otherwise: in lower case after a sentence or a list item, with a
    /// capital after a function word.
    pub const RESUME_MISMATCH: f64 = 1.5;
    /// A cell that ends for good on a line whose sentence goes on (a comma,
    /// a colon, a function word), paid when its row ends.
    pub const OPEN_ENDING: f64 = 3.0;
    /// Leaving a cell on a line that ends with a semicolon, paid when its
    /// row ends.
    pub const LIST_GOES_ON: f64 = 1.5;
    /// Starting a cell without the blank line that separates cells, where
    /// the document separates paragraphs with blank lines (for the next
    /// cell of a row, before the register says how often
    /// [`super::SharedLines`]).
    pub const NO_BLANK: f64 = 5.0;
    /// The same after a one-line cell, whose line the next cell's first
    /// line shares a baseline with.
    pub const BESIDE_SINGLE: f64 = 1.0;
    /// A line longer than its column's width, plus one per character.
    pub const OVERFLOW: f64 = 4.0;
    /// A line that stopped short although the next word would have fit,
    /// plus a fifth per character of room left.
    pub const EARLY_WRAP: f64 = 1.0;
    /// A cell's line going on after a full line with a capital, where the
    /// line before ended on a plain word: in a cell, that is a name; more
    /// often, the next cell opens there.
    pub const CAPITAL_GOES_ON: f64 = 0.75;
    /// A cell's line going on in lower case after a full stop (`greffiers.`
    /// / `numérique des`): a new sentence opens with a capital.
    pub const LOWER_AFTER_FULL_STOP: f64 = 1.0;
    /// A paragraph break that nothing but the next line's opening shows
    /// (where blank lines do not mark paragraphs), on top of the paragraph.
    pub const UNMARKED_PARAGRAPH: f64 = 0.5;
    /// A retention statement outside the columns that hold them.
    pub const RETENTION_ELSEWHERE: f64 = 3.0;
    /// A record number outside the number column, or other text in it.
    pub const NUMBER_ELSEWHERE: f64 = 3.0;
    /// Weight of the columns' vocabulary (per word, in log-odds).
    pub const VOCABULARY: f64 = 0.3;
    /// A cell opening on a capitalized word that echoes its column's
    /// header, taken off the reading's cost ([`super::Evidence::echo`]).
    pub const HEADER_ECHO: f64 = 2.0;
    /// A section heading between rows, before the register says how often
    /// it has them ([`super::Sections`]).
    pub const SECTION: f64 = 3.0;
}

/// One cell's part of a line: its first word and its column.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Part {
    from: u8,
    column: u8,
}

impl Part {
    fn new(from: usize, column: usize) -> Self {
        let narrow = |v: usize| u8::try_from(v).unwrap_or(u8::MAX);
        Part { from: narrow(from), column: narrow(column) }
    }
}

/// One assignment of a line: the cells it holds (one, or several printed
/// on one baseline), in column order.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Step {
    parts: Vec<Part>,
    /// The line opens a new row.
    pub new_row: bool,
    /// The line opens a page (read so where a run of blank lines may be
    /// one).
    pub page_break: bool,
    /// The line is a section heading between rows, in no column (its one
    /// part's column is the column count).
    pub section: bool,
}

impl Step {
    /// Each part as (first word, end word, column), for a line of `words`
    /// words.
    pub fn parts(&self, words: usize) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        self.parts.iter().enumerate().map(move |(i, p)| {
            let to = self.parts.get(i + 1).map_or(words, |next| usize::from(next.from));
            (usize::from(p.from), to, usize::from(p.column))
        })
    }

    /// The columns of the line's parts, in order.
    pub fn columns(&self) -> impl Iterator<Item = usize> + '_ {
        self.parts.iter().map(|p| usize::from(p.column))
    }

    /// The column of word `word`.
    pub fn column_of(&self, word: usize) -> usize {
        self.parts.iter().rev().find(|p| usize::from(p.from) <= word).map_or(0, |p| usize::from(p.column))
    }
}

/// What the text says about columns besides line widths.
#[derive(Debug)]
pub(super) struct Evidence {
    /// Per line, the word a retention statement opens at, if the line
    /// states one.
    pub retention_start: Vec<Option<usize>>,
    /// Columns that hold retention statements (data categories, retention).
    pub retention_column: Vec<bool>,
    /// Lines that open with a record number (`12`, `T-03`), alone or
    /// before the next cell's first words.
    pub number_opening: Vec<bool>,
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
    pub(super) fn line_evidence(&self, i: usize, from: usize, to: usize, column: usize) -> f64 {
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
                c += cost::NUMBER_ELSEWHERE;
            }
        }
        c
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
/// be a heading at a row's end is as likely one as not.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Sections {
    /// Whether a reading found headings.
    pub found: bool,
}

/// Odds of a heading where a row ends, in a register that sets them.
const HEADING_ODDS: f64 = 0.5;

impl Sections {
    /// Whether a segmentation found headings.
    pub fn learn(steps: &[Step]) -> Self {
        Sections { found: steps.iter().any(|s| s.section) }
    }

    /// The cost of a heading before a row.
    fn heading_cost(self) -> f64 {
        if self.found { -HEADING_ODDS.ln() } else { cost::SECTION }
    }
}

/// How often the register leaves a cell empty: some fill every cell of
/// every row, others leave a column blank now and then. Where a reading
/// finds every cell filled, a reading that empties one to give its lines
/// to a neighbour is the less likely.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct EmptyCells {
    /// Probability that a row's cell is empty.
    pub probability: f64,
}

/// Bounds of the learned empty-cell probability, so that no reading is
/// ever ruled out.
const EMPTY_CELL_ODDS: (f64, f64) = (0.01, 0.5);

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
    fn skip_cost(self) -> f64 {
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
pub(super) struct SharedLines {
    /// How a one-line cell meets the next cell.
    pub after_single: Meeting,
    /// How a taller cell meets the next cell.
    pub after_tall: Meeting,
}

/// The probabilities that a cell shares its last line with the next cell,
/// or its block of lines; it is apart otherwise.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Meeting {
    /// On one line.
    pub line: f64,
    /// On lines of one block.
    pub block: f64,
}

/// Bounds of a learned shared-line probability, so that no reading is ever
/// ruled out.
const SHARED_LINE_ODDS: (f64, f64) = (0.02, 0.98);

/// How often each meeting was seen: (on a line, in a block, in all).
#[derive(Default)]
struct MeetingCounts {
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
    fn shared_cost(self, lines: u16) -> f64 {
        -self.meeting(lines).line.ln()
    }

    /// The cost of a cell of `lines` lines sharing its block of lines with
    /// the next cell.
    fn block_cost(self, lines: u16) -> f64 {
        -self.meeting(lines).block.ln()
    }

    /// The cost of a cell of `lines` lines leaving the next cell a line of
    /// its own, apart.
    fn apart_cost(self, lines: u16) -> f64 {
        let meeting = self.meeting(lines);
        -(1.0 - meeting.line - meeting.block).max(SHARED_LINE_ODDS.0).ln()
    }
}

/// Fewest letters a header word needs to echo its column: shorter ones
/// are articles and prepositions, or too common to name a column.
const MIN_HEADER_ECHO_CHARS: usize = 4;

/// The column whose header a word echoes, given the words that name one
/// column only in the header (`header_words`): a capitalized word that is
/// one of them (`Données` under `Catégories de données`, `Durée` under
/// `Durée de conservation`). Cells echo their own column's header: such a
/// word opens an item of that column's cells far more often than it
/// stands in another's.
pub(super) fn header_echo(word: &str, header_words: &HashMap<String, usize>) -> Option<usize> {
    if !word.starts_with(char::is_uppercase) {
        return None;
    }
    header_words.get(&header_echo_form(word)?).copied()
}

/// A word as header echoes compare it, in its vocabulary form
/// (`d’identité` → `identité`); `None` for a function word or one shorter
/// than [`MIN_HEADER_ECHO_CHARS`].
pub(super) fn header_echo_form(word: &str) -> Option<String> {
    let form = crate::layout::vocabulary_form(word);
    (form.chars().count() >= MIN_HEADER_ECHO_CHARS && !super::is_function_word(&form)).then_some(form)
}

/// Word as the vocabulary counts it.
fn vocabulary_word(word: &str) -> Option<String> {
    let word: String = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    (word.chars().count() >= 2).then_some(word)
}

/// Word counts per column of a segmentation. Registers repeat themselves
/// column by column (the same controller, the same kinds of data and
/// recipients), so a line is likelier in a column that uses its words. Each
/// row's own counts are kept apart so that a line is judged by the other
/// rows only and a segmentation does not merely confirm itself.
#[derive(Debug)]
pub(super) struct Vocabulary {
    columns: Vec<HashMap<String, f64>>,
    column_totals: Vec<f64>,
    all: HashMap<String, f64>,
    total: f64,
    line_row: Vec<usize>,
    rows: Vec<RowCounts>,
}

#[derive(Debug, Default)]
struct RowCounts {
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
    fn heading_cost(&self, line: usize, words: &[String], columns: usize) -> f64 {
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
    fn word_costs(&self, line: usize, words: &[String], columns: usize) -> Vec<f64> {
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

/// The cost of a line continuing the previous one in the same cell of a
/// column wrapping at `width` characters: a new paragraph costs its prior
/// (the higher one in the column that names the record, `names_record`),
/// a line that stopped although the next word would have fit costs more the
/// more room it left, and a sentence that ended with a full stop seldom
/// goes on in lower case.
pub(super) fn wrap_cost(
    blank_separated: bool,
    unit: Unit,
    width: f64,
    previous_len: super::Measure,
    previous: &FlowLine,
    line: &FlowLine,
    names_record: bool,
) -> f64 {
    let room = unit.room(width);
    if !previous.trailing_space {
        // A word cut at the line's end: the line was full.
        let left = room - unit.fullness(previous_len);
        return if left > 0.0 { cost::EARLY_WRAP + 0.2 * left } else { 0.0 };
    }
    let lower_after_period = previous.ends_with_full_stop() && line.starts_lower(0);
    let lower = if lower_after_period { cost::LOWER_AFTER_FULL_STOP } else { 0.0 };
    let line_break = break_cost(blank_separated, unit, room, previous_len, previous, line, names_record);
    // An item after an item of the same list: the list goes on, whatever
    // else marks (or does not mark) its paragraph.
    let line_break = if line.goes_on_list_of(previous) { line_break.min(cost::LIST_ITEM) } else { line_break };
    lower + line_break
}

/// [`wrap_cost`] of the line break itself, within `room` characters.
fn break_cost(
    blank_separated: bool,
    unit: Unit,
    room: f64,
    previous_len: super::Measure,
    previous: &FlowLine,
    line: &FlowLine,
    names_record: bool,
) -> f64 {
    let paragraph = if names_record { cost::TITLE_PARAGRAPH } else { cost::PARAGRAPH };
    if line.flow_break {
        // A page break hides where paragraphs end: a line going on in lower
        // case goes on with the sentence, one opening with a capital counts
        // as a new paragraph.
        return if line.starts_lower(0) { 0.0 } else { paragraph };
    }
    if blank_separated && line.blank_before > 0 {
        // A paragraph opens like a cell: in lower case, the line more
        // likely goes on a cell that a page break cut.
        let lower = if line.starts_lower(0) { cost::LOWER_START } else { 0.0 };
        return paragraph + lower;
    }
    if !blank_separated && previous.ends_sentence() {
        return 0.0;
    }
    if previous.hard_break {
        // The short line is explained by the break, not by the width.
        return paragraph;
    }
    if line.opening_mark().is_some_and(crate::layout::is_list_bullet_char) {
        // A bullet goes on no sentence, however full the line before: it
        // opens an item, a paragraph that nothing else marks.
        return paragraph + cost::UNMARKED_PARAGRAPH;
    }
    let fit = previous_len.of(unit) + unit.space(previous) + line.first_word.of(unit);
    if fit > room {
        // A full line: the cell goes on, but seldom with a capital after a
        // plain word (a name's words are capitalized in a row: `Caisse
        // Nationale d’Assurance` / `Maladie`).
        let capital = line.starts_upper(0) && previous.end() == LineEnd::Free && !previous.ends_capitalized();
        return if capital { cost::CAPITAL_GOES_ON } else { 0.0 };
    }
    let early = cost::EARLY_WRAP + 0.2 * (room - fit);
    // A line opening like a paragraph (a capital, a bullet, a number) may
    // start one: the short line before it ended the previous paragraph.
    // Where blank lines mark paragraphs, a line without one does not.
    if !blank_separated && opens_paragraph(line) { early.min(paragraph + cost::UNMARKED_PARAGRAPH) } else { early }
}

/// Whether a line opens like a paragraph or a list item.
fn opens_paragraph(line: &FlowLine) -> bool {
    line.words.first().and_then(|w| w.chars().next()).is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '•' | '-' | '–' | '—' | '*' | '(' | '«' | '"')
    })
}

/// The cost of starting a cell at word `from` of a line: a cell seldom
/// opens in lower case, on punctuation that goes on a sentence (`:`, `;`,
/// `,`, `)`) or on a parenthesis, which adds to what came before
/// (`Obligation légale` / `(art. 6-1-c RGPD)`). In a row's part after a
/// page break (`continued`) a cell may go on from the page before, so
/// these say nothing there.
pub(super) fn cell_start_cost(line: &FlowLine, from: usize, continued: bool) -> f64 {
    let opens_badly = line.shapes.get(from).is_some_and(|s| s.lower || s.goes_on);
    if opens_badly && !continued { cost::LOWER_START } else { 0.0 }
}

/// The cost of a cell opening on a line that follows the line before
/// without the blank line that separates paragraphs, where the document
/// separates them so. After a one-line cell (`beside_single`) that is
/// cheaper: the cell's first line sits on that cell's baseline, and
/// extractions that print text by blocks of neighbouring lines may give
/// the two one block.
pub(super) fn unblanked_cost(blank_separated: bool, line: &FlowLine, beside_single: bool) -> f64 {
    match (blank_separated && unblanked(line), beside_single) {
        (false, _) => 0.0,
        (true, true) => cost::BESIDE_SINGLE,
        (true, false) => cost::NO_BLANK,
    }
}

/// Whether a line follows the line before with no blank line between.
fn unblanked(line: &FlowLine) -> bool {
    line.blank_before == 0 && !line.flow_break && !line.after_hard_break
}

/// The cost of leaving a cell after `previous`: high when that line ends
/// inside a word. A line whose sentence goes on (a comma, a colon, a
/// function word) or whose list does (a semicolon: lists seldom end cells)
/// leaves its cell dangling: that is priced when the row ends
/// ([`dangling_cost`]), as a page break may cut the sentence or the list
/// and the cell go on after it.
pub(super) fn leave_cost(previous: Option<&FlowLine>) -> f64 {
    match previous.map(FlowLine::end) {
        Some(LineEnd::InWord) => cost::CUT_WORD,
        Some(
            LineEnd::ListGoesOn
            | LineEnd::ClauseGoesOn
            | LineEnd::PhraseGoesOn
            | LineEnd::ParagraphGoesOn
            | LineEnd::Free,
        )
        | None => 0.0,
    }
}

/// The cost of ending a row whose cells `endings` left dangling or on a
/// list item.
fn dangling_cost(endings: Endings) -> f64 {
    f64::from(endings.dangling.count_ones()) * cost::OPEN_ENDING
        + f64::from(endings.listed.count_ones()) * cost::LIST_GOES_ON
}

/// The cost of a cell ending for good on `line` (where no page break
/// comes): leaving it, and its dangling if its sentence goes on.
pub(super) fn ending_cost(line: Option<&FlowLine>) -> f64 {
    let dangling = match line.map(FlowLine::end) {
        Some(LineEnd::ListGoesOn) => cost::LIST_GOES_ON,
        Some(end) if end.goes_on() => cost::OPEN_ENDING,
        _ => 0.0,
    };
    leave_cost(line) + dangling
}

/// Whether line `i` of a register of `columns` columns may be a section
/// heading: a short name opening with a capital or a number, ending no
/// sentence and going on with none, and neither a retention statement nor
/// a record number. A heading across a single column would be its cell.
pub(super) fn may_head_section(evidence: &Evidence, columns: usize, i: usize, line: &FlowLine) -> bool {
    let named =
        line.words.first().and_then(|w| w.chars().next()).is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    columns >= 2
        && named
        && line.words.len() <= MAX_SECTION_WORDS
        && line.end() == LineEnd::Free
        && !line.ends_sentence()
        && evidence.retention_start.get(i).copied().flatten().is_none()
        && !evidence.number_opening.get(i).copied().unwrap_or(false)
}

/// The cost of moving from a cell of `previous` to a new cell of `column`
/// in the same row, `None` when the order forbids it.
pub(super) fn next_cell_cost(previous: usize, column: usize, skip: f64) -> Option<f64> {
    (column > previous).then(|| cost::NEXT_CELL + (column - previous - 1) as f64 * skip)
}

/// The cost of starting a new row after a cell of `previous`.
pub(super) fn new_row_cost(previous: usize, columns: usize, skip: f64) -> f64 {
    cost::NEW_ROW + columns.saturating_sub(previous + 1) as f64 * skip
}

/// The cost of starting a new row after `previous`, in a register of
/// `columns` columns: the cells after it are empty, which costs less in a
/// row part after a page break, where finished cells are simply absent.
fn new_row_after(previous: State, columns: usize, skip: f64) -> f64 {
    let c = new_row_cost(previous.column, columns, skip);
    let empty = columns.saturating_sub(previous.column + 1);
    if previous.continued { c - empty as f64 * (skip - cost::SKIP_FINISHED) } else { c }
}

/// One reading of the body: lines, widths and evidence.
pub(super) struct Model<'a> {
    /// The body's lines.
    pub lines: &'a [FlowLine],
    /// Each column's wrap width, in [`Model::unit`].
    pub widths: &'a [f64],
    /// Whether blank lines separate paragraphs in this text.
    pub blank_separated: bool,
    /// What else the text says about columns.
    pub evidence: &'a Evidence,
    /// The unit of the widths and of the lines' measures.
    pub unit: Unit,
}

/// Where the segmentation stands after a line: the column of its last part,
/// that part's length, and whether the row is in its part after a page
/// break (where cells that have finished are simply absent).
#[derive(Debug, Clone, Copy, PartialEq)]
struct State {
    column: usize,
    len: super::Measure,
    continued: bool,
}

/// The cheapest way found to reach a state: the previous line's state,
/// and this line's parts as the last [`Link`] of their chain.
#[derive(Debug, Clone, Copy)]
struct Entry {
    state: State,
    cost: f64,
    previous: usize,
    link: u32,
    new_row: bool,
    page_break: bool,
}

/// One part of a line in a chain of parts, linked to the part before it
/// on the line (`NO_LINK` for the first).
#[derive(Debug, Clone, Copy)]
struct Link {
    part: Part,
    parent: u32,
}

const NO_LINK: u32 = u32::MAX;

/// The parts of the chain ending at `link`, in line order.
fn chain(links: &[Link], mut link: u32, out: &mut Vec<Part>) {
    out.clear();
    while let Some(l) = links.get(link as usize) {
        out.push(l.part);
        link = l.parent;
        if out.len() > MAX_SPLIT_WORDS {
            break;
        }
    }
    out.reverse();
}

/// Adds a link to the line's chains and returns its index.
fn push_link(links: &mut Vec<Link>, part: Part, parent: u32) -> u32 {
    links.push(Link { part, parent });
    u32::try_from(links.len() - 1).unwrap_or(NO_LINK)
}

/// An opening of a line's first part in `column` that may go on with more
/// cells on the line: its cost so far, previous state, row start and open
/// cells.
#[derive(Debug, Clone, Copy)]
struct Source {
    column: usize,
    cost: f64,
    prev_index: usize,
    new_row: bool,
    /// How the row's cells ended before the line.
    endings: Endings,
}

/// The cheapest opening of a line's first part found so far for one kind
/// and column: its cost, the previous line's state (slot `previous`), and
/// what of that state the line's states carry on: the signature it is kept
/// apart by ([`way_for`]), the cells the row's last page break cut and how
/// the row's cells ended before the line.
#[derive(Debug, Clone, Copy)]
struct Opened {
    cost: f64,
    previous: usize,
    signature: u32,
    cut: u32,
    endings: Endings,
}

/// What the trace back needs of an entry, packed (one per state and line):
/// its parts are `parts` entries of the solve's part store from `parts_at`.
#[derive(Debug, Clone, Copy)]
struct Back {
    previous: u32,
    parts_at: u32,
    parts: u8,
    new_row: bool,
    page_break: bool,
}

/// The states kept after one line: per column and row part, the cheapest
/// state whose line was split, the cheapest unsplit one whose cell has a
/// single line on the page and the cheapest taller one (the other lengths
/// of a last part seldom change the next line's cost; the cell's height
/// does, through [`SharedLines`]), each with other cells of the row left
/// dangling and without (those will cost at the row's end unless a page
/// break lets them go on, so they are not compared with the others). Each
/// state carries the line count of every cell of its row part on the
/// current page, which says at the next page break which cells reached the
/// page bottom, the set of cells the last page break cut, and how the row's
/// cells ended ([`Endings`]). Each slot keeps `W` states whose cells a page
/// break cut or would cut differ ([`way_for`]): the cheapest reading so far
/// may be dearer after the next break.
#[derive(Debug)]
struct Layer<const W: usize> {
    columns: usize,
    slots: Vec<Option<Entry>>,
    counts: Vec<u16>,
    cut: Vec<u32>,
    endings: Vec<Endings>,
    signatures: Vec<u32>,
}

impl<const W: usize> Layer<W> {
    fn new(columns: usize) -> Self {
        let slots = slots_for(columns) * W;
        Layer {
            columns,
            slots: vec![None; slots],
            counts: vec![0; columns * slots],
            cut: vec![0; slots],
            endings: vec![Endings::default(); slots],
            signatures: vec![0; slots],
        }
    }

    /// The layer emptied, for the next line.
    fn cleared(mut self) -> Self {
        self.slots.fill(None);
        self.counts.fill(0);
        self.cut.fill(0);
        self.endings.fill(Endings::default());
        self.signatures.fill(0);
        self
    }

    /// The slot of a section heading, after every column's.
    fn section_slot(&self) -> usize {
        self.columns * SLOTS_PER_COLUMN * W
    }

    fn counts(&self, slot: usize) -> &[u16] {
        let start = slot.saturating_mul(self.columns);
        self.counts.get(start..start.saturating_add(self.columns)).unwrap_or_default()
    }

    fn cut(&self, slot: usize) -> u32 {
        self.cut.get(slot).copied().unwrap_or(0)
    }

    fn endings(&self, slot: usize) -> Endings {
        self.endings.get(slot).copied().unwrap_or_default()
    }

    /// Whether a state of a split line in `column` costing `cost` may be
    /// kept, before its parts are traced: with one state per slot, not
    /// where both its slots (other cells dangling or not) keep cheaper ones.
    fn may_keep_split(&self, column: usize, continued: bool, cost: f64) -> bool {
        if W > 1 {
            return true;
        }
        let row_part = column * 2 + usize::from(continued);
        (0..2).any(|dangling| {
            let slot = (row_part * 3 + 2) * 2 + dangling;
            self.slots.get(slot).copied().flatten().is_none_or(|kept| cost < kept.cost)
        })
    }

    /// Keeps the entry if it is the cheapest for its slot, with the line
    /// counts of its row part (`previous` counts, none when the line opens
    /// a row or a page, plus this line's cells, `parts`), the cut cells and
    /// how the row's cells ended ([`Endings::after`]).
    #[inline]
    fn push(&mut self, entry: Entry, previous_counts: Option<&[u16]>, cut: u32, endings: Endings, parts: &[Part]) {
        let state = entry.state;
        let single = previous_counts.and_then(|p| p.get(state.column)).is_none_or(|&n| n == 0);
        let kind = if parts.len() > 1 { 2 } else { usize::from(single) };
        let row_part = state.column * 2 + usize::from(state.continued);
        let first = if state.column == self.columns {
            self.section_slot()
        } else {
            ((row_part * 3 + kind) * 2 + usize::from(endings.others_dangle(state.column))) * W
        };
        // The row part's line counts after this line.
        let fill_counts = |counts: &mut [u16]| {
            match previous_counts {
                Some(p) if p.len() == counts.len() => counts.copy_from_slice(p),
                _ => counts.fill(0),
            }
            for part in parts {
                if let Some(n) = counts.get_mut(usize::from(part.column)) {
                    *n = n.saturating_add(1);
                }
            }
        };
        // In a row part after a page break, the cells the break cut decide
        // how the row goes on; before one, the cells a break would cut.
        let signature = match W {
            1 => 0,
            _ if state.continued => cut,
            _ => {
                let mut scratch = [0u16; super::MAX_COLUMNS];
                let counts = scratch.get_mut(..self.columns).unwrap_or_default();
                fill_counts(counts);
                cut_cells(counts)
            }
        };
        let places = (first..first + W).map(|s| {
            let cost = self.slots.get(s).and_then(Option::as_ref).map(|e| e.cost);
            (cost, self.signatures.get(s).copied().unwrap_or(0))
        });
        let Some(way) = way_for(places, signature, entry.cost) else { return };
        let index = first + way;
        if let Some(slot) = self.slots.get_mut(index) {
            *slot = Some(entry);
        }
        if let Some(mask) = self.cut.get_mut(index) {
            *mask = cut;
        }
        if let Some(mask) = self.endings.get_mut(index) {
            *mask = endings;
        }
        if let Some(kept) = self.signatures.get_mut(index) {
            *kept = signature;
        }
        if let Some(counts) = self.counts.get_mut(index * self.columns..(index + 1) * self.columns) {
            fill_counts(counts);
        }
    }
}

/// Which of a key's places (each its state's cost, if any, and signature)
/// keeps a state of `signature` costing `cost`: the place of a state of the
/// same signature if dearer, else an empty place, else the dearest if
/// dearer. States of different signatures are priced differently by what
/// follows, so a few are kept apart instead of only the cheapest.
#[inline]
fn way_for(mut places: impl ExactSizeIterator<Item = (Option<f64>, u32)>, signature: u32, cost: f64) -> Option<usize> {
    if places.len() == 1 {
        // One place: the cheapest state is kept, whatever its signature.
        return places.next().is_some_and(|(kept, _)| kept.is_none_or(|kept| cost < kept)).then_some(0);
    }
    let mut empty = None;
    let mut dearest: Option<(usize, f64)> = None;
    let mut cheapest = f64::INFINITY;
    for (way, (kept, kept_signature)) in places.enumerate() {
        match kept {
            Some(kept) if kept_signature == signature => return (cost < kept).then_some(way),
            Some(kept) => {
                cheapest = cheapest.min(kept);
                if dearest.is_none_or(|(_, d)| kept > d) {
                    dearest = Some((way, kept));
                }
            }
            None => {
                if empty.is_none() {
                    empty = Some(way);
                }
            }
        }
    }
    if cost > cheapest + WAY_MARGIN {
        return None;
    }
    empty.or_else(|| dearest.filter(|&(_, d)| cost < d).map(|(way, _)| way))
}

/// The cells a page break cuts, given the line counts of the row's cells on
/// the page before: those that reached the page bottom, as the tallest did
/// (within a fifth of its lines, at least two).
pub(super) fn cut_cells(counts: &[u16]) -> u32 {
    cells_against_tallest(counts, |n, tallest| n + (tallest / 5).max(2) >= tallest)
}

/// The mask of the cells with lines whose count `n` passes `keep(n,
/// tallest)`, the tallest being the most lines a cell has.
fn cells_against_tallest(counts: &[u16], keep: impl Fn(u16, u16) -> bool) -> u32 {
    let tallest = counts.iter().copied().max().unwrap_or(0);
    counts
        .iter()
        .enumerate()
        .filter(|&(c, &n)| c < 32 && n > 0 && keep(n, tallest))
        .fold(0, |mask, (c, _)| mask | 1 << c)
}

/// How the cells of a row ended so far, as masks of columns: `open`
/// cells' last line goes on (ends no sentence or list item), `dangling`
/// ones were left on a line ending like a sentence that goes on (a comma, a
/// colon, a function word: [`LineEnd::goes_on`]), which costs when the
/// row ends without them going on ([`dangling_cost`]), and among those
/// `mid_phrase` ones on a function word (whose phrase goes on in lower
/// case, mostly); `listed` ones were left on a list item (a semicolon),
/// which costs less at the row's end.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Endings {
    open: u32,
    dangling: u32,
    mid_phrase: u32,
    listed: u32,
}

impl Endings {
    /// The endings after a line's `parts`: each part's last word is its
    /// cell's ending. Only the line's last part can dangle: a part inside
    /// the line ends where the reading split it, not where the text wrapped
    /// (judging those too read the test surveys worse).
    fn after(self, line: &FlowLine, parts: &[Part]) -> Self {
        let set = |mask: u32, bit: u32, on: bool| if on { mask | bit } else { mask & !bit };
        let end = line.end();
        let mut endings = self;
        for (i, part) in parts.iter().enumerate() {
            let column = usize::from(part.column);
            if column >= 32 {
                continue;
            }
            let to = parts.get(i + 1).map_or(line.words.len(), |next| usize::from(next.from));
            let closes = to.checked_sub(1).is_some_and(|w| line.closes_sentence_at(w));
            let bit = 1 << column;
            let last_part = i + 1 == parts.len();
            endings.open = set(endings.open, bit, !closes);
            endings.dangling = set(endings.dangling, bit, last_part && end.goes_on());
            endings.mid_phrase = set(endings.mid_phrase, bit, last_part && end == LineEnd::PhraseGoesOn);
            endings.listed = set(endings.listed, bit, last_part && end == LineEnd::ListGoesOn);
        }
        endings
    }

    /// The endings at a page break, given the line counts of the row's
    /// cells on the page before: a cell well short of the tallest stopped
    /// there because its next paragraph did not fit, so its last line
    /// ended a paragraph whatever its last word ([`full_cells`]).
    fn paragraphs_ended(self, counts: &[u16]) -> Self {
        Endings { open: self.open & full_cells(counts), ..self }
    }

    /// What of the endings prices going on in `cells` after a page break
    /// ([`resume_cost`]): the open and mid-phrase masks, within them.
    fn pricing_resumes(self, cells: u32) -> Self {
        Endings { open: self.open & cells, dangling: 0, mid_phrase: self.mid_phrase & cells, listed: 0 }
    }

    /// Whether cells of the row other than `column` dangle: what the row
    /// will pay at its end, unless a page break lets them go on.
    fn others_dangle(self, column: usize) -> bool {
        self.dangling & !(1 << column.min(31)) != 0
    }
}

/// The cells that filled their part of the page before a break: more than
/// half as many lines as the tallest. Only these can be cut inside a
/// paragraph; the others of [`cut_cells`] were cut between paragraphs.
fn full_cells(counts: &[u16]) -> u32 {
    cells_against_tallest(counts, |n, tallest| 2 * n > tallest)
}

/// Going on, after a page break, at word `from` of `line` in a cut cell
/// of `column`: the line should go on as the cell's last line ended. Lower
/// case after a sentence or list item that ended (the cell is not among
/// the `open` ones), or a capital after a function word (among the
/// `mid_phrase` ones), says the line belongs to another cell.
fn resume_cost(line: &FlowLine, from: usize, column: usize, endings: Endings) -> f64 {
    let lower_after_end = line.starts_lower(from) && !in_mask(endings.open, column);
    let capital_mid_phrase = line.starts_upper(from) && in_mask(endings.mid_phrase, column);
    if lower_after_end || capital_mid_phrase { cost::RESUME_MISMATCH } else { 0.0 }
}

/// The line counts a state reached by `line` from slot `prev_index` of
/// `last` starts from: none where the line opens a row or a page.
fn counts_after<'a, const W: usize>(
    last: Option<&'a Layer<W>>,
    line: &FlowLine,
    prev_index: usize,
    new_row: bool,
) -> Option<&'a [u16]> {
    (!new_row && !line.flow_break).then(|| last.map(|l| l.counts(prev_index))).flatten()
}

/// Openings of a line whose cells start at the same price: the same row
/// part (`continued`), cells cut by the last page break and how the cut
/// cells ended (both only matter in a row part after a page break).
#[derive(Debug)]
struct Group {
    continued: bool,
    cut: u32,
    endings: Endings,
    sources: Vec<Source>,
}

/// What pricing one line's parts needs: the model, the line as read (index
/// `index`, its page break read or not), the running sums of its words'
/// vocabulary costs ([`Model::word_evidence`]) and each column's longest
/// line ([`Model::longest_lines`]).
struct Pricing<'a> {
    model: &'a Model<'a>,
    index: usize,
    line: &'a FlowLine,
    vocabulary: &'a [f64],
    longest: &'a [f64],
}

impl Pricing<'_> {
    fn columns(&self) -> usize {
        self.model.widths.len().max(1)
    }

    /// The cost of words `from..to` of the line as (part of) a cell of
    /// `column`: width, line-level evidence and vocabulary.
    fn part(&self, from: usize, to: usize, column: usize) -> f64 {
        let k = self.columns();
        let running = |w: usize| self.vocabulary.get(w * k + column).copied().unwrap_or(0.0);
        self.overflow(from, to, column) + self.model.evidence.line_evidence(self.index, from, to, column) + running(to)
            - running(from)
    }

    /// The cost of words `from..to` of the line being longer than a line of
    /// `column` can be.
    fn overflow(&self, from: usize, to: usize, column: usize) -> f64 {
        let limit = self.longest.get(column).copied().unwrap_or(f64::INFINITY);
        let len = self.line.len_of(from, to).of(self.model.unit);
        if len > limit { cost::OVERFLOW + (len - limit) } else { 0.0 }
    }

    /// The cost of a cell of `lines` lines sharing its last line with the
    /// next cell.
    fn shared(&self, lines: u16) -> f64 {
        let unlearned = if self.model.evidence.cells_apart { cost::SPLIT_APART } else { cost::SPLIT };
        self.model.evidence.shared_lines.map_or(unlearned, |s| s.shared_cost(lines))
    }

    /// Pushes into `here` the readings of the line as several cells whose
    /// first part opens as one of the group's sources: the cheapest chain
    /// of parts ending at each word in each column is found once, in word
    /// order, a part in the middle being a one-line cell where the rest of
    /// the line is too long for it.
    fn push_several_cells<const W: usize>(
        &self,
        group: &Group,
        last: Option<&Layer<W>>,
        here: &mut Layer<W>,
        links: &mut Vec<Link>,
        parts_buffer: &mut Vec<Part>,
    ) {
        let (k, line) = (self.columns(), self.line);
        let words = line.words.len();
        let splits = words.min(MAX_SPLIT_WORDS);
        // The cheapest chain of parts ending at word w in column c: (cost,
        // source, last link).
        let mut best: Vec<Option<(f64, usize, u32)>> = vec![None; (words + 1) * k];
        let keep = |best: &mut Vec<Option<(f64, usize, u32)>>, w: usize, c: usize, entry: (f64, usize, u32)| {
            if let Some(slot) = best.get_mut(w * k + c)
                && slot.is_none_or(|(cost, _, _)| entry.0 < cost)
            {
                *slot = Some(entry);
            }
        };
        for (s, source) in group.sources.iter().enumerate() {
            let link = push_link(links, Part::new(0, source.column), NO_LINK);
            for w in 1..splits {
                keep(&mut best, w, source.column, (source.cost + self.part(0, w, source.column), s, link));
            }
        }
        let skip = if group.continued { cost::SKIP_FINISHED } else { self.model.skip() };
        // A cell opening at word `from`: in a row part after a page break,
        // only a cell the break cut goes on.
        let opening = |from: usize, column: usize| {
            let going_on = group.continued && in_mask(group.cut, column);
            cell_start_cost(line, from, going_on)
                + if going_on { 0.0 } else { self.model.evidence.echo(self.index, from, column) }
                + if group.continued && !going_on { cost::UNCUT } else { 0.0 }
                + if going_on { resume_cost(line, from, column, group.endings) } else { 0.0 }
        };
        for w in 1..splits {
            for c in 0..k {
                let Some(Some((cost_w, s, parent))) = best.get(w * k + c).copied() else { continue };
                let Some(source) = group.sources.get(s) else { continue };
                for c2 in c + 1..k.min(c + 2 + MAX_SPLIT_SKIP) {
                    let at = cost_w + (c2 - c - 1) as f64 * skip + opening(w, c2);
                    let cost = at + self.part(w, words, c2);
                    // The rest of the line also opens a chain of more cells
                    // where it is too long for c2.
                    let goes_on = self.overflow(w, words, c2) > 0.0;
                    let kept = here.may_keep_split(c2, group.continued, cost);
                    if !kept && !goes_on {
                        continue;
                    }
                    let link = push_link(links, Part::new(w, c2), parent);
                    if kept {
                        chain(links, link, parts_buffer);
                        let entry = Entry {
                            state: State { column: c2, len: line.len_of(w, words), continued: group.continued },
                            cost,
                            previous: source.prev_index,
                            link,
                            new_row: source.new_row,
                            page_break: line.flow_break,
                        };
                        let endings = source.endings.after(line, parts_buffer);
                        let counts = counts_after(last, line, source.prev_index, source.new_row);
                        here.push(entry, counts, group.cut, endings, parts_buffer);
                    }
                    if !goes_on {
                        continue;
                    }
                    for w2 in w + 1..splits {
                        keep(&mut best, w2, c2, (at + self.part(w, w2, c2) + self.shared(1), s, link));
                    }
                }
            }
        }
    }
}

/// Whether column `column` is in a mask of cells (cut ones, open ones).
fn in_mask(mask: u32, column: usize) -> bool {
    column < 32 && mask & (1 << column) != 0
}

impl Model<'_> {
    fn width(&self, column: usize) -> f64 {
        self.widths.get(column).copied().unwrap_or(40.0)
    }

    /// Each column's longest line ([`Unit::longest_line`]), asked for every
    /// part of every line.
    fn longest_lines(&self) -> Vec<f64> {
        (0..self.widths.len().max(1)).map(|c| self.unit.longest_line(self.width(c))).collect()
    }

    /// What the evidence says about line `i` in each column: for its first
    /// `w` words and column `c`, `prefix[w * columns + c]` (vocabulary as
    /// running sums, so any split of the line is priced by a subtraction).
    /// Empty without a vocabulary (every sum is zero).
    fn word_evidence(&self, i: usize, line: &FlowLine, columns: usize) -> Vec<f64> {
        let Some(vocabulary) = &self.evidence.vocabulary else { return Vec::new() };
        let words = line.words.len();
        let mut prefix = vec![0.0; (words + 1) * columns];
        let costs = vocabulary.word_costs(i, &line.words, columns);
        for w in 0..words {
            for c in 0..columns {
                let before = prefix.get(w * columns + c).copied().unwrap_or(0.0);
                let here = costs.get(w * columns + c).copied().unwrap_or(0.0);
                if let Some(slot) = prefix.get_mut((w + 1) * columns + c) {
                    *slot = before + here;
                }
            }
        }
        prefix
    }

    /// The cost of line `i` as a section heading between rows, `None` where
    /// it cannot be one ([`may_head_section`]).
    fn section_cost(&self, i: usize, line: &FlowLine) -> Option<f64> {
        let e = self.evidence;
        may_head_section(e, self.widths.len(), i, line).then(|| {
            let vocabulary = e.vocabulary.as_ref().map_or(0.0, |v| v.heading_cost(i, &line.words, self.widths.len()));
            e.sections.map_or(cost::SECTION, Sections::heading_cost) + vocabulary
        })
    }

    /// The cost of leaving a cell of a row empty.
    fn skip(&self) -> f64 {
        self.evidence.empty_cells.map_or(cost::SKIP, EmptyCells::skip_cost)
    }

    /// Runs the programme; returns the total cost and each line's step.
    pub fn solve(&self) -> (f64, Vec<Step>) {
        self.solve_keeping::<WAYS>(f64::INFINITY, true).unwrap_or_default()
    }

    /// [`Model::solve`] keeping one state per slot and opening kind: less
    /// exact and faster, for learning the widths, which solves the text
    /// thousands of times.
    pub fn solve_quickly(&self) -> (f64, Vec<Step>) {
        self.solve_keeping::<1>(f64::INFINITY, true).unwrap_or_default()
    }

    /// The cost of [`Model::solve_quickly`]'s reading if it is at most
    /// `limit`, `None` if it is more. Width learning compares thousands of
    /// readings with the best so far, most of them far dearer: a reading
    /// is given up at the first line where its cheapest state already
    /// costs more than `limit`. Every cost is a negative log-probability,
    /// never below zero, but for the header echoes, so a line's cheapest
    /// state less the echoes the lines after it may still take off bounds
    /// the final cost from below; a vocabulary's costs are log-odds, which
    /// can be negative, so with one the reading is solved whole.
    pub fn quick_cost_within(&self, limit: f64) -> Option<f64> {
        let limit = if self.evidence.vocabulary.is_some() { f64::INFINITY } else { limit };
        self.solve_keeping::<1>(limit, false).map(|(cost, _)| cost).filter(|&cost| cost <= limit)
    }

    /// The programme, keeping `W` states of different signatures per slot
    /// and opening kind (a constant, so that one costs nothing extra);
    /// `None` as soon as every state of a line costs more than `limit`.
    /// Without `trace`, only the cost is found: the steps are left empty.
    fn solve_keeping<const W: usize>(&self, limit: f64, trace: bool) -> Option<(f64, Vec<Step>)> {
        let ways = W;
        let k = self.widths.len().max(1);
        let skip = self.skip();
        let title_column = self.evidence.title_column();
        let n = self.lines.len();
        // Only the last line's states are kept whole; earlier lines keep
        // what the trace back needs.
        let mut last: Option<Layer<W>> = None;
        // The layer before last, kept to be reused (a solve runs thousands
        // of times while the widths are learned).
        let mut spare: Option<Layer<W>> = None;
        let slots = slots_for(k) * ways;
        let mut trail: Vec<Option<Back>> = Vec::with_capacity(if trace { n.saturating_mul(slots) } else { 0 });
        let mut stored_parts: Vec<Part> = Vec::new();
        let mut parts_buffer: Vec<Part> = Vec::new();
        let mut links: Vec<Link> = Vec::new();
        // Buffers reused from line to line: the previous line's states and
        // the openings of this one.
        let mut previous: Vec<(usize, State, f64)> = Vec::with_capacity(slots);
        let mut openings: Vec<Option<Opened>> = Vec::with_capacity(k * Opening::KINDS * ways);
        let mut fresh_start: Vec<f64> = Vec::with_capacity(k);
        let mut whole: Vec<f64> = Vec::with_capacity(k);
        let longest = self.longest_lines();
        let echo_bonus_after = self.evidence.echo_bonus_after(n);
        for (i, line) in self.lines.iter().enumerate() {
            let mut here = spare.take().map_or_else(|| Layer::new(k), Layer::cleared);
            links.clear();
            let start = State { column: 0, len: super::Measure::default(), continued: false };
            previous.clear();
            match &last {
                None => previous.push((usize::MAX, start, 0.0)),
                Some(layer) => {
                    previous.extend(layer.slots.iter().enumerate().filter_map(|(s, e)| e.map(|e| (s, e.state, e.cost))))
                }
            }
            // The whole line and its parts in each column, priced once for
            // all states.
            let words = line.words.len();
            let vocabulary = self.word_evidence(i, line, k);
            {
                let pricing = Pricing { model: self, index: i, line, vocabulary: &vocabulary, longest: &longest };
                whole.clear();
                whole.extend((0..k).map(|a| pricing.part(0, words, a)));
            }
            let prev_line = i.checked_sub(1).and_then(|p| self.lines.get(p));
            let leave = leave_cost(prev_line);
            // A run of blank lines may be a page break or only wide
            // spacing: both readings are tried.
            let broken = (line.maybe_break && !line.flow_break).then(|| FlowLine { flow_break: true, ..line.clone() });
            for line in broken.iter().chain([line]) {
                let pricing = Pricing { model: self, index: i, line, vocabulary: &vocabulary, longest: &longest };
                let start_cost = |continued: bool| cell_start_cost(line, 0, continued);
                // A row or a heading opens below every cell of the row
                // before, in a block of its own.
                let row_start = start_cost(false) + unblanked_cost(self.blank_separated, line, false);
                // A cell opening on the line afresh in each column, and going
                // on after a page break in a cell the break cut.
                fresh_start.clear();
                fresh_start.extend((0..k).map(|a| start_cost(false) + self.evidence.echo(i, 0, a)));
                let resumed_start = start_cost(true);
                // The cells cut by the row's last page break, for a state
                // reached from slot `prev_index` by this line going on its
                // row (a new row has none).
                let cut_after = |prev_index: usize| match &last {
                    Some(layer) if line.flow_break => cut_cells(layer.counts(prev_index)),
                    Some(layer) => layer.cut(prev_index),
                    None => 0,
                };
                // How the row's cells ended before this line, as for cuts.
                let endings_before = |prev_index: usize| match &last {
                    Some(layer) if line.flow_break => {
                        layer.endings(prev_index).paragraphs_ended(layer.counts(prev_index))
                    }
                    Some(layer) => layer.endings(prev_index),
                    None => Endings::default(),
                };
                // The cheapest way to open the line's first part in each
                // column, per kind of opening.
                openings.clear();
                openings.resize(k * Opening::KINDS * ways, None);
                let mut open = |a: usize, kind: Opening, opened: Opened| {
                    let first = kind.index(a) * ways;
                    if ways == 1 {
                        if let Some(slot) = openings.get_mut(first)
                            && slot.is_none_or(|kept| opened.cost < kept.cost)
                        {
                            *slot = Some(opened);
                        }
                        return;
                    }
                    let places = (first..first + ways).map(|s| {
                        let kept = openings.get(s).copied().flatten();
                        (kept.map(|o| o.cost), kept.map_or(0, |o| o.signature))
                    });
                    if let Some(way) = way_for(places, opened.signature, opened.cost)
                        && let Some(slot) = openings.get_mut(first + way)
                    {
                        *slot = Some(opened);
                    }
                };
                // A row opening from slot `prev_index`: its cells start
                // afresh, nothing cut, nothing dangling.
                let opens_row = |cost: f64, prev_index: usize| Opened {
                    cost,
                    previous: prev_index,
                    signature: 0,
                    cut: 0,
                    endings: Endings::default(),
                };
                let row_opening = Opening { continued: false, new_row: true, fresh: true, dangling: false };
                for (prev_index, prev, prev_cost) in previous.iter().copied() {
                    if i == 0 {
                        open(0, row_opening, opens_row(0.0, prev_index));
                        continue;
                    }
                    if prev.column == k {
                        // After a section heading, a row opens (the heading
                        // paid for ending the row before it).
                        open(0, row_opening, opens_row(prev_cost + row_start, prev_index));
                        continue;
                    }
                    // Cells left empty cost less in the part of a row after a
                    // page break: there, finished cells are simply absent.
                    let skips = |c: f64, count: usize| {
                        if prev.continued { c - count as f64 * (skip - cost::SKIP_FINISHED) } else { c }
                    };
                    let continued = prev.continued || line.flow_break;
                    let cut = cut_after(prev_index);
                    let endings = endings_before(prev_index);
                    // The cells a page break cut or would cut: states that
                    // differ there are kept apart.
                    let signature = match &last {
                        _ if ways == 1 => 0,
                        _ if continued => cut,
                        Some(layer) => cut_cells(layer.counts(prev_index)),
                        None => 0,
                    };
                    let in_row = |cost: f64| Opened { cost, previous: prev_index, signature, cut, endings };
                    let kind = |a: usize, continued: bool, fresh: bool| Opening {
                        continued,
                        new_row: false,
                        fresh,
                        dangling: endings.others_dangle(a),
                    };
                    // In a row's part after a page break, a cell goes on
                    // from the page before (lower case and all) only if the
                    // break cut it.
                    let going_on = |a: usize| {
                        let opens = fresh_start.get(a).copied().unwrap_or(0.0);
                        if !continued {
                            opens
                        } else if in_mask(cut, a) {
                            resumed_start + resume_cost(line, 0, a, endings)
                        } else {
                            cost::UNCUT + opens
                        }
                    };
                    // How the previous cell meets the next one opening on this
                    // line: in one block where no blank line separates them,
                    // apart otherwise (where the two could have shared a
                    // line); the odds depend on the previous cell's height.
                    let prev_lines = last
                        .as_ref()
                        .map_or(0, |layer| layer.counts(prev_index).get(prev.column).copied().unwrap_or(0));
                    let meeting = match &self.evidence.shared_lines {
                        Some(shared) if self.blank_separated && unblanked(line) => shared.block_cost(prev_lines),
                        Some(shared) if !line.flow_break && last.is_some() => shared.apart_cost(prev_lines),
                        _ => unblanked_cost(self.blank_separated, line, prev_lines <= 1),
                    };
                    let a = prev.column;
                    let wrap = prev_line.map_or(0.0, |p| {
                        wrap_cost(self.blank_separated, self.unit, self.width(a), prev.len, p, line, a == title_column)
                    });
                    let uncut = match line.flow_break {
                        true if !in_mask(cut, a) => cost::UNCUT,
                        true => resume_cost(line, 0, a, endings),
                        false => 0.0,
                    };
                    open(a, kind(a, continued, line.flow_break), in_row(prev_cost + wrap + uncut));
                    let next = prev_cost + leave + meeting;
                    for a in prev.column + 1..k {
                        if let Some(c) = next_cell_cost(prev.column, a, skip) {
                            let c = skips(c, a - prev.column - 1);
                            open(a, kind(a, continued, true), in_row(next + c + going_on(a)));
                        }
                    }
                    if line.flow_break {
                        // The row goes on after the page break; the cells
                        // after the last one printed were empty.
                        let empty = k - 1 - prev.column;
                        let c = prev_cost + leave + skips(cost::RESUME + empty as f64 * skip, empty);
                        for a in 0..prev.column {
                            open(a, kind(a, true, true), in_row(c + going_on(a)));
                        }
                    }
                    if prev.column > 0 {
                        let c = new_row_after(prev, k, skip);
                        let row_ends = leave + dangling_cost(endings);
                        open(0, row_opening, opens_row(prev_cost + row_ends + c + row_start, prev_index));
                    }
                }
                let counts_for =
                    |prev_index: usize, new_row: bool| counts_after(last.as_ref(), line, prev_index, new_row);
                // Lines holding several cells are read per group of
                // openings that price a cell's start alike (row part, cells
                // cut by the last page break): each group's chains of parts
                // are found once for all its openings.
                let mut groups: Vec<Group> = Vec::new();
                for a in 0..k {
                    for (kind, way) in Opening::all().flat_map(|kind| (0..ways).map(move |way| (kind, way))) {
                        let Some(Some(opened)) = openings.get(kind.index(a) * ways + way).copied() else {
                            continue;
                        };
                        let Opened { cost: base, previous: prev_index, cut, endings: before, .. } = opened;
                        let Opening { continued, new_row, fresh, .. } = kind;
                        let state = State { column: a, len: line.len, continued };
                        let link = push_link(&mut links, Part::new(0, a), NO_LINK);
                        let entry = Entry {
                            state,
                            cost: base + whole.get(a).copied().unwrap_or(0.0),
                            previous: prev_index,
                            link,
                            new_row,
                            page_break: line.flow_break,
                        };
                        let whole_line = [Part::new(0, a)];
                        let endings = before.after(line, &whole_line);
                        here.push(entry, counts_for(prev_index, new_row), cut, endings, &whole_line);
                        // Several cells on the line, when it is too long for a.
                        if pricing.overflow(0, words, a) <= 0.0 {
                            continue;
                        }
                        let source = Source {
                            column: a,
                            cost: base + pricing.shared(if fresh { 1 } else { 2 }),
                            prev_index,
                            new_row,
                            endings: before,
                        };
                        // Outside a row part after a page break, neither
                        // mask changes a cell's start.
                        let (cut, endings) = if continued {
                            (cut, source.endings.pricing_resumes(cut))
                        } else {
                            (0, Endings::default())
                        };
                        match groups
                            .iter_mut()
                            .find(|g| g.continued == continued && g.cut == cut && g.endings == endings)
                        {
                            Some(group) => group.sources.push(source),
                            None => groups.push(Group { continued, cut, endings, sources: vec![source] }),
                        }
                    }
                }
                for group in &groups {
                    pricing.push_several_cells(group, last.as_ref(), &mut here, &mut links, &mut parts_buffer);
                }
                if let Some(heading) = self.section_cost(i, line) {
                    // The line as a section heading: the row before it ends.
                    let best = previous
                        .iter()
                        .filter_map(|&(prev_index, prev, prev_cost)| {
                            if i == 0 {
                                return Some((0.0, prev_index));
                            }
                            if prev.column >= k {
                                return None;
                            }
                            let c = new_row_after(prev, k, skip);
                            let row_ends = leave + dangling_cost(endings_before(prev_index));
                            Some((prev_cost + row_ends + c, prev_index))
                        })
                        .min_by(|a, b| a.0.total_cmp(&b.0));
                    if let Some((before, prev_index)) = best {
                        let part = Part::new(0, k);
                        let entry = Entry {
                            state: State { column: k, len: line.len, continued: false },
                            cost: before + heading + row_start,
                            previous: prev_index,
                            link: push_link(&mut links, part, NO_LINK),
                            new_row: true,
                            page_break: line.flow_break,
                        };
                        here.push(entry, None, 0, Endings::default(), &[part]);
                    }
                }
            }
            if trace {
                trail.extend(here.slots.iter().map(|e| {
                    e.map(|e| {
                        chain(&links, e.link, &mut parts_buffer);
                        let back = Back {
                            previous: u32::try_from(e.previous).unwrap_or(u32::MAX),
                            parts_at: u32::try_from(stored_parts.len()).unwrap_or(u32::MAX),
                            parts: u8::try_from(parts_buffer.len()).unwrap_or(u8::MAX),
                            new_row: e.new_row,
                            page_break: e.page_break,
                        };
                        stored_parts.extend_from_slice(&parts_buffer);
                        back
                    })
                }));
            }
            let bonus_ahead = echo_bonus_after.get(i).copied().unwrap_or(0.0);
            if here.slots.iter().flatten().map(|e| e.cost).fold(f64::INFINITY, f64::min) - bonus_ahead > limit {
                return None;
            }
            spare = last.replace(here);
        }
        // Trace back from the cheapest final state.
        let Some((mut index, best)) = last.and_then(|layer| {
            layer
                .slots
                .iter()
                .enumerate()
                .filter(|&(s, _)| s != layer.section_slot())
                // The text's last row leaves the cells after its last
                // part empty, as a row that a new one follows does.
                .filter_map(|(s, e)| {
                    e.map(|e| {
                        let empty_after = new_row_after(e.state, k, skip) - cost::NEW_ROW;
                        (s, e.cost + dangling_cost(layer.endings(s)) + empty_after)
                    })
                })
                .min_by(|a, b| a.1.total_cmp(&b.1))
        }) else {
            return Some((0.0, Vec::new()));
        };
        if !trace {
            return Some((best, Vec::new()));
        }
        let mut steps =
            vec![Step { parts: vec![Part::default()], new_row: false, page_break: false, section: false }; n];
        for i in (0..n).rev() {
            let Some(back) = trail.get(i * slots + index).copied().flatten() else { break };
            if let Some(slot) = steps.get_mut(i) {
                let at = back.parts_at as usize;
                let parts = stored_parts.get(at..at + usize::from(back.parts)).unwrap_or_default();
                let section = parts.first().is_some_and(|p| usize::from(p.column) == k);
                *slot = Step { parts: parts.to_vec(), new_row: back.new_row, page_break: back.page_break, section };
            }
            index = back.previous as usize;
        }
        Some((best, steps))
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A length of `n` characters, as wide in set width.
    fn chars(n: usize) -> super::super::Measure {
        super::super::Measure { chars: n as f64, set: n as f64 }
    }

    fn line(text: &str) -> FlowLine {
        let trailing = text.ends_with(' ');
        let mut line = FlowLine::new(text.split_whitespace().map(str::to_string).collect(), trailing, 0, false);
        line.hard_break = text.ends_with("  ");
        line
    }

    #[test]
    fn a_page_break_cuts_the_cells_that_reached_the_page_bottom() {
        // Title 2 lines, purposes 13, controller 4, data 18, subjects 5.
        let cut = cut_cells(&[2, 13, 4, 18, 5]);
        assert!(in_mask(cut, 3));
        assert!(!in_mask(cut, 0) && !in_mask(cut, 1) && !in_mask(cut, 2) && !in_mask(cut, 4));
        // Cells of about the tallest's height are cut too; an empty one is not.
        let cut = cut_cells(&[9, 10, 0, 8]);
        assert!(in_mask(cut, 0) && in_mask(cut, 1) && in_mask(cut, 3) && !in_mask(cut, 2));
    }

    /// Steps of one cell a line, in the given columns, a row opening at
    /// each line in column 0.
    pub(in crate::flowed) fn one_cell_steps(columns: &[usize]) -> Vec<Step> {
        columns.iter().map(|&column| step(&[(0, column)], column == 0)).collect()
    }

    /// A step of the given parts (first word, column).
    pub(in crate::flowed) fn step(parts: &[(usize, usize)], new_row: bool) -> Step {
        Step {
            parts: parts.iter().map(|&(from, column)| Part::new(from, column)).collect(),
            new_row,
            page_break: false,
            section: false,
        }
    }

    #[test]
    fn a_line_cut_inside_a_word_left_room_only_if_both_measures_say_so() {
        // 16 characters each, in a column 20 wide: capitals fill the line
        // in a proportional font, thin letters leave room in any.
        let next = line("maladie ");
        let capitals = line("CNAM, DREES, MDP");
        let thin = line("il lit ici, il t");
        assert_eq!(capitals.len.chars, thin.len.chars);
        assert!(capitals.len.set > 18.0 && thin.len.set < 10.0);
        assert_eq!(wrap_cost(false, Unit::Chars, 20.0, capitals.len, &capitals, &next, false), 0.0);
        assert!(wrap_cost(false, Unit::Chars, 20.0, thin.len, &thin, &next, false) > cost::EARLY_WRAP);
    }

    #[test]
    fn empty_cell_odds_are_learned_from_the_rows() {
        // Row 1 fills its three cells (the second across a page break);
        // row 2 leaves the controller empty.
        let mut broken = step(&[(0, 1)], false);
        broken.page_break = true;
        let steps = [
            step(&[(0, 0)], true),
            step(&[(0, 1)], false),
            step(&[(0, 2)], false),
            broken,
            step(&[(0, 0), (2, 1)], true),
        ];
        let odds = EmptyCells::learn(&steps, 3);
        // One empty cell of six (add-one smoothed): 2 / 8.
        assert!((odds.probability - 0.25).abs() < 1e-9);
        // A register that fills every cell makes an empty one costly.
        let full = EmptyCells::learn(&one_cell_steps(&[0, 1, 2, 0, 1, 2, 0, 1, 2]), 3);
        assert!(full.skip_cost() > odds.skip_cost());
    }

    #[test]
    fn states_of_other_signatures_are_kept_apart_within_a_margin() {
        fn places(kept: &[(Option<f64>, u32)]) -> impl ExactSizeIterator<Item = (Option<f64>, u32)> + '_ {
            kept.iter().copied()
        }
        // One place: the cheapest only.
        assert_eq!(way_for(places(&[(Some(2.0), 1)]), 2, 1.0), Some(0));
        assert_eq!(way_for(places(&[(Some(2.0), 1)]), 2, 3.0), None);
        // Two: the same signature replaces its own if cheaper; another
        // takes the empty place, then the dearest if cheaper than it.
        assert_eq!(way_for(places(&[(Some(2.0), 1), (None, 0)]), 1, 1.5), Some(0));
        assert_eq!(way_for(places(&[(Some(2.0), 1), (None, 0)]), 1, 2.5), None);
        assert_eq!(way_for(places(&[(Some(2.0), 1), (None, 0)]), 2, 2.5), Some(1));
        assert_eq!(way_for(places(&[(Some(2.0), 1), (Some(4.0), 3)]), 2, 3.0), Some(1));
        assert_eq!(way_for(places(&[(Some(2.0), 1), (Some(4.0), 3)]), 2, 4.5), None);
        // Far dearer than the cheapest: dropped.
        assert_eq!(way_for(places(&[(Some(2.0), 1), (None, 0)]), 2, 2.0 + WAY_MARGIN + 0.1), None);
    }

    #[test]
    fn shared_line_odds_are_learned_per_cell_height() {
        // Row 1: a one-line title shares its line with the purposes (three
        // lines), the controller opens a line of its own. Row 2: a one-line
        // title on a line of its own.
        let steps = [
            step(&[(0, 0), (1, 1)], true),
            step(&[(0, 1)], false),
            step(&[(0, 1)], false),
            step(&[(0, 2)], false),
            step(&[(0, 0)], true),
            step(&[(0, 1)], false),
        ];
        let lines = vec![line("x "); steps.len()];
        let odds = SharedLines::learn(&lines, &steps, 3, false);
        // One-line cells: 1 shared of 2; taller: 0 of 1 (add-one smoothed).
        assert!((odds.after_single.line - 0.5).abs() < 1e-9);
        assert!((odds.after_tall.line - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(odds.after_single.block, 0.0);
        assert!(odds.shared_cost(1) < odds.shared_cost(2));
        assert!(odds.apart_cost(2) < odds.apart_cost(1));
    }

    /// A line with `blank` blank lines before it.
    fn spaced(text: &str, blank: usize) -> FlowLine {
        FlowLine { blank_before: blank, ..line(text) }
    }

    #[test]
    fn block_odds_are_learned_where_blank_lines_separate_cells() {
        // Two rows: a one-line title, then the purposes (two lines) in the
        // title's block, no blank between them; the controller after a
        // blank line.
        let lines = [
            spaced("Portail ", 1),
            spaced("Inscrire les ", 0),
            spaced("enfants ", 0),
            spaced("Mairie ", 1),
            spaced("Cantine ", 1),
            spaced("Facturer les ", 0),
            spaced("repas ", 0),
            spaced("Mairie ", 1),
        ];
        let steps = one_cell_steps(&[0, 1, 1, 2, 0, 1, 1, 2]);
        let odds = SharedLines::learn(&lines, &steps, 3, true);
        // After a one-line cell: 2 blocks of 2 (smoothed over three
        // outcomes); after a taller one, none of 2.
        assert!((odds.after_single.block - 3.0 / 5.0).abs() < 1e-9);
        assert!((odds.after_tall.block - 1.0 / 5.0).abs() < 1e-9);
        assert!(odds.block_cost(1) < odds.apart_cost(1));
        assert!(odds.block_cost(2) > odds.apart_cost(2));
    }

    #[test]
    fn a_cell_opens_without_a_blank_line_mostly_beside_a_one_line_cell() {
        let unblanked = spaced("Nom, prénom ", 0);
        assert_eq!(unblanked_cost(true, &unblanked, true), cost::BESIDE_SINGLE);
        assert_eq!(unblanked_cost(true, &unblanked, false), cost::NO_BLANK);
        assert_eq!(unblanked_cost(true, &spaced("Nom, prénom ", 1), false), 0.0);
        // Where blank lines do not separate paragraphs, they say nothing.
        assert_eq!(unblanked_cost(false, &unblanked, false), 0.0);
    }

    #[test]
    fn cells_open_neither_in_lower_case_nor_on_punctuation() {
        assert_eq!(cell_start_cost(&line("DNUM "), 0, false), 0.0);
        assert_eq!(cell_start_cost(&line(": DNUM "), 0, false), cost::LOWER_START);
        assert_eq!(cell_start_cost(&line("de l'agent "), 0, false), cost::LOWER_START);
        assert_eq!(cell_start_cost(&line("(art. 6-1-c RGPD) "), 0, false), cost::LOWER_START);
        // Going on after a page break, lower case says nothing.
        assert_eq!(cell_start_cost(&line("de l'agent "), 0, true), 0.0);
    }

    #[test]
    fn cells_left_open_are_those_whose_last_line_goes_on() {
        // Purposes left on `permettant de faciliter`, data on a list item.
        let purposes = Endings::default().after(&line("permettant de faciliter "), &[Part::new(0, 1)]);
        assert_eq!(purposes, Endings { open: 0b10, dangling: 0, mid_phrase: 0, listed: 0 });
        let both = purposes.after(&line("Nature des opérations ; "), &[Part::new(0, 3)]);
        assert_eq!(both, Endings { open: 0b10, dangling: 0, mid_phrase: 0, listed: 0b1000 });
        // A line of two cells: the first part's last word counts for it;
        // the last part ends on a function word, so it dangles.
        let shared = Endings::default().after(&line("Utilisateurs. Agents de "), &[Part::new(0, 4), Part::new(1, 5)]);
        assert_eq!(shared, Endings { open: 0b10_0000, dangling: 0b10_0000, mid_phrase: 0b10_0000, listed: 0 });
        // A comma dangles too, but a capital may follow it.
        let listed = Endings::default().after(&line("Données d’identité, "), &[Part::new(0, 3)]);
        assert_eq!(listed, Endings { open: 0b1000, dangling: 0b1000, mid_phrase: 0, listed: 0 });
    }

    #[test]
    fn a_cell_goes_on_after_a_page_break_as_its_last_line_ended() {
        let data = Endings::default().after(&line("Durée : 1 an après la clôture du "), &[Part::new(0, 3)]);
        // After a function word, the phrase goes on in lower case.
        assert_eq!(resume_cost(&line("dossier "), 0, 3, data), 0.0);
        assert_eq!(resume_cost(&line("Nom, prénom, "), 0, 3, data), cost::RESUME_MISMATCH);
        // After a full stop, a new sentence opens with a capital.
        let closed = Endings::default().after(&line("numéro de téléphone. "), &[Part::new(0, 3)]);
        assert_eq!(resume_cost(&line("Durée : 1 an "), 0, 3, closed), 0.0);
        assert_eq!(resume_cost(&line("dossier "), 0, 3, closed), cost::RESUME_MISMATCH);
        // After a comma, either goes.
        let listed = Endings::default().after(&line("Données d’identité, "), &[Part::new(0, 3)]);
        assert_eq!(resume_cost(&line("Coordonnées "), 0, 3, listed), 0.0);
        assert_eq!(resume_cost(&line("images "), 0, 3, listed), 0.0);
    }

    #[test]
    fn a_cell_short_of_the_tallest_at_a_page_break_ended_its_paragraph() {
        // Two lines fit on the page: the controller's one line and the
        // data's two are both cut, but only the data filled the page.
        let counts = [1, 1, 1, 2, 1];
        assert!(in_mask(cut_cells(&counts), 2) && in_mask(cut_cells(&counts), 3));
        assert_eq!(full_cells(&counts), 0b1000);
        let ended = Endings::default()
            .after(&line("DNUM "), &[Part::new(0, 2)])
            .after(&line("Coordonnées, Données "), &[Part::new(0, 3)])
            .paragraphs_ended(&counts);
        // A phrase going on in lower case resumes the full cell only; a
        // new paragraph may open in either.
        assert_eq!(resume_cost(&line("selon l’objet du "), 0, 3, ended), 0.0);
        assert_eq!(resume_cost(&line("selon l’objet du "), 0, 2, ended), cost::RESUME_MISMATCH);
        assert_eq!(resume_cost(&line("Direction des sports "), 0, 2, ended), 0.0);
    }

    #[test]
    fn open_endings_keep_the_cell_going() {
        assert_eq!(ending_cost(Some(&line("Données relatives aux parents : "))), cost::OPEN_ENDING);
        assert_eq!(ending_cost(Some(&line("Nom, prénom, "))), cost::OPEN_ENDING);
        assert_eq!(ending_cost(Some(&line("professionnels de santé choisis par "))), cost::OPEN_ENDING);
        assert_eq!(ending_cost(Some(&line("Agents publics ; "))), cost::LIST_GOES_ON);
        // Leaving a list item costs when the row ends: a page break may cut
        // the list, and the cell go on with its next item after it.
        assert_eq!(leave_cost(Some(&line("Agents publics ; "))), 0.0);
        let listed = Endings::default().after(&line("Agents publics ; "), &[Part::new(0, 4)]);
        assert_eq!(dangling_cost(listed), cost::LIST_GOES_ON);
        assert_eq!(dangling_cost(listed.pricing_resumes(0b1_0000)), 0.0);
        assert_eq!(ending_cost(Some(&line("autorisés par eux. "))), 0.0);
        assert_eq!(ending_cost(Some(&line("1000Premier"))), cost::CUT_WORD);
        // Leaving a dangling cell costs nothing yet: a page break may cut it.
        assert_eq!(leave_cost(Some(&line("Nom, prénom, "))), 0.0);
    }

    /// Evidence that says nothing of lines `0..lines`.
    pub(in crate::flowed) fn no_evidence(lines: usize) -> Evidence {
        Evidence {
            retention_start: vec![None; lines],
            retention_column: Vec::new(),
            number_opening: vec![false; lines],
            number_column: None,
            vocabulary: None,
            shared_lines: None,
            cells_apart: false,
            empty_cells: None,
            sections: None,
            width_caps: Vec::new(),
            header_echoes: Vec::new(),
        }
    }

    #[test]
    fn a_reading_is_given_up_only_once_dearer_than_its_limit() {
        let lines: Vec<FlowLine> = [
            "Gestion des ",
            "inscriptions ",
            "Inscrire les enfants aux ",
            "activités de la commune. ",
            "Le maire ",
            "Gestion du personnel ",
            "Payer les agents. ",
            "Le maire ",
        ]
        .iter()
        .map(|text| line(text))
        .collect();
        let evidence = no_evidence(lines.len());
        for widths in [[12.0, 26.0, 10.0], [4.0, 4.0, 4.0], [40.0, 40.0, 40.0]] {
            let model = Model {
                lines: &lines,
                widths: &widths,
                blank_separated: false,
                evidence: &evidence,
                unit: Unit::Chars,
            };
            let (cost, _) = model.solve_quickly();
            assert!(cost > 0.0);
            assert_eq!(model.quick_cost_within(f64::INFINITY), Some(cost));
            assert_eq!(model.quick_cost_within(cost), Some(cost));
            assert_eq!(model.quick_cost_within(cost - 1e-6), None);
            assert_eq!(model.quick_cost_within(0.0), None);
        }
    }

    #[test]
    fn header_echoes_keep_the_quick_cost_s_bound_exact() {
        let lines: Vec<FlowLine> = ["Paie ", "Mairie Données d'identité ", "Vote ", "Mairie Données d'état civil "]
            .iter()
            .map(|text| line(text))
            .collect();
        let echoes = |line: &FlowLine| line.words.iter().map(|w| (w == "Données").then_some(2)).collect();
        let evidence = Evidence { header_echoes: lines.iter().map(echoes).collect(), ..no_evidence(lines.len()) };
        let widths = [8.0, 8.0, 20.0];
        let model =
            Model { lines: &lines, widths: &widths, blank_separated: false, evidence: &evidence, unit: Unit::Chars };
        let (cost, steps) = model.solve_quickly();
        // Both data cells open on their echo, each taking it off the cost.
        let data_opening = |i: usize| steps.get(i).is_some_and(|s| s.parts.contains(&Part::new(1, 2)));
        assert!(data_opening(1) && data_opening(3));
        assert_eq!(model.quick_cost_within(cost), Some(cost));
        assert_eq!(model.quick_cost_within(cost - 1e-6), None);
    }

    #[test]
    fn a_section_heading_is_a_short_name_that_ends_no_sentence() {
        let evidence = no_evidence(1);
        let heading = |text: &str| may_head_section(&evidence, 6, 0, &line(text));
        assert!(heading("Ressources humaines "));
        assert!(heading("État civil et citoyenneté "));
        assert!(heading("3. Urbanisme "));
        assert!(!heading("de la commune "));
        assert!(!heading("Agents habilités du "));
        assert!(!heading("Nom, prénom, "));
        assert!(!heading("Les données sont conservées. "));
        assert!(!heading("Gestion des demandes d’inscription aux activités sportives et culturelles de la commune "));
        assert!(!heading("Ressources humain"));
        // Neither a retention statement nor a record number, nor a line
        // across a single column.
        let retention = Evidence { retention_start: vec![Some(0)], ..no_evidence(1) };
        assert!(!may_head_section(&retention, 6, 0, &line("Jusqu’à la fin du contrat ")));
        let number = Evidence { number_opening: vec![true], ..no_evidence(1) };
        assert!(!may_head_section(&number, 6, 0, &line("12 Fichier des associations ")));
        assert!(!may_head_section(&evidence, 1, 0, &line("Ressources humaines ")));
    }

    #[test]
    fn headings_are_likely_once_a_reading_found_one() {
        let heading = Step { section: true, ..step(&[(0, 6)], true) };
        let found = Sections::learn(&[heading, step(&[(0, 0)], true), step(&[(0, 1)], false)]);
        let none = Sections::learn(&[step(&[(0, 0)], true), step(&[(0, 1)], false)]);
        assert!(found.found && !none.found);
        assert_eq!(none.heading_cost(), cost::SECTION);
        assert!(found.heading_cost() < cost::PARAGRAPH);
    }

    #[test]
    fn a_heading_shares_the_columns_odds_of_words_no_other_row_uses() {
        // Two rows: a title, then recipients; then a line of its own row.
        let lines =
            [line("Portail famille "), line("Agents habilités "), line("Prêt de matériel "), line("Agents du pôle ")];
        let lines = [lines.as_slice(), &[line("Agents Enfance ")]].concat();
        let steps = one_cell_steps(&[0, 1, 0, 1, 0]);
        let vocabulary = Vocabulary::learn(&lines, &steps, 2);
        let words = &lines[4].words;
        let costs = vocabulary.word_costs(4, words, 2);
        // `Agents` is the recipients' word: no odds for a heading. `Enfance`
        // is no other row's: the heading gets its best column's odds.
        assert!(costs[1] < 0.0 && costs[0] > 0.0);
        let unseen_best = costs[2].min(costs[3]);
        assert!((vocabulary.heading_cost(4, words, 2) - unseen_best).abs() < 1e-9);
    }

    #[test]
    fn a_word_cut_short_of_the_width_is_doubtful() {
        let next = line("sJours ");
        // Cut at 11 characters: right for a 12-character column, not for a 30.
        assert_eq!(wrap_cost(false, Unit::Chars, 12.0, chars(11), &line("1000Premier"), &next, true), 0.0);
        assert!(wrap_cost(false, Unit::Chars, 30.0, chars(11), &line("1000Premier"), &next, true) > cost::EARLY_WRAP);
    }

    #[test]
    fn a_full_line_goes_on_with_a_capital_only_in_a_name() {
        // Full lines (no room for the next word at width 24).
        let title = line("Fichier des associations ");
        assert_eq!(
            wrap_cost(false, Unit::Chars, 24.0, chars(24), &title, &line("Tenir à jour "), false),
            cost::CAPITAL_GOES_ON
        );
        assert_eq!(wrap_cost(false, Unit::Chars, 24.0, chars(24), &title, &line("de la commune "), false), 0.0);
        // A name's words, and a capital after a function word or a comma.
        let name = line("Caisse Nationale d’Assurance ");
        assert_eq!(wrap_cost(false, Unit::Chars, 24.0, chars(28), &name, &line("Maladie. "), false), 0.0);
        assert_eq!(
            wrap_cost(
                false,
                Unit::Chars,
                24.0,
                chars(24),
                &line("Délégation ministérielle à la "),
                &line("Santé "),
                false
            ),
            0.0
        );
        assert_eq!(
            wrap_cost(false, Unit::Chars, 24.0, chars(24), &line("Nom, prénom, adresse, "), &line("Téléphone "), false),
            0.0
        );
    }

    #[test]
    fn a_sentence_ended_by_a_full_stop_seldom_goes_on_in_lower_case() {
        let ended = line("Magistrats et greffiers. ");
        let full = |next: &str| wrap_cost(false, Unit::Chars, 24.0, chars(24), &ended, &line(next), false);
        assert_eq!(full("numérique des "), cost::LOWER_AFTER_FULL_STOP);
        assert_eq!(full("Numérique des "), 0.0);
        // An abbreviation's full stop ends no sentence.
        let cited = line("Obligation légale (art. ");
        assert_eq!(wrap_cost(false, Unit::Chars, 24.0, chars(24), &cited, &line("6-1-c RGPD) "), false), 0.0);
        assert_eq!(
            wrap_cost(false, Unit::Chars, 24.0, chars(24), &line("bureautique, etc. "), &line("partagés "), false),
            0.0
        );
    }

    #[test]
    fn a_paragraph_opens_in_lower_case_seldom() {
        // Where blank lines mark paragraphs, a line after one that opens in
        // lower case more likely goes on a cell a page break cut.
        let previous = line("SIRENE ");
        let after_blank = |text: &str| {
            let mut next = line(text);
            next.blank_before = 1;
            wrap_cost(true, Unit::Chars, 24.0, chars(6), &previous, &next, false)
        };
        assert_eq!(after_blank("Durée : tant que l’entité "), cost::PARAGRAPH);
        assert_eq!(after_blank("d’entreprise (nom, "), cost::PARAGRAPH + cost::LOWER_START);
    }

    #[test]
    fn a_hard_break_explains_a_short_line() {
        let next = line("ou ");
        let short = line("connaissance de Nos1000Jours ");
        let hard = line("connaissance de Nos1000Jours   ");
        assert!(wrap_cost(false, Unit::Chars, 36.0, chars(28), &short, &next, false) > cost::PARAGRAPH);
        assert_eq!(wrap_cost(false, Unit::Chars, 36.0, chars(28), &hard, &next, false), cost::PARAGRAPH);
    }

    #[test]
    fn an_unmarked_paragraph_costs_at_most_a_marked_one_and_a_little() {
        let previous = line("mail ");
        let paragraph = line("Informations de connexion ");
        let cost = wrap_cost(false, Unit::Chars, 36.0, chars(4), &previous, &paragraph, false);
        assert!((cost - (cost::PARAGRAPH + cost::UNMARKED_PARAGRAPH)).abs() < 1e-9);
        // Where blank lines mark paragraphs, a capital alone does not.
        assert!(wrap_cost(true, Unit::Chars, 36.0, chars(4), &previous, &paragraph, false) > cost);
    }
}

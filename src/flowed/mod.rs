//! Text flowed cell after cell (plain extraction of a table PDF) → the
//! word layout of a ruled table, which the table stage then reads like any
//! other page.
//!
//! In this form the cells of a row follow one another in column order, a
//! row split by a page break goes on after it in column order again, and
//! two cells that shared a baseline may share a line. Lines carry the
//! evidence: each column wraps at its own width, a line with no trailing
//! space ends inside a word, blank lines (where the text has them) separate
//! paragraphs, cells start with a capital more often than not, retention
//! statements sit in the data or retention column, record numbers in the
//! `N°` column, and each column repeats its own vocabulary from row to row.
//! A header wrapped inside its words bounds its column's width.
//! A group heading printed across the table stands on a line of its own
//! between two rows: a section.
//!
//! The stages: `lines` reads the lines and `header` finds the header →
//! `learn` the columns' wrap widths → `segment` the lines into cells (a
//! dynamic programme under the column-order constraint), re-segmented with
//! the vocabulary each column showed → `layout` as ruled pages for the
//! table stage (a section as a merged band, as a table typesets a heading
//! across it). A text with no
//! table header may be a register set as fiches, label after label:
//! `fiches` lays it out label beside value for the fiche stage.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::Diagnostic;
use crate::error::ErrorKind;
use crate::fields;
use crate::geometry::Rect;
use crate::layout::{Page, Word, digit_runs_masked, ends_with_page_number, is_page_number};
use crate::pdf::Rule;
use crate::retention;

mod fiches;
mod header;
mod layout;
mod learn;
mod lines;
mod segment;
mod uncertain;

use segment::{EmptyCells, Evidence, Model, Sections, SharedLines, Step, Vocabulary};

use header::*;
use layout::*;
use lines::*;

/// Most lines read: reading is linear, but each register holds far fewer
/// (a text of more is refused, not cut short).
const MAX_LINES: usize = 1_000_000;
/// Most body lines × columns segmented: the segmentation's time and memory
/// grow with both.
const MAX_LINE_COLUMNS: usize = 1_000_000;
/// Most columns a flowed table is segmented into (more header words than
/// that is not a register's header).
const MAX_COLUMNS: usize = 24;

/// A word ending with a full stop after fewer letters than this may be an
/// abbreviation (`art.`, `etc.`), which the sentence goes on after.
const ABBREVIATION_LETTERS: usize = 4;

/// One line of the flowed text.
#[derive(Debug, Clone, PartialEq)]
struct FlowLine {
    words: Vec<String>,
    /// Characters in the words before each word (and in all, last): a
    /// line's parts are measured often.
    chars_before: Vec<usize>,
    /// Set widths of the words before each word ([`set_width`], scaled to
    /// the document's characters by [`scale_set_widths`]).
    set_before: Vec<f64>,
    /// Set width of a space, scaled like the words'.
    space_set: f64,
    /// Width with one space between words ([`Measure`]).
    len: Measure,
    /// Width of the first word.
    first_word: Measure,
    trailing_space: bool,
    /// The text trims every line's end ([`LineEnds::Trimmed`]): it does not
    /// say whether the line ends at a word boundary, which the table stage
    /// decides from the words where the line ends a cell's line.
    end_unmarked: bool,
    /// The line ends with two spaces or more: an explicit break (a
    /// paragraph's end) in extractions that keep line-end spaces.
    hard_break: bool,
    blank_before: usize,
    /// A page break certainly comes before the line (a form feed, a
    /// repeated header, a link artefact).
    flow_break: bool,
    /// A run of blank lines longer than the document's usual spacing comes
    /// before the line: a page break, or only wider spacing.
    maybe_break: bool,
    /// The extractor marks where paragraphs end ([`LineEnds::SpaceAtSoftWraps`])
    /// and this line's paragraph goes on past it.
    soft_wrap: bool,
    /// The line before ended with an explicit break ([`FlowLine::hard_break`]):
    /// this one opens a paragraph even without a blank line before it.
    after_hard_break: bool,
    /// The line's last word is a function word ([`FUNCTION_WORDS`]).
    ends_on_function_word: bool,
    /// The line ends inside a parenthesis it opened (`public (art. 6-1-e`
    /// / `RGPD)`).
    in_parenthesis: bool,
    /// Whether the line ends a sentence with a full stop (see
    /// [`FlowLine::ends_with_full_stop`]), known once: it is asked often.
    full_stop: bool,
    /// The list mark (`•`, `-`) opening the list item the line belongs to,
    /// if its paragraph is one ([`mark_list_items`]).
    item_mark: Option<char>,
    /// Each word's shape, read once: the segmentation asks for every state
    /// of every reading.
    shapes: Vec<WordShape>,
    /// The last word's last character.
    last_char: Option<char>,
    /// The list mark the line opens with, if it opens a list item.
    opening_mark: Option<char>,
    /// Whether the last word is capitalized (see [`FlowLine::ends_capitalized`]).
    capitalized_end: bool,
}

impl FlowLine {
    fn new(words: Vec<String>, trailing_space: bool, blank_before: usize, flow_break: bool) -> Self {
        let mut chars_before = Vec::with_capacity(words.len() + 1);
        let mut total = 0;
        chars_before.push(0);
        for word in &words {
            total += word.chars().count();
            chars_before.push(total);
        }
        let mut set_before = Vec::with_capacity(words.len() + 1);
        let mut set_total = 0.0;
        set_before.push(0.0);
        for word in &words {
            set_total += set_width(word);
            set_before.push(set_total);
        }
        let parentheses = |c: char| words.iter().map(|w| w.matches(c).count()).sum::<usize>();
        let ends_on_function_word = words.last().is_some_and(|w| is_function_word(w));
        let in_parenthesis = parentheses('(') > parentheses(')');
        let full_stop = words.last().is_some_and(|w| {
            let letters = w.trim_end_matches(['.', '!', '?']).chars().filter(|c| c.is_alphabetic()).count();
            w.ends_with(['.', '!', '?']) && !w.ends_with("..") && letters >= ABBREVIATION_LETTERS
        });
        let shapes = words.iter().map(|w| WordShape::of(w)).collect();
        let last_char = words.last().and_then(|w| w.chars().last());
        let opening_mark = words.first().filter(|w| crate::layout::is_list_mark(w)).and_then(|w| w.chars().next());
        let capitalized_end = words.last().is_some_and(|w| {
            let name = w.rsplit(['\'', '’']).next().unwrap_or(w);
            name.chars().next().is_some_and(char::is_uppercase)
        });
        let mut line = FlowLine {
            words,
            chars_before,
            set_before,
            space_set: SPACE_SET_WIDTH,
            len: Measure::default(),
            first_word: Measure::default(),
            trailing_space,
            end_unmarked: false,
            hard_break: false,
            blank_before,
            flow_break,
            maybe_break: false,
            soft_wrap: false,
            after_hard_break: false,
            ends_on_function_word,
            in_parenthesis,
            full_stop,
            item_mark: None,
            shapes,
            last_char,
            opening_mark,
            capitalized_end,
        };
        line.len = line.len_of(0, line.words.len());
        line.first_word = line.len_of(0, 1);
        line
    }

    fn text(&self) -> String {
        self.words.join(" ")
    }

    fn len_of(&self, from: usize, to: usize) -> Measure {
        let to = to.min(self.words.len());
        let from = from.min(to);
        let chars = |i: usize| self.chars_before.get(i).copied().unwrap_or(0);
        let set = |i: usize| self.set_before.get(i).copied().unwrap_or(0.0);
        let spaces = (to - from).saturating_sub(1);
        Measure {
            chars: (chars(to) - chars(from) + spaces) as f64,
            set: set(to) - set(from) + spaces as f64 * self.space_set,
        }
    }

    /// How the line ends, which says whether its cell may end with it.
    fn end(&self) -> LineEnd {
        match self.last_char {
            _ if !self.trailing_space => LineEnd::InWord,
            Some(',' | ':') => LineEnd::ClauseGoesOn,
            Some(';') => LineEnd::ListGoesOn,
            _ if self.in_parenthesis => LineEnd::ClauseGoesOn,
            _ if self.ends_on_function_word => LineEnd::PhraseGoesOn,
            _ if self.soft_wrap => LineEnd::ParagraphGoesOn,
            _ => LineEnd::Free,
        }
    }

    fn starts_lower(&self, from: usize) -> bool {
        self.shapes.get(from).is_some_and(|s| s.lower)
    }

    fn starts_upper(&self, from: usize) -> bool {
        self.shapes.get(from).is_some_and(|s| s.upper)
    }

    /// Whether word `word` ends a sentence or a list item.
    fn closes_sentence_at(&self, word: usize) -> bool {
        self.shapes.get(word).is_some_and(|s| s.closes)
    }

    /// Whether the last word is capitalized (past an elided article:
    /// `d’Assurance`), as the words of a name are.
    fn ends_capitalized(&self) -> bool {
        self.capitalized_end
    }

    /// Whether the line ends a sentence with a full stop (or `!`, `?`)
    /// after a word of four letters or more: not an abbreviation (`art.`,
    /// `etc.`, `n°.`) nor an ellipsis.
    fn ends_with_full_stop(&self) -> bool {
        self.full_stop
    }

    fn ends_sentence(&self) -> bool {
        self.shapes.last().is_some_and(|s| s.closes)
    }

    /// The list mark the line opens with, if it opens a list item.
    fn opening_mark(&self) -> Option<char> {
        self.opening_mark
    }

    /// Whether the line opens an item of the list the line `previous`
    /// belongs to (same mark): the list goes on, most likely in its cell.
    fn goes_on_list_of(&self, previous: &FlowLine) -> bool {
        self.opening_mark().is_some_and(|mark| previous.item_mark == Some(mark))
    }
}

/// How a word opens and ends, as far as cells go.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct WordShape {
    /// Opens in lower case.
    lower: bool,
    /// Opens with a capital.
    upper: bool,
    /// Opens on punctuation that goes on a sentence or on a parenthesis
    /// (`:`, `;`, `,`, `.`, `)`, `(`).
    goes_on: bool,
    /// Ends a sentence or a list item ([`closes_sentence`]).
    closes: bool,
}

impl WordShape {
    fn of(word: &str) -> Self {
        let first = word.chars().next();
        WordShape {
            lower: first.is_some_and(char::is_lowercase),
            upper: first.is_some_and(char::is_uppercase),
            goes_on: word.starts_with([':', ';', ',', '.', ')', '(']),
            closes: closes_sentence(word),
        }
    }
}

/// How a line ends, as far as ending its cell goes.
#[derive(Debug, Clone, Copy, PartialEq)]
enum LineEnd {
    /// Inside a word (no trailing space): the word goes on.
    InWord,
    /// On a comma or a colon, or inside a parenthesis the line opened:
    /// the sentence goes on.
    ClauseGoesOn,
    /// On a function word: the sentence goes on, with the word's phrase.
    PhraseGoesOn,
    /// On a semicolon: a list goes on, or ends there.
    ListGoesOn,
    /// Where the extractor says the paragraph goes on ([`FlowLine::soft_wrap`]).
    ParagraphGoesOn,
    /// Anywhere else.
    Free,
}

/// French articles, prepositions and conjunctions: a sentence (and so a
/// cell) does not end on one, a line often does.
const FUNCTION_WORDS: &[&str] = &[
    "à", "au", "aux", "avec", "ce", "ces", "cette", "dans", "de", "des", "du", "en", "et", "la", "le", "les", "leur",
    "leurs", "ou", "par", "pour", "qui", "que", "sa", "ses", "son", "sur", "un", "une",
];

/// Whether a word is a function word (whatever its case).
fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.iter().any(|f| f.chars().eq(word.chars().flat_map(char::to_lowercase)))
}

impl LineEnd {
    /// Whether the sentence goes on past the line (which leaves its cell
    /// dangling if it ends there).
    fn goes_on(self) -> bool {
        matches!(self, LineEnd::ClauseGoesOn | LineEnd::PhraseGoesOn | LineEnd::ParagraphGoesOn)
    }
}

/// The width of a line or part of one, measured two ways: in characters,
/// and in set width ([`set_width`]), as the font the text was set in is
/// unknown.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Measure {
    chars: f64,
    set: f64,
}

impl Measure {
    /// The measure in `unit`.
    fn of(self, unit: Unit) -> f64 {
        match unit {
            Unit::Chars => self.chars,
            Unit::Set => self.set,
        }
    }
}

/// The unit a reading measures lines and widths in. Characters stand for
/// the font's advances only roughly, so a line's fullness in characters
/// has a wide margin; set widths are near the font's where its letters are
/// proportioned like Helvetica's, and read with half the margin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    /// Characters (every character as wide as any other).
    Chars,
    /// Set width ([`set_width`], scaled to the document's characters).
    Set,
}

impl Unit {
    /// The width of the space between two words of `line`.
    fn space(self, line: &FlowLine) -> f64 {
        match self {
            Unit::Chars => 1.0,
            Unit::Set => line.space_set,
        }
    }

    /// How full a line that ends inside a word was. Such a line was full in
    /// its own font; in characters it left room only if both measures say
    /// so (`"MonPsy" sur Démarches` fills a line that its characters alone
    /// would call short).
    fn fullness(self, len: Measure) -> f64 {
        match self {
            Unit::Chars => len.chars.max(len.set),
            Unit::Set => len.set,
        }
    }

    /// The room of a column `width` wide that a line must fill to have
    /// wrapped because the next word did not fit.
    fn room(self, width: f64) -> f64 {
        match self {
            Unit::Chars => width - (0.12 * width).max(2.0),
            Unit::Set => width - (0.06 * width).max(1.0),
        }
    }

    /// The longest line a column `width` wide holds.
    fn longest_line(self, width: f64) -> f64 {
        match self {
            Unit::Chars => width + (0.04 * width).max(1.0),
            Unit::Set => width + (0.02 * width).max(0.5),
        }
    }
}

/// Whether blank lines separate paragraphs (and so cells): many lines follow
/// their predecessor directly, many after one blank line.
fn blank_lines_separate(lines: &[FlowLine]) -> bool {
    let direct = lines.iter().filter(|l| l.blank_before == 0).count();
    let spaced = lines.iter().filter(|l| l.blank_before > 0).count();
    direct * 5 >= lines.len() && spaced * 10 >= lines.len()
}

/// Whether the body's record numbers mostly stand alone on their lines
/// (`1`, not `1 Gestion du personnel`): a number shares its baseline with
/// its row's title, so an extraction that prints cells sharing a baseline
/// on one line would have joined them.
fn numbers_stand_alone(body: &[FlowLine]) -> bool {
    let alone = body.iter().filter(|l| matches!(l.words.as_slice(), [word] if is_record_number(word))).count();
    let joined = body.iter().filter(|l| l.words.len() > 1 && record_number_opening(&l.words)).count();
    alone >= MIN_ALONE_NUMBERS && joined * 4 <= alone
}

/// Fewest record numbers standing alone that show cells printed apart.
const MIN_ALONE_NUMBERS: usize = 2;

/// Scales of the learned widths whose readings are compared with the
/// chosen one to find uncertain cells: a width learned from the text is
/// known to a few characters.
const WIDTH_DOUBT: [f64; 2] = [0.95, 1.05];

/// Rounds of re-segmenting with the vocabulary of the previous reading.
const VOCABULARY_ROUNDS: usize = 3;

/// Lays the flowed form out as pages of a ruled table, with a diagnostic
/// saying how far the segmentation can be trusted.
pub fn pages(text: &str) -> Result<(Vec<Page>, Vec<Diagnostic>), ErrorKind> {
    let count = text.lines().count();
    if count > MAX_LINES {
        return Err(ErrorKind::FlowedTextTooLong { lines: count, limit: MAX_LINES });
    }
    let lines = read_lines(text);
    let Some(Header { start, end, headers, own, group, apart }) =
        find_header(&lines).filter(|h| h.headers.len() <= MAX_COLUMNS)
    else {
        return Ok((vec![fiches::page(&lines).unwrap_or_else(|| plain_page(&lines))], Vec::new()));
    };
    // A header with columns of the register's own is less sure than fiches
    // whose labels recur (a fiche's short values read like such headers).
    if own > 0
        && let Some(page) = fiches::page(&lines)
    {
        return Ok((vec![page], Vec::new()));
    }
    let preamble = lines.get(..start).unwrap_or_default().to_vec();
    let header_lines = lines.get(start..end).unwrap_or_default().to_vec();
    let rest = drop_repeated_headers(lines.get(end..).unwrap_or_default().to_vec(), &header_lines);
    let (mut body, notes) = split_notes(rest);
    if body.len().saturating_mul(headers.len()) > MAX_LINE_COLUMNS {
        return Err(ErrorKind::FlowedTextTooLarge {
            lines: body.len(),
            columns: headers.len(),
            limit: MAX_LINE_COLUMNS,
        });
    }
    let blank_separated = blank_lines_separate(&body);
    let cells_apart = apart && numbers_stand_alone(&body);
    mark_list_items(&mut body, blank_separated);
    // Under a group label the headers are no longer in their lines' order.
    let width_caps = if group.is_some() { Vec::new() } else { header_wrap_caps(&header_lines, &headers) };
    let BodyReading { learned, first: first_reading, evidence, mut steps, .. } =
        read_body(&body, &headers, blank_separated, cells_apart, Unit::Chars, &width_caps);
    let (widths, evidence) = (&learned.best, &evidence);
    let read = |widths: &[f64], evidence: &Evidence| {
        Model { lines: &body, widths, blank_separated, evidence, unit: Unit::Chars }.solve_quickly().1
    };
    // Where the reading's wraps show a proportional font, the text is read
    // again in set width: under set widths learned from that reading, and
    // from scratch (a reading in characters can be shifted by a column where
    // the ragged wraps hid the columns); the cheaper is kept (each under the
    // vocabulary its own reading taught, which favours both alike), and the
    // reading in characters becomes another plausible one.
    let mut set = learn::set_widths(&body, &steps, widths);
    let mut read_in_chars = None;
    if let Some(set) = &mut set {
        let model = Model { lines: &body, widths: &set.widths, blank_separated, evidence, unit: Unit::Set };
        let (from_chars_cost, from_chars) = model.solve();
        let in_set = read_body(&body, &headers, blank_separated, cells_apart, Unit::Set, &width_caps);
        let kept = if in_set.cost < from_chars_cost {
            set.widths = in_set.learned.best;
            in_set.steps
        } else {
            from_chars
        };
        read_in_chars = Some(std::mem::replace(&mut steps, kept));
    }
    // Other plausible readings: before the vocabulary, in characters, under
    // the runner-up widths, and under widths a little narrower and wider.
    let mut others = vec![first_reading];
    others.extend(read_in_chars);
    if let Some(runner_up) = &learned.runner_up {
        others.push(read(runner_up, evidence));
    }
    for scale in WIDTH_DOUBT {
        let scaled: Vec<f64> = widths.iter().map(|w| (w * scale).round()).collect();
        others.push(read(&scaled, evidence));
    }
    let mut diagnostics: Vec<Diagnostic> = uncertain::uncertain_rows(&body, &steps, &others)
        .into_iter()
        .map(|row| {
            let names: Vec<&str> = row.columns.iter().filter_map(|&c| headers.get(c).map(String::as_str)).collect();
            Diagnostic::warning(
                "text.uncertain_cells",
                format!(
                    "row {}: the text leaves these cells in doubt (other plausible readings give their lines to \
                     other cells): {}",
                    row.row + 1,
                    names.join("; ")
                ),
            )
            .for_row(row.row)
        })
        .collect();
    let shown = |widths: &[f64]| widths.iter().map(|w| format!("{w:.0}")).collect::<Vec<_>>().join(", ");
    let set_note = set.as_ref().map_or(String::new(), |set| {
        let lines = if set.misfits == 1 { "line contradicts" } else { "lines contradict" };
        format!(
            "; in set width (characters weighted by their usual width), which explains the wraps better ({} {lines} \
             these widths, {} the widths in characters): {}",
            set.misfits,
            set.char_misfits,
            shown(&set.widths)
        )
    });
    let diagnostic = Diagnostic::warning(
        "text.flowed_segmentation",
        format!(
            "this text form does not say which column a line belongs to: lines were assigned to columns by how \
             each column wraps, so check the cells against the PDF (wrap widths learned, in characters: {}{set_note})",
            shown(widths)
        ),
    );
    diagnostics.insert(0, diagnostic);
    let header = LaidHeader { headers: &headers, group: group.as_ref() };
    Ok((layout(&preamble, header, &body, &steps, widths, &notes), diagnostics))
}

/// How often a first reading must put a one-line cell on the next cell's
/// line for the widths to be learned again with the odds it shows
/// ([`read_body`]): more often than not.
const MOSTLY_SHARED: f64 = 0.5;

/// One reading of a table's body in one unit: the widths learned, the
/// reading before the vocabulary, the evidence learned from the readings,
/// and the reading kept with its cost.
struct BodyReading {
    learned: learn::LearnedWidths,
    first: Vec<Step>,
    evidence: Evidence,
    steps: Vec<Step>,
    cost: f64,
}

/// Reads the body in `unit`: widths learned (again, from there, where the
/// first reading mostly shares lines: [`MOSTLY_SHARED`]), then rounds of
/// reading with the vocabulary (and other odds) of the reading before; the
/// readings the evidence is learned from are quick ones, the last, the one
/// kept, exact.
/// Where the text prints cells apart (`cells_apart`), a reading that puts
/// two cells on one line is dear until the odds are learned.
fn read_body(
    body: &[FlowLine],
    headers: &[String],
    blank_separated: bool,
    cells_apart: bool,
    unit: Unit,
    width_caps: &[Option<f64>],
) -> BodyReading {
    let mut evidence = Evidence { cells_apart, ..evidence(body, headers, blank_separated, width_caps) };
    let mut learned = learn::widths(body, headers.len(), blank_separated, &evidence, unit);
    // A numbering makes a misread row dear, and so the descents settle
    // elsewhere than without it, not always better: they are run without it
    // too, and the widths the whole body reads cheaper under are kept.
    if evidence.number_counted.contains(&true) {
        let counted = std::mem::take(&mut evidence.number_counted);
        let uncounted = learn::widths(body, headers.len(), blank_separated, &evidence, unit);
        evidence.number_counted = counted;
        if uncounted != learned {
            let cost = |widths: &[f64]| {
                Model { lines: body, widths, blank_separated, evidence: &evidence, unit }.solve_quickly().0
            };
            if cost(&uncounted.best) < cost(&learned.best) {
                learned = uncounted;
            }
        }
    }
    let mut first =
        Model { lines: body, widths: &learned.best, blank_separated, evidence: &evidence, unit }.solve_quickly().1;
    // The widths were learned with every shared line priced alike. Where
    // the reading shows a text that prints one-line cells on the next
    // cell's line, as it mostly does, sharing is cheap, and narrower widths
    // that share more lines may then explain the text better.
    let shared = SharedLines::learn(body, &first, headers.len(), blank_separated);
    if shared.after_single.line >= MOSTLY_SHARED {
        evidence.shared_lines = Some(shared);
        let widths = learn::redescended(body, &learned.best, blank_separated, &evidence, unit);
        evidence.shared_lines = None;
        if widths != learned.best {
            let before = std::mem::replace(&mut learned.best, widths);
            if learned.runner_up.as_ref() == Some(&learned.best) {
                learned.runner_up = Some(before);
            }
            first = Model { lines: body, widths: &learned.best, blank_separated, evidence: &evidence, unit }
                .solve_quickly()
                .1;
        }
    }
    let mut steps = first.clone();
    let mut cost = 0.0;
    for round in 1..=VOCABULARY_ROUNDS {
        evidence.vocabulary = Some(Vocabulary::learn(body, &steps, headers.len()));
        evidence.shared_lines = Some(SharedLines::learn(body, &steps, headers.len(), blank_separated));
        evidence.empty_cells = Some(EmptyCells::learn(&steps, headers.len()));
        evidence.sections = Some(Sections::learn(body, &steps));
        let model = Model { lines: body, widths: &learned.best, blank_separated, evidence: &evidence, unit };
        (cost, steps) = if round == VOCABULARY_ROUNDS { model.solve() } else { model.solve_quickly() };
    }
    // No reading found a heading, each priced as unlikely: read once more
    // as a register that sets them, and keep that reading where it explains
    // the text better by more than a register's odds of having headings.
    if !steps.iter().any(|s| s.section) {
        let unlikely = evidence.sections.replace(Sections { found: true, numbering: Vec::new() });
        let (with_headings, headed) =
            Model { lines: body, widths: &learned.best, blank_separated, evidence: &evidence, unit }.solve();
        if headed.iter().any(|s| s.section) && with_headings - SECTIONS_ODDS.ln() < cost - (1.0 - SECTIONS_ODDS).ln() {
            (cost, steps) = (with_headings, headed);
            evidence.sections = Some(Sections::learn(body, &steps));
        } else {
            evidence.sections = unlikely;
        }
    }
    BodyReading { learned, first, evidence, steps, cost }
}

/// Odds that a register sets section headings, before its text says so.
const SECTIONS_ODDS: f64 = 0.25;

/// What the text says about columns besides line widths: the lines that
/// state a retention period (they belong to the data-categories or
/// retention column, when the register has one), and the lone record
/// numbers opening a line, alone or before the next cell's first words
/// (they belong to the `N°` column, when it has one).
fn evidence(body: &[FlowLine], headers: &[String], blank_separated: bool, width_caps: &[Option<f64>]) -> Evidence {
    let fields = fields::fields_for_headers(headers);
    let mut retention_column: Vec<bool> =
        fields.iter().map(|f| matches!(f.as_str(), "data_categories" | "retention_period")).collect();
    if !retention_column.contains(&true) {
        retention_column = vec![true; headers.len()];
    }
    let statements: Vec<Option<usize>> = body
        .iter()
        .enumerate()
        .map(|(i, line)| statement_opening(line).or_else(|| wrapped_statement_opening(line, body.get(i + 1))))
        .collect();
    let number_opening: Vec<bool> = body.iter().map(|l| record_number_opening(&l.words)).collect();
    let number_column = fields.iter().position(|f| f == "number");
    // A numbering weighs only where a column holds it.
    let number_counted =
        if number_column.is_some() { counted_numbers(body, &number_opening) } else { vec![false; body.len()] };
    let mut evidence = Evidence {
        retention_start: retention_starts(body, &statements, blank_separated),
        retention_column,
        number_opening,
        number_counted,
        number_column,
        vocabulary: None,
        shared_lines: None,
        cells_apart: false,
        empty_cells: None,
        sections: None,
        width_caps: width_caps.to_vec(),
        header_echoes: {
            let words = header_words(headers);
            let legal_basis = fields.iter().position(|f| f == "legal_basis");
            let retention = fields.iter().position(|f| f == "retention_period");
            body.iter()
                .zip(&statements)
                .map(|(l, &statement)| {
                    let statement = retention.and(statement);
                    (0..l.words.len())
                        .map(|w| {
                            let word = l.words.get(w).map_or("", String::as_str);
                            segment::header_echo(word, &words)
                                .or_else(|| {
                                    legal_basis
                                        .filter(|_| fields::opens_legal_basis(l.words.get(w..).unwrap_or_default()))
                                })
                                .or_else(|| retention.filter(|_| statement == Some(w)))
                        })
                        .collect()
                })
                .collect()
        },
    };
    evidence.sections = Some(Sections::numbered_lines(body, &evidence, headers.len()));
    evidence
}

/// The words that name one column only in the header, with that column
/// (`Catégories`, in several headers, names none).
fn header_words(headers: &[String]) -> HashMap<String, usize> {
    let mut columns: HashMap<String, Option<usize>> = HashMap::new();
    for (column, header) in headers.iter().enumerate() {
        for form in header.split_whitespace().filter_map(segment::header_echo_form) {
            let entry = columns.entry(form).or_insert(Some(column));
            if *entry != Some(column) {
                *entry = None;
            }
        }
    }
    columns.into_iter().filter_map(|(form, column)| Some((form, column?))).collect()
}

/// How many times wider than its header's wraps a column's text may run:
/// a header is often set bold or larger than the cells.
const HEADER_WRAP_SLACK: f64 = 1.5;

/// The widest each column may wrap, in characters, as its header's wraps
/// show it: where a header's words run over two lines, the column could not
/// hold the first line's words with the next one (`Responsable` /
/// `de traitement`: narrower than `Responsable de`), times
/// [`HEADER_WRAP_SLACK`]. None where the header never wraps, or where the
/// header's lines do not give its words in column order.
fn header_wrap_caps(header_lines: &[FlowLine], headers: &[String]) -> Vec<Option<f64>> {
    let stream: Vec<(usize, &String)> =
        header_lines.iter().enumerate().flat_map(|(i, l)| l.words.iter().map(move |w| (i, w))).collect();
    let wanted: Vec<(usize, &str)> =
        headers.iter().enumerate().flat_map(|(h, text)| text.split_whitespace().map(move |w| (h, w))).collect();
    let mut caps = vec![None; headers.len()];
    if stream.len() != wanted.len() || stream.iter().zip(&wanted).any(|((_, a), (_, b))| a.as_str() != *b) {
        return caps;
    }
    // Whether a line holds two words of the header: one set a word per
    // line (`Nom` / `du` / `traitement`) is stacked on purpose, or in a box
    // narrower than its column, and its wraps bound nothing.
    let mut shares_a_line = vec![false; headers.len()];
    let mut run = 0usize;
    for (k, ((line, word), (header, _))) in stream.iter().zip(&wanted).enumerate() {
        let chars = word.chars().count();
        let goes_on = k > 0
            && stream.get(k - 1).is_some_and(|(l, _)| l == line)
            && wanted.get(k - 1).is_some_and(|(h, _)| h == header);
        if goes_on && let Some(shares) = shares_a_line.get_mut(*header) {
            *shares = true;
        }
        run = if goes_on { run + 1 + chars } else { chars };
        let next_wraps =
            matches!((stream.get(k + 1), wanted.get(k + 1)), (Some((l, _)), Some((h, _))) if l != line && h == header);
        if next_wraps && let Some((_, next)) = stream.get(k + 1) {
            let cap = (run + 1 + next.chars().count()) as f64 * HEADER_WRAP_SLACK;
            if let Some(slot) = caps.get_mut(*header) {
                *slot = Some(slot.map_or(cap, |c: f64| c.min(cap)));
            }
        }
    }
    for (cap, shares) in caps.iter_mut().zip(shares_a_line) {
        if !shares {
            *cap = None;
        }
    }
    caps
}

static KEEPING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bconserv(?:ée?s?|ation)\b").unwrap_or_else(|_| unreachable!()));

/// Where lines speak of retention: in each line stating a retention
/// period, the word its first statement opens at (a line printed across
/// several cells gives the statement to one of them only); and, where
/// blank lines mark paragraphs, the first word of a paragraph that states
/// one or speaks of keeping data (`conservées`, `conservation`) over its
/// lines: a paragraph sits in one cell, and its first line decides which.
/// `statements` gives each line's [`statement_opening`].
fn retention_starts(body: &[FlowLine], statements: &[Option<usize>], blank_separated: bool) -> Vec<Option<usize>> {
    let mut starts = statements.to_vec();
    if !blank_separated {
        return starts;
    }
    // A line in lower case goes on the paragraph whatever break the line
    // before seemed to end on (`Informations de connexion 1` / `an.`).
    let opens =
        |line: &FlowLine| line.blank_before > 0 || line.flow_break || line.after_hard_break && !line.starts_lower(0);
    let mut start = 0;
    for end in 1..=body.len() {
        if body.get(end).is_some_and(|l| !opens(l)) {
            continue;
        }
        let text = body.get(start..end).unwrap_or_default().iter().map(FlowLine::text).collect::<Vec<_>>().join(" ");
        if (KEEPING.is_match(&text) || !retention::find_statements(&text).is_empty())
            && let Some(opening) = starts.get_mut(start)
        {
            *opening = opening.or(Some(0));
        }
        start = end;
    }
    starts
}

/// The word a line's first retention statement opens at, if it states one
/// (the line's first word where the statement's words are not found as
/// printed).
fn statement_opening(line: &FlowLine) -> Option<usize> {
    let statement = retention::find_statements(&line.text()).into_iter().next()?;
    let first = statement.text.split_whitespace().next()?;
    Some(line.words.iter().position(|w| w == first).unwrap_or(0))
}

/// The word a retention statement opens at in `line` where the line
/// wrapped inside it (`Informations de connexion 1` / `an.`): found only
/// with the next line's words, and opening before them.
fn wrapped_statement_opening(line: &FlowLine, next: Option<&FlowLine>) -> Option<usize> {
    let next = next.filter(|n| !n.flow_break && n.blank_before == 0 && n.starts_lower(0))?;
    let text = line.text();
    let joined = format!("{text} {}", next.text());
    let statement = retention::find_statements(&joined).into_iter().next()?;
    let at = joined.find(&statement.text)?;
    let words_before = joined.get(..at)?.split_whitespace().count();
    (words_before < line.words.len()).then_some(words_before)
}

/// Fewest record numbers counting up one by one that make a numbering: a
/// run of two may be a list's (`1.`, `2.` in a cell).
const MIN_NUMBERING: usize = 3;

/// Per line (of `body`, whose record-number openings `number_opening`
/// marks), whether it opens with a number of the register's numbering:
/// the longest run of record numbers written alike (`12`, `3.`, `T-03`:
/// the same marks around the figures) counting up one by one down the
/// text, each linked to the latest line before it opening with the number
/// before. A number that two lines open with alike (a row's `5` / `ans`
/// as well as its record number `5`) is left out: which one counts, the
/// text does not say.
fn counted_numbers(body: &[FlowLine], number_opening: &[bool]) -> Vec<bool> {
    let numbers: Vec<Option<(String, u32)>> = body
        .iter()
        .zip(number_opening)
        .map(|(l, &opens)| if opens { l.words.first().and_then(|w| written_number(w)) } else { None })
        .collect();
    let mut occurrences: HashMap<&(String, u32), usize> = HashMap::new();
    for number in numbers.iter().flatten() {
        *occurrences.entry(number).or_default() += 1;
    }
    // Per line: the length of the longest run ending on it, and the line
    // before it in that run.
    let mut runs: Vec<(usize, Option<usize>)> = vec![(0, None); body.len()];
    let mut latest: HashMap<(&str, u32), usize> = HashMap::new();
    for (i, number) in numbers.iter().enumerate() {
        let Some((form, value)) = number else { continue };
        let before = value.checked_sub(1).and_then(|v| latest.get(&(form.as_str(), v)).copied());
        let length = before.and_then(|b| runs.get(b)).map_or(1, |(l, _)| l + 1);
        if let Some(slot) = runs.get_mut(i) {
            *slot = (length, before);
        }
        latest.insert((form.as_str(), *value), i);
    }
    let mut counted = vec![false; body.len()];
    let longest = runs.iter().enumerate().max_by_key(|(_, (length, _))| *length);
    let mut at = longest.filter(|(_, (length, _))| *length >= MIN_NUMBERING).map(|(i, _)| i);
    // Each step goes to an earlier line: the walk ends.
    while let Some(i) = at {
        let once = numbers.get(i).and_then(Option::as_ref).is_some_and(|n| occurrences.get(n) == Some(&1));
        if let Some(slot) = counted.get_mut(i) {
            *slot = once;
        }
        at = runs.get(i).and_then(|(_, before)| *before);
    }
    counted
}

/// A record number as written: its marks with `#` for its last figures,
/// and the number they stand for (`T-12` → `T-#`, 12; `3.` → `#.`, 3).
fn written_number(word: &str) -> Option<(String, u32)> {
    let end = word.rfind(|c: char| c.is_ascii_digit())? + 1;
    let upto = word.get(..end)?;
    let start = upto.char_indices().rev().take_while(|(_, c)| c.is_ascii_digit()).last()?.0;
    let value = upto.get(start..)?.parse().ok()?;
    Some((format!("{}#{}", upto.get(..start)?, word.get(end..)?), value))
}

/// A word that may be a record number (`12`, `3.`, `T-03`).
fn is_record_number(word: &str) -> bool {
    word.chars().count() <= 8 && word.chars().any(|c| c.is_ascii_digit())
}

/// Whether a line opens with a record number: alone on the line (`12`,
/// `3.`, `T-03`), or before the next cell's capitalized first word, where
/// only a plain number or code counts (`4 Paie`, not `1) Données` nor a
/// quantity, `5 ans`).
fn record_number_opening(words: &[String]) -> bool {
    match words {
        [word] => is_record_number(word),
        [word, next, ..] => fields::is_record_code(word) && next.starts_with(char::is_uppercase),
        [] => false,
    }
}

/// Notes: the trailing lines much longer than any cell's, with the short
/// last line of a wrapped note after a long one (right under it, or after
/// a blank line where the extraction made each line of the note a block
/// of its own, as MuPDF does with justified lines). Where the body
/// already holds lines as long (an extraction that prints a row's cells on
/// one line), length alone says nothing: the notes then start at the
/// first line that opens with a note mark, ends a sentence or is longer
/// than any body line.
fn split_notes(mut lines: Vec<FlowLine>) -> (Vec<FlowLine>, Vec<FlowLine>) {
    let mut lengths: Vec<usize> = lines.iter().map(|l| l.len.chars as usize).collect();
    lengths.sort_unstable();
    let wide = lengths.get(lengths.len() * 9 / 10).copied().unwrap_or(40) * 3 / 2;
    let is_long = |line: &FlowLine| {
        let len = line.len.chars as usize;
        len > wide || line.words.first().is_some_and(|w| w.starts_with('*')) && len > wide / 2
    };
    let mut cut = lines.len();
    for (i, line) in lines.iter().enumerate().rev() {
        let ends_a_note = i.checked_sub(1).and_then(|p| lines.get(p)).is_some_and(is_long);
        if is_long(line) || ends_a_note && cut == i + 1 {
            cut = i;
        } else {
            break;
        }
    }
    let longest_in_body = lines.get(..cut).unwrap_or_default().iter().map(|l| l.len.chars).fold(0.0, f64::max);
    while let Some(line) = lines.get(cut)
        && !starts_with_note_mark(line)
        && !line.ends_sentence()
        && line.len.chars <= longest_in_body
    {
        cut += 1;
    }
    let notes = lines.split_off(cut);
    (lines, notes)
}

/// Whether a line opens with a note's mark (`*`, `(1)`, `¹`).
fn starts_with_note_mark(line: &FlowLine) -> bool {
    static NOTE_MARK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:\*|\(\d{1,2}\)|[¹²³⁴⁵⁶⁷⁸⁹]|\d{1,2}\))").unwrap_or_else(|_| unreachable!()));
    line.words.first().is_some_and(|w| NOTE_MARK.is_match(w))
}

#[cfg(test)]
mod tests;

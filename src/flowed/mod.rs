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
//! The stages: `read_lines` and the header → `learn` the columns' wrap
//! widths → `segment` the lines into cells (a dynamic programme under the
//! column-order constraint), re-segmented with the vocabulary each column
//! showed → `layout` as ruled pages for the table stage (a section as a
//! merged band, as a table typesets a heading across it). A text with no
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
mod learn;
mod segment;
mod uncertain;

use segment::{EmptyCells, Evidence, Model, Sections, SharedLines, Step, Vocabulary};

/// Width of one character on the synthetic page, in points.
const CHAR_WIDTH: f64 = 5.0;
/// Distance between two synthetic lines, in points.
const LINE_HEIGHT: f64 = 12.0;
/// Font size of synthetic words.
const FONT_SIZE: f64 = 10.0;
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

/// Average advance of a character in Helvetica, in thousandths of an em.
const AVERAGE_ADVANCE: f64 = 500.0;
/// Advance of a character Helvetica has no width for.
const UNKNOWN_ADVANCE: f64 = 556.0;
/// Set width of a space.
const SPACE_SET_WIDTH: f64 = 278.0 / AVERAGE_ADVANCE;

/// The set width of a word in a proportional font, in average characters:
/// Helvetica's advances stand for the unknown font the text was set in.
fn set_width(word: &str) -> f64 {
    use crate::pdf::standard14::{HELVETICA, advance};
    word.chars().map(|c| advance(HELVETICA, c).map_or(UNKNOWN_ADVANCE, f64::from)).sum::<f64>() / AVERAGE_ADVANCE
}

/// Scales the lines' set widths so that, over the document, they add up to
/// its characters: the two measures then differ only where a line's letters
/// are wider or narrower than the document's usual ones.
fn scale_set_widths(lines: &mut [FlowLine]) {
    let (chars, set) = lines.iter().fold((0.0, 0.0), |(c, s), l| (c + l.len.chars, s + l.len.set));
    if set <= 0.0 {
        return;
    }
    let k = chars / set;
    for line in lines {
        for w in &mut line.set_before {
            *w *= k;
        }
        line.space_set *= k;
        line.len = line.len_of(0, line.words.len());
        line.first_word = line.len_of(0, 1);
    }
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

/// Marks the lines of list items with their item's mark: a line opening
/// with a list mark opens an item, and the lines that go on its paragraph
/// (in lower case, with no blank line before them where blank lines mark
/// paragraphs, no page or explicit break) belong to it.
fn mark_list_items(lines: &mut [FlowLine], blank_separated: bool) {
    let mut current: Option<char> = None;
    for line in lines {
        let opens_paragraph = (blank_separated && line.blank_before > 0) || line.flow_break || line.after_hard_break;
        let goes_on = line.starts_lower(0) && !opens_paragraph;
        current = line.opening_mark().or(if goes_on { current } else { None });
        line.item_mark = current;
    }
}

/// Whether a word ends a sentence or a list item (`.`, `;`, `:`, `!`, `?`).
fn closes_sentence(word: &str) -> bool {
    word.ends_with(['.', ';', ':', '!', '?'])
}

static ARTEFACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:mailto:|https?://)\S*$").unwrap_or_else(|_| unreachable!()));

/// The lines a flowed text prints between pages, by index: page numbers
/// alone with their `Page` or their total (`Page 3`, `3/12`, `Page 3 sur
/// 12`), or bare before a form feed (elsewhere a bare number may be a
/// record's), and running headers or footers ending on one (`Registre
/// RGPD – Page 3/12`) whose words recur from page to page, or that number
/// the last page (`Mis à jour le 5 janvier 2025 1/1`).
fn page_furniture(raw_lines: &[&str]) -> HashSet<usize> {
    let mut recurring: HashMap<String, usize> = HashMap::new();
    for raw in raw_lines {
        let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}');
        if ends_with_page_number(trimmed) {
            *recurring.entry(digit_runs_masked(trimmed)).or_default() += 1;
        }
    }
    let mut furniture = HashSet::new();
    for (i, raw) in raw_lines.iter().enumerate() {
        let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}');
        let bare = !trimmed.is_empty() && trimmed.chars().all(|c| c.is_ascii_digit());
        // The next line with text opens a page (blank lines may come first);
        // only a bare number's blank lines are read ahead, each once.
        let before_form_feed = || {
            let next_text = raw_lines.iter().skip(i + 1).find(|n| !n.trim().is_empty());
            raw.ends_with('\u{c}') || next_text.is_some_and(|n| n.starts_with('\u{c}'))
        };
        // A page number printed alone names the page (`Page 3`) or its
        // total (`3/12`); numbers only spaced apart may be cells sharing a line.
        let marked = trimmed.contains(|c: char| !c.is_ascii_digit() && !c.is_whitespace());
        let numbered = if bare { before_form_feed() } else { marked && is_page_number(trimmed) };
        let running = ends_with_page_number(trimmed)
            && (recurring.get(&digit_runs_masked(trimmed)).is_some_and(|n| *n >= 2) || numbers_last_page(trimmed));
        if numbered || running {
            furniture.insert(i);
        }
    }
    furniture
}

/// Whether a line ends on page `n` of `n` (`1/1`, `Page 3 sur 3`).
fn numbers_last_page(text: &str) -> bool {
    let numbers: Vec<&str> = text.rsplit(|c: char| !c.is_ascii_digit()).filter(|w| !w.is_empty()).take(2).collect();
    matches!(numbers.as_slice(), [last, before] if last == before)
}

/// Reads the lines, dropping link artefacts and page furniture; form feeds
/// and runs of blank lines longer than the document's usual spacing mark
/// page breaks.
fn read_lines(text: &str) -> Vec<FlowLine> {
    let mut lines = Vec::new();
    let mut blank = 0usize;
    let mut pending_break = false;
    // A list bullet an extractor set on a line of its own (MuPDF, where the
    // typesetter drew it apart from its item): it opens the next line.
    let mut pending_bullet: Option<(String, usize)> = None;
    let raw_lines: Vec<&str> = text.split('\n').collect();
    let furniture = page_furniture(&raw_lines);
    for (i, raw) in raw_lines.iter().enumerate() {
        if raw.contains('\u{c}') {
            pending_break = true;
        }
        let raw = raw.replace('\u{c}', "");
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            blank += 1;
            continue;
        }
        if ARTEFACT.is_match(trimmed) || furniture.contains(&i) {
            pending_break = true;
            continue;
        }
        let mut words = join_added_hyphens(trimmed.split_whitespace());
        if let [word] = words.as_slice()
            && crate::layout::is_list_bullet(word)
        {
            pending_bullet = Some((word.clone(), blank));
            blank = 0;
            continue;
        }
        if let Some((bullet, blank_before_bullet)) = pending_bullet.take() {
            words.insert(0, bullet);
            blank = blank_before_bullet.max(blank);
        }
        let content = raw.trim_end_matches(['\r', '\n']);
        let trailing_space = content.ends_with([' ', '\t', '\u{a0}']);
        let trailing = content.len() - content.trim_end_matches([' ', '\t', '\u{a0}']).len();
        let mut line = FlowLine::new(words, trailing_space, blank, pending_break);
        line.hard_break = trailing >= 2 || content.ends_with('\t');
        lines.push(line);
        blank = 0;
        pending_break = false;
    }
    let mut counts = std::collections::BTreeMap::<usize, usize>::new();
    for line in &lines {
        *counts.entry(line.blank_before).or_default() += 1;
    }
    let usual = counts.iter().max_by_key(|(b, n)| (**n, usize::MAX - **b)).map_or(0, |(b, _)| *b);
    let convention = line_end_convention(&lines);
    for line in &mut lines {
        if line.blank_before >= usual + 2 {
            line.maybe_break = true;
        }
        // A hyphen after a letter ends a line inside a word (`médico-` /
        // `sociale`) whatever the extractor does with line-end spaces.
        let hyphen_break = line.words.last().is_some_and(|w| crate::layout::ends_in_word_hyphen(w));
        match convention {
            LineEnds::SpaceAtBoundaries => {}
            _ if hyphen_break => {
                line.trailing_space = false;
                line.hard_break = false;
            }
            LineEnds::SpaceAtSoftWraps => {
                line.hard_break = !line.trailing_space;
                line.soft_wrap = line.trailing_space;
                line.trailing_space = true;
            }
            LineEnds::Trimmed => {
                line.trailing_space = true;
                line.end_unmarked = true;
                line.hard_break = false;
            }
        }
    }
    let hard_breaks: Vec<bool> = lines.iter().map(|l| l.hard_break).collect();
    for (line, after) in lines.iter_mut().skip(1).zip(hard_breaks) {
        line.after_hard_break = after;
    }
    scale_set_widths(&mut lines);
    lines
}

/// What a line's trailing space says, which depends on the extractor.
#[derive(Debug, Clone, Copy, PartialEq)]
enum LineEnds {
    /// A line ending at a word boundary keeps its space; one without ends
    /// inside a word (`1000Premier` / `sJours`).
    SpaceAtBoundaries,
    /// A line wrapped inside a paragraph keeps its space; one without ends
    /// the paragraph (MuPDF's text output).
    SpaceAtSoftWraps,
    /// Every line is trimmed: a missing space says nothing.
    Trimmed,
}

/// A line's words, a word a typesetter hyphenated with a hyphen of its own
/// (U+2010, a soft hyphen: [`crate::layout::ends_in_added_hyphen`]) joined
/// to its end after it. Only a line's end takes such a hyphen: inside a
/// line, the extractor set the cell's lines on one (pypdf prints a row of
/// a wide table so: `les usagers pré‐ leveurs`).
fn join_added_hyphens<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut joined: Vec<String> = Vec::new();
    for word in words {
        match joined.last_mut() {
            Some(last) if crate::layout::ends_in_added_hyphen(last) && word.starts_with(char::is_lowercase) => {
                crate::layout::drop_added_hyphen(last);
                last.push_str(word);
            }
            _ => joined.push(word.to_string()),
        }
    }
    joined
}

/// Tells the conventions apart: lines without a trailing space are rare and
/// go on in lower case where they cut words; where they end paragraphs they
/// are many, and the next line mostly opens with a capital.
fn line_end_convention(lines: &[FlowLine]) -> LineEnds {
    let spaced = lines.iter().filter(|l| l.trailing_space).count();
    if spaced * 10 < lines.len() {
        return LineEnds::Trimmed;
    }
    let unspaced: Vec<usize> =
        (0..lines.len().saturating_sub(1)).filter(|&i| lines.get(i).is_some_and(|l| !l.trailing_space)).collect();
    let going_on_lower = unspaced.iter().filter(|&&i| lines.get(i + 1).is_some_and(|l| l.starts_lower(0))).count();
    if unspaced.len() * 10 >= lines.len() && going_on_lower * 2 < unspaced.len() {
        LineEnds::SpaceAtSoftWraps
    } else {
        LineEnds::SpaceAtBoundaries
    }
}

fn is_header_opening(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase()) && fields::is_header_start(word)
}

/// Splits the header's words into column headers: a header opens at a
/// capitalized header word not governed by a preposition (`de traitement`)
/// nor going on a word broken after its hyphen (`co-` / `RT)`), or at a
/// capitalized word opening a line (`opens_line`), where a header of the
/// register's own starts (`Logiciel`, `Service responsable`).
fn split_headers(words: &[String], opens_line: &[bool]) -> Vec<String> {
    header_openings(words, opens_line).into_iter().map(|(_, header)| header).collect()
}

/// The column headers of [`split_headers`], each with the index of the word
/// it opens at.
fn header_openings(words: &[String], opens_line: &[bool]) -> Vec<(usize, String)> {
    let mut headers: Vec<(usize, Vec<String>)> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let previous = i.checked_sub(1).and_then(|p| words.get(p));
        // The word's own hyphen, the line broken after it: the word goes on.
        let after_hyphen = previous.is_some_and(|p| crate::layout::ends_in_word_hyphen(p));
        let governed = previous.is_some_and(|p| {
            matches!(p.trim_start_matches('(').to_lowercase().as_str(), "de" | "du" | "des" | "d'" | "et" | "ou")
        });
        let own_opening = opens_line.get(i).copied().unwrap_or(false) && word.starts_with(char::is_uppercase);
        // After a whole known header, a word in title case opens the next
        // header, one of the register's own, though it shares the line
        // (`Traitement Service` / `responsable`, `Destinataires Logiciel`).
        // A fiche's label and value share lines too (`Nom du traitement
        // Revenu de solidarité active`): a header's first line is short,
        // set in its narrow column: its words on the line, up to the next
        // known header's opening, are few.
        let rest_of_line = (i + 1..words.len())
            .take_while(|&j| {
                !opens_line.get(j).copied().unwrap_or(true) && !words.get(j).is_some_and(|w| is_header_opening(w))
            })
            .count();
        let after_known_header = headers.last().is_some_and(|(_, h)| fields::field_named(&h.join(" ")).is_some())
            && in_title_case(word)
            && rest_of_line < OWN_HEADER_FIRST_LINE_WORDS;
        match headers.last_mut() {
            Some((_, h)) if after_hyphen => match h.last_mut() {
                Some(last) => {
                    crate::layout::drop_added_hyphen(last);
                    last.push_str(word);
                }
                None => h.push(word.clone()),
            },
            Some((_, h)) if !(is_header_opening(word) || own_opening || after_known_header) || governed => {
                h.push(word.clone());
            }
            _ => headers.push((i, vec![word.clone()])),
        }
    }
    headers.into_iter().map(|(at, h)| (at, h.join(" "))).collect()
}

/// Most words the first line of a header of the register's own has where
/// it shares a line after a known header ([`header_openings`]).
const OWN_HEADER_FIRST_LINE_WORDS: usize = 3;

/// A word written with a capital then lower case (`Service`), not in
/// capitals (`UE`, `RGPD`).
fn in_title_case(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    letters.next().is_some_and(char::is_uppercase) && letters.next().is_some_and(char::is_lowercase)
}

/// A line's words, the first glued to `previous` where it is the end of a
/// header word cut at its cell's edge ([`fields::completes_header_word`])
/// or hyphenated there (`conserva-` / `tion`, see [`fields::hyphenated_header_word`]).
fn glue_fragment(previous: Option<&String>, words: &[String]) -> (bool, Vec<String>) {
    if let (Some(previous), Some(head)) = (previous, words.first())
        && (fields::completes_header_word(previous, head) || fields::hyphenated_header_word(previous, head).is_some())
    {
        return (true, words.get(1..).unwrap_or_default().to_vec());
    }
    (false, words.to_vec())
}

/// A header found in the lines: where it starts and ends, its column
/// headers, and how many of its lines are none of the known vocabulary.
#[derive(Debug, Clone, PartialEq)]
struct Header {
    start: usize,
    end: usize,
    headers: Vec<String>,
    own: usize,
    group: Option<HeaderGroup>,
    /// Whether every column header opens a line of its own: an extraction
    /// that prints cells sharing a baseline on one line would have printed
    /// the header's top-aligned cells so.
    apart: bool,
}

/// A label set over several columns' headers (`Catégories` over
/// `Personnes concernées` and `Données collectées`): columns `from..to`.
#[derive(Debug, Clone, PartialEq)]
struct HeaderGroup {
    label: String,
    from: usize,
    to: usize,
}

/// Fewest headers a group label sets over.
const MIN_GROUPED_HEADERS: usize = 2;

/// Headers on two levels, as flowed text prints them: the first level's
/// headers, then the headers under a group label. A header that names no
/// field itself but opens the forms of the last headers' fields
/// (`Catégories`, then `Personnes concernées` and `Données collectées` at
/// the header's end: [`fields::groups_header`]) is their group label; they
/// take its place.
fn nest_grouped_headers(headers: Vec<String>) -> (Vec<String>, Option<HeaderGroup>) {
    let found = headers.iter().enumerate().find_map(|(g, label)| {
        let under = headers.iter().skip(g + 1).rev().take_while(|h| fields::groups_header(label, h)).count();
        (under >= MIN_GROUPED_HEADERS).then_some((g, under))
    });
    let Some((g, under)) = found else { return (headers, None) };
    let first_under = headers.len() - under;
    let label = headers.get(g).cloned().unwrap_or_default();
    let part = |from: usize, to: usize| headers.get(from..to).unwrap_or_default().to_vec();
    let nested = [part(0, g), part(first_under, headers.len()), part(g + 1, first_under)].concat();
    (nested, Some(HeaderGroup { label, from: g, to: g + under }))
}

/// The header: the first run of lines made only of header words (and
/// fragments of cut ones) that opens three column headers or more.
fn find_header(lines: &[FlowLine]) -> Option<Header> {
    for start in 0..lines.len() {
        let Some(first) = lines.get(start) else { break };
        // The first header may itself be cut (`N` / `°`).
        let opening = match (first.words.as_slice(), lines.get(start + 1)) {
            ([word], Some(next)) if glue_fragment(Some(word), &next.words).0 => {
                format!("{word}{}", next.words.first().map_or("", String::as_str))
            }
            _ => first.words.first().cloned().unwrap_or_default(),
        };
        if !is_header_opening(&opening) {
            continue;
        }
        let cut_first = first.words.first() != Some(&opening);
        // A line's last word may be a header word's start, hyphenated
        // (`Durée de conserva-` / `tion`) or cut at its cell's edge
        // (`traiteme` / `nt`).
        let header_words_of = |words: &[String], i: usize| {
            let next_head = lines.get(i + 1).and_then(|n| n.words.first());
            let goes_on = |w: &String| {
                next_head.is_some_and(|head| {
                    fields::hyphenated_header_word(w, head).is_some() || fields::completes_header_word(w, head)
                })
            };
            let last = words.len().saturating_sub(1);
            words.iter().enumerate().all(|(k, w)| fields::is_header_word(w) || k == last && goes_on(w))
        };
        let all_header_words_at = |i: usize| lines.get(i).is_some_and(|line| header_words_of(&line.words, i));
        // A header qualified by a word of its own (`Finalité principale`) is
        // taken where a line of header words follows it, inside the header,
        // or where its line holds the whole header (an extraction that
        // prints a row's baseline as one line: pypdf, pdftotext).
        let qualified = |i: usize| {
            lines
                .get(i)
                .is_some_and(|line| qualified_header(line) && (all_header_words_at(i + 1) || opens_whole_header(line)))
        };
        if !cut_first && !all_header_words_at(start) && !qualified(start) {
            continue;
        }
        // A header of the register's own (`Logiciel` / `utilisé`) is taken
        // where a known header follows it within a few lines; after the last
        // known one, nothing tells it from a section heading or a title.
        let own = |i: usize| {
            let known_at = |j: usize| all_header_words_at(j) || qualified(j);
            lines.get(i).is_some_and(plain_short_line)
                && (i + 1..=i + OWN_HEADER_LINES)
                    .find(|&j| known_at(j) || !lines.get(j).is_some_and(plain_short_line))
                    .is_some_and(known_at)
        };
        let mut words = first.words.clone();
        let mut opens_line = vec![false; words.len()];
        let (mut known, mut owned) = (1, 0);
        let mut end = start + 1;
        // Where the header's last column is one of the register's own,
        // the lines up to the first record number.
        let mut last_own_until = 0;
        while let Some(line) = lines.get(end) {
            let (glued, rest) = glue_fragment(words.last(), &line.words);
            let header_words = header_words_of(&rest, end) || qualified(end);
            if header_words {
                known += 1;
            } else if own(end) && owned < known {
                owned += 1;
            } else if end >= last_own_until {
                // Past the lines of a last header of the register's own
                // already taken: one may open here, or the header ends.
                match last_own_header(lines, end, &words) {
                    Some(until) if owned < known => {
                        owned += 1;
                        last_own_until = until;
                    }
                    _ => break,
                }
            }
            if glued && let (Some(last), Some(head)) = (words.last_mut(), line.words.first()) {
                match fields::hyphenated_header_word(last, head) {
                    Some(word) => *last = word,
                    None => {
                        crate::layout::drop_added_hyphen(last);
                        last.push_str(head);
                    }
                }
            }
            opens_line.extend((0..rest.len()).map(|k| k == 0 && !glued));
            words.extend(rest);
            end += 1;
        }
        let openings = header_openings(&words, &opens_line);
        let opens_inside_line = |at: usize| at > 0 && !opens_line.get(at).copied().unwrap_or(false);
        let apart = !openings.iter().any(|(at, _)| opens_inside_line(*at));
        // A header of the register's own opening inside a line may be a
        // fiche's value beside its label: the known headers must make a
        // header by themselves.
        let own_inside_line = openings.iter().any(|(at, h)| opens_inside_line(*at) && fields::known_field(h).is_none());
        let known_headers = openings.iter().filter(|(_, h)| fields::known_field(h).is_some()).count();
        let (headers, group) = nest_grouped_headers(openings.into_iter().map(|(_, header)| header).collect());
        if headers.len() >= MIN_HEADERS && (!own_inside_line || known_headers >= MIN_HEADERS) {
            return Some(Header { start, end, headers, own: owned, group, apart });
        }
    }
    None
}

/// Fewest column headers a header has.
const MIN_HEADERS: usize = 3;

/// Lines a header of the register's own may take before the next known
/// header shows it to be one.
const OWN_HEADER_LINES: usize = 3;

/// The end of a last column header of the register's own opening at line
/// `at` (`Date de mise` / `à jour`), after the header's `words` so far:
/// in a numbered register, plain short lines, wrapped (the lines after the
/// first go on in lower case), right before the first record number. A
/// header that does not wrap reads like a section heading before the first
/// row, and is left to the body.
fn last_own_header(lines: &[FlowLine], at: usize, words: &[String]) -> Option<usize> {
    let numbered = words.first().is_some_and(|w| fields::known_field(w) == Some("number"));
    let first = lines.get(at)?;
    if !numbered || !plain_short_line(first) || !first.starts_upper(0) {
        return None;
    }
    let goes_on = |line: &FlowLine| plain_short_line(line) && line.starts_lower(0);
    let end = (at + 1..=at + OWN_HEADER_LINES).find(|&j| !lines.get(j).is_some_and(goes_on))?;
    let body_opens = lines.get(end).is_some_and(|line| record_number_opening(&line.words));
    (end > at + 1 && body_opens).then_some(end)
}

/// A line that may be (part of) a column header: a few words, no label's
/// colon, no full stop, no figure.
fn plain_short_line(line: &FlowLine) -> bool {
    line.words.len() <= QUALIFIED_HEADER_WORDS
        && !line.words.iter().any(|w| w.ends_with([':', '.']) || w.chars().any(|c| c.is_ascii_digit()))
}

/// Most words a qualified header line holds per header on it
/// (`Destinataires éventuels`).
const QUALIFIED_HEADER_WORDS: usize = 4;

/// Whether a line is a column header with one word of its own besides
/// header words (one per header on the line at most): it opens a header
/// (`Finalité principale`) or, in lower case, goes on with the one above
/// (`Destinataires` / `éventuels`), and stays short, with no label's colon.
fn qualified_header(line: &FlowLine) -> bool {
    let own = line.words.iter().filter(|w| !fields::is_header_word(w)).count();
    let opens_or_goes_on = line.words.first().is_some_and(|w| is_header_opening(w) || line.starts_lower(0));
    // Headers sharing a line (`N° Nom du traitement Finalité principale
    // Base légale`) may each have a word of their own.
    let headers = split_headers(&line.words, &[]).len().max(1);
    line.words.len() <= QUALIFIED_HEADER_WORDS * headers
        && (1..=headers).contains(&own)
        && opens_or_goes_on
        && !line.words.iter().any(|w| w.ends_with(':'))
}

/// Whether a line alone opens as many known headers as a header has
/// columns at least ([`MIN_HEADERS`]): `N° Nom du traitement Finalité
/// principale Base légale`, the header's cells on one baseline.
fn opens_whole_header(line: &FlowLine) -> bool {
    split_headers(&line.words, &[]).iter().filter(|h| fields::known_field(h).is_some()).count() >= MIN_HEADERS
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
        format!(
            "; read in set width, which fits the lines' wraps better (in the reading in characters, {} lines \
             contradict widths in set width, {} widths in characters): {}",
            set.misfits,
            set.char_misfits,
            shown(&set.widths)
        )
    });
    let diagnostic = Diagnostic::warning(
        "text.flowed_segmentation",
        format!(
            "cells were assigned to columns from the text's line widths (learned wrap widths, in characters: \
             {}{set_note}); this form does not say which column a line belongs to, so check the cells against \
             the PDF",
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
        evidence.sections = Some(Sections::learn(&steps));
        let model = Model { lines: body, widths: &learned.best, blank_separated, evidence: &evidence, unit };
        (cost, steps) = if round == VOCABULARY_ROUNDS { model.solve() } else { model.solve_quickly() };
    }
    BodyReading { learned, first, evidence, steps, cost }
}

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
    let statements: Vec<Option<usize>> = body.iter().map(statement_opening).collect();
    Evidence {
        retention_start: retention_starts(body, &statements, blank_separated),
        retention_column,
        number_opening: body.iter().map(|l| record_number_opening(&l.words)).collect(),
        number_column: fields.iter().position(|f| f == "number"),
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
    }
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
    let opens = |line: &FlowLine| line.blank_before > 0 || line.flow_break || line.after_hard_break;
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
/// of its own, as MuPDF does with justified lines).
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

/// A row's cells laid out: column → lines of words, each with its
/// trailing-space flag.
type RowCells = Vec<Vec<(Vec<String>, bool)>>;

/// A band of a laid-out page: a row's cells, or a section heading's words.
enum Band {
    Row(RowCells),
    Section(Vec<String>),
}

/// The header as laid out: the columns' headers, and a group label over
/// some of them.
#[derive(Clone, Copy)]
struct LaidHeader<'a> {
    headers: &'a [String],
    group: Option<&'a HeaderGroup>,
}

/// Writes the segmentation as ruled pages: header on every page (a group
/// label on a line of its own over its columns' headers), one band per
/// row, a new page at each page break of the source. A section heading is
/// a merged band (no inner rule crosses it) whose words run across the
/// first column boundary, as a heading across the table does.
fn layout(
    preamble: &[FlowLine],
    header: LaidHeader,
    body: &[FlowLine],
    steps: &[Step],
    widths: &[f64],
    notes: &[FlowLine],
) -> Vec<Page> {
    let LaidHeader { headers, group } = header;
    let k = headers.len();
    let gap = 4.0 * CHAR_WIDTH;
    let mut xs = vec![0.0];
    for c in 0..k {
        let w = widths.get(c).copied().unwrap_or(40.0).max(headers.get(c).map_or(0, |h| h.chars().count()) as f64);
        xs.push(xs.last().copied().unwrap_or(0.0) + (w + 8.0) * CHAR_WIDTH + gap);
    }
    let right = xs.last().copied().unwrap_or(1000.0);
    let x_of = |c: usize| xs.get(c).copied().unwrap_or(0.0) + CHAR_WIDTH;

    let mut pages_rows: Vec<Vec<Band>> = vec![Vec::new()];
    let mut current: Option<RowCells> = None;
    for (line, step) in body.iter().zip(steps) {
        if step.page_break || step.new_row {
            if let (Some(row), Some(page)) = (current.take(), pages_rows.last_mut()) {
                page.push(Band::Row(row));
            }
            if step.page_break {
                pages_rows.push(Vec::new());
            }
        }
        if step.section {
            if let Some(page) = pages_rows.last_mut() {
                page.push(Band::Section(line.words.clone()));
            }
            continue;
        }
        let row = current.get_or_insert_with(|| vec![Vec::new(); k]);
        let words = line.words.len();
        for (from, to, column) in step.parts(words) {
            if let Some(cell) = row.get_mut(column) {
                let part = line.words.get(from..to).unwrap_or_default().to_vec();
                cell.push((part, to < words || line.trailing_space && !line.end_unmarked));
            }
        }
    }
    if let (Some(row), Some(page)) = (current.take(), pages_rows.last_mut()) {
        page.push(Band::Row(row));
    }
    let first_boundary = xs.get(1).copied().unwrap_or(right);

    let mut pages = Vec::new();
    let last_page = pages_rows.len().saturating_sub(1);
    for (p, rows) in pages_rows.iter().enumerate() {
        let mut words = Vec::new();
        let mut rules = Vec::new();
        let mut y = LINE_HEIGHT;
        if p == 0 {
            // Set solid, as the text does not say where its paragraphs
            // break: the register stage joins a line to the title only on
            // what the words say (a line opening in lower case, or one
            // hanging on `de` or a hyphen).
            for line in preamble {
                words.extend(words_at(&line.words, 0.0, y, line.trailing_space));
                y += LINE_HEIGHT;
            }
        }
        let top = y;
        rules.push(rule(0.0, top, right, top));
        y += LINE_HEIGHT;
        // A group label on a line of its own over its columns' headers, no
        // rule parting those columns on its line.
        let mut grouped_from = Vec::new();
        if let Some(HeaderGroup { label, from, to }) = group {
            let label_words: Vec<String> = label.split_whitespace().map(str::to_string).collect();
            words.extend(words_at(&label_words, x_of(*from), y, false));
            // Right below the label's line: the rules inside the group
            // cross the middle of the header's two lines.
            let below_label = y + 0.2 * LINE_HEIGHT;
            y += LINE_HEIGHT;
            let (x0, x1) = (xs.get(*from).copied().unwrap_or(0.0), xs.get(*to).copied().unwrap_or(right));
            rules.push(rule(x0, below_label, x1, below_label));
            grouped_from = xs.get(from + 1..*to).unwrap_or_default().iter().map(|&x| (x, below_label)).collect();
        }
        for (c, header) in headers.iter().enumerate() {
            let header_words: Vec<String> = header.split_whitespace().map(str::to_string).collect();
            words.extend(words_at(&header_words, x_of(c), y, false));
        }
        y += 0.5 * LINE_HEIGHT;
        rules.push(rule(0.0, y, right, y));
        // Where the inner rules' current run started; in the header, below
        // the group label for the rules inside the group.
        let mut inner_from = top;
        let run_from = |x: f64, from: f64| {
            grouped_from.iter().find(|(gx, _)| from == top && *gx == x).map_or(from, |(_, below)| *below)
        };
        let inner = xs.get(1..k).unwrap_or_default();
        for band in rows {
            match band {
                Band::Row(row) => {
                    let mut height = 0usize;
                    for (c, cell) in row.iter().enumerate() {
                        for (n, (cell_words, trailing)) in cell.iter().enumerate() {
                            let baseline = y + (n as f64 + 1.0) * LINE_HEIGHT;
                            words.extend(words_at(cell_words, x_of(c), baseline, *trailing));
                        }
                        height = height.max(cell.len());
                    }
                    y += (height as f64 + 0.5) * LINE_HEIGHT;
                }
                Band::Section(heading) => {
                    rules.extend(inner.iter().map(|&x| rule(x, run_from(x, inner_from), x, y)));
                    let len = heading.iter().map(|w| w.chars().count() + 1).sum::<usize>() as f64;
                    let x = (first_boundary - 0.5 * len * CHAR_WIDTH).max(CHAR_WIDTH);
                    words.extend(words_at(heading, x, y + LINE_HEIGHT, true));
                    y += 1.5 * LINE_HEIGHT;
                    inner_from = y;
                }
            }
            rules.push(rule(0.0, y, right, y));
        }
        rules.extend(inner.iter().map(|&x| rule(x, run_from(x, inner_from), x, y)));
        for x in [0.0, right] {
            rules.push(rule(x, top, x, y));
        }
        if p == last_page {
            y += LINE_HEIGHT;
            // A note opens at a `*`, after a line that stopped well short
            // of the notes' width (the last line of the note before), or
            // after a blank line that follows a sentence's end (a blank
            // line after a full line whose sentence goes on parts the
            // blocks an extraction made of one note's lines).
            let longest = notes.iter().map(|l| l.len.chars as usize).max().unwrap_or(0);
            let mut previous: Option<&FlowLine> = None;
            for line in notes {
                let short = previous.is_some_and(|p| (p.len.chars as usize) * 5 < longest * 3);
                let opens = line.blank_before > 0 && previous.is_none_or(FlowLine::ends_sentence)
                    || line.words.first().is_some_and(|w| w.starts_with('*'))
                    || short;
                y += LINE_HEIGHT * if opens { 2.0 } else { 1.0 };
                words.extend(words_at(&line.words, 0.0, y, line.trailing_space));
                previous = Some(line);
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
    fn a_header_wrapped_inside_its_words_bounds_its_column() {
        let headers = |h: &[&str]| h.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        // (header lines, headers, caps): `Responsable` / `de traitement`
        // wrapped before `de`, so the column holds fewer than 14 characters
        // (times the slack for a bold or larger header).
        type Case<'a> = (&'a str, &'a [&'a str], &'a [Option<f64>]);
        let cases: &[Case] = &[
            (
                "Intitulé Finalités \nResponsable \nde traitement \nCatégories de données \ntraitées \n",
                &["Intitulé", "Finalités", "Responsable de traitement", "Catégories de données traitées"],
                &[None, None, Some(14.0 * HEADER_WRAP_SLACK), Some(30.0 * HEADER_WRAP_SLACK)],
            ),
            // A header stacked a word per line bounds nothing.
            ("Nom \ndu \ntraitement \nFinalités \n", &["Nom du traitement", "Finalités"], &[None, None]),
            // Lines that do not give the headers' words in order bound nothing.
            ("Finalités Intitulé \nde \n", &["Intitulé de", "Finalités"], &[None, None]),
        ];
        for (text, names, caps) in cases {
            assert_eq!(header_wrap_caps(&read_lines(text), &headers(names)), *caps, "{text:?}");
        }
    }

    #[test]
    fn keeping_states_apart_finds_cheaper_readings() {
        // The corpus's fabrique.txt under its learned widths: rows cut by
        // page breaks read cheaper when states whose cells a break would
        // cut differ are kept apart, never dearer.
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/text/fabrique.txt");
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let lines = read_lines(&text);
        let Some(Header { start, end, headers, .. }) = find_header(&lines) else { panic!("no header in {path}") };
        let header_lines = lines.get(start..end).unwrap_or_default();
        let rest = drop_repeated_headers(lines.get(end..).unwrap_or_default().to_vec(), header_lines);
        let (body, _) = split_notes(rest);
        let blank_separated = blank_lines_separate(&body);
        let evidence = evidence(&body, &headers, blank_separated, &[]);
        let widths = [10.0, 28.0, 15.0, 36.0, 20.0, 23.0];
        let model = Model { lines: &body, widths: &widths, blank_separated, evidence: &evidence, unit: Unit::Chars };
        let (kept_apart, quickly) = (model.solve().0, model.solve_quickly().0);
        assert!(kept_apart < quickly - 0.1, "{kept_apart} against {quickly}");
    }

    #[test]
    fn a_missing_trailing_space_means_a_cut_word_only_where_the_text_keeps_them() {
        let kept = read_lines("Catégories de \nDonnées d'identifica\ntion \nAgents \n");
        assert_eq!(kept.iter().map(|l| l.trailing_space).collect::<Vec<_>>(), [true, false, true, true]);
        let trimmed = read_lines("Catégories de\nDonnées d'identité\nAgents\n");
        assert!(trimmed.iter().all(|l| l.trailing_space));
        // Where every line is trimmed, the table stage reads the words.
        assert!(trimmed.iter().all(|l| l.end_unmarked));
        assert!(kept.iter().all(|l| !l.end_unmarked));
        // A hyphen after a letter or a figure cuts a word whatever the
        // convention (`médico-` / `sociale`, `(art. 6-1-` / `e RGPD)`).
        let hyphenated = read_lines("Catégories de\nsituation médico-\nsociale\n(art. 6-1-\ne RGPD)\n");
        assert_eq!(hyphenated.iter().map(|l| l.trailing_space).collect::<Vec<_>>(), [true, false, true, false, true]);
    }

    #[test]
    fn a_header_word_hyphenated_across_lines_is_joined_without_its_hyphen() {
        assert_eq!(fields::hyphenated_header_word("conserva-", "tion").as_deref(), Some("conservation"));
        assert_eq!(fields::hyphenated_header_word("con-", "cernées").as_deref(), Some("concernées"));
        // Not a header word, or not going on in lower case: no join.
        assert_eq!(fields::hyphenated_header_word("re-", "couvrer"), None);
        assert_eq!(fields::hyphenated_header_word("Personnes-", "Concernées"), None);
        let lines =
            read_lines("N°\nNom du traite-\nment\nFinalité(s)\nPersonnes con-\ncernées\nDurée de conserva-\ntion\n1\n");
        let header = find_header(&lines).map(|h| h.headers);
        assert_eq!(
            header.as_deref(),
            Some(
                [
                    "N°".to_string(),
                    "Nom du traitement".to_string(),
                    "Finalité(s)".to_string(),
                    "Personnes concernées".to_string(),
                    "Durée de conservation".to_string()
                ]
                .as_slice()
            )
        );
    }

    #[test]
    fn a_header_word_a_typesetter_hyphenated_is_joined_without_its_hyphen() {
        // WeasyPrint's U+2010, as MuPDF prints it.
        let lines =
            read_lines("Nom du trai\u{2010}\ntement\nFinalité(s)\nCatégories de per\u{2010}\nsonnes concernées\n1\n");
        let header = find_header(&lines).map(|h| h.headers);
        let want = ["Nom du traitement", "Finalité(s)", "Catégories de personnes concernées"].map(String::from);
        assert_eq!(header.as_deref(), Some(want.as_slice()));
    }

    #[test]
    fn a_typesetters_hyphen_inside_a_line_joins_its_word() {
        // pypdf sets a wide table's row on one line, its cells' wraps
        // included: U+2010 and the soft hyphen end only a line, so a word
        // goes on after them. A `-` may be the word's own; a capital after
        // the hyphen opens another word.
        let lines = read_lines("Traite\u{2010} ment les pré\u{ad} leveurs co- RT Fin\u{2010} Début\n");
        let words = lines.first().map(|l| l.words.clone()).unwrap_or_default();
        assert_eq!(words, ["Traitement", "les", "préleveurs", "co-", "RT", "Fin\u{2010}", "Début"]);
    }

    #[test]
    fn a_header_of_the_registers_own_opens_after_a_known_header_on_its_line() {
        // Headers sharing baselines, as pdfium prints them: `Service`,
        // `Origine` and `Logiciel` name no known field, but each follows a
        // whole known header in title case, its first line short.
        let lines = read_lines(concat!(
            "N°\nTraitement Service\nresponsable\nFinalités Base juridique Origine des\ndonnées\n",
            "Destinataires Logiciel\nutilisé\nDurée de\nconservation\n1\n",
        ));
        let header = find_header(&lines).map(|h| h.headers);
        let want = [
            "N°",
            "Traitement",
            "Service responsable",
            "Finalités",
            "Base juridique",
            "Origine des données",
            "Destinataires",
            "Logiciel utilisé",
            "Durée de conservation",
        ]
        .map(String::from);
        assert_eq!(header.as_deref(), Some(want.as_slice()));
        // The next known header may follow on the same line (pdfmake's
        // cells through `pdftotext -raw`): the own header's first line ends
        // where it opens.
        let lines = read_lines(concat!(
            "N° Traitement Service\nresponsable\nFinalités Base juridique Origine des\ndonnées\n",
            "Destinataires Logiciel utilisé Durée de\nconservation\n1\n",
        ));
        let header = find_header(&lines).map(|h| h.headers);
        assert_eq!(header.as_deref(), Some(want.as_slice()));
        // A fiche's label and short value share a line: two known headers
        // do not make a header, whatever the value after the first.
        let fiche = read_lines("Base légale Obligation légale\nCatégories de\ndonnées\nIdentité, coordonnées\n");
        assert_eq!(find_header(&fiche).map(|h| h.headers), None);
    }

    #[test]
    fn a_bullet_on_a_line_of_its_own_opens_its_item() {
        let lines = read_lines("Catégories \n\n•\nIdentité et \ncoordonnées \n\n•\nSanté \n- \nDGCS) \n");
        let texts: Vec<(String, usize)> = lines.iter().map(|l| (l.text(), l.blank_before)).collect();
        assert_eq!(
            texts,
            [
                ("Catégories".to_string(), 0),
                ("• Identité et".to_string(), 1),
                ("coordonnées".to_string(), 0),
                ("• Santé".to_string(), 1),
                ("-".to_string(), 0),
                ("DGCS)".to_string(), 0)
            ]
        );
    }

    #[test]
    fn page_furniture_is_dropped_and_breaks_the_page() {
        let read =
            |text: &str| -> Vec<(String, bool)> { read_lines(text).iter().map(|l| (l.text(), l.flow_break)).collect() };
        let line = |text: &str, flow_break: bool| (text.to_string(), flow_break);
        // Page numbers alone, with their `Page` or their total; a footer
        // ending on the page number that recurs, digits aside.
        let text = "1 \nPaie \nPage 1 sur 2 \nRegistre – 1/2 \n2 \nRH \nRegistre – 2/2 \n";
        assert_eq!(read(text), [line("1", false), line("Paie", false), line("2", true), line("RH", false)]);
        // A one-page document's footer numbers its last page.
        let text = "1 \nPaie \nMis à jour le 5 janvier 2025 1/1 \n";
        assert_eq!(read(text), [line("1", false), line("Paie", false)]);
        // A bare number is a page's only before a form feed; elsewhere it
        // may be a record's, as numbers spaced on one line may be cells.
        let text = "1 \nPaie \n7 \n\u{c}2 \nRH \n12 3 \n";
        assert_eq!(
            read(text),
            [line("1", false), line("Paie", false), line("2", true), line("RH", false), line("12 3", false)]
        );
        // A date or an article number after words is no page number.
        let text = "Version du 12/03/2024 \nArticle 3 \nArticle 4 \n";
        assert_eq!(read(text).len(), 3);
    }

    /// The lines as read, before the convention is applied.
    fn raw_lines(text: &str) -> Vec<FlowLine> {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| FlowLine::new(l.split_whitespace().map(str::to_string).collect(), l.ends_with(' '), 0, false))
            .collect()
    }

    #[test]
    fn list_items_run_until_a_paragraph_opens_otherwise() {
        let marks = |text: &str, blank_separated: bool| {
            let mut lines = read_lines(text);
            mark_list_items(&mut lines, blank_separated);
            lines.iter().map(|l| l.item_mark).collect::<Vec<_>>()
        };
        let text = "• Identité et \ncoordonnées \n- Situation \nfamiliale \nAgents \n• Usagers \n\nservice \n";
        let b = Some('•');
        assert_eq!(marks(text, true), [b, b, Some('-'), Some('-'), None, b, None]);
        // Where blank lines do not mark paragraphs, only the opening does.
        assert_eq!(marks(text, false), [b, b, Some('-'), Some('-'), None, b, b]);
        // The next item of the list goes on it; another list's does not.
        let mut lines = read_lines("• Identité \n• Situation \n- Agents \n");
        mark_list_items(&mut lines, false);
        let goes_on: Vec<bool> = lines.windows(2).map(|w| w[1].goes_on_list_of(&w[0])).collect();
        assert_eq!(goes_on, [true, false]);
    }

    #[test]
    fn a_line_ends_as_its_last_word_and_open_parenthesis_say() {
        let end =
            |text: &str| FlowLine::new(text.split_whitespace().map(str::to_string).collect(), true, 0, false).end();
        for (text, expected) in [
            ("Mission d’intérêt public (art. 6-1-e", LineEnd::ClauseGoesOn),
            ("(sous-traitant", LineEnd::ClauseGoesOn),
            ("Obligation légale (art. 6-1-c RGPD)", LineEnd::Free),
            ("Finalité(s)", LineEnd::Free),
            ("RGPD) Agents de la commune", LineEnd::Free),
            ("Identité, coordonnées,", LineEnd::ClauseGoesOn),
            ("Agents habilités du", LineEnd::PhraseGoesOn),
            ("Trésorerie municipale ;", LineEnd::ListGoesOn),
        ] {
            assert_eq!(end(text), expected, "{text}");
        }
    }

    #[test]
    fn the_line_end_convention_is_read_from_the_text() {
        // Cut words: few lines without a trailing space, going on in lower case.
        let cut = "Catégories de \nDonnées d'identifica\ntion \nAgents \nUsagers \nDNUM \nNom \n".repeat(3);
        assert_eq!(line_end_convention(&raw_lines(&cut)), LineEnds::SpaceAtBoundaries);
        // MuPDF: soft wraps keep a space, paragraph ends do not.
        let mupdf =
            "Données d'identité des \nagents, Informations\n\nDurée : tant que \nl'agent exerce\nDNUM\n".repeat(3);
        assert_eq!(line_end_convention(&raw_lines(&mupdf)), LineEnds::SpaceAtSoftWraps);
        let lines = read_lines(&mupdf);
        assert!(lines.get(1).is_some_and(|l| l.hard_break && l.trailing_space));
        assert!(lines.get(2).is_some_and(|l| l.after_hard_break));
        // There a soft wrap leaves its paragraph going on, and so its cell.
        let wrapped = read_lines(&"Agents des ministères \nsociaux\nDNUM\n".repeat(3));
        let ends: Vec<LineEnd> = wrapped.iter().take(3).map(FlowLine::end).collect();
        assert_eq!(ends, [LineEnd::ParagraphGoesOn, LineEnd::Free, LineEnd::Free]);
        assert_eq!(line_end_convention(&raw_lines("Agents\nUsagers\nNom\n")), LineEnds::Trimmed);
    }

    fn openings(lines: &[FlowLine]) -> Vec<Option<usize>> {
        lines.iter().map(statement_opening).collect()
    }

    #[test]
    fn a_paragraph_about_keeping_data_is_retention_evidence_from_its_first_line() {
        let text = "Agents des ministères \n\nCes données personnelles \nde l’utilisateur sont \nconservées et accessibles \n\nUsagers \n\nDurée : 5 ans \n";
        let lines = read_lines(text);
        assert_eq!(retention_starts(&lines, &openings(&lines), true), [None, Some(0), None, None, None, Some(0)]);
        // Without blank lines marking paragraphs, only lines that state a
        // period count.
        assert_eq!(retention_starts(&lines, &openings(&lines), false), [None, None, None, None, None, Some(0)]);
    }

    #[test]
    fn a_line_shared_by_cells_gives_its_retention_statement_to_one_part() {
        // A one-line cell on the baseline of the retention cell's first
        // line: only the words from the statement on speak of retention.
        let text = "Usagers des services 2 ans après la fin \nde l’inscription \n";
        let lines = read_lines(text);
        assert_eq!(retention_starts(&lines, &openings(&lines), false), [Some(3), None]);
        // The line opening the paragraph keeps where its statement opens.
        assert_eq!(retention_starts(&lines, &openings(&lines), true), [Some(3), None]);
    }

    #[test]
    fn legal_bases_and_retention_statements_echo_their_columns() {
        let headers: Vec<String> =
            ["Traitement", "Base légale", "Personnes concernées", "Durée de conservation"].map(String::from).to_vec();
        let lines = read_lines("Paie Obligation légale Agents 5 ans après le départ \n");
        let echoes = &evidence(&lines, &headers, false, &[]).header_echoes;
        let at = |w: usize| echoes.first().and_then(|l| l.get(w)).copied().flatten();
        assert_eq!(at(1), Some(1), "a legal basis opens the legal basis column");
        assert_eq!(at(4), Some(3), "a retention statement opens the retention column");
        assert_eq!([at(0), at(2), at(3), at(5)], [None; 4]);
    }

    #[test]
    fn a_header_qualified_by_a_word_of_its_own_stays_in_the_header() {
        let header = |text: &str| find_header(&read_lines(text)).map(|h| (h.start, h.end, h.headers, h.own));
        // MuPDF sets one header per line; `principale` and `éventuels` are no
        // header words, but lines of header words follow them.
        let text = "Registre de la mairie \nN° \nNom du traitement \nFinalité principale \nBase légale \nDestinataires éventuels \nDurée de conservation \n1 \nÉtat civil \n";
        let found = header(text).map(|(start, end, headers, own)| (start, end, headers.len(), own));
        assert_eq!(found, Some((1, 7, 6, 0)));
        // Or the qualifier wraps alone under its header.
        let text = "N° \nNom du traitement \nDestinataires \néventuels \nDurée de conservation \n1 \nÉtat civil \n";
        let found = header(text);
        let headers = ["N°", "Nom du traitement", "Destinataires éventuels", "Durée de conservation"].map(String::from);
        assert_eq!(found, Some((0, 5, headers.to_vec(), 0)));
        // pypdf and pdftotext print the header's cells on their baseline
        // as one line: a line opening three known headers is the header.
        let text = "Registre de la mairie \nN° Nom du traitement Finalité principale Base légale \n1 \nÉtat civil \n";
        let found = header(text).map(|(start, end, headers, own)| (start, end, headers.len(), own));
        assert_eq!(found, Some((1, 2, 4, 0)));
        // A first title opening with a header word is not taken in: no
        // header line follows it.
        let text =
            "Intitulé \nFinalités \nDestinataires \nTraitement des plaintes \nRecevoir les plaintes des usagers \n";
        assert_eq!(header(text).map(|(start, end, _, _)| (start, end)), Some((0, 3)));
    }

    #[test]
    fn a_header_whose_cells_open_lines_of_their_own_is_printed_apart() {
        let apart = |text: &str| find_header(&read_lines(text)).map(|h| h.apart);
        // MuPDF: each header opens its line, wrapped or not.
        assert_eq!(apart("N° \nNom du \ntraitement \nFinalité(s) \nBase légale \n1 \nÉtat civil \n"), Some(true));
        // The corpus's text: top-aligned headers share their first line.
        assert_eq!(
            apart("Intitulé Finalités \nResponsable \nde traitement \nCatégories de données \nDNUM \n"),
            Some(false)
        );
        // pdftotext: the whole header on one line.
        assert_eq!(apart("N° Nom du traitement Finalité(s) Base légale \n1 \nÉtat civil \n"), Some(false));
    }

    #[test]
    fn record_numbers_standing_alone_show_cells_printed_apart() {
        let body = |text: &str| read_lines(text);
        assert!(numbers_stand_alone(&body("1\nGestion du personnel\nGérer\n2\nPaie\nVerser\n3\nCantine\n")));
        // A number sharing its line with the title: an extraction joining baselines.
        assert!(!numbers_stand_alone(&body("1 Gestion du personnel\nGérer\n2 Paie\nVerser\n3 Cantine\n")));
        // One number alone says nothing.
        assert!(!numbers_stand_alone(&body("1\nGestion du personnel\nGérer\n")));
    }

    #[test]
    fn headers_under_a_group_label_take_its_place() {
        // MuPDF, pdftotext -raw and pypdf print the first level's headers,
        // then those under the group label.
        let text = "N° \nNom du \ntraitement \nFinalité(s) \nCatégories \nDestinataires \nDurée de \nconservation \nPersonnes \nconcernées \nDonnées collectées \n1 \nRedevances \n";
        let found = find_header(&read_lines(text)).map(|h| (h.headers, h.group));
        let headers = [
            "N°",
            "Nom du traitement",
            "Finalité(s)",
            "Personnes concernées",
            "Données collectées",
            "Destinataires",
            "Durée de conservation",
        ]
        .map(String::from);
        let group = HeaderGroup { label: "Catégories".to_string(), from: 3, to: 5 };
        assert_eq!(found, Some((headers.to_vec(), Some(group))));
        // The label groups only the last headers whose fields it opens, and
        // two of them at least.
        let ungrouped = ["N°", "Catégories", "Personnes concernées", "Durée de conservation"].map(String::from);
        assert_eq!(nest_grouped_headers(ungrouped.to_vec()), (ungrouped.to_vec(), None));
        let known = ["Destinataires", "Catégories de destinataires", "Personnes concernées"].map(String::from);
        assert_eq!(nest_grouped_headers(known.to_vec()), (known.to_vec(), None));
    }

    #[test]
    fn headers_of_the_registers_own_are_taken_between_known_ones() {
        // `Service responsable`, `Logiciel utilisé`: no header words, but
        // known headers follow them; `Date de mise à jour`, last, wraps
        // like a header cell right before the first record number.
        let text = "N° \n\nTraitement \nService \nresponsable \n\nFinalités \nLogiciel \nutilisé \n\nDurée de conservation \nDate de mise \nà jour \n\n1 \n";
        let found = find_header(&read_lines(text)).map(|h| (h.headers, h.own));
        let headers = [
            "N°",
            "Traitement",
            "Service responsable",
            "Finalités",
            "Logiciel utilisé",
            "Durée de conservation",
            "Date de mise à jour",
        ];
        assert_eq!(found, Some((headers.map(String::from).to_vec(), 3)));
        // A line alone there is a section heading as much as a header.
        let text = "N° \nTraitement \nFinalité \nDurée de conservation \n\nEnfance et jeunesse \n\n1 \n";
        assert_eq!(find_header(&read_lines(text)).map(|h| h.headers.len()), Some(4));
        // Without record numbers, nothing shows where the header ends.
        let text = "Traitement \nFinalités \nDurée de conservation \nDate de mise \nà jour \nÉtat civil \n";
        assert_eq!(find_header(&read_lines(text)).map(|h| h.headers.len()), Some(3));
    }

    #[test]
    fn record_numbers_open_lines_alone_or_before_a_title() {
        let opens = |text: &str| record_number_opening(&text.split(' ').map(str::to_string).collect::<Vec<_>>());
        assert!(opens("12") && opens("3.") && opens("T-03"));
        assert!(opens("4 Paie") && opens("RH-2 Gestion des congés"));
        assert!(!opens("5 ans après le départ") && !opens("1) Données relatives"));
        assert!(!opens("Paie"));
    }

    #[test]
    fn a_wrapped_note_keeps_its_short_last_line() {
        let cell = "Données d’identité ";
        let long = "*Sauf précisions spécifiques, les destinataires sont les agents des organismes mentionnés, dans les limites ";
        let cells = format!("{cell}\n").repeat(30);
        let text = format!("{cells}\n{long}\nde leurs fonctions.\n{}\n", long.replace('*', "Mesures"));
        let (body, notes) = split_notes(read_lines(&text));
        assert_eq!(body.len(), 30);
        assert_eq!(notes.len(), 3);
        // Each line of the note a block of its own, as MuPDF prints
        // justified lines.
        let blocks = format!("{cells}\n{long}\n\nde leurs fonctions.\n");
        let (body, notes) = split_notes(read_lines(&blocks));
        assert_eq!((body.len(), notes.len()), (30, 2));
    }

    #[test]
    fn a_header_with_words_cut_at_the_cell_edge_is_found() {
        let text =
            "Registre\nN\n°\n\nActivité de\ntraitement\n\nDestinataire\ns\n\nTransfert\ns hors UE\n\n1\n\nPaie\n";
        let found = find_header(&read_lines(text)).map(|h| (h.start, h.end, h.headers));
        let headers = ["N°", "Activité de traitement", "Destinataires", "Transferts hors UE"].map(String::from);
        assert_eq!(found, Some((1, 9, headers.to_vec())));
    }

    #[test]
    fn headers_split_at_capitalized_openings() {
        let words: Vec<String> = "Intitulé Finalités Responsable de traitement (et co-RT) Catégories de données traitées Catégories de personnes concernées"
            .split(' ')
            .map(str::to_string)
            .collect();
        assert_eq!(
            split_headers(&words, &[]),
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

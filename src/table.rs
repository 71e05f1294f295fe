//! Lines and words → the register's table grid: header, columns, rows,
//! rows continued across pages, full-width section rows, and the text
//! above (preamble) and below (notes) the table.
//!
//! Everything is derived from the document: the header from its vocabulary,
//! columns from vertical rules or else from the header cells and the
//! whitespace gutters of the body, rows from horizontal rules or else from
//! the lines where the first column gains text after more than a line's
//! spacing.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::fields;
use crate::geometry::Rect;
use crate::layout::{
    LIST_MARKS, Line, PARAGRAPH_PITCH, Page, Word, collapse_whitespace, digit_runs_masked, drop_added_hyphen,
    ends_in_added_hyphen, ends_in_word_hyphen, ends_with_page_number, group_lines, is_list_mark, is_page_number,
    join_words, vocabulary_form,
};
use crate::pdf::Rule;

/// Most lines a vertically centred header sets above its middle one.
const CENTRED_HEADER_LINES: usize = 2;

/// A gap wider than this many font sizes separates two phrases of a line.
const PHRASE_GAP: f64 = 0.9;
/// Rules closer than this (points) are one rule.
const RULE_SNAP: f64 = 2.0;
/// The widest line spacing assumed for a cell's lines, in font sizes, where
/// nothing in the table shows it (every cell one line).
const MAX_LINE_SPACING: f64 = 1.2;
/// A horizontal rule spanning at least this share of the table's width bounds rows.
const ROW_RULE_SPAN: f64 = 0.5;
/// A line starts a new row (tables without horizontal rules) when the first
/// column gains text this many line spacings after its previous line.
const ROW_GAP: f64 = 1.08;
/// At least this many header phrases, half of them or more opening a known
/// header (a register has columns of its own: `Logiciel`, `Origine des
/// données`), make a header line.
const MIN_HEADER_CELLS: usize = 3;
/// Fewer known headers than [`MIN_HEADER_CELLS`], and a third of the
/// phrases rather than half, do where every phrase of the line reads as a
/// header, a few words opening with a capital (`Intitulé`, `Mesures de
/// sécurité`, `Observations`, `Date de mise à jour`, `Service référent`):
/// at least this many.
const MIN_KNOWN_HEADERS_OF_CAPITALIZED: usize = 2;
/// Most words of a header phrase ([`MIN_KNOWN_HEADERS_OF_CAPITALIZED`]):
/// `Délais de conservation des données`, `Responsable de traitement (et
/// co-RT)`, not a sentence.
const MAX_HEADER_PHRASE_WORDS: usize = 6;

/// One column of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The header as printed, lines joined.
    pub header: String,
    /// The header without a label it shares with its neighbours
    /// (`Catégories` over `Personnes concernées` and `Données collectées`):
    /// what its field is read from.
    pub key: String,
    /// Left boundary in page space.
    pub x0: f64,
    /// Right boundary in page space.
    pub x1: f64,
    /// Right edge of the header's printed text: a header centred over its
    /// column leaves the column's boundaries outside its text.
    pub header_x1: f64,
}

/// One printed line of a cell.
#[derive(Debug, Clone, PartialEq)]
pub struct CellLine {
    /// The line's words joined by single spaces.
    pub text: String,
    /// The line's box.
    pub bbox: Rect,
    /// The line ends inside a word (a word broken at the cell's edge): the
    /// next line joins it without a space.
    pub breaks_word: bool,
    /// The line's final hyphen is one a hyphenating typesetter added where
    /// it broke the word (`us-` / `agers`), not the word's own (`e-` /
    /// `mail`): joining the next line drops it.
    pub hyphen_added: bool,
    /// The line starts a new paragraph (more than a line's spacing above it).
    pub starts_paragraph: bool,
    /// The line's last word is followed by a space in the source.
    pub ends_with_space: bool,
}

/// The part of a cell printed on one page.
#[derive(Debug, Clone, PartialEq)]
pub struct CellPart {
    /// 1-based page number.
    pub page: u32,
    /// The lines, top to bottom.
    pub lines: Vec<CellLine>,
    /// Union of the lines' boxes.
    pub bbox: Rect,
}

/// A table row: one part list per column.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    /// For each column, the cell's parts in reading order (one per page).
    pub cells: Vec<Vec<CellPart>>,
    /// The pages the row spans.
    pub pages: Vec<u32>,
    /// Columns whose cell is one merged cell with the row above (no rule
    /// parts them there): each row of a merged cell has its text.
    pub merged_above: Vec<usize>,
}

/// An entry of the table body, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// A record row.
    Row(Row),
    /// A row spanning the table's width: a group heading.
    Section {
        /// The heading text.
        text: String,
        /// Where it is printed.
        page: u32,
    },
}

/// The reconstructed table with the text around it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Columns, left to right.
    pub columns: Vec<Column>,
    /// Body rows and section headings.
    pub entries: Vec<Entry>,
    /// Lines above the header on the table's first page.
    pub preamble: Vec<Line>,
    /// Paragraphs below the table, each as its lines.
    pub notes: Vec<Vec<Line>>,
}

impl Table {
    /// The horizontal extent of the table's text (its columns and its
    /// cells), `None` when it has neither.
    pub fn text_span(&self) -> Option<(f64, f64)> {
        let columns = self.columns.iter().filter(|c| c.x1 > c.x0).map(|c| (c.x0, c.x1));
        let cells = rows_of(&self.entries).flat_map(|r| r.cells.iter().flatten()).map(|p| (p.bbox.x0, p.bbox.x1));
        columns.chain(cells).reduce(|(l0, r0), (l1, r1)| (l0.min(l1), r0.max(r1)))
    }
}

/// Why no table could be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableError {
    /// No page carries any word.
    NoText,
    /// No line looks like a register header.
    NoHeader,
}

/// A detected header: its vertical band and columns.
#[derive(Debug, Clone)]
struct Header {
    top: f64,
    bottom: f64,
    columns: Vec<Column>,
    /// Lines of the header band.
    lines: usize,
    /// The known fields whose headers a body river parted from the header
    /// words before them ([`split_at_body_rivers`]).
    river_fields: Vec<&'static str>,
}

/// The lines of a page with the page's horizontal and vertical rules.
struct PageLines<'a> {
    page: &'a Page,
    lines: Vec<Line>,
    horizontal: Vec<Rule>,
    vertical: Vec<Rule>,
}

/// Splits a line into phrases at wide gaps and at vertical rules.
fn phrases(line: &Line, vertical: &[Rule]) -> Vec<Line> {
    let gap = PHRASE_GAP * line.font_size();
    let mut out: Vec<Line> = Vec::new();
    for phrase in line.phrases(gap) {
        let mut current: Option<Line> = None;
        for word in phrase.words {
            let split = current.as_ref().is_some_and(|c| {
                vertical.iter().any(|r| {
                    let x = r.rect.center_x();
                    x > c.bbox.x1 && x < word.bbox.x0 + 0.5 && r.rect.y0 <= word.bbox.y1 && r.rect.y1 >= word.bbox.y0
                })
            });
            match current.as_mut() {
                Some(c) if !split => {
                    c.bbox = c.bbox.union(&word.bbox);
                    c.words.push(word);
                }
                _ => {
                    out.extend(current.take());
                    current = Some(Line { bbox: word.bbox, words: vec![word] });
                }
            }
        }
        out.extend(current);
    }
    out
}

/// Splits a header phrase where a second header starts right after a
/// complete one (`N° Traitement` set one space apart in a text rendering):
/// the words before are a known header on their own (or the fragment of
/// one, `N` over `°`), the next word is capitalized and opens a known header.
fn split_joined_headers(phrase: Line) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut current: Vec<Word> = Vec::new();
    for (i, word) in phrase.words.iter().enumerate() {
        let rest = phrase.words.get(i..).unwrap_or_default();
        let opens = opens_known_header(rest);
        // Before it, a complete header, or a fragment of one cut at its
        // cell's edge (`N` over `°`).
        let fragment = matches!(current.as_slice(), [w] if w.text.chars().count() <= 2);
        // Or a header of the register's own of two words or more, ending on
        // no connecting word, before a known header whole (`Date de mise à
        // jour` `Sous-traitants`, set closer than the phrase gap).
        let own_before_known = current.len() >= 2
            && current.last().is_some_and(|w| !fields::is_connector(&w.text))
            && fields::known_field(&join_words(rest)).is_some();
        // Or a known header whole before a capitalized word that opens a
        // short header of the register's own (`Responsable de traitement`
        // `Observations`), unless that word goes on a longer form of the
        // header (`Transferts hors` `UE`).
        let known_before = fields::known_field(&join_words(&current)).is_some();
        let goes_on_form = || {
            let mut longer = current.clone();
            longer.push(word.clone());
            fields::opens_field_name(&join_words(&longer))
        };
        let own_after_known = known_before
            && word.text.starts_with(|c: char| c.is_uppercase())
            && rest.len() <= MAX_HEADER_PHRASE_WORDS
            && !goes_on_form();
        if !current.is_empty() && (opens && (known_before || fragment || own_before_known) || own_after_known) {
            out.extend(line_of(std::mem::take(&mut current)));
        }
        current.push(word.clone());
    }
    out.extend(line_of(current));
    out
}

/// Whether words open a known header with a capital (`Catégories de
/// données traitées`, `Finalités`).
fn opens_known_header(words: &[Word]) -> bool {
    words.first().is_some_and(|w| w.text.starts_with(char::is_uppercase)) && fields::is_header_start(&join_words(words))
}

/// The gaps between a line's consecutive words: where one ends, where the
/// next starts.
fn word_gaps(line: &Line) -> Vec<(f64, f64)> {
    line.words
        .windows(2)
        .filter_map(|pair| match pair {
            [a, b] => Some((a.bbox.x1, b.bbox.x0)),
            _ => None,
        })
        .collect()
}

/// Whether a text opens with a capital or a figure, as a cell's or a
/// heading's first line does (a line going on often opens in lower case).
fn opens_with_capital_or_figure(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn line_of(words: Vec<Word>) -> Option<Line> {
    let bbox = words.iter().map(|w| w.bbox).reduce(|a, b| a.union(&b))?;
    Some(Line { words, bbox })
}

/// The phrases of a header line, joined headers split.
fn header_phrases(line: &Line, vertical: &[Rule]) -> Vec<Line> {
    phrases(line, vertical).into_iter().flat_map(split_joined_headers).collect()
}

/// Whether `above`, a line right over a header line, sets its phrases only
/// in the gaps between that line's phrases, each opening with a capital
/// and going on in the line `below` the header line (`Personnes` /
/// `concernées` and `Date de mise à` / `jour` around `Intitulé`,
/// `Transferts` and `Finalités`): taller headers centred vertically in
/// their band, whatever the vocabulary knows of them.
fn fills_header_gaps(above: &Line, line: &Line, below: Option<&Line>, size: f64) -> bool {
    let gap = PHRASE_GAP * size;
    let taken = line.phrases(gap);
    let under: Vec<Line> = below.map(|b| b.phrases(gap)).unwrap_or_default();
    let phrases = above.phrases(gap);
    !phrases.is_empty()
        && phrases.iter().all(|p| {
            p.text().starts_with(char::is_uppercase)
                && !taken.iter().any(|t| p.bbox.overlaps_x(&t.bbox))
                && under.iter().any(|u| p.bbox.overlaps_x(&u.bbox))
        })
}

fn is_header_line(line: &Line, vertical: &[Rule]) -> bool {
    let parts = header_phrases(line, vertical);
    let starts = parts.iter().filter(|p| fields::is_header_start(&p.text())).count();
    let header_like =
        parts.iter().all(|p| p.text().starts_with(char::is_uppercase) && p.words.len() <= MAX_HEADER_PHRASE_WORDS);
    let enough_known = starts >= MIN_HEADER_CELLS && starts * 2 >= parts.len()
        || header_like && starts >= MIN_KNOWN_HEADERS_OF_CAPITALIZED && starts * 3 >= parts.len();
    parts.len() >= MIN_HEADER_CELLS && enough_known
}

/// A gap between two words of a header line wider than this, in font
/// sizes, is wider than any word space of left-aligned text.
const WIDE_WORD_GAP: f64 = 0.5;

/// A header phrase split between its words where it bridges two phrases
/// of another header line (`concernées collectées` under `Personnes` and
/// `Données`, set closer than the phrase gap): of the phrase's gaps that
/// lie between the end of one and the start of the other, the one before
/// the word that starts where the other does.
fn split_bridging(phrase: &Line, all: &[Line]) -> Vec<Line> {
    let line_of_phrase = |p: &Line| (p.bbox.y1 * 2.0).round();
    let others: Vec<&Line> = all.iter().filter(|o| line_of_phrase(o) != line_of_phrase(phrase)).collect();
    // The word space a gap is compared with: the phrase's narrowest other
    // gap (justified text stretches a line's every gap alike), or, in a
    // phrase of two words, the header's narrowest.
    let spans = word_gaps(phrase);
    let narrowest = all.iter().flat_map(word_gaps).map(|(start, end)| end - start).fold(f64::INFINITY, f64::min);
    let word_space = |i: usize| {
        let others = spans.iter().enumerate().filter(|(k, _)| *k != i).map(|(_, (start, end))| end - start);
        if spans.len() > 1 { others.fold(f64::INFINITY, f64::min) } else { narrowest }
    };
    // Between the end of one phrase and the start of the other, one gap is
    // the boundary (the words between are one header's): the one whose next
    // word starts where the other phrase does, as the headers of a column
    // start at one edge.
    let boundary_between = |i: usize, from: f64, to: f64| {
        let off = |k: usize| spans.get(k).map_or(f64::INFINITY, |(_, end)| (end - to).abs());
        (0..spans.len())
            .filter(|&k| spans.get(k).is_some_and(|(start, end)| *start >= from - 0.5 && *end <= to + 0.5))
            .all(|k| off(k) > off(i) || off(k) == off(i) && k >= i)
    };
    let mut parts: Vec<Line> = Vec::new();
    let mut current: Vec<Word> = Vec::new();
    for (i, word) in phrase.words.iter().enumerate() {
        let gap_index = i.saturating_sub(1);
        if let Some(previous) = current.last() {
            let (gap_start, gap_end) = (previous.bbox.x1, word.bbox.x0);
            let bridged = others.iter().any(|a| {
                a.bbox.x1 <= gap_end
                    && a.bbox.x1 > phrase.bbox.x0
                    && others.iter().any(|b| {
                        b.bbox.x0 >= gap_start
                            && b.bbox.x0 < phrase.bbox.x1
                            && b.bbox.x0 > a.bbox.x1
                            && boundary_between(gap_index, a.bbox.x1, b.bbox.x0)
                    })
            });
            // Or a gap wider than a word space before a known header, that
            // the header's other lines stack up to and none crosses: the
            // padding of two borderless cells (`Responsable` over `de
            // traitement`, then `Catégories de données traitées` on one
            // line).
            let gap = gap_end - gap_start;
            let wide =
                gap > WIDE_WORD_GAP * previous.font_size.max(word.font_size) && gap > 2.0 * word_space(gap_index);
            let stacked_before = others
                .iter()
                .any(|a| a.bbox.x0 >= phrase.bbox.x0 - 0.5 && a.bbox.x1 <= gap_end && a.bbox.x1 > phrase.bbox.x0);
            let crossed = others.iter().any(|o| o.bbox.x0 < gap_start && o.bbox.x1 > gap_end);
            let rest = phrase.words.get(i..).unwrap_or_default();
            let opens = opens_known_header(rest);
            // In a text rendering the padding may be one space: there the
            // rest must be a known header whole, after no connecting word.
            let known_after = fields::known_field(&join_words(rest)).is_some() && !fields::is_connector(&previous.text);
            if bridged || opens && (wide || known_after) && stacked_before && !crossed {
                parts.extend(line_of(std::mem::take(&mut current)));
            }
        }
        current.push(word.clone());
    }
    parts.extend(line_of(current));
    parts
}

/// Groups phrases into column headers: phrases overlapping horizontally are one column.
fn header_groups(band: &[&Line], vertical: &[Rule]) -> Vec<Rect> {
    let phrases: Vec<Line> = band.iter().flat_map(|l| header_phrases(l, vertical)).collect();
    let mut boxes: Vec<Rect> = Vec::new();
    for phrase in &phrases {
        boxes.extend(split_bridging(phrase, &phrases).into_iter().map(|p| p.bbox));
    }
    boxes.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut groups: Vec<Rect> = Vec::new();
    for b in boxes {
        match groups.last_mut() {
            Some(g) if b.x0 < g.x1 - 0.5 => *g = g.union(&b),
            _ => groups.push(b),
        }
    }
    // A group of connecting words only (`de` set apart by a justified
    // `Mesures      de`) is the rest of the header on its left.
    let connector_only = |g: &Rect| {
        let words: Vec<Word> = band.iter().flat_map(|l| words_in(l, g.x0, g.x1)).collect();
        !words.is_empty() && words.iter().all(|w| fields::is_connector(&w.text))
    };
    let mut merged: Vec<Rect> = Vec::new();
    for g in groups {
        match merged.last_mut() {
            Some(previous) if connector_only(&g) => *previous = previous.union(&g),
            _ => merged.push(g),
        }
    }
    merged
}

/// Fewest body lines with words on both sides of a river for it to part
/// two columns.
const MIN_RIVER_LINES: usize = 2;

/// How far, in font sizes, a text rendering may shift a row's words from
/// where the rows above and below have theirs.
const RIVER_SLACK: f64 = 1.0;

/// Splits the header groups of a borderless table where a header word
/// opens a known header (`Catégories de données traitées`) after other
/// header words, and the body below shows a river there: an x that
/// [`MIN_RIVER_LINES`] or more lines have words on both sides of, and that
/// at most a quarter as many cross (notes below the table run across).
/// In a text rendering of narrow cells, the header lines overlap (`nt (et
/// co-` over the start of `Catégories …`) whatever the cells' padding was,
/// and the rows shift by a character or two ([`RIVER_SLACK`]). A known
/// header in `proven` parts without the body's evidence: a page with few
/// rows shows too little. Returns the groups and the fields parted.
fn split_at_body_rivers(
    groups: &[Rect],
    band: &[&Line],
    body: &[&Line],
    page_width: f64,
    proven: &[&'static str],
) -> (Vec<Rect>, Vec<&'static str>) {
    let mut out = Vec::new();
    let mut fields = Vec::new();
    for (i, group) in groups.iter().enumerate() {
        let end = groups.get(i + 1).map_or(page_width, |n| n.x0);
        let mut current = *group;
        // Each split moves the group's start right, past a header word's start.
        while let Some((river, field)) = river_in(current.x0, end, band, body, proven) {
            out.push(Rect { x1: river, ..current });
            current = Rect { x0: river, x1: current.x1.max(river), ..current };
            fields.push(field);
        }
        out.push(current);
    }
    (out, fields)
}

/// The first river in `[from, end)` at a header word that opens a known
/// header (see [`split_at_body_rivers`]): the boundary of the two columns,
/// right of the centres of the header words before it, and the field.
fn river_in(
    from: f64,
    end: f64,
    band: &[&Line],
    body: &[&Line],
    proven: &[&'static str],
) -> Option<(f64, &'static str)> {
    let in_range = |w: &&Word| w.bbox.center_x() >= from && w.bbox.center_x() < end;
    let band_words: Vec<Vec<&Word>> = band.iter().map(|l| l.words.iter().filter(in_range).collect()).collect();
    let header: Vec<&Word> = band_words.iter().flatten().copied().collect();
    // A body word reaching into the group counts: a text rendering may set
    // a short cell (`DNUM`) left of its header's start.
    let reaches_in = |w: &&Word| w.bbox.x1 > from && w.bbox.center_x() < end;
    let lines: Vec<Vec<&Word>> =
        body.iter().map(|l| l.words.iter().filter(reaches_in).collect::<Vec<_>>()).filter(|w| !w.is_empty()).collect();
    header.iter().filter(|w| w.bbox.x0 > from + 0.5 && w.text.starts_with(char::is_uppercase)).find_map(|opening| {
        let start = opening.bbox.x0;
        // A word broken after its own hyphen at a line's end (`co-` / `RT)`)
        // goes on the next line, and is on that line's side.
        let broken_to_left = |line: usize, w: &Word| {
            band_words.get(line).and_then(|ws| ws.last()).is_some_and(|last| std::ptr::eq(*last, w))
                && ends_in_word_hyphen(&w.text)
                && band_words.get(line + 1).and_then(|ws| ws.first()).is_some_and(|next| next.bbox.x0 < start)
        };
        let (mut left, mut right): (Vec<&Word>, Vec<&Word>) = (Vec::new(), Vec::new());
        for (line, ws) in band_words.iter().enumerate() {
            for w in ws {
                if w.bbox.x0 < start || broken_to_left(line, w) { left.push(w) } else { right.push(w) }
            }
        }
        let field = fields::known_field(&join_words(right.iter().copied()))?;
        let boundary = left.iter().map(|w| w.bbox.center_x() + 0.5).fold(start, f64::max);
        if left.is_empty() || right.iter().any(|w| w.bbox.center_x() < boundary) {
            return None;
        }
        if proven.contains(&field) {
            return Some((boundary, field));
        }
        let slack = RIVER_SLACK * opening.font_size;
        let both = lines
            .iter()
            .filter(|ws| {
                ws.iter().any(|a| a.bbox.x1 <= boundary + slack)
                    && ws.iter().any(|b| b.bbox.x0 >= boundary - slack && b.bbox.center_x() >= boundary)
            })
            .count();
        let crossing = lines
            .iter()
            .filter(|ws| ws.iter().any(|w| w.bbox.x0 < boundary - slack && w.bbox.x1 > boundary + slack))
            .count();
        (both >= MIN_RIVER_LINES && crossing * 4 <= both).then_some((boundary, field))
    })
}

/// Joins rules that continue one another on the same line (word processors
/// draw each cell's border separately): same position within a point and
/// ends within [`RULE_SNAP`].
fn join_collinear(mut rules: Vec<Rule>, horizontal: bool) -> Vec<Rule> {
    let pos = |r: &Rule| if horizontal { r.rect.center_y() } else { r.rect.center_x() };
    let start = |r: &Rule| if horizontal { r.rect.x0 } else { r.rect.y0 };
    let end = |r: &Rule| if horizontal { r.rect.x1 } else { r.rect.y1 };
    rules.sort_by(|a, b| pos(a).total_cmp(&pos(b)).then(start(a).total_cmp(&start(b))));
    let mut out: Vec<Rule> = Vec::new();
    for rule in rules {
        match out.iter_mut().rev().take(64).find(|r| {
            (pos(r) - pos(&rule)).abs() <= 1.0
                && start(&rule) <= end(r) + RULE_SNAP
                && end(&rule) >= start(r) - RULE_SNAP
        }) {
            Some(joined) => joined.rect = joined.rect.union(&rule.rect),
            None => out.push(rule),
        }
    }
    out
}

/// Snaps rule positions that lie within [`RULE_SNAP`] of each other.
fn snap(mut xs: Vec<f64>) -> Vec<f64> {
    xs.sort_by(f64::total_cmp);
    let mut out: Vec<f64> = Vec::new();
    for x in xs {
        match out.last() {
            Some(last) if x - last <= RULE_SNAP => {}
            _ => out.push(x),
        }
    }
    out
}

fn words_in(line: &Line, x0: f64, x1: f64) -> Vec<Word> {
    line.words.iter().filter(|w| w.bbox.center_x() >= x0 && w.bbox.center_x() < x1).cloned().collect()
}

impl<'a> PageLines<'a> {
    fn new(page: &'a Page) -> PageLines<'a> {
        let (horizontal, vertical): (Vec<Rule>, Vec<Rule>) = page.rules.iter().partition(|r| r.is_horizontal());
        PageLines {
            page,
            lines: group_lines(&page.words),
            horizontal: join_collinear(horizontal, true),
            vertical: join_collinear(vertical, false),
        }
    }

    /// Horizontal rules spanning at least `share` of `[x0, x1]`, as y positions.
    fn spanning_rules(&self, x0: f64, x1: f64, share: f64) -> Vec<f64> {
        let width = (x1 - x0).max(1.0);
        snap(
            self.horizontal
                .iter()
                .filter(|r| (r.rect.x1.min(x1) - r.rect.x0.max(x0)) >= share * width)
                .map(|r| r.rect.center_y())
                .collect(),
        )
    }

    /// The lines right above line `index` (at most `most`), top first, made
    /// of header words and set like it, each less than 0.8 font sizes above
    /// the next: the first lines of taller headers in a band whose cells are
    /// centred vertically.
    fn header_words_above(&self, index: usize, most: usize) -> Vec<&Line> {
        let Some(line) = self.lines.get(index) else { return Vec::new() };
        let size = line.font_size();
        let mut band: Vec<&Line> = Vec::new();
        let mut top = line.bbox.y0;
        for above in self.lines.get(index.saturating_sub(most)..index).unwrap_or_default().iter().rev() {
            let close = top - above.bbox.y1 < 0.8 * size;
            // Every word a header's, or, beside headers the vocabulary does
            // not know, a phrase that opens a known one (`Mesures de` beside
            // `Date de mise à`), or phrases in the gaps of the header line
            // that go on under it (`Date de mise à` / `jour`).
            let header_words = above.words.iter().all(|w| fields::is_header_word(&w.text))
                || above
                    .phrases(PHRASE_GAP * size)
                    .iter()
                    .any(|p| p.words.len() > 1 && fields::opens_field_name(&p.text()))
                || fills_header_gaps(above, line, self.lines.get(index + 1), size);
            if !close || !header_words || above.is_bold() != line.is_bold() {
                break;
            }
            band.insert(0, above);
            top = above.bbox.y0;
        }
        band
    }

    /// Whether line `index` is a header's line: on its own, or with the
    /// lines of header words right above it, set alike, that a band of
    /// vertically centred headers puts there (`Catégories de` and `Durée
    /// de` over the line of `Intitulé` and `Transferts`, a table too narrow
    /// for three headers to share a line).
    fn opens_header(&self, index: usize) -> bool {
        let Some(line) = self.lines.get(index) else { return false };
        if is_header_line(line, &self.vertical) {
            return true;
        }
        let above = self.header_words_above(index, CENTRED_HEADER_LINES);
        if above.is_empty() {
            return false;
        }
        let mut words = line.words.clone();
        words.extend(above.iter().flat_map(|l| l.words.iter().cloned()));
        words.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
        line_of(words).is_some_and(|band| is_header_line(&band, &self.vertical))
    }

    /// The header: its first line, found by vocabulary, and the lines that
    /// continue it. `max_lines` caps the band at the height the header had
    /// on the table's first page: where a page repeats the header, the
    /// rest of a row split across the page may follow it, with nothing in
    /// the first column either.
    fn find_header(&self, max_lines: Option<usize>, proven: &[&'static str]) -> Option<Header> {
        let found = (0..self.lines.len()).find(|&i| self.opens_header(i))?;
        // A band of vertically centred headers whose taller ones alone read
        // as a header (`Date de mise à`, `Responsable de`, `Catégories de`
        // over `Intitulé` and `Base légale`, which a text rendering sets on a
        // line of their own): the band's middle line, whose gaps the line
        // found fills and whose headers go on under it, is the header line:
        // its phrases read as headers, one known at least, and it holds the
        // first column, left of the line found (the band's first line and
        // middle line tell columns by the first one's end).
        let size = self.lines.get(found)?.font_size();
        // A phrase in lower case goes on a known taller header from the
        // lines above (`traitement (et co-` under `Responsable de`).
        let above_found: Vec<&Line> =
            self.header_words_above(found, CENTRED_HEADER_LINES).into_iter().chain(self.lines.get(found)).collect();
        let goes_on_above = |p: &Line| {
            above_found
                .iter()
                .flat_map(|l| l.words.iter())
                .any(|w| w.bbox.overlaps_x(&p.bbox) && fields::is_header_start(&w.text))
        };
        let reads_as_headers = |line: &Line| {
            let phrases = header_phrases(line, &self.vertical);
            phrases.iter().all(|p| p.text().starts_with(char::is_uppercase) || goes_on_above(p))
                && phrases.iter().any(|p| fields::is_header_start(&p.text()))
        };
        let index = match (self.lines.get(found), self.lines.get(found + 1)) {
            (Some(line), Some(next))
                if next.bbox.x0 < line.bbox.x0
                    && reads_as_headers(next)
                    && fills_header_gaps(line, next, self.lines.get(found + 2), size) =>
            {
                found + 1
            }
            _ => found,
        };
        let first = self.lines.get(index)?;
        let span = (first.bbox.x0, first.bbox.x1.max(first.bbox.x0 + 1.0));
        let rules = self.spanning_rules(span.0, span.1, ROW_RULE_SPAN);
        // Lines right above the line found, made of header words, are the
        // first lines of taller headers in a band whose cells are centred
        // vertically (`Personnes` over `concernées`, level with `N°`).
        let mut band: Vec<&Line> = self.header_words_above(index, index);
        band.push(first);
        let band_top = band.first().map_or(first.bbox.y0, |l| l.bbox.y0);
        let top = rules.iter().copied().filter(|y| *y <= band_top + 1.0).fold(band_top - 1.0, f64::max);
        let first_column_end = header_phrases(first, &self.vertical).first().map_or(first.bbox.x0, |p| p.bbox.x1);
        // The first header's words, which a fragment under them may end
        // (`Référen` / `ce`).
        let first_words_above: Vec<String> =
            first.words.iter().filter(|w| w.bbox.x0 < first_column_end).map(|w| w.text.clone()).collect();
        // The rule under the header closes its band, unless a row's text
        // comes first: a word under the first header that no header uses
        // (shaded rows draw their edges under the first row, and a row
        // centred vertically puts its first lines level with the header's
        // last ones).
        let opens_row = |line: &Line| {
            line.words.iter().any(|w| {
                w.bbox.x0 < first_column_end
                    && w.text.chars().any(char::is_alphanumeric)
                    && !fields::is_header_word(&w.text)
            })
        };
        let rule_below = rules
            .iter()
            .copied()
            .find(|y| *y >= first.bbox.y1 - 1.0)
            .filter(|y| !self.lines.iter().skip(index + 1).take_while(|l| l.bbox.center_y() < *y).any(opens_row));
        // A header cell's lines stay in its column: a phrase running from
        // one header cell of the first line into the next one's (a section
        // heading right under the header, set bold like it) ends the band,
        // unless its words are all header words or their cut starts (under
        // a justified header, `Nom      du` / `traitement`, `Durée    de` /
        // `conservatio`).
        let header_cells = header_phrases(first, &self.vertical);
        let known = |w: &Word| fields::is_header_word(&w.text) || fields::begins_header_word(&w.text);
        // In narrow cells, a header's next line may run its cells' pieces
        // together (`collectées res` under `Données` and `Destinatai`): a
        // piece under each header cell, each opening in lower case or with
        // a header word, goes on those headers; a heading opens on a capital.
        let goes_on_each_header_cell = |p: &Line| {
            let mut cell_opened = None;
            p.words.iter().all(|w| {
                let cell = header_cells.iter().rposition(|c| c.bbox.x0 <= w.bbox.x0 + 1.0);
                let opens_piece = cell_opened != Some(cell);
                cell_opened = Some(cell);
                !opens_piece || w.text.starts_with(char::is_lowercase) || known(w)
            })
        };
        let crosses_header_cells = |line: &Line| {
            line.phrases(PHRASE_GAP * size).iter().any(|p| {
                let crosses = header_cells.windows(2).any(|pair| match pair {
                    [a, b] => p.bbox.x0 < a.bbox.x1 && p.bbox.x1 > b.bbox.x0,
                    _ => false,
                });
                crosses && !p.words.iter().all(known) && !goes_on_each_header_cell(p)
            })
        };
        let mut bottom = first.bbox.y1;
        for (k, line) in self.lines.iter().enumerate().skip(index + 1) {
            if max_lines.is_some_and(|n| band.len() >= n) {
                break;
            }
            let inside = match rule_below {
                Some(y) => line.bbox.center_y() < y,
                None => {
                    let same_style = line.is_bold() == first.is_bold() && first.is_bold();
                    let header_words = line.words.iter().all(|w| fields::is_header_word(&w.text));
                    // A header cell's next line, with nothing under the
                    // first header but the rest of it (`N` / `°`), or with
                    // nothing there and header words (`données s hors UE`,
                    // a header word cut at its cell's edge): a body row
                    // starts in the first column, or, centred vertically,
                    // with text of its own.
                    let under_first: Vec<&Word> = line.words.iter().filter(|w| w.bbox.x0 < first_column_end).collect();
                    // Fragments and short words say little either way; a
                    // header may be qualified by words of its own
                    // (`concernées éventuels`), so half of them known will do.
                    let long: Vec<&Word> = line
                        .words
                        .iter()
                        .filter(|w| w.text.chars().filter(|c| c.is_alphanumeric()).count() >= 3)
                        .collect();
                    // A word's end after a hyphen the line above broke it at
                    // (`traite-` / `ment`) is known with it.
                    let above: &[Word] = band.last().map_or(&[], |l| l.words.as_slice());
                    let completes =
                        |w: &Word| above.iter().any(|a| fields::hyphenated_header_word(&a.text, &w.text).is_some());
                    // In narrow cells a header word may be cut anywhere
                    // (`Donnée` / `s` / `sensibl` / `es`): its start, or its
                    // end under the line above, is known too.
                    let ends_word_above =
                        |w: &Word| above.iter().any(|a| fields::completes_header_word(&a.text, &w.text));
                    let known = long
                        .iter()
                        .filter(|w| {
                            fields::is_header_word(&w.text) || fields::begins_header_word(&w.text) || completes(w)
                        })
                        .count();
                    // A header cell's next line goes on in lower case under
                    // its text (`s` / `sensibl` / `n`, `(en mois)` after its
                    // parenthesis): a row's first line opens its cells with
                    // capitals or figures.
                    // Under any line of the band: a taller header's last
                    // line goes on under its first, over the band's middle
                    // line (`Date de mise à` / `jour`).
                    let under_above =
                        |w: &Word| band.iter().flat_map(|l| l.words.iter()).any(|a| w.bbox.overlaps_x(&a.bbox));
                    let goes_on_lower = !line.words.is_empty()
                        && line.words.iter().all(|w| {
                            under_above(w)
                                && w.text
                                    .chars()
                                    .find(|c| c.is_alphanumeric())
                                    .is_some_and(|c| c.is_lowercase() || ends_word_above(w))
                        });
                    // The band's middle line, in the gaps of its first one
                    // whose headers go on under it (`Observations` beside
                    // `Nom du` and `Personnes`, over `traitement` and
                    // `concernées`): headers of one line, whatever the
                    // vocabulary knows of them.
                    let middle_line = band.len() == 1
                        && band.first().is_some_and(|top| fills_header_gaps(top, line, self.lines.get(k + 1), size));
                    let continues = if middle_line {
                        true
                    } else if under_first.is_empty() {
                        known * 2 >= long.len() && !long.is_empty() || goes_on_lower
                    } else {
                        under_first.iter().all(|w| {
                            fields::is_header_word(&w.text)
                                || !w.text.chars().any(char::is_alphanumeric)
                                || first_words_above.iter().any(|above| fields::completes_header_word(above, &w.text))
                        })
                    };
                    // A phrase opening with a capital under a header that
                    // already names a field whole is a row's text that
                    // starts right under the header (a cell centred in a
                    // tall row), not more of that header.
                    let under_whole_header = line.phrases(PHRASE_GAP * size).iter().any(|p| {
                        let opens_capital = p.text().chars().next().is_some_and(char::is_uppercase);
                        let header_text: Vec<&str> = band
                            .iter()
                            .flat_map(|l| l.words.iter())
                            .filter(|w| w.bbox.overlaps_x(&p.bbox))
                            .map(|w| w.text.as_str())
                            .collect();
                        opens_capital && fields::field_named(&header_text.join(" ")).is_some()
                    });
                    // A line going on headers in lower case (`traitement`,
                    // `conservation`) is the header's, capitals and all
                    // (`UE` under `Transferts hors`): a row opens its cells
                    // with capitals or figures.
                    let goes_on_headers = line.phrases(PHRASE_GAP * size).iter().any(|p| {
                        p.text().starts_with(char::is_lowercase)
                            && band.iter().flat_map(|l| l.words.iter()).any(|w| w.bbox.overlaps_x(&p.bbox))
                    });
                    line.bbox.y0 - bottom < 0.8 * size
                        && (same_style || header_words || continues)
                        && !crosses_header_cells(line)
                        && (!under_whole_header || goes_on_headers)
                }
            };
            if !inside {
                break;
            }
            bottom = line.bbox.y1;
            band.push(line);
        }
        let bottom = rule_below.unwrap_or(bottom + 0.5);
        let (columns, river_fields) = self.header_columns(&band, top, bottom, proven)?;
        Some(Header { top, bottom, columns, lines: band.len(), river_fields })
    }

    /// The header band's columns, and the known fields a body river parted
    /// from the header words before them (any in `proven` part so without
    /// the body's evidence: another page showed it).
    fn header_columns(
        &self,
        band: &[&Line],
        top: f64,
        bottom: f64,
        proven: &[&'static str],
    ) -> Option<(Vec<Column>, Vec<&'static str>)> {
        let groups = header_groups(band, &self.vertical);
        let mid = (top + bottom) / 2.0;
        let crossing: Vec<f64> = snap(
            self.vertical.iter().filter(|r| r.rect.y0 <= mid && r.rect.y1 >= mid).map(|r| r.rect.center_x()).collect(),
        );
        let mut bounds: Vec<(f64, f64)> = Vec::new();
        let mut river_fields = Vec::new();
        // Rules divide the header when they leave one group of words in
        // most intervals; a justified header cell (`Mesures      de`) may
        // leave two, which are one header.
        let per_interval: Vec<usize> = crossing
            .windows(2)
            .map(|w| {
                let [a, b] = [w.first().copied().unwrap_or(0.0), w.last().copied().unwrap_or(0.0)];
                groups.iter().filter(|g| g.center_x() > a && g.center_x() < b).count()
            })
            .collect();
        let single = per_interval.iter().filter(|n| **n == 1).count();
        let filled = per_interval.iter().filter(|n| **n >= 1).count();
        let ruled = filled >= MIN_HEADER_CELLS && single * 3 >= filled * 2
            || crossing.len() >= 2 && per_interval.iter().all(|n| *n <= 1);
        if ruled {
            // A table ruled inside only (no frame) has header cells left of
            // its first rule and right of its last: those columns end at
            // the rule, and reach as far out as the page.
            let (Some(&first), Some(&last)) = (crossing.first(), crossing.last()) else { return None };
            if let Some(x0) = groups.iter().filter(|g| g.center_x() < first).map(|g| g.x0).reduce(f64::min) {
                bounds.push((x0, first));
            }
            for w in crossing.windows(2) {
                if let [a, b] = *w
                    && groups.iter().any(|g| g.center_x() > a && g.center_x() < b)
                {
                    bounds.push((a, b));
                }
            }
            if groups.iter().any(|g| g.center_x() > last) {
                bounds.push((last, self.page.width));
            }
        } else {
            let body: Vec<&Line> = self.lines.iter().filter(|l| l.bbox.y0 >= bottom).collect();
            let (groups, fields) = split_at_body_rivers(&groups, band, &body, self.page.width, proven);
            river_fields = fields;
            for (i, g) in groups.iter().enumerate() {
                let next = groups.get(i + 1).map_or(self.page.width, |n| n.x0);
                bounds.push((g.x0, next));
            }
        }
        if bounds.len() < MIN_HEADER_CELLS {
            return None;
        }
        // A label over several columns (ruled `Catégories` over `Personnes
        // concernées` and `Données collectées`): on its line, no rule parts
        // columns that rules part on a header line below. It heads every
        // column it spans. Per band line: each such span and its words.
        let covers = |x: f64, y: f64| {
            self.vertical.iter().any(|r| (r.rect.center_x() - x).abs() <= RULE_SNAP && r.rect.y0 <= y && r.rect.y1 >= y)
        };
        let labels_apart = if ruled { Vec::new() } else { labels_set_apart(band, &bounds) };
        let spanning: Vec<Vec<(f64, f64, Vec<Word>)>> = band
            .iter()
            .enumerate()
            .map(|(i, line)| {
                if !ruled {
                    return labels_apart
                        .iter()
                        .filter(|label| label.lines.contains(&i))
                        .map(|label| (label.x0, label.x1, words_in(line, label.x0, label.own_x1)))
                        .filter(|(_, _, words)| !words.is_empty())
                        .collect();
                }
                let y = line.bbox.center_y();
                let below = band.get(i + 1..).unwrap_or_default();
                let mut spans: Vec<(f64, f64)> = Vec::new();
                for &(x0, x1) in &bounds {
                    let joined = ruled && !covers(x0, y) && below.iter().any(|l| covers(x0, l.bbox.center_y()));
                    match spans.last_mut() {
                        Some(span) if joined => span.1 = x1,
                        _ => spans.push((x0, x1)),
                    }
                }
                spans
                    .into_iter()
                    .filter(|(x0, x1)| bounds.iter().filter(|(a, _)| a >= x0 && a < x1).count() > 1)
                    .map(|(x0, x1)| (x0, x1, words_in(line, x0, x1)))
                    .filter(|(_, _, words)| !words.is_empty())
                    .collect()
            })
            .collect();
        // A typesetter that hyphenates with a hyphen of its own cuts no word
        // at a cell's edge without one.
        let hyphenates = band.iter().flat_map(|l| l.words.iter()).any(|w| ends_in_added_hyphen(&w.text));
        let columns: Vec<Column> = bounds
            .iter()
            .map(|&(x0, x1)| {
                let mut header = String::new();
                let mut glue = false;
                let mut header_x1 = x0;
                let mut own_from = 0;
                for (line, labels) in band.iter().zip(&spanning) {
                    let spans_this = |(a, b, _): &&(f64, f64, Vec<Word>)| *a <= x0 && x1 <= *b;
                    for (_, _, words) in labels.iter().filter(spans_this) {
                        header.push_str(&join_words(words));
                        header.push(' ');
                        own_from = header.len();
                    }
                    let in_label =
                        |w: &Word| labels.iter().any(|(a, b, _)| w.bbox.center_x() >= *a && w.bbox.center_x() < *b);
                    let words: Vec<Word> = words_in(line, x0, x1).into_iter().filter(|w| !in_label(w)).collect();
                    let (Some(first), Some(last)) = (words.first(), words.last()) else { continue };
                    header_x1 = header_x1.max(last.bbox.x1);
                    let previous = header.rsplit(' ').next().unwrap_or("");
                    // A word filling its cell's line is cut only if the two
                    // parts are not header words each (`Personnes` /
                    // `concernées` in a narrow cell).
                    let whole_words = fields::is_header_word(previous) && fields::is_header_word(&first.text);
                    // A hyphen only a typesetter sets always broke its word.
                    let typeset_break = glue && ends_in_added_hyphen(previous);
                    let cut = typeset_break
                        || glue && !whole_words
                        || fields::completes_header_word(previous, &first.text)
                        || words.len() == 1 && fields::is_cut_tail(&first.text);
                    // A hyphen the typesetter added inside a header word
                    // (`con-` / `cernées`) goes with the break.
                    let added_hyphen = glue && fields::hyphenated_header_word(previous, &first.text).is_some();
                    if !header.is_empty() && !cut {
                        header.push(' ');
                    }
                    if added_hyphen && header.ends_with('-') {
                        header.pop();
                    }
                    if typeset_break {
                        drop_added_hyphen(&mut header);
                    }
                    header.push_str(&join_words(&words));
                    // A single token reaching the cell's edge, or a final hyphen, breaks a word.
                    let right_limit = x1 - (first.bbox.x0 - x0).max(0.0);
                    let at_edge = words.len() == 1 && last.bbox.x1 >= right_limit - 0.7 * first.font_size;
                    glue = !last.space_after && (at_edge && !hyphenates || ends_in_word_hyphen(&last.text));
                }
                let key = header.get(own_from..).unwrap_or_default().trim().to_string();
                Column { header: header.trim_end().to_string(), key, x0, x1, header_x1 }
            })
            .collect();
        Some((columns, river_fields))
    }
}

/// How many line heights below a label's last line, top to top, the header
/// under it starts at least: a label stands a line or more apart, where a
/// header's next line follows one line height down.
const LABEL_GAP: f64 = 1.5;

/// A label over several columns of a header without rules, found by
/// [`labels_set_apart`]: the band lines it takes, the columns it spans
/// (`x0..x1`) and the end of the column it is printed in (`own_x1`).
struct SpanningLabel {
    lines: std::ops::Range<usize>,
    x0: f64,
    x1: f64,
    own_x1: f64,
}

/// Labels over several columns in a header without rules (`Catégories`
/// over `Personnes concernées` and `Données collectées`): a header column
/// whose words leave a band line empty between a label and a header under
/// it, where the header under it starts on the same band line as the
/// headers of the columns right of it, which have nothing above: those
/// columns start lower than the band because the label heads them too.
/// Headers centred vertically in a band have no empty line inside; where
/// they interleave with shorter ones (a line of those between two of
/// theirs), their lines still follow one another a line apart, where a
/// label stands further above the header under it ([`LABEL_GAP`]).
fn labels_set_apart(band: &[&Line], bounds: &[(f64, f64)]) -> Vec<SpanningLabel> {
    let lines_with: Vec<Vec<bool>> =
        bounds.iter().map(|&(x0, x1)| band.iter().map(|l| !words_in(l, x0, x1).is_empty()).collect()).collect();
    let top = |i: usize| lines_with.get(i).and_then(|lines| lines.iter().position(|has| *has));
    let mut labels: Vec<SpanningLabel> = Vec::new();
    let mut i = 0;
    while i < bounds.len() {
        let (Some(lines), Some(&(x0, own_x1))) = (lines_with.get(i), bounds.get(i)) else { break };
        let label_end = lines.iter().position(|has| !has).filter(|end| *end > 0);
        let under = label_end.and_then(|end| lines.iter().skip(end).position(|has| *has).map(|k| end + k));
        let (Some(label_end), Some(under)) = (label_end, under) else {
            i += 1;
            continue;
        };
        // The column's own next line under that header: where it steps
        // down as far as the header stands under the label, the column's
        // lines interleave with other headers' (a text rendering puts
        // headers centred in a band on alternate lines: `Nom du` /
        // `traite‐` / `ment` between `Personnes` / `concernées`), and the
        // gap is no label's.
        let next_own = lines.iter().skip(under + 1).position(|has| *has).and_then(|k| band.get(under + 1 + k));
        let set_apart = match (band.get(label_end - 1), band.get(under)) {
            (Some(last), Some(next)) => {
                let gap = next.bbox.y0 - last.bbox.y0;
                let interleaved =
                    next_own.is_some_and(|own| own.bbox.y0 - next.bbox.y0 >= gap - 0.25 * last.bbox.height());
                gap > LABEL_GAP * last.bbox.height() && !interleaved
            }
            _ => false,
        };
        if !set_apart {
            i += 1;
            continue;
        }
        let spanned = (i + 1..bounds.len()).take_while(|&j| top(j) == Some(under)).count();
        if spanned == 0 {
            i += 1;
            continue;
        }
        let x1 = bounds.get(i + spanned).map_or(own_x1, |b| b.1);
        labels.push(SpanningLabel { lines: 0..label_end, x0, x1, own_x1 });
        i += spanned + 1;
    }
    labels
}

/// Moves the columns carried over to a page that does not print the
/// header into the page's own gutters: a text rendering sets each page's
/// columns apart, where its own lines put them (`pdftotext -layout` scales
/// every page on its own, so a page's columns may sit characters away from
/// the page before's). A gutter is a run of x that no word of the page's
/// rows covers, wider than the gap between phrases; the boundaries take the
/// gutters in order, each the one its column then starts nearest to (see
/// [`match_gutters`]). Columns the page's lines fit (fewer than
/// [`MISFIT_TO_ANCHOR`] of them crossing a boundary, headings and notes
/// aside, as on every page of a PDF table) stay: justified lines, whose
/// wide spaces part one cell's words, need not leave the gutters clear.
fn anchor_to_gutters(columns: &mut [Column], lines: &[&Line]) {
    // A heading or a note runs across the columns whatever they are.
    let rows: Vec<&Line> = lines.iter().copied().filter(|l| !full_width(l, columns, &[])).collect();
    let crossing = rows.iter().filter(|l| crosses_columns(l, columns, &[])).count();
    if (crossing as f64) < MISFIT_TO_ANCHOR * lines.len() as f64 {
        return;
    }
    let Some(font) = rows.first().map(|l| l.font_size()) else { return };
    // Gutters for every boundary settle the columns. Where the rendering
    // hid some (neighbouring cells run a space apart), the lines that
    // show where each column starts set them (see [`page_column_starts`]);
    // they come second as a justified cell's wide spaces may part its
    // words as columns part.
    if move_into_gutters(columns, &rows, font) {
        return;
    }
    if let Some(starts) = page_column_starts(&rows, columns.len(), font) {
        set_column_starts(columns, starts.into_iter().map(Some));
    }
}

/// Sets where each inner column starts (the column before ends there),
/// `None` leaving a boundary in place.
fn set_column_starts(columns: &mut [Column], starts: impl Iterator<Item = Option<f64>>) {
    for (i, x) in starts.enumerate() {
        if let Some(x) = x {
            set_boundary(columns, i + 1, x);
        }
    }
}

/// Sets where column `i` starts and the column before it ends.
fn set_boundary(columns: &mut [Column], i: usize, x: f64) {
    if let Some(c) = columns.get_mut(i) {
        c.x0 = x;
    }
    if let Some(c) = i.checked_sub(1).and_then(|before| columns.get_mut(before)) {
        c.x1 = x;
    }
}

/// Moves the boundaries of columns into a page's gutters (see
/// [`anchor_to_gutters`] and [`match_gutters`]); whether every boundary
/// found its gutter.
fn move_into_gutters(columns: &mut [Column], rows: &[&Line], font: f64) -> bool {
    let gutters = page_gutters(rows, PHRASE_GAP * font);
    let starts: Vec<f64> = columns.iter().skip(1).map(|c| c.x0).collect();
    let width = |c: &Column| c.x1 - c.x0;
    let limits: Vec<f64> = columns.iter().zip(columns.iter().skip(1)).map(|(a, b)| width(a).min(width(b))).collect();
    // The page may be set on a finer or coarser grid than the one the
    // columns come from (pdftotext scales each page to its own text): where
    // the columns as they are leave a boundary without its gutter, they are
    // also matched scaled so that one boundary falls on one gutter's end,
    // and the cheapest match that gives every boundary its gutter is kept,
    // its cost measured back on the columns' own scale. Scales are tried in
    // hundredths: at most a hundred matches a page.
    let (_, mut moves) = match_gutters(&starts, &limits, &gutters);
    if moves.contains(&None) {
        let mut scales: Vec<i64> = starts
            .iter()
            .filter(|s| **s > 0.0)
            .flat_map(|s| gutters.iter().map(move |(_, end)| end / s))
            .filter(|k| (MIN_PAGE_SCALE..=MAX_PAGE_SCALE).contains(k))
            .map(|k| (k * 100.0).round() as i64)
            .collect();
        scales.sort_unstable();
        scales.dedup();
        let mut best: Option<(f64, Vec<Option<f64>>)> = None;
        for scale in scales.into_iter().map(|k| k as f64 / 100.0) {
            let scaled = |v: &[f64]| v.iter().map(|x| x * scale).collect::<Vec<f64>>();
            let (cost, scaled_moves) = match_gutters(&scaled(&starts), &scaled(&limits), &gutters);
            if !scaled_moves.contains(&None) && best.as_ref().is_none_or(|(least, _)| cost / scale < *least) {
                best = Some((cost / scale, scaled_moves));
            }
        }
        if let Some((_, scaled_moves)) = best {
            moves = scaled_moves;
        }
    }
    let complete = !moves.contains(&None);
    set_column_starts(columns, moves.into_iter());
    complete
}

/// Where a page's inner columns start, read from its own lines, in a text
/// rendering that set them elsewhere than the page before (see
/// [`anchor_to_gutters`]). First from the lines that open a cell in every
/// column: as many phrases as columns, the first at the page's left edge
/// (a row's first line, each cell's first words side by side). A text
/// rendering pushes a phrase right of where its column starts when the
/// text before it runs long (and only rarely sets one a few characters
/// left, rounding widths line by line), so a column starts where the
/// earliest of its phrases does. Else, where no line shows every column,
/// from where the page's phrases start: as many distinct starts as
/// columns, the first at the left edge, are the columns' starts (a page
/// of one row, whose cells wrap onto different lines). `None` where the
/// page shows neither, or starts that do not rise column after column.
fn page_column_starts(lines: &[&Line], columns: usize, font: f64) -> Option<Vec<f64>> {
    if columns < 2 {
        return None;
    }
    let left = lines.iter().flat_map(|l| l.words.first()).map(|w| w.bbox.x0).fold(f64::INFINITY, f64::min);
    let tolerance = START_TOLERANCE * font;
    let at_left = |x: f64| (x - left).abs() <= tolerance;
    let line_starts: Vec<Vec<f64>> =
        lines.iter().map(|l| l.phrases(PHRASE_GAP * font).iter().map(|p| p.bbox.x0).collect::<Vec<f64>>()).collect();
    let openings: Vec<&Vec<f64>> = line_starts
        .iter()
        .filter(|starts| starts.len() == columns && starts.first().is_some_and(|x| at_left(*x)))
        .collect();
    let starts: Vec<f64> = if openings.is_empty() {
        let mut all: Vec<f64> = line_starts.into_iter().flatten().collect();
        all.sort_by(f64::total_cmp);
        let mut distinct: Vec<f64> = Vec::new();
        for x in all {
            if distinct.last().is_none_or(|last| x - last > tolerance) {
                distinct.push(x);
            }
        }
        if distinct.len() != columns || !distinct.first().is_some_and(|x| at_left(*x)) {
            return None;
        }
        distinct.into_iter().skip(1).collect()
    } else {
        let mut opened: Vec<f64> = (1..columns)
            .map(|i| openings.iter().filter_map(|o| o.get(i).copied()).fold(f64::INFINITY, f64::min))
            .collect();
        // Nothing sits left of the first column to push its phrases right:
        // a phrase past its start, on a line that does not open every
        // column, opens the second column.
        if let Some(second) = opened.first_mut() {
            *second = line_starts.iter().flatten().copied().filter(|x| *x > left + tolerance).fold(*second, f64::min);
        }
        opened
    };
    starts.windows(2).all(|w| matches!(w, [a, b] if a < b)).then_some(starts)
}

/// Bounds of the scale between a page's character grid and the grid the
/// columns carried over to it come from (see [`anchor_to_gutters`]).
const MIN_PAGE_SCALE: f64 = 0.6;
const MAX_PAGE_SCALE: f64 = 1.6;

/// The runs of x, between the leftmost and the rightmost word, that no
/// word of the lines (a list mark with its item) covers and that are wider
/// than `min_width`: where columns part.
fn page_gutters(lines: &[&Line], min_width: f64) -> Vec<(f64, f64)> {
    let mut spans: Vec<(f64, f64)> = lines.iter().flat_map(|l| word_spans(l)).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut gutters = Vec::new();
    let mut reach = f64::NEG_INFINITY;
    for (x0, x1) in spans {
        if reach.is_finite() && x0 - reach > min_width {
            gutters.push((reach, x0));
        }
        reach = reach.max(x1);
    }
    gutters
}

/// The x extents of a line's words, a list mark reaching its item's first
/// word's end:
/// a mark hangs before its item, often in the gutter, and goes with it.
fn word_spans(line: &Line) -> Vec<(f64, f64)> {
    let next_ends = line.words.iter().skip(1).map(|w| Some(w.bbox.x1)).chain([None]);
    line.words
        .iter()
        .zip(next_ends)
        .map(|(w, next)| match next {
            Some(x) if is_list_mark(&w.text) => (w.bbox.x0, x),
            _ => (w.bbox.x0, w.bbox.x1),
        })
        .collect()
}

/// For each boundary (where a column starts), the end of the gutter it
/// moves to, or `None` where it keeps its place: the gutters taken in
/// order, at most one per boundary, a boundary reaching only a gutter
/// within its `limit` (the width of its narrower column: a sparse page may
/// set its columns most of a column away), so as to move the boundaries
/// least in all, a boundary left in place counting its limit (a column left
/// empty on the page shows no gutter of its own); and that least cost.
fn match_gutters(starts: &[f64], limits: &[f64], gutters: &[(f64, f64)]) -> (f64, Vec<Option<f64>>) {
    let (n, m) = (starts.len(), gutters.len());
    // cost[i * (m + 1) + j]: least cost of the first i boundaries using the
    // first j gutters.
    let mut cost = vec![0.0f64; (n + 1) * (m + 1)];
    let at = |cost: &[f64], i: usize, j: usize| cost.get(i * (m + 1) + j).copied().unwrap_or(f64::INFINITY);
    let move_cost = |i: usize, j: usize| {
        let (limit, start) = (limits.get(i - 1).copied().unwrap_or(0.0), starts.get(i - 1).copied().unwrap_or(0.0));
        match j.checked_sub(1).and_then(|g| gutters.get(g)) {
            Some((_, end)) if (end - start).abs() < limit => (end - start).abs(),
            _ => f64::INFINITY,
        }
    };
    for i in 1..=n {
        let limit = limits.get(i - 1).copied().unwrap_or(0.0);
        for j in 0..=m {
            let kept = at(&cost, i - 1, j) + limit;
            let skipped = if j > 0 { at(&cost, i, j - 1) } else { f64::INFINITY };
            let moved = if j > 0 { at(&cost, i - 1, j - 1) + move_cost(i, j) } else { f64::INFINITY };
            if let Some(slot) = cost.get_mut(i * (m + 1) + j) {
                *slot = kept.min(skipped).min(moved);
            }
        }
    }
    let mut out = vec![None; n];
    let (mut i, mut j) = (n, m);
    while i > 0 {
        let limit = limits.get(i - 1).copied().unwrap_or(0.0);
        let here = at(&cost, i, j);
        if j > 0 && here == at(&cost, i, j - 1) {
            j -= 1;
        } else if here == at(&cost, i - 1, j) + limit {
            i -= 1;
        } else if let Some((_, end)) = j.checked_sub(1).and_then(|g| gutters.get(g)) {
            if let Some(slot) = out.get_mut(i - 1) {
                *slot = Some(*end);
            }
            i -= 1;
            j -= 1;
        } else {
            break;
        }
    }
    (at(&cost, n, m), out)
}

/// Share of a page's lines crossing the columns carried over from the page
/// before from which the page is taken to set its columns elsewhere.
const MISFIT_TO_ANCHOR: f64 = 0.1;

/// Share of a page's body lines crossing the columns its header marks from
/// which the header is taken to be set apart from the columns' edges (a
/// centred header): a text rendering that shifts a row by a character or
/// two makes some lines cross, not nearly all.
const HEADER_APART_CROSSING: f64 = 0.8;

/// How far (in font sizes) left of its column's text a text rendering
/// may set a header: `pdftotext -layout` runs a header up to the one
/// before it, one space apart, several characters left of its column.
const HEADER_SHIFT: f64 = FAR_ROW_SHIFT;

/// Whether the headers are set apart from their columns' left edges
/// (centred over them) where few lines cross them (short cells in wide
/// columns): at most inner columns, more of the body's phrases open between
/// the left header's text and the column's header (where a centred header
/// leaves its column's text) than open level with the header (where a
/// header at its column's edge and the column's text both start), and at
/// least two do.
fn texts_open_before_headers(columns: &[Column], lines: &[&Line]) -> bool {
    let Some(font) = lines.first().map(|l| l.font_size()) else { return false };
    let tolerance = START_TOLERANCE * font;
    let starts: Vec<f64> = lines.iter().flat_map(|l| l.phrases(PHRASE_GAP * font)).map(|p| p.bbox.x0).collect();
    let inner = columns.len().saturating_sub(1);
    let before = columns
        .windows(2)
        .filter(|pair| {
            let [left, this] = pair else { return false };
            let level = starts.iter().filter(|x| (**x - this.x0).abs() <= tolerance).count();
            let opening =
                starts.iter().filter(|x| **x > left.header_x1 + tolerance && **x < this.x0 - tolerance).count();
            opening >= 2 && opening > level
        })
        .count();
    inner > 0 && 2 * before > inner
}

/// Moves each inner boundary of columns whose headers sit at their edges
/// to where its column's text opens, where the text rendering set the
/// header left of it: the left column's phrases run past the header's
/// start (they open left of the middle between the two headers' starts)
/// and end within [`HEADER_SHIFT`] of it, fewer phrases open between that
/// middle and their end than run past (a row the rendering shifted left
/// may open there), and two lines or more open a phrase together past
/// them, within the shift. In a PDF a column's text never runs past the
/// next column's header. A phrase running on far past the header is a row
/// set one space from its next cell, and says nothing here.
fn move_to_hidden_gutters(columns: &mut [Column], lines: &[&Line]) {
    let Some(font) = lines.first().map(|l| l.font_size()) else { return };
    let phrases: Vec<Line> = lines.iter().flat_map(|l| l.phrases(PHRASE_GAP * font)).collect();
    let tolerance = START_TOLERANCE * font;
    for i in 1..columns.len() {
        let (Some(left), Some(this)) = (columns.get(i - 1), columns.get(i)) else { continue };
        let (start, reach) = (this.x0, this.x0 + HEADER_SHIFT * font);
        let middle = (left.x0 + start) / 2.0;
        let overflowing: Vec<f64> = phrases
            .iter()
            .filter(|p| p.bbox.x0 < middle && p.bbox.x1 > start + tolerance && p.bbox.x1 <= reach)
            .map(|p| p.bbox.x1)
            .collect();
        let overflow = overflowing.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let opening_inside = phrases.iter().filter(|p| p.bbox.x0 >= middle && p.bbox.x0 <= overflow).count();
        if !overflow.is_finite() || opening_inside >= overflowing.len() {
            continue;
        }
        let opening = phrases.iter().map(|p| p.bbox.x0).filter(|x| *x > overflow).fold(f64::INFINITY, f64::min);
        let opening_lines = phrases.iter().filter(|p| (p.bbox.x0 - opening).abs() <= tolerance).count();
        if opening > reach || opening_lines < 2 {
            continue;
        }
        set_boundary(columns, i, opening - 0.25 * font);
    }
}

/// Moves each inner boundary of columns whose headers mostly sit at their
/// edges left to where its column's text opens, where this one header is
/// centred over a wider column (`Finalité(s)` over `Assurer la prise en
/// charge`): two phrases or more, more than open level with the header,
/// open together between the left header's text and this header, and
/// fewer than a quarter as many of the left column's phrases run past that
/// opening (a gutter parts the two columns' texts there). Left as it was,
/// the boundary would cut every line of the column, and the fitting that
/// follows leaves such lines out.
fn open_columns_where_their_text_does(columns: &mut [Column], lines: &[&Line]) {
    let Some(font) = lines.first().map(|l| l.font_size()) else { return };
    let phrases: Vec<Line> = lines.iter().flat_map(|l| l.phrases(PHRASE_GAP * font)).collect();
    let tolerance = START_TOLERANCE * font;
    for i in 1..columns.len() {
        let (Some(left), Some(this)) = (columns.get(i - 1), columns.get(i)) else { continue };
        let between = |x: f64| x > left.header_x1 + tolerance && x < this.x0 - tolerance;
        let Some(opening) = phrases.iter().map(|p| p.bbox.x0).filter(|x| between(*x)).min_by(|a, b| a.total_cmp(b))
        else {
            continue;
        };
        let opening_there = phrases.iter().filter(|p| (p.bbox.x0 - opening).abs() <= tolerance).count();
        let level = phrases.iter().filter(|p| (p.bbox.x0 - this.x0).abs() <= tolerance).count();
        let running_past =
            phrases.iter().filter(|p| p.bbox.x0 < opening - tolerance && p.bbox.x1 > opening + tolerance).count();
        if opening_there < 2 || opening_there <= level || 4 * running_past >= opening_there {
            continue;
        }
        set_boundary(columns, i, opening - 0.25 * font);
    }
}

/// Moves the inner column boundaries of a table without vertical rules into
/// the whitespace gutters of its body: for each boundary, the least-covered
/// x position between the middle of the two headers' left edges (where
/// `headers_centred`, the end of the left header's text, as the boundary
/// may lie anywhere between the two texts) and the right header's left
/// edge, the rightmost one on a tie (the gutter ends where the right
/// column's text starts).
fn fit_gutters(columns: &mut [Column], body: &[&Line], headers_centred: bool) {
    let Some(last) = columns.last() else { return };
    let right = last.x1.max(1.0);
    let bins = (right.ceil() as usize).min(20_000);
    let mut coverage = vec![0u32; bins + 1];
    for line in body {
        for word in &line.words {
            let a = word.bbox.x0.max(0.0) as usize;
            let b = (word.bbox.x1.max(0.0) as usize).min(bins);
            for slot in coverage.iter_mut().take(b + 1).skip(a) {
                *slot += 1;
            }
        }
    }
    for i in 1..columns.len() {
        let (Some(left), Some(this)) = (columns.get(i - 1), columns.get(i)) else { continue };
        let from = if headers_centred { left.header_x1.min(this.x0) } else { (left.x0 + this.x0) / 2.0 };
        let lo = (from.max(0.0) as usize).min(bins);
        let hi = ((this.x0 + 2.0).max(0.0) as usize).min(bins);
        let window = coverage.get(lo..=hi).unwrap_or_default();
        let Some(&least) = window.iter().min() else { continue };
        let Some(k) = window.iter().rposition(|&c| c == least) else { continue };
        set_boundary(columns, i, (lo + k + 1) as f64);
    }
}

/// Whether a phrase of the line crosses an inner column boundary: text
/// that belongs to no single column (a section heading or a note).
/// A single word must reach half its font size into both columns, since
/// a word never runs over its own cell's edge; a phrase more than a
/// character of a text rendering (0.6 of its font size), which may set a
/// row's phrase a character over its column's edge.
fn crosses_columns(line: &Line, columns: &[Column], vertical: &[Rule]) -> bool {
    phrases(line, vertical).iter().any(|p| {
        let margin = if p.words.len() > 1 { 0.6 * p.font_size() } else { 0.5 * p.font_size() };
        columns.iter().skip(1).any(|c| p.bbox.x0 < c.x0 - margin && p.bbox.x1 > c.x0 + margin)
    })
}

/// A line that runs across the columns on its own (a section heading, a
/// note): one phrase crossing a column boundary. A row's line whose text
/// merely touches its neighbour's (a text rendering sets tight columns one
/// space apart) has other phrases beside it. Such a line opens in the
/// first column or is centred across the table: a phrase opening further
/// right is a row's cells run together.
fn full_width(line: &Line, columns: &[Column], vertical: &[Rule]) -> bool {
    let (Some(first), Some(last)) = (columns.first(), columns.last()) else { return false };
    let placed_as_heading = line.bbox.x0 < first.x1
        || (line.bbox.center_x() - (first.x0 + last.x1) / 2.0).abs() < CENTRED_HEADING_SLACK * (last.x1 - first.x0);
    placed_as_heading
        && phrases(line, vertical).len() == 1
        && crosses_columns(line, columns, vertical)
        && !parted_at_a_boundary(line, columns)
}

/// How far (as a share of the table's width) the middle of a line
/// centred across the table may lie from the table's middle.
const CENTRED_HEADING_SLACK: f64 = 0.1;

/// How much wider than the line's usual word gap (the median of its other
/// gaps) a gap at a column boundary must be to part two cells' text, not
/// two words of one phrase.
const CELL_GAP_FACTOR: f64 = 1.8;

/// The word gap taken as usual, in font sizes, where a line has no other
/// gap to show it: a space of a proportional font, a little more.
const USUAL_WORD_GAP: f64 = 0.35;

/// Whether a line's words part at an inner column boundary by a gap much
/// wider than its other word gaps ([`CELL_GAP_FACTOR`]): two cells set
/// closer than a phrase gap (a borderless table with narrow gutters whose
/// cell text runs up to its column's edge), not a heading across them.
fn parted_at_a_boundary(line: &Line, columns: &[Column]) -> bool {
    let gaps = word_gaps(line);
    let slack = 0.25 * line.font_size();
    gaps.iter().enumerate().any(|(k, &(from, to))| {
        let mut others: Vec<f64> =
            gaps.iter().enumerate().filter(|(j, _)| *j != k).map(|(_, (from, to))| to - from).collect();
        others.sort_by(f64::total_cmp);
        let usual = others.get(others.len() / 2).copied().unwrap_or(USUAL_WORD_GAP * line.font_size());
        let wide = to - from > CELL_GAP_FACTOR * usual.max(0.0);
        // A wider gap than usual after which the word starts right at the
        // column's start: a monospaced font's gutters are a space or two.
        let wider = to - from > ALIGNED_CELL_GAP_FACTOR * usual.max(0.0);
        columns.iter().skip(1).any(|c| {
            let at_boundary = c.x0 >= from - slack && c.x0 <= to + slack;
            at_boundary && (wide || wider && (to - c.x0).abs() <= slack)
        })
    })
}

/// How much wider than usual a gap must be to part two cells where the
/// word after it starts at its column's start.
const ALIGNED_CELL_GAP_FACTOR: f64 = 1.15;

/// How far apart (in font sizes) two word starts may lie and be one
/// column's start, within a row: a character of a text rendering.
const START_TOLERANCE: f64 = 0.55;

/// How far (in font sizes) a row may set a column's start from the table's
/// boundary: text renderings shift each row's columns by a few characters.
const ROW_SHIFT: f64 = 2.0;

/// How far left a row may set a column's start where many of its lines
/// share it ([`FAR_SHIFT_LINES`]): `pdftotext -layout` sets a row whose
/// cells run up to each other several characters left of the rest.
const FAR_ROW_SHIFT: f64 = 2.0 * ROW_SHIFT;

/// Lines of a row that must start a word at a column start beyond
/// [`ROW_SHIFT`] (with at most one at the boundary's side) to move the
/// boundary there.
const FAR_SHIFT_LINES: usize = 3;

/// The columns as one row sets them, in a table without vertical rules:
/// each inner boundary moves to just before a left edge its cells' lines
/// share in this row (starts within [`START_TOLERANCE`] font sizes), with
/// no word of the row across it, when that edge lies within [`ROW_SHIFT`]
/// font sizes of the boundary and more of the row's lines start a word
/// there than at the boundary's side (two lines or more, whose phrases
/// from there run past the boundary), or, where no phrase of the row
/// starts at or right of the boundary (within the shift), where one line
/// starts a phrase; or up to [`FAR_ROW_SHIFT`] left of the boundary, where
/// [`FAR_SHIFT_LINES`] lines start a word there, a phrase running past it
/// on one of them. `pdftotext -layout` sets some rows' columns a character
/// or more left of the others, one space from the column before.
fn align_to_row(block: &[&Line], columns: &[Column]) -> Vec<Column> {
    let mut out = columns.to_vec();
    let words: Vec<&Word> = block.iter().flat_map(|l| l.words.iter()).collect();
    let Some(font) = block.first().map(|l| l.font_size()) else { return out };
    // Starts this close are one: a text rendering rounds each line's start
    // to a character (half a font size), so a column's lines may start one
    // character apart (`Usagers du` over `service`).
    let tolerance = START_TOLERANCE * font;
    // A list mark and its item are one: no cut parts them.
    let spans: Vec<(f64, f64)> = block.iter().flat_map(|l| word_spans(l)).collect();
    let crosses = |x: f64| spans.iter().any(|(x0, x1)| *x0 < x - 0.05 * font && *x1 > x + 0.05 * font);
    // Lines starting a word within `tolerance` of x.
    let starting_at =
        |x: f64| block.iter().filter(|l| l.words.iter().any(|w| (w.bbox.x0 - x).abs() <= tolerance)).count();
    // Lines starting a word within `tolerance` of x whose phrase runs on
    // past `boundary`: the right cell's lines, set left of it, run into
    // its column; the left cell's last words stop short of it (in a text
    // rendering or a fixed-width font, word starts line up by chance).
    let running_past = |x: f64, boundary: f64| {
        block
            .iter()
            .filter(|l| {
                l.phrases(PHRASE_GAP * font)
                    .iter()
                    .any(|p| p.bbox.x1 > boundary && p.words.iter().any(|w| (w.bbox.x0 - x).abs() <= tolerance))
            })
            .count()
    };
    let phrase_starts: Vec<f64> = block.iter().flat_map(|l| l.phrases(PHRASE_GAP * font)).map(|p| p.bbox.x0).collect();
    for i in 1..out.len() {
        let Some(boundary) = out.get(i).map(|c| c.x0) else { continue };
        let window = ROW_SHIFT * font;
        let (left, right) = (
            out.get(i - 1).map_or(boundary - window, |c| c.x0 + font).max(boundary - window),
            out.get(i).map_or(boundary + window, |c| c.x1 - font).min(boundary + window),
        );
        // The start the boundary gives now: the leftmost word start right of it.
        let current = words.iter().map(|w| w.bbox.x0).filter(|x| *x >= boundary).fold(f64::INFINITY, f64::min);
        let current_count = if current.is_finite() { starting_at(current) } else { 0 };
        let opens_here = phrase_starts.iter().any(|x| *x >= boundary - tolerance && *x <= boundary + window);
        let far = FAR_ROW_SHIFT * font;
        let far_left = out.get(i - 1).map_or(boundary - far, |c| c.x0 + font).max(boundary - far);
        let best = words
            .iter()
            .map(|w| w.bbox.x0)
            .filter(|x| *x >= far_left && *x <= right && (*x - current).abs() > tolerance)
            .filter(|x| !crosses(*x))
            .map(|x| (starting_at(x), x))
            .filter(|(n, x)| {
                let near = *x >= left;
                near && running_past(*x, boundary) >= 2 && *n > current_count
                    || !near
                        && *n >= FAR_SHIFT_LINES
                        && running_past(*x, boundary) >= 1
                        && *n > current_count
                        && current_count <= 1
                    || near && !opens_here && *x < boundary && phrase_starts.iter().any(|p| (p - x).abs() <= tolerance)
            })
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        // The words a run-on phrase leaves to the right cell are the left
        // one's: the cut may go twice as far that way.
        let run_on_right = out.get(i).map_or(boundary + 2.0 * window, |c| c.x1 - font).min(boundary + 2.0 * window);
        // Where the lines' shared start leaves the first line's right cell
        // opening in lower case inside a phrase (`téléphone 6` / `ans à
        // compter`), the cell opens at the word just before that opens as
        // cells do.
        let best = match best {
            Some((_, x)) => {
                let before = (x - window).max(far_left);
                Some(phrase_cut_open(block, x - 0.25 * font, before, x - tolerance, font).unwrap_or(x))
            }
            None => phrase_cut_open(block, boundary, far_left, run_on_right, font)
                .or_else(|| second_phrase_start(block, &out, i, font).filter(|x| !crosses(*x))),
        };
        if let Some(x) = best {
            let cut = x - 0.25 * font;
            if let Some(c) = out.get_mut(i) {
                c.x0 = cut;
            }
            if let Some(c) = out.get_mut(i - 1) {
                c.x1 = cut;
            }
        }
    }
    out
}

/// A gap inside one line wider than this, in font sizes, is wider than
/// justified text stretches a cell's word spaces: it parts two cells.
const CELL_GAP: f64 = 3.0;

/// Where column `i` holds no word of the row, the start of a line's phrase
/// that follows another phrase of that line in column `i - 1`, more than
/// [`CELL_GAP`] after it: a text rendering set the row's cells so far left
/// of their columns (`humaines ; jury de        Aucun`) that a one-line
/// cell lies under its neighbour's header.
fn second_phrase_start(block: &[&Line], columns: &[Column], i: usize, font: f64) -> Option<f64> {
    let (left, right) = (columns.get(i.checked_sub(1)?)?, columns.get(i)?);
    let in_right = |w: &Word| w.bbox.center_x() >= right.x0 && w.bbox.center_x() < right.x1;
    if block.iter().flat_map(|l| l.words.iter()).any(in_right) {
        return None;
    }
    let in_left = |x: f64| x >= left.x0 && x < left.x1;
    block
        .iter()
        .filter_map(|l| {
            let starts: Vec<f64> =
                l.phrases(CELL_GAP * font).iter().map(|p| p.bbox.x0).filter(|x| in_left(*x)).collect();
            starts.get(1).copied()
        })
        .reduce(f64::min)
}

/// Where a row's first line runs on across a column boundary in one phrase
/// (a text rendering set the two cells one space apart: `usagers de la
/// voie 30 jours maximum`) and the boundary leaves a lower-case word to
/// open the right cell, the nearest word start within `left..right` that
/// opens like a cell (a capital or a figure) and follows a word on that
/// line: a cell's first line seldom opens in lower case (its next ones
/// often do). Words go to the side that holds their middle.
fn phrase_cut_open(block: &[&Line], boundary: f64, left: f64, right: f64, font: f64) -> Option<f64> {
    let first = block.first()?;
    let opens_cell = |w: &Word| opens_with_capital_or_figure(&w.text);
    // Whether a cut at `x` opens the right cell in lower case inside a phrase.
    let opens_lower = |x: f64| {
        let Some(i) = first.words.iter().position(|w| w.bbox.center_x() > x) else { return false };
        let (Some(before), Some(word)) = (i.checked_sub(1).and_then(|b| first.words.get(b)), first.words.get(i)) else {
            return false;
        };
        word.bbox.x0 - before.bbox.x1 <= PHRASE_GAP * font && word.text.chars().next().is_some_and(char::is_lowercase)
    };
    if !opens_lower(boundary) {
        return None;
    }
    first
        .words
        .iter()
        .skip(1)
        .filter(|w| w.bbox.x0 >= left && w.bbox.x0 <= right && opens_cell(w))
        .map(|w| w.bbox.x0)
        .min_by(|a, b| (a - boundary).abs().total_cmp(&(b - boundary).abs()))
}

/// The column of each word of each line of a row, `None` outside them: the
/// column holding the word's middle. In a table without vertical rules
/// (`ruled` false), a phrase running from one column into the next keeps
/// its tail (see [`overflowing_tails`]), and a one-line cell run on after
/// the cell before's first line opens its empty column (see
/// [`opening_of_empty_cell`]).
fn word_columns(lines: &[&Line], columns: &[Column], ruled: bool) -> Vec<Vec<Option<usize>>> {
    let column_of = |w: &Word| columns.iter().position(|c| w.bbox.center_x() >= c.x0 && w.bbox.center_x() < c.x1);
    let mut out: Vec<Vec<Option<usize>>> = lines.iter().map(|l| l.words.iter().map(column_of).collect()).collect();
    if ruled {
        return out;
    }
    let Some(font) = lines.first().map(|l| l.font_size()) else { return out };
    for column in 1..columns.len() {
        for (k, i, left) in overflowing_tails(lines, &out, column, font) {
            if let Some(slot) = out.get_mut(k).and_then(|l| l.get_mut(i)) {
                *slot = Some(left);
            }
        }
    }
    for column in 1..columns.len() {
        if let Some(from) = opening_of_empty_cell(lines, &out, columns, column, font) {
            for slot in out.first_mut().into_iter().flatten().skip(from) {
                if *slot == Some(column - 1) {
                    *slot = Some(column);
                }
            }
        }
    }
    out
}

/// Least lines of a cell below its first that show how far its lines
/// reach ([`opening_of_empty_cell`]).
const MIN_LINES_SHOWING_REACH: usize = 2;

/// Where a row opening on these lines leaves `column` empty, the word of
/// its first line from which the cell before holds that column's one-line
/// cell: a text rendering set the row's cells closer than the page's
/// columns, the one-line cell on the first line after the cell before's
/// words (`Permettre aux agents DNUM`, `Socle Solen      DNUM`). It is the
/// first word, not the cell's first, that opens like a cell (a capital or
/// a figure) and starts where the cell before's other lines (two or more)
/// end or past them, on a first line that runs up to the column (within a
/// phrase gap): a cell's first line is no longer than its others by a
/// whole word that opens a cell, and a cell keeps its padding from the
/// next column.
fn opening_of_empty_cell(
    lines: &[&Line],
    assigned: &[Vec<Option<usize>>],
    columns: &[Column],
    column: usize,
    font: f64,
) -> Option<usize> {
    // A row's part after a page break leaves finished cells empty: only a
    // part that opens its row (its first cell begins) says anything here.
    let opens_row = assigned.first().is_some_and(|a| a.contains(&Some(0)));
    if !opens_row || assigned.iter().flatten().any(|c| *c == Some(column)) {
        return None;
    }
    let left = Some(column - 1);
    let below: Vec<f64> = lines
        .iter()
        .zip(assigned)
        .skip(1)
        .filter_map(|(l, a)| {
            l.words.iter().zip(a).filter(|(_, c)| **c == left).map(|(w, _)| w.bbox.x1).reduce(f64::max)
        })
        .collect();
    if below.len() < MIN_LINES_SHOWING_REACH {
        return None;
    }
    let reach = below.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (first, first_columns) = (lines.first()?, assigned.first()?);
    let cell: Vec<(usize, &Word)> = first
        .words
        .iter()
        .zip(first_columns)
        .enumerate()
        .filter(|(_, (_, c))| **c == left)
        .map(|(i, (w, _))| (i, w))
        .collect();
    // The cell runs up to its column, where the rendering shifted it.
    let boundary = columns.get(column)?.x0;
    if cell.last().is_none_or(|(_, w)| w.bbox.x1 < boundary - PHRASE_GAP * font) {
        return None;
    }
    cell.iter()
        .skip(1)
        .find(|(_, w)| w.bbox.x0 >= reach - START_TOLERANCE * font && opens_with_capital_or_figure(&w.text))
        .map(|(i, _)| *i)
}

/// The words (line, word, the column their phrase opens in) that a text
/// rendering ran past the start of `column`'s cell from the column before,
/// one space after their phrase's words: where the rendering set a cell's
/// line left of its column (`personnes Direction générale de la Santé`),
/// the neighbour's lines below it may run past that start (`ressentis
/// ou`): a phrase whose words part no wider than the line's usual word
/// gap allows ([`CELL_GAP_FACTOR`]). Such a tail follows a line where the
/// cell has nothing and its phrase's column has text, below the cell's own
/// lines, which follow each other without a gap: a cell has no gap between
/// its lines. Where the cell or its neighbour leaves one, the row's cells
/// interleave their lines (set on different baselines) and say nothing.
fn overflowing_tails(
    lines: &[&Line],
    assigned: &[Vec<Option<usize>>],
    column: usize,
    font: f64,
) -> Vec<(usize, usize, usize)> {
    let mut tails = Vec::new();
    let mut own_lines: Vec<usize> = Vec::new();
    let left_goes_on = |k: usize, left: usize| assigned.get(k - 1).is_some_and(|l| l.contains(&Some(left)));
    for (k, (line, line_columns)) in lines.iter().zip(assigned).enumerate() {
        let mut gaps: Vec<f64> = word_gaps(line).iter().map(|(end, start)| start - end).collect();
        gaps.sort_by(f64::total_cmp);
        let usual = gaps.get(gaps.len() / 2).copied().unwrap_or(USUAL_WORD_GAP * font);
        let joins = |gap: f64| gap <= PHRASE_GAP * font && gap <= CELL_GAP_FACTOR * usual;
        let mut phrase_column: Option<usize> = None;
        let mut own = false;
        for (i, (word, word_column)) in line.words.iter().zip(line_columns).enumerate() {
            let joined = i > 0 && line.words.get(i - 1).is_some_and(|w| joins(word.bbox.x0 - w.bbox.x1));
            if !joined {
                phrase_column = *word_column;
            }
            if *word_column != Some(column) {
                continue;
            }
            match phrase_column {
                Some(left) if joined && left < column && k > 0 && left_goes_on(k, left) => tails.push((k, i, left)),
                _ => own = true,
            }
        }
        if own {
            own_lines.push(k);
        }
    }
    let (Some(&first), Some(&last)) = (own_lines.first(), own_lines.last()) else { return Vec::new() };
    if last - first + 1 != own_lines.len() {
        return Vec::new();
    }
    // A tail right under the cell's last line is the cell going on.
    let mut cell_end = last;
    tails.retain(|(k, _, _)| {
        if *k <= cell_end + 1 {
            cell_end = cell_end.max(*k);
            return false;
        }
        true
    });
    tails
}

/// Builds the parts of a row's cells on one page from the row's lines
/// (see [`word_columns`]).
fn row_parts(lines: &[&Line], columns: &[Column], ruled: bool, page: u32, leading: f64) -> Vec<Option<CellPart>> {
    let assigned = word_columns(lines, columns, ruled);
    (0..columns.len())
        .map(|col| {
            let mut cell_lines: Vec<CellLine> = Vec::new();
            let mut last_bottom: Option<f64> = None;
            for (line, line_columns) in lines.iter().zip(&assigned) {
                let words: Vec<Word> = line
                    .words
                    .iter()
                    .zip(line_columns)
                    .filter(|(_, c)| **c == Some(col))
                    .map(|(w, _)| w.clone())
                    .collect();
                let (Some(first), Some(last)) = (words.first(), words.last()) else { continue };
                let bbox = words.iter().fold(first.bbox, |b, w| b.union(&w.bbox));
                let starts_paragraph = last_bottom.is_some_and(|b| bbox.y1 - b > 1.2 * leading);
                cell_lines.push(CellLine {
                    text: join_words(&words),
                    bbox,
                    breaks_word: false,
                    hyphen_added: false,
                    starts_paragraph,
                    ends_with_space: last.space_after,
                });
                last_bottom = Some(bbox.y1);
            }
            let bbox = cell_lines.iter().map(|l| l.bbox).reduce(|a, b| a.union(&b))?;
            Some(CellPart { page, lines: cell_lines, bbox })
        })
        .collect()
}

/// The distance between consecutive lines of one cell, and the widest it
/// may be when rows are told apart by their gaps.
#[derive(Debug, Clone, Copy)]
struct Leading {
    /// The smallest distance between consecutive lines of a column that
    /// recurs (rows add their padding to it, and where most cells hold one
    /// line the row pitch is the commonest distance), or a lone one well
    /// under it.
    line: f64,
    /// The same, taken no wider than [`MAX_LINE_SPACING`] font sizes where
    /// all distances agree: they may all be row pitches (every cell one
    /// line), which must then still part rows.
    row: f64,
}

fn leading_of(lines: &[&Line], columns: &[Column]) -> Leading {
    let mut sizes: Vec<f64> = lines.iter().map(|l| l.font_size()).filter(|s| *s > 0.0).collect();
    sizes.sort_by(f64::total_cmp);
    let font = sizes.get(sizes.len() / 2).copied().unwrap_or(10.0);
    let mut deltas: Vec<f64> = Vec::new();
    for col in columns {
        let mut previous: Option<f64> = None;
        for line in lines {
            if line.words.iter().any(|w| w.bbox.center_x() >= col.x0 && w.bbox.center_x() < col.x1) {
                if let Some(p) = previous {
                    let d = line.bbox.y1 - p;
                    if d >= 0.8 * line.font_size() && d < 2.5 * line.font_size() {
                        deltas.push(d);
                    }
                }
                previous = Some(line.bbox.y1);
            }
        }
    }
    deltas.sort_by(f64::total_cmp);
    let recurring = (deltas.len() / 20).max(2);
    let cluster = (0..deltas.len()).find_map(|start| {
        let smallest = *deltas.get(start)?;
        let members: Vec<f64> = deltas.iter().copied().skip(start).take_while(|d| *d <= smallest * 1.12).collect();
        (members.len() >= recurring.min(deltas.len())).then_some(members)
    });
    let Some(cluster) = cluster else { return Leading { line: 1.2 * font, row: 1.2 * font } };
    let mut line = cluster.get(cluster.len() / 2).copied().unwrap_or(1.2 * font);
    // One cell of two lines among one-line cells is the only measure of
    // the spacing: a distance within a line's spacing of the font, well
    // under the recurring one (the row pitch), is taken though it is alone.
    if let Some(&smallest) = deltas.first()
        && smallest <= MAX_LINE_SPACING * font
        && smallest * 1.5 < line
    {
        line = smallest;
    }
    let row = if cluster.len() == deltas.len() { line.min(MAX_LINE_SPACING * font) } else { line };
    Leading { line, row }
}

/// For each row block of a ruled page, the columns where no rule parts it
/// from the block above: a cell merged across rows (a legal basis or
/// controller shared by consecutive activities), which word processors
/// print once, in the first row or in the middle of the merged ones. The
/// rule between two rows that runs under most columns is the row cut; a
/// column it leaves open is merged there.
fn merged_with_block_above(body: &Body, blocks: &[Vec<&Line>]) -> Vec<Vec<usize>> {
    let mut merged = vec![Vec::new(); blocks.len()];
    if body.row_rules.is_empty() {
        return merged;
    }
    for (k, pair) in blocks.windows(2).enumerate() {
        let [above, below] = pair else { continue };
        let (Some(last), Some(first)) = (above.last(), below.first()) else { continue };
        let (from, to) = (last.bbox.center_y(), first.bbox.center_y());
        let Some(cut) = body.row_rules.iter().copied().find(|y| *y > from && *y <= to) else { continue };
        let at_cut: Vec<&Rule> =
            body.page.horizontal.iter().filter(|r| (r.rect.center_y() - cut).abs() <= RULE_SNAP).collect();
        let open: Vec<usize> = body
            .columns
            .iter()
            .enumerate()
            .filter(|(_, column)| {
                let width = column.x1 - column.x0;
                let covered: f64 =
                    at_cut.iter().map(|r| (r.rect.x1.min(column.x1) - r.rect.x0.max(column.x0)).max(0.0)).sum();
                width > 0.0 && covered < MERGED_CELL_COVER * width
            })
            .map(|(c, _)| c)
            .collect();
        // A cut open under every column is no cut between rows.
        if open.len() < body.columns.len()
            && let Some(slot) = merged.get_mut(k + 1)
        {
            *slot = open;
        }
    }
    merged
}

/// Share of a column's width a row rule must run under for the column's
/// cells to be parted there.
const MERGED_CELL_COVER: f64 = 0.5;

/// Gives each row of a merged cell the merged cell's text: the parts of
/// every row it spans, in order. A column open at most of the table's
/// `row_cuts` is one its style leaves without row rules (inner rules that
/// start right of a number column), not a column of merged cells.
fn share_merged_cells(entries: &mut [Entry], row_cuts: usize) {
    let columns = entries.iter().filter_map(|e| if let Entry::Row(r) = e { r.merged_above.iter().max() } else { None });
    let Some(columns) = columns.max().copied() else { return };
    let open = |c: usize| entries.iter().filter(|e| matches!(e, Entry::Row(r) if r.merged_above.contains(&c))).count();
    let unruled: Vec<usize> = (0..=columns).filter(|&c| row_cuts >= 2 && open(c) * 2 > row_cuts).collect();
    for entry in entries.iter_mut() {
        if let Entry::Row(row) = entry {
            row.merged_above.retain(|c| !unruled.contains(c));
        }
    }
    let merged_above = |e: Option<&Entry>, c: usize| matches!(e, Some(Entry::Row(r)) if r.merged_above.contains(&c));
    for c in 0..=columns {
        let mut start = 0;
        while start < entries.len() {
            let end = (start + 1..entries.len()).find(|&i| !merged_above(entries.get(i), c)).unwrap_or(entries.len());
            if end - start > 1 {
                let run = entries.get_mut(start..end).unwrap_or_default();
                let shared: Vec<CellPart> = run
                    .iter()
                    .filter_map(|e| if let Entry::Row(r) = e { r.cells.get(c) } else { None })
                    .flatten()
                    .cloned()
                    .collect();
                for entry in run.iter_mut() {
                    if let Entry::Row(row) = entry
                        && let Some(cell) = row.cells.get_mut(c)
                    {
                        cell.clone_from(&shared);
                    }
                }
            }
            start = end;
        }
    }
}

/// Adds a page's parts to a row.
fn extend_row(row: &mut Row, parts: Vec<Option<CellPart>>, page: u32) {
    if row.cells.len() < parts.len() {
        row.cells.resize(parts.len(), Vec::new());
    }
    let mut any = false;
    for (cell, part) in row.cells.iter_mut().zip(parts) {
        if let Some(part) = part {
            cell.push(part);
            any = true;
        }
    }
    if any && !row.pages.contains(&page) {
        row.pages.push(page);
    }
}

/// Share of the cells of a table's rows, a page's first rows aside, that
/// are empty or open in lower case, under which a page's first row with
/// its cells mostly so is the row above going on (its first cell going on
/// with a capital: a proper noun, an acronym, a new paragraph).
const CONTINUED_LOOKING_CELLS: f64 = 0.25;

/// How many of a row's cells look continued (empty, or opening on a
/// lower-case letter) and how many look new (opening on a capital); cells
/// opening otherwise, on a digit or a mark, say nothing.
fn opening_cases(row: &Row) -> (usize, usize) {
    let first_letters = row.cells.iter().map(|cell| cell.first().and_then(|p| p.lines.first()?.text.chars().next()));
    first_letters.fold((0, 0), |(continued, new), c| match c {
        None => (continued + 1, new),
        Some(c) => (continued + usize::from(c.is_lowercase()), new + usize::from(c.is_uppercase())),
    })
}

/// Whether `top`, a page's first row, holds text only in the columns where
/// `above`, the row before it on the page before, reached its bottom, and
/// none where `above` stopped short of it: the cells a page break cut go
/// on, those that had finished are absent. A new row has no reason to
/// leave empty just the cells where the row above was short.
fn continues_cut_cells(above: &Row, top: &Row) -> bool {
    let Some(&page) = above.pages.iter().max() else { return false };
    let bottoms: Vec<Option<f64>> = above
        .cells
        .iter()
        .map(|cell| cell.iter().filter(|part| part.page == page).map(|part| part.bbox.y1).reduce(f64::max))
        .collect();
    let line_height = above
        .cells
        .iter()
        .flatten()
        .filter(|part| part.page == page)
        .flat_map(|part| part.lines.iter())
        .map(|line| line.bbox.height())
        .fold(0.0, f64::max);
    let Some(bottom) = bottoms.iter().flatten().copied().reduce(f64::max) else { return false };
    let reached: Vec<bool> = bottoms.iter().map(|b| b.is_some_and(|b| b >= bottom - 0.5 * line_height)).collect();
    let present: Vec<bool> =
        (0..reached.len()).map(|c| top.cells.get(c).is_some_and(|cell| !cell.is_empty())).collect();
    let extra = top.cells.iter().skip(reached.len()).any(|cell| !cell.is_empty());
    reached.contains(&false)
        && present.contains(&true)
        && !extra
        && reached.iter().zip(&present).all(|(reached, present)| *reached || !*present)
}

/// Joins to the row above each row of `page_top_rows` (indices into
/// `entries`) that has more cells looking continued than new (see
/// [`opening_cases`]), where the table's other rows seldom have such cells
/// (fewer than [`CONTINUED_LOOKING_CELLS`] of them), or that goes on only
/// in the cells the page break cut ([`continues_cut_cells`]): a row cut by
/// the page break, going on under the header with its cells cut
/// mid-sentence or finished. A page's first row that is one first-column
/// line set as the register's other headings opens a section instead.
fn join_continued_rows(entries: &mut Vec<Entry>, page_top_rows: &[usize]) {
    let tops: HashSet<usize> = page_top_rows.iter().copied().collect();
    let (mut continued, mut counted) = (0usize, 0usize);
    for (i, entry) in entries.iter().enumerate() {
        if let Entry::Row(row) = entry
            && !tops.contains(&i)
        {
            let (c, n) = opening_cases(row);
            continued += c;
            counted += c + n;
        }
    }
    let cases_tell = counted > 0 && (continued as f64) < CONTINUED_LOOKING_CELLS * counted as f64;
    let goes_on = |row: &Row| {
        let (continued, new) = opening_cases(row);
        cases_tell && continued > new
    };
    let heading_forms = section_forms(entries);
    // A page's first row (or the table's) that is one line of the first
    // column, with a row opening under it on the page, heads a section
    // where it is set as the register's other headings are (`Domaine 14`
    // beside `Domaine 17`): a text rendering keeps no style to tell it from
    // a title's last line that the page break cut.
    let lone_lines: Vec<(usize, &str)> = page_top_rows
        .iter()
        .copied()
        .chain(entries.first().is_some_and(|e| matches!(e, Entry::Row(_))).then_some(0))
        .filter_map(|i| {
            let Some(Entry::Row(row)) = entries.get(i) else { return None };
            let text = lone_first_cell_line(row)?;
            let row_follows =
                matches!(entries.get(i + 1), Some(Entry::Row(next)) if next.pages.first() == row.pages.first());
            row_follows.then_some((i, text))
        })
        .collect();
    let mut lone_forms: HashMap<&str, usize> = HashMap::new();
    for form in lone_lines.iter().filter_map(|(_, text)| heading_form(text)) {
        *lone_forms.entry(form).or_default() += 1;
    }
    let heads_section: HashSet<usize> = lone_lines
        .iter()
        .filter(|(_, text)| {
            heading_form(text)
                .is_some_and(|form| heading_forms.contains(form) || lone_forms.get(form).is_some_and(|n| *n >= 2))
        })
        .map(|(i, _)| *i)
        .collect();
    let mut joined: Vec<Entry> = Vec::with_capacity(entries.len());
    for (i, entry) in std::mem::take(entries).into_iter().enumerate() {
        if heads_section.contains(&i)
            && let Entry::Row(row) = &entry
            && let Some(text) = lone_first_cell_line(row)
        {
            let page = row.pages.first().copied().unwrap_or_default();
            joined.push(Entry::Section { text: text.to_string(), page });
            continue;
        }
        let continues = tops.contains(&i)
            && match (&entry, joined.last()) {
                (Entry::Row(row), Some(Entry::Row(above))) => goes_on(row) || continues_cut_cells(above, row),
                _ => false,
            };
        if !continues {
            joined.push(entry);
        } else if let (Entry::Row(cut), Some(Entry::Row(above))) = (entry, joined.last_mut()) {
            if above.cells.len() < cut.cells.len() {
                above.cells.resize(cut.cells.len(), Vec::new());
            }
            for (cell, parts) in above.cells.iter_mut().zip(cut.cells) {
                cell.extend(parts);
            }
            for page in cut.pages {
                if !above.pages.contains(&page) {
                    above.pages.push(page);
                }
            }
        }
    }
    *entries = joined;
}

/// Sets apart as a section the last line of a row's first cell that is a
/// heading the rendering ran into the row above: a short line alone on its
/// line, right above the next row on the page, set as one of the
/// register's other headings ([`heading_form`]). A text rendering
/// keeps neither the heading's style nor the row's rules, and a title's
/// last line may stand so too: only the other headings' form tells.
fn split_trailing_headings(entries: &mut Vec<Entry>) {
    let forms = section_forms(entries);
    let splits: Vec<bool> = (0..entries.len())
        .map(|i| match (entries.get(i), entries.get(i + 1)) {
            (Some(Entry::Row(row)), Some(Entry::Row(next))) => trailing_heading(row, next)
                .is_some_and(|line| heading_form(&line.text).is_some_and(|form| forms.contains(form))),
            _ => false,
        })
        .collect();
    let mut out = Vec::with_capacity(entries.len());
    for (mut entry, split) in std::mem::take(entries).into_iter().zip(splits) {
        let heading = match &mut entry {
            Entry::Row(row) if split => row.cells.first_mut().and_then(|cell| cell.last_mut()).and_then(|part| {
                let line = part.lines.pop()?;
                if let Some(bbox) = part.lines.iter().map(|l| l.bbox).reduce(|a, b| a.union(&b)) {
                    part.bbox = bbox;
                }
                Some(Entry::Section { text: line.text, page: part.page })
            }),
            _ => None,
        };
        out.push(entry);
        out.extend(heading);
    }
    *entries = out;
}

/// The forms ([`heading_form`]) of the sections read so far.
fn section_forms(entries: &[Entry]) -> HashSet<&str> {
    entries
        .iter()
        .filter_map(|e| match e {
            Entry::Section { text, .. } => heading_form(text),
            Entry::Row(_) => None,
        })
        .collect()
}

/// The last line of `row`'s first cell where it may be a heading over
/// `next`: one of two lines or more, short and ending no sentence, alone on
/// its line (no other cell of the row reaches down to it), with `next`
/// opening on the same page within two lines under it.
fn trailing_heading<'r>(row: &'r Row, next: &Row) -> Option<&'r CellLine> {
    let (first, rest) = row.cells.split_first()?;
    let part = first.last()?;
    let last = part.lines.last()?;
    if part.lines.len() < 2 || !short_heading(&last.text) {
        return None;
    }
    let alone = rest.iter().flatten().filter(|p| p.page == part.page).all(|p| p.bbox.y1 <= last.bbox.y0);
    let next_top = next.cells.iter().flatten().filter(|p| p.page == part.page).map(|p| p.bbox.y0).reduce(f64::min)?;
    let under = next_top >= last.bbox.y1 && next_top - last.bbox.y1 <= 2.0 * last.bbox.height();
    (alone && under).then_some(last)
}

/// The text of a row that holds one line in its first cell and nothing
/// else.
fn lone_first_cell_line(row: &Row) -> Option<&str> {
    let (first, rest) = row.cells.split_first()?;
    let [part] = first.as_slice() else { return None };
    let [line] = part.lines.as_slice() else { return None };
    rest.iter().all(Vec::is_empty).then_some(line.text.as_str())
}

/// The form a heading is set in, which a register's headings share: their
/// first word (`Domaine 14`, `Domaine 17`; `Section A`), where the line is
/// short enough for a heading ([`short_heading`]).
fn heading_form(text: &str) -> Option<&str> {
    text.split_whitespace().next().filter(|_| short_heading(text))
}

/// A line set as a heading may be: short, opening with a capital or a
/// figure (a cell's line going on often opens in lower case: `de la`),
/// ending no sentence nor clause.
fn short_heading(text: &str) -> bool {
    text.split_whitespace().count() <= MAX_HEADING_WORDS
        && opens_with_capital_or_figure(text)
        && !text.ends_with(['.', ':', ';', ','])
}

/// Whether a part list starts like the continuation of a sentence: empty, or lower case.
fn continues_previous(first_cell: Option<&Option<CellPart>>) -> bool {
    match first_cell.and_then(|p| p.as_ref()).and_then(|p| p.lines.first()) {
        None => true,
        Some(line) => line.text.chars().next().is_some_and(char::is_lowercase),
    }
}

/// Whether a block's cells only go on from the row before: its first cell
/// is empty, and each cell it holds opens in lower case, inside a
/// sentence (a row's cells open on a capital or a figure).
fn only_goes_on(parts: &[Option<CellPart>]) -> bool {
    let first_lines: Vec<&CellLine> = parts.iter().flatten().filter_map(|p| p.lines.first()).collect();
    parts.first().is_some_and(Option::is_none)
        && !first_lines.is_empty()
        && first_lines.iter().all(|l| l.text.starts_with(char::is_lowercase))
}

/// Share of a page's height, at its top and at its bottom, where running
/// headers and footers are set.
const RUNNING_MARGIN: f64 = 0.12;

/// Most lines a running header or footer holds.
const MAX_FURNITURE_LINES: usize = 3;

/// Page furniture: blocks of lines (up to [`MAX_FURNITURE_LINES`]) set in
/// a page's top or bottom margin, apart from its other text by more than a
/// line's spacing, that recur on several pages (running headers and
/// footers, compared with each run of digits masked: `Page 9 sur 10` and
/// `Page 10 sur 10` are one) or that print the page's number, alone or
/// after other words (`Page 1 sur 1`, `Mis à jour le 5 janvier 2025 1/1`),
/// which a one-page document prints once.
struct RunningLines {
    /// The furniture lines' texts, digit runs masked ([`running_key`]).
    keys: Vec<String>,
    /// How far from a page's top or bottom edge its furniture lies: a
    /// share of the tallest page's height (a text rendering's page is as
    /// tall as its text, and its last page may be short).
    margin: f64,
}

impl RunningLines {
    fn find(pages: &[PageLines]) -> Self {
        let mut seen: Vec<(Vec<String>, usize)> = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        let margin = RUNNING_MARGIN * pages.iter().map(|p| p.page.height).fold(0.0, f64::max);
        for p in pages {
            let top = margin_block(p.lines.iter(), |l| l.bbox.y1 < margin);
            let bottom = margin_block(p.lines.iter().rev(), |l| l.bbox.y0 > p.page.height - margin);
            let mut blocks: Vec<Vec<&Line>> = [top, bottom].into_iter().flatten().collect();
            blocks.dedup_by(|a, b| a.iter().zip(b.iter()).all(|(x, y)| std::ptr::eq(*x, *y)));
            for block in blocks {
                let block_keys: Vec<String> = block.iter().map(|l| running_key(l)).collect();
                let numbered = block.iter().any(|l| {
                    let text = l.text();
                    is_page_number(&text) || ends_with_page_number(&text)
                });
                if numbered {
                    keys.extend(block_keys.iter().cloned());
                }
                match seen.iter_mut().find(|(s, _)| *s == block_keys) {
                    Some(entry) => entry.1 += 1,
                    None => seen.push((block_keys, 1)),
                }
            }
        }
        keys.extend(seen.into_iter().filter(|(_, n)| *n >= 2).flat_map(|(k, _)| k));
        RunningLines { keys, margin }
    }

    /// Whether a line of `page` is furniture: in its margin, with a
    /// furniture line's text.
    fn holds(&self, page: &PageLines, line: &Line) -> bool {
        let in_margin = line.bbox.y1 < self.margin || line.bbox.y0 > page.page.height - self.margin;
        in_margin && self.keys.contains(&running_key(line))
    }
}

/// The lines at one edge of a page (`lines` run from that edge inward)
/// that `in_margin` holds, each within a line's spacing of the one before,
/// and set apart from the next line by more than that: a block that may be
/// a running header or footer, or `None`.
fn margin_block<'l>(
    mut lines: impl Iterator<Item = &'l Line>,
    in_margin: impl Fn(&Line) -> bool,
) -> Option<Vec<&'l Line>> {
    let gap = |a: &Line, b: &Line| (a.bbox.y0 - b.bbox.y1).max(b.bbox.y0 - a.bbox.y1);
    let mut block: Vec<&Line> = Vec::new();
    loop {
        let next = lines.next();
        match (block.last(), next) {
            (None, Some(line)) if in_margin(line) => block.push(line),
            (None, _) => return None,
            (Some(last), Some(line)) if gap(last, line) <= 1.5 * last.font_size() => {
                if !in_margin(line) || block.len() == MAX_FURNITURE_LINES {
                    return None;
                }
                block.push(line);
            }
            (Some(_), _) => return Some(block),
        }
    }
}

/// A line's text with each run of digits masked.
fn running_key(line: &Line) -> String {
    digit_runs_masked(&line.text())
}

/// One page's share of the table.
struct Body<'p> {
    page: &'p PageLines<'p>,
    /// Lines between the header (or the page top) and the table's bottom,
    /// without the headers of tables set after the first on the page.
    lines: Vec<&'p Line>,
    /// The headings over those tables: where each is set, and its line.
    headings: Vec<(f64, &'p Line)>,
    /// Lines below the table's frame.
    below: Vec<&'p Line>,
    /// Whether the page prints the header again (a page after the first).
    header_again: bool,
    /// Lines above the header a page after the first prints again.
    above: Vec<&'p Line>,
    /// Horizontal rules between rows.
    row_rules: Vec<f64>,
    /// The columns as measured on this page.
    columns: Vec<Column>,
}

/// Whether a page's horizontal rules part rows: one of them at least is
/// not the edge of a heading band, a band of one or two lines that each
/// run across the columns alone or hold text in one column only (a group
/// heading a borderless table shades or frames, whose edges are no rules
/// between records: a record has text in several columns).
fn parts_rows(
    rules: &[f64],
    (top, bottom): (f64, f64),
    lines: &[&Line],
    columns: &[Column],
    vertical: &[Rule],
) -> bool {
    let mut bounds: Vec<f64> = rules.to_vec();
    bounds.extend([top, bottom]);
    bounds.sort_by(f64::total_cmp);
    let mut band_edges: Vec<f64> = Vec::new();
    for pair in bounds.windows(2) {
        let &[from, to] = pair else { continue };
        let band: Vec<&&Line> = lines.iter().filter(|l| l.bbox.center_y() > from && l.bbox.center_y() < to).collect();
        let heading = |l: &&&Line| full_width(l, columns, vertical) || columns_with_text(&[**l], columns) <= 1;
        if !band.is_empty() && band.len() <= 2 && band.iter().all(heading) {
            band_edges.extend([from, to]);
        }
    }
    rules.iter().any(|y| !band_edges.contains(y))
}

/// How many columns the lines hold text in ([`columns_holding_phrases`]).
fn columns_with_text(lines: &[&Line], columns: &[Column]) -> usize {
    let held = lines.iter().fold(vec![false; columns.len()], |held, l| {
        held.iter().zip(columns_holding_phrases(l, columns)).map(|(a, b)| *a || b).collect()
    });
    held.iter().filter(|h| **h).count()
}

/// The body's lines between each two of its row rules.
fn rule_blocks<'p>(body: &Body<'p>) -> Vec<Vec<&'p Line>> {
    let mut blocks: Vec<Vec<&Line>> = Vec::new();
    let mut start = f64::NEG_INFINITY;
    for cut in body.row_rules.iter().copied().chain([f64::INFINITY]) {
        let block: Vec<&Line> =
            body.lines.iter().copied().filter(|l| l.bbox.center_y() > start && l.bbox.center_y() <= cut).collect();
        if !block.is_empty() {
            blocks.push(block);
        }
        start = cut;
    }
    blocks
}

/// How many rows of a ruled table that hold text in several columns (a
/// heading across them aside) inner vertical rules cross
/// ([`inner_rule_across`]), and how many they leave open. A table ruled
/// throughout crosses them all (a row without them is a merged cell); one
/// ruled only by horizontal rules, none; one ruled by its shaded rows'
/// edges (zebra), only those.
fn rows_crossed_and_open(bodies: &[Body]) -> (usize, usize) {
    let (mut crossed, mut open) = (0, 0);
    for body in bodies {
        let (columns, vertical) = (&body.columns, &body.page.vertical);
        let heading = |block: &Vec<&Line>| block.iter().all(|l| full_width(l, columns, vertical));
        for block in rule_blocks(body).iter().filter(|block| columns_with_text(block, columns) >= 2 && !heading(block))
        {
            if inner_rule_across(block, columns, vertical) {
                crossed += 1;
            } else {
                open += 1;
            }
        }
    }
    (crossed, open)
}

/// Most line heights, top to top, between a row's lines (a blank line
/// inside a cell included) and from the frame's edge to the row.
const UNFRAMED_ROW_PITCH: f64 = 2.5;

/// How far (points) a word may start from its column's usual text start
/// ([`cell_text_starts`]) and open a cell there ([`opens_cells_at_starts`]).
const START_SLACK: f64 = 1.0;

/// Where the table ends when a row hangs below its frame: a table whose
/// rows are shaded in turn (zebra) draws edges only around its shaded
/// rows, so an unshaded last row lies below the lowest edge. Such a row
/// starts right under the frame and sets text in two columns at least;
/// each of its lines stays within the table and either parts its text at
/// the column boundaries ([`runs_across_boundary`]) or opens cells after
/// each boundary where the rows above open theirs
/// ([`opens_cells_at_starts`]: a tight table may set two cells a space
/// apart). A note runs across the columns, its words set wherever its
/// sentence puts them. `None` where no such row follows.
fn unframed_row_bottom(page: &PageLines, frame_bottom: f64, columns: &[Column], running: &RunningLines) -> Option<f64> {
    let above: Vec<&Line> = page.lines.iter().filter(|l| l.bbox.center_y() < frame_bottom).collect();
    let starts = cell_text_starts(&above, columns);
    let mut below: Vec<&Line> =
        page.lines.iter().filter(|l| l.bbox.center_y() >= frame_bottom && !running.holds(page, l)).collect();
    below.sort_by(|a, b| a.bbox.y0.total_cmp(&b.bbox.y0));
    let first = below.first()?;
    let pitch = UNFRAMED_ROW_PITCH * first.font_size();
    if first.bbox.y0 - frame_bottom > pitch || first.text().starts_with('*') {
        return None;
    }
    let mut row: Vec<&Line> = Vec::new();
    let mut previous_top = first.bbox.y0;
    let (left, right) = (columns.first().map_or(0.0, |c| c.x0), columns.last().map_or(0.0, |c| c.x1));
    for line in below {
        let outside = line.bbox.x0 < left - line.font_size() || line.bbox.x1 > right + line.font_size();
        let cell_like = !runs_across_boundary(line, columns) || opens_cells_at_starts(line, columns, &starts);
        if outside || line.bbox.y0 - previous_top > pitch || !cell_like {
            break;
        }
        previous_top = line.bbox.y0;
        row.push(line);
    }
    // A row, not a heading or a note: text in two columns at least (its
    // first line may hold only the tallest cell's, the others centred).
    let bottom = row.iter().map(|l| l.bbox.y1 + RULE_SNAP).fold(frame_bottom, f64::max);
    (bottom > frame_bottom && columns_with_text(&row, columns) >= 2).then_some(bottom)
}

/// Per column, where its cells' text usually starts: the commonest start
/// (to half a point) of the first word each row-like line (text in two
/// columns at least) sets in the column. Left-aligned cells open every
/// line there.
fn cell_text_starts(lines: &[&Line], columns: &[Column]) -> Vec<Option<f64>> {
    let mut counts: Vec<HashMap<i64, usize>> = vec![HashMap::new(); columns.len()];
    for line in lines {
        if columns_with_text(&[*line], columns) < 2 {
            continue;
        }
        for (column, count) in columns.iter().zip(counts.iter_mut()) {
            if let Some(word) = line.words.iter().find(|w| w.bbox.x0 >= column.x0 && w.bbox.x0 < column.x1) {
                *count.entry((word.bbox.x0 * 2.0).round() as i64).or_default() += 1;
            }
        }
    }
    counts.iter().map(|count| count.iter().max_by_key(|(x, n)| (**n, -**x)).map(|(x, _)| *x as f64 / 2.0)).collect()
}

/// Whether the line's text parts where the table's columns do: at every
/// inner boundary within the line, no word runs over it, and the first
/// word after it opens at a column's usual text start (its own, or a later
/// one's where its cell is empty).
fn opens_cells_at_starts(line: &Line, columns: &[Column], starts: &[Option<f64>]) -> bool {
    let font = line.font_size();
    columns.iter().enumerate().skip(1).all(|(c, column)| {
        let x = column.x0;
        if x <= line.bbox.x0 || x >= line.bbox.x1 {
            return true;
        }
        let straddled = line.words.iter().any(|w| w.bbox.x0 < x - 0.5 * font && w.bbox.x1 > x + 0.5 * font);
        let next = line.words.iter().find(|w| w.bbox.x0 >= x - 0.5 * font);
        let at_start =
            next.is_some_and(|w| starts.iter().skip(c).flatten().any(|start| (w.bbox.x0 - start).abs() <= START_SLACK));
        !straddled && at_start
    })
}

/// Whether the line's text runs on over an inner column boundary as one
/// phrase does: a word there reaches half its font size into both
/// columns, or the gap there is no wider than a word gap
/// ([`CELL_GAP_FACTOR`] times the line's usual one, a proportional
/// font's space at most). Two cells a tight table sets a space apart
/// are parted by their padding, wider than a space.
fn runs_across_boundary(line: &Line, columns: &[Column]) -> bool {
    let font = line.font_size();
    let gaps = word_gaps(line);
    let mut widths: Vec<f64> = gaps.iter().map(|(from, to)| to - from).collect();
    widths.sort_by(f64::total_cmp);
    let usual = widths.get(widths.len() / 2).copied().unwrap_or(f64::INFINITY).min(USUAL_WORD_GAP * font);
    columns.iter().skip(1).map(|c| c.x0).any(|x| {
        let straddled =
            line.words.iter().any(|w| w.bbox.x0 < x - 0.5 * w.font_size && w.bbox.x1 > x + 0.5 * w.font_size);
        let narrow_gap = gaps.iter().any(|&(from, to)| from <= x && x <= to && to - from <= CELL_GAP_FACTOR * usual);
        straddled || narrow_gap
    })
}

/// Text below the last table line: notes. Without a frame (or below it),
/// read bottom-up: lines whose first phrase runs across the columns are notes, and so are
/// the one-word lines that end them ("traitement."); the first line that
/// stays inside the columns ends the notes.
fn take_notes<'p>(last: &mut Body<'p>, table_ruled: bool) -> Vec<&'p Line> {
    let mut notes = Vec::new();
    if !table_ruled || last.below.is_empty() {
        let mut cut = last.lines.len();
        let mut pending = cut;
        for (k, line) in last.lines.iter().enumerate().rev() {
            // A note's sentence runs from the table's left edge across the
            // columns, in one phrase: a row's line, whose first cells a
            // text rendering may set a space apart (`21 Registre des
            // visiteurs`), has its other cells apart.
            let one_phrase = phrases(line, &last.page.vertical).len() == 1;
            // A line set left of the table (a producer's imprint in the
            // page's corner) is no row either.
            let left_of_table = line.bbox.x0 < last.columns.first().map_or(0.0, |c| c.x0) - line.font_size();
            let crossing = one_phrase && opens_across(line, &last.columns, &last.page.vertical)
                || (line.text().starts_with('*') && line.bbox.x0 <= last.columns.first().map_or(0.0, |c| c.x1))
                || left_of_table;
            if crossing {
                cut = k;
                pending = k;
            } else if line.words.len() == 1 && pending == k + 1 {
                pending = k;
            } else {
                break;
            }
        }
        notes.extend(last.lines.split_off(cut));
    }
    notes.extend(std::mem::take(&mut last.below));
    notes
}

/// How a table separates its rows.
#[derive(Debug, Clone, Copy, PartialEq)]
enum RowSeparation {
    /// Horizontal rules.
    Rules,
    /// Cells aligned at the top: a row starts where the first column gains text.
    FirstColumn,
    /// Cells centred vertically or set at the bottom: rows are the bands of
    /// text between whitespace gaps, split further where a band holds the
    /// first cells of several rows (rows set without padding).
    Whitespace(Alignment),
}

/// Where a borderless table sets text that is shorter than its row.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Alignment {
    Centre,
    Bottom,
}

/// Gap between two lines' text, in font sizes, wider than the space between
/// two lines of a cell: see [`gap_bands`].
const BAND_GAP: f64 = 0.5;

/// Splits lines into bands at vertical gaps between their text wider than
/// half the font size: more than the space between two lines of a cell
/// (cells centred vertically interleave their lines at half the line
/// spacing, so the spacing itself is no measure), less than a cell's top
/// and bottom padding with it. Where the lines are set further apart than
/// that (line spacing well over the font's height), a band gap must also
/// be half as wide again as the gap between most lines: a table whose rows
/// have no padding is one band.
fn gap_bands<'p>(lines: &[&'p Line]) -> Vec<Vec<&'p Line>> {
    let mut gaps: Vec<f64> = Vec::new();
    let mut last_bottom: Option<f64> = None;
    for line in lines {
        if let Some(b) = last_bottom {
            gaps.push(line.bbox.y0 - b);
        }
        last_bottom = Some(last_bottom.map_or(line.bbox.y1, |b| b.max(line.bbox.y1)));
    }
    gaps.sort_by(f64::total_cmp);
    let usual_gap = gaps.get(gaps.len() / 2).copied().unwrap_or(0.0);
    let mut bands: Vec<Vec<&Line>> = Vec::new();
    let mut last_bottom: Option<f64> = None;
    for line in lines {
        let wide = (BAND_GAP * line.font_size()).max(SPACING_TO_BAND_GAP * usual_gap);
        let gap = last_bottom.is_none_or(|b| line.bbox.y0 - b > wide);
        match bands.last_mut() {
            Some(band) if !gap => band.push(line),
            _ => bands.push(vec![*line]),
        }
        last_bottom = Some(last_bottom.map_or(line.bbox.y1, |b| b.max(line.bbox.y1)));
    }
    bands
}

/// How many times the gap between most lines a gap between bands must be
/// wider than (see [`gap_bands`]).
const SPACING_TO_BAND_GAP: f64 = 1.5;

/// How far apart (in font sizes, from a line's bottom to the next one's
/// top) two lines of one first-column cell may be where cells may be
/// centred: one line apart, as lines of other columns sit between a
/// cell's lines at half the spacing, which a text rendering sets on lines
/// of their own.
const CENTRED_RUN_GAP: f64 = 1.5;

/// The same where cells are set at the bottom: all cells share the rows'
/// baselines, so a cell's lines are consecutive, and a first cell two
/// lines below another (a two-line row ending with its first cell) is the
/// next row's.
const BOTTOM_RUN_GAP: f64 = 0.8;

/// The first column's cells in a band, as index ranges of lines: a cell's
/// lines follow one another at most `run_gap` font sizes apart.
fn first_column_runs(band: &[&Line], first: &Column, run_gap: f64) -> Vec<std::ops::Range<usize>> {
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    let mut last_bottom: Option<f64> = None;
    for (i, line) in band.iter().enumerate() {
        if words_in(line, first.x0, first.x1).is_empty() {
            continue;
        }
        let close = last_bottom.is_some_and(|b| line.bbox.y0 - b <= run_gap * line.font_size());
        match runs.last_mut() {
            Some(run) if close => run.end = i + 1,
            _ => runs.push(i..i + 1),
        }
        last_bottom = Some(line.bbox.y1);
    }
    runs
}

/// How a borderless table aligns its cells vertically, from its
/// whitespace bands where the first column's text is one run of lines
/// shorter than the band: top-aligned rows open their band with it, centred
/// ones hold it in the middle, bottom-aligned ones end with it. `None`
/// for top alignment (or no evidence).
fn cell_alignment(bodies: &[Body]) -> Option<Alignment> {
    let (mut top, mut centre, mut bottom) = (0usize, 0usize, 0usize);
    for (page, body) in bodies.iter().enumerate() {
        let leading = leading_of(&body.lines, &body.columns).line;
        let Some(first) = body.columns.first() else { continue };
        // A later page may open with the end of a row from the page before,
        // whatever the alignment: its first band says nothing.
        let skip = usize::from(page > 0);
        for band in whitespace_segments(body).into_iter().skip(skip) {
            if interleaves_cells(&band, &body.columns) {
                centre += 1;
                continue;
            }
            let runs = first_column_runs(&band, first, CENTRED_RUN_GAP);
            let (Some(first_run), Some(last_run), Some(band_top), Some(band_bottom)) =
                (runs.first(), runs.last(), band.first(), band.last())
            else {
                continue;
            };
            if first_run.start == 0 && last_run.end == band.len() {
                continue;
            }
            if first_run.start == 0 {
                top += 1;
                continue;
            }
            // Several rows in one band (rows set without padding): the
            // band does not open with the first column, and ends with it
            // only if rows are bottom-aligned.
            if runs.len() > 1 {
                if last_run.end == band.len() {
                    bottom += 1;
                } else {
                    centre += 1;
                }
                continue;
            }
            let (Some(a), Some(b)) = (band.get(first_run.start), band.get(first_run.end - 1)) else { continue };
            let run_middle = (a.bbox.y0 + b.bbox.y1) / 2.0;
            let band_middle = (band_top.bbox.y0 + band_bottom.bbox.y1) / 2.0;
            if (run_middle - band_middle).abs() <= 0.3 * leading {
                centre += 1;
            } else if last_run.end == band.len() {
                bottom += 1;
            }
        }
    }
    if centre + bottom <= top {
        None
    } else if bottom > centre {
        Some(Alignment::Bottom)
    } else {
        Some(Alignment::Centre)
    }
}

/// Whether a line opens on a lower-case letter: a line across the
/// columns that does so goes on with the text above it (cells a text
/// rendering ran together, a heading's second line), as no heading opens
/// so.
fn opens_in_lower_case(line: &Line) -> bool {
    line.text().chars().next().is_some_and(char::is_lowercase)
}

/// Whether a line runs across the columns as a heading does and stands
/// apart from the lines above: opening a heading (not in lower case,
/// [`opens_in_lower_case`]), or going on with one (`after_crossing`, the
/// line above stood so), and not going on in its cells in the line under it
/// (`next`): a text rendering may run a row's first line together, each
/// cell one space from the next, and that is no heading (see
/// [`goes_on_in_its_cells`]).
fn stands_across(
    line: &Line,
    next: Option<&Line>,
    columns: &[Column],
    vertical: &[Rule],
    after_crossing: bool,
) -> bool {
    full_width(line, columns, vertical)
        && (after_crossing || !opens_in_lower_case(line))
        && !next.is_some_and(|next| goes_on_in_its_cells(line, next, columns, vertical))
}

/// Whether `next`, set right under `line`, goes on with cells that `line`
/// ran together: it has no text in the first column, and each of its
/// phrases lies within one later column and opens where a word of `line`
/// opens, at that column's start. A heading's next line opens a row in the
/// first column, or goes on with the heading across the columns.
fn goes_on_in_its_cells(line: &Line, next: &Line, columns: &[Column], vertical: &[Rule]) -> bool {
    let font = line.font_size();
    let close = next.bbox.y0 - line.bbox.y1 < font;
    let within_one = |p: &Line| {
        columns.iter().skip(1).find(|c| p.bbox.x0 >= c.x0 - font && p.bbox.x1 <= c.x1 + 0.5 * font).is_some_and(|c| {
            (p.bbox.x0 - c.x0).abs() <= font && line.words.iter().any(|w| (w.bbox.x0 - p.bbox.x0).abs() <= 0.25 * font)
        })
    };
    let below = phrases(next, vertical);
    close && !below.is_empty() && below.iter().all(within_one)
}

/// Whether a band sets some cell's lines between another cell's, half a
/// line off, as only centred cells are (a cell shorter than its row's
/// tallest by an odd number of lines): a column holds text on two lines
/// with a line of other columns between them, [`MIN_INTERLEAVED_LINES`]
/// times or more, each time midway between them. Top- and bottom-aligned
/// cells all share the tallest cell's baselines.
fn interleaves_cells(band: &[&Line], columns: &[Column]) -> bool {
    let present: Vec<Vec<bool>> = band.iter().map(|l| columns_holding_phrases(l, columns)).collect();
    let interleaved = band
        .windows(3)
        .zip(present.windows(3))
        .filter(|(lines, has)| {
            let (Some(a), Some(b), Some(c)) = (lines.first(), lines.get(1), lines.get(2)) else { return false };
            let (Some(ha), Some(hb), Some(hc)) = (has.first(), has.get(1), has.get(2)) else { return false };
            let font = b.font_size();
            let midway = (b.bbox.center_y() - (a.bbox.center_y() + c.bbox.center_y()) / 2.0).abs() < 0.1 * font;
            let close = c.bbox.y0 - a.bbox.y1 <= CENTRED_RUN_GAP * font;
            let between = (0..columns.len()).any(|k| {
                let on = |h: &Vec<bool>| h.get(k).copied().unwrap_or(false);
                on(ha) && on(hc) && !on(hb)
            });
            let others_between = hb.iter().zip(ha.iter().zip(hc)).any(|(b, (a, c))| *b && !*a && !*c);
            midway && close && between && others_between
        })
        .count();
    interleaved >= MIN_INTERLEAVED_LINES
}

/// Lines set between another cell's lines a band must show to be read as
/// centred (see [`interleaves_cells`]).
const MIN_INTERLEAVED_LINES: usize = 2;

/// A page's whitespace bands ([`gap_bands`]), with each line that runs
/// across the columns (a section heading, or its next lines) set apart as
/// a band of its own; a line across them opening in lower case goes on
/// with the lines above (see [`opens_in_lower_case`]).
fn whitespace_segments<'p>(body: &Body<'p>) -> Vec<Vec<&'p Line>> {
    let mut segments: Vec<Vec<&Line>> = Vec::new();
    for band in gap_bands(&body.lines) {
        segments.push(Vec::new());
        let mut last_crossing = false;
        for (i, line) in band.iter().enumerate() {
            let next = band.get(i + 1).copied();
            last_crossing = stands_across(line, next, &body.columns, &body.page.vertical, last_crossing);
            if last_crossing {
                segments.push(vec![line]);
                segments.push(Vec::new());
            } else if let Some(segment) = segments.last_mut() {
                segment.push(line);
            }
        }
    }
    segments.retain(|s| !s.is_empty());
    segments
}

/// Where a page break may cut rows: the first row of a page may go on with
/// the page before's last (`goes_on`), and its last row may go on to the
/// next page (`cut_below`).
#[derive(Debug, Clone, Copy, Default)]
struct PageBreaks {
    goes_on: bool,
    cut_below: bool,
}

/// Splits a whitespace band that holds several rows: a bottom-aligned row
/// ends with its first cell (a run of the first column); centred rows part
/// where each is centred on its tallest cell (see [`centred_row_cuts`]).
fn split_band<'p>(
    band: Vec<&'p Line>,
    columns: &[Column],
    alignment: Alignment,
    breaks: PageBreaks,
) -> Vec<Vec<&'p Line>> {
    let Some(first) = columns.first() else { return vec![band] };
    let cuts: Vec<usize> = match alignment {
        Alignment::Bottom => {
            let runs = first_column_runs(&band, first, BOTTOM_RUN_GAP);
            runs.iter().take(runs.len().saturating_sub(1)).map(|run| run.end).collect()
        }
        Alignment::Centre => centred_row_cuts(&band, columns, breaks),
    };
    let mut rows = Vec::new();
    let mut start = 0;
    for cut in cuts {
        rows.push(band.get(start..cut).unwrap_or_default().to_vec());
        start = cut;
    }
    rows.push(band.get(start..).unwrap_or_default().to_vec());
    rows.retain(|r| !r.is_empty());
    rows
}

/// Where a band of centred rows parts into rows, as line indices. Each
/// column's text falls into runs (lines at most [`CENTRED_RUN_GAP`] font
/// sizes apart: a cell, its lines interleaved with its neighbours' at half
/// the spacing). A row opens and ends with its tallest cell, one run from
/// its first line to its last; every other cell is one run centred in it.
/// The cuts are those of least cost (dynamic programming over the band's
/// lines, rows of at most [`MAX_CENTRED_ROW_LINES`]): each cell not
/// centred costs its offset beyond half a line, each column holding two
/// runs in one row [`SECOND_CELL_COST`], each cell with some lines on the
/// tallest cell's and some between them [`MIXED_BASELINES_COST`], each row
/// [`ROW_COST`], and each row without a first cell [`NO_FIRST_CELL_COST`]
/// (but the band's first row where it goes on with a row from the page
/// before). A last row the page break may cut opens with its tallest cell,
/// which may stop a line short of the band's end where a shorter cell's
/// line sets under it half a line down.
fn centred_row_cuts(band: &[&Line], columns: &[Column], breaks: PageBreaks) -> Vec<usize> {
    let n = band.len();
    if n < 2 {
        return Vec::new();
    }
    let present: Vec<Vec<bool>> = band.iter().map(|l| columns_holding_phrases(l, columns)).collect();
    let has = |i: usize, c: usize| present.get(i).and_then(|p| p.get(c)).copied().unwrap_or(false);
    let top = |i: usize| band.get(i).map_or(0.0, |l| l.bbox.y0);
    let bottom = |i: usize| band.get(i).map_or(0.0, |l| l.bbox.y1);
    let font = band.first().map_or(1.0, |l| l.font_size()).max(1.0);
    let run_gap = CENTRED_RUN_GAP * font;
    // best[b]: least cost of parting lines 0..b into rows, and where the
    // last of them opens.
    let mut best: Vec<(f64, usize)> = vec![(f64::INFINITY, 0); n + 1];
    if let Some(slot) = best.get_mut(0) {
        *slot = (0.0, 0);
    }
    for a in 0..n {
        let Some(&(base, _)) = best.get(a) else { continue };
        if !base.is_finite() {
            continue;
        }
        // Per column: first and last line with text, runs and lines so
        // far; per pair of columns, the lines both hold text on.
        let k = columns.len();
        let mut cells: Vec<Option<(usize, usize, usize, usize)>> = vec![None; k];
        let mut shared = vec![0usize; k * k];
        for b in a..n.min(a + MAX_CENTRED_ROW_LINES) {
            for (c, cell) in cells.iter_mut().enumerate() {
                if !has(b, c) {
                    continue;
                }
                *cell = Some(match *cell {
                    None => (b, b, 1, 1),
                    Some((f, l, runs, lines)) => (f, b, runs + usize::from(top(b) - bottom(l) > run_gap), lines + 1),
                });
                for d in (0..k).filter(|&d| has(b, d)) {
                    if let Some(slot) = shared.get_mut(c * k + d) {
                        *slot += 1;
                    }
                }
            }
            let cut = breaks.cut_below && b + 1 == n;
            // A row the page break cuts still opens with its tallest cell,
            // which runs to the page's end: to its last line, or the line
            // before, where a shorter cell's line sets under it half a line
            // down (interleaved).
            let interleaved_under = |l: usize| top(b) - top(l) < HALF_LINE_BELOW * (bottom(l) - top(l));
            let spans = |f: usize, l: usize, runs: usize| {
                f == a && (l == b || cut && l + 1 == b && interleaved_under(l)) && runs == 1
            };
            let Some(tallest) = cells.iter().position(|cell| cell.is_some_and(|(f, l, runs, _)| spans(f, l, runs)))
            else {
                continue;
            };
            let middle = (top(a) + bottom(b)) / 2.0;
            let cost: f64 = cells
                .iter()
                .enumerate()
                .filter_map(|(c, cell)| cell.map(|cell| (c, cell)))
                .map(|(c, (f, l, runs, lines))| {
                    let offset = ((top(f) + bottom(l)) / 2.0 - middle).abs() / font;
                    // A cell sets all its lines on the tallest cell's, or
                    // all between them (half a line off), never some of each.
                    let on_tallest = shared.get(c * k + tallest).copied().unwrap_or(0);
                    let mixed = on_tallest > 0 && on_tallest < lines;
                    (offset - 0.5).max(0.0)
                        + (runs - 1) as f64 * SECOND_CELL_COST
                        + if mixed { MIXED_BASELINES_COST } else { 0.0 }
                })
                .sum();
            let untitled = cells.first().is_some_and(Option::is_none) && !(a == 0 && breaks.goes_on);
            let total = base + ROW_COST + cost + if untitled { NO_FIRST_CELL_COST } else { 0.0 };
            if let Some(slot) = best.get_mut(b + 1).filter(|s| total < s.0) {
                *slot = (total, a);
            }
        }
    }
    let mut cuts = Vec::new();
    let mut end = n;
    while end > 0 {
        let Some(&(_, start)) = best.get(end) else { break };
        if start > 0 {
            cuts.push(start);
        }
        end = start;
    }
    cuts.reverse();
    cuts
}

/// Per column: whether one of the line's phrases lies mostly in it, or
/// runs [`MERGED_CELL_REACH`] font sizes into it (two cells a text
/// rendering set one space apart). A text rendering may set a row's
/// phrase a few characters left of its column, where its words alone
/// would fall in the column before.
fn columns_holding_phrases(line: &Line, columns: &[Column]) -> Vec<bool> {
    let font = line.font_size();
    let phrases = line.phrases(PHRASE_GAP * font);
    columns
        .iter()
        .map(|c| {
            phrases.iter().any(|p| {
                let overlap = p.bbox.x1.min(c.x1) - p.bbox.x0.max(c.x0);
                overlap > 0.0 && (2.0 * overlap >= p.bbox.width() || overlap > MERGED_CELL_REACH * font)
            })
        })
        .collect()
}

/// How far (in font sizes) a phrase must run into a column it does not
/// mostly lie in to hold text there (see [`columns_holding_phrases`]).
const MERGED_CELL_REACH: f64 = 3.0;

/// The most lines a row may span in [`centred_row_cuts`] (a page's worth
/// of a text rendering's lines, interleaved): bounds its cost on a text
/// that runs as one page.
const MAX_CENTRED_ROW_LINES: usize = 250;

/// Less than this many line heights below a line, top to top, a line is
/// interleaved under it, not the next line (see [`centred_row_cuts`]).
const HALF_LINE_BELOW: f64 = 0.75;

/// What a column holding two separate runs of text in one row costs in
/// [`centred_row_cuts`]: two cells where a row has one.
const SECOND_CELL_COST: f64 = 3.0;

/// What a row without a first cell (a record without its title) costs in
/// [`centred_row_cuts`].
const NO_FIRST_CELL_COST: f64 = 2.0;

/// What a cell that sets some of its lines on the baselines of its row's
/// tallest cell and some between them costs in [`centred_row_cuts`]: a
/// cell centred in its row is offset by whole lines or by half a line, all
/// its lines alike, so such a cell spans two rows.
const MIXED_BASELINES_COST: f64 = 2.0;

/// What each row costs in [`centred_row_cuts`]: of two partings that
/// centre every cell alike, the one with fewer rows (a row's lines cut in
/// two may still each be centred on a cell of their own).
const ROW_COST: f64 = 1.0;

/// Splits a page's body lines into row blocks: at the horizontal rules of a
/// ruled table; between whitespace gaps where cells are centred; otherwise
/// where the first column gains text more than a line's spacing after its
/// previous line, where the first column and another open cells together
/// right under the previous row (cells are top-aligned), and around lines
/// that run across the columns or that stand alone in the first column
/// between rows (see [`only_first_column`]).
fn row_blocks<'p>(
    body: &Body<'p>,
    rows: RowSeparation,
    rules_part_every_row: bool,
    leading: f64,
    breaks: PageBreaks,
) -> Vec<Vec<&'p Line>> {
    let columns = &body.columns;
    let vertical = &body.page.vertical;
    if let RowSeparation::Whitespace(alignment) = rows {
        // Each band between whitespace gaps is a row (or several, see
        // `split_band`); a line running across the columns stands apart (a
        // section heading).
        let segments = whitespace_segments(body);
        let last = segments.len().saturating_sub(1);
        return segments
            .into_iter()
            .enumerate()
            .flat_map(|(k, b)| {
                let band_breaks =
                    PageBreaks { goes_on: breaks.goes_on && k == 0, cut_below: breaks.cut_below && k == last };
                split_band(b, columns, alignment, band_breaks)
            })
            .collect();
    }
    if rows == RowSeparation::Rules {
        if rules_part_every_row {
            return rule_blocks(body);
        }
        // Rules that leave some rows open (a zebra table's unshaded rows)
        // may hold a heading and rows between two of them.
        return rule_blocks(body)
            .into_iter()
            .flat_map(|block| split_at_headings(&block, columns, vertical, leading))
            .collect();
    }
    first_column_blocks(&body.lines, columns, vertical, leading)
}

/// Parts a block of lines around the headings in it (a line across the
/// columns, or alone in the first column between rows, as
/// [`first_column_blocks`] finds them) set apart from the lines around
/// them by more than a cell's line spacing ([`BAND_GAP`]); the rest stays
/// whole, since cells set in the middle or at the bottom of their rows
/// show no row's start, and a tall first cell's lines alone beside them
/// are no heading.
fn split_at_headings<'p>(
    block: &[&'p Line],
    columns: &[Column],
    vertical: &[Rule],
    leading: f64,
) -> Vec<Vec<&'p Line>> {
    let parts = first_column_blocks(block, columns, vertical, leading);
    let apart = |above: Option<&Vec<&Line>>, below: Option<&Vec<&Line>>| match (above, below) {
        (Some(a), Some(b)) => match (a.last(), b.first()) {
            (Some(a), Some(b)) => b.bbox.y0 - a.bbox.y1 > BAND_GAP * b.font_size(),
            _ => true,
        },
        _ => true,
    };
    let heading = |k: usize| {
        let Some(part) = parts.get(k) else { return false };
        let set_as_one = runs_across_as_heading(part, columns, vertical) || is_first_column_heading(part, columns);
        set_as_one
            && apart(k.checked_sub(1).and_then(|j| parts.get(j)), Some(part))
            && apart(Some(part), parts.get(k + 1))
    };
    let mut out: Vec<Vec<&Line>> = Vec::new();
    let mut last_is_heading = false;
    for (k, part) in parts.iter().enumerate() {
        let is_heading = heading(k);
        match out.last_mut() {
            Some(last) if !last_is_heading && !is_heading => last.extend(part.iter().copied()),
            _ => out.push(part.clone()),
        }
        last_is_heading = is_heading;
    }
    out
}

/// Parts lines into rows where the first column gains text after more
/// than a line's spacing (or a record number, a heading alone in the first
/// column, a row whose cells all open at once), each line across the
/// columns a block of its own.
fn first_column_blocks<'p>(
    lines: &[&'p Line],
    columns: &[Column],
    vertical: &[Rule],
    leading: f64,
) -> Vec<Vec<&'p Line>> {
    let mut blocks: Vec<Vec<&Line>> = Vec::new();
    let mut last_first_col: Option<f64> = None;
    let mut last_any: Option<f64> = None;
    let mut last_crossing = false;
    let presence: Vec<Vec<bool>> = lines.iter().map(|line| columns_present(line, columns)).collect();
    let no_columns = vec![false; columns.len()];
    let text_edges = column_text_edges(lines, columns);
    for (i, line) in lines.iter().enumerate() {
        let present = presence.get(i).unwrap_or(&no_columns);
        let previous_columns = i.checked_sub(1).and_then(|k| presence.get(k)).unwrap_or(&no_columns);
        let in_first = present.first().copied().unwrap_or(false);
        let crossing = stands_across(line, lines.get(i + 1).copied(), columns, vertical, last_crossing);
        let gap_ok = |prev: Option<f64>| prev.is_none_or(|p| line.bbox.y1 - p > ROW_GAP * leading);
        let adjacent = last_any.is_some_and(|p| line.bbox.y1 - p <= ROW_GAP * leading);
        let opened = present.iter().zip(previous_columns).filter(|(now, before)| **now && !**before).count();
        let filled = present.iter().filter(|p| **p).count();
        let next_adjacent = || lines.get(i + 1).is_some_and(|next| next.bbox.y1 - line.bbox.y1 <= ROW_GAP * leading);
        let every_cell_ended = || {
            i.checked_sub(1)
                .and_then(|k| lines.get(k))
                .is_some_and(|previous| ended_every_cell(previous, line, columns, &text_edges))
        };
        let top_aligned = adjacent
            && in_first
            && (opened >= 2
                && (!previous_columns.first().copied().unwrap_or(true) || only_first_column(previous_columns))
                || filled >= 2 && opens_every_cell(line) && (opened >= 1 || every_cell_ended()));
        // Right under the first column's line before, a heading needs that
        // line's text to have ended: one that goes on (a comma, a colon, a
        // hyphen: `Hydre, Polaris, Eridan,` / `Orion`) wraps onto this line.
        let first_column_goes_on = || {
            let Some(first) = columns.first() else { return false };
            let above = lines.get(..i).unwrap_or_default().iter().rev().find_map(|l| {
                let words = words_in(l, first.x0, first.x1);
                (!words.is_empty()).then(|| words.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" "))
            });
            above.is_some_and(|text| text.ends_with([',', ';', ':', '-', '(']))
        };
        let heading = only_first_column(present)
            && last_any.is_some()
            && (gap_ok(last_first_col)
                || opens_every_cell(line) && every_cell_ended() && next_adjacent() && !first_column_goes_on())
            && presence.get(i + 1).is_some_and(|next| {
                next.first().copied().unwrap_or(false)
                    && next.iter().zip(present).filter(|(now, before)| **now && !**before).count() >= 2
            });
        // A numbered row's first cell holds its number alone: a second
        // number there opens the next row, however close it follows.
        let renumbered = first_column_code(line, columns)
            && blocks.last().and_then(|b| b.first()).is_some_and(|l| first_column_code(l, columns));
        let starts = crossing
            || (in_first && gap_ok(last_first_col) && gap_ok(last_any))
            || top_aligned
            || heading
            || renumbered;
        match blocks.last_mut() {
            Some(block) if !starts && !last_crossing => block.push(line),
            _ => blocks.push(vec![line]),
        }
        last_crossing = crossing;
        if in_first {
            last_first_col = Some(line.bbox.y1);
        }
        last_any = Some(line.bbox.y1);
    }
    blocks
}

/// Whether the line's text in the first column is one record number or
/// code (`12`, `R-06`).
fn first_column_code(line: &Line, columns: &[Column]) -> bool {
    let Some(first) = columns.first() else { return false };
    matches!(words_in(line, first.x0, first.x1).as_slice(), [word] if fields::is_record_code(&word.text))
}

/// A line with text in the first column only. Between rows (its column's
/// text above ended more than a line before, and a row opens right under
/// it in the first column and two others), such a line is a heading too
/// short to run across the columns (a merged row in a table of equal
/// columns): it stands as a block of its own, which [`is_first_column_heading`]
/// reads as a section.
fn only_first_column(present: &[bool]) -> bool {
    matches!(present.split_first(), Some((true, rest)) if rest.iter().all(|p| !p))
}

/// A block of one line with text in the first column only, which
/// [`row_blocks`] sets apart only between rows (or, where whitespace
/// parts the rows, a band of its own): a heading, not a record whose
/// cells are all empty but its one-line title.
fn is_first_column_heading(block: &[&Line], columns: &[Column]) -> bool {
    matches!(block, [line] if only_first_column(&columns_present(line, columns)))
}

/// A block of one or two bold lines with text in the first column only,
/// opening on a capital or a digit, among body text mostly not bold: a
/// heading row whose cell the table's inner rules still cross (a
/// typesetter that draws them down the whole page), not a record holding
/// only its title.
fn is_bold_first_column_heading(block: &[&Line], columns: &[Column]) -> bool {
    let opens_heading = block.first().is_some_and(|l| opens_with_capital_or_figure(&l.text()));
    (1..=2).contains(&block.len())
        && opens_heading
        && block.iter().all(|l| l.is_bold() && only_first_column(&columns_present(l, columns)))
}

/// Whether each of the line's cells opens on a capital or a digit, as a
/// row's first line does: where the first column goes on from the line
/// before, other columns opening cells there show a new row only so (a
/// row set without space under the one before, whose first cell ran on).
/// The cells are the line's phrases, not its words in each column: a text
/// rendering may set a cell's first word a character left of its column.
fn opens_every_cell(line: &Line) -> bool {
    line.phrases(PHRASE_GAP * line.font_size())
        .iter()
        .all(|p| p.text().chars().next().is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit()))
}

/// Per column: the right edge of its text on the page, the furthest any
/// line's words in it reach.
fn column_text_edges(lines: &[&Line], columns: &[Column]) -> Vec<f64> {
    columns
        .iter()
        .map(|c| {
            lines.iter().flat_map(|l| words_in(l, c.x0, c.x1)).map(|w| w.bbox.x1).fold(f64::NEG_INFINITY, f64::max)
        })
        .collect()
}

/// Whether every cell that the line and the one before both hold text in
/// ended on the line before: its first word there would have fitted after
/// the text above, within the column's text edge (`text_edges`), so the
/// line above was no wrap. With its cells all opening as cells do
/// ([`opens_every_cell`]), the line opens a row even where no column was
/// empty above it (a row of one-line cells right over the next).
fn ended_every_cell(previous: &Line, line: &Line, columns: &[Column], text_edges: &[f64]) -> bool {
    // A space as wide as a text rendering's character, wider than a font's:
    // the word must fit with room to spare.
    let space = 0.5 * line.font_size();
    let mut shared = 0;
    for (column, edge) in columns.iter().zip(text_edges) {
        let above = words_in(previous, column.x0, column.x1);
        let here = words_in(line, column.x0, column.x1);
        let (Some(last), Some(first)) = (above.last(), here.first()) else { continue };
        shared += 1;
        if last.bbox.x1 + space + first.bbox.width() > *edge {
            return false;
        }
    }
    shared > 0
}

/// Per column: whether the line has words in it.
fn columns_present(line: &Line, columns: &[Column]) -> Vec<bool> {
    columns.iter().map(|c| !words_in(line, c.x0, c.x1).is_empty()).collect()
}

/// The rows among the entries.
fn rows_of(entries: &[Entry]) -> impl Iterator<Item = &Row> {
    entries.iter().filter_map(|e| if let Entry::Row(r) = e { Some(r) } else { None })
}

/// Fewest other rows that must hold a value, whole, in a column for
/// [`part_repeated_values`] to take it as the column's.
const MIN_VALUE_REPEATS: usize = 2;

/// Gives back to a column the value a text rendering ran on after the cell
/// before, on the row's first line (`Gestion des annuaires d'accès DNUM`
/// with the controllers' column left empty): where a column is empty in a
/// row, the first line of the cell before ends with a one-line value that
/// column holds whole in [`MIN_VALUE_REPEATS`] other rows or more (a
/// register repeats its controllers, its legal bases), opening with a
/// capital or a figure, and that line runs up to the column (within a
/// phrase gap), the value is the column's. Where the value starts past the
/// cell's other lines, the row's reading already gave it back
/// ([`opening_of_empty_cell`]); this is for a value set a little left of
/// that, which only the column's other rows show.
fn part_repeated_values(entries: &mut [Entry], page_columns: &[(u32, &[Column])]) {
    let width = page_columns.first().map_or(0, |(_, c)| c.len());
    let mut counts: Vec<HashMap<&str, usize>> = vec![HashMap::new(); width];
    for row in rows_of(entries) {
        for (count, cell) in counts.iter_mut().zip(&row.cells) {
            if let [part] = cell.as_slice()
                && let [line] = part.lines.as_slice()
            {
                *count.entry(line.text.as_str()).or_default() += 1;
            }
        }
    }
    // Ordered, so that a line ending on two such values (`DNUM`, `la DNUM`)
    // gives the longest back, whatever the hashing.
    let repeated: Vec<BTreeSet<String>> = counts
        .into_iter()
        .map(|c| c.into_iter().filter(|(_, n)| *n >= MIN_VALUE_REPEATS).map(|(v, _)| v.to_string()).collect())
        .collect();
    for entry in entries.iter_mut() {
        let Entry::Row(row) = entry else { continue };
        for column in 1..row.cells.len() {
            if !row.cells.get(column).is_some_and(Vec::is_empty) {
                continue;
            }
            let Some(values) = repeated.get(column) else { continue };
            let Some(part) = row.cells.get_mut(column - 1).and_then(|c| c.first_mut()) else { continue };
            let Some(edge) = page_columns
                .iter()
                .find(|(page, _)| *page == part.page)
                .and_then(|(_, columns)| columns.get(column))
                .map(|c| c.x0)
            else {
                continue;
            };
            let Some(line) = part.lines.first_mut() else { continue };
            let font = line.bbox.height();
            let value = values
                .iter()
                .filter(|v| {
                    line.text
                        .strip_suffix(v.as_str())
                        .is_some_and(|rest| rest.ends_with(' ') && !rest.trim().is_empty())
                        && opens_with_capital_or_figure(v)
                })
                .max_by_key(|v| v.len());
            let Some(value) = value.filter(|_| line.bbox.x1 >= edge - PHRASE_GAP * font) else { continue };
            // The line's box is shared out by characters, the value's one
            // space going with neither part.
            let kept = line.text.len() - value.len() - 1;
            let char_width = line.bbox.width() / line.text.chars().count().max(1) as f64;
            let kept_width = char_width * line.text.get(..kept).map_or(0, |t| t.chars().count()) as f64;
            let moved = CellLine {
                text: value.clone(),
                bbox: Rect { x0: line.bbox.x1 - char_width * value.chars().count() as f64, ..line.bbox },
                breaks_word: false,
                hyphen_added: false,
                starts_paragraph: false,
                ends_with_space: line.ends_with_space,
            };
            // The line keeps its end's space as the source marks such ends
            // (a text rendering marks none): a value cut off by a space is no
            // evidence of how the producer sets its lines' ends.
            line.text.truncate(kept);
            line.bbox.x1 = line.bbox.x0 + kept_width;
            let page = part.page;
            part.bbox = part.lines.iter().map(|l| l.bbox).reduce(|a, b| a.union(&b)).unwrap_or(part.bbox);
            if let Some(cell) = row.cells.get_mut(column) {
                cell.push(CellPart { page, bbox: moved.bbox, lines: vec![moved] });
            }
        }
    }
}

/// The rule that closes a table without vertical rules on a page: the
/// lowest one with no cell text below it, only notes ([`opens_across`]) or
/// nothing. Such a rule (a booktabs bottom rule) ends the table; it
/// separates no rows. (A row's line may cross columns placed by a header
/// centred over them, or a shaded row's edge stand for a rule: a row under
/// it still opens inside the columns.)
fn table_bottom_rule(page: &PageLines, rules: &[f64], columns: &[Column], running: &RunningLines) -> f64 {
    let Some(&lowest) = rules.iter().max_by(|a, b| a.total_cmp(b)) else { return f64::NEG_INFINITY };
    let only_notes_below = page
        .lines
        .iter()
        .filter(|l| l.bbox.center_y() > lowest && !running.holds(page, l))
        .all(|l| opens_across(l, columns, &page.vertical));
    if only_notes_below { lowest } else { f64::NEG_INFINITY }
}

/// Whether a line reads as a note's: its first phrase opens in the first
/// column and runs across the columns. A row's last line may also cross
/// (cells set one space apart) but opens with its first cell.
fn opens_across(line: &Line, columns: &[Column], vertical: &[Rule]) -> bool {
    let first_column_end = columns.first().map_or(f64::INFINITY, |c| c.x1);
    phrases(line, vertical)
        .first()
        .is_some_and(|p| p.bbox.x0 < first_column_end && crosses_columns(p, columns, vertical))
}

/// Whether a header found on a later page is the first one printed again:
/// half its headers at least read as the first's do. Body text can hold
/// header words enough to look like a header (`formation` / `numéro` /
/// `traitement`), but not the register's own headers.
fn repeats_header(found: &Header, first: &Header) -> bool {
    let key = |c: &Column| collapse_whitespace(&c.header).to_lowercase();
    let first_keys: Vec<String> = first.columns.iter().map(key).collect();
    let same = found.columns.iter().filter(|c| first_keys.contains(&key(c))).count();
    same > 0 && same * 2 >= found.columns.len()
}

/// Reconstructs the register table of a document.
pub fn reconstruct(pages: &[Page]) -> Result<Table, TableError> {
    let pages: Vec<PageLines> = pages.iter().map(PageLines::new).collect();
    if pages.iter().all(|p| p.lines.is_empty()) {
        return Err(TableError::NoText);
    }
    let running = RunningLines::find(&pages);

    let (first_index, mut first_header) = pages
        .iter()
        .enumerate()
        .find_map(|(i, p)| p.find_header(None, &[]).map(|h| (i, h)))
        .ok_or(TableError::NoHeader)?;
    // The later pages' headers, if printed again.
    let later_headers = |first: &Header, proven: &[&'static str]| -> Vec<Option<Header>> {
        pages.iter().skip(first_index + 1).map(|p| p.find_header(Some(first.lines), proven)).collect()
    };
    let mut later = later_headers(&first_header, &[]);
    // A river any page's body shows under its header parts that header on
    // every page: read the headers again knowing it.
    let mut proven: Vec<&'static str> =
        later.iter().flatten().chain(std::iter::once(&first_header)).flat_map(|h| h.river_fields.clone()).collect();
    proven.sort_unstable();
    proven.dedup();
    if !proven.is_empty() {
        if let Some(header) = pages.get(first_index).and_then(|p| p.find_header(None, &proven)) {
            first_header = header;
        }
        later = later_headers(&first_header, &proven);
    }
    let mut columns = first_header.columns.clone();
    // A last column no rule closes reaches the page's right edge, and on
    // every page that page's own: a later page may be set wider (a text
    // rendering's longer line, a landscape page), and its text is the
    // column's all the same.
    let open_right = pages.get(first_index).is_some_and(|p| columns.last().is_some_and(|c| c.x1 >= p.page.width));
    // Inner boundaries on rules; the outer edges may have none (a table
    // ruled inside only).
    let ruled_columns = columns
        .iter()
        .skip(1)
        .all(|c| pages.get(first_index).is_some_and(|p| p.vertical.iter().any(|r| rule_at_start(r, c))));

    // The first header band's lines, which a table set after another on
    // the same page prints again.
    let header_texts: Vec<String> = pages
        .get(first_index)
        .map(|p| {
            p.lines
                .iter()
                .filter(|l| l.bbox.center_y() > first_header.top && l.bbox.center_y() < first_header.bottom)
                .map(|l| collapse_whitespace(&l.text()))
                .collect()
        })
        .unwrap_or_default();
    // Per page: the header band (if printed) and the body's vertical extent.
    let mut bodies: Vec<Body> = Vec::new();
    let mut table_ruled = false;
    for (i, p) in pages.iter().enumerate().skip(first_index) {
        let header = if i == first_index {
            Some(first_header.clone())
        } else {
            later.get_mut(i - first_index - 1).and_then(Option::take).filter(|h| repeats_header(h, &first_header))
        };
        // A page that prints the header again gets its own columns (text
        // renderings shift them from page to page); others keep the last ones.
        let printed = header.as_ref().is_some_and(|h| h.columns.len() == columns.len());
        if let Some(h) = header.as_ref().filter(|_| printed) {
            columns = h.columns.clone();
        }
        if let Some(last) = columns.last_mut().filter(|_| open_right) {
            last.x1 = last.x1.max(p.page.width);
        }
        let top = header.as_ref().map_or(0.0, |h| h.bottom);
        let (x0, x1) = (columns.first().map_or(0.0, |c| c.x0), columns.last().map_or(p.page.width, |c| c.x1));
        let rules = p.spanning_rules(x0, x1, ROW_RULE_SPAN);
        let inner: Vec<f64> = rules.iter().copied().filter(|y| *y > top + RULE_SNAP).collect();
        let frame_bottom = if ruled_columns {
            let vertical_bottom = p
                .vertical
                .iter()
                .filter(|r| r.rect.y1 > top && (r.rect.center_x() - x0).abs() <= RULE_SNAP)
                .map(|r| r.rect.y1)
                .fold(f64::NEG_INFINITY, f64::max);
            let lowest =
                inner.iter().copied().filter(|y| *y <= vertical_bottom + RULE_SNAP).fold(f64::NEG_INFINITY, f64::max);
            // A row the page break cuts may have no rule under it (WeasyPrint
            // draws none under a cell it splits): the column rules run on
            // below the lowest rule, and the table with them.
            if lowest.is_finite() && vertical_bottom > lowest + RULE_SNAP { vertical_bottom } else { lowest }
        } else {
            table_bottom_rule(p, &inner, &columns, &running)
        };
        let bottom = if frame_bottom.is_finite() {
            unframed_row_bottom(p, frame_bottom, &columns, &running).unwrap_or(frame_bottom)
        } else {
            f64::INFINITY
        };
        let row_rules: Vec<f64> = inner.iter().copied().filter(|y| *y < bottom - RULE_SNAP).collect();
        let lines: Vec<&Line> = p
            .lines
            .iter()
            .filter(|l| l.bbox.center_y() > top && l.bbox.center_y() < bottom && !running.holds(p, l))
            .collect();
        if parts_rows(&row_rules, (top, bottom), &lines, &columns, &p.vertical) {
            table_ruled = true;
        }
        let (lines, headings) = drop_repeated_headers(lines, &header_texts);
        let below: Vec<&Line> =
            p.lines.iter().filter(|l| l.bbox.center_y() >= bottom && !running.holds(p, l)).collect();
        if !ruled_columns && !lines.is_empty() {
            // Under columns the page prints, a line across one is a row its
            // rendering shifted by a character or two, and is left out. But
            // where nearly every line crosses them, the header is set apart
            // from its columns' edges (centred) and only shows roughly where
            // they are; columns carried over from the page before are only a
            // guess of where this page sets its text (a text rendering may
            // shift them all). There, every line but a heading across them
            // shows the page's gutters.
            if !printed {
                anchor_to_gutters(&mut columns, &lines);
            }
            let crossing = lines.iter().filter(|l| crosses_columns(l, &columns, &[])).count();
            let header_at_edges = printed
                && (crossing as f64) < HEADER_APART_CROSSING * lines.len() as f64
                && !texts_open_before_headers(&columns, &lines);
            if header_at_edges {
                move_to_hidden_gutters(&mut columns, &lines);
                open_columns_where_their_text_does(&mut columns, &lines);
            }
            let fitting: Vec<&Line> = lines
                .iter()
                .copied()
                .filter(|l| {
                    if header_at_edges { !crosses_columns(l, &columns, &[]) } else { !full_width(l, &columns, &[]) }
                })
                .collect();
            // A header centred over its column starts right of the column's
            // text, and a text rendering may shift a header a character
            // right of its column (` N°` over `1`): the first column
            // reaches the body's left edge, rows left out of the fitting
            // for running across the columns included.
            let body_left = lines.iter().flat_map(|l| l.words.first()).map(|w| w.bbox.x0).fold(f64::INFINITY, f64::min);
            if let Some(first) = columns.first_mut() {
                first.x0 = first.x0.min(body_left);
            }
            fit_gutters(&mut columns, &fitting, printed && !header_at_edges);
        }
        let header_again = printed && i > first_index;
        let above: Vec<&Line> = match header.as_ref().filter(|_| header_again) {
            Some(h) => p.lines.iter().filter(|l| l.bbox.y1 <= h.top + 1.0 && !running.holds(p, l)).collect(),
            None => Vec::new(),
        };
        bodies.push(Body { page: p, lines, headings, below, header_again, above, row_rules, columns: columns.clone() });
    }
    if !table_ruled {
        // Rules that only frame headings part no rows.
        for body in &mut bodies {
            body.row_rules.clear();
        }
    }
    let columns = bodies.first().map(|b| b.columns.clone()).unwrap_or(columns);

    // Notes are read from the last page up: a page holding nothing but
    // notes shows the table ended on a page before it.
    let mut trailing_notes: Vec<Vec<&Line>> = Vec::new();
    for body in bodies.iter_mut().rev() {
        trailing_notes.insert(0, take_notes(body, table_ruled));
        if !body.lines.is_empty() {
            break;
        }
    }

    let rows = if table_ruled {
        RowSeparation::Rules
    } else if let Some(alignment) = cell_alignment(&bodies) {
        RowSeparation::Whitespace(alignment)
    } else {
        RowSeparation::FirstColumn
    };
    let (rows_crossed, rows_open) = if table_ruled { rows_crossed_and_open(&bodies) } else { (0, 0) };
    let rules_cross_rows = table_ruled && rows_open == 0;
    // Inner rules across some rows and not others: a zebra table, whose
    // rules leave its unshaded rows open.
    let rules_part_every_row = rows_crossed == 0 || rows_open == 0;
    let mut entries: Vec<Entry> = Vec::new();
    let mut current: Option<Row> = None;
    let mut previous_below: &[&Line] = &[];
    let mut notes_above_last: Vec<&[&Line]> = Vec::new();
    // How the headings between tables are set, where there are any.
    let mut heading_style: Option<(bool, f64)> = None;
    let mut row_cuts = 0;
    // Rows opening a page below a row of the page before, read as new rows
    // though their first cell opens with a capital: their other cells may
    // still show them to go on with that row.
    let mut page_top_rows: Vec<usize> = Vec::new();
    for (b, body) in bodies.iter().enumerate() {
        let number = body.page.page.number;
        let vertical = &body.page.vertical;
        let columns = &body.columns;
        // A heading between the end of one table and the header of the
        // next (a register set as one table per group), or under a page's
        // frame where the table goes on over the next page (an unshaded
        // heading row after a zebra table's last shaded row), opens a
        // section.
        let between: Vec<&Line> = previous_below.iter().chain(&body.above).copied().collect();
        let goes_on_under = !previous_below.is_empty() && !body.lines.is_empty();
        if (body.header_again || goes_on_under) && is_heading(&between) {
            if let Some(line) = between.first() {
                heading_style.get_or_insert(style_of(line));
            }
            open_section(&mut entries, &mut current, join_heading(&between), number);
        } else if !previous_below.is_empty() {
            // Text under a page's table that heads no next table (a note
            // set where the table stopped short of the page's end) is a
            // note all the same: nothing printed is dropped.
            notes_above_last.push(previous_below);
        }
        previous_below = &body.below;
        let leading = leading_of(&body.lines, columns);
        let body_mostly_plain = body.lines.iter().filter(|l| !l.is_bold()).count() * 2 > body.lines.len();
        let mut headings = body.headings.iter().peekable();
        let breaks = PageBreaks { goes_on: current.is_some(), cut_below: b + 1 < bodies.len() };
        let blocks = row_blocks(body, rows, rules_part_every_row, leading.row, breaks);
        let merged_above = merged_with_block_above(body, &blocks);
        if !body.row_rules.is_empty() {
            row_cuts += blocks.len().saturating_sub(1);
        }
        for (k, block) in blocks.into_iter().enumerate() {
            let block_top = block.first().map_or(f64::INFINITY, |l| l.bbox.y0);
            while let Some((_, heading)) = headings.next_if(|(y, _)| *y < block_top) {
                heading_style.get_or_insert(style_of(heading));
                open_section(&mut entries, &mut current, heading.text(), number);
            }
            let section = runs_across_as_heading(&block, columns, vertical)
                || table_ruled && is_merged_row(&block, columns, vertical, rules_cross_rows)
                || rows != RowSeparation::Rules && k > 0 && is_first_column_heading(&block, columns)
                || body_mostly_plain && is_bold_first_column_heading(&block, columns);
            if section {
                if let [line] = block.as_slice() {
                    heading_style.get_or_insert(style_of(line));
                }
                open_section(&mut entries, &mut current, join_heading(&block), number);
                continue;
            }
            let aligned;
            let columns_here = if ruled_columns {
                columns
            } else {
                aligned = align_to_row(&block, columns);
                &aligned
            };
            let parts = row_parts(&block, columns_here, ruled_columns, number, leading.line);
            // Between whitespace bands, a block cut from a row taller than
            // the rows around it (its one tall cell run on past the others)
            // goes on with that row.
            let cut_from_row = k > 0 && matches!(rows, RowSeparation::Whitespace(_)) && only_goes_on(&parts);
            let continuation = current.is_some() && (k == 0 && continues_previous(parts.first()) || cut_from_row);
            if k == 0 && current.is_some() && !continuation {
                page_top_rows.push(entries.len() + 1);
            }
            if !continuation {
                entries.extend(current.take().map(Entry::Row));
            }
            let row = current.get_or_insert_with(Row::default);
            if !continuation {
                row.merged_above = merged_above.get(k).cloned().unwrap_or_default();
            }
            extend_row(row, parts, number);
        }
        for (_, heading) in headings {
            heading_style.get_or_insert(style_of(heading));
            open_section(&mut entries, &mut current, heading.text(), number);
        }
    }
    entries.extend(current.take().map(Entry::Row));
    join_continued_rows(&mut entries, &page_top_rows);
    if !ruled_columns {
        let page_columns: Vec<(u32, &[Column])> =
            bodies.iter().map(|b| (b.page.page.number, b.columns.as_slice())).collect();
        part_repeated_values(&mut entries, &page_columns);
    }
    split_trailing_headings(&mut entries);
    share_merged_cells(&mut entries, row_cuts);
    mark_word_breaks(&mut entries, columns.len(), ruled_columns.then_some(columns.as_slice()));
    mark_added_hyphens(&mut entries);

    let mut preamble: Vec<Line> = pages
        .get(first_index)
        .map(|p| {
            p.lines.iter().filter(|l| l.bbox.y1 <= first_header.top + 1.0 && !running.holds(p, l)).cloned().collect()
        })
        .unwrap_or_default();
    // Where one-line headings open sections, the line set like them just
    // above the first table, closer to it than to the line above (a
    // heading belongs to what follows), heads the first section. A line
    // alone above the table is the register's title.
    let before_last = preamble.len().checked_sub(2).and_then(|k| preamble.get(k));
    if let (Some((bold, size)), Some(last), Some(Entry::Row(_))) = (heading_style, preamble.last(), entries.first())
        && last.is_bold() == bold
        && (last.font_size() - size).abs() < 0.5
        && is_heading(&[last])
        && before_last.is_some_and(|b| first_header.top - last.bbox.y1 < last.bbox.y0 - b.bbox.y1)
    {
        let text = last.text();
        let page = pages.get(first_index).map_or(1, |p| p.page.number);
        entries.insert(0, Entry::Section { text, page });
        preamble.pop();
    }
    let table_right = columns.last().map_or(f64::NEG_INFINITY, |c| c.x1);
    let notes = notes_above_last
        .into_iter()
        .chain(trailing_notes.iter().map(Vec::as_slice))
        .flat_map(|lines| paragraphs(lines, table_right))
        .collect();
    Ok(Table { columns, entries, preamble, notes })
}

/// Decides which cell lines end inside a word, so that the register stage
/// joins them to the next line without a space. A line followed by a space
/// in the source (a drawn space glyph) ends at a word boundary. Otherwise:
/// - a line ending with a hyphen breaks a word (`e-` / `mail`, `-` / `DGCS`):
///   word processors break after a hyphen only inside a word;
/// - a line of one token reaching the column's right text edge, continued
///   by a word part, is a word broken at the cell's edge (`1000Premier` /
///   `sJours`, `l’établisseme` / `nt`; see [`cut_at_edge`]);
/// - where the source marks the space after nearly every wrapped line (text
///   extracted from a PDF), any line without it, where it would have fit,
///   ends inside a word.
fn mark_word_breaks(entries: &mut [Entry], column_count: usize, ruled: Option<&[Column]>) {
    let mut right_edge = vec![f64::NEG_INFINITY; column_count];
    let mut left_padding = vec![f64::INFINITY; column_count];
    // Each column's widest line, the first of those as wide.
    let mut widest: Vec<Option<&CellLine>> = vec![None; column_count];
    for entry in entries.iter() {
        let Entry::Row(row) = entry else { continue };
        for (c, cell) in row.cells.iter().enumerate() {
            for line in cell.iter().flat_map(|part| part.lines.iter()) {
                if let Some(edge) = right_edge.get_mut(c) {
                    *edge = edge.max(line.bbox.x1);
                }
                if let Some(slot) = widest.get_mut(c).filter(|w| w.is_none_or(|w| line.bbox.x1 > w.bbox.x1)) {
                    *slot = Some(line);
                }
                if let (Some(padding), Some(column)) = (left_padding.get_mut(c), ruled.and_then(|r| r.get(c))) {
                    *padding = padding.min(line.bbox.x0 - column.x0);
                }
            }
        }
    }
    // Between rules, a column's text edge is its right rule less the
    // padding its text keeps from the left one, even where no line reaches
    // it (a column of short cells, whose longest line is no edge).
    for ((edge, padding), column) in right_edge.iter_mut().zip(&left_padding).zip(ruled.unwrap_or_default()) {
        if padding.is_finite() {
            *edge = edge.max(column.x1 - padding.max(0.0));
        }
    }
    let columns_fit_words = ruled.is_some() && columns_sized_to_their_words(&widest, &right_edge);
    // Whether the source says where lines end at a space (PDF producers that
    // draw the trailing space glyph do); without that, a lone dash ending a
    // line is read as a separator, not as a word cut after its hyphen.
    let (mut wrapped, mut spaced) = (0usize, 0usize);
    for part in rows_of(entries).flat_map(|r| r.cells.iter().flatten()) {
        for line in part.lines.iter().take(part.lines.len().saturating_sub(1)) {
            wrapped += 1;
            spaced += usize::from(line.ends_with_space);
        }
    }
    let marks_line_end_spaces = spaced > 0;
    // Where the lines of several words that wrap mostly reach the column's
    // edge, the text is justified: reaching the edge tells no cut there.
    let (mut wrapped_words, mut reaching) = (0usize, 0usize);
    for row in rows_of(entries) {
        for (cell, edge) in row.cells.iter().zip(&right_edge) {
            for part in cell {
                for line in part.lines.iter().take(part.lines.len().saturating_sub(1)).filter(|l| l.text.contains(' '))
                {
                    wrapped_words += 1;
                    reaching += usize::from(reaches_edge(line, *edge));
                }
            }
        }
    }
    let justified = wrapped_words >= MIN_JUSTIFIED_LINES && reaching * 2 > wrapped_words;
    let printed = PrintedWords::of(entries);
    // Text extracted from a PDF keeps a trailing space on every line that
    // ends at a word boundary: there, a line without one ends inside a word,
    // unless the space would have passed the column's edge (a PDF producer
    // that draws line-end spaces leaves out those: `Service instructeur ;`
    // / `commission`).
    let every_boundary_marked = wrapped >= 10 && spaced * 100 >= wrapped * 95;
    // A typesetter that hyphenates between syllables, with a hyphen of its
    // own (`périsco‐` / `laires`), breaks no word without one.
    let hyphenates = rows_of(entries)
        .flat_map(|r| r.cells.iter().flatten())
        .any(|part| part.lines.iter().any(|l| ends_in_added_hyphen(&l.text)));
    let evidence = LineEndEvidence {
        every_boundary_marked,
        marks_line_end_spaces,
        cuts_words: !hyphenates && !columns_fit_words,
        justified,
        printed: &printed,
    };
    for entry in entries.iter_mut() {
        let Entry::Row(row) = entry else { continue };
        for (c, cell) in row.cells.iter_mut().enumerate() {
            let edge = right_edge.get(c).copied().unwrap_or(f64::INFINITY);
            let lines: Vec<&CellLine> = cell.iter().flat_map(|part| part.lines.iter()).collect();
            // The cut word a line ends on so far: a line of one token after
            // a line that broke a word goes on with it (`1000Pr` / `emiers` /
            // `Jours` in a column narrower than `1000Premiers`).
            let mut carried = String::new();
            let mut breaks: Vec<bool> = Vec::with_capacity(lines.len());
            for (i, line) in lines.iter().enumerate() {
                let last = line.text.rsplit(' ').next().unwrap_or("");
                let word_so_far = if line.text.contains(' ') { last.to_string() } else { format!("{carried}{last}") };
                let next = lines.get(i + 1).copied();
                let breaks_here = evidence.breaks_word(line, next, &word_so_far, edge);
                carried = if breaks_here { word_so_far } else { String::new() };
                breaks.push(breaks_here);
            }
            for (line, breaks_word) in cell.iter_mut().flat_map(|part| part.lines.iter_mut()).zip(breaks) {
                line.breaks_word = breaks_word;
            }
        }
    }
}

/// How close (points) to its column's text edge a line ends flush with it.
const FLUSH: f64 = 0.02;

/// Fewest columns whose widest line is one word flush with their text
/// edge that show a table sizing its columns to their longest words.
const MIN_FLUSH_COLUMNS: usize = 2;

/// Whether a ruled table sizes each column to its longest word, as
/// jsPDF-AutoTable does when its table is wider than the page: in
/// [`MIN_FLUSH_COLUMNS`] columns or more, the widest line is one word
/// ending flush with the column's text edge, to [`FLUSH`] (a word a
/// typesetter cut there ends anywhere within a character of it). Such a
/// table never has to cut a word. `widest` holds each column's widest
/// line, `right_edge` its text edge.
fn columns_sized_to_their_words(widest: &[Option<&CellLine>], right_edge: &[f64]) -> bool {
    let flush = widest.iter().zip(right_edge).filter(|(line, edge)| {
        line.is_some_and(|l| {
            let word = l.text.trim_start_matches(LIST_MARKS).trim_start();
            !word.contains(' ') && (l.bbox.x1 - **edge).abs() <= FLUSH
        })
    });
    flush.count() >= MIN_FLUSH_COLUMNS
}

/// Fewest wrapped lines of several words that show a table justified
/// (most of them reaching their column's edge).
const MIN_JUSTIFIED_LINES: usize = 4;

/// What the table shows of how its producer ends lines, for
/// [`LineEndEvidence::breaks_word`].
struct LineEndEvidence<'a> {
    /// The source keeps a space after every line ending at a word boundary
    /// where the space fits before the column's edge.
    every_boundary_marked: bool,
    /// The source spaces some line ends (where the space fits).
    marks_line_end_spaces: bool,
    /// The typesetter may cut a word at a cell's edge: it neither
    /// hyphenates words with a hyphen of its own ([`ends_in_added_hyphen`])
    /// nor sizes its columns to their longest words
    /// ([`columns_sized_to_their_words`]).
    cuts_words: bool,
    /// Most lines of several words that wrap reach their column's edge.
    justified: bool,
    /// The words the table prints.
    printed: &'a PrintedWords,
}

impl LineEndEvidence<'_> {
    /// Whether a cell's line ends inside a word that `next` goes on with.
    /// `word_so_far` is its last word, with the pieces before it where
    /// earlier lines cut it; `edge` is its column's right text edge.
    fn breaks_word(&self, line: &CellLine, next: Option<&CellLine>, word_so_far: &str, edge: f64) -> bool {
        if line.ends_with_space {
            return false;
        }
        if self.every_boundary_marked && space_fits(line, edge) {
            return true;
        }
        if line.text == "-" || line.text.ends_with(" -") {
            // After punctuation (`; -`, `: -`) or alone, the dash opens a
            // list item: a separator.
            let before = line.text.trim_end_matches('-').trim_end();
            let opens_item = before.is_empty() || before.ends_with([';', ':', ',', '.']);
            return self.marks_line_end_spaces && !opens_item && space_fits(line, edge);
        }
        let printed = self.printed;
        line.text.ends_with('-')
            || ends_in_added_hyphen(&line.text)
            // French sets no space after a slash: a line ending on one
            // broke a token there (`WSS/` / `ECU`, `envoi/` / `transmission`).
            || line.text.ends_with('/') && next.is_some_and(|n| n.text.starts_with(char::is_alphanumeric))
            || ends_with_elision(&line.text)
            || next.is_some_and(|n| printed.completes_cut_word(word_so_far, n))
            || next.is_some_and(|n| ends_cut_word(line, n))
            // French sets no space before a comma: one opening a line goes
            // on the word before it (`Finances` / `, achats` in a column too
            // narrow for both).
            || next.is_some_and(|n| n.text.starts_with([')', ']', ',']))
            || next.is_some_and(|next| {
                self.cuts_words
                    && !printed.fill_line_whole(line, next)
                    && !printed.spells_two_words(&line.text, &next.text)
                    && cut_at_edge(line, next, edge)
            })
            || next.is_some_and(|next| {
                self.cuts_words
                    && !self.justified
                    && cut_after_words(line, next, edge)
                    && printed.pieces_of_one_word(&line.text, &next.text)
            })
    }
}

/// Fewer words found whole elsewhere in the table, after a break at a
/// final hyphen, than this do not show that the typesetter hyphenates.
const MIN_HYPHENATION_EVIDENCE: usize = 2;

/// Decides which final hyphens of word-breaking lines a hyphenating
/// typesetter added (TeX, groff and page-layout programs break words
/// between syllables; word processors and browsers, by default, break only
/// after a hyphen the word has). The table's own words decide: a break
/// `X-` / `y…` whose `Xy` the table prints whole elsewhere, and whose
/// `X-y` it does not, is a hyphenation. Where at least
/// [`MIN_HYPHENATION_EVIDENCE`] breaks are, and more than are shown to be
/// the word's own hyphen, the typesetter hyphenates: its breaks that no
/// word decides are hyphenations too. Otherwise every hyphen is kept.
fn mark_added_hyphens(entries: &mut [Entry]) {
    let lines = || rows_of(entries).flat_map(|r| r.cells.iter().flatten()).flat_map(|part| part.lines.iter());
    // Too few lines end on a hyphen to show anything: no vocabulary needed.
    if lines().filter(|l| l.breaks_word && l.text.ends_with('-')).count() < MIN_HYPHENATION_EVIDENCE {
        return;
    }
    let mut words: HashSet<String> = HashSet::new();
    for line in lines() {
        words.extend(line.text.split(' ').map(vocabulary_form).filter(|w| !w.is_empty()));
    }
    // Each candidate break: whether the table shows it added (`Some(true)`),
    // the word's own (`Some(false)`), or says nothing.
    let shown = |line: &CellLine, next: &CellLine| -> Option<Option<bool>> {
        let (head, tail) = hyphen_break(line, next)?;
        if words.contains(&format!("{head}-{tail}")) {
            Some(Some(false))
        } else if words.contains(&format!("{head}{tail}")) {
            Some(Some(true))
        } else {
            Some(None)
        }
    };
    let mut verdicts: Vec<Option<bool>> = Vec::new();
    for cell in rows_of(entries).flat_map(|r| r.cells.iter()) {
        let lines: Vec<&CellLine> = cell.iter().flat_map(|part| part.lines.iter()).collect();
        verdicts.extend(lines.windows(2).filter_map(|pair| match pair {
            [line, next] => shown(line, next),
            _ => None,
        }));
    }
    let added = verdicts.iter().filter(|v| **v == Some(true)).count();
    let own = verdicts.iter().filter(|v| **v == Some(false)).count();
    if added < MIN_HYPHENATION_EVIDENCE || added <= own {
        return;
    }
    let mut verdicts = verdicts.into_iter();
    for entry in entries.iter_mut() {
        let Entry::Row(row) = entry else { continue };
        for cell in &mut row.cells {
            let mut lines: Vec<&mut CellLine> = cell.iter_mut().flat_map(|part| part.lines.iter_mut()).collect();
            for i in 1..lines.len() {
                let (before, after) = lines.split_at_mut(i);
                let (Some(line), Some(next)) = (before.last_mut(), after.first()) else { continue };
                if hyphen_break(line, next).is_some() {
                    line.hyphen_added = verdicts.next().flatten().unwrap_or(true);
                }
            }
        }
    }
}

/// A word broken after a hyphen across two lines of a cell, as the
/// vocabulary's forms of its two parts: the line breaks a word on a hyphen
/// that follows a letter, and the next line goes on in lower case.
fn hyphen_break(line: &CellLine, next: &CellLine) -> Option<(String, String)> {
    let head = line.text.rsplit(' ').next()?.strip_suffix('-')?;
    let tail = next.text.split(' ').next()?;
    let letter_before = head.chars().last().is_some_and(char::is_alphabetic);
    let lower_after = tail.chars().next().is_some_and(char::is_lowercase);
    (line.breaks_word && letter_before && lower_after).then(|| (vocabulary_form(head), vocabulary_form(tail)))
}

/// Words French elides before a vowel (`d’`, `l’`, `jusqu’`).
const ELIDED: &[&str] = &["c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"];

/// A line ending with an elided word (`d’`, `l’`, `jusqu’`), which French
/// always writes against the next word: the wrap there cut a word.
fn ends_with_elision(text: &str) -> bool {
    let last = text.rsplit(' ').next().unwrap_or("");
    last.strip_suffix(['’', '\'']).is_some_and(|word| ELIDED.contains(&word.to_lowercase().as_str()))
}

/// What the table's own printing shows of where its words end.
struct PrintedWords {
    /// Words printed whole ([`PrintedWords::whole_in`]).
    whole: HashSet<String>,
    /// Words printed whole inside a line, where no cut word's end stands.
    inside_lines: HashSet<String>,
    /// Words standing alone on a line before unrelated next words
    /// ([`PrintedWords::alone_before_unrelated_words`]).
    before_unrelated_words: HashSet<String>,
    /// The table's spelling, for [`PrintedWords::spells_two_words`].
    spelling: Spelling,
}

/// Letters of [`PrintedWords::spells_two_words`]'s junction, each side.
const JUNCTION_SIDE: usize = 2;
/// Letters by which a word's end or start is known
/// ([`PrintedWords::spells_two_words`]).
const WORD_EDGE_LETTERS: usize = 3;

/// The letter runs the table's words show, indexed so that each question
/// of [`PrintedWords::spells_two_words`] costs the same however long the
/// table is.
struct Spelling {
    /// Every run of `2 * JUNCTION_SIDE` letters inside a word printed whole.
    inner_runs: HashSet<String>,
    /// The last `JUNCTION_SIDE..=WORD_EDGE_LETTERS` letters of the words
    /// printed inside lines.
    endings: HashSet<String>,
    /// Their first `JUNCTION_SIDE..=WORD_EDGE_LETTERS` letters.
    openings: HashSet<String>,
}

/// A word's last [`WORD_EDGE_LETTERS`] letters (all, if fewer).
fn word_ending(letters: &[char]) -> String {
    letters.iter().skip(letters.len().saturating_sub(WORD_EDGE_LETTERS)).collect()
}

/// A word's first [`WORD_EDGE_LETTERS`] letters (all, if fewer).
fn word_opening(letters: &[char]) -> String {
    letters.iter().take(WORD_EDGE_LETTERS).collect()
}

impl Spelling {
    /// Whether `last` ends as words printed inside lines end, and `head`
    /// opens as they open.
    fn end_and_open_like_words(&self, last: &[char], head: &[char]) -> bool {
        self.endings.contains(&word_ending(last)) && self.openings.contains(&word_opening(head))
    }

    fn of(whole: &HashSet<String>, inside_lines: &HashSet<String>) -> Self {
        let mut spelling = Spelling { inner_runs: HashSet::new(), endings: HashSet::new(), openings: HashSet::new() };
        for word in whole {
            let letters: Vec<char> = word.chars().collect();
            for run in letters.windows(2 * JUNCTION_SIDE) {
                spelling.inner_runs.insert(run.iter().collect());
            }
        }
        for word in inside_lines {
            let letters: Vec<char> = word.chars().collect();
            for n in JUNCTION_SIDE..=WORD_EDGE_LETTERS.min(letters.len()) {
                spelling.openings.insert(letters.iter().take(n).collect());
                spelling.endings.insert(letters.iter().skip(letters.len() - n).collect());
            }
        }
        spelling
    }
}

impl PrintedWords {
    /// Reads the words the table's cells print.
    fn of(entries: &[Entry]) -> Self {
        let whole = Self::whole_in(entries, false);
        let inside_lines = Self::whole_in(entries, true);
        let spelling = Spelling::of(&whole, &inside_lines);
        PrintedWords {
            whole,
            inside_lines,
            before_unrelated_words: Self::alone_before_unrelated_words(entries),
            spelling,
        }
    }

    /// Whether the table prints the word whole somewhere.
    fn known(&self, word: &str) -> bool {
        self.whole.contains(&vocabulary_form(word))
    }

    /// The words the table's cells print whole, in their vocabulary form:
    /// all but the last word of a line with no space after it, which may be
    /// cut (unless the line ends its cell: a cut word goes on in its cell),
    /// and, with `inside_lines`, but the first word of a line too, which
    /// may end a cut word (unless it opens its cell: no cut word ends
    /// there).
    fn whole_in(entries: &[Entry], inside_lines: bool) -> HashSet<String> {
        let mut words = HashSet::new();
        for lines in cells_lines(entries) {
            for (k, line) in lines.iter().enumerate() {
                let tokens: Vec<&str> = line.text.split(' ').collect();
                let ends_cell = k + 1 == lines.len();
                let whole =
                    if line.ends_with_space || ends_cell { tokens.len() } else { tokens.len().saturating_sub(1) };
                let skip = usize::from(inside_lines && k > 0);
                let printed = tokens.iter().take(whole).skip(skip);
                words.extend(printed.map(|t| vocabulary_form(t)).filter(|w| !w.is_empty()));
            }
        }
        words
    }

    /// The words that stand alone on a line before next lines opening with
    /// unrelated words of [`MIN_KNOWN_HEAD_CHARS`] or more (their first two
    /// letters differ), in their vocabulary form. A word cut at a line's
    /// end goes on with the rest of the same word (`Visioconféren` / `ce`,
    /// `ces`) wherever the table prints it; a word as wide as its column is
    /// followed by whatever the text says next (`l’administration` /
    /// `ministère`, `numéro`).
    fn alone_before_unrelated_words(entries: &[Entry]) -> HashSet<String> {
        let mut next_words: HashMap<String, HashSet<String>> = HashMap::new();
        for lines in cells_lines(entries) {
            for pair in lines.windows(2) {
                let [line, next] = pair else { continue };
                let token = line.text.trim_start_matches(LIST_MARKS).trim_start();
                let head = next.text.split(' ').next().unwrap_or("");
                let opening: String =
                    head.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
                if token.contains(' ') || opening.chars().count() < MIN_KNOWN_HEAD_CHARS {
                    continue;
                }
                next_words.entry(vocabulary_form(token)).or_default().insert(opening.chars().take(2).collect());
            }
        }
        next_words.into_iter().filter(|(_, openings)| openings.len() >= 2).map(|(word, _)| word).collect()
    }

    /// A line's last word (with what it goes on from, where lines before
    /// cut it) that the table prints whole nowhere, but does print whole
    /// with the next line's first word after it (`Direction généra` / `le de
    /// la`, where `générale` stands elsewhere): a word cut at the cell's
    /// edge, even where its end is a word of its own.
    fn completes_cut_word(&self, last: &str, next: &CellLine) -> bool {
        let head = next.text.split(' ').next().unwrap_or("");
        last.chars().last().is_some_and(char::is_alphabetic)
            && head.chars().next().is_some_and(char::is_alphabetic)
            && !head.contains(['’', '\''])
            && !self.known(last)
            && self.known(&format!("{last}{head}"))
    }

    /// Whether a line's last word and the next line's first read as two
    /// words by the table's own spelling: no word it prints whole holds
    /// their junction (the last two letters of one and the first two of
    /// the other: `ns` + `no` of `Habilitations` / `nominatives`), while
    /// words it prints inside lines (where no cut piece stands) end as the
    /// first does (its last three letters) and open as the second does. A
    /// word cut at a cell's edge goes on with letters that words hold
    /// inside (`interdépartem` / `entale`: `emen`, as in `traitement`),
    /// and its first piece seldom ends as a word does (`1000Pr` / `emiers`).
    fn spells_two_words(&self, line: &str, next: &str) -> bool {
        let last: Vec<char> = vocabulary_form(line.rsplit(' ').next().unwrap_or("")).chars().collect();
        let head: Vec<char> = vocabulary_form(next.split(' ').next().unwrap_or("")).chars().collect();
        if last.len() < JUNCTION_SIDE
            || head.len() < JUNCTION_SIDE
            || !last.iter().chain(&head).all(|c| c.is_alphabetic())
        {
            return false;
        }
        let tail: String = last.iter().skip(last.len().saturating_sub(JUNCTION_SIDE)).collect();
        let opening: String = head.iter().take(JUNCTION_SIDE).collect();
        !self.spelling.inner_runs.contains(&format!("{tail}{opening}"))
            && self.spelling.end_and_open_like_words(&last, &head)
    }

    /// Whether a line's last word and the next line's first are pieces of
    /// one word cut where the line ended: the table prints neither whole
    /// (the second, inside a line: where it opens one, it may be that piece),
    /// the pieces end and open unlike the words it prints inside lines, and
    /// the letters around the cut (up to three each side) run inside a word
    /// it does print whole (`prof` / `essionnelles`: `rofess`, as in
    /// `professionnelle`); or the first piece is a lone letter after an
    /// elision, which is no word (`d’h` / `ébergement`).
    fn pieces_of_one_word(&self, line: &str, next: &str) -> bool {
        let last = line.rsplit(' ').next().unwrap_or("");
        let head = next.split(' ').next().unwrap_or("");
        let (tail, opening) = (vocabulary_form(last), vocabulary_form(head));
        let letters = |w: &str| !w.is_empty() && w.chars().all(char::is_alphabetic);
        if !letters(&tail) || !letters(&opening) || self.known(last) || self.inside_lines.contains(&opening) {
            return false;
        }
        let (tail, opening): (Vec<char>, Vec<char>) = (tail.chars().collect(), opening.chars().collect());
        let elided_letter = tail.len() == 1 && opens_with_elision(last);
        let junction = format!("{}{}", word_ending(&tail), word_opening(&opening));
        elided_letter
            || tail.len() >= JUNCTION_SIDE
                && opening.len() >= JUNCTION_SIDE
                && !self.spelling.end_and_open_like_words(&tail, &opening)
                && self.whole.iter().any(|word| word.contains(&junction))
    }

    /// A line holding one word that the table prints whole elsewhere, or
    /// that stands alone before unrelated words, or followed by a word of
    /// [`MIN_KNOWN_HEAD_CHARS`] or more that it prints inside a line (the
    /// end of a cut word only ever opens one), where the two joined are
    /// printed nowhere; or followed by a word opening with an elision: a
    /// word as wide as its column (`l’administration` / `élèves`), not one
    /// cut there (a cut leaves a part of a word: `Visioconféren` / `ce`,
    /// `l’établisseme` / `nt`).
    fn fill_line_whole(&self, line: &CellLine, next: &CellLine) -> bool {
        let token = line.text.trim_start_matches(LIST_MARKS).trim_start();
        let head = next.text.split(' ').next().unwrap_or("");
        let head_known = head.chars().filter(|c| c.is_alphanumeric()).count() >= MIN_KNOWN_HEAD_CHARS
            && self.inside_lines.contains(&vocabulary_form(head));
        let shown_whole = self.known(token) || self.before_unrelated_words.contains(&vocabulary_form(token));
        !token.contains(' ')
            && (opens_with_elision(head) || (shown_whole || head_known) && !self.known(&format!("{token}{head}")))
    }
}

/// Each cell's lines, across the pages it spans.
fn cells_lines(entries: &[Entry]) -> impl Iterator<Item = Vec<&CellLine>> {
    rows_of(entries)
        .flat_map(|row| row.cells.iter().map(|cell| cell.iter().flat_map(|part| part.lines.iter()).collect()))
}

/// A word opening with an elided word (`d’accès`, `l’administration`):
/// French writes the elision only at a word's start.
fn opens_with_elision(word: &str) -> bool {
    word.split_once(['’', '\'']).is_some_and(|(elided, rest)| {
        ELIDED.contains(&elided.to_lowercase().as_str()) && rest.starts_with(char::is_alphabetic)
    })
}

/// Fewest letters a next line's first word needs for the table's printing
/// it whole elsewhere to show it is a word of its own: shorter ones are
/// often the end of a cut word too (`ce`, `nt`, `les`).
const MIN_KNOWN_HEAD_CHARS: usize = 4;

/// The line ends less than about a character short of the column's right
/// text edge.
fn reaches_edge(line: &CellLine, edge: f64) -> bool {
    line.bbox.x1 >= edge - 0.65 * line.bbox.height().max(1.0)
}

/// Whether a space would still fit after the line before the column's
/// right text edge: where it would not, a producer that draws the spaces
/// ending lines leaves it out, and its absence says nothing.
fn space_fits(line: &CellLine, edge: f64) -> bool {
    line.bbox.x1 + SPACE_WIDTH * line.bbox.height().max(1.0) <= edge
}

/// How much wider than a line's average character its widest are (`M`,
/// `W` beside `i`, `l`).
const WIDE_CHAR: f64 = 1.6;

/// A line cut inside a word at the cell's edge: a token reaching the
/// column's right text edge, followed by a line that goes on with a letter
/// or digit (not `(`, `;`…) and not with a word that stands on its own
/// (`Consultations` / `du public` is a wrap, `Visioconféren` / `ce` a
/// cut), where the two joined would be wider than the next line's room,
/// so the word could not have been wrapped whole. The token is the whole
/// line (a list item's bullet aside: `• Professionnel` / `s`): a
/// typesetter cuts a word only when it is too wide for a line of its own,
/// so it first wraps it to a new line, and the cut piece opens that line
/// (`s de santé de` / `l’établisseme` / `nt`). A line's last word after
/// others, however close to the edge, was wrapped whole (`fonction,
/// adresse` / `électronique`, where the space after `adresse` did not
/// fit). A cut that leaves a word able to fit a line (`Élections prof` /
/// `essionnelles`) looks like an ordinary wrap and is left as one.
fn cut_at_edge(line: &CellLine, next: &CellLine, edge: f64) -> bool {
    const STANDALONE: &[&str] = &[
        "à", "après", "au", "aux", "avant", "avec", "chez", "contre", "dans", "de", "depuis", "des", "du", "en",
        "entre", "et", "la", "le", "les", "lors", "ou", "par", "pendant", "pour", "sans", "selon", "sous", "sur", "un",
        "une", "vers",
    ];
    // A list item's bullet is no word: `• Professionnel` is one token.
    let text = line.text.trim_start_matches(LIST_MARKS).trim_start();
    let head = next.text.split(' ').next().unwrap_or("");
    let goes_on = head.chars().next().is_some_and(char::is_alphanumeric) && !STANDALONE.contains(&head);
    let joined = text.chars().count() as f64 * char_width(line) + head.chars().count() as f64 * char_width(next);
    // The room a word wrapped whole would have had: the next line's own.
    let room = edge - next.bbox.x0;
    // A cut leaves the line short of the edge by less than the character
    // that did not fit, which may be wide (`DNU` / `M`).
    let next_char_fits = line.bbox.x1 + WIDE_CHAR * char_width(next) <= edge;
    !text.contains(' ')
        && (reaches_edge(line, edge) || !next_char_fits)
        && goes_on
        && joined > room
        && !is_legal_basis_phrase(text, head)
        && !longer_than_a_word(text, head)
        && !ends_on_clause_mark(text, head)
}

/// A line of several words cut inside its last one at the cell's edge, as
/// typesetters that fill a line before cutting a word too wide for the
/// column do (ReportLab: `Élections prof` / `essionnelles`): the line ends
/// less than a character short of the column's right text edge, the next
/// line goes on in lower case, and its first word joined to the line's last
/// would be wider than the next line's room, so the typesetter could not
/// have wrapped that word whole. Whether the two are one word is for the
/// table's spelling to say ([`PrintedWords::pieces_of_one_word`]).
fn cut_after_words(line: &CellLine, next: &CellLine, edge: f64) -> bool {
    let Some((_, last)) = line.text.rsplit_once(' ') else { return false };
    let head = next.text.split(' ').next().unwrap_or("");
    let joined = last.chars().count() as f64 * char_width(line) + head.chars().count() as f64 * char_width(next);
    line.bbox.x1 + WIDE_CHAR * char_width(next) > edge
        && head.starts_with(char::is_lowercase)
        && joined > edge - next.bbox.x0
        && !longer_than_a_word(last, head)
}

/// A cell line's average character width.
fn char_width(line: &CellLine) -> f64 {
    line.bbox.width() / line.text.chars().count().max(1) as f64
}

/// Whether a token ends on a comma, semicolon or colon before a word: French
/// sets a space after those, where the typesetter wraps (`Plans,` /
/// `Programmes`), so no word is cut there.
fn ends_on_clause_mark(token: &str, head: &str) -> bool {
    token.ends_with([',', ';', ':']) && head.starts_with(char::is_alphabetic)
}

/// Most letters a word of running text has (`anticonstitutionnellement`).
const MAX_WORD_LETTERS: usize = 25;

/// Whether two runs of letters joined would be longer than any word
/// (`accompagnement` / `psychologique`): two words, not one cut. Runs with
/// other characters (addresses, codes, names with digits) may be longer.
fn longer_than_a_word(token: &str, head: &str) -> bool {
    let letters = |w: &str| w.chars().all(char::is_alphabetic).then(|| w.chars().count());
    matches!((letters(token), letters(head)), (Some(a), Some(b)) if a + b > MAX_WORD_LETTERS)
}

/// A line ending on a letter, followed by a line opening on a lone
/// lower-case letter that is no word (`identificatio` / `n`,
/// `Professionnel` / `s`): only the end of a word cut at the line's end
/// opens a line so, whatever the source says of line ends. Two letters
/// may be a word of another language (`sont` / `in fine`).
fn ends_cut_word(line: &CellLine, next: &CellLine) -> bool {
    const LETTER_WORDS: &[&str] = &["a", "à", "i", "y", "ô"];
    let head = next.text.split(' ').next().unwrap_or("");
    line.text.chars().last().is_some_and(char::is_alphabetic)
        && head.chars().count() == 1
        && head.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
        && !LETTER_WORDS.contains(&head)
}

/// The words of the legal bases of article 6 of the GDPR, which registers
/// print in a narrow column where the first word fills a line on its own
/// (`Obligation` / `légale`, `d’intérêt` / `public`): two words, not a word
/// cut at the cell's edge.
fn is_legal_basis_phrase(fragment: &str, head: &str) -> bool {
    const PHRASES: &[(&str, &str)] = &[
        ("obligation", "légale"),
        ("obligations", "légales"),
        ("intérêt", "public"),
        ("intérêt", "légitime"),
        ("intérêts", "légitimes"),
        ("intérêts", "vitaux"),
        ("mission", "intérêt"),
        ("exécution", "un"),
        ("sauvegarde", "des"),
    ];
    // Lower case, no punctuation around, no elided article (`d’intérêt`).
    let word = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().replace('\'', "’");
        w.rsplit('’').next().unwrap_or_default().to_string()
    };
    let (a, b) = (word(fragment), word(head));
    PHRASES.iter().any(|(x, y)| *x == a && *y == b)
}

/// Most words a heading between two tables holds.
const MAX_HEADING_WORDS: usize = 12;

/// Whether lines are a heading: one or two short lines, no sentence, and
/// no address (`Exercice des droits : dpo@mairie.fr` is the preamble's
/// contact, however it is set).
fn is_heading(lines: &[&Line]) -> bool {
    let words: usize = lines.iter().map(|l| l.words.len()).sum();
    let address = lines.iter().flat_map(|l| l.words.iter()).any(|w| {
        let text = w.text.to_lowercase();
        text.contains('@') || text.starts_with("http") || text.starts_with("www.")
    });
    !lines.is_empty()
        && lines.len() <= 2
        && words <= MAX_HEADING_WORDS
        && !address
        && !lines.last().is_some_and(|l| l.text().ends_with(['.', ':', ';']))
}

/// How a line is set: bold or not, and its size.
fn style_of(line: &Line) -> (bool, f64) {
    (line.is_bold(), line.font_size())
}

/// Closes the row being read and opens a section.
fn open_section(entries: &mut Vec<Entry>, current: &mut Option<Row>, text: String, page: u32) {
    entries.extend(current.take().map(Entry::Row));
    entries.push(Entry::Section { text, page });
}

/// A heading's text, its lines joined.
fn join_heading(lines: &[&Line]) -> String {
    lines.iter().map(|l| l.text()).collect::<Vec<_>>().join(" ")
}

/// Takes out of a page's body lines the header of each table set after
/// the first on the page (its lines repeat the first header band's) and
/// the heading right above it: a short line of one phrase set closer to
/// that header than to the line above it, as a heading belongs to what
/// follows. Returns the lines left and the headings, each with the top of
/// the header it heads.
fn drop_repeated_headers<'p>(lines: Vec<&'p Line>, header: &[String]) -> (Vec<&'p Line>, Vec<(f64, &'p Line)>) {
    let Some(first_header_line) = header.first() else { return (lines, Vec::new()) };
    let header_words = first_header_line.split(' ').count();
    let mut kept: Vec<&Line> = Vec::with_capacity(lines.len());
    let mut headings = Vec::new();
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        if line.words.len() != header_words || collapse_whitespace(&line.text()) != *first_header_line {
            kept.push(line);
            i += 1;
            continue;
        }
        let repeated = header
            .iter()
            .zip(lines.get(i..).unwrap_or_default())
            .take_while(|(want, got)| collapse_whitespace(&got.text()) == **want)
            .count();
        let top = line.bbox.y0;
        let heading = kept.last().copied().filter(|h| {
            let gap_below = top - h.bbox.y1;
            let gap_above =
                kept.len().checked_sub(2).and_then(|k| kept.get(k)).map_or(f64::INFINITY, |a| h.bbox.y0 - a.bbox.y1);
            is_heading(&[h]) && h.phrases(PHRASE_GAP * h.font_size()).len() == 1 && gap_below < gap_above
        });
        if let Some(h) = heading {
            kept.pop();
            headings.push((top, h));
        }
        i += repeated.max(1);
    }
    (kept, headings)
}

/// A ruled row with text but no inner vertical rule across it: a merged,
/// full-width cell. Its text crosses a column boundary, or, where the page
/// rules every inner boundary across every other row (`rules_cross_rows`,
/// see [`rows_crossed_and_open`]), may sit within one column (a short heading
/// in a wide first column): there the missing rules alone show the merge.
/// Either way each of its lines is one phrase: a row of cells whose text
/// runs up to the next column's (cells set without padding) has other
/// phrases beside it.
fn is_merged_row(block: &[&Line], columns: &[Column], vertical: &[Rule], rules_cross_rows: bool) -> bool {
    if block.iter().any(|l| phrases(l, vertical).len() > 1) {
        return false;
    }
    let ruled_elsewhere = rules_cross_rows
        && columns.len() > 1
        && columns.iter().skip(1).all(|c| vertical.iter().any(|r| rule_at_start(r, c)));
    !inner_rule_across(block, columns, vertical)
        && (ruled_elsewhere || block.iter().any(|l| crosses_columns(l, columns, &[])))
}

/// Whether an inner vertical rule runs across the whole band of lines: a
/// table ruled throughout draws one across every row but a merged one; a
/// table ruled only by its shaded rows' edges (zebra) draws none across
/// its unshaded rows.
fn inner_rule_across(block: &[&Line], columns: &[Column], vertical: &[Rule]) -> bool {
    let (Some(first), Some(last)) = (block.first(), block.last()) else { return false };
    let (top, bottom) = (first.bbox.y0, last.bbox.y1);
    columns
        .iter()
        .skip(1)
        .any(|c| vertical.iter().any(|r| rule_at_start(r, c) && r.rect.y0 <= top + 1.0 && r.rect.y1 >= bottom - 1.0))
}

/// Whether a vertical rule runs at a column's left boundary.
fn rule_at_start(rule: &Rule, column: &Column) -> bool {
    (rule.rect.center_x() - column.x0).abs() <= RULE_SNAP
}

/// A block of one or two lines, each running across the columns alone
/// ([`full_width`]): a heading, not a row.
fn runs_across_as_heading(block: &[&Line], columns: &[Column], vertical: &[Rule]) -> bool {
    block.len() <= 2 && block.iter().all(|l| full_width(l, columns, vertical))
}

/// A word space's usual width, in font sizes.
const SPACE_WIDTH: f64 = 0.3;

/// Groups lines into paragraphs: a new paragraph where baselines are
/// further apart than the lines' spacing (more than [`PARAGRAPH_PITCH`] font sizes, and
/// half a font size more than the closest two lines, since a document set
/// with loose spacing spaces every line so; or more than two font sizes),
/// at a line starting with `*`, or after a line that ends a sentence well
/// short of the right margin (the table's right edge, or the lines' own) or
/// where the next line's first word would have fit (within the widest
/// line): the last line of a paragraph set without space after it.
fn paragraphs(lines: &[&Line], right_margin: f64) -> Vec<Vec<Line>> {
    let widest = lines.iter().map(|l| l.bbox.x1).fold(f64::NEG_INFINITY, f64::max);
    let right = widest.max(right_margin);
    let left = lines.iter().map(|l| l.bbox.x0).fold(f64::INFINITY, f64::min);
    let spacing =
        lines.windows(2).filter_map(|w| Some(w.get(1)?.bbox.y1 - w.first()?.bbox.y1)).fold(f64::INFINITY, f64::min);
    let mut out: Vec<Vec<Line>> = Vec::new();
    let mut previous: Option<&Line> = None;
    for line in lines {
        let new = previous.is_none_or(|p| {
            let size = line.font_size();
            // A sentence ended short of the margin, or where the next
            // line's first word would have fit after it.
            let first_word = line.words.first().map_or(f64::INFINITY, |w| w.bbox.width());
            let room = widest - p.bbox.x1 - SPACE_WIDTH * size;
            let ended =
                p.text().ends_with(['.', '!', '?']) && (p.bbox.x1 < left + 0.85 * (right - left) || first_word < room);
            let pitch = line.bbox.y1 - p.bbox.y1;
            let spaced = pitch > PARAGRAPH_PITCH * size && (pitch > spacing + 0.5 * size || pitch > 2.0 * size);
            spaced || line.text().starts_with('*') || ended
        });
        match out.last_mut() {
            Some(par) if !new => par.push((*line).clone()),
            _ => out.push(vec![(*line).clone()]),
        }
        previous = Some(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shifted_page_takes_its_own_gutters_past_an_empty_column_and_hanging_marks() {
        let carried = vec![
            column("N°", 0.0, 30.0, 10.0),
            column("Traitement", 30.0, 150.0, 80.0),
            column("Données", 150.0, 300.0, 200.0),
            column("Durée", 300.0, 400.0, 330.0),
        ];
        // The page sets its columns left of the carried ones, leaves the
        // first one empty, parts a justified cell's words (`Identité   et`,
        // two phrases) and hangs list marks in the gutter before their items.
        let page = [
            line(
                12.0,
                &[
                    ("Dossier", 30.0, 65.0),
                    ("•", 120.0, 125.0),
                    ("Identité", 135.0, 175.0),
                    ("et", 220.0, 230.0),
                    ("20", 270.0, 280.0),
                    ("ans", 285.0, 300.0),
                ],
            ),
            line(24.0, &[("patient", 30.0, 65.0), ("coordonnées", 135.0, 190.0), ("après", 270.0, 295.0)]),
            line(36.0, &[("•", 120.0, 125.0), ("Santé", 135.0, 160.0)]),
        ];
        let lines: Vec<&Line> = page.iter().collect();
        let mut columns = carried;
        anchor_to_gutters(&mut columns, &lines);
        let starts: Vec<f64> = columns.iter().map(|c| c.x0).collect();
        assert_eq!(starts, [0.0, 30.0, 120.0, 270.0]);
    }

    #[test]
    fn a_label_set_apart_over_headers_below_heads_them_where_centred_headers_do_not() {
        let bounds = [(0.0, 100.0), (100.0, 200.0), (200.0, 300.0), (300.0, 400.0)];
        // `Catégories`, a line left empty, then its two columns' headers;
        // `Nom du traitement` takes the band's first two lines.
        let grouped = [
            line(12.0, &[("Nom", 0.0, 20.0), ("du", 25.0, 35.0), ("Catégories", 100.0, 150.0)]),
            line(24.0, &[("traitement", 0.0, 50.0)]),
            line(36.0, &[("Personnes", 100.0, 145.0), ("Données", 200.0, 240.0)]),
            line(48.0, &[("concernées", 100.0, 150.0)]),
        ];
        let band: Vec<&Line> = grouped.iter().collect();
        let labels = labels_set_apart(&band, &bounds);
        let spans: Vec<(std::ops::Range<usize>, f64, f64)> =
            labels.iter().map(|l| (l.lines.clone(), l.x0, l.x1)).collect();
        assert_eq!(spans, [(0..1, 100.0, 300.0)]);
        // Headers centred vertically: `Durée` sits level with the middle
        // line of `Catégories de / données / traitées`, with no line empty.
        let centred = [
            line(12.0, &[("Catégories", 0.0, 50.0), ("de", 55.0, 65.0)]),
            line(24.0, &[("données", 0.0, 40.0), ("Durée", 100.0, 125.0)]),
            line(36.0, &[("traitées", 0.0, 40.0)]),
        ];
        let band: Vec<&Line> = centred.iter().collect();
        assert!(labels_set_apart(&band, &bounds).is_empty());
        // The same in a text rendering, which sets the centred headers on
        // alternate lines: `Nom du` / `traite‐` / `ment` two lines apart,
        // `Personnes` / `concernées` between them, and `Finalités` level
        // with `traite‐`. `Nom du` steps down to `traite‐` as far as
        // `traite‐` does to `ment`: no label over `Finalités`.
        let interleaved = [
            line(12.0, &[("Nom", 0.0, 20.0), ("du", 25.0, 35.0)]),
            line(24.0, &[("Personnes", 200.0, 245.0)]),
            line(36.0, &[("traite‐", 0.0, 35.0), ("Finalités", 100.0, 145.0)]),
            line(48.0, &[("concernées", 200.0, 250.0)]),
            line(60.0, &[("ment", 0.0, 20.0)]),
        ];
        let band: Vec<&Line> = interleaved.iter().collect();
        assert!(labels_set_apart(&band, &bounds).is_empty());
    }

    #[test]
    fn a_header_centred_over_a_wider_column_opens_it_where_its_text_does() {
        // `Finalités` is centred over its column (its header at 100), whose
        // lines all open at 60, after the gutter that ends `Traitement`'s
        // text (at 45); `Base légale` sits at its column's edge.
        let mut columns = vec![
            column("Traitement", 0.0, 100.0, 50.0),
            column("Finalités", 100.0, 200.0, 145.0),
            column("Base légale", 200.0, 300.0, 255.0),
        ];
        let body = [
            line(12.0, &[("Verser", 60.0, 90.0), ("la", 95.0, 105.0), ("paie", 110.0, 130.0)]),
            line(24.0, &[("Paie", 0.0, 20.0), ("des", 25.0, 40.0), ("Obligation", 200.0, 250.0)]),
            line(36.0, &[("et", 60.0, 70.0), ("les", 75.0, 90.0), ("cotisations", 95.0, 150.0)]),
            line(48.0, &[("agents", 0.0, 30.0), ("légale", 200.0, 230.0)]),
            line(60.0, &[("dues", 60.0, 80.0)]),
        ];
        let lines: Vec<&Line> = body.iter().collect();
        open_columns_where_their_text_does(&mut columns, &lines);
        let bounds: Vec<(f64, f64)> = columns.iter().map(|c| (c.x0, c.x1)).collect();
        assert_eq!(bounds, [(0.0, 57.5), (57.5, 200.0), (200.0, 300.0)]);
        // Where the left column's text runs past that opening, it is the
        // left column's own (an indented line), and nothing moves.
        let mut columns = vec![column("Traitement", 0.0, 100.0, 50.0), column("Finalités", 100.0, 200.0, 145.0)];
        let indented = [
            line(12.0, &[("Paie", 0.0, 20.0), ("des", 25.0, 40.0), ("agents", 45.0, 75.0)]),
            line(24.0, &[("et", 60.0, 70.0)]),
            line(36.0, &[("Paie", 0.0, 20.0), ("des", 25.0, 40.0), ("élus", 45.0, 75.0)]),
            line(48.0, &[("et", 60.0, 70.0)]),
        ];
        let lines: Vec<&Line> = indented.iter().collect();
        open_columns_where_their_text_does(&mut columns, &lines);
        assert_eq!(columns.get(1).map(|c| c.x0), Some(100.0));
    }

    /// A column under `header`, from `x0` to `x1`, its header ending at `header_x1`.
    fn column(header: &str, x0: f64, x1: f64, header_x1: f64) -> Column {
        Column { header: header.into(), key: header.into(), x0, x1, header_x1 }
    }

    /// A line of words at the given x ranges (10 pt type, baseline `y`).
    fn line(y: f64, words: &[(&str, f64, f64)]) -> Line {
        let words: Vec<Word> = words
            .iter()
            .map(|(text, x0, x1)| Word {
                text: (*text).to_string(),
                bbox: Rect { x0: *x0, y0: y - 8.0, x1: *x1, y1: y + 2.0 },
                font_size: 10.0,
                bold: false,
                space_after: false,
            })
            .collect();
        group_lines(&words).into_iter().next().unwrap_or_else(|| unreachable!("one line"))
    }

    #[test]
    fn page_numbers_in_the_margins_are_furniture_even_on_one_page() {
        let page = |number: u32, footer: &str| {
            let body = |y: f64, text: &str| -> Vec<Word> {
                text.split(' ')
                    .enumerate()
                    .map(|(i, w)| Word {
                        text: w.to_string(),
                        bbox: Rect {
                            x0: 50.0 + 60.0 * i as f64,
                            y0: y - 8.0,
                            x1: 100.0 + 60.0 * i as f64,
                            y1: y + 2.0,
                        },
                        font_size: 10.0,
                        bold: false,
                        space_after: true,
                    })
                    .collect()
            };
            let words = [body(100.0, "N° Traitement"), body(112.0, "1 Paie"), body(780.0, footer)].concat();
            Page { number, width: 600.0, height: 800.0, words, rules: Vec::new() }
        };
        let held = |pages: &[Page]| {
            let pages: Vec<PageLines> = pages.iter().map(PageLines::new).collect();
            let running = RunningLines::find(&pages);
            pages.iter().map(|p| p.lines.iter().map(|l| running.holds(p, l)).collect::<Vec<bool>>()).collect::<Vec<_>>()
        };
        // One page: its number, alone or ending the footer, is furniture;
        // other words set there are not (they may be the register's notes).
        assert_eq!(held(&[page(1, "Page 1 sur 1")]), [[false, false, true]]);
        assert_eq!(held(&[page(1, "Mis à jour le 5 janvier 2025 1/1")]), [[false, false, true]]);
        assert_eq!(held(&[page(1, "Mis à jour le 5 janvier 2025")]), [[false, false, false]]);
        // Pages 9 and 10 print one footer, their numbers' digits aside.
        assert_eq!(
            held(&[page(9, "Registre RGPD page 9 of 10"), page(10, "Registre RGPD page 10 of 10")]),
            [[false, false, true], [false, false, true]]
        );
        // A footer of two lines is one block: the line over the page
        // number goes with it.
        let mut two_lines = page(1, "Page 1 / 1");
        two_lines.words.push(Word {
            text: "Direction".to_string(),
            bbox: Rect { x0: 50.0, y0: 760.0, x1: 100.0, y1: 770.0 },
            font_size: 10.0,
            bold: false,
            space_after: false,
        });
        assert_eq!(held(&[two_lines]), [[false, false, true, true]]);
    }

    #[test]
    fn a_borderless_header_is_parted_at_a_cell_padding_its_stacked_lines_stop_at() {
        // `Responsable` / `de traitement` / `(et co-RT)` beside `Catégories
        // de données traitées`, 6.6 apart where the words are 2.5 apart.
        let band = [
            line(
                12.0,
                &[
                    ("Responsable", 0.0, 53.3),
                    ("Catégories", 59.9, 105.4),
                    ("de", 107.9, 117.9),
                    ("données", 120.4, 154.8),
                    ("traitées", 157.3, 188.9),
                ],
            ),
            line(24.0, &[("de", 0.0, 9.9), ("traitement", 12.4, 57.3)]),
            line(36.0, &[("(et", 0.0, 11.1), ("co-RT)", 13.6, 43.2)]),
        ];
        let groups = |band: &[Line]| header_groups(&band.iter().collect::<Vec<_>>(), &[]).len();
        assert_eq!(groups(&band), 2);
        // Justified, `Nom du traite-` over `ment` stretches every gap of its
        // line alike: one header.
        let justified = [
            line(12.0, &[("Nom", 0.0, 20.5), ("du", 28.2, 39.4), ("traite-", 47.1, 73.7)]),
            line(24.0, &[("ment", 0.0, 21.7)]),
        ];
        assert_eq!(groups(&justified), 1);
        // Between the controllers' stacked lines and `personnes concernées`,
        // only the gap before the word aligned with `personnes` parts
        // headers: `Catégories de données traitées` stays whole.
        let cut = [
            line(
                12.0,
                &[
                    ("Respons", 286.8, 334.3),
                    ("Catégories", 342.8, 403.5),
                    ("de", 406.9, 420.9),
                    ("données", 424.4, 472.1),
                    ("traitées", 475.6, 519.8),
                    ("Catégories", 526.9, 587.6),
                    ("de", 591.0, 605.0),
                ],
            ),
            line(24.0, &[("able", 286.8, 315.0), ("de", 318.5, 332.0), ("personnes", 526.9, 590.0)]),
            line(36.0, &[("traiteme", 286.8, 334.0), ("concernées", 526.9, 600.0)]),
        ];
        assert_eq!(groups(&cut), 3);
        // A text rendering keeps one space of the padding (5 wide, as a
        // word space): the known header whole after it still parts.
        let rendered = [
            line(
                12.0,
                &[
                    ("Responsable", 0.0, 55.0),
                    ("Catégories", 60.0, 110.0),
                    ("de", 115.0, 125.0),
                    ("données", 130.0, 165.0),
                    ("traitées", 170.0, 210.0),
                ],
            ),
            line(24.0, &[("de", 0.0, 10.0), ("traitement", 15.0, 55.0)]),
        ];
        assert_eq!(groups(&rendered), 2);
    }

    /// Bottom-aligned rows with no gap between them (a text rendering of
    /// cells set without padding): each row ends with its number, and a
    /// number two lines under the one before is the next row's, not the
    /// same cell's second line; centred, that could be one cell.
    #[test]
    fn bottom_aligned_rows_end_with_their_first_cell() {
        let first = column("N°", 0.0, 20.0, 15.0);
        let band = [
            line(12.0, &[("Calculer", 100.0, 150.0)]),
            line(24.0, &[("1", 0.0, 5.0), ("les", 100.0, 120.0)]),
            line(36.0, &[("Gérer", 100.0, 130.0)]),
            line(48.0, &[("2", 0.0, 5.0), ("la", 100.0, 110.0)]),
            line(60.0, &[("Délivrer", 100.0, 150.0)]),
            line(72.0, &[("3", 0.0, 5.0), ("les", 100.0, 120.0)]),
        ];
        let rows = |alignment| -> Vec<usize> {
            split_band(band.iter().collect(), std::slice::from_ref(&first), alignment, PageBreaks::default())
                .iter()
                .map(Vec::len)
                .collect()
        };
        assert_eq!(rows(Alignment::Bottom), [2, 2, 2]);
        let runs = first_column_runs(&band.iter().collect::<Vec<_>>(), &first, CENTRED_RUN_GAP);
        assert_eq!(runs.len(), 1, "centred, the numbers may be one cell's lines: {runs:?}");
    }

    /// Centred rows set without space between them, as a text rendering
    /// writes them: each row's shorter cells interleave with its tallest
    /// one at half the spacing, and the first column's cells of two rows
    /// follow each other right under each other. The rows part where each
    /// is centred on its tallest cell, not at the first column's gaps.
    #[test]
    fn centred_rows_without_space_part_where_each_is_centred() {
        let columns = [column("Intitulé", 0.0, 100.0, 40.0), column("Finalités", 100.0, 200.0, 140.0)];
        let band = [
            // Row 1: five lines of finalités, the title's four between them.
            line(12.0, &[("Gérer", 100.0, 130.0)]),
            line(24.0, &[("Paie", 0.0, 20.0)]),
            line(36.0, &[("les", 100.0, 120.0)]),
            line(48.0, &[("des", 0.0, 20.0)]),
            line(60.0, &[("dossiers", 100.0, 150.0)]),
            line(72.0, &[("agents", 0.0, 40.0)]),
            line(84.0, &[("des", 100.0, 120.0)]),
            line(96.0, &[("publics", 0.0, 40.0)]),
            line(108.0, &[("agents", 100.0, 140.0)]),
            // Row 2: two lines in each column.
            line(120.0, &[("Congés", 0.0, 40.0), ("Suivre", 100.0, 140.0)]),
            line(132.0, &[("annuels", 0.0, 40.0), ("les", 100.0, 120.0)]),
        ];
        let rows: Vec<usize> = split_band(band.iter().collect(), &columns, Alignment::Centre, PageBreaks::default())
            .iter()
            .map(Vec::len)
            .collect();
        assert_eq!(rows, [9, 2]);
    }

    /// One phrase across a boundary is a heading where it opens in the
    /// first column; opening in a later column, it is a row's cells a text
    /// rendering ran together.
    #[test]
    fn a_phrase_across_columns_is_a_heading_only_where_it_opens_as_one() {
        let columns = [
            column("Intitulé", 0.0, 100.0, 40.0),
            column("Finalités", 100.0, 200.0, 140.0),
            column("Durée", 200.0, 300.0, 230.0),
        ];
        let words = |x: f64| -> Vec<(&str, f64, f64)> {
            ["agents", "familles", "courriel", "coordonnées", "usagers"]
                .iter()
                .enumerate()
                .map(|(i, w)| (*w, x + 26.0 * i as f64, x + 26.0 * i as f64 + 23.0))
                .collect()
        };
        assert!(full_width(&line(12.0, &words(2.0)), &columns, &[]));
        assert!(!full_width(&line(12.0, &words(150.0)), &columns, &[]));
    }

    #[test]
    fn cells_parted_by_a_narrow_gutter_are_no_heading_across_them() {
        let columns = vec![column("Destinataires", 0.0, 100.0, 60.0), column("Durée", 100.0, 200.0, 130.0)];
        // Word gaps of 2.5 pt; 6 pt at the boundary (x = 100): two cells.
        let cells = line(
            12.0,
            &[
                ("candidatures", 40.0, 74.0),
                ("identité", 76.5, 94.0),
                ("direction", 100.0, 125.0),
                ("les", 127.5, 135.0),
            ],
        );
        assert!(!full_width(&cells, &columns, &[]));
        // Even gaps, one of them over the boundary: a heading across both.
        let heading = line(
            12.0,
            &[("Gestion", 40.0, 70.0), ("des", 72.5, 85.0), ("ressources", 87.5, 120.0), ("humaines", 122.5, 150.0)],
        );
        assert!(full_width(&heading, &columns, &[]));
        // Three words: the one other gap shows the usual one.
        let cells = line(12.0, &[("candidatures", 40.0, 74.0), ("numéro", 76.5, 94.0), ("suivi", 100.0, 115.0)]);
        assert!(!full_width(&cells, &columns, &[]));
        // Two words, no other gap: a space of a monospaced font (0.6 font
        // size) over the boundary still joins a heading.
        let heading = line(12.0, &[("Domaine", 55.0, 97.0), ("RH", 103.0, 115.0)]);
        assert!(full_width(&heading, &columns, &[]));
        // Monospaced: spaces of 6 pt, a gutter of 7.5 pt, the next word at
        // the column's start: two cells; shifted off it, one heading.
        let cells = line(
            12.0,
            &[("suivi", 40.0, 70.0), ("avec", 76.0, 92.5), ("ministère", 100.0, 154.0), ("RH", 160.0, 172.0)],
        );
        assert!(!full_width(&cells, &columns, &[]));
        let heading = line(
            12.0,
            &[("suivi", 44.0, 74.0), ("avec", 80.0, 96.5), ("ministère", 104.0, 158.0), ("RH", 164.0, 176.0)],
        );
        assert!(full_width(&heading, &columns, &[]));
    }

    #[test]
    fn a_row_whose_cells_run_up_to_each_other_is_no_merged_row() {
        let columns = vec![
            column("N°", 0.0, 20.0, 10.0),
            column("Durée", 20.0, 120.0, 60.0),
            column("Mesures", 120.0, 220.0, 160.0),
        ];
        // Cells set without padding: `l’exercice` ends one space before
        // `nominatives`, one phrase across the boundary, but the row's
        // other line holds several phrases.
        let row = [
            line(12.0, &[("1", 0.0, 5.0), ("10", 20.0, 30.0), ("ans", 35.0, 50.0), ("Habilitations", 120.0, 180.0)]),
            line(
                24.0,
                &[
                    ("la", 20.0, 30.0),
                    ("clôture", 35.0, 70.0),
                    ("de", 75.0, 85.0),
                    ("l’exercice", 90.0, 117.0),
                    ("nominatives", 120.0, 175.0),
                ],
            ),
        ];
        assert!(!is_merged_row(&row.iter().collect::<Vec<_>>(), &columns, &[], true));
        // A heading across the columns is one phrase a line.
        let heading = [line(
            12.0,
            &[("Services", 0.0, 40.0), ("à", 45.0, 50.0), ("la", 55.0, 65.0), ("population", 70.0, 130.0)],
        )];
        assert!(is_merged_row(&heading.iter().collect::<Vec<_>>(), &columns, &[], true));
    }

    #[test]
    fn notes_set_with_loose_spacing_keep_their_wrapped_lines_together() {
        // 10 pt type, 16 pt between every pair of lines: the spacing alone
        // parts nothing; a sentence ended short of the margin does.
        let notes = [
            line(
                16.0,
                &[("Les", 0.0, 15.0), ("durées", 20.0, 50.0), ("sauf", 350.0, 370.0), ("mention", 375.0, 400.0)],
            ),
            line(32.0, &[("contraire.", 0.0, 45.0)]),
            line(48.0, &[("Pour", 0.0, 20.0), ("exercer", 25.0, 60.0), ("l’agence.", 120.0, 160.0)]),
        ];
        let found = paragraphs(&notes.iter().collect::<Vec<_>>(), 400.0);
        let texts: Vec<String> = found.iter().map(|p| p.iter().map(Line::text).collect::<Vec<_>>().join(" ")).collect();
        assert_eq!(texts, ["Les durées sauf mention contraire.", "Pour exercer l’agence."]);
        // Spaced wider than its lines, a note opens a paragraph.
        let spaced = [line(16.0, &[("Première", 0.0, 400.0)]), line(40.0, &[("Seconde", 0.0, 50.0)])];
        assert_eq!(paragraphs(&spaced.iter().collect::<Vec<_>>(), 400.0).len(), 2);
        // A sentence ending near the margin, where the next line's first
        // word would still have fit after it, ended its paragraph (a wider
        // page than the table); one the word would not have fit after may
        // go on.
        let fitting =
            [line(16.0, &[("fonctions.", 0.0, 360.0)]), line(32.0, &[("Mesures", 0.0, 30.0), ("de", 35.0, 395.0)])];
        assert_eq!(paragraphs(&fitting.iter().collect::<Vec<_>>(), 300.0).len(), 2);
        let full = [line(16.0, &[("fonctions.", 0.0, 380.0)]), line(32.0, &[("Des", 0.0, 30.0), ("de", 35.0, 395.0)])];
        assert_eq!(paragraphs(&full.iter().collect::<Vec<_>>(), 300.0).len(), 1);
    }

    #[test]
    fn a_record_number_alone_in_the_first_column_is_a_code() {
        let columns = vec![column("N°", 0.0, 20.0, 10.0), column("Traitement", 20.0, 120.0, 60.0)];
        let numbered = line(12.0, &[("6", 0.0, 5.0), ("Consultations", 20.0, 80.0)]);
        assert!(first_column_code(&numbered, &columns));
        let code = line(12.0, &[("R-06", 0.0, 18.0), ("Consultations", 20.0, 80.0)]);
        assert!(first_column_code(&code, &columns));
        let wrapped = line(24.0, &[("public", 20.0, 50.0)]);
        assert!(!first_column_code(&wrapped, &columns));
        let quantity = line(12.0, &[("5", 0.0, 5.0), ("ans", 8.0, 18.0)]);
        assert!(!first_column_code(&quantity, &columns));
    }

    #[test]
    fn a_row_sets_its_columns_where_its_lines_start() {
        let columns = vec![column("Données", 0.0, 100.0, 40.0), column("Personnes", 100.0, 200.0, 140.0)];
        // This row sets the second column at 90, one space after the first
        // column's text; the table's boundary is at 100.
        let lines = [
            line(12.0, &[("Identité,", 0.0, 45.0), ("coordonnées,", 50.0, 85.0), ("Enfants", 90.0, 125.0)]),
            line(24.0, &[("informations", 0.0, 60.0), ("médicales", 65.0, 85.0), ("ans", 90.0, 105.0)]),
        ];
        let block: Vec<&Line> = lines.iter().collect();
        let aligned = align_to_row(&block, &columns);
        assert!(aligned.get(1).is_some_and(|c| c.x0 > 85.0 && c.x0 < 90.0), "{aligned:?}");
        // A row whose lines start at the boundary keeps it.
        let lines = [
            line(12.0, &[("Identité", 0.0, 45.0), ("Parents", 102.0, 140.0)]),
            line(24.0, &[("adresse", 0.0, 40.0), ("enfants", 102.0, 140.0)]),
        ];
        let block: Vec<&Line> = lines.iter().collect();
        assert_eq!(align_to_row(&block, &columns).get(1).map(|c| c.x0), Some(100.0));
        // A text rendering starts the column's lines a character apart (5
        // points at 10 pt), one space after the first column's text on the
        // second line: both lines start the column.
        let lines = [
            line(12.0, &[("Consentement", 30.0, 90.0), ("Usagers", 95.0, 130.0)]),
            line(24.0, &[("(art.", 30.0, 55.0), ("6-1-a", 60.0, 85.0), ("service", 90.0, 125.0)]),
        ];
        let block: Vec<&Line> = lines.iter().collect();
        let aligned = align_to_row(&block, &columns);
        assert!(aligned.get(1).is_some_and(|c| c.x0 > 85.0 && c.x0 < 90.0), "{aligned:?}");
        // Six characters left of the boundary (30 points, past the usual
        // shift of four): three lines must start the column there, as
        // pdftotext sets a row whose cells run up to each other.
        let far = |third: (&'static str, f64, f64)| {
            [
                line(12.0, &[("Service", 0.0, 35.0), ("des", 40.0, 55.0), ("10", 70.0, 80.0), ("ans", 85.0, 100.0)]),
                line(24.0, &[("ressources", 0.0, 30.0), ("humaines", 33.0, 65.0), ("la", 70.0, 80.0)]),
                line(36.0, &[third, ("exercice", 110.0, 150.0)]),
            ]
        };
        let lines = far(("l’agence", 70.0, 105.0));
        let block: Vec<&Line> = lines.iter().collect();
        let aligned = align_to_row(&block, &columns);
        assert!(aligned.get(1).is_some_and(|c| c.x0 > 65.0 && c.x0 < 70.0), "{aligned:?}");
        let lines = far(("agents", 0.0, 30.0));
        let block: Vec<&Line> = lines.iter().collect();
        assert_eq!(align_to_row(&block, &columns).get(1).map(|c| c.x0), Some(100.0));
        // Three lines of the first cell ending on words that start there by
        // chance, none running into the next column: the boundary stays.
        let mut lines = far(("l’agence", 70.0, 95.0));
        if let Some(third) = lines.get_mut(2) {
            third.words.truncate(1);
        }
        let block: Vec<&Line> = lines.iter().collect();
        assert_eq!(align_to_row(&block, &columns).get(1).map(|c| c.x0), Some(100.0));
    }

    #[test]
    fn a_one_line_cell_set_far_left_of_its_empty_column_opens_it() {
        let columns = vec![
            column("Destinataires", 0.0, 100.0, 60.0),
            column("Transferts", 100.0, 200.0, 150.0),
            column("Sécurité", 200.0, 300.0, 250.0),
        ];
        // This row set its cells far left: `Aucun` stands four font sizes
        // after `jury de`, under the recipients' header, and nothing of the
        // row lies in the transfers' column.
        let lines = [
            line(12.0, &[("Direction", 0.0, 45.0), ("Dossiers", 200.0, 240.0)]),
            line(24.0, &[("jury", 0.0, 20.0), ("de", 25.0, 35.0), ("Aucun", 75.0, 100.0), ("accès", 200.0, 225.0)]),
        ];
        let block: Vec<&Line> = lines.iter().collect();
        let aligned = align_to_row(&block, &columns);
        assert!(aligned.get(1).is_some_and(|c| c.x0 > 35.0 && c.x0 < 75.0), "{aligned:?}");
        // A gap a justified line may stretch to parts nothing.
        let lines = [
            line(12.0, &[("Direction", 0.0, 45.0), ("Dossiers", 200.0, 240.0)]),
            line(
                24.0,
                &[("jury", 0.0, 20.0), ("de", 25.0, 35.0), ("recrutement", 50.0, 100.0), ("accès", 200.0, 225.0)],
            ),
        ];
        let block: Vec<&Line> = lines.iter().collect();
        let aligned = align_to_row(&block, &columns);
        assert!(aligned.get(1).is_some_and(|c| c.x0 > 75.0), "{aligned:?}");
    }

    #[test]
    fn a_first_line_run_on_across_a_boundary_is_cut_where_a_cell_can_open() {
        let columns = vec![column("Personnes", 0.0, 100.0, 40.0), column("Durée", 100.0, 200.0, 140.0)];
        // One space apart, the boundary at 100 would open the right cell on
        // `voie`; the cell opens on `30`, a word later.
        let lines = [
            line(
                12.0,
                &[
                    ("usagers", 20.0, 70.0),
                    ("de", 75.0, 85.0),
                    ("la", 90.0, 97.0),
                    ("voie", 100.0, 118.0),
                    ("30", 123.0, 133.0),
                    ("jours", 138.0, 160.0),
                ],
            ),
            line(24.0, &[("publique", 0.0, 40.0)]),
        ];
        let block: Vec<&Line> = lines.iter().collect();
        let aligned = align_to_row(&block, &columns);
        assert!(aligned.get(1).is_some_and(|c| c.x0 > 118.0 && c.x0 < 123.0), "{aligned:?}");
        // A cell's next line opening in lower case says nothing: the
        // boundary stays.
        let lines = [
            line(12.0, &[("Usagers", 0.0, 35.0), ("3", 102.0, 107.0), ("mois", 110.0, 130.0)]),
            line(24.0, &[("du", 0.0, 10.0), ("service", 90.0, 112.0)]),
        ];
        let block: Vec<&Line> = lines.iter().collect();
        assert_eq!(align_to_row(&block, &columns).get(1).map(|c| c.x0), Some(100.0));
    }

    #[test]
    fn a_lone_cell_set_left_of_its_column_opens_it_where_no_phrase_does() {
        let columns = vec![column("Personnes", 0.0, 110.0, 40.0), column("Durée", 110.0, 200.0, 140.0)];
        // The row's one-line cell opens at 95, after a wide gap, and no
        // phrase of the row opens at the boundary.
        let lines = [
            line(12.0, &[("Passants", 0.0, 40.0), (";", 45.0, 50.0), ("30", 95.0, 105.0), ("jours", 110.0, 135.0)]),
            line(24.0, &[("usagers", 0.0, 35.0), ("de", 40.0, 50.0), ("la", 55.0, 65.0)]),
        ];
        let block: Vec<&Line> = lines.iter().collect();
        let aligned = align_to_row(&block, &columns);
        assert!(aligned.get(1).is_some_and(|c| c.x0 > 90.0 && c.x0 < 95.0), "{aligned:?}");
        // A word one space after the text before it opens no phrase: a word
        // of the same cell, not a cell of its own.
        let lines = [
            line(12.0, &[("Passants", 0.0, 40.0), ("du", 45.0, 88.0), ("port", 93.0, 105.0)]),
            line(24.0, &[("usagers", 0.0, 35.0), ("de", 40.0, 50.0), ("la", 55.0, 65.0)]),
        ];
        let block: Vec<&Line> = lines.iter().collect();
        assert_eq!(align_to_row(&block, &columns).get(1).map(|c| c.x0), Some(110.0));
    }

    /// A row of one cell per text, each of the given lines; a line ending
    /// with a hyphen breaks a word, as [`mark_word_breaks`] marks it.
    fn row_of(cells: &[&[&str]]) -> Entry {
        let cell = |lines: &&[&str]| {
            let lines: Vec<CellLine> = lines
                .iter()
                .map(|text| CellLine {
                    text: (*text).to_string(),
                    bbox: Rect { x0: 0.0, y0: 0.0, x1: 10.0, y1: 10.0 },
                    breaks_word: text.ends_with('-'),
                    hyphen_added: false,
                    starts_paragraph: false,
                    ends_with_space: !text.ends_with('-'),
                })
                .collect();
            vec![CellPart { page: 1, lines, bbox: Rect { x0: 0.0, y0: 0.0, x1: 10.0, y1: 10.0 } }]
        };
        Entry::Row(Row { cells: cells.iter().map(cell).collect(), pages: vec![1], merged_above: Vec::new() })
    }

    fn joined_cells(entries: &[Entry]) -> Vec<String> {
        rows_of(entries)
            .flat_map(|r| r.cells.iter())
            .map(|parts| crate::register::join_lines(parts.iter().flat_map(|p| p.lines.iter())))
            .collect()
    }

    #[test]
    fn hyphens_a_hyphenating_typesetter_added_are_dropped_where_the_table_shows_it_hyphenates() {
        // Two breaks whose words the table prints whole elsewhere show that
        // its typesetter hyphenates: `recou-` / `vrer`, which no other cell
        // decides, is a hyphenation too; `sous-` / `traitant` is printed
        // with its hyphen elsewhere and keeps it.
        let mut entries = vec![
            row_of(&[&["Redevances des us-", "agers"], &["Service des ressources hu-", "maines"]]),
            row_of(&[
                &["Calculer et recou-", "vrer les sommes dues par les usagers"],
                &["Prestataire (sous-", "traitant)"],
            ]),
            row_of(&[&["Gestion des ressources humaines"], &["Sous-traitant d’hébergement"]]),
        ];
        mark_added_hyphens(&mut entries);
        assert_eq!(
            joined_cells(&entries),
            [
                "Redevances des usagers",
                "Service des ressources humaines",
                "Calculer et recouvrer les sommes dues par les usagers",
                "Prestataire (sous-traitant)",
                "Gestion des ressources humaines",
                "Sous-traitant d’hébergement",
            ]
        );
        // A word processor breaks only after a word's own hyphen: one break
        // that the vocabulary would join (`e-` / `mail`, `email` elsewhere)
        // does not show hyphenation, and every hyphen stays.
        let mut entries = vec![
            row_of(&[&["Adresse e-", "mail"], &["Médico-", "social"]]),
            row_of(&[&["Email professionnel"], &["Service social"]]),
        ];
        mark_added_hyphens(&mut entries);
        assert_eq!(
            joined_cells(&entries),
            ["Adresse e-mail", "Médico-social", "Email professionnel", "Service social"]
        );
    }

    #[test]
    fn rows_without_padding_make_one_band_however_far_apart_lines_are_set() {
        // 10 pt type (boxes 10 pt tall) every 16 pt: 6 pt between lines,
        // over half the font size. Rows that abut are one band; a row set
        // 8 pt further down opens another.
        let ys = [12.0, 28.0, 44.0, 60.0, 84.0, 100.0];
        let lines: Vec<Line> = ys.iter().map(|y| line(*y, &[("texte", 0.0, 30.0)])).collect();
        let refs: Vec<&Line> = lines.iter().collect();
        let bands: Vec<usize> = gap_bands(&refs).iter().map(Vec::len).collect();
        assert_eq!(bands, [4, 2]);
        // Set 12 pt apart (2 pt gaps), an 8 pt gap parts bands as before.
        let ys = [12.0, 24.0, 36.0, 54.0];
        let lines: Vec<Line> = ys.iter().map(|y| line(*y, &[("texte", 0.0, 30.0)])).collect();
        let refs: Vec<&Line> = lines.iter().collect();
        let bands: Vec<usize> = gap_bands(&refs).iter().map(Vec::len).collect();
        assert_eq!(bands, [3, 1]);
    }

    #[test]
    fn a_page_hiding_gutters_takes_its_columns_from_where_its_lines_open_them() {
        let carried = vec![
            column("Traitement", 0.0, 100.0, 50.0),
            column("Finalité", 100.0, 250.0, 150.0),
            column("Personnes", 250.0, 400.0, 300.0),
            column("Durée", 400.0, 500.0, 430.0),
        ];
        // Set on a grid of its own (5 pt a character): the second row runs
        // `absences` a space from `Agents` and sets `1 an` a character
        // right of `5 ans`, so no gutter parts the middle columns; the
        // first row opens a cell in every column.
        let page = [
            line(12.0, &[("Paie", 0.0, 20.0), ("Verser", 80.0, 110.0), ("Agents", 190.0, 220.0), ("5", 300.0, 305.0)]),
            line(
                24.0,
                &[
                    ("Congés", 0.0, 30.0),
                    ("Gérer", 80.0, 105.0),
                    ("les", 110.0, 125.0),
                    ("absences", 130.0, 185.0),
                    ("Agents", 190.0, 220.0),
                    ("1", 305.0, 310.0),
                    ("an", 315.0, 325.0),
                ],
            ),
            line(36.0, &[("agents", 80.0, 110.0), ("titulaires", 190.0, 240.0)]),
        ];
        let lines: Vec<&Line> = page.iter().collect();
        let mut columns = carried;
        anchor_to_gutters(&mut columns, &lines);
        let starts: Vec<f64> = columns.iter().map(|c| c.x0).collect();
        assert_eq!(starts, [0.0, 80.0, 190.0, 300.0]);
        // A page of one row, its cells wrapping onto different lines: no
        // line shows every column, the phrases start where the columns do.
        let one_row = [
            line(
                12.0,
                &[("12", 0.0, 10.0), ("Élections", 25.0, 70.0), ("Organiser", 120.0, 165.0), ("Usagers", 170.0, 205.0)],
            ),
            line(24.0, &[("professionnelles", 25.0, 105.0), ("scrutin", 120.0, 155.0), ("service", 170.0, 205.0)]),
        ];
        let lines: Vec<&Line> = one_row.iter().collect();
        let mut columns = vec![
            column("N°", 0.0, 50.0, 10.0),
            column("Traitement", 50.0, 150.0, 100.0),
            column("Finalité", 150.0, 300.0, 200.0),
            column("Personnes", 300.0, 400.0, 350.0),
        ];
        anchor_to_gutters(&mut columns, &lines);
        let starts: Vec<f64> = columns.iter().map(|c| c.x0).collect();
        assert_eq!(starts, [0.0, 25.0, 120.0, 170.0]);
    }

    #[test]
    fn columns_a_page_fits_are_kept_though_a_justified_line_counts_a_phrase_per_column() {
        let carried = vec![column("Traitement", 0.0, 100.0, 50.0), column("Finalité", 100.0, 200.0, 150.0)];
        // A justified line of the second cell parts its words into two
        // phrases; the lines fit the carried columns.
        let justified = [
            line(12.0, &[("Agents", 105.0, 130.0), ("habilités", 170.0, 195.0)]),
            line(24.0, &[("Paie", 0.0, 20.0), ("Verser", 100.0, 130.0)]),
        ];
        let lines: Vec<&Line> = justified.iter().collect();
        let mut columns = carried.clone();
        anchor_to_gutters(&mut columns, &lines);
        assert_eq!(columns.get(1).map(|c| c.x0), Some(100.0));
        // A text rendering that moved the page's second column left: its
        // lines cross the carried boundary, and a full line sets it.
        let shifted =
            [line(12.0, &[("Paie", 0.0, 20.0), ("Verser", 80.0, 110.0)]), line(24.0, &[("des agents", 80.0, 130.0)])];
        let lines: Vec<&Line> = shifted.iter().collect();
        let mut columns = carried;
        anchor_to_gutters(&mut columns, &lines);
        assert_eq!(columns.get(1).map(|c| c.x0), Some(80.0));
    }

    /// One cell's lines, 5 pt per character from x = 0, with or without
    /// a space drawn after each.
    fn set_cell(lines: &[(&str, bool)]) -> Entry {
        let lines: Vec<CellLine> = lines
            .iter()
            .enumerate()
            .map(|(i, (text, spaced))| {
                let y = 10.0 * i as f64;
                CellLine {
                    text: (*text).to_string(),
                    bbox: Rect { x0: 0.0, y0: y, x1: 5.0 * text.chars().count() as f64, y1: y + 8.0 },
                    breaks_word: false,
                    hyphen_added: false,
                    starts_paragraph: false,
                    ends_with_space: *spaced,
                }
            })
            .collect();
        let bbox = Rect { x0: 0.0, y0: 0.0, x1: 100.0, y1: 100.0 };
        Entry::Row(Row {
            cells: vec![vec![CellPart { page: 1, lines, bbox }]],
            pages: vec![1],
            merged_above: Vec::new(),
        })
    }

    /// Sets where the first cell's lines `which` end (their text set
    /// narrower or wider than [`set_cell`]'s five points a character).
    fn end_lines_at(entries: &mut [Entry], which: std::ops::Range<usize>, x1: f64) {
        if let Some(Entry::Row(row)) = entries.first_mut() {
            let lines = row.cells.iter_mut().flatten().flat_map(|part| part.lines.iter_mut());
            for line in lines.skip(which.start).take(which.len()) {
                line.bbox.x1 = x1;
            }
        }
    }

    #[test]
    fn a_word_as_wide_as_its_column_is_no_cut_where_the_table_shows_the_words_whole() {
        // Each first line alone reaches its column's edge. `l’administration`
        // is printed whole in the other column (inside a line, or ending
        // that cell, where no cut word ends), `usagers` inside a line there,
        // `Ministère` opening a cell: the lines ended at a space.
        // `Visioconféren` / `ce` shows none of that and stays a cut.
        let cells = |columns: &[&[(&str, bool)]]| {
            let cells = columns.iter().filter_map(|lines| match set_cell(lines) {
                Entry::Row(mut row) => row.cells.pop(),
                Entry::Section { .. } => None,
            });
            Entry::Row(Row { cells: cells.collect(), pages: vec![1], merged_above: Vec::new() })
        };
        for (first, second, other, other_last, want) in [
            ("l’administration", "élèves", "l’administration et", "service", "l’administration élèves"),
            ("Administrations", "usagers", "les usagers du", "service", "Administrations usagers"),
            ("Visioconféren", "ce", "les usagers du", "service", "Visioconférence"),
            ("l’administration", "ministère", "Ministère des", "service", "l’administration ministère"),
            ("l’administration", "RH", "Agents de", "l’administration", "l’administration RH"),
            // An elided article opens a word.
            ("l’administration", "d’accès", "Agents de", "service", "l’administration d’accès"),
            // Alone before unrelated words, here and in the other cell; a
            // cut goes on with the same word's end in both.
            ("l’administration", "ministère", "l’administration", "numéro", "l’administration ministère"),
            ("Télécommunica", "tions", "Télécommunica", "tion", "Télécommunications"),
        ] {
            let mut entries =
                vec![cells(&[&[(first, false), (second, false)], &[(other, false), (other_last, false)]])];
            mark_word_breaks(&mut entries, 2, None);
            assert_eq!(joined_cells(&entries).first().map(String::as_str), Some(want));
        }
    }

    #[test]
    fn only_a_word_alone_on_its_line_is_cut_at_the_cells_edge() {
        // The source spaces most wraps, but not `adresse`'s, whose space did
        // not fit before the edge; `adresse` + `électronique` is wider than
        // a line, yet a typesetter wraps a word to a line of its own before
        // it cuts it: `adresse` was wrapped whole. `interdépartemen`, alone
        // on its line at the edge, was cut.
        let lines = [
            ("Nom, prénom,", true),
            ("fonction, adresse", false),
            ("électronique", true),
            ("agents ; les", true),
            ("interdépartemen", false),
            ("tale", false),
        ];
        let mut entries = vec![set_cell(&lines)];
        end_lines_at(&mut entries, 4..5, 85.0);
        mark_word_breaks(&mut entries, 1, None);
        assert_eq!(
            joined_cells(&entries),
            ["Nom, prénom, fonction, adresse électronique agents ; les interdépartementale"]
        );
    }

    #[test]
    fn where_every_boundary_is_spaced_a_line_whose_space_did_not_fit_is_still_a_wrap() {
        // A source that spaces every wrapped line's end, as text extracted
        // from a PDF does, and as LibreOffice does but where the space would
        // pass the column's edge: `Service instructeur ;` reaches the edge
        // (the longest line), so its missing space says nothing; `Premier`,
        // well short of it, ends inside a word.
        let mut lines = vec![("Gérer les dossiers", true); 40];
        lines.extend([
            ("Service instructeur ;", false),
            ("commission des", true),
            ("aides 1000Premier", false),
            ("sJours", false),
        ]);
        let mut entries = vec![set_cell(&lines)];
        mark_word_breaks(&mut entries, 1, None);
        let joined = joined_cells(&entries).concat();
        assert!(joined.ends_with("Service instructeur ; commission des aides 1000PremiersJours"), "{joined}");
    }

    #[test]
    fn a_word_alone_at_the_edge_is_cut_only_where_the_tables_spelling_joins_it() {
        // Both lines fill the column (`Habilitations`, 65 pt, its edge), and
        // neither joined word would fit a line: geometry cannot tell. No word
        // holds `nsno`, words end in `ons` and open with `nom`: two words.
        // Words end in `tem` and open with `ent`, but `traitement` holds
        // `emen`: `interdépartem` was cut.
        let vocabulary = |holds_emen: bool| {
            let mut cells = vec![
                set_cell(&[("Habilitations", false), ("nominatives", false)]),
                set_cell(&[("interdépartem", false), ("entale", false)]),
                set_cell(&[("informations", true)]),
                set_cell(&[("nom ; item", true)]),
                set_cell(&[("entre elles", true)]),
            ];
            if holds_emen {
                cells.push(set_cell(&[("traitement", true)]));
            }
            mark_word_breaks(&mut cells, 1, None);
            joined_cells(&cells).into_iter().take(2).collect::<Vec<_>>()
        };
        assert_eq!(vocabulary(true), ["Habilitations nominatives", "interdépartementale"]);
        assert_eq!(vocabulary(false), ["Habilitations nominatives", "interdépartem entale"]);
    }

    #[test]
    fn a_line_opening_on_a_preposition_goes_on_after_a_whole_word() {
        // A one-word line as wide as its column, with no line-end spaces to
        // go by: a preposition opening the next line stands on its own
        // (`Registres` / `sous clé`), a fragment does not (`Visioconféren` /
        // `ce`).
        for (first, second, want) in [
            ("Registres", "sous clé", "Registres sous clé"),
            ("Dossiers", "selon leur", "Dossiers selon leur"),
            ("Agents", "sans accès", "Agents sans accès"),
            ("Visioconféren", "ce", "Visioconférence"),
        ] {
            let mut entries = vec![set_cell(&[(first, false), (second, false)])];
            mark_word_breaks(&mut entries, 1, None);
            assert_eq!(joined_cells(&entries), [want], "{first} / {second}");
        }
    }

    #[test]
    fn a_line_opening_on_a_lone_letter_ends_a_cut_word() {
        // No line-end spaces to go by: `n` and `s` alone are no words, `à`
        // is one, and two letters may be (`in fine`).
        let lines = [
            ("Code d’identificatio", false),
            ("n et Professionnel", false),
            ("s de santé sont", false),
            ("in fine versés", false),
            ("à l’agent", false),
        ];
        let mut entries = vec![set_cell(&lines)];
        mark_word_breaks(&mut entries, 1, None);
        assert_eq!(
            joined_cells(&entries),
            ["Code d’identification et Professionnels de santé sont in fine versés à l’agent"]
        );
    }

    #[test]
    fn a_word_cut_short_of_the_edge_by_a_wide_letter_is_joined() {
        // Between rules 22 apart (text from 0), `DNU` ends 7 short of the
        // edge: more than a narrow character, less than the wide `M` that
        // did not fit. `DNUM` is wider than the column: a cut.
        let column = Column { header: String::new(), key: String::new(), x0: 0.0, x1: 22.0, header_x1: 22.0 };
        let mut entries = vec![set_cell(&[("DNU", false), ("M", false)])];
        end_lines_at(&mut entries, 1..2, 8.0);
        mark_word_breaks(&mut entries, 1, Some(std::slice::from_ref(&column)));
        assert_eq!(joined_cells(&entries), ["DNUM"]);
    }

    #[test]
    fn a_word_cut_after_others_at_the_edge_is_joined_where_the_spelling_shows_one_word() {
        // Between rules, each first line ends 2 short of the edge and its
        // last word joined to the next line's first would not fit a
        // line: the typesetter could not wrap that word whole. `rofess` runs
        // inside `professeur`, printed whole: `prof` / `essionnelles`
        // is one word cut. No word holds `iervers`: `dernier` / `versements`
        // are two. `d’h` is a lone letter after an elision: a cut. Where
        // most wrapped lines reach the edge (justified text), reaching it
        // tells nothing and the words stay apart.
        let read = |first: &str, second: &str, justified: bool, width: f64| {
            let column = Column { header: String::new(), key: String::new(), x0: 0.0, x1: width, header_x1: width };
            let mut entries = vec![set_cell(&[(first, false), (second, false)]), set_cell(&[("professeur", true)])];
            if justified {
                entries.extend((0..3).map(|_| set_cell(&[("Gérer tous les", false), ("dossiers", true)])));
            }
            mark_word_breaks(&mut entries, 1, Some(std::slice::from_ref(&column)));
            joined_cells(&entries).into_iter().next().unwrap_or_default()
        };
        assert_eq!(read("Élections prof", "essionnelles", false, 72.0), "Élections professionnelles");
        assert_eq!(read("Élections prof", "essionnelles", true, 72.0), "Élections prof essionnelles");
        assert_eq!(read("Après le dernier", "versements", false, 82.0), "Après le dernier versements");
        assert_eq!(read("Services d’h", "ébergement", false, 62.0), "Services d’hébergement");
    }

    #[test]
    fn a_line_filled_to_the_edge_by_a_word_and_its_comma_cuts_no_word() {
        // Between rules 30 apart, `Plans,` fills its line and `Plans,Programmes`
        // would not fit one: still, French wraps after a comma, at its space.
        let column = Column { header: String::new(), key: String::new(), x0: 0.0, x1: 30.0, header_x1: 30.0 };
        let mut entries = vec![set_cell(&[("Plans,", false), ("Programmes", false)])];
        end_lines_at(&mut entries, 1..2, 30.0);
        mark_word_breaks(&mut entries, 1, Some(std::slice::from_ref(&column)));
        assert_eq!(joined_cells(&entries), ["Plans, Programmes"]);
    }

    #[test]
    fn a_lone_dash_ending_a_line_joins_its_word_unless_it_opens_an_item() {
        // The source spaces line ends (the first line's space): a lone dash
        // without one, where a space would have fit, was set against the
        // next word (`sociale -DGCS)`), unless punctuation before it makes
        // it a list item's dash. At the column's edge, where no space fits,
        // the dash is a separator (`jeunesse -` / `ARS`).
        let lines = [
            ("Direction générale de la Cohésion", true),
            ("de la Cohésion sociale -", false),
            ("DGCS) ; services :", true),
            ("- Faciliter l’accès ; -", false),
            ("Suivre les demandes ; la jeunesse -", false),
            ("ARS", true),
        ];
        let mut entries = vec![set_cell(&lines)];
        mark_word_breaks(&mut entries, 1, None);
        assert_eq!(
            joined_cells(&entries),
            [
                "Direction générale de la Cohésion de la Cohésion sociale -DGCS) ; services : - Faciliter l’accès ; - Suivre les demandes ; la jeunesse - ARS"
            ]
        );
    }

    #[test]
    fn a_comma_opening_a_line_and_a_word_too_long_for_one_part_no_words() {
        // Each cell alone: a column too narrow for `Finances,` puts the
        // comma on the next line, which goes on the word; `accompagnement`
        // fills its line, but joined to `psychologique` it would be longer
        // than any word.
        let cases: [(&[(&str, bool)], &str); 2] = [
            (
                &[("Direction des", true), ("Finances", false), (", achats et des", true), ("services", true)],
                "Direction des Finances, achats et des services",
            ),
            (
                &[("Accompagner les", true), ("accompagnement", false), ("psychologique ;", true)],
                "Accompagner les accompagnement psychologique ;",
            ),
        ];
        for (lines, expected) in cases {
            let mut entries = vec![set_cell(lines)];
            mark_word_breaks(&mut entries, 1, None);
            assert_eq!(joined_cells(&entries), [expected]);
        }
    }

    #[test]
    fn a_word_the_table_prints_whole_elsewhere_is_joined_across_a_cut() {
        // `généra` is printed nowhere, `générale` is: the cut word goes on
        // with `le`, though `le` is a word too; `informer` / `l’usager`
        // joins nothing, the elided article opening a word of its own.
        let lines = [
            ("Direction générale", true),
            ("Direction généra", false),
            ("le de la Santé ; informer", false),
            ("l’usager", true),
        ];
        let mut entries = vec![set_cell(&lines)];
        mark_word_breaks(&mut entries, 1, None);
        assert_eq!(joined_cells(&entries), ["Direction générale Direction générale de la Santé ; informer l’usager"]);
    }

    #[test]
    fn a_word_cut_twice_is_known_by_all_its_pieces() {
        // `1000Pr` and `emiers` fill their lines; `Jours` is a word the table
        // prints inside a line, but `1000Premiers` so far is printed nowhere
        // and `1000PremiersJours` is: the third piece goes on the word too.
        let lines = [
            ("1000PremiersJours", true),
            ("des Jours heureux", true),
            ("1000Pr", false),
            ("emiers", false),
            ("Jours", true),
        ];
        let mut entries = vec![set_cell(&lines)];
        end_lines_at(&mut entries, 2..4, 85.0);
        mark_word_breaks(&mut entries, 1, None);
        assert_eq!(joined_cells(&entries), ["1000PremiersJours des Jours heureux 1000PremiersJours"]);
    }

    #[test]
    fn an_elided_word_ending_a_line_is_joined_to_the_next() {
        for (line, elided) in [
            ("Prestataire d’", true),
            ("conservées jusqu’", true),
            ("L'", true),
            ("Prestataire d", false),
            ("« aujourd’hui »", false),
            ("les données ’", false),
            ("Carte '", false),
        ] {
            assert_eq!(ends_with_elision(line), elided, "{line}");
        }
    }
}

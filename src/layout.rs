//! Positioned glyphs → words and text lines.
//!
//! A [`Page`] is the meeting point of the PDF and text paths: words with
//! boxes in page space, and the page's ruling lines. Everything after this
//! stage is the same for every input format.

use crate::geometry::{Rect, turned_back, turned_upright};
use crate::pdf::{Glyph, PageContent, Rule};

/// A word: glyphs on one baseline with no space or gap between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// The word's text.
    pub text: String,
    /// Its box in page space.
    pub bbox: Rect,
    /// Font size in points.
    pub font_size: f64,
    /// Whether it is set in a bold font.
    pub bold: bool,
    /// Whether a space follows it in the source (a drawn space glyph, or a
    /// space character in text input), even at the end of a line.
    pub space_after: bool,
}

/// One page ready for table reconstruction.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    /// Page width in points.
    pub width: f64,
    /// Page height in points.
    pub height: f64,
    /// Words, in no particular order.
    pub words: Vec<Word>,
    /// Ruling lines.
    pub rules: Vec<Rule>,
    /// The words stand on a grid of characters (a text rendering, read
    /// into positions a character's width apart): a rendering shifts some
    /// rows by a character or two, where a PDF sets each word where its
    /// column has it.
    pub character_grid: bool,
}

/// A horizontal run of words sharing a baseline, left to right.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The words, sorted by x.
    pub words: Vec<Word>,
    /// Union of the words' boxes.
    pub bbox: Rect,
}

impl Line {
    /// The words joined with single spaces.
    pub fn text(&self) -> String {
        let parts: Vec<&str> = self.words.iter().map(|w| w.text.as_str()).collect();
        parts.join(" ")
    }

    /// Largest font size on the line.
    pub fn font_size(&self) -> f64 {
        self.words.iter().map(|w| w.font_size).fold(0.0, f64::max)
    }

    /// Whether most of the line's characters are bold.
    pub fn is_bold(&self) -> bool {
        let bold: usize = self.words.iter().filter(|w| w.bold).map(|w| w.text.len()).sum();
        let all: usize = self.words.iter().map(|w| w.text.len()).sum();
        all > 0 && bold * 2 > all
    }

    /// Splits the line where the gap between words exceeds `gap`: its phrases.
    pub fn phrases(&self, gap: f64) -> Vec<Line> {
        let mut out: Vec<Line> = Vec::new();
        for word in &self.words {
            match out.last_mut() {
                Some(phrase) if word.bbox.x0 - phrase.bbox.x1 <= gap => {
                    phrase.bbox = phrase.bbox.union(&word.bbox);
                    phrase.words.push(word.clone());
                }
                _ => out.push(Line { words: vec![word.clone()], bbox: word.bbox }),
            }
        }
        out
    }
}

/// How far apart, in font sizes, the baselines of two lines of one
/// paragraph may be: set solid to loosely leaded, not a paragraph apart.
pub const PARAGRAPH_PITCH: f64 = 1.5;

/// Marks that open a list item (bullets, dashes), which typesetters hang
/// left of the item's text, often in the gutter before its column.
pub const LIST_MARKS: [char; 9] = ['•', '▪', '➢', '❖', '◦', '●', '■', '–', '-'];

/// Whether a word is a list mark alone (`•` set apart from its item).
pub fn is_list_mark(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| LIST_MARKS.contains(&c)) && chars.next().is_none()
}

/// Whether a word is a list bullet alone (`•`, `▪`…): a list mark that is
/// no dash, since a dash alone may end a line inside a name (`sociale -` /
/// `DGCS)`).
pub fn is_list_bullet(word: &str) -> bool {
    is_list_mark(word) && word.chars().next().is_some_and(is_list_bullet_char)
}

/// Whether a list mark is a bullet ([`is_list_bullet`]): no dash.
pub fn is_list_bullet_char(mark: char) -> bool {
    !matches!(mark, '-' | '–')
}

/// The text with runs of whitespace (line breaks, no-break spaces) made
/// single spaces, trimmed.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a text ends on a hyphen after a letter or a figure (`médico-`,
/// `sous-`, `L. 1111-` / `7`, or a hyphen only a typesetter adds, see
/// [`ends_in_added_hyphen`]): a line ending so broke a word after its
/// hyphen, whatever follows. A dash set apart (`sociaux -`) is no word's.
pub fn ends_in_word_hyphen(text: &str) -> bool {
    text.strip_suffix('-').and_then(|stem| stem.chars().last()).is_some_and(char::is_alphanumeric)
        || ends_in_added_hyphen(text)
}

/// Hyphens that only a hyphenating typesetter sets, where it breaks a word
/// between syllables: the soft hyphen, and U+2010 HYPHEN (WeasyPrint's
/// `hyphenate-character`). Authors type `-`.
const ADDED_HYPHENS: [char; 2] = ['\u{ad}', '\u{2010}'];

/// Whether a text ends on a hyphen only a typesetter sets, after a letter
/// or a figure (`périsco‐` / `laires`, `1000‐` / `PremiersJours`): the
/// line broke a word between syllables, and the word joined again drops
/// the hyphen ([`drop_added_hyphen`]).
pub fn ends_in_added_hyphen(text: &str) -> bool {
    text.strip_suffix(ADDED_HYPHENS).and_then(|stem| stem.chars().last()).is_some_and(char::is_alphanumeric)
}

/// Drops a final hyphen only a typesetter sets ([`ends_in_added_hyphen`]).
pub fn drop_added_hyphen(text: &mut String) {
    if ends_in_added_hyphen(text) {
        text.pop();
    }
}

/// A word as a vocabulary holds it: lower case, without an elided article
/// before it (`d’aménagement`) nor punctuation around it.
pub fn vocabulary_form(word: &str) -> String {
    let word = word.rsplit(['’', '\'']).next().unwrap_or(word);
    word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()
}

/// The words' texts joined by single spaces.
pub fn join_words<'a>(words: impl IntoIterator<Item = &'a Word>) -> String {
    words.into_iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ")
}

/// Gap between glyphs, as a fraction of the font size, that separates words
/// when the producer draws no space glyph.
const WORD_GAP: f64 = 0.18;

/// Part of a drawn space's width that the glyph after it must start beyond
/// the word before it for the space to part two words.
const SPACE_CLEARED: f64 = 0.3;

/// Groups words into lines: words whose bottoms lie within a fifth of their
/// size of the line's first word, sorted left to right. The tolerance is
/// tight on purpose: cells of one table row may sit on baselines a couple of
/// points apart, and each must stay its own line.
pub fn group_lines(words: &[Word]) -> Vec<Line> {
    let mut sorted: Vec<&Word> = words.iter().collect();
    sorted.sort_by(|a, b| a.bbox.y1.total_cmp(&b.bbox.y1).then(a.bbox.x0.total_cmp(&b.bbox.x0)));
    let mut lines: Vec<(f64, Line)> = Vec::new();
    for word in sorted {
        match lines.last_mut() {
            Some((base, line)) if (word.bbox.y1 - *base).abs() < 0.2 * line.font_size().max(word.font_size) => {
                line.bbox = line.bbox.union(&word.bbox);
                line.words.push(word.clone());
            }
            _ => lines.push((word.bbox.y1, Line { words: vec![word.clone()], bbox: word.bbox })),
        }
    }
    lines
        .into_iter()
        .map(|(_, mut line)| {
            line.words.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
            line
        })
        .collect()
}

/// Most a fake-bold copy of a glyph is shifted, as a fraction of the
/// glyph's width.
const DUPLICATE_SHIFT: f64 = 0.6;

/// Smallest font size (points) of text a reader can read: smaller text (a
/// producer's imprint, `Powered by TCPDF` at 1 pt in a page's corner) is
/// no part of the register.
const MIN_LEGIBLE_SIZE: f64 = 1.5;

/// Builds words from a page's glyphs: glyphs are grouped into baselines,
/// sorted by x, and split at drawn spaces and at gaps wider than `WORD_GAP`.
/// A glyph drawn twice at nearly the same place (fake bold) is kept once;
/// text too small to read (`MIN_LEGIBLE_SIZE`) is left out.
pub fn words_of(glyphs: &[Glyph]) -> Vec<Word> {
    let mut order: Vec<&Glyph> = glyphs.iter().filter(|g| g.font_size >= MIN_LEGIBLE_SIZE).collect();
    order.sort_by(|a, b| a.bbox.center_y().total_cmp(&b.bbox.center_y()));
    let mut rows: Vec<Vec<&Glyph>> = Vec::new();
    let mut row_center = 0.0;
    for glyph in order {
        let fits = rows
            .last()
            .and_then(|r| r.last())
            .is_some_and(|last| (glyph.bbox.center_y() - row_center).abs() < 0.3 * glyph.font_size.max(last.font_size));
        match rows.last_mut() {
            Some(row) if fits => {
                row.push(glyph);
                let n = row.len() as f64;
                row_center += (glyph.bbox.center_y() - row_center) / n;
            }
            _ => {
                row_center = glyph.bbox.center_y();
                rows.push(vec![glyph]);
            }
        }
    }
    let mut words = Vec::new();
    for mut row in with_raised_calls_joined(rows) {
        row.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
        let raised = superscripts(&row);
        let with_superscripts: Vec<Glyph>;
        let row: Vec<&Glyph> = if raised.iter().all(Option::is_none) {
            row
        } else {
            with_superscripts =
                row.into_iter().zip(raised).map(|(g, call)| call.unwrap_or_else(|| g.clone())).collect();
            with_superscripts.iter().collect()
        };
        let mut current: Option<Word> = None;
        let mut last: Option<&Glyph> = None;
        // A space glyph drawn after the current word, whose width the next
        // glyph must clear to part the words.
        let mut space: Option<f64> = None;
        for glyph in row {
            if let Some(prev) = last {
                // Fake bold shifts the copy by a fraction of the glyph: a
                // narrow glyph set twice in a row (`ll` in a condensed
                // font) is shifted by its whole advance.
                let shift = (glyph.bbox.x0 - prev.bbox.x0).abs();
                let narrowest = prev.bbox.width().min(glyph.bbox.width());
                let duplicate = prev.text == glyph.text
                    && shift < 0.2 * glyph.font_size
                    && (narrowest <= 0.0 || shift < DUPLICATE_SHIFT * narrowest);
                if duplicate {
                    continue;
                }
            }
            last = Some(glyph);
            if glyph.is_space() {
                if current.is_some() {
                    space = Some(space.unwrap_or(0.0).max(glyph.bbox.width()));
                }
                continue;
            }
            // A space drawn and then backed over (some typesetters set a
            // word in pieces so) parts nothing: the next glyph starts where
            // the word ended.
            if let (Some(space_width), Some(word)) = (space.take(), current.as_mut())
                && glyph.bbox.x0 - word.bbox.x1 >= SPACE_CLEARED * space_width
            {
                word.space_after = true;
                words.extend(current.take());
            }
            match current.as_mut() {
                Some(word) if glyph.bbox.x0 - word.bbox.x1 <= WORD_GAP * glyph.font_size.max(word.font_size) => {
                    word.text.push_str(&glyph.text);
                    word.bbox = word.bbox.union(&glyph.bbox);
                    word.font_size = word.font_size.max(glyph.font_size);
                }
                _ => {
                    words.extend(current.take());
                    current = Some(Word {
                        text: glyph.text.clone(),
                        bbox: glyph.bbox,
                        font_size: glyph.font_size,
                        bold: glyph.bold,
                        space_after: false,
                    });
                }
            }
        }
        if let Some(word) = current.as_mut() {
            word.space_after |= space.is_some();
        }
        words.extend(current);
    }
    words
}

/// Largest size of a superscript, as a share of its line's text size.
const SUPERSCRIPT_SIZE: f64 = 0.8;

/// Least height a superscript's foot stands above its line's baseline, as
/// a share of the line's text size.
const SUPERSCRIPT_RISE: f64 = 0.2;

/// Most gap between a word and the footnote call after it, as a share of
/// the line's text size.
const CALL_GAP: f64 = 0.3;

/// Most gap between a note's call and the note's first word, as a share of
/// the line's text size.
const NOTE_CALL_GAP: f64 = 0.5;

/// Each glyph of a row that is a figure set small and raised above the
/// row's baseline (a footnote call, `Finalités¹`) as the superscript figure
/// it prints, set on the baseline; `None` for every other glyph.
fn superscripts(row: &[&Glyph]) -> Vec<Option<Glyph>> {
    let size = row.iter().map(|g| g.font_size).fold(0.0, f64::max);
    let baseline = row
        .iter()
        .filter(|g| g.font_size > SUPERSCRIPT_SIZE * size)
        .map(|g| g.bbox.y1)
        .fold(f64::NEG_INFINITY, f64::max);
    // A call sits right after the word it calls from, or right before the
    // note it opens: a figure set small beside nothing (a record number in
    // a small font, a cell apart) is no call.
    let touches = |g: &Glyph, i: usize| {
        let before =
            i.checked_sub(1).and_then(|p| row.get(p)).is_some_and(|p| g.bbox.x0 - p.bbox.x1 <= CALL_GAP * size);
        let after = row.get(i + 1).is_some_and(|n| n.bbox.x0 - g.bbox.x1 <= NOTE_CALL_GAP * size);
        before || after
    };
    row.iter()
        .enumerate()
        .map(|(i, g)| {
            let raised = g.font_size <= SUPERSCRIPT_SIZE * size && g.bbox.y1 < baseline - SUPERSCRIPT_RISE * size;
            let figures: Option<String> = g.text.chars().map(superscript_figure).collect();
            // Set on its line, the call groups with its line's words.
            let on_line = Rect { y0: baseline - g.bbox.height(), y1: baseline, ..g.bbox };
            figures.filter(|_| raised && !g.text.is_empty() && touches(g, i)).map(|text| Glyph {
                text,
                bbox: on_line,
                ..(*g).clone()
            })
        })
        .collect()
}

/// Rows of glyphs, each footnote call set so high that it makes a row of
/// its own (`¹` before a note) joined to the row of text just below it.
fn with_raised_calls_joined(rows: Vec<Vec<&Glyph>>) -> Vec<Vec<&Glyph>> {
    let mut out: Vec<Vec<&Glyph>> = Vec::with_capacity(rows.len());
    let mut pending: Option<Vec<&Glyph>> = None;
    for mut row in rows {
        if let Some(calls) = pending.take() {
            let size = row.iter().map(|g| g.font_size).fold(0.0, f64::max);
            let centre = |r: &[&Glyph]| r.iter().map(|g| g.bbox.center_y()).sum::<f64>() / r.len().max(1) as f64;
            let small = calls.iter().all(|g| g.font_size <= SUPERSCRIPT_SIZE * size);
            if small && centre(&row) - centre(&calls) < SUPERSCRIPT_SIZE * size {
                row.extend(calls);
            } else {
                out.push(calls);
            }
        }
        let figures_only = row.iter().all(|g| g.text.chars().all(|c| c.is_ascii_digit()) && !g.text.is_empty());
        if figures_only {
            pending = Some(row);
        } else {
            out.push(row);
        }
    }
    out.extend(pending);
    out
}

/// Whether a character is a superscript figure (`superscript_figure`
/// writes them): a footnote call.
pub fn is_superscript_figure(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '⁰' | '⁴'..='⁹')
}

/// The superscript form of a figure.
fn superscript_figure(c: char) -> Option<char> {
    match c {
        '1' => Some('¹'),
        '2' => Some('²'),
        '3' => Some('³'),
        '0' | '4'..='9' => char::from_u32(0x2070 + c.to_digit(10)?),
        _ => None,
    }
}

/// The layout of one PDF page: its upright text's words, and each block of
/// text set turned (see `turned_blocks`) as one word.
pub fn page_of(content: &PageContent) -> Page {
    let words = if content.glyphs.iter().all(|g| g.turn == 0) {
        words_of(&content.glyphs)
    } else {
        let (upright, turned): (Vec<Glyph>, Vec<Glyph>) = content.glyphs.iter().cloned().partition(|g| g.turn == 0);
        let mut words = words_of(&upright);
        for turn in 1..4 {
            let glyphs: Vec<Glyph> = turned.iter().filter(|g| g.turn == turn).cloned().collect();
            if !glyphs.is_empty() {
                words.extend(turned_blocks(&glyphs, turn));
            }
        }
        words
    };
    Page {
        number: content.number,
        width: content.width,
        height: content.height,
        words,
        rules: content.rules.clone(),
        character_grid: false,
    }
}

/// Most distance between two lines of one block of turned text, in font
/// sizes, baseline to baseline.
const TURNED_LINE_PITCH: f64 = 1.6;

/// How many of the latest blocks of turned text a line may join: labels
/// side by side in one band are few, and the bound keeps a page of turned
/// text linear.
const TURNED_BLOCKS_OPEN: usize = 32;

/// Gap between two words of one turned line, in font sizes, beyond which
/// they are two cells' labels on one baseline.
const TURNED_PHRASE_GAP: f64 = 1.0;

/// Reads text set turned among upright text (a merged cell's label set
/// running up, as spreadsheets and browsers set narrow headings): its
/// glyphs are read upright, as a reader tilting the head would, into lines
/// and blocks of lines; each block becomes one word of its text, as wide
/// as the block and one line high at its middle, where the upright reading
/// of the page meets it.
fn turned_blocks(glyphs: &[Glyph], turn: u8) -> Vec<Word> {
    let upright = |x: f64, y: f64| turned_upright(turn, x, y);
    let back = |u: f64, v: f64| turned_back(turn, u, v);
    let turned: Vec<Glyph> = glyphs.iter().map(|g| Glyph { bbox: g.bbox.mapped(upright), ..g.clone() }).collect();
    // Labels of several cells may share a baseline once turned: each
    // phrase is a line of its own block.
    let lines =
        group_lines(&words_of(&turned)).into_iter().flat_map(|line| line.phrases(TURNED_PHRASE_GAP * line.font_size()));
    let mut blocks: Vec<Vec<Line>> = Vec::new();
    for line in lines {
        let joins = |block: &Vec<Line>| {
            block.last().is_some_and(|last| {
                let size = last.font_size().max(line.font_size());
                line.bbox.y1 - last.bbox.y1 <= TURNED_LINE_PITCH * size
                    && line.bbox.x0 < last.bbox.x1
                    && last.bbox.x0 < line.bbox.x1
            })
        };
        match blocks.iter_mut().rev().take(TURNED_BLOCKS_OPEN).find(|b| joins(b)) {
            Some(block) => block.push(line),
            None => blocks.push(vec![line]),
        }
    }
    blocks
        .into_iter()
        .filter_map(|block| {
            let first = block.first()?;
            let bbox = block.iter().fold(first.bbox, |acc, l| acc.union(&l.bbox));
            let page_box = bbox.mapped(back);
            let size = block.iter().map(Line::font_size).fold(0.0, f64::max);
            let words: Vec<&Word> = block.iter().flat_map(|l| &l.words).collect();
            let middle = page_box.center_y();
            Some(Word {
                text: join_words(words.iter().copied()),
                bbox: Rect { x0: page_box.x0, y0: middle - size / 2.0, x1: page_box.x1, y1: middle + size / 2.0 },
                font_size: size,
                bold: words.iter().all(|w| w.bold),
                space_after: true,
            })
        })
        .collect()
}

/// A text with each run of digits masked as one `#`: running headers and
/// footers read alike from page to page (`Page 9 sur 10`, `Page 10 sur 10`).
pub fn digit_runs_masked(text: &str) -> String {
    let mut key = String::new();
    for c in text.chars() {
        if !c.is_ascii_digit() {
            key.push(c);
        } else if !key.ends_with('#') {
            key.push('#');
        }
    }
    key
}

/// A page number printed alone (`3`, `Page 3`, `3/12`, `Page 3 sur 12`):
/// a number, or page `n` of `m` (`n` no more than `m`, so that a date,
/// `12/03/2024`, is none).
pub fn is_page_number(text: &str) -> bool {
    let text = text.to_lowercase();
    let rest = text.strip_prefix("page").unwrap_or(&text).trim();
    let number =
        |s: &str| (!s.is_empty() && s.chars().all(|c| c.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten();
    if number(rest).is_some() {
        return true;
    }
    let Some((n, m)) = rest.split_once('/').or_else(|| rest.split_once(" sur ")) else { return false };
    matches!((number(n.trim()), number(m.trim())), (Some(n), Some(m)) if n >= 1 && n <= m)
}

/// A page number ending a line after other words, as a footer prints it
/// (`Mis à jour le 5 janvier 2025 1/12`, `Registre RGPD – Page 3 sur 12`):
/// its last words read as [`is_page_number`] does, though not as a bare
/// number (`Article 3`).
pub fn ends_with_page_number(text: &str) -> bool {
    /// Most words a page number takes (`Page 3 sur 12`).
    const PAGE_NUMBER_WORDS: usize = 4;
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..words.len()).take(PAGE_NUMBER_WORDS).any(|k| {
        let tail = words.get(words.len() - k..).unwrap_or_default().join(" ");
        !tail.chars().all(|c| c.is_ascii_digit()) && is_page_number(&tail)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_are_told_from_text() {
        for text in ["3", "Page 3", "3/12", "Page 3 sur 12", "page 12 / 40"] {
            assert!(is_page_number(text), "{text}");
        }
        for text in ["Page de garde", "Article 3", "2019-536", "Fiche 3", "12/03/2024", "12/3", "3 12"] {
            assert!(!is_page_number(text), "{text}");
        }
        for text in [
            "Mis à jour le 5 janvier 2025 1/12",
            "Registre RGPD – Page 3 sur 12",
            "Registre – page 3 / 12",
            "Version du 12/03/2024 Page 2",
            "Document public 2 sur 3",
        ] {
            assert!(ends_with_page_number(text), "{text}");
        }
        for text in ["Mis à jour le 12/03/2024", "Article 3", "Voir la note 12/3", "Décret n° 2019-536", "1/2"] {
            assert!(!ends_with_page_number(text), "{text}");
        }
    }

    /// Glyphs of 10 pt type on one baseline, each `(text, x0, x1)`.
    fn glyphs(spec: &[(&str, f64, f64)]) -> Vec<Glyph> {
        spec.iter()
            .map(|(text, x0, x1)| Glyph {
                text: (*text).to_string(),
                bbox: Rect { x0: *x0, y0: 0.0, x1: *x1, y1: 10.0 },
                font_size: 10.0,
                bold: false,
                turn: 0,
            })
            .collect()
    }

    /// Glyphs of 10 pt type running up the page (turned a quarter
    /// counter-clockwise), one per character of `text`, the first one's
    /// foot at `bottom`, their line's box across from `x` to `x + 10`.
    fn running_up(text: &str, x: f64, bottom: f64) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| {
                let foot = bottom - 6.0 * i as f64;
                Glyph {
                    text: c.to_string(),
                    bbox: Rect { x0: x, y0: foot - 6.0, x1: x + 10.0, y1: foot },
                    font_size: 10.0,
                    bold: false,
                    turn: 3,
                }
            })
            .collect()
    }

    #[test]
    fn text_set_turned_is_read_upright_one_word_per_block() {
        // Two cells' labels running up one column, the second set on two
        // lines, beside upright text.
        let mut glyphs = running_up("Enfance", 10.0, 200.0);
        glyphs.extend(running_up("Etat", 10.0, 90.0));
        glyphs.extend(running_up("civil", 22.0, 90.0));
        glyphs.extend(glyphs_at_baseline(&[("1", 60.0, 65.0)], 180.0));
        let content = PageContent { glyphs, ..PageContent::default() };
        let page = page_of(&content);
        let mut words: Vec<(&str, f64, f64)> =
            page.words.iter().map(|w| (w.text.as_str(), w.bbox.x0, w.bbox.center_y())).collect();
        words.sort_by(|a, b| a.2.total_cmp(&b.2));
        assert_eq!(words, [("Etat civil", 10.0, 75.0), ("1", 60.0, 175.0), ("Enfance", 10.0, 179.0)]);
    }

    #[test]
    fn figures_set_small_and_raised_beside_words_are_superscripts() {
        // `usagers` with a call after it, a note opening on its call, and
        // a small figure alone a cell apart, on one baseline.
        let call = |text: &str, x: f64| Glyph {
            text: text.to_string(),
            bbox: Rect { x0: x, y0: 0.0, x1: x + 3.0, y1: 6.0 },
            font_size: 6.0,
            bold: false,
            turn: 0,
        };
        let mut row = glyphs(&[("u", 0.0, 5.0), ("s", 5.0, 10.0)]);
        row.push(call("2", 10.0));
        row.push(call("1", 40.0));
        row.extend(glyphs(&[("N", 45.0, 50.0), ("o", 50.0, 55.0)]));
        row.push(call("7", 100.0));
        let texts: Vec<String> = words_of(&row).into_iter().map(|w| w.text).collect();
        assert_eq!(texts, ["us²", "¹", "No", "7"]);
    }

    /// Upright glyphs of 10 pt type whose line's box ends at `bottom`.
    fn glyphs_at_baseline(spec: &[(&str, f64, f64)], bottom: f64) -> Vec<Glyph> {
        glyphs(spec)
            .into_iter()
            .map(|g| Glyph { bbox: Rect { y0: bottom - 10.0, y1: bottom, ..g.bbox }, ..g })
            .collect()
    }

    #[test]
    fn text_too_small_to_read_is_left_out() {
        let mut page = glyphs(&[("R", 0.0, 6.0), ("e", 6.0, 11.0)]);
        // A producer's imprint in 1 pt type, on the same baseline.
        page.extend(glyphs(&[("P", 40.0, 40.6), ("o", 40.6, 41.1)]).into_iter().map(|g| Glyph { font_size: 1.0, ..g }));
        let texts: Vec<String> = words_of(&page).into_iter().map(|w| w.text).collect();
        assert_eq!(texts, ["Re"]);
    }

    #[test]
    fn a_hyphen_after_a_letter_or_a_figure_ends_inside_a_word() {
        for (text, want) in [("médico-", true), ("(art. L. 1111-", true), ("2020-", true), ("sociaux -", false)] {
            assert_eq!(ends_in_word_hyphen(text), want, "{text}");
        }
    }

    #[test]
    fn a_hyphen_only_typesetters_set_is_dropped_when_the_word_is_joined() {
        for (text, added) in [
            ("périsco\u{2010}", true),
            ("1000\u{2010}", true),
            ("Traite\u{ad}", true),
            ("sous-", false),
            ("12 \u{2010}", false),
        ] {
            assert_eq!(ends_in_added_hyphen(text), added, "{text}");
            assert_eq!(ends_in_word_hyphen(text), text != "12 \u{2010}", "{text}");
            let mut joined = text.to_string();
            drop_added_hyphen(&mut joined);
            assert_eq!(joined.len() < text.len(), added, "{text}");
        }
    }

    #[test]
    fn a_space_the_next_glyph_backs_over_parts_no_words() {
        // groff sets `sauveg` and `ardes` apart with a space glyph whose
        // advance the next glyph takes back: one word.
        let backed = glyphs(&[("g", 0.0, 5.0), (" ", 4.9, 7.1), ("a", 4.95, 9.0)]);
        let texts: Vec<String> = words_of(&backed).into_iter().map(|w| w.text).collect();
        assert_eq!(texts, ["ga"]);
        // A space the next glyph clears parts two words.
        let spaced = glyphs(&[("g", 0.0, 5.0), (" ", 5.0, 7.5), ("a", 7.5, 11.5)]);
        let words = words_of(&spaced);
        let texts: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["g", "a"]);
        assert!(words.first().is_some_and(|w| w.space_after));
        // A space ending the line is kept as the last word's space after.
        let trailing = glyphs(&[("g", 0.0, 5.0), (" ", 5.0, 7.5)]);
        assert!(words_of(&trailing).first().is_some_and(|w| w.space_after));
    }

    #[test]
    fn a_glyph_drawn_twice_is_kept_once_but_a_doubled_letter_twice() {
        let texts = |spec: &[(&str, f64, f64)]| -> Vec<String> {
            words_of(&glyphs(spec)).into_iter().map(|w| w.text).collect()
        };
        // Fake bold: the same glyph again, shifted by a fraction of itself.
        assert_eq!(texts(&[("A", 0.0, 6.7), ("A", 0.3, 7.0), ("B", 6.7, 13.4)]), ["AB"]);
        // `ll` in a condensed font: the second `l` is a whole advance on,
        // less than a fifth of the font size.
        assert_eq!(texts(&[("e", 0.0, 4.6), ("l", 4.6, 6.4), ("l", 6.4, 8.2), ("e", 8.2, 12.8)]), ["elle"]);
    }
}

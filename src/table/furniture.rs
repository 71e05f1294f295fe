//! Text around the table: running headers and footers, notes below the
//! table, paragraphs of the preamble.

use super::*;

/// Share of a page's height, at its top and at its bottom, where running
/// headers and footers are set.
pub(super) const RUNNING_MARGIN: f64 = 0.12;

/// Most lines a running header or footer holds.
pub(super) const MAX_FURNITURE_LINES: usize = 3;

/// Page furniture: blocks of lines (up to [`MAX_FURNITURE_LINES`]) set in
/// a page's top or bottom margin, apart from its other text by more than a
/// line's spacing, that recur on several pages (running headers and
/// footers, compared with each run of digits masked: `Page 9 sur 10` and
/// `Page 10 sur 10` are one) or that print the page's number, alone or
/// after other words (`Page 1 sur 1`, `Mis à jour le 5 janvier 2025 1/1`),
/// which a one-page document prints once.
pub(super) struct RunningLines {
    /// The furniture lines' texts, digit runs masked ([`running_key`]).
    keys: Vec<String>,
    /// How far from a page's top or bottom edge its furniture lies: a
    /// share of the tallest page's height (a text rendering's page is as
    /// tall as its text, and its last page may be short).
    margin: f64,
}

impl RunningLines {
    pub(super) fn find(pages: &[PageLines]) -> Self {
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
    pub(super) fn holds(&self, page: &PageLines, line: &Line) -> bool {
        let in_margin = line.bbox.y1 < self.margin || line.bbox.y0 > page.page.height - self.margin;
        in_margin && self.keys.contains(&running_key(line))
    }
}

/// The lines at one edge of a page (`lines` run from that edge inward)
/// that `in_margin` holds, each within a line's spacing of the one before,
/// and set apart from the next line by more than that: a block that may be
/// a running header or footer, or `None`.
pub(super) fn margin_block<'l>(
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
pub(super) fn running_key(line: &Line) -> String {
    digit_runs_masked(&line.text())
}

/// Text below the last table line: notes. Without a frame (or below it),
/// read bottom-up: lines whose first phrase runs across the columns are notes, and so are
/// the one-word lines that end them ("traitement."); the first line that
/// stays inside the columns ends the notes.
pub(super) fn take_notes<'p>(last: &mut Body<'p>, table_ruled: bool) -> Vec<&'p Line> {
    let mut notes = Vec::new();
    if !table_ruled || last.below.is_empty() {
        let mut cut = last.lines.len();
        let mut pending = cut;
        for (k, line) in last.lines.iter().enumerate().rev() {
            // A note's sentence runs from the table's left edge across the
            // columns, in one phrase: a row's line, whose first cells a
            // text rendering may set a space apart (`21 Registre des
            // visiteurs`), has its other cells apart.
            let line_phrases = phrases(line, &last.page.vertical);
            let one_phrase = line_phrases.len() == 1;
            // A line set left of the table (a producer's imprint in the
            // page's corner) is no row either.
            let table_left = last.columns.first().map_or(0.0, |c| c.x0);
            let left_of_table = line.bbox.x0 < table_left - line.font_size();
            // A note may be indented under its call (`1` / `    Finalités
            // déclarées …`, as a text rendering sets a raised call apart).
            let indented_across = one_phrase
                && line.bbox.x0 <= table_left + NOTE_INDENT * line.font_size()
                && line_phrases.first().is_some_and(|p| crosses_columns(p, &last.columns, &last.page.vertical));
            let crossing = one_phrase && opens_across(line, &last.columns, &last.page.vertical)
                || indented_across
                || (line.text().starts_with('*') && line.bbox.x0 <= last.columns.first().map_or(0.0, |c| c.x1))
                || left_of_table;
            // The call of the note below it, set on a line of its own, goes
            // with the note.
            let call_above_note = cut == k + 1 && is_note_call(&line.text());
            if crossing || call_above_note {
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

/// Most indent of a note under its call, in font sizes from the table's
/// left edge.
const NOTE_INDENT: f64 = 4.0;

/// Whether a line is only a note's call: a figure or two, a superscript,
/// or asterisks.
fn is_note_call(text: &str) -> bool {
    let text = text.trim();
    let figures = text.chars().count() <= 2 && text.chars().all(|c| c.is_ascii_digit() || is_superscript_figure(c));
    !text.is_empty() && (figures || text.chars().all(|c| c == '*'))
}

/// A word space's usual width, in font sizes.
pub(super) const SPACE_WIDTH: f64 = 0.3;

/// Groups lines into paragraphs: a new paragraph where baselines are
/// further apart than the lines' spacing (more than [`PARAGRAPH_PITCH`] font sizes, and
/// half a font size more than the closest two lines, since a document set
/// with loose spacing spaces every line so; or more than two font sizes),
/// at a line starting with `*`, or after a line that ends a sentence well
/// short of the right margin (the table's right edge, or the lines' own) or
/// where the next line's first word would have fit (within the widest
/// line): the last line of a paragraph set without space after it.
pub(super) fn paragraphs(lines: &[&Line], right_margin: f64) -> Vec<Vec<Line>> {
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

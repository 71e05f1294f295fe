//! Registers set as one form ("fiche") per processing activity: a two-column
//! table of field labels (`Nom du traitement`, `Finalité(s)`, …) and their
//! values, fiche after fiche → the same [`Table`] the column reading builds,
//! with one column per label.
//!
//! Tried before the column reading (whose header search would take stacked
//! labels for a header band); the labels are told by
//! the header vocabulary ([`fields`]) and by where the values start: the
//! lines whose first phrase is a known label and whose second phrase starts
//! at one common x give the value column's left edge. A fiche ends where a
//! label of the first fiche's opening field comes again.

use std::collections::HashMap;

use crate::fields;
use crate::layout::{Line, Page, Word, collapse_whitespace, group_lines, is_page_number, join_words};
use crate::table::{CellLine, CellPart, Column, Entry, Row, Table};

/// Gap between words, in font sizes, that parts a label from its value.
const LABEL_GAP: f64 = 0.9;
/// At least this many label lines with distinct known fields, their values
/// starting at one x, make fiches (a table's header line has one label
/// followed by others, its body rows seldom open with field names).
const MIN_LABELS: usize = 4;
/// Pages that tell whether a register is set as fiches.
const PROBE_PAGES: usize = 5;
/// Label lines the value column's edge is learned from (the search is
/// quadratic in them; the first fiches show the edge).
const MAX_LABEL_LINES: usize = 2000;
/// A line more than this many font sizes below the last opens a paragraph.
const PARAGRAPH_GAP: f64 = 1.6;
/// Labels are centred beside their values when at least one label in this
/// many sits alone between two lines of value (see [`labels_centred`]).
const CENTRED_SHARE: usize = 5;

/// One label of a fiche with its value's lines, page by page.
struct Field {
    label: String,
    parts: Vec<CellPart>,
}

/// Reads the pages as fiches; `None` when they do not look like fiches.
pub fn reconstruct(pages: &[Page]) -> Option<Table> {
    // The first pages show whether the register is set as fiches; a long
    // table is not read twice over.
    let probe: Vec<(u32, Vec<Line>)> = pages.iter().take(PROBE_PAGES).map(page_lines).collect();
    value_edge(&probe)?;
    let pages: Vec<(u32, Vec<Line>)> = pages.iter().map(page_lines).collect();
    let value_x = value_edge(&pages)?;

    let headed = later_headings(&pages, value_x);
    let centred = labels_centred(&pages, value_x);
    let mut preamble: Vec<Line> = Vec::new();
    let mut fiches: Vec<Vec<Field>> = Vec::new();
    let mut headings: Vec<(usize, Line, u32)> = Vec::new();
    let mut opening: Option<String> = None;
    for (number, page_lines) in &pages {
        let lines = &labels_first(page_lines, value_x, centred);
        let mut last_bottom: Option<f64> = None;
        for line in lines {
            let font = line.font_size().max(1.0);
            let (label_words, value_words) = split_at_edge(line, value_x);
            let crossing = is_heading(line, value_x);
            let label = join_words(label_words.iter().copied());
            if crossing && fiches.is_empty() && !(headed && fiche_heading_follows(lines, line, value_x)) {
                preamble.push(line.clone());
                continue;
            }
            if crossing {
                // A heading across both columns (`Fiche n° 3 : Paie`): a section.
                headings.push((fiches.len(), line.clone(), *number));
                fiches.push(Vec::new());
                last_bottom = Some(line.bbox.y1);
                continue;
            }
            // A label opens with a capital; the first must be a known field
            // (lines above it are the preamble, whatever their layout).
            let opens_field = label.chars().next().is_some_and(char::is_uppercase)
                && (opening.is_some() || fields::known_field(&label).is_some());
            // A heading or note wrapped over several lines goes on until the
            // next label.
            if !opens_field
                && fiches.last().is_some_and(Vec::is_empty)
                && let Some((at, heading, _)) = headings.last_mut()
                && *at + 1 == fiches.len()
            {
                heading.words.extend(line.words.iter().cloned());
                heading.bbox = heading.bbox.union(&line.bbox);
                continue;
            }
            if !opens_field && fiches.is_empty() {
                preamble.push(line.clone());
                continue;
            }
            if opens_field {
                let key = collapse_whitespace(&label);
                let repeats = opening.as_ref().is_some_and(|o| *o == fields::normalize(&key));
                if opening.is_none() {
                    opening = Some(fields::normalize(&key));
                }
                match fiches.last_mut() {
                    Some(fiche) if !repeats || fiche.is_empty() => fiche.push(Field { label: key, parts: Vec::new() }),
                    _ => fiches.push(vec![Field { label: key, parts: Vec::new() }]),
                }
            } else if !label.is_empty() {
                // A label wrapped over several lines (`Catégories de` / `données`).
                if let Some(field) = fiches.last_mut().and_then(|f| f.last_mut()) {
                    field.label = collapse_whitespace(&format!("{} {label}", field.label));
                } else {
                    preamble.push(line.clone());
                    continue;
                }
            }
            let Some(field) = fiches.last_mut().and_then(|f| f.last_mut()) else {
                preamble.push(line.clone());
                continue;
            };
            if let Some(first) = value_words.first() {
                let bbox = value_words.iter().fold(first.bbox, |b, w| b.union(&w.bbox));
                let starts_paragraph = !opens_field && last_bottom.is_some_and(|b| bbox.y1 - b > PARAGRAPH_GAP * font);
                let cell_line = CellLine {
                    text: join_words(value_words.iter().copied()),
                    bbox,
                    breaks_word: false,
                    hyphen_added: false,
                    starts_paragraph,
                    ends_with_space: value_words.last().is_some_and(|w| w.space_after),
                };
                match field.parts.last_mut() {
                    Some(part) if part.page == *number => {
                        part.bbox = part.bbox.union(&bbox);
                        part.lines.push(cell_line);
                    }
                    _ => field.parts.push(CellPart { page: *number, lines: vec![cell_line], bbox }),
                }
            }
            last_bottom = Some(line.bbox.y1);
        }
    }
    build(preamble, fiches, &headings, value_x)
}

/// Whether the fiches centre their labels beside their values: labels
/// set on a line of their own with value lines right above and right below
/// (a text rendering sets a label between two lines of its value so), at
/// least one in [`CENTRED_SHARE`] of the labels. Where labels are set at
/// the top of their row, a label's line holds its value's first line.
fn labels_centred(pages: &[(u32, Vec<Line>)], value_x: f64) -> bool {
    let (mut labels, mut lone) = (0usize, 0usize);
    for (_, lines) in pages {
        let parts: Vec<(bool, bool)> = lines
            .iter()
            .map(|l| {
                let (label, value) = split_at_edge(l, value_x);
                (opens_label(label.first().copied()), !value.is_empty())
            })
            .collect();
        for (i, &(label, value)) in parts.iter().enumerate() {
            if !label {
                continue;
            }
            labels += 1;
            let value_only = |j: Option<usize>| j.and_then(|j| parts.get(j)).is_some_and(|&(l, v)| !l && v);
            if !value && value_only(i.checked_sub(1)) && value_only(Some(i + 1)) {
                lone += 1;
            }
        }
    }
    lone > 0 && lone * CENTRED_SHARE >= labels
}

/// The page's lines with each field's label read before its value. Where
/// a band of lines (lines less than half a font size apart: one row of a
/// fiche, or a whole fiche where a text rendering leaves no gap between
/// rows) holds one label below the band's first line, the label is set
/// vertically centred or at the bottom of its row, and the value lines
/// above it are its own, not the field before's. Where labels are
/// `centred` and a band holds several (and no heading across both
/// columns), each takes the run of value lines whose middle lies nearest
/// its own (see [`centred_runs`]).
fn labels_first(lines: &[Line], value_x: f64, centred: bool) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len() + 1);
    let mut band: Vec<&Line> = Vec::new();
    let flush = |band: &mut Vec<&Line>, out: &mut Vec<Line>| {
        let split = |line: &Line| -> (Vec<Word>, Vec<Word>) {
            let (label, value) = split_at_edge(line, value_x);
            (label.into_iter().cloned().collect(), value.into_iter().cloned().collect())
        };
        let labelled: Vec<usize> =
            band.iter().enumerate().filter(|(_, l)| opens_label(split(l).0.first())).map(|(i, _)| i).collect();
        match labelled.as_slice() {
            [at] if *at > 0 => {
                let (label, _) = band.get(*at).map(|l| split(l)).unwrap_or_default();
                out.extend(line_of(label));
                for (i, line) in band.iter().enumerate() {
                    if i == *at {
                        out.extend(line_of(split(line).1));
                    } else {
                        out.push((*line).clone());
                    }
                }
            }
            [_, _, ..] if centred && !band.iter().any(|l| is_heading(l, value_x)) => {
                let parts: Vec<(Vec<Word>, Vec<Word>)> = band.iter().map(|l| split(l)).collect();
                out.extend(centred_runs(&parts));
            }
            _ => out.extend(band.iter().map(|l| (*l).clone())),
        }
        band.clear();
    };
    let mut bottom: Option<f64> = None;
    for line in lines {
        let gap = bottom.is_some_and(|b| line.bbox.y0 - b > 0.5 * line.font_size().max(1.0));
        if gap {
            flush(&mut band, &mut out);
        }
        band.push(line);
        bottom = Some(bottom.map_or(line.bbox.y1, |b: f64| b.max(line.bbox.y1)));
    }
    flush(&mut band, &mut out);
    out
}

/// A band's lines, split into label and value words, as label lines each
/// followed by its value's lines: the labels (a label's later lines go on
/// in lower case) take the value lines in order, each label the run whose
/// middle lies nearest its own, the last label the rest.
fn centred_runs(parts: &[(Vec<Word>, Vec<Word>)]) -> Vec<Line> {
    let labels: Vec<Vec<&Vec<Word>>> = parts.iter().fold(Vec::new(), |mut labels, (label, _)| {
        match label.first() {
            Some(w) if opens_label(Some(w)) || labels.is_empty() => labels.push(vec![label]),
            Some(_) => labels.last_mut().into_iter().for_each(|l| l.push(label)),
            None => {}
        }
        labels
    });
    let values: Vec<Line> = parts.iter().filter_map(|(_, value)| line_of(value.clone())).collect();
    let mut out = Vec::with_capacity(parts.len() * 2);
    let mut next = 0;
    for (k, label) in labels.iter().enumerate() {
        let label_lines: Vec<Line> = label.iter().filter_map(|words| line_of((*words).clone())).collect();
        let middle = label_lines.iter().map(|l| l.bbox).reduce(|a, b| a.union(&b)).map(|b| b.center_y());
        let end = match (values.get(next), middle) {
            _ if k + 1 == labels.len() => values.len(),
            (Some(first), Some(middle)) => (next..=values.len())
                .min_by(|&a, &b| {
                    let off = |end: usize| {
                        end.checked_sub(1)
                            .filter(|&last| last >= next)
                            .and_then(|last| values.get(last))
                            .map_or(f64::INFINITY, |last| ((first.bbox.y0 + last.bbox.y1) / 2.0 - middle).abs())
                    };
                    off(a).total_cmp(&off(b))
                })
                .unwrap_or(next),
            _ => next,
        };
        out.extend(label_lines);
        out.extend(values.get(next..end).unwrap_or_default().iter().cloned());
        next = end;
    }
    out
}

/// Whether a line's label part, opening with `first`, opens a label (a
/// capital) rather than going on with one (`Catégories de` / `données`).
fn opens_label(first: Option<&Word>) -> bool {
    first.is_some_and(|w| w.text.starts_with(char::is_uppercase))
}

/// A line's words left of the value column's edge (its label part) and
/// right of it (its value part).
fn split_at_edge(line: &Line, value_x: f64) -> (Vec<&Word>, Vec<&Word>) {
    let font = line.font_size().max(1.0);
    line.words.iter().partition(|w| w.bbox.x1 <= value_x + 0.1 * font)
}

/// One phrase across the value column's edge: a heading (the register's
/// title, a fiche's, a note), not a label and its value.
fn is_heading(line: &Line, value_x: f64) -> bool {
    let font = line.font_size().max(1.0);
    match line.phrases(LABEL_GAP * font).as_slice() {
        [only] => only.bbox.x0 < value_x - 0.5 * font && only.bbox.x1 > value_x + font,
        _ => false,
    }
}

/// A line made of `words`, if any.
fn line_of(words: Vec<Word>) -> Option<Line> {
    let first = words.first()?;
    let bbox = words.iter().fold(first.bbox, |b, w| b.union(&w.bbox));
    Some(Line { words, bbox })
}

/// A page's lines, without a page number printed alone above or below them.
fn page_lines(page: &Page) -> (u32, Vec<Line>) {
    let mut lines = group_lines(&page.words);
    if lines.last().is_some_and(|l| is_page_number(&l.text())) {
        lines.pop();
    }
    if lines.first().is_some_and(|l| is_page_number(&l.text())) {
        lines.remove(0);
    }
    (page.number, lines)
}

/// Whether fiches have headings: a heading across the value column's edge
/// comes between two labels (after the last one, it is a note).
fn later_headings(pages: &[(u32, Vec<Line>)], value_x: f64) -> bool {
    let (mut labelled, mut heading) = (false, false);
    for line in pages.iter().flat_map(|(_, lines)| lines.iter()) {
        let phrases = line.phrases(LABEL_GAP * line.font_size().max(1.0));
        if phrases.len() == 1 {
            heading |= labelled && is_heading(line, value_x);
        } else if phrases.first().is_some_and(|p| fields::known_field(&p.text()).is_some()) {
            if heading {
                return true;
            }
            labelled = true;
        }
    }
    false
}

/// Whether a heading opens the first fiche rather than ending the
/// preamble (in a register whose fiches have headings): the next line
/// holds a known label.
fn fiche_heading_follows(lines: &[Line], heading: &Line, value_x: f64) -> bool {
    let next = lines.iter().find(|l| l.bbox.y0 > heading.bbox.y1 - 0.1);
    next.is_some_and(|l| fields::known_field(&join_words(split_at_edge(l, value_x).0)).is_some())
}

/// The x where values start: the commonest start of the phrase after a
/// known label, over lines that have both; `None` unless enough distinct
/// fields are labelled so. A label opens with a capital and names its
/// field whole (`Finalités`, `Base légale :`) or comes again word for word
/// in other fiches (`Finalité(s) du traitement`): a table row's first cell
/// that opens with a field's word (`Traitement des demandes`, `Données
/// publiques`) does neither, nor a cell's line that goes on with one
/// (`traitement`).
fn value_edge(pages: &[(u32, Vec<Line>)]) -> Option<f64> {
    let mut candidates: Vec<(f64, &'static str, f64, String)> = Vec::new();
    for (_, lines) in pages {
        for line in lines {
            let font = line.font_size().max(1.0);
            let phrases = line.phrases(LABEL_GAP * font);
            let (Some(label), Some(value)) = (phrases.first(), phrases.get(1)) else { continue };
            let text = label.text();
            if let Some(field) = fields::known_field(&text) {
                candidates.push((value.bbox.x0, field, font, text));
            }
            if candidates.len() >= MAX_LABEL_LINES {
                break;
            }
        }
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (_, _, _, text) in &candidates {
        *seen.entry(text.as_str()).or_default() += 1;
    }
    let starts: Vec<(f64, &'static str, f64)> = candidates
        .iter()
        .filter(|(_, _, _, text)| {
            text.starts_with(char::is_uppercase)
                && (fields::field_named(text.trim_end_matches([':', ' '])).is_some()
                    || seen.get(text.as_str()) > Some(&1))
        })
        .map(|(x, field, font, _)| (*x, *field, *font))
        .collect();
    let mut best: Option<(usize, f64)> = None;
    for &(x, _, font) in &starts {
        let mut distinct: Vec<&str> = starts.iter().filter(|(y, _, _)| (y - x).abs() <= font).map(|s| s.1).collect();
        distinct.sort_unstable();
        distinct.dedup();
        if best.is_none_or(|(n, bx)| distinct.len() > n || distinct.len() == n && x < bx) {
            best = Some((distinct.len(), x));
        }
    }
    let (count, x) = best?;
    (count >= MIN_LABELS).then_some(x - 0.5)
}

/// The table: one column per label, in order of first appearance, one row
/// per fiche; the headings across both columns as sections, those after the
/// last fiche as notes.
fn build(preamble: Vec<Line>, fiches: Vec<Vec<Field>>, headings: &[(usize, Line, u32)], value_x: f64) -> Option<Table> {
    let mut columns: Vec<Column> = Vec::new();
    for field in fiches.iter().flatten() {
        if !columns.iter().any(|c| c.header == field.label) {
            columns.push(Column {
                header: field.label.clone(),
                key: field.label.clone(),
                x0: value_x,
                x1: value_x,
                header_x1: value_x,
            });
        }
    }
    if columns.len() < MIN_LABELS {
        return None;
    }
    let last_fiche = fiches.iter().rposition(|f| !f.is_empty()).unwrap_or(0);
    // Lines after the last fiche are notes, a paragraph of lines each where
    // they follow one another closely.
    let mut notes: Vec<Vec<Line>> = Vec::new();
    for (_, line, _) in headings.iter().filter(|(at, _, _)| *at > last_fiche) {
        match notes.last_mut().and_then(|p| p.last().map(|l| (l.bbox.y1, l.font_size())).map(|b| (p, b))) {
            Some((paragraph, (bottom, font))) if line.bbox.y0 > bottom - 0.1 && line.bbox.y0 - bottom < 0.5 * font => {
                paragraph.push(line.clone());
            }
            _ => notes.push(vec![line.clone()]),
        }
    }
    let mut entries = Vec::new();
    for (i, fiche) in fiches.into_iter().enumerate() {
        for (_, line, page) in headings.iter().filter(|(at, _, _)| *at == i && *at <= last_fiche) {
            entries.push(Entry::Section { text: collapse_whitespace(&line.text()), page: *page });
        }
        if fiche.is_empty() {
            continue;
        }
        let mut row = Row { cells: vec![Vec::new(); columns.len()], pages: Vec::new(), merged_above: Vec::new() };
        for field in fiche {
            let Some(c) = columns.iter().position(|c| c.header == field.label) else { continue };
            for part in &field.parts {
                if !row.pages.contains(&part.page) {
                    row.pages.push(part.page);
                }
            }
            if let Some(cell) = row.cells.get_mut(c) {
                cell.extend(field.parts);
            }
        }
        row.pages.sort_unstable();
        entries.push(Entry::Row(row));
    }
    Some(Table { columns, entries, preamble, notes })
}

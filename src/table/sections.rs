//! Section headings: full-width rows and the headings set in a row's first
//! cell, which become the `section` of the records below them.

use super::*;

/// Sets apart as a section the last line of a row's first cell that is a
/// heading the rendering ran into the row above: a short line alone on its
/// line, right above the next row on the page, set as one of the
/// register's other headings ([`heading_form`]). A text rendering
/// keeps neither the heading's style nor the row's rules, and a title's
/// last line may stand so too: only the other headings' form tells.
pub(super) fn split_trailing_headings(entries: &mut Vec<Entry>) {
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
pub(super) fn section_forms(entries: &[Entry]) -> HashSet<&str> {
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
pub(super) fn trailing_heading<'r>(row: &'r Row, next: &Row) -> Option<&'r CellLine> {
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
pub(super) fn lone_first_cell_line(row: &Row) -> Option<&str> {
    let (first, rest) = row.cells.split_first()?;
    let [part] = first.as_slice() else { return None };
    let [line] = part.lines.as_slice() else { return None };
    rest.iter().all(Vec::is_empty).then_some(line.text.as_str())
}

/// The form a heading is set in, which a register's headings share: their
/// first word (`Domaine 14`, `Domaine 17`; `Section A`), where the line is
/// short enough for a heading ([`short_heading`]).
pub(super) fn heading_form(text: &str) -> Option<&str> {
    text.split_whitespace().next().filter(|_| short_heading(text))
}

/// A line set as a heading may be: short, opening with a capital or a
/// figure (a cell's line going on often opens in lower case: `de la`),
/// ending no sentence nor clause.
pub(super) fn short_heading(text: &str) -> bool {
    text.split_whitespace().count() <= MAX_HEADING_WORDS
        && opens_with_capital_or_figure(text)
        && !text.ends_with(['.', ':', ';', ','])
}

/// Whether a part list starts like the continuation of a sentence: empty, or lower case.
pub(super) fn continues_previous(first_cell: Option<&Option<CellPart>>) -> bool {
    match first_cell.and_then(|p| p.as_ref()).and_then(|p| p.lines.first()) {
        None => true,
        Some(line) => line.text.chars().next().is_some_and(char::is_lowercase),
    }
}

/// Whether a block's cells only go on from the row before: its first cell
/// is empty, and each cell it holds opens in lower case, inside a
/// sentence (a row's cells open on a capital or a figure).
pub(super) fn only_goes_on(parts: &[Option<CellPart>]) -> bool {
    let first_lines: Vec<&CellLine> = parts.iter().flatten().filter_map(|p| p.lines.first()).collect();
    parts.first().is_some_and(Option::is_none)
        && !first_lines.is_empty()
        && first_lines.iter().all(|l| l.text.starts_with(char::is_lowercase))
}

/// Most words a heading between two tables holds.
pub(super) const MAX_HEADING_WORDS: usize = 12;

/// Whether lines are a heading: one or two short lines, no sentence, and
/// no address (`Exercice des droits : dpo@mairie.fr` is the preamble's
/// contact, however it is set).
pub(super) fn is_heading(lines: &[&Line]) -> bool {
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
pub(super) fn style_of(line: &Line) -> (bool, f64) {
    (line.is_bold(), line.font_size())
}

/// Closes the row being read and opens a section.
pub(super) fn open_section(entries: &mut Vec<Entry>, current: &mut Option<Row>, text: String, page: u32) {
    entries.extend(current.take().map(Entry::Row));
    entries.push(Entry::Section { text, page });
}

/// A heading's text, its lines joined.
pub(super) fn join_heading(lines: &[&Line]) -> String {
    lines.iter().map(|l| l.text()).collect::<Vec<_>>().join(" ")
}

/// A ruled row with text but no inner vertical rule across it: a merged,
/// full-width cell. Its text crosses a column boundary, or, where the page
/// rules every inner boundary across every other row (`rules_cross_rows`,
/// see [`rows_crossed_and_open`]), may sit within one column (a short heading
/// in a wide first column): there the missing rules alone show the merge.
/// Either way each of its lines is one phrase: a row of cells whose text
/// runs up to the next column's (cells set without padding) has other
/// phrases beside it.
pub(super) fn is_merged_row(block: &[&Line], columns: &[Column], vertical: &[Rule], rules_cross_rows: bool) -> bool {
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
pub(super) fn inner_rule_across(block: &[&Line], columns: &[Column], vertical: &[Rule]) -> bool {
    let (Some(first), Some(last)) = (block.first(), block.last()) else { return false };
    let (top, bottom) = (first.bbox.y0, last.bbox.y1);
    columns
        .iter()
        .skip(1)
        .any(|c| vertical.iter().any(|r| rule_at_start(r, c) && r.rect.y0 <= top + 1.0 && r.rect.y1 >= bottom - 1.0))
}

/// Whether a vertical rule runs at a column's left boundary.
pub(super) fn rule_at_start(rule: &Rule, column: &Column) -> bool {
    (rule.rect.center_x() - column.x0).abs() <= RULE_SNAP
}

/// A block of one short line alone, centred on the table's columns
/// clear of the first (where a record's title opens): a heading set
/// across a borderless table with its text centred, which crosses no
/// gutter where it is shorter than the column under it. A row's cell
/// holds its title too, so a lone line elsewhere is a heading or goes on
/// a cell of the row above, which it seldom does centred on the table.
/// The table spans from its first column to `text_right`
/// ([`text_right`]).
pub(super) fn is_centred_heading(block: &[&Line], columns: &[Column], text_right: f64) -> bool {
    let [line] = block else { return false };
    let Some(first) = columns.first() else { return false };
    let centre = (first.x0 + text_right) / 2.0;
    columns.len() >= 3
        && short_heading(&line.text())
        && (line.bbox.center_x() - centre).abs() <= CENTRED_HEADING_SLACK * line.font_size()
        && line.bbox.x0 > first.x1
}

/// Where the table's text ends on the right: its lines' right end, within
/// the last column. A borderless table's last column runs on to the
/// page's edge, which says nothing of where the table ends.
pub(super) fn text_right(lines: &[&Line], columns: &[Column]) -> f64 {
    let last = columns.last().map_or(f64::INFINITY, |c| c.x1);
    let right = lines.iter().map(|l| l.bbox.x1).fold(f64::NEG_INFINITY, f64::max);
    if right.is_finite() { right.min(last) } else { last }
}

/// The blocks with each centred heading ([`is_centred_heading`]) set
/// apart as a block of its own, where rows set close enough share a band
/// with it: a line apart from the lines above and under it in its block by
/// more than the cells' line spacing (`line_pitch`: a row's padding), or
/// under a line with no text over it, where a text rendering sets it as
/// close as a row's lines. A vertically centred row's short cell may stand
/// alone on its line too, but at the cells' spacing from the lines around
/// it, under its own cell's line.
pub(super) fn split_centred_headings<'l>(
    blocks: Vec<Vec<&'l Line>>,
    columns: &[Column],
    line_pitch: f64,
    text_right: f64,
) -> Vec<Vec<&'l Line>> {
    let apart = |a: &Line, b: &Line| b.bbox.y1 - a.bbox.y1 > CENTRED_HEADING_GAP * line_pitch;
    // A line with no text right over it goes on no cell: a cell's lines
    // follow one another, each over the next.
    let clear_under = |a: &Line, b: &Line| !a.words.iter().any(|w| w.bbox.overlaps_x(&b.bbox));
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        let mut part: Vec<&Line> = Vec::new();
        for (i, &line) in block.iter().enumerate() {
            let above =
                i.checked_sub(1).and_then(|p| block.get(p)).is_none_or(|a| apart(a, line) || clear_under(a, line));
            let under = block.get(i + 1).is_none_or(|n| apart(line, n));
            if above && under && is_centred_heading(&[line], columns, text_right) {
                out.extend((!part.is_empty()).then(|| std::mem::take(&mut part)));
                out.push(vec![line]);
            } else {
                part.push(line);
            }
        }
        out.extend((!part.is_empty()).then_some(part));
    }
    out
}

/// How much wider than the cells' line spacing the gap under a centred
/// heading is, at least, where it shares a band with the row under it.
const CENTRED_HEADING_GAP: f64 = 1.3;

/// How far from the table's centre a centred heading may sit, in sizes of
/// its type: the columns' span is read from their text, whose margins are
/// not the table's.
const CENTRED_HEADING_SLACK: f64 = 2.0;

/// A block of one or two lines, each running across the columns alone
/// ([`full_width`]): a heading, not a row.
pub(super) fn runs_across_as_heading(block: &[&Line], columns: &[Column], vertical: &[Rule]) -> bool {
    block.len() <= 2 && block.iter().all(|l| full_width(l, columns, vertical))
}

//! Rows across page breaks and merged cells: a page's first row joined to
//! the row it goes on from, a merged cell's text given to each of its rows.

use super::*;

/// For each row block of a ruled page, the columns where no rule parts it
/// from the block above: a cell merged across rows (a legal basis or
/// controller shared by consecutive activities), which word processors
/// print once, in the first row or in the middle of the merged ones. The
/// rule between two rows that runs under most columns is the row cut; a
/// column it leaves open is merged there.
pub(super) fn merged_with_block_above(body: &Body, blocks: &[Vec<&Line>]) -> Vec<Vec<usize>> {
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
pub(super) const MERGED_CELL_COVER: f64 = 0.5;

/// Gives each row of a merged cell the merged cell's text: the parts of
/// every row it spans, in order. A column open at most of the table's
/// `row_cuts` is one its style leaves without row rules (inner rules that
/// start right of a number column), not a column of merged cells, unless
/// its open runs of rows mostly hold one text each: a grouping column
/// (`Domaine`) whose merged cells span most rows.
pub(super) fn share_merged_cells(entries: &mut [Entry], row_cuts: usize) {
    let columns = entries.iter().filter_map(|e| if let Entry::Row(r) = e { r.merged_above.iter().max() } else { None });
    let Some(columns) = columns.max().copied() else { return };
    let open = |c: usize| entries.iter().filter(|e| matches!(e, Entry::Row(r) if r.merged_above.contains(&c))).count();
    let unruled: Vec<usize> =
        (0..=columns).filter(|&c| row_cuts >= 2 && open(c) * 2 > row_cuts && !runs_hold_one_text(entries, c)).collect();
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

/// Whether most runs of rows that column `c` leaves open between them
/// hold text in one row only, as merged cells do.
fn runs_hold_one_text(entries: &[Entry], c: usize) -> bool {
    let mut runs = 0;
    let mut single = 0;
    let mut texts = 0;
    let mut length = 0;
    for entry in entries {
        let Entry::Row(row) = entry else { continue };
        if !row.merged_above.contains(&c) {
            if length > 1 {
                runs += 1;
                single += usize::from(texts <= 1);
            }
            (texts, length) = (0, 0);
        }
        length += 1;
        texts += usize::from(row.cells.get(c).is_some_and(|parts| parts.iter().any(|p| !p.lines.is_empty())));
    }
    if length > 1 {
        runs += 1;
        single += usize::from(texts <= 1);
    }
    runs > 0 && single * 2 > runs
}

/// Adds a page's parts to a row.
pub(super) fn extend_row(row: &mut Row, parts: Vec<Option<CellPart>>, page: u32) {
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
pub(super) const CONTINUED_LOOKING_CELLS: f64 = 0.25;

/// How many of a row's cells look continued (empty, or opening on a
/// lower-case letter) and how many look new (opening on a capital); cells
/// opening otherwise, on a digit or a mark, say nothing.
pub(super) fn opening_cases(row: &Row) -> (usize, usize) {
    let first_letters = row.cells.iter().map(|cell| cell.first().and_then(|p| p.lines.first()?.text.chars().next()));
    first_letters.fold((0, 0), |(continued, new), c| match c {
        None => (continued + 1, new),
        Some(c) => (continued + usize::from(c.is_lowercase()), new + usize::from(c.is_uppercase())),
    })
}

/// Whether a row has no text in its first cell, the one that names or
/// numbers it.
pub(super) fn lacks_first_cell(row: &Row) -> bool {
    row.cells.first().is_none_or(|cell| cell.iter().all(|part| part.lines.is_empty()))
}

/// Whether `top`, a page's first row, holds text only in the columns where
/// `above`, the row before it on the page before, reached its bottom, and
/// none where `above` stopped short of it: the cells a page break cut go
/// on, those that had finished are absent. A new row has no reason to
/// leave empty just the cells where the row above was short.
pub(super) fn continues_cut_cells(above: &Row, top: &Row) -> bool {
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
/// (fewer than [`CONTINUED_LOOKING_CELLS`] of them), that goes on only in
/// the cells the page break cut ([`continues_cut_cells`]), or that holds
/// the first cell the row above lacks (a typesetter that keeps a cell's
/// first lines together moved a short first cell whole to the next page,
/// see [`super::rows::part_row_opening_at_page_foot`]): a row cut by the
/// page break, going on under the header with its cells cut mid-sentence
/// or finished. A page's first row that is one first-column line set as
/// the register's other headings opens a section instead.
pub(super) fn join_continued_rows(entries: &mut Vec<Entry>, page_top_rows: &[usize]) {
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
                (Entry::Row(row), Some(Entry::Row(above))) => {
                    goes_on(row) || continues_cut_cells(above, row) || lacks_first_cell(above) && !lacks_first_cell(row)
                }
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

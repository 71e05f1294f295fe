//! A page's body lines → row blocks: at row rules, or where the first
//! column gains text, with the table's bottom and its notes found.

use super::*;

/// A line starts a new row (tables without horizontal rules) when the first
/// column gains text this many line spacings after its previous line.
pub(super) const ROW_GAP: f64 = 1.08;

/// Whether a page's horizontal rules part rows: one of them at least lies
/// between lines of the body and is not the edge of a heading band, a band
/// of one or two lines that each run across the columns alone or hold text
/// in one column only (a group heading a borderless table shades or frames,
/// whose edges are no rules between records: a record has text in several
/// columns).
pub(super) fn parts_rows(
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
    // A rule with no text above it in the body (the header's own rule,
    // under its padding) or none below (the table's foot) parts nothing.
    let between_lines =
        |y: f64| lines.iter().any(|l| l.bbox.center_y() < y) && lines.iter().any(|l| l.bbox.center_y() > y);
    rules.iter().any(|&y| !band_edges.contains(&y) && between_lines(y))
}

/// How many columns the lines hold text in ([`columns_holding_phrases`]).
pub(super) fn columns_with_text(lines: &[&Line], columns: &[Column]) -> usize {
    let held = lines.iter().fold(vec![false; columns.len()], |held, l| {
        held.iter().zip(columns_holding_phrases(l, columns)).map(|(a, b)| *a || b).collect()
    });
    held.iter().filter(|h| **h).count()
}

/// The body's lines between each two of its row rules.
pub(super) fn rule_blocks<'p>(body: &Body<'p>) -> Vec<Vec<&'p Line>> {
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
pub(super) fn rows_crossed_and_open(bodies: &[Body]) -> (usize, usize) {
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
pub(super) const UNFRAMED_ROW_PITCH: f64 = 2.5;

/// How far (points) a word may start from its column's usual text start
/// ([`cell_text_starts`]) and open a cell there ([`opens_cells_at_starts`]).
pub(super) const START_SLACK: f64 = 1.0;

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
pub(super) fn unframed_row_bottom(
    page: &PageLines,
    frame_bottom: f64,
    columns: &[Column],
    running: &RunningLines,
) -> Option<f64> {
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
pub(super) fn cell_text_starts(lines: &[&Line], columns: &[Column]) -> Vec<Option<f64>> {
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
pub(super) fn opens_cells_at_starts(line: &Line, columns: &[Column], starts: &[Option<f64>]) -> bool {
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
pub(super) fn runs_across_boundary(line: &Line, columns: &[Column]) -> bool {
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

/// How a table separates its rows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum RowSeparation {
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
pub(super) enum Alignment {
    Centre,
    Bottom,
}

/// Splits a page's body lines into row blocks: at the horizontal rules of a
/// ruled table; between whitespace gaps where cells are centred; otherwise
/// where the first column gains text more than a line's spacing after its
/// previous line, where the first column and another open cells together
/// right under the previous row (cells are top-aligned), and around lines
/// that run across the columns or that stand alone in the first column
/// between rows (see [`only_first_column`]), with a row opening at the foot
/// of a page the table goes on from without its first cell parted off
/// ([`part_row_opening_at_page_foot`]). `spacing` is the body's line
/// spacing.
pub(super) fn row_blocks<'p>(
    body: &Body<'p>,
    rows: RowSeparation,
    rules_part_every_row: bool,
    spacing: Leading,
    breaks: PageBreaks,
) -> Vec<Vec<&'p Line>> {
    let columns = &body.columns;
    let vertical = &body.page.vertical;
    let leading = spacing.row;
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
    let blocks = first_column_blocks(&body.lines, columns, vertical, leading);
    if breaks.cut_below { part_row_opening_at_page_foot(blocks, columns, spacing.line) } else { blocks }
}

/// Parts off the foot of a page's last block a row that opens without its
/// first cell: a line opening two cells or more after a gap across the
/// whole table wider than a row's ([`ROW_GAP`] times `leading`, the
/// spacing of a cell's lines, not the narrower one that parts rows set
/// without padding), with no text in the first column from there to the
/// page's foot, under lines that have some. A typesetter that keeps a
/// cell's first lines together (CSS `orphans`) moves a short first cell
/// whole to the next page, where the row goes on; in a top-aligned table
/// no row's cells part so within it.
pub(super) fn part_row_opening_at_page_foot<'p>(
    mut blocks: Vec<Vec<&'p Line>>,
    columns: &[Column],
    leading: f64,
) -> Vec<Vec<&'p Line>> {
    let Some(last) = blocks.last_mut() else { return blocks };
    let presence: Vec<Vec<bool>> = last.iter().map(|l| columns_present(l, columns)).collect();
    // The row can open only under the block's last first-column line.
    let Some(last_first) = presence.iter().rposition(|p| p.first().copied().unwrap_or(false)) else {
        return blocks;
    };
    let opens_row = |i: usize| {
        let (Some(line), Some(above)) = (last.get(i), i.checked_sub(1).and_then(|k| last.get(k))) else {
            return false;
        };
        let opened = presence.get(i).map_or(0, |p| p.iter().filter(|x| **x).count());
        line.bbox.y1 - above.bbox.y1 > ROW_GAP * leading && opened >= 2
    };
    if let Some(i) = (last_first + 1..last.len()).find(|&i| opens_row(i)) {
        let row = last.split_off(i);
        blocks.push(row);
    }
    blocks
}

/// Parts a block of lines around the headings in it (a line across the
/// columns, or alone in the first column between rows, as
/// [`first_column_blocks`] finds them) set apart from the lines around
/// them by more than a cell's line spacing ([`BAND_GAP`]); the rest stays
/// whole, since cells set in the middle or at the bottom of their rows
/// show no row's start, and a tall first cell's lines alone beside them
/// are no heading.
pub(super) fn split_at_headings<'p>(
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
pub(super) fn first_column_blocks<'p>(
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
        // The first column's own bottom: a line's cells may sit a point
        // apart (a fallback font's taller glyph lowers its cell's lines),
        // which the whole line's bottom would add to the first column's
        // spacing.
        let first_bottom = columns
            .first()
            .map(|first| words_in(line, first.x0, first.x1).iter().map(|w| w.bbox.y1).fold(f64::NEG_INFINITY, f64::max))
            .filter(|y| y.is_finite())
            .unwrap_or(line.bbox.y1);
        let gap_ok = |prev: Option<f64>| prev.is_none_or(|p| line.bbox.y1 - p > ROW_GAP * leading);
        let first_gap_ok = last_first_col.is_none_or(|p| first_bottom - p > ROW_GAP * leading);
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
            && (first_gap_ok
                || opens_every_cell(line) && every_cell_ended() && next_adjacent() && !first_column_goes_on())
            && presence.get(i + 1).is_some_and(|next| {
                next.first().copied().unwrap_or(false)
                    && next.iter().zip(present).filter(|(now, before)| **now && !**before).count() >= 2
            });
        // A numbered row's first cell holds its number alone: a second
        // number there opens the next row, however close it follows.
        let renumbered = first_column_code(line, columns)
            && blocks.last().and_then(|b| b.first()).is_some_and(|l| first_column_code(l, columns));
        let starts = crossing || (in_first && first_gap_ok && gap_ok(last_any)) || top_aligned || heading || renumbered;
        match blocks.last_mut() {
            Some(block) if !starts && !last_crossing => block.push(line),
            _ => blocks.push(vec![line]),
        }
        last_crossing = crossing;
        if in_first {
            last_first_col = Some(first_bottom);
        }
        last_any = Some(line.bbox.y1);
    }
    blocks
}

/// Whether the line's text in the first column is one record number or
/// code (`12`, `R-06`).
pub(super) fn first_column_code(line: &Line, columns: &[Column]) -> bool {
    let Some(first) = columns.first() else { return false };
    matches!(words_in(line, first.x0, first.x1).as_slice(), [word] if fields::is_record_code(&word.text))
}

/// A line with text in the first column only. Between rows (its column's
/// text above ended more than a line before, and a row opens right under
/// it in the first column and two others), such a line is a heading too
/// short to run across the columns (a merged row in a table of equal
/// columns): it stands as a block of its own, which [`is_first_column_heading`]
/// reads as a section.
pub(super) fn only_first_column(present: &[bool]) -> bool {
    matches!(present.split_first(), Some((true, rest)) if rest.iter().all(|p| !p))
}

/// A block of one line with text in the first column only, which
/// [`row_blocks`] sets apart only between rows (or, where whitespace
/// parts the rows, a band of its own): a heading, not a record whose
/// cells are all empty but its one-line title.
pub(super) fn is_first_column_heading(block: &[&Line], columns: &[Column]) -> bool {
    matches!(block, [line] if only_first_column(&columns_present(line, columns)))
}

/// A block of one or two bold lines with text in the first column only,
/// opening on a capital or a digit, among body text mostly not bold: a
/// heading row whose cell the table's inner rules still cross (a
/// typesetter that draws them down the whole page), not a record holding
/// only its title.
pub(super) fn is_bold_first_column_heading(block: &[&Line], columns: &[Column]) -> bool {
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
pub(super) fn opens_every_cell(line: &Line) -> bool {
    line.phrases(PHRASE_GAP * line.font_size())
        .iter()
        .all(|p| p.text().chars().next().is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit()))
}

/// Per column: the right edge of its text on the page, the furthest any
/// line's words in it reach.
pub(super) fn column_text_edges(lines: &[&Line], columns: &[Column]) -> Vec<f64> {
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
pub(super) fn ended_every_cell(previous: &Line, line: &Line, columns: &[Column], text_edges: &[f64]) -> bool {
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
pub(super) fn columns_present(line: &Line, columns: &[Column]) -> Vec<bool> {
    columns.iter().map(|c| !words_in(line, c.x0, c.x1).is_empty()).collect()
}

/// The rows among the entries.
pub(super) fn rows_of(entries: &[Entry]) -> impl Iterator<Item = &Row> {
    entries.iter().filter_map(|e| if let Entry::Row(r) = e { Some(r) } else { None })
}

/// Fewest other rows that must hold a value, whole, in a column for
/// [`part_repeated_values`] to take it as the column's.
pub(super) const MIN_VALUE_REPEATS: usize = 2;

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
pub(super) fn part_repeated_values(entries: &mut [Entry], page_columns: &[(u32, &[Column])]) {
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
pub(super) fn table_bottom_rule(page: &PageLines, rules: &[f64], columns: &[Column], running: &RunningLines) -> f64 {
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
pub(super) fn opens_across(line: &Line, columns: &[Column], vertical: &[Rule]) -> bool {
    let first_column_end = columns.first().map_or(f64::INFINITY, |c| c.x1);
    phrases(line, vertical)
        .first()
        .is_some_and(|p| p.bbox.x0 < first_column_end && crosses_columns(p, columns, vertical))
}

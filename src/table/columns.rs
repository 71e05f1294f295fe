//! Column boundaries on each page: carried over from the header, moved into
//! the page's own gutters where a text rendering shifts them.

use super::*;

/// How far (as a share of the table's width) the middle of a line
/// centred across the table may lie from the table's middle.
pub(super) const CENTRED_HEADING_SLACK: f64 = 0.1;

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
pub(super) fn anchor_to_gutters(columns: &mut [Column], lines: &[&Line]) {
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
pub(super) fn set_column_starts(columns: &mut [Column], starts: impl Iterator<Item = Option<f64>>) {
    for (i, x) in starts.enumerate() {
        if let Some(x) = x {
            set_boundary(columns, i + 1, x);
        }
    }
}

/// Sets where column `i` starts and the column before it ends.
pub(super) fn set_boundary(columns: &mut [Column], i: usize, x: f64) {
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
pub(super) fn move_into_gutters(columns: &mut [Column], rows: &[&Line], font: f64) -> bool {
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
pub(super) fn page_column_starts(lines: &[&Line], columns: usize, font: f64) -> Option<Vec<f64>> {
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
pub(super) const MIN_PAGE_SCALE: f64 = 0.6;
pub(super) const MAX_PAGE_SCALE: f64 = 1.6;

/// The runs of x, between the leftmost and the rightmost word, that no
/// word of the lines (a list mark with its item) covers and that are wider
/// than `min_width`: where columns part.
pub(super) fn page_gutters(lines: &[&Line], min_width: f64) -> Vec<(f64, f64)> {
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
pub(super) fn word_spans(line: &Line) -> Vec<(f64, f64)> {
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
pub(super) fn match_gutters(starts: &[f64], limits: &[f64], gutters: &[(f64, f64)]) -> (f64, Vec<Option<f64>>) {
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
pub(super) const MISFIT_TO_ANCHOR: f64 = 0.1;

/// How far (in font sizes) left of its column's text a text rendering
/// may set a header: `pdftotext -layout` runs a header up to the one
/// before it, one space apart, several characters left of its column.
pub(super) const HEADER_SHIFT: f64 = FAR_ROW_SHIFT;

/// Whether the headers are set apart from their columns' left edges
/// (centred over them) where few lines cross them (short cells in wide
/// columns): at most inner columns, more of the body's phrases open between
/// the left header's text and the column's header (where a centred header
/// leaves its column's text) than open level with the header (where a
/// header at its column's edge and the column's text both start), and at
/// least two do.
pub(super) fn texts_open_before_headers(columns: &[Column], lines: &[&Line]) -> bool {
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
pub(super) fn move_to_hidden_gutters(columns: &mut [Column], lines: &[&Line]) {
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
pub(super) fn open_columns_where_their_text_does(columns: &mut [Column], lines: &[&Line]) {
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
pub(super) fn fit_gutters(columns: &mut [Column], body: &[&Line], headers_centred: bool) {
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
pub(super) fn crosses_columns(line: &Line, columns: &[Column], vertical: &[Rule]) -> bool {
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
pub(super) fn full_width(line: &Line, columns: &[Column], vertical: &[Rule]) -> bool {
    let (Some(first), Some(last)) = (columns.first(), columns.last()) else { return false };
    let placed_as_heading = line.bbox.x0 < first.x1
        || (line.bbox.center_x() - (first.x0 + last.x1) / 2.0).abs() < CENTRED_HEADING_SLACK * (last.x1 - first.x0);
    placed_as_heading
        && phrases(line, vertical).len() == 1
        && crosses_columns(line, columns, vertical)
        && !parted_at_a_boundary(line, columns)
}

//! Rows of a borderless table: whitespace bands, cell alignment, and the
//! cuts between rows set vertically centred or at the bottom.

use super::*;

/// Gap between two lines' text, in font sizes, wider than the space between
/// two lines of a cell: see [`gap_bands`].
pub(super) const BAND_GAP: f64 = 0.5;

/// Splits lines into bands at vertical gaps between their text wider than
/// half the font size: more than the space between two lines of a cell
/// (cells centred vertically interleave their lines at half the line
/// spacing, so the spacing itself is no measure), less than a cell's top
/// and bottom padding with it. Where the lines are set further apart than
/// that (line spacing well over the font's height), a band gap must also
/// be half as wide again as the gap between most lines: a table whose rows
/// have no padding is one band.
pub(super) fn gap_bands<'p>(lines: &[&'p Line]) -> Vec<Vec<&'p Line>> {
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
pub(super) const SPACING_TO_BAND_GAP: f64 = 1.5;

/// How far apart (in font sizes, from a line's bottom to the next one's
/// top) two lines of one first-column cell may be where cells may be
/// centred: one line apart, as lines of other columns sit between a
/// cell's lines at half the spacing, which a text rendering sets on lines
/// of their own.
pub(super) const CENTRED_RUN_GAP: f64 = 1.5;

/// The same where cells are set at the bottom: all cells share the rows'
/// baselines, so a cell's lines are consecutive, and a first cell two
/// lines below another (a two-line row ending with its first cell) is the
/// next row's.
pub(super) const BOTTOM_RUN_GAP: f64 = 0.8;

/// The first column's cells in a band, as index ranges of lines: a cell's
/// lines follow one another at most `run_gap` font sizes apart.
pub(super) fn first_column_runs(band: &[&Line], first: &Column, run_gap: f64) -> Vec<std::ops::Range<usize>> {
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
pub(super) fn cell_alignment(bodies: &[Body]) -> Option<Alignment> {
    let (mut top, mut centre, mut bottom) = (0usize, 0usize, 0usize);
    for (page, body) in bodies.iter().enumerate() {
        let leading = leading_of(&body.lines, &body.columns).line;
        let Some(first) = body.columns.first() else { continue };
        // A later page may open with the end of a row from the page before,
        // whatever the alignment: its first band says nothing.
        let skip = usize::from(page > 0);
        // A centred heading shares a band with the row under it where rows
        // are set close: it opens no row and says nothing of alignment.
        let bands = whitespace_segments(body).into_iter().skip(skip).collect();
        let text_right = text_right(&body.lines, &body.columns);
        for band in split_centred_headings(bands, &body.columns, leading, text_right) {
            // A text rendering sets a heading as close as a row's lines:
            // one opening the band, right over a first cell, is skipped.
            let heads_band = band.first().is_some_and(|l| is_centred_heading(&[l], &body.columns, text_right))
                && band.get(1).is_some_and(|l| !words_in(l, first.x0, first.x1).is_empty());
            let band = band.get(usize::from(heads_band)..).unwrap_or_default();
            if interleaves_cells(band, &body.columns) {
                centre += 1;
                continue;
            }
            let runs = first_column_runs(band, first, CENTRED_RUN_GAP);
            let (Some(first_run), Some(last_run), Some(band_top), Some(band_bottom)) =
                (runs.first(), runs.last(), band.first(), band.last())
            else {
                continue;
            };
            if first_run.start == 0 && last_run.end == band.len() {
                // The first cell fills its band: the shorter cells tell.
                // Not on a character grid, which rounds a centred cell's
                // lines to either side, and sets centred cells interleaved.
                if !body.page.page.character_grid {
                    let (at_top, at_bottom) = shorter_cells_sides(band, &body.columns);
                    top += usize::from(at_top > at_bottom);
                    bottom += usize::from(at_bottom > at_top);
                }
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

/// Where a band's shorter cells sit (the columns after the first with text
/// on some of its lines, not all): how many open on the band's first line
/// and end before its last (top-aligned), and how many end on its last
/// line and open after its first (bottom-aligned).
pub(super) fn shorter_cells_sides(band: &[&Line], columns: &[Column]) -> (usize, usize) {
    let (mut at_top, mut at_bottom) = (0usize, 0usize);
    let last = band.len().saturating_sub(1);
    for column in columns.iter().skip(1) {
        let holds = |l: &&Line| !words_in(l, column.x0, column.x1).is_empty();
        let (Some(first), Some(end)) = (band.iter().position(holds), band.iter().rposition(holds)) else { continue };
        if first == 0 && end < last {
            at_top += 1;
        } else if end == last && first > 0 {
            at_bottom += 1;
        }
    }
    (at_top, at_bottom)
}

/// Whether a line opens on a lower-case letter: a line across the
/// columns that does so goes on with the text above it (cells a text
/// rendering ran together, a heading's second line), as no heading opens
/// so.
pub(super) fn opens_in_lower_case(line: &Line) -> bool {
    line.text().chars().next().is_some_and(char::is_lowercase)
}

/// Whether a line runs across the columns as a heading does and stands
/// apart from the lines above: opening a heading (not in lower case,
/// [`opens_in_lower_case`]), or going on with one (`after_crossing`, the
/// line above stood so), and not going on in its cells in the line under it
/// (`next`): a text rendering may run a row's first line together, each
/// cell one space from the next, and that is no heading (see
/// [`goes_on_in_its_cells`]).
pub(super) fn stands_across(
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
pub(super) fn goes_on_in_its_cells(line: &Line, next: &Line, columns: &[Column], vertical: &[Rule]) -> bool {
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
pub(super) fn interleaves_cells(band: &[&Line], columns: &[Column]) -> bool {
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
pub(super) const MIN_INTERLEAVED_LINES: usize = 2;

/// A page's whitespace bands ([`gap_bands`]), with each line that runs
/// across the columns (a section heading, or its next lines) set apart as
/// a band of its own; a line across them opening in lower case goes on
/// with the lines above (see [`opens_in_lower_case`]).
pub(super) fn whitespace_segments<'p>(body: &Body<'p>) -> Vec<Vec<&'p Line>> {
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
pub(super) struct PageBreaks {
    pub(super) goes_on: bool,
    pub(super) cut_below: bool,
}

/// Splits a whitespace band that holds several rows: a bottom-aligned row
/// ends with its first cell (a run of the first column); centred rows part
/// where each is centred on its tallest cell (see [`centred_row_cuts`]).
pub(super) fn split_band<'p>(
    band: Vec<&'p Line>,
    columns: &[Column],
    alignment: Alignment,
    breaks: PageBreaks,
) -> Vec<Vec<&'p Line>> {
    let Some(first) = columns.first() else { return vec![band] };
    let cuts: Vec<usize> = match alignment {
        Alignment::Bottom => {
            let runs = first_column_runs(&band, first, BOTTOM_RUN_GAP);
            let last = runs.len().saturating_sub(1);
            let mut cuts: Vec<usize> = Vec::new();
            for (k, run) in runs.iter().enumerate() {
                // A numbered row's first cell holds its number alone, on the
                // row's last line: a number with lines of the run under it
                // ends its row there (rows set without padding run their
                // numbers together, `2` right over `3`). Without numbers,
                // a row ends inside the run where it closes all its cells.
                for i in run.start..run.end.saturating_sub(1) {
                    let numbered = band.get(i).is_some_and(|l| first_column_code(l, columns));
                    let from = cuts.last().copied().unwrap_or(0);
                    let closes = || {
                        band.get(i + 1).is_some_and(|next| {
                            closes_bottom_aligned_row(band.get(from..=i).unwrap_or_default(), next, columns)
                        })
                    };
                    if numbered || closes() {
                        cuts.push(i + 1);
                    }
                }
                if k < last {
                    cuts.push(run.end);
                }
            }
            cuts
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

/// Whether the last of `row` (a row so far, of bottom-aligned cells)
/// closes it right over `next`: all cells of a bottom-aligned row end on
/// its last line, so that line holds text in every column the row holds
/// any in, two at least (a line alone in the first column may be a
/// heading, or a cell's first line over the rest of its row) (columns as the row sets them, [`align_to_row`]), none of it
/// broken at a word's hyphen or going on after a comma, a colon or an
/// opening bracket; and `next` opens a cell in each column it
/// holds text in ([`opens_every_cell`]). A text rendering sets such rows
/// with no gap between them, and the first cells of two rows then run
/// together in the first column.
pub(super) fn closes_bottom_aligned_row(row: &[&Line], next: &Line, columns: &[Column]) -> bool {
    let Some(last) = row.last() else { return false };
    let columns = align_to_row(row, columns);
    let mut on_last = Vec::with_capacity(columns.len());
    for column in &columns {
        let words = words_in(last, column.x0, column.x1);
        if words.last().is_some_and(|w| ends_in_word_hyphen(&w.text) || w.text.ends_with([',', ':', '('])) {
            return false;
        }
        on_last.push(!words.is_empty());
    }
    let empty_in_row = |column: &Column| row.iter().all(|l| words_in(l, column.x0, column.x1).is_empty());
    let closed = columns.iter().zip(&on_last).all(|(c, here)| *here || empty_in_row(c));
    closed && on_last.iter().filter(|here| **here).count() >= 2 && opens_every_cell(next)
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
pub(super) fn centred_row_cuts(band: &[&Line], columns: &[Column], breaks: PageBreaks) -> Vec<usize> {
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
pub(super) fn columns_holding_phrases(line: &Line, columns: &[Column]) -> Vec<bool> {
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
pub(super) const MERGED_CELL_REACH: f64 = 3.0;

/// The most lines a row may span in [`centred_row_cuts`] (a page's worth
/// of a text rendering's lines, interleaved): bounds its cost on a text
/// that runs as one page.
pub(super) const MAX_CENTRED_ROW_LINES: usize = 250;

/// Less than this many line heights below a line, top to top, a line is
/// interleaved under it, not the next line (see [`centred_row_cuts`]).
pub(super) const HALF_LINE_BELOW: f64 = 0.75;

/// What a column holding two separate runs of text in one row costs in
/// [`centred_row_cuts`]: two cells where a row has one.
pub(super) const SECOND_CELL_COST: f64 = 3.0;

/// What a row without a first cell (a record without its title) costs in
/// [`centred_row_cuts`].
pub(super) const NO_FIRST_CELL_COST: f64 = 2.0;

/// What a cell that sets some of its lines on the baselines of its row's
/// tallest cell and some between them costs in [`centred_row_cuts`]: a
/// cell centred in its row is offset by whole lines or by half a line, all
/// its lines alike, so such a cell spans two rows.
pub(super) const MIXED_BASELINES_COST: f64 = 2.0;

/// What each row costs in [`centred_row_cuts`]: of two partings that
/// centre every cell alike, the one with fewer rows (a row's lines cut in
/// two may still each be centred on a cell of their own).
pub(super) const ROW_COST: f64 = 1.0;

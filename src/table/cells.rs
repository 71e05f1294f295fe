//! A row's lines → the parts of its cells on one page: each word given to
//! the column its phrase opens in.

use super::*;

/// The widest line spacing assumed for a cell's lines, in font sizes, where
/// nothing in the table shows it (every cell one line).
pub(super) const MAX_LINE_SPACING: f64 = 1.2;

/// How much wider than the line's usual word gap (the median of its other
/// gaps) a gap at a column boundary must be to part two cells' text, not
/// two words of one phrase.
pub(super) const CELL_GAP_FACTOR: f64 = 1.8;

/// The word gap taken as usual, in font sizes, where a line has no other
/// gap to show it: a space of a proportional font, a little more.
pub(super) const USUAL_WORD_GAP: f64 = 0.35;

/// Whether a line's words part at an inner column boundary by a gap much
/// wider than its other word gaps ([`CELL_GAP_FACTOR`]): two cells set
/// closer than a phrase gap (a borderless table with narrow gutters whose
/// cell text runs up to its column's edge), not a heading across them.
/// Or at [`MIN_OPENED_STARTS`] boundaries or more, each word after a gap
/// there opening its column's text: justified cells stretch their word
/// gaps past the gutters between them, and a heading's words fall at
/// column starts only by chance.
pub(super) fn parted_at_a_boundary(line: &Line, columns: &[Column]) -> bool {
    let gaps = word_gaps(line);
    let slack = 0.25 * line.font_size();
    let opened_starts = columns
        .iter()
        .skip(1)
        .filter(|c| {
            gaps.iter().any(|&(from, to)| from <= c.x0 + slack && to >= c.x0 - slack && to <= c.x0 + 2.0 * slack)
        })
        .count();
    if opened_starts >= MIN_OPENED_STARTS {
        return true;
    }
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

/// Column starts a line's words must open at, after gaps, to be a row's
/// cells rather than a heading across them ([`parted_at_a_boundary`]).
pub(super) const MIN_OPENED_STARTS: usize = 2;

/// How much wider than usual a gap must be to part two cells where the
/// word after it starts at its column's start.
pub(super) const ALIGNED_CELL_GAP_FACTOR: f64 = 1.15;

/// How far apart (in font sizes) two word starts may lie and be one
/// column's start, within a row: a character of a text rendering.
pub(super) const START_TOLERANCE: f64 = 0.55;

/// How far (in font sizes) a row may set a column's start from the table's
/// boundary: text renderings shift each row's columns by a few characters.
pub(super) const ROW_SHIFT: f64 = 2.0;

/// How far left a row may set a column's start where many of its lines
/// share it ([`FAR_SHIFT_LINES`]): `pdftotext -layout` sets a row whose
/// cells run up to each other several characters left of the rest.
pub(super) const FAR_ROW_SHIFT: f64 = 2.0 * ROW_SHIFT;

/// Lines of a row that must start a word at a column start beyond
/// [`ROW_SHIFT`] (with at most one at the boundary's side) to move the
/// boundary there.
pub(super) const FAR_SHIFT_LINES: usize = 3;

/// The columns as one row sets them, in a table without vertical rules:
/// each inner boundary moves to just before a left edge its cells' lines
/// share in this row (starts within [`START_TOLERANCE`] font sizes), with
/// no word of the row across it, when that edge lies within [`ROW_SHIFT`]
/// font sizes of the boundary and more of the row's lines start a word
/// there than at the boundary's side (two lines or more, whose phrases
/// from there run past the boundary), or, where no phrase of the row
/// starts at or right of the boundary (within the shift), where one line
/// starts a phrase that runs past it (a justified line's last word, set
/// apart at its column's edge, ends short of it: `Réseau      de` beside
/// an empty column); or up to [`FAR_ROW_SHIFT`] left of the boundary, where
/// [`FAR_SHIFT_LINES`] lines start a word there, a phrase running past it
/// on one of them. `pdftotext -layout` sets some rows' columns a character
/// or more left of the others, one space from the column before.
pub(super) fn align_to_row(block: &[&Line], columns: &[Column]) -> Vec<Column> {
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
                    || near
                        && !opens_here
                        && *x < boundary
                        && phrase_starts.iter().any(|p| (p - x).abs() <= tolerance)
                        && running_past(*x, boundary) >= 1
            })
            // As many lines start both: a start within the usual shift
            // beats one far left (a justified line's last words, set apart
            // at their column's edge one narrow gutter before the next
            // cell), and of two alike, the leftmost.
            .max_by(|a, b| a.0.cmp(&b.0).then((a.1 >= left).cmp(&(b.1 >= left))).then(b.1.total_cmp(&a.1)));
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
pub(super) const CELL_GAP: f64 = 3.0;

/// Where column `i` holds no word of the row, the start of a line's phrase
/// that follows another phrase of that line in column `i - 1`, more than
/// [`CELL_GAP`] after it: a text rendering set the row's cells so far left
/// of their columns (`humaines ; jury de        Aucun`) that a one-line
/// cell lies under its neighbour's header.
pub(super) fn second_phrase_start(block: &[&Line], columns: &[Column], i: usize, font: f64) -> Option<f64> {
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
pub(super) fn phrase_cut_open(block: &[&Line], boundary: f64, left: f64, right: f64, font: f64) -> Option<f64> {
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
pub(super) fn word_columns(lines: &[&Line], columns: &[Column], ruled: bool) -> Vec<Vec<Option<usize>>> {
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
pub(super) const MIN_LINES_SHOWING_REACH: usize = 2;

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
pub(super) fn opening_of_empty_cell(
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
pub(super) fn overflowing_tails(
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
pub(super) fn row_parts(
    lines: &[&Line],
    columns: &[Column],
    ruled: bool,
    page: u32,
    leading: f64,
) -> Vec<Option<CellPart>> {
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
pub(super) struct Leading {
    /// The smallest distance between consecutive lines of a column that
    /// recurs (rows add their padding to it, and where most cells hold one
    /// line the row pitch is the commonest distance), or a lone one well
    /// under it.
    pub(super) line: f64,
    /// The same, taken no wider than [`MAX_LINE_SPACING`] font sizes where
    /// all distances agree: they may all be row pitches (every cell one
    /// line), which must then still part rows.
    pub(super) row: f64,
}

pub(super) fn leading_of(lines: &[&Line], columns: &[Column]) -> Leading {
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

//! A segmentation → ruled pages for the table stage: the header on every
//! page, each row's cells in their columns, a section as a merged band.

use super::*;

/// Width of one character on the synthetic page, in points.
pub(super) const CHAR_WIDTH: f64 = 5.0;
/// Distance between two synthetic lines, in points.
pub(super) const LINE_HEIGHT: f64 = 12.0;
/// Font size of synthetic words.
pub(super) const FONT_SIZE: f64 = 10.0;
/// A page that simply holds the lines, for text with no register header.
pub(super) fn plain_page(lines: &[FlowLine]) -> Page {
    let mut words = Vec::new();
    for (row, line) in lines.iter().enumerate() {
        words.extend(words_at(&line.words, 0.0, (row as f64 + 1.0) * LINE_HEIGHT, line.trailing_space));
    }
    Page {
        number: 1,
        width: 1000.0,
        height: (lines.len() as f64 + 2.0) * LINE_HEIGHT,
        words,
        rules: Vec::new(),
        character_grid: true,
    }
}

pub(super) fn rule(x0: f64, y0: f64, x1: f64, y1: f64) -> Rule {
    Rule { rect: Rect::from_corners(x0, y0, x1, y1) }
}

/// A row's cells laid out: column → lines of words, each with its
/// trailing-space flag.
type RowCells = Vec<Vec<(Vec<String>, bool)>>;

/// A band of a laid-out page: a row's cells, or a section heading's words.
pub(super) enum Band {
    Row(RowCells),
    Section(Vec<String>),
}

/// The header as laid out: the columns' headers, and a group label over
/// some of them.
#[derive(Clone, Copy)]
pub(super) struct LaidHeader<'a> {
    pub(super) headers: &'a [String],
    pub(super) group: Option<&'a HeaderGroup>,
}

/// Writes the segmentation as ruled pages: header on every page (a group
/// label on a line of its own over its columns' headers), one band per
/// row, a new page at each page break of the source. A section heading is
/// a merged band (no inner rule crosses it) whose words run across the
/// first column boundary, as a heading across the table does.
pub(super) fn layout(
    preamble: &[FlowLine],
    header: LaidHeader,
    body: &[FlowLine],
    steps: &[Step],
    widths: &[f64],
    notes: &[FlowLine],
) -> Vec<Page> {
    let LaidHeader { headers, group } = header;
    let k = headers.len();
    let gap = 4.0 * CHAR_WIDTH;
    let mut xs = vec![0.0];
    for c in 0..k {
        let w = widths.get(c).copied().unwrap_or(40.0).max(headers.get(c).map_or(0, |h| h.chars().count()) as f64);
        xs.push(xs.last().copied().unwrap_or(0.0) + (w + 8.0) * CHAR_WIDTH + gap);
    }
    let right = xs.last().copied().unwrap_or(1000.0);
    let x_of = |c: usize| xs.get(c).copied().unwrap_or(0.0) + CHAR_WIDTH;

    let mut pages_rows: Vec<Vec<Band>> = vec![Vec::new()];
    let mut current: Option<RowCells> = None;
    for (line, step) in body.iter().zip(steps) {
        if step.page_break || step.new_row {
            if let (Some(row), Some(page)) = (current.take(), pages_rows.last_mut()) {
                page.push(Band::Row(row));
            }
            if step.page_break {
                pages_rows.push(Vec::new());
            }
        }
        if step.section {
            if let Some(page) = pages_rows.last_mut() {
                page.push(Band::Section(line.words.clone()));
            }
            continue;
        }
        let row = current.get_or_insert_with(|| vec![Vec::new(); k]);
        let words = line.words.len();
        for (from, to, column) in step.parts(words) {
            if let Some(cell) = row.get_mut(column) {
                let part = line.words.get(from..to).unwrap_or_default().to_vec();
                cell.push((part, to < words || line.trailing_space && !line.end_unmarked));
            }
        }
    }
    if let (Some(row), Some(page)) = (current.take(), pages_rows.last_mut()) {
        page.push(Band::Row(row));
    }
    let first_boundary = xs.get(1).copied().unwrap_or(right);

    let mut pages = Vec::new();
    let last_page = pages_rows.len().saturating_sub(1);
    for (p, rows) in pages_rows.iter().enumerate() {
        let mut words = Vec::new();
        let mut rules = Vec::new();
        let mut y = LINE_HEIGHT;
        if p == 0 {
            // Set solid, as the text does not say where its paragraphs
            // break: the register stage joins a line to the title only on
            // what the words say (a line opening in lower case, or one
            // hanging on `de` or a hyphen).
            for line in preamble {
                words.extend(words_at(&line.words, 0.0, y, line.trailing_space));
                y += LINE_HEIGHT;
            }
        }
        let top = y;
        rules.push(rule(0.0, top, right, top));
        y += LINE_HEIGHT;
        // A group label on a line of its own over its columns' headers, no
        // rule parting those columns on its line.
        let mut grouped_from = Vec::new();
        if let Some(HeaderGroup { label, from, to }) = group {
            let label_words: Vec<String> = label.split_whitespace().map(str::to_string).collect();
            words.extend(words_at(&label_words, x_of(*from), y, false));
            // Right below the label's line: the rules inside the group
            // cross the middle of the header's two lines.
            let below_label = y + 0.2 * LINE_HEIGHT;
            y += LINE_HEIGHT;
            let (x0, x1) = (xs.get(*from).copied().unwrap_or(0.0), xs.get(*to).copied().unwrap_or(right));
            rules.push(rule(x0, below_label, x1, below_label));
            grouped_from = xs.get(from + 1..*to).unwrap_or_default().iter().map(|&x| (x, below_label)).collect();
        }
        for (c, header) in headers.iter().enumerate() {
            let header_words: Vec<String> = header.split_whitespace().map(str::to_string).collect();
            words.extend(words_at(&header_words, x_of(c), y, false));
        }
        y += 0.5 * LINE_HEIGHT;
        rules.push(rule(0.0, y, right, y));
        // Where the inner rules' current run started; in the header, below
        // the group label for the rules inside the group.
        let mut inner_from = top;
        let run_from = |x: f64, from: f64| {
            grouped_from.iter().find(|(gx, _)| from == top && *gx == x).map_or(from, |(_, below)| *below)
        };
        let inner = xs.get(1..k).unwrap_or_default();
        for band in rows {
            match band {
                Band::Row(row) => {
                    let mut height = 0usize;
                    for (c, cell) in row.iter().enumerate() {
                        for (n, (cell_words, trailing)) in cell.iter().enumerate() {
                            let baseline = y + (n as f64 + 1.0) * LINE_HEIGHT;
                            words.extend(words_at(cell_words, x_of(c), baseline, *trailing));
                        }
                        height = height.max(cell.len());
                    }
                    y += (height as f64 + 0.5) * LINE_HEIGHT;
                }
                Band::Section(heading) => {
                    rules.extend(inner.iter().map(|&x| rule(x, run_from(x, inner_from), x, y)));
                    let len = heading.iter().map(|w| w.chars().count() + 1).sum::<usize>() as f64;
                    let x = (first_boundary - 0.5 * len * CHAR_WIDTH).max(CHAR_WIDTH);
                    words.extend(words_at(heading, x, y + LINE_HEIGHT, true));
                    y += 1.5 * LINE_HEIGHT;
                    inner_from = y;
                }
            }
            rules.push(rule(0.0, y, right, y));
        }
        rules.extend(inner.iter().map(|&x| rule(x, run_from(x, inner_from), x, y)));
        for x in [0.0, right] {
            rules.push(rule(x, top, x, y));
        }
        if p == last_page {
            y += LINE_HEIGHT;
            // A note opens at a `*`, after a line that stopped well short
            // of the notes' width (the last line of the note before), or
            // after a blank line that follows a sentence's end (a blank
            // line after a full line whose sentence goes on parts the
            // blocks an extraction made of one note's lines).
            let longest = notes.iter().map(|l| l.len.chars as usize).max().unwrap_or(0);
            let mut previous: Option<&FlowLine> = None;
            for line in notes {
                let short = previous.is_some_and(|p| (p.len.chars as usize) * 5 < longest * 3);
                let opens = line.blank_before > 0 && previous.is_none_or(FlowLine::ends_sentence)
                    || line.words.first().is_some_and(|w| w.starts_with('*'))
                    || short;
                y += LINE_HEIGHT * if opens { 2.0 } else { 1.0 };
                words.extend(words_at(&line.words, 0.0, y, line.trailing_space));
                previous = Some(line);
            }
        }
        pages.push(Page {
            number: u32::try_from(p + 1).unwrap_or(u32::MAX),
            width: right + CHAR_WIDTH,
            height: y + 2.0 * LINE_HEIGHT,
            words,
            rules,
            character_grid: true,
        });
    }
    pages
}

/// The words of a line laid out on the synthetic page: one character
/// per [`CHAR_WIDTH`] from `x`, on `baseline`.
pub(super) fn words_at(text_words: &[String], x: f64, baseline: f64, trailing_space: bool) -> Vec<Word> {
    let mut out = Vec::new();
    let mut col = 0usize;
    let count = text_words.len();
    for (i, w) in text_words.iter().enumerate() {
        let len = w.chars().count();
        out.push(Word {
            text: w.clone(),
            bbox: Rect {
                x0: x + col as f64 * CHAR_WIDTH,
                y0: baseline - 0.8 * FONT_SIZE,
                x1: x + (col + len) as f64 * CHAR_WIDTH,
                y1: baseline + 0.2 * FONT_SIZE,
            },
            font_size: FONT_SIZE,
            bold: false,
            space_after: i + 1 < count || trailing_space,
        });
        col += len + 1;
    }
    out
}

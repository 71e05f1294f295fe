//! Lines and words → the register's table grid: header, columns, rows,
//! rows continued across pages, full-width section rows, and the text
//! above (preamble) and below (notes) the table.
//!
//! Everything is derived from the document: the header from its vocabulary,
//! columns from vertical rules or else from the header cells and the
//! whitespace gutters of the body, rows from horizontal rules or else from
//! the lines where the first column gains text after more than a line's
//! spacing.
//!
//! [`reconstruct`] runs the stages, each in its own module: `furniture`
//! sets running headers and footers aside; `header` finds the header and
//! the columns it names (`rules` joins the ruling lines); `columns` fits
//! them to each page; `rows` and, in borderless tables, `bands` part the
//! body into row blocks; `cells` gives each block's words to their cells;
//! `sections` sets headings apart; `continuation` joins rows cut by a
//! page break; `words` decides where cell lines end inside a word.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::fields;
use crate::geometry::Rect;
use crate::layout::{
    LIST_MARKS, Line, PARAGRAPH_PITCH, Page, Word, collapse_whitespace, digit_runs_masked, drop_added_hyphen,
    ends_in_added_hyphen, ends_in_word_hyphen, ends_with_page_number, group_lines, is_list_mark, is_page_number,
    is_superscript_figure, join_words, vocabulary_form,
};
use crate::pdf::Rule;

mod bands;
mod cells;
mod columns;
mod continuation;
mod furniture;
mod header;
mod rows;
mod rules;
mod sections;
mod words;

use bands::*;
use cells::*;
use columns::*;
use continuation::*;
use furniture::*;
use header::*;
use rows::*;
use rules::*;
use sections::*;
use words::*;

/// A gap wider than this many font sizes separates two phrases of a line.
const PHRASE_GAP: f64 = 0.9;
/// Rules closer than this (points) are one rule.
const RULE_SNAP: f64 = 2.0;
/// A horizontal rule spanning at least this share of the table's width bounds rows.
const ROW_RULE_SPAN: f64 = 0.5;
/// At least this many header phrases, half of them or more opening a known
/// header (a register has columns of its own: `Logiciel`, `Origine des
/// données`), make a header line.
const MIN_HEADER_CELLS: usize = 3;
/// Fewer known headers than [`MIN_HEADER_CELLS`], and a third of the
/// phrases rather than half, do where every phrase of the line reads as a
/// header, a few words opening with a capital (`Intitulé`, `Mesures de
/// sécurité`, `Observations`, `Date de mise à jour`, `Service référent`):
/// at least this many.
const MIN_KNOWN_HEADERS_OF_CAPITALIZED: usize = 2;
/// Share of a page's body lines crossing the columns its header marks from
/// which the header is taken to be set apart from the columns' edges (a
/// centred header): a text rendering that shifts a row by a character or
/// two makes some lines cross, not nearly all.
const HEADER_APART_CROSSING: f64 = 0.8;

/// One column of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The header as printed, lines joined.
    pub header: String,
    /// The header without a label it shares with its neighbours
    /// (`Catégories` over `Personnes concernées` and `Données collectées`):
    /// what its field is read from.
    pub key: String,
    /// Left boundary in page space.
    pub x0: f64,
    /// Right boundary in page space.
    pub x1: f64,
    /// Right edge of the header's printed text: a header centred over its
    /// column leaves the column's boundaries outside its text.
    pub header_x1: f64,
}

/// One printed line of a cell.
#[derive(Debug, Clone, PartialEq)]
pub struct CellLine {
    /// The line's words joined by single spaces.
    pub text: String,
    /// The line's box.
    pub bbox: Rect,
    /// The line ends inside a word (a word broken at the cell's edge): the
    /// next line joins it without a space.
    pub breaks_word: bool,
    /// The line's final hyphen is one a hyphenating typesetter added where
    /// it broke the word (`us-` / `agers`), not the word's own (`e-` /
    /// `mail`): joining the next line drops it.
    pub hyphen_added: bool,
    /// The line starts a new paragraph (more than a line's spacing above it).
    pub starts_paragraph: bool,
    /// The line's last word is followed by a space in the source.
    pub ends_with_space: bool,
}

/// The part of a cell printed on one page.
#[derive(Debug, Clone, PartialEq)]
pub struct CellPart {
    /// 1-based page number.
    pub page: u32,
    /// The lines, top to bottom.
    pub lines: Vec<CellLine>,
    /// Union of the lines' boxes.
    pub bbox: Rect,
}

/// A table row: one part list per column.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    /// For each column, the cell's parts in reading order (one per page).
    pub cells: Vec<Vec<CellPart>>,
    /// The pages the row spans.
    pub pages: Vec<u32>,
    /// Columns whose cell is one merged cell with the row above (no rule
    /// parts them there): each row of a merged cell has its text.
    pub merged_above: Vec<usize>,
}

/// An entry of the table body, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// A record row.
    Row(Row),
    /// A row spanning the table's width: a group heading.
    Section {
        /// The heading text.
        text: String,
        /// Where it is printed.
        page: u32,
    },
}

/// The reconstructed table with the text around it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Columns, left to right.
    pub columns: Vec<Column>,
    /// Body rows and section headings.
    pub entries: Vec<Entry>,
    /// Lines above the header on the table's first page.
    pub preamble: Vec<Line>,
    /// Paragraphs below the table, each as its lines.
    pub notes: Vec<Vec<Line>>,
}

impl Table {
    /// The horizontal extent of the table's text (its columns and its
    /// cells), `None` when it has neither.
    pub fn text_span(&self) -> Option<(f64, f64)> {
        let columns = self.columns.iter().filter(|c| c.x1 > c.x0).map(|c| (c.x0, c.x1));
        let cells = rows_of(&self.entries).flat_map(|r| r.cells.iter().flatten()).map(|p| (p.bbox.x0, p.bbox.x1));
        columns.chain(cells).reduce(|(l0, r0), (l1, r1)| (l0.min(l1), r0.max(r1)))
    }
}

/// Why no table could be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableError {
    /// No page carries any word.
    NoText,
    /// No line looks like a register header.
    NoHeader,
}

/// A detected header: its vertical band and columns.
#[derive(Debug, Clone)]
struct Header {
    top: f64,
    bottom: f64,
    columns: Vec<Column>,
    /// Lines of the header band.
    lines: usize,
    /// The known fields whose headers a body river parted from the header
    /// words before them ([`split_at_body_rivers`]).
    river_fields: Vec<&'static str>,
}

/// The lines of a page with the page's horizontal and vertical rules.
struct PageLines<'a> {
    page: &'a Page,
    lines: Vec<Line>,
    horizontal: Vec<Rule>,
    vertical: Vec<Rule>,
    /// Where a last column open to the right ends: the page's right edge,
    /// or the end of text set past it (a table wider than its page, whose
    /// last cells a viewer clips but the file holds whole).
    right_edge: f64,
}

impl<'a> PageLines<'a> {
    fn new(page: &'a Page) -> PageLines<'a> {
        let (horizontal, vertical): (Vec<Rule>, Vec<Rule>) = page.rules.iter().partition(|r| r.is_horizontal());
        let right_edge = page.words.iter().map(|w| w.bbox.x1).fold(page.width, f64::max);
        PageLines {
            page,
            right_edge,
            lines: group_lines(&page.words),
            horizontal: join_collinear(horizontal, true),
            vertical: join_collinear(vertical, false),
        }
    }

    /// Horizontal rules spanning at least `share` of `[x0, x1]`, as y positions.
    fn spanning_rules(&self, x0: f64, x1: f64, share: f64) -> Vec<f64> {
        let width = (x1 - x0).max(1.0);
        snap(
            self.horizontal
                .iter()
                .filter(|r| (r.rect.x1.min(x1) - r.rect.x0.max(x0)) >= share * width)
                .map(|r| r.rect.center_y())
                .collect(),
        )
    }
}

/// The words of a line whose middle lies in `[x0, x1)`.
fn words_in(line: &Line, x0: f64, x1: f64) -> Vec<Word> {
    line.words.iter().filter(|w| w.bbox.center_x() >= x0 && w.bbox.center_x() < x1).cloned().collect()
}

/// One page's share of the table.
struct Body<'p> {
    page: &'p PageLines<'p>,
    /// Lines between the header (or the page top) and the table's bottom,
    /// without the headers of tables set after the first on the page.
    lines: Vec<&'p Line>,
    /// The headings over those tables: where each is set, and its line.
    headings: Vec<(f64, &'p Line)>,
    /// Lines below the table's frame.
    below: Vec<&'p Line>,
    /// Whether the page prints the header again (a page after the first).
    header_again: bool,
    /// Lines above the header a page after the first prints again.
    above: Vec<&'p Line>,
    /// Horizontal rules between rows.
    row_rules: Vec<f64>,
    /// The columns as measured on this page.
    columns: Vec<Column>,
}

/// Reconstructs the register table of a document.
pub fn reconstruct(pages: &[Page]) -> Result<Table, TableError> {
    let pages: Vec<PageLines> = pages.iter().map(PageLines::new).collect();
    if pages.iter().all(|p| p.lines.is_empty()) {
        return Err(TableError::NoText);
    }
    let running = RunningLines::find(&pages);

    let (first_index, mut first_header) = pages
        .iter()
        .enumerate()
        .find_map(|(i, p)| p.find_header(None, &[]).map(|h| (i, h)))
        .ok_or(TableError::NoHeader)?;
    // The later pages' headers, if printed again.
    let later_headers = |first: &Header, proven: &[&'static str]| -> Vec<Option<Header>> {
        pages.iter().skip(first_index + 1).map(|p| p.find_header(Some(first.lines), proven)).collect()
    };
    let mut later = later_headers(&first_header, &[]);
    // A river any page's body shows under its header parts that header on
    // every page: read the headers again knowing it.
    let mut proven: Vec<&'static str> =
        later.iter().flatten().chain(std::iter::once(&first_header)).flat_map(|h| h.river_fields.clone()).collect();
    proven.sort_unstable();
    proven.dedup();
    if !proven.is_empty() {
        if let Some(header) = pages.get(first_index).and_then(|p| p.find_header(None, &proven)) {
            first_header = header;
        }
        later = later_headers(&first_header, &proven);
    }
    let mut columns = first_header.columns.clone();
    // A last column no rule closes reaches the page's right edge, and on
    // every page that page's own: a later page may be set wider (a text
    // rendering's longer line, a landscape page), and its text is the
    // column's all the same.
    let open_right = pages.get(first_index).is_some_and(|p| columns.last().is_some_and(|c| c.x1 >= p.right_edge));
    // Inner boundaries on rules; the outer edges may have none (a table
    // ruled inside only).
    let ruled_columns = columns
        .iter()
        .skip(1)
        .all(|c| pages.get(first_index).is_some_and(|p| p.vertical.iter().any(|r| rule_at_start(r, c))));

    // The first header band's lines, which a table set after another on
    // the same page prints again.
    let header_texts: Vec<String> = pages
        .get(first_index)
        .map(|p| {
            p.lines
                .iter()
                .filter(|l| l.bbox.center_y() > first_header.top && l.bbox.center_y() < first_header.bottom)
                .map(|l| collapse_whitespace(&l.text()))
                .collect()
        })
        .unwrap_or_default();
    // Per page: the header band (if printed) and the body's vertical extent.
    let mut bodies: Vec<Body> = Vec::new();
    let mut table_ruled = false;
    for (i, p) in pages.iter().enumerate().skip(first_index) {
        let header = if i == first_index {
            Some(first_header.clone())
        } else {
            later.get_mut(i - first_index - 1).and_then(Option::take).filter(|h| repeats_header(h, &first_header))
        };
        // A page that prints the header again gets its own columns (text
        // renderings shift them from page to page); others keep the last ones.
        let printed = header.as_ref().is_some_and(|h| h.columns.len() == columns.len());
        if let Some(h) = header.as_ref().filter(|_| printed) {
            columns = h.columns.clone();
        }
        if let Some(last) = columns.last_mut().filter(|_| open_right) {
            last.x1 = last.x1.max(p.right_edge);
        }
        let top = header.as_ref().map_or(0.0, |h| h.bottom);
        let (x0, x1) = (columns.first().map_or(0.0, |c| c.x0), columns.last().map_or(p.right_edge, |c| c.x1));
        let rules = p.spanning_rules(x0, x1, ROW_RULE_SPAN);
        let inner: Vec<f64> = rules.iter().copied().filter(|y| *y > top + RULE_SNAP).collect();
        let frame_bottom = if ruled_columns {
            let vertical_bottom = p
                .vertical
                .iter()
                .filter(|r| r.rect.y1 > top && (r.rect.center_x() - x0).abs() <= RULE_SNAP)
                .map(|r| r.rect.y1)
                .fold(f64::NEG_INFINITY, f64::max);
            let lowest =
                inner.iter().copied().filter(|y| *y <= vertical_bottom + RULE_SNAP).fold(f64::NEG_INFINITY, f64::max);
            // A row the page break cuts may have no rule under it (WeasyPrint
            // draws none under a cell it splits): the column rules run on
            // below the lowest rule, and the table with them.
            if lowest.is_finite() && vertical_bottom > lowest + RULE_SNAP { vertical_bottom } else { lowest }
        } else {
            table_bottom_rule(p, &inner, &columns, &running)
        };
        let bottom = if frame_bottom.is_finite() {
            unframed_row_bottom(p, frame_bottom, &columns, &running).unwrap_or(frame_bottom)
        } else {
            f64::INFINITY
        };
        let row_rules: Vec<f64> = inner.iter().copied().filter(|y| *y < bottom - RULE_SNAP).collect();
        let lines: Vec<&Line> = p
            .lines
            .iter()
            .filter(|l| l.bbox.center_y() > top && l.bbox.center_y() < bottom && !running.holds(p, l))
            .collect();
        if parts_rows(&row_rules, (top, bottom), &lines, &columns, &p.vertical) {
            table_ruled = true;
        }
        let (lines, headings) = drop_repeated_headers(lines, &header_texts);
        let below: Vec<&Line> =
            p.lines.iter().filter(|l| l.bbox.center_y() >= bottom && !running.holds(p, l)).collect();
        if !ruled_columns && !lines.is_empty() {
            // Under columns the page prints, a line across one is a row its
            // rendering shifted by a character or two, and is left out. But
            // where nearly every line crosses them, the header is set apart
            // from its columns' edges (centred) and only shows roughly where
            // they are; columns carried over from the page before are only a
            // guess of where this page sets its text (a text rendering may
            // shift them all). There, every line but a heading across them
            // shows the page's gutters.
            if !printed {
                anchor_to_gutters(&mut columns, &lines);
            }
            let crossing = lines.iter().filter(|l| crosses_columns(l, &columns, &[])).count();
            let header_at_edges = printed
                && (crossing as f64) < HEADER_APART_CROSSING * lines.len() as f64
                && !texts_open_before_headers(&columns, &lines);
            if header_at_edges {
                move_to_hidden_gutters(&mut columns, &lines);
                open_columns_where_their_text_does(&mut columns, &lines);
            }
            let fitting: Vec<&Line> = lines
                .iter()
                .copied()
                .filter(|l| {
                    if header_at_edges { !crosses_columns(l, &columns, &[]) } else { !full_width(l, &columns, &[]) }
                })
                .collect();
            // A header centred over its column starts right of the column's
            // text, and a text rendering may shift a header a character
            // right of its column (` N°` over `1`): the first column
            // reaches the body's left edge, rows left out of the fitting
            // for running across the columns included.
            let body_left = lines.iter().flat_map(|l| l.words.first()).map(|w| w.bbox.x0).fold(f64::INFINITY, f64::min);
            if let Some(first) = columns.first_mut() {
                first.x0 = first.x0.min(body_left);
            }
            fit_gutters(&mut columns, &fitting, printed && !header_at_edges);
        }
        let header_again = printed && i > first_index;
        let above: Vec<&Line> = match header.as_ref().filter(|_| header_again) {
            Some(h) => p.lines.iter().filter(|l| l.bbox.y1 <= h.top + 1.0 && !running.holds(p, l)).collect(),
            None => Vec::new(),
        };
        bodies.push(Body { page: p, lines, headings, below, header_again, above, row_rules, columns: columns.clone() });
    }
    if !table_ruled {
        // Rules that only frame headings part no rows.
        for body in &mut bodies {
            body.row_rules.clear();
        }
    }
    let columns = bodies.first().map(|b| b.columns.clone()).unwrap_or(columns);

    // Notes are read from the last page up: a page holding nothing but
    // notes shows the table ended on a page before it.
    let mut trailing_notes: Vec<Vec<&Line>> = Vec::new();
    for body in bodies.iter_mut().rev() {
        trailing_notes.insert(0, take_notes(body, table_ruled));
        if !body.lines.is_empty() {
            break;
        }
    }

    let rows = if table_ruled {
        RowSeparation::Rules
    } else if let Some(alignment) = cell_alignment(&bodies) {
        RowSeparation::Whitespace(alignment)
    } else {
        RowSeparation::FirstColumn
    };
    let (rows_crossed, rows_open) = if table_ruled { rows_crossed_and_open(&bodies) } else { (0, 0) };
    let rules_cross_rows = table_ruled && rows_open == 0;
    // Inner rules across some rows and not others: a zebra table, whose
    // rules leave its unshaded rows open.
    let rules_part_every_row = rows_crossed == 0 || rows_open == 0;
    let mut entries: Vec<Entry> = Vec::new();
    let mut current: Option<Row> = None;
    let mut previous_below: &[&Line] = &[];
    let mut notes_above_last: Vec<&[&Line]> = Vec::new();
    // How the headings between tables are set, where there are any.
    let mut heading_style: Option<(bool, f64)> = None;
    let mut row_cuts = 0;
    // Rows opening a page below a row of the page before, read as new rows
    // though their first cell opens with a capital: their other cells may
    // still show them to go on with that row.
    let mut page_top_rows: Vec<usize> = Vec::new();
    for (b, body) in bodies.iter().enumerate() {
        let number = body.page.page.number;
        let vertical = &body.page.vertical;
        let columns = &body.columns;
        // A heading between the end of one table and the header of the
        // next (a register set as one table per group), or under a page's
        // frame where the table goes on over the next page (an unshaded
        // heading row after a zebra table's last shaded row), opens a
        // section.
        let between: Vec<&Line> = previous_below.iter().chain(&body.above).copied().collect();
        let goes_on_under = !previous_below.is_empty() && !body.lines.is_empty();
        if (body.header_again || goes_on_under) && is_heading(&between) {
            if let Some(line) = between.first() {
                heading_style.get_or_insert(style_of(line));
            }
            open_section(&mut entries, &mut current, join_heading(&between), number);
        } else if !previous_below.is_empty() {
            // Text under a page's table that heads no next table (a note
            // set where the table stopped short of the page's end) is a
            // note all the same: nothing printed is dropped.
            notes_above_last.push(previous_below);
        }
        previous_below = &body.below;
        let leading = leading_of(&body.lines, columns);
        let body_mostly_plain = body.lines.iter().filter(|l| !l.is_bold()).count() * 2 > body.lines.len();
        let mut headings = body.headings.iter().peekable();
        let breaks = PageBreaks { goes_on: current.is_some(), cut_below: b + 1 < bodies.len() };
        let mut blocks = row_blocks(body, rows, rules_part_every_row, leading, breaks);
        let text_right = text_right(&body.lines, columns);
        if !table_ruled {
            blocks = split_centred_headings(blocks, columns, leading.line, text_right);
        }
        let merged_above = merged_with_block_above(body, &blocks);
        if !body.row_rules.is_empty() {
            row_cuts += blocks.len().saturating_sub(1);
        }
        for (k, block) in blocks.into_iter().enumerate() {
            let block_top = block.first().map_or(f64::INFINITY, |l| l.bbox.y0);
            while let Some((_, heading)) = headings.next_if(|(y, _)| *y < block_top) {
                heading_style.get_or_insert(style_of(heading));
                open_section(&mut entries, &mut current, heading.text(), number);
            }
            let section = runs_across_as_heading(&block, columns, vertical)
                || table_ruled && is_merged_row(&block, columns, vertical, rules_cross_rows)
                || rows != RowSeparation::Rules && k > 0 && is_first_column_heading(&block, columns)
                || body_mostly_plain && is_bold_first_column_heading(&block, columns)
                || !table_ruled && is_centred_heading(&block, columns, text_right);
            if section {
                if let [line] = block.as_slice() {
                    heading_style.get_or_insert(style_of(line));
                }
                open_section(&mut entries, &mut current, join_heading(&block), number);
                continue;
            }
            let aligned;
            let columns_here = if ruled_columns {
                columns
            } else {
                aligned = align_to_row(&block, columns);
                &aligned
            };
            let parts = row_parts(&block, columns_here, ruled_columns, number, leading.line);
            // Between whitespace bands, a block cut from a row taller than
            // the rows around it (its one tall cell run on past the others)
            // goes on with that row.
            let cut_from_row = k > 0 && matches!(rows, RowSeparation::Whitespace(_)) && only_goes_on(&parts);
            let continuation = current.is_some() && (k == 0 && continues_previous(parts.first()) || cut_from_row);
            if k == 0 && current.is_some() && !continuation {
                page_top_rows.push(entries.len() + 1);
            }
            if !continuation {
                entries.extend(current.take().map(Entry::Row));
            }
            let row = current.get_or_insert_with(Row::default);
            if !continuation {
                row.merged_above = merged_above.get(k).cloned().unwrap_or_default();
            }
            extend_row(row, parts, number);
        }
        for (_, heading) in headings {
            heading_style.get_or_insert(style_of(heading));
            open_section(&mut entries, &mut current, heading.text(), number);
        }
    }
    entries.extend(current.take().map(Entry::Row));
    join_continued_rows(&mut entries, &page_top_rows);
    if !ruled_columns {
        let page_columns: Vec<(u32, &[Column])> =
            bodies.iter().map(|b| (b.page.page.number, b.columns.as_slice())).collect();
        part_repeated_values(&mut entries, &page_columns);
    }
    split_trailing_headings(&mut entries);
    share_merged_cells(&mut entries, row_cuts);
    mark_word_breaks(&mut entries, columns.len(), ruled_columns.then_some(columns.as_slice()));
    mark_added_hyphens(&mut entries);

    let mut preamble: Vec<Line> = pages
        .get(first_index)
        .map(|p| {
            p.lines.iter().filter(|l| l.bbox.y1 <= first_header.top + 1.0 && !running.holds(p, l)).cloned().collect()
        })
        .unwrap_or_default();
    // Where one-line headings open sections, the line set like them just
    // above the first table, closer to it than to the line above (a
    // heading belongs to what follows), heads the first section. A line
    // alone above the table is the register's title.
    let before_last = preamble.len().checked_sub(2).and_then(|k| preamble.get(k));
    if let (Some((bold, size)), Some(last), Some(Entry::Row(_))) = (heading_style, preamble.last(), entries.first())
        && last.is_bold() == bold
        && (last.font_size() - size).abs() < 0.5
        && is_heading(&[last])
        && before_last.is_some_and(|b| first_header.top - last.bbox.y1 < last.bbox.y0 - b.bbox.y1)
    {
        let text = last.text();
        let page = pages.get(first_index).map_or(1, |p| p.page.number);
        entries.insert(0, Entry::Section { text, page });
        preamble.pop();
    }
    let table_right = columns.last().map_or(f64::NEG_INFINITY, |c| c.x1);
    let notes = notes_above_last
        .into_iter()
        .chain(trailing_notes.iter().map(Vec::as_slice))
        .flat_map(|lines| paragraphs(lines, table_right))
        .collect();
    Ok(Table { columns, entries, preamble, notes })
}

#[cfg(test)]
mod tests;

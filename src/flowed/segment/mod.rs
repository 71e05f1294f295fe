//! The segmentation of flowed lines into cells: a dynamic programme over
//! the lines under the column-order constraint, scored by the columns' wrap
//! widths and by what else the text says about columns ([`Evidence`]).
//! `evidence` holds what the text says, `cost` what each step of a reading
//! costs; this module keeps the programme itself ([`Model`]).

use std::collections::HashMap;

use super::{FlowLine, LineEnd, Unit};

pub(super) mod cost;
mod evidence;

pub(super) use cost::*;
pub(super) use evidence::*;

/// A kind of opening of a line's first part in a column: in a row part
/// after a page break, as a new row, as the first line of its cell on the
/// page, with other cells of the row left dangling ([`Endings`]). Each
/// kind keeps its cheapest opening, as the kinds price what follows
/// differently.
#[derive(Debug, Clone, Copy)]
struct Opening {
    continued: bool,
    new_row: bool,
    fresh: bool,
    dangling: bool,
}

impl Opening {
    /// How many kinds there are.
    const KINDS: usize = 16;

    /// Every kind.
    fn all() -> impl Iterator<Item = Self> {
        (0..Self::KINDS).map(|bits| Opening {
            continued: bits & 8 != 0,
            new_row: bits & 4 != 0,
            fresh: bits & 2 != 0,
            dangling: bits & 1 != 0,
        })
    }

    /// The kind's place among a line's openings in `column`.
    fn index(self, column: usize) -> usize {
        let bits = usize::from(self.continued) << 3
            | usize::from(self.new_row) << 2
            | usize::from(self.fresh) << 1
            | usize::from(self.dangling);
        column * Self::KINDS + bits
    }
}

/// States kept per column after a line: row part (two) × split, unsplit in
/// a one-line cell, unsplit in a taller one × other cells of the row left
/// dangling or not ([`Endings`]).
const SLOTS_PER_COLUMN: usize = 12;

/// States of different signatures kept per slot and per opening kind
/// ([`way_for`]).
const WAYS: usize = 4;
/// How much dearer than the cheapest a state of another signature may be
/// and still be kept: about what two cells cut by a page break change (a
/// wider search than this reads every test text the same).
const WAY_MARGIN: f64 = 6.0;

/// States kept after a line: those of every column, and one for a section
/// heading (a line between rows that belongs to no column).
fn slots_for(columns: usize) -> usize {
    columns * SLOTS_PER_COLUMN + 1
}

/// Most words a line may be split after (two cells sharing a line), and
/// most cells the second part may skip.
pub(super) const MAX_SPLIT_WORDS: usize = 24;
const MAX_SPLIT_SKIP: usize = 2;

/// One cell's part of a line: its first word and its column.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Part {
    from: u8,
    column: u8,
}

impl Part {
    fn new(from: usize, column: usize) -> Self {
        let narrow = |v: usize| u8::try_from(v).unwrap_or(u8::MAX);
        Part { from: narrow(from), column: narrow(column) }
    }
}

/// One assignment of a line: the cells it holds (one, or several printed
/// on one baseline), in column order.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Step {
    parts: Vec<Part>,
    /// The line opens a new row.
    pub new_row: bool,
    /// The line opens a page (read so where a run of blank lines may be
    /// one).
    pub page_break: bool,
    /// The line is a section heading between rows, in no column (its one
    /// part's column is the column count).
    pub section: bool,
}

impl Step {
    /// Each part as (first word, end word, column), for a line of `words`
    /// words.
    pub fn parts(&self, words: usize) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        self.parts.iter().enumerate().map(move |(i, p)| {
            let to = self.parts.get(i + 1).map_or(words, |next| usize::from(next.from));
            (usize::from(p.from), to, usize::from(p.column))
        })
    }

    /// The columns of the line's parts, in order.
    pub fn columns(&self) -> impl Iterator<Item = usize> + '_ {
        self.parts.iter().map(|p| usize::from(p.column))
    }

    /// The column of word `word`.
    pub fn column_of(&self, word: usize) -> usize {
        self.parts.iter().rev().find(|p| usize::from(p.from) <= word).map_or(0, |p| usize::from(p.column))
    }
}

/// One reading of the body: lines, widths and evidence.
pub(super) struct Model<'a> {
    /// The body's lines.
    pub lines: &'a [FlowLine],
    /// Each column's wrap width, in [`Model::unit`].
    pub widths: &'a [f64],
    /// Whether blank lines separate paragraphs in this text.
    pub blank_separated: bool,
    /// What else the text says about columns.
    pub evidence: &'a Evidence,
    /// The unit of the widths and of the lines' measures.
    pub unit: Unit,
}

/// Where the segmentation stands after a line: the column of its last part,
/// that part's length, and whether the row is in its part after a page
/// break (where cells that have finished are simply absent).
#[derive(Debug, Clone, Copy, PartialEq)]
struct State {
    column: usize,
    len: super::Measure,
    continued: bool,
}

/// The cheapest way found to reach a state: the previous line's state,
/// and this line's parts as the last [`Link`] of their chain.
#[derive(Debug, Clone, Copy)]
struct Entry {
    state: State,
    cost: f64,
    previous: usize,
    link: u32,
    new_row: bool,
    page_break: bool,
}

/// One part of a line in a chain of parts, linked to the part before it
/// on the line (`NO_LINK` for the first).
#[derive(Debug, Clone, Copy)]
struct Link {
    part: Part,
    parent: u32,
}

const NO_LINK: u32 = u32::MAX;

/// The parts of the chain ending at `link`, in line order.
fn chain(links: &[Link], mut link: u32, out: &mut Vec<Part>) {
    out.clear();
    while let Some(l) = links.get(link as usize) {
        out.push(l.part);
        link = l.parent;
        if out.len() > MAX_SPLIT_WORDS {
            break;
        }
    }
    out.reverse();
}

/// Adds a link to the line's chains and returns its index.
fn push_link(links: &mut Vec<Link>, part: Part, parent: u32) -> u32 {
    links.push(Link { part, parent });
    u32::try_from(links.len() - 1).unwrap_or(NO_LINK)
}

/// An opening of a line's first part in `column` that may go on with more
/// cells on the line: its cost so far, previous state, row start and open
/// cells.
#[derive(Debug, Clone, Copy)]
struct Source {
    column: usize,
    cost: f64,
    prev_index: usize,
    new_row: bool,
    /// How the row's cells ended before the line.
    endings: Endings,
}

/// The cheapest opening of a line's first part found so far for one kind
/// and column: its cost, the previous line's state (slot `previous`), and
/// what of that state the line's states carry on: the signature it is kept
/// apart by ([`way_for`]), the cells the row's last page break cut and how
/// the row's cells ended before the line.
#[derive(Debug, Clone, Copy)]
struct Opened {
    cost: f64,
    previous: usize,
    signature: u32,
    cut: u32,
    endings: Endings,
}

/// What the trace back needs of an entry, packed (one per state and line):
/// its parts are `parts` entries of the solve's part store from `parts_at`.
#[derive(Debug, Clone, Copy)]
struct Back {
    previous: u32,
    parts_at: u32,
    parts: u8,
    new_row: bool,
    page_break: bool,
}

/// The states kept after one line: per column and row part, the cheapest
/// state whose line was split, the cheapest unsplit one whose cell has a
/// single line on the page and the cheapest taller one (the other lengths
/// of a last part seldom change the next line's cost; the cell's height
/// does, through [`SharedLines`]), each with other cells of the row left
/// dangling and without (those will cost at the row's end unless a page
/// break lets them go on, so they are not compared with the others). Each
/// state carries the line count of every cell of its row part on the
/// current page, which says at the next page break which cells reached the
/// page bottom, the set of cells the last page break cut, and how the row's
/// cells ended ([`Endings`]). Each slot keeps `W` states whose cells a page
/// break cut or would cut differ ([`way_for`]): the cheapest reading so far
/// may be dearer after the next break.
#[derive(Debug)]
struct Layer<const W: usize> {
    columns: usize,
    slots: Vec<Option<Entry>>,
    counts: Vec<u16>,
    cut: Vec<u32>,
    endings: Vec<Endings>,
    signatures: Vec<u32>,
}

impl<const W: usize> Layer<W> {
    fn new(columns: usize) -> Self {
        let slots = slots_for(columns) * W;
        Layer {
            columns,
            slots: vec![None; slots],
            counts: vec![0; columns * slots],
            cut: vec![0; slots],
            endings: vec![Endings::default(); slots],
            signatures: vec![0; slots],
        }
    }

    /// The layer emptied, for the next line.
    fn cleared(mut self) -> Self {
        self.slots.fill(None);
        self.counts.fill(0);
        self.cut.fill(0);
        self.endings.fill(Endings::default());
        self.signatures.fill(0);
        self
    }

    /// The slot of a section heading, after every column's.
    fn section_slot(&self) -> usize {
        self.columns * SLOTS_PER_COLUMN * W
    }

    fn counts(&self, slot: usize) -> &[u16] {
        let start = slot.saturating_mul(self.columns);
        self.counts.get(start..start.saturating_add(self.columns)).unwrap_or_default()
    }

    fn cut(&self, slot: usize) -> u32 {
        self.cut.get(slot).copied().unwrap_or(0)
    }

    fn endings(&self, slot: usize) -> Endings {
        self.endings.get(slot).copied().unwrap_or_default()
    }

    /// Whether a state of a split line in `column` costing `cost` may be
    /// kept, before its parts are traced: with one state per slot, not
    /// where both its slots (other cells dangling or not) keep cheaper ones.
    fn may_keep_split(&self, column: usize, continued: bool, cost: f64) -> bool {
        if W > 1 {
            return true;
        }
        let row_part = column * 2 + usize::from(continued);
        (0..2).any(|dangling| {
            let slot = (row_part * 3 + 2) * 2 + dangling;
            self.slots.get(slot).copied().flatten().is_none_or(|kept| cost < kept.cost)
        })
    }

    /// Keeps the entry if it is the cheapest for its slot, with the line
    /// counts of its row part (`previous` counts, none when the line opens
    /// a row or a page, plus this line's cells, `parts`), the cut cells and
    /// how the row's cells ended ([`Endings::after`]).
    #[inline]
    fn push(&mut self, entry: Entry, previous_counts: Option<&[u16]>, cut: u32, endings: Endings, parts: &[Part]) {
        let state = entry.state;
        let single = previous_counts.and_then(|p| p.get(state.column)).is_none_or(|&n| n == 0);
        let kind = if parts.len() > 1 { 2 } else { usize::from(single) };
        let row_part = state.column * 2 + usize::from(state.continued);
        let first = if state.column == self.columns {
            self.section_slot()
        } else {
            ((row_part * 3 + kind) * 2 + usize::from(endings.others_dangle(state.column))) * W
        };
        // The row part's line counts after this line.
        let fill_counts = |counts: &mut [u16]| {
            match previous_counts {
                Some(p) if p.len() == counts.len() => counts.copy_from_slice(p),
                _ => counts.fill(0),
            }
            for part in parts {
                if let Some(n) = counts.get_mut(usize::from(part.column)) {
                    *n = n.saturating_add(1);
                }
            }
        };
        // In a row part after a page break, the cells the break cut decide
        // how the row goes on; before one, the cells a break would cut.
        let signature = match W {
            1 => 0,
            _ if state.continued => cut,
            _ => {
                let mut scratch = [0u16; super::MAX_COLUMNS];
                let counts = scratch.get_mut(..self.columns).unwrap_or_default();
                fill_counts(counts);
                cut_cells(counts)
            }
        };
        let places = (first..first + W).map(|s| {
            let cost = self.slots.get(s).and_then(Option::as_ref).map(|e| e.cost);
            (cost, self.signatures.get(s).copied().unwrap_or(0))
        });
        let Some(way) = way_for(places, signature, entry.cost) else { return };
        let index = first + way;
        if let Some(slot) = self.slots.get_mut(index) {
            *slot = Some(entry);
        }
        if let Some(mask) = self.cut.get_mut(index) {
            *mask = cut;
        }
        if let Some(mask) = self.endings.get_mut(index) {
            *mask = endings;
        }
        if let Some(kept) = self.signatures.get_mut(index) {
            *kept = signature;
        }
        if let Some(counts) = self.counts.get_mut(index * self.columns..(index + 1) * self.columns) {
            fill_counts(counts);
        }
    }
}

/// Which of a key's places (each its state's cost, if any, and signature)
/// keeps a state of `signature` costing `cost`: the place of a state of the
/// same signature if dearer, else an empty place, else the dearest if
/// dearer. States of different signatures are priced differently by what
/// follows, so a few are kept apart instead of only the cheapest.
#[inline]
fn way_for(mut places: impl ExactSizeIterator<Item = (Option<f64>, u32)>, signature: u32, cost: f64) -> Option<usize> {
    if places.len() == 1 {
        // One place: the cheapest state is kept, whatever its signature.
        return places.next().is_some_and(|(kept, _)| kept.is_none_or(|kept| cost < kept)).then_some(0);
    }
    let mut empty = None;
    let mut dearest: Option<(usize, f64)> = None;
    let mut cheapest = f64::INFINITY;
    for (way, (kept, kept_signature)) in places.enumerate() {
        match kept {
            Some(kept) if kept_signature == signature => return (cost < kept).then_some(way),
            Some(kept) => {
                cheapest = cheapest.min(kept);
                if dearest.is_none_or(|(_, d)| kept > d) {
                    dearest = Some((way, kept));
                }
            }
            None => {
                if empty.is_none() {
                    empty = Some(way);
                }
            }
        }
    }
    if cost > cheapest + WAY_MARGIN {
        return None;
    }
    empty.or_else(|| dearest.filter(|&(_, d)| cost < d).map(|(way, _)| way))
}

/// The cells a page break cuts, given the line counts of the row's cells on
/// the page before: those that reached the page bottom, as the tallest did
/// (within a fifth of its lines, at least two).
pub(super) fn cut_cells(counts: &[u16]) -> u32 {
    cells_against_tallest(counts, |n, tallest| n + (tallest / 5).max(2) >= tallest)
}

/// The mask of the cells with lines whose count `n` passes `keep(n,
/// tallest)`, the tallest being the most lines a cell has.
fn cells_against_tallest(counts: &[u16], keep: impl Fn(u16, u16) -> bool) -> u32 {
    let tallest = counts.iter().copied().max().unwrap_or(0);
    counts
        .iter()
        .enumerate()
        .filter(|&(c, &n)| c < 32 && n > 0 && keep(n, tallest))
        .fold(0, |mask, (c, _)| mask | 1 << c)
}

/// How the cells of a row ended so far, as masks of columns: `open`
/// cells' last line goes on (ends no sentence or list item), `dangling`
/// ones were left on a line ending like a sentence that goes on (a comma, a
/// colon, a function word: [`LineEnd::goes_on`]), which costs when the
/// row ends without them going on ([`dangling_cost`]), and among those
/// `mid_phrase` ones on a function word (whose phrase goes on in lower
/// case, mostly); `listed` ones were left on a list item (a semicolon),
/// which costs less at the row's end.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Endings {
    open: u32,
    dangling: u32,
    mid_phrase: u32,
    listed: u32,
}

impl Endings {
    /// The endings after a line's `parts`: each part's last word is its
    /// cell's ending. Only the line's last part can dangle: a part inside
    /// the line ends where the reading split it, not where the text wrapped
    /// (judging those too read the test surveys worse).
    fn after(self, line: &FlowLine, parts: &[Part]) -> Self {
        let set = |mask: u32, bit: u32, on: bool| if on { mask | bit } else { mask & !bit };
        let end = line.end();
        let mut endings = self;
        for (i, part) in parts.iter().enumerate() {
            let column = usize::from(part.column);
            if column >= 32 {
                continue;
            }
            let to = parts.get(i + 1).map_or(line.words.len(), |next| usize::from(next.from));
            let closes = to.checked_sub(1).is_some_and(|w| line.closes_sentence_at(w));
            let bit = 1 << column;
            let last_part = i + 1 == parts.len();
            endings.open = set(endings.open, bit, !closes);
            endings.dangling = set(endings.dangling, bit, last_part && end.goes_on());
            endings.mid_phrase = set(endings.mid_phrase, bit, last_part && end == LineEnd::PhraseGoesOn);
            endings.listed = set(endings.listed, bit, last_part && end == LineEnd::ListGoesOn);
        }
        endings
    }

    /// The endings at a page break, given the line counts of the row's
    /// cells on the page before: a cell well short of the tallest stopped
    /// there because its next paragraph did not fit, so its last line
    /// ended a paragraph whatever its last word ([`full_cells`]).
    fn paragraphs_ended(self, counts: &[u16]) -> Self {
        Endings { open: self.open & full_cells(counts), ..self }
    }

    /// What of the endings prices going on in `cells` after a page break
    /// ([`resume_cost`]): the open and mid-phrase masks, within them.
    fn pricing_resumes(self, cells: u32) -> Self {
        Endings { open: self.open & cells, dangling: 0, mid_phrase: self.mid_phrase & cells, listed: 0 }
    }

    /// Whether cells of the row other than `column` dangle: what the row
    /// will pay at its end, unless a page break lets them go on.
    fn others_dangle(self, column: usize) -> bool {
        self.dangling & !(1 << column.min(31)) != 0
    }
}

/// The cells that filled their part of the page before a break: more than
/// half as many lines as the tallest. Only these can be cut inside a
/// paragraph; the others of [`cut_cells`] were cut between paragraphs.
fn full_cells(counts: &[u16]) -> u32 {
    cells_against_tallest(counts, |n, tallest| 2 * n > tallest)
}

/// Going on, after a page break, at word `from` of `line` in a cut cell
/// of `column`: the line should go on as the cell's last line ended. Lower
/// case after a sentence or list item that ended (the cell is not among
/// the `open` ones), or a capital after a function word (among the
/// `mid_phrase` ones), says the line belongs to another cell.
fn resume_cost(line: &FlowLine, from: usize, column: usize, endings: Endings) -> f64 {
    let lower_after_end = line.starts_lower(from) && !in_mask(endings.open, column);
    let capital_mid_phrase = line.starts_upper(from) && in_mask(endings.mid_phrase, column);
    if lower_after_end || capital_mid_phrase { cost::RESUME_MISMATCH } else { 0.0 }
}

/// The line counts a state reached by `line` from slot `prev_index` of
/// `last` starts from: none where the line opens a row or a page.
fn counts_after<'a, const W: usize>(
    last: Option<&'a Layer<W>>,
    line: &FlowLine,
    prev_index: usize,
    new_row: bool,
) -> Option<&'a [u16]> {
    (!new_row && !line.flow_break).then(|| last.map(|l| l.counts(prev_index))).flatten()
}

/// Openings of a line whose cells start at the same price: the same row
/// part (`continued`), cells cut by the last page break and how the cut
/// cells ended (both only matter in a row part after a page break).
#[derive(Debug)]
struct Group {
    continued: bool,
    cut: u32,
    endings: Endings,
    sources: Vec<Source>,
}

/// What pricing one line's parts needs: the model, the line as read (index
/// `index`, its page break read or not), the running sums of its words'
/// vocabulary costs ([`Model::word_evidence`]) and each column's longest
/// line ([`Model::longest_lines`]).
struct Pricing<'a> {
    model: &'a Model<'a>,
    index: usize,
    line: &'a FlowLine,
    vocabulary: &'a [f64],
    longest: &'a [f64],
}

impl Pricing<'_> {
    fn columns(&self) -> usize {
        self.model.widths.len().max(1)
    }

    /// The cost of words `from..to` of the line as (part of) a cell of
    /// `column`: width, line-level evidence and vocabulary.
    fn part(&self, from: usize, to: usize, column: usize) -> f64 {
        let k = self.columns();
        let running = |w: usize| self.vocabulary.get(w * k + column).copied().unwrap_or(0.0);
        self.overflow(from, to, column) + self.model.evidence.line_evidence(self.index, from, to, column) + running(to)
            - running(from)
    }

    /// The cost of words `from..to` of the line being longer than a line of
    /// `column` can be.
    fn overflow(&self, from: usize, to: usize, column: usize) -> f64 {
        let limit = self.longest.get(column).copied().unwrap_or(f64::INFINITY);
        let len = self.line.len_of(from, to).of(self.model.unit);
        if len > limit { cost::OVERFLOW + (len - limit) } else { 0.0 }
    }

    /// The cost of a cell of `lines` lines sharing its last line with the
    /// next cell.
    fn shared(&self, lines: u16) -> f64 {
        let unlearned = if self.model.evidence.cells_apart { cost::SPLIT_APART } else { cost::SPLIT };
        self.model.evidence.shared_lines.map_or(unlearned, |s| s.shared_cost(lines))
    }

    /// Pushes into `here` the readings of the line as several cells whose
    /// first part opens as one of the group's sources: the cheapest chain
    /// of parts ending at each word in each column is found once, in word
    /// order, a part in the middle being a one-line cell: where the rest of
    /// the line is too long for it, or anywhere where the reading looks for
    /// shared baselines ([`looks_for_shared_baselines`]).
    fn push_several_cells<const W: usize>(
        &self,
        group: &Group,
        last: Option<&Layer<W>>,
        here: &mut Layer<W>,
        links: &mut Vec<Link>,
        parts_buffer: &mut Vec<Part>,
    ) {
        let (k, line) = (self.columns(), self.line);
        let words = line.words.len();
        let splits = words.min(MAX_SPLIT_WORDS);
        // The cheapest chain of parts ending at word w in column c: (cost,
        // source, last link).
        let mut best: Vec<Option<(f64, usize, u32)>> = vec![None; (words + 1) * k];
        let keep = |best: &mut Vec<Option<(f64, usize, u32)>>, w: usize, c: usize, entry: (f64, usize, u32)| {
            if let Some(slot) = best.get_mut(w * k + c)
                && slot.is_none_or(|(cost, _, _)| entry.0 < cost)
            {
                *slot = Some(entry);
            }
        };
        for (s, source) in group.sources.iter().enumerate() {
            let link = push_link(links, Part::new(0, source.column), NO_LINK);
            for w in 1..splits {
                keep(&mut best, w, source.column, (source.cost + self.part(0, w, source.column), s, link));
            }
        }
        let skip = if group.continued { cost::SKIP_FINISHED } else { self.model.skip() };
        // A cell opening at word `from`: in a row part after a page break,
        // only a cell the break cut goes on.
        let opening = |from: usize, column: usize| {
            let going_on = group.continued && in_mask(group.cut, column);
            cell_start_cost(line, from, going_on)
                + if going_on { 0.0 } else { self.model.evidence.echo(self.index, from, column) }
                + if group.continued && !going_on { cost::UNCUT } else { 0.0 }
                + if going_on { resume_cost(line, from, column, group.endings) } else { 0.0 }
        };
        for w in 1..splits {
            // A list mark opens its item: no cell ends on one.
            if line.words.get(w - 1).is_some_and(|word| crate::layout::is_list_mark(word)) {
                continue;
            }
            for c in 0..k {
                let Some(Some((cost_w, s, parent))) = best.get(w * k + c).copied() else { continue };
                let Some(source) = group.sources.get(s) else { continue };
                for c2 in c + 1..k.min(c + 2 + MAX_SPLIT_SKIP) {
                    let at = cost_w + (c2 - c - 1) as f64 * skip + opening(w, c2);
                    let cost = at + self.part(w, words, c2);
                    // The rest of the line also opens a chain of more cells
                    // where it is too long for c2, or where c2's part may be
                    // a one-line cell whose baseline the next cells share.
                    let goes_on = looks_for_shared_baselines::<W>() || self.overflow(w, words, c2) > 0.0;
                    let kept = here.may_keep_split(c2, group.continued, cost);
                    if !kept && !goes_on {
                        continue;
                    }
                    let link = push_link(links, Part::new(w, c2), parent);
                    if kept {
                        chain(links, link, parts_buffer);
                        let entry = Entry {
                            state: State { column: c2, len: line.len_of(w, words), continued: group.continued },
                            cost,
                            previous: source.prev_index,
                            link,
                            new_row: source.new_row,
                            page_break: line.flow_break,
                        };
                        let endings = source.endings.after(line, parts_buffer);
                        let counts = counts_after(last, line, source.prev_index, source.new_row);
                        here.push(entry, counts, group.cut, endings, parts_buffer);
                    }
                    if !goes_on {
                        continue;
                    }
                    for w2 in w + 1..splits {
                        keep(&mut best, w2, c2, (at + self.part(w, w2, c2) + self.shared(1), s, link));
                    }
                }
            }
        }
    }
}

/// Whether a reading keeping `W` states per slot looks for one-line cells
/// sharing a line that fits its column: a one-line cell and the next
/// cell's first line share a baseline, which extractions in drawing order
/// print as one line, often a whole row's. Only the final reading (`W >
/// 1`) does: while the widths are learned (one state per slot), such
/// readings would explain long lines away and narrow the columns.
const fn looks_for_shared_baselines<const W: usize>() -> bool {
    W > 1
}

/// Whether column `column` is in a mask of cells (cut ones, open ones).
fn in_mask(mask: u32, column: usize) -> bool {
    column < 32 && mask & (1 << column) != 0
}

impl Model<'_> {
    fn width(&self, column: usize) -> f64 {
        self.widths.get(column).copied().unwrap_or(40.0)
    }

    /// Each column's longest line ([`Unit::longest_line`]), asked for every
    /// part of every line.
    fn longest_lines(&self) -> Vec<f64> {
        (0..self.widths.len().max(1)).map(|c| self.unit.longest_line(self.width(c))).collect()
    }

    /// What the evidence says about line `i` in each column: for its first
    /// `w` words and column `c`, `prefix[w * columns + c]` (vocabulary as
    /// running sums, so any split of the line is priced by a subtraction).
    /// Empty without a vocabulary (every sum is zero).
    fn word_evidence(&self, i: usize, line: &FlowLine, columns: usize) -> Vec<f64> {
        let Some(vocabulary) = &self.evidence.vocabulary else { return Vec::new() };
        let words = line.words.len();
        let mut prefix = vec![0.0; (words + 1) * columns];
        let costs = vocabulary.word_costs(i, &line.words, columns);
        for w in 0..words {
            for c in 0..columns {
                let before = prefix.get(w * columns + c).copied().unwrap_or(0.0);
                let here = costs.get(w * columns + c).copied().unwrap_or(0.0);
                if let Some(slot) = prefix.get_mut((w + 1) * columns + c) {
                    *slot = before + here;
                }
            }
        }
        prefix
    }

    /// The cost of line `i` as a section heading between rows, `None` where
    /// it cannot be one ([`may_head_section`]).
    fn section_cost(&self, i: usize, line: &FlowLine) -> Option<f64> {
        let e = self.evidence;
        may_head_section(e, self.widths.len(), i, line).then(|| {
            let vocabulary = e.vocabulary.as_ref().map_or(0.0, |v| v.heading_cost(i, &line.words, self.widths.len()));
            e.sections.as_ref().map_or(cost::SECTION, |s| s.heading_cost(&line.words)) + vocabulary
        })
    }

    /// The cost of leaving a cell of a row empty.
    fn skip(&self) -> f64 {
        self.evidence.empty_cells.map_or(cost::SKIP, EmptyCells::skip_cost)
    }

    /// Runs the programme; returns the total cost and each line's step.
    pub fn solve(&self) -> (f64, Vec<Step>) {
        self.solve_keeping::<WAYS>(f64::INFINITY, true).unwrap_or_default()
    }

    /// [`Model::solve`] keeping one state per slot and opening kind: less
    /// exact and faster, for learning the widths, which solves the text
    /// thousands of times.
    pub fn solve_quickly(&self) -> (f64, Vec<Step>) {
        self.solve_keeping::<1>(f64::INFINITY, true).unwrap_or_default()
    }

    /// The cost of [`Model::solve_quickly`]'s reading if it is at most
    /// `limit`, `None` if it is more. Width learning compares thousands of
    /// readings with the best so far, most of them far dearer: a reading
    /// is given up at the first line where its cheapest state already
    /// costs more than `limit`. Every cost is a negative log-probability,
    /// never below zero, but for the header echoes, so a line's cheapest
    /// state less the echoes the lines after it may still take off bounds
    /// the final cost from below; a vocabulary's costs are log-odds, which
    /// can be negative, so with one the reading is solved whole.
    pub fn quick_cost_within(&self, limit: f64) -> Option<f64> {
        let limit = if self.evidence.vocabulary.is_some() { f64::INFINITY } else { limit };
        self.solve_keeping::<1>(limit, false).map(|(cost, _)| cost).filter(|&cost| cost <= limit)
    }

    /// The programme, keeping `W` states of different signatures per slot
    /// and opening kind (a constant, so that one costs nothing extra);
    /// `None` as soon as every state of a line costs more than `limit`.
    /// Without `trace`, only the cost is found: the steps are left empty.
    fn solve_keeping<const W: usize>(&self, limit: f64, trace: bool) -> Option<(f64, Vec<Step>)> {
        let ways = W;
        let k = self.widths.len().max(1);
        let skip = self.skip();
        let title_column = self.evidence.title_column();
        let n = self.lines.len();
        // Only the last line's states are kept whole; earlier lines keep
        // what the trace back needs.
        let mut last: Option<Layer<W>> = None;
        // The layer before last, kept to be reused (a solve runs thousands
        // of times while the widths are learned).
        let mut spare: Option<Layer<W>> = None;
        let slots = slots_for(k) * ways;
        let mut trail: Vec<Option<Back>> = Vec::with_capacity(if trace { n.saturating_mul(slots) } else { 0 });
        let mut stored_parts: Vec<Part> = Vec::new();
        let mut parts_buffer: Vec<Part> = Vec::new();
        let mut links: Vec<Link> = Vec::new();
        // Buffers reused from line to line: the previous line's states and
        // the openings of this one.
        let mut previous: Vec<(usize, State, f64)> = Vec::with_capacity(slots);
        let mut openings: Vec<Option<Opened>> = Vec::with_capacity(k * Opening::KINDS * ways);
        let mut fresh_start: Vec<f64> = Vec::with_capacity(k);
        let mut whole: Vec<f64> = Vec::with_capacity(k);
        let longest = self.longest_lines();
        let echo_bonus_after = self.evidence.echo_bonus_after(n);
        for (i, line) in self.lines.iter().enumerate() {
            let mut here = spare.take().map_or_else(|| Layer::new(k), Layer::cleared);
            links.clear();
            let start = State { column: 0, len: super::Measure::default(), continued: false };
            previous.clear();
            match &last {
                None => previous.push((usize::MAX, start, 0.0)),
                Some(layer) => {
                    previous.extend(layer.slots.iter().enumerate().filter_map(|(s, e)| e.map(|e| (s, e.state, e.cost))))
                }
            }
            // The whole line and its parts in each column, priced once for
            // all states.
            let words = line.words.len();
            let vocabulary = self.word_evidence(i, line, k);
            {
                let pricing = Pricing { model: self, index: i, line, vocabulary: &vocabulary, longest: &longest };
                whole.clear();
                whole.extend((0..k).map(|a| pricing.part(0, words, a)));
            }
            let prev_line = i.checked_sub(1).and_then(|p| self.lines.get(p));
            let leave = leave_cost(prev_line);
            // A run of blank lines may be a page break or only wide
            // spacing: both readings are tried.
            let broken = (line.maybe_break && !line.flow_break).then(|| FlowLine { flow_break: true, ..line.clone() });
            for line in broken.iter().chain([line]) {
                let pricing = Pricing { model: self, index: i, line, vocabulary: &vocabulary, longest: &longest };
                let start_cost = |continued: bool| cell_start_cost(line, 0, continued);
                // A row or a heading opens below every cell of the row
                // before, in a block of its own.
                let row_start = start_cost(false) + unblanked_cost(self.blank_separated, line, false);
                // A cell opening on the line afresh in each column, and going
                // on after a page break in a cell the break cut.
                fresh_start.clear();
                fresh_start.extend((0..k).map(|a| start_cost(false) + self.evidence.echo(i, 0, a)));
                let resumed_start = start_cost(true);
                // The cells cut by the row's last page break, for a state
                // reached from slot `prev_index` by this line going on its
                // row (a new row has none).
                let cut_after = |prev_index: usize| match &last {
                    Some(layer) if line.flow_break => cut_cells(layer.counts(prev_index)),
                    Some(layer) => layer.cut(prev_index),
                    None => 0,
                };
                // How the row's cells ended before this line, as for cuts.
                let endings_before = |prev_index: usize| match &last {
                    Some(layer) if line.flow_break => {
                        layer.endings(prev_index).paragraphs_ended(layer.counts(prev_index))
                    }
                    Some(layer) => layer.endings(prev_index),
                    None => Endings::default(),
                };
                // The cheapest way to open the line's first part in each
                // column, per kind of opening.
                openings.clear();
                openings.resize(k * Opening::KINDS * ways, None);
                let mut open = |a: usize, kind: Opening, opened: Opened| {
                    let first = kind.index(a) * ways;
                    if ways == 1 {
                        if let Some(slot) = openings.get_mut(first)
                            && slot.is_none_or(|kept| opened.cost < kept.cost)
                        {
                            *slot = Some(opened);
                        }
                        return;
                    }
                    let places = (first..first + ways).map(|s| {
                        let kept = openings.get(s).copied().flatten();
                        (kept.map(|o| o.cost), kept.map_or(0, |o| o.signature))
                    });
                    if let Some(way) = way_for(places, opened.signature, opened.cost)
                        && let Some(slot) = openings.get_mut(first + way)
                    {
                        *slot = Some(opened);
                    }
                };
                // A row opening from slot `prev_index`: its cells start
                // afresh, nothing cut, nothing dangling.
                let opens_row = |cost: f64, prev_index: usize| Opened {
                    cost,
                    previous: prev_index,
                    signature: 0,
                    cut: 0,
                    endings: Endings::default(),
                };
                let row_opening = Opening { continued: false, new_row: true, fresh: true, dangling: false };
                for (prev_index, prev, prev_cost) in previous.iter().copied() {
                    if i == 0 {
                        open(0, row_opening, opens_row(0.0, prev_index));
                        continue;
                    }
                    if prev.column == k {
                        // After a section heading, a row opens (the heading
                        // paid for ending the row before it).
                        open(0, row_opening, opens_row(prev_cost + row_start, prev_index));
                        continue;
                    }
                    // Cells left empty cost less in the part of a row after a
                    // page break: there, finished cells are simply absent.
                    let skips = |c: f64, count: usize| {
                        if prev.continued { c - count as f64 * (skip - cost::SKIP_FINISHED) } else { c }
                    };
                    let continued = prev.continued || line.flow_break;
                    let cut = cut_after(prev_index);
                    let endings = endings_before(prev_index);
                    // The cells a page break cut or would cut: states that
                    // differ there are kept apart.
                    let signature = match &last {
                        _ if ways == 1 => 0,
                        _ if continued => cut,
                        Some(layer) => cut_cells(layer.counts(prev_index)),
                        None => 0,
                    };
                    let in_row = |cost: f64| Opened { cost, previous: prev_index, signature, cut, endings };
                    let kind = |a: usize, continued: bool, fresh: bool| Opening {
                        continued,
                        new_row: false,
                        fresh,
                        dangling: endings.others_dangle(a),
                    };
                    // In a row's part after a page break, a cell goes on
                    // from the page before (lower case and all) only if the
                    // break cut it.
                    let going_on = |a: usize| {
                        let opens = fresh_start.get(a).copied().unwrap_or(0.0);
                        if !continued {
                            opens
                        } else if in_mask(cut, a) {
                            resumed_start + resume_cost(line, 0, a, endings)
                        } else {
                            cost::UNCUT + opens
                        }
                    };
                    // How the previous cell meets the next one opening on this
                    // line: in one block where no blank line separates them,
                    // apart otherwise (where the two could have shared a
                    // line); the odds depend on the previous cell's height.
                    let prev_lines = last
                        .as_ref()
                        .map_or(0, |layer| layer.counts(prev_index).get(prev.column).copied().unwrap_or(0));
                    let meeting = match &self.evidence.shared_lines {
                        Some(shared) if self.blank_separated && unblanked(line) => shared.block_cost(prev_lines),
                        Some(shared) if !line.flow_break && last.is_some() => shared.apart_cost(prev_lines),
                        _ => unblanked_cost(self.blank_separated, line, prev_lines <= 1),
                    };
                    let a = prev.column;
                    let wrap = prev_line.map_or(0.0, |p| {
                        wrap_cost(self.blank_separated, self.unit, self.width(a), prev.len, p, line, a == title_column)
                    });
                    let uncut = match line.flow_break {
                        true if !in_mask(cut, a) => cost::UNCUT,
                        true => resume_cost(line, 0, a, endings),
                        false => 0.0,
                    };
                    let number = self.evidence.number_goes_on(i, a);
                    open(a, kind(a, continued, line.flow_break), in_row(prev_cost + wrap + uncut + number));
                    let next = prev_cost + leave + meeting;
                    for a in prev.column + 1..k {
                        if let Some(c) = next_cell_cost(prev.column, a, skip) {
                            let c = skips(c, a - prev.column - 1);
                            open(a, kind(a, continued, true), in_row(next + c + going_on(a)));
                        }
                    }
                    if line.flow_break {
                        // The row goes on after the page break; the cells
                        // after the last one printed were empty.
                        let empty = k - 1 - prev.column;
                        let c = prev_cost + leave + skips(cost::RESUME + empty as f64 * skip, empty);
                        for a in 0..prev.column {
                            open(a, kind(a, true, true), in_row(c + going_on(a)));
                        }
                    }
                    if prev.column > 0 {
                        let c = new_row_after(prev, k, skip);
                        let row_ends = leave + dangling_cost(endings);
                        open(0, row_opening, opens_row(prev_cost + row_ends + c + row_start, prev_index));
                    }
                }
                let counts_for =
                    |prev_index: usize, new_row: bool| counts_after(last.as_ref(), line, prev_index, new_row);
                // Lines holding several cells are read per group of
                // openings that price a cell's start alike (row part, cells
                // cut by the last page break): each group's chains of parts
                // are found once for all its openings.
                let mut groups: Vec<Group> = Vec::new();
                for a in 0..k {
                    for (kind, way) in Opening::all().flat_map(|kind| (0..ways).map(move |way| (kind, way))) {
                        let Some(Some(opened)) = openings.get(kind.index(a) * ways + way).copied() else {
                            continue;
                        };
                        let Opened { cost: base, previous: prev_index, cut, endings: before, .. } = opened;
                        let Opening { continued, new_row, fresh, .. } = kind;
                        let state = State { column: a, len: line.len, continued };
                        let link = push_link(&mut links, Part::new(0, a), NO_LINK);
                        let entry = Entry {
                            state,
                            cost: base + whole.get(a).copied().unwrap_or(0.0),
                            previous: prev_index,
                            link,
                            new_row,
                            page_break: line.flow_break,
                        };
                        let whole_line = [Part::new(0, a)];
                        let endings = before.after(line, &whole_line);
                        here.push(entry, counts_for(prev_index, new_row), cut, endings, &whole_line);
                        // Several cells on the line, when it is too long for
                        // a, or when it opens a cell whose baseline the next
                        // cells may share.
                        let opens_shared_baseline = fresh && looks_for_shared_baselines::<W>();
                        if pricing.overflow(0, words, a) <= 0.0 && !opens_shared_baseline {
                            continue;
                        }
                        let source = Source {
                            column: a,
                            cost: base + pricing.shared(if fresh { 1 } else { 2 }),
                            prev_index,
                            new_row,
                            endings: before,
                        };
                        // Outside a row part after a page break, neither
                        // mask changes a cell's start.
                        let (cut, endings) = if continued {
                            (cut, source.endings.pricing_resumes(cut))
                        } else {
                            (0, Endings::default())
                        };
                        match groups
                            .iter_mut()
                            .find(|g| g.continued == continued && g.cut == cut && g.endings == endings)
                        {
                            Some(group) => group.sources.push(source),
                            None => groups.push(Group { continued, cut, endings, sources: vec![source] }),
                        }
                    }
                }
                for group in &groups {
                    pricing.push_several_cells(group, last.as_ref(), &mut here, &mut links, &mut parts_buffer);
                }
                if let Some(heading) = self.section_cost(i, line) {
                    // The line as a section heading: the row before it ends.
                    let best = previous
                        .iter()
                        .filter_map(|&(prev_index, prev, prev_cost)| {
                            if i == 0 {
                                return Some((0.0, prev_index));
                            }
                            if prev.column >= k {
                                return None;
                            }
                            let c = new_row_after(prev, k, skip);
                            let row_ends = leave + dangling_cost(endings_before(prev_index));
                            Some((prev_cost + row_ends + c, prev_index))
                        })
                        .min_by(|a, b| a.0.total_cmp(&b.0));
                    if let Some((before, prev_index)) = best {
                        let part = Part::new(0, k);
                        let entry = Entry {
                            state: State { column: k, len: line.len, continued: false },
                            cost: before + heading + row_start,
                            previous: prev_index,
                            link: push_link(&mut links, part, NO_LINK),
                            new_row: true,
                            page_break: line.flow_break,
                        };
                        here.push(entry, None, 0, Endings::default(), &[part]);
                    }
                }
            }
            if trace {
                trail.extend(here.slots.iter().map(|e| {
                    e.map(|e| {
                        chain(&links, e.link, &mut parts_buffer);
                        let back = Back {
                            previous: u32::try_from(e.previous).unwrap_or(u32::MAX),
                            parts_at: u32::try_from(stored_parts.len()).unwrap_or(u32::MAX),
                            parts: u8::try_from(parts_buffer.len()).unwrap_or(u8::MAX),
                            new_row: e.new_row,
                            page_break: e.page_break,
                        };
                        stored_parts.extend_from_slice(&parts_buffer);
                        back
                    })
                }));
            }
            let bonus_ahead = echo_bonus_after.get(i).copied().unwrap_or(0.0);
            if here.slots.iter().flatten().map(|e| e.cost).fold(f64::INFINITY, f64::min) - bonus_ahead > limit {
                return None;
            }
            spare = last.replace(here);
        }
        // Trace back from the cheapest final state.
        let Some((mut index, best)) = last.and_then(|layer| {
            layer
                .slots
                .iter()
                .enumerate()
                .filter(|&(s, _)| s != layer.section_slot())
                // The text's last row leaves the cells after its last
                // part empty, as a row that a new one follows does.
                .filter_map(|(s, e)| {
                    e.map(|e| {
                        let empty_after = new_row_after(e.state, k, skip) - cost::NEW_ROW;
                        (s, e.cost + dangling_cost(layer.endings(s)) + empty_after)
                    })
                })
                .min_by(|a, b| a.1.total_cmp(&b.1))
        }) else {
            return Some((0.0, Vec::new()));
        };
        if !trace {
            return Some((best, Vec::new()));
        }
        let mut steps =
            vec![Step { parts: vec![Part::default()], new_row: false, page_break: false, section: false }; n];
        for i in (0..n).rev() {
            let Some(back) = trail.get(i * slots + index).copied().flatten() else { break };
            if let Some(slot) = steps.get_mut(i) {
                let at = back.parts_at as usize;
                let parts = stored_parts.get(at..at + usize::from(back.parts)).unwrap_or_default();
                let section = parts.first().is_some_and(|p| usize::from(p.column) == k);
                *slot = Step { parts: parts.to_vec(), new_row: back.new_row, page_break: back.page_break, section };
            }
            index = back.previous as usize;
        }
        Some((best, steps))
    }
}

#[cfg(test)]
pub(super) mod tests;

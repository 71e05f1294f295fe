//! The costs of the segmentation (the unit is one doubtful line): of a
//! line's wrap in its cell, of a cell's start and end, of a new cell or row.

use super::*;

/// Most words of a section heading: a group's name (`Ressources humaines`,
/// `État civil et citoyenneté`), never a sentence.
const MAX_SECTION_WORDS: usize = 10;

/// Starting the next cell of the row.
pub(in crate::flowed) const NEXT_CELL: f64 = 0.6;
/// Each empty cell skipped, before the register says how often it
/// leaves cells empty ([`super::EmptyCells`]).
pub(in crate::flowed) const SKIP: f64 = 2.5;
/// Each cell skipped in the part of a row after a page break, where
/// cells that finished on the page before are absent.
pub(in crate::flowed) const SKIP_FINISHED: f64 = 0.7;
/// Starting a new row.
pub(in crate::flowed) const NEW_ROW: f64 = 1.0;
/// A new paragraph inside a cell (cells hold few paragraphs).
pub(in crate::flowed) const PARAGRAPH: f64 = 1.0;
/// A new paragraph in the first column, which names the record in one.
pub(in crate::flowed) const TITLE_PARAGRAPH: f64 = 4.0;
/// A new item of the list the line before belongs to (same mark): the
/// list goes on, most likely in its cell.
pub(in crate::flowed) const LIST_ITEM: f64 = 0.3;
/// Going on after a page break in another column than the last.
pub(in crate::flowed) const RESUME: f64 = 0.3;
/// Going on after a page break in a cell that the break did not cut:
/// one that stopped short of the page bottom (clearly fewer lines than
/// the row's tallest cell on that page) or had no line there.
pub(in crate::flowed) const UNCUT: f64 = 1.0;
/// Two cells on one line (the first lines of neighbouring cells share a
/// baseline, and some extractions print them as one line).
pub(in crate::flowed) const SPLIT: f64 = 1.0;
/// The same where the text prints cells apart ([`Evidence::cells_apart`]):
/// as dear as starting a cell without its blank line.
pub(in crate::flowed) const SPLIT_APART: f64 = 5.0;
/// A cell starting in lower case.
pub(in crate::flowed) const LOWER_START: f64 = 1.5;
/// Leaving a cell on a line that ends inside a word.
pub(in crate::flowed) const CUT_WORD: f64 = 20.0;
/// Going on after a page break in a cell whose last line ended
/// otherwise: in lower case after a sentence or a list item, with a
/// capital after a function word.
pub(in crate::flowed) const RESUME_MISMATCH: f64 = 1.5;
/// A cell that ends for good on a line whose sentence goes on (a comma,
/// a colon, a function word), paid when its row ends.
pub(in crate::flowed) const OPEN_ENDING: f64 = 3.0;
/// Leaving a cell on a line that ends with a semicolon, paid when its
/// row ends.
pub(in crate::flowed) const LIST_GOES_ON: f64 = 1.5;
/// Starting a cell without the blank line that separates cells, where
/// the document separates paragraphs with blank lines (for the next
/// cell of a row, before the register says how often
/// [`super::SharedLines`]).
pub(in crate::flowed) const NO_BLANK: f64 = 5.0;
/// The same after a one-line cell, whose line the next cell's first
/// line shares a baseline with.
pub(in crate::flowed) const BESIDE_SINGLE: f64 = 1.0;
/// A line longer than its column's width, plus one per character.
pub(in crate::flowed) const OVERFLOW: f64 = 4.0;
/// A line that stopped short although the next word would have fit,
/// plus a fifth per character of room left.
pub(in crate::flowed) const EARLY_WRAP: f64 = 1.0;
/// A cell's line going on after a full line with a capital, where the
/// line before ended on a plain word: in a cell, that is a name; more
/// often, the next cell opens there.
pub(in crate::flowed) const CAPITAL_GOES_ON: f64 = 0.75;
/// A cell's line going on in lower case after a full stop (`greffiers.`
/// / `numérique des`): a new sentence opens with a capital.
pub(in crate::flowed) const LOWER_AFTER_FULL_STOP: f64 = 1.0;
/// A paragraph break that nothing but the next line's opening shows
/// (where blank lines do not mark paragraphs), on top of the paragraph.
pub(in crate::flowed) const UNMARKED_PARAGRAPH: f64 = 0.5;
/// A retention statement outside the columns that hold them.
pub(in crate::flowed) const RETENTION_ELSEWHERE: f64 = 3.0;
/// A record number outside the number column, or other text in it.
pub(in crate::flowed) const NUMBER_ELSEWHERE: f64 = 3.0;
/// The same for a number of the register's numbering (one of a run
/// counting up down the text): it opens its row, as a word cut at a
/// line's end goes on its cell, unless the reading is far off.
pub(in crate::flowed) const COUNTED_NUMBER_ELSEWHERE: f64 = 12.0;
/// Weight of the columns' vocabulary (per word, in log-odds).
pub(in crate::flowed) const VOCABULARY: f64 = 0.3;
/// A cell opening on a capitalized word that echoes its column's
/// header, taken off the reading's cost ([`super::Evidence::echo`]).
pub(in crate::flowed) const HEADER_ECHO: f64 = 2.0;
/// A section heading between rows, before the register says how often
/// it has them ([`super::Sections`]).
pub(in crate::flowed) const SECTION: f64 = 3.0;

/// The cost of a line continuing the previous one in the same cell of a
/// column wrapping at `width` characters: a new paragraph costs its prior
/// (the higher one in the column that names the record, `names_record`),
/// a line that stopped although the next word would have fit costs more the
/// more room it left, and a sentence that ended with a full stop seldom
/// goes on in lower case.
pub(in crate::flowed) fn wrap_cost(
    blank_separated: bool,
    unit: Unit,
    width: f64,
    previous_len: crate::flowed::Measure,
    previous: &FlowLine,
    line: &FlowLine,
    names_record: bool,
) -> f64 {
    let room = unit.room(width);
    if !previous.trailing_space {
        // A word cut at the line's end: the line was full.
        let left = room - unit.fullness(previous_len);
        return if left > 0.0 { cost::EARLY_WRAP + 0.2 * left } else { 0.0 };
    }
    let lower_after_period = previous.ends_with_full_stop() && line.starts_lower(0);
    let lower = if lower_after_period { cost::LOWER_AFTER_FULL_STOP } else { 0.0 };
    let line_break = break_cost(blank_separated, unit, room, previous_len, previous, line, names_record);
    // An item after an item of the same list: the list goes on, whatever
    // else marks (or does not mark) its paragraph.
    let line_break = if line.goes_on_list_of(previous) { line_break.min(cost::LIST_ITEM) } else { line_break };
    lower + line_break
}

/// [`wrap_cost`] of the line break itself, within `room` characters.
pub(super) fn break_cost(
    blank_separated: bool,
    unit: Unit,
    room: f64,
    previous_len: crate::flowed::Measure,
    previous: &FlowLine,
    line: &FlowLine,
    names_record: bool,
) -> f64 {
    let paragraph = if names_record { cost::TITLE_PARAGRAPH } else { cost::PARAGRAPH };
    if line.flow_break {
        // A page break hides where paragraphs end: a line going on in lower
        // case goes on with the sentence, one opening with a capital counts
        // as a new paragraph.
        return if line.starts_lower(0) { 0.0 } else { paragraph };
    }
    if blank_separated && line.blank_before > 0 {
        // A paragraph opens like a cell: in lower case, the line more
        // likely goes on a cell that a page break cut.
        let lower = if line.starts_lower(0) { cost::LOWER_START } else { 0.0 };
        return paragraph + lower;
    }
    if !blank_separated && previous.ends_sentence() {
        return 0.0;
    }
    if previous.hard_break {
        // The short line is explained by the break, not by the width; but
        // a line going on in lower case or on a colon goes on the sentence
        // whatever the break seemed (`consommation d'alcool` / `: Suivi`).
        return if goes_on_sentence(line, 0) { 0.0 } else { paragraph };
    }
    if line.opening_mark().is_some_and(crate::layout::is_list_bullet_char) {
        // A bullet goes on no sentence, however full the line before: it
        // opens an item, a paragraph that nothing else marks.
        return paragraph + cost::UNMARKED_PARAGRAPH;
    }
    let fit = previous_len.of(unit) + unit.space(previous) + line.first_word.of(unit);
    if fit > room {
        // A full line: the cell goes on, but seldom with a capital after a
        // plain word (a name's words are capitalized in a row: `Caisse
        // Nationale d’Assurance` / `Maladie`).
        let capital = line.starts_upper(0) && previous.end() == LineEnd::Free && !previous.ends_capitalized();
        return if capital { cost::CAPITAL_GOES_ON } else { 0.0 };
    }
    let early = cost::EARLY_WRAP + 0.2 * (room - fit);
    // A line opening like a paragraph (a capital, a bullet, a number) may
    // start one: the short line before it ended the previous paragraph.
    // Where blank lines mark paragraphs, a line without one does not.
    if !blank_separated && opens_paragraph(line) { early.min(paragraph + cost::UNMARKED_PARAGRAPH) } else { early }
}

/// Whether word `from` of a line goes on the sentence before it: in lower
/// case, or on punctuation that goes on one (`:`, `;`, `,`, `)`).
fn goes_on_sentence(line: &FlowLine, from: usize) -> bool {
    line.shapes.get(from).is_some_and(|s| s.lower || s.goes_on)
}

/// Whether a line opens like a paragraph or a list item.
pub(super) fn opens_paragraph(line: &FlowLine) -> bool {
    line.words.first().and_then(|w| w.chars().next()).is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '•' | '-' | '–' | '—' | '*' | '(' | '«' | '"')
    })
}

/// The cost of starting a cell at word `from` of a line: a cell seldom
/// opens in lower case, on punctuation that goes on a sentence (`:`, `;`,
/// `,`, `)`) or on a parenthesis, which adds to what came before
/// (`Obligation légale` / `(art. 6-1-c RGPD)`). In a row's part after a
/// page break (`continued`) a cell may go on from the page before, so
/// these say nothing there.
pub(in crate::flowed) fn cell_start_cost(line: &FlowLine, from: usize, continued: bool) -> f64 {
    if goes_on_sentence(line, from) && !continued { cost::LOWER_START } else { 0.0 }
}

/// The cost of a cell opening on a line that follows the line before
/// without the blank line that separates paragraphs, where the document
/// separates them so. After a one-line cell (`beside_single`) that is
/// cheaper: the cell's first line sits on that cell's baseline, and
/// extractions that print text by blocks of neighbouring lines may give
/// the two one block.
pub(in crate::flowed) fn unblanked_cost(blank_separated: bool, line: &FlowLine, beside_single: bool) -> f64 {
    match (blank_separated && unblanked(line), beside_single) {
        (false, _) => 0.0,
        (true, true) => cost::BESIDE_SINGLE,
        (true, false) => cost::NO_BLANK,
    }
}

/// Whether a line follows the line before with no blank line between.
pub(super) fn unblanked(line: &FlowLine) -> bool {
    line.blank_before == 0 && !line.flow_break && !line.after_hard_break
}

/// The cost of leaving a cell after `previous`: high when that line ends
/// inside a word. A line whose sentence goes on (a comma, a colon, a
/// function word) or whose list does (a semicolon: lists seldom end cells)
/// leaves its cell dangling: that is priced when the row ends
/// ([`dangling_cost`]), as a page break may cut the sentence or the list
/// and the cell go on after it.
pub(in crate::flowed) fn leave_cost(previous: Option<&FlowLine>) -> f64 {
    match previous.map(FlowLine::end) {
        Some(LineEnd::InWord) => cost::CUT_WORD,
        Some(
            LineEnd::ListGoesOn
            | LineEnd::ClauseGoesOn
            | LineEnd::PhraseGoesOn
            | LineEnd::ParagraphGoesOn
            | LineEnd::Free,
        )
        | None => 0.0,
    }
}

/// The cost of ending a row whose cells `endings` left dangling or on a
/// list item.
pub(super) fn dangling_cost(endings: Endings) -> f64 {
    f64::from(endings.dangling.count_ones()) * cost::OPEN_ENDING
        + f64::from(endings.listed.count_ones()) * cost::LIST_GOES_ON
}

/// The cost of a cell ending for good on `line` (where no page break
/// comes): leaving it, and its dangling if its sentence goes on.
pub(in crate::flowed) fn ending_cost(line: Option<&FlowLine>) -> f64 {
    let dangling = match line.map(FlowLine::end) {
        Some(LineEnd::ListGoesOn) => cost::LIST_GOES_ON,
        Some(end) if end.goes_on() => cost::OPEN_ENDING,
        _ => 0.0,
    };
    leave_cost(line) + dangling
}

/// Whether line `i` of a register of `columns` columns may be a section
/// heading: a short name opening with a capital or a number, ending no
/// sentence and going on with none, and neither a retention statement nor
/// a record number. A heading across a single column would be its cell.
pub(in crate::flowed) fn may_head_section(evidence: &Evidence, columns: usize, i: usize, line: &FlowLine) -> bool {
    let named =
        line.words.first().and_then(|w| w.chars().next()).is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    columns >= 2
        && named
        && line.words.len() <= MAX_SECTION_WORDS
        && line.end() == LineEnd::Free
        && !line.ends_sentence()
        && evidence.retention_start.get(i).copied().flatten().is_none()
        && !evidence.number_opening.get(i).copied().unwrap_or(false)
}

/// The cost of moving from a cell of `previous` to a new cell of `column`
/// in the same row, `None` when the order forbids it.
pub(in crate::flowed) fn next_cell_cost(previous: usize, column: usize, skip: f64) -> Option<f64> {
    (column > previous).then(|| cost::NEXT_CELL + (column - previous - 1) as f64 * skip)
}

/// The cost of starting a new row after a cell of `previous`.
pub(in crate::flowed) fn new_row_cost(previous: usize, columns: usize, skip: f64) -> f64 {
    cost::NEW_ROW + columns.saturating_sub(previous + 1) as f64 * skip
}

/// The cost of starting a new row after `previous`, in a register of
/// `columns` columns: the cells after it are empty, which costs less in a
/// row part after a page break, where finished cells are simply absent.
pub(super) fn new_row_after(previous: State, columns: usize, skip: f64) -> f64 {
    let c = new_row_cost(previous.column, columns, skip);
    let empty = columns.saturating_sub(previous.column + 1);
    if previous.continued { c - empty as f64 * (skip - cost::SKIP_FINISHED) } else { c }
}

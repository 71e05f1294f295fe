//! Where a flowed text's segmentation is in doubt: the cells whose lines
//! other plausible readings of the same text assign differently.
//!
//! The segmentation is the cheapest reading under learned widths and
//! evidence; readings under the runner-up widths, or before the vocabulary
//! was learned, are nearly as cheap. Where they agree, the evidence is
//! strong; where a line moves to another column or row between them, both
//! the cell it left and the cell it joined are uncertain.

use std::collections::BTreeSet;

use super::FlowLine;
use super::segment::Step;

/// One row of the chosen reading with uncertain cells: the row's ordinal
/// (0 for the first) and the uncertain columns, in order.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct UncertainRow {
    pub row: usize,
    pub columns: Vec<usize>,
}

/// Each word's (row ordinal, column) under a reading. A section heading
/// opens no row (its words stay with the row before, in no column).
fn places(lines: &[FlowLine], steps: &[Step]) -> Vec<Vec<(usize, usize)>> {
    let mut row = 0usize;
    let mut started = false;
    lines
        .iter()
        .zip(steps)
        .map(|(line, step)| {
            if step.new_row && !step.section {
                if started {
                    row += 1;
                }
                started = true;
            }
            (0..line.words.len()).map(|w| (row, step.column_of(w))).collect()
        })
        .collect()
}

/// The rows of `chosen` whose cells other readings fill differently: a
/// word in another column, or a line opening a row in one reading and not
/// in the other, makes its cell uncertain in the chosen reading (and the
/// cell of the chosen row it would join).
pub(super) fn uncertain_rows(lines: &[FlowLine], chosen: &[Step], others: &[Vec<Step>]) -> Vec<UncertainRow> {
    let mine = places(lines, chosen);
    let mut doubtful: BTreeSet<(usize, usize)> = BTreeSet::new();
    for other in others.iter().filter(|o| o.len() == chosen.len()) {
        let theirs = places(lines, other);
        for (((line_mine, line_theirs), step), other_step) in mine.iter().zip(&theirs).zip(chosen).zip(other) {
            let row_moved = step.new_row != other_step.new_row;
            for (&(row, column), &(_, other_column)) in line_mine.iter().zip(line_theirs) {
                if row_moved || column != other_column {
                    doubtful.insert((row, column));
                    doubtful.insert((row, other_column));
                }
            }
        }
    }
    let mut rows: Vec<UncertainRow> = Vec::new();
    for (row, column) in doubtful {
        match rows.last_mut() {
            Some(last) if last.row == row => last.columns.push(column),
            _ => rows.push(UncertainRow { row, columns: vec![column] }),
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flowed::segment::tests::{one_cell_steps, step};

    fn lines(texts: &[&str]) -> Vec<FlowLine> {
        texts.iter().map(|t| FlowLine::new(t.split(' ').map(str::to_string).collect(), true, 0, false)).collect()
    }

    #[test]
    fn a_line_read_in_another_column_makes_both_cells_uncertain() {
        let body = lines(&["Paie", "Verser les", "salaires", "DRH", "Médecine", "Suivi", "DRH"]);
        let chosen = one_cell_steps(&[0, 1, 1, 2, 0, 1, 2]);
        // The other reading gives `salaires` to the controller.
        let mut other = chosen.clone();
        if let Some(s) = other.get_mut(2) {
            *s = step(&[(0, 2)], false);
        }
        assert_eq!(uncertain_rows(&body, &chosen, std::slice::from_ref(&chosen)), []);
        assert_eq!(uncertain_rows(&body, &chosen, &[other]), [UncertainRow { row: 0, columns: vec![1, 2] }]);
    }

    #[test]
    fn a_section_heading_opens_no_row() {
        let body = lines(&["Personnel", "Paie", "DRH", "Usagers", "Médecine", "DRH"]);
        let heading = |column| {
            let mut line = step(&[(0, column)], true);
            line.section = true;
            line
        };
        let chosen = [
            heading(2),
            step(&[(0, 0)], true),
            step(&[(0, 1)], false),
            heading(2),
            step(&[(0, 0)], true),
            step(&[(0, 1)], false),
        ];
        // The other reading gives the second row's controller to its title.
        let mut other = chosen.to_vec();
        if let Some(s) = other.get_mut(5) {
            *s = step(&[(0, 0)], false);
        }
        assert_eq!(uncertain_rows(&body, &chosen, &[other]), [UncertainRow { row: 1, columns: vec![0, 1] }]);
    }

    #[test]
    fn a_row_opened_elsewhere_makes_the_line_uncertain() {
        let body = lines(&["Paie", "DRH", "Médecine", "DRH"]);
        let chosen = one_cell_steps(&[0, 1, 0, 1]);
        let other = one_cell_steps(&[0, 1, 1, 1]);
        let rows = uncertain_rows(&body, &chosen, &[other]);
        assert_eq!(rows.iter().map(|r| r.row).collect::<Vec<_>>(), [1]);
    }
}

//! Registers set as fiches (one form per processing activity), in flowed
//! text: each field's label opens a line (`Nom du traitement`,
//! `Finalité(s)`, …), alone or before its value's first words, and the
//! value's lines follow until the next label → a page with the labels and
//! the values in two columns, which the fiche stage ([`crate::fiche`])
//! reads as it reads a PDF's fiches.
//!
//! A label is told from a value that opens with a header word (`Données
//! d’identité` under `Catégories de données`) by recurrence: a field's
//! label is the name that opens a line in most fiches, it comes once per
//! fiche, and a fiche opens where the first label comes back.

use std::collections::BTreeMap;

use super::{CHAR_WIDTH, FlowLine, LINE_HEIGHT, split_notes, words_at};
use crate::fields;
use crate::layout::{Page, Word};

/// Most words a label spans (`Catégories de personnes concernées`).
const MAX_LABEL_WORDS: usize = 6;
/// Most lines a label wraps over (`Catégories de` / `personnes` / `concernées`).
const MAX_LABEL_LINES: usize = 4;
/// At least this many fiches make a register of fiches.
const MIN_FICHES: usize = 2;
/// At least this many distinct fields, each labelled in most fiches, make
/// fiches (as many as the fiche stage asks of a PDF).
const MIN_LABELS: usize = 4;
/// Where values start on the page, in characters: right of the longest
/// label, with a gap no phrase spans.
const VALUE_COLUMN: usize = 80;

/// A label opening a line: its field, its words as printed, and where its
/// value starts (a label may go on over the next line: `Catégories de
/// personnes` / `concernées`).
#[derive(Debug, Clone, PartialEq)]
struct Label {
    field: &'static str,
    words: Vec<String>,
    /// The words normalized ([`fields::normalize`]): what labels are compared by.
    name: String,
    /// Lines the label spans.
    lines: usize,
    /// Words of its last line that belong to the label.
    words_on_last: usize,
}

/// The label opening line `i`, if its first words (a capital first) are
/// a header form: the longest such run, carried over the next lines where
/// the label wraps (each next line going on in lower case, right under, and
/// the words so far still opening a form).
fn label_at(lines: &[FlowLine], i: usize) -> Option<Label> {
    if !lines.get(i)?.starts_upper(0) {
        return None;
    }
    let mut best: Option<Label> = None;
    let mut words: Vec<String> = Vec::new();
    for (j, line) in lines.iter().skip(i).take(MAX_LABEL_LINES).enumerate() {
        if j > 0 && (line.blank_before > 0 || !line.starts_lower(0)) {
            break;
        }
        for (n, word) in line.words.iter().enumerate().take(MAX_LABEL_WORDS.saturating_sub(words.len())) {
            words.push(word.clone());
            let phrase = words.join(" ");
            if let Some(field) = fields::field_named(&phrase) {
                let name = fields::normalize(&phrase);
                best = Some(Label { field, words: words.clone(), name, lines: j + 1, words_on_last: n + 1 });
            }
            if !fields::opens_field_name(&phrase) {
                return best;
            }
        }
    }
    best
}

/// One line of the laid-out fiches.
#[derive(Debug, Default)]
struct FicheLine {
    label: Vec<String>,
    value: Vec<String>,
    /// Whether the value's text line ended with a space.
    trailing_space: bool,
    /// Text across both columns: a fiche's heading, a note.
    across: bool,
    /// Whether a blank line came before (which parts two notes).
    blank_before: bool,
}

impl FicheLine {
    fn across(line: &FlowLine) -> Self {
        FicheLine {
            value: line.words.clone(),
            trailing_space: line.trailing_space,
            across: true,
            blank_before: line.blank_before > 0,
            ..FicheLine::default()
        }
    }
}

/// The page of fiches, or `None` when the lines do not show them.
pub(super) fn page(lines: &[FlowLine]) -> Option<Page> {
    let labels: Vec<Option<Label>> = (0..lines.len()).map(|i| label_at(lines, i)).collect();
    let (first, opening) = labels.iter().enumerate().find_map(|(i, l)| l.as_ref().map(|l| (i, l.name.clone())))?;
    let starts: Vec<usize> = labels
        .iter()
        .enumerate()
        .filter(|(_, l)| l.as_ref().is_some_and(|l| l.name == opening))
        .map(|(i, _)| i)
        .collect();
    if starts.len() < MIN_FICHES {
        return None;
    }
    let names = field_names(&labels, &starts);
    if names.len() < MIN_LABELS {
        return None;
    }
    let mut heading = vec![false; lines.len()];
    for h in headings(lines, &starts) {
        if let Some(flag) = heading.get_mut(h) {
            *flag = true;
        }
    }
    let mut laid: Vec<FicheLine> = Vec::new();
    for (i, line) in lines.iter().enumerate().take(first) {
        laid.push(if heading.get(i).copied().unwrap_or(false) {
            FicheLine::across(line)
        } else {
            FicheLine { label: line.words.clone(), trailing_space: line.trailing_space, ..FicheLine::default() }
        });
    }
    let (body, notes) = split_notes(lines.get(first..).unwrap_or_default().to_vec());
    let labels = labels.get(first..).unwrap_or_default();
    laid.extend(fiche_lines(&body, labels, &names, &opening, heading.get(first..).unwrap_or_default()));
    laid.extend(notes.iter().map(FicheLine::across));
    Some(lay_out(&laid))
}

/// Lays the lines out: labels at the left edge, values in a column right
/// of the longest label, text across both columns centred on the edge
/// between them (as a heading or a note printed across the fiche is).
fn lay_out(laid: &[FicheLine]) -> Page {
    let value_x = VALUE_COLUMN as f64 * CHAR_WIDTH;
    let mut words: Vec<Word> = Vec::new();
    let mut y = 0.0;
    for line in laid {
        if line.across {
            y += LINE_HEIGHT * if line.blank_before { 2.0 } else { 1.0 };
            let half = line.value.iter().map(|w| w.chars().count() + 1).sum::<usize>() as f64 * CHAR_WIDTH / 2.0;
            words.extend(words_at(&line.value, (value_x - half).max(0.0), y, line.trailing_space));
            continue;
        }
        y += LINE_HEIGHT;
        words.extend(words_at(&line.label, 0.0, y, true));
        words.extend(words_at(&line.value, value_x, y, line.trailing_space));
    }
    let width = words.iter().map(|w| w.bbox.x1).fold(value_x, f64::max) + CHAR_WIDTH;
    Page { number: 1, width, height: y + 2.0 * LINE_HEIGHT, words, rules: Vec::new(), character_grid: true }
}

/// Headings above the fiches (`Fiche n° 3 : Paie`): the line right before
/// each fiche's opening label, where every fiche has one and all of them
/// open with the same word.
fn headings(lines: &[FlowLine], starts: &[usize]) -> Vec<usize> {
    let before: Vec<usize> = starts.iter().filter_map(|s| s.checked_sub(1)).collect();
    let first_word = |i: usize| lines.get(i).and_then(|l| l.words.first()).map(|w| w.to_lowercase());
    let words: Vec<Option<String>> = before.iter().map(|&i| first_word(i)).collect();
    let same = words.first().is_some_and(|w| w.is_some() && words.iter().all(|o| o == w));
    if before.len() == starts.len() && same { before } else { Vec::new() }
}

/// Each field's label name: the one that opens a line in most fiches (the
/// longer on a tie), kept when it does so in half the fiches or more.
fn field_names(labels: &[Option<Label>], starts: &[usize]) -> BTreeMap<&'static str, String> {
    let mut fiches_with: BTreeMap<(&'static str, String), usize> = BTreeMap::new();
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(labels.len());
        let mut seen: Vec<(&'static str, String)> =
            labels.get(start..end).unwrap_or_default().iter().flatten().map(|l| (l.field, l.name.clone())).collect();
        seen.sort();
        seen.dedup();
        for key in seen {
            *fiches_with.entry(key).or_default() += 1;
        }
    }
    let mut best: BTreeMap<&'static str, (usize, String)> = BTreeMap::new();
    for ((field, name), count) in fiches_with {
        let better = best.get(field).is_none_or(|(c, n)| count > *c || count == *c && name.len() > n.len());
        if better && count * 2 >= starts.len() {
            best.insert(field, (count, name));
        }
    }
    best.into_iter().map(|(field, (_, name))| (field, name)).collect()
}

/// The lines as label and value: a line opens a field where it starts with
/// that field's label and the fiche has not had it yet (the opening label
/// opens the next fiche); a label alone on its line takes the next line's
/// value beside it. The fiches' headings (the lines flagged in `heading`)
/// run across both columns.
fn fiche_lines(
    body: &[FlowLine],
    labels: &[Option<Label>],
    names: &BTreeMap<&'static str, String>,
    opening: &str,
    heading: &[bool],
) -> Vec<FicheLine> {
    let mut rows: Vec<FicheLine> = Vec::new();
    let mut used: Vec<&'static str> = Vec::new();
    let mut i = 0;
    while let Some(line) = body.get(i) {
        if heading.get(i).copied().unwrap_or(false) {
            rows.push(FicheLine::across(line));
            i += 1;
            continue;
        }
        let label = labels
            .get(i)
            .and_then(Option::as_ref)
            .filter(|l| names.get(l.field) == Some(&l.name) && (l.name == opening || !used.contains(&l.field)));
        let Some(label) = label else {
            match rows.last_mut() {
                Some(row) if !row.label.is_empty() && row.value.is_empty() => {
                    row.value.clone_from(&line.words);
                    row.trailing_space = line.trailing_space;
                }
                _ => rows.push(FicheLine {
                    value: line.words.clone(),
                    trailing_space: line.trailing_space,
                    ..FicheLine::default()
                }),
            }
            i += 1;
            continue;
        };
        if label.name == opening {
            used.clear();
        }
        used.push(label.field);
        let last = body.get(i + label.lines - 1).unwrap_or(line);
        rows.push(FicheLine {
            label: label.words.clone(),
            value: last.words.get(label.words_on_last..).unwrap_or_default().to_vec(),
            trailing_space: last.trailing_space,
            ..FicheLine::default()
        });
        i += label.lines;
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flowed::read_lines;

    #[test]
    fn a_label_goes_on_over_the_next_line_in_lower_case() {
        let lines = read_lines("Catégories de personnes\nconcernées\nUsagers du service\n");
        let label = label_at(&lines, 0);
        assert_eq!(label.as_ref().map(|l| (l.field, l.lines, l.words_on_last)), Some(("data_subjects", 2, 1)));
        let lines = read_lines("Base légale Obligation légale (art. 6-1-c)\n");
        let label = label_at(&lines, 0);
        assert_eq!(label.map(|l| (l.field, l.words.join(" "))), Some(("legal_basis", "Base légale".to_string())));
        assert_eq!(label_at(&read_lines("données de santé\n"), 0), None);
    }

    #[test]
    fn a_value_opening_with_a_header_word_stays_a_value() {
        let text = "Registre\n\
            Nom du traitement Paie\nFinalité(s) Verser les salaires\nCatégories de données\n\
            Données d’identité\nPersonnes concernées Agents\nDestinataires Trésorerie\n\
            Nom du traitement Badges\nFinalité(s) Contrôler les accès\nCatégories de données\n\
            Données de connexion\nDonnées de badge\nPersonnes concernées Agents\nDestinataires Sécurité\n";
        let lines = read_lines(text);
        let page = page(&lines);
        let values: Vec<String> = page
            .map(|p| {
                p.words
                    .iter()
                    .filter(|w| w.bbox.x0 >= VALUE_COLUMN as f64 * CHAR_WIDTH)
                    .map(|w| w.text.clone())
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(values.iter().filter(|w| *w == "Données").count(), 3, "{values:?}");
    }
}

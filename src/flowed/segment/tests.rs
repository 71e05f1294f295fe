use super::*;

/// A length of `n` characters, as wide in set width.
fn chars(n: usize) -> super::super::Measure {
    super::super::Measure { chars: n as f64, set: n as f64 }
}

fn line(text: &str) -> FlowLine {
    let trailing = text.ends_with(' ');
    let mut line = FlowLine::new(text.split_whitespace().map(str::to_string).collect(), trailing, 0, false);
    line.hard_break = text.ends_with("  ");
    line
}

#[test]
fn a_page_break_cuts_the_cells_that_reached_the_page_bottom() {
    // Title 2 lines, purposes 13, controller 4, data 18, subjects 5.
    let cut = cut_cells(&[2, 13, 4, 18, 5]);
    assert!(in_mask(cut, 3));
    assert!(!in_mask(cut, 0) && !in_mask(cut, 1) && !in_mask(cut, 2) && !in_mask(cut, 4));
    // Cells of about the tallest's height are cut too; an empty one is not.
    let cut = cut_cells(&[9, 10, 0, 8]);
    assert!(in_mask(cut, 0) && in_mask(cut, 1) && in_mask(cut, 3) && !in_mask(cut, 2));
}

/// Steps of one cell a line, in the given columns, a row opening at
/// each line in column 0.
pub(in crate::flowed) fn one_cell_steps(columns: &[usize]) -> Vec<Step> {
    columns.iter().map(|&column| step(&[(0, column)], column == 0)).collect()
}

/// A step of the given parts (first word, column).
pub(in crate::flowed) fn step(parts: &[(usize, usize)], new_row: bool) -> Step {
    Step {
        parts: parts.iter().map(|&(from, column)| Part::new(from, column)).collect(),
        new_row,
        page_break: false,
        section: false,
    }
}

#[test]
fn a_line_cut_inside_a_word_left_room_only_if_both_measures_say_so() {
    // 16 characters each, in a column 20 wide: capitals fill the line
    // in a proportional font, thin letters leave room in any.
    let next = line("maladie ");
    let capitals = line("CNAM, DREES, MDP");
    let thin = line("il lit ici, il t");
    assert_eq!(capitals.len.chars, thin.len.chars);
    assert!(capitals.len.set > 18.0 && thin.len.set < 10.0);
    assert_eq!(wrap_cost(false, Unit::Chars, 20.0, capitals.len, &capitals, &next, false), 0.0);
    assert!(wrap_cost(false, Unit::Chars, 20.0, thin.len, &thin, &next, false) > cost::EARLY_WRAP);
}

#[test]
fn empty_cell_odds_are_learned_from_the_rows() {
    // Row 1 fills its three cells (the second across a page break);
    // row 2 leaves the controller empty.
    let mut broken = step(&[(0, 1)], false);
    broken.page_break = true;
    let steps =
        [step(&[(0, 0)], true), step(&[(0, 1)], false), step(&[(0, 2)], false), broken, step(&[(0, 0), (2, 1)], true)];
    let odds = EmptyCells::learn(&steps, 3);
    // One empty cell of six (add-one smoothed): 2 / 8.
    assert!((odds.probability - 0.25).abs() < 1e-9);
    // A register that fills every cell makes an empty one costly.
    let full = EmptyCells::learn(&one_cell_steps(&[0, 1, 2, 0, 1, 2, 0, 1, 2]), 3);
    assert!(full.skip_cost() > odds.skip_cost());
}

#[test]
fn states_of_other_signatures_are_kept_apart_within_a_margin() {
    fn places(kept: &[(Option<f64>, u32)]) -> impl ExactSizeIterator<Item = (Option<f64>, u32)> + '_ {
        kept.iter().copied()
    }
    // One place: the cheapest only.
    assert_eq!(way_for(places(&[(Some(2.0), 1)]), 2, 1.0), Some(0));
    assert_eq!(way_for(places(&[(Some(2.0), 1)]), 2, 3.0), None);
    // Two: the same signature replaces its own if cheaper; another
    // takes the empty place, then the dearest if cheaper than it.
    assert_eq!(way_for(places(&[(Some(2.0), 1), (None, 0)]), 1, 1.5), Some(0));
    assert_eq!(way_for(places(&[(Some(2.0), 1), (None, 0)]), 1, 2.5), None);
    assert_eq!(way_for(places(&[(Some(2.0), 1), (None, 0)]), 2, 2.5), Some(1));
    assert_eq!(way_for(places(&[(Some(2.0), 1), (Some(4.0), 3)]), 2, 3.0), Some(1));
    assert_eq!(way_for(places(&[(Some(2.0), 1), (Some(4.0), 3)]), 2, 4.5), None);
    // Far dearer than the cheapest: dropped.
    assert_eq!(way_for(places(&[(Some(2.0), 1), (None, 0)]), 2, 2.0 + WAY_MARGIN + 0.1), None);
}

#[test]
fn shared_line_odds_are_learned_per_cell_height() {
    // Row 1: a one-line title shares its line with the purposes (three
    // lines), the controller opens a line of its own. Row 2: a one-line
    // title on a line of its own.
    let steps = [
        step(&[(0, 0), (1, 1)], true),
        step(&[(0, 1)], false),
        step(&[(0, 1)], false),
        step(&[(0, 2)], false),
        step(&[(0, 0)], true),
        step(&[(0, 1)], false),
    ];
    let lines = vec![line("x "); steps.len()];
    let odds = SharedLines::learn(&lines, &steps, 3, false);
    // One-line cells: 1 shared of 2; taller: 0 of 1 (add-one smoothed).
    assert!((odds.after_single.line - 0.5).abs() < 1e-9);
    assert!((odds.after_tall.line - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(odds.after_single.block, 0.0);
    assert!(odds.shared_cost(1) < odds.shared_cost(2));
    assert!(odds.apart_cost(2) < odds.apart_cost(1));
}

/// A line with `blank` blank lines before it.
fn spaced(text: &str, blank: usize) -> FlowLine {
    FlowLine { blank_before: blank, ..line(text) }
}

#[test]
fn block_odds_are_learned_where_blank_lines_separate_cells() {
    // Two rows: a one-line title, then the purposes (two lines) in the
    // title's block, no blank between them; the controller after a
    // blank line.
    let lines = [
        spaced("Portail ", 1),
        spaced("Inscrire les ", 0),
        spaced("enfants ", 0),
        spaced("Mairie ", 1),
        spaced("Cantine ", 1),
        spaced("Facturer les ", 0),
        spaced("repas ", 0),
        spaced("Mairie ", 1),
    ];
    let steps = one_cell_steps(&[0, 1, 1, 2, 0, 1, 1, 2]);
    let odds = SharedLines::learn(&lines, &steps, 3, true);
    // After a one-line cell: 2 blocks of 2 (smoothed over three
    // outcomes); after a taller one, none of 2.
    assert!((odds.after_single.block - 3.0 / 5.0).abs() < 1e-9);
    assert!((odds.after_tall.block - 1.0 / 5.0).abs() < 1e-9);
    assert!(odds.block_cost(1) < odds.apart_cost(1));
    assert!(odds.block_cost(2) > odds.apart_cost(2));
}

#[test]
fn a_cell_opens_without_a_blank_line_mostly_beside_a_one_line_cell() {
    let unblanked = spaced("Nom, prénom ", 0);
    assert_eq!(unblanked_cost(true, &unblanked, true), cost::BESIDE_SINGLE);
    assert_eq!(unblanked_cost(true, &unblanked, false), cost::NO_BLANK);
    assert_eq!(unblanked_cost(true, &spaced("Nom, prénom ", 1), false), 0.0);
    // Where blank lines do not separate paragraphs, they say nothing.
    assert_eq!(unblanked_cost(false, &unblanked, false), 0.0);
}

#[test]
fn cells_open_neither_in_lower_case_nor_on_punctuation() {
    assert_eq!(cell_start_cost(&line("DNUM "), 0, false), 0.0);
    assert_eq!(cell_start_cost(&line(": DNUM "), 0, false), cost::LOWER_START);
    assert_eq!(cell_start_cost(&line("de l'agent "), 0, false), cost::LOWER_START);
    assert_eq!(cell_start_cost(&line("(art. 6-1-c RGPD) "), 0, false), cost::LOWER_START);
    // Going on after a page break, lower case says nothing.
    assert_eq!(cell_start_cost(&line("de l'agent "), 0, true), 0.0);
}

#[test]
fn cells_left_open_are_those_whose_last_line_goes_on() {
    // Purposes left on `permettant de faciliter`, data on a list item.
    let purposes = Endings::default().after(&line("permettant de faciliter "), &[Part::new(0, 1)]);
    assert_eq!(purposes, Endings { open: 0b10, dangling: 0, mid_phrase: 0, listed: 0 });
    let both = purposes.after(&line("Nature des opérations ; "), &[Part::new(0, 3)]);
    assert_eq!(both, Endings { open: 0b10, dangling: 0, mid_phrase: 0, listed: 0b1000 });
    // A line of two cells: the first part's last word counts for it;
    // the last part ends on a function word, so it dangles.
    let shared = Endings::default().after(&line("Utilisateurs. Agents de "), &[Part::new(0, 4), Part::new(1, 5)]);
    assert_eq!(shared, Endings { open: 0b10_0000, dangling: 0b10_0000, mid_phrase: 0b10_0000, listed: 0 });
    // A comma dangles too, but a capital may follow it.
    let listed = Endings::default().after(&line("Données d’identité, "), &[Part::new(0, 3)]);
    assert_eq!(listed, Endings { open: 0b1000, dangling: 0b1000, mid_phrase: 0, listed: 0 });
}

#[test]
fn a_cell_goes_on_after_a_page_break_as_its_last_line_ended() {
    let data = Endings::default().after(&line("Durée : 1 an après la clôture du "), &[Part::new(0, 3)]);
    // After a function word, the phrase goes on in lower case.
    assert_eq!(resume_cost(&line("dossier "), 0, 3, data), 0.0);
    assert_eq!(resume_cost(&line("Nom, prénom, "), 0, 3, data), cost::RESUME_MISMATCH);
    // After a full stop, a new sentence opens with a capital.
    let closed = Endings::default().after(&line("numéro de téléphone. "), &[Part::new(0, 3)]);
    assert_eq!(resume_cost(&line("Durée : 1 an "), 0, 3, closed), 0.0);
    assert_eq!(resume_cost(&line("dossier "), 0, 3, closed), cost::RESUME_MISMATCH);
    // After a comma, either goes.
    let listed = Endings::default().after(&line("Données d’identité, "), &[Part::new(0, 3)]);
    assert_eq!(resume_cost(&line("Coordonnées "), 0, 3, listed), 0.0);
    assert_eq!(resume_cost(&line("images "), 0, 3, listed), 0.0);
}

#[test]
fn a_cell_short_of_the_tallest_at_a_page_break_ended_its_paragraph() {
    // Two lines fit on the page: the controller's one line and the
    // data's two are both cut, but only the data filled the page.
    let counts = [1, 1, 1, 2, 1];
    assert!(in_mask(cut_cells(&counts), 2) && in_mask(cut_cells(&counts), 3));
    assert_eq!(full_cells(&counts), 0b1000);
    let ended = Endings::default()
        .after(&line("DNUM "), &[Part::new(0, 2)])
        .after(&line("Coordonnées, Données "), &[Part::new(0, 3)])
        .paragraphs_ended(&counts);
    // A phrase going on in lower case resumes the full cell only; a
    // new paragraph may open in either.
    assert_eq!(resume_cost(&line("selon l’objet du "), 0, 3, ended), 0.0);
    assert_eq!(resume_cost(&line("selon l’objet du "), 0, 2, ended), cost::RESUME_MISMATCH);
    assert_eq!(resume_cost(&line("Direction des sports "), 0, 2, ended), 0.0);
}

#[test]
fn open_endings_keep_the_cell_going() {
    assert_eq!(ending_cost(Some(&line("Données relatives aux parents : "))), cost::OPEN_ENDING);
    assert_eq!(ending_cost(Some(&line("Nom, prénom, "))), cost::OPEN_ENDING);
    assert_eq!(ending_cost(Some(&line("professionnels de santé choisis par "))), cost::OPEN_ENDING);
    assert_eq!(ending_cost(Some(&line("Agents publics ; "))), cost::LIST_GOES_ON);
    // Leaving a list item costs when the row ends: a page break may cut
    // the list, and the cell go on with its next item after it.
    assert_eq!(leave_cost(Some(&line("Agents publics ; "))), 0.0);
    let listed = Endings::default().after(&line("Agents publics ; "), &[Part::new(0, 4)]);
    assert_eq!(dangling_cost(listed), cost::LIST_GOES_ON);
    assert_eq!(dangling_cost(listed.pricing_resumes(0b1_0000)), 0.0);
    assert_eq!(ending_cost(Some(&line("autorisés par eux. "))), 0.0);
    assert_eq!(ending_cost(Some(&line("1000Premier"))), cost::CUT_WORD);
    // Leaving a dangling cell costs nothing yet: a page break may cut it.
    assert_eq!(leave_cost(Some(&line("Nom, prénom, "))), 0.0);
}

/// Evidence that says nothing of lines `0..lines`.
pub(in crate::flowed) fn no_evidence(lines: usize) -> Evidence {
    Evidence {
        retention_start: vec![None; lines],
        retention_column: Vec::new(),
        number_opening: vec![false; lines],
        number_counted: vec![false; lines],
        number_column: None,
        vocabulary: None,
        shared_lines: None,
        cells_apart: false,
        empty_cells: None,
        sections: None,
        width_caps: Vec::new(),
        header_echoes: Vec::new(),
    }
}

#[test]
fn a_reading_is_given_up_only_once_dearer_than_its_limit() {
    let lines: Vec<FlowLine> = [
        "Gestion des ",
        "inscriptions ",
        "Inscrire les enfants aux ",
        "activités de la commune. ",
        "Le maire ",
        "Gestion du personnel ",
        "Payer les agents. ",
        "Le maire ",
    ]
    .iter()
    .map(|text| line(text))
    .collect();
    let evidence = no_evidence(lines.len());
    for widths in [[12.0, 26.0, 10.0], [4.0, 4.0, 4.0], [40.0, 40.0, 40.0]] {
        let model =
            Model { lines: &lines, widths: &widths, blank_separated: false, evidence: &evidence, unit: Unit::Chars };
        let (cost, _) = model.solve_quickly();
        assert!(cost > 0.0);
        assert_eq!(model.quick_cost_within(f64::INFINITY), Some(cost));
        assert_eq!(model.quick_cost_within(cost), Some(cost));
        assert_eq!(model.quick_cost_within(cost - 1e-6), None);
        assert_eq!(model.quick_cost_within(0.0), None);
    }
}

/// Each line's parts (first word, end word, column) in the final reading
/// of `texts` under `widths`, with no evidence but the lines.
fn final_parts(texts: &[&str], widths: &[f64]) -> Vec<Vec<(usize, usize, usize)>> {
    let lines: Vec<FlowLine> = texts.iter().map(|text| line(text)).collect();
    let evidence = no_evidence(lines.len());
    let model = Model { lines: &lines, widths, blank_separated: false, evidence: &evidence, unit: Unit::Chars };
    let (_, steps) = model.solve();
    lines.iter().zip(&steps).map(|(line, step)| step.parts(line.words.len()).collect()).collect()
}

#[test]
fn a_line_opening_a_cell_may_hold_the_next_cell_although_it_fits() {
    // A one-line cell and the next cell's first line, printed as one line
    // that fits the first column (`pdftotext -raw` of a jsPDF table).
    let texts = ["Paie ", "Payer les agents Obligation ", "légale ", "Vote ", "Tenir les listes Mission ", "publique "];
    let parts = final_parts(&texts, &[8.0, 30.0, 12.0]);
    assert_eq!(parts.get(1), Some(&vec![(0, 3, 1), (3, 4, 2)]));
    assert_eq!(parts.get(4), Some(&vec![(0, 3, 1), (3, 4, 2)]));
    // A row's one-line cells all on one line, each part fitting its column.
    let texts =
        ["Paie ", "Payer les agents Obligation légale 5 ans ", "Vote ", "Tenir les listes Mission publique 1 an "];
    let parts = final_parts(&texts, &[8.0, 30.0, 24.0, 10.0]);
    assert_eq!(parts.get(1), Some(&vec![(0, 3, 1), (3, 5, 2), (5, 7, 3)]));
    assert_eq!(parts.get(3), Some(&vec![(0, 3, 1), (3, 5, 2), (5, 7, 3)]));
}

#[test]
fn no_cell_ends_on_a_list_mark() {
    // `• Investigateurs` is wider than its column: the line is not split
    // after its mark, which opens the item.
    let texts = ["Données de santé ", "• Investigateurs ", "• Promoteur ", "Prestataire de ", "monitoring "];
    for (text, parts) in texts.iter().zip(final_parts(&texts, &[18.0, 12.0, 14.0])) {
        let words: Vec<&str> = text.split_whitespace().collect();
        let ends_on_mark = |&(_, to, _): &(usize, usize, usize)| {
            to.checked_sub(1).and_then(|w| words.get(w)).is_some_and(|w| crate::layout::is_list_mark(w))
        };
        assert!(!parts.iter().any(ends_on_mark), "{text}");
    }
}

#[test]
fn header_echoes_keep_the_quick_cost_s_bound_exact() {
    let lines: Vec<FlowLine> = ["Paie ", "Mairie Données d'identité ", "Vote ", "Mairie Données d'état civil "]
        .iter()
        .map(|text| line(text))
        .collect();
    let echoes = |line: &FlowLine| line.words.iter().map(|w| (w == "Données").then_some(2)).collect();
    let evidence = Evidence { header_echoes: lines.iter().map(echoes).collect(), ..no_evidence(lines.len()) };
    let widths = [8.0, 8.0, 20.0];
    let model =
        Model { lines: &lines, widths: &widths, blank_separated: false, evidence: &evidence, unit: Unit::Chars };
    let (cost, steps) = model.solve_quickly();
    // Both data cells open on their echo, each taking it off the cost.
    let data_opening = |i: usize| steps.get(i).is_some_and(|s| s.parts.contains(&Part::new(1, 2)));
    assert!(data_opening(1) && data_opening(3));
    assert_eq!(model.quick_cost_within(cost), Some(cost));
    assert_eq!(model.quick_cost_within(cost - 1e-6), None);
}

#[test]
fn a_section_heading_is_a_short_name_that_ends_no_sentence() {
    let evidence = no_evidence(1);
    let heading = |text: &str| may_head_section(&evidence, 6, 0, &line(text));
    assert!(heading("Ressources humaines "));
    assert!(heading("État civil et citoyenneté "));
    assert!(heading("3. Urbanisme "));
    assert!(!heading("de la commune "));
    assert!(!heading("Agents habilités du "));
    assert!(!heading("Nom, prénom, "));
    assert!(!heading("Les données sont conservées. "));
    assert!(!heading("Gestion des demandes d’inscription aux activités sportives et culturelles de la commune "));
    assert!(!heading("Ressources humain"));
    // Neither a retention statement nor a record number, nor a line
    // across a single column.
    let retention = Evidence { retention_start: vec![Some(0)], ..no_evidence(1) };
    assert!(!may_head_section(&retention, 6, 0, &line("Jusqu’à la fin du contrat ")));
    let number = Evidence { number_opening: vec![true], ..no_evidence(1) };
    assert!(!may_head_section(&number, 6, 0, &line("12 Fichier des associations ")));
    assert!(!may_head_section(&evidence, 1, 0, &line("Ressources humaines ")));
}

#[test]
fn headings_are_likely_once_a_reading_found_one() {
    let lines = [line("Ressources humaines "), line("Paie "), line("Calculer les salaires ")];
    let heading = Step { section: true, ..step(&[(0, 6)], true) };
    let found = Sections::learn(&lines, &[heading, step(&[(0, 0)], true), step(&[(0, 1)], false)]);
    let none = Sections::learn(&lines, &[step(&[(0, 0)], true), step(&[(0, 1)], false)]);
    assert!(found.found && !none.found);
    let words = &lines[0].words;
    assert_eq!(none.heading_cost(words), cost::SECTION);
    assert!(found.heading_cost(words) < cost::PARAGRAPH);
}

#[test]
fn a_line_numbered_as_the_headings_found_is_a_likelier_heading() {
    let lines = [
        line("Ressources humaines (1) "),
        line("Paie "),
        line("Usagers (1) "),
        line("Portail "),
        line("Ressources humaines (2) "),
        line("Agents (3) "),
    ];
    let heading = |i| Step { section: true, ..step(&[(0, i)], true) };
    let steps = [heading(0), step(&[(0, 0)], true), step(&[(0, 1)], false), step(&[(0, 0)], true), heading(4)];
    let numbered = Sections::learn(&lines, &steps);
    assert_eq!(numbered.numbering, ["(#)"]);
    let cost_of = |text: &str| numbered.heading_cost(&line(text).words);
    assert!(cost_of("Agents (3) ") < cost_of("Usagers "));
    // One heading shows no numbering; a bare number or a word is none.
    let once = Sections::learn(&lines, &[heading(0)]);
    assert!(once.numbering.is_empty());
    let bare = [line("Domaine 14 "), line("Domaine 17 ")];
    assert!(Sections::learn(&bare, &[heading(0), heading(1)]).numbering.is_empty());
}

#[test]
fn lines_that_count_up_are_numbered_headings_before_any_reading() {
    let evidence = no_evidence(4);
    let counting = [line("1. Ressources humaines "), line("Paie "), line("2. Usagers "), line("Portail ")];
    assert_eq!(Sections::numbered_lines(&counting, &evidence, 6).numbering, ["#."]);
    // A note's mark repeated counts nothing up; nor do numbers counting down.
    let marks = [line("Données de santé (1) "), line("Paie "), line("Dossiers médicaux (1) "), line("Portail ")];
    assert!(Sections::numbered_lines(&marks, &evidence, 6).numbering.is_empty());
    let down = [line("2. Usagers "), line("Paie "), line("1. Ressources humaines "), line("Portail ")];
    assert!(Sections::numbered_lines(&down, &evidence, 6).numbering.is_empty());
}

#[test]
fn a_heading_shares_the_columns_odds_of_words_no_other_row_uses() {
    // Two rows: a title, then recipients; then a line of its own row.
    let lines =
        [line("Portail famille "), line("Agents habilités "), line("Prêt de matériel "), line("Agents du pôle ")];
    let lines = [lines.as_slice(), &[line("Agents Enfance ")]].concat();
    let steps = one_cell_steps(&[0, 1, 0, 1, 0]);
    let vocabulary = Vocabulary::learn(&lines, &steps, 2);
    let words = &lines[4].words;
    let costs = vocabulary.word_costs(4, words, 2);
    // `Agents` is the recipients' word: no odds for a heading. `Enfance`
    // is no other row's: the heading gets its best column's odds.
    assert!(costs[1] < 0.0 && costs[0] > 0.0);
    let unseen_best = costs[2].min(costs[3]);
    assert!((vocabulary.heading_cost(4, words, 2) - unseen_best).abs() < 1e-9);
}

#[test]
fn a_word_cut_short_of_the_width_is_doubtful() {
    let next = line("sJours ");
    // Cut at 11 characters: right for a 12-character column, not for a 30.
    assert_eq!(wrap_cost(false, Unit::Chars, 12.0, chars(11), &line("1000Premier"), &next, true), 0.0);
    assert!(wrap_cost(false, Unit::Chars, 30.0, chars(11), &line("1000Premier"), &next, true) > cost::EARLY_WRAP);
}

#[test]
fn a_full_line_goes_on_with_a_capital_only_in_a_name() {
    // Full lines (no room for the next word at width 24).
    let title = line("Fichier des associations ");
    assert_eq!(
        wrap_cost(false, Unit::Chars, 24.0, chars(24), &title, &line("Tenir à jour "), false),
        cost::CAPITAL_GOES_ON
    );
    assert_eq!(wrap_cost(false, Unit::Chars, 24.0, chars(24), &title, &line("de la commune "), false), 0.0);
    // A name's words, and a capital after a function word or a comma.
    let name = line("Caisse Nationale d’Assurance ");
    assert_eq!(wrap_cost(false, Unit::Chars, 24.0, chars(28), &name, &line("Maladie. "), false), 0.0);
    assert_eq!(
        wrap_cost(false, Unit::Chars, 24.0, chars(24), &line("Délégation ministérielle à la "), &line("Santé "), false),
        0.0
    );
    assert_eq!(
        wrap_cost(false, Unit::Chars, 24.0, chars(24), &line("Nom, prénom, adresse, "), &line("Téléphone "), false),
        0.0
    );
}

#[test]
fn a_sentence_ended_by_a_full_stop_seldom_goes_on_in_lower_case() {
    let ended = line("Magistrats et greffiers. ");
    let full = |next: &str| wrap_cost(false, Unit::Chars, 24.0, chars(24), &ended, &line(next), false);
    assert_eq!(full("numérique des "), cost::LOWER_AFTER_FULL_STOP);
    assert_eq!(full("Numérique des "), 0.0);
    // An abbreviation's full stop ends no sentence.
    let cited = line("Obligation légale (art. ");
    assert_eq!(wrap_cost(false, Unit::Chars, 24.0, chars(24), &cited, &line("6-1-c RGPD) "), false), 0.0);
    assert_eq!(
        wrap_cost(false, Unit::Chars, 24.0, chars(24), &line("bureautique, etc. "), &line("partagés "), false),
        0.0
    );
}

#[test]
fn a_paragraph_opens_in_lower_case_seldom() {
    // Where blank lines mark paragraphs, a line after one that opens in
    // lower case more likely goes on a cell a page break cut.
    let previous = line("SIRENE ");
    let after_blank = |text: &str| {
        let mut next = line(text);
        next.blank_before = 1;
        wrap_cost(true, Unit::Chars, 24.0, chars(6), &previous, &next, false)
    };
    assert_eq!(after_blank("Durée : tant que l’entité "), cost::PARAGRAPH);
    assert_eq!(after_blank("d’entreprise (nom, "), cost::PARAGRAPH + cost::LOWER_START);
}

#[test]
fn a_hard_break_explains_a_short_line() {
    let next = line("Durée ");
    let short = line("connaissance de Nos1000Jours ");
    let hard = line("connaissance de Nos1000Jours   ");
    assert!(wrap_cost(false, Unit::Chars, 36.0, chars(20), &short, &next, false) > cost::PARAGRAPH);
    assert_eq!(wrap_cost(false, Unit::Chars, 36.0, chars(20), &hard, &next, false), cost::PARAGRAPH);
    // A line in lower case or on a colon goes on its sentence after one.
    for going_on in ["ou ", ": Suivi "] {
        assert_eq!(wrap_cost(false, Unit::Chars, 36.0, chars(28), &hard, &line(going_on), false), 0.0);
    }
}

#[test]
fn an_unmarked_paragraph_costs_at_most_a_marked_one_and_a_little() {
    let previous = line("mail ");
    let paragraph = line("Informations de connexion ");
    let cost = wrap_cost(false, Unit::Chars, 36.0, chars(4), &previous, &paragraph, false);
    assert!((cost - (cost::PARAGRAPH + cost::UNMARKED_PARAGRAPH)).abs() < 1e-9);
    // Where blank lines mark paragraphs, a capital alone does not.
    assert!(wrap_cost(true, Unit::Chars, 36.0, chars(4), &previous, &paragraph, false) > cost);
}

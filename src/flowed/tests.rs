use super::*;

#[test]
fn a_header_wrapped_inside_its_words_bounds_its_column() {
    let headers = |h: &[&str]| h.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    // (header lines, headers, caps): `Responsable` / `de traitement`
    // wrapped before `de`, so the column holds fewer than 14 characters
    // (times the slack for a bold or larger header).
    type Case<'a> = (&'a str, &'a [&'a str], &'a [Option<f64>]);
    let cases: &[Case] = &[
        (
            "Intitulé Finalités \nResponsable \nde traitement \nCatégories de données \ntraitées \n",
            &["Intitulé", "Finalités", "Responsable de traitement", "Catégories de données traitées"],
            &[None, None, Some(14.0 * HEADER_WRAP_SLACK), Some(30.0 * HEADER_WRAP_SLACK)],
        ),
        // A header stacked a word per line bounds nothing.
        ("Nom \ndu \ntraitement \nFinalités \n", &["Nom du traitement", "Finalités"], &[None, None]),
        // Lines that do not give the headers' words in order bound nothing.
        ("Finalités Intitulé \nde \n", &["Intitulé de", "Finalités"], &[None, None]),
    ];
    for (text, names, caps) in cases {
        assert_eq!(header_wrap_caps(&read_lines(text), &headers(names)), *caps, "{text:?}");
    }
}

#[test]
fn keeping_states_apart_finds_cheaper_readings() {
    // The corpus's fabrique.txt under its learned widths: rows cut by
    // page breaks read cheaper when states whose cells a break would
    // cut differ are kept apart, never dearer.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/text/fabrique.txt");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines = read_lines(&text);
    let Some(Header { start, end, headers, .. }) = find_header(&lines) else { panic!("no header in {path}") };
    let header_lines = lines.get(start..end).unwrap_or_default();
    let rest = drop_repeated_headers(lines.get(end..).unwrap_or_default().to_vec(), header_lines);
    let (body, _) = split_notes(rest);
    let blank_separated = blank_lines_separate(&body);
    let evidence = evidence(&body, &headers, blank_separated, &[]);
    let widths = [10.0, 28.0, 15.0, 36.0, 20.0, 23.0];
    let model = Model { lines: &body, widths: &widths, blank_separated, evidence: &evidence, unit: Unit::Chars };
    let (kept_apart, quickly) = (model.solve().0, model.solve_quickly().0);
    assert!(kept_apart < quickly - 0.1, "{kept_apart} against {quickly}");
}

#[test]
fn a_missing_trailing_space_means_a_cut_word_only_where_the_text_keeps_them() {
    let kept = read_lines("Catégories de \nDonnées d'identifica\ntion \nAgents \n");
    assert_eq!(kept.iter().map(|l| l.trailing_space).collect::<Vec<_>>(), [true, false, true, true]);
    let trimmed = read_lines("Catégories de\nDonnées d'identité\nAgents\n");
    assert!(trimmed.iter().all(|l| l.trailing_space));
    // Where every line is trimmed, the table stage reads the words.
    assert!(trimmed.iter().all(|l| l.end_unmarked));
    assert!(kept.iter().all(|l| !l.end_unmarked));
    // A hyphen after a letter or a figure cuts a word whatever the
    // convention (`médico-` / `sociale`, `(art. 6-1-` / `e RGPD)`).
    let hyphenated = read_lines("Catégories de\nsituation médico-\nsociale\n(art. 6-1-\ne RGPD)\n");
    assert_eq!(hyphenated.iter().map(|l| l.trailing_space).collect::<Vec<_>>(), [true, false, true, false, true]);
}

#[test]
fn a_header_word_hyphenated_across_lines_is_joined_without_its_hyphen() {
    assert_eq!(fields::hyphenated_header_word("conserva-", "tion").as_deref(), Some("conservation"));
    assert_eq!(fields::hyphenated_header_word("con-", "cernées").as_deref(), Some("concernées"));
    // Not a header word, or not going on in lower case: no join.
    assert_eq!(fields::hyphenated_header_word("re-", "couvrer"), None);
    assert_eq!(fields::hyphenated_header_word("Personnes-", "Concernées"), None);
    let lines =
        read_lines("N°\nNom du traite-\nment\nFinalité(s)\nPersonnes con-\ncernées\nDurée de conserva-\ntion\n1\n");
    let header = find_header(&lines).map(|h| h.headers);
    assert_eq!(
        header.as_deref(),
        Some(
            [
                "N°".to_string(),
                "Nom du traitement".to_string(),
                "Finalité(s)".to_string(),
                "Personnes concernées".to_string(),
                "Durée de conservation".to_string()
            ]
            .as_slice()
        )
    );
}

#[test]
fn a_header_word_a_typesetter_hyphenated_is_joined_without_its_hyphen() {
    // WeasyPrint's U+2010, as MuPDF prints it.
    let lines =
        read_lines("Nom du trai\u{2010}\ntement\nFinalité(s)\nCatégories de per\u{2010}\nsonnes concernées\n1\n");
    let header = find_header(&lines).map(|h| h.headers);
    let want = ["Nom du traitement", "Finalité(s)", "Catégories de personnes concernées"].map(String::from);
    assert_eq!(header.as_deref(), Some(want.as_slice()));
}

#[test]
fn a_typesetters_hyphen_inside_a_line_joins_its_word() {
    // pypdf sets a wide table's row on one line, its cells' wraps
    // included: U+2010 and the soft hyphen end only a line, so a word
    // goes on after them. A `-` may be the word's own; a capital after
    // the hyphen opens another word.
    let lines = read_lines("Traite\u{2010} ment les pré\u{ad} leveurs co- RT Fin\u{2010} Début\n");
    let words = lines.first().map(|l| l.words.clone()).unwrap_or_default();
    assert_eq!(words, ["Traitement", "les", "préleveurs", "co-", "RT", "Fin\u{2010}", "Début"]);
}

#[test]
fn a_header_of_the_registers_own_opens_after_a_known_header_on_its_line() {
    // Headers sharing baselines, as pdfium prints them: `Service`,
    // `Origine` and `Logiciel` name no known field, but each follows a
    // whole known header in title case, its first line short.
    let lines = read_lines(concat!(
        "N°\nTraitement Service\nresponsable\nFinalités Base juridique Origine des\ndonnées\n",
        "Destinataires Logiciel\nutilisé\nDurée de\nconservation\n1\n",
    ));
    let header = find_header(&lines).map(|h| h.headers);
    let want = [
        "N°",
        "Traitement",
        "Service responsable",
        "Finalités",
        "Base juridique",
        "Origine des données",
        "Destinataires",
        "Logiciel utilisé",
        "Durée de conservation",
    ]
    .map(String::from);
    assert_eq!(header.as_deref(), Some(want.as_slice()));
    // The next known header may follow on the same line (pdfmake's
    // cells through `pdftotext -raw`): the own header's first line ends
    // where it opens.
    let lines = read_lines(concat!(
        "N° Traitement Service\nresponsable\nFinalités Base juridique Origine des\ndonnées\n",
        "Destinataires Logiciel utilisé Durée de\nconservation\n1\n",
    ));
    let header = find_header(&lines).map(|h| h.headers);
    assert_eq!(header.as_deref(), Some(want.as_slice()));
    // A fiche's label and short value share a line: two known headers
    // do not make a header, whatever the value after the first.
    let fiche = read_lines("Base légale Obligation légale\nCatégories de\ndonnées\nIdentité, coordonnées\n");
    assert_eq!(find_header(&fiche).map(|h| h.headers), None);
}

#[test]
fn a_bullet_on_a_line_of_its_own_opens_its_item() {
    let lines = read_lines("Catégories \n\n•\nIdentité et \ncoordonnées \n\n•\nSanté \n- \nDGCS) \n");
    let texts: Vec<(String, usize)> = lines.iter().map(|l| (l.text(), l.blank_before)).collect();
    assert_eq!(
        texts,
        [
            ("Catégories".to_string(), 0),
            ("• Identité et".to_string(), 1),
            ("coordonnées".to_string(), 0),
            ("• Santé".to_string(), 1),
            ("-".to_string(), 0),
            ("DGCS)".to_string(), 0)
        ]
    );
}

#[test]
fn page_furniture_is_dropped_and_breaks_the_page() {
    let read =
        |text: &str| -> Vec<(String, bool)> { read_lines(text).iter().map(|l| (l.text(), l.flow_break)).collect() };
    let line = |text: &str, flow_break: bool| (text.to_string(), flow_break);
    // Page numbers alone, with their `Page` or their total; a footer
    // ending on the page number that recurs, digits aside.
    let text = "1 \nPaie \nPage 1 sur 2 \nRegistre – 1/2 \n2 \nRH \nRegistre – 2/2 \n";
    assert_eq!(read(text), [line("1", false), line("Paie", false), line("2", true), line("RH", false)]);
    // A one-page document's footer numbers its last page.
    let text = "1 \nPaie \nMis à jour le 5 janvier 2025 1/1 \n";
    assert_eq!(read(text), [line("1", false), line("Paie", false)]);
    // A bare number is a page's only before a form feed; elsewhere it
    // may be a record's, as numbers spaced on one line may be cells.
    let text = "1 \nPaie \n7 \n\u{c}2 \nRH \n12 3 \n";
    assert_eq!(
        read(text),
        [line("1", false), line("Paie", false), line("2", true), line("RH", false), line("12 3", false)]
    );
    // A date or an article number after words is no page number.
    let text = "Version du 12/03/2024 \nArticle 3 \nArticle 4 \n";
    assert_eq!(read(text).len(), 3);
}

/// The lines as read, before the convention is applied.
fn raw_lines(text: &str) -> Vec<FlowLine> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| FlowLine::new(l.split_whitespace().map(str::to_string).collect(), l.ends_with(' '), 0, false))
        .collect()
}

#[test]
fn list_items_run_until_a_paragraph_opens_otherwise() {
    let marks = |text: &str, blank_separated: bool| {
        let mut lines = read_lines(text);
        mark_list_items(&mut lines, blank_separated);
        lines.iter().map(|l| l.item_mark).collect::<Vec<_>>()
    };
    let text = "• Identité et \ncoordonnées \n- Situation \nfamiliale \nAgents \n• Usagers \n\nservice \n";
    let b = Some('•');
    assert_eq!(marks(text, true), [b, b, Some('-'), Some('-'), None, b, None]);
    // Where blank lines do not mark paragraphs, only the opening does.
    assert_eq!(marks(text, false), [b, b, Some('-'), Some('-'), None, b, b]);
    // The next item of the list goes on it; another list's does not.
    let mut lines = read_lines("• Identité \n• Situation \n- Agents \n");
    mark_list_items(&mut lines, false);
    let goes_on: Vec<bool> = lines.windows(2).map(|w| w[1].goes_on_list_of(&w[0])).collect();
    assert_eq!(goes_on, [true, false]);
}

#[test]
fn a_line_ends_as_its_last_word_and_open_parenthesis_say() {
    let end = |text: &str| FlowLine::new(text.split_whitespace().map(str::to_string).collect(), true, 0, false).end();
    for (text, expected) in [
        ("Mission d’intérêt public (art. 6-1-e", LineEnd::ClauseGoesOn),
        ("(sous-traitant", LineEnd::ClauseGoesOn),
        ("Obligation légale (art. 6-1-c RGPD)", LineEnd::Free),
        ("Finalité(s)", LineEnd::Free),
        ("RGPD) Agents de la commune", LineEnd::Free),
        ("Identité, coordonnées,", LineEnd::ClauseGoesOn),
        ("Agents habilités du", LineEnd::PhraseGoesOn),
        ("Trésorerie municipale ;", LineEnd::ListGoesOn),
    ] {
        assert_eq!(end(text), expected, "{text}");
    }
}

#[test]
fn the_line_end_convention_is_read_from_the_text() {
    // Cut words: few lines without a trailing space, going on in lower case.
    let cut = "Catégories de \nDonnées d'identifica\ntion \nAgents \nUsagers \nDNUM \nNom \n".repeat(3);
    assert_eq!(line_end_convention(&raw_lines(&cut)), LineEnds::SpaceAtBoundaries);
    // MuPDF: soft wraps keep a space, paragraph ends do not.
    let mupdf = "Données d'identité des \nagents, Informations\n\nDurée : tant que \nl'agent exerce\nDNUM\n".repeat(3);
    assert_eq!(line_end_convention(&raw_lines(&mupdf)), LineEnds::SpaceAtSoftWraps);
    let lines = read_lines(&mupdf);
    assert!(lines.get(1).is_some_and(|l| l.hard_break && l.trailing_space));
    assert!(lines.get(2).is_some_and(|l| l.after_hard_break));
    // There a soft wrap leaves its paragraph going on, and so its cell.
    let wrapped = read_lines(&"Agents des ministères \nsociaux\nDNUM\n".repeat(3));
    let ends: Vec<LineEnd> = wrapped.iter().take(3).map(FlowLine::end).collect();
    assert_eq!(ends, [LineEnd::ParagraphGoesOn, LineEnd::Free, LineEnd::Free]);
    assert_eq!(line_end_convention(&raw_lines("Agents\nUsagers\nNom\n")), LineEnds::Trimmed);
}

fn openings(lines: &[FlowLine]) -> Vec<Option<usize>> {
    lines.iter().map(statement_opening).collect()
}

#[test]
fn a_paragraph_about_keeping_data_is_retention_evidence_from_its_first_line() {
    let text = "Agents des ministères \n\nCes données personnelles \nde l’utilisateur sont \nconservées et accessibles \n\nUsagers \n\nDurée : 5 ans \n";
    let lines = read_lines(text);
    assert_eq!(retention_starts(&lines, &openings(&lines), true), [None, Some(0), None, None, None, Some(0)]);
    // Without blank lines marking paragraphs, only lines that state a
    // period count.
    assert_eq!(retention_starts(&lines, &openings(&lines), false), [None, None, None, None, None, Some(0)]);
}

#[test]
fn a_statement_wrapped_inside_its_length_opens_on_its_first_line() {
    let lines = read_lines("Informations de connexion 1 \nan. Adresse IP ; \nAgents \n2 \nAns \n");
    let opening = |i: usize| lines.get(i).and_then(|line| wrapped_statement_opening(line, lines.get(i + 1)));
    assert_eq!(lines.first().and_then(statement_opening), None);
    assert_eq!(opening(0), Some(3), "`1` / `an.` states a length");
    assert_eq!(opening(1), None, "the statement opens on the next line");
    assert_eq!(opening(3), None, "a capital opens another cell");
}

#[test]
fn a_paragraph_goes_on_in_lower_case_after_a_seeming_hard_break() {
    // MuPDF marks paragraph ends by the missing space; a statement whose
    // length and unit a missing space parts (`1` / `an.`) is still one
    // paragraph's, given to its first line. A capital opens a paragraph.
    let text = "Adresse IP ; Nom \nprénom \n\nInformations de connexion 1\nan. Adresse IP ; Nature de \nl'opération\n\nUsagers du service\nDurée : 1 an\n"
        .repeat(2);
    assert_eq!(line_end_convention(&raw_lines(&text)), LineEnds::SpaceAtSoftWraps);
    let lines = read_lines(&text);
    let starts = retention_starts(&lines, &openings(&lines), true);
    assert_eq!(starts.get(2..7), Some(&[Some(0), None, None, None, Some(0)][..]));
}

#[test]
fn a_line_shared_by_cells_gives_its_retention_statement_to_one_part() {
    // A one-line cell on the baseline of the retention cell's first
    // line: only the words from the statement on speak of retention.
    let text = "Usagers des services 2 ans après la fin \nde l’inscription \n";
    let lines = read_lines(text);
    assert_eq!(retention_starts(&lines, &openings(&lines), false), [Some(3), None]);
    // The line opening the paragraph keeps where its statement opens.
    assert_eq!(retention_starts(&lines, &openings(&lines), true), [Some(3), None]);
}

#[test]
fn legal_bases_and_retention_statements_echo_their_columns() {
    let headers: Vec<String> =
        ["Traitement", "Base légale", "Personnes concernées", "Durée de conservation"].map(String::from).to_vec();
    let lines = read_lines("Paie Obligation légale Agents 5 ans après le départ \n");
    let echoes = &evidence(&lines, &headers, false, &[]).header_echoes;
    let at = |w: usize| echoes.first().and_then(|l| l.get(w)).copied().flatten();
    assert_eq!(at(1), Some(1), "a legal basis opens the legal basis column");
    assert_eq!(at(4), Some(3), "a retention statement opens the retention column");
    assert_eq!([at(0), at(2), at(3), at(5)], [None; 4]);
}

#[test]
fn a_header_qualified_by_a_word_of_its_own_stays_in_the_header() {
    let header = |text: &str| find_header(&read_lines(text)).map(|h| (h.start, h.end, h.headers, h.own));
    // MuPDF sets one header per line; `principale` and `éventuels` are no
    // header words, but lines of header words follow them.
    let text = "Registre de la mairie \nN° \nNom du traitement \nFinalité principale \nBase légale \nDestinataires éventuels \nDurée de conservation \n1 \nÉtat civil \n";
    let found = header(text).map(|(start, end, headers, own)| (start, end, headers.len(), own));
    assert_eq!(found, Some((1, 7, 6, 0)));
    // Or the qualifier wraps alone under its header.
    let text = "N° \nNom du traitement \nDestinataires \néventuels \nDurée de conservation \n1 \nÉtat civil \n";
    let found = header(text);
    let headers = ["N°", "Nom du traitement", "Destinataires éventuels", "Durée de conservation"].map(String::from);
    assert_eq!(found, Some((0, 5, headers.to_vec(), 0)));
    // pypdf and pdftotext print the header's cells on their baseline
    // as one line: a line opening three known headers is the header.
    let text = "Registre de la mairie \nN° Nom du traitement Finalité principale Base légale \n1 \nÉtat civil \n";
    let found = header(text).map(|(start, end, headers, own)| (start, end, headers.len(), own));
    assert_eq!(found, Some((1, 2, 4, 0)));
    // A first title opening with a header word is not taken in: no
    // header line follows it.
    let text = "Intitulé \nFinalités \nDestinataires \nTraitement des plaintes \nRecevoir les plaintes des usagers \n";
    assert_eq!(header(text).map(|(start, end, _, _)| (start, end)), Some((0, 3)));
}

#[test]
fn a_header_whose_cells_open_lines_of_their_own_is_printed_apart() {
    let apart = |text: &str| find_header(&read_lines(text)).map(|h| h.apart);
    // MuPDF: each header opens its line, wrapped or not.
    assert_eq!(apart("N° \nNom du \ntraitement \nFinalité(s) \nBase légale \n1 \nÉtat civil \n"), Some(true));
    // The corpus's text: top-aligned headers share their first line.
    assert_eq!(
        apart("Intitulé Finalités \nResponsable \nde traitement \nCatégories de données \nDNUM \n"),
        Some(false)
    );
    // pdftotext: the whole header on one line.
    assert_eq!(apart("N° Nom du traitement Finalité(s) Base légale \n1 \nÉtat civil \n"), Some(false));
}

#[test]
fn record_numbers_standing_alone_show_cells_printed_apart() {
    let body = |text: &str| read_lines(text);
    assert!(numbers_stand_alone(&body("1\nGestion du personnel\nGérer\n2\nPaie\nVerser\n3\nCantine\n")));
    // A number sharing its line with the title: an extraction joining baselines.
    assert!(!numbers_stand_alone(&body("1 Gestion du personnel\nGérer\n2 Paie\nVerser\n3 Cantine\n")));
    // One number alone says nothing.
    assert!(!numbers_stand_alone(&body("1\nGestion du personnel\nGérer\n")));
}

#[test]
fn headers_under_a_group_label_take_its_place() {
    // MuPDF, pdftotext -raw and pypdf print the first level's headers,
    // then those under the group label.
    let text = "N° \nNom du \ntraitement \nFinalité(s) \nCatégories \nDestinataires \nDurée de \nconservation \nPersonnes \nconcernées \nDonnées collectées \n1 \nRedevances \n";
    let found = find_header(&read_lines(text)).map(|h| (h.headers, h.group));
    let headers = [
        "N°",
        "Nom du traitement",
        "Finalité(s)",
        "Personnes concernées",
        "Données collectées",
        "Destinataires",
        "Durée de conservation",
    ]
    .map(String::from);
    let group = HeaderGroup { label: "Catégories".to_string(), from: 3, to: 5 };
    assert_eq!(found, Some((headers.to_vec(), Some(group))));
    // The label groups only the last headers whose fields it opens, and
    // two of them at least.
    let ungrouped = ["N°", "Catégories", "Personnes concernées", "Durée de conservation"].map(String::from);
    assert_eq!(nest_grouped_headers(ungrouped.to_vec()), (ungrouped.to_vec(), None));
    let known = ["Destinataires", "Catégories de destinataires", "Personnes concernées"].map(String::from);
    assert_eq!(nest_grouped_headers(known.to_vec()), (known.to_vec(), None));
}

#[test]
fn headers_of_the_registers_own_are_taken_between_known_ones() {
    // `Service responsable`, `Logiciel utilisé`: no header words, but
    // known headers follow them; `Date de mise à jour`, last, wraps
    // like a header cell right before the first record number.
    let text = "N° \n\nTraitement \nService \nresponsable \n\nFinalités \nLogiciel \nutilisé \n\nDurée de conservation \nDate de mise \nà jour \n\n1 \n";
    let found = find_header(&read_lines(text)).map(|h| (h.headers, h.own));
    let headers = [
        "N°",
        "Traitement",
        "Service responsable",
        "Finalités",
        "Logiciel utilisé",
        "Durée de conservation",
        "Date de mise à jour",
    ];
    assert_eq!(found, Some((headers.map(String::from).to_vec(), 3)));
    // A line alone there is a section heading as much as a header.
    let text = "N° \nTraitement \nFinalité \nDurée de conservation \n\nEnfance et jeunesse \n\n1 \n";
    assert_eq!(find_header(&read_lines(text)).map(|h| h.headers.len()), Some(4));
    // Without record numbers, nothing shows where the header ends.
    let text = "Traitement \nFinalités \nDurée de conservation \nDate de mise \nà jour \nÉtat civil \n";
    assert_eq!(find_header(&read_lines(text)).map(|h| h.headers.len()), Some(3));
}

#[test]
fn record_numbers_open_lines_alone_or_before_a_title() {
    let opens = |text: &str| record_number_opening(&text.split(' ').map(str::to_string).collect::<Vec<_>>());
    assert!(opens("12") && opens("3.") && opens("T-03"));
    assert!(opens("4 Paie") && opens("RH-2 Gestion des congés"));
    assert!(!opens("5 ans après le départ") && !opens("1) Données relatives"));
    assert!(!opens("Paie"));
}

#[test]
fn a_register_s_numbering_is_its_longest_run_of_record_numbers_counting_up() {
    // (text, lines of the numbering): numbers alone or before a title
    // count; a list's `1.` / `2.` in a cell is written otherwise, and a
    // run too short; a number two lines open with alike is left out, the
    // text not saying which is the record's.
    let cases: &[(&str, &[usize])] = &[
        (
            "1 
Paie 
2 
Congés 
3 
Formation 
",
            &[0, 2, 4],
        ),
        (
            "T-01 Paie 
T-02 Congés 
T-03 Formation 
",
            &[0, 1, 2],
        ),
        (
            "1 
Paie 
1. 
Nom 
2. 
Prénom 
2 
Congés 
3 
Formation 
",
            &[0, 6, 8],
        ),
        (
            "1 
Paie 
2 
Durée de 
3 
ans 
3 
Congés 
4 
Formation 
",
            &[0, 2, 8],
        ),
        (
            "1 
Paie 
2 
Congés 
",
            &[],
        ),
        (
            "3 
Paie 
1 
Congés 
2 
Formation 
",
            &[],
        ),
    ];
    for (text, numbering) in cases {
        let lines = read_lines(text);
        let opening: Vec<bool> = lines.iter().map(|l| record_number_opening(&l.words)).collect();
        let counted = counted_numbers(&lines, &opening);
        let found: Vec<usize> = counted.iter().enumerate().filter(|(_, c)| **c).map(|(i, _)| i).collect();
        assert_eq!(found, *numbering, "{text:?}");
    }
}

#[test]
fn a_record_number_is_read_as_its_marks_and_the_number_its_last_figures_stand_for() {
    let read = written_number;
    assert_eq!(read("12"), Some(("#".to_string(), 12)));
    assert_eq!(read("3."), Some(("#.".to_string(), 3)));
    assert_eq!(read("T-012"), Some(("T-#".to_string(), 12)));
    assert_eq!(read("é2b"), Some(("é#b".to_string(), 2)));
    assert_eq!(read("Paie"), None);
}

#[test]
fn a_row_printed_on_one_line_is_no_note_where_the_body_has_such_lines() {
    // `pdftotext -raw` of a table that prints a row's cells on one line:
    // the last row's line is as long as others in the body, ends no
    // sentence and bears no note mark.
    let row = "Contrôler l’accès aux bâtiments Intérêt légitime Nom, prénom, organisme Visiteurs Accueil 6 mois ";
    let cells = "Registre des \nvisiteurs \n".repeat(10);
    let marked = "* Le registre est mis à jour à chaque création ou modification de traitement. ";
    let prose = "Les durées indiquées courent à compter de la fin de la finalité, sauf mention contraire. ";
    let text = format!("{cells}{row}\n{cells}{row}\n{marked}\n");
    let (body, notes) = split_notes(read_lines(&text));
    assert_eq!((body.len(), notes.len()), (42, 1));
    // A note in prose ends its sentence.
    let text = format!("{cells}{row}\n{cells}{prose}\n");
    let (body, notes) = split_notes(read_lines(&text));
    assert_eq!((body.len(), notes.len()), (41, 1));
}

#[test]
fn a_wrapped_note_keeps_its_short_last_line() {
    let cell = "Données d’identité ";
    let long =
        "*Sauf précisions spécifiques, les destinataires sont les agents des organismes mentionnés, dans les limites ";
    let cells = format!("{cell}\n").repeat(30);
    let text = format!("{cells}\n{long}\nde leurs fonctions.\n{}\n", long.replace('*', "Mesures"));
    let (body, notes) = split_notes(read_lines(&text));
    assert_eq!(body.len(), 30);
    assert_eq!(notes.len(), 3);
    // Each line of the note a block of its own, as MuPDF prints
    // justified lines.
    let blocks = format!("{cells}\n{long}\n\nde leurs fonctions.\n");
    let (body, notes) = split_notes(read_lines(&blocks));
    assert_eq!((body.len(), notes.len()), (30, 2));
}

#[test]
fn a_header_with_words_cut_at_the_cell_edge_is_found() {
    let text = "Registre\nN\n°\n\nActivité de\ntraitement\n\nDestinataire\ns\n\nTransfert\ns hors UE\n\n1\n\nPaie\n";
    let found = find_header(&read_lines(text)).map(|h| (h.start, h.end, h.headers));
    let headers = ["N°", "Activité de traitement", "Destinataires", "Transferts hors UE"].map(String::from);
    assert_eq!(found, Some((1, 9, headers.to_vec())));
}

#[test]
fn headers_split_at_capitalized_openings() {
    let words: Vec<String> = "Intitulé Finalités Responsable de traitement (et co-RT) Catégories de données traitées Catégories de personnes concernées"
        .split(' ')
        .map(str::to_string)
        .collect();
    assert_eq!(
        split_headers(&words, &[]),
        [
            "Intitulé",
            "Finalités",
            "Responsable de traitement (et co-RT)",
            "Catégories de données traitées",
            "Catégories de personnes concernées"
        ]
    );
}

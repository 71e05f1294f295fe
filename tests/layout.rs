//! Registers in the form `pdftotext -layout` writes, set by hand: columns
//! side by side, padded with spaces, a form feed between pages. pdftotext
//! lays each page out on its own character grid, so a page may set its
//! columns a few characters off the page before.

mod common;

use common::extracted::{cells_of, text_json};

/// Lines of text with each cell's lines starting at its column's character
/// position: `cells` holds one row's cells, each a list of lines.
fn set_row(starts: &[usize], cells: &[&[&str]]) -> Vec<String> {
    let height = cells.iter().map(|c| c.len()).max().unwrap_or(0);
    (0..height)
        .map(|k| {
            let mut line = String::new();
            for (start, cell) in starts.iter().zip(cells) {
                if let Some(text) = cell.get(k) {
                    while line.chars().count() < *start {
                        line.push(' ');
                    }
                    line.push_str(text);
                }
            }
            line
        })
        .collect()
}

/// The register's title over the layout texts set by hand.
const TITLE: &str = "Registre des activités de traitement du Syndicat des eaux";

/// A layout text: the title, a blank line, then `table`'s lines.
fn titled(table: &[&str]) -> String {
    format!("{TITLE}\n\n{}", table.join("\n"))
}

fn cells(text: &str) -> Vec<Vec<String>> {
    cells_of(&text_json(text, "layout.txt"))
}

/// The JSON read from a register set by [`set_row`]: a title, the header,
/// then each row, a blank line after the header and after each row.
fn table_json(title: &str, starts: &[usize], header: &[&[&str]], rows: &[&[&[&str]]]) -> serde_json::Value {
    let mut text = vec![title.to_string(), String::new()];
    text.extend(set_row(starts, header));
    text.push(String::new());
    for row in rows {
        text.extend(set_row(starts, row));
        text.push(String::new());
    }
    text_json(&text.join("\n"), "layout.txt")
}

fn headers_of(json: &serde_json::Value) -> Vec<&str> {
    json["columns"].as_array().into_iter().flatten().filter_map(|c| c["header"].as_str()).collect()
}

/// Sets `rows` under `header` (see [`table_json`]) and checks that the
/// register reads the headers `headers` and every cell whole.
fn assert_reads_whole(starts: &[usize], header: &[&[&str]], rows: &[&[&[&str]]], headers: &[&str]) {
    let json = table_json("Registre des activités de traitement de la commune", starts, header, rows);
    assert_eq!(headers_of(&json), headers);
    assert_eq!(cells_of(&json), joined_cells(rows));
}

/// Reads `text` under a title as a `pdftotext -layout` rendering and checks
/// its headers and every cell.
fn assert_layout_reads<const N: usize>(text: &[&str], headers: &[&str], cells: &[[&str; N]]) {
    let json = text_json(&titled(text), "layout.txt");
    assert_eq!(headers_of(&json), headers);
    assert_eq!(cells_of(&json), cells);
}

/// Each row's cells, lines joined by a space: what the register holds.
fn joined_cells(rows: &[&[&[&str]]]) -> Vec<Vec<String>> {
    rows.iter().map(|row| row.iter().map(|cell| cell.join(" ")).collect()).collect()
}

/// The second page prints no header and sets the middle column four
/// characters left of where the first page set it: the text of that
/// column's lines crosses the first page's gutter, and the page's own
/// gutters must place it.
#[test]
fn a_page_without_header_sets_its_columns_on_its_own_grid() {
    let first = [0, 26, 64];
    let second = [0, 22, 64];
    let rows: [[&[&str]; 3]; 4] = [
        [&["Gestion administrative", "du personnel"], &["Gérer les carrières des", "agents titulaires"], &["Agents"]],
        [&["Paie des agents", "titulaires"], &["Calculer et verser les", "rémunérations"], &["Agents rémunérés"]],
        [&["Médecine", "préventive"], &["Assurer le suivi médical", "des agents"], &["Agents"]],
        [&["Lettre", "d’information"], &["Envoyer la lettre mensuelle", "aux abonnés"], &["Abonnés"]],
    ];
    let mut text = vec![TITLE.to_string(), String::new()];
    text.extend(set_row(&first, &[&["Traitement"], &["Finalité(s)"], &["Personnes concernées"]]));
    text.push(String::new());
    for row in rows.iter().take(2) {
        text.extend(set_row(&first, row));
        text.push(String::new());
    }
    text.push("\u{c}".to_string());
    for row in rows.iter().skip(2) {
        text.extend(set_row(&second, row));
        text.push(String::new());
    }
    let got = cells(&text.join("\n"));
    let want: Vec<Vec<String>> = rows.iter().map(|row| row.iter().map(|cell| cell.join(" ")).collect()).collect();
    assert_eq!(got, want);
}

/// Fiches whose labels are centred beside their values, as pdftotext sets
/// them: no blank line between a fiche's rows, a label beside the middle
/// line of a value of three lines, alone between the two lines of a value
/// of two.
#[test]
fn fiches_with_labels_centred_beside_their_values() {
    let fiches: [[&[&str]; 4]; 2] = [
        [
            &["Paie des agents"],
            &["Verser les salaires", "et déclarer les", "cotisations sociales"],
            &["Obligation légale", "(art. 6-1-c)"],
            &["Agents rémunérés"],
        ],
        [
            &["Badges d’accès"],
            &["Contrôler les accès", "aux bâtiments"],
            &["Intérêt légitime"],
            &["Agents", "et visiteurs"],
        ],
    ];
    let labels = ["Nom du traitement", "Finalité(s)", "Base légale", "Personnes concernées"];
    let mut text = vec!["Registre des activités de traitement de la Communauté".to_string(), String::new()];
    for fiche in &fiches {
        for (label, value) in labels.iter().zip(fiche) {
            // A label's middle line: the value's middle one, or between its
            // two lines on a line of its own.
            let middle = value.len() / 2;
            for (k, part) in value.iter().enumerate() {
                if value.len() % 2 == 0 && k == middle {
                    text.extend(set_row(&[4, 30], &[&[label], &[]]));
                }
                let beside: &[&str] = if value.len() % 2 == 1 && k == middle { &[label] } else { &[] };
                text.extend(set_row(&[4, 30], &[beside, &[part]]));
            }
        }
        text.push(String::new());
    }
    let got = cells(&text.join("\n"));
    let want: Vec<Vec<String>> = fiches.iter().map(|f| f.iter().map(|cell| cell.join(" ")).collect()).collect();
    assert_eq!(got, want, "{}", text.join("\n"));
}

/// A header of columns of the register's own beside known ones, its first
/// header cut inside a word (`Référen` / `ce`) and others going on below in
/// words of their own (`personnelles`): the header's second line is still
/// the header's, not the first row's. One cell alone holds two lines: the
/// only measure of the line spacing, less than the rows' pitch.
#[test]
fn a_header_with_columns_of_its_own_and_a_cut_first_word() {
    let starts = [0, 10, 34, 52, 80];
    let header: [&[&str]; 5] = [
        &["Référen", "ce"],
        &["Activité"],
        &["Logiciel"],
        &["Catégories de données", "personnelles"],
        &["Délai de conservation"],
    ];
    let rows: [[&[&str]; 5]; 2] = [
        [&["1"], &["État civil"], &["Mélodie"], &["Identité, filiation"], &["Conservation illimitée"]],
        [&["2"], &["Paie des agents"], &["Ciril RH"], &["Identité, coordonnées", "bancaires"], &["5 ans"]],
    ];
    let rows: Vec<&[&[&str]]> = rows.iter().map(|r| r.as_slice()).collect();
    assert_reads_whole(
        &starts,
        &header,
        &rows,
        &["Référence", "Activité", "Logiciel", "Catégories de données personnelles", "Délai de conservation"],
    );
}

/// A header of five capitalized headers, only two of them known
/// (`Observations`, `Date de mise à jour` and `Service référent` are the
/// register's own): a header still, and a row below whose cells open with
/// a known header's word (`Données`) stays a row.
#[test]
fn a_header_with_more_columns_of_its_own_than_known_ones() {
    let starts = [0, 24, 50, 70, 92];
    let header: [&[&str]; 5] =
        [&["Intitulé"], &["Catégories de données"], &["Observations"], &["Date de mise à jour"], &["Service référent"]];
    let rows: [[&[&str]; 5]; 2] = [
        [&["Paie des agents"], &["Identité, coordonnées", "bancaires"], &["Néant"], &["Janvier 2024"], &["Finances"]],
        [
            &["Données sportives"],
            &["Résultats des", "compétitions"],
            &["Données publiques"],
            &["Mars 2023"],
            &["Sports"],
        ],
    ];
    let rows: Vec<&[&[&str]]> = rows.iter().map(|r| r.as_slice()).collect();
    assert_reads_whole(
        &starts,
        &header,
        &rows,
        &["Intitulé", "Catégories de données", "Observations", "Date de mise à jour", "Service référent"],
    );
}

/// A row whose left cell ends two lines on words that start, by chance, a
/// few characters left of the next column (`la`, `RH`), where that
/// column's cell holds one line: the row sets its columns where they are,
/// as those words stop short of the next column and a cell set left of
/// its column would run into it.
#[test]
fn words_lined_up_by_chance_near_a_column_do_not_move_it() {
    let starts = [0, 30, 56];
    let header: [&[&str]; 3] = [&["Traitement"], &["Destinataires"], &["Personnes concernées"]];
    let rows: [[&[&str]; 3]; 2] = [
        [
            &["Recrutement des agents de la", "commune et de ses services RH", "de la mairie"],
            &["Service du personnel"],
            &["Agents", "candidats"],
        ],
        [&["Paie des agents"], &["Trésorerie"], &["Agents"]],
    ];
    let rows: Vec<&[&[&str]]> = rows.iter().map(|r| r.as_slice()).collect();
    let json = table_json("Registre des activités de traitement de la commune", &starts, &header, &rows);
    assert_eq!(cells_of(&json), joined_cells(&rows));
}

/// A header band centred vertically: two-line headers, one of them
/// unknown to the vocabulary (`Date de mise à` / `jour`), set around the
/// line of the one-line headers, their first lines in its gaps.
#[test]
fn taller_headers_centred_around_the_header_line() {
    let starts = [0, 20, 40, 60];
    let header: [&[&str]; 4] = [
        &["", "Intitulé", ""],
        &["Personnes", "", "concernées"],
        &["", "Finalités", ""],
        &["Date de mise à", "", "jour"],
    ];
    let rows: [[&[&str]; 4]; 2] = [
        [&["Paie des agents"], &["Agents"], &["Verser les", "salaires"], &["Janvier 2024"]],
        [&["État civil"], &["Usagers"], &["Tenir les", "registres"], &["Mars 2023"]],
    ];
    let rows: Vec<&[&[&str]]> = rows.iter().map(|r| r.as_slice()).collect();
    assert_reads_whole(
        &starts,
        &header,
        &rows,
        &["Intitulé", "Personnes concernées", "Finalités", "Date de mise à jour"],
    );
}

/// The taller headers, all right of the one-line ones, read as a header on
/// their own (`Responsable de`, `Catégories de`, `Durée de`): the line of
/// the one-line headers under them, which fills their line's gaps and holds
/// the first column, is the band's middle line, and their last words under
/// it end the band (`jour` too, which the vocabulary does not know).
#[test]
fn taller_headers_that_read_as_a_header_alone_are_the_band_s_top() {
    let starts = [0, 20, 40, 60, 80, 100];
    let header: [&[&str]; 6] = [
        &["", "Intitulé", ""],
        &["", "Base légale", ""],
        &["Date de mise à", "", "jour"],
        &["Responsable de", "", "traitement"],
        &["Catégories de", "", "données"],
        &["Durée de", "", "conservation"],
    ];
    let rows: [[&[&str]; 6]; 2] = [
        [&["Paie des agents"], &["Contrat"], &["Janvier 2024"], &["Mairie"], &["Identité,", "RIB"], &["5 ans"]],
        [&["État civil"], &["Obligation", "légale"], &["Mars 2023"], &["Mairie"], &["Identité"], &["75 ans"]],
    ];
    let rows: Vec<&[&[&str]]> = rows.iter().map(|r| r.as_slice()).collect();
    assert_reads_whole(
        &starts,
        &header,
        &rows,
        &[
            "Intitulé",
            "Base légale",
            "Date de mise à jour",
            "Responsable de traitement",
            "Catégories de données",
            "Durée de conservation",
        ],
    );
}

/// A taller header alone over the line of the others (`Date de mise à`):
/// its last word under it, in lower case, ends the band, though the
/// vocabulary does not know it and the band's middle line has nothing over
/// it (`jour`).
#[test]
fn a_taller_header_s_last_line_under_it_ends_the_band() {
    let starts = [0, 20, 40, 60];
    let header: [&[&str]; 4] = [
        &["", "Nom du traitement", ""],
        &["", "Base légale", ""],
        &["", "Transferts", ""],
        &["Date de mise à", "", "jour"],
    ];
    let rows: [[&[&str]; 4]; 2] = [
        [&["Paie des agents"], &["Contrat"], &["Aucun"], &["Janvier 2024"]],
        [&["État civil"], &["Obligation", "légale"], &["Aucun"], &["Mars 2023"]],
    ];
    let rows: Vec<&[&[&str]]> = rows.iter().map(|r| r.as_slice()).collect();
    assert_reads_whole(
        &starts,
        &header,
        &rows,
        &["Nom du traitement", "Base légale", "Transferts", "Date de mise à jour"],
    );
}

/// A one-line header the vocabulary does not know (`Observations`), right
/// of taller headers that read as a header on their own: set in the gaps of
/// their first line, over their last words, it is the band's middle line.
#[test]
fn an_unknown_one_line_header_in_the_gaps_of_taller_ones_is_in_the_band() {
    let starts = [0, 20, 40, 60];
    let header: [&[&str]; 4] = [
        &["Nom du", "", "traitement"],
        &["Personnes", "", "concernées"],
        &["Mesures de", "", "sécurité"],
        &["", "Observations", ""],
    ];
    let rows: [[&[&str]; 4]; 2] = [
        [&["Paie des agents"], &["Agents"], &["Accès restreint", "aux agents"], &["Aucune"]],
        [&["État civil"], &["Usagers"], &["Registres", "sous clé"], &["Archivés"]],
    ];
    let rows: Vec<&[&[&str]]> = rows.iter().map(|r| r.as_slice()).collect();
    assert_reads_whole(
        &starts,
        &header,
        &rows,
        &["Nom du traitement", "Personnes concernées", "Mesures de sécurité", "Observations"],
    );
}

/// Headers set one space apart are split where a known header is whole,
/// but not inside a longer form of it (`Transferts hors` / `UE`, a
/// capitalized word that goes on the header, not one of its own).
#[test]
fn a_capitalized_word_that_goes_on_a_known_header_stays_in_it() {
    let text = [
        "Traitement        Finalités          Transferts hors UE Mesures de sécurité",
        "Paie des agents   Verser les         Aucun              Accès restreint",
        "                  salaires",
        "État civil        Tenir les          Aucun              Registres gardés",
        "                  registres",
    ];
    assert_layout_reads(
        &text,
        &["Traitement", "Finalités", "Transferts hors UE", "Mesures de sécurité"],
        &[
            ["Paie des agents", "Verser les salaires", "Aucun", "Accès restreint"],
            ["État civil", "Tenir les registres", "Aucun", "Registres gardés"],
        ],
    );
}

/// A header word's last line under a header cell that a text rendering ran
/// into the next one (`Transferts hors Mesures de sécurité`, one space
/// apart): `UE`, in capitals, still goes on `Transferts hors`.
#[test]
fn a_header_s_last_word_under_cells_run_together_stays_in_it() {
    let text = [
        "Traitement        Finalités          Transferts hors Mesures de sécurité",
        "                                     UE",
        "Paie des agents   Verser les         Aucun           Accès restreint",
        "                  salaires",
        "État civil        Tenir les          Aucun           Registres gardés",
        "                  registres",
    ];
    assert_layout_reads(
        &text,
        &["Traitement", "Finalités", "Transferts hors UE", "Mesures de sécurité"],
        &[
            ["Paie des agents", "Verser les salaires", "Aucun", "Accès restreint"],
            ["État civil", "Tenir les registres", "Aucun", "Registres gardés"],
        ],
    );
}

/// A first header of the register's own, hyphenated by the typesetter
/// (`Do‐` / `maine`, U+2010), with taller headers beside it: its second
/// line is the header's, not a row's, whatever the vocabulary knows.
#[test]
fn a_first_header_of_its_own_hyphenated_goes_on_under_it() {
    let text = [
        " Do\u{2010}      Finalité           Personnes        Durée de",
        "maine                            concernées       conservation",
        "",
        "Enfance       Gérer les          Parents          1 an",
        "              inscriptions",
        "",
        "Sports        Réserver les       Usagers          2 ans",
        "              salles",
    ];
    assert_layout_reads(
        &text,
        &["Domaine", "Finalité", "Personnes concernées", "Durée de conservation"],
        &[
            ["Enfance", "Gérer les inscriptions", "Parents", "1 an"],
            ["Sports", "Réserver les salles", "Usagers", "2 ans"],
        ],
    );
}

/// A register with section headings whose contact line sits right above the
/// header, set like those headings (a text rendering keeps no bold): an
/// address is no heading, so the line stays the preamble's contact and the
/// rows above the first heading belong to no section.
#[test]
fn a_contact_line_right_above_the_header_heads_no_section() {
    let text = [
        "Registre des activités de traitement de la commune",
        "Exercice des droits : dpo@commune.fr",
        "Traitement          Finalités                Destinataires       Durée de conservation",
        "",
        "Paie des agents     Verser les salaires      Trésorerie          5 ans",
        "",
        "État civil          Tenir les registres      Préfecture          75 ans",
        "",
        "Enfance",
        "",
        "Cantine scolaire    Facturer les repas       Trésorerie          1 an",
        "",
        "Crèche              Inscrire les enfants     Service enfance     2 ans",
    ];
    let json = text_json(&text.join("\n"), "layout.txt");
    assert_eq!(json["register"]["rights_contact"], "dpo@commune.fr");
    let sections: Vec<Option<&str>> =
        json["records"].as_array().into_iter().flatten().map(|r| r["section"].as_str()).collect();
    assert_eq!(sections, [None, None, Some("Enfance"), Some("Enfance")]);
}

/// Rows set without space between them: a title's last line alone in the
/// first column, right under a line ending on a comma (`Hydre, Polaris,` /
/// `Orion`), goes on that title; it is no heading between rows.
#[test]
fn a_title_s_last_line_after_a_comma_is_no_heading() {
    let text = [
        "Traitement          Finalités                Destinataires       Durée de conservation",
        "Messagerie          Échanger des             Agents              1 an",
        "                    courriels",
        "Annuaires Hydre,    Gérer les annuaires      Agents              5 ans",
        "Polaris,",
        "Orion",
        "Paie des agents     Verser les salaires      Trésorerie          5 ans",
    ];
    let json = text_json(&titled(&text), "layout.txt");
    let sections: Vec<Option<&str>> =
        json["records"].as_array().into_iter().flatten().map(|r| r["section"].as_str()).collect();
    assert_eq!(sections, [None, None, None]);
    assert_eq!(
        cells_of(&json),
        [
            ["Messagerie", "Échanger des courriels", "Agents", "1 an"],
            ["Annuaires Hydre, Polaris, Orion", "Gérer les annuaires", "Agents", "5 ans"],
            ["Paie des agents", "Verser les salaires", "Trésorerie", "5 ans"],
        ]
    );
}

/// Rows whose titles open with the words of field names (`Traitement`,
/// `Destinataires`, `Transferts`, `Sous-traitants`): a table still, not
/// fiches labelled by them, as no title names a field whole or comes
/// again.
#[test]
fn titles_opening_with_field_names_are_no_fiche_labels() {
    let starts = [0, 32, 60];
    let header: [&[&str]; 3] = [&["Nom du traitement"], &["Finalités"], &["Durée de conservation"]];
    let rows: [[&[&str]; 3]; 4] = [
        [&["Traitement des amendes"], &["Recouvrer les amendes"], &["5 ans"]],
        [&["Destinataires des courriers"], &["Tenir le carnet d’adresses"], &["3 ans"]],
        [&["Transferts de dossiers"], &["Transmettre les dossiers"], &["1 an"]],
        [&["Sous-traitants informatiques"], &["Suivre les contrats"], &["10 ans"]],
    ];
    let rows: Vec<&[&[&str]]> = rows.iter().map(|r| r.as_slice()).collect();
    assert_reads_whole(&starts, &header, &rows, &["Nom du traitement", "Finalités", "Durée de conservation"]);
}

/// Rows whose first cells go on with lines of a field's name alone, in
/// lower case (`traitement`, `données`, `numéro`, `destinataires`), each
/// twice, beside the next cell's text: a table still, as a fiche's label
/// opens with a capital.
#[test]
fn cell_lines_naming_fields_in_lower_case_are_no_fiche_labels() {
    let starts = [0, 24, 52];
    let header: [&[&str]; 3] = [&["Nom du traitement"], &["Finalités"], &["Durée de conservation"]];
    let rows: Vec<[Vec<&str>; 3]> = ["traitement", "données", "numéro", "destinataires"]
        .iter()
        .flat_map(|word| {
            [
                [vec!["Suivi du", *word], vec!["Tenir les", "registres"], vec!["5 ans"]],
                [vec!["Contrôle des", *word], vec!["Vérifier les", "dossiers"], vec!["1 an"]],
            ]
        })
        .collect();
    let cells: Vec<Vec<&[&str]>> = rows.iter().map(|r| r.iter().map(Vec::as_slice).collect()).collect();
    let rows: Vec<&[&[&str]]> = cells.iter().map(Vec::as_slice).collect();
    assert_reads_whole(&starts, &header, &rows, &["Nom du traitement", "Finalités", "Durée de conservation"]);
}

/// A header of narrow cells whose words a word processor cut anywhere
/// without a hyphen, in columns known (`concernée` / `s`, `conservatio` /
/// `n`) and of the register's own (`Donnée` / `s` / `sensibl` / `es`): its
/// lines going on in lower case under its text are still the header's, and
/// a line of one or two lower-case letters ends the word above.
#[test]
fn a_header_of_narrow_cells_with_words_cut_anywhere() {
    let starts = [0, 5, 20, 35, 48];
    let header: [&[&str]; 5] = [
        &["N°"],
        &["Nom du", "traitement"],
        &["Personnes", "concernée", "s"],
        &["Donnée", "s", "sensibl", "es"],
        &["Durée de", "conservatio", "n"],
    ];
    let rows: [[&[&str]; 5]; 2] = [
        [&["1"], &["Dossiers"], &["Patients"], &["Oui : santé"], &["20 ans"]],
        [&["2"], &["Paie"], &["Agents"], &["Non"], &["5 ans"]],
    ];
    let rows: Vec<&[&[&str]]> = rows.iter().map(|r| r.as_slice()).collect();
    let json = table_json("Registre des activités de traitement de l’hôpital", &starts, &header, &rows);
    assert_eq!(
        headers_of(&json),
        ["N°", "Nom du traitement", "Personnes concernées", "Données sensibles", "Durée de conservation"]
    );
    assert_eq!(cells_of(&json), joined_cells(&rows));
}

/// Rows set without space between them (a word processor's table, cell
/// margins of nothing above and below): no blank line parts them, and the
/// first cell of a row may still run on when the next row opens. Where the
/// first column goes on, the next row shows by its cells all opening there
/// on a capital or a digit, and one of them opening where its column was
/// empty the line before.
#[test]
fn rows_set_without_space_between_them() {
    let starts = [0, 32, 64];
    let rows: [[&[&str]; 3]; 4] = [
        [
            &["Gestion des dossiers des", "usagers du service de", "l’eau potable"],
            &["Instruire les demandes"],
            &["5 ans à compter de", "la clôture"],
        ],
        [&["Paie des agents", "titulaires"], &["Calculer et verser les", "rémunérations des agents"], &["50 ans"]],
        [
            &["Médecine préventive des", "agents du syndicat"],
            &["Suivre la santé des", "agents"],
            &["Durée de la carrière"],
        ],
        [&["Lettre d’information"], &["Envoyer la lettre"], &["3 ans"]],
    ];
    let mut text = vec![TITLE.to_string(), String::new()];
    text.extend(set_row(&starts, &[&["Traitement"], &["Finalité(s)"], &["Durée de conservation"]]));
    for row in &rows {
        text.extend(set_row(&starts, row));
    }
    assert_eq!(cells(&text.join("\n")), joined_cells(&rows.iter().map(|r| &r[..]).collect::<Vec<_>>()));
}

/// Rows of one-line cells set right under each other: no column is empty
/// above the next row's line, but each of its cells opens with a capital
/// and would have fitted on the line above, which so was no wrap. The
/// last row wraps its cells onto lines opening with capitals that would
/// not have fitted: one row still. A heading in the first column alone,
/// set tight between two rows, would have fitted after the row above too:
/// a section, not that row's title going on.
#[test]
fn rows_of_one_line_cells_set_right_under_each_other() {
    let starts = [0, 32, 64];
    let rows: [[&[&str]; 3]; 3] = [
        [&["Paie des agents"], &["Verser les salaires"], &["Trésorerie"]],
        [&["État civil"], &["Tenir les registres"], &["Préfecture"]],
        [
            &["Élections politiques et des", "Listes électorales"],
            &["Tenir les listes électorales", "Électeurs inscrits"],
            &["Durée de la liste électorale"],
        ],
    ];
    let mut text = vec![TITLE.to_string(), String::new()];
    text.extend(set_row(&starts, &[&["Traitement"], &["Finalité(s)"], &["Durée de conservation"]]));
    for (k, row) in rows.iter().enumerate() {
        if k == 1 {
            text.push("Affaires générales".to_string());
        }
        text.extend(set_row(&starts, row));
    }
    let json = text_json(&text.join("\n"), "layout.txt");
    assert_eq!(cells_of(&json), joined_cells(&rows.iter().map(|r| &r[..]).collect::<Vec<_>>()));
    assert_eq!(json["records"][0]["section"], serde_json::Value::Null);
    assert_eq!(json["records"][1]["section"], "Affaires générales");
}

/// Cells centred vertically, as `pdftotext -layout` renders them: a cell
/// set half a line off its row's tallest one gets text lines of its own,
/// between the tallest cell's, and the second band holds two rows with no
/// blank line between them (the first column's cells follow each other).
#[test]
fn centred_rows_interleave_their_lines_and_part_where_each_is_centred() {
    assert_eq!(cells(&titled(&CENTRED_ROWS)), CENTRED_CELLS);
}

/// The table of the centred tests: three rows, the first two parted by a
/// blank line, the last two not.
const CENTRED_ROWS: [&str; 14] = [
    "Traitement                  Finalités                   Durée de conservation",
    "",
    "                            Gérer les dossiers",
    "Dossiers des",
    "                            des usagers du              5 ans",
    "usagers",
    "                            service",
    "",
    "Paie                        Verser les salaires         50 ans",
    "Médecine",
    "                                                        Durée de la",
    "préventive des              Suivre la santé",
    "                                                        carrière",
    "agents",
];

/// What [`CENTRED_ROWS`] holds.
const CENTRED_CELLS: [[&str; 3]; 3] = [
    ["Dossiers des usagers", "Gérer les dossiers des usagers du service", "5 ans"],
    ["Paie", "Verser les salaires", "50 ans"],
    ["Médecine préventive des agents", "Suivre la santé", "Durée de la carrière"],
];

/// A row's first line where the rendering ran two cells together with one
/// space, setting the second one six characters left of its column: the
/// cut goes before the word that opens like a cell (a capital), however
/// far left the rendering set it, not before the lower-case word at the
/// column's edge.
#[test]
fn cells_run_together_part_before_the_word_that_opens_the_cell() {
    let text = [
        "Traitement                    Finalités                     Durée de conservation",
        "",
        "Gestion des aides             Instruire les demandes        5 ans",
        "",
        "Suivi social des agents Accueillir les agents               3 ans",
        "du service                    et les orienter",
    ];
    assert_eq!(
        cells(&titled(&text)),
        [
            ["Gestion des aides", "Instruire les demandes", "5 ans"],
            ["Suivi social des agents du service", "Accueillir les agents et les orienter", "3 ans"],
        ]
    );
}

/// Rows set without space between them, where the rendering set a new
/// row's last cell a character left of its column (`2 ans` under `ans`
/// of the row before): the new row still opens, every cell on its line
/// opening on a capital or a digit.
#[test]
fn a_row_opens_where_its_cells_open_though_one_is_set_a_character_left() {
    let text = [
        "Traitement                    Finalités                     Durée de conservation",
        "",
        "Gestion des aides             Instruire les demandes        5 ans",
        "sociales                      d’aide sociale",
        "Courriel des agents           Envoyer les courriels        2 ans",
        "et des élus                   des agents et des élus        et des élus",
    ];
    assert_eq!(
        cells(&titled(&text)),
        [
            ["Gestion des aides sociales", "Instruire les demandes d’aide sociale", "5 ans"],
            ["Courriel des agents et des élus", "Envoyer les courriels des agents et des élus", "2 ans et des élus"],
        ]
    );
}

/// A cell's line run into the next column's with one space (narrow
/// gutters) makes one phrase across the boundary, but it opens in lower
/// case: it goes on with the row above, where a heading would stand apart.
#[test]
fn a_line_across_columns_opening_in_lower_case_goes_on_with_its_row() {
    let text = [
        "Traitement              Finalités               Durée de conservation",
        "",
        "Sécurité des agents     Protéger les            5 ans",
        "et direction du service locaux et bâtiments",
        "informatique",
        "",
        "Paie des agents         Verser les salaires     50 ans",
    ];
    assert_eq!(
        cells(&titled(&text)),
        [
            ["Sécurité des agents et direction du service informatique", "Protéger les locaux et bâtiments", "5 ans"],
            ["Paie des agents", "Verser les salaires", "50 ans"],
        ]
    );
}

/// Centred rows parted by blank lines, with a heading in the first column
/// between two of them, as a band of its own: a section, not a record
/// whose other cells are all empty.
#[test]
fn a_heading_alone_between_centred_rows_opens_a_section() {
    let text = [
        "Traitement                  Finalités                   Durée de conservation",
        "",
        "                            Gérer les dossiers",
        "Dossiers des usagers        des usagers du              5 ans",
        "                            service",
        "",
        "Ressources humaines",
        "",
        "                            Verser les salaires",
        "Paie                        et les primes               50 ans",
        "                            des agents",
    ];
    let json = text_json(&titled(&text), "layout.txt");
    assert_eq!(
        cells_of(&json),
        [
            ["Dossiers des usagers", "Gérer les dossiers des usagers du service", "5 ans"],
            ["Paie", "Verser les salaires et les primes des agents", "50 ans"],
        ]
    );
    assert_eq!(json["records"][1]["section"], "Ressources humaines");
}

/// A header band centred vertically over three lines: `Intitulé` on the
/// middle one, `Mesures de` / `sécurité` around it, and a header the
/// vocabulary does not know (`Date de mise à` / `jour`) beside them. The
/// line above `Intitulé` still belongs to the header: a phrase of it opens
/// a known header.
#[test]
fn a_centred_header_band_keeps_its_top_line_beside_an_unknown_header() {
    let text = [
        "                      Mesures de                                 Date de mise à",
        "Intitulé                                  Finalités",
        "                      sécurité                                   jour",
        "",
        "Gestion des dossiers  Contrôle d’accès    Instruire les demandes 1er janvier 2024",
        "",
        "Paie des agents       Chiffrement         Verser les salaires    3 mars 2025",
    ];
    assert_layout_reads(
        &text,
        &["Intitulé", "Mesures de sécurité", "Finalités", "Date de mise à jour"],
        &[
            ["Gestion des dossiers", "Contrôle d’accès", "Instruire les demandes", "1er janvier 2024"],
            ["Paie des agents", "Chiffrement", "Verser les salaires", "3 mars 2025"],
        ],
    );
}

/// The same centred rows with no blank line anywhere: the whole table is
/// one band, which shows no row's first cell standing apart. That cells
/// are centred shows in the lines set between another cell's lines.
#[test]
fn centred_rows_without_any_blank_line_are_read_as_centred() {
    let text: Vec<&str> = CENTRED_ROWS.iter().copied().filter(|l| !l.is_empty()).collect();
    assert_eq!(cells(&titled(&text)), CENTRED_CELLS);
}

/// A row centred vertically under a header that names its fields whole:
/// the row's tallest cell starts on the line right under the header, with
/// a capital under `Responsable de traitement`, and header words
/// (`Service du traitement`). It is the row's, not a second line of that
/// header.
#[test]
fn a_row_right_under_a_whole_header_is_no_more_of_it() {
    let text = [
        "Traitement            Finalités                Responsable de traitement",
        "                                               Service du traitement",
        "Gestion des dossiers  Instruire les demandes   des données",
        "                                               et du patrimoine",
        "",
        "                                               Direction des",
        "Paie des agents       Verser les salaires",
        "                                               ressources humaines",
    ];
    assert_layout_reads(
        &text,
        &["Traitement", "Finalités", "Responsable de traitement"],
        &[
            ["Gestion des dossiers", "Instruire les demandes", "Service du traitement des données et du patrimoine"],
            ["Paie des agents", "Verser les salaires", "Direction des ressources humaines"],
        ],
    );
}

/// The second page sets its last column's lines longer than any line of
/// the first page (pdftotext lays each page out on its own grid): the words
/// past the first page's right edge are the column's all the same.
#[test]
fn a_later_page_set_wider_keeps_the_last_column_whole() {
    let text = [
        "Traitement      Finalités       Durée de conservation",
        "Paie            Verser la paie  5 ans",
        "\u{c}Agents          Gérer           10 ans à compter de la fin de la mission",
        "                                de l’agent",
    ];
    assert_eq!(
        cells(&titled(&text)),
        [
            ["Paie", "Verser la paie", "5 ans"],
            ["Agents", "Gérer", "10 ans à compter de la fin de la mission de l’agent"],
        ]
    );
}

/// A row's first line whose three cells the rendering ran together, one
/// space apart, runs across the columns as a heading would; but its cells
/// go on under it, each where its column's word opened on that line: a
/// row, not a heading.
#[test]
fn a_first_line_of_cells_run_together_that_goes_on_below_is_a_row() {
    let text = [
        "Traitement           Durée de conservation      Destinataires",
        "",
        "Paie des agents      5 ans                      Service RH",
        "",
        "Dossiers des usagers 10 ans à compter de la fin Trésorerie publique",
        "                     du contrat                 et service",
    ];
    assert_eq!(
        cells(&titled(&text)),
        [
            ["Paie des agents", "5 ans", "Service RH"],
            ["Dossiers des usagers", "10 ans à compter de la fin du contrat", "Trésorerie publique et service"],
        ]
    );
}

/// A heading printed right under the header a page repeats (`Domaine 2`)
/// is one line in the first column, as a row's title cut by the page
/// break would be; set as the register's other heading (`Domaine 1`), it
/// opens a section.
#[test]
fn a_heading_at_a_page_top_set_as_the_other_headings_opens_a_section() {
    let text = [
        "Traitement              Finalités                  Durée de conservation",
        "Domaine 1",
        "Paie des agents         Verser les salaires        5 ans",
        "titulaires              et les primes",
        "\u{c}Traitement              Finalités                  Durée de conservation",
        "Domaine 2",
        "Dossiers des usagers    Instruire les demandes     10 ans",
    ];
    let json = text_json(&titled(&text), "layout.txt");
    assert_eq!(
        cells_of(&json),
        [
            ["Paie des agents titulaires", "Verser les salaires et les primes", "5 ans"],
            ["Dossiers des usagers", "Instruire les demandes", "10 ans"],
        ]
    );
    assert_eq!(json["records"][0]["section"], "Domaine 1");
    assert_eq!(json["records"][1]["section"], "Domaine 2");
}

/// The second page prints no header and is set on a coarser grid than the
/// first (pdftotext scales each page to its own text): every column starts
/// about three quarters as far right. Matched as they are, the first
/// page's boundaries would take the nearest gutters and leave the last
/// column without its own; scaled, each boundary finds its gutter.
#[test]
fn a_page_set_on_a_coarser_grid_finds_every_column() {
    let first = [0, 30, 60, 75];
    let second = [0, 23, 45, 56];
    let mut text = vec![TITLE.to_string(), String::new()];
    text.extend(set_row(&first, &[&["Traitement"], &["Finalités"], &["Durée"], &["Destinataires"]]));
    text.push(String::new());
    text.extend(set_row(&first, &[&["Paie des agents"], &["Verser les salaires"], &["5 ans"], &["Service RH"]]));
    text.push("\u{c}".to_string());
    text.extend(set_row(
        &second,
        &[
            &["Dossiers des usagers", "et des familles"],
            &["Gérer les dossiers", "des usagers"],
            &["10 ans"],
            &["Trésorerie publique", "et service social"],
        ],
    ));
    text.push(String::new());
    text.extend(set_row(&second, &[&["Élections"], &["Tenir les listes"], &["1 an"], &["Préfecture"]]));
    assert_eq!(
        cells(&text.join("\n")),
        [
            ["Paie des agents", "Verser les salaires", "5 ans", "Service RH"],
            [
                "Dossiers des usagers et des familles",
                "Gérer les dossiers des usagers",
                "10 ans",
                "Trésorerie publique et service social"
            ],
            ["Élections", "Tenir les listes", "1 an", "Préfecture"],
        ]
    );
}

/// A heading set right under a row whose title runs as far down (no blank
/// line, no rule between them in the rendering), too long to have fitted
/// on the title's last line, reads as that title going on; set as the
/// register's other heading (`Domaine 2`, which stands apart), it opens a
/// section.
#[test]
fn a_heading_run_into_the_title_above_set_as_the_other_headings_opens_a_section() {
    let text = [
        "Traitement              Finalités                  Durée de conservation",
        "Paie des agents         Verser les salaires        5 ans",
        "                        et les primes",
        "Domaine 2",
        "Dossiers des usagers    Instruire les demandes     10 ans",
        "du service public",
        "Domaine 3",
        "Élections               Tenir les listes           1 an",
    ];
    let json = text_json(&titled(&text), "layout.txt");
    assert_eq!(
        cells_of(&json),
        [
            ["Paie des agents", "Verser les salaires et les primes", "5 ans"],
            ["Dossiers des usagers du service public", "Instruire les demandes", "10 ans"],
            ["Élections", "Tenir les listes", "1 an"],
        ]
    );
    assert_eq!(json["records"][1]["section"], "Domaine 2");
    assert_eq!(json["records"][2]["section"], "Domaine 3");
}

/// pdftotext set a row's retention cell a character or two left of the
/// column, and its first word (`6`) two characters left of its other lines,
/// one space from the cell before. The lines' shared start would leave the
/// first line's cell opening in lower case (`ans à compter`) inside a
/// phrase: the cell opens at the word just before, which opens as cells do.
#[test]
fn a_cell_opens_at_its_figure_set_left_of_its_other_lines() {
    let text = [
        "Traitement           Finalités                   Durée de conservation       Destinataires",
        "",
        "Paie des agents      Verser les salaires         5 ans                       Service RH",
        "",
        "Dossiers des usagers Instruire les demandes 6 ans à compter de la            Service RH",
        "                     et les réclamations      fin du contrat                 et trésorerie",
        "                                              de l’usager",
        "",
        "Élections            Tenir les listes            1 an                        Préfecture",
    ];
    assert_eq!(
        cells(&titled(&text)),
        [
            ["Paie des agents", "Verser les salaires", "5 ans", "Service RH"],
            [
                "Dossiers des usagers",
                "Instruire les demandes et les réclamations",
                "6 ans à compter de la fin du contrat de l’usager",
                "Service RH et trésorerie"
            ],
            ["Élections", "Tenir les listes", "1 an", "Préfecture"],
        ]
    );
}

/// The table's last line is a cell's line set a character or two over the
/// next column's edge, as a text rendering may set it: it crosses the
/// columns as a note below the table does, but opens in a later column, as
/// no note does. It stays the cell's.
#[test]
fn a_last_row_line_over_a_column_edge_is_no_note() {
    let text = [
        "Traitement           Finalités                Durée de conservation",
        "",
        "Paie des agents      Verser les salaires      5 ans",
        "",
        "Dossiers des usagers Instruire les demandes   10 ans à compter de la fin",
        "                     et les réclamations des  du contrat",
        "                     habitants et des communautés",
    ];
    let json = text_json(&titled(&text), "layout.txt");
    assert_eq!(
        cells_of(&json),
        [
            ["Paie des agents", "Verser les salaires", "5 ans"],
            [
                "Dossiers des usagers",
                "Instruire les demandes et les réclamations des habitants et des communautés",
                "10 ans à compter de la fin du contrat"
            ],
        ]
    );
    assert_eq!(json["register"]["notes"], serde_json::json!([]));
}

/// A header of the register's own filling its column runs into the next
/// header one space apart (`Date de mise à jour Sous-traitants`): before a
/// known header whole, it is a header of its own.
#[test]
fn a_header_of_its_own_run_into_a_known_header_is_parted_from_it() {
    let text = [
        "Traitement        Finalités             Date de mise à jour Sous-traitants",
        "",
        "Paie des agents   Verser les salaires   1er mars 2024       Prestataire paie",
        "",
        "Élections         Tenir les listes      5 juin 2023         Néant",
    ];
    assert_layout_reads(
        &text,
        &["Traitement", "Finalités", "Date de mise à jour", "Sous-traitants"],
        &[
            ["Paie des agents", "Verser les salaires", "1er mars 2024", "Prestataire paie"],
            ["Élections", "Tenir les listes", "5 juin 2023", "Néant"],
        ],
    );
}

/// A known header filling its column runs into a header of the register's
/// own one space apart (`Responsable de traitement Observations`): after a
/// known header whole, a capitalized word opens the next header.
#[test]
fn a_known_header_run_into_a_header_of_its_own_is_parted_from_it() {
    let text = [
        "Traitement        Finalités             Responsable de traitement Observations",
        "",
        "Paie des agents   Verser les salaires   Direction RH              Aucune",
        "",
        "Élections         Tenir les listes      Secrétariat général       Revue annuelle",
    ];
    assert_layout_reads(
        &text,
        &["Traitement", "Finalités", "Responsable de traitement", "Observations"],
        &[
            ["Paie des agents", "Verser les salaires", "Direction RH", "Aucune"],
            ["Élections", "Tenir les listes", "Secrétariat général", "Revue annuelle"],
        ],
    );
}

/// `pdftotext -layout` ran the last header up to the one before it, one
/// space apart, several characters left of its column's text; the data
/// column's lines run past that header's start (`Durée :`). The column
/// opens where its text does, past the gutter the header hides.
#[test]
fn a_header_set_left_of_its_column_over_the_text_before_it() {
    let starts = [0, 18, 48];
    let rows: [&[&[&str]]; 3] = [
        &[
            &["Paie des agents"],
            &["Nom, prénom, grade et", "coordonnées bancaires,", "Durée : cinq ans"],
            &["Agents du syndicat"],
        ],
        &[&["Élections"], &["Nom, prénom, adresse,", "date de naissance, Durée :", "dix ans"], &["Électeurs inscrits"]],
        &[&["Abonnés"], &["Nom, adresse, relevés de", "consommation, Durée :", "trois ans"], &["Abonnés au service"]],
    ];
    let mut text = vec![
        "Traitement        Catégories de données Personnes".to_string(),
        "                                        concernées".to_string(),
        String::new(),
    ];
    for row in rows {
        text.extend(set_row(&starts, row));
        text.push(String::new());
    }
    let json = text_json(&titled(&text.iter().map(String::as_str).collect::<Vec<_>>()), "layout.txt");
    assert_eq!(headers_of(&json), ["Traitement", "Catégories de données", "Personnes concernées"]);
    assert_eq!(cells_of(&json), joined_cells(&rows));
}

/// pdftotext set a one-line cell on its row's first line left of its
/// column, one space after its neighbour's words; that neighbour's next
/// lines run past the cell's start (`leurs`, `ressentis`), after lines where
/// the cell has nothing: they stay with their phrases.
#[test]
fn a_cell_s_lines_running_past_a_one_line_cell_set_left_of_its_column_stay_whole() {
    let text = [
        "Traitement        Finalités                     Responsable",
        "",
        "Paie des agents   Verser les salaires           Direction RH",
        "",
        "Suivi psychique   Accompagner les personnes Direction générale",
        "                  qui le souhaitent à mieux",
        "                  et suivre leurs symptômes, et leurs",
        "                  ressentis et leurs activités",
        "",
        "Élections         Tenir les listes              Secrétariat général",
    ];
    assert_eq!(
        cells(&titled(&text)),
        [
            ["Paie des agents", "Verser les salaires", "Direction RH"],
            [
                "Suivi psychique",
                "Accompagner les personnes qui le souhaitent à mieux et suivre leurs symptômes, et leurs ressentis et leurs activités",
                "Direction générale",
            ],
            ["Élections", "Tenir les listes", "Secrétariat général"],
        ]
    );
}

/// pdftotext set a row closer than the page's columns: its one-line cell
/// runs on one space after the first line of the cell before (`Permettre
/// aux agents DNUM`), whose other lines end where that cell begins. The
/// column it belongs to is otherwise empty in the row.
#[test]
fn a_one_line_cell_run_on_after_the_cell_before_opens_its_empty_column() {
    let text = [
        "Traitement          Finalités                 Responsable         Personnes",
        "",
        "Paie des agents     Verser les salaires       DRH                 Agents",
        "",
        "Messagerie          Permettre aux agents DNUM                Agents et",
        "                    des ministères de                        prestataires",
        "                    rédiger et d’envoyer",
        "                    des courriels",
        "",
        "Élections           Tenir les listes          Mairie              Électeurs",
    ];
    assert_eq!(
        cells(&titled(&text)),
        [
            ["Paie des agents", "Verser les salaires", "DRH", "Agents"],
            [
                "Messagerie",
                "Permettre aux agents des ministères de rédiger et d’envoyer des courriels",
                "DNUM",
                "Agents et prestataires",
            ],
            ["Élections", "Tenir les listes", "Mairie", "Électeurs"],
        ]
    );
}

/// The same run-on value set a little left of where the cell before's other
/// lines end (`Gérer les annuaires et l’accès DNUM` over `aux offres de
/// services (techniques`): only the column's other rows, which hold `DNUM`
/// whole, show it to be theirs.
#[test]
fn a_value_the_column_repeats_run_on_after_the_cell_before_is_the_column_s() {
    let text = [
        "Traitement          Finalités                           Responsable  Personnes",
        "",
        "Paie des agents     Verser les salaires                 DNUM         Agents",
        "",
        "Annuaires           Gérer les annuaires et l’accès DNUM              Agents et",
        "                    aux offres de services (techniques               prestataires",
        "                    et applicatives)",
        "",
        "Élections           Tenir les listes électorales        DNUM         Électeurs",
        "",
        "Messagerie          Échanger des courriels              DNUM         Agents",
    ];
    assert_eq!(
        cells(&titled(&text)),
        [
            ["Paie des agents", "Verser les salaires", "DNUM", "Agents"],
            [
                "Annuaires",
                "Gérer les annuaires et l’accès aux offres de services (techniques et applicatives)",
                "DNUM",
                "Agents et prestataires",
            ],
            ["Élections", "Tenir les listes électorales", "DNUM", "Électeurs"],
            ["Messagerie", "Échanger des courriels", "DNUM", "Agents"],
        ]
    );
}

/// A narrow header cell's last line opens on a parenthesis (`(en mois)`,
/// `nt (et co-`): it goes on in lower case under the line above, like a
/// header word cut at its cell's edge, and stays in the header.
#[test]
fn a_header_cell_s_line_opening_on_a_parenthesis_stays_in_the_header() {
    let text = [
        "Traitement          Durée de      Personnes",
        "                    conservation  concernées",
        "                    (en mois)",
        "",
        "Paie des agents     60            Agents",
        "",
        "Élections           24            Électeurs",
    ];
    assert_layout_reads(
        &text,
        &["Traitement", "Durée de conservation (en mois)", "Personnes concernées"],
        &[["Paie des agents", "60", "Agents"], ["Élections", "24", "Électeurs"]],
    );
}

/// A first column narrower than its header word cuts it anywhere
/// (`Intit` / `ulé`): the word's end under its start completes a header
/// word, and the header goes on.
#[test]
fn a_header_word_cut_anywhere_in_a_narrow_first_column_stays_whole() {
    let text = [
        "Intit    Finalités              Personnes",
        "ulé                             concernées",
        "",
        "Paie     Verser les salaires    Agents",
        "",
        "Vote     Tenir les listes       Électeurs",
    ];
    assert_layout_reads(
        &text,
        &["Intitulé", "Finalités", "Personnes concernées"],
        &[["Paie", "Verser les salaires", "Agents"], ["Vote", "Tenir les listes", "Électeurs"]],
    );
}

/// A first column narrower than its titles' words: the typesetter cut them
/// at the cell's edge (`Specta` / `cle`), and pdftotext set the next
/// column one space after. That space is the gutter, not the end of the
/// word: the cut word is read whole.
#[test]
fn a_word_cut_at_a_narrow_column_s_edge_one_space_before_the_next_is_whole() {
    let text = [
        "Intitu Finalités              Durée de         Personnes",
        "lé                            conservation     concernées",
        "",
        "Specta Autoriser l’emploi     5 ans            Enfants",
        "cle    des enfants",
        "",
        "Ozense Suivre la              1 an             Usagers",
        "mble   consommation",
    ];
    assert_layout_reads(
        &text,
        &["Intitulé", "Finalités", "Durée de conservation", "Personnes concernées"],
        &[
            ["Spectacle", "Autoriser l’emploi des enfants", "5 ans", "Enfants"],
            ["Ozensemble", "Suivre la consommation", "1 an", "Usagers"],
        ],
    );
}

/// The headers and the first `rows` rows the two registers below, whose
/// controllers' and data categories' headers run together, must read.
fn assert_controllers_and_data_parted(text: &[&str], rows: usize) {
    let json = text_json(&titled(text), "layout.txt");
    assert_eq!(
        headers_of(&json),
        [
            "Intitulé",
            "Finalités",
            "Responsable de traitement (et co-RT)",
            "Catégories de données",
            "Personnes concernées"
        ]
    );
    let all = [
        ["Outil A", "Piloter les programmes", "DNUM", "Données d’identité des agents", "Agents"],
        ["Outil B", "Suivre les actions", "DNUM", "Coordonnées professionnelles", "Usagers"],
        ["Outil C", "Publier les fiches", "DNUM", "Identifiants de connexion", "Agents"],
    ];
    assert_eq!(cells_of(&json), all.get(..rows).unwrap_or_default());
}

/// Narrow borderless cells in a text rendering: the controllers' header is
/// cut into stacked pieces that run a character past the start of the next
/// header (`nt (et co-` under `Catégories`), and one space parts
/// `Respons` from `Catégories de données traitées`, so the header reads
/// as one column. The body shows two: every row leaves a river between
/// `DNUM` and the data, though the rendering shifts rows by a character.
#[test]
fn a_header_run_together_is_parted_where_its_body_shows_two_columns() {
    let text = [
        "Intitulé     Finalités         Respons Catégories de données   Personnes",
        "                               able de                         concernées",
        "                               traiteme",
        "                               nt (et co-",
        "                               RT)",
        "Outil A      Piloter les       DNUM     Données d’identité     Agents",
        "             programmes                 des agents",
        "Outil B      Suivre les       DNUM     Coordonnées            Usagers",
        "             actions                   professionnelles",
        "Outil C      Publier les        DNUM    Identifiants de        Agents",
        "             fiches                     connexion",
    ];
    assert_controllers_and_data_parted(&text, 3);
}

/// The same, where the controllers' second header line breaks `co-` under
/// the start of `Catégories`: a word broken after its hyphen goes on the
/// next line (`RT)`), on the left, and stays with its header.
#[test]
fn a_header_word_broken_after_its_hyphen_stays_on_its_next_line_s_side() {
    let text = [
        "Intitulé     Finalités         Responsable de Catégories de données   Personnes",
        "                               traitement (et co-                     concernées",
        "                               RT)",
        "Outil A      Piloter les       DNUM            Données d’identité     Agents",
        "             programmes                        des agents",
        "Outil B      Suivre les        DNUM            Coordonnées            Usagers",
        "             actions                           professionnelles",
    ];
    assert_controllers_and_data_parted(&text, 2);
}

/// A column left mostly empty (`X` in one row) whose header runs a space
/// from the next one's, as pdftotext sets narrow header cells; and notes
/// set under their calls, each call on a line of its own and each note
/// indented, as pdftotext sets raised calls.
#[test]
fn a_mostly_empty_column_and_notes_under_their_calls() {
    let text = [
        TITLE,
        "",
        "N° Traitement Finalités1          Données Catégories     Destinataires",
        "                                  sensibles de données",
        "",
        "1    Portail des    Inscrire les   X       Parents :      Service enfance",
        "     familles       enfants                identité       ",
        "",
        "2    Plaintes       Traiter les            Identité ;     Service qualité",
        "                    réclamations           objet",
        "",
        "3    Annuaire       Publier les            Nom, prénom,   Agents de la",
        "                    coordonnées            fonction       ville",
        "",
        "1",
        "    Finalités déclarées au registre de la ville.",
        "2",
        "    Y compris les réclamations orales des usagers.",
    ]
    .join("\n");
    let json = text_json(&text, "layout.txt");
    assert_eq!(
        headers_of(&json),
        ["N°", "Traitement", "Finalités1", "Données sensibles", "Catégories de données", "Destinataires"]
    );
    let fields: Vec<&str> =
        json["columns"].as_array().into_iter().flatten().filter_map(|c| c["field"].as_str()).collect();
    assert_eq!(fields.get(2), Some(&"purposes"));
    assert_eq!(
        cells_of(&json),
        [
            ["1", "Portail des familles", "Inscrire les enfants", "X", "Parents : identité", "Service enfance"],
            ["2", "Plaintes", "Traiter les réclamations", "", "Identité ; objet", "Service qualité"],
            ["3", "Annuaire", "Publier les coordonnées", "", "Nom, prénom, fonction", "Agents de la ville"],
        ]
    );
    assert_eq!(
        json["register"]["notes"],
        serde_json::json!([
            "1 Finalités déclarées au registre de la ville.",
            "2 Y compris les réclamations orales des usagers."
        ])
    );
}

/// Rows set close, top-aligned, under a heading centred on the table: the
/// rendering sets the heading as close to the first row as a row's lines
/// are to each other. The heading says nothing of how cells align, and
/// each row opens with its number.
#[test]
fn a_centred_heading_over_close_rows_leaves_them_top_aligned() {
    let starts = [0, 5, 26, 54, 70];
    let rows: [[&[&str]; 5]; 3] = [
        [
            &["1"],
            &["Gestion admi‐", "nistrative"],
            &["Gérer les carrières des", "agents"],
            &["Agents titu‐", "laires"],
            &["5 ans"],
        ],
        [&["2"], &["Paie"], &["Calculer et verser les", "rémunérations"], &["Agents"], &["10 ans"]],
        [&["3"], &["Médecine", "préventive"], &["Assurer le suivi", "médical"], &["Agents"], &["50 ans"]],
    ];
    let mut text: Vec<String> =
        set_row(&starts, &[&["N°"], &["Traitement"], &["Finalité(s)"], &["Personnes"], &["Durée"]]);
    let heading = "Ressources humaines";
    let right = rows.iter().flat_map(|row| set_row(&starts, row)).map(|l| l.chars().count()).max().unwrap_or(0);
    text.push(format!("{}{heading}", " ".repeat((right - heading.chars().count()) / 2)));
    for row in &rows {
        text.extend(set_row(&starts, row));
    }
    let json = text_json(&titled(&text.iter().map(String::as_str).collect::<Vec<_>>()), "layout.txt");
    assert_eq!(
        cells_of(&json),
        [
            ["1", "Gestion administrative", "Gérer les carrières des agents", "Agents titulaires", "5 ans"],
            ["2", "Paie", "Calculer et verser les rémunérations", "Agents", "10 ans"],
            ["3", "Médecine préventive", "Assurer le suivi médical", "Agents", "50 ans"],
        ]
    );
}

/// Headers centred vertically, the tallest hyphenated over six lines: its
/// first lines stand over the line the short headers share, the end of a
/// word cut on the line above (`Catégo‐` / `ries de`) among them.
#[test]
fn a_tall_header_s_cut_words_over_the_header_line_stay_in_it() {
    let text = [
        "                                      Catégo‐",
        "                                      ries de",
        "                                      per‐",
        "Intitulé      Finalités               sonnes       Destinataires",
        "                                      concer‐",
        "                                      nées",
        "",
        "Paie          Calculer les salaires   Agents       Trésorerie",
        "",
        "Médecine      Suivre la santé des     Agents       Médecin",
        "              agents",
    ];
    assert_layout_reads(
        &text,
        &["Intitulé", "Finalités", "Catégories de personnes concernées", "Destinataires"],
        &[
            ["Paie", "Calculer les salaires", "Agents", "Trésorerie"],
            ["Médecine", "Suivre la santé des agents", "Agents", "Médecin"],
        ],
    );
}

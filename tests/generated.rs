//! Registers typeset by our own tiny PDF writer (`tests/common`): other
//! column sets, fonts, page sizes, ruled and borderless, header repeated or
//! not, rows across pages, sections, words broken at a cell's edge. The
//! same code that reads the corpus must read them exactly.

mod common;

use common::{BaseFont, Layout, Register, Row};
use serde_json::Value;

fn extract(register: &Register, layout: &Layout) -> Value {
    let pdf = common::typeset(register, layout);
    let document = registre::extract_pdf(&pdf, "generated.pdf", &registre::Options::default());
    let document = document.unwrap_or_else(|e| panic!("extraction failed: {e}"));
    serde_json::from_str(&document.to_json()).unwrap_or(Value::Null)
}

/// A register titled `Registre des traitements`, its body's address under
/// the title, without notes.
fn register_of(address: &str, headers: &[&str], rows: Vec<Row>) -> Register {
    Register {
        preamble: vec!["Registre des traitements".to_string(), address.to_string()],
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows,
        notes: vec![],
    }
}

/// The field each extracted column maps to, in order.
fn fields_of(got: &Value) -> Vec<&str> {
    got["columns"].as_array().map(|a| a.iter().filter_map(|c| c["field"].as_str()).collect()).unwrap_or_default()
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every record's cells equal the typeset texts, sections are carried, and
/// the preamble and notes are read.
fn assert_faithful(register: &Register, got: &Value) {
    let fields: Vec<String> = got["columns"]
        .as_array()
        .map(|a| a.iter().map(|c| c["field"].as_str().unwrap_or("").to_string()).collect())
        .unwrap_or_default();
    let headers: Vec<String> = got["columns"]
        .as_array()
        .map(|a| a.iter().map(|c| c["header"].as_str().unwrap_or("").to_string()).collect())
        .unwrap_or_default();
    assert_eq!(headers, register.headers, "headers");
    let mut unique = fields.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), fields.len(), "each field once: {fields:?}");
    let records = got["records"].as_array().cloned().unwrap_or_default();
    let expected = register.records_with_sections();
    assert_eq!(records.len(), expected.len(), "record count");
    for (i, (record, (cells, section))) in records.iter().zip(&expected).enumerate() {
        for (field, want) in fields.iter().zip(cells) {
            assert_eq!(norm(record["cells"][field].as_str().unwrap_or("")), norm(want), "record {i} field {field}");
        }
        assert_eq!(record["section"].as_str().map(str::to_string), *section, "record {i} section");
    }
    assert_eq!(got["register"]["title"].as_str(), register.preamble.first().map(String::as_str));
    let notes: Vec<String> = got["register"]["notes"]
        .as_array()
        .map(|a| a.iter().map(|n| n.as_str().unwrap_or("").to_string()).collect())
        .unwrap_or_default();
    assert_eq!(notes, register.notes, "notes");
}

#[test]
fn eight_columns_ruled_letter_helvetica() {
    let register = common::sample_register(30);
    let layout = Layout {
        page: (612.0, 792.0),
        margin: 36.0,
        font: BaseFont::Helvetica,
        size: 7.0,
        widths: vec![24.0, 70.0, 90.0, 60.0, 80.0, 60.0, 66.0, 90.0],
        ruled: true,
        repeat_header: true,
        padding: 3.0,
        ..Layout::default()
    };
    let got = extract(&register, &layout);
    assert_faithful(&register, &got);
    assert_eq!(got["register"]["organization"], "Agence exemple");
    assert_eq!(got["register"]["address"], "12 rue des Lilas, 69003 Lyon");
    assert_eq!(got["register"]["rights_contact"], "dpo@agence-exemple.fr");
    let fields = fields_of(&got);
    assert_eq!(
        fields,
        [
            "number",
            "title",
            "purposes",
            "legal_basis",
            "data_categories",
            "data_subjects",
            "recipients",
            "retention_period"
        ]
    );
    let pages = got["source"]["pages"].as_u64().unwrap_or(0);
    assert!(pages >= 2, "the register should span pages, got {pages}");
}

#[test]
fn borderless_landscape_times_without_repeated_header() {
    let register = common::sample_register(9);
    let layout = Layout {
        page: (842.0, 595.0),
        margin: 40.0,
        font: BaseFont::Times,
        size: 9.0,
        widths: vec![30.0, 100.0, 130.0, 80.0, 120.0, 90.0, 90.0, 110.0],
        ruled: false,
        repeat_header: false,
        padding: 5.0,
        ..Layout::default()
    };
    let got = extract(&register, &layout);
    assert_faithful(&register, &got);
}

#[test]
fn words_broken_at_the_cell_edge_and_after_hyphens_are_rejoined() {
    let register = Register {
        preamble: vec!["Registre de test".to_string(), "Organisme, 1 place du Test, 75001 Paris".to_string()],
        headers: ["Intitulé", "Finalités", "RT", "Données traitées", "Destinataires"].map(String::from).to_vec(),
        rows: vec![
            Row::Record(
                [
                    "Application1000PremiersJoursAvecUnNomTrèsLong",
                    "Informer les parents",
                    "DGCS",
                    "Adresse électronique professionnelle-personnelle et téléphone",
                    "Agents",
                ]
                .map(String::from)
                .to_vec(),
            ),
            Row::Record(
                ["Domifa", "Faciliter l’accès aux droits", "DGCS", "Nom ; prénom", "Structures"]
                    .map(String::from)
                    .to_vec(),
            ),
        ],
        notes: vec![],
    };
    let layout = Layout {
        page: (595.0, 842.0),
        margin: 50.0,
        font: BaseFont::Courier,
        size: 10.0,
        widths: vec![80.0, 120.0, 50.0, 130.0, 80.0],
        ruled: true,
        repeat_header: true,
        padding: 4.0,
        ..Layout::default()
    };
    let got = extract(&register, &layout);
    assert_faithful(&register, &got);
}

#[test]
fn borders_drawn_cell_by_cell_as_thin_rectangles() {
    let register = common::sample_register(20);
    let layout = Layout {
        page: (595.0, 842.0),
        margin: 30.0,
        font: BaseFont::Helvetica,
        size: 7.5,
        widths: vec![22.0, 72.0, 80.0, 60.0, 80.0, 60.0, 70.0, 90.0],
        ruled: true,
        repeat_header: false,
        padding: 2.5,
        cell_borders: true,
        ..Layout::default()
    };
    let got = extract(&register, &layout);
    assert_faithful(&register, &got);
}

#[test]
fn merged_heading_rows_that_fit_in_the_first_column() {
    // Word and LibreOffice give a table equal columns unless told
    // otherwise: a short heading merged across the row then sits within
    // the first column. Only the inner rules missing across its row show
    // it spans the table.
    let layout = Layout { padding: 2.5, cell_borders: true, ..equal_columns() };
    let register = register_with_short_headings();
    let got = extract(&register, &layout);
    assert_faithful(&register, &got);
}

/// Sixteen records under headings short enough to fit in the first of
/// [`equal_columns`].
fn register_with_short_headings() -> Register {
    let mut register = common::sample_register(16);
    for row in &mut register.rows {
        if let Row::Section(text) = row {
            *text = text.split(" :").next().unwrap_or("").to_string();
        }
    }
    register
}

/// Eight equal columns of 7.5 pt Helvetica on A4 landscape, ruled, as Word
/// and LibreOffice set a table unless told otherwise.
fn equal_columns() -> Layout {
    Layout {
        page: (842.0, 595.0),
        margin: 30.0,
        font: BaseFont::Helvetica,
        size: 7.5,
        widths: vec![95.0; 8],
        ..Layout::default()
    }
}

#[test]
fn landscape_pages_stored_rotated() {
    let register = common::sample_register(10);
    let layout = Layout {
        page: (842.0, 595.0),
        margin: 40.0,
        font: BaseFont::Helvetica,
        size: 8.0,
        widths: vec![30.0, 100.0, 130.0, 80.0, 120.0, 90.0, 90.0, 110.0],
        ruled: true,
        repeat_header: true,
        padding: 4.0,
        rotate: true,
        ..Layout::default()
    };
    let got = extract(&register, &layout);
    assert_faithful(&register, &got);
}

#[test]
fn booktabs_rules_and_a_vertically_centred_header() {
    // Rules above and below the header and one under the last row only: the
    // closing rule separates no rows. Headers of one to three lines are
    // centred, so `N°` sits level with the middle of the tallest.
    let register = common::sample_register(11);
    let layout = Layout {
        page: (842.0, 595.0),
        margin: 36.0,
        font: BaseFont::Helvetica,
        size: 8.0,
        widths: vec![24.0, 70.0, 150.0, 90.0, 120.0, 62.0, 110.0, 130.0],
        ruled: false,
        repeat_header: true,
        padding: 4.0,
        closing_rule: true,
        centred_header: true,
        ..Layout::default()
    };
    let got = extract(&register, &layout);
    assert_faithful(&register, &got);
}

#[test]
fn borderless_rows_with_cells_centred_vertically() {
    // No rules between rows, every cell centred in its row: a row is the band of
    // text between two whitespace gaps, its number in the middle of it.
    let register = common::sample_register(12);
    let layout = Layout {
        page: (842.0, 595.0),
        margin: 36.0,
        font: BaseFont::Times,
        size: 8.0,
        widths: vec![24.0, 80.0, 150.0, 90.0, 120.0, 80.0, 100.0, 120.0],
        ruled: false,
        repeat_header: true,
        padding: 4.0,
        centred_header: true,
        centred_cells: true,
        ..Layout::default()
    };
    let got = extract(&register, &layout);
    assert_faithful(&register, &got);
}

#[test]
fn borderless_centred_rows_without_padding() {
    // Rows set with no padding touch: one whitespace band holds several
    // rows, cut where each row is as tall below its number's middle as above.
    let register = common::sample_register(12);
    let layout = Layout {
        page: (842.0, 595.0),
        margin: 36.0,
        font: BaseFont::Helvetica,
        size: 8.0,
        widths: vec![24.0, 80.0, 150.0, 90.0, 120.0, 80.0, 100.0, 120.0],
        ruled: false,
        repeat_header: true,
        padding: 0.75,
        centred_cells: true,
        ..Layout::default()
    };
    let got = extract(&register, &layout);
    assert_faithful(&register, &got);
}

/// The CNIL's model register sets other columns than the corpus: headers
/// the vocabulary does not know become columns of their own, as printed.
#[test]
fn columns_of_the_cnil_model_register_with_unknown_headers() {
    let headers = [
        "Réf.",
        "Nom / sigle",
        "Date de création",
        "Finalité principale",
        "Sous-finalités",
        "Catégories de données",
        "Données sensibles",
        "Catégories de personnes concernées",
        "Destinataires",
        "Durées de conservation",
        "Logiciel utilisé",
    ];
    let mut rows = Vec::new();
    for i in 0..14 {
        rows.push(Row::Record(vec![
            format!("T{:02}", i + 1),
            format!("Gestion du personnel {}", i + 1),
            format!("{:02}/03/2021", i + 1),
            "Gérer la carrière des agents".to_string(),
            "Paie ; formation ; évaluation annuelle".to_string(),
            "Identité ; coordonnées ; situation familiale".to_string(),
            if i % 3 == 0 { "Oui (santé)".to_string() } else { "Non".to_string() },
            "Agents titulaires et contractuels".to_string(),
            "Service RH ; comptable public".to_string(),
            "Durée de la carrière + 5 ans".to_string(),
            "SIRH Ciril".to_string(),
        ]));
    }
    let register = Register {
        preamble: vec![
            "Registre des activités de traitement du Centre de gestion".to_string(),
            "Centre de gestion, 2 rue du Port, 29200 Brest".to_string(),
        ],
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows,
        notes: vec![],
    };
    for ruled in [true, false] {
        let layout = Layout {
            page: (842.0, 595.0),
            margin: 30.0,
            font: BaseFont::Helvetica,
            size: 7.5,
            widths: vec![28.0, 70.0, 50.0, 80.0, 80.0, 80.0, 50.0, 75.0, 70.0, 70.0, 55.0],
            ruled,
            repeat_header: true,
            padding: 3.0,
            ..Layout::default()
        };
        let got = extract(&register, &layout);
        assert_faithful(&register, &got);
    }
}

/// The headings of the CNIL's register template set as a table's header:
/// every one maps to the field it names, whatever its wording.
#[test]
fn headers_worded_as_the_cnil_template_map_to_their_fields() {
    let headers = [
        "Activité de traitement",
        "Nom et coordonnées du responsable du traitement",
        "Finalité(s) du traitement effectué",
        "Catégories de personnes concernées",
        "Catégories de données collectées",
        "Catégories de destinataires",
        "Transferts des données hors UE",
        "Durées de conservation des catégories de données",
        "Mesures de sécurité techniques et organisationnelles",
    ];
    let rows = (0..6)
        .map(|i| {
            Row::Record(vec![
                format!("Gestion des inscriptions {}", i + 1),
                "Mairie de Port-Exemple, 1 quai Est".to_string(),
                "Inscrire les usagers aux activités".to_string(),
                "Usagers ; parents".to_string(),
                "Identité ; coordonnées".to_string(),
                "Service jeunesse ; trésorerie".to_string(),
                "Aucun".to_string(),
                "3 ans après la dernière inscription".to_string(),
                "Contrôle d'accès ; journalisation".to_string(),
            ])
        })
        .collect();
    let register = register_of("Mairie de Port-Exemple, 1 quai Est, 29000 Quimper", &headers, rows);
    let layout = Layout {
        page: (842.0, 595.0),
        margin: 30.0,
        font: BaseFont::Helvetica,
        size: 8.0,
        widths: vec![90.0, 95.0, 95.0, 80.0, 80.0, 85.0, 70.0, 90.0, 95.0],
        ruled: true,
        repeat_header: true,
        padding: 3.0,
        ..Layout::default()
    };
    let got = extract(&register, &layout);
    assert_faithful(&register, &got);
    let fields = fields_of(&got);
    assert_eq!(
        fields,
        [
            "title",
            "controllers",
            "purposes",
            "data_subjects",
            "data_categories",
            "recipients",
            "transfers",
            "retention_period",
            "security"
        ]
    );
}

/// A borderless table whose cells all hold one line, set with little
/// padding: every distance between lines is a row pitch, none a line
/// spacing, and each line is still a row of its own.
#[test]
fn borderless_rows_of_one_line_each_with_little_padding() {
    let mut rows = Vec::new();
    for i in 0..12 {
        rows.push(Row::Record(
            [
                format!("{}", i + 1),
                format!("Fichier {}", i + 1),
                "Gérer les dossiers".into(),
                "Service RH".into(),
                "1 an".into(),
            ]
            .to_vec(),
        ));
    }
    let register = register_of(
        "Mairie, 1 place de la Mairie, 35000 Rennes",
        &["N°", "Traitement", "Finalité", "Destinataires", "Durée de conservation"],
        rows,
    );
    for padding in [1.0, 2.0, 4.0] {
        let layout = Layout {
            page: (842.0, 595.0),
            margin: 40.0,
            font: BaseFont::Helvetica,
            size: 9.0,
            widths: vec![30.0, 120.0, 160.0, 120.0, 120.0],
            ruled: false,
            repeat_header: true,
            padding,
            ..Layout::default()
        };
        let got = extract(&register, &layout);
        assert_faithful(&register, &got);
    }
}

/// Reads `rows` under four headers, typeset ruled and borderless on A4 in
/// 10 pt Times at column `widths` with the header repeated on every page,
/// and checks them read faithfully with two rows at least cut by a page
/// break.
fn assert_rows_cut_by_page_breaks_read(rows: Vec<Row>, widths: [f64; 4]) {
    let register = register_of(
        "Communauté de communes, 3 rue du Lac, 74000 Annecy",
        &["Nom du traitement", "Finalités", "Catégories de données", "Destinataires"],
        rows,
    );
    for ruled in [true, false] {
        let layout = Layout {
            page: (595.0, 842.0),
            margin: 40.0,
            font: BaseFont::Times,
            size: 10.0,
            widths: widths.to_vec(),
            ruled,
            repeat_header: true,
            padding: 4.0,
            ..Layout::default()
        };
        let got = extract(&register, &layout);
        assert_faithful(&register, &got);
        let spanning = got["records"].as_array().map_or(0, |r| {
            r.iter().filter(|r| r["provenance"]["pages"].as_array().is_some_and(|p| p.len() > 1)).count()
        });
        assert!(spanning >= 2, "rows cut by a page break: {spanning}");
    }
}

/// Rows cut by page breaks whose title goes on with a capital (a
/// title-case name): the row's other cells, going on in lower case where
/// the table's rows open theirs with a capital, show the row going on. The
/// test checks that rows were cut with their title unfinished.
#[test]
fn rows_cut_by_a_page_break_whose_title_goes_on_with_a_capital() {
    let rows = (0..40)
        .map(|i| {
            Row::Record(vec![
                format!("Traitement {} Des Demandes Et Des Dossiers Du Service Public Communal Et Intercommunal", i + 1),
                "Instruire les demandes des usagers du service, suivre leur traitement, produire des statistiques anonymes sur l’activité du service et répondre aux réclamations dans les délais prévus par les textes".to_string(),
                "Identité, coordonnées, pièces justificatives du dossier et correspondances échangées avec le service".to_string(),
                "Agents habilités du service instructeur et prestataire d’hébergement des données".to_string(),
            ])
        })
        .collect();
    assert_rows_cut_by_page_breaks_read(rows, [70.0, 200.0, 130.0, 110.0]);
}

/// Rows cut by page breaks that go on in their first and last cells only,
/// both with capitals (title-case text), their short middle cells finished
/// on the page before: only the cells the break cut go on, so the row
/// does, though as many of its cells open with a capital as look
/// continued.
#[test]
fn rows_cut_by_a_page_break_going_on_only_where_the_break_cut_them() {
    let rows = (0..40)
        .map(|i| {
            Row::Record(vec![
                format!(
                    "Traitement {} Des Demandes Des Usagers Du Service Public Communal Et Des Dossiers Du Service \
                     Instructeur",
                    i + 1
                ),
                "Instruire les demandes".to_string(),
                "Identité".to_string(),
                "Service Instructeur Et Agents Habilités De La Direction Des Services Techniques Et Du Contrôle"
                    .to_string(),
            ])
        })
        .collect();
    assert_rows_cut_by_page_breaks_read(rows, [70.0, 160.0, 130.0, 100.0]);
}

/// Section rows whose cell the table's inner rules still cross (a
/// typesetter drawing its column rules down the whole page) and whose
/// bold text fits the first column: a heading, not a record of one cell.
#[test]
fn bold_headings_in_the_first_column_under_column_rules() {
    let mut register = common::sample_register(16);
    for (k, row) in register.rows.iter_mut().enumerate() {
        if let Row::Section(text) = row {
            *text = format!("Domaine {}", k + 1);
        }
    }
    let layout = Layout {
        page: (842.0, 595.0),
        margin: 30.0,
        font: BaseFont::Helvetica,
        size: 7.5,
        widths: vec![60.0, 95.0, 95.0, 95.0, 95.0, 95.0, 95.0, 95.0],
        ruled: true,
        repeat_header: true,
        padding: 2.5,
        ..Layout::default()
    };
    let got = extract(&register, &layout);
    assert_faithful(&register, &got);
}

/// A header band centred vertically in a table too narrow for three
/// headers to share a line: `Intitulé` and `Transferts` sit level with the
/// middle of `Catégories de` / `données` and `Durée de` / `conservation`.
#[test]
fn a_narrow_centred_header_band_with_two_headers_per_line() {
    let mut rows = Vec::new();
    for i in 0..6 {
        rows.push(Row::Record(vec![
            format!("Fichier {}", i + 1),
            "Identité, coordonnées".to_string(),
            format!("{} ans", i + 1),
            "Aucun".to_string(),
        ]));
    }
    let register = register_of(
        "Syndicat des eaux, 2 route du Lac, 01000 Bourg",
        &["Intitulé", "Catégories de données", "Durée de conservation", "Transferts"],
        rows,
    );
    for ruled in [true, false] {
        let layout = Layout {
            page: (420.0, 595.0),
            margin: 36.0,
            font: BaseFont::Helvetica,
            size: 9.0,
            widths: vec![80.0, 80.0, 80.0, 80.0],
            ruled,
            padding: 4.0,
            centred_header: true,
            ..Layout::default()
        };
        let got = extract(&register, &layout);
        assert_faithful(&register, &got);
    }
}

/// A row deep in a table whose header is printed once, its cells opening
/// on header words (`traitement`, `finalités`, `données`, `destinataires`):
/// a line that looks like a header, on a page that prints none, is a row.
#[test]
fn a_row_of_header_words_on_a_later_page_is_no_header() {
    let mut rows = Vec::new();
    for i in 0..40 {
        let cells = if i == 30 {
            vec![
                "traitement des dossiers de subvention".to_string(),
                "finalités budgétaires et comptables".to_string(),
                "données bancaires des bénéficiaires".to_string(),
                "destinataires habilités du service".to_string(),
            ]
        } else {
            vec![
                format!("Fichier {}", i + 1),
                "Gérer les dossiers des usagers et suivre leur traitement".to_string(),
                "Identité, coordonnées".to_string(),
                "Service instructeur".to_string(),
            ]
        };
        rows.push(Row::Record(cells));
    }
    let register = register_of(
        "Mairie, 1 place de la Mairie, 44000 Nantes",
        &["Intitulé", "Finalités", "Catégories de données", "Destinataires"],
        rows,
    );
    let layout = Layout {
        page: (420.0, 595.0),
        margin: 36.0,
        font: BaseFont::Helvetica,
        size: 9.0,
        widths: vec![80.0, 90.0, 90.0, 100.0],
        repeat_header: false,
        ..Layout::default()
    };
    let got = extract(&register, &layout);
    assert_faithful(&register, &got);
    let page_of_row = got["records"][30]["provenance"]["pages"][0].as_u64();
    assert!(page_of_row.is_some_and(|p| p > 1), "the row is on a later page: {page_of_row:?}");
}

/// A column of short cells between rules, whose longest line is a word
/// that wrapped (`Sous-traitants` / `agréés`): the rules, not that line,
/// show where the column's text ends, and the word is no cut.
#[test]
fn a_wrapped_word_that_is_its_ruled_columns_longest_line_is_no_cut() {
    let mut rows = Vec::new();
    for i in 0..5 {
        rows.push(Row::Record(vec![
            format!("Fichier {}", i + 1),
            "Gérer les dossiers des usagers".to_string(),
            if i == 2 { "Sous-traitants agréés".to_string() } else { "Mairie".to_string() },
        ]));
    }
    let register =
        register_of("Mairie, 1 place de la Mairie, 44000 Nantes", &["Intitulé", "Finalités", "Destinataires"], rows);
    let layout = Layout {
        page: (420.0, 595.0),
        margin: 36.0,
        font: BaseFont::Helvetica,
        size: 9.0,
        widths: vec![80.0, 120.0, 72.0],
        ..Layout::default()
    };
    let got = extract(&register, &layout);
    assert_faithful(&register, &got);
}

/// Eight columns of 8 pt Helvetica sized to their texts on A4 landscape.
fn landscape_columns() -> Layout {
    Layout {
        page: (842.0, 595.0),
        font: BaseFont::Helvetica,
        widths: vec![24.0, 80.0, 150.0, 90.0, 120.0, 80.0, 100.0, 120.0],
        ..Layout::default()
    }
}

/// A borderless table of centred cells whose row runs over two pages and
/// more, its cells set from the top of each part (LibreOffice): the band
/// of text between whitespace gaps holds one row, not a row of short cells
/// centred on the tall cell's first lines and a row of that cell's rest.
/// Before, the rest read as a record of its own, untitled.
#[test]
fn a_centred_row_taller_than_a_page_keeps_its_cells_together() {
    let mut register = common::sample_register(6);
    let long: Vec<String> = (1..=60)
        .map(|i| format!("mesure technique numéro {i} appliquée aux serveurs et contrôlée chaque trimestre"))
        .collect();
    if let Some(Row::Record(cells)) = register.rows.get_mut(3)
        && let Some(cell) = cells.get_mut(2)
    {
        *cell = format!("Sécuriser les serveurs : {}", long.join(" ; "));
    }
    let layout = Layout { ruled: false, centred_cells: true, cut_rows_from_top: true, ..landscape_columns() };
    let got = extract(&register, &layout);
    assert_faithful(&register, &got);
}

/// A table ruled by nothing but its shaded rows (jsPDF-AutoTable's
/// striped theme): the last record, unshaded, lies below the lowest
/// shaded edge, with the notes under it. Before, that record and the
/// first note were dropped.
#[test]
fn zebra_rows_whose_last_row_is_unshaded() {
    let mut register = common::sample_register(4);
    register.notes.push("Les destinataires sont habilités et soumis au secret professionnel.".to_string());
    let layout = Layout { ruled: false, repeat_header: false, zebra: true, ..landscape_columns() };
    let got = extract(&register, &layout);
    assert_faithful(&register, &got);
}

/// A table that ends on a page whose notes go on over the next: the page
/// of notes holds no row, so the table ended a page before it, and the
/// notes under the table are notes too. Before, the first was dropped.
#[test]
fn notes_set_over_two_pages_after_the_table() {
    for ruled in [true, false] {
        let mut register = common::sample_register(4);
        register.notes.push("Pour exercer vos droits, écrivez au délégué à la protection des données.".to_string());
        let layout = Layout { ruled, last_note_on_new_page: true, ..landscape_columns() };
        let got = extract(&register, &layout);
        assert_faithful(&register, &got);
    }
}

/// A borderless table whose section headings are shaded bands across it,
/// each short enough to fit in the first column: the bands' edges part no
/// records. Before, they were taken for row rules, and the records between
/// two bands read as one.
#[test]
fn shaded_section_bands_in_a_borderless_table() {
    let register = register_with_short_headings();
    let layout = Layout { ruled: false, shaded_sections: true, ..equal_columns() };
    let got = extract(&register, &layout);
    assert_faithful(&register, &got);
}

/// A ruled table that sizes each column to its longest word, as
/// jsPDF-AutoTable does when its table is wider than the page: that word
/// fills its line to the column's edge,
/// which reads like a word cut there (`Ressources` / `humaines`), unless
/// the table shows it never has to cut one: in two columns or more, the
/// widest line is one word flush with the edge. Before, `Ressources
/// humaines` read as one word.
#[test]
fn columns_sized_to_their_longest_words_cut_none() {
    let cells = |i: usize| {
        vec![
            format!("{}", i + 1),
            ["Ressources humaines", "Urbanisme et aménagement", "Ressources numériques"][i % 3].to_string(),
            ["Administration générale", "Communication interne", "Administration des écoles"][i % 3].to_string(),
            "Identité, coordonnées et situation professionnelle des agents concernés".to_string(),
        ]
    };
    let register = register_of(
        "Mairie de Test, 1 place de la Mairie, 00000 Test",
        &["N°", "Service", "Direction", "Données"],
        (0..6).map(|i| Row::Record(cells(i))).collect(),
    );
    let (size, padding) = (8.0, 3.0);
    let fit = |word: &str| BaseFont::Helvetica.width(false, word, size) + 2.0 * padding;
    let layout = Layout {
        font: BaseFont::Helvetica,
        size,
        padding,
        widths: vec![
            24.0,
            fit("aménagement").max(fit("Ressources")),
            fit("Administration").max(fit("Communication")),
            200.0,
        ],
        ..Layout::default()
    };
    let got = extract(&register, &layout);
    assert_faithful(&register, &got);
}

/// A table wider than its page (a generator that sizes columns without
/// looking at the page): the last column runs 45 pt past the right edge.
/// A viewer clips it, but the file holds the words set there, and they are
/// the cells' own.
#[test]
fn a_table_wider_than_its_page_keeps_its_last_column_whole() {
    let register = common::sample_register(5);
    for ruled in [true, false] {
        let layout =
            Layout { widths: vec![24.0, 70.0, 90.0, 60.0, 80.0, 60.0, 70.0, 150.0], ruled, ..Layout::default() };
        let got = extract(&register, &layout);
        assert_faithful(&register, &got);
    }
}

/// Headers worded otherwise than the SPEC's examples: each maps to the
/// field it names, and `Données sensibles` (article 9, mostly `Oui` or
/// `Non`) keeps a column of its own even where no data categories column
/// claims the data.
#[test]
fn headers_worded_otherwise_map_to_their_fields() {
    let headers = [
        "Nom du traitement",
        "Objectif(s) poursuivi(s)",
        "Public concerné",
        "Données sensibles",
        "Prestataires",
        "Durée de conservation",
    ];
    let rows = (0..5)
        .map(|i| {
            Row::Record(vec![
                format!("Portail famille {}", i + 1),
                "Inscrire les enfants aux activités périscolaires".to_string(),
                "Parents ; enfants".to_string(),
                if i % 2 == 0 { "Non" } else { "Oui : santé" }.to_string(),
                "Éditeur du portail".to_string(),
                "2 ans après la dernière inscription".to_string(),
            ])
        })
        .collect();
    let register = register_of("Commune de Val-Exemple, 3 rue Haute, 35000 Rennes", &headers, rows);
    let layout = Layout { widths: vec![90.0, 120.0, 80.0, 60.0, 80.0, 90.0], ..Layout::default() };
    let got = extract(&register, &layout);
    assert_faithful(&register, &got);
    let fields = fields_of(&got);
    assert_eq!(fields, ["title", "purposes", "data_subjects", "donnees_sensibles", "processors", "retention_period"]);
}

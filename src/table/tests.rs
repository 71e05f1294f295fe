use super::*;

#[test]
fn a_shifted_page_takes_its_own_gutters_past_an_empty_column_and_hanging_marks() {
    let carried = vec![
        column("N°", 0.0, 30.0, 10.0),
        column("Traitement", 30.0, 150.0, 80.0),
        column("Données", 150.0, 300.0, 200.0),
        column("Durée", 300.0, 400.0, 330.0),
    ];
    // The page sets its columns left of the carried ones, leaves the
    // first one empty, parts a justified cell's words (`Identité   et`,
    // two phrases) and hangs list marks in the gutter before their items.
    let page = [
        line(
            12.0,
            &[
                ("Dossier", 30.0, 65.0),
                ("•", 120.0, 125.0),
                ("Identité", 135.0, 175.0),
                ("et", 220.0, 230.0),
                ("20", 270.0, 280.0),
                ("ans", 285.0, 300.0),
            ],
        ),
        line(24.0, &[("patient", 30.0, 65.0), ("coordonnées", 135.0, 190.0), ("après", 270.0, 295.0)]),
        line(36.0, &[("•", 120.0, 125.0), ("Santé", 135.0, 160.0)]),
    ];
    let lines: Vec<&Line> = page.iter().collect();
    let mut columns = carried;
    anchor_to_gutters(&mut columns, &lines);
    let starts: Vec<f64> = columns.iter().map(|c| c.x0).collect();
    assert_eq!(starts, [0.0, 30.0, 120.0, 270.0]);
}

#[test]
fn a_label_set_apart_over_headers_below_heads_them_where_centred_headers_do_not() {
    let bounds = [(0.0, 100.0), (100.0, 200.0), (200.0, 300.0), (300.0, 400.0)];
    // `Catégories`, a line left empty, then its two columns' headers;
    // `Nom du traitement` takes the band's first two lines.
    let grouped = [
        line(12.0, &[("Nom", 0.0, 20.0), ("du", 25.0, 35.0), ("Catégories", 100.0, 150.0)]),
        line(24.0, &[("traitement", 0.0, 50.0)]),
        line(36.0, &[("Personnes", 100.0, 145.0), ("Données", 200.0, 240.0)]),
        line(48.0, &[("concernées", 100.0, 150.0)]),
    ];
    let band: Vec<&Line> = grouped.iter().collect();
    let labels = labels_set_apart(&band, &bounds);
    let spans: Vec<(std::ops::Range<usize>, f64, f64)> = labels.iter().map(|l| (l.lines.clone(), l.x0, l.x1)).collect();
    assert_eq!(spans, [(0..1, 100.0, 300.0)]);
    // Headers centred vertically: `Durée` sits level with the middle
    // line of `Catégories de / données / traitées`, with no line empty.
    let centred = [
        line(12.0, &[("Catégories", 0.0, 50.0), ("de", 55.0, 65.0)]),
        line(24.0, &[("données", 0.0, 40.0), ("Durée", 100.0, 125.0)]),
        line(36.0, &[("traitées", 0.0, 40.0)]),
    ];
    let band: Vec<&Line> = centred.iter().collect();
    assert!(labels_set_apart(&band, &bounds).is_empty());
    // The same in a text rendering, which sets the centred headers on
    // alternate lines: `Nom du` / `traite‐` / `ment` two lines apart,
    // `Personnes` / `concernées` between them, and `Finalités` level
    // with `traite‐`. `Nom du` steps down to `traite‐` as far as
    // `traite‐` does to `ment`: no label over `Finalités`.
    let interleaved = [
        line(12.0, &[("Nom", 0.0, 20.0), ("du", 25.0, 35.0)]),
        line(24.0, &[("Personnes", 200.0, 245.0)]),
        line(36.0, &[("traite‐", 0.0, 35.0), ("Finalités", 100.0, 145.0)]),
        line(48.0, &[("concernées", 200.0, 250.0)]),
        line(60.0, &[("ment", 0.0, 20.0)]),
    ];
    let band: Vec<&Line> = interleaved.iter().collect();
    assert!(labels_set_apart(&band, &bounds).is_empty());
}

#[test]
fn a_header_centred_over_a_wider_column_opens_it_where_its_text_does() {
    // `Finalités` is centred over its column (its header at 100), whose
    // lines all open at 60, after the gutter that ends `Traitement`'s
    // text (at 45); `Base légale` sits at its column's edge.
    let mut columns = vec![
        column("Traitement", 0.0, 100.0, 50.0),
        column("Finalités", 100.0, 200.0, 145.0),
        column("Base légale", 200.0, 300.0, 255.0),
    ];
    let body = [
        line(12.0, &[("Verser", 60.0, 90.0), ("la", 95.0, 105.0), ("paie", 110.0, 130.0)]),
        line(24.0, &[("Paie", 0.0, 20.0), ("des", 25.0, 40.0), ("Obligation", 200.0, 250.0)]),
        line(36.0, &[("et", 60.0, 70.0), ("les", 75.0, 90.0), ("cotisations", 95.0, 150.0)]),
        line(48.0, &[("agents", 0.0, 30.0), ("légale", 200.0, 230.0)]),
        line(60.0, &[("dues", 60.0, 80.0)]),
    ];
    let lines: Vec<&Line> = body.iter().collect();
    open_columns_where_their_text_does(&mut columns, &lines);
    let bounds: Vec<(f64, f64)> = columns.iter().map(|c| (c.x0, c.x1)).collect();
    assert_eq!(bounds, [(0.0, 57.5), (57.5, 200.0), (200.0, 300.0)]);
    // Where the left column's text runs past that opening, it is the
    // left column's own (an indented line), and nothing moves.
    let mut columns = vec![column("Traitement", 0.0, 100.0, 50.0), column("Finalités", 100.0, 200.0, 145.0)];
    let indented = [
        line(12.0, &[("Paie", 0.0, 20.0), ("des", 25.0, 40.0), ("agents", 45.0, 75.0)]),
        line(24.0, &[("et", 60.0, 70.0)]),
        line(36.0, &[("Paie", 0.0, 20.0), ("des", 25.0, 40.0), ("élus", 45.0, 75.0)]),
        line(48.0, &[("et", 60.0, 70.0)]),
    ];
    let lines: Vec<&Line> = indented.iter().collect();
    open_columns_where_their_text_does(&mut columns, &lines);
    assert_eq!(columns.get(1).map(|c| c.x0), Some(100.0));
}

/// A column under `header`, from `x0` to `x1`, its header ending at `header_x1`.
fn column(header: &str, x0: f64, x1: f64, header_x1: f64) -> Column {
    Column { header: header.into(), key: header.into(), x0, x1, header_x1 }
}

/// A line of words at the given x ranges (10 pt type, baseline `y`).
fn line(y: f64, words: &[(&str, f64, f64)]) -> Line {
    let words: Vec<Word> = words
        .iter()
        .map(|(text, x0, x1)| Word {
            text: (*text).to_string(),
            bbox: Rect { x0: *x0, y0: y - 8.0, x1: *x1, y1: y + 2.0 },
            font_size: 10.0,
            bold: false,
            space_after: false,
        })
        .collect();
    group_lines(&words).into_iter().next().unwrap_or_else(|| unreachable!("one line"))
}

#[test]
fn page_numbers_in_the_margins_are_furniture_even_on_one_page() {
    let page = |number: u32, footer: &str| {
        let body = |y: f64, text: &str| -> Vec<Word> {
            text.split(' ')
                .enumerate()
                .map(|(i, w)| Word {
                    text: w.to_string(),
                    bbox: Rect { x0: 50.0 + 60.0 * i as f64, y0: y - 8.0, x1: 100.0 + 60.0 * i as f64, y1: y + 2.0 },
                    font_size: 10.0,
                    bold: false,
                    space_after: true,
                })
                .collect()
        };
        let words = [body(100.0, "N° Traitement"), body(112.0, "1 Paie"), body(780.0, footer)].concat();
        Page { number, width: 600.0, height: 800.0, words, rules: Vec::new(), character_grid: false }
    };
    let held = |pages: &[Page]| {
        let pages: Vec<PageLines> = pages.iter().map(PageLines::new).collect();
        let running = RunningLines::find(&pages);
        pages.iter().map(|p| p.lines.iter().map(|l| running.holds(p, l)).collect::<Vec<bool>>()).collect::<Vec<_>>()
    };
    // One page: its number, alone or ending the footer, is furniture;
    // other words set there are not (they may be the register's notes).
    assert_eq!(held(&[page(1, "Page 1 sur 1")]), [[false, false, true]]);
    assert_eq!(held(&[page(1, "Mis à jour le 5 janvier 2025 1/1")]), [[false, false, true]]);
    assert_eq!(held(&[page(1, "Mis à jour le 5 janvier 2025")]), [[false, false, false]]);
    // Pages 9 and 10 print one footer, their numbers' digits aside.
    assert_eq!(
        held(&[page(9, "Registre RGPD page 9 of 10"), page(10, "Registre RGPD page 10 of 10")]),
        [[false, false, true], [false, false, true]]
    );
    // A footer of two lines is one block: the line over the page
    // number goes with it.
    let mut two_lines = page(1, "Page 1 / 1");
    two_lines.words.push(Word {
        text: "Direction".to_string(),
        bbox: Rect { x0: 50.0, y0: 760.0, x1: 100.0, y1: 770.0 },
        font_size: 10.0,
        bold: false,
        space_after: false,
    });
    assert_eq!(held(&[two_lines]), [[false, false, true, true]]);
}

#[test]
fn a_borderless_header_is_parted_at_a_cell_padding_its_stacked_lines_stop_at() {
    // `Responsable` / `de traitement` / `(et co-RT)` beside `Catégories
    // de données traitées`, 6.6 apart where the words are 2.5 apart.
    let band = [
        line(
            12.0,
            &[
                ("Responsable", 0.0, 53.3),
                ("Catégories", 59.9, 105.4),
                ("de", 107.9, 117.9),
                ("données", 120.4, 154.8),
                ("traitées", 157.3, 188.9),
            ],
        ),
        line(24.0, &[("de", 0.0, 9.9), ("traitement", 12.4, 57.3)]),
        line(36.0, &[("(et", 0.0, 11.1), ("co-RT)", 13.6, 43.2)]),
    ];
    let groups = |band: &[Line]| header_groups(&band.iter().collect::<Vec<_>>(), &[]).len();
    assert_eq!(groups(&band), 2);
    // Justified, `Nom du traite-` over `ment` stretches every gap of its
    // line alike: one header.
    let justified = [
        line(12.0, &[("Nom", 0.0, 20.5), ("du", 28.2, 39.4), ("traite-", 47.1, 73.7)]),
        line(24.0, &[("ment", 0.0, 21.7)]),
    ];
    assert_eq!(groups(&justified), 1);
    // Between the controllers' stacked lines and `personnes concernées`,
    // only the gap before the word aligned with `personnes` parts
    // headers: `Catégories de données traitées` stays whole.
    let cut = [
        line(
            12.0,
            &[
                ("Respons", 286.8, 334.3),
                ("Catégories", 342.8, 403.5),
                ("de", 406.9, 420.9),
                ("données", 424.4, 472.1),
                ("traitées", 475.6, 519.8),
                ("Catégories", 526.9, 587.6),
                ("de", 591.0, 605.0),
            ],
        ),
        line(24.0, &[("able", 286.8, 315.0), ("de", 318.5, 332.0), ("personnes", 526.9, 590.0)]),
        line(36.0, &[("traiteme", 286.8, 334.0), ("concernées", 526.9, 600.0)]),
    ];
    assert_eq!(groups(&cut), 3);
    // A text rendering keeps one space of the padding (5 wide, as a
    // word space): the known header whole after it still parts.
    let rendered = [
        line(
            12.0,
            &[
                ("Responsable", 0.0, 55.0),
                ("Catégories", 60.0, 110.0),
                ("de", 115.0, 125.0),
                ("données", 130.0, 165.0),
                ("traitées", 170.0, 210.0),
            ],
        ),
        line(24.0, &[("de", 0.0, 10.0), ("traitement", 15.0, 55.0)]),
    ];
    assert_eq!(groups(&rendered), 2);
}

/// Bottom-aligned rows with no gap between them (a text rendering of
/// cells set without padding): each row ends with its number, and a
/// number two lines under the one before is the next row's, not the
/// same cell's second line; centred, that could be one cell.
#[test]
fn bottom_aligned_rows_end_with_their_first_cell() {
    let first = column("N°", 0.0, 20.0, 15.0);
    let band = [
        line(12.0, &[("Calculer", 100.0, 150.0)]),
        line(24.0, &[("1", 0.0, 5.0), ("les", 100.0, 120.0)]),
        line(36.0, &[("Gérer", 100.0, 130.0)]),
        line(48.0, &[("2", 0.0, 5.0), ("la", 100.0, 110.0)]),
        line(60.0, &[("Délivrer", 100.0, 150.0)]),
        line(72.0, &[("3", 0.0, 5.0), ("les", 100.0, 120.0)]),
    ];
    let rows = |alignment| -> Vec<usize> {
        split_band(band.iter().collect(), std::slice::from_ref(&first), alignment, PageBreaks::default())
            .iter()
            .map(Vec::len)
            .collect()
    };
    assert_eq!(rows(Alignment::Bottom), [2, 2, 2]);
    let runs = first_column_runs(&band.iter().collect::<Vec<_>>(), &first, CENTRED_RUN_GAP);
    assert_eq!(runs.len(), 1, "centred, the numbers may be one cell's lines: {runs:?}");
    // Rows set without padding run their numbers together (`2` right
    // over `3`, a one-line row): each number still ends its row.
    let band = [
        line(12.0, &[("Calculer", 100.0, 150.0)]),
        line(24.0, &[("1", 0.0, 5.0), ("les", 100.0, 120.0)]),
        line(36.0, &[("2", 0.0, 5.0), ("Gérer", 100.0, 130.0)]),
        line(48.0, &[("3", 0.0, 5.0), ("Délivrer", 100.0, 150.0)]),
    ];
    let rows: Vec<usize> =
        split_band(band.iter().collect(), std::slice::from_ref(&first), Alignment::Bottom, PageBreaks::default())
            .iter()
            .map(Vec::len)
            .collect();
    assert_eq!(rows, [2, 1, 1]);
}

/// Bottom-aligned rows with no gap between them and no numbers: the
/// first cells of two rows run together in the first column, and a row
/// ends on a line holding text in every column of the row, none of it
/// cut at a hyphen, right over a line whose cells all open as cells do.
#[test]
fn bottom_aligned_rows_part_where_a_line_closes_every_cell() {
    let columns = [column("Domaine", 0.0, 100.0, 40.0), column("Finalité", 100.0, 200.0, 140.0)];
    let rows = |second_row_opening: &str, first_row_end: &str| -> Vec<usize> {
        let band = [
            line(12.0, &[("Gérer", 100.0, 130.0), ("les", 135.0, 150.0)]),
            line(24.0, &[("Enfance", 0.0, 40.0), ("et", 45.0, 55.0), ("inscriptions", 100.0, 160.0)]),
            line(36.0, &[("jeunesse", 0.0, 45.0), (first_row_end, 100.0, 150.0)]),
            line(48.0, &[(second_row_opening, 0.0, 25.0), ("civil", 30.0, 50.0), ("Tenir", 100.0, 130.0)]),
            line(60.0, &[("citoyenneté", 0.0, 55.0), ("listes", 100.0, 130.0)]),
        ];
        split_band(band.iter().collect(), &columns, Alignment::Bottom, PageBreaks::default())
            .iter()
            .map(Vec::len)
            .collect()
    };
    assert_eq!(rows("État", "scolaires"), [3, 2]);
    assert_eq!(rows("état", "scolaires"), [5], "a cell going on in lower case");
    assert_eq!(rows("État", "sco\u{2010}"), [5], "a word cut at the line's end");
}

/// Centred rows set without space between them, as a text rendering
/// writes them: each row's shorter cells interleave with its tallest
/// one at half the spacing, and the first column's cells of two rows
/// follow each other right under each other. The rows part where each
/// is centred on its tallest cell, not at the first column's gaps.
#[test]
fn centred_rows_without_space_part_where_each_is_centred() {
    let columns = [column("Intitulé", 0.0, 100.0, 40.0), column("Finalités", 100.0, 200.0, 140.0)];
    let band = [
        // Row 1: five lines of finalités, the title's four between them.
        line(12.0, &[("Gérer", 100.0, 130.0)]),
        line(24.0, &[("Paie", 0.0, 20.0)]),
        line(36.0, &[("les", 100.0, 120.0)]),
        line(48.0, &[("des", 0.0, 20.0)]),
        line(60.0, &[("dossiers", 100.0, 150.0)]),
        line(72.0, &[("agents", 0.0, 40.0)]),
        line(84.0, &[("des", 100.0, 120.0)]),
        line(96.0, &[("publics", 0.0, 40.0)]),
        line(108.0, &[("agents", 100.0, 140.0)]),
        // Row 2: two lines in each column.
        line(120.0, &[("Congés", 0.0, 40.0), ("Suivre", 100.0, 140.0)]),
        line(132.0, &[("annuels", 0.0, 40.0), ("les", 100.0, 120.0)]),
    ];
    let rows: Vec<usize> = split_band(band.iter().collect(), &columns, Alignment::Centre, PageBreaks::default())
        .iter()
        .map(Vec::len)
        .collect();
    assert_eq!(rows, [9, 2]);
}

/// One phrase across a boundary is a heading where it opens in the
/// first column; opening in a later column, it is a row's cells a text
/// rendering ran together.
#[test]
fn a_phrase_across_columns_is_a_heading_only_where_it_opens_as_one() {
    let columns = [
        column("Intitulé", 0.0, 100.0, 40.0),
        column("Finalités", 100.0, 200.0, 140.0),
        column("Durée", 200.0, 300.0, 230.0),
    ];
    let words = |x: f64| -> Vec<(&str, f64, f64)> {
        ["agents", "familles", "courriel", "coordonnées", "usagers"]
            .iter()
            .enumerate()
            .map(|(i, w)| (*w, x + 26.0 * i as f64, x + 26.0 * i as f64 + 23.0))
            .collect()
    };
    assert!(full_width(&line(12.0, &words(2.0)), &columns, &[]));
    assert!(!full_width(&line(12.0, &words(150.0)), &columns, &[]));
}

#[test]
fn cells_parted_by_a_narrow_gutter_are_no_heading_across_them() {
    let columns = vec![column("Destinataires", 0.0, 100.0, 60.0), column("Durée", 100.0, 200.0, 130.0)];
    // Word gaps of 2.5 pt; 6 pt at the boundary (x = 100): two cells.
    let cells = line(
        12.0,
        &[("candidatures", 40.0, 74.0), ("identité", 76.5, 94.0), ("direction", 100.0, 125.0), ("les", 127.5, 135.0)],
    );
    assert!(!full_width(&cells, &columns, &[]));
    // Even gaps, one of them over the boundary: a heading across both.
    let heading = line(
        12.0,
        &[("Gestion", 40.0, 70.0), ("des", 72.5, 85.0), ("ressources", 87.5, 120.0), ("humaines", 122.5, 150.0)],
    );
    assert!(full_width(&heading, &columns, &[]));
    // Three words: the one other gap shows the usual one.
    let cells = line(12.0, &[("candidatures", 40.0, 74.0), ("numéro", 76.5, 94.0), ("suivi", 100.0, 115.0)]);
    assert!(!full_width(&cells, &columns, &[]));
    // Two words, no other gap: a space of a monospaced font (0.6 font
    // size) over the boundary still joins a heading.
    let heading = line(12.0, &[("Domaine", 55.0, 97.0), ("RH", 103.0, 115.0)]);
    assert!(full_width(&heading, &columns, &[]));
    // Monospaced: spaces of 6 pt, a gutter of 7.5 pt, the next word at
    // the column's start: two cells; shifted off it, one heading.
    let cells =
        line(12.0, &[("suivi", 40.0, 70.0), ("avec", 76.0, 92.5), ("ministère", 100.0, 154.0), ("RH", 160.0, 172.0)]);
    assert!(!full_width(&cells, &columns, &[]));
    let heading =
        line(12.0, &[("suivi", 44.0, 74.0), ("avec", 80.0, 96.5), ("ministère", 104.0, 158.0), ("RH", 164.0, 176.0)]);
    assert!(full_width(&heading, &columns, &[]));
    // Justified cells stretch their word gaps (7 pt) past the gutters
    // (4 pt): a row's first line still, its words opening two columns at
    // their starts; a heading's words fall elsewhere.
    let columns = vec![
        column("Nom", 0.0, 100.0, 30.0),
        column("Finalité", 100.0, 200.0, 140.0),
        column("Base", 200.0, 300.0, 230.0),
    ];
    let cells = line(
        12.0,
        &[
            ("Revenu", 0.0, 40.0),
            ("de", 47.0, 57.0),
            ("soli‐", 64.0, 96.0),
            ("Instruire", 100.0, 140.0),
            ("les", 147.0, 160.0),
            ("demandes", 167.0, 196.0),
            ("Obligation", 200.0, 240.0),
        ],
    );
    assert!(!full_width(&cells, &columns, &[]));
    let heading = line(
        12.0,
        &[
            ("Ressources", 0.0, 60.0),
            ("humaines", 67.0, 110.0),
            ("et", 117.0, 127.0),
            ("relations", 134.0, 190.0),
            ("sociales", 197.0, 240.0),
        ],
    );
    assert!(full_width(&heading, &columns, &[]));
}

#[test]
fn a_row_whose_cells_run_up_to_each_other_is_no_merged_row() {
    let columns =
        vec![column("N°", 0.0, 20.0, 10.0), column("Durée", 20.0, 120.0, 60.0), column("Mesures", 120.0, 220.0, 160.0)];
    // Cells set without padding: `l’exercice` ends one space before
    // `nominatives`, one phrase across the boundary, but the row's
    // other line holds several phrases.
    let row = [
        line(12.0, &[("1", 0.0, 5.0), ("10", 20.0, 30.0), ("ans", 35.0, 50.0), ("Habilitations", 120.0, 180.0)]),
        line(
            24.0,
            &[
                ("la", 20.0, 30.0),
                ("clôture", 35.0, 70.0),
                ("de", 75.0, 85.0),
                ("l’exercice", 90.0, 117.0),
                ("nominatives", 120.0, 175.0),
            ],
        ),
    ];
    assert!(!is_merged_row(&row.iter().collect::<Vec<_>>(), &columns, &[], true));
    // A heading across the columns is one phrase a line.
    let heading =
        [line(12.0, &[("Services", 0.0, 40.0), ("à", 45.0, 50.0), ("la", 55.0, 65.0), ("population", 70.0, 130.0)])];
    assert!(is_merged_row(&heading.iter().collect::<Vec<_>>(), &columns, &[], true));
}

#[test]
fn notes_set_with_loose_spacing_keep_their_wrapped_lines_together() {
    // 10 pt type, 16 pt between every pair of lines: the spacing alone
    // parts nothing; a sentence ended short of the margin does.
    let notes = [
        line(16.0, &[("Les", 0.0, 15.0), ("durées", 20.0, 50.0), ("sauf", 350.0, 370.0), ("mention", 375.0, 400.0)]),
        line(32.0, &[("contraire.", 0.0, 45.0)]),
        line(48.0, &[("Pour", 0.0, 20.0), ("exercer", 25.0, 60.0), ("l’agence.", 120.0, 160.0)]),
    ];
    let found = paragraphs(&notes.iter().collect::<Vec<_>>(), 400.0);
    let texts: Vec<String> = found.iter().map(|p| p.iter().map(Line::text).collect::<Vec<_>>().join(" ")).collect();
    assert_eq!(texts, ["Les durées sauf mention contraire.", "Pour exercer l’agence."]);
    // Spaced wider than its lines, a note opens a paragraph.
    let spaced = [line(16.0, &[("Première", 0.0, 400.0)]), line(40.0, &[("Seconde", 0.0, 50.0)])];
    assert_eq!(paragraphs(&spaced.iter().collect::<Vec<_>>(), 400.0).len(), 2);
    // A sentence ending near the margin, where the next line's first
    // word would still have fit after it, ended its paragraph (a wider
    // page than the table); one the word would not have fit after may
    // go on.
    let fitting =
        [line(16.0, &[("fonctions.", 0.0, 360.0)]), line(32.0, &[("Mesures", 0.0, 30.0), ("de", 35.0, 395.0)])];
    assert_eq!(paragraphs(&fitting.iter().collect::<Vec<_>>(), 300.0).len(), 2);
    let full = [line(16.0, &[("fonctions.", 0.0, 380.0)]), line(32.0, &[("Des", 0.0, 30.0), ("de", 35.0, 395.0)])];
    assert_eq!(paragraphs(&full.iter().collect::<Vec<_>>(), 300.0).len(), 1);
}

#[test]
fn a_record_number_alone_in_the_first_column_is_a_code() {
    let columns = vec![column("N°", 0.0, 20.0, 10.0), column("Traitement", 20.0, 120.0, 60.0)];
    let numbered = line(12.0, &[("6", 0.0, 5.0), ("Consultations", 20.0, 80.0)]);
    assert!(first_column_code(&numbered, &columns));
    let code = line(12.0, &[("R-06", 0.0, 18.0), ("Consultations", 20.0, 80.0)]);
    assert!(first_column_code(&code, &columns));
    let wrapped = line(24.0, &[("public", 20.0, 50.0)]);
    assert!(!first_column_code(&wrapped, &columns));
    let quantity = line(12.0, &[("5", 0.0, 5.0), ("ans", 8.0, 18.0)]);
    assert!(!first_column_code(&quantity, &columns));
}

#[test]
fn a_row_sets_its_columns_where_its_lines_start() {
    let columns = vec![column("Données", 0.0, 100.0, 40.0), column("Personnes", 100.0, 200.0, 140.0)];
    // This row sets the second column at 90, one space after the first
    // column's text; the table's boundary is at 100.
    let lines = [
        line(12.0, &[("Identité,", 0.0, 45.0), ("coordonnées,", 50.0, 85.0), ("Enfants", 90.0, 125.0)]),
        line(24.0, &[("informations", 0.0, 60.0), ("médicales", 65.0, 85.0), ("ans", 90.0, 105.0)]),
    ];
    let block: Vec<&Line> = lines.iter().collect();
    let aligned = align_to_row(&block, &columns);
    assert!(aligned.get(1).is_some_and(|c| c.x0 > 85.0 && c.x0 < 90.0), "{aligned:?}");
    // A row whose lines start at the boundary keeps it.
    let lines = [
        line(12.0, &[("Identité", 0.0, 45.0), ("Parents", 102.0, 140.0)]),
        line(24.0, &[("adresse", 0.0, 40.0), ("enfants", 102.0, 140.0)]),
    ];
    let block: Vec<&Line> = lines.iter().collect();
    assert_eq!(align_to_row(&block, &columns).get(1).map(|c| c.x0), Some(100.0));
    // A text rendering starts the column's lines a character apart (5
    // points at 10 pt), one space after the first column's text on the
    // second line: both lines start the column.
    let lines = [
        line(12.0, &[("Consentement", 30.0, 90.0), ("Usagers", 95.0, 130.0)]),
        line(24.0, &[("(art.", 30.0, 55.0), ("6-1-a", 60.0, 85.0), ("service", 90.0, 125.0)]),
    ];
    let block: Vec<&Line> = lines.iter().collect();
    let aligned = align_to_row(&block, &columns);
    assert!(aligned.get(1).is_some_and(|c| c.x0 > 85.0 && c.x0 < 90.0), "{aligned:?}");
    // Six characters left of the boundary (30 points, past the usual
    // shift of four): three lines must start the column there, as
    // pdftotext sets a row whose cells run up to each other.
    let far = |third: (&'static str, f64, f64)| {
        [
            line(12.0, &[("Service", 0.0, 35.0), ("des", 40.0, 55.0), ("10", 70.0, 80.0), ("ans", 85.0, 100.0)]),
            line(24.0, &[("ressources", 0.0, 30.0), ("humaines", 33.0, 65.0), ("la", 70.0, 80.0)]),
            line(36.0, &[third, ("exercice", 110.0, 150.0)]),
        ]
    };
    let lines = far(("l’agence", 70.0, 105.0));
    let block: Vec<&Line> = lines.iter().collect();
    let aligned = align_to_row(&block, &columns);
    assert!(aligned.get(1).is_some_and(|c| c.x0 > 65.0 && c.x0 < 70.0), "{aligned:?}");
    let lines = far(("agents", 0.0, 30.0));
    let block: Vec<&Line> = lines.iter().collect();
    assert_eq!(align_to_row(&block, &columns).get(1).map(|c| c.x0), Some(100.0));
    // Three lines of the first cell ending on words that start there by
    // chance, none running into the next column: the boundary stays.
    let mut lines = far(("l’agence", 70.0, 95.0));
    if let Some(third) = lines.get_mut(2) {
        third.words.truncate(1);
    }
    let block: Vec<&Line> = lines.iter().collect();
    assert_eq!(align_to_row(&block, &columns).get(1).map(|c| c.x0), Some(100.0));
}

#[test]
fn a_one_line_cell_set_far_left_of_its_empty_column_opens_it() {
    let columns = vec![
        column("Destinataires", 0.0, 100.0, 60.0),
        column("Transferts", 100.0, 200.0, 150.0),
        column("Sécurité", 200.0, 300.0, 250.0),
    ];
    // This row set its cells far left: `Aucun` stands four font sizes
    // after `jury de`, under the recipients' header, and nothing of the
    // row lies in the transfers' column.
    let lines = [
        line(12.0, &[("Direction", 0.0, 45.0), ("Dossiers", 200.0, 240.0)]),
        line(24.0, &[("jury", 0.0, 20.0), ("de", 25.0, 35.0), ("Aucun", 75.0, 100.0), ("accès", 200.0, 225.0)]),
    ];
    let block: Vec<&Line> = lines.iter().collect();
    let aligned = align_to_row(&block, &columns);
    assert!(aligned.get(1).is_some_and(|c| c.x0 > 35.0 && c.x0 < 75.0), "{aligned:?}");
    // A gap a justified line may stretch to parts nothing.
    let lines = [
        line(12.0, &[("Direction", 0.0, 45.0), ("Dossiers", 200.0, 240.0)]),
        line(24.0, &[("jury", 0.0, 20.0), ("de", 25.0, 35.0), ("recrutement", 50.0, 100.0), ("accès", 200.0, 225.0)]),
    ];
    let block: Vec<&Line> = lines.iter().collect();
    let aligned = align_to_row(&block, &columns);
    assert!(aligned.get(1).is_some_and(|c| c.x0 > 75.0), "{aligned:?}");
}

#[test]
fn a_first_line_run_on_across_a_boundary_is_cut_where_a_cell_can_open() {
    let columns = vec![column("Personnes", 0.0, 100.0, 40.0), column("Durée", 100.0, 200.0, 140.0)];
    // One space apart, the boundary at 100 would open the right cell on
    // `voie`; the cell opens on `30`, a word later.
    let lines = [
        line(
            12.0,
            &[
                ("usagers", 20.0, 70.0),
                ("de", 75.0, 85.0),
                ("la", 90.0, 97.0),
                ("voie", 100.0, 118.0),
                ("30", 123.0, 133.0),
                ("jours", 138.0, 160.0),
            ],
        ),
        line(24.0, &[("publique", 0.0, 40.0)]),
    ];
    let block: Vec<&Line> = lines.iter().collect();
    let aligned = align_to_row(&block, &columns);
    assert!(aligned.get(1).is_some_and(|c| c.x0 > 118.0 && c.x0 < 123.0), "{aligned:?}");
    // A cell's next line opening in lower case says nothing: the
    // boundary stays.
    let lines = [
        line(12.0, &[("Usagers", 0.0, 35.0), ("3", 102.0, 107.0), ("mois", 110.0, 130.0)]),
        line(24.0, &[("du", 0.0, 10.0), ("service", 90.0, 112.0)]),
    ];
    let block: Vec<&Line> = lines.iter().collect();
    assert_eq!(align_to_row(&block, &columns).get(1).map(|c| c.x0), Some(100.0));
}

#[test]
fn a_lone_cell_set_left_of_its_column_opens_it_where_no_phrase_does() {
    let columns = vec![column("Personnes", 0.0, 110.0, 40.0), column("Durée", 110.0, 200.0, 140.0)];
    // The row's one-line cell opens at 95, after a wide gap, and no
    // phrase of the row opens at the boundary.
    let lines = [
        line(12.0, &[("Passants", 0.0, 40.0), (";", 45.0, 50.0), ("30", 95.0, 105.0), ("jours", 110.0, 135.0)]),
        line(24.0, &[("usagers", 0.0, 35.0), ("de", 40.0, 50.0), ("la", 55.0, 65.0)]),
    ];
    let block: Vec<&Line> = lines.iter().collect();
    let aligned = align_to_row(&block, &columns);
    assert!(aligned.get(1).is_some_and(|c| c.x0 > 90.0 && c.x0 < 95.0), "{aligned:?}");
    // A word one space after the text before it opens no phrase: a word
    // of the same cell, not a cell of its own.
    let lines = [
        line(12.0, &[("Passants", 0.0, 40.0), ("du", 45.0, 88.0), ("port", 93.0, 105.0)]),
        line(24.0, &[("usagers", 0.0, 35.0), ("de", 40.0, 50.0), ("la", 55.0, 65.0)]),
    ];
    let block: Vec<&Line> = lines.iter().collect();
    assert_eq!(align_to_row(&block, &columns).get(1).map(|c| c.x0), Some(110.0));
    // A justified line's last word, set apart at the column's edge beside
    // an empty cell, ends short of the boundary: the left cell's word.
    let lines = [
        line(12.0, &[("Réseau", 0.0, 40.0), ("national", 45.0, 72.0), ("de", 96.0, 106.0)]),
        line(24.0, &[("mesure", 0.0, 40.0)]),
    ];
    let block: Vec<&Line> = lines.iter().collect();
    assert_eq!(align_to_row(&block, &columns).get(1).map(|c| c.x0), Some(110.0));
}

/// A row of one cell per text, each of the given lines; a line ending
/// with a hyphen breaks a word, as [`mark_word_breaks`] marks it.
fn row_of(cells: &[&[&str]]) -> Entry {
    let cell = |lines: &&[&str]| {
        let lines: Vec<CellLine> = lines
            .iter()
            .map(|text| CellLine {
                text: (*text).to_string(),
                bbox: Rect { x0: 0.0, y0: 0.0, x1: 10.0, y1: 10.0 },
                breaks_word: text.ends_with('-'),
                hyphen_added: false,
                starts_paragraph: false,
                ends_with_space: !text.ends_with('-'),
            })
            .collect();
        vec![CellPart { page: 1, lines, bbox: Rect { x0: 0.0, y0: 0.0, x1: 10.0, y1: 10.0 } }]
    };
    Entry::Row(Row { cells: cells.iter().map(cell).collect(), pages: vec![1], merged_above: Vec::new() })
}

fn joined_cells(entries: &[Entry]) -> Vec<String> {
    rows_of(entries)
        .flat_map(|r| r.cells.iter())
        .map(|parts| crate::register::join_lines(parts.iter().flat_map(|p| p.lines.iter())))
        .collect()
}

#[test]
fn hyphens_a_hyphenating_typesetter_added_are_dropped_where_the_table_shows_it_hyphenates() {
    // Two breaks whose words the table prints whole elsewhere show that
    // its typesetter hyphenates: `recou-` / `vrer`, which no other cell
    // decides, is a hyphenation too; `sous-` / `traitant` is printed
    // with its hyphen elsewhere and keeps it.
    let mut entries = vec![
        row_of(&[&["Redevances des us-", "agers"], &["Service des ressources hu-", "maines"]]),
        row_of(&[
            &["Calculer et recou-", "vrer les sommes dues par les usagers"],
            &["Prestataire (sous-", "traitant)"],
        ]),
        row_of(&[&["Gestion des ressources humaines"], &["Sous-traitant d’hébergement"]]),
    ];
    mark_added_hyphens(&mut entries);
    assert_eq!(
        joined_cells(&entries),
        [
            "Redevances des usagers",
            "Service des ressources humaines",
            "Calculer et recouvrer les sommes dues par les usagers",
            "Prestataire (sous-traitant)",
            "Gestion des ressources humaines",
            "Sous-traitant d’hébergement",
        ]
    );
    // A word processor breaks only after a word's own hyphen: one break
    // that the vocabulary would join (`e-` / `mail`, `email` elsewhere)
    // does not show hyphenation, and every hyphen stays.
    let mut entries = vec![
        row_of(&[&["Adresse e-", "mail"], &["Médico-", "social"]]),
        row_of(&[&["Email professionnel"], &["Service social"]]),
    ];
    mark_added_hyphens(&mut entries);
    assert_eq!(joined_cells(&entries), ["Adresse e-mail", "Médico-social", "Email professionnel", "Service social"]);
}

#[test]
fn rows_without_padding_make_one_band_however_far_apart_lines_are_set() {
    // 10 pt type (boxes 10 pt tall) every 16 pt: 6 pt between lines,
    // over half the font size. Rows that abut are one band; a row set
    // 8 pt further down opens another.
    let ys = [12.0, 28.0, 44.0, 60.0, 84.0, 100.0];
    let lines: Vec<Line> = ys.iter().map(|y| line(*y, &[("texte", 0.0, 30.0)])).collect();
    let refs: Vec<&Line> = lines.iter().collect();
    let bands: Vec<usize> = gap_bands(&refs).iter().map(Vec::len).collect();
    assert_eq!(bands, [4, 2]);
    // Set 12 pt apart (2 pt gaps), an 8 pt gap parts bands as before.
    let ys = [12.0, 24.0, 36.0, 54.0];
    let lines: Vec<Line> = ys.iter().map(|y| line(*y, &[("texte", 0.0, 30.0)])).collect();
    let refs: Vec<&Line> = lines.iter().collect();
    let bands: Vec<usize> = gap_bands(&refs).iter().map(Vec::len).collect();
    assert_eq!(bands, [3, 1]);
}

#[test]
fn a_page_hiding_gutters_takes_its_columns_from_where_its_lines_open_them() {
    let carried = vec![
        column("Traitement", 0.0, 100.0, 50.0),
        column("Finalité", 100.0, 250.0, 150.0),
        column("Personnes", 250.0, 400.0, 300.0),
        column("Durée", 400.0, 500.0, 430.0),
    ];
    // Set on a grid of its own (5 pt a character): the second row runs
    // `absences` a space from `Agents` and sets `1 an` a character
    // right of `5 ans`, so no gutter parts the middle columns; the
    // first row opens a cell in every column.
    let page = [
        line(12.0, &[("Paie", 0.0, 20.0), ("Verser", 80.0, 110.0), ("Agents", 190.0, 220.0), ("5", 300.0, 305.0)]),
        line(
            24.0,
            &[
                ("Congés", 0.0, 30.0),
                ("Gérer", 80.0, 105.0),
                ("les", 110.0, 125.0),
                ("absences", 130.0, 185.0),
                ("Agents", 190.0, 220.0),
                ("1", 305.0, 310.0),
                ("an", 315.0, 325.0),
            ],
        ),
        line(36.0, &[("agents", 80.0, 110.0), ("titulaires", 190.0, 240.0)]),
    ];
    let lines: Vec<&Line> = page.iter().collect();
    let mut columns = carried;
    anchor_to_gutters(&mut columns, &lines);
    let starts: Vec<f64> = columns.iter().map(|c| c.x0).collect();
    assert_eq!(starts, [0.0, 80.0, 190.0, 300.0]);
    // A page of one row, its cells wrapping onto different lines: no
    // line shows every column, the phrases start where the columns do.
    let one_row = [
        line(
            12.0,
            &[("12", 0.0, 10.0), ("Élections", 25.0, 70.0), ("Organiser", 120.0, 165.0), ("Usagers", 170.0, 205.0)],
        ),
        line(24.0, &[("professionnelles", 25.0, 105.0), ("scrutin", 120.0, 155.0), ("service", 170.0, 205.0)]),
    ];
    let lines: Vec<&Line> = one_row.iter().collect();
    let mut columns = vec![
        column("N°", 0.0, 50.0, 10.0),
        column("Traitement", 50.0, 150.0, 100.0),
        column("Finalité", 150.0, 300.0, 200.0),
        column("Personnes", 300.0, 400.0, 350.0),
    ];
    anchor_to_gutters(&mut columns, &lines);
    let starts: Vec<f64> = columns.iter().map(|c| c.x0).collect();
    assert_eq!(starts, [0.0, 25.0, 120.0, 170.0]);
}

#[test]
fn columns_a_page_fits_are_kept_though_a_justified_line_counts_a_phrase_per_column() {
    let carried = vec![column("Traitement", 0.0, 100.0, 50.0), column("Finalité", 100.0, 200.0, 150.0)];
    // A justified line of the second cell parts its words into two
    // phrases; the lines fit the carried columns.
    let justified = [
        line(12.0, &[("Agents", 105.0, 130.0), ("habilités", 170.0, 195.0)]),
        line(24.0, &[("Paie", 0.0, 20.0), ("Verser", 100.0, 130.0)]),
    ];
    let lines: Vec<&Line> = justified.iter().collect();
    let mut columns = carried.clone();
    anchor_to_gutters(&mut columns, &lines);
    assert_eq!(columns.get(1).map(|c| c.x0), Some(100.0));
    // A text rendering that moved the page's second column left: its
    // lines cross the carried boundary, and a full line sets it.
    let shifted =
        [line(12.0, &[("Paie", 0.0, 20.0), ("Verser", 80.0, 110.0)]), line(24.0, &[("des agents", 80.0, 130.0)])];
    let lines: Vec<&Line> = shifted.iter().collect();
    let mut columns = carried;
    anchor_to_gutters(&mut columns, &lines);
    assert_eq!(columns.get(1).map(|c| c.x0), Some(80.0));
}

/// One cell's lines, 5 pt per character from x = 0, with or without
/// a space drawn after each.
fn set_cell(lines: &[(&str, bool)]) -> Entry {
    let lines: Vec<CellLine> = lines
        .iter()
        .enumerate()
        .map(|(i, (text, spaced))| {
            let y = 10.0 * i as f64;
            CellLine {
                text: (*text).to_string(),
                bbox: Rect { x0: 0.0, y0: y, x1: 5.0 * text.chars().count() as f64, y1: y + 8.0 },
                breaks_word: false,
                hyphen_added: false,
                starts_paragraph: false,
                ends_with_space: *spaced,
            }
        })
        .collect();
    let bbox = Rect { x0: 0.0, y0: 0.0, x1: 100.0, y1: 100.0 };
    Entry::Row(Row { cells: vec![vec![CellPart { page: 1, lines, bbox }]], pages: vec![1], merged_above: Vec::new() })
}

/// A row of cells, each [`set_cell`]'s lines.
fn set_row(columns: &[&[(&str, bool)]]) -> Entry {
    let cells = columns.iter().filter_map(|lines| match set_cell(lines) {
        Entry::Row(mut row) => row.cells.pop(),
        Entry::Section { .. } => None,
    });
    Entry::Row(Row { cells: cells.collect(), pages: vec![1], merged_above: Vec::new() })
}

/// Sets where the first cell's lines `which` end (their text set
/// narrower or wider than [`set_cell`]'s five points a character).
fn end_lines_at(entries: &mut [Entry], which: std::ops::Range<usize>, x1: f64) {
    if let Some(Entry::Row(row)) = entries.first_mut() {
        let lines = row.cells.iter_mut().flatten().flat_map(|part| part.lines.iter_mut());
        for line in lines.skip(which.start).take(which.len()) {
            line.bbox.x1 = x1;
        }
    }
}

#[test]
fn a_word_as_wide_as_its_column_is_no_cut_where_the_table_shows_the_words_whole() {
    // Each first line alone reaches its column's edge. `l’administration`
    // is printed whole in the other column (inside a line, or ending
    // that cell, where no cut word ends), `usagers` inside a line there,
    // `Ministère` opening a cell: the lines ended at a space.
    // `Visioconféren` / `ce` shows none of that and stays a cut.
    for (first, second, other, other_last, want) in [
        ("l’administration", "élèves", "l’administration et", "service", "l’administration élèves"),
        ("Administrations", "usagers", "les usagers du", "service", "Administrations usagers"),
        ("Visioconféren", "ce", "les usagers du", "service", "Visioconférence"),
        ("l’administration", "ministère", "Ministère des", "service", "l’administration ministère"),
        ("l’administration", "RH", "Agents de", "l’administration", "l’administration RH"),
        // An elided article opens a word.
        ("l’administration", "d’accès", "Agents de", "service", "l’administration d’accès"),
        // Alone before unrelated words, here and in the other cell; a
        // cut goes on with the same word's end in both.
        ("l’administration", "ministère", "l’administration", "numéro", "l’administration ministère"),
        ("Télécommunica", "tions", "Télécommunica", "tion", "Télécommunications"),
    ] {
        let mut entries = vec![set_row(&[&[(first, false), (second, false)], &[(other, false), (other_last, false)]])];
        mark_word_breaks(&mut entries, 2, None);
        assert_eq!(joined_cells(&entries).first().map(String::as_str), Some(want));
    }
}

#[test]
fn only_a_word_alone_on_its_line_is_cut_at_the_cells_edge() {
    // The source spaces most wraps, but not `adresse`'s, whose space did
    // not fit before the edge; `adresse` + `électronique` is wider than
    // a line, yet a typesetter wraps a word to a line of its own before
    // it cuts it: `adresse` was wrapped whole. `interdépartemen`, alone
    // on its line at the edge, was cut.
    let lines = [
        ("Nom, prénom,", true),
        ("fonction, adresse", false),
        ("électronique", true),
        ("agents ; les", true),
        ("interdépartemen", false),
        ("tale", false),
    ];
    let mut entries = vec![set_cell(&lines)];
    end_lines_at(&mut entries, 4..5, 85.0);
    mark_word_breaks(&mut entries, 1, None);
    assert_eq!(
        joined_cells(&entries),
        ["Nom, prénom, fonction, adresse électronique agents ; les interdépartementale"]
    );
}

#[test]
fn where_every_boundary_is_spaced_a_line_whose_space_did_not_fit_is_still_a_wrap() {
    // A source that spaces every wrapped line's end, as text extracted
    // from a PDF does, and as LibreOffice does but where the space would
    // pass the column's edge: `Service instructeur ;` reaches the edge
    // (the longest line), so its missing space says nothing; `Premier`,
    // well short of it, ends inside a word.
    let mut lines = vec![("Gérer les dossiers", true); 40];
    lines.extend([
        ("Service instructeur ;", false),
        ("commission des", true),
        ("aides 1000Premier", false),
        ("sJours", false),
    ]);
    let mut entries = vec![set_cell(&lines)];
    mark_word_breaks(&mut entries, 1, None);
    let joined = joined_cells(&entries).concat();
    assert!(joined.ends_with("Service instructeur ; commission des aides 1000PremiersJours"), "{joined}");
}

#[test]
fn a_word_alone_at_the_edge_is_cut_only_where_the_tables_spelling_joins_it() {
    // Both lines fill the column (`Habilitations`, 65 pt, its edge), and
    // neither joined word would fit a line: geometry cannot tell. No word
    // holds `nsno`, words end in `ons` and open with `nom`: two words.
    // Words end in `tem` and open with `ent`, but `traitement` holds
    // `emen`: `interdépartem` was cut.
    let vocabulary = |holds_emen: bool| {
        let mut cells = vec![
            set_cell(&[("Habilitations", false), ("nominatives", false)]),
            set_cell(&[("interdépartem", false), ("entale", false)]),
            set_cell(&[("informations", true)]),
            set_cell(&[("nom ; item", true)]),
            set_cell(&[("entre elles", true)]),
        ];
        if holds_emen {
            cells.push(set_cell(&[("traitement", true)]));
        }
        mark_word_breaks(&mut cells, 1, None);
        joined_cells(&cells).into_iter().take(2).collect::<Vec<_>>()
    };
    assert_eq!(vocabulary(true), ["Habilitations nominatives", "interdépartementale"]);
    assert_eq!(vocabulary(false), ["Habilitations nominatives", "interdépartem entale"]);
}

#[test]
fn a_line_opening_on_a_preposition_goes_on_after_a_whole_word() {
    // A one-word line as wide as its column, with no line-end spaces to
    // go by: a preposition opening the next line stands on its own
    // (`Registres` / `sous clé`), a fragment does not (`Visioconféren` /
    // `ce`).
    for (first, second, want) in [
        ("Registres", "sous clé", "Registres sous clé"),
        ("Dossiers", "selon leur", "Dossiers selon leur"),
        ("Agents", "sans accès", "Agents sans accès"),
        ("Visioconféren", "ce", "Visioconférence"),
    ] {
        let mut entries = vec![set_cell(&[(first, false), (second, false)])];
        mark_word_breaks(&mut entries, 1, None);
        assert_eq!(joined_cells(&entries), [want], "{first} / {second}");
    }
}

#[test]
fn a_line_opening_on_a_lone_letter_ends_a_cut_word() {
    // No line-end spaces to go by: `n` and `s` alone are no words, `à`
    // is one, and two letters may be (`in fine`).
    let lines = [
        ("Code d’identificatio", false),
        ("n et Professionnel", false),
        ("s de santé sont", false),
        ("in fine versés", false),
        ("à l’agent", false),
    ];
    let mut entries = vec![set_cell(&lines)];
    mark_word_breaks(&mut entries, 1, None);
    assert_eq!(
        joined_cells(&entries),
        ["Code d’identification et Professionnels de santé sont in fine versés à l’agent"]
    );
}

#[test]
fn a_word_cut_short_of_the_edge_by_a_wide_letter_is_joined() {
    // Between rules 22 apart (text from 0), `DNU` ends 7 short of the
    // edge: more than a narrow character, less than the wide `M` that
    // did not fit. `DNUM` is wider than the column: a cut.
    let column = Column { header: String::new(), key: String::new(), x0: 0.0, x1: 22.0, header_x1: 22.0 };
    let mut entries = vec![set_cell(&[("DNU", false), ("M", false)])];
    end_lines_at(&mut entries, 1..2, 8.0);
    mark_word_breaks(&mut entries, 1, Some(std::slice::from_ref(&column)));
    assert_eq!(joined_cells(&entries), ["DNUM"]);
}

#[test]
fn a_word_cut_after_others_at_the_edge_is_joined_where_the_spelling_shows_one_word() {
    // Between rules, each first line ends 2 short of the edge and its
    // last word joined to the next line's first would not fit a
    // line: the typesetter could not wrap that word whole. `rofess` runs
    // inside `professeur`, printed whole: `prof` / `essionnelles`
    // is one word cut. No word holds `iervers`: `dernier` / `versements`
    // are two. `d’h` is a lone letter after an elision: a cut. Where
    // most wrapped lines reach the edge (justified text), reaching it
    // tells nothing and the words stay apart.
    let read = |first: &str, second: &str, justified: bool, width: f64| {
        let column = Column { header: String::new(), key: String::new(), x0: 0.0, x1: width, header_x1: width };
        let mut entries = vec![set_cell(&[(first, false), (second, false)]), set_cell(&[("professeur", true)])];
        if justified {
            entries.extend((0..3).map(|_| set_cell(&[("Gérer tous les", false), ("dossiers", true)])));
        }
        mark_word_breaks(&mut entries, 1, Some(std::slice::from_ref(&column)));
        joined_cells(&entries).into_iter().next().unwrap_or_default()
    };
    assert_eq!(read("Élections prof", "essionnelles", false, 72.0), "Élections professionnelles");
    assert_eq!(read("Élections prof", "essionnelles", true, 72.0), "Élections prof essionnelles");
    assert_eq!(read("Après le dernier", "versements", false, 82.0), "Après le dernier versements");
    assert_eq!(read("Services d’h", "ébergement", false, 62.0), "Services d’hébergement");
}

#[test]
fn a_line_filled_to_the_edge_by_a_word_and_its_comma_cuts_no_word() {
    // Between rules 30 apart, `Plans,` fills its line and `Plans,Programmes`
    // would not fit one: still, French wraps after a comma, at its space.
    let column = Column { header: String::new(), key: String::new(), x0: 0.0, x1: 30.0, header_x1: 30.0 };
    let mut entries = vec![set_cell(&[("Plans,", false), ("Programmes", false)])];
    end_lines_at(&mut entries, 1..2, 30.0);
    mark_word_breaks(&mut entries, 1, Some(std::slice::from_ref(&column)));
    assert_eq!(joined_cells(&entries), ["Plans, Programmes"]);
}

#[test]
fn a_lone_dash_ending_a_line_joins_its_word_unless_it_opens_an_item() {
    // The source spaces line ends (the first line's space): a lone dash
    // without one, where a space would have fit, was set against the
    // next word (`sociale -DGCS)`), unless punctuation before it makes
    // it a list item's dash. At the column's edge, where no space fits,
    // the dash is a separator (`jeunesse -` / `ARS`).
    let lines = [
        ("Direction générale de la Cohésion", true),
        ("de la Cohésion sociale -", false),
        ("DGCS) ; services :", true),
        ("- Faciliter l’accès ; -", false),
        ("Suivre les demandes ; la jeunesse -", false),
        ("ARS", true),
    ];
    let mut entries = vec![set_cell(&lines)];
    mark_word_breaks(&mut entries, 1, None);
    assert_eq!(
        joined_cells(&entries),
        [
            "Direction générale de la Cohésion de la Cohésion sociale -DGCS) ; services : - Faciliter l’accès ; - Suivre les demandes ; la jeunesse - ARS"
        ]
    );
}

#[test]
fn a_stray_line_end_space_does_not_mark_where_lines_end() {
    // One wrapped line in six ends with a space (a cell's text that ended
    // with one): the source marks no line ends, so the lone dash before
    // `Microsoft` is the separator it was set as, not a cut word's hyphen.
    let lines = [
        ("Agents des ministères", false),
        ("sociaux ; prestataires", false),
        ("habilités", true),
        ("Interne aux ministères", false),
        ("sociaux -", false),
        ("Microsoft Ireland ;", false),
        ("éditeur", false),
    ];
    let mut entries = vec![set_cell(&lines)];
    mark_word_breaks(&mut entries, 1, None);
    assert_eq!(
        joined_cells(&entries),
        [
            "Agents des ministères sociaux ; prestataires habilités Interne aux ministères sociaux - Microsoft Ireland ; éditeur"
        ]
    );
}

#[test]
fn a_comma_opening_a_line_and_a_word_too_long_for_one_part_no_words() {
    // Each cell alone: a column too narrow for `Finances,` puts the
    // comma on the next line, which goes on the word; `accompagnement`
    // fills its line, but joined to `psychologique` it would be longer
    // than any word.
    let cases: [(&[(&str, bool)], &str); 2] = [
        (
            &[("Direction des", true), ("Finances", false), (", achats et des", true), ("services", true)],
            "Direction des Finances, achats et des services",
        ),
        (
            &[("Accompagner les", true), ("accompagnement", false), ("psychologique ;", true)],
            "Accompagner les accompagnement psychologique ;",
        ),
    ];
    for (lines, expected) in cases {
        let mut entries = vec![set_cell(lines)];
        mark_word_breaks(&mut entries, 1, None);
        assert_eq!(joined_cells(&entries), [expected]);
    }
}

#[test]
fn a_word_the_table_prints_whole_elsewhere_is_joined_across_a_cut() {
    // `généra` is printed nowhere, `générale` is: the cut word goes on
    // with `le`, though `le` is a word too; `informer` / `l’usager`
    // joins nothing, the elided article opening a word of its own.
    let lines = [
        ("Direction générale", true),
        ("Direction généra", false),
        ("le de la Santé ; informer", false),
        ("l’usager", true),
    ];
    let mut entries = vec![set_cell(&lines)];
    mark_word_breaks(&mut entries, 1, None);
    assert_eq!(joined_cells(&entries), ["Direction générale Direction générale de la Santé ; informer l’usager"]);
}

#[test]
fn a_word_cut_twice_is_known_by_all_its_pieces() {
    // `1000Pr` and `emiers` fill their lines; `Jours` is a word the table
    // prints inside a line, but `1000Premiers` so far is printed nowhere
    // and `1000PremiersJours` is: the third piece goes on the word too.
    let lines = [
        ("1000PremiersJours", true),
        ("des Jours heureux", true),
        ("1000Pr", false),
        ("emiers", false),
        ("Jours", true),
    ];
    let mut entries = vec![set_cell(&lines)];
    end_lines_at(&mut entries, 2..4, 85.0);
    mark_word_breaks(&mut entries, 1, None);
    assert_eq!(joined_cells(&entries), ["1000PremiersJours des Jours heureux 1000PremiersJours"]);
}

#[test]
fn an_elided_word_ending_a_line_is_joined_to_the_next() {
    for (line, elided) in [
        ("Prestataire d’", true),
        ("conservées jusqu’", true),
        ("L'", true),
        ("Prestataire d", false),
        ("« aujourd’hui »", false),
        ("les données ’", false),
        ("Carte '", false),
    ] {
        assert_eq!(ends_with_elision(line), elided, "{line}");
    }
}

#[test]
fn a_row_opening_without_its_first_cell_at_a_page_foot_is_parted_off() {
    // Under a row, after a gap across the table, two cells open with the
    // first column empty down to the page's foot: the next row, whose
    // title the typesetter moved to the next page. One cell going on
    // after a gap (a paragraph) parts nothing.
    let columns = [
        column("Intitulé", 0.0, 100.0, 40.0),
        column("Finalités", 100.0, 200.0, 150.0),
        column("RT", 200.0, 300.0, 220.0),
    ];
    let lines = [
        line(12.0, &[("Gestion", 0.0, 40.0), ("Gérer", 100.0, 130.0), ("DNUM", 200.0, 230.0)]),
        line(24.0, &[("messagerie", 0.0, 50.0), ("les", 100.0, 115.0)]),
        line(48.0, &[("Traiter", 100.0, 130.0), ("DNUM", 200.0, 230.0)]),
        line(60.0, &[("les", 100.0, 115.0)]),
    ];
    let sizes = |lines: &[Line]| -> Vec<usize> {
        part_row_opening_at_page_foot(vec![lines.iter().collect()], &columns, 12.0).iter().map(Vec::len).collect()
    };
    assert_eq!(sizes(&lines), [2, 2]);
    let paragraph = [lines[0].clone(), lines[1].clone(), line(48.0, &[("Traiter", 100.0, 130.0)]), lines[3].clone()];
    assert_eq!(sizes(&paragraph), [4]);
}

#[test]
fn a_page_top_row_gives_its_first_cell_to_the_row_above_that_lacks_one() {
    // The row at the first page's foot has no title; the next page's
    // first row, all its cells opening with capitals, has one: they are
    // one row.
    let mut entries = vec![
        row_of(&[&["Gestion"], &["Gérer"], &["DNUM"]]),
        row_of(&[&[], &["Traiter"], &["DNUM"]]),
        row_of(&[&["Pass-ITSM"], &["La gestion"], &[]]),
    ];
    join_continued_rows(&mut entries, &[2]);
    assert_eq!(joined_cells(&entries), ["Gestion", "Gérer", "DNUM", "Pass-ITSM", "Traiter La gestion", "DNUM"]);
}

#[test]
fn a_justified_cell_beside_a_narrow_gutter_leaves_the_column_where_its_neighbour_opens() {
    let columns = vec![column("Finalités", 0.0, 100.0, 50.0), column("Base légale", 100.0, 200.0, 150.0)];
    // Justified lines set their last words apart at the column's edge,
    // one gutter (8 points) before the next cell's words at 97: three
    // lines open a word at each place. The boundary moves to where the
    // next cell opens, near it, not to the justified words further left.
    let lines = [
        line(12.0, &[("Organiser", 0.0, 50.0), ("le", 78.0, 89.0), ("Consentement", 97.0, 150.0)]),
        line(24.0, &[("scrutin", 0.0, 40.0), ("et", 79.0, 89.0), ("(art.", 97.0, 120.0)]),
        line(36.0, &[("proclamer", 0.0, 55.0), ("les", 76.0, 89.0), ("RGPD)", 97.0, 125.0)]),
        line(48.0, &[("résultats", 0.0, 50.0)]),
    ];
    let block: Vec<&Line> = lines.iter().collect();
    let aligned = align_to_row(&block, &columns);
    assert!(aligned.get(1).is_some_and(|c| c.x0 > 89.0 && c.x0 < 97.0), "{aligned:?}");
}

#[test]
fn columns_sized_to_their_longest_words_cut_none_without_rules() {
    // Each column one cell: its lines from x = 0, five points a
    // character, without a space drawn after them.
    let table = |columns: &[&[&str]]| {
        let columns: Vec<Vec<(&str, bool)>> =
            columns.iter().map(|lines| lines.iter().map(|l| (*l, false)).collect()).collect();
        let columns: Vec<&[(&str, bool)]> = columns.iter().map(Vec::as_slice).collect();
        vec![set_row(&columns)]
    };
    // Three columns of four wrap at their longest word: the table was
    // sized to its words, and the words alone at the edge were wrapped
    // whole.
    let mut sized = table(&[
        &["Conservation", "illimitée"],
        &["Ressources", "humaines"],
        &["Personnes", "nées"],
        &["Identité, adresse", "bancaire"],
    ]);
    mark_word_breaks(&mut sized, 4, None);
    assert_eq!(
        joined_cells(&sized),
        ["Conservation illimitée", "Ressources humaines", "Personnes nées", "Identité, adresse bancaire"]
    );
    // Two columns of four: a table of set widths, whose narrow columns cut
    // the words too long for them.
    let mut set = table(&[
        &["Visioconféren", "ce"],
        &["Télécommunica", "tions"],
        &["Agents de la", "commune"],
        &["Identité, adresse", "bancaire"],
    ]);
    mark_word_breaks(&mut set, 4, None);
    assert_eq!(
        joined_cells(&set).get(..2),
        Some(&["Visioconférence".to_string(), "Télécommunications".to_string()][..])
    );
}

#[test]
fn a_header_band_set_at_its_bottom_takes_the_first_lines_of_its_taller_headers() {
    let below = line(
        24.0,
        &[("Service", 0.0, 35.0), ("Base", 60.0, 80.0), ("des", 120.0, 135.0), ("Catégories", 160.0, 210.0)],
    );
    // `Origine` opens `des données`, level with its start.
    assert!(tops_header_cells(&line(12.0, &[("Origine", 120.0, 150.0)]), &below, 10.0));
    // Centred over its cell.
    assert!(tops_header_cells(&line(12.0, &[("Origine", 113.0, 142.0)]), &below, 10.0));
    // A section heading over the table stands apart from the cells.
    assert!(!tops_header_cells(
        &line(12.0, &[("Services", 10.0, 50.0), ("à", 53.0, 58.0), ("la", 61.0, 70.0)]),
        &below,
        10.0
    ));
    // A caption spans several cells.
    assert!(!tops_header_cells(
        &line(12.0, &[("Registre", 0.0, 50.0), ("des", 55.0, 70.0), ("traitements", 75.0, 130.0)]),
        &below,
        10.0
    ));
}

#[test]
fn a_header_phrase_parts_where_a_taller_headers_column_opens_over_it() {
    // `Destinataires`, a one-line header, runs into `utilisé` one narrow
    // padding (6 points) away, where `Logiciel` opens its column above.
    let above = line(12.0, &[("Logiciel", 455.5, 482.3), ("Durée", 492.5, 513.3), ("de", 515.3, 523.2)]);
    let header = line(24.0, &[("Destinataires", 404.7, 449.5), ("utilisé", 455.5, 476.3)]);
    let all = |above: &Line| -> Vec<Line> { [above.phrases(9.0), header.phrases(9.0)].concat() };
    let texts = |parts: Vec<Line>| parts.iter().map(Line::text).collect::<Vec<_>>();
    assert_eq!(texts(split_bridging(&header, &all(&above))), ["Destinataires", "utilisé"]);
    // Nothing opens over `utilisé`: one header.
    let elsewhere = line(12.0, &[("Logiciel", 470.0, 496.8), ("Durée", 500.0, 520.8), ("de", 522.8, 530.7)]);
    assert_eq!(texts(split_bridging(&header, &all(&elsewhere))), ["Destinataires utilisé"]);
}

#[test]
fn a_header_word_space_parts_two_headers_only_where_both_read_as_headers() {
    let texts = |parts: Vec<Line>| parts.iter().map(Line::text).collect::<Vec<_>>();
    // A text rendering's one-space padding: `Responsable` over `de
    // traitement`, then `Catégories de données traitées`.
    let above = line(12.0, &[("Responsable", 0.0, 55.0)]);
    let header = line(
        24.0,
        &[
            ("de", 0.0, 10.0),
            ("traitement", 13.0, 60.0),
            ("Catégories", 64.0, 110.0),
            ("de", 113.0, 123.0),
            ("données", 126.0, 165.0),
            ("traitées", 168.0, 205.0),
        ],
    );
    let all: Vec<Line> = [above.phrases(9.0), header.phrases(9.0)].concat();
    assert_eq!(texts(split_bridging(&header, &all)), ["de traitement", "Catégories de données traitées"]);
    // One left-aligned cell, `Catégories Données` over `collectées`:
    // `Catégories collectées` is no header of its own.
    let header = line(12.0, &[("Catégories", 0.0, 50.0), ("Données", 53.0, 90.0)]);
    let below = line(24.0, &[("collectées", 0.0, 45.0)]);
    let all: Vec<Line> = [header.phrases(9.0), below.phrases(9.0)].concat();
    assert_eq!(texts(split_bridging(&header, &all)), ["Catégories Données"]);
    // Nor is `Catégories concernées`, though it ends on `concernées`:
    // `Catégories Personnes` over `concernées` is one cell too.
    let header = line(12.0, &[("Catégories", 0.0, 50.0), ("Personnes", 55.0, 100.0)]);
    let below = line(24.0, &[("concernées", 0.0, 50.0)]);
    let all: Vec<Line> = [header.phrases(9.0), below.phrases(9.0)].concat();
    assert_eq!(texts(split_bridging(&header, &all)), ["Catégories Personnes"]);
}

/// On a text rendering's grid, a river between two columns is a phrase
/// gap: a cell's lines set in single spaces have a word gap near any x,
/// and lines that run across so outweigh the starts of a centred cell's
/// next lines.
#[test]
fn a_river_on_a_grid_is_a_phrase_gap() {
    let band = [line(12.0, &[("Catégories", 100.0, 150.0), ("Personnes", 155.0, 200.0)])];
    let single_spaced = [
        line(40.0, &[("Agents", 100.0, 130.0), ("de", 135.0, 145.0), ("la", 150.0, 160.0), ("commune", 165.0, 200.0)]),
        line(52.0, &[("Usagers", 100.0, 135.0), ("du", 140.0, 150.0), ("service", 155.0, 190.0)]),
        line(64.0, &[("Abonnés", 100.0, 135.0), ("à", 140.0, 145.0), ("la", 150.0, 160.0), ("lettre", 165.0, 195.0)]),
    ];
    assert_eq!(river(100.0, &band, &single_spaced, true), None);
    let parted = [
        line(40.0, &[("Agents", 100.0, 130.0), ("Usagers", 155.0, 190.0)]),
        line(52.0, &[("Élus", 100.0, 120.0), ("et", 125.0, 135.0), ("Agents", 155.0, 185.0)]),
        line(64.0, &[("Abonnés", 100.0, 135.0), ("Élus", 155.0, 175.0)]),
    ];
    assert!(river(100.0, &band, &parted, true).is_some());
    // Centred cells whose next lines open where the header word does,
    // under first lines that run across it in single spaces: no river.
    let band = [line(12.0, &[("Catégories", 100.0, 150.0), ("Données", 155.0, 190.0), ("collectées", 195.0, 245.0)])];
    let centred = [
        line(40.0, &[("Identité,", 100.0, 145.0), ("coordonnées,", 150.0, 210.0)]),
        line(52.0, &[("bancaires", 155.0, 200.0)]),
        line(64.0, &[("Nom,", 100.0, 120.0), ("prénom,", 125.0, 160.0), ("fonction", 165.0, 200.0)]),
        line(76.0, &[("électronique", 155.0, 215.0)]),
        line(88.0, &[("Identité,", 100.0, 145.0), ("numéro", 150.0, 180.0)]),
        line(100.0, &[("passage", 157.0, 192.0)]),
    ];
    assert_eq!(river(100.0, &band, &centred, true), None);
}

/// The river [`river_in`] finds from `from` in the header `band` over
/// the `body` lines (`grid`: a text rendering's).
fn river(from: f64, band: &[Line], body: &[Line], grid: bool) -> Option<(f64, &'static str)> {
    let band: Vec<&Line> = band.iter().collect();
    let body: Vec<&Line> = body.iter().collect();
    river_in(from, 300.0, &band, &body, &[], grid)
}

#[test]
fn a_river_is_one_x_the_body_leaves_clear_not_gaps_near_it() {
    let band = [
        line(12.0, &[("Catégories", 100.0, 150.0), ("Données", 153.0, 190.0)]),
        line(24.0, &[("collectées", 100.0, 145.0)]),
    ];
    // Centred cells: each line has a word gap within a font size of
    // `Données`, none at one x.
    let centred = [
        line(40.0, &[("Identité,", 110.0, 146.0), ("coordonnées,", 149.0, 200.0)]),
        line(52.0, &[("références", 115.0, 158.0), ("bancaires", 161.0, 195.0)]),
        line(64.0, &[("Nom,", 102.0, 120.0), ("prénom,", 123.0, 152.0), ("fonction", 155.0, 190.0)]),
        line(76.0, &[("adresse", 104.0, 140.0), ("électronique", 143.0, 198.0)]),
    ];
    assert_eq!(river(100.0, &band, &centred, false), None);
    // Two columns: every line clear at 152.
    let parted = [
        line(40.0, &[("Identité", 100.0, 140.0), ("Nom,", 153.0, 175.0), ("prénom", 178.0, 210.0)]),
        line(52.0, &[("Agents", 100.0, 130.0), ("adresse", 153.0, 190.0)]),
        line(64.0, &[("Usagers", 100.0, 138.0), ("Identité", 153.0, 190.0)]),
    ];
    assert!(river(100.0, &band, &parted, false).is_some());
}

/// A text rendering sets a header's two lines a character apart
/// (`Personnes` over `concernées`, which starts a character left of it):
/// the known header the upper line opens is the same cell's, however
/// the body's rows shift across the grid under it.
#[test]
fn a_header_word_over_another_line_of_its_cell_opens_no_column() {
    let band = [line(12.0, &[("Personnes", 105.0, 150.0)]), line(24.0, &[("concernées", 100.0, 150.0)])];
    let rows = [
        line(40.0, &[("Agents", 100.0, 130.0), ("de", 135.0, 145.0), ("la", 150.0, 160.0)]),
        line(52.0, &[("Usagers", 100.0, 135.0), ("du", 140.0, 150.0), ("service", 155.0, 190.0)]),
        line(64.0, &[("Élus", 100.0, 120.0), ("et", 125.0, 135.0), ("agents", 140.0, 170.0)]),
    ];
    assert_eq!(river(95.0, &band, &rows, true), None);
    // Set a header's width apart, `Personnes` opens a column of its own.
    let band = [line(12.0, &[("Personnes", 160.0, 205.0)]), line(24.0, &[("Domaine", 100.0, 150.0)])];
    let rows = [
        line(40.0, &[("Écoles", 100.0, 130.0), ("Agents", 160.0, 190.0)]),
        line(52.0, &[("Culture", 100.0, 140.0), ("Élus", 160.0, 180.0)]),
    ];
    assert!(river(95.0, &band, &rows, true).is_some());
}

#[test]
fn a_cell_set_a_point_lower_does_not_part_the_first_columns_lines() {
    let columns = vec![column("Nom", 0.0, 100.0, 40.0), column("Finalité", 100.0, 200.0, 150.0)];
    // A line of words at their own bottoms (10 pt type).
    let at = |words: &[(&str, f64, f64, f64)]| {
        let words: Vec<Word> = words
            .iter()
            .map(|(text, x0, x1, bottom)| Word {
                text: (*text).to_string(),
                bbox: Rect { x0: *x0, y0: bottom - 9.0, x1: *x1, y1: *bottom },
                font_size: 9.0,
                bold: false,
                space_after: false,
            })
            .collect();
        let bbox = words.iter().map(|w| w.bbox).reduce(|a, b| a.union(&b)).unwrap_or_else(|| unreachable!("words"));
        Line { words, bbox }
    };
    // The lines are 9 points apart; the second column's second line sits
    // 0.8 points lower (its cell's taller fallback glyph), so the whole
    // line's bottom is 9.8 points under the first's.
    let lines = [
        at(&[("Revenu", 0.0, 40.0, 163.7), ("Instruire", 100.0, 140.0, 163.7)]),
        at(&[("rité", 0.0, 20.0, 172.7), ("location", 100.0, 140.0, 173.5)]),
        at(&[("ciaires", 100.0, 130.0, 182.5)]),
        at(&[("Aide", 0.0, 20.0, 198.3), ("Évaluer", 100.0, 140.0, 198.3)]),
    ];
    let lines: Vec<&Line> = lines.iter().collect();
    let blocks = first_column_blocks(&lines, &columns, &[], 9.0);
    assert_eq!(blocks.iter().map(Vec::len).collect::<Vec<_>>(), [3, 1]);
}

#[test]
fn a_rule_with_no_body_text_above_or_under_it_parts_no_rows() {
    let columns =
        [column("N°", 0.0, 30.0, 10.0), column("Traitement", 30.0, 150.0, 80.0), column("Durée", 150.0, 400.0, 180.0)];
    let page = [
        line(30.0, &[("1", 0.0, 5.0), ("Paie", 30.0, 50.0), ("5", 150.0, 155.0), ("ans", 160.0, 175.0)]),
        line(42.0, &[("2", 0.0, 5.0), ("État", 30.0, 50.0), ("civil", 55.0, 75.0), ("Illimitée", 150.0, 190.0)]),
    ];
    let lines: Vec<&Line> = page.iter().collect();
    // The header's own rule under its padding and the table's foot rule
    // hold the body between them: neither parts a row.
    assert!(!parts_rows(&[18.0, 50.0], (14.0, 60.0), &lines, &columns, &[]));
    // A rule between the two rows does.
    assert!(parts_rows(&[18.0, 35.0, 50.0], (14.0, 60.0), &lines, &columns, &[]));
}

#[test]
fn a_heading_centred_on_the_table_text_is_set_apart_though_its_last_column_runs_to_the_page_edge() {
    // A borderless table's last column runs on to the page's edge (800),
    // far right of where the table's text ends (400).
    let columns = [
        column("N°", 0.0, 30.0, 10.0),
        column("Traitement", 30.0, 150.0, 80.0),
        column("Données", 150.0, 300.0, 200.0),
        column("Durée", 300.0, 800.0, 330.0),
    ];
    let page = [
        line(12.0, &[("Ressources", 160.0, 200.0), ("humaines", 205.0, 240.0)]),
        line(
            28.0,
            &[
                ("1", 0.0, 5.0),
                ("Paie", 30.0, 50.0),
                ("Identité", 150.0, 190.0),
                ("5", 300.0, 305.0),
                ("ans", 310.0, 400.0),
            ],
        ),
        line(40.0, &[("des", 30.0, 45.0), ("agents", 50.0, 80.0)]),
    ];
    let lines: Vec<&Line> = page.iter().collect();
    let right = text_right(&lines, &columns);
    assert_eq!(right, 400.0);
    let blocks = split_centred_headings(vec![lines], &columns, 12.0, right);
    let sizes: Vec<usize> = blocks.iter().map(Vec::len).collect();
    assert_eq!(sizes, [1, 2]);
    // Measured on the columns alone, the same heading sits far left of
    // the table's centre and stays in the row's block.
    assert!(!is_centred_heading(&page[..1].iter().collect::<Vec<_>>(), &columns, 800.0));
}

#[test]
fn a_centred_heading_as_close_as_a_row_s_lines_is_set_apart_under_a_line_clear_of_it() {
    let columns = [
        column("N°", 0.0, 30.0, 10.0),
        column("Traitement", 30.0, 150.0, 80.0),
        column("Données", 150.0, 300.0, 200.0),
        column("Durée", 300.0, 400.0, 330.0),
    ];
    // Every line 12 pt under the one before, as a text rendering sets
    // them: the heading sits under a line whose text is clear of it.
    let close = [
        line(12.0, &[("1", 0.0, 5.0), ("Médecine", 30.0, 70.0), ("Santé", 180.0, 210.0), ("50", 300.0, 310.0)]),
        line(24.0, &[("préventive", 30.0, 80.0), ("ans", 300.0, 315.0)]),
        line(36.0, &[("Usagers", 170.0, 205.0), ("(1)", 208.0, 225.0)]),
    ];
    let lines: Vec<&Line> = close.iter().collect();
    let sizes: Vec<usize> = split_centred_headings(vec![lines], &columns, 12.0, 400.0).iter().map(Vec::len).collect();
    assert_eq!(sizes, [2, 1]);
    // The same line under text of its own cell goes on that cell.
    let under_its_cell = [
        line(12.0, &[("1", 0.0, 5.0), ("Médecine", 30.0, 70.0), ("Identité,", 165.0, 205.0), ("50", 300.0, 310.0)]),
        line(24.0, &[("préventive", 30.0, 80.0), ("adresse", 175.0, 215.0), ("ans", 300.0, 315.0)]),
        line(36.0, &[("postale", 180.0, 212.0)]),
    ];
    let lines: Vec<&Line> = under_its_cell.iter().collect();
    let sizes: Vec<usize> = split_centred_headings(vec![lines], &columns, 12.0, 400.0).iter().map(Vec::len).collect();
    assert_eq!(sizes, [3]);
}

#[test]
fn a_band_s_shorter_cells_tell_its_alignment_where_the_first_cell_fills_it() {
    let columns = [
        column("Domaine", 0.0, 100.0, 50.0),
        column("N°", 100.0, 130.0, 110.0),
        column("Finalité", 130.0, 300.0, 180.0),
    ];
    let bottom = [
        line(12.0, &[("Enfance", 0.0, 40.0), ("Gérer", 130.0, 160.0)]),
        line(24.0, &[("jeunesse", 0.0, 40.0), ("1", 100.0, 105.0), ("école", 130.0, 160.0)]),
    ];
    assert_eq!(shorter_cells_sides(&bottom.iter().collect::<Vec<_>>(), &columns), (0, 1));
    let top = [
        line(12.0, &[("Enfance", 0.0, 40.0), ("1", 100.0, 105.0), ("Gérer", 130.0, 160.0)]),
        line(24.0, &[("jeunesse", 0.0, 40.0)]),
    ];
    assert_eq!(shorter_cells_sides(&top.iter().collect::<Vec<_>>(), &columns), (2, 0));
}

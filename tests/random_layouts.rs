//! Random registers in random layouts, typeset by our own writer
//! (`tests/common`): column sets with headers the vocabulary does not know,
//! three base fonts, A4, Letter and A5 either way round, ruled or
//! borderless, cells boxed one by one, rules drawn down the whole page,
//! headers repeated or not, cells and headers centred, rows cut by page
//! breaks, section rows, borderless tables shaded row by row in turn
//! (zebra) or with shaded section bands. Each layout is read back and compared with what was
//! typeset; the share read exactly has a floor, and the failures print
//! (`cargo test --test random_layouts -- --nocapture`).
//!
//! The first [`RENDERED`] layouts are also read as `pdftotext -layout`
//! renders them (`tests/data/random-layouts-pdftotext/`, made by
//! `tests/data/random-layouts-pdftotext/make.sh`), with floors on the
//! registers and on the cells read exactly.
//!
//! Known limits of the writer, not of the reader: its column rules cross
//! section rows; the narrowest columns only just hold the longest word, so
//! a word can fill a line (in Courier) and, where the table shows nowhere
//! else that it ends there, be read as cut at the edge.

mod common;

use common::{BaseFont, Layout, Register, Row};
use serde_json::Value;

/// Layouts tried, and how many of them must be read exactly.
const LAYOUTS: u64 = 1000;
const FLOOR: usize = 998;

/// Layouts rendered by `pdftotext -layout`, and how many of them, and of
/// their cells, must be read exactly.
const RENDERED: u64 = 60;
const RENDERED_FLOOR: usize = 40;
const RENDERED_CELLS_FLOOR: usize = 4180;

/// A small deterministic generator (a linear congruential one): the same
/// layouts on every run and machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn range(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * (self.below(10000) as f64 / 10000.0)
    }
    fn pick<'a>(&mut self, v: &'a [&'a str]) -> &'a str {
        v[self.below(v.len() as u64) as usize]
    }
}

/// The words cells are made of: short and long, elided, capitalized.
const WORDS: &[&str] = &[
    "gestion",
    "des",
    "agents",
    "usagers",
    "données",
    "identité",
    "coordonnées",
    "service",
    "dossier",
    "suivi",
    "demandes",
    "communication",
    "prestataire",
    "hébergement",
    "ministère",
    "direction",
    "instruction",
    "aides",
    "sociales",
    "élèves",
    "familles",
    "adresse",
    "téléphone",
    "courriel",
    "numéro",
    "sécurité",
    "statistiques",
    "l’administration",
    "d’accès",
    "aux",
    "et",
    "la",
    "le",
    "les",
    "de",
    "du",
    "pour",
    "en",
    "avec",
    "sur",
    "habilités",
    "traitement",
    "Mairie",
    "CCAS",
    "RH",
    "candidatures",
    "recrutement",
    "formation",
    "paie",
];

/// Between `min` and `max` words, the first capitalized.
fn sentence(r: &mut Lcg, min: u64, max: u64) -> String {
    let n = min + r.below(max - min + 1);
    let mut w: Vec<String> = (0..n).map(|_| r.pick(WORDS).to_string()).collect();
    if let Some(f) = w.first_mut() {
        let mut c = f.chars();
        if let Some(h) = c.next() {
            *f = h.to_uppercase().collect::<String>() + c.as_str();
        }
    }
    w.join(" ")
}

/// The register and layout of one seed: a title column, two known
/// columns at least, up to nine columns in all (as many as fit the page
/// at the drawn size, each wide enough for nine font sizes).
fn case(seed: u64) -> (Register, Layout) {
    let mut r = Lcg(seed.wrapping_mul(7919) + 17);
    let pool: &[&str] = &[
        "Finalités",
        "Base légale",
        "Catégories de données",
        "Personnes concernées",
        "Destinataires",
        "Durée de conservation",
        "Sous-traitants",
        "Transferts",
        "Mesures de sécurité",
        "Observations",
        "Date de mise à jour",
        "Service référent",
        "Responsable de traitement",
    ];
    let ncols = 3 + r.below(7) as usize;
    let mut headers = vec![if r.below(2) == 0 { "Intitulé" } else { "Nom du traitement" }.to_string()];
    let mut avail: Vec<&str> = pool.to_vec();
    // Two known headers at least besides the title.
    for _ in 0..2 {
        let i = r.below(9) as usize % avail.len();
        headers.push(avail.remove(i).to_string());
    }
    while headers.len() < ncols && !avail.is_empty() {
        let i = r.below(avail.len() as u64) as usize;
        headers.push(avail.remove(i).to_string());
    }
    let nrows = 3 + r.below(25) as usize;
    let mut rows = Vec::new();
    for i in 0..nrows {
        if i > 0 && r.below(8) == 0 {
            rows.push(Row::Section(format!("Domaine {}", i)));
        }
        let cells: Vec<String> = headers
            .iter()
            .map(|h| {
                if h.starts_with("Durée") {
                    format!("{} ans à compter de la {}", 1 + r.below(10), sentence(&mut r, 1, 4).to_lowercase())
                } else {
                    sentence(&mut r, 1, 25)
                }
            })
            .collect();
        rows.push(Row::Record(cells));
    }
    let landscape = r.below(2) == 0;
    let page = match r.below(3) {
        0 => (595.0, 842.0),
        1 => (612.0, 792.0),
        _ => (420.0, 595.0),
    };
    let page = if landscape { (page.1, page.0) } else { page };
    let margin = r.range(20.0, 50.0);
    let avail_w = page.0 - 2.0 * margin;
    let size = r.range(6.0, 10.0).round();
    let padding = r.range(2.0, 6.0);
    let min_w = 9.0 * size + 2.0 * padding;
    let fit = ((avail_w / min_w).floor() as usize).max(2);
    headers.truncate(fit);
    let ncols = headers.len();
    for row in rows.iter_mut() {
        if let Row::Record(c) = row {
            c.truncate(ncols);
        }
    }
    let raw: Vec<f64> = (0..ncols).map(|_| r.range(1.0, 3.0)).collect();
    let sum: f64 = raw.iter().sum();
    let spare = avail_w - min_w * ncols as f64;
    let widths: Vec<f64> = raw.iter().map(|w| (min_w + w / sum * spare * r.range(0.8, 1.0)).floor()).collect();
    let font = match r.below(3) {
        0 => BaseFont::Helvetica,
        1 => BaseFont::Times,
        _ => BaseFont::Courier,
    };
    let ruled = r.below(3) != 0;
    let layout = Layout {
        page,
        margin,
        font,
        size,
        widths,
        ruled,
        repeat_header: r.below(3) != 0,
        padding,
        cell_borders: ruled && r.below(3) == 0,
        rotate: false,
        closing_rule: !ruled && r.below(2) == 0,
        centred_header: r.below(4) == 0,
        centred_cells: r.below(5) == 0,
        cut_rows_from_top: false,
        zebra: !ruled && r.below(4) == 0,
        shaded_sections: r.below(4) == 0,
        last_note_on_new_page: false,
    };
    let register = Register {
        preamble: vec![
            "Registre des activités de traitement".to_string(),
            "Commune de Test, 1 place de la Mairie, 00000 Test".to_string(),
        ],
        headers,
        rows,
        notes: vec![],
    };
    (register, layout)
}

/// Text with its whitespace collapsed.
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The fields of the extraction's columns, in order.
fn fields_of(got: &Value) -> Vec<String> {
    got["columns"]
        .as_array()
        .map(|a| a.iter().map(|c| c["field"].as_str().unwrap_or("").to_string()).collect())
        .unwrap_or_default()
}

/// Whether the extraction holds the typeset headers, records, cells,
/// sections and title; otherwise what differs first.
fn check(register: &Register, got: &Value) -> Result<(), String> {
    let headers: Vec<String> = got["columns"]
        .as_array()
        .map(|a| a.iter().map(|c| c["header"].as_str().unwrap_or("").to_string()).collect())
        .unwrap_or_default();
    if headers != register.headers {
        return Err(format!("headers {headers:?}"));
    }
    let fields = fields_of(got);
    let records = got["records"].as_array().cloned().unwrap_or_default();
    let expected = register.records_with_sections();
    if records.len() != expected.len() {
        let first = fields.first().cloned().unwrap_or_default();
        let k = records
            .iter()
            .zip(&expected)
            .position(|(r, (c, _))| norm(r["cells"][&first].as_str().unwrap_or("")) != norm(&c[0]))
            .unwrap_or(0);
        return Err(format!(
            "records {} want {}; first diff {k}: got {:?} want {:?}",
            records.len(),
            expected.len(),
            records.get(k).map(|r| r["cells"][&first].as_str().unwrap_or("").chars().take(50).collect::<String>()),
            expected.get(k).map(|e| e.0[0].chars().take(50).collect::<String>())
        ));
    }
    for (i, (record, (cells, section))) in records.iter().zip(&expected).enumerate() {
        for (field, want) in fields.iter().zip(cells) {
            let g = norm(record["cells"][field].as_str().unwrap_or(""));
            if g != norm(want) {
                return Err(format!("record {i} field {field}: got {g:?} want {:?}", norm(want)));
            }
        }
        if record["section"].as_str().map(str::to_string) != *section {
            return Err(format!("record {i} section {:?} want {section:?}", record["section"]));
        }
    }
    if got["register"]["title"].as_str() != register.preamble.first().map(String::as_str) {
        return Err(format!("title {:?}", got["register"]["title"]));
    }
    Ok(())
}

#[test]
fn random_layouts_are_read_exactly() {
    let mut exact = 0;
    for seed in 0..LAYOUTS {
        let (register, layout) = case(seed);
        let pdf = common::typeset(&register, &layout);
        let read = registre::extract_pdf(&pdf, "random.pdf", &registre::Options::default())
            .map_err(|e| e.to_string())
            .and_then(|d| serde_json::from_str::<Value>(&d.to_json()).map_err(|e| e.to_string()))
            .and_then(|got| check(&register, &got));
        match read {
            Ok(()) => exact += 1,
            Err(e) => println!(
                "seed {seed} ({} columns, {:?} {:?} {} pt, ruled {}, boxed {}, header repeated {}, zebra {}, shaded sections {}, centred {}): {}",
                register.headers.len(),
                layout.font,
                layout.page,
                layout.size,
                layout.ruled,
                layout.cell_borders,
                layout.repeat_header,
                layout.zebra,
                layout.shaded_sections,
                layout.centred_cells,
                e.chars().take(300).collect::<String>()
            ),
        }
    }
    println!("{exact} of {LAYOUTS} layouts read exactly");
    assert!(exact >= FLOOR, "{exact} of {LAYOUTS} layouts read exactly, floor {FLOOR}");
}

/// How many of the typeset cells the extraction holds, record by record
/// in order, whitespace collapsed.
fn cells_right(register: &Register, got: &Value) -> (usize, usize) {
    let fields = fields_of(got);
    let records = got["records"].as_array().cloned().unwrap_or_default();
    let expected = register.records_with_sections();
    let total = expected.iter().map(|(cells, _)| cells.len()).sum();
    let right = records
        .iter()
        .zip(&expected)
        .map(|(record, (cells, _))| {
            fields
                .iter()
                .zip(cells)
                .filter(|(field, want)| norm(record["cells"][field.as_str()].as_str().unwrap_or("")) == norm(want))
                .count()
        })
        .sum();
    (right, total)
}

#[test]
fn random_layouts_rendered_by_pdftotext_are_read() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/random-layouts-pdftotext");
    let (mut exact, mut right, mut total) = (0, 0, 0);
    for seed in 0..RENDERED {
        let (register, _) = case(seed);
        let Ok(text) = std::fs::read(dir.join(format!("{seed}.txt"))) else {
            panic!("missing rendering {seed}.txt: run make.sh in {}", dir.display());
        };
        let got = registre::extract_text(&text, "random.txt")
            .map_err(|e| e.to_string())
            .and_then(|d| serde_json::from_str::<Value>(&d.to_json()).map_err(|e| e.to_string()));
        let Ok(got) = got else {
            println!("seed {seed}: {got:?}");
            total += register.records_with_sections().iter().map(|(c, _)| c.len()).sum::<usize>();
            continue;
        };
        let (r, t) = cells_right(&register, &got);
        (right, total) = (right + r, total + t);
        match check(&register, &got) {
            Ok(()) => exact += 1,
            Err(e) => println!("seed {seed} ({r}/{t} cells): {}", e.chars().take(200).collect::<String>()),
        }
    }
    println!("{exact} of {RENDERED} renderings read exactly, {right} of {total} cells");
    assert!(exact >= RENDERED_FLOOR, "{exact} of {RENDERED} renderings read exactly, floor {RENDERED_FLOOR}");
    assert!(right >= RENDERED_CELLS_FLOOR, "{right} of {total} cells read, floor {RENDERED_CELLS_FLOOR}");
}

/// Writes the first [`RENDERED`] layouts as PDFs into the folder
/// `REGISTRE_LAYOUT_PDFS` names, for `make.sh` to render.
#[test]
#[ignore = "writes the PDFs the renderings are made from"]
fn write_random_layout_pdfs() {
    let Some(dir) = std::env::var_os("REGISTRE_LAYOUT_PDFS") else { return };
    let dir = std::path::PathBuf::from(dir);
    for seed in 0..RENDERED {
        let (register, layout) = case(seed);
        let written = std::fs::write(dir.join(format!("{seed}.pdf")), common::typeset(&register, &layout));
        assert!(written.is_ok(), "cannot write into {}", dir.display());
    }
}

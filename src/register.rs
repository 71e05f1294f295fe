//! Table grid → register: records with their cells' text, split lists,
//! ids, sections, provenance, and the register's preamble and notes.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::diagnostic::Diagnostic;
use crate::fields;
use crate::geometry::Rect;
use crate::layout::{
    Line, PARAGRAPH_PITCH, collapse_whitespace, drop_added_hyphen, ends_in_added_hyphen, ends_in_word_hyphen,
};
use crate::retention::{self, RetentionRule};
use crate::table::{CellLine, CellPart, Entry, Table};

/// Fields whose cell is also split into a list of items.
pub const LIST_FIELDS: [&str; 5] = ["purposes", "controllers", "data_categories", "data_subjects", "recipients"];

/// The register's own description, from the text around the table.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Register {
    /// The register's title.
    pub title: Option<String>,
    /// The body keeping the register.
    pub organization: Option<String>,
    /// Its postal address.
    pub address: Option<String>,
    /// Where to exercise one's rights (an e-mail address).
    pub rights_contact: Option<String>,
    /// Notes printed below the table, one per paragraph.
    pub notes: Vec<String>,
}

/// A printed column header and the field it maps to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnField {
    /// The header as printed.
    pub header: String,
    /// The field name.
    pub field: String,
}

/// Cells as an ordered JSON object: field → text, in column order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cells(pub Vec<(String, String)>);

impl Cells {
    /// The text of a field's cell.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.iter().find(|(f, _)| f == field).map(|(_, t)| t.as_str())
    }
}

impl Serialize for Cells {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (field, text) in &self.0 {
            map.serialize_entry(field, text)?;
        }
        map.end()
    }
}

/// Where one part of a cell is printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellBox {
    /// The field of the cell.
    pub field: String,
    /// 1-based page.
    pub page: u32,
    /// The box in page space (points from the top-left corner).
    pub bbox: Rect,
}

/// Where a record is printed.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Provenance {
    /// The pages the record spans.
    pub pages: Vec<u32>,
    /// Each cell part's box (PDF input only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<CellBox>,
}

/// One processing activity.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Record {
    /// Stable slug of the title, unique in the register.
    pub id: String,
    /// The group heading above the record, if the register has any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Every cell's full text.
    pub cells: Cells,
    /// Purposes, one per item.
    pub purposes: Vec<String>,
    /// Controllers, one per item.
    pub controllers: Vec<String>,
    /// Data categories, one per item.
    pub data_categories: Vec<String>,
    /// Data subjects, one per item.
    pub data_subjects: Vec<String>,
    /// Recipients, one per item.
    pub recipients: Vec<String>,
    /// Retention rules found in the record.
    pub retention: Vec<RetentionRule>,
    /// Where the record is printed.
    pub provenance: Provenance,
}

/// A register: its description, columns and records.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    /// Preamble and notes.
    pub register: Register,
    /// Columns in order.
    pub columns: Vec<ColumnField>,
    /// Records in order.
    pub records: Vec<Record>,
    /// What the extraction noticed.
    pub diagnostics: Vec<Diagnostic>,
}

/// Joins printed lines into one string: one space between lines, none
/// after a line that ends inside a word (see [`CellLine::breaks_word`]),
/// white space collapsed. The hyphen of such a line goes where the
/// typesetter added it ([`CellLine::hyphen_added`], or a hyphen only
/// typesetters set, [`crate::layout::ends_in_added_hyphen`]).
pub fn join_lines<'a>(lines: impl IntoIterator<Item = &'a CellLine>) -> String {
    let mut out = String::new();
    let mut glue = false;
    for line in lines {
        let text = line.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            continue;
        }
        if !out.is_empty() && !glue {
            out.push(' ');
        }
        out.push_str(&text);
        if line.hyphen_added && line.breaks_word && out.ends_with('-') {
            out.pop();
        }
        if line.breaks_word {
            drop_added_hyphen(&mut out);
        }
        glue = line.breaks_word;
    }
    out
}

fn cell_lines(parts: &[CellPart]) -> impl Iterator<Item = &CellLine> {
    parts.iter().flat_map(|p| p.lines.iter())
}

static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[•●▪◦‣∙·\-–—*]|\d{1,2}[.)])\s+").unwrap_or_else(|_| unreachable!()));

/// Splits a cell into items: paragraphs, bulleted lines, `;`-separated
/// clauses and, for data categories, top-level commas; the `remove` texts
/// (retention statements printed among data categories) are left out.
pub fn split_items(parts: &[CellPart], split_commas: bool, remove: &[&str]) -> Vec<String> {
    let mut paragraphs: Vec<Vec<&CellLine>> = Vec::new();
    for line in cell_lines(parts) {
        let new = line.starts_paragraph || BULLET.is_match(&line.text);
        match paragraphs.last_mut() {
            Some(p) if !new => p.push(line),
            _ => paragraphs.push(vec![line]),
        }
    }
    let mut items = Vec::new();
    for paragraph in paragraphs {
        let mut text = join_lines(paragraph);
        for statement in remove.iter().filter(|s| !s.is_empty()) {
            // What stood before and after the statement are separate items.
            text = text.replace(statement, ";");
        }
        let text = BULLET.replace(&text, "").into_owned();
        for clause in split_top_level(&text, split_commas) {
            let clause = clause.trim().trim_end_matches([';', ',']).trim();
            if !clause.is_empty() {
                items.push(clause.to_string());
            }
        }
    }
    items
}

/// Splits at `;`, at `•`, and (optionally) at commas outside parentheses.
fn split_top_level(text: &str, commas: bool) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        let split = c == ';' || c == '•' || (commas && c == ',' && depth == 0);
        if split {
            out.push(String::new());
        } else if let Some(last) = out.last_mut() {
            last.push(c);
        }
    }
    out
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}").unwrap_or_else(|_| unreachable!())
});
static POSTAL_CODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b\d{5}\b").unwrap_or_else(|_| unreachable!()));
/// A comma before a street number (`, 14 avenue`, `, 3bis rue`), not before
/// a postal code (`, 17000 La Rochelle`): where an organization's name
/// ends on an address line.
static STREET_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r",\s*(\d{1,4})(?:\D|$)").unwrap_or_else(|_| unreachable!()));

/// Whether `next` goes on the preamble line `line` as the same paragraph (a
/// title that wrapped): set in the same type right under it, and either
/// its first word would not have fit at the end of `line` within the
/// text's horizontal extent `span` (centred lines grow on both sides), or
/// `line` ends on a word that needs a complement (`de`, `la`, a hyphen) or
/// `next` opens in lower case. A line that stopped short of the extent
/// with nothing left hanging was broken on purpose.
fn continues_preamble_line(line: &Line, next: &Line, span: (f64, f64)) -> bool {
    let size = line.font_size();
    let same_type = (next.font_size() - size).abs() < 0.1 && next.is_bold() == line.is_bold();
    let pitch = next.bbox.y1 - line.bbox.y1;
    if !same_type || pitch <= 0.0 || pitch > PARAGRAPH_PITCH * size {
        return false;
    }
    let Some(first) = next.words.first() else { return false };
    let (left, right) = span;
    let word = 0.25 * size + first.bbox.width();
    let centred = line.bbox.x0 > left + size && (line.bbox.center_x() - (left + right) / 2.0).abs() < size;
    let wrapped = if centred { line.bbox.width() + word > right - left } else { line.bbox.x1 + word > right };
    let text = line.text();
    let hanging =
        text.ends_with('-') || ends_in_added_hyphen(&text) || text.rsplit(' ').next().is_some_and(fields::is_connector);
    wrapped || hanging || first.text.chars().next().is_some_and(char::is_lowercase)
}

/// The text of lines that make one paragraph (the title, a note): joined
/// with a space, or with none after a word ending on a hyphen (`Port-` /
/// `Exemple`).
fn paragraph_text<'a>(lines: impl IntoIterator<Item = &'a Line>) -> String {
    let mut out = String::new();
    for line in lines {
        let text = collapse_whitespace(&line.text());
        // A word broken after its hyphen (`sous-` / `traitants`) goes on
        // the next line; a lone dash (`Légifrance -`) is a separator.
        if !out.is_empty() && !ends_in_word_hyphen(&out) {
            out.push(' ');
        }
        drop_added_hyphen(&mut out);
        out.push_str(&text);
    }
    out
}

/// Reads the preamble: the title (largest type, preferring a line that says
/// "registre", with the lines its paragraph wrapped onto), the address
/// (the line with a postal code, after the organization's name when both
/// share the line), the rights contact (the first e-mail address). `span`
/// is the horizontal extent of the table's text ([`Table::text_span`]),
/// which tells a wrapped line from one broken on purpose.
pub fn read_preamble(preamble: &[Line], span: (f64, f64), notes: &[String]) -> Register {
    let preamble: Vec<&Line> = preamble.iter().filter(|l| !collapse_whitespace(&l.text()).is_empty()).collect();
    let span = preamble.iter().fold(span, |(left, right), l| (left.min(l.bbox.x0), right.max(l.bbox.x1)));
    let mut register = Register::default();
    let texts: Vec<String> = preamble.iter().map(|l| collapse_whitespace(&l.text())).collect();
    register.rights_contact = texts
        .iter()
        .chain(notes.iter())
        .find_map(|t| EMAIL.find(t).map(|m| m.as_str().trim_end_matches('.').to_string()));

    let mut used = vec![false; texts.len()];
    for (i, t) in texts.iter().enumerate() {
        if EMAIL.is_match(t) {
            used[i] = true;
        }
    }
    let max_size = preamble.iter().map(|l| l.font_size()).fold(0.0, f64::max);
    let title_index = texts
        .iter()
        .enumerate()
        .filter(|(i, _)| !used.get(*i).copied().unwrap_or(true))
        .max_by(|(i, a), (j, b)| {
            let score = |k: usize, t: &str| {
                let size = preamble.get(k).map_or(0.0, |l| l.font_size());
                let registre = t.to_lowercase().contains("registre");
                (u8::from(registre), u8::from(size >= max_size - 0.1), size)
            };
            let (sa, sb) = (score(*i, a), score(*j, b));
            sa.0.cmp(&sb.0).then(sa.1.cmp(&sb.1)).then(sa.2.total_cmp(&sb.2)).then(j.cmp(i))
        })
        .map(|(i, _)| i);
    if let Some(i) = title_index {
        let goes_on = |k: usize| match (preamble.get(k), preamble.get(k + 1)) {
            (Some(line), Some(next)) => {
                !used.get(k + 1).copied().unwrap_or(true) && continues_preamble_line(line, next, span)
            }
            _ => false,
        };
        let mut first = i;
        while first > 0 && !used.get(first - 1).copied().unwrap_or(true) && goes_on(first - 1) {
            first -= 1;
        }
        let mut last = i;
        while goes_on(last) {
            last += 1;
        }
        register.title = Some(paragraph_text(preamble.get(first..=last).unwrap_or_default().iter().copied()));
        for u in used.get_mut(first..=last).into_iter().flatten() {
            *u = true;
        }
    }
    if let Some(i) = (0..texts.len())
        .find(|&i| !used.get(i).copied().unwrap_or(true) && texts.get(i).is_some_and(|t| POSTAL_CODE.is_match(t)))
    {
        let text = texts.get(i).cloned().unwrap_or_default();
        if let Some(u) = used.get_mut(i) {
            *u = true;
        }
        match STREET_START.captures(&text).and_then(|c| c.get(1)) {
            Some(digit) => {
                let comma = text.get(..digit.start()).and_then(|s| s.rfind(',')).unwrap_or(0);
                register.organization = text.get(..comma).map(|s| s.trim().to_string());
                register.address = text.get(digit.start()..).map(|s| s.trim().to_string());
            }
            None => register.address = Some(text),
        }
    }
    if register.organization.is_none() {
        register.organization =
            (0..texts.len()).find(|&i| !used.get(i).copied().unwrap_or(true)).and_then(|i| texts.get(i).cloned());
    }
    register
}

/// Builds the register from a reconstructed table.
pub fn build(table: &Table, with_boxes: bool) -> Extracted {
    let headers: Vec<String> = table.columns.iter().map(|c| collapse_whitespace(&c.header)).collect();
    let keys: Vec<String> = table.columns.iter().map(|c| collapse_whitespace(&c.key)).collect();
    let columns: Vec<ColumnField> = fields::fields_for_headers(&keys)
        .into_iter()
        .zip(headers)
        .map(|(field, header)| ColumnField { header, field })
        .collect();
    // Headings under the last record head nothing: they are text set
    // across the table after its rows (notes a page break carried off
    // with no row under them), and come before the notes below the table.
    let last_row = table.entries.iter().rposition(|e| matches!(e, Entry::Row(_)));
    let headings_after_rows =
        table.entries.iter().skip(last_row.map_or(usize::MAX, |i| i + 1)).filter_map(|e| match e {
            Entry::Section { text, .. } => Some(collapse_whitespace(text)),
            Entry::Row(_) => None,
        });
    let notes: Vec<String> =
        headings_after_rows.chain(table.notes.iter().map(paragraph_text)).filter(|t| !t.is_empty()).collect();
    let span = table.text_span().unwrap_or((f64::INFINITY, f64::NEG_INFINITY));
    let mut register = read_preamble(&table.preamble, span, &notes);
    register.notes = notes;

    let mut records: Vec<Record> = Vec::new();
    let mut diagnostics = Vec::new();
    let mut section: Option<String> = None;
    let mut ids: Vec<String> = Vec::new();
    for entry in &table.entries {
        let row = match entry {
            Entry::Section { text, .. } => {
                section = Some(collapse_whitespace(text));
                continue;
            }
            Entry::Row(row) => row,
        };
        let mut record = Record { section: section.clone(), ..Record::default() };
        for (column, parts) in columns.iter().zip(row.cells.iter().chain(std::iter::repeat(&Vec::new()))) {
            let text = join_lines(cell_lines(parts));
            if with_boxes {
                for part in parts {
                    record.provenance.cells.push(CellBox {
                        field: column.field.clone(),
                        page: part.page,
                        bbox: part.bbox.rounded(),
                    });
                }
            }
            record.cells.0.push((column.field.clone(), text));
        }
        record.provenance.pages = row.pages.clone();
        let title = record.cells.get("title").or_else(|| record.cells.0.first().map(|(_, t)| t.as_str()));
        let mut id = title
            .map(fields::slug)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| format!("record-{}", records.len() + 1));
        let base = id.clone();
        let mut n = 1;
        while ids.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        ids.push(id.clone());
        record.id = id;
        if !row.merged_above.is_empty() {
            let merged: Vec<&str> =
                row.merged_above.iter().filter_map(|&c| columns.get(c)).map(|c| c.header.as_str()).collect();
            diagnostics.push(
                Diagnostic::info(
                    "table.merged_cell",
                    format!(
                        "one merged cell spans this record and the one above ({}): each record has its text",
                        merged.join("; ")
                    ),
                )
                .for_record(&record.id),
            );
        }
        let (rules, found) = retention::rules_of_record(&record.cells, &record.id);
        let statements: Vec<&str> = rules.iter().map(|r| r.text.as_str()).collect();
        for (column, parts) in columns.iter().zip(row.cells.iter().chain(std::iter::repeat(&Vec::new()))) {
            let field = column.field.as_str();
            if !LIST_FIELDS.contains(&field) {
                continue;
            }
            let items = match field {
                "data_categories" => split_items(parts, true, &statements),
                _ => split_items(parts, false, &[]),
            };
            match field {
                "purposes" => record.purposes.extend(items),
                "controllers" => record.controllers.extend(items),
                "data_categories" => record.data_categories.extend(items),
                "data_subjects" => record.data_subjects.extend(items),
                _ => record.recipients.extend(items),
            }
        }
        record.retention = rules;
        diagnostics.extend(found);
        records.push(record);
    }
    Extracted { register, columns, records, diagnostics }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Word, group_lines};

    /// The preamble's lines, one per text, 10 pt type.
    fn lines(texts: &[&str]) -> Vec<Line> {
        texts
            .iter()
            .enumerate()
            .flat_map(|(i, text)| {
                let y = 20.0 * i as f64;
                let word = Word {
                    text: (*text).to_string(),
                    bbox: Rect { x0: 0.0, y0: y, x1: 300.0, y1: y + 10.0 },
                    font_size: 10.0,
                    bold: false,
                    space_after: false,
                };
                group_lines(&[word])
            })
            .collect()
    }

    #[test]
    fn an_organization_shares_its_address_line_before_a_street_number_not_before_a_postal_code() {
        let shared = read_preamble(
            &lines(&["Registre des traitements", "Ministères sociaux, 14 avenue Duquesne, 75730 Paris SP 07"]),
            (0.0, 300.0),
            &[],
        );
        assert_eq!(shared.organization.as_deref(), Some("Ministères sociaux"));
        assert_eq!(shared.address.as_deref(), Some("14 avenue Duquesne, 75730 Paris SP 07"));
        let alone = read_preamble(
            &lines(&[
                "Registre des traitements",
                "Mairie de Port-Exemple",
                "1 place de l’Hôtel de Ville, 17000 La Rochelle",
            ]),
            (0.0, 300.0),
            &[],
        );
        assert_eq!(alone.organization.as_deref(), Some("Mairie de Port-Exemple"));
        assert_eq!(alone.address.as_deref(), Some("1 place de l’Hôtel de Ville, 17000 La Rochelle"));
    }

    /// A line of `size` pt type on baseline `y`, its words set from `x0`
    /// with a space of a quarter of the size, each letter half the size wide.
    fn set_line(text: &str, x0: f64, y: f64, size: f64) -> Line {
        let mut x = x0;
        let words: Vec<Word> = text
            .split(' ')
            .map(|w| {
                let width = 0.5 * size * w.chars().count() as f64;
                let word = Word {
                    text: w.to_string(),
                    bbox: Rect { x0: x, y0: y - size, x1: x + width, y1: y },
                    font_size: size,
                    bold: false,
                    space_after: true,
                };
                x += width + 0.25 * size;
                word
            })
            .collect();
        group_lines(&words).into_iter().next().unwrap_or_else(|| unreachable!("one line"))
    }

    #[test]
    fn a_paragraph_joins_a_word_broken_after_its_hyphen_but_not_a_lone_dash() {
        let text = |lines: &[&str]| {
            let set: Vec<Line> =
                lines.iter().enumerate().map(|(i, l)| set_line(l, 0.0, 12.0 * (i + 1) as f64, 10.0)).collect();
            paragraph_text(&set)
        };
        assert_eq!(text(&["Des sous-", "traitants peuvent agir"]), "Des sous-traitants peuvent agir");
        assert_eq!(text(&["Légifrance -", "Publications officielles"]), "Légifrance - Publications officielles");
    }

    /// A preamble line set by [`set_line`]: text, left edge, baseline, size.
    type SetLine = (&'static str, f64, f64, f64);

    #[test]
    fn a_title_takes_the_lines_it_wrapped_onto_and_no_line_broken_on_purpose() {
        // Each case: its lines, within a text extent 0..200, and the title
        // read.
        let cases: &[(&[SetLine], &str)] = &[
            // Left-aligned: the first line ends at 172.5, and
            // `Port-Exemple` (60 wide) would not have fit after it.
            (
                &[
                    ("Registre des traitements de la Mairie", 0.0, 20.0, 10.0),
                    ("Port-Exemple", 0.0, 32.0, 10.0),
                    ("Mairie de Port-Exemple", 0.0, 50.0, 8.0),
                ],
                "Registre des traitements de la Mairie Port-Exemple",
            ),
            // Centred lines grow on both sides: after a line 167.5 wide, a
            // word 70 wide would not have fit in 200, one 50 wide would
            // have (though not between the line's end and the extent's).
            (
                &[("Registre des traitements de la Ville", 16.25, 20.0, 10.0), ("Hôtel-de-Ville", 65.0, 32.0, 10.0)],
                "Registre des traitements de la Ville Hôtel-de-Ville",
            ),
            (
                &[("Registre des traitements", 42.5, 20.0, 10.0), ("Communauté de communes", 42.5, 32.0, 10.0)],
                "Registre des traitements",
            ),
            // The next line would have fit: a line of its own.
            (&[("Registre des traitements", 0.0, 20.0, 10.0), ("Mairie", 0.0, 32.0, 10.0)], "Registre des traitements"),
            // A line opening in lower case goes on (`de` would have fit),
            // as does one after a line ending on `la` or a hyphen; a
            // paragraph apart, nothing does.
            (
                &[("Registre des traitements de la Mairie", 0.0, 20.0, 10.0), ("de Port-Exemple", 0.0, 32.0, 10.0)],
                "Registre des traitements de la Mairie de Port-Exemple",
            ),
            (&[("Registre de la", 0.0, 20.0, 10.0), ("Commune", 0.0, 32.0, 10.0)], "Registre de la Commune"),
            (&[("Registre de Port-", 0.0, 20.0, 10.0), ("Exemple", 0.0, 32.0, 10.0)], "Registre de Port-Exemple"),
            (&[("Registre de la", 0.0, 20.0, 10.0), ("Commune", 0.0, 45.0, 10.0)], "Registre de la"),
            // The title line may be the wrapped line's continuation.
            (
                &[("Communauté de communes du", 0.0, 20.0, 10.0), ("registre", 0.0, 32.0, 10.0)],
                "Communauté de communes du registre",
            ),
        ];
        for (lines, want) in cases {
            let preamble: Vec<Line> = lines.iter().map(|(text, x0, y, size)| set_line(text, *x0, *y, *size)).collect();
            assert_eq!(read_preamble(&preamble, (0.0, 200.0), &[]).title.as_deref(), Some(*want));
        }
    }
}

//! `registre`: GDPR registers of processing activities (PDF or text) → JSON.
//!
//! The pipeline, one module per stage, each handing plain data to the next:
//!
//! 1. [`pdf`]: PDF bytes → [`pdf::PageContent`] (positioned glyphs, ruling lines);
//!    [`text`]: a text rendering → the same word layout, without the PDF
//!    ([`flowed`] segments text flowed cell after cell into columns and rows,
//!    and sets flowed fiches label beside value).
//! 2. [`layout`]: glyphs → words → [`layout::Page`] (where both paths meet).
//! 3. [`table`]: pages → [`table::Table`] (header, columns, rows across pages,
//!    sections, preamble and notes); [`fiche`] builds the same table from
//!    registers set as one form per activity (label and value columns).
//! 4. [`register`]: table → records with cell text, split lists and ids.
//! 5. [`retention`]: retention statements in each record → normalized rules.
//! 6. [`output`]: the JSON document of the SPEC.
//!
//! [`batch`] runs the pipeline over many inputs and writes the results.
#![deny(missing_docs)]

pub mod batch;
pub mod diagnostic;
pub mod error;
pub mod fiche;
pub mod fields;
pub mod flowed;
pub mod geometry;
pub mod layout;
pub mod output;
pub mod pdf;
pub mod register;
pub mod retention;
pub mod table;
pub mod text;

use diagnostic::Diagnostic;
use error::{Error, ErrorKind, Result};
use output::{Document, Format, Source};

/// Options of an extraction.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// User password for encrypted PDFs (the empty password is always tried).
    pub password: Option<String>,
}

/// Extracts a register from a PDF held in memory.
pub fn extract_pdf(bytes: &[u8], file: &str, options: &Options) -> Result<Document> {
    let doc = pdf::open(bytes, file, options.password.as_deref())?;
    let ids = pdf::page_ids(&doc, file)?;
    let mut pages = Vec::with_capacity(ids.len());
    let mut diagnostics = Vec::new();
    let mut images = 0;
    let (mut unmapped, mut codes) = (0, 0);
    for (i, id) in ids.iter().enumerate() {
        let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let content = pdf::read_page(&doc, *id, number, file)?;
        if content.unmapped_codes > 0 {
            diagnostics.push(
                Diagnostic::warning(
                    "pdf.unmapped_glyphs",
                    format!("{} character codes have no Unicode mapping; shown as U+FFFD", content.unmapped_codes),
                )
                .on_page(number),
            );
        }
        if content.truncated_content {
            diagnostics.push(
                Diagnostic::warning("pdf.content_truncated", "page content stopped early (syntax error or limit)")
                    .on_page(number),
            );
        }
        images += content.images;
        unmapped += content.unmapped_codes;
        codes += content.glyphs.len();
        pages.push(layout::page_of(&content));
    }
    if pages.iter().all(|p| p.words.is_empty()) {
        return Err(Error::file(file, ErrorKind::NoTextLayer { images }));
    }
    finish(&pages, file, Format::Pdf, bytes, true, diagnostics).map_err(|e| {
        // Text that is mostly unmapped codes hides the table: say so rather
        // than that there is none.
        if e.kind == ErrorKind::NoRegisterTable && unmapped * 2 > codes {
            Error::file(file, ErrorKind::UndecodableText { unmapped, codes })
        } else {
            e
        }
    })
}

/// Extracts a register from a text rendering held in memory.
pub fn extract_text(bytes: &[u8], file: &str) -> Result<Document> {
    let decoded = text::decode(bytes, file)?;
    let (pages, diagnostics) = match text::detect_form(&decoded) {
        text::Form::Layout => (text::layout_pages(&decoded), Vec::new()),
        text::Form::Flowed => text::flowed_pages(&decoded).map_err(|kind| Error::file(file, kind))?,
    };
    finish(&pages, file, Format::Text, bytes, false, diagnostics)
}

/// The shared tail of both paths: table, register, output.
fn finish(
    pages: &[layout::Page],
    file: &str,
    format: Format,
    bytes: &[u8],
    boxes: bool,
    mut diagnostics: Vec<Diagnostic>,
) -> Result<Document> {
    // A register set as fiches has no header row, but its stacked labels
    // can pass for a header band: fiches are tried first.
    let table = fiche::reconstruct(pages).map_or_else(|| table::reconstruct(pages), Ok);
    let table = table.map_err(|e| {
        Error::file(
            file,
            match e {
                table::TableError::NoText if format == Format::Pdf => ErrorKind::NoTextLayer { images: 0 },
                table::TableError::NoText => ErrorKind::NoRegisterTable,
                table::TableError::NoHeader => ErrorKind::NoRegisterTable,
            },
        )
    })?;
    let mut extracted = register::build(&table, boxes);
    for diagnostic in &mut diagnostics {
        if let Some(row) = diagnostic.row.take() {
            diagnostic.record = extracted.records.get(row).map(|r| r.id.clone());
        }
    }
    diagnostics.append(&mut extracted.diagnostics);
    extracted.diagnostics = diagnostics;
    let source = Source { file: file.to_string(), format, sha256: output::sha256_hex(bytes), pages: pages.len() };
    Ok(Document::new(source, extracted))
}

/// Extracts a register from bytes, choosing the path from the file name's
/// extension or, failing that, from the bytes themselves.
pub fn extract(bytes: &[u8], file: &str, options: &Options) -> Result<Document> {
    if bytes.is_empty() {
        return Err(Error::file(file, ErrorKind::Empty));
    }
    let lower = file.to_ascii_lowercase();
    let looks_pdf = bytes.get(..bytes.len().min(1024)).unwrap_or_default().windows(5).any(|w| w == b"%PDF-");
    if looks_pdf || lower.ends_with(".pdf") { extract_pdf(bytes, file, options) } else { extract_text(bytes, file) }
}

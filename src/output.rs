//! Register → the JSON document of the SPEC, byte-for-byte deterministic.

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::register::{ColumnField, Extracted, Record, Register};

/// Version of the output contract.
pub const SCHEMA_VERSION: u32 = 1;

/// The input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A PDF file.
    Pdf,
    /// A text rendering.
    Text,
}

/// What was read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// File name only.
    pub file: String,
    /// Input format.
    pub format: Format,
    /// SHA-256 of the input bytes, lower-case hex.
    pub sha256: String,
    /// Page count.
    pub pages: usize,
}

/// The whole output for one register.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The input.
    pub source: Source,
    /// Preamble and notes.
    pub register: Register,
    /// The table's columns.
    pub columns: Vec<ColumnField>,
    /// One record per processing activity.
    pub records: Vec<Record>,
    /// What the extraction noticed.
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// Assembles the document of an extraction.
    pub fn new(source: Source, extracted: Extracted) -> Document {
        Document {
            schema_version: SCHEMA_VERSION,
            source,
            register: extracted.register,
            columns: extracted.columns,
            records: extracted.records,
            diagnostics: extracted.diagnostics,
        }
    }

    /// The JSON text: two-space indentation, fields in contract order, final newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        text.push('\n');
        text
    }
}

/// Lower-case hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

//! Diagnostics: what an extraction noticed without failing.

use serde::Serialize;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Something a reader should check.
    Warning,
    /// For information.
    Info,
}

/// One thing the extraction noticed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Severity.
    pub level: Level,
    /// A stable dotted code, e.g. `retention.unparsed`.
    pub code: String,
    /// The record concerned, by id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    /// The page concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The record concerned by its position among the records, where the
    /// stage that noticed it comes before records have ids (resolved into
    /// `record` when the register is built).
    #[serde(skip)]
    pub row: Option<usize>,
    /// A sentence for people.
    pub message: String,
}

impl Diagnostic {
    /// A warning with a code and message.
    pub fn warning(code: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            level: Level::Warning,
            code: code.to_string(),
            record: None,
            page: None,
            row: None,
            message: message.into(),
        }
    }

    /// A diagnostic for information, with a code and message.
    pub fn info(code: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic { level: Level::Info, ..Diagnostic::warning(code, message) }
    }

    /// The same diagnostic, about a record.
    pub fn for_record(mut self, record: &str) -> Diagnostic {
        self.record = Some(record.to_string());
        self
    }

    /// The same diagnostic, about the record at position `row` (0 for the
    /// first).
    pub fn for_row(mut self, row: usize) -> Diagnostic {
        self.row = Some(row);
        self
    }

    /// The same diagnostic, about a page.
    pub fn on_page(mut self, page: u32) -> Diagnostic {
        self.page = Some(page);
        self
    }
}

//! Retention statements → normalized rules.

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::register::Cells;

/// One normalized retention rule (SPEC "Retention rules").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetentionRule {
    /// The whole statement as printed.
    pub text: String,
}

/// Finds and normalizes the retention statements of a record.
pub fn rules_of_record(_cells: &Cells, _record: &str) -> (Vec<RetentionRule>, Vec<Diagnostic>) {
    (Vec::new(), Vec::new())
}

/// The JSON `registre retention` prints: for each phrase, its text and rules.
pub fn phrases_json(phrases: &[String]) -> String {
    let items: Vec<serde_json::Value> =
        phrases.iter().map(|p| serde_json::json!({ "text": p, "rules": Vec::<RetentionRule>::new() })).collect();
    serde_json::to_string_pretty(&items).unwrap_or_default()
}

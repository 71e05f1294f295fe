//! Retention statements → normalized rules (SPEC "Retention rules").
//!
//! Two steps: [`find_statements`] locates each retention statement in a
//! cell with the label it is scoped to; [`parse_statement`] reads one
//! statement with a small regex grammar: clauses (`;`/bullets, `ou`
//! alternatives, `puis` phases, appositions, inline scopes), then per clause
//! a length (digits or French number words, units, halves), its bound, and
//! the event or state it counts from, runs until or lasts while.
//!
//! Modules, in that order: `find` (statements in a cell), `statement`
//! (a statement's clauses and scopes), `clause` (one clause's rule),
//! `length` (numbers, units and durations).

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::layout::collapse_whitespace;
use crate::register::Cells;

mod clause;
mod find;
mod length;
mod statement;

use clause::*;
use find::*;
pub use find::{Statement, find_retention_column_statements, find_statements};
use length::*;
pub use statement::parse_statement;
use statement::*;

/// What kind of retention a rule states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A length of time.
    Period,
    /// Until an event, with no length.
    UntilEvent,
    /// As long as a state lasts.
    While,
    /// Without limit.
    Permanent,
    /// No usable length or end.
    Unspecified,
}

/// Whether a period is exact or a limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// The length as stated.
    Exact,
    /// An upper limit.
    Max,
    /// A lower limit.
    Min,
}

/// One normalized retention rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetentionRule {
    /// The whole statement as printed, white space collapsed.
    pub text: String,
    /// The data, person or channel the statement is scoped to.
    pub applies_to: Option<String>,
    /// The kind of rule.
    pub kind: Kind,
    /// ISO 8601 duration, for periods.
    pub duration: Option<String>,
    /// Exact or a limit.
    pub bound: Bound,
    /// The event a period runs from.
    pub from: Option<String>,
    /// The event data is kept until.
    pub until: Option<String>,
    /// The state data is kept while.
    #[serde(rename = "while")]
    pub while_: Option<String>,
    /// Hedged (`le cas échéant`).
    pub conditional: bool,
    /// Index of the first rule of the alternatives this one belongs to.
    pub alternative_to: Option<usize>,
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| unreachable!("constant regex: {e}"))
}

const NUMBER_WORDS: &str = "un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts|vingt|trente|quarante|cinquante|soixante|cents|cent";

/// Finds and normalizes the retention statements of a record: the
/// retention column when the register has one, and retention sentences in
/// every other cell but the title and purposes.
pub fn rules_of_record(cells: &Cells, record: &str) -> (Vec<RetentionRule>, Vec<Diagnostic>) {
    let mut rules = Vec::new();
    let mut diagnostics = Vec::new();
    for (field, text) in &cells.0 {
        if field == "title" || field == "purposes" || field == "number" {
            continue;
        }
        let statements =
            if field == "retention_period" { find_retention_column_statements(text) } else { find_statements(text) };
        for statement in statements {
            let parsed = parse_statement(&statement.text, statement.applies_to.as_deref());
            if parsed.iter().all(|r| r.kind == Kind::Unspecified) {
                diagnostics.push(
                    Diagnostic::warning(
                        "retention.unparsed",
                        format!("retention statement not understood: {}", statement.text),
                    )
                    .for_record(record),
                );
            }
            rules.extend(parsed);
        }
    }
    (rules, diagnostics)
}

/// The JSON `registre retention` prints: for each phrase, its text and rules.
pub fn phrases_json(phrases: &[String]) -> String {
    #[derive(Serialize)]
    struct Phrase {
        text: String,
        rules: Vec<RetentionRule>,
    }
    let items: Vec<Phrase> =
        phrases.iter().map(|p| Phrase { text: collapse_whitespace(p), rules: parse_statement(p, None) }).collect();
    let mut json = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_string());
    json.push('\n');
    json
}

#[cfg(test)]
mod tests;

//! What the library extracts from a text, as the CLI writes it.

use serde_json::Value;

/// The document extracted from a text rendering named `name`, as JSON.
pub fn text_json(text: &str, name: &str) -> Value {
    let document = registre::extract_text(text.as_bytes(), name);
    let document = document.unwrap_or_else(|e| panic!("extraction failed: {e}"));
    serde_json::from_str(&document.to_json()).unwrap_or(Value::Null)
}

/// A document's records' cells, in column order.
pub fn cells_of(json: &Value) -> Vec<Vec<String>> {
    let fields: Vec<String> = json["columns"]
        .as_array()
        .map(|a| a.iter().map(|c| c["field"].as_str().unwrap_or("").to_string()).collect())
        .unwrap_or_default();
    json["records"]
        .as_array()
        .map(|records| {
            records
                .iter()
                .map(|r| fields.iter().map(|f| r["cells"][f].as_str().unwrap_or("").to_string()).collect())
                .collect()
        })
        .unwrap_or_default()
}

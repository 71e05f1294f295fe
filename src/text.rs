//! Text renderings of registers → the word layout of [`crate::layout::Page`].

use crate::error::{Error, ErrorKind, Result};
use crate::layout::Page;

/// Decodes a text input: UTF-8 (with or without BOM) or Latin-1; binary refused.
pub fn decode(bytes: &[u8], file: &str) -> Result<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.is_empty() {
        return Err(Error::file(file, ErrorKind::Empty));
    }
    if bytes.contains(&0) {
        return Err(Error::file(file, ErrorKind::BinaryText));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.replace("\r\n", "\n")),
        Err(_) => Err(Error::file(file, ErrorKind::TextEncoding("not UTF-8".into()))),
    }
}

/// Lays out a decoded text as pages of words.
pub fn pages(_text: &str) -> Vec<Page> {
    Vec::new()
}

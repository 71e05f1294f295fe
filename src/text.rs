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
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => decode_single_byte(bytes).ok_or_else(|| {
            Error::file(file, ErrorKind::TextEncoding("neither UTF-8 nor Latin-1/Windows-1252".into()))
        })?,
    };
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Windows-1252 (a superset of Latin-1's printable range), the other
/// encoding French text files come in. Refused when control bytes other
/// than tab, line feed, carriage return and form feed appear, or when the
/// bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D (unassigned) do: then it is not text
/// in that encoding either.
fn decode_single_byte(bytes: &[u8]) -> Option<String> {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x09 | 0x0A | 0x0C | 0x0D | 0x20..=0x7E => Some(char::from(b)),
            0x81 | 0x8D | 0x8F | 0x90 | 0x9D => None,
            0x80..=0x9F => HIGH.get(usize::from(b - 0x80)).copied(),
            0xA0..=0xFF => Some(char::from(b)),
            _ => None,
        })
        .collect()
}

/// Lays out a decoded text as pages of words.
pub fn pages(_text: &str) -> Vec<Page> {
    Vec::new()
}

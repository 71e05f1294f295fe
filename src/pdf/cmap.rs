//! ToUnicode CMaps: the map from a font's character codes to Unicode text.
//!
//! Only the parts a ToUnicode CMap uses are read: code space ranges,
//! `bfchar` and `bfrange` sections. Every loop is bounded, so a hostile
//! CMap costs at most [`MAX_ENTRIES`] map entries.

use std::collections::HashMap;

/// Upper bound on the entries one CMap may define.
pub const MAX_ENTRIES: usize = 1 << 17;

/// The printable ASCII character a UTF-16 unit read in the wrong byte
/// order stands for (`U+6600` `昀` for `f`), if `c` is one: how writers
/// that put destinations little-endian (Ghostscript, for ligatures) spell
/// Latin text.
pub fn byte_swapped_ascii(c: char) -> Option<char> {
    let unit = u32::from(c);
    (unit & 0xFF == 0 && (0x21..=0x7E).contains(&(unit >> 8))).then(|| char::from_u32(unit >> 8)).flatten()
}

/// A parsed ToUnicode CMap.
#[derive(Debug, Default, Clone)]
pub struct ToUnicode {
    map: HashMap<u32, String>,
    /// Byte lengths of the code space ranges (1 for simple fonts, 2 for most CID fonts).
    pub code_lengths: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Word(Vec<u8>),
    ArrayStart,
    ArrayEnd,
}

fn tokenize(data: &[u8]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < data.len() && tokens.len() < MAX_ENTRIES * 4 {
        let Some(&c) = data.get(i) else { break };
        match c {
            b'%' => {
                while i < data.len() && !matches!(data.get(i), Some(b'\n' | b'\r')) {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let start = i + 1;
                let end =
                    data[start.min(data.len())..].iter().position(|&b| b == b'>').map_or(data.len(), |p| start + p);
                tokens.push(Token::Hex(decode_hex(data.get(start..end).unwrap_or_default())));
                i = end + 1;
            }
            b'[' => {
                tokens.push(Token::ArrayStart);
                i += 1;
            }
            b']' => {
                tokens.push(Token::ArrayEnd);
                i += 1;
            }
            b'(' => {
                // Literal strings only appear in the CMap's header; skip them.
                let mut depth = 0usize;
                while let Some(&b) = data.get(i) {
                    i += 1;
                    match b {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
            }
            c if c.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while let Some(&b) = data.get(i) {
                    if b.is_ascii_whitespace() || (b"<>[]()%/".contains(&b) && i > start) {
                        break;
                    }
                    i += 1;
                }
                tokens.push(Token::Word(data.get(start..i).unwrap_or_default().to_vec()));
            }
        }
    }
    tokens
}

fn decode_hex(hex: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = hex.iter().filter_map(|&b| (b as char).to_digit(16).map(|d| d as u8)).collect();
    digits
        .chunks(2)
        .map(|pair| match pair {
            [hi, lo] => (hi << 4) | lo,
            [hi] => hi << 4,
            _ => 0,
        })
        .collect()
}

fn code_of(bytes: &[u8]) -> u32 {
    bytes.iter().take(4).fold(0u32, |acc, &b| (acc << 8) | u32::from(b))
}

/// The UTF-16BE code units of a destination string.
fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|pair| match pair {
            [hi, lo] => (u16::from(*hi) << 8) | u16::from(*lo),
            [lo] => u16::from(*lo),
            _ => 0,
        })
        .collect()
}

fn units_text(units: Vec<u16>) -> String {
    char::decode_utf16(units).map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER)).collect()
}

/// Decodes a destination string (UTF-16BE) of a bf entry.
fn utf16_text(bytes: &[u8]) -> String {
    units_text(utf16_units(bytes))
}

/// The destination of `offset` codes past a range's start: the last UTF-16 unit incremented.
fn offset_text(bytes: &[u8], offset: u32) -> String {
    let mut units = utf16_units(bytes);
    if let Some(last) = units.last_mut() {
        *last = last.wrapping_add(offset as u16);
    }
    units_text(units)
}

impl ToUnicode {
    /// Parses a decoded CMap stream; unreadable parts are skipped.
    pub fn parse(data: &[u8]) -> ToUnicode {
        let tokens = tokenize(data);
        let mut cmap = ToUnicode::default();
        let mut i = 0;
        while let Some(token) = tokens.get(i) {
            i += 1;
            let Token::Word(word) = token else { continue };
            match word.as_slice() {
                b"begincodespacerange" => {
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(_))) = (tokens.get(i), tokens.get(i + 1)) {
                        if !cmap.code_lengths.contains(&lo.len()) {
                            cmap.code_lengths.push(lo.len());
                        }
                        i += 2;
                    }
                }
                b"beginbfchar" => {
                    while let (Some(Token::Hex(src)), Some(Token::Hex(dst))) = (tokens.get(i), tokens.get(i + 1)) {
                        cmap.insert(code_of(src), utf16_text(dst));
                        i += 2;
                    }
                }
                b"beginbfrange" => {
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) = (tokens.get(i), tokens.get(i + 1)) {
                        let (lo, hi) = (code_of(lo), code_of(hi));
                        i += 2;
                        match tokens.get(i) {
                            Some(Token::Hex(dst)) => {
                                i += 1;
                                for code in lo..=hi.min(lo.saturating_add(0xFFFF)) {
                                    cmap.insert(code, offset_text(dst, code - lo));
                                }
                            }
                            Some(Token::ArrayStart) => {
                                i += 1;
                                let mut code = lo;
                                while let Some(Token::Hex(dst)) = tokens.get(i) {
                                    if code <= hi {
                                        cmap.insert(code, utf16_text(dst));
                                    }
                                    code = code.saturating_add(1);
                                    i += 1;
                                }
                                if tokens.get(i) == Some(&Token::ArrayEnd) {
                                    i += 1;
                                }
                            }
                            _ => break,
                        }
                    }
                }
                _ => {}
            }
        }
        cmap.repair_byte_swapped();
        cmap
    }

    /// Some writers (Ghostscript among them) put ligatures' destinations in
    /// little-endian order (`<66006900>` for `fi`), which reads as CJK
    /// (`昀椀`). In a CMap whose other destinations are Latin, a destination
    /// made only of units `XX00` with `XX` a printable ASCII character is
    /// read byte-swapped. So is such a destination of two units or more
    /// in a CMap with no other destinations: a writer that keeps the glyphs
    /// its main encoding lacks in a font of their own (cairo) leaves only
    /// the ligatures there, and one glyph standing for two CJK ideographs is
    /// not how CJK fonts map.
    fn repair_byte_swapped(&mut self) {
        let swapped = |text: &str| -> Option<String> {
            (!text.is_empty()).then(|| text.chars().map(byte_swapped_ascii).collect::<Option<String>>()).flatten()
        };
        let others: Vec<&String> = self.map.values().filter(|t| swapped(t).is_none()).collect();
        let latin = others.iter().filter(|t| t.chars().all(|c| u32::from(c) < 0x0250)).count();
        let only_ligatures = others.is_empty() && self.map.values().all(|t| t.chars().count() >= 2);
        if !only_ligatures && (others.is_empty() || latin * 5 < others.len() * 4) {
            return;
        }
        for text in self.map.values_mut() {
            if let Some(repaired) = swapped(text) {
                *text = repaired;
            }
        }
    }

    fn insert(&mut self, code: u32, text: String) {
        if self.map.len() < MAX_ENTRIES {
            self.map.insert(code, text);
        }
    }

    /// The text of a code, if the CMap maps it.
    pub fn get(&self, code: u32) -> Option<&str> {
        self.map.get(&code).map(String::as_str)
    }

    /// Whether the CMap maps nothing.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_bfchar_and_both_bfrange_forms() {
        let cmap = ToUnicode::parse(
            b"1 begincodespacerange <00> <FF> endcodespacerange\n\
              2 beginbfchar <01> <0041> <02> <00660069> endbfchar\n\
              2 beginbfrange <10> <12> <0061> <20> <21> [<2019> <0027>] endbfrange",
        );
        assert_eq!(cmap.get(1), Some("A"));
        assert_eq!(cmap.get(2), Some("fi"));
        assert_eq!(cmap.get(0x12), Some("c"));
        assert_eq!(cmap.get(0x20), Some("\u{2019}"));
        assert_eq!(cmap.get(0x21), Some("'"));
        assert_eq!(cmap.code_lengths, vec![1]);
    }

    #[test]
    fn byte_swapped_ligatures_are_read_as_latin() {
        let data = b"begincmap 3 beginbfrange <01><01><0066> <02><02><0069> <03><03><006c> endbfrange \
            2 beginbfchar <33><66006900> <34><66006600> endbfchar endcmap";
        let cmap = ToUnicode::parse(data);
        assert_eq!(cmap.get(0x33), Some("fi"));
        assert_eq!(cmap.get(0x34), Some("ff"));
        // A CJK font keeps its destinations.
        let cjk = ToUnicode::parse(b"2 beginbfchar <01><6600> <02><6E2F> endbfchar");
        assert_eq!(cjk.get(1), Some("\u{6600}"));
        // A font of nothing but ligatures (cairo's second subset) is repaired …
        let ligatures = ToUnicode::parse(b"2 beginbfchar <0001><66006900> <0002><66006600> endbfchar");
        assert_eq!(ligatures.get(1), Some("fi"));
        assert_eq!(ligatures.get(2), Some("ff"));
        // … a font of single ideographs that read as ASCII swapped is not.
        let ideographs = ToUnicode::parse(b"2 beginbfchar <0001><4E00> <0002><5B00> endbfchar");
        assert_eq!(ideographs.get(1), Some("\u{4E00}"));
    }

    #[test]
    fn huge_range_is_bounded() {
        let cmap = ToUnicode::parse(b"beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange");
        assert!(cmap.map.len() <= 0x10000);
    }
}

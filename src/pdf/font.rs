//! Fonts: from a PDF font dictionary to each code's Unicode text and advance width.
//!
//! Unicode is resolved in a fixed order: the ToUnicode CMap, then the
//! `/Encoding` (base encoding plus `/Differences`) through the Adobe glyph
//! list, then `uniXXXX` / `uXXXX` glyph names; a CID font without
//! ToUnicode, and a symbolic TrueType font without ToUnicode or
//! `/Encoding`, are read through their embedded program's own `cmap` and
//! glyph names ([`super::glyphs`]). A code none of these map is
//! reported, never guessed. Symbol fonts are read through their own
//! encoding (see `SymbolFamily`). Widths come from `/Widths` (simple fonts), `/W`
//! and `/DW` (CID fonts), or the standard-14 metrics of an unembedded base font.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use super::MAX_STREAM_BYTES;
use super::cmap::ToUnicode;
use super::encoding_tables::{GLYPH_LIST, MAC_ROMAN, STANDARD, SYMBOL, WIN_ANSI};
use super::standard14;

/// Font descriptor flag: the font holds glyphs outside the standard Latin
/// character set (its codes are its own).
const SYMBOLIC: i64 = 1 << 2;
/// Font descriptor flag: the font's glyphs are the standard Latin set.
const NONSYMBOLIC: i64 = 1 << 5;

/// Upper bound on the CID width entries read from a `/W` array.
const MAX_CID_WIDTHS: usize = 1 << 17;

/// One character code of a shown string, decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedCode {
    /// The code as read from the string.
    pub code: u32,
    /// Its Unicode text, when the font says what it is.
    pub text: Option<String>,
    /// Advance width in text space units for a font size of 1.
    pub width: f64,
    /// A single-byte code 32, to which word spacing (`Tw`) applies.
    pub is_space_code: bool,
}

/// A font as the interpreter needs it.
#[derive(Debug, Clone)]
pub struct Font {
    /// The `/BaseFont` name, subset prefix included.
    pub name: String,
    /// Whether the font is bold (by name, weight or flags).
    pub bold: bool,
    /// Top of the glyph boxes, as a fraction of the font size.
    pub ascent: f64,
    /// Bottom of the glyph boxes (negative), as a fraction of the font size.
    pub descent: f64,
    two_byte: bool,
    to_unicode: Option<ToUnicode>,
    encoding: Option<Vec<Option<String>>>,
    simple_widths: HashMap<u32, f64>,
    cid_widths: HashMap<u32, f64>,
    default_width: f64,
    standard_widths: Option<WidthTable>,
    fixed_pitch: Option<f64>,
    glyph_scale: f64,
    symbol_family: Option<SymbolFamily>,
    /// Text of the embedded TrueType program's glyphs, for a CID font
    /// without ToUnicode.
    glyph_texts: HashMap<u16, String>,
    /// `/CIDToGIDMap` as a stream (`None`: the identity).
    cid_to_gid: Option<Vec<u8>>,
}

/// A font whose glyphs are symbols at the code points of letters: Word's
/// list bullets are such glyphs (Symbol's `·` at 0xB7 is a bullet,
/// Wingdings' `§` at 0xA7 a small square). Producers map them to
/// Unicode as the font's cmap (3,0) gives them, in the private use area at
/// U+F000 plus the code (U+F0B7), or through the font's code alone; either
/// is read as the symbol it prints.
#[derive(Debug, Clone, Copy, PartialEq)]
enum SymbolFamily {
    /// Symbol and its clones (SymbolMT, OpenSymbol, StandardSymbolsPS):
    /// Adobe's Symbol encoding.
    Symbol,
    /// Wingdings: only the glyphs word processors offer as list bullets
    /// are known; its other codes stay as the font maps them.
    Wingdings,
}

/// The list bullet a private-use character stands for where a text
/// extractor passed a word processor's bullet through as its symbol font's
/// cmap maps it (U+F000 plus the code), the font unknown: Symbol's bullet
/// (U+F0B7), the default of Word and LibreOffice, and Wingdings' square,
/// arrowhead and diamond (U+F0A7, U+F0D8, U+F076), the other bullets they
/// offer.
pub fn list_bullet(c: char) -> Option<char> {
    let family = match c {
        '\u{F0B7}' => SymbolFamily::Symbol,
        '\u{F0A7}' | '\u{F0D8}' | '\u{F076}' => SymbolFamily::Wingdings,
        _ => return None,
    };
    u8::try_from(u32::from(c) - 0xF000).ok().and_then(|code| family.symbol(code))
}

impl SymbolFamily {
    /// The family of a base font name (subset prefix removed).
    fn of(base_name: &str) -> Option<SymbolFamily> {
        let lower = base_name.to_ascii_lowercase();
        if lower.contains("symbol") {
            Some(SymbolFamily::Symbol)
        } else if lower.starts_with("wingdings") && !lower.starts_with("wingdings2") && !lower.starts_with("wingdings3")
        {
            Some(SymbolFamily::Wingdings)
        } else {
            None
        }
    }

    /// The symbol a code of the font's own encoding prints.
    fn symbol(self, code: u8) -> Option<char> {
        let unicode = match self {
            SymbolFamily::Symbol => SYMBOL.get(usize::from(code)).copied().unwrap_or(0),
            SymbolFamily::Wingdings => match code {
                0x6C => 0x25CF,
                0x6E => 0x25A0,
                0x71 => 0x2751,
                0x76 => 0x2756,
                0xA7 => 0x25AA,
                0xD8 => 0x27A2,
                _ => 0,
            },
        };
        (unicode != 0).then(|| char::from_u32(u32::from(unicode))).flatten()
    }

    /// The text a private-use character mapped from the font's cmap
    /// (U+F020..U+F0FF) stands for; other text stays as it is.
    fn read(self, text: String) -> String {
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if ('\u{F020}'..='\u{F0FF}').contains(&c) => {
                u8::try_from(u32::from(c) - 0xF000).ok().and_then(|code| self.symbol(code)).map_or(text, String::from)
            }
            _ => text,
        }
    }
}

fn number(obj: &Object) -> Option<f64> {
    obj.as_float().ok().map(f64::from).filter(|v| v.is_finite())
}

fn deref<'a>(doc: &'a Document, obj: &'a Object) -> &'a Object {
    doc.dereference(obj).map(|(_, o)| o).unwrap_or(obj)
}

/// A stream's decompressed bytes (within [`MAX_STREAM_BYTES`]).
fn stream_bytes(object: Option<&Object>) -> Option<Vec<u8>> {
    object.and_then(|o| o.as_stream().ok()).and_then(|s| s.decompressed_content_with_limit(MAX_STREAM_BYTES).ok())
}

/// The embedded TrueType program (`/FontFile2`) of a font descriptor.
fn truetype_program(doc: &Document, descriptor: Option<&Dictionary>) -> Option<Vec<u8>> {
    stream_bytes(descriptor.and_then(|d| dict_get(doc, d, b"FontFile2")))
}

fn dict_get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.get(key).ok().map(|o| deref(doc, o))
}

/// Unicode text of a glyph name: the Adobe glyph list, `uniXXXX`, `uXXXX`, ligature names.
pub fn glyph_name_text(name: &[u8]) -> Option<String> {
    let base = name.split(|&b| b == b'.').next().unwrap_or(name);
    if base.is_empty() {
        return None;
    }
    let text = std::str::from_utf8(base).ok()?;
    if let Ok(i) = GLYPH_LIST.binary_search_by_key(&text, |&(name, _)| name) {
        return GLYPH_LIST.get(i).and_then(|&(_, u)| char::from_u32(u32::from(u))).map(String::from);
    }
    if let Some(hex) = text.strip_prefix("uni")
        && hex.len() % 4 == 0
        && !hex.is_empty()
    {
        let units: Option<Vec<u16>> = (0..hex.len() / 4)
            .map(|i| hex.get(i * 4..i * 4 + 4).and_then(|h| u16::from_str_radix(h, 16).ok()))
            .collect();
        return char::decode_utf16(units?).collect::<Result<String, _>>().ok();
    }
    if let Some(hex) = text.strip_prefix('u')
        && (4..=6).contains(&hex.len())
    {
        return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32).map(String::from);
    }
    if text.contains('_') {
        let parts: Option<String> = text.split('_').map(|p| glyph_name_text(p.as_bytes())).collect();
        return parts;
    }
    None
}

/// Typographic ligatures (U+FB00–U+FB06) are a font's business, not the
/// text's: they are written as their letters, as the source text has them.
pub(crate) fn expand_ligatures(text: &str) -> String {
    if !text.chars().any(|c| ('\u{FB00}'..='\u{FB06}').contains(&c)) {
        return text.to_string();
    }
    text.chars()
        .map(|c| match c {
            '\u{FB00}' => "ff".to_string(),
            '\u{FB01}' => "fi".to_string(),
            '\u{FB02}' => "fl".to_string(),
            '\u{FB03}' => "ffi".to_string(),
            '\u{FB04}' => "ffl".to_string(),
            '\u{FB05}' | '\u{FB06}' => "st".to_string(),
            other => other.to_string(),
        })
        .collect()
}

fn base_encoding(name: &[u8]) -> Option<Vec<Option<String>>> {
    let table = match name {
        b"WinAnsiEncoding" => &WIN_ANSI,
        b"MacRomanEncoding" => &MAC_ROMAN,
        b"StandardEncoding" => &STANDARD,
        _ => return None,
    };
    Some(table.iter().map(|&u| (u != 0).then(|| char::from_u32(u32::from(u))).flatten().map(String::from)).collect())
}

/// Advance widths by Unicode value, as the standard-14 tables give them.
type WidthTable = &'static [(u16, u16)];

fn standard_font(base: &str) -> (Option<WidthTable>, Option<f64>) {
    let lower = base.to_ascii_lowercase();
    let bold = lower.contains("bold");
    let slanted = lower.contains("italic") || lower.contains("oblique");
    if lower.contains("courier") || lower.contains("mono") {
        return (None, Some(0.6));
    }
    let table = if lower.contains("times") || lower.contains("serif") && !lower.contains("sans") {
        match (bold, slanted) {
            (false, false) => standard14::TIMES_ROMAN,
            (true, false) => standard14::TIMES_BOLD,
            (false, true) => standard14::TIMES_ITALIC,
            (true, true) => standard14::TIMES_BOLD_ITALIC,
        }
    } else {
        match (bold, slanted) {
            (false, false) => standard14::HELVETICA,
            (true, false) => standard14::HELVETICA_BOLD,
            (false, true) => standard14::HELVETICA_OBLIQUE,
            (true, true) => standard14::HELVETICA_BOLD_OBLIQUE,
        }
    };
    (Some(table), None)
}

/// Whether a font's face is heavier than a body's: by its name (a medium
/// face is the bold of families whose body is regular or light), or its
/// descriptor's weight or flags.
fn is_bold(name: &str, descriptor: Option<&Dictionary>, doc: &Document) -> bool {
    let lower = name.to_ascii_lowercase();
    if ["bold", "black", "heavy", "semibold", "demi", "medium"].iter().any(|w| lower.contains(w)) {
        return true;
    }
    let Some(descriptor) = descriptor else { return false };
    let weight = dict_get(doc, descriptor, b"FontWeight").and_then(number).unwrap_or(0.0);
    let flags = dict_get(doc, descriptor, b"Flags").and_then(|o| o.as_i64().ok()).unwrap_or(0);
    weight >= 600.0 || flags & (1 << 18) != 0
}

impl Font {
    /// A font for a missing or unreadable font resource: nothing decodes.
    pub fn unknown() -> Font {
        Font {
            name: String::new(),
            bold: false,
            ascent: 0.8,
            descent: -0.2,
            two_byte: false,
            to_unicode: None,
            encoding: None,
            simple_widths: HashMap::new(),
            cid_widths: HashMap::new(),
            default_width: 0.5,
            standard_widths: None,
            fixed_pitch: None,
            glyph_scale: 0.001,
            symbol_family: None,
            glyph_texts: HashMap::new(),
            cid_to_gid: None,
        }
    }

    /// Reads a font dictionary. Never fails: what cannot be read stays unknown.
    pub fn load(doc: &Document, dict: &Dictionary) -> Font {
        let mut font = Font::unknown();
        let subtype = dict_get(doc, dict, b"Subtype").and_then(|o| o.as_name().ok()).unwrap_or(b"");
        font.name = dict_get(doc, dict, b"BaseFont")
            .and_then(|o| o.as_name().ok())
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let base_name = font.name.split('+').next_back().unwrap_or("").to_string();
        font.symbol_family = SymbolFamily::of(&base_name);

        let descendant = if subtype == b"Type0" {
            font.two_byte = true;
            dict_get(doc, dict, b"DescendantFonts")
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_dict().ok())
        } else {
            None
        };
        let descriptor = descendant
            .unwrap_or(dict)
            .get(b"FontDescriptor")
            .ok()
            .map(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok());
        font.bold = is_bold(&base_name, descriptor, doc);
        if let Some(desc) = descriptor {
            let ascent = dict_get(doc, desc, b"Ascent").and_then(number).map(|v| v / 1000.0);
            let descent = dict_get(doc, desc, b"Descent").and_then(number).map(|v| v / 1000.0);
            font.ascent = ascent.filter(|a| (0.5..=1.2).contains(a)).unwrap_or(0.8);
            font.descent = descent.filter(|d| (-0.5..=0.0).contains(d)).unwrap_or(-0.2);
        }

        if let Some(stream) = dict_get(doc, dict, b"ToUnicode").and_then(|o| o.as_stream().ok()) {
            if let Ok(data) = stream.decompressed_content_with_limit(MAX_STREAM_BYTES) {
                let cmap = ToUnicode::parse(&data);
                if !cmap.is_empty() {
                    font.to_unicode = Some(cmap);
                }
            } else if stream.dict.get(b"Filter").is_err() {
                let cmap = ToUnicode::parse(&stream.content);
                if !cmap.is_empty() {
                    font.to_unicode = Some(cmap);
                }
            }
        }

        match descendant {
            Some(cid_font) => {
                font.load_cid_widths(doc, cid_font);
                if font.to_unicode.is_none() {
                    font.load_glyph_texts(doc, cid_font, descriptor);
                }
            }
            None => font.load_simple(doc, dict, subtype, &base_name, descriptor),
        }
        font
    }

    /// Reads the text of a CID font's glyphs from its embedded TrueType
    /// program (`/FontFile2`), and how its CIDs map to glyphs.
    fn load_glyph_texts(&mut self, doc: &Document, cid_font: &Dictionary, descriptor: Option<&Dictionary>) {
        let Some(program) = truetype_program(doc, descriptor) else { return };
        let Some(texts) = super::glyphs::glyph_texts(&program) else { return };
        self.glyph_texts = texts;
        self.cid_to_gid = stream_bytes(dict_get(doc, cid_font, b"CIDToGIDMap"));
    }

    fn load_simple(
        &mut self,
        doc: &Document,
        dict: &Dictionary,
        subtype: &[u8],
        base_name: &str,
        descriptor: Option<&Dictionary>,
    ) {
        if subtype == b"Type3" {
            if let Some(scale) = dict_get(doc, dict, b"FontMatrix")
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(number)
            {
                self.glyph_scale = scale;
            }
            self.ascent = 0.8;
            self.descent = -0.2;
        }
        match dict_get(doc, dict, b"Encoding") {
            Some(Object::Name(name)) => self.encoding = base_encoding(name),
            Some(Object::Dictionary(enc)) => {
                let mut table = dict_get(doc, enc, b"BaseEncoding")
                    .and_then(|o| o.as_name().ok())
                    .and_then(base_encoding)
                    .or_else(|| base_encoding(b"StandardEncoding"))
                    .unwrap_or_default();
                table.resize(256, None);
                if let Some(diffs) = dict_get(doc, enc, b"Differences").and_then(|o| o.as_array().ok()) {
                    let mut code: usize = 0;
                    for item in diffs.iter().take(1024) {
                        match deref(doc, item) {
                            Object::Integer(c) => code = usize::try_from(*c).unwrap_or(usize::MAX),
                            Object::Name(name) => {
                                if let Some(slot) = table.get_mut(code) {
                                    *slot = glyph_name_text(name);
                                }
                                code = code.saturating_add(1);
                            }
                            _ => {}
                        }
                    }
                }
                self.encoding = Some(table);
            }
            _ => {}
        }
        let has_differences = matches!(dict_get(doc, dict, b"Encoding"), Some(Object::Dictionary(_)));
        if self.to_unicode.is_none() && !has_differences && self.symbol_family.is_some() {
            // A symbol font prints its own encoding whatever base encoding
            // the dictionary names: a symbolic TrueType font is drawn
            // through its (3,0) cmap, which ignores /Encoding.
            self.encoding = Some(
                (0..=255u8).map(|code| self.symbol_family.and_then(|f| f.symbol(code)).map(String::from)).collect(),
            );
        }
        let flags = descriptor.and_then(|d| dict_get(doc, d, b"Flags")).and_then(|o| o.as_i64().ok()).unwrap_or(0);
        let symbolic = flags & SYMBOLIC != 0 && flags & NONSYMBOLIC == 0;
        let own_codes = self.encoding.is_none() && self.to_unicode.is_none() && subtype == b"TrueType" && symbolic;
        if let Some(program) = truetype_program(doc, descriptor.filter(|_| own_codes)) {
            // An embedded symbolic TrueType font's codes are its own: no
            // standard encoding applies, only its program's cmap (or
            // nothing). Unembedded, the viewer's font decides: WinAnsi
            // below, as for any TrueType font.
            self.encoding = Some(super::glyphs::symbolic_code_texts(&program).unwrap_or_else(|| vec![None; 256]));
        }
        if self.encoding.is_none() && self.to_unicode.is_none() {
            // Without ToUnicode or /Encoding, a non-symbolic font uses its
            // built-in encoding: StandardEncoding for Type 1, and WinAnsi is what
            // TrueType producers write in practice.
            let fallback: &[u8] = if subtype == b"TrueType" { b"WinAnsiEncoding" } else { b"StandardEncoding" };
            self.encoding = base_encoding(fallback);
        }

        let first = dict_get(doc, dict, b"FirstChar").and_then(|o| o.as_i64().ok()).unwrap_or(0);
        if let Some(widths) = dict_get(doc, dict, b"Widths").and_then(|o| o.as_array().ok()) {
            for (i, w) in widths.iter().take(256).enumerate() {
                if let (Some(w), Ok(code)) = (number(deref(doc, w)), u32::try_from(first + i as i64)) {
                    self.simple_widths.insert(code, w * self.glyph_scale);
                }
            }
        }
        let missing = descriptor.and_then(|d| dict_get(doc, d, b"MissingWidth")).and_then(number);
        let (table, pitch) = standard_font(base_name);
        if self.simple_widths.is_empty() {
            self.standard_widths = table;
            self.fixed_pitch = pitch;
        }
        self.default_width = missing.map_or(0.5, |m| m * self.glyph_scale);
    }

    fn load_cid_widths(&mut self, doc: &Document, cid_font: &Dictionary) {
        self.default_width = dict_get(doc, cid_font, b"DW").and_then(number).unwrap_or(1000.0) / 1000.0;
        let Some(w) = dict_get(doc, cid_font, b"W").and_then(|o| o.as_array().ok()) else { return };
        let mut i = 0;
        while i < w.len() && self.cid_widths.len() < MAX_CID_WIDTHS {
            let first = w.get(i).and_then(|o| deref(doc, o).as_i64().ok());
            let next = w.get(i + 1).map(|o| deref(doc, o));
            match (first, next) {
                (Some(first), Some(Object::Array(list))) => {
                    for (k, width) in list.iter().enumerate().take(MAX_CID_WIDTHS) {
                        if let (Some(width), Ok(cid)) = (number(deref(doc, width)), u32::try_from(first + k as i64)) {
                            self.cid_widths.insert(cid, width / 1000.0);
                        }
                    }
                    i += 2;
                }
                (Some(lo), Some(hi)) => {
                    let hi = hi.as_i64().unwrap_or(lo);
                    let width = w.get(i + 2).map(|o| deref(doc, o)).and_then(number).unwrap_or(1000.0);
                    let span = (hi - lo).clamp(0, MAX_CID_WIDTHS as i64);
                    for cid in lo..=lo + span {
                        if let Ok(cid) = u32::try_from(cid) {
                            self.cid_widths.insert(cid, width / 1000.0);
                        }
                    }
                    i += 3;
                }
                _ => break,
            }
        }
    }

    fn text_of(&self, code: u32) -> Option<String> {
        let text = self.raw_text_of(code)?;
        Some(match self.symbol_family {
            Some(family) => family.read(text),
            None => expand_ligatures(&text),
        })
    }

    fn raw_text_of(&self, code: u32) -> Option<String> {
        if let Some(text) = self.to_unicode.as_ref().and_then(|c| c.get(code)) {
            return Some(text.to_string());
        }
        if self.two_byte {
            let glyph = super::glyphs::cid_to_glyph(self.cid_to_gid.as_deref(), code)?;
            return self.glyph_texts.get(&glyph).cloned();
        }
        self.encoding.as_ref().and_then(|table| table.get(code as usize).cloned().flatten())
    }

    fn width_of(&self, code: u32, text: Option<&str>) -> f64 {
        if self.two_byte {
            return self.cid_widths.get(&code).copied().unwrap_or(self.default_width);
        }
        if let Some(w) = self.simple_widths.get(&code) {
            return *w;
        }
        if let Some(pitch) = self.fixed_pitch {
            return pitch;
        }
        if let (Some(table), Some(c)) = (self.standard_widths, text.and_then(|t| t.chars().next()))
            && let Some(w) = standard14::advance(table, c)
        {
            return f64::from(w) / 1000.0;
        }
        self.default_width
    }

    /// Splits a shown string into codes with their text and width.
    pub fn decode(&self, bytes: &[u8]) -> Vec<DecodedCode> {
        let step = if self.two_byte { 2 } else { 1 };
        bytes
            .chunks(step)
            .map(|chunk| {
                let code = chunk.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b));
                let text = self.text_of(code);
                let width = self.width_of(code, text.as_deref());
                DecodedCode { code, text, width, is_space_code: step == 1 && code == 32 }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names_resolve_through_list_and_uni_forms() {
        assert_eq!(glyph_name_text(b"quoteright").as_deref(), Some("\u{2019}"));
        assert_eq!(glyph_name_text(b"quotesingle").as_deref(), Some("'"));
        assert_eq!(glyph_name_text(b"uni00E9").as_deref(), Some("é"));
        assert_eq!(glyph_name_text(b"u1F600").as_deref(), Some("\u{1F600}"));
        assert_eq!(glyph_name_text(b"f_i").map(|t| expand_ligatures(&t)).as_deref(), Some("fi"));
        assert_eq!(glyph_name_text(b"a.sc").as_deref(), Some("a"));
        assert_eq!(glyph_name_text(b"g123"), None);
    }

    #[test]
    fn heavier_faces_read_as_bold_by_name() {
        // Medium is the bold face of families set in a light or regular body
        // (Roboto for pdfmake's `bold: true`).
        let doc = Document::new();
        let names = ["Roboto-Medium", "ABCDEF+Arial-BoldMT", "Montserrat-SemiBold", "Roboto-Regular", "Helvetica"];
        let bold: Vec<bool> = names.iter().map(|n| is_bold(n, None, &doc)).collect();
        assert_eq!(bold, [true, true, true, false, false]);
    }

    #[test]
    fn winansi_0x92_is_right_single_quote() {
        let table = base_encoding(b"WinAnsiEncoding").unwrap_or_default();
        assert_eq!(table.get(0x92).cloned().flatten().as_deref(), Some("\u{2019}"));
        assert_eq!(table.get(0x27).cloned().flatten().as_deref(), Some("'"));
    }

    #[test]
    fn symbol_fonts_print_their_own_symbols() {
        let families = ["OpenSymbol", "SymbolMT", "Wingdings-Regular", "Wingdings2", "Carlito"].map(SymbolFamily::of);
        assert_eq!(
            families,
            [Some(SymbolFamily::Symbol), Some(SymbolFamily::Symbol), Some(SymbolFamily::Wingdings), None, None]
        );
        // Private-use text from a (3,0) cmap reads as the symbol; other text,
        // and codes of no known symbol, stay.
        for (family, text, read) in [
            (SymbolFamily::Symbol, "\u{F0B7}", "•"),
            (SymbolFamily::Symbol, "\u{F061}", "α"),
            (SymbolFamily::Wingdings, "\u{F0A7}", "▪"),
            (SymbolFamily::Wingdings, "\u{F0D8}", "➢"),
            (SymbolFamily::Wingdings, "\u{F0FC}", "\u{F0FC}"),
            (SymbolFamily::Symbol, "•", "•"),
            (SymbolFamily::Symbol, "\u{F0B7}\u{F0B7}", "\u{F0B7}\u{F0B7}"),
        ] {
            assert_eq!(family.read(text.to_string()), read, "{family:?} {text:?}");
        }
        // Without ToUnicode, Symbol's codes are its own encoding's, whatever
        // base encoding the dictionary names (0xB7 is `·` in WinAnsi).
        let doc = Document::new();
        let mut dict = Dictionary::new();
        dict.set("Subtype", Object::Name(b"TrueType".to_vec()));
        dict.set("BaseFont", Object::Name(b"ABCDEF+SymbolMT".to_vec()));
        dict.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
        let font = Font::load(&doc, &dict);
        let texts: Vec<Option<String>> = font.decode(b"\xB7a").into_iter().map(|c| c.text).collect();
        assert_eq!(texts, [Some("•".to_string()), Some("α".to_string())]);
    }

    /// A font dictionary of `subtype` whose descriptor (flags `flags`)
    /// embeds `program` as `/FontFile2`, in a document of its own.
    fn embedding(program: &[u8], subtype: &[u8], flags: i64) -> (Document, Dictionary) {
        let mut doc = Document::new();
        let file = doc.add_object(lopdf::Stream::new(Dictionary::new(), program.to_vec()));
        let mut descriptor = Dictionary::new();
        descriptor.set("Flags", Object::Integer(flags));
        descriptor.set("FontFile2", Object::Reference(file));
        let mut dict = Dictionary::new();
        dict.set("Subtype", Object::Name(subtype.to_vec()));
        dict.set("BaseFont", Object::Name(b"ABCDEF+DejaVuSans".to_vec()));
        dict.set("FontDescriptor", Object::Dictionary(descriptor));
        (doc, dict)
    }

    fn texts(font: &Font, bytes: &[u8]) -> String {
        font.decode(bytes).into_iter().map(|c| c.text.unwrap_or_else(|| "?".to_string())).collect()
    }

    /// A CID font without ToUnicode reads its codes as glyphs of its
    /// embedded program, through the program's Unicode cmap: the identity
    /// or a `/CIDToGIDMap` stream takes codes to glyphs (4 `R`, 7 `e`,
    /// 8 `g` in `tests/data/fonts/dejavu-sans-subset.ttf`).
    #[test]
    fn cid_fonts_without_tounicode_read_their_embedded_program() {
        let program = include_bytes!("../../tests/data/fonts/dejavu-sans-subset.ttf");
        let (mut doc, cid_font) = embedding(program, b"CIDFontType2", 32);
        let mut type0 = Dictionary::new();
        type0.set("Subtype", Object::Name(b"Type0".to_vec()));
        type0.set("Encoding", Object::Name(b"Identity-H".to_vec()));
        let mut mapped = cid_font.clone();
        type0.set("DescendantFonts", Object::Array(vec![Object::Dictionary(cid_font)]));
        assert_eq!(texts(&Font::load(&doc, &type0), b"\x00\x04\x00\x07\x00\x08\x00\x63"), "Reg?");
        let map = doc.add_object(lopdf::Stream::new(Dictionary::new(), vec![0, 0, 0, 4, 0, 7]));
        mapped.set("CIDToGIDMap", Object::Reference(map));
        type0.set("DescendantFonts", Object::Array(vec![Object::Dictionary(mapped)]));
        assert_eq!(texts(&Font::load(&doc, &type0), b"\x00\x01\x00\x02\x00\x04"), "Re?");
    }

    /// A symbolic TrueType font without `/Encoding` nor ToUnicode draws its
    /// own codes through its (3,0) cmap: read through the glyphs' names
    /// (`tests/data/fonts/dejavu-sans-symbolic.ttf`), never as WinAnsi
    /// when it embeds its program.
    #[test]
    fn symbolic_truetype_fonts_read_their_codes_through_their_program() {
        let program = include_bytes!("../../tests/data/fonts/dejavu-sans-symbolic.ttf");
        let (doc, dict) = embedding(program, b"TrueType", 4);
        assert_eq!(texts(&Font::load(&doc, &dict), b"\x04\x07\x08\x13ABC"), "Reg’???");
        // A program that is no font says nothing; without a program, the
        // codes are read as WinAnsi, as for any TrueType font.
        let (doc, broken) = embedding(b"not a font", b"TrueType", 4);
        assert_eq!(texts(&Font::load(&doc, &broken), b"ABC"), "???");
        let mut unembedded = dict.clone();
        let mut descriptor = Dictionary::new();
        descriptor.set("Flags", Object::Integer(4));
        unembedded.set("FontDescriptor", Object::Dictionary(descriptor));
        assert_eq!(texts(&Font::load(&doc, &unembedded), b"ABC"), "ABC");
    }

    #[test]
    fn standard_metrics_are_sorted() {
        for table in [standard14::HELVETICA, standard14::TIMES_ROMAN, standard14::TIMES_BOLD_ITALIC] {
            assert!(table.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0)));
        }
    }
}

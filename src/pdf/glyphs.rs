//! The Unicode text of an embedded TrueType font's glyphs, read from the
//! font program itself: its Unicode `cmap` reversed, then its glyph names.
//! Fonts with no ToUnicode CMap (some producers omit it) are read through
//! this: a CID font's codes map to glyphs by `/CIDToGIDMap`, a symbolic
//! simple font's through the program's own symbol or Macintosh `cmap`.

use std::collections::HashMap;

use ttf_parser::{Face, GlyphId, PlatformId};

use super::font::glyph_name_text;

/// Each glyph's text: the lowest Basic Multilingual Plane code point the
/// font's Unicode `cmap` maps to it (`-` rather than the soft hyphen, the
/// space rather than the no-break space), else the text its name says
/// (`fi`, `uni00E9`). `None` when the data is no TrueType or OpenType font.
pub fn glyph_texts(font_program: &[u8]) -> Option<HashMap<u16, String>> {
    Face::parse(font_program, 0).ok().map(|face| texts_of(&face))
}

/// The text of each single-byte code of a symbolic TrueType font without
/// `/Encoding`: its codes are the font's own, drawn through the program's
/// (3,0) `cmap` (at the code or U+F000 plus the code) or its (1,0) one
/// (PDF 32000-1, 9.6.6.4), and read as their glyph's text. `None` when
/// the data is no font or has neither `cmap`.
pub fn symbolic_code_texts(font_program: &[u8]) -> Option<Vec<Option<String>>> {
    let face = Face::parse(font_program, 0).ok()?;
    let cmap = face.tables().cmap?;
    let symbol_tables: Vec<_> = cmap
        .subtables
        .into_iter()
        .filter(|t| matches!((t.platform_id, t.encoding_id), (PlatformId::Windows | PlatformId::Macintosh, 0)))
        .collect();
    if symbol_tables.is_empty() {
        return None;
    }
    let texts = texts_of(&face);
    let glyph_of = |code: u32| {
        symbol_tables.iter().find_map(|t| match t.platform_id {
            PlatformId::Windows => t.glyph_index(code).or_else(|| t.glyph_index(0xF000 + code)),
            _ => t.glyph_index(code),
        })
    };
    Some((0..=255u32).map(|code| glyph_of(code).and_then(|GlyphId(g)| texts.get(&g).cloned())).collect())
}

fn texts_of(face: &Face) -> HashMap<u16, String> {
    let mut texts: HashMap<u16, String> = HashMap::new();
    // Every BMP character is looked up once (65,536 lookups): bounded
    // whatever ranges the font's cmap claims.
    for c in (0x20..=0xFFFFu32).filter_map(char::from_u32) {
        if let Some(GlyphId(glyph)) = face.glyph_index(c)
            && glyph != 0
        {
            texts.entry(glyph).or_insert_with(|| c.to_string());
        }
    }
    for glyph in 1..face.number_of_glyphs() {
        if texts.contains_key(&glyph) {
            continue;
        }
        if let Some(text) = face.glyph_name(GlyphId(glyph)).and_then(|name| glyph_name_text(name.as_bytes())) {
            texts.insert(glyph, text);
        }
    }
    texts
}

/// A CID font's map from CIDs to glyph indices: `/CIDToGIDMap`'s stream
/// (two bytes per CID), or the identity (`None`).
pub fn cid_to_glyph(map: Option<&[u8]>, cid: u32) -> Option<u16> {
    match map {
        None => u16::try_from(cid).ok(),
        Some(bytes) => {
            let at = usize::try_from(cid).ok()?.checked_mul(2)?;
            let pair = bytes.get(at..at.checked_add(2)?)?;
            Some(u16::from_be_bytes([*pair.first()?, *pair.get(1)?]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cids_map_to_glyphs_through_the_identity_or_the_stream() {
        assert_eq!(cid_to_glyph(None, 7), Some(7));
        assert_eq!(cid_to_glyph(None, 70_000), None);
        let map = [0u8, 0, 0, 5, 1, 2];
        assert_eq!(cid_to_glyph(Some(&map), 1), Some(5));
        assert_eq!(cid_to_glyph(Some(&map), 2), Some(0x0102));
        assert_eq!(cid_to_glyph(Some(&map), 3), None);
    }

    #[test]
    fn data_that_is_no_font_reads_as_none() {
        assert_eq!(glyph_texts(b""), None);
        assert_eq!(glyph_texts(b"\x00\x01\x00\x00\x00\x10 not a font"), None);
        assert_eq!(symbolic_code_texts(b"\x00\x01\x00\x00\x00\x10 not a font"), None);
    }
}

//! Text renderings of registers → the word layout of [`crate::layout::Page`].

use crate::error::{Error, ErrorKind, Result};
use crate::geometry::Rect;
use crate::layout::{Page, Word};

/// Decodes a text input: UTF-8 (with or without BOM), UTF-16 with its BOM
/// (as Windows editors save « Unicode » text) or Latin-1; binary refused.
pub fn decode(bytes: &[u8], file: &str) -> Result<String> {
    if let Some(text) = decode_utf16(bytes) {
        let text = text.map_err(|e| Error::file(file, e))?;
        return normalized_text(text.as_bytes(), file);
    }
    normalized_text(bytes, file)
}

/// A text's UTF-16 code units, if its BOM says it is UTF-16, decoded:
/// refused if a code unit is cut short or a surrogate is unpaired.
fn decode_utf16(bytes: &[u8]) -> Option<std::result::Result<String, ErrorKind>> {
    let (little_endian, units) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (true, rest),
        [0xFE, 0xFF, rest @ ..] => (false, rest),
        _ => return None,
    };
    let unreadable = |why: &str| ErrorKind::TextEncoding(format!("UTF-16 with {why}"));
    if units.len() % 2 != 0 {
        return Some(Err(unreadable("an odd number of bytes")));
    }
    let code_units = units.chunks_exact(2).map(|pair| match pair {
        [a, b] if little_endian => u16::from_le_bytes([*a, *b]),
        [a, b] => u16::from_be_bytes([*a, *b]),
        _ => 0,
    });
    Some(
        char::decode_utf16(code_units)
            .collect::<std::result::Result<String, _>>()
            .map_err(|_| unreadable("an unpaired surrogate")),
    )
}

/// The text of UTF-8 or single-byte `bytes`, with line ends made `\n`.
fn normalized_text(bytes: &[u8], file: &str) -> Result<String> {
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
    let text: String = text.replace("\r\n", "\n").replace('\r', "\n").chars().map(printed_bullet).collect();
    // An extractor may print a font's ligatures as such (`ﬁnancier`): the
    // PDF path writes their letters, and so does this one.
    Ok(crate::pdf::font::expand_ligatures(&latin_ligatures(&text)))
}

/// The text with byte-swapped ligatures read back: a writer that put a
/// ligature's Unicode little-endian (see
/// [`crate::pdf::cmap::byte_swapped_ascii`]) makes extractors print `fi`
/// as `昀椀` (`Chi昀昀rement`). In a text whose letters are mostly Latin, a
/// run of such characters touching a Latin letter is the Latin it spells.
fn latin_ligatures(text: &str) -> String {
    use crate::pdf::cmap::byte_swapped_ascii;
    let is_latin_letter = |c: &char| c.is_alphabetic() && u32::from(*c) < 0x0250;
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let latin = text.chars().filter(is_latin_letter).count();
    if latin * 5 < letters * 4 || !text.chars().any(|c| !c.is_ascii() && byte_swapped_ascii(c).is_some()) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let run = chars.iter().skip(i).take_while(|c| byte_swapped_ascii(**c).is_some()).count();
        if run == 0 {
            out.push(c);
            i += 1;
            continue;
        }
        let before = i.checked_sub(1).and_then(|b| chars.get(b)).is_some_and(is_latin_letter);
        let after = chars.get(i + run).is_some_and(is_latin_letter);
        for c in chars.iter().skip(i).take(run) {
            out.push(if before || after { byte_swapped_ascii(*c).unwrap_or(*c) } else { *c });
        }
        i += run;
    }
    out
}

/// The bullet a private-use character stands for (see
/// [`crate::pdf::font::list_bullet`]); other characters stay as they are.
fn printed_bullet(c: char) -> char {
    crate::pdf::font::list_bullet(c).unwrap_or(c)
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

/// Width of one character column of a text rendering, in points of the
/// page the reader lays the text out on.
pub const CHAR_WIDTH: f64 = 5.0;
/// Distance between two text lines, in points.
pub const LINE_HEIGHT: f64 = 12.0;
/// Font size given to text words: a single space (one character) is well
/// under a phrase gap, two spaces or more separate columns.
const FONT_SIZE: f64 = 10.0;

/// The two text renderings registers are published in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `pdftotext -layout`: columns kept side by side, separated by runs of
    /// spaces, a form feed between pages.
    Layout,
    /// Text flowed cell after cell in column order, as plain extraction writes it.
    Flowed,
}

/// Tells the two forms apart: in the layout form a good share of the lines
/// hold a run of three spaces or more between words.
pub fn detect_form(text: &str) -> Form {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let wide = lines.iter().filter(|l| l.trim().contains("   ")).count();
    if !lines.is_empty() && wide * 5 >= lines.len() { Form::Layout } else { Form::Flowed }
}

/// Lays out the layout form: each form-feed-separated page becomes a page
/// of words placed by character column and line number, so the table stage
/// reads its columns from the whitespace gutters as it does for a PDF.
pub fn layout_pages(text: &str) -> Vec<Page> {
    layout_page_texts(text)
        .into_iter()
        .enumerate()
        .filter(|(_, page)| !page.trim().is_empty())
        .map(|(i, page)| {
            let mut words = Vec::new();
            let mut width = 0.0f64;
            let lines: Vec<&str> = page.lines().collect();
            for (row, line) in lines.iter().enumerate() {
                let baseline = (row as f64 + 1.0) * LINE_HEIGHT;
                let chars: Vec<char> = line.chars().collect();
                width = width.max(chars.len() as f64 * CHAR_WIDTH);
                let mut col = 0;
                while col < chars.len() {
                    if chars.get(col).is_some_and(|c| c.is_whitespace()) {
                        col += 1;
                        continue;
                    }
                    let start = col;
                    while chars.get(col).is_some_and(|c| !c.is_whitespace()) {
                        col += 1;
                    }
                    let text: String = chars.get(start..col).unwrap_or_default().iter().collect();
                    words.push(Word {
                        text,
                        bbox: Rect {
                            x0: start as f64 * CHAR_WIDTH,
                            y0: baseline - 0.8 * FONT_SIZE,
                            x1: col as f64 * CHAR_WIDTH,
                            y1: baseline + 0.2 * FONT_SIZE,
                        },
                        font_size: FONT_SIZE,
                        bold: false,
                        // The rendering draws no spaces, it places words: even one
                        // space after a cell's last word may be the gutter before
                        // the next column (`Specta validant`, `Specta` / `cle`
                        // cut at a narrow cell's edge), so it says nothing of
                        // where the word ends.
                        space_after: false,
                    });
                }
            }
            // The rendering keeps no page margins and shortens the gaps
            // above a footer: the page ends half a line under its last
            // text, so that a footer lies in its bottom margin.
            let last_text_row = lines.iter().rposition(|l| !l.trim().is_empty()).unwrap_or(0);
            Page {
                number: u32::try_from(i + 1).unwrap_or(u32::MAX),
                width: width + CHAR_WIDTH,
                height: (last_text_row as f64 + 1.5) * LINE_HEIGHT + 0.2 * FONT_SIZE,
                words,
                rules: Vec::new(),
                character_grid: true,
            }
        })
        .collect()
}

/// Phrases (runs of text between two spaces or more) a line of the layout
/// form must hold to mark a page's start when it recurs: a table header's
/// line, not a cell's.
const PAGE_MARK_PHRASES: usize = 3;

/// The pages of the layout form: between form feeds, or, where the
/// rendering has none (`pdftotext -layout -nopgbrk`), before each
/// recurrence of the table header the pages print again. The header is
/// the earliest line of three phrases or more, when it recurs word for
/// word, with the lines set right above its first occurrence that recur
/// above it too.
fn layout_page_texts(text: &str) -> Vec<String> {
    if text.contains('\u{c}') {
        return text.split('\u{c}').map(str::to_string).collect();
    }
    let lines: Vec<&str> = text.lines().collect();
    let key = crate::layout::collapse_whitespace;
    let phrases = |line: &str| line.trim().split("  ").filter(|p| !p.trim().is_empty()).count();
    let mut seen: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        if phrases(line) >= PAGE_MARK_PHRASES {
            seen.entry(key(line)).or_default().push(i);
        }
    }
    // The header comes before the body: if the first such line does not
    // recur, the header is printed once and a recurring line is a row's.
    let Some(marks) = seen.into_values().min_by_key(|at| at.first().copied()).filter(|at| at.len() >= 2) else {
        return vec![text.to_string()];
    };
    let first = marks.first().copied().unwrap_or(0);
    let mut starts: Vec<usize> = Vec::new();
    for &mark in marks.iter().skip(1) {
        // The header's lines above the mark, as printed above its first occurrence.
        let mut start = mark;
        let mut above = first;
        while let (Some(a), Some(b)) = (above.checked_sub(1), start.checked_sub(1)) {
            let (Some(line_a), Some(line_b)) = (lines.get(a), lines.get(b)) else { break };
            if line_a.trim().is_empty() || key(line_a) != key(line_b) || starts.last().is_some_and(|s| b <= *s) {
                break;
            }
            (above, start) = (a, b);
        }
        starts.push(start);
    }
    let mut pages = Vec::with_capacity(starts.len() + 1);
    let mut from = 0;
    for start in starts.into_iter().chain(std::iter::once(lines.len())) {
        pages.push(lines.get(from..start).unwrap_or_default().join("\n"));
        from = start;
    }
    pages
}

/// Lays out the flowed form (see [`Form::Flowed`] and [`crate::flowed`]).
pub fn flowed_pages(
    text: &str,
) -> std::result::Result<(Vec<Page>, Vec<crate::diagnostic::Diagnostic>), crate::error::ErrorKind> {
    crate::flowed::pages(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_inputs_decode_from_their_encodings_or_are_refused() {
        let utf16 = |little_endian: bool, text: &str| -> Vec<u8> {
            let bom = if little_endian { [0xFF, 0xFE] } else { [0xFE, 0xFF] };
            let units = text.encode_utf16().flat_map(|u| if little_endian { u.to_le_bytes() } else { u.to_be_bytes() });
            bom.into_iter().chain(units).collect()
        };
        let cases: Vec<(Vec<u8>, std::result::Result<&str, &str>)> = vec![
            (b"Dur\xC3\xA9e\r\n".to_vec(), Ok("Durée\n")),
            (b"\xEF\xBB\xBFDur\xC3\xA9e\r\n".to_vec(), Ok("Durée\n")),
            (b"l\x92agent\xE9\r".to_vec(), Ok("l’agenté\n")),
            (
                b"l\x81agent".to_vec(),
                Err("t.txt: text encoding not recognised (neither UTF-8 nor Latin-1/Windows-1252)"),
            ),
            (utf16(true, "Durée : 1 an\r\n"), Ok("Durée : 1 an\n")),
            (utf16(false, "l’agent\n"), Ok("l’agent\n")),
            (vec![0xFF, 0xFE, 0x41], Err("t.txt: text encoding not recognised (UTF-16 with an odd number of bytes)")),
            (
                vec![0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00],
                Err("t.txt: text encoding not recognised (UTF-16 with an unpaired surrogate)"),
            ),
            (vec![0xFF, 0xFE], Err("t.txt: empty file")),
            (b"PK\x03\x04\x00\x00".to_vec(), Err("t.txt: binary data in a text input")),
            (
                "\u{F0B7}\tIdentit\u{e9}\n\u{F0A7} NIR \u{F0D8} \u{F076} \u{F0FC}".as_bytes().to_vec(),
                Ok("•\tIdentité\n▪ NIR ➢ ❖ \u{F0FC}"),
            ),
        ];
        for (bytes, expected) in cases {
            let got = decode(&bytes, "t.txt").map_err(|e| e.to_string());
            assert_eq!(got, expected.map(str::to_string).map_err(str::to_string), "{bytes:?}");
        }
    }

    #[test]
    fn byte_swapped_ligatures_of_a_latin_text_are_read_back() {
        let cases = [
            ("Chi\u{6600}\u{6600}rement des sauvegardes", "Chiffrement des sauvegardes"),
            ("Service \u{6600}\u{6900}nancier", "Service financier"),
            ("archivage dé\u{6600}\u{6900}nitif", "archivage définitif"),
            // Apart from Latin letters, or in a text mostly CJK, it stays.
            ("Note \u{6600}\u{6900} : voir", "Note \u{6600}\u{6900} : voir"),
            ("\u{6F22}\u{5B57}\u{6600}a\u{6587}\u{5B57}", "\u{6F22}\u{5B57}\u{6600}a\u{6587}\u{5B57}"),
        ];
        for (input, want) in cases {
            assert_eq!(latin_ligatures(input), want, "{input}");
        }
    }

    #[test]
    fn typographic_ligatures_are_written_as_their_letters() {
        let got = decode("Service \u{FB01}nancier ; e\u{FB03}cacité\n".as_bytes(), "t.txt").map_err(|e| e.to_string());
        assert_eq!(got.as_deref(), Ok("Service financier ; efficacité\n"));
    }

    #[test]
    fn without_form_feeds_pages_start_where_the_header_recurs() {
        let header = "Traitement     Finalité       Destinataires";
        let text = format!(
            "Registre de la commune\n\n   Table\n{header}\nPaie           Salaires       Trésorerie\n\n   Table\n{header}\n\
             Accueil        Rendez-vous    Agents\n"
        );
        let pages = layout_page_texts(&text);
        assert_eq!(pages.len(), 2);
        // The header's line above the recurring one goes with its page.
        assert!(pages.get(1).is_some_and(|p| p.starts_with("   Table\n")), "{pages:?}");
        // Without a recurring header line, the text is one page, even where
        // a row's line recurs.
        assert_eq!(layout_page_texts("a     b     c\nd     e     f\n").len(), 1);
        assert_eq!(layout_page_texts("a     b     c\nd     e     f\nd     e     f\n").len(), 1);
        // Form feeds decide where they are.
        assert_eq!(layout_page_texts("a     b     c\n\u{c}a     b     c\n").len(), 2);
    }
}

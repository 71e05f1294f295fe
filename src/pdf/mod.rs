//! PDF → positioned glyphs and ruling lines, one [`PageContent`] per page.
//!
//! Built on lopdf's object model and content tokenizer; the content
//! interpreter ([`interpret`]) and font decoding ([`font`]) are ours, since
//! lopdf's own text extraction keeps no positions.

pub mod cmap;
pub mod encoding_tables;
pub mod font;
pub mod glyphs;
pub mod interpret;
pub mod standard14;

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};

use crate::error::{Error, ErrorKind, Result};
use crate::geometry::{Matrix, Rect, turned_upright};

/// Largest size one stream may decompress to (content, CMap, object streams).
pub const MAX_STREAM_BYTES: usize = 64 * 1024 * 1024;

/// Largest page count read from one document.
pub const MAX_PAGES: usize = 20_000;

/// How deeply page-tree attributes are looked up through `/Parent` links.
const MAX_TREE_DEPTH: usize = 64;

/// A glyph drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Unicode text (U+FFFD when the font does not say).
    pub text: String,
    /// The glyph's box in page space (advance width × ascent..descent).
    pub bbox: Rect,
    /// Rendered font size in points.
    pub font_size: f64,
    /// Whether the font is bold.
    pub bold: bool,
    /// The quarter turn of its baseline on the page, clockwise from left
    /// to right: 0 upright, 1 running down, 2 upside down, 3 running up.
    pub turn: u8,
}

impl Glyph {
    /// Whether the glyph is white space (a drawn space separates words).
    pub fn is_space(&self) -> bool {
        self.text.chars().all(char::is_whitespace)
    }
}

/// A ruling line: a stroked axis-aligned segment or a thin filled rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// The rule's extent in page space (thin in one direction).
    pub rect: Rect,
}

impl Rule {
    /// Whether the rule runs left to right.
    pub fn is_horizontal(&self) -> bool {
        self.rect.width() >= self.rect.height()
    }
}

/// Everything read from one page.
#[derive(Debug, Clone, Default)]
pub struct PageContent {
    /// 1-based page number.
    pub number: u32,
    /// Visible width in points.
    pub width: f64,
    /// Visible height in points.
    pub height: f64,
    /// Glyphs in drawing order.
    pub glyphs: Vec<Glyph>,
    /// Ruling lines.
    pub rules: Vec<Rule>,
    /// Small filled discs drawn as paths: list bullets, as browsers and
    /// pdfmake draw them ([`PageContent::add_drawn_bullets`]).
    pub discs: Vec<Rect>,
    /// Image XObjects and inline images drawn.
    pub images: usize,
    /// Codes no font table could map to Unicode.
    pub unmapped_codes: usize,
    /// Whether the content stream stopped on a syntax error or a limit.
    pub truncated_content: bool,
    /// Glyphs by the quarter turn of their baseline, clockwise on the page
    /// from left to right: upright, running down, upside down, running up.
    pub text_turns: [usize; 4],
}

impl PageContent {
    /// Turns the page so that most of its text reads left to right: a page
    /// set sideways on its sheet (text running up or down, with no `/Rotate`
    /// to turn it back) is read like one set upright, as a viewer's reader
    /// would turn it.
    fn turn_text_upright(&mut self) {
        let upright = self.text_turns.first().copied().unwrap_or(0);
        let Some((turn, &count)) = self.text_turns.iter().enumerate().skip(1).max_by_key(|(_, n)| **n) else {
            return;
        };
        if count <= upright {
            return;
        }
        let (w, h) = (self.width, self.height);
        let quarter = turn as u8;
        // The turned page moved back into view: its top-left corner at the
        // origin.
        let map = |x: f64, y: f64| {
            let (u, v) = turned_upright(quarter, x, y);
            match quarter {
                1 => (u, v + w),
                2 => (u + w, v + h),
                _ => (u + h, v),
            }
        };
        let map_rect = |r: Rect| r.mapped(map);
        for glyph in &mut self.glyphs {
            glyph.bbox = map_rect(glyph.bbox);
            glyph.turn = (glyph.turn + 4 - quarter) % 4;
        }
        for rule in &mut self.rules {
            rule.rect = map_rect(rule.rect);
        }
        for disc in &mut self.discs {
            *disc = map_rect(*disc);
        }
        if turn != 2 {
            (self.width, self.height) = (h, w);
        }
    }
}

/// A drawn disc's diameter, as a share of the font size of the text it
/// bullets: a text bullet's dot (`•`) is about a third of its font size.
const BULLET_DIAMETER: (f64, f64) = (0.15, 0.6);

/// How far (font sizes) right of a drawn bullet its item's text starts.
const BULLET_GAP: f64 = 2.0;

/// Most disc and glyph pairs a page's drawn bullets are looked for among.
const MAX_BULLET_PAIRS: usize = 50_000_000;

impl PageContent {
    /// Reads each drawn disc that bullets a line of text as a `•` glyph: a
    /// disc set just left of a glyph that opens a line (no glyph between
    /// them), centred on that glyph's height and sized as a text bullet's
    /// dot for its font (`BULLET_DIAMETER`). The glyph takes that text's
    /// size and height, so that it joins the item's line. Other discs
    /// (decoration, charts) bullet nothing and are left out.
    pub fn add_drawn_bullets(&mut self) {
        let discs = std::mem::take(&mut self.discs);
        // Each disc looks at every glyph: a page of absurdly many of both
        // reads no drawn bullet rather than take hours.
        if discs.len().saturating_mul(self.glyphs.len()) > MAX_BULLET_PAIRS {
            return;
        }
        let mut bullets = Vec::new();
        for disc in discs {
            let (diameter, center) = (disc.height(), disc.center_y());
            let item = self
                .glyphs
                .iter()
                .filter(|g| !g.is_space() && g.bbox.x0 >= disc.x1 - 0.1)
                .filter(|g| {
                    let size = g.font_size;
                    (g.bbox.center_y() - center).abs() <= 0.35 * size
                        && diameter >= BULLET_DIAMETER.0 * size
                        && diameter <= BULLET_DIAMETER.1 * size
                })
                .min_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
            let Some(item) = item.filter(|g| g.bbox.x0 - disc.x1 <= BULLET_GAP * g.font_size) else { continue };
            // A glyph drawn over the disc or between it and the item: the
            // disc is no bullet of that line.
            let between = self.glyphs.iter().any(|g| {
                !g.is_space()
                    && g.bbox.x1 > disc.x0
                    && g.bbox.x0 < item.bbox.x0
                    && (g.bbox.center_y() - center).abs() <= 0.35 * g.font_size
            });
            if between {
                continue;
            }
            bullets.push(Glyph {
                text: "•".to_string(),
                bbox: Rect { x0: disc.x0, y0: item.bbox.y0, x1: disc.x1, y1: item.bbox.y1 },
                font_size: item.font_size,
                bold: false,
                turn: item.turn,
            });
        }
        self.glyphs.extend(bullets);
    }
}

/// Opens a PDF from memory, decrypting it with the given or the empty password.
pub fn open(bytes: &[u8], file: &str, password: Option<&str>) -> Result<Document> {
    let err = |kind| Error::file(file, kind);
    if bytes.is_empty() {
        return Err(err(ErrorKind::Empty));
    }
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or_default();
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(err(ErrorKind::NotPdf));
    }
    let options = LoadOptions {
        password: password.map(str::to_string),
        max_decompressed_size: Some(MAX_STREAM_BYTES),
        ..LoadOptions::default()
    };
    // A damaged file gets a second chance: lopdf rebuilds the cross-reference
    // table by scanning for objects.
    let loaded = Document::load_mem_with_options(bytes, options.clone()).or_else(|first| match first {
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) | lopdf::Error::Decompress(_) => Err(first),
        _ => Document::load_mem_with_options(bytes, LoadOptions { force_reconstruct: true, ..options })
            .map_err(|_| first),
    });
    let doc = match loaded {
        Ok(doc) => doc,
        Err(lopdf::Error::InvalidPassword) => return Err(err(ErrorKind::PasswordRequired)),
        Err(lopdf::Error::Decryption(_)) => return Err(err(ErrorKind::PasswordRequired)),
        Err(lopdf::Error::Decompress(_)) => return Err(err(ErrorKind::DecompressionLimit)),
        Err(e) => return Err(err(ErrorKind::BrokenPdf(e.to_string()))),
    };
    if doc.is_encrypted() && doc.encryption_state.is_none() {
        return Err(err(ErrorKind::PasswordRequired));
    }
    Ok(doc)
}

/// The page object ids in order, bounded by [`MAX_PAGES`].
pub fn page_ids(doc: &Document, file: &str) -> Result<Vec<ObjectId>> {
    let ids: Vec<ObjectId> = doc.page_iter().take(MAX_PAGES + 1).collect();
    if ids.is_empty() {
        return Err(Error::file(file, ErrorKind::NoPages));
    }
    if ids.len() > MAX_PAGES {
        return Err(Error::file(file, ErrorKind::TooManyPages(ids.len(), MAX_PAGES)));
    }
    Ok(ids)
}

/// An attribute of a page, inherited from the page tree when the page lacks it.
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..MAX_TREE_DEPTH {
        if let Ok(value) = node.get(key) {
            return doc.dereference(value).ok().map(|(_, o)| o);
        }
        let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

fn page_box(doc: &Document, page: &Dictionary, key: &[u8]) -> Option<Rect> {
    let values: Vec<f64> = inherited(doc, page, key)?
        .as_array()
        .ok()?
        .iter()
        .filter_map(|o| doc.dereference(o).ok()?.1.as_float().ok().map(f64::from))
        .collect();
    match values.as_slice() {
        [a, b, c, d] if [a, b, c, d].iter().all(|v| v.is_finite()) => {
            let rect = Rect::from_corners(*a, *b, *c, *d);
            (rect.width() > 1.0 && rect.height() > 1.0).then_some(rect)
        }
        _ => None,
    }
}

/// The visible size of a page and the matrix from its user space to page space.
fn page_frame(doc: &Document, page: &Dictionary) -> (f64, f64, Matrix) {
    let media = page_box(doc, page, b"MediaBox").unwrap_or(Rect { x0: 0.0, y0: 0.0, x1: 612.0, y1: 792.0 });
    let b = page_box(doc, page, b"CropBox").unwrap_or(media);
    let rotate = inherited(doc, page, b"Rotate").and_then(|o| o.as_i64().ok()).unwrap_or(0);
    match rotate.rem_euclid(360) {
        90 => (b.height(), b.width(), Matrix::new(0.0, 1.0, 1.0, 0.0, -b.y0, -b.x0)),
        180 => (b.width(), b.height(), Matrix::new(-1.0, 0.0, 0.0, 1.0, b.x1, -b.y0)),
        270 => (b.height(), b.width(), Matrix::new(0.0, -1.0, -1.0, 0.0, b.y1, b.x1)),
        _ => (b.width(), b.height(), Matrix::new(1.0, 0.0, 0.0, -1.0, -b.x0, b.y1)),
    }
}

/// Reads one page: its size, glyphs and rules.
pub fn read_page(doc: &Document, page_id: ObjectId, number: u32, file: &str) -> Result<PageContent> {
    let page =
        doc.get_dictionary(page_id).map_err(|e| Error::page(file, number, ErrorKind::BrokenPdf(e.to_string())))?;
    let (width, height, frame) = page_frame(doc, page);
    let content = match doc.get_page_content_with_limit(page_id, MAX_STREAM_BYTES) {
        Ok(content) => content,
        Err(lopdf::Error::Decompress(_)) => return Err(Error::page(file, number, ErrorKind::DecompressionLimit)),
        Err(e) => return Err(Error::page(file, number, ErrorKind::BrokenPdf(e.to_string()))),
    };
    let resources = interpret::Resources::of_page(doc, page_id);
    let mut out = PageContent { number, width, height, ..PageContent::default() };
    interpret::run(doc, &content, &resources, frame, &mut out);
    out.turn_text_upright();
    out.add_drawn_bullets();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page 100 wide and 200 high holding one glyph at (10..20, 30..40)
    /// whose text runs as `turn` says (most of the page's text).
    fn turned(turn: usize) -> PageContent {
        let glyph = Glyph {
            text: "a".to_string(),
            bbox: Rect { x0: 10.0, y0: 30.0, x1: 20.0, y1: 40.0 },
            font_size: 10.0,
            bold: false,
            turn: turn as u8,
        };
        let mut text_turns = [0; 4];
        if let Some(count) = text_turns.get_mut(turn) {
            *count = 5;
        }
        let mut page =
            PageContent { width: 100.0, height: 200.0, glyphs: vec![glyph], text_turns, ..PageContent::default() };
        page.turn_text_upright();
        page
    }

    /// A glyph of `text` at 10 pt whose box runs from x to x + 5, on the
    /// line whose box runs from y 30 to 40.
    fn glyph_at(text: &str, x: f64) -> Glyph {
        Glyph {
            text: text.to_string(),
            bbox: Rect { x0: x, y0: 30.0, x1: x + 5.0, y1: 40.0 },
            font_size: 10.0,
            bold: false,
            turn: 0,
        }
    }

    #[test]
    fn drawn_discs_bullet_the_text_right_of_them() {
        let disc = |x: f64, y: f64, d: f64| Rect { x0: x, y0: y - d / 2.0, x1: x + d, y1: y + d / 2.0 };
        let mut page = PageContent {
            glyphs: vec![glyph_at("I", 20.0), glyph_at("d", 25.0), glyph_at("x", 80.0)],
            discs: vec![
                // A bullet's dot, left of `Id`, centred on its line.
                disc(12.0, 35.0, 3.0),
                // Too far left of any text, too large, or off the line.
                disc(40.0, 35.0, 3.0),
                disc(70.0, 35.0, 8.0),
                disc(74.0, 48.0, 3.0),
            ],
            ..PageContent::default()
        };
        page.add_drawn_bullets();
        let bullets: Vec<&Glyph> = page.glyphs.iter().filter(|g| g.text == "•").collect();
        assert_eq!(bullets.len(), 1);
        let bullet = bullets.first().map(|g| (g.bbox, g.font_size));
        assert_eq!(bullet, Some((Rect { x0: 12.0, y0: 30.0, x1: 15.0, y1: 40.0 }, 10.0)));
        assert!(page.discs.is_empty());
    }

    #[test]
    fn sideways_pages_are_turned_upright() {
        let frame = |p: &PageContent| (p.width, p.height, p.glyphs.first().map(|g| g.bbox));
        let rect = |x0, y0, x1, y1| Some(Rect { x0, y0, x1, y1 });
        assert_eq!(frame(&turned(0)), (100.0, 200.0, rect(10.0, 30.0, 20.0, 40.0)));
        // Running down: the page's top edge becomes its right edge.
        assert_eq!(frame(&turned(1)), (200.0, 100.0, rect(30.0, 80.0, 40.0, 90.0)));
        assert_eq!(frame(&turned(2)), (100.0, 200.0, rect(80.0, 160.0, 90.0, 170.0)));
        // Running up: the page's top edge becomes its left edge.
        assert_eq!(frame(&turned(3)), (200.0, 100.0, rect(160.0, 10.0, 170.0, 20.0)));
    }
}

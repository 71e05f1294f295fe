//! The content stream interpreter: graphics and text state, text showing,
//! path painting and Form XObjects, producing glyphs and rules in page space.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::font::Font;
use super::{Glyph, MAX_STREAM_BYTES, PageContent, Rule};
use crate::geometry::{Matrix, Rect};

/// Deepest nesting of Form XObjects followed.
const MAX_FORM_DEPTH: usize = 12;
/// Most operators run for one page, forms included.
const MAX_OPERATIONS: usize = 5_000_000;
/// Most glyphs kept for one page.
const MAX_GLYPHS: usize = 2_000_000;
/// Most rules kept for one page.
const MAX_RULES: usize = 200_000;
/// Deepest `q` nesting honoured.
const MAX_SAVE_DEPTH: usize = 256;
/// A filled rectangle at most this thick (points) is a ruling line.
const THIN_RULE: f64 = 3.0;
/// Smallest and largest diameter (points) of a filled disc kept as a
/// possible drawn bullet.
const MIN_DISC: f64 = 0.8;
const MAX_DISC: f64 = 8.0;
/// Most discs kept for one page.
const MAX_DISCS: usize = 10_000;
/// Deepest marked-content nesting tracked (deeper sequences are counted,
/// so that their `EMC` still pairs, but say nothing).
const MAX_MARKED_DEPTH: usize = 256;

/// A resource dictionary chain: a form's own, then its parent's.
#[derive(Debug, Clone, Default)]
pub struct Resources<'a> {
    dicts: Vec<&'a Dictionary>,
}

impl<'a> Resources<'a> {
    /// The resources of a page (its own and inherited ones).
    pub fn of_page(doc: &'a Document, page_id: ObjectId) -> Resources<'a> {
        let mut dicts = Vec::new();
        if let Ok((direct, ids)) = doc.get_page_resources(page_id) {
            dicts.extend(direct);
            dicts.extend(ids.into_iter().filter_map(|id| doc.get_dictionary(id).ok()));
        }
        Resources { dicts }
    }

    fn with_inner(&self, inner: Option<&'a Dictionary>) -> Resources<'a> {
        let mut dicts: Vec<&Dictionary> = inner.into_iter().collect();
        dicts.extend(self.dicts.iter().copied());
        Resources { dicts }
    }

    /// Looks up `/Category /Name` through the chain.
    fn lookup(&self, doc: &'a Document, category: &[u8], name: &[u8]) -> Option<(Option<ObjectId>, &'a Object)> {
        self.dicts.iter().find_map(|dict| {
            let (_, cat) = doc.dereference(dict.get(category).ok()?).ok()?;
            let entry = cat.as_dict().ok()?.get(name).ok()?;
            doc.dereference(entry).ok()
        })
    }
}

#[derive(Debug, Clone)]
struct GraphicsState {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    font_size: f64,
    char_spacing: f64,
    word_spacing: f64,
    horizontal_scale: f64,
    leading: f64,
    rise: f64,
    line_width: f64,
    fill_is_white: bool,
}

struct Interpreter<'a, 'o> {
    doc: &'a Document,
    out: &'o mut PageContent,
    fonts: HashMap<ObjectId, Rc<Font>>,
    state: GraphicsState,
    saved: Vec<GraphicsState>,
    text_matrix: Matrix,
    line_matrix: Matrix,
    path: Vec<Vec<(f64, f64)>>,
    /// The current path's extent, control points included, and how many
    /// curves it draws: a small round path filled is a drawn bullet.
    path_extent: Option<Rect>,
    path_curves: usize,
    /// The last path operator was `m`: the last subpath draws nothing yet
    /// (cairo closes each disc it fills and moves to its start again).
    lone_move: bool,
    /// Open marked-content sequences, innermost last: for a span with an
    /// `/ActualText`, the number of glyphs drawn before it and that text.
    marked: Vec<Option<(usize, String)>>,
    /// Sequences opened beyond [`MAX_MARKED_DEPTH`], still to close.
    marked_overflow: usize,
    operations: usize,
    form_stack: Vec<ObjectId>,
}

fn num(op: &[Object], i: usize) -> f64 {
    op.get(i).and_then(|o| o.as_float().ok()).map(f64::from).filter(|v| v.is_finite()).unwrap_or(0.0)
}

fn matrix_of(op: &[Object]) -> Matrix {
    Matrix::new(num(op, 0), num(op, 1), num(op, 2), num(op, 3), num(op, 4), num(op, 5))
}

/// Runs a page's content, appending glyphs and rules to `out`.
pub fn run(doc: &Document, content: &[u8], resources: &Resources, frame: Matrix, out: &mut PageContent) {
    let state = GraphicsState {
        ctm: frame,
        font: None,
        font_size: 0.0,
        char_spacing: 0.0,
        word_spacing: 0.0,
        horizontal_scale: 1.0,
        leading: 0.0,
        rise: 0.0,
        line_width: 1.0,
        fill_is_white: false,
    };
    let mut interp = Interpreter {
        doc,
        out,
        fonts: HashMap::new(),
        state,
        saved: Vec::new(),
        text_matrix: Matrix::IDENTITY,
        line_matrix: Matrix::IDENTITY,
        path: Vec::new(),
        path_extent: None,
        path_curves: 0,
        lone_move: false,
        marked: Vec::new(),
        marked_overflow: 0,
        operations: 0,
        form_stack: Vec::new(),
    };
    interp.run_stream(content, resources);
}

impl<'a> Interpreter<'a, '_> {
    fn run_stream(&mut self, content: &[u8], resources: &Resources<'a>) {
        for op in Content::decode_iter(content) {
            let Ok(op) = op else {
                self.out.truncated_content = true;
                return;
            };
            self.operations += 1;
            if self.operations > MAX_OPERATIONS {
                self.out.truncated_content = true;
                return;
            }
            self.apply(&op.operator, &op.operands, resources);
        }
    }

    fn apply(&mut self, operator: &str, op: &[Object], resources: &Resources<'a>) {
        if matches!(operator, "l" | "c" | "v" | "y" | "re" | "h") {
            self.lone_move = false;
        }
        match operator {
            "q" if self.saved.len() < MAX_SAVE_DEPTH => {
                self.saved.push(self.state.clone());
            }
            "Q" => {
                if let Some(state) = self.saved.pop() {
                    self.state = state;
                }
            }
            "cm" => {
                let m = matrix_of(op).then(&self.state.ctm);
                if m.is_finite() {
                    self.state.ctm = m;
                }
            }
            "w" => self.state.line_width = num(op, 0).abs(),
            "g" => self.state.fill_is_white = num(op, 0) >= 0.99,
            "rg" => self.state.fill_is_white = (0..3).all(|i| num(op, i) >= 0.99),
            "k" => self.state.fill_is_white = (0..4).all(|i| num(op, i) <= 0.01),
            "sc" | "scn" => {
                self.state.fill_is_white = match op.len() {
                    1 | 3 => op.iter().all(|o| o.as_float().is_ok_and(|v| v >= 0.99)),
                    4 => op.iter().all(|o| o.as_float().is_ok_and(|v| v <= 0.01)),
                    _ => false,
                }
            }
            "m" => {
                let p = self.state.ctm.apply(num(op, 0), num(op, 1));
                self.extend_path_extent(&[p]);
                self.path.push(vec![p]);
                self.lone_move = true;
            }
            "l" => {
                let p = self.state.ctm.apply(num(op, 0), num(op, 1));
                self.extend_path_extent(&[p]);
                match self.path.last_mut() {
                    Some(sub) if sub.len() < 100_000 => sub.push(p),
                    Some(_) => {}
                    None => self.path.push(vec![p]),
                }
            }
            "c" | "v" | "y" => {
                // Curves are never ruling lines; keep only the end point so the path goes on.
                let n = op.len();
                let points: Vec<(f64, f64)> =
                    (0..n / 2).map(|k| self.state.ctm.apply(num(op, 2 * k), num(op, 2 * k + 1))).collect();
                self.extend_path_extent(&points);
                self.path_curves += 1;
                let p = self.state.ctm.apply(num(op, n.saturating_sub(2)), num(op, n.saturating_sub(1)));
                if let Some(sub) = self.path.last_mut() {
                    sub.clear();
                    sub.push(p);
                }
            }
            "re" => {
                let (x, y, w, h) = (num(op, 0), num(op, 1), num(op, 2), num(op, 3));
                let m = self.state.ctm;
                let sub =
                    vec![m.apply(x, y), m.apply(x + w, y), m.apply(x + w, y + h), m.apply(x, y + h), m.apply(x, y)];
                self.extend_path_extent(&sub);
                if self.path.len() < 100_000 {
                    self.path.push(sub);
                }
            }
            "h" => {
                if let Some(sub) = self.path.last_mut()
                    && let Some(&first) = sub.first()
                {
                    sub.push(first);
                }
            }
            "S" | "s" => self.stroke_path(),
            "f" | "F" | "f*" => self.fill_path(),
            "B" | "B*" | "b" | "b*" => {
                self.fill_path_keep();
                self.stroke_path();
            }
            "n" => self.end_path(),
            "BT" => {
                self.text_matrix = Matrix::IDENTITY;
                self.line_matrix = Matrix::IDENTITY;
            }
            "Tf" => {
                self.state.font_size = num(op, 1);
                let name = op.first().and_then(|o| o.as_name().ok()).unwrap_or_default();
                self.state.font = Some(self.font(resources, name));
            }
            "Tc" => self.state.char_spacing = num(op, 0),
            "Tw" => self.state.word_spacing = num(op, 0),
            "Tz" => self.state.horizontal_scale = num(op, 0) / 100.0,
            "TL" => self.state.leading = num(op, 0),
            "Ts" => self.state.rise = num(op, 0),
            "Td" => self.next_line(num(op, 0), num(op, 1)),
            "TD" => {
                self.state.leading = -num(op, 1);
                self.next_line(num(op, 0), num(op, 1));
            }
            "Tm" => {
                let m = matrix_of(op);
                if m.is_finite() {
                    self.text_matrix = m;
                    self.line_matrix = m;
                }
            }
            "T*" => self.next_line(0.0, -self.state.leading),
            "Tj" => self.show(op.first()),
            "'" => {
                self.next_line(0.0, -self.state.leading);
                self.show(op.first());
            }
            "\"" => {
                self.state.word_spacing = num(op, 0);
                self.state.char_spacing = num(op, 1);
                self.next_line(0.0, -self.state.leading);
                self.show(op.get(2));
            }
            "TJ" => {
                if let Some(Object::Array(items)) = op.first() {
                    for item in items {
                        match item {
                            Object::String(..) => self.show(Some(item)),
                            other => {
                                let adjust = other.as_float().map(f64::from).unwrap_or(0.0);
                                let tx = -adjust / 1000.0 * self.state.font_size * self.state.horizontal_scale;
                                self.advance(tx);
                            }
                        }
                    }
                }
            }
            "Do" => {
                let name = op.first().and_then(|o| o.as_name().ok()).unwrap_or_default();
                self.draw_xobject(resources, name);
            }
            "BI" | "EI" => self.out.images += usize::from(operator == "EI"),
            "BMC" => self.open_marked(None),
            "BDC" => {
                let actual_text = self.actual_text(resources, op.get(1));
                self.open_marked(actual_text);
            }
            "EMC" => self.close_marked(),
            _ => {}
        }
    }

    /// The `/ActualText` of a marked-content sequence's properties (inline,
    /// or named in the resources' `/Properties`).
    fn actual_text(&self, resources: &Resources<'a>, properties: Option<&Object>) -> Option<String> {
        let dict = match properties? {
            Object::Dictionary(dict) => dict,
            Object::Name(name) => match resources.lookup(self.doc, b"Properties", name)? {
                (_, Object::Dictionary(dict)) => dict,
                _ => return None,
            },
            _ => return None,
        };
        let (_, text) = self.doc.dereference(dict.get(b"ActualText").ok()?).ok()?;
        lopdf::decode_text_string(text).ok()
    }

    /// Opens a marked-content sequence; one with an actual text inside
    /// another says nothing, the outer text standing for it all.
    fn open_marked(&mut self, actual_text: Option<String>) {
        if self.marked.len() >= MAX_MARKED_DEPTH {
            self.marked_overflow += 1;
            return;
        }
        let inside_actual_text = self.marked.iter().any(Option::is_some);
        let span = actual_text.filter(|_| !inside_actual_text).map(|text| (self.out.glyphs.len(), text));
        self.marked.push(span);
    }

    /// Closes the innermost marked-content sequence: the glyphs a span with
    /// an actual text drew are that text (a ligature, a cluster, a glyph
    /// its font maps to nothing), set as one glyph over them where they
    /// lie on one line, none where the text is empty.
    fn close_marked(&mut self) {
        if self.marked_overflow > 0 {
            self.marked_overflow -= 1;
            return;
        }
        let Some(Some((start, text))) = self.marked.pop() else { return };
        let Some(drawn) = self.out.glyphs.get(start..) else { return };
        if text.is_empty() {
            self.out.glyphs.truncate(start);
            return;
        }
        let Some(first) = drawn.first() else { return };
        // A line's glyphs overlap across it: in height where the text runs
        // across the page, in width where it runs up or down.
        let across = |g: &Glyph| {
            if first.turn % 2 == 0 {
                g.bbox.y0 < first.bbox.y1 && g.bbox.y1 > first.bbox.y0
            } else {
                g.bbox.x0 < first.bbox.x1 && g.bbox.x1 > first.bbox.x0
            }
        };
        let one_line = drawn.iter().all(|g| g.turn == first.turn && across(g));
        if !one_line {
            return;
        }
        let bbox = drawn.iter().skip(1).fold(first.bbox, |b, g| b.union(&g.bbox));
        let glyph = Glyph { text, bbox, ..first.clone() };
        self.out.glyphs.truncate(start);
        self.out.glyphs.push(glyph);
    }

    fn font(&mut self, resources: &Resources<'a>, name: &[u8]) -> Rc<Font> {
        match resources.lookup(self.doc, b"Font", name) {
            Some((id, Object::Dictionary(dict))) => {
                if let Some(font) = id.and_then(|id| self.fonts.get(&id)) {
                    return Rc::clone(font);
                }
                let font = Rc::new(Font::load(self.doc, dict));
                if let Some(id) = id {
                    self.fonts.insert(id, Rc::clone(&font));
                }
                font
            }
            _ => Rc::new(Font::unknown()),
        }
    }

    fn next_line(&mut self, tx: f64, ty: f64) {
        self.line_matrix = Matrix::translate(tx, ty).then(&self.line_matrix);
        self.text_matrix = self.line_matrix;
    }

    fn advance(&mut self, tx: f64) {
        self.text_matrix = Matrix::translate(tx, 0.0).then(&self.text_matrix);
    }

    fn show(&mut self, string: Option<&Object>) {
        let Some(Object::String(bytes, _)) = string else { return };
        let Some(font) = self.state.font.clone() else { return };
        let s = &self.state;
        let (size, scale) = (s.font_size, s.horizontal_scale);
        let base = Matrix::new(size * scale, 0.0, 0.0, size, 0.0, s.rise);
        for code in font.decode(bytes) {
            let trm = base.then(&self.text_matrix).then(&self.state.ctm);
            if trm.is_finite() && self.out.glyphs.len() < MAX_GLYPHS {
                let corners = [
                    trm.apply(0.0, font.descent),
                    trm.apply(code.width, font.descent),
                    trm.apply(0.0, font.ascent),
                    trm.apply(code.width, font.ascent),
                ];
                let mut bbox = Rect::from_corners(corners[0].0, corners[0].1, corners[3].0, corners[3].1);
                for (x, y) in corners {
                    bbox = bbox.union(&Rect { x0: x, y0: y, x1: x, y1: y });
                }
                let text = match code.text {
                    Some(text) => text,
                    None => {
                        self.out.unmapped_codes += 1;
                        char::REPLACEMENT_CHARACTER.to_string()
                    }
                };
                let turn = quarter_turn(&trm);
                self.out.glyphs.push(Glyph {
                    text,
                    bbox,
                    font_size: trm.vertical_scale(),
                    bold: font.bold,
                    turn: turn as u8,
                });
                if let Some(count) = self.out.text_turns.get_mut(turn) {
                    *count += 1;
                }
            }
            let spacing = self.state.char_spacing + if code.is_space_code { self.state.word_spacing } else { 0.0 };
            self.advance((code.width * size + spacing) * scale);
        }
    }

    fn push_rule(&mut self, rect: Rect) {
        if self.out.rules.len() < MAX_RULES && [rect.x0, rect.y0, rect.x1, rect.y1].iter().all(|v| v.is_finite()) {
            self.out.rules.push(Rule { rect });
        }
    }

    fn extend_path_extent(&mut self, points: &[(f64, f64)]) {
        for &(x, y) in points.iter().filter(|(x, y)| x.is_finite() && y.is_finite()) {
            let point = Rect { x0: x, y0: y, x1: x, y1: y };
            self.path_extent = Some(self.path_extent.map_or(point, |e| e.union(&point)));
        }
    }

    /// Forgets the current path once painted or discarded.
    fn end_path(&mut self) {
        self.path.clear();
        self.path_extent = None;
        self.path_curves = 0;
        self.lone_move = false;
    }

    fn stroke_path(&mut self) {
        let half = (self.state.line_width * self.state.ctm.vertical_scale()).max(0.1) / 2.0;
        let path = std::mem::take(&mut self.path);
        self.end_path();
        for sub in &path {
            for pair in sub.windows(2) {
                let &[(ax, ay), (bx, by)] = pair else { continue };
                let horizontal = (ay - by).abs() < 0.5 && (ax - bx).abs() > 1.0;
                let vertical = (ax - bx).abs() < 0.5 && (ay - by).abs() > 1.0;
                if horizontal || vertical {
                    let r = Rect::from_corners(ax, ay, bx, by);
                    self.push_rule(Rect { x0: r.x0 - half, y0: r.y0 - half, x1: r.x1 + half, y1: r.y1 + half });
                }
            }
        }
    }

    fn fill_path_keep(&mut self) {
        if self.state.fill_is_white {
            return;
        }
        // One round closed path of curves, a few points across: a drawn
        // bullet, whether it bullets text is for the page to say.
        let drawn_subpaths = self.path.len() - usize::from(self.lone_move);
        if let Some(extent) = self.path_extent.filter(|_| self.path_curves >= 2 && drawn_subpaths == 1) {
            let (w, h) = (extent.width(), extent.height());
            if (MIN_DISC..=MAX_DISC).contains(&w) && (w - h).abs() <= 0.2 * w && self.out.discs.len() < MAX_DISCS {
                self.out.discs.push(extent);
            }
        }
        let page_area = self.out.width * self.out.height;
        let rects: Vec<Rect> = self.path.iter().filter_map(|sub| axis_rect(sub)).collect();
        for rect in rects {
            if rect.width().min(rect.height()) <= THIN_RULE {
                self.push_rule(rect);
            } else if rect.width() * rect.height() < page_area * 0.5 {
                // A shaded cell: its edges bound rows and columns like rules do.
                let t = 0.25;
                self.push_rule(Rect { x0: rect.x0, y0: rect.y0 - t, x1: rect.x1, y1: rect.y0 + t });
                self.push_rule(Rect { x0: rect.x0, y0: rect.y1 - t, x1: rect.x1, y1: rect.y1 + t });
                self.push_rule(Rect { x0: rect.x0 - t, y0: rect.y0, x1: rect.x0 + t, y1: rect.y1 });
                self.push_rule(Rect { x0: rect.x1 - t, y0: rect.y0, x1: rect.x1 + t, y1: rect.y1 });
            }
        }
    }

    fn fill_path(&mut self) {
        self.fill_path_keep();
        self.end_path();
    }

    fn draw_xobject(&mut self, resources: &Resources<'a>, name: &[u8]) {
        let Some((id, Object::Stream(stream))) = resources.lookup(self.doc, b"XObject", name) else { return };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => self.out.images += 1,
            Ok(b"Form") => {
                let Some(id) = id else { return };
                if self.form_stack.len() >= MAX_FORM_DEPTH || self.form_stack.contains(&id) {
                    self.out.truncated_content = true;
                    return;
                }
                let Ok(content) = stream
                    .decompressed_content_with_limit(MAX_STREAM_BYTES)
                    .or_else(|e| if stream.dict.get(b"Filter").is_err() { Ok(stream.content.clone()) } else { Err(e) })
                else {
                    self.out.truncated_content = true;
                    return;
                };
                let inner = stream
                    .dict
                    .get(b"Resources")
                    .ok()
                    .and_then(|o| self.doc.dereference(o).ok())
                    .and_then(|(_, o)| o.as_dict().ok());
                let form_resources = resources.with_inner(inner);
                let saved = self.state.clone();
                let (saved_tm, saved_lm) = (self.text_matrix, self.line_matrix);
                if let Ok(Object::Array(m)) = stream.dict.get(b"Matrix") {
                    let m = matrix_of(m).then(&self.state.ctm);
                    if m.is_finite() {
                        self.state.ctm = m;
                    }
                }
                let depth = self.saved.len();
                self.form_stack.push(id);
                self.run_stream(&content, &form_resources);
                self.form_stack.pop();
                self.saved.truncate(depth);
                self.state = saved;
                self.text_matrix = saved_tm;
                self.line_matrix = saved_lm;
            }
            _ => {}
        }
    }
}

/// The box of a closed axis-aligned rectangle subpath.
fn axis_rect(sub: &[(f64, f64)]) -> Option<Rect> {
    let points = match sub {
        [a, b, c, d] | [a, b, c, d, _] => [*a, *b, *c, *d],
        _ => return None,
    };
    let xs: Vec<f64> = points.iter().map(|p| p.0).collect();
    let ys: Vec<f64> = points.iter().map(|p| p.1).collect();
    let distinct = |v: &[f64]| {
        let mut v = v.to_vec();
        v.sort_by(f64::total_cmp);
        v.dedup_by(|a, b| (*a - *b).abs() < 0.01);
        v.len()
    };
    if distinct(&xs) > 2 || distinct(&ys) > 2 {
        return None;
    }
    let x0 = xs.iter().copied().fold(f64::INFINITY, f64::min);
    let x1 = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let y0 = ys.iter().copied().fold(f64::INFINITY, f64::min);
    let y1 = ys.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    Some(Rect { x0, y0, x1, y1 })
}

/// The quarter turn of a glyph's baseline on the page (y down), clockwise
/// from left to right: 0 upright, 1 running down, 2 upside down, 3 running up.
fn quarter_turn(trm: &Matrix) -> usize {
    let [a, b, ..] = trm.m;
    let turns = b.atan2(a) / std::f64::consts::FRAC_PI_2;
    (turns.round() as i64).rem_euclid(4) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a content stream draws on an empty page, with `resources`.
    fn drawn(content: &str, resources: &Resources) -> PageContent {
        let doc = Document::new();
        let mut out = PageContent { width: 200.0, height: 200.0, ..PageContent::default() };
        run(&doc, content.as_bytes(), resources, Matrix::translate(0.0, 0.0), &mut out);
        out
    }

    /// The discs a content stream fills on an empty page.
    fn discs_of(content: &str) -> Vec<Rect> {
        drawn(content, &Resources::default()).discs
    }

    /// The glyphs' texts a content stream shows in a font the page does
    /// not define, with `resources`.
    fn texts_of(content: &str, resources: &Resources) -> Vec<String> {
        drawn(&format!("BT /F1 10 Tf 1 0 0 1 10 100 Tm {content} ET"), resources)
            .glyphs
            .into_iter()
            .map(|g| g.text)
            .collect()
    }

    #[test]
    fn a_span_s_actual_text_stands_for_its_glyphs() {
        let none = Resources::default();
        let plain = texts_of("(ab) Tj", &none);
        assert_eq!(plain.len(), 2);
        // A ligature drawn as one glyph its font maps to nothing, and a
        // cluster of two glyphs: each one glyph of the actual text.
        assert_eq!(texts_of("/Span <</ActualText (fi)>> BDC (a) Tj EMC", &none), ["fi"]);
        assert_eq!(texts_of("/Span <</ActualText <FEFF0153>>> BDC (ab) Tj EMC", &none), ["œ"]);
        // An empty actual text hides what it marks (a hyphen the line's
        // end added); a span without one changes nothing.
        assert_eq!(texts_of("/Span <</ActualText ()>> BDC (a) Tj EMC (b) Tj", &none).len(), 1);
        assert_eq!(texts_of("/P <</MCID 0>> BDC (ab) Tj EMC", &none), plain);
        // The outer text stands for an inner one, and for glyphs outside it.
        let nested = "/Span <</ActualText (x)>> BDC /Span <</ActualText (y)>> BDC (a) Tj EMC (b) Tj EMC";
        assert_eq!(texts_of(nested, &none), ["x"]);
        // Named in the resources' properties.
        let mut properties = Dictionary::new();
        properties.set("P1", Object::Dictionary(lopdf::dictionary! { "ActualText" => Object::string_literal("ff") }));
        let page = lopdf::dictionary! { "Properties" => Object::Dictionary(properties) };
        assert_eq!(texts_of("/Span /P1 BDC (a) Tj EMC", &Resources { dicts: vec![&page] }), ["ff"]);
        // Glyphs on two lines keep their own texts.
        assert_eq!(texts_of("/Span <</ActualText (x)>> BDC (a) Tj 0 -20 Td (b) Tj EMC", &none), plain);
    }

    #[test]
    fn a_filled_round_path_is_a_disc_whatever_lone_move_ends_it() {
        // A disc of 2.5 points across in four quarter curves, closed.
        let disc = "102.5 100 m 102.5 100.7 101.9 101.25 101.25 101.25 c 100.6 101.25 100 100.7 100 100 c \
                    100 99.3 100.6 98.75 101.25 98.75 c 101.9 98.75 102.5 99.3 102.5 100 c h";
        assert_eq!(discs_of(&format!("{disc} f")).len(), 1);
        // cairo moves to the disc's start again before filling: a subpath
        // that draws nothing.
        assert_eq!(discs_of(&format!("{disc} 102.5 100 m f")).len(), 1);
        // Two discs filled as one path are no bullet.
        assert_eq!(discs_of(&format!("{disc} {disc} f")).len(), 0);
    }
}

//! A tiny PDF writer that typesets registers as tables, for tests and
//! benchmarks: any column set, page size, base font (standard 14, not
//! embedded, measured with the same metrics a reader uses), ruled or
//! borderless, header repeated or not, rows split across pages, section rows,
//! and words too long for their column broken at the cell's edge.
#![allow(dead_code)]

pub mod extracted;

use registre::pdf::standard14;

/// A base font of the standard 14.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum BaseFont {
    /// Helvetica.
    Helvetica,
    /// Times-Roman.
    Times,
    /// Courier.
    Courier,
}

impl BaseFont {
    fn name(self, bold: bool) -> &'static str {
        match (self, bold) {
            (BaseFont::Helvetica, false) => "Helvetica",
            (BaseFont::Helvetica, true) => "Helvetica-Bold",
            (BaseFont::Times, false) => "Times-Roman",
            (BaseFont::Times, true) => "Times-Bold",
            (BaseFont::Courier, false) => "Courier",
            (BaseFont::Courier, true) => "Courier-Bold",
        }
    }

    fn char_width(self, bold: bool, c: char) -> f64 {
        let table = match (self, bold) {
            (BaseFont::Helvetica, false) => standard14::HELVETICA,
            (BaseFont::Helvetica, true) => standard14::HELVETICA_BOLD,
            (BaseFont::Times, false) => standard14::TIMES_ROMAN,
            (BaseFont::Times, true) => standard14::TIMES_BOLD,
            (BaseFont::Courier, _) => return 0.6,
        };
        let unit = u16::try_from(u32::from(c)).unwrap_or(0);
        table
            .binary_search_by_key(&unit, |&(u, _)| u)
            .ok()
            .and_then(|i| table.get(i))
            .map_or(0.5, |&(_, w)| f64::from(w) / 1000.0)
    }

    /// Width of a string at a size.
    pub fn width(self, bold: bool, text: &str, size: f64) -> f64 {
        text.chars().map(|c| self.char_width(bold, c)).sum::<f64>() * size
    }
}

/// A body row.
#[derive(Clone, Debug)]
pub enum Row {
    /// A record: one text per column.
    Record(Vec<String>),
    /// A full-width section heading.
    Section(String),
}

/// How to typeset a register.
#[derive(Clone, Debug)]
pub struct Layout {
    /// Page width and height in points.
    pub page: (f64, f64),
    /// Margins in points.
    pub margin: f64,
    /// Body font.
    pub font: BaseFont,
    /// Body font size.
    pub size: f64,
    /// Column widths (points), left to right.
    pub widths: Vec<f64>,
    /// Draw ruling lines.
    pub ruled: bool,
    /// Repeat the header on every page.
    pub repeat_header: bool,
    /// Cell padding in points.
    pub padding: f64,
    /// Draw each cell's border on its own, as thin filled rectangles (as
    /// word processors do), instead of table-wide ruling lines.
    pub cell_borders: bool,
    /// Store pages in portrait with `/Rotate 90` (shown in landscape).
    pub rotate: bool,
    /// Close an unruled table with a rule under its last row (booktabs).
    pub closing_rule: bool,
    /// Centre the header cells vertically (shorter headers sit level with
    /// the middle line of the tallest).
    pub centred_header: bool,
    /// Centre the body cells vertically in their rows.
    pub centred_cells: bool,
    /// With centred cells, set the cells of a row a page break cuts from
    /// the top of each part, as LibreOffice does with a row taller than
    /// its page.
    pub cut_rows_from_top: bool,
    /// Shade the header and every other body row (the first, the
    /// third…, section headings counted) cell by cell, as
    /// jsPDF-AutoTable's striped theme does: a table ruled by nothing but
    /// its shaded cells' edges.
    pub zebra: bool,
    /// Shade each section heading's row across the table.
    pub shaded_sections: bool,
    /// Set the last note at the top of a page of its own.
    pub last_note_on_new_page: bool,
}

impl Default for Layout {
    /// A4 portrait, Helvetica 8 pt, ruled, header repeated, eight columns;
    /// no cell borders, rotation, closing rule, centring or shading.
    fn default() -> Self {
        Layout {
            page: (595.0, 842.0),
            margin: 36.0,
            font: BaseFont::Helvetica,
            size: 8.0,
            widths: vec![24.0, 70.0, 90.0, 60.0, 80.0, 60.0, 70.0, 70.0],
            ruled: true,
            repeat_header: true,
            padding: 4.0,
            cell_borders: false,
            rotate: false,
            closing_rule: false,
            centred_header: false,
            centred_cells: false,
            cut_rows_from_top: false,
            zebra: false,
            shaded_sections: false,
            last_note_on_new_page: false,
        }
    }
}

/// A register to typeset.
#[derive(Clone, Debug)]
pub struct Register {
    /// Lines above the table (the first is set larger, as a title).
    pub preamble: Vec<String>,
    /// Column headers.
    pub headers: Vec<String>,
    /// Body rows.
    pub rows: Vec<Row>,
    /// Paragraphs below the table.
    pub notes: Vec<String>,
}

impl Register {
    /// Each record's cells, with the section heading above it, if any.
    pub fn records_with_sections(&self) -> Vec<(Vec<String>, Option<String>)> {
        let mut records = Vec::new();
        let mut section: Option<String> = None;
        for row in &self.rows {
            match row {
                Row::Section(text) => section = Some(text.clone()),
                Row::Record(cells) => records.push((cells.clone(), section.clone())),
            }
        }
        records
    }
}

/// Wraps text to a width: words that fit, and a word wider than the whole
/// line broken at the character that overflows.
pub fn wrap(font: BaseFont, bold: bool, size: f64, text: &str, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() { word.to_string() } else { format!("{current} {word}") };
        if font.width(bold, &candidate, size) <= width {
            current = candidate;
            continue;
        }
        // Break after a hyphen inside the word when its head still fits.
        let hyphen_head = word.match_indices('-').map(|(i, _)| &word[..=i]).rfind(|head| {
            let with = if current.is_empty() { head.to_string() } else { format!("{current} {head}") };
            head.len() < word.len() && font.width(bold, &with, size) <= width
        });
        if let Some(head) = hyphen_head {
            let line = if current.is_empty() { head.to_string() } else { format!("{current} {head}") };
            lines.push(line);
            current = word[head.len()..].to_string();
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        let mut rest = word.to_string();
        while font.width(bold, &rest, size) > width {
            let mut cut = String::new();
            for c in rest.chars() {
                if font.width(bold, &format!("{cut}{c}"), size) > width {
                    break;
                }
                cut.push(c);
            }
            if cut.is_empty() {
                break;
            }
            rest = rest[cut.len()..].to_string();
            lines.push(cut);
        }
        current = rest;
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

fn winansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '’' => 0x92,
            '‘' => 0x91,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            'œ' => 0x9C,
            '€' => 0x80,
            c if (c as u32) < 256 => c as u32 as u8,
            _ => b'?',
        })
        .collect()
}

fn pdf_string(text: &str) -> String {
    let mut out = String::from("(");
    for b in winansi(text) {
        match b {
            b'(' | b')' | b'\\' => {
                out.push('\\');
                out.push(b as char);
            }
            32..=126 => out.push(b as char),
            _ => out.push_str(&format!("\\{b:03o}")),
        }
    }
    out.push(')');
    out
}

struct PageBuilder {
    content: String,
}

impl PageBuilder {
    fn text(&mut self, font: &str, size: f64, x: f64, y: f64, text: &str) {
        self.content.push_str(&format!("BT /{font} {size} Tf {x:.2} {y:.2} Td {} Tj ET\n", pdf_string(text)));
    }

    fn line(&mut self, x0: f64, y0: f64, x1: f64, y1: f64) {
        self.content.push_str(&format!("0.5 w {x0:.2} {y0:.2} m {x1:.2} {y1:.2} l S\n"));
    }

    /// A light grey rectangle, filled.
    fn shade(&mut self, x0: f64, y0: f64, x1: f64, y1: f64) {
        self.content.push_str(&format!("0.94 g {x0:.2} {y0:.2} {:.2} {:.2} re f 0 g\n", x1 - x0, y1 - y0));
    }

    /// A cell's four borders as thin filled rectangles.
    fn cell_box(&mut self, x0: f64, y0: f64, x1: f64, y1: f64) {
        let t = 0.5;
        for (x, y, w, h) in [(x0, y0, x1 - x0, t), (x0, y1, x1 - x0, t), (x0, y0, t, y1 - y0), (x1, y0, t, y1 - y0)] {
            self.content.push_str(&format!("{x:.2} {y:.2} {w:.2} {h:.2} re f\n"));
        }
    }
}

/// Typesets the register; returns the PDF bytes.
pub fn typeset(register: &Register, layout: &Layout) -> Vec<u8> {
    let (page_w, page_h) = layout.page;
    let leading = layout.size * 1.2;
    let left = layout.margin;
    let right = left + layout.widths.iter().sum::<f64>();
    let mut xs = vec![left];
    for w in &layout.widths {
        xs.push(xs.last().copied().unwrap_or(left) + w);
    }
    let mut pages: Vec<PageBuilder> = vec![PageBuilder { content: String::new() }];
    let mut y = page_h - layout.margin;
    for (i, line) in register.preamble.iter().enumerate() {
        let size = if i == 0 { layout.size * 1.6 } else { layout.size };
        y -= size * 1.4;
        if let Some(p) = pages.last_mut() {
            p.text(if i == 0 { "F2" } else { "F1" }, size, left, y, line);
        }
    }
    y -= leading;
    let bottom = layout.margin;

    let header_lines: Vec<Vec<String>> = register
        .headers
        .iter()
        .zip(&layout.widths)
        .map(|(h, w)| wrap(layout.font, true, layout.size, h, w - 2.0 * layout.padding))
        .collect();
    let header_height = header_lines.iter().map(Vec::len).max().unwrap_or(1) as f64 * leading + 2.0 * layout.padding;

    let draw_header = |page: &mut PageBuilder, top: f64| {
        for c in (0..layout.widths.len()).filter(|_| layout.zebra) {
            page.shade(xs[c], top - header_height, xs[c + 1], top);
        }
        for (c, lines) in header_lines.iter().enumerate() {
            let tallest = header_lines.iter().map(Vec::len).max().unwrap_or(1);
            let offset = if layout.centred_header { (tallest - lines.len()) as f64 * leading / 2.0 } else { 0.0 };
            for (k, line) in lines.iter().enumerate() {
                let baseline = top - layout.padding - layout.size - offset - k as f64 * leading;
                page.text("F2", layout.size, xs[c] + layout.padding, baseline, line);
            }
        }
        if layout.cell_borders {
            for c in 0..layout.widths.len() {
                page.cell_box(xs[c], top - header_height, xs[c + 1], top);
            }
        } else {
            page.line(left, top, right, top);
            page.line(left, top - header_height, right, top - header_height);
        }
    };
    let mut table_top = y;
    if let Some(p) = pages.last_mut() {
        draw_header(p, y);
    }
    y -= header_height;

    // Close the frame of a page's table: vertical rules and the bottom rule.
    let close_frame = |page: &mut PageBuilder, top: f64, bottom_y: f64| {
        if layout.ruled && !layout.cell_borders {
            for x in &xs {
                page.line(*x, top, *x, bottom_y);
            }
            page.line(left, bottom_y, right, bottom_y);
        }
    };

    // Closes the page's frame and opens the next page (with the header
    // again when asked); returns the new y and table top.
    let new_page = |pages: &mut Vec<PageBuilder>, y: f64, table_top: f64| {
        if let Some(p) = pages.last_mut() {
            close_frame(p, table_top, y);
        }
        let mut page = PageBuilder { content: String::new() };
        let top = page_h - layout.margin;
        let mut y = top;
        if layout.repeat_header {
            draw_header(&mut page, y);
            y -= header_height;
        }
        pages.push(page);
        (y, top)
    };
    let mut rows_set = 0;
    for row in &register.rows {
        match row {
            Row::Section(text) => {
                let height = leading + 2.0 * layout.padding;
                if y - height < bottom {
                    (y, table_top) = new_page(&mut pages, y, table_top);
                }
                let shaded = layout.shaded_sections || layout.zebra && rows_set % 2 == 0;
                rows_set += 1;
                if let Some(p) = pages.last_mut() {
                    if shaded {
                        p.shade(left, y - height, right, y);
                    }
                    p.text("F2", layout.size, left + layout.padding, y - layout.padding - layout.size, text);
                    if layout.cell_borders {
                        p.cell_box(left, y - height, right, y);
                    } else if layout.ruled {
                        // A merged cell: only the outer verticals cross it.
                        p.line(left, y - height, right, y - height);
                    }
                }
                y -= height;
            }
            Row::Record(cells) => {
                let mut remaining: Vec<Vec<String>> = cells
                    .iter()
                    .zip(&layout.widths)
                    .map(|(t, w)| wrap(layout.font, false, layout.size, t, w - 2.0 * layout.padding))
                    .collect();
                let total_lines: usize = remaining.iter().map(Vec::len).sum();
                let shaded = layout.zebra && rows_set % 2 == 0;
                rows_set += 1;
                loop {
                    let available = ((y - bottom - 2.0 * layout.padding) / leading).floor().max(0.0) as usize;
                    let needed = remaining.iter().map(Vec::len).max().unwrap_or(0);
                    let take = needed.min(available);
                    let cut = take < needed || remaining.iter().map(Vec::len).sum::<usize>() < total_lines;
                    let centred = layout.centred_cells && !(layout.cut_rows_from_top && cut);
                    if take > 0 {
                        if let Some(p) = pages.last_mut() {
                            // The shade first: text is drawn over it.
                            let row_bottom = y - take as f64 * leading - 2.0 * layout.padding;
                            for c in (0..layout.widths.len()).filter(|_| shaded) {
                                p.shade(xs[c], row_bottom, xs[c + 1], y);
                            }
                            for (c, lines) in remaining.iter_mut().enumerate() {
                                let n = take.min(lines.len());
                                let offset = if centred { (take - n) as f64 * leading / 2.0 } else { 0.0 };
                                for (k, line) in lines.drain(..n).enumerate() {
                                    let baseline = y - layout.padding - layout.size - offset - k as f64 * leading;
                                    p.text("F1", layout.size, xs[c] + layout.padding, baseline, &line);
                                }
                            }
                        }
                        let row_top = y;
                        y -= take as f64 * leading + 2.0 * layout.padding;
                        if let Some(p) = pages.last_mut() {
                            if layout.cell_borders {
                                for c in 0..layout.widths.len() {
                                    p.cell_box(xs[c], y, xs[c + 1], row_top);
                                }
                            } else if layout.ruled {
                                p.line(left, y, right, y);
                            }
                        }
                    }
                    if remaining.iter().all(Vec::is_empty) {
                        break;
                    }
                    (y, table_top) = new_page(&mut pages, y, table_top);
                }
            }
        }
    }
    if let Some(p) = pages.last_mut() {
        close_frame(p, table_top, y);
        if layout.closing_rule && !layout.ruled {
            p.line(left, y, right, y);
        }
    }
    y -= leading;
    for (n, note) in register.notes.iter().enumerate() {
        if layout.last_note_on_new_page && n + 1 == register.notes.len() {
            pages.push(PageBuilder { content: String::new() });
            y = page_h - layout.margin;
        }
        let width = right - left;
        for line in wrap(layout.font, false, layout.size * 0.9, note, width) {
            if y - leading < bottom {
                pages.push(PageBuilder { content: String::new() });
                y = page_h - layout.margin;
            }
            y -= leading;
            if let Some(p) = pages.last_mut() {
                p.text("F1", layout.size * 0.9, left, y, &line);
            }
        }
        y -= leading * 0.8;
    }
    write_pdf(&pages.into_iter().map(|p| p.content).collect::<Vec<_>>(), layout, page_w, page_h)
}

fn write_pdf(contents: &[String], layout: &Layout, page_w: f64, page_h: f64) -> Vec<u8> {
    let mut objects: Vec<String> = Vec::new();
    // 1: catalog, 2: pages, 3: regular font, 4: bold font, then page + content pairs.
    let page_ids: Vec<usize> = (0..contents.len()).map(|i| 5 + 2 * i).collect();
    objects.push("<< /Type /Catalog /Pages 2 0 R >>".to_string());
    objects.push(format!(
        "<< /Type /Pages /Count {} /Kids [{}] >>",
        contents.len(),
        page_ids.iter().map(|id| format!("{id} 0 R")).collect::<Vec<_>>().join(" ")
    ));
    for bold in [false, true] {
        objects.push(format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /{} /Encoding /WinAnsiEncoding >>",
            layout.font.name(bold)
        ));
    }
    for (i, content) in contents.iter().enumerate() {
        // Rotated: the page is stored in portrait and turned a quarter clockwise
        // when shown; the content is drawn through the inverse turn.
        let (media, rotate, content) = if layout.rotate {
            (format!("0 0 {page_h} {page_w}"), " /Rotate 90", format!("0 1 -1 0 {page_h} 0 cm\n{content}"))
        } else {
            (format!("0 0 {page_w} {page_h}"), "", content.clone())
        };
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [{media}]{rotate} /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {} 0 R >>",
            page_ids[i] + 1
        ));
        objects.push(format!("<< /Length {} >>\nstream\n{content}endstream", content.len()));
    }
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    out
}

/// A register of `n` records with eight columns, for tests and benchmarks.
pub fn sample_register(n: usize) -> Register {
    let headers = [
        "N°",
        "Nom du traitement",
        "Finalité(s)",
        "Base légale",
        "Catégories de données",
        "Personnes concernées",
        "Destinataires",
        "Durée de conservation",
    ];
    let mut rows = Vec::new();
    for i in 0..n {
        if i % 7 == 0 {
            rows.push(Row::Section(format!("Domaine {} : gestion administrative", i / 7 + 1)));
        }
        rows.push(Row::Record(vec![
            format!("{}", i + 1),
            format!("Traitement numéro {} des demandes d’accès", i + 1),
            "Instruire les demandes des usagers ; suivre leur traitement et produire des statistiques anonymes sur l’activité du service".to_string(),
            "Mission d’intérêt public (article 6-1-e du RGPD)".to_string(),
            format!("Identité, coordonnées (adresse e-mail, téléphone), pièces justificatives du dossier n° {}", i + 1),
            "Usagers du service ; agents instructeurs".to_string(),
            "Agents habilités du service ; prestataire d’hébergement".to_string(),
            "Conservation : 5 ans à compter de la clôture du dossier, puis archivage définitif".to_string(),
        ]));
    }
    Register {
        preamble: vec![
            "Registre des activités de traitement de la Direction des usagers".to_string(),
            "Agence exemple, 12 rue des Lilas, 69003 Lyon".to_string(),
            "Contact pour l’exercice des droits : dpo@agence-exemple.fr".to_string(),
        ],
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows,
        notes: vec!["Ce registre est tenu à jour par le délégué à la protection des données.".to_string()],
    }
}

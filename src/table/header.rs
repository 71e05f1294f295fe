//! The header: found by its vocabulary, split into phrases and grouped into
//! the columns it names.

use super::*;

/// Most words of a header phrase ([`MIN_KNOWN_HEADERS_OF_CAPITALIZED`]):
/// `Délais de conservation des données`, `Responsable de traitement (et
/// co-RT)`, not a sentence.
pub(super) const MAX_HEADER_PHRASE_WORDS: usize = 6;

/// Most lines a vertically centred header sets above its middle one.
pub(super) const CENTRED_HEADER_LINES: usize = 2;

/// Fewest letters of a header line's first word, after a whole header word
/// that reached its cell's edge, for it to be a word of its own rather than
/// that word's cut tail (`Destinataire` / `s`).
const MIN_NEXT_WORD_CHARS: usize = 3;

/// Splits a line into phrases at wide gaps and at vertical rules.
pub(super) fn phrases(line: &Line, vertical: &[Rule]) -> Vec<Line> {
    let gap = PHRASE_GAP * line.font_size();
    let mut out: Vec<Line> = Vec::new();
    for phrase in line.phrases(gap) {
        let mut current: Option<Line> = None;
        for word in phrase.words {
            let split = current.as_ref().is_some_and(|c| {
                vertical.iter().any(|r| {
                    let x = r.rect.center_x();
                    x > c.bbox.x1 && x < word.bbox.x0 + 0.5 && r.rect.y0 <= word.bbox.y1 && r.rect.y1 >= word.bbox.y0
                })
            });
            match current.as_mut() {
                Some(c) if !split => {
                    c.bbox = c.bbox.union(&word.bbox);
                    c.words.push(word);
                }
                _ => {
                    out.extend(current.take());
                    current = Some(Line { bbox: word.bbox, words: vec![word] });
                }
            }
        }
        out.extend(current);
    }
    out
}

/// Splits a header phrase where a second header starts right after a
/// complete one (`N° Traitement` set one space apart in a text rendering):
/// the words before are a known header on their own (or the fragment of
/// one, `N` over `°`), the next word is capitalized and opens a known header.
pub(super) fn split_joined_headers(phrase: Line) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut current: Vec<Word> = Vec::new();
    for (i, word) in phrase.words.iter().enumerate() {
        let rest = phrase.words.get(i..).unwrap_or_default();
        let opens = opens_known_header(rest);
        // Before it, a complete header, or a fragment of one cut at its
        // cell's edge (`N` over `°`).
        let fragment = matches!(current.as_slice(), [w] if w.text.chars().count() <= 2);
        // Or a header of the register's own of two words or more, ending on
        // no connecting word, before a known header whole (`Date de mise à
        // jour` `Sous-traitants`, set closer than the phrase gap).
        let own_before_known = current.len() >= 2
            && current.last().is_some_and(|w| !fields::is_connector(&w.text))
            && fields::known_field(&join_words(rest)).is_some();
        // Or a known header whole before a capitalized word that opens a
        // short header of the register's own (`Responsable de traitement`
        // `Observations`), unless that word goes on a longer form of the
        // header (`Transferts hors` `UE`).
        let known_before = fields::known_field(&join_words(&current)).is_some();
        let goes_on_form = || {
            let mut longer = current.clone();
            longer.push(word.clone());
            fields::opens_field_name(&join_words(&longer))
        };
        let own_after_known = known_before
            && word.text.starts_with(|c: char| c.is_uppercase())
            && rest.len() <= MAX_HEADER_PHRASE_WORDS
            && !goes_on_form();
        if !current.is_empty() && (opens && (known_before || fragment || own_before_known) || own_after_known) {
            out.extend(line_of(std::mem::take(&mut current)));
        }
        current.push(word.clone());
    }
    out.extend(line_of(current));
    out
}

/// Whether words open a known header with a capital (`Catégories de
/// données traitées`, `Finalités`).
pub(super) fn opens_known_header(words: &[Word]) -> bool {
    words.first().is_some_and(|w| w.text.starts_with(char::is_uppercase)) && fields::is_header_start(&join_words(words))
}

/// The gaps between a line's consecutive words: where one ends, where the
/// next starts.
pub(super) fn word_gaps(line: &Line) -> Vec<(f64, f64)> {
    line.words
        .windows(2)
        .filter_map(|pair| match pair {
            [a, b] => Some((a.bbox.x1, b.bbox.x0)),
            _ => None,
        })
        .collect()
}

/// Whether a text opens with a capital or a figure, as a cell's or a
/// heading's first line does (a line going on often opens in lower case).
pub(super) fn opens_with_capital_or_figure(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

pub(super) fn line_of(words: Vec<Word>) -> Option<Line> {
    let bbox = words.iter().map(|w| w.bbox).reduce(|a, b| a.union(&b))?;
    Some(Line { words, bbox })
}

/// The phrases of a header line, joined headers split.
pub(super) fn header_phrases(line: &Line, vertical: &[Rule]) -> Vec<Line> {
    phrases(line, vertical).into_iter().flat_map(split_joined_headers).collect()
}

/// Whether `above`, a line right over a header line, sets its phrases only
/// in the gaps between that line's phrases, each opening with a capital
/// and going on in the line `below` the header line (`Personnes` /
/// `concernées` and `Date de mise à` / `jour` around `Intitulé`,
/// `Transferts` and `Finalités`): taller headers centred vertically in
/// their band, whatever the vocabulary knows of them.
pub(super) fn fills_header_gaps(above: &Line, line: &Line, below: Option<&Line>, size: f64) -> bool {
    let gap = PHRASE_GAP * size;
    let taken = line.phrases(gap);
    let under: Vec<Line> = below.map(|b| b.phrases(gap)).unwrap_or_default();
    let phrases = above.phrases(gap);
    !phrases.is_empty()
        && phrases.iter().all(|p| {
            p.text().starts_with(char::is_uppercase)
                && !taken.iter().any(|t| p.bbox.overlaps_x(&t.bbox))
                && under.iter().any(|u| p.bbox.overlaps_x(&u.bbox))
        })
}

/// Whether `above`, a line right over `below`, the top line of a header
/// band so far, holds the first lines of taller headers set at the band's
/// bottom (`Origine` over `des` over `données`): each of its phrases opens
/// with a capital and stands over one phrase of `below` only, the header
/// cell it goes on in, aligned with it as a cell's lines are (their starts,
/// centres or ends within [`START_TOLERANCE`] font sizes). A caption
/// or a section heading over the table spans several cells or sits apart.
pub(super) fn tops_header_cells(above: &Line, below: &Line, size: f64) -> bool {
    let gap = PHRASE_GAP * size;
    let tolerance = START_TOLERANCE * size;
    let under = below.phrases(gap);
    let phrases = above.phrases(gap);
    let aligned = |p: &Line, u: &Line| {
        (p.bbox.x0 - u.bbox.x0).abs() <= tolerance
            || (p.bbox.center_x() - u.bbox.center_x()).abs() <= tolerance
            || (p.bbox.x1 - u.bbox.x1).abs() <= tolerance
    };
    !phrases.is_empty()
        && phrases.iter().all(|p| {
            let over: Vec<&Line> = under.iter().filter(|u| p.bbox.overlaps_x(&u.bbox)).collect();
            p.text().starts_with(char::is_uppercase) && matches!(over.as_slice(), [u] if aligned(p, u))
        })
}

pub(super) fn is_header_line(line: &Line, vertical: &[Rule]) -> bool {
    let parts = header_phrases(line, vertical);
    let starts = parts.iter().filter(|p| fields::is_header_start(&p.text())).count();
    let header_like =
        parts.iter().all(|p| p.text().starts_with(char::is_uppercase) && p.words.len() <= MAX_HEADER_PHRASE_WORDS);
    let enough_known = starts >= MIN_HEADER_CELLS && starts * 2 >= parts.len()
        || header_like && starts >= MIN_KNOWN_HEADERS_OF_CAPITALIZED && starts * 3 >= parts.len();
    parts.len() >= MIN_HEADER_CELLS && enough_known
}

/// How far apart (points) two header lines' words may start and still
/// start one column.
pub(super) const ALIGNED_STARTS: f64 = 0.5;

/// A gap between two words of a header line wider than this, in font
/// sizes, is wider than any word space of left-aligned text.
pub(super) const WIDE_WORD_GAP: f64 = 0.5;

/// A header phrase split between its words where it bridges two phrases
/// of another header line (`concernées collectées` under `Personnes` and
/// `Données`, set closer than the phrase gap): of the phrase's gaps that
/// lie between the end of one and the start of the other, the one before
/// the word that starts where the other does.
pub(super) fn split_bridging(phrase: &Line, all: &[Line]) -> Vec<Line> {
    let line_of_phrase = |p: &Line| (p.bbox.y1 * 2.0).round();
    let others: Vec<&Line> = all.iter().filter(|o| line_of_phrase(o) != line_of_phrase(phrase)).collect();
    // The word space a gap is compared with: the phrase's narrowest other
    // gap (justified text stretches a line's every gap alike), or, in a
    // phrase of two words, the header's narrowest.
    let spans = word_gaps(phrase);
    let narrowest = all.iter().flat_map(word_gaps).map(|(start, end)| end - start).fold(f64::INFINITY, f64::min);
    let word_space = |i: usize| {
        let others = spans.iter().enumerate().filter(|(k, _)| *k != i).map(|(_, (start, end))| end - start);
        if spans.len() > 1 { others.fold(f64::INFINITY, f64::min) } else { narrowest }
    };
    // Between the end of one phrase and the start of the other, one gap is
    // the boundary (the words between are one header's): the one whose next
    // word starts where the other phrase does, as the headers of a column
    // start at one edge.
    let boundary_between = |i: usize, from: f64, to: f64| {
        let off = |k: usize| spans.get(k).map_or(f64::INFINITY, |(_, end)| (end - to).abs());
        (0..spans.len())
            .filter(|&k| spans.get(k).is_some_and(|(start, end)| *start >= from - 0.5 && *end <= to + 0.5))
            .all(|k| off(k) > off(i) || off(k) == off(i) && k >= i)
    };
    let mut parts: Vec<Line> = Vec::new();
    let mut current: Vec<Word> = Vec::new();
    for (i, word) in phrase.words.iter().enumerate() {
        let gap_index = i.saturating_sub(1);
        if let Some(previous) = current.last() {
            let (gap_start, gap_end) = (previous.bbox.x1, word.bbox.x0);
            let bridged = others.iter().any(|a| {
                a.bbox.x1 <= gap_end
                    && a.bbox.x1 > phrase.bbox.x0
                    && others.iter().any(|b| {
                        b.bbox.x0 >= gap_start
                            && b.bbox.x0 < phrase.bbox.x1
                            && b.bbox.x0 > a.bbox.x1
                            && boundary_between(gap_index, a.bbox.x1, b.bbox.x0)
                    })
            });
            // Or a gap wider than a word space before a known header, that
            // the header's other lines stack up to and none crosses: the
            // padding of two borderless cells (`Responsable` over `de
            // traitement`, then `Catégories de données traitées` on one
            // line).
            let gap = gap_end - gap_start;
            let wide =
                gap > WIDE_WORD_GAP * previous.font_size.max(word.font_size) && gap > 2.0 * word_space(gap_index);
            let stacked: Vec<&Line> = others
                .iter()
                .copied()
                .filter(|a| a.bbox.x0 >= phrase.bbox.x0 - 0.5 && a.bbox.x1 <= gap_end && a.bbox.x1 > phrase.bbox.x0)
                .collect();
            let crossed = others.iter().any(|o| o.bbox.x0 < gap_start && o.bbox.x1 > gap_end);
            let rest = phrase.words.get(i..).unwrap_or_default();
            let opens = opens_known_header(rest);
            // In a text rendering the padding may be one space: there the
            // rest must be a known header whole, after no connecting word,
            // and the words before it, with the lines stacked over or under
            // them, one of a known form too: a header's own word space is
            // no padding (`Catégories Données` over `collectées`, one
            // left-aligned cell; `Catégories Personnes` over `concernées`,
            // where `Catégories concernées` names no form, whatever ends on
            // `concernées` may read as the persons concerned).
            let mut before: Vec<&Word> = stacked.iter().flat_map(|a| a.words.iter()).chain(&current).collect();
            before.sort_by(|a, b| a.bbox.y0.total_cmp(&b.bbox.y0).then(a.bbox.x0.total_cmp(&b.bbox.x0)));
            let known_after = fields::known_field(&join_words(rest)).is_some()
                && !fields::is_connector(&previous.text)
                && fields::names_known_form(&join_words(before.iter().copied()));
            // Or a gap wider than a word space before a word where a phrase
            // of another header line starts: a taller header's column
            // (`Destinataires utilisé` under `Logiciel`, a single-line
            // header beside it, the cells' padding narrower than the
            // phrase gap).
            let opens_column_above = others.iter().any(|o| {
                (o.bbox.x0 - word.bbox.x0).abs() <= ALIGNED_STARTS && o.bbox.x0 > phrase.bbox.x0 + ALIGNED_STARTS
            });
            if bridged
                || (opens && (wide || known_after) && !stacked.is_empty() || wide && opens_column_above) && !crossed
            {
                parts.extend(line_of(std::mem::take(&mut current)));
            }
        }
        current.push(word.clone());
    }
    parts.extend(line_of(current));
    parts
}

/// Groups phrases into column headers: phrases overlapping horizontally are one column.
pub(super) fn header_groups(band: &[&Line], vertical: &[Rule]) -> Vec<Rect> {
    let phrases: Vec<Line> = band.iter().flat_map(|l| header_phrases(l, vertical)).collect();
    let mut boxes: Vec<Rect> = Vec::new();
    for phrase in &phrases {
        boxes.extend(split_bridging(phrase, &phrases).into_iter().map(|p| p.bbox));
    }
    boxes.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut groups: Vec<Rect> = Vec::new();
    for b in boxes {
        match groups.last_mut() {
            Some(g) if b.x0 < g.x1 - 0.5 => *g = g.union(&b),
            _ => groups.push(b),
        }
    }
    // A group of connecting words only (`de` set apart by a justified
    // `Mesures      de`) is the rest of the header on its left.
    let connector_only = |g: &Rect| {
        let words: Vec<Word> = band.iter().flat_map(|l| words_in(l, g.x0, g.x1)).collect();
        !words.is_empty() && words.iter().all(|w| fields::is_connector(&w.text))
    };
    let mut merged: Vec<Rect> = Vec::new();
    for g in groups {
        match merged.last_mut() {
            Some(previous) if connector_only(&g) => *previous = previous.union(&g),
            _ => merged.push(g),
        }
    }
    merged
}

/// Fewest body lines with words on both sides of a river for it to part
/// two columns.
pub(super) const MIN_RIVER_LINES: usize = 2;

/// Fewest body lines whose word starts where a header word does, beside
/// one line at least with words on both sides, for a river to part two
/// columns where the left one is mostly empty.
pub(super) const MIN_ALIGNED_LINES: usize = 3;

/// How far, in font sizes, a text rendering may shift a row's words from
/// where the rows above and below have theirs.
pub(super) const RIVER_SLACK: f64 = 1.0;

/// The step (points) of the search for a river's x near a boundary.
pub(super) const RIVER_STEP: f64 = 0.25;

/// Most x tried for a river near a boundary (a font size's slack each way
/// in [`RIVER_STEP`]s, bounded whatever size a file declares).
pub(super) const MAX_RIVER_STEPS: f64 = 400.0;

/// Splits the header groups of a borderless table where a header word
/// opens a known header (`Catégories de données traitées`) after other
/// header words, and the body below shows a river there: an x that
/// [`MIN_RIVER_LINES`] or more lines have words on both sides of, and that
/// at most a quarter as many cross (notes below the table run across).
/// In a text rendering of narrow cells, the header lines overlap (`nt (et
/// co-` over the start of `Catégories …`) whatever the cells' padding was,
/// and the rows shift by a character or two ([`RIVER_SLACK`]): on such a
/// `grid`, words on both sides of the boundary within the slack, a phrase
/// gap apart, show the river; a PDF must also leave one x near it clear.
/// A header word set over most of the one opening the known header is the
/// same cell's line, whatever the body shows. A known header in
/// `proven` parts without the body's evidence: a page with few rows shows
/// too little. Returns the groups and the fields parted.
pub(super) fn split_at_body_rivers(
    groups: &[Rect],
    band: &[&Line],
    body: &[&Line],
    right_edge: f64,
    proven: &[&'static str],
    grid: bool,
) -> (Vec<Rect>, Vec<&'static str>) {
    let mut out = Vec::new();
    let mut fields = Vec::new();
    for (i, group) in groups.iter().enumerate() {
        let end = groups.get(i + 1).map_or(right_edge, |n| n.x0);
        let mut current = *group;
        // Each split moves the group's start right, past a header word's start.
        while let Some((river, field)) = river_in(current.x0, end, band, body, proven, grid) {
            out.push(Rect { x1: river, ..current });
            current = Rect { x0: river, x1: current.x1.max(river), ..current };
            fields.push(field);
        }
        out.push(current);
    }
    (out, fields)
}

/// The first river in `[from, end)` at a header word that opens a known
/// header (see [`split_at_body_rivers`]): the boundary of the two columns,
/// right of the centres of the header words before it, and the field.
/// `grid`: the page is a text rendering ([`crate::layout::Page::character_grid`]).
pub(super) fn river_in(
    from: f64,
    end: f64,
    band: &[&Line],
    body: &[&Line],
    proven: &[&'static str],
    grid: bool,
) -> Option<(f64, &'static str)> {
    let in_range = |w: &&Word| w.bbox.center_x() >= from && w.bbox.center_x() < end;
    let band_words: Vec<Vec<&Word>> = band.iter().map(|l| l.words.iter().filter(in_range).collect()).collect();
    let header: Vec<&Word> = band_words.iter().flatten().copied().collect();
    // A body word reaching into the group counts: a text rendering may set
    // a short cell (`DNUM`) left of its header's start.
    let reaches_in = |w: &&Word| w.bbox.x1 > from && w.bbox.center_x() < end;
    let lines: Vec<Vec<&Word>> =
        body.iter().map(|l| l.words.iter().filter(reaches_in).collect::<Vec<_>>()).filter(|w| !w.is_empty()).collect();
    header.iter().filter(|w| w.bbox.x0 > from + 0.5 && w.text.starts_with(char::is_uppercase)).find_map(|opening| {
        let start = opening.bbox.x0;
        // A word broken after its own hyphen at a line's end (`co-` / `RT)`)
        // goes on the next line, and is on that line's side.
        let broken_to_left = |line: usize, w: &Word| {
            band_words.get(line).and_then(|ws| ws.last()).is_some_and(|last| std::ptr::eq(*last, w))
                && ends_in_word_hyphen(&w.text)
                && band_words.get(line + 1).and_then(|ws| ws.first()).is_some_and(|next| next.bbox.x0 < start)
        };
        let (mut left, mut right): (Vec<&Word>, Vec<&Word>) = (Vec::new(), Vec::new());
        for (line, ws) in band_words.iter().enumerate() {
            for w in ws {
                if w.bbox.x0 < start || broken_to_left(line, w) { left.push(w) } else { right.push(w) }
            }
        }
        // A word of another line set over most of the opening word is the
        // same cell's (`Personnes` over `concernées`, a character apart in
        // a text rendering); a narrow cell's line that runs a little past
        // the next column's start (`nt (et co-` over `Catégories`) is not.
        let stacked = |w: &&Word| w.bbox.x1.min(opening.bbox.x1) - w.bbox.x0.max(start) > 0.5 * opening.bbox.width();
        if left.iter().any(stacked) {
            return None;
        }
        let field = fields::known_field(&join_words(right.iter().copied()))?;
        let boundary = left.iter().map(|w| w.bbox.center_x() + 0.5).fold(start, f64::max);
        if left.is_empty() || right.iter().any(|w| w.bbox.center_x() < boundary) {
            return None;
        }
        if proven.contains(&field) {
            return Some((boundary, field));
        }
        let slack = RIVER_SLACK * opening.font_size;
        let right_of = |b: &Word| b.bbox.x0 >= boundary - slack && b.bbox.center_x() >= boundary;
        let both = lines
            .iter()
            .filter(|ws| ws.iter().any(|a| a.bbox.x1 <= boundary + slack) && ws.iter().any(|b| right_of(b)))
            .count();
        // On a grid, the lines showing a river have its two sides apart by
        // more than a word space: a cell's line runs on past any x in
        // single spaces (`Agents de la commune` under `Catégories
        // Personnes`), where two columns leave a phrase gap but on the odd
        // line a rendering sets tight.
        let phrase_apart = |a: &Word, b: &Word| b.bbox.x0 - a.bbox.x1 >= PHRASE_GAP * opening.font_size;
        let parted = if grid {
            lines
                .iter()
                .filter(|ws| {
                    ws.windows(2).any(|pair| match pair {
                        [a, b] => a.bbox.x1 <= boundary + slack && right_of(b) && phrase_apart(a, b),
                        _ => false,
                    })
                })
                .count()
        } else {
            both
        };
        let crosses = |ws: &Vec<&Word>| ws.iter().any(|w| w.bbox.x0 < boundary - slack && w.bbox.x1 > boundary + slack);
        let crossing = lines.iter().filter(|ws| crosses(ws)).count();
        // On a grid, a line also runs across in words a word space apart
        // on its two sides (`Identité, coordonnées,` under `Catégories
        // Données`, a centred cell's first line, whose next ones open near
        // `Données`): evidence against a river shown by starts alone. A
        // phrase that opens left of the group runs across other columns
        // too: a note or a heading, which says nothing of this boundary.
        let runs_across = |ws: &Vec<&Word>| {
            let tight = |k: usize| match (ws.get(k), ws.get(k + 1)) {
                (Some(a), Some(b)) => !phrase_apart(a, b),
                _ => false,
            };
            let phrase_opens_in_group = |k: usize| {
                let first = (0..k).rev().take_while(|&j| tight(j)).last().unwrap_or(k);
                ws.get(first).is_some_and(|w| w.bbox.x0 >= from - slack)
            };
            crosses(ws)
                || grid
                    && (0..ws.len()).any(|k| {
                        ws.get(k).is_some_and(|a| a.bbox.x0 < boundary - slack)
                            && ws.get(k + 1).is_some_and(|b| right_of(b))
                            && tight(k)
                            && phrase_opens_in_group(k)
                    })
        };
        let running_across = lines.iter().filter(|ws| runs_across(ws)).count();
        // A column left of the river that is mostly empty (`X` in one row
        // of `Données sensibles`) shows few lines on both sides: the lines
        // whose word starts where the header word does show the river too.
        // On a grid, such a word opens a phrase (see `parted`).
        let opens_at_start = |ws: &Vec<&Word>, k: usize| {
            ws.get(k).is_some_and(|b| (b.bbox.x0 - start).abs() <= slack)
                && (!grid
                    || k.checked_sub(1)
                        .and_then(|j| ws.get(j))
                        .is_none_or(|a| ws.get(k).is_some_and(|b| phrase_apart(a, b))))
        };
        let aligned = lines.iter().filter(|ws| !crosses(ws) && (0..ws.len()).any(|k| opens_at_start(ws, k))).count();
        // The river itself: one x near the boundary that few lines cross
        // (and, beside a column that is not mostly empty, that lines have
        // words on both sides of). The word gaps near it that each line of
        // centred or justified cells has somewhere make none.
        let steps = (2.0 * slack / RIVER_STEP).ceil().clamp(0.0, MAX_RIVER_STEPS) as usize;
        let at = |x: f64| {
            let (mut clear, mut crossed) = (0usize, 0usize);
            for ws in &lines {
                if ws.iter().any(|w| w.bbox.x0 < x && w.bbox.x1 > x) {
                    crossed += 1;
                } else if ws.iter().any(|w| w.bbox.x1 <= x) && ws.iter().any(|w| w.bbox.x0 >= x) {
                    clear += 1;
                }
            }
            (clear, crossed)
        };
        // A text rendering's grid keeps the test within the slack alone.
        let scan: Vec<(usize, usize)> =
            if grid { Vec::new() } else { (0..=steps).map(|k| at(boundary - slack + k as f64 * RIVER_STEP)).collect() };
        let river = parted >= MIN_RIVER_LINES
            && crossing * 4 <= parted
            && (grid || scan.iter().any(|&(clear, crossed)| clear >= MIN_RIVER_LINES && crossed * 4 <= clear));
        let aligned_river = both >= 1
            && aligned >= MIN_ALIGNED_LINES
            && running_across * 4 <= aligned
            && (grid || scan.iter().any(|&(_, crossed)| crossed * 4 <= aligned));
        (river || aligned_river).then_some((boundary, field))
    })
}

impl PageLines<'_> {
    /// The lines right above line `index` (at most `most`), top first, made
    /// of header words and set like it, each less than 0.8 font sizes above
    /// the next: the first lines of taller headers in a band whose cells are
    /// centred vertically.
    fn header_words_above(&self, index: usize, most: usize) -> Vec<&Line> {
        let Some(line) = self.lines.get(index) else { return Vec::new() };
        let size = line.font_size();
        let mut band: Vec<&Line> = Vec::new();
        let mut top = line.bbox.y0;
        let mut below = line;
        for k in (index.saturating_sub(most)..index).rev() {
            let Some(above) = self.lines.get(k) else { break };
            let close = top - above.bbox.y1 < 0.8 * size;
            // The end of a header word the line over it broke (`Catégo‐` /
            // `ries de`).
            let over = k.checked_sub(1).and_then(|o| self.lines.get(o));
            let completes_cut_word = |w: &Word| {
                over.is_some_and(|o| {
                    o.words
                        .iter()
                        .any(|c| c.bbox.overlaps_x(&w.bbox) && fields::completes_header_word(&c.text, &w.text))
                })
            };
            // Every word a header's (or a compound's start: `co-` over
            // `RT)`, or a cut word's end), or, beside headers the
            // vocabulary does not know, a phrase that opens a known one
            // (`Mesures de` beside `Date de mise à`), or phrases in the gaps
            // of the header line that go on under it (`Date de mise à` /
            // `jour`).
            let header_words = above.words.iter().all(|w| {
                fields::is_header_word(&w.text) || fields::opens_compound_header_word(&w.text) || completes_cut_word(w)
            }) || above
                .phrases(PHRASE_GAP * size)
                .iter()
                .any(|p| p.words.len() > 1 && fields::opens_field_name(&p.text()))
                || fills_header_gaps(above, line, self.lines.get(index + 1), size)
                || tops_header_cells(above, below, size);
            if !close || !header_words || above.is_bold() != line.is_bold() {
                break;
            }
            band.insert(0, above);
            top = above.bbox.y0;
            below = above;
        }
        band
    }

    /// Whether line `index` is a header's line: on its own, or with the
    /// lines of header words right above it, set alike, that a band of
    /// vertically centred headers puts there (`Catégories de` and `Durée
    /// de` over the line of `Intitulé` and `Transferts`, a table too narrow
    /// for three headers to share a line).
    fn opens_header(&self, index: usize) -> bool {
        let Some(line) = self.lines.get(index) else { return false };
        if is_header_line(line, &self.vertical) {
            return true;
        }
        let above = self.header_words_above(index, CENTRED_HEADER_LINES);
        if above.is_empty() {
            return false;
        }
        let mut words = line.words.clone();
        words.extend(above.iter().flat_map(|l| l.words.iter().cloned()));
        words.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
        line_of(words).is_some_and(|band| is_header_line(&band, &self.vertical))
    }

    /// The header: its first line, found by vocabulary, and the lines that
    /// continue it. `max_lines` caps the band at the height the header had
    /// on the table's first page: where a page repeats the header, the
    /// rest of a row split across the page may follow it, with nothing in
    /// the first column either.
    pub(super) fn find_header(&self, max_lines: Option<usize>, proven: &[&'static str]) -> Option<Header> {
        let found = (0..self.lines.len()).find(|&i| self.opens_header(i))?;
        // A band of vertically centred headers whose taller ones alone read
        // as a header (`Date de mise à`, `Responsable de`, `Catégories de`
        // over `Intitulé` and `Base légale`, which a text rendering sets on a
        // line of their own): the band's middle line, whose gaps the line
        // found fills and whose headers go on under it, is the header line:
        // its phrases read as headers, one known at least, and it holds the
        // first column, left of the line found (the band's first line and
        // middle line tell columns by the first one's end).
        let size = self.lines.get(found)?.font_size();
        // A phrase in lower case goes on a known taller header from the
        // lines above (`traitement (et co-` under `Responsable de`).
        let above_found: Vec<&Line> =
            self.header_words_above(found, CENTRED_HEADER_LINES).into_iter().chain(self.lines.get(found)).collect();
        let goes_on_above = |p: &Line| {
            above_found
                .iter()
                .flat_map(|l| l.words.iter())
                .any(|w| w.bbox.overlaps_x(&p.bbox) && fields::is_header_start(&w.text))
        };
        let reads_as_headers = |line: &Line| {
            let phrases = header_phrases(line, &self.vertical);
            phrases.iter().all(|p| p.text().starts_with(char::is_uppercase) || goes_on_above(p))
                && phrases.iter().any(|p| fields::is_header_start(&p.text()))
        };
        let index = match (self.lines.get(found), self.lines.get(found + 1)) {
            (Some(line), Some(next))
                if next.bbox.x0 < line.bbox.x0
                    && reads_as_headers(next)
                    && fills_header_gaps(line, next, self.lines.get(found + 2), size) =>
            {
                found + 1
            }
            _ => found,
        };
        let first = self.lines.get(index)?;
        let span = (first.bbox.x0, first.bbox.x1.max(first.bbox.x0 + 1.0));
        let rules = self.spanning_rules(span.0, span.1, ROW_RULE_SPAN);
        // Lines right above the line found, made of header words, are the
        // first lines of taller headers in a band whose cells are centred
        // vertically (`Personnes` over `concernées`, level with `N°`).
        let mut band: Vec<&Line> = self.header_words_above(index, index);
        band.push(first);
        let band_top = band.first().map_or(first.bbox.y0, |l| l.bbox.y0);
        let top = rules.iter().copied().filter(|y| *y <= band_top + 1.0).fold(band_top - 1.0, f64::max);
        let first_column_end = header_phrases(first, &self.vertical).first().map_or(first.bbox.x0, |p| p.bbox.x1);
        // The first header's words, which a fragment under them may end
        // (`Référen` / `ce`).
        let first_words_above: Vec<String> =
            first.words.iter().filter(|w| w.bbox.x0 < first_column_end).map(|w| w.text.clone()).collect();
        // The rule under the header closes its band, unless a row's text
        // comes first: a word under the first header that no header uses
        // (shaded rows draw their edges under the first row, and a row
        // centred vertically puts its first lines level with the header's
        // last ones). The end of the first header's word cut at its line's
        // end (`trai‐` / `tement`) is the header's still.
        let opens_row = |line: &Line| {
            line.words.iter().any(|w| {
                w.bbox.x0 < first_column_end
                    && w.text.chars().any(char::is_alphanumeric)
                    && !fields::is_header_word(&w.text)
                    && !first_words_above.iter().any(|above| fields::completes_header_word(above, &w.text))
            })
        };
        let rule_below = rules
            .iter()
            .copied()
            .find(|y| *y >= first.bbox.y1 - 1.0)
            .filter(|y| !self.lines.iter().skip(index + 1).take_while(|l| l.bbox.center_y() < *y).any(opens_row));
        // A header cell's lines stay in its column: a phrase running from
        // one header cell of the first line into the next one's (a section
        // heading right under the header, set bold like it) ends the band,
        // unless its words are all header words or their cut starts (under
        // a justified header, `Nom      du` / `traitement`, `Durée    de` /
        // `conservatio`).
        let header_cells = header_phrases(first, &self.vertical);
        let known = |w: &Word| fields::is_header_word(&w.text) || fields::begins_header_word(&w.text);
        // In narrow cells, a header's next line may run its cells' pieces
        // together (`collectées res` under `Données` and `Destinatai`): a
        // piece under each header cell, each opening in lower case or with
        // a header word, goes on those headers; a heading opens on a capital.
        let goes_on_each_header_cell = |p: &Line| {
            let mut cell_opened = None;
            p.words.iter().all(|w| {
                let cell = header_cells.iter().rposition(|c| c.bbox.x0 <= w.bbox.x0 + 1.0);
                let opens_piece = cell_opened != Some(cell);
                cell_opened = Some(cell);
                !opens_piece || w.text.starts_with(char::is_lowercase) || known(w)
            })
        };
        let crosses_header_cells = |line: &Line| {
            line.phrases(PHRASE_GAP * size).iter().any(|p| {
                let crosses = header_cells.windows(2).any(|pair| match pair {
                    [a, b] => p.bbox.x0 < a.bbox.x1 && p.bbox.x1 > b.bbox.x0,
                    _ => false,
                });
                crosses && !p.words.iter().all(known) && !goes_on_each_header_cell(p)
            })
        };
        let mut bottom = first.bbox.y1;
        for (k, line) in self.lines.iter().enumerate().skip(index + 1) {
            if max_lines.is_some_and(|n| band.len() >= n) {
                break;
            }
            let inside = match rule_below {
                Some(y) => line.bbox.center_y() < y,
                None => {
                    let same_style = line.is_bold() == first.is_bold() && first.is_bold();
                    let header_words = line.words.iter().all(|w| fields::is_header_word(&w.text));
                    // A header cell's next line, with nothing under the
                    // first header but the rest of it (`N` / `°`), or with
                    // nothing there and header words (`données s hors UE`,
                    // a header word cut at its cell's edge): a body row
                    // starts in the first column, or, centred vertically,
                    // with text of its own.
                    let under_first: Vec<&Word> = line.words.iter().filter(|w| w.bbox.x0 < first_column_end).collect();
                    // Fragments and short words say little either way; a
                    // header may be qualified by words of its own
                    // (`concernées éventuels`), so half of them known will do.
                    let long: Vec<&Word> = line
                        .words
                        .iter()
                        .filter(|w| w.text.chars().filter(|c| c.is_alphanumeric()).count() >= 3)
                        .collect();
                    // A word's end after a hyphen the line above broke it at
                    // (`traite-` / `ment`) is known with it.
                    let above: &[Word] = band.last().map_or(&[], |l| l.words.as_slice());
                    let completes =
                        |w: &Word| above.iter().any(|a| fields::hyphenated_header_word(&a.text, &w.text).is_some());
                    // In narrow cells a header word may be cut anywhere
                    // (`Donnée` / `s` / `sensibl` / `es`): its start, or its
                    // end under the line above, is known too.
                    let ends_word_above =
                        |w: &Word| above.iter().any(|a| fields::completes_header_word(&a.text, &w.text));
                    let known = long
                        .iter()
                        .filter(|w| {
                            fields::is_header_word(&w.text) || fields::begins_header_word(&w.text) || completes(w)
                        })
                        .count();
                    // A header cell's next line goes on in lower case under
                    // its text (`s` / `sensibl` / `n`, `(en mois)` after its
                    // parenthesis): a row's first line opens its cells with
                    // capitals or figures.
                    // Under any line of the band: a taller header's last
                    // line goes on under its first, over the band's middle
                    // line (`Date de mise à` / `jour`).
                    let under_above =
                        |w: &Word| band.iter().flat_map(|l| l.words.iter()).any(|a| w.bbox.overlaps_x(&a.bbox));
                    let goes_on_lower = !line.words.is_empty()
                        && line.words.iter().all(|w| {
                            under_above(w)
                                && w.text
                                    .chars()
                                    .find(|c| c.is_alphanumeric())
                                    .is_some_and(|c| c.is_lowercase() || ends_word_above(w))
                        });
                    // The band's middle line, in the gaps of its first one
                    // whose headers go on under it (`Observations` beside
                    // `Nom du` and `Personnes`, over `traitement` and
                    // `concernées`): headers of one line, whatever the
                    // vocabulary knows of them.
                    let middle_line = band.len() == 1
                        && band.first().is_some_and(|top| fills_header_gaps(top, line, self.lines.get(k + 1), size));
                    let continues = if middle_line {
                        true
                    } else if under_first.is_empty() {
                        known * 2 >= long.len() && !long.is_empty() || goes_on_lower
                    } else {
                        under_first.iter().all(|w| {
                            fields::is_header_word(&w.text)
                                || !w.text.chars().any(char::is_alphanumeric)
                                || first_words_above.iter().any(|above| fields::completes_header_word(above, &w.text))
                        })
                    };
                    // A phrase opening with a capital under a header that
                    // already names a field whole is a row's text that
                    // starts right under the header (a cell centred in a
                    // tall row), not more of that header.
                    let under_whole_header = line.phrases(PHRASE_GAP * size).iter().any(|p| {
                        let opens_capital = p.text().chars().next().is_some_and(char::is_uppercase);
                        let header_text: Vec<&str> = band
                            .iter()
                            .flat_map(|l| l.words.iter())
                            .filter(|w| w.bbox.overlaps_x(&p.bbox))
                            .map(|w| w.text.as_str())
                            .collect();
                        // Unless the phrase makes a longer header form
                        // with the words over it (`UE` under `Transferts
                        // hors`): any run of a band line's words from one
                        // over the phrase, as a text rendering may run
                        // header cells together (`Transferts hors Mesures
                        // de sécurité`).
                        let longer = || {
                            band.iter().any(|l| {
                                let words = &l.words;
                                (0..words.len()).any(|from| {
                                    words.get(from).is_some_and(|w| w.bbox.overlaps_x(&p.bbox))
                                        && (from + 1..=words.len()).any(|to| {
                                            let run = join_words(words.get(from..to).unwrap_or_default());
                                            fields::field_named(&format!("{run} {}", p.text())).is_some()
                                        })
                                })
                            })
                        };
                        opens_capital && fields::field_named(&header_text.join(" ")).is_some() && !longer()
                    });
                    // A line going on headers in lower case (`traitement`,
                    // `conservation`) is the header's, capitals and all
                    // (`UE` under `Transferts hors`): a row opens its cells
                    // with capitals or figures.
                    let goes_on_headers = line.phrases(PHRASE_GAP * size).iter().any(|p| {
                        p.text().starts_with(char::is_lowercase)
                            && band.iter().flat_map(|l| l.words.iter()).any(|w| w.bbox.overlaps_x(&p.bbox))
                    });
                    line.bbox.y0 - bottom < 0.8 * size
                        && (same_style || header_words || continues)
                        && !crosses_header_cells(line)
                        && (!under_whole_header || goes_on_headers)
                }
            };
            if !inside {
                break;
            }
            bottom = line.bbox.y1;
            band.push(line);
        }
        let bottom = rule_below.unwrap_or(bottom + 0.5);
        let (columns, river_fields) = self.header_columns(&band, top, bottom, proven)?;
        Some(Header { top, bottom, columns, lines: band.len(), river_fields })
    }

    /// The header band's columns, and the known fields a body river parted
    /// from the header words before them (any in `proven` part so without
    /// the body's evidence: another page showed it).
    fn header_columns(
        &self,
        band: &[&Line],
        top: f64,
        bottom: f64,
        proven: &[&'static str],
    ) -> Option<(Vec<Column>, Vec<&'static str>)> {
        let groups = header_groups(band, &self.vertical);
        let mid = (top + bottom) / 2.0;
        let crossing: Vec<f64> = snap(
            self.vertical.iter().filter(|r| r.rect.y0 <= mid && r.rect.y1 >= mid).map(|r| r.rect.center_x()).collect(),
        );
        let mut bounds: Vec<(f64, f64)> = Vec::new();
        let mut river_fields = Vec::new();
        // Rules divide the header when they leave one group of words in
        // most intervals; a justified header cell (`Mesures      de`) may
        // leave two, which are one header.
        let per_interval: Vec<usize> = crossing
            .windows(2)
            .map(|w| {
                let [a, b] = [w.first().copied().unwrap_or(0.0), w.last().copied().unwrap_or(0.0)];
                groups.iter().filter(|g| g.center_x() > a && g.center_x() < b).count()
            })
            .collect();
        let single = per_interval.iter().filter(|n| **n == 1).count();
        let filled = per_interval.iter().filter(|n| **n >= 1).count();
        let ruled = filled >= MIN_HEADER_CELLS && single * 3 >= filled * 2
            || crossing.len() >= 2 && per_interval.iter().all(|n| *n <= 1);
        if ruled {
            // A table ruled inside only (no frame) has header cells left of
            // its first rule and right of its last: those columns end at
            // the rule, and reach as far out as the page.
            let (Some(&first), Some(&last)) = (crossing.first(), crossing.last()) else { return None };
            if let Some(x0) = groups.iter().filter(|g| g.center_x() < first).map(|g| g.x0).reduce(f64::min) {
                bounds.push((x0, first));
            }
            for w in crossing.windows(2) {
                if let [a, b] = *w
                    && groups.iter().any(|g| g.center_x() > a && g.center_x() < b)
                {
                    bounds.push((a, b));
                }
            }
            if groups.iter().any(|g| g.center_x() > last) {
                bounds.push((last, self.right_edge));
            }
        } else {
            let body: Vec<&Line> = self.lines.iter().filter(|l| l.bbox.y0 >= bottom).collect();
            let (groups, fields) =
                split_at_body_rivers(&groups, band, &body, self.right_edge, proven, self.page.character_grid);
            river_fields = fields;
            for (i, g) in groups.iter().enumerate() {
                let next = groups.get(i + 1).map_or(self.right_edge, |n| n.x0);
                bounds.push((g.x0, next));
            }
        }
        if bounds.len() < MIN_HEADER_CELLS {
            return None;
        }
        // A label over several columns (ruled `Catégories` over `Personnes
        // concernées` and `Données collectées`): on its line, no rule parts
        // columns that rules part on a header line below. It heads every
        // column it spans. Per band line: each such span and its words.
        let covers = |x: f64, y: f64| {
            self.vertical.iter().any(|r| (r.rect.center_x() - x).abs() <= RULE_SNAP && r.rect.y0 <= y && r.rect.y1 >= y)
        };
        let labels_apart = if ruled { Vec::new() } else { labels_set_apart(band, &bounds) };
        let spanning: Vec<Vec<(f64, f64, Vec<Word>)>> = band
            .iter()
            .enumerate()
            .map(|(i, line)| {
                if !ruled {
                    return labels_apart
                        .iter()
                        .filter(|label| label.lines.contains(&i))
                        .map(|label| (label.x0, label.x1, words_in(line, label.x0, label.own_x1)))
                        .filter(|(_, _, words)| !words.is_empty())
                        .collect();
                }
                let y = line.bbox.center_y();
                let below = band.get(i + 1..).unwrap_or_default();
                let mut spans: Vec<(f64, f64)> = Vec::new();
                for &(x0, x1) in &bounds {
                    let joined = ruled && !covers(x0, y) && below.iter().any(|l| covers(x0, l.bbox.center_y()));
                    match spans.last_mut() {
                        Some(span) if joined => span.1 = x1,
                        _ => spans.push((x0, x1)),
                    }
                }
                spans
                    .into_iter()
                    .filter(|(x0, x1)| bounds.iter().filter(|(a, _)| a >= x0 && a < x1).count() > 1)
                    .map(|(x0, x1)| (x0, x1, words_in(line, x0, x1)))
                    .filter(|(_, _, words)| !words.is_empty())
                    .collect()
            })
            .collect();
        // A typesetter that hyphenates with a hyphen of its own cuts no word
        // at a cell's edge without one.
        let hyphenates = band.iter().flat_map(|l| l.words.iter()).any(|w| ends_in_added_hyphen(&w.text));
        let columns: Vec<Column> = bounds
            .iter()
            .map(|&(x0, x1)| {
                let mut header = String::new();
                let mut glue = false;
                let mut header_x1 = x0;
                let mut own_from = 0;
                for (line, labels) in band.iter().zip(&spanning) {
                    let spans_this = |(a, b, _): &&(f64, f64, Vec<Word>)| *a <= x0 && x1 <= *b;
                    for (_, _, words) in labels.iter().filter(spans_this) {
                        header.push_str(&join_words(words));
                        header.push(' ');
                        own_from = header.len();
                    }
                    let in_label =
                        |w: &Word| labels.iter().any(|(a, b, _)| w.bbox.center_x() >= *a && w.bbox.center_x() < *b);
                    let words: Vec<Word> = words_in(line, x0, x1).into_iter().filter(|w| !in_label(w)).collect();
                    let (Some(first), Some(last)) = (words.first(), words.last()) else { continue };
                    header_x1 = header_x1.max(last.bbox.x1);
                    let previous = header.rsplit(' ').next().unwrap_or("");
                    // A word filling its cell's line is cut only if the two
                    // parts are not header words each (`Personnes` /
                    // `concernées` in a narrow cell).
                    let whole_words = fields::is_header_word(previous) && fields::is_header_word(&first.text);
                    // Nor after a whole header word, when what follows is a
                    // word of its own that makes no header word with it
                    // (`Données` / `sensibles`, a header of the register's
                    // own, in a narrow cell).
                    let next_word = fields::is_header_word(previous)
                        && first.text.chars().count() >= MIN_NEXT_WORD_CHARS
                        && !fields::is_header_word(&format!("{previous}{}", first.text));
                    // A hyphen only a typesetter sets always broke its word.
                    let typeset_break = glue && ends_in_added_hyphen(previous);
                    let cut = typeset_break
                        || glue && !whole_words && !next_word
                        || fields::completes_header_word(previous, &first.text)
                        || words.len() == 1 && fields::is_cut_tail(&first.text);
                    // A hyphen the typesetter added inside a header word
                    // (`con-` / `cernées`) goes with the break.
                    let added_hyphen = glue && fields::hyphenated_header_word(previous, &first.text).is_some();
                    if !header.is_empty() && !cut {
                        header.push(' ');
                    }
                    if added_hyphen && header.ends_with('-') {
                        header.pop();
                    }
                    if typeset_break {
                        drop_added_hyphen(&mut header);
                    }
                    header.push_str(&join_words(&words));
                    // A single token reaching the cell's edge, or a final hyphen, breaks a word.
                    let right_limit = x1 - (first.bbox.x0 - x0).max(0.0);
                    let at_edge = words.len() == 1 && last.bbox.x1 >= right_limit - 0.7 * first.font_size;
                    glue = !last.space_after && (at_edge && !hyphenates || ends_in_word_hyphen(&last.text));
                }
                let key = header.get(own_from..).unwrap_or_default().trim().to_string();
                Column { header: header.trim_end().to_string(), key, x0, x1, header_x1 }
            })
            .collect();
        Some((columns, river_fields))
    }
}

/// How many line heights below a label's last line, top to top, the header
/// under it starts at least: a label stands a line or more apart, where a
/// header's next line follows one line height down.
pub(super) const LABEL_GAP: f64 = 1.5;

/// A label over several columns of a header without rules, found by
/// [`labels_set_apart`]: the band lines it takes, the columns it spans
/// (`x0..x1`) and the end of the column it is printed in (`own_x1`).
pub(super) struct SpanningLabel {
    pub(super) lines: std::ops::Range<usize>,
    pub(super) x0: f64,
    pub(super) x1: f64,
    own_x1: f64,
}

/// Labels over several columns in a header without rules (`Catégories`
/// over `Personnes concernées` and `Données collectées`): a header column
/// whose words leave a band line empty between a label and a header under
/// it, where the header under it starts on the same band line as the
/// headers of the columns right of it, which have nothing above: those
/// columns start lower than the band because the label heads them too.
/// Headers centred vertically in a band have no empty line inside; where
/// they interleave with shorter ones (a line of those between two of
/// theirs), their lines still follow one another a line apart, where a
/// label stands further above the header under it ([`LABEL_GAP`]).
pub(super) fn labels_set_apart(band: &[&Line], bounds: &[(f64, f64)]) -> Vec<SpanningLabel> {
    let lines_with: Vec<Vec<bool>> =
        bounds.iter().map(|&(x0, x1)| band.iter().map(|l| !words_in(l, x0, x1).is_empty()).collect()).collect();
    let top = |i: usize| lines_with.get(i).and_then(|lines| lines.iter().position(|has| *has));
    let mut labels: Vec<SpanningLabel> = Vec::new();
    let mut i = 0;
    while i < bounds.len() {
        let (Some(lines), Some(&(x0, own_x1))) = (lines_with.get(i), bounds.get(i)) else { break };
        let label_end = lines.iter().position(|has| !has).filter(|end| *end > 0);
        let under = label_end.and_then(|end| lines.iter().skip(end).position(|has| *has).map(|k| end + k));
        let (Some(label_end), Some(under)) = (label_end, under) else {
            i += 1;
            continue;
        };
        // The column's own next line under that header: where it steps
        // down as far as the header stands under the label, the column's
        // lines interleave with other headers' (a text rendering puts
        // headers centred in a band on alternate lines: `Nom du` /
        // `traite‐` / `ment` between `Personnes` / `concernées`), and the
        // gap is no label's.
        let next_own = lines.iter().skip(under + 1).position(|has| *has).and_then(|k| band.get(under + 1 + k));
        let set_apart = match (band.get(label_end - 1), band.get(under)) {
            (Some(last), Some(next)) => {
                let gap = next.bbox.y0 - last.bbox.y0;
                let interleaved =
                    next_own.is_some_and(|own| own.bbox.y0 - next.bbox.y0 >= gap - 0.25 * last.bbox.height());
                gap > LABEL_GAP * last.bbox.height() && !interleaved
            }
            _ => false,
        };
        if !set_apart {
            i += 1;
            continue;
        }
        let spanned = (i + 1..bounds.len()).take_while(|&j| top(j) == Some(under)).count();
        if spanned == 0 {
            i += 1;
            continue;
        }
        let x1 = bounds.get(i + spanned).map_or(own_x1, |b| b.1);
        labels.push(SpanningLabel { lines: 0..label_end, x0, x1, own_x1 });
        i += spanned + 1;
    }
    labels
}

/// Whether a header found on a later page is the first one printed again:
/// half its headers at least read as the first's do. Body text can hold
/// header words enough to look like a header (`formation` / `numéro` /
/// `traitement`), but not the register's own headers.
pub(super) fn repeats_header(found: &Header, first: &Header) -> bool {
    let key = |c: &Column| collapse_whitespace(&c.header).to_lowercase();
    let first_keys: Vec<String> = first.columns.iter().map(key).collect();
    let same = found.columns.iter().filter(|c| first_keys.contains(&key(c))).count();
    same > 0 && same * 2 >= found.columns.len()
}

/// Takes out of a page's body lines the header of each table set after
/// the first on the page (its lines repeat the first header band's) and
/// the heading right above it: a short line of one phrase set closer to
/// that header than to the line above it, as a heading belongs to what
/// follows. Returns the lines left and the headings, each with the top of
/// the header it heads.
pub(super) fn drop_repeated_headers<'p>(
    lines: Vec<&'p Line>,
    header: &[String],
) -> (Vec<&'p Line>, Vec<(f64, &'p Line)>) {
    let Some(first_header_line) = header.first() else { return (lines, Vec::new()) };
    let header_words = first_header_line.split(' ').count();
    let mut kept: Vec<&Line> = Vec::with_capacity(lines.len());
    let mut headings = Vec::new();
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        if line.words.len() != header_words || collapse_whitespace(&line.text()) != *first_header_line {
            kept.push(line);
            i += 1;
            continue;
        }
        let repeated = header
            .iter()
            .zip(lines.get(i..).unwrap_or_default())
            .take_while(|(want, got)| collapse_whitespace(&got.text()) == **want)
            .count();
        let top = line.bbox.y0;
        let heading = kept.last().copied().filter(|h| {
            let gap_below = top - h.bbox.y1;
            let gap_above =
                kept.len().checked_sub(2).and_then(|k| kept.get(k)).map_or(f64::INFINITY, |a| h.bbox.y0 - a.bbox.y1);
            is_heading(&[h]) && h.phrases(PHRASE_GAP * h.font_size()).len() == 1 && gap_below < gap_above
        });
        if let Some(h) = heading {
            kept.pop();
            headings.push((top, h));
        }
        i += repeated.max(1);
    }
    (kept, headings)
}

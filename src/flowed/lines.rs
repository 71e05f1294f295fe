//! The text → its lines: page furniture and link artefacts dropped, each
//! line's words, widths (in characters and in set width), how it opens and
//! ends (a trailing space, a cut word, a list mark).

use super::*;

/// Average advance of a character in Helvetica, in thousandths of an em.
pub(super) const AVERAGE_ADVANCE: f64 = 500.0;
/// Advance of a character Helvetica has no width for.
pub(super) const UNKNOWN_ADVANCE: f64 = 556.0;
/// Set width of a space.
pub(super) const SPACE_SET_WIDTH: f64 = 278.0 / AVERAGE_ADVANCE;

/// The set width of a word in a proportional font, in average characters:
/// Helvetica's advances stand for the unknown font the text was set in.
pub(super) fn set_width(word: &str) -> f64 {
    use crate::pdf::standard14::{HELVETICA, advance};
    word.chars().map(|c| advance(HELVETICA, c).map_or(UNKNOWN_ADVANCE, f64::from)).sum::<f64>() / AVERAGE_ADVANCE
}

/// Scales the lines' set widths so that, over the document, they add up to
/// its characters: the two measures then differ only where a line's letters
/// are wider or narrower than the document's usual ones.
pub(super) fn scale_set_widths(lines: &mut [FlowLine]) {
    let (chars, set) = lines.iter().fold((0.0, 0.0), |(c, s), l| (c + l.len.chars, s + l.len.set));
    if set <= 0.0 {
        return;
    }
    let k = chars / set;
    for line in lines {
        for w in &mut line.set_before {
            *w *= k;
        }
        line.space_set *= k;
        line.len = line.len_of(0, line.words.len());
        line.first_word = line.len_of(0, 1);
    }
}

/// Marks the lines of list items with their item's mark: a line opening
/// with a list mark opens an item, and the lines that go on its paragraph
/// (in lower case, with no blank line before them where blank lines mark
/// paragraphs, no page or explicit break) belong to it.
pub(super) fn mark_list_items(lines: &mut [FlowLine], blank_separated: bool) {
    let mut current: Option<char> = None;
    for line in lines {
        let opens_paragraph = (blank_separated && line.blank_before > 0) || line.flow_break || line.after_hard_break;
        let goes_on = line.starts_lower(0) && !opens_paragraph;
        current = line.opening_mark().or(if goes_on { current } else { None });
        line.item_mark = current;
    }
}

/// Whether a word ends a sentence or a list item (`.`, `;`, `:`, `!`, `?`).
pub(super) fn closes_sentence(word: &str) -> bool {
    word.ends_with(['.', ';', ':', '!', '?'])
}

pub(super) static ARTEFACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:mailto:|https?://)\S*$").unwrap_or_else(|_| unreachable!()));

/// The lines a flowed text prints between pages, by index: page numbers
/// alone with their `Page` or their total (`Page 3`, `3/12`, `Page 3 sur
/// 12`), or bare before a form feed (elsewhere a bare number may be a
/// record's), and running headers or footers ending on one (`Registre
/// RGPD – Page 3/12`) whose words recur from page to page, or that number
/// the last page (`Mis à jour le 5 janvier 2025 1/1`).
pub(super) fn page_furniture(raw_lines: &[&str]) -> HashSet<usize> {
    let mut recurring: HashMap<String, usize> = HashMap::new();
    for raw in raw_lines {
        let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}');
        if ends_with_page_number(trimmed) {
            *recurring.entry(digit_runs_masked(trimmed)).or_default() += 1;
        }
    }
    let mut furniture = HashSet::new();
    for (i, raw) in raw_lines.iter().enumerate() {
        let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}');
        let bare = !trimmed.is_empty() && trimmed.chars().all(|c| c.is_ascii_digit());
        // The next line with text opens a page (blank lines may come first);
        // only a bare number's blank lines are read ahead, each once.
        let before_form_feed = || {
            let next_text = raw_lines.iter().skip(i + 1).find(|n| !n.trim().is_empty());
            raw.ends_with('\u{c}') || next_text.is_some_and(|n| n.starts_with('\u{c}'))
        };
        // A page number printed alone names the page (`Page 3`) or its
        // total (`3/12`); numbers only spaced apart may be cells sharing a line.
        let marked = trimmed.contains(|c: char| !c.is_ascii_digit() && !c.is_whitespace());
        let numbered = if bare { before_form_feed() } else { marked && is_page_number(trimmed) };
        let running = ends_with_page_number(trimmed)
            && (recurring.get(&digit_runs_masked(trimmed)).is_some_and(|n| *n >= 2) || numbers_last_page(trimmed));
        if numbered || running {
            furniture.insert(i);
        }
    }
    furniture
}

/// Whether a line ends on page `n` of `n` (`1/1`, `Page 3 sur 3`).
pub(super) fn numbers_last_page(text: &str) -> bool {
    let numbers: Vec<&str> = text.rsplit(|c: char| !c.is_ascii_digit()).filter(|w| !w.is_empty()).take(2).collect();
    matches!(numbers.as_slice(), [last, before] if last == before)
}

/// Reads the lines, dropping link artefacts and page furniture; form feeds
/// and runs of blank lines longer than the document's usual spacing mark
/// page breaks.
pub(super) fn read_lines(text: &str) -> Vec<FlowLine> {
    let mut lines = Vec::new();
    let mut blank = 0usize;
    let mut pending_break = false;
    // A list bullet an extractor set on a line of its own (MuPDF, where the
    // typesetter drew it apart from its item): it opens the next line.
    let mut pending_bullet: Option<(String, usize)> = None;
    let raw_lines: Vec<&str> = text.split('\n').collect();
    let furniture = page_furniture(&raw_lines);
    for (i, raw) in raw_lines.iter().enumerate() {
        if raw.contains('\u{c}') {
            pending_break = true;
        }
        let raw = raw.replace('\u{c}', "");
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            blank += 1;
            continue;
        }
        if ARTEFACT.is_match(trimmed) || furniture.contains(&i) {
            pending_break = true;
            continue;
        }
        let mut words = join_added_hyphens(trimmed.split_whitespace());
        if let [word] = words.as_slice()
            && crate::layout::is_list_bullet(word)
        {
            pending_bullet = Some((word.clone(), blank));
            blank = 0;
            continue;
        }
        if let Some((bullet, blank_before_bullet)) = pending_bullet.take() {
            words.insert(0, bullet);
            blank = blank_before_bullet.max(blank);
        }
        let content = raw.trim_end_matches(['\r', '\n']);
        let trailing_space = content.ends_with([' ', '\t', '\u{a0}']);
        let trailing = content.len() - content.trim_end_matches([' ', '\t', '\u{a0}']).len();
        let mut line = FlowLine::new(words, trailing_space, blank, pending_break);
        line.hard_break = trailing >= 2 || content.ends_with('\t');
        lines.push(line);
        blank = 0;
        pending_break = false;
    }
    let mut counts = std::collections::BTreeMap::<usize, usize>::new();
    for line in &lines {
        *counts.entry(line.blank_before).or_default() += 1;
    }
    let usual = counts.iter().max_by_key(|(b, n)| (**n, usize::MAX - **b)).map_or(0, |(b, _)| *b);
    let convention = line_end_convention(&lines);
    for line in &mut lines {
        if line.blank_before >= usual + 2 {
            line.maybe_break = true;
        }
        // A hyphen after a letter ends a line inside a word (`médico-` /
        // `sociale`) whatever the extractor does with line-end spaces.
        let hyphen_break = line.words.last().is_some_and(|w| crate::layout::ends_in_word_hyphen(w));
        match convention {
            LineEnds::SpaceAtBoundaries => {}
            _ if hyphen_break => {
                line.trailing_space = false;
                line.hard_break = false;
            }
            LineEnds::SpaceAtSoftWraps => {
                line.hard_break = !line.trailing_space;
                line.soft_wrap = line.trailing_space;
                line.trailing_space = true;
            }
            LineEnds::Trimmed => {
                line.trailing_space = true;
                line.end_unmarked = true;
                line.hard_break = false;
            }
        }
    }
    let hard_breaks: Vec<bool> = lines.iter().map(|l| l.hard_break).collect();
    for (line, after) in lines.iter_mut().skip(1).zip(hard_breaks) {
        line.after_hard_break = after;
    }
    scale_set_widths(&mut lines);
    lines
}

/// What a line's trailing space says, which depends on the extractor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum LineEnds {
    /// A line ending at a word boundary keeps its space; one without ends
    /// inside a word (`1000Premier` / `sJours`).
    SpaceAtBoundaries,
    /// A line wrapped inside a paragraph keeps its space; one without ends
    /// the paragraph (MuPDF's text output).
    SpaceAtSoftWraps,
    /// Every line is trimmed: a missing space says nothing.
    Trimmed,
}

/// A line's words, a word a typesetter hyphenated with a hyphen of its own
/// (U+2010, a soft hyphen: [`crate::layout::ends_in_added_hyphen`]) joined
/// to its end after it. Only a line's end takes such a hyphen: inside a
/// line, the extractor set the cell's lines on one (pypdf prints a row of
/// a wide table so: `les usagers pré‐ leveurs`).
pub(super) fn join_added_hyphens<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut joined: Vec<String> = Vec::new();
    for word in words {
        match joined.last_mut() {
            Some(last) if crate::layout::ends_in_added_hyphen(last) && word.starts_with(char::is_lowercase) => {
                crate::layout::drop_added_hyphen(last);
                last.push_str(word);
            }
            _ => joined.push(word.to_string()),
        }
    }
    joined
}

/// Tells the conventions apart: lines without a trailing space are rare and
/// go on in lower case where they cut words; where they end paragraphs they
/// are many, and the next line mostly opens with a capital.
pub(super) fn line_end_convention(lines: &[FlowLine]) -> LineEnds {
    let spaced = lines.iter().filter(|l| l.trailing_space).count();
    if spaced * 10 < lines.len() {
        return LineEnds::Trimmed;
    }
    let unspaced: Vec<usize> =
        (0..lines.len().saturating_sub(1)).filter(|&i| lines.get(i).is_some_and(|l| !l.trailing_space)).collect();
    let going_on_lower = unspaced.iter().filter(|&&i| lines.get(i + 1).is_some_and(|l| l.starts_lower(0))).count();
    if unspaced.len() * 10 >= lines.len() && going_on_lower * 2 < unspaced.len() {
        LineEnds::SpaceAtSoftWraps
    } else {
        LineEnds::SpaceAtBoundaries
    }
}

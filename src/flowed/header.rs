//! The header of a flowed table: the first run of lines made of header
//! words, split into column headers (grouped under a label where it sets
//! one over several), and its repetitions at page breaks.

use super::*;

pub(super) fn is_header_opening(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase()) && fields::is_header_start(word)
}

/// Splits the header's words into column headers: a header opens at a
/// capitalized header word not governed by a preposition (`de traitement`)
/// nor going on a word broken after its hyphen (`co-` / `RT)`), or at a
/// capitalized word opening a line (`opens_line`), where a header of the
/// register's own starts (`Logiciel`, `Service responsable`).
pub(super) fn split_headers(words: &[String], opens_line: &[bool]) -> Vec<String> {
    header_openings(words, opens_line).into_iter().map(|(_, header)| header).collect()
}

/// The column headers of [`split_headers`], each with the index of the word
/// it opens at.
pub(super) fn header_openings(words: &[String], opens_line: &[bool]) -> Vec<(usize, String)> {
    let mut headers: Vec<(usize, Vec<String>)> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let previous = i.checked_sub(1).and_then(|p| words.get(p));
        // The word's own hyphen, the line broken after it: the word goes on.
        let after_hyphen = previous.is_some_and(|p| crate::layout::ends_in_word_hyphen(p));
        let governed = previous.is_some_and(|p| {
            matches!(p.trim_start_matches('(').to_lowercase().as_str(), "de" | "du" | "des" | "d'" | "et" | "ou")
        });
        let own_opening = opens_line.get(i).copied().unwrap_or(false) && word.starts_with(char::is_uppercase);
        // After a whole known header, a word in title case opens the next
        // header, one of the register's own, though it shares the line
        // (`Traitement Service` / `responsable`, `Destinataires Logiciel`).
        // A fiche's label and value share lines too (`Nom du traitement
        // Revenu de solidarité active`): a header's first line is short,
        // set in its narrow column: its words on the line, up to the next
        // known header's opening, are few.
        let rest_of_line = (i + 1..words.len())
            .take_while(|&j| {
                !opens_line.get(j).copied().unwrap_or(true) && !words.get(j).is_some_and(|w| is_header_opening(w))
            })
            .count();
        let after_known_header = headers.last().is_some_and(|(_, h)| fields::field_named(&h.join(" ")).is_some())
            && in_title_case(word)
            && rest_of_line < OWN_HEADER_FIRST_LINE_WORDS;
        match headers.last_mut() {
            Some((_, h)) if after_hyphen => match h.last_mut() {
                Some(last) => {
                    crate::layout::drop_added_hyphen(last);
                    last.push_str(word);
                }
                None => h.push(word.clone()),
            },
            Some((_, h)) if !(is_header_opening(word) || own_opening || after_known_header) || governed => {
                h.push(word.clone());
            }
            _ => headers.push((i, vec![word.clone()])),
        }
    }
    headers.into_iter().map(|(at, h)| (at, h.join(" "))).collect()
}

/// Most words the first line of a header of the register's own has where
/// it shares a line after a known header ([`header_openings`]).
pub(super) const OWN_HEADER_FIRST_LINE_WORDS: usize = 3;

/// A word written with a capital then lower case (`Service`), not in
/// capitals (`UE`, `RGPD`).
pub(super) fn in_title_case(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    letters.next().is_some_and(char::is_uppercase) && letters.next().is_some_and(char::is_lowercase)
}

/// A line's words, the first glued to `previous` where it is the end of a
/// header word cut at its cell's edge ([`fields::completes_header_word`])
/// or hyphenated there (`conserva-` / `tion`, see [`fields::hyphenated_header_word`]).
pub(super) fn glue_fragment(previous: Option<&String>, words: &[String]) -> (bool, Vec<String>) {
    if let (Some(previous), Some(head)) = (previous, words.first())
        && (fields::completes_header_word(previous, head) || fields::hyphenated_header_word(previous, head).is_some())
    {
        return (true, words.get(1..).unwrap_or_default().to_vec());
    }
    (false, words.to_vec())
}

/// A header found in the lines: where it starts and ends, its column
/// headers, and how many of its lines are none of the known vocabulary.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Header {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) headers: Vec<String>,
    pub(super) own: usize,
    pub(super) group: Option<HeaderGroup>,
    /// Whether every column header opens a line of its own: an extraction
    /// that prints cells sharing a baseline on one line would have printed
    /// the header's top-aligned cells so.
    pub(super) apart: bool,
}

/// A label set over several columns' headers (`Catégories` over
/// `Personnes concernées` and `Données collectées`): columns `from..to`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct HeaderGroup {
    pub(super) label: String,
    pub(super) from: usize,
    pub(super) to: usize,
}

/// Fewest headers a group label sets over.
pub(super) const MIN_GROUPED_HEADERS: usize = 2;

/// Headers on two levels, as flowed text prints them: the first level's
/// headers, then the headers under a group label. A header that names no
/// field itself but opens the forms of the last headers' fields
/// (`Catégories`, then `Personnes concernées` and `Données collectées` at
/// the header's end: [`fields::groups_header`]) is their group label; they
/// take its place.
pub(super) fn nest_grouped_headers(headers: Vec<String>) -> (Vec<String>, Option<HeaderGroup>) {
    let found = headers.iter().enumerate().find_map(|(g, label)| {
        let under = headers.iter().skip(g + 1).rev().take_while(|h| fields::groups_header(label, h)).count();
        (under >= MIN_GROUPED_HEADERS).then_some((g, under))
    });
    let Some((g, under)) = found else { return (headers, None) };
    let first_under = headers.len() - under;
    let label = headers.get(g).cloned().unwrap_or_default();
    let part = |from: usize, to: usize| headers.get(from..to).unwrap_or_default().to_vec();
    let nested = [part(0, g), part(first_under, headers.len()), part(g + 1, first_under)].concat();
    (nested, Some(HeaderGroup { label, from: g, to: g + under }))
}

/// The header: the first run of lines made only of header words (and
/// fragments of cut ones) that opens three column headers or more.
pub(super) fn find_header(lines: &[FlowLine]) -> Option<Header> {
    for start in 0..lines.len() {
        let Some(first) = lines.get(start) else { break };
        // The first header may itself be cut (`N` / `°`).
        let opening = match (first.words.as_slice(), lines.get(start + 1)) {
            ([word], Some(next)) if glue_fragment(Some(word), &next.words).0 => {
                format!("{word}{}", next.words.first().map_or("", String::as_str))
            }
            _ => first.words.first().cloned().unwrap_or_default(),
        };
        if !is_header_opening(&opening) {
            continue;
        }
        let cut_first = first.words.first() != Some(&opening);
        // A line's last word may be a header word's start, hyphenated
        // (`Durée de conserva-` / `tion`) or cut at its cell's edge
        // (`traiteme` / `nt`).
        let header_words_of = |words: &[String], i: usize| {
            let next_head = lines.get(i + 1).and_then(|n| n.words.first());
            let goes_on = |w: &String| {
                next_head.is_some_and(|head| {
                    fields::hyphenated_header_word(w, head).is_some() || fields::completes_header_word(w, head)
                })
            };
            let last = words.len().saturating_sub(1);
            words.iter().enumerate().all(|(k, w)| fields::is_header_word(w) || k == last && goes_on(w))
        };
        let all_header_words_at = |i: usize| lines.get(i).is_some_and(|line| header_words_of(&line.words, i));
        // A header qualified by a word of its own (`Finalité principale`) is
        // taken where a line of header words follows it, inside the header,
        // or where its line holds the whole header (an extraction that
        // prints a row's baseline as one line: pypdf, pdftotext).
        let qualified = |i: usize| {
            lines
                .get(i)
                .is_some_and(|line| qualified_header(line) && (all_header_words_at(i + 1) || opens_whole_header(line)))
        };
        if !cut_first && !all_header_words_at(start) && !qualified(start) {
            continue;
        }
        // A header of the register's own (`Logiciel` / `utilisé`) is taken
        // where a known header follows it within a few lines; after the last
        // known one, nothing tells it from a section heading or a title.
        let own = |i: usize| {
            let known_at = |j: usize| all_header_words_at(j) || qualified(j);
            lines.get(i).is_some_and(plain_short_line)
                && (i + 1..=i + OWN_HEADER_LINES)
                    .find(|&j| known_at(j) || !lines.get(j).is_some_and(plain_short_line))
                    .is_some_and(known_at)
        };
        let mut words = first.words.clone();
        let mut opens_line = vec![false; words.len()];
        let (mut known, mut owned) = (1, 0);
        let mut end = start + 1;
        // Where the header's last column is one of the register's own,
        // the lines up to the first record number.
        let mut last_own_until = 0;
        while let Some(line) = lines.get(end) {
            let (glued, rest) = glue_fragment(words.last(), &line.words);
            let header_words = header_words_of(&rest, end) || qualified(end);
            if header_words {
                known += 1;
            } else if own(end) && owned < known {
                owned += 1;
            } else if end >= last_own_until {
                // Past the lines of a last header of the register's own
                // already taken: one may open here, or the header ends.
                match last_own_header(lines, end, &words) {
                    Some(until) if owned < known => {
                        owned += 1;
                        last_own_until = until;
                    }
                    _ => break,
                }
            }
            if glued && let (Some(last), Some(head)) = (words.last_mut(), line.words.first()) {
                match fields::hyphenated_header_word(last, head) {
                    Some(word) => *last = word,
                    None => {
                        crate::layout::drop_added_hyphen(last);
                        last.push_str(head);
                    }
                }
            }
            opens_line.extend((0..rest.len()).map(|k| k == 0 && !glued));
            words.extend(rest);
            end += 1;
        }
        let openings = header_openings(&words, &opens_line);
        let opens_inside_line = |at: usize| at > 0 && !opens_line.get(at).copied().unwrap_or(false);
        let apart = !openings.iter().any(|(at, _)| opens_inside_line(*at));
        // A header of the register's own opening inside a line may be a
        // fiche's value beside its label: the known headers must make a
        // header by themselves.
        let own_inside_line = openings.iter().any(|(at, h)| opens_inside_line(*at) && fields::known_field(h).is_none());
        let known_headers = openings.iter().filter(|(_, h)| fields::known_field(h).is_some()).count();
        let (headers, group) = nest_grouped_headers(openings.into_iter().map(|(_, header)| header).collect());
        if headers.len() >= MIN_HEADERS && (!own_inside_line || known_headers >= MIN_HEADERS) {
            return Some(Header { start, end, headers, own: owned, group, apart });
        }
    }
    None
}

/// Fewest column headers a header has.
pub(super) const MIN_HEADERS: usize = 3;

/// Lines a header of the register's own may take before the next known
/// header shows it to be one.
pub(super) const OWN_HEADER_LINES: usize = 3;

/// The end of a last column header of the register's own opening at line
/// `at` (`Date de mise` / `à jour`), after the header's `words` so far:
/// in a numbered register, plain short lines, wrapped (the lines after the
/// first go on in lower case), right before the first record number. A
/// header that does not wrap reads like a section heading before the first
/// row, and is left to the body.
pub(super) fn last_own_header(lines: &[FlowLine], at: usize, words: &[String]) -> Option<usize> {
    let numbered = words.first().is_some_and(|w| fields::known_field(w) == Some("number"));
    let first = lines.get(at)?;
    if !numbered || !plain_short_line(first) || !first.starts_upper(0) {
        return None;
    }
    let goes_on = |line: &FlowLine| plain_short_line(line) && line.starts_lower(0);
    let end = (at + 1..=at + OWN_HEADER_LINES).find(|&j| !lines.get(j).is_some_and(goes_on))?;
    let body_opens = lines.get(end).is_some_and(|line| record_number_opening(&line.words));
    (end > at + 1 && body_opens).then_some(end)
}

/// A line that may be (part of) a column header: a few words, no label's
/// colon, no full stop, no figure.
pub(super) fn plain_short_line(line: &FlowLine) -> bool {
    line.words.len() <= QUALIFIED_HEADER_WORDS
        && !line.words.iter().any(|w| w.ends_with([':', '.']) || w.chars().any(|c| c.is_ascii_digit()))
}

/// Most words a qualified header line holds per header on it
/// (`Destinataires éventuels`).
pub(super) const QUALIFIED_HEADER_WORDS: usize = 4;

/// Whether a line is a column header with one word of its own besides
/// header words (one per header on the line at most): it opens a header
/// (`Finalité principale`) or, in lower case, goes on with the one above
/// (`Destinataires` / `éventuels`), and stays short, with no label's colon.
pub(super) fn qualified_header(line: &FlowLine) -> bool {
    let own = line.words.iter().filter(|w| !fields::is_header_word(w)).count();
    let opens_or_goes_on = line.words.first().is_some_and(|w| is_header_opening(w) || line.starts_lower(0));
    // Headers sharing a line (`N° Nom du traitement Finalité principale
    // Base légale`) may each have a word of their own.
    let headers = split_headers(&line.words, &[]).len().max(1);
    line.words.len() <= QUALIFIED_HEADER_WORDS * headers
        && (1..=headers).contains(&own)
        && opens_or_goes_on
        && !line.words.iter().any(|w| w.ends_with(':'))
}

/// Whether a line alone opens as many known headers as a header has
/// columns at least ([`MIN_HEADERS`]): `N° Nom du traitement Finalité
/// principale Base légale`, the header's cells on one baseline.
pub(super) fn opens_whole_header(line: &FlowLine) -> bool {
    split_headers(&line.words, &[]).iter().filter(|h| fields::known_field(h).is_some()).count() >= MIN_HEADERS
}

/// Removes the header where a page repeats it, marking a page break there.
pub(super) fn drop_repeated_headers(body: Vec<FlowLine>, header: &[FlowLine]) -> Vec<FlowLine> {
    let texts: Vec<String> = header.iter().map(FlowLine::text).collect();
    let mut out: Vec<FlowLine> = Vec::new();
    let mut i = 0;
    let mut pending_break = false;
    while let Some(line) = body.get(i) {
        let repeated =
            !texts.is_empty() && texts.iter().enumerate().all(|(k, t)| body.get(i + k).is_some_and(|l| l.text() == *t));
        if repeated {
            i += texts.len();
            pending_break = true;
            continue;
        }
        let mut line = line.clone();
        line.flow_break |= pending_break;
        pending_break = false;
        out.push(line);
        i += 1;
    }
    out
}

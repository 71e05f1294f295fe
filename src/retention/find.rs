//! A cell's text → the retention statements in it, each with the label it
//! is scoped to.

use super::*;

/// The byte offset just after the last of `chars` in `text` (0 when none).
pub(super) fn after_last(text: &str, chars: &[char]) -> usize {
    text.char_indices().rfind(|(_, c)| chars.contains(c)).map_or(0, |(i, c)| i + c.len_utf8())
}

/// Past participles of keeping or removal.
pub(super) const PARTICIPLES: &str = "conservée?s?|archivée?s?|supprimée?s?|effacée?s?|purgée?s?|détruite?s?|anonymisée?s?|gardée?s?|stockée?s?|écrasée?s?";
/// The verb before such a participle (`sont`, `doivent être`), and an
/// adverb between them (`sont automatiquement supprimées`).
pub(super) const AUXILIARY: &str = r"(?:sont|seront|est|sera|(?:doivent|doit|peuvent|peut|pourront|pourra)\s+(?:pas\s+)?être)\s+(?:pas\s+|plus\s+|jamais\s+)?(?:\w+ment\s+)?";
/// Nouns of removal (shared by the statements found, their removal phases
/// and removal events) that head a statement as `Conservation` does
/// (`Suppression des données 3 mois après la fin du contrat`), capitalized
/// or opening a list item.
pub(super) const REMOVAL_NOUNS: &str = "Suppression|Effacement|Purge|Destruction|Anonymisation";
/// Where a statement starts: a governing word, a phase's label (`Base
/// active :`, `Archivage intermédiaire :`), a removal noun, a subject with a keeping or
/// removal verb, a capitalized `Jusqu'à` / `Pendant` / `Durant` / `Temps
/// d'` / `Tant que` / `Dans la limite de` (a deadline, `Dans un délai de
/// 15 jours, une réponse …`, is none), or a bare length after a label or
/// sentence start.
pub(super) static STATEMENT_START: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:\b(?:Conservation|CONSERVATION|Rétention|RÉTENTION|(?i:dur[ée]es? de (?:conservation|rétention)|d[ée]lais? de conservation)|Durée d['’]utilité administrative|DUA|Durée|DURÉE|DUREE)\b|\b(?P<removal>(?i:{REMOVAL_NOUNS}))\b|\bconservation\s*(?::|\d)|\b(?:La|Leur|Cette) conservation\b|\b(?i:(?:en|dans la)\s+)?(?i:{PHASE_NAMES})\s*(?::|\d)|\bJusqu['’]\s?(?:à|au|aux)\b|\b(?:Pendant|Durant) (?:(?:la|le|les|toute|tout)\b|l['’])|\bTant qu(?:e\b|['’])|\bDans la limite (?:de\b|d['’])|\bTemps d['’]|\b(?P<verb>{AUXILIARY}(?:{PARTICIPLES}))\b|\b(?i:{PARTICIPLES})\s+(?:\d|(?i:{NUMBER_WORDS})\s|pendant\b|durant\b|jusqu|tant\b|après\b|au bout\b|au terme\b|à l['’]issue\b|dans un délai\b|dès\b|lors\b|au moment\b|à\b|au\b|aux\b|en\s+(?:{END_NOUNS})\b))",
    ))
});
/// A past participle of keeping or removal that opens a statement with the
/// words before it (`Données conservées 1 mois`, `Conservées 3 mois`).
pub(super) static PARTICIPLE: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)^(?:{PARTICIPLES})\s")));
/// A governing word right before a trigger (`Conservation Jusqu'à …`,
/// `Durée d'`archivage intermédiaire : …), or a participle of keeping whose
/// complement the trigger is (`sont conservées` en base active 1 an): one
/// statement.
pub(super) static GOVERNING_END: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:conservation|durée|durée de conservation|délai de conservation|sort final)(?:\s+(?:de|du|des|en)|\s*d['’])?\s*:?$|\b(?:{PARTICIPLES})$"
    ))
});
/// The units of a length a statement may open on, bare (`3 ans`, `15 jours`).
const BARE_UNITS: &str = r"(?:ans?|années?|mois|jours?|semaines?|heures?)";
/// A bare length that opens a statement: after `:`, `.`, a dash, a label or
/// the start, or as a range's upper end (after `à`, `et` or a dash after
/// a number, see [`RANGE_LEAD`]); its number may have a decimal part.
pub(super) static BARE_LENGTH: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[.:;]\s+|[^\d\s]\s[-–—]\s+|[a-zé]\s+|à\s+|\d\s*[-–]\s*)((?:\d+(?:[.,]\d+)?\s*|(?i:{NUMBER_WORDS})\s+){BARE_UNITS}\b)"
    ))
});
/// A retention opening in lower case right after a colon.
pub(super) static LABELLED_OPENING: LazyLock<Regex> =
    LazyLock::new(|| re(r":\s+((?:jusqu['’]\s?(?:à|au|aux)|durée|pendant|durant|tant que?|archivage|conservation)\b)"));
/// A preposition right before a bare length (`pendant 6 mois`).
pub(super) static LENGTH_PREPOSITION: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:pendant|durant)\s+$"));
/// The lower end of a range right before a length, with what opens it
/// (`Entre 1 et` 3 ans, `de 6 mois à` 1 an, `3 -` 6 ans).
pub(super) static RANGE_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)(?:\b(?:entre|de)\s+|\bd['’])?(?P<low>\d+|\b(?:{NUMBER_WORDS}))\s*(?:{BARE_UNITS}\s+)?(?:et|à|-|–)\s*$"
    ))
});
/// Words before a number that make it an age, a date or a frequency, or the
/// validity of something else (`Habilitation valable 1 an`), not a
/// retention.
pub(super) static NOT_RETENTION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:il y a|depuis|âgée?s? de|moins de|plus de|tous les|toutes les|chaque|les|des|en|sur|de|d['’]|sous|valables?|valides?)\s*$",
    )
});
/// A label naming the length of something else than keeping data (`Délai
/// de traitement de la demande :`, `Durée du stage :`): the length after it
/// is no retention.
pub(super) static OTHER_LENGTH_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:délai|durée|période|fréquence|date|âge|validité)\s+(?:du|de la|de l['’]|des|de|d['’])\s*[^:;.]*:\s*$",
    )
});
pub(super) static KEEPING_WORD: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)conserv|archiv|rétention|stockage|suppression|effacement|purge"));

/// Whether the text before a length, from its sentence's start, is a label
/// naming the length of something else than keeping data.
pub(super) fn labels_other_length(before: &str) -> bool {
    let sentence = before.get(after_last(before, &['.', ';', '•'])..).unwrap_or("");
    OTHER_LENGTH_LABEL.is_match(sentence) && !KEEPING_WORD.is_match(sentence)
}

/// Words that open the next data label or statement: a statement's text stops before them.
pub(super) static NEXT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\s(?:Informations|Données|Identifiant|Adresse|Nom|Prénom|Téléphone|Coordonnées|Logs|Nature|Usager|Utilisateur|Professionnel|Psychologue|Site|Application)\b",
    )
});
/// A separator (`/`, `,`, a bullet, a spaced dash) and a capitalized label after it
/// (captured), up to its colon.
pub(super) static SEPARATED_LABEL: LazyLock<Regex> =
    LazyLock::new(|| re(r"\s*(?:/|,|•|\s[-–—])\s+(\p{Lu}[^:;./,()]{0,40}?)\s*:"));
pub(super) static SUBJECT_START: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:Les|Ces|Leurs|Une fois|La|Le|L['’])\b"));
/// A determiner opening a sentence or list item right before a governing
/// word (`La durée de conservation …`, `Leur suppression …`).
pub(super) static LEADING_DETERMINER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[.;:•]\s*)\b((?i:la|le|les|leur|leurs|cette|ce|ces|notre|votre|nos|vos|l['’]))\s*$"));
/// The most words a subject without an article may run to before its verb
/// (`Vos données sont conservées …`, `Elles sont supprimées …`).
const SUBJECT_WORDS_MAX: usize = 8;

/// Where a verb's subject starts when no article opens it: at its
/// sentence's start, if near enough to be the subject.
fn sentence_subject(before: &str) -> Option<usize> {
    let sentence = after_last(before, &['.', ';', ':', '•', '(']);
    let head = before.get(sentence..)?;
    let words = head.split_whitespace().count();
    (1..=SUBJECT_WORDS_MAX).contains(&words).then(|| sentence + (head.len() - head.trim_start().len()))
}

/// The article opening a subject in lower case (captured).
const SUBJECT_ARTICLE: &str = r"((?:les|ces|leurs|la|le)\b|l['’])";

/// A subject in lower case, opening a list's clause (`Actes ; les données
/// sont archivées …`).
pub(super) static CLAUSE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?:^|[;:•])\s*{SUBJECT_ARTICLE}")));

/// A subject in lower case after a comma, the clause before it set apart
/// (`Au terme d'un délai de 3 ans …, les données sont supprimées`).
pub(super) static COMMA_SUBJECT: LazyLock<Regex> = LazyLock::new(|| re(&format!(r",\s*{SUBJECT_ARTICLE}")));

/// A retention statement found in a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The statement as printed.
    pub text: String,
    /// The label printed before it, if any.
    pub applies_to: Option<String>,
}

/// Finds the retention statements of a cell's text, in order.
pub fn find_statements(cell: &str) -> Vec<Statement> {
    let text = collapse_whitespace(cell);
    let mut starts: Vec<usize> = Vec::new();
    let mut triggers: Vec<usize> = Vec::new();
    // Statements in parentheses after what they keep (`adresse IP
    // (conservée 1 an)`): where each starts and ends, and that label.
    let mut enclosed: Vec<(usize, usize, String)> = Vec::new();
    for caps in STATEMENT_START.captures_iter(&text) {
        let Some(m) = caps.get(0) else { continue };
        if caps.name("removal").is_some() && m.as_str().starts_with(char::is_lowercase) {
            // Mid-sentence, unless only its article comes before it, a removal
            // noun is a word of the sentence (`droit à l'effacement`).
            let item_before = text.get(..m.start()).unwrap_or("").trim_end();
            let opens_item = item_before.is_empty() || item_before.ends_with([';', ':', '•']);
            if !opens_item && !LEADING_DETERMINER.is_match(item_before) {
                continue;
            }
        }
        let participle = PARTICIPLE.is_match(m.as_str());
        let before = text.get(..m.start()).unwrap_or("");
        if participle
            && let Some(outside) = before.trim_end().strip_suffix('(')
            && let Some(close) = text.get(m.start()..).and_then(|rest| rest.find(')'))
        {
            let label = outside.get(after_last(outside, &['.', ';', ':', '•', ')'])..).unwrap_or("").trim();
            enclosed.push((m.start(), m.start() + close, label.to_string()));
            starts.push(m.start());
            triggers.push(m.start());
            continue;
        }
        let start = if participle {
            // `Données conservées 1 mois …`: from the sentence's start, when near.
            let before = text.get(..m.start()).unwrap_or("");
            let sentence = after_last(before, &['.', ';', ':', '•']);
            let head = before.get(sentence..).unwrap_or("");
            // A length `après` that counts from an end named earlier in the
            // sentence takes the sentence with it.
            let own = text.get(m.start()..).unwrap_or("");
            let own = own.split(['.', ';']).next().unwrap_or(own);
            let counts_from_before = find_length(own)
                .is_some_and(|l| BARE_AFTER.is_match(own.get(l.end..).unwrap_or("")))
                && EARLIER_END.is_match(head);
            if head.split_whitespace().count() <= 6 || counts_from_before {
                sentence + (head.len() - head.trim_start().len())
            } else {
                m.start()
            }
        } else if caps.name("verb").is_some() {
            // A verb: the statement starts with its subject.
            let before = text.get(..m.start()).unwrap_or("");
            let capitalized = SUBJECT_START.find_iter(before).map(|s| s.start());
            let in_clause = CLAUSE_SUBJECT.captures_iter(before).filter_map(|c| c.get(1)).map(|s| s.start());
            let subject = capitalized
                .chain(in_clause)
                .filter(|&s| !before.get(s..).unwrap_or("").contains(['.', ';', ':']))
                .max();
            // A subject after a comma, past a long clause set before it.
            let after_comma = || {
                COMMA_SUBJECT
                    .captures_iter(before)
                    .filter_map(|c| c.get(1))
                    .map(|s| s.start())
                    .filter(|&s| !before.get(s..).unwrap_or("").contains(['.', ';', ':']))
                    .last()
            };
            let Some(subject) = subject.or_else(|| sentence_subject(before)).or_else(after_comma) else { continue };
            // A clause set before the subject that holds the retention opens
            // the statement with it (`Au terme d'un délai de 3 ans …, les
            // données sont supprimées`).
            let sentence = after_last(before, &['.', ';', ':', '•']);
            let lead = before.get(sentence..subject).unwrap_or("").trim();
            if sentence < subject && lead.ends_with(',') && has_retention(lead) {
                let head = before.get(sentence..).unwrap_or("");
                sentence + (head.len() - head.trim_start().len())
            } else {
                subject
            }
        } else {
            // `La durée de conservation est de 3 ans`: the governing word's
            // article opens the statement with it.
            let before = text.get(..m.start()).unwrap_or("");
            LEADING_DETERMINER.captures(before).and_then(|c| c.get(1)).map_or(m.start(), |d| d.start())
        };
        if m.as_str() == "Durée" {
            // `Durée du stage : 6 mois` states the length of something else.
            let label_end = text.get(start..).and_then(|t| t.find(':')).map(|c| start + c + 1);
            if label_end.and_then(|e| text.get(start..e)).is_some_and(labels_other_length) {
                continue;
            }
        }
        let before = text.get(..start).unwrap_or("").trim_end().to_lowercase();
        let governed = GOVERNING_END.is_match(&before);
        // A participle after what it keeps names its own data: a new
        // statement, whatever list mark comes before it (`… • Candidats
        // non retenus conservées 15 jours`).
        let names_its_data = participle && start < m.start();
        let continues = governed
            || before.ends_with(" ou")
            || before.ends_with(" soit")
            || before.ends_with(" puis")
            || (before.ends_with('•') || before.ends_with(';')) && !names_its_data;
        if governed {
            continue;
        }
        if !continues {
            triggers.push(start);
        }
        starts.push(start);
    }
    for caps in BARE_LENGTH.captures_iter(&text) {
        if let Some(m) = caps.get(1) {
            // A range opens at its lower end (`Entre 1 et 3 ans`); `à` or a
            // dash right before a length opens nothing else.
            let lead = text.get(..m.start()).unwrap_or("");
            let range = RANGE_LEAD.captures(lead);
            let lead_end = lead.trim_end();
            let joins_range = lead_end.ends_with('à')
                || lead_end
                    .strip_suffix(['-', '–'])
                    .is_some_and(|low| low.trim_end().ends_with(|c: char| c.is_ascii_digit()));
            if joins_range && range.is_none() {
                continue;
            }
            let opening = range.as_ref().and_then(|r| r.get(0)).map_or(m.start(), |r| r.start());
            // What comes before the lower end's number says whether the
            // range is an age or a span (`âgés de 3 à 6 ans`).
            let low = range.as_ref().and_then(|r| r.name("low")).map_or(m.start(), |low| low.start());
            let not_retention = NOT_RETENTION_BEFORE.is_match(text.get(..low).unwrap_or(""));
            let before = text.get(..opening).unwrap_or("");
            let trimmed = before.trim_end();
            // A dash after a number spans a range (`3 - 6 ans`), not a label.
            let after_dash = trimmed
                .strip_suffix(['-', '–', '—'])
                .is_some_and(|label| !label.trim_end().ends_with(|c: char| c.is_ascii_digit()));
            let after_mark = trimmed.is_empty() || trimmed.ends_with(['.', ':', ';']) || after_dash;
            // A range after a bare heading is more often an age (`Jeunes
            // 16 – 25 ans`) than a retention.
            let after_heading = range.is_none() && label_before(&text, opening, 0).is_some();
            if (after_mark || after_heading) && !not_retention && !labels_other_length(before) {
                // The preposition that governs the length opens the
                // statement, not the label (`Journalisation des accès
                // pendant 6 mois`).
                starts.push(LENGTH_PREPOSITION.find(before).map_or(opening, |p| p.start()));
            }
        }
    }
    // After a label's colon, a retention opening in lower case (`Logs :
    // jusqu'à 6 mois`, `Dossier : durée du contrat + 2 ans`, `Actes :
    // archivage définitif`) starts a statement as a capital one does.
    for caps in LABELLED_OPENING.captures_iter(&text) {
        // A retention label before the colon (`Durée : pendant …`) already
        // opened the statement.
        if let Some(m) = caps.get(1)
            && !GOVERNING_END.is_match(&text.get(..m.start()).unwrap_or("").trim_end().to_lowercase())
            && label_before(&text, m.start(), 0).is_some()
        {
            starts.push(m.start());
            triggers.push(m.start());
        }
    }
    starts.sort_unstable();
    starts.dedup();
    // Drop a start that lies inside the previous statement's own clauses.
    let mut statements = Vec::new();
    let mut consumed_to = 0;
    let mut previous_end = 0;
    for &start in &starts {
        if start < consumed_to {
            continue;
        }
        let limit = triggers.iter().copied().find(|&s| s > start).unwrap_or(text.len());
        let in_parentheses = enclosed.iter().find(|(from, _, _)| *from == start);
        let end = in_parentheses.map_or_else(|| statement_end(&text, start, limit), |(_, close, _)| *close);
        let Some(body) = text.get(start..end) else { continue };
        let body = body.trim().trim_end_matches([';', ',', '/', ' ']).trim();
        if body.is_empty() || !has_retention(body) {
            continue;
        }
        let label = match in_parentheses {
            Some((_, _, label)) => (!label.is_empty()).then(|| label.clone()),
            None => label_before(&text, start, previous_end),
        };
        let applies_to = scope_label(label);
        previous_end = end;
        consumed_to = end;
        statements.push(Statement { text: body.to_string(), applies_to });
    }
    statements
}

/// Words by which text a retention column's statements leave out still
/// states a retention: a state or an end the data are kept for, or their
/// permanence (a length is found as such).
static LEFT_OUT_RETENTION: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:temps|durée|tant\s+qu|pendant|durant|jusqu|illimitée?|définitive?|permanente?)\b"));

/// Whether text left out by the statements found states a retention.
fn left_out_retains(text: &str) -> bool {
    find_length(text).is_some() || LEFT_OUT_RETENTION.is_match(text)
}

/// Finds the statements of a retention column's cell, where all the text
/// is about retention: what [`find_statements`] leaves out and still states
/// a retention is kept too, as the start of the statement after it when
/// nothing parts them (`Le temps de l'instruction puis 5 ans`), or as a
/// statement of its own when a sentence or list item ends it (`Le temps de
/// la mission. Bulletins de paie : 5 ans`). A cell where none is found is
/// one statement.
pub fn find_retention_column_statements(cell: &str) -> Vec<Statement> {
    let text = collapse_whitespace(cell);
    let found = find_statements(&text);
    if found.is_empty() {
        let whole = text.trim();
        return if whole.is_empty() {
            Vec::new()
        } else {
            vec![Statement { text: whole.to_string(), applies_to: None }]
        };
    }
    let mut statements = Vec::new();
    let mut covered = 0;
    for mut statement in found {
        let Some(at) = text.get(covered..).and_then(|t| t.find(&statement.text)).map(|i| i + covered) else {
            statements.push(statement);
            continue;
        };
        let end = at + statement.text.len();
        let gap = text.get(covered..at).unwrap_or("");
        let closed_len = after_last(gap, &['.', ';']);
        let (closed, open) = (gap.get(..closed_len).unwrap_or(""), gap.get(closed_len..).unwrap_or(""));
        statements.extend(left_out_statements(closed));
        // What the found statement's own label leaves of the open part.
        let open_start = covered + closed_len;
        let unlabelled = open.rfind(':').map_or(0, |c| c + 1);
        let left_out = open.get(unlabelled..).unwrap_or("");
        if left_out_retains(left_out) {
            let start = open_start + unlabelled + (left_out.len() - left_out.trim_start().len());
            let label = open.get(..unlabelled).and_then(|l| l.strip_suffix(':')).map(str::trim);
            statement = Statement {
                text: text.get(start..end).unwrap_or(&statement.text).to_string(),
                applies_to: scope_label(label.filter(|l| !l.is_empty()).map(str::to_string)),
            };
        }
        covered = end;
        statements.push(statement);
    }
    statements.extend(left_out_statements(text.get(covered..).unwrap_or("")));
    statements
}

/// Statements of their own for text the statements found leave out: each
/// of its sentences and list items that states a retention, scoped to its
/// `Label :` if it has one.
fn left_out_statements(text: &str) -> Vec<Statement> {
    let mut items = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let after = text.get(i + c.len_utf8()..).unwrap_or("");
        let sentence_end = c == '.'
            && (after.is_empty() || after.starts_with(' ') && after.trim_start().starts_with(char::is_uppercase));
        if c == ';' || sentence_end {
            items.push(text.get(start..i + c.len_utf8()).unwrap_or(""));
            start = i + c.len_utf8();
        }
    }
    items.push(text.get(start..).unwrap_or(""));
    items.into_iter().filter_map(left_out_statement).collect()
}

/// A statement for one left-out sentence or list item, if it states a
/// retention.
fn left_out_statement(text: &str) -> Option<Statement> {
    let text = text.trim().trim_end_matches([';', ' ']).trim();
    if !left_out_retains(text) {
        return None;
    }
    match text.split_once(" : ").filter(|(label, rest)| !left_out_retains(label) && left_out_retains(rest)) {
        Some((label, rest)) => {
            Some(Statement { text: rest.trim().to_string(), applies_to: scope_label(Some(label.trim().to_string())) })
        }
        None => Some(Statement { text: text.to_string(), applies_to: None }),
    }
}

/// Where a statement starting at `start` ends: at a sentence end, at a `;`
/// not followed by another clause of it, at the next data label, or at `limit`.
pub(super) fn statement_end(text: &str, start: usize, limit: usize) -> usize {
    let region = text.get(start..limit).unwrap_or("");
    let mut end = region.len();
    let mut offset = 0;
    while offset < region.len() {
        let rest = region.get(offset..).unwrap_or("");
        let Some(pos) = rest.find(['.', ';']) else { break };
        let at = offset + pos;
        let after = region.get(at + 1..).unwrap_or("");
        let next_clause = after.trim_start().trim_start_matches(['•', ' ']);
        let is_period = region.get(at..).is_some_and(|s| s.starts_with('.'));
        let continues = if is_period {
            next_clause.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
        } else {
            has_retention(next_clause.split([';', '.']).next().unwrap_or(""))
                && !next_clause.starts_with(|c: char| c.is_uppercase())
                || next_clause.starts_with("Jusqu")
                || next_clause.starts_with("Durant")
                || next_clause.starts_with("Pendant")
        };
        if !continues {
            end = if is_period { at + 1 } else { at };
            break;
        }
        offset = at + 1;
    }
    let head = region.get(..end).unwrap_or("");
    let mut cut = end;
    // A capitalized label set after a separator (`1 an / Sort final :
    // destruction`, `6 mois - Vidéos : 30 jours`) opens what follows.
    // A label naming the retention or its phase (`- Sort final :
    // versement`) goes on with the statement.
    let opens_other = |c: &regex::Captures| {
        let (Some(whole), Some(label)) = (c.get(0), c.get(1)) else { return false };
        let label = label.as_str().trim();
        has_retention(head.get(..whole.start()).unwrap_or(""))
            && !RETENTION_LABEL.is_match(label)
            && !PHASE_LABEL.is_match(label)
    };
    if let Some(m) = SEPARATED_LABEL.captures_iter(head).find(opens_other).and_then(|c| c.get(0)) {
        cut = m.start();
    }
    for m in NEXT_LABEL.find_iter(head.get(..cut).unwrap_or(head)) {
        // A data label after the statement's retention content ends it.
        let before = head.get(..m.start()).unwrap_or("");
        let after_colon = before.rfind(':').is_none_or(|c| c + 2 < m.start());
        if has_retention(before) && after_colon && !before.trim_end().ends_with(" de") {
            cut = m.start();
            break;
        }
    }
    start + cut
}

/// The label a statement is scoped to, by the first rule that applies:
/// - `Label :` printed right before it (the last ` : `-separated part);
/// - a short heading with no punctuation right before it, alone since the
///   previous sentence or statement (`Informations de connexion 1 an`);
/// - the one `Label :` that opens the data list since the previous
///   statement (`Usager : Nom ; prénom. Conservation …`), or the first when
///   the later ones are sub-lists of another kind; none when parallel
///   labelled lists share the statement.
pub(super) fn label_before(text: &str, start: usize, previous_end: usize) -> Option<String> {
    let before = text.get(..start).unwrap_or("").trim_end();
    let boundary = after_last(before, &['.', ';', '•']).max(previous_end.min(before.len()));
    let segment = before.get(boundary..).unwrap_or("").trim();
    // A dash parts a label from its length as a colon does (`Données
    // d'identité - 5 ans`).
    let colon_label =
        segment.strip_suffix(':').or_else(|| segment.strip_suffix(['-', '–', '—']).filter(|l| l.ends_with(' ')));
    if let Some(label) = colon_label {
        let label = label.trim();
        let label = label.rsplit(" : ").next().unwrap_or(label);
        // A label naming the retention itself (`Durée légale de
        // conservation :`) scopes nothing.
        if RETENTION_LABEL.is_match(label) {
            return None;
        }
        let label = last_heading(&strip_to_label(label));
        return (!label.is_empty() && label.split_whitespace().count() <= 20).then_some(label);
    }
    let heading = last_heading(&strip_to_label(segment));
    let heading_words = heading.split_whitespace().count();
    let lead = segment.get(..segment.len().saturating_sub(heading.len())).unwrap_or("").trim_end();
    if heading_words > 0
        && heading_words <= 5
        && heading.starts_with(|c: char| c.is_uppercase())
        && !heading.contains([',', ':', '(', ')'])
        && !lead.ends_with([',', ':'])
    {
        return Some(heading);
    }
    let region = text.get(previous_end.min(start)..start).unwrap_or("");
    let labels: Vec<(&str, bool)> = region
        .match_indices(" :")
        .filter_map(|(i, _)| {
            let head = region.get(..i)?;
            let from = after_last(head, &['.', ';', '•']);
            let label = head.get(from..)?.trim();
            // The label's list must run up to the statement: at most a final '.'.
            let list = region.get(i + 2..)?.trim_end();
            let list = list.strip_suffix('.').unwrap_or(list);
            (label.starts_with(|c: char| c.is_uppercase()) && label.split_whitespace().count() <= 20)
                .then_some((label, !list.contains('.')))
        })
        .collect();
    let head_word = |label: &str| label.split_whitespace().next().unwrap_or("").to_lowercase();
    match labels.as_slice() {
        [(only, true)] => Some(last_heading(&strip_to_label(only))).filter(|l| !l.is_empty()),
        // A top label over sub-lists of another kind (`Usager : … Données
        // relatives au dossier médical : …`) scopes them all; parallel labels
        // (`Données relatives aux … :` each time) share the statement: none.
        [(first, _), rest @ ..] if !rest.is_empty() && rest.iter().all(|(l, _)| head_word(l) != head_word(first)) => {
            Some(last_heading(&strip_to_label(first))).filter(|l| !l.is_empty())
        }
        _ => None,
    }
}

/// The last heading of a run of headings: from the last capitalized word
/// that follows a lower-case one (`Informations d'ordre professionnel
/// Professionnel conventionné participant` → `Professionnel conventionné participant`).
pub(super) fn last_heading(label: &str) -> String {
    let words: Vec<&str> = label.split_whitespace().collect();
    let cut = (1..words.len())
        .rev()
        .find(|&i| {
            let (Some(prev), Some(word)) = (words.get(i - 1), words.get(i)) else { return false };
            word.starts_with(|c: char| c.is_uppercase())
                && prev.starts_with(|c: char| c.is_lowercase())
                && !matches!(*prev, "de" | "du" | "des" | "à" | "aux" | "au" | "par" | "pour" | "sur" | "et" | "ou")
        })
        .unwrap_or(0);
    words.get(cut..).map(|w| w.join(" ")).unwrap_or_default()
}

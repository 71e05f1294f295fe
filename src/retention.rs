//! Retention statements → normalized rules (SPEC "Retention rules").
//!
//! Two steps: [`find_statements`] locates each retention statement in a
//! cell with the label it is scoped to; [`parse_statement`] reads one
//! statement with a small regex grammar: clauses (`;`/bullets, `ou`
//! alternatives, `puis` phases, appositions, inline scopes), then per clause
//! a length (digits or French number words, units, halves), its bound, and
//! the event or state it counts from, runs until or lasts while.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::layout::collapse_whitespace;
use crate::register::Cells;

/// What kind of retention a rule states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A length of time.
    Period,
    /// Until an event, with no length.
    UntilEvent,
    /// As long as a state lasts.
    While,
    /// Without limit.
    Permanent,
    /// No usable length or end.
    Unspecified,
}

/// Whether a period is exact or a limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// The length as stated.
    Exact,
    /// An upper limit.
    Max,
    /// A lower limit.
    Min,
}

/// One normalized retention rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetentionRule {
    /// The whole statement as printed, white space collapsed.
    pub text: String,
    /// The data, person or channel the statement is scoped to.
    pub applies_to: Option<String>,
    /// The kind of rule.
    pub kind: Kind,
    /// ISO 8601 duration, for periods.
    pub duration: Option<String>,
    /// Exact or a limit.
    pub bound: Bound,
    /// The event a period runs from.
    pub from: Option<String>,
    /// The event data is kept until.
    pub until: Option<String>,
    /// The state data is kept while.
    #[serde(rename = "while")]
    pub while_: Option<String>,
    /// Hedged (`le cas échéant`).
    pub conditional: bool,
    /// Index of the first rule of the alternatives this one belongs to.
    pub alternative_to: Option<usize>,
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| unreachable!("constant regex: {e}"))
}

const NUMBER_WORDS: &str = "un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts|vingt|trente|quarante|cinquante|soixante|cents|cent";

/// A length: a number (digits or words, optionally `six (6)` or `3 (trois)`),
/// a unit (or its abbreviation: `72h`, `90 j`, `15 jrs`), and an optional
/// `et demi` / `½` / `et N mois`; or a count of days said in one word
/// (`huitaine`, `quinzaine`, with or without `de jours`).
static LENGTH: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:(\d+(?:[.,]\d+|\s*½)?|(?:(?:{NUMBER_WORDS})(?:[-\s](?:et[-\s])?(?:{NUMBER_WORDS}))*))(?:\s*\((?:\d+|(?:{NUMBER_WORDS})(?:[-\s](?:et[-\s])?(?:{NUMBER_WORDS}))*)\))?\s*(ans?|années?|mois|semaines?|semestres?|trimestres?|jours?|jrs?|j|heures?|h)\b(?:\s+et\s+(demie?|(?:\d+|{NUMBER_WORDS})\s*(?:mois|semaines?|jours?|heures?|h)\b)|\s*(½))?|(huitaine|quinzaine)(?:\s+de\s+jours)?\b)"
    ))
});
static CONDITIONAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:le cas échéant|le cas echeant|éventuellement|si\s[^,;:()]*|sauf\s[^,;]*|sous réserve|en cas (?:de|d['’])[^,;]*|en l['’]absence (?:de|d['’])[^,;:]*|(?:à|a) défaut(?:\s+(?:de|d['’])[^,;]*)?)\b,?\s*",
    )
});
static PERMANENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:illimitée?|sans limitation de durée|sans limite de durée|archivage définitif|archives définitives|conservation définitive|(?:conservée?s?|archivée?s?) définitivement|indéfiniment|définitivement conservée?s?|à titre définitif|sort final\s*:\s*(?:versement|conservation)|vers(?:ement|ée?s?) (?:aux|au service des) archives(?:\s+(?:départementales|nationales|municipales|communales|régionales|publiques|historiques))?\s*(?:[.;,)]|$)|(?:de manière|de façon|à titre) permanente?|(?:conservation|archivage|archives?)\s+(?:permanentes?|pérennes?)|sans (?:limites?|durée limite)\b|^\s*(?:définitive(?:ment)?|permanente?))\b",
    )
});
static MAX_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:jusqu['’]\s?à|au plus(?: tard)?|au maximum|maximum|max\.?|(?:maximale?|maximum|max\.?)\s+(?:de|d['’])|dans la limite (?:de|d['’])|n['’]excédant pas|ne pouvant (?:excéder|dépasser)|ne dépassant pas|ne (?:peut|doit|saurait)(?: pas)? (?:excéder|dépasser)|n['’]excède pas|ne dépasse pas|inférieure?s? (?:ou égale?s? )?à|sans (?:excéder|dépasser)|de plus de|depuis plus de|au-delà de|pas plus de|moins (?:de|d['’])|limitée?s? à|dans un délai (?:maximum |maximal )?(?:de|d['’])|dans les|sous|\b(?:entre|de)\s+\S+\s+(?:et|à)|(?:^|[\s:(])\d+\s*(?:à|-|–))\s*$",
    )
});
/// What joins the two ends of a range of lengths, and what opens one.
static RANGE_TO: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*(?:et|à|-|–)\s*"));
static RANGE_FROM: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:entre|de|d['’])\s*$"));
static MIN_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:au moins|au minimum|minimum|(?:minimale?|minimum)\s+(?:de|d['’]))\s*$"));
/// Words after a length that bound it (`10 ans maximum`, `3 ans min`).
const MAX_WORDS: &str = r"maximum|max\b\.?|au maximum|au plus tard|au plus|tout au plus|maxi";
const MIN_WORDS: &str = r"minimum|au minimum|au moins|min\b\.?|mini\b";
static MAX_AFTER: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)^\s*(?:{MAX_WORDS})")));
static MIN_AFTER: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)^\s*(?:{MIN_WORDS})")));
/// Words that qualify a length without changing it (`1 an glissant`,
/// `5 ans pleins`), skipped before the starting event.
static LENGTH_QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:glissants?|renouvelables?|supplémentaires?|pleins?|pleines?|calendaires?|révolus?|révolues?|ouvrés|ouvrables|francs|entiers|entières|consécutifs|consécutives)\b",
    )
});
/// Words before a number that make it an age: a bound on the persons
/// (`moins de 16 ans`, `âgés de 3 ans`), or an age reached that ends the
/// keeping (`jusqu'à l'âge de 18 ans`, `jusqu'aux 18 ans de l'enfant`,
/// `jusqu'à ses 26 ans`, `jusqu'à ce que l'enfant atteigne 16 ans`), which
/// is an event, not a length of keeping.
static AGE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:(?:^|[^u]\s)(?:moins de|âgée?s? de|plus de \d+ ans et)|\bâge (?:légal )?de|\baux|\b(?:ses|leurs|son|sa)|\batteint|\batteignent|\batteigne|\batteindre)\s*$",
    )
});
/// `moins de` that bounds the keeping, not the persons' age: right after a
/// label's colon, a participle of keeping or a preposition of time, or
/// opening the text (`conservées moins de 3 ans`, `Durée : moins de 6
/// mois`, against `enfants de moins de 16 ans`).
static BOUND_BEFORE_LESS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:^|[:(]|\b(?:conserv|archiv|gard|stock|supprim|effac|détrui)\p{L}*|\b(?:pendant|durant|durée|pour))\s*moins de\s*$",
    )
});
/// `jusqu'à` right before a length, and whose years it counts after one
/// (`jusqu'à 80 ans de l'agent`): the age at which the keeping ends.
static UNTIL_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bjusqu['’]\s?(?:à|aux)\s*$"));
static POSSESSOR_AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*(?:(?:du|de la|des)\b|de l['’])\s*(\p{L}+)"));
/// Nouns of time after `N ans de la …`, which make it a length counted
/// from an event (`jusqu'à 5 ans de la date de clôture`), not an age.
const TIME_NOUNS: &[&str] =
    &["date", "fin", "début", "clôture", "collecte", "dernier", "dernière", "année", "exercice", "signature"];

/// Whether a length of years after `jusqu'à`, followed by whose years they
/// are, is an age reached (`jusqu'à 80 ans de l'agent`, `jusqu'aux 18 ans
/// du jeune`): an event, not a length of keeping.
fn is_age_reached(before: &str, caps: &regex::Captures, after: &str) -> bool {
    let years = caps.get(2).is_some_and(|u| u.as_str().to_lowercase().starts_with("an"));
    let possessor = POSSESSOR_AFTER.captures(after).and_then(|c| c.get(1)).map(|w| w.as_str().to_lowercase());
    years
        && caps.get(3).is_none()
        && UNTIL_BEFORE.is_match(before)
        && possessor.is_some_and(|w| !TIME_NOUNS.contains(&w.as_str()))
}

static FROM_ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^[\s,]*(?:(?:à|a) compter|(?:à|a) compte|(?:à|a) partir|(?:à|a) l['’]issue|au terme|(?:à|a) la suite|au-delà)\s+(?:(?:de la|du|des|de)\b|de l['’]|d['’])\s*|^[\s,]*(?:après|suivant|dès)\s+",
    )
});
static UNTIL_ANCHOR: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bjusqu['’]\s?(?:à ce qu(?:e\b|['’])|(?:à la|à|aux|au)\b|à l['’])\s*"));
/// A clause opening on the event that ends the keeping, with no length
/// (`Dès la clôture du dossier`, `À l'issue de la mission`, `Au terme du
/// contrat`): kept until that event.
static END_ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(r"(?i)^\s*(?:dès\s+|(?:à|a|au|aux|en)\s+(?:(?:la|le|les)\s+|l['’]\s*)?(?:{END_NOUNS})\b)"))
});
/// Nouns of the event that ends something (`fin`, `clôture`, `départ`).
const END_NOUNS: &str = "fin|issue|terme|échéance|expiration|clôture|achèvement|départ|sortie";
/// A clause that names an event, not a state: one of [`END_NOUNS`], a
/// date, a death or birth, a last act (`Clôture du dossier`, `Date de fin
/// de prise en charge`, `dernière connexion`). Before `+ 5 ans` it is
/// where the length counts from, where a state (`année en cours`, `durée
/// du mandat`) is kept while it lasts.
static NAMES_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^\s*(?:(?:la|le|les)\s+|l['’]\s*)?(?:date\s+(?:de\s+(?:la\s+)?|d['’]\s*|du\s+))?(?:{END_NOUNS}|décès|naissance|radiation|résiliation|dernier|dernière)\b"
    ))
});
/// A removal at an event, by a participle (`supprimées au départ de
/// l'agent`, `dès leur collecte`) or a noun and what it removes
/// (`Destruction des dossiers à la clôture de l'exercice`). The event's
/// article, if any, is left to [`trim_event`].
static REMOVAL_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:supprimée?s?|purgée?s?|effacée?s?|détruite?s?|anonymisée?s?)|(?:suppression|purge|effacement|destruction|anonymisation)(?:\s+(?:(?:des|du|de la)\b|de l['’])\s*[^,;:.()]*?)?)(?:\s+(?:immédiate|automatique|définitive|systématique)s?(?:ment)?)?\s+(?:(?:au moment|lors)\s+(?:(?:des|du|de)\b|d['’])|(?:dès|après|aux|au|à)\b)\s*",
    )
});
/// A removal on request (`sur demande de suppression`, `à la demande de la
/// personne`): kept until the request, which is the event.
static REQUEST_EVENT: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:sur|à la|a la)\s+(?:simple\s+)?(demande\b)"));
static WHILE_ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\btant\s+qu(?:e\s+|['’]\s*)|\b(?:pendant|durant)\s+|(?:\bdurée\s+|^\s*)limitée (?:(?:à la|aux|au|à)\b|à l['’])\s*|^\s*temps\s+(?:(?:de la|du|des|de)\b|de l['’]|d['’])\s*|^\s*(?:(?:de la|de l['’]|du|des)\s+|d['’]\s*)|^\s*(?:toute\s+)?(?:la\s+)?durée\s+(?:de la\b|de l['’]|du\b|des\b|de\b|d['’])\s*|\ble temps d[eu]s?\s+|\ble temps d['’]",
    )
});
static WHILE_FRAMING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:(?:le temps|(?:toute )?(?:la )?durée|(?:toute )?(?:la )?période)\s+(?:durant laquelle|pendant laquelle|de la\b|de l['’]|du\b|des\b|de\b|d['’])\s*)+",
    )
});
static ARTICLE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^(?:(?:les|le|la|un|une)\b\s*|l['’]\s*)"));
static LEADING_ARTICLE_WORD: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:les|le|la|l['’]|un|une)\b\s*"));
static SUBJECT_VERB: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)^(.*?)\s*\b{AUXILIARY}(?:{PARTICIPLES})\b")));
static GOVERNING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:(?:conservation|rétention|dur[ée]e de conservation|d[ée]lai de conservation|dur[ée]e de rétention|durée d['’]utilité administrative|dua|dur[ée]e)(?:\s+des\s+données\s*(?::\s*|$)|\s*:\s*|\s+|$)|archivage\s*:\s*)",
    )
});

/// Whether a clause holds retention of its own: a length or a marker.
fn has_retention(clause: &str) -> bool {
    find_length(clause).is_some()
        || NEEDED_ANYWHERE.is_match(clause)
        || UNTIL_ANCHOR.is_match(clause)
        || WHILE_ANCHOR.is_match(clause)
        || PERMANENT.is_match(clause)
        || REMOVAL_EVENT.is_match(clause)
        || FROM_ANCHOR.is_match(clause.trim_start_matches(|c: char| !c.is_alphabetic()))
}

/// The value of a count in figures or in French words (`quatre-vingts`),
/// saturating: a count beyond any real length must not overflow.
fn number_value(text: &str) -> Option<u32> {
    if let Ok(n) = text.parse::<u32>() {
        return Some(n);
    }
    let mut total = 0u32;
    let mut current = 0u32;
    for word in text.to_lowercase().split(['-', ' ']).filter(|w| !w.is_empty() && *w != "et") {
        let v = match word {
            "un" | "une" => 1,
            "deux" => 2,
            "trois" => 3,
            "quatre" => 4,
            "cinq" => 5,
            "six" => 6,
            "sept" => 7,
            "huit" => 8,
            "neuf" => 9,
            "dix" => 10,
            "onze" => 11,
            "douze" => 12,
            "treize" => 13,
            "quatorze" => 14,
            "quinze" => 15,
            "seize" => 16,
            "vingt" | "vingts" => 20,
            "trente" => 30,
            "quarante" => 40,
            "cinquante" => 50,
            "soixante" => 60,
            "cent" | "cents" => 100,
            _ => return None,
        };
        if v == 100 {
            current = current.max(1).saturating_mul(100);
        } else if v == 20 && (1..10).contains(&current) {
            current = current.saturating_mul(20);
        } else if v == 10 && current.is_multiple_of(10) && current >= 60 {
            current = current.saturating_add(10);
        } else if current > 0 && current < 10 && v >= 10 && v != 100 {
            total = total.saturating_add(current);
            current = v;
        } else {
            current = current.saturating_add(v);
        }
    }
    Some(total.saturating_add(current))
}

/// A length in the archivists' notation, years after the year of the
/// event (`N+5`, `année N + 10`, `A+2`).
static YEAR_OFFSET: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:année\s+)?[NA]\s*\+\s*(\d{1,3})\b(?:\s*(?:ans?|années?)\b)?"));

/// A found length: its ISO 8601 duration and its byte range in the text.
struct Length {
    duration: String,
    start: usize,
    end: usize,
}

fn find_length(text: &str) -> Option<Length> {
    for caps in LENGTH.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        if let Some(days) = caps.get(5) {
            let n = if days.as_str().to_lowercase().starts_with("huit") { 8 } else { 15 };
            return Some(Length { duration: format!("P{n}D"), start: whole.start(), end: whole.end() });
        }
        let (Some(number), Some(unit)) = (caps.get(1), caps.get(2)) else { continue };
        let before = text.get(..whole.start()).unwrap_or("");
        if AGE_BEFORE.is_match(before) && !BOUND_BEFORE_LESS.is_match(before) {
            continue;
        }
        let after = text.get(whole.end()..).unwrap_or("");
        if after.trim_start().starts_with("premier") || is_age_reached(before, &caps, after) {
            continue;
        }
        // `1 ½ an` and `1 an ½` are `1,5 an`.
        let half = number.as_str().ends_with('½') || caps.get(4).is_some();
        let number = number.as_str().trim_end_matches(['½', ' ']).replace(',', ".");
        let number = if half && !number.contains('.') { format!("{number}.5") } else { number };
        let (whole_number, fraction) = number.split_once('.').unwrap_or((&number, ""));
        let Some(n) = number_value(whole_number) else {
            continue;
        };
        let unit = unit.as_str().to_lowercase();
        let extra = caps.get(3).map(|m| m.as_str().to_lowercase());
        // A quarter or a half-year is said in months: ISO 8601 has no unit
        // for them.
        let (n, unit) = if unit.starts_with("semestre") {
            (n.saturating_mul(6), "mois".to_string())
        } else if unit.starts_with("trimestre") {
            (n.saturating_mul(3), "mois".to_string())
        } else {
            (n, unit)
        };
        // A decimal length (`1,5 an`) is said in the next smaller unit, as
        // `un an et demi` is.
        let tenths = format!("0.{fraction}").parse::<f64>().unwrap_or(0.0);
        let part = |per: u32| n.saturating_mul(per).saturating_add((tenths * f64::from(per)).round() as u32);
        // The smaller length after `et` (`1 an et 6 mois`, `1 mois et 15
        // jours`): its count and unit letter.
        let and = extra.as_deref().filter(|e| !e.starts_with("demi")).and_then(|e| {
            let figures = e.trim_end_matches(|c: char| c.is_alphabetic()).trim();
            let unit = e.get(figures.len()..).unwrap_or("").trim();
            Some((number_value(figures)?, unit.chars().next()?))
        });
        let duration = match (unit.chars().next(), extra.as_deref(), and) {
            (Some('a'), None, _) if tenths > 0.0 => format!("P{}M", part(12)),
            (Some('m'), None, _) if tenths > 0.0 => format!("P{}D", part(30)),
            (Some('s'), None, _) if tenths > 0.0 => format!("P{}D", part(7)),
            (Some('j'), None, _) if tenths > 0.0 => format!("PT{}H", part(24)),
            (Some('h'), None, _) if tenths > 0.0 => format!("PT{}M", part(60)),
            (Some('a'), Some(e), _) if e.starts_with("demi") => format!("P{}M", n.saturating_mul(12).saturating_add(6)),
            (Some('m'), Some(e), _) if e.starts_with("demi") => {
                format!("P{}D", n.saturating_mul(30).saturating_add(15))
            }
            (Some('j'), Some(e), _) if e.starts_with("demi") => {
                format!("PT{}H", n.saturating_mul(24).saturating_add(12))
            }
            (Some('a'), _, Some((m, 'm'))) => format!("P{n}Y{m}M"),
            (Some('a'), _, Some((d, 'j'))) => format!("P{n}Y{d}D"),
            (Some('m'), _, Some((d, 'j'))) => format!("P{n}M{d}D"),
            // ISO 8601 sets weeks alone (`P2W`): beside a larger unit they
            // are counted in days.
            (Some('a'), _, Some((w, 's'))) => format!("P{n}Y{}D", w.saturating_mul(7)),
            (Some('m'), _, Some((w, 's'))) => format!("P{n}M{}D", w.saturating_mul(7)),
            (Some('s'), _, Some((d, 'j'))) => format!("P{}D", n.saturating_mul(7).saturating_add(d)),
            (Some('j'), _, Some((h, 'h'))) => format!("P{n}DT{h}H"),
            (Some('a'), _, _) => format!("P{n}Y"),
            (Some('m'), _, _) => format!("P{n}M"),
            (Some('s'), _, _) => format!("P{n}W"),
            (Some('j'), _, _) => format!("P{n}D"),
            (Some('h'), _, _) => format!("PT{n}H"),
            _ => continue,
        };
        return Some(Length { duration, start: whole.start(), end: whole.end() });
    }
    let caps = YEAR_OFFSET.captures(text)?;
    let (whole, years) = (caps.get(0)?, caps.get(1)?);
    // `Jusqu'au 31/12 de l'année N+1` names a date, the end of the keeping.
    if UNTIL_ANCHOR.is_match(text.get(..whole.start()).unwrap_or("")) {
        return None;
    }
    Some(Length {
        duration: format!("P{}Y", years.as_str().parse::<u32>().ok()?),
        start: whole.start(),
        end: whole.end(),
    })
}

/// What ends an event: a later phase with no retention of its own
/// (`… du dernier contact, puis suppression`), or the end of its list item
/// (`… à compter de la clôture ; sort final : destruction`).
static EVENT_END: LazyLock<Regex> = LazyLock::new(|| re(r"(?i),?\s+puis\s+|\s*;"));
/// A closing parenthesis that cites the rule's source (`(article L.123-22
/// du code de commerce)`) rather than naming the event.
static TRAILING_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\s*\((?:art\.|article|articles|cf\.|code|loi|décret|arrêté|délibération|circulaire|instruction|règlement)[^()]*\)\s*$",
    )
});

/// A bound or a scope closing an event (`… au maximum`, `… pour les
/// candidats non retenus`).
static EVENT_MAX: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)[\s,]+(?:{MAX_WORDS})\s*[.;,]?\s*$")));
static EVENT_MIN: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)[\s,]+(?:{MIN_WORDS})\s*[.;,]?\s*$")));
static EVENT_SCOPE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\s+pour\s+les\s+([^,;.()]+?)\s*[.;,]?\s*$"));
/// A parenthesis closing an event, and what it may say: a bound or a phase
/// of keeping, neither part of the event (see [`parse_clause`]).
static EVENT_NOTE: LazyLock<Regex> = LazyLock::new(|| re(r"\s*\(([^()]*)\)\s*[.;,]?\s*$"));
static NOTE_MAX: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)^\s*(?:(?:durée|délai)\s+)?(?:maximale?|{MAX_WORDS})\s*$")));
static NOTE_PHASE: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)^\s*(?:en\s+)?(?:{PHASE_NAMES})\s*$")));
/// A qualifier closing an event that belongs to the length (`à compter de
/// leur collecte, renouvelable`).
static EVENT_QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i),\s*(?:renouvelables?|glissants?|glissantes?)\s*[.;,]?\s*$|[\s,]+renouvelables?(?:\s+(?:tacitement|une\s+fois|par\s+tacite\s+reconduction))?\s*[.;,]?\s*$",
    )
});

/// Trims an event or state: what a later phase adds, surrounding spaces and
/// punctuation, then one leading article; what follows is kept as printed.
fn trim_event(text: &str) -> Option<String> {
    let text = EVENT_END.find(text).map_or(text, |m| text.get(..m.start()).unwrap_or(text));
    let text = EVENT_QUALIFIER.find(text).map_or(text, |m| text.get(..m.start()).unwrap_or(text));
    let text = text.trim().trim_end_matches(['.', ',', ';', ':', ' ', '\u{a0}']).trim();
    let text = TRAILING_REFERENCE.replace(text, "");
    let text = text.trim().trim_end_matches(['.', ',', ';', ':', ' ', '\u{a0}']).trim();
    let text = ARTICLE.replace(text, "").trim().to_string();
    (!text.is_empty()).then_some(text)
}

fn rule(text: &str) -> RetentionRule {
    RetentionRule {
        text: text.to_string(),
        applies_to: None,
        kind: Kind::Unspecified,
        duration: None,
        bound: Bound::Exact,
        from: None,
        until: None,
        while_: None,
        conditional: false,
        alternative_to: None,
    }
}

/// A clause cut before a hedge set apart after its retention (`3 mois après
/// la clôture du dossier, le cas échéant prolongée …`): what the hedge opens
/// qualifies the rule, it is not part of its event, unless it gives the
/// rule's own event (`1 an, le cas échéant à compter de la fin du contrat`).
fn clause_before_trailing_hedge(clause: &str) -> &str {
    CONDITIONAL
        .find_iter(clause)
        .filter_map(|hedge| Some((clause.get(..hedge.start())?, clause.get(hedge.end()..)?)))
        .find(|(before, after)| before.trim_end().ends_with(',') && has_retention(before) && !has_retention(after))
        .map_or(clause, |(before, _)| before.trim_end().trim_end_matches(','))
}

/// Reads one clause (no alternatives or lists left in it).
fn parse_clause(statement: &str, clause: &str) -> RetentionRule {
    let mut out = rule(statement);
    out.conditional = CONDITIONAL.is_match(clause);
    let clause = clause_before_trailing_hedge(clause);
    let clause = CONDITIONAL.replace_all(clause, "").into_owned();
    if let Some(length) = find_length(&clause) {
        out.kind = Kind::Period;
        out.duration = Some(length.duration);
        let before = clause.get(..length.start).unwrap_or("");
        let mut after = clause.get(length.end..).unwrap_or("");
        // A range of lengths (`de 6 mois à 1 an`) is bounded by its upper end.
        if let Some(to) =
            RANGE_TO.find(after).filter(|_| RANGE_FROM.is_match(before) || !after.trim_start().starts_with("et"))
            && let Some(upper) = find_length(after.get(to.end()..).unwrap_or("")).filter(|l| l.start == 0)
        {
            out.duration = Some(upper.duration);
            out.bound = Bound::Max;
            after = after.get(to.end() + upper.end..).unwrap_or("");
        } else if MAX_BEFORE.is_match(before) {
            out.bound = Bound::Max;
        } else if MIN_BEFORE.is_match(before) {
            out.bound = Bound::Min;
        }
        if let Some(m) = LENGTH_QUALIFIER.find(after) {
            after = after.get(m.end()..).unwrap_or("");
        }
        if let Some(m) = MAX_AFTER.find(after) {
            out.bound = Bound::Max;
            after = after.get(m.end()..).unwrap_or("");
        } else if let Some(m) = MIN_AFTER.find(after) {
            out.bound = Bound::Min;
            after = after.get(m.end()..).unwrap_or("");
        }
        // A parenthesis may bound the length (`3 ans (durée maximale)`), or
        // give its event (`3 ans (à compter de la fin du contrat)`), which
        // ends at its close.
        if let Some(inner) = after.trim_start().strip_prefix('(') {
            let (note, rest) = inner.split_once(')').unwrap_or((inner, ""));
            if NOTE_MAX.is_match(note) {
                out.bound = Bound::Max;
                after = rest;
            } else {
                after = note;
            }
        }
        if let Some(m) = FROM_ANCHOR.find(after) {
            let mut event = after.get(m.end()..).unwrap_or("");
            event = EVENT_END.find(event).map_or(event, |end| event.get(..end.start()).unwrap_or(event));
            // What closes the event may bound the length (`30 jours après
            // la fin de l'événement au maximum`) or scope it (`… pour les
            // candidats non retenus`); neither is part of the event.
            if let Some(scope) = EVENT_SCOPE.find(event) {
                event = event.get(..scope.start()).unwrap_or(event);
            }
            // So is a parenthesis naming a bound (`(durée maximale)`) or the
            // phase the length is kept in (`(archives intermédiaires)`).
            if let Some(note) = EVENT_NOTE.captures(event)
                && let (Some(whole), Some(inner)) = (note.get(0), note.get(1))
            {
                if NOTE_MAX.is_match(inner.as_str()) {
                    out.bound = Bound::Max;
                }
                if NOTE_MAX.is_match(inner.as_str())
                    || NOTE_PHASE.is_match(inner.as_str())
                    || note_names_data(inner.as_str())
                {
                    event = event.get(..whole.start()).unwrap_or(event);
                }
            }
            if let Some(bound) = EVENT_MAX.find(event) {
                out.bound = Bound::Max;
                event = event.get(..bound.start()).unwrap_or(event);
            } else if let Some(bound) = EVENT_MIN.find(event) {
                out.bound = Bound::Min;
                event = event.get(..bound.start()).unwrap_or(event);
            }
            out.from = trim_event(event);
        }
        return out;
    }
    if PERMANENT.is_match(&clause) {
        out.kind = Kind::Permanent;
        return out;
    }
    if let Some(m) = UNTIL_ANCHOR.find(&clause).or_else(|| REMOVAL_EVENT.find(&clause)) {
        out.kind = Kind::UntilEvent;
        out.until = trim_event(clause.get(m.end()..).unwrap_or(""));
        return out;
    }
    if END_ANCHOR.is_match(&clause) {
        out.kind = Kind::UntilEvent;
        out.until = trim_event(&EVENT_PREPOSITION.replace(&clause, ""));
        return out;
    }
    if let Some(request) = REQUEST_EVENT.captures(&clause).and_then(|c| c.get(1)) {
        out.kind = Kind::UntilEvent;
        out.until = trim_event(clause.get(request.start()..).unwrap_or(""));
        return out;
    }
    if let Some(m) = WHILE_ANCHOR.find(&clause) {
        let state = clause.get(m.end()..).unwrap_or("");
        let state = WHILE_FRAMING.replace(state.trim(), "");
        // Words after a comma qualify the clause, not the state.
        let state = state.split(", ").next().unwrap_or("");
        // `pendant la durée nécessaire à la finalité` says no state, only
        // that the data are kept as long as needed, as `durée nécessaire à
        // la finalité` alone does.
        if NEEDED_ONLY.is_match(state) {
            return out;
        }
        out.kind = Kind::While;
        out.while_ = trim_event(state);
        return out;
    }
    out
}

/// The time the data are needed for (`durée nécessaire`, `temps strictement
/// nécessaire`): a retention that says no length.
const NEEDED: &str = r"(?:durée|temps|période)s?\s+(?:strictement\s+)?nécessaires?\b";
/// A state that is only the need for the data (`la durée nécessaire à …`,
/// `le temps strictement nécessaire au …`).
static NEEDED_ONLY: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)^(?:(?:toute\s+)?(?:la|le|les)\s+)?{NEEDED}")));
/// The same anywhere in a clause (`sont conservées le temps nécessaire à la
/// gestion de la demande`).
static NEEDED_ANYWHERE: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)\b(?:la|le)\s+{NEEDED}")));

/// Splits at `sep` where both sides hold retention of their own: the left
/// side anywhere, the right side at its very start (`… ou Jusqu'à 6 mois`,
/// `… ou à compter de …`), so that an `ou` inside an event (`par le greffier
/// ou le magistrat`) does not split it. After `soit`, a scoped clause
/// (`soit pour les agents au maximum deux mois …`) counts too. With
/// `alternatives`, the split parts alternatives, which a slash before the
/// final fate does not (it parts phases).
fn split_where_both_retain<'a>(text: &'a str, sep: &Regex, alternatives: bool) -> Vec<&'a str> {
    let mut parts = Vec::new();
    let mut start = 0;
    // A separator inside a length (`1 an et 6 mois`) splits nothing.
    let lengths: Vec<(usize, usize)> = LENGTH.find_iter(text).map(|m| (m.start(), m.end())).collect();
    for m in sep.find_iter(text) {
        if lengths.iter().any(|&(from, to)| from < m.start() && m.end() < to) {
            continue;
        }
        let (Some(left), Some(right)) = (text.get(start..m.start()), text.get(m.end()..)) else { continue };
        if opens_range(left) || bounds_with_plus(left, m.as_str()) {
            continue;
        }
        let own = right.split([';', '•']).next().unwrap_or(right);
        // A slash before the final fate (`DUA : 10 ans / sort final :
        // versement`) parts phases, not alternatives.
        if alternatives && m.as_str().trim() == "/" && FINAL_FATE.is_match(own) {
            continue;
        }
        let soit = m.as_str().contains("soit") && SOIT_SCOPE.is_match(own) && has_retention(own);
        // An item may leave out the verb (`; les sauvegardes 1 mois`, `et
        // les devis 3 ans`); alternatives (`ou`, `soit`) name no subject.
        let elided = !OR.is_match(m.as_str()) && elided_verb_item(own).is_some();
        // A phase named before its retention (`puis en archives
        // intermédiaires 7 ans`).
        let phase = PHASE_OPENING.find(own).is_some_and(|p| has_retention(own.get(p.end()..).unwrap_or("")));
        // A length added to what goes before (`l'année en cours + 2 ans`)
        // makes that a state whatever words name it.
        let added = adds_length(m.as_str()) && find_length(own).is_some_and(|l| l.start == 0);
        // An alternative that adds a length to its own event or state (`…
        // ou fin du contrat + 1 an`).
        let alternative_added = OR.is_match(m.as_str())
            && own.split_once(" + ").is_some_and(|(_, length)| find_length(length).is_some_and(|l| l.start == 0));
        if (has_retention(left) || added)
            && (RIGHT_HEAD.is_match(own) || soit || elided || phase || alternative_added)
            && !BARE_REMOVAL.is_match(own)
        {
            parts.push(left);
            start = m.end();
        }
    }
    parts.push(text.get(start..).unwrap_or(""));
    parts
}

/// Whether a separator adds the length after it to what goes before (`durée
/// du mandat + 1 an`, `… plus 5 ans`); `plus de 2 ans` bounds a length
/// instead, and never reaches here as a separator before a length.
fn adds_length(separator: &str) -> bool {
    let separator = separator.trim();
    separator == "+" || separator.eq_ignore_ascii_case("plus")
}

/// Whether a `plus` is half of `au plus` (`conservées au plus 3 ans`), an
/// upper bound rather than an added length.
fn bounds_with_plus(left: &str, separator: &str) -> bool {
    separator.trim().eq_ignore_ascii_case("plus")
        && left.split_whitespace().last().is_some_and(|word| word.eq_ignore_ascii_case("au"))
}

/// Whether a text ends on the lower end of a range (`entre 6 mois`), whose
/// `et` leads to the upper end rather than to another phase.
fn opens_range(text: &str) -> bool {
    let text = text.trim_end();
    LENGTH.find_iter(text).last().is_some_and(|l| {
        l.end() == text.len()
            && RANGE_FROM
                .find(text.get(..l.start()).unwrap_or(""))
                .is_some_and(|m| m.as_str().to_lowercase().starts_with("entre"))
    })
}

/// How a clause with retention of its own starts.
static RIGHT_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^\s*(?:le cas échéant,?\s*)?(?:jusqu|\d|(?:{NUMBER_WORDS})\s|pendant|durant|tant qu|(?:à|a) compter|(?:à|a) partir|après|illimit|conserv|supprim|purg|archiv|vers(?:ement|ée?s?)\s|sort final\s*:\s*(?:versement|conservation)|sans limit|sur demande|(?:à|a) la demande)"
    ))
});
/// A phase that only says the data are then removed (`6 mois puis
/// supprimées`): it ends the retention before it and adds no rule.
static BARE_REMOVAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:supprimée?s?|détruite?s?|effacée?s?|purgée?s?|suppression|destruction|effacement|purge)(?:\s+(?:définitivement|automatiquement))?\s*[.;]?\s*$",
    )
});
/// What parts alternatives: `ou`, `soit`, a slash set apart (`3 ans / 5 ans`).
static OR: LazyLock<Regex> = LazyLock::new(|| re(r"(?i),?\s+ou\s+|,?\s+soit\s+|\s+/\s+"));
/// The archivists' final fate opening a clause (`sort final : versement`).
static FINAL_FATE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*sort\s+final\b"));
static THEN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i),?\s+puis\s+|\s+\+\s+|\s+plus\s+|,?\s+et\s+|,?\s+(?:augmentée?s?|majorée?s?|prolongée?s?)\s+(?:de|d['’])\s*|\s+/\s+",
    )
});
/// The preposition before an event that opens a clause (`dès`, `à`, `au`).
static EVENT_PREPOSITION: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*(?:dès|à|a|au|aux|en)\s+"));
static LIST_SEP: LazyLock<Regex> = LazyLock::new(|| re(r"\s*;\s*•?\s*|\s*•\s*"));
static APPOSITION: LazyLock<Regex> = LazyLock::new(|| re(r",\s+(?:pendant|durant|tant qu)"));
/// `des données` after a governing word, naming all the record's data.
static OF_ALL_DATA: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*des\s+données\b\s*"));
static OF_LABEL: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*(?:(?:des|du|de la)\b|de l['’])\s*"));
static INLINE_SCOPE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(?:^|\s)([^:;•]{3,}?)\s*:\s*$"));
static SOIT_SCOPE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*pour\s+(?:les|le|la|l['’])\s*([^\d,]+?)\s+(?:au|jusqu|pendant|durant|\d)"));

/// Reads one statement into its rules. `applies_to` is the scope printed
/// before it, if any; inline scopes and grammatical subjects refine it.
pub fn parse_statement(text: &str, applies_to: Option<&str>) -> Vec<RetentionRule> {
    let text = collapse_whitespace(text);
    let label_bound = LABEL_BOUND
        .captures(&text)
        .and_then(|c| c.get(1))
        .map(|m| if m.as_str().to_lowercase().starts_with("max") { Bound::Max } else { Bound::Min });
    let mut scope = applies_to.map(str::to_string);
    let mut body = text.clone();
    let mut hedged = false;
    if let Some(m) = GOVERNING.find(&body).filter(|m| !names_a_state(m.as_str(), body.get(m.end()..).unwrap_or(""))) {
        body = body.get(m.end()..).unwrap_or("").to_string();
        // `Conservation des enregistrements vidéo : 30 jours`: the label is
        // what is kept, without the `des` that tied it to `Conservation`.
        if let Some(of) = OF_LABEL.find(&body)
            && let Some(colon) = body.find(':')
            && colon > of.end()
            && find_length(body.get(..colon).unwrap_or("")).is_none()
        {
            body = body.get(of.end()..).unwrap_or("").to_string();
        } else if let Some(generic) = OF_ALL_DATA.find(&body) {
            // `Conservation des données tant que …`: all the data, no label.
            body = body.get(generic.end()..).unwrap_or("").to_string();
        }
    } else if let Some(caps) = SUBJECT_VERB.captures(&body)
        && let (Some(subject), Some(whole)) = (caps.get(1), caps.get(0))
    {
        hedged = CONDITIONAL.is_match(subject.as_str());
        let rest = body.get(whole.end()..).unwrap_or("").to_string();
        let verb = body.get(subject.end()..whole.end()).unwrap_or("").to_string();
        // Data older than a length (`Les comptes inactifs depuis plus de
        // 2 ans sont supprimés`): the length is the statement's, what comes
        // before it the subject.
        let older = find_length(subject.as_str())
            .and_then(|l| OLDER_THAN.find(subject.as_str().get(..l.start).unwrap_or("")))
            .filter(|_| !has_retention(&rest));
        let named = older.map_or(subject.as_str(), |m| subject.as_str().get(..m.start()).unwrap_or(""));
        if scope.is_none() {
            scope = subject_scope(named);
        }
        if let Some(m) = older {
            body = format!("{} {verb}{rest}", subject.as_str().get(m.start()..).unwrap_or("").trim());
        } else {
            // Keep a removal verb: it marks an event ("supprimées au départ").
            let rest = if REMOVAL_EVENT.is_match(&format!("{verb}{rest}")) { format!("{verb}{rest}") } else { rest };
            // A length before the subject is the statement's (`Au-delà de
            // 3 ans, les données sont supprimées`).
            let lead = subject.as_str().rsplit_once(", ").map_or("", |(lead, _)| lead);
            body = if find_length(lead).is_some() {
                format!("{lead} {}", rest.trim_start())
            } else if REMOVAL_EVENT.is_match(&format!("{verb} {lead}")) && rest.trim().trim_end_matches('.').is_empty()
            {
                // So is an event before a bare removal (`Dès la fin de la
                // mission, les données sont supprimées`).
                format!("{verb} {lead}")
            } else {
                rest
            };
        }
    } else if scope.is_none()
        && let Some(subject) = PARTICIPLE_SUBJECT.captures(&body).and_then(|c| c.get(1))
        && subject.as_str().split_whitespace().count() <= MAX_ELIDED_SUBJECT_WORDS
        && !has_retention(subject.as_str())
    {
        // What a participle follows is what is kept (`Données de connexion
        // conservées 6 mois`).
        scope = subject_scope(subject.as_str());
    }
    let body = body.trim_start_matches([':', ' ']).to_string();

    let mut rules: Vec<RetentionRule> = Vec::new();
    let items = split_where_both_retain(&body, &LIST_SEP, false)
        .into_iter()
        .flat_map(split_before_lengths)
        .flat_map(split_before_caps);
    for item in items {
        let item = item.trim_start_matches(['•', ' ']);
        let (item_scope, item) = elided_scope(item, scope.as_ref());
        for (scope_here, scoped) in inline_scopes(item, item_scope.as_deref()) {
            let group_start = rules.len();
            let alternatives = split_where_both_retain(scoped, &OR, true);
            let shared_length = find_length(alternatives.first().copied().unwrap_or("")).map(|l| l.duration);
            for (k, alt) in alternatives.iter().enumerate() {
                let is_soit = k > 0 && soit_before(scoped, alt);
                let alternative_start = rules.len();
                // The last rule is an event a length is added to
                // (`Clôture du dossier + 5 ans`), which the length counts from.
                let mut event_added_to = false;
                for (p, phase) in split_where_both_retain(alt, &THEN, false).into_iter().enumerate() {
                    let (phase_scope, phase) =
                        if p > 0 { elided_scope(phase, scope_here.as_ref()) } else { (scope_here.clone(), phase) };
                    // A state a length is added to (`l'année en cours + 2 ans`).
                    let added_to = p == 0
                        && alt
                            .get(phase.len()..)
                            .is_some_and(|after| after.split_whitespace().next().is_some_and(adds_length));
                    for part in split_appositions(phase) {
                        let mut r = parse_clause(&text, part);
                        let counts_from_event =
                            std::mem::take(&mut event_added_to) && r.kind == Kind::Period && r.from.is_none();
                        if counts_from_event && let Some(event) = rules.pop() {
                            r.from = event.until;
                        }
                        if added_to && r.kind == Kind::Unspecified {
                            let named = WHILE_FRAMING.replace(part.trim(), "");
                            if NAMES_EVENT.is_match(&named) {
                                r.kind = Kind::UntilEvent;
                                r.until = trim_event(&named);
                                event_added_to = true;
                            } else {
                                r.kind = Kind::While;
                                r.while_ = trim_event(&named);
                            }
                        }
                        if r.kind == Kind::Unspecified && k > 0 && FROM_ANCHOR.is_match(part) {
                            // `3 ans à compter de A ou à compter de B`: the length is shared.
                            r.kind = Kind::Period;
                            r.duration = shared_length.clone();
                            r.from = FROM_ANCHOR.find(part).and_then(|m| trim_event(part.get(m.end()..).unwrap_or("")));
                        }
                        r.applies_to = match (&phase_scope, trailing_scope(part)) {
                            (Some(outer), Some(inner)) => Some(format!("{outer} : {inner}")),
                            (outer, inner) => inner.or_else(|| outer.clone()),
                        };
                        if is_soit {
                            if let Some(inner) = SOIT_SCOPE.captures(part).and_then(|c| c.get(1)) {
                                let inner = inner.as_str().trim().to_string();
                                r.applies_to = Some(match &phase_scope {
                                    Some(outer) => format!("{outer} : {inner}"),
                                    None => inner,
                                });
                            }
                        } else if k > 0 && rules.len() == alternative_start {
                            r.alternative_to = Some(group_start);
                        }
                        rules.push(r);
                    }
                }
            }
        }
    }
    if rules.is_empty() {
        let mut r = rule(&text);
        r.applies_to = scope;
        rules.push(r);
    }
    if let Some(bound) = label_bound {
        for r in rules.iter_mut().filter(|r| r.kind == Kind::Period && r.bound == Bound::Exact) {
            r.bound = bound;
        }
    }
    // A condition set before the statement's verb (`En cas de contentieux,
    // les données sont conservées …`) or as its label (`En l'absence de
    // contentieux : 1 an`, `1 an (si applicable)`) hedges its rules and
    // scopes nothing.
    for r in &mut rules {
        let condition_only = |scope: &str| CONDITIONAL.find(scope).is_some_and(|m| m.start() == 0);
        if r.applies_to.as_deref().is_some_and(condition_only) {
            r.applies_to = None;
            r.conditional = true;
        }
        r.conditional |= hedged;
    }
    rules
}

/// A label that bounds the lengths it introduces (`Durée maximale de
/// conservation :`, `Délai de conservation minimum :`).
static LABEL_BOUND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:durées?|délais?)\s+(?:de\s+conservation\s+)?(maximale?s?|maximum|minimale?s?|minimum)(?:\s+de\s+conservation)?\s*:",
    )
});

/// What says data are older than the length after it, ending where the
/// length starts (`depuis plus de`, `datant de plus de`).
static OLDER_THAN: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\s+(?:(?:datant|âgée?s?|vieux|vieilles?)\s+de\s+|depuis\s+|de\s+)plus\s+(?:de|d['’])\s*$")
});

/// Whether a bare `Durée` opens the state it names (`Durée de vie du
/// compte + 2 ans`) rather than governing a statement (`Durée : 5 ans`).
fn names_a_state(governing: &str, rest: &str) -> bool {
    governing.trim().eq_ignore_ascii_case("durée")
        && STATE_COMPLEMENT.is_match(rest)
        && find_length(rest).is_none_or(|l| l.start > 3)
}

static STATE_COMPLEMENT: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^(?:de|du|des|d['’])(?:\s|$)|^d['’]"));
static COMMA: LazyLock<Regex> = LazyLock::new(|| re(r",\s+"));
static TRAILING_SCOPE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*pour\s+(?:les|le|la|l['’])\s*([^,;.()]+?)\s*[.;,]?\s*$"));
static NOT_A_SCOPE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:durées?|périodes?|temps|délais?|besoins?|nécessités?|finalités?|traitements?)\b"));

/// Splits `12 mois après la fin du contrat, 5 ans pour la facturation` where
/// a comma is followed by a length of its own, or by a phase with its own
/// retention (`en base active pendant l'adhésion, en archivage 5 ans`).
fn split_before_lengths(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for m in COMMA.find_iter(text) {
        let (Some(left), Some(right)) = (text.get(start..m.start()), text.get(m.end()..)) else { continue };
        if opens_range(left) || bounds_with_plus(left, m.as_str()) {
            continue;
        }
        let phase = PHASE_OPENING.find(right).is_some_and(|p| has_retention(right.get(p.end()..).unwrap_or("")));
        // An item leaving out the verb (`…, les sauvegardes 1 mois`).
        let elided = elided_verb_item(right).is_some();
        if has_retention(left) && (phase || elided || find_length(right).is_some_and(|l| l.start == 0)) {
            parts.push(left);
            start = m.end();
        }
    }
    parts.push(text.get(start..).unwrap_or(""));
    parts
}

/// A cap on a length already given (`6 mois, dans la limite de 2 ans`,
/// `1 an renouvelable sans excéder 3 ans`), up to the capping length.
static CAP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i),?\s*\b(?:dans la limite (?:de|d['’])|sans (?:excéder|dépasser)|ne pouvant (?:excéder|dépasser)|n['’](?:excédant|dépassant) pas|ne (?:dépassant|excédant) pas)\s*",
    )
});

/// Splits a length from the cap after it (`1 an renouvelable dans la
/// limite de 3 ans`): the cap is a rule of its own, bounded above, where
/// it caps a length the words before it already give and itself opens
/// with a length.
fn split_before_caps(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for m in CAP.find_iter(text) {
        let (Some(left), Some(right)) = (text.get(start..m.start()), text.get(m.end()..)) else { continue };
        if find_length(left).is_some() && find_length(right).is_some_and(|l| l.start == 0) {
            parts.push(left);
            // The cap keeps its words: they bound its length.
            start = m.start()
                + text.get(m.start()..m.end()).map_or(0, |t| t.len() - t.trim_start_matches([',', ' ']).len());
        }
    }
    parts.push(text.get(start..).unwrap_or(""));
    parts
}

/// Most words of a subject whose verb a list item leaves out.
const MAX_ELIDED_SUBJECT_WORDS: usize = 5;

/// An article and words without figures or clause marks: a subject.
static ELIDED_SUBJECT: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^(?:les|le|la|l['’])\s*[^\d:;,()+]+$"));

/// A verb that makes words a clause rather than a subject (`Les vidéos
/// sont écrasées après`).
static FINITE_VERB: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:sont|est|seront|sera|doivent|doit|peuvent|peut|pourront|pourra)\b"));

/// A participle of keeping or removal anywhere in words (`Données de
/// connexion conservées`): a clause, not a subject.
static KEEPING_PARTICIPLE: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)\b(?:{PARTICIPLES})\b")));

/// A phase of keeping named as a subject (`l'archivage 5 ans`): no data.
static PHASE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)^(?:{PHASE_NAMES})\b")));

/// An item that leaves out the verb of the one before it (`Les logs sont
/// conservés 6 mois ; les sauvegardes 1 mois`, `… et les devis 3 ans`): a
/// subject (an article and a few words), then its own length. Returns the
/// subject and the retention after it.
fn elided_verb_item(item: &str) -> Option<(&str, &str)> {
    let length = find_length(item)?;
    let subject = item.get(..length.start)?.trim();
    let shaped = (ELIDED_SUBJECT.is_match(subject) || is_bare_plural_subject(subject))
        && !FINITE_VERB.is_match(subject)
        && !KEEPING_PARTICIPLE.is_match(subject)
        && subject.split_whitespace().count() <= MAX_ELIDED_SUBJECT_WORDS
        && !CONDITIONAL.is_match(subject)
        && !has_retention(subject);
    shaped.then(|| (subject, item.get(length.start..).unwrap_or("")))
}

/// A subject without its article: a plural noun opening it (data are named
/// in the plural: `données de compte`, `factures`), no figures or clause
/// marks.
static BARE_PLURAL_SUBJECT: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^(\p{L}{3,}[sx])\b[^\d:;,()+]*$"));

/// Words ending like a plural noun that open no subject.
static NOT_A_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:dans|sans|sous|vers|après|depuis|puis|plus|moins|alors|ainsi|hors|lors|très|tous|toutes|certains|certaines|plusieurs|divers|diverses|leurs|jamais|toujours|mois|ans|jours)$",
    )
});

/// Whether words are a subject without its article (see [`BARE_PLURAL_SUBJECT`]).
fn is_bare_plural_subject(subject: &str) -> bool {
    BARE_PLURAL_SUBJECT.captures(subject).and_then(|c| c.get(1)).is_some_and(|w| !NOT_A_NOUN.is_match(w.as_str()))
}

/// Whether an elided item's subject names data: words that qualify the
/// length (`la durée de …`) or a phase of keeping (`l'archivage`) do not.
fn elided_subject_names_data(subject: &str) -> bool {
    let bare = ARTICLE.replace(subject, "");
    !NOT_A_SCOPE.is_match(&bare) && !PHASE_SUBJECT.is_match(&bare)
}

/// The scope of an item whose verb is left out, and the retention it
/// holds: its own subject where that names data, else the outer scope and
/// the whole item.
fn elided_scope<'a>(item: &'a str, outer: Option<&String>) -> (Option<String>, &'a str) {
    match elided_verb_item(item) {
        Some((subject, rest)) if elided_subject_names_data(subject) => {
            (subject_scope(subject).or_else(|| outer.cloned()), rest)
        }
        _ => (outer.cloned(), item),
    }
}

/// The scope named after a length (`5 ans pour les données de facturation`,
/// `1 an (journaux de connexion)`).
fn trailing_scope(clause: &str) -> Option<String> {
    let length = find_length(clause)?;
    let after = clause.get(length.end..)?;
    let event = FROM_ANCHOR.find(after).and_then(|m| after.get(m.end()..));
    let after_event = || event.and_then(|event| EVENT_SCOPE.captures(event));
    let scope = TRAILING_SCOPE.captures(after).or_else(after_event).and_then(|c| c.get(1)).map(|m| m.as_str().trim());
    match scope {
        Some(scope) => (!scope.is_empty() && !NOT_A_SCOPE.is_match(scope)).then(|| scope.to_string()),
        None => parenthesized_scope(after).or_else(|| {
            let note = EVENT_NOTE.captures(event?)?.get(1)?.as_str().trim();
            note_names_data(note).then(|| note.to_string())
        }),
    }
}

/// Nouns that open a name of data (`données de contact`, `pièces
/// justificatives`).
static DATA_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:les\s+|des\s+)?(?:données|informations|pièces|documents|dossiers|images|vidéos|photos|photographies|enregistrements|journaux|logs|traces|fichiers|copies|coordonnées|relevés)\b",
    )
});

/// Whether a parenthesis closing an event names what the length keeps
/// (`3 ans après la fin de la relation (données de contact)`) rather than
/// saying more of the event (`dernière connexion (compte inactif)`): it
/// opens with a noun of data and names a scope as one after a length does
/// ([`parenthesized_scope`]).
fn note_names_data(note: &str) -> bool {
    DATA_NOUN.is_match(note) && parenthesized_scope(&format!("({note})")).is_some()
}

/// Most words a scope in parentheses after a length has.
const MAX_PAREN_SCOPE_WORDS: usize = 6;

/// A parenthesis right after a length (a bound between them), as
/// `1 an (journaux de connexion) ; 5 ans (comptes)` names what each length
/// keeps.
static PAREN_SCOPE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\s*(?:maximum|max\.?|minimum|min\.?|au plus|au maximum|au moins)?\s*\(([^()]+)\)\s*[.;,]?\s*$")
});
/// Words of a parenthesis that says why or by which rule the length holds
/// (`délai de prescription`, `art. L. 123-22 du code de commerce`) or how
/// it is counted (`renouvelable`, `glissants`), not what it keeps.
static RULE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:art\.?|articles?|code|loi|décret|arrêté|règlement|rgpd|cnil|délai|prescription|dua|durée|recommandation|référentiel|obligation|légale?|réglementaire|instruction|circulaire|cf\.?|voir|soit|environ|renouvelables?|glissante?s?|révolue?s?|calendaires?|ouvrée?s?|civile?s?|pleine?s?|maximum|minimum|max|min|indicati(?:f|ve)s?)\b",
    )
});

/// The scope a parenthesis after a length names: a few words, no figures,
/// no retention of their own, and neither a rule nor a phase of keeping
/// (`archives définitives`).
fn parenthesized_scope(after: &str) -> Option<String> {
    let inner = PAREN_SCOPE.captures(after)?.get(1)?.as_str().trim();
    let bare = ARTICLE.replace(inner, "");
    let names_data = !inner.is_empty()
        && inner.split_whitespace().count() <= MAX_PAREN_SCOPE_WORDS
        && !inner.contains(|c: char| c.is_ascii_digit() || c == ':')
        && !has_retention(inner)
        && !RULE_WORDS.is_match(inner)
        && !CONDITIONAL.is_match(inner)
        && !NOT_A_SCOPE.is_match(&bare)
        && !PHASE_SUBJECT.is_match(&bare)
        && !PERMANENT.is_match(inner);
    names_data.then(|| inner.to_string())
}

fn soit_before(whole: &str, part: &str) -> bool {
    let offset = part.as_ptr() as usize - whole.as_ptr() as usize;
    whole.get(..offset).is_some_and(|b| b.trim_end().to_lowercase().ends_with("soit"))
}

/// `tant qu'elles sont actives, pendant la période …`: two states.
fn split_appositions(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for m in APPOSITION.find_iter(text) {
        if let Some(left) = text.get(start..m.start())
            && has_retention(left)
        {
            parts.push(left);
            start = m.start() + 1;
        }
    }
    parts.push(text.get(start..).unwrap_or(""));
    parts
}

/// Splits `sur le portail A : 1 an Sur le portail B : 3 ans` into scoped parts.
fn inline_scopes<'a>(text: &'a str, outer: Option<&str>) -> Vec<(Option<String>, &'a str)> {
    let mut starts: Vec<(usize, usize, String)> = Vec::new();
    let mut search = 0;
    while let Some(colon) = text.get(search..).and_then(|t| t.find(':')).map(|c| c + search) {
        let after = text.get(colon + 1..).unwrap_or("");
        let next_retains = opens_with_retention(after.split(':').next().unwrap_or(""));
        if next_retains {
            let before = text.get(..colon + 1).unwrap_or("");
            let label_start = starts.last().map_or(0, |s| s.1);
            let region = before.get(label_start..).unwrap_or("");
            if let Some(c) = INLINE_SCOPE.captures(region).and_then(|c| c.get(1)) {
                let label = strip_to_label(c.as_str());
                let offset = c.as_str().find(&label).unwrap_or(0);
                starts.push((label_start + c.start() + offset, colon + 1, label));
            }
        }
        search = colon + 1;
    }
    let Some(first) = starts.first() else {
        return vec![(outer.map(str::to_string), text)];
    };
    let mut out = Vec::new();
    // Retention before the first label is the outer scope's own
    // (`12 mois après le contrat ; facturation : 10 ans`).
    if let Some(unscoped) = text.get(..first.0).filter(|t| has_retention(t)) {
        out.push((outer.map(str::to_string), unscoped));
    }
    for (i, (_, body_start, label)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(text.len(), |n| n.0);
        // A phase (`en base active : 2 ans ; archivage intermédiaire :
        // 8 ans`) is when the data is kept, not which: the outer scope holds.
        // Nor is a label naming the retention itself (`Durée d'utilité
        // administrative : 5 ans`).
        let keeps_outer = PHASE_LABEL.is_match(label) || RETENTION_LABEL.is_match(label);
        let scope = if keeps_outer { outer.map(str::to_string) } else { Some(label.clone()) };
        out.push((scope, text.get(*body_start..end).unwrap_or("")));
    }
    out
}

/// A label naming a phase of keeping rather than data: active base,
/// intermediate or final archiving.
static PHASE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)^(?:(?:en|dans la|puis)\s+)?(?:{PHASE_NAMES})$")));
/// A phase opening a clause (`en archivage intermédiaire 5 ans`).
static PHASE_OPENING: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)^\s*(?:en|dans la|puis)\s+(?:{PHASE_NAMES})\b")));
const PHASE_NAMES: &str = r"base\s+(?:active|d['’]archives?|de\s+production)|archivage(?:\s+(?:intermédiaire|définitif|électronique))?|archives?(?:\s+(?:intermédiaires?|définitives?|courantes?))?|conservation\s+(?:en\s+base\s+active|intermédiaire)";

/// A label naming the retention rather than data: its length, period or
/// keeping (`Durée de conservation`, `Délai`, `DUA`, the archivists'
/// `Sort final`).
/// Its qualifier alone is one too, once the statement's `Durée` has been
/// read (`Durée légale de conservation :` leaves `légale de conservation`),
/// as is a parenthesis alone, which restates that name
/// (`Durée d'utilité administrative (DUA) :` leaves `(DUA)`).
static RETENTION_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:(?:dur[ée]es?|d[ée]lais?|périodes?|conservation|rétention|dua|sort\s+final)\b|(?:légale?s?|réglementaires?|maximale?s?|minimale?s?)(?:\s+de\s+conservation)?$|\([^()]*\)$)",
    )
});

/// Whether a scope's text opens with its retention: a length, or a state,
/// an end or permanence (`Dossier administratif : durée de la carrière +
/// 5 ans`).
fn opens_with_retention(text: &str) -> bool {
    let near_start = |m: Option<regex::Match>| m.is_some_and(|m| m.start() <= 3);
    find_length(text).is_some_and(|l| l.start <= 3)
        || near_start(WHILE_ANCHOR.find(text))
        || near_start(UNTIL_ANCHOR.find(text))
        || near_start(PERMANENT.find(text))
}

/// A label's text without a leading bullet, number or length from a
/// previous scope (`1 an Sur le portail …` → `Sur le portail …`).
fn strip_to_label(text: &str) -> String {
    let mut t = text.trim();
    if let Some(l) = find_length(t)
        && l.start <= 1
    {
        t = t.get(l.end..).unwrap_or("").trim();
    }
    let t = t.trim_start_matches(|c: char| c == '•' || c == '-' || c.is_ascii_digit() || c == ')' || c == '.');
    // A label opening a parenthesis (`6 mois (vidéoprotection : 30 jours)`)
    // is named without it.
    let t = if t.contains(')') { t } else { t.trim_start_matches('(') };
    t.trim().to_string()
}

/// A label or subject naming the record's personal data as a whole
/// (`Informations d'ordre personnel`, `Les données à caractère personnel`):
/// it narrows nothing, so the statement applies to the whole record.
static ALL_PERSONAL_DATA: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^(?:les\s+)?(?:données|informations)(?:\s+(?:personnelles|d['’]ordre personnel|à caractère personnel))?$")
});

/// The label a statement is scoped to, unless it names all the record's data.
fn scope_label(label: Option<String>) -> Option<String> {
    label.filter(|l| !ALL_PERSONAL_DATA.is_match(l.trim()))
}

/// A demonstrative pronoun and the preposition after it (`ceux des`,
/// `celles de la`).
static DEMONSTRATIVE_OF: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:ceux|celles|celui|celle)\s+(?:(?:des|du|de la|de)\b|de l['’]|d['’])\s*"));

/// A negation ending a subject, before the verb or participle it denies.
static NEGATION_END: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(?:^|\s+)(?:non|ne|n['’])$"));

/// The scope a grammatical subject names, or `None` for generic subjects.
fn subject_scope(subject: &str) -> Option<String> {
    // A negation is no part of what it denies (`Données non conservées`,
    // `Les CV ne sont pas conservés`).
    let subject = NEGATION_END.replace(subject.trim(), "");
    let subject = subject.trim().trim_end_matches(',');
    // The subject is the last clause's (`Les CV retenus sont versés au
    // dossier ; ceux des candidats non retenus sont détruits …`).
    let subject = subject.rsplit([',', ';']).next().unwrap_or(subject).trim();
    // A pronoun standing for what it names after it (`ceux des candidats
    // non retenus`).
    let subject = DEMONSTRATIVE_OF.find(subject).map_or(subject, |m| subject.get(m.end()..).unwrap_or(subject));
    let lower = subject.to_lowercase();
    if lower.starts_with("ces ") || lower.starts_with("cette ") || lower.starts_with("ce ") {
        return None;
    }
    let bare = LEADING_ARTICLE_WORD.replace(&lower, "").to_string();
    if bare == "données" || bare.is_empty() {
        return None;
    }
    let stripped = ARTICLE.replace(subject, "").trim().to_string();
    scope_label((!stripped.is_empty()).then_some(stripped))
}

/// The byte offset just after the last of `chars` in `text` (0 when none).
fn after_last(text: &str, chars: &[char]) -> usize {
    text.char_indices().rfind(|(_, c)| chars.contains(c)).map_or(0, |(i, c)| i + c.len_utf8())
}

/// Words before a participle of keeping or removal, opening the statement
/// (`Données de connexion conservées 6 mois`): no figures or clause marks.
static PARTICIPLE_SUBJECT: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)^\s*([^\d:;,.()•]*[^\d\s:;,.()•])\s+(?:{PARTICIPLES})\b")));

/// Past participles of keeping or removal.
const PARTICIPLES: &str = "conservée?s?|archivée?s?|supprimée?s?|effacée?s?|purgée?s?|détruite?s?|anonymisée?s?|gardée?s?|stockée?s?|écrasée?s?";
/// The verb before such a participle (`sont`, `doivent être`), and an
/// adverb between them (`sont automatiquement supprimées`).
const AUXILIARY: &str = r"(?:sont|seront|est|sera|(?:doivent|doit|peuvent|peut|pourront|pourra)\s+(?:pas\s+)?être)\s+(?:pas\s+|plus\s+|jamais\s+)?(?:\w+ment\s+)?";
/// Where a statement starts: a governing word, a subject with a keeping or
/// removal verb, a capitalized `Jusqu'à` / `Pendant` / `Durant` / `Temps
/// d'`, or a bare length after a label or sentence start.
static STATEMENT_START: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:\b(?:Conservation|CONSERVATION|Rétention|RÉTENTION|(?i:dur[ée]e de (?:conservation|rétention)|d[ée]lai de conservation)|Durée d['’]utilité administrative|DUA|Durée|DURÉE|DUREE)\b|\bconservation\s*(?::|\d)|\bArchivage\s*:|\bJusqu['’]\s?(?:à|au|aux)\b|\b(?:Pendant|Durant) (?:la|le|toute)\b|\bTemps d['’]|\b(?P<verb>{AUXILIARY}(?:{PARTICIPLES}))\b|\b(?i:{PARTICIPLES})\s+(?:\d|(?i:{NUMBER_WORDS})\s|pendant\b|durant\b|jusqu|tant\b|après\b|au bout\b|au terme\b|à l['’]issue\b|dans un délai\b|dès\b|lors\b|au moment\b|à\b|au\b|aux\b))",
    ))
});
/// A past participle of keeping or removal that opens a statement with the
/// words before it (`Données conservées 1 mois`, `Conservées 3 mois`).
static PARTICIPLE: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)^(?:{PARTICIPLES})\s")));
/// A governing word right before a trigger (`Conservation Jusqu'à …`): one statement.
static GOVERNING_END: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:conservation|durée|durée de conservation|délai de conservation)\s*:?$"));
/// A bare length that opens a statement: after `:`, `.`, a label or the start.
static BARE_LENGTH: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[.:;]\s+|[a-zé]\s+)((?:\d+\s*|(?i:{NUMBER_WORDS})\s+)(?:ans?|années?|mois|jours?|semaines?|heures?)\b)"
    ))
});
/// A retention opening in lower case right after a colon.
static LABELLED_OPENING: LazyLock<Regex> =
    LazyLock::new(|| re(r":\s+((?:jusqu['’]\s?(?:à|au|aux)|durée|pendant|durant|tant qu|archivage|conservation)\b)"));
/// A preposition right before a bare length (`pendant 6 mois`).
static LENGTH_PREPOSITION: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:pendant|durant)\s+$"));
/// Words before a number that make it an age, a date or a frequency, or the
/// validity of something else (`Habilitation valable 1 an`), not a
/// retention.
static NOT_RETENTION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:il y a|depuis|âgée?s? de|moins de|plus de|tous les|toutes les|chaque|les|des|en|sur|de|d['’]|valables?|valides?)\s*$",
    )
});
/// A label naming the length of something else than keeping data (`Délai
/// de traitement de la demande :`, `Durée du stage :`): the length after it
/// is no retention.
static OTHER_LENGTH_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:délai|durée|période|fréquence|date|âge|validité)\s+(?:du|de la|de l['’]|des|de|d['’])\s*[^:;.]*:\s*$",
    )
});
static KEEPING_WORD: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)conserv|archiv|rétention|stockage|suppression|effacement|purge"));

/// Whether the text before a length, from its sentence's start, is a label
/// naming the length of something else than keeping data.
fn labels_other_length(before: &str) -> bool {
    let sentence = before.get(after_last(before, &['.', ';', '•'])..).unwrap_or("");
    OTHER_LENGTH_LABEL.is_match(sentence) && !KEEPING_WORD.is_match(sentence)
}

/// Words that open the next data label or statement: a statement's text stops before them.
static NEXT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\s(?:Informations|Données|Identifiant|Adresse|Nom|Prénom|Téléphone|Coordonnées|Logs|Nature|Usager|Utilisateur|Professionnel|Psychologue|Site|Application)\b",
    )
});
static SUBJECT_START: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:Les|Ces|Leurs|Une fois|La|Le|L['’])\b"));
/// A subject in lower case, opening a list's clause (`Actes ; les données
/// sont archivées …`).
static CLAUSE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| re(r"(?:^|[;:•])\s*((?:les|ces|leurs|la|le)\b|l['’])"));

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
            if head.split_whitespace().count() <= 6 {
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
            match subject {
                Some(s) => s,
                None => continue,
            }
        } else {
            m.start()
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
            let before = text.get(..m.start()).unwrap_or("");
            let trimmed = before.trim_end();
            let after_mark = trimmed.is_empty() || trimmed.ends_with(['.', ':', ';']);
            let after_heading = label_before(&text, m.start(), 0).is_some();
            if (after_mark || after_heading) && !NOT_RETENTION_BEFORE.is_match(before) && !labels_other_length(before) {
                // The preposition that governs the length opens the
                // statement, not the label (`Journalisation des accès
                // pendant 6 mois`).
                starts.push(LENGTH_PREPOSITION.find(before).map_or(m.start(), |p| p.start()));
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
        let body = body.trim().trim_end_matches([';', ' ']).trim();
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

/// Where a statement starting at `start` ends: at a sentence end, at a `;`
/// not followed by another clause of it, at the next data label, or at `limit`.
fn statement_end(text: &str, start: usize, limit: usize) -> usize {
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
    for m in NEXT_LABEL.find_iter(head) {
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
fn label_before(text: &str, start: usize, previous_end: usize) -> Option<String> {
    let before = text.get(..start).unwrap_or("").trim_end();
    let boundary = after_last(before, &['.', ';', '•']).max(previous_end.min(before.len()));
    let segment = before.get(boundary..).unwrap_or("").trim();
    if let Some(label) = segment.strip_suffix(':') {
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
fn last_heading(label: &str) -> String {
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

/// Finds and normalizes the retention statements of a record: the
/// retention column when the register has one, and retention sentences in
/// every other cell but the title and purposes.
pub fn rules_of_record(cells: &Cells, record: &str) -> (Vec<RetentionRule>, Vec<Diagnostic>) {
    let mut rules = Vec::new();
    let mut diagnostics = Vec::new();
    for (field, text) in &cells.0 {
        if field == "title" || field == "purposes" || field == "number" {
            continue;
        }
        let statements = if field == "retention_period" && !text.trim().is_empty() {
            let found = find_statements(text);
            if found.is_empty() { vec![Statement { text: collapse_whitespace(text), applies_to: None }] } else { found }
        } else {
            find_statements(text)
        };
        for statement in statements {
            let parsed = parse_statement(&statement.text, statement.applies_to.as_deref());
            if parsed.iter().all(|r| r.kind == Kind::Unspecified) {
                diagnostics.push(
                    Diagnostic::warning(
                        "retention.unparsed",
                        format!("retention statement not understood: {}", statement.text),
                    )
                    .for_record(record),
                );
            }
            rules.extend(parsed);
        }
    }
    (rules, diagnostics)
}

/// The JSON `registre retention` prints: for each phrase, its text and rules.
pub fn phrases_json(phrases: &[String]) -> String {
    #[derive(Serialize)]
    struct Phrase {
        text: String,
        rules: Vec<RetentionRule>,
    }
    let items: Vec<Phrase> =
        phrases.iter().map(|p| Phrase { text: collapse_whitespace(p), rules: parse_statement(p, None) }).collect();
    let mut json = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_string());
    json.push('\n');
    json
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (phrase, [(kind, duration, bound, from, until, while, conditional, alternative_to)])
    type Expected<'a> =
        (Kind, Option<&'a str>, Bound, Option<&'a str>, Option<&'a str>, Option<&'a str>, bool, Option<usize>);

    fn check(phrase: &str, expected: &[Expected]) {
        let rules = parse_statement(phrase, None);
        let got: Vec<Expected> = rules
            .iter()
            .map(|r| {
                (
                    r.kind,
                    r.duration.as_deref(),
                    r.bound,
                    r.from.as_deref(),
                    r.until.as_deref(),
                    r.while_.as_deref(),
                    r.conditional,
                    r.alternative_to,
                )
            })
            .collect();
        assert_eq!(got, expected, "{phrase}");
        assert!(rules.iter().all(|r| r.text == collapse_whitespace(phrase)));
    }

    use Bound::{Exact, Max, Min};
    use Kind::{Period, Permanent, Unspecified, UntilEvent, While};

    #[test]
    fn periods_units_numbers_and_bounds() {
        let cases: &[(&str, &[Expected])] = &[
            ("Conservation : 1 an.", &[(Period, Some("P1Y"), Exact, None, None, None, false, None)]),
            ("Durée : 3 ans max", &[(Period, Some("P3Y"), Max, None, None, None, false, None)]),
            ("Durée : 10 ans maximum", &[(Period, Some("P10Y"), Max, None, None, None, false, None)]),
            ("Conservation 10 ans minimum", &[(Period, Some("P10Y"), Min, None, None, None, false, None)]),
            ("au moins 5 ans", &[(Period, Some("P5Y"), Min, None, None, None, false, None)]),
            ("Conservation : 3 ans min", &[(Period, Some("P3Y"), Min, None, None, None, false, None)]),
            ("Conservation : deux mois", &[(Period, Some("P2M"), Exact, None, None, None, false, None)]),
            ("Conservation : six (6) mois", &[(Period, Some("P6M"), Exact, None, None, None, false, None)]),
            ("Conservation : un an et demi", &[(Period, Some("P18M"), Exact, None, None, None, false, None)]),
            ("Conservation : 1 an ½", &[(Period, Some("P18M"), Exact, None, None, None, false, None)]),
            ("Conservation : 2 ½ ans", &[(Period, Some("P30M"), Exact, None, None, None, false, None)]),
            ("Suppression sous huitaine", &[(Period, Some("P8D"), Max, None, None, None, false, None)]),
            ("Réponse sous quinzaine", &[(Period, Some("P15D"), Max, None, None, None, false, None)]),
            ("Conservation : une quinzaine de jours", &[(Period, Some("P15D"), Exact, None, None, None, false, None)]),
            // `moins de` bounds the keeping where it follows a label, a
            // participle of keeping or a preposition of time …
            ("Données conservées moins de 3 ans", &[(Period, Some("P3Y"), Max, None, None, None, false, None)]),
            ("Durée : moins de 6 mois", &[(Period, Some("P6M"), Max, None, None, None, false, None)]),
            ("Conservation : moins d'un an", &[(Period, Some("P1Y"), Max, None, None, None, false, None)]),
            ("Conservation : 1 an et 6 mois", &[(Period, Some("P1Y6M"), Exact, None, None, None, false, None)]),
            // A smaller unit after `et` joins the length; a quarter and a
            // half-year are said in months.
            ("Conservation : 1 mois et 15 jours", &[(Period, Some("P1M15D"), Exact, None, None, None, false, None)]),
            ("Conservation : 2 ans et 3 jours", &[(Period, Some("P2Y3D"), Exact, None, None, None, false, None)]),
            ("Conservation : 1 jour et 12 heures", &[(Period, Some("P1DT12H"), Exact, None, None, None, false, None)]),
            ("Conservation : 3 mois et 2 semaines", &[(Period, Some("P3M14D"), Exact, None, None, None, false, None)]),
            ("Conservation : 1 an et une semaine", &[(Period, Some("P1Y7D"), Exact, None, None, None, false, None)]),
            ("Conservation : 2 semaines et 3 jours", &[(Period, Some("P17D"), Exact, None, None, None, false, None)]),
            // Counts beyond any real length saturate rather than overflow.
            (
                "Conservation : cent cent cent cent cent ans",
                &[(Period, Some("P4294967295Y"), Exact, None, None, None, false, None)],
            ),
            (
                "Conservation : 4294967295 semestres",
                &[(Period, Some("P4294967295M"), Exact, None, None, None, false, None)],
            ),
            ("Conservation : 1 trimestre", &[(Period, Some("P3M"), Exact, None, None, None, false, None)]),
            ("Conservation : un semestre", &[(Period, Some("P6M"), Exact, None, None, None, false, None)]),
            ("Conservation : dix-huit mois", &[(Period, Some("P18M"), Exact, None, None, None, false, None)]),
            ("Conservation : vingt-quatre mois", &[(Period, Some("P24M"), Exact, None, None, None, false, None)]),
            ("Conservation : quatre-vingts jours", &[(Period, Some("P80D"), Exact, None, None, None, false, None)]),
            ("Conservation : 3ans", &[(Period, Some("P3Y"), Exact, None, None, None, false, None)]),
            ("Conservation : 2 semaines", &[(Period, Some("P2W"), Exact, None, None, None, false, None)]),
            ("Conservation : 72 heures", &[(Period, Some("PT72H"), Exact, None, None, None, false, None)]),
            ("Conservation : 93 jours", &[(Period, Some("P93D"), Exact, None, None, None, false, None)]),
            ("Conservation : 5 années", &[(Period, Some("P5Y"), Exact, None, None, None, false, None)]),
            ("dans la limite de 6 mois", &[(Period, Some("P6M"), Max, None, None, None, false, None)]),
            // A cap after a length is a rule of its own, bounded above; a
            // cap without a length bounds nothing.
            (
                "Conservation : 1 an renouvelable dans la limite de 3 ans",
                &[
                    (Period, Some("P1Y"), Exact, None, None, None, false, None),
                    (Period, Some("P3Y"), Max, None, None, None, false, None),
                ],
            ),
            (
                "Les données sont conservées 6 mois renouvelables sans excéder 2 ans",
                &[
                    (Period, Some("P6M"), Exact, None, None, None, false, None),
                    (Period, Some("P2Y"), Max, None, None, None, false, None),
                ],
            ),
            (
                "Conservation : 1 an, ne pouvant excéder 5 ans",
                &[
                    (Period, Some("P1Y"), Exact, None, None, None, false, None),
                    (Period, Some("P5Y"), Max, None, None, None, false, None),
                ],
            ),
            (
                "Conservation : 3 ans dans la limite de la durée du contrat",
                &[(Period, Some("P3Y"), Exact, None, None, None, false, None)],
            ),
            ("durée n'excédant pas 2 ans", &[(Period, Some("P2Y"), Max, None, None, None, false, None)]),
            // A range's upper end bounds it.
            ("Entre 1 et 3 ans selon les cas", &[(Period, Some("P3Y"), Max, None, None, None, false, None)]),
            ("de 6 à 12 mois", &[(Period, Some("P12M"), Max, None, None, None, false, None)]),
            ("Conservation : 1 à 3 ans selon les cas", &[(Period, Some("P3Y"), Max, None, None, None, false, None)]),
            ("Conservation : entre 6 mois et 1 an", &[(Period, Some("P1Y"), Max, None, None, None, false, None)]),
            (
                "de 6 mois à 1 an après la fin du contrat",
                &[(Period, Some("P1Y"), Max, Some("fin du contrat"), None, None, false, None)],
            ),
            // Two lengths joined by `et` without `entre` are two phases.
            (
                "Conservation : 2 ans et 3 ans",
                &[
                    (Period, Some("P2Y"), Exact, None, None, None, false, None),
                    (Period, Some("P3Y"), Exact, None, None, None, false, None),
                ],
            ),
            (
                "Conservation définitive (archives publiques)",
                &[(Permanent, None, Exact, None, None, None, false, None)],
            ),
            ("Conservation limitée à 13 mois", &[(Period, Some("P13M"), Max, None, None, None, false, None)]),
            (
                "Les données sont supprimées dans un délai de 2 ans",
                &[(Period, Some("P2Y"), Max, None, None, None, false, None)],
            ),
            ("Suppression sous 30 jours", &[(Period, Some("P30D"), Max, None, None, None, false, None)]),
            ("Conservation : 72h", &[(Period, Some("PT72H"), Exact, None, None, None, false, None)]),
            ("Conservation : 48 H", &[(Period, Some("PT48H"), Exact, None, None, None, false, None)]),
            ("Conservation : 90j", &[(Period, Some("P90D"), Exact, None, None, None, false, None)]),
            ("Conservation : 15 jrs", &[(Period, Some("P15D"), Exact, None, None, None, false, None)]),
            ("Conservation : 3 (trois) ans", &[(Period, Some("P3Y"), Exact, None, None, None, false, None)]),
            ("Conservation : 1,5 an", &[(Period, Some("P18M"), Exact, None, None, None, false, None)]),
            // The archivists' notation: years after the year of the event.
            ("Conservation : N+5", &[(Period, Some("P5Y"), Exact, None, None, None, false, None)]),
            ("DUA : année N + 10", &[(Period, Some("P10Y"), Exact, None, None, None, false, None)]),
            ("Durée : A+2 ans", &[(Period, Some("P2Y"), Exact, None, None, None, false, None)]),
            ("Conservation : 2.5 ans", &[(Period, Some("P30M"), Exact, None, None, None, false, None)]),
            ("Conservation : 1,5 mois", &[(Period, Some("P45D"), Exact, None, None, None, false, None)]),
            (
                "Conservation pour une durée maximale de 3 ans",
                &[(Period, Some("P3Y"), Max, None, None, None, false, None)],
            ),
            ("Durée minimale de 5 ans", &[(Period, Some("P5Y"), Min, None, None, None, false, None)]),
            ("Durée maximale de conservation : 5 ans", &[(Period, Some("P5Y"), Max, None, None, None, false, None)]),
            ("Délai minimum de conservation : 2 ans", &[(Period, Some("P2Y"), Min, None, None, None, false, None)]),
            (
                "Conservation : au plus tard 1 an après le départ de l'agent",
                &[(Period, Some("P1Y"), Max, Some("départ de l'agent"), None, None, false, None)],
            ),
            (
                "Au-delà de 3 ans, les données sont supprimées",
                &[(Period, Some("P3Y"), Max, None, None, None, false, None)],
            ),
            (
                "Durée : Suppression régulière des données de plus de 2 ans",
                &[(Period, Some("P2Y"), Max, None, None, None, false, None)],
            ),
        ];
        for (phrase, expected) in cases {
            check(phrase, expected);
        }
    }

    #[test]
    fn starting_events() {
        let cases: &[(&str, &[Expected])] = &[
            (
                "Durée de conservation : 1 an à compter de la date d'inscription renouvelable tacitement",
                &[(Period, Some("P1Y"), Exact, Some("date d'inscription"), None, None, false, None)],
            ),
            // An event ends with its list item.
            (
                "DUA : 10 ans à compter de la clôture ; sort final : destruction.",
                &[(Period, Some("P10Y"), Exact, Some("clôture"), None, None, false, None)],
            ),
            // A hedge set apart after the event qualifies the rule; it ends
            // the event unless it gives the event itself.
            (
                "Conservation : 3 mois après la clôture du dossier, le cas échéant prolongée en cas de contentieux.",
                &[(Period, Some("P3M"), Exact, Some("clôture du dossier"), None, None, true, None)],
            ),
            (
                "Conservation : 1 an, le cas échéant à compter de la fin du contrat.",
                &[(Period, Some("P1Y"), Exact, Some("fin du contrat"), None, None, true, None)],
            ),
            // A parenthesis closing the event names a bound or a phase.
            (
                "3 mois à compter de leur enregistrement (durée maximale)",
                &[(Period, Some("P3M"), Max, Some("leur enregistrement"), None, None, false, None)],
            ),
            (
                "Conservation : 5 ans à compter du départ de l'agent (archives intermédiaires), puis suppression",
                &[(Period, Some("P5Y"), Exact, Some("départ de l'agent"), None, None, false, None)],
            ),
            (
                "Conservation : 1 an à compter de la réunion (comité de pilotage)",
                &[(Period, Some("P1Y"), Exact, Some("réunion (comité de pilotage)"), None, None, false, None)],
            ),
            // Data older than a length are purged: kept that long at most.
            (
                "Les comptes inactifs depuis plus de 2 ans sont supprimés",
                &[(Period, Some("P2Y"), Max, None, None, None, false, None)],
            ),
            (
                "Les dossiers datant de plus de 5 ans sont détruits",
                &[(Period, Some("P5Y"), Max, None, None, None, false, None)],
            ),
            (
                "Conservation : 30 jours après la fin de l'événement au maximum",
                &[(Period, Some("P30D"), Max, Some("fin de l'événement"), None, None, false, None)],
            ),
            (
                "Conservation : 6 mois après la fin de la période d'essai au plus tard",
                &[(Period, Some("P6M"), Max, Some("fin de la période d'essai"), None, None, false, None)],
            ),
            (
                "Conservation : 6 mois au plus tard après la clôture",
                &[(Period, Some("P6M"), Max, Some("clôture"), None, None, false, None)],
            ),
            (
                "Conservation : 1 an à compter de leur collecte, renouvelable",
                &[(Period, Some("P1Y"), Exact, Some("leur collecte"), None, None, false, None)],
            ),
            (
                "Conservation : 5 ans à compter de la fin du contrat en cas de départ anticipé",
                &[(Period, Some("P5Y"), Exact, Some("fin du contrat"), None, None, true, None)],
            ),
            (
                "Les CV sont détruits 2 ans après leur réception en l'absence de recrutement",
                &[(Period, Some("P2Y"), Exact, Some("leur réception"), None, None, true, None)],
            ),
            (
                "Conservation : 2 ans après la dernière connexion, sauf demande de suppression",
                &[(Period, Some("P2Y"), Exact, Some("dernière connexion"), None, None, true, None)],
            ),
            // A condition before the verb, as a label, in parentheses, or
            // opening with `si` or `à défaut`, hedges and scopes nothing.
            (
                "En cas de contentieux, les données sont conservées jusqu'à la fin de la procédure",
                &[(UntilEvent, None, Exact, None, Some("fin de la procédure"), None, true, None)],
            ),
            ("En l'absence de contentieux : 1 an", &[(Period, Some("P1Y"), Exact, None, None, None, true, None)]),
            ("1 an (si applicable)", &[(Period, Some("P1Y"), Exact, None, None, None, true, None)]),
            ("Si le candidat l'accepte, 2 ans", &[(Period, Some("P2Y"), Exact, None, None, None, true, None)]),
            ("À défaut, 3 ans", &[(Period, Some("P3Y"), Exact, None, None, None, true, None)]),
            (
                "3 ans à compter de la date de saisine",
                &[(Period, Some("P3Y"), Exact, Some("date de saisine"), None, None, false, None)],
            ),
            (
                "Conservation : 5 ans après la clôture de l'exercice (article L.123-22 du code de commerce)",
                &[(Period, Some("P5Y"), Exact, Some("clôture de l'exercice"), None, None, false, None)],
            ),
            (
                "Conservation : le cas échéant jusqu'à 3 ans après le téléchargement de l'application.",
                &[(Period, Some("P3Y"), Max, Some("téléchargement de l'application"), None, None, true, None)],
            ),
            (
                "Conservation : 1 an à compter de la réalisation du questionnaire.",
                &[(Period, Some("P1Y"), Exact, Some("réalisation du questionnaire"), None, None, false, None)],
            ),
            (
                "Conservation le cas échéant 1 an à compte de la dernière utilisation du compte",
                &[(Period, Some("P1Y"), Exact, Some("dernière utilisation du compte"), None, None, true, None)],
            ),
            (
                "Conservées 1 an au-delà de la fin du contrat",
                &[(Period, Some("P1Y"), Exact, Some("fin du contrat"), None, None, false, None)],
            ),
            (
                "Conservation : 3 ans (à compter de la fin du contrat)",
                &[(Period, Some("P3Y"), Exact, Some("fin du contrat"), None, None, false, None)],
            ),
            ("Conservées 6 mois puis supprimées", &[(Period, Some("P6M"), Exact, None, None, None, false, None)]),
            (
                "Données conservées 1 an, puis supprimées définitivement.",
                &[(Period, Some("P1Y"), Exact, None, None, None, false, None)],
            ),
            (
                "3 ans à compter du dernier contact, puis suppression",
                &[(Period, Some("P3Y"), Exact, Some("dernier contact"), None, None, false, None)],
            ),
            (
                "Conservation 2 ans à partir du dépôt du dossier",
                &[(Period, Some("P2Y"), Exact, Some("dépôt du dossier"), None, None, false, None)],
            ),
            (
                "Conservation 5 ans à l'issue de la relation contractuelle",
                &[(Period, Some("P5Y"), Exact, Some("relation contractuelle"), None, None, false, None)],
            ),
            (
                "Durée : 6 mois suivant la clôture du dossier",
                &[(Period, Some("P6M"), Exact, Some("clôture du dossier"), None, None, false, None)],
            ),
            (
                "Conservation : 1 an glissant à partir de la date de collecte",
                &[(Period, Some("P1Y"), Exact, Some("date de collecte"), None, None, false, None)],
            ),
            (
                "5 ans pleins maximum après la clôture de l'exercice",
                &[(Period, Some("P5Y"), Max, Some("clôture de l'exercice"), None, None, false, None)],
            ),
            (
                "Les candidatures non retenues sont conservées 2 ans, sauf opposition du candidat",
                &[(Period, Some("P2Y"), Exact, None, None, None, true, None)],
            ),
            (
                "1 mois après la fin de l'événement, ou 1 an en cas de litige",
                &[
                    (Period, Some("P1M"), Exact, Some("fin de l'événement"), None, None, false, None),
                    (Period, Some("P1Y"), Exact, None, None, None, true, Some(0)),
                ],
            ),
        ];
        for (phrase, expected) in cases {
            check(phrase, expected);
        }
    }

    #[test]
    fn events_states_and_permanence() {
        let cases: &[(&str, &[Expected])] = &[
            // A length added to what goes before makes that a state.
            (
                "Conservation : l'année en cours + 2 ans",
                &[
                    (While, None, Exact, None, None, Some("année en cours"), false, None),
                    (Period, Some("P2Y"), Exact, None, None, None, false, None),
                ],
            ),
            (
                "Les données sont conservées de manière permanente",
                &[(Permanent, None, Exact, None, None, None, false, None)],
            ),
            ("Conservation à titre permanent", &[(Permanent, None, Exact, None, None, None, false, None)]),
            (
                "Conservation permanente (archives publiques)",
                &[(Permanent, None, Exact, None, None, None, false, None)],
            ),
            ("Données conservées sans limite", &[(Permanent, None, Exact, None, None, None, false, None)]),
            ("Sans durée limite", &[(Permanent, None, Exact, None, None, None, false, None)]),
            (
                "Jusqu’au départ de l’agent",
                &[(UntilEvent, None, Exact, None, Some("départ de l’agent"), None, false, None)],
            ),
            (
                "Les données sont supprimées au départ de l’agent",
                &[(UntilEvent, None, Exact, None, Some("départ de l’agent"), None, false, None)],
            ),
            (
                "Destruction des dossiers à la clôture de l'exercice",
                &[(UntilEvent, None, Exact, None, Some("clôture de l'exercice"), None, false, None)],
            ),
            (
                "Suppression des données à l’issue de la procédure",
                &[(UntilEvent, None, Exact, None, Some("issue de la procédure"), None, false, None)],
            ),
            // Articles and prepositions before an event are whole words:
            // an event opening with their letters keeps them (`lecture`,
            // `lancement`, `aux`).
            (
                "Données supprimées après lecture du message",
                &[(UntilEvent, None, Exact, None, Some("lecture du message"), None, false, None)],
            ),
            (
                "3 ans à compter de lancement du projet",
                &[(Period, Some("P3Y"), Exact, Some("lancement du projet"), None, None, false, None)],
            ),
            (
                "Conservation limitée aux besoins du service",
                &[(While, None, Exact, None, None, Some("besoins du service"), false, None)],
            ),
            (
                "Suppression aux 18 ans de l'enfant",
                &[(UntilEvent, None, Exact, None, Some("18 ans de l'enfant"), None, false, None)],
            ),
            // An age reached ends the keeping: it is no length.
            ("Jusqu'à l'âge de 18 ans", &[(UntilEvent, None, Exact, None, Some("âge de 18 ans"), None, false, None)]),
            (
                "Conservation jusqu’aux 18 ans de l’enfant",
                &[(UntilEvent, None, Exact, None, Some("18 ans de l’enfant"), None, false, None)],
            ),
            (
                "Jusqu'à ce que l'enfant atteigne 16 ans",
                &[(UntilEvent, None, Exact, None, Some("enfant atteigne 16 ans"), None, false, None)],
            ),
            ("Jusqu'à ses 26 ans", &[(UntilEvent, None, Exact, None, Some("ses 26 ans"), None, false, None)]),
            (
                "Jusqu'à 80 ans de l'agent",
                &[(UntilEvent, None, Exact, None, Some("80 ans de l'agent"), None, false, None)],
            ),
            ("Jusqu'à 5 ans de la date de clôture", &[(Period, Some("P5Y"), Max, None, None, None, false, None)]),
            (
                "Jusqu'aux élections suivantes",
                &[(UntilEvent, None, Exact, None, Some("élections suivantes"), None, false, None)],
            ),
            // An event a length is added to is where it counts from; a
            // state is kept while it lasts, then the length.
            (
                "Date de fin de prise en charge + 20 ans",
                &[(Period, Some("P20Y"), Exact, Some("Date de fin de prise en charge"), None, None, false, None)],
            ),
            (
                "Clôture du dossier + 5 ans",
                &[(Period, Some("P5Y"), Exact, Some("Clôture du dossier"), None, None, false, None)],
            ),
            // `plus` before a length adds it as `+` does; `au plus` bounds it.
            (
                "Conservation : durée d'activité de l'agent plus 5 ans.",
                &[
                    (While, None, Exact, None, None, Some("activité de l'agent"), false, None),
                    (Period, Some("P5Y"), Exact, None, None, None, false, None),
                ],
            ),
            (
                "Clôture du dossier plus 5 ans",
                &[(Period, Some("P5Y"), Exact, Some("Clôture du dossier"), None, None, false, None)],
            ),
            ("Conservées au plus 3 ans.", &[(Period, Some("P3Y"), Max, None, None, None, false, None)]),
            (
                "Durée du mandat + 1 an",
                &[
                    (While, None, Exact, None, None, Some("mandat"), false, None),
                    (Period, Some("P1Y"), Exact, None, None, None, false, None),
                ],
            ),
            // Alternatives each adding a length to their own event or state.
            (
                "Année en cours + 2 ans ou fin du contrat + 1 an",
                &[
                    (While, None, Exact, None, None, Some("Année en cours"), false, None),
                    (Period, Some("P2Y"), Exact, None, None, None, false, None),
                    (Period, Some("P1Y"), Exact, Some("fin du contrat"), None, None, false, Some(0)),
                ],
            ),
            // A slash before the final fate parts phases.
            (
                "DUA : 10 ans / sort final : versement",
                &[
                    (Period, Some("P10Y"), Exact, None, None, None, false, None),
                    (Permanent, None, Exact, None, None, None, false, None),
                ],
            ),
            // A year in the archivists' notation after `jusqu'à` is a date.
            (
                "Jusqu'au 31/12 de l'année N+1",
                &[(UntilEvent, None, Exact, None, Some("31/12 de l'année N+1"), None, false, None)],
            ),
            // A length after `jusqu'à` is still a length.
            ("Jusqu'à 3 ans", &[(Period, Some("P3Y"), Max, None, None, None, false, None)]),
            ("Une durée inférieure à 3 ans", &[(Period, Some("P3Y"), Max, None, None, None, false, None)]),
            ("3 ans tout au plus", &[(Period, Some("P3Y"), Max, None, None, None, false, None)]),
            ("Dans un délai d'un mois", &[(Period, Some("P1M"), Max, None, None, None, false, None)]),
            ("La conservation ne peut excéder 3 ans", &[(Period, Some("P3Y"), Max, None, None, None, false, None)]),
            (
                "3 ans (durée maximale) à compter de la collecte",
                &[(Period, Some("P3Y"), Max, Some("collecte"), None, None, false, None)],
            ),
            // The ending event alone, with no length, is kept until.
            (
                "Dès la clôture du dossier",
                &[(UntilEvent, None, Exact, None, Some("clôture du dossier"), None, false, None)],
            ),
            ("Au terme du contrat", &[(UntilEvent, None, Exact, None, Some("terme du contrat"), None, false, None)]),
            (
                "À l'issue de la mission",
                &[(UntilEvent, None, Exact, None, Some("issue de la mission"), None, false, None)],
            ),
            // A starting event alone says no end.
            ("À compter de la clôture du dossier", &[(Unspecified, None, Exact, None, None, None, false, None)]),
            (
                "Effacement au départ de l’agent",
                &[(UntilEvent, None, Exact, None, Some("départ de l’agent"), None, false, None)],
            ),
            (
                "Suppression des comptes inactifs au bout de 2 ans",
                &[(Period, Some("P2Y"), Exact, None, None, None, false, None)],
            ),
            (
                "Durée : tant que l’agent exerce sa mission",
                &[(While, None, Exact, None, None, Some("agent exerce sa mission"), false, None)],
            ),
            (
                "Pendant la durée d'utilisation du téléphone",
                &[(While, None, Exact, None, None, Some("utilisation du téléphone"), false, None)],
            ),
            (
                "Durée limitée à l’utilisation de l’application",
                &[(While, None, Exact, None, None, Some("utilisation de l’application"), false, None)],
            ),
            (
                "Temps d'usage des espaces collaboratifs",
                &[(While, None, Exact, None, None, Some("usage des espaces collaboratifs"), false, None)],
            ),
            ("Temps de l'enquête", &[(While, None, Exact, None, None, Some("enquête"), false, None)]),
            ("Temps de la mission", &[(While, None, Exact, None, None, Some("mission"), false, None)]),
            (
                "Supprimées après la clôture du dossier",
                &[(UntilEvent, None, Exact, None, Some("clôture du dossier"), None, false, None)],
            ),
            (
                "Immédiatement supprimées après envoi",
                &[(UntilEvent, None, Exact, None, Some("envoi"), None, false, None)],
            ),
            (
                "Supprimées 3 mois après la clôture du dossier",
                &[(Period, Some("P3M"), Exact, Some("clôture du dossier"), None, None, false, None)],
            ),
            (
                "Durée : le temps de la durée de l'enquête et de son traitement pour restitution, à la charge du responsable d'enquête",
                &[(While, None, Exact, None, None, Some("enquête et de son traitement pour restitution"), false, None)],
            ),
            ("Conservation illimitée", &[(Permanent, None, Exact, None, None, None, false, None)]),
            (
                "Les données sont conservées pendant toute la durée du contrat",
                &[(While, None, Exact, None, None, Some("contrat"), false, None)],
            ),
            ("Archivage définitif", &[(Permanent, None, Exact, None, None, None, false, None)]),
            ("Archivage pérenne", &[(Permanent, None, Exact, None, None, None, false, None)]),
            (
                "DUA : 3 ans ; sort final : versement aux Archives départementales.",
                &[
                    (Period, Some("P3Y"), Exact, None, None, None, false, None),
                    (Permanent, None, Exact, None, None, None, false, None),
                ],
            ),
            (
                "Conservation : 10 ans puis versement aux archives intermédiaires",
                &[
                    (Period, Some("P10Y"), Exact, None, None, None, false, None),
                    (Unspecified, None, Exact, None, None, None, false, None),
                ],
            ),
            (
                "Conservation : 5 ans puis versement aux archives départementales",
                &[
                    (Period, Some("P5Y"), Exact, None, None, None, false, None),
                    (Permanent, None, Exact, None, None, None, false, None),
                ],
            ),
            ("Conservation sans limitation de durée", &[(Permanent, None, Exact, None, None, None, false, None)]),
            (
                "Durée : selon la réglementation en vigueur",
                &[(Unspecified, None, Exact, None, None, None, false, None)],
            ),
            (
                "Les données sont conservées pendant la durée nécessaire à la gestion de la demande",
                &[(Unspecified, None, Exact, None, None, None, false, None)],
            ),
            (
                "Dès la fin de la mission, les données sont supprimées",
                &[(UntilEvent, None, Exact, None, Some("fin de la mission"), None, false, None)],
            ),
            (
                "Suppression immédiate après traitement",
                &[(UntilEvent, None, Exact, None, Some("traitement"), None, false, None)],
            ),
            (
                "Données effacées automatiquement à la clôture du compte",
                &[(UntilEvent, None, Exact, None, Some("clôture du compte"), None, false, None)],
            ),
            (
                "Conservation pendant le temps strictement nécessaire à l'instruction",
                &[(Unspecified, None, Exact, None, None, None, false, None)],
            ),
        ];
        for (phrase, expected) in cases {
            check(phrase, expected);
        }
    }

    #[test]
    fn alternatives_lists_phases_and_appositions() {
        let cases: &[(&str, &[Expected])] = &[
            (
                "Conservation : 3 ans / 5 ans",
                &[
                    (Period, Some("P3Y"), Exact, None, None, None, false, None),
                    (Period, Some("P5Y"), Exact, None, None, None, false, Some(0)),
                ],
            ),
            (
                "Conservation : 1 an à compter de la clôture du compte 2023/2024",
                &[(Period, Some("P1Y"), Exact, Some("clôture du compte 2023/2024"), None, None, false, None)],
            ),
            (
                "Conservation : en base active pendant la durée de l'adhésion, en archivage intermédiaire 5 ans",
                &[
                    (While, None, Exact, None, None, Some("adhésion"), false, None),
                    (Period, Some("P5Y"), Exact, None, None, None, false, None),
                ],
            ),
            (
                "Conservation : 6 ans en base active et 4 ans en archive intermédiaire",
                &[
                    (Period, Some("P6Y"), Exact, None, None, None, false, None),
                    (Period, Some("P4Y"), Exact, None, None, None, false, None),
                ],
            ),
            // A phase named before its length, after `puis` or `et`.
            (
                "Données conservées en base active 3 ans puis en archives intermédiaires 7 ans puis détruites",
                &[
                    (Period, Some("P3Y"), Exact, None, None, None, false, None),
                    (Period, Some("P7Y"), Exact, None, None, None, false, None),
                ],
            ),
            (
                "Conservation limitée à la durée du mandat électif",
                &[(While, None, Exact, None, None, Some("mandat électif"), false, None)],
            ),
            (
                "Durée de la relation contractuelle augmentée de 5 ans",
                &[
                    (While, None, Exact, None, None, Some("relation contractuelle"), false, None),
                    (Period, Some("P5Y"), Exact, None, None, None, false, None),
                ],
            ),
            (
                "Conservation : pendant la durée de l'inscription et 1 an après",
                &[
                    (While, None, Exact, None, None, Some("inscription"), false, None),
                    (Period, Some("P1Y"), Exact, None, None, None, false, None),
                ],
            ),
            (
                "Conservation : 3 mois à compter de l'enregistrement, 1 an en cas d'incident",
                &[
                    (Period, Some("P3M"), Exact, Some("enregistrement"), None, None, false, None),
                    (Period, Some("P1Y"), Exact, None, None, None, true, None),
                ],
            ),
            (
                "Conservation Jusqu'à 3 mois après l'obtention du diplôme, ou le cas échéant 2 ans après la dernière mise en relation.",
                &[
                    (Period, Some("P3M"), Max, Some("obtention du diplôme"), None, None, false, None),
                    (Period, Some("P2Y"), Exact, Some("dernière mise en relation"), None, None, true, Some(0)),
                ],
            ),
            (
                "Conservation 3 ans à compter de la fin de la convention ou à compter de la date de candidature.",
                &[
                    (Period, Some("P3Y"), Exact, Some("fin de la convention"), None, None, false, None),
                    (Period, Some("P3Y"), Exact, Some("date de candidature"), None, None, false, Some(0)),
                ],
            ),
            (
                "Ces données sont conservées : • Jusqu'à la suppression du profil par le greffier ou le magistrat ; • Durant le temps de l'habilitation du mandataire.",
                &[
                    (
                        UntilEvent,
                        None,
                        Exact,
                        None,
                        Some("suppression du profil par le greffier ou le magistrat"),
                        None,
                        false,
                        None,
                    ),
                    (While, None, Exact, None, None, Some("habilitation du mandataire"), false, None),
                ],
            ),
            (
                "Conservation 6 mois en base active puis archivage 10 ans",
                &[
                    (Period, Some("P6M"), Exact, None, None, None, false, None),
                    (Period, Some("P10Y"), Exact, None, None, None, false, None),
                ],
            ),
            (
                "Durée de la scolarité de l’enfant, puis 2 ans",
                &[
                    (While, None, Exact, None, None, Some("scolarité de l’enfant"), false, None),
                    (Period, Some("P2Y"), Exact, None, None, None, false, None),
                ],
            ),
            (
                "Conservation : durée de la relation contractuelle + 3 ans",
                &[
                    (While, None, Exact, None, None, Some("relation contractuelle"), false, None),
                    (Period, Some("P3Y"), Exact, None, None, None, false, None),
                ],
            ),
            (
                "Durée du contrat + 5 ans",
                &[
                    (While, None, Exact, None, None, Some("contrat"), false, None),
                    (Period, Some("P5Y"), Exact, None, None, None, false, None),
                ],
            ),
            (
                "Conservation : 2 ans après la dernière connexion, ou sur demande de suppression",
                &[
                    (Period, Some("P2Y"), Exact, Some("dernière connexion"), None, None, false, None),
                    (UntilEvent, None, Exact, None, Some("demande de suppression"), None, false, Some(0)),
                ],
            ),
            (
                "Durée de vie du compte + 2 ans",
                &[
                    (While, None, Exact, None, None, Some("vie du compte"), false, None),
                    (Period, Some("P2Y"), Exact, None, None, None, false, None),
                ],
            ),
            (
                "Durée d'utilisation du service + 1 an",
                &[
                    (While, None, Exact, None, None, Some("utilisation du service"), false, None),
                    (Period, Some("P1Y"), Exact, None, None, None, false, None),
                ],
            ),
            (
                "Les données sont conservées tant qu’elles sont actives, pendant la période durant laquelle la personne dispose d’une licence.",
                &[
                    (While, None, Exact, None, None, Some("elles sont actives"), false, None),
                    (While, None, Exact, None, None, Some("personne dispose d’une licence"), false, None),
                ],
            ),
        ];
        for (phrase, expected) in cases {
            check(phrase, expected);
        }
    }

    #[test]
    fn scopes_inside_statements() {
        let rules = parse_statement(
            "Durée : sur le portail A pour les fédérations ou les établissements : 1 an Sur le portail B : 3 ans",
            None,
        );
        let scopes: Vec<Option<&str>> = rules.iter().map(|r| r.applies_to.as_deref()).collect();
        assert_eq!(
            scopes,
            [Some("sur le portail A pour les fédérations ou les établissements"), Some("Sur le portail B")]
        );
        let rules = parse_statement(
            "Les données et paramètres de compte sont purgés au moment de la suppression de son compte, soit pour les agents au maximum deux mois après leur départ.",
            None,
        );
        let scopes: Vec<Option<&str>> = rules.iter().map(|r| r.applies_to.as_deref()).collect();
        assert_eq!(scopes, [Some("données et paramètres de compte"), Some("données et paramètres de compte : agents")]);
        assert_eq!(rules.get(1).and_then(|r| r.from.as_deref()), Some("leur départ"));
        assert_eq!(
            parse_statement("Ces données sont conservées 1 an", None).first().and_then(|r| r.applies_to.clone()),
            None
        );
        // A condition is no scope.
        for phrase in ["En l'absence de contentieux : 1 an", "1 an (si applicable)"] {
            assert_eq!(parse_statement(phrase, None).first().and_then(|r| r.applies_to.clone()), None, "{phrase}");
        }
        // The label after `Conservation` is what `des`, `du` or `de la`
        // tie to it, never a word that opens with those letters
        // (`durée`, `desserte`).
        for (phrase, scopes) in [
            ("Conservation des enregistrements vidéo : 30 jours", &[Some("enregistrements vidéo")][..]),
            ("Conservation : desserte du site : 5 ans", &[Some("desserte du site")]),
            // `des données` is what is kept only where nothing qualifies it.
            ("Conservation des données nominatives : 1 an", &[Some("données nominatives")]),
            ("Conservation des données : 3 ans", &[None]),
            ("Conservation des données 3 ans", &[None]),
            ("Conservation des données tant que le compte est actif", &[None]),
            ("Conservation : durée du contrat, puis archivage : 5 ans", &[None, None]),
        ] {
            let rules = parse_statement(phrase, None);
            let got: Vec<Option<&str>> = rules.iter().map(|r| r.applies_to.as_deref()).collect();
            assert_eq!(got, scopes, "{phrase}");
        }
        let rules =
            parse_statement("Conservation : 2 ans après le dernier contact pour les candidats non retenus", None);
        assert_eq!(rules.first().and_then(|r| r.applies_to.as_deref()), Some("candidats non retenus"));
        assert_eq!(rules.first().and_then(|r| r.from.as_deref()), Some("dernier contact"));
        // A label naming the retention itself is no scope.
        for phrase in [
            "Durée d'utilité administrative : 5 ans",
            "Délai de conservation : 3 ans",
            "Durée légale de conservation : 6 ans",
            "Durée d'utilité administrative (DUA) : 10 ans",
        ] {
            assert_eq!(parse_statement(phrase, None).first().and_then(|r| r.applies_to.clone()), None, "{phrase}");
        }
        // A scope whose retention opens with a state, then a plain one.
        let rules =
            parse_statement("Dossier administratif : durée de la carrière + 5 ans ; bulletins de paie : 50 ans", None);
        let got: Vec<(Option<&str>, Kind, Option<&str>)> =
            rules.iter().map(|r| (r.applies_to.as_deref(), r.kind, r.duration.as_deref())).collect();
        assert_eq!(
            got,
            [
                (Some("Dossier administratif"), While, None),
                (Some("Dossier administratif"), Period, Some("P5Y")),
                (Some("bulletins de paie"), Period, Some("P50Y")),
            ]
        );
        // Retention before the first label keeps the outer scope; a comma
        // before a length opens another clause, scoped by `pour les …`.
        for phrase in [
            "Conservation : 12 mois après la fin du contrat ; données de facturation : 10 ans",
            "Conservation : 12 mois après la fin du contrat, 10 ans pour les données de facturation",
        ] {
            let rules = parse_statement(phrase, None);
            let got: Vec<(Option<&str>, Option<&str>, Option<&str>)> =
                rules.iter().map(|r| (r.applies_to.as_deref(), r.duration.as_deref(), r.from.as_deref())).collect();
            assert_eq!(
                got,
                [(None, Some("P12M"), Some("fin du contrat")), (Some("données de facturation"), Some("P10Y"), None)],
                "{phrase}"
            );
        }
        // Phases of keeping are no scopes.
        let rules = parse_statement("Conservation en base active : 2 ans ; archivage intermédiaire : 8 ans", None);
        let got: Vec<(Option<&str>, Option<&str>)> =
            rules.iter().map(|r| (r.applies_to.as_deref(), r.duration.as_deref())).collect();
        assert_eq!(got, [(None, Some("P2Y")), (None, Some("P8Y"))]);
        // `pour les besoins de …` is a purpose, not a scope.
        let rules = parse_statement("Conservation : 1 an pour les besoins de l'enquête", None);
        assert_eq!(rules.first().and_then(|r| r.applies_to.as_deref()), None);
        // What is kept, named after `Conservation des`, is the scope.
        let rules = parse_statement("Conservation des enregistrements vidéo : 30 jours", None);
        assert_eq!(rules.first().and_then(|r| r.applies_to.as_deref()), Some("enregistrements vidéo"));
        // A scope opening a parenthesis is named without it.
        let rules = parse_statement("Conservation : 6 mois (vidéoprotection : 30 jours)", None);
        let scopes: Vec<Option<&str>> = rules.iter().map(|r| r.applies_to.as_deref()).collect();
        assert_eq!(scopes, [None, Some("vidéoprotection")]);
        // The subject a participle follows, with or without its verb, is
        // the last clause's; a pronoun stands for what it names after it.
        for (phrase, want) in [
            ("Données de connexion conservées 6 mois", Some("Données de connexion")),
            ("Données conservées 1 mois", None),
            (
                "Les CV retenus sont versés au dossier ; ceux des candidats non retenus sont détruits après 2 ans",
                Some("candidats non retenus"),
            ),
        ] {
            let rules = parse_statement(phrase, None);
            assert_eq!(rules.first().and_then(|r| r.applies_to.as_deref()), want, "{phrase}");
        }
        // A parenthesis after a length names what it keeps, unless it
        // says why or how the length holds, or holds a phase or an event.
        for (phrase, want) in [
            ("1 an (journaux de connexion) ; 5 ans (comptes)", vec![Some("journaux de connexion"), Some("comptes")]),
            ("30 jours maximum (images)", vec![Some("images")]),
            ("3 ans (délai de prescription)", vec![None]),
            ("10 ans (art. L. 123-22 du code de commerce)", vec![None]),
            ("1 an (renouvelable)", vec![None]),
            ("5 ans (sauf contentieux)", vec![None]),
            ("10 ans (archives définitives)", vec![None]),
            ("Les comptes inactifs depuis plus de 2 ans sont supprimés", vec![Some("comptes inactifs")]),
            ("Les dossiers datant de plus de 5 ans sont détruits", vec![Some("dossiers")]),
            ("Conservation : l'année en cours + 2 ans", vec![None, None]),
            ("DUA : 5 ans ; sort final : versement aux archives départementales", vec![None, None]),
            ("3 ans (à compter de la fin du contrat)", vec![None]),
        ] {
            let rules = parse_statement(phrase, None);
            let got: Vec<Option<&str>> = rules.iter().map(|r| r.applies_to.as_deref()).collect();
            assert_eq!(got, want, "{phrase}");
        }
        // A parenthesis closing an event names what the length keeps where
        // it opens with a noun of data; otherwise it says more of the event.
        for (phrase, scope, from) in [
            (
                "Conservation : 3 ans après la fin de la relation (données de contact)",
                Some("données de contact"),
                "fin de la relation",
            ),
            (
                "5 ans à compter de la clôture du dossier (pièces justificatives)",
                Some("pièces justificatives"),
                "clôture du dossier",
            ),
            ("2 ans à compter de la dernière connexion (compte inactif)", None, "dernière connexion (compte inactif)"),
            ("3 ans après la fin du contrat (données de l'article 6)", None, "fin du contrat (données de l'article 6)"),
        ] {
            let rules = parse_statement(phrase, None);
            let got: Vec<(Option<&str>, Option<&str>)> =
                rules.iter().map(|r| (r.applies_to.as_deref(), r.from.as_deref())).collect();
            assert_eq!(got, [(scope, Some(from))], "{phrase}");
        }
        // An item leaving out the verb names its own subject, after `;`,
        // `et` or `puis` alike; words qualifying a length and phases of
        // keeping name none.
        for (phrase, want) in [
            (
                "Les logs sont conservés 6 mois ; les sauvegardes 1 mois",
                vec![(Some("logs"), Some("P6M")), (Some("sauvegardes"), Some("P1M"))],
            ),
            ("Conservation : 3 ans ; le cas échéant 1 an", vec![(None, Some("P3Y")), (None, Some("P1Y"))]),
            (
                "Les logs sont conservés 6 mois et les sauvegardes 1 mois",
                vec![(Some("logs"), Some("P6M")), (Some("sauvegardes"), Some("P1M"))],
            ),
            (
                "Les factures sont conservées 10 ans, et les devis 3 ans",
                vec![(Some("factures"), Some("P10Y")), (Some("devis"), Some("P3Y"))],
            ),
            ("6 mois et les sauvegardes 1 mois", vec![(None, Some("P6M")), (Some("sauvegardes"), Some("P1M"))]),
            ("3 ans en base active puis les archives 10 ans", vec![(None, Some("P3Y")), (None, Some("P10Y"))]),
            (
                "Les logs sont conservés 6 mois ; l'archivage intermédiaire 5 ans",
                vec![(Some("logs"), Some("P6M")), (Some("logs"), Some("P5Y"))],
            ),
            ("Conservation : 1 an et le cas échéant 3 ans", vec![(None, Some("P1Y")), (None, Some("P3Y"))]),
            // After a comma too, and a plural noun is a subject without its
            // article; a preposition, a qualifier or a delay is none.
            (
                "Les logs sont conservés 6 mois, les sauvegardes 1 mois",
                vec![(Some("logs"), Some("P6M")), (Some("sauvegardes"), Some("P1M"))],
            ),
            (
                "Données de connexion conservées 6 mois, données de compte 2 ans",
                vec![(Some("Données de connexion"), Some("P6M")), (Some("données de compte"), Some("P2Y"))],
            ),
            (
                "Les logs sont conservés 6 mois ; données de compte 2 ans",
                vec![(Some("logs"), Some("P6M")), (Some("données de compte"), Some("P2Y"))],
            ),
            ("Conservation 1 an, renouvelable 1 an", vec![(None, Some("P1Y"))]),
            ("Conservation : 6 mois, dans la limite de 2 ans", vec![(None, Some("P6M")), (None, Some("P2Y"))]),
            (
                "Conservation : 3 ans après la fin du contrat, délais de recours 2 mois",
                vec![(None, Some("P3Y")), (None, Some("P2M"))],
            ),
            (
                "Conservation 3 ans à compter de la fin de la convention entre le professionnel et la CPAM",
                vec![(None, Some("P3Y"))],
            ),
        ] {
            let rules = parse_statement(phrase, None);
            let got: Vec<(Option<&str>, Option<&str>)> =
                rules.iter().map(|r| (r.applies_to.as_deref(), r.duration.as_deref())).collect();
            assert_eq!(got, want, "{phrase}");
        }
    }

    #[test]
    fn statements_are_found_with_their_labels() {
        let found = find_statements(
            "Utilisateur : Nom ; prénom. Conservation 1 an à compter de la dernière connexion ; Informations de connexion 1 an. Adresse IP",
        );
        let got: Vec<(&str, Option<&str>)> = found.iter().map(|s| (s.text.as_str(), s.applies_to.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("Conservation 1 an à compter de la dernière connexion", Some("Utilisateur")),
                ("1 an.", Some("Informations de connexion")),
            ]
        );
    }

    #[test]
    fn a_label_naming_all_the_personal_data_scopes_nothing() {
        // A cell and the scope of its one statement.
        let cases: &[(&str, Option<&str>)] = &[
            ("Nom ; adresse. Informations d'ordre personnel Conservation 1 an.", None),
            ("Nom ; adresse. Données à caractère personnel : 2 ans.", None),
            ("Les données personnelles sont conservées 3 ans.", None),
            ("Nom ; adresse. Informations de connexion 1 an.", Some("Informations de connexion")),
            ("Les données de santé sont conservées 3 ans.", Some("données de santé")),
        ];
        for (cell, scope) in cases {
            let found = find_statements(cell);
            let rules: Vec<RetentionRule> =
                found.iter().flat_map(|s| parse_statement(&s.text, s.applies_to.as_deref())).collect();
            let scopes: Vec<Option<&str>> = rules.iter().map(|r| r.applies_to.as_deref()).collect();
            assert_eq!(scopes, [*scope], "{cell}");
        }
    }

    #[test]
    fn a_top_label_scopes_its_sub_lists_but_parallel_labels_do_not() {
        let nested = find_statements(
            "Usager : Nom ; prénom ; âge Données relatives au dossier : • situation ; • hébergement. Conservation 5 ans après la dernière visite.",
        );
        assert_eq!(nested.first().and_then(|s| s.applies_to.as_deref()), Some("Usager"));
        let parallel = find_statements(
            "Données relatives aux agents : nom ; prénom. Données relatives aux usagers : nom ; adresse Conservation : 2 ans.",
        );
        assert_eq!(parallel.first().map(|s| s.applies_to.clone()), Some(None));
    }

    #[test]
    fn participles_open_statements_too() {
        let found = find_statements("Nom, prénom. Données conservées 1 mois après la fin de l'événement.");
        let texts: Vec<&str> = found.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["Données conservées 1 mois après la fin de l'événement."]);
        // Removal participles too, and a participle opening the cell.
        /// A cell and the (text, scope) of each statement found in it.
        type Case<'a> = (&'a str, &'a [(&'a str, Option<&'a str>)]);
        let cases: &[Case] = &[
            (
                "Données de stage supprimées 3 mois après la fin du stage.",
                &[("Données de stage supprimées 3 mois après la fin du stage.", None)],
            ),
            ("Conservées 3 mois", &[("Conservées 3 mois", None)]),
            // A participle in parentheses is a statement of its own, scoped
            // to what it follows.
            (
                "Nom, prénom (conservés 3 ans) ; adresse IP (conservée 1 an)",
                &[("conservés 3 ans", Some("Nom, prénom")), ("conservée 1 an", Some("adresse IP"))],
            ),
            (
                "Données de santé (conservées 20 ans à compter du dernier passage)",
                &[("conservées 20 ans à compter du dernier passage", Some("Données de santé"))],
            ),
            // A removal participle at an event opens a statement.
            (
                "Identité : 5 ans après la fin du contrat. Coordonnées bancaires : supprimées à la fin du contrat.",
                &[
                    ("5 ans après la fin du contrat.", Some("Identité")),
                    ("supprimées à la fin du contrat.", Some("Coordonnées bancaires")),
                ],
            ),
            // A lower-case opening after a label's colon starts a statement,
            // unless the label names the retention and started it.
            ("Logs : jusqu'à 6 mois", &[("jusqu'à 6 mois", Some("Logs"))]),
            (
                "Identité, coordonnées Durée : pendant la durée d'activité de l'agent",
                &[("Durée : pendant la durée d'activité de l'agent", None)],
            ),
            // A bare length after a label keeps its preposition.
            ("Journalisation des accès pendant 6 mois", &[("pendant 6 mois", Some("Journalisation des accès"))]),
            // Labels naming the retention open it and scope nothing.
            ("DUA : 5 ans", &[("DUA : 5 ans", None)]),
            ("Bulletins de paie. Archivage : 50 ans", &[("Archivage : 50 ans", None)]),
            // A phase after `puis` goes on its statement.
            (
                "Les données sont conservées pendant la durée de la scolarité puis archivées 10 ans.",
                &[("Les données sont conservées pendant la durée de la scolarité puis archivées 10 ans.", None)],
            ),
            // A retention label in lower case after a list's item.
            ("Photographies ; durée de conservation : 1 an", &[("durée de conservation : 1 an", None)]),
            // A subject in lower case opening a list's clause, and archiving.
            (
                "Actes ; les données sont archivées définitivement",
                &[("les données sont archivées définitivement", None)],
            ),
        ];
        for (cell, expected) in cases {
            let found = find_statements(cell);
            let got: Vec<(&str, Option<&str>)> =
                found.iter().map(|s| (s.text.as_str(), s.applies_to.as_deref())).collect();
            assert_eq!(got, *expected, "{cell}");
        }
        let rules = parse_statement("DUA : 5 ans", None);
        assert_eq!(rules.first().and_then(|r| r.duration.as_deref()), Some("P5Y"));
        // Labels in capitals (accents dropped), `Rétention`, a lower-case
        // `conservation` before its length in a list, and a keeping verb
        // with no length but the time needed all open statements, which
        // the label scopes to nothing.
        for (cell, text, kind) in [
            ("DUREE DE CONSERVATION : 5 ANS", "DUREE DE CONSERVATION : 5 ANS", Kind::Period),
            ("Identité. CONSERVATION : 5 ans", "CONSERVATION : 5 ans", Kind::Period),
            ("Rétention : 6 mois", "Rétention : 6 mois", Kind::Period),
            ("Nom, prénom ; conservation 3 ans", "conservation 3 ans", Kind::Period),
            (
                "Les données sont conservées le temps nécessaire à la gestion de la demande.",
                "Les données sont conservées le temps nécessaire à la gestion de la demande.",
                Kind::Unspecified,
            ),
        ] {
            let found = find_statements(cell);
            let got: Vec<(&str, Option<&str>)> =
                found.iter().map(|s| (s.text.as_str(), s.applies_to.as_deref())).collect();
            assert_eq!(got, [(text, None)], "{cell}");
            let rules = parse_statement(text, None);
            let read: Vec<(Option<&str>, Kind)> = rules.iter().map(|r| (r.applies_to.as_deref(), r.kind)).collect();
            assert_eq!(read, [(None, kind)], "{cell}");
        }
        // Other verbs of keeping or overwriting, after a modal or with an
        // adverb, open statements and name their subject.
        for (cell, scope) in [
            ("Caméras fixes. Les images sont automatiquement écrasées au bout de 30 jours.", Some("images")),
            ("Les pièces justificatives doivent être conservées 10 ans.", Some("pièces justificatives")),
            ("Les CV sont stockés 2 ans.", Some("CV")),
        ] {
            let found = find_statements(cell);
            let rules: Vec<RetentionRule> =
                found.iter().flat_map(|s| parse_statement(&s.text, s.applies_to.as_deref())).collect();
            let got: Vec<(Option<&str>, Kind)> = rules.iter().map(|r| (r.applies_to.as_deref(), r.kind)).collect();
            assert_eq!(got, [(scope, Kind::Period)], "{cell}");
        }
        // A negation denies the keeping; it names nothing kept.
        for (phrase, scope) in [
            ("Non conservées", None),
            ("Données non conservées", None),
            ("Les données ne sont pas conservées", None),
            ("Les CV ne sont pas conservés", Some("CV")),
            ("Le dossier n'est pas conservé", Some("dossier")),
        ] {
            let rules = parse_statement(phrase, None);
            let got: Vec<(Option<&str>, Kind)> = rules.iter().map(|r| (r.applies_to.as_deref(), r.kind)).collect();
            assert_eq!(got, [(scope, Kind::Unspecified)], "{phrase}");
        }
        let rules = parse_statement("les données sont archivées définitivement", None);
        assert_eq!(rules.first().map(|r| r.kind), Some(Kind::Permanent));
    }

    #[test]
    fn events_keep_their_words_whatever_opens_them() {
        // Every way of opening an event or a state, before events whose
        // first letters spell an article or a preposition (`lecture`,
        // `ladite`, `desserte`, `auteur`) and events with and without one.
        let openings = [
            "3 ans à compter de",
            "3 ans après",
            "3 ans à partir de",
            "Les données sont conservées 2 ans au-delà de",
            "Jusqu'à",
            "Données supprimées après",
            "Données supprimées dès",
            "Suppression lors de",
            "Données effacées au moment de",
            "Données détruites à",
            "Dès",
            "Au terme de",
            "Pendant",
            "Tant que",
            "Conservation limitée à",
            "Le temps de",
        ];
        let events = [
            "lecture du dossier",
            "ladite décision",
            "desserte du site",
            "auteur de la demande",
            "leur collecte",
            "la fin du contrat",
            "l'issue de la procédure",
            "les élections",
        ];
        for opening in openings {
            for event in events {
                let phrase = format!("{opening} {event}");
                let rules = parse_statement(&phrase, None);
                let read: Vec<&str> =
                    rules.iter().flat_map(|r| [&r.from, &r.until, &r.while_]).filter_map(|e| e.as_deref()).collect();
                // The event is read whole (less its article), as what the
                // opening keeps of it ends (`terme de …`).
                let bare = ["la ", "l'", "les "].iter().find_map(|a| event.strip_prefix(a)).unwrap_or(event);
                assert!(read.len() == 1 && read.iter().all(|e| e.ends_with(bare)), "{phrase}: {read:?}");
            }
        }
    }

    #[test]
    fn two_labelled_statements_in_a_cell_lose_no_length() {
        // Each pair of ways to write a labelled retention, joined by each
        // separator a cell's list uses: both lengths are read, whatever
        // opens the second one (a lower-case `jusqu'à` or `archivage`
        // after its label, a number word after a participle, a
        // parenthesis).
        let labels = ["Données d'identité", "Logs", "Candidats non retenus", "Images"];
        let forms = [
            "{L} : {N}",
            "{L} : conservation {N}",
            "{L} conservées {N}",
            "{L} (conservées {N})",
            "{L} : {N} à compter de la collecte",
            "{L} : jusqu'à {N}",
            "{L} : {N} maximum",
            "{L} : durée du contrat + {N}",
            "{L} : supprimées au bout de {N}",
            "{L} : archivage {N}",
            "{L} : {N} puis suppression",
        ];
        let lengths = [("3 ans", "P3Y"), ("6 mois", "P6M"), ("15 jours", "P15D"), ("deux ans", "P2Y")];
        for (i, first) in forms.iter().enumerate() {
            for (j, second) in forms.iter().enumerate() {
                for separator in [" ; ", ". ", " • "] {
                    let (one, one_iso) = lengths[i % lengths.len()];
                    let (two, two_iso) = lengths[(i + 1) % lengths.len()];
                    let fill =
                        |form: &str, label: &str, length: &str| form.replace("{L}", label).replace("{N}", length);
                    let cell = format!(
                        "{}{separator}{}",
                        fill(first, labels[(i + j) % labels.len()], one),
                        fill(second, labels[(i + 2 * j + 1) % labels.len()], two)
                    );
                    let rules: Vec<RetentionRule> = find_statements(&cell)
                        .iter()
                        .flat_map(|s| parse_statement(&s.text, s.applies_to.as_deref()))
                        .collect();
                    let read: Vec<&str> = rules.iter().filter_map(|r| r.duration.as_deref()).collect();
                    assert!(read.contains(&one_iso) && read.contains(&two_iso), "{cell}: {read:?}");
                }
            }
        }
    }

    #[test]
    fn sentences_without_retention_yield_nothing() {
        for text in [
            "Permettre une évaluation de l’état des parents pendant les 1000 premiers jours.",
            "Enfants de moins de 16 ans ; jeunes de moins de 25 ans",
            "Les fichiers sont in fine versés dans un système d'archivage électronique.",
            "Suivi effaçable discrétionnairement par la personne",
            "Structure créée il y a 3 ans.",
            "Mise à jour tous les 6 mois.",
            "Données d’identité, Coordonnées, Informations de connexion",
            "Décret n° 2019-536 du 29 mai 2019",
            "Relevés de consommation des 12 derniers mois",
            "Enfants âgés de 3 à 6 ans ; élèves de 6 ans et plus",
            "Agents ayant plus de 2 ans d'ancienneté",
            "Historique des 3 dernières années de facturation",
            "Bénéficiaires du RSA depuis plus de 12 mois",
            "Délai de traitement de la demande : 2 mois",
            "Personnes de 60 ans et plus",
            "Loi du 6 janvier 1978 ; article 6 du RGPD",
            "Contrat de 3 ans avec le prestataire",
            "Durée du stage : 6 mois",
            "Les données sont stockées sur des serveurs situés en France.",
            "Les données ne sont pas stockées hors de l'Union européenne.",
            "La conservation des archives est assurée par le service.",
            "Habilitation valable 1 an",
            "Les dossiers papier sont conservés à la mairie.",
            "Archivage : Service des archives départementales",
        ] {
            assert_eq!(find_statements(text), Vec::new(), "{text}");
        }
    }
}

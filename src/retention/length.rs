//! Lengths: a number in figures or French words, its unit, halves and sums
//! (`un an et demi`, `1 an et 6 mois`), as an ISO 8601 duration, and the
//! words that make a number an age or a date rather than a length.

use super::*;

/// A length: a number (digits or words, optionally `six (6)` or `3 (trois)`),
/// a unit (or its abbreviation: `72h`, `90 j`, `15 jrs`; its plural mark
/// optional: `3 an(s)`), and an optional
/// `et demi` / `½` / `et N mois` / `+ N jours`; or a count of days said in one word
/// (`huitaine`, `quinzaine`, with or without `de jours`).
pub(super) static LENGTH: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:(\d+(?:[.,]\d+|\s*½)?|(?:(?:{NUMBER_WORDS})(?:[-\s](?:et[-\s])?(?:{NUMBER_WORDS}))*))(?:\s*\((?:\d+|(?:{NUMBER_WORDS})(?:[-\s](?:et[-\s])?(?:{NUMBER_WORDS}))*)\))?\s*(ans?|années?|mois|semaines?|semestres?|trimestres?|jours?|jrs?|j|heures?|h)\b(?:\(s\))?(?:\s*(?:\bet\b|\+)\s*(demie?|(?:\d+|{NUMBER_WORDS})\s*(?:mois|semaines?|jours?|heures?|h)\b)|\s*(½))?|(huitaine|quinzaine)(?:\s+de\s+jours)?\b)"
    ))
});
/// Words before a number that make it an age: a bound on the persons
/// (`moins de 16 ans`, `âgés de 3 ans`), or an age reached that ends the
/// keeping (`jusqu'à l'âge de 18 ans`, `jusqu'aux 18 ans de l'enfant`,
/// `jusqu'à ses 26 ans`, `jusqu'à ce que l'enfant atteigne 16 ans`), which
/// is an event, not a length of keeping.
pub(super) static AGE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:(?:^|[^u]\s)(?:moins de|âgée?s? de|plus de \d+ ans et)|\bâge (?:légal )?de|\baux|\b(?:ses|leurs|son|sa)|\batteint|\batteignent|\batteigne|\batteindre)\s*$",
    )
});
/// `moins de` that bounds the keeping, not the persons' age: right after a
/// label's colon, a participle of keeping or a preposition of time, or
/// opening the text (`conservées moins de 3 ans`, `Durée : moins de 6
/// mois`, against `enfants de moins de 16 ans`).
pub(super) static BOUND_BEFORE_LESS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:^|[:(]|\b(?:conserv|archiv|gard|stock|supprim|effac|détrui)\p{L}*|\b(?:pendant|durant|durée|pour))\s*moins de\s*$",
    )
});
/// `jusqu'à` right before a length, and whose years it counts after one
/// (`jusqu'à 80 ans de l'agent`): the age at which the keeping ends.
pub(super) static UNTIL_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bjusqu['’]\s?(?:à|aux)\s*$"));
pub(super) static POSSESSOR_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*(?:(?:du|de la|des)\b|de l['’])\s*(\p{L}+)"));
/// Nouns of time after `N ans de la …`, which make it a length counted
/// from an event (`jusqu'à 5 ans de la date de clôture`), not an age.
pub(super) const TIME_NOUNS: &[&str] =
    &["date", "fin", "début", "clôture", "collecte", "dernier", "dernière", "année", "exercice", "signature"];

/// Whether a length of years after `jusqu'à`, followed by whose years they
/// are, is an age reached (`jusqu'à 80 ans de l'agent`, `jusqu'aux 18 ans
/// du jeune`): an event, not a length of keeping.
pub(super) fn is_age_reached(before: &str, caps: &regex::Captures, after: &str) -> bool {
    let years = caps.get(2).is_some_and(|u| u.as_str().to_lowercase().starts_with("an"));
    let possessor = POSSESSOR_AFTER.captures(after).and_then(|c| c.get(1)).map(|w| w.as_str().to_lowercase());
    years
        && caps.get(3).is_none()
        && UNTIL_BEFORE.is_match(before)
        && possessor.is_some_and(|w| !TIME_NOUNS.contains(&w.as_str()))
}

pub(super) static UNTIL_ANCHOR: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bjusqu['’]\s?(?:à ce qu(?:e\b|['’])|(?:à la|à|aux|au|en)\b|à l['’])\s*"));
/// The value of a count in figures or in French words (`quatre-vingts`),
/// saturating: a count beyond any real length must not overflow.
pub(super) fn number_value(text: &str) -> Option<u32> {
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

/// A length in the planners' notation, counted after the year, month or
/// day of the event (`N+5`, `année N + 10`, `A+2`, `M+6`, `J+30`): the
/// letter gives the unit.
pub(super) static YEAR_OFFSET: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:année\s+)?([NAMJ])\s*\+\s*(\d{1,3})\b(?:\s*(?:ans?|années?|mois|jours?)\b)?"));
/// A count with no unit added to a year (`année en cours + 1`, `année
/// civile + 5`): the year gives the unit, which [`with_added_years`] writes.
static YEARS_ADDED_TO_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(\bannées?\b[^+;:.]{0,40}?\s\+\s*)(\d{1,3})(\s*(?:[.;,)]|$))"));

/// A statement with the unit of a count added to a year written out
/// (`année en cours + 1` → `année en cours + 1 ans`), so that it reads as
/// a length added to a state like any other.
/// The archivists' `année N + 5` is a length already ([`YEAR_OFFSET`]).
pub(super) fn with_added_years(text: &str) -> std::borrow::Cow<'_, str> {
    YEARS_ADDED_TO_YEAR.replace_all(text, |caps: &regex::Captures| {
        let whole = caps.get(0).map_or("", |m| m.as_str());
        match (caps.get(1), caps.get(2), caps.get(3)) {
            (Some(year), Some(count), Some(end)) if !YEAR_OFFSET.is_match(whole) => {
                format!("{}{} ans{}", year.as_str(), count.as_str(), end.as_str())
            }
            _ => whole.to_string(),
        }
    })
}

/// A found length: its ISO 8601 duration and its byte range in the text.
pub(super) struct Length {
    pub(super) duration: String,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// The first length in a text that is not an age, a date or a frequency.
pub(super) fn find_length(text: &str) -> Option<Length> {
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
    let (whole, letter, count) = (caps.get(0)?, caps.get(1)?, caps.get(2)?);
    // `Jusqu'au 31/12 de l'année N+1` names a date, the end of the keeping.
    if UNTIL_ANCHOR.is_match(text.get(..whole.start()).unwrap_or("")) {
        return None;
    }
    let unit = match letter.as_str() {
        "J" | "j" => 'D',
        "M" | "m" => 'M',
        _ => 'Y',
    };
    Some(Length {
        duration: format!("P{}{unit}", count.as_str().parse::<u32>().ok()?),
        start: whole.start(),
        end: whole.end(),
    })
}

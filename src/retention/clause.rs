//! One clause → one rule: its length and bound, and the event it counts
//! from, runs until or the state it lasts while.

use super::*;

/// Words after a length that bound it (`10 ans maximum`, `3 ans min`).
pub(super) const MAX_WORDS: &str = r"maximum|max\b\.?|au maximum|au plus tard|au plus|tout au plus|maxi";

pub(super) const MIN_WORDS: &str = r"minimum|au minimum|au moins|min\b\.?|mini\b";

/// The time the data are needed for (`durée nécessaire`, `temps strictement
/// nécessaire`): a retention that says no length.
pub(super) const NEEDED: &str = r"(?:durée|temps|période)s?\s+(?:strictement\s+)?nécessaires?\b";

/// A state that is only the need for the data (`la durée nécessaire à …`,
/// `le temps strictement nécessaire au …`).
pub(super) static NEEDED_ONLY: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)^(?:(?:toute\s+)?(?:la|le|les)\s+)?{NEEDED}")));

/// The same anywhere in a clause (`sont conservées le temps nécessaire à la
/// gestion de la demande`).
pub(super) static NEEDED_ANYWHERE: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)\b(?:la|le)\s+{NEEDED}")));

/// The preposition before an event that opens a clause (`dès`, `à`, `au`).
pub(super) static EVENT_PREPOSITION: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*(?:dès|à|a|au|aux|en)\s+"));

pub(super) static CONDITIONAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:le cas échéant|le cas echeant|éventuellement|si\s[^,;:()]*|sauf\s[^,;]*|sous réserve|en cas (?:de|d['’])[^,;]*|en l['’]absence (?:de|d['’])[^,;:]*|(?:à|a) défaut(?:\s+(?:de|d['’])[^,;]*)?)\b,?\s*",
    )
});

pub(super) static PERMANENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:illimitée?|sans limitation de durée|sans limite de durée|archivage définitif|archives définitives|conservation définitive|(?:conservée?s?|archivée?s?) définitivement|indéfiniment|définitivement conservée?s?|à titre définitif|sort final\s*:\s*(?:versement|conservation)|vers(?:ement|ée?s?) (?:aux|au service des) archives(?:\s+(?:départementales|nationales|municipales|communales|régionales|publiques|historiques))?\s*(?:[.;,)]|$)|(?:de manière|de façon|à titre) permanente?|(?:conservation|archivage|archives?)\s+(?:permanentes?|pérennes?)|sans (?:limites?|durée limite)\b|^\s*(?:définitive(?:ment)?|permanente?))\b",
    )
});

pub(super) static MAX_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:jusqu['’]\s?à|au plus(?: tard)?|au maximum|maximum|max\.?|(?:maximale?|maximum|max\.?)\s+(?:de|d['’])|dans la limite (?:de|d['’])|n['’]excédant pas|ne pouvant (?:excéder|dépasser)|ne dépassant pas|ne (?:peut|doit|saurait)(?: pas)? (?:excéder|dépasser)|n['’]excède pas|ne dépasse pas|inférieure?s? (?:ou égale?s? )?à|sans (?:excéder|dépasser)|de plus de|depuis plus de|au-delà de|pas plus de|moins (?:de|d['’])|limitée?s? à|dans un délai (?:maximum |maximal )?(?:de|d['’])|dans les|sous|\b(?:entre|de)\s+\S+\s+(?:et|à)|(?:^|[\s:(])\d+\s*(?:à|-|–))\s*$",
    )
});

/// What joins the two ends of a range of lengths, and what opens one.
pub(super) static RANGE_TO: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*(?:et|à|-|–)\s*"));

pub(super) static RANGE_FROM: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:entre|de|d['’])\s*$"));

pub(super) static MIN_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?:au moins|au minimum|minimum|(?:minimale?|minimum)\s+(?:de|d['’])|^\s*plus\s+(?:de|d['’]))\s*$")
});

pub(super) static MAX_AFTER: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)^\s*(?:{MAX_WORDS})")));

pub(super) static MIN_AFTER: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)^\s*(?:{MIN_WORDS})")));

/// Words that qualify a length without changing it (`1 an glissant`,
/// `5 ans pleins`), skipped before the starting event.
pub(super) static LENGTH_QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:glissants?|renouvelables?|supplémentaires?|pleins?|pleines?|calendaires?|révolus?|révolues?|ouvrés|ouvrables|francs|entiers|entières|consécutifs|consécutives)\b",
    )
});

/// The preposition that ties an anchor to its event (`de`, `du`, `de l’`).
pub(super) const FROM_PREPOSITION: &str = r"(?:(?:de la|du|des|de)\b|de l['’]|d['’])";
/// The anchor opening the event a length counts from (`à compter de`,
/// `après`, `qui suivent`), at a clause's start, optionally after the
/// participle that says the length runs (`courant`, `décomptés`).
pub(super) static FROM_ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^[\s,]*(?:(?:courant|courants|comptés?|décomptés?|calculés?)\s+)?(?:(?:(?:à|a) compter|(?:à|a) compte|(?:à|a) partir|(?:à|a) l['’]issue|au terme|(?:à|a) la suite|au-delà)\s+{FROM_PREPOSITION}\s*|(?:après|suivant|qui suit|qui suivent|dès)\s+)",
    ))
});

/// A clause opening on the event that ends the keeping, with no length
/// (`Dès la clôture du dossier`, `À l'issue de la mission`, `Au terme du
/// contrat`): kept until that event.
pub(super) static END_ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(r"(?i)^\s*(?:dès\s+|(?:à|a|au|aux|en)\s+(?:(?:la|le|les)\s+|l['’]\s*)?(?:{END_NOUNS})\b)"))
});
/// Nouns of the event that ends something (`fin`, `clôture`, `départ`).
pub(super) const END_NOUNS: &str = "fin|issue|terme|échéance|expiration|clôture|achèvement|départ|sortie";
/// A removal at an event, by a participle (`supprimées au départ de
/// l'agent`, `dès leur collecte`) or a noun and what it removes
/// (`Destruction des dossiers à la clôture de l'exercice`); after `en`,
/// the event is the end noun on (`supprimées en fin de contrat`). The
/// event's article, if any, is left to [`trim_event`].
pub(super) static REMOVAL_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:(?:supprimée?s?|purgée?s?|effacée?s?|détruite?s?|anonymisée?s?)|(?:{REMOVAL_NOUNS})(?:\s+(?:(?:des|du|de la)\b|de l['’])\s*[^,;:.()]*?)?)(?:\s+(?:immédiate|automatique|définitive|systématique)s?(?:ment)?)?\s+(?:(?:au moment|lors)\s+(?:(?:des|du|de)\b|d['’])|(?:dès|après|aux|au|à|une fois)(?:\s|$)|en\s+(?P<end_noun>(?:{END_NOUNS})\b))\s*"
    ))
});
/// A removal on request (`sur demande de suppression`, `à la demande de la
/// personne`): kept until the request, which is the event.
pub(super) static REQUEST_EVENT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:sur|à la|a la)\s+(?:simple\s+)?(demande\b)"));
pub(super) static WHILE_ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\btant\s+qu(?:e\s+|['’]\s*)|\b(?:pendant|durant)\s+|(?:\bdurée\s+|^\s*)limitée (?:(?:à la|aux|au|à)\b|à l['’])\s*|^\s*temps\s+(?:(?:de la|du|des|de)\b|de l['’]|d['’])\s*|^\s*(?:(?:de la|de l['’]|du|des)\s+|d['’]\s*)|^\s*(?:toute\s+)?(?:la\s+)?durée\s+(?:de la\b|de l['’]|du\b|des\b|de\b|d['’])\s*|\ble temps d[eu]s?\s+|\ble temps d['’]",
    )
});
pub(super) static WHILE_FRAMING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:(?:(?:le temps|(?:toute )?(?:la )?durée)\s+(?:durant laquelle|pendant laquelle|de la\b|de l['’]|du\b|des\b|de\b|d['’])|(?:toute )?(?:la )?période\s+(?:durant|pendant) laquelle|toute la\b|tout le\b|toute l['’]|tout l['’])\s*)+",
    )
});
pub(super) static ARTICLE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^(?:(?:les|le|la|un|une)\b\s*|l['’]\s*)"));
/// Whether a clause holds retention of its own: a length or a marker.
pub(super) fn has_retention(clause: &str) -> bool {
    find_length(clause).is_some()
        || NEEDED_ANYWHERE.is_match(clause)
        || UNTIL_ANCHOR.is_match(clause)
        || WHILE_ANCHOR.is_match(clause)
        || PERMANENT.is_match(clause)
        || REMOVAL_EVENT.is_match(clause)
        || FROM_ANCHOR.is_match(clause.trim_start_matches(|c: char| !c.is_alphabetic()))
}

/// What ends an event: a later phase with no retention of its own
/// (`… du dernier contact, puis suppression`), or the end of its list item,
/// marked by `;`, a bullet or a spaced dash (`… à compter de la clôture ;
/// sort final : destruction`, `… de la clôture - Sort final : tri`), or
/// the final fate after a comma (`… de la clôture, sort final : …`), or a
/// removal joined to the keeping (`… de leur collecte et supprimées …`).
pub(super) static EVENT_END: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i),?\s+puis\s+|\s*[;•]|\s+[-–—]\s+|,\s+sort\s+final\b|,?\s+et\s+(?:sont\s+)?(?:ensuite\s+)?(?:supprimée?s?|détruite?s?|effacée?s?|purgée?s?|anonymisée?s?)\b",
    )
});
/// A closing parenthesis that cites the rule's source (`(article L.123-22
/// du code de commerce)`) rather than naming the event.
pub(super) static TRAILING_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\s*\((?:art\.|article|articles|cf\.|code|loi|décret|arrêté|délibération|circulaire|instruction|règlement)[^()]*\)\s*$",
    )
});

/// A bound or a scope closing an event (`… au maximum`, `… pour les
/// candidats non retenus`).
pub(super) static EVENT_MAX: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)[\s,]+(?:{MAX_WORDS})\s*[.;,]?\s*$")));
pub(super) static EVENT_MIN: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)[\s,]+(?:{MIN_WORDS})\s*[.;,]?\s*$")));
pub(super) static EVENT_SCOPE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\s+pour\s+les\s+([^,;.()]+?)\s*[.;,]?\s*$"));
/// A parenthesis closing an event, and what it may say: a bound or a phase
/// of keeping, neither part of the event (see [`parse_clause`]).
pub(super) static EVENT_NOTE: LazyLock<Regex> = LazyLock::new(|| re(r"\s*\(([^()]*)\)\s*[.;,]?\s*$"));
pub(super) static NOTE_MAX: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)^\s*(?:(?:durée|délai)\s+)?(?:maximale?|{MAX_WORDS})\s*$")));
pub(super) static NOTE_PHASE: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)^\s*(?:en\s+)?(?:{PHASE_NAMES})\s*$")));
/// A qualifier closing an event that belongs to the length (`à compter de
/// leur collecte, renouvelable`).
pub(super) static EVENT_QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i),\s*(?:renouvelables?|glissants?|glissantes?)\s*[.;,]?\s*$|[\s,]+renouvelables?(?:\s+(?:tacitement|une\s+fois|par\s+tacite\s+reconduction))?\s*[.;,]?\s*$",
    )
});

/// Trims an event or state: what a later phase adds, surrounding spaces and
/// punctuation, then one leading article; what follows is kept as printed.
pub(super) fn trim_event(text: &str) -> Option<String> {
    let text = EVENT_END.find(text).map_or(text, |m| text.get(..m.start()).unwrap_or(text));
    let text = EVENT_QUALIFIER.find(text).map_or(text, |m| text.get(..m.start()).unwrap_or(text));
    let text = text.trim().trim_end_matches(['.', ',', ';', ':', ' ', '\u{a0}']).trim();
    let text = TRAILING_REFERENCE.replace(text, "");
    let text = text.trim().trim_end_matches(['.', ',', ';', ':', ' ', '\u{a0}']).trim();
    // A statement set in parentheses ends with them (`(supprimées en fin
    // d'année)`): their closing one is not the event's.
    let text = match text.strip_suffix(')') {
        Some(inner) if inner.matches('(').count() < inner.matches(')').count() + 1 => inner.trim_end(),
        _ => text,
    };
    let text = ARTICLE.replace(text, "").trim().to_string();
    (!text.is_empty()).then_some(text)
}

pub(super) fn rule(text: &str) -> RetentionRule {
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
pub(super) fn clause_before_trailing_hedge(clause: &str) -> &str {
    CONDITIONAL
        .find_iter(clause)
        .filter_map(|hedge| Some((clause.get(..hedge.start())?, clause.get(hedge.end()..)?)))
        .find(|(before, after)| before.trim_end().ends_with(',') && has_retention(before) && !has_retention(after))
        .map_or(clause, |(before, _)| before.trim_end().trim_end_matches(','))
}

/// `après` alone after a length, ending its clause: the event it counts
/// from was named before ([`EARLIER_END`]).
pub(super) static BARE_AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*après\s*\.?\s*$"));
/// An end named before a length that counts from it (`au départ de
/// l'agent et …`), up to the `et` or comma that goes on to the length.
pub(super) static EARLIER_END: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:au|à la|à l['’]|lors d[eu]|lors de la|dès (?:la|le|l['’]))\s*((?:{END_NOUNS})\b[^,;.]*?)\s*(?:,|\bet\b)"
    ))
});

/// Reads one clause (no alternatives or lists left in it).
pub(super) fn parse_clause(statement: &str, clause: &str) -> RetentionRule {
    let mut out = rule(statement);
    // A hedge past the clause's list item (`… ; en cas de recrutement,
    // versement au dossier`) hedges that item, not this rule.
    out.conditional = CONDITIONAL.is_match(clause.split(';').next().unwrap_or(clause));
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
        // A length `après` that ends the clause counts from the end named
        // before it (`désactivés au départ de l'agent et supprimés 3 mois
        // après`).
        if out.from.is_none() && BARE_AFTER.is_match(after) {
            out.from = EARLIER_END.captures(before).and_then(|c| c.get(1)).and_then(|e| trim_event(e.as_str()));
        }
        return out;
    }
    if PERMANENT.is_match(&clause) {
        out.kind = Kind::Permanent;
        return out;
    }
    let removal_event = || {
        let removal = REMOVAL_EVENT.captures(&clause)?;
        // After `en`, the end noun is the event's first word.
        removal.name("end_noun").map(|noun| noun.start()).or_else(|| removal.get(0).map(|m| m.end()))
    };
    let event_start = UNTIL_ANCHOR.find(&clause).map(|m| m.end()).or_else(removal_event);
    if let Some(start) = event_start {
        out.kind = Kind::UntilEvent;
        out.until = trim_event(clause.get(start..).unwrap_or(""));
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

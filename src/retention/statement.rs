//! One statement → its clauses: list items, alternatives, phases,
//! appositions and inline scopes, each with the scope it applies to.

use super::*;

/// Words before a participle of keeping or removal, opening the statement
/// (`Données de connexion conservées 6 mois`): no figures or clause marks.
pub(super) static PARTICIPLE_SUBJECT: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)^\s*([^\d:;,.()•]*[^\d\s:;,.()•])\s*,?\s+(?:{PARTICIPLES})\b")));

/// A clause that names an event, not a state: one of [`END_NOUNS`], a
/// date, a death or birth, a last act (`Clôture du dossier`, `Date de fin
/// de prise en charge`, `dernière connexion`). Before `+ 5 ans` it is
/// where the length counts from, where a state (`année en cours`, `durée
/// du mandat`) is kept while it lasts.
pub(super) static NAMES_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^\s*(?:(?:la|le|les)\s+|l['’]\s*)?(?:date\s+(?:de\s+(?:la\s+)?|d['’]\s*|du\s+))?(?:{END_NOUNS}|décès|naissance|radiation|résiliation|dernier|dernière)\b"
    ))
});

/// An article opening a subject, which its scope leaves out.
pub(super) static LEADING_ARTICLE_WORD: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:les|le|la|l['’]|un|une)\b\s*"));

/// A subject and the keeping or removal verb after it (`Les données sont
/// conservées`).
pub(super) static SUBJECT_VERB: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)^(.*?)\s*\b{AUXILIARY}(?:{PARTICIPLES})\b")));

/// A word that governs a statement (`Conservation`, `La conservation`,
/// `Durée de conservation :`, `DUA`), with `des données` naming all the
/// record's data.
pub(super) static GOVERNING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:(?:(?:la|leur|cette)\s+conservation|conservation|rétention|dur[ée]e de conservation|d[ée]lai de conservation|dur[ée]e de rétention|durée d['’]utilité administrative|dua|dur[ée]e)(?:\s+des\s+données\s*(?::\s*|$)|\s*:\s*|\s+|$)|archivage\s*:\s*)",
    )
});

/// Splits at `sep` where both sides hold retention of their own: the left
/// side anywhere, the right side at its very start (`… ou Jusqu'à 6 mois`,
/// `… ou à compter de …`), so that an `ou` inside an event (`par le greffier
/// ou le magistrat`) does not split it. After `soit`, a scoped clause
/// (`soit pour les agents au maximum deux mois …`) counts too. With
/// `alternatives`, the split parts alternatives, which a slash before the
/// final fate does not (it parts phases).
pub(super) fn split_where_both_retain<'a>(text: &'a str, sep: &Regex, alternatives: bool) -> Vec<&'a str> {
    let mut parts = Vec::new();
    let mut start = 0;
    // A separator inside a length (`1 an et 6 mois`, `M + 6`) splits nothing.
    let lengths: Vec<(usize, usize)> =
        LENGTH.find_iter(text).chain(YEAR_OFFSET.find_iter(text)).map(|m| (m.start(), m.end())).collect();
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
        let shared_anchor = alternatives && OR.is_match(m.as_str()) && shares_from_anchor(left, own);
        // A removal noun with a length or an event of its own (`…, puis
        // suppression au bout de 3 ans d'inactivité`).
        let removal = REMOVAL_HEAD.is_match(own) && has_retention(own);
        // A state extended by a legal term that gives no length (`…
        // augmentée des délais de recours`): the term is a rule of its own.
        let extended = EXTENDED_BY.is_match(m.as_str()) && LEGAL_TERM.is_match(own);
        if (has_retention(left) || added)
            && (RIGHT_HEAD.is_match(own)
                || soit
                || elided
                || phase
                || alternative_added
                || shared_anchor
                || removal
                || extended)
            && !BARE_REMOVAL.is_match(own)
        {
            parts.push(left);
            start = m.end();
        }
    }
    parts.push(text.get(start..).unwrap_or(""));
    parts
}

/// The preposition an alternative event keeps of the anchor it shares with
/// the event before (`ou du dernier contact`, `ou de leur dernier
/// contact`); a determiner other than an article stays the event's.
pub(super) static ELIDED_FROM: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\s*(?:(?:de la|du|des)\b|de l['’]|d['’]|de\s+(?P<kept>leur|leurs|sa|son|ses|cette|cet|ce|ces)\b)\s*")
});

/// Where the event starts after the preposition an alternative kept of a
/// shared anchor, if it opens so ([`ELIDED_FROM`]).
fn elided_from_end(part: &str) -> Option<usize> {
    let caps = ELIDED_FROM.captures(part)?;
    match caps.name("kept") {
        Some(kept) => Some(kept.start()),
        None => caps.get(0).map(|m| m.end()),
    }
}
/// An anchor an event is counted from, anywhere in a clause (`3 ans à
/// compter de leur collecte`).
static FROM_ANCHOR_INSIDE: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)\b(?:à|a)\s+(?:compter|partir)\s+{FROM_PREPOSITION}\s*")));
/// Words that open an event before its noun.
static DETERMINER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:le|la|les|l['’]\S*|leur|leurs|son|sa|ses|un|une|ce|cette|ces)$"));
/// A word that takes a noun's complement (`de`, `du`, `d’une`).
static COMPLEMENT_OPENING: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^(?:de|du|des|d['’]\S*)$"));

/// Whether `own`, after `ou`, is a second event counted from the anchor of
/// the event that ends `left`, the anchor left out but its preposition
/// (`3 ans à compter de leur collecte ou du dernier contact`). Where that
/// event's noun takes a complement itself (`la fin du contrat ou de la
/// mission`), the `ou` may join complements of one event: not split.
fn shares_from_anchor(left: &str, own: &str) -> bool {
    if !ELIDED_FROM.is_match(own) {
        return false;
    }
    FROM_ANCHOR_INSIDE.find_iter(left).last().is_some_and(|anchor| {
        let mut words = left.get(anchor.end()..).unwrap_or("").split_whitespace().peekable();
        if words.peek().is_some_and(|w| DETERMINER.is_match(w)) {
            words.next();
        }
        words.next().is_some() && !words.next().is_some_and(|w| COMPLEMENT_OPENING.is_match(w))
    })
}

/// Whether a separator adds the length after it to what goes before (`durée
/// du mandat + 1 an`, `… plus 5 ans`); `plus de 2 ans` bounds a length
/// instead, and never reaches here as a separator before a length.
pub(super) fn adds_length(separator: &str) -> bool {
    let separator = separator.trim();
    separator == "+" || separator.eq_ignore_ascii_case("plus")
}

/// Whether a `plus` is half of `au plus` (`conservées au plus 3 ans`), an
/// upper bound rather than an added length.
pub(super) fn bounds_with_plus(left: &str, separator: &str) -> bool {
    separator.trim().eq_ignore_ascii_case("plus")
        && left.split_whitespace().last().is_some_and(|word| word.eq_ignore_ascii_case("au"))
}

/// Whether a text ends on the lower end of a range (`entre 6 mois`), whose
/// `et` leads to the upper end rather than to another phase.
pub(super) fn opens_range(text: &str) -> bool {
    let text = text.trim_end();
    LENGTH.find_iter(text).last().is_some_and(|l| {
        l.end() == text.len()
            && RANGE_FROM
                .find(text.get(..l.start()).unwrap_or(""))
                .is_some_and(|m| m.as_str().to_lowercase().starts_with("entre"))
    })
}

/// How a clause with retention of its own starts; after a hedge (`en cas
/// de contentieux, jusqu'à …`), only with a length or an end of its own.
pub(super) static RIGHT_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^\s*(?:(?:en cas (?:de|d['’])[^,;:]+?|(?:à|a) défaut(?:\s+(?:de|d['’])[^,;:]+?)?),\s*(?:jusqu|\d|(?:{NUMBER_WORDS})\s|pendant|durant|tant qu)|(?:le cas échéant,?\s*)?(?:au plus tard,?\s+|au plus\s+|au maximum,?\s+|au moins\s+)?(?:jusqu|\d|(?:{NUMBER_WORDS})\s|pendant|durant|tant qu|(?:à|a) compter|(?:à|a) partir|après|illimit|conserv|supprim|purg|archiv|vers(?:ement|ée?s?)\s|sort final\s*:\s*(?:versement|conservation)|sans limit|sur demande|(?:à|a) la demande))"
    ))
});
/// A removal noun opening a clause (`suppression au bout de 3 ans`).
pub(super) static REMOVAL_HEAD: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)^\s*(?:{REMOVAL_NOUNS})\b")));
/// A phase that only says the data are then removed (`6 mois puis
/// supprimées`, `et supprimées au-delà`, `puis détruites à l'issue de ce
/// délai`): it ends the retention before it and adds no rule.
pub(super) static BARE_REMOVAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:supprimée?s?|détruite?s?|effacée?s?|purgée?s?|suppression|destruction|effacement|purge)(?:\s+(?:définitivement|automatiquement))?(?:\s+(?:au-delà|ensuite|après|(?:passé|après|au terme de|à l['’]issue de|à l['’]expiration de)\s+(?:ce|cette)\s+(?:délai|durée|période)))?\s*[.;]?\s*$",
    )
});
/// What parts alternatives: `ou`, `soit`, a slash set apart (`3 ans / 5 ans`).
pub(super) static OR: LazyLock<Regex> = LazyLock::new(|| re(r"(?i),?\s+ou\s+|,?\s+soit\s+|\s+/\s+"));
/// A clause opening on `soit`, which a later `soit` answers.
static SOIT_OPENING: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*soit\s"));
/// The archivists' final fate opening a clause (`sort final : versement`).
pub(super) static FINAL_FATE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*sort\s+final\b"));
pub(super) static THEN: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(r"(?i),?\s+puis\s+|\s+\+\s+|\s+plus\s+|,?\s+et\s+|,?\s+{EXTENDING}\s+(?:de|d['’])\s*|\s+/\s+"))
});
/// Participles that extend a state by a further span.
const EXTENDING: &str = "(?:augmentée?s?|majorée?s?|prolongée?s?)";
/// What extends a state by a further span (`augmentée de`, `majorée des`).
pub(super) static EXTENDED_BY: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)^,?\s+{EXTENDING}\s")));
/// A legal term that says no length (`s délais de recours`, what `des`
/// leaves after `augmentée de`; `la durée de prescription`).
pub(super) static LEGAL_TERM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:s\s+|la\s+|du\s+)?(?:délais?|durées?|périodes?)\s+(?:légale?s?\s+)?(?:de\s+|d['’])?(?:prescription|recours|contestation|réclamation)",
    )
});
pub(super) static LIST_SEP: LazyLock<Regex> = LazyLock::new(|| re(r"\s*;\s*•?\s*|\s*•\s*"));
pub(super) static APPOSITION: LazyLock<Regex> = LazyLock::new(|| re(r",\s+(?:pendant|durant|tant qu)"));
/// `des données` after a governing word, naming all the record's data.
pub(super) static OF_ALL_DATA: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*des\s+données\b\s*"));
pub(super) static OF_LABEL: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*(?:(?:des|du|de la)\b|de l['’])\s*"));
pub(super) static INLINE_SCOPE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(?:^|\s)([^:;•]{3,}?)\s*:\s*$"));
pub(super) static SOIT_SCOPE: LazyLock<Regex> =
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
    let mut body = with_added_years(&text).into_owned();
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
            .and_then(|l| {
                let head = subject.as_str().get(..l.start).unwrap_or("");
                OLDER_THAN.find(head).or_else(|| INACTIVE_SINCE.captures(head).and_then(|c| c.get(1)))
            })
            .filter(|_| find_length(&rest).is_none());
        let named = older.map_or(subject.as_str(), |m| subject.as_str().get(..m.start()).unwrap_or(""));
        if scope.is_none() {
            scope = subject_scope(named);
        }
        if let Some(m) = older {
            // What follows the verb then says how the data go, not when
            // (`… sont supprimés après information préalable`), save a hedge.
            hedged |= CONDITIONAL.is_match(&rest);
            body = format!("{} {verb}", subject.as_str().get(m.start()..).unwrap_or("").trim());
        } else {
            // A keeping denied past a length bounds it (`ne sont pas
            // conservées plus de 6 mois`), as `pas plus de` does.
            let denied = NEGATION_END.is_match(subject.as_str().trim()) || DENYING_ADVERB.is_match(&verb);
            let rest = if denied && MORE_THAN.is_match(&rest) { format!(" pas {}", rest.trim_start()) } else { rest };
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
        .flat_map(split_enclosed_lengths)
        .flat_map(split_before_caps);
    for item in items {
        let item = item.trim_start_matches(['•', ' ']);
        let (item_scope, item) = elided_scope(item, scope.as_ref());
        for (scope_here, scoped) in inline_scopes(item, item_scope.as_deref()) {
            let group_start = rules.len();
            let alternatives = split_where_both_retain(scoped, &OR, true);
            let shared_length = find_length(alternatives.first().copied().unwrap_or("")).map(|l| l.duration);
            // `Soit 1 an, soit 3 ans`: a `soit` answering the one that
            // opens the clause offers an alternative, where a lone one
            // restates or narrows what goes before.
            let paired_soit = alternatives.first().is_some_and(|first| SOIT_OPENING.is_match(first));
            // `3 mois (logs) / 1 an (comptes)`: a slash between lengths
            // that each name their own data parts a list, not alternatives.
            let scoped_alike = alternatives.iter().all(|alt| trailing_scope(alt).is_some());
            for (k, alt) in alternatives.iter().enumerate() {
                let slashed = scoped_alike && slash_before(scoped, alt);
                let is_soit = k > 0 && soit_before(scoped, alt) && !paired_soit;
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
                    for part in split_appositions(phase).into_iter().flat_map(length_then_permanent) {
                        let mut r = parse_clause(&text, part);
                        let counts_from_event =
                            std::mem::take(&mut event_added_to) && r.kind == Kind::Period && r.from.is_none();
                        if counts_from_event && let Some(event) = rules.pop() {
                            r.from = event.until;
                        }
                        // An end a length is added to (`jusqu'à la fin de la
                        // scolarité + 1 an`) is where that length counts from.
                        if added_to && r.kind == Kind::UntilEvent {
                            event_added_to = true;
                        }
                        if added_to && r.kind == Kind::Unspecified {
                            // What the governing word keeps `de` (`Conservation
                            // de l'année N + 5 ans`) is named without it.
                            let framed = WHILE_FRAMING.replace(part.trim(), "");
                            let named = OF_LABEL.replace(&framed, "");
                            if NAMES_EVENT.is_match(&named) {
                                r.kind = Kind::UntilEvent;
                                r.until = trim_event(&named);
                                event_added_to = true;
                            } else {
                                r.kind = Kind::While;
                                r.while_ = trim_event(&named);
                            }
                        }
                        // An alternative with only the anchor's preposition
                        // names no state, whatever its words.
                        let counted_from_too = rules.get(group_start).is_some_and(|first| first.from.is_some());
                        let event_start = FROM_ANCHOR
                            .find(part)
                            .filter(|_| r.kind == Kind::Unspecified)
                            .map(|anchor| anchor.end())
                            .or_else(|| elided_from_end(part).filter(|_| r.kind != Kind::Period && counted_from_too));
                        if k > 0
                            && let Some(event_start) = event_start
                        {
                            // `3 ans à compter de A ou à compter de B`, `… de A
                            // ou de B`: the length and its bound are shared.
                            r.kind = Kind::Period;
                            r.duration = shared_length.clone();
                            r.bound = rules.get(group_start).map_or(Bound::Exact, |first| first.bound);
                            r.from = trim_event(part.get(event_start..).unwrap_or(""));
                            r.until = None;
                            r.while_ = None;
                        }
                        r.applies_to = match (&phase_scope, trailing_scope(part)) {
                            (Some(outer), Some(inner)) => Some(format!("{outer} : {inner}")),
                            (outer, inner) => inner.or_else(|| outer.clone()),
                        };
                        if is_soit {
                            // `la durée nécessaire au traitement, soit 2 ans`:
                            // the length says what the need came to.
                            let restated = r.kind != Kind::Unspecified
                                && rules.len() > group_start
                                && rules.last().is_some_and(|last| last.kind == Kind::Unspecified);
                            if restated {
                                rules.pop();
                            }
                            if let Some(inner) = SOIT_SCOPE.captures(part).and_then(|c| c.get(1)) {
                                let inner = inner.as_str().trim().to_string();
                                r.applies_to = Some(match &phase_scope {
                                    Some(outer) => format!("{outer} : {inner}"),
                                    None => inner,
                                });
                            }
                        } else if k > 0 && rules.len() == alternative_start && !slashed {
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
pub(super) static LABEL_BOUND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:durées?|délais?)\s+(?:de\s+conservation\s+)?(maximale?s?|maximum|minimale?s?|minimum)(?:\s+de\s+conservation)?\s*:",
    )
});

/// What says data are older than the length after it, ending where the
/// length starts (`depuis plus de`, `datant de plus de`).
pub(super) static OLDER_THAN: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\s+(?:(?:datant|âgée?s?|vieux|vieilles?)\s+de\s+|depuis\s+|de\s+)plus\s+(?:de|d['’])\s*$")
});

/// Inactive for a length (`inactifs depuis` 3 ans): the data are removed
/// once that long inactive; `depuis` (captured) opens the length.
pub(super) static INACTIVE_SINCE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\binacti(?:f|ve)s?\s+(depuis)\s*$"));

/// Whether a bare `Durée` opens the state it names (`Durée de vie du
/// compte + 2 ans`) rather than governing a statement (`Durée : 5 ans`).
pub(super) fn names_a_state(governing: &str, rest: &str) -> bool {
    governing.trim().eq_ignore_ascii_case("durée")
        && STATE_COMPLEMENT.is_match(rest)
        && find_length(rest).is_none_or(|l| l.start > 3)
}

pub(super) static STATE_COMPLEMENT: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^(?:de|du|des|d['’])(?:\s|$)|^d['’]"));
pub(super) static COMMA: LazyLock<Regex> = LazyLock::new(|| re(r",\s+"));
/// The scope named after a length, a bound between them (`13 mois
/// maximum pour les cookies`).
pub(super) static TRAILING_SCOPE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:(?:au\s+)?(?:maximum|minimum|max\.?|min\.?)\s+)?pour\s+(?:les|le|la|l['’])\s*([^,;.()]+?)\s*[.;,]?\s*$",
    )
});
pub(super) static NOT_A_SCOPE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:durées?|périodes?|temps|délais?|besoins?|nécessités?|finalités?|traitements?)\b"));

/// Splits `12 mois après la fin du contrat, 5 ans pour la facturation` where
/// a comma is followed by a length of its own, or by a phase with its own
/// retention (`en base active pendant l'adhésion, en archivage 5 ans`).
pub(super) fn split_before_lengths(text: &str) -> Vec<&str> {
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

/// Splits a length from a parenthesis after it that opens with a length of
/// its own (`1 an (3 ans en cas de contentieux)`, `10 ans (5 ans pour les
/// pièces comptables)`), or with a label and its length (`5 ans après le
/// départ (dossier individuel : 80 ans …)`): the parenthesis is a rule of
/// its own, read without its brackets.
pub(super) fn split_enclosed_lengths(text: &str) -> Vec<&str> {
    let trimmed = text.trim_end().trim_end_matches(['.', ';', ',']).trim_end();
    let enclosed = trimmed
        .strip_suffix(')')
        .and_then(|t| t.rfind('(').map(|open| (open, t)))
        .and_then(|(open, t)| Some((t.get(..open)?, t.get(open + 1..)?)));
    match enclosed {
        Some((left, inner))
            if !inner.contains(['(', ')'])
                && find_length(left).is_some()
                && (find_length(inner)
                    .is_some_and(|l| l.start == 0 && says_more(inner.get(l.end..).unwrap_or("")))
                    || labelled_length(inner)) =>
        {
            vec![left.trim_end(), inner.trim()]
        }
        _ => vec![text],
    }
}

/// Whether a text is a label and the length it keeps (`dossier
/// individuel : 80 ans`): a few words without figures, a colon, a length.
fn labelled_length(text: &str) -> bool {
    text.split_once(':').is_some_and(|(label, rest)| {
        let words = label.split_whitespace().count();
        (1..=MAX_ENCLOSED_LABEL_WORDS).contains(&words)
            && !label.contains(|c: char| c.is_ascii_digit())
            && find_length(rest.trim_start()).is_some_and(|l| l.start == 0)
    })
}

/// Most words of a label opening a parenthesis ([`labelled_length`]).
const MAX_ENCLOSED_LABEL_WORDS: usize = 6;

/// Whether the words after a length in parentheses say more than a bound
/// (`1 an (12 mois)` and `3 ans (36 mois maximum)` restate the length).
fn says_more(after_length: &str) -> bool {
    let rest = after_length.trim();
    !rest.is_empty() && !NOTE_MAX.is_match(rest)
}

/// A cap on a length already given (`6 mois, dans la limite de 2 ans`,
/// `1 an renouvelable sans excéder 3 ans`), up to the capping length.
pub(super) static CAP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i),?\s*\b(?:dans la limite (?:de|d['’])|sans (?:excéder|dépasser)|ne pouvant (?:excéder|dépasser)|n['’](?:excédant|dépassant) pas|ne (?:dépassant|excédant) pas)\s*",
    )
});

/// Splits a length from the cap after it (`1 an renouvelable dans la
/// limite de 3 ans`): the cap is a rule of its own, bounded above, where
/// it caps a length the words before it already give and itself opens
/// with a length.
pub(super) fn split_before_caps(text: &str) -> Vec<&str> {
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
pub(super) const MAX_ELIDED_SUBJECT_WORDS: usize = 5;

/// An article and words without figures or clause marks: a subject.
pub(super) static ELIDED_SUBJECT: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^(?:les|le|la|l['’])\s*[^\d:;,()+]+$"));

/// A verb that makes words a clause rather than a subject (`Les vidéos
/// sont écrasées après`).
pub(super) static FINITE_VERB: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:sont|est|seront|sera|doivent|doit|peuvent|peut|pourront|pourra)\b"));

/// A participle of keeping or removal anywhere in words (`Données de
/// connexion conservées`): a clause, not a subject.
pub(super) static KEEPING_PARTICIPLE: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)\b(?:{PARTICIPLES})\b")));

/// A phase of keeping named as a subject (`l'archivage 5 ans`): no data.
pub(super) static PHASE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)^(?:{PHASE_NAMES})\b")));

/// An item that leaves out the verb of the one before it (`Les logs sont
/// conservés 6 mois ; les sauvegardes 1 mois`, `… et les devis 3 ans`): a
/// subject (an article and a few words), then its own length. Returns the
/// subject and the retention after it.
pub(super) fn elided_verb_item(item: &str) -> Option<(&str, &str)> {
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
pub(super) static BARE_PLURAL_SUBJECT: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^(\p{L}{3,}[sx])\b[^\d:;,()+]*$"));

/// Words ending like a plural noun that open no subject.
pub(super) static NOT_A_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:dans|sans|sous|vers|après|depuis|puis|plus|moins|alors|ainsi|hors|lors|très|tous|toutes|certains|certaines|plusieurs|divers|diverses|leurs|jamais|toujours|mois|ans|jours)$",
    )
});

/// Whether words are a subject without its article (see [`BARE_PLURAL_SUBJECT`]).
pub(super) fn is_bare_plural_subject(subject: &str) -> bool {
    BARE_PLURAL_SUBJECT.captures(subject).and_then(|c| c.get(1)).is_some_and(|w| !NOT_A_NOUN.is_match(w.as_str()))
}

/// Whether an elided item's subject names data: words that qualify the
/// length (`la durée de …`) or a phase of keeping (`l'archivage`) do not.
pub(super) fn elided_subject_names_data(subject: &str) -> bool {
    let bare = ARTICLE.replace(subject, "");
    !NOT_A_SCOPE.is_match(&bare) && !PHASE_SUBJECT.is_match(&bare)
}

/// The scope of an item whose verb is left out, and the retention it
/// holds: its own subject where that names data, else the outer scope and
/// the whole item.
pub(super) fn elided_scope<'a>(item: &'a str, outer: Option<&String>) -> (Option<String>, &'a str) {
    match elided_verb_item(item) {
        Some((subject, rest)) if elided_subject_names_data(subject) => {
            (subject_scope(subject).or_else(|| outer.cloned()), rest)
        }
        _ => (outer.cloned(), item),
    }
}

/// The scope named after a length (`5 ans pour les données de facturation`,
/// `1 an (journaux de connexion)`).
pub(super) fn trailing_scope(clause: &str) -> Option<String> {
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
pub(super) static DATA_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:les\s+|des\s+)?(?:données|informations|pièces|documents|dossiers|images|vidéos|photos|photographies|enregistrements|journaux|logs|traces|fichiers|copies|coordonnées|relevés)\b",
    )
});

/// Whether a parenthesis closing an event names what the length keeps
/// (`3 ans après la fin de la relation (données de contact)`) rather than
/// saying more of the event (`dernière connexion (compte inactif)`): it
/// opens with a noun of data and names a scope as one after a length does
/// ([`parenthesized_scope`]).
pub(super) fn note_names_data(note: &str) -> bool {
    DATA_NOUN.is_match(note) && parenthesized_scope(&format!("({note})")).is_some()
}

/// Most words a scope in parentheses after a length has.
pub(super) const MAX_PAREN_SCOPE_WORDS: usize = 6;

/// A parenthesis right after a length (a bound between them), as
/// `1 an (journaux de connexion) ; 5 ans (comptes)` names what each length
/// keeps.
pub(super) static PAREN_SCOPE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\s*(?:maximum|max\.?|minimum|min\.?|au plus|au maximum|au moins)?\s*\(([^()]+)\)\s*[.;,]?\s*$")
});
/// Words of a parenthesis that says why or by which rule the length holds
/// (`délai de prescription`, `art. L. 123-22 du code de commerce`) or how
/// it is counted (`renouvelable`, `glissants`), not what it keeps.
pub(super) static RULE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:art\.?|articles?|code|loi|décret|arrêté|règlement|rgpd|cnil|délai|prescription|dua|durée|recommandation|référentiel|obligation|légale?|réglementaire|instruction|circulaire|cf\.?|voir|soit|environ|renouvelables?|glissante?s?|révolue?s?|calendaires?|ouvrée?s?|civile?s?|pleine?s?|maximum|minimum|max|min|indicati(?:f|ve)s?)\b",
    )
});

/// The scope a parenthesis after a length names: a few words, no figures,
/// no retention of their own, and neither a rule nor a phase of keeping
/// (`archives définitives`).
pub(super) fn parenthesized_scope(after: &str) -> Option<String> {
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

/// The lower-case text of `whole` before its slice `part`, its trailing
/// spaces trimmed: what separates `part` from the part before.
fn lower_text_before(whole: &str, part: &str) -> String {
    let offset = (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize);
    whole.get(..offset).unwrap_or("").trim_end().to_lowercase()
}

/// Whether `part` of `whole` follows a slash.
pub(super) fn slash_before(whole: &str, part: &str) -> bool {
    lower_text_before(whole, part).ends_with('/')
}

/// Whether `part` of `whole` follows `soit`.
pub(super) fn soit_before(whole: &str, part: &str) -> bool {
    lower_text_before(whole, part).ends_with("soit")
}

/// A keeping for good that begins after a length (`Archivage définitif
/// après 10 ans`, `Au-delà de 10 ans, archivage définitif`): two phases,
/// the length and then the permanent keeping, each as its own part.
pub(super) fn length_then_permanent(part: &str) -> Vec<&str> {
    let (Some(permanent), Some(length)) = (PERMANENT.find(part), find_length(part)) else {
        return vec![part];
    };
    let Some(after) = AFTER_LENGTH.find(part.get(..length.start).unwrap_or("")) else {
        return vec![part];
    };
    let permanent_part = if permanent.end() <= after.start() {
        part.get(..after.start())
    } else if permanent.start() >= length.end {
        part.get(permanent.start()..)
    } else {
        None
    };
    match (part.get(length.start..length.end), permanent_part) {
        (Some(length), Some(permanent)) => vec![length, permanent],
        _ => vec![part],
    }
}

/// What opens a length that ends a phase (`après` 10 ans, `au-delà de`).
static AFTER_LENGTH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:après|au-delà\s+(?:de|d['’])|à\s+l['’]issue\s+(?:de|d['’])|au\s+terme\s+(?:de|d['’])|au\s+bout\s+(?:de|d['’]))\s*$",
    )
});

/// `tant qu'elles sont actives, pendant la période …`: two states.
pub(super) fn split_appositions(text: &str) -> Vec<&str> {
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
pub(super) fn inline_scopes<'a>(text: &'a str, outer: Option<&str>) -> Vec<(Option<String>, &'a str)> {
    let mut starts: Vec<(usize, usize, String)> = Vec::new();
    let mut search = 0;
    while let Some(colon) = text.get(search..).and_then(|t| t.find(':')).map(|c| c + search) {
        let after = text.get(colon + 1..).unwrap_or("");
        // A final fate that keeps for good opens a phase (`…, sort final :
        // conservation`); destruction or sorting adds none.
        let next = after.split(':').next().unwrap_or("");
        let fate = FINAL_FATE_LABEL.is_match(text.get(..colon).unwrap_or(""))
            && PERMANENT.is_match(&format!("sort final :{next}"));
        let next_retains = fate || opens_with_retention(next);
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
    for (i, (label_start, body_start, label)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(text.len(), |n| n.0);
        // The final fate is read with its label (`sort final :
        // conservation` keeps for good, `conservation` alone says nothing).
        let body_start = if FINAL_FATE.is_match(label) { label_start } else { body_start };
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

/// The final fate ending a label (`10 ans, sort final`).
static FINAL_FATE_LABEL: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(?:^|[\s,;/])sort\s+final\s*$"));

/// A label naming a phase of keeping rather than data: active base,
/// intermediate or final archiving.
pub(super) static PHASE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)^(?:(?:en|dans la|puis)\s+)?(?:{PHASE_NAMES})$")));
/// A phase opening a clause (`en archivage intermédiaire 5 ans`).
pub(super) static PHASE_OPENING: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)^\s*(?:en|dans la|puis)\s+(?:{PHASE_NAMES})\b")));
pub(super) const PHASE_NAMES: &str = r"base\s+(?:active|d['’]archives?|de\s+production)|archivage(?:\s+(?:intermédiaire|définitif|électronique))?|archives?(?:\s+(?:intermédiaires?|définitives?|courantes?))?|conservation\s+(?:en\s+base\s+active|intermédiaire)";

/// A label naming the retention rather than data: its length, period or
/// keeping (`Durée de conservation`, `Délai`, `DUA`, the archivists'
/// `Sort final`).
/// Its qualifier alone is one too, once the statement's `Durée` has been
/// read (`Durée légale de conservation :` leaves `légale de conservation`),
/// as is a parenthesis alone, which restates that name
/// (`Durée d'utilité administrative (DUA) :` leaves `(DUA)`).
pub(super) static RETENTION_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:(?:dur[ée]es?|d[ée]lais?|périodes?|conservation|rétention|dua|sort\s+final)\b|(?:légale?s?|réglementaires?|maximale?s?|minimale?s?)(?:\s+de\s+conservation)?$|\([^()]*\)$)",
    )
});

/// Whether a scope's text opens with its retention: a length, or a state,
/// an end or permanence (`Dossier administratif : durée de la carrière +
/// 5 ans`).
pub(super) fn opens_with_retention(text: &str) -> bool {
    let near_start = |m: Option<regex::Match>| m.is_some_and(|m| m.start() <= 3);
    find_length(text).is_some_and(|l| l.start <= 3)
        || near_start(WHILE_ANCHOR.find(text))
        || near_start(UNTIL_ANCHOR.find(text))
        || near_start(PERMANENT.find(text))
}

/// A label's text without a leading bullet, number or length from a
/// previous scope (`1 an Sur le portail …` → `Sur le portail …`).
pub(super) fn strip_to_label(text: &str) -> String {
    let mut t = text.trim();
    if let Some(l) = find_length(t)
        && l.start <= 1
    {
        t = t.get(l.end..).unwrap_or("").trim();
    }
    // What parted it from the length before (`1 an / archivage
    // intermédiaire :`, `10 ans, sort final :`) is not the label's either.
    let t = t.trim_start_matches(|c: char| {
        matches!(c, '•' | '-' | ')' | '.' | '/' | ',' | '+') || c.is_ascii_digit() || c.is_whitespace()
    });
    // A label opening a parenthesis (`6 mois (vidéoprotection : 30 jours)`)
    // is named without it.
    let t = if t.contains(')') { t } else { t.trim_start_matches('(') };
    // Nor is the end of a clause before it (`à compter de la clôture, sort
    // final :`): a label states no retention.
    let t = match t.rsplit_once(", ") {
        Some((clause, label)) if has_retention(clause) => label,
        _ => t,
    };
    // A label naming the keeping of data names that data (`conservation
    // des comptes :`), unless that is all the record's data.
    let t = KEEPING_OF
        .captures(t)
        .and_then(|c| c.get(1))
        .filter(|kept| !ALL_PERSONAL_DATA.is_match(kept.as_str().trim()))
        .map_or(t, |kept| kept.as_str());
    t.trim().to_string()
}

/// The keeping of named data, as a label (`conservation des comptes`,
/// `durée de conservation des logs`): the data is captured.
static KEEPING_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^(?:(?:dur[ée]e|d[ée]lai)\s+de\s+)?(?:conservation|rétention)\s+(?:des|du|de\s+la|de\s+l['’])\s*(\S.*)$")
});

/// A label or subject naming the record's personal data as a whole
/// (`Informations d'ordre personnel`, `Les données à caractère personnel`):
/// it narrows nothing, so the statement applies to the whole record.
pub(super) static ALL_PERSONAL_DATA: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^(?:les\s+)?(?:données|informations)(?:\s+(?:personnelles|d['’]ordre personnel|à caractère personnel))?$")
});

/// The label a statement is scoped to, unless it names all the record's data
/// or a phase of keeping (`Base active : 1 an`), which scopes nothing.
pub(super) fn scope_label(label: Option<String>) -> Option<String> {
    label.filter(|l| !ALL_PERSONAL_DATA.is_match(l.trim()) && !PHASE_LABEL.is_match(l.trim()))
}

/// A demonstrative pronoun and the preposition after it (`ceux des`,
/// `celles de la`).
pub(super) static DEMONSTRATIVE_OF: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:ceux|celles|celui|celle)\s+(?:(?:des|du|de la|de)\b|de l['’]|d['’])\s*"));

/// A negation ending a subject, before the verb or participle it denies.
pub(super) static NEGATION_END: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(?:^|\s+)(?:non|ne|n['’])$"));

/// The adverb of a denied verb (`sont pas conservées`, `jamais`).
static DENYING_ADVERB: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:pas|jamais|plus)\s"));
/// `plus de` opening what follows the verb: more than a length.
static MORE_THAN: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*plus\s+(?:de|d['’])"));
/// A personal pronoun standing for the record's data (`Elles sont
/// supprimées …`): a subject that names nothing.
static PRONOUN: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:elles?|ils?|celles?-ci|ceux-ci|celui-ci|celles?-là|ceux-là)$"));
/// `aucune` / `aucun` opening a denied subject (`Aucune donnée …`).
static NONE_OF: LazyLock<Regex> = LazyLock::new(|| re(r"^aucune?\s+"));
/// The scope a grammatical subject names, or `None` for generic subjects.
pub(super) fn subject_scope(subject: &str) -> Option<String> {
    // A negation is no part of what it denies (`Données non conservées`,
    // `Les CV ne sont pas conservés`).
    let subject = NEGATION_END.replace(subject.trim(), "");
    let subject = subject.trim().trim_end_matches(',');
    // The subject is the last clause's (`Les CV retenus sont versés au
    // dossier ; ceux des candidats non retenus sont détruits …`).
    let subject = subject.rsplit([',', ';']).next().unwrap_or(subject).trim();
    // A length in it is another clause's (`L'inscription est valable 1 an
    // et les données sont supprimées …`): the subject follows its `et`.
    let subject = match find_length(subject) {
        Some(_) => subject.rsplit_once(" et ").map(|(_, last)| last.trim())?,
        None => subject,
    };
    // A pronoun standing for what it names after it (`ceux des candidats
    // non retenus`).
    let subject = DEMONSTRATIVE_OF.find(subject).map_or(subject, |m| subject.get(m.end()..).unwrap_or(subject));
    let lower = subject.to_lowercase();
    if lower.starts_with("ces ") || lower.starts_with("cette ") || lower.starts_with("ce ") || PRONOUN.is_match(&lower)
    {
        return None;
    }
    // `Aucune donnée de santé n'est conservée …`: what is denied is kept
    // no longer than the length, so the words after `aucune` name it.
    let (lower, subject) = match NONE_OF.find(&lower) {
        Some(m) => (lower.get(m.end()..).unwrap_or("").to_string(), subject.get(m.end()..).unwrap_or("")),
        None => (lower.clone(), subject),
    };
    let bare = LEADING_ARTICLE_WORD.replace(&lower, "").to_string();
    if bare == "données" || bare == "donnée" || bare.is_empty() {
        return None;
    }
    let stripped = ARTICLE.replace(subject, "").trim().to_string();
    scope_label((!stripped.is_empty()).then_some(stripped))
}

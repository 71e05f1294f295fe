//! Header vocabulary: which field of the SPEC a printed column header maps to.

use regex::Regex;
use std::sync::LazyLock;

/// The fields the SPEC names, each with the header forms that map to it,
/// compared once normalized ([`normalize`]); a header maps to a field when it
/// equals a form or starts with it followed by a word boundary.
const KNOWN_FIELDS: &[(&str, &[&str])] = &[
    ("number", &["n°", "no", "numero", "num", "ref", "reference", "id", "identifiant"]),
    (
        "title",
        &[
            "intitule",
            "nom du traitement",
            "traitement",
            "denomination du traitement",
            "nom",
            "activite de traitement",
            "activite",
            "libelle",
            "designation du traitement",
            "designation",
        ],
    ),
    ("purposes", &["finalite", "finalite du traitement", "objet du traitement", "objectif"]),
    (
        "controllers",
        &[
            "rt",
            "co-rt",
            "responsable de traitement",
            "responsable du traitement",
            "responsable conjoint",
            "co-responsable",
            "co-responsable de traitement",
            "nom et coordonnee du responsable",
        ],
    ),
    (
        "data_subjects",
        &[
            "categorie de personne concernee",
            "personne concernee",
            "categorie de personne",
            "personne",
            "public concerne",
        ],
    ),
    ("data_categories", &["categorie de donnee", "donnee traitee", "donnee collectee", "donnee personnelle", "donnee"]),
    // Persons authorised to access the data are its recipients inside the
    // body, not persons it is about.
    ("recipients", &["categorie de destinataire", "destinataire", "personne habilitee"]),
    (
        "retention_period",
        &["duree de conservation", "conservation", "duree", "delai de conservation", "duree de retention"],
    ),
    (
        "legal_basis",
        &["base legale", "base juridique", "fondement juridique", "fondement legal", "liceite", "base de liceite"],
    ),
    ("processors", &["sous-traitant", "prestataire"]),
    ("transfers", &["transfert", "transfert hors ue", "transfert hors union europeenne"]),
    ("security", &["mesure de securite", "securite"]),
];

/// Header forms that name a column of their own although a known form
/// opens them: sensitive data (`Données sensibles`, article 9) and data
/// on offences (`Données d'infraction`, article 10) are asked apart from
/// the data categories, most often as `Oui` or `Non`.
const OWN_COLUMNS: &[&str] = &["donnee sensible", "donnee d infraction", "donnee relative aux infraction"];

fn strip_accent(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' => 'i',
        'ô' | 'ö' | 'ó' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        'ÿ' => 'y',
        'œ' => 'o',
        other => other,
    }
}

/// A word without the one or two figures a text rendering glued to its
/// letters as a footnote call (`finalites1`); a word of figures, or of
/// letters and figures mixed, as it is.
fn without_glued_call(word: &str) -> &str {
    let stem = word.trim_end_matches(|c: char| c.is_ascii_digit());
    let call = word.len() - stem.len();
    let letters = stem.chars().count() >= 3 && stem.chars().all(char::is_alphabetic);
    if (1..=2).contains(&call) && letters { stem } else { word }
}

/// Lower case, no accents, no `*`, superscript figures, `(s)` or plural
/// `s`/`x`, single spaces.
pub fn normalize(header: &str) -> String {
    let lower: String = header.to_lowercase().chars().map(strip_accent).collect();
    // `N °`: a degree sign set apart (a header broken over two lines) still
    // belongs to its letter. A footnote call (`*`, `¹`) is no part of the
    // header's name.
    let cleaned = lower.replace("(s)", "").replace(" °", "°").replace(['*', ':', '’', '\''], " ");
    let cleaned: String = cleaned.chars().filter(|&c| !crate::layout::is_superscript_figure(c)).collect();
    cleaned
        .split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|c: char| c == '.' || c == ',');
            // Nor is a call a text rendering glued to its word as plain
            // figures (`Finalités1`).
            let w = without_glued_call(w);
            match w.strip_suffix(['s', 'x']) {
                Some(stem) if stem.len() >= 3 => stem,
                _ => w,
            }
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

static RECORD_CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\d{1,4}\.?|\p{Lu}{1,5}[-_]?\d{1,4})$").unwrap_or_else(|_| unreachable!()));

/// Whether a word is a plain record number or code (`12`, `3.`, `T-03`),
/// as a numbered register's first column holds: not a quantity's number
/// followed by its unit, nor a list mark (`1)`).
pub fn is_record_code(word: &str) -> bool {
    RECORD_CODE.is_match(word)
}

/// [`KNOWN_FIELDS`] with every form normalized as headers are (`hors` →
/// `hor`), so that forms can be written as printed.
static NORMALIZED_FIELDS: LazyLock<Vec<(&'static str, Vec<String>)>> = LazyLock::new(|| {
    KNOWN_FIELDS.iter().map(|(field, forms)| (*field, forms.iter().map(|f| normalize(f)).collect())).collect()
});

fn all_forms() -> impl Iterator<Item = &'static String> {
    NORMALIZED_FIELDS.iter().flat_map(|(_, forms)| forms.iter())
}

/// The known field a header maps to, if any.
pub fn known_field(header: &str) -> Option<&'static str> {
    known_field_match(header).map(|(field, _)| field)
}

/// Whether a header opens with one of the known fields' forms
/// ([`known_field`] without its reading of any header ending on
/// `concerné(e)s` as the persons concerned).
pub fn names_known_form(header: &str) -> bool {
    known_field_match(header).is_some_and(|(_, form_length)| form_length > 0)
}

/// The known field whose header form `label` is, word for word (no words
/// after the form's, unlike [`known_field`]): a label set alone.
pub fn field_named(label: &str) -> Option<&'static str> {
    let norm = normalize(label);
    NORMALIZED_FIELDS.iter().find(|(_, forms)| forms.contains(&norm)).map(|(field, _)| *field)
}

/// How the legal bases of article 6 of the GDPR open a cell (any case,
/// accents and plurals; `art. 6-1-e` as printed alone).
const LEGAL_BASIS_OPENINGS: &[&str] = &[
    "obligation légale",
    "mission d'intérêt",
    "mission de service public",
    "intérêt public",
    "exercice de l'autorité publique",
    "consentement",
    "contrat",
    "exécution d'un contrat",
    "exécution du contrat",
    "exécution d'une mission",
    "mesures précontractuelles",
    "intérêt légitime",
    "intérêts vitaux",
    "sauvegarde des intérêts",
    "article 6",
    "art. 6",
];

/// Words a legal basis opening is read over, at most.
const LEGAL_BASIS_OPENING_WORDS: usize = 4;

/// Whether `words` open a cell the way a legal basis of article 6 of the
/// GDPR does (`Obligation légale`, `Mission d’intérêt public`,
/// `Consentement`), with a capital.
pub fn opens_legal_basis(words: &[String]) -> bool {
    if !words.first().is_some_and(|w| w.starts_with(char::is_uppercase)) {
        return false;
    }
    let head = normalize(&words.iter().take(LEGAL_BASIS_OPENING_WORDS).cloned().collect::<Vec<_>>().join(" "));
    NORMALIZED_LEGAL_BASIS_OPENINGS
        .iter()
        .any(|o| head.strip_prefix(o.as_str()).is_some_and(|rest| !rest.starts_with(char::is_alphanumeric)))
}

/// [`LEGAL_BASIS_OPENINGS`] as [`normalize`] writes them, once.
static NORMALIZED_LEGAL_BASIS_OPENINGS: LazyLock<Vec<String>> =
    LazyLock::new(|| LEGAL_BASIS_OPENINGS.iter().map(|o| normalize(o)).collect());

/// Whether `words` open a known header form, word for word (`Catégories
/// de`, set on a line of its own where a label wraps).
pub fn opens_field_name(words: &str) -> bool {
    let norm = normalize(words);
    !norm.is_empty()
        && all_forms().any(|form| *form == norm || form.strip_prefix(norm.as_str()).is_some_and(|r| r.starts_with(' ')))
}

/// Whether `label`, a header that names no field itself, is a group label
/// over `header` (`Catégories` over `Personnes concernées`): the field
/// `header` maps to has a form that opens with `label`'s words.
pub fn groups_header(label: &str, header: &str) -> bool {
    let norm = normalize(label);
    let opens = |form: &String| form.strip_prefix(norm.as_str()).is_some_and(|rest| rest.starts_with(' '));
    !norm.is_empty()
        && known_field(label).is_none()
        && known_field(header)
            .is_some_and(|field| NORMALIZED_FIELDS.iter().any(|(f, forms)| *f == field && forms.iter().any(opens)))
}

/// The known field a header maps to and the length of the form it matched
/// (the longer, the more specific the header).
fn known_field_match(header: &str) -> Option<(&'static str, usize)> {
    let norm = normalize(header);
    if OWN_COLUMNS.iter().any(|own| starts_with_form(&norm, own)) {
        return None;
    }
    let mut best: Option<(&'static str, usize)> = None;
    for (field, forms) in NORMALIZED_FIELDS.iter() {
        for form in forms {
            let matches = starts_with_form(&norm, form);
            if matches && best.is_none_or(|(_, len)| form.len() > len) {
                best = Some((field, form.len()));
            }
        }
    }
    // Whoever a header calls concerned (`Usagers concernés`, `Public
    // concerné`) are the persons the data is about.
    let concerned = || {
        let mut words = norm.split(' ');
        let last = words.next_back();
        (words.next().is_some() && matches!(last, Some("concerne" | "concernee"))).then_some(("data_subjects", 0))
    };
    best.or_else(concerned)
}

/// Whether a normalized header is `form`, or `form` followed by more words.
fn starts_with_form(norm: &str, form: &str) -> bool {
    norm == form || norm.strip_prefix(form).is_some_and(|rest| rest.starts_with([' ', '(', '-', '/']))
}

/// The fields of a table's headers, each used once: where two headers map
/// to one known field (`Catégories de données` and `Données sensibles`),
/// the more specific keeps it (the first on a tie) and the other is named
/// by its slug, as unknown headers are; a slug already taken gets `_2`,
/// `_3`….
pub fn fields_for_headers(headers: &[String]) -> Vec<String> {
    let matches: Vec<Option<(&'static str, usize)>> = headers.iter().map(|h| known_field_match(h)).collect();
    // The header keeping each known field: the longest match, the first on a tie.
    let mut keeper: Vec<(&'static str, usize, usize)> = Vec::new();
    for (i, m) in matches.iter().enumerate() {
        let Some((field, len)) = *m else { continue };
        match keeper.iter_mut().find(|(f, _, _)| *f == field) {
            Some(entry) if len > entry.2 => *entry = (field, i, len),
            Some(_) => {}
            None => keeper.push((field, i, len)),
        }
    }
    let kept: Vec<&str> = keeper.iter().map(|(f, _, _)| *f).collect();
    let mut out: Vec<String> = Vec::with_capacity(headers.len());
    for (i, header) in headers.iter().enumerate() {
        if let Some((field, _, _)) = keeper.iter().find(|(_, k, _)| *k == i) {
            out.push((*field).to_string());
            continue;
        }
        let base = slug(header).replace('-', "_");
        let mut field = base.clone();
        let mut n = 1;
        while out.contains(&field) || kept.contains(&field.as_str()) || field.is_empty() {
            n += 1;
            field = format!("{base}_{n}");
        }
        out.push(field);
    }
    out
}

/// Whether a phrase could open a register header cell: its first word is a
/// header word of a known field.
pub fn is_header_start(phrase: &str) -> bool {
    let norm = normalize(phrase);
    let first = norm.split(' ').next().unwrap_or("");
    all_forms().any(|form| form.split(' ').next() == Some(first))
        || phrase
            .split(' ')
            .next()
            .and_then(hyphenated_stem)
            .is_some_and(|stem| all_forms().any(|form| form.split(' ').next().is_some_and(|w| w.starts_with(&stem))))
}

/// The start of a word a typesetter hyphenated at a line's end with a
/// hyphen of its own (`Traite‐`, `Don‐`, see
/// [`crate::layout::ends_in_added_hyphen`]), normalized: two letters or
/// more before the hyphen. A `-` may be the word's own (`co-` / `RT)`).
fn hyphenated_stem(word: &str) -> Option<String> {
    if !crate::layout::ends_in_added_hyphen(word) {
        return None;
    }
    let stem = word.get(..word.char_indices().last()?.0)?;
    let stem = normalize(stem.trim_start_matches(|c: char| !c.is_alphanumeric()));
    (stem.chars().count() >= 2 && stem.chars().all(char::is_alphabetic)).then_some(stem)
}

/// Words that continue a header cell on its next lines (`(et co-RT)`,
/// `traitées`, `concernées`): any word of a known header form, plus
/// conjunctions and articles.
pub fn is_header_word(word: &str) -> bool {
    // `Finalité(s)`: the plural mark goes before the punctuation is trimmed.
    let word = word.replace("(s)", "");
    let norm = normalize(word.trim_matches(|c: char| !c.is_alphanumeric() && c != '°' && c != '-'));
    if norm.is_empty() || is_connector(&norm) {
        return true;
    }
    all_forms().any(|form| form.split(' ').any(|w| w == norm))
        || hyphenated_stem(&word).is_some_and(|stem| begins_longer_form_word(&stem))
}

/// Whether a word of a known header form begins with `start` and goes on
/// past it.
fn begins_longer_form_word(start: &str) -> bool {
    all_forms().any(|form| form.split(' ').any(|w| w.starts_with(start) && w != start))
}

/// Whether `word` opens a compound header word broken after its own hyphen
/// (`co-` / `RT)`, `Sous-` / `traitants`): the line ends with the hyphen.
pub fn opens_compound_header_word(word: &str) -> bool {
    let norm = normalize(word.trim_start_matches(|c: char| !c.is_alphanumeric()));
    norm.len() > 1 && norm.ends_with('-') && begins_longer_form_word(&norm)
}

/// Whether `fragment` is the start of a header word, cut at its cell's edge
/// (`conservatio` / `n`): four characters or more, in lower case, that a
/// header word begins with.
pub fn begins_header_word(fragment: &str) -> bool {
    let norm = normalize(fragment.trim_matches(|c: char| !c.is_alphanumeric()));
    norm.chars().count() >= 4
        && !fragment.chars().any(char::is_uppercase)
        && all_forms().any(|form| form.split(' ').any(|w| w.starts_with(&norm)))
}

/// Whether `fragment`, set on the line below `word`, is the end of a header
/// word cut at its cell's edge (`Destinataire` / `s`, `N` / `°`, `Intit` /
/// `ulé` in a narrow cell): no digit nor capital, not a header word of its
/// own, that makes a header word with `word`, or, after a hyphen only a
/// typesetter sets, opens in lower case: such a hyphen breaks a word
/// whatever the vocabulary knows of it (`Do‐` / `maine`).
pub fn completes_header_word(word: &str, fragment: &str) -> bool {
    // A typesetter's own hyphen goes with the break (`trai‐` / `tement`).
    let hyphenated = crate::layout::ends_in_added_hyphen(word);
    let mut word = word.to_string();
    crate::layout::drop_added_hyphen(&mut word);
    let goes_on = hyphenated && fragment.chars().next().is_some_and(char::is_lowercase);
    !fragment.chars().any(|c| c.is_ascii_digit() || c.is_uppercase())
        && !is_header_word(fragment)
        && (goes_on || is_header_word(&format!("{word}{fragment}")))
}

/// Whether a header cell's line made only of `fragment` is the end of a
/// word cut at the cell's edge, whatever the word (`sensibl` / `es` in a
/// header of the register's own): one or two lower-case letters that are
/// no word a header uses (`de`, `et`, `à`…).
pub fn is_cut_tail(fragment: &str) -> bool {
    (1..=2).contains(&fragment.chars().count())
        && fragment.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
        && !is_header_word(fragment)
        && !matches!(normalize(fragment).as_str(), "en" | "un" | "y")
}

/// The header word a typesetter hyphenated across two lines (`traite-` /
/// `ment`): `previous` ends with a hyphen after a letter, `head` goes on in
/// lower case, and the two without the hyphen make a header word.
pub fn hyphenated_header_word(previous: &str, head: &str) -> Option<String> {
    let stem = previous.strip_suffix('-')?;
    let word = format!("{stem}{head}");
    let lower = head.chars().next().is_some_and(char::is_lowercase);
    (lower && stem.chars().last().is_some_and(char::is_alphabetic) && is_header_word(&word)).then_some(word)
}

/// Whether a word only connects others in a header (`de`, `et`, `la`).
pub fn is_connector(word: &str) -> bool {
    let norm = normalize(word.trim_matches(|c: char| !c.is_alphanumeric()));
    matches!(norm.as_str(), "et" | "ou" | "de" | "du" | "des" | "le" | "la" | "les" | "l" | "d" | "a" | "aux" | "au")
}

/// A lower-case ASCII slug: letters and digits, words joined by `-`.
pub fn slug(text: &str) -> String {
    let lower: String = text.to_lowercase().chars().map(strip_accent).collect();
    let mut out = String::new();
    for c in lower.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_tails_are_letters_no_header_word_is() {
        for (fragment, tail) in [
            ("s", true),
            ("es", true),
            ("n", true),
            ("de", false),
            ("à", false),
            ("en", false),
            ("S", false),
            ("2", false),
            ("ées", false),
        ] {
            assert_eq!(is_cut_tail(fragment), tail, "{fragment}");
        }
    }

    #[test]
    fn headers_map_to_fields() {
        let cases = [
            ("Intitulé", Some("title")),
            ("Nom du traitement", Some("title")),
            ("Finalité(s)", Some("purposes")),
            ("Finalités", Some("purposes")),
            ("RT", Some("controllers")),
            ("Responsable de traitement (et co-RT)", Some("controllers")),
            ("Catégories de données traitées", Some("data_categories")),
            ("Données traitées", Some("data_categories")),
            ("Catégories de personnes concernées", Some("data_subjects")),
            ("Personnes concernées", Some("data_subjects")),
            ("Catégories de destinataires*", Some("recipients")),
            ("Durée de conservation", Some("retention_period")),
            ("Délai de conservation", Some("retention_period")),
            ("Délais de conservation des données", Some("retention_period")),
            ("Base légale", Some("legal_basis")),
            ("Objectif(s) poursuivi(s)", Some("purposes")),
            ("Public concerné", Some("data_subjects")),
            ("Usagers concernés", Some("data_subjects")),
            ("Concerné", None),
            ("Personnes habilitées", Some("recipients")),
            ("Désignation du traitement", Some("title")),
            ("Données d'infraction", None),
            ("Données relatives aux infractions", None),
            ("Prestataires", Some("processors")),
            ("Données sensibles", None),
            ("Données sensibles traitées", None),
            ("Catégories de données sensibles", Some("data_categories")),
            ("Sous-traitants", Some("processors")),
            ("Transferts hors UE", Some("transfers")),
            ("Activité de traitement", Some("title")),
            ("Libellé", Some("title")),
            ("Personnes", Some("data_subjects")),
            ("Mesures de sécurité", Some("security")),
            ("N°", Some("number")),
            ("N °", Some("number")),
            ("Réf.", Some("number")),
            // The CNIL's template and its spellings.
            ("Nom et coordonnées du responsable du traitement", Some("controllers")),
            ("Co-responsable(s)", Some("controllers")),
            ("Sécurité", Some("security")),
            ("Base de licéité", Some("legal_basis")),
            // A footnote call, raised or glued as plain figures.
            ("Finalités¹", Some("purposes")),
            ("Finalités1", Some("purposes")),
            ("Observations", None),
        ];
        for (header, field) in cases {
            assert_eq!(known_field(header), field, "{header}");
        }
    }

    #[test]
    fn a_word_a_typesetter_hyphenated_with_its_own_hyphen_begins_a_header_word() {
        assert!(completes_header_word("trai\u{2010}", "tement"));
        // Whatever the vocabulary knows: a header of the register's own.
        assert!(completes_header_word("Do\u{2010}", "maine"));
        assert!(!completes_header_word("Do-", "maine"), "an author's hyphen, no header word");
        assert!(!completes_header_word("Do\u{2010}", "Maine"));
        assert!(is_header_word("Traite\u{2010}"));
        assert!(is_header_word("Destina\u{ad}"));
        assert!(is_header_start("Traite\u{2010}"));
        // A `-` may be the word's own: `co-` / `RT)` stays as it was read,
        // a compound's start.
        assert!(!is_header_word("co-"));
        assert!(opens_compound_header_word("co-"));
        assert!(opens_compound_header_word("Sous-"));
        assert!(!opens_compound_header_word("Zyx-"));
        assert!(!opens_compound_header_word("co"));
        assert!(!is_header_word("Zyx\u{2010}"));
    }

    #[test]
    fn header_words_include_plural_marks_and_numbers() {
        for word in ["Finalité(s)", "N°", "(et", "co-RT)", "traitées", "destinataires*", "hors", "UE"] {
            assert!(is_header_word(word), "{word}");
        }
        for word in ["Gestion", "agents", "2"] {
            assert!(!is_header_word(word), "{word}");
        }
    }

    #[test]
    fn a_header_word_cut_at_its_cell_edge_is_known_by_its_start() {
        for (fragment, begins) in [
            ("conservatio", true),
            ("destinatai", true),
            ("concerné", true),
            ("Prise", false),
            ("conser", true),
            ("con", false),
        ] {
            assert_eq!(begins_header_word(fragment), begins, "{fragment}");
        }
    }

    #[test]
    fn a_group_label_opens_the_forms_of_the_headers_it_groups() {
        for (label, header, groups) in [
            ("Catégories", "Personnes concernées", true),
            ("Catégories", "Données collectées", true),
            ("Catégories", "Destinataires", true),
            ("Catégories", "Mesures de sécurité", false),
            ("Catégories", "Logiciel utilisé", false),
            // A label that names a field heads its own column.
            ("Destinataires", "Catégories de destinataires", false),
            ("", "Personnes concernées", false),
        ] {
            assert_eq!(groups_header(label, header), groups, "{label} over {header}");
        }
    }

    #[test]
    fn cells_open_like_a_legal_basis_of_article_6() {
        let opens = |text: &str| opens_legal_basis(&text.split_whitespace().map(String::from).collect::<Vec<_>>());
        for yes in [
            "Obligation légale",
            "Mission d’intérêt public (art. 6-1-e RGPD)",
            "Consentement",
            "Contrat (art. 6-1-b)",
            "Intérêts légitimes du responsable",
            "Exécution d'un contrat",
            "Art. 6-1-c du RGPD",
        ] {
            assert!(opens(yes), "{yes}");
        }
        for no in [
            "Contrôle d’accès",
            "Contractuels",
            "obligation légale",
            "Missions des agents",
            "Identité, coordonnées",
            "",
        ] {
            assert!(!opens(no), "{no}");
        }
    }

    #[test]
    fn unknown_headers_get_slugs() {
        assert_eq!(fields_for_headers(&["Date de mise à jour".to_string()]), ["date_de_mise_a_jour"]);
        assert_eq!(slug("6PO - Outil Partagé"), "6po-outil-partage");
    }

    #[test]
    fn each_field_is_used_once() {
        let headers: Vec<String> = [
            "N°",
            "Données sensibles",
            "Catégories de données",
            "Durée de conservation",
            "Durée d’archivage",
            "Observations",
            "Observations",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            fields_for_headers(&headers),
            [
                "number",
                "donnees_sensibles",
                "data_categories",
                "retention_period",
                "duree_d_archivage",
                "observations",
                "observations_2"
            ]
        );
    }
}

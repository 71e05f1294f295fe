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
        // A smaller unit added with `+` joins the length, as after `et`.
        ("Conservation : 1 an + 1 jour", &[(Period, Some("P1Y1D"), Exact, None, None, None, false, None)]),
        (
            "3 ans + 6 mois à compter de la clôture",
            &[(Period, Some("P3Y6M"), Exact, Some("clôture"), None, None, false, None)],
        ),
        ("Conservation : 1 an.", &[(Period, Some("P1Y"), Exact, None, None, None, false, None)]),
        // A unit's plural mark in parentheses is part of the unit.
        ("3 an(s)", &[(Period, Some("P3Y"), Exact, None, None, None, false, None)]),
        (
            "Durée : 15 jour(s) à compter de la demande",
            &[(Period, Some("P15D"), Exact, Some("demande"), None, None, false, None)],
        ),
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
        ("Conservation définitive (archives publiques)", &[(Permanent, None, Exact, None, None, None, false, None)]),
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
        // The letter of the planners' notation gives the unit.
        ("Conservation : J+30", &[(Period, Some("P30D"), Exact, None, None, None, false, None)]),
        ("Durée : M + 6 mois", &[(Period, Some("P6M"), Exact, None, None, None, false, None)]),
        ("Conservation : 2.5 ans", &[(Period, Some("P30M"), Exact, None, None, None, false, None)]),
        ("Conservation : 1,5 mois", &[(Period, Some("P45D"), Exact, None, None, None, false, None)]),
        ("Conservation pour une durée maximale de 3 ans", &[(Period, Some("P3Y"), Max, None, None, None, false, None)]),
        ("Durée minimale de 5 ans", &[(Period, Some("P5Y"), Min, None, None, None, false, None)]),
        ("Durée maximale de conservation : 5 ans", &[(Period, Some("P5Y"), Max, None, None, None, false, None)]),
        ("Délai minimum de conservation : 2 ans", &[(Period, Some("P2Y"), Min, None, None, None, false, None)]),
        (
            "Conservation : au plus tard 1 an après le départ de l'agent",
            &[(Period, Some("P1Y"), Max, Some("départ de l'agent"), None, None, false, None)],
        ),
        ("Au-delà de 3 ans, les données sont supprimées", &[(Period, Some("P3Y"), Max, None, None, None, false, None)]),
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
        // `après` alone after a length counts from an end named before it.
        (
            "Les comptes sont désactivés au départ de l'agent et supprimés 3 mois après",
            &[(Period, Some("P3M"), Exact, Some("départ de l'agent"), None, None, false, None)],
        ),
        ("Conservées 3 mois après", &[(Period, Some("P3M"), Exact, None, None, None, false, None)]),
        // A bullet ends the event of the item before it.
        (
            "5 ans après la fin de carrière • Bulletins de paie : 5 ans",
            &[
                (Period, Some("P5Y"), Exact, Some("fin de carrière"), None, None, false, None),
                (Period, Some("P5Y"), Exact, None, None, None, false, None),
            ],
        ),
        (
            "Durée de conservation : 1 an à compter de la date d'inscription renouvelable tacitement",
            &[(Period, Some("P1Y"), Exact, Some("date d'inscription"), None, None, false, None)],
        ),
        // An alternative may open on its bound (`ou au plus tard 2 ans …`).
        (
            "Les données sont conservées jusqu'à leur retrait par l'usager ou au plus tard 2 ans après la dernière connexion.",
            &[
                (UntilEvent, None, Exact, None, Some("leur retrait par l'usager"), None, false, None),
                (Period, Some("P2Y"), Max, Some("dernière connexion"), None, None, false, Some(0)),
            ],
        ),
        // A hedge past the list item hedges that item, not the rule.
        (
            "Conservation : 6 mois à compter de la réception de la candidature ; en cas de recrutement, versement au dossier de l'agent",
            &[(Period, Some("P6M"), Exact, Some("réception de la candidature"), None, None, false, None)],
        ),
        // An event ends with its list item.
        (
            "DUA : 10 ans à compter de la clôture ; sort final : destruction.",
            &[(Period, Some("P10Y"), Exact, Some("clôture"), None, None, false, None)],
        ),
        (
            "DUA : 5 ans à compter de la clôture - Sort final : tri",
            &[(Period, Some("P5Y"), Exact, Some("clôture"), None, None, false, None)],
        ),
        // An alternative event may keep only its anchor's preposition,
        // unless the event before takes a complement of its own.
        (
            "3 ans à compter de leur collecte ou de leur dernier contact",
            &[
                (Period, Some("P3Y"), Exact, Some("leur collecte"), None, None, false, None),
                (Period, Some("P3Y"), Exact, Some("leur dernier contact"), None, None, false, Some(0)),
            ],
        ),
        (
            "Les données sont conservées 3 ans à compter de leur collecte ou du dernier contact émanant du prospect.",
            &[
                (Period, Some("P3Y"), Exact, Some("leur collecte"), None, None, false, None),
                (Period, Some("P3Y"), Exact, Some("dernier contact émanant du prospect"), None, None, false, Some(0)),
            ],
        ),
        (
            "Conservation : jusqu'à 2 ans à compter de la candidature ou de l'entretien.",
            &[
                (Period, Some("P2Y"), Max, Some("candidature"), None, None, false, None),
                (Period, Some("P2Y"), Max, Some("entretien"), None, None, false, Some(0)),
            ],
        ),
        (
            "Conservation : 5 ans à compter de la fin du contrat ou de la mission.",
            &[(Period, Some("P5Y"), Exact, Some("fin du contrat ou de la mission"), None, None, false, None)],
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
        // What follows the removal says how, not when; a hedge still hedges.
        (
            "Les comptes inactifs depuis plus de 3 ans sont supprimés après information préalable",
            &[(Period, Some("P3Y"), Max, None, None, None, false, None)],
        ),
        (
            "Les dossiers datant de plus de 5 ans sont détruits, sauf contentieux en cours",
            &[(Period, Some("P5Y"), Max, None, None, None, true, None)],
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
        // A removal joined to the keeping ends its event and adds no rule.
        (
            "Les données sont conservées 6 mois à compter de leur collecte et supprimées au-delà.",
            &[(Period, Some("P6M"), Exact, Some("leur collecte"), None, None, false, None)],
        ),
        (
            "3 ans à compter du dernier contact et sont ensuite supprimées",
            &[(Period, Some("P3Y"), Exact, Some("dernier contact"), None, None, false, None)],
        ),
        (
            "Conservation 6 mois puis détruites à l'issue de ce délai",
            &[(Period, Some("P6M"), Exact, None, None, None, false, None)],
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
            "3 ans qui suivent la clôture du dossier",
            &[(Period, Some("P3Y"), Exact, Some("clôture du dossier"), None, None, false, None)],
        ),
        // A participle may say that the length runs before its anchor.
        (
            "Conservation 5 ans courant à partir de la date de la décision",
            &[(Period, Some("P5Y"), Exact, Some("date de la décision"), None, None, false, None)],
        ),
        (
            "1 an décompté à partir de la réception",
            &[(Period, Some("P1Y"), Exact, Some("réception"), None, None, false, None)],
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
        // A length after `soit` says what an unspecified need came to.
        (
            "Conservation pendant la durée nécessaire au traitement du dossier, soit 2 ans maximum",
            &[(Period, Some("P2Y"), Max, None, None, None, false, None)],
        ),
        // An event after `en` or `jusqu'en` is the end noun on.
        (
            "Les données sont supprimées en fin de contrat.",
            &[(UntilEvent, None, Exact, None, Some("fin de contrat"), None, false, None)],
        ),
        (
            "Conservation jusqu'en fin de scolarité",
            &[(UntilEvent, None, Exact, None, Some("fin de scolarité"), None, false, None)],
        ),
        // `la période durant laquelle` only frames its state; `la période
        // d'essai` is the state's own name.
        (
            "Conservation : le temps de la période d'essai",
            &[(While, None, Exact, None, None, Some("période d'essai"), false, None)],
        ),
        (
            "Pendant la période durant laquelle l'agent est en poste",
            &[(While, None, Exact, None, None, Some("agent est en poste"), false, None)],
        ),
        ("Leur conservation n'excède pas 3 ans.", &[(Period, Some("P3Y"), Max, None, None, None, false, None)]),
        // What the governing word keeps `de` is named without it.
        (
            "Conservation de l'année civile + 5 ans",
            &[
                (While, None, Exact, None, None, Some("année civile"), false, None),
                (Period, Some("P5Y"), Exact, None, None, None, false, None),
            ],
        ),
        // The archivists' `année N + 5` is one length, after `de` too.
        ("Conservation de l'année N + 5 ans", &[(Period, Some("P5Y"), Exact, None, None, None, false, None)]),
        // Data inactive for a length are removed once that long inactive.
        (
            "Les données des usagers inactifs depuis 3 ans sont supprimées",
            &[(Period, Some("P3Y"), Exact, None, None, None, false, None)],
        ),
        (
            "Les données sont conservées de manière permanente",
            &[(Permanent, None, Exact, None, None, None, false, None)],
        ),
        ("Conservation à titre permanent", &[(Permanent, None, Exact, None, None, None, false, None)]),
        ("Conservation permanente (archives publiques)", &[(Permanent, None, Exact, None, None, None, false, None)]),
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
        ("Jusqu'à 80 ans de l'agent", &[(UntilEvent, None, Exact, None, Some("80 ans de l'agent"), None, false, None)]),
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
        // An end a length is added to is where the length counts from.
        (
            "Conservation : jusqu'à la fin de la scolarité + 1 an",
            &[(Period, Some("P1Y"), Exact, Some("fin de la scolarité"), None, None, false, None)],
        ),
        // A count with no unit added to a year counts years; the archivists'
        // `année N + 5` stays one length.
        (
            "Durée : année en cours + 1.",
            &[
                (While, None, Exact, None, None, Some("année en cours"), false, None),
                (Period, Some("P1Y"), Exact, None, None, None, false, None),
            ],
        ),
        ("Durée : année N + 5", &[(Period, Some("P5Y"), Exact, None, None, None, false, None)]),
        // `une fois` an event, data are removed at it.
        (
            "Les données bancaires sont supprimées une fois la transaction réalisée.",
            &[(UntilEvent, None, Exact, None, Some("transaction réalisée"), None, false, None)],
        ),
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
        ("À l'issue de la mission", &[(UntilEvent, None, Exact, None, Some("issue de la mission"), None, false, None)]),
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
        ("Immédiatement supprimées après envoi", &[(UntilEvent, None, Exact, None, Some("envoi"), None, false, None)]),
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
        // So is `toute la` before the state itself.
        (
            "Les informations sont conservées durant toute la scolarité de l'élève.",
            &[(While, None, Exact, None, None, Some("scolarité de l'élève"), false, None)],
        ),
        ("Pendant tout le contrat", &[(While, None, Exact, None, None, Some("contrat"), false, None)]),
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
        ("Durée : selon la réglementation en vigueur", &[(Unspecified, None, Exact, None, None, None, false, None)]),
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
        // A slash between lengths that each name their own data parts a
        // list, not alternatives.
        (
            "Conservation 3 mois (logs) / 1 an (comptes)",
            &[
                (Period, Some("P3M"), Exact, None, None, None, false, None),
                (Period, Some("P1Y"), Exact, None, None, None, false, None),
            ],
        ),
        // A keeping for good after a length: the length, then for good.
        (
            "Archivage définitif aux Archives départementales après 10 ans",
            &[
                (Period, Some("P10Y"), Exact, None, None, None, false, None),
                (Permanent, None, Exact, None, None, None, false, None),
            ],
        ),
        (
            "Conservation : au-delà de 10 ans, archivage définitif",
            &[
                (Period, Some("P10Y"), Exact, None, None, None, false, None),
                (Permanent, None, Exact, None, None, None, false, None),
            ],
        ),
        // The final fate after a comma ends the event, a phase of its own
        // and no label's scope.
        (
            "Conservation 10 ans à compter de la clôture, sort final : versement aux archives",
            &[
                (Period, Some("P10Y"), Exact, Some("clôture"), None, None, false, None),
                (Permanent, None, Exact, None, None, None, false, None),
            ],
        ),
        // So is a final fate that keeps for good, after a comma too;
        // destruction adds no rule.
        (
            "10 ans après la clôture, sort final : conservation",
            &[
                (Period, Some("P10Y"), Exact, Some("clôture"), None, None, false, None),
                (Permanent, None, Exact, None, None, None, false, None),
            ],
        ),
        ("10 ans, sort final : destruction", &[(Period, Some("P10Y"), Exact, None, None, None, false, None)]),
        // A list item opening on a hedge is a clause of its own, hedged.
        (
            "Conservation : 3 ans après la clôture ; en cas de contentieux, jusqu'à la décision définitive",
            &[
                (Period, Some("P3Y"), Exact, Some("clôture"), None, None, false, None),
                (UntilEvent, None, Exact, None, Some("décision définitive"), None, true, None),
            ],
        ),
        (
            "Conservation : 1 an ; en cas de litige, 5 ans",
            &[
                (Period, Some("P1Y"), Exact, None, None, None, false, None),
                (Period, Some("P5Y"), Exact, None, None, None, true, None),
            ],
        ),
        // A `soit` answering the clause's first offers an alternative.
        (
            "Soit 1 an, soit 3 ans",
            &[
                (Period, Some("P1Y"), Exact, None, None, None, false, None),
                (Period, Some("P3Y"), Exact, None, None, None, false, Some(0)),
            ],
        ),
        (
            "Conservation : soit 6 mois à compter de la demande soit jusqu'à la fin du litige",
            &[
                (Period, Some("P6M"), Exact, Some("demande"), None, None, false, None),
                (UntilEvent, None, Exact, None, Some("fin du litige"), None, false, Some(0)),
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
        // A parenthesis opening with a length of its own is a rule of its
        // own; one that restates the length is not.
        (
            "Conservation : 1 an (3 ans en cas de contentieux)",
            &[
                (Period, Some("P1Y"), Exact, None, None, None, false, None),
                (Period, Some("P3Y"), Exact, None, None, None, true, None),
            ],
        ),
        (
            "Conservation : 5 ans après le départ de l'agent (dossier individuel : 80 ans à compter de la naissance)",
            &[
                (Period, Some("P5Y"), Exact, Some("départ de l'agent"), None, None, false, None),
                (Period, Some("P80Y"), Exact, Some("naissance"), None, None, false, None),
            ],
        ),
        ("1 an (12 mois)", &[(Period, Some("P1Y"), Exact, None, None, None, false, None)]),
        ("3 ans (36 mois maximum)", &[(Period, Some("P3Y"), Exact, None, None, None, false, None)]),
        // A removal phase with a length or an event of its own is a rule;
        // one without is only the end of the phase before.
        (
            "Conservation : tant que le compte est actif, puis suppression au bout de 3 ans d'inactivité",
            &[
                (While, None, Exact, None, None, Some("compte est actif"), false, None),
                (Period, Some("P3Y"), Exact, None, None, None, false, None),
            ],
        ),
        (
            "3 ans après le dernier contact, puis suppression des données",
            &[(Period, Some("P3Y"), Exact, Some("dernier contact"), None, None, false, None)],
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
        // A legal term without a length extends the state by a rule that
        // says no length.
        (
            "Durée de la procédure augmentée des délais de recours",
            &[
                (While, None, Exact, None, None, Some("procédure"), false, None),
                (Unspecified, None, Exact, None, None, None, false, None),
            ],
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
    assert_eq!(scopes, [Some("sur le portail A pour les fédérations ou les établissements"), Some("Sur le portail B")]);
    let rules = parse_statement(
        "Les données et paramètres de compte sont purgés au moment de la suppression de son compte, soit pour les agents au maximum deux mois après leur départ.",
        None,
    );
    let scopes: Vec<Option<&str>> = rules.iter().map(|r| r.applies_to.as_deref()).collect();
    assert_eq!(scopes, [Some("données et paramètres de compte"), Some("données et paramètres de compte : agents")]);
    // A parenthesis with a length of its own scopes it to what it names.
    let enclosed = parse_statement("3 ans (1 an pour les candidats non retenus)", None);
    let scopes: Vec<Option<&str>> = enclosed.iter().map(|r| r.applies_to.as_deref()).collect();
    assert_eq!(scopes, [None, Some("candidats non retenus")]);
    assert_eq!(rules.get(1).and_then(|r| r.from.as_deref()), Some("leur départ"));
    assert_eq!(
        parse_statement("Ces données sont conservées 1 an", None).first().and_then(|r| r.applies_to.clone()),
        None
    );
    // Nor is a phase or the final fate after the length before it (`1 an /
    // archivage intermédiaire : 5 ans`, `10 ans, sort final : …`).
    for phrase in
        ["Base active : 1 an / archivage intermédiaire : 5 ans", "DUA 10 ans, sort final : versement aux archives"]
    {
        let scopes: Vec<Option<String>> = parse_statement(phrase, None).into_iter().map(|r| r.applies_to).collect();
        assert_eq!(scopes, [None, None], "{phrase}");
    }
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
        // What a participle set after a comma follows is what it keeps.
        ("Images de vidéoprotection, conservées 15 jours maximum", &[Some("Images de vidéoprotection")]),
        ("Nom, prénom, conservés 3 ans", &[None]),
        (
            "L'inscription est valable 1 an et les justificatifs sont supprimés à l'expiration de ce délai",
            &[Some("justificatifs")],
        ),
        ("10 ans (pièces comptables : 6 ans)", &[None, Some("pièces comptables")]),
    ] {
        let rules = parse_statement(phrase, None);
        let got: Vec<Option<&str>> = rules.iter().map(|r| r.applies_to.as_deref()).collect();
        assert_eq!(got, scopes, "{phrase}");
    }
    let rules = parse_statement("Conservation : 2 ans après le dernier contact pour les candidats non retenus", None);
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
    // A label naming the keeping of data is scoped to that data, unless
    // it is all the record's.
    for (phrase, scopes) in [
        ("Conservation des logs : 6 mois ; conservation des comptes : 1 an", [Some("logs"), Some("comptes")]),
        (
            "Données de connexion 1 an ; Conservation des données de santé : 20 ans",
            [Some("Données de connexion"), Some("données de santé")],
        ),
        ("Nom : 1 an ; durée de conservation des données : 5 ans", [Some("Nom"), None]),
        // Nor is the end of a clause before a label part of it.
        ("Conservation 10 ans à compter de la clôture, sort final : versement aux archives", [None, None]),
    ] {
        let rules = parse_statement(phrase, None);
        let got: Vec<Option<&str>> = rules.iter().map(|r| r.applies_to.as_deref()).collect();
        assert_eq!(got, scopes, "{phrase}");
    }
    // A bound between the length and its scope leaves the scope.
    for (phrase, scope) in [
        ("Durée de conservation : 13 mois maximum pour les cookies", "cookies"),
        ("Conservation 10 ans au minimum pour les pièces comptables", "pièces comptables"),
    ] {
        let rules = parse_statement(phrase, None);
        assert_eq!(rules.first().and_then(|r| r.applies_to.as_deref()), Some(scope), "{phrase}");
    }
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
        // A bullet before a label ends the statement before it.
        (
            "• Dossier de l'agent : 5 ans après la fin de carrière • Bulletins de paie : 5 ans",
            &[("5 ans après la fin de carrière", Some("Dossier de l'agent")), ("5 ans", Some("Bulletins de paie"))],
        ),
        // A clause set before the subject that holds the retention opens
        // the statement, however long; one that holds none does not.
        (
            "Au terme d'un délai de 3 ans à compter du dernier contact, les données sont supprimées",
            &[("Au terme d'un délai de 3 ans à compter du dernier contact, les données sont supprimées", None)],
        ),
        (
            "Pour les candidats non retenus ayant postulé en 2023 sur le site, les données sont conservées 2 ans.",
            &[("les données sont conservées 2 ans.", None)],
        ),
        // A label set after a separator opens the next statement; the
        // archivists' `Sort final` goes on with its own.
        ("Identité : 1 an / Coordonnées : 2 ans", &[("1 an", Some("Identité")), ("2 ans", Some("Coordonnées"))]),
        ("Logs : 6 mois - Vidéos : 30 jours", &[("6 mois", Some("Logs")), ("30 jours", Some("Vidéos"))]),
        ("DUA : 1 an / Sort final : destruction", &[("DUA : 1 an / Sort final : destruction", None)]),
        (
            "DUA : 10 ans / Sort final : conservation définitive",
            &[("DUA : 10 ans / Sort final : conservation définitive", None)],
        ),
        // A range of lengths opens at its lower end, after a mark; after
        // a bare heading it is an age.
        ("Entre 1 et 3 ans", &[("Entre 1 et 3 ans", None)]),
        ("Identité : entre 6 mois et 1 an", &[("entre 6 mois et 1 an", Some("Identité"))]),
        ("Dossiers : 3 - 6 ans", &[("3 - 6 ans", Some("Dossiers"))]),
        ("Logs. 3 à 6 mois", &[("3 à 6 mois", None)]),
        // A length `après` counting from an end named earlier takes the
        // sentence with it.
        (
            "Badges. Les comptes sont désactivés au départ de l'agent et supprimés 3 mois après.",
            &[("Les comptes sont désactivés au départ de l'agent et supprimés 3 mois après.", None)],
        ),
        // `Conservation` after a determiner governs as it does alone.
        (
            "Identité. La conservation des données est limitée à 2 ans",
            &[("La conservation des données est limitée à 2 ans", None)],
        ),
        ("Leur conservation n'excède pas 3 ans.", &[("Leur conservation n'excède pas 3 ans.", None)]),
        // A cap opening a cell is a statement; a deadline is none.
        ("Dans la limite de 5 ans", &[("Dans la limite de 5 ans", None)]),
        ("Dans un délai de 15 jours, une réponse est apportée", &[]),
        // A length with a decimal part.
        ("Logs : 1,5 an", &[("1,5 an", Some("Logs"))]),
        ("Jeunes 16 – 25 ans", &[]),
        // A phase named after a governing word goes on with it.
        (
            "Durée de conservation en base active : 2 ans. Durée d'archivage intermédiaire : 8 ans.",
            &[
                ("Durée de conservation en base active : 2 ans.", None),
                ("Durée d'archivage intermédiaire : 8 ans.", None),
            ],
        ),
        // So does a phase named right after a participle of keeping.
        (
            "Les dossiers sont conservés en archive courante 2 ans, puis 8 ans en archive intermédiaire.",
            &[("Les dossiers sont conservés en archive courante 2 ans, puis 8 ans en archive intermédiaire.", None)],
        ),
        // A phase's label opens its statement and scopes nothing.
        (
            "Base active : 1 an ; archive intermédiaire : 4 ans",
            &[("Base active : 1 an ; archive intermédiaire : 4 ans", None)],
        ),
        (
            "Identité. En archives intermédiaires : 8 ans. Archivage intermédiaire 5 ans puis versement aux Archives",
            &[
                ("En archives intermédiaires : 8 ans.", None),
                ("Archivage intermédiaire 5 ans puis versement aux Archives", None),
            ],
        ),
        // A removal participle `en fin de …`, the end noun its event.
        (
            "Nom de l'élève ; régime alimentaire (supprimé en fin d'année scolaire)",
            &[("supprimé en fin d'année scolaire", Some("régime alimentaire"))],
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
        ("Actes ; les données sont archivées définitivement", &[("les données sont archivées définitivement", None)]),
    ];
    for (cell, expected) in cases {
        let found = find_statements(cell);
        let got: Vec<(&str, Option<&str>)> = found.iter().map(|s| (s.text.as_str(), s.applies_to.as_deref())).collect();
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
        let got: Vec<(&str, Option<&str>)> = found.iter().map(|s| (s.text.as_str(), s.applies_to.as_deref())).collect();
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
    // A keeping denied past a length bounds it; a pronoun, or `aucune
    // donnée`, names no data of its own.
    for (phrase, scope, bound) in [
        ("Les données ne sont pas conservées plus de 6 mois.", None, Bound::Max),
        ("Elles ne sont jamais gardées plus de 3 ans", None, Bound::Max),
        ("Les données sont conservées plus de 5 ans", None, Bound::Min),
        ("Aucune donnée n'est conservée au-delà de 24 heures.", None, Bound::Max),
        ("Aucune donnée de santé n'est conservée au-delà de 3 mois.", Some("donnée de santé"), Bound::Max),
        ("Ils sont supprimés après 1 an", None, Bound::Exact),
    ] {
        let rules = parse_statement(phrase, None);
        let got: Vec<(Option<&str>, Bound)> = rules.iter().map(|r| (r.applies_to.as_deref(), r.bound)).collect();
        assert_eq!(got, [(scope, bound)], "{phrase}");
    }
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
                let fill = |form: &str, label: &str, length: &str| form.replace("{L}", label).replace("{N}", length);
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
        "Remboursement sous 30 jours",
        "Les demandes sont traitées sous 15 jours",
        "Droit à l'effacement des données",
        "Suppression des doublons",
        "Enfants de 3 - 6 ans",
        "Jeunes 16 – 25 ans",
    ] {
        assert_eq!(find_statements(text), Vec::new(), "{text}");
    }
}

#[test]
fn removal_nouns_subjects_and_dashes_open_statements() {
    /// A cell and the (text, scope) of each statement found in it.
    type Case<'a> = (&'a str, &'a [(&'a str, Option<&'a str>)]);
    let cases: &[Case] = &[
        // A removal noun heads its statement, capitalized or opening a list
        // item, or after its article.
        (
            "Suppression des données 3 mois après la fin du contrat",
            &[("Suppression des données 3 mois après la fin du contrat", None)],
        ),
        ("Nom, prénom ; suppression à la clôture du compte", &[("suppression à la clôture du compte", None)]),
        (
            "Effacement des données au bout de 2 ans d'inactivité",
            &[("Effacement des données au bout de 2 ans d'inactivité", None)],
        ),
        ("Purge annuelle des données de plus de 5 ans", &[("Purge annuelle des données de plus de 5 ans", None)]),
        (
            "Leur suppression intervient 2 ans après le dernier contact",
            &[("Leur suppression intervient 2 ans après le dernier contact", None)],
        ),
        // A plural governing word, and its article.
        ("Durées de conservation : 5 ans", &[("Durées de conservation : 5 ans", None)]),
        ("La durée de conservation est de 3 ans", &[("La durée de conservation est de 3 ans", None)]),
        (
            "Identité : la durée de conservation est de 5 ans",
            &[("la durée de conservation est de 5 ans", Some("Identité"))],
        ),
        // A subject with no article: a pronoun or a possessive.
        ("Elles sont conservées 1 an", &[("Elles sont conservées 1 an", None)]),
        ("Vos données sont conservées pendant 3 ans", &[("Vos données sont conservées pendant 3 ans", None)]),
        (
            "Nom ; prénom. Ils sont supprimés 6 mois après le départ",
            &[("Ils sont supprimés 6 mois après le départ", None)],
        ),
        // A dash parts a label from its length.
        (
            "Données d'identité - 5 ans après le départ de l'agent",
            &[("5 ans après le départ de l'agent", Some("Données d'identité"))],
        ),
        ("Identité – 2 ans", &[("2 ans", Some("Identité"))]),
    ];
    for (cell, expected) in cases {
        let found = find_statements(cell);
        let got: Vec<(&str, Option<&str>)> = found.iter().map(|s| (s.text.as_str(), s.applies_to.as_deref())).collect();
        assert_eq!(got, *expected, "{cell}");
    }
}
#[test]
fn a_retention_column_loses_no_statement() {
    /// A retention column's cell and the (text, scope) of each statement.
    type Case<'a> = (&'a str, &'a [(&'a str, Option<&'a str>)]);
    let cases: &[Case] = &[
        // A state before a length: one statement, not a length scoped to
        // the state.
        ("Le temps de l'instruction puis 5 ans", &[("Le temps de l'instruction puis 5 ans", None)]),
        ("Agents : le temps de la mission puis 5 ans", &[("le temps de la mission puis 5 ans", Some("Agents"))]),
        // A sentence the statements found leave out is one of its own.
        (
            "Le temps de la mission. Bulletins de paie : 5 ans",
            &[("Le temps de la mission.", None), ("5 ans", Some("Bulletins de paie"))],
        ),
        (
            "Bulletins de paie : 5 ans. Dossier individuel : le temps de la carrière",
            &[("5 ans.", Some("Bulletins de paie")), ("le temps de la carrière", Some("Dossier individuel"))],
        ),
        // Openings found as such, and a cell with none.
        ("Tant que le compte est actif, puis 3 ans", &[("Tant que le compte est actif, puis 3 ans", None)]),
        ("Pendant l'adhésion et 3 ans après", &[("Pendant l'adhésion et 3 ans après", None)]),
        (
            "Usagers actifs : tant que le compte existe ; inactifs : 2 ans",
            &[("tant que le compte existe ; inactifs : 2 ans", Some("Usagers actifs"))],
        ),
        ("Année scolaire en cours + 1 an", &[("Année scolaire en cours + 1 an", None)]),
        ("", &[]),
    ];
    for (cell, expected) in cases {
        let found = find_retention_column_statements(cell);
        let got: Vec<(&str, Option<&str>)> = found.iter().map(|s| (s.text.as_str(), s.applies_to.as_deref())).collect();
        assert_eq!(got, *expected, "{cell}");
    }
}

#[test]
fn a_retention_column_statement_is_always_text_of_its_cell() {
    // Cells spliced from fragments in a fixed pseudo-random order: whatever
    // the order, every statement is a piece of the cell as printed.
    let fragments = [
        "Le temps de la mission",
        " puis ",
        "5 ans",
        ". ",
        " ; ",
        "Agents : ",
        "tant que le compte existe",
        " : ",
        "Bulletins de paie",
        "jusqu'à la fin du contrat",
        "é",
        "Conservation",
        " - ",
        "(1 an)",
        "durée",
        ":",
        ".",
    ];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..2000 {
        let mut cell = String::new();
        for _ in 0..(state % 9) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let pick = usize::try_from(state % fragments.len() as u64).unwrap_or(0);
            cell.push_str(fragments.get(pick).copied().unwrap_or(""));
        }
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let collapsed = collapse_whitespace(&cell);
        for statement in find_retention_column_statements(&cell) {
            assert!(collapsed.contains(&statement.text), "{cell:?} gave {:?}", statement.text);
            assert!(!statement.text.is_empty(), "{cell:?}");
        }
    }
}

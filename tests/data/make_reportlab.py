#!/usr/bin/env python3
"""Typesets registers with the ReportLab PDF library and writes their
truth. Not run by the tests: its outputs are committed.

- agence: platypus Table, embedded TrueType subset fonts, A4 portrait,
  ruled, header repeated on each page;
- mairie (other columns, standard-14 fonts, landscape): booktabs rules
  (above and below the header, under the last row) with a centred header,
  borderless with every cell centred vertically, and ruled with the row
  rules leaving the number column open;
- communaute (the mairie's rows under qualified headers): borderless with
  every other row shaded and the header white on a dark band;
- ville: thirteen columns, five of them of the register's own, ruled,
  A3 landscape;
- district (the mairie's rows): one ruled table per group under a bold
  heading, A4 landscape (the second heading at the first page's foot) and
  A3 landscape (both tables on one page);
- canton (the mairie's rows): a two-level header, `Catégories` over the
  persons and data columns, ruled and borderless;
- bourg (the mairie's rows): ruled, with cells merged across rows.

    pip install reportlab
    python3 tests/data/make_reportlab.py
writes fixtures/pdf/agence-reportlab.pdf, fixtures/pdf/mairie-reportlab-*.pdf,
fixtures/pdf/communaute-reportlab-zebra.pdf, fixtures/pdf/ville-reportlab.pdf,
fixtures/pdf/district-reportlab-*.pdf, fixtures/pdf/canton-reportlab-grouped*.pdf,
fixtures/pdf/bourg-reportlab-merged.pdf and
fixtures/truth/{agence,mairie,communaute,ville,district,canton,bourg}.json.
"""
import json
import os

import reportlab
from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
FONTS = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
pdfmetrics.registerFont(TTFont("Vera", os.path.join(FONTS, "Vera.ttf")))
pdfmetrics.registerFont(TTFont("VeraBd", os.path.join(FONTS, "VeraBd.ttf")))

PREAMBLE = {
    "title": "Registre des activités de traitement de l’Agence régionale de l’eau",
    "organization": "Agence régionale de l’eau",
    "address": "27 quai des Chartrons, 33000 Bordeaux",
    "rights_contact": "protection.donnees@agence-eau.fr",
}
COLUMNS = [
    "Réf.",
    "Activité de traitement",
    "Objet du traitement",
    "Fondement juridique",
    "Catégories de données",
    "Destinataires",
    "Transferts hors UE",
    "Durée de conservation",
]
ACTIVITIES = [
    ("Redevances des usagers", "Calculer, émettre et recouvrer les redevances dues par les usagers préleveurs"),
    ("Aides financières", "Instruire les demandes d’aide, verser les subventions et contrôler leur emploi"),
    ("Marchés publics", "Passer et exécuter les marchés de travaux, de fournitures et de services"),
    ("Gestion du personnel", "Gérer la carrière, la rémunération et la formation des agents"),
    ("Contrôle d’accès aux locaux", "Délivrer les badges et tracer les entrées dans les bâtiments"),
    ("Consultations du public", "Recueillir les avis du public sur les schémas d’aménagement et en faire la synthèse"),
    ("Lettre d’information", "Adresser la lettre d’information aux abonnés et gérer les désinscriptions"),
    ("Réseau de mesure", "Suivre la qualité des cours d’eau avec les préleveurs agréés"),
    ("Assistance informatique", "Traiter les demandes d’assistance des agents et suivre les incidents"),
    ("Archives", "Conserver et communiquer les archives publiques de l’agence"),
    ("Visioconférence", "Organiser les réunions à distance avec les partenaires"),
    ("Élections professionnelles", "Organiser le scrutin et proclamer les résultats"),
]
BASES = [
    "Mission d’intérêt public (art. 6-1-e RGPD)",
    "Obligation légale (art. 6-1-c RGPD)",
    "Contrat (art. 6-1-b RGPD)",
    "Consentement (art. 6-1-a RGPD)",
]
DATA = [
    "Identité, coordonnées, références bancaires",
    "Nom, prénom, fonction, adresse électronique professionnelle",
    "Identité, numéro de badge, date et heure de passage",
    "Identité, avis exprimé, commune de résidence",
]
RECIPIENTS = [
    "Service financier ; agent comptable",
    "Service instructeur ; commission des aides",
    "Service des ressources humaines",
    "Prestataire d’hébergement (sous-traitant)",
]
TRANSFERS = ["Aucun", "Aucun", "Aucun", "États-Unis (clauses contractuelles types)"]
RETENTION = [
    "10 ans à compter de la clôture de l’exercice",
    "5 ans après le dernier versement, puis archivage définitif",
    "3 mois",
    "Jusqu’à la désinscription de l’abonné",
    "Durée de la carrière de l’agent + 5 ans",
    "6 mois maximum",
]
NOTES = [
    "Les durées indiquées courent à compter de la fin de la finalité, sauf mention contraire.",
    "Pour exercer vos droits, écrivez au délégué à la protection des données de l’agence.",
]


def records():
    rows = []
    for i, (activity, purpose) in enumerate(ACTIVITIES):
        rows.append([
            f"R-{i + 1:02d}",
            activity,
            purpose,
            BASES[i % len(BASES)],
            DATA[i % len(DATA)],
            RECIPIENTS[(i * 3) % len(RECIPIENTS)],
            TRANSFERS[i % len(TRANSFERS)],
            RETENTION[i % len(RETENTION)],
        ])
    return rows


def main():
    body = ParagraphStyle("body", fontName="Vera", fontSize=7, leading=8.6)
    head = ParagraphStyle("head", fontName="VeraBd", fontSize=7, leading=8.6)
    title = ParagraphStyle("title", fontName="VeraBd", fontSize=12, leading=15)
    text = ParagraphStyle("text", fontName="Vera", fontSize=9, leading=11.5)
    rows = records()
    table = Table(
        [[Paragraph(h, head) for h in COLUMNS]] + [[Paragraph(c, body) for c in r] for r in rows],
        colWidths=[34, 62, 86, 62, 74, 64, 52, 66],
        repeatRows=1,
    )
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.85, 0.89, 0.95)),
    ]))
    story = [
        Paragraph(PREAMBLE["title"], title),
        Paragraph(f"{PREAMBLE['organization']}, {PREAMBLE['address']}", text),
        Paragraph(f"Délégué à la protection des données : {PREAMBLE['rights_contact']}", text),
        Spacer(1, 10),
        table,
        Spacer(1, 10),
    ] + [Paragraph(n, text) for n in NOTES]
    pdf = os.path.join(ROOT, "fixtures", "pdf", "agence-reportlab.pdf")
    SimpleDocTemplate(pdf, pagesize=A4, leftMargin=36, rightMargin=36, topMargin=40, bottomMargin=40,
                      title="Registre", invariant=1).build(story)
    truth = {"register": "agence", "preamble": PREAMBLE, "columns": COLUMNS,
             "records": [{"cells": r} for r in rows], "notes": NOTES}
    with open(os.path.join(ROOT, "fixtures", "truth", "agence.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")


MAIRIE_PREAMBLE = {
    "title": "Registre des traitements de la Mairie de Port-Exemple",
    "organization": "Mairie de Port-Exemple",
    "address": "1 place de l’Hôtel de Ville, 17000 La Rochelle",
    "rights_contact": "dpo@port-exemple.fr",
}
MAIRIE_COLUMNS = [
    "N°",
    "Nom du traitement",
    "Finalité(s)",
    "Base légale",
    "Personnes concernées",
    "Données collectées",
    "Destinataires",
    "Durée de conservation",
    "Mesures de sécurité",
]
PERSONS = ["Usagers du service", "Agents de la commune", "Élus et agents", "Abonnés à la lettre"]
SECURITY = [
    "Habilitations nominatives ; journalisation des accès",
    "Chiffrement des sauvegardes",
    "Accès restreint au service",
]


def mairie_records():
    return [
        [str(i + 1), activity, purpose, BASES[i % len(BASES)], PERSONS[(i + 1) % len(PERSONS)],
         DATA[i % len(DATA)], RECIPIENTS[(i * 3) % len(RECIPIENTS)], RETENTION[i % len(RETENTION)],
         SECURITY[i % len(SECURITY)]]
        for i, (activity, purpose) in enumerate(ACTIVITIES)
    ]


def mairie(name, font, bold, style, valign):
    body = ParagraphStyle("body", fontName=font, fontSize=8, leading=10)
    head = ParagraphStyle("head", fontName=bold, fontSize=8, leading=10)
    title = ParagraphStyle("title", fontName=bold, fontSize=13, leading=16)
    text = ParagraphStyle("text", fontName=font, fontSize=9, leading=11.5)
    rows = mairie_records()
    table = Table(
        [[Paragraph(h, head) for h in MAIRIE_COLUMNS]] + [[Paragraph(c, body) for c in r] for r in rows],
        colWidths=[22, 70, 110, 80, 70, 90, 80, 80, 90],
        repeatRows=1,
    )
    table.setStyle(TableStyle(style + [("VALIGN", (0, 0), (-1, -1), valign)]))
    pre = MAIRIE_PREAMBLE
    story = [
        Paragraph(pre["title"], title),
        Paragraph(f"{pre['organization']}, {pre['address']}", text),
        Paragraph(f"Délégué à la protection des données : {pre['rights_contact']}", text),
        Spacer(1, 10),
        table,
        Spacer(1, 10),
    ] + [Paragraph(n, text) for n in NOTES]
    pdf = os.path.join(ROOT, "fixtures", "pdf", f"mairie-reportlab-{name}.pdf")
    SimpleDocTemplate(pdf, pagesize=landscape(A4), leftMargin=30, rightMargin=30, topMargin=36, bottomMargin=36,
                      title="Registre", invariant=1).build(story)
    truth = {"register": "mairie", "preamble": pre, "columns": MAIRIE_COLUMNS,
             "records": [{"cells": r} for r in rows], "notes": NOTES}
    with open(os.path.join(ROOT, "fixtures", "truth", "mairie.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")


def preamble_story(pre, title, text):
    """The title, organization and contact lines above a table."""
    return [
        Paragraph(pre["title"], title),
        Paragraph(f"{pre['organization']}, {pre['address']}", text),
        Paragraph(f"Délégué à la protection des données : {pre['rights_contact']}", text),
        Spacer(1, 10),
    ]


def write_truth(register, pre, columns, rows, notes, sections=None):
    """Writes fixtures/truth/REGISTER.json (SECTIONS: (first record, title))."""
    truth = {"register": register, "preamble": pre, "columns": columns,
             "records": [{"cells": r} for r in rows], "notes": notes}
    if sections:
        truth["sections"] = [{"first_record": i, "title": t} for i, t in sections]
    with open(os.path.join(ROOT, "fixtures", "truth", f"{register}.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")


COMMUNAUTE_PREAMBLE = {
    "title": "Registre des activités de traitement de la Communauté de communes du Val-Exemple",
    "organization": "Communauté de communes du Val-Exemple",
    "address": "4 rue des Tanneurs, 86000 Poitiers",
    "rights_contact": "rgpd@val-exemple.fr",
}
# Headers qualified by words of their own (`principale`, `éventuels`).
COMMUNAUTE_COLUMNS = [
    "N°",
    "Nom du traitement",
    "Finalité principale",
    "Base légale",
    "Personnes concernées",
    "Données collectées",
    "Destinataires éventuels",
    "Durée de conservation",
    "Mesures de sécurité",
]


def communaute():
    """Borderless, every other row shaded, the header white on a dark band
    (shaded cells and no rule), Times, A4 landscape."""
    body = ParagraphStyle("body", fontName="Times-Roman", fontSize=8, leading=10)
    head = ParagraphStyle("head", fontName="Times-Bold", fontSize=8, leading=10, textColor=colors.white)
    title = ParagraphStyle("title", fontName="Times-Bold", fontSize=13, leading=16)
    text = ParagraphStyle("text", fontName="Times-Roman", fontSize=9, leading=11.5)
    rows = mairie_records()
    table = Table(
        [[Paragraph(h, head) for h in COMMUNAUTE_COLUMNS]] + [[Paragraph(c, body) for c in r] for r in rows],
        colWidths=[22, 80, 120, 80, 70, 90, 80, 90, 90],
        repeatRows=1,
    )
    style = [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f4e79")), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    style += [("BACKGROUND", (0, i), (-1, i), colors.HexColor("#dde7f3")) for i in range(2, len(rows) + 1, 2)]
    table.setStyle(TableStyle(style))
    story = preamble_story(COMMUNAUTE_PREAMBLE, title, text) + [table]
    pdf = os.path.join(ROOT, "fixtures", "pdf", "communaute-reportlab-zebra.pdf")
    SimpleDocTemplate(pdf, pagesize=landscape(A4), leftMargin=30, rightMargin=30, topMargin=36, bottomMargin=36,
                      title="Registre", invariant=1).build(story)
    write_truth("communaute", COMMUNAUTE_PREAMBLE, COMMUNAUTE_COLUMNS, rows, [])


VILLE_PREAMBLE = {
    "title": "Registre des activités de traitement de la commune de Saint-Exemple",
    "organization": "Commune de Saint-Exemple",
    "address": "2 place de la Mairie, 44000 Nantes",
    "rights_contact": "dpo@saint-exemple.fr",
}
# Known headers mixed with columns of the register's own (service,
# origin, sensitivity, software, date of update).
VILLE_COLUMNS = [
    "N°", "Traitement", "Service responsable", "Finalités", "Base juridique", "Origine des données",
    "Catégories de données", "Données sensibles", "Personnes concernées", "Destinataires", "Logiciel utilisé",
    "Durée de conservation", "Date de mise à jour",
]
VILLE_ACTIVITIES = [
    (
        "Gestion des inscriptions scolaires",
        "Service éducation",
        "Inscrire les enfants dans les écoles de la commune et suivre les effectifs",
        "Mission d’intérêt public",
        "Familles",
        "Identité des enfants et des parents, adresse, école",
        "Non",
        "Familles et enfants",
        "Directeurs d’école ; service éducation",
        "Concerto",
        "Durée de la scolarité + 1 an",
        "12/03/2024",
    ),
    (
        "Restauration scolaire",
        "Service restauration",
        "Facturer les repas et gérer les régimes alimentaires",
        "Contrat",
        "Familles",
        "Identité, régime alimentaire, quotient familial",
        "Oui (santé)",
        "Enfants inscrits",
        "Service restauration ; trésorerie",
        "Concerto",
        "3 ans après la dernière facture",
        "05/01/2024",
    ),
    (
        "Vidéoprotection",
        "Police municipale",
        "Prévenir les atteintes aux biens et aux personnes sur la voie publique",
        "Mission d’intérêt public",
        "Caméras",
        "Images des passants et des véhicules",
        "Non",
        "Passants",
        "Officiers de police judiciaire",
        "Milestone",
        "30 jours maximum",
        "20/09/2023",
    ),
    (
        "État civil",
        "Service population",
        "Établir et délivrer les actes de naissance, de mariage et de décès",
        "Obligation légale",
        "Déclarants",
        "Identité, filiation, dates et lieux des événements",
        "Non",
        "Personnes nées, mariées ou décédées dans la commune",
        "Procureur de la République ; notaires",
        "Mélodie",
        "Conservation illimitée",
        "02/02/2024",
    ),
    (
        "Listes électorales",
        "Service élections",
        "Tenir les listes électorales et organiser les scrutins",
        "Obligation légale",
        "INSEE",
        "Identité, adresse, bureau de vote",
        "Non",
        "Électeurs inscrits",
        "Candidats et partis sur demande",
        "Élection+",
        "Jusqu’à la radiation de l’électeur",
        "15/11/2023",
    ),
    (
        "Paie des agents",
        "Ressources humaines",
        "Calculer et verser la rémunération des agents municipaux",
        "Obligation légale",
        "Agents",
        "Identité, coordonnées bancaires, situation familiale",
        "Non",
        "Agents de la commune",
        "Trésorerie ; URSSAF ; caisses de retraite",
        "Ciril RH",
        "5 ans en base active puis archivage",
        "30/06/2024",
    ),
]


def ville():
    """Thirteen columns, five of them none of the SPEC's, ruled, the header
    shaded, Helvetica, A3 landscape."""
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=7.5, leading=9)
    head = ParagraphStyle("head", fontName="Helvetica-Bold", fontSize=7.5, leading=9)
    title = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=13, leading=16)
    rows = [[str(i + 1)] + list(a) for i, a in enumerate(VILLE_ACTIVITIES)]
    table = Table(
        [[Paragraph(h, head) for h in VILLE_COLUMNS]] + [[Paragraph(c, body) for c in r] for r in rows],
        colWidths=[20, 80, 70, 120, 70, 60, 110, 50, 80, 100, 60, 90, 60],
        repeatRows=1,
    )
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
    ]))
    story = preamble_story(VILLE_PREAMBLE, title, body) + [table]
    pdf = os.path.join(ROOT, "fixtures", "pdf", "ville-reportlab.pdf")
    SimpleDocTemplate(pdf, pagesize=landscape(A3), leftMargin=30, rightMargin=30, topMargin=30, bottomMargin=30,
                      title="Registre", invariant=1).build(story)
    write_truth("ville", VILLE_PREAMBLE, VILLE_COLUMNS, rows, [])


DISTRICT_PREAMBLE = {
    "title": "Registre des activités de traitement du District de l’Estuaire",
    "organization": "District de l’Estuaire",
    "address": "8 quai de la Fosse, 44000 Nantes",
    "rights_contact": "rgpd@district-estuaire.fr",
}
DISTRICT_GROUPS = [(0, "Services à la population"), (6, "Administration générale")]


HELVETICA_BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=8, leading=10)
HELVETICA_HEAD = ParagraphStyle("head", fontName="Helvetica-Bold", fontSize=8, leading=10)
HELVETICA_TITLE = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=14, leading=18)
# The mairie's nine columns, ruled, on an A4 landscape page.
RULED_WIDTHS = [25, 80, 110, 80, 70, 90, 80, 90, 85]
RULED = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]


def district(name, pagesize):
    """The mairie's rows as one ruled table per group, each under a bold
    heading set at the margin, left of the centred table: the first heading
    right under the preamble, the second between the tables (on the same
    page, or at the foot of the first one's page)."""
    body, head = HELVETICA_BODY, HELVETICA_HEAD
    heading = ParagraphStyle("heading", fontName="Helvetica-Bold", fontSize=11, leading=14)
    rows = mairie_records()
    story = preamble_story(DISTRICT_PREAMBLE, HELVETICA_TITLE, body)
    starts = [i for i, _ in DISTRICT_GROUPS] + [len(rows)]
    for (first, text), end in zip(DISTRICT_GROUPS, starts[1:]):
        table = Table([[Paragraph(h, head) for h in MAIRIE_COLUMNS]]
                      + [[Paragraph(c, body) for c in r] for r in rows[first:end]],
                      colWidths=RULED_WIDTHS, repeatRows=1)
        table.setStyle(TableStyle(RULED))
        story += [Paragraph(text, heading), Spacer(1, 4), table, Spacer(1, 12)]
    story += [Paragraph(n, body) for n in NOTES]
    pdf = os.path.join(ROOT, "fixtures", "pdf", f"district-reportlab-{name}.pdf")
    SimpleDocTemplate(pdf, pagesize=pagesize, title="Registre", invariant=1).build(story)
    write_truth("district", DISTRICT_PREAMBLE, MAIRIE_COLUMNS, rows, NOTES, DISTRICT_GROUPS)


CANTON_PREAMBLE = {
    "title": "Registre des traitements du Canton de Val-Exemple",
    "organization": "Canton de Val-Exemple",
    "address": "2 rue du Marché, 49000 Angers",
    "rights_contact": "dpo@canton-val-exemple.fr",
}


def canton(name, lines):
    """The mairie's rows under a two-level header: `Catégories` spans the
    persons and data columns, over their own headers; `lines` draws the
    table's rules, or none."""
    body, head = HELVETICA_BODY, HELVETICA_HEAD
    top = [Paragraph(c, head) for c in MAIRIE_COLUMNS[:4]] + [Paragraph("Catégories", head), ""] + [
        Paragraph(c, head) for c in MAIRIE_COLUMNS[6:]]
    sub = ["", "", "", ""] + [Paragraph(c, head) for c in MAIRIE_COLUMNS[4:6]] + ["", "", ""]
    rows = mairie_records()
    table = Table([top, sub] + [[Paragraph(c, body) for c in r] for r in rows], repeatRows=2,
                  colWidths=RULED_WIDTHS)
    style = lines + [("VALIGN", (0, 0), (-1, -1), "TOP"), ("SPAN", (4, 0), (5, 0))] + [("SPAN", (c, 0), (c, 1)) for c in (0, 1, 2, 3, 6, 7, 8)]
    table.setStyle(TableStyle(style))
    story = preamble_story(CANTON_PREAMBLE, HELVETICA_TITLE, body) + [table, Spacer(1, 10)] + [Paragraph(n, body) for n in NOTES]
    pdf = os.path.join(ROOT, "fixtures", "pdf", f"canton-reportlab-{name}.pdf")
    SimpleDocTemplate(pdf, pagesize=landscape(A4), title="Registre", invariant=1).build(story)
    columns = MAIRIE_COLUMNS[:4] + [f"Catégories {c}" for c in MAIRIE_COLUMNS[4:6]] + MAIRIE_COLUMNS[6:]
    write_truth("canton", CANTON_PREAMBLE, columns, rows, NOTES)


BOURG_PREAMBLE = {
    "title": "Registre des traitements de la Commune du Bourg-Exemple",
    "organization": "Commune du Bourg-Exemple",
    "address": "5 place de la Mairie, 21000 Dijon",
    "rights_contact": "dpo@bourg-exemple.fr",
}


def bourg():
    """The mairie's rows, ruled, with cells merged across rows as word
    processors let authors do: records 2 to 4 share their legal basis, set
    at the top of the merged cell; records 9 and 10 their security
    measures, centred in it. The truth gives each record the merged text."""
    body, head = HELVETICA_BODY, HELVETICA_HEAD
    rows = mairie_records()
    merges = [(3, 1, 3, "TOP"), (8, 8, 9, "MIDDLE")]  # (column, first row, last row, alignment)
    for column, first, last, _ in merges:
        for r in rows[first + 1:last + 1]:
            r[column] = rows[first][column]
    data = [[Paragraph(h, head) for h in MAIRIE_COLUMNS]]
    for i, r in enumerate(rows):
        hidden = {c for c, first, last, _ in merges if first < i <= last}
        data.append(["" if c in hidden else Paragraph(text, body) for c, text in enumerate(r)])
    table = Table(data, colWidths=RULED_WIDTHS, repeatRows=1)
    style = list(RULED)
    for column, first, last, valign in merges:
        style += [("SPAN", (column, first + 1), (column, last + 1)),
                  ("VALIGN", (column, first + 1), (column, last + 1), valign)]
    table.setStyle(TableStyle(style))
    story = preamble_story(BOURG_PREAMBLE, HELVETICA_TITLE, body) + [table, Spacer(1, 10)] + [
        Paragraph(n, body) for n in NOTES]
    pdf = os.path.join(ROOT, "fixtures", "pdf", "bourg-reportlab-merged.pdf")
    SimpleDocTemplate(pdf, pagesize=landscape(A4), title="Registre", invariant=1).build(story)
    write_truth("bourg", BOURG_PREAMBLE, MAIRIE_COLUMNS, rows, NOTES)


if __name__ == "__main__":
    main()
    mairie("booktabs", "Times-Roman", "Times-Bold", [
        ("LINEABOVE", (0, 0), (-1, 0), 1.5, colors.black),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
        ("LINEBELOW", (0, -1), (-1, -1), 1.5, colors.black),
    ], "MIDDLE")
    mairie("centred", "Helvetica", "Helvetica-Bold", [], "MIDDLE")
    # Row rules that leave the number column open, as some table styles
    # do: no merged cells there.
    mairie("open-numbers", "Helvetica", "Helvetica-Bold", [
        ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
        ("INNERGRID", (1, 0), (-1, -1), 0.5, colors.black),
        ("LINEBELOW", (0, 0), (0, 0), 0.5, colors.black),
        ("LINEAFTER", (0, 0), (0, -1), 0.5, colors.black),
    ], "TOP")
    communaute()
    ville()
    district("tables", landscape(A4))
    district("tables-onepage", landscape(A3))
    canton("grouped", RULED)
    canton("grouped-borderless", [])
    bourg()

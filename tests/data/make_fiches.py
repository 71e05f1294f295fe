#!/usr/bin/env python3
"""Typesets a register set as one form ("fiche") per processing activity,
as many bodies publish the CNIL's model: a two-column table of field labels
and values per activity, a heading above each, several fiches a page and
fiches across pages. Writes its truth too. Not run by the tests: its
outputs are committed.

    pip install reportlab
    python3 tests/data/make_fiches.py
writes fixtures/pdf/departement-fiches{,-borderless,-centred}.pdf and
fixtures/truth/departement.json.
"""
import json
import os

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")

PREAMBLE = {
    "title": "Registre des activités de traitement du Département de l’Exemple",
    "organization": "Département de l’Exemple",
    "address": "10 boulevard de la Liberté, 59000 Lille",
    "rights_contact": "dpd@departement-exemple.fr",
}
LABELS = [
    "Nom du traitement",
    "Finalité(s)",
    "Base légale",
    "Catégories de données",
    "Catégories de personnes concernées",
    "Destinataires",
    "Durée de conservation",
]
NOTES = [
    "Les durées de conservation courent à compter de la clôture du dossier, sauf mention contraire ; "
    "à leur terme, les données sont détruites ou versées aux archives départementales.",
]
ACTIVITIES = [
    ("Revenu de solidarité active", "Instruire les demandes de RSA, verser l’allocation et suivre l’insertion des bénéficiaires",
     "Obligation légale (article L. 262-1 du code de l’action sociale et des familles)",
     "Identité, coordonnées, situation familiale, ressources, parcours d’insertion",
     "Demandeurs et bénéficiaires du RSA ; membres de leur foyer",
     "Agents habilités de la direction de l’insertion ; caisse d’allocations familiales",
     "5 ans à compter de la fin du droit"),
    ("Aide personnalisée à l’autonomie", "Évaluer la perte d’autonomie des personnes âgées et attribuer l’allocation",
     "Obligation légale", "Identité, coordonnées, grille d’évaluation, ressources",
     "Personnes âgées de 60 ans et plus ; aidants", "Équipes médico-sociales ; payeur départemental",
     "10 ans après le dernier versement"),
    ("Transports scolaires", "Inscrire les élèves, délivrer les titres de transport et informer les familles",
     "Mission d’intérêt public", "Identité de l’élève et de ses responsables légaux ; établissement ; arrêt",
     "Élèves ; responsables légaux", "Service des transports ; transporteurs", "Jusqu’à la fin de l’année scolaire"),
    ("Recrutement", "Gérer les candidatures aux emplois du Département",
     "Exécution de mesures précontractuelles", "CV, lettre de motivation, diplômes",
     "Candidats", "Service des ressources humaines ; jury", "2 ans après le dernier contact"),
    ("Vidéoprotection des collèges", "Assurer la sécurité des personnes et des biens aux abords des collèges",
     "Mission d’intérêt public", "Images des personnes filmées", "Élèves, personnels, visiteurs",
     "Agents habilités ; forces de l’ordre sur réquisition", "30 jours maximum"),
    ("Archives départementales", "Collecter, conserver et communiquer les archives publiques",
     "Obligation légale", "Données contenues dans les documents versés",
     "Personnes citées dans les archives ; lecteurs", "Lecteurs selon les délais de communicabilité",
     "Conservation illimitée (archives définitives)"),
]


def main():
    grid = [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
    fiches("fiches", grid, [130, 370], headings=False, valign="TOP")
    # Borderless, a heading above each fiche, labels wrapped in a narrow column.
    fiches("fiches-borderless", [], [95, 405], headings=True, valign="TOP")
    # Values wrapped over several lines, labels centred vertically beside them.
    fiches("fiches-centred", grid, [150, 200], headings=False, valign="MIDDLE")


def fiches(name, style, widths, headings, valign):
    label = ParagraphStyle("label", fontName="Helvetica-Bold", fontSize=9, leading=11)
    value = ParagraphStyle("value", fontName="Helvetica", fontSize=9, leading=11)
    title = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=14, leading=17)
    text = ParagraphStyle("text", fontName="Helvetica", fontSize=9, leading=11.5)
    heading = ParagraphStyle("heading", fontName="Helvetica-Bold", fontSize=11, leading=14)
    story = [
        Paragraph(PREAMBLE["title"], title),
        Paragraph(f"{PREAMBLE['organization']}, {PREAMBLE['address']}", text),
        Paragraph(f"Délégué à la protection des données : {PREAMBLE['rights_contact']}", text),
        Spacer(1, 12),
    ]
    for n, activity in enumerate(ACTIVITIES):
        if headings:
            story.append(Paragraph(f"Fiche n° {n + 1} : {activity[0]}", heading))
        rows = [[Paragraph(l, label), Paragraph(v, value)] for l, v in zip(LABELS, activity)]
        table = Table(rows, colWidths=widths)
        table.setStyle(TableStyle(style + [("VALIGN", (0, 0), (-1, -1), valign)]))
        story += [table, Spacer(1, 14)]
    story += [Paragraph(n, text) for n in NOTES]
    pdf = os.path.join(ROOT, "fixtures", "pdf", f"departement-{name}.pdf")
    SimpleDocTemplate(pdf, pagesize=A4, leftMargin=50, rightMargin=50, topMargin=50, bottomMargin=50,
                      title="Registre", invariant=1).build(story)
    truth = {"register": "departement", "preamble": PREAMBLE, "columns": LABELS,
             "records": [{"cells": list(a)} for a in ACTIVITIES], "notes": NOTES}
    with open(os.path.join(ROOT, "fixtures", "truth", "departement.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes a register as a Word document (python-docx) and has LibreOffice
typeset it, as bodies that keep their register in Word publish it. Not run
by the tests: its outputs are committed.

- hopital: a Word table in landscape A4, Carlito (Calibri's metrics) 8 pt,
  rows allowed to break across pages, Word bullet lists (`List Bullet`) in
  the data and recipients cells, bold section rows spanning the table, and
  a column the SPEC does not know (`Sous-traitants` is known; `Données
  sensibles` is not). Three settings:
  - `hopital-docx-libreoffice`: Word's `Table Grid` borders, the header row
    shaded and repeated on each page (`tblHeader`), and the equal columns
    Word gives a table whose widths were not set;
  - `-borderless`: Word's default table style (no borders, no cell padding
    above or below: rows abut), the columns' widths set, header repeated;
  - `-borderless-justified`: the same with every paragraph justified and
    the header printed once.

    pip install python-docx; apt install libreoffice-writer-nogui fonts-crosextra-carlito
    python3 tests/data/make_docx.py
writes fixtures/pdf/hopital-docx-libreoffice*.pdf and fixtures/truth/hopital.json.
"""
import json
import os
import subprocess
import tempfile

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
BULLET = "•"

PREAMBLE = {
    "title": "Registre des activités de traitement du Centre hospitalier de Val-Exemple",
    "organization": "Centre hospitalier de Val-Exemple",
    "address": "12 rue des Tilleuls, 87000 Limoges",
    "rights_contact": "dpo@ch-val-exemple.fr",
}
COLUMNS = [
    "N°",
    "Nom du traitement",
    "Finalité(s)",
    "Base légale",
    "Personnes concernées",
    "Catégories de données",
    "Données sensibles",
    "Destinataires",
    "Sous-traitants",
    "Durée de conservation",
]
WIDTHS_CM = [0.9, 2.6, 4.2, 2.4, 2.6, 3.4, 2.0, 3.2, 2.2, 3.1]
# Each record: (section or None, cells); a list cell is a list of bullet items.
RECORDS = [
    ("Prise en charge des patients", [
        "1", "Dossier patient informatisé",
        "Assurer la prise en charge médicale et soignante des patients, la continuité des soins entre les services et la coordination avec les professionnels de ville",
        "Mission d’intérêt public ; obligation légale (art. L. 1111-7 CSP)",
        "Patients hospitalisés ou reçus en consultation",
        ["Identité et coordonnées", "Numéro d’inscription au répertoire (NIR)", "Données de santé", "Personne de confiance"],
        "Oui : données de santé",
        ["Professionnels de santé de l’établissement", "Médecin traitant", "Assurance maladie"],
        "Hébergeur de données de santé certifié",
        "20 ans à compter du dernier passage du patient",
    ]),
    (None, [
        "2", "Admissions et facturation",
        "Enregistrer les admissions, facturer les séjours et recouvrer les sommes dues",
        "Obligation légale",
        "Patients ; organismes payeurs",
        ["Identité", "Couverture sociale", "Données de facturation"],
        "Non",
        ["Bureau des entrées", "Trésorerie", "Mutuelles"],
        "Éditeur du logiciel de facturation",
        "Conservation : 10 ans après la clôture de l’exercice comptable",
    ]),
    (None, [
        "3", "Rendez-vous en ligne",
        "Permettre aux patients de prendre, déplacer et annuler leurs rendez-vous de consultation, et leur adresser des rappels par SMS",
        "Consentement",
        "Patients et leurs proches",
        ["Identité", "Téléphone et courriel", "Motif de consultation"],
        "Non",
        ["Secrétariats médicaux"],
        "Plateforme de prise de rendez-vous",
        "2 ans à compter du dernier rendez-vous",
    ]),
    ("Ressources humaines", [
        "4", "Gestion des carrières",
        "Gérer le recrutement, la carrière, la paie, la formation et les absences des personnels médicaux et non médicaux de l’établissement",
        "Obligation légale ; contrat",
        "Agents, praticiens, internes et stagiaires",
        ["Identité", "Situation familiale", "Diplômes et formation", "Éléments de rémunération", "Absences"],
        "Oui : arrêts de travail",
        ["Direction des ressources humaines", "Centre de gestion", "URSSAF et caisses de retraite"],
        "Éditeur du logiciel de paie",
        "Jusqu’à la liquidation des droits à pension de l’agent",
    ]),
    (None, [
        "5", "Médecine du travail",
        "Suivre l’état de santé des agents au regard de leur poste et organiser les visites médicales",
        "Obligation légale",
        "Agents de l’établissement",
        ["Identité", "Poste occupé", "Données de santé"],
        "Oui : données de santé",
        ["Médecin du travail", "Infirmiers du service de santé au travail"],
        "Aucun",
        "50 ans après la fin de l’exposition aux risques",
    ]),
    (None, [
        "6", "Contrôle des accès",
        "Délivrer les badges et contrôler l’accès aux zones protégées (pharmacie, bloc opératoire, locaux techniques)",
        "Intérêt légitime",
        "Agents, prestataires et visiteurs",
        ["Identité", "Photographie", "Horaires de passage"],
        "Non",
        ["Service de sécurité"],
        "Aucun",
        "3 mois pour les journaux de passage",
    ]),
    ("Recherche", [
        "7", "Entrepôt de données de santé",
        "Réutiliser les données des dossiers patients pour des études et recherches n’impliquant pas la personne humaine, après avis du comité scientifique et information des patients",
        "Mission d’intérêt public",
        "Patients ayant été pris en charge dans l’établissement",
        ["Données pseudonymisées issues du dossier patient", "Données de séjour"],
        "Oui : données de santé",
        ["Équipes de recherche habilitées", "Délégué à la protection des données"],
        "Hébergeur de données de santé certifié",
        "20 ans à compter de l’entrée des données dans l’entrepôt",
    ]),
    (None, [
        "8", "Essais cliniques",
        "Conduire les essais cliniques dont l’établissement est promoteur et en assurer la traçabilité",
        "Mission d’intérêt public",
        "Patients inclus dans les essais",
        ["Code d’identification", "Données de santé", "Données génétiques le cas échéant"],
        "Oui : données de santé, données génétiques",
        ["Investigateurs", "Promoteur", "Autorités de santé"],
        "Prestataire de monitoring",
        "15 ans après la fin de l’essai",
    ]),
]
NOTES = [
    "Les destinataires sont habilités et soumis au secret professionnel.",
    "Pour exercer vos droits : dpo@ch-val-exemple.fr ou par courrier au délégué à la protection des données.",
]


def shade(cell, fill):
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def repeat_as_header(row):
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def fill(cell, value, bold=False, justified=False):
    """Writes VALUE (a string, or a list of bullet items) into CELL."""
    items = value if isinstance(value, list) else [value]
    first = cell.paragraphs[0]
    for i, item in enumerate(items):
        paragraph = first if i == 0 else cell.add_paragraph()
        if isinstance(value, list):
            paragraph.style = "List Bullet"
        if justified:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(item)
        run.bold = bold
        run.font.size = Pt(8)
        run.font.name = "Carlito"


def printed(value):
    """The cell as the truth reads it: bullets kept, items joined by spaces."""
    if isinstance(value, list):
        return " ".join(f"{BULLET} {item}" for item in value)
    return value


def typeset(name, borders, widths, repeat_header, justified):
    """Writes fixtures/pdf/NAME.pdf; returns the sections as (first record, title)."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    style = document.styles["Normal"]
    style.font.name = "Carlito"
    style.font.size = Pt(9)

    title = document.add_paragraph()
    run = title.add_run(PREAMBLE["title"])
    run.bold = True
    run.font.size = Pt(14)
    document.add_paragraph(f"{PREAMBLE['organization']}, {PREAMBLE['address']}")
    document.add_paragraph(f"Délégué à la protection des données : {PREAMBLE['rights_contact']}")

    table = document.add_table(rows=1, cols=len(COLUMNS))
    if borders:
        table.style = "Table Grid"
    table.autofit = False
    if widths:
        for column, width in zip(table.columns, widths):
            column.width = Cm(width)
    header = table.rows[0]
    if repeat_header:
        repeat_as_header(header)
    for cell, column, width in zip(header.cells, COLUMNS, WIDTHS_CM):
        cell.width = Cm(width)
        fill(cell, column, bold=True, justified=justified)
        if borders:
            shade(cell, "D9E2F3")
    sections = []
    for index, (heading, cells) in enumerate(RECORDS):
        if heading:
            sections.append((index, heading))
            row = table.add_row()
            merged = row.cells[0].merge(row.cells[-1])
            fill(merged, heading, bold=True)
        row = table.add_row()
        for cell, value, width in zip(row.cells, cells, WIDTHS_CM):
            cell.width = Cm(width)
            fill(cell, value, justified=justified)
    document.add_paragraph()
    for note in NOTES:
        document.add_paragraph(note)

    with tempfile.TemporaryDirectory() as tmp:
        docx = os.path.join(tmp, f"{name}.docx")
        document.save(docx)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, docx], check=True)
        with open(os.path.join(tmp, f"{name}.pdf"), "rb") as f:
            pdf = f.read()
    with open(os.path.join(ROOT, "fixtures", "pdf", f"{name}.pdf"), "wb") as f:
        f.write(pdf)
    return sections


def main():
    # The cells' widths alone do not size a Word table's grid: without the
    # columns' own, LibreOffice sets them equal.
    sections = typeset("hopital-docx-libreoffice", True, None, True, False)
    typeset("hopital-docx-libreoffice-borderless", False, WIDTHS_CM, True, False)
    typeset("hopital-docx-libreoffice-borderless-justified", False, WIDTHS_CM, False, True)

    truth = {"register": "hopital", "preamble": PREAMBLE, "columns": COLUMNS,
             "records": [{"cells": [printed(v) for v in cells]} for _, cells in RECORDS], "notes": NOTES,
             "sections": [{"first_record": i, "title": t} for i, t in sections]}
    with open(os.path.join(ROOT, "fixtures", "truth", "hopital.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

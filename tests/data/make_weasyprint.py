#!/usr/bin/env python3
"""Typesets registers with WeasyPrint, an HTML engine of its own (Pango
text, subset TrueType fonts as CID fonts): the commune and syndicat
registers from their HTML (tests/data/*.html), and the agence register from
its truth (fixtures/truth/agence.json). Not run by the tests: its outputs
are committed.

- commune-weasyprint-centred: borderless, justified and hyphenated
  (`hyphens: auto`): WeasyPrint breaks words between syllables and draws
  its hyphen as U+2010 (`périsco‐` / `laires`), which the joined word
  drops; it draws no space at a line's end;
- syndicat-weasyprint: US Letter landscape, rules under the header,
  section headings across the table;
- agence-weasyprint-a3-centred: A3 landscape, 6.5 pt DejaVu Serif, no
  rules, headers centred over wide columns whose short cells leave most
  lines clear of the headers' edges, cells centred vertically.
- bourg-weasyprint-ruled: US Letter landscape, 8 pt DejaVu Sans
  Condensed, every rule; a row the page break cuts has no rule under it on
  the first page, where the column rules run on to the page's bottom;
- dnum-weasyprint-middle: A4 landscape, 8.5 pt DejaVu Sans Condensed, no
  rules, cells and headers centred vertically with 2 pt padding (the rows
  of a page one whitespace band): the three-line `Responsable` /
  `de traitement` / `(et co-RT)` interleaves with two-line headers, rows
  cut by page breaks, `WSS/` / `ECU` broken after the slash;
- ville-weasyprint-hyphenated: A4 landscape, 9 pt DejaVu Sans Condensed,
  every rule, thirteen narrow columns hyphenated (`hyphens: auto`) and
  centred vertically: the headers' words broken between syllables
  (`Traite‐` / `ment`, `Don‐` / `nées` / `sen‐` / `sibles`), whole words
  wrapped without a hyphen (`inscriptions` / `scolaires`);
- hopital-weasyprint-zebra: US Letter landscape, 7.5 pt DejaVu Sans
  Condensed, a rule under the header only, headers centred, every other
  row shaded cell by cell: a page's last shaded row has text under its
  edge, a row (its first line opening in its purposes' column), not notes;
- departement-weasyprint-hyphenated: US Letter landscape, 8.5 pt
  Liberation Sans, every rule, headers centred in a dark band, cells
  hyphenated; its `pdftotext -layout` rendering is
  fixtures/text-layout/departement-weasyprint-hyphenated.txt (`Nom du
  trai‐` / `tement`, `Catégories de per‐` / `sonnes concernées`);
- hopital-weasyprint-middle: US Letter landscape, 9 pt DejaVu Sans,
  every rule, cells hyphenated, cells and headers centred vertically: the
  band's middle line holds the first headers and, in lower case, the next
  lines of taller ones (`traitement` under `Nom du`);
- fabrique-weasyprint-a3-justified: A3 landscape, 10 pt DejaVu Sans
  Condensed, no rules, a dark header band, justified and hyphenated cells
  (`1000‐` / `PremiersJours`: a hyphen added after a figure);
- saint-weasyprint-footer: A3 landscape, 10 pt Liberation Serif, no
  rules, `Page 1 / 1` in the bottom margin of its one page, under the
  data column: page furniture, though printed once;
- syndicat-weasyprint-footer: the same, every rule, on two pages (`Page
  2 / 2`); its `pdftotext -layout` rendering is
  fixtures/text-layout/syndicat-weasyprint-footer.txt, whose last page
  ends on a row the rendering sets a space from its number (`21 Registre
  des visiteurs`), the note, then the footer;
- dnum-weasyprint-footer-two-lines: A4 landscape, 8 pt Liberation Sans
  Narrow, no rules, a footer of two lines (`Direction du numérique –
  Registre RGPD` over `Page 3 / 4`): one block of furniture;
- hopital-weasyprint-header-page: A3 landscape, 10 pt Liberation Sans
  Narrow, every rule, a running header (`Registre des traitements` left,
  `Page 1` right); its `pdftotext -layout` rendering is
  fixtures/text-layout/hopital-weasyprint-header-page.txt, whose short
  last page sets the header as far from its top as a full page does.
- hopital-weasyprint-bottom: A3 landscape, 8.5 pt DejaVu Sans
  Condensed, a rule under the header only, cells and headers set at the
  bottom of their rows and hyphenated: the first header's `Nom du trai‐`
  / `tement` runs over two lines above the rule, whose second line opens
  no row.
- dnum-weasyprint-orphans: US Letter landscape, 6.5 pt Liberation Sans,
  a rule under the header only, cells hyphenated: WeasyPrint keeps two
  lines of a cell together (CSS `orphans`), so the page break moves the
  one-line-short title of `Gestion de tickets support Pass-ITSM` whole to
  the next page, and its row opens at the first page's foot without it.
- syndicat-weasyprint-bottom: US Legal landscape, 7.5 pt Liberation
  Sans, a dark header band with a rule under it, cells justified,
  hyphenated and set at the bottom of their rows with 2 pt padding: a
  whitespace band holds several rows, whose numbers run together (`2`
  right over `3`, a one-line row).
- quartier-weasyprint-bottom-first-tallest: A4 landscape, 6.5 pt
  FreeSerif, no rules, cells justified and set at the bottom of their
  rows: the first cell (the domain, `État civil et` / `citoyenneté`) is
  each row's tallest, so only the shorter cells, ending on the row's
  last line, tell the alignment; a row's first line holding the first
  cell alone opens it and heads no section.
- syndicat-weasyprint-close-centred: A4 landscape, 8.5 pt DejaVu
  Serif, no rules, cells top-aligned with 2 pt padding and centred, like
  the section headings across the table: the rows of a page make one
  whitespace band, which opens with a heading centred on the table,
  whose last column runs on to the page's edge.
- ville-weasyprint-head-rule-bottom: A4 portrait, 10 pt Liberation
  Sans, a rule under the header only, 4 pt under the header's text (its
  padding), cells hyphenated and set at the bottom of their rows: the
  rule has no body text above it and parts no rows, which the whitespace
  between rows does.
- ville-weasyprint-narrow: A4 portrait, 7.5 pt FreeSerif, a rule under
  the header only, 4 pt padding, cells and headers set at the bottom of
  their rows: the 13 columns shrink to their longest words, so that
  words wrap whole at the columns' edges (`Conservation` / `illimitée`),
  and the header band's top line holds `Origine` alone, over `des` /
  `données`.
- canton-weasyprint-centred: A4 landscape, 7.5 pt DejaVu Sans
  Condensed, a rule under the header only, cells centred, headers
  left-aligned: `Catégories Données` / `collectées` is one header, the
  centred cells under it gapped near `Données` on every line, but never
  at one x.
- ville-weasyprint-padding: A4 portrait, 8 pt FreeSerif, 3 pt padding,
  set at the bottom of the rows: the one-line `Destinataires` runs into
  `utilisé` closer than a phrase gap, under `Logiciel`.
- quartier-weasyprint-bottom-tight: US Letter landscape, 6.5 pt DejaVu
  Serif, 2 pt padding, cells set at the bottom of the rows, with its
  `pdftotext -layout` rendering in `text-layout/`: no blank line parts
  the rows there, and the two-line first cells of consecutive rows
  (`Enfance et` / `jeunesse`) run together in the first column.

    pip install weasyprint
    python3 tests/data/make_weasyprint.py
writes fixtures/pdf/{commune-weasyprint-centred,syndicat-weasyprint,
agence-weasyprint-a3-centred,bourg-weasyprint-ruled,
dnum-weasyprint-middle,fabrique-weasyprint-a3-justified,
hopital-weasyprint-zebra,ville-weasyprint-hyphenated,
departement-weasyprint-hyphenated,hopital-weasyprint-middle,
saint-weasyprint-footer,syndicat-weasyprint-footer,
dnum-weasyprint-footer-two-lines,hopital-weasyprint-header-page,
hopital-weasyprint-bottom,dnum-weasyprint-orphans,
syndicat-weasyprint-bottom,ville-weasyprint-narrow,
canton-weasyprint-centred,ville-weasyprint-padding,
quartier-weasyprint-bottom-tight}.pdf, then
    pdftotext -layout fixtures/pdf/departement-weasyprint-hyphenated.pdf \
        fixtures/text-layout/departement-weasyprint-hyphenated.txt
    pdftotext -layout fixtures/pdf/syndicat-weasyprint-footer.pdf \
        fixtures/text-layout/syndicat-weasyprint-footer.txt
    pdftotext -layout fixtures/pdf/hopital-weasyprint-header-page.pdf \
        fixtures/text-layout/hopital-weasyprint-header-page.txt
    pdftotext -layout fixtures/pdf/quartier-weasyprint-bottom-tight.pdf \
        fixtures/text-layout/quartier-weasyprint-bottom-tight.txt
"""
import html
import json
import os

import weasyprint

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
OUT = os.path.join(ROOT, "fixtures", "pdf")


def from_truth(register, css):
    """The register's truth as an HTML page: title, organization and
    address, contact, the table (header repeated on each page, section
    headings across it), notes."""
    t = json.load(open(os.path.join(ROOT, "fixtures", "truth", register + ".json")))
    pre = t["preamble"]
    out = [f"<h1>{html.escape(pre['title'])}</h1>"]
    if pre["organization"] or pre["address"]:
        out.append(f"<p>{html.escape(pre['organization'] or '')}, {html.escape(pre['address'] or '')}</p>")
    out += [f"<p>Contact : {html.escape(pre['rights_contact'])}</p>",
           "<table><thead><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in t["columns"]) + "</tr></thead><tbody>"]
    sections = {x["first_record"]: x["title"] for x in t.get("sections") or []}
    for i, r in enumerate(t["records"]):
        if i in sections:
            out.append(f'<tr class="section"><td colspan="{len(t["columns"])}">{html.escape(sections[i])}</td></tr>')
        out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r["cells"]) + "</tr>")
    out.append("</tbody></table>")
    out += [f"<p>{html.escape(n)}</p>" for n in t.get("notes") or []]
    return f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>{css}</style></head><body>' + "\n".join(out) + "</body></html>"


A3_CENTRED = """@page { size: A3 landscape; margin: 15mm; }
body { font-family: 'DejaVu Serif'; font-size: 6.5pt; }
h1 { font-size: 11.5pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: none; padding: 3pt; vertical-align: middle; text-align: left; hyphens: auto; }
th { text-align: center; font-weight: bold; }
"""

RULED = """@page { size: letter landscape; margin: 20mm; }
body { font-family: 'DejaVu Sans Condensed'; font-size: 8pt; }
h1 { font-size: 11pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 0.6pt solid #000; padding: 4pt; vertical-align: top; text-align: left; }
th { font-weight: bold; }
"""

A3_JUSTIFIED = """@page { size: A3 landscape; margin: 20mm; }
body { font-family: 'DejaVu Sans Condensed'; font-size: 10pt; }
h1 { font-size: 15pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: none; padding: 6pt; vertical-align: top; text-align: justify; hyphens: auto; }
th { text-align: left; font-weight: bold; background: #333; color: #fff; }
"""

MIDDLE = """@page { size: A4 landscape; margin: 20mm; }
body { font-family: 'DejaVu Sans Condensed'; font-size: 8.5pt; }
h1 { font-size: 13.5pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: none; padding: 2pt; vertical-align: middle; text-align: left; }
th { font-weight: bold; }
"""

HYPHENATED = """@page { size: A4 landscape; margin: 20mm; }
body { font-family: 'DejaVu Sans Condensed'; font-size: 9pt; }
h1 { font-size: 16pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 0.6pt solid #000; padding: 2pt; vertical-align: middle; text-align: left; hyphens: auto; }
th { font-weight: bold; }
"""

ZEBRA = """@page { size: letter landscape; margin: 15mm; }
body { font-family: 'DejaVu Sans Condensed'; font-size: 7.5pt; }
h1 { font-size: 14.5pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: none; padding: 6pt; vertical-align: top; text-align: left; }
th { border-bottom: 0.6pt solid #000; text-align: center; font-weight: bold; }
tbody tr:nth-child(even) td { background: #e8e8e8; }
tr.section td { font-weight: bold; }
"""

DARK_HYPHENATED = """@page { size: letter landscape; margin: 10mm; }
body { font-family: 'Liberation Sans'; font-size: 8.5pt; }
h1 { font-size: 15.5pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 0.6pt solid #000; padding: 6pt; vertical-align: top; text-align: left; hyphens: auto; }
th { text-align: center; font-weight: bold; background: #333; color: #fff; }
"""

HOPITAL_MIDDLE = """@page { size: letter landscape; margin: 10mm; }
body { font-family: 'DejaVu Sans'; font-size: 9pt; }
h1 { font-size: 12pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 0.6pt solid #000; padding: 2pt; vertical-align: middle; text-align: left; hyphens: auto; }
th { text-align: center; font-weight: bold; }
tr.section td { font-weight: bold; }
"""

FOOTER = """@page { size: A3 landscape; margin: 20mm 15mm;
    @bottom-center { content: "Page " counter(page) " / " counter(pages); font-size: 8pt; } }
body { font-family: 'Liberation Serif'; font-size: 10pt; }
h1 { font-size: 15pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: none; padding: 4pt; vertical-align: top; text-align: left; }
th { font-weight: bold; }
"""

FOOTER_RULED = FOOTER.replace("border: none", "border: 0.6pt solid #000")

FOOTER_TWO_LINES = """@page { size: A4 landscape; margin: 20mm 15mm;
    @bottom-center { content: "Direction du numérique – Registre RGPD\\A Page " counter(page) " / " counter(pages);
                     white-space: pre; font-size: 8pt; } }
body { font-family: 'Liberation Sans Narrow'; font-size: 8pt; }
h1 { font-size: 13pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: none; padding: 4pt; vertical-align: top; text-align: left; }
th { font-weight: bold; }
"""

HEADER_PAGE = """@page { size: A3 landscape; margin: 20mm 15mm;
    @top-left { content: "Registre des traitements"; font-size: 8pt; }
    @top-right { content: "Page " counter(page); font-size: 8pt; } }
body { font-family: 'Liberation Sans Narrow'; font-size: 10pt; }
h1 { font-size: 15pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 0.6pt solid #000; padding: 4pt; vertical-align: top; text-align: left; }
th { font-weight: bold; }
tr.section td { font-weight: bold; }
"""

BOTTOM = """@page { size: A3 landscape; margin: 10mm; }
body { font-family: 'DejaVu Sans Condensed'; font-size: 8.5pt; }
h1 { font-size: 13.5pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: none; padding: 6pt; vertical-align: bottom; text-align: left; hyphens: auto; }
th { font-weight: bold; border-bottom: 0.6pt solid #000; }
tr.section td { font-weight: bold; }
"""

ORPHANS = """@page { size: letter landscape; margin: 10mm; }
body { font-family: 'Liberation Sans'; font-size: 6.5pt; }
h1 { font-size: 11.5pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: none; padding: 6pt; vertical-align: top; text-align: left; hyphens: auto; }
th { font-weight: bold; border-bottom: 0.6pt solid #000; }
tr.section td { font-weight: bold; }
"""

BOTTOM_DARK = """@page { size: legal landscape; margin: 10mm; }
body { font-family: 'Liberation Sans'; font-size: 7.5pt; }
h1 { font-size: 12.5pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: none; padding: 2pt; vertical-align: bottom; text-align: justify; hyphens: auto; }
th { text-align: center; font-weight: bold; background: #333; color: #fff; border-bottom: 0.6pt solid #000; }
tr.section td { font-weight: bold; }
"""

NARROW = """@page { size: A4; margin: 10mm; }
body { font-family: 'FreeSerif'; font-size: 7.5pt; }
h1 { font-size: 13pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: none; padding: 4pt; vertical-align: bottom; text-align: left; }
th { font-weight: bold; border-bottom: 0.6pt solid #000; }
tr.section td { font-weight: bold; }
"""

CENTRED_CELLS = """@page { size: A4 landscape; margin: 20mm; }
body { font-family: 'DejaVu Sans Condensed'; font-size: 7.5pt; }
h1 { font-size: 12.5pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: none; padding: 3pt; vertical-align: top; text-align: center; }
th { text-align: left; font-weight: bold; border-bottom: 0.6pt solid #000; }
tr.section td { font-weight: bold; }
"""

NARROW_PADDING = NARROW.replace("7.5pt", "8pt").replace("padding: 4pt", "padding: 3pt")

BOTTOM_TIGHT = """@page { size: letter landscape; margin: 15mm; }
body { font-family: 'DejaVu Serif'; font-size: 6.5pt; }
h1 { font-size: 11.5pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: none; padding: 2pt; vertical-align: bottom; text-align: left; hyphens: auto; }
th { font-weight: bold; border-bottom: 0.6pt solid #000; }
tr.section td { font-weight: bold; }
"""

CLOSE_CENTRED = """@page { size: A4 landscape; margin: 10mm; }
body { font-family: 'DejaVu Serif'; font-size: 8.5pt; }
h1 { font-size: 13.5pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: none; padding: 2pt; vertical-align: top; text-align: center; hyphens: auto; }
th { font-weight: bold; }
tr.section td { font-weight: bold; }
"""

HEAD_RULE_BOTTOM = """@page { size: A4; margin: 10mm; }
body { font-family: 'Liberation Sans'; font-size: 10pt; }
h1 { font-size: 15pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: none; padding: 4pt; vertical-align: bottom; text-align: left; hyphens: auto; }
th { font-weight: bold; border-bottom: 0.6pt solid #000; }
tr.section td { font-weight: bold; }
"""

BOTTOM_FIRST_TALLEST = """@page { size: A4 landscape; margin: 20mm; }
body { font-family: 'FreeSerif'; font-size: 6.5pt; }
h1 { font-size: 11.5pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: none; padding: 4pt; vertical-align: bottom; text-align: justify; }
th { text-align: center; font-weight: bold; }
tr.section td { font-weight: bold; }
"""


def main():
    """Writes the fixtures listed above."""
    for source, target in [("commune-centred.html", "commune-weasyprint-centred.pdf"),
                           ("syndicat.html", "syndicat-weasyprint.pdf")]:
        weasyprint.HTML(os.path.join(HERE, source)).write_pdf(os.path.join(OUT, target))
    weasyprint.HTML(string=from_truth("agence", A3_CENTRED)).write_pdf(os.path.join(OUT, "agence-weasyprint-a3-centred.pdf"))
    weasyprint.HTML(string=from_truth("bourg", RULED)).write_pdf(os.path.join(OUT, "bourg-weasyprint-ruled.pdf"))
    weasyprint.HTML(string=from_truth("fabrique", A3_JUSTIFIED)).write_pdf(
        os.path.join(OUT, "fabrique-weasyprint-a3-justified.pdf"))
    weasyprint.HTML(string=from_truth("dnum", MIDDLE)).write_pdf(os.path.join(OUT, "dnum-weasyprint-middle.pdf"))
    weasyprint.HTML(string=from_truth("ville", HYPHENATED)).write_pdf(os.path.join(OUT, "ville-weasyprint-hyphenated.pdf"))
    weasyprint.HTML(string=from_truth("hopital", ZEBRA)).write_pdf(os.path.join(OUT, "hopital-weasyprint-zebra.pdf"))
    weasyprint.HTML(string=from_truth("departement", DARK_HYPHENATED)).write_pdf(
        os.path.join(OUT, "departement-weasyprint-hyphenated.pdf"))
    weasyprint.HTML(string=from_truth("hopital", HOPITAL_MIDDLE)).write_pdf(
        os.path.join(OUT, "hopital-weasyprint-middle.pdf"))
    weasyprint.HTML(string=from_truth("saint", FOOTER)).write_pdf(os.path.join(OUT, "saint-weasyprint-footer.pdf"))
    weasyprint.HTML(string=from_truth("syndicat", FOOTER_RULED)).write_pdf(
        os.path.join(OUT, "syndicat-weasyprint-footer.pdf"))
    weasyprint.HTML(string=from_truth("dnum", FOOTER_TWO_LINES)).write_pdf(
        os.path.join(OUT, "dnum-weasyprint-footer-two-lines.pdf"))
    weasyprint.HTML(string=from_truth("hopital", HEADER_PAGE)).write_pdf(
        os.path.join(OUT, "hopital-weasyprint-header-page.pdf"))
    weasyprint.HTML(string=from_truth("hopital", BOTTOM)).write_pdf(os.path.join(OUT, "hopital-weasyprint-bottom.pdf"))
    weasyprint.HTML(string=from_truth("dnum", ORPHANS)).write_pdf(os.path.join(OUT, "dnum-weasyprint-orphans.pdf"))
    weasyprint.HTML(string=from_truth("syndicat", BOTTOM_DARK)).write_pdf(
        os.path.join(OUT, "syndicat-weasyprint-bottom.pdf"))
    weasyprint.HTML(string=from_truth("ville", NARROW)).write_pdf(os.path.join(OUT, "ville-weasyprint-narrow.pdf"))
    weasyprint.HTML(string=from_truth("canton", CENTRED_CELLS)).write_pdf(
        os.path.join(OUT, "canton-weasyprint-centred.pdf"))
    weasyprint.HTML(string=from_truth("ville", NARROW_PADDING)).write_pdf(
        os.path.join(OUT, "ville-weasyprint-padding.pdf"))
    weasyprint.HTML(string=from_truth("quartier", BOTTOM_TIGHT)).write_pdf(
        os.path.join(OUT, "quartier-weasyprint-bottom-tight.pdf"))
    weasyprint.HTML(string=from_truth("syndicat", CLOSE_CENTRED)).write_pdf(
        os.path.join(OUT, "syndicat-weasyprint-close-centred.pdf"))
    weasyprint.HTML(string=from_truth("ville", HEAD_RULE_BOTTOM)).write_pdf(
        os.path.join(OUT, "ville-weasyprint-head-rule-bottom.pdf"))
    weasyprint.HTML(string=from_truth("quartier", BOTTOM_FIRST_TALLEST)).write_pdf(
        os.path.join(OUT, "quartier-weasyprint-bottom-first-tallest.pdf"))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Typesets a register's truth (fixtures/truth/<register>.json) as a flat
ODT and lets LibreOffice Writer make the PDF, as the corpus registers were
made: a preamble, one table with its header row repeated on each page, the
notes after it. Not run by the tests: its outputs are committed.

    make_libreoffice_fodt.py TRUTH OUT.fodt PAGE FONT SIZE BORDERS WIDTHS [FURNITURE] [once]
    soffice --headless --convert-to pdf OUT.fodt

PAGE is a4l, a4p, a3l, letterl or legall; BORDERS is `ruled` or `none`;
WIDTHS is `equal`, or `prop` (each column's share grows with its cells'
mean length, so short columns come out narrow); FURNITURE, if given, is
`footer` (`Page 3 sur 8` centred at each page's foot), `both` (a running
header, and the bare page number at the foot) or `two` (a footer of two
lines, the second `3/8`); `once` prints the header row on the first page
only, as a table whose header row is not set to repeat. The fixtures:

- `dnum-libreoffice-narrow-borderless.pdf`: dnum a4l "Liberation Sans
  Narrow" 10 none prop: a condensed font (`ll` set a narrow advance
  apart), and the controllers' column so narrow that its header stacks
  `Responsable` / `de traitement` / `(et co-RT)` a cell padding away from
  `Catégories de données traitées`.
- `dnum-libreoffice-dejavu.pdf`: dnum a4l "DejaVu Sans" 10 ruled equal:
  `réponse` cut at its cell's edge short of a wide letter, and a note
  wrapped after `sous-`.
- `fabrique-libreoffice-a3-serif-borderless.pdf`: fabrique a3l "DejaVu
  Serif" 10 none prop.
- `district-libreoffice-borderless.pdf`: district a4l "Liberation Sans"
  11 none prop: section rows, and `adresse` / `électronique` wrapped at
  the edge where the space after `adresse` did not fit.
- `bourg-libreoffice-letter-borderless.pdf`: bourg letterl "Liberation
  Sans" 8 none equal: LibreOffice spaces nearly every wrapped line's end,
  but not `Service instructeur ;`, whose space would have passed the edge.
- `saint-libreoffice-letter-borderless.pdf`: saint letterl "DejaVu
  Serif" 8 none equal, with its `pdftotext -layout` rendering in
  `text-layout/`: the header's second line goes on `Nom du` in lower case
  and holds `UE` under `Transferts hors`.
- `saint-libreoffice-letter-narrow.pdf`: saint letterl "DejaVu Serif" 11
  none equal: the header's second line runs pieces of neighbouring
  headers together (`conservatio es hors UE`) in cells a space apart.
- `text-layout/communaute-libreoffice-legal-condensed.txt`, the
  `pdftotext -layout` rendering of communaute legall "DejaVu Sans
  Condensed" 9 none prop (the PDF itself is not kept): the rendering sets
  the header ` N°` a character right of the numbers under it.
- `text-layout/dnum-libreoffice-footer.txt`, the `pdftotext -layout`
  rendering of dnum a4l "DejaVu Sans Condensed" 8 ruled equal footer (the
  PDF itself is not kept): `Page 1 sur 8` under each page, the last one
  under the notes.
- `text-layout/dnum-libreoffice-header-once.txt`, the `pdftotext -layout`
  rendering of dnum letterl "DejaVu Serif" 8 ruled equal once (the PDF
  itself is not kept): pages after the first print no header, and
  pdftotext sets each on a grid of its own (a column 108 characters in on
  the first page starts at 89 on the second), running some cells a space
  from the next, so that some gutters never show.
- `text-layout/communaute-libreoffice-header-once.txt`, likewise of
  communaute a4l "DejaVu Serif" 8 none prop once: the second page holds
  one row, whose cells wrap onto different lines, and no line shows every
  column.
"""
import json, sys
from xml.sax.saxutils import escape
truth, out, page, font, size, borders, widths = sys.argv[1:8]
extra = sys.argv[8:]
header_once = "once" in extra
furniture = next((a for a in extra if a != "once"), None)
t = json.load(open(truth))
pages = {"a4l": ("29.7cm", "21cm"), "a4p": ("21cm", "29.7cm"), "a3l": ("42cm", "29.7cm"), "letterl": ("27.94cm", "21.59cm"), "legall": ("35.56cm", "21.59cm")}
pw, ph = pages[page]
cols = t["columns"]; n = len(cols)
margin = 1.5
usable = float(pw[:-2]) - 2 * margin
if widths == "equal":
    ws = [usable / n] * n
else:  # proportional to average text length, bounded
    import statistics
    lens = [max(8, statistics.mean(len(r["cells"][i]) for r in t["records"]) ** 0.6) for i in range(n)]
    s = sum(lens); ws = [usable * l / s for l in lens]
border = '0.5pt solid #000000' if borders == "ruled" else 'none'
P = lambda style, text: f'<text:p text:style-name="{style}">{escape(text)}</text:p>'
pre = t.get("preamble", {})
head = []
if pre.get("organization"):
    head.append(P("Pre", pre["organization"] + (", " + pre["address"] if pre.get("address") else "")))
if pre.get("title"): head.append(P("Title", pre["title"]))
if pre.get("rights_contact"): head.append(P("Pre", "Exercice des droits : " + pre["rights_contact"]))
colstyles = "".join(f'<style:style style:name="C{i}" style:family="table-column"><style:table-column-properties style:column-width="{w:.3f}cm"/></style:style>' for i, w in enumerate(ws))
rows = []
headings = {s["first_record"]: s["title"] for s in t.get("sections", [])}
for k, r in enumerate(t["records"]):
    if k in headings:
        section = headings[k]
        rows.append(f'<table:table-row><table:table-cell table:style-name="Cell" table:number-columns-spanned="{n}">{P("Head", section)}</table:table-cell>' + "<table:covered-table-cell/>" * (n - 1) + "</table:table-row>")
    rows.append("<table:table-row>" + "".join(f'<table:table-cell table:style-name="Cell">{P("Body", c)}</table:table-cell>' for c in r["cells"]) + "</table:table-row>")
header = "<table:table-row>" + "".join(f'<table:table-cell table:style-name="Cell">{P("Head", c)}</table:table-cell>' for c in cols) + "</table:table-row>"
if not header_once:
    header = f"<table:table-header-rows>{header}</table:table-header-rows>"
notes = "".join(P("Pre", x) for x in t.get("notes", []))
page_number = '<text:page-number text:select-page="current"/>'
furniture_xml = {
    None: "",
    "footer": f'<style:footer><text:p text:style-name="Foot">Page {page_number} sur <text:page-count/></text:p></style:footer>',
    "both": f'<style:header>{P("Foot", "Registre des activités de traitement – mise à jour du 1er mars 2025")}</style:header>'
            f'<style:footer><text:p text:style-name="Foot">{page_number}</text:p></style:footer>',
    "two": f'<style:footer>{P("Foot", "Document interne – diffusion publique")}'
           f'<text:p text:style-name="Foot">{page_number}/<text:page-count/></text:p></style:footer>',
}[furniture]
doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="F" svg:font-family="'{font}'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
<style:style style:name="Standard" style:family="paragraph"><style:text-properties style:font-name="F" fo:font-size="{size}pt" fo:language="fr" fo:country="FR"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="{pw}" fo:page-height="{ph}" fo:margin-top="{margin}cm" fo:margin-bottom="{margin}cm" fo:margin-left="{margin}cm" fo:margin-right="{margin}cm"/></style:page-layout>
<style:style style:name="Pre" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-weight="bold" fo:font-size="{float(size)+2}pt"/></style:style>
<style:style style:name="Head" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Foot" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="7pt"/></style:style>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="{usable:.3f}cm" table:align="left"/></style:style>
{colstyles}
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="{border}"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL">{furniture_xml}</style:master-page></office:master-styles>
<office:body><office:text>
{"".join(head)}
<table:table table:name="Registre" table:style-name="Tbl">{"".join(f'<table:table-column table:style-name="C{i}"/>' for i in range(n))}{header}{"".join(rows)}</table:table>
{notes}
</office:text></office:body></office:document>'''
open(out, "w").write(doc)

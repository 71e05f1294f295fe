#!/usr/bin/env python3
"""Typesets the mairie register (fixtures/truth/mairie.json, written by
make_reportlab.py) with the fpdf2 PDF library, whose tables set cells
without padding: a cell's text can run up to the next column's. Not run by
the tests: its outputs are committed.

- lines: rules between rows only, US Letter landscape;
- open: no rules at all, A4 landscape;
- portrait: one rule under the header, cells centred vertically, 6 pt
  type on A4 portrait;
- inner: rules between columns and rows but no frame, US Legal landscape;
- minimal: rules between columns and under the header only, 8 pt;
- a5: every rule, 4 pt type on A5 portrait under a 16 pt centred title
  that wraps;
- bottom: every rule, cells set at the bottom of their rows (whose
  pdftotext -layout rendering has no blank line between rows).

Each embeds a DejaVu Sans subset (Debian's fonts-dejavu-core).

    pip install fpdf2
    python3 tests/data/make_fpdf2.py
writes fixtures/pdf/mairie-fpdf2-{lines,open,portrait,inner,minimal,a5,bottom}.pdf.
"""
import datetime
import json
import os

from fpdf import FPDF
from fpdf.fonts import FontFace

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
FONTS = "/usr/share/fonts/truetype/dejavu"
LANDSCAPE_WIDTHS = (8, 26, 40, 30, 26, 34, 30, 30, 32)
PORTRAIT_WIDTHS = (6, 20, 30, 22, 18, 24, 22, 22, 24)


def make(name, borders, page="A4", orientation="L", size=7, widths=LANDSCAPE_WIDTHS, valign="TOP", title_size=12,
         title_align="LEFT"):
    with open(os.path.join(ROOT, "fixtures", "truth", "mairie.json"), encoding="utf-8") as f:
        truth = json.load(f)
    pre = truth["preamble"]
    pdf = FPDF(orientation=orientation, format=page)
    pdf.set_creation_date(datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc))
    pdf.add_font("Body", "", os.path.join(FONTS, "DejaVuSans.ttf"))
    pdf.add_font("Body", "B", os.path.join(FONTS, "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(True, margin=12)
    pdf.add_page()
    pdf.set_font("Body", "B", title_size)
    pdf.multi_cell(0, title_size * 0.5, pre["title"], align=title_align, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Body", "", 9)
    pdf.multi_cell(0, 5, f"{pre['organization']}, {pre['address']}", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 5, f"Délégué à la protection des données : {pre['rights_contact']}", new_x="LMARGIN",
                   new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Body", "", size)
    with pdf.table(col_widths=widths, borders_layout=borders, repeat_headings=1, line_height=size * 0.5,
                   headings_style=FontFace(emphasis="BOLD"), text_align="LEFT", v_align=valign) as table:
        for cells in [truth["columns"]] + [r["cells"] for r in truth["records"]]:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.ln(4)
    pdf.set_font("Body", "", 9)
    for note in truth["notes"]:
        pdf.multi_cell(0, 5, note, new_x="LMARGIN", new_y="NEXT")
    pdf.output(os.path.join(ROOT, "fixtures", "pdf", f"mairie-fpdf2-{name}.pdf"))


make("lines", "HORIZONTAL_LINES", page="Letter")
make("open", "NONE")
make("portrait", "SINGLE_TOP_LINE", orientation="P", size=6, widths=PORTRAIT_WIDTHS, valign="MIDDLE")
make("inner", "INTERNAL", page="Legal")
make("minimal", "MINIMAL", size=8)
make("a5", "ALL", page="A5", orientation="P", size=4, widths=PORTRAIT_WIDTHS, title_size=16, title_align="CENTER")
make("bottom", "ALL", valign="BOTTOM")

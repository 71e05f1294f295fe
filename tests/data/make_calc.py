#!/usr/bin/env python3
"""Writes the mairie register as a spreadsheet (openpyxl) and has
LibreOffice Calc print it to PDF: cells set at the bottom of their rows
(the spreadsheet default), no borders, rows as tall as their text with no
padding, header row repeated. Not run by the tests: its output is committed.

    pip install openpyxl reportlab; apt install libreoffice-calc-nogui
    python3 tests/data/make_calc.py
writes fixtures/pdf/mairie-calc.pdf (its truth is fixtures/truth/mairie.json,
from make_reportlab.py).
"""
import math
import os
import subprocess
import tempfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

import make_reportlab as m

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
WIDTHS = [5, 16, 26, 18, 16, 22, 20, 20, 22]


def main():
    wb = Workbook()
    ws = wb.active
    ws.title = "Registre"
    pre = m.MAIRIE_PREAMBLE
    ws.append([pre["title"]])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([f"{pre['organization']}, {pre['address']}"])
    ws.append([f"Délégué à la protection des données : {pre['rights_contact']}"])
    ws.append([])
    ws.append(m.MAIRIE_COLUMNS)
    rows = m.mairie_records()
    for r in rows:
        ws.append(r)
    ws.append([])
    for n in m.NOTES:
        ws.append([n])
    for i, w in enumerate(WIDTHS):
        ws.column_dimensions[chr(65 + i)].width = w
    for row in ws.iter_rows(min_row=5, max_row=5 + len(rows)):
        for c in row:
            c.alignment = Alignment(wrap_text=True, vertical="bottom")
            if c.row == 5:
                c.font = Font(bold=True)
    # openpyxl does not measure text: rows get the height of their longest
    # cell's estimated line count.
    for r in range(5, 6 + len(rows)):
        cells = [str(ws.cell(row=r, column=i + 1).value or "") for i in range(len(WIDTHS))]
        lines = max(math.ceil(len(v) * 1.15 / WIDTHS[i]) for i, v in enumerate(cells))
        ws.row_dimensions[r].height = max(1, lines) * 13.5
    ws.print_title_rows = "5:5"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    with tempfile.TemporaryDirectory() as tmp:
        xlsx = os.path.join(tmp, "mairie-calc.xlsx")
        wb.save(xlsx)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, xlsx], check=True)
        os.replace(os.path.join(tmp, "mairie-calc.pdf"), os.path.join(ROOT, "fixtures", "pdf", "mairie-calc.pdf"))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Typesets the commune and syndicat registers (tests/data/*.html, whose
truth is fixtures/truth/{commune,syndicat}.json) with WeasyPrint, an HTML
engine of its own (Pango text, subset TrueType fonts as CID fonts). Not
run by the tests: its outputs are committed.

- commune-weasyprint-centred: borderless, justified and hyphenated
  (`hyphens: auto`): WeasyPrint breaks words between syllables and draws
  its hyphen as U+2010 (`périsco‐` / `laires`), which the joined word
  drops; it draws no space at a line's end;
- syndicat-weasyprint: US Letter landscape, rules under the header,
  section headings across the table.

    pip install weasyprint
    python3 tests/data/make_weasyprint.py
writes fixtures/pdf/commune-weasyprint-centred.pdf and
fixtures/pdf/syndicat-weasyprint.pdf.
"""
import os

import weasyprint

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "fixtures", "pdf")

for source, target in [("commune-centred.html", "commune-weasyprint-centred.pdf"),
                       ("syndicat.html", "syndicat-weasyprint.pdf")]:
    weasyprint.HTML(os.path.join(HERE, source)).write_pdf(os.path.join(OUT, target))

#!/usr/bin/env python3
"""Random WeasyPrint typesettings of the truth registers, a survey of the
PDF reading beyond the committed fixtures. Not run by the tests.

Each PDF sets one register of fixtures/truth (in turn) with choices drawn
from a seeded generator: font (DejaVu, Liberation, FreeFont, Carlito),
size, page size and orientation, margins, rules (all, none, under the
header only, between rows), cell padding, vertical alignment (top,
middle, bottom), horizontal alignment (left, justified, centred),
hyphenation, header alignment, a dark header band, shaded rows. The
choices of each file are printed, one line per file.

    pip install weasyprint
    apt-get install fonts-liberation fonts-freefont-ttf fonts-crosextra-carlito
    python3 tests/data/random_weasyprint.py SEED COUNT OUTDIR > OUTDIR.choices

then `registre extract -o OUT OUTDIR` and `score.py` of each OUT file
against fixtures/truth/<register>.json (the name's first word); their
`pdftotext -layout` renderings survey the -layout reading the same way.
"""
import json
import os
import random
import sys

import weasyprint

from make_weasyprint import ROOT, from_truth

FONTS = ["DejaVu Sans", "DejaVu Sans Condensed", "DejaVu Serif", "Liberation Sans", "Liberation Serif",
         "Liberation Sans Narrow", "FreeSans", "FreeSerif", "Carlito", "Liberation Mono"]
PAGES = ["A4 landscape", "A3 landscape", "letter landscape", "legal landscape", "A4", "A3"]
BORDERS = {"all": "border: 0.6pt solid #000;", "none": "border: none;", "head": "border: none;",
           "rows": "border: none; border-bottom: 0.5pt solid #888;"}


def choices(rng):
    """One typesetting's choices."""
    return dict(font=rng.choice(FONTS), fs=rng.choice([6.5, 7, 7.5, 8, 8.5, 9, 10]), page=rng.choice(PAGES),
                margin=rng.choice([10, 15, 20]), border=rng.choice(list(BORDERS)),
                pad=rng.choice([2, 3, 4, 6]), valign=rng.choice(["top", "top", "middle", "bottom"]),
                align=rng.choice(["left", "left", "justify", "center"]), hyph=rng.choice(["manual", "auto"]),
                th=rng.choice(["left", "center"]), dark=rng.random() < 0.25, zebra=rng.random() < 0.25)


def css(o):
    """The style sheet of choices `o`."""
    head_rule = "border-bottom: 0.6pt solid #000;" if o["border"] == "head" else ""
    dark = "background: #333; color: #fff;" if o["dark"] else ""
    zebra = "tbody tr:nth-child(even) td { background: #e8e8e8; }" if o["zebra"] else ""
    return f"""@page {{ size: {o['page']}; margin: {o['margin']}mm; }}
body {{ font-family: '{o['font']}'; font-size: {o['fs']}pt; }}
h1 {{ font-size: {o['fs'] + 5}pt; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ {BORDERS[o['border']]} padding: {o['pad']}pt; vertical-align: {o['valign']};
         text-align: {o['align']}; hyphens: {o['hyph']}; }}
th {{ text-align: {o['th']}; font-weight: bold; {dark} {head_rule} }}
tr.section td {{ font-weight: bold; }}
{zebra}
"""


def main():
    seed, count, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = random.Random(seed)
    truth = os.path.join(ROOT, "fixtures", "truth")
    registers = sorted(f[:-5] for f in os.listdir(truth) if f.endswith(".json") and f != "retention.json")
    os.makedirs(out, exist_ok=True)
    for i in range(count):
        register = registers[i % len(registers)]
        o = choices(rng)
        name = f"{register}-s{seed}-{i:03d}"
        weasyprint.HTML(string=from_truth(register, css(o))).write_pdf(os.path.join(out, name + ".pdf"))
        print(name, json.dumps(o))


if __name__ == "__main__":
    main()

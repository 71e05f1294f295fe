#!/usr/bin/env python3
"""Writes the mairie register for groff's tbl and typesets it the way
groff does: justified and hyphenated text (`us-` / `agers`, `con-` /
`cernées` in the header), headers centred, Times, A4 landscape, the header
on the first page only (plain tbl repeats it only under the ms or mm
macros); groff's PostScript made PDF by Ghostscript. Two
variants: every cell boxed (allbox) and a rule under the header only. Not
run by the tests: its outputs are committed.

    pip install reportlab; apt install groff ghostscript
    python3 tests/data/make_groff.py
writes fixtures/pdf/mairie-groff-{allbox,open}.pdf (truth:
fixtures/truth/mairie.json, from make_reportlab.py).
"""
import os
import subprocess
import tempfile

import make_reportlab as m

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
WIDTHS_CM = [0.8, 2.6, 3.6, 2.6, 2.4, 3.0, 2.6, 3.0, 2.8]


def esc(text):
    return text.replace("\\", "\\\\")


def block(text):
    # A text block: tbl fills and hyphenates it to the column's width.
    return "T{\n" + esc(text) + "\nT}"


def document(allbox):
    pre = m.MAIRIE_PREAMBLE
    lines = [
        ".pl 21c", ".ll 27.7c", ".po 1c", ".ps 10", ".vs 12", ".hy 1",
        ".ft B", ".ps 13", esc(pre["title"]), ".ps 10", ".ft R", ".br",
        esc(pre["organization"]), ".br", esc(pre["address"]), ".br",
        "Contact : " + esc(pre["rights_contact"]), ".sp",
        ".TS H",
        ("allbox " if allbox else "") + "tab(@);",
        " ".join(f"cbw({w}c)" for w in WIDTHS_CM),
    ]
    lines.append(" ".join(f"lw({w}c)" for w in WIDTHS_CM) + ".")
    lines.append("@".join(block(c) for c in m.MAIRIE_COLUMNS))
    if not allbox:
        lines.append("_")
    lines.append(".TH")
    for record in m.mairie_records():
        lines.append("@".join(block(c) for c in record))
        if not allbox:
            lines.append(".sp 0.4")
    lines.append(".TE")
    for note in m.NOTES:
        lines += [".sp", esc(note)]
    return "\n".join(lines) + "\n"


def main():
    for name, allbox in (("allbox", True), ("open", False)):
        with tempfile.TemporaryDirectory() as tmp:
            source = os.path.join(tmp, "register.tr")
            with open(source, "w", encoding="utf-8") as f:
                f.write(document(allbox))
            postscript = subprocess.run(
                ["groff", "-Kutf8", "-t", "-Tps", "-dpaper=a4l", "-P-l", "-P-pa4", source],
                check=True, capture_output=True).stdout
            target = os.path.join(ROOT, "fixtures", "pdf", f"mairie-groff-{name}.pdf")
            subprocess.run(["ps2pdf", "-sPAPERSIZE=a4", "-", target],
                           input=postscript, check=True)


if __name__ == "__main__":
    main()

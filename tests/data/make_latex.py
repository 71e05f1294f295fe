#!/usr/bin/env python3
"""Writes the mairie register as LaTeX (longtable, justified p{} columns,
header repeated) and typesets it with pdflatex: ruled (every rule drawn)
and booktabs (rules around the header and under the last row). Not run
by the tests: its outputs are committed.

    pip install reportlab; apt install texlive-latex-recommended texlive-fonts-recommended lmodern
(pdflatex reports overfull lines, kept short of the next column)
    python3 tests/data/make_latex.py
writes fixtures/pdf/mairie-latex-{ruled,booktabs}.pdf (truth:
fixtures/truth/mairie.json, from make_reportlab.py).
"""
import os
import shutil
import subprocess
import tempfile

import make_reportlab as m

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
WIDTHS_CM = [0.6, 2.1, 2.6, 1.8, 1.6, 2.2, 2.0, 2.0, 2.2]


def esc(text):
    return text.replace("&", r"\&").replace("%", r"\%").replace("_", r"\_").replace("#", r"\#")


def document(ruled):
    spec = "|".join(f"p{{{w}cm}}" for w in WIDTHS_CM)
    pre = m.MAIRIE_PREAMBLE
    head = " & ".join(rf"\textbf{{{esc(c)}}}" for c in m.MAIRIE_COLUMNS)
    lines = [
        r"\documentclass[9pt]{article}",
        r"\usepackage[T1]{fontenc}\usepackage[utf8]{inputenc}\usepackage{lmodern}",
        r"\usepackage[a4paper,landscape,margin=1.2cm]{geometry}\usepackage{longtable}\usepackage{booktabs}",
        # No hyphenation: a hyphen LaTeX adds is not in the truth's text.
        r"\pagestyle{empty}\hyphenpenalty=10000\exhyphenpenalty=10000\begin{document}\small",
        rf"{{\large\bfseries {esc(pre['title'])}\par}}\medskip",
        rf"{esc(pre['organization'])}, {esc(pre['address'])}\par",
        rf"Délégué à la protection des données : {esc(pre['rights_contact'])}\par\medskip",
    ]
    if ruled:
        lines.append(rf"\begin{{longtable}}{{|{spec}|}}\hline")
        lines.append(head + r" \\ \hline\endhead")
        lines += [" & ".join(esc(c) for c in r) + r" \\ \hline" for r in m.mairie_records()]
    else:
        lines.append(rf"\begin{{longtable}}{{{spec.replace('|', '')}}}\toprule")
        lines.append(head + r" \\ \midrule\endhead")
        lines += [" & ".join(esc(c) for c in r) + r" \\[4pt]" for r in m.mairie_records()]
        lines.append(r"\bottomrule")
    lines.append(r"\end{longtable}")
    lines += [esc(n) + r"\par" for n in m.NOTES]
    lines.append(r"\end{document}")
    return "\n".join(lines) + "\n"


def main():
    for name, ruled in (("ruled", True), ("booktabs", False)):
        with tempfile.TemporaryDirectory() as tmp:
            tex = os.path.join(tmp, "register.tex")
            with open(tex, "w", encoding="utf-8") as f:
                f.write(document(ruled))
            for _ in range(2):  # longtable settles its column widths on the second run
                subprocess.run(["pdflatex", "-interaction=nonstopmode", "register.tex"], cwd=tmp, check=True,
                               stdout=subprocess.DEVNULL)
            shutil.copy(os.path.join(tmp, "register.pdf"),
                        os.path.join(ROOT, "fixtures", "pdf", f"mairie-latex-{name}.pdf"))


if __name__ == "__main__":
    main()

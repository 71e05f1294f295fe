#!/usr/bin/env python3
"""Writes a register's truth file as an HTML page for a browser to print,
as registers published from a web page or a CMS are: a `thead` the browser
repeats on every page, section headings as rows spanning the table
(`colspan`), bullet items as `<ul>` lists (a browser draws their discs as
paths, not text) or as `•` lines, and one of three styles:

- zebra: every other body row shaded (`tr:nth-child(even)`), no rule;
- zebra-ul: the same, bullet items as `<ul>` lists;
- lines: a rule under every row, section rows shaded;
- centred-top, centred-middle: no rule, no shading, every cell's text
  centred (section headings too, across the table), the cells set at
  the top of their row or in its middle.

Not run by the tests: its outputs are committed.

    python3 tests/data/make_chromium_html.py fixtures/truth/hopital.json /tmp/hopital.html zebra-ul
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \\
        --print-to-pdf=fixtures/pdf/hopital-chromium-zebra-lists.pdf /tmp/hopital.html
"""
import html
import json
import sys

CELL = "td, th { padding: 3px 5px; vertical-align: top; text-align: left; }"
STYLES = {
    "zebra": f"tbody tr:nth-child(even) td {{ background: #eee; }} table {{ border-collapse: collapse; }} {CELL}",
    "zebra-ul": f"tbody tr:nth-child(even) td {{ background: #eee; }} table {{ border-collapse: collapse; }} {CELL}"
    " ul { margin: 0; padding-left: 1.1em; }",
    "centred-top": "table { border-collapse: collapse; } td, th { padding: 4px 6px; vertical-align: top;"
    " text-align: center; }",
    "centred-middle": "table { border-collapse: collapse; } td, th { padding: 4px 6px; vertical-align: middle;"
    " text-align: center; }",
    "lines": "table { border-collapse: collapse; } td, th { padding: 3px 5px; vertical-align: top; text-align: left;"
    " border-bottom: 1px solid #999; } tr.sec td { background: #ddd; font-weight: bold; }",
}


def cell(text, lists):
    """A cell's HTML: bullet items as a list or as `•` lines."""
    if " • " not in text and not text.startswith("• "):
        return html.escape(text)
    items = [item.strip() for item in text.split("•") if item.strip()]
    if lists:
        return "<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in items) + "</ul>"
    return "<br>".join("• " + html.escape(item) for item in items)


def main():
    truth_path, out, style = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(truth_path, encoding="utf-8") as f:
        truth = json.load(f)
    pre = truth["preamble"]
    sections = {s["first_record"]: s["title"] for s in truth.get("sections", [])}
    width = len(truth["columns"])
    rows = []
    for i, record in enumerate(truth["records"]):
        if i in sections:
            rows.append(f'<tr class="sec"><td colspan="{width}">{html.escape(sections[i])}</td></tr>')
        cells = "".join(f"<td>{cell(c, style.endswith('ul'))}</td>" for c in record["cells"])
        rows.append(f"<tr>{cells}</tr>")
    headers = "".join(f"<th>{html.escape(c)}</th>" for c in truth["columns"])
    notes = "".join(f"<p>{html.escape(n)}</p>" for n in truth.get("notes", []))
    page = f"""<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>
@page {{ size: A4 landscape; margin: 12mm; }} body {{ font-family: "DejaVu Sans", sans-serif; font-size: 7pt; }}
h1 {{ font-size: 13pt; }} th {{ background: #335; color: white; }} {STYLES[style]}
</style></head><body>
<h1>{html.escape(pre['title'])}</h1>
<p>{html.escape(pre['organization'])}, {html.escape(pre['address'])}<br>Délégué à la protection des données :
{html.escape(pre['rights_contact'])}</p>
<table><thead><tr>{headers}</tr></thead><tbody>{''.join(rows)}</tbody></table>
{notes}
</body></html>"""
    with open(out, "w", encoding="utf-8") as f:
        f.write(page)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Makes the bad-input fixtures of tests/bad_inputs.rs (run from this folder).
Needs qpdf for the encrypted ones and pikepdf for those without ToUnicode;
everything else is written by hand."""
import subprocess, zlib

GOOD = "../../../fixtures/pdf/dnum.pdf"
good = open(GOOD, "rb").read()

def pdf(objects, root=1, extra_trailer=""):
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, extra_trailer.encode(), xref)
    return bytes(out)

def stream(data, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
def page_pdf(content, resources=b"<< /Font << /F1 4 0 R >> >>", more=()):
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources %s /Contents 5 0 R >>" % resources,
                FONT, stream(content)] + list(more))

open("empty.pdf", "wb").write(b"")
open("truncated.pdf", "wb").write(good[: len(good) // 3])
open("not-a-pdf.pdf", "wb").write(b"<html><body>Ceci n'est pas un PDF</body></html>\n")
open("pdf-named.txt", "wb").write(good)
# every xref offset shifted: lopdf must rebuild the table by scanning
start = good.rfind(b"startxref")
open("broken-xref.pdf", "wb").write(good[:start] + b"startxref\n999999\n%%EOF\n")
open("zero-pages.pdf", "wb").write(pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Count 0 /Kids [] >>"]))
open("no-table.pdf", "wb").write(page_pdf(b"BT /F1 12 Tf 72 760 Td (Compte rendu de la reunion du conseil municipal) Tj ET\n"
                                           b"BT /F1 12 Tf 72 740 Td (Ordre du jour : budget, travaux, questions diverses.) Tj ET"))
img = zlib.compress(bytes(range(256)) * 64)
open("image-only.pdf", "wb").write(page_pdf(b"q 400 0 0 300 100 400 cm /Im1 Do Q",
    resources=b"<< /XObject << /Im1 6 0 R >> >>",
    more=[stream(img, b"/Type /XObject /Subtype /Image /Width 128 /Height 128 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode ")]))
open("blank-page.pdf", "wb").write(page_pdf(b"72 700 m 520 700 l S"))
bomb = zlib.compress(b" " * (80 * 1024 * 1024), 9)
open("decompression-bomb.pdf", "wb").write(pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    stream(bomb, b"/Filter /FlateDecode ")]))
nested = b"[" * 60000 + b"]" * 60000
open("nested-arrays.pdf", "wb").write(page_pdf(b"BT /F1 12 Tf 72 760 Td (x) Tj ET", more=[nested]))
open("cyclic-pages.pdf", "wb").write(pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Count 2 /Kids [2 0 R 3 0 R] >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]))
open("cyclic-form.pdf", "wb").write(page_pdf(b"/Fm1 Do",
    resources=b"<< /XObject << /Fm1 6 0 R >> /Font << /F1 4 0 R >> >>",
    more=[stream(b"BT /F1 9 Tf 10 10 Td (boucle) Tj ET /Fm1 Do", b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /Fm1 6 0 R >> /Font << /F1 4 0 R >> >> ")]))
subprocess.run(["qpdf", "--encrypt", "", "proprietaire", "256", "--", GOOD, "encrypted-owner-only.pdf"], check=True)
subprocess.run(["qpdf", "--encrypt", "secret", "proprietaire", "256", "--", GOOD, "encrypted-user-password.pdf"], check=True)
open("binary.txt", "wb").write(bytes(range(256)) * 4)
open("empty.txt", "wb").write(b"")
open("latin1-no-register.txt", "wb").write("Compte rendu : réunion du comité, décisions adoptées à l'unanimité.\n".encode("latin-1"))
# a register's words drawn with a subset CID font that has no ToUnicode:
# the codes are glyph ids, which map to no text
def glyph_ids(text):
    return b"<" + "".join("%04X" % (ord(c) - 29) for c in text).encode() + b">"
rows = ["Intitule Finalites Destinataires", "Paie Calcul des salaires Tresorerie", "Accueil Rendez-vous Agents"]
shown = b"".join(b"BT /F1 10 Tf 72 %d Td %s Tj ET\n" % (760 - 20 * i, glyph_ids(r)) for i, r in enumerate(rows))
open("undecodable-text.pdf", "wb").write(pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    b"<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+Arial /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
    stream(shown),
    b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+Arial /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 500 /CIDToGIDMap /Identity >>",
    b"<< /Type /FontDescriptor /FontName /AAAAAA+Arial /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>"]))
# fixtures with their ToUnicode CMaps removed: fpdf2's CID font can be read
# through its embedded program; ReportLab's symbolic subsets cannot (their
# programs name no glyph), and must not be read as WinAnsi
import pikepdf
for source, target in [("mairie-fpdf2-lines.pdf", "cid-font-without-tounicode.pdf"),
                       ("agence-reportlab.pdf", "symbolic-font-without-tounicode.pdf")]:
    with pikepdf.open("../../../fixtures/pdf/" + source) as doc:
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Dictionary) and "/ToUnicode" in obj:
                del obj["/ToUnicode"]
        doc.save(target, deterministic_id=True)

"""Prints a PDF's text as PDFium extracts it (pypdfium2), pages joined by a newline.

PDFium ends lines with CRLF and prints cells that share a baseline on one
line, the header's too.

Usage: python3 pdfium_text.py REGISTER.pdf > REGISTER-pdfium.txt
"""
import sys

import pypdfium2 as pdfium

document = pdfium.PdfDocument(sys.argv[1])
pages = (document[i].get_textpage().get_text_range() for i in range(len(document)))
sys.stdout.write("\n".join(pages))

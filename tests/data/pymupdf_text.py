"""Prints a PDF's text as PyMuPDF extracts it (`page.get_text()`), each
page followed by a form feed, as PyMuPDF's documentation writes a
document's text. Unlike `mutool draw -F txt`, no blank line parts its
blocks.

Usage: pip install pymupdf; python3 pymupdf_text.py REGISTER.pdf > REGISTER-pymupdf.txt
"""
import sys

import pymupdf

document = pymupdf.open(sys.argv[1])
sys.stdout.write("".join(page.get_text() + "\f" for page in document))

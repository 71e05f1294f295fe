"""Prints a PDF's text as pypdf extracts it, pages joined by a newline.

Usage: python3 pypdf_text.py REGISTER.pdf > REGISTER-pypdf.txt
"""
import sys

import pypdf

reader = pypdf.PdfReader(sys.argv[1])
print("\n".join(page.extract_text() for page in reader.pages))

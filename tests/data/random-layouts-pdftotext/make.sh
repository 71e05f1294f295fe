#!/bin/sh
# Renders the first random layouts of tests/random_layouts.rs with
# `pdftotext -layout` (poppler-utils), for the test that reads them as text.
# Run from the repository's root after a change to the layouts or the writer.
set -eu
dir=tests/data/random-layouts-pdftotext
pdfs=$(mktemp -d)
REGISTRE_LAYOUT_PDFS="$pdfs" cargo test -q --test random_layouts write_random_layout_pdfs -- --ignored
for pdf in "$pdfs"/*.pdf; do
    pdftotext -layout "$pdf" "$dir/$(basename "$pdf" .pdf).txt"
done
rm -r "$pdfs"

#!/usr/bin/env python3
"""Makes the font programs of the font unit tests (src/pdf/font.rs), from
Debian's fonts-dejavu-core with fontTools (run from this folder):

- dejavu-sans-subset.ttf: a few glyphs, Unicode cmaps and glyph names;
- dejavu-sans-symbolic.ttf: the same glyphs behind a (3,0) symbol cmap only,
  codes 1, 2, 3… at U+F001, U+F002, U+F003… in glyph order: only the glyph
  names say what they are.
"""
import subprocess

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._c_m_a_p import cmap_format_4

subprocess.run(["pyftsubset", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                "--text=Registre des traitements: données, durée ’é", "--glyph-names", "--no-hinting",
                "--drop-tables+=GSUB,GPOS,GDEF,kern,FFTM", "--output-file=dejavu-sans-subset.ttf"], check=True)
font = TTFont("dejavu-sans-subset.ttf")
symbol = cmap_format_4(4)
symbol.platformID, symbol.platEncID, symbol.language = 3, 0, 0
symbol.cmap = {0xF000 + i: name for i, name in enumerate(font.getGlyphOrder()) if i > 0}
font["cmap"].tables = [symbol]
font.save("dejavu-sans-symbolic.ttf")

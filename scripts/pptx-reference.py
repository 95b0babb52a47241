#!/usr/bin/env python3
"""Makes src/teach/assets/deck-reference.pptx, the reference document
`linkage steps --format pptx` hands pandoc (`--reference-doc`), from pandoc's own
default (`pandoc --print-default-data-file reference.pptx`), with python-pptx.

Pandoc's default lays a comparison's slides out so that their tables run off the
slide in LibreOffice and PowerPoint: "Content with Caption" (a row's slide: its
kicker and papers, then the table of positions) puts the table in a column 5.6 in
wide beside the text, and tables are set at 18 pt. This keeps pandoc's template and
changes only that:
- "Content with Caption": the title across the top, the caption text under it, the
  table below across the slide's width;
- "Comparison" (the slide at a glance, two tables side by side): a shorter title and
  column headings, so the tables start higher and have more height;
- text in tables (the presentation's default text style and the master's "other"
  style, which table cells inherit) at 11 pt, captions at 12 pt.

tests/integration/deck.rs converts the deck to PDF with LibreOffice and finds every
table cell's words on its slide. Run again after upgrading pandoc:

    python3 scripts/pptx-reference.py
"""

import io
import subprocess
import sys
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.util import Inches, Pt

OUT = Path(__file__).resolve().parent.parent / "src/teach/assets/deck-reference.pptx"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
TABLE_TEXT = Pt(11)
CAPTION_TEXT = Pt(12)
TITLE_TEXT = Pt(24)


def level_one_size(style, size):
    """Sets the size of level-one text in a list style (`a:lvl1pPr/a:defRPr sz`)."""
    level = style.find(f"{{{A}}}lvl1pPr")
    if level is None:
        level = etree.SubElement(style, f"{{{A}}}lvl1pPr")
    run = level.find(f"{{{A}}}defRPr")
    if run is None:
        run = etree.SubElement(level, f"{{{A}}}defRPr")
    run.set("sz", str(int(size.pt * 100)))


def place(shape, left, top, width, height):
    shape.left, shape.top = Inches(left), Inches(top)
    shape.width, shape.height = Inches(width), Inches(height)


def text_size(placeholder, size):
    """Level-one text of a layout's placeholder at `size`, through its own list style."""
    body = placeholder.text_frame._txBody
    style = body.find(f"{{{A}}}lstStyle")
    if style is None:
        style = etree.SubElement(body, f"{{{A}}}lstStyle")
        body.remove(style)
        body.insert(1, style)
    level_one_size(style, size)


def main():
    default = subprocess.run(
        ["pandoc", "--print-default-data-file", "reference.pptx"],
        check=True,
        capture_output=True,
    ).stdout
    deck = Presentation(io.BytesIO(default))
    level_one_size(deck._element.find(f"{{{P}}}defaultTextStyle"), TABLE_TEXT)
    for master in deck.slide_masters:
        level_one_size(master._element.find(f".//{{{P}}}otherStyle"), TABLE_TEXT)
    layouts = {layout.name: layout for layout in deck.slide_layouts}
    for layout_name, positions in {
        # idx: (left, top, width, height) in inches; the slide is 10 x 5.625.
        "Content with Caption": {0: (0.5, 0.15, 9.0, 0.6), 2: (0.5, 0.75, 9.0, 0.8), 1: (0.5, 1.6, 9.0, 3.9)},
        "Comparison": {
            0: (0.5, 0.15, 9.0, 0.6),
            1: (0.5, 0.8, 4.42, 0.4),
            3: (5.08, 0.8, 4.42, 0.4),
            2: (0.5, 1.25, 4.42, 4.25),
            4: (5.08, 1.25, 4.42, 4.25),
        },
    }.items():
        layout = layouts[layout_name]
        captions = {"Content with Caption": (2,), "Comparison": (1, 3)}[layout_name]
        for placeholder in layout.placeholders:
            idx = placeholder.placeholder_format.idx
            if idx in positions:
                place(placeholder, *positions[idx])
            if idx == 0:
                text_size(placeholder, TITLE_TEXT)
            if idx in captions:
                text_size(placeholder, CAPTION_TEXT)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    deck.save(OUT)
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()

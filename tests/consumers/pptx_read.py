#!/usr/bin/env python3
"""Reads a PowerPoint file with python-pptx, the library PowerPoint's own format is
read with in Python, and prints what each slide holds as JSON: its layout, title, the
text of its other text frames, its tables' cells, whether it has a picture, and its
speaker notes. The Rust test (tests/integration/deck.rs) compares them with the HTML
deck the same command writes.

Usage: pptx_read.py DECK.pptx
"""

import json
import sys

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE


def slide(s):
    title = s.shapes.title.text_frame.text if s.shapes.title is not None else None
    texts, tables, pictures = [], [], 0
    for shape in s.shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
            pictures += 1
        elif shape.has_table:
            tables.append([[c.text for c in row.cells] for row in shape.table.rows])
        elif shape.has_text_frame and shape != s.shapes.title:
            texts.extend(p.text for p in shape.text_frame.paragraphs if p.text)
    notes = []
    if s.has_notes_slide:
        notes = [p.text for p in s.notes_slide.notes_text_frame.paragraphs if p.text]
    return {
        "layout": s.slide_layout.name,
        "title": title,
        "texts": texts,
        "tables": tables,
        "pictures": pictures,
        "notes": notes,
    }


def main():
    deck = Presentation(sys.argv[1])
    json.dump([slide(s) for s in deck.slides], sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()

"""Reads linkage's evidence table as CSV (Python's csv module) and as Markdown
(markdown-it-py, GitHub tables): one row per relation and source, then one per fact
and source, with what linkage wrote (who encoded and reviewed each source, its voice),
and each line range holds its quote in the paper's text.

usage: evidence_check.py EVIDENCE.csv EVIDENCE.md REFERENCE.json KINDS.json [TEXTS_DIR]"""

import csv
import json
import os

from markdown_it import MarkdownIt

from common import expect, load_reference, main


def expected_rows(ref, kinds):
    labels = {n["id"]: n["label"] for n in ref["nodes"]}
    node_kinds = {n["id"]: n["kind"] for n in ref["nodes"]}
    cites = {p["id"]: p.get("cite") or p["id"] for p in ref["papers"]}
    rows = []

    def who(source):
        return {field: source.get(field, "") for field in ("voice", "encoded_by", "reviewed_by", "extent")}

    for rel in ref["relations"]:
        for source in rel["sources"]:
            positions = rel.get("positions", {})
            rows.append({
                "from": rel["from"],
                "from_label": labels[rel["from"]],
                "from_kind": node_kinds[rel["from"]],
                "relation": rel["kind"],
                "to": rel["to"],
                "to_label": labels[rel["to"]],
                "to_kind": node_kinds[rel["to"]],
                "aspect": rel.get("aspect", ""),
                "aspect_label": labels.get(rel.get("aspect"), ""),
                "dimension": rel.get("dimension", ""),
                "dimension_label": labels.get(rel.get("dimension"), ""),
                "from_position": positions.get("from", ""),
                "to_position": positions.get("to", ""),
                "scope": rel.get("scope", ""),
                "scope_label": labels.get(rel.get("scope"), ""),
                "property": "",
                "value": "",
                "paper": source["paper"],
                "citation": cites[source["paper"]],
                "locator": source["locator"],
                "quote": source["quote"],
                **who(source),
                "note": rel.get("note", ""),
            })
    empty = {column: "" for column in ("relation", "to", "to_label", "to_kind", "aspect", "aspect_label",
                                       "dimension", "dimension_label", "from_position", "to_position",
                                       "scope", "scope_label")}
    for fact in ref.get("facts", []):
        for source in fact["sources"]:
            rows.append({
                "from": fact["subject"],
                "from_label": labels[fact["subject"]],
                "from_kind": node_kinds[fact["subject"]],
                **empty,
                "property": fact["property"],
                "value": value_text(fact["value"]),
                "paper": source["paper"],
                "citation": cites[source["paper"]],
                "locator": source["locator"],
                "quote": source["quote"],
                **who(source),
                "note": fact.get("note", ""),
            })
    return rows


def value_text(value):
    """A fact's value as the table writes it: the year, date or text; a number with its unit."""
    if "year" in value:
        return str(value["year"])
    if "date" in value:
        return value["date"]
    if "number" in value:
        number = value["number"]
        text = str(int(number)) if float(number).is_integer() else str(number)
        return f"{text} {value['unit']}" if value.get("unit") else text
    return value["text"]


def markdown_rows(path):
    """The table's cells as text: entities and escapes decoded, <br> as a line break."""
    with open(path, encoding="utf-8") as f:
        tokens = MarkdownIt("commonmark").enable("table").parse(f.read())
    rows, row, in_cell = [], None, False
    for token in tokens:
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            rows.append(row)
        elif token.type == "inline" and row is not None:
            text = ""
            for child in token.children:
                if child.type == "html_inline" and child.content == "<br>":
                    text += "\n"
                elif child.type in ("text", "text_special"):
                    text += child.content
                else:
                    raise AssertionError(f"markup in a cell: {child.type} {child.content!r}")
            row.append(text)
    header, *body = rows
    return [dict(zip(header, cells)) for cells in body]


def normalised(text):
    return " ".join(text.split())


def check(args):
    csv_path, md_path, reference, kinds_path, *texts = args
    ref = load_reference(reference)
    with open(kinds_path, encoding="utf-8") as f:
        kinds = json.load(f)
    want = expected_rows(ref, kinds)
    with open(csv_path, newline="", encoding="utf-8") as f:
        got = list(csv.DictReader(f))
    expect("CSV row count", len(got), len(want))
    located = 0
    files = {p["id"]: p["file"] for p in ref["papers"]}
    for number, (row, wanted) in enumerate(zip(got, want)):
        lines = (row.pop("first_line"), row.pop("last_line"))
        expect(f"CSV row {number}", row, wanted)
        if texts and lines[0]:
            with open(os.path.join(texts[0], files[row["paper"]]), encoding="utf-8") as f:
                text_lines = f.read().split("\n")
            first, last = int(lines[0]), int(lines[1])
            span = normalised("\n".join(text_lines[first - 1:last]))
            if normalised(row["quote"]) not in span:
                raise AssertionError(f"row {number}: lines {first}-{last} do not hold the quote")
            if first > 1 and normalised(row["quote"]) in normalised("\n".join(text_lines[first:last])):
                raise AssertionError(f"row {number}: the quote starts after line {first}")
            located += 1
    md = markdown_rows(md_path)
    expect("Markdown row count", len(md), len(want))
    for number, (row, wanted) in enumerate(zip(md, want)):
        row.pop("first_line")
        row.pop("last_line")
        # A Markdown cell cannot hold a carriage return or a tab-exact run; <br> is a line break.
        wanted = {k: v.replace("\r\n", "\n").replace("\r", "\n").strip() for k, v in wanted.items()}
        expect(f"Markdown row {number}", row, wanted)
    facts = sum(1 for row in got if row["property"])
    return {"rows": len(got), "located": located, "fact_rows": facts}


if __name__ == "__main__":
    main(check)

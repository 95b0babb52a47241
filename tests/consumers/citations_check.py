"""Reads linkage's CSL-JSON with citeproc-py and its BibTeX with pybtex: every known
field is what linkage wrote, no unknown field is filled in, and citeproc-py formats a
bibliography of them.

usage: citations_check.py EXPORT.csl.json EXPORT.bib REFERENCE.json"""

import json

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from pybtex.database import parse_file
from pylatexenc.latex2text import LatexNodes2Text

from common import expect, load_reference, main


LATEX = LatexNodes2Text()


def decode(latex):
    """LaTeX to text as pylatexenc reads it; it spells \\textasciicircum as U+02C6."""
    return LATEX.latex_to_text(latex).replace("\u02c6", "^")


def unbraced(name):
    return name[1:-1] if name.startswith("{") and name.endswith("}") else name


def page_range(page):
    """citeproc-py reads a CSL page as a range (first, last) or one page."""
    if hasattr(page, "first"):
        last = getattr(page, "last", None)
        return f"{page.first}-{last}" if last else str(page.first)
    return str(page)


def spaced(text):
    """BibTeX reads every run of white space as one space."""
    return " ".join(text.split())


def check(args):
    csl_path, bib_path, reference = args
    ref = load_reference(reference)
    papers = ref["papers"]
    with open(csl_path, encoding="utf-8") as f:
        source = CiteProcJSON(json.load(f))
    for paper in papers:
        item = source[paper["id"].lower()]
        got = {
            "title": str(item["title"]) if "title" in item else None,
            "authors": [str(a["literal"]) for a in item["author"]] if "author" in item else None,
            "year": item["issued"]["year"] if "issued" in item else None,
            "venue": str(item["container_title"]) if "container_title" in item else None,
            "doi": str(item["DOI"]) if "DOI" in item else None,
            "url": str(item["URL"]) if "URL" in item else None,
            "pages": page_range(item["page"]) if "page" in item else None,
        }
        want = {k: paper.get(k) for k in ("title", "authors", "year", "venue", "doi", "url", "pages")}
        expect(f"CSL {paper['id']}", got, want)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for paper in papers:
        bibliography.register(Citation([CitationItem(paper["id"].lower())]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    expect("bibliography entries", len(rendered), len(papers))

    bib = parse_file(bib_path, bib_format="bibtex")
    expect("BibTeX keys", list(bib.entries.keys()), [p["id"] for p in papers])
    for paper in papers:
        entry = bib.entries[paper["id"]]
        fields = {k.lower(): decode(v) for k, v in entry.fields.items()}
        got = {
            "title": fields.get("title"),
            "year": int(fields["year"]) if "year" in fields else None,
            "venue": fields.get("journal"),
            "doi": fields.get("doi"),
            "url": fields.get("url"),
            "pages": fields.get("pages"),
            "cite": fields.get("shorthand"),
            "note": fields.get("note"),
            "authors": [
                decode(unbraced(" ".join(person.last_names)))
                for person in entry.persons["author"]
                if not person.first_names
            ]
            if "author" in entry.persons
            else None,
        }
        want = {k: paper.get(k) for k in ("title", "year", "venue", "doi", "url", "pages", "cite", "note")}
        want["authors"] = paper.get("authors")
        for key in ("title", "venue", "doi", "url", "cite", "note"):
            if want[key] is not None:
                want[key] = spaced(want[key])
        expect(f"BibTeX {paper['id']}", got, want)
    return {"papers": len(papers), "bibliography": rendered}


if __name__ == "__main__":
    main(check)

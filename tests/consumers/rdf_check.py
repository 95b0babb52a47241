"""Reads linkage's Turtle and JSON-LD with rdflib: the same triples (isomorphic graphs),
everything linkage wrote, selectors that point at the quote in the paper's text; SPARQL
queries for one paper's quotes and for the differences along one dimension; pySHACL
validates the data against docs/linkage-shapes.ttl.

usage: rdf_check.py EXPORT.ttl EXPORT.jsonld REFERENCE.json SHAPES.ttl PAPER DIMENSION [TEXTS_DIR]"""

import os
from collections import Counter

import pyshacl
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from common import expect, load_reference, main

PREFIXES = """
PREFIX lk: <https://linkage.example/ns#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def normalised(text):
    return " ".join(text.split())


def check(args):
    ttl, jsonld, reference, shapes, paper, dimension, *texts = args
    ref = load_reference(reference)
    g = Graph().parse(ttl, format="turtle")
    j = Graph().parse(jsonld, format="json-ld")
    if not isomorphic(g, j):
        only_ttl = len(g - j)
        raise AssertionError(f"Turtle and JSON-LD differ ({len(g)} vs {len(j)} triples, {only_ttl} only in Turtle)")

    # What made the export from what: one dataset, its digest and linkage's version.
    stamps = list(g.query(PREFIXES + """SELECT ?digest ?version WHERE {
        ?d a <http://purl.org/dc/dcmitype/Dataset> ;
           <http://purl.org/dc/terms/identifier> ?digest ; lk:linkageVersion ?version }"""))
    expect("dataset stamps", len(stamps), 1)
    assert str(stamps[0].digest).startswith("xxh3-128:"), stamps[0].digest
    assert str(stamps[0].version).count(".") == 2, stamps[0].version

    nodes = {
        str(row.id): (str(row.kind), str(row.label))
        for row in g.query(PREFIXES + """SELECT ?id ?kind ?label WHERE {
            ?n a lk:Node ; lk:id ?id ; lk:kind ?kind ; skos:prefLabel ?label FILTER(lang(?label) = "en") }""")
    }
    expect("nodes", nodes, {n["id"]: (n["kind"], n["label"]) for n in ref["nodes"]})
    for node in ref["nodes"]:
        got = sorted(str(r.a) for r in g.query(PREFIXES + 'SELECT ?a WHERE { ?n lk:id "%s" ; skos:altLabel ?a }' % node["id"]))
        expect(f"aliases of {node['id']}", got, sorted(node.get("aliases", [])))

    sources = Counter(
        (str(r.rel).rsplit("/", 1)[-1], str(r.paper), str(r.locator), str(r.quote))
        for r in g.query(PREFIXES + """SELECT ?rel ?paper ?locator ?quote WHERE {
            ?a a lk:Source ; oa:hasBody ?rel ; lk:paper/lk:id ?paper ; lk:locator ?locator ; lk:quote ?quote }""")
    )
    want = Counter(
        (f"r{n}", s["paper"], s["locator"], s["quote"])
        for n, rel in enumerate(ref["relations"]) for s in rel["sources"]
    )
    # Facts are sourced as relations are: every source of every fact is exported.
    want.update(
        (f"f{n}", s["paper"], s["locator"], s["quote"])
        for n, fact in enumerate(ref.get("facts", [])) for s in fact["sources"]
    )
    expect("sources", sources, want)

    facts = sorted(
        (str(r.f).rsplit("/", 1)[-1], str(r.subject), str(r.property), str(r.value), str(r.datatype).rsplit("#", 1)[-1])
        for r in g.query(PREFIXES + """SELECT ?f ?subject ?property ?value (datatype(?value) AS ?datatype) WHERE {
            ?f a lk:Fact ; lk:subject/lk:id ?subject ; lk:property ?property ; lk:value ?value }""")
    )

    def literal(value):
        if "year" in value:
            return str(value["year"]), "gYear"
        if "date" in value:
            return value["date"], ["gYear", "gYearMonth", "date"][min(value["date"].count("-"), 2)]
        if "number" in value:
            return str(value["number"]), "decimal"
        return value["text"], "string"

    want_facts = sorted(
        (f"f{n}", fact["subject"], fact["property"], *literal(fact["value"]))
        for n, fact in enumerate(ref.get("facts", []))
    )
    expect("facts", facts, want_facts)

    # Who encoded and reviewed a source, and its voice, as the data gives them.
    attributed = Counter(
        (str(r.quote), str(r.field).rsplit("#", 1)[-1], str(r.value))
        for r in g.query(PREFIXES + """SELECT ?quote ?field ?value WHERE {
            ?a a lk:Source ; lk:quote ?quote ; ?field ?value
            FILTER(?field IN (lk:encodedBy, lk:reviewedBy, lk:voice, lk:extent)) }""")
    )
    names = {"encoded_by": "encodedBy", "reviewed_by": "reviewedBy", "voice": "voice", "extent": "extent"}
    want_attributed = Counter(
        (s["quote"], names[field], s[field])
        for item in ref["relations"] + ref.get("facts", []) for s in item["sources"]
        for field in names if field in s
    )
    expect("who says so", attributed, want_attributed)

    quotes = sorted(str(r.quote) for r in g.query(PREFIXES + """SELECT ?quote WHERE {
        ?a a lk:Source ; lk:paper ?p ; lk:quote ?quote . ?p lk:id ?paper }""", initBindings={"paper": Literal(paper)}))
    expect(f"quotes of {paper}", quotes, sorted(
        s["quote"] for r in ref["relations"] + ref.get("facts", []) for s in r["sources"] if s["paper"] == paper))

    differences = sorted(
        (str(r.f), str(r.t), str(r.fp), str(r.tp))
        for r in g.query(PREFIXES + """SELECT ?f ?t ?fp ?tp WHERE {
            ?r lk:dimension/lk:id ?dim ; lk:from/lk:id ?f ; lk:to/lk:id ?t ;
               lk:fromPosition ?fp ; lk:toPosition ?tp }""", initBindings={"dim": Literal(dimension)})
    )
    want_differences = sorted(
        (r["from"], r["to"], r["positions"]["from"], r["positions"]["to"])
        for r in ref["relations"] if r.get("dimension") == dimension
    )
    expect(f"differences along {dimension}", differences, want_differences)
    if not differences:
        raise AssertionError(f"no differences along {dimension}")

    scoped = sorted(
        (str(r.k), str(r.f), str(r.t), str(r.s))
        for r in g.query(PREFIXES + """SELECT ?k ?f ?t ?s WHERE {
            ?r lk:kind ?k ; lk:from/lk:id ?f ; lk:to/lk:id ?t ; lk:scope/lk:id ?s }""")
    )
    expect("scoped relations", scoped, sorted(
        (r["kind"], r["from"], r["to"], r["scope"]) for r in ref["relations"] if "scope" in r))

    located = 0
    files = {p["id"]: p["file"] for p in ref["papers"]}
    for r in g.query(PREFIXES + """SELECT ?paper ?quote ?exact ?prefix ?suffix ?start ?end WHERE {
            ?a lk:paper/lk:id ?paper ; lk:quote ?quote ; oa:hasTarget ?t .
            ?t oa:hasSelector ?q, ?s . ?q a oa:TextQuoteSelector ; oa:exact ?exact ; oa:prefix ?prefix ; oa:suffix ?suffix .
            ?s a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end }"""):
        with open(os.path.join(texts[0], files[str(r.paper)]), encoding="utf-8") as f:
            text = f.read()
        start, end = int(r.start), int(r.end)
        expect("exact at the position", text[start:end], str(r.exact))
        expect("prefix", text[max(0, start - 32):start], str(r.prefix))
        expect("suffix", text[end:end + 32], str(r.suffix))
        expect("exact is the quote", normalised(str(r.exact)), normalised(str(r.quote)))
        located += 1

    conforms, _, report = pyshacl.validate(j, shacl_graph=shapes, shacl_graph_format="turtle", data_graph_format="json-ld")
    if not conforms:
        raise AssertionError(report)
    if len(j) < 5000:
        # The shapes have teeth: a source without its locator does not conform.
        from rdflib import URIRef
        broken = Graph()
        for triple in j:
            if triple[1] != URIRef("https://linkage.example/ns#locator"):
                broken.add(triple)
        conforms, _, _ = pyshacl.validate(broken, shacl_graph=shapes, shacl_graph_format="turtle")
        if conforms:
            raise AssertionError("the shapes accept sources without a locator")
    return {"triples": len(g), "located": located, "sources": sum(want.values()), "facts": len(facts),
            "attributed": sum(attributed.values()), "quotes_of_paper": len(quotes), "differences": len(differences)}


if __name__ == "__main__":
    main(check)

"""Loads linkage's Cypher script and its neo4j-admin CSV files into Kùzu (each into
its own database, after docs/kuzu-schema.cypher): every paper, concept, relation and
fact (with its sources) is what linkage wrote; then the shortest-path hop counts for the given pairs, both ways
(every relation, either direction) and directed (only the relations that are not
symmetric, in their direction), for the test to compare with `linkage path`.

usage: kuzu_check.py SCRIPT.cypher CSV_DIR REFERENCE.json SCHEMA.cypher FROM:TO..."""

import json
import os
import tempfile

import kuzu

from common import expect, load_reference, main


def rows(conn, query, **params):
    result = conn.execute(query, params)
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


def connect(schema, directory):
    db = kuzu.Database(os.path.join(directory, "db"))
    conn = kuzu.Connection(db)
    with open(schema, encoding="utf-8") as f:
        conn.execute(f.read())
    return db, conn


def compare(conn, ref, where):
    papers = {r[0]: r[1:] for r in rows(conn, "MATCH (p:Paper) RETURN p.id, p.cite, p.title, p.authors, p.year, p.venue, p.doi, p.url, p.file, p.note")}
    want = {
        p["id"]: [p.get("cite"), p.get("title"), json.dumps(p["authors"], ensure_ascii=False, separators=(",", ":")) if p.get("authors") is not None else None,
                  p.get("year"), p.get("venue"), p.get("doi"), p.get("url"), p["file"], p.get("note")]
        for p in ref["papers"]
    }
    expect(f"{where} papers", papers, want)
    concepts = {r[0]: r[1:] for r in rows(conn, "MATCH (c:Concept) RETURN c.id, c.kind, c.label, c.label_zh, c.aliases, c.description")}
    want = {
        n["id"]: [n["kind"], n["label"], n.get("label_zh"), json.loads(json.dumps(n["aliases"])) if n.get("aliases") else None, n.get("description")]
        for n in ref["nodes"]
    }
    for value in concepts.values():
        if value[3] is not None:
            value[3] = json.loads(value[3])
    expect(f"{where} concepts", concepts, want)
    relations = sorted(
        (r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], json.loads(r[9]), r[10])
        for r in rows(conn, """MATCH (a:Concept)-[e:RELATION]->(b:Concept) RETURN e.number, a.id, b.id, e.kind,
            e.aspect, e.dimension, e.scope, e.from_position, e.to_position, e.sources, e.note""")
    )
    want = sorted(
        (n, r["from"], r["to"], r["kind"], r.get("aspect"), r.get("dimension"), r.get("scope"),
         r.get("positions", {}).get("from"), r.get("positions", {}).get("to"), r["sources"], r.get("note"))
        for n, r in enumerate(ref["relations"])
    )
    expect(f"{where} relations", relations, want)
    facts = sorted(
        (r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), r[7])
        for r in rows(conn, """MATCH (f:Fact)-[:ABOUT]->(c:Concept) RETURN f.id, c.id, f.subject, f.property,
            f.value, f.value_type, f.sources, f.note""")
    )

    def value(v):
        if "year" in v:
            return str(v["year"]), "year"
        if "date" in v:
            return v["date"], "date"
        if "number" in v:
            return str(v["number"]), "number"
        return v["text"], "text"

    want = sorted(
        (f"f{n}", f["subject"], f["subject"], f["property"], *value(f["value"]), f["sources"], f.get("note"))
        for n, f in enumerate(ref.get("facts", []))
    )
    expect(f"{where} facts", facts, want)
    return len(facts)


def hops(conn, pairs):
    both, directed = {}, {}
    for pair in pairs:
        a, b = pair.split(":")
        found = rows(conn, "MATCH (a:Concept {id: $a})-[e:RELATION* SHORTEST 1..30]-(b:Concept {id: $b}) RETURN length(e)", a=a, b=b)
        both[pair] = found[0][0] if found else None
        found = rows(conn, """MATCH (a:Concept {id: $a})-[e:RELATION* SHORTEST 1..30 (r, n | WHERE r.symmetric = false)]->(b:Concept {id: $b})
            RETURN length(e)""", a=a, b=b)
        directed[pair] = found[0][0] if found else None
    return {"undirected": both, "directed": directed}


def check(args):
    script, csv_dir, reference, schema, *pairs = args
    ref = load_reference(reference)
    results = {}
    with tempfile.TemporaryDirectory() as directory:
        db, conn = connect(schema, directory)
        with open(script, encoding="utf-8", newline="") as f:
            conn.execute(f.read())
        facts = compare(conn, ref, "Cypher script")
        results["script"] = hops(conn, pairs)
    with tempfile.TemporaryDirectory() as directory:
        db, conn = connect(schema, directory)
        tables = [("Paper", "papers.csv"), ("Concept", "nodes.csv"), ("RELATION", "relationships.csv")]
        # The facts' files are written only when there are facts.
        if os.path.exists(os.path.join(csv_dir, "facts.csv")):
            tables += [("Fact", "facts.csv"), ("ABOUT", "about.csv")]
        for table, name in tables:
            path = os.path.join(csv_dir, name)
            conn.execute(f"COPY {table} FROM '{path}' (HEADER=true, PARALLEL=false)")
        compare(conn, ref, "CSV")
        results["csv"] = hops(conn, pairs)
    expect("hops from the script and from CSV", results["script"], results["csv"])
    return {**results["script"], "facts": facts}


if __name__ == "__main__":
    main(check)

#!/usr/bin/env python3
"""linkage against Kùzu, the embedded graph database a user who outgrows one process
would move to (bench/compare runs this after the Python peers).

    kuzu_peer.py LINKAGE DIR [--runs N] [--ego K] [--results JSON]

DIR is a dataset from gen_graph.py with its pairs DIR.pairs. What is measured, each
the median of N runs, wall time and peak memory of the whole process (bench/process.py):

  export      `linkage --data DIR export --format csv -o DIR.kuzu-csv`: the
              neo4j-admin CSV files a user would move to a database
  import      a new process makes a new Kùzu database, creates the tables of
              docs/kuzu-schema.cypher and COPYs the export in (the cold start of the
              database), then adds each symmetric relation the other way round, so
              that Kùzu walks the graph as linkage does
  one path    a new process opens the database and answers one shortest path (the
              first pair): the warm start a user feels; linkage's counterpart is
              `linkage --data DIR path A B --limit 1 --json` from a filled cache
  queries     one process opens the database and answers every pair's shortest path
              and the ego network (depth 2, either direction) of the first K pairs'
              FROM, each timed in process; linkage's counterpart is the same queries
              as `linkage batch` lines, whose answers they are checked against

Answers are cross-checked (path lengths, -1 for none; ego sizes, the centre
included); a disagreement stops the benchmark. Needs `pip install kuzu` (the version
in bench/requirements.txt).
"""

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time

import process

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "..", "docs", "kuzu-schema.cypher")
SHORTEST = ("MATCH (a:Concept {id: $a})-[e:RELATION* SHORTEST 1..30]->(b:Concept {id: $b}) "
            "RETURN length(e)")
EGO = ("MATCH (a:Concept {id: $a})-[:RELATION*1..2]-(x:Concept) WHERE x.id <> $a "
       "RETURN count(DISTINCT x.id)")


def run(argv, ok=(0, 1)):
    """(wall seconds, peak MB, stdout) of one whole process (bench/process.py); stops
    unless it exits with a code in `ok` (linkage exits 1 when it finds nothing)."""
    wall, peak, _, out = process.run(argv, ok=ok)
    return wall, peak, out


def median_of(runs, make_argv, before=None):
    results = []
    for _ in range(runs):
        if before:
            before()
        results.append(run(make_argv()))
    return (statistics.median(r[0] for r in results),
            statistics.median(r[1] for r in results), results[-1][2])


# --- what runs inside the measured Kùzu processes -----------------------------------

def rows(conn, query, **params):
    result = conn.execute(query, params)
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


def do_import(csv_dir, db_path):
    import kuzu
    db = kuzu.Database(db_path)
    conn = kuzu.Connection(db)
    with open(SCHEMA, encoding="utf-8") as f:
        conn.execute(f.read())
    for table, name in [("Paper", "papers.csv"), ("Concept", "nodes.csv"),
                        ("RELATION", "relationships.csv")]:
        conn.execute(f"COPY {table} FROM '{os.path.join(csv_dir, name)}' (HEADER=true)")
    conn.execute("MATCH (a:Concept)-[e:RELATION]->(b:Concept) WHERE e.symmetric "
                 "CREATE (b)-[:RELATION {kind: e.kind, symmetric: true}]->(a)")
    print(json.dumps({"relations": rows(conn, "MATCH ()-[e:RELATION]->() RETURN count(e)")[0][0]}))


def connect(db_path):
    import kuzu
    return kuzu.Connection(kuzu.Database(db_path, read_only=True))


def shortest(conn, a, b):
    found = rows(conn, SHORTEST, a=a, b=b)
    return found[0][0] if found else -1


def do_one(db_path, a, b):
    print(json.dumps({"shortest": shortest(connect(db_path), a, b)}))


def do_queries(db_path, pairs_path, ego):
    started = time.perf_counter()
    conn = connect(db_path)
    opened = time.perf_counter() - started
    pairs = [line.split() for line in open(pairs_path) if line.strip()]
    report = {"open": opened}
    for kind, items, query in [
            ("shortest", pairs, lambda a, b: shortest(conn, a, b)),
            ("ego", [(a,) for a, _ in pairs[:ego]],
             lambda a: rows(conn, EGO, a=a)[0][0] + 1)]:
        seconds, answers = 0.0, []
        for item in items:
            t = time.perf_counter()
            answers.append(query(*item))
            seconds += time.perf_counter() - t
        report[kind] = {"seconds": seconds, "answers": answers}
    print(json.dumps(report))


# --- the benchmark ------------------------------------------------------------------

def linkage_answers(linkage, data, pairs, ego):
    """linkage's answers and in-process times to the same queries, from one `batch`."""
    lines = [f"path {a} {b} --limit 1" for a, b in pairs]
    lines += [f"neighbors {a} --depth 2" for a, _ in pairs[:ego]]
    with tempfile.NamedTemporaryFile("w", suffix=".batch", delete=False) as f:
        f.write("\n".join(lines) + "\n")
    try:
        wall, peak, out = run([linkage, "--data", data, "batch", f.name])
    finally:
        os.unlink(f.name)
    answers = [json.loads(line) for line in out.splitlines()]
    for a in answers:
        if "error" in a:
            sys.exit(f"linkage batch: {a}")
    n = len(pairs)
    return {"shortest": [a["paths"][0]["length"] if a.get("paths") else -1 for a in answers[:n]],
            "ego": [len(a["nodes"]) for a in answers[n:]]}, wall, peak


def bench(linkage, data, runs, ego):
    pairs = [line.split() for line in open(data + ".pairs") if line.strip()]
    first_a, first_b = pairs[0]
    csv_dir, db_path = data + ".kuzu-csv", data + ".kuzu-db"
    me = [sys.executable, os.path.abspath(__file__)]

    def fresh_csv():
        shutil.rmtree(csv_dir, ignore_errors=True)

    def fresh_db():
        # A database is a file with its write-ahead log and shadow file beside it.
        for path in [db_path, db_path + ".wal", db_path + ".shadow"]:
            if os.path.isdir(path):
                shutil.rmtree(path)
            elif os.path.exists(path):
                os.unlink(path)

    row = {}
    run([linkage, "--data", data, "check"])  # fill linkage's cache, as a second query would
    row["export"], row["export_peak"], _ = median_of(
        runs, lambda: [linkage, "--data", data, "export", "--format", "csv", "-o", csv_dir],
        before=fresh_csv)
    row["import"], row["import_peak"], out = median_of(
        runs, lambda: [*me, "--import", csv_dir, db_path], before=fresh_db)
    row["kuzu_relations"] = json.loads(out)["relations"]
    row["kuzu_one"], row["kuzu_one_peak"], out = median_of(
        runs, lambda: [*me, "--one", db_path, first_a, first_b])
    kuzu_first = json.loads(out)["shortest"]
    row["linkage_one"], row["linkage_one_peak"], out = median_of(
        runs, lambda: [linkage, "--data", data, "path", first_a, first_b, "--limit", "1",
                       "--json"])
    answer = json.loads(out) if out.strip() else {}
    linkage_first = answer["paths"][0]["length"] if answer.get("paths") else -1
    if kuzu_first != linkage_first:
        sys.exit(f"one path {first_a} {first_b}: Kùzu {kuzu_first}, linkage {linkage_first}")
    reports = [json.loads(run([*me, "--queries", db_path, data + ".pairs", str(ego)])[2])
               for _ in range(runs)]
    ours, row["linkage_batch"], row["linkage_batch_peak"] = linkage_answers(
        linkage, data, pairs, ego)
    for kind in ["shortest", "ego"]:
        theirs = reports[-1][kind]["answers"]
        for i, (t, o) in enumerate(zip(theirs, ours[kind])):
            if t != o:
                sys.exit(f"Kùzu disagrees with linkage on {kind} query {i} ({pairs[i]}): "
                         f"{t} against {o}")
        row[f"kuzu_{kind}"] = statistics.median(r[kind]["seconds"] for r in reports)
    row["kuzu_open"] = statistics.median(r["open"] for r in reports)
    row["pairs"], row["ego"] = len(pairs), ego
    print(f"  {os.path.basename(data)} kuzu: agrees ({len(pairs)} paths, {ego} ego networks)",
          file=sys.stderr)
    return row


def table(results, inproc):
    """Markdown: the database against linkage, with linkage's in-library query times
    (DIR.inproc-*.json of bench/queries.rs) where bench/compare wrote them."""
    head = ("| dataset | export to CSV, linkage (s / MB) | import into Kùzu, new process (s / MB) "
            "| one path, warm, new process: Kùzu (s / MB) | linkage from its cache (s / MB) "
            "| 200 shortest, in process: Kùzu (ms) | linkage (ms) "
            "| ego depth 2, 20, in process: Kùzu (ms) | linkage (ms) |")
    lines = [head, "|---" * (head.count("|") - 1) + "|"]
    for name, r in results.items():
        lib = inproc.get(name, {})
        lines.append(
            f"| {name} | {r['export']:.2f} / {r['export_peak']:.0f} "
            f"| {r['import']:.2f} / {r['import_peak']:.0f} "
            f"| {r['kuzu_one']:.2f} / {r['kuzu_one_peak']:.0f} "
            f"| {r['linkage_one']:.2f} / {r['linkage_one_peak']:.0f} "
            f"| {r['kuzu_shortest'] * 1000:.0f} | "
            + (f"{lib['shortest'] * 1000:.1f}" if "shortest" in lib else "–")
            + f" | {r['kuzu_ego'] * 1000:.0f} | "
            + (f"{lib['ego'] * 1000:.1f}" if "ego" in lib else "–") + " |")
    return "\n".join(lines)


def library_times(data):
    import glob
    runs = [json.load(open(p)) for p in sorted(glob.glob(data + ".inproc-*.json"))]
    if not runs:
        return {}
    return {k: statistics.median(r[k]["seconds"] for r in runs) for k in ["shortest", "ego"]}


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--import":
        return do_import(*sys.argv[2:4])
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        return do_one(*sys.argv[2:5])
    if len(sys.argv) > 1 and sys.argv[1] == "--queries":
        return do_queries(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    ap = argparse.ArgumentParser()
    ap.add_argument("linkage")
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--ego", type=int, default=20)
    ap.add_argument("--results", help="write the figures as JSON")
    args = ap.parse_args()
    results, inproc = {}, {}
    for data in args.dirs:
        data = data.rstrip("/")
        name = os.path.basename(data)
        results[name] = bench(args.linkage, data, args.runs, args.ego)
        inproc[name] = library_times(data)
    if args.results:
        with open(args.results, "w") as f:
            json.dump(results, f, indent=1)
    print(f"\nKùzu {__import__('kuzu').__version__}, median of {args.runs} run(s) each.\n")
    print(table(results, inproc))


if __name__ == "__main__":
    main()

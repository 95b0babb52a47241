#!/usr/bin/env python3
"""Generate a random linkage dataset and the same graph as an edge list for networkx.

    gen_graph.py --nodes 100000 --relations 1000000 --out DIR [--seed 1] [--pairs 200]

DIR gets a linkage dataset (papers.json, nodes.json, relations-*.json; built-in
schema) and, beside the data, DIR.edges (one `from<TAB>to` line per walkable
direction: symmetric relations are written both ways, as linkage walks them) and
DIR.pairs (random FROM TO pairs for the queries). Every relation is a claim with a
paper, a locator and a non-empty quote, as the data format requires. Nothing here is
meant to be committed: write under target/ or /tmp.
"""

import argparse
import json
import os
import random

KINDS = [("drives", 40), ("part-of", 30), ("premise-of", 20), ("mutually-promotes", 10)]
SYMMETRIC = {"mutually-promotes"}
PAPERS = 5


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--relations", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pairs", type=int, default=200)
    ap.add_argument("--files", type=int, default=4, help="relation files to split into")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    n = args.nodes

    papers = [{"id": f"p{i}", "cite": f"Paper {i}", "file": f"p{i}.txt"} for i in range(PAPERS)]
    with open(os.path.join(args.out, "papers.json"), "w") as f:
        json.dump({"papers": papers}, f)
    nodes = [{"id": f"n{i}", "kind": "concept", "label": f"Concept {i}"} for i in range(n)]
    with open(os.path.join(args.out, "nodes.json"), "w") as f:
        json.dump({"nodes": nodes}, f)

    kinds = [k for k, w in KINDS for _ in range(w)]
    seen = set()
    relations = []
    while len(relations) < args.relations:
        a, b = rng.randrange(n), rng.randrange(n)
        kind = rng.choice(kinds)
        if a == b:
            continue
        key = (kind, min(a, b), max(a, b)) if kind in SYMMETRIC else (kind, a, b)
        if key in seen:
            continue
        seen.add(key)
        relations.append((kind, a, b))

    edges_path = args.out.rstrip("/") + ".edges"
    with open(edges_path, "w") as edges:
        for kind, a, b in relations:
            edges.write(f"n{a}\tn{b}\n")
            if kind in SYMMETRIC:
                edges.write(f"n{b}\tn{a}\n")

    per_file = (len(relations) + args.files - 1) // args.files
    for part in range(args.files):
        chunk = relations[part * per_file:(part + 1) * per_file]
        records = [
            {
                "kind": kind,
                "from": f"n{a}",
                "to": f"n{b}",
                "sources": [{"paper": f"p{(a + b) % PAPERS}", "locator": "1", "quote": f"n{a} {kind} n{b}"}],
            }
            for kind, a, b in chunk
        ]
        with open(os.path.join(args.out, f"relations-{part}.json"), "w") as f:
            json.dump({"relations": records}, f)

    with open(args.out.rstrip("/") + ".pairs", "w") as f:
        for _ in range(args.pairs):
            a, b = rng.randrange(n), rng.randrange(n)
            while b == a:
                b = rng.randrange(n)
            f.write(f"n{a} n{b}\n")


if __name__ == "__main__":
    main()

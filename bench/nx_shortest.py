#!/usr/bin/env python3
"""networkx side of the path benchmark: load an edge list, time shortest_path queries.

    nx_shortest.py EDGES PAIRS [--repeat 3]

Prints one JSON object: the load time and, per query pair, the best of `--repeat`
timings of networkx.shortest_path (bidirectional BFS) and the path length found
(-1 when there is none), so the caller can check both tools agree on the lengths.
"""

import argparse
import json
import time

import networkx as nx


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("edges")
    ap.add_argument("pairs")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    started = time.perf_counter()
    graph = nx.read_edgelist(args.edges, create_using=nx.DiGraph, delimiter="\t")
    load = time.perf_counter() - started

    pairs = [line.split() for line in open(args.pairs) if line.strip()]
    queries = []
    for a, b in pairs:
        best, length = None, -1
        for _ in range(args.repeat):
            started = time.perf_counter()
            try:
                path = nx.shortest_path(graph, a, b)
                length = len(path) - 1
            except (nx.NetworkXNoPath, nx.NodeNotFound):
                length = -1
            elapsed = time.perf_counter() - started
            best = elapsed if best is None else min(best, elapsed)
        queries.append({"from": a, "to": b, "seconds": best, "length": length})
    print(json.dumps({
        "load_seconds": load,
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "queries": queries,
    }))


if __name__ == "__main__":
    main()

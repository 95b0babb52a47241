#!/usr/bin/env python3
"""One Python peer of bench/compare: load a generated dataset, answer the 200 path pairs.

    peer.py TOOL DIR

TOOL is networkx-attrs, networkx-json, rustworkx-json, igraph-json (reading the same
JSON files as linkage) or networkx-edges, rustworkx-edges, igraph-edges (reading
DIR.edges, a tab-separated edge list: their fastest input). networkx-attrs keeps
everything linkage keeps (nodes with kind and label, every relation as a MultiDiGraph
edge with its kind and sources; symmetric relations both ways, sharing their
attributes); the others keep structure only. Prints one JSON object: load and query seconds (in process) and
each pair's shortest path length (-1: no path), for compare.py to cross-check.
"""

import glob
import json
import os
import sys
import time

SYMMETRIC = {"mutually-promotes", "common-ground", "differs"}


def load(tool, data):
    edges = data.rstrip("/") + ".edges"
    if tool == "networkx-attrs":
        import networkx as nx
        g = nx.MultiDiGraph()
        with open(os.path.join(data, "nodes.json")) as f:
            for node in json.load(f)["nodes"]:
                g.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"})
        for path in sorted(glob.glob(os.path.join(data, "relations-*.json"))):
            with open(path) as f:
                for rel in json.load(f)["relations"]:
                    attrs = {"kind": rel["kind"], "sources": rel["sources"]}
                    g.add_edge(rel["from"], rel["to"], **attrs)
                    if rel["kind"] in SYMMETRIC:
                        g.add_edge(rel["to"], rel["from"], **attrs)
        return g
    if tool.endswith("-json"):
        index, pairs = json_structure(data)
        if tool == "networkx-json":
            import networkx as nx
            g = nx.DiGraph()
            g.add_nodes_from(range(len(index)))
            g.add_edges_from(pairs)
            return (g, index)
        if tool == "rustworkx-json":
            import rustworkx as rx
            g = rx.PyDiGraph()
            g.add_nodes_from(range(len(index)))
            g.add_edges_from_no_data(pairs)
            return (g, index)
        if tool == "igraph-json":
            import igraph
            return (igraph.Graph(n=len(index), edges=pairs, directed=True), index)
    if tool == "networkx-edges":
        import networkx as nx
        return nx.read_edgelist(edges, create_using=nx.DiGraph, delimiter="\t")
    if tool == "rustworkx-edges":
        import rustworkx as rx
        index, pairs = {}, []
        with open(edges) as f:
            for line in f:
                a, b = line.split()
                pairs.append((index.setdefault(a, len(index)), index.setdefault(b, len(index))))
        g = rx.PyDiGraph()
        g.add_nodes_from(range(len(index)))
        g.add_edges_from_no_data(pairs)
        return (g, index)
    if tool == "igraph-edges":
        import igraph
        return igraph.Graph.Read_Ncol(edges, directed=True, weights=False)
    raise SystemExit(f"unknown tool {tool}")


def json_structure(data):
    """Node ids numbered in data order, and each walkable direction as a pair."""
    index, pairs = {}, []
    with open(os.path.join(data, "nodes.json")) as f:
        for node in json.load(f)["nodes"]:
            index.setdefault(node["id"], len(index))
    for path in sorted(glob.glob(os.path.join(data, "relations-*.json"))):
        with open(path) as f:
            for rel in json.load(f)["relations"]:
                a, b = index[rel["from"]], index[rel["to"]]
                pairs.append((a, b))
                if rel["kind"] in SYMMETRIC:
                    pairs.append((b, a))
    return index, pairs


def length(tool, g, a, b):
    if tool in ("networkx-json", "igraph-json"):
        graph, index = g
        if a not in index or b not in index:
            return -1
        if tool == "igraph-json":
            path = graph.get_shortest_path(index[a], index[b])
            return len(path) - 1 if path else -1
        g, a, b = graph, index[a], index[b]
    if tool.startswith("networkx"):
        import networkx as nx
        try:
            return len(nx.shortest_path(g, a, b)) - 1
        except (nx.NetworkXNoPath, nx.NodeNotFound):
            return -1
    if tool.startswith("rustworkx"):
        import rustworkx as rx
        graph, index = g
        if a not in index or b not in index:
            return -1
        paths = rx.digraph_dijkstra_shortest_paths(graph, index[a], target=index[b])
        return len(paths[index[b]]) - 1 if index[b] in paths else -1
    if tool == "igraph-edges":
        try:
            path = g.get_shortest_path(a, b)
        except ValueError:
            return -1
        return len(path) - 1 if path else -1
    raise SystemExit(f"unknown tool {tool}")


def main():
    tool, data = sys.argv[1], sys.argv[2]
    started = time.perf_counter()
    g = load(tool, data)
    loaded = time.perf_counter()
    pairs = [line.split() for line in open(data.rstrip("/") + ".pairs") if line.strip()]
    lengths = [length(tool, g, a, b) for a, b in pairs]
    done = time.perf_counter()
    print(json.dumps({"load": loaded - started, "queries": done - loaded, "lengths": lengths}))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""One Python peer of bench/compare: load a generated dataset, answer its queries.

    peer.py TOOL DIR SIMPLE EGO DIFF

TOOL is networkx-attrs, networkx-json, rustworkx-json, igraph-json (reading the same
JSON files as linkage) or networkx-edges, rustworkx-edges, igraph-edges (reading
DIR.edges, a tab-separated edge list: their fastest input). networkx-attrs keeps
everything linkage keeps (nodes with kind and label, every relation as a MultiDiGraph
edge with its kind and sources; symmetric relations both ways, sharing their
attributes); the others keep structure only (symmetric relations as two edges).

The queries, the same as bench/queries.rs asks linkage's library (see there), each
with the library's own function where it has one:
- shortest, on every pair of DIR.pairs: networkx `shortest_path` (bidirectional BFS),
  rustworkx `digraph_dijkstra_shortest_paths(target=)`, igraph `get_shortest_path`;
- simple routes of at most 5 relations, first SIMPLE pairs: networkx
  `all_simple_paths(cutoff=5)`, rustworkx `digraph_all_simple_paths(cutoff=6)` (it
  counts nodes), igraph `get_all_simple_paths(maxlen=5)`; the answer is the number of
  distinct node sequences (parallel edges give one route, as in linkage);
- ego network of depth 2 ignoring direction, FROM of the first EGO pairs: networkx
  `single_source_shortest_path_length(to_undirected view, cutoff=2)`, igraph
  `neighborhood_size(order=2, mode="all")`, rustworkx (no ego function) two layers of
  `neighbors_undirected`; the answer is the number of nodes, the centre included;
- diff, first DIFF pairs: whether an edge joins A and B, and the neighbours (either
  direction, the other end excluded) only A has, only B has, both have: linkage's
  `diff` contrast taken over all kinds, which is what a structure-only graph can say.
  networkx-attrs also splits them by relation kind and direction (out, in, both for a
  symmetric kind), as linkage's `diff` does.

Prints one JSON object: load seconds (in process), and per kind of query the seconds
of all its queries (in process) and the answers, for compare.py to cross-check.
"""

import glob
import json
import os
import sys
import time

SYMMETRIC = {"mutually-promotes", "common-ground", "differs"}
MAX_LEN = 5


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


def edge_list_indexed(edges):
    """The edge list's ids numbered in order of appearance, and its pairs."""
    index, pairs = {}, []
    with open(edges) as f:
        for line in f:
            a, b = line.split()
            pairs.append((index.setdefault(a, len(index)), index.setdefault(b, len(index))))
    return index, pairs


def diff_counts(neighbours_a, neighbours_b):
    both = len(neighbours_a & neighbours_b)
    return [len(neighbours_a) - both, len(neighbours_b) - both, both]


class NetworkX:
    def __init__(self, g, index=None):
        import networkx as nx
        self.nx, self.g, self.index = nx, g, index
        self.undirected = nx.to_undirected(g)  # a view: no copy

    def node(self, name):
        if self.index is not None:
            return self.index.get(name)
        return name if name in self.g else None

    def shortest(self, a, b):
        try:
            return len(self.nx.shortest_path(self.g, a, b)) - 1
        except self.nx.NetworkXNoPath:
            return -1

    def simple(self, a, b):
        return len(set(map(tuple, self.nx.all_simple_paths(self.g, a, b, cutoff=MAX_LEN))))

    def ego(self, a):
        return len(self.nx.single_source_shortest_path_length(self.undirected, a, cutoff=2))

    def neighbours(self, a, other):
        return (set(self.g.successors(a)) | set(self.g.predecessors(a))) - {other}

    def diff(self, a, b):
        return {"adjacent": self.g.has_edge(a, b) or self.g.has_edge(b, a),
                "all_kinds": diff_counts(self.neighbours(a, b), self.neighbours(b, a))}


class NetworkXAttrs(NetworkX):
    def by_kind(self, a, other):
        groups = {}
        for _, x, kind in self.g.out_edges(a, data="kind"):
            if x != other:
                key = f"{kind} both" if kind in SYMMETRIC else f"{kind} out"
                groups.setdefault(key, set()).add(x)
        for x, _, kind in self.g.in_edges(a, data="kind"):
            if x != other and kind not in SYMMETRIC:
                groups.setdefault(f"{kind} in", set()).add(x)
        return groups

    def diff(self, a, b):
        answer = super().diff(a, b)
        of_a, of_b = self.by_kind(a, b), self.by_kind(b, a)
        answer["by_kind"] = {key: diff_counts(of_a.get(key, set()), of_b.get(key, set()))
                             for key in set(of_a) | set(of_b)}
        return answer


class RustworkX:
    def __init__(self, index, pairs):
        import rustworkx as rx
        self.rx, self.index = rx, index
        self.g = rx.PyDiGraph()
        self.g.add_nodes_from(range(len(index)))
        self.g.add_edges_from_no_data(pairs)

    def node(self, name):
        return self.index.get(name)

    def shortest(self, a, b):
        paths = self.rx.digraph_dijkstra_shortest_paths(self.g, a, target=b)
        return len(paths[b]) - 1 if b in paths else -1

    def simple(self, a, b):
        paths = self.rx.digraph_all_simple_paths(self.g, a, b, cutoff=MAX_LEN + 1)
        return len(set(map(tuple, paths)))

    def ego(self, a):
        seen, layer = {a}, [a]
        for _ in range(2):
            layer = [x for v in layer for x in self.g.neighbors_undirected(v) if x not in seen
                     and not seen.add(x)]
        return len(seen)

    def neighbours(self, a, other):
        return set(self.g.neighbors_undirected(a)) - {other}

    def diff(self, a, b):
        return {"adjacent": self.g.has_edge(a, b) or self.g.has_edge(b, a),
                "all_kinds": diff_counts(self.neighbours(a, b), self.neighbours(b, a))}


class IGraph:
    def __init__(self, g, index=None):
        self.g, self.index = g, index
        if index is None:
            self.index = {name: i for i, name in enumerate(g.vs["name"])}

    def node(self, name):
        return self.index.get(name)

    def shortest(self, a, b):
        path = self.g.get_shortest_path(a, b)
        return len(path) - 1 if path else -1

    def simple(self, a, b):
        return len(set(map(tuple, self.g.get_all_simple_paths(a, to=b, maxlen=MAX_LEN))))

    def ego(self, a):
        return self.g.neighborhood_size(a, order=2, mode="all")

    def neighbours(self, a, other):
        return set(self.g.neighbors(a, mode="all")) - {other}

    def diff(self, a, b):
        return {"adjacent": self.g.get_eid(a, b, directed=False, error=False) != -1,
                "all_kinds": diff_counts(self.neighbours(a, b), self.neighbours(b, a))}


def load(tool, data):
    edges = data + ".edges"
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
        return NetworkXAttrs(g)
    if tool == "networkx-json":
        import networkx as nx
        index, pairs = json_structure(data)
        g = nx.DiGraph()
        g.add_nodes_from(range(len(index)))
        g.add_edges_from(pairs)
        return NetworkX(g, index)
    if tool == "rustworkx-json":
        return RustworkX(*json_structure(data))
    if tool == "igraph-json":
        import igraph
        index, pairs = json_structure(data)
        return IGraph(igraph.Graph(n=len(index), edges=pairs, directed=True), index)
    if tool == "networkx-edges":
        import networkx as nx
        return NetworkX(nx.read_edgelist(edges, create_using=nx.DiGraph, delimiter="\t"))
    if tool == "rustworkx-edges":
        return RustworkX(*edge_list_indexed(edges))
    if tool == "igraph-edges":
        import igraph
        return IGraph(igraph.Graph.Read_Ncol(edges, directed=True, weights=False))
    raise SystemExit(f"unknown tool {tool}")


def timed(items, query):
    """Total seconds of `query` over `items`, and the answers."""
    seconds, answers = 0.0, []
    for item in items:
        started = time.perf_counter()
        answers.append(query(*item))
        seconds += time.perf_counter() - started
    return {"seconds": seconds, "answers": answers}


def main():
    tool, data = sys.argv[1], sys.argv[2].rstrip("/")
    simple, ego, diff = (int(n) for n in sys.argv[3:6])
    started = time.perf_counter()
    peer = load(tool, data)
    load_seconds = time.perf_counter() - started
    names = [line.split() for line in open(data + ".pairs") if line.strip()]
    pairs = [(peer.node(a), peer.node(b)) for a, b in names]
    if any(a is None or b is None for a, b in pairs):
        # Only an edge-list peer can miss a node: one without relations.
        raise SystemExit(f"{tool}: a queried node has no relation in {data}")
    report = {"load": load_seconds,
              "shortest": timed(pairs, peer.shortest),
              "simple": timed(pairs[:simple], peer.simple),
              "ego": timed([(a,) for a, _ in pairs[:ego]], peer.ego),
              "diff": timed(pairs[:diff], peer.diff)}
    print(json.dumps(report))


if __name__ == "__main__":
    main()

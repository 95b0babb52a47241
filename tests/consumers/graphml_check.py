"""Reads linkage's GraphML with networkx and igraph; every attribute and every relation
(parallel ones as distinct edges) must be what linkage wrote.

usage: graphml_check.py EXPORT.graphml REFERENCE.json"""

import json

import igraph
import networkx as nx

from common import expect, load_reference, main


def check(args):
    graphml, reference = args
    ref = load_reference(reference)
    g = nx.read_graphml(graphml, force_multigraph=True)
    expect("papers", json.loads(g.graph["papers"]), ref["papers"])
    # What made the file from what: linkage's version and the dataset's digest.
    assert g.graph["linkage_version"].count(".") == 2, g.graph["linkage_version"]
    assert g.graph["dataset"].startswith("xxh3-128:") and len(g.graph["dataset"]) == 41, \
        g.graph["dataset"]
    expect("node ids", list(g.nodes), [n["id"] for n in ref["nodes"]])
    for node in ref["nodes"]:
        attrs = dict(g.nodes[node["id"]])
        want = {"kind": node["kind"], "label": node["label"]}
        for key in ("label_zh", "description"):
            if key in node:
                want[key] = node[key]
        if node.get("aliases"):
            attrs["aliases"] = json.loads(attrs["aliases"])
            want["aliases"] = node["aliases"]
        expect(f"node {node['id']}", attrs, want)
    expect("edge count", g.number_of_edges(), len(ref["relations"]))
    parallel = 0
    for number, rel in enumerate(ref["relations"]):
        key = f"r{number}"
        if not g.has_edge(rel["from"], rel["to"], key):
            raise AssertionError(f"edge {key} {rel['from']} -> {rel['to']} missing")
        attrs = dict(g.edges[rel["from"], rel["to"], key])
        attrs.pop("id", None)
        got = {
            "kind": attrs["kind"],
            "sources": json.loads(attrs["sources"]),
        }
        want = {"kind": rel["kind"], "sources": rel["sources"]}
        for key_name in ("aspect", "dimension"):
            if key_name in rel:
                got[key_name] = attrs[key_name]
                want[key_name] = rel[key_name]
        if "positions" in rel:
            got["positions"] = {"from": attrs["from_position"], "to": attrs["to_position"]}
            want["positions"] = rel["positions"]
        if "note" in rel:
            got["note"] = attrs["note"]
            want["note"] = rel["note"]
        papers = list(dict.fromkeys(s["paper"] for s in rel["sources"]))
        expect(f"{key} papers", json.loads(attrs["papers"]), papers)
        expect(f"{key} paper_count", attrs["paper_count"], len(papers))
        expect(f"{key} symmetric is a boolean", type(attrs["symmetric"]), bool)
        expect(f"relation {key}", got, want)
        if g.number_of_edges(rel["from"], rel["to"]) > 1:
            parallel += 1
    ig = igraph.Graph.Read_GraphML(graphml)
    expect("igraph vertices", ig.vcount(), len(ref["nodes"]))
    expect("igraph edges", ig.ecount(), len(ref["relations"]))
    expect("igraph labels", ig.vs["label"], [n["label"] for n in ref["nodes"]])
    expect("igraph kinds", ig.es["kind"], [r["kind"] for r in ref["relations"]])
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "parallel_edges": parallel}


if __name__ == "__main__":
    main(check)

"""``to_networkx()`` against the GraphML export read by networkx itself."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

import networkx

import linkage
from conftest import REPO, run


def test_the_graph_is_the_graphml_export(g, tmp_path):
    out = tmp_path / "graph.graphml"
    run("export", "--format", "graphml", "-o", str(out))
    expected = networkx.read_graphml(out)
    graph = g.to_networkx()
    assert type(graph) is type(expected)
    assert dict(graph.nodes(data=True)) == dict(expected.nodes(data=True))
    assert list(graph.edges(keys=True, data=True)) == list(expected.edges(keys=True, data=True))
    assert graph.graph == expected.graph


def test_every_attribute_the_graphml_declares_is_carried(g, tmp_path):
    out = tmp_path / "graph.graphml"
    run("export", "--format", "graphml", "-o", str(out))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = ET.parse(out).getroot().findall("g:key", ns)
    graph = g.to_networkx()
    node_attrs = {a for _, data in graph.nodes(data=True) for a in data}
    edge_attrs = {a for *_, data in graph.edges(keys=True, data=True) for a in data}
    for key in keys:
        name, domain = key.get("attr.name"), key.get("for")
        if domain == "graph":
            assert name in graph.graph, name
        elif domain == "node":
            assert name in node_attrs, name
        elif domain == "edge":
            assert name in edge_attrs, name


def test_a_selection_exports_only_it(g):
    whole = g.to_networkx()
    hao = g.to_networkx(papers="hao")
    expected = networkx.parse_graphml(run("export", "--format", "graphml", "--paper", "hao").stdout)
    assert 0 < hao.number_of_edges() < whole.number_of_edges()
    assert sorted(hao.nodes) == sorted(expected.nodes)


def test_the_graph_names_linkages_version_and_the_datasets_digest(g, tmp_path):
    # The stamp of docs/formats.md, as the GraphML export carries it: the same digest
    # the Mermaid export prints, the same for the built-in papers and a copy of them.
    graph = g.to_networkx()
    assert graph.graph["linkage_version"] == linkage.__version__
    digest = graph.graph["dataset"]
    assert re.fullmatch(r"xxh3-128:[0-9a-f]{32}", digest)
    mermaid = [line.strip() for line in g.export("mermaid", papers="hao").splitlines()]
    assert f"%% linkage {linkage.__version__}, dataset {digest}" in mermaid
    copy = tmp_path / "data"
    shutil.copytree(REPO / "data", copy)
    assert linkage.load(copy).to_networkx().graph["dataset"] == digest
    papers = copy / "papers.json"
    papers.write_text(papers.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert linkage.load(copy).to_networkx().graph["dataset"] != digest

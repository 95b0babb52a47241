"""``to_networkx()`` against the GraphML export read by networkx itself."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import networkx

from conftest import run


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
        if domain == "node":
            assert name in node_attrs, name
        elif domain == "edge":
            assert name in edge_attrs, name


def test_a_selection_exports_only_it(g):
    whole = g.to_networkx()
    hao = g.to_networkx(papers="hao")
    expected = networkx.parse_graphml(run("export", "--format", "graphml", "--paper", "hao").stdout)
    assert 0 < hao.number_of_edges() < whole.number_of_edges()
    assert sorted(hao.nodes) == sorted(expected.nodes)

"""Every query method against the command's ``--json`` for the same query: the same
JSON, field for field, and ``found`` where the command exits 0 (1: nothing found)."""

from __future__ import annotations

from typing import Any, Callable

import pytest

import linkage
from conftest import run, run_json

CASES: list[tuple[str, Callable[[linkage.Graph], Any], list[str]]] = [
    ("diff", lambda g: g.diff("tpa", "rr"), ["diff", "tpa", "rr"]),
    ("diff one paper", lambda g: g.diff("tpa", "rr", papers=["hao"]),
     ["diff", "tpa", "rr", "--paper", "hao"]),
    ("diff brief", lambda g: g.diff("TPA", "rural revitalization", evidence="brief"),
     ["diff", "TPA", "rural revitalization", "--brief"]),
    ("compare pair", lambda g: g.compare("tpa", "rr"), ["compare", "tpa", "rr"]),
    ("compare all", lambda g: g.compare(), ["compare"]),
    ("compare two papers", lambda g: g.compare("tpa", "rr", papers=["hao", "tan"]),
     ["compare", "tpa", "rr", "--paper", "hao", "tan"]),
    ("contested", lambda g: g.contested(), ["contested"]),
    ("contested about", lambda g: g.contested("tpa", limit=3, all=True),
     ["contested", "tpa", "--limit", "3", "--all"]),
    ("path", lambda g: g.path("cpc", "common-prosperity"),
     ["path", "cpc", "common-prosperity"]),
    ("path all", lambda g: g.path("cpc", "common-prosperity", all=True, max_len=4),
     ["path", "cpc", "common-prosperity", "--all", "--max-len", "4"]),
    ("path one paper", lambda g: g.path(
        "industrial-poverty-alleviation", "second-centenary-goal", papers="hao"),
     ["path", "industrial-poverty-alleviation", "second-centenary-goal", "--paper", "hao"]),
    ("no path", lambda g: g.path("second-centenary-goal", "cpc"),
     ["path", "second-centenary-goal", "cpc"]),
    ("show", lambda g: g.show("tpa"), ["show", "tpa"]),
    ("show in Chinese", lambda g: g.show("精准扶贫", evidence="quotes"),
     ["show", "精准扶贫", "--quotes"]),
    ("position", lambda g: g.position("hao"), ["position", "hao"]),
    ("search", lambda g: g.search("common prosperity"), ["search", "common prosperity"]),
    ("search limited", lambda g: g.search("rural-urban", limit=2),
     ["search", "rural-urban", "--limit", "2"]),
    ("match", lambda g: g.match("rural-urban integration"),
     ["match", "rural-urban integration"]),
    ("match nothing", lambda g: g.match("quantum chromodynamics"),
     ["match", "quantum chromodynamics"]),
    ("neighbors", lambda g: g.neighbors("party-leadership", depth=2),
     ["neighbors", "party-leadership", "--depth", "2"]),
    ("nodes", lambda g: g.nodes(kind="dimension"), ["list", "--kind", "dimension"]),
    ("paper", lambda g: g.paper("tan", limit=20), ["paper", "tan", "--limit", "20"]),
]


@pytest.mark.parametrize("call,words", [(c[1], c[2]) for c in CASES],
                         ids=[c[0] for c in CASES])
def test_a_query_returns_what_the_command_prints(g, call, words):
    answer = call(g)
    expected, found = run_json(*words)
    assert answer.to_dict() == expected
    assert answer.found == found


def test_the_cases_include_nothing_found():
    # Guards the cases above: "found" is checked both ways.
    assert run_json("path", "second-centenary-goal", "cpc")[1] is False
    assert run_json("match", "quantum chromodynamics")[1] is False


def test_papers_are_the_commands_list_with_unknown_fields_none(g):
    papers = g.papers()
    expected, _ = run_json("papers")
    assert [p.to_dict() for p in papers] == expected
    assert any(p.doi is None for p in papers)


def test_fields_read_as_attributes_nested_objects_too(g):
    d = g.diff("tpa", "rr")
    row = d.common_ground[0]
    assert isinstance(row, linkage.Record)
    assert row.label == row["label"] == row.to_dict()["label"]
    claim = d.direct[0]
    assert claim.from_ == claim["from"] == claim.to_dict()["from"]
    with pytest.raises(AttributeError, match="no field 'nonesuch'"):
        _ = d.nonesuch


@pytest.mark.parametrize("cls", [linkage.Diff, linkage.Comparison, linkage.Contested,
                                 linkage.Paths, linkage.Shown, linkage.Position,
                                 linkage.Found, linkage.Matches, linkage.Neighbors,
                                 linkage.Nodes, linkage.Outline])
def test_each_answer_class_declares_exactly_its_json_fields(g, cls):
    # The annotations are what editors complete: they must be the JSON's keys.
    calls = {
        linkage.Diff: lambda: g.diff("tpa", "rr"),
        linkage.Comparison: lambda: g.compare("tpa", "rr"),
        linkage.Contested: lambda: g.contested(),
        linkage.Paths: lambda: g.path("cpc", "common-prosperity"),
        linkage.Shown: lambda: g.show("tpa"),
        linkage.Position: lambda: g.position("hao"),
        linkage.Found: lambda: g.search("common prosperity"),
        linkage.Matches: lambda: g.match("rural-urban integration"),
        linkage.Neighbors: lambda: g.neighbors("tpa"),
        linkage.Nodes: lambda: g.nodes(),
        linkage.Outline: lambda: g.paper("hao"),
    }
    answer = calls[cls]()
    assert type(answer) is cls
    declared = {name.rstrip("_") for name in cls.__annotations__}
    assert declared == set(answer.keys())


def test_a_dataset_of_ones_own_loads_and_answers_as_with_data(tmp_path):
    mine = tmp_path / "mine"
    run("init", str(mine))
    graph = linkage.load(mine)
    assert graph.data == str(mine)
    expected, found = run_json("--data", str(mine), "list")
    assert graph.nodes().to_dict() == expected
    assert found


def test_fields_keep_the_commands_order_and_to_dict_is_a_copy(g):
    expected, _ = run_json("show", "tpa")
    shown = g.show("tpa")
    assert shown.keys() == list(expected)
    assert list(shown.node.to_dict()) == list(expected["node"])
    copy = shown.to_dict()
    copy["node"]["label"] = "changed"
    assert shown.node.label == expected["node"]["label"]
    assert shown.to_dict() == expected


def test_records_compare_by_their_json(g):
    assert g.diff("tpa", "rr") == g.diff("tpa", "rr")
    assert g.diff("tpa", "rr") != g.diff("tpa", "rr", papers="hao")
    assert g.diff("tpa", "rr").common_ground[0] == g.diff("tpa", "rr").common_ground[0]
    assert "label" in g.diff("tpa", "rr").common_ground[0]

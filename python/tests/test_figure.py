"""Figures: the DOT of ``linkage dot``, drawn by ``linkage render`` (needs Graphviz)."""

from __future__ import annotations

import pytest

import linkage
from conftest import run


def test_the_dot_is_the_commands(g):
    figure = g.figure(diff=("tpa", "rr"), papers="hao", legend=True)
    assert figure.found
    assert figure.dot == run("dot", "--diff", "tpa", "rr", "--paper", "hao", "--legend").stdout


def test_jupyter_shows_svg(g):
    svg = g.figure(focus="tpa", depth=1)._repr_svg_()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg


@pytest.mark.parametrize("name,magic", [("x.svg", b"<?xml"), ("x.png", b"\x89PNG"),
                                        ("x.pdf", b"%PDF")])
def test_save_writes_the_format_the_extension_names(g, tmp_path, name, magic):
    out = tmp_path / name
    g.figure(diff=("tpa", "rr")).save(out)
    assert out.read_bytes().startswith(magic)


def test_save_is_the_render_command(g, tmp_path):
    ours, theirs = tmp_path / "ours.svg", tmp_path / "theirs.svg"
    g.figure(diff=("tpa", "rr"), min_papers=2).save(ours)
    run("render", "--diff", "tpa", "rr", "--min-papers", "2", "-o", str(theirs))
    assert ours.read_bytes() == theirs.read_bytes()


def test_an_empty_selection_draws_nothing(g, tmp_path):
    figure = g.figure(min_papers=9)
    assert run("dot", "--min-papers", "9").returncode == 1
    assert not figure.found
    with pytest.raises(linkage.NothingFound):
        figure.save(tmp_path / "x.svg")
    assert not (tmp_path / "x.svg").exists()


def test_an_unknown_extension_is_a_usage_error(g, tmp_path):
    with pytest.raises(linkage.UsageError, match="cannot tell the image format"):
        g.figure(diff=("tpa", "rr")).save(tmp_path / "x.gif")

"""The notes the command prints to stderr beside its answer reach Python as
``LinkageNote`` warnings, which a notebook shows under the cell, and nothing is
written to the process's stderr (file descriptor 2), which a notebook never shows."""

from __future__ import annotations

import warnings

import pytest

import linkage
from conftest import run

SHARED = "as two papers, but their texts share passages"


def notes_of(call):
    """What `call` returned, and the messages of the LinkageNotes it issued."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = call()
    return value, [str(w.message) for w in caught if issubclass(w.category, linkage.LinkageNote)]


def test_a_figures_note_is_the_commands_issued_once_and_not_on_stderr(g, capfd):
    expected = run("dot", "--diff", "tpa", "rr", "--min-papers", "2").stderr.splitlines()
    assert any(SHARED in line for line in expected)
    figure, made = notes_of(lambda: g.figure(diff=("tpa", "rr"), min_papers=2))
    assert made == expected
    # Drawing it (as Jupyter does, perhaps more than once) and saving it repeat nothing.
    _, drawn = notes_of(lambda: (figure._repr_svg_(), figure._repr_svg_(), figure.svg()))
    assert drawn == []
    assert capfd.readouterr().err == ""


def test_a_note_only_drawing_finds_is_issued_when_first_drawn(g, tmp_path, capfd):
    # Hao's dozen key concepts are drawn left to right: `render` says so, `dot` not.
    expected = run("render", "--paper", "hao", "--top", "12", "-o",
                   str(tmp_path / "theirs.svg")).stderr.splitlines()
    assert any("drawn left to right" in line for line in expected)
    figure, made = notes_of(lambda: g.figure(papers="hao", top=12))
    assert made == []
    _, drawn = notes_of(lambda: figure.save(tmp_path / "mine.svg"))
    assert drawn == expected
    _, again = notes_of(lambda: figure.svg())
    assert again == []
    assert capfd.readouterr().err == ""


def test_an_export_of_nothing_says_so_as_a_note(g, capfd):
    text, notes = notes_of(lambda: g.export("graphml", min_papers=9))
    assert notes == ["nothing to export: the selection is empty"]
    assert "<graphml" in text
    assert capfd.readouterr().err == ""


def test_each_call_issues_its_notes_again(g):
    # Unlike a warning's default, once per line of code: each answer has its notes.
    seen = []
    for _ in range(2):
        with warnings.catch_warnings(record=True) as caught:
            g.figure(min_papers=9)
        seen.append([str(w.message) for w in caught])
    assert seen == [["nothing to draw: the selection is empty"]] * 2


def test_a_note_names_the_users_line(g):
    with pytest.warns(linkage.LinkageNote, match="selection is empty") as caught:
        g.figure(min_papers=9)
    assert caught[0].filename == __file__


def test_notes_can_be_silenced_as_any_warning(g):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.filterwarnings("ignore", category=linkage.LinkageNote)
        g.figure(min_papers=9)
    assert caught == []

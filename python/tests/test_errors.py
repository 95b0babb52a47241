"""Each exception carries the library's typed error: the fields the command's message
is made from, and the message itself, as the command prints it on stderr."""

from __future__ import annotations

import re

import pytest

import linkage
from conftest import run


def stderr_of(*words: str) -> str:
    done = run(*words, check_code=False)
    assert done.returncode == 2
    return done.stderr


def test_an_unknown_name_carries_the_closest_candidates(g):
    with pytest.raises(linkage.UnknownName) as caught:
        g.show("tpaa")
    error = caught.value
    assert (error.name, error.of) == ("tpaa", "node")
    listed = re.findall(r"^  (\S+)", stderr_of("show", "tpaa"), re.M)
    assert error.closest == listed and "tpa" in error.closest
    assert f"error: {error}\n" in stderr_of("show", "tpaa")
    assert isinstance(error, LookupError)


def test_an_unknown_paper_is_named_as_a_paper(g):
    with pytest.raises(linkage.UnknownName) as caught:
        g.position("nobody-2099")
    assert caught.value.of == "paper"


def test_an_ambiguous_name_carries_its_matches(g):
    with pytest.raises(linkage.AmbiguousName) as caught:
        g.diff("goal", "rr")
    error = caught.value
    stderr = stderr_of("diff", "goal", "rr")
    assert error.matches == re.findall(r"^  (\S+)", stderr, re.M)
    assert error.total == 8 == int(re.search(r"matches (\d+) nodes", stderr).group(1))
    assert (error.name, error.of) == ("goal", "node")


@pytest.fixture
def broken(tmp_path):
    """A dataset with two mistakes: an unknown node kind and an unknown node."""
    data = tmp_path / "broken"
    run("init", str(data))
    example = data / "example.json"
    text = example.read_text(encoding="utf-8")
    text = text.replace('"kind": "goal"', '"kind": "gaol"')
    text = text.replace('"to": "learning-gains"', '"to": "learning-gain"')
    example.write_text(text, encoding="utf-8")
    return data


def test_bad_data_raises_every_problem_with_file_line_and_column(broken):
    with pytest.raises(linkage.DataError) as caught:
        linkage.load(broken)
    error = caught.value
    assert [(p.file, p.line, p.column) for p in error.problems] == [
        (str(broken / "example.json"), 10, 15),
        (str(broken / "example.json"), 18, 13),
    ]
    assert [p.severity for p in error.problems] == ["error", "error"]
    assert "gaol" in error.problems[0].message and "goal" in error.problems[0].hint
    assert error.problems[1].hint is None
    # The command prints each problem, then the summary; the exception holds the same.
    expected = "".join(p.text + "\n" for p in error.problems) + f"error: {error.message}\n"
    assert stderr_of("--data", str(broken), "list") == expected
    assert error.message == "the data has 2 problems"


def test_a_missing_directory_is_a_file_error():
    with pytest.raises(linkage.FileError) as caught:
        linkage.load("/nonexistent/linkage-data")
    error = caught.value
    assert error.action == "read directory" and error.path == "/nonexistent/linkage-data"
    assert isinstance(error, OSError) and error.reason


def test_a_bad_argument_is_a_usage_error_in_one_line(g):
    with pytest.raises(linkage.UsageError) as caught:
        g.path("tpa", "rr", max_len=0)
    assert str(caught.value) == "invalid value '0' for '--max-len <N>': 0 is not in 1..=65535"
    with pytest.raises(ValueError, match="evidence"):
        g.diff("tpa", "rr", evidence="all")


def test_every_error_is_a_linkage_error():
    for cls in (linkage.UnknownName, linkage.AmbiguousName, linkage.DataError,
                linkage.FileError, linkage.UsageError, linkage.ExternalError,
                linkage.NothingFound):
        assert issubclass(cls, linkage.LinkageError)

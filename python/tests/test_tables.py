"""Tables against the CSV the command writes: ``compare --csv`` and ``export --format
evidence-csv``; without pandas, the same rows as dicts."""

from __future__ import annotations

import csv
import io
import sys

import pandas
import pytest

from conftest import run


def csv_frame(text: str) -> pandas.DataFrame:
    return pandas.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def as_text(frame: pandas.DataFrame) -> pandas.DataFrame:
    return frame.astype(str)


@pytest.mark.parametrize("pair", [("tpa", "rr"), ()])
def test_compare_frame_is_the_compare_csv(g, pair):
    frame = g.compare(*pair).to_frame()
    expected = csv_frame(run("compare", *pair, "--csv").stdout)
    assert list(frame.columns) == list(expected.columns)
    assert len(frame) == len(expected) > 0
    pandas.testing.assert_frame_equal(as_text(frame), expected)


def test_claims_frame_is_the_evidence_csv_export(g, tmp_path):
    out = tmp_path / "evidence.csv"
    run("export", "--format", "evidence-csv", "-o", str(out))
    expected = csv_frame(out.read_text(encoding="utf-8"))
    frame = g.claims().to_frame()
    assert len(frame) == len(expected) > 800
    pandas.testing.assert_frame_equal(frame, expected)


def test_claims_of_one_paper_are_the_export_of_its_selection(g):
    frame = g.claims(papers="hao").to_frame()
    expected = csv_frame(run("export", "--format", "evidence-csv", "--paper", "hao").stdout)
    pandas.testing.assert_frame_equal(frame, expected)
    assert set(frame["paper"]) == {"hao-2021"}


def test_contested_frame_has_a_row_per_dispute_numbered_as_the_command(g):
    contested = g.contested()
    frame = contested.to_frame()
    assert len(frame) == len(contested.disputes) > 0
    first = contested.disputes[0]
    row = frame.iloc[0]
    assert row["number"] == 1
    assert (row["kind"], row["strength"], row["question"]) == (
        first.kind, first.strength, first.question)
    assert row["sides"] == "; ".join(side.answer for side in first.sides)
    # The human output numbers the disputes the same way: "1." then the question.
    human = run("contested", "--brief").stdout
    assert f"1. {first.question}"[:40] in " ".join(human.split())


def test_without_pandas_tables_are_lists_of_dicts(g, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    rows = g.compare("tpa", "rr").to_frame()
    assert isinstance(rows, list) and isinstance(rows[0], dict)
    expected = list(csv.DictReader(io.StringIO(run("compare", "tpa", "rr", "--csv").stdout)))
    assert [{k: str(v) for k, v in row.items()} for row in rows] == expected
    claims = g.claims().to_frame()
    assert isinstance(claims, list) and claims[0]["paper"]

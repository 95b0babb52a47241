"""One class per query: the fields of its JSON (docs/json.md) declared for editors and
type checkers, and the tables that become DataFrames.

Each field is read from the command's ``--json`` answer (see :mod:`linkage._records`);
nested objects are :class:`Record`.
"""

from __future__ import annotations

from typing import Any, Optional

from ._records import Answer, Record, frame


class Diff(Answer):
    """``linkage diff A B --json``: what two concepts share and where they differ."""

    __slots__ = ()
    a: str
    b: str
    direct: list[Record]
    common_ground: list[Record]
    differences: list[Record]
    contrast: list[Record]


class Comparison(Answer):
    """``linkage compare [A B] --json``: comparison rows against the papers."""

    __slots__ = ()
    papers: list[str]
    rows: list[Record]

    def table(self) -> list[dict[str, Any]]:
        """The rows in the columns of ``linkage compare --csv``: role, a, b, topic,
        label, one 0/1 column per paper, total, shared_text (pairs ``x+y`` separated
        by spaces)."""
        data = self.to_dict()
        papers = data["papers"]
        rows = []
        for row in data["rows"]:
            cells: dict[str, Any] = {k: row[k] for k in ("role", "a", "b", "topic", "label")}
            for paper in papers:
                cells[paper] = int(paper in row["papers"])
            cells["total"] = row["total"]
            cells["shared_text"] = " ".join("+".join(pair) for pair in row["shared_text"])
            rows.append(cells)
        return rows

    def to_frame(self) -> Any:
        """:meth:`table` as a pandas DataFrame (the rows themselves without pandas)."""
        columns = ["role", "a", "b", "topic", "label", *self._data["papers"], "total", "shared_text"]
        return frame(self.table(), columns)


CONTESTED_COLUMNS = [
    "number", "kind", "strength", "question", "subject", "topic", "respect",
    "property", "papers", "sides",
]


class Contested(Answer):
    """``linkage contested --json``: the disputes, strongest first."""

    __slots__ = ()
    total: int
    truncated: bool
    concepts: int
    of: int
    stopped: Optional[Record]
    disputes: list[Record]

    def table(self) -> list[dict[str, Any]]:
        """One row per dispute: its number (as ``contested`` numbers it), kind,
        strength, question, subject, topic, respect, property, papers and sides (each
        side's answer). Lists are joined with ``; ``; missing fields are None."""
        rows = []
        for number, dispute in enumerate(self.to_dict()["disputes"], start=1):
            rows.append({
                "number": number,
                "kind": dispute["kind"],
                "strength": dispute["strength"],
                "question": dispute["question"],
                "subject": "; ".join(dispute["subject"]),
                "topic": dispute.get("topic"),
                "respect": dispute.get("respect"),
                "property": dispute.get("property"),
                "papers": "; ".join(dispute["papers"]),
                "sides": "; ".join(side["answer"] for side in dispute["sides"]),
            })
        return rows

    def to_frame(self) -> Any:
        """:meth:`table` as a pandas DataFrame (the rows themselves without pandas)."""
        return frame(self.table(), CONTESTED_COLUMNS)


class Paths(Answer):
    """``linkage path FROM TO --json``: the chains of relations joining two concepts."""

    __slots__ = ()
    from_: str
    to: str
    mode: str
    filters: Record
    total: int
    exact: bool
    truncated: bool
    stopped: Optional[Record]
    paths: list[Record]


class Shown(Answer):
    """``linkage show NAME --json``: a node with its relations and facts."""

    __slots__ = ()
    node: Record
    relations: list[Record]
    compared_along: list[Record]
    facts: list[Record]


class Position(Answer):
    """``linkage position PAPER --json``: where one paper stands among the others."""

    __slots__ = ()
    paper: str
    cite: str
    text_order: bool
    stopped: Optional[Record]
    looked_at: int
    disputes_within: Record
    summary: list[Record]
    claims: list[Record]


class Found(Answer):
    """``linkage search TEXT --json``: nodes and quotes mentioning a phrase."""

    __slots__ = ()
    total: int
    truncated: bool
    nodes: list[Record]
    quotes: list[Record]


class Matches(Answer):
    """``linkage match TEXT --json``: the existing concepts a phrase means."""

    __slots__ = ()
    text: str
    threshold: float
    total: int
    matches: list[Record]
    closest: list[Record]


class Neighbors(Answer):
    """``linkage neighbors NAME --json``: the ego network of a node."""

    __slots__ = ()
    center: str
    depth: int
    filters: Record
    nodes: list[Record]
    relations: list[Record]


class Nodes(Answer):
    """``linkage list --json``: nodes, grouped by kind."""

    __slots__ = ()
    total: int
    truncated: bool
    nodes: list[Record]


class Outline(Answer):
    """``linkage paper P --json``: one paper's argument in outline."""

    __slots__ = ()
    paper: Record
    text_order: bool
    truncated: bool
    stopped: Optional[Record]
    looked_at: int
    groups: list[Record]
    facts: list[Record]


class Claims(list):  # type: ignore[type-arg]
    """The claims table: one row per claim and source, in the columns of
    ``linkage export --format evidence-csv`` (every cell a string, as in the CSV)."""

    def __init__(self, rows: list[dict[str, str]], columns: list[str]) -> None:
        super().__init__(rows)
        self.columns = columns

    def to_frame(self) -> Any:
        """The rows as a pandas DataFrame (the rows themselves without pandas)."""
        return frame(list(self), self.columns)

"""The dataset as a Python object: every method is a ``linkage`` command answered by
the Rust library on a dataset loaded once, returned as the command's ``--json``
wrapped in objects (:mod:`linkage._answers`). What the command would print to stderr
beside its answer is issued as a :class:`~linkage.LinkageNote` warning."""

from __future__ import annotations

import csv
import io
import os
import tempfile
import warnings
from typing import Any, Iterable, Optional, Sequence, TypeVar, Union

from . import _native
from ._answers import (
    Claims, Comparison, Contested, Diff, Found, Matches, Neighbors, Nodes, Outline,
    Paths, Position, Shown,
)
from ._records import Answer, Record, wrap
from .errors import DataWarning, LinkageNote, NothingFound

# A note goes with one answer: shown each time, not once per line of code as
# warnings are by default. Appended, so the user's own filters come first.
warnings.filterwarnings("always", category=LinkageNote, append=True)

A = TypeVar("A", bound=Answer)
Names = Union[str, Sequence[str], None]
PathLike = Union[str, "os.PathLike[str]"]


def load(data: Optional[PathLike] = None) -> "Graph":
    """Loads a dataset: the five built-in papers on targeted poverty alleviation and
    rural revitalization, or the directory ``data`` (``linkage --data DIR``), validated
    as the command validates it.

    Raises :class:`~linkage.DataError` listing every problem of the data, and
    :class:`~linkage.FileError` when it cannot be read. Warnings of the data are issued
    as :class:`~linkage.DataWarning`.
    """
    directory = None if data is None else os.fspath(data)
    dataset, problems = _native.load(directory)
    for problem in problems:
        warnings.warn(problem.rstrip(), DataWarning, stacklevel=2)
    return Graph(dataset)


def _issue(notes: Iterable[str], stacklevel: int = 3) -> None:
    """Issues each of the command's notes as a :class:`~linkage.LinkageNote`, pointing
    at the user's call (``stacklevel``: the frames between it and here)."""
    for note in notes:
        warnings.warn(note, LinkageNote, stacklevel=stacklevel)


def _many(flag: str, values: Names) -> list[str]:
    """``--flag v1 v2`` for a list (or one string); nothing for None or empty."""
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    values = list(values)
    return [flag, *values] if values else []


def _option(flag: str, value: Any) -> list[str]:
    return [] if value is None else [flag, str(value)]


def _switch(flag: str, on: bool) -> list[str]:
    return [flag] if on else []


def _evidence(evidence: Optional[str]) -> list[str]:
    if evidence is None or evidence == "default":
        return []
    if evidence in ("brief", "quotes"):
        return ["--" + evidence]
    raise ValueError(f"evidence is 'brief', 'quotes' or None, not {evidence!r}")


def _pair(name: str, pair: Optional[Sequence[str]]) -> list[str]:
    if pair is None:
        return []
    pair = list(pair)
    if len(pair) != 2:
        raise ValueError(f"{name} takes two names, not {len(pair)}")
    return ["--" + name, *pair]


def selection(
    *, focus: Names = None, depth: Optional[int] = None, path: Optional[Sequence[str]] = None,
    papers: Names = None, kinds: Names = None, via: Names = None,
    min_papers: Optional[int] = None, top: Optional[int] = None,
    diff: Optional[Sequence[str]] = None,
) -> list[str]:
    """The selection flags of ``linkage dot`` / ``export`` (``--focus``, ``--diff``...)."""
    return [
        *_many("--focus", focus), *_option("--depth", depth), *_pair("path", path),
        *_many("--paper", papers), *_many("--kind", kinds), *_many("--via", via),
        *_option("--min-papers", min_papers), *_option("--top", top), *_pair("diff", diff),
    ]


class Graph:
    """A loaded dataset. Names resolve as on the command line (an id, a label or
    alias in any case, Chinese labels, the same words in another order, a unique part
    of one); an unknown one raises :class:`~linkage.UnknownName`, an ambiguous one
    :class:`~linkage.AmbiguousName`.

    Each query returns the fields of its ``--json`` shape (docs/json.md); its
    ``found`` is False where the command would exit with 1. The GIL is released while
    the query runs.
    """

    def __init__(self, dataset: "_native.Dataset") -> None:
        self._dataset = dataset

    @property
    def data(self) -> Optional[str]:
        """The data directory, or None for the built-in papers."""
        data = self._dataset.data
        return None if data is None else os.fspath(data)

    def __repr__(self) -> str:
        return f"linkage.load({self.data!r})" if self.data else "linkage.load()"

    def command(self, *words: str, json: bool = True) -> tuple[str, bool]:
        """Any command line (the words after ``linkage``) on this dataset: what it
        prints (its ``--json`` form unless ``json`` is False) and whether it found
        anything. Commands that write files write them as the command does; its notes
        are issued as :class:`~linkage.LinkageNote` warnings."""
        text, found, notes = self._dataset.answer(list(words), json)
        _issue(notes)
        return text, found

    def _ask(self, answer: type[A], words: list[str]) -> A:
        data, found, notes = self._dataset.query(words)
        _issue(notes, stacklevel=4)
        return answer(data, found)

    def diff(self, a: str, b: str, *, papers: Names = None, evidence: Optional[str] = None) -> Diff:
        """``linkage diff A B``: what ``a`` and ``b`` share and where they differ, per
        paper. ``papers``: only their claims; ``evidence``: ``"brief"`` (no quotes) or
        ``"quotes"`` (every quote)."""
        return self._ask(Diff, ["diff", *_many("--paper", papers), *_evidence(evidence), "--", a, b])

    def compare(
        self, a: Optional[str] = None, b: Optional[str] = None, *, papers: Names = None,
    ) -> Comparison:
        """``linkage compare [A B]``: which paper asserts which common ground and
        difference (of the pair, or of every pair). ``.to_frame()`` is the matrix of
        ``compare --csv``."""
        pair = [name for name in (a, b) if name is not None]
        return self._ask(Comparison, ["compare", *_many("--paper", papers), "--", *pair])

    def contested(
        self, *names: str, papers: Names = None, limit: Optional[int] = None,
        all: bool = False, evidence: Optional[str] = None,
    ) -> Contested:
        """``linkage contested [NAME...]``: where the papers disagree, strongest first
        (about ``names`` only, when given). ``all``: also pairs related differently.
        ``.to_frame()``: one row per dispute."""
        words = ["contested", *_many("--paper", papers), *_evidence(evidence),
                 *_option("--limit", limit), *_switch("--all", all), "--", *names]
        return self._ask(Contested, words)

    def path(
        self, a: str, b: str, *, all: bool = False, max_len: Optional[int] = None,
        limit: Optional[int] = None, via: Names = None, avoid: Names = None,
        through: Optional[str] = None, papers: Names = None, undirected: bool = False,
        evidence: Optional[str] = None,
    ) -> Paths:
        """``linkage path A B``: every shortest chain of relations from ``a`` to ``b``
        (with ``all``, every chain up to ``max_len``), with the papers asserting each
        step. ``found`` is False when there is none."""
        words = ["path", *_switch("--all", all), *_option("--max-len", max_len),
                 *_option("--limit", limit), *_many("--via", via), *_many("--avoid", avoid),
                 *_option("--through", through), *_many("--paper", papers),
                 *_switch("--undirected", undirected), *_evidence(evidence), "--", a, b]
        return self._ask(Paths, words)

    def show(self, name: str, *, papers: Names = None, evidence: Optional[str] = None) -> Shown:
        """``linkage show NAME``: a node with every relation in and out, and who says so."""
        return self._ask(Shown, ["show", *_many("--paper", papers), *_evidence(evidence), "--", name])

    def position(self, paper: str) -> Position:
        """``linkage position PAPER``: where one paper stands: who says the same, more
        or less, who differs, claim by claim."""
        return self._ask(Position, ["position", "--", paper])

    def search(self, text: str, *, papers: Names = None, limit: Optional[int] = None) -> Found:
        """``linkage search TEXT``: nodes and quotes mentioning a phrase."""
        words = ["search", *_many("--paper", papers), *_option("--limit", limit), "--", text]
        return self._ask(Found, words)

    def match(self, text: str, *, papers: Names = None, limit: Optional[int] = None) -> Matches:
        """``linkage match TEXT``: which existing concepts a phrase means, best first;
        ``found`` is False (and ``matches`` empty) when none is close enough."""
        words = ["match", *_many("--paper", papers), *_option("--limit", limit), "--", text]
        return self._ask(Matches, words)

    def neighbors(
        self, name: str, *, depth: int = 1, via: Names = None, papers: Names = None,
    ) -> Neighbors:
        """``linkage neighbors NAME``: the nodes within ``depth`` relations of a node and
        every relation among them."""
        words = ["neighbors", "--depth", str(depth), *_many("--via", via),
                 *_many("--paper", papers), "--", name]
        return self._ask(Neighbors, words)

    def nodes(self, *, kind: Optional[str] = None, papers: Names = None,
              limit: Optional[int] = None) -> Nodes:
        """``linkage list``: the nodes (of one ``kind``; of some ``papers``)."""
        words = ["list", *_option("--kind", kind), *_many("--paper", papers), *_option("--limit", limit)]
        return self._ask(Nodes, words)

    def papers(self, *, papers: Names = None) -> list[Record]:
        """``linkage papers``: the papers with what is known of their citations
        (unknown fields None) and their claim and quote counts."""
        data, _, notes = self._dataset.query(["papers", *_many("--paper", papers)])
        _issue(notes)
        return wrap(data)

    def paper(self, name: str, *, limit: Optional[int] = None,
              evidence: Optional[str] = None) -> Outline:
        """``linkage paper P``: one paper's argument in outline, in the paper's order."""
        words = ["paper", *_option("--limit", limit), *_evidence(evidence), "--", name]
        return self._ask(Outline, words)

    def claims(self, **select: Any) -> Claims:
        """Every claim and source as a table, in the columns of ``linkage export
        --format evidence-csv`` (the selection keywords of :meth:`figure` narrow it,
        e.g. ``papers="hao"``). ``.to_frame()`` gives a DataFrame."""
        text = self._export("evidence-csv", select)
        reader = csv.DictReader(io.StringIO(text))
        rows = list(reader)
        return Claims(rows, list(reader.fieldnames or []))

    def export(self, format: str, **select: Any) -> str:
        """``linkage export --format FORMAT``: the graph (or the selection) in another
        tool's format, as text (``graphml``, ``json``, ``turtle``, ``evidence-csv``...;
        docs/formats.md)."""
        return self._export(format, select)

    def _export(self, format: str, select: dict[str, Any]) -> str:
        """:meth:`export`, its notes issued at the user's call (two frames up)."""
        words = ["export", "--format", format, *selection(**select)]
        text, _, notes = self._dataset.answer(words, False)
        _issue(notes, stacklevel=4)
        return text

    def to_networkx(self, **select: Any) -> Any:
        """The graph (or the selection) as a ``networkx.MultiDiGraph``, read from the
        GraphML export: every node and edge attribute it carries."""
        import networkx

        graphml = self._export("graphml", select)
        return networkx.read_graphml(io.BytesIO(graphml.encode("utf-8")))

    def figure(
        self, *, diff: Optional[Sequence[str]] = None, focus: Names = None,
        depth: Optional[int] = None, path: Optional[Sequence[str]] = None,
        papers: Names = None, kinds: Names = None, via: Names = None,
        min_papers: Optional[int] = None, top: Optional[int] = None,
        style: Optional[str] = None, cluster: Optional[str] = None, legend: bool = False,
        rankdir: Optional[str] = None, lang: Optional[str] = None, cite: bool = False,
        title: Optional[str] = None, positions: bool = False,
    ) -> "Figure":
        """A diagram as ``linkage dot`` and ``linkage render`` draw it: Jupyter shows it
        as SVG; ``.save("x.svg" | "x.png" | "x.pdf")`` writes it; ``.dot`` is its DOT.
        Drawing needs Graphviz's ``dot`` on PATH."""
        select = selection(focus=focus, depth=depth, path=path, papers=papers, kinds=kinds,
                           via=via, min_papers=min_papers, top=top, diff=diff)
        look = [*_option("--style", style), *_option("--cluster", cluster),
                *_switch("--legend", legend), *_option("--rankdir", rankdir),
                *_option("--lang", lang), *_switch("--cite", cite),
                *_option("--title", title), *_switch("--positions", positions)]
        return Figure(self._dataset, [*select, *look])


class Figure:
    """A diagram of the graph: the DOT of ``linkage dot``, drawn by Graphviz through
    ``linkage render`` (the library's one DOT writer and Graphviz runner).

    Its notes are issued once: when it is made (those of ``linkage dot``) and when it
    is first drawn (those only drawing finds, such as a figure turned left to right);
    drawing it again, or showing it again in a notebook, repeats none."""

    def __init__(self, dataset: "_native.Dataset", words: list[str]) -> None:
        self._dataset = dataset
        self._words = words
        self.dot, self.found, notes = dataset.answer(["dot", *words], False)
        """The DOT text; ``found`` is False when the selection is empty."""
        self._noted = set(notes)
        self._svg: Optional[str] = None
        _issue(notes, stacklevel=4)

    def __repr__(self) -> str:
        return f"Figure({' '.join(self._words)})"

    def save(self, path: PathLike, *, format: Optional[str] = None, dpi: int = 150) -> None:
        """Writes the figure (atomically) to ``path``; its extension (``.svg``,
        ``.png``, ``.pdf``) picks the format unless ``format`` is given."""
        self._save(path, format, dpi)

    def _save(self, path: PathLike, format: Optional[str], dpi: int, stacklevel: int = 4) -> None:
        if not self.found:
            raise NothingFound("nothing to draw: the selection is empty; no file written")
        words = ["render", *self._words, *_option("--format", format),
                 "--dpi", str(dpi), "--output", os.fspath(path)]
        _, _, notes = self._dataset.answer(words, False)
        new = [note for note in notes if note not in self._noted]
        self._noted.update(new)
        _issue(new, stacklevel=stacklevel)

    def svg(self) -> str:
        """The figure as SVG text (drawn once, then kept)."""
        if self._svg is None:
            with tempfile.TemporaryDirectory() as directory:
                file = os.path.join(directory, "figure.svg")
                self._save(file, None, 150)
                with open(file, encoding="utf-8") as svg:
                    self._svg = svg.read()
        return self._svg

    def _repr_svg_(self) -> str:
        return self.svg()

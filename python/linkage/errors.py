"""The exceptions linkage raises: one for each variant of the library's ``Error``.

The extension builds them from the typed error (``python/src/exceptions.rs``), never by
reading a message, so every field below is the library's own value.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Optional


class LinkageError(Exception):
    """Anything that stops a linkage query. ``str(error)`` is the command's message."""

    message: str

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UnknownName(LinkageError, LookupError):
    """A name that matches no node (or paper).

    ``closest`` holds the ids of the closest candidates, best first (perhaps none),
    as the command lists them.
    """

    def __init__(self, message: str, *, name: str, of: str, closest: list[str]) -> None:
        super().__init__(message)
        self.name = name
        #: ``"node"`` or ``"paper"``: what the name was to name.
        self.of = of
        self.closest = closest


class AmbiguousName(LinkageError, LookupError):
    """A name that matches several nodes (or papers); an id picks one.

    ``matches`` holds their ids (the first ten at most for nodes); ``total`` counts
    them all.
    """

    def __init__(
        self, message: str, *, name: str, of: str, matches: list[str], total: int
    ) -> None:
        super().__init__(message)
        self.name = name
        #: ``"node"`` or ``"paper"``: what the name was to name.
        self.of = of
        self.matches = matches
        self.total = total


@dataclass(frozen=True)
class Problem:
    """One problem found in a data file, where the file places it."""

    severity: str
    """``"error"`` or ``"warning"``."""
    file: str
    """The file as the user knows it (a path, or ``<embedded>/name.json``)."""
    line: Optional[int]
    """1-based line, when the problem has a place in the file."""
    column: Optional[int]
    """1-based column in characters."""
    message: str
    """What is wrong."""
    hint: Optional[str]
    """How to fix it, when linkage can tell."""
    text: str
    """The problem as ``linkage check`` prints it (place, line of the file, caret, hint)."""

    def __str__(self) -> str:
        return self.text


class DataError(LinkageError, ValueError):
    """The dataset has problems; ``problems`` lists every one found."""

    def __init__(self, message: str, *, problems: list[Problem]) -> None:
        super().__init__(message)
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join([self.message, *(p.text.rstrip() for p in self.problems)])


class FileError(LinkageError, OSError):
    """A file or directory could not be read or written."""

    def __init__(
        self, message: str, *, action: str, path: "str | os.PathLike[str]", reason: str
    ) -> None:
        LinkageError.__init__(self, message)
        #: What was tried: ``"read"``, ``"read directory"``, ``"write"``...
        self.action = action
        self.path: str = os.fspath(path)
        #: The operating system's reason.
        self.reason = reason

    def __str__(self) -> str:
        return self.message


class UsageError(LinkageError, ValueError):
    """A call asks for something that cannot be done (as bad usage on the command line)."""


class ExternalError(LinkageError):
    """An outside program (Graphviz) failed or is missing."""


class NothingFound(LinkageError):
    """A figure whose selection is empty: nothing to draw."""


class DataWarning(UserWarning):
    """A problem of the data that does not stop loading (a byte-order mark, say)."""


class LinkageNote(UserWarning):
    """A note that goes with an answer without being part of it, which the command
    prints to stderr: a figure drawn left to right to keep its text readable, papers
    sharing text counted as two, an empty selection. Issued by ``warnings.warn`` so a
    notebook shows it under the cell (the process's stderr never reaches it), and
    shown every time it is issued (a filter this package appends after the user's
    own: ``warnings.filterwarnings("ignore", category=LinkageNote)`` silences it).
    """

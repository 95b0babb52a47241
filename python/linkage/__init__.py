"""linkage: the logic of academic papers as a typed concept graph, from Python.

``linkage.load()`` gives the five built-in papers on targeted poverty alleviation
(``tpa``) and rural revitalization (``rr``); ``linkage.load("mydata")`` a directory in
the same format. Every query is the ``linkage`` command's own, answered by the same
Rust library; its result carries the fields of the command's ``--json`` (docs/json.md)::

    import linkage
    g = linkage.load()
    d = g.diff("tpa", "rr", papers=["hao"])
    [row.label for row in d.common_ground]
    g.compare("tpa", "rr").to_frame()       # a pandas DataFrame (rows without pandas)
    g.figure(diff=("tpa", "rr"))            # shown as SVG in Jupyter

The package also installs the ``linkage`` command itself.
"""

from ._answers import (
    Claims, Comparison, Contested, Diff, Found, Matches, Neighbors, Nodes, Outline,
    Paths, Position, Shown,
)
from ._graph import Figure, Graph, load
from ._native import __version__
from ._records import Answer, Record
from .errors import (
    AmbiguousName, DataError, DataWarning, ExternalError, FileError, LinkageError,
    NothingFound, Problem, UnknownName, UsageError,
)

__all__ = [
    "load", "Graph", "Figure", "Record", "Answer", "Diff", "Comparison", "Contested",
    "Paths", "Shown", "Position", "Found", "Matches", "Neighbors", "Nodes", "Outline",
    "Claims", "LinkageError", "UnknownName", "AmbiguousName", "DataError", "Problem",
    "FileError", "UsageError", "ExternalError", "NothingFound", "DataWarning",
    "__version__",
]

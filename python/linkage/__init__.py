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

# What the package offers, each imported when first used (PEP 562): the `linkage`
# command imports this package before its own module, and must not pay for typing,
# dataclasses, json and csv at every start. `__init__.pyi` states the same names
# for editors and type checkers.
_WHERE = {
    **dict.fromkeys(["load", "Graph", "Figure"], "_graph"),
    **dict.fromkeys(["Record", "Answer"], "_records"),
    **dict.fromkeys(
        ["Diff", "Comparison", "Contested", "Paths", "Shown", "Position", "Found",
         "Matches", "Neighbors", "Nodes", "Outline", "Claims"], "_answers"),
    **dict.fromkeys(
        ["LinkageError", "UnknownName", "AmbiguousName", "DataError", "Problem",
         "FileError", "UsageError", "ExternalError", "NothingFound", "DataWarning",
         "LinkageNote"],
        "errors"),
}

__all__ = [*_WHERE, "__version__"]

from ._native import __version__  # noqa: E402  (the extension: no Python imports)


def __getattr__(name: str) -> object:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'linkage' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])

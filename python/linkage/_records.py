"""Query results as Python objects: each wraps the very JSON the command's ``--json``
prints (shapes in docs/json.md), with attribute access and ``to_dict()``.

Nothing is recomputed here: a field is the JSON's value, a nested object another
:class:`Record`, a list of objects a list of them. Keys that are Python keywords
(``from``) read with a trailing underscore (``claim.from_``) or by item
(``claim["from"]``).

The JSON stays in Rust (``_native.JsonObject``, python/src/tree.rs) and a field is
made a Python value when it is read, so a query costs Python only what it reads;
``to_dict()`` makes the whole answer at once.
"""

from __future__ import annotations

import keyword
from typing import Any, Iterator

from ._native import JsonObject


def wrap(value: Any) -> Any:
    """``value`` with every JSON object in it as a :class:`Record`."""
    if isinstance(value, JsonObject):
        return Record(value)
    if isinstance(value, list):
        return [wrap(item) for item in value]
    return value


_MISSING = object()


class Record:
    """One JSON object of linkage's output: ``record.field``, ``record["field"]``."""

    __slots__ = ("_data",)

    def __init__(self, data: JsonObject) -> None:
        object.__setattr__(self, "_data", data)

    def __getattr__(self, name: str) -> Any:
        data = object.__getattribute__(self, "_data")
        value = data.get(name, _MISSING)
        if value is not _MISSING:
            return wrap(value)
        if name.endswith("_") and keyword.iskeyword(name[:-1]) and name[:-1] in data:
            return wrap(data[name[:-1]])
        raise AttributeError(
            f"{type(self).__name__} has no field {name!r} (fields: {', '.join(data)})"
        )

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("linkage's results are read-only; to_dict() gives a copy")

    def __getitem__(self, key: str) -> Any:
        return wrap(self._data[key])

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Record):
            return self._data == other._data
        return NotImplemented

    def __hash__(self) -> int:
        raise TypeError(f"unhashable type: {type(self).__name__!r}")

    def __dir__(self) -> list[str]:
        fields = [k + "_" if keyword.iskeyword(k) else k for k in self._data]
        return sorted({*fields, "keys", "to_dict"})

    def keys(self) -> list[str]:
        """The JSON object's keys, in its order."""
        return self._data.keys()

    def to_dict(self) -> dict[str, Any]:
        """The JSON object as plain dicts and lists (made anew at each call)."""
        return self._data.to_python()

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={_short(self._data[k])}" for k in self._data.keys())
        return f"{type(self).__name__}({shown})"


def _short(value: Any) -> str:
    if isinstance(value, list):
        return f"[{len(value)} items]"
    if isinstance(value, JsonObject):
        return "{...}"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class Answer(Record):
    """A query's answer. ``found`` is False where the command exits with 1 (nothing
    found): an empty result, not an error."""

    __slots__ = ("found",)

    def __init__(self, data: JsonObject, found: bool) -> None:
        super().__init__(data)
        object.__setattr__(self, "found", found)

    def __bool__(self) -> bool:
        return self.found


def frame(rows: list[dict[str, Any]], columns: list[str]) -> Any:
    """A pandas DataFrame of ``rows`` when pandas is installed, else the rows."""
    try:
        import pandas
    except ImportError:
        return rows
    return pandas.DataFrame(rows, columns=columns)

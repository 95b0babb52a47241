"""Type stubs of the compiled extension (python/src/lib.rs)."""

from typing import Any, Optional

__version__: str

def main(argv: list[str]) -> int:
    """Runs the ``linkage`` command on ``argv`` (first word the program's name);
    returns its exit code."""

def load(data: Optional[str] = None) -> tuple[Dataset, list[str]]:
    """Loads the built-in dataset (``None``) or a directory; returns it and its warnings."""

class Dataset:
    """A dataset loaded once."""

    @property
    def data(self) -> Optional[str]: ...
    def answer(self, words: list[str], json: bool) -> tuple[str, bool, list[str]]:
        """Answers the command line ``words``: its output, whether it found anything,
        and the notes the command would print to stderr."""
    def query(self, words: list[str]) -> tuple[Any, bool, list[str]]:
        """Answers the query ``words`` with its ``--json`` as data (objects as
        :class:`JsonObject`), whether it found anything, and its notes."""
    def _rust_side(self, words: list[str]) -> bool:
        """The Rust side of :meth:`query` alone (for bench/python_overhead.py)."""

class JsonObject:
    """One JSON object of an answer, held in Rust; each field converted when read."""

    def __getitem__(self, key: str) -> Any: ...
    def get(self, key: str, default: Any = None) -> Any: ...
    def __contains__(self, key: object) -> bool: ...
    def __len__(self) -> int: ...
    def keys(self) -> list[str]: ...
    def to_python(self) -> dict[str, Any]:
        """The whole object as plain dicts and lists."""

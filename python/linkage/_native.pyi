"""Type stubs of the compiled extension (python/src/lib.rs)."""

from typing import Optional

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
    def answer(self, words: list[str], json: bool) -> tuple[str, bool]:
        """Answers the command line ``words``: its output and whether it found anything."""

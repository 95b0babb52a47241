# The package's names for editors and type checkers (__init__.py imports them lazily).
from ._answers import (
    Claims as Claims, Comparison as Comparison, Contested as Contested, Diff as Diff,
    Found as Found, Matches as Matches, Neighbors as Neighbors, Nodes as Nodes,
    Outline as Outline, Paths as Paths, Position as Position, Shown as Shown,
)
from ._graph import Figure as Figure, Graph as Graph, load as load
from ._native import __version__ as __version__
from ._records import Answer as Answer, Record as Record
from .errors import (
    AmbiguousName as AmbiguousName, DataError as DataError, DataWarning as DataWarning,
    ExternalError as ExternalError, FileError as FileError, LinkageError as LinkageError,
    LinkageNote as LinkageNote,
    NothingFound as NothingFound, Problem as Problem, UnknownName as UnknownName,
    UsageError as UsageError,
)

__all__: list[str]

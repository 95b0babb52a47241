"""Executes a notebook (nbclient) and checks its outputs are the committed ones.

    python scripts/notebook.py docs/notebook.ipynb           # check (CI)
    python scripts/notebook.py docs/notebook.ipynb --write   # refresh the committed outputs

Text outputs must match exactly; a cell whose committed output is an image must still
produce one (Graphviz's SVG differs in detail between its versions). A warning on
stderr (a `LinkageNote`) is compared without where Python says it was raised (a file
of the kernel's or of the installed package, different at every run) and the line of
code it quotes. Runs in the current interpreter's kernel, so `linkage` is whatever
this Python imports.
"""

from __future__ import annotations

import re
import sys

import nbformat
from nbclient import NotebookClient


# `FILE:LINE: Category: message`, as `warnings.showwarning` writes a warning.
WARNING = re.compile(r"^\S.*?:\d+: (?=\w+: )")


def stderr(text: str) -> str:
    """`text` with each warning's place dropped, and the line of code under it."""
    kept = []
    after_warning = False
    for line in text.splitlines(keepends=True):
        if after_warning and line.startswith("  "):
            after_warning = False
            continue
        after_warning = bool(WARNING.match(line))
        kept.append(WARNING.sub("", line))
    return "".join(kept)


def texts(cell: nbformat.NotebookNode) -> list[object]:
    """What a cell showed: its text outputs, and the kinds of its images."""
    shown: list[object] = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            text = stderr(output.text) if output.name == "stderr" else output.text
            shown.append((output.name, text))
        elif output.output_type in ("execute_result", "display_data"):
            data = output.data
            if "image/svg+xml" in data or "image/png" in data:
                shown.append("image")
            else:
                shown.append(data.get("text/plain"))
        elif output.output_type == "error":
            shown.append(("error", output.ename, output.evalue))
    return shown


def main() -> int:
    path, write = sys.argv[1], "--write" in sys.argv[2:]
    committed = nbformat.read(path, as_version=4)
    executed = nbformat.read(path, as_version=4)
    NotebookClient(executed, timeout=300, kernel_name="python3", record_timing=False).execute()
    if write:
        for cell in executed.cells:
            cell.metadata.pop("execution", None)  # timestamps: a diff at every run
        nbformat.write(executed, path)
        print(f"wrote {path}")
        return 0
    differ = [
        i for i, (old, new) in enumerate(zip(committed.cells, executed.cells))
        if old.cell_type == "code" and texts(old) != texts(new)
    ]
    if differ:
        print(f"{path}: cells {differ} print something else than the committed outputs; "
              f"run `python scripts/notebook.py {path} --write` and commit", file=sys.stderr)
        return 1
    print(f"{path}: every cell ran and printed its committed output")
    return 0


if __name__ == "__main__":
    sys.exit(main())

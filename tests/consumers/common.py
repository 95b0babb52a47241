"""Shared helpers of the consumer checks: each check reads an export with its real
consumer and compares what it reads with linkage's own JSON export of the same data
(`linkage export --format json`), the reference of what linkage wrote."""

import json
import sys


def load_reference(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


class Mismatch(Exception):
    pass


def expect(what, got, want):
    if got != want:
        raise Mismatch(f"{what}: read back {got!r}, linkage wrote {want!r}")


def main(check):
    """Runs check(argv) -> summary dict; prints the summary as JSON, or the mismatch
    on stderr with exit code 1."""
    try:
        summary = check(sys.argv[1:])
    except Mismatch as e:
        print(f"mismatch: {e}", file=sys.stderr)
        sys.exit(1)
    print(json.dumps(summary, ensure_ascii=False, sort_keys=True))

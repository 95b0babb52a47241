#!/usr/bin/env python3
"""What the Python package adds to linkage's own time: loading, and each query.

    python bench/python_overhead.py [DIR [PAIRS]]   # the shipped five; or a generated dataset

Run it where the wheel is installed (a release build). For each query it times, in one
process, the Rust side alone (the extension's `answer`: the command line parsed, the
query run, its JSON written) and the whole Python call (that, then `json.loads` and the
result objects), and prints the medians and the Python overhead as a share of the Rust
time. Loading is timed the same way (`linkage.load()`, the median of fresh loads). Times are
the process's CPU time, medians of 21 runs (5 loads of a generated dataset).
Whole processes (the wheel's console script against the Rust binary) are farm-bench's
job: see bench/README.md.
"""

from __future__ import annotations

import statistics
import sys
import time

import linkage


def median_seconds(call, runs: int) -> float:
    """The median CPU time of `call` in this process (CPU, not wall: on a shared
    machine the wall clock counts other processes' turns)."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        call()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    data = sys.argv[1] if len(sys.argv) > 1 else None
    loads = 21 if data is None else 5
    load = median_seconds(lambda: linkage.load(data), loads)
    print(f"load {'the shipped five' if data is None else data}: {load * 1000:.1f} ms "
          f"(median of {loads})")
    runs = 21
    g = linkage.load(data)
    if data is None:
        queries = {
            "diff tpa rr": (lambda: g.diff("tpa", "rr"), ["diff", "--", "tpa", "rr"]),
            "compare": (lambda: g.compare(), ["compare", "--"]),
            "contested": (lambda: g.contested(), ["contested", "--"]),
            "show tpa": (lambda: g.show("tpa"), ["show", "--", "tpa"]),
            "path cpc common-prosperity --all --max-len 4": (
                lambda: g.path("cpc", "common-prosperity", all=True, max_len=4),
                ["path", "--all", "--max-len", "4", "--", "cpc", "common-prosperity"]),
            "position hao": (lambda: g.position("hao"), ["position", "--", "hao"]),
            "search 'common prosperity'": (
                lambda: g.search("common prosperity"), ["search", "--", "common prosperity"]),
        }
    else:
        pairs = [line.split() for line in open(sys.argv[2])][:5]
        queries = {}
        for a, b in pairs:
            queries[f"path {a} {b}"] = (lambda a=a, b=b: g.path(a, b), ["path", "--", a, b])
        a, b = pairs[0]
        queries[f"neighbors {a} --depth 2"] = (
            lambda: g.neighbors(a, depth=2), ["neighbors", "--depth", "2", "--", a])
        queries[f"diff {a} {b}"] = (lambda: g.diff(a, b), ["diff", "--", a, b])
    print(f"{'query':<48} {'Rust ms':>9} {'Python ms':>10} {'overhead':>9}")
    for name, (call, words) in queries.items():
        rust = median_seconds(lambda: g._dataset.answer(words, True), runs)
        whole = median_seconds(call, runs)
        print(f"{name:<48} {rust * 1000:9.2f} {whole * 1000:10.2f} "
              f"{(whole - rust) / rust:9.1%}")


if __name__ == "__main__":
    main()

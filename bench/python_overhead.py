#!/usr/bin/env python3
"""What the Python package adds to linkage's own time: loading, and each query.

    python bench/python_overhead.py [DIR [PAIRS]]   # the shipped five; or a generated dataset
    python bench/python_overhead.py DIR PAIRS --every-pair objects|json
                                                    # one process: load, then `path A B`
                                                    # for every pair, for farm-bench --vs

Run it where the wheel is installed (a release build). For each query it times, in one
process:
- Rust: the Rust side of the call alone (`Dataset._rust_side`: the command line parsed,
  the query run, its report made into a JSON value, with the GIL released);
- Python call: the whole call (`g.diff(...)`: that, then the answer handed to Python,
  whose fields are converted when read), and its overhead as a share of the Rust time;
- to_dict(): the call with every field converted (`g.diff(...).to_dict()`);
- JSON text, and JSON text + json.loads: what a call cost before, the command's `--json`
  text made in Rust (`Dataset.answer`), and that parsed by `json.loads`, for comparison.
Loading is timed as `linkage.load()`, the median of fresh loads, in CPU and wall time.
Times are the process's CPU time, medians of 101 runs (5 loads of a generated dataset);
the Rust side and the call are timed in turn, one after the other in each run, and the
overhead is the median of the runs' differences over the median Rust time, so that
the machine's drift between runs falls on both alike.
Whole processes (the wheel's console script against the Rust binary) are farm-bench's
job: see bench/README.md.
"""

from __future__ import annotations

import json
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


def paired(rust, call, runs: int) -> tuple[float, float, float]:
    """The medians of `rust`'s and `call`'s CPU times, timed in turn in each run, and
    the median of each run's difference (call less rust)."""
    rusts, calls = [], []
    for _ in range(runs):
        start = time.process_time()
        rust()
        middle = time.process_time()
        call()
        calls.append(time.process_time() - middle)
        rusts.append(middle - start)
    differences = [c - r for c, r in zip(calls, rusts)]
    return statistics.median(rusts), statistics.median(calls), statistics.median(differences)


def median_wall(call, runs: int) -> float:
    """The median wall-clock time of `call`."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def every_pair(data: str, pairs: str, way: str) -> None:
    """Loads `data` and answers `path A B` for every pair of `pairs`, reading each
    answer's `total`: as the package answers (`objects`), or as it did before, the
    command's JSON text parsed by `json.loads` (`json`). Whole processes of the two,
    side by side under farm-bench, show what the way of answering costs at scale."""
    g = linkage.load(data)
    totals = 0
    for a, b in (line.split() for line in open(pairs)):
        if way == "objects":
            totals += g.path(a, b).total
        else:
            text, _, _ = g._dataset.answer(["path", "--", a, b], True)
            totals += json.loads(text)["total"]
    print(totals)


def main() -> None:
    if "--every-pair" in sys.argv:
        every_pair(sys.argv[1], sys.argv[2], sys.argv[sys.argv.index("--every-pair") + 1])
        return
    data = sys.argv[1] if len(sys.argv) > 1 else None
    loads = 21 if data is None else 5
    load = median_seconds(lambda: linkage.load(data), loads)
    wall = median_wall(lambda: linkage.load(data), loads)
    print(f"load {'the shipped five' if data is None else data}: {load * 1000:.1f} ms CPU, "
          f"{wall * 1000:.1f} ms wall (medians of {loads})")
    runs = 101
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
    print(f"{'query':<46} {'Rust ms':>8} {'call ms':>8} {'overhead':>8} "
          f"{'to_dict ms':>10} {'JSON ms':>8} {'JSON+loads ms':>13}")
    for name, (call, words) in queries.items():
        rust, whole, overhead = paired(lambda: g._dataset._rust_side(words), call, runs)
        every = median_seconds(lambda: call().to_dict(), runs)
        text = median_seconds(lambda: g._dataset.answer(words, True), runs)
        before = median_seconds(lambda: json.loads(g._dataset.answer(words, True)[0]), runs)
        print(f"{name:<46} {rust * 1000:8.2f} {whole * 1000:8.2f} "
              f"{overhead / rust:8.1%} {every * 1000:10.2f} {text * 1000:8.2f} "
              f"{before * 1000:13.2f}")


if __name__ == "__main__":
    main()

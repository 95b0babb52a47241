#!/usr/bin/env python3
"""linkage against networkx, rustworkx and igraph on generated datasets (bench/compare).

    compare.py LINKAGE DIR [DIR ...] [--runs N] [--processes K]

For each dataset DIR (from gen_graph.py): linkage's `check` (load and full validation,
whole process), its in-process load and 200 one-route path queries from DIR.inproc.json
(written by `cargo bench --bench path_query`), `batch` answering the 200 pairs of DIR.pairs as `path A B --limit 1` in
one process, and K of those queries as separate processes (the time of 200 is
extrapolated from K when K < 200, and said so); then each Python peer (peer.py) loading
the same graph and answering the same pairs. Wall time and peak memory are the whole
process's, from os.wait4; the median of N runs. Path lengths are cross-checked: a
disagreement stops the benchmark. Prints a Markdown table.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

PEERS = ["networkx-attrs", "networkx-json", "rustworkx-json", "igraph-json",
         "networkx-edges", "rustworkx-edges", "igraph-edges"]
HERE = os.path.dirname(os.path.abspath(__file__))


def measure(argv, stdin=None):
    """(wall seconds, peak MB, stdout) of one whole process."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL if stdin is None else open(stdin),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.stdout.read(), proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(argv)} exited {code}: {err.decode()[-2000:]}")
    return wall, usage.ru_maxrss / 1024, out.decode()


def median_of(runs, argv, stdin=None):
    results = [measure(argv, stdin) for _ in range(runs)]
    return (statistics.median(r[0] for r in results),
            statistics.median(r[1] for r in results), results[-1][2])


def bench(linkage, data, runs, processes):
    pairs = [line.split() for line in open(data + ".pairs") if line.strip()]
    queries = data + ".batch"
    with open(queries, "w") as f:
        for a, b in pairs:
            f.write(f"path {a} {b} --limit 1\n")
    rows = {}
    check_wall, check_peak, _ = median_of(runs, [linkage, "--data", data, "check"])
    batch_wall, batch_peak, out = median_of(runs, [linkage, "--data", data, "batch", queries])
    answers = [json.loads(line) for line in out.splitlines()]
    lengths = [a["paths"][0]["length"] if a.get("paths") else -1 for a in answers]
    k = min(processes, len(pairs))
    started = time.perf_counter()
    for a, b in pairs[:k]:
        measure([linkage, "--data", data, "path", a, b, "--limit", "1", "--json"])
    separate = (time.perf_counter() - started) * len(pairs) / k
    with open(data + ".inproc.json") as f:
        inproc = json.load(f)
    if [q["length"] for q in inproc["queries"]] != lengths:
        sys.exit(f"linkage batch and the library disagree on {data}")
    rows["linkage"] = {"load": inproc["load_seconds"], "load_whole": check_wall,
                       "queries": sum(q["one_route_seconds"] for q in inproc["queries"]),
                       "batch": batch_wall, "peak": max(check_peak, batch_peak),
                       "separate": separate, "separate_k": k}
    for peer in PEERS:
        wall, peak, out = median_of(runs, [sys.executable, os.path.join(HERE, "peer.py"), peer, data])
        result = json.loads(out)
        if result["lengths"] != lengths:
            bad = [i for i, (x, y) in enumerate(zip(result["lengths"], lengths)) if x != y]
            sys.exit(f"{peer} disagrees with linkage on pairs {bad[:10]} of {data}")
        rows[peer] = {"load": result["load"], "load_whole": wall - result["queries"],
                      "queries": result["queries"], "peak": peak}
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("linkage")
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--processes", type=int, default=200)
    args = ap.parse_args()
    print("| dataset | tool | load in process (s) | load, whole process (s) "
          "| 200 shortest paths (s) | peak (MB) | load, whole process: peer / linkage "
          "| peak: peer / linkage |")
    print("|---|---|---|---|---|---|---|---|")
    for data in args.dirs:
        data = data.rstrip("/")
        rows = bench(args.linkage, data, args.runs, args.processes)
        name = os.path.basename(data)
        ours = rows["linkage"]
        for tool, row in rows.items():
            ratio_load = "" if tool == "linkage" else f"{row['load_whole'] / ours['load_whole']:.2f}x"
            ratio_peak = "" if tool == "linkage" else f"{row['peak'] / ours['peak']:.2f}x"
            print(f"| {name} | {tool} | {row['load']:.2f} | {row['load_whole']:.2f} "
                  f"| {row['queries']:.3f} | {row['peak']:.0f} | {ratio_load} | {ratio_peak} |")
        how = "measured" if ours["separate_k"] >= 200 else f"{ours['separate_k']} measured, x{200 / ours['separate_k']:.0f}"
        print(f"| {name} | linkage batch: 200 paths in one process, whole | | "
              f"{ours['batch']:.2f} | | | | |")
        print(f"| {name} | linkage: 200 processes of one path each ({how}) | | "
              f"{ours['separate']:.1f} | | | | |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Side-by-side table of linkage and networkx on one generated graph.

    report.py DIR LINKAGE_JSON NX_JSON LINKAGE_BIN [--runs 3]

LINKAGE_JSON is the output of `cargo bench --bench path_query -- DIR DIR.pairs`,
NX_JSON that of bench/nx_shortest.py on DIR.edges and DIR.pairs. The command-line
timings (`linkage --data DIR check`, load only; `linkage --data DIR path A B`, load
and query) are taken here, best of --runs, wall clock and CPU.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time


def timed(cmd, runs):
    """Best wall-clock and CPU seconds of `runs` runs of cmd (output discarded)."""
    best_wall = best_cpu = None
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=False)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_wall = wall if best_wall is None else min(best_wall, wall)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    return best_wall, best_cpu


def ms(seconds):
    return f"{seconds * 1000:.3f} ms"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("linkage_json")
    ap.add_argument("nx_json")
    ap.add_argument("linkage_bin")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    lk = json.load(open(args.linkage_json))
    nx = json.load(open(args.nx_json))

    disagree = [
        (a["from"], a["to"], a["length"], b["length"])
        for a, b in zip(lk["queries"], nx["queries"])
        if a["length"] != b["length"]
    ]
    if disagree:
        print(f"linkage and networkx disagree on {len(disagree)} lengths: {disagree[:5]}")
        sys.exit(1)

    first = lk["queries"][0]
    check_wall, check_cpu = timed([args.linkage_bin, "--data", args.dir, "check"], args.runs)
    path_wall, path_cpu = timed(
        [args.linkage_bin, "--data", args.dir, "path", first["from"], first["to"]], args.runs
    )

    def stats(queries, key):
        values = [q[key] for q in queries]
        return statistics.median(values), statistics.mean(values), max(values)

    lk_all = stats(lk["queries"], "seconds")
    lk_one = stats(lk["queries"], "one_route_seconds")
    nx_one = stats(nx["queries"], "seconds")
    lengths = sorted({q["length"] for q in nx["queries"]})
    print(f"graph: {lk['nodes']} nodes, {lk['relations']} relations "
          f"({nx['edges']} directed edges for networkx, symmetric relations both ways); "
          f"{len(lk['queries'])} random pairs, path lengths {lengths}; lengths agree")
    print()
    rows = [
        ("load, in process", f"{lk['load_seconds']:.2f} s", f"{nx['load_seconds']:.2f} s"),
        ("shortest path, median", ms(lk_one[0]), ms(nx_one[0])),
        ("shortest path, mean", ms(lk_one[1]), ms(nx_one[1])),
        ("shortest path, max", ms(lk_one[2]), ms(nx_one[2])),
        ("all shortest paths + count, median", ms(lk_all[0]), "-"),
        ("all shortest paths + count, mean", ms(lk_all[1]), "-"),
        ("all shortest paths + count, max", ms(lk_all[2]), "-"),
        ("CLI `check` (load only), wall / CPU", f"{check_wall:.2f} s / {check_cpu:.2f} s", "-"),
        ("CLI `path A B` (load + query), wall / CPU", f"{path_wall:.2f} s / {path_cpu:.2f} s", "-"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'':{width}}  {'linkage':>22}  {'networkx':>12}")
    for name, a, b in rows:
        print(f"{name:{width}}  {a:>22}  {b:>12}")
    print()
    print("linkage 'shortest path' lists one route (--limit 1) but still finds every shortest")
    print("route's nodes and counts them; the default `path` query lists up to 50 with all")
    print("their relations. networkx: nx.shortest_path (bidirectional BFS), one path.")
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""linkage against networkx, rustworkx and igraph on generated datasets (bench/compare).

    compare.py LINKAGE DIR [DIR ...] [--runs N] [--processes K] [--plot PNG] [--results JSON]
    compare.py --from-results JSON [--runs N] [--plot PNG]    # tables and plot again

For each dataset DIR (from gen_graph.py) and its 200 pairs DIR.pairs, the queries
(defined in bench/queries.rs and peer.py, the same for every tool):
  shortest  one shortest route, every pair             `path A B --limit 1`
  simple    every simple route of at most 5 relations,  `path A B --all --max-len 5 --limit 1`
            counted, the first SIMPLE pairs
  ego       the ego network of depth 2, either          `neighbors A --depth 2`
            direction, of the first EGO pairs' FROM
  diff      common and exclusive neighbours, the first  `diff A B`
            DIFF pairs

Then the targets of the scale issue (bench/targets.py: warm check, warm show and path,
export peaks against the loaded graph, a TAB of completion, cold load against
networkx), printed as a "targets" table with the load average in its caption and
stored under each dataset's "targets" in the results JSON.

linkage is measured three ways: `check` (load and full validation, whole process;
also cold with `--no-cache`, when `linkage --help` lists it; and the whole graph
loaded from a warm cache, as `papers --brief`),
`batch` answering every query above in one process (whole process; and the 200
shortest paths alone), and in library
(DIR.inproc-*.json, written by `cargo bench --bench queries`: load and each kind of
query timed in process). K single `path` processes show the cost of one process per
query (the time of 200 extrapolated from K, and said so). Each Python peer (peer.py)
loads the graph and answers the same queries in one process. Wall time and peak
memory are the whole process's (bench/process.py: peak from GNU time); every figure is the median of N runs.
"load, whole process" of a peer is its wall time less its queries.

Answers are cross-checked: linkage's batch against its library, then every peer
against linkage (shortest lengths, route counts, ego sizes, diff counts); a
disagreement stops the benchmark. Prints Markdown tables; writes the figures as JSON
and, with --plot, a PNG of time and memory against size.
"""

import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import time

import process
import targets

PEERS = ["networkx-attrs", "networkx-json", "rustworkx-json", "igraph-json",
         "networkx-edges", "rustworkx-edges", "igraph-edges"]
KINDS = ["shortest", "simple", "ego", "diff"]
SIMPLE, EGO, DIFF = 10, 20, 20
HERE = os.path.dirname(os.path.abspath(__file__))


def measure(argv, stdin=None):
    """(wall seconds, peak MB, stdout) of one whole process (bench/process.py)."""
    wall, peak, _, out = process.run(argv, stdin=stdin)
    return wall, peak, out


def median_of(runs, argv, stdin=None):
    results = [measure(argv, stdin) for _ in range(runs)]
    return (statistics.median(r[0] for r in results),
            statistics.median(r[1] for r in results), results[-1][2])


def has_cache(linkage):
    """Whether this linkage has a load cache (`--no-cache` in its help)."""
    return "--no-cache" in subprocess.run([linkage, "--help"], capture_output=True,
                                          text=True).stdout


def batch_queries(pairs):
    lines = [f"path {a} {b} --limit 1" for a, b in pairs]
    lines += [f"path {a} {b} --all --max-len 5 --limit 1" for a, b in pairs[:SIMPLE]]
    lines += [f"neighbors {a} --depth 2" for a, _ in pairs[:EGO]]
    lines += [f"diff {a} {b}" for a, b in pairs[:DIFF]]
    return lines


def diff_answer(answer):
    """The counts of a `diff --json` answer, in bench/queries.rs's terms."""
    by_kind, of_a, of_b = {}, set(), set()
    for c in answer["contrast"]:
        if not (c["only_a"] or c["only_b"] or c["both"]):
            continue
        by_kind[f"{c['kind']} {c['direction']}"] = [len(c["only_a"]), len(c["only_b"]),
                                                     len(c["both"])]
        of_a.update(c["only_a"] + c["both"])
        of_b.update(c["only_b"] + c["both"])
    both = len(of_a & of_b)
    return {"adjacent": bool(answer["direct"]), "by_kind": by_kind,
            "all_kinds": [len(of_a) - both, len(of_b) - both, both]}


def batch_answers(out, pairs):
    """bench/queries.rs's answers, read from `linkage batch`'s JSON lines."""
    answers = [json.loads(line) for line in out.splitlines()]
    for a in answers:
        if "error" in a:
            sys.exit(f"linkage batch: {a}")
    n = len(pairs)
    shortest = answers[:n]
    simple = answers[n:n + SIMPLE]
    ego = answers[n + SIMPLE:n + SIMPLE + EGO]
    diff = answers[n + SIMPLE + EGO:]
    if not all(a["exact"] for a in simple):
        sys.exit("linkage batch: the work budget stopped a count of simple routes")
    return {"shortest": [a["paths"][0]["length"] if a.get("paths") else -1 for a in shortest],
            "simple": [a["total"] for a in simple],
            "ego": [len(a["nodes"]) for a in ego],
            "diff": [diff_answer(a) for a in diff]}


def disagreement(peer, theirs, ours):
    """Where `peer`'s answers differ from linkage's, or None. A peer's diff answers may
    hold fewer keys (structure only: no kinds)."""
    for kind in KINDS:
        for i, (t, o) in enumerate(zip(theirs[kind], ours[kind])):
            same = all(t[k] == o[k] for k in t) if kind == "diff" else t == o
            if not same:
                return f"{peer} disagrees with linkage on {kind} query {i}: {t} against {o}"
        if len(theirs[kind]) != len(ours[kind]):
            return f"{peer} answered {len(theirs[kind])} {kind} queries, linkage {len(ours[kind])}"
    return None


def library(data):
    """Median of the in-library runs (DIR.inproc-*.json)."""
    runs = [json.load(open(p)) for p in sorted(glob.glob(data + ".inproc-*.json"))]
    if not runs:
        sys.exit(f"no {data}.inproc-*.json: run `cargo bench --bench queries` first (bench/compare)")
    answers = {k: runs[0][k]["answers"] for k in KINDS}
    if any({k: r[k]["answers"] for k in KINDS} != answers for r in runs):
        sys.exit(f"linkage's library answers differ between runs on {data}")
    return (statistics.median(r["load_seconds"] for r in runs),
            {k: statistics.median(r[k]["seconds"] for r in runs) for k in KINDS},
            answers, runs[0]["nodes"], runs[0]["relations"])


def bench(linkage, data, runs, processes):
    pairs = [line.split() for line in open(data + ".pairs") if line.strip()]
    queries, shortest = data + ".batch", data + ".batch-shortest"
    lines = batch_queries(pairs)
    with open(queries, "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(shortest, "w") as f:
        f.write("\n".join(lines[:len(pairs)]) + "\n")
    load, seconds, answers, nodes, relations = library(data)
    ours = {"load": load, **seconds}
    if has_cache(linkage):
        # Cold, then once to fill the cache, then warm.
        ours["load_whole"], ours["check_peak"], _ = median_of(
            runs, [linkage, "--data", data, "--no-cache", "check"])
        measure([linkage, "--data", data, "check"])
        # A warm `check` prints the outcome stored by the whole check before it and
        # reads no graph; a whole load from the cache is what a query other than
        # `show` and `path` pays first: `papers --brief` (a few lines printed).
        ours["load_warm"], _, _ = median_of(runs, [linkage, "--data", data, "papers", "--brief"])
    else:
        ours["load_whole"], ours["check_peak"], _ = median_of(
            runs, [linkage, "--data", data, "check"])
    ours["whole"], ours["peak"], out = median_of(runs, [linkage, "--data", data, "batch", queries])
    if batch_answers(out, pairs) != answers:
        sys.exit(f"linkage batch and linkage's library disagree on {data}")
    ours["batch_shortest"], _, _ = median_of(runs, [linkage, "--data", data, "batch", shortest])
    k = min(processes, len(pairs))
    started = time.perf_counter()
    for a, b in pairs[:k]:
        measure([linkage, "--data", data, "path", a, b, "--limit", "1", "--json"])
    ours["separate"] = (time.perf_counter() - started) * len(pairs) / k
    ours["separate_k"] = k
    rows = {"linkage": ours}
    for peer in PEERS:
        argv = [sys.executable, os.path.join(HERE, "peer.py"), peer, data,
                str(SIMPLE), str(EGO), str(DIFF)]
        results = [measure(argv) for _ in range(runs)]
        reports = [json.loads(r[2]) for r in results]
        problem = disagreement(peer, {k: reports[-1][k]["answers"] for k in KINDS}, answers)
        if problem:
            sys.exit(f"{problem} ({data})")
        row = {"load": statistics.median(r["load"] for r in reports),
               "whole": statistics.median(r[0] for r in results),
               "peak": statistics.median(r[1] for r in results),
               "load_whole": statistics.median(
                   wall - sum(rep[k]["seconds"] for k in KINDS)
                   for (wall, _, _), rep in zip(results, reports))}
        row.update({k: statistics.median(r[k]["seconds"] for r in reports) for k in KINDS})
        rows[peer] = row
        print(f"  {os.path.basename(data)} {peer}: agrees", file=sys.stderr)
    measured = {"nodes": nodes, "relations": relations, "rows": rows}
    if has_cache(linkage):
        measured["targets"] = targets.measure(linkage, data, runs, pairs, ours, rows)
    return measured


def ms(seconds):
    return f"{seconds * 1000:.1f}" if seconds < 10 else f"{seconds * 1000:.0f}"


def tables(results, runs):
    # With a cache, linkage's "load, whole process" is the cold load (`--no-cache`).
    warm = any("load_warm" in d["rows"]["linkage"] for d in results.values())
    head = ("| dataset | tool | load in process (s) | load, whole process (s) "
            + ("| load, warm cache (s) " if warm else "")
            + f"| 200 shortest (ms) | simple ≤ 5, {SIMPLE} pairs (ms) | ego depth 2, {EGO} (ms) "
            f"| diff, {DIFF} (ms) | load + all queries, whole process (s) | peak (MB) |")
    lines = [head, "|---" * (head.count("|") - 1) + "|"]
    for name, d in results.items():
        for tool, r in d["rows"].items():
            w = (f"| {r['load_warm']:.3f} " if "load_warm" in r else "| ") if warm else ""
            lines.append(f"| {name} | {tool} | {r['load']:.2f} | {r['load_whole']:.2f} {w}"
                         + "".join(f"| {ms(r[k])} " for k in KINDS)
                         + f"| {r['whole']:.2f} | {r['peak']:.0f} |")
        ours = d["rows"]["linkage"]
        how = ("measured" if ours["separate_k"] >= 200
               else f"{ours['separate_k']} measured, x{200 / ours['separate_k']:.0f}")
        cols = head.count("|") - 1
        if "batch_shortest" in ours:
            lines.append(f"| {name} | linkage: 200 shortest paths in one `batch` |"
                         + " |" * (cols - 4) + f" {ours['batch_shortest']:.2f} |" + " |")
        lines.append(f"| {name} | linkage: 200 shortest paths as 200 processes ({how}) |"
                     + " |" * (cols - 4) + f" {ours['separate']:.1f} |" + " |")
    lines += ["", "Ratios, peer / linkage (above 1: linkage is faster or smaller; linkage's "
              "queries in library, its whole process the `batch`):", ""]
    head = ("| dataset | peer | load, whole process | 200 shortest | simple ≤ 5 | ego depth 2 "
            "| diff | load + all queries, whole process | peak memory |")
    lines += [head, "|---" * (head.count("|") - 1) + "|"]
    for name, d in results.items():
        ours = d["rows"]["linkage"]
        for tool, r in d["rows"].items():
            if tool == "linkage":
                continue
            cells = [r[k] / ours[k] for k in ["load_whole", *KINDS, "whole", "peak"]]
            lines.append(f"| {name} | {tool} | " + " | ".join(f"{c:.1f}x" if c >= 10 else f"{c:.2f}x"
                                                              for c in cells) + " |")
    return "\n".join(lines)


def short(n):
    return f"{n // 1_000_000}M" if n >= 1_000_000 else f"{n // 1000}k"


def plot(results, path, runs):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    sizes = [d["relations"] for d in results.values()]
    tools = list(next(iter(results.values()))["rows"])
    panels = [("load, whole process (s)", lambda r: r["load_whole"]),
              (f"all queries, in process (s)\n200 shortest, {SIMPLE} simple ≤ 5, {EGO} ego, "
               f"{DIFF} diff", lambda r: sum(r[k] for k in KINDS)),
              ("peak memory, load + queries (MB)", lambda r: r["peak"])]
    fig, axes = plt.subplots(1, 3, figsize=(15, 5.8))
    colours = {"linkage": "black", "networkx": "tab:blue", "rustworkx": "tab:orange",
               "igraph": "tab:green"}
    for ax, (title, value) in zip(axes, panels):
        for tool in tools:
            library = tool.split("-")[0]
            style = {"linestyle": "--" if tool.endswith("-edges") else "-",
                     "marker": "s" if tool.endswith("-attrs") else "o",
                     "linewidth": 2.5 if tool == "linkage" else 1.4}
            ax.plot(sizes, [value(d["rows"][tool]) for d in results.values()],
                    color=colours[library], label=tool, **style)
        if ax is axes[0] and all("load_warm" in d["rows"]["linkage"] for d in results.values()):
            ax.plot(sizes, [d["rows"]["linkage"]["load_warm"] for d in results.values()],
                    color="black", linestyle=":", marker="o", label="linkage, warm cache")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xticks(sizes, [f"{short(d['nodes'])} / {short(d['relations'])}"
                              for d in results.values()])
        ax.minorticks_off()
        ax.set_xlabel("nodes / relations")
        ax.set_title(title)
        ax.grid(True, which="both", alpha=0.3)
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=5, fontsize=9, frameon=False)
    fig.suptitle("bench/compare: linkage against Python graph libraries on bench/gen_graph.py data, "
                 f"median of {runs} run(s), log-log\n-json: reads linkage's JSON files; "
                 "-edges: a prepared edge list; -attrs: keeps every attribute linkage keeps",
                 fontsize=10)
    fig.tight_layout(rect=(0, 0.1, 1, 1))
    fig.savefig(path, dpi=110)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("linkage", nargs="?")
    ap.add_argument("dirs", nargs="*")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--processes", type=int, default=20)
    ap.add_argument("--plot", help="write a PNG of time and memory against size")
    ap.add_argument("--results", help="write the figures as JSON")
    ap.add_argument("--from-results", help="run nothing: tables and plot from this JSON")
    args = ap.parse_args()
    if args.from_results:
        with open(args.from_results) as f:
            results = json.load(f)
        print(tables(results, args.runs))
        print()
        print(targets.table(results, next(iter(results.values()))["load_average"]))
        if args.plot:
            plot(results, args.plot, args.runs)
        return
    if not args.linkage or not args.dirs:
        ap.error("LINKAGE and at least one DIR are needed (or --from-results)")
    results = {}
    # The machine may be shared: its load average goes with the figures.
    load = {"before": os.getloadavg()[0]}
    for data in args.dirs:
        data = data.rstrip("/")
        results[os.path.basename(data)] = bench(args.linkage, data, args.runs, args.processes)
    load["after"] = os.getloadavg()[0]
    for d in results.values():
        d["load_average"] = load
    if args.results:
        with open(args.results, "w") as f:
            json.dump(results, f, indent=1)
    print(f"Median of {args.runs} run(s) each.\n")
    print(tables(results, args.runs))
    print()
    print(targets.table(results, load))
    if args.plot:
        plot(results, args.plot, args.runs)


if __name__ == "__main__":
    main()

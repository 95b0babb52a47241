"""The targets of the scale issue, measured by bench/compare on each dataset.

    warm check           `linkage --data DIR check`, the cache filled     ≤ 0.3 s
    warm show / path     `show NODE`, `path A B --limit 1`, whole process  ≤ 0.15 s
    export peak          `export --format graphml|csv -o …` and graphml to
                         stdout, peak memory against the loaded graph     ≤ 1.2x
                         (a warm `papers --brief`: the whole graph from
                         the cache, a few lines printed; a warm `check`
                         reads no graph, it prints a stored outcome)
    a TAB                `LINKAGE_COMPLETE=bash linkage -- linkage --data
                         DIR show n123`, whole process                     ≤ 0.1 s
    cold load            networkx-attrs' load (the same data, every
                         attribute) against `--no-cache check`             ≥ 20x

Each figure is the median of RUNS whole processes (wall time, cpu time and peak
memory as bench/process.py reads them; the verdict is on wall time, as a user feels it, with cpu time
beside it for a shared machine). The targets are set at 100k nodes / 1M relations (TARGET_SIZE); on a
smaller dataset the figures are printed without a verdict.
"""

import os
import shutil
import statistics
import tempfile

import process

TARGET_SIZE = 1_000_000  # relations


def _run(argv, env=None):
    """(wall seconds, peak MB, cpu seconds) of one whole process (bench/process.py);
    its output thrown away unread."""
    wall, peak, cpu, _ = process.run(argv, env=env, keep_output=False)
    return wall, peak, cpu


def _median(runs, argv, env=None, cpu=None, key=None):
    """Median wall time and peak of `runs` runs; with `cpu` (a dict) and `key`, the
    median cpu time too, as cpu[key + "_cpu"]: on a shared machine wall time counts
    other processes' turns, cpu time does not."""
    results = [_run(argv, env) for _ in range(runs)]
    if cpu is not None:
        cpu[key + "_cpu"] = statistics.median(r[2] for r in results)
    return (statistics.median(r[0] for r in results),
            statistics.median(r[1] for r in results))


def measure(linkage, data, runs, pairs, ours, peers):
    """The targets' figures for one dataset, the cache filled first. `ours` and
    `peers` are compare.py's rows (for the cold loads)."""
    a, b = pairs[0]
    node = "n123"
    _run([linkage, "--data", data, "check"])  # fills the cache
    t = {}
    t["check_warm"], _ = _median(
        runs, [linkage, "--data", data, "check"], cpu=t, key="check_warm")
    # The loaded graph, the exports' yardstick: a whole load from the cache that
    # prints a few lines.
    _, t["graph_peak"] = _median(runs, [linkage, "--data", data, "papers", "--brief"])
    t["show_warm"], _ = _median(runs, [linkage, "--data", data, "show", node],
                                cpu=t, key="show_warm")
    t["path_warm"], _ = _median(runs, [linkage, "--data", data, "path", a, b, "--limit", "1"],
                                cpu=t, key="path_warm")
    out = tempfile.mkdtemp(prefix="linkage-targets-")
    try:
        for fmt, target in [("graphml", "export.graphml"), ("csv", "csv")]:
            path = os.path.join(out, target)
            _, t[f"export_{fmt}_peak"] = _median(
                runs, [linkage, "--data", data, "export", "--format", fmt, "-o", path])
        _, t["export_graphml_stdout_peak"] = _median(
            runs, [linkage, "--data", data, "export", "--format", "graphml"])
    finally:
        shutil.rmtree(out, ignore_errors=True)
    env = dict(os.environ, LINKAGE_COMPLETE="bash", _CLAP_COMPLETE_INDEX="4",
               _CLAP_IFS="\n")
    words = ["linkage", "--data", data, "show", node]
    t["tab"], t["tab_peak"] = _median(runs, [linkage, "--", *words], env, cpu=t, key="tab")
    t["cold_linkage"] = ours["load_whole"]
    t["cold_networkx_attrs"] = peers["networkx-attrs"]["load_whole"]
    t["cold_networkx_json"] = peers["networkx-json"]["load_whole"]
    return t


def rows(t):
    """(target, measured, verdict) for one dataset's figures."""
    graph = t["graph_peak"]

    def cpu(key):
        return f", cpu {t[key + '_cpu']:.3f} s" if key + "_cpu" in t else ""

    ratio = lambda key: t[key] / graph  # noqa: E731
    cold = t["cold_networkx_attrs"] / t["cold_linkage"]
    return [
        ("warm `check` ≤ 0.3 s", f"{t['check_warm']:.3f} s{cpu('check_warm')}", t["check_warm"] <= 0.3),
        ("warm `show NODE`, whole process ≤ 0.15 s", f"{t['show_warm']:.3f} s{cpu('show_warm')}",
         t["show_warm"] <= 0.15),
        ("warm `path A B`, whole process ≤ 0.15 s", f"{t['path_warm']:.3f} s{cpu('path_warm')}",
         t["path_warm"] <= 0.15),
        ("`export --format graphml -o FILE` peak ≤ 1.2x the loaded graph",
         f"{t['export_graphml_peak']:.0f} MB = {ratio('export_graphml_peak'):.2f}x "
         f"{graph:.0f} MB", ratio("export_graphml_peak") <= 1.2),
        ("`export --format graphml` to stdout, peak ≤ 1.2x",
         f"{t['export_graphml_stdout_peak']:.0f} MB = "
         f"{ratio('export_graphml_stdout_peak'):.2f}x", ratio("export_graphml_stdout_peak") <= 1.2),
        ("`export --format csv -o DIR` peak ≤ 1.2x",
         f"{t['export_csv_peak']:.0f} MB = {ratio('export_csv_peak'):.2f}x",
         ratio("export_csv_peak") <= 1.2),
        ("a TAB of completion ≤ 0.1 s", f"{t['tab']:.3f} s{cpu('tab')} ({t['tab_peak']:.0f} MB)",
         t["tab"] <= 0.1),
        ("cold load against networkx with the same data ≥ 20x",
         f"{cold:.1f}x ({t['cold_networkx_attrs']:.2f} s against {t['cold_linkage']:.2f} s; "
         f"networkx-json {t['cold_networkx_json'] / t['cold_linkage']:.1f}x)", cold >= 20),
    ]


def table(results, load):
    """The targets table of every dataset measured, with the load average in its
    caption (`load`: before and after the run, from os.getloadavg)."""
    lines = [f"Targets of the scale issue (whole processes, median of the runs; load "
             f"average {load['before']:.1f} before the run and {load['after']:.1f} after it, "
             f"on {os.cpu_count()} cores; the targets are set at 100k / 1M):", "",
             "| dataset | target | measured | met? |", "|---|---|---|---|"]
    for name, d in results.items():
        if "targets" not in d:
            continue
        judged = d["relations"] >= TARGET_SIZE
        for target, measured, met in rows(d["targets"]):
            verdict = ("met" if met else "**missed**") if judged else "–"
            lines.append(f"| {name} | {target} | {measured} | {verdict} |")
    return "\n".join(lines)

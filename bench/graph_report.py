#!/usr/bin/env python3
"""Checks and tabulates one run of tools/bench_graph.sh.

    graph_report.py --header FILE RUN_DIR...

Each RUN_DIR holds one generated graph's results: graph.txt (one line: the
gen-graph arguments, then the byte sizes of graph.json and graph.graphml)
and, per library (policygraph, igraph, networkx), LIBRARY.json (what
policygraph_graphbench or graph_baselines.py printed) and LIBRARY.time
("WALL_SECONDS PEAK_RSS_KIB" from GNU time).  --header is the Markdown to
start with (date, machine, commit).

Prints the Markdown report: per graph a table of times, ratios
(library time / policygraph time: above 1 means policygraph is faster) and
peak RSS, the results every library found, and whether the targets are
met.  Exit codes: 0 all libraries agree, 1 they disagree on a result
(every disagreement named on stderr), 2 usage error.
"""

import argparse
import json
import os
import sys

LIBRARIES = ("policygraph", "igraph", "networkx")
# What the issue asks for: lineage and components at least as fast as
# igraph on the large graph, at least 20x networkx on the small one.
TARGETS = (("igraph", 1.0, "large"), ("networkx", 20.0, "small"))


def load_run(directory):
    run = {"dir": directory, "libraries": {}}
    with open(os.path.join(directory, "graph.txt"), encoding="utf-8") as f:
        run["args"], run["json_bytes"], run["graphml_bytes"] = \
            f.read().strip().rsplit(" ", 2)
    for library in LIBRARIES:
        path = os.path.join(directory, library + ".json")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            result = json.load(f)
        with open(os.path.join(directory, library + ".time")) as f:
            wall, rss = f.read().split()
        result["wall_seconds"] = float(wall)
        result["rss_mib"] = int(rss) // 1024
        run["libraries"][library] = result
    return run


def lineage_total(result):
    return result["lineage"]["prep_seconds"] + result["lineage"]["seconds"]


def disagreements(run):
    """Every way a library's results differ from policygraph's."""
    ours = run["libraries"]["policygraph"]
    found = []
    for library, theirs in run["libraries"].items():
        if library == "policygraph":
            continue
        for path in (("nodes",), ("edges",), ("lineage", "starts"),
                     ("lineage", "ancestors"), ("lineage", "descendants"),
                     ("components", "count"), ("components", "largest")):
            a, b = ours, theirs
            for key in path:
                a, b = a[key], b[key]
            if a != b:
                found.append(f"{run['args']}: {library} {'.'.join(path)} "
                             f"{b}, policygraph {a}")
        top_ours = [node for node, _ in ours["pagerank"]["top"]]
        top_theirs = [node for node, _ in theirs["pagerank"]["top"]]
        if top_ours != top_theirs:
            found.append(f"{run['args']}: {library} PageRank top 10 "
                         f"{top_theirs}, policygraph {top_ours}")
    return found


def seconds(value):
    if value == 0:
        return "—"
    if value < 1:
        return f"{value * 1000:.3g} ms"
    return f"{value:.3g} s" if value < 100 else f"{value:.0f} s"


def ratio(theirs, ours):
    return f"{theirs / ours:.1f}×" if ours > 0 else "—"


def table(run):
    libraries = [l for l in LIBRARIES if l in run["libraries"]]
    ours = run["libraries"]["policygraph"]
    others = [l for l in libraries if l != "policygraph"]
    header = ("| | " + " | ".join(libraries) + " | " +
              " | ".join(f"{l} ÷ policygraph" for l in others) + " |")
    lines = [header, "|---" * (1 + len(libraries) + len(others)) + "|"]

    def row(name, value, compare=True):
        cells = [value(run["libraries"][l]) for l in libraries]
        ratios = [ratio(float_of(value, run["libraries"][l]),
                        float_of(value, ours)) if compare else ""
                  for l in others]
        lines.append(f"| {name} | " + " | ".join(map(fmt, cells)) + " | " +
                     " | ".join(ratios) + " |")

    starts = ours["lineage"]["starts"]
    row("load (policygraph, networkx: graph.json; igraph: GraphML)",
        lambda r: r["load_seconds"])
    row("lineage: relation filter, once",
        lambda r: r["lineage"]["prep_seconds"], compare=False)
    row(f"lineage: ancestors + descendants of {starts:,} documents",
        lambda r: r["lineage"]["seconds"])
    row("**lineage, filter + searches**", lineage_total)
    row("**weakly connected components**",
        lambda r: r["components"]["seconds"])
    row("PageRank", lambda r: r["pagerank"]["seconds"])
    lines.append("| peak RSS (whole process) | " + " | ".join(
        f"{run['libraries'][l]['rss_mib']:,} MiB" for l in libraries) +
        " | " + " | ".join(
            ratio(run["libraries"][l]["rss_mib"], ours["rss_mib"])
            for l in others) + " |")
    return lines


def float_of(value, result):
    return float(value(result))


def fmt(cell):
    return seconds(cell) if isinstance(cell, float) else str(cell)


def targets(runs):
    """One line per target: the ratio measured and whether it is met."""
    lines = []
    by_size = {"small": runs[0], "large": runs[-1]}
    for library, wanted, size in TARGETS:
        run = by_size[size]
        if library not in run["libraries"]:
            continue
        ours = run["libraries"]["policygraph"]
        theirs = run["libraries"][library]
        for name, value in (("lineage", lineage_total),
                            ("components",
                             lambda r: r["components"]["seconds"])):
            measured = value(theirs) / value(ours)
            met = "met" if measured >= wanted else "**missed**"
            lines.append(f"- {name} vs {library} on {run['args']}: "
                         f"{measured:.1f}× (target ≥ {wanted:g}×): {met}")
            if name == "lineage":
                searches = (theirs["lineage"]["seconds"] /
                            ours["lineage"]["seconds"])
                lines.append(f"  (the searches alone, without {library}'s "
                             f"relation filter: {searches:.1f}×)")
    return lines


def results(run):
    ours = run["libraries"]["policygraph"]
    top = ", ".join(node for node, _ in ours["pagerank"]["top"][:3])
    return (f"All libraries found: {ours['lineage']['ancestors']:,} "
            f"ancestors and {ours['lineage']['descendants']:,} descendants "
            f"reached from the {ours['lineage']['starts']:,} starts, "
            f"{ours['components']['count']:,} weakly connected components "
            f"(largest {ours['components']['largest']:,} nodes), the same "
            f"PageRank top 10 (first {top}; policygraph in "
            f"{ours['pagerank']['iterations']} iterations).  policygraph's "
            f"TraceLineage (full reports with evidence) from the same starts: "
            f"{seconds(ours['lineage']['trace_seconds'])}.")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--header", required=True)
    parser.add_argument("runs", nargs="+")
    args = parser.parse_args()
    runs = [load_run(d) for d in args.runs]
    with open(args.header, encoding="utf-8") as f:
        out = [f.read().rstrip(), ""]
    problems = []
    for run in runs:
        ours = run["libraries"]["policygraph"]
        out += [f"## `tools/gen-graph {run['args']}`", "",
                f"{ours['nodes']:,} nodes, {ours['edges']:,} edges; "
                f"graph.json {int(run['json_bytes']) / 1e6:,.0f} MB, "
                f"GraphML {int(run['graphml_bytes']) / 1e6:,.0f} MB.", ""]
        out += table(run)
        out += ["", results(run), ""]
        problems += disagreements(run)
    out += ["## Targets", ""] + targets(runs) + [""]
    if problems:
        out += ["## Disagreements", ""] + [f"- {p}" for p in problems] + [""]
    print("\n".join(out))
    for p in problems:
        print(f"graph_report.py: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

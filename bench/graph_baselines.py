#!/usr/bin/env python3
"""The graph analyses of bench/graph_bench_main.cc, done with networkx or igraph.

    graph_baselines.py --library networkx|igraph GRAPH_JSON [--graphml FILE]
                       [--starts 1000] [--seed 1] [--repeat 3] [--details]

Loads the graph the way a user of the library would (networkx:
json.load + node_link_graph on graph.json; igraph: Graph.Read_GraphML on
the same graph as GraphML, its own C reader, since a Python JSON tree of a
10M-link file does not fit in memory), then times, in one process:

  lineage     from the same seeded-random document starts policygraph_graphbench
              picks (splitmix64 over the documents in node order), ancestors
              and descendants = BFS reachability over basis, implements,
              follows, counterpart and issues edges (forward and backward),
              start excluded; the relation filter is built once ("prep") and
              timed apart from the searches
  components  weakly connected components over every edge
  pagerank    damping 0.85, the L1 change of an iteration at most 1e-6
              (networkx: tol = 1e-6 / N, since it multiplies tol by N;
              igraph: PRPACK, which solves to its own, tighter precision)

The graph is loaded once; each analysis runs --repeat times and the median
time is printed.  Prints one JSON object on stdout: times in seconds, reached-node totals,
the component count and largest size, the top 10 PageRank nodes; with
--details also every start's counts, every component size and every rank,
for tests.  Exit codes: 0 ok, 2 usage error or a missing library.
"""

import argparse
import json
import sys
import time

LINEAGE = ("basis", "implements", "follows", "counterpart", "issues")
DAMPING = 0.85
TOLERANCE = 1e-6  # L1 change of a whole iteration, as policygraph uses it
MAX_ITERATIONS = 100
MASK = (1 << 64) - 1


def start_documents(documents, count, seed):
    """`count` picks from `documents` by splitmix64 from `seed`; the C++
    driver makes the same picks (repeats allowed)."""
    state = seed & MASK
    starts = []
    for _ in range(count if documents else 0):
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
        starts.append(documents[z % len(documents)])
    return starts


class Clock:
    def __init__(self):
        self.start = time.perf_counter()

    def seconds(self):
        return round(time.perf_counter() - self.start, 6)


def timed(repeat, analysis):
    """(median seconds of `repeat` runs of analysis(), its last result)."""
    times = []
    for _ in range(repeat):
        clock = Clock()
        result = analysis()
        times.append(clock.seconds())
    return sorted(times)[len(times) // 2], result


def lineage_graph(graph, nx):
    """The lineage relations' edges as a DiGraph: networkx's fast way to
    walk a subset of a multigraph's edges (a subgraph_view re-counts every
    node on each search)."""
    lineage = nx.DiGraph()
    lineage.add_nodes_from(graph)
    lineage.add_edges_from((u, v) for u, v, r in graph.edges(data="relation")
                           if r in LINEAGE)
    return lineage


def run_networkx(args):
    import networkx as nx

    clock = Clock()
    with open(args.graph, encoding="utf-8") as f:
        data = json.load(f)
    graph = nx.node_link_graph(data, directed=True, multigraph=True)
    del data
    load = clock.seconds()
    ids = list(graph.nodes)
    kinds = [graph.nodes[n].get("kind") for n in ids]

    prep, lineage = timed(args.repeat, lambda: lineage_graph(graph, nx))
    starts = start_documents(
        [n for n, k in zip(ids, kinds) if k == "document"], args.starts,
        args.seed)
    searches, reached = timed(args.repeat, lambda: [
        (s, len(nx.descendants(lineage, s)), len(nx.ancestors(lineage, s)))
        for s in starts])
    components, sizes = timed(args.repeat, lambda: [
        len(c) for c in nx.weakly_connected_components(graph)])
    pagerank, ranks = timed(args.repeat, lambda: nx.pagerank(
        graph, alpha=DAMPING, max_iter=MAX_ITERATIONS,
        tol=TOLERANCE / max(1, graph.number_of_nodes())))
    return Measured("networkx", nx.__version__, args.repeat,
                    graph.number_of_nodes(),
                    graph.number_of_edges(), load, prep, searches, reached,
                    components, sizes, pagerank, ranks)


def run_igraph(args):
    import igraph

    if not args.graphml:
        raise SystemExit("graph_baselines.py: igraph reads --graphml FILE")
    clock = Clock()
    graph = igraph.Graph.Read_GraphML(args.graphml)
    load = clock.seconds()
    ids = graph.vs["id"] if graph.vcount() else []
    kinds = graph.vs["kind"] if graph.vcount() else []

    prep, lineage = timed(args.repeat, lambda: graph.subgraph_edges(
        graph.es.select(relation_in=LINEAGE), delete_vertices=False))
    starts = start_documents(
        [i for i, k in enumerate(kinds) if k == "document"], args.starts,
        args.seed)
    # subcomponent is igraph's fastest reachability: 14× faster here than
    # neighborhood(order=N), whose cost grows with N.
    searches, reached = timed(args.repeat, lambda: [
        (ids[s], len(lineage.subcomponent(s, mode="out")) - 1,
         len(lineage.subcomponent(s, mode="in")) - 1) for s in starts])
    components, sizes = timed(args.repeat, lambda: graph.connected_components(
        mode="weak").sizes())
    pagerank, ranks = timed(args.repeat, lambda: graph.pagerank(
        directed=True, damping=DAMPING))
    return Measured("igraph", igraph.__version__, args.repeat,
                    graph.vcount(),
                    graph.ecount(), load, prep, searches, reached,
                    components, sizes, pagerank, dict(zip(ids, ranks)))


class Measured:
    """What one library measured, and the result as JSON."""

    def __init__(self, library, version, repeat, nodes, edges, load, prep,
                 searches, reached, components, sizes, pagerank, ranks):
        self.reached, self.sizes, self.ranks = reached, sizes, ranks
        self.result = {
            "library": library, "version": version, "repeat": repeat,
            "nodes": nodes, "edges": edges, "load_seconds": load,
            "lineage": {
                "starts": len(reached), "prep_seconds": prep,
                "seconds": searches,
                "ancestors": sum(r[1] for r in reached),
                "descendants": sum(r[2] for r in reached),
            },
            "components": {"seconds": components, "count": len(sizes),
                           "largest": max(sizes, default=0)},
            "pagerank": {"seconds": pagerank, "top": top(ranks.items())},
        }

    def details(self):
        return {
            "component_sizes": sorted(self.sizes, reverse=True),
            "ranks": self.ranks,
            "reached": self.reached,
        }


def top(items, count=10):
    """The `count` highest ranks, ties by id, as [id, rank] pairs."""
    best = sorted(items, key=lambda item: (-item[1], item[0]))[:count]
    return [[node, rank] for node, rank in best]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("graph", help="graph.json (node-link)")
    parser.add_argument("--library", required=True,
                        choices=("networkx", "igraph"))
    parser.add_argument("--graphml", help="the same graph as GraphML (igraph)")
    parser.add_argument("--starts", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each analysis; the median is printed")
    parser.add_argument("--details", action="store_true",
                        help="add every start, component size and rank")
    args = parser.parse_args()
    try:
        run = run_networkx if args.library == "networkx" else run_igraph
        measured = run(args)
    except ImportError as e:
        print(f"graph_baselines.py: {e} (Debian: python3-networkx, "
              "python3-igraph, python3-scipy)", file=sys.stderr)
        return 2
    result = measured.result
    if args.details:
        result["details"] = measured.details()
    json.dump(result, sys.stdout, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())

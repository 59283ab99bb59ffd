#!/usr/bin/env python3
"""Reads policygraph's graph exports with the libraries people read them with.

    check_graph.py GRAPH_JSON GRAPH_GRAPHML NODES EDGES

Loads the node-link JSON with networkx.node_link_graph and the GraphML with
networkx.read_graphml and igraph.Graph.Read_GraphML.  Each of the three must
hold NODES nodes and EDGES edges, the same node ids and the same set of
'relation' values.  Exit codes: 0 all agree, 1 a check failed (each failure
named on stderr), 2 usage error or a missing library.
"""

import json
import sys


def load_networkx_json(path, nx):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    # The file says directed and multigraph itself; the arguments are what
    # it would mean without them.
    return nx.node_link_graph(data, directed=True, multigraph=True)


def networkx_summary(graph):
    relations = {d.get("relation") for _, _, d in graph.edges(data=True)}
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "ids": set(graph.nodes),
        "relations": relations,
    }


def igraph_summary(graph):
    # igraph keeps the GraphML node ids in the "id" vertex attribute; an
    # attribute list is absent, not empty, on a graph without edges.
    # igraph 0.10's reader (libxml2 SAX without entity substitution) hands
    # back each '&' of an XML attribute value as "&#38;", however it was
    # escaped; replacing that text undoes exactly this and nothing else.
    ids = {i.replace("&#38;", "&") for i in graph.vs["id"]} \
        if graph.vcount() else set()
    relations = set(graph.es["relation"]) if graph.ecount() else set()
    return {
        "nodes": graph.vcount(),
        "edges": graph.ecount(),
        "ids": ids,
        "relations": relations,
    }


def describe(values, limit=5):
    shown = sorted(str(v) for v in values)[:limit]
    more = len(values) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def compare(summaries, expected_nodes, expected_edges):
    failures = []
    for name, s in summaries.items():
        if s["nodes"] != expected_nodes:
            failures.append(
                f"{name}: {s['nodes']} nodes, expected {expected_nodes}")
        if s["edges"] != expected_edges:
            failures.append(
                f"{name}: {s['edges']} edges, expected {expected_edges}")
    reference_name, reference = next(iter(summaries.items()))
    for name, s in summaries.items():
        for field in ("ids", "relations"):
            missing = reference[field] - s[field]
            extra = s[field] - reference[field]
            if missing:
                failures.append(f"{name}: lacks {field} {describe(missing)} "
                                f"that {reference_name} has")
            if extra:
                failures.append(f"{name}: has {field} {describe(extra)} "
                                f"that {reference_name} lacks")
    return failures


def main(argv):
    if len(argv) != 5:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    json_path, graphml_path = argv[1], argv[2]
    try:
        expected_nodes, expected_edges = int(argv[3]), int(argv[4])
    except ValueError:
        print("check_graph.py: NODES and EDGES must be integers",
              file=sys.stderr)
        return 2
    try:
        import igraph
        import networkx as nx
    except ImportError as e:
        print(f"check_graph.py: {e} (install python3-networkx and "
              "python3-igraph)", file=sys.stderr)
        return 2

    readers = {
        "networkx node_link_graph": lambda: networkx_summary(
            load_networkx_json(json_path, nx)),
        "networkx read_graphml": lambda: networkx_summary(
            nx.read_graphml(graphml_path, force_multigraph=True)),
        "igraph Read_GraphML": lambda: igraph_summary(
            igraph.Graph.Read_GraphML(graphml_path)),
    }
    summaries = {}
    for name, read in readers.items():
        try:
            summaries[name] = read()
        except Exception as e:  # Any reader error is a failed check.
            print(f"check_graph.py: {name} cannot read the file: "
                  f"{type(e).__name__}: {e}", file=sys.stderr)
            return 1
    failures = compare(summaries, expected_nodes, expected_edges)
    for failure in failures:
        print(f"check_graph.py: {failure}", file=sys.stderr)
    if failures:
        return 1
    s = summaries["networkx node_link_graph"]
    print(f"check_graph.py: {s['nodes']} nodes, {s['edges']} edges, "
          f"relations {describe(s['relations'], limit=20)}: all three agree")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

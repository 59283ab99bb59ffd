// policygraph — the graph for other tools: node-link JSON (networkx, D3),
// Cytoscape.js elements, GraphML (typed, no list-valued attributes), DOT
// built through Graphviz's cgraph and SVG/PNG rendered through gvc.
//
// Exporters take a PolicyGraph and print all of it; SelectView makes the
// smaller graph a diagram or a neighbourhood needs (documents only, some
// relations or levels, the nodes within N steps of one document).  Output
// is byte-stable: nodes and edges in graph order, attributes in a fixed
// order, numbers printed the same way everywhere.  Nothing here touches
// the file system.
#ifndef POLICYGRAPH_EXPORT_H_
#define POLICYGRAPH_EXPORT_H_

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "policygraph/format.h"
#include "policygraph/graph.h"

namespace policygraph {

struct ViewOptions {
  bool directives = false;  // keep directive nodes (part_of, aligned edges)
  RelationSet relations = RelationSet::All();
  std::vector<Level> levels;  // empty: every level
  std::string select;         // a node id: only its neighbourhood
  int depth = 2;              // steps from `select`, both directions
};

// A new graph with the nodes and edges the view keeps, in the original
// order.  An unknown `select` id gives an empty graph.
PolicyGraph SelectView(const PolicyGraph& graph, const ViewOptions& options);

// {"directed":true,"multigraph":true,"graph":{…},"nodes":[{"id","kind",
//  "title","doc_number","level","type","date","issuer","file","line",
//  "document"}],"links":[{"source","target","key","relation","cue",
//  "score","count","evidence_file","evidence_line","evidence"}]}
// Empty strings are omitted from nodes and links, so consumers see only the
// attributes a node has.
Json GraphToNodeLink(const PolicyGraph& graph);

// {"elements":{"nodes":[{"data":{"id",…}}],"edges":[{"data":{"id",
//  "source","target","relation",…}}]}}
Json GraphToCytoscape(const PolicyGraph& graph);

// GraphML with one <key> per attribute, typed (string, int, double), and
// every text escaped.
std::string GraphToGraphml(const PolicyGraph& graph);

// Node-link JSON written one node and one link at a time, for graphs too
// large to hold as one Json value (tools/gen-graph writes millions of
// links this way).  Given a PolicyGraph's nodes and edges in its order, the
// bytes are exactly GraphToNodeLink(graph).dump(1) + "\n", what `build`
// writes to graph.json.  The counts are printed before the nodes, so the
// caller says them up front; Finish() reports whether they held.
class NodeLinkWriter {
 public:
  NodeLinkWriter(std::ostream& out, size_t nodes, size_t edges);
  // Every node before the first edge.
  void AddNode(const GraphNodeView& node);
  void AddNode(const GraphNode& node) { AddNode(ViewOf(node)); }
  // `key`: how many earlier edges go from `source` to `target` (networkx's
  // number among parallel edges; GraphToNodeLink counts them itself).
  void AddEdge(std::string_view source, std::string_view target, int key,
               const GraphEdgeView& edge);
  void AddEdge(std::string_view source, std::string_view target, int key,
               const GraphEdge& edge) {
    AddEdge(source, target, key, ViewOf(edge));
  }
  // Closes the document.  False when the stream failed or the nodes and
  // edges written were not the counts promised.
  bool Finish();

 private:
  void CloseNodes();

  std::ostream& out_;
  size_t nodes_expected_;
  size_t edges_expected_;
  size_t nodes_ = 0;
  size_t edges_ = 0;
  bool in_links_ = false;
  std::string text_;  // the node or link being written, reused
};

// GraphML written one node and one edge at a time: the bytes of
// GraphToGraphml (which is this writer over a whole graph).
class GraphmlWriter {
 public:
  // Writes the header and the <key> declarations.
  explicit GraphmlWriter(std::ostream& out);
  // Every node before the first edge: edge ids ("e<index>") must not
  // collide with a node id.
  void AddNode(const GraphNodeView& node);
  void AddNode(const GraphNode& node) { AddNode(ViewOf(node)); }
  void AddEdge(std::string_view source, std::string_view target,
               const GraphEdgeView& edge);
  void AddEdge(std::string_view source, std::string_view target,
               const GraphEdge& edge) {
    AddEdge(source, target, ViewOf(edge));
  }
  // Closes the document; false when the stream failed.
  bool Finish();

 private:
  std::ostream& out_;
  size_t edges_ = 0;
  // Node ids of the form e…e<digits>, the only ones an edge id can hit.
  std::unordered_set<std::string> edge_like_ids_;
  std::string text_;  // the element being written, reused
};

// The three whole-graph formats written straight to a stream, one node and
// one edge at a time, for `build`: the same bytes as
// GraphToNodeLink(graph).dump(1) + "\n", GraphToCytoscape(graph).dump(1) +
// "\n" and GraphToGraphml(graph), without a copy of the graph in memory.
// False when the stream failed.
bool WriteNodeLink(const PolicyGraph& graph, std::ostream& out);
bool WriteCytoscape(const PolicyGraph& graph, std::ostream& out);
bool WriteGraphml(const PolicyGraph& graph, std::ostream& out);

// One row per edge (RFC 4180 quoting, LF like the other CSVs, no BOM): both
// ends' id, title, number and level, the relation, cue, score, count and
// evidence; cells through CsvCell, so a title cannot run as a spreadsheet
// formula.
std::string GraphToEdgeCsv(const PolicyGraph& graph);

// DOT built with cgraph: one cluster per level (national, municipal,
// district, department, unknown), ranked top to bottom, a colour and style
// per relation, wrapped Chinese labels with the number, and a legend.
std::string GraphToDot(const PolicyGraph& graph);
// The same text written to `out` as cgraph makes it (a large graph's DOT
// is not held whole); false when the stream fails.
bool WriteDot(const PolicyGraph& graph, std::ostream& out);

// Renders DOT text with gvc ("svg" or "png").  Returns nullopt and sets
// `error` when Graphviz cannot parse or lay it out.
std::optional<std::string> RenderDot(const std::string& dot,
                                     const std::string& format,
                                     std::string* error);

}  // namespace policygraph

#endif  // POLICYGRAPH_EXPORT_H_

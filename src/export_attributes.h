// Internal: the node and edge attributes the graph exporters print.
//
// Node-link JSON, Cytoscape.js and GraphML must name, order and omit
// attributes alike, or a notebook reading one and a viewer reading the
// other disagree about the same graph; so one function builds each
// attribute list and every exporter prints it in its own syntax.
#ifndef POLICYGRAPH_SRC_EXPORT_ATTRIBUTES_H_
#define POLICYGRAPH_SRC_EXPORT_ATTRIBUTES_H_

#include <cmath>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "policygraph/coverage.h"
#include "policygraph/export.h"

namespace policygraph::internal {

template <typename Sink>
void TextIfNotEmpty(Sink& sink, const char* name, std::string_view value) {
  if (!value.empty()) sink.Text(name, value);
}

// "kind", "title", "doc_number", "level", "type", "date", "issuer", "file",
// "line", "document", in that order, each given to `sink` as
// sink.Text(name, text) or sink.Integer(name, value).  Empty strings and
// line 0 (externals have no file) are left out.  Text is as the graph holds
// it: each sink makes it safe for its syntax.
template <typename Sink>
void VisitNodeAttributes(const GraphNodeView& node, Sink& sink) {
  sink.Text("kind", NodeKindName(node.kind));
  TextIfNotEmpty(sink, "title", node.title);
  TextIfNotEmpty(sink, "doc_number", node.doc_number);
  sink.Text("level", LevelName(node.level));
  TextIfNotEmpty(sink, "type", node.type);
  TextIfNotEmpty(sink, "date", node.date);
  TextIfNotEmpty(sink, "issuer", node.issuer);
  TextIfNotEmpty(sink, "file", node.file);
  if (node.line > 0) sink.Integer("line", node.line);
  TextIfNotEmpty(sink, "document", node.document);
}

// "relation", "cue", "score", "count", "evidence_file", "evidence_line",
// "evidence", in that order, the score through sink.Number.  Scores are
// rounded to three decimals; empty strings, line 0 and a non-finite score
// are left out.
template <typename Sink>
void VisitEdgeAttributes(const GraphEdgeView& edge, Sink& sink) {
  sink.Text("relation", RelationName(edge.relation));
  TextIfNotEmpty(sink, "cue", edge.cue);
  // A NaN would print as null in JSON and as nothing a GraphML reader
  // parses; a score that is not a number is no score.
  if (std::isfinite(edge.score)) sink.Number("score", RoundedScore(edge.score));
  sink.Integer("count", edge.count);
  TextIfNotEmpty(sink, "evidence_file", edge.evidence.file);
  if (edge.evidence.line > 0) sink.Integer("evidence_line", edge.evidence.line);
  TextIfNotEmpty(sink, "evidence", edge.evidence.text);
}

// The attributes above as a JSON object, text valid UTF-8.
Json NodeAttributes(const GraphNodeView& node);
Json EdgeAttributes(const GraphEdgeView& edge);

// A node or edge end as the exporters print it: ill-formed UTF-8 replaced,
// so a hostile id cannot make a JSON dump throw.
std::string ExportedId(std::string_view id);

// The members of GraphToCytoscape's "nodes" and "edges" arrays, in order,
// one at a time, so a writer need not hold them all.
void VisitCytoscapeNodes(const PolicyGraph& graph,
                         const std::function<void(Json)>& node);
void VisitCytoscapeEdges(const PolicyGraph& graph,
                         const std::function<void(Json)>& edge);

// The same members as text, each the bytes dump() prints for it (compact,
// ill-formed UTF-8 replaced), without an nlohmann object made and printed
// for each: the viewer's data block holds thousands.  The view is valid
// until the callback returns.
void VisitCompactCytoscapeNodes(
    const PolicyGraph& graph,
    const std::function<void(std::string_view)>& node);
void VisitCompactCytoscapeEdges(
    const PolicyGraph& graph,
    const std::function<void(std::string_view)>& edge);

// Edge ids are "e<index>" (the index in graph.Edges()), with more leading
// "e"s where that would collide with a node id, because Cytoscape refuses
// two elements with one id.  These are the exported node ids that could
// (LooksLikeEdgeId): what EdgeId needs to make each id as it is written.
std::unordered_set<std::string> EdgeLikeNodeIds(const PolicyGraph& graph);

// Whether an exported node id has the form e…e<digits>: the only ids an
// edge id can collide with, so the only ones EdgeId needs to know.
bool LooksLikeEdgeId(std::string_view id);

// The id of edge `index` given the edge-like node ids in `taken`.
std::string EdgeId(size_t index, const std::unordered_set<std::string>& taken);

}  // namespace policygraph::internal

#endif  // POLICYGRAPH_SRC_EXPORT_ATTRIBUTES_H_

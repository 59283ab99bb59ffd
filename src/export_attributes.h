// Internal: the node and edge attributes the graph exporters print.
//
// Node-link JSON, Cytoscape.js and GraphML must name, order and omit
// attributes alike, or a notebook reading one and a viewer reading the
// other disagree about the same graph; so one function builds each
// attribute list and every exporter prints it in its own syntax.
#ifndef POLICYGRAPH_SRC_EXPORT_ATTRIBUTES_H_
#define POLICYGRAPH_SRC_EXPORT_ATTRIBUTES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "policygraph/export.h"

namespace policygraph::internal {

// "kind", "title", "doc_number", "level", "type", "date", "issuer", "file",
// "line", "document", in that order.  Empty strings and line 0 (externals
// have no file) are left out; text is valid UTF-8.
Json NodeAttributes(const GraphNode& node);

// "relation", "cue", "score", "count", "evidence_file", "evidence_line",
// "evidence", in that order.  Scores are rounded to three decimals; empty
// strings, line 0 and a non-finite score are left out.
Json EdgeAttributes(const GraphEdge& edge);

// A node or edge end as the exporters print it: ill-formed UTF-8 replaced,
// so a hostile id cannot make a JSON dump throw.
std::string ExportedId(std::string_view id);

// One id per edge of graph.Edges(), in that order: "e<index>", with more
// leading "e"s where that would collide with a node id, because Cytoscape
// refuses two elements with one id.
std::vector<std::string> EdgeIds(const PolicyGraph& graph);

// Whether an exported node id has the form e…e<digits>: the only ids an
// edge id can collide with, so the only ones EdgeId needs to know.
bool LooksLikeEdgeId(std::string_view id);

// The id of edge `index` given the edge-like node ids in `taken`.
std::string EdgeId(size_t index, const std::unordered_set<std::string>& taken);

}  // namespace policygraph::internal

#endif  // POLICYGRAPH_SRC_EXPORT_ATTRIBUTES_H_

// The graph as node-link JSON (networkx, D3) and as Cytoscape.js elements.
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "policygraph/export.h"

#include "export_attributes.h"
#include "safe_text.h"

namespace policygraph {
namespace internal {
namespace {

std::string SafeJson(std::string_view text) {
  return SafeText(text, TextUse::kJson);
}

void SetIfNotEmpty(Json& object, const char* name, std::string_view text) {
  if (!text.empty()) object[name] = SafeJson(text);
}

void SetIfPositive(Json& object, const char* name, uint32_t value) {
  if (value > 0) object[name] = value;
}

}  // namespace

Json NodeAttributes(const GraphNode& node) {
  Json out = Json::object();
  out["kind"] = NodeKindName(node.kind);
  SetIfNotEmpty(out, "title", node.title);
  SetIfNotEmpty(out, "doc_number", node.doc_number);
  out["level"] = LevelName(node.level);
  SetIfNotEmpty(out, "type", node.type);
  SetIfNotEmpty(out, "date", node.date);
  SetIfNotEmpty(out, "issuer", node.issuer);
  SetIfNotEmpty(out, "file", node.file);
  SetIfPositive(out, "line", node.line);
  SetIfNotEmpty(out, "document", node.document);
  return out;
}

Json EdgeAttributes(const GraphEdge& edge) {
  Json out = Json::object();
  out["relation"] = RelationName(edge.relation);
  SetIfNotEmpty(out, "cue", edge.cue);
  // A NaN would print as null in JSON and as nothing a GraphML reader
  // parses; a score that is not a number is no score.
  if (std::isfinite(edge.score)) out["score"] = RoundedScore(edge.score);
  out["count"] = edge.count;
  SetIfNotEmpty(out, "evidence_file", edge.evidence.file);
  SetIfPositive(out, "evidence_line", edge.evidence.line);
  SetIfNotEmpty(out, "evidence", edge.evidence.text);
  return out;
}

std::string ExportedId(std::string_view id) { return SafeJson(id); }

std::vector<std::string> EdgeIds(const PolicyGraph& graph) {
  // Only asked for membership, never iterated, so output order is safe.
  std::unordered_set<std::string> node_ids;
  for (NodeId n : graph.Nodes()) node_ids.insert(ExportedId(graph.Node(n).id));
  std::vector<std::string> ids;
  const size_t count = graph.EdgeCount();
  ids.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    // "e…e<i>" is never another edge's id: the digits differ.
    const std::string digits = std::to_string(i);
    std::string prefix = "e";
    while (node_ids.contains(prefix + digits)) prefix += 'e';
    ids.push_back(prefix + digits);
  }
  return ids;
}

}  // namespace internal

namespace {

Json GraphMetadata(const PolicyGraph& graph) {
  Json meta = Json::object();
  meta["name"] = "policygraph";
  meta["nodes"] = graph.NodeCount();
  meta["edges"] = graph.EdgeCount();
  return meta;
}

// `first` then the fields of `rest`, keeping both orders.
Json Concatenated(Json first, const Json& rest) {
  for (const auto& [name, value] : rest.items()) first[name] = value;
  return first;
}

Json NodeLinkNode(const GraphNode& node) {
  Json out = {{"id", internal::ExportedId(node.id)}};
  return Concatenated(std::move(out), internal::NodeAttributes(node));
}

// networkx numbers the parallel edges of one (source, target) pair from 0
// in insertion order; "key" is that number, so node_link_graph rebuilds
// the same multigraph.
Json NodeLinkLinks(const PolicyGraph& graph) {
  std::map<std::pair<uint32_t, uint32_t>, int> parallel;
  Json links = Json::array();
  for (const PolicyGraph::EdgeRef& e : graph.Edges()) {
    Json link = Json::object();
    link["source"] = internal::ExportedId(graph.Node(e.source).id);
    link["target"] = internal::ExportedId(graph.Node(e.target).id);
    link["key"] = parallel[{e.source.value, e.target.value}]++;
    links.push_back(
        Concatenated(std::move(link), internal::EdgeAttributes(*e.edge)));
  }
  return links;
}

}  // namespace

Json GraphToNodeLink(const PolicyGraph& graph) {
  Json out = Json::object();
  out["directed"] = true;
  out["multigraph"] = true;
  out["graph"] = GraphMetadata(graph);
  Json nodes = Json::array();
  for (NodeId n : graph.Nodes()) nodes.push_back(NodeLinkNode(graph.Node(n)));
  out["nodes"] = std::move(nodes);
  out["links"] = NodeLinkLinks(graph);
  return out;
}

Json GraphToCytoscape(const PolicyGraph& graph) {
  Json nodes = Json::array();
  for (NodeId n : graph.Nodes())
    nodes.push_back({{"data", NodeLinkNode(graph.Node(n))}});
  const std::vector<std::string> ids = internal::EdgeIds(graph);
  const std::vector<PolicyGraph::EdgeRef> edges = graph.Edges();
  Json edge_list = Json::array();
  for (size_t i = 0; i < edges.size(); ++i) {
    Json data = Json::object();
    data["id"] = ids[i];
    data["source"] = internal::ExportedId(graph.Node(edges[i].source).id);
    data["target"] = internal::ExportedId(graph.Node(edges[i].target).id);
    edge_list.push_back(
        {{"data", Concatenated(std::move(data),
                               internal::EdgeAttributes(*edges[i].edge))}});
  }
  Json elements = Json::object();
  elements["nodes"] = std::move(nodes);
  elements["edges"] = std::move(edge_list);
  return {{"elements", std::move(elements)}};
}

}  // namespace policygraph

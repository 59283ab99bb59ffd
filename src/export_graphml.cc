// The graph as GraphML: typed <key> declarations, one <data> per attribute
// a node or edge has, every text escaped for XML 1.0.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "policygraph/export.h"

#include "export_attributes.h"
#include "safe_text.h"

namespace policygraph {
namespace {

struct KeySpec {
  std::string_view name;  // attr.name, as node-link JSON names it
  std::string_view type;  // attr.type
};

// Every attribute NodeAttributes / EdgeAttributes can give, in their order.
// Lists never appear: GraphML readers disagree on how to carry them.
constexpr std::array<KeySpec, 10> kNodeKeys = {{
    {"kind", "string"},
    {"title", "string"},
    {"doc_number", "string"},
    {"level", "string"},
    {"type", "string"},
    {"date", "string"},
    {"issuer", "string"},
    {"file", "string"},
    {"line", "int"},
    {"document", "string"},
}};

constexpr std::array<KeySpec, 7> kEdgeKeys = {{
    {"relation", "string"},
    {"cue", "string"},
    {"score", "double"},
    {"count", "int"},
    {"evidence_file", "string"},
    {"evidence_line", "int"},
    {"evidence", "string"},
}};

// `text` as XML character data or attribute value (SafeText's kXml).
void AppendXmlText(std::string_view text, std::string& out) {
  out += internal::SafeText(text, internal::TextUse::kXml);
}

std::string KeyId(std::string_view domain, std::string_view name) {
  std::string id(domain);
  id += '_';
  id += name;
  return id;
}

void AppendKeys(std::string_view domain, const auto& keys, std::string& out) {
  for (const KeySpec& key : keys) {
    out += "  <key id=\"" + KeyId(domain, key.name) + "\" for=\"";
    out += domain;
    out += "\" attr.name=\"";
    out += key.name;
    out += "\" attr.type=\"";
    out += key.type;
    out += "\"/>\n";
  }
}

// Numbers print exactly as in the JSON exports, so both agree digit for
// digit.
std::string DataText(const Json& value) {
  if (value.is_string()) {
    std::string text;
    AppendXmlText(value.get_ref<const std::string&>(), text);
    return text;
  }
  return value.dump();
}

void AppendData(std::string_view domain, const Json& attributes,
                std::string& out) {
  for (const auto& [name, value] : attributes.items()) {
    out += "      <data key=\"" + KeyId(domain, name) + "\">";
    out += DataText(value);
    out += "</data>\n";
  }
}

void AppendNodes(const PolicyGraph& graph, std::string& out) {
  for (NodeId n : graph.Nodes()) {
    const GraphNode& node = graph.Node(n);
    out += "    <node id=\"";
    AppendXmlText(internal::ExportedId(node.id), out);
    out += "\">\n";
    AppendData("node", internal::NodeAttributes(node), out);
    out += "    </node>\n";
  }
}

void AppendEdges(const PolicyGraph& graph, std::string& out) {
  const std::vector<std::string> ids = internal::EdgeIds(graph);
  const std::vector<PolicyGraph::EdgeRef> edges = graph.Edges();
  for (size_t i = 0; i < edges.size(); ++i) {
    out += "    <edge id=\"" + ids[i] + "\" source=\"";
    AppendXmlText(internal::ExportedId(graph.Node(edges[i].source).id), out);
    out += "\" target=\"";
    AppendXmlText(internal::ExportedId(graph.Node(edges[i].target).id), out);
    out += "\">\n";
    AppendData("edge", internal::EdgeAttributes(*edges[i].edge), out);
    out += "    </edge>\n";
  }
}

}  // namespace

std::string GraphToGraphml(const PolicyGraph& graph) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  AppendKeys("node", kNodeKeys, out);
  AppendKeys("edge", kEdgeKeys, out);
  out += "  <graph id=\"policygraph\" edgedefault=\"directed\">\n";
  AppendNodes(graph, out);
  AppendEdges(graph, out);
  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace policygraph

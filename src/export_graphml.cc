// The graph as GraphML: typed <key> declarations, one <data> per attribute
// a node or edge has, every text escaped for XML 1.0.
#include <array>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

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
void WriteXmlText(std::string_view text, std::ostream& out) {
  out << internal::SafeText(text, internal::TextUse::kXml);
}

void WriteKeys(std::string_view domain, const auto& keys, std::ostream& out) {
  for (const KeySpec& key : keys)
    out << "  <key id=\"" << domain << '_' << key.name << "\" for=\"" << domain
        << "\" attr.name=\"" << key.name << "\" attr.type=\"" << key.type
        << "\"/>\n";
}

// Writes each attribute a Visit…Attributes gives as a <data> element.
// Numbers print exactly as in the JSON exports, so both agree digit for
// digit; text is made well-formed first, as the JSON exports make it.
struct DataSink {
  std::string_view domain;
  std::ostream& out;

  void Open(std::string_view name) {
    out << "      <data key=\"" << domain << '_' << name << "\">";
  }
  void Text(std::string_view name, std::string_view text) {
    Open(name);
    WriteXmlText(internal::ExportedId(text), out);
    out << "</data>\n";
  }
  template <typename T>
  void Integer(std::string_view name, T value) {
    Open(name);
    out << value << "</data>\n";
  }
  void Number(std::string_view name, double value) {
    Open(name);
    out << Json(value).dump() << "</data>\n";
  }
};

}  // namespace

GraphmlWriter::GraphmlWriter(std::ostream& out) : out_(out) {
  out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
          "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
          "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  WriteKeys("node", kNodeKeys, out_);
  WriteKeys("edge", kEdgeKeys, out_);
  out_ << "  <graph id=\"policygraph\" edgedefault=\"directed\">\n";
}

void GraphmlWriter::AddNode(const GraphNode& node) {
  std::string id = internal::ExportedId(node.id);
  out_ << "    <node id=\"";
  WriteXmlText(id, out_);
  out_ << "\">\n";
  DataSink data{"node", out_};
  internal::VisitNodeAttributes(node, data);
  out_ << "    </node>\n";
  if (internal::LooksLikeEdgeId(id)) edge_like_ids_.insert(std::move(id));
}

void GraphmlWriter::AddEdge(std::string_view source, std::string_view target,
                            const GraphEdge& edge) {
  out_ << "    <edge id=\"" << internal::EdgeId(edges_++, edge_like_ids_)
       << "\" source=\"";
  WriteXmlText(internal::ExportedId(source), out_);
  out_ << "\" target=\"";
  WriteXmlText(internal::ExportedId(target), out_);
  out_ << "\">\n";
  DataSink data{"edge", out_};
  internal::VisitEdgeAttributes(edge, data);
  out_ << "    </edge>\n";
}

bool GraphmlWriter::Finish() {
  out_ << "  </graph>\n</graphml>\n";
  out_.flush();
  return out_.good();
}

bool WriteGraphml(const PolicyGraph& graph, std::ostream& out) {
  GraphmlWriter writer(out);
  for (NodeId n : graph.Nodes()) writer.AddNode(graph.Node(n));
  for (const PolicyGraph::EdgeRef& e : graph.Edges())
    writer.AddEdge(graph.Node(e.source).id, graph.Node(e.target).id, *e.edge);
  return writer.Finish();
}

std::string GraphToGraphml(const PolicyGraph& graph) {
  std::ostringstream out;
  WriteGraphml(graph, out);
  return std::move(out).str();
}

}  // namespace policygraph

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

// `text` as XML character data or attribute value (SafeText's kXml, which
// also replaces ill-formed UTF-8 as ExportedId does).
void AppendXmlText(std::string& out, std::string_view text) {
  internal::AppendSafeText(out, text, internal::TextUse::kXml);
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
  std::string& out;

  void Open(std::string_view name) {
    out += "      <data key=\"";
    out += domain;
    out += '_';
    out += name;
    out += "\">";
  }
  void Text(std::string_view name, std::string_view text) {
    Open(name);
    AppendXmlText(out, text);
    out += "</data>\n";
  }
  template <typename T>
  void Integer(std::string_view name, T value) {
    Open(name);
    out += std::to_string(value);
    out += "</data>\n";
  }
  void Number(std::string_view name, double value) {
    Open(name);
    out += Json(value).dump();
    out += "</data>\n";
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

// Each node and edge is made in one reused buffer and written with one
// call: a stream insertion per piece was most of GraphML's time.
void GraphmlWriter::AddNode(const GraphNodeView& node) {
  text_.clear();
  text_ += "    <node id=\"";
  AppendXmlText(text_, node.id);
  text_ += "\">\n";
  DataSink data{"node", text_};
  internal::VisitNodeAttributes(node, data);
  text_ += "    </node>\n";
  out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
  // An id with a byte that is not ASCII never looks like an edge id, so
  // the raw id is what ExportedId would give whenever it is kept.
  if (internal::LooksLikeEdgeId(node.id)) edge_like_ids_.emplace(node.id);
}

void GraphmlWriter::AddEdge(std::string_view source, std::string_view target,
                            const GraphEdgeView& edge) {
  text_.clear();
  text_ += "    <edge id=\"";
  text_ += internal::EdgeId(edges_++, edge_like_ids_);
  text_ += "\" source=\"";
  AppendXmlText(text_, source);
  text_ += "\" target=\"";
  AppendXmlText(text_, target);
  text_ += "\">\n";
  DataSink data{"edge", text_};
  internal::VisitEdgeAttributes(edge, data);
  text_ += "    </edge>\n";
  out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
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

// The graph as node-link JSON (networkx, D3) and as Cytoscape.js elements.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
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

// Fills a JSON object with the attributes a Visit…Attributes gives.
struct JsonSink {
  Json& object;
  void Text(const char* name, std::string_view text) {
    object[name] = SafeJson(text);
  }
  template <typename T>
  void Integer(const char* name, T value) {
    object[name] = value;
  }
  void Number(const char* name, double value) { object[name] = value; }
};

}  // namespace

Json NodeAttributes(const GraphNodeView& node) {
  Json out = Json::object();
  JsonSink sink{out};
  VisitNodeAttributes(node, sink);
  return out;
}

Json EdgeAttributes(const GraphEdgeView& edge) {
  Json out = Json::object();
  JsonSink sink{out};
  VisitEdgeAttributes(edge, sink);
  return out;
}

std::string ExportedId(std::string_view id) { return SafeJson(id); }

bool LooksLikeEdgeId(std::string_view id) {
  const size_t digits = id.find_first_not_of('e');
  if (digits == 0 || digits == std::string_view::npos) return false;
  return id.find_first_not_of("0123456789", digits) == std::string_view::npos;
}

std::string EdgeId(size_t index, const std::unordered_set<std::string>& taken) {
  // "e…e<i>" is never another edge's id: the digits differ.
  const std::string digits = std::to_string(index);
  std::string prefix = "e";
  while (taken.contains(prefix + digits)) prefix += 'e';
  return prefix + digits;
}

std::unordered_set<std::string> EdgeLikeNodeIds(const PolicyGraph& graph) {
  // Only asked for membership, never iterated, so output order is safe.
  std::unordered_set<std::string> taken;
  for (NodeId n : graph.Nodes()) {
    std::string id = ExportedId(graph.Node(n).id);
    if (LooksLikeEdgeId(id)) taken.insert(std::move(id));
  }
  return taken;
}

}  // namespace internal

namespace {

Json GraphMetadata(size_t nodes, size_t edges) {
  Json meta = Json::object();
  meta["name"] = "policygraph";
  meta["nodes"] = nodes;
  meta["edges"] = edges;
  return meta;
}

// `first` then the fields of `rest`, keeping both orders.
Json Concatenated(Json first, Json rest) {
  for (auto& [name, value] : rest.items()) first[name] = std::move(value);
  return first;
}

Json NodeLinkNode(const GraphNodeView& node) {
  Json out = {{"id", internal::ExportedId(node.id)}};
  return Concatenated(std::move(out), internal::NodeAttributes(node));
}

Json NodeLinkLink(std::string_view source, std::string_view target, int key,
                  const GraphEdgeView& edge) {
  Json link = Json::object();
  link["source"] = internal::ExportedId(source);
  link["target"] = internal::ExportedId(target);
  link["key"] = key;
  return Concatenated(std::move(link), internal::EdgeAttributes(edge));
}

// networkx numbers the parallel edges of one (source, target) pair from 0
// in insertion order; "key" is that number, so node_link_graph rebuilds
// the same multigraph.
// The keys are found by sorting the edge numbers by their ends (stably, so
// a pair's edges stay in insertion order): 6 bytes an edge, where a hash
// map counting every pair as the edges went by held about 40 (some 135
// MiB at 1 GB by that estimate; the build's peak did not move with it).
class ParallelKeys {
 public:
  explicit ParallelKeys(const PolicyGraph& graph) {
    const std::vector<PolicyGraph::Ends>& ends = graph.EdgeEnds();
    std::vector<uint32_t> order(ends.size());
    std::iota(order.begin(), order.end(), 0u);
    auto pair = [&](uint32_t edge) {
      return (uint64_t{ends[edge].source.value} << 32) |
             ends[edge].target.value;
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t a, uint32_t b) { return pair(a) < pair(b); });
    keys_.resize(ends.size());
    for (size_t k = 1; k < order.size(); ++k)
      if (pair(order[k]) == pair(order[k - 1]))
        keys_[order[k]] = static_cast<uint16_t>(keys_[order[k - 1]] + 1);
  }
  // The key of the edge numbered `edge` in insertion order.
  int Of(size_t edge) const { return keys_[edge]; }

 private:
  // Parallel edges differ in relation (AddEdge merges the rest), so a
  // pair has at most one per relation.
  std::vector<uint16_t> keys_;
};

Json NodeLinkLinks(const PolicyGraph& graph) {
  const ParallelKeys keys(graph);
  Json links = Json::array();
  size_t edge = 0;
  for (const PolicyGraph::EdgeRef& e : graph.Edges())
    links.push_back(NodeLinkLink(graph.Node(e.source).id,
                                 graph.Node(e.target).id, keys.Of(edge++),
                                 *e.edge));
  return links;
}

// `value` as dump(1) prints it `depth` levels down: every line after the
// first indented by `depth` more spaces (JSON strings hold no raw line
// breaks, so every line break is one of dump's).
std::string Indented(const Json& value, int depth) {
  const std::string text = value.dump(1);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    out += c;
    if (c == '\n') out.append(depth, ' ');
  }
  return out;
}

// A JSON object written straight to text as dump(1) prints it `depth`
// levels down, its members one level deeper, or with kCompact as dump()
// prints it.  The streamed exports print millions of nodes and links;
// building an nlohmann object of each only to print and re-indent it was
// most of their time.  Also a sink for Visit…Attributes.
class ObjectText {
 public:
  static constexpr int kCompact = -1;

  ObjectText(std::string& out, int depth) : out_(out), depth_(depth) {
    out_ += '{';
  }
  void Text(std::string_view name, std::string_view text) {
    Key(name);
    internal::AppendJsonString(out_, text);
  }
  template <typename T>
  void Integer(std::string_view name, T value) {
    Key(name);
    out_ += std::to_string(value);
  }
  // nlohmann prints the number, so a score reads as GraphToNodeLink's.
  void Number(std::string_view name, double value) {
    Key(name);
    out_ += Json(value).dump();
  }
  // A member object; Close it before adding to this one.
  ObjectText Object(std::string_view name) {
    Key(name);
    return ObjectText(out_, depth_ == kCompact ? kCompact : depth_ + 1);
  }
  void Close() {
    if (members_ && depth_ != kCompact) {
      out_ += '\n';
      out_.append(depth_, ' ');
    }
    out_ += '}';
  }

 private:
  void Key(std::string_view name) {
    if (depth_ == kCompact) {
      if (members_++) out_ += ',';
      internal::AppendJsonString(out_, name);
      out_ += ':';
      return;
    }
    out_ += members_++ ? ",\n" : "\n";
    out_.append(depth_ + 1, ' ');
    internal::AppendJsonString(out_, name);
    out_ += ": ";
  }

  std::string& out_;
  int depth_;
  size_t members_ = 0;
};

// NodeLinkNode's fields, into `object`.
void NodeFields(const GraphNodeView& node, ObjectText& object) {
  object.Text("id", node.id);
  internal::VisitNodeAttributes(node, object);
}

// NodeLinkLink's fields, into `object`.
void LinkFields(std::string_view source, std::string_view target, int key,
                const GraphEdgeView& edge, ObjectText& object) {
  object.Text("source", source);
  object.Text("target", target);
  object.Integer("key", key);
  internal::VisitEdgeAttributes(edge, object);
}

// CytoscapeNode and CytoscapeEdge as dump(1) prints them `depth` levels
// down, or (depth ObjectText::kCompact) as dump() prints them.
void PrintCytoscapeNode(std::string& text, int depth,
                        const GraphNodeView& node) {
  ObjectText element(text, depth);
  ObjectText data = element.Object("data");
  NodeFields(node, data);
  data.Close();
  element.Close();
}

void PrintCytoscapeEdge(std::string& text, int depth, std::string_view id,
                        std::string_view source, std::string_view target,
                        const GraphEdgeView& edge) {
  ObjectText element(text, depth);
  ObjectText data = element.Object("data");
  data.Text("id", id);
  data.Text("source", source);
  data.Text("target", target);
  internal::VisitEdgeAttributes(edge, data);
  data.Close();
  element.Close();
}

}  // namespace

Json GraphToNodeLink(const PolicyGraph& graph) {
  Json out = Json::object();
  out["directed"] = true;
  out["multigraph"] = true;
  out["graph"] = GraphMetadata(graph.NodeCount(), graph.EdgeCount());
  Json nodes = Json::array();
  for (NodeId n : graph.Nodes()) nodes.push_back(NodeLinkNode(graph.Node(n)));
  out["nodes"] = std::move(nodes);
  out["links"] = NodeLinkLinks(graph);
  return out;
}

namespace {

Json CytoscapeNode(const GraphNodeView& node) {
  return {{"data", NodeLinkNode(node)}};
}

Json CytoscapeEdge(const PolicyGraph& graph, const PolicyGraph::EdgeRef& edge,
                   std::string id) {
  Json data = Json::object();
  data["id"] = std::move(id);
  data["source"] = internal::ExportedId(graph.Node(edge.source).id);
  data["target"] = internal::ExportedId(graph.Node(edge.target).id);
  return {{"data", Concatenated(std::move(data),
                                internal::EdgeAttributes(*edge.edge))}};
}

}  // namespace

void internal::VisitCytoscapeNodes(const PolicyGraph& graph,
                                   const std::function<void(Json)>& node) {
  for (NodeId n : graph.Nodes()) node(CytoscapeNode(graph.Node(n)));
}

void internal::VisitCytoscapeEdges(const PolicyGraph& graph,
                                   const std::function<void(Json)>& edge) {
  const std::unordered_set<std::string> taken =
      internal::EdgeLikeNodeIds(graph);
  size_t i = 0;
  for (const PolicyGraph::EdgeRef& e : graph.Edges())
    edge(CytoscapeEdge(graph, e, internal::EdgeId(i++, taken)));
}

void internal::VisitCompactCytoscapeNodes(
    const PolicyGraph& graph,
    const std::function<void(std::string_view)>& node) {
  std::string text;  // reused
  for (NodeId n : graph.Nodes()) {
    text.clear();
    PrintCytoscapeNode(text, ObjectText::kCompact, graph.Node(n));
    node(text);
  }
}

void internal::VisitCompactCytoscapeEdges(
    const PolicyGraph& graph,
    const std::function<void(std::string_view)>& edge) {
  const std::unordered_set<std::string> taken =
      internal::EdgeLikeNodeIds(graph);
  std::string text;  // reused
  size_t i = 0;
  for (const PolicyGraph::EdgeRef& e : graph.Edges()) {
    text.clear();
    PrintCytoscapeEdge(text, ObjectText::kCompact, internal::EdgeId(i++, taken),
                       graph.Node(e.source).id, graph.Node(e.target).id,
                       *e.edge);
    edge(text);
  }
}

namespace {

// Writes the members of a JSON array as dump(1) prints them `depth` levels
// down, one at a time, and closes the array.
class ArrayWriter {
 public:
  ArrayWriter(std::ostream& out, int depth) : out_(out), depth_(depth) {
    out_ << '[';
  }
  // A member as `print(text, depth)` writes it at the member's depth.
  template <typename Print>
  void Add(Print print) {
    text_.clear();
    text_ += count_++ ? "," : "";
    text_ += '\n';
    text_.append(depth_ + 1, ' ');
    print(text_, depth_ + 1);
    out_ << text_;
  }
  void Close() {
    if (count_) out_ << '\n' << std::string(depth_, ' ');
    out_ << ']';
  }

 private:
  std::ostream& out_;
  int depth_;
  size_t count_ = 0;
  std::string text_;  // the member being written, reused
};

}  // namespace

Json GraphToCytoscape(const PolicyGraph& graph) {
  Json nodes = Json::array();
  Json edge_list = Json::array();
  internal::VisitCytoscapeNodes(
      graph, [&](Json node) { nodes.push_back(std::move(node)); });
  internal::VisitCytoscapeEdges(
      graph, [&](Json edge) { edge_list.push_back(std::move(edge)); });
  Json elements = Json::object();
  elements["nodes"] = std::move(nodes);
  elements["edges"] = std::move(edge_list);
  return {{"elements", std::move(elements)}};
}

bool WriteCytoscape(const PolicyGraph& graph, std::ostream& out) {
  out << "{\n \"elements\": {\n  \"nodes\": ";
  // As CytoscapeNode and CytoscapeEdge print.
  ArrayWriter nodes(out, 2);
  for (NodeId n : graph.Nodes())
    nodes.Add([&](std::string& text, int depth) {
      PrintCytoscapeNode(text, depth, graph.Node(n));
    });
  nodes.Close();
  out << ",\n  \"edges\": ";
  // Each edge's id made as it is written: a list of them all was a tenth
  // of build's peak memory.
  const std::unordered_set<std::string> taken =
      internal::EdgeLikeNodeIds(graph);
  ArrayWriter edges(out, 2);
  size_t i = 0;
  for (const PolicyGraph::EdgeRef& e : graph.Edges())
    edges.Add([&](std::string& text, int depth) {
      PrintCytoscapeEdge(text, depth, internal::EdgeId(i++, taken),
                         graph.Node(e.source).id, graph.Node(e.target).id,
                         *e.edge);
    });
  edges.Close();
  out << "\n }\n}\n";
  out.flush();
  return out.good();
}

bool WriteNodeLink(const PolicyGraph& graph, std::ostream& out) {
  NodeLinkWriter writer(out, graph.NodeCount(), graph.EdgeCount());
  for (NodeId n : graph.Nodes()) writer.AddNode(graph.Node(n));
  const ParallelKeys keys(graph);
  size_t edge = 0;
  for (const PolicyGraph::EdgeRef& e : graph.Edges())
    writer.AddEdge(graph.Node(e.source).id, graph.Node(e.target).id,
                   keys.Of(edge++), *e.edge);
  return writer.Finish();
}

// The shape dump(1) gives GraphToNodeLink's object: two spaces before each
// node and link, their fields one level deeper, "[]" for an empty list.
NodeLinkWriter::NodeLinkWriter(std::ostream& out, size_t nodes, size_t edges)
    : out_(out), nodes_expected_(nodes), edges_expected_(edges) {
  out_ << "{\n \"directed\": true,\n \"multigraph\": true,\n \"graph\": "
       << Indented(GraphMetadata(nodes, edges), 1) << ",\n \"nodes\": [";
}

void NodeLinkWriter::AddNode(const GraphNodeView& node) {
  text_.clear();
  text_ += nodes_++ ? ",\n  " : "\n  ";
  ObjectText object(text_, 2);
  NodeFields(node, object);
  object.Close();
  out_ << text_;
}

void NodeLinkWriter::CloseNodes() {
  if (in_links_) return;
  in_links_ = true;
  out_ << (nodes_ ? "\n ]" : "]") << ",\n \"links\": [";
}

void NodeLinkWriter::AddEdge(std::string_view source, std::string_view target,
                             int key, const GraphEdgeView& edge) {
  CloseNodes();
  text_.clear();
  text_ += edges_++ ? ",\n  " : "\n  ";
  ObjectText object(text_, 2);
  LinkFields(source, target, key, edge, object);
  object.Close();
  out_ << text_;
}

bool NodeLinkWriter::Finish() {
  CloseNodes();
  out_ << (edges_ ? "\n ]" : "]") << "\n}\n";
  out_.flush();
  return out_.good() && nodes_ == nodes_expected_ && edges_ == edges_expected_;
}

}  // namespace policygraph

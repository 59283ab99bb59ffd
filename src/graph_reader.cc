#include "policygraph/graph_reader.h"

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace policygraph {
namespace {

using Json = nlohmann::json;  // only for its SAX parser

// One JSON scalar as the SAX parser hands it over.
struct Scalar {
  enum class Type { kNull, kBool, kInteger, kUnsigned, kFloat, kString };
  Type type = Type::kNull;
  bool boolean = false;
  int64_t integer = 0;  // kInteger: negative
  uint64_t whole = 0;   // kUnsigned
  double number = 0;
  const std::string* text = nullptr;
};

std::string Describe(const Scalar& v) {
  switch (v.type) {
    case Scalar::Type::kNull:
      return "null";
    case Scalar::Type::kBool:
      return v.boolean ? "true" : "false";
    case Scalar::Type::kInteger:
    case Scalar::Type::kUnsigned:
    case Scalar::Type::kFloat:
      return "a number";
    case Scalar::Type::kString:
      return "\"" + *v.text + "\"";
  }
  return "a value";
}

// What an attribute must hold.
enum class Expect { kText, kLine, kCount, kScore, kKind, kLevel, kRelation };

struct Field {
  std::string_view name;
  Expect expect;
};

// The attributes GraphToNodeLink writes; any other is left alone.
constexpr std::array<Field, 11> kNodeFields = {{
    {"id", Expect::kText},
    {"kind", Expect::kKind},
    {"title", Expect::kText},
    {"doc_number", Expect::kText},
    {"level", Expect::kLevel},
    {"type", Expect::kText},
    {"date", Expect::kText},
    {"issuer", Expect::kText},
    {"file", Expect::kText},
    {"line", Expect::kLine},
    {"document", Expect::kText},
}};

constexpr std::array<Field, 9> kLinkFields = {{
    {"source", Expect::kText},
    {"target", Expect::kText},
    {"relation", Expect::kRelation},
    {"cue", Expect::kText},
    {"score", Expect::kScore},
    {"count", Expect::kCount},
    {"evidence_file", Expect::kText},
    {"evidence_line", Expect::kLine},
    {"evidence", Expect::kText},
}};

constexpr std::array<std::pair<std::string_view, std::string GraphNode::*>, 8>
    kNodeText = {{
        {"title", &GraphNode::title},
        {"doc_number", &GraphNode::doc_number},
        {"type", &GraphNode::type},
        {"date", &GraphNode::date},
        {"issuer", &GraphNode::issuer},
        {"file", &GraphNode::file},
        {"document", &GraphNode::document},
        {"id", &GraphNode::id},
    }};

template <size_t N>
const Field* FindField(const std::array<Field, N>& fields,
                       std::string_view name) {
  for (const Field& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

std::string_view ExpectedText(Expect expect) {
  switch (expect) {
    case Expect::kText:
      return "a string";
    case Expect::kLine:
      return "a whole number from 0 to 4294967295";
    case Expect::kCount:
      return "a whole number from 1 to 2147483647";
    case Expect::kScore:
      return "a number";
    case Expect::kKind:
      return "document, external or directive";
    case Expect::kLevel:
      return "national, municipal, district, department or unknown";
    case Expect::kRelation:
      return "basis, implements, follows, issues, repeals, drafts, "
             "mentions, counterpart, part_of or aligned";
  }
  return "a value";
}

// A value checked against what its attribute must hold.
struct Checked {
  std::string_view text;
  uint64_t whole = 0;
  double number = 0;
  NodeKind kind = NodeKind::kDocument;
  Level level = Level::kUnknown;
  Relation relation = Relation::kMentions;
};

bool Check(const Scalar& v, Expect expect, Checked& out) {
  // nlohmann hands non-negative integers to number_unsigned, negative ones
  // to number_integer.
  const bool whole = v.type == Scalar::Type::kUnsigned;
  switch (expect) {
    case Expect::kLine:
      out.whole = v.whole;
      return whole && v.whole <= std::numeric_limits<uint32_t>::max();
    case Expect::kCount:
      out.whole = v.whole;
      return whole && v.whole >= 1 &&
             v.whole <= static_cast<uint64_t>(std::numeric_limits<int>::max());
    case Expect::kScore:
      out.number = v.type == Scalar::Type::kFloat     ? v.number
                   : v.type == Scalar::Type::kInteger ? double(v.integer)
                                                      : double(v.whole);
      return v.type == Scalar::Type::kFloat || whole ||
             v.type == Scalar::Type::kInteger;
    default:
      break;
  }
  if (v.type != Scalar::Type::kString) return false;
  out.text = *v.text;
  switch (expect) {
    case Expect::kKind: {
      const std::optional<NodeKind> kind = ParseNodeKind(out.text);
      out.kind = kind.value_or(NodeKind::kDocument);
      return kind.has_value();
    }
    case Expect::kLevel: {
      const std::optional<Level> level = ParseLevel(out.text);
      out.level = level.value_or(Level::kUnknown);
      return level.has_value();
    }
    case Expect::kRelation: {
      const std::optional<Relation> relation = ParseRelation(out.text);
      out.relation = relation.value_or(Relation::kMentions);
      return relation.has_value();
    }
    default:
      return true;
  }
}

// Builds the graph from nlohmann's SAX events.  Every callback returns
// false after the first problem, which stops the parse; `error` says what
// and where.
class NodeLinkHandler {
 public:
  explicit NodeLinkHandler(PolicyGraph& graph) : graph_(graph) {}

  // nlohmann::json_sax<Json>.
  bool null() { return Value({}); }
  bool boolean(bool b) {
    Scalar v;
    v.type = Scalar::Type::kBool;
    v.boolean = b;
    return Value(v);
  }
  bool number_integer(int64_t n) {
    Scalar v;
    v.type = Scalar::Type::kInteger;
    v.integer = n;
    return Value(v);
  }
  bool number_unsigned(uint64_t n) {
    Scalar v;
    v.type = Scalar::Type::kUnsigned;
    v.whole = n;
    return Value(v);
  }
  bool number_float(double n, const std::string&) {
    Scalar v;
    v.type = Scalar::Type::kFloat;
    v.number = n;
    return Value(v);
  }
  bool string(std::string& s) {
    Scalar v;
    v.type = Scalar::Type::kString;
    v.text = &s;
    return Value(v);
  }
  bool binary(std::vector<uint8_t>&) { return Fail("binary data"); }
  bool start_object(size_t) { return Open(/*object=*/true); }
  bool end_object() { return Close(); }
  bool start_array(size_t) { return Open(/*object=*/false); }
  bool end_array() { return Close(); }
  bool key(std::string& k) {
    if (skip_ == 0) key_ = k;
    return true;
  }
  bool parse_error(size_t, const std::string&,
                   const nlohmann::detail::exception& e) {
    // "[json.exception.parse_error.101] parse error at line 3, …"
    std::string_view what = e.what();
    const size_t bracket = what.find("] ");
    if (bracket != std::string_view::npos) what.remove_prefix(bracket + 2);
    return Fail(std::string(what));
  }

  // After a successful parse: the parts every graph.json has.
  bool Complete() {
    if (!directed_) return Fail("no \"directed\": true");
    if (!nodes_seen_) return Fail("no \"nodes\" list");
    if (!links_seen_) return Fail("no \"links\" list");
    return true;
  }

  const std::string& error() const { return error_; }

 private:
  enum class Frame { kRoot, kNodes, kNode, kLinks, kLink };

  bool Fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    return false;
  }

  // "nodes[3]", "links[12].target".
  std::string Where(bool with_key) const {
    const bool link = frames_.back() == Frame::kLink;
    std::string where = (link ? "links[" : "nodes[") +
                        std::to_string(link ? links_ : nodes_) + "]";
    if (with_key) where += "." + key_;
    return where;
  }

  bool Value(const Scalar& v) {
    if (skip_ > 0) return true;
    if (frames_.empty())
      return Fail("expected a JSON object at the top, got " + Describe(v));
    switch (frames_.back()) {
      case Frame::kRoot:
        return RootValue(v);
      case Frame::kNodes:
        return Fail("nodes[" + std::to_string(nodes_) +
                    "]: expected an object, got " + Describe(v));
      case Frame::kLinks:
        return Fail("links[" + std::to_string(links_) +
                    "]: expected an object, got " + Describe(v));
      case Frame::kNode:
      case Frame::kLink:
        return AttributeValue(v);
    }
    return true;
  }

  bool RootValue(const Scalar& v) {
    if (key_ == "directed") {
      if (v.type == Scalar::Type::kBool && v.boolean) {
        directed_ = true;
        return true;
      }
      return Fail("\"directed\" is " + Describe(v) +
                  ": a policy graph is directed");
    }
    if (key_ == "nodes" || key_ == "links")
      return Fail("\"" + key_ + "\": expected a list, got " + Describe(v));
    return true;
  }

  // A field `fields` knows, with a value of the wrong type or range.
  bool WrongValue(Expect expect, const std::string& what) {
    return Fail(Where(true) + ": expected " +
                std::string(ExpectedText(expect)) + ", got " + what);
  }

  // The attribute being read, if this library writes it.
  const Field* CurrentField() const {
    return frames_.back() == Frame::kNode ? FindField(kNodeFields, key_)
                                          : FindField(kLinkFields, key_);
  }

  bool AttributeValue(const Scalar& v) {
    const Field* field = CurrentField();
    if (!field) return true;
    Checked c;
    if (!Check(v, field->expect, c))
      return WrongValue(field->expect, Describe(v));
    if (frames_.back() == Frame::kNode) {
      SetNodeField(field->expect, c);
    } else {
      SetLinkField(c);
    }
    return true;
  }

  void SetNodeField(Expect expect, const Checked& c) {
    switch (expect) {
      case Expect::kKind:
        node_.kind = c.kind;
        has_kind_ = true;
        return;
      case Expect::kLevel:
        node_.level = c.level;
        has_level_ = true;
        return;
      case Expect::kLine:
        node_.line = static_cast<uint32_t>(c.whole);
        return;
      default:
        break;
    }
    for (const auto& [name, member] : kNodeText)
      if (name == key_) node_.*member = c.text;
    if (key_ == "id") has_id_ = true;
  }

  void SetLinkField(const Checked& c) {
    if (key_ == "source") {
      source_ = c.text;
      has_source_ = true;
    } else if (key_ == "target") {
      target_ = c.text;
      has_target_ = true;
    } else if (key_ == "relation") {
      edge_.relation = c.relation;
      has_relation_ = true;
    } else if (key_ == "cue") {
      edge_.cue = c.text;
    } else if (key_ == "score") {
      edge_.score = c.number;
    } else if (key_ == "count") {
      edge_.count = static_cast<int>(c.whole);
    } else if (key_ == "evidence_file") {
      edge_.evidence.file = c.text;
    } else if (key_ == "evidence_line") {
      edge_.evidence.line = static_cast<uint32_t>(c.whole);
    } else if (key_ == "evidence") {
      edge_.evidence.text = c.text;
    }
  }

  bool Open(bool object) {
    const char* what = object ? "an object" : "a list";
    if (skip_ > 0) {
      ++skip_;
      return true;
    }
    if (frames_.empty()) {
      if (!object) return Fail("expected a JSON object at the top, got a list");
      frames_.push_back(Frame::kRoot);
      return true;
    }
    switch (frames_.back()) {
      case Frame::kRoot:
        return OpenInRoot(object);
      case Frame::kNodes:
        if (!object) break;
        node_ = GraphNode();
        has_id_ = has_kind_ = has_level_ = false;
        frames_.push_back(Frame::kNode);
        return true;
      case Frame::kLinks:
        if (!object) break;
        edge_ = GraphEdge();
        has_source_ = has_target_ = has_relation_ = false;
        frames_.push_back(Frame::kLink);
        return true;
      case Frame::kNode:
      case Frame::kLink: {
        const Field* field = frames_.back() == Frame::kNode
                                 ? FindField(kNodeFields, key_)
                                 : FindField(kLinkFields, key_);
        if (field) return WrongValue(field->expect, what);
        skip_ = 1;  // an attribute of someone else's: not ours to check
        return true;
      }
    }
    const bool in_links = frames_.back() == Frame::kLinks;
    return Fail(std::string(in_links ? "links[" : "nodes[") +
                std::to_string(in_links ? links_ : nodes_) +
                "]: expected an object, got " + what);
  }

  bool OpenInRoot(bool object) {
    const bool nodes = key_ == "nodes", links = key_ == "links";
    if (!nodes && !links) {
      skip_ = 1;  // "graph" and anything else at the top
      return true;
    }
    if (object) return Fail("\"" + key_ + "\": expected a list, got an object");
    if ((nodes && nodes_seen_) || (links && links_seen_))
      return Fail("a second \"" + key_ + "\" list");
    if (links && !nodes_seen_)
      return Fail(
          "\"links\" comes before \"nodes\": links name nodes by id, so "
          "the nodes must come first");
    (nodes ? nodes_seen_ : links_seen_) = true;
    frames_.push_back(nodes ? Frame::kNodes : Frame::kLinks);
    return true;
  }

  bool Close() {
    if (skip_ > 0) {
      --skip_;
      return true;
    }
    const Frame frame = frames_.back();
    if (frame == Frame::kNode && !AddNode()) return false;
    if (frame == Frame::kLink && !AddLink()) return false;
    frames_.pop_back();
    return true;
  }

  bool AddNode() {
    for (auto [has, name] :
         {std::pair{has_id_, "id"}, std::pair{has_kind_, "kind"},
          std::pair{has_level_, "level"}})
      if (!has) return Fail(Where(false) + ": no \"" + name + "\"");
    if (node_.id.empty()) return Fail(Where(false) + ".id: empty");
    if (std::optional<NodeId> earlier = graph_.FindNode(node_.id))
      return Fail(Where(false) + ".id: \"" + node_.id +
                  "\" is already the id of nodes[" +
                  std::to_string(earlier->value) + "]");
    graph_.AddNode(std::move(node_));
    ++nodes_;
    return true;
  }

  bool AddLink() {
    for (auto [has, name] :
         {std::pair{has_source_, "source"}, std::pair{has_target_, "target"},
          std::pair{has_relation_, "relation"}})
      if (!has) return Fail(Where(false) + ": no \"" + name + "\"");
    const std::optional<NodeId> source = graph_.FindNode(source_);
    if (!source)
      return Fail(Where(false) + ".source: \"" + source_ +
                  "\" is not the id of a node");
    const std::optional<NodeId> target = graph_.FindNode(target_);
    if (!target)
      return Fail(Where(false) + ".target: \"" + target_ +
                  "\" is not the id of a node");
    graph_.AddEdge(*source, *target, std::move(edge_));
    ++links_;
    return true;
  }

  PolicyGraph& graph_;
  std::string error_;
  std::vector<Frame> frames_;
  int skip_ = 0;  // depth inside a value the reader passes over
  std::string key_;
  bool directed_ = false;
  bool nodes_seen_ = false;
  bool links_seen_ = false;
  size_t nodes_ = 0;  // nodes and links read so far: the current index
  size_t links_ = 0;
  GraphNode node_;
  bool has_id_ = false, has_kind_ = false, has_level_ = false;
  GraphEdge edge_;
  std::string source_;
  std::string target_;
  bool has_source_ = false, has_target_ = false, has_relation_ = false;
};

template <typename Input>
GraphReadResult Read(Input&& input, std::string_view name) {
  GraphReadResult result;
  NodeLinkHandler handler(result.graph);
  bool ok = false;
  try {
    ok = Json::sax_parse(std::forward<Input>(input), &handler) &&
         handler.Complete();
  } catch (const Json::exception& e) {
    result.error = std::string(name) + ": " + e.what();
    result.graph = PolicyGraph();
    return result;
  }
  result.ok = ok;
  if (!ok) {
    result.error = std::string(name) + ": " + handler.error();
    result.graph = PolicyGraph();
  }
  return result;
}

}  // namespace

GraphReadResult ReadGraphJson(std::string_view json, std::string_view name) {
  return Read(json, name);
}

GraphReadResult ReadGraphJsonFile(const std::string& path) {
  // The parser takes a character at a time; a large buffer keeps that a
  // pointer bump rather than a read call.
  std::vector<char> buffer(1 << 20);
  std::ifstream in;
  in.rdbuf()->pubsetbuf(buffer.data(),
                        static_cast<std::streamsize>(buffer.size()));
  in.open(path, std::ios::binary);
  if (!in) {
    GraphReadResult result;
    result.error = path + ": cannot open: " + std::strerror(errno);
    return result;
  }
  GraphReadResult result = Read(in, path);
  if (result.ok && in.bad()) {
    result = GraphReadResult();
    result.error = path + ": read error";
  }
  return result;
}

}  // namespace policygraph

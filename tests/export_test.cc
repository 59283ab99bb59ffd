// SelectView and the graph exporters (node-link JSON, Cytoscape.js,
// GraphML) on small hand-made graphs and on the bundled corpus, including
// hostile text and a round trip through networkx and igraph.
#include "policygraph/export.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "policygraph/graph.h"
#include "policygraph/pipeline.h"

#include "csv_reader.h"
#include "test_support.h"

namespace policygraph {
namespace {

using testing::CommandRun;
using testing::RunCommand;

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------
// Fixtures

const Corpus& BundledCorpus() {
  static const Corpus* corpus = new Corpus(LoadCorpus({PG_CORPUS_DIR}));
  return *corpus;
}

const PolicyGraph& CorpusGraph() {
  static const PolicyGraph* graph =
      new PolicyGraph(BuildGraph(BundledCorpus()));
  return *graph;
}

NodeId AddDoc(PolicyGraph& g, const std::string& id,
              Level level = Level::kDistrict) {
  GraphNode node;
  node.id = id;
  node.title = id + " title";
  node.level = level;
  node.file = "f.txt";
  node.line = 1;
  return g.AddNode(node);
}

NodeId AddExternal(PolicyGraph& g, const std::string& id, Level level) {
  GraphNode node;
  node.id = id;
  node.kind = NodeKind::kExternal;
  node.title = id + " title";
  node.level = level;
  return g.AddNode(node);
}

// A directive's own level is left unknown: views must judge it by its
// document's.
NodeId AddDirective(PolicyGraph& g, const std::string& doc,
                    const std::string& path) {
  GraphNode node;
  node.id = doc + "#" + path;
  node.kind = NodeKind::kDirective;
  node.title = "heading " + path;
  node.document = doc;
  node.file = "f.txt";
  node.line = 2;
  return g.AddNode(node);
}

GraphEdge MakeEdge(Relation relation, int count = 1) {
  GraphEdge edge;
  edge.relation = relation;
  edge.evidence = {"f.txt", 3, "evidence"};
  edge.count = count;
  return edge;
}

// Documents A (national) and B (district), each with one directive; B
// implements A, B's directive is aligned with A's, B mentions external X.
PolicyGraph TwoDocumentGraph() {
  PolicyGraph g;
  NodeId a = AddDoc(g, "A", Level::kNational);
  NodeId b = AddDoc(g, "B", Level::kDistrict);
  NodeId x = AddExternal(g, "X", Level::kMunicipal);
  NodeId a1 = AddDirective(g, "A", "1");
  NodeId b1 = AddDirective(g, "B", "1");
  g.AddEdge(a1, a, MakeEdge(Relation::kPartOf));
  g.AddEdge(b1, b, MakeEdge(Relation::kPartOf));
  g.AddEdge(b, a, MakeEdge(Relation::kImplements, 2));
  g.AddEdge(b, x, MakeEdge(Relation::kMentions));
  g.AddEdge(b1, a1, MakeEdge(Relation::kAligned));
  return g;
}

std::vector<std::string> NodeIds(const PolicyGraph& g) {
  std::vector<std::string> ids;
  for (NodeId n : g.Nodes()) ids.emplace_back(g.Node(n).id);
  return ids;
}

// "source>target:relation*count" per edge, in order.
std::vector<std::string> EdgeNames(const PolicyGraph& g) {
  std::vector<std::string> names;
  for (const PolicyGraph::EdgeRef& e : g.Edges())
    names.push_back(std::string(g.Node(e.source).id) + ">" +
                    std::string(g.Node(e.target).id) + ":" +
                    std::string(RelationName(e.edge->relation)) + "*" +
                    std::to_string(e.edge->count));
  return names;
}

std::vector<std::string> Keys(const Json& object) {
  std::vector<std::string> keys;
  for (auto it = object.begin(); it != object.end(); ++it)
    keys.push_back(it.key());
  return keys;
}

// A node and an edge with every attribute set, so key-order tests see
// them all.
PolicyGraph FullAttributeGraph() {
  PolicyGraph g;
  GraphNode node;
  node.id = "渝府发〔2023〕7号";
  node.kind = NodeKind::kDocument;
  node.title = "关于甲的意见";
  node.doc_number = "渝府发〔2023〕7号";
  node.level = Level::kMunicipal;
  node.type = "意见";
  node.date = "2023-03-01";
  node.issuer = "重庆市人民政府";
  node.file = "corpus/chongqing/a.txt";
  node.line = 12;
  node.document = "parent";
  NodeId a = g.AddNode(node);
  NodeId b = AddDoc(g, "B");
  GraphEdge edge = MakeEdge(Relation::kBasis);
  edge.cue = "根据";
  edge.score = 0.8567;
  g.AddEdge(b, a, edge);
  return g;
}

// ---------------------------------------------------------------------------
// XML helpers: a small well-formedness check, so the test needs no parser.

// Code points of `s`, or nullopt when it is not well-formed UTF-8.
std::optional<std::vector<char32_t>> DecodeUtf8(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const int extra = lead < 0x80   ? 0
                      : lead < 0xC2 ? -1
                      : lead < 0xE0 ? 1
                      : lead < 0xF0 ? 2
                      : lead < 0xF5 ? 3
                                    : -1;
    if (extra < 0 || i + extra >= s.size()) return std::nullopt;
    char32_t c = extra == 0 ? lead : lead & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
      const auto next = static_cast<unsigned char>(s[i + k]);
      if ((next & 0xC0) != 0x80) return std::nullopt;
      c = (c << 6) | (next & 0x3F);
    }
    constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (c < kMin[extra] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
      return std::nullopt;
    out.push_back(c);
    i += extra + 1;
  }
  return out;
}

bool IsXmlChar(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// Length of the reference at `s[i]` ('&'), or 0 when it is not one XML
// allows: the five predefined entities or a character reference to an
// XML character.
size_t ReferenceLength(std::string_view s, size_t i) {
  for (std::string_view entity : {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"})
    if (s.substr(i, entity.size()) == entity) return entity.size();
  if (s.substr(i, 2) != "&#") return 0;
  const size_t end = s.find(';', i);
  if (end == std::string_view::npos || end == i + 2) return 0;
  const bool hex = s[i + 2] == 'x';
  const std::string digits(s.substr(i + 2 + hex, end - i - 2 - hex));
  if (digits.empty() || digits.size() > 8) return 0;
  char* stop = nullptr;
  const unsigned long value =
      std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
  if (*stop != '\0' || !IsXmlChar(static_cast<char32_t>(value))) return 0;
  return end - i + 1;
}

// Problem with character data or an attribute value, or "".
std::string TextProblem(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '<') return "raw '<' in text";
    if (text[i] != '&') continue;
    const size_t length = ReferenceLength(text, i);
    if (length == 0)
      return "bad reference at " + std::string(text.substr(i, 8));
    i += length - 1;
  }
  return "";
}

bool IsNameEnd(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '/' ||
         c == '>' || c == '=';
}

// What is wrong with `xml` as an XML 1.0 document of elements, attributes
// and text (no comments, CDATA or DTD, which the exporter never writes),
// or "" when it is well-formed.
std::string XmlProblem(std::string_view xml) {
  std::optional<std::vector<char32_t>> chars = DecodeUtf8(xml);
  if (!chars) return "ill-formed UTF-8";
  for (char32_t c : *chars)
    if (!IsXmlChar(c)) return "character XML forbids: " + std::to_string(c);
  size_t i = 0;
  if (xml.substr(0, 5) == "<?xml") i = xml.find("?>") + 2;
  std::vector<std::string> open;
  int roots = 0;
  while (i < xml.size()) {
    if (xml[i] != '<') {
      const size_t end = std::min(xml.find('<', i), xml.size());
      std::string_view text = xml.substr(i, end - i);
      if (open.empty() &&
          text.find_first_not_of(" \n\t\r") != std::string_view::npos)
        return "text outside the root element";
      if (std::string p = TextProblem(text); !p.empty()) return p;
      i = end;
      continue;
    }
    if (xml.substr(i, 2) == "</") {
      const size_t end = xml.find('>', i);
      if (end == std::string_view::npos) return "unclosed end tag";
      std::string name(xml.substr(i + 2, end - i - 2));
      if (open.empty() || open.back() != name)
        return "end tag </" + name + "> does not match";
      open.pop_back();
      i = end + 1;
      continue;
    }
    size_t j = i + 1;
    while (j < xml.size() && !IsNameEnd(xml[j])) ++j;
    std::string name(xml.substr(i + 1, j - i - 1));
    if (name.empty()) return "empty tag name";
    if (open.empty() && ++roots > 1) return "second root element <" + name;
    std::set<std::string> attributes;
    while (true) {
      while (j < xml.size() && (xml[j] == ' ' || xml[j] == '\n')) ++j;
      if (j >= xml.size()) return "unclosed tag <" + name;
      if (xml.substr(j, 2) == "/>") {
        j += 2;
        break;
      }
      if (xml[j] == '>') {
        open.push_back(name);
        ++j;
        break;
      }
      const size_t name_start = j;
      while (j < xml.size() && !IsNameEnd(xml[j])) ++j;
      std::string attribute(xml.substr(name_start, j - name_start));
      if (attribute.empty() || xml.substr(j, 2) != "=\"")
        return "unquoted attribute in <" + name;
      if (!attributes.insert(attribute).second)
        return "attribute " + attribute + " twice in <" + name;
      const size_t value_end = xml.find('"', j + 2);
      if (value_end == std::string_view::npos) return "unclosed value";
      if (std::string p = TextProblem(xml.substr(j + 2, value_end - j - 2));
          !p.empty())
        return p + " in <" + name + " " + attribute + ">";
      j = value_end + 1;
    }
    i = j;
  }
  if (!open.empty()) return "<" + open.back() + "> never closed";
  return roots == 1 ? "" : "no root element";
}

std::string XmlUnescape(std::string_view text) {
  static const std::map<std::string, std::string> kEntities = {
      {"&amp;", "&"},  {"&lt;", "<"},  {"&gt;", ">"},   {"&quot;", "\""},
      {"&apos;", "'"}, {"&#9;", "\t"}, {"&#10;", "\n"}, {"&#13;", "\r"}};
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      const size_t end = text.find(';', i);
      auto found = kEntities.find(std::string(text.substr(i, end - i + 1)));
      if (found != kEntities.end()) {
        out += found->second;
        i = end;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// The texts of every <data key="`key`"> element, in document order.
std::vector<std::string> DataTexts(const std::string& xml,
                                   const std::string& key) {
  const std::string open = "<data key=\"" + key + "\">";
  std::vector<std::string> texts;
  for (size_t at = xml.find(open); at != std::string::npos;
       at = xml.find(open, at + 1)) {
    const size_t start = at + open.size();
    texts.push_back(XmlUnescape(std::string_view(xml).substr(
        start, xml.find("</data>", start) - start)));
  }
  return texts;
}

// attr.name of each <key for="`domain`">, in order, with its attr.type.
std::vector<std::pair<std::string, std::string>> KeyDeclarations(
    const std::string& xml, const std::string& domain) {
  std::vector<std::pair<std::string, std::string>> keys;
  const std::string marker = "for=\"" + domain + "\" attr.name=\"";
  for (size_t at = xml.find(marker); at != std::string::npos;
       at = xml.find(marker, at + 1)) {
    const size_t name = at + marker.size();
    const size_t name_end = xml.find('"', name);
    const size_t type = xml.find("attr.type=\"", name_end) + 11;
    keys.emplace_back(xml.substr(name, name_end - name),
                      xml.substr(type, xml.find('"', type) - type));
  }
  return keys;
}

size_t Occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + 1))
    ++n;
  return n;
}

TEST(XmlCheck, RejectsWhatIsNotWellFormed) {
  EXPECT_EQ(XmlProblem("<?xml version=\"1.0\"?>\n<a x=\"1\"><b/>t&amp;</a>\n"),
            "");
  EXPECT_NE(XmlProblem("<a><b></a></b>"), "");
  EXPECT_NE(XmlProblem("<a>x < y</a>"), "");
  EXPECT_NE(XmlProblem("<a>R&D</a>"), "");
  EXPECT_NE(XmlProblem("<a x=\"<\"/>"), "");
  EXPECT_NE(XmlProblem("<a x=1/>"), "");
  EXPECT_NE(XmlProblem("<a/><b/>"), "");
  EXPECT_NE(XmlProblem("<a>\x01</a>"), "");
  EXPECT_NE(XmlProblem("<a>&#1;</a>"), "");
  EXPECT_NE(XmlProblem("<a>\xff</a>"), "");
  EXPECT_NE(XmlProblem("<a>"), "");
}

// ---------------------------------------------------------------------------
// SelectView

TEST(SelectView, DropsDirectivesUnlessAsked) {
  PolicyGraph g = TwoDocumentGraph();
  PolicyGraph view = SelectView(g, ViewOptions{});
  EXPECT_EQ(NodeIds(view), (std::vector<std::string>{"A", "B", "X"}));
  EXPECT_EQ(EdgeNames(view),
            (std::vector<std::string>{"B>A:implements*2", "B>X:mentions*1"}));

  ViewOptions with_directives;
  with_directives.directives = true;
  PolicyGraph all = SelectView(g, with_directives);
  EXPECT_EQ(NodeIds(all), NodeIds(g));
  EXPECT_EQ(EdgeNames(all), EdgeNames(g));
}

TEST(SelectView, KeepsOnlyTheAskedRelations) {
  ViewOptions options;
  options.directives = true;
  options.relations = RelationSet{Relation::kImplements, Relation::kAligned};
  PolicyGraph view = SelectView(TwoDocumentGraph(), options);
  // Nodes stay even when no kept edge touches them.
  EXPECT_EQ(view.NodeCount(), 5u);
  EXPECT_EQ(EdgeNames(view), (std::vector<std::string>{"B>A:implements*2",
                                                       "B#1>A#1:aligned*1"}));
}

TEST(SelectView, LevelFilterJudgesDirectivesByTheirDocument) {
  ViewOptions options;
  options.directives = true;
  options.levels = {Level::kDistrict};
  PolicyGraph view = SelectView(TwoDocumentGraph(), options);
  EXPECT_EQ(NodeIds(view), (std::vector<std::string>{"B", "B#1"}));
  EXPECT_EQ(EdgeNames(view), (std::vector<std::string>{"B#1>B:part_of*1"}));
}

TEST(SelectView, LevelFilterJudgesExternalsByTheirOwnLevel) {
  ViewOptions options;
  options.levels = {Level::kMunicipal, Level::kDistrict};
  PolicyGraph view = SelectView(TwoDocumentGraph(), options);
  EXPECT_EQ(NodeIds(view), (std::vector<std::string>{"B", "X"}));
  EXPECT_EQ(EdgeNames(view), (std::vector<std::string>{"B>X:mentions*1"}));
}

// A → B → C → D → E and X → B, B → Y, all implements.
PolicyGraph Chain() {
  PolicyGraph g;
  std::map<std::string, NodeId> ids;
  for (const char* id : {"A", "B", "C", "D", "E", "X", "Y"})
    ids[id] = AddDoc(g, id);
  for (auto [from, to] :
       std::vector<std::pair<std::string, std::string>>{{"A", "B"},
                                                        {"B", "C"},
                                                        {"C", "D"},
                                                        {"D", "E"},
                                                        {"X", "B"},
                                                        {"B", "Y"}})
    g.AddEdge(ids[from], ids[to], MakeEdge(Relation::kImplements));
  return g;
}

TEST(SelectView, SelectKeepsAncestorsAndDescendantsWithinDepth) {
  ViewOptions options;
  options.select = "C";
  options.depth = 1;
  EXPECT_EQ(NodeIds(SelectView(Chain(), options)),
            (std::vector<std::string>{"B", "C", "D"}));

  // Two steps back from C reach A and X through B; Y hangs off B forwards,
  // a cousin of C, not an ancestor.
  options.depth = 2;
  PolicyGraph view = SelectView(Chain(), options);
  EXPECT_EQ(NodeIds(view),
            (std::vector<std::string>{"A", "B", "C", "D", "E", "X"}));
  EXPECT_EQ(EdgeNames(view),
            (std::vector<std::string>{"A>B:implements*1", "B>C:implements*1",
                                      "C>D:implements*1", "D>E:implements*1",
                                      "X>B:implements*1"}));
}

TEST(SelectView, DepthZeroKeepsOnlyTheSelectedNode) {
  ViewOptions options;
  options.select = "C";
  options.depth = 0;
  PolicyGraph view = SelectView(Chain(), options);
  EXPECT_EQ(NodeIds(view), (std::vector<std::string>{"C"}));
  EXPECT_EQ(view.EdgeCount(), 0u);
  options.depth = -3;
  EXPECT_EQ(NodeIds(SelectView(Chain(), options)),
            (std::vector<std::string>{"C"}));
}

TEST(SelectView, NeighbourhoodWalksOnlyKeptRelations) {
  PolicyGraph g = Chain();
  NodeId c = *g.FindNode("C");
  NodeId z = AddDoc(g, "Z");
  g.AddEdge(z, c, MakeEdge(Relation::kMentions));
  ViewOptions options;
  options.select = "C";
  options.depth = 1;
  options.relations = RelationSet{Relation::kMentions};
  EXPECT_EQ(NodeIds(SelectView(g, options)),
            (std::vector<std::string>{"C", "Z"}));
}

TEST(SelectView, UnknownSelectGivesAnEmptyGraph) {
  ViewOptions options;
  options.select = "no such document";
  PolicyGraph view = SelectView(Chain(), options);
  EXPECT_EQ(view.NodeCount(), 0u);
  EXPECT_EQ(view.EdgeCount(), 0u);
}

TEST(SelectView, SelectionTheFiltersDropGivesAnEmptyGraph) {
  ViewOptions options;
  options.select = "A#1";  // a directive, and directives are not kept
  EXPECT_EQ(SelectView(TwoDocumentGraph(), options).NodeCount(), 0u);
  options.directives = true;
  EXPECT_EQ(NodeIds(SelectView(TwoDocumentGraph(), options)),
            (std::vector<std::string>{"A", "A#1", "B#1"}));
}

TEST(SelectView, SelectAcceptsAnySpellingOfADocumentNumber) {
  PolicyGraph g;
  NodeId a = AddDoc(g, "渝府发〔2023〕7号");
  NodeId b = AddDoc(g, "渝府办发〔2024〕22号");
  g.AddEdge(b, a, MakeEdge(Relation::kBasis));
  ViewOptions options;
  options.select = "渝府发[2023]07号";
  EXPECT_EQ(
      NodeIds(SelectView(g, options)),
      (std::vector<std::string>{"渝府发〔2023〕7号", "渝府办发〔2024〕22号"}));
}

// Regression guard: AddEdge merges by (source, target, relation) and adds
// counts, so a careless copy would double them.
TEST(SelectView, CopiesCountsEvidenceAndScoresUnchanged) {
  PolicyGraph g;
  NodeId a = AddDoc(g, "A");
  NodeId b = AddDoc(g, "B");
  GraphEdge first = MakeEdge(Relation::kImplements);
  first.cue = "贯彻落实";
  first.score = 0.75;
  g.AddEdge(b, a, first);
  GraphEdge later = MakeEdge(Relation::kImplements, 2);
  later.evidence.line = 99;
  g.AddEdge(b, a, later);
  ASSERT_EQ(g.Edges()[0].edge->count, 3);

  ViewOptions options;
  options.select = "A";
  PolicyGraph view = SelectView(g, options);
  ASSERT_EQ(view.EdgeCount(), 1u);
  const GraphEdgeView& copied = *view.Edges()[0].edge;
  EXPECT_EQ(copied.count, 3);
  EXPECT_EQ(copied.evidence.line, 3u);
  EXPECT_EQ(copied.cue, "贯彻落实");
  EXPECT_EQ(copied.score, 0.75);
}

TEST(SelectView, FullViewOfTheCorpusGraphIsTheGraph) {
  ViewOptions options;
  options.directives = true;
  PolicyGraph view = SelectView(CorpusGraph(), options);
  EXPECT_EQ(view.NodeCount(), CorpusGraph().NodeCount());
  EXPECT_EQ(view.EdgeCount(), CorpusGraph().EdgeCount());
  // Every attribute, count and score survives, in the same order.
  EXPECT_EQ(GraphToNodeLink(view).dump(),
            GraphToNodeLink(CorpusGraph()).dump());
}

TEST(SelectView, DefaultViewOfTheCorpusHasNoDirectivesAndKeepsCounts) {
  const PolicyGraph& g = CorpusGraph();
  PolicyGraph view = SelectView(g, ViewOptions{});
  size_t nodes = 0;
  for (NodeId n : g.Nodes()) nodes += g.Node(n).kind != NodeKind::kDirective;
  const std::vector<PolicyGraph::EdgeRef> edges = g.Edges();
  const std::vector<std::string> names = EdgeNames(g);
  std::vector<std::string> expected_edges;
  for (size_t i = 0; i < edges.size(); ++i)
    if (g.Node(edges[i].source).kind != NodeKind::kDirective &&
        g.Node(edges[i].target).kind != NodeKind::kDirective)
      expected_edges.push_back(names[i]);
  EXPECT_EQ(view.NodeCount(), nodes);
  EXPECT_GT(view.EdgeCount(), 0u);
  EXPECT_EQ(EdgeNames(view), expected_edges);
  for (const PolicyGraph::EdgeRef& e : view.Edges()) {
    EXPECT_NE(e.edge->relation, Relation::kPartOf);
    EXPECT_NE(e.edge->relation, Relation::kAligned);
  }
}

// Documents and externals one step from `center` over edges between such
// nodes, and `center` itself.
std::set<std::string, std::less<>> DocumentNeighbourhood(const PolicyGraph& g,
                                                         NodeId center) {
  std::set<std::string, std::less<>> ids = {std::string(g.Node(center).id)};
  for (const PolicyGraph::EdgeRef& e : g.OutEdges(center, RelationSet::All()))
    if (g.Node(e.target).kind != NodeKind::kDirective)
      ids.emplace(g.Node(e.target).id);
  for (const PolicyGraph::EdgeRef& e : g.InEdges(center, RelationSet::All()))
    if (g.Node(e.source).kind != NodeKind::kDirective)
      ids.emplace(g.Node(e.source).id);
  return ids;
}

TEST(SelectView, CorpusNeighbourhoodIsTheSelectionAndItsNeighbours) {
  const PolicyGraph& g = CorpusGraph();
  // The best-connected document, so the test follows the corpus.
  NodeId center = g.Nodes().front();
  for (NodeId n : g.Nodes())
    if (g.Node(n).kind == NodeKind::kDocument &&
        DocumentNeighbourhood(g, n).size() >
            DocumentNeighbourhood(g, center).size())
      center = n;
  const std::set<std::string, std::less<>> expected =
      DocumentNeighbourhood(g, center);
  ASSERT_GE(expected.size(), 3u);

  ViewOptions options;
  options.select = g.Node(center).id;
  options.depth = 1;
  PolicyGraph view = SelectView(g, options);
  const std::vector<std::string> ids = NodeIds(view);
  using IdSet = std::set<std::string, std::less<>>;
  EXPECT_EQ(IdSet(ids.begin(), ids.end()), expected);
  // Edges between two neighbours stay too: the view is induced.
  size_t induced = 0;
  for (const PolicyGraph::EdgeRef& e : g.Edges())
    induced += expected.contains(g.Node(e.source).id) &&
               expected.contains(g.Node(e.target).id);
  EXPECT_EQ(view.EdgeCount(), induced);
}

// ---------------------------------------------------------------------------
// Node-link JSON

TEST(NodeLink, ShapeAndKeyOrderFollowTheContract) {
  Json out = GraphToNodeLink(FullAttributeGraph());
  EXPECT_EQ(Keys(out), (std::vector<std::string>{"directed", "multigraph",
                                                 "graph", "nodes", "links"}));
  EXPECT_EQ(out["directed"], true);
  EXPECT_EQ(out["multigraph"], true);
  EXPECT_EQ(out["graph"].dump(),
            R"({"name":"policygraph","nodes":2,"edges":1})");
  EXPECT_EQ(Keys(out["nodes"][0]),
            (std::vector<std::string>{"id", "kind", "title", "doc_number",
                                      "level", "type", "date", "issuer", "file",
                                      "line", "document"}));
  EXPECT_EQ(out["nodes"][0]["kind"], "document");
  EXPECT_EQ(out["nodes"][0]["level"], "municipal");
  EXPECT_EQ(out["nodes"][0]["line"], 12);
  EXPECT_EQ(Keys(out["links"][0]),
            (std::vector<std::string>{"source", "target", "key", "relation",
                                      "cue", "score", "count", "evidence_file",
                                      "evidence_line", "evidence"}));
  EXPECT_EQ(out["links"][0]["source"], "B");
  EXPECT_EQ(out["links"][0]["target"], "渝府发〔2023〕7号");
  EXPECT_EQ(out["links"][0]["relation"], "basis");
}

TEST(NodeLink, LeavesOutAttributesANodeOrEdgeDoesNotHave) {
  PolicyGraph g;
  NodeId x = AddExternal(g, "X", Level::kNational);
  NodeId y = AddExternal(g, "Y", Level::kUnknown);
  GraphEdge edge;
  edge.relation = Relation::kCounterpart;
  g.AddEdge(x, y, edge);
  Json out = GraphToNodeLink(g);
  EXPECT_EQ(out["nodes"][0].dump(),
            R"({"id":"X","kind":"external","title":"X title",)"
            R"("level":"national"})");
  EXPECT_EQ(out["nodes"][1]["level"], "unknown");
  EXPECT_EQ(out["links"][0].dump(),
            R"({"source":"X","target":"Y","key":0,"relation":"counterpart",)"
            R"("score":1.0,"count":1})");
}

TEST(NodeLink, ParallelEdgesAreKeyedFromZeroPerSourceAndTarget) {
  PolicyGraph g;
  NodeId a = AddDoc(g, "A");
  NodeId b = AddDoc(g, "B");
  NodeId c = AddDoc(g, "C");
  g.AddEdge(a, b, MakeEdge(Relation::kImplements));
  g.AddEdge(a, c, MakeEdge(Relation::kBasis));
  g.AddEdge(a, b, MakeEdge(Relation::kBasis));
  g.AddEdge(b, a, MakeEdge(Relation::kMentions));
  g.AddEdge(a, b, MakeEdge(Relation::kFollows));
  g.AddEdge(a, b, MakeEdge(Relation::kBasis));  // merged into the third
  Json links = GraphToNodeLink(g)["links"];
  ASSERT_EQ(links.size(), 5u);
  std::vector<int> keys;
  for (const Json& link : links) keys.push_back(link["key"].get<int>());
  EXPECT_EQ(keys, (std::vector<int>{0, 0, 1, 0, 2}));
  // The streamed writer keys them the same.
  std::ostringstream streamed;
  ASSERT_TRUE(WriteNodeLink(g, streamed));
  Json written = Json::parse(streamed.str())["links"];
  ASSERT_EQ(written.size(), 5u);
  for (size_t i = 0; i < written.size(); ++i)
    EXPECT_EQ(written[i]["key"].get<int>(), keys[i]) << i;
}

TEST(NodeLink, ScoresHaveThreeDecimalsAndNonNumbersAreLeftOut) {
  PolicyGraph g;
  NodeId a = AddDoc(g, "A");
  NodeId b = AddDoc(g, "B");
  GraphEdge aligned = MakeEdge(Relation::kAligned);
  aligned.score = 0.123456;
  g.AddEdge(a, b, aligned);
  GraphEdge broken = MakeEdge(Relation::kMentions);
  broken.score = std::nan("");
  g.AddEdge(a, b, broken);
  Json links = GraphToNodeLink(g)["links"];
  EXPECT_EQ(links[0]["score"].dump(), "0.123");
  EXPECT_FALSE(links[1].contains("score"));
  EXPECT_EQ(links[1]["count"], 1);
}

TEST(NodeLink, CorpusGraphHasEveryNodeAndEdgeOnce) {
  const PolicyGraph& g = CorpusGraph();
  Json out = GraphToNodeLink(g);
  ASSERT_EQ(out["nodes"].size(), g.NodeCount());
  ASSERT_EQ(out["links"].size(), g.EdgeCount());
  EXPECT_EQ(out["graph"]["nodes"], g.NodeCount());
  EXPECT_EQ(out["graph"]["edges"], g.EdgeCount());
  std::set<std::string> ids;
  for (const Json& node : out["nodes"])
    EXPECT_TRUE(ids.insert(node["id"].get<std::string>()).second) << node;
  std::set<std::tuple<std::string, std::string, int>> keys;
  int total = 0;
  for (const Json& link : out["links"]) {
    EXPECT_TRUE(ids.contains(link["source"].get<std::string>())) << link;
    EXPECT_TRUE(ids.contains(link["target"].get<std::string>())) << link;
    EXPECT_TRUE(keys.emplace(link["source"].get<std::string>(),
                             link["target"].get<std::string>(),
                             link["key"].get<int>())
                    .second)
        << link;
    total += link["count"].get<int>();
  }
  int expected_total = 0;
  for (const PolicyGraph::EdgeRef& e : g.Edges())
    expected_total += e.edge->count;
  EXPECT_EQ(total, expected_total);
}

// ---------------------------------------------------------------------------
// Cytoscape.js

TEST(Cytoscape, ElementsHoldNodeAndEdgeData) {
  Json out = GraphToCytoscape(FullAttributeGraph());
  EXPECT_EQ(Keys(out), (std::vector<std::string>{"elements"}));
  EXPECT_EQ(Keys(out["elements"]),
            (std::vector<std::string>{"nodes", "edges"}));
  ASSERT_EQ(out["elements"]["nodes"].size(), 2u);
  ASSERT_EQ(out["elements"]["edges"].size(), 1u);
  const Json& node = out["elements"]["nodes"][0];
  EXPECT_EQ(Keys(node), (std::vector<std::string>{"data"}));
  EXPECT_EQ(node["data"]["id"], "渝府发〔2023〕7号");
  EXPECT_EQ(node["data"]["title"], "关于甲的意见");
  const Json& edge = out["elements"]["edges"][0];
  EXPECT_EQ(Keys(edge["data"]),
            (std::vector<std::string>{"id", "source", "target", "relation",
                                      "cue", "score", "count", "evidence_file",
                                      "evidence_line", "evidence"}));
  EXPECT_EQ(edge["data"]["id"], "e0");
  EXPECT_EQ(edge["data"]["score"].dump(), "0.857");
}

// Nodes e0, ee0 and e1, each citing the next: ids an edge id could take.
PolicyGraph EdgeLikeIdGraph() {
  PolicyGraph g;
  NodeId e0 = AddDoc(g, "e0");
  NodeId ee0 = AddDoc(g, "ee0");
  NodeId e1 = AddDoc(g, "e1");
  g.AddEdge(e0, ee0, MakeEdge(Relation::kBasis));
  g.AddEdge(ee0, e1, MakeEdge(Relation::kBasis));
  g.AddEdge(e1, e0, MakeEdge(Relation::kBasis));
  return g;
}

TEST(Cytoscape, EdgeIdsNeverCollideWithNodeIds) {
  const PolicyGraph g = EdgeLikeIdGraph();
  Json edges = GraphToCytoscape(g)["elements"]["edges"];
  std::vector<std::string> ids;
  for (const Json& edge : edges)
    ids.push_back(edge["data"]["id"].get<std::string>());
  EXPECT_EQ(ids, (std::vector<std::string>{"eee0", "ee1", "e2"}));
}

TEST(Cytoscape, CorpusGraphHasUniqueElementIds) {
  Json out = GraphToCytoscape(CorpusGraph());
  ASSERT_EQ(out["elements"]["nodes"].size(), CorpusGraph().NodeCount());
  ASSERT_EQ(out["elements"]["edges"].size(), CorpusGraph().EdgeCount());
  std::set<std::string> ids;
  for (const char* kind : {"nodes", "edges"})
    for (const Json& element : out["elements"][kind])
      EXPECT_TRUE(ids.insert(element["data"]["id"].get<std::string>()).second)
          << element;
}

// ---------------------------------------------------------------------------
// GraphML

TEST(Graphml, IsWellFormedWithTypedKeysNamedLikeTheJson) {
  const PolicyGraph g = FullAttributeGraph();
  const std::string xml = GraphToGraphml(g);
  EXPECT_EQ(XmlProblem(xml), "");
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0), 0u);
  EXPECT_NE(xml.find("<graph id=\"policygraph\" edgedefault=\"directed\">"),
            std::string::npos);

  // Every attribute the JSON can carry has a key of the matching type.
  Json json = GraphToNodeLink(g);
  std::vector<std::pair<std::string, std::string>> node_keys;
  for (const auto& [name, value] : json["nodes"][0].items())
    if (name != "id")
      node_keys.emplace_back(name, value.is_string() ? "string" : "int");
  std::vector<std::pair<std::string, std::string>> edge_keys;
  for (const auto& [name, value] : json["links"][0].items())
    if (name != "source" && name != "target" && name != "key")
      edge_keys.emplace_back(name, value.is_string()         ? "string"
                                   : value.is_number_float() ? "double"
                                                             : "int");
  EXPECT_EQ(KeyDeclarations(xml, "node"), node_keys);
  EXPECT_EQ(KeyDeclarations(xml, "edge"), edge_keys);
}

TEST(Graphml, DataMatchesTheJsonDigitForDigit) {
  const std::string xml = GraphToGraphml(FullAttributeGraph());
  EXPECT_EQ(DataTexts(xml, "node_line"), (std::vector<std::string>{"12", "1"}));
  EXPECT_EQ(DataTexts(xml, "edge_score"), (std::vector<std::string>{"0.857"}));
  EXPECT_EQ(DataTexts(xml, "edge_cue"), (std::vector<std::string>{"根据"}));
  EXPECT_NE(xml.find("<edge id=\"e0\" source=\"B\" "
                     "target=\"渝府发〔2023〕7号\">"),
            std::string::npos);
}

TEST(Graphml, CorpusGraphIsWellFormedWithEveryNodeAndEdge) {
  const PolicyGraph& g = CorpusGraph();
  const std::string xml = GraphToGraphml(g);
  EXPECT_EQ(XmlProblem(xml), "");
  EXPECT_EQ(Occurrences(xml, "<node id="), g.NodeCount());
  EXPECT_EQ(Occurrences(xml, "<edge id="), g.EdgeCount());
  EXPECT_EQ(Occurrences(xml, "<key id="), 17u);
}

TEST(Graphml, EmptyGraphIsWellFormed) {
  const std::string xml = GraphToGraphml(PolicyGraph());
  EXPECT_EQ(XmlProblem(xml), "");
  EXPECT_EQ(Occurrences(xml, "<node "), 0u);
}

// ---------------------------------------------------------------------------
// Streaming writers

// `g` through NodeLinkWriter, keys counted as GraphToNodeLink counts them.
std::string StreamedNodeLink(const PolicyGraph& g) {
  std::ostringstream out;
  NodeLinkWriter writer(out, g.NodeCount(), g.EdgeCount());
  for (NodeId n : g.Nodes()) writer.AddNode(g.Node(n));
  std::map<std::pair<uint32_t, uint32_t>, int> parallel;
  for (const PolicyGraph::EdgeRef& e : g.Edges())
    writer.AddEdge(g.Node(e.source).id, g.Node(e.target).id,
                   parallel[{e.source.value, e.target.value}]++, *e.edge);
  EXPECT_TRUE(writer.Finish());
  return out.str();
}

TEST(NodeLinkWriter, WritesTheBytesBuildWritesForTheCorpusGraph) {
  EXPECT_EQ(StreamedNodeLink(CorpusGraph()),
            GraphToNodeLink(CorpusGraph()).dump(1) + "\n");
}

TEST(NodeLinkWriter, WritesEmptyListsAndParallelEdgesLikeDump) {
  EXPECT_EQ(StreamedNodeLink(PolicyGraph()),
            GraphToNodeLink(PolicyGraph()).dump(1) + "\n");
  PolicyGraph one;
  AddDoc(one, "A");
  EXPECT_EQ(StreamedNodeLink(one), GraphToNodeLink(one).dump(1) + "\n");
  PolicyGraph g = FullAttributeGraph();
  g.AddEdge(*g.FindNode("B"), *g.FindNode("渝府发〔2023〕7号"),
            MakeEdge(Relation::kCounterpart));
  EXPECT_EQ(StreamedNodeLink(g), GraphToNodeLink(g).dump(1) + "\n");
}

TEST(NodeLinkWriter, FinishFailsWhenTheCountsWereNotKept) {
  std::ostringstream out;
  NodeLinkWriter writer(out, 2, 0);
  GraphNode node;
  node.id = "A";
  writer.AddNode(node);
  EXPECT_FALSE(writer.Finish());
  EXPECT_TRUE(Json::accept(out.str()));
}

// What build streams must be what the in-memory exporters return, for the
// shapes that print differently: empty lists, one node, parallel edges,
// node ids an edge id could take, text that needs escaping.
std::vector<PolicyGraph> StreamingCases() {
  std::vector<PolicyGraph> cases;
  cases.push_back(PolicyGraph());
  PolicyGraph one;
  AddDoc(one, "A");
  cases.push_back(std::move(one));
  PolicyGraph full = FullAttributeGraph();
  full.AddEdge(*full.FindNode("B"), *full.FindNode("渝府发〔2023〕7号"),
               MakeEdge(Relation::kCounterpart));
  cases.push_back(std::move(full));
  cases.push_back(EdgeLikeIdGraph());
  // Every C0 control, quotes, a backslash, DEL, ill-formed UTF-8 and a line
  // separator, in ids, attributes and evidence.
  std::string hostile = "《\"\\/\x7F\xFF\u2028》";
  for (char c = 1; c < 0x20; ++c) hostile += c;
  PolicyGraph escaped;
  GraphNode node;
  node.id = hostile;
  node.title = hostile;
  node.line = 3;
  const NodeId from = escaped.AddNode(node);
  const NodeId to = AddDoc(escaped, "B");
  GraphEdge edge = MakeEdge(Relation::kAligned);
  edge.cue = hostile;
  edge.score = 0.125;
  edge.evidence = {hostile, 7, hostile};
  escaped.AddEdge(from, to, edge);
  cases.push_back(std::move(escaped));
  return cases;
}

template <typename Write>
std::string Streamed(const PolicyGraph& g, Write write) {
  std::ostringstream out;
  EXPECT_TRUE(write(g, out));
  return out.str();
}

TEST(WholeGraphStreams, WriteTheBytesOfTheInMemoryExporters) {
  std::vector<PolicyGraph> cases = StreamingCases();
  std::vector<const PolicyGraph*> graphs = {&CorpusGraph()};
  for (const PolicyGraph& g : cases) graphs.push_back(&g);
  for (const PolicyGraph* graph : graphs) {
    const PolicyGraph& g = *graph;
    SCOPED_TRACE(::testing::Message() << g.NodeCount() << " nodes");
    EXPECT_EQ(Streamed(g, WriteNodeLink), GraphToNodeLink(g).dump(1) + "\n");
    EXPECT_EQ(Streamed(g, WriteCytoscape), GraphToCytoscape(g).dump(1) + "\n");
    EXPECT_EQ(Streamed(g, WriteGraphml), GraphToGraphml(g));
  }
}

TEST(WholeGraphStreams, ReportAFailedStream) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  const PolicyGraph& g = CorpusGraph();
  EXPECT_FALSE(WriteNodeLink(g, out));
  EXPECT_FALSE(WriteCytoscape(g, out));
  EXPECT_FALSE(WriteGraphml(g, out));
}

TEST(GraphmlWriter, EdgeIdsAvoidTheNodeIdsWrittenBefore) {
  const std::string xml = GraphToGraphml(EdgeLikeIdGraph());
  EXPECT_NE(xml.find("<edge id=\"eee0\" source=\"e0\""), std::string::npos);
  EXPECT_NE(xml.find("<edge id=\"ee1\" source=\"ee0\""), std::string::npos);
  EXPECT_NE(xml.find("<edge id=\"e2\" source=\"e1\""), std::string::npos);
}

// ---------------------------------------------------------------------------
// Hostile text through all three exporters

constexpr char kHostile[] =
    "=\"quoted\" 'single' back\\slash <script>alert(1)</script> R&D "
    "\x01\x1b line\u2028sep\ttab\r\nend \uFFFE ]]>";

const std::string& HostileTitle() {
  static const std::string* title = new std::string(kHostile);
  return *title;
}

PolicyGraph HostileGraph() {
  PolicyGraph g;
  GraphNode node;
  node.id = "title:<b>&\"'\u2028";
  node.title = HostileTitle();
  node.issuer = "bad \xff\xfe bytes";
  node.type = "\x7f";
  NodeId a = g.AddNode(node);
  NodeId b = AddDoc(g, "B");
  GraphEdge edge = MakeEdge(Relation::kMentions);
  edge.cue = HostileTitle();
  edge.evidence.text = "《" + HostileTitle() + "》\xc3";
  g.AddEdge(b, a, edge);
  return g;
}

TEST(Hostile, NodeLinkAndCytoscapeParseBackToTheSameText) {
  const PolicyGraph g = HostileGraph();
  for (const Json& out : {GraphToNodeLink(g), GraphToCytoscape(g)}) {
    std::string dumped;
    ASSERT_NO_THROW(dumped = out.dump());
    EXPECT_EQ(dumped.find('\x01'), std::string::npos);
    EXPECT_EQ(dumped.find('\x1b'), std::string::npos);
    Json parsed = Json::parse(dumped);
    const Json& node = parsed.contains("nodes")
                           ? parsed["nodes"][0]
                           : parsed["elements"]["nodes"][0]["data"];
    const Json& edge = parsed.contains("links")
                           ? parsed["links"][0]
                           : parsed["elements"]["edges"][0]["data"];
    // JSON escapes control characters itself; only ill-formed UTF-8 is
    // replaced.
    EXPECT_EQ(node["id"], "title:<b>&\"'\u2028");
    EXPECT_EQ(node["title"], HostileTitle());
    EXPECT_EQ(node["issuer"], "bad \uFFFD\uFFFD bytes");
    EXPECT_EQ(edge["cue"], HostileTitle());
    EXPECT_EQ(edge["target"], "title:<b>&\"'\u2028");
    EXPECT_EQ(edge["evidence"], "《" + HostileTitle() + "》\uFFFD");
  }
}

TEST(Hostile, GraphmlEscapesMarkupAndReplacesForbiddenCharacters) {
  const std::string xml = GraphToGraphml(HostileGraph());
  EXPECT_EQ(XmlProblem(xml), "");
  EXPECT_EQ(xml.find("<script>"), std::string::npos);
  EXPECT_EQ(xml.find("<b>"), std::string::npos);
  EXPECT_EQ(xml.find("]]>"), std::string::npos);
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
  EXPECT_EQ(xml.find('\x1b'), std::string::npos);
  EXPECT_NE(xml.find("&lt;script&gt;alert(1)&lt;/script&gt;"),
            std::string::npos);
  // What XML can carry comes back as it was; the rest is a visible U+FFFD.
  const std::string expected =
      "=\"quoted\" 'single' back\\slash <script>alert(1)</script> R&D "
      "\uFFFD\uFFFD line\u2028sep\ttab\r\nend \uFFFD ]]>";
  EXPECT_EQ(DataTexts(xml, "node_title"),
            (std::vector<std::string>{expected, "B title"}));
  EXPECT_EQ(DataTexts(xml, "edge_cue"), (std::vector<std::string>{expected}));
  EXPECT_EQ(DataTexts(xml, "node_issuer"),
            (std::vector<std::string>{"bad \uFFFD\uFFFD bytes"}));
  EXPECT_NE(xml.find("<node id=\"title:&lt;b&gt;&amp;&quot;&apos;\u2028\">"),
            std::string::npos);
}

TEST(Hostile, EdgeCsvParsesBackFieldForField) {
  const std::string csv = GraphToEdgeCsv(HostileGraph());
  auto rows = testing::ParseCsv(csv);
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_EQ(rows[0].size(), 15u);
  EXPECT_EQ(rows[0][4], "relation");
  ASSERT_EQ(rows[1].size(), 15u);
  EXPECT_EQ(rows[1][0], "B");
  EXPECT_EQ(rows[1][4], "mentions");
  EXPECT_EQ(rows[1][5], "title:<b>&\"'\u2028");
  // The title would run as a formula: it gains the apostrophe guard;
  // control characters and ill-formed UTF-8 become U+FFFD.
  const std::string expected =
      "'=\"quoted\" 'single' back\\slash <script>alert(1)</script> R&D "
      "\uFFFD\uFFFD line\u2028sep\ttab\r\nend \uFFFE ]]>";
  EXPECT_EQ(rows[1][6], expected);
  EXPECT_EQ(rows[1][9], expected);
}

TEST(EdgeCsv, CorpusHasARowPerEdgeWithBothEndsNamed) {
  const PolicyGraph& g = CorpusGraph();
  auto rows = testing::ParseCsv(GraphToEdgeCsv(g));
  ASSERT_EQ(rows.size(), g.EdgeCount() + 1);
  bool found = false;
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 15u);
    if (row[0] == "合川府发〔2023〕2号" && row[4] == "implements" &&
        row[6] == "国家综合立体交通网规划纲要") {
      found = true;
      EXPECT_EQ(row[8], "national");
      EXPECT_EQ(row[13], "862");
    }
  }
  EXPECT_TRUE(found);
}

// ---------------------------------------------------------------------------
// Determinism

TEST(Export, SameGraphGivesByteIdenticalOutput) {
  PolicyGraph again = BuildGraph(BundledCorpus());
  const PolicyGraph& g = CorpusGraph();
  EXPECT_EQ(GraphToNodeLink(g).dump(), GraphToNodeLink(again).dump());
  EXPECT_EQ(GraphToCytoscape(g).dump(), GraphToCytoscape(again).dump());
  EXPECT_EQ(GraphToGraphml(g), GraphToGraphml(again));
  EXPECT_EQ(GraphToGraphml(g), GraphToGraphml(g));
  ViewOptions options;
  options.select = "渝府发〔2023〕7号";
  EXPECT_EQ(GraphToNodeLink(SelectView(g, options)).dump(2),
            GraphToNodeLink(SelectView(again, options)).dump(2));
}

// ---------------------------------------------------------------------------
// Interop: networkx and igraph read what we write

class Interop : public ::testing::Test {
 protected:
  void SetUp() override {
    python_ = testing::PythonWith("networkx, igraph");
    if (!python_ && testing::InCi())
      FAIL() << "CI=true but no python3 with networkx and igraph (Debian: "
                "python3-networkx python3-igraph, see tools/deps.sh)";
    if (!python_)
      GTEST_SKIP() << "no python3 with networkx and igraph (Debian: "
                      "python3-networkx python3-igraph, see tools/deps.sh)";
    dir_ = fs::temp_directory_path() /
           ("pg-export-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  // Writes both exports of `g` and runs check_graph.py on them.
  CommandRun Check(const PolicyGraph& g) {
    const fs::path json = dir_ / "graph.json";
    const fs::path graphml = dir_ / "graph.graphml";
    std::ofstream(json, std::ios::binary) << GraphToNodeLink(g).dump(2);
    std::ofstream(graphml, std::ios::binary) << GraphToGraphml(g);
    return RunCommand("'" + *python_ +
                      "' '" PG_SOURCE_DIR "/tests/interop/check_graph.py' '" +
                      json.string() + "' '" + graphml.string() + "' " +
                      std::to_string(g.NodeCount()) + " " +
                      std::to_string(g.EdgeCount()));
  }

  std::optional<std::string> python_;
  fs::path dir_;
};

TEST_F(Interop, NetworkxAndIgraphReadTheCorpusGraph) {
  CommandRun run = Check(CorpusGraph());
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("all three agree"), std::string::npos)
      << run.output;
}

TEST_F(Interop, NetworkxAndIgraphReadHostileText) {
  // Ids keep to what XML can carry, so all three readers see the same ids.
  PolicyGraph g;
  GraphNode node;
  node.id = "title:<b>&\"'\u2028";
  node.title = HostileTitle();
  NodeId a = g.AddNode(node);
  NodeId b = AddDoc(g, "B");
  GraphEdge edge = MakeEdge(Relation::kMentions);
  edge.evidence.text = HostileTitle();
  g.AddEdge(b, a, edge);
  g.AddEdge(b, a, MakeEdge(Relation::kBasis));
  CommandRun run = Check(g);
  EXPECT_EQ(run.exit_code, 0) << run.output;
}

TEST_F(Interop, CheckerFailsOnWrongCounts) {
  PolicyGraph g = Chain();
  const fs::path json = dir_ / "graph.json";
  const fs::path graphml = dir_ / "graph.graphml";
  std::ofstream(json, std::ios::binary) << GraphToNodeLink(g).dump();
  std::ofstream(graphml, std::ios::binary) << GraphToGraphml(g);
  CommandRun run = RunCommand(
      "'" + *python_ + "' '" PG_SOURCE_DIR "/tests/interop/check_graph.py' '" +
      json.string() + "' '" + graphml.string() + "' 7 99");
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("6 edges, expected 99"), std::string::npos)
      << run.output;
}

}  // namespace
}  // namespace policygraph

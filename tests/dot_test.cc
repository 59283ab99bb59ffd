// GraphToDot and RenderDot (src/export_dot.cc): the DOT read back with
// cgraph, the parser Graphviz itself uses, on small hand-made graphs and on
// the documents of the bundled corpus; SVG and PNG rendered through gvc.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <graphviz/cgraph.h>
#include <gtest/gtest.h>

#include "policygraph/export.h"
#include "policygraph/pipeline.h"

namespace policygraph {
namespace {

// ---------------------------------------------------------------------------
// Reading DOT back.

struct GraphClose {
  void operator()(Agraph_t* graph) const { agclose(graph); }
};
using Parsed = std::unique_ptr<Agraph_t, GraphClose>;

Parsed Parse(const std::string& dot) { return Parsed(agmemread(dot.c_str())); }

// cgraph 2.42 takes char* but does not write through it.
char* Mutable(const char* text) { return const_cast<char*>(text); }

std::string Attr(void* object, const char* name) {
  const char* value = agget(object, Mutable(name));
  return value == nullptr ? "" : value;
}

std::string NameOf(void* object) {
  const char* name = agnameof(object);
  return name == nullptr ? "" : name;
}

// Graph nodes are n0, n1, …; level separators and legend nodes are not.
bool IsGraphNode(Agnode_t* node) {
  const std::string name = NameOf(node);
  if (name.size() < 2 || name[0] != 'n') return false;
  return name.find_first_not_of("0123456789", 1) == std::string::npos;
}

std::vector<Agnode_t*> GraphNodes(Agraph_t* graph) {
  std::vector<Agnode_t*> nodes;
  for (Agnode_t* n = agfstnode(graph); n != nullptr; n = agnxtnode(graph, n)) {
    if (IsGraphNode(n)) nodes.push_back(n);
  }
  return nodes;
}

std::vector<Agedge_t*> GraphEdges(Agraph_t* graph) {
  std::vector<Agedge_t*> edges;
  for (Agnode_t* n = agfstnode(graph); n != nullptr; n = agnxtnode(graph, n)) {
    for (Agedge_t* e = agfstout(graph, n); e != nullptr;
         e = agnxtout(graph, e)) {
      if (IsGraphNode(agtail(e)) && IsGraphNode(aghead(e))) edges.push_back(e);
    }
  }
  return edges;
}

// "n<index>", built by appending (GCC 12 warns falsely about
// "n" + std::to_string(…)).
std::string NodeName(size_t index) {
  std::string name = "n";
  name += std::to_string(index);
  return name;
}

Agnode_t* FindNode(Agraph_t* graph, const std::string& name) {
  return agnode(graph, Mutable(name.c_str()), 0);
}

Agraph_t* FindSubgraph(Agraph_t* graph, const std::string& name) {
  return agsubg(graph, Mutable(name.c_str()), 0);
}

std::vector<std::string> SubgraphNames(Agraph_t* graph) {
  std::vector<std::string> names;
  for (Agraph_t* s = agfstsubg(graph); s != nullptr; s = agnxtsubg(s))
    names.push_back(NameOf(s));
  return names;
}

// ---------------------------------------------------------------------------
// Building graphs.

GraphNode Doc(const std::string& id, const std::string& title, Level level,
              NodeKind kind = NodeKind::kDocument) {
  GraphNode node;
  node.id = id;
  node.kind = kind;
  node.title = title;
  node.level = level;
  if (kind == NodeKind::kDocument) {
    node.doc_number = id;
    node.file = "gazette.txt";
    node.line = 12;
    node.type = "通知";
  }
  return node;
}

GraphEdge Edge(Relation relation, const std::string& file = "gazette.txt",
               uint32_t line = 30, const std::string& text = "《规划》") {
  GraphEdge edge;
  edge.relation = relation;
  edge.evidence = {file, line, text};
  return edge;
}

// A district plan implementing a municipal plan, which rests on a national
// law; a counterpart pair; a mention of a book of unknown level; and a
// department notice.
PolicyGraph SmallGraph() {
  PolicyGraph g;
  NodeId district =
      g.AddNode(Doc("合川府发〔2023〕1号", "合川区“十四五”综合交通运输发展规划",
                    Level::kDistrict));
  NodeId city =
      g.AddNode(Doc("渝府发〔2021〕27号", "重庆市综合交通运输“十四五”发展规划",
                    Level::kMunicipal));
  NodeId law = g.AddNode(Doc("title:中华人民共和国安全生产法",
                             "中华人民共和国安全生产法", Level::kNational,
                             NodeKind::kExternal));
  NodeId book = g.AddNode(
      Doc("title:合川年鉴", "合川年鉴", Level::kUnknown, NodeKind::kExternal));
  NodeId bureau =
      g.AddNode(Doc("合川应急发〔2023〕3号", "关于开展安全生产大检查的通知",
                    Level::kDepartment));
  g.AddEdge(district, city, Edge(Relation::kImplements));
  g.AddEdge(city, law, Edge(Relation::kBasis, "cq.txt", 7, "《安全生产法》"));
  g.AddEdge(district, city,
            Edge(Relation::kCounterpart, "", 0, "core: 综合交通运输"));
  g.AddEdge(district, book, Edge(Relation::kMentions));
  g.AddEdge(bureau, law, Edge(Relation::kBasis));
  return g;
}

// Code points of `text`, for checks on wrapped lines.
std::vector<std::string> CodePoints(std::string_view text) {
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    out.emplace_back(text.substr(i, length));
    i += length;
  }
  return out;
}

std::vector<std::string> SplitLabel(const std::string& label) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t at; (at = label.find("\\n", start)) != std::string::npos;
       start = at + 2)
    lines.push_back(label.substr(start, at - start));
  lines.push_back(label.substr(start));
  return lines;
}

// ---------------------------------------------------------------------------
// GraphToDot on small graphs.

TEST(GraphToDot, ParsesBackWithEveryNodeAndEdge) {
  const PolicyGraph g = SmallGraph();
  const std::string text = GraphToDot(g);
  // Regression: names printed as HTML-like ids (<n0>) when cgraph read an
  // HTML flag before a name it had not interned.
  EXPECT_EQ(text.find("<n"), std::string::npos);
  EXPECT_NE(text.find("\tn0\t["), std::string::npos);
  Parsed dot = Parse(text);
  ASSERT_NE(dot, nullptr);
  EXPECT_TRUE(agisdirected(dot.get()));
  EXPECT_EQ(GraphNodes(dot.get()).size(), g.NodeCount());
  EXPECT_EQ(GraphEdges(dot.get()).size(), g.EdgeCount());
  // Names follow graph order; the real id is the id attribute and starts
  // the tooltip.
  std::vector<NodeId> ids = g.Nodes();
  for (size_t i = 0; i < ids.size(); ++i) {
    Agnode_t* n = FindNode(dot.get(), NodeName(i));
    ASSERT_NE(n, nullptr) << i;
    EXPECT_EQ(Attr(n, "id"), g.Node(ids[i]).id);
    EXPECT_EQ(Attr(n, "tooltip").rfind(g.Node(ids[i]).id, 0), 0u);
  }
  // Edges keep the graph's direction: citing → cited.
  Agedge_t* e = agedge(dot.get(), FindNode(dot.get(), "n1"),
                       FindNode(dot.get(), "n2"), nullptr, 0);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Attr(e, "class"), "basis");
  EXPECT_EQ(Attr(e, "tooltip"), "cq.txt:7 《安全生产法》");
}

TEST(GraphToDot, PutsEachLevelInItsClusterInLevelOrder) {
  const PolicyGraph g = SmallGraph();
  const std::string text = GraphToDot(g);
  Parsed dot = Parse(text);
  ASSERT_NE(dot, nullptr);
  const std::vector<std::string> clusters = {
      "cluster_national", "cluster_municipal", "cluster_district",
      "cluster_department", "cluster_unknown"};
  const std::vector<std::string> labels = {
      "国家级 national", "省市级 municipal", "区县级 district",
      "部门 department", "不明 unknown"};
  size_t previous = 0;
  for (size_t i = 0; i < clusters.size(); ++i) {
    Agraph_t* cluster = FindSubgraph(dot.get(), clusters[i]);
    ASSERT_NE(cluster, nullptr) << clusters[i];
    EXPECT_EQ(Attr(cluster, "label"), labels[i]);
    const size_t at = text.find("subgraph " + clusters[i] + " {");
    ASSERT_NE(at, std::string::npos);
    EXPECT_GT(at, previous) << clusters[i] << " out of order";
    previous = at;
  }
  std::vector<NodeId> ids = g.Nodes();
  for (size_t i = 0; i < ids.size(); ++i) {
    Agraph_t* cluster = FindSubgraph(
        dot.get(), "cluster_" + std::string(LevelName(g.Node(ids[i]).level)));
    ASSERT_NE(cluster, nullptr);
    EXPECT_NE(FindNode(cluster, NodeName(i)), nullptr) << i;
  }
  Agraph_t* root = dot.get();
  EXPECT_EQ(Attr(root, "rankdir"), "BT");
  EXPECT_EQ(Attr(root, "newrank"), "true");
  EXPECT_EQ(Attr(root, "fontname"), "Noto Sans CJK SC");
  EXPECT_EQ(Attr(FindNode(root, "n0"), "fontname"), "Noto Sans CJK SC");
}

TEST(GraphToDot, MakesClustersOnlyForLevelsPresent) {
  PolicyGraph g;
  g.AddNode(Doc("渝府发〔2023〕7号", "意见", Level::kMunicipal));
  Parsed dot = Parse(GraphToDot(g));
  ASSERT_NE(dot, nullptr);
  EXPECT_EQ(SubgraphNames(dot.get()),
            std::vector<std::string>{"cluster_municipal"});
}

TEST(GraphToDot, LevelOutsideTheEnumGoesToUnknown) {
  PolicyGraph g;
  g.AddNode(Doc("x", "标题", static_cast<Level>(42)));
  Parsed dot = Parse(GraphToDot(g));
  ASSERT_NE(dot, nullptr);
  Agraph_t* unknown = FindSubgraph(dot.get(), "cluster_unknown");
  ASSERT_NE(unknown, nullptr);
  EXPECT_NE(FindNode(unknown, "n0"), nullptr);
}

TEST(GraphToDot, KeepsHostileTextInsideAttributes) {
  // A quote, a backslash, a line break, markup, Graphviz's own escapes and
  // a value ending in a backslash.
  PolicyGraph g;
  GraphNode node =
      Doc("title:他说\"不\"", "他说\"不\"\\再见\n<script>x</script>",
          Level::kDistrict);
  node.doc_number = "第\\N号\\";
  NodeId a = g.AddNode(node);
  NodeId b = g.AddNode(Doc("b", "乙", Level::kDistrict));
  g.AddEdge(a, b, Edge(Relation::kMentions, "a.txt", 3, "见 C:\\"));
  const std::string text = GraphToDot(g);
  Parsed dot = Parse(text);
  ASSERT_NE(dot, nullptr) << text;
  Agnode_t* n0 = FindNode(dot.get(), "n0");
  ASSERT_NE(n0, nullptr);
  // Labels are escStrings: the backslash comes back doubled, the line
  // break as the two characters \n, the quote as itself; the number's
  // trailing backslash (doubled) gets a space so cgraph can read it back.
  EXPECT_EQ(Attr(n0, "label"),
            "他说\"不\"\\\\再见\\n<script>x</script>\\n第\\\\N号\\\\ ");
  EXPECT_EQ(Attr(n0, "id"), "title:他说\"不\"");
  Agedge_t* e = agedge(dot.get(), n0, FindNode(dot.get(), "n1"), nullptr, 0);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Attr(e, "tooltip"), "a.txt:3 见 C:\\\\ ");
  // And Graphviz draws the text, not markup and not the node's name.
  std::string error;
  std::optional<std::string> svg = RenderDot(text, "svg", &error);
  ASSERT_TRUE(svg.has_value()) << error;
  EXPECT_EQ(svg->find("<script>"), std::string::npos);
  EXPECT_NE(svg->find("&lt;script&gt;x&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(svg->find("第\\N号"), std::string::npos);
}

TEST(GraphToDot, ReplacesIllFormedUtf8) {
  PolicyGraph g;
  g.AddNode(Doc("bad", std::string("规划\xFF\xFE"), Level::kMunicipal));
  const std::string text = GraphToDot(g);
  Parsed dot = Parse(text);
  ASSERT_NE(dot, nullptr);
  EXPECT_EQ(Attr(FindNode(dot.get(), "n0"), "label"),
            "规划\xEF\xBF\xBD\xEF\xBF\xBD\\nbad");
  std::string error;
  EXPECT_TRUE(RenderDot(text, "svg", &error).has_value()) << error;
}

TEST(GraphToDot, WrapsTitlesEvenlyAtFourteenCharacters) {
  const std::string title =
      "重庆市人民政府关于加快推进以卫星互联网为引领的空天信息产业高质量发展的"
      "意见";  // 37 characters
  PolicyGraph g;
  g.AddNode(Doc("渝府发〔2023〕7号", title, Level::kMunicipal));
  Parsed dot = Parse(GraphToDot(g));
  ASSERT_NE(dot, nullptr);
  std::vector<std::string> lines =
      SplitLabel(Attr(FindNode(dot.get(), "n0"), "label"));
  // 37 characters need three lines of at most 14: 13 + 13 + 11, not
  // 14 + 14 + 9; then the number.
  EXPECT_EQ(lines,
            (std::vector<std::string>{
                "重庆市人民政府关于加快推进", "以卫星互联网为引领的空天信",
                "息产业高质量发展的意见", "渝府发〔2023〕7号"}));
  (void)title;
}

TEST(GraphToDot, WrapsByDisplayWidth) {
  // Letters, digits and spaces take one column, CJK characters and the
  // dash two; words of letters and digits stay whole.
  PolicyGraph g;
  g.AddNode(Doc("t", "GB/T 35274—2017 信息安全技术大数据服务安全能力要求",
                Level::kNational, NodeKind::kExternal));
  Parsed dot = Parse(GraphToDot(g));
  ASSERT_NE(dot, nullptr);
  EXPECT_EQ(SplitLabel(Attr(FindNode(dot.get(), "n0"), "label")),
            (std::vector<std::string>{"GB/T 35274—2017 信息安全",
                                      "技术大数据服务安全能力要求"}));
}

TEST(GraphToDot, KeepsAnOpeningBracketWithWhatItOpens) {
  PolicyGraph g;
  g.AddNode(Doc("t", "一二三四五六七八九十百千（万亿兆京垓秭穰沟涧正载）",
                Level::kNational, NodeKind::kExternal));
  Parsed dot = Parse(GraphToDot(g));
  ASSERT_NE(dot, nullptr);
  EXPECT_EQ(SplitLabel(Attr(FindNode(dot.get(), "n0"), "label")),
            (std::vector<std::string>{"一二三四五六七八九十百千",
                                      "（万亿兆京垓秭穰沟涧正载）"}));
}

TEST(GraphToDot, ShapesNodesByKind) {
  PolicyGraph g;
  NodeId doc = g.AddNode(Doc("d", "文件", Level::kDistrict));
  NodeId ext =
      g.AddNode(Doc("e", "外部", Level::kDistrict, NodeKind::kExternal));
  GraphNode item =
      Doc("d#一", "总体要求", Level::kDistrict, NodeKind::kDirective);
  NodeId dir = g.AddNode(item);
  g.AddEdge(dir, doc, Edge(Relation::kPartOf));
  g.AddEdge(doc, ext, Edge(Relation::kBasis));
  Parsed dot = Parse(GraphToDot(g));
  ASSERT_NE(dot, nullptr);
  EXPECT_EQ(Attr(FindNode(dot.get(), "n0"), "shape"), "box");
  EXPECT_EQ(Attr(FindNode(dot.get(), "n1"), "shape"), "note");
  EXPECT_NE(Attr(FindNode(dot.get(), "n1"), "style").find("dashed"),
            std::string::npos);
  EXPECT_EQ(Attr(FindNode(dot.get(), "n2"), "shape"), "plaintext");
  EXPECT_EQ(Attr(FindNode(dot.get(), "n2"), "label"), "一 总体要求");
}

TEST(GraphToDot, StylesEachRelationAndListsItInTheLegend) {
  const std::vector<Relation> relations = {
      Relation::kBasis,    Relation::kImplements,  Relation::kFollows,
      Relation::kIssues,   Relation::kRepeals,     Relation::kDrafts,
      Relation::kMentions, Relation::kCounterpart, Relation::kPartOf,
      Relation::kAligned};
  PolicyGraph g;
  NodeId from = g.AddNode(Doc("a", "甲", Level::kDistrict));
  NodeId to = g.AddNode(Doc("b", "乙", Level::kMunicipal));
  for (Relation r : relations) g.AddEdge(from, to, Edge(r));
  Parsed dot = Parse(GraphToDot(g));
  ASSERT_NE(dot, nullptr);
  std::set<std::string> colors;
  std::vector<std::string> classes;
  for (Agedge_t* e : GraphEdges(dot.get())) {
    classes.push_back(Attr(e, "class"));
    colors.insert(Attr(e, "color"));
    if (Attr(e, "class") == "counterpart") {
      EXPECT_EQ(Attr(e, "style"), "dashed");
      EXPECT_EQ(Attr(e, "dir"), "none");
    }
  }
  std::vector<std::string> names;
  for (Relation r : relations) names.emplace_back(RelationName(r));
  EXPECT_EQ(classes, names);
  EXPECT_EQ(colors.size(), relations.size());

  Agraph_t* legend = FindSubgraph(dot.get(), "cluster_legend");
  ASSERT_NE(legend, nullptr);
  for (const std::string& name : names) {
    Agnode_t* tail = FindNode(legend, "legend_" + name + "_tail");
    Agnode_t* head = FindNode(legend, "legend_" + name + "_head");
    ASSERT_NE(tail, nullptr) << name;
    ASSERT_NE(head, nullptr) << name;
    Agedge_t* e = agedge(legend, tail, head, nullptr, 0);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(Attr(e, "class"), name);
    EXPECT_NE(Attr(e, "label").find(name), std::string::npos);
  }
}

TEST(GraphToDot, LegendListsOnlyRelationsPresent) {
  const PolicyGraph g = SmallGraph();  // implements, basis, counterpart,
                                       // mentions
  Parsed dot = Parse(GraphToDot(g));
  ASSERT_NE(dot, nullptr);
  Agraph_t* legend = FindSubgraph(dot.get(), "cluster_legend");
  ASSERT_NE(legend, nullptr);
  std::vector<std::string> listed;
  for (Agnode_t* n = agfstnode(legend); n != nullptr;
       n = agnxtnode(legend, n)) {
    const std::string name = NameOf(n);
    const std::string suffix = "_tail";
    if (name.size() > suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      listed.push_back(name.substr(7, name.size() - 7 - suffix.size()));
  }
  EXPECT_EQ(listed, (std::vector<std::string>{"basis", "implements", "mentions",
                                              "counterpart"}));
}

TEST(GraphToDot, EmptyGraphIsValidDot) {
  const std::string text = GraphToDot(PolicyGraph());
  Parsed dot = Parse(text);
  ASSERT_NE(dot, nullptr);
  EXPECT_EQ(agnnodes(dot.get()), 0);
  EXPECT_TRUE(SubgraphNames(dot.get()).empty());
  std::string error;
  EXPECT_TRUE(RenderDot(text, "svg", &error).has_value()) << error;
}

TEST(GraphToDot, SameGraphGivesSameBytes) {
  const std::string first = GraphToDot(SmallGraph());
  EXPECT_EQ(GraphToDot(SmallGraph()), first);
}

// Regression: gvContext() declares a process-wide node label default, so
// the DOT after the first RenderDot gained `label="\N"` in its node
// defaults.
TEST(GraphToDot, SameBytesBeforeAndAfterRendering) {
  const std::string before = GraphToDot(SmallGraph());
  std::string error;
  ASSERT_TRUE(RenderDot(before, "svg", &error).has_value()) << error;
  EXPECT_EQ(GraphToDot(SmallGraph()), before);
}

// ---------------------------------------------------------------------------
// RenderDot.

TEST(RenderDot, RendersSvgWithChineseText) {
  std::string error;
  std::optional<std::string> svg =
      RenderDot(GraphToDot(SmallGraph()), "svg", &error);
  ASSERT_TRUE(svg.has_value()) << error;
  EXPECT_TRUE(svg->rfind("<?xml", 0) == 0 || svg->rfind("<svg", 0) == 0);
  EXPECT_NE(svg->find("</svg>"), std::string::npos);
  EXPECT_NE(svg->find("中华人民共和国安全生产法"), std::string::npos);
  EXPECT_NE(svg->find("Noto Sans CJK SC"), std::string::npos);
}

// Regression: RenderDot read the DOT with cgraph's default ids (the
// addresses of interned names), so the clusters reached the layout in heap
// order and the same DOT gave another SVG once the heap had changed.
TEST(RenderDot, SameSvgWhateverTheHeapLooksLike) {
  const std::string dot = GraphToDot(SmallGraph());
  std::string error;
  const std::optional<std::string> first = RenderDot(dot, "svg", &error);
  ASSERT_TRUE(first.has_value()) << error;
  for (int round = 1; round <= 3; ++round) {
    // Every other block of a few thousand small ones left free, so the
    // next strings cgraph allocates land in a different order.
    std::vector<std::unique_ptr<char[]>> blocks;
    for (int i = 0; i < 2000 * round; ++i) {
      blocks.emplace_back(new char[16 + (i * 37) % 120]);
      blocks.back()[0] = static_cast<char>(i);
    }
    for (size_t i = 0; i < blocks.size(); i += 2) blocks[i].reset();
    EXPECT_EQ(RenderDot(dot, "svg", &error), first) << "round " << round;
  }
}

TEST(RenderDot, RendersPng) {
  std::string error;
  std::optional<std::string> png =
      RenderDot(GraphToDot(SmallGraph()), "png", &error);
  ASSERT_TRUE(png.has_value()) << error;
  ASSERT_GE(png->size(), 8u);
  EXPECT_EQ(png->substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
}

TEST(RenderDot, RejectsUnknownFormats) {
  for (const std::string format :
       {"pdf", "x11", "gtk", "", "SVG", "svg:core"}) {
    std::string error;
    EXPECT_FALSE(RenderDot("digraph { a -> b }", format, &error).has_value())
        << format;
    EXPECT_NE(error.find("unknown render format"), std::string::npos) << format;
  }
}

TEST(RenderDot, ReportsParseErrorsInsteadOfPrintingThem) {
  for (const std::string dot :
       {"digraph { a -> }", "graph {", "not dot at all {{", "", "   \n"}) {
    std::string error;
    testing::internal::CaptureStderr();
    std::optional<std::string> out = RenderDot(dot, "svg", &error);
    const std::string printed = testing::internal::GetCapturedStderr();
    EXPECT_FALSE(out.has_value()) << dot;
    EXPECT_EQ(error.rfind("cannot parse DOT", 0), 0u) << error;
    EXPECT_GT(error.size(), std::string("cannot parse DOT: ").size()) << dot;
    EXPECT_EQ(printed, "") << dot;
  }
  // A failed parse leaves the parser usable.
  std::string error;
  EXPECT_TRUE(RenderDot("digraph { a -> b }", "svg", &error).has_value())
      << error;
}

TEST(RenderDot, RejectsNulBytes) {
  std::string error;
  EXPECT_FALSE(RenderDot(std::string("digraph { a }\0 x", 16), "svg", &error)
                   .has_value());
  EXPECT_NE(error.find("NUL"), std::string::npos);
}

TEST(RenderDot, RefusesDotThatReadsFiles) {
  for (const std::string dot :
       {"digraph { a [image=\"/etc/hostname\"] }",
        "digraph { node [shapefile=\"/etc/hostname\"]; a }",
        "digraph { imagepath=\"/etc\"; a }",
        "digraph { a [label=<<TABLE><TR><TD><IMG SRC=\"/etc/hostname\"/></TD>"
        "</TR></TABLE>>] }",
        "digraph { subgraph cluster_x { label=<<img src=\"x.png\"/>>; a } }"}) {
    std::string error;
    EXPECT_FALSE(RenderDot(dot, "png", &error).has_value()) << dot;
    EXPECT_NE(error.find("read a file"), std::string::npos) << error;
  }
}

TEST(RenderDot, AcceptsNullErrorPointer) {
  EXPECT_FALSE(RenderDot("digraph {", "svg", nullptr).has_value());
  EXPECT_FALSE(RenderDot("digraph {}", "bmp", nullptr).has_value());
}

// ---------------------------------------------------------------------------
// The bundled corpus: documents and externals, reference and counterpart
// edges, no directives (SelectView's documents-only view, built by hand).

struct CorpusView {
  PolicyGraph view;
  std::string dot;
};

const CorpusView& DocumentView() {
  static const CorpusView* built = [] {
    const Corpus corpus = LoadCorpus({PG_CORPUS_DIR});
    const PolicyGraph graph = BuildGraph(corpus);
    auto* out = new CorpusView;
    std::vector<std::optional<NodeId>> kept(graph.NodeCount());
    for (NodeId id : graph.Nodes()) {
      if (graph.Node(id).kind == NodeKind::kDirective) continue;
      kept[id.value] = out->view.AddNode(graph.Node(id));
    }
    for (const PolicyGraph::EdgeRef& e : graph.Edges()) {
      if (kept[e.source.value] && kept[e.target.value])
        out->view.AddEdge(*kept[e.source.value], *kept[e.target.value],
                          *e.edge);
    }
    out->dot = GraphToDot(out->view);
    return out;
  }();
  return *built;
}

TEST(DotCorpus, DocumentViewParsesBackWhole) {
  const CorpusView& c = DocumentView();
  ASSERT_GT(c.view.NodeCount(), 100u);
  ASSERT_GT(c.view.EdgeCount(), 100u);
  Parsed dot = Parse(c.dot);
  ASSERT_NE(dot, nullptr);
  EXPECT_EQ(GraphNodes(dot.get()).size(), c.view.NodeCount());
  EXPECT_EQ(GraphEdges(dot.get()).size(), c.view.EdgeCount());
  // Every node sits in the cluster of its level, under its own id.
  std::vector<NodeId> ids = c.view.Nodes();
  std::set<std::string> levels;
  for (size_t i = 0; i < ids.size(); ++i) {
    const GraphNodeView& node = c.view.Node(ids[i]);
    const std::string cluster = "cluster_" + std::string(LevelName(node.level));
    levels.insert(cluster);
    Agraph_t* sub = FindSubgraph(dot.get(), cluster);
    ASSERT_NE(sub, nullptr) << cluster;
    Agnode_t* n = FindNode(sub, NodeName(i));
    ASSERT_NE(n, nullptr) << node.id;
    EXPECT_EQ(Attr(n, "id"), node.id);
  }
  for (const std::string& name : SubgraphNames(dot.get())) {
    if (name != "cluster_legend") {
      EXPECT_TRUE(levels.count(name)) << name;
    }
  }
  EXPECT_EQ(levels.size(), 4u);  // national, municipal, district, unknown
}

TEST(DotCorpus, DocumentViewIsByteStable) {
  EXPECT_EQ(GraphToDot(DocumentView().view), DocumentView().dot);
}

// What build streams into graph.dot when the diagram is too big to draw:
// the same bytes, and a failed stream is a failure, not a short file.
TEST(DotCorpus, WrittenToAStreamIsTheSameText) {
  std::ostringstream streamed;
  ASSERT_TRUE(WriteDot(DocumentView().view, streamed));
  EXPECT_EQ(streamed.str(), DocumentView().dot);
  std::ostringstream failed;
  failed.setstate(std::ios::badbit);
  EXPECT_FALSE(WriteDot(DocumentView().view, failed));
}

// Also writes documents.{dot,svg,png} to the test temp folder for a look.
// Under tools/sanitize.sh the leak check guards the band spines too: had
// dot filled empty cluster ranks itself, Graphviz 2.42 could not close the
// graph and the parsed text would leak.
TEST(DotCorpus, RendersSvgAndPngWithChineseTitles) {
  const CorpusView& c = DocumentView();
  const std::filesystem::path dir =
      std::filesystem::path(testing::TempDir()) / "policygraph_dot_test";
  std::filesystem::create_directories(dir);

  std::string error;
  const auto start = std::chrono::steady_clock::now();
  std::optional<std::string> svg = RenderDot(c.dot, "svg", &error);
  const auto svg_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - start)
                          .count();
  ASSERT_TRUE(svg.has_value()) << error;
  EXPECT_TRUE(svg->rfind("<?xml", 0) == 0 || svg->rfind("<svg", 0) == 0);
  EXPECT_NE(svg->find("</svg>"), std::string::npos);
  // Each document's title starts its label's first line.
  for (NodeId id : c.view.Nodes()) {
    const GraphNodeView& node = c.view.Node(id);
    if (node.kind != NodeKind::kDocument) continue;
    const std::vector<std::string> chars = CodePoints(node.title);
    ASSERT_GE(chars.size(), 4u) << node.title;
    const std::string start_of_title =
        chars[0] + chars[1] + chars[2] + chars[3];
    EXPECT_NE(svg->find(">" + start_of_title), std::string::npos) << node.title;
  }

  std::optional<std::string> png = RenderDot(c.dot, "png", &error);
  ASSERT_TRUE(png.has_value()) << error;
  EXPECT_EQ(png->substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));

  std::ofstream(dir / "documents.dot", std::ios::binary) << c.dot;
  std::ofstream(dir / "documents.svg", std::ios::binary) << *svg;
  std::ofstream(dir / "documents.png", std::ios::binary) << *png;
  RecordProperty("output_dir", dir.string());
  RecordProperty("svg_ms", std::to_string(svg_ms));
  std::printf("documents: %zu nodes, %zu edges, svg %lld ms, written to %s\n",
              c.view.NodeCount(), c.view.EdgeCount(),
              static_cast<long long>(svg_ms), dir.string().c_str());
}

}  // namespace
}  // namespace policygraph

// Lineage: ancestors and descendants over a small hand-made graph and over
// the bundled corpus, and the three ways of printing them.
#include "policygraph/lineage.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include <graphviz/cgraph.h>
#include <gtest/gtest.h>

#include "policygraph/export.h"
#include "policygraph/pipeline.h"
#include "policygraph/report_format.h"

namespace policygraph {
namespace {

// D implements M, which rests on N, which rests on L; D only mentions X.
// E follows D, F implements E; G is D's municipal counterpart's district
// twin, linked to M by a counterpart edge only.
class SmallGraph : public ::testing::Test {
 protected:
  void SetUp() override {
    d_ = Add("D", "合川区某某规划", Level::kDistrict, NodeKind::kDocument);
    m_ = Add("M", "重庆市某某规划", Level::kMunicipal, NodeKind::kDocument);
    n_ = Add("N", "国家某某规划", Level::kNational, NodeKind::kExternal);
    l_ = Add("L", "某某法", Level::kNational, NodeKind::kExternal);
    x_ = Add("X", "无关文件", Level::kUnknown, NodeKind::kExternal);
    e_ = Add("E", "合川区某某实施方案", Level::kDistrict, NodeKind::kDocument);
    f_ = Add("F", "某镇某某工作方案", Level::kDistrict, NodeKind::kDocument);
    g_ = Add("G", "永川区某某规划", Level::kDistrict, NodeKind::kDocument);
    Link(d_, m_, Relation::kImplements, "d.txt", 12, "《重庆市某某规划》",
         "贯彻落实");
    Link(d_, m_, Relation::kCounterpart, "d.txt", 1, "core: 某某规划", "");
    Link(m_, n_, Relation::kBasis, "m.txt", 3, "《国家某某规划》", "根据");
    Link(n_, l_, Relation::kBasis, "", 0, "《某某法》", "依据");
    Link(d_, x_, Relation::kMentions, "d.txt", 40, "《无关文件》", "");
    Link(e_, d_, Relation::kFollows, "e.txt", 7, "《合川区某某规划》", "按照");
    Link(f_, e_, Relation::kImplements, "f.txt", 9, "《合川区某某实施方案》",
         "落实");
    Link(g_, m_, Relation::kCounterpart, "g.txt", 1, "core: 某某规划", "");
  }

  NodeId Add(const std::string& id, const std::string& title, Level level,
             NodeKind kind) {
    GraphNode node;
    node.id = id;
    node.title = title;
    node.level = level;
    node.kind = kind;
    return graph_.AddNode(node);
  }

  void Link(NodeId from, NodeId to, Relation relation, const std::string& file,
            uint32_t line, const std::string& text, const std::string& cue) {
    GraphEdge edge;
    edge.relation = relation;
    edge.evidence = {file, line, text};
    edge.cue = cue;
    graph_.AddEdge(from, to, edge);
  }

  static std::vector<std::string> Ids(const std::vector<LineageStep>& steps) {
    std::vector<std::string> ids;
    for (const LineageStep& s : steps) ids.push_back(s.id);
    return ids;
  }

  PolicyGraph graph_;
  NodeId d_, m_, n_, l_, x_, e_, f_, g_;
};

TEST_F(SmallGraph, AncestorsFollowTheChainUpWithTheirEvidence) {
  LineageReport r = TraceLineage(graph_, d_);
  EXPECT_EQ(r.root, "D");
  EXPECT_EQ(r.root_title, "合川区某某规划");
  EXPECT_EQ(r.root_level, Level::kDistrict);
  EXPECT_EQ(Ids(r.ancestors), (std::vector<std::string>{"M", "N", "L"}));
  EXPECT_TRUE(r.descendants.empty());
  ASSERT_EQ(r.ancestors.size(), 3u);
  const LineageStep& m = r.ancestors[0];
  // The first edge D → M (implements), not the later counterpart edge.
  EXPECT_EQ(m.relation, Relation::kImplements);
  EXPECT_EQ(m.cue, "贯彻落实");
  EXPECT_EQ(m.evidence.file, "d.txt");
  EXPECT_EQ(m.evidence.line, 12u);
  EXPECT_EQ(m.evidence.text, "《重庆市某某规划》");
  EXPECT_EQ(m.title, "重庆市某某规划");
  EXPECT_EQ(m.level, Level::kMunicipal);
  EXPECT_EQ(m.depth, 1);
  EXPECT_EQ(m.parent, -1);
  EXPECT_EQ(r.ancestors[1].parent, 0);
  EXPECT_EQ(r.ancestors[1].depth, 2);
  EXPECT_EQ(r.ancestors[1].kind, NodeKind::kExternal);
  EXPECT_EQ(r.ancestors[2].parent, 1);
  EXPECT_EQ(r.ancestors[2].depth, 3);
  EXPECT_EQ(r.ancestors[2].cue, "依据");
}

TEST_F(SmallGraph, DepthLimitCutsTheChain) {
  LineageOptions options;
  options.max_depth = 2;
  EXPECT_EQ(Ids(TraceLineage(graph_, d_, options).ancestors),
            (std::vector<std::string>{"M", "N"}));
  options.max_depth = 1;
  EXPECT_EQ(Ids(TraceLineage(graph_, d_, options).ancestors),
            (std::vector<std::string>{"M"}));
}

TEST_F(SmallGraph, DescendantsWalkTheSameEdgesBackwards) {
  LineageOptions down;
  down.direction = LineageDirection::kDown;
  LineageReport r = TraceLineage(graph_, d_, down);
  EXPECT_TRUE(r.ancestors.empty());
  EXPECT_EQ(Ids(r.descendants), (std::vector<std::string>{"E", "F"}));
  ASSERT_EQ(r.descendants.size(), 2u);
  EXPECT_EQ(r.descendants[0].relation, Relation::kFollows);
  EXPECT_EQ(r.descendants[0].evidence.file, "e.txt");
  EXPECT_EQ(r.descendants[1].parent, 0);

  // M's descendants include G, linked by a counterpart edge only.
  LineageReport of_m = TraceLineage(graph_, m_, down);
  EXPECT_EQ(Ids(of_m.descendants),
            (std::vector<std::string>{"D", "G", "E", "F"}));

  LineageOptions both;
  both.direction = LineageDirection::kBoth;
  LineageReport all = TraceLineage(graph_, d_, both);
  EXPECT_EQ(Ids(all.ancestors), (std::vector<std::string>{"M", "N", "L"}));
  EXPECT_EQ(Ids(all.descendants), (std::vector<std::string>{"E", "F"}));
}

TEST_F(SmallGraph, RelationsChooseTheEdgesWalked) {
  LineageOptions basis;
  basis.relations = {Relation::kBasis};
  EXPECT_TRUE(TraceLineage(graph_, d_, basis).ancestors.empty());
  EXPECT_EQ(Ids(TraceLineage(graph_, m_, basis).ancestors),
            (std::vector<std::string>{"N", "L"}));

  // Counterparts are stored lower → higher, so up follows them forwards.
  EXPECT_EQ(Ids(TraceLineage(graph_, g_).ancestors),
            (std::vector<std::string>{"M", "N", "L"}));
  LineageOptions counterpart;
  counterpart.relations = {Relation::kCounterpart};
  LineageReport r = TraceLineage(graph_, d_, counterpart);
  ASSERT_EQ(Ids(r.ancestors), (std::vector<std::string>{"M"}));
  EXPECT_EQ(r.ancestors[0].relation, Relation::kCounterpart);

  // Mentions are no lineage unless asked for.
  LineageOptions mentions;
  mentions.relations = {Relation::kMentions};
  EXPECT_EQ(Ids(TraceLineage(graph_, d_, mentions).ancestors),
            (std::vector<std::string>{"X"}));
  EXPECT_TRUE(DefaultLineageRelations().Has(Relation::kCounterpart));
  EXPECT_TRUE(DefaultLineageRelations().Has(Relation::kIssues));
  EXPECT_FALSE(DefaultLineageRelations().Has(Relation::kMentions));
  EXPECT_FALSE(DefaultLineageRelations().Has(Relation::kPartOf));
}

// Position of the first line of `text` holding `needle`, and that line's
// indentation in bytes before the tree's branch mark.
size_t LineIndent(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  if (at == std::string::npos) return std::string::npos;
  size_t begin = text.rfind('\n', at);
  begin = begin == std::string::npos ? 0 : begin + 1;
  std::string line = text.substr(begin, at - begin);
  size_t mark = std::min(line.find("├─"), line.find("└─"));
  return mark;
}

TEST_F(SmallGraph, TextIsATreeWithEvidenceUnderEachStep) {
  LineageOptions both;
  both.direction = LineageDirection::kBoth;
  std::string text = FormatLineageText(TraceLineage(graph_, d_, both));
  EXPECT_EQ(text.rfind("D  合川区某某规划 [district]\nancestors:\n", 0), 0u)
      << text;
  EXPECT_NE(text.find("└─ implements → M  重庆市某某规划 [municipal]\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("d.txt:12  贯彻落实《重庆市某某规划》\n"),
            std::string::npos)
      << text;
  // An evidence without a file still shows its text.
  EXPECT_NE(text.find("依据《某某法》\n"), std::string::npos) << text;
  // Each step sits deeper than the one it was reached from.
  size_t m = LineIndent(text, "→ M ");
  size_t n = LineIndent(text, "→ N ");
  size_t l = LineIndent(text, "→ L ");
  ASSERT_NE(m, std::string::npos);
  EXPECT_LT(m, n);
  EXPECT_LT(n, l);
  EXPECT_LT(text.find("ancestors:"), text.find("descendants:"));
  EXPECT_LT(text.find("descendants:"), text.find("→ E "));

  std::string none = FormatLineageText(
      TraceLineage(graph_, l_, LineageOptions{LineageDirection::kBoth}));
  EXPECT_NE(none.find("ancestors:\n  (none)\n"), std::string::npos) << none;
  // Only the traced direction is printed.
  std::string up = FormatLineageText(TraceLineage(graph_, d_));
  EXPECT_EQ(up.find("descendants:"), std::string::npos) << up;
}

// The DOT parses back with cgraph, the reader Graphviz itself uses.
::testing::AssertionResult IsOneDigraph(const std::string& dot) {
  Agraph_t* graph = agmemread(dot.c_str());
  if (!graph) return ::testing::AssertionFailure() << "cgraph cannot read it";
  const bool directed = agisdirected(graph);
  agclose(graph);
  if (!directed) return ::testing::AssertionFailure() << "not a digraph";
  return ::testing::AssertionSuccess();
}

TEST_F(SmallGraph, LineageGraphHasOneNodePerIdAndOneEdgePerStep) {
  NodeId odd = Add("Q", "他说\"好\" C:\\dir\nnext line", Level::kMunicipal,
                   NodeKind::kDocument);
  Link(d_, odd, Relation::kBasis, "d\"q.txt", 5, "《他说\"好\"》", "根据");
  LineageOptions both;
  both.direction = LineageDirection::kBoth;
  LineageReport report = TraceLineage(graph_, d_, both);
  PolicyGraph lineage = LineageToGraph(report);
  EXPECT_EQ(lineage.NodeCount(), 7u);  // D, M, N, L, Q, E, F
  EXPECT_EQ(lineage.EdgeCount(), 6u);
  std::optional<NodeId> q = lineage.FindNode("Q");
  ASSERT_TRUE(q.has_value());
  EXPECT_EQ(lineage.Node(*q).title, "他说\"好\" C:\\dir\nnext line");
  EXPECT_EQ(lineage.Node(*q).level, Level::kMunicipal);
  // Edges keep the original direction and evidence: D cites Q; F
  // implements E, which follows D.
  std::vector<PolicyGraph::EdgeRef> into_q =
      lineage.InEdges(*q, RelationSet::All());
  ASSERT_EQ(into_q.size(), 1u);
  EXPECT_EQ(lineage.Node(into_q[0].source).id, "D");
  EXPECT_EQ(into_q[0].edge->relation, Relation::kBasis);
  EXPECT_EQ(into_q[0].edge->evidence.file, "d\"q.txt");
  EXPECT_EQ(into_q[0].edge->cue, "根据");
  std::optional<NodeId> f = lineage.FindNode("F");
  ASSERT_TRUE(f.has_value());
  std::vector<PolicyGraph::EdgeRef> out_of_f =
      lineage.OutEdges(*f, RelationSet::All());
  ASSERT_EQ(out_of_f.size(), 1u);
  EXPECT_EQ(lineage.Node(out_of_f[0].target).id, "E");
  EXPECT_EQ(out_of_f[0].edge->relation, Relation::kImplements);
  // The diagram is the one DOT exporter's drawing of that graph.
  std::string dot = FormatLineageDot(report);
  EXPECT_EQ(dot, GraphToDot(lineage));
  EXPECT_TRUE(IsOneDigraph(dot));
}

TEST_F(SmallGraph, JsonFollowsTheContract) {
  Json j = LineageToJson(TraceLineage(graph_, d_));
  EXPECT_EQ(j["root"], "D");
  EXPECT_EQ(j["title"], "合川区某某规划");
  EXPECT_EQ(j["level"], "district");
  ASSERT_EQ(j["ancestors"].size(), 3u);
  EXPECT_TRUE(j["descendants"].is_array());
  const Json& m = j["ancestors"][0];
  std::vector<std::string> keys;
  for (auto it = m.begin(); it != m.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"id", "title", "doc_number", "kind",
                                            "level", "date", "relation", "cue",
                                            "evidence", "depth", "parent"}));
  EXPECT_EQ(m["relation"], "implements");
  EXPECT_EQ(m["evidence"]["file"], "d.txt");
  EXPECT_EQ(m["evidence"]["line"], 12);
  EXPECT_TRUE(m["doc_number"].is_null());
  EXPECT_EQ(j["ancestors"][2]["parent"], 1);
  EXPECT_EQ(j["ancestors"][1]["kind"], "external");
}

const PolicyGraph& CorpusGraph() {
  static const PolicyGraph* graph = [] {
    static const Corpus corpus = LoadCorpus({PG_CORPUS_DIR});
    return new PolicyGraph(BuildGraph(corpus));
  }();
  return *graph;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

TEST(LineageOnCorpus, DistrictTransportPlanReachesMunicipalAndNationalPlans) {
  const PolicyGraph& graph = CorpusGraph();
  std::optional<NodeId> root = graph.FindNode("合川府发〔2023〕2号");
  ASSERT_TRUE(root.has_value());
  LineageReport r = TraceLineage(graph, *root);
  const std::string municipal = "重庆市综合立体交通网规划纲要（2021—2035年）";
  const std::string national = "国家综合立体交通网规划纲要";
  for (const std::string& title : {municipal, national}) {
    auto step = std::find_if(
        r.ancestors.begin(), r.ancestors.end(),
        [&](const LineageStep& s) { return s.id == "title:" + title; });
    ASSERT_NE(step, r.ancestors.end()) << title;
    EXPECT_EQ(step->kind, NodeKind::kExternal);
    EXPECT_EQ(step->title, title);
    EXPECT_TRUE(EndsWith(step->evidence.file, "hechuan-gazette-2023-01.txt"))
        << step->evidence.file;
    EXPECT_GT(step->evidence.line, 0u);
  }
  std::string text = FormatLineageText(r);
  EXPECT_NE(text.find(municipal), std::string::npos) << text;
  EXPECT_NE(text.find(national), std::string::npos) << text;
  std::string dot = FormatLineageDot(r);
  EXPECT_TRUE(IsOneDigraph(dot)) << dot;
  EXPECT_NE(dot.find(municipal), std::string::npos);
  EXPECT_NE(dot.find(national), std::string::npos);
}

TEST(LineageOnCorpus, OpinionHasTheActionPlanAmongItsDescendants) {
  const PolicyGraph& graph = CorpusGraph();
  std::optional<NodeId> root = graph.FindNode("渝府发〔2023〕7号");
  ASSERT_TRUE(root.has_value());
  LineageOptions options;
  options.direction = LineageDirection::kBoth;
  LineageReport r = TraceLineage(graph, *root, options);
  auto plan = std::find_if(
      r.descendants.begin(), r.descendants.end(),
      [](const LineageStep& s) { return s.id == "渝府办发〔2024〕22号"; });
  ASSERT_NE(plan, r.descendants.end());
  EXPECT_EQ(plan->relation, Relation::kBasis);
  EXPECT_EQ(plan->depth, 1);
  EXPECT_TRUE(IsOneDigraph(FormatLineageDot(r)));
}

}  // namespace
}  // namespace policygraph

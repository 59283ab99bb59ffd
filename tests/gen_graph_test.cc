// The graph generator (tools/gen_corpus/graph_generator.h): deterministic,
// exact in its edge count, shaped like a corpus graph, and written in the
// very bytes `build` writes for graph.json.
#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "policygraph/export.h"
#include "policygraph/graph.h"

#include "gen_corpus/graph_generator.h"
#include "gen_corpus/material.h"
#include "gen_material.h"
#include "test_support.h"

namespace policygraph::gen {
namespace {

namespace fs = std::filesystem;

GeneratedGraph Generate(uint64_t documents, uint64_t edges, uint64_t seed = 1) {
  GraphOptions options;
  options.documents = documents;
  options.edges = edges;
  options.seed = seed;
  GeneratedGraph graph;
  std::string error;
  EXPECT_TRUE(GenerateGraph(options, BundledMaterial(), graph, error)) << error;
  return graph;
}

// graph.json as gen-graph writes it.
std::string NodeLinkText(const GeneratedGraph& graph) {
  std::ostringstream out;
  NodeLinkWriter writer(out, graph.NodeCount(), graph.edges.size());
  EmitGraph(graph, {[&](const GraphNode& n) { writer.AddNode(n); },
                    [&](std::string_view s, std::string_view t, int key,
                        const GraphEdge& e) { writer.AddEdge(s, t, key, e); }});
  EXPECT_TRUE(writer.Finish());
  return out.str();
}

PolicyGraph ToPolicyGraph(const GeneratedGraph& graph) {
  PolicyGraph g;
  EmitGraph(graph, {[&](const GraphNode& n) { g.AddNode(n); },
                    [&](std::string_view s, std::string_view t, int,
                        const GraphEdge& e) {
                      g.AddEdge(*g.FindNode(s), *g.FindNode(t), e);
                    }});
  return g;
}

TEST(GenGraph, SameSeedSameBytesOtherSeedOtherGraph) {
  const std::string a = NodeLinkText(Generate(400, 3000, 7));
  EXPECT_EQ(a, NodeLinkText(Generate(400, 3000, 7)));
  EXPECT_NE(a, NodeLinkText(Generate(400, 3000, 8)));
}

TEST(GenGraph, MakesExactlyTheDocumentsAndEdgesAskedFor) {
  for (auto [documents, edges] : std::vector<std::pair<uint64_t, uint64_t>>{
           {1, 0}, {30, 0}, {30, 100}, {500, 5000}, {2000, 1000}}) {
    const GeneratedGraph g = Generate(documents, edges);
    EXPECT_EQ(g.documents.size(), documents);
    EXPECT_EQ(g.edges.size(), edges) << documents << " documents";
    const GraphManifest& m = g.manifest;
    EXPECT_EQ(m.basis + m.implements + m.follows + m.counterpart + m.mentions,
              edges);
    EXPECT_EQ(
        m.municipal_documents + m.district_documents + m.department_documents,
        documents);
  }
}

TEST(GenGraph, RefusesMoreEdgesThanTheDocumentsCanHold) {
  GraphOptions options;
  options.documents = 5;
  options.edges = 10000;
  GeneratedGraph graph;
  std::string error;
  EXPECT_FALSE(GenerateGraph(options, BundledMaterial(), graph, error));
  EXPECT_NE(error.find("ask for fewer edges"), std::string::npos) << error;
  options.documents = 0;
  EXPECT_FALSE(GenerateGraph(options, BundledMaterial(), graph, error));
  EXPECT_NE(error.find("--documents"), std::string::npos) << error;
}

TEST(GenGraph, CitesOnlyEarlierDocumentsOrExternalsOncePerRelation) {
  const GeneratedGraph g = Generate(3000, 30000);
  std::set<std::tuple<uint32_t, uint32_t, Relation>> seen;
  std::map<std::pair<uint32_t, uint32_t>, int> parallel;
  for (const GeneratedGraph::Edge& e : g.edges) {
    ASSERT_TRUE(e.target < e.source || e.target >= g.documents.size())
        << e.source << " → " << e.target;
    EXPECT_TRUE(seen.insert({e.source, e.target, e.relation}).second);
    int& earlier = parallel[{e.source, e.target}];
    EXPECT_EQ(e.key, earlier++);
  }
}

TEST(GenGraph, EmitsWhatBuildWouldWriteForTheSameGraph) {
  const GeneratedGraph g = Generate(800, 6000);
  const PolicyGraph graph = ToPolicyGraph(g);
  // No edge merged, no node lost: the reader sees the manifest's counts.
  EXPECT_EQ(graph.NodeCount(), g.manifest.documents + g.manifest.externals);
  EXPECT_EQ(graph.EdgeCount(), g.manifest.edges);
  EXPECT_EQ(NodeLinkText(g), GraphToNodeLink(graph).dump(1) + "\n");
}

TEST(GenGraph, FewHubsDrawMuchOfTheFanIn) {
  const GeneratedGraph g = Generate(5000, 50000);
  const double mean_in = 50000.0 / static_cast<double>(g.NodeCount());
  EXPECT_GT(static_cast<double>(g.manifest.top_hub_in_edges), 50 * mean_in);
  EXPECT_GT(g.manifest.counterpart, 0u);
  EXPECT_GT(g.manifest.implements, g.manifest.counterpart);
  EXPECT_GT(g.manifest.isolated_documents, 0u);
  EXPECT_LT(g.manifest.isolated_documents, 5000u / 5);
}

TEST(GenGraph, LineageClimbsFromDistrictDocumentsToNationalOnes) {
  const PolicyGraph graph = ToPolicyGraph(Generate(2000, 12000));
  const RelationSet lineage = {Relation::kBasis, Relation::kImplements,
                               Relation::kFollows, Relation::kCounterpart};
  int reached_national = 0, district = 0;
  for (NodeId n : graph.Nodes()) {
    if (graph.Node(n).level != Level::kDistrict) continue;
    ++district;
    for (const PolicyGraph::Reached& r : graph.Search(n, lineage, false, 10))
      if (graph.Node(r.node).level == Level::kNational) {
        ++reached_national;
        break;
      }
  }
  EXPECT_GT(reached_national, district / 2);
}

TEST(GenGraph, GraphJsonValidatesAgainstTheSchema) {
  const std::optional<std::string> python =
      policygraph::testing::PythonWith("jsonschema");
  if (!python && policygraph::testing::InCi())
    FAIL() << "CI=true but no python3 with jsonschema (python3-jsonschema)";
  if (!python) GTEST_SKIP() << "no python3 with jsonschema";
  const fs::path file = fs::temp_directory_path() /
                        ("pg-gen-graph-" + std::to_string(getpid()) + ".json");
  policygraph::testing::WriteFile(file, NodeLinkText(Generate(300, 2000)));
  const policygraph::testing::CommandRun run = policygraph::testing::RunCommand(
      "'" + *python + "' '" PG_SOURCE_DIR "/tests/schema/validate.py' '" +
      PG_SOURCE_DIR "/schemas/graph.schema.json' '" + file.string() + "'");
  fs::remove(file);
  EXPECT_EQ(run.exit_code, 0) << run.output;
}

}  // namespace
}  // namespace policygraph::gen

// Lineage reachability, weakly connected components and PageRank agree
// with networkx and igraph on a generated graph: bench/graph_baselines.py
// computes them with each library from the same graph.json / GraphML the
// benchmark uses, and every count and rank is compared with ours.
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "policygraph/components.h"
#include "policygraph/export.h"
#include "policygraph/graph_reader.h"
#include "policygraph/lineage.h"
#include "policygraph/pagerank.h"

#include "gen_corpus/graph_generator.h"
#include "gen_material.h"
#include "test_support.h"

namespace policygraph {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

class Analyses : public ::testing::Test {
 protected:
  void SetUp() override {
    python_ = testing::PythonWith("networkx, igraph, scipy");
    if (!python_ && testing::InCi())
      FAIL() << "CI=true but no python3 with networkx, igraph and scipy "
                "(Debian: python3-networkx python3-igraph python3-scipy, "
                "see tools/deps.sh)";
    if (!python_) GTEST_SKIP() << "no python3 with networkx, igraph and scipy";
    dir_ =
        fs::temp_directory_path() / ("pg-analyses-" + std::to_string(getpid()));
    fs::create_directories(dir_);
    WriteGeneratedGraph(1500, 12000);
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  // graph.json and graph.graphml of a generated graph, as gen-graph
  // writes them.
  void WriteGeneratedGraph(uint64_t documents, uint64_t edges) {
    gen::GraphOptions options;
    options.documents = documents;
    options.edges = edges;
    gen::GeneratedGraph generated;
    std::string error;
    ASSERT_TRUE(
        gen::GenerateGraph(options, gen::BundledMaterial(), generated, error))
        << error;
    std::ofstream json(dir_ / "graph.json", std::ios::binary);
    std::ofstream graphml(dir_ / "graph.graphml", std::ios::binary);
    NodeLinkWriter json_writer(json, generated.NodeCount(),
                               generated.edges.size());
    GraphmlWriter graphml_writer(graphml);
    gen::EmitGraph(generated, {[&](const GraphNode& n) {
                                 json_writer.AddNode(n);
                                 graphml_writer.AddNode(n);
                               },
                               [&](std::string_view s, std::string_view t,
                                   int key, const GraphEdge& e) {
                                 json_writer.AddEdge(s, t, key, e);
                                 graphml_writer.AddEdge(s, t, e);
                               }});
    ASSERT_TRUE(json_writer.Finish());
    ASSERT_TRUE(graphml_writer.Finish());
  }

  // graph_baselines.py's result for `library`, with --details.
  Json Baseline(const std::string& library) {
    const testing::CommandRun run = testing::RunCommand(
        "'" + *python_ + "' '" PG_SOURCE_DIR "/bench/graph_baselines.py' '" +
        (dir_ / "graph.json").string() + "' --graphml '" +
        (dir_ / "graph.graphml").string() + "' --library " + library +
        " --starts 300 --details");
    EXPECT_EQ(run.exit_code, 0) << run.output;
    return Json::parse(run.output, nullptr, /*allow_exceptions=*/false);
  }

  std::optional<std::string> python_;
  fs::path dir_;
};

TEST_F(Analyses, AgreeWithNetworkxAndIgraphOnAGeneratedGraph) {
  GraphReadResult read = ReadGraphJsonFile((dir_ / "graph.json").string());
  ASSERT_TRUE(read.ok) << read.error;
  const PolicyGraph& g = read.graph;
  const ComponentsReport components = FindWeakComponents(g);
  std::vector<uint32_t> sizes = components.sizes;
  std::sort(sizes.rbegin(), sizes.rend());
  const PageRankReport pagerank = ComputePageRank(g);
  ASSERT_TRUE(pagerank.converged);
  const RelationSet lineage = DefaultLineageRelations();
  constexpr int kUnlimited = std::numeric_limits<int>::max();

  for (const std::string library : {"networkx", "igraph"}) {
    SCOPED_TRACE(library);
    const Json theirs = Baseline(library);
    ASSERT_TRUE(theirs.is_object());
    EXPECT_EQ(theirs["nodes"], g.NodeCount());
    EXPECT_EQ(theirs["edges"], g.EdgeCount());
    const Json& details = theirs["details"];

    EXPECT_EQ(details["component_sizes"].get<std::vector<uint32_t>>(), sizes);
    EXPECT_GT(sizes.size(), 10u);  // isolated documents: a real partition

    ASSERT_EQ(details["reached"].size(), 300u);
    int reaching = 0;
    for (const Json& r : details["reached"]) {
      const std::optional<NodeId> start = g.FindNode(r[0].get<std::string>());
      ASSERT_TRUE(start.has_value()) << r;
      const size_t up = g.Search(*start, lineage, false, kUnlimited).size();
      const size_t down = g.Search(*start, lineage, true, kUnlimited).size();
      EXPECT_EQ(up, r[1].get<size_t>()) << "ancestors of " << r[0];
      EXPECT_EQ(down, r[2].get<size_t>()) << "descendants of " << r[0];
      if (up + down > 0) ++reaching;
    }
    EXPECT_GT(reaching, 200);

    // networkx iterates as we do and stops where we stop; igraph solves
    // exactly, and we are within the tolerance's reach of its answer.
    const double within = library == "networkx" ? 1e-12 : 1e-6;
    double total = 0;
    for (NodeId n : g.Nodes()) {
      const double rank = details["ranks"][g.Node(n).id].get<double>();
      EXPECT_NEAR(pagerank.rank[n.value], rank, within) << g.Node(n).id;
      total += std::abs(pagerank.rank[n.value] - rank);
    }
    EXPECT_LT(total, library == "networkx" ? 1e-10 : 1e-5);
    const Json& top = theirs["pagerank"]["top"];
    ASSERT_EQ(top.size(), 10u);
    std::vector<std::string> ours, their_order;
    for (const Json& t : top) their_order.push_back(t[0]);
    std::vector<NodeId> order = g.Nodes();
    std::stable_sort(order.begin(), order.end(), [&](NodeId a, NodeId b) {
      return pagerank.rank[a.value] > pagerank.rank[b.value];
    });
    for (size_t i = 0; i < 10; ++i) ours.emplace_back(g.Node(order[i]).id);
    EXPECT_EQ(ours, their_order);
  }
}

}  // namespace
}  // namespace policygraph

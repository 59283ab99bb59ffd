// The graph analyses over generated graphs (tools/gen_corpus/
// graph_generator.h), swept over size: N documents and 10·N edges, the
// shape of the full-size run in tools/bench_graph.sh.
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "policygraph/components.h"
#include "policygraph/export.h"
#include "policygraph/graph_reader.h"
#include "policygraph/lineage.h"
#include "policygraph/pagerank.h"

#include "gen_corpus/graph_generator.h"
#include "gen_corpus/material.h"
#include "start_documents.h"

namespace pg = policygraph;

namespace {

struct Generated {
  std::string json;  // graph.json, as gen-graph writes it
  pg::PolicyGraph graph;
  std::vector<pg::NodeId> starts;  // as policygraph_graphbench picks them
};

// One graph per size, made on first use.
const Generated& GraphOf(int64_t documents) {
  static std::map<int64_t, std::unique_ptr<Generated>> made;
  std::unique_ptr<Generated>& g = made[documents];
  if (g) return *g;
  static const pg::gen::Material material = [] {
    pg::gen::Material m;
    std::string error;
    pg::gen::HarvestMaterial({PG_CORPUS_DIR}, m, error);
    return m;
  }();
  pg::gen::GraphOptions options;
  options.documents = static_cast<uint64_t>(documents);
  options.edges = 10 * options.documents;
  pg::gen::GeneratedGraph generated;
  std::string error;
  pg::gen::GenerateGraph(options, material, generated, error);
  g = std::make_unique<Generated>();
  std::ostringstream json;
  pg::NodeLinkWriter writer(json, generated.NodeCount(),
                            generated.edges.size());
  pg::gen::EmitGraph(
      generated,
      {[&](const pg::GraphNode& n) { writer.AddNode(n); },
       [&](std::string_view s, std::string_view t, int key,
           const pg::GraphEdge& e) { writer.AddEdge(s, t, key, e); }});
  writer.Finish();
  g->json = std::move(json).str();
  g->graph = pg::ReadGraphJson(g->json).graph;
  g->starts = pg::bench::StartDocuments(g->graph, 1000, 1);
  return *g;
}

void BM_ReadGraphJson(benchmark::State& state) {
  const Generated& g = GraphOf(state.range(0));
  for (auto _ : state) {
    pg::GraphReadResult r = pg::ReadGraphJson(g.json);
    benchmark::DoNotOptimize(r.ok);
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(g.json.size()));
}
BENCHMARK(BM_ReadGraphJson)
    ->Arg(10'000)
    ->Arg(50'000)
    ->Unit(benchmark::kMillisecond);

// Ancestors and descendants of 1,000 documents: BFS reachability over the
// lineage relations, no depth limit.
void BM_LineageSearch(benchmark::State& state) {
  const Generated& g = GraphOf(state.range(0));
  const pg::RelationSet relations = pg::DefaultLineageRelations();
  int64_t reached = 0;
  for (auto _ : state) {
    for (pg::NodeId s : g.starts) {
      reached += static_cast<int64_t>(
          g.graph.Search(s, relations, false, std::numeric_limits<int>::max())
              .size());
      reached += static_cast<int64_t>(
          g.graph.Search(s, relations, true, std::numeric_limits<int>::max())
              .size());
    }
  }
  state.SetItemsProcessed(state.iterations() * 2 *
                          static_cast<int64_t>(g.starts.size()));
  state.counters["reached/search"] =
      static_cast<double>(reached) /
      static_cast<double>(state.iterations() * 2 * g.starts.size());
}
BENCHMARK(BM_LineageSearch)
    ->Arg(10'000)
    ->Arg(50'000)
    ->Arg(200'000)
    ->Unit(benchmark::kMillisecond);

void BM_WeakComponents(benchmark::State& state) {
  const Generated& g = GraphOf(state.range(0));
  for (auto _ : state) {
    pg::ComponentsReport c = pg::FindWeakComponents(g.graph);
    benchmark::DoNotOptimize(c.sizes.data());
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(g.graph.EdgeCount()));
}
BENCHMARK(BM_WeakComponents)
    ->Arg(10'000)
    ->Arg(50'000)
    ->Arg(200'000)
    ->Unit(benchmark::kMillisecond);

void BM_PageRank(benchmark::State& state) {
  const Generated& g = GraphOf(state.range(0));
  int iterations = 0;
  for (auto _ : state) {
    pg::PageRankReport r = pg::ComputePageRank(g.graph);
    iterations = r.iterations;
    benchmark::DoNotOptimize(r.rank.data());
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(g.graph.EdgeCount()));
  state.counters["iterations"] = iterations;
}
BENCHMARK(BM_PageRank)
    ->Arg(10'000)
    ->Arg(50'000)
    ->Arg(200'000)
    ->Unit(benchmark::kMillisecond);

// The whole-graph exports `build` streams into graph.json, graph.cyjs and
// graph.graphml, written to memory: bytes per second of output.
template <bool (*Write)(const pg::PolicyGraph&, std::ostream&)>
void BM_Export(benchmark::State& state) {
  const Generated& g = GraphOf(state.range(0));
  int64_t bytes = 0;
  for (auto _ : state) {
    std::ostringstream out;
    benchmark::DoNotOptimize(Write(g.graph, out));
    bytes += static_cast<int64_t>(out.tellp());
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_Export<pg::WriteNodeLink>)
    ->Name("BM_ExportNodeLink")
    ->Arg(50'000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Export<pg::WriteCytoscape>)
    ->Name("BM_ExportCytoscape")
    ->Arg(50'000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Export<pg::WriteGraphml>)
    ->Name("BM_ExportGraphml")
    ->Arg(50'000)
    ->Unit(benchmark::kMillisecond);

}  // namespace

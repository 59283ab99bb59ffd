// policygraph_graphbench: the graph analyses on a graph.json, timed, for
// the side-by-side run of tools/bench_graph.sh (bench/graph_baselines.py
// does the same with networkx and igraph and prints the same JSON).
//
//   policygraph_graphbench GRAPH_JSON [--starts 1000] [--seed 1]
//                          [--repeat 3] [--details]
//
// load        ReadGraphJsonFile
// lineage     from `starts` seeded-random documents (splitmix64 over the
//             documents in node order, as graph_baselines.py picks them):
//             ancestors and descendants, PolicyGraph::Search without a
//             depth limit over DefaultLineageRelations() — BFS
//             reachability, start excluded; then TraceLineage (the full
//             reports, evidence and all) from the same starts, timed apart
// components  FindWeakComponents over every relation
// pagerank    ComputePageRank with its defaults (damping 0.85, L1 1e-6)
//
// The graph is loaded once; each analysis runs --repeat times and its
// median time is printed, so one slow run on a shared machine does not
// decide the figure.  Prints one JSON object; exit 0, or 2 on a usage or
// read error.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "policygraph/components.h"
#include "policygraph/graph_reader.h"
#include "policygraph/lineage.h"
#include "policygraph/pagerank.h"

#include "start_documents.h"

namespace pg = policygraph;

namespace {

using Json = nlohmann::ordered_json;

class Clock {
 public:
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                         start_)
        .count();
  }

 private:
  std::chrono::steady_clock::time_point start_ =
      std::chrono::steady_clock::now();
};

// Runs `analysis` `repeat` times; the median wall time in seconds.
template <typename F>
double MedianSeconds(int repeat, F analysis) {
  std::vector<double> times;
  for (int i = 0; i < repeat; ++i) {
    Clock clock;
    analysis();
    times.push_back(clock.Seconds());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

// The `count` highest ranks, ties by id, as [id, rank] pairs.
Json Top(const pg::PolicyGraph& graph, const std::vector<double>& rank,
         size_t count) {
  std::vector<uint32_t> order(rank.size());
  for (uint32_t v = 0; v < order.size(); ++v) order[v] = v;
  count = std::min(count, order.size());
  std::partial_sort(order.begin(), order.begin() + count, order.end(),
                    [&](uint32_t a, uint32_t b) {
                      if (rank[a] != rank[b]) return rank[a] > rank[b];
                      return graph.Node(pg::NodeId{a}).id <
                             graph.Node(pg::NodeId{b}).id;
                    });
  Json top = Json::array();
  for (size_t i = 0; i < count; ++i)
    top.push_back({graph.Node(pg::NodeId{order[i]}).id, rank[order[i]]});
  return top;
}

int Usage() {
  std::fputs(
      "usage: policygraph_graphbench GRAPH_JSON [--starts N] [--seed S] "
      "[--repeat R] [--details]\n",
      stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path;
  size_t start_count = 1000;
  uint64_t seed = 1;
  uint64_t repeat = 3;
  bool details = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "--starts" || arg == "--seed" || arg == "--repeat") &&
        i + 1 < argc) {
      const uint64_t value = std::strtoull(argv[++i], nullptr, 10);
      (arg == "--starts" ? start_count
       : arg == "--seed" ? seed
                         : repeat) = value;
    } else if (arg == "--details") {
      details = true;
    } else if (path.empty() && !arg.starts_with("-")) {
      path = arg;
    } else {
      return Usage();
    }
  }
  if (path.empty() || repeat == 0) return Usage();
  const int runs = static_cast<int>(std::min<uint64_t>(repeat, 100));

  Clock load_clock;
  pg::GraphReadResult read = pg::ReadGraphJsonFile(path);
  const double load = load_clock.Seconds();
  if (!read.ok) {
    std::fprintf(stderr, "policygraph_graphbench: %s\n", read.error.c_str());
    return 2;
  }
  const pg::PolicyGraph& graph = read.graph;

  const std::vector<pg::NodeId> starts =
      pg::bench::StartDocuments(graph, start_count, seed);
  const pg::RelationSet lineage = pg::DefaultLineageRelations();
  constexpr int kUnlimited = std::numeric_limits<int>::max();
  uint64_t ancestors = 0, descendants = 0;
  Json reached = Json::array();
  const double searches = MedianSeconds(runs, [&] {
    ancestors = descendants = 0;
    reached = Json::array();
    for (pg::NodeId s : starts) {
      const size_t up = graph.Search(s, lineage, false, kUnlimited).size();
      const size_t down = graph.Search(s, lineage, true, kUnlimited).size();
      ancestors += up;
      descendants += down;
      if (details) reached.push_back({graph.Node(s).id, up, down});
    }
  });
  pg::LineageOptions trace_options;
  trace_options.direction = pg::LineageDirection::kBoth;
  trace_options.max_depth = kUnlimited;
  uint64_t steps = 0;
  const double traces = MedianSeconds(runs, [&] {
    steps = 0;
    for (pg::NodeId s : starts) {
      const pg::LineageReport r = pg::TraceLineage(graph, s, trace_options);
      steps += r.ancestors.size() + r.descendants.size();
    }
  });

  pg::ComponentsReport components;
  const double components_seconds =
      MedianSeconds(runs, [&] { components = pg::FindWeakComponents(graph); });

  pg::PageRankReport pagerank;
  const double pagerank_seconds =
      MedianSeconds(runs, [&] { pagerank = pg::ComputePageRank(graph); });

  Json out;
  out["library"] = "policygraph";
  out["repeat"] = runs;
  out["nodes"] = graph.NodeCount();
  out["edges"] = graph.EdgeCount();
  out["load_seconds"] = load;
  out["lineage"] = {{"starts", starts.size()},    {"prep_seconds", 0.0},
                    {"seconds", searches},        {"ancestors", ancestors},
                    {"descendants", descendants}, {"trace_seconds", traces},
                    {"trace_steps", steps}};
  const uint32_t largest =
      components.sizes.empty()
          ? 0
          : *std::max_element(components.sizes.begin(), components.sizes.end());
  out["components"] = {{"seconds", components_seconds},
                       {"count", components.Count()},
                       {"largest", largest}};
  out["pagerank"] = {{"seconds", pagerank_seconds},
                     {"iterations", pagerank.iterations},
                     {"converged", pagerank.converged},
                     {"top", Top(graph, pagerank.rank, 10)}};
  if (details) {
    std::vector<uint32_t> sizes = components.sizes;
    std::sort(sizes.rbegin(), sizes.rend());
    Json ranks = Json::object();
    for (pg::NodeId n : graph.Nodes())
      ranks[graph.Node(n).id] = pagerank.rank[n.value];
    out["details"] = {{"component_sizes", sizes},
                      {"ranks", std::move(ranks)},
                      {"reached", std::move(reached)}};
  }
  std::puts(out.dump().c_str());
  return 0;
}

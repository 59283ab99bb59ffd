#include "policygraph/pagerank.h"

#include <cmath>
#include <cstdint>
#include <utility>

namespace policygraph {
namespace {

// The graph by target, compressed (CSR): the sources of v's in-edges are
// sources[offsets[v] .. offsets[v + 1]), in edge order, so every sum is
// taken in the same order on every run.
struct InEdges {
  std::vector<uint64_t> offsets;
  std::vector<uint32_t> sources;
  std::vector<uint32_t> out_degree;
};

InEdges Compress(const PolicyGraph& graph, RelationSet relations) {
  const size_t n = graph.NodeCount();
  InEdges in;
  in.offsets.assign(n + 1, 0);
  in.out_degree.assign(n, 0);
  for (const PolicyGraph::Ends& e : graph.EdgeEnds()) {
    if (!relations.Has(e.relation)) continue;
    ++in.offsets[e.target.value + 1];
    ++in.out_degree[e.source.value];
  }
  for (size_t v = 0; v < n; ++v) in.offsets[v + 1] += in.offsets[v];
  in.sources.resize(in.offsets[n]);
  std::vector<uint64_t> next(in.offsets.begin(), in.offsets.end() - 1);
  for (const PolicyGraph::Ends& e : graph.EdgeEnds())
    if (relations.Has(e.relation))
      in.sources[next[e.target.value]++] = e.source.value;
  return in;
}

}  // namespace

PageRankReport ComputePageRank(const PolicyGraph& graph,
                               const PageRankOptions& options) {
  PageRankReport report;
  const size_t n = graph.NodeCount();
  if (n == 0) {
    report.converged = true;
    return report;
  }
  const InEdges in = Compress(graph, options.relations);
  const double d = options.damping;
  const double uniform = 1.0 / static_cast<double>(n);
  std::vector<double> rank(n, uniform), next(n), share(n);
  while (report.iterations < options.max_iterations) {
    ++report.iterations;
    double dangling = 0;
    for (size_t u = 0; u < n; ++u) {
      const uint32_t out = in.out_degree[u];
      share[u] = out ? rank[u] / out : 0;
      if (!out) dangling += rank[u];
    }
    const double base = (1 - d) * uniform + d * dangling * uniform;
    double change = 0;
    for (size_t v = 0; v < n; ++v) {
      double sum = 0;
      for (uint64_t k = in.offsets[v]; k < in.offsets[v + 1]; ++k)
        sum += share[in.sources[k]];
      next[v] = base + d * sum;
      change += std::abs(next[v] - rank[v]);
    }
    rank.swap(next);
    if (change <= options.tolerance) {
      report.converged = true;
      break;
    }
  }
  // Rounding drifts the sum a little from 1 over many iterations.
  double total = 0;
  for (double r : rank) total += r;
  for (double& r : rank) r /= total;
  report.rank = std::move(rank);
  return report;
}

}  // namespace policygraph

// The documents a graph benchmark starts its lineage searches from: the
// same picks bench/graph_baselines.py makes for networkx and igraph.
#ifndef POLICYGRAPH_BENCH_START_DOCUMENTS_H_
#define POLICYGRAPH_BENCH_START_DOCUMENTS_H_

#include <cstdint>
#include <vector>

#include "policygraph/graph.h"

namespace policygraph::bench {

// `count` draws of splitmix64 from `seed`, each modulo the number of
// documents (in node order); repeats allowed.
inline std::vector<NodeId> StartDocuments(const PolicyGraph& graph,
                                          size_t count, uint64_t seed) {
  std::vector<NodeId> documents;
  for (NodeId n : graph.Nodes())
    if (graph.Node(n).kind == NodeKind::kDocument) documents.push_back(n);
  std::vector<NodeId> starts;
  if (documents.empty()) return starts;
  uint64_t state = seed;
  for (size_t i = 0; i < count; ++i) {
    state += 0x9E3779B97F4A7C15ull;
    uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    starts.push_back(documents[z % documents.size()]);
  }
  return starts;
}

}  // namespace policygraph::bench

#endif  // POLICYGRAPH_BENCH_START_DOCUMENTS_H_

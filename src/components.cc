#include "policygraph/components.h"

#include <cstdint>
#include <limits>
#include <vector>

#include <boost/pending/disjoint_sets.hpp>

namespace policygraph {

// Union-find over the edge list rather than Boost.Graph's
// connected_components: that one wants an undirected graph, and an
// undirected copy of a directed multigraph costs more than the one pass
// over its edges that union-find needs.
ComponentsReport FindWeakComponents(const PolicyGraph& graph,
                                    RelationSet relations) {
  const size_t n = graph.NodeCount();
  // 32-bit parents and 8-bit ranks (a rank never passes 32): at a million
  // nodes the sets take 5 MB, not the 16 MB of Boost's default storage, and
  // stay in cache while ten million edges are joined.
  std::vector<uint32_t> parent(n);
  std::vector<uint8_t> rank(n, 0);
  for (size_t v = 0; v < n; ++v) parent[v] = static_cast<uint32_t>(v);
  boost::disjoint_sets<uint8_t*, uint32_t*> sets(rank.data(), parent.data());
  for (const PolicyGraph::Ends& e : graph.EdgeEnds())
    if (relations.Has(e.relation))
      sets.union_set(e.source.value, e.target.value);

  constexpr uint32_t kUnnumbered = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> number(n, kUnnumbered);  // per representative
  ComponentsReport report;
  report.component.resize(n);
  for (size_t v = 0; v < n; ++v) {
    uint32_t& c = number[sets.find_set(v)];
    if (c == kUnnumbered) {
      c = static_cast<uint32_t>(report.sizes.size());
      report.sizes.push_back(0);
    }
    report.component[v] = c;
    ++report.sizes[c];
  }
  return report;
}

}  // namespace policygraph

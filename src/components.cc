#include "policygraph/components.h"

#include <limits>

#include <boost/pending/disjoint_sets.hpp>

namespace policygraph {

// Union-find over the edge list rather than Boost.Graph's
// connected_components: that one wants an undirected graph, and an
// undirected copy of a directed multigraph costs more than the one pass
// over its edges that union-find needs.
ComponentsReport FindWeakComponents(const PolicyGraph& graph,
                                    RelationSet relations) {
  const size_t n = graph.NodeCount();
  boost::disjoint_sets_with_storage<> sets(n);
  for (const PolicyGraph::Ends& e : graph.EdgeEnds(relations))
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

// policygraph — weakly connected components: which documents hang together.
//
// Two nodes share a component when a chain of edges whose relations are in
// the set links them, whichever way each edge points: the partition
// networkx.weakly_connected_components and igraph's
// connected_components(mode="weak") compute.  A corpus usually has one
// large component (everything that cites the same hubs) and many small
// ones (an isolated notice is a component of its own):
//
//   合川府发〔2023〕2号 → 渝府发〔2022〕31号 ← 万州府发〔2023〕5号,
//   渝府办发〔2023〕9号 alone
//   → 2 components, sizes {3, 1}
//
// Components are numbered in the order of their first node in graph
// order, so the numbers are deterministic.
#ifndef POLICYGRAPH_COMPONENTS_H_
#define POLICYGRAPH_COMPONENTS_H_

#include <cstdint>
#include <vector>

#include "policygraph/graph.h"

namespace policygraph {

struct ComponentsReport {
  std::vector<uint32_t> component;  // per node (NodeId::value)
  std::vector<uint32_t> sizes;      // nodes per component, by number
  size_t Count() const { return sizes.size(); }
};

ComponentsReport FindWeakComponents(const PolicyGraph& graph,
                                    RelationSet relations = RelationSet::All());

}  // namespace policygraph

#endif  // POLICYGRAPH_COMPONENTS_H_

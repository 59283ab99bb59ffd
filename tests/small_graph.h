// Small hand-made graphs for the analysis tests: nodes named D0, D1, … and
// edges added by node number.
#ifndef POLICYGRAPH_TESTS_SMALL_GRAPH_H_
#define POLICYGRAPH_TESTS_SMALL_GRAPH_H_

#include <cstdint>
#include <string>

#include "policygraph/graph.h"

namespace policygraph::testing {

// Documents D0 … D(n-1), NodeId{i} being Di.
inline PolicyGraph NumberedNodes(int n) {
  PolicyGraph g;
  for (int i = 0; i < n; ++i) {
    GraphNode node;
    // Appended, not "D" + …: GCC 12 warns falsely (-Wrestrict, PR 105329)
    // on a literal plus a temporary string.
    node.id = "D";
    node.id += std::to_string(i);
    g.AddNode(node);
  }
  return g;
}

inline void Link(PolicyGraph& g, uint32_t from, uint32_t to,
                 Relation relation = Relation::kImplements) {
  GraphEdge edge;
  edge.relation = relation;
  g.AddEdge(NodeId{from}, NodeId{to}, edge);
}

}  // namespace policygraph::testing

#endif  // POLICYGRAPH_TESTS_SMALL_GRAPH_H_

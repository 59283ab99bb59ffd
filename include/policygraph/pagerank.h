// policygraph — PageRank: where the citations lead.
//
// A random reader follows an edge out of the current node with probability
// `damping`, or jumps to any node; from a node without out-edges (a law,
// an external document) it always jumps.  The rank of a node is how often
// the reader is there:
//
//   r'(v) = (1 − d) / N  +  d · ( Σ_{u→v} r(u) / out(u)  +  D / N )
//
// with N nodes, out(u) u's out-edges in the relation set (each parallel
// edge counts, as in networkx and igraph, which weigh a multigraph's
// parallel edges by their number) and D the rank held by nodes without
// out-edges.  That is networkx.pagerank's and igraph's Graph.pagerank's
// definition (uniform teleport and dangling distribution), so their ranks
// and these agree to the tolerance.  Iteration starts from 1/N everywhere
// and stops when the L1 change of an iteration is at most `tolerance`;
// ranks sum to 1.
//
// Not Boost's page_rank: it keeps (1 − d) without the 1/N and lets the
// rank of dangling nodes leak away, so its numbers are neither a
// distribution nor networkx's.  networkx stops when the L1 change is below
// N · tol: give it tol = tolerance / N to stop where this stops.
//
// On the bundled corpus, over every relation, 渝府发〔2026〕7号 (the
// municipal fifteenth five-year plan outline, whose hundreds of directives
// are part_of it) ranks first, at 0.032.
#ifndef POLICYGRAPH_PAGERANK_H_
#define POLICYGRAPH_PAGERANK_H_

#include <vector>

#include "policygraph/graph.h"

namespace policygraph {

struct PageRankOptions {
  double damping = 0.85;  // networkx's alpha, igraph's damping
  int max_iterations = 100;
  double tolerance = 1e-6;  // on the L1 change of the whole vector
  RelationSet relations = RelationSet::All();
};

struct PageRankReport {
  std::vector<double> rank;  // per node (NodeId::value), summing to 1
  int iterations = 0;
  bool converged = false;  // false: stopped at max_iterations
};

PageRankReport ComputePageRank(const PolicyGraph& graph,
                               const PageRankOptions& options = {});

}  // namespace policygraph

#endif  // POLICYGRAPH_PAGERANK_H_

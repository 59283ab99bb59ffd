// ComputePageRank on small hand-made graphs whose ranks are known in
// closed form (networkx gives the same numbers; tests/analyses_test.cc
// checks that on a generated graph).
#include "policygraph/pagerank.h"

#include <numeric>
#include <vector>

#include <gtest/gtest.h>

#include "small_graph.h"

namespace policygraph {
namespace {

using testing::Link;
using testing::NumberedNodes;

double Sum(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0);
}

TEST(PageRank, ACycleRanksEveryNodeAlike) {
  PolicyGraph g = NumberedNodes(4);
  for (uint32_t i = 0; i < 4; ++i) Link(g, i, (i + 1) % 4);
  PageRankReport r = ComputePageRank(g);
  EXPECT_TRUE(r.converged);
  for (double x : r.rank) EXPECT_NEAR(x, 0.25, 1e-12);
}

TEST(PageRank, DanglingRankIsSpreadOverEveryNode) {
  // 0 → 1, and 1 has no out-edge.  With p0, p1 the ranks and d = 0.85:
  //   p0 = (1-d)/2 + d·p1/2,  p1 = (1-d)/2 + d·(p0 + p1/2)
  // → p0 = 0.15/2 + 0.425·p1, p0 + p1 = 1 → p1 = 0.925 / 1.425.
  PolicyGraph g = NumberedNodes(2);
  Link(g, 0, 1);
  PageRankOptions options;
  options.tolerance = 1e-12;
  PageRankReport r = ComputePageRank(g, options);
  ASSERT_TRUE(r.converged);
  EXPECT_NEAR(r.rank[1], 0.925 / 1.425, 1e-10);
  EXPECT_NEAR(r.rank[0], 0.5 / 1.425, 1e-10);
  EXPECT_NEAR(Sum(r.rank), 1.0, 1e-12);
}

TEST(PageRank, AStarsCentreOutranksItsLeaves) {
  // Leaves 1..4 cite 0, which cites nothing: p0 = (1-d)/5 + d·(4·pl + p0)/5
  // and pl = (1-d)/5 + d·p0/5 with p0 + 4·pl = 1.
  PolicyGraph g = NumberedNodes(5);
  for (uint32_t i = 1; i < 5; ++i) Link(g, i, 0);
  PageRankOptions options;
  options.tolerance = 1e-12;
  PageRankReport r = ComputePageRank(g, options);
  const double d = 0.85;
  const double leaf = (1 - d) / 5 + d * r.rank[0] / 5;
  for (uint32_t i = 1; i < 5; ++i) EXPECT_NEAR(r.rank[i], leaf, 1e-10);
  EXPECT_NEAR(r.rank[0] + 4 * leaf, 1.0, 1e-10);
  EXPECT_GT(r.rank[0], 3 * leaf);
}

TEST(PageRank, ParallelEdgesCountEach) {
  // 0 cites 1 twice (implements and counterpart) and 2 once: 1 gets two
  // thirds of what 0 passes on, as networkx and igraph give it.
  PolicyGraph g = NumberedNodes(3);
  Link(g, 0, 1);
  Link(g, 0, 1, Relation::kCounterpart);
  Link(g, 0, 2);
  PageRankOptions options;
  options.tolerance = 1e-12;
  PageRankReport r = ComputePageRank(g, options);
  const double d = 0.85;
  const double dangling = r.rank[1] + r.rank[2];
  const double base = (1 - d) / 3 + d * dangling / 3;
  EXPECT_NEAR(r.rank[1], base + d * r.rank[0] * 2 / 3, 1e-10);
  EXPECT_NEAR(r.rank[2], base + d * r.rank[0] / 3, 1e-10);
}

TEST(PageRank, OnlyEdgesOfTheRelationSetCount) {
  PolicyGraph g = NumberedNodes(3);
  Link(g, 0, 1, Relation::kPartOf);
  Link(g, 2, 1, Relation::kMentions);
  PageRankOptions options;
  options.relations = {Relation::kPartOf};
  PageRankReport r = ComputePageRank(g, options);
  EXPECT_GT(r.rank[1], r.rank[0]);
  EXPECT_NEAR(r.rank[0], r.rank[2], 1e-12);
}

TEST(PageRank, StopsAtMaxIterationsAndSaysSo) {
  PolicyGraph g = NumberedNodes(3);
  Link(g, 0, 1);
  Link(g, 1, 2);
  PageRankOptions options;
  options.max_iterations = 2;
  options.tolerance = 0;
  PageRankReport r = ComputePageRank(g, options);
  EXPECT_FALSE(r.converged);
  EXPECT_EQ(r.iterations, 2);
  EXPECT_NEAR(Sum(r.rank), 1.0, 1e-12);
}

TEST(PageRank, EmptyGraphHasNoRanks) {
  PageRankReport r = ComputePageRank(PolicyGraph());
  EXPECT_TRUE(r.converged);
  EXPECT_TRUE(r.rank.empty());
}

}  // namespace
}  // namespace policygraph

// FindWeakComponents on small hand-made graphs.
#include "policygraph/components.h"

#include <vector>

#include <gtest/gtest.h>

#include "small_graph.h"

namespace policygraph {
namespace {

using testing::Link;
using testing::NumberedNodes;

TEST(WeakComponents, EdgesJoinTheirEndsWhicheverWayTheyPoint) {
  // 0 → 1 ← 2 is one component although 0 cannot reach 2; 3 → 4; 5 alone.
  PolicyGraph g = NumberedNodes(6);
  Link(g, 0, 1);
  Link(g, 2, 1);
  Link(g, 3, 4);
  ComponentsReport c = FindWeakComponents(g);
  EXPECT_EQ(c.Count(), 3u);
  EXPECT_EQ(c.component, (std::vector<uint32_t>{0, 0, 0, 1, 1, 2}));
  EXPECT_EQ(c.sizes, (std::vector<uint32_t>{3, 2, 1}));
}

TEST(WeakComponents, AreNumberedByTheirFirstNode) {
  PolicyGraph g = NumberedNodes(5);
  Link(g, 4, 0);  // joins the last node to the first
  Link(g, 3, 1);
  ComponentsReport c = FindWeakComponents(g);
  EXPECT_EQ(c.component, (std::vector<uint32_t>{0, 1, 2, 1, 0}));
  EXPECT_EQ(c.sizes, (std::vector<uint32_t>{2, 2, 1}));
}

TEST(WeakComponents, OnlyEdgesOfTheRelationSetJoin) {
  PolicyGraph g = NumberedNodes(3);
  Link(g, 0, 1, Relation::kPartOf);
  Link(g, 1, 2, Relation::kMentions);
  EXPECT_EQ(FindWeakComponents(g).Count(), 1u);
  EXPECT_EQ(FindWeakComponents(g, {Relation::kPartOf}).Count(), 2u);
  EXPECT_EQ(FindWeakComponents(g, RelationSet()).Count(), 3u);
}

TEST(WeakComponents, CyclesParallelEdgesAndSelfLoopsChangeNothing) {
  PolicyGraph g = NumberedNodes(3);
  Link(g, 0, 1);
  Link(g, 1, 0);
  Link(g, 0, 1, Relation::kCounterpart);
  Link(g, 2, 2);
  ComponentsReport c = FindWeakComponents(g);
  EXPECT_EQ(c.sizes, (std::vector<uint32_t>{2, 1}));
}

TEST(WeakComponents, EmptyGraphHasNone) {
  ComponentsReport c = FindWeakComponents(PolicyGraph());
  EXPECT_EQ(c.Count(), 0u);
  EXPECT_TRUE(c.component.empty());
}

}  // namespace
}  // namespace policygraph

// The PolicyGraph facade on small hand-made graphs, and BuildGraph on the
// bundled corpus.
#include "policygraph/graph.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "policygraph/audit_summary.h"
#include "policygraph/export.h"
#include "policygraph/orphans.h"
#include "policygraph/pipeline.h"
#include "policygraph/report_format.h"

namespace policygraph {
namespace {

const Corpus& BundledCorpus() {
  static const Corpus* corpus = new Corpus(LoadCorpus({PG_CORPUS_DIR}));
  return *corpus;
}

struct BuiltGraph {
  PolicyGraph graph;
  std::vector<CoverageReport> coverage;
};

const BuiltGraph& CorpusGraph() {
  static const BuiltGraph* built = [] {
    auto* b = new BuiltGraph;
    b->graph = BuildGraph(BundledCorpus(), &b->coverage);
    return b;
  }();
  return *built;
}

NodeId AddDoc(PolicyGraph& g, const std::string& id,
              Level level = Level::kDistrict) {
  GraphNode node;
  node.id = id;
  node.title = id + " title";
  node.level = level;
  return g.AddNode(node);
}

GraphEdge MakeEdge(Relation relation, uint32_t line = 1,
                   const std::string& text = "") {
  GraphEdge edge;
  edge.relation = relation;
  edge.evidence = {"f.txt", line, text};
  return edge;
}

std::vector<std::string> ReachedIds(
    const PolicyGraph& g, const std::vector<PolicyGraph::Reached>& r) {
  std::vector<std::string> ids;
  for (const PolicyGraph::Reached& x : r) ids.emplace_back(g.Node(x.node).id);
  return ids;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

TEST(PolicyGraph, AddNodeKeepsTheFirstNodeOfAnId) {
  PolicyGraph g;
  NodeId a = AddDoc(g, "A");
  GraphNode again;
  again.id = "A";
  again.title = "another title";
  EXPECT_EQ(g.AddNode(again), a);
  NodeId b = AddDoc(g, "B");
  EXPECT_NE(a, b);
  EXPECT_EQ(g.NodeCount(), 2u);
  EXPECT_EQ(g.Node(a).title, "A title");
  ASSERT_TRUE(g.FindNode("B").has_value());
  EXPECT_EQ(*g.FindNode("B"), b);
  EXPECT_FALSE(g.FindNode("C").has_value());
  EXPECT_EQ(g.Nodes(), (std::vector<NodeId>{a, b}));
}

// The graph keeps copies of every string: the nodes and edges it was
// given are gone, thousands of nodes and a string longer than a storage
// block later, and after the graph itself has moved.  The strings many
// nodes repeat are stored once.
TEST(PolicyGraph, KeepsItsOwnStringsAndEachRepeatedOneOnce) {
  PolicyGraph moved;
  const std::string long_title(300000, 'x');
  {
    PolicyGraph g;
    for (int i = 0; i < 5000; ++i) {
      GraphNode node;
      node.id = "渝府发〔2023〕" + std::to_string(i) + "号";
      node.title = i == 7 ? long_title : "标题" + std::to_string(i);
      // Runs of one file and of one date, as a document's directives
      // have, that come back later.
      node.file = "/corpus/" + std::to_string(i / 3 % 3) + ".txt";
      node.date = "2023-01-0" + std::to_string(i / 2 % 9 + 1);
      node.document = i % 2 ? "" : "渝府发〔2023〕0号";
      g.AddNode(node);
      if (i == 0) continue;
      GraphEdge edge =
          MakeEdge(Relation::kBasis, i, "依据" + std::to_string(i));
      edge.cue = i % 2 ? "根据" : "依据";
      g.AddEdge(NodeId{static_cast<uint32_t>(i)}, NodeId{0}, edge);
    }
    moved = std::move(g);
  }
  ASSERT_EQ(moved.NodeCount(), 5000u);
  for (uint32_t i = 0; i < 5000; ++i) {
    const GraphNodeView& node = moved.Node(NodeId{i});
    ASSERT_EQ(node.id, "渝府发〔2023〕" + std::to_string(i) + "号");
    ASSERT_EQ(node.title, i == 7 ? long_title : "标题" + std::to_string(i));
    ASSERT_EQ(node.file, "/corpus/" + std::to_string(i / 3 % 3) + ".txt");
    ASSERT_EQ(node.date, "2023-01-0" + std::to_string(i / 2 % 9 + 1));
    ASSERT_EQ(node.document, i % 2 ? "" : "渝府发〔2023〕0号");
    // One copy of each file name, date and document id.
    ASSERT_EQ(node.file.data(), moved.Node(NodeId{i / 3 % 3 * 3}).file.data());
    ASSERT_EQ(node.date.data(), moved.Node(NodeId{i / 2 % 9 * 2}).date.data());
  }
  const std::vector<PolicyGraph::EdgeRef> edges = moved.Edges();
  ASSERT_EQ(edges.size(), 4999u);
  for (size_t k = 0; k < edges.size(); ++k) {
    const GraphEdgeView& edge = *edges[k].edge;
    ASSERT_EQ(edge.evidence.file, "f.txt");
    ASSERT_EQ(edge.evidence.text, "依据" + std::to_string(k + 1));
    ASSERT_EQ(edge.cue, (k + 1) % 2 ? "根据" : "依据");
    ASSERT_EQ(edge.evidence.file.data(), edges[0].edge->evidence.file.data());
  }
  // A copy that owns its strings gives back what was added.
  const GraphNode owned = ToGraphNode(moved.Node(NodeId{7}));
  EXPECT_EQ(owned.title, long_title);
  EXPECT_EQ(ToGraphEdge(*edges[0].edge).evidence.text, "依据1");
}

// Every field survives the trip into a graph and back out as an owned
// copy, each value distinct so a field read from its neighbour shows.
TEST(PolicyGraph, OwnedCopiesGiveBackEveryField) {
  GraphNode node;
  node.id = "渝府发〔2023〕7号#一";
  node.kind = NodeKind::kDirective;
  node.title = "标题";
  node.doc_number = "渝府发〔2023〕7号";
  node.level = Level::kMunicipal;
  node.type = "task";
  node.date = "2023-05-06";
  node.issuer = "重庆市人民政府";
  node.file = "/corpus/a.txt";
  node.line = 42;
  node.document = "渝府发〔2023〕8号";  // not doc_number: a swap must show
  node.mentions = 3;
  PolicyGraph g;
  const NodeId a = g.AddNode(node);
  const NodeId b = AddDoc(g, "B");
  GraphEdge edge = MakeEdge(Relation::kImplements, 9, "证据");
  edge.cue = "贯彻";
  edge.score = 0.25;
  edge.count = 4;
  g.AddEdge(a, b, edge);
  const GraphNode back = ToGraphNode(g.Node(a));
  EXPECT_EQ(back.id, node.id);
  EXPECT_EQ(back.kind, node.kind);
  EXPECT_EQ(back.title, node.title);
  EXPECT_EQ(back.doc_number, node.doc_number);
  EXPECT_EQ(back.level, node.level);
  EXPECT_EQ(back.type, node.type);
  EXPECT_EQ(back.date, node.date);
  EXPECT_EQ(back.issuer, node.issuer);
  EXPECT_EQ(back.file, node.file);
  EXPECT_EQ(back.line, node.line);
  EXPECT_EQ(back.document, node.document);
  EXPECT_EQ(back.mentions, node.mentions);
  const GraphEdge edge_back = ToGraphEdge(*g.Edges()[0].edge);
  EXPECT_EQ(edge_back.relation, edge.relation);
  EXPECT_EQ(edge_back.evidence.file, edge.evidence.file);
  EXPECT_EQ(edge_back.evidence.line, edge.evidence.line);
  EXPECT_EQ(edge_back.evidence.text, edge.evidence.text);
  EXPECT_EQ(edge_back.cue, edge.cue);
  EXPECT_EQ(edge_back.score, edge.score);
  EXPECT_EQ(edge_back.count, edge.count);
}

TEST(PolicyGraph, MergesEdgesOfOneSourceTargetAndRelation) {
  PolicyGraph g;
  NodeId a = AddDoc(g, "A");
  NodeId b = AddDoc(g, "B");
  g.AddEdge(a, b, MakeEdge(Relation::kBasis, 10, "first"));
  g.AddEdge(a, b, MakeEdge(Relation::kBasis, 20, "second"));
  g.AddEdge(a, b, MakeEdge(Relation::kImplements, 30, "third"));
  ASSERT_EQ(g.EdgeCount(), 2u);
  std::vector<PolicyGraph::EdgeRef> edges = g.Edges();
  EXPECT_EQ(edges[0].edge->relation, Relation::kBasis);
  EXPECT_EQ(edges[0].edge->count, 2);
  EXPECT_EQ(edges[0].edge->evidence.line, 10u);
  EXPECT_EQ(edges[0].edge->evidence.text, "first");
  EXPECT_EQ(edges[1].edge->relation, Relation::kImplements);
  EXPECT_EQ(edges[1].edge->count, 1);
  EXPECT_EQ(edges[1].source, a);
  EXPECT_EQ(edges[1].target, b);
}

TEST(PolicyGraph, InAndOutEdgesKeepOnlyTheAskedRelations) {
  PolicyGraph g;
  NodeId a = AddDoc(g, "A");
  NodeId b = AddDoc(g, "B");
  NodeId c = AddDoc(g, "C");
  g.AddEdge(a, b, MakeEdge(Relation::kMentions));
  g.AddEdge(a, c, MakeEdge(Relation::kBasis));
  g.AddEdge(a, b, MakeEdge(Relation::kImplements));
  g.AddEdge(c, b, MakeEdge(Relation::kBasis));

  std::vector<PolicyGraph::EdgeRef> all = g.OutEdges(a, RelationSet::All());
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].edge->relation, Relation::kMentions);  // insertion order
  EXPECT_EQ(all[1].edge->relation, Relation::kBasis);
  EXPECT_EQ(all[2].edge->relation, Relation::kImplements);

  std::vector<PolicyGraph::EdgeRef> basis =
      g.OutEdges(a, RelationSet{Relation::kBasis});
  ASSERT_EQ(basis.size(), 1u);
  EXPECT_EQ(basis[0].target, c);

  std::vector<PolicyGraph::EdgeRef> into_b =
      g.InEdges(b, RelationSet{Relation::kBasis, Relation::kImplements});
  ASSERT_EQ(into_b.size(), 2u);
  EXPECT_EQ(into_b[0].source, a);
  EXPECT_EQ(into_b[0].edge->relation, Relation::kImplements);
  EXPECT_EQ(into_b[1].source, c);
  EXPECT_TRUE(g.InEdges(a, RelationSet::All()).empty());
  EXPECT_TRUE(g.OutEdges(a, RelationSet{}).empty());
}

TEST(PolicyGraph, SearchStopsAtMaxDepth) {
  PolicyGraph g;
  NodeId a = AddDoc(g, "A");
  NodeId b = AddDoc(g, "B");
  NodeId c = AddDoc(g, "C");
  NodeId d = AddDoc(g, "D");
  g.AddEdge(a, b, MakeEdge(Relation::kBasis));
  g.AddEdge(b, c, MakeEdge(Relation::kBasis));
  g.AddEdge(c, d, MakeEdge(Relation::kBasis));

  std::vector<PolicyGraph::Reached> two =
      g.Search(a, RelationSet::All(), false, 2);
  EXPECT_EQ(ReachedIds(g, two), (std::vector<std::string>{"B", "C"}));
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[1].depth, 2);
  EXPECT_EQ(two[1].from, b);
  EXPECT_EQ(two[1].via.source, b);
  EXPECT_EQ(two[1].via.target, c);
  EXPECT_EQ(ReachedIds(g, g.Search(a, RelationSet::All(), false, 10)),
            (std::vector<std::string>{"B", "C", "D"}));
  EXPECT_TRUE(g.Search(a, RelationSet::All(), false, 0).empty());
}

TEST(PolicyGraph, ReverseSearchWalksEdgesBackwards) {
  PolicyGraph g;
  NodeId a = AddDoc(g, "A");
  NodeId b = AddDoc(g, "B");
  NodeId c = AddDoc(g, "C");
  g.AddEdge(a, b, MakeEdge(Relation::kImplements, 5));
  g.AddEdge(b, c, MakeEdge(Relation::kImplements, 6));

  std::vector<PolicyGraph::Reached> up =
      g.Search(c, RelationSet::All(), true, 10);
  EXPECT_EQ(ReachedIds(g, up), (std::vector<std::string>{"B", "A"}));
  ASSERT_EQ(up.size(), 2u);
  // The edge is reported as stored: A → B, reached from B.
  EXPECT_EQ(up[1].from, b);
  EXPECT_EQ(up[1].via.source, a);
  EXPECT_EQ(up[1].via.target, b);
  EXPECT_EQ(up[1].via.edge->evidence.line, 5u);
  EXPECT_TRUE(g.Search(c, RelationSet::All(), false, 10).empty());
}

TEST(PolicyGraph, SearchSurvivesCyclesAndLeavesOutTheStart) {
  PolicyGraph g;
  NodeId a = AddDoc(g, "A");
  NodeId b = AddDoc(g, "B");
  NodeId c = AddDoc(g, "C");
  g.AddEdge(a, b, MakeEdge(Relation::kBasis));
  g.AddEdge(b, c, MakeEdge(Relation::kBasis));
  g.AddEdge(c, a, MakeEdge(Relation::kBasis));
  g.AddEdge(a, a, MakeEdge(Relation::kFollows));
  EXPECT_EQ(ReachedIds(g, g.Search(a, RelationSet::All(), false, 100)),
            (std::vector<std::string>{"B", "C"}));
  EXPECT_EQ(ReachedIds(g, g.Search(a, RelationSet::All(), true, 100)),
            (std::vector<std::string>{"C", "B"}));
}

TEST(PolicyGraph, SearchIsBreadthFirstAndFollowsOnlyTheRelationSet) {
  PolicyGraph g;
  NodeId a = AddDoc(g, "A");
  NodeId b = AddDoc(g, "B");
  NodeId c = AddDoc(g, "C");
  NodeId d = AddDoc(g, "D");
  NodeId e = AddDoc(g, "E");
  g.AddEdge(a, b, MakeEdge(Relation::kBasis));
  g.AddEdge(b, d, MakeEdge(Relation::kBasis));
  g.AddEdge(a, c, MakeEdge(Relation::kImplements));
  g.AddEdge(c, d, MakeEdge(Relation::kImplements));
  g.AddEdge(a, e, MakeEdge(Relation::kMentions));

  std::vector<PolicyGraph::Reached> r =
      g.Search(a, {Relation::kBasis, Relation::kImplements}, false, 10);
  EXPECT_EQ(ReachedIds(g, r), (std::vector<std::string>{"B", "C", "D"}));
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[2].depth, 2);
  EXPECT_EQ(r[2].from, b);  // first reached through B, the earlier edge
  EXPECT_EQ(ReachedIds(g, g.Search(a, {Relation::kImplements}, false, 10)),
            (std::vector<std::string>{"C", "D"}));
  EXPECT_EQ(ReachedIds(g, g.Search(a, {Relation::kMentions}, false, 10)),
            (std::vector<std::string>{"E"}));
}

// The walks are made by the first question after a change; a graph read,
// grown and read again must answer from what it holds now, each node's
// edges still in insertion order.
TEST(PolicyGraph, WalksAfterAChangeSeeEveryEdgeInInsertionOrder) {
  PolicyGraph g;
  NodeId a = AddDoc(g, "A");
  NodeId b = AddDoc(g, "B");
  NodeId c = AddDoc(g, "C");
  g.AddEdge(c, b, MakeEdge(Relation::kBasis));
  g.AddEdge(a, b, MakeEdge(Relation::kBasis));
  ASSERT_EQ(g.InEdges(b, RelationSet::All()).size(), 2u);
  ASSERT_EQ(g.Search(a, RelationSet::All(), false, 5).size(), 1u);
  NodeId d = AddDoc(g, "D");  // a node the walks made above do not have
  EXPECT_TRUE(g.OutEdges(d, RelationSet::All()).empty());
  EXPECT_TRUE(g.InEdges(d, RelationSet::All()).empty());
  EXPECT_TRUE(g.Search(d, RelationSet::All(), false, 5).empty());
  g.AddEdge(d, b, MakeEdge(Relation::kImplements));
  g.AddEdge(b, d, MakeEdge(Relation::kMentions));
  g.AddEdge(a, b, MakeEdge(Relation::kBasis));  // merged: no new edge
  std::vector<PolicyGraph::EdgeRef> into_b = g.InEdges(b, RelationSet::All());
  ASSERT_EQ(into_b.size(), 3u);
  EXPECT_EQ(into_b[0].source, c);
  EXPECT_EQ(into_b[1].source, a);
  EXPECT_EQ(into_b[1].edge->count, 2);
  EXPECT_EQ(into_b[2].source, d);
  std::vector<PolicyGraph::EdgeRef> out_of_d =
      g.OutEdges(d, RelationSet::All());
  ASSERT_EQ(out_of_d.size(), 1u);
  EXPECT_EQ(out_of_d[0].target, b);
  EXPECT_EQ(ReachedIds(g, g.Search(a, RelationSet::All(), false, 5)),
            (std::vector<std::string>{"B", "D"}));
  EXPECT_EQ(ReachedIds(g, g.Search(d, RelationSet::All(), true, 5)),
            (std::vector<std::string>{"B", "C", "A"}));
}

// A hub cited by thousands: every repeat merges into its first edge, and
// the hub's in-edges come back in the order they were first added.
TEST(PolicyGraph, AHubMergesEachRepeatIntoItsFirstEdge) {
  PolicyGraph g;
  NodeId hub = AddDoc(g, "hub");
  std::vector<NodeId> citing;
  for (int i = 0; i < 2000; ++i)
    citing.push_back(AddDoc(g, std::string("d").append(std::to_string(i))));
  for (int round = 0; round < 3; ++round)
    for (size_t i = 0; i < citing.size(); ++i) {
      g.AddEdge(citing[i], hub, MakeEdge(Relation::kBasis, round + 1));
      g.AddEdge(hub, citing[citing.size() - 1 - i],
                MakeEdge(Relation::kMentions, round + 1));
    }
  ASSERT_EQ(g.EdgeCount(), 2 * citing.size());
  std::vector<PolicyGraph::EdgeRef> in = g.InEdges(hub, RelationSet::All());
  std::vector<PolicyGraph::EdgeRef> out = g.OutEdges(hub, RelationSet::All());
  ASSERT_EQ(in.size(), citing.size());
  ASSERT_EQ(out.size(), citing.size());
  for (size_t i = 0; i < citing.size(); ++i) {
    EXPECT_EQ(in[i].source, citing[i]);
    EXPECT_EQ(in[i].edge->count, 3);
    EXPECT_EQ(in[i].edge->evidence.line, 1u);  // the first mention's
    EXPECT_EQ(out[i].target, citing[citing.size() - 1 - i]);
  }
}

// Threads that ask a graph nothing has asked yet all get its whole answer:
// the first makes the walks, the others wait for them.
TEST(PolicyGraph, ThreadsAskingAtOnceGetTheSameAnswer) {
  PolicyGraph g;
  std::vector<NodeId> chain;
  for (int i = 0; i < 500; ++i) {
    chain.push_back(AddDoc(g, std::string("n").append(std::to_string(i))));
    if (i) g.AddEdge(chain[i - 1], chain[i], MakeEdge(Relation::kBasis));
  }
  std::vector<size_t> reached(8);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < reached.size(); ++t)
    threads.emplace_back([&, t] {
      reached[t] = g.Search(chain[0], RelationSet::All(), false, 1000).size() +
                   g.InEdges(chain[t + 1], RelationSet::All()).size();
    });
  for (std::thread& thread : threads) thread.join();
  for (size_t r : reached) EXPECT_EQ(r, chain.size());
}

TEST(PolicyGraph, MovedGraphKeepsItsNodesAndEdges) {
  PolicyGraph g;
  NodeId a = AddDoc(g, "A");
  NodeId b = AddDoc(g, "B");
  g.AddEdge(a, b, MakeEdge(Relation::kBasis));
  PolicyGraph moved = std::move(g);
  EXPECT_EQ(moved.NodeCount(), 2u);
  ASSERT_EQ(moved.Edges().size(), 1u);
  EXPECT_EQ(moved.Node(moved.Edges()[0].target).id, "B");
}

// An edge added with AddEdgeViewingText points at its evidence where it
// lies rather than at a copy, and the graph keeps that text alive after
// its other owner has let it go; AddEdge still copies.
TEST(PolicyGraph, ViewedEvidenceOutlivesItsOtherOwner) {
  PolicyGraph g;
  const NodeId a = AddDoc(g, "A");
  const NodeId b = AddDoc(g, "B");
  auto text = std::make_shared<std::string>("共享的证据、第二段");
  const std::string_view viewed = std::string_view(*text).substr(0, 9);
  g.KeepAlive(text);
  GraphEdgeView edge;
  edge.relation = Relation::kAligned;
  edge.evidence = {"f.txt", viewed, 3};
  g.AddEdgeViewingText(a, b, edge);
  edge.relation = Relation::kMentions;
  g.AddEdge(a, b, edge);
  const char* const where = text->data();
  text.reset();
  const std::vector<PolicyGraph::EdgeRef> edges = g.Edges();
  ASSERT_EQ(edges.size(), 2u);
  EXPECT_EQ(edges[0].edge->evidence.text.data(), where);
  EXPECT_EQ(edges[0].edge->evidence.text, "共享的");
  EXPECT_NE(edges[1].edge->evidence.text.data(), where);
  EXPECT_EQ(edges[1].edge->evidence.text, "共享的");
  PolicyGraph moved = std::move(g);
  EXPECT_EQ(moved.Edges()[0].edge->evidence.text, "共享的");
}

// The id index reads ids from the nodes themselves, so it must stay right
// while the nodes' storage grows past what was reserved and moves them
// (short ids live inside the string and move with it).
TEST(PolicyGraph, FindsEveryIdAfterGrowingPastItsReserve) {
  PolicyGraph g;
  g.Reserve(2, 1);
  std::vector<std::string> ids;
  for (int i = 0; i < 3000; ++i)
    ids.push_back(i % 2
                      ? std::to_string(i)
                      : "渝府发〔2023〕" + std::to_string(i) + "号#一.（二）");
  std::vector<NodeId> added;
  for (const std::string& id : ids) added.push_back(AddDoc(g, id));
  for (size_t i = 1; i < added.size(); ++i)
    g.AddEdge(added[i - 1], added[i], MakeEdge(Relation::kPartOf));
  PolicyGraph moved = std::move(g);
  EXPECT_EQ(AddDoc(moved, ids[7]), added[7]);  // still one node per id
  NodeId extra = AddDoc(moved, "added after the move");
  ASSERT_EQ(moved.NodeCount(), ids.size() + 1);
  EXPECT_EQ(moved.EdgeCount(), ids.size() - 1);
  for (size_t i = 0; i < ids.size(); ++i) {
    std::optional<NodeId> found = moved.FindNode(ids[i]);
    ASSERT_TRUE(found.has_value()) << ids[i];
    EXPECT_EQ(*found, added[i]);
    EXPECT_EQ(moved.Node(*found).title, ids[i] + " title");
  }
  EXPECT_EQ(moved.FindNode("added after the move"), extra);
  EXPECT_FALSE(moved.FindNode("渝府发〔2023〕1号").has_value());
}

TEST(RelationSet, ParsesNamesAsRelationNamePrintsThem) {
  std::string error;
  std::optional<RelationSet> set =
      ParseRelationSet("basis, implements,counterpart", &error);
  ASSERT_TRUE(set.has_value()) << error;
  EXPECT_TRUE(set->Has(Relation::kBasis));
  EXPECT_TRUE(set->Has(Relation::kImplements));
  EXPECT_TRUE(set->Has(Relation::kCounterpart));
  EXPECT_FALSE(set->Has(Relation::kFollows));
  EXPECT_FALSE(set->Has(Relation::kMentions));

  RelationSet all = RelationSet::All();
  for (Relation r : {Relation::kBasis, Relation::kMentions, Relation::kPartOf,
                     Relation::kAligned}) {
    EXPECT_TRUE(all.Has(r));
    std::optional<RelationSet> one = ParseRelationSet(RelationName(r), &error);
    ASSERT_TRUE(one.has_value()) << RelationName(r);
    EXPECT_TRUE(one->Has(r));
  }
  EXPECT_TRUE(RelationSet().Empty());
}

TEST(RelationSet, UnknownNameIsAnErrorNamingItAndTheValidOnes) {
  std::string error;
  EXPECT_FALSE(ParseRelationSet("basis,cites", &error).has_value());
  EXPECT_NE(error.find("'cites'"), std::string::npos) << error;
  EXPECT_NE(error.find("implements"), std::string::npos) << error;
  EXPECT_NE(error.find("aligned"), std::string::npos) << error;
  error.clear();
  EXPECT_FALSE(ParseRelationSet("basis,", &error).has_value());
  EXPECT_NE(error.find("empty"), std::string::npos) << error;
  EXPECT_FALSE(ParseRelationSet("Basis", nullptr).has_value());
}

TEST(PolicyGraph, NodeKindNames) {
  EXPECT_EQ(NodeKindName(NodeKind::kDocument), "document");
  EXPECT_EQ(NodeKindName(NodeKind::kExternal), "external");
  EXPECT_EQ(NodeKindName(NodeKind::kDirective), "directive");
}

TEST(BuildGraph, HasOneNodePerDocumentExternalAndDirective) {
  const Corpus& corpus = BundledCorpus();
  const PolicyGraph& g = CorpusGraph().graph;
  std::set<std::string> documents;
  size_t directives = 0;
  for (const ParsedFile& f : corpus.files) {
    for (const Document& d : f.documents) documents.insert(d.id);
    for (const DirectiveTree& t : f.directives) directives += t.nodes.size();
  }
  std::map<NodeKind, size_t> kinds;
  for (NodeId n : g.Nodes()) ++kinds[g.Node(n).kind];
  EXPECT_GT(documents.size(), 30u);
  EXPECT_EQ(kinds[NodeKind::kDocument], documents.size());
  EXPECT_EQ(kinds[NodeKind::kExternal], corpus.externals.size());
  EXPECT_EQ(kinds[NodeKind::kDirective], directives);
  EXPECT_EQ(g.NodeCount(),
            documents.size() + corpus.externals.size() + directives);

  // Documents come first, in corpus order; a 印发 notice is called by the
  // plan it issues.
  const GraphNodeView& first = g.Node(g.Nodes().front());
  EXPECT_EQ(first.id, corpus.files[0].documents[0].id);
  const GraphNodeView& plan = g.Node(*g.FindNode("合川府发〔2023〕2号"));
  EXPECT_EQ(plan.title, "合川区综合立体交通网规划纲要（2021—2035年）");
  EXPECT_EQ(plan.level, Level::kDistrict);
  EXPECT_TRUE(EndsWith(plan.file, "hechuan-gazette-2023-01.txt"));
  EXPECT_GT(plan.line, 0u);
}

// The viewer writes each coverage report a directive at a time; the
// pieces must make the dump of the whole report, on the corpus's reports,
// on one whose strings are ill-formed UTF-8 and on one with no directive.
TEST(CoverageJson, DumpedInPiecesIsTheWholeDump) {
  std::vector<CoverageReport> reports = CorpusGraph().coverage;
  ASSERT_FALSE(reports.empty());
  CoverageReport broken;
  broken.parent = "P\xE6\xB8";
  broken.children = {"\xFF", "C\xE6", "C"};
  broken.child_files = {"", "f\xE6.txt", "c.txt"};
  DirectiveCoverage d;
  d.id = "一";
  d.heading = "\xC0\xAF";
  d.deadline = "2025年";
  d.lead_units = {"区应急局", "\xE6\xB8", "<&>\"\\\n"};
  Implementation impl;
  impl.child = 1;
  impl.id = "\xB8\x01";
  impl.evidence = "\xED\xA0\x80";
  impl.lead_units = {"市发展改革委"};
  impl.score = 1;
  d.implemented_by.push_back(impl);
  impl.child = 2;
  impl.lead_units.clear();
  impl.deadline = "\u2028年底";
  impl.score = 0.12345678;
  d.implemented_by.push_back(impl);
  broken.directives.push_back(d);
  broken.covered = broken.total = 1;
  reports.push_back(broken);
  reports.push_back(CoverageReport{});
  size_t pieces = 0;
  for (const CoverageReport& report : reports) {
    std::string joined;
    DumpCoverageJson(report, [&](std::string_view piece) {
      joined += piece;
      ++pieces;
    });
    EXPECT_EQ(joined, CoverageToJson(report).dump(
                          -1, ' ', false, Json::error_handler_t::replace))
        << report.parent;
  }
  EXPECT_GT(pieces, 2 * reports.size());
}

// build lets the graph release what it no longer needs of the corpus: the
// graph and reports must be BuildGraph's, and the orphans and audit read
// from what is left must be those of the whole corpus.
TEST(BuildGraph, ReleasingGivesTheSameGraphOrphansAndAudit) {
  Corpus corpus = LoadCorpus({PG_CORPUS_DIR});
  std::vector<CoverageReport> reports;
  // The hook runs twice: when the texts are gone and the trees, which the
  // graph still needs, are not; and when the trees are gone too.
  int hooked = 0;
  auto memory_released = [&] {
    ++hooked;
    for (const ParsedFile& f : corpus.files) {
      EXPECT_TRUE(f.source.text.empty()) << f.source.path;
      EXPECT_EQ(f.directives.empty(), hooked == 2) << f.source.path;
    }
  };
  const PolicyGraph released =
      BuildGraphReleasing(corpus, &reports, 2, memory_released);
  EXPECT_EQ(hooked, 2);
  for (const ParsedFile& f : corpus.files) {
    EXPECT_TRUE(f.source.text.empty()) << f.source.path;
    EXPECT_TRUE(f.directives.empty()) << f.source.path;
    EXPECT_FALSE(f.documents.empty()) << f.source.path;
  }
  const BuiltGraph& whole = CorpusGraph();
  size_t aligned = 0;
  for (const PolicyGraph::EdgeRef& e : released.Edges())
    aligned += e.edge->relation == Relation::kAligned;
  EXPECT_GT(aligned, 50u);
  EXPECT_EQ(GraphToNodeLink(released).dump(),
            GraphToNodeLink(whole.graph).dump());
  ASSERT_EQ(reports.size(), whole.coverage.size());
  for (size_t i = 0; i < reports.size(); ++i)
    EXPECT_EQ(CoverageToJson(reports[i]).dump(),
              CoverageToJson(whole.coverage[i]).dump())
        << reports[i].parent;
  const OrphanReport orphans = FindOrphans(corpus, released, reports);
  const OrphanReport whole_orphans =
      FindOrphans(BundledCorpus(), whole.graph, whole.coverage);
  EXPECT_EQ(OrphansToJson(orphans).dump(), OrphansToJson(whole_orphans).dump());
  EXPECT_EQ(
      FormatAuditMarkdown(SummarizeAudit(corpus, released, reports, orphans)),
      FormatAuditMarkdown(SummarizeAudit(BundledCorpus(), whole.graph,
                                         whole.coverage, whole_orphans)));
}

TEST(BuildGraph, EveryDirectiveIsPartOfExactlyOneNode) {
  const PolicyGraph& g = CorpusGraph().graph;
  for (NodeId n : g.Nodes()) {
    const GraphNodeView& node = g.Node(n);
    if (node.kind != NodeKind::kDirective) continue;
    std::vector<PolicyGraph::EdgeRef> up =
        g.OutEdges(n, RelationSet{Relation::kPartOf});
    ASSERT_EQ(up.size(), 1u) << node.id;
    const GraphNodeView& parent = g.Node(up[0].target);
    const std::string prefix = std::string(node.document) + "#";
    EXPECT_TRUE(parent.id == node.document || parent.id.starts_with(prefix))
        << node.id << " part of " << parent.id;
    EXPECT_TRUE(node.id.starts_with(prefix)) << node.id;
  }
}

TEST(BuildGraph, LinksTheActionPlanToTheOpinionItIsBasedOn) {
  const PolicyGraph& g = CorpusGraph().graph;
  std::optional<NodeId> plan = g.FindNode("渝府办发〔2024〕22号");
  std::optional<NodeId> opinion = g.FindNode("渝府发〔2023〕7号");
  ASSERT_TRUE(plan && opinion);
  std::vector<PolicyGraph::EdgeRef> basis =
      g.OutEdges(*plan, RelationSet{Relation::kBasis});
  auto it = std::find_if(basis.begin(), basis.end(),
                         [&](const auto& e) { return e.target == *opinion; });
  ASSERT_NE(it, basis.end());
  EXPECT_EQ(it->edge->cue, "根据");
  EXPECT_TRUE(EndsWith(it->edge->evidence.file, "cq-gazette-2024-06.txt"));
  EXPECT_GT(it->edge->evidence.line, 0u);
  EXPECT_NE(it->edge->evidence.text.find("渝府发〔2023〕7号"),
            std::string::npos);
}

TEST(BuildGraph, ReferenceEdgesCountEveryNonSelfResolvedMention) {
  const Corpus& corpus = BundledCorpus();
  const PolicyGraph& g = CorpusGraph().graph;
  int mentions = 0;
  for (const ParsedFile& f : corpus.files)
    for (const Reference& r : f.references)
      mentions += !r.self && !r.target.empty() && r.target != r.doc;
  const RelationSet cues = {Relation::kBasis,   Relation::kImplements,
                            Relation::kFollows, Relation::kIssues,
                            Relation::kRepeals, Relation::kDrafts,
                            Relation::kMentions};
  int counted = 0;
  for (const PolicyGraph::EdgeRef& e : g.Edges()) {
    if (!cues.Has(e.edge->relation)) continue;
    counted += e.edge->count;
    EXPECT_NE(e.source, e.target) << g.Node(e.source).id;
    EXPECT_EQ(g.Node(e.source).kind, NodeKind::kDocument);
  }
  EXPECT_GT(mentions, 100);
  EXPECT_EQ(counted, mentions);
}

TEST(BuildGraph, ImplementingDocumentsFollowBasisAndCounterpartEdges) {
  const PolicyGraph& g = CorpusGraph().graph;
  std::vector<std::string> of_opinion =
      ImplementingDocuments(g, "渝府发〔2023〕7号");
  EXPECT_NE(
      std::find(of_opinion.begin(), of_opinion.end(), "渝府办发〔2024〕22号"),
      of_opinion.end());
  EXPECT_EQ(
      std::find(of_opinion.begin(), of_opinion.end(), "渝府发〔2023〕7号"),
      of_opinion.end());
  // Neither fire-safety plan cites the other; the counterpart edge links
  // them.
  std::vector<std::string> of_fire_plan =
      ImplementingDocuments(g, "渝府办发〔2023〕18号");
  EXPECT_EQ(of_fire_plan, (std::vector<std::string>{"合川府办发〔2023〕23号"}));
  EXPECT_TRUE(ImplementingDocuments(g, "no such document").empty());
}

TEST(BuildGraph, AlignsDirectivesOfEveryImplementedParent) {
  const BuiltGraph& built = CorpusGraph();
  const PolicyGraph& g = built.graph;
  ASSERT_FALSE(built.coverage.empty());
  std::set<std::string> parents;
  for (const CoverageReport& report : built.coverage) {
    EXPECT_TRUE(parents.insert(report.parent).second) << report.parent;
    EXPECT_EQ(report.children, ImplementingDocuments(g, report.parent));
  }
  EXPECT_TRUE(parents.count("渝府发〔2023〕7号"));
  EXPECT_TRUE(parents.count("渝府办发〔2023〕18号"));

  size_t aligned = 0;
  for (const PolicyGraph::EdgeRef& e : g.Edges()) {
    if (e.edge->relation != Relation::kAligned) continue;
    ++aligned;
    const GraphNodeView& child = g.Node(e.source);
    const GraphNodeView& parent = g.Node(e.target);
    EXPECT_EQ(child.kind, NodeKind::kDirective);
    EXPECT_EQ(parent.kind, NodeKind::kDirective);
    EXPECT_TRUE(parents.count(std::string(parent.document))) << parent.id;
    EXPECT_GT(e.edge->score, 0.0);
    EXPECT_LE(e.edge->score, 1.0 + 1e-9);
  }
  size_t implementations = 0;
  for (const CoverageReport& report : built.coverage)
    for (const DirectiveCoverage& d : report.directives)
      implementations += d.implemented_by.size();
  EXPECT_GT(aligned, 0u);
  EXPECT_EQ(aligned, implementations);
}

// A report's rows view one block of text, which holds a child directive's
// strings once however many rows it has, and the graph's alignment edges
// view the same evidence rather than copy it: each aligned edge's text
// lies inside its report's block, and reads the same once every report is
// gone.  The strings are the directive's own (its node in the graph).
TEST(BuildGraph, AlignmentEdgesShareTheReportsEvidence) {
  std::vector<CoverageReport> reports;
  PolicyGraph g = BuildGraph(BundledCorpus(), &reports);
  std::set<std::pair<const char*, size_t>> rows;
  size_t shared_headings = 0;
  for (const CoverageReport& report : reports) {
    ASSERT_TRUE(report.text);
    const std::string& block = *report.text;
    auto inside = [&](std::string_view s) {
      return s.empty() || (s.data() >= block.data() &&
                           s.data() + s.size() <= block.data() + block.size());
    };
    std::map<std::string, const char*> heading_of;  // child directive's node
    for (const DirectiveCoverage& d : report.directives)
      for (const Implementation& impl : d.implemented_by) {
        EXPECT_FALSE(impl.evidence.empty());
        EXPECT_TRUE(inside(impl.evidence));
        EXPECT_TRUE(inside(impl.id));
        EXPECT_TRUE(inside(impl.heading));
        EXPECT_TRUE(inside(impl.deadline));
        rows.emplace(impl.evidence.data(), impl.evidence.size());
        const std::string node =
            std::string(report.DocumentOf(impl)) + "#" + std::string(impl.id);
        const std::optional<NodeId> found = g.FindNode(node);
        ASSERT_TRUE(found) << node;
        EXPECT_EQ(g.Node(*found).title, impl.heading) << node;
        auto [it, first] = heading_of.emplace(node, impl.heading.data());
        if (!first) {
          EXPECT_EQ(it->second, impl.heading.data()) << node;
          ++shared_headings;
        }
      }
  }
  EXPECT_GT(shared_headings, 0u);
  std::vector<std::string> before;
  size_t aligned = 0;
  for (const PolicyGraph::EdgeRef& e : g.Edges()) {
    if (e.edge->relation != Relation::kAligned) continue;
    ++aligned;
    const std::string_view text = e.edge->evidence.text;
    EXPECT_TRUE(rows.count({text.data(), text.size()})) << text;
    before.emplace_back(text);
  }
  ASSERT_GT(aligned, 0u);
  // A copy of a report shares the block, so its rows outlive the original.
  CoverageReport copy = reports.front();
  std::vector<CoverageReport>().swap(reports);
  std::vector<std::string> after;
  for (const PolicyGraph::EdgeRef& e : g.Edges())
    if (e.edge->relation == Relation::kAligned)
      after.emplace_back(e.edge->evidence.text);
  EXPECT_EQ(after, before);
  ASSERT_FALSE(copy.directives.empty());
  size_t read = 0;
  for (const DirectiveCoverage& d : copy.directives)
    for (const Implementation& impl : d.implemented_by)
      read += std::count(before.begin(), before.end(), impl.evidence) > 0;
  EXPECT_GT(read, 0u);
}

// Alignment edges are made on the threads that measure their parents and
// added afterwards in corpus order, so every thread count gives one graph.
TEST(BuildGraph, IsDeterministic) {
  const PolicyGraph& g = CorpusGraph().graph;
  for (unsigned jobs : {1u, 3u}) {
    PolicyGraph again = BuildGraph(BundledCorpus(), nullptr, jobs);
    ASSERT_EQ(again.NodeCount(), g.NodeCount());
    ASSERT_EQ(again.EdgeCount(), g.EdgeCount());
    std::vector<PolicyGraph::EdgeRef> a = again.Edges();
    std::vector<PolicyGraph::EdgeRef> b = g.Edges();
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(again.Node(a[i].source).id, g.Node(b[i].source).id);
      EXPECT_EQ(again.Node(a[i].target).id, g.Node(b[i].target).id);
      EXPECT_EQ(a[i].edge->relation, b[i].edge->relation);
      EXPECT_EQ(a[i].edge->count, b[i].edge->count);
      EXPECT_EQ(a[i].edge->score, b[i].edge->score);
      EXPECT_EQ(a[i].edge->evidence.text, b[i].edge->evidence.text);
    }
  }
}

}  // namespace
}  // namespace policygraph

// ReadGraphJson: graph.json back into a PolicyGraph, byte for byte, and a
// malformed file refused with a message that names the place.
#include "policygraph/graph_reader.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "policygraph/export.h"
#include "policygraph/lineage.h"
#include "policygraph/pipeline.h"
#include "policygraph/report_format.h"

#include "test_support.h"

namespace policygraph {
namespace {

const PolicyGraph& CorpusGraph() {
  static const PolicyGraph* graph =
      new PolicyGraph(BuildGraph(LoadCorpus({PG_CORPUS_DIR})));
  return *graph;
}

std::string GraphJson(const PolicyGraph& g) {
  return GraphToNodeLink(g).dump(1) + "\n";
}

TEST(ReadGraphJson, CorpusGraphRoundTripsByteForByte) {
  const PolicyGraph& g = CorpusGraph();
  const std::string json = GraphJson(g);
  GraphReadResult r = ReadGraphJson(json);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.graph.NodeCount(), g.NodeCount());
  EXPECT_EQ(r.graph.EdgeCount(), g.EdgeCount());
  EXPECT_EQ(GraphJson(r.graph), json);
}

TEST(ReadGraphJson, CorpusGraphReadBackTracesTheSameLineage) {
  const PolicyGraph& g = CorpusGraph();
  GraphReadResult r = ReadGraphJson(GraphJson(g));
  ASSERT_TRUE(r.ok) << r.error;
  LineageOptions both;
  both.direction = LineageDirection::kBoth;
  int documents = 0;
  for (NodeId n : g.Nodes()) {
    if (g.Node(n).kind != NodeKind::kDocument) continue;
    ++documents;
    const std::optional<NodeId> again = r.graph.FindNode(g.Node(n).id);
    ASSERT_TRUE(again.has_value()) << g.Node(n).id;
    EXPECT_EQ(LineageToJson(TraceLineage(r.graph, *again, both)).dump(),
              LineageToJson(TraceLineage(g, n, both)).dump())
        << g.Node(n).id;
  }
  EXPECT_GT(documents, 30);
}

TEST(ReadGraphJson, ReadsTheCommittedGraphJsonFile) {
  const std::string path = PG_SOURCE_DIR "/graphs/chongqing/graph.json";
  GraphReadResult r = ReadGraphJsonFile(path);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(GraphJson(r.graph), testing::ReadFile(path));
}

TEST(ReadGraphJson, LeavesOutWhatItDoesNotKnowAndMergesRepeatedLinks) {
  GraphReadResult r = ReadGraphJson(R"({
    "directed": true, "multigraph": false, "graph": {"name": [1, {"x": 2}]},
    "extra": {"nodes": 5},
    "nodes": [{"id": "A", "kind": "document", "level": "district",
               "colour": {"r": [1, 2]}, "line": 4},
              {"id": "B", "kind": "external", "level": "national"}],
    "links": [{"source": "A", "target": "B", "key": 7, "relation": "basis",
               "weight": 2.5},
              {"source": "A", "target": "B", "relation": "basis",
               "count": 2}]})");
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.graph.NodeCount(), 2u);
  ASSERT_EQ(r.graph.EdgeCount(), 1u);
  EXPECT_EQ(r.graph.Node(NodeId{0}).line, 4u);
  EXPECT_EQ(r.graph.Edges()[0].edge->count, 3);
}

TEST(ReadGraphJson, RefusesMalformedFilesNamingTheProblem) {
  constexpr char kOk[] = R"("directed": true, "multigraph": true, )";
  const std::string ok = kOk;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "parse error at line 1, column 1"},
      {"{" + ok + R"("nodes": [], "links": [])",
       "parse error at line 1, column 64: syntax error while parsing object "
       "- unexpected end of input; expected '}'"},
      {"[]", "expected a JSON object at the top, got a list"},
      {"3", "expected a JSON object at the top, got a number"},
      {R"({"nodes": [], "links": []})", "no \"directed\": true"},
      {R"({"directed": false, "nodes": [], "links": []})",
       "\"directed\" is false: a policy graph is directed"},
      {R"({"directed": true})", "no \"nodes\" list"},
      {"{" + ok + R"("nodes": []})", "no \"links\" list"},
      {"{" + ok + R"("nodes": {}, "links": []})",
       "\"nodes\": expected a list, got an object"},
      {"{" + ok + R"("nodes": [3], "links": []})",
       "nodes[0]: expected an object, got a number"},
      {"{" + ok + R"("links": [], "nodes": []})",
       "\"links\" comes before \"nodes\""},
      {"{" + ok + R"("nodes": [{"kind": "document", "level": "district"}],
          "links": []})",
       "nodes[0]: no \"id\""},
      {"{" + ok + R"("nodes": [{"id": "A", "level": "district"}],
          "links": []})",
       "nodes[0]: no \"kind\""},
      {"{" + ok +
           R"("nodes": [{"id": "A", "kind": "document", "level": "x"}],
          "links": []})",
       "nodes[0].level: expected national, municipal, district, department "
       "or unknown, got \"x\""},
      {"{" + ok + R"("nodes": [{"id": "A", "kind": "doc", "level": "x"}],
          "links": []})",
       "nodes[0].kind: expected document, external or directive, got "
       "\"doc\""},
      {"{" + ok +
           R"("nodes": [{"id": "A", "kind": "document", "level": "district",
                       "line": "12"}], "links": []})",
       "nodes[0].line: expected a whole number from 0 to 4294967295, got "
       "\"12\""},
      {"{" + ok +
           R"("nodes": [{"id": "A", "kind": "document", "level": "district",
                       "title": {"zh": "x"}}], "links": []})",
       "nodes[0].title: expected a string, got an object"},
      {"{" + ok +
           R"("nodes": [{"id": "A", "kind": "document", "level": "district"},
                     {"id": "A", "kind": "external", "level": "national"}],
          "links": []})",
       "nodes[1].id: \"A\" is already the id of nodes[0]"},
      {"{" + ok +
           R"("nodes": [{"id": "A", "kind": "document", "level": "district"}],
          "links": [{"source": "A", "target": "C", "relation": "basis"}]})",
       "links[0].target: \"C\" is not the id of a node"},
      {"{" + ok +
           R"("nodes": [{"id": "A", "kind": "document", "level": "district"}],
          "links": [{"source": "A", "target": "A", "relation": "cites"}]})",
       "links[0].relation: expected basis, implements, follows, issues, "
       "repeals, drafts, mentions, counterpart, part_of or aligned, got "
       "\"cites\""},
      {"{" + ok +
           R"("nodes": [{"id": "A", "kind": "document", "level": "district"}],
          "links": [{"source": "A", "target": "A", "relation": "basis",
                     "count": 0}]})",
       "links[0].count: expected a whole number from 1 to 2147483647, got a "
       "number"},
      {"{" + ok +
           R"("nodes": [{"id": "A", "kind": "document", "level": "district"}],
          "links": [{"target": "A", "relation": "basis"}]})",
       "links[0]: no \"source\""},
  };
  for (const auto& [json, error] : cases) {
    GraphReadResult r = ReadGraphJson(json, "bad.json");
    EXPECT_FALSE(r.ok) << json;
    EXPECT_EQ(r.error.rfind("bad.json: ", 0), 0u) << r.error;
    EXPECT_NE(r.error.find(error), std::string::npos)
        << json << "\n  gave: " << r.error << "\n  want: " << error;
    EXPECT_EQ(r.graph.NodeCount(), 0u) << json;
  }
}

TEST(ReadGraphJson, AMissingFileIsAnErrorNamingIt) {
  GraphReadResult r = ReadGraphJsonFile("/no/such/graph.json");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error,
            "/no/such/graph.json: cannot open: No such file or directory");
}

}  // namespace
}  // namespace policygraph

// policygraph — graph.json read back: node-link JSON → PolicyGraph.
//
// The inverse of GraphToNodeLink (export.h), so the analyses can run on a
// graph `build` wrote earlier, or on one tools/gen-graph made, without the
// corpus:
//
//   {"directed":true,"multigraph":true,"graph":{…},
//    "nodes":[{"id":"渝府发〔2023〕7号","kind":"document","level":…},…],
//    "links":[{"source":"合川府发〔2023〕2号","target":"渝府发〔2023〕7号",
//              "key":0,"relation":"implements","cue":"贯彻落实",…},…]}
//   → PolicyGraph with those nodes and edges, in that order
//
// Parsed as a stream of SAX events: each node and link goes into the graph
// as soon as its object closes, so a file of ten million links never
// becomes a JSON tree (which would cost about a kilobyte a link).
//
// Invariants: for a file `build` or NodeLinkWriter wrote, the graph's
// GraphToNodeLink(…).dump(1) + "\n" is the file, byte for byte.  Links come
// after nodes and name them by id.  Required: "directed": true, "nodes"
// and "links" lists, a node's "id", "kind" and "level", a link's "source",
// "target" and "relation"; "key" and "graph" are ignored (the graph numbers
// parallel edges itself), and so are attributes this library does not
// write.  A link repeating an earlier (source, target, relation) merges
// into it, as PolicyGraph::AddEdge does.  No exception crosses this API:
// a malformed file comes back as an error naming the place.
#ifndef POLICYGRAPH_GRAPH_READER_H_
#define POLICYGRAPH_GRAPH_READER_H_

#include <string>
#include <string_view>

#include "policygraph/graph.h"

namespace policygraph {

struct GraphReadResult {
  bool ok = false;  // false: `error` says what is wrong; `graph` is empty
  PolicyGraph graph;
  // Like a compiler's: "g.json: links[12].target: \"渝府发〔2023〕9号\" is
  // not the id of a node", or "g.json: parse error at line 3, column 7: …".
  std::string error;
};

// Reads node-link JSON held in memory; `name` is what messages call it.
GraphReadResult ReadGraphJson(std::string_view json,
                              std::string_view name = "graph.json");

// Reads a graph.json file, streaming it (memory holds the graph, not the
// file).
GraphReadResult ReadGraphJsonFile(const std::string& path);

}  // namespace policygraph

#endif  // POLICYGRAPH_GRAPH_READER_H_

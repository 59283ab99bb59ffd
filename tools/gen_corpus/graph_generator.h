// gen-graph — a policy graph of a given size, made directly, without text.
//
// gen-corpus writes about 9 KB of gazette text per document and `build`
// reads it at about 1 MB/s, so a graph of a million documents cannot come
// from text in reasonable time.  GenerateGraph makes the graph `build`
// would make of such a corpus, with the corpus generator's vocabulary and
// odds (generator.h): the municipal government and departments and the 38
// districts and counties as issuers, numbers per issuer and year, dates in
// writing order, municipal hubs cited with Zipf-like odds, national laws
// and plans as external nodes.  Each document
//
//   - answers to a parent: implements (贯彻落实), follows (按照) or rests on
//     (根据) a municipal hub, or for a district department now and then a
//     recent plan of its own district government,
//   - localizes it sometimes: 重庆市X方案 → 万州区X方案, implements plus a
//     counterpart edge (parallel edges, keys 0 and 1),
//   - cites national laws (basis) and other municipal documents (参照),
//   - and mentions other documents (no cue) up to its share of the edges:
//     hubs, externals, its own district's documents, any earlier one.
//
// A few documents (2% of district ones) cite nothing and are cited by
// nobody, as isolated documents are in a real corpus.  Citations only point
// at earlier documents or externals, so lineage (basis, implements,
// follows, counterpart) climbs district → municipal → national.
//
// The edge count is exact: each document draws a share around what is
// left per document left, and the last ones take the rest; GenerateGraph
// fails when --edges is more than the documents can hold (a document cites
// each target at most once per relation).  Output depends only on the
// options and the material: the same seed gives the same graph everywhere
// (random.h).  Nodes: documents in date order, then externals; edges
// grouped by citing document, in document order.
#ifndef POLICYGRAPH_GEN_CORPUS_GRAPH_GENERATOR_H_
#define POLICYGRAPH_GEN_CORPUS_GRAPH_GENERATOR_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "policygraph/graph.h"

#include "gen_corpus/material.h"

namespace policygraph::gen {

struct GraphOptions {
  uint64_t documents = 1000;
  uint64_t edges = 10000;
  uint64_t seed = 1;
};

// What was made, for the caller to check against what a reader sees.
struct GraphManifest {
  uint64_t seed = 0;
  uint64_t documents = 0;
  uint64_t municipal_documents = 0;
  uint64_t district_documents = 0;    // district governments and offices
  uint64_t department_documents = 0;  // municipal and district departments
  uint64_t externals = 0;
  uint64_t edges = 0;
  uint64_t basis = 0;
  uint64_t implements = 0;
  uint64_t follows = 0;
  uint64_t counterpart = 0;
  uint64_t mentions = 0;
  uint64_t isolated_documents = 0;  // no edge in or out
  std::string top_hub;              // the node with the most in-edges
  uint64_t top_hub_in_edges = 0;
};

// The generated graph, held compactly (16 bytes an edge) until written.
class GeneratedGraph {
 public:
  struct Document {
    std::string id;  // 万州府办发〔2023〕12号 or 重庆市人民政府令第360号
    std::string title;    // the attached plan of a 印发 notice, or the title
    std::string core;     // what a counterpart shares, "" when none
    std::string type;     // 通知, 意见, 办法
    uint32_t issuer = 0;  // index into Issuers()
    uint32_t day = 0;     // since kFirstYear-01-01
    uint32_t line = 0;    // first line in its gazette file
  };
  struct External {
    std::string id;  // the number, or "title:" + title
    std::string title;
    std::string number;
    std::string type;  // law, regulation, plan, notice, opinion, other
  };
  struct Edge {
    uint32_t source = 0;  // a document
    uint32_t target = 0;  // a document, or documents.size() + external
    Relation relation = Relation::kMentions;
    uint8_t key = 0;           // among the parallel edges source → target
    uint8_t cue = 0;           // index into the cue table, 0 = none
    uint8_t count = 1;         // mentions it stands for
    bool numbered = false;     // the surface quotes the target's number
    uint16_t line_offset = 0;  // after the citing document's first line
  };

  std::vector<Document> documents;
  std::vector<External> externals;
  std::vector<Edge> edges;
  GraphManifest manifest;

  size_t NodeCount() const { return documents.size() + externals.size(); }
};

// Generates the graph into `out`.  False, with `error` saying why, when the
// options cannot be met (no documents, or more edges than fit).
bool GenerateGraph(const GraphOptions& options, const Material& material,
                   GeneratedGraph& out, std::string& error);

// Receives the graph as policygraph's own types, nodes first, then edges
// with their parallel-edge key.
struct GraphSink {
  std::function<void(const GraphNode&)> node;
  std::function<void(std::string_view source, std::string_view target, int key,
                     const GraphEdge&)>
      edge;
};

// Sends every node and edge of `graph` to `sink` in graph order: what
// NodeLinkWriter and GraphmlWriter (export.h) need to write graph.json and
// graph.graphml as `build` would, or PolicyGraph::AddNode/AddEdge.
void EmitGraph(const GeneratedGraph& graph, const GraphSink& sink);

// The manifest as a JSON object, keys in a fixed order.
std::string GraphManifestJson(const GraphManifest& manifest);

}  // namespace policygraph::gen

#endif  // POLICYGRAPH_GEN_CORPUS_GRAPH_GENERATOR_H_

// gen-graph: flags → material → GenerateGraph → graph.json (+ GraphML).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "policygraph/export.h"

#include "gen_corpus/graph_generator.h"
#include "gen_corpus/material.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;

// 2000000, 200k, 2M, 1G → a count (decimal multiples: these are nodes and
// edges, not bytes).
bool ParseCount(const std::string& text, uint64_t& count) {
  size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9')
    ++digits;
  if (digits == 0 || digits > 12) return false;
  count = std::stoull(text.substr(0, digits));
  const std::string unit = text.substr(digits);
  if (unit == "k" || unit == "K") {
    count *= 1000;
  } else if (unit == "m" || unit == "M") {
    count *= 1000 * 1000;
  } else if (unit == "g" || unit == "G") {
    count *= 1000 * 1000 * 1000;
  } else if (!unit.empty()) {
    return false;
  }
  return true;
}

// An output file with a large buffer: the writers make many small writes.
struct Output {
  std::string path;
  std::vector<char> buffer = std::vector<char>(1 << 20);
  std::ofstream stream;

  bool Open() {
    stream.rdbuf()->pubsetbuf(buffer.data(),
                              static_cast<std::streamsize>(buffer.size()));
    stream.open(path, std::ios::binary | std::ios::trunc);
    return stream.is_open();
  }
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "gen-graph: makes the policy graph `policygraph build` would make of "
      "a corpus of N documents, directly, for graph benchmarks at sizes "
      "text cannot reach (a million documents).\n\n"
      "Documents of the municipal government, its departments and the 38 "
      "districts and counties (numbers per issuer and year, dates in "
      "writing order) implement, follow or rest on municipal hubs chosen "
      "with Zipf-like odds, localize them as counterparts, cite national "
      "laws (external nodes) and mention other documents; 2% of district "
      "documents are isolated.  Exactly --edges edges.\n\n"
      "Writes graph.json in the node-link form `build` writes (and, with "
      "--graphml, the same graph as GraphML, for igraph), and prints a "
      "manifest of what it made.  The same --seed, --documents and --edges "
      "give the same bytes on every machine.\n\n"
      "Examples:\n"
      "  tools/gen-graph --documents 200k --edges 2M -o /tmp/g200k.json\n"
      "  tools/gen-graph --documents 1M --edges 10M -o /tmp/g1m.json "
      "--graphml /tmp/g1m.graphml\n\n"
      "Exit codes: 0 ok, 2 usage or I/O error"};
  std::string documents_text = "1000";
  std::string edges_text = "10000";
  uint64_t seed = 1;
  std::string json_path;
  std::string graphml_path;
  std::string corpus_dir = GEN_CORPUS_DEFAULT_CORPUS;
  bool quiet = false;
  app.add_option("--documents,-n", documents_text,
                 "document nodes: 1000, 200k, 1M")
      ->capture_default_str();
  app.add_option("--edges,-m", edges_text, "edges: 10000, 2M, 10M")
      ->capture_default_str();
  app.add_option("--seed", seed, "random seed; same seed, same bytes")
      ->capture_default_str();
  app.add_option("-o,--output", json_path, "graph.json to write")->required();
  app.add_option("--graphml", graphml_path, "also write the graph as GraphML");
  app.add_option("--corpus", corpus_dir,
                 "texts (files or folders of *.txt) to take topics from")
      ->capture_default_str();
  app.add_flag("--quiet,-q", quiet, "print nothing on success");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help, version or the error
    return code == 0 ? kExitOk : kExitUsage;
  }

  policygraph::gen::GraphOptions options;
  options.seed = seed;
  if (!ParseCount(documents_text, options.documents)) {
    std::fprintf(stderr, "gen-graph: error: bad --documents '%s'\n",
                 documents_text.c_str());
    return kExitUsage;
  }
  if (!ParseCount(edges_text, options.edges)) {
    std::fprintf(stderr, "gen-graph: error: bad --edges '%s'\n",
                 edges_text.c_str());
    return kExitUsage;
  }
  policygraph::gen::Material material;
  std::string error;
  if (!policygraph::gen::HarvestMaterial({corpus_dir}, material, error)) {
    std::fprintf(stderr, "gen-graph: error: %s: %s\n", corpus_dir.c_str(),
                 error.c_str());
    return kExitUsage;
  }
  policygraph::gen::GeneratedGraph graph;
  if (!policygraph::gen::GenerateGraph(options, material, graph, error)) {
    std::fprintf(stderr, "gen-graph: error: %s\n", error.c_str());
    return kExitUsage;
  }

  std::vector<std::unique_ptr<Output>> outputs;
  for (const std::string& path : {json_path, graphml_path}) {
    if (path.empty()) continue;
    outputs.push_back(std::make_unique<Output>());
    outputs.back()->path = path;
    if (!outputs.back()->Open()) {
      std::fprintf(stderr, "gen-graph: error: cannot write %s\n", path.c_str());
      return kExitUsage;
    }
  }
  policygraph::NodeLinkWriter json(outputs[0]->stream, graph.NodeCount(),
                                   graph.edges.size());
  std::optional<policygraph::GraphmlWriter> graphml;
  if (outputs.size() > 1) graphml.emplace(outputs[1]->stream);
  policygraph::gen::EmitGraph(
      graph, {[&](const policygraph::GraphNode& node) {
                json.AddNode(node);
                if (graphml) graphml->AddNode(node);
              },
              [&](std::string_view source, std::string_view target, int key,
                  const policygraph::GraphEdge& edge) {
                json.AddEdge(source, target, key, edge);
                if (graphml) graphml->AddEdge(source, target, edge);
              }});
  bool ok = json.Finish();
  if (graphml) ok = graphml->Finish() && ok;
  if (!ok) {
    std::fprintf(stderr, "gen-graph: error: cannot write %s\n",
                 json_path.c_str());
    std::error_code ec;
    for (const auto& out : outputs) std::filesystem::remove(out->path, ec);
    return kExitUsage;
  }
  if (!quiet)
    std::puts(policygraph::gen::GraphManifestJson(graph.manifest).c_str());
  return kExitOk;
}

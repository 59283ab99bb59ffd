// Fuzzes the graph.json reader (ReadGraphJson), which the analyses use on
// graphs written earlier or by other tools.  An input that starts with '{'
// is read as node-link JSON.  Any other input is taken as a gazette text:
// its graph is written as build writes graph.json (which must read back to
// the same bytes), then damaged at one byte the input's first bytes
// choose.  Whatever the reader accepts must print back as node-link JSON
// that reads again to the same bytes (graph_reader.h's invariant).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "policygraph/decode.h"
#include "policygraph/export.h"
#include "policygraph/graph.h"
#include "policygraph/graph_reader.h"
#include "policygraph/pipeline.h"
#include "policygraph/resolve.h"

#include "fuzz_check.h"

namespace pg = policygraph;
using pg::fuzz::AsText;

namespace {

std::string NodeLinkOf(const pg::PolicyGraph& graph) {
  std::ostringstream out;
  pg::WriteNodeLink(graph, out);
  return out.str();
}

// graph.json of `text`'s graph, checked to read back byte for byte.
std::string GraphJsonOf(std::string_view text) {
  pg::DecodeResult decoded = pg::DecodeText(text, "fuzz.txt");
  pg::Corpus corpus;
  if (decoded.ok) {
    std::vector<pg::Diagnostic> diagnostics;
    corpus.files.push_back(
        pg::ParseSource(std::move(decoded.source), diagnostics));
    pg::ResolveReferences(corpus);
  }
  const std::string json = NodeLinkOf(pg::BuildGraph(corpus, nullptr));
  pg::GraphReadResult read = pg::ReadGraphJson(json, "clean.json");
  FUZZ_CHECK(read.ok, "ReadGraphJson refuses what build wrote");
  FUZZ_CHECK(NodeLinkOf(read.graph) == json,
             "graph.json does not read back byte for byte");
  return json;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input = AsText(data, size);
  std::string json;
  if (input.starts_with("{")) {
    json = std::string(input);
  } else {
    json = GraphJsonOf(input);
    pg::fuzz::DamageOneByte(json, data, size);
  }
  pg::GraphReadResult read = pg::ReadGraphJson(json, "fuzz.json");
  if (!read.ok) {
    FUZZ_CHECK(!read.error.empty(), "a refusal without a message");
    FUZZ_CHECK(read.graph.NodeCount() == 0, "a refused file left a graph");
    return 0;
  }
  const std::string printed = NodeLinkOf(read.graph);
  pg::GraphReadResult again = pg::ReadGraphJson(printed, "again.json");
  FUZZ_CHECK(again.ok, "an accepted graph does not print back readable");
  FUZZ_CHECK(NodeLinkOf(again.graph) == printed,
             "an accepted graph does not round-trip");
  return 0;
}

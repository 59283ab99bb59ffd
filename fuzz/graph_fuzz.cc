// Fuzzes the analyses on one input: the pipeline (segment, structure,
// extract, resolve), BuildGraph with its counterparts and alignments,
// lineage both ways from every node, coverage of every document by the
// next one, orphans, and every printer of their reports.  Reports must
// print as valid UTF-8 and every JSON form must dump (nlohmann throws on
// a broken string, which libFuzzer reports as a crash).  The exports
// build writes as text (graph.json, graph.cyjs, the viewer's data block)
// must be the bytes of their Json trees dumped, whatever the text holds.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "policygraph/counterpart.h"
#include "policygraph/coverage.h"
#include "policygraph/decode.h"
#include "policygraph/export.h"
#include "policygraph/graph.h"
#include "policygraph/lineage.h"
#include "policygraph/orphans.h"
#include "policygraph/pipeline.h"
#include "policygraph/report_format.h"
#include "policygraph/resolve.h"
#include "policygraph/viewer.h"

#include "fuzz_check.h"

namespace pg = policygraph;
using pg::fuzz::AsText;
using pg::fuzz::IsValidUtf8;

namespace {

// `value` dumped compact and escaped as the viewer's data block must be:
// < > & U+2028 U+2029 as \u escapes.
std::string ScriptSafeDump(const pg::Json& value) {
  std::string out;
  const std::string dump =
      value.dump(-1, ' ', false, pg::Json::error_handler_t::replace);
  for (size_t i = 0; i < dump.size(); ++i) {
    const std::string_view rest = std::string_view(dump).substr(i);
    if (dump[i] == '<') {
      out += "\\u003c";
    } else if (dump[i] == '>') {
      out += "\\u003e";
    } else if (dump[i] == '&') {
      out += "\\u0026";
    } else if (rest.starts_with("\u2028") || rest.starts_with("\u2029")) {
      out += rest[2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += dump[i];
    }
  }
  return out;
}

// The viewer page's data block ("" when the page has none).
std::string DataBlock(const std::string& page) {
  constexpr std::string_view kOpen =
      "<script type=\"application/json\" id=\"graph-data\">";
  const size_t open = page.find(kOpen);
  if (open == std::string::npos) return "";
  const size_t start = open + kOpen.size();
  const size_t end = page.find("</script", start);
  return end == std::string::npos ? "" : page.substr(start, end - start);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pg::DecodeResult decoded = pg::DecodeText(AsText(data, size), "fuzz.txt");
  if (!decoded.ok) return 0;
  std::vector<pg::Diagnostic> diagnostics = std::move(decoded.diagnostics);
  pg::Corpus corpus;
  corpus.files.push_back(
      pg::ParseSource(std::move(decoded.source), diagnostics));
  pg::ResolveReferences(corpus);

  std::vector<pg::CoverageReport> coverage;
  pg::PolicyGraph graph = pg::BuildGraph(corpus, &coverage);
  for (pg::NodeId node : graph.Nodes()) {
    if (graph.Node(node).kind == pg::NodeKind::kDirective) continue;
    FUZZ_CHECK(pg::CoreTitle(graph.Node(node).title).size() <=
                   graph.Node(node).title.size(),
               "a core title is longer than its title");
    pg::LineageOptions options;
    options.direction = pg::LineageDirection::kBoth;
    pg::LineageReport lineage = pg::TraceLineage(graph, node, options);
    pg::LineageToJson(lineage).dump();
    FUZZ_CHECK(IsValidUtf8(pg::FormatLineageText(lineage)),
               "lineage text is not valid UTF-8");
    FUZZ_CHECK(IsValidUtf8(pg::FormatLineageDot(lineage)),
               "lineage DOT is not valid UTF-8");
  }

  // Alignment runs on every adjacent pair, cited or not.
  const std::vector<pg::Document>& docs = corpus.files.front().documents;
  for (size_t i = 0; i + 1 < docs.size(); ++i)
    coverage.push_back(
        pg::MeasureCoverage(corpus, docs[i].id, {docs[i + 1].id}));
  for (const pg::CoverageReport& report : coverage) {
    size_t covered = 0;
    for (const pg::DirectiveCoverage& d : report.directives) {
      covered += !d.implemented_by.empty();
      for (const pg::Implementation& impl : d.implemented_by)
        FUZZ_CHECK(
            impl.score >= pg::kAlignThreshold && impl.score <= 1.0 + 1e-9,
            "an alignment score is out of range");
    }
    FUZZ_CHECK(
        covered == report.covered && report.total == report.directives.size(),
        "coverage counts disagree with the directives");
    pg::CoverageToJson(report).dump();
    FUZZ_CHECK(IsValidUtf8(pg::FormatCoverageText(report)),
               "coverage text is not valid UTF-8");
    FUZZ_CHECK(IsValidUtf8(pg::FormatCoverageCsv(report)),
               "coverage CSV is not valid UTF-8");
  }

  std::ostringstream node_link, cytoscape;
  FUZZ_CHECK(pg::WriteNodeLink(graph, node_link), "graph.json not written");
  FUZZ_CHECK(node_link.str() == pg::GraphToNodeLink(graph).dump(1) + "\n",
             "graph.json streamed is not its Json tree dumped");
  FUZZ_CHECK(pg::WriteCytoscape(graph, cytoscape), "graph.cyjs not written");
  FUZZ_CHECK(cytoscape.str() == pg::GraphToCytoscape(graph).dump(1) + "\n",
             "graph.cyjs streamed is not its Json tree dumped");
  FUZZ_CHECK(DataBlock(pg::GraphToViewerHtml(graph, coverage)) ==
                 ScriptSafeDump(pg::ViewerData(graph, coverage)),
             "the viewer's data block is not its Json tree dumped");

  pg::OrphanReport orphans = pg::FindOrphans(corpus, graph, coverage);
  pg::OrphansToJson(orphans).dump();
  FUZZ_CHECK(IsValidUtf8(pg::FormatOrphansText(orphans)),
             "orphans text is not valid UTF-8");
  FUZZ_CHECK(IsValidUtf8(pg::FormatOrphansCsv(orphans)),
             "orphans CSV is not valid UTF-8");
  return 0;
}

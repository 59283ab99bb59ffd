// The viewer page: the document view and coverage as JSON inside a
// self-contained HTML file with the inlined assets of viewer_assets.h.
#include "policygraph/viewer.h"

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "policygraph/export.h"
#include "policygraph/report_format.h"

#include "safe_text.h"
#include "viewer_assets.h"

namespace policygraph {
namespace {

using internal::SafeText;
using internal::TextUse;

// Document id → [[path, heading, line], …] in graph (document) order.  A
// map-backed Json object, so documents come out sorted by id.
Json DirectiveOutlines(const PolicyGraph& graph) {
  Json outlines = Json::object();
  for (NodeId n : graph.Nodes()) {
    const GraphNode& node = graph.Node(n);
    if (node.kind != NodeKind::kDirective) continue;
    std::string_view path = node.id;
    const size_t hash = node.document.size();
    if (path.size() > hash && path[hash] == '#') path.remove_prefix(hash + 1);
    Json row = Json::array();
    row.push_back(SafeText(path, TextUse::kJson));
    row.push_back(SafeText(node.title, TextUse::kJson));
    row.push_back(node.line);
    outlines[SafeText(node.document, TextUse::kJson)].push_back(std::move(row));
  }
  return outlines;
}

// JSON that can sit inside <script type="application/json">: the HTML
// parser ends that element at the first "</script" and treats "<!--"
// specially, and old JavaScript engines end a line at U+2028/U+2029.  These
// characters can only occur inside JSON strings, where a \u escape means
// the same, so JSON.parse reads back exactly what was dumped.
std::string ScriptSafeJson(const Json& value) {
  const std::string json =
      value.dump(-1, ' ', false, Json::error_handler_t::replace);
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
               (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

// Replaces each @MARKER@ of the template with its part.  Only the template
// is scanned, never a part, so nothing in the data or the scripts is ever
// taken for a marker.
std::string FillTemplate(
    std::string_view page,
    const std::array<std::pair<std::string_view, std::string_view>, 4>& parts) {
  std::string out;
  size_t size = page.size();
  for (const auto& [marker, text] : parts) size += text.size();
  out.reserve(size);
  size_t i = 0;
  while (i < page.size()) {
    bool replaced = false;
    for (const auto& [marker, text] : parts) {
      if (page.substr(i, marker.size()) != marker) continue;
      out += text;
      i += marker.size();
      replaced = true;
      break;
    }
    if (replaced) continue;
    out += page[i++];
  }
  return out;
}

}  // namespace

Json ViewerData(const PolicyGraph& graph,
                const std::vector<CoverageReport>& coverage) {
  Json data = GraphToCytoscape(SelectView(graph, ViewOptions{}));
  Json reports = Json::array();
  for (const CoverageReport& report : coverage)
    reports.push_back(CoverageToJson(report));
  data["coverage"] = std::move(reports);
  data["directives"] = DirectiveOutlines(graph);
  return data;
}

std::string GraphToViewerHtml(const PolicyGraph& graph,
                              const std::vector<CoverageReport>& coverage) {
  const std::string data = ScriptSafeJson(ViewerData(graph, coverage));
  return FillTemplate(internal::kViewerHtml,
                      {{{"@VIEWER_CSS@", internal::kViewerCss},
                        {"@CYTOSCAPE_JS@", internal::kCytoscapeJs},
                        {"@VIEWER_JS@", internal::kViewerJs},
                        {"@GRAPH_DATA@", data}}});
}

}  // namespace policygraph

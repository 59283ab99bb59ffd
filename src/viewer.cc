// The viewer page: the document view and coverage as JSON inside a
// self-contained HTML file with the inlined assets of viewer_assets.h.
#include "policygraph/viewer.h"

#include <array>
#include <functional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "policygraph/export.h"
#include "policygraph/report_format.h"

#include "export_attributes.h"
#include "safe_text.h"
#include "viewer_assets.h"

namespace policygraph {
namespace {

using internal::SafeText;
using internal::TextUse;

// A directive's path in its document: its node id after "<doc id>#".
std::string_view OutlinePath(const GraphNodeView& node) {
  std::string_view path = node.id;
  const size_t hash = node.document.size();
  if (path.size() > hash && path[hash] == '#') path.remove_prefix(hash + 1);
  return path;
}

// One document's outline rows, [[path, heading, line], …].
Json OutlineRows(const PolicyGraph& graph, const std::vector<NodeId>& nodes) {
  Json rows = Json::array();
  for (NodeId n : nodes) {
    const GraphNodeView& node = graph.Node(n);
    rows.push_back(
        Json::array({SafeText(OutlinePath(node), TextUse::kJson),
                     SafeText(node.title, TextUse::kJson), node.line}));
  }
  return rows;
}

// The directive outlines, document id → [[path, heading, line], …], hold
// documents in the order of their first directive in the graph; here are
// their directive nodes, grouped through a hash index.  Each document's
// rows are made and dumped when its turn comes: as one Json tree, dumped
// and made script-safe whole, the outlines of a large build were the peak
// of its memory.
std::vector<std::pair<std::string, std::vector<NodeId>>> DirectivesByDocument(
    const PolicyGraph& graph) {
  std::vector<std::pair<std::string, std::vector<NodeId>>> groups;
  std::unordered_map<std::string, size_t> group_of;
  // A document's directives are added together, so the group is nearly
  // always the previous node's: only a change of document is looked up.
  std::string_view previous;
  size_t group = 0;
  for (NodeId n : graph.Nodes()) {
    const GraphNodeView& node = graph.Node(n);
    if (node.kind != NodeKind::kDirective) continue;
    if (groups.empty() || node.document != previous) {
      std::string document = SafeText(node.document, TextUse::kJson);
      auto [at, fresh] = group_of.try_emplace(document, groups.size());
      if (fresh)
        groups.emplace_back(std::move(document), std::vector<NodeId>());
      group = at->second;
      previous = node.document;
    }
    groups[group].second.push_back(n);
  }
  return groups;
}

// OutlineRows(graph, nodes).dump() as the data block prints it (compact,
// ill-formed UTF-8 replaced), appended to `out` without a Json tree: the
// outlines hold a row for every directive of the corpus.
void AppendOutlineRows(std::string& out, const PolicyGraph& graph,
                       const std::vector<NodeId>& nodes) {
  out += '[';
  for (size_t k = 0; k < nodes.size(); ++k) {
    const GraphNodeView& node = graph.Node(nodes[k]);
    out += k ? ",[" : "[";
    internal::AppendJsonString(out, OutlinePath(node));
    out += ',';
    internal::AppendJsonString(out, node.title);
    out += ',';
    out += std::to_string(node.line);
    out += ']';
  }
  out += ']';
}

// JSON that can sit inside <script type="application/json">: the HTML
// parser ends that element at the first "</script" and treats "<!--"
// specially, and old JavaScript engines end a line at U+2028/U+2029.  These
// characters can only occur inside JSON strings, where a \u escape means
// the same, so JSON.parse reads back exactly what was dumped.
std::string ScriptSafe(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  // Everything else is copied a run at a time: nearly all of it is.
  size_t copied = 0;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c != '<' && c != '>' && c != '&' && c != '\xE2') continue;
    std::string_view escape;
    size_t length = 1;
    if (c == '<') {
      escape = "\\u003c";
    } else if (c == '>') {
      escape = "\\u003e";
    } else if (c == '&') {
      escape = "\\u0026";
    } else if (i + 2 < json.size() && json[i + 1] == '\x80' &&
               (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      escape = json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      length = 3;
    } else {
      continue;
    }
    out.append(json.data() + copied, i - copied);
    out += escape;
    i += length - 1;
    copied = i + 1;
  }
  out.append(json.data() + copied, json.size() - copied);
  return out;
}

// A value as the data block holds it: compact, bad UTF-8 replaced, then
// made safe for the script element.  Dumped piece by piece, the block
// is the same bytes as the whole value dumped at once.
std::string ScriptSafeJson(const Json& value) {
  return ScriptSafe(value.dump(-1, ' ', false, Json::error_handler_t::replace));
}

// ViewerData(graph, coverage), dumped and made script-safe, one coverage
// report at a time: all of them as one Json tree were the largest thing
// `build` held.  `view` is the document view the elements come from.
bool WriteViewerData(const PolicyGraph& graph, const PolicyGraph& view,
                     const std::vector<CoverageReport>& coverage,
                     std::ostream& out) {
  // The elements too a node and an edge at a time: as one Json tree they
  // were a tenth of build's peak memory.
  auto array = [&](auto visit) {
    bool first = true;
    out << '[';
    visit(view, [&](Json value) {
      out << (first ? "" : ",") << ScriptSafeJson(value);
      first = false;
    });
    out << ']';
  };
  out << "{\"elements\":{\"nodes\":";
  array(internal::VisitCytoscapeNodes);
  out << ",\"edges\":";
  array(internal::VisitCytoscapeEdges);
  out << "},\"coverage\":[";
  // A piece at a time too: ScriptSafe escapes characters one by one, and
  // no piece splits one.
  for (size_t i = 0; i < coverage.size(); ++i) {
    if (i) out << ',';
    DumpCoverageJson(coverage[i],
                     [&](std::string_view piece) { out << ScriptSafe(piece); });
  }
  out << "],\"directives\":{";
  std::string member;  // one document's, reused
  bool first = true;
  for (const auto& [document, nodes] : DirectivesByDocument(graph)) {
    member.clear();
    if (!first) member += ',';
    first = false;
    internal::AppendJsonString(member, document);
    member += ':';
    AppendOutlineRows(member, graph, nodes);
    out << ScriptSafe(member);
  }
  out << "}}";
  return out.good();
}

// Writes the template with each @MARKER@ replaced by its part.  Only the
// template is scanned, never a part, so nothing in the data or the scripts
// is ever taken for a marker.
using Part = std::function<void(std::ostream&)>;
void FillTemplate(std::string_view page,
                  const std::array<std::pair<std::string_view, Part>, 4>& parts,
                  std::ostream& out) {
  size_t i = 0, copied = 0;
  while (i < page.size()) {
    bool replaced = false;
    for (const auto& [marker, write] : parts) {
      if (page.substr(i, marker.size()) != marker) continue;
      out << page.substr(copied, i - copied);
      write(out);
      i += marker.size();
      copied = i;
      replaced = true;
      break;
    }
    if (!replaced) ++i;
  }
  out << page.substr(copied);
}

}  // namespace

Json ViewerData(const PolicyGraph& graph,
                const std::vector<CoverageReport>& coverage) {
  Json data = GraphToCytoscape(SelectView(graph, ViewOptions{}));
  Json reports = Json::array();
  for (const CoverageReport& report : coverage)
    reports.push_back(CoverageToJson(report));
  data["coverage"] = std::move(reports);
  // The outlines WriteViewerData writes a document at a time.  Keys are
  // unique by construction, so they go in without an ordered object's linear
  // search.
  Json outlines = Json::object();
  auto& members = static_cast<Json::object_t::Container&>(
      outlines.get_ref<Json::object_t&>());
  for (auto& [document, nodes] : DirectivesByDocument(graph))
    members.emplace_back(std::move(document), OutlineRows(graph, nodes));
  data["directives"] = std::move(outlines);
  return data;
}

bool WriteViewerHtml(const PolicyGraph& graph,
                     const std::vector<CoverageReport>& coverage,
                     std::ostream& out) {
  return WriteViewerHtml(graph, SelectView(graph, ViewOptions{}), coverage,
                         out);
}

bool WriteViewerHtml(const PolicyGraph& graph, const PolicyGraph& view,
                     const std::vector<CoverageReport>& coverage,
                     std::ostream& out) {
  auto text = [](std::string_view bytes) {
    return [bytes](std::ostream& o) { o << bytes; };
  };
  FillTemplate(
      internal::kViewerHtml,
      {{{"@VIEWER_CSS@", text(internal::kViewerCss)},
        {"@CYTOSCAPE_JS@", text(internal::kCytoscapeJs)},
        {"@VIEWER_JS@", text(internal::kViewerJs)},
        {"@GRAPH_DATA@",
         [&](std::ostream& o) { WriteViewerData(graph, view, coverage, o); }}}},
      out);
  out.flush();
  return out.good();
}

std::string GraphToViewerHtml(const PolicyGraph& graph,
                              const std::vector<CoverageReport>& coverage) {
  std::ostringstream out;
  WriteViewerHtml(graph, coverage, out);
  return std::move(out).str();
}

}  // namespace policygraph

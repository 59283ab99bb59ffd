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

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// The first byte at or after `from` that AppendScriptSafe may have to
// escape (< > & or the lead byte of U+2028/U+2029), or the size: sixteen
// bytes at a time where SSE2 is there, as nearly every block has none.
size_t NextSpecial(std::string_view json, size_t from) {
  size_t i = from;
#if defined(__SSE2__)
  const __m128i lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>'),
                amp = _mm_set1_epi8('&'),
                e2 = _mm_set1_epi8(static_cast<char>(0xE2));
  for (; i + 16 <= json.size(); i += 16) {
    const __m128i block =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(json.data() + i));
    const __m128i hits = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(block, lt), _mm_cmpeq_epi8(block, gt)),
        _mm_or_si128(_mm_cmpeq_epi8(block, amp), _mm_cmpeq_epi8(block, e2)));
    if (const int mask = _mm_movemask_epi8(hits))
      return i + static_cast<size_t>(__builtin_ctz(mask));
  }
#endif
  for (; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '<' || c == '>' || c == '&' || c == '\xE2') return i;
  }
  return json.size();
}

// `json` made into JSON that can sit inside <script type=
// "application/json">, appended to `out`: the HTML parser ends that
// element at the first "</script" and treats "<!--" specially, and old
// JavaScript engines end a line at U+2028/U+2029.  These characters can
// only occur inside JSON strings, where a \u escape means the same, so
// JSON.parse reads back exactly what was dumped.
void AppendScriptSafe(std::string& out, std::string_view json) {
  // Everything else is copied a run at a time: nearly all of it is.
  size_t copied = 0;
  for (size_t i = NextSpecial(json, 0); i < json.size();
       i = NextSpecial(json, i)) {
    const char c = json[i];
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
      ++i;  // another character led by E2
      continue;
    }
    out.append(json.data() + copied, i - copied);
    out += escape;
    i += length;
    copied = i;
  }
  out.append(json.data() + copied, json.size() - copied);
}

// ViewerData(graph, coverage), dumped and made script-safe, one coverage
// report at a time: all of them as one Json tree were the largest thing
// `build` held.  `view` is the document view the elements come from.
bool WriteViewerData(const PolicyGraph& graph, const PolicyGraph& view,
                     const std::vector<CoverageReport>& coverage,
                     std::ostream& out) {
  std::string safe;  // each piece made safe, reused
  auto write_safe = [&](std::string_view piece) {
    safe.clear();
    AppendScriptSafe(safe, piece);
    out << safe;
  };
  // The elements too a node and an edge at a time, printed as text: as one
  // Json tree they were a tenth of build's peak memory, and a Json object
  // made and dumped for each was half of writing the page.
  auto array = [&](auto visit) {
    bool first = true;
    out << '[';
    visit(view, [&](std::string_view element) {
      if (!first) out << ',';
      write_safe(element);
      first = false;
    });
    out << ']';
  };
  out << "{\"elements\":{\"nodes\":";
  array(internal::VisitCompactCytoscapeNodes);
  out << ",\"edges\":";
  array(internal::VisitCompactCytoscapeEdges);
  out << "},\"coverage\":[";
  // A piece at a time too: AppendScriptSafe escapes whole characters,
  // and no piece splits one.
  for (size_t i = 0; i < coverage.size(); ++i) {
    if (i) out << ',';
    DumpCoverageJson(coverage[i], write_safe);
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
    write_safe(member);
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

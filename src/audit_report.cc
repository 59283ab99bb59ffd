// The audit report in Markdown: what an audit office reads first — the
// corpus, who issued what, which documents everything rests on, the chains
// from district to national level, how much of each parent was carried out
// and what was left behind.  Every list is sorted, so two runs over the
// same corpus give the same bytes.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "policygraph/report_format.h"

namespace policygraph {
namespace {

// Lists longer than this are cut in the report; the CSV files hold all.
constexpr size_t kMaxRows = 200;
constexpr int kBarWidth = 20;
constexpr int kLineageDepth = 4;

// Text inside a Markdown table cell or list item: the pipe would end the
// cell, a line break the row, and < > & would be read as HTML.
std::string Md(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '|':
        out += "\\|";
        break;
      case '\\':
      case '*':
      case '_':
      case '`':
      case '[':
      case ']':
        out += '\\';
        out += c;
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\n':
      case '\r':
      case '\t':
        out += ' ';
        break;
      default:
        out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
  }
  return out;
}

std::string Percent(size_t part, size_t whole) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.0f%%",
                whole ? 100.0 * part / whole : 0.0);
  return buffer;
}

std::string Bar(size_t part, size_t whole) {
  int full =
      whole ? static_cast<int>((kBarWidth * part + whole / 2) / whole) : 0;
  std::string out;
  for (int i = 0; i < kBarWidth; ++i) out += i < full ? "█" : "░";
  return out;
}

bool IsReferenceRelation(Relation r) {
  return r != Relation::kPartOf && r != Relation::kAligned &&
         r != Relation::kCounterpart;
}

std::string Name(const GraphNode& node) {
  if (node.kind == NodeKind::kExternal)
    return node.title.empty() ? node.id : node.title;
  return node.id + " " + node.title;
}

void Summary(const Corpus& corpus, const PolicyGraph& graph, std::string& out) {
  size_t documents = 0, references = 0, self = 0;
  for (const ParsedFile& f : corpus.files) {
    documents += f.documents.size();
    references += f.references.size();
    for (const Reference& r : f.references) self += r.self;
  }
  out += "## Corpus\n\n";
  out += "| | |\n|---|---|\n";
  out += "| files | " + std::to_string(corpus.files.size()) + " |\n";
  out += "| documents | " + std::to_string(documents) + " |\n";
  out += "| references | " + std::to_string(references) + " (" +
         std::to_string(self) + " to the citing document itself) |\n";
  out += "| cited documents outside the corpus | " +
         std::to_string(corpus.externals.size()) + " |\n";
  out += "| graph | " + std::to_string(graph.NodeCount()) + " nodes, " +
         std::to_string(graph.EdgeCount()) + " edges |\n\n";
}

void DocumentsByIssuer(const Corpus& corpus, std::string& out) {
  // Level first (national above municipal above district), then issuer.
  std::map<std::pair<int, std::string>, size_t> counts;
  for (const ParsedFile& f : corpus.files)
    for (const Document& d : f.documents)
      ++counts[{static_cast<int>(d.level),
                d.issuer.empty() ? std::string("(unknown)") : d.issuer}];
  out += "## Documents by level and issuer\n\n";
  out += "| level | issuer | documents |\n|---|---|---|\n";
  for (const auto& [key, n] : counts)
    out += "| " + std::string(LevelName(static_cast<Level>(key.first))) +
           " | " + Md(key.second) + " | " + std::to_string(n) + " |\n";
  out += "\n";
}

void MostCited(const PolicyGraph& graph, std::string& out) {
  struct Row {
    size_t citing;
    NodeId node;
  };
  std::vector<Row> rows;
  for (NodeId node : graph.Nodes()) {
    if (graph.Node(node).kind == NodeKind::kDirective) continue;
    std::set<uint32_t> citing;
    for (const PolicyGraph::EdgeRef& e :
         graph.InEdges(node, RelationSet::All()))
      if (IsReferenceRelation(e.edge->relation) && e.source != node)
        citing.insert(e.source.value);
    if (!citing.empty()) rows.push_back({citing.size(), node});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return a.citing > b.citing;
  });
  out += "## Most-cited documents\n\n";
  out += "| cited by | document | level |\n|---|---|---|\n";
  for (size_t i = 0; i < rows.size() && i < 15; ++i) {
    const GraphNode& n = graph.Node(rows[i].node);
    out += "| " + std::to_string(rows[i].citing) + " | " + Md(Name(n)) + " | " +
           std::string(LevelName(n.level)) + " |\n";
  }
  out += "\n";
}

// One line per chain from a district or department document to the
// farthest ancestor on each branch: district → municipal → national.
void LineageChains(const PolicyGraph& graph, std::string& out) {
  out += "## Lineage chains\n\n";
  size_t rows = 0;
  for (NodeId node : graph.Nodes()) {
    const GraphNode& root = graph.Node(node);
    if (root.kind != NodeKind::kDocument ||
        (root.level != Level::kDistrict && root.level != Level::kDepartment))
      continue;
    LineageOptions options;
    options.max_depth = kLineageDepth;
    LineageReport report = TraceLineage(graph, node, options);
    std::vector<bool> has_child(report.ancestors.size(), false);
    for (const LineageStep& s : report.ancestors)
      if (s.parent >= 0) has_child[s.parent] = true;
    for (size_t i = 0; i < report.ancestors.size(); ++i) {
      if (has_child[i]) continue;
      // Only chains that climb: a district plan resting on another district
      // plan is lineage, but not the kind this section is for.
      if (report.ancestors[i].level != Level::kMunicipal &&
          report.ancestors[i].level != Level::kNational)
        continue;
      std::vector<size_t> path;
      for (int s = static_cast<int>(i); s >= 0; s = report.ancestors[s].parent)
        path.push_back(s);
      std::string line = "- " + Md(root.id + " " + root.title);
      for (auto it = path.rbegin(); it != path.rend(); ++it) {
        const LineageStep& s = report.ancestors[*it];
        line += " —" + std::string(RelationName(s.relation)) + "→ " +
                Md(s.title.empty() ? s.id : s.title) + " (" +
                std::string(LevelName(s.level)) + ")";
      }
      if (++rows <= kMaxRows) out += line + "\n";
    }
  }
  if (rows == 0) out += "(none)\n";
  if (rows > kMaxRows)
    out += "- … and " + std::to_string(rows - kMaxRows) + " more\n";
  out += "\n";
}

void Coverage(const std::vector<CoverageReport>& coverage, std::string& out) {
  out += "## Coverage of parent directives\n\n";
  if (coverage.empty()) out += "(no parent with implementing documents)\n\n";
  for (const CoverageReport& r : coverage) {
    out += "### " + Md(r.parent + " " + r.parent_title) + "\n\n";
    std::string children;
    for (const std::string& c : r.children)
      children += (children.empty() ? "" : ", ") + c;
    out += "Implemented by " + Md(children) + "\n\n";
    out += "`" + Bar(r.covered, r.total) + "` " + std::to_string(r.covered) +
           " of " + std::to_string(r.total) + " directives (" +
           Percent(r.covered, r.total) + ")\n\n";
    for (const DirectiveCoverage& d : r.directives)
      if (d.implemented_by.empty())
        out += "- not carried out: " + Md(d.id + " " + d.heading) + " (" +
               Md(d.file) + ":" + std::to_string(d.line) + ")\n";
    out += "\n";
  }
}

void Orphans(const OrphanReport& report, std::string& out) {
  out += "## Orphans\n\n| kind | count |\n|---|---|\n";
  for (OrphanKind k :
       {OrphanKind::kUncovered, OrphanKind::kDraft, OrphanKind::kDangling,
        OrphanKind::kRepealed, OrphanKind::kAnachronism, OrphanKind::kIsolated})
    out += "| " + std::string(OrphanKindName(k)) + " | " +
           std::to_string(report.Count(k)) + " |\n";
  out += "\n";
  size_t n = 0;
  for (const Orphan& o : report.orphans) {
    if (++n > kMaxRows) break;
    out += "- **" + std::string(OrphanKindName(o.kind)) + "** " +
           Md(o.document) + " " + Md(o.subject) + " " + Md(o.title) + " — " +
           Md(o.detail) + " (" + Md(o.file) + ":" + std::to_string(o.line) +
           ")\n";
  }
  if (report.orphans.size() > kMaxRows)
    out += "- … and " + std::to_string(report.orphans.size() - kMaxRows) +
           " more in orphans.csv\n";
  out += "\n";
}

}  // namespace

std::string FormatAuditMarkdown(const Corpus& corpus, const PolicyGraph& graph,
                                const std::vector<CoverageReport>& coverage,
                                const OrphanReport& orphans) {
  std::string out = "# Policy graph audit\n\n";
  Summary(corpus, graph, out);
  DocumentsByIssuer(corpus, out);
  MostCited(graph, out);
  LineageChains(graph, out);
  Coverage(coverage, out);
  Orphans(orphans, out);
  return out;
}

}  // namespace policygraph

// The audit report in Markdown: what an audit office reads first — the
// corpus, who issued what, which documents everything rests on, the chains
// from district to national level, how much of each parent was carried out
// and what was left behind.  The rows come from SummarizeAudit; this file
// only prints them.
#include <string>

#include "policygraph/audit_summary.h"
#include "policygraph/report_format.h"

namespace policygraph {
namespace {

constexpr int kBarWidth = 20;

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

std::string Bar(size_t part, size_t whole) {
  int full =
      whole ? static_cast<int>((kBarWidth * part + whole / 2) / whole) : 0;
  std::string out;
  for (int i = 0; i < kBarWidth; ++i) out += i < full ? "█" : "░";
  return out;
}

std::string Name(const AuditSummary::CitedRow& row) {
  if (row.kind == NodeKind::kExternal)
    return row.title.empty() ? row.id : row.title;
  return row.id + " " + row.title;
}

void Summary(const AuditSummary::Totals& t, std::string& out) {
  out += "## Corpus\n\n";
  out += "| | |\n|---|---|\n";
  out += "| files | " + std::to_string(t.files) + " |\n";
  out += "| documents | " + std::to_string(t.documents) + " |\n";
  out += "| references | " + std::to_string(t.references) + " (" +
         std::to_string(t.self_references) +
         " to the citing document itself) |\n";
  out += "| cited documents outside the corpus | " +
         std::to_string(t.externals) + " |\n";
  out += "| graph | " + std::to_string(t.nodes) + " nodes, " +
         std::to_string(t.edges) + " edges |\n\n";
}

void DocumentsByIssuer(const AuditSummary& s, std::string& out) {
  out += "## Documents by level and issuer\n\n";
  out += "| level | issuer | documents |\n|---|---|---|\n";
  for (const AuditSummary::IssuerRow& row : s.issuers)
    out += "| " + std::string(LevelName(row.level)) + " | " + Md(row.issuer) +
           " | " + std::to_string(row.documents) + " |\n";
  out += "\n";
}

void MostCited(const AuditSummary& s, std::string& out) {
  out += "## Most-cited documents\n\n";
  out += "| cited by | document | level |\n|---|---|---|\n";
  for (const AuditSummary::CitedRow& row : s.most_cited)
    out += "| " + std::to_string(row.cited_by) + " | " + Md(Name(row)) + " | " +
           std::string(LevelName(row.level)) + " |\n";
  out += "\n";
}

void LineageChains(const AuditSummary& s, std::string& out) {
  out += "## Lineage chains\n\n";
  for (const AuditSummary::Chain& chain : s.chains) {
    std::string line = "- " + Md(chain.root_id + " " + chain.root_title);
    for (const AuditSummary::ChainStep& step : chain.steps)
      line += " —" + std::string(RelationName(step.relation)) + "→ " +
              Md(step.name) + " (" + std::string(LevelName(step.level)) + ")";
    out += line + "\n";
  }
  if (s.chain_count == 0) out += "(none)\n";
  if (s.chain_count > s.chains.size())
    out += "- … and " + std::to_string(s.chain_count - s.chains.size()) +
           " more\n";
  out += "\n";
}

void Coverage(const AuditSummary& s, std::string& out) {
  out += "## Coverage of parent directives\n\n";
  if (s.coverage.empty()) out += "(no parent with implementing documents)\n\n";
  for (const AuditSummary::ParentCoverage& p : s.coverage) {
    out += "### " + Md(p.parent + " " + p.parent_title) + "\n\n";
    std::string children;
    for (const std::string& c : p.children)
      children += (children.empty() ? "" : ", ") + c;
    out += "Implemented by " + Md(children) + "\n\n";
    // "`" + Bar(…) would trip GCC 12's false -Wrestrict (bug 105329).
    out += '`';
    out += Bar(p.covered, p.total) + "` " + std::to_string(p.covered) + " of " +
           std::to_string(p.total) + " directives (" + p.percent + ")\n\n";
    for (const AuditSummary::Uncovered& d : p.uncovered)
      out += "- not carried out: " + Md(d.id + " " + d.heading) + " (" +
             Md(d.file) + ":" + std::to_string(d.line) + ")\n";
    out += "\n";
  }
}

void Orphans(const AuditSummary& s, std::string& out) {
  out += "## Orphans\n\n| kind | count |\n|---|---|\n";
  for (const auto& [kind, count] : s.orphan_counts)
    out += "| " + std::string(OrphanKindName(kind)) + " | " +
           std::to_string(count) + " |\n";
  out += "\n";
  for (const Orphan& o : s.orphans)
    out += "- **" + std::string(OrphanKindName(o.kind)) + "** " +
           Md(o.document) + " " + Md(o.subject) + " " + Md(o.title) + " — " +
           Md(o.detail) + " (" + Md(o.file) + ":" + std::to_string(o.line) +
           ")\n";
  if (s.orphan_count > s.orphans.size())
    out += "- … and " + std::to_string(s.orphan_count - s.orphans.size()) +
           " more in orphans.csv\n";
  out += "\n";
}

}  // namespace

std::string FormatAuditMarkdown(const AuditSummary& summary) {
  std::string out = "# Policy graph audit\n\n";
  Summary(summary.corpus, out);
  DocumentsByIssuer(summary, out);
  MostCited(summary, out);
  LineageChains(summary, out);
  Coverage(summary, out);
  Orphans(summary, out);
  return out;
}

std::string FormatAuditMarkdown(const Corpus& corpus, const PolicyGraph& graph,
                                const std::vector<CoverageReport>& coverage,
                                const OrphanReport& orphans) {
  return FormatAuditMarkdown(SummarizeAudit(corpus, graph, coverage, orphans));
}

}  // namespace policygraph

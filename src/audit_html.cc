// The audit report as one self-contained HTML page (report.html): the same
// sections as report.md, for people who open a browser rather than a
// Markdown viewer.  Inline CSS only — no script, no font or image from the
// network — so the file can be mailed or archived and still reads the same.
#include <string>

#include "policygraph/audit_summary.h"
#include "policygraph/report_format.h"

#include "safe_text.h"

namespace policygraph {
namespace {

// Noto Sans CJK first: it is what fonts-noto-cjk installs and covers every
// character of the gazettes; the rest are what Windows and macOS readers
// have instead.
constexpr std::string_view kStyle = R"css(
body {
  font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
    "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif;
  color: #1f2328; background: #fff; line-height: 1.6;
  max-width: 72rem; margin: 0 auto; padding: 1.5rem 2rem 3rem;
}
h1 { font-size: 1.8rem; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem;
  border-bottom: 1px solid #d0d7de; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
nav { font-size: .9rem; color: #57606a; }
nav a { color: #0969da; margin-right: 1rem; text-decoration: none; }
table { border-collapse: collapse; margin: .6rem 0 1rem; }
th, td { border: 1px solid #d0d7de; padding: .3rem .7rem; text-align: left;
  vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; white-space: nowrap; }
tbody tr:nth-child(even) { background: #fafbfc; }
.num { text-align: right; font-variant-numeric: tabular-nums;
  white-space: nowrap; }
.id { color: #57606a; white-space: nowrap; }
.where { color: #57606a; font-size: .85em; overflow-wrap: anywhere; }
.level { display: inline-block; padding: 0 .5rem; border-radius: .7rem;
  font-size: .8em; background: #eaeef2; white-space: nowrap; }
.level-national { background: #ffebe9; }
.level-municipal { background: #fff8c5; }
.level-district { background: #dafbe1; }
.level-department { background: #ddf4ff; }
.rel { color: #8250df; font-size: .85em; white-space: nowrap; }
.kind { font-weight: 600; white-space: nowrap; }
ul.chains > li { margin: .6rem 0 .2rem; font-weight: 600; }
ul.chains ul { margin: .1rem 0; padding-left: 1.4rem; list-style: none;
  font-weight: normal; }
ul.chains ul li { margin: .1rem 0; }
.bar { display: inline-block; width: 12rem; height: .8rem; margin-right: .6rem;
  vertical-align: middle; background: #eaeef2; border-radius: .2rem;
  overflow: hidden; }
.bar > span { display: block; height: 100%; background: #2da44e; }
.more, .none { color: #57606a; font-style: italic; }
)css";

std::string H(std::string_view text) {
  return internal::SafeText(text, internal::TextUse::kHtml);
}

std::string Num(size_t n) { return std::to_string(n); }

std::string LevelBadge(Level level) {
  const std::string name(LevelName(level));
  return "<span class=\"level level-" + name + "\">" + name + "</span>";
}

// A document as "<number> title", the number greyed; an external node by
// its title alone (its id is the same title, or a number).
std::string DocumentName(std::string_view id, std::string_view title,
                         NodeKind kind) {
  if (kind == NodeKind::kExternal) return H(title.empty() ? id : title);
  std::string out = "<span class=\"id\">" + H(id) + "</span>";
  if (title.empty()) return out;
  // Appended piecewise: GCC 12 warns (-Wrestrict, bug 105329) about
  // " " + std::string&&.
  out += ' ';
  out += H(title);
  return out;
}

std::string Where(std::string_view file, uint32_t line) {
  return "<span class=\"where\">" + H(file) + ":" + std::to_string(line) +
         "</span>";
}

void Summary(const AuditSummary::Totals& t, std::string& out) {
  out += "<section id=\"corpus\">\n<h2>Corpus</h2>\n<table>\n<tbody>\n";
  auto row = [&out](std::string_view label, const std::string& value) {
    out += "<tr><th scope=\"row\">" + std::string(label) +
           "</th><td class=\"num\">" + value + "</td></tr>\n";
  };
  row("files", Num(t.files));
  row("documents", Num(t.documents));
  row("references", Num(t.references) + " (" + Num(t.self_references) +
                        " to the citing document itself)");
  row("cited documents outside the corpus", Num(t.externals));
  row("graph", Num(t.nodes) + " nodes, " + Num(t.edges) + " edges");
  out += "</tbody>\n</table>\n</section>\n";
}

void DocumentsByIssuer(const AuditSummary& s, std::string& out) {
  out += "<section id=\"issuers\">\n<h2>Documents by level and issuer</h2>\n";
  out +=
      "<table>\n<thead><tr><th>level</th><th>issuer</th>"
      "<th class=\"num\">documents</th></tr></thead>\n<tbody>\n";
  for (const AuditSummary::IssuerRow& row : s.issuers)
    out += "<tr><td>" + LevelBadge(row.level) + "</td><td>" + H(row.issuer) +
           "</td><td class=\"num\">" + Num(row.documents) + "</td></tr>\n";
  out += "</tbody>\n</table>\n</section>\n";
}

void MostCited(const AuditSummary& s, std::string& out) {
  out += "<section id=\"most-cited\">\n<h2>Most-cited documents</h2>\n";
  out +=
      "<table>\n<thead><tr><th class=\"num\">cited by</th><th>document</th>"
      "<th>level</th></tr></thead>\n<tbody>\n";
  for (const AuditSummary::CitedRow& row : s.most_cited)
    out += "<tr><td class=\"num\">" + Num(row.cited_by) + "</td><td>" +
           DocumentName(row.id, row.title, row.kind) + "</td><td>" +
           LevelBadge(row.level) + "</td></tr>\n";
  out += "</tbody>\n</table>\n</section>\n";
}

// Chains of one root are consecutive in the summary; the root is printed
// once with its chains under it, which reads far better than the same long
// district title repeated on every line.
void LineageChains(const AuditSummary& s, std::string& out) {
  out += "<section id=\"lineage\">\n<h2>Lineage chains</h2>\n";
  if (s.chains.empty()) out += "<p class=\"none\">(none)</p>\n";
  if (!s.chains.empty()) out += "<ul class=\"chains\">\n";
  for (size_t i = 0; i < s.chains.size(); ++i) {
    const AuditSummary::Chain& chain = s.chains[i];
    const bool first = i == 0 || s.chains[i - 1].root_id != chain.root_id;
    const bool last =
        i + 1 == s.chains.size() || s.chains[i + 1].root_id != chain.root_id;
    if (first)
      out +=
          "<li>" +
          DocumentName(chain.root_id, chain.root_title, NodeKind::kDocument) +
          "\n<ul>\n";
    out += "<li>";
    for (size_t j = 0; j < chain.steps.size(); ++j) {
      const AuditSummary::ChainStep& step = chain.steps[j];
      if (j > 0) out += ' ';
      out += "<span class=\"rel\">—" +
             std::string(RelationName(step.relation)) + "→</span> " +
             H(step.name) + " " + LevelBadge(step.level);
    }
    out += "</li>\n";
    if (last) out += "</ul>\n</li>\n";
  }
  if (!s.chains.empty()) out += "</ul>\n";
  if (s.chain_count > s.chains.size())
    out += "<p class=\"more\">… and " + Num(s.chain_count - s.chains.size()) +
           " more</p>\n";
  out += "</section>\n";
}

// The bar is a box whose inner width is the covered share; the percentage
// is printed beside it, so the figure survives printing in black and white.
std::string Bar(const AuditSummary::ParentCoverage& p) {
  const size_t tenths = p.total ? 1000 * p.covered / p.total : 0;
  return "<span class=\"bar\" role=\"img\" aria-label=\"" + p.percent +
         "\"><span style=\"width:" + Num(tenths / 10) + "." + Num(tenths % 10) +
         "%\"></span></span>";
}

// Document ids, each kept on one line.
std::string JoinedIds(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    if (!out.empty()) out += ", ";
    out += "<span class=\"id\">" + H(id) + "</span>";
  }
  return out;
}

void Coverage(const AuditSummary& s, std::string& out) {
  out += "<section id=\"coverage\">\n<h2>Coverage of parent directives</h2>\n";
  if (s.coverage.empty()) {
    out +=
        "<p class=\"none\">(no parent with implementing documents)</p>\n"
        "</section>\n";
    return;
  }
  out +=
      "<table>\n<thead><tr><th>parent</th><th>implemented by</th>"
      "<th>directives carried out</th></tr></thead>\n<tbody>\n";
  for (const AuditSummary::ParentCoverage& p : s.coverage)
    out += "<tr><td>" +
           DocumentName(p.parent, p.parent_title, NodeKind::kDocument) +
           "</td><td>" + JoinedIds(p.children) + "</td><td class=\"num\">" +
           Bar(p) + Num(p.covered) + " of " + Num(p.total) + " (" + p.percent +
           ")</td></tr>\n";
  out += "</tbody>\n</table>\n";
  for (const AuditSummary::ParentCoverage& p : s.coverage) {
    if (p.uncovered.empty()) continue;
    out += "<h3>Not carried out: " +
           DocumentName(p.parent, p.parent_title, NodeKind::kDocument) +
           "</h3>\n<ul>\n";
    for (const AuditSummary::Uncovered& d : p.uncovered)
      out += "<li><span class=\"id\">" + H(d.id) + "</span> " + H(d.heading) +
             " " + Where(d.file, d.line) + "</li>\n";
    out += "</ul>\n";
  }
  out += "</section>\n";
}

void Orphans(const AuditSummary& s, std::string& out) {
  out += "<section id=\"orphans\">\n<h2>Orphans</h2>\n";
  out +=
      "<table>\n<thead><tr><th>kind</th><th class=\"num\">count</th></tr>"
      "</thead>\n<tbody>\n";
  for (const auto& [kind, count] : s.orphan_counts)
    out += "<tr><td>" + std::string(OrphanKindName(kind)) +
           "</td><td class=\"num\">" + Num(count) + "</td></tr>\n";
  out += "</tbody>\n</table>\n";
  if (!s.orphans.empty())
    out +=
        "<table>\n<thead><tr><th>kind</th><th>document</th><th>subject</th>"
        "<th>title</th><th>detail</th><th>where</th></tr></thead>\n<tbody>\n";
  for (const Orphan& o : s.orphans)
    out += "<tr><td class=\"kind\">" + std::string(OrphanKindName(o.kind)) +
           "</td><td class=\"id\">" + H(o.document) + "</td><td>" +
           H(o.subject) + "</td><td>" + H(o.title) + "</td><td>" + H(o.detail) +
           "</td><td>" + Where(o.file, o.line) + "</td></tr>\n";
  if (!s.orphans.empty()) out += "</tbody>\n</table>\n";
  if (s.orphan_count > s.orphans.size())
    out += "<p class=\"more\">… and " + Num(s.orphan_count - s.orphans.size()) +
           " more in orphans.csv</p>\n";
  out += "</section>\n";
}

}  // namespace

std::string FormatAuditHtml(const AuditSummary& summary) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n<title>Policy graph audit</title>\n<style>";
  out += kStyle;
  out +=
      "</style>\n</head>\n<body>\n<h1>Policy graph audit</h1>\n<nav>"
      "<a href=\"#corpus\">Corpus</a><a href=\"#issuers\">Issuers</a>"
      "<a href=\"#most-cited\">Most cited</a><a href=\"#lineage\">Lineage</a>"
      "<a href=\"#coverage\">Coverage</a><a href=\"#orphans\">Orphans</a>"
      "</nav>\n";
  Summary(summary.corpus, out);
  DocumentsByIssuer(summary, out);
  MostCited(summary, out);
  LineageChains(summary, out);
  Coverage(summary, out);
  Orphans(summary, out);
  out += "</body>\n</html>\n";
  return out;
}

std::string FormatAuditHtml(const Corpus& corpus, const PolicyGraph& graph,
                            const std::vector<CoverageReport>& coverage,
                            const OrphanReport& orphans) {
  return FormatAuditHtml(SummarizeAudit(corpus, graph, coverage, orphans));
}

}  // namespace policygraph

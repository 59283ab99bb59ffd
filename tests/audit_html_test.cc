// The HTML audit report: every section, the corpus figures it prints, a bar
// per parent, corpus text that would close a cell or open a script, and
// markup that a parser reads back as the tree it was written as.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "policygraph/audit_summary.h"
#include "policygraph/orphans.h"
#include "policygraph/pipeline.h"
#include "policygraph/report_format.h"

namespace policygraph {
namespace {

constexpr char kHostile[] =
    "</td><script>alert(1)</script> & \"=x\" 'y'\x1b\xff";

// The bundled corpus through the whole pipeline, once for every test.
struct Built {
  Corpus corpus;
  PolicyGraph graph;
  std::vector<CoverageReport> coverage;
  OrphanReport orphans;
};

const Built& BundledCorpus() {
  static const Built* built = [] {
    auto* b = new Built;
    b->corpus = LoadCorpus({PG_CORPUS_DIR});
    b->graph = BuildGraph(b->corpus, &b->coverage);
    b->orphans = FindOrphans(b->corpus, b->graph, b->coverage);
    return b;
  }();
  return *built;
}

// A summary with one hostile text in every field that comes from a corpus.
AuditSummary HostileSummary() {
  AuditSummary s;
  s.issuers.push_back({Level::kDistrict, kHostile, 2});
  s.most_cited.push_back(
      {3, kHostile, kHostile, NodeKind::kDocument, Level::kMunicipal});
  s.chains.push_back(
      {kHostile, kHostile, {{Relation::kBasis, kHostile, Level::kNational}}});
  s.chain_count = 1;
  AuditSummary::ParentCoverage p;
  p.parent = kHostile;
  p.parent_title = kHostile;
  p.children = {kHostile};
  p.covered = 3;
  p.total = 4;
  p.percent = "75%";
  p.uncovered.push_back({kHostile, kHostile, kHostile, 7});
  s.coverage.push_back(p);
  Orphan o;
  o.kind = OrphanKind::kDangling;
  o.document = o.subject = o.title = o.file = o.detail = kHostile;
  o.line = 9;
  s.orphans.push_back(o);
  s.orphan_count = 1;
  return s;
}

std::string Figure(std::string_view label, const std::string& value) {
  return "<th scope=\"row\">" + std::string(label) + "</th><td class=\"num\">" +
         value + "</td>";
}

// Tag balance as an HTML parser sees it: void elements close themselves,
// <style> is raw text up to </style>, every & starts a character reference
// and no < or > stands alone in text.  Returns "" or what is wrong.
std::string CheckMarkup(const std::string& html) {
  const std::vector<std::string> kVoid = {"meta", "br", "hr", "img", "link"};
  std::vector<std::string> open;
  for (size_t i = 0; i < html.size();) {
    const char c = html[i];
    if (c == '>') return "stray > at " + std::to_string(i);
    if (c == '&') {
      size_t j = i + 1;
      if (j < html.size() && html[j] == '#') ++j;
      while (j < html.size() &&
             std::isalnum(static_cast<unsigned char>(html[j])))
        ++j;
      if (j == i + 1 || j >= html.size() || html[j] != ';')
        return "bare & at " + std::to_string(i);
      i = j + 1;
      continue;
    }
    if (c != '<') {
      ++i;
      continue;
    }
    const size_t end = html.find('>', i);
    if (end == std::string::npos) return "unclosed tag at " + std::to_string(i);
    std::string tag = html.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag.rfind("!DOCTYPE", 0) == 0) continue;
    if (tag.find('<') != std::string::npos) return "< inside tag " + tag;
    const bool closing = !tag.empty() && tag[0] == '/';
    std::string name =
        tag.substr(closing, tag.find_first_of(" /", closing) - closing);
    if (name.empty()) return "empty tag at " + std::to_string(end);
    if (closing) {
      if (open.empty() || open.back() != name)
        return "</" + name + "> closes <" +
               (open.empty() ? std::string("nothing") : open.back()) + ">";
      open.pop_back();
      continue;
    }
    if (std::find(kVoid.begin(), kVoid.end(), name) != kVoid.end()) continue;
    open.push_back(name);
    if (name == "style") {
      i = html.find("</style>", i);
      if (i == std::string::npos) return "unclosed <style>";
    }
  }
  return open.empty() ? "" : "<" + open.back() + "> never closed";
}

TEST(AuditHtml, IsOneSelfContainedUtf8PageInChinese) {
  const std::string html = FormatAuditHtml(HostileSummary());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"zh\">", 0), 0u);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("\"Noto Sans CJK SC\""), std::string::npos);
  // Nothing to fetch: no script, no external style, font or image.
  for (const char* remote :
       {"<script", "<link", "src=", "http:", "https:", "@import", "url("})
    EXPECT_EQ(html.find(remote), std::string::npos) << remote;
}

TEST(AuditHtml, HasEverySectionOfTheMarkdownReport) {
  const Built& b = BundledCorpus();
  const std::string html =
      FormatAuditHtml(b.corpus, b.graph, b.coverage, b.orphans);
  for (const char* section :
       {"<h2>Corpus</h2>", "<h2>Documents by level and issuer</h2>",
        "<h2>Most-cited documents</h2>", "<h2>Lineage chains</h2>",
        "<h2>Coverage of parent directives</h2>", "<h2>Orphans</h2>"})
    EXPECT_NE(html.find(section), std::string::npos) << section;
}

TEST(AuditHtml, PrintsTheCorpusFigures) {
  const Built& b = BundledCorpus();
  size_t documents = 0, references = 0, self = 0;
  for (const ParsedFile& f : b.corpus.files) {
    documents += f.documents.size();
    references += f.references.size();
    for (const Reference& r : f.references) self += r.self;
  }
  ASSERT_GT(documents, 0u);
  const std::string html =
      FormatAuditHtml(b.corpus, b.graph, b.coverage, b.orphans);
  EXPECT_NE(html.find(Figure("files", std::to_string(b.corpus.files.size()))),
            std::string::npos);
  EXPECT_NE(html.find(Figure("documents", std::to_string(documents))),
            std::string::npos);
  EXPECT_NE(
      html.find(Figure("references", std::to_string(references) + " (" +
                                         std::to_string(self) +
                                         " to the citing document itself)")),
      std::string::npos);
  EXPECT_NE(html.find(Figure(
                "graph", std::to_string(b.graph.NodeCount()) + " nodes, " +
                             std::to_string(b.graph.EdgeCount()) + " edges")),
            std::string::npos);
  for (const CoverageReport& r : b.coverage)
    EXPECT_NE(html.find(std::to_string(r.covered) + " of " +
                        std::to_string(r.total) + " ("),
              std::string::npos)
        << r.parent;
  EXPECT_NE(html.find("<td>dangling</td><td class=\"num\">" +
                      std::to_string(b.orphans.Count(OrphanKind::kDangling)) +
                      "</td>"),
            std::string::npos);
}

TEST(AuditHtml, DrawsABarPerParentWithThePercentageAsText) {
  const Built& b = BundledCorpus();
  const std::string html =
      FormatAuditHtml(b.corpus, b.graph, b.coverage, b.orphans);
  size_t bars = 0;
  for (size_t at = html.find("<span class=\"bar\""); at != std::string::npos;
       at = html.find("<span class=\"bar\"", at + 1))
    ++bars;
  EXPECT_EQ(bars, b.coverage.size());
  // 3 of 4: the inner box is three quarters wide.
  const std::string hostile = FormatAuditHtml(HostileSummary());
  EXPECT_NE(hostile.find("aria-label=\"75%\"><span style=\"width:75.0%\">"
                         "</span></span>3 of 4 (75%)"),
            std::string::npos)
      << hostile;
}

TEST(AuditHtml, HostileCorpusTextIsPrintedAsText) {
  const std::string html = FormatAuditHtml(HostileSummary());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("</td><script"), std::string::npos);
  EXPECT_EQ(html.find("\"=x\""), std::string::npos);
  EXPECT_EQ(html.find('\x1b'), std::string::npos);
  EXPECT_EQ(html.find('\xff'), std::string::npos);
  EXPECT_NE(
      html.find("&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt; "
                "&amp; &quot;=x&quot; &#39;y&#39;\xEF\xBF\xBD\xEF\xBF\xBD"),
      std::string::npos)
      << html;
}

TEST(AuditHtml, ParsesBackAsBalancedMarkup) {
  EXPECT_EQ(CheckMarkup(FormatAuditHtml(HostileSummary())), "");
  const Built& b = BundledCorpus();
  EXPECT_EQ(
      CheckMarkup(FormatAuditHtml(b.corpus, b.graph, b.coverage, b.orphans)),
      "");
  EXPECT_EQ(CheckMarkup(FormatAuditHtml(AuditSummary{})), "");
}

TEST(AuditHtml, CheckMarkupCatchesWhatItIsFor) {
  EXPECT_NE(CheckMarkup("<p><b>x</p></b>"), "");
  EXPECT_NE(CheckMarkup("<td>a < b</td>"), "");
  EXPECT_NE(CheckMarkup("<td>R&D</td>"), "");
  EXPECT_NE(CheckMarkup("<table><tr>"), "");
  EXPECT_EQ(CheckMarkup("<style>a > b {}</style><p>&amp;&#39;</p>"), "");
}

TEST(AuditHtml, IsByteStable) {
  const Built& b = BundledCorpus();
  const AuditSummary summary =
      SummarizeAudit(b.corpus, b.graph, b.coverage, b.orphans);
  const std::string html = FormatAuditHtml(summary);
  EXPECT_EQ(html, FormatAuditHtml(summary));
  EXPECT_EQ(html, FormatAuditHtml(b.corpus, b.graph, b.coverage, b.orphans));
}

}  // namespace
}  // namespace policygraph

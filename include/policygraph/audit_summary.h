// policygraph — the content of the audit report, computed once and printed
// by several renderers (report.md, report.html).
//
// SummarizeAudit walks the corpus, the graph, the coverage reports and the
// orphans and keeps the rows of each section of the report; for the
// bundled corpus:
//
//   corpus         5 files, 36 documents, 237 references (27 self), …
//   issuers        district | 重庆市合川区人民政府 | 12
//   most_cited     7 | 成渝地区双城经济圈建设规划纲要 | unknown
//   chains         合川府发〔2023〕2号 合川区综合立体交通网规划纲要…
//                    —implements→ 国家综合立体交通网规划纲要 (national)
//   coverage       渝府发〔2023〕7号 … 13 of 15 directives (87%)
//   orphan_counts  uncovered 5, draft 17, dangling 0, …
//
// Invariants: every list is in a fixed order (level then issuer; cited-by
// count descending then graph order; graph order; coverage report order;
// orphan report order), so the same input gives the same summary and the
// renderers the same bytes.  Text is copied as found: each renderer makes
// it safe for its own syntax.  Long lists are cut at kMaxAuditRows with the
// full count kept beside them.
#ifndef POLICYGRAPH_AUDIT_SUMMARY_H_
#define POLICYGRAPH_AUDIT_SUMMARY_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "policygraph/coverage.h"
#include "policygraph/graph.h"
#include "policygraph/orphans.h"
#include "policygraph/pipeline.h"

namespace policygraph {

// Lists longer than this are cut in the report; the CSV files hold all.
inline constexpr size_t kMaxAuditRows = 200;
// The most-cited table shows the head of the ranking only.
inline constexpr size_t kMaxMostCited = 15;

struct AuditSummary {
  struct Totals {
    size_t files = 0;
    size_t documents = 0;
    size_t references = 0;
    size_t self_references = 0;  // a document citing itself
    size_t externals = 0;        // cited documents outside the corpus
    size_t nodes = 0;
    size_t edges = 0;
  };
  struct IssuerRow {
    Level level = Level::kUnknown;
    std::string issuer;  // "(unknown)" when the header named none
    size_t documents = 0;
  };
  struct CitedRow {
    size_t cited_by = 0;  // distinct citing nodes
    std::string id;
    std::string title;
    NodeKind kind = NodeKind::kDocument;
    Level level = Level::kUnknown;
  };
  // One step up a lineage chain: "—relation→ name (level)".
  struct ChainStep {
    Relation relation = Relation::kMentions;
    std::string name;  // title, or the id when there is no title
    Level level = Level::kUnknown;
  };
  // From a district or department document to the farthest municipal or
  // national ancestor on one branch.
  struct Chain {
    std::string root_id;
    std::string root_title;
    std::vector<ChainStep> steps;
  };
  struct Uncovered {
    std::string id;
    std::string heading;
    std::string file;
    uint32_t line = 0;
  };
  struct ParentCoverage {
    std::string parent;
    std::string parent_title;
    std::vector<std::string> children;
    size_t covered = 0;
    size_t total = 0;
    std::string percent;               // "75%", rounded once for every renderer
    std::vector<Uncovered> uncovered;  // parent directives nobody carried out
  };

  Totals corpus;
  std::vector<IssuerRow> issuers;
  std::vector<CitedRow> most_cited;
  std::vector<Chain> chains;  // at most kMaxAuditRows
  size_t chain_count = 0;     // before the cut
  std::vector<ParentCoverage> coverage;
  std::vector<std::pair<OrphanKind, size_t>> orphan_counts;  // every kind
  std::vector<Orphan> orphans;  // at most kMaxAuditRows
  size_t orphan_count = 0;      // before the cut
};

AuditSummary SummarizeAudit(const Corpus& corpus, const PolicyGraph& graph,
                            const std::vector<CoverageReport>& coverage,
                            const OrphanReport& orphans);

}  // namespace policygraph

#endif  // POLICYGRAPH_AUDIT_SUMMARY_H_

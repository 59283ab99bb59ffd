// The rows of the audit report, gathered once for every renderer.
#include "policygraph/audit_summary.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "policygraph/lineage.h"

namespace policygraph {
namespace {

constexpr int kLineageDepth = 4;

bool IsReferenceRelation(Relation r) {
  return r != Relation::kPartOf && r != Relation::kAligned &&
         r != Relation::kCounterpart;
}

std::string Percent(size_t part, size_t whole) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.0f%%",
                whole ? 100.0 * part / whole : 0.0);
  return buffer;
}

AuditSummary::Totals CountCorpus(const Corpus& corpus,
                                 const PolicyGraph& graph) {
  AuditSummary::Totals t;
  t.files = corpus.files.size();
  for (const ParsedFile& f : corpus.files) {
    t.documents += f.documents.size();
    t.references += f.references.size();
    for (const Reference& r : f.references) t.self_references += r.self;
  }
  t.externals = corpus.externals.size();
  t.nodes = graph.NodeCount();
  t.edges = graph.EdgeCount();
  return t;
}

std::vector<AuditSummary::IssuerRow> CountIssuers(const Corpus& corpus) {
  // Level first (national above municipal above district), then issuer.
  std::map<std::pair<int, std::string>, size_t> counts;
  for (const ParsedFile& f : corpus.files)
    for (const Document& d : f.documents)
      ++counts[{static_cast<int>(d.level),
                d.issuer.empty() ? std::string("(unknown)") : d.issuer}];
  std::vector<AuditSummary::IssuerRow> rows;
  for (const auto& [key, n] : counts)
    rows.push_back({static_cast<Level>(key.first), key.second, n});
  return rows;
}

std::vector<AuditSummary::CitedRow> RankMostCited(const PolicyGraph& graph) {
  struct Ranked {
    size_t citing;
    NodeId node;
  };
  std::vector<Ranked> ranked;
  for (NodeId node : graph.Nodes()) {
    if (graph.Node(node).kind == NodeKind::kDirective) continue;
    // Distinct citing nodes: one document citing another ten times is one
    // citation of it, not ten.
    std::set<uint32_t> citing;
    for (const PolicyGraph::EdgeRef& e :
         graph.InEdges(node, RelationSet::All()))
      if (IsReferenceRelation(e.edge->relation) && e.source != node)
        citing.insert(e.source.value);
    if (!citing.empty()) ranked.push_back({citing.size(), node});
  }
  std::stable_sort(
      ranked.begin(), ranked.end(),
      [](const Ranked& a, const Ranked& b) { return a.citing > b.citing; });
  std::vector<AuditSummary::CitedRow> rows;
  for (size_t i = 0; i < ranked.size() && i < kMaxMostCited; ++i) {
    const GraphNodeView& n = graph.Node(ranked[i].node);
    rows.push_back({ranked[i].citing, std::string(n.id), std::string(n.title),
                    n.kind, n.level});
  }
  return rows;
}

// One chain per leaf of the ancestor tree of each district or department
// document, keeping only chains that climb: a district plan resting on
// another district plan is lineage, but not the kind this section is for.
void TraceChains(const PolicyGraph& graph, AuditSummary& summary) {
  for (NodeId node : graph.Nodes()) {
    const GraphNodeView& root = graph.Node(node);
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
      if (report.ancestors[i].level != Level::kMunicipal &&
          report.ancestors[i].level != Level::kNational)
        continue;
      if (++summary.chain_count > kMaxAuditRows) continue;
      std::vector<size_t> path;
      for (int s = static_cast<int>(i); s >= 0; s = report.ancestors[s].parent)
        path.push_back(s);
      AuditSummary::Chain chain{
          std::string(root.id), std::string(root.title), {}};
      for (auto it = path.rbegin(); it != path.rend(); ++it) {
        const LineageStep& s = report.ancestors[*it];
        chain.steps.push_back(
            {s.relation, s.title.empty() ? s.id : s.title, s.level});
      }
      summary.chains.push_back(std::move(chain));
    }
  }
}

AuditSummary::ParentCoverage SummarizeParent(const CoverageReport& r) {
  AuditSummary::ParentCoverage p;
  p.parent = r.parent;
  p.parent_title = r.parent_title;
  p.children = r.children;
  p.covered = r.covered;
  p.total = r.total;
  p.percent = Percent(r.covered, r.total);
  for (const DirectiveCoverage& d : r.directives)
    if (d.implemented_by.empty())
      p.uncovered.push_back({d.id, d.heading, d.file, d.line});
  return p;
}

}  // namespace

AuditSummary SummarizeAudit(const Corpus& corpus, const PolicyGraph& graph,
                            const std::vector<CoverageReport>& coverage,
                            const OrphanReport& orphans) {
  AuditSummary summary;
  summary.corpus = CountCorpus(corpus, graph);
  summary.issuers = CountIssuers(corpus);
  summary.most_cited = RankMostCited(graph);
  TraceChains(graph, summary);
  for (const CoverageReport& r : coverage)
    summary.coverage.push_back(SummarizeParent(r));
  for (OrphanKind k :
       {OrphanKind::kUncovered, OrphanKind::kDraft, OrphanKind::kDangling,
        OrphanKind::kRepealed, OrphanKind::kAnachronism, OrphanKind::kIsolated})
    summary.orphan_counts.emplace_back(k, orphans.Count(k));
  summary.orphan_count = orphans.orphans.size();
  const size_t shown = std::min(orphans.orphans.size(), kMaxAuditRows);
  summary.orphans.assign(orphans.orphans.begin(),
                         orphans.orphans.begin() + shown);
  return summary;
}

}  // namespace policygraph

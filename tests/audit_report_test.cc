// The Markdown audit report over a small hand-made graph: the sections a
// reader looks for, the district → municipal → national chain, the coverage
// bar, and titles that would break a table or inject HTML.
#include <string>

#include <gtest/gtest.h>

#include "policygraph/pipeline.h"
#include "policygraph/report_format.h"

namespace policygraph {
namespace {

NodeId Add(PolicyGraph& graph, const std::string& id, const std::string& title,
           Level level, NodeKind kind) {
  GraphNode node;
  node.id = id;
  node.title = title;
  node.level = level;
  node.kind = kind;
  return graph.AddNode(node);
}

void Link(PolicyGraph& graph, NodeId from, NodeId to, Relation relation) {
  GraphEdge edge;
  edge.relation = relation;
  edge.evidence = {"d.txt", 3, "《…》"};
  graph.AddEdge(from, to, edge);
}

class AuditReport : public ::testing::Test {
 protected:
  void SetUp() override {
    NodeId d = Add(graph_, "合川府发〔2023〕2号", "合川区交通规划",
                   Level::kDistrict, NodeKind::kDocument);
    NodeId m = Add(graph_, "title:重庆市交通规划", "重庆市交通规划",
                   Level::kMunicipal, NodeKind::kExternal);
    NodeId n = Add(graph_, "title:国家交通规划", "国家交通规划",
                   Level::kNational, NodeKind::kExternal);
    NodeId h = Add(graph_, "title:坏|标题<script>alert(1)</script>",
                   "坏|标题<script>alert(1)</script>", Level::kUnknown,
                   NodeKind::kExternal);
    Link(graph_, d, m, Relation::kImplements);
    Link(graph_, m, n, Relation::kBasis);
    Link(graph_, d, h, Relation::kMentions);

    CoverageReport report;
    report.parent = "渝府发〔2023〕7号";
    report.parent_title = "某某意见";
    report.children = {"渝府办发〔2024〕22号"};
    for (int i = 0; i < 4; ++i) {
      DirectiveCoverage c;
      c.id = "二.（" + std::to_string(i) + "）";
      c.heading = i == 3 ? "建立联席会议制度" : "任务";
      c.file = "p.txt";
      c.line = 10 + i;
      if (i < 3) c.implemented_by.push_back({});
      report.directives.push_back(c);
    }
    report.covered = 3;
    report.total = 4;
    coverage_.push_back(report);

    Orphan orphan;
    orphan.kind = OrphanKind::kDraft;
    orphan.document = "合川府发〔2023〕2号";
    orphan.title = "=HYPERLINK(\"x\")|*粗*";
    orphan.file = "d.txt";
    orphan.line = 9;
    orphans_.orphans.push_back(orphan);
    markdown_ = FormatAuditMarkdown(corpus_, graph_, coverage_, orphans_);
  }

  Corpus corpus_;
  PolicyGraph graph_;
  std::vector<CoverageReport> coverage_;
  OrphanReport orphans_;
  std::string markdown_;
};

TEST_F(AuditReport, HasEverySection) {
  for (const char* heading : {"## Corpus", "## Documents by level and issuer",
                              "## Most-cited documents", "## Lineage chains",
                              "## Coverage of parent directives", "## Orphans"})
    EXPECT_NE(markdown_.find(heading), std::string::npos) << heading;
}

TEST_F(AuditReport, ChainsClimbFromDistrictToNational) {
  EXPECT_NE(markdown_.find("合川府发〔2023〕2号 合川区交通规划 —implements→ "
                           "重庆市交通规划 (municipal) —basis→ 国家交通规划 "
                           "(national)"),
            std::string::npos)
      << markdown_;
}

TEST_F(AuditReport, CoverageHasABarAndTheUncoveredDirective) {
  // 3 of 4 is 15 of 20 cells.
  std::string bar;
  for (int i = 0; i < 20; ++i) bar += i < 15 ? "█" : "░";
  EXPECT_NE(markdown_.find("`" + bar + "` 3 of 4 directives (75%)"),
            std::string::npos)
      << markdown_;
  EXPECT_NE(markdown_.find("not carried out: 二.（3） 建立联席会议制度"),
            std::string::npos);
}

TEST_F(AuditReport, HostileTitlesCannotBreakTablesOrInjectHtml) {
  EXPECT_EQ(markdown_.find("<script>"), std::string::npos);
  EXPECT_NE(markdown_.find("坏\\|标题&lt;script&gt;"), std::string::npos)
      << markdown_;
  EXPECT_NE(markdown_.find("\\|\\*粗\\*"), std::string::npos);
}

TEST_F(AuditReport, IsByteStable) {
  EXPECT_EQ(markdown_,
            FormatAuditMarkdown(corpus_, graph_, coverage_, orphans_));
}

}  // namespace
}  // namespace policygraph

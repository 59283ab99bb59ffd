// Hostile inputs through the whole pipeline: each must give a bounded,
// sensible result (never a crash, a hang or a flood of messages).  Not
// timed: an accidental quadratic loop shows up as a test that never ends.
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "policygraph/coverage.h"
#include "policygraph/decode.h"
#include "policygraph/graph.h"
#include "policygraph/pipeline.h"

namespace policygraph {
namespace {

ParsedFile Parse(const std::string& bytes,
                 std::vector<Diagnostic>& diagnostics) {
  DecodeResult r = DecodeText(bytes, "hostile.txt");
  EXPECT_TRUE(r.ok);
  return ParseSource(std::move(r.source), diagnostics);
}

std::string Header() {
  return "重庆市人民政府\n关于甲的通知\n\n渝府发〔2023〕1号\n\n各单位：\n\n";
}

std::string Repeat(std::string_view unit, size_t n) {
  std::string out;
  out.reserve(unit.size() * n);
  for (size_t i = 0; i < n; ++i) out.append(unit);
  return out;
}

TEST(Hostile, HundredThousandUnclosedMarksGiveNoReferenceAndFewWarnings) {
  std::vector<Diagnostic> diagnostics;
  ParsedFile f = Parse(Header() + Repeat("《", 100000) + "\n", diagnostics);
  ASSERT_EQ(f.documents.size(), 1u);
  EXPECT_TRUE(f.references.empty());
  EXPECT_LE(diagnostics.size(), 10u);
}

TEST(Hostile, FiftyThousandMentionsOnOneLineAreAllFound) {
  std::vector<Diagnostic> diagnostics;
  ParsedFile f = Parse(Header() + "根据" + Repeat("《甲条例》", 50000) + "。\n",
                       diagnostics);
  ASSERT_EQ(f.references.size(), 50000u);
  EXPECT_EQ(f.references.back().title, "甲条例");
}

TEST(Hostile, DeeplyNestedBracketsAndQuotesStayBounded) {
  std::vector<Diagnostic> diagnostics;
  std::string nested =
      Repeat("《（“〔", 20000) + "甲" + Repeat("〕”）》", 20000);
  ParsedFile f = Parse(
      Header() + nested + "\n" + Repeat("（一）", 20000) + "\n", diagnostics);
  EXPECT_EQ(f.documents.size(), 1u);
  for (const Reference& r : f.references) EXPECT_LE(r.surface.size(), 1000u);
}

TEST(Hostile, LongLineOfOneCharacterIsOneDocumentWithoutDirectives) {
  std::vector<Diagnostic> diagnostics;
  ParsedFile f = Parse(Repeat("一", 2000000), diagnostics);
  ASSERT_EQ(f.documents.size(), 1u);
  EXPECT_TRUE(f.directives[0].nodes.empty());
  EXPECT_TRUE(f.references.empty());
}

TEST(Hostile, EmptyAndBlankFilesHaveNoDocuments) {
  std::vector<Diagnostic> diagnostics;
  EXPECT_TRUE(Parse("", diagnostics).documents.empty());
  EXPECT_TRUE(Parse("\n\n \t\n", diagnostics).documents.empty());
}

// A notice of the municipality or of 合川区, as gazettes print one, with
// `body` and a signature on `date` (2023年3月1日).
std::string Notice(bool municipal, int number, const std::string& title,
                   const std::string& body, const std::string& date) {
  const std::string issuer =
      municipal ? "重庆市人民政府" : "重庆市合川区人民政府";
  return issuer + "关于" + title + "\n\n" +
         (municipal ? "渝府发〔" : "合川府发〔") +
         date.substr(0, date.find("年")) + "〕" + std::to_string(number) +
         "号\n\n各有关单位：\n\n" + body + "\n\n" + issuer + "\n\n" + date +
         "\n\n";
}

// Task rows made of a few words that every row shares, so each child row
// scores alike against many parent rows.
std::string AlikeRows(size_t n, size_t shift) {
  const std::vector<std::string> words = {
      "智慧交通", "养老服务", "城市更新", "数字政府", "绿色低碳", "乡村振兴",
      "安全生产", "消防救援", "医疗卫生", "教育培训", "科技创新", "生态保护",
      "水利设施", "应急管理", "文化旅游", "食品安全"};
  const std::vector<std::string> numbers = {"一", "二", "三", "四", "五",
                                            "六", "七", "八", "九", "十"};
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    if (i % 10 == 0)
      out += numbers[(i / 10) % 10] + "、" + words[(i / 10) % 16] + "工作\n\n";
    out += "（" + numbers[i % 10] + "）推进" + words[(i * 7 + shift) % 16] +
           "和" + words[(i * 13 + shift) % 16] + "建设，完善" +
           words[(i * 3 + shift) % 16] + "机制。\n\n";
  }
  return out;
}

// Two task lists of 300 rows that read alike: each child row passes the
// near-best rule against dozens of parent rows, and carries out only its
// kMaxParentsPerChild best, so the rows grow with the lists, not with
// their product.
TEST(Hostile, TaskListsThatReadAlikeMakeRowsInProportion) {
  std::vector<Diagnostic> diagnostics;
  Corpus corpus;
  corpus.files.push_back(Parse(
      Notice(true, 1, "推进综合治理的意见", AlikeRows(300, 0), "2023年3月1日"),
      diagnostics));
  corpus.files.push_back(Parse(Notice(false, 1, "推进综合治理的实施意见",
                                      AlikeRows(300, 5), "2023年4月1日"),
                               diagnostics));
  CoverageReport report =
      MeasureCoverage(corpus, "渝府发〔2023〕1号", {"合川府发〔2023〕1号"});
  ASSERT_GE(report.total, 300u);
  std::map<std::string, size_t> parents_of;  // child directive → rows
  size_t rows = 0;
  for (const DirectiveCoverage& d : report.directives)
    for (const Implementation& impl : d.implemented_by)
      ++rows, ++parents_of[std::string(impl.id)];
  EXPECT_GT(rows, 300u) << "the rows no longer tie; the test shows nothing";
  EXPECT_LE(rows, 300 * kMaxParentsPerChild);
  for (const auto& [child, count] : parents_of)
    EXPECT_LE(count, kMaxParentsPerChild) << child;
}

// One notice title issued again every year by the municipality and by the
// district, ten a day: each district notice is the counterpart of one
// municipal notice, of the nearest day, not of every year's.
TEST(Hostile, YearlyNoticesOfOneTitleAreCounterpartsOneToOne) {
  std::vector<Diagnostic> diagnostics;
  Corpus corpus;
  for (int i = 0; i < 200; ++i) {
    const std::string year = std::to_string(2000 + i / 10);
    for (bool municipal : {true, false})
      corpus.files.push_back(
          Parse(Notice(municipal, i + 1, "做好安全生产工作的通知",
                       "一、压实责任\n\n（一）落实企业主体责任。\n",
                       year + (municipal ? "年3月1日" : "年3月2日")),
                diagnostics));
  }
  for (const ParsedFile& f : corpus.files) {
    ASSERT_EQ(f.documents.size(), 1u);
    ASSERT_FALSE(f.documents[0].date.empty()) << f.documents[0].id;
  }
  PolicyGraph graph = BuildGraph(corpus, nullptr, 1);
  std::map<std::string, std::string> counterpart;  // district → municipal
  for (const PolicyGraph::EdgeRef& e : graph.Edges()) {
    if (e.edge->relation != Relation::kCounterpart) continue;
    const std::string lower(graph.Node(e.source).id);
    EXPECT_TRUE(counterpart.emplace(lower, graph.Node(e.target).id).second)
        << lower << " has two counterparts";
  }
  ASSERT_EQ(counterpart.size(), 200u);
  // 合川府发〔2003〕31号 (2003-03-02) → the first of 2003-03-01's ten.
  EXPECT_EQ(counterpart["合川府发〔2003〕31号"], "渝府发〔2003〕31号");
}

}  // namespace
}  // namespace policygraph

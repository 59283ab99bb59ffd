// The JSON printers take strings from library callers too, not only from
// decoded text: ill-formed UTF-8 anywhere becomes U+FFFD and never makes
// nlohmann::json throw when the record is dumped.
#include "policygraph/format.h"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "policygraph/coverage.h"
#include "policygraph/report_format.h"

namespace policygraph {
namespace {

const std::string kBroken = "坏\xff\xc3字";
const std::string kRepaired = "坏\uFFFD\uFFFD字";

TEST(FormatJson, ReferenceWithIllFormedUtf8IsRepairedNotThrown) {
  Reference r;
  r.file = kBroken;
  r.doc = kBroken;
  r.surface = "《" + kBroken + "》";
  r.title = kBroken;
  r.cue = kBroken;
  r.target = kBroken;
  std::string dumped;
  ASSERT_NO_THROW(dumped = ReferenceToJson(r).dump());
  Json back = Json::parse(dumped);
  EXPECT_EQ(back["file"], kRepaired);
  EXPECT_EQ(back["doc"], kRepaired);
  EXPECT_EQ(back["surface"], "《" + kRepaired + "》");
  EXPECT_EQ(back["title"], kRepaired);
  EXPECT_EQ(back["cue"], kRepaired);
  EXPECT_EQ(back["target"], kRepaired);
  EXPECT_TRUE(back["doc_number"].is_null());
}

// refs writes its records as text; they must be the bytes of the Json
// record dumped, whatever the fields hold.
TEST(FormatJson, ReferenceJsonLineIsTheDumpedRecord) {
  Reference full;
  full.file = "corpus/cq-gazette-2024-06.txt";
  full.line = 47;
  full.doc = "渝府办发〔2024〕22号";
  full.directive = "二.（三）";
  full.surface = "《重庆市\"关于\\加快\t推进…的意见》（渝府发〔2023〕7号）";
  full.title = "重庆市关于加快推进…的意见";
  full.doc_number = "渝府发〔2023〕7号";
  full.cue = "根据";
  full.relation = Relation::kBasis;
  full.self = true;
  full.alias_of = "规划\u2028\x01\x1f";
  full.target = "渝府发〔2023〕7号";
  full.target_kind = "document";
  Reference broken;
  broken.file = kBroken;
  broken.doc = kBroken;
  broken.surface = "<script>" + kBroken;
  broken.relation = Relation::kRepeals;
  const Reference empty;
  for (const Reference& r : {full, broken, empty}) {
    std::string line = "kept|";
    AppendReferenceJsonLine(line, r);
    EXPECT_EQ(line, "kept|" + ReferenceToJson(r).dump() + "\n") << r.surface;
  }
}

TEST(FormatJson, DocumentWithIllFormedUtf8IsRepairedNotThrown) {
  Document d;
  d.id = kBroken;
  d.title = kBroken;
  d.issuer = kBroken;
  d.file = kBroken;
  std::string dumped;
  ASSERT_NO_THROW(dumped = DocumentToJson(d, 0).dump());
  Json back = Json::parse(dumped);
  EXPECT_EQ(back["id"], kRepaired);
  EXPECT_EQ(back["title"], kRepaired);
  EXPECT_EQ(back["issuer"], kRepaired);
  EXPECT_EQ(back["file"], kRepaired);
}

TEST(FormatJson, CoverageChildrenAndLeadUnitsAreRepaired) {
  CoverageReport report;
  report.parent = "P";
  report.children = {kBroken};
  report.child_files = {kBroken};
  DirectiveCoverage d;
  d.id = "一";
  d.lead_units = {kBroken};
  Implementation impl;
  impl.child = 0;
  impl.id = "1";
  impl.lead_units = {kBroken};
  d.implemented_by.push_back(impl);
  report.directives.push_back(d);
  std::string dumped;
  ASSERT_NO_THROW(dumped = CoverageToJson(report).dump());
  Json back = Json::parse(dumped);
  EXPECT_EQ(back["children"], Json::array({kRepaired}));
  EXPECT_EQ(back["directives"][0]["lead_units"], Json::array({kRepaired}));
  EXPECT_EQ(back["directives"][0]["implemented_by"][0]["lead_units"],
            Json::array({kRepaired}));
  // The row's document and file are the report's, repaired the same way.
  EXPECT_EQ(back["directives"][0]["implemented_by"][0]["id"],
            std::string(kRepaired) + "#1");
  EXPECT_EQ(back["directives"][0]["implemented_by"][0]["file"], kRepaired);
}

// build writes coverage.csv a parent at a time; the bytes must be the
// table FormatCoverageCsv makes whole, for every parent and every cell.
TEST(CoverageCsv, StreamedTableIsTheWholeTable) {
  CoverageReport first;
  first.parent = "渝府发〔2023〕7号";
  DirectiveCoverage covered;
  covered.id = "一.（二）";
  covered.heading = "=SUM(A1), \"quoted\"\nsecond line";
  covered.line = 12;
  covered.lead_units = {"市发展改革委", "+各区县"};
  first.children = {"合川府发〔2023〕1号", "合川府发〔2023〕2号"};
  first.child_files = {"b.txt", "c.txt"};
  // A row's evidence is a view: its text must outlive the report.
  const std::string evidence = "某某、" + kBroken;
  covered.implemented_by.push_back({.child = 0,
                                    .line = 60,
                                    .id = "二",
                                    .heading = "-落实",
                                    .score = 0.8125,
                                    .evidence = evidence,
                                    .lead_units = {"@区委"},
                                    .deadline = "2025年底"});
  covered.implemented_by.push_back({.child = 1,
                                    .line = 7,
                                    .id = "三",
                                    .heading = "落实",
                                    .score = 0.5,
                                    .evidence = "",
                                    .lead_units = {},
                                    .deadline = ""});
  first.directives = {covered, DirectiveCoverage{}};
  CoverageReport second;
  second.parent = kBroken;
  DirectiveCoverage uncovered;
  uncovered.id = "四";
  uncovered.deadline = "长期";
  second.directives = {uncovered};
  const std::vector<CoverageReport> reports = {first, CoverageReport{}, second};

  std::ostringstream streamed;
  EXPECT_TRUE(WriteCoverageCsv(reports, streamed));
  EXPECT_EQ(streamed.str(), FormatCoverageCsv(reports));
  EXPECT_NE(streamed.str().find("合川府发〔2023〕2号"), std::string::npos);
  std::ostringstream failed;
  failed.setstate(std::ios::badbit);
  EXPECT_FALSE(WriteCoverageCsv(reports, failed));
}

}  // namespace
}  // namespace policygraph

// The JSON printers take strings from library callers too, not only from
// decoded text: ill-formed UTF-8 anywhere becomes U+FFFD and never makes
// nlohmann::json throw when the record is dumped.
#include "policygraph/format.h"

#include <string>

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
  DirectiveCoverage d;
  d.id = "一";
  d.lead_units = {kBroken};
  Implementation impl;
  impl.document = "C";
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
}

}  // namespace
}  // namespace policygraph

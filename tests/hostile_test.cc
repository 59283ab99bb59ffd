// Hostile inputs through the whole pipeline: each must give a bounded,
// sensible result (never a crash, a hang or a flood of messages).  Not
// timed: an accidental quadratic loop shows up as a test that never ends.
#include <string>

#include <gtest/gtest.h>

#include "policygraph/decode.h"
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

}  // namespace
}  // namespace policygraph

// The line helpers every parser shares: CleanLine, on lines with and
// without the markup and spaces it removes (the second kind takes a
// shortcut, which must give the same line).
#include "text_util.h"

#include <random>
#include <string>

#include <gtest/gtest.h>

#include "policygraph/decode.h"

#include "parse_internal.h"

namespace policygraph::internal {
namespace {

// ReverseFind must answer as string_view::rfind does, from every start.
TEST(ReverseFind, AgreesWithRfind) {
  const std::string_view kTexts[] = {
      "", "根据", "依据根据《规划》根据的", "aXbXcX", "根据根据根据", "据根据"};
  const std::string_view kWords[] = {
      "", "根据", "据", "X", "aX", "根据的", "依据根据《规划》根据的！"};
  for (std::string_view text : kTexts)
    for (std::string_view word : kWords)
      for (size_t from : {size_t{0}, size_t{1}, size_t{3}, size_t{5},
                          text.size(), std::string_view::npos}) {
        EXPECT_EQ(ReverseFind(text, word, from), text.rfind(word, from))
            << text << " / " << word << " / " << from;
      }
}

// FindTriple must answer as string_view::find does, from every start, with
// the word (or its first one or two bytes only) at every position of texts
// longer and shorter than its sixteen-byte blocks.
TEST(FindTriple, AgreesWithFind) {
  const std::string_view kWords[] = {"《", "\u3000", "号", "abc", "ab", ""};
  std::mt19937 random(7);
  for (std::string_view word : kWords) {
    for (size_t length : {0, 1, 2, 3, 17, 18, 19, 33, 40, 64, 100}) {
      for (int round = 0; round < 40; ++round) {
        // Bytes drawn from the word's own and its neighbours', so that
        // partial matches are common.
        std::string text;
        const std::string pool = std::string(word) + "\xE3\x80\x8B\x80x";
        for (size_t i = 0; i < length; ++i)
          text += pool[random() % pool.size()];
        if (!word.empty() && length >= word.size() && round % 2 == 0)
          text.replace(random() % (length - word.size() + 1), word.size(),
                       word);
        for (size_t from = 0; from <= text.size() + 1; ++from)
          ASSERT_EQ(FindTriple(text, word, from), text.find(word, from))
              << "length " << length << " round " << round << " from " << from;
      }
    }
  }
  EXPECT_EQ(FindTriple("《", "《", std::string_view::npos),
            std::string_view::npos);
}

// A file's cleaned lines are views of its text where CleanLine only trims
// and strings of their own where it changes a line inside; either way each
// is CleanLine's line, and stays so when the lines are moved.
TEST(CleanLines, AreCleanLineOfEveryLine) {
  SourceText source;
  source.text =
      "  一、总体要求\n**（一）**建设平台\n\u3000\u3000二、任务\u3000\n\n"
      "（二）\u3000推进**工作**。\t\n \t \n最后一行";
  IndexLines(source);
  CleanLines lines(source);
  ASSERT_EQ(lines.size(), source.LineCount() + 1);
  EXPECT_EQ(lines.changed.size(), 3u);  // the lines with ** or U+3000 inside
  CleanLines moved = std::move(lines);
  for (uint32_t n = 1; n <= source.LineCount(); ++n)
    EXPECT_EQ(moved[n], CleanLine(source.Line(n))) << "line " << n;
  EXPECT_EQ(moved[2], "（一）建设平台");
  EXPECT_EQ(moved[5], "（二） 推进工作。");
}

TEST(CleanLine, TrimsWhitespaceOfEveryKind) {
  EXPECT_EQ(CleanLine("  （一）建设平台。\t"), "（一）建设平台。");
  EXPECT_EQ(CleanLine("\u3000\u3000一、总体要求\u3000"), "一、总体要求");
  EXPECT_EQ(CleanLine("\u00A0标题\u2003"), "标题");
  EXPECT_EQ(CleanLine(""), "");
  EXPECT_EQ(CleanLine(" \t "), "");
}

TEST(CleanLine, RemovesBoldMarkupAndTurnsIdeographicSpacesInside) {
  EXPECT_EQ(CleanLine("**一、总体要求**"), "一、总体要求");
  EXPECT_EQ(CleanLine("  **（一）**建设**平台**  "), "（一）建设平台");
  EXPECT_EQ(CleanLine("（一）\u3000建设平台"), "（一） 建设平台");
  // A single star is text.
  EXPECT_EQ(CleanLine("重点项目*"), "重点项目*");
  EXPECT_EQ(CleanLine("a***b"), "a*b");
}

TEST(CleanLine, LeavesOtherTextAlone) {
  const std::string line =
      "（牵头单位：区发展改革委；完成时限：2024年12月底前）";
  EXPECT_EQ(CleanLine(line), line);
  EXPECT_EQ(CleanLine("  " + line + "  "), line);
  // Bytes that are not UTF-8 pass through untouched.
  EXPECT_EQ(CleanLine("\xE3\x80 x\xFF"), "\xE3\x80 x\xFF");
}

}  // namespace
}  // namespace policygraph::internal

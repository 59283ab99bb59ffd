// SafeText keeps runs of code points and replaces the ones a medium cannot
// hold; replacements at the start, in the middle and at the end of a text
// must leave the kept runs around them whole.
#include "safe_text.h"

#include <string>

#include <gtest/gtest.h>

namespace policygraph::internal {
namespace {

TEST(SafeText, ReplacesOnlyWhatTheMediumCannotHold) {
  const std::string bad = "\xFF";
  EXPECT_EQ(SafeText("渝府发〔2023〕7号", TextUse::kJson), "渝府发〔2023〕7号");
  EXPECT_EQ(SafeText(bad + "规划" + bad + "方案" + bad, TextUse::kJson),
            "\uFFFD规划\uFFFD方案\uFFFD");
  EXPECT_EQ(SafeText("a\tb\x1b"
                     "c\n",
                     TextUse::kOneLine),
            "a b\uFFFDc ");
  EXPECT_EQ(SafeText("a\tb\x1b"
                     "c\n",
                     TextUse::kCsvCell),
            "a\tb\uFFFDc\n");
  EXPECT_EQ(SafeText("<《规划》&'x'>", TextUse::kHtml),
            "&lt;《规划》&amp;&#39;x&#39;&gt;");
  EXPECT_EQ(SafeText("标题\n第二行\xEF\xBF\xBE", TextUse::kXml),
            "标题&#10;第二行\uFFFD");
  EXPECT_EQ(SafeText("", TextUse::kXml), "");
}

}  // namespace
}  // namespace policygraph::internal

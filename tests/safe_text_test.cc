// SafeText keeps runs of code points and replaces the ones a medium cannot
// hold; replacements at the start, in the middle and at the end of a text
// must leave the kept runs around them whole.
#include "safe_text.h"

#include <string>

#include <gtest/gtest.h>

#include "export_attributes.h"

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

// The streamed exports escape strings themselves; a byte escaped unlike
// nlohmann's dump would make graph.json differ from GraphToNodeLink.
TEST(AppendJsonString, EscapesAsNlohmannDumps) {
  std::vector<std::string> texts = {"", "渝府发〔2023〕7号",
                                    "\u2028\u00e9\U0001F600", "a\"b\\c/d\x7F"};
  for (int c = 0; c < 0x80; ++c) {
    std::string inside = "规";
    inside += static_cast<char>(c);
    inside += "划";
    texts.push_back(std::string(1, static_cast<char>(c)));
    texts.push_back(inside);
  }
  for (const std::string& text : texts) {
    std::string out;
    AppendJsonString(out, text);
    EXPECT_EQ(out, nlohmann::json(text).dump()) << "text: " << text;
    // Appended, not assigned: what was there stays.
    std::string after = "{";
    AppendJsonString(after, text);
    EXPECT_EQ(after.substr(1), out);
  }
}

}  // namespace
}  // namespace policygraph::internal

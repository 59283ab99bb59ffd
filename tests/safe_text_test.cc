// SafeText keeps runs of code points and replaces the ones a medium cannot
// hold; replacements at the start, in the middle and at the end of a text
// must leave the kept runs around them whole.
#include "safe_text.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

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

// Ill-formed sequences of every shape: lone continuation bytes, a lead
// byte cut short (mid-text and at the end), overlong forms, surrogates,
// code points past U+10FFFF, bytes that never occur in UTF-8.
std::vector<std::string> IllFormedTexts() {
  std::vector<std::string> texts = {
      "\x80",         "规\xBF划",         "\xE8\xA7",
      "规\xE8\xA7",   "\xE8\xA7划",       "\xC0\xAF",
      "\xE0\x80\xAF", "\xED\xA0\x80x",    "\xF4\x90\x80\x80",
      "\xF0\x9F\x98", "\xF5\xFE\xFF",     "a\xC3",
      "\xC3(\"\\",    "\xEF\xBF\xBE\x01", "\xF0\x9F\x98\x80"};
  std::string all_bytes;
  for (int b = 0; b < 0x100; ++b) all_bytes += static_cast<char>(b);
  texts.push_back(all_bytes);
  return texts;
}

TEST(AppendSafeText, AppendsWhatSafeTextReturns) {
  for (TextUse use : {TextUse::kJson, TextUse::kJsonString, TextUse::kCsvCell,
                      TextUse::kOneLine, TextUse::kHtml, TextUse::kXml}) {
    for (const std::string& text : IllFormedTexts()) {
      std::string out = "<kept>";
      AppendSafeText(out, text, use);
      EXPECT_EQ(out, "<kept>" + SafeText(text, use)) << "text: " << text;
    }
  }
}

// ICU's own repair, replacing each maximal ill-formed subsequence by
// U+FFFD: an oracle independent of SafeText's loop.
std::string RepairedByIcu(const std::string& text) {
  std::u16string utf16(text.size() + 1, u'\0');
  int32_t length = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8WithSub(utf16.data(), static_cast<int32_t>(utf16.size()),
                       &length, text.data(), static_cast<int32_t>(text.size()),
                       0xFFFD, nullptr, &status);
  EXPECT_TRUE(U_SUCCESS(status));
  std::string out;
  icu::UnicodeString(utf16.data(), length).toUTF8String(out);
  return out;
}

// Ideographs and full-width punctuation are three-byte sequences: every
// use keeps each well-formed one (U+FFFE and U+FFFF excepted in XML) and
// repairs one cut short as ICU does.
TEST(AppendSafeText, KeepsEveryThreeByteCodePointAndRepairsCutOnes) {
  for (UChar32 c = 0x800; c <= 0xFFFF; ++c) {
    if (U_IS_SURROGATE(c)) continue;
    std::string cp;
    icu::UnicodeString(c).toUTF8String(cp);
    const std::string text = "a" + cp + cp + "b";
    const std::string cut = "a" + cp + cp.substr(0, 2);
    for (TextUse use : {TextUse::kJson, TextUse::kJsonString, TextUse::kCsvCell,
                        TextUse::kOneLine, TextUse::kHtml, TextUse::kXml}) {
      const bool noncharacter = use == TextUse::kXml && c >= 0xFFFE;
      std::string out;
      AppendSafeText(out, text, use);
      ASSERT_EQ(out, noncharacter ? "a\uFFFD\uFFFDb" : text) << std::hex << c;
      out.clear();
      AppendSafeText(out, cut, use);
      ASSERT_EQ(out, noncharacter ? "a\uFFFD\uFFFD" : RepairedByIcu(cut))
          << std::hex << c;
    }
  }
  for (const std::string& text : IllFormedTexts())
    EXPECT_EQ(SafeText(text, TextUse::kJson), RepairedByIcu(text))
        << "text: " << text;
}

// What each use makes of an ASCII character, as safe_text.h documents
// it: the oracle for the table AppendSafeText skips kept ASCII with.
std::string AsDocumented(char c, TextUse use) {
  const bool control = c < 0x20 || c == 0x7F;
  const bool line = c == '\t' || c == '\n' || c == '\r';
  const std::string kept(1, c), replaced = "\uFFFD";
  // The five markup characters as HTML writes them; XML has &apos;.
  auto reference = [&](std::string_view apostrophe) -> std::string {
    const std::string_view marks = "&<>\"'";
    const std::string_view names[] = {"&amp;", "&lt;", "&gt;", "&quot;",
                                      apostrophe};
    const size_t at = marks.find(c);
    return at == std::string_view::npos ? "" : std::string(names[at]);
  };
  switch (use) {
    case TextUse::kJson:
      return kept;
    case TextUse::kJsonString:
      return nlohmann::json(kept).dump().substr(
          1, nlohmann::json(kept).dump().size() - 2);
    case TextUse::kCsvCell:
      return control && !line ? replaced : kept;
    case TextUse::kOneLine:
      return line ? " " : control ? replaced : kept;
    case TextUse::kHtml:
      if (!reference("&#39;").empty()) return reference("&#39;");
      return line ? " " : control ? replaced : kept;
    case TextUse::kXml:
      if (c == '\t') return "&#9;";
      if (c == '\n') return "&#10;";
      if (c == '\r') return "&#13;";
      if (!reference("&apos;").empty()) return reference("&apos;");
      return c < 0x20 ? replaced : kept;
  }
  return "";
}

TEST(AppendSafeText, TreatsEveryAsciiCharacterAsDocumented) {
  for (TextUse use : {TextUse::kJson, TextUse::kJsonString, TextUse::kCsvCell,
                      TextUse::kOneLine, TextUse::kHtml, TextUse::kXml}) {
    for (int c = 0; c < 0x80; ++c) {
      const char ch = static_cast<char>(c);
      std::string out;
      AppendSafeText(out, "规" + std::string(1, ch) + "x" + ch, use);
      const std::string expected = AsDocumented(ch, use);
      EXPECT_EQ(out, "规" + expected + AsDocumented('x', use) + expected)
          << "use " << static_cast<int>(use) << ", character " << c;
    }
  }
}

// graph.json's strings are checked and escaped in one pass; they must be
// what nlohmann dumps once SafeText has made them well-formed.
TEST(AppendJsonString, ReplacesIllFormedUtf8AsSafeTextDoes) {
  for (const std::string& text : IllFormedTexts()) {
    std::string expected = "[";
    expected += nlohmann::json(SafeText(text, TextUse::kJson)).dump();
    std::string out = "[";
    AppendJsonString(out, text);
    EXPECT_EQ(out, expected) << "text: " << text;
  }
}

}  // namespace
}  // namespace policygraph::internal

#include "safe_text.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include <unicode/utf8.h>

#include "plain_run.h"

namespace policygraph::internal {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool IsLineBreakOrTab(UChar32 c) { return c == '\t' || c == '\r' || c == '\n'; }

bool IsControl(UChar32 c) {
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

// ' has no named reference in HTML 4, which some readers still follow.
std::string_view HtmlReference(UChar32 c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&#39;";
    default:
      return {};
  }
}

// XML 1.0's Char production; everything else makes a document that no
// conforming parser accepts.
bool IsXmlChar(UChar32 c) {
  if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
  if (c <= 0xD7FF) return true;
  if (c < 0xE000) return false;  // surrogates
  if (c <= 0xFFFD) return true;
  return c >= 0x10000 && c <= 0x10FFFF;
}

// XML has &apos;; tab, LF and CR are escaped too, because parsers
// normalize them raw (CR to LF in text, all three to spaces in
// attributes), and titles should survive.
std::string_view XmlReference(UChar32 c) {
  switch (c) {
    case '\'':
      return "&apos;";
    case '\t':
      return "&#9;";
    case '\n':
      return "&#10;";
    case '\r':
      return "&#13;";
    default:
      return HtmlReference(c);
  }
}

// The C0 controls inside a JSON string, as nlohmann's dump writes them.
constexpr std::array<std::string_view, 0x20> kJsonControls = {
    "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006",
    "\\u0007", "\\b",     "\\t",     "\\n",     "\\u000b", "\\f",     "\\r",
    "\\u000e", "\\u000f", "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014",
    "\\u0015", "\\u0016", "\\u0017", "\\u0018", "\\u0019", "\\u001a", "\\u001b",
    "\\u001c", "\\u001d", "\\u001e", "\\u001f",
};

// A C0 control, '"' or '\\' inside a JSON string, escaped; empty for
// every other code point.
std::string_view JsonEscape(UChar32 c) {
  if (c == '"') return "\\\"";
  if (c == '\\') return "\\\\";
  if (c >= 0 && c < 0x20) return kJsonControls[c];
  return {};
}

// What a well-formed code point becomes: itself (empty), a space, U+FFFD,
// a character reference or a JSON escape.
std::string_view Replacement(UChar32 c, TextUse use) {
  if (use == TextUse::kJsonString) return JsonEscape(c);
  if (use == TextUse::kXml)
    return IsXmlChar(c) ? XmlReference(c) : kReplacement;
  if (use == TextUse::kHtml && !HtmlReference(c).empty())
    return HtmlReference(c);
  if (use == TextUse::kJson || !IsControl(c)) return {};
  if (!IsLineBreakOrTab(c)) return kReplacement;
  return use == TextUse::kCsvCell ? std::string_view() : std::string_view(" ");
}

constexpr size_t kUses = static_cast<size_t>(TextUse::kXml) + 1;

// Which ASCII characters `use` keeps as they are, from Replacement itself
// so the two cannot disagree.
const std::array<bool, 128>& AsciiKept(TextUse use) {
  static const auto kTables = [] {
    std::array<std::array<bool, 128>, kUses> tables{};
    for (size_t u = 0; u < kUses; ++u)
      for (UChar32 c = 0; c < 128; ++c)
        tables[u][c] = Replacement(c, static_cast<TextUse>(u)).empty();
    return tables;
  }();
  return kTables[static_cast<size_t>(use)];
}

// The characters `use` keeps as they are that are passed a run at a
// time: nearly all of every field.
const PlainAscii& PlainFor(TextUse use) {
  static const auto kPlain = [] {
    std::array<PlainAscii, kUses> plain;
    for (size_t u = 0; u < kUses; ++u)
      plain[u] = PlainAscii::FromTable(AsciiKept(static_cast<TextUse>(u)));
    return plain;
  }();
  return kPlain[static_cast<size_t>(use)];
}

}  // namespace

std::string SafeText(std::string_view text, TextUse use) {
  std::string out;
  out.reserve(text.size());
  AppendSafeText(out, text, use);
  return out;
}

void AppendJsonString(std::string& out, std::string_view text) {
  out += '"';
  AppendSafeText(out, text, TextUse::kJsonString);
  out += '"';
}

void AppendSafeText(std::string& out, std::string_view text, TextUse use) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  // Report fields are far below 2 GiB; a longer input is cut rather than
  // overflowing ICU's int32 index.
  const int32_t length =
      static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  const PlainAscii& plain = PlainFor(use);
  // Code points kept as they are are copied a run at a time: nearly all are.
  int32_t kept = 0;
  for (int32_t i = 0; i < length;) {
    // Most of a gazette is ASCII no use escapes and ideographs no use
    // replaces; they skip the decoding and the per-use checks, which were
    // a fifth of writing a large build's outputs.  (Fields are short: the
    // sixteen-byte runs of PlainRunEnd were no faster here.)
    if (const int plain_length = PlainLength(
            s, static_cast<size_t>(i), static_cast<size_t>(length), plain)) {
      i += plain_length;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    std::string_view replaced = c < 0 ? kReplacement : Replacement(c, use);
    if (replaced.empty()) continue;
    out.append(text.data() + kept, static_cast<size_t>(start - kept));
    out += replaced;
    kept = i;
  }
  out.append(text.data() + kept, static_cast<size_t>(length - kept));
}

nlohmann::json SafeJsonArray(const std::vector<std::string>& texts) {
  nlohmann::json out = nlohmann::json::array();
  for (const std::string& text : texts)
    out.push_back(SafeText(text, TextUse::kJson));
  return out;
}

}  // namespace policygraph::internal

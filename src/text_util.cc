#include "text_util.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <re2/re2.h>

#include "policygraph/fold.h"

namespace policygraph::internal {

bool CleanLineOnlyTrims(std::string_view line) {
  return line.find("**") == std::string_view::npos &&
         FindTriple(line, "\xE3\x80\x80") == std::string_view::npos;
}

std::string CleanLine(std::string_view line) {
  // Most lines hold neither: one trimmed copy, no byte-by-byte rebuild.
  if (CleanLineOnlyTrims(line)) return std::string(TrimWhitespace(line));
  std::string out;
  out.reserve(line.size());
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '*' && i + 1 < line.size() && line[i + 1] == '*') {
      ++i;
      continue;
    }
    // U+3000 IDEOGRAPHIC SPACE separates markers from text as often as
    // ASCII space does; patterns only need to know one of them.
    if (line[i] == '\xE3' && i + 2 < line.size() && line[i + 1] == '\x80' &&
        line[i + 2] == '\x80') {
      out.push_back(' ');
      i += 2;
      continue;
    }
    out.push_back(line[i]);
  }
  return std::string(TrimWhitespace(out));
}

size_t CodePointCount(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

size_t ReverseFind(std::string_view text, std::string_view word, size_t from) {
  if (word.size() > text.size()) return std::string_view::npos;
  size_t end = std::min(from, text.size() - word.size()) + 1;
  if (word.empty()) return end - 1;
  while (end > 0) {
    const void* hit = ::memrchr(text.data(), word.front(), end);
    if (hit == nullptr) break;
    const size_t at = static_cast<const char*>(hit) - text.data();
    if (std::memcmp(text.data() + at, word.data(), word.size()) == 0) return at;
    end = at;
  }
  return std::string_view::npos;
}

size_t FindTriple(std::string_view text, std::string_view word, size_t from) {
  if (word.size() != 3) return text.find(word, from);
  size_t i = from;
#if defined(__SSE2__)
  const char* s = text.data();
  const __m128i first = _mm_set1_epi8(word[0]);
  const __m128i second = _mm_set1_epi8(word[1]);
  const __m128i third = _mm_set1_epi8(word[2]);
  // Sixteen starting positions a block; the last loads reach two bytes on,
  // so a block runs only while those bytes are in the text.
  for (; i < text.size() && text.size() - i >= 18; i += 16) {
    auto at = [&](size_t offset) {
      return _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + offset));
    };
    const __m128i hits =
        _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(at(0), first),
                                    _mm_cmpeq_epi8(at(1), second)),
                      _mm_cmpeq_epi8(at(2), third));
    if (const int mask = _mm_movemask_epi8(hits); mask != 0)
      return i +
             static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  return text.find(word, i);
}

int64_t ParseDigits(std::string_view digits) {
  int64_t value = 0;
  int count = 0;
  for (size_t i = 0; i < digits.size();) {
    unsigned char c = digits[i];
    int d = -1;
    if (c >= '0' && c <= '9') {
      d = c - '0';
      i += 1;
    } else if (c == 0xEF && i + 2 < digits.size() &&
               static_cast<unsigned char>(digits[i + 1]) == 0xBC) {
      unsigned char c2 = digits[i + 2];
      if (c2 >= 0x90 && c2 <= 0x99) d = c2 - 0x90;  // ０-９ U+FF10..FF19
      i += 3;
    } else {
      i += 1;
    }
    if (d < 0) continue;  // spaces inside "2 0 2 3" are tolerated
    if (++count > 12) return -1;
    value = value * 10 + d;
  }
  return count == 0 ? -1 : value;
}

namespace {

int DigitValue(std::string_view cp) {
  static constexpr std::array<std::pair<std::string_view, int>, 13> kDigits = {{
      {"零", 0},
      {"〇", 0},
      {"一", 1},
      {"二", 2},
      {"两", 2},
      {"三", 3},
      {"四", 4},
      {"五", 5},
      {"六", 6},
      {"七", 7},
      {"八", 8},
      {"九", 9},
      {"○", 0},
  }};
  for (const auto& [s, v] : kDigits)
    if (s == cp) return v;
  return -1;
}

size_t CodePointLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

}  // namespace

int ChineseNumeralValue(std::string_view numeral) {
  if (numeral.empty()) return -1;
  int total = 0;
  int current = -1;  // pending digit, -1 when none
  bool any = false;
  for (size_t i = 0; i < numeral.size();) {
    size_t len = CodePointLength(numeral[i]);
    std::string_view cp = numeral.substr(i, len);
    i += len;
    any = true;
    if (cp == "十") {
      total += (current < 0 ? 1 : current) * 10;
      current = -1;
    } else if (cp == "百") {
      total += (current < 0 ? 1 : current) * 100;
      current = -1;
    } else {
      int d = DigitValue(cp);
      if (d < 0) return -1;
      // 二〇二三 style digit strings: shift the pending digit.
      current = current < 0 ? d : current * 10 + d;
    }
  }
  if (!any) return -1;
  return total + (current < 0 ? 0 : current);
}

std::string ParseDateLine(std::string_view clean) {
  // Both forms end in 日; most lines asked about are prose.
  if (!EndsWith(clean, "日")) return "";
  static const RE2* digits = new RE2(
      R"(^([0-9０-９]{4})\s*年\s*([0-9０-９]{1,2})\s*月\s*([0-9０-９]{1,2})\s*日$)");
  // Signature dates of many offices are written in Chinese numerals.
  static const RE2* han = new RE2(
      R"(^([〇零○一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月)"
      R"(\s*([一二三四五六七八九十]{1,4})\s*日$)");
  std::string y, m, d;
  int year, month, day;
  if (RE2::FullMatch(clean, *digits, &y, &m, &d)) {
    year = static_cast<int>(ParseDigits(y));
    month = static_cast<int>(ParseDigits(m));
    day = static_cast<int>(ParseDigits(d));
  } else if (RE2::FullMatch(clean, *han, &y, &m, &d)) {
    year = ChineseNumeralValue(y);
    month = ChineseNumeralValue(m);
    day = ChineseNumeralValue(d);
  } else {
    return "";
  }
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 ||
      day > 31)
    return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string_view LastCodePoint(std::string_view text) {
  if (text.empty()) return {};
  size_t i = text.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return text.substr(i);
}

std::string_view FirstCodePoint(std::string_view text) {
  size_t end = text.empty() ? 0 : 1;
  while (end < text.size() &&
         (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
    ++end;
  return text.substr(0, end);
}

}  // namespace policygraph::internal

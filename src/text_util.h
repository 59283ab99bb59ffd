// Internal helpers for line-oriented parsing of UTF-8 text.
#ifndef POLICYGRAPH_SRC_TEXT_UTIL_H_
#define POLICYGRAPH_SRC_TEXT_UTIL_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace policygraph::internal {

// What follows a document number's issuer code, as a regular expression:
// the year in brackets of any kind, then the serial, with the 第 some
// issuers print, and 号 (〔2023〕7号, [2021] 13 号, （2019）第8号, the year
// in words in older documents, 〔二〇〇八〕).  Groups: the year, the serial.
inline constexpr std::string_view kDocNumberAfterCode =
    R"(\s*[〔\[（(［【]\s*([0-9０-９]{4}|[〇○零一二三四五六七八九]{4})\s*)"
    R"([〕\]）)］】]\s*第?\s*)"
    R"(([0-9０-９]{1,5})\s*号)";

// The marker of a list's item, as a regular expression without groups:
// 1. 2、 3) （一） (3) 一、, or a table's serial set off by a space (3
// 重庆市…). Items of lists open with one; titles never do.
inline constexpr std::string_view kListMarker =
    R"((?:[0-9０-９]{1,3}\s*[.．、)）]|[（(]\s*(?:[0-9０-９]{1,3}|)"
    R"([一二三四五六七八九十]{1,3})\s*[)）]|[一二三四五六七八九十]{1,3}\s*、|)"
    R"([0-9０-９]{1,3}\s))";

// A line as the parsers see it: Markdown `**` removed, white space trimmed.
std::string CleanLine(std::string_view line);
// Whether CleanLine(line) is `line` with only its ends trimmed (no `**`, no
// U+3000): then TrimWhitespace(line) is the same line, without a copy.
bool CleanLineOnlyTrims(std::string_view line);

// Number of code points (not bytes) in valid UTF-8.
size_t CodePointCount(std::string_view text);

inline bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}
inline bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
// `s` with every `what` taken out.
inline void EraseAll(std::string& s, std::string_view what) {
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at))
    s.erase(at, what.size());
}

inline bool Contains(std::string_view s, std::string_view p) {
  return s.find(p) != std::string_view::npos;
}

// The last occurrence of `word` in `text` starting at or before `from`, as
// string_view::rfind gives it.  rfind compares the whole word at every
// position; this looks for the word's first byte with memrchr and compares
// only there, several times faster over the clauses the extractor searches
// for each of its cue words.
size_t ReverseFind(std::string_view text, std::string_view word,
                   size_t from = std::string_view::npos);

// The first occurrence of the three-byte `word` (one CJK character or
// punctuation mark) in `text` at or after `from`, as string_view::find
// gives it.  find looks for the word's first byte with memchr, and 0xE3,
// the first byte of 。、《》 and the ideographic space, comes every few
// characters in Chinese text; this compares all three bytes sixteen
// positions at a time, about 4.5 times as fast over gazette text.
size_t FindTriple(std::string_view text, std::string_view word,
                  size_t from = 0);

// Value of a run of ASCII or full-width digits, -1 if none or too long.
int64_t ParseDigits(std::string_view digits);

// Value of a Chinese numeral (一 … 九十九, 百, 零/〇, 两), -1 if not one.
int ChineseNumeralValue(std::string_view numeral);

// "2023年3月2日", "2023 年 3 月 2 日" or "二〇二三年三月二日" alone on a
// (cleaned) line → "2023-03-02"; "" for anything else or an impossible date.
std::string ParseDateLine(std::string_view clean);

// The last code point of `text` as a string_view into it ("" if empty).
std::string_view LastCodePoint(std::string_view text);

// The first code point of `text` as a string_view into it ("" if empty).
std::string_view FirstCodePoint(std::string_view text);

}  // namespace policygraph::internal

#endif  // POLICYGRAPH_SRC_TEXT_UTIL_H_

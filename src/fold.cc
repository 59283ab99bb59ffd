#include "policygraph/fold.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <re2/re2.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "fold_internal.h"

namespace policygraph {

namespace {

// Every fold works on code points: a string is decoded once, rewritten in a
// single pass and encoded again, so each function stays linear.  Invalid
// UTF-8 decodes to U+FFFD, which keeps the outputs valid UTF-8 (JSON export
// relies on that) without ever rejecting an input.
std::u32string DecodeUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const size_t length = text.size();
  std::u32string out;
  out.reserve(length);
  for (size_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  return out;
}

std::string EncodeUtf8(std::u32string_view code_points) {
  std::string out;
  out.reserve(code_points.size() * 3);
  for (char32_t c : code_points) {
    uint8_t buffer[U8_MAX_LENGTH];
    int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, static_cast<UChar32>(c));
    out.append(reinterpret_cast<const char*>(buffer), length);
  }
  return out;
}

bool IsWhitespace(char32_t c) {
  // ASCII first: nearly every code point of a gazette is ASCII or an
  // ideograph, and ICU's property lookup is most of the cost of trimming.
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  // U+3000 IDEOGRAPHIC SPACE is the last White_Space code point, so the
  // ideographs above it need no lookup either.
  if (c > 0x3000) return false;
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}

bool IsAsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

// Full-width ASCII variants (U+FF01..U+FF5E) sit at a fixed distance from
// ASCII, so folding digits and letters is one subtraction.
constexpr char32_t kFullWidthOffset = 0xFEE0;

bool IsFullWidthDigit(char32_t c) { return c >= U'０' && c <= U'９'; }

bool IsFullWidthLetter(char32_t c) {
  return (c >= U'Ａ' && c <= U'Ｚ') || (c >= U'ａ' && c <= U'ｚ');
}

char32_t FoldFullWidthDigit(char32_t c) {
  return IsFullWidthDigit(c) ? c - kFullWidthOffset : c;
}

char32_t FoldFullWidthAlnum(char32_t c) {
  return IsFullWidthDigit(c) || IsFullWidthLetter(c) ? c - kFullWidthOffset : c;
}

// Both rewrite in place: a fold is a chain of these over one decoded copy.
std::u32string WithoutWhitespace(std::u32string text) {
  text.erase(std::remove_if(text.begin(), text.end(), IsWhitespace),
             text.end());
  return text;
}

// PDF-to-Markdown extraction leaves `**bold**` markers in some gazettes
// (hechuan-gazette-2023-01); they are layout, never part of a title.
std::u32string WithoutMarkdownBold(std::u32string text) {
  size_t kept = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == U'*' && i + 1 < text.size() && text[i + 1] == U'*') {
      ++i;
      continue;
    }
    text[kept++] = text[i];
  }
  text.resize(kept);
  return text;
}

// Dashes that scrapers and typists put between the years of a period:
// (2021-2025年), (2021–2025年), 2~3个.  The gazettes print an em dash.
bool IsRangeDash(char32_t c) {
  switch (c) {
    case U'-':       // hyphen-minus
    case U'~':       // tilde
    case U'\u2010':  // ‐ hyphen
    case U'\u2011':  // non-breaking hyphen
    case U'\u2012':  // figure dash
    case U'\u2013':  // – en dash
    case U'\u2015':  // ― horizontal bar
    case U'\u2212':  // − minus sign
    case U'\u2500':  // ─ box drawing, common in PDF extraction
    case U'\u301C':  // 〜 wave dash
    case U'\uFF0D':  // － full-width hyphen-minus
    case U'\uFF5E':  // ～ full-width tilde
      return true;
    default:
      return false;
  }
}

// Every dash FoldForMatch unifies: the range dashes plus the em dashes the
// gazettes print themselves (— and the —— of bullet lists).
bool IsAnyDash(char32_t c) {
  return IsRangeDash(c) || c == U'\u2014' || c == U'\u2E3A' || c == U'\u2E3B' ||
         c == U'\uFE58' || c == U'\uFE63';
}

char32_t FoldTitleParenthesis(char32_t c) {
  switch (c) {
    case U'(':
    case U'\uFE59':  // ﹙ small
      return U'（';
    case U')':
    case U'\uFE5A':  // ﹚ small
      return U'）';
    default:
      return c;
  }
}

// A dash between two digits is a range (2021—2025); elsewhere a dash may be
// part of a name, so it is left alone.
std::u32string FoldDigitRangeDashes(std::u32string_view text) {
  std::u32string out(text);
  for (size_t i = 1; i + 1 < out.size(); ++i) {
    if (IsRangeDash(out[i]) && IsAsciiDigit(out[i - 1]) &&
        IsAsciiDigit(out[i + 1])) {
      out[i] = U'—';
    }
  }
  return out;
}

// True when the first 《 closes at the very end: 《A《B》C》 is wrapped,
// 《A》和《B》 is not.
bool IsWrappedInTitleMarks(std::u32string_view text) {
  if (text.size() < 2 || text.front() != U'《' || text.back() != U'》') {
    return false;
  }
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == U'《') ++depth;
    if (text[i] == U'》') --depth;
    if (depth == 0) return i + 1 == text.size();
  }
  return false;
}

char32_t FoldMatchBracket(char32_t c) {
  switch (c) {
    case U'\u3014':  // 〔
    case U'\u3010':  // 【
    case U'\u3016':  // 〖
    case U'\u3018':  // 〘
      return U'[';
    case U'\u3015':  // 〕
    case U'\u3011':  // 】
    case U'\u3017':  // 〗
    case U'\u3019':  // 〙
      return U']';
    default:
      return c;  // NFKC already made （）［］ ASCII and ﹝﹞ into 〔〕
  }
}

bool IsQuote(char32_t c) {
  switch (c) {
    case U'"':
    case U'\'':
    case U'\u2018':  // ‘
    case U'\u2019':  // ’
    case U'\u201A':  // ‚
    case U'\u201B':  // ‛
    case U'\u201C':  // “
    case U'\u201D':  // ”
    case U'\u201E':  // „
    case U'\u201F':  // ‟
    case U'\u301D':  // 〝
    case U'\u301E':  // 〞
    case U'\u301F':  // 〟
      return true;
    default:
      return false;
  }
}

char32_t FoldMatchPunctuation(char32_t c) {
  if (IsAnyDash(c)) return U'-';
  if (IsQuote(c)) return U'"';
  return FoldMatchBracket(c);
}

// What NFKC then lower-casing makes of each BMP code point, where that is
// the same in any string: code points normalization leaves alone and that
// touch no neighbour (ideographs, most punctuation) when they have no case,
// ASCII, the full-width forms of ASCII, and U+3000.  kNotPlain marks the
// others (combining marks, compatibility ideographs, cased letters beyond
// ASCII…), for which the whole string goes through ICU.
constexpr char32_t kNotPlain = 0xFFFFFFFF;

std::vector<char32_t> MakePlainFolds() {
  std::vector<char32_t> folds(0x10000, kNotPlain);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return folds;
  for (char32_t c = 0; c < 0x80; ++c)
    folds[c] = c >= U'A' && c <= U'Z' ? c - U'A' + U'a' : c;
  for (char32_t c = 0xFF01; c <= 0xFF5E; ++c) folds[c] = folds[c - 0xFEE0];
  folds[0x3000] = U' ';
  for (char32_t c = 0x80; c < 0x10000; ++c) {
    const auto cp = static_cast<UChar32>(c);
    if (folds[c] == kNotPlain && !U_IS_SURROGATE(cp) && nfkc->isInert(cp) &&
        !u_hasBinaryProperty(cp, UCHAR_CASED))
      folds[c] = c;
  }
  return folds;
}

// NFKC folds full-width forms, ① → 1 and U+3000 → space; lower-casing with
// the root locale keeps the result independent of the machine's locale.
// ICU makes four copies (to UTF-16, normalized, lower-cased, back to
// UTF-8), which FoldMatchPlain spares nearly every text.
std::u32string NfkcLowerWithIcu(std::string_view text) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString normalized = nfkc->normalize(unicode, status);
    if (U_SUCCESS(status)) unicode = normalized;
  }
  unicode.toLower(icu::Locale::getRoot());
  std::string utf8;
  unicode.toUTF8String(utf8);
  return DecodeUtf8(utf8);
}

// The steps of FoldForMatch after NFKC and lower case.
std::u32string FoldMatchAfterNfkc(std::u32string text) {
  std::u32string folded =
      WithoutMarkdownBold(WithoutWhitespace(std::move(text)));
  for (char32_t& c : folded) c = FoldMatchPunctuation(c);
  return folded;
}

// What FoldForMatch makes of each plain code point (see MakePlainFolds):
// kDropped for whitespace, else its punctuation fold.  The fold is then a
// lookup a code point, and `**` removal when the text has a '*'.
constexpr char32_t kDropped = 0xFFFFFFFE;

std::vector<char32_t> MakeMatchFolds() {
  std::vector<char32_t> folds = MakePlainFolds();
  for (char32_t& c : folds)
    if (c != kNotPlain)
      c = IsWhitespace(c) ? kDropped : FoldMatchPunctuation(c);
  return folds;
}

// FoldForMatch of a text of plain code points in one pass, decoding,
// folding and dropping as it goes; nullopt otherwise.  Coverage folds
// every directive it counts, and the chain of passes (decode, fold,
// whitespace, bold, punctuation) was 7-9% of a build.
std::optional<std::u32string> FoldMatchPlain(std::string_view text) {
  static const std::vector<char32_t> folds = MakeMatchFolds();
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const size_t length = text.size();
  std::u32string out;
  out.reserve(length);
  bool star = false;
  for (size_t i = 0; i < length;) {
    UChar32 c;
    const uint8_t lead = bytes[i];
    // Ideographs, as in ScanCleanUtf8: E0 and ED, with narrower second
    // bytes, go the general way.
    if (lead >= 0xE1 && lead <= 0xEF && lead != 0xED && i + 2 < length &&
        (bytes[i + 1] & 0xC0) == 0x80 && (bytes[i + 2] & 0xC0) == 0x80) {
      c = (lead & 0x0F) << 12 | (bytes[i + 1] & 0x3F) << 6 |
          (bytes[i + 2] & 0x3F);
      i += 3;
    } else {
      U8_NEXT(bytes, i, length, c);
      if (c < 0 || c >= 0x10000) return std::nullopt;
    }
    const char32_t folded = folds[static_cast<size_t>(c)];
    if (folded == kNotPlain) return std::nullopt;
    if (folded == kDropped) continue;
    star |= folded == U'*';
    out.push_back(folded);
  }
  if (star) out = WithoutMarkdownBold(std::move(out));
  return out;
}

}  // namespace

std::u32string internal::FoldForMatchCodePoints(std::string_view text) {
  if (std::optional<std::u32string> plain = FoldMatchPlain(text))
    return std::move(*plain);
  return FoldMatchAfterNfkc(NfkcLowerWithIcu(text));
}

std::u32string internal::FoldForMatchCodePointsWithIcu(std::string_view text) {
  return FoldMatchAfterNfkc(NfkcLowerWithIcu(text));
}

std::string FoldForMatch(std::string_view text) {
  return EncodeUtf8(internal::FoldForMatchCodePoints(text));
}

std::string NormalizeTitle(std::string_view title) {
  std::u32string text =
      WithoutMarkdownBold(WithoutWhitespace(DecodeUtf8(title)));
  for (char32_t& c : text) c = FoldTitleParenthesis(FoldFullWidthAlnum(c));
  text = FoldDigitRangeDashes(text);
  std::u32string_view result = text;
  if (IsWrappedInTitleMarks(result))
    result = result.substr(1, result.size() - 2);
  return EncodeUtf8(result);
}

namespace {

bool IsOpeningBracket(char32_t c) {
  switch (c) {
    case U'〔':
    case U'[':
    case U'［':
    case U'【':
    case U'（':
    case U'(':
    case U'〖':
    case U'﹝':
      return true;
    default:
      return false;
  }
}

bool IsClosingBracket(char32_t c) {
  switch (c) {
    case U'〕':
    case U']':
    case U'］':
    case U'】':
    case U'）':
    case U')':
    case U'〗':
    case U'﹞':
      return true;
    default:
      return false;
  }
}

// The parts of 机关代字〔年份〕序号号, each pointing into the folded text.
struct DocNumberParts {
  std::u32string_view code;
  std::u32string_view year;
  std::u32string_view serial;
};

// Parses from the end, where the shape is fixed (号, digits, bracket, four
// digits, bracket); whatever precedes is the issuer's code.  Brackets need
// not pair up: scraped numbers mix them (〔2023]).
bool SplitDocNumber(std::u32string_view text, DocNumberParts& parts) {
  size_t end = text.size();
  if (end == 0 || text[end - 1] != U'号') return false;
  --end;
  size_t serial_begin = end;
  while (serial_begin > 0 && IsAsciiDigit(text[serial_begin - 1]))
    --serial_begin;
  if (serial_begin == end || serial_begin == 0) return false;
  // 渝府办发〔2019〕第8号 is 渝府办发〔2019〕8号.
  size_t bracket = serial_begin - 1;
  if (text[bracket] == U'第' && bracket > 0) --bracket;
  if (!IsClosingBracket(text[bracket])) return false;
  const size_t year_end = bracket;
  if (year_end < 4) return false;
  const size_t year_begin = year_end - 4;
  for (size_t i = year_begin; i < year_end; ++i) {
    if (!IsAsciiDigit(text[i])) return false;
  }
  if (year_begin == 0 || !IsOpeningBracket(text[year_begin - 1])) return false;
  const size_t code_end = year_begin - 1;
  if (code_end == 0) return false;
  parts.code = text.substr(0, code_end);
  parts.year = text.substr(year_begin, 4);
  parts.serial = text.substr(serial_begin, end - serial_begin);
  return true;
}

std::u32string_view WithoutLeadingZeros(std::u32string_view digits) {
  size_t first = digits.find_first_not_of(U'0');
  if (first == std::u32string_view::npos)
    return digits.substr(digits.size() - 1);
  return digits.substr(first);
}

// Where the 第 of a decree or announcement number is — 重庆市人民政府令
// 第359号, or by year 国家发展改革委令2023年第7号, 国家税务总局公告2023年
// 第6号 — with the year's first digit in `year_at` (npos without one);
// npos when `text` is neither.
size_t DecreeSerialMark(std::u32string_view text, size_t* year_at) {
  *year_at = std::u32string_view::npos;
  const size_t at = text.rfind(U'第');
  if (at == std::u32string_view::npos || at == 0 || text.size() < at + 3 ||
      text.back() != U'号')
    return std::u32string_view::npos;
  for (char32_t c : text.substr(at + 1, text.size() - at - 2))
    if (!IsAsciiDigit(c)) return std::u32string_view::npos;
  if (text[at - 1] == U'令') return at >= 2 ? at : std::u32string_view::npos;
  if (text[at - 1] != U'年' || at < 6) return std::u32string_view::npos;
  for (char32_t c : text.substr(at - 5, 4))
    if (!IsAsciiDigit(c)) return std::u32string_view::npos;
  const std::u32string_view issuer = text.substr(0, at - 5);
  if (!issuer.ends_with(U"令") && !issuer.ends_with(U"公告"))
    return std::u32string_view::npos;
  *year_at = at - 5;
  return at;
}

// 重庆市人民政府令第0359号 → 重庆市人民政府令第359号, and the same of a
// number by year; anything else unchanged.
std::u32string FoldDecreeNumber(const std::u32string& text) {
  size_t year_at = 0;
  const size_t at = DecreeSerialMark(text, &year_at);
  if (at == std::u32string::npos) return text;
  std::u32string out = text.substr(0, at + 1);
  out += WithoutLeadingZeros(
      std::u32string_view(text).substr(at + 1, text.size() - at - 2));
  out += U'号';
  return out;
}

// The value of a digit written in words (〇, ○, 零, 一 … 九), -1 for others.
int DigitInWords(char32_t c) {
  static constexpr std::u32string_view kDigits = U"〇一二三四五六七八九";
  if (c == U'○' || c == U'零') return 0;
  const size_t at = kDigits.find(c);
  return at == std::u32string_view::npos ? -1 : static_cast<int>(at);
}

// A number as NormalizeDocNumber and DocNumberYear read it: code points,
// no white space, ASCII digits.
std::u32string NumberText(std::string_view number) {
  std::u32string text = WithoutWhitespace(DecodeUtf8(number));
  for (char32_t& c : text) c = FoldFullWidthDigit(c);
  // A year in words between brackets, 〔二〇〇八〕, is the year in digits.
  for (size_t i = 0; i + 5 < text.size(); ++i) {
    if (!IsOpeningBracket(text[i]) || !IsClosingBracket(text[i + 5])) continue;
    if (!std::all_of(text.begin() + i + 1, text.begin() + i + 5,
                     [](char32_t c) { return DigitInWords(c) >= 0; }))
      continue;
    for (size_t k = i + 1; k < i + 5; ++k)
      text[k] = U'0' + static_cast<char32_t>(DigitInWords(text[k]));
  }
  return text;
}

}  // namespace

std::string NormalizeDocNumber(std::string_view number) {
  std::u32string text = NumberText(number);
  // 国务院第722号令 is 国务院令第722号.
  if (text.ends_with(U"号令")) {
    const size_t di = text.rfind(U'第');
    if (di != std::u32string::npos && di > 0)
      text = text.substr(0, di) + U'令' + text.substr(di, text.size() - di - 1);
  }
  // The State Council's and the President's decrees are cited with the
  // state's name and without: 中华人民共和国国务院令第699号 is 国务院令第699号.
  constexpr std::u32string_view kState = U"中华人民共和国";
  if (text.starts_with(kState)) {
    const std::u32string_view rest =
        std::u32string_view(text).substr(kState.size());
    if (rest.starts_with(U"国务院令") || rest.starts_with(U"主席令"))
      text.erase(0, kState.size());
  }
  DocNumberParts parts;
  if (!SplitDocNumber(text, parts)) return EncodeUtf8(FoldDecreeNumber(text));
  std::u32string normalized(parts.code);
  normalized += U'〔';
  normalized += parts.year;
  normalized += U'〕';
  normalized += WithoutLeadingZeros(parts.serial);
  normalized += U'号';
  return EncodeUtf8(normalized);
}

int DocNumberYear(std::string_view number) {
  const std::u32string text = NumberText(number);
  std::u32string_view digits;
  DocNumberParts parts;
  size_t year_at = 0;
  if (SplitDocNumber(text, parts))
    digits = parts.year;
  else if (DecreeSerialMark(text, &year_at) != std::u32string::npos &&
           year_at != std::u32string::npos)
    digits = std::u32string_view(text).substr(year_at, 4);
  int year = 0;
  for (char32_t digit : digits) year = year * 10 + (digit - U'0');
  return year;
}

size_t CodePointCount32(re2::StringPiece text) {
  size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string WithoutJurisdiction(std::string_view folded) {
  static const RE2* prefix = new RE2(R"(^\p{Han}{1,6}?(?:省|市|自治区))");
  re2::StringPiece input(folded.data(), folded.size());
  if (RE2::Consume(&input, *prefix) && CodePointCount32(input) >= 4)
    return std::string(input.data(), input.size());
  return std::string(folded);
}

std::string RemoveWhitespace(std::string_view text) {
  // Byte by byte rather than through a code point copy: the extractor
  // calls this for the clauses around every mention.  An ill-formed
  // sequence becomes U+FFFD, as DecodeUtf8 makes it.
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, text.size(), c);
    if (c < 0)
      out += "\xEF\xBF\xBD";
    else if (!IsWhitespace(static_cast<char32_t>(c)))
      out.append(text.data() + start, i - start);
  }
  return out;
}

std::string_view TrimWhitespace(std::string_view text) {
  // Only the ends are looked at: from the front forwards, then from the back
  // to the start of each last code point (U8_PREV would do that step but is
  // limited to int32 indices).  An ill-formed sequence is not space.
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  size_t begin = 0;
  while (begin < text.size()) {
    size_t next = begin;
    UChar32 c;
    U8_NEXT(bytes, next, text.size(), c);
    if (c < 0 || !IsWhitespace(static_cast<char32_t>(c))) break;
    begin = next;
  }
  size_t end = text.size();
  while (end > begin) {
    size_t start = end - 1;
    while (start > begin && end - start < 4 && (bytes[start] & 0xC0) == 0x80)
      --start;
    size_t next = start;
    UChar32 c;
    U8_NEXT(bytes, next, end, c);
    if (c < 0 || next != end || !IsWhitespace(static_cast<char32_t>(c))) break;
    end = start;
  }
  return text.substr(begin, end - begin);
}

}  // namespace policygraph

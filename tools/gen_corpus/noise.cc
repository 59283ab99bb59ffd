#include "gen_corpus/noise.h"

#include <array>

#include "gen_corpus/utf8.h"

namespace policygraph::gen {
namespace {

// Characters a continuation line must not start with: they would make it
// read as 一、, 第一章, 十、 or 附件.
bool OpensMarker(uint32_t cp) {
  constexpr std::array<uint32_t, 14> kMarkers = {
      U'一', U'二', U'三', U'四', U'五', U'六', U'七',
      U'八', U'九', U'十', U'第', U'附', U'专', U'〇'};
  for (uint32_t m : kMarkers)
    if (cp == m) return true;
  return false;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Byte offsets where a break or a stray space may go: between two
// ideographs, outside 《…》.
template <typename Visit>
void ForEachHanBoundary(std::string_view text, Visit visit) {
  int depth = 0;
  uint32_t prev = 0;
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = DecodeAt(text, i);
    if (cp == U'《') ++depth;
    if (cp == U'》' && depth > 0) --depth;
    if (depth == 0 && IsHan(prev) && IsHan(cp)) {
      if (!visit(i, cp)) return;
    }
    prev = cp;
    i += CodePointLength(text[i]);
  }
}

// A break point near the width of a printed line (28–44 characters in).
size_t PickBreak(std::string_view text, Random& random) {
  size_t want = static_cast<size_t>(random.Between(28, 44));
  size_t seen = 0, chosen = 0;
  ForEachHanBoundary(text, [&](size_t at, uint32_t cp) {
    ++seen;
    if (OpensMarker(cp)) return true;
    chosen = at;
    return seen < want;
  });
  return chosen;
}

// 2023年 → 2023 年, 〔2023〕7号 → 〔2023〕7 号: a space wherever digits
// meet ideographs, as the PDF's digit runs come out.
void AppendSpacedDigits(std::string_view text, std::string& out) {
  uint32_t prev = 0;
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = DecodeAt(text, i);
    size_t len = CodePointLength(text[i]);
    bool digit = cp < 0x80 && IsDigit(static_cast<char>(cp));
    bool prev_digit = prev < 0x80 && IsDigit(static_cast<char>(prev));
    if ((IsHan(prev) && digit) || (prev_digit && IsHan(cp))) out += ' ';
    out.append(text.substr(i, len));
    prev = cp;
    i += len;
  }
}

void AppendLine(std::string_view text, bool spaced_digits, std::string& out) {
  if (spaced_digits) {
    AppendSpacedDigits(text, out);
  } else {
    out += text;
  }
}

}  // namespace

void AppendParagraph(std::string_view paragraph, const NoiseRates& rates,
                     Random& random, std::string& out) {
  bool spaced_digits = random.Percent(rates.digit_space_percent);
  std::string with_space;
  if (random.Percent(rates.han_space_percent)) {
    size_t at = PickBreak(paragraph, random);
    if (at != 0) {
      with_space.reserve(paragraph.size() + 1);
      with_space.append(paragraph.substr(0, at));
      with_space += ' ';
      with_space.append(paragraph.substr(at));
      paragraph = with_space;
    }
  }
  bool ends_with_colon = paragraph.ends_with("：") || paragraph.ends_with(":");
  if (!ends_with_colon && paragraph.size() > 150 &&
      random.Percent(rates.break_percent)) {
    size_t at = PickBreak(paragraph, random);
    if (at != 0) {
      AppendLine(paragraph.substr(0, at), spaced_digits, out);
      out += "\n\n";
      paragraph = paragraph.substr(at);
    }
  }
  AppendLine(paragraph, spaced_digits, out);
  out += "\n\n";
}

std::string HalfWidthPunctuation(std::string_view text) {
  constexpr std::array<std::pair<std::string_view, char>, 5> kFolds = {
      {{"，", ','}, {"（", '('}, {"）", ')'}, {"：", ':'}, {"；", ';'}}};
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t len = CodePointLength(text[i]);
    std::string_view cp = text.substr(i, len);
    i += len;
    char folded = 0;
    for (const auto& [wide, narrow] : kFolds)
      if (cp == wide) folded = narrow;
    if (folded) {
      out += folded;
    } else {
      out += cp;
    }
  }
  return out;
}

}  // namespace policygraph::gen

// policygraph — folding and normalization shared by every matching stage.
//
// Display text keeps the characters the gazette printed; matching and ids
// use these folds, so `合川府发〔2023〕2 号`, `合川府发[2023]2号` and
// `合川府发（2023）002号` are one number, and `(2021-2025年)` in one text
// equals `（2021—2025年）` in another.
//
//   NormalizeTitle("《重庆市优化营商环境专项行动方案 (2024-2027年)》")
//       == "重庆市优化营商环境专项行动方案（2024—2027年）"
//   NormalizeDocNumber("合川府发[2023] 002 号") == "合川府发〔2023〕2号"
//   FoldForMatch("（2024—2027 年）") == FoldForMatch("(2024-2027年)")
//
// All functions are total: any UTF-8 input (invalid bytes included) gives
// an output, in time linear in the input.
#ifndef POLICYGRAPH_FOLD_H_
#define POLICYGRAPH_FOLD_H_

#include <string>
#include <string_view>

namespace policygraph {

// Aggressive fold for comparing two strings: NFKC (full-width → half-width),
// lower case, whitespace and Markdown `**` removed, every bracket variant
// (〔〕[]［］【】（）()) folded to ASCII parentheses or brackets, every dash
// (— – － ─ ‐ -) to '-', curly and straight quotes to '"'.  Not for display.
std::string FoldForMatch(std::string_view text);

// A title as ids and JSON show it: whitespace and `**` removed, outer 《》
// removed, ASCII/half-width parentheses folded to （）, a dash between
// digits folded to —, full-width digits and letters folded to ASCII.
std::string NormalizeTitle(std::string_view title);

// A document number as ids show it: 机关代字〔年份〕序号号 with the year in
// 〔〕, ASCII digits, no zero padding and no whitespace; a decree number as
// …令第N号 the same way, and one numbered by year (国家发展改革委令2023年
// 第7号, 国家税务总局公告2023年第6号).  Text that is neither comes back with
// only whitespace removed.
std::string NormalizeDocNumber(std::string_view number);

// The year a document number carries (渝府办发〔2023〕12号 → 2023), read as
// NormalizeDocNumber reads it, or a decree or announcement numbered by year
// (国家税务总局公告2023年第6号); 0 for what carries none (重庆市人民政府令
// 第359号, a "title:…" id, a standard).  A document is issued in the year
// of its number, so the year stands in for a date the text does not give.
int DocNumberYear(std::string_view number);

// A folded title without a leading province or city name (重庆市合川区… →
// 合川区…), so a plan and its mention with or without the prefix compare
// equal; unchanged when fewer than four characters would remain.
std::string WithoutJurisdiction(std::string_view folded);

// Removes every Unicode white space character (including U+3000 and NBSP).
std::string RemoveWhitespace(std::string_view text);

// Trims Unicode white space at both ends.
std::string_view TrimWhitespace(std::string_view text);

}  // namespace policygraph

#endif  // POLICYGRAPH_FOLD_H_

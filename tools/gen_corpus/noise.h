// gen-corpus — PDF extraction noise, as the bundled gazettes show it.
//
// Text copied out of a PDF keeps the page's line breaks and the typesetter's
// spacing.  AppendParagraph writes one logical paragraph the way the
// bundled texts print theirs:
//
//   此次整治范围为全市已建成投用的高层公共建筑和高层住宅建筑。
//     → "此次整治范围为全市已建成投用的高\n\n层公共建筑和高层住宅建筑。\n\n"
//   2023年3月15日 → "2023 年 3 月 15 日"
//
// Breaks fall only between two ideographs outside 《…》, never before a
// numeral or 第, so a continuation line cannot read as a directive marker
// and a cited title stays on one line; lines ending in a colon are never
// broken (a broken "…通知如下：" could pass for an addressee line).
#ifndef POLICYGRAPH_GEN_CORPUS_NOISE_H_
#define POLICYGRAPH_GEN_CORPUS_NOISE_H_

#include <string>
#include <string_view>

#include "gen_corpus/random.h"

namespace policygraph::gen {

struct NoiseRates {
  int break_percent = 18;        // paragraphs broken once mid-sentence
  int digit_space_percent = 25;  // paragraphs printing "2023 年", "7 号"
  int han_space_percent = 6;     // paragraphs with a stray space in words
};

// Appends `paragraph` (no line end inside) plus a blank line to `out`.
void AppendParagraph(std::string_view paragraph, const NoiseRates& rates,
                     Random& random, std::string& out);

// Full-width punctuation folded to ASCII (，→, （→( ：→: ；→;), as some
// documents are typeset throughout.
std::string HalfWidthPunctuation(std::string_view text);

}  // namespace policygraph::gen

#endif  // POLICYGRAPH_GEN_CORPUS_NOISE_H_

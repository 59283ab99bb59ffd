// policygraph — resolve: references → the documents or external nodes they
// name, across the whole corpus.
//
// Tiers, in order, for each reference:
//   self      it names its own document (extract decided)        → that doc
//   number    its document/decree number is a corpus document's    → that doc
//   title     its normalized title equals a document's title or
//             the plan a 印发 notice issues                          → that doc
//   alias     an abbreviation: its full title goes through `title`
//   fuzzy     the variants real texts use — a 重庆市/…省 prefix
//             present or not, 的 inserted, 方案 vs 实施方案, years
//             written differently — scored by character-bigram Dice on
//             the canonical forms, accepted at kFuzzyThreshold or more
//             and never by mere containment or across numbers (titles
//             whose digit runs or 第-ordinals both exist and differ:
//             第十三个 vs 第十四个五年规划, 2021年 vs 2022年)
//   external  anything else → an ExternalNode keyed by normalized number
//             (or "title:" + title), so every mention of one outside
//             document lands on one node; a title seen with a number
//             joins the numbered node
//
//   根据《重庆市人民政府关于加快推进…的意见》（渝府发〔2023〕7号）
//     in 渝府办发〔2024〕22号 → target 渝府发〔2023〕7号, tier number
//
// Two corpus documents tied for one reference is a warning
// (ambiguous-reference), and the smaller id is taken so output is stable.
#ifndef POLICYGRAPH_RESOLVE_H_
#define POLICYGRAPH_RESOLVE_H_

#include <string_view>
#include <vector>

#include "policygraph/model.h"

namespace policygraph {

struct Corpus;

// Chosen on the bundled corpus: variants of one title score ≥ 0.90, while
// distinct documents sharing most of their words (妇女发展规划 vs 儿童发展
// 规划) stay below.
inline constexpr double kFuzzyThreshold = 0.90;

struct Resolution {
  std::vector<ExternalNode> externals;  // sorted by id
  std::vector<Diagnostic> diagnostics;
};

// Fills target, target_kind, tier and score of every reference in place.
Resolution ResolveReferences(Corpus& corpus);

// The form titles are compared in by the fuzzy tier (exposed for tests).
std::string CanonicalTitle(std::string_view title);
double TitleSimilarity(std::string_view a, std::string_view b);

// Level and type of a document known only by its title and/or number.
Level ClassifyExternalLevel(std::string_view title, std::string_view number);
std::string ClassifyExternalType(std::string_view title,
                                 std::string_view number);

}  // namespace policygraph

#endif  // POLICYGRAPH_RESOLVE_H_

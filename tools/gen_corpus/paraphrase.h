// gen-corpus — how a lower level restates a parent's directive.
//
// A district plan that implements a municipal one copies its tasks in its
// own words: the jurisdiction changes (全市 → 全区), verbs are swapped for
// near synonyms (加快 → 加速), clauses move or drop out, a local tail is
// added.  The distinctive task phrases (named projects, platforms, targets)
// survive, which is what coverage alignment keys on:
//
//   加强人才队伍建设。依托重点项目引进高端研发机构，强化龙头企业与高校联合培养。
//     → 强化人才队伍建设。强化龙头企业与高校联合培养，依托重点项目引进高端
//       研发机构，结合我区实际抓好落实。
#ifndef POLICYGRAPH_GEN_CORPUS_PARAPHRASE_H_
#define POLICYGRAPH_GEN_CORPUS_PARAPHRASE_H_

#include <string>
#include <string_view>

#include "gen_corpus/random.h"

namespace policygraph::gen {

// `task` restated by `jurisdiction` (an index into Jurisdictions(); -1 keeps
// the municipal wording).
std::string Paraphrase(std::string_view task, int jurisdiction, Random& random);

// `task` with 全市/市级/我市 … turned into the jurisdiction's own words.
std::string Localize(std::string_view task, int jurisdiction);

}  // namespace policygraph::gen

#endif  // POLICYGRAPH_GEN_CORPUS_PARAPHRASE_H_

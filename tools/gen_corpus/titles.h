// gen-corpus — the words generated titles end in.
//
// Shared by the corpus generator (generator.h) and the graph generator
// (graph_generator.h), so both name plans alike:
//
//   municipal  重庆市 + topic + 三年行动计划（2023—2025年）
//   district   万州区2023年 + topic + 实施方案
#ifndef POLICYGRAPH_GEN_CORPUS_TITLES_H_
#define POLICYGRAPH_GEN_CORPUS_TITLES_H_

#include <string>

#include "gen_corpus/random.h"

namespace policygraph::gen {

// A plan's last words, dated from `year` for municipal plans.  Municipal
// and district suffixes differ, so a district plan of its own never shares
// a core title with a municipal one by accident.
inline std::string PlanSuffix(bool municipal, int year, Random& random) {
  std::string y = std::to_string(year);
  std::string y2 = std::to_string(year + 2);
  std::string y4 = std::to_string(year + 4);
  if (municipal) {
    switch (random.Below(4)) {
      case 0:
        return "三年行动计划（" + y + "—" + y2 + "年）";
      case 1:
        return "专项行动方案（" + y + "年）";
      case 2:
        return "行动方案（" + y + "—" + y4 + "年）";
      default:
        return "工作方案（" + y + "年）";
    }
  }
  switch (random.Below(4)) {
    case 0:
      return "实施方案";
    case 1:
      return "工作要点";
    case 2:
      return "推进方案";
    default:
      return "工作措施";
  }
}

}  // namespace policygraph::gen

#endif  // POLICYGRAPH_GEN_CORPUS_TITLES_H_

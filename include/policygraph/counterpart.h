// policygraph — counterparts: the same policy at another level.
//
// A district plan and the municipal plan it localizes usually share their
// title once the jurisdiction is taken off:
//
//   合川区2023年高层建筑消防安全“除险清患”专项行动工作方案      (district)
//   重庆市2023年高层建筑消防安全“除险清患”专项行动工作方案      (municipal)
//   core: 2023年高层建筑消防安全“除险清患”专项行动工作方案
//
// Years and year ranges are part of the core (a 2021—2025 plan is not the
// counterpart of a 2016—2020 one).  Such documents are linked even when
// neither cites the other.
#ifndef POLICYGRAPH_COUNTERPART_H_
#define POLICYGRAPH_COUNTERPART_H_

#include <string>
#include <string_view>
#include <vector>

#include "policygraph/model.h"

namespace policygraph {

struct Corpus;

// The title without what only says who issued it: the issuer and 关于 of
// "重庆市人民政府关于…的意见", then leading jurisdictions (重庆市, 合川区,
// 重庆市合川区, 石柱土家族自治县, 全区, 全市, 国家, 全国, 中华人民共和国 …).
// What only looks like one stays: areas (成渝地区双城经济圈…, 城乡社区…),
// words (城市更新…, 区域…) and clauses (全面开展区县级…).  Expects a
// normalized title (NormalizeTitle); returns "" when too little is left to
// identify a policy (fewer than 6 characters).
std::string CoreTitle(std::string_view title);

// One candidate: a document of the corpus or an external node.
struct CounterpartCandidate {
  std::string id;
  std::vector<std::string> titles;  // every title it goes by
  Level level = Level::kUnknown;
  std::string date;  // YYYY-MM-DD, or "" (an external node, or none found)
};

struct Counterpart {
  std::string lower;   // the district / department / municipal one
  std::string higher;  // the municipal / national one
  std::string core;    // the shared core title
};

// Pairs of candidates at different levels (district or department below
// municipal below national; kUnknown never pairs) whose core titles are
// equal, each pair once, with the smallest core two titles share.  Sorted
// by (lower, higher).
//
// A candidate has at most one counterpart a core at each higher level: a
// notice issued again every year under the same title (关于做好安全生产
// 工作的通知) has one core for all its years.  A candidate without a date
// whose id is a document number counts as dated 2 July of the number's
// year (DocNumberYear), midway, so it pairs within that year: an external
// node cited as 渝府办发〔2022〕5号, or a notice whose date the text lost.
// A dated candidate takes the dated one nearest to it in date (the earlier
// when two are equally near, the first in corpus order of a day); one with
// neither date nor number, or with no dated one above it, the first in
// corpus order.  Candidates are grouped by core and each level's dated
// ones sorted, so the pairs and the cost grow with the number of titles:
// 1,000 yearly municipal notices and 1,000 district ones under one title
// had made a million pairs and a 60-second build of 1 MB.
std::vector<Counterpart> FindCounterparts(
    const std::vector<CounterpartCandidate>& candidates);

// The candidates of a corpus, documents first (corpus order), then external
// nodes.  A document goes by the plan it issues (attached_title) or else
// its title, and by each plan of a notice that issues several
// (JoinedTitles); an external node by its title and, for a 印发/转发 notice
// known only by its wrapper title, by the plan it issues (IssuedTitle).
std::vector<CounterpartCandidate> CounterpartCandidates(const Corpus& corpus);

}  // namespace policygraph

#endif  // POLICYGRAPH_COUNTERPART_H_

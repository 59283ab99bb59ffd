#ifndef POLICYGRAPH_SRC_ISSUER_NAME_H_
#define POLICYGRAPH_SRC_ISSUER_NAME_H_

// Issuers' names as citations print them before a title (市政府, 市发展改革委,
// 国务院办公厅) and as titles print them (重庆市人民政府, 重庆市发展和改革
// 委员会): written out, placed, and matched one against the other.

#include <string>
#include <string_view>

namespace policygraph::internal {

// Where an issuer is: its province or municipality (重庆市) and the
// district or county below it (重庆市合川区), each "" when not known.
struct Jurisdiction {
  std::string top, district;
};

// The place a name opens with (中共 skipped): 重庆市 of 重庆市人民政府,
// 重庆市合川区 of 中共重庆市合川区委办公室.
Jurisdiction JurisdictionOf(std::string_view name);

// One issuer of those printed before a title, written out as titles begin
// (市委 → 中共重庆市委, 重庆市政府 → 重庆市人民政府, 市发展改革委 → 重庆市发展
// 改革委, 财政部 as printed), levels by the citing document's place
// `where`; "" when it is no issuer's name or names a level whose place
// `where` does not give.
std::string WriteOutIssuer(std::string_view name, const Jurisdiction& where);

// True when `title` opens with the name of a national body its level
// can't be read from otherwise (财政部关于…, 海关总署公告…).
bool OpensWithNationalIssuer(std::string_view title);

// True when `cited`, issuers as WriteOutIssuer writes them out, names
// `titled`, issuers as a title prints them: both open with one place and
// the rest of `cited` is the rest of `titled` with characters left out,
// ending alike, as a department's short name is its full name's
// (发展改革委 of 发展和改革委员会, 人力社保局 of 人力资源和社会保障局).
bool AbbreviatesIssuer(std::string_view cited, std::string_view titled);

}  // namespace policygraph::internal

#endif  // POLICYGRAPH_SRC_ISSUER_NAME_H_

#include "issuer_name.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include <re2/re2.h>

#include "text_util.h"

namespace policygraph::internal {
namespace {

// A place as titles print it: 重庆市, 重庆市合川区, 重庆市石柱土家族自治县.
#define PG_PLACE \
  R"((\p{Han}{2,3}(?:省|市|自治区)(?:\p{Han}{1,8}(?:区|县|自治县))?))"
// What a department's name ends in.
#define PG_BODY R"((?:委员会|委|局|厅|办公室|办|部|署|总队|支队|中心))"

struct Patterns {
  // The government or party committee of a place, and their offices:
  // 重庆市人民政府办公厅, 中共重庆市委, 重庆市合川区人民政府 (重庆市政府 as
  // 重庆市人民政府).
  RE2 full{R"((中共)?)" PG_PLACE R"((?:人民)?(政府|委)(办公厅|办公室)?)"};
  // Or named by its level: 市政府, 区委办公室, 省政府办公厅, 市人民政府,
  // 市政府办.
  RE2 level{R"((省|市|区|县)(?:人民)?(政府|委)(办公厅|办公室|办)?)"};
  // A department named by its level: 市发展改革委, 区应急局, 市委组织部;
  // not 市场监管局 (the level is 市市场监管局's first 市) or 区县教委.
  RE2 department_by_level{
      R"((省|市|区|县)([^场域级属直内外县]\p{Han}{0,11})" PG_BODY R"())"};
  // A department named with its place: 重庆市教育委员会, 中共重庆市委宣传部.
  RE2 department{R"((中共)?)" PG_PLACE R"((\p{Han}{1,14})" PG_BODY R"())"};
  // A national department: 国家发展改革委, 国家税务总局, 国务院安委会办公室.
  RE2 national{R"((?:国家|国务院)\p{Han}{1,12}(?:委员会|委|局|署|办公室|办))"};
  // Where a name's issuer is, and how long a prefix that place takes.
  RE2 place{
      R"(^(中共)?(\p{Han}{2,3}(?:省|市|自治区))(\p{Han}{1,8}?(?:区|县|自治县))?)"};
};

#undef PG_PLACE
#undef PG_BODY

const Patterns& P() {
  static const Patterns* patterns = new Patterns();
  return *patterns;
}

// Names whose level no place gives, printed as titles print them (党中央
// is written 中共中央).  The ministries, whose names end in 部 as prose may
// (对财政部 is not one), are listed whole.
constexpr std::array<std::string_view, 34> kNational = {
    "国务院",
    "国务院办公厅",
    "中共中央",
    "中共中央办公厅",
    "外交部",
    "国防部",
    "教育部",
    "科技部",
    "科学技术部",
    "工业和信息化部",
    "公安部",
    "国家安全部",
    "民政部",
    "司法部",
    "财政部",
    "人力资源社会保障部",
    "人力资源和社会保障部",
    "自然资源部",
    "生态环境部",
    "住房城乡建设部",
    "住房和城乡建设部",
    "交通运输部",
    "水利部",
    "农业农村部",
    "商务部",
    "文化和旅游部",
    "退役军人事务部",
    "应急管理部",
    "审计署",
    "海关总署",
    "中国人民银行",
    "市场监管总局",
    "国务院国资委",
    "全国人大常委会",
};

// The length of the place `name` opens with (中共 included), 0 when none,
// and the place itself.
size_t PlacePrefix(std::string_view name, Jurisdiction* where) {
  re2::StringPiece input(name.data(), name.size());
  re2::StringPiece party, top, sub;
  if (!RE2::Consume(&input, P().place, &party, &top, &sub)) return 0;
  where->top = std::string(top);
  where->district = sub.empty() ? "" : where->top + std::string(sub);
  return name.size() - input.size();
}

}  // namespace

Jurisdiction JurisdictionOf(std::string_view name) {
  Jurisdiction where;
  PlacePrefix(name, &where);
  return where;
}

std::string WriteOutIssuer(std::string_view name, const Jurisdiction& where) {
  if (name == "党中央") return "中共中央";
  for (std::string_view national : kNational)
    if (name == national) return std::string(name);
  const re2::StringPiece input(name.data(), name.size());
  std::string party, place, body, office, level;
  if (RE2::FullMatch(input, P().full, &party, &place, &body, &office) ||
      RE2::FullMatch(input, P().level, &level, &body, &office)) {
    if (!level.empty()) {
      place = level == "区" || level == "县" ? where.district : where.top;
      if (!EndsWith(place, level)) return "";
      if (office == "办")
        office = level == "市" || level == "省" ? "办公厅" : "办公室";
    }
    return body == "委" ? "中共" + place + "委" + office
                        : place + "人民政府" + office;
  }
  // A party committee's department is the committee's: 中共重庆市委组织部.
  auto of_party = [](std::string place, const std::string& body) {
    return (StartsWith(body, "委") ? "中共" : "") + std::move(place) + body;
  };
  if (RE2::FullMatch(input, P().department_by_level, &level, &body)) {
    place = level == "区" || level == "县" ? where.district : where.top;
    if (!EndsWith(place, level)) return "";
    return of_party(place, body);
  }
  if (RE2::FullMatch(input, P().department, &party, &place, &body))
    return of_party(place, body);
  if (RE2::FullMatch(input, P().national)) return std::string(name);
  return "";
}

bool OpensWithNationalIssuer(std::string_view title) {
  return StartsWith(title, "党中央") ||
         std::any_of(kNational.begin(), kNational.end(),
                     [&](std::string_view n) { return StartsWith(title, n); });
}

bool AbbreviatesIssuer(std::string_view cited, std::string_view titled) {
  if (cited == titled) return !cited.empty();
  Jurisdiction of_cited, of_titled;
  const size_t place = PlacePrefix(cited, &of_cited);
  const size_t titled_place = PlacePrefix(titled, &of_titled);
  if (place == 0 || of_cited.top != of_titled.top ||
      of_cited.district != of_titled.district)
    return false;
  std::string_view rest = cited.substr(place);
  std::string_view full = titled.substr(titled_place);
  if (rest.empty()) return false;
  // Ending alike: 局 for 局, 委 for 委员会, 办 for 办公室 or 办公厅.
  const std::string_view last = LastCodePoint(rest);
  if (!EndsWith(full, last) && !(last == "委" && EndsWith(full, "委员会")) &&
      !(last == "办" && (EndsWith(full, "办公室") || EndsWith(full, "办公厅"))))
    return false;
  // Each character of the short name in turn, in order, in the full one.
  while (!rest.empty()) {
    const std::string_view c = FirstCodePoint(rest);
    const size_t at = full.find(c);
    if (at == std::string_view::npos) return false;
    full.remove_prefix(at + c.size());
    rest.remove_prefix(c.size());
  }
  return true;
}

}  // namespace policygraph::internal

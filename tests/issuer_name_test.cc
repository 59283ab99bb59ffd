// Issuers' names: written out from a citation, placed, and a short name
// matched to the full one a title prints.
#include "issuer_name.h"

#include <gtest/gtest.h>

namespace policygraph::internal {
namespace {

TEST(IssuerName, WritesOutDepartmentsByTheirPlace) {
  const Jurisdiction city{"重庆市", ""};
  const Jurisdiction district{"重庆市", "重庆市合川区"};
  struct Case {
    const char* printed;
    const Jurisdiction& where;
    const char* written;
  } cases[] = {
      {"市发展改革委", city, "重庆市发展改革委"},
      {"区发展改革委", district, "重庆市合川区发展改革委"},
      {"区应急局", city, ""},  // a municipal document names no district
      {"市委组织部", city, "中共重庆市委组织部"},
      {"市市场监管局", city, "重庆市市场监管局"},
      {"市场监管局", city, ""},  // 市 of 市场 is no level
      {"区县教委", district, ""},
      {"市政府办", city, "重庆市人民政府办公厅"},
      {"区政府办", district, "重庆市合川区人民政府办公室"},
      {"重庆市教育委员会", district, "重庆市教育委员会"},
      {"中共重庆市委宣传部", district, "中共重庆市委宣传部"},
      {"重庆市委宣传部", district, "中共重庆市委宣传部"},
      {"国家发展改革委", city, "国家发展改革委"},
      {"国务院安委会办公室", city, "国务院安委会办公室"},
      {"财政部", city, "财政部"},
      {"住房和城乡建设部", city, "住房和城乡建设部"},
      {"城乡建设部", city, ""},
      {"对财政部", city, ""},
      {"你局", city, ""},
      {"有关部", city, ""},
  };
  for (const Case& c : cases)
    EXPECT_EQ(WriteOutIssuer(c.printed, c.where), c.written) << c.printed;
}

TEST(IssuerName, PlacesANameByWhatItOpensWith) {
  Jurisdiction where = JurisdictionOf("中共重庆市合川区委办公室");
  EXPECT_EQ(where.top, "重庆市");
  EXPECT_EQ(where.district, "重庆市合川区");
  where = JurisdictionOf("重庆市发展和改革委员会");
  EXPECT_EQ(where.top, "重庆市");
  EXPECT_EQ(where.district, "");
  EXPECT_EQ(JurisdictionOf("国务院").top, "");
}

TEST(IssuerName, AShortNameAbbreviatesItsFullOneInItsOwnPlace) {
  struct Case {
    const char* cited;
    const char* titled;
    bool names;
  } cases[] = {
      {"重庆市发展改革委", "重庆市发展和改革委员会", true},
      {"重庆市人力社保局", "重庆市人力资源和社会保障局", true},
      {"重庆市合川区教委", "重庆市合川区教育委员会", true},
      {"重庆市住房城乡建设委重庆市财政局",
       "重庆市住房和城乡建设委员会重庆市财政局", true},
      {"中共重庆市委组织部", "中共重庆市委组织部", true},
      // Another place: the municipal commission is not the district's.
      {"重庆市教委", "重庆市合川区教育委员会", false},
      {"重庆市合川区教委", "重庆市教育委员会", false},
      // Another ending: the commission is not its office.
      {"重庆市教委", "重庆市教育委员会办公室", false},
      // Characters the full name does not hold, or holds out of order.
      {"重庆市公安局", "重庆市公共资源交易监督管理局", false},
      {"重庆市改革发展委", "重庆市发展和改革委员会", false},
      {"重庆市", "重庆市教育委员会", false},
      {"教委", "教育委员会", false},  // no place
  };
  for (const Case& c : cases)
    EXPECT_EQ(AbbreviatesIssuer(c.cited, c.titled), c.names)
        << c.cited << " / " << c.titled;
}

}  // namespace
}  // namespace policygraph::internal

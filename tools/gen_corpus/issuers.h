// gen-corpus — who issues the generated documents.
//
// The generated corpus is Chongqing at scale: the municipal government, its
// general office and departments, and every district and county with its
// own government, office and departments.  Each issuer has the 机关代字 its
// document numbers start with, built the way the real ones are:
//
//   重庆市人民政府               渝府发      (municipal)
//   重庆市人民政府办公厅         渝府办发
//   重庆市教育委员会             渝教委发    (municipal department)
//   重庆市万州区人民政府         万州府发    (district)
//   重庆市万州区人民政府办公室   万州府办发
//   重庆市万州区教育委员会       万州教委发  (district department)
//
// Tables only: no state, so two generators never share counters.
#ifndef POLICYGRAPH_GEN_CORPUS_ISSUERS_H_
#define POLICYGRAPH_GEN_CORPUS_ISSUERS_H_

#include <string>
#include <string_view>
#include <vector>

namespace policygraph::gen {

enum class Tier {
  kMunicipalGovernment,  // 市政府, 市政府办公厅
  kMunicipalDepartment,  // 市…委/局
  kDistrictGovernment,   // 区县政府, 区县政府办公室
  kDistrictDepartment,   // 区县…委/局
};

struct Issuer {
  std::string name;  // 重庆市万州区人民政府办公室
  std::string code;  // 万州府办发
  Tier tier = Tier::kDistrictGovernment;
  int jurisdiction = -1;  // index into Jurisdictions(), -1 for municipal
  bool office = false;  // 办公厅/办公室: issues 印发/转发 notices mostly
};

struct Jurisdiction {
  std::string_view name;  // 万州区, 城口县, 石柱土家族自治县
  std::string_view short_name;  // 万州: what codes and 我区 prose use
  bool county = false;          // 县: prose says 我县, 全县
};

// The 38 districts and counties of Chongqing.
const std::vector<Jurisdiction>& Jurisdictions();

// Every issuer, municipal ones first, then each jurisdiction's in order:
// government, office, departments.  Indices are stable for a build.
const std::vector<Issuer>& Issuers();

// Indices into Issuers() of one jurisdiction's issuers (-1: municipal).
const std::vector<int>& IssuersOf(int jurisdiction);

// 区 or 县: the word a jurisdiction's own prose uses (全区, 我县).
std::string_view LocalWord(int jurisdiction);

// The 38 jurisdictions' prefix for a title: 万州区 (-1: 重庆市).
std::string TitlePrefix(int jurisdiction);

}  // namespace policygraph::gen

#endif  // POLICYGRAPH_GEN_CORPUS_ISSUERS_H_

#include "gen_corpus/issuers.h"

#include <array>
#include <utility>

namespace policygraph::gen {
namespace {

// A department as named at both levels, and the code word it adds to the
// jurisdiction's code: 渝 + 教委发, 万州 + 教委发.
struct DepartmentName {
  std::string_view name;
  std::string_view code;
};

constexpr std::array<DepartmentName, 14> kDepartments = {{
    {"发展和改革委员会", "发改发"},
    {"教育委员会", "教委发"},
    {"经济和信息化委员会", "经信发"},
    {"财政局", "财发"},
    {"生态环境局", "环发"},
    {"住房和城乡建设委员会", "建发"},
    {"交通运输委员会", "交发"},
    {"农业农村委员会", "农发"},
    {"商务委员会", "商务发"},
    {"卫生健康委员会", "卫健发"},
    {"应急管理局", "应急发"},
    {"民政局", "民发"},
    {"人力资源和社会保障局", "人社发"},
    {"市场监督管理局", "市监发"},
}};

std::vector<Jurisdiction> MakeJurisdictions() {
  constexpr std::array<std::pair<std::string_view, std::string_view>, 38>
      kNames = {{
          {"万州区", "万州"},
          {"涪陵区", "涪陵"},
          {"渝中区", "渝中"},
          {"大渡口区", "大渡口"},
          {"江北区", "江北"},
          {"沙坪坝区", "沙坪坝"},
          {"九龙坡区", "九龙坡"},
          {"南岸区", "南岸"},
          {"北碚区", "北碚"},
          {"綦江区", "綦江"},
          {"大足区", "大足"},
          {"渝北区", "渝北"},
          {"巴南区", "巴南"},
          {"黔江区", "黔江"},
          {"长寿区", "长寿"},
          {"江津区", "江津"},
          {"合川区", "合川"},
          {"永川区", "永川"},
          {"南川区", "南川"},
          {"璧山区", "璧山"},
          {"铜梁区", "铜梁"},
          {"潼南区", "潼南"},
          {"荣昌区", "荣昌"},
          {"开州区", "开州"},
          {"梁平区", "梁平"},
          {"武隆区", "武隆"},
          {"城口县", "城口"},
          {"丰都县", "丰都"},
          {"垫江县", "垫江"},
          {"忠县", "忠"},
          {"云阳县", "云阳"},
          {"奉节县", "奉节"},
          {"巫山县", "巫山"},
          {"巫溪县", "巫溪"},
          {"石柱土家族自治县", "石柱"},
          {"秀山土家族苗族自治县", "秀山"},
          {"酉阳土家族苗族自治县", "酉阳"},
          {"彭水苗族土家族自治县", "彭水"},
      }};
  std::vector<Jurisdiction> out;
  for (const auto& [name, short_name] : kNames)
    out.push_back({name, short_name, name.ends_with("县")});
  return out;
}

std::vector<Issuer> MakeIssuers() {
  std::vector<Issuer> out;
  out.push_back(
      {"重庆市人民政府", "渝府发", Tier::kMunicipalGovernment, -1, false});
  out.push_back({"重庆市人民政府办公厅", "渝府办发", Tier::kMunicipalGovernment,
                 -1, true});
  for (const DepartmentName& d : kDepartments)
    out.push_back({"重庆市" + std::string(d.name), "渝" + std::string(d.code),
                   Tier::kMunicipalDepartment, -1, false});
  const std::vector<Jurisdiction>& places = Jurisdictions();
  for (size_t j = 0; j < places.size(); ++j) {
    std::string place = "重庆市" + std::string(places[j].name);
    // 忠县 is too short to stand alone in a code: 忠府发 reads wrong, the
    // real one is 忠县府发.
    std::string code(places[j].short_name);
    if (code.size() <= 3) code = std::string(places[j].name);
    int index = static_cast<int>(j);
    out.push_back({place + "人民政府", code + "府发", Tier::kDistrictGovernment,
                   index, false});
    out.push_back({place + "人民政府办公室", code + "府办发",
                   Tier::kDistrictGovernment, index, true});
    for (const DepartmentName& d : kDepartments)
      out.push_back({place + std::string(d.name), code + std::string(d.code),
                     Tier::kDistrictDepartment, index, false});
  }
  return out;
}

}  // namespace

const std::vector<Jurisdiction>& Jurisdictions() {
  static const auto* places =
      new std::vector<Jurisdiction>(MakeJurisdictions());
  return *places;
}

const std::vector<Issuer>& Issuers() {
  static const auto* issuers = new std::vector<Issuer>(MakeIssuers());
  return *issuers;
}

const std::vector<int>& IssuersOf(int jurisdiction) {
  static const auto* groups = [] {
    auto* g = new std::vector<std::vector<int>>(Jurisdictions().size() + 1);
    const std::vector<Issuer>& all = Issuers();
    for (size_t i = 0; i < all.size(); ++i)
      (*g)[all[i].jurisdiction + 1].push_back(static_cast<int>(i));
    return g;
  }();
  return (*groups)[jurisdiction + 1];
}

std::string_view LocalWord(int jurisdiction) {
  if (jurisdiction < 0) return "市";
  return Jurisdictions()[jurisdiction].county ? "县" : "区";
}

std::string TitlePrefix(int jurisdiction) {
  if (jurisdiction < 0) return "重庆市";
  return std::string(Jurisdictions()[jurisdiction].name);
}

}  // namespace policygraph::gen

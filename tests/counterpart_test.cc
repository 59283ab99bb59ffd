// Core titles and counterparts: the same policy at another level.
#include "policygraph/counterpart.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "policygraph/pipeline.h"

namespace policygraph {
namespace {

const Corpus& BundledCorpus() {
  static const Corpus* corpus = new Corpus(LoadCorpus({PG_CORPUS_DIR}));
  return *corpus;
}

TEST(CoreTitle, RemovesIssuerAndJurisdictionsOnly) {
  struct Case {
    const char* title;
    const char* core;
  } cases[] = {
      // Leading jurisdictions, one or several.
      {"合川区2023年高层建筑消防安全“除险清患”专项行动工作方案",
       "2023年高层建筑消防安全“除险清患”专项行动工作方案"},
      {"重庆市2023年高层建筑消防安全“除险清患”专项行动工作方案",
       "2023年高层建筑消防安全“除险清患”专项行动工作方案"},
      {"重庆市合川区妇女发展规划（2021—2030年）",
       "妇女发展规划（2021—2030年）"},
      {"四川省成都市成华区城市更新行动计划", "城市更新行动计划"},
      {"石柱土家族自治县乡村振兴发展规划", "乡村振兴发展规划"},
      {"国家综合立体交通网规划纲要", "综合立体交通网规划纲要"},
      {"中华人民共和国统计法实施条例", "统计法实施条例"},
      {"全区2023年安全生产工作要点", "2023年安全生产工作要点"},
      {"中国妇女发展纲要（2021—2030年）", "妇女发展纲要（2021—2030年）"},
      // The issuer and 关于 say who, not what.
      {"重庆市人民政府关于加快推进空天信息产业高质量发展的意见",
       "加快推进空天信息产业高质量发展的意见"},
      {"重庆市合川区人民政府关于做好第五次全国经济普查工作的通知",
       "做好第五次全国经济普查工作的通知"},
      // Years and year ranges are part of the policy.
      {"重庆市医疗保障“十四五”规划（2021—2025年）",
       "医疗保障“十四五”规划（2021—2025年）"},
      {"2023年全区安全生产与自然灾害防治工作要点",
       "2023年全区安全生产与自然灾害防治工作要点"},
      // Areas and words that only look like jurisdictions stay.
      {"成渝地区双城经济圈建设规划纲要", "成渝地区双城经济圈建设规划纲要"},
      {"重庆市成渝地区双城经济圈建设规划纲要",
       "成渝地区双城经济圈建设规划纲要"},
      {"合川区城乡社区服务体系建设实施方案（2021—2025年）",
       "城乡社区服务体系建设实施方案（2021—2025年）"},
      {"重庆市城市更新提升“十四五”行动计划", "城市更新提升“十四五”行动计划"},
      {"合川区新型智慧城市总体建设方案（2022—2026年）",
       "新型智慧城市总体建设方案（2022—2026年）"},
      {"重庆市规划和自然资源局关于全面开展区县级矿产资源规划编制工作的通知",
       "全面开展区县级矿产资源规划编制工作的通知"},
      {"重庆市合川区人民政府办公室关于成立合川区地方志编纂委员会的通知",
       "成立合川区地方志编纂委员会的通知"},
      {"加快推进县城城镇化建设的意见", "加快推进县城城镇化建设的意见"},
      // Counties of one character go as the others do, unless 县城 reads
      // on (as for every county).
      {"忠县高层建筑消防安全整治行动方案", "高层建筑消防安全整治行动方案"},
      {"重庆市忠县农村供水保障实施方案（2024—2026年）",
       "农村供水保障实施方案（2024—2026年）"},
      {"忠县城区停车设施专项规划", "忠县城区停车设施专项规划"},
      // Too little left to tell policies apart.
      {"重庆市工作方案", ""},
      {"中华人民共和国安全生产法", ""},
      {"合川区人民政府关于印发的通知", ""},
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(CoreTitle(c.title), c.core) << c.title;
}

CounterpartCandidate Candidate(const std::string& id, Level level,
                               std::vector<std::string> titles) {
  CounterpartCandidate c;
  c.id = id;
  c.level = level;
  c.titles = std::move(titles);
  return c;
}

std::vector<std::string> PairNames(const std::vector<Counterpart>& pairs) {
  std::vector<std::string> names;
  for (const Counterpart& p : pairs) names.push_back(p.lower + ">" + p.higher);
  return names;
}

TEST(FindCounterparts, PairsEqualCoresAcrossLevelsLowerToHigher) {
  std::vector<CounterpartCandidate> candidates = {
      Candidate("n", Level::kNational, {"国家乡村振兴发展规划（2021—2025年）"}),
      Candidate("m", Level::kMunicipal,
                {"重庆市乡村振兴发展规划（2021—2025年）"}),
      Candidate("d1", Level::kDistrict,
                {"合川区乡村振兴发展规划（2021—2025年）"}),
      Candidate("d2", Level::kDistrict,
                {"永川区乡村振兴发展规划（2021—2025年）"}),
      Candidate("u", Level::kUnknown, {"乡村振兴发展规划（2021—2025年）"}),
      Candidate("old", Level::kMunicipal,
                {"重庆市乡村振兴发展规划（2016—2020年）"}),
      Candidate("other", Level::kMunicipal, {"重庆市生态环境保护规划"}),
  };
  std::vector<Counterpart> pairs = FindCounterparts(candidates);
  // No pair between the two districts, none with the unknown level, none
  // across year ranges.
  EXPECT_EQ(PairNames(pairs),
            (std::vector<std::string>{"d1>m", "d1>n", "d2>m", "d2>n", "m>n"}));
  ASSERT_FALSE(pairs.empty());
  EXPECT_EQ(pairs[0].core, "乡村振兴发展规划（2021—2025年）");
}

TEST(FindCounterparts, DistrictAndDepartmentAreOneLevel) {
  std::vector<CounterpartCandidate> candidates = {
      Candidate("dept", Level::kDepartment, {"重庆市露天焚烧管控工作方案"}),
      Candidate("dist", Level::kDistrict, {"合川区露天焚烧管控工作方案"}),
  };
  EXPECT_TRUE(FindCounterparts(candidates).empty());
}

TEST(FindCounterparts, ReportsEachPairOnceWhateverTheTitles) {
  std::vector<CounterpartCandidate> candidates = {
      Candidate("b", Level::kMunicipal,
                {"重庆市妇女发展规划（2021—2030年）",
                 "重庆市儿童发展规划（2021—2030年）"}),
      Candidate("a", Level::kDistrict,
                {"合川区妇女发展规划（2021—2030年）",
                 "合川区儿童发展规划（2021—2030年）",
                 "重庆市合川区儿童发展规划（2021—2030年）"}),
  };
  std::vector<Counterpart> pairs = FindCounterparts(candidates);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].lower, "a");
  EXPECT_EQ(pairs[0].higher, "b");
  // The smallest shared core, so the choice does not depend on hashing.
  EXPECT_EQ(pairs[0].core, "儿童发展规划（2021—2030年）");
}

TEST(FindCounterparts, OutputIsSortedWhateverTheInputOrder) {
  std::vector<CounterpartCandidate> candidates;
  for (int i = 9; i >= 0; --i) {
    std::string n = std::to_string(i);
    candidates.push_back(Candidate("d" + n, Level::kDistrict,
                                   {"合川区第" + n + "号专项行动工作方案"}));
    candidates.push_back(Candidate("m" + n, Level::kMunicipal,
                                   {"重庆市第" + n + "号专项行动工作方案"}));
  }
  std::vector<Counterpart> pairs = FindCounterparts(candidates);
  ASSERT_EQ(pairs.size(), 10u);
  for (size_t i = 0; i < pairs.size(); ++i) {
    const std::string n = std::to_string(i);
    EXPECT_EQ(pairs[i].lower, std::string("d").append(n));
    EXPECT_EQ(pairs[i].higher, std::string("m").append(n));
  }
}

CounterpartCandidate Dated(const std::string& id, Level level,
                           const std::string& title, const std::string& date) {
  CounterpartCandidate c = Candidate(id, level, {title});
  c.date = date;
  return c;
}

// A notice issued every year under one title: each district notice is the
// counterpart of the one municipal notice nearest to it in date (the first
// of its day), not of every year's; one without a date, and every notice
// below national ones without dates, of the first in corpus order.
TEST(FindCounterparts, AYearlyNoticePairsWithTheHigherOneNearestInDate) {
  const std::string m = "重庆市关于做好安全生产工作的通知";
  const std::string d = "合川区关于做好安全生产工作的通知";
  const std::string n = "国务院关于做好安全生产工作的通知";
  std::vector<CounterpartCandidate> candidates = {
      Dated("m2019", Level::kMunicipal, m, "2019-03-01"),
      Dated("m2020", Level::kMunicipal, m, "2020-03-01"),
      Dated("m2021", Level::kMunicipal, m, "2021-03-01"),
      Dated("m2022a", Level::kMunicipal, m, "2022-03-01"),
      Dated("m2022b", Level::kMunicipal, m, "2022-03-01"),
      Dated("x", Level::kMunicipal, m, ""),
      Dated("n1", Level::kNational, n, ""),
      Dated("n2", Level::kNational, n, ""),
      Dated("d1", Level::kDistrict, d, "2020-03-05"),
      Dated("d2", Level::kDistrict, d, ""),
      Dated("d3", Level::kDistrict, d, "2018-01-01"),
      Dated("d4", Level::kDistrict, d, "2020-09-02"),  // 185 and 180 days
      Dated("d5", Level::kDistrict, d, "2022-06-01"),
      Dated("d6", Level::kDistrict, d, "2021-03-01"),
  };
  EXPECT_EQ(PairNames(FindCounterparts(candidates)),
            (std::vector<std::string>{"d1>m2020", "d1>n1", "d2>m2019", "d2>n1",
                                      "d3>m2019", "d3>n1", "d4>m2021", "d4>n1",
                                      "d5>m2022a", "d5>n1", "d6>m2021", "d6>n1",
                                      "m2019>n1", "m2020>n1", "m2021>n1",
                                      "m2022a>n1", "m2022b>n1", "x>n1"}));
}

// Equally near on both sides: the earlier, which the local notice can
// follow.  A date that is no day is no date.
TEST(FindCounterparts, EquallyNearTakesTheEarlierAndABadDateIsNone) {
  const std::string m = "重庆市关于做好防汛抗旱工作的通知";
  const std::string d = "合川区关于做好防汛抗旱工作的通知";
  std::vector<CounterpartCandidate> candidates = {
      Dated("m2", Level::kMunicipal, m, "2023-05-11"),
      Dated("m1", Level::kMunicipal, m, "2023-05-01"),
      Dated("m3", Level::kMunicipal, m, "2023-05-06x"),
      Dated("d", Level::kDistrict, d, "2023-05-06"),
      Dated("dbad", Level::kDistrict, d, "2023-02-30"),
  };
  EXPECT_EQ(PairNames(FindCounterparts(candidates)),
            (std::vector<std::string>{"d>m1", "dbad>m2"}));
}

// A notice whose text gives no date, and an external node known by its
// number, count as dated midway through their number's year.
TEST(FindCounterparts, AnUndatedNumberedNoticeCountsAsMidwayThroughItsYear) {
  const std::string m = "重庆市关于做好安全生产工作的通知";
  const std::string d = "合川区关于做好安全生产工作的通知";
  std::vector<CounterpartCandidate> candidates = {
      Dated("渝府办发〔2021〕5号", Level::kMunicipal, m, ""),
      Dated("渝府办发〔2022〕9号", Level::kMunicipal, m, "2022-03-01"),
      Dated("渝府办发〔2023〕2号", Level::kMunicipal, m, ""),
      // 2021-07-02 itself.
      Dated("合川府办发〔2021〕3号", Level::kDistrict, d, ""),
      // 2022-07-02: 123 days after 2022-03-01, a year from the others.
      Dated("合川府办发〔2022〕4号", Level::kDistrict, d, ""),
      // 181 days before 2023-07-02, 307 after 2022-03-01.
      Dated("合川府办发〔2023〕1号", Level::kDistrict, d, "2023-01-02"),
      // No date, no number: the first in corpus order.
      Dated("title:合川区关于做好安全生产工作的通知", Level::kDistrict, d, ""),
  };
  EXPECT_EQ(PairNames(FindCounterparts(candidates)),
            (std::vector<std::string>{
                "title:合川区关于做好安全生产工作的通知>渝府办发〔2021〕5号",
                "合川府办发〔2021〕3号>渝府办发〔2021〕5号",
                "合川府办发〔2022〕4号>渝府办发〔2022〕9号",
                "合川府办发〔2023〕1号>渝府办发〔2023〕2号"}));
}

// Midway means every day of the number's year is nearer than any day of
// another: in leap 2020, 1 January and 31 December against the days just
// outside the year.
TEST(FindCounterparts, AnUndatedNumberedNoticePairsWithinItsYear) {
  const std::string m = "重庆市关于做好防汛抗旱工作的通知";
  const std::string d = "合川区关于做好防汛抗旱工作的通知";
  auto pair_of = [&](const std::string& before, const std::string& after) {
    std::vector<CounterpartCandidate> candidates = {
        Dated("m-before", Level::kMunicipal, m, before),
        Dated("m-after", Level::kMunicipal, m, after),
        Dated("合川府办发〔2020〕3号", Level::kDistrict, d, ""),
    };
    std::vector<std::string> names = PairNames(FindCounterparts(candidates));
    return names.size() == 1 ? names[0] : std::string();
  };
  EXPECT_EQ(pair_of("2020-01-01", "2021-01-01"),
            "合川府办发〔2020〕3号>m-before");
  EXPECT_EQ(pair_of("2019-12-31", "2020-12-31"),
            "合川府办发〔2020〕3号>m-after");
}

// The pairs grow with the documents, not with pairs of them: 2,000 yearly
// notices on each side are 2,000 pairs, not four million, and 500 on one
// day with 500 the day after are 500.
TEST(FindCounterparts, ManyNoticesOfOneTitlePairOneToOne) {
  std::vector<CounterpartCandidate> candidates;
  // Years of four digits, days below 9.
  auto add = [&](const std::string& n, int year, int day) {
    const std::string month = std::to_string(year) + "-03-0";
    candidates.push_back(Dated("m" + n, Level::kMunicipal,
                               "重庆市关于做好安全生产工作的通知",
                               month + std::to_string(day)));
    candidates.push_back(Dated("d" + n, Level::kDistrict,
                               "合川区关于做好安全生产工作的通知",
                               month + std::to_string(day + 1)));
  };
  for (int i = 0; i < 2000; ++i) add(std::to_string(i), 1000 + i, 1);
  for (int i = 0; i < 500; ++i) add("same" + std::to_string(i), 3000, 1);
  std::vector<Counterpart> pairs = FindCounterparts(candidates);
  ASSERT_EQ(pairs.size(), 2500u);
  for (const Counterpart& p : pairs) {
    if (p.lower.starts_with("dsame"))
      EXPECT_EQ(p.higher, "msame0") << p.lower;
    else
      EXPECT_EQ(p.lower.substr(1), p.higher.substr(1)) << p.lower;
  }
}

const Counterpart* FindPair(const std::vector<Counterpart>& pairs,
                            const std::string& lower,
                            const std::string& higher) {
  for (const Counterpart& p : pairs)
    if (p.lower == lower && p.higher == higher) return &p;
  return nullptr;
}

TEST(FindCounterparts, LinksTheFireSafetyPlansThatDoNotCiteEachOther) {
  const Corpus& corpus = BundledCorpus();
  for (const ParsedFile& f : corpus.files) {
    for (const Reference& r : f.references) {
      bool cites = (r.doc == "合川府办发〔2023〕23号" &&
                    r.target == "渝府办发〔2023〕18号") ||
                   (r.doc == "渝府办发〔2023〕18号" &&
                    r.target == "合川府办发〔2023〕23号");
      EXPECT_FALSE(cites) << r.file << ":" << r.line;
    }
  }
  std::vector<Counterpart> pairs =
      FindCounterparts(CounterpartCandidates(corpus));
  const Counterpart* fire =
      FindPair(pairs, "合川府办发〔2023〕23号", "渝府办发〔2023〕18号");
  ASSERT_NE(fire, nullptr);
  EXPECT_EQ(fire->core, "2023年高层建筑消防安全“除险清患”专项行动工作方案");
  // One notice issuing two plans has a counterpart for each.
  EXPECT_NE(FindPair(pairs, "合川府发〔2023〕6号",
                     "title:重庆市妇女发展规划（2021—2030年）"),
            nullptr);
  EXPECT_NE(FindPair(pairs, "合川府发〔2023〕6号",
                     "title:重庆市儿童发展规划（2021—2030年）"),
            nullptr);
}

TEST(FindCounterparts, CorpusPairsCrossLevelsAndAreSortedAndUnique) {
  const Corpus& corpus = BundledCorpus();
  std::vector<CounterpartCandidate> candidates = CounterpartCandidates(corpus);
  std::map<std::string, Level> level;
  for (const CounterpartCandidate& c : candidates) level[c.id] = c.level;
  auto rank = [](Level l) {
    return l == Level::kNational ? 3 : l == Level::kMunicipal ? 2 : 1;
  };
  std::vector<Counterpart> pairs = FindCounterparts(candidates);
  ASSERT_GE(pairs.size(), 10u);
  for (size_t i = 0; i < pairs.size(); ++i) {
    const Counterpart& p = pairs[i];
    EXPECT_NE(level[p.lower], Level::kUnknown) << p.lower;
    EXPECT_LT(rank(level[p.lower]), rank(level[p.higher]))
        << p.lower << " → " << p.higher;
    EXPECT_EQ(CoreTitle(p.core), p.core) << "a core is its own core";
    if (i > 0) {
      const Counterpart& q = pairs[i - 1];
      EXPECT_LT(std::tie(q.lower, q.higher), std::tie(p.lower, p.higher));
    }
  }
}

TEST(CounterpartCandidates, CarryDocumentsPlansAndIssuedTitles) {
  std::vector<CounterpartCandidate> candidates =
      CounterpartCandidates(BundledCorpus());
  auto find = [&](const std::string& id) -> const CounterpartCandidate* {
    for (const CounterpartCandidate& c : candidates)
      if (c.id == id) return &c;
    return nullptr;
  };
  const CounterpartCandidate* two_plans = find("合川府发〔2023〕6号");
  ASSERT_NE(two_plans, nullptr);
  EXPECT_EQ(two_plans->titles,
            (std::vector<std::string>{
                "重庆市合川区妇女发展规划（2021—2030年）和重庆市合川区儿童"
                "发展规划（2021—2030年）",
                "重庆市合川区妇女发展规划（2021—2030年）",
                "重庆市合川区儿童发展规划（2021—2030年）"}));
  // A document's date goes with it (signed 2023年2月14日); an external node
  // has none.
  EXPECT_EQ(two_plans->date, "2023-02-14");
  // An external notice known only by its wrapper title also goes by the
  // plan it issues.
  const CounterpartCandidate* notice = find("渝府办发〔2022〕124号");
  ASSERT_NE(notice, nullptr);
  EXPECT_EQ(notice->date, "");
  EXPECT_NE(std::find(notice->titles.begin(), notice->titles.end(),
                      "重庆市入河排污口排查整治和监督管理工作方案"),
            notice->titles.end());
}

}  // namespace
}  // namespace policygraph

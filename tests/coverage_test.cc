// Coverage: directive alignment on small parent/child pairs made to isolate
// one rule, and on the corpus against the hand-checked links of
// tests/data/gold/directives.json (渝府发〔2023〕7号 → 渝府办发〔2024〕22号).
#include "policygraph/coverage.h"

#include <fstream>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "policygraph/pipeline.h"
#include "policygraph/report_format.h"

#include "coverage_internal.h"

namespace policygraph {
namespace {

const Corpus& BundledCorpus() {
  static const Corpus* corpus = new Corpus(LoadCorpus({PG_CORPUS_DIR}));
  return *corpus;
}

// Two one-document texts through the real pipeline: a municipal opinion
// and a district plan that carries out some of its tasks in other words.
Corpus PairCorpus(const std::string& parent_body,
                  const std::string& child_body) {
  std::vector<Diagnostic> diagnostics;
  Corpus corpus;
  auto add = [&](const std::string& path, const std::string& text) {
    SourceText source;
    source.path = path;
    source.text = text;
    IndexLines(source);
    corpus.files.push_back(ParseSource(std::move(source), diagnostics));
  };
  add("parent.txt",
      "重庆市人民政府\n关于推进某某产业发展的意见\n\n渝府发〔2023〕7号\n\n"
      "各区县（自治县）人民政府：\n\n" +
          parent_body);
  add("child.txt",
      "重庆市合川区人民政府\n关于推进某某产业发展的实施意见\n\n"
      "合川府发〔2023〕9号\n\n各镇人民政府：\n\n" +
          child_body);
  return corpus;
}

const DirectiveCoverage* FindDirective(const CoverageReport& report,
                                       const std::string& id) {
  for (const DirectiveCoverage& d : report.directives)
    if (d.id == id) return &d;
  return nullptr;
}

TEST(Coverage, GoalStatementsAreNotDirectives) {
  Corpus corpus = PairCorpus(
      "一、总体要求\n\n（一）指导思想。以习近平新时代中国特色社会主义思想为指导"
      "。\n\n"
      "（二）主要目标。到2025年产业规模达到500亿元。\n\n"
      "二、重点任务\n\n（三）建设北斗地基增强网。完善基准站布局。\n\n"
      "（四）培育卫星制造企业。引进火箭发射制造企业。\n",
      "一、工作目标\n\n到2025年建成示范区。\n\n二、主要任务\n\n"
      "（一）完善北斗地基增强基准站。新建基准站5座。\n");
  CoverageReport report =
      MeasureCoverage(corpus, "渝府发〔2023〕7号", {"合川府发〔2023〕9号"});
  std::vector<std::string> ids;
  for (const DirectiveCoverage& d : report.directives) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"二.（三）", "二.（四）"}));
  EXPECT_EQ(report.children, (std::vector<std::string>{"合川府发〔2023〕9号"}));
}

TEST(Coverage, AlignsParaphraseAndNamesTheSharedPhrases) {
  Corpus corpus = PairCorpus(
      "一、重点任务\n\n"
      "（一）建设北斗地基增强网。实施北斗地基增强网工程，构建导航增强一张网。\n"
      "\n"
      "（二）培育商业火箭产业。引进培育商业火箭研发制造企业，建设火箭总装基地。"
      "\n\n"
      "（三）建立联席会议制度。由市长任召集人，定期研究部署工作。\n",
      "一、主要任务\n\n"
      "（一）完善导航增强系统。推动基准站纳入北斗地基增强全国一张网。\n\n"
      "（二）发展商业航天。支持商业火箭研发制造企业落户，建设总装测试厂房。\n");
  CoverageReport report =
      MeasureCoverage(corpus, "渝府发〔2023〕7号", {"合川府发〔2023〕9号"});
  ASSERT_EQ(report.total, 3u);
  const DirectiveCoverage* beidou = FindDirective(report, "一.（一）");
  const DirectiveCoverage* rocket = FindDirective(report, "一.（二）");
  const DirectiveCoverage* council = FindDirective(report, "一.（三）");
  ASSERT_TRUE(beidou && rocket && council);
  ASSERT_EQ(beidou->implemented_by.size(), 1u);
  EXPECT_EQ(beidou->implemented_by[0].id, "一.（一）");
  EXPECT_EQ(report.DocumentOf(beidou->implemented_by[0]),
            "合川府发〔2023〕9号");
  EXPECT_EQ(report.FileOf(beidou->implemented_by[0]), "child.txt");
  EXPECT_NE(beidou->implemented_by[0].evidence.find("北斗地基增强"),
            std::string::npos)
      << beidou->implemented_by[0].evidence;
  ASSERT_EQ(rocket->implemented_by.size(), 1u);
  EXPECT_EQ(rocket->implemented_by[0].id, "一.（二）");
  EXPECT_GE(rocket->implemented_by[0].score, kAlignThreshold);
  EXPECT_TRUE(council->implemented_by.empty());
  EXPECT_EQ(report.covered, 2u);
  EXPECT_NEAR(report.Ratio(), 2.0 / 3.0, 1e-9);
}

// A phrase grows from a shared bigram to the longest stretch of the
// child's letters the parent also holds, wherever in the parent that is:
// here the parent's first 智慧 and first 城市 lead nowhere, its third 智慧
// to the whole phrase, and the phrase stops at the child's punctuation.
TEST(Coverage, GrowsEachPhraseAsFarAsTheParentAgrees) {
  Corpus corpus = PairCorpus(
      "一、重点任务\n\n"
      "（一）建设智慧城市。推进智慧交通试点，城市管理，建设智慧城市大脑平台。\n"
      "\n"
      "（二）培育商业火箭产业。引进火箭研发制造企业。\n\n"
      "（三）建立联席会议制度。定期研究部署工作。\n",
      "一、主要任务\n\n"
      "（一）打造城市大脑。建设智慧城市大脑平台，推动应用。\n\n"
      "（二）发展乡村旅游。建设民宿集群。\n");
  CoverageReport report =
      MeasureCoverage(corpus, "渝府发〔2023〕7号", {"合川府发〔2023〕9号"});
  const DirectiveCoverage* city = FindDirective(report, "一.（一）");
  ASSERT_TRUE(city);
  ASSERT_EQ(city->implemented_by.size(), 1u);
  std::vector<std::string> phrases;
  std::string evidence(city->implemented_by[0].evidence);
  for (size_t at; (at = evidence.find("、")) != std::string::npos;) {
    phrases.push_back(evidence.substr(0, at));
    evidence.erase(0, at + std::string("、").size());
  }
  phrases.push_back(evidence);
  EXPECT_NE(std::find(phrases.begin(), phrases.end(), "建设智慧城市大脑平台"),
            phrases.end())
      << city->implemented_by[0].evidence;
}

TEST(Coverage, NoChildrenMeansNothingCovered) {
  Corpus corpus = PairCorpus("一、任务\n\n（一）建设平台。建设数据平台。\n",
                             "一、任务\n\n（一）建设平台。\n");
  CoverageReport report = MeasureCoverage(corpus, "渝府发〔2023〕7号", {});
  EXPECT_EQ(report.total, 1u);
  EXPECT_EQ(report.covered, 0u);
  EXPECT_TRUE(MeasureCoverage(corpus, "no-such-id", {}).directives.empty());
}

// Twenty parent tasks word for word alike and one child task that repeats
// them tie: the child carries out the first kMaxParentsPerChild of them,
// in the parent's order, and the rest are left uncovered rather than
// each tie making a row.  Twenty unrelated tasks beside them keep the
// shared words distinctive.
TEST(Coverage, AChildDirectiveCarriesOutAtMostTheCapOfTiedParents) {
  const std::vector<std::string> numbers = {
      "一",     "二",     "三",     "四",     "五",     "六",     "七",
      "八",     "九",     "十",     "十一",   "十二",   "十三",   "十四",
      "十五",   "十六",   "十七",   "十八",   "十九",   "二十",   "二十一",
      "二十二", "二十三", "二十四", "二十五", "二十六", "二十七", "二十八",
      "二十九", "三十",   "三十一", "三十二", "三十三", "三十四", "三十五",
      "三十六", "三十七", "三十八", "三十九", "四十"};
  const std::vector<std::string> others = {
      "培育商业火箭企业",   "建立联席会议制度", "完善养老服务体系",
      "推进城市更新改造",   "加强食品安全监管", "发展文化旅游产业",
      "提升政务服务效能",   "优化营商环境建设", "深化农村土地改革",
      "健全应急管理机制",   "保护长江生态环境", "扩大对外开放合作",
      "促进高校毕业生就业", "改善农村人居环境", "加快水利设施建设",
      "规范住房租赁市场",   "支持中小企业融资", "强化耕地保护责任",
      "推动体育产业发展",   "完善医疗保障制度"};
  ASSERT_EQ(numbers.size(), 2 * others.size());
  std::string parent = "一、重点任务\n\n";
  for (size_t i = 0; i < numbers.size(); ++i)
    parent += "（" + numbers[i] + "）" +
              (i < others.size() ? std::string("建设北斗地基增强网")
                                 : others[i - others.size()]) +
              "。\n\n";
  Corpus corpus =
      PairCorpus(parent, "一、主要任务\n\n（一）建设北斗地基增强网。\n");
  CoverageReport report =
      MeasureCoverage(corpus, "渝府发〔2023〕7号", {"合川府发〔2023〕9号"});
  ASSERT_EQ(report.total, numbers.size());
  std::vector<std::string> covered;
  std::set<std::string> scores;
  for (const DirectiveCoverage& d : report.directives) {
    if (d.implemented_by.empty()) continue;
    covered.push_back(d.id);
    ASSERT_EQ(d.implemented_by.size(), 1u) << d.id;
    EXPECT_EQ(d.implemented_by[0].id, "一.（一）");
    scores.insert(ScoreText(d.implemented_by[0].score));
  }
  ASSERT_LT(kMaxParentsPerChild, others.size());
  std::vector<std::string> first;
  for (size_t i = 0; i < kMaxParentsPerChild; ++i)
    first.push_back("一.（" + numbers[i] + "）");
  EXPECT_EQ(covered, first);
  EXPECT_EQ(scores.size(), 1u) << "the kept rows are not ties";
  EXPECT_EQ(report.covered, kMaxParentsPerChild);
}

DocumentRef Ref(const Corpus& corpus, std::string_view id) {
  DocumentRef ref;
  ref.doc = corpus.FindDocument(id, &ref.file, &ref.tree);
  return ref;
}

// Rows as every printer shows them, to compare two reports whole.
std::vector<std::string> Rows(const CoverageReport& report) {
  std::vector<std::string> rows = report.children;
  for (const DirectiveCoverage& d : report.directives)
    for (const Implementation& impl : d.implemented_by)
      rows.push_back(d.id + " <- " + std::string(report.DocumentOf(impl)) +
                     "#" + std::string(impl.id) + " " +
                     std::string(report.FileOf(impl)) + " " +
                     ScoreText(impl.score) + " " + std::string(impl.evidence));
  return rows;
}

// Every field of every row, for comparing two reports.
std::vector<std::string> FullRows(const CoverageReport& report) {
  std::vector<std::string> rows = Rows(report);
  for (const DirectiveCoverage& d : report.directives)
    for (const Implementation& impl : d.implemented_by) {
      std::string row =
          std::string(impl.id) + " L" + std::to_string(impl.line) + " " +
          std::string(impl.heading) + " " + std::string(impl.deadline) + " [";
      for (const std::string& unit : impl.lead_units) row += unit + ";";
      rows.push_back(row + "]");
    }
  return rows;
}

// build frees the source texts between aligning and writing the rows: the
// rows must then come out as MeasureCoverage makes them with the texts.
TEST(Coverage, RowsAreFinishedFromTheTreesAlone) {
  // The gold pair, and a task list whose rows carry lead units and
  // deadlines (the layout of cq-gazette-2024-06.txt lines 381-406).
  std::vector<std::pair<Corpus, std::string>> cases;
  cases.emplace_back(BundledCorpus(), "渝府办发〔2024〕22号");
  cases.emplace_back(
      PairCorpus(
          "一、重点任务\n\n（一）推行企业名称申报承诺制。扩大申请人自主选择"
          "名称的权利和范围。\n\n（二）推动水电气网联合报装。优化报装流程，"
          "压减办理时间。\n",
          "附件\n\n2024年度工作任务清单\n\n序号\t工作任务\t牵头单位\t完成"
          "时间\n1\t推行企业名称申报承诺制，扩大申请人自主选择名称的权利和范"
          "围。\t区市场监管局\t2024年12月\n2\t推动水电气网联合报装工作，优化"
          "报装流程。\t区城市管理局、区经济信息委\t2024年6月\n"),
      "合川府发〔2023〕9号");
  size_t task_rows = 0;
  for (auto& [corpus, child] : cases) {
    const std::string parent = "渝府发〔2023〕7号";
    const CoverageReport whole = MeasureCoverage(corpus, parent, {child});
    ASSERT_GE(whole.covered, 2u) << child;
    for (const DirectiveCoverage& d : whole.directives)
      for (const Implementation& impl : d.implemented_by)
        task_rows += !impl.lead_units.empty() && !impl.deadline.empty();
    internal::PendingCoverage pending =
        internal::AlignCoverage(Ref(corpus, parent), {Ref(corpus, child)});
    // Counted once and kept, or counted again at each child's turn: the
    // same rows.
    EXPECT_EQ(FullRows(internal::FinishCoverage(internal::AlignCoverage(
                  Ref(corpus, parent), {Ref(corpus, child)}, 0))),
              FullRows(whole))
        << child;
    // Scores summed into arrays cleared whole, or only where a kid's
    // postings touched: the same rows.
    ASSERT_LE(whole.total, internal::kDenseParents) << child;
    EXPECT_EQ(FullRows(internal::FinishCoverage(internal::AlignCoverage(
                  Ref(corpus, parent), {Ref(corpus, child)},
                  internal::kKeptGramBytes, 0))),
              FullRows(whole))
        << child;
    for (ParsedFile& file : corpus.files) {
      std::string().swap(file.source.text);
      std::vector<uint32_t>().swap(file.source.line_starts);
    }
    const CoverageReport finished =
        internal::FinishCoverage(std::move(pending));
    EXPECT_EQ(FullRows(finished), FullRows(whole)) << child;
    EXPECT_EQ(finished.covered, whole.covered);
    EXPECT_EQ(finished.total, whole.total);
  }
  // Rows that carry lead units and deadlines were among those compared.
  EXPECT_EQ(task_rows, 2u);
}

// A kid's counts are kept by table slot, with a count too big for the
// slot's word written after it; whether all, some or none are kept, the
// rows are those of counting each kid again at its turn.
TEST(Coverage, KeptCountsGiveTheRowsOfCountingAgain) {
  std::string repeated;
  for (int i = 0; i < 200; ++i) repeated += "推进数据平台";
  const Corpus corpus = PairCorpus(
      "一、重点任务\n\n（一）建设数据平台。推进数据平台建设，"
      "推进数据共享。\n\n（二）推动水电气网联合报装。优化报装流程，"
      "压减办理时间。\n",
      "一、主要任务\n\n（一）" + repeated +
          "，推动数据共享。\n\n（二）推动水电气网联合报装工作，压减办理时间。\n"
          "\n"
          "（三）优化报装流程，推动联合报装。\n");
  const DocumentRef parent = Ref(corpus, "渝府发〔2023〕7号");
  const std::vector<DocumentRef> children = {
      Ref(corpus, "合川府发〔2023〕9号")};
  const std::vector<std::string> counted_again = FullRows(
      internal::FinishCoverage(internal::AlignCoverage(parent, children, 0)));
  // The directive of 200 repeats is among the rows, so its big counts were
  // weighed.
  bool repeats_aligned = false;
  for (const std::string& row : counted_again)
    repeats_aligned |= row.find("#一.（一） ") != std::string::npos;
  EXPECT_TRUE(repeats_aligned);
  EXPECT_GE(counted_again.size(), 3u);
  for (size_t limit : {size_t{40}, size_t{400}, internal::kKeptGramBytes})
    EXPECT_EQ(FullRows(internal::FinishCoverage(
                  internal::AlignCoverage(parent, children, limit))),
              counted_again)
        << "limit " << limit;
}

// A row names its document by its place in `children`: that place is the
// report's, so children skipped (the parent itself, an unknown id, a
// repeat) do not shift it, and each row gets its own document and file.
TEST(Coverage, EachRowNamesItsOwnDocumentAndFile) {
  Corpus corpus = PairCorpus(
      "一、重点任务\n\n"
      "（一）建设北斗地基增强网。实施北斗地基增强网工程，构建导航增强一张网。\n"
      "\n"
      "（二）培育商业火箭产业。引进培育商业火箭研发制造企业，建设火箭总装基地。"
      "\n",
      "一、主要任务\n\n"
      "（一）完善北斗地基增强网。推动北斗地基增强基准站纳入一张网。\n");
  std::vector<Diagnostic> diagnostics;
  SourceText source;
  source.path = "second.txt";
  source.text =
      "重庆市永川区人民政府\n关于推进某某产业发展的实施意见\n\n"
      "永川府发〔2023〕3号\n\n各镇人民政府：\n\n一、主要任务\n\n"
      "（一）引进商业火箭企业。培育商业火箭研发制造企业，建设总装基地。\n";
  IndexLines(source);
  corpus.files.push_back(ParseSource(std::move(source), diagnostics));
  CoverageReport report = MeasureCoverage(
      corpus, "渝府发〔2023〕7号",
      {"渝府发〔2023〕7号", "没有这个文件", "永川府发〔2023〕3号",
       "永川府发〔2023〕3号", "合川府发〔2023〕9号"});
  ASSERT_EQ(report.children, (std::vector<std::string>{"永川府发〔2023〕3号",
                                                       "合川府发〔2023〕9号"}));
  EXPECT_EQ(report.child_files,
            (std::vector<std::string>{"second.txt", "child.txt"}));
  const DirectiveCoverage* beidou = FindDirective(report, "一.（一）");
  const DirectiveCoverage* rocket = FindDirective(report, "一.（二）");
  ASSERT_TRUE(beidou && rocket);
  ASSERT_EQ(beidou->implemented_by.size(), 1u);
  ASSERT_EQ(rocket->implemented_by.size(), 1u);
  EXPECT_EQ(report.DocumentOf(beidou->implemented_by[0]),
            "合川府发〔2023〕9号");
  EXPECT_EQ(report.FileOf(beidou->implemented_by[0]), "child.txt");
  EXPECT_EQ(report.DocumentOf(rocket->implemented_by[0]),
            "永川府发〔2023〕3号");
  EXPECT_EQ(report.FileOf(rocket->implemented_by[0]), "second.txt");
  // An index no report makes names nothing rather than reading past the end.
  Implementation stray;
  stray.child = 2;
  EXPECT_EQ(report.DocumentOf(stray), "");
  EXPECT_EQ(report.FileOf(stray), "");
}

TEST(Coverage, DocumentsLookedUpOnceAlignAsIds) {
  const Corpus& corpus = BundledCorpus();
  const CoverageReport by_id =
      MeasureCoverage(corpus, "渝府发〔2023〕7号", {"渝府办发〔2024〕22号"});
  // The parent among its children and a child named twice count once.
  const CoverageReport by_ref = MeasureCoverage(
      Ref(corpus, "渝府发〔2023〕7号"),
      {Ref(corpus, "渝府办发〔2024〕22号"), Ref(corpus, "渝府发〔2023〕7号"),
       Ref(corpus, "渝府办发〔2024〕22号"), DocumentRef{}});
  ASSERT_GT(by_id.covered, 0u);
  EXPECT_EQ(by_ref.children, std::vector<std::string>{"渝府办发〔2024〕22号"});
  EXPECT_EQ(Rows(by_ref), Rows(by_id));
  EXPECT_EQ(by_ref.covered, by_id.covered);
  EXPECT_EQ(by_ref.total, by_id.total);
  EXPECT_TRUE(MeasureCoverage(DocumentRef{}, {}).directives.empty());
}

struct GoldLinks {
  std::set<std::pair<std::string, std::string>> links;  // (parent, child)
  std::vector<std::string> orphans;
};

GoldLinks ReadGold() {
  std::ifstream in(std::string(PG_TEST_DATA) + "/gold/directives.json");
  nlohmann::json gold = nlohmann::json::parse(in);
  const nlohmann::json& pair = gold["pairs"][0];
  GoldLinks out;
  for (const auto& link : pair["links"])
    for (const auto& child : link["child"])
      out.links.emplace(link["parent"].get<std::string>(),
                        child.get<std::string>());
  for (const auto& orphan : pair["orphans"]) out.orphans.push_back(orphan);
  return out;
}

// The parent's ids are tree paths (二.（一）); the annotation writes the
// item label alone (（一）).
std::string Label(const std::string& id) {
  size_t dot = id.rfind('.');
  return dot == std::string::npos ? id : id.substr(dot + 1);
}

// The figures the README reports.  The floors sit just under today's
// measurement so a regression fails; they are not the issue's 0.80 target,
// which lexical alignment does not reach on this pair (see README).
TEST(CoverageCorpus, DevelopmentPairAgainstHandCheckedLinks) {
  GoldLinks gold = ReadGold();
  CoverageReport report = MeasureCoverage(BundledCorpus(), "渝府发〔2023〕7号",
                                          {"渝府办发〔2024〕22号"});
  ASSERT_EQ(report.total, 15u);
  std::set<std::pair<std::string, std::string>> found;
  std::vector<std::string> orphans;
  for (const DirectiveCoverage& d : report.directives) {
    for (const Implementation& impl : d.implemented_by)
      found.emplace(Label(d.id), impl.id);
    if (d.implemented_by.empty()) orphans.push_back(Label(d.id));
  }
  size_t hits = 0;
  for (const auto& link : found) hits += gold.links.count(link);
  double precision = found.empty() ? 0 : double(hits) / found.size();
  double recall = double(hits) / gold.links.size();
  RecordProperty("precision", std::to_string(precision));
  RecordProperty("recall", std::to_string(recall));
  std::cout << "links " << found.size() << ", gold " << gold.links.size()
            << ", precision " << precision << ", recall " << recall << "\n";
  EXPECT_GE(precision, 0.67);
  EXPECT_GE(recall, 0.58);
  for (const std::string& orphan : gold.orphans)
    EXPECT_NE(std::find(orphans.begin(), orphans.end(), orphan), orphans.end())
        << orphan << " is the annotated orphan";
}

}  // namespace
}  // namespace policygraph

namespace policygraph {
namespace {

// Reports built through the API may carry any bytes: the printers must not
// throw on ill-formed UTF-8, and each text record stays on one line.
TEST(CoveragePrinting, BrokenStringsCannotBreakJsonOrLines) {
  CoverageReport report;
  report.parent = "p";
  report.parent_title = "标题\xFF";
  DirectiveCoverage d;
  d.id = "一";
  d.heading = "任务\nnext";
  report.children = {"c"};
  report.child_files = {"c\xC0.txt"};
  Implementation impl;
  impl.child = 0;
  impl.id = "一";
  impl.heading = "\xE5\x8A";
  impl.evidence = "共享\x1B[2J";
  impl.score = 0.12345;
  d.implemented_by.push_back(impl);
  report.directives.push_back(d);
  std::string json;
  ASSERT_NO_THROW(json = CoverageToJson(report).dump());
  nlohmann::json parsed = nlohmann::json::parse(json);
  EXPECT_EQ(parsed["title"], "标题\xEF\xBF\xBD");
  EXPECT_EQ(parsed["directives"][0]["implemented_by"][0]["score"], 0.123);
  EXPECT_EQ(FormatCoverageText(report).find("\nnext"), std::string::npos);
}

}  // namespace
}  // namespace policygraph

// Resolution of references to corpus documents and external nodes.
#include "policygraph/resolve.h"

#include <set>

#include <gtest/gtest.h>

#include "policygraph/decode.h"
#include "policygraph/fold.h"
#include "policygraph/pipeline.h"

namespace policygraph {
namespace {

// A corpus made of small texts, resolved like LoadCorpus does.
Corpus Build(const std::vector<std::string>& texts) {
  Corpus corpus;
  for (size_t i = 0; i < texts.size(); ++i) {
    SourceText s;
    s.path = "t";
    s.path += std::to_string(i);
    s.path += ".txt";
    s.text = texts[i];
    IndexLines(s);
    corpus.files.push_back(ParseSource(s, corpus.diagnostics));
  }
  Resolution r = ResolveReferences(corpus);
  corpus.externals = r.externals;
  corpus.diagnostics.insert(corpus.diagnostics.end(), r.diagnostics.begin(),
                            r.diagnostics.end());
  return corpus;
}

const char kParent[] =
    "重庆市人民政府\n关于加快推进空天信息产业高质量发展的意见\n\n渝府发〔2023〕"
    "7号\n\n"
    "各区县（自治县）人民政府：\n\n正文。\n\n2023年2月28日\n";

std::string Child(const std::string& sentence) {
  std::string text =
      "重庆市合川区人民政府\n关于印发合川区空天信息产业行动计划的通知\n\n"
      "合川府发〔2024〕1号\n\n各镇人民政府：\n\n";
  text += sentence;
  text += "\n\n2024年1月5日\n";
  return text;
}

// A municipal regulation resting on the State Council's of the same name
// less 重庆市 cites that one: neither itself (self) nor, by the title's
// likeness, its own document.
TEST(Resolve, ADocumentDoesNotCiteItselfUnderAnotherName) {
  Corpus c = Build(
      {"重庆市物业管理条例\n\n（2023年7月27日重庆市第六届人民代表大会常务委员会"
       "第三次会议通过）\n\n第一条 根据《物业管理条例》，制定本条例。\n"});
  ASSERT_EQ(c.files[0].documents.size(), 1u);
  ASSERT_EQ(c.files[0].references.size(), 1u);
  const Reference& r = c.files[0].references[0];
  EXPECT_FALSE(r.self);
  EXPECT_EQ(r.relation, Relation::kBasis);
  EXPECT_EQ(r.target, "title:物业管理条例");
  EXPECT_EQ(r.target_kind, "external");
}

// 市政府《关于…的意见》 names the municipal government's document, not
// whatever else shares the words after 关于: the State Council's, cited as
// 国务院《关于…》, stays an outside document of that title.
TEST(Resolve, AnIssuerPrintedBeforeATitleIsPartOfIt) {
  Corpus c = Build(
      {kParent,
       "重庆市人民政府\n关于推动制造业高质量发展的若干意见\n\n渝府发〔2023〕"
       "9号\n\n各区县（自治县）人民政府：\n\n正文。\n\n2023年3月1日\n",
       "关于乙的通知\n\n渝府发〔2023〕8号\n\n各区县（自治县）人民政府：\n\n"
       "正文。\n\n2023年3月2日\n",
       Child("为贯彻落实市政府《关于加快推进空天信息产业高质量发展的意见》"
             "（以下简称《意见》），深入贯彻国务院《关于推动制造业高质量发展的"
             "若干意见》，结合区政府《关于甲的通知》，制定本计划。"
             "按照《意见》和市政府《关于乙的通知》要求。")});
  const auto& refs = c.files[3].references;
  ASSERT_EQ(refs.size(), 5u);
  EXPECT_EQ(refs[0].issuer, "重庆市人民政府");
  EXPECT_EQ(refs[0].target, "渝府发〔2023〕7号");
  EXPECT_EQ(refs[0].tier, "title");
  EXPECT_EQ(refs[1].target, "title:国务院关于推动制造业高质量发展的若干意见");
  EXPECT_EQ(refs[1].target_kind, "external");
  EXPECT_EQ(refs[2].target, "title:重庆市合川区人民政府关于甲的通知");
  // The abbreviation stands for the title with its issuer.
  EXPECT_EQ(refs[3].alias_of, "关于加快推进空天信息产业高质量发展的意见");
  EXPECT_EQ(refs[3].target, "渝府发〔2023〕7号");
  // A document whose title was printed without its issuer is still found.
  EXPECT_EQ(refs[4].target, "渝府发〔2023〕8号");
}

// A department cites another's document by its short name before the
// title (市发展改革委《关于…》): the document of that title whose issuer the
// short name abbreviates, in the citing document's place, is the one
// meant; the district's commission of the same title is not the city's.
TEST(Resolve, ADepartmentsShortNameFindsItsDocument) {
  auto department = [](const std::string& issuer, const std::string& title,
                       const std::string& number) {
    return issuer + "关于" + title + "\n\n" + number +
           "\n\n各区县（自治县）发展改革委：\n\n正文。\n\n2023年3月1日\n";
  };
  Corpus c = Build(
      {department("重庆市发展和改革委员会", "加快推进重点项目建设的通知",
                  "渝发改投〔2023〕12号"),
       department("重庆市合川区教育委员会", "加强学校安全管理的意见",
                  "合川教委发〔2023〕3号"),
       Child("为贯彻落实市发展改革委《关于加快推进重点项目建设的通知》，"
             "按照市教委《关于加强学校安全管理的意见》，落实区教委《关于加强"
             "学校安全管理的意见》，制定本计划。")});
  const auto& refs = c.files[2].references;
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(refs[0].issuer, "重庆市发展改革委");
  EXPECT_EQ(refs[0].target, "渝发改投〔2023〕12号");
  EXPECT_EQ(refs[1].target, "title:重庆市教委关于加强学校安全管理的意见");
  EXPECT_EQ(refs[1].target_kind, "external");
  EXPECT_EQ(refs[2].target, "合川教委发〔2023〕3号");
  // The issuer printed short inside the marks is written out as well.
  Corpus short_inside =
      Build({department("重庆市发展和改革委员会", "加快推进重点项目建设的通知",
                        "渝发改投〔2023〕12号"),
             kParent,
             Child("落实《市发展改革委关于加快推进重点项目建设的通知》和"
                   "《市政府关于加快推进空天信息产业高质量发展的意见》，"
                   "按照《重庆市人民政府关于甲的意见》。")});
  const auto& inside = short_inside.files[2].references;
  ASSERT_EQ(inside.size(), 3u);
  EXPECT_EQ(inside[0].issuer, "重庆市发展改革委");
  EXPECT_EQ(inside[0].title, "市发展改革委关于加快推进重点项目建设的通知");
  EXPECT_EQ(inside[0].target, "渝发改投〔2023〕12号");
  EXPECT_EQ(inside[1].issuer, "重庆市人民政府");
  EXPECT_EQ(inside[1].target, "渝府发〔2023〕7号");
  EXPECT_EQ(inside[2].issuer, "");  // printed as titles print it
  EXPECT_EQ(inside[2].target, "title:重庆市人民政府关于甲的意见");
}

// A national law is cited by its full name and by its short one; both are
// one outside document, known by the full name.  A local regulation or a
// 办法 is no law.
TEST(Resolve, ALawCitedWithoutTheStatesNameIsOneNode) {
  Corpus c = Build({Child(
      "根据《中华人民共和国消防法》《消防法》《民法典》，依据《安全生产法》"
      "《重庆市消防条例》《甲管理办法》，制定本计划。")});
  std::vector<std::string> targets;
  for (const Reference& r : c.files[0].references) targets.push_back(r.target);
  EXPECT_EQ(targets,
            (std::vector<std::string>{
                "title:中华人民共和国消防法", "title:中华人民共和国消防法",
                "title:中华人民共和国民法典", "title:中华人民共和国安全生产法",
                "title:重庆市消防条例", "title:甲管理办法"}));
  ASSERT_EQ(c.externals.size(), 5u);
}

// A number listed after its title without marks names an outside node of
// that title; a title in marks, wherever it comes, wins over it.
TEST(Resolve, AListedNumberGivesItsOutsideNodeTheListsTitle) {
  const std::string repeal =
      "重庆市人民政府\n关于宣布失效一批规范性文件的决定\n\n渝府发〔2023〕40号"
      "\n\n各区县（自治县）人民政府：\n\n决定宣布失效以下规范性文件：\n\n"
      "1.重庆市人民政府关于甲的通知（渝府发〔2015〕1号）\n\n"
      "2.重庆市人民政府关于乙的意见（渝府发〔2015〕2号）\n\n2023年10月8日\n";
  Corpus c = Build(
      {repeal, Child("根据《重庆市人民政府关于进一步做好甲工作的通知》（渝府发"
                     "〔2015〕1号），制定本计划。")});
  ASSERT_EQ(c.externals.size(), 2u);
  EXPECT_EQ(c.externals[0].id, "渝府发〔2015〕1号");
  EXPECT_EQ(c.externals[0].title, "重庆市人民政府关于进一步做好甲工作的通知");
  EXPECT_EQ(c.externals[1].id, "渝府发〔2015〕2号");
  EXPECT_EQ(c.externals[1].title, "重庆市人民政府关于乙的意见");
  EXPECT_EQ(c.externals[1].type, "opinion");
  EXPECT_EQ(c.externals[1].level, Level::kMunicipal);
}

TEST(Resolve, NumberWinsOverTitle) {
  Corpus c = Build(
      {kParent,
       Child("根据《某个完全不同的标题》（渝府发〔2023〕7号），制定本计划。")});
  const Reference& r = c.files[1].references.back();
  EXPECT_EQ(r.target, "渝府发〔2023〕7号");
  EXPECT_EQ(r.target_kind, "document");
  EXPECT_EQ(r.tier, "number");
}

TEST(Resolve, ExactAndVariantTitlesFindTheDocument) {
  struct Case {
    const char* mention;
    const char* tier;
  } cases[] = {
      {"《重庆市人民政府关于加快推进空天信息产业高质量发展的意见》", "title"},
      {"《重庆市人民政府关于加快推进空天信息产业高质量发展的 意见》", "title"},
      {"《重庆市人民政府关于加快推进空天信息产业的高质量发展的意见》", "fuzzy"},
  };
  for (const Case& k : cases) {
    Corpus c =
        Build({kParent, Child(std::string("贯彻落实") + k.mention + "。")});
    const Reference& r = c.files[1].references.back();
    EXPECT_EQ(r.target, "渝府发〔2023〕7号") << k.mention;
    EXPECT_EQ(r.tier, k.tier) << k.mention;
  }
}

TEST(Resolve, ContainmentIsNotIdentity) {
  Corpus c = Build(
      {kParent,
       Child("落实《重庆市人民政府关于加快推进空天信息产业高质量发展的意见"
             "实施细则》。")});
  EXPECT_EQ(c.files[1].references.back().target_kind, "external");
}

TEST(Resolve, PrintedNumberOfAnotherDocumentBlocksTitleMatch) {
  // hechuan-gazette-2023-01.txt line 4813: the municipal notice of the same
  // subject, cited by number, is not the district one.
  Corpus c = Build(
      {kParent,
       Child("根据《重庆市人民政府关于加快推进空天信息产业高质量发展的意见》"
             "（渝府发〔2023〕99号），制定本计划。")});
  const Reference& r = c.files[1].references.back();
  EXPECT_EQ(r.target_kind, "external");
  EXPECT_EQ(r.target, "渝府发〔2023〕99号");
}

TEST(Resolve, EveryMentionOfOneOutsideDocumentLandsOnOneNode) {
  Corpus c = Build(
      {Child("根据《成渝地区双城经济圈建设规划纲要》（中发〔2021〕5号）。"),
       Child("落实《成渝地区双城经济圈建设规划纲要》和《国家综合立体交通网规划"
             "纲要》。")});
  std::set<std::string> targets;
  for (const ParsedFile& f : c.files)
    for (const Reference& r : f.references)
      if (r.title == "成渝地区双城经济圈建设规划纲要") targets.insert(r.target);
  EXPECT_EQ(targets, (std::set<std::string>{"中发〔2021〕5号"}));
  ASSERT_EQ(c.externals.size(), 2u);  // sorted by id, bytewise
  EXPECT_EQ(c.externals[0].id, "title:国家综合立体交通网规划纲要");
  EXPECT_EQ(c.externals[0].level, Level::kNational);
  EXPECT_EQ(c.externals[0].type, "plan");
  EXPECT_EQ(c.externals[1].id, "中发〔2021〕5号");
  EXPECT_EQ(c.externals[1].mentions, 2);
  EXPECT_EQ(c.externals[1].level, Level::kNational);
}

TEST(Resolve, TwoDocumentsWithOneTitleIsAWarning) {
  Corpus c = Build(
      {kParent,
       std::string(kParent).replace(std::string(kParent).find("7号"), 4, "8号"),
       Child("贯彻落实《重庆市人民政府关于加快推进空天信息产业高质量发展的意见"
             "》。")});
  const Reference& r = c.files[2].references.back();
  EXPECT_EQ(r.target, "渝府发〔2023〕7号");  // the smaller id, stable
  bool warned = false;
  for (const Diagnostic& d : c.diagnostics)
    warned |= d.code == "ambiguous-reference";
  EXPECT_TRUE(warned);
}

TEST(Resolve, TitleSimilarityRejectsContainmentAndRewardsVariants) {
  EXPECT_EQ(
      TitleSimilarity("中华人民共和国森林法", "中华人民共和国森林法实施条例"),
      0);
  EXPECT_EQ(CanonicalTitle("重庆市优化营商环境专项行动实施方案（2024-2027年）"),
            CanonicalTitle("优化营商环境专项行动方案（2024—2027年）"));
  EXPECT_LT(TitleSimilarity(
                CanonicalTitle("重庆市合川区妇女发展规划（2021—2030年）"),
                CanonicalTitle("重庆市合川区儿童发展规划（2021—2030年）")),
            kFuzzyThreshold);
}

// Titles alike but for a number are different documents: the 13th and the
// 14th five-year plan, two years' work plans, the 500th and 5000th item.
// Years written with other dashes, or left out, stay variants.
TEST(Resolve, TitlesOfOtherNumbersAreOtherDocuments) {
  const char* kPlan =
      "重庆市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要";
  EXPECT_EQ(TitleSimilarity(
                CanonicalTitle(kPlan),
                CanonicalTitle("重庆市国民经济和社会发展第十三个五年规划和二〇"
                               "三五年远景目标纲要")),
            0);
  EXPECT_GE(TitleSimilarity(CanonicalTitle(kPlan),
                            CanonicalTitle("重庆市国民经济与社会发展第十四个五"
                                           "年规划和二〇三五年远景目标纲要")),
            kFuzzyThreshold);
  EXPECT_EQ(TitleSimilarity(CanonicalTitle("重庆市2021年深化改革工作要点"),
                            CanonicalTitle("重庆市2022年深化改革工作要点")),
            0);
  EXPECT_GE(
      TitleSimilarity(CanonicalTitle("合川区妇女儿童发展规划（2021—2025年）"),
                      CanonicalTitle("合川区妇女儿童的发展规划(2021-2025年)")),
      kFuzzyThreshold);
  // Through resolution: the 5000th item's notice is not the 500th's.
  const std::string parent =
      "重庆市人民政府\n关于做好第500项空天信息产业工作的通知\n\n"
      "渝府发〔2023〕7号\n\n各区县（自治县）人民政府：\n\n推进。\n\n"
      "2023年1月5日\n";
  for (const char* number : {"5000", "500"}) {
    Corpus c =
        Build({parent, Child(std::string("根据《重庆市人民政府关于做好第") +
                             number + "项空天信息产业工作的通知》。")});
    const Reference& r = c.files[1].references.back();
    EXPECT_EQ(r.target_kind,
              number == std::string("500") ? "document" : "external")
        << number << " " << r.target << " " << r.tier;
  }
}

TEST(Resolve, ClassifiesExternalNodes) {
  struct Case {
    const char* title;
    const char* number;
    Level level;
    const char* type;
  } cases[] = {
      {"中华人民共和国森林法", "", Level::kNational, "law"},
      {"森林防火条例", "", Level::kNational, "regulation"},
      {"重庆市森林防火条例", "", Level::kMunicipal, "regulation"},
      {"国务院关于开展第五次全国经济普查的通知", "国发〔2022〕22号",
       Level::kNational, "notice"},
      {"重庆市应急管理“十四五”规划", "渝府发〔2021〕27号", Level::kMunicipal,
       "plan"},
      {"合川区农村公路养护管理办法", "", Level::kDistrict, "rules"},
      {"成渝地区双城经济圈建设规划纲要", "", Level::kUnknown, "plan"},
      {"重庆市城市重大火灾风险防治行动计划（2022—2024年）", "",
       Level::kMunicipal, "scheme"},
      {"", "GB/T 35547—2017", Level::kNational, "standard"},
      {"", "川府发〔2023〕12号", Level::kMunicipal, "other"},
      {"", "海关总署公告2022年第113号", Level::kNational, "announcement"},
      // A decree number says what it promulgates.
      {"", "生态环境部令第1号", Level::kNational, "rules"},
      {"", "主席令第24号", Level::kNational, "law"},
      {"", "国务院令第722号", Level::kNational, "regulation"},
      {"", "重庆市人民政府令第359号", Level::kMunicipal, "rules"},
      {"", "重庆市合川区人民政府令第1号", Level::kDistrict, "rules"},
      // A district's number: its place before 府, where a province's has
      // one character.
      {"", "渝北府发〔2023〕5号", Level::kDistrict, "other"},
      {"", "钱塘府文〔2022〕22号", Level::kDistrict, "other"},
      {"", "渝府办发〔2023〕5号", Level::kMunicipal, "other"},
      {"财政部税务总局关于进一步支持小微企业和个体工商户发展有关税费政策的公告",
       "财政部税务总局公告2023年第12号", Level::kNational, "announcement"},
      {"重庆市合川区突发事件总体应急预案", "", Level::kDistrict, "plan"},
      {"重庆市人民政府关于表彰先进集体的通报", "", Level::kMunicipal, "notice"},
      // A ministry's title, and a district party department's.
      {"教育部关于加强中小学生作业管理的通知", "", Level::kNational, "notice"},
      {"中共重庆市合川区委组织部关于加强基层党组织建设的意见", "",
       Level::kDistrict, "opinion"},
      {"中共重庆市委宣传部关于加强新闻宣传工作的意见", "", Level::kMunicipal,
       "opinion"},
      // A 印发 notice by what it issues, a 转发 one by what it passes on.
      {"国务院关于印发“十四五”国家应急体系规划的通知", "国发〔2021〕36号",
       Level::kNational, "plan"},
      {"国务院办公厅关于转发国家发展改革委关于甲的意见的通知", "",
       Level::kNational, "opinion"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ClassifyExternalLevel(c.title, c.number), c.level)
        << c.title << c.number;
    EXPECT_EQ(ClassifyExternalType(c.title, c.number), c.type)
        << c.title << c.number;
  }
  // A province's bureau is no ministry.
  EXPECT_NE(ClassifyExternalLevel("", "重庆市公安局令第3号"), Level::kNational);
}

// The whole bundled corpus: the cross-gazette basis and the shared hub.
TEST(Resolve, BundledCorpusLinksTheSatellitePairAndTheChengduChongqingPlan) {
  Corpus corpus = LoadCorpus({PG_CORPUS_DIR});
  bool basis = false;
  std::set<std::string> hub_targets;
  int hub_mentions = 0;
  for (const ParsedFile& f : corpus.files) {
    for (const Reference& r : f.references) {
      if (r.doc == "渝府办发〔2024〕22号" && r.relation == Relation::kBasis)
        basis |= r.target == "渝府发〔2023〕7号" && r.target_kind == "document";
      if (r.title == "成渝地区双城经济圈建设规划纲要") {
        hub_targets.insert(r.target);
        ++hub_mentions;
      }
    }
  }
  EXPECT_TRUE(basis);
  EXPECT_EQ(hub_targets.size(), 1u);
  EXPECT_GE(hub_mentions, 5);
}

}  // namespace
}  // namespace policygraph

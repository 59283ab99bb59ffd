// Reference extraction: pattern tables over real excerpts, the cue table,
// and accuracy against the hand-checked citations in tests/data/gold.
#include "policygraph/extract.h"

#include <cstdio>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "policygraph/decode.h"
#include "policygraph/fold.h"
#include "policygraph/pipeline.h"

namespace policygraph {
namespace {

// Extracts the references of `body` placed in a document of its own; the
// header makes it an issuing notice of 《某某方案》 when `notice` is set.
std::vector<Reference> Refs(const std::string& body, bool notice = false) {
  SourceText s;
  s.path = "excerpt.txt";
  s.text = std::string("重庆市人民政府办公厅\n关于") +
           (notice ? "印发某某方案的通知" : "做好某某工作的通知") +
           "\n\n渝府办发〔2024〕9号\n\n各区县（自治县）人民政府：\n\n" + body;
  IndexLines(s);
  std::vector<Diagnostic> diagnostics;
  ParsedFile parsed = ParseSource(s, diagnostics);
  return parsed.references;
}

TEST(Extract, ReadsTitleWithNumberInParenthesis) {
  // cq-gazette-2024-06.txt line 47
  auto refs = Refs(
      "根据《重庆市人民政府关于加快推进以卫星互联网为引领的空天信息产业高质量发"
      "展的意见》"
      "（渝府发〔2023〕7号），制定本行动计划。\n");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].title,
            "重庆市人民政府关于加快推进以卫星互联网为引领的空天信息产业高质量发"
            "展的意见");
  EXPECT_EQ(refs[0].doc_number, "渝府发〔2023〕7号");
  EXPECT_EQ(refs[0].relation, Relation::kBasis);
  EXPECT_EQ(refs[0].cue, "根据");
  EXPECT_EQ(refs[0].line, 8u);  // body starts on line 8 after the header
  EXPECT_EQ(refs[0].surface.back(), static_cast<char>("）"[2]));
}

TEST(Extract, ReadsEveryNumberForm) {
  struct Case {
    const char* text;
    const char* number;
    ReferenceForm form;
  } cases[] = {
      {"按照渝府发〔2022〕3号文件执行。", "渝府发〔2022〕3号",
       ReferenceForm::kNumber},
      {"根据国办发[2021]13号要求。", "国办发〔2021〕13号",
       ReferenceForm::kNumber},
      {"落实京政发（2022）05 号。", "京政发〔2022〕5号",
       ReferenceForm::kNumber},
      {"参照川府发［２０２３］１２号。", "川府发〔2023〕12号",
       ReferenceForm::kNumber},
      {"《重庆市出租汽车客运管理办法》（重庆市人民政府令第271号）同时废止。",
       "重庆市人民政府令第271号", ReferenceForm::kTitle},
      {"依据渝府令第356号。", "渝府令第356号", ReferenceForm::kDecree},
      {"根据国务院第722号令执行。", "国务院令第722号", ReferenceForm::kDecree},
      {"《丁条例》（重庆市人民代表大会常务委员会公告〔2019〕第21号）同时施行。",
       "重庆市人民代表大会常务委员会公告〔2019〕21号", ReferenceForm::kTitle},
      {"落实《甲方案》（渝府发〔2022〕12号文件）。", "渝府发〔2022〕12号",
       ReferenceForm::kTitle},
      {"落实《乙方案》（渝府发〔2022〕13 号文）。", "渝府发〔2022〕13号",
       ReferenceForm::kTitle},
      // Ministries number decrees and announcements by year.
      {"《产业结构调整指导目录（2024年本）》（国家发展改革委令2023年第7号）"
       "同时施行。",
       "国家发展改革委令2023年第7号", ReferenceForm::kTitle},
      {"根据国家税务总局公告2023年第06号执行。", "国家税务总局公告2023年第6号",
       ReferenceForm::kDecree},
      {"按照《关于进一步支持小微企业和个体工商户发展有关税费政策的公告》"
       "（财政部 税务总局公告2023年第12号）执行。",
       "财政部税务总局公告2023年第12号", ReferenceForm::kTitle},
      {"按照《乡镇消防队》（GB/T35547—2017）要求。", "GB/T 35547—2017",
       ReferenceForm::kTitle},
      {"执行GB 50016-2014规定。", "GB 50016—2014", ReferenceForm::kStandard},
  };
  for (const Case& c : cases) {
    auto refs = Refs(std::string(c.text) + "\n");
    ASSERT_EQ(refs.size(), 1u) << c.text;
    EXPECT_EQ(refs[0].doc_number, c.number) << c.text;
    EXPECT_EQ(refs[0].form, c.form) << c.text;
  }
}

// Bare numbers are looked for only around each 号 and each code letter;
// these stand where that search has to reach: across a line break, two in
// one run of characters, after other capitals, at the very end.
TEST(Extract, FindsBareNumbersWhereverTheyStand) {
  struct Case {
    const char* text;
    std::vector<std::string> numbers;
  } cases[] = {
      {"按照渝府发〔2022〕\n3号文件执行。", {"渝府发〔2022〕3号"}},
      {"依据渝府发〔2022〕3号渝府办发〔2023〕15号和国办发〔2021〕13号。",
       {"渝府发〔2022〕3号", "渝府办发〔2023〕15号", "国办发〔2021〕13号"}},
      {"依据重庆市人民政府令 第 356 号。", {"重庆市人民政府令第356号"}},
      {"执行XYZ GB/T 35547－2017规定，又见DB50/T 1234—2020",
       {"GB/T 35547—2017", "DB50/T 1234—2020"}},
      {"号称第一，〔2022〕3号不是文号。", {}},
      // A year-numbered announcement glued to a cue; a year and 第N号
      // that follow neither 令 nor 公告 are no number.
      {"依照国家税务总局公告 2023 年第 6 号和海关总署公告2022年第113号。",
       {"国家税务总局公告2023年第6号", "海关总署公告2022年第113号"}},
      {"本届会议2023年第2号议题。", {}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> numbers;
    for (const Reference& r : Refs(std::string(c.text) + "\n"))
      numbers.push_back(r.doc_number);
    EXPECT_EQ(numbers, c.numbers) << c.text;
  }
}

// Standard codes are found by their first letter, passed over eight bytes
// of Chinese at a time: one must be found at every byte offset within such
// a stretch, and at the very end of the text.
TEST(Extract, FindsAStandardAfterChineseOfEveryLength) {
  std::string prefix = "执行";
  for (int chars = 0; chars <= 9; ++chars, prefix += "消") {
    for (const char* after : {"规定。\n", "\n", ""}) {
      std::vector<std::string> numbers;
      for (const Reference& r : Refs(prefix + "GB/T 35547—2017" + after))
        numbers.push_back(r.doc_number);
      EXPECT_EQ(numbers, std::vector<std::string>{"GB/T 35547—2017"})
          << prefix << "|" << after;
    }
  }
}

TEST(Extract, TitleBrokenOverLinesIsOneMention) {
  // cq-15th-five-year-plan-2026.txt lines 3-5 style break inside 《》.
  auto refs = Refs(
      "现将《重庆市国民经济和社会发展\n第十五个五年规划纲要》印发给你们。\n");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].title, "重庆市国民经济和社会发展第十五个五年规划纲要");
  EXPECT_EQ(refs[0].line, 8u);  // body starts on line 8 after the header
}

TEST(Extract, NestedMarksAndQuotesStayInsideTheTitle) {
  auto refs = Refs(
      "贯彻落实《国务院关于印发〈“十四五”国家应急体系规划〉的通知》和"
      "《关于印发《重庆市“十四五”规划》的通知》。\n");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].title, "国务院关于印发〈“十四五”国家应急体系规划〉的通知");
  EXPECT_EQ(refs[1].title, "关于印发《重庆市“十四五”规划》的通知");
  EXPECT_EQ(refs[1].relation,
            Relation::kImplements);  // the list shares the cue
}

// Marks that share 《》's and 。's first two bytes (〈 、 「, E3 80 ..)
// stay inside the title; a third level of 《 is refused, so of three the
// inner two make the title; a 》 that is the text's last three bytes still
// closes its title.
TEST(Extract, TitleMarksAreToldFromTheirNeighbours) {
  auto refs = Refs("落实《关于〈规划〉、「方案」的通知》要求。\n");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].title, "关于〈规划〉、「方案」的通知");
  refs = Refs("按照《一《二《三》》》执行。\n");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].title, "二《三》");
  refs = Refs("落实《重庆市消防条例》");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].title, "重庆市消防条例");
}

TEST(Extract, UnclosedMarkDoesNotSwallowProse) {
  auto refs = Refs(
      "按照《重庆市消防条例要求，开展检查。次年完成《重庆市高层建筑消防安全管理"
      "规定》修订。\n");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].title, "重庆市高层建筑消防安全管理规定");
  EXPECT_EQ(refs[0].relation, Relation::kDrafts);
}

TEST(Extract, DecidesRelationFromTheCueTable) {
  struct Case {
    const char* text;
    Relation relation;
  } cases[] = {
      {"根据《甲条例》等法律法规，制定本办法。", Relation::kBasis},
      {"依据《甲法》规定。", Relation::kBasis},
      {"根据《甲建议》《乙建议》制定，主要阐明战略意图。", Relation::kBasis},
      {"认真贯彻落实《甲意见》。", Relation::kImplements},
      {"严格执行《甲条例》。", Relation::kImplements},
      {"按照《甲办法》有关标准建强市级体校。", Relation::kFollows},
      {"参照《甲规范》执行。", Relation::kFollows},
      {"《甲办法》（重庆市人民政府令第1号）同时废止。", Relation::kRepeals},
      // How a decision clearing old documents words it.
      {"《甲办法》（合川府发〔2016〕4号）宣布失效。", Relation::kRepeals},
      {"自本决定印发之日起，《甲细则》不再执行。", Relation::kRepeals},
      {"停止执行《甲规定》（合川府办发〔2017〕8号）。", Relation::kRepeals},
      // After a parenthesis that gives no number.
      {"《甲办法》（2021年6月10日修正）同时废止。", Relation::kRepeals},
      {"推动出台《甲条例》。", Relation::kDrafts},
      {"加快推动《甲条例》出台。", Relation::kDrafts},
      {"完成《甲条例》立法调研。", Relation::kDrafts},
      {"启动《甲规定》修订立法预备项目。", Relation::kDrafts},
      {"合川区先后出台《甲措施》。", Relation::kMentions},  // already issued
      {"抓紧修改《甲办法》。", Relation::kDrafts},
      // A decision amending it now: the document exists.
      {"市政府决定依法予以修订《甲办法》第三条。", Relation::kMentions},
      {"提请市人大常委会予以审议《甲条例（草案）》。", Relation::kDrafts},
      {"中共中央、国务院印发的《甲纲要》，作出部署。", Relation::kMentions},
      {"中共中央、国务院印发《甲纲要》。", Relation::kMentions},
      {"按照部署要求，结合《甲计划》，聚焦重点。", Relation::kMentions},
      {"完善《甲条例》配套措施。", Relation::kMentions},
      // One-character cues act right before the mark only, and over a
      // list of marks; elsewhere they are other words' (按时, 依法, 数据).
      {"严格按《甲办法》要求执行。", Relation::kFollows},
      {"据《甲规划》安排。", Relation::kBasis},
      {"依《甲法》第十条处理。", Relation::kBasis},
      {"按《甲办法》《乙办法》执行。", Relation::kFollows},
      {"按市政府《关于甲的意见》执行。", Relation::kFollows},
      {"按时报送《甲报表》。", Relation::kMentions},
      {"依法公开《甲清单》。", Relation::kMentions},
      {"共享数据《甲目录》。", Relation::kMentions},
      {"遵循《甲纲要》。", Relation::kFollows},
      {"比照《甲办法》执行。", Relation::kFollows},
  };
  for (const Case& c : cases) {
    auto refs = Refs(std::string(c.text) + "\n");
    ASSERT_FALSE(refs.empty()) << c.text;
    EXPECT_EQ(RelationName(refs[0].relation), RelationName(c.relation))
        << c.text;
  }
}

// A regulation cited with its promulgation note: the note's decree number
// is the citation's number, and the comma inside it ends no clause, so the
// title after it still rests on 根据.
TEST(Extract, PromulgationNoteGivesTheNumberAndEndsNoClause) {
  auto refs = Refs(
      "根据《重庆市巡游出租汽车客运管理办法》（2023年3月2日重庆市人民政府令"
      "第359号公布，自2023年5月1日起施行）和《重庆市物业管理条例》，制定本"
      "方案。\n");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].title, "重庆市巡游出租汽车客运管理办法");
  EXPECT_EQ(refs[0].doc_number, "重庆市人民政府令第359号");
  EXPECT_EQ(refs[0].relation, Relation::kBasis);
  EXPECT_EQ(refs[1].title, "重庆市物业管理条例");
  EXPECT_EQ(refs[1].relation, Relation::kBasis);
}

// A parenthesis that says nothing kept (a revision date) is no clause end
// either, and the words inside an earlier mention's parenthesis (以下简称
// 《实施意见》) lend no cue (实施) to the next title.
TEST(Extract, NoCueOrClauseEndFromAnEarlierMentionsParenthesis) {
  auto refs = Refs(
      "根据《中华人民共和国安全生产法》（2021年6月10日修正，第三次修正）、"
      "《国务院办公厅关于加强入河入海排污口监督管理工作的实施意见》（国办函"
      "〔2022〕17号，以下简称《实施意见》）、《重庆市安全生产条例》等规定。\n");
  ASSERT_EQ(refs.size(), 3u);
  for (const Reference& r : refs) {
    EXPECT_EQ(r.relation, Relation::kBasis) << r.title;
    EXPECT_EQ(r.cue, "根据") << r.title;
  }
}

// A number inside a title's parenthesis that gave the title nothing is a
// mention of its own; its clause is the parenthesis before it, so the
// title's words (贯彻落实) lend it no cue.
TEST(Extract, ANumberInsideATitlesParenthesisTakesNoCueFromTheTitle) {
  auto refs =
      Refs("《关于贯彻落实甲方案的通知》（2023年渝府发〔2023〕5号）。\n");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].title, "关于贯彻落实甲方案的通知");
  EXPECT_EQ(refs[0].doc_number, "");
  EXPECT_EQ(refs[1].doc_number, "渝府发〔2023〕5号");
  EXPECT_EQ(refs[1].relation, Relation::kMentions);
  EXPECT_EQ(refs[1].cue, "");
}

// hechuan-gazette-2023-01.txt line 5197: six titles, three with numbers,
// after one 根据; the last stands some 200 characters after it, beyond the
// look-back, which counts only the text between mentions.
TEST(Extract, TheLastOfALongListOfBasesStillFindsItsCue) {
  auto refs = Refs(
      "为深入持久打好大气污染防治攻坚战，根据《中华人民共和国大气污染防治法》"
      "《重庆市大气污染防治条例》《重庆市市容环境卫生管理条例》《重庆市农业委员"
      "会重庆市公安局重庆市环保局关于加强露天焚烧秸秆管理的通告》（渝农发〔2016"
      "〕"
      "277号）、《重庆市城市管理局重庆市公安局重庆市生态环境局重庆市市场监督管"
      "理"
      "局关于禁止在非指定区域露天焚烧、露天烧烤和经营食品摊贩的通告》（渝城管局"
      "〔2019〕62号）、《重庆市生态环境局重庆市城市管理局重庆市农业农村委员会重"
      "庆市林业局关于进一步加强露天焚烧整治工作改善空气质量的通知》（渝环〔2022"
      "〕"
      "114号）等法律法规和文件精神，结合我区露天焚烧管控工作实际，制定本工作方"
      "案。\n");
  ASSERT_EQ(refs.size(), 6u);
  for (const Reference& r : refs)
    EXPECT_EQ(r.relation, Relation::kBasis) << r.title;
  EXPECT_EQ(refs[5].doc_number, "渝环〔2022〕114号");
}

// Titles set side by side have no gap between them to count toward the
// look-back; each still costs a character of it, so the walk back stays
// short and the titles a hundred characters past the cue lose it.
TEST(Extract, TitlesSideBySideCostTheLookBackACharacterEach) {
  std::string body = "根据";
  for (int i = 0; i < 150; ++i)
    body += "《重庆市第" + std::to_string(i) + "号专项规划》";
  auto refs = Refs(body + "，制定本方案。\n");
  ASSERT_EQ(refs.size(), 150u);
  EXPECT_EQ(refs[0].relation, Relation::kBasis);
  EXPECT_EQ(refs[90].relation, Relation::kBasis);
  EXPECT_EQ(refs[110].relation, Relation::kMentions);
  EXPECT_EQ(refs[149].relation, Relation::kMentions);
}

// A date glued before a number gives it no 年, 月 or 日 of its issuer; a
// city named 日照 keeps its 日.
TEST(Extract, ADateGluedBeforeANumberIsNotItsIssuer) {
  std::vector<std::string> numbers;
  for (const Reference& r : Refs(
           "2023年3月2日重庆市人民政府令第359号公布的办法和2022年国办发〔2022〕"
           "5号文件同时执行，日照市人民政府令第3号。\n"))
    numbers.push_back(r.doc_number);
  EXPECT_EQ(numbers, (std::vector<std::string>{"重庆市人民政府令第359号",
                                               "国办发〔2022〕5号",
                                               "日照市人民政府令第3号"}));
}

// A bare number's pattern takes up to twelve characters before the code;
// the prose among them (要认真贯彻落实, 审议通过的, the 号 of a number just
// before) is no part of the issuer, and its cue still acts.
TEST(Extract, ProseBeforeABareNumberIsNotItsCode) {
  auto refs = Refs(
      "各镇街要认真贯彻落实合川府发〔2023〕9号文件精神。经市政府常务会议审议"
      "通过的重庆市人民政府令第365号自2023年7月1日起施行。按照渝经信发〔2023〕"
      "5号和住房和城乡建设部令第5号执行。结合渝委发〔2023〕1号和渝府办发"
      "〔二〇〇八〕17号。\n");
  ASSERT_EQ(refs.size(), 6u);
  EXPECT_EQ(refs[0].doc_number, "合川府发〔2023〕9号");
  EXPECT_EQ(refs[0].surface, "合川府发〔2023〕9号");
  EXPECT_EQ(refs[0].relation, Relation::kImplements);
  EXPECT_EQ(refs[0].cue, "贯彻落实");
  EXPECT_EQ(refs[1].doc_number, "重庆市人民政府令第365号");
  // Adopted, not still to be drafted.
  EXPECT_EQ(refs[1].relation, Relation::kMentions);
  EXPECT_EQ(refs[2].doc_number, "渝经信发〔2023〕5号");
  EXPECT_EQ(refs[3].doc_number, "住房和城乡建设部令第5号");
  EXPECT_EQ(refs[3].relation, Relation::kFollows);
  EXPECT_EQ(refs[4].doc_number, "渝委发〔2023〕1号");
  EXPECT_EQ(refs[4].surface, "渝委发〔2023〕1号");
  // A year in words, as older documents print it.
  EXPECT_EQ(refs[5].doc_number, "渝府办发〔2008〕17号");
  EXPECT_EQ(refs[5].surface, "渝府办发〔二〇〇八〕17号");
}

// Serials listed after a number are numbers of its code and year, each
// with the clause's cue; a title's parenthesis listing serials gives the
// title the first.
TEST(Extract, SerialsListedAfterANumberAreNumbersOfItsCode) {
  auto refs = Refs(
      "认真落实渝府发〔2022〕12号、13号文件精神。按照国办发〔2020〕5号和6号文件"
      "要求。根据国务院令第722号、第723号执行。废止渝府办发〔2019〕第8号。落实"
      "《国务院"
      "关于甲乙的通知》（国发〔2021〕29号、30号）。\n");
  std::vector<std::string> numbers, surfaces;
  for (const Reference& r : refs) {
    numbers.push_back(r.doc_number);
    surfaces.push_back(r.surface);
  }
  EXPECT_EQ(numbers,
            (std::vector<std::string>{
                "渝府发〔2022〕12号", "渝府发〔2022〕13号", "国办发〔2020〕5号",
                "国办发〔2020〕6号", "国务院令第722号", "国务院令第723号",
                "渝府办发〔2019〕8号", "国发〔2021〕29号"}));
  ASSERT_EQ(refs.size(), 8u);
  EXPECT_EQ(surfaces[1], "13号");
  EXPECT_EQ(surfaces[5], "第723号");
  EXPECT_EQ(refs[1].relation, Relation::kImplements);
  EXPECT_EQ(refs[3].relation, Relation::kFollows);
  EXPECT_EQ(refs[5].relation, Relation::kBasis);
  EXPECT_EQ(refs[6].relation, Relation::kRepeals);
  EXPECT_EQ(refs[7].form, ReferenceForm::kTitle);
  EXPECT_EQ(refs[7].relation, Relation::kImplements);
}

// A bare number earlier in a document once unsorted the title mentions
// that later numbers are checked against, and a title's own number then
// came out a second time as a bare number.
TEST(Extract, ATitlesNumberIsOneReferenceAfterABareNumber) {
  auto refs = Refs(
      "按照渝府发〔2022〕12号、渝府发〔2022〕13号要求。\n\n一、贯彻《甲方案》"
      "（渝府发〔2023〕1号）。\n");
  std::vector<std::string> numbers;
  for (const Reference& r : refs) numbers.push_back(r.doc_number);
  EXPECT_EQ(numbers, (std::vector<std::string>{"渝府发〔2022〕12号",
                                               "渝府发〔2022〕13号",
                                               "渝府发〔2023〕1号"}));
}

// A list's items take the cue of the line leading into it; a list led in
// without a cue, or a sentence that only starts below such a line, do not.
TEST(Extract, ListItemsTakeTheCueOfTheLineLeadingIn) {
  auto refs = Refs(
      "经市政府同意，决定废止以下规范性文件：\n\n1."
      "《甲通知》（渝府发〔2015〕1号）"
      "\n\n2.《乙意见》（渝府办发〔2016〕2号）\n（三）《丙办法》\n\n"
      "以下文件继续有效：\n\n1.《丁办法》（渝府令第100号）\n\n"
      "请按照下列要求办理：\n\n各区县要结合《戊规划》抓好落实。\n\n"
      "下列文件自即日起不再执行：\n《己办法》\n");
  ASSERT_EQ(refs.size(), 6u);
  EXPECT_EQ(refs[5].relation, Relation::kRepeals);
  EXPECT_EQ(refs[5].cue, "不再执行");
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(refs[i].relation, Relation::kRepeals) << refs[i].title;
    EXPECT_EQ(refs[i].cue, "废止");
  }
  EXPECT_EQ(refs[3].title, "丁办法");
  EXPECT_EQ(refs[3].relation, Relation::kMentions);
  EXPECT_EQ(refs[4].title, "戊规划");
  EXPECT_EQ(refs[4].relation, Relation::kMentions);
}

// A list of repealed documents may name each by its title without marks
// and its number, one to a line or as a table's row; the title's own words
// (关于贯彻落实…, 关于印发…) are no cue, the lead-in's is.  A list leading
// in with 予以修改 amends what exists: nothing is drafted.
TEST(Extract, DocumentsListedByTitleAndNumberTakeTheListsCue) {
  auto refs = Refs(
      "经市政府同意，决定宣布失效以下规范性文件：\n\n"
      "1.重庆市人民政府关于甲的通知（渝府发〔2015〕1号）\n\n"
      "2.重庆市人民政府关于贯彻落实乙的意见（渝府发〔2010〕85号）\n"
      "3 重庆市人民政府关于印发丙方案的通知 渝府发〔2012〕47号\n\n"
      "各区县要做好以下工作：\n\n"
      "1.贯彻落实重庆市人民政府关于丁的意见（渝府发〔2021〕9号）\n\n"
      "市政府决定对下列规章予以修改：\n\n1.《戊办法》（渝府令第125号）\n\n"
      "市政府决定：\n重庆市人民政府关于己的通知（渝府发〔2016〕6号）同时废止。"
      "\n");
  ASSERT_EQ(refs.size(), 6u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(refs[i].form, ReferenceForm::kNumber) << i;
    EXPECT_EQ(refs[i].relation, Relation::kRepeals) << refs[i].doc_number;
    EXPECT_EQ(refs[i].cue, "宣布失效") << refs[i].doc_number;
  }
  EXPECT_EQ(refs[2].doc_number, "渝府发〔2012〕47号");
  // The list's title for the number, apart from the reference's title.
  EXPECT_EQ(refs[0].listed_title, "重庆市人民政府关于甲的通知");
  EXPECT_EQ(refs[2].listed_title, "重庆市人民政府关于印发丙方案的通知");
  EXPECT_TRUE(refs[0].title.empty());
  // Prose citing a title unmarked keeps its own cue.
  EXPECT_EQ(refs[3].doc_number, "渝府发〔2021〕9号");
  EXPECT_EQ(refs[3].relation, Relation::kImplements);
  EXPECT_EQ(refs[4].title, "戊办法");
  EXPECT_EQ(refs[4].relation, Relation::kMentions);
  // A title and number that prose goes on after is no list's item.
  EXPECT_EQ(refs[5].doc_number, "渝府发〔2016〕6号");
  EXPECT_EQ(refs[5].relation, Relation::kRepeals);
  EXPECT_TRUE(refs[3].listed_title.empty());
  EXPECT_TRUE(refs[5].listed_title.empty());
}

// An issuer printed before a title that opens with 关于 is written out
// as titles begin, levels (市政府, 区委) by the citing document's place;
// anything else before the title (你局, 国家陆续发布) is no issuer.
TEST(Extract, WritesOutTheIssuerPrintedBeforeATitle) {
  struct Case {
    const char* before;
    const char* issuer;
  } cases[] = {
      {"为贯彻落实市政府", "重庆市人民政府"},
      {"按照市委、市政府", "中共重庆市委重庆市人民政府"},
      {"落实重庆市人民政府办公厅", "重庆市人民政府办公厅"},
      {"根据重庆市政府", "重庆市人民政府"},
      {"深入贯彻国务院办公厅", "国务院办公厅"},
      {"中共中央、国务院", "中共中央国务院"},
      {"市委办公厅、市政府办公厅", "中共重庆市委办公厅重庆市人民政府办公厅"},
      {"区政府", ""},  // a municipal document names no district
      {"你局", ""},
      {"国家陆续发布", ""},
      {"市政府和", ""},
      {"《乙方案》和市政府办公厅", "重庆市人民政府办公厅"},
      {"认真落实国务院印发的", "国务院"},
      {"市委、市政府出台的", "中共重庆市委重庆市人民政府"},
      {"市政府近日印发的", ""},
      {"落实市人民政府办公厅", "重庆市人民政府办公厅"},
      // Departments, by their level or place, and the State's.
      {"按照市发展改革委", "重庆市发展改革委"},
      {"落实市经济信息委", "重庆市经济信息委"},
      {"根据市委组织部、市人力社保局", "中共重庆市委组织部重庆市人力社保局"},
      {"对重庆市教育委员会", "重庆市教育委员会"},
      {"由重庆市人民政府", "重庆市人民政府"},
      {"按照住房和城乡建设部", "住房和城乡建设部"},
      {"根据财政部、国家税务总局", "财政部国家税务总局"},
      {"《乙方案》和市教委", "重庆市教委"},
      {"按市政府", "重庆市人民政府"},
      {"根据市发展改革委、市财政局联合印发的", "重庆市发展改革委重庆市财政局"},
      {"市大数据发展局", "重庆市大数据发展局"},
      {"落实区应急局", ""},  // no district
      {"市场监管局", ""},
  };
  for (const Case& c : cases) {
    auto refs = Refs(std::string(c.before) + "《关于甲的意见》。\n");
    ASSERT_FALSE(refs.empty()) << c.before;
    EXPECT_EQ(refs.back().issuer, c.issuer) << c.before;
    EXPECT_EQ(refs.back().title, "关于甲的意见") << c.before;
  }
  EXPECT_EQ(Refs("市政府《甲规划》。\n")[0].issuer, "");  // no 关于
  // The citing document itself, named with its issuer.
  auto own = Refs("市政府办公厅《关于做好某某工作的通知》已经市政府同意。\n");
  ASSERT_EQ(own.size(), 1u);
  EXPECT_TRUE(own[0].self);
  // A county's document names its county and the municipality above it.
  SourceText s;
  s.path = "county.txt";
  s.text =
      "重庆市石柱土家族自治县人民政府\n关于乙的通知\n\n石柱府发〔2023〕3号"
      "\n\n各乡镇人民政府：\n\n按照县委、市政府《关于甲的意见》要求。\n";
  IndexLines(s);
  std::vector<Diagnostic> diagnostics;
  auto refs = ParseSource(s, diagnostics).references;
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].issuer, "中共重庆市石柱土家族自治县委重庆市人民政府");
}

// Text taken from a PDF breaks lines anywhere, inside a title's
// parenthesis too (cq-gazette-2024-06.txt lines 223-225 break one over a
// blank line): the number there is still the title's.
TEST(Extract, AParenthesisBrokenOverLinesStillGivesItsNumber) {
  auto refs = Refs(
      "一、根据《重庆市人民政府关于甲的意见》（渝府发\n〔2023〕7号）要求，"
      "按照《乙方案》（以下\n\n简称《方案》）。二、落实《方案》。\n");
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(refs[0].title, "重庆市人民政府关于甲的意见");
  EXPECT_EQ(refs[0].doc_number, "渝府发〔2023〕7号");
  EXPECT_EQ(refs[0].surface,
            "《重庆市人民政府关于甲的意见》（渝府发〔2023〕7号）");
  EXPECT_EQ(refs[1].alias, "方案");
  EXPECT_EQ(refs[2].alias_of, "乙方案");
}

// A number printed right before a title cites one document by both.
TEST(Extract, ANumberRightBeforeATitleIsThatTitlesNumber) {
  auto refs = Refs(
      "认真贯彻落实渝府发〔2023〕7号 《重庆市人民政府关于乙的意见》精神，"
      "按照国发〔2021〕29号和《丙规划》要求。\n");
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(refs[0].form, ReferenceForm::kTitle);
  EXPECT_EQ(refs[0].title, "重庆市人民政府关于乙的意见");
  EXPECT_EQ(refs[0].doc_number, "渝府发〔2023〕7号");
  EXPECT_EQ(refs[0].surface,
            "渝府发〔2023〕7号 《重庆市人民政府关于乙的意见》");
  EXPECT_EQ(refs[0].relation, Relation::kImplements);
  // Joined by 和, they are two documents.
  EXPECT_EQ(refs[1].doc_number, "国发〔2021〕29号");
  EXPECT_EQ(refs[2].title, "丙规划");
  EXPECT_TRUE(refs[2].doc_number.empty());
  // A decree and what it promulgated are one document too.
  refs = Refs("根据国务院令第722号公布的《优化营商环境条例》，制定本办法。\n");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].title, "优化营商环境条例");
  EXPECT_EQ(refs[0].doc_number, "国务院令第722号");
  EXPECT_EQ(refs[0].relation, Relation::kBasis);
}

// hechuan-gazette-2023-01.txt lines 3453-3458: a plan lists what it rests
// on under 规划依据, one title a line, with no cue word; a cue of its own
// still decides, and a section headed otherwise gives nothing.
TEST(Extract, ATitleListedUnderABasisHeadingIsABasis) {
  auto refs = Refs(
      "一、规划依据\n\n- (一)《国家信息化发展战略纲要》\n"
      "- (二)《“十四五”国家信息化规划》\n\n"
      "- (三) 按照《成渝地区双城经济圈建设规划纲要》\n\n"
      "二、发展基础\n\n- (一)《重庆市新型智慧城市建设方案(2019—2022年)》"
      "\n");
  ASSERT_EQ(refs.size(), 4u);
  EXPECT_EQ(refs[0].relation, Relation::kBasis);
  EXPECT_EQ(refs[0].cue, "依据");
  EXPECT_EQ(refs[1].relation, Relation::kBasis);
  EXPECT_EQ(refs[2].relation, Relation::kFollows);
  EXPECT_EQ(refs[3].relation, Relation::kMentions);
}

// A 转发 notice's attached title is another's document: with that
// document's number beside it the reference is to it, issued (passed on)
// by this notice; without a number, or with its own, it stays the notice
// itself.
TEST(Extract, AForwardedDocumentWithItsOwnNumberIsNotSelf) {
  auto forward = [](const std::string& parenthesis) {
    SourceText s;
    s.path = "forward.txt";
    s.text =
        "重庆市合川区人民政府办公室\n关于转发重庆市人民政府办公厅关于做好2023年"
        "春耕生产工作的通知的通知\n\n合川府办发〔2023〕40号\n\n各镇人民政府"
        "：\n\n现将《重庆市人民政府办公厅关于做好2023年春耕生产工作的通知》" +
        parenthesis + "转发给你们，请结合实际认真贯彻执行。\n";
    IndexLines(s);
    std::vector<Diagnostic> diagnostics;
    return ParseSource(s, diagnostics).references;
  };
  auto refs = forward("（渝府办发〔2023〕5号）");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_FALSE(refs[0].self);
  EXPECT_EQ(refs[0].doc_number, "渝府办发〔2023〕5号");
  EXPECT_EQ(refs[0].relation, Relation::kIssues);
  refs = forward("");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_TRUE(refs[0].self);
  // Carried out, not passed on: the cue says so, as for any other title.
  auto implemented =
      Refs("贯彻落实《某某方案》（渝府发〔2023〕36号），制定本方案。\n", true);
  ASSERT_EQ(implemented.size(), 1u);
  EXPECT_FALSE(implemented[0].self);
  EXPECT_EQ(implemented[0].relation, Relation::kImplements);
  refs = forward("（合川府办发〔2023〕40号）");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_TRUE(refs[0].self);
}

// A 转发 notice's title prints what it passes on with the issuer short and
// without the 的 its text keeps; the text's mention is still that title,
// issued by this notice.  Another issuer's document of that subject, acted
// on, is not.
TEST(Extract, AForwardedTitlePrintedShortInTheNoticesTitleIsSelf) {
  SourceText s;
  s.path = "forward.txt";
  s.text =
      "重庆市人民政府办公厅\n转发市发展改革委关于促进民营经济发展意见的通知"
      "\n\n渝府办发〔2023〕15号\n\n各区县（自治县）人民政府：\n\n"
      "市发展改革委《关于促进民营经济发展的意见》已经市政府同意，现转发给"
      "你们，请认真贯彻执行。各区县要按照国务院《关于促进民营经济发展的意见》"
      "抓好落实。国务院《关于促进民营经济发展的意见》提出了要求。\n";
  IndexLines(s);
  std::vector<Diagnostic> diagnostics;
  auto refs = ParseSource(s, diagnostics).references;
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_TRUE(refs[0].self);
  EXPECT_EQ(refs[0].relation, Relation::kIssues);
  EXPECT_FALSE(refs[1].self);
  EXPECT_EQ(refs[1].relation, Relation::kFollows);
  EXPECT_FALSE(refs[2].self);  // another issuer's, though only mentioned
  EXPECT_EQ(refs[2].relation, Relation::kMentions);
}

TEST(Extract, NoticeNamingItsPlanIsSelf) {
  auto refs =
      Refs("现将《某某方案》印发给你们，请认真贯彻执行。\n", /*notice=*/true);
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_TRUE(refs[0].self);
  EXPECT_EQ(refs[0].relation, Relation::kIssues);
  // The notice's title drops a 的 of the plan's (印发某某的方案 would read
  // badly as 印发某某的方案的通知).
  refs = Refs("《某某的方案》已经市政府同意，现印发给你们。\n", true);
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_TRUE(refs[0].self);
  EXPECT_EQ(refs[0].relation, Relation::kIssues);
}

TEST(Extract, AbbreviationResolvesWithinTheDocument) {
  // hechuan-gazette-2023-01.txt lines 4443-4445
  auto refs = Refs(
      "一、原则同意《合川区钱塘镇石碛村村规划》（以下简称《规划》）。\n\n"
      "二、《规划》实施中要严守生态保护红线。\n");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].alias, "规划");
  EXPECT_EQ(refs[1].form, ReferenceForm::kAlias);
  EXPECT_EQ(refs[1].alias_of, "合川区钱塘镇石碛村村规划");
  EXPECT_EQ(refs[1].directive, "二");
}

// An abbreviation defined again stands for its latest title from there on;
// one defined for the document's own plan makes its uses self-references.
TEST(Extract, AbbreviationStandsForItsLatestDefinition) {
  auto refs = Refs(
      "一、按照《重庆市甲规划》（以下简称《规划》），落实《规划》。\n\n"
      "二、按照《重庆市乙规划》（以下简称《规划》），落实《规划》。\n\n"
      "三、现将《某某方案》（以下简称《方案》）印发，落实《方案》。\n",
      /*notice=*/true);
  ASSERT_EQ(refs.size(), 6u);
  EXPECT_EQ(refs[1].alias_of, "重庆市甲规划");
  EXPECT_FALSE(refs[1].self);
  EXPECT_EQ(refs[3].alias_of, "重庆市乙规划");
  EXPECT_EQ(refs[3].form, ReferenceForm::kAlias);
  EXPECT_TRUE(refs[4].self) << refs[4].title;
  EXPECT_EQ(refs[5].alias_of, "某某方案");
  EXPECT_TRUE(refs[5].self);
  EXPECT_EQ(refs[5].relation, Relation::kIssues);
}

// hechuan-gazette-2023-01.txt lines 5874 and 5912.
TEST(Extract, BareTypeWordIsSelfUnlessAnAbbreviation) {
  auto refs = Refs("申请勘查矿种必须符合《方案》要求。\n", /*notice=*/true);
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_TRUE(refs[0].self);
  refs = Refs(
      "编制《矿山地质环境保护与土地复垦方案》（简称“方案”），新设采矿权应在《方"
      "案》审批后建立。\n",
      /*notice=*/true);
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_FALSE(refs[1].self);
  EXPECT_EQ(refs[1].alias_of, "矿山地质环境保护与土地复垦方案");
}

TEST(Extract, OwnNumberLineIsNoReference) {
  auto refs = Refs("正文没有引用。\n");
  EXPECT_TRUE(refs.empty());
}

struct Score {
  int gold = 0, extracted = 0, matched = 0, relation = 0, self = 0, number = 0;
};

std::string Str(const nlohmann::json& v) {
  return v.is_null() ? "" : v.get<std::string>();
}

Score ScoreAgainstGold() {
  Corpus corpus = LoadCorpus({PG_CORPUS_DIR});
  Score s;
  for (const char* name : {"cq-gazette-2023-05", "cq-gazette-2024-06"}) {
    std::ifstream in(std::string(PG_TEST_DATA) + "/gold/" + name + ".json");
    nlohmann::json gold = nlohmann::json::parse(in);
    const ParsedFile* file = nullptr;
    for (const ParsedFile& f : corpus.files)
      if (f.source.path.find(name) != std::string::npos) file = &f;
    if (!file) continue;
    std::vector<bool> used(file->references.size(), false);
    s.extracted += static_cast<int>(file->references.size());
    for (const nlohmann::json& g : gold["citations"]) {
      ++s.gold;
      std::string title = NormalizeTitle(Str(g["title"]));
      for (size_t i = 0; i < file->references.size(); ++i) {
        const Reference& r = file->references[i];
        if (used[i] || r.line != g["line"].get<uint32_t>()) continue;
        if (title.empty() ? r.doc_number != Str(g["doc_number"])
                          : r.title != title)
          continue;
        used[i] = true;
        ++s.matched;
        s.relation += RelationName(r.relation) == Str(g["kind"]);
        s.self += r.self == g["self"].get<bool>();
        s.number += r.doc_number == NormalizeDocNumber(Str(g["doc_number"]));
        break;
      }
    }
  }
  return s;
}

TEST(Extract, MeetsAccuracyTargetsOnHandCheckedCitations) {
  Score s = ScoreAgainstGold();
  ASSERT_GT(s.gold, 0);
  double precision = s.extracted ? double(s.matched) / s.extracted : 0;
  double recall = double(s.matched) / s.gold;
  double relation = s.matched ? double(s.relation) / s.matched : 0;
  double self = s.matched ? double(s.self) / s.matched : 0;
  double number = s.matched ? double(s.number) / s.matched : 0;
  std::printf("references: gold %d, extracted %d, matched %d\n", s.gold,
              s.extracted, s.matched);
  std::printf(
      "precision %.3f recall %.3f relation %.3f self %.3f doc_number %.3f\n",
      precision, recall, relation, self, number);
  EXPECT_GE(precision, 0.98);
  EXPECT_GE(recall, 0.98);
  EXPECT_GE(relation, 0.90);
  EXPECT_GE(self, 0.97);
  EXPECT_GE(number, 0.99);
}

}  // namespace
}  // namespace policygraph

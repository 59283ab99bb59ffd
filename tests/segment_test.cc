// Segmentation on real excerpts of the bundled gazettes (trimmed to the
// lines that matter) and on small inputs made to isolate one rule.
#include "policygraph/segment.h"

#include <gtest/gtest.h>

#include "policygraph/decode.h"

namespace policygraph {
namespace {

SourceText Text(std::string text, std::string path = "excerpt.txt") {
  SourceText s;
  s.path = std::move(path);
  s.text = std::move(text);
  IndexLines(s);
  return s;
}

// cq-gazette-2023-05.txt lines 360-372: issuer and title on lines apart,
// separated by blank lines, the title itself broken with a stray space.
constexpr char kSplitHeader[] =
    "（三十五）引导各方参与。建立周边市（区）县“观察员”制度。\n"
    "\n"
    "重庆市人民政府\n"
    "\n"
    "关于加快推进以卫星互联网为引领的 空天信息产业高质量发展的意见\n"
    "\n"
    "渝府发〔2023〕7号\n"
    "\n"
    "各区县（自治县）人民政府，市政府各部门，有关单位：\n"
    "\n"
    "建设卫星互联网工程是国家的重大战略部署。\n"
    "\n"
    "重庆市人民政府\n"
    "\n"
    "2023年2月28日\n";

TEST(Segment, JoinsIssuerAndTitleAcrossBlankLines) {
  Segmentation seg = SegmentGazette(Text(kSplitHeader));
  ASSERT_EQ(seg.documents.size(), 1u);
  const Document& d = seg.documents[0];
  EXPECT_EQ(d.id, "渝府发〔2023〕7号");
  EXPECT_EQ(d.title,
            "重庆市人民政府关于加快推进以卫星互联网为引领的空天信息产业高质量发"
            "展的意见");
  EXPECT_EQ(d.issuer, "重庆市人民政府");
  EXPECT_EQ(d.date, "2023-02-28");
  EXPECT_EQ(d.type, "意见");
  EXPECT_EQ(d.level, Level::kMunicipal);
  EXPECT_EQ(d.first_line, 3u);  // the issuer line, not the prose above it
  EXPECT_EQ(d.last_line, 15u);
}

// kSplitHeader with its date misread as 2032: the number says 2023.  The
// same text as printed draws no warning.
TEST(Segment, WarnsWhenTheDateIsOfAnotherYearThanTheNumber) {
  EXPECT_TRUE(SegmentGazette(Text(kSplitHeader)).diagnostics.empty());
  std::string misread = kSplitHeader;
  misread.replace(misread.find("2023年2月28日"), 4, "2032");
  Segmentation seg = SegmentGazette(Text(misread));
  ASSERT_EQ(seg.documents.size(), 1u);
  EXPECT_EQ(seg.documents[0].date, "2032-02-28");
  ASSERT_EQ(seg.diagnostics.size(), 1u);
  const Diagnostic& d = seg.diagnostics[0];
  EXPECT_EQ(d.severity, Severity::kWarning);
  EXPECT_EQ(d.code, "date-number-mismatch");
  EXPECT_EQ(d.line, 7u);  // the number's
  EXPECT_EQ(d.message,
            "渝府发〔2023〕7号 is numbered in 2023 but the document is dated "
            "2032-02-28; one of them may be misread");
}

TEST(Segment, NormalizesNumbersWithStraySpacesAndOtherBrackets) {
  struct Case {
    const char* number_line;
    const char* id;
  } cases[] = {
      {"合川府发〔2023〕2 号", "合川府发〔2023〕2号"},
      {"合川府发[2023]2号", "合川府发〔2023〕2号"},
      {"国办发（2021）13号", "国办发〔2021〕13号"},
      {"京政发 〔2022〕 05 号", "京政发〔2022〕5号"},
      {"**粤府办〔2020〕27号**", "粤府办〔2020〕27号"},
      {"渝府发〔二〇〇八〕71号", "渝府发〔2008〕71号"},
  };
  for (const Case& c : cases) {
    std::string text = std::string(
                           "重庆市合川区人民政府\n关于印发合川区综合立体交通网"
                           "规划纲要的通知\n\n") +
                       c.number_line + "\n\n各镇人民政府、街道办事处：\n";
    Segmentation seg = SegmentGazette(Text(text));
    ASSERT_EQ(seg.documents.size(), 1u) << c.number_line;
    EXPECT_EQ(seg.documents[0].id, c.id) << c.number_line;
  }
}

// cq-gazette-2023-05.txt lines 52-64: a decree carries a decree number and
// names the rules it promulgates in 《》.
TEST(Segment, ReadsDecreeHeader) {
  Segmentation seg = SegmentGazette(Text(
      "重庆市人民政府令\n\n第 359 号\n\n"
      "《重庆市巡游出租汽车客运管理办法》已经 2022 年 12 月 27 "
      "日市第五届人民政府第 197 "
      "次常务会议审议通过，现予公布，自 2023 年 4 月 20 日起施行。\n\n"
      "市长 胡衡华\n\n2023 年 3 月 2 日\n\n重庆市巡游出租汽车客运管理办法\n\n"
      "第一条 为了规范巡游出租汽车客运经营服务行为，制定本办法。\n"));
  ASSERT_EQ(seg.documents.size(), 1u);
  const Document& d = seg.documents[0];
  EXPECT_EQ(d.id, "重庆市人民政府令第359号");
  EXPECT_EQ(d.decree_number, "重庆市人民政府令第359号");
  EXPECT_EQ(d.doc_number, "");
  EXPECT_EQ(d.title, "重庆市巡游出租汽车客运管理办法");
  EXPECT_EQ(d.issuer, "重庆市人民政府");
  EXPECT_EQ(d.date, "2023-03-02");
  EXPECT_EQ(d.type, "办法");
}

TEST(Segment, KeepsJointIssuersApart) {
  Segmentation seg = SegmentGazette(
      Text("重庆市人民政府 四川省人民政府 关于印发推动川渝万达开地区统筹发展 "
           "总体方案的通知\n\n"
           "渝府发〔2023〕9号\n\n各区县（自治县）人民政府：\n\n"
           "现将《推动川渝万达开地区统筹发展总体方案》印发给你们，请认真贯彻执"
           "行。\n\n"
           "2023年3月11日\n"));
  ASSERT_EQ(seg.documents.size(), 1u);
  EXPECT_EQ(seg.documents[0].issuer, "重庆市人民政府、四川省人民政府");
  EXPECT_EQ(seg.documents[0].attached_title,
            "推动川渝万达开地区统筹发展总体方案");
}

// hechuan-gazette-2023-01.txt: a 转发 notice names the forwarded plan in
// its body without the forwarding office's name.
TEST(Segment, TakesAttachedTitleFromTheNoticeBody) {
  Segmentation seg = SegmentGazette(Text(
      "重庆市合川区人民政府办公室 关于转发区民政局合川区城乡社区服务体系 "
      "建设实施方案"
      "（2021—2025 年）的通知\n\n合川府办发〔2023〕5号\n\n各镇人民政府：\n\n"
      "区民政局《合川区城乡社区服务体系建设实施方案（2021—2025年）》已经区政府"
      "同意，"
      "现转发给你们。\n\n2023年1月19日\n"));
  ASSERT_EQ(seg.documents.size(), 1u);
  EXPECT_EQ(seg.documents[0].attached_title,
            "合川区城乡社区服务体系建设实施方案（2021—2025年）");
  EXPECT_EQ(seg.documents[0].level, Level::kDistrict);
}

// hechuan-gazette-2023-01.txt lines 40 and 5319: a notice without number,
// confirmed by the table of contents.
constexpr char kTocAndUnnumbered[] =
    "目 录\n\n"
    "重庆市合川区人民政府办公室关于调整合川城区住宅商业办公建筑停车位配建标准的"
    " 通知·····\t247\n"
    "重庆市合川区人民政府办公室关于成立合川区地方志编纂委员会的通知·····\t249\n"
    "重庆市合川区人民政府办公室关于印发不存在的方案的通知·····\t251\n"
    "\n"
    "重庆市合川区人民政府办公室 关于调整合川城区住宅商业办公建筑 "
    "停车位配建标准的通知\n\n"
    "各镇人民政府、街道办事处，区政府各部门，有关单位：\n\n"
    "一、将合川城区划分为 2 个停车分区进行管理。\n\n"
    "重庆市合川区人民政府办公室\n\n2023 年 2 月 16 日\n\n"
    "重庆市合川区人民政府办公室 关于成立合川区地方志编纂委员会的通知\n\n"
    "合川府办发〔2023〕13号\n\n各镇人民政府：\n\n正文。\n\n2023年2月10日\n\n"
    "主管单位：重庆市合川区人民政府\n";

TEST(Segment, FindsUnnumberedDocumentListedInContents) {
  Segmentation seg = SegmentGazette(Text(kTocAndUnnumbered));
  ASSERT_EQ(seg.toc.size(), 3u);
  EXPECT_EQ(seg.toc[0].page, 247);
  ASSERT_EQ(seg.documents.size(), 2u);
  EXPECT_EQ(seg.documents[0].id,
            "title:"
            "重庆市合川区人民政府办公室关于调整合川城区住宅商业办公建筑停车位配"
            "建标准的通知");
  EXPECT_EQ(seg.documents[0].date, "2023-02-16");
  EXPECT_EQ(seg.documents[1].id, "合川府办发〔2023〕13号");
}

TEST(Segment, WarnsAboutContentsEntryWithoutDocument) {
  Segmentation seg = SegmentGazette(Text(kTocAndUnnumbered));
  ASSERT_EQ(seg.diagnostics.size(), 1u);
  EXPECT_EQ(seg.diagnostics[0].code, "toc-entry-missing");
  EXPECT_EQ(seg.diagnostics[0].line, 5u);
  EXPECT_NE(seg.diagnostics[0].message.find("不存在的方案"), std::string::npos);
}

TEST(Segment, ColophonBelongsToNoDocument) {
  SourceText text = Text(kTocAndUnnumbered);
  Segmentation seg = SegmentGazette(text);
  ASSERT_EQ(seg.documents.size(), 2u);
  EXPECT_EQ(text.Line(seg.documents[1].last_line), "2023年2月10日");
}

// Every colophon word ends the last document, whichever character it
// opens with (the segmenter tries the pattern only on lines opening with
// one of them); a line opening with one of those characters but no
// colophon word stays in the document.
TEST(Segment, EveryColophonWordEndsTheDocument) {
  for (std::string word :
       {"主管单位", "主办单位", "编辑出版", "编辑", "出版", "发行范围",
        "全国统一刊号", "印刷单位", "承印单位", "国内统一刊号"}) {
    for (std::string colon : {"：", ":", " ："}) {
      SourceText text = Text(
          "某某区人民政府关于甲的通知\n\n某府发〔2024〕1号\n\n各单位：\n\n"
          "正文。\n\n2024年1月2日\n\n主要内容：不是版权页\n\n" +
          word + colon + "某某\n");
      Segmentation seg = SegmentGazette(text);
      ASSERT_EQ(seg.documents.size(), 1u) << word;
      EXPECT_EQ(text.Line(seg.documents[0].last_line), "主要内容：不是版权页")
          << word << colon;
    }
  }
}

// Contents entries end in a page number after dot leaders or a tab, or in
// one in brackets of either width; 【section】 lines are skipped.
TEST(Segment, ReadsEveryFormOfContentsEntry) {
  Segmentation seg = SegmentGazette(
      Text("目录\n\n【区政府文件】\n"
           "某某区人民政府关于甲的通知……（1）\n"
           "某某区人民政府关于乙的通知 (12)\n"
           "某某区人民政府关于丙的\n通知·····\t39\n"
           "某某区人民政府关于丁的通知…… 210\n\n"
           "某某区人民政府关于甲的通知\n\n某府发〔2024〕1号\n\n各单位：\n"));
  ASSERT_EQ(seg.toc.size(), 4u);
  EXPECT_EQ(seg.toc[0].title, "某某区人民政府关于甲的通知");
  EXPECT_EQ(seg.toc[0].page, 1);
  EXPECT_EQ(seg.toc[1].page, 12);
  EXPECT_EQ(seg.toc[2].title, "某某区人民政府关于丙的通知");
  EXPECT_EQ(seg.toc[2].line, 6u);
  EXPECT_EQ(seg.toc[2].page, 39);
  EXPECT_EQ(seg.toc[3].page, 210);
}

TEST(Segment, WarnsAboutDocumentMissingFromContents) {
  std::string text =
      std::string("目录\n\n某某区人民政府关于甲的通知……（1）\n\n") +
      "某某区人民政府关于乙的通知\n\n某府发〔2024〕1号\n\n各单位：\n";
  Segmentation seg = SegmentGazette(Text(text));
  ASSERT_EQ(seg.documents.size(), 1u);
  std::vector<std::string> codes;
  for (const Diagnostic& d : seg.diagnostics) codes.push_back(d.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"document-not-in-toc",
                                             "toc-entry-missing"}));
}

TEST(Segment, FileWithoutHeaderIsOneDocument) {
  Segmentation seg =
      SegmentGazette(Text("\n合川区某某工作方案\n\n一、总体要求\n\n正文。\n"));
  ASSERT_EQ(seg.documents.size(), 1u);
  EXPECT_EQ(seg.documents[0].id, "title:合川区某某工作方案");
  EXPECT_EQ(seg.documents[0].first_line, 2u);
  EXPECT_EQ(seg.documents[0].last_line, 6u);
}

TEST(Segment, ProseMentioningANumberIsNoHeader) {
  SourceText text = Text(
      "重庆市人民政府\n关于甲的通知\n\n渝府发〔2023〕1号\n\n各单位：\n\n"
      "根据《重庆市人民政府关于乙的意见》（渝府发〔2022〕3号），制定本通知。\n"
      "渝府发〔2022〕3号文件同时废止。\n");
  Segmentation seg = SegmentGazette(text);
  ASSERT_EQ(seg.documents.size(), 1u);
  EXPECT_EQ(text.Line(seg.documents[0].last_line),
            "渝府发〔2022〕3号文件同时废止。");
}

// State Council and provincial documents outside gazettes print the number
// above the title and sign with a date in Chinese numerals.
TEST(Segment, ReadsNumberAboveTitleAndChineseNumeralDate) {
  Segmentation seg = SegmentGazette(Text(
      "国办发〔2021〕13号\n\n国务院办公厅关于进一步加强\n种质资源保护利用的意见"
      "\n\n"
      "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n\n正文。\n\n"
      "国务院办公厅\n二〇二一年三月二十八日\n"));
  ASSERT_EQ(seg.documents.size(), 1u);
  const Document& d = seg.documents[0];
  EXPECT_EQ(d.id, "国办发〔2021〕13号");
  EXPECT_EQ(d.title, "国务院办公厅关于进一步加强种质资源保护利用的意见");
  EXPECT_EQ(d.issuer, "国务院办公厅");
  EXPECT_EQ(d.level, Level::kNational);
  EXPECT_EQ(d.date, "2021-03-28");
  EXPECT_EQ(d.first_line, 1u);
  EXPECT_EQ(d.header_last_line, 4u);
}

// Joint documents of a district's Party committee and government print
// each issuer on a line of its own above the title.
TEST(Segment, ReadsJointIssuersOneToALine) {
  Segmentation seg = SegmentGazette(Text(
      "【区委区政府文件】\n\n中共重庆市合川区委办公室\n重庆市合川区人民政府办公"
      "室"
      "\n关于印发《合川区乡村振兴重点工作\n任务分工方案》的通知\n\n"
      "合川委办发 [2023] 18 号\n\n各镇党委、政府，区级有关部门：\n\n正文。\n\n"
      "中共重庆市合川区委办公室　　　重庆市合川区人民政府办公室\n\n"
      "2023年5月6日\n"));
  ASSERT_EQ(seg.documents.size(), 1u);
  const Document& d = seg.documents[0];
  EXPECT_EQ(d.id, "合川委办发〔2023〕18号");
  EXPECT_EQ(d.issuer, "中共重庆市合川区委办公室、重庆市合川区人民政府办公室");
  EXPECT_EQ(
      d.title,
      "中共重庆市合川区委办公室重庆市合川区人民政府办公室关于印发《合川区乡"
      "村振兴重点工作任务分工方案》的通知");
  EXPECT_EQ(d.first_line, 3u);
  EXPECT_EQ(d.date, "2023-05-06");

  // An issuer printed above a title that opens with it again is one.
  Segmentation once = SegmentGazette(
      Text("重庆市人民政府办公厅\n重庆市人民政府办公厅关于戊的通知\n"
           "渝府办发〔2023〕3号\n各单位：\n正文。\n2023年5月1日\n"));
  ASSERT_EQ(once.documents.size(), 1u);
  EXPECT_EQ(once.documents[0].issuer, "重庆市人民政府办公厅");
  EXPECT_EQ(once.documents[0].title, "重庆市人民政府办公厅关于戊的通知");
}

TEST(Segment, ReadsANumberLinePrintingSerialWithDi) {
  Segmentation seg = SegmentGazette(
      Text("重庆市合川区人民政府办公室\n关于做好防汛工作的通知\n\n"
           "合川府办发〔2019〕第 8 号\n\n各镇人民政府：\n\n正文。\n\n"
           "重庆市合川区人民政府办公室\n2019年5月6日\n"));
  ASSERT_EQ(seg.documents.size(), 1u);
  EXPECT_EQ(seg.documents[0].id, "合川府办发〔2019〕8号");
  EXPECT_EQ(seg.documents[0].date, "2019-05-06");
}

// A section heading of the gazette ends the document above it: the
// interpretation article after 【政策解读】 is not part of the 意见.
TEST(Segment, AGazetteSectionHeadingEndsTheDocumentAbove) {
  Segmentation seg = SegmentGazette(Text(
      "重庆市人民政府办公厅关于推动竞技体育发展的意见\n\n渝府办发〔2023〕20号\n"
      "\n"
      "各区县（自治县）人民政府：\n\n一、总体要求。\n\n重庆市人民政府办公厅\n\n"
      "2023年3月1日\n\n（此件公开发布）\n\n【 政策解读 "
      "】\n\n《重庆市人民政府办公厅"
      "关于推动竞技体育发展的意见》政策解读\n\n一、出台背景\n\n【专栏】\n"));
  ASSERT_EQ(seg.documents.size(), 1u);
  EXPECT_EQ(seg.documents[0].last_line, 13u);
}

// A regulation printed with its passage note and no number is a document
// of its own, dated by the note and issued by the body that passed it; the
// same note under the plan a notice just issued is that notice's.
TEST(Segment, ARegulationWithItsPassageNoteIsADocument) {
  constexpr char kNotice[] =
      "重庆市人民政府办公厅关于甲的通知\n\n渝府办发〔2023〕60号\n\n"
      "各区县（自治县）人民政府：\n\n一、做好甲。\n\n重庆市人民政府办公厅\n\n"
      "2023年8月1日\n\n（此件公开发布）\n\n";
  Segmentation seg = SegmentGazette(
      Text(std::string(kNotice) + "重庆市物业\n管理条例\n\n（2023年7月27日重庆"
                                  "市第六届人民代表大会常务委员会"
                                  "第三次会议通过　2024年3月1日修正）\n\n第一章"
                                  "　总则\n\n第一条　为了规范。\n"));
  ASSERT_EQ(seg.documents.size(), 2u);
  EXPECT_EQ(seg.documents[0].last_line, 13u);
  const Document& d = seg.documents[1];
  EXPECT_EQ(d.id, "title:重庆市物业管理条例");
  EXPECT_EQ(d.first_line, 15u);
  EXPECT_EQ(d.date, "2023-07-27");
  EXPECT_EQ(d.issuer, "重庆市人民代表大会常务委员会");
  EXPECT_EQ(d.type, "条例");
  EXPECT_EQ(d.level, Level::kMunicipal);

  Segmentation issued = SegmentGazette(Text(
      "重庆市人民政府办公厅关于印发重庆市乙办法的通知\n\n渝府办发〔2023〕61号\n"
      "\n"
      "各区县（自治县）人民政府：\n\n现将《重庆市乙办法》印发给你们。\n\n"
      "重庆市人民政府办公厅\n\n2023年8月2日\n\n重庆市乙办法\n\n"
      "（2023年7月20日市政府第20次常务会议通过）\n\n第一条　为了规范。\n"));
  ASSERT_EQ(issued.documents.size(), 1u);
  EXPECT_EQ(issued.documents[0].id, "渝府办发〔2023〕61号");
}

// Web pages print the number in parentheses under the title; the same
// line under a cited title in book-title marks is that citation's.
TEST(Segment, ReadsANumberLineInParentheses) {
  Segmentation seg = SegmentGazette(Text(
      "重庆市人民政府关于甲的通知\n（渝府发〔2023〕30号）\n"
      "各区县（自治县）人民政府：\n主要依据：\n《重庆市人民政府关于乙的意见》\n"
      "（渝府发〔2023〕7号）\n各区县要抓好落实。\n重庆市人民政府\n2023年7月1日"
      "\n"));
  ASSERT_EQ(seg.documents.size(), 1u);
  EXPECT_EQ(seg.documents[0].id, "渝府发〔2023〕30号");
  EXPECT_EQ(seg.documents[0].title, "重庆市人民政府关于甲的通知");
  EXPECT_EQ(seg.documents[0].last_line, 9u);
}

// A decision issued as a decree has a title of its own above the decree
// line; the regulations it amends are what it cites, not its title.
TEST(Segment, ADecreeUnderItsOwnTitleKeepsIt) {
  Segmentation seg = SegmentGazette(Text(
      "重庆市人民政府\n关于修改部分规章的决定\n\n重庆市人民政府令第370号\n\n"
      "市政府决定对下列规章予以修改：\n\n一、《重庆市甲办法》（渝府令第100号）"
      "\n\n"
      "市长　胡衡华\n\n2023年9月1日\n"));
  ASSERT_EQ(seg.documents.size(), 1u);
  const Document& d = seg.documents[0];
  EXPECT_EQ(d.id, "重庆市人民政府令第370号");
  EXPECT_EQ(d.title, "重庆市人民政府关于修改部分规章的决定");
  EXPECT_EQ(d.type, "决定");
  EXPECT_EQ(d.issuer, "重庆市人民政府");
  EXPECT_EQ(d.first_line, 1u);
  EXPECT_EQ(d.date, "2023-09-01");
}

// Text joined from a PDF may print a title and its number on one line;
// a list of documents printed with spaces has lines alike, but no
// addressees below them.
TEST(Segment, ReadsATitleAndItsNumberOnOneLine) {
  Segmentation seg = SegmentGazette(
      Text("中共重庆市委办公厅\n重庆市人民政府办公厅\n关于乙的通知 "
           "渝委办发〔2023〕3 号\n"
           "各区县（自治县）党委和人民政府：\n决定废止以下文件：\n"
           "1 重庆市人民政府关于甲的通知 渝府发〔2015〕1号\n"
           "2 重庆市人民政府关于丙的通知 渝府发〔2015〕2号\n2023年5月1日\n"));
  ASSERT_EQ(seg.documents.size(), 1u);
  const Document& d = seg.documents[0];
  EXPECT_EQ(d.id, "渝委办发〔2023〕3号");
  EXPECT_EQ(d.title, "中共重庆市委办公厅重庆市人民政府办公厅关于乙的通知");
  EXPECT_EQ(d.issuer, "中共重庆市委办公厅、重庆市人民政府办公厅");
  EXPECT_EQ(d.first_line, 1u);
  EXPECT_EQ(d.last_line, 8u);
}

// A list of documents is no header even when a line ending in a colon
// follows it: its items open with a list marker, and no title does.  A
// notice without a number whose first line ends in a colon (现通告如下：)
// still starts a document.
TEST(Segment, AListOfDocumentsBeforeAColonLineIsNoHeader) {
  Segmentation seg = SegmentGazette(
      Text("重庆市人民政府\n关于宣布失效一批规范性文件的决定\n\n"
           "渝府发〔2023〕40号\n\n各区县（自治县）人民政府，市政府各部门：\n\n"
           "决定宣布失效以下规范性文件：\n\n"
           "3 重庆市人民政府关于印发甲方案的通知 渝府发〔2012〕47号\n\n"
           "各区县要做好以下工作：\n\n"
           "1.贯彻落实重庆市人民政府关于乙的意见（渝府发〔2021〕9号）\n\n"
           "市政府决定对下列规章予以修改：\n\n1.《丁办法》\n\n"
           "重庆市人民政府\n\n2023年10月8日\n\n"
           "重庆市合川区人民政府\n关于2023年森林防火的通告\n\n"
           "为加强森林防火工作，现通告如下：\n\n一、森林防火期为全年。\n"));
  ASSERT_EQ(seg.documents.size(), 2u);
  EXPECT_EQ(seg.documents[0].id, "渝府发〔2023〕40号");
  EXPECT_EQ(seg.documents[0].last_line, 22u);
  EXPECT_EQ(seg.documents[1].title,
            "重庆市合川区人民政府关于2023年森林防火的通告");
  EXPECT_EQ(seg.documents[1].first_line, 24u);
}

TEST(Segment, ReadsSignatureDatesInEveryNotation) {
  struct Case {
    const char* line;
    const char* date;
  } cases[] = {
      {"2023年3月2日", "2023-03-02"},
      {"2023 年 3 月 15 日", "2023-03-15"},
      {"２０２３年３月２日", "2023-03-02"},
      {"二〇二三年三月二日", "2023-03-02"},
      {"二○二二年十二月三十一日", "2022-12-31"},
      {"2023年13月2日", ""},  // no such month: not a signature date
  };
  for (const Case& c : cases) {
    std::string text = std::string(
                           "重庆市人民政府\n关于甲的通知\n\n渝府发〔2023〕1号\n"
                           "\n各单位：\n\n") +
                       c.line + "\n";
    Segmentation seg = SegmentGazette(Text(text));
    ASSERT_EQ(seg.documents.size(), 1u) << c.line;
    EXPECT_EQ(seg.documents[0].date, c.date) << c.line;
  }
}

TEST(Segment, EmptyInputHasNoDocuments) {
  EXPECT_TRUE(SegmentGazette(Text("")).documents.empty());
  EXPECT_TRUE(SegmentGazette(Text("\n\n   \n")).documents.empty());
}

TEST(Segment, ClassifiesIssuerLevels) {
  struct Case {
    const char* issuer;
    Level level;
  } cases[] = {
      {"国务院", Level::kNational},
      {"国务院办公厅", Level::kNational},
      {"中共中央", Level::kNational},
      {"重庆市人民政府", Level::kMunicipal},
      {"重庆市人民政府办公厅", Level::kMunicipal},
      {"四川省人民政府", Level::kMunicipal},
      {"重庆市人民政府、四川省人民政府", Level::kMunicipal},
      {"重庆市合川区人民政府", Level::kDistrict},
      {"重庆市合川区人民政府办公室", Level::kDistrict},
      {"石柱土家族自治县人民政府", Level::kDistrict},
      {"重庆市发展和改革委员会", Level::kDepartment},
      {"区民政局", Level::kDepartment},
      // The Party committee's documents, alone and joint with the
      // government's: each issuer alone, the highest level wins.
      {"中共重庆市委", Level::kMunicipal},
      {"中共重庆市委、重庆市人民政府", Level::kMunicipal},
      {"中共重庆市委办公厅、重庆市人民政府办公厅", Level::kMunicipal},
      {"中共重庆市合川区委办公室、重庆市合川区人民政府办公室",
       Level::kDistrict},
      {"重庆市合川区发展和改革委员会、重庆市合川区人民政府办公室",
       Level::kDistrict},
      {"中共中央办公厅、国务院办公厅", Level::kNational},
      {"", Level::kUnknown},
  };
  for (const Case& c : cases)
    EXPECT_EQ(ClassifyIssuerLevel(c.issuer), c.level) << c.issuer;
}

TEST(Segment, ReadsTypeFromTitleEnding) {
  struct Case {
    const char* title;
    const char* type;
  } cases[] = {
      {"重庆市人民政府关于加快推进空天信息产业高质量发展的意见", "意见"},
      {"重庆市合川区人民政府办公室关于进一步加强基层消防治理的实施意见",
       "意见"},
      {"重庆市合川区人民政府关于钱塘镇石碛村村规划的批复", "批复"},
      {"重庆市合川区人民政府关于公布2023年森林防火区和防火期的通告", "通告"},
      {"重庆市巡游出租汽车客运管理办法", "办法"},
      {"合川区健全重特大疾病医疗保险和救助制度实施方案（试行）", "方案"},
      {"重庆市优化营商环境专项行动方案（2024—2027年）", "方案"},
      {"《重庆市道路运输管理条例》", "条例"},
      // Regression: a folded title's ASCII brackets hid its type.
      {"重庆市妇女发展规划(2021-2030年)", "规划"},
      {"空天信息产业", ""},
      {"重庆市人民政府关于表彰2022年度全市安全生产工作先进集体的通报", "通报"},
      {"重庆市合川区突发事件总体应急预案", "预案"},
      {"重庆市人民政府关于提请审议重庆市X条例（草案）的议案", "议案"},
  };
  for (const Case& c : cases) EXPECT_EQ(TitleType(c.title), c.type) << c.title;
}

// A 通报 (a commendation, a circular on inspections) is a document of its
// own as a 通知 is; its header had been missed for want of its type, and
// the document ran into the one above.
TEST(Segment, ACircularIsADocument) {
  Segmentation seg = SegmentGazette(Text(
      "重庆市人民政府\n关于甲的通知\n\n渝府发〔2023〕1号\n\n各区县（自治县）"
      "人民政府：\n\n正文。\n\n重庆市人民政府\n2023年1月1日\n\n"
      "重庆市人民政府\n关于表彰2022年度全市安全生产工作先进集体的通报\n\n"
      "渝府发〔2023〕2号\n\n各区县（自治县）人民政府：\n\n正文。\n\n"
      "重庆市人民政府\n2023年1月5日\n"));
  ASSERT_EQ(seg.documents.size(), 2u);
  EXPECT_EQ(seg.documents[1].id, "渝府发〔2023〕2号");
  EXPECT_EQ(seg.documents[1].type, "通报");
  // The first document takes lines 1-11 (its date) and a blank line;
  // the 通报's issuer line is the 13th.
  EXPECT_EQ(seg.documents[1].first_line, 13u);
}

TEST(Segment, IssuedTitleIsThePlanANoticeIssues) {
  struct Case {
    const char* title;
    const char* issued;
  } cases[] = {
      {"重庆市人民政府办公厅关于印发《重庆市优化营商环境专项行动方案 "
       "(2024—2027年)》的通知",
       "重庆市优化营商环境专项行动方案（2024—2027年）"},
      {"国务院办公厅关于印发中国反对拐卖人口行动计划（2021—2030年）的通知",
       "中国反对拐卖人口行动计划（2021—2030年）"},
      {"重庆市人民政府关于加快推进空天信息产业高质量发展的意见", ""},
      {"印发重庆市某某方案的通知", ""},  // no 关于: not a notice title
  };
  for (const Case& c : cases)
    EXPECT_EQ(IssuedTitle(c.title), c.issued) << c.title;
}

TEST(Segment, JoinedTitlesSplitOnlyBetweenCompleteTitles) {
  using Titles = std::vector<std::string>;
  struct Case {
    const char* title;
    Titles plans;
  } cases[] = {
      {"重庆市合川区妇女发展规划（2021—2030年）和重庆市合川区儿童发展规划"
       "（2021—2030年）",
       {"重庆市合川区妇女发展规划（2021—2030年）",
        "重庆市合川区儿童发展规划（2021—2030年）"}},
      // Folded for matching, as extract compares titles.
      {"合川区妇女发展规划(2021-2030年)和合川区儿童发展规划(2021-2030年)",
       {"合川区妇女发展规划(2021-2030年)", "合川区儿童发展规划(2021-2030年)"}},
      {"甲区道路规划、甲区水利规划和甲区电力规划",
       {"甲区道路规划", "甲区水利规划", "甲区电力规划"}},
      // 和 inside one title.
      {"重庆市国民经济和社会发展第十五个五年规划纲要", {}},
      {"合川区入河排污口排查整治和监督管理工作方案", {}},
      {"合川区健全重特大疾病医疗保险和救助制度实施方案（试行）", {}},
      {"合川区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", {}},
      {"合川区露天焚烧管控工作方案", {}},
  };
  for (const Case& c : cases)
    EXPECT_EQ(JoinedTitles(c.title), c.plans) << c.title;
}

}  // namespace
}  // namespace policygraph

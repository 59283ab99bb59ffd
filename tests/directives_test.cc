// Directive trees of real excerpts (lines trimmed) and of small inputs made
// to isolate one numbering rule.
#include "policygraph/directives.h"

#include <gtest/gtest.h>

#include "policygraph/decode.h"
#include "policygraph/segment.h"

namespace policygraph {
namespace {

struct Parsed {
  SourceText source;
  Document doc;
  DirectiveTree tree;
};

// Wraps `body` in a document header so the segmenter produces the Document
// the parser needs, as in a real gazette.
Parsed Parse(const std::string& body, bool issuing_notice = false) {
  Parsed p;
  p.source.path = "excerpt.txt";
  p.source.text = std::string("重庆市人民政府\n关于") +
                  (issuing_notice ? "印发某某方案的通知" : "某某工作的意见") +
                  "\n\n渝府发〔2023〕7号\n\n各区县（自治县）人民政府：\n\n" +
                  body;
  IndexLines(p.source);
  Segmentation seg = SegmentGazette(p.source);
  EXPECT_EQ(seg.documents.size(), 1u);
  if (!seg.documents.empty()) p.doc = seg.documents[0];
  p.tree = ParseDirectives(p.source, p.doc);
  return p;
}

std::vector<std::string> Ids(const DirectiveTree& tree) {
  std::vector<std::string> ids;
  for (const Directive& d : tree.nodes) ids.push_back(d.id);
  return ids;
}

const Directive* Find(const DirectiveTree& tree, const std::string& id) {
  for (const Directive& d : tree.nodes)
    if (d.id == id) return &d;
  return nullptr;
}

TEST(Directives, NestsItemsUnderParts) {
  Parsed p = Parse(
      "一、总体思路与目标\n\n坚持以习近平新时代中国特色社会主义思想为指导。\n\n"
      "二、服务国家战略，不断完善卫星互联网发展体系\n\n"
      "（一）建设卫星互联网基础设施。加快卫星互联网地面设施建设。\n\n"
      "(二) 开展卫星互联网运营服务。逐步构建全国运营服务体系。\n"
      "跨行的续文。\n\n"
      "三、加快通导遥融合\n\n（三）推动通导遥技术融合。建设综合应用示范区。\n");
  EXPECT_EQ(Ids(p.tree),
            (std::vector<std::string>{"一", "二", "二.（一）", "二.（二）",
                                      "三", "三.（三）"}));
  const Directive* d = Find(p.tree, "二.（二）");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->heading, "开展卫星互联网运营服务");
  EXPECT_EQ(d->kind, DirectiveKind::kSubItem);
  EXPECT_EQ(p.source.Line(d->line),
            "(二) 开展卫星互联网运营服务。逐步构建全国运营服务体系。");
  EXPECT_EQ(p.source.Line(d->last_line),
            "跨行的续文。");  // continuation belongs to it
  const Directive* two = Find(p.tree, "二");
  ASSERT_NE(two, nullptr);
  EXPECT_EQ(two->children.size(), 2u);
}

// Plans divide into 第一部分, 第二部分 as often as into 第一篇: each is a
// part, and the numbering restarting inside the second is not a repeat.
TEST(Directives, ReadsPartsCalledBuFen) {
  Parsed p = Parse(
      "第一部分 总体要求\n\n一、工作目标\n\n到2025年，建成甲体系。\n\n"
      "第二部分　重点任务\n\n一、推进乙建设\n\n1、建设丙平台。\n");
  EXPECT_EQ(Ids(p.tree),
            (std::vector<std::string>{"第一部分", "第一部分.一", "第二部分",
                                      "第二部分.一", "第二部分.一.1"}));
  const Directive* part = Find(p.tree, "第二部分");
  ASSERT_NE(part, nullptr);
  EXPECT_EQ(part->kind, DirectiveKind::kPart);
  EXPECT_EQ(part->heading, "重点任务");
}

TEST(Directives, RecognizesEveryNumberingScheme) {
  struct Case {
    const char* line;
    DirectiveKind kind;
    const char* label;
  } cases[] = {
      {"第一篇　承前启后", DirectiveKind::kPart, "第一篇"},
      {"第十二章 加快建设现代化产业体系", DirectiveKind::kChapter, "第十二章"},
      {"第二节　主要原则", DirectiveKind::kSection, "第二节"},
      {"第二十一条 交通主管部门应当加强监督检查。", DirectiveKind::kArticle,
       "第二十一条"},
      {"十、保障措施", DirectiveKind::kItem, "十"},
      {"（十五）完善产业配套政策。", DirectiveKind::kSubItem, "（十五）"},
      {"(三) 培育卫星互联网创新生态。", DirectiveKind::kSubItem, "（三）"},
      {"1. 建设卫星互联网基础设施。", DirectiveKind::kPoint, "1"},
      {"12．全面深化政务服务模式创新。", DirectiveKind::kPoint, "12"},
      {"3、加强宣传。", DirectiveKind::kPoint, "3"},
      {"（2）开展巡查。", DirectiveKind::kSubPoint, "（2）"},
      {"——支撑打造全国高质量发展重要增长极。", DirectiveKind::kBullet, "——1"},
      // A marker alone on its line still opens its unit.
      {"第三条", DirectiveKind::kArticle, "第三条"},
      {"（四）", DirectiveKind::kSubItem, "（四）"},
  };
  for (const Case& c : cases) {
    Parsed p = Parse(std::string(c.line) + "\n");
    ASSERT_EQ(p.tree.nodes.size(), 1u) << c.line;
    EXPECT_EQ(p.tree.nodes[0].kind, c.kind) << c.line;
    EXPECT_EQ(p.tree.nodes[0].label, c.label) << c.line;
  }
}

TEST(Directives, NumbersAndProseAreNoDirectives) {
  for (const char* line :
       {"1.5万辆新能源汽车投入运营。", "2023年全区实现地区生产总值。",
        "第一条款另行规定。", "一些单位仍需加强。", "——", "2.", "附件说明",
        "专栏内容另附"}) {
    Parsed p = Parse(std::string(line) + "\n");
    EXPECT_TRUE(p.tree.nodes.empty()) << line;
  }
}

// cq-gazette-2024-06.txt lines 59-75: numbered tasks and a 专栏 box whose
// row lists two projects in one tab-separated line.
TEST(Directives, ReadsBoxRowsAsItemsOfTheAction) {
  Parsed p = Parse(
      "(一) 卫星互联网产业筑基行动\n\n"
      "4. 鼓励组建商业化卫星互联网。创新市场化建设运营模式。\n\n"
      "专栏1 卫星互联网产业筑基行动重点建设任务\n\n"
      "<p>重大项目</p>\t<p>1. "
      "卫星互联网运营服务平台项目。构建数据存储和处理中心。</p> "
      "<p>2. 卫星互联网应用标准构建项目。实现关键技术自主可控。</p>\n"
      "--------------------\t--\n"
      "重大平台\t北斗联合创新实验室。组建联合实验室。\n\n"
      "(二) 北斗规模应用强基行动\n");
  EXPECT_EQ(
      Ids(p.tree),
      (std::vector<std::string>{
          "（一）", "（一）.4", "（一）.专栏1", "（一）.专栏1.重大项目.1",
          "（一）.专栏1.重大项目.2", "（一）.专栏1.重大平台.1", "（二）"}));
  EXPECT_EQ(Find(p.tree, "（一）.专栏1.重大项目.2")->heading,
            "卫星互联网应用标准构建项目");
  EXPECT_EQ(Find(p.tree, "（一）.专栏1.重大平台.1")->heading,
            "北斗联合创新实验室");
}

// Items sharing one box row keep their own words; a parent's own text stops
// where its first child begins.
TEST(Directives, DirectiveTextIsTheDirectivesOwnWords) {
  Parsed p = Parse(
      "(一) 卫星互联网产业筑基行动\n\n"
      "面向卫星互联网产业发展，加快建设\n地面基础设施。\n\n"
      "1. 建设卫星互联网基础设施。推进运控中心建设。\n\n"
      "专栏1 重点建设任务\n\n"
      "<p>重大项目</p>\t<p>1. 运营服务平台项目。构建数据中心。</p> "
      "<p>2. 应用标准构建项目。实现自主可控。</p>\n");
  auto text = [&](const std::string& id) {
    const Directive* d = Find(p.tree, id);
    EXPECT_NE(d, nullptr) << id;
    return d ? DirectiveText(p.source, p.tree,
                             static_cast<int>(d - p.tree.nodes.data()))
             : std::string();
  };
  EXPECT_EQ(text("（一）"),
            "(一) 卫星互联网产业筑基行动面向卫星互联网产业发展，加快建设"
            "地面基础设施。");
  EXPECT_EQ(text("（一）.1"), "1. 建设卫星互联网基础设施。推进运控中心建设。");
  EXPECT_EQ(text("（一）.专栏1.重大项目.1"),
            "1. 运营服务平台项目。构建数据中心。");
  EXPECT_EQ(text("（一）.专栏1.重大项目.2"),
            "2. 应用标准构建项目。实现自主可控。");
}

// Each line of a directive's words is cleaned as CleanLine cleans it, the
// lines that need only trimming as much as those with markup, U+3000, a
// tab or a tag.
TEST(Directives, DirectiveTextCleansEveryKindOfLine) {
  Parsed p = Parse(
      "1. 建设基础设施。\n"
      "  推进运控中心建设。  \n"
      "强化**数据**共享。\n"
      "全角\u3000空格。\u3000\n"
      "制表\t分隔。\n"
      "<p>段落标记。</p>\n"
      "2. 下一项任务。\n");
  ASSERT_EQ(Ids(p.tree), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(DirectiveText(p.source, p.tree, 0),
            "1. 建设基础设施。推进运控中心建设。强化数据共享。全角 空格。"
            "制表 分隔。段落标记。");
}

TEST(Directives, IndicatorTablesInBoxesAreNoDirectives) {
  Parsed p = Parse(
      "（三）主要目标\n\n专栏1 2021—2030年妇女发展主要指标\n\n"
      "类别\t序号\t指标\t目标值\n妇女与健康\t1\t孕产妇死亡率\t10\n\n（四）组织"
      "实施\n");
  EXPECT_EQ(Ids(p.tree),
            (std::vector<std::string>{"（三）", "（三）.专栏1", "（四）"}));
}

// cq-gazette-2024-06.txt lines 381-406: the task list attached to
// 渝府办发〔2024〕27号.
TEST(Directives, ReadsTaskTableRowsWithLeadUnitsAndDeadlines) {
  Parsed p = Parse(
      "附件：2024年度工作任务清单\n\n附件\n\n2024年度工作任务清单\n\n"
      "序号\t工作任务\t牵头单位\t完成时间\n"
      "一、对标先进优化提升专项行动\t\t\t\n"
      "(一) 市场准入\t\t\t\n"
      "1\t推行企业名称申报承诺制，扩大申请人自主选择名称的权利和范围。\t市市场"
      "监管局\t2024年12月\n"
      "15\t推动水电气网联合报装工作。\t市城市管理局、市经济信息委\t2024年6月\n"
      "\n"
      "序号\t工作任务\t牵头单位\t完成时间\n"
      "16\t优化报装流程。\t市城市管理局\t2024年9月\n");
  EXPECT_EQ(Ids(p.tree),
            (std::vector<std::string>{"附件", "附件.1", "附件.15", "附件.16"}));
  const Directive* row = Find(p.tree, "附件.15");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->kind, DirectiveKind::kTaskRow);
  EXPECT_EQ(row->lead_units,
            (std::vector<std::string>{"市城市管理局", "市经济信息委"}));
  EXPECT_EQ(row->deadline, "2024年6月");
  EXPECT_EQ(row->heading, "推动水电气网联合报装工作");
}

TEST(Directives, NoticeItemsStayApartFromThePlan) {
  Parsed p = Parse(
      "现将《某某方案》印发给你们，并提出以下要求：\n一、高度重视。\n\n"
      "重庆市人民政府\n\n2023年2月28日\n\n某某方案\n\n一、总体要求\n\n（一）指"
      "导思想。\n",
      /*issuing_notice=*/true);
  EXPECT_EQ(Ids(p.tree),
            (std::vector<std::string>{"通知.一", "一", "一.（一）"}));
}

// A notice issuing two plans: each starts at a short line beginning one of
// the titles it names (not necessarily the first in any order), and the
// second plan's ids get their own prefix.  A short line that begins no
// title starts nothing.
TEST(Directives, SecondPlanOfANoticeGetsItsOwnPrefix) {
  Parsed p = Parse(
      "现将《甲区妇女发展规划（2021—2025年）》《甲区儿童发展规划（2021—"
      "2025年）》《甲区老年人权益保障条例》印发给你们。\n\n"
      "重庆市人民政府\n\n2023年2月28日\n\n"
      "甲区妇女发展规划\n\n一、总体要求\n\n甲区残疾人\n\n二、主要目标\n\n"
      "三、保障\n\n"
      "甲区儿童发展规划\n\n一、总体要求\n\n（一）指导思想。\n",
      /*issuing_notice=*/true);
  EXPECT_EQ(Ids(p.tree), (std::vector<std::string>{"一", "二", "三", "附文2.一",
                                                   "附文2.一.（一）"}));
}

TEST(Directives, RestartedNumberingGetsUniqueIds) {
  Parsed p = Parse("一、甲\n\n二、乙\n\n一、丙\n");
  EXPECT_EQ(Ids(p.tree), (std::vector<std::string>{"一", "二", "一~2"}));
}

// Each restart takes the next suffix of its own label, however many came
// before.
TEST(Directives, ManyRestartsNumberEachLabelOnwards) {
  std::string body;
  std::vector<std::string> want;
  for (int round = 1; round <= 300; ++round) {
    body += "一、甲\n\n二、乙\n\n";
    std::string suffix;
    if (round > 1) suffix = std::string("~").append(std::to_string(round));
    want.push_back(std::string("一").append(suffix));
    want.push_back(std::string("二").append(suffix));
  }
  Parsed p = Parse(body);
  EXPECT_EQ(Ids(p.tree), want);
}

TEST(Directives, ActionableDirectivesAreLeavesAndTaskRows) {
  Parsed p = Parse(
      "一、总体要求\n\n二、主要任务\n\n（一）甲。\n\n1. 乙。\n\n（二）丙。\n");
  std::vector<std::string> ids;
  for (int i : ActionableDirectives(p.tree)) ids.push_back(p.tree.nodes[i].id);
  EXPECT_EQ(ids, (std::vector<std::string>{"一", "二.（一）.1", "二.（二）"}));
}

}  // namespace
}  // namespace policygraph

// Orphans: what a policy chain left behind, and the reports listing them.
#include "policygraph/orphans.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "policygraph/decode.h"
#include "policygraph/graph.h"
#include "policygraph/pipeline.h"
#include "policygraph/report_format.h"
#include "policygraph/resolve.h"

#include "csv_reader.h"

namespace policygraph {
namespace {

using testing::ParseCsv;

// A notice as the gazettes print one; the body starts on line 8, one
// sentence a line, so a test can name the line of every mention.
std::string Notice(const std::string& issuer, const std::string& title,
                   const std::string& number,
                   const std::vector<std::string>& body,
                   const std::string& date) {
  std::string text = issuer + "\n" + title + "\n\n" + number + "\n\n";
  text += "各镇人民政府：\n\n";
  for (const std::string& sentence : body) text += sentence + "\n";
  text += "\n";
  if (!date.empty()) text += date + "\n";
  return text;
}

struct Input {
  std::string path;
  std::string text;
};

// Parsed like LoadCorpus does; resolved unless `resolve` is false (a corpus
// resolve never ran over is where dangling references come from).
Corpus Build(const std::vector<Input>& inputs, bool resolve = true) {
  Corpus corpus;
  for (const Input& input : inputs) {
    SourceText source;
    source.path = input.path;
    source.text = input.text;
    IndexLines(source);
    corpus.files.push_back(ParseSource(source, corpus.diagnostics));
  }
  if (!resolve) return corpus;
  Resolution resolution = ResolveReferences(corpus);
  corpus.externals = resolution.externals;
  return corpus;
}

// Repeals decree 271 on 2023-03-02, and names it again itself on line 9.
const Input kRepealer{
    "a.txt",
    Notice("重庆市人民政府", "关于废止部分规章的决定", "渝府发〔2023〕5号",
           {"《重庆市出租汽车客运管理办法》（重庆市人民政府令第271号）"
            "同时废止。",
            "此前按照《重庆市出租汽车客运管理办法》（重庆市人民政府令"
            "第271号）办理的事项继续有效。"},
           "2023年3月2日")};

// 2023-05-01: follows decree 271 (line 8), rests on the 2022 notice and
// drafts a rule (line 9), follows the rule (line 10), drafts it again and
// mentions one already issued (line 11).
const Input kLater{
    "b.txt",
    Notice("重庆市合川区人民政府", "关于加强出租汽车管理的通知",
           "合川府发〔2023〕8号",
           {"按照《重庆市出租汽车客运管理办法》（重庆市人民政府令第271号）"
            "做好管理。",
            "根据合川府发〔2022〕8号要求，制定《合川区网约车管理办法》。",
            "按照《合川区网约车管理办法》的要求做好准备。",
            "出台《合川区网约车管理办法》，先后出台了《合川区巡游车管理办法》"
            "。"},
           "2023年5月1日")};

// 2022-05-01: follows decree 271 before its repeal (line 8), carries out
// the 2023 notice (lines 9 and 10) and drafts it (line 10).
const Input kEarlier{
    "c.txt",
    Notice("重庆市合川区人民政府", "关于出租汽车管理的通知",
           "合川府发〔2022〕8号",
           {"按照《重庆市出租汽车客运管理办法》（重庆市人民政府令第271号）"
            "做好管理。",
            "落实合川府发〔2023〕8号要求。",
            "贯彻合川府发〔2023〕8号要求，编制《重庆市合川区人民政府关于加强"
            "出租汽车管理的通知》。"},
           "2022年5月1日")};

// No signature date: follows decree 271 on line 8.
const Input kUndated{
    "d.txt", Notice("重庆市合川区人民政府", "关于出租汽车检查的通知",
                    "合川府发〔2023〕9号",
                    {"参照《重庆市出租汽车客运管理办法》（重庆市人民政府令第"
                     "271号）开展检查。"},
                    "")};

// Cites nothing.
const Input kSilent{
    "e.txt",
    Notice("重庆市合川区人民政府", "关于公布森林防火期的通告",
           "合川府发〔2023〕3号", {"全区森林防火期为每年1月1日至12月31日。"},
           "2023年2月3日")};

std::vector<Orphan> OfKind(const OrphanReport& report, OrphanKind kind) {
  std::vector<Orphan> out;
  for (const Orphan& o : report.orphans)
    if (o.kind == kind) out.push_back(o);
  return out;
}

// "file:line subject", one per orphan of `kind`, in report order.
std::vector<std::string> Places(const OrphanReport& report, OrphanKind kind) {
  std::vector<std::string> out;
  for (const Orphan& o : OfKind(report, kind))
    out.push_back(o.file + ":" + std::to_string(o.line) + " " + o.subject);
  return out;
}

// Every kind but isolated reads the corpus and the coverage reports only;
// an empty graph keeps those tests independent of BuildGraph.
OrphanReport FindWithoutGraph(
    const Corpus& corpus, const std::vector<CoverageReport>& coverage = {}) {
  return FindOrphans(corpus, PolicyGraph(), coverage);
}

TEST(Orphans, KindNamesAreTheCommandLineVocabulary) {
  struct Case {
    OrphanKind kind;
    const char* name;
  } cases[] = {
      {OrphanKind::kUncovered, "uncovered"},
      {OrphanKind::kDraft, "draft"},
      {OrphanKind::kDangling, "dangling"},
      {OrphanKind::kRepealed, "repealed"},
      {OrphanKind::kAnachronism, "anachronism"},
      {OrphanKind::kIsolated, "isolated"},
  };
  for (const Case& c : cases) EXPECT_EQ(OrphanKindName(c.kind), c.name);
}

DirectiveCoverage ParentDirective(const std::string& id, uint32_t line,
                                  const std::string& heading) {
  DirectiveCoverage d;
  d.id = id;
  d.file = "p.txt";
  d.line = line;
  d.heading = heading;
  return d;
}

TEST(Orphans, UncoveredListsParentDirectivesNobodyCarriesOut) {
  CoverageReport report;
  report.parent = "渝府发〔2023〕7号";
  report.children = {"渝府办发〔2024〕22号", "合川府发〔2024〕1号"};
  DirectiveCoverage done = ParentDirective("二.（一）", 380, "建设卫星星座");
  report.child_files = {"c.txt", "d.txt"};
  Implementation by;
  by.child = 0;  // 渝府办发〔2024〕22号
  by.id = "二.1";
  by.line = 50;
  by.score = 0.4;
  done.implemented_by.push_back(by);
  DirectiveCoverage orphan =
      ParentDirective("三.（十三）", 418, "建立联席会议制度");
  orphan.lead_units = {"市经济信息委", "市发展改革委"};
  orphan.deadline = "2024年底";
  report.directives = {done, orphan,
                       ParentDirective("三.（十四）", 420, "加强宣传")};
  CoverageReport alone;  // a parent nobody implements
  alone.parent = "渝府发〔2023〕9号";
  alone.directives = {ParentDirective("一.（一）", 12, "统筹规划")};

  OrphanReport found = FindWithoutGraph(Corpus(), {report, alone});
  std::vector<Orphan> uncovered = OfKind(found, OrphanKind::kUncovered);
  ASSERT_EQ(uncovered.size(), 3u);
  // Sorted by file and line: p.txt:12, p.txt:418, p.txt:420.
  EXPECT_EQ(uncovered[0].document, "渝府发〔2023〕9号");
  EXPECT_EQ(uncovered[0].detail, "no document of the corpus implements it");
  EXPECT_EQ(uncovered[1].document, "渝府发〔2023〕7号");
  EXPECT_EQ(uncovered[1].subject, "三.（十三）");
  EXPECT_EQ(uncovered[1].title, "建立联席会议制度");
  EXPECT_EQ(uncovered[1].file, "p.txt");
  EXPECT_EQ(uncovered[1].line, 418u);
  EXPECT_EQ(uncovered[1].detail,
            "no directive of 渝府办发〔2024〕22号, 合川府发〔2024〕1号 carries "
            "it out; lead: 市经济信息委、市发展改革委; due: 2024年底");
  EXPECT_EQ(uncovered[2].subject, "三.（十四）");
  EXPECT_EQ(found.Count(OrphanKind::kUncovered), 3u);
}

TEST(Orphans, DraftIsOnePerDocumentAndTargetAtItsFirstMention) {
  // c.txt drafts 合川府发〔2023〕8号, which the corpus holds: not an orphan,
  // and not an anachronism either (a draft is written later by nature).
  Corpus corpus = Build({kLater, kEarlier});
  OrphanReport found = FindWithoutGraph(corpus);
  std::vector<Orphan> drafts = OfKind(found, OrphanKind::kDraft);
  ASSERT_EQ(drafts.size(), 1u);
  EXPECT_EQ(drafts[0].document, "合川府发〔2023〕8号");
  EXPECT_EQ(drafts[0].subject, "title:合川区网约车管理办法");
  EXPECT_EQ(drafts[0].title, "合川区网约车管理办法");
  EXPECT_EQ(drafts[0].file, "b.txt");
  EXPECT_EQ(drafts[0].line, 9u);
  EXPECT_EQ(drafts[0].detail,
            "to be drafted (制定) but no such document is in the corpus; 2 "
            "mentions, first here");
}

TEST(Orphans, RepealedOnlyWhenCitedAfterTheRepealOrUndated) {
  Corpus corpus = Build({kRepealer, kLater, kEarlier, kUndated, kSilent});
  OrphanReport found = FindWithoutGraph(corpus);
  // Not a.txt:9 (the repealing document itself), not c.txt:8 (2022).
  EXPECT_EQ(Places(found, OrphanKind::kRepealed),
            (std::vector<std::string>{"b.txt:8 重庆市人民政府令第271号",
                                      "d.txt:8 重庆市人民政府令第271号"}));
  std::vector<Orphan> repealed = OfKind(found, OrphanKind::kRepealed);
  ASSERT_EQ(repealed.size(), 2u);
  EXPECT_EQ(repealed[0].document, "合川府发〔2023〕8号");
  EXPECT_EQ(repealed[0].title, "重庆市出租汽车客运管理办法");
  EXPECT_EQ(repealed[0].detail, "repealed by 渝府发〔2023〕5号 (2023-03-02)");
  EXPECT_EQ(repealed[1].detail,
            "repealed by 渝府发〔2023〕5号 (2023-03-02); a date is unknown, "
            "check which came first");
}

// Without the citing notice's date, its number's year orders it against
// the repeal of 2023-03-02 when the years differ: 2024 after, 2022 before.
// d.txt's own 2023 cannot tell (the test above).
TEST(Orphans, RepealedWithoutADateGoesByTheNumbersYear) {
  auto renumbered = [](const std::string& number) {
    Input input = kUndated;
    const std::string from = "合川府发〔2023〕9号";
    input.text.replace(input.text.find(from), from.size(), number);
    return input;
  };
  std::vector<Orphan> repealed = OfKind(
      FindWithoutGraph(Build({kRepealer, renumbered("合川府发〔2024〕9号")})),
      OrphanKind::kRepealed);
  ASSERT_EQ(repealed.size(), 1u);
  EXPECT_EQ(repealed[0].document, "合川府发〔2024〕9号");
  EXPECT_EQ(repealed[0].detail, "repealed by 渝府发〔2023〕5号 (2023-03-02)");
  EXPECT_EQ(
      FindWithoutGraph(Build({kRepealer, renumbered("合川府发〔2022〕9号")}))
          .Count(OrphanKind::kRepealed),
      0u);
}

TEST(Orphans, AnachronismIsOnePerCitingAndCitedPair) {
  Corpus corpus = Build({kLater, kEarlier});
  OrphanReport found = FindWithoutGraph(corpus);
  // b.txt:9 cites the earlier notice: in order.
  std::vector<Orphan> late = OfKind(found, OrphanKind::kAnachronism);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].document, "合川府发〔2022〕8号");
  EXPECT_EQ(late[0].subject, "合川府发〔2023〕8号");
  EXPECT_EQ(late[0].title, "重庆市合川区人民政府关于加强出租汽车管理的通知");
  EXPECT_EQ(late[0].file, "c.txt");
  EXPECT_EQ(late[0].line, 9u);
  EXPECT_EQ(late[0].detail,
            "dated 2022-05-01 but cites 合川府发〔2023〕8号 dated 2023-05-01; "
            "2 mentions, first here");
}

// As if the text of document `id` gave `date` ("" for none).
void SetDate(Corpus& corpus, const std::string& id, const std::string& date) {
  for (ParsedFile& f : corpus.files)
    for (Document& d : f.documents)
      if (d.id == id) d.date = date;
}

// Without its date, the cited notice still has its number's year, 2023,
// which is after the citing notice's 2022-05-01.
TEST(Orphans, AnachronismWithoutADateComparesTheNumbersYear) {
  Corpus corpus = Build({kLater, kEarlier});
  SetDate(corpus, "合川府发〔2023〕8号", "");
  std::vector<Orphan> late =
      OfKind(FindWithoutGraph(corpus), OrphanKind::kAnachronism);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].document, "合川府发〔2022〕8号");
  EXPECT_EQ(
      late[0].detail,
      "dated 2022-05-01 but cites 合川府发〔2023〕8号 numbered in 2023; 2 "
      "mentions, first here");
}

// A year equal on both sides says nothing; with neither date, the numbers'
// years are compared.
TEST(Orphans, AnachronismByYearNeedsALaterYear) {
  Corpus corpus = Build({kLater, kEarlier});
  SetDate(corpus, "合川府发〔2023〕8号", "");
  SetDate(corpus, "合川府发〔2022〕8号", "2023-01-01");
  EXPECT_EQ(FindWithoutGraph(corpus).Count(OrphanKind::kAnachronism), 0u);
  SetDate(corpus, "合川府发〔2022〕8号", "");
  std::vector<Orphan> late =
      OfKind(FindWithoutGraph(corpus), OrphanKind::kAnachronism);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].detail,
            "numbered in 2022 but cites 合川府发〔2023〕8号 numbered in 2023; "
            "2 mentions, first here");
}

// An external node known by its number was issued in the number's year:
// a 2022 notice citing 国发〔2025〕3号 cites what did not exist yet, most
// often a misprinted number.  One of 2022 is in order, and one known by
// its title alone has no year to compare.
TEST(Orphans, AnachronismOfAnExternalNodeByItsNumbersYear) {
  const Input early{
      "e.txt",
      Notice("重庆市人民政府", "关于做好防汛工作的通知", "渝府发〔2022〕3号",
             {"根据国发〔2025〕3号文件精神，做好防汛工作。",
              "按照国发〔2022〕1号文件要求，加强值守。",
              "执行《重庆市防汛抗旱应急预案（2030年）》。"},
             "2022年5月1日")};
  std::vector<Orphan> late =
      OfKind(FindWithoutGraph(Build({early})), OrphanKind::kAnachronism);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].document, "渝府发〔2022〕3号");
  EXPECT_EQ(late[0].subject, "国发〔2025〕3号");
  EXPECT_EQ(late[0].file, "e.txt");
  EXPECT_EQ(late[0].line, 8u);
  EXPECT_EQ(late[0].detail,
            "dated 2022-05-01 but cites 国发〔2025〕3号 numbered in 2025");
}

TEST(Orphans, DanglingIsAReferenceResolvedToNothing) {
  Corpus unresolved = Build({kLater}, /*resolve=*/false);
  std::vector<std::string> places =
      Places(FindWithoutGraph(unresolved), OrphanKind::kDangling);
  ASSERT_EQ(places.size(), unresolved.files[0].references.size());
  EXPECT_EQ(places[0],
            "b.txt:8 "
            "《重庆市出租汽车客运管理办法》（重庆市人民政府令第271号）");

  Corpus resolved = Build({kLater});
  EXPECT_EQ(FindWithoutGraph(resolved).Count(OrphanKind::kDangling), 0u);
  // A self reference names its own document: never dangling.  An
  // abbreviation nobody introduced is.
  Reference& self = resolved.files[0].references[0];
  self.self = true;
  self.target.clear();
  Reference& alias = resolved.files[0].references[1];
  alias.form = ReferenceForm::kAlias;
  alias.alias_of.clear();
  std::vector<Orphan> dangling =
      OfKind(FindWithoutGraph(resolved), OrphanKind::kDangling);
  ASSERT_EQ(dangling.size(), 1u);
  EXPECT_EQ(dangling[0].line, 9u);
  EXPECT_EQ(dangling[0].detail,
            "abbreviation never introduced in this document");
}

GraphEdge Edge(Relation relation) {
  GraphEdge edge;
  edge.relation = relation;
  return edge;
}

GraphNode DocumentNode(const std::string& id) {
  GraphNode node;
  node.id = id;
  node.kind = NodeKind::kDocument;
  return node;
}

TEST(Orphans, IsolatedDocumentHasNoRelationToAnother) {
  Corpus corpus = Build({kRepealer, kLater, kEarlier, kUndated, kSilent});
  PolicyGraph graph;
  NodeId a = graph.AddNode(DocumentNode("渝府发〔2023〕5号"));
  NodeId b = graph.AddNode(DocumentNode("合川府发〔2023〕8号"));
  NodeId d = graph.AddNode(DocumentNode("合川府发〔2023〕9号"));
  NodeId e = graph.AddNode(DocumentNode("合川府发〔2023〕3号"));
  GraphNode external;
  external.id = "重庆市人民政府令第271号";
  external.kind = NodeKind::kExternal;
  NodeId decree = graph.AddNode(external);
  GraphNode directive;
  directive.id = "合川府发〔2023〕3号#一";
  directive.kind = NodeKind::kDirective;
  NodeId e_directive = graph.AddNode(directive);
  directive.id = "合川府发〔2023〕8号#一";
  NodeId b_directive = graph.AddNode(directive);
  graph.AddEdge(a, decree, Edge(Relation::kRepeals));
  graph.AddEdge(d, b, Edge(Relation::kCounterpart));
  // Ties to its own directives, a directive alignment and a loop are no
  // relation to another document.
  graph.AddEdge(e_directive, e, Edge(Relation::kPartOf));
  graph.AddEdge(e_directive, b_directive, Edge(Relation::kAligned));
  graph.AddEdge(e, e, Edge(Relation::kMentions));

  OrphanReport found = FindOrphans(corpus, graph, {});
  // c.txt has no node at all: isolated too.
  EXPECT_EQ(Places(found, OrphanKind::kIsolated),
            (std::vector<std::string>{"c.txt:1 ", "e.txt:1 "}));
  std::vector<Orphan> isolated = OfKind(found, OrphanKind::kIsolated);
  EXPECT_EQ(isolated[1].document, "合川府发〔2023〕3号");
  EXPECT_EQ(isolated[1].title, "重庆市合川区人民政府关于公布森林防火期的通告");
}

TEST(Orphans, IsolatedFromBuiltGraph) {
  // The repealing decision cites an external decree; the fire notice
  // cites nothing and shares no core title with anything.
  Corpus corpus = Build({kRepealer, kSilent});
  std::vector<CoverageReport> coverage;
  PolicyGraph graph = BuildGraph(corpus, &coverage);
  OrphanReport found = FindOrphans(corpus, graph, coverage);
  EXPECT_EQ(Places(found, OrphanKind::kIsolated),
            (std::vector<std::string>{"e.txt:1 "}));
}

TEST(Orphans, SortedByKindThenPlaceWithoutDuplicates) {
  Corpus corpus = Build({kRepealer, kLater, kEarlier, kUndated, kSilent});
  CoverageReport report;
  report.parent = "合川府发〔2023〕8号";
  report.children = {"合川府发〔2022〕8号"};
  report.directives = {ParentDirective("一", 8, "做好管理")};
  // The same report twice, as a careless caller might pass it.
  OrphanReport found = FindWithoutGraph(corpus, {report, report});
  EXPECT_EQ(found.Count(OrphanKind::kUncovered), 1u);
  size_t total = 0;
  for (OrphanKind kind :
       {OrphanKind::kUncovered, OrphanKind::kDraft, OrphanKind::kDangling,
        OrphanKind::kRepealed, OrphanKind::kAnachronism, OrphanKind::kIsolated})
    total += found.Count(kind);
  EXPECT_EQ(total, found.orphans.size());
  for (size_t i = 1; i < found.orphans.size(); ++i) {
    const Orphan& p = found.orphans[i - 1];
    const Orphan& o = found.orphans[i];
    EXPECT_LE(std::tie(p.kind, p.file, p.line),
              std::tie(o.kind, o.file, o.line))
        << i;
    EXPECT_FALSE(p.kind == o.kind && p.file == o.file && p.line == o.line &&
                 p.document == o.document && p.subject == o.subject)
        << "duplicate at " << i;
  }
}

// ── the bundled corpus ─────────────────────────────────────────────────

OrphanReport BundledOrphans() {
  Corpus corpus = LoadCorpus({PG_CORPUS_DIR});
  std::vector<CoverageReport> coverage;
  PolicyGraph graph = BuildGraph(corpus, &coverage);
  return FindOrphans(corpus, graph, coverage);
}

TEST(OrphansCorpus, BundledCorpusOrphansAreRealAndStable) {
  OrphanReport first = BundledOrphans();
  bool straw_plan = false;
  for (const Orphan& o : first.orphans) {
    straw_plan |= o.kind == OrphanKind::kDraft &&
                  o.document == "合川府办发〔2023〕11号" &&
                  o.title == "合川区农作物秸秆综合利用“十四五”规划" &&
                  o.line == 5243;
    if (o.kind == OrphanKind::kRepealed || o.kind == OrphanKind::kAnachronism) {
      EXPECT_NE(o.document, o.subject) << o.file << ":" << o.line;
    }
  }
  EXPECT_TRUE(straw_plan)
      << "the straw-use plan 合川府办发〔2023〕11号 asks for";
  // The annotated orphan of the satellite pair (tests/data/gold).
  bool thirteen = false;
  for (const Orphan& o : first.orphans)
    thirteen |= o.kind == OrphanKind::kUncovered &&
                o.document == "渝府发〔2023〕7号" &&
                o.subject.find("（十三）") != std::string::npos;
  EXPECT_TRUE(thirteen);

  OrphanReport second = BundledOrphans();
  EXPECT_EQ(OrphansToJson(first).dump(), OrphansToJson(second).dump());
}

// ── reports ────────────────────────────────────────────────────────────

// A title a hostile or careless publisher could print: a formula, quotes,
// commas, a line break and markup.
const char kHostile[] =
    "=HYPERLINK(\"http://x\",\"点此\"), 《规划》\n<script>alert(1)</script>";

OrphanReport SampleReport() {
  OrphanReport report;
  report.orphans.push_back({OrphanKind::kDraft, "合川府发〔2023〕8号",
                            "title:合川区网约车管理办法", kHostile, "b.txt", 9,
                            "to be drafted (制定) but no such document is in "
                            "the corpus"});
  report.orphans.push_back({OrphanKind::kIsolated, "合川府发〔2023〕3号", "",
                            "森林防火期的通告", "e.txt", 1,
                            "cites no other document"});
  return report;
}

TEST(OrphansFormat, CsvRoundTripsAHostileTitle) {
  std::string csv = FormatOrphansCsv(SampleReport());
  auto records = ParseCsv(csv);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0],
            (std::vector<std::string>{"kind", "document", "subject", "title",
                                      "file", "line", "detail"}));
  // Back field for field; the title only gains the formula guard.
  EXPECT_EQ(records[1],
            (std::vector<std::string>{
                "draft", "合川府发〔2023〕8号", "title:合川区网约车管理办法",
                std::string("'") + kHostile, "b.txt", "9",
                "to be drafted (制定) but no such document is in the "
                "corpus"}));
  EXPECT_EQ(records[2][2], "");
  EXPECT_EQ(csv.find('\r'), std::string::npos) << "rows end in LF";
  EXPECT_NE(csv.rfind("\xEF\xBB\xBF", 0), 0u) << "no BOM: the CLI adds it";
}

TEST(OrphansFormat, JsonCountsEveryKindAndKeepsAHostileTitle) {
  nlohmann::json j =
      nlohmann::json::parse(OrphansToJson(SampleReport()).dump());
  EXPECT_EQ(j["counts"], nlohmann::json({{"uncovered", 0},
                                         {"draft", 1},
                                         {"dangling", 0},
                                         {"repealed", 0},
                                         {"anachronism", 0},
                                         {"isolated", 1}}));
  ASSERT_EQ(j["orphans"].size(), 2u);
  const nlohmann::json& draft = j["orphans"][0];
  EXPECT_EQ(draft["kind"], "draft");
  EXPECT_EQ(draft["title"], kHostile);
  EXPECT_EQ(draft["line"], 9);
  EXPECT_TRUE(j["orphans"][1]["subject"].is_null());
  // Field order of the contract.
  std::string text = OrphansToJson(SampleReport()).dump();
  std::vector<size_t> at;
  for (const char* key : {"\"kind\"", "\"document\"", "\"subject\"",
                          "\"title\"", "\"file\"", "\"line\"", "\"detail\""})
    at.push_back(text.find(key));
  EXPECT_TRUE(std::is_sorted(at.begin(), at.end()));
}

TEST(OrphansFormat, JsonNeverThrowsOnIllFormedUtf8) {
  OrphanReport report;
  report.orphans.push_back(
      {OrphanKind::kDangling, "d", "《\xE6\x96》", "", "f.txt", 3, ""});
  std::string text;
  EXPECT_NO_THROW(text = OrphansToJson(report).dump());
  EXPECT_NE(text.find("《\xEF\xBF\xBD》"), std::string::npos) << text;
}

TEST(OrphansFormat, TextGroupsByKindWithNoneForEmptyKinds) {
  EXPECT_EQ(FormatOrphansText(SampleReport()),
            "orphans: 2 (uncovered 0, draft 1, dangling 0, repealed 0, "
            "anachronism 0, isolated 1)\n"
            "\n"
            "uncovered 无人落实的条目 (0)\n"
            "  (none)\n"
            "\n"
            "draft 未出台的文件 (1)\n"
            "  b.txt:9  合川府发〔2023〕8号  title:合川区网约车管理办法  "
            "=HYPERLINK(\"http://x\",\"点此\"), 《规划》 "
            "<script>alert(1)</script> — to be drafted (制定) but no such "
            "document is in the corpus\n"
            "\n"
            "dangling 无着落的引用 (0)\n"
            "  (none)\n"
            "\n"
            "repealed 引用已废止文件 (0)\n"
            "  (none)\n"
            "\n"
            "anachronism 引用晚于自身的文件 (0)\n"
            "  (none)\n"
            "\n"
            "isolated 孤立文件 (1)\n"
            "  e.txt:1  合川府发〔2023〕3号  森林防火期的通告 — cites no other "
            "document\n");
}

TEST(OrphansFormat, TextDisarmsTerminalEscapes) {
  OrphanReport report;
  report.orphans.push_back(
      {OrphanKind::kIsolated, "x", "", "a\x1b[31mred\x07", "f.txt", 1, ""});
  std::string text = FormatOrphansText(report);
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_NE(text.find("a\xEF\xBF\xBD[31mred\xEF\xBF\xBD"), std::string::npos);
}

TEST(Csv, CellQuotesAndNeutralizesFormulas) {
  struct Case {
    std::string in;
    std::string out;
  } cases[] = {
      {"", ""},
      {"plain 文本", "plain 文本"},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\rhere", "\"cr\rhere\""},
      {"=SUM(A1)", "\"'=SUM(A1)\""},
      {"+1", "\"'+1\""},
      {"-x", "\"'-x\""},
      {"@x", "\"'@x\""},
      {"\tx", "\"'\tx\""},
      {"\rx", "\"'\rx\""},
      {"=a,\"b\"", "\"'=a,\"\"b\"\"\""},
      {"a=b", "a=b"},  // only a leading sign starts a formula
      {"＝全角", "＝全角"},
      {"line\xE2\x80\xA8sep", "line\xE2\x80\xA8sep"},  // U+2028 kept
      {"tab\tinside", "tab\tinside"},
  };
  for (const Case& c : cases) EXPECT_EQ(CsvCell(c.in), c.out) << c.in;
}

// Appending a cell leaves what the row holds before it alone and adds
// exactly CsvCell's bytes, the quoted and neutralized cells too.
TEST(Csv, AppendingACellAddsCsvCellsBytes) {
  for (std::string_view text :
       {"", "plain 文本", "a,b", "say \"hi\"", "two\nlines", "=SUM(A1)", "-x",
        "\tx", "=a,\"b\"", "bell\x07", "cut\xE6\x96"}) {
    for (std::string row : {std::string(), std::string("=a,\"b\",")}) {
      const std::string before = row;
      AppendCsvCell(row, text);
      EXPECT_EQ(row, before + CsvCell(text)) << text;
    }
  }
}

TEST(Csv, ControlCharactersAndBadBytesBecomeReplacementCharacters) {
  struct Case {
    std::string in;
    std::string out;
  } cases[] = {
      {std::string("nul\0x", 5), "nul\xEF\xBF\xBDx"},
      {"bell\x07", "bell\xEF\xBF\xBD"},
      {"esc\x1b[0m", "esc\xEF\xBF\xBD[0m"},
      {"del\x7F", "del\xEF\xBF\xBD"},
      {"c1\xC2\x85", "c1\xEF\xBF\xBD"},  // U+0085 NEL
      {"cut\xE6\x96", "cut\xEF\xBF\xBD"},
      {"\xFF\xFE", "\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"\x01=1", "\xEF\xBF\xBD=1"},  // no longer starts with '='
  };
  for (const Case& c : cases) EXPECT_EQ(CsvCell(c.in), c.out) << c.in;
}

}  // namespace
}  // namespace policygraph

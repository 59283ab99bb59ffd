// Runs the built `policygraph` binary in a temporary folder and checks its
// output, messages and exit codes.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "policygraph/format.h"
#include "policygraph/pipeline.h"

#include "cli_fixture.h"

namespace {

using policygraph::testing::Cli;
using policygraph::testing::ReadFile;
using policygraph::testing::ToolRun;
namespace fs = std::filesystem;

TEST_F(Cli, DocumentsJsonOfBundledCorpusFollowsTheContract) {
  ToolRun r = Tool("documents --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Parsed in document order: key order is part of the contract.
  nlohmann::ordered_json docs = nlohmann::ordered_json::parse(r.out);
  ASSERT_EQ(docs.size(), 36u);
  std::vector<std::string> keys;
  for (auto it = docs[0].begin(); it != docs[0].end(); ++it)
    keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{
                      "id", "title", "attached_title", "doc_number",
                      "decree_number", "issuer", "date", "type", "level",
                      "file", "first_line", "last_line", "directives"}));
  bool found = false;
  for (const auto& d : docs) {
    EXPECT_EQ(d["file"].get<std::string>().rfind("corpus/chongqing/", 0), 0u);
    if (d["id"] == "渝府发〔2023〕7号") {
      found = true;
      EXPECT_EQ(d["date"], "2023-02-28");
      EXPECT_EQ(d["directives"], 20);
      EXPECT_TRUE(d["attached_title"].is_null());
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(Cli, OutputIsByteStableAcrossRuns) {
  ToolRun a = Tool("documents --format json");
  ToolRun b = Tool("documents --format json");
  EXPECT_EQ(a.out, b.out);
  EXPECT_FALSE(a.out.empty());
}

TEST_F(Cli, DirectivesAcceptsAnyBracketSpelling) {
  ToolRun r = Tool("directives '渝府办发[2024]27号' --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json tree = nlohmann::json::parse(r.out);
  EXPECT_EQ(tree["document"], "渝府办发〔2024〕27号");
  const auto& roots = tree["directives"];
  ASSERT_FALSE(roots.empty());
  const auto& attachment = roots.back();
  EXPECT_EQ(attachment["id"], "附件");
  ASSERT_EQ(attachment["children"].size(), 208u);
  EXPECT_EQ(attachment["children"][14]["id"], "附件.15");
  EXPECT_EQ(attachment["children"][14]["lead_units"][0], "市城市管理局");
  EXPECT_EQ(attachment["children"][14]["deadline"], "2024年6月");
}

// `directives` parses again only the file that holds the document; the
// tree it prints is the one a whole load makes, for documents of every
// bundled file, first and last of each.
TEST_F(Cli, DirectivesPrintsTheTreeOfAWholeLoad) {
  const policygraph::Corpus corpus = policygraph::LoadCorpus({PG_CORPUS_DIR});
  size_t compared = 0;
  for (const policygraph::ParsedFile& f : corpus.files) {
    for (size_t i : {size_t{0}, f.documents.size() - 1}) {
      if (i >= f.documents.size()) continue;
      const policygraph::Document& d = f.documents[i];
      ToolRun r = Tool("directives -q '" + d.id + "' --format json " +
                       std::string(PG_CORPUS_DIR));
      ASSERT_EQ(r.exit_code, 0) << d.id << "\n" << r.err;
      EXPECT_EQ(nlohmann::json::parse(r.out),
                policygraph::DirectiveTreeToJson(f.source, f.directives[i], d))
          << d.id;
      ++compared;
    }
  }
  EXPECT_GE(compared, 10u);
}

// The bundled gazettes `copies` times, in folders copy-0 … of `folder`.
void CopyBundledCorpus(const fs::path& folder, int copies) {
  for (int copy = 0; copy < copies; ++copy) {
    const fs::path to = folder / ("copy-" + std::to_string(copy));
    fs::create_directories(to);
    for (const auto& entry : fs::directory_iterator(PG_CORPUS_DIR))
      fs::copy_file(entry.path(), to / entry.path().filename());
  }
}

// `refs --format jsonl` writes its listing a block at a time; over a
// listing of several blocks (the bundled corpus twelve times, 1.2 MB) it
// is still every reference of a whole load, once each, in order.
TEST_F(Cli, RefsJsonlOfSeveralBlocksIsEveryReferenceOfAWholeLoad) {
  const fs::path many = dir_ / "many";
  CopyBundledCorpus(many, 12);
  ToolRun r = Tool("refs --format jsonl -q -j 2 '" + many.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const policygraph::Corpus corpus = policygraph::LoadCorpus({many.string()});
  std::string expected;
  for (const policygraph::ParsedFile& f : corpus.files)
    for (const policygraph::Reference& ref : f.references)
      policygraph::AppendReferenceJsonLine(expected, ref);
  EXPECT_GT(expected.size(), size_t{1} << 20);  // more than one block
  EXPECT_EQ(r.out.size(), expected.size());
  EXPECT_TRUE(r.out == expected);
}

// Standard output on a full disk: the listing stops at the first block
// that cannot be written, and the run says why and fails, whether the
// listing is written in blocks (jsonl of more than a megabyte) or whole.
TEST_F(Cli, RefsThatCannotWriteSayWhyAndFail) {
  const fs::path many = dir_ / "many";
  CopyBundledCorpus(many, 12);
  for (const std::string& args :
       {"refs --format jsonl -q -j 2 '" + many.string() + "'",
        std::string("refs -q '" PG_CORPUS_DIR "'")}) {
    const ToolRun r = Tool(args + " > /dev/full");
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_NE(r.err.find("cannot write to standard output"), std::string::npos)
        << args << ": " << r.err;
  }
}

// Page faults of the processes `run` starts and waits for.
template <typename Run>
long ChildPageFaults(Run run) {
  rusage before{}, after{};
  getrusage(RUSAGE_CHILDREN, &before);
  run();
  getrusage(RUSAGE_CHILDREN, &after);
  return after.ru_minflt - before.ru_minflt;
}

// The tool asks for huge pages through tcmalloc, which the sanitizer
// builds leave out.
#ifdef PG_TOOL_TCMALLOC
constexpr bool kToolUsesTcmalloc = true;
#else
constexpr bool kToolUsesTcmalloc = false;
#endif

// Whether the kernel gives transparent huge pages only to memory that
// asks for them, so that asking makes the difference.
bool HugePagesOnlyWhenAsked() {
  std::ifstream mode("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string line;
  return std::getline(mode, line) &&
         line.find("[madvise]") != std::string::npos;
}

// `refs` and `documents` take their memory in 2 MiB pages unless
// POLICYGRAPH_HUGE_PAGES=0: what they print is the same either way, and
// where the kernel backs such pages on request they fault far fewer
// times (1,500 against 3,300 on the bundled corpus four times).
TEST_F(Cli, RefsAndDocumentsTakeHugePagesAndPrintTheSameWithout) {
  CopyBundledCorpus(dir_, 4);
  for (const char* command :
       {"refs --format jsonl -q .", "documents --format json -q ."}) {
    ToolRun huge, plain;
    const long huge_faults = ChildPageFaults([&] { huge = Tool(command); });
    const long plain_faults = ChildPageFaults(
        [&] { plain = Tool(command, "POLICYGRAPH_HUGE_PAGES=0"); });
    ASSERT_EQ(huge.exit_code, 0) << command << "\n" << huge.err;
    ASSERT_EQ(plain.exit_code, 0) << command << "\n" << plain.err;
    EXPECT_GT(huge.out.size(), size_t{50000}) << command;
    EXPECT_TRUE(huge.out == plain.out) << command;
    if (kToolUsesTcmalloc && HugePagesOnlyWhenAsked()) {
      EXPECT_LT(huge_faults, plain_faults * 3 / 4) << command;
    }
  }
}

TEST_F(Cli, UnknownDocumentIsAUsageError) {
  ToolRun r = Tool("directives 渝府发〔1999〕1号");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no document with id"), std::string::npos);
}

TEST_F(Cli, MissingPathIsNamedWithExitCodeTwo) {
  ToolRun r = Tool("documents no-such-gazette.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no-such-gazette.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("error"), std::string::npos);
}

TEST_F(Cli, BinaryFileIsRefusedWithExitCodeTwo) {
  static constexpr char kPng[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  Write("scan.txt", std::string(kPng, sizeof kPng - 1));
  ToolRun r = Tool("documents scan.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("scan.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("binary"), std::string::npos) << r.err;
}

TEST_F(Cli, InvalidUtf8IsAWarningWithFileAndLine) {
  Write("broken.txt",
        "重庆市人民政府\n关于甲的通知\n\n渝府发〔2023〕1号\n\n各单位：\n\n正文"
        "\xff\xfe。\n\n"
        "2023年1月1日\n");
  ToolRun r = Tool("documents broken.txt --format json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("broken.txt:8:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("warning"), std::string::npos) << r.err;
  nlohmann::json docs = nlohmann::json::parse(r.out);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0]["id"], "渝府发〔2023〕1号");
}

// documents, refs and build let a clean UTF-8 text go once its file is
// parsed; a warning still quotes its line, read back from the file.
TEST_F(Cli, WarningsQuoteTheirLineFromTextsLetGo) {
  Write(
      "a.txt",
      "重庆市人民政府\n关于印发《重庆市某某方案的通知\n渝府发〔2023〕5号\n"
      "各区县人民政府：\n现将《重庆市某某方案》印发给你们，请认真贯彻执行。\n");
  const std::string quoted =
      "a.txt:2: warning: 《 without a closing 》 in its sentence; not taken "
      "as a reference [unclosed-title-mark]\n"
      "    关于印发《重庆市某某方案的通知\n";
  for (const char* command : {"refs", "documents", "build -o out"}) {
    ToolRun r = Tool(std::string(command) + " a.txt");
    EXPECT_EQ(r.exit_code, 0) << command << "\n" << r.err;
    EXPECT_NE(r.err.find(quoted), std::string::npos) << command << "\n"
                                                     << r.err;
  }
}

TEST_F(Cli, QuietSilencesWarningsButNotOutput) {
  Write(
      "broken.txt",
      "重庆市人民政府\n关于甲的通知\n\n渝府发〔2023〕1号\n\n各单位：\n\xff\n");
  ToolRun r = Tool("documents broken.txt -q");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(r.err.empty()) << r.err;
  EXPECT_NE(r.out.find("渝府发〔2023〕1号"), std::string::npos);
}

TEST_F(Cli, BadFlagsAreUsageErrors) {
  EXPECT_EQ(Tool("documents --format yaml").exit_code, 2);
  EXPECT_EQ(Tool("no-such-command").exit_code, 2);
  EXPECT_EQ(Tool("").exit_code, 2);
}

TEST_F(Cli, HelpTeachesTheCommands) {
  ToolRun r = Tool("--help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* word : {"documents", "directives", "Exit codes", "GB18030"})
    EXPECT_NE(r.out.find(word), std::string::npos) << word;
}

TEST_F(Cli, FolderIsSearchedRecursivelyForTexts) {
  fs::create_directories(dir_ / "gazettes" / "2023");
  Write("gazettes/2023/a.txt",
        "重庆市人民政府\n关于甲的通知\n\n渝府发〔2023〕1号\n\n各单位：\n");
  Write("gazettes/notes.md",
        "重庆市人民政府\n关于乙的通知\n\n渝府发〔2023〕2号\n\n各单位：\n");
  ToolRun r = Tool("documents gazettes --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json docs = nlohmann::json::parse(r.out);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0]["file"], "gazettes/2023/a.txt");
}

TEST_F(Cli, LineageOfHechuanTransportPlanReachesMunicipalAndNationalPlans) {
  ToolRun r = Tool("lineage 合川府发〔2023〕2号 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["root"], "合川府发〔2023〕2号");
  std::set<std::string> reached;
  for (const auto& step : j["ancestors"]) {
    reached.insert(step["title"].get<std::string>());
    EXPECT_GT(step["evidence"]["line"].get<int>(), 0) << step.dump();
  }
  EXPECT_TRUE(reached.count("重庆市综合立体交通网规划纲要（2021—2035年）"));
  EXPECT_TRUE(reached.count("国家综合立体交通网规划纲要"));
  // The text form names both, and the DOT form is one digraph.
  ToolRun text = Tool("lineage 合川府发〔2023〕2号");
  EXPECT_NE(text.out.find("国家综合立体交通网规划纲要"), std::string::npos);
  ToolRun dot = Tool("lineage 合川府发〔2023〕2号 --format dot");
  EXPECT_EQ(dot.out.rfind("digraph", 0), 0u) << dot.out.substr(0, 80);
}

// An id typed as read, or words of a title, is answered with what it may
// mean; the command still fails, since a script must not go on with a
// guess.
TEST_F(Cli, AnUnknownIdIsAnsweredWithTheDocumentsItMayMean) {
  ToolRun r = Tool("lineage 合川府发2023-2");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("did you mean\n  合川府发〔2023〕2号  "
                       "合川区综合立体交通网规划纲要（2021—2035年）\n"),
            std::string::npos)
      << r.err;
  r = Tool("coverage 卫星互联网");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("\n  渝府发〔2023〕7号  "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("\n  渝府办发〔2024〕22号  "), std::string::npos)
      << r.err;
  r = Tool("coverage 渝府发〔2023〕7号 --child 渝府办发2024-22");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--child: no document with id '渝府办发2024-22' in "
                       "the input; did you mean\n  渝府办发〔2024〕22号"),
            std::string::npos)
      << r.err;
}

TEST_F(Cli, LineageRejectsUnknownIdsAndRelations) {
  ToolRun r = Tool("lineage 渝府发〔1999〕1号");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("渝府发〔1999〕1号"), std::string::npos) << r.err;
  ToolRun bad = Tool("lineage 合川府发〔2023〕2号 --relations basis,nonsense");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("nonsense"), std::string::npos) << bad.err;
  ToolRun two = Tool("lineage 合川府发〔2023〕2号 --up --down");
  EXPECT_EQ(two.exit_code, 2);
}

TEST_F(Cli, CoverageFindsImplementersByItselfAndFollowsTheContract) {
  ToolRun r = Tool("coverage 渝府发〔2023〕7号 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(r.out);
  EXPECT_EQ(j["parent"], "渝府发〔2023〕7号");
  EXPECT_EQ(j["children"], nlohmann::json::array({"渝府办发〔2024〕22号"}));
  EXPECT_EQ(j["total"], 15);
  EXPECT_EQ(j["directives"].size(), 15u);
  size_t covered = 0;
  for (const auto& d : j["directives"]) {
    for (const char* key : {"id", "label", "file", "line", "heading"})
      EXPECT_TRUE(d.contains(key)) << key;
    covered += !d["implemented_by"].empty();
    for (const auto& impl : d["implemented_by"]) {
      EXPECT_EQ(impl["id"].get<std::string>().rfind("渝府办发〔2024〕22号#", 0),
                0u);
      EXPECT_GE(impl["score"].get<double>(), 0.0);
      EXPECT_LE(impl["score"].get<double>(), 1.0);
    }
  }
  EXPECT_EQ(j["covered"].get<size_t>(), covered);
}

TEST_F(Cli, CoverageOfUncitedCounterpartAndCsvForm) {
  // Neither fire-safety plan cites the other: the pair is found through
  // their shared core title.
  ToolRun r = Tool("coverage 渝府办发〔2023〕18号 --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("parent,parent_directive,", 0), 0u);
  EXPECT_NE(r.out.find("合川府办发〔2023〕23号"), std::string::npos);
  ToolRun bad = Tool("coverage 渝府发〔2023〕7号 --child 渝府发〔1999〕1号");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--child"), std::string::npos) << bad.err;
}

TEST_F(Cli, OrphansFailOnExitsOneOnlyWhenAsked) {
  ToolRun plain = Tool("orphans --format json");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  nlohmann::json j = nlohmann::json::parse(plain.out);
  bool thirteen = false;
  for (const auto& o : j["orphans"])
    thirteen |=
        o["kind"] == "uncovered" && o["document"] == "渝府发〔2023〕7号" &&
        o["subject"].get<std::string>().find("（十三）") != std::string::npos;
  EXPECT_TRUE(thirteen) << "the annotated orphan （十三） is listed";
  EXPECT_EQ(Tool("orphans --fail-on uncovered").exit_code, 1);
  EXPECT_EQ(Tool("orphans --fail-on orphans").exit_code, 1);
  ToolRun bad = Tool("orphans --fail-on everything");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("everything"), std::string::npos) << bad.err;
}

TEST_F(Cli, BuildWritesEveryOutputByteStably) {
  ToolRun r = Tool("build -o out1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("36 documents"), std::string::npos) << r.err;
  const std::vector<std::string> names = {
      "graph.json",  "graph.cyjs",   "graph.graphml", "graph.dot",
      "graph.svg",   "coverage.csv", "orphans.csv",   "report.md",
      "report.html", "index.html"};
  for (const std::string& name : names)
    EXPECT_GT(fs::file_size(dir_ / "out1" / name), 0u) << name;
  // No temporary file is left behind.
  for (const auto& entry : fs::directory_iterator(dir_ / "out1"))
    EXPECT_EQ(entry.path().filename().string().find(".tmp."), std::string::npos)
        << entry.path();
  // Spreadsheets need the byte-order mark to read the Chinese.
  EXPECT_EQ(ReadFile(dir_ / "out1" / "coverage.csv").rfind("\xEF\xBB\xBF", 0),
            0u);
  EXPECT_EQ(ReadFile(dir_ / "out1" / "orphans.csv").rfind("\xEF\xBB\xBF", 0),
            0u);
  nlohmann::json graph =
      nlohmann::json::parse(ReadFile(dir_ / "out1" / "graph.json"));
  EXPECT_EQ(graph["directed"], true);
  EXPECT_EQ(graph["multigraph"], true);
  EXPECT_GT(graph["nodes"].size(), 36u);
  std::string report = ReadFile(dir_ / "out1" / "report.md");
  EXPECT_NE(report.find("## Lineage chains"), std::string::npos);
  EXPECT_NE(report.find("国家综合立体交通网规划纲要"), std::string::npos);
  std::string page = ReadFile(dir_ / "out1" / "index.html");
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(page.find("渝府发〔2023〕7号"), std::string::npos);
  std::string html = ReadFile(dir_ / "out1" / "report.html");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<h2>Lineage chains</h2>"), std::string::npos);
  EXPECT_NE(html.find("国家综合立体交通网规划纲要"), std::string::npos);
  // A second run, quiet, gives the same bytes.
  ToolRun again = Tool("build -q -o out2");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.err, "");
  for (const std::string& name : names)
    EXPECT_EQ(ReadFile(dir_ / "out1" / name), ReadFile(dir_ / "out2" / name))
        << name << " differs between two runs";
}

TEST_F(Cli, BuildIntoAnUnusableFolderIsAnErrorNamingIt) {
  Write("plain-file", "x");
  ToolRun r = Tool("build -q -o plain-file/out");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("plain-file/out"), std::string::npos) << r.err;
}

TEST_F(Cli, ExportOfTheWholeGraphWithDirectivesIsBuildsGraphJson) {
  ASSERT_EQ(Tool("build -q -o out").exit_code, 0);
  ToolRun r = Tool("export -q --format json --directives");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, ReadFile(dir_ / "out" / "graph.json"));
  // Without --directives the same graph minus directive nodes.
  nlohmann::json view = nlohmann::json::parse(Tool("export -q -f json").out);
  for (const nlohmann::json& node : view["nodes"])
    EXPECT_NE(node["kind"], "directive");
  EXPECT_LT(view["nodes"].size(), nlohmann::json::parse(r.out)["nodes"].size());
}

TEST_F(Cli, ExportSelectsANeighbourhoodInEveryFormat) {
  ToolRun csv = Tool("export -q -f csv --select '合川府发[2023]2号' --depth 1");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_NE(csv.out.find("implements,title:国家综合立体交通网规划纲要"),
            std::string::npos)
      << csv.out;
  EXPECT_EQ(csv.out.find("渝府发〔2023〕7号"), std::string::npos);
  ToolRun svg = Tool("export -f svg --select 合川府发〔2023〕2号 -o pic/h.svg");
  ASSERT_EQ(svg.exit_code, 0) << svg.err;
  EXPECT_NE(svg.err.find("wrote pic/h.svg"), std::string::npos) << svg.err;
  std::string picture = ReadFile(dir_ / "pic" / "h.svg");
  EXPECT_NE(picture.find("<svg"), std::string::npos);
  EXPECT_NE(picture.find("国家综合立体交通网规划纲要"), std::string::npos);
  ToolRun png = Tool("export -q -f png --select 合川府发〔2023〕2号");
  ASSERT_EQ(png.exit_code, 0) << png.err;
  EXPECT_EQ(png.out.rfind("\x89PNG\r\n", 0), 0u);
  ToolRun graphml = Tool("export -q -f graphml --levels national,municipal");
  ASSERT_EQ(graphml.exit_code, 0) << graphml.err;
  EXPECT_EQ(graphml.out.find(">district<"), std::string::npos);
  EXPECT_NE(graphml.out.find(">municipal<"), std::string::npos);
  ToolRun dot = Tool("export -q --relations implements,basis");
  ASSERT_EQ(dot.exit_code, 0) << dot.err;
  EXPECT_EQ(dot.out.rfind("digraph", 0), 0u) << dot.out.substr(0, 80);
  EXPECT_EQ(dot.out.find("提及 mentions"), std::string::npos);
}

TEST_F(Cli, ExportRejectsUnknownSelectionsLevelsAndRelations) {
  ToolRun r = Tool("export --select 渝府发〔1999〕1号");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--select: no document or cited document with id "
                       "'渝府发〔1999〕1号'"),
            std::string::npos)
      << r.err;
  r = Tool("export --levels province");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown level 'province'"), std::string::npos) << r.err;
  r = Tool("export --relations cites");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--relations"), std::string::npos) << r.err;
  r = Tool("export -f pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
}

class TooManyToDraw : public Cli {
 protected:
  // A gazette citing 450 laws, whose document view (451 nodes) is too many
  // to draw, and an output folder holding an earlier run's diagram.
  void WriteTooManyToDraw() {
    std::string text = "重庆市人民政府公报\n根据";
    for (int i = 0; i < 450; ++i)
      text += "《第" + std::to_string(i) + "号条例》";
    Write("many.txt", text + "。\n");
    fs::create_directories(dir_ / "out");
    Write("out/graph.svg", "<svg>an earlier run</svg>");
  }
};

TEST_F(TooManyToDraw, BuildRemovesTheStaleDiagram) {
  WriteTooManyToDraw();
  ToolRun r = Tool("build many.txt -o out");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning: graph.svg skipped: 451 nodes"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "out" / "graph.svg"));
  EXPECT_TRUE(fs::exists(dir_ / "out" / "graph.dot"));
  // -q keeps errors only, and a skipped file the user did not name is not one.
  r = Tool("build -q many.txt -o out");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

TEST_F(TooManyToDraw, BuildRefusesTheDiagramNamedInOutputs) {
  WriteTooManyToDraw();
  Write("out/graph.json", "{}");
  // Named on its own, with -q too: an error, not a quiet run without it,
  // and before the alignment, which at scale is most of the wait.
  for (const char* flags : {"", "-q "}) {
    ToolRun r = Tool(std::string("build --timings ") + flags +
                     "many.txt -o out --outputs graph.json,graph.svg");
    EXPECT_EQ(r.exit_code, 2) << flags;
    EXPECT_NE(r.err.find("error: graph.svg: 451 nodes is too many"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("timing: resolve"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("timing: coverage alignment"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("previous output in"), std::string::npos) << r.err;
    EXPECT_EQ(ReadFile(dir_ / "out" / "graph.svg"),
              "<svg>an earlier run</svg>");
    EXPECT_EQ(ReadFile(dir_ / "out" / "graph.json"), "{}");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir_ / "out"),
                            fs::directory_iterator()),
              2);
  }
  // Through "all" it is skipped as by default.
  ToolRun r = Tool("build -q many.txt -o out --outputs all");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "out" / "graph.svg"));
  EXPECT_NE(ReadFile(dir_ / "out" / "graph.json"), "{}");
}

}  // namespace

// The viewer page: what its data block holds, that no title can break out
// of it, byte stability, and (tests/viewer/check_viewer.mjs) the page in
// headless Chromium on the bundled corpus and on a hostile graph.
#include "policygraph/viewer.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "policygraph/export.h"
#include "policygraph/graph.h"
#include "policygraph/pipeline.h"

#include "test_support.h"

namespace policygraph {
namespace {

namespace fs = std::filesystem;
using testing::CommandRun;
using testing::InCi;
using testing::RunCommand;

constexpr std::string_view kDataOpen =
    "<script type=\"application/json\" id=\"graph-data\">";

// A title and an evidence line written to break out of the page: close the
// data block and run a script, open a comment, quote attributes, and end a
// JavaScript line (U+2028, U+2029).
const char kHostileTitle[] =
    "</script><script>window.__pwned = 1</script><!-- \"q\" 'a' & \u2028\u2029";
const char kHostileEvidence[] = "<img src=x onerror=\"window.__pwned = 2\">";

GraphNode Document(const std::string& id, const std::string& title,
                   Level level) {
  GraphNode node;
  node.id = id;
  node.title = title;
  node.doc_number = id;
  node.level = level;
  node.file = "corpus/a.txt";
  node.line = 10;
  return node;
}

// A district document implementing a municipal one, with a directive each
// and an alignment between them; the district one mentions an external.
PolicyGraph SmallGraph(const std::string& title = "合川区某某方案") {
  PolicyGraph g;
  NodeId parent = g.AddNode(
      Document("渝府发〔2023〕7号", "重庆市某某意见", Level::kMunicipal));
  NodeId child = g.AddNode(Document("hostile-1", title, Level::kDistrict));
  GraphNode external;
  external.id = "title:国家某某规划";
  external.kind = NodeKind::kExternal;
  external.title = "国家某某规划";
  external.level = Level::kNational;
  NodeId x = g.AddNode(external);
  GraphNode directive;
  directive.id = "渝府发〔2023〕7号#一";
  directive.kind = NodeKind::kDirective;
  directive.title = "总体要求";
  directive.document = "渝府发〔2023〕7号";
  directive.line = 12;
  NodeId d = g.AddNode(directive);
  GraphEdge part_of;
  part_of.relation = Relation::kPartOf;
  g.AddEdge(d, parent, part_of);
  GraphEdge implements;
  implements.relation = Relation::kImplements;
  implements.cue = "贯彻落实";
  implements.evidence = {"corpus/b.txt", 47, kHostileEvidence};
  g.AddEdge(child, parent, implements);
  GraphEdge mentions;
  mentions.relation = Relation::kMentions;
  mentions.evidence = {"corpus/b.txt", 50, "《国家某某规划》"};
  g.AddEdge(child, x, mentions);
  return g;
}

CoverageReport SmallCoverage() {
  CoverageReport report;
  report.parent = "渝府发〔2023〕7号";
  report.parent_title = "重庆市某某意见";
  report.children = {"hostile-1"};
  report.child_files = {"corpus/b.txt"};
  DirectiveCoverage d;
  d.id = "一";
  d.heading = "总体要求";
  d.line = 12;
  d.implemented_by.push_back({.child = 0,
                              .line = 60,
                              .id = "二",
                              .heading = "落实",
                              .score = 0.5,
                              .evidence = "某某",
                              .lead_units = {},
                              .deadline = ""});
  report.directives.push_back(d);
  report.covered = 1;
  report.total = 1;
  return report;
}

// The text between the data block's opening tag and the next "</script".
std::string DataBlock(const std::string& page) {
  const size_t open = page.find(kDataOpen);
  if (open == std::string::npos) return "";
  const size_t start = open + kDataOpen.size();
  const size_t end = page.find("</script", start);
  if (end == std::string::npos) return "";
  return page.substr(start, end - start);
}

size_t Count(std::string_view text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string_view::npos;
       at = text.find(what, at + 1))
    ++n;
  return n;
}

TEST(Viewer, DataBlockHoldsTheDocumentViewCoverageAndOutlines) {
  const std::string page = GraphToViewerHtml(SmallGraph(), {SmallCoverage()});
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  const Json data = Json::parse(DataBlock(page));
  // Directive nodes stay out of the diagram and go to the outline.
  ASSERT_EQ(data["elements"]["nodes"].size(), 3u);
  EXPECT_EQ(data["elements"]["nodes"][0]["data"]["id"], "渝府发〔2023〕7号");
  ASSERT_EQ(data["elements"]["edges"].size(), 2u);
  EXPECT_EQ(data["elements"]["edges"][0]["data"]["relation"], "implements");
  EXPECT_EQ(data["elements"]["edges"][0]["data"]["evidence_line"], 47);
  ASSERT_EQ(data["coverage"].size(), 1u);
  EXPECT_EQ(data["coverage"][0]["parent"], "渝府发〔2023〕7号");
  EXPECT_EQ(data["coverage"][0]["covered"], 1);
  EXPECT_EQ(data["directives"]["渝府发〔2023〕7号"],
            Json::parse(R"([["一","总体要求",12]])"));
  EXPECT_EQ(data, ViewerData(SmallGraph(), {SmallCoverage()}));
}

TEST(Viewer, PageIsSelfContained) {
  const std::string page = GraphToViewerHtml(SmallGraph(), {});
  // Three scripts (data, Cytoscape.js, viewer), all inline.  (Cytoscape.js
  // itself mentions "<script", harmless without "</script" or "<!--".)
  EXPECT_EQ(Count(page, "</script"), 3u);
  EXPECT_EQ(page.find("<!--"), std::string::npos);
  EXPECT_EQ(page.find("<script src"), std::string::npos);
  EXPECT_EQ(page.find("<link"), std::string::npos);
  EXPECT_NE(page.find("cytoscape"), std::string::npos);
  EXPECT_NE(page.find("window.pgViewer"), std::string::npos);
  // Every marker of the template was replaced.
  EXPECT_EQ(page.find("@GRAPH_DATA@"), std::string::npos);
  EXPECT_EQ(page.find("@VIEWER_JS@"), std::string::npos);
  EXPECT_EQ(page.find("@CYTOSCAPE_JS@"), std::string::npos);
  EXPECT_EQ(page.find("@VIEWER_CSS@"), std::string::npos);
}

TEST(Viewer, HostileTitleCannotLeaveTheDataBlock) {
  const std::string page =
      GraphToViewerHtml(SmallGraph(kHostileTitle), {SmallCoverage()});
  // The raw bytes: no markup character, no line separator inside the
  // block, and no extra script element anywhere in the page.
  const std::string block = DataBlock(page);
  ASSERT_FALSE(block.empty());
  EXPECT_EQ(block.find_first_of("<>&"), std::string::npos);
  EXPECT_EQ(block.find("\u2028"), std::string::npos);
  EXPECT_EQ(block.find("\u2029"), std::string::npos);
  EXPECT_NE(block.find("\\u003c/script\\u003e"), std::string::npos);
  EXPECT_EQ(Count(page, "</script"), 3u);
  EXPECT_EQ(page.find("<script>window"), std::string::npos);
  // …and the escapes read back as the same text.
  const Json data = Json::parse(block);
  EXPECT_EQ(data["elements"]["nodes"][1]["data"]["title"], kHostileTitle);
  EXPECT_EQ(data["elements"]["edges"][0]["data"]["evidence"], kHostileEvidence);
}

TEST(Viewer, IllFormedUtf8DoesNotThrow) {
  const std::string page = GraphToViewerHtml(SmallGraph("bad \xff\xfe"), {});
  EXPECT_NE(
      Json::parse(DataBlock(page))["elements"]["nodes"][1]["data"]["title"]
          .get<std::string>()
          .find("\uFFFD"),
      std::string::npos);
}

const Corpus& BundledCorpus() {
  static const Corpus* corpus = new Corpus(LoadCorpus({PG_CORPUS_DIR}));
  return *corpus;
}

struct CorpusGraph {
  PolicyGraph graph;
  std::vector<CoverageReport> coverage;
};

const CorpusGraph& BundledGraph() {
  static const CorpusGraph* built = [] {
    auto* out = new CorpusGraph;
    out->graph = BuildGraph(BundledCorpus(), &out->coverage);
    return out;
  }();
  return *built;
}

// The page is written a coverage report at a time; the data block must be
// the bytes of the whole value dumped at once, escaped as the header says.
std::string EscapedDump(const Json& value) {
  std::string out;
  for (char c : value.dump(-1, ' ', false, Json::error_handler_t::replace)) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  for (auto [raw, escaped] :
       {std::pair<std::string, std::string>{"\u2028", "\\u2028"},
        {"\u2029", "\\u2029"}})
    for (size_t at; (at = out.find(raw)) != std::string::npos;)
      out.replace(at, raw.size(), escaped);
  return out;
}

TEST(Viewer, StreamedDataBlockIsTheWholeValueDumped) {
  const CorpusGraph& g = BundledGraph();
  ASSERT_GT(g.coverage.size(), 1u);
  EXPECT_EQ(DataBlock(GraphToViewerHtml(g.graph, g.coverage)),
            EscapedDump(ViewerData(g.graph, g.coverage)));
  const std::vector<CoverageReport> hostile = {SmallCoverage(),
                                               SmallCoverage()};
  EXPECT_EQ(DataBlock(GraphToViewerHtml(SmallGraph(kHostileTitle), hostile)),
            EscapedDump(ViewerData(SmallGraph(kHostileTitle), hostile)));
  std::ostringstream failed;
  failed.setstate(std::ios::badbit);
  EXPECT_FALSE(WriteViewerHtml(g.graph, g.coverage, failed));
  std::ostringstream fine;
  EXPECT_TRUE(WriteViewerHtml(g.graph, g.coverage, fine));
}

// The data block is searched for what to escape sixteen bytes at a time,
// and its elements are printed as text: each escaped character, and
// U+2028 beside other characters led by the same byte (E2: — “ ”), must
// be found at every offset from a block's start, split across two blocks,
// and in the tail shorter than a block, and the block must read as the
// Json value dumped.
TEST(Viewer, EscapesAreFoundAtEveryOffsetOfABlock) {
  // Ill-formed too: E2 80 cut short, and a byte UTF-8 never holds.
  const std::vector<std::string> specials = {
      "<", ">", "&", "\u2028", "\u2029", "—\u2028“", "\xE2\x80", "\xFF"};
  for (const std::string& special : specials) {
    for (size_t pad = 0; pad < 40; ++pad) {
      const std::string title = std::string(pad, 'a') + special + "”" +
                                std::string(39 - pad, 'b') + special;
      const PolicyGraph g = SmallGraph(title);
      const std::string block = DataBlock(GraphToViewerHtml(g, {}));
      ASSERT_EQ(block, EscapedDump(ViewerData(g, {})))
          << "pad " << pad << " before " << special;
      EXPECT_EQ(block.find_first_of("<>&"), std::string::npos);
      EXPECT_EQ(block.find("\u2028"), std::string::npos);
      EXPECT_EQ(block.find("\u2029"), std::string::npos);
    }
  }
}

// build hands the viewer the document view it also draws its diagram
// from: the page must be the one the viewer makes with its own view, and
// its elements must come from the view given, not from a view of its own.
TEST(Viewer, TakesTheDocumentViewItIsGiven) {
  const CorpusGraph& g = BundledGraph();
  const PolicyGraph view = SelectView(g.graph, ViewOptions{});
  std::ostringstream given;
  ASSERT_TRUE(WriteViewerHtml(g.graph, view, g.coverage, given));
  EXPECT_EQ(given.str(), GraphToViewerHtml(g.graph, g.coverage));
  ViewOptions with_directives;
  with_directives.directives = true;
  const PolicyGraph other = SelectView(g.graph, with_directives);
  ASSERT_GT(other.NodeCount(), view.NodeCount());
  std::ostringstream page;
  ASSERT_TRUE(WriteViewerHtml(g.graph, other, {}, page));
  const Json data = Json::parse(DataBlock(page.str()));
  EXPECT_EQ(data["elements"]["nodes"].size(), other.NodeCount());
  EXPECT_EQ(data["elements"]["edges"].size(), other.EdgeCount());
}

// The directive outlines are written as text, a document at a time; they
// must be the bytes of the Json tree dumped, whatever the ids and titles
// hold and however a graph interleaves its documents' directives.
TEST(Viewer, StreamedOutlinesAreTheJsonTreeDumped) {
  PolicyGraph g = SmallGraph();
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"渝府发〔2023〕7号", kHostileTitle},
      {"hostile-1", "bad \xff\xfe byte"},
      {"渝府发〔2023〕7号", "tab\tnew\nline \x01 \x7f \"quoted\" \\"},
      {"hostile-1\xe2\x80\xa8", "</SCRIPT> & <!-- \u2029"},
  };
  for (size_t i = 0; i < rows.size(); ++i) {
    GraphNode directive;
    directive.kind = NodeKind::kDirective;
    directive.document = rows[i].first;
    directive.id = rows[i].first + "#" + std::to_string(i) + "<\x80>";
    directive.title = rows[i].second;
    directive.line = static_cast<uint32_t>(100 + i);
    g.AddNode(directive);
  }
  EXPECT_EQ(DataBlock(GraphToViewerHtml(g, {})),
            EscapedDump(ViewerData(g, {})));
  const Json outlines = ViewerData(g, {})["directives"];
  ASSERT_EQ(outlines.size(), 3u);
  EXPECT_EQ(outlines["渝府发〔2023〕7号"].size(), 3u);
}

TEST(Viewer, CorpusPageIsByteStableAndSmall) {
  const CorpusGraph& g = BundledGraph();
  const std::string page = GraphToViewerHtml(g.graph, g.coverage);
  CorpusGraph again;
  again.graph = BuildGraph(BundledCorpus(), &again.coverage);
  EXPECT_EQ(page, GraphToViewerHtml(again.graph, again.coverage));
  EXPECT_LT(page.size(), 3u << 20) << "index.html should stay a few MB";
  const Json data = Json::parse(DataBlock(page));
  EXPECT_GT(data["elements"]["nodes"].size(), 36u);
  EXPECT_LT(data["elements"]["nodes"].size(), 400u);
  EXPECT_EQ(data["coverage"].size(), g.coverage.size());
  EXPECT_TRUE(data["directives"].contains("渝府发〔2023〕7号"));
}

// ---------------------------------------------------------------------------
// In the browser: tests/viewer/check_viewer.mjs drives headless Chromium.

// What the browser test needs, or why it cannot run.
std::string MissingBrowserTool(std::string* chromium) {
  const char* env = std::getenv("PG_CHROMIUM");
  *chromium = env ? env : "/usr/bin/chromium";
  if (access(chromium->c_str(), X_OK) != 0)
    return *chromium + " (Debian: chromium, see tools/deps.sh)";
  if (std::system("node --version >/dev/null 2>&1") != 0) return "node";
  if (!fs::exists(PG_SOURCE_DIR "/viewer/node_modules/playwright-core"))
    return "viewer/node_modules/playwright-core (npm ci --prefix viewer)";
  return "";
}

class ViewerBrowser : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string missing = MissingBrowserTool(&chromium_);
    // CI must run the browser test, so a missing tool fails there.
    if (!missing.empty() && InCi()) FAIL() << "missing " << missing;
    if (!missing.empty()) GTEST_SKIP() << "missing " << missing;
    dir_ = fs::temp_directory_path() /
           ("pg-viewer-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  CommandRun Check(const std::string& mode, const std::string& page) {
    const fs::path html = dir_ / "index.html";
    std::ofstream(html, std::ios::binary) << page;
    // PG_VIEWER_SCREENSHOT_DIR keeps a screenshot for a person to look at.
    std::string screenshot;
    if (const char* keep = std::getenv("PG_VIEWER_SCREENSHOT_DIR"))
      screenshot = " '" + std::string(keep) + "/viewer-" + mode + ".png'";
    return RunCommand(
        "node '" PG_SOURCE_DIR "/tests/viewer/check_viewer.mjs' " + mode +
        " '" + html.string() + "' '" + chromium_ + "'" + screenshot);
  }

  std::string chromium_;
  fs::path dir_;
};

TEST_F(ViewerBrowser, CorpusRendersAndSearchFindsEvidence) {
  const CorpusGraph& g = BundledGraph();
  CommandRun run = Check("corpus", GraphToViewerHtml(g.graph, g.coverage));
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("ok"), std::string::npos) << run.output;
}

TEST_F(ViewerBrowser, HostileTitlesShowAsText) {
  CommandRun run = Check("hostile", GraphToViewerHtml(SmallGraph(kHostileTitle),
                                                      {SmallCoverage()}));
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("ok"), std::string::npos) << run.output;
}

}  // namespace
}  // namespace policygraph

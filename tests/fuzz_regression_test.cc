// Regressions found by the fuzz targets in fuzz/; each test says what broke.
// The raw inputs in tests/data/fuzz-regressions/ are also replayed by
// tools/fuzz.sh.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "policygraph/decode.h"
#include "policygraph/pipeline.h"

namespace policygraph {
namespace {

// Every invariant directives.h promises, on every document of `text`.
void ExpectWellFormedTrees(const std::string& bytes) {
  DecodeResult decoded = DecodeText(bytes, "regression.txt");
  if (!decoded.ok) return;
  std::vector<Diagnostic> diagnostics;
  ParsedFile parsed = ParseSource(decoded.source, diagnostics);
  for (size_t i = 0; i < parsed.documents.size(); ++i) {
    const DirectiveTree& tree = parsed.directives[i];
    for (const Directive& d : tree.nodes) {
      if (d.parent < 0) continue;
      const Directive& p = tree.nodes[d.parent];
      EXPECT_LE(p.line, d.line) << d.id;
      EXPECT_GE(p.last_line, d.last_line) << d.id << " outside " << p.id;
    }
  }
}

// Regression: a second BOM survived decoding as U+FEFF and ended up in ids.
TEST(FuzzRegression, RepeatedBomIsStripped) {
  DecodeResult r = DecodeText("\xEF\xBB\xBF\xEF\xBB\xBF标题\n", "x.txt");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.source.text, "标题\n");
  DecodeResult utf16 =
      DecodeText(std::string("\xFE\xFF\xFE\xFF\x68\x07", 6), "y.txt");
  ASSERT_TRUE(utf16.ok);
  EXPECT_EQ(utf16.source.text, "标");
}

// Regression: the binary check counted a second BOM as text, so a file that
// passed once was refused as binary when its own decoded text was read
// again (decode must be idempotent).
TEST(FuzzRegression, BinaryVerdictIgnoresRepeatedBom) {
  const std::string bytes =
      "\xEF\xBB\xBF\xEF\xBB\xBF\xBD\xE8\xA7\x84\x88\x08"
      "18030";
  DecodeResult first = DecodeText(bytes, "x.txt");
  // One control character in six: binary, whether or not the BOMs count.
  EXPECT_FALSE(first.ok);
  DecodeResult plain = DecodeText(bytes.substr(6), "x.txt");
  EXPECT_EQ(plain.ok, first.ok);
}

// Regression: a 专栏 closed by a task-table header still received items.
TEST(FuzzRegression, BoxClosedByTaskTableTakesNoItems) {
  ExpectWellFormedTrees("标题\n专栏1 重大项目\n序号\t工作任务\n1．建设项目\n");
}

// Regression: a task row after a notice's signature date went to the
// notice's closed unit.
TEST(FuzzRegression, TaskRowAfterNoticeSignatureLeavesTheNotice) {
  ExpectWellFormedTrees(
      "重庆市人民政府办公厅关于印发《测试工作方案》的通知\n渝府办发〔2024〕1号"
      "\n"
      "各区县（自治县）人民政府，市政府各部门：\n第一条 总体要求\n"
      "序号\t工作任务\t牵头单位\t完成时间\n1\t任务一\t市发展改革委\t2024年底\n"
      "2024年3月1日\n2\t任务二\t市财政局\t2024年底\n");
}

TEST(FuzzRegression, SavedInputsKeepTheInvariants) {
  std::filesystem::path dir =
      std::filesystem::path(PG_TEST_DATA) / "fuzz-regressions";
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    SCOPED_TRACE(entry.path().filename().string());
    DecodeResult r = DecodeText(bytes, "saved");
    if (r.ok) {
      EXPECT_FALSE(r.source.text.starts_with("\xEF\xBB\xBF"));
    }
    ExpectWellFormedTrees(bytes);
    ++count;
  }
  EXPECT_GE(count, 3);
}

}  // namespace
}  // namespace policygraph

// Texts let go after parsing and read back from their files
// (LoadOptions::drop_texts, what `build` does): which texts qualify, that
// what comes back is what was parsed, and that a file changed in between
// stops the build rather than align other words.
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "policygraph/decode.h"
#include "policygraph/format.h"
#include "policygraph/graph.h"
#include "policygraph/parallel.h"
#include "policygraph/pipeline.h"
#include "policygraph/report_format.h"

#include "test_support.h"

namespace policygraph {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::WriteFile;

class ScratchDir {
 public:
  ScratchDir()
      : path_(
            fs::temp_directory_path() /
            ("pg-read-back-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~ScratchDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

const std::string kText =
    "关于印发《重庆市某某方案》的通知\n一、总体要求\n（一）工作目标。\n";

TEST(ReadBack, OnlyTextsAFileHoldsByteForByteCanBeReadBack) {
  ScratchDir dir;
  struct Case {
    std::string name, bytes;
    bool read_back;
    uint64_t offset;
  };
  const std::vector<Case> cases = {
      {"plain.txt", kText, true, 0},
      {"bom.txt", "\xEF\xBB\xBF" + kText, true, 3},
      {"two-boms.txt", "\xEF\xBB\xBF\xEF\xBB\xBF" + kText, true, 6},
      {"crlf.txt", "第一行\r\n第二行\r\n", false, 0},  // decoding drops the CRs
      {"gb18030.txt", "\xD6\xD8\xC7\xEC\xCA\xD0\n", false, 0},  // 重庆市
  };
  for (const Case& c : cases) {
    const std::string path = (dir.path() / c.name).string();
    WriteFile(path, c.bytes);
    std::optional<TextOrigin> origin;
    DecodeResult decoded = ReadSourceFile(path, kDefaultMaxFileSize, &origin);
    ASSERT_TRUE(decoded.ok) << c.name;
    ASSERT_EQ(origin.has_value(), c.read_back) << c.name;
    if (!origin) continue;
    EXPECT_EQ(origin->path, path);
    EXPECT_EQ(origin->offset, c.offset) << c.name;
    EXPECT_EQ(origin->file_size, c.bytes.size());
    // Every stretch read back is the decoded text's.
    SourceText dropped = decoded.source;
    dropped.text.clear();
    dropped.origin = origin;
    const std::string& text = decoded.source.text;
    std::string back;
    for (uint64_t begin : {uint64_t{0}, uint64_t{3}, uint64_t{text.size()}}) {
      const uint64_t length = std::min<uint64_t>(10, text.size() - begin);
      EXPECT_EQ(ReadTextBack(dropped, begin, length, back), std::nullopt);
      EXPECT_EQ(back, text.substr(begin, length)) << c.name << " @" << begin;
    }
    EXPECT_EQ(WholeText(dropped), text);
    // A text still in memory has no file to read back from.
    std::optional<std::string> kept_error =
        ReadTextBack(decoded.source, 0, 1, back);
    ASSERT_TRUE(kept_error.has_value());
    EXPECT_NE(kept_error->find(c.name), std::string::npos) << *kept_error;
    // Past the end is an error, not a short read.
    std::optional<std::string> error =
        ReadTextBack(dropped, text.size() - 2, 5, back);
    ASSERT_TRUE(error.has_value());
    EXPECT_NE(error->find(path), std::string::npos) << *error;
  }
}

TEST(ReadBack, AFileChangedSinceItWasReadIsNotReadBack) {
  ScratchDir dir;
  const std::string path = (dir.path() / "a.txt").string();
  WriteFile(path, kText);
  std::optional<TextOrigin> origin;
  DecodeResult decoded = ReadSourceFile(path, kDefaultMaxFileSize, &origin);
  ASSERT_TRUE(origin.has_value());
  SourceText dropped = decoded.source;
  dropped.text.clear();
  dropped.origin = origin;
  std::string back;
  ASSERT_EQ(ReadTextBack(dropped, 0, 6, back), std::nullopt);
  // Same size, other bytes: only the stamp tells.
  std::string edited = kText;
  edited.replace(0, 3, "对");
  ASSERT_EQ(edited.size(), kText.size());
  ::usleep(20000);  // a later modification time on any file system
  WriteFile(path, edited);
  std::optional<std::string> error = ReadTextBack(dropped, 0, 6, back);
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->find("a.txt"), std::string::npos) << *error;
  EXPECT_NE(error->find("changed"), std::string::npos) << *error;
  // WholeText, which `directives` parses again, says the same.
  std::string why;
  EXPECT_EQ(WholeText(dropped, &why), "");
  EXPECT_EQ(why, *error);
  fs::remove(path);
  error = ReadTextBack(dropped, 0, 6, back);
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->find("a.txt"), std::string::npos) << *error;
}

// What `policygraph` does to quote a diagnostic's line from a text let go
// after parsing, when the file has shrunk since: the read back fails, and
// the line index is that of the text as parsed.  Asking for a line past
// what is left must give nothing rather than read or throw out of range.
TEST(ReadBack, ALineOfATextShorterThanItsIndexIsEmpty) {
  SourceText parsed;
  parsed.path = "a.txt";
  parsed.text = "第一行\n第二行\n第三行\n";
  IndexLines(parsed);
  ASSERT_EQ(parsed.LineCount(), 3u);
  EXPECT_EQ(parsed.Line(3), "第三行");
  SourceText shrunk = parsed;
  shrunk.text = "第一行\n第";
  EXPECT_EQ(shrunk.Line(1), "第一行");
  EXPECT_EQ(shrunk.Line(2), "第");  // cut short, not past the end
  EXPECT_EQ(shrunk.Line(3), "");
  SourceText gone = parsed;
  gone.text.clear();
  for (size_t n = 0; n <= 4; ++n) EXPECT_EQ(gone.Line(n), "") << n;
  const Diagnostic d{.severity = Severity::kWarning,
                     .file = "a.txt",
                     .line = 3,
                     .code = "",
                     .message = "something"};
  EXPECT_EQ(
      FormatDiagnostic(d, &gone).rfind("a.txt:3: warning: something\n", 0), 0u);
}

// The whole bundled corpus, loaded both ways: the same documents, trees
// and references, and coverage, read back document by document, gives
// the same reports.
TEST(ReadBack, CoverageOfTextsReadBackIsTheSame) {
  const Corpus kept = LoadCorpus({PG_CORPUS_DIR});
  LoadOptions options;
  options.drop_texts = true;
  options.jobs = 2;
  Corpus dropped = LoadCorpus({PG_CORPUS_DIR}, options);
  ASSERT_EQ(dropped.files.size(), kept.files.size());
  for (size_t i = 0; i < kept.files.size(); ++i) {
    const ParsedFile& a = kept.files[i];
    const ParsedFile& b = dropped.files[i];
    EXPECT_TRUE(b.source.text.empty()) << b.source.path;
    ASSERT_TRUE(b.source.origin.has_value()) << b.source.path;
    EXPECT_EQ(WholeText(b.source), a.source.text);
    EXPECT_TRUE(a.documents == b.documents);
    EXPECT_TRUE(a.directives == b.directives);
    EXPECT_TRUE(a.references == b.references);
  }
  std::vector<CoverageReport> want, got;
  const PolicyGraph want_graph = BuildGraph(kept, &want, 1);
  const PolicyGraph got_graph = BuildGraphReleasing(dropped, &got, 2, nullptr);
  ASSERT_FALSE(want.empty());
  size_t rows = 0;
  for (const CoverageReport& r : want)
    for (const DirectiveCoverage& d : r.directives)
      rows += d.implemented_by.size();
  EXPECT_GT(rows, 50u);
  EXPECT_EQ(FormatCoverageCsv(got), FormatCoverageCsv(want));
  EXPECT_EQ(got_graph.EdgeCount(), want_graph.EdgeCount());
}

// A file edited between the parse and coverage: the build stops with an
// error naming it.
TEST(ReadBack, AFileChangedBeforeCoverageStopsTheBuild) {
  ScratchDir dir;
  std::string changed;
  for (const auto& entry : fs::directory_iterator(PG_CORPUS_DIR)) {
    if (entry.path().extension() != ".txt") continue;
    fs::copy_file(entry.path(), dir.path() / entry.path().filename());
    if (entry.path().filename().string().find("2023-05") != std::string::npos)
      changed = entry.path().filename().string();
  }
  ASSERT_FALSE(changed.empty());
  LoadOptions options;
  options.drop_texts = true;
  Corpus corpus = LoadCorpus({dir.path().string()}, options);
  ::usleep(20000);
  const fs::path edited = dir.path() / changed;
  WriteFile(edited, ReadFile(edited) + "\n");
  try {
    BuildGraphReleasing(corpus, nullptr, 2, nullptr);
    ADD_FAILURE() << "no error for " << changed;
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(changed), std::string::npos)
        << e.what();
  }
}

// What carries that error out of a worker thread.
TEST(ReadBack, ParallelForThrowsTheFirstItemsException) {
  for (unsigned jobs : {1u, 2u, 4u}) {
    std::atomic<int> ran{0};
    try {
      ParallelFor(200, jobs, [&](size_t i) {
        ++ran;
        if (i == 37 || i == 150) throw std::runtime_error(std::to_string(i));
      });
      ADD_FAILURE() << "nothing thrown with " << jobs << " jobs";
    } catch (const std::runtime_error& e) {
      EXPECT_EQ(std::string(e.what()), "37") << jobs << " jobs";
    }
    EXPECT_LT(ran.load(), 200) << "items handed out after the failure";
  }
}

}  // namespace
}  // namespace policygraph

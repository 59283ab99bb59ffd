// ParseSource hands the segmenter's cleaned lines to the directive
// parser; the documents and trees must be those the public stages make
// one at a time.
#include "parse_internal.h"

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "policygraph/decode.h"

#include "test_support.h"

namespace policygraph {
namespace {

void ExpectSameAsPublicStages(const SourceText& source) {
  internal::CleanLines clean;
  const Segmentation shared = internal::SegmentGazette(source, &clean);
  const Segmentation alone = SegmentGazette(source);
  ASSERT_EQ(shared.documents, alone.documents) << source.path;
  ASSERT_EQ(clean.size(), source.LineCount() + 1) << source.path;
  size_t nodes = 0;
  for (const Document& doc : alone.documents) {
    const DirectiveTree tree = internal::ParseDirectives(source, doc, clean);
    EXPECT_EQ(tree, ParseDirectives(source, doc))
        << source.path << " " << doc.id;
    nodes += tree.nodes.size();
  }
  EXPECT_GT(nodes, 0u) << source.path;
}

TEST(ParseInternal, SharedCleanLinesGiveTheSameDocumentsAndTrees) {
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(PG_CORPUS_DIR)) {
    DecodeResult decoded = ReadSourceFile(entry.path().string());
    ASSERT_TRUE(decoded.ok) << entry.path();
    ExpectSameAsPublicStages(decoded.source);
    ++files;
  }
  EXPECT_EQ(files, 5u);
}

TEST(ParseInternal, LinesWithMarkupAndIdeographicSpacesAreCleanedOnce) {
  // Bold markers and U+3000 are what CleanLine removes or turns into
  // spaces; a notice issuing a plan reads its lines twice.
  DecodeResult decoded = DecodeText(
      "重庆市人民政府关于印发《甲区发展规划》的通知\n"
      "渝府发〔2023〕1号\n"
      "各区县人民政府：\n"
      "　　现将《甲区发展规划》印发给你们，请认真贯彻执行。\n"
      "重庆市人民政府\n"
      "2023年1月5日\n"
      "**甲区发展规划**\n"
      "**一、总体要求**\n"
      "　（一）**指导思想**。坚持高质量发展。\n"
      "二、重点任务\n"
      "（一）建设　现代产业体系。\n"
      "1.推动制造业升级。\n",
      "notice.txt");
  ASSERT_TRUE(decoded.ok);
  ExpectSameAsPublicStages(decoded.source);
}

}  // namespace
}  // namespace policygraph

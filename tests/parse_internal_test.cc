// ParseSource hands the segmenter's cleaned lines to the directive
// parser; the documents and trees must be those the public stages make
// one at a time, and an outline (what `refs` asks for) the same tree
// without headings, lead units and deadlines.
#include "parse_internal.h"

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "policygraph/decode.h"

#include "test_support.h"

namespace policygraph {
namespace {

// Checks the shared stages against the public ones and the outline
// against the full tree; returns how many task rows had lead units or a
// deadline, which an outline leaves out.
size_t ExpectSameAsPublicStages(const SourceText& source) {
  internal::CleanLines clean;
  const Segmentation shared = internal::SegmentGazette(source, &clean);
  const Segmentation alone = SegmentGazette(source);
  EXPECT_EQ(shared.documents, alone.documents) << source.path;
  EXPECT_EQ(clean.size(), source.LineCount() + 1) << source.path;
  if (clean.size() != source.LineCount() + 1) return 0;
  size_t nodes = 0, headings = 0, rows = 0;
  for (const Document& doc : alone.documents) {
    const DirectiveTree tree = internal::ParseDirectives(source, doc, clean);
    EXPECT_EQ(tree, ParseDirectives(source, doc))
        << source.path << " " << doc.id;
    nodes += tree.nodes.size();
    // An outline is the same tree without what only its readers use.
    DirectiveTree stripped = tree;
    for (Directive& d : stripped.nodes) {
      headings += !d.heading.empty();
      rows += !d.lead_units.empty() || !d.deadline.empty();
      d.heading.clear();
      d.lead_units.clear();
      d.deadline.clear();
    }
    const DirectiveTree outline = internal::ParseDirectives(
        source, doc, clean, internal::DirectiveDetail::kOutline);
    EXPECT_EQ(outline, stripped) << source.path << " " << doc.id;
  }
  EXPECT_GT(nodes, 0u) << source.path;
  EXPECT_GT(headings, 0u) << source.path;
  return rows;
}

TEST(ParseInternal, SharedCleanLinesGiveTheSameDocumentsAndTrees) {
  size_t files = 0, rows = 0;
  for (const auto& entry : std::filesystem::directory_iterator(PG_CORPUS_DIR)) {
    DecodeResult decoded = ReadSourceFile(entry.path().string());
    ASSERT_TRUE(decoded.ok) << entry.path();
    rows += ExpectSameAsPublicStages(decoded.source);
    ++files;
  }
  EXPECT_EQ(files, 5u);
  EXPECT_GT(rows, 0u);  // the outlines were checked on task tables too
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

// Heading reads a long text's start only; it must give what cleaning and
// searching the whole gives: on every line of the corpus, and on long texts
// with what could differ at the cut — a stop, `**`, U+3000, a space, a
// <p> tag or the end at each place around the 80th character.
TEST(ParseInternal, HeadingOfTheStartIsTheHeadingOfTheWhole) {
  size_t lines = 0, long_lines = 0;
  for (const auto& entry : std::filesystem::directory_iterator(PG_CORPUS_DIR)) {
    DecodeResult decoded = ReadSourceFile(entry.path().string());
    ASSERT_TRUE(decoded.ok) << entry.path();
    for (uint32_t n = 1; n <= decoded.source.LineCount(); ++n) {
      const std::string_view line = decoded.source.Line(n);
      ASSERT_EQ(internal::Heading(line), internal::HeadingOfWhole(line))
          << entry.path() << ":" << n;
      ++lines;
      long_lines += line.size() > 300;
    }
  }
  EXPECT_GT(long_lines, 100u) << lines;
  const std::vector<std::string> marks = {"。",   "；", "：", ";", "\t",
                                          "**",   "*",  "　", " ", "<p>",
                                          "</p>", "<",  "A"};
  size_t checked = 0;
  for (const char* lead : {"", "　 ", "**"}) {
    for (int at = 70; at <= 90; ++at) {
      for (const std::string& mark : marks) {
        for (const std::string& second : marks) {
          std::string text = lead;
          for (int i = 0; i < 100; ++i) {
            if (i == at) text += mark;
            if (i == at + 1) text += second;
            text += i % 7 == 3 ? "5" : "推";
          }
          ASSERT_EQ(internal::Heading(text), internal::HeadingOfWhole(text))
              << text;
          ASSERT_EQ(internal::Heading(text.substr(0, text.size() - 40)),
                    internal::HeadingOfWhole(text.substr(0, text.size() - 40)))
              << text;
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 10'000u);
}

}  // namespace
}  // namespace policygraph

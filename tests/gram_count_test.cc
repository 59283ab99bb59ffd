// Counting a directive's grams by tables of ideographs must give exactly
// the sorted run-length list that sorting every gram gives: the gram
// order fixes the order of every later floating-point sum in coverage.
#include "gram_count.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "policygraph/directives.h"
#include "policygraph/pipeline.h"

#include "fold_internal.h"

namespace policygraph::internal {
namespace {

// The plain way: every gram, sorted, then runs.
GramCounts SortEveryGram(std::u32string_view folded) {
  std::vector<Gram> grams;
  bool in_run = false;
  char32_t previous = 0;
  for (char32_t c : folded) {
    if (!IsGramLetter(c)) {
      in_run = false;
      continue;
    }
    grams.push_back(Unigram(c));
    if (in_run) grams.push_back(MakeGram(previous, c));
    in_run = true;
    previous = c;
  }
  std::sort(grams.begin(), grams.end());
  GramCounts counts;
  for (size_t i = 0; i < grams.size();) {
    size_t j = i;
    while (j < grams.size() && grams[j] == grams[i]) ++j;
    counts.push_back(Packed(grams[i], j - i));
    i = j;
  }
  return counts;
}

TEST(CountGrams, EqualsSortingEveryGramOnEveryDirectiveOfTheCorpus) {
  const Corpus corpus = LoadCorpus({PG_CORPUS_DIR});
  size_t directives = 0, grams = 0;
  for (const ParsedFile& file : corpus.files) {
    for (const DirectiveTree& tree : file.directives) {
      for (size_t i = 0; i < tree.nodes.size(); ++i) {
        const std::u32string folded = FoldForMatchCodePoints(
            DirectiveText(file.source, tree, static_cast<int>(i)));
        const GramCounts counts = CountGrams(folded);
        ASSERT_EQ(counts, SortEveryGram(folded))
            << file.source.path << " " << tree.nodes[i].id;
        ++directives;
        grams += counts.size();
      }
    }
  }
  EXPECT_GT(directives, 1000u);
  EXPECT_GT(grams, 100000u);
}

TEST(CountGrams, EqualsSortingEveryGramOnMixedScriptsAndEdgeCases) {
  const std::vector<std::u32string> texts = {
      U"", U"，。、", U"到2025年，建成5g基站1.2万个", U"abc一abc二ABC三",
      // Hangul, an extension-A ideograph (below the common block) and an
      // extension-B one (above it), leading bigrams on both sides.
      U"한국어中文㐀中𠀀中文𠀀㐀", U"一" + std::u32string(40, U'丁') + U"丁丁z",
      U"〇中〇", U"9中鿿一", U"䷿一鿿"};
  for (size_t i = 0; i < texts.size(); ++i)
    EXPECT_EQ(CountGrams(texts[i]), SortEveryGram(texts[i])) << "text " << i;
  // One ideograph followed by many others: a bucket too big for the
  // insertion sort, whose seconds come in descending order.
  std::u32string fan;
  for (char32_t c = 0x9000; c > 0x8F00; --c) fan += std::u32string{U'的', c};
  EXPECT_EQ(CountGrams(fan), SortEveryGram(fan));
  // Counts past what a word holds stop at its maximum.
  const std::u32string many(kMaxCount + 5, U'中');
  const GramCounts counts = CountGrams(many);
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(static_cast<uint64_t>(CountOf(counts[0])), kMaxCount);
  EXPECT_EQ(GramOf(counts[1]), MakeGram(U'中', U'中'));
}

// Every ideograph of the block, in an order that jumps across it: every
// word of the table of those seen, and every word of its summary, has
// bits set, and the ideographs either side of each word's edge lead
// bigrams.  Then the first and last ideograph alone: a scan that skipped
// an edge word would miss them.
TEST(CountGrams, FindsIdeographsInEveryWordOfItsTables) {
  std::u32string every;
  for (char32_t step = 0; step < 64; ++step)
    for (char32_t c = kIdeographLast - step; c >= kIdeographFirst; c -= 64)
      every += c;
  ASSERT_EQ(every.size(), kIdeographs);
  EXPECT_EQ(CountGrams(every), SortEveryGram(every));
  const std::u32string edges = {kIdeographFirst, kIdeographLast, U'，',
                                kIdeographLast, kIdeographFirst};
  EXPECT_EQ(CountGrams(edges), SortEveryGram(edges));
}

TEST(CountGrams, LeavesNothingBehindForTheNextCall) {
  const std::u32string first = U"中文中文 abc 国家";
  const std::u32string second = U"国家文中";
  CountGrams(first);
  EXPECT_EQ(CountGrams(second), SortEveryGram(second));
  EXPECT_EQ(CountGrams(second), SortEveryGram(second));
}

}  // namespace
}  // namespace policygraph::internal

// The fuzzy-title index must never miss a title that reaches the
// threshold: checked against scoring every pair, on titles drawn from a
// small alphabet so near matches are common.
#include "title_index.h"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "policygraph/resolve.h"

namespace policygraph::internal {
namespace {

std::vector<std::string> RandomTitles(size_t count, uint32_t seed) {
  static const char* const kAlphabet[] = {"重", "庆", "市", "规", "划",
                                          "方", "案", "实", "施", "纲"};
  std::mt19937 random(seed);
  std::vector<std::string> titles;
  std::string base;
  for (size_t i = 0; i < count; ++i) {
    // Half are small edits of the previous title, half fresh.
    if (i % 2 == 1 && !base.empty()) {
      std::string edited = base;
      size_t at = (random() % (edited.size() / 3)) * 3;
      edited.replace(at, 3, kAlphabet[random() % 10]);
      if (random() % 3 == 0) edited += kAlphabet[random() % 10];
      titles.push_back(edited);
      continue;
    }
    base.clear();
    size_t length = 1 + random() % 14;
    for (size_t k = 0; k < length; ++k) base += kAlphabet[random() % 10];
    titles.push_back(base);
  }
  return titles;
}

TEST(TitleIndex, NeverMissesATitleAtOrAboveTheThreshold) {
  for (double threshold : {0.5, 0.75, kFuzzyThreshold}) {
    std::vector<std::string> titles = RandomTitles(400, 7);
    TitleIndex index(threshold);
    for (const std::string& t : titles) index.Add(TitleBigrams(t));
    size_t reached = 0;
    size_t scored = 0;
    for (const std::string& query : RandomTitles(200, 11)) {
      std::vector<uint64_t> q = TitleBigrams(query);
      std::vector<uint32_t> candidates = index.Candidates(q);
      scored += candidates.size();
      for (uint32_t i = 0; i < titles.size(); ++i) {
        if (q.empty() || index.Bigrams(i).empty()) continue;
        if (BigramDice(q, index.Bigrams(i)) < threshold) continue;
        ++reached;
        EXPECT_TRUE(std::binary_search(candidates.begin(), candidates.end(), i))
            << query << " vs " << titles[i] << " at " << threshold;
      }
    }
    EXPECT_GT(reached, 0u) << threshold;
    // The point of the index: far fewer scored than all pairs.
    if (threshold == kFuzzyThreshold) {
      EXPECT_LT(scored, 200u * 400u / 4);
    }
  }
}

// Titles added after look-ups (which sort the lists they read by group)
// are found as well as those before.
TEST(TitleIndex, LooksInTheGroupsAskedForOnly) {
  std::vector<std::string> titles = RandomTitles(400, 7);
  TitleIndex index(kFuzzyThreshold);
  const std::vector<uint32_t> groups = {2, 0};
  size_t reached = 0, asked_all = 0, asked_some = 0;
  for (size_t added : {200u, 400u}) {
    for (uint32_t i = static_cast<uint32_t>(added) - 200; i < added; ++i)
      index.Add(TitleBigrams(titles[i]), i % 3);
    for (const std::string& query : RandomTitles(200, 11)) {
      std::vector<uint64_t> q = TitleBigrams(query);
      std::vector<uint32_t> some = index.Candidates(q, groups);
      std::vector<uint32_t> all = index.Candidates(q);
      EXPECT_TRUE(std::is_sorted(some.begin(), some.end()));
      EXPECT_EQ(std::adjacent_find(some.begin(), some.end()), some.end());
      for (uint32_t i : some) {
        EXPECT_LT(i, added);
        EXPECT_NE(i % 3, 1u) << query << " got " << i;
      }
      for (uint32_t i = 0; i < added; ++i) {
        if (q.empty() || index.Bigrams(i).empty()) continue;
        if (BigramDice(q, index.Bigrams(i)) < kFuzzyThreshold) continue;
        ++reached;
        EXPECT_TRUE(std::binary_search(all.begin(), all.end(), i))
            << query << " vs " << titles[i];
        if (i % 3 != 1) {
          EXPECT_TRUE(std::binary_search(some.begin(), some.end(), i))
              << query << " vs " << titles[i] << " after " << added;
        }
      }
      asked_all += all.size();
      asked_some += some.size();
    }
  }
  EXPECT_GT(reached, 0u);
  // The point of groups: fewer titles to score than asking for all.
  EXPECT_LT(asked_some, asked_all * 3 / 4);
}

TEST(TitleIndex, DiceMatchesTitleSimilarity) {
  const std::string a = "重庆市综合立体交通网规划纲要";
  const std::string b = "重庆市综合立体交通网络规划纲要";
  EXPECT_DOUBLE_EQ(BigramDice(TitleBigrams(a), TitleBigrams(b)),
                   TitleSimilarity(a, b));
  // Repeated bigrams count as often as they occur in both.
  EXPECT_DOUBLE_EQ(BigramDice(TitleBigrams("哈哈哈"), TitleBigrams("哈哈")),
                   2.0 * 1 / 3);
  EXPECT_TRUE(TitleBigrams("一").empty());
  EXPECT_EQ(BigramDice({}, {}), 0.0);
  // Any bytes give bigrams, never a crash.
  EXPECT_EQ(TitleBigrams("a\xff").size(), 1u);
  EXPECT_TRUE(TitleBigrams(std::string("\xff\xe4\xb8", 3)).empty());
}

// A character is its UTF-8 bytes read as one big-endian number, and a
// bigram the first character above the second: 法 is E6 B3 95.
TEST(TitleIndex, BigramsPackEachCharacterWithTheNext) {
  const uint64_t fa = 0xE6B395, a = 'a', open = 0xE3808A;  // 法 a 《
  const uint64_t emoji = 0xF09F9880;                       // U+1F600
  std::vector<uint64_t> expected = {fa << 32 | a, a << 32 | open,
                                    open << 32 | fa, fa << 32 | emoji};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(TitleBigrams("法a《法\U0001F600"), expected);
  // A sequence cut short at the end is the bytes it has.
  EXPECT_EQ(TitleBigrams("a\xe6\xb3"), std::vector<uint64_t>{a << 32 | 0xE6B3});
}

}  // namespace
}  // namespace policygraph::internal

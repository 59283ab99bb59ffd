// The words coverage alignment compares directives by: character unigrams
// and bigrams of every run of letters, digits and ideographs, counted.
// Punctuation breaks runs, so no gram spans two clauses.
#ifndef POLICYGRAPH_SRC_GRAM_COUNT_H_
#define POLICYGRAPH_SRC_GRAM_COUNT_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace policygraph::internal {

using Gram = uint64_t;  // one code point (low) or two (high, low)

inline Gram MakeGram(char32_t first, char32_t second) {
  return (static_cast<uint64_t>(first) << 32) | second;
}
inline Gram Unigram(char32_t c) { return MakeGram(0, c); }

// The CJK Unified Ideographs block, where nearly every gram's code points
// lie: tables indexed by code point serve it without hashing or sorting.
inline constexpr char32_t kIdeographFirst = 0x4E00, kIdeographLast = 0x9FFF;
inline constexpr size_t kIdeographs = kIdeographLast - kIdeographFirst + 1;
inline bool IsIdeograph(char32_t c) {
  return c >= kIdeographFirst && c <= kIdeographLast;
}

// A gram and how often it occurs, in one word: the two code points (21
// bits each) high, so words sort as their grams do, and the count in the
// low 22 bits.  Half the size of a (gram, count) pair, which matters
// because a hub's implementers hold all of theirs at once.
using GramCount = uint64_t;
using GramCounts = std::vector<GramCount>;  // sorted by gram
inline constexpr int kCountBits = 22;
inline constexpr uint64_t kMaxCount = (uint64_t{1} << kCountBits) - 1;

inline GramCount Packed(Gram gram, uint64_t count) {
  const uint64_t points = (gram >> 32) << 21 | (gram & 0x1FFFFF);
  return points << kCountBits | std::min(count, kMaxCount);
}
inline Gram GramOf(GramCount packed) {
  const uint64_t points = packed >> kCountBits;
  return (points >> 21) << 32 | (points & 0x1FFFFF);
}
inline int CountOf(GramCount packed) {
  return static_cast<int>(packed & kMaxCount);
}

// u_isalnum, answered for ideographs and ASCII without a call into ICU.
bool IsGramLetter(char32_t c);

// The grams of `folded` (text already folded for matching), each with its
// count, in gram order: every unigram, then every bigram.
GramCounts CountGrams(std::u32string_view folded);

}  // namespace policygraph::internal

#endif  // POLICYGRAPH_SRC_GRAM_COUNT_H_

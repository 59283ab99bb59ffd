#include "gram_count.h"

#include <array>
#include <bit>
#include <iterator>
#include <span>

#include <boost/sort/pdqsort/pdqsort.hpp>
#include <unicode/uchar.h>

namespace policygraph::internal {
namespace {

// Nearly every gram of a directive is made of the common ideographs:
// their counts live in tables indexed by code point, so the grams come
// out in order from a scan of which ideographs occur, without a sort.
// Sorting every gram had been about a quarter of coverage alignment.
// The tables are the thread's, kept between calls (a large build counts
// millions of directives) and left zeroed after each.
constexpr char32_t kFirst = kIdeographFirst, kLast = kIdeographLast;
constexpr size_t kSeenWords = kIdeographs / 64 + 1;
constexpr size_t kSummaryWords = (kSeenWords + 63) / 64;

struct Tables {
  std::vector<uint32_t> unigrams = std::vector<uint32_t>(kIdeographs);
  // Bigrams starting with the ideograph, then where its bucket of second
  // code points ends as they are placed.
  std::vector<uint32_t> bucket = std::vector<uint32_t>(kIdeographs);
  std::vector<uint64_t> seen = std::vector<uint64_t>(kSeenWords);
  // A bit for each word of `seen` that has one set: the scan for the
  // ideographs seen reads only those words.  Reading all 328 cost a
  // mispredicted branch on most, a sixth of the count.
  std::array<uint64_t, kSummaryWords> summary{};
  // The ideographs seen, in order (room for all of them).
  std::vector<char32_t> firsts = std::vector<char32_t>(kIdeographs);
  std::vector<char32_t> pairs;       // (first, second) of ideograph-led
  std::vector<char32_t> seconds;     // bigrams, bucketed by first
  std::vector<Gram> other_unigrams;  // letters, digits, rarer ideographs
  std::vector<Gram> other_bigrams;   // led by one of those
  std::vector<GramCount> packed;     // ideograph-led bigrams, counted
};

// Appends the run-length list of the sorted grams [from, to).
template <typename It>
void AppendRuns(It from, It to, GramCounts& counts) {
  while (from != to) {
    It run = from;
    while (run != to && *run == *from) ++run;
    counts.push_back(Packed(*from, static_cast<uint64_t>(run - from)));
    from = run;
  }
}

size_t Distinct(const std::vector<Gram>& sorted) {
  size_t n = 0;
  for (size_t i = 0; i < sorted.size(); ++i)
    n += i == 0 || sorted[i] != sorted[i - 1];
  return n;
}

}  // namespace

bool IsGramLetter(char32_t c) {
  if (c < 0x80)
    return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') ||
           (c >= U'A' && c <= U'Z');
  if (IsIdeograph(c)) return true;
  return u_isalnum(static_cast<UChar32>(c));
}

GramCounts CountGrams(std::u32string_view folded) {
  thread_local Tables tables;
  Tables& t = tables;  // one look-up of the thread's tables, not one a use
  t.other_unigrams.clear();
  t.other_bigrams.clear();
  // The tables by pointer, and room for every ideograph-led bigram made
  // first: the loop, run for every code point of every directive counted,
  // then writes without reloading a vector or checking its capacity.
  if (t.pairs.size() < 2 * folded.size()) t.pairs.resize(2 * folded.size());
  uint32_t* const unigrams = t.unigrams.data();
  uint32_t* const buckets = t.bucket.data();
  uint64_t* const seen = t.seen.data();
  uint64_t* const summary = t.summary.data();
  char32_t* const pairs = t.pairs.data();
  size_t paired = 0;
  bool in_run = false;
  char32_t previous = 0;
  for (char32_t c : folded) {
    if (!IsGramLetter(c)) {
      in_run = false;
      continue;
    }
    if (IsIdeograph(c)) {
      const size_t i = c - kFirst;
      ++unigrams[i];
      seen[i / 64] |= uint64_t{1} << (i % 64);
      summary[i / 4096] |= uint64_t{1} << (i / 64 % 64);
    } else {
      t.other_unigrams.push_back(Unigram(c));
    }
    if (in_run) {
      if (IsIdeograph(previous)) {
        ++buckets[previous - kFirst];
        pairs[paired] = previous;
        pairs[paired + 1] = c;
        paired += 2;
      } else {
        t.other_bigrams.push_back(MakeGram(previous, c));
      }
    }
    in_run = true;
    previous = c;
  }
  // The ideographs seen, in order, each bucket's end as its start for now.
  char32_t* const firsts = t.firsts.data();
  size_t seen_count = 0;
  uint32_t placed = 0;
  for (size_t s = 0; s < kSummaryWords; ++s) {
    for (uint64_t words = summary[s]; words != 0; words &= words - 1) {
      const size_t w = s * 64 + static_cast<size_t>(std::countr_zero(words));
      for (uint64_t bits = seen[w]; bits != 0; bits &= bits - 1) {
        const size_t i = w * 64 + static_cast<size_t>(std::countr_zero(bits));
        firsts[seen_count++] = static_cast<char32_t>(kFirst + i);
        placed += buckets[i];
        buckets[i] = placed - buckets[i];
      }
      seen[w] = 0;
    }
    summary[s] = 0;
  }
  const std::span<const char32_t> seen_firsts(firsts, seen_count);
  // Counting sort by first ideograph (stable, so a bucket is in text
  // order).
  t.seconds.resize(paired / 2);
  char32_t* const seconds = t.seconds.data();
  for (size_t k = 0; k < paired; k += 2)
    seconds[buckets[pairs[k] - kFirst]++] = pairs[k + 1];
  boost::sort::pdqsort_branchless(t.other_unigrams.begin(),
                                  t.other_unigrams.end());
  boost::sort::pdqsort_branchless(t.other_bigrams.begin(),
                                  t.other_bigrams.end());

  // Each bucket sorted and run-length counted into `packed`, its table
  // entry cleared as it is read.  Most buckets hold one code point and the
  // rest a few, so an insertion sort unless one is long.
  if (t.packed.size() < paired / 2) t.packed.resize(paired / 2);
  GramCount* const packed = t.packed.data();
  size_t packed_count = 0;
  uint32_t begin = 0;
  for (char32_t first : seen_firsts) {
    const size_t i = first - kFirst;
    char32_t *from = seconds + begin, *to = seconds + buckets[i];
    begin = buckets[i];
    buckets[i] = 0;
    if (to - from == 1) {
      packed[packed_count++] = Packed(MakeGram(first, *from), 1);
      continue;
    }
    if (to - from > 16)
      boost::sort::pdqsort_branchless(from, to);
    else
      for (char32_t* k = from; k != to; ++k)  // insertion sort
        for (char32_t* j = k; j != from && *j < *(j - 1); --j)
          std::iter_swap(j, j - 1);
    for (char32_t* k = from; k != to;) {
      char32_t* run = k + 1;
      while (run != to && *run == *k) ++run;
      packed[packed_count++] =
          Packed(MakeGram(first, *k), static_cast<uint64_t>(run - k));
      k = run;
    }
  }

  // Sized first: items keep their counts until their turn, and a list
  // grown by doubling would hold up to twice the memory.
  GramCounts counts;
  counts.reserve(seen_count + Distinct(t.other_unigrams) + packed_count +
                 Distinct(t.other_bigrams));

  // Unigrams (no first code point, so before every bigram): the
  // ideographs' merged with the others'.
  auto other = t.other_unigrams.begin();
  for (char32_t c : seen_firsts) {
    const auto below =
        std::lower_bound(other, t.other_unigrams.end(), Unigram(c));
    AppendRuns(other, below, counts);
    other = below;
    counts.push_back(Packed(Unigram(c), unigrams[c - kFirst]));
    unigrams[c - kFirst] = 0;
  }
  AppendRuns(other, t.other_unigrams.end(), counts);

  // Bigrams: those led by a code point below the ideographs, the
  // ideographs' buckets in order, then those led by one above.
  const auto above = std::lower_bound(
      t.other_bigrams.begin(), t.other_bigrams.end(), MakeGram(kLast + 1, 0));
  AppendRuns(t.other_bigrams.begin(), above, counts);
  counts.insert(counts.end(), packed, packed + packed_count);
  AppendRuns(above, t.other_bigrams.end(), counts);
  return counts;
}

}  // namespace policygraph::internal

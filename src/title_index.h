// policygraph — finding the titles a fuzzy title match could pick, without
// comparing against every title.
//
// Fuzzy resolution accepts a corpus title whose bigram Dice coefficient
// with the cited title reaches a threshold (0.90).  Scoring every cited
// title against every document is quadratic: on 100 MB of gazettes it took
// most of the run.  A title that reaches the threshold must share most of
// the query's bigrams, so it must share at least one of the query's rarest
// few ("prefix filtering"); only the titles listed under those bigrams are
// scored, and those whose length alone rules them out are skipped.
//
// A title may also be filed under a group, and a look-up restricted to
// some groups: the resolver files titles by their numbers, which a match
// must share, so a family of titles alike but for their numbers (第1项 …
// 第16000项工作的通知) is not scored in full for each of its members.
#ifndef POLICYGRAPH_SRC_TITLE_INDEX_H_
#define POLICYGRAPH_SRC_TITLE_INDEX_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_map.h>

namespace policygraph::internal {

// The character bigrams of a title, sorted, repeats kept (a multiset).
// A character is a UTF-8 sequence as its lead byte announces it, so any
// bytes give a result.
std::vector<uint64_t> TitleBigrams(std::string_view title);

// 2·|A∩B| / (|A|+|B|) over two sorted bigram multisets; 0 when both are
// empty.
double BigramDice(const std::vector<uint64_t>& a,
                  const std::vector<uint64_t>& b);

class TitleIndex {
 public:
  explicit TitleIndex(double threshold) : threshold_(threshold) {}

  // Adds a title's bigrams, filed under `group`; titles are numbered from
  // 0 in the order added.
  void Add(std::vector<uint64_t> bigrams, uint32_t group = 0);

  // Every title of `groups` (distinct; every group when empty) whose Dice
  // with `query` can reach the threshold (and some that cannot), each
  // once, in increasing order.  Titles without bigrams (one character)
  // are never returned: compare those exactly.  Not const: a list first
  // read by group is sorted by group then.
  std::vector<uint32_t> Candidates(const std::vector<uint64_t>& query,
                                   std::span<const uint32_t> groups = {});

  const std::vector<uint64_t>& Bigrams(uint32_t title) const {
    return titles_[title];
  }

 private:
  double threshold_;
  std::vector<std::vector<uint64_t>> titles_;
  std::vector<uint32_t> groups_;  // by title
  // The titles with a bigram, in title order or, once `by_group`, in
  // (group, title) order, where a group's titles are a stretch found by
  // bisection.  Sorted when first read by group, as look-ups read only a
  // query's rarest few: sorting every list up front was a tenth of
  // resolving 1 GB.
  struct Postings {
    std::vector<uint32_t> titles;
    bool by_group = false;
  };
  absl::flat_hash_map<uint64_t, Postings> postings_;
  void SortByGroup(Postings& list) const;
};

}  // namespace policygraph::internal

#endif  // POLICYGRAPH_SRC_TITLE_INDEX_H_

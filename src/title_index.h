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
#ifndef POLICYGRAPH_SRC_TITLE_INDEX_H_
#define POLICYGRAPH_SRC_TITLE_INDEX_H_

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

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

  // Adds a title's bigrams; titles are numbered from 0 in the order added.
  void Add(std::vector<uint64_t> bigrams);

  // Every title whose Dice with `query` can reach the threshold (and some
  // that cannot), each once, in increasing order.  Titles without bigrams
  // (one character) are never returned: compare those exactly.
  std::vector<uint32_t> Candidates(const std::vector<uint64_t>& query) const;

  const std::vector<uint64_t>& Bigrams(uint32_t title) const {
    return titles_[title];
  }

 private:
  double threshold_;
  std::vector<std::vector<uint64_t>> titles_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings_;
};

}  // namespace policygraph::internal

#endif  // POLICYGRAPH_SRC_TITLE_INDEX_H_

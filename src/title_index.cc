#include "title_index.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace policygraph::internal {

std::vector<uint64_t> TitleBigrams(std::string_view title) {
  std::vector<uint64_t> out;
  out.reserve(title.size() / 3 + 1);
  // Each character's bytes packed into 32 bits (at most 4), paired with the
  // one before it as they are read.
  uint64_t previous = 0;
  for (size_t i = 0; i < title.size();) {
    const unsigned char lead = static_cast<unsigned char>(title[i]);
    size_t len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    len = std::min(len, title.size() - i);
    uint32_t packed = 0;
    for (size_t k = 0; k < len; ++k)
      packed = (packed << 8) | static_cast<unsigned char>(title[i + k]);
    if (i > 0) out.push_back(previous << 32 | packed);
    previous = packed;
    i += len;
  }
  std::sort(out.begin(), out.end());
  return out;
}

double BigramDice(const std::vector<uint64_t>& a,
                  const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 0;
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++shared;
      ++i;
      ++j;
    }
  }
  return 2.0 * static_cast<double>(shared) /
         static_cast<double>(a.size() + b.size());
}

void TitleIndex::Add(std::vector<uint64_t> bigrams, uint32_t group) {
  const uint32_t id = static_cast<uint32_t>(titles_.size());
  for (size_t i = 0; i < bigrams.size(); ++i) {
    if (i > 0 && bigrams[i] == bigrams[i - 1]) continue;
    Postings& list = postings_[bigrams[i]];
    // The newest title is the last in (group, title) order too unless an
    // earlier one has a later group.
    list.by_group = list.titles.empty() ||
                    (list.by_group && groups_[list.titles.back()] <= group);
    list.titles.push_back(id);
  }
  titles_.push_back(std::move(bigrams));
  groups_.push_back(group);
}

void TitleIndex::SortByGroup(Postings& list) const {
  if (list.by_group) return;
  // As (group, title) pairs packed in one word: a plain sort of integers.
  std::vector<uint64_t> keys;
  keys.reserve(list.titles.size());
  for (uint32_t t : list.titles) keys.push_back(uint64_t{groups_[t]} << 32 | t);
  std::sort(keys.begin(), keys.end());
  for (size_t k = 0; k < keys.size(); ++k)
    list.titles[k] = static_cast<uint32_t>(keys[k]);
  list.by_group = true;
}

std::vector<uint32_t> TitleIndex::Candidates(const std::vector<uint64_t>& query,
                                             std::span<const uint32_t> groups) {
  std::vector<uint32_t> out;
  const size_t n = query.size();
  if (n == 0) return out;
  // Dice ≥ t needs 2s ≥ t(n + m) with s ≤ m, so m ≥ t·n / (2 − t) and
  // s ≥ t·(n + m) / 2 ≥ t·n / (2 − t); and m ≤ (2 − t)·n / t.
  const double t = threshold_;
  const size_t need = static_cast<size_t>(std::ceil(t * n / (2 - t) - 1e-9));
  const size_t min_m = need;
  const size_t max_m = static_cast<size_t>(std::floor((2 - t) * n / t + 1e-9));
  // The query's distinct bigrams that some title has, rarest first (ties
  // by bigram, so the order is fixed), with their repeat counts.  Any
  // order would do for the bound below; rarest first scores fewest.
  // Rarity is counted over all titles: counting within the groups asked
  // for meant bisecting every list, where only the first few are read.
  struct Gram {
    uint64_t bigram;
    size_t repeats;
    Postings* postings;
  };
  std::vector<Gram> distinct;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && query[j] == query[i]) ++j;
    auto it = postings_.find(query[i]);
    if (it != postings_.end())
      distinct.push_back({query[i], j - i, &it->second});
    i = j;
  }
  std::sort(distinct.begin(), distinct.end(), [](const Gram& a, const Gram& b) {
    const size_t x = a.postings->titles.size(), y = b.postings->titles.size();
    return x != y ? x < y : a.bigram < b.bigram;
  });
  // A title sharing `need` bigrams shares one of the first few: the
  // bigrams left after them occur fewer than `need` times in the query.
  // (Bigrams no title has cannot be shared and do not count.)
  size_t remaining = 0;
  for (const Gram& gram : distinct) remaining += gram.repeats;
  std::vector<uint32_t> found;
  for (const Gram& gram : distinct) {
    if (remaining < need) break;
    remaining -= gram.repeats;
    if (!groups.empty()) SortByGroup(*gram.postings);
    const std::vector<uint32_t>& list = gram.postings->titles;
    if (groups.empty()) found.insert(found.end(), list.begin(), list.end());
    for (uint32_t group : groups) {
      const auto begin = std::lower_bound(
          list.begin(), list.end(), group,
          [this](uint32_t t, uint32_t g) { return groups_[t] < g; });
      const auto end = std::upper_bound(
          begin, list.end(), group,
          [this](uint32_t g, uint32_t t) { return g < groups_[t]; });
      found.insert(found.end(), begin, end);
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  for (uint32_t id : found) {
    const size_t m = titles_[id].size();
    if (m >= min_m && m <= max_m) out.push_back(id);
  }
  return out;
}

}  // namespace policygraph::internal

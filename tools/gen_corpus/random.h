// gen-corpus — deterministic random choices.
//
// std::mt19937_64's output sequence is fixed by the standard, but the
// std:: distributions are not: libstdc++ and libc++ turn the same bits into
// different numbers.  The generator promises byte-identical output for a
// seed on every platform, so every distribution it uses is here, built from
// raw engine output with integer arithmetic or exactly rounded IEEE
// operations (no pow/log, whose last bit differs between libms).
#ifndef POLICYGRAPH_GEN_CORPUS_RANDOM_H_
#define POLICYGRAPH_GEN_CORPUS_RANDOM_H_

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

namespace policygraph::gen {

class Random {
 public:
  explicit Random(uint64_t seed) : engine_(seed) {}

  uint64_t Bits() { return engine_(); }

  // Uniform in [0, n); 0 when n == 0.  Rejection keeps it unbiased.
  uint64_t Below(uint64_t n) {
    if (n <= 1) return 0;
    uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x;
    do x = engine_();
    while (x >= limit);
    return x % n;
  }

  // Uniform in [lo, hi].
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }

  // True with probability percent/100.
  bool Percent(int percent) {
    return Below(100) < static_cast<uint64_t>(percent);
  }

  // Uniform in [0, 1): the top 53 bits, exactly representable.
  double Unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }

  template <typename T>
  void Shuffle(std::vector<T>& items) {
    for (size_t i = items.size(); i > 1; --i)
      std::swap(items[i - 1], items[Below(i)]);
  }

 private:
  std::mt19937_64 engine_;
};

// Zipf-like ranks with exponent 1: P(rank r) ∝ 1/(r+1).  The cumulative
// table is built from divisions and sums only, so it is the same bits
// everywhere; sampling is a binary search.
class ZipfTable {
 public:
  explicit ZipfTable(size_t n) {
    cumulative_.reserve(n);
    double sum = 0;
    for (size_t r = 0; r < n; ++r) {
      sum += 1.0 / static_cast<double>(r + 1);
      cumulative_.push_back(sum);
    }
  }

  size_t size() const { return cumulative_.size(); }

  // A rank in [0, limit) (limit capped at size()); 0 when empty.
  size_t Sample(Random& random, size_t limit) const {
    limit = std::min(limit, cumulative_.size());
    if (limit <= 1) return 0;
    double u = random.Unit() * cumulative_[limit - 1];
    auto it =
        std::upper_bound(cumulative_.begin(), cumulative_.begin() + limit, u);
    return std::min<size_t>(it - cumulative_.begin(), limit - 1);
  }

 private:
  std::vector<double> cumulative_;
};

}  // namespace policygraph::gen

#endif  // POLICYGRAPH_GEN_CORPUS_RANDOM_H_

// Folding a directive's text and counting its grams, the steps coverage
// alignment repeats for every directive of every alignment: every
// directive of the bundled corpus, folded or counted once per iteration.
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "policygraph/directives.h"
#include "policygraph/pipeline.h"

#include "fold_internal.h"
#include "gram_count.h"

namespace pg = policygraph;

namespace {

const std::vector<std::string>& Directives() {
  static const auto* texts = [] {
    auto* out = new std::vector<std::string>();
    const pg::Corpus corpus = pg::LoadCorpus({PG_CORPUS_DIR});
    for (const pg::ParsedFile& file : corpus.files)
      for (const pg::DirectiveTree& tree : file.directives)
        for (size_t i = 0; i < tree.nodes.size(); ++i)
          out->push_back(
              pg::DirectiveText(file.source, tree, static_cast<int>(i)));
    return out;
  }();
  return *texts;
}

const std::vector<std::u32string>& FoldedDirectives() {
  static const auto* texts = [] {
    auto* out = new std::vector<std::u32string>();
    for (const std::string& text : Directives())
      out->push_back(pg::internal::FoldForMatchCodePoints(text));
    return out;
  }();
  return *texts;
}

// Runs `step` over every text per iteration; `step` returns a size, kept
// so the work is not optimized away.  The rate counts the texts' units.
template <typename Text, typename Step>
void TimeEachText(benchmark::State& state, const std::vector<Text>& texts,
                  const char* units_per_second, Step step) {
  size_t units = 0, made = 0;
  for (const Text& text : texts) units += text.size();
  for (auto _ : state)
    for (const Text& text : texts) made += step(text);
  benchmark::DoNotOptimize(made);
  state.counters["directives"] = static_cast<double>(texts.size());
  state.counters[units_per_second] = benchmark::Counter(
      static_cast<double>(units) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
}

void BM_FoldForMatch(benchmark::State& state) {
  TimeEachText(state, Directives(), "bytes/s", [](const std::string& text) {
    return pg::internal::FoldForMatchCodePoints(text).size();
  });
}
BENCHMARK(BM_FoldForMatch)->Unit(benchmark::kMillisecond);

void BM_CountGrams(benchmark::State& state) {
  TimeEachText(state, FoldedDirectives(), "code points/s",
               [](const std::u32string& text) {
                 return pg::internal::CountGrams(text).size();
               });
}
BENCHMARK(BM_CountGrams)->Unit(benchmark::kMillisecond);

}  // namespace

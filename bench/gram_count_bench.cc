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

void BM_FoldForMatch(benchmark::State& state) {
  const std::vector<std::string>& texts = Directives();
  size_t bytes = 0, code_points = 0;
  for (const std::string& text : texts) bytes += text.size();
  for (auto _ : state)
    for (const std::string& text : texts)
      code_points += pg::internal::FoldForMatchCodePoints(text).size();
  benchmark::DoNotOptimize(code_points);
  state.counters["directives"] = static_cast<double>(texts.size());
  state.counters["bytes/s"] = benchmark::Counter(
      static_cast<double>(bytes) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FoldForMatch)->Unit(benchmark::kMillisecond);

void BM_CountGrams(benchmark::State& state) {
  const std::vector<std::u32string>& texts = FoldedDirectives();
  size_t code_points = 0, grams = 0;
  for (const std::u32string& text : texts) code_points += text.size();
  for (auto _ : state)
    for (const std::u32string& text : texts)
      grams += pg::internal::CountGrams(text).size();
  benchmark::DoNotOptimize(grams);
  state.counters["directives"] = static_cast<double>(texts.size());
  state.counters["code points/s"] =
      benchmark::Counter(static_cast<double>(code_points) *
                             static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CountGrams)->Unit(benchmark::kMillisecond);

}  // namespace

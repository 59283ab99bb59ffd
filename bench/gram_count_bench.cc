// Counting a directive's grams, the step coverage alignment repeats for
// every directive of every alignment: the folded text of every directive
// of the bundled corpus, counted once per iteration (folding is apart).
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "policygraph/directives.h"
#include "policygraph/pipeline.h"

#include "fold_internal.h"
#include "gram_count.h"

namespace pg = policygraph;

namespace {

const std::vector<std::u32string>& FoldedDirectives() {
  static const auto* texts = [] {
    auto* out = new std::vector<std::u32string>();
    const pg::Corpus corpus = pg::LoadCorpus({PG_CORPUS_DIR});
    for (const pg::ParsedFile& file : corpus.files)
      for (const pg::DirectiveTree& tree : file.directives)
        for (size_t i = 0; i < tree.nodes.size(); ++i)
          out->push_back(pg::internal::FoldForMatchCodePoints(
              pg::DirectiveText(file.source, tree, static_cast<int>(i))));
    return out;
  }();
  return *texts;
}

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

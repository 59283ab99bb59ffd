// Growth of directive alignment: MeasureCoverage of every parent that has
// implementing documents, over generated corpora of 1×, 4× and 16× the
// text (and so about that many directives).  The counter s/directive
// staying flat is what "near-linear" means; the bound is 16× the
// directives in at most 24× the time.
//
// The corpora are generated into a temporary folder once per size, loaded
// and built outside the timed loop; the loop times alignment alone.
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#include "policygraph/coverage.h"
#include "policygraph/graph.h"
#include "policygraph/pipeline.h"

#include "generated_corpus.h"

namespace pg = policygraph;
namespace fs = std::filesystem;

namespace {

constexpr uint64_t kBaseBytes = 2ull << 20;

struct Workload {
  pg::Corpus corpus;
  std::vector<std::pair<std::string, std::vector<std::string>>> parents;
  int64_t directives = 0;  // aligned: every parent's plus every child's
};

const Workload& WorkloadOf(int scale) {
  static std::map<int, Workload>* cache = new std::map<int, Workload>();
  auto it = cache->find(scale);
  if (it != cache->end()) return it->second;
  fs::path dir =
      GenerateCorpusInto(kBaseBytes * static_cast<uint64_t>(scale), "coverage");
  Workload& w = (*cache)[scale];
  w.corpus = pg::LoadCorpus({dir.string()});
  fs::remove_all(dir);
  std::vector<pg::CoverageReport> reports;
  pg::PolicyGraph graph = pg::BuildGraph(w.corpus, &reports);
  for (const pg::CoverageReport& r : reports) {
    w.parents.emplace_back(r.parent,
                           pg::ImplementingDocuments(graph, r.parent));
    w.directives += static_cast<int64_t>(r.total);
    for (const std::string& child : r.children) {
      const pg::DirectiveTree* tree = nullptr;
      if (w.corpus.FindDocument(child, nullptr, &tree))
        w.directives +=
            static_cast<int64_t>(pg::CoverageDirectives(*tree).size());
    }
  }
  return w;
}

void BM_AlignEveryParent(benchmark::State& state) {
  const Workload& w = WorkloadOf(static_cast<int>(state.range(0)));
  size_t pairs = 0;
  for (auto _ : state) {
    for (const auto& [parent, children] : w.parents) {
      pg::CoverageReport r = pg::MeasureCoverage(w.corpus, parent, children);
      for (const pg::DirectiveCoverage& d : r.directives)
        pairs += d.implemented_by.size();
    }
  }
  benchmark::DoNotOptimize(pairs);
  state.counters["parents"] = static_cast<double>(w.parents.size());
  state.counters["directives"] = static_cast<double>(w.directives);
  state.counters["s/directive"] = benchmark::Counter(
      static_cast<double>(w.directives) *
          static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_AlignEveryParent)
    ->Arg(1)
    ->Arg(4)
    ->Arg(16)
    ->Unit(benchmark::kMillisecond);

}  // namespace

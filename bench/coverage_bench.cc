// Growth of directive alignment: MeasureCoverage of every parent that has
// implementing documents, over generated corpora of 1×, 4× and 16× the
// text (and so about that many directives).  The counter s/directive
// staying flat is what "near-linear" means; the bound is 16× the
// directives in at most 24× the time.
//
// The corpora are generated into a temporary folder once per size, loaded
// and built outside the timed loop; the loop times alignment alone.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#include "policygraph/coverage.h"
#include "policygraph/graph.h"
#include "policygraph/pipeline.h"

#include "gen_corpus/generator.h"
#include "gen_corpus/material.h"

namespace pg = policygraph;
namespace fs = std::filesystem;

namespace {

constexpr uint64_t kBaseBytes = 2ull << 20;

struct Workload {
  pg::Corpus corpus;
  std::vector<std::pair<std::string, std::vector<std::string>>> parents;
  int64_t directives = 0;  // aligned: every parent's plus every child's
};

fs::path GenerateInto(uint64_t bytes) {
  static const pg::gen::Material* material = [] {
    auto* m = new pg::gen::Material();
    std::string error;
    if (!pg::gen::HarvestMaterial({PG_CORPUS_DIR}, *m, error)) std::abort();
    return m;
  }();
  fs::path dir = fs::temp_directory_path() /
                 ("policygraph-coverage-bench-" + std::to_string(getpid()) +
                  "-" + std::to_string(bytes));
  fs::create_directories(dir);
  pg::gen::GenerateOptions options;
  options.target_bytes = bytes;
  options.seed = 1;
  pg::gen::Manifest manifest;
  pg::gen::GenerateCorpus(
      options, *material,
      [&](const std::string& name, std::string_view text) {
        std::ofstream(dir / name, std::ios::binary)
            .write(text.data(), static_cast<std::streamsize>(text.size()));
        return true;
      },
      manifest);
  return dir;
}

const Workload& WorkloadOf(int scale) {
  static std::map<int, Workload>* cache = new std::map<int, Workload>();
  auto it = cache->find(scale);
  if (it != cache->end()) return it->second;
  fs::path dir = GenerateInto(kBaseBytes * static_cast<uint64_t>(scale));
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

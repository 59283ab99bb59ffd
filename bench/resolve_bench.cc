// Resolution of cited titles against a corpus, swept over its size.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "policygraph/decode.h"
#include "policygraph/pipeline.h"
#include "policygraph/resolve.h"

#include "fourfold.h"
#include "generated_corpus.h"

namespace pg = policygraph;

namespace {

// Times ResolveReferences on a copy of `parsed` each round; making the copy
// and freeing it are not the resolver's work and stay outside the timing.
void ResolveCopies(benchmark::State& state, const pg::Corpus& parsed) {
  for (auto _ : state) {
    state.PauseTiming();
    pg::Corpus corpus = parsed;
    state.ResumeTiming();
    pg::Resolution resolution = pg::ResolveReferences(corpus);
    benchmark::DoNotOptimize(&resolution);
    state.PauseTiming();
    corpus = {};
    state.ResumeTiming();
  }
}

// N notices of one issuer whose titles differ in a number alone (做好第i项重点
// 工作的通知), each citing a title no document has (做好第i项工作的通知): every
// citation is looked up fuzzily among a family of N near-identical titles,
// all of which its number rules out.  The time per citation must stay flat
// as N grows.
void BM_ResolveTitleFamily(benchmark::State& state) {
  std::string text;
  for (int64_t i = 0; i < state.range(0); ++i) {
    const std::string n = std::to_string(i + 1);
    text += "重庆市人民政府\n重庆市人民政府关于做好第" + n +
            "项重点工作的通知\n渝府发〔2019〕" + n +
            "号\n各区县（自治县）人民政府：\n根据《重庆市人民政府关于做好第" +
            n + "项工作的通知》，推进。\n重庆市人民政府\n2019年1月5日\n";
  }
  const pg::DecodeResult r = pg::DecodeText(text, "bench.txt");
  pg::Corpus parsed;
  parsed.files.push_back(pg::ParseSource(r.source, parsed.diagnostics));
  ResolveCopies(state, parsed);
  state.counters["citations/s"] =
      benchmark::Counter(static_cast<double>(state.range(0)) *
                             static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ResolveTitleFamily)->Apply(Fourfold<1000>);

// Every reference of a generated corpus of 4, 16 and 64 MB resolved, the
// resolver's indexes of every document's numbers and titles included: the
// step `refs` and `build` run on one thread after the parallel parse.  The
// corpus is parsed once per size; each round resolves a copy.
void BM_ResolveGeneratedCorpus(benchmark::State& state) {
  static auto* parsed = new std::map<int64_t, pg::Corpus>();
  pg::Corpus& base = (*parsed)[state.range(0)];
  if (base.files.empty()) {
    const std::filesystem::path dir = GenerateCorpusInto(
        static_cast<uint64_t>(state.range(0)) << 20, "resolve");
    pg::LoadOptions options;
    options.drop_trees = true;
    base = pg::LoadCorpus({dir.string()}, options);
    std::filesystem::remove_all(dir);
  }
  size_t documents = 0, references = 0;
  for (const pg::ParsedFile& f : base.files) {
    documents += f.documents.size();
    references += f.references.size();
  }
  ResolveCopies(state, base);
  const double rounds = static_cast<double>(state.iterations());
  state.counters["documents/s"] = benchmark::Counter(
      static_cast<double>(documents) * rounds, benchmark::Counter::kIsRate);
  state.counters["references/s"] = benchmark::Counter(
      static_cast<double>(references) * rounds, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ResolveGeneratedCorpus)->Apply(Fourfold<4>);

}  // namespace

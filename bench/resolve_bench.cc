// Resolution of cited titles against a corpus, swept over its size.
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "policygraph/decode.h"
#include "policygraph/pipeline.h"
#include "policygraph/resolve.h"

#include "fourfold.h"

namespace pg = policygraph;

namespace {

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
  for (auto _ : state) {
    state.PauseTiming();
    pg::Corpus corpus = parsed;
    state.ResumeTiming();
    pg::Resolution resolution = pg::ResolveReferences(corpus);
    benchmark::DoNotOptimize(&resolution);
  }
  state.counters["citations/s"] =
      benchmark::Counter(static_cast<double>(state.range(0)) *
                             static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ResolveTitleFamily)->Apply(Fourfold<1000>);

}  // namespace

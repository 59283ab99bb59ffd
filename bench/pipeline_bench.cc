// Throughput of the first pipeline stages over the bundled corpus, swept
// over input size by concatenating the corpus texts k times.
#include <string>

#include <benchmark/benchmark.h>

#include "policygraph/decode.h"
#include "policygraph/directives.h"
#include "policygraph/segment.h"

namespace pg = policygraph;

namespace {

// The corpus as one byte string, k copies.
std::string CorpusBytes(int copies) {
  pg::InputList inputs = pg::ListInputFiles({PG_CORPUS_DIR});
  std::string one;
  for (const std::string& f : inputs.files) {
    pg::DecodeResult r = pg::ReadSourceFile(f);
    if (r.ok) one += r.source.text;
  }
  std::string all;
  for (int i = 0; i < copies; ++i) all += one;
  return all;
}

void BM_Decode(benchmark::State& state) {
  std::string bytes = CorpusBytes(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    pg::DecodeResult r = pg::DecodeText(bytes, "corpus");
    benchmark::DoNotOptimize(r.source.text.data());
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(bytes.size()));
}
BENCHMARK(BM_Decode)->Arg(1)->Arg(4)->Arg(16)->Unit(benchmark::kMillisecond);

void BM_SegmentAndStructure(benchmark::State& state) {
  pg::DecodeResult r =
      pg::DecodeText(CorpusBytes(static_cast<int>(state.range(0))), "corpus");
  int64_t documents = 0;
  for (auto _ : state) {
    pg::Segmentation seg = pg::SegmentGazette(r.source);
    for (const pg::Document& d : seg.documents) {
      pg::DirectiveTree tree = pg::ParseDirectives(r.source, d);
      benchmark::DoNotOptimize(tree.nodes.data());
    }
    documents += static_cast<int64_t>(seg.documents.size());
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(r.source.text.size()));
  state.counters["documents/s"] = benchmark::Counter(
      static_cast<double>(documents), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SegmentAndStructure)
    ->Arg(1)
    ->Arg(4)
    ->Arg(16)
    ->Unit(benchmark::kMillisecond);

}  // namespace

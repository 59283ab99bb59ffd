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

// One document whose numbering restarts N times (一、 二、 三、 again and
// again, as a plan of many appended tables does): each restart's ids take
// the next free suffix, so the time per item must stay flat as N grows.
void BM_RestartedNumbering(benchmark::State& state) {
  std::string text =
      "重庆市人民政府\n关于某某工作的意见\n\n渝府发〔2023〕7号\n\n"
      "各区县（自治县）人民政府：\n\n";
  for (int64_t i = 0; i < state.range(0); ++i)
    text += "一、推进建设。\n二、加强管理。\n三、完善制度。\n";
  pg::DecodeResult r = pg::DecodeText(text, "restarts.txt");
  const pg::Segmentation seg = pg::SegmentGazette(r.source);
  for (auto _ : state) {
    pg::DirectiveTree tree = pg::ParseDirectives(r.source, seg.documents.at(0));
    benchmark::DoNotOptimize(tree.nodes.data());
  }
  state.counters["items/s"] =
      benchmark::Counter(static_cast<double>(3 * state.range(0)) *
                             static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RestartedNumbering)
    ->Arg(1000)
    ->Arg(4000)
    ->Arg(16000)
    ->Unit(benchmark::kMillisecond);

}  // namespace

// Throughput of the first pipeline stages over the bundled corpus, swept
// over input size by concatenating the corpus texts k times.
#include <string>

#include <benchmark/benchmark.h>

#include "policygraph/decode.h"
#include "policygraph/directives.h"
#include "policygraph/pipeline.h"
#include "policygraph/segment.h"

#include "fourfold.h"

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
BENCHMARK(BM_Decode)->Apply(Fourfold<1>);

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
BENCHMARK(BM_SegmentAndStructure)->Apply(Fourfold<1>);

// A gazette of one document: a header (issuer, `title`, number and
// addressee), then `body`.
std::string OneDocument(const std::string& title, const std::string& body) {
  return "重庆市人民政府\n" + title +
         "\n\n渝府发〔2023〕7号\n\n各区县（自治县）人民政府：\n\n" + body;
}

// Runs `step` on `source` per iteration, counting `units` of it as
// `counter`.
template <typename Step>
void TimeOnText(benchmark::State& state, const pg::SourceText& source,
                double units, const char* counter, Step step) {
  for (auto _ : state) step(source);
  state.counters[counter] =
      benchmark::Counter(units * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}

// The directive tree of the one document of `text`, per iteration (the
// segmentation made once, outside the timing).
void TimeOneTree(benchmark::State& state, const std::string& text, double units,
                 const char* counter) {
  const pg::DecodeResult r = pg::DecodeText(text, "bench.txt");
  const pg::Segmentation seg = pg::SegmentGazette(r.source);
  TimeOnText(state, r.source, units, counter,
             [&](const pg::SourceText& source) {
               pg::DirectiveTree tree =
                   pg::ParseDirectives(source, seg.documents.at(0));
               benchmark::DoNotOptimize(tree.nodes.data());
             });
}

// The whole parse of `text` (documents, trees, references) per iteration.
void TimeParse(benchmark::State& state, const std::string& text, double units,
               const char* counter) {
  const pg::DecodeResult r = pg::DecodeText(text, "bench.txt");
  TimeOnText(state, r.source, units, counter, [](const pg::SourceText& source) {
    std::vector<pg::Diagnostic> diagnostics;
    pg::ParsedFile parsed = pg::ParseSource(source, diagnostics);
    benchmark::DoNotOptimize(parsed.references.data());
  });
}

// One document whose numbering restarts N times (一、 二、 三、 again and
// again, as a plan of many appended tables does): each restart's ids take
// the next free suffix, so the time per item must stay flat as N grows.
void BM_RestartedNumbering(benchmark::State& state) {
  std::string body;
  for (int64_t i = 0; i < state.range(0); ++i)
    body += "一、推进建设。\n二、加强管理。\n三、完善制度。\n";
  TimeOneTree(state, OneDocument("关于某某工作的意见", body),
              3.0 * static_cast<double>(state.range(0)), "items/s");
}
BENCHMARK(BM_RestartedNumbering)->Apply(Fourfold<1000>);

// A notice issuing a plan whose signature date is lost (as PDF extraction
// loses lines): every 《title》 of the document may then name an issued
// plan, and every short line may start one.  The time per title must stay
// flat as their number N grows.
void BM_NoticeOfManyTitles(benchmark::State& state) {
  std::string body;
  for (int64_t i = 0; i < state.range(0); ++i) {
    body += "根据《重庆市第" + std::to_string(i) + "号专项规划》要求。\n";
    if (i % 10 == 0) body += "重庆市第" + std::to_string(i) + "号专项\n";
  }
  TimeOneTree(state, OneDocument("关于印发某某方案的通知", body),
              static_cast<double>(state.range(0)), "titles/s");
}
BENCHMARK(BM_NoticeOfManyTitles)->Apply(Fourfold<1000>);

// One document defining N abbreviations (以下简称《…》) and using each: every
// title mention looks the abbreviations up, so the time per abbreviation
// must stay flat as N grows.
void BM_AbbreviationsOfOneDocument(benchmark::State& state) {
  std::string body;
  for (int64_t i = 0; i < state.range(0); ++i) {
    const std::string n = std::to_string(i);
    body += "根据《重庆市第" + n + "号专项方案》（以下简称《" + n +
            "号方案》），落实《" + n + "号方案》。\n";
  }
  TimeParse(state, OneDocument("关于某某工作的意见", body),
            static_cast<double>(state.range(0)), "abbreviations/s");
}
BENCHMARK(BM_AbbreviationsOfOneDocument)->Apply(Fourfold<1000>);

// A gazette of N short documents, each listed in its contents and none
// citing a 《title》: the time per document must stay flat as N grows.
void BM_GazetteOfManyDocuments(benchmark::State& state) {
  std::string contents = "重庆市人民政府公报\n\n目 录\n\n【市政府文件】\n\n";
  std::string documents;
  for (int64_t i = 0; i < state.range(0); ++i) {
    const std::string n = std::to_string(i);
    contents += "重庆市人民政府关于做好第" + n + "项工作的通知..... (9)\n\n";
    documents += "重庆市人民政府\n关于做好第" + n +
                 "项工作的通知\n渝府发〔2019〕" + std::to_string(i + 1) +
                 "号\n各区县（自治县）人民政府：\n推进。\n重庆市人民政府\n"
                 "2019年1月5日\n";
  }
  TimeParse(state, contents + documents, static_cast<double>(state.range(0)),
            "documents/s");
}
BENCHMARK(BM_GazetteOfManyDocuments)->Apply(Fourfold<500>);

}  // namespace

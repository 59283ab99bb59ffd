// The sweep of the benchmarks that show a stage's cost growing linearly:
// N, 4N and 16N, in milliseconds.  `BENCHMARK(BM_X)->Apply(Fourfold<N>)`.
#ifndef POLICYGRAPH_BENCH_FOURFOLD_H_
#define POLICYGRAPH_BENCH_FOURFOLD_H_

#include <cstdint>

#include <benchmark/benchmark.h>

template <int64_t N>
void Fourfold(benchmark::internal::Benchmark* b) {
  b->Arg(N)->Arg(4 * N)->Arg(16 * N)->Unit(benchmark::kMillisecond);
}

#endif  // POLICYGRAPH_BENCH_FOURFOLD_H_

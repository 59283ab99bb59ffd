// A generated corpus of about `bytes` of gazette text (seed 1), written
// into a fresh temporary folder, for benchmarks that need a realistic
// corpus larger than the bundled one.  The caller loads and removes it.
#ifndef POLICYGRAPH_BENCH_GENERATED_CORPUS_H_
#define POLICYGRAPH_BENCH_GENERATED_CORPUS_H_

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "gen_corpus/generator.h"
#include "gen_corpus/material.h"

inline std::filesystem::path GenerateCorpusInto(uint64_t bytes,
                                                std::string_view tag) {
  namespace pg = policygraph;
  static const pg::gen::Material* material = [] {
    auto* m = new pg::gen::Material();
    std::string error;
    if (!pg::gen::HarvestMaterial({PG_CORPUS_DIR}, *m, error)) std::abort();
    return m;
  }();
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("policygraph-" + std::string(tag) + "-bench-" +
       std::to_string(getpid()) + "-" + std::to_string(bytes));
  std::filesystem::create_directories(dir);
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

#endif  // POLICYGRAPH_BENCH_GENERATED_CORPUS_H_

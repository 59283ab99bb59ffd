// gen-corpus: flags → material → GenerateCorpus → gazette files + manifest.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "gen_corpus/generator.h"
#include "gen_corpus/material.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;

// 10M, 1G, 2G, 512K, 2000000 → bytes (binary multiples).
bool ParseSize(const std::string& text, uint64_t& bytes) {
  if (text.empty()) return false;
  size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9')
    ++digits;
  if (digits == 0 || digits > 12) return false;
  uint64_t n = std::stoull(text.substr(0, digits));
  std::string unit = text.substr(digits);
  if (unit.size() == 2 && (unit[1] == 'B' || unit[1] == 'b')) unit.resize(1);
  if (unit.empty() || unit == "B") {
    bytes = n;
  } else if (unit == "K" || unit == "k") {
    bytes = n << 10;
  } else if (unit == "M" || unit == "m") {
    bytes = n << 20;
  } else if (unit == "G" || unit == "g") {
    bytes = n << 30;
  } else {
    return false;
  }
  return bytes > 0;
}

bool WriteFile(const std::string& path, std::string_view text) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return false;
  bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  return std::fclose(f) == 0 && ok;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "gen-corpus: grows a synthetic Chongqing gazette corpus from the "
      "bundled texts, for benchmarks and scale tests.\n\n"
      "It writes gazette issues (DIR/gazette-000001.txt …, a few MB each) "
      "with a 目录, documents of the municipal government, 38 districts and "
      "counties and their departments, each with its own 机关代字 and "
      "numbers sequential per issuer and year (万州府办发〔2023〕12号).  "
      "District documents cite municipal hubs (Zipf-like: the first ones are "
      "cited by a large share of the corpus), implement them by "
      "paraphrasing their directives, and localize them as counterparts "
      "(重庆市X方案 → 万州区X方案); all cite national laws that resolve to "
      "external nodes.  Text carries PDF noise: broken lines, stray spaces, "
      "half-width punctuation.\n\n"
      "Output is a function of --seed, --size and the texts grown from: "
      "the same arguments give the same bytes on every machine.  Memory "
      "stays flat whatever the size.  DIR/manifest.json says what was "
      "written (documents, references, implements pairs, counterparts, top "
      "hub), so a run of the pipeline can be checked against it.\n\n"
      "Examples:\n"
      "  tools/gen-corpus --size 10M -o /tmp/corpus-10m\n"
      "  tools/gen-corpus --size 1G --seed 7 -o /tmp/corpus-1g\n"
      "  build/policygraph refs /tmp/corpus-10m --format jsonl | head\n\n"
      "Exit codes: 0 ok, 2 usage or I/O error"};
  std::string size_text = "10M";
  std::string out_dir;
  std::string corpus_dir = GEN_CORPUS_DEFAULT_CORPUS;
  uint64_t seed = 1;
  std::string gazette_text;
  bool quiet = false;
  app.add_option("--size,-s", size_text,
                 "total bytes to write: 10M, 512K, 1G, 2G (±1 document)")
      ->capture_default_str();
  app.add_option("--seed", seed, "random seed; same seed, same bytes")
      ->capture_default_str();
  app.add_option("-o,--output", out_dir,
                 "folder to write the gazettes and manifest.json into "
                 "(created if missing; gazette-*.txt and manifest.json of an "
                 "earlier run there are removed first)")
      ->required();
  app.add_option("--corpus", corpus_dir,
                 "texts (files or folders of *.txt) to harvest sentences and "
                 "topics from")
      ->capture_default_str();
  app.add_option("--gazette-size", gazette_text,
                 "bytes per district issue (default: size/8 within 256K–4M)");
  app.add_flag("--quiet,-q", quiet, "print nothing on success");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help, version or the error
    return code == 0 ? kExitOk : kExitUsage;
  }

  policygraph::gen::GenerateOptions options;
  options.seed = seed;
  if (!ParseSize(size_text, options.target_bytes)) {
    std::fprintf(stderr, "gen-corpus: error: bad --size '%s' (try 10M, 1G)\n",
                 size_text.c_str());
    return kExitUsage;
  }
  if (!gazette_text.empty() &&
      !ParseSize(gazette_text, options.gazette_bytes)) {
    std::fprintf(stderr, "gen-corpus: error: bad --gazette-size '%s'\n",
                 gazette_text.c_str());
    return kExitUsage;
  }
  policygraph::gen::Material material;
  std::string error;
  if (!policygraph::gen::HarvestMaterial({corpus_dir}, material, error)) {
    std::fprintf(stderr, "gen-corpus: error: %s: %s\n", corpus_dir.c_str(),
                 error.c_str());
    return kExitUsage;
  }
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) {
    std::fprintf(stderr, "gen-corpus: error: cannot create %s: %s\n",
                 out_dir.c_str(), ec.message().c_str());
    return kExitUsage;
  }
  // A smaller run into the folder of a larger one must not leave the old
  // issues behind to be read with the new: remove what a run writes.
  for (const auto& entry : std::filesystem::directory_iterator(out_dir, ec)) {
    std::string name = entry.path().filename().string();
    if ((name.starts_with("gazette-") && name.ends_with(".txt")) ||
        name == "manifest.json")
      std::filesystem::remove(entry.path(), ec);
  }
  std::string failed;
  auto sink = [&](const std::string& name, std::string_view text) {
    std::string path = out_dir + "/" + name;
    if (WriteFile(path, text)) return true;
    failed = path;
    return false;
  };
  policygraph::gen::Manifest manifest;
  if (!policygraph::gen::GenerateCorpus(options, material, sink, manifest)) {
    std::fprintf(stderr, "gen-corpus: error: cannot write %s: %s\n",
                 failed.c_str(), std::strerror(errno));
    return kExitUsage;
  }
  std::string json = policygraph::gen::ManifestJson(manifest) + "\n";
  if (!WriteFile(out_dir + "/manifest.json", json)) {
    std::fprintf(stderr, "gen-corpus: error: cannot write %s/manifest.json\n",
                 out_dir.c_str());
    return kExitUsage;
  }
  if (!quiet) std::fputs(json.c_str(), stdout);
  return kExitOk;
}

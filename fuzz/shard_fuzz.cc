// Fuzzes the shard reader: shards come from other machines, so ReadShard
// is the scale-out path's front door.  An input that starts like a shard
// is read as one.  Any other input is taken as a gazette text, made into
// the shard `extract` would write (which must read back field for field),
// and then damaged at one byte the input's first bytes choose, so the
// reader sees realistic shards broken everywhere.  Whatever ReadShard
// accepts must write and read back to the same batch, and must go through
// AssembleCorpus and BuildGraph, which trust a shard as they trust
// ParseFiles (shard.h's invariants).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "policygraph/coverage.h"
#include "policygraph/decode.h"
#include "policygraph/graph.h"
#include "policygraph/pipeline.h"
#include "policygraph/shard.h"

#include "fuzz_check.h"

namespace pg = policygraph;
using pg::fuzz::AsText;

namespace {

// The shard extract writes for `text`, checked to read back whole.
std::string ShardOf(std::string_view text) {
  pg::FileBatch batch;
  batch.listed = 1;
  batch.listing = pg::ListingFingerprint({"fuzz.txt"});
  pg::FileResult& file = batch.files.emplace_back();
  file.input = "fuzz.txt";
  pg::DecodeResult decoded = pg::DecodeText(text, "fuzz.txt");
  file.diagnostics = std::move(decoded.diagnostics);
  if (decoded.ok)
    file.parsed = pg::ParseSource(std::move(decoded.source), file.diagnostics);
  std::string shard = pg::WriteShard(batch);
  pg::ShardResult read = pg::ReadShard(shard, "clean.jsonl");
  FUZZ_CHECK(read.ok, "ReadShard refuses a shard WriteShard wrote");
  FUZZ_CHECK(read.batch == batch, "a written shard reads back different");
  return shard;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input = AsText(data, size);
  std::string shard;
  if (input.starts_with("{\"format\"")) {
    shard = std::string(input);
  } else {
    shard = ShardOf(input);
    pg::fuzz::DamageOneByte(shard, data, size);
  }
  pg::ShardResult read = pg::ReadShard(shard, "fuzz.jsonl");
  if (!read.ok) {
    FUZZ_CHECK(!read.error.message.empty(), "a refusal without a message");
    return 0;
  }
  pg::ShardResult again = pg::ReadShard(pg::WriteShard(read.batch), "again");
  FUZZ_CHECK(again.ok, "an accepted shard does not write back readable");
  FUZZ_CHECK(again.batch == read.batch,
             "an accepted shard does not round-trip");
  std::vector<pg::FileBatch> batches;
  batches.push_back(std::move(read.batch));
  FUZZ_CHECK(pg::CheckShardParts(batches, {"fuzz.jsonl"}).empty() ||
                 batches.front().parts > 1,
             "a whole listing is refused as an incomplete split");
  const pg::Corpus corpus = pg::AssembleCorpus(std::move(batches));
  std::vector<pg::CoverageReport> coverage;
  pg::BuildGraph(corpus, &coverage);
  return 0;
}

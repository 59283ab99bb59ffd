// policygraph — shards: the per-file half of the pipeline, saved to disk.
//
// Everything up to the references looks at one file alone, so it can run
// on many machines: `policygraph extract` writes what ParseFiles computes
// for its inputs as a shard, and `policygraph merge` reads shards back,
// joins them with AssembleCorpus and goes on as `build` does.  A shard is
// JSON Lines, one object a line, in this order:
//
//   {"format":"policygraph-shard","version":2,"part":1,"parts":3,
//    "listed":5,"listing":"9f3c…"}
//   {"type":"diagnostic","severity":"error","file":"gone.txt",…}
//   {"type":"file","input":"corpus/a.txt","diagnostics":[…],
//    "parsed":{"toc":[…],"documents":[…],"directives":[…],
//              "references":[…],"source":{"path":"corpus/a.txt",
//              "encoding":"UTF-8","text":"…"}}}
//   {"type":"end","files":1,"diagnostics":1}
//
// The header says which part of the input listing the shard holds (K and
// N of `extract --part K/N`, 1 and 1 without it), how many files the whole
// listing held and its fingerprint, so `merge` refuses a split with a part
// missing or given twice.  `diagnostic` records are the input listing's, `file`
// records one input each (`parsed` null when the file could not be read or
// decoded), and `end` counts both, so a shard cut at a line end is refused as
// surely as one cut inside a record.  Every struct of model.h is an object with
// its field names as keys, enumerators by name (`"level":"district"`), spans as
// [offset, length].  `source.text` is the decoded text, which every span and
// line number points into; line starts are recomputed on reading.  References
// are stored as extracted: the resolve fields (target, target_kind, tier,
// score) are not, because merge resolves over the whole corpus again.  A string
// that is not UTF-8 (a file name in GBK) is written as {"hex":"…"} so it comes
// back byte for byte.
//
// Invariants: ReadShard(WriteShard(b)) gives back `b` field for field;
// ReadShard accepts only what WriteShard can write (spans inside the text,
// lines inside the file, directive links inside their tree), so later
// stages can trust a shard as they trust ParseFiles.  No exception crosses
// this API.
#ifndef POLICYGRAPH_SHARD_H_
#define POLICYGRAPH_SHARD_H_

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "policygraph/model.h"
#include "policygraph/pipeline.h"

namespace policygraph {

// Raised whenever a record changes shape; a reader refuses other versions
// rather than guessing.
inline constexpr int kShardVersion = 3;

// The shard of `batch`: every line ends in '\n'.
std::string WriteShard(const FileBatch& batch);

// Writes a shard a record at a time, so a shard of any size takes the
// memory of one file's record, not of the whole shard.  A writer given a
// batch's head and then each of its files writes WriteShard(batch).
class ShardWriter {
 public:
  // Writes the header and `head.diagnostics`; `head.files` is not read.
  ShardWriter(std::ostream& out, const FileBatch& head);
  void Add(const FileResult& file);
  // Writes the end record.  False when the stream failed at any point.
  bool Finish();

 private:
  std::ostream& out_;
  size_t files_ = 0;
  size_t diagnostics_ = 0;
  std::string line_;  // the record being written, its room kept
};

struct ShardResult {
  bool ok = false;  // false: `error` names the shard, the line and why
  FileBatch batch;
  Diagnostic error;  // severity kError, file = the shard's name
};

// Reads a shard from `bytes`; `name` is used in the error.
ShardResult ReadShard(std::string_view bytes, std::string_view name);

// Reads the shard file at `path` (an unreadable file is an error too).
// `each_text`, when given, gets each file's source as soon as its record
// is read and checked, and may let the text go (TextSpill::Keep).
ShardResult ReadShardFile(
    const std::string& path,
    const std::function<void(SourceText&)>& each_text = {});

// Shards to merge, named for messages: every part of a split extract
// (parts > 1) must be there once, and one listing split one way.
// Returns "" or the error, naming the shards and the parts missing.
// Shards of whole listings (1/1) of any files merge freely.
std::string CheckShardParts(const std::vector<FileBatch>& batches,
                            const std::vector<std::string>& names);

}  // namespace policygraph

#endif  // POLICYGRAPH_SHARD_H_

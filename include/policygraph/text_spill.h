// policygraph — source texts moved out of memory into one temporary file.
//
// `merge` has no input files to read its texts back from, as `build` does
// (LoadOptions::drop_texts): its shards carry them.  Holding every text
// made its peak 2.6x the input against build's 1.8x.  So merge writes each
// text, as its shard record is read, to one unnamed file, and coverage
// reads it back from there with ReadTextBack like a text build let go.
#ifndef POLICYGRAPH_TEXT_SPILL_H_
#define POLICYGRAPH_TEXT_SPILL_H_

#include <cstdint>
#include <optional>
#include <string>

#include "policygraph/model.h"

namespace policygraph {

class TextSpill {
 public:
  // An unnamed file in `folder` ($TMPDIR, as a rule): gone when the
  // process ends, however it ends.  nullopt, and an error naming the
  // folder, when none can be made there.
  static std::optional<TextSpill> Open(const std::string& folder,
                                       std::string* error);

  TextSpill(TextSpill&& other) noexcept;
  TextSpill& operator=(TextSpill&&) = delete;
  ~TextSpill();

  // Writes `source.text` at the end of the file and lets it go, noting in
  // `source.origin` where it went.  False, with the text kept as it was,
  // when it cannot be written (the folder's disk is full): the run goes on
  // with that text in memory.
  bool Keep(SourceText& source);

  // Ends the writing.  ReadTextBack refuses a file changed since its
  // origin was noted, so every text Keep let go must be given to Stamp
  // afterwards.  False, and an error, when the file cannot be read back
  // by its name; Restore then takes each text back into memory.
  bool Seal(std::string* error);
  void Stamp(SourceText& source) const;
  bool Restore(SourceText& source, std::string* error) const;

  // Whether `source`'s text was let go into this file.
  bool Holds(const SourceText& source) const;
  uint64_t bytes() const { return size_; }

 private:
  TextSpill(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}

  int fd_ = -1;
  std::string path_;  // /proc/self/fd/N: the file has no other name
  uint64_t size_ = 0;
  TextOrigin stamp_;  // the sealed file's size, inode and time
};

}  // namespace policygraph

#endif  // POLICYGRAPH_TEXT_SPILL_H_

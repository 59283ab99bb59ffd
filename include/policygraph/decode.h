// policygraph — decode: bytes on disk → SourceText (valid UTF-8, LF lines).
//
// Gazettes arrive as PDF-extracted text in whatever encoding the scraper
// produced.  DecodeText detects the encoding and converts once, so every
// later stage works on valid UTF-8 and may point into it with spans:
//
//   "\xEF\xBB\xBF渝府发〔2023〕7号\r\n"  →  text "渝府发〔2023〕7号\n",
//                                            encoding "UTF-8 (BOM)"
//
// Detection order: a BOM (UTF-8, UTF-16LE/BE) wins; else valid UTF-8; else
// GB18030 (a superset of GBK and GB2312) when at least 90% of the non-ASCII
// bytes form valid GB18030 sequences; else UTF-8 with every invalid byte
// replaced by U+FFFD and a warning naming file and line.  Data with NUL
// bytes or mostly control characters is refused as binary.
//
// Invariants: on success `source.text` is valid UTF-8 without BOM, CR or
// NUL, and `source.line_starts` indexes it.  No exception crosses this API.
#ifndef POLICYGRAPH_DECODE_H_
#define POLICYGRAPH_DECODE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policygraph/model.h"

namespace policygraph {

struct DecodeResult {
  bool ok = false;  // false: `diagnostics` holds an error, `source` is empty
  SourceText source;
  std::vector<Diagnostic> diagnostics;
};

// Decodes `bytes` read from `path` (used for messages and SourceText::path).
DecodeResult DecodeText(std::string_view bytes, std::string_view path);

// 64 MiB: far above any real gazette (the largest bundled one is under 1 MB)
// and small enough that a stray disk image is refused before it is read.
inline constexpr uint64_t kDefaultMaxFileSize = 64ull << 20;

// Reads and decodes one file.  Unreadable, oversized and binary files come
// back with ok == false and an error diagnostic naming the file.  With
// `origin`, *origin is also set when the text can be read back from the
// file (a regular file that holds it unchanged), and left empty otherwise.
DecodeResult ReadSourceFile(const std::string& path,
                            uint64_t max_file_size = kDefaultMaxFileSize,
                            std::optional<TextOrigin>* origin = nullptr);

// Bytes [begin, begin + length) of `source`'s text, read back from
// `origin` (a text let go after parsing).  Returns an error message naming the
// file when it cannot be read back as it was (no origin, gone, unreadable,
// changed since, or the range past its end).
std::optional<std::string> ReadTextBack(const SourceText& source,
                                        uint64_t begin, uint64_t length,
                                        std::string& out);

// The stamp ReadTextBack checks (size, inode, modification time) of the
// open file `fd`, to be read back under `path`; nullopt when fstat fails.
std::optional<TextOrigin> StampOpenFile(int fd, const std::string& path);

// The whole text of `source`, read back if it was let go ("" when it
// cannot be, and then ReadTextBack's reason in `*error` if given).
std::string WholeText(const SourceText& source, std::string* error = nullptr);

// Reads all of `path` into `bytes`, undecoded.  An unreadable or oversized
// file comes back as an error diagnostic naming it (and `bytes` is then
// not to be used).  With `origin`, a regular file's path, size, inode and
// modification time are noted in it.
std::optional<Diagnostic> ReadFileBytes(const std::string& path,
                                        uint64_t max_file_size,
                                        std::string& bytes,
                                        TextOrigin* origin = nullptr);

// ReadFileBytes a chunk at a time, for files read through rather than
// held (shards): `each` gets every chunk in order with the file's size
// (0 when it has none up front, as a pipe) and returns false to stop
// reading, which is no error.  The same errors as ReadFileBytes.
std::optional<Diagnostic> ReadFileChunks(
    const std::string& path, uint64_t max_file_size,
    const std::function<bool(std::string_view chunk, uint64_t size)>& each,
    TextOrigin* origin = nullptr);

struct InputList {
  std::vector<std::string> files;  // sorted, duplicates removed
  std::vector<Diagnostic> diagnostics;
};

// Expands files and folders into the text files to read: folders are walked
// recursively for `*.txt` (symlinked folders are not followed, so a symlink
// loop cannot hang the walk); a path that does not exist is an error
// diagnostic; a folder without texts is a warning.
InputList ListInputFiles(const std::vector<std::string>& paths);

// Builds `line_starts` for `source.text`.
void IndexLines(SourceText& source);

}  // namespace policygraph

#endif  // POLICYGRAPH_DECODE_H_

// Shared checks of the fuzz targets.
//
// A target states the invariants a stage's header promises and calls
// FUZZ_CHECK on each; a violation prints what broke and aborts, so libFuzzer
// reports it like a crash and saves the input.  Only documented invariants
// are checked: a fuzz finding should be a bug, not a difference of opinion.
#ifndef POLICYGRAPH_FUZZ_FUZZ_CHECK_H_
#define POLICYGRAPH_FUZZ_FUZZ_CHECK_H_

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "policygraph/model.h"

#define FUZZ_CHECK(condition, what)                                    \
  do {                                                                 \
    if (!(condition)) {                                                \
      ::policygraph::fuzz::Fail(__FILE__, __LINE__, #condition, what); \
    }                                                                  \
  } while (0)

namespace policygraph::fuzz {

[[noreturn]] inline void Fail(const char* file, int line, const char* condition,
                              std::string_view what) {
  std::fprintf(stderr, "%s:%d: invariant violated: %.*s\n  check: %s\n", file,
               line, static_cast<int>(what.size()), what.data(), condition);
  std::abort();
}

// Well-formed UTF-8 as Unicode defines it: shortest form, no surrogates,
// nothing above U+10FFFF.  Written out rather than taken from ICU so the
// check does not share a bug with the code under test.
inline bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    size_t length = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      length = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      length = 3;
      if (b0 == 0xE0) lo = 0xA0;
      if (b0 == 0xED) hi = 0x9F;  // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      length = 4;
      if (b0 == 0xF0) lo = 0x90;
      if (b0 == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + length > s.size()) return false;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b1 < lo || b1 > hi) return false;
    for (size_t k = 2; k < length; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if (b < 0x80 || b > 0xBF) return false;
    }
    i += length;
  }
  return true;
}

// Checks the documented shape of a SourceText: valid UTF-8, no CR, no NUL,
// and `line_starts[i]` the offset of line i+1 for every line.
inline void CheckSourceText(const SourceText& source) {
  const std::string& text = source.text;
  FUZZ_CHECK(IsValidUtf8(text), "source text is not valid UTF-8");
  FUZZ_CHECK(text.find('\r') == std::string::npos, "source text holds a CR");
  FUZZ_CHECK(text.find('\0') == std::string::npos, "source text holds a NUL");
  FUZZ_CHECK(!text.starts_with("\xEF\xBB\xBF"),
             "source text starts with a BOM (U+FEFF)");
  if (text.empty()) {
    FUZZ_CHECK(source.line_starts.empty(), "empty text has line starts");
    return;
  }
  // Lines start at 0 and after every LF that is not the last byte.
  size_t expected = 1;
  for (size_t i = 0; i + 1 < text.size(); ++i) expected += text[i] == '\n';
  FUZZ_CHECK(source.line_starts.size() == expected,
             "line_starts does not hold one entry per line");
  FUZZ_CHECK(source.line_starts[0] == 0, "first line does not start at 0");
  for (size_t i = 1; i < source.line_starts.size(); ++i) {
    const uint32_t start = source.line_starts[i];
    FUZZ_CHECK(start > source.line_starts[i - 1] && start < text.size(),
               "line_starts not increasing or past the end");
    FUZZ_CHECK(text[start - 1] == '\n', "a line does not start after an LF");
  }
  for (size_t n = 1; n <= source.LineCount(); ++n) {
    FUZZ_CHECK(source.LineOf(source.line_starts[n - 1]) == n,
               "LineOf(line start) is not that line");
    FUZZ_CHECK(source.Line(n).find('\n') == std::string_view::npos,
               "Line(n) holds a line end");
  }
}

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Flips bits of one byte of `file` (a shard or graph.json made from the
// input): the input's first three bytes choose where, the fourth which
// bits.  Inputs shorter than four bytes leave the file whole.
inline void DamageOneByte(std::string& file, const uint8_t* data, size_t size) {
  if (size < 4 || file.empty()) return;
  const size_t at =
      (size_t{data[0]} << 16 | size_t{data[1]} << 8 | size_t{data[2]}) %
      file.size();
  file[at] = static_cast<char>(file[at] ^ (data[3] | 1));
}

}  // namespace policygraph::fuzz

#endif  // POLICYGRAPH_FUZZ_FUZZ_CHECK_H_

// Internal: runs of plain characters, which decoding and the exports pass
// through unchanged.
//
// Nearly every byte of a gazette is an ideograph, a fullwidth mark or
// printable ASCII.  Decoding validates every byte of every file, a tenth
// of `refs` when done a character at a time: it takes such runs sixteen
// bytes at a time (SSE2).  The exports escape millions of short fields,
// where a call per field costs what the blocks save: they take plain
// characters one at a time, by the same definition.
#ifndef POLICYGRAPH_SRC_PLAIN_RUN_H_
#define POLICYGRAPH_SRC_PLAIN_RUN_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace policygraph::internal {

// The ASCII characters a pass takes as they are: printable ASCII (0x20 to
// 0x7E) less a few, and a few controls; or every ASCII character.
struct PlainAscii {
  // From a table of which ASCII characters are taken.  A table that needs
  // more than kMost refusals or admissions gives a set with no plain ASCII
  // (runs then end at ASCII, and the caller's own loop takes it).
  static PlainAscii FromTable(const std::array<bool, 128>& taken);

  bool Contains(uint8_t c) const { return c < 0x80 && table[c]; }

  static constexpr size_t kMost = 8;
  std::array<bool, 128> table = {};  // what Contains answers
  bool all = false;                  // every ASCII character
  bool none = false;                 // no ASCII character
  uint8_t refused[kMost] = {};       // printable ones not taken
  uint8_t admitted[kMost] = {};      // controls (and DEL) taken
  uint8_t refused_count = 0, admitted_count = 0;
};

// 1 when byte `i` of `s` (of `n`) is plain ASCII, 3 when a plain triple
// starts there (see PlainRunEnd), else 0: for loops over short texts,
// where a call per text would cost more than it saves.
inline int PlainLength(const uint8_t* s, size_t i, size_t n,
                       const PlainAscii& ascii) {
  const uint8_t lead = s[i];
  if (lead < 0x80) return ascii.table[lead] ? 1 : 0;
  // A lead of E1..EC or EE..EF makes a well-formed triple whatever its
  // continuation bytes are (E0 and ED, with narrower second bytes, are
  // left out); EF BF BE and EF BF BF are U+FFFE and U+FFFF.
  if (lead < 0xE1 || lead > 0xEF || lead == 0xED || i + 2 >= n) return 0;
  if ((s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80) return 0;
  return lead == 0xEF && s[i + 1] == 0xBF && s[i + 2] >= 0xBE ? 0 : 3;
}

// The end of the run of plain characters that starts at `from`, a
// character boundary: ASCII characters `ascii` contains, and well-formed
// three-byte sequences of U+1000..U+CFFF or U+E000..U+FFFD (every
// ideograph and fullwidth mark; no surrogate, no noncharacter, no C1
// control, no overlong form).  The character at the end, if any, is not
// plain.  `characters`, when given, grows by the characters passed.
size_t PlainRunEnd(std::string_view text, size_t from, const PlainAscii& ascii,
                   uint64_t* characters = nullptr);

}  // namespace policygraph::internal

#endif  // POLICYGRAPH_SRC_PLAIN_RUN_H_

// gen-corpus — the few UTF-8 facts the generator needs.
//
// Generated text is built by appending and cutting whole code points; these
// helpers keep every cut on a boundary, so the output is always valid UTF-8.
#ifndef POLICYGRAPH_GEN_CORPUS_UTF8_H_
#define POLICYGRAPH_GEN_CORPUS_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace policygraph::gen {

// Length of the code point starting with `lead` (1 for stray bytes).
inline size_t CodePointLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

inline size_t CountCodePoints(std::string_view text) {
  size_t n = 0;
  for (size_t i = 0; i < text.size(); i += CodePointLength(text[i])) ++n;
  return n;
}

// The code point at byte `i` (which must start one).
inline uint32_t DecodeAt(std::string_view text, size_t i) {
  unsigned char c = text[i];
  size_t len = CodePointLength(c);
  if (len == 1 || i + len > text.size()) return c;
  uint32_t cp = c & (0xFF >> (len + 1));
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (text[i + k] & 0x3F);
  return cp;
}

// CJK Unified Ideographs, the only characters between which the generator
// breaks lines or drops stray spaces.
inline bool IsHan(uint32_t cp) { return cp >= 0x4E00 && cp <= 0x9FFF; }

}  // namespace policygraph::gen

#endif  // POLICYGRAPH_GEN_CORPUS_UTF8_H_

#include "plain_run.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace policygraph::internal {
namespace {

bool IsPrintableAscii(uint8_t c) { return c >= 0x20 && c < 0x7F; }

// The run from `i` one character at a time: the tail past the last full
// block, and the whole run without SSE2.
size_t ScalarRunEnd(const uint8_t* s, size_t n, size_t i,
                    const PlainAscii& ascii, uint64_t* characters) {
  uint64_t passed = 0;
  while (i < n) {
    const int length = PlainLength(s, i, n, ascii);
    if (length == 0) break;
    i += static_cast<size_t>(length);
    ++passed;
  }
  if (characters) *characters += passed;
  return i;
}

#if defined(__SSE2__)

// Without -mpopcnt, __builtin_popcount is a call into libgcc.
unsigned BitsSet16(uint32_t x) {
  x -= (x >> 1) & 0x5555;
  x = (x & 0x3333) + ((x >> 2) & 0x3333);
  x = (x + (x >> 4)) & 0x0F0F;
  return (x + (x >> 8)) & 0x1F;
}

uint32_t Mask(__m128i bytes) {
  return static_cast<uint32_t>(_mm_movemask_epi8(bytes));
}
uint32_t Equal(__m128i bytes, uint8_t value) {
  return Mask(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(static_cast<char>(value))));
}
uint32_t EqualUnder(__m128i bytes, uint8_t bits, uint8_t value) {
  return Equal(_mm_and_si128(bytes, _mm_set1_epi8(static_cast<char>(bits))),
               value);
}

// Bit k set when byte k of `bytes` is plain ASCII.
uint32_t AsciiMask(__m128i bytes, const PlainAscii& ascii) {
  const uint32_t is_ascii = ~Mask(bytes) & 0xFFFF;
  if (ascii.all) return is_ascii;
  if (ascii.none) return 0;
  // Signed: bytes of 0x80 and above are negative, so not above 0x1F.
  uint32_t taken =
      Mask(_mm_cmpgt_epi8(bytes, _mm_set1_epi8(0x1F))) & ~Equal(bytes, 0x7F);
  for (uint8_t k = 0; k < ascii.refused_count; ++k)
    taken &= ~Equal(bytes, ascii.refused[k]);
  for (uint8_t k = 0; k < ascii.admitted_count; ++k)
    taken |= Equal(bytes, ascii.admitted[k]);
  return taken & is_ascii;
}

#endif

}  // namespace

PlainAscii PlainAscii::FromTable(const std::array<bool, 128>& taken) {
  PlainAscii out;
  out.table = taken;
  out.all = true;
  for (bool t : taken) out.all = out.all && t;
  if (out.all) return out;
  for (uint8_t c = 0; c < 128; ++c) {
    if (IsPrintableAscii(c) == taken[c]) continue;
    uint8_t* list = taken[c] ? out.admitted : out.refused;
    uint8_t& count = taken[c] ? out.admitted_count : out.refused_count;
    if (count == kMost) return {.none = true};
    list[count++] = c;
  }
  return out;
}

size_t PlainRunEnd(std::string_view text, size_t from, const PlainAscii& ascii,
                   uint64_t* characters) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  size_t i = from;
#if defined(__SSE2__)
  // Bit k of each mask is byte i + k.  Blocks follow each other whatever
  // they hold, so no block waits for the one before; what a block needs
  // of its predecessor, its last two leads and bytes EF and BF (a triple
  // or noncharacter begun there), is carried.  The run ends at the first
  // byte that is neither plain ASCII, a plain triple's lead, nor the
  // continuation a lead expects, or at the lead of a triple that byte
  // cuts short.
  uint64_t passed = 0;
  uint32_t last_lead = 0, last_ef = 0, last_bf = 0;  // as bits 14 and 15
  for (; i + 16 <= n; i += 16) {
    const __m128i bytes =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    const uint32_t plain_ascii = AsciiMask(bytes, ascii);
    const uint32_t continuation = EqualUnder(bytes, 0xC0, 0x80);
    const uint32_t ef = Equal(bytes, 0xEF), bf = Equal(bytes, 0xBF);
    const uint32_t lead = EqualUnder(bytes, 0xF0, 0xE0) & ~Equal(bytes, 0xE0) &
                          ~Equal(bytes, 0xED);
    // Bit k of each is byte i + k - 2, so the block before shows.
    const uint32_t leads = lead << 2 | last_lead >> 14;
    const uint32_t expected = (leads >> 1 | leads) & 0xFFFF;
    // EF BF BE and EF BF BF, marked at their third byte.
    const uint32_t noncharacter = EqualUnder(bytes, 0xFE, 0xBE) &
                                  (bf << 1 | last_bf >> 15) &
                                  (ef << 2 | last_ef >> 14);
    const uint32_t bad = (~(plain_ascii | lead | continuation) & 0xFFFF) |
                         (continuation ^ expected) | noncharacter;
    if (bad != 0) {
      const unsigned first = static_cast<unsigned>(__builtin_ctz(bad));
      passed += BitsSet16((plain_ascii | lead) & ((1u << first) - 1));
      // A lead one or two bytes before the bad one began a triple it cuts.
      size_t end = i + first;
      if (leads >> (first + 1) & 1) {
        end -= 1, passed -= 1;
      } else if (leads >> first & 1) {
        end -= 2, passed -= 1;
      }
      if (characters) *characters += passed;
      return end;
    }
    passed += BitsSet16(plain_ascii | lead);
    last_lead = lead, last_ef = ef, last_bf = bf;
  }
  // The last block may end inside a triple: the rest goes on from its lead.
  if (last_lead >> 15 & 1) {
    i -= 1, passed -= 1;
  } else if (last_lead >> 14 & 1) {
    i -= 2, passed -= 1;
  }
  if (characters) *characters += passed;
#endif
  return ScalarRunEnd(s, n, i, ascii, characters);
}

}  // namespace policygraph::internal

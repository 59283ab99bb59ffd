// PlainRunEnd must end every run exactly where a character-by-character
// reading would: checked on random mixtures of the byte sequences that
// border on plain (noncharacters, surrogates, overlong and truncated
// forms, C1 controls, stray continuation bytes) at every offset of the
// sixteen-byte blocks, for several sets of plain ASCII.
#include "plain_run.h"

#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/utf8.h>

namespace policygraph::internal {
namespace {

// The definition, one character at a time, decoded by ICU.
size_t ReferenceRunEnd(const std::string& text, size_t from,
                       const std::array<bool, 128>& ascii,
                       uint64_t* characters) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = static_cast<int32_t>(from);
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    const bool plain =
        c >= 0 && (c < 0x80 ? ascii[c]
                            : i - start == 3 && ((c >= 0x1000 && c <= 0xCFFF) ||
                                                 (c >= 0xE000 && c <= 0xFFFD)));
    if (!plain) return static_cast<size_t>(start);
    ++*characters;
  }
  return text.size();
}

std::array<bool, 128> Printable() {
  std::array<bool, 128> table{};
  for (int c = 0x20; c < 0x7F; ++c) table[c] = true;
  return table;
}

std::vector<std::array<bool, 128>> Tables() {
  std::vector<std::array<bool, 128>> tables;
  std::array<bool, 128> all;
  all.fill(true);
  tables.push_back(all);
  std::array<bool, 128> decode = Printable();
  decode['\t'] = decode['\n'] = decode['\f'] = true;
  tables.push_back(decode);
  std::array<bool, 128> html = Printable();
  for (char c : std::string("&<>\"'")) html[c] = false;
  tables.push_back(html);
  std::array<bool, 128> csv = Printable();
  csv['\t'] = csv['\r'] = csv['\n'] = csv[0x7F] = true;
  tables.push_back(csv);
  std::array<bool, 128> many = Printable();  // more refusals than kMost
  for (char c : std::string("abcdefghij")) many[c] = false;
  tables.push_back(many);
  return tables;
}

std::string RandomMixture(std::mt19937& random) {
  static const std::vector<std::string> kPieces = {
      "a",
      "7",
      " ",
      "\"",
      "&",
      "<",
      "'",
      "\t",
      "\n",
      "\r",
      "\f",
      std::string(1, '\0'),
      "\x1b",
      "\x7f",
      "规",
      "划",
      "〔",
      "，",
      "（",            // ideographs, fullwidth marks
      "\xEF\xBF\xBD",  // U+FFFD: plain
      "\xEF\xBF\xBE",
      "\xEF\xBF\xBF",  // U+FFFE, U+FFFF: not
      "\xE0\xA0\x80",
      "\xED\x9F\xBF",  // well formed, led by E0 / ED
      "\xED\xA0\x80",
      "\xE0\x80\xAF",  // a surrogate, an overlong form
      "\xE4\xB8",
      "\xE4",
      "\x80",
      "\xBF",  // cut short, stray
      "\xC2\x85",
      "\xC3\xA9",  // C1 control (NEL), é
      "\xF0\x9F\x98\x80",
      "\xFF",  // four bytes, never UTF-8
  };
  std::string text;
  const size_t pieces = random() % 40;
  for (size_t k = 0; k < pieces; ++k) {
    // Mostly ideographs and ASCII, as gazettes are, in long runs.
    const size_t which =
        random() % 4 == 0 ? random() % kPieces.size() : 14 + random() % 5;
    const size_t repeats = 1 + random() % 12;
    for (size_t r = 0; r < repeats; ++r) text += kPieces[which];
  }
  return text;
}

TEST(PlainRun, EndsWhereReadingCharacterByCharacterEnds) {
  std::mt19937 random(20261206);
  size_t runs = 0, long_runs = 0;
  for (const std::array<bool, 128>& table : Tables()) {
    const PlainAscii ascii = PlainAscii::FromTable(table);
    for (int c = 0; c < 128; ++c)
      EXPECT_EQ(ascii.Contains(static_cast<uint8_t>(c)),
                table[c] && !ascii.none)
          << c;
    for (int round = 0; round < 3000; ++round) {
      const std::string text = RandomMixture(random);
      for (size_t from = 0; from <= text.size(); ++from) {
        // Runs start at character boundaries: the start of the text or
        // after a run's end and the character that ended it.
        uint64_t expected_characters = 0, characters = 0;
        const size_t expected = ReferenceRunEnd(
            text, from, ascii.none ? std::array<bool, 128>{} : table,
            &expected_characters);
        const size_t end = PlainRunEnd(text, from, ascii, &characters);
        ASSERT_EQ(end, expected) << "from " << from << " of " << text.size();
        ASSERT_EQ(characters, expected_characters) << "from " << from;
        ++runs;
        long_runs += end - from >= 32;
        // The next boundary: past the character that ended the run.
        if (end == text.size()) break;
        const auto* s = reinterpret_cast<const uint8_t*>(text.data());
        int32_t next = static_cast<int32_t>(end);
        UChar32 c;
        U8_NEXT(s, next, static_cast<int32_t>(text.size()), c);
        from = static_cast<size_t>(next) - 1;
      }
    }
  }
  EXPECT_GT(long_runs, runs / 20);  // the sixteen-byte blocks were used
}

}  // namespace
}  // namespace policygraph::internal

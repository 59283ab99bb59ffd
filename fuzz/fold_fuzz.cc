// Fuzzes the folds of fold.h on arbitrary bytes.  fold.h promises total
// functions; fold.cc decodes invalid UTF-8 to U+FFFD so every output is
// valid UTF-8, which JSON export relies on.  Beyond that only what the
// header states is checked: whitespace and `**` are gone, FoldForMatch
// leaves no bracket, dash or quote variant it folds, NormalizeTitle no ASCII
// parenthesis or full-width digit, and a normalized document number is its
// own normal form (ids compare by it).  FoldForMatch(NormalizeTitle(x)) ==
// FoldForMatch(x) is not promised (NormalizeTitle drops outer 《》), so it
// is not checked.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "policygraph/fold.h"

#include "fuzz_check.h"

namespace pg = policygraph;
using pg::fuzz::AsText;
using pg::fuzz::IsValidUtf8;

namespace {

bool HasWhitespace(std::string_view s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  for (size_t i = 0; i < s.size();) {
    UChar32 c;
    U8_NEXT(bytes, i, s.size(), c);
    if (c >= 0 && u_isUWhiteSpace(c)) return true;
  }
  return false;
}

bool Contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

void CheckFoldForMatch(std::string_view input) {
  const std::string folded = pg::FoldForMatch(input);
  FUZZ_CHECK(IsValidUtf8(folded), "FoldForMatch output is not UTF-8");
  FUZZ_CHECK(!HasWhitespace(folded), "FoldForMatch output holds whitespace");
  FUZZ_CHECK(!Contains(folded, "**"), "FoldForMatch output holds **");
  for (std::string_view variant :
       {"〔", "〕", "［", "］", "【", "】", "（", "）", "—", "–", "－", "─",
        "‐", "“", "”", "‘", "’", "'"})
    FUZZ_CHECK(!Contains(folded, variant),
               "FoldForMatch output holds an unfolded bracket, dash or quote");
}

void CheckNormalizeTitle(std::string_view input) {
  const std::string title = pg::NormalizeTitle(input);
  FUZZ_CHECK(IsValidUtf8(title), "NormalizeTitle output is not UTF-8");
  FUZZ_CHECK(!HasWhitespace(title), "NormalizeTitle output holds whitespace");
  FUZZ_CHECK(!Contains(title, "**"), "NormalizeTitle output holds **");
  FUZZ_CHECK(!Contains(title, "(") && !Contains(title, ")"),
             "NormalizeTitle output holds an ASCII parenthesis");
  for (std::string_view digit :
       {"０", "１", "２", "３", "４", "５", "６", "７", "８", "９"})
    FUZZ_CHECK(!Contains(title, digit),
               "NormalizeTitle output holds a full-width digit");
}

void CheckNormalizeDocNumber(std::string_view input) {
  const std::string number = pg::NormalizeDocNumber(input);
  FUZZ_CHECK(IsValidUtf8(number), "NormalizeDocNumber output is not UTF-8");
  FUZZ_CHECK(!HasWhitespace(number),
             "NormalizeDocNumber output holds whitespace");
  FUZZ_CHECK(pg::NormalizeDocNumber(number) == number,
             "NormalizeDocNumber is not idempotent");
}

void CheckWhitespace(std::string_view input) {
  const std::string removed = pg::RemoveWhitespace(input);
  FUZZ_CHECK(IsValidUtf8(removed), "RemoveWhitespace output is not UTF-8");
  FUZZ_CHECK(!HasWhitespace(removed), "RemoveWhitespace left whitespace");
  const std::string_view trimmed = pg::TrimWhitespace(input);
  FUZZ_CHECK(trimmed.empty() || (trimmed.data() >= input.data() &&
                                 trimmed.data() + trimmed.size() <=
                                     input.data() + input.size()),
             "TrimWhitespace result is not a part of its input");
  if (!IsValidUtf8(input)) return;  // a part of invalid input may be invalid
  FUZZ_CHECK(IsValidUtf8(trimmed), "TrimWhitespace cut a character");
  FUZZ_CHECK(pg::TrimWhitespace(trimmed) == trimmed,
             "TrimWhitespace left white space at an end");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Titles and numbers are short; long inputs only slow the search down.
  if (size > 4096) return 0;
  const std::string_view input = AsText(data, size);
  CheckFoldForMatch(input);
  CheckNormalizeTitle(input);
  CheckNormalizeDocNumber(input);
  CheckWhitespace(input);
  return 0;
}

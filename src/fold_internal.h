// FoldForMatch without its final encoding, with and without its shortcut
// for plain text, so tests can hold the two to the same result.
#ifndef POLICYGRAPH_SRC_FOLD_INTERNAL_H_
#define POLICYGRAPH_SRC_FOLD_INTERNAL_H_

#include <string>
#include <string_view>

namespace policygraph::internal {

// FoldForMatch as code points, for callers that walk them.
std::u32string FoldForMatchCodePoints(std::string_view text);

// The same through ICU's NFKC alone, whatever the text.
std::u32string FoldForMatchCodePointsWithIcu(std::string_view text);

}  // namespace policygraph::internal

#endif  // POLICYGRAPH_SRC_FOLD_INTERNAL_H_

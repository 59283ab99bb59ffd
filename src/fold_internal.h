// The case and compatibility fold under FoldForMatch, with and without its
// shortcut for plain text, so tests can hold the two to the same result;
// and FoldForMatch without its final encoding.
#ifndef POLICYGRAPH_SRC_FOLD_INTERNAL_H_
#define POLICYGRAPH_SRC_FOLD_INTERNAL_H_

#include <string>
#include <string_view>

namespace policygraph::internal {

// NFKC, then lower case in the root locale, as code points.  Invalid UTF-8
// becomes U+FFFD.
std::u32string NfkcLower(std::string_view text);

// The same through ICU alone, whatever the text.
std::u32string NfkcLowerWithIcu(std::string_view text);

// FoldForMatch as code points, for callers that walk them.
std::u32string FoldForMatchCodePoints(std::string_view text);

}  // namespace policygraph::internal

#endif  // POLICYGRAPH_SRC_FOLD_INTERNAL_H_

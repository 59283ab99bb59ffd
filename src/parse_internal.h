// The per-file stages as ParseSource runs them: the segmenter cleans every
// line of a file (CleanLine) to find its documents, and the directive
// parser, which cleaned every line of each document again, reads those.
// Cleaning each line twice cost `refs` 2–4% on 100 MB.
#ifndef POLICYGRAPH_SRC_PARSE_INTERNAL_H_
#define POLICYGRAPH_SRC_PARSE_INTERNAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "policygraph/directives.h"
#include "policygraph/model.h"
#include "policygraph/segment.h"

namespace policygraph::internal {

// A file's lines as CleanLine makes them, 1-based ([0] is empty).
using CleanLines = std::vector<std::string>;

// SegmentGazette, handing over the cleaned lines it made.
Segmentation SegmentGazette(const SourceText& source, CleanLines* clean);

// ParseDirectives, reading `clean` (of the same source) instead of
// cleaning each line again.  The tree is the same.
DirectiveTree ParseDirectives(const SourceText& source, const Document& doc,
                              const CleanLines& clean);

// The first clause of a directive's text, markup removed and cut near 80
// characters: what a reader would call its heading.  Heading finds it in
// one pass when there is no markup before the cut; HeadingOfWhole, which
// cleans the whole text and searches it for each stop, must give the same.
std::string Heading(std::string_view text);
std::string HeadingOfWhole(std::string_view text);

}  // namespace policygraph::internal

#endif  // POLICYGRAPH_SRC_PARSE_INTERNAL_H_

// The per-file stages as ParseSource runs them: the segmenter cleans every
// line of a file (CleanLine) to find its documents, and the directive
// parser, which cleaned every line of each document again, reads those.
// Cleaning each line twice cost `refs` 2–4% on 100 MB.
#ifndef POLICYGRAPH_SRC_PARSE_INTERNAL_H_
#define POLICYGRAPH_SRC_PARSE_INTERNAL_H_

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "policygraph/directives.h"
#include "policygraph/model.h"
#include "policygraph/segment.h"

namespace policygraph::internal {

// A file's lines as CleanLine makes them, 1-based ([0] is empty).  Most
// lines only lose the white space around them, so a line is a view of the
// source text; only the few CleanLine changes inside are kept in `changed`.
// A string of its own for every line was an allocation, a copy and a free
// per line.
struct CleanLines {
  std::vector<std::string_view> lines;
  std::deque<std::string> changed;  // a deque: its strings never move

  CleanLines() = default;
  explicit CleanLines(const SourceText& source);
  CleanLines(CleanLines&&) = default;
  CleanLines& operator=(CleanLines&&) = default;
  // Copies would view the other's `changed`.
  CleanLines(const CleanLines&) = delete;
  CleanLines& operator=(const CleanLines&) = delete;

  size_t size() const { return lines.size(); }
  std::string_view operator[](size_t n) const { return lines[n]; }
};

// SegmentGazette, handing over the cleaned lines it made.
Segmentation SegmentGazette(const SourceText& source, CleanLines* clean);

// How much of each directive ParseDirectives fills in.  kOutline leaves
// out what only a reader of the tree uses (heading, lead units, deadline)
// and keeps the structure (ids, labels, kinds, lines, spans, parents,
// children), which is the same either way: what `refs` and `documents`
// need to attribute a reference and count directives before they drop the
// tree.  The headings had been about a tenth of the directive parse.
enum class DirectiveDetail { kFull, kOutline };

// ParseDirectives, reading `clean` (of the same source) instead of
// cleaning each line again.  The tree is the same.
DirectiveTree ParseDirectives(const SourceText& source, const Document& doc,
                              const CleanLines& clean,
                              DirectiveDetail detail = DirectiveDetail::kFull);

// The first clause of a directive's text, markup removed and cut near 80
// characters: what a reader would call its heading.  Heading finds it in
// one pass when there is no markup before the cut; HeadingOfWhole, which
// cleans the whole text and searches it for each stop, must give the same.
std::string Heading(std::string_view text);
std::string HeadingOfWhole(std::string_view text);

}  // namespace policygraph::internal

#endif  // POLICYGRAPH_SRC_PARSE_INTERNAL_H_

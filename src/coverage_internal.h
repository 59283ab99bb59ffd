// Coverage in two steps, so BuildGraphReleasing can free the source texts
// between them: AlignCoverage reads the texts and keeps each alignment as
// a small row; FinishCoverage turns the rows into the report's
// Implementations, which copy the child directives' id, heading, lead
// units and deadline from the trees alone.  Held until the texts were
// freed, those copies (about 200 bytes an alignment) stood beside them at
// the top of a large build's memory.
#ifndef POLICYGRAPH_SRC_COVERAGE_INTERNAL_H_
#define POLICYGRAPH_SRC_COVERAGE_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "policygraph/coverage.h"

namespace policygraph::internal {

// One alignment before its report row is written.
struct PendingRow {
  uint32_t parent_directive;  // index into report.directives
  uint32_t child;             // index into report.children
  int directive;              // index into that child's tree
  uint32_t evidence_size;     // its stretch of PendingCoverage::text
  size_t evidence_at;
  size_t directive_at;  // where the directive's id, heading, deadline are
  double score;
};

struct PendingCoverage {
  CoverageReport report;  // everything but the directives' implemented_by
  std::vector<const DirectiveTree*> child_trees;  // parallel to children
  std::vector<PendingRow> rows;                   // in the order aligned
  // The block the report's rows will view (CoverageReport::text), made as
  // the rows are, so that writing the report moves it rather than gathering
  // a million strings into it at the moment a build's memory tops.
  std::string text;
};

// How many bytes of the children's gram counts (4 a gram) an alignment
// keeps from counting document frequencies to weighing; the rest are
// counted again (see AlignCoverage).  The largest hub of a 1 GB generated
// corpus keeps all of its 283,764 directives' in 220 MiB, and building the
// graph after alignment still tops the memory (at 1 GB, 1,866 against
// 1,522 MiB at -j 1, 1,877 against 1,669 MiB at -j 2).
inline constexpr size_t kKeptGramBytes = size_t{256} << 20;

// Up to how many parent directives a child's scores are summed into
// arrays cleared whole after each child, rather than tracking which
// parents each touched (a load and a branch a posting): nearly every
// parent has a few dozen.
inline constexpr size_t kDenseParents = 256;

// MeasureCoverage's alignment, which reads the source texts.  The result
// is the same for every `kept_bytes_limit` and `dense_parents`.
PendingCoverage AlignCoverage(const DocumentRef& parent,
                              const std::vector<DocumentRef>& children,
                              size_t kept_bytes_limit = kKeptGramBytes,
                              size_t dense_parents = kDenseParents);

// The report, from the rows and the child trees (which must still exist;
// the texts need not).
CoverageReport FinishCoverage(PendingCoverage pending);

}  // namespace policygraph::internal

#endif  // POLICYGRAPH_SRC_COVERAGE_INTERNAL_H_

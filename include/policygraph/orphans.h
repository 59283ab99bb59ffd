// policygraph — orphans: what a policy chain left behind.
//
//   uncovered   a parent directive no implementing document carries out
//               (one per directive of the coverage reports given)
//   draft       a document the text says is to be drafted (出台/制定/编制/
//               修订…) that the corpus does not contain: a drafts reference
//               to an external node, one per (document, target) at its
//               first mention
//   dangling    a reference that resolved to nothing (an empty target), or
//               an abbreviation whose full title is unknown; ResolveReferences
//               gives every reference a target, so this flags a corpus whose
//               resolve step did not run or went wrong
//   repealed    a reference to a document the corpus says was repealed
//               (by a repealing document dated no later than the citing
//               one, or numbered in an earlier year when a date is
//               missing; when the order cannot be told, reported and the
//               detail says so);
//               the repealing document's own mentions are not citations
//   anachronism a document citing one issued later than itself: by the
//               dates when both are known, else by the years of what is
//               known (a date's, or a document number's: a 2022 notice
//               citing 国发〔2025〕3号, a corpus document or an external
//               node); drafts excepted, since a plan announced is written
//               later by nature; one per (document, target)
//   isolated    a document with no basis/implements/follows/issues/repeals/
//               drafts/mentions/counterpart edge to or from another document
//               or external node of the graph
//
//   合川府办发〔2023〕11号, line 5243:
//     由区农业农村委牵头，制定《合川区农作物秸秆综合利用“十四五”规划》
//     → {draft, document 合川府办发〔2023〕11号,
//        subject "title:合川区农作物秸秆综合利用“十四五”规划", line 5243,
//        detail "to be drafted (制定) but no such document is in the corpus;
//                3 mentions, first here"}
//
// The report is sorted by kind (enum order), file, line, document and
// subject, with one orphan per such place, so it is byte-stable.
#ifndef POLICYGRAPH_ORPHANS_H_
#define POLICYGRAPH_ORPHANS_H_

#include <string>
#include <string_view>
#include <vector>

#include "policygraph/coverage.h"
#include "policygraph/graph.h"

namespace policygraph {

struct Corpus;

enum class OrphanKind {
  kUncovered,    // 无人落实的条目
  kDraft,        // 未出台的文件
  kDangling,     // 无着落的引用
  kRepealed,     // 引用已废止文件
  kAnachronism,  // 引用晚于自身的文件
  kIsolated,     // 孤立文件
};
std::string_view OrphanKindName(OrphanKind kind);

struct Orphan {
  OrphanKind kind = OrphanKind::kUncovered;
  std::string document;  // where it was found (id)
  std::string subject;   // directive path, target id, or "" (isolated)
  std::string title;     // heading of the directive or title of the target
  std::string file;
  uint32_t line = 0;
  std::string detail;  // one sentence a reader can act on
};

struct OrphanReport {
  std::vector<Orphan> orphans;  // by kind, then file and line
  size_t Count(OrphanKind kind) const;
};

// `coverage` holds one report per parent document that has implementing
// documents (BuildGraph's alignments come from the same reports).
OrphanReport FindOrphans(const Corpus& corpus, const PolicyGraph& graph,
                         const std::vector<CoverageReport>& coverage);

}  // namespace policygraph

#endif  // POLICYGRAPH_ORPHANS_H_

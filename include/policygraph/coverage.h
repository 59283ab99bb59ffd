// policygraph — coverage: which directives of a parent document are carried
// out by the documents that implement it, and by which of their directives.
//
// Alignment works on Chinese text without word segmentation.  Every
// directive (its own words plus, at a quarter of the weight, the words of
// the action or section heading it sits under) becomes a vector of
// character unigrams and bigrams weighted by TF-IDF, with document
// frequencies counted over the directives being aligned: the words the
// parent and its implementers all share (卫星互联网 in a satellite plan,
// 加快/推动/建设 everywhere) weigh little, the distinctive task phrases,
// named projects and platforms weigh most.  Candidates come from an
// inverted index over the parent's n-grams, so the cost grows with the
// postings touched, not with parent × child pairs.
//
// The score of a (child, parent) pair is the cosine of the child's own
// words with the parent directive plus a quarter of the cosine of its
// heading context, divided by 1.25, so it lies in [0, 1].  A child
// directive is aligned to a parent directive when that score is at least
// kAlignThreshold and at least kNearBest of the best score the child
// reaches against any parent directive, and among the kMaxParentsPerChild
// best: implementation is paraphrase, and each child task usually carries
// out one or two parent tasks.
#ifndef POLICYGRAPH_COVERAGE_H_
#define POLICYGRAPH_COVERAGE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "policygraph/model.h"

namespace policygraph {

struct Corpus;
struct ParsedFile;

// Chosen on the development pair 渝府发〔2023〕7号 → 渝府办发〔2024〕22号
// (see README, "Accuracy"); the same for every pair.
inline constexpr double kAlignThreshold = 0.10;
inline constexpr double kNearBest = 0.7;
// A child directive carries out at most this many parent directives, its
// best (ties to the first in the parent): a boilerplate task list whose
// every row scores alike against every parent row would otherwise make
// rows in the square of its length (4,000 such rows each side gave 3.6 GB
// of output from 665 KB of text).  The hand-checked pair links a child
// directive to at most 4, and generated corpora of 100 MB and 1 GB to at
// most 7 and 11.
inline constexpr size_t kMaxParentsPerChild = 16;

// A score as every output prints it: three decimals, so JSON, CSV, text and
// GraphML agree and stay byte-stable across platforms' float printing.
double RoundedScore(double score);
// The same score as text ("0.287"), for CSV and text outputs.
std::string ScoreText(double score);

// The directives coverage aligns: leaves and task rows, without the goal
// statements and guiding principles (一、总体要求, 工作目标 …) that only
// frame the tasks.
std::vector<int> CoverageDirectives(const DirectiveTree& tree);

// One child directive that carries out a parent directive.  Its document
// and that document's file are the report's (`child` indexes
// CoverageReport::children and child_files): a 1 GB build holds a million
// rows, and a copy of both strings in each was a fifth of the reports.
//
// Its text fields are views, of the report's `text` in the rows
// MeasureCoverage makes (a row made by hand must point at text that
// outlives it): a million rows' own strings were two fifths of the
// reports (measured at 100 MB), and BuildGraph's alignment edges view the
// same evidence instead of a copy (at 1 GB about 150 MB that stood twice
// at the top of a build).
struct Implementation {
  uint32_t child = 0;  // the implementing document: report.children[child]
  uint32_t line = 0;
  std::string_view id;  // directive path inside it
  std::string_view heading;
  double score = 0;
  // The shared phrases that weighed most, "、"-joined.
  std::string_view evidence;
  std::vector<std::string> lead_units;
  std::string_view deadline;
};

struct DirectiveCoverage {
  std::string id;  // directive path inside the parent
  std::string label;
  std::string file;
  uint32_t line = 0;
  std::string heading;
  std::vector<std::string> lead_units;
  std::string deadline;
  std::vector<Implementation> implemented_by;  // best score first
};

struct CoverageReport {
  std::string parent;  // document id
  std::string parent_title;
  std::vector<std::string> children;          // implementing document ids
  std::vector<std::string> child_files;       // the file of each, same order
  std::vector<DirectiveCoverage> directives;  // parent's, in document order
  // The text every row views (the child directives' ids, headings and
  // deadlines, once for each child directive however many rows it has, and
  // each row's evidence), one block for the report; shared, so a copy of
  // the report and the graph's alignment edges keep viewing it.
  std::shared_ptr<const std::string> text;
  size_t covered = 0;
  size_t total = 0;
  double Ratio() const { return total ? double(covered) / total : 0.0; }
  // The implementing document of `row` and its file ("" for a row whose
  // index is out of range, which MeasureCoverage never makes).
  std::string_view DocumentOf(const Implementation& row) const;
  std::string_view FileOf(const Implementation& row) const;
};

// Aligns the coverage directives of `parent` with those of `children`
// (document ids as FindDocument accepts them).  Unknown ids are skipped;
// the caller checks them first.
CoverageReport MeasureCoverage(const Corpus& corpus, std::string_view parent,
                               const std::vector<std::string>& children);

// A document of a corpus with the file and directive tree that hold it.
struct DocumentRef {
  const ParsedFile* file = nullptr;
  const Document* doc = nullptr;
  const DirectiveTree* tree = nullptr;
};

// The same alignment for documents already looked up: FindDocument walks
// the corpus, and BuildGraph, measuring every parent, finds each id once
// in a hash table instead.  Children that are the parent or repeat an
// earlier child are skipped.
CoverageReport MeasureCoverage(const DocumentRef& parent,
                               const std::vector<DocumentRef>& children);

}  // namespace policygraph

#endif  // POLICYGRAPH_COVERAGE_H_

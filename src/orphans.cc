#include "policygraph/orphans.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "policygraph/fold.h"
#include "policygraph/pipeline.h"

namespace policygraph {

std::string_view OrphanKindName(OrphanKind kind) {
  switch (kind) {
    case OrphanKind::kUncovered:
      return "uncovered";
    case OrphanKind::kDraft:
      return "draft";
    case OrphanKind::kDangling:
      return "dangling";
    case OrphanKind::kRepealed:
      return "repealed";
    case OrphanKind::kAnachronism:
      return "anachronism";
    case OrphanKind::kIsolated:
      return "isolated";
  }
  return "unknown";
}

size_t OrphanReport::Count(OrphanKind kind) const {
  return static_cast<size_t>(
      std::count_if(orphans.begin(), orphans.end(),
                    [kind](const Orphan& o) { return o.kind == kind; }));
}

namespace {

// What the checks look up: corpus documents and external nodes by id.
// The first document wins when two share an id, as in Corpus::FindDocument.
class Lookup {
 public:
  explicit Lookup(const Corpus& corpus) {
    for (const ParsedFile& f : corpus.files)
      for (const Document& d : f.documents) documents_.emplace(d.id, &d);
    for (const ExternalNode& e : corpus.externals) externals_.emplace(e.id, &e);
  }

  const Document* FindDocument(const std::string& id) const {
    auto it = documents_.find(id);
    return it == documents_.end() ? nullptr : it->second;
  }

  // When document or external node `id` was issued, as far as is known.
  struct When {
    std::string date;  // YYYY-MM-DD, or ""
    int year = 0;      // the date's, else its number's (DocNumberYear), or 0
    std::string Text() const {
      std::string text = date.empty() ? "numbered in " : "dated ";
      text += date.empty() ? std::to_string(year) : date;
      return text;
    }
  };
  When WhenOf(const std::string& id) const;

  // What a reader calls the target of `ref`: the corpus document's plan or
  // title, the external node's title, else what the mention printed.
  std::string TargetTitle(const Reference& ref) const;

 private:
  std::map<std::string, const Document*> documents_;
  std::map<std::string, const ExternalNode*> externals_;
};

// Segment writes YYYY-MM-DD; anything else (a hand-built corpus, a future
// partial date) is treated as unknown rather than compared as text.
bool IsIsoDate(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (date[i] < '0' || date[i] > '9') return false;
  return true;
}

Lookup::When Lookup::WhenOf(const std::string& id) const {
  When when;
  if (const Document* doc = FindDocument(id); doc && IsIsoDate(doc->date)) {
    when.date = doc->date;
    when.year = std::stoi(when.date.substr(0, 4));
  } else {
    when.year = DocNumberYear(id);
  }
  return when;
}

// A 印发 notice is known by the plan it carries.
std::string ReadableTitle(const Document& doc) {
  return doc.attached_title.empty() ? doc.title : doc.attached_title;
}

std::string Lookup::TargetTitle(const Reference& ref) const {
  if (ref.target_kind == "document") {
    if (const Document* doc = FindDocument(ref.target))
      return ReadableTitle(*doc);
  }
  if (auto it = externals_.find(ref.target);
      it != externals_.end() && !it->second->title.empty())
    return it->second->title;
  std::string title = NamedTitle(ref);
  return title.empty() ? ref.surface : title;
}

std::string Joined(const std::vector<std::string>& items,
                   std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// Every reference of the corpus in corpus order (sorted files, text order),
// so "first mention" means the same thing in every check.
template <typename Visit>
void ForEachReference(const Corpus& corpus, Visit visit) {
  for (const ParsedFile& f : corpus.files)
    for (const Reference& r : f.references) visit(r);
}

// ── uncovered ──────────────────────────────────────────────────────────

std::string UncoveredDetail(const CoverageReport& report,
                            const DirectiveCoverage& d) {
  std::string detail = report.children.empty()
                           ? "no document of the corpus implements it"
                           : "no directive of " +
                                 Joined(report.children, ", ") +
                                 " carries it out";
  if (!d.lead_units.empty()) detail += "; lead: " + Joined(d.lead_units, "、");
  if (!d.deadline.empty()) detail += "; due: " + d.deadline;
  return detail;
}

void AddUncovered(const std::vector<CoverageReport>& coverage,
                  std::vector<Orphan>& out) {
  for (const CoverageReport& report : coverage) {
    for (const DirectiveCoverage& d : report.directives) {
      if (!d.implemented_by.empty()) continue;
      out.push_back({OrphanKind::kUncovered, report.parent, d.id, d.heading,
                     d.file, d.line, UncoveredDetail(report, d)});
    }
  }
}

// ── draft ──────────────────────────────────────────────────────────────

bool IsUnwrittenDraft(const Reference& r) {
  return r.relation == Relation::kDrafts && !r.self &&
         r.target_kind == "external" && !r.target.empty();
}

std::string DraftDetail(const Reference& r) {
  std::string cue = r.cue.empty() ? "" : " (" + r.cue + ")";
  return "to be drafted" + cue + " but no such document is in the corpus";
}

void AddDrafts(const Corpus& corpus, const Lookup& lookup,
               std::vector<Orphan>& out) {
  // (document, target) → index in `out` of its first mention.
  std::map<std::pair<std::string, std::string>, size_t> seen;
  std::vector<int> mentions;
  size_t first = out.size();
  ForEachReference(corpus, [&](const Reference& r) {
    if (!IsUnwrittenDraft(r)) return;
    auto [it, inserted] = seen.try_emplace({r.doc, r.target}, out.size());
    if (!inserted) {
      ++mentions[it->second - first];
      return;
    }
    // The title as this mention words it: the plan to be written may differ
    // in small ways between mentions and from the external node's key.
    std::string title = NamedTitle(r);
    out.push_back({OrphanKind::kDraft, r.doc, r.target,
                   title.empty() ? lookup.TargetTitle(r) : title, r.file,
                   r.line, DraftDetail(r)});
    mentions.push_back(1);
  });
  for (size_t i = 0; i < mentions.size(); ++i)
    if (mentions[i] > 1)
      out[first + i].detail +=
          "; " + std::to_string(mentions[i]) + " mentions, first here";
}

// ── dangling ───────────────────────────────────────────────────────────

// Resolve gives every reference a target, so these only appear when it did
// not run, or when a mention carries nothing to key an external node on.
bool IsDangling(const Reference& r) {
  if (r.self) return false;
  if (r.form == ReferenceForm::kAlias && r.alias_of.empty()) return true;
  return r.target.empty() || r.target == "title:";
}

std::string DanglingDetail(const Reference& r) {
  if (r.form == ReferenceForm::kAlias && r.alias_of.empty())
    return "abbreviation never introduced in this document";
  return "resolves to no document and no external node";
}

void AddDangling(const Corpus& corpus, std::vector<Orphan>& out) {
  ForEachReference(corpus, [&](const Reference& r) {
    if (!IsDangling(r)) return;
    out.push_back({OrphanKind::kDangling, r.doc, r.surface, NamedTitle(r),
                   r.file, r.line, DanglingDetail(r)});
  });
}

// ── repealed ───────────────────────────────────────────────────────────

struct Repeal {
  std::string date;  // "" when the repealing document is undated
  int year = 0;      // the date's, else its number's, or 0
  std::string by;    // id of the repealing document
  friend bool operator<(const Repeal& a, const Repeal& b) {
    // Undated repeals last: a dated one gives the reader a firmer fact.
    return std::make_tuple(a.date.empty(), a.date, a.by) <
           std::make_tuple(b.date.empty(), b.date, b.by);
  }
};

// Target id → the documents of the corpus that repeal it, earliest first.
std::map<std::string, std::set<Repeal>> CollectRepeals(const Corpus& corpus,
                                                       const Lookup& lookup) {
  std::map<std::string, std::set<Repeal>> repeals;
  ForEachReference(corpus, [&](const Reference& r) {
    if (r.relation != Relation::kRepeals || r.self || r.target.empty()) return;
    const Lookup::When when = lookup.WhenOf(r.doc);
    repeals[r.target].insert({when.date, when.year, r.doc});
  });
  return repeals;
}

enum class RepealOrder { kRepealFirst, kCitationFirst, kUnknown };

// By the dates when both are known, else by the years (a date's or a
// document number's) when they differ.
RepealOrder OrderOf(const Repeal& repeal, const Lookup::When& citing) {
  if (!repeal.date.empty() && !citing.date.empty())
    return repeal.date <= citing.date ? RepealOrder::kRepealFirst
                                      : RepealOrder::kCitationFirst;
  if (repeal.year != 0 && citing.year != 0 && repeal.year != citing.year)
    return repeal.year < citing.year ? RepealOrder::kRepealFirst
                                     : RepealOrder::kCitationFirst;
  return RepealOrder::kUnknown;
}

// Citing a repealed document is only a mistake once the repeal exists;
// when the order cannot be told it is reported, and the detail says so.
std::string RepealDetail(const Repeal& repeal, RepealOrder order) {
  std::string detail = "repealed by " + repeal.by;
  if (!repeal.date.empty()) detail += " (" + repeal.date + ")";
  if (order == RepealOrder::kUnknown)
    detail += "; a date is unknown, check which came first";
  return detail;
}

void AddRepealed(const Corpus& corpus, const Lookup& lookup,
                 std::vector<Orphan>& out) {
  const auto repeals = CollectRepeals(corpus, lookup);
  if (repeals.empty()) return;
  ForEachReference(corpus, [&](const Reference& r) {
    if (r.self || r.relation == Relation::kRepeals) return;
    auto it = repeals.find(r.target);
    if (it == repeals.end()) return;
    const Lookup::When citing = lookup.WhenOf(r.doc);
    for (const Repeal& repeal : it->second) {
      // The repealing document naming what it replaces is not a citation.
      if (repeal.by == r.doc) continue;
      const RepealOrder order = OrderOf(repeal, citing);
      if (order == RepealOrder::kCitationFirst) continue;
      out.push_back({OrphanKind::kRepealed, r.doc, r.target,
                     lookup.TargetTitle(r), r.file, r.line,
                     RepealDetail(repeal, order)});
      return;
    }
  });
}

// ── anachronism ────────────────────────────────────────────────────────

// A draft names a document still to be written, so its later date is the
// expected outcome, not an error.  An external node has no date, but one
// known by its number has the number's year.
bool CanBeAnachronism(const Reference& r) {
  return !r.self &&
         (r.target_kind == "document" || r.target_kind == "external") &&
         r.relation != Relation::kDrafts && r.target != r.doc;
}

// Whether `cited` was issued after `citing`: by their dates when both are
// dated, else by the years their numbers give, so that a year equal on
// both sides says nothing.
bool IssuedAfter(const Lookup::When& cited, const Lookup::When& citing) {
  if (!cited.date.empty() && !citing.date.empty())
    return cited.date > citing.date;
  return cited.year != 0 && citing.year != 0 && cited.year > citing.year;
}

void AddAnachronisms(const Corpus& corpus, const Lookup& lookup,
                     std::vector<Orphan>& out) {
  std::map<std::pair<std::string, std::string>, size_t> seen;
  std::vector<int> mentions;
  size_t first = out.size();
  ForEachReference(corpus, [&](const Reference& r) {
    if (!CanBeAnachronism(r)) return;
    const Lookup::When cited = lookup.WhenOf(r.target);
    if (cited.year == 0) return;  // most external nodes: a title alone
    const Lookup::When citing = lookup.WhenOf(r.doc);
    if (!IssuedAfter(cited, citing)) return;
    auto [it, inserted] = seen.try_emplace({r.doc, r.target}, out.size());
    if (!inserted) {
      ++mentions[it->second - first];
      return;
    }
    out.push_back(
        {OrphanKind::kAnachronism, r.doc, r.target, lookup.TargetTitle(r),
         r.file, r.line,
         citing.Text() + " but cites " + r.target + " " + cited.Text()});
    mentions.push_back(1);
  });
  for (size_t i = 0; i < mentions.size(); ++i)
    if (mentions[i] > 1)
      out[first + i].detail +=
          "; " + std::to_string(mentions[i]) + " mentions, first here";
}

// ── isolated ───────────────────────────────────────────────────────────

// Relations between whole documents; part_of and aligned only tie a
// document to its own directives or a directive to another's.
RelationSet DocumentRelations() {
  return {Relation::kBasis,    Relation::kImplements, Relation::kFollows,
          Relation::kIssues,   Relation::kRepeals,    Relation::kDrafts,
          Relation::kMentions, Relation::kCounterpart};
}

bool IsDocumentLevel(const GraphNodeView& node) {
  return node.kind == NodeKind::kDocument || node.kind == NodeKind::kExternal;
}

bool LinksToAnotherDocument(const PolicyGraph& graph, NodeId node) {
  const RelationSet relations = DocumentRelations();
  for (const PolicyGraph::EdgeRef& e : graph.OutEdges(node, relations))
    if (e.target != node && IsDocumentLevel(graph.Node(e.target))) return true;
  for (const PolicyGraph::EdgeRef& e : graph.InEdges(node, relations))
    if (e.source != node && IsDocumentLevel(graph.Node(e.source))) return true;
  return false;
}

void AddIsolated(const Corpus& corpus, const PolicyGraph& graph,
                 std::vector<Orphan>& out) {
  std::set<std::string> seen;
  for (const ParsedFile& f : corpus.files) {
    for (const Document& d : f.documents) {
      if (!seen.insert(d.id).second) continue;
      std::optional<NodeId> node = graph.FindNode(d.id);
      if (node && LinksToAnotherDocument(graph, *node)) continue;
      out.push_back({OrphanKind::kIsolated, d.id, "", ReadableTitle(d), d.file,
                     d.first_line,
                     "cites no other document, and none cites or localizes "
                     "it"});
    }
  }
}

// ── order ──────────────────────────────────────────────────────────────

auto SortKey(const Orphan& o) {
  return std::tie(o.kind, o.file, o.line, o.document, o.subject, o.title,
                  o.detail);
}

bool SamePlace(const Orphan& a, const Orphan& b) {
  return a.kind == b.kind && a.file == b.file && a.line == b.line &&
         a.document == b.document && a.subject == b.subject;
}

// By kind, then where it is; one finding per place (two mentions of one
// target on a line are one thing to fix).
void SortAndDedupe(std::vector<Orphan>& orphans) {
  std::stable_sort(
      orphans.begin(), orphans.end(),
      [](const Orphan& a, const Orphan& b) { return SortKey(a) < SortKey(b); });
  orphans.erase(std::unique(orphans.begin(), orphans.end(), SamePlace),
                orphans.end());
}

}  // namespace

OrphanReport FindOrphans(const Corpus& corpus, const PolicyGraph& graph,
                         const std::vector<CoverageReport>& coverage) {
  const Lookup lookup(corpus);
  OrphanReport report;
  AddUncovered(coverage, report.orphans);
  AddDrafts(corpus, lookup, report.orphans);
  AddDangling(corpus, report.orphans);
  AddRepealed(corpus, lookup, report.orphans);
  AddAnachronisms(corpus, lookup, report.orphans);
  AddIsolated(corpus, graph, report.orphans);
  SortAndDedupe(report.orphans);
  return report;
}

}  // namespace policygraph

#include "policygraph/coverage.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <utility>

#include <absl/container/flat_hash_map.h>
#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "policygraph/decode.h"
#include "policygraph/directives.h"
#include "policygraph/fold.h"
#include "policygraph/pipeline.h"

#include "coverage_internal.h"
#include "fold_internal.h"
#include "gram_count.h"

namespace policygraph {
namespace {

// The action or section heading a child directive sits under weighs this
// much beside its own words: "智能网联汽车空天信息赋能行动" tells which parent
// task a terse box item serves.
constexpr double kContextWeight = 0.25;
// A gram in more than this share of the parent's directives (and in more
// than kMinPostings of them) does not propose candidates; it still counts
// in the exact score of the candidates the rarer grams found.
constexpr double kCommonShare = 0.1;
constexpr size_t kMinPostings = 32;
constexpr size_t kEvidencePhrases = 3;

// 一、总体要求 / （一）指导思想 / 工作目标: frames the tasks, is not one.
bool IsGoalStatement(const Directive& d) {
  static const RE2* goal = new RE2(
      "(?:总体要求|指导思想|基本原则|工作原则|总体思路|总体思路(?:与|和)目标|"
      "(?:主要|工作|发展|总体|行动|规划)?目标(?:任务)?|适用范围|编制依据|"
      "规划背景|发展基础|发展环境|现实基础)[。：:]?");
  return RE2::FullMatch(d.heading, *goal);
}

bool UnderGoalStatement(const DirectiveTree& tree, int index) {
  for (int i = index; i >= 0; i = tree.nodes[i].parent)
    if (IsGoalStatement(tree.nodes[i])) return true;
  return false;
}

// The numbering marker says where a directive is, not what it asks.
std::string_view WithoutMarker(std::string_view text) {
  static const RE2* marker = new RE2(
      R"(^\s*(?:专栏\s*\d+|第[一二三四五六七八九十百零〇\d]+[篇章节条]|)"
      R"([（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|)"
      R"([一二三四五六七八九十]+、)\s*)");
  re2::StringPiece input(text);
  RE2::Consume(&input, *marker);
  return std::string_view(input.data(), input.size());
}

using internal::CountOf;
using internal::Gram;
using internal::GramCount;
using internal::GramCounts;
using internal::GramOf;
using Vector = std::vector<std::pair<Gram, double>>;  // sorted by gram

GramCounts CountTextGrams(const std::string& text) {
  return internal::CountGrams(
      internal::FoldForMatchCodePoints(WithoutMarker(text)));
}

// A kid's gram counts, numbered by its alignment's table: a word each,
// the slot high and the count low, and a count too big for its bits
// whole in the next word.  Half the bytes of GramCounts, and weighed
// without looking a gram up.
using KeptGrams = std::vector<uint32_t>;
constexpr int kKeptCountBits = 5;
constexpr uint32_t kKeptCountEscape = (1u << kKeptCountBits) - 1;
constexpr size_t kMaxKeptSlot = size_t{1} << (32 - kKeptCountBits);

void Keep(uint32_t slot, int count, KeptGrams& kept) {
  const uint32_t low = std::min(static_cast<uint32_t>(count), kKeptCountEscape);
  kept.push_back(slot << kKeptCountBits | low);
  if (low == kKeptCountEscape) kept.push_back(static_cast<uint32_t>(count));
}

// The KeptGrams of one alignment's kids, packed into a few large blocks.
// A vector for each kid was 283,764 allocations for the largest hub of a
// 1 GB corpus, and writing the outputs after them took 6-10% longer
// (two interleaved pairs at -j 1 and -j 2).
class KeptStore {
 public:
  // A copy of `words`, valid as long as the store is.
  std::span<const uint32_t> Store(const KeptGrams& words) {
    if (blocks_.empty() ||
        blocks_.back().capacity() - blocks_.back().size() < words.size()) {
      blocks_.emplace_back().reserve(std::max(kBlockWords, words.size()));
      bytes_ += blocks_.back().capacity() * sizeof(uint32_t);
    }
    KeptGrams& block = blocks_.back();
    const size_t at = block.size();
    block.insert(block.end(), words.begin(), words.end());  // no reallocation
    return {block.data() + at, words.size()};
  }
  size_t bytes() const { return bytes_; }

 private:
  static constexpr size_t kBlockWords = size_t{1} << 20;
  std::vector<KeptGrams> blocks_;
  size_t bytes_ = 0;
};

struct Item {
  const ParsedFile* file = nullptr;
  const DirectiveTree* tree = nullptr;
  int index = -1;
  int group = -1;      // nearest grouping ancestor, -1 for none or a parent
  uint32_t child = 0;  // a child's index in CoverageReport::children
  GramCounts grams;    // a parent's until weighed, a kid's until kept
  std::span<const uint32_t> kept;  // a kid's, from counting to its turn
  Vector own;
  const Vector* ctx = nullptr;  // the group's words, shared by its items
};

// Nearest ancestor that is an action or section rather than a 专栏 box or
// an attachment: its heading and intro say what the items under it serve.
int GroupingAncestor(const DirectiveTree& tree, int index) {
  for (int p = tree.nodes[index].parent; p >= 0; p = tree.nodes[p].parent) {
    DirectiveKind k = tree.nodes[p].kind;
    if (k != DirectiveKind::kBox && k != DirectiveKind::kAttachment) return p;
  }
  return -1;
}

// The words of the directives one alignment reads.  A text let go after
// parsing (LoadOptions::drop_texts) is read back from its file a document
// at a time: the alignment reads a document's directives one after
// another, and comes back to the parent's between its implementers', so
// the parent document's stretch and the last implementer's are kept.
class DirectiveTexts {
 public:
  explicit DirectiveTexts(const DirectiveTree* parent) : parent_(parent) {}

  // Throws std::runtime_error, naming the file, when a text let go cannot
  // be read back as it was parsed: the alignment would be of other words.
  std::string Of(const ParsedFile& file, const DirectiveTree& tree, int index) {
    if (!file.source.origin) return DirectiveText(file.source, tree, index);
    Window& window = &tree == parent_ ? parent_window_ : child_window_;
    if (window.tree != &tree) {
      const Span range = DocumentTextRange(tree);
      window.tree = nullptr;
      if (std::optional<std::string> error = ReadTextBack(
              file.source, range.offset, range.length, window.text))
        throw std::runtime_error(*error);
      window.tree = &tree;
      window.begin = range.offset;
    }
    return DirectiveText(window.text, window.begin, tree, index);
  }

 private:
  struct Window {
    const DirectiveTree* tree = nullptr;  // whose stretch `text` is
    uint64_t begin = 0;
    std::string text;
  };
  const DirectiveTree* parent_;
  Window parent_window_, child_window_;
};

void CollectItems(const ParsedFile& file, size_t doc_index, bool with_context,
                  DirectiveTexts& texts, std::vector<Item>& items) {
  const DirectiveTree& tree = file.directives[doc_index];
  for (int index : CoverageDirectives(tree)) {
    Item item;
    item.file = &file;
    item.tree = &tree;
    item.index = index;
    item.group = with_context ? GroupingAncestor(tree, index) : -1;
    item.grams = CountTextGrams(texts.Of(file, tree, index));
    items.push_back(std::move(item));
  }
}

// Every gram of one alignment (a parent and its implementers), numbered:
// its inverse document frequency and the parent directives that use it
// are then read from arrays.  An item's gram is looked up in a flat table
// twice (counted, weighed), where node-based maps of weights and of
// posting lists had cost three lookups, each a pointer chase.
struct Posting {
  int parent;
  double weight;
};

class GramTable {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // Counts each gram of `counts` once more (its document frequency).
  // `kept` (when given) receives them as KeptGrams, or nothing when the
  // table has outgrown what a KeptGrams entry can number.
  void AddDocument(const GramCounts& counts, KeptGrams* kept = nullptr) {
    if (kept && grams_.size() + counts.size() > kMaxKeptSlot) kept = nullptr;
    for (GramCount packed : counts) {
      const Gram gram = GramOf(packed);
      auto [it, added] = slots_.try_emplace(gram, df_.size());
      if (added) df_.push_back(0), grams_.push_back(gram);
      ++df_[it->second];
      if (kept) Keep(it->second, CountOf(packed), *kept);
    }
  }

  // Turns the frequencies of `documents` items into weights.
  void SetIdf(double documents) {
    idf_.resize(df_.size());
    for (size_t i = 0; i < df_.size(); ++i)
      idf_[i] = std::log((documents + 1) / (df_[i] + 1));
    std::vector<uint32_t>().swap(df_);
    unseen_idf_ = std::log(documents + 1);
  }

  Gram GramAt(uint32_t slot) const { return grams_[slot]; }
  uint32_t Slot(Gram gram) const {
    auto it = slots_.find(gram);
    return it == slots_.end() ? kNone : it->second;
  }
  double Idf(uint32_t slot) const {
    return slot == kNone ? unseen_idf_ : idf_[slot];
  }

  // The postings of every parent directive's vector, in parent order, so
  // a gram's postings list its parents in order.  `slots[p]` holds the
  // slot of each gram of `parents[p]`, as Weigh gave them.
  void IndexParents(const std::vector<const Vector*>& parents,
                    const std::vector<std::vector<uint32_t>>& slots) {
    start_.assign(idf_.size() + 1, 0);
    for (const std::vector<uint32_t>& of_parent : slots)
      for (uint32_t slot : of_parent) ++start_[slot + 1];
    for (size_t i = 1; i < start_.size(); ++i) start_[i] += start_[i - 1];
    postings_.resize(start_.back());
    std::vector<uint32_t> next(start_.begin(), start_.end() - 1);
    for (int p = 0; p < static_cast<int>(parents.size()); ++p)
      for (size_t g = 0; g < parents[p]->size(); ++g)
        postings_[next[slots[p][g]]++] = {p, (*parents[p])[g].second};
  }

  // The parent directives that use the gram in `slot`, in order; empty
  // when none do.
  std::pair<const Posting*, const Posting*> Postings(uint32_t slot) const {
    if (slot == kNone) return {nullptr, nullptr};
    return {postings_.data() + start_[slot],
            postings_.data() + start_[slot + 1]};
  }

 private:
  absl::flat_hash_map<Gram, uint32_t> slots_;
  std::vector<Gram> grams_;  // by slot
  std::vector<uint32_t> df_;
  std::vector<double> idf_;
  double unseen_idf_ = 0;
  std::vector<uint32_t> start_;  // slot's postings: [start_[s], start_[s+1])
  std::vector<Posting> postings_;
};

// 1 + ln(count), the weight of a gram's count, read from a table for the
// counts nearly every gram has (the same values std::log gives).
double CountWeight(int count) {
  static const auto kTable = [] {
    std::array<double, 64> table{};
    for (int c = 1; c < 64; ++c) table[c] = 1 + std::log(c);
    return table;
  }();
  return count < 64 ? kTable[count] : 1 + std::log(count);
}

// Unit-length weights of the grams `each` gives, as (gram, slot, count),
// in gram order; `slots` (when given) receives the table slot of each gram
// kept, so scoring need not look them up again.  One body for counted and
// for kept grams, so both weigh, and sum, exactly alike.
template <typename Each>
Vector Weighed(size_t size, const GramTable& table,
               std::vector<uint32_t>* slots, Each each) {
  Vector v;
  v.reserve(size);
  if (slots) slots->clear();
  double norm = 0;
  each([&](Gram gram, uint32_t slot, int count) {
    const double w = CountWeight(count) * table.Idf(slot);
    if (w <= 0) return;
    v.emplace_back(gram, w);
    if (slots) slots->push_back(slot);
    norm += w * w;
  });
  norm = std::sqrt(norm);
  for (auto& [gram, w] : v) w /= norm;
  return v;
}

Vector Weigh(const GramCounts& counts, const GramTable& table,
             std::vector<uint32_t>* slots = nullptr) {
  return Weighed(counts.size(), table, slots, [&](auto weigh) {
    for (GramCount packed : counts) {
      const Gram gram = GramOf(packed);
      weigh(gram, table.Slot(gram), CountOf(packed));
    }
  });
}

// The counts `kept` holds, read by slot without looking a gram up.
Vector Weigh(std::span<const uint32_t> kept, const GramTable& table,
             std::vector<uint32_t>& slots) {
  return Weighed(kept.size(), table, &slots, [&](auto weigh) {
    for (size_t i = 0; i < kept.size(); ++i) {
      const uint32_t slot = kept[i] >> kKeptCountBits;
      uint32_t count = kept[i] & kKeptCountEscape;
      if (count == kKeptCountEscape) count = kept[++i];
      weigh(table.GramAt(slot), slot, static_cast<int>(count));
    }
  });
}

void AppendUtf8(std::u32string_view text, std::string& out) {
  for (char32_t c : text) {
    char buffer[4];
    int32_t n = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buffer), n, 4, c, error);
    if (!error) out.append(buffer, n);
  }
}

// The phrases that made the match: the shared bigrams that weighed most,
// each grown to the longest stretch of the child's text the parent also
// contains.  Readers check an alignment by these.
// The text alignment phrases are grown in: folded, as code points.
std::u32string PhraseText(const Item& item, DirectiveTexts& texts) {
  return internal::FoldForMatchCodePoints(
      WithoutMarker(texts.Of(*item.file, *item.tree, item.index)));
}

// The vectors it fills are the caller's, kept from row to row, and the
// phrases are appended to the caller's text: a hub's alignment writes a
// million rows.
struct EvidenceScratch {
  std::vector<std::pair<double, Gram>> shared;
  std::vector<size_t> places;
  std::vector<std::pair<size_t, size_t>> phrases;  // start and length in c
};

void AppendEvidence(const Item& child, const Item& parent,
                    const std::u32string& c, const std::u32string& p,
                    EvidenceScratch& scratch, std::string& out) {
  // Only bigrams make phrases, and a vector holds its unigrams (no first
  // code point) before its bigrams: the walk starts at the first bigram of
  // each, half the way in.
  auto first_bigram = [](const Vector& v) {
    return static_cast<size_t>(
        std::partition_point(v.begin(), v.end(),
                             [](const auto& g) { return g.first >> 32 == 0; }) -
        v.begin());
  };
  std::vector<std::pair<double, Gram>>& shared = scratch.shared;
  shared.clear();
  const Vector &a = child.own, &b = parent.own;
  for (size_t i = first_bigram(a), j = first_bigram(b);
       i < a.size() && j < b.size();) {
    const Gram x = a[i].first, y = b[j].first;
    if (x == y) shared.emplace_back(-a[i].second * b[j].second, x);
    i += x <= y;
    j += y <= x;
  }
  // Heaviest first; weights equal to nine places are ties, broken by gram,
  // for the same reason as the rows' order below.
  // Taken from a heap one by one: only the first few are ever needed, and
  // (weight, gram) pairs are distinct, so they come off in sorted order.
  for (auto& entry : shared) entry.first = std::round(entry.first * 1e9);
  const auto heavier = [](const auto& a, const auto& b) { return b < a; };
  std::make_heap(shared.begin(), shared.end(), heavier);
  std::vector<std::pair<size_t, size_t>>& phrases = scratch.phrases;
  std::vector<size_t>& places = scratch.places;
  phrases.clear();
  const std::u32string_view text(c);
  for (auto last = shared.end(); last != shared.begin(); --last) {
    if (phrases.size() == kEvidencePhrases) break;
    std::pop_heap(shared.begin(), last, heavier);
    const Gram gram = (last - 1)->second;
    const char32_t pair[2] = {static_cast<char32_t>(gram >> 32),
                              static_cast<char32_t>(gram & 0xFFFFFFFF)};
    const std::u32string_view bigram(pair, 2);
    bool known = false;
    for (const auto& [start, length] : phrases)
      known = known || text.substr(start, length).find(bigram) !=
                           std::u32string_view::npos;
    const size_t at = c.find(bigram);
    if (known || at == std::u32string::npos) continue;
    auto alnum = [](char32_t ch) {
      return u_isalnum(static_cast<UChar32>(ch));
    };
    // The phrase is the longest stretch of the child's letters around the
    // bigram that the parent's text also holds.  Any such stretch in the
    // parent starts or passes through one of the bigram's places there,
    // so it is grown at those places, forwards and then backwards; asking
    // the parent's whole text for each longer stretch again cost a search
    // of it per letter, a fifth of the time evidence took on 100 MB.
    places.clear();
    for (size_t q = p.find(bigram); q != std::u32string::npos;
         q = p.find(bigram, q + 1))
      places.push_back(q);
    size_t length = 2;  // from `at` forwards
    for (size_t q : places) {
      size_t k = 2;
      while (at + k < c.size() && q + k < p.size() && p[q + k] == c[at + k] &&
             alnum(c[at + k]))
        ++k;
      length = std::max(length, k);
    }
    size_t back = 0;  // from `at` backwards
    for (size_t q : places) {
      if (p.compare(q, length, c, at, length) != 0) continue;
      size_t k = 0;
      while (k < at && k < q && p[q - k - 1] == c[at - k - 1] &&
             alnum(c[at - k - 1]))
        ++k;
      back = std::max(back, k);
    }
    phrases.emplace_back(at - back, length + back);
  }
  const size_t begin = out.size();
  for (const auto& [start, length] : phrases) {
    if (out.size() > begin) out += "、";
    AppendUtf8(text.substr(start, length), out);
  }
}

}  // namespace

double RoundedScore(double score) { return std::round(score * 1000) / 1000; }

std::string ScoreText(double score) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", RoundedScore(score));
  return buffer;
}

std::vector<int> CoverageDirectives(const DirectiveTree& tree) {
  std::vector<int> out;
  for (int index : ActionableDirectives(tree))
    if (!UnderGoalStatement(tree, index)) out.push_back(index);
  return out;
}

CoverageReport MeasureCoverage(const Corpus& corpus, std::string_view parent,
                               const std::vector<std::string>& children) {
  DocumentRef parent_ref;
  parent_ref.doc =
      corpus.FindDocument(parent, &parent_ref.file, &parent_ref.tree);
  if (!parent_ref.doc) return {};
  std::vector<DocumentRef> child_refs;
  for (const std::string& id : children) {
    DocumentRef ref;
    ref.doc = corpus.FindDocument(id, &ref.file, &ref.tree);
    if (ref.doc) child_refs.push_back(ref);
  }
  return MeasureCoverage(parent_ref, child_refs);
}

std::string_view CoverageReport::DocumentOf(const Implementation& row) const {
  return row.child < children.size() ? std::string_view(children[row.child])
                                     : std::string_view();
}

std::string_view CoverageReport::FileOf(const Implementation& row) const {
  return row.child < child_files.size()
             ? std::string_view(child_files[row.child])
             : std::string_view();
}

CoverageReport MeasureCoverage(const DocumentRef& parent,
                               const std::vector<DocumentRef>& children) {
  return internal::FinishCoverage(internal::AlignCoverage(parent, children));
}

namespace internal {

PendingCoverage AlignCoverage(const DocumentRef& parent,
                              const std::vector<DocumentRef>& children,
                              size_t kept_bytes_limit, size_t dense_parents) {
  PendingCoverage pending;
  CoverageReport& report = pending.report;
  if (!parent.doc || !parent.file || !parent.tree) return pending;
  const ParsedFile* parent_file = parent.file;
  const DirectiveTree* parent_tree = parent.tree;
  const Document* parent_doc = parent.doc;
  report.parent = parent_doc->id;
  report.parent_title = parent_doc->attached_title.empty()
                            ? parent_doc->title
                            : parent_doc->attached_title;

  std::vector<Item> parents, kids;
  DirectiveTexts texts(parent_tree);
  CollectItems(*parent_file, parent_tree - parent_file->directives.data(),
               false, texts, parents);
  // Document frequencies over the directives being aligned: what the
  // parent and its implementers all say is what distinguishes nothing.
  // The children's counts go in as they are made, and are kept for their
  // turn by table slot, up to `kept_bytes_limit` in all; the rest are made
  // again then.  Counting every child's twice made alignment a third
  // slower; held as grams, a hub's thousands of implementers' counts were
  // the top of a large build's memory.
  GramTable table;
  for (const Item& item : parents) table.AddDocument(item.grams);
  KeptStore kept;
  KeptGrams scratch;
  std::unordered_set<std::string_view> seen;  // a hub has thousands
  for (const DocumentRef& child : children) {
    const Document* doc = child.doc;
    if (!doc || !child.file || !child.tree || doc == parent_doc) continue;
    if (!seen.insert(doc->id).second) continue;
    report.children.push_back(doc->id);
    report.child_files.push_back(doc->file);
    pending.child_trees.push_back(child.tree);
    const size_t first = kids.size();
    CollectItems(*child.file, child.tree - child.file->directives.data(), true,
                 texts, kids);
    for (size_t k = first; k < kids.size(); ++k) {
      kids[k].child = static_cast<uint32_t>(report.children.size() - 1);
      scratch.clear();
      const bool keep =
          kept.bytes() + kids[k].grams.size() * sizeof(uint32_t) <=
          kept_bytes_limit;
      table.AddDocument(kids[k].grams, keep ? &scratch : nullptr);
      if (!scratch.empty()) kids[k].kept = kept.Store(scratch);
      GramCounts().swap(kids[k].grams);
    }
  }

  table.SetIdf(static_cast<double>(parents.size() + kids.size()));
  std::vector<const Vector*> parent_vectors;
  std::vector<std::vector<uint32_t>> parent_slots(parents.size());
  for (size_t p = 0; p < parents.size(); ++p) {
    parents[p].own = Weigh(parents[p].grams, table, &parent_slots[p]);
    GramCounts().swap(parents[p].grams);
    parent_vectors.push_back(&parents[p].own);
  }

  // Inverted index of the parent's grams with their weights.  A child's
  // scores are summed along it: each shared gram adds its product to the
  // parents that have it, in the child's gram order, which is the order
  // (and so the floating-point result) of a merge of the two vectors.
  // Grams most parent directives share only add to scores, they do not
  // propose candidates.
  table.IndexParents(parent_vectors, parent_slots);
  std::vector<std::vector<uint32_t>>().swap(parent_slots);
  const size_t common = std::max(
      kMinPostings, static_cast<size_t>(kCommonShare * parents.size()));

  report.directives.reserve(parents.size());
  for (const Item& parent_item : parents) {
    const Directive& d = parent_tree->nodes[parent_item.index];
    DirectiveCoverage entry;
    entry.id = d.id;
    entry.label = d.label;
    entry.file = parent_doc->file;
    entry.line = d.line;
    entry.heading = d.heading;
    entry.lead_units = d.lead_units;
    entry.deadline = d.deadline;
    report.directives.push_back(std::move(entry));
  }

  std::vector<char> candidate(parents.size(), 0), touched(parents.size(), 0);
  std::vector<double> own_sum(parents.size(), 0), ctx_sum(parents.size(), 0);
  std::vector<int> candidates, touched_list;
  const bool dense = parents.size() <= dense_parents;
  std::vector<std::pair<int, double>> scores;
  std::vector<std::pair<double, int>> passing;  // (score, -parent)
  EvidenceScratch evidence_scratch;
  // Phrase texts are folded once per directive, when first needed: a hub's
  // directive is matched by thousands of items.
  std::vector<std::u32string> parent_text(parents.size());
  // A kid is weighed when its turn comes and its vector dropped after:
  // weights (16 bytes a gram) for every item of a hub's thousands of
  // implementers were most of the memory of a large build.  The items of
  // one action come together and share its heading's vector.
  Vector context;
  std::vector<uint32_t> own_slots, context_slots;
  for (size_t i = 0; i < kids.size(); ++i) {
    Item& kid = kids[i];
    if (!kid.kept.empty()) {
      kid.own = Weigh(kid.kept, table, own_slots);
    } else {  // not kept, or no grams at all
      kid.own = Weigh(CountTextGrams(texts.Of(*kid.file, *kid.tree, kid.index)),
                      table, &own_slots);
    }
    if (kid.group >= 0) {
      const Item* previous = i > 0 ? &kids[i - 1] : nullptr;
      if (!previous || previous->tree != kid.tree ||
          previous->group != kid.group)
        context =
            Weigh(CountTextGrams(texts.Of(*kid.file, *kid.tree, kid.group)),
                  table, &context_slots);
      kid.ctx = &context;
    }
    candidates.clear();
    touched_list.clear();
    auto accumulate = [&](const Vector& v, const std::vector<uint32_t>& slots,
                          std::vector<double>& sum) {
      for (size_t g = 0; g < v.size(); ++g) {
        const double weight = v[g].second;
        const auto [first, last] = table.Postings(slots[g]);
        const char proposes = static_cast<size_t>(last - first) <= common;
        if (dense) {
          for (const Posting* posting = first; posting != last; ++posting) {
            sum[posting->parent] += weight * posting->weight;
            candidate[posting->parent] |= proposes;
          }
          continue;
        }
        for (const Posting* posting = first; posting != last; ++posting) {
          const int p = posting->parent;
          sum[p] += weight * posting->weight;
          if (!touched[p]) touched[p] = 1, touched_list.push_back(p);
          if (proposes && !candidate[p])
            candidate[p] = 1, candidates.push_back(p);
        }
      }
    };
    accumulate(kid.own, own_slots, own_sum);
    if (kid.ctx) accumulate(*kid.ctx, context_slots, ctx_sum);
    // In parent order rather than as first proposed: a kid makes at most
    // one row a parent directive, so the order never reaches the report.
    if (dense) {
      for (int p = 0; p < static_cast<int>(parents.size()); ++p)
        if (candidate[p]) candidate[p] = 0, candidates.push_back(p);
    }
    scores.clear();
    double best = 0;
    for (int p : candidates) {
      // Divided by the weights' sum so a score stays within [0, 1].
      double s =
          (own_sum[p] + kContextWeight * ctx_sum[p]) / (1 + kContextWeight);
      scores.emplace_back(p, s);
      best = std::max(best, s);
    }
    if (dense) {
      std::fill(own_sum.begin(), own_sum.end(), 0);
      if (kid.ctx) std::fill(ctx_sum.begin(), ctx_sum.end(), 0);
    }
    for (int p : touched_list) {
      touched[p] = candidate[p] = 0;
      own_sum[p] = ctx_sum[p] = 0;
    }
    // The score and parent of the kid's last row when more parents than
    // kMaxParentsPerChild pass: rows go to the best scores, and among equal
    // ones to the first parent directives.
    const double least = std::max(kAlignThreshold, kNearBest * best);
    std::pair<double, int> last_kept{least, static_cast<int>(parents.size())};
    passing.clear();
    for (const auto& [p, s] : scores)
      if (s >= least) passing.emplace_back(s, -p);
    if (passing.size() > kMaxParentsPerChild) {
      auto nth = passing.begin() + (kMaxParentsPerChild - 1);
      std::nth_element(passing.begin(), nth, passing.end(), std::greater<>());
      last_kept = {nth->first, -nth->second};
    }
    std::u32string kid_text;
    size_t directive_at = std::string::npos;  // the kid's strings, once
    for (const auto& [p, s] : scores) {
      if (s < least) continue;
      if (s < last_kept.first || (s == last_kept.first && p > last_kept.second))
        continue;
      if (kid_text.empty()) kid_text = PhraseText(kid, texts);
      if (parent_text[p].empty())
        parent_text[p] = PhraseText(parents[p], texts);
      if (directive_at == std::string::npos) {
        const Directive& d = kid.tree->nodes[kid.index];
        directive_at = pending.text.size();
        pending.text.append(d.id).append(d.heading).append(d.deadline);
      }
      const size_t evidence_at = pending.text.size();
      AppendEvidence(kid, parents[p], kid_text, parent_text[p],
                     evidence_scratch, pending.text);
      pending.rows.push_back({.parent_directive = static_cast<uint32_t>(p),
                              .child = kid.child,
                              .directive = kid.index,
                              .evidence_size = static_cast<uint32_t>(
                                  pending.text.size() - evidence_at),
                              .evidence_at = evidence_at,
                              .directive_at = directive_at,
                              .score = s});
    }
    Vector().swap(kid.own);
  }

  pending.rows.shrink_to_fit();
  pending.text.shrink_to_fit();
  return pending;
}

CoverageReport FinishCoverage(PendingCoverage pending) {
  CoverageReport report = std::move(pending.report);
  // Each list is made at its final size: grown by doubling, the reports
  // (kept until build has written them) would hold up to half again their
  // rows' memory.
  std::vector<uint32_t> rows_of(report.directives.size(), 0);
  for (const PendingRow& row : pending.rows) ++rows_of[row.parent_directive];
  for (size_t p = 0; p < rows_of.size(); ++p)
    report.directives[p].implemented_by.reserve(rows_of[p]);
  // Moved, not copied: the views into it stay put.
  auto owner = std::make_shared<const std::string>(std::move(pending.text));
  const std::string_view text(*owner);
  for (const PendingRow& row : pending.rows) {
    const Directive& d = pending.child_trees[row.child]->nodes[row.directive];
    Implementation impl;
    impl.child = row.child;
    impl.line = d.line;
    // The directive's id, heading and deadline, one after another.
    const std::string_view strings = text.substr(row.directive_at);
    impl.id = strings.substr(0, d.id.size());
    impl.heading = strings.substr(d.id.size(), d.heading.size());
    impl.deadline =
        strings.substr(d.id.size() + d.heading.size(), d.deadline.size());
    impl.score = row.score;
    impl.evidence = text.substr(row.evidence_at, row.evidence_size);
    impl.lead_units = d.lead_units;
    report.directives[row.parent_directive].implemented_by.push_back(
        std::move(impl));
  }
  report.text = std::move(owner);
  for (DirectiveCoverage& entry : report.directives) {
    // Best score first; scores that print the same are ties, kept in
    // document order (kids were collected in order, and stable_sort keeps
    // it), so the last bits of a floating-point sum never reorder rows.
    std::stable_sort(entry.implemented_by.begin(), entry.implemented_by.end(),
                     [](const Implementation& a, const Implementation& b) {
                       return RoundedScore(a.score) > RoundedScore(b.score);
                     });
    report.covered += !entry.implemented_by.empty();
  }
  report.total = report.directives.size();
  return report;
}

}  // namespace internal

}  // namespace policygraph

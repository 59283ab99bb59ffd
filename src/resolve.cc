#include "policygraph/resolve.h"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>
#include <re2/re2.h>

#include "policygraph/fold.h"
#include "policygraph/pipeline.h"
#include "policygraph/segment.h"

#include "issuer_name.h"
#include "text_util.h"
#include "title_index.h"

namespace policygraph {
namespace {

using internal::Contains;
using internal::EndsWith;
using internal::EraseAll;
using internal::StartsWith;

void ReplaceAll(std::string& s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos;
       at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

// CanonicalTitle of a title already folded, which the resolver's index has
// at hand as its exact-title key: folding is most of the canonical form.
std::string CanonicalOfFolded(std::string s) {
  for (std::string_view mark : {"《", "》", "〈", "〉", "\"", "“", "”"})
    EraseAll(s, mark);
  EraseAll(s, "的");
  ReplaceAll(s, "实施方案", "方案");
  return WithoutJurisdiction(s);
}

// The numbers a canonical title carries: its runs of digits, and the
// ordinals after 第 (十四 of 第十四个五年规划, 5 of 第5批).  Two titles whose
// numbers differ name different documents however alike their words are:
// the 13th and the 14th five-year plan, the 2021 and the 2022 work plan.
struct TitleNumbers {
  std::vector<std::string> digits, ordinals;
};

TitleNumbers NumbersOf(std::string_view canonical) {
  static const RE2* digits = new RE2(R"(([0-9]+))");
  static const RE2* ordinal =
      new RE2(R"(第([0-9〇零一二三四五六七八九十百千万两]+))");
  TitleNumbers numbers;
  std::string run;
  re2::StringPiece input(canonical.data(), canonical.size());
  while (RE2::FindAndConsume(&input, *digits, &run))
    numbers.digits.push_back(run);
  input = re2::StringPiece(canonical.data(), canonical.size());
  while (RE2::FindAndConsume(&input, *ordinal, &run))
    numbers.ordinals.push_back(run);
  return numbers;
}

// True when both titles carry numbers of one kind and those differ.  A
// title that leaves its years out, or writes them in words, may still be
// a variant of one that has them.
bool NumbersDiffer(const TitleNumbers& x, const TitleNumbers& y) {
  auto differ = [](const std::vector<std::string>& p,
                   const std::vector<std::string>& q) {
    return !p.empty() && !q.empty() && p != q;
  };
  return differ(x.digits, y.digits) || differ(x.ordinals, y.ordinals);
}

// The digit runs of a title as one key: equal keys, equal runs.
std::string DigitKey(const TitleNumbers& numbers) {
  std::string key;
  for (const std::string& run : numbers.digits) key += run + ",";
  return key;
}

// A document the resolver can point at, by the keys it is known under.
struct Candidate {
  std::string_view id;    // the document's, in the corpus
  std::string canonical;  // CanonicalTitle of the title or attached title
  TitleNumbers numbers;   // of `canonical`
};

// A corpus title a cited title may fuzzily name, with its Dice score.
struct FuzzyMatch {
  uint32_t candidate;
  double score;
};

class Resolver {
 public:
  explicit Resolver(Corpus& corpus) : corpus_(corpus) {}
  Resolution Run();

 private:
  void Index();
  bool ByNumber(Reference& r);
  bool ByTitle(Reference& r, const std::string& title, const char* tier);
  bool ByShortIssuer(Reference& r, const char* tier);
  bool ByFuzzy(Reference& r, const std::string& title);
  void ToExternal(Reference& r, const std::string& title);
  void Pick(Reference& r, std::vector<std::string> ids, const char* tier,
            double score);

  Corpus& corpus_;
  bool NumberConflicts(const Reference& r, std::string_view id) const;

  // Number → id and id → number, views of the corpus's documents, which
  // resolving leaves alone (it writes references only): copying the keys
  // of a 1 GB corpus's 113,000 documents into node-based maps, and freeing
  // them again, cost more than looking them up.
  absl::flat_hash_map<std::string_view, std::string_view> by_number_;
  absl::flat_hash_map<std::string_view, std::string_view> number_of_;
  // Folded title → ids, a document listed twice when its attached title
  // folds to its title (Pick drops the repeat).
  absl::flat_hash_map<std::string, std::vector<std::string_view>> by_title_;
  // The part of a folded title from its 关于 on → the ids of documents
  // so titled, each with the part before (its issuers).
  struct Issued {
    std::string_view id;
    std::string issuers;
  };
  absl::flat_hash_map<std::string, std::vector<Issued>> by_about_;
  bool about_indexed_ = false;
  void IndexAbout();
  std::vector<Candidate> candidates_;
  // Bigram index over candidates_ (same numbering) and, per canonical
  // cited title, the candidates at or above the threshold: a law cited a
  // thousand times is scored once.  The index files titles by their
  // digits (group 0: none), which a fuzzy match must share when both have
  // some.
  internal::TitleIndex fuzzy_index_{kFuzzyThreshold};
  absl::flat_hash_map<std::string, uint32_t> digit_groups_;  // joined runs
  std::vector<uint32_t> FuzzyGroups(const TitleNumbers& numbers) const;
  absl::flat_hash_map<std::string, std::vector<uint32_t>> by_canonical_;
  absl::flat_hash_map<std::string, std::vector<FuzzyMatch>> fuzzy_cache_;
  const std::vector<FuzzyMatch>& FuzzyMatches(const std::string& canonical);
  std::map<std::string, ExternalNode> externals_;
  std::map<std::string, std::string> external_by_title_;  // title → id
  // Outside nodes whose title so far is only one a list printed unmarked.
  absl::flat_hash_set<std::string> listed_only_;
  Resolution out_;
};

void Resolver::Index() {
  size_t documents = 0;
  for (const ParsedFile& f : corpus_.files) documents += f.documents.size();
  by_number_.reserve(documents);
  number_of_.reserve(documents);
  by_title_.reserve(documents);
  by_canonical_.reserve(documents);
  candidates_.reserve(documents);
  for (const ParsedFile& f : corpus_.files) {
    for (const Document& d : f.documents) {
      if (!d.doc_number.empty()) by_number_.emplace(d.doc_number, d.id);
      const std::string& number =
          d.doc_number.empty() ? d.decree_number : d.doc_number;
      if (!number.empty()) number_of_.emplace(d.id, number);
      if (!d.decree_number.empty()) by_number_.emplace(d.decree_number, d.id);
      for (const std::string* t : {&d.title, &d.attached_title}) {
        if (t->empty()) continue;
        std::string folded = FoldForMatch(*t);
        by_title_[folded].push_back(d.id);
        std::string canonical = CanonicalOfFolded(std::move(folded));
        by_canonical_[canonical].push_back(
            static_cast<uint32_t>(candidates_.size()));
        TitleNumbers numbers = NumbersOf(canonical);
        uint32_t group = 0;
        if (!numbers.digits.empty())
          group =
              digit_groups_
                  .try_emplace(DigitKey(numbers),
                               static_cast<uint32_t>(digit_groups_.size() + 1))
                  .first->second;
        fuzzy_index_.Add(internal::TitleBigrams(canonical), group);
        candidates_.push_back({d.id, std::move(canonical), std::move(numbers)});
      }
    }
  }
}

// The groups a title with `numbers` can match in: those without digits
// and those with its own, or all when it has none.
std::vector<uint32_t> Resolver::FuzzyGroups(const TitleNumbers& numbers) const {
  if (numbers.digits.empty()) return {};
  std::vector<uint32_t> groups = {0};
  if (auto it = digit_groups_.find(DigitKey(numbers));
      it != digit_groups_.end())
    groups.push_back(it->second);
  return groups;
}

void Resolver::Pick(Reference& r, std::vector<std::string> ids,
                    const char* tier, double score) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (ids.size() > 1) {
    std::string list;
    for (const std::string& id : ids) {
      if (!list.empty()) list += ", ";
      list += id;
    }
    out_.diagnostics.push_back(
        {Severity::kWarning, r.file, r.line, "ambiguous-reference",
         "reference " + r.surface + " matches several documents (" + list +
             "); taking " + ids.front()});
  }
  r.target = ids.front();
  r.target_kind = "document";
  r.tier = tier;
  r.score = score;
}

bool Resolver::ByNumber(Reference& r) {
  if (r.doc_number.empty()) return false;
  auto it = by_number_.find(r.doc_number);
  if (it == by_number_.end()) return false;
  Pick(r, {std::string(it->second)}, "number", 1);
  return true;
}

// A reference that prints a number names the document with that number
// only: 渝府办发〔2023〕1号 is not its Hechuan counterpart whatever the title.
bool Resolver::NumberConflicts(const Reference& r, std::string_view id) const {
  if (r.doc_number.empty()) return false;
  auto it = number_of_.find(id);
  return it != number_of_.end() && it->second != r.doc_number;
}

bool Resolver::ByTitle(Reference& r, const std::string& title,
                       const char* tier) {
  if (title.empty()) return false;
  auto it = by_title_.find(FoldForMatch(title));
  if (it == by_title_.end()) return false;
  std::vector<std::string> ids;
  for (std::string_view id : it->second)
    if (!NumberConflicts(r, id)) ids.emplace_back(id);
  if (ids.empty()) return false;
  Pick(r, ids, tier, 1);
  return true;
}

// A 关于 title printed after its issuer's short name (市发展改革委《关于…》,
// 区应急局《关于…》), found among the documents of that title whose issuer
// the short name abbreviates (重庆市发展和改革委员会关于…).
bool Resolver::ByShortIssuer(Reference& r, const char* tier) {
  if (r.issuer.empty()) return false;
  if (!about_indexed_) IndexAbout();
  const std::string_view printed = r.alias_of.empty() ? r.title : r.alias_of;
  const size_t about = printed.find("关于");
  if (about == std::string_view::npos) return false;
  auto it = by_about_.find(FoldForMatch(printed.substr(about)));
  if (it == by_about_.end()) return false;
  const std::string cited = FoldForMatch(r.issuer);
  std::vector<std::string> ids;
  for (const Issued& d : it->second)
    if (internal::AbbreviatesIssuer(cited, d.issuers) &&
        !NumberConflicts(r, d.id))
      ids.emplace_back(d.id);
  if (ids.empty()) return false;
  Pick(r, ids, tier, 1);
  return true;
}

// by_about_, made the first time a citation prints an issuer the exact
// title does not find: most corpora never ask.
void Resolver::IndexAbout() {
  about_indexed_ = true;
  for (const ParsedFile& f : corpus_.files)
    for (const Document& d : f.documents)
      for (const std::string* t : {&d.title, &d.attached_title}) {
        std::string folded = FoldForMatch(*t);
        if (const size_t about = folded.find("关于");
            about != std::string::npos && about > 0)
          by_about_[folded.substr(about)].push_back(
              {d.id, folded.substr(0, about)});
      }
}

// The issuer part of a 关于 title ("" when there is none).
std::string_view IssuerPart(std::string_view canonical) {
  size_t about = canonical.find("关于");
  return about == std::string_view::npos ? "" : canonical.substr(0, about);
}

const std::vector<FuzzyMatch>& Resolver::FuzzyMatches(
    const std::string& canonical) {
  auto cached = fuzzy_cache_.find(canonical);
  if (cached != fuzzy_cache_.end()) return cached->second;
  std::vector<FuzzyMatch> matches;
  const std::vector<uint64_t> bigrams = internal::TitleBigrams(canonical);
  const TitleNumbers numbers = NumbersOf(canonical);
  std::vector<uint32_t> pool =
      fuzzy_index_.Candidates(bigrams, FuzzyGroups(numbers));
  // Equal titles score 1 whatever their length (one-character titles have
  // no bigrams to be found by).
  if (auto equal = by_canonical_.find(canonical); equal != by_canonical_.end())
    pool.insert(pool.end(), equal->second.begin(), equal->second.end());
  std::sort(pool.begin(), pool.end());
  pool.erase(std::unique(pool.begin(), pool.end()), pool.end());
  const bool has_about = Contains(canonical, "关于");
  const std::string_view issuer = IssuerPart(canonical);
  for (uint32_t i : pool) {
    const Candidate& c = candidates_[i];
    // Different issuers never issue one document.
    if (has_about && Contains(c.canonical, "关于") &&
        issuer != IssuerPart(c.canonical))
      continue;
    double score = 1.0;
    if (canonical != c.canonical) {
      // Containment is a different document (森林法 vs 森林法实施条例),
      // and so are other numbers (第十三个 vs 第十四个五年规划).  The pool
      // holds no title with other digits; ordinals in words are asked
      // first, as a family differing in those alone can fill it.
      if (NumbersDiffer(numbers, c.numbers) ||
          Contains(canonical, c.canonical) || Contains(c.canonical, canonical))
        continue;
      score = internal::BigramDice(bigrams, fuzzy_index_.Bigrams(i));
    }
    if (score >= kFuzzyThreshold) matches.push_back({i, score});
  }
  return fuzzy_cache_.emplace(canonical, std::move(matches)).first->second;
}

bool Resolver::ByFuzzy(Reference& r, const std::string& title) {
  if (title.empty()) return false;
  double best = 0;
  std::vector<std::string> ids;
  for (const FuzzyMatch& m : FuzzyMatches(CanonicalTitle(title))) {
    const Candidate& c = candidates_[m.candidate];
    // A document does not cite itself under another name: what it cites
    // with its own title less the jurisdiction is another's (重庆市物业管理
    // 条例 rests on 《物业管理条例》, the State Council's).
    if (NumberConflicts(r, c.id) || (!r.self && c.id == r.doc)) continue;
    if (m.score > best + 1e-9) {
      best = m.score;
      ids = {std::string(c.id)};
    } else if (m.score > best - 1e-9) {
      ids.emplace_back(c.id);
    }
  }
  if (ids.empty()) return false;
  Pick(r, ids, "fuzzy", best);
  return true;
}

// The title a reference is resolved by: what it names (NamedTitle), a
// national law under its full name, as 《消防法》 and 《中华人民共和国消防法》
// are one law.  Laws are the titles ending in 法 that no type word ends
// (办法, 方法 and 做法 are none), and 民法典, that no place opens.
std::string CitedTitle(const Reference& r) {
  constexpr std::string_view kState = "中华人民共和国";
  std::string title = NamedTitle(r);
  // Contains first: the classification is a few patterns, and most titles
  // hold no 法.
  if (Contains(title, "法") && !StartsWith(title, kState) &&
      ClassifyExternalType(title, "") == "law" &&
      ClassifyExternalLevel(title, "") == Level::kNational)
    title.insert(0, kState);
  return title;
}

void Resolver::ToExternal(Reference& r, const std::string& title) {
  std::string id;
  if (!r.doc_number.empty()) {
    id = r.doc_number;
  } else if (auto it = external_by_title_.find(FoldForMatch(title));
             it != external_by_title_.end()) {
    id = it->second;
  } else {
    id = "title:" + title;
  }
  ExternalNode& node = externals_[id];
  if (node.id.empty()) {
    node.id = id;
    node.doc_number = r.doc_number;
  }
  // A title in marks wins over one a list printed without them, whichever
  // comes first.
  if (!title.empty() && (node.title.empty() || listed_only_.erase(id) > 0)) {
    node.title = title;
  } else if (node.title.empty() && !r.listed_title.empty()) {
    node.title = r.listed_title;
    listed_only_.insert(id);
  }
  ++node.mentions;
  r.target = id;
  r.target_kind = "external";
  r.tier = "external";
  r.score = 0;
}

Resolution Resolver::Run() {
  Index();
  // A title printed once with its number names the numbered node everywhere.
  for (const ParsedFile& f : corpus_.files)
    for (const Reference& r : f.references)
      if (!r.doc_number.empty() && !r.title.empty() &&
          !by_number_.count(r.doc_number))
        external_by_title_.emplace(FoldForMatch(CitedTitle(r)), r.doc_number);
  for (ParsedFile& f : corpus_.files) {
    for (Reference& r : f.references) {
      if (r.self) {
        Pick(r, {r.doc}, "self", 1);
        continue;
      }
      const std::string title = CitedTitle(r);
      if (ByNumber(r)) continue;
      const char* tier = r.alias_of.empty() ? "title" : "alias";
      if (ByTitle(r, title, tier)) continue;
      // A document whose own title was printed without its issuer.
      if (!r.issuer.empty() &&
          ByTitle(r, r.alias_of.empty() ? r.title : r.alias_of, tier))
        continue;
      if (ByShortIssuer(r, tier)) continue;
      if (ByFuzzy(r, title)) continue;
      ToExternal(r, title);
    }
  }
  for (auto& [id, node] : externals_) {
    node.level = ClassifyExternalLevel(node.title, node.doc_number);
    node.type = ClassifyExternalType(node.title, node.doc_number);
    out_.externals.push_back(node);
  }
  return std::move(out_);
}

}  // namespace

std::string CanonicalTitle(std::string_view title) {
  return CanonicalOfFolded(FoldForMatch(title));
}

// Dice coefficient over character bigrams; 0 when one title merely
// contains the other (森林法 vs 森林法实施条例 are different documents).
double TitleSimilarity(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return 0;
  if (a != b && (Contains(a, b) || Contains(b, a) ||
                 NumbersDiffer(NumbersOf(a), NumbersOf(b))))
    return 0;
  std::vector<uint64_t> ga = internal::TitleBigrams(a);
  std::vector<uint64_t> gb = internal::TitleBigrams(b);
  if (ga.empty() || gb.empty()) return a == b ? 1 : 0;
  return internal::BigramDice(ga, gb);
}

Level ClassifyExternalLevel(std::string_view title, std::string_view number) {
  std::string t = RemoveWhitespace(title);
  std::string n = RemoveWhitespace(number);
  for (std::string_view p : {"国务院", "中共中央", "国家", "中华人民共和国",
                             "全国", "中国", "党中央"})
    if (StartsWith(t, p) || (p.size() <= 6 && StartsWith(n, p)))
      return Level::kNational;
  if (internal::OpensWithNationalIssuer(t)) return Level::kNational;
  for (std::string_view p : {"国", "中发", "中办发", "GB", "银发", "主席令"})
    if (StartsWith(n, p)) return Level::kNational;
  // Only national bodies are named 部, 总署 or 总局 (a province's are 厅 and
  // 局): their decrees and announcements, 生态环境部令第1号, 海关总署公告
  // 2022年第113号, 财政部税务总局公告2023年第12号.
  static const RE2* ministry =
      new RE2(R"(^\p{Han}{1,12}?(?:部|总署|总局)\p{Han}{0,12}?(?:令|公告))");
  if (!n.empty() && RE2::PartialMatch(n, *ministry)) return Level::kNational;
  // Without a title, a decree number written out names its issuer:
  // 重庆市人民政府令第359号.
  const std::string& named = t.empty() ? n : t;
  // 合川区…, 重庆市石柱县…, 中共重庆市合川区委…; not 成渝地区… or 园区.
  static const RE2* district = new RE2(
      R"(^(?:中共)?(?:重庆市)?\p{Han}{0,5}?([^地社园片景街小])(?:区|县|自治县)[^级])");
  // A district's or county's government numbers with its place's two or
  // three characters before 府 (合川府发, 渝北府办发, 钱塘府文); a
  // province's with one (渝府发, 川府发).
  static const RE2* district_code = new RE2(R"(^\p{Han}{2,3}府)");
  if (RE2::PartialMatch(named, *district) ||
      RE2::PartialMatch(n, *district_code) || StartsWith(n, "合川"))
    return Level::kDistrict;
  static const RE2* province = new RE2(R"(^\p{Han}{1,6}?(省|市|自治区))");
  if (RE2::PartialMatch(named, *province)) return Level::kMunicipal;
  static const RE2* province_code = new RE2(
      R"(^[渝京津沪冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川贵黔云滇藏陕甘青宁新])");
  if (!n.empty() && RE2::PartialMatch(n, *province_code))
    return Level::kMunicipal;
  // Laws and State Council regulations carry no jurisdiction in their name.
  if (!t.empty() &&
      (EndsWith(t, "法") || EndsWith(t, "法典") || EndsWith(t, "条例")))
    return Level::kNational;
  return Level::kUnknown;
}

std::string ClassifyExternalType(std::string_view title,
                                 std::string_view number) {
  static const RE2* standard =
      new RE2(R"(^(GB|HJ|WS|JGJ|CJJ|DB|JT|SL|DL|NY|YY|AQ|MZ|GA|XF))");
  if (title.empty()) {
    if (RE2::PartialMatch(number, *standard)) return "standard";
    // A decree number says what it promulgates: the President's a law,
    // the State Council's a regulation, a ministry's or a province's its
    // rules (规章).
    if (Contains(number, "主席令")) return "law";
    if (StartsWith(number, "国务院令")) return "regulation";
    if (Contains(number, "令")) return "rules";
    if (Contains(number, "公告") || Contains(number, "通告"))
      return "announcement";
    return "other";
  }
  std::string t = RemoveWhitespace(title);
  while (EndsWith(t, "）")) {
    size_t open = t.rfind("（");
    if (open == std::string::npos || open == 0) break;
    t.resize(open);
  }
  // A 印发 notice is known by what it issues: 国务院关于印发“十四五”国家
  // 应急体系规划的通知 is a plan.
  if (std::string issued = IssuedTitle(t);
      !issued.empty() && !TitleType(issued).empty())
    return ClassifyExternalType(issued, "");
  std::string type = TitleType(t);
  if (type.empty() &&
      ((EndsWith(t, "法") && !EndsWith(t, "方法") && !EndsWith(t, "做法")) ||
       EndsWith(t, "法典")))
    return "law";
  if (type == "条例") return "regulation";
  if (type == "办法" || type == "规定" || type == "细则" || type == "规则")
    return "rules";
  if (type == "规划" || type == "纲要" || type == "预案") return "plan";
  if (type == "方案" || type == "计划" || type == "要点") return "scheme";
  if (type == "意见") return "opinion";
  if (type == "通知" || type == "通报") return "notice";
  if (type == "决定") return "decision";
  if (type == "公告" || type == "通告") return "announcement";
  if (type == "标准" || RE2::PartialMatch(number, *standard)) return "standard";
  return "other";
}

Resolution ResolveReferences(Corpus& corpus) { return Resolver(corpus).Run(); }

}  // namespace policygraph

#include "policygraph/counterpart.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <iterator>
#include <limits>
#include <tuple>
#include <unordered_map>

#include <re2/re2.h>

#include "policygraph/fold.h"
#include "policygraph/pipeline.h"
#include "policygraph/segment.h"

#include "text_util.h"

namespace policygraph {
namespace {

using internal::CodePointCount;
using internal::EndsWith;
using internal::StartsWith;

// Fewer characters than this say too little to tell two policies apart
// (工作方案, 实施意见).
constexpr size_t kMinCoreChars = 6;

// Words that open a title only to say whose it is (全区安全生产…,
// 国家综合立体交通网…, 中华人民共和国…法).
constexpr std::array<std::string_view, 8> kReachWords = {
    "中华人民共和国", "全区", "全市", "全县", "全省", "全国", "国家", "中国"};

// X区 names that are areas, not jurisdictions: 成渝地区双城经济圈,
// 城乡社区服务体系, 禁采区, 高新技术产业开发区 and the like.
constexpr std::array<std::string_view, 32> kAreaSuffixes = {
    "地区", "社区", "园区", "景区", "城区", "山区", "库区", "林区",
    "矿区", "片区", "小区", "街区", "校区", "辖区", "牧区", "灾区",
    "禁区", "采区", "湾区", "老区", "市区", "郊区", "镇区", "港区",
    "范区", "发区", "护区", "能区", "聚区", "验区", "作区", "济区"};

// A "jurisdiction" holding one of these is the start of a sentence:
// 全面开展区县级…, 成立合川区…委员会, 印发合川区…规划, 加快推进县城….
constexpr std::array<std::string_view, 20> kVerbs = {
    "开展", "推进", "加快", "推动", "促进", "加强", "建设",
    "做好", "支持", "实施", "深化", "健全", "完善", "优化",
    "印发", "转发", "公布", "调整", "成立", "制定"};

// Words whose first character ends what looks like a jurisdiction: 区域,
// 县城, 市场 … are not 区, 县, 市 followed by a subject.
constexpr std::array<std::string_view, 16> kSplitWords = {
    "区域", "区划", "区级", "县域", "县城", "县级", "市场", "市民",
    "市政", "市容", "市级", "市域", "市长", "省级", "省长", "省域"};

bool HoldsVerb(std::string_view prefix) {
  for (std::string_view verb : kVerbs)
    if (prefix.find(verb) != std::string_view::npos) return true;
  return false;
}

// Whether cutting between `prefix` and `rest` would split a word.  Every
// word of kSplitWords is two three-byte characters.
bool SplitsWord(std::string_view prefix, std::string_view rest) {
  for (std::string_view word : kSplitWords)
    if (EndsWith(prefix, word.substr(0, 3)) && StartsWith(rest, word.substr(3)))
      return true;
  return false;
}

// A prefix the patterns matched that is no jurisdiction after all.
bool IsFalseJurisdiction(std::string_view prefix, std::string_view rest) {
  return HoldsVerb(prefix) || SplitsWord(prefix, rest);
}

// Strips one leading 全区/国家/… word; `title` unchanged when none.
std::string_view WithoutReachWord(std::string_view title) {
  for (std::string_view word : kReachWords)
    if (StartsWith(title, word)) return title.substr(word.size());
  return title;
}

// Strips one leading province or city (fold.h's WithoutJurisdiction),
// unless what it took reads as a word: 城市 of 城市更新, 智慧城市 of
// 新型智慧城市建设方案.  A real name has two characters or more before
// 省/市, and the few ending in 城 (晋城市, 聊城市) have just two.
std::string_view WithoutProvinceOrCity(std::string_view title) {
  const std::string rest = WithoutJurisdiction(title);
  if (rest.size() == title.size()) return title;
  std::string_view prefix = title.substr(0, title.size() - rest.size());
  std::string_view after = title.substr(prefix.size());
  const size_t chars = CodePointCount(prefix);
  if (chars < 3 || IsFalseJurisdiction(prefix, after)) return title;
  if (chars > 3 && (EndsWith(prefix, "城市") || EndsWith(prefix, "都市")))
    return title;
  return after;
}

// Counties named by one character (GB/T 2260), which the pattern below,
// wanting two, cannot tell from 全县 or 该县: 忠县 in Chongqing and those
// elsewhere whose documents a national corpus would hold.
constexpr std::array<std::string_view, 36> kOneCharacterCounties = {
    "忠县", "沛县", "滑县", "萧县", "泾县", "黟县", "歙县", "岚县", "代县",
    "祁县", "易县", "蠡县", "雄县", "献县", "磁县", "涉县", "魏县", "赵县",
    "唐县", "容县", "藤县", "澧县", "攸县", "眉县", "陇县", "礼县", "费县",
    "莘县", "冠县", "曹县", "杞县", "息县", "淇县", "浚县", "睢县", "郏县"};

// Strips one leading district or county: 合川区, 石柱土家族自治县, 忠县.
std::string_view WithoutDistrict(std::string_view title) {
  for (std::string_view county : kOneCharacterCounties) {
    if (!StartsWith(title, county)) continue;
    std::string_view after = title.substr(county.size());
    return IsFalseJurisdiction(county, after) ? title : after;
  }
  static const RE2* district =
      new RE2(R"(^(\p{Han}{2,8}?自治县|\p{Han}{2,4}?(?:区|县)))");
  re2::StringPiece input(title.data(), title.size());
  re2::StringPiece match;
  if (!RE2::PartialMatch(input, *district, &match)) return title;
  std::string_view prefix(match.data(), match.size());
  std::string_view after = title.substr(prefix.size());
  for (std::string_view area : kAreaSuffixes)
    if (EndsWith(prefix, area)) return title;
  if (IsFalseJurisdiction(prefix, after)) return title;
  return after;
}

std::string_view WithoutOneJurisdiction(std::string_view title) {
  std::string_view rest = WithoutReachWord(title);
  if (rest.size() == title.size()) rest = WithoutProvinceOrCity(title);
  if (rest.size() == title.size()) rest = WithoutDistrict(title);
  return rest;
}

// The day of a candidate without a date.
constexpr long kUndated = std::numeric_limits<long>::max();

// Days since 1970-01-01 of a "YYYY-MM-DD" date, or kUndated.
long DayNumber(std::string_view date) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return kUndated;
  auto number = [&](size_t at, size_t size, auto& out) {
    const char* end = date.data() + at + size;
    return std::from_chars(date.data() + at, end, out).ptr == end;
  };
  if (!number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) return kUndated;
  const std::chrono::year_month_day ymd{
      std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) return kUndated;
  return std::chrono::sys_days(ymd).time_since_epoch().count();
}

// The day of a candidate: its date's, or for one without a date 2 July of
// the year its document number gives (渝府办发〔2023〕12号 was issued in
// 2023).  Midway through the year, so every day of that year is nearer
// to it than any day of another year, and an undated notice pairs within
// its number's year when the other side has one there.
long DayOf(const CounterpartCandidate& candidate) {
  const long day = DayNumber(candidate.date);
  if (day != kUndated) return day;
  const int year = DocNumberYear(candidate.id);
  if (year == 0) return kUndated;
  const std::chrono::year_month_day midway{
      std::chrono::year{year}, std::chrono::July, std::chrono::day{2}};
  return std::chrono::sys_days(midway).time_since_epoch().count();
}

// Of `dated` (sorted by day, then corpus order), the one nearest to `day`,
// the earlier when two are equally near (a local notice follows the one it
// localizes), the first in corpus order of its day; `otherwise` when
// either side has no date.
size_t Nearest(const std::vector<std::pair<long, size_t>>& dated, long day,
               size_t otherwise) {
  if (day == kUndated || dated.empty()) return otherwise;
  auto first_of = [&](long on) {
    return std::lower_bound(dated.begin(), dated.end(),
                            std::pair<long, size_t>{on, 0})
        ->second;
  };
  auto after = std::lower_bound(dated.begin(), dated.end(),
                                std::pair<long, size_t>{day, 0});
  if (after == dated.begin()) return after->second;
  const long earlier = std::prev(after)->first;
  if (after == dated.end() || day - earlier <= after->first - day)
    return first_of(earlier);
  return after->second;
}

// Orders levels by reach; 0 for a level that never pairs.
int LevelRank(Level level) {
  switch (level) {
    case Level::kDistrict:
    case Level::kDepartment:
      return 1;
    case Level::kMunicipal:
      return 2;
    case Level::kNational:
      return 3;
    case Level::kUnknown:
      return 0;
  }
  return 0;
}

void AddTitle(std::vector<std::string>& titles, std::string title) {
  if (title.empty()) return;
  if (std::find(titles.begin(), titles.end(), title) != titles.end()) return;
  titles.push_back(std::move(title));
}

// A title and, when it joins several plans, each of them.
void AddTitleAndPlans(std::vector<std::string>& titles,
                      const std::string& title) {
  AddTitle(titles, title);
  for (std::string& plan : JoinedTitles(title))
    AddTitle(titles, std::move(plan));
}

}  // namespace

std::string CoreTitle(std::string_view title) {
  std::string_view core = title;
  // The issuer says nothing about the subject: 重庆市人民政府关于X的意见
  // and 合川区人民政府关于X的意见 are about one X.
  size_t about = core.find("关于");
  if (about != std::string_view::npos) core = core.substr(about + 6);
  for (std::string_view rest = WithoutOneJurisdiction(core);
       rest.size() != core.size(); rest = WithoutOneJurisdiction(core))
    core = rest;
  if (CodePointCount(core) < kMinCoreChars) return "";
  return std::string(core);
}

std::vector<Counterpart> FindCounterparts(
    const std::vector<CounterpartCandidate>& candidates) {
  // core → candidates having a title with that core, each once.
  std::unordered_map<std::string, std::vector<size_t>> by_core;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (LevelRank(candidates[i].level) == 0) continue;
    for (const std::string& title : candidates[i].titles) {
      std::string core = CoreTitle(title);
      if (core.empty()) continue;
      std::vector<size_t>& group = by_core[core];
      if (group.empty() || group.back() != i) group.push_back(i);
    }
  }
  std::vector<long> days(candidates.size(), kUndated);
  for (size_t i = 0; i < candidates.size(); ++i) days[i] = DayOf(candidates[i]);
  std::vector<Counterpart> pairs;
  auto pair = [&](size_t lower, size_t higher, const std::string& core) {
    const CounterpartCandidate& x = candidates[lower];
    const CounterpartCandidate& y = candidates[higher];
    if (x.id != y.id) pairs.push_back(Counterpart{x.id, y.id, core});
  };
  // Members of one level: the first in corpus order, and the dated by
  // day (then corpus order).
  struct Members {
    size_t first = SIZE_MAX;
    std::vector<std::pair<long, size_t>> dated;
  };
  for (const auto& [core, group] : by_core) {
    std::array<Members, 4> levels;  // by rank; rank 0 never joins a group
    for (size_t i : group) {
      Members& level = levels[LevelRank(candidates[i].level)];
      level.first = std::min(level.first, i);
      if (days[i] != kUndated) level.dated.emplace_back(days[i], i);
    }
    for (Members& level : levels)
      std::sort(level.dated.begin(), level.dated.end());
    for (size_t lower : group) {
      for (int high = LevelRank(candidates[lower].level) + 1; high < 4;
           ++high) {
        const Members& highs = levels[high];
        if (highs.first != SIZE_MAX)
          pair(lower, Nearest(highs.dated, days[lower], highs.first), core);
      }
    }
  }
  // Hash order never reaches the output: sort, then keep each pair once
  // with its smallest core.
  auto key = [](const Counterpart& c) {
    return std::tie(c.lower, c.higher, c.core);
  };
  std::sort(pairs.begin(), pairs.end(),
            [&](const Counterpart& l, const Counterpart& r) {
              return key(l) < key(r);
            });
  pairs.erase(std::unique(pairs.begin(), pairs.end(),
                          [](const Counterpart& l, const Counterpart& r) {
                            return l.lower == r.lower && l.higher == r.higher;
                          }),
              pairs.end());
  return pairs;
}

std::vector<CounterpartCandidate> CounterpartCandidates(const Corpus& corpus) {
  std::vector<CounterpartCandidate> candidates;
  for (const ParsedFile& file : corpus.files) {
    for (const Document& doc : file.documents) {
      CounterpartCandidate c;
      c.id = doc.id;
      c.level = doc.level;
      c.date = doc.date;
      AddTitleAndPlans(c.titles, doc.attached_title.empty()
                                     ? doc.title
                                     : doc.attached_title);
      candidates.push_back(std::move(c));
    }
  }
  for (const ExternalNode& ext : corpus.externals) {
    CounterpartCandidate c;
    c.id = ext.id;
    c.level = ext.level;
    AddTitleAndPlans(c.titles, ext.title);
    // Known only as "…关于印发X的通知": X is what a local plan localizes.
    std::string issued = IssuedTitle(ext.title);
    if (!issued.empty()) AddTitleAndPlans(c.titles, issued);
    if (!c.titles.empty()) candidates.push_back(std::move(c));
  }
  return candidates;
}

}  // namespace policygraph

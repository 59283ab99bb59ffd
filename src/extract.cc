#include "policygraph/extract.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include <re2/re2.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "policygraph/fold.h"
#include "policygraph/segment.h"

#include "issuer_name.h"
#include "text_util.h"

namespace policygraph {
namespace {

using internal::CodePointCount;
using internal::Contains;
using internal::EndsWith;
using internal::FindTriple;
using internal::FirstCodePoint;
using internal::Jurisdiction;
using internal::LastCodePoint;
using internal::ParseDigits;
using internal::ReverseFind;
using internal::StartsWith;

constexpr std::string_view kOpen = "《";
constexpr std::string_view kClose = "》";
// A title longer than this is prose swallowed by an unclosed 《.
constexpr size_t kMaxTitleChars = 120;
// How far a cue after a mention may stand from it ("…》同时废止").
constexpr size_t kMaxAfterCueBytes = 7 * 3;
// How far back a cue may stand from its mention (about 100 characters).
constexpr size_t kMaxClauseBytes = 100 * 3;
// Unclosed 《 reported one by one per document, then summed up.
constexpr int kMaxUnclosedWarnings = 5;

struct CueWord {
  std::string_view word;
  Relation relation;
};

// Cue words before a mention, one table (see extract.h).  Longer words come
// first so 贯彻落实 is reported rather than 落实.
constexpr std::array<CueWord, 32> kBeforeCues = {{
    {"停止执行", Relation::kRepeals},    {"不再执行", Relation::kRepeals},
    {"宣布失效", Relation::kRepeals},    {"失效", Relation::kRepeals},
    {"贯彻落实", Relation::kImplements}, {"贯彻执行", Relation::kImplements},
    {"贯彻实施", Relation::kImplements}, {"根据", Relation::kBasis},
    {"依据", Relation::kBasis},          {"贯彻", Relation::kImplements},
    {"落实", Relation::kImplements},     {"实施", Relation::kImplements},
    {"执行", Relation::kImplements},     {"完成", Relation::kImplements},
    {"按照", Relation::kFollows},        {"参照", Relation::kFollows},
    {"依照", Relation::kFollows},        {"对照", Relation::kFollows},
    {"遵照", Relation::kFollows},        {"印发", Relation::kIssues},
    {"转发", Relation::kIssues},         {"废止", Relation::kRepeals},
    {"出台", Relation::kDrafts},         {"制定", Relation::kDrafts},
    {"修订", Relation::kDrafts},         {"修改", Relation::kDrafts},
    {"编制", Relation::kDrafts},         {"审议", Relation::kDrafts},
    {"起草", Relation::kDrafts},         {"形成", Relation::kDrafts},
    {"遵循", Relation::kFollows},        {"比照", Relation::kFollows},
}};

// One-character cues, cues only right before the mark (按《X》要求, 据《X》,
// 依《X法》第十条): elsewhere they stand in other words (按时, 依法, 数据).
constexpr std::array<CueWord, 3> kAdjacentCues = {{
    {"按", Relation::kFollows},
    {"据", Relation::kBasis},
    {"依", Relation::kBasis},
}};

// Cue words right after a mention: "《X》同时废止", "《X》宣布失效",
// "《X》不再执行", "《X》印发给你们", "《X》修订立法预备项目", "《X》出台",
// "《X》立法调研".  Not 制定: "根据《A》《B》制定" formulates this document
// on their basis.
constexpr std::array<CueWord, 11> kAfterCues = {{
    {"废止", Relation::kRepeals},
    {"宣布失效", Relation::kRepeals},
    {"失效", Relation::kRepeals},
    {"不再执行", Relation::kRepeals},
    {"停止执行", Relation::kRepeals},
    {"印发", Relation::kIssues},
    {"转发", Relation::kIssues},
    {"立法调研", Relation::kDrafts},
    {"修订", Relation::kDrafts},
    {"出台", Relation::kDrafts},
    {"起草", Relation::kDrafts},
}};

// Clause delimiters: a cue acts on the mentions of its own clause only.
constexpr std::array<std::string_view, 10> kClauseEnds = {
    "。", "；", "，", "：", "！", "？", ";", ",", ":", "\n\n"};

struct Patterns {
  RE2 doc_number{R"(([\p{Han}]{1,12}))" +
                 std::string(internal::kDocNumberAfterCode)};
  // A whole parenthesis is one number, and nothing before the code is
  // prose: its issuer may be written out (重庆市人民代表大会常务委员会
  // 公告〔2019〕第21号).
  RE2 doc_number_whole{R"(([\p{Han}]{1,24}))" +
                       std::string(internal::kDocNumberAfterCode)};
  // 重庆市人民政府令第359号, and the numbering by year ministries give
  // their decrees and announcements: 国家发展改革委令2023年第7号,
  // 国家税务总局公告2023年第6号.
  RE2 decree{R"(([\p{Han}]{2,16}?(?:令|公告))\s*(?:[0-9０-９]{4}\s*年\s*)?)"
             R"(第\s*([0-9０-９]{1,5})\s*号)"};
  // 国务院第722号令, the decree number written the other way round.
  RE2 decree_after{R"(([\p{Han}]{2,16}?)第\s*([0-9０-９]{1,5})\s*号令)"};
  RE2 standard{
      R"(((?:GB|GB/T|GB/Z|HJ|HJ/T|WS|WS/T|JGJ|JGJ/T|CJJ|CJJ/T|DB\d{2}|DB\d{2}/T|)"
      R"(JT/T|JTG|SL|DL/T|NY/T|YY|YY/T|AQ|AQ/T|MZ/T|GA|GA/T|XF|XF/T))\s*)"
      R"(([0-9]{1,6}(?:\.[0-9]{1,3})?)\s*[—–\-－]\s*([0-9]{4}))"};
  // A regulation's promulgation note: 2023年3月2日重庆市人民政府令第359号
  // 公布 (then perhaps ，自2023年5月1日起施行, another part).
  RE2 promulgated{
      R"(^(?:[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日)?(.+号))"
      R"((?:公布|发布|印发)$)"};
  // A serial listed after a number, with its mark: "、13号", "和第723号";
  // the group is the serial from its 第 or first digit.
  RE2 serial_after{R"(\s*(?:、|和|及|与)\s*((?:第\s*)?[0-9０-９]{1,5})\s*号)"};
  // What may stand before a list item's title: a list marker or nothing.
  RE2 list_marker{R"(\s*(?:)" + std::string(internal::kListMarker) +
                  R"(\s*)?)"};
  RE2 alias{R"((?:以下)?简称\s*[《“"]\s*([^》”"]{1,30}?)\s*[》”"])"};
  // 《规划》, 《方案》: a type word alone names this document when no
  // abbreviation was introduced for it (本规划 in book-title marks).
  RE2 bare_type{
      R"(^(规划|方案|办法|意见|通知|条例|细则|纲要|计划|规定|要点|实施方案)$)"};
};

const Patterns& P() {
  static const Patterns* patterns = new Patterns();
  return *patterns;
}

// Single characters that may stand glued before a bare number's issuer
// code and are not part of it ("和渝府发〔2023〕7号" → code 渝府发), but
// may stand inside a code, so only its front is stripped of them; words no
// code holds anywhere are kCodeBreaks.
constexpr std::array<std::string_view, 13> kCodePrefixes = {
    "和", "及", "与", "或", "见", "经", "由",
    "按", "据", "将", "原", "即", "在"};

// Words no issuer code holds, so the code starts after the last of them
// however much prose the greedy pattern took before it:
// 各镇街要认真贯彻落实合川府发〔2023〕9号 → 合川府发, 市政府常务会议审议通过的
// 重庆市人民政府令第365号 → 重庆市人民政府令, and after the 号 of a number
// just before (渝经信发〔2023〕5号和住房和城乡建设部令第5号, whose decree had
// started at that 号 and was lost under it).  Single characters other than
// 的, 了 and 号 stay out: 经 opens 渝经信发, 和 stands in 住房和城乡建设部令.
constexpr std::array<std::string_view, 30> kCodeBreaks = {
    "贯彻落实", "贯彻", "落实", "执行", "实施", "印发", "转发", "根据",
    "依据",     "按照", "参照", "依照", "对照", "遵照", "学习", "废止",
    "同时",     "以及", "详见", "参见", "结合", "参考", "遵循", "围绕",
    "精神",     "要求", "通过", "的",   "了",   "号"};

// `title` without 的: a title printed inside another's drops the 的 the
// title itself has (关于印发甲若干措施的通知 issues 《甲的若干措施》).
std::string WithoutDe(std::string_view title) {
  std::string out(title);
  internal::EraseAll(out, "的");
  return out;
}

// A folded 关于 title from its 关于 on, without 的; "" for other titles.
std::string FromAbout(std::string_view folded) {
  const size_t about = folded.find("关于");
  return about == std::string_view::npos ? "" : WithoutDe(folded.substr(about));
}

// Where a citing document's issuer is, for the issuers it names by level
// alone (市政府, 区委).
Jurisdiction JurisdictionOf(const Document& doc) {
  return internal::JurisdictionOf(doc.issuer.empty() ? doc.title : doc.issuer);
}

// Words after which an issuer printed before a title may begin, beside the
// cue words and kCodeBreaks: verbs leading to a citation.
constexpr std::array<std::string_view, 7> kIssuerLeads = {
    "结合", "发布", "出台", "制定", "学习", "认真", "深入"};

// Particles an issuer may begin after or hold: 为, 对, 经 and 按 lead to a
// citation (经市政府同意, 按市政府《关于…》), and the joining words end a
// title's mention before the next (《甲》和市政府《关于…》), but 市经济信息委
// and 住房和城乡建设部 hold them.
constexpr std::array<std::string_view, 12> kIssuerParticles = {
    "为", "对", "将", "由", "经", "和", "及", "与", "或", "按", "据", "依"};

// Han as the patterns' \p{Han} reads it, by ICU's script property.
bool IsHanOrListComma(std::string_view code_point) {
  if (code_point == "、") return true;
  UChar32 c;
  int32_t i = 0;
  U8_NEXT(code_point.data(), i, static_cast<int32_t>(code_point.size()), c);
  UErrorCode error = U_ZERO_ERROR;
  return c >= 0 && uscript_getScript(c, &error) == USCRIPT_HAN &&
         U_SUCCESS(error);
}

std::string StripCodePrefix(std::string code) {
  size_t cut = 0;
  for (std::string_view word : kCodeBreaks) {
    size_t at = code.rfind(word);
    if (at == std::string::npos) continue;
    const size_t after = at + word.size();
    if (after > cut &&
        CodePointCount(std::string_view(code).substr(after)) >= 2)
      cut = after;
  }
  code.erase(0, cut);
  bool stripped = true;
  while (stripped && CodePointCount(code) > 2) {
    stripped = false;
    for (std::string_view p : kCodePrefixes) {
      if (StartsWith(code, p) &&
          CodePointCount(code) - CodePointCount(p) >= 2) {
        code.erase(0, p.size());
        stripped = true;
        break;
      }
    }
  }
  return code;
}

// A date glued before a code (2023年3月2日重庆市人民政府令第359号) lends
// the pattern its 日: a 年, 月 or 日 right after a digit is the date's, not
// the issuer's, and is taken off `code` as kCodePrefixes are.
std::string StripDateUnit(std::string code, std::string_view before) {
  if (ParseDigits(LastCodePoint(before)) < 0) return code;
  for (std::string_view unit : {"年", "月", "日"})
    if (StartsWith(code, unit)) return code.substr(unit.size());
  return code;
}

std::string NormalizeStandard(const std::string& code,
                              const std::string& number,
                              const std::string& year) {
  return code + " " + number + "—" + year;
}

// Where the last clause of `text` starts: past its last delimiter (0 when
// it has none).
size_t LastClauseStart(std::string_view text) {
  size_t start = 0;
  for (std::string_view end : kClauseEnds) {
    size_t at = ReverseFind(text, end);
    if (at != std::string_view::npos) start = std::max(start, at + end.size());
  }
  return start;
}

// `text` less a colon it ends in (制定依据：, 决定废止以下规范性文件：).
std::string_view WithoutColon(std::string_view text) {
  for (std::string_view colon : {"：", ":"})
    if (EndsWith(text, colon))
      return text.substr(0, text.size() - colon.size());
  return text;
}

// Reads a number held in a parenthesis after a title: document, decree or
// standard number ("" when none).
std::string ParseNumber(const std::string& text) {
  std::string compact = RemoveWhitespace(text);
  if (std::string number; RE2::FullMatch(compact, P().promulgated, &number))
    compact = number;
  // （渝府发〔2022〕12号文件）, （…13号文）: the number and the word for it.
  for (std::string_view word : {"号文件", "号文"})
    if (EndsWith(compact, word)) {
      compact.resize(compact.size() - word.size() +
                     std::string_view("号").size());
      break;
    }
  std::string code, year, serial, number;
  if (RE2::FullMatch(compact, P().doc_number_whole, &code, &year, &serial))
    return NormalizeDocNumber(compact);
  if (RE2::FullMatch(compact, P().decree, &code, &number) ||
      RE2::FullMatch(compact, P().decree_after, &code, &number))
    return NormalizeDocNumber(compact);
  if (RE2::FullMatch(compact, P().standard, &code, &number, &year))
    return NormalizeStandard(code, number, year);
  return "";
}

class Extractor {
 public:
  Extractor(const SourceText& src, const Document& doc,
            const DirectiveTree& tree)
      : src_(src), doc_(doc), tree_(tree), where_(JurisdictionOf(doc)) {
    begin_ = doc.first_line >= 1 && doc.first_line <= src.LineCount()
                 ? src.line_starts[doc.first_line - 1]
                 : 0;
    end_ = doc.last_line >= 1 && doc.last_line < src.LineCount()
               ? src.line_starts[doc.last_line]
               : static_cast<uint32_t>(src.text.size());
    body_begin_ =
        doc.header_last_line >= 1 && doc.header_last_line < src.LineCount()
            ? src.line_starts[doc.header_last_line]
            : begin_;
    self_titles_.push_back(FoldForMatch(doc.title));
    if (!doc.attached_title.empty()) {
      self_titles_.push_back(FoldForMatch(doc.attached_title));
      // One notice may issue several plans: "《甲规划》和《乙规划》".
      for (std::string& plan : JoinedTitles(self_titles_.back()))
        self_titles_.push_back(std::move(plan));
      if (const size_t about = self_titles_[1].find("关于");
          about != std::string::npos && Contains(doc.title, "转发")) {
        forwarded_ = FromAbout(self_titles_[1]);
        forwarded_issuer_ =
            WriteOutIssuers(std::string_view(self_titles_[1]).substr(0, about));
      }
    }
    for (const std::string& self : self_titles_)
      self_plain_.push_back(WithoutDe(self));
  }

  Extraction Run();

 private:
  struct Mention {
    uint32_t begin, end;  // the 《…》 (or the number) itself
    uint32_t full_end;    // including a trailing parenthesis
    // Past a trailing parenthesis whether or not it said anything the
    // reference keeps ("（2021年6月10日修正）"): no clause ends inside it.
    uint32_t clause_end;
    // How many bytes before the 《 print the issuer (市政府《关于…》): a
    // one-character cue stands before them (按市政府《关于…》).
    uint32_t issuer_bytes = 0;
    Reference ref;
  };

  void FindTitles();
  // A bare number found, before overlaps are settled.
  struct Found {
    uint32_t begin, end;
    std::string number;
    ReferenceForm form;
  };
  void FindBareNumbers();
  void AddSerialsAfter(uint32_t end, std::vector<Found>& found) const;
  Mention* TitleRightAfter(uint32_t end);
  bool Covered(uint32_t begin, uint32_t end) const;
  size_t FindClose(size_t open) const;
  void ReadParenthesis(Mention& m) const;
  void Decide(Mention& m) const;
  int DirectiveIndex(uint32_t line) const;
  bool UnderBasisHeading(int directive, uint32_t line) const;
  std::string_view BeforeOnLine(size_t offset) const;
  std::string_view ListedTitleOf(const Mention& m,
                                 std::string_view prefix) const;
  bool OpensListItem(const Mention& m) const;
  bool IsListItemLine(uint32_t n) const;
  Cue LeadInCue(const Mention& m) const;
  std::string IssuerBefore(size_t open, uint32_t* printed_bytes) const;
  std::string WriteOutIssuers(std::string_view names) const;
  std::string ShortIssuerInside(std::string_view title) const;
  // The list item LeadInCue last walked from, and what it found.
  struct LeadIn {
    uint32_t line = 0;
    Cue cue;
  };
  mutable LeadIn lead_in_;
  // How a title names this document: exactly, or once a leading province
  // or city is set aside on either side.
  enum class SelfMatch { kNo, kExact, kButJurisdiction };
  SelfMatch IsSelf(const std::string& title) const;
  std::string ClauseBefore(const Mention& m) const;
  std::string ClauseAfter(const Mention& m) const;

  const SourceText& src_;
  const Document& doc_;
  const DirectiveTree& tree_;
  const Jurisdiction where_;
  uint32_t begin_ = 0, end_ = 0, body_begin_ = 0;
  std::vector<std::string> self_titles_;
  std::vector<std::string> self_plain_;  // self_titles_ WithoutDe
  // What a 转发 notice passes on, from its 关于 on and without 的
  // (FromAbout): its title prints the issuer short and drops the 的 that
  // the text keeps (转发市发展改革委关于促进民营经济发展意见的通知 / 市发展
  // 改革委《关于促进民营经济发展的意见》已经市政府同意，现转发给你们).
  std::string forwarded_;
  std::string forwarded_issuer_;  // written out, "" when none is read
  std::vector<Mention> mentions_;
  // Where mentions and their parentheses lie: merged, in text order, made
  // once all are found.
  struct Span {
    uint32_t begin, end;
  };
  std::vector<Span> spans_;
  // Abbreviation → title it was last defined for, with the issuer printed
  // before it, and those defined for this document itself.  Looked up for
  // every title mention: a list searched whole each time made a document
  // of 50,000 abbreviations quadratic (6 MB took 3.4 s for refs).
  struct Defined {
    std::string title, issuer;
  };
  std::unordered_map<std::string, Defined> aliases_;
  std::unordered_set<std::string> self_aliases_;
  int unclosed_ = 0;
  Extraction out_;
};

// Offset of the 》 closing the 《 at `open`, or npos when the capture would
// run past a sentence end, a paragraph or kMaxTitleChars.
size_t Extractor::FindClose(size_t open) const {
  std::string_view text = src_.text;
  int depth = 1;
  size_t chars = 0;
  int newlines = 0;
  // 《, 》 and 。 are E3 80 8A, 8B and 82: one test of the first two bytes
  // lets every other byte through (three compares a byte, each a memcmp
  // call, were a fortieth of `refs`).
  static_assert(kOpen == "\xE3\x80\x8A" && kClose == "\xE3\x80\x8B" &&
                std::string_view("。") == "\xE3\x80\x82");
  for (size_t i = open + kOpen.size(); i < end_;) {
    unsigned char c = text[i];
    if (c == 0xE3 && i + 3 <= text.size() && text[i + 1] == '\x80') {
      const char third = text[i + 2];
      if (third == '\x8A') {
        if (++depth > 2) return std::string_view::npos;
        i += kOpen.size();
        continue;
      }
      if (third == '\x8B') {
        if (--depth == 0) return i;
        i += kClose.size();
        continue;
      }
      if (third == '\x82') return std::string_view::npos;  // 。
    }
    if (c == '\n' && ++newlines > 3) return std::string_view::npos;
    if (c != '\n' && c != ' ' && c != '\t' && (c & 0xC0) != 0x80 &&
        ++chars > kMaxTitleChars)
      return std::string_view::npos;
    ++i;
  }
  return std::string_view::npos;
}

void Extractor::ReadParenthesis(Mention& m) const {
  std::string_view text = src_.text;
  size_t i = m.end;
  while (i < end_ && (text[i] == ' ' || text[i] == '\t')) ++i;
  bool full = text.compare(i, 3, "（") == 0;
  if (!full && (i >= end_ || text[i] != '(')) return;
  size_t open_len = full ? 3 : 1;
  size_t close = std::string_view::npos;
  // A line break inside is the PDF's (（渝府发 / 〔2023〕7号）, （牵头部门：市
  // / 经济信息委）); a sentence's end is not.
  for (size_t j = i + open_len; j < end_ && j < i + 120; ++j) {
    if (text.compare(j, 3, "）") == 0 || text[j] == ')') {
      close = j;
      break;
    }
    if (text.compare(j, 3, "。") == 0) break;
  }
  if (close == std::string_view::npos) return;
  std::string inner;
  for (char c : text.substr(i + open_len, close - i - open_len))
    if (c != '\n' && c != '\r') inner.push_back(c);
  size_t close_len = text.compare(close, 3, "）") == 0 ? 3 : 1;
  m.clause_end = static_cast<uint32_t>(close + close_len);
  bool used = false;
  std::string alias;
  if (RE2::PartialMatch(inner, P().alias, &alias)) {
    m.ref.alias = NormalizeTitle(alias);
    used = true;
  }
  // The parenthesis may hold "渝府令第356号，以下简称《办法》", or a list
  // of serials whose first is the title's: "国发〔2021〕29号、30号".
  std::string part;
  for (size_t start = 0; start <= inner.size();) {
    size_t cut = inner.size();
    for (std::string_view sep : {"，", ",", "；", ";", "、"}) {
      size_t at = inner.find(sep, start);
      if (at != std::string::npos && at < cut) cut = at;
    }
    std::string number = ParseNumber(inner.substr(start, cut - start));
    if (!number.empty() && m.ref.doc_number.empty()) {
      m.ref.doc_number = number;
      used = true;
      m.full_end = static_cast<uint32_t>(close + close_len);
    }
    if (cut == inner.size()) break;
    start = cut + (inner[cut] == ',' || inner[cut] == ';' ? 1 : 3);
  }
  if (used && m.full_end == m.end)
    m.full_end = static_cast<uint32_t>(close + close_len);
}

Extractor::SelfMatch Extractor::IsSelf(const std::string& title) const {
  std::string folded = FoldForMatch(title);
  if (folded.empty()) return SelfMatch::kNo;
  SelfMatch match = SelfMatch::kNo;
  for (const std::string& self : self_titles_) {
    if (folded == self) return SelfMatch::kExact;
    if (WithoutJurisdiction(folded) == WithoutJurisdiction(self))
      match = SelfMatch::kButJurisdiction;
  }
  const std::string plain = WithoutDe(folded);
  for (const std::string& self : self_plain_)
    if (plain == self) return SelfMatch::kExact;
  // Named by the issuer the notice's title prints, or by none.
  if (match == SelfMatch::kNo && !forwarded_.empty() &&
      FromAbout(folded) == forwarded_) {
    const std::string_view issuer =
        std::string_view(folded).substr(0, folded.find("关于"));
    if (issuer.empty() || issuer == forwarded_issuer_)
      match = SelfMatch::kButJurisdiction;
  }
  return match;
}

// The innermost directive holding `line`, as an index into the tree, or
// -1: the last one starting at or before it, or the nearest of its
// ancestors that still spans it.
int Extractor::DirectiveIndex(uint32_t line) const {
  const auto& nodes = tree_.nodes;
  auto it = std::upper_bound(
      nodes.begin(), nodes.end(), line,
      [](uint32_t l, const policygraph::Directive& d) { return l < d.line; });
  if (it == nodes.begin()) return -1;
  for (int i = static_cast<int>(it - nodes.begin()) - 1; i >= 0;
       i = nodes[i].parent)
    if (nodes[i].last_line >= line) return i;
  return -1;
}

// Whether a section holding `line`, from its innermost `directive` (an
// index, or -1) out, is headed as what the document rests on (四、规划依据,
// 一、编制依据, 制定依据：): a plan lists its bases there one a line, with
// no cue word before each.  The heading is read from the text, so the
// outline trees of `refs` decide as the full ones do.
bool Extractor::UnderBasisHeading(int directive, uint32_t line) const {
  constexpr size_t kMaxHeadingChars = 20;
  for (int i = directive; i >= 0; i = tree_.nodes[i].parent) {
    const uint32_t at = tree_.nodes[i].line;
    if (at == line || at < 1 || at > src_.LineCount()) continue;
    std::string heading = RemoveWhitespace(src_.Line(at));
    while (!heading.empty() && heading.back() == '*') heading.pop_back();
    heading.resize(WithoutColon(heading).size());
    if (CodePointCount(heading) <= kMaxHeadingChars &&
        EndsWith(heading, "依据"))
      return true;
  }
  return false;
}

// Whether the text before a line's first 《 (or `m`'s start) is no more
// than a list marker: 1. （一） 2、 or nothing.
bool IsListItemStart(std::string_view prefix) {
  return RE2::FullMatch(prefix, P().list_marker);
}

// The title the text before a bare number lists a document by, without
// book-title marks, as lists of repealed documents print them, or "":
// "1.重庆市人民政府关于甲的通知（" or, from a table, "3 重庆市…的通知 ".
// The title's own words (关于印发…, 关于贯彻落实…的意见) are then no cue;
// a cue before its 关于 is prose citing a title unmarked (贯彻落实重庆市
// 人民政府关于甲的意见（…）).
std::string_view ListedTitle(std::string_view prefix) {
  constexpr size_t kMinTitleChars = 4;
  std::string_view title = TrimWhitespace(prefix);
  for (std::string_view open : {"（", "("})
    if (EndsWith(title, open)) {
      title = TrimWhitespace(title.substr(0, title.size() - open.size()));
      break;
    }
  re2::StringPiece rest(title.data(), title.size());
  RE2::Consume(&rest, P().list_marker);
  title = std::string_view(rest.data(), rest.size());
  const size_t chars = CodePointCount(title);
  if (chars < kMinTitleChars || chars > kMaxTitleChars) return {};
  for (std::string_view end : kClauseEnds)
    if (Contains(title, end)) return {};
  const std::string_view head = title.substr(0, title.find("关于"));
  if (TitleType(title).empty() || !FindCue(head, "").word.empty()) return {};
  return title;
}

// Whether `m` opens a list item: after a list marker alone, or a bare
// number after the title it lists.
bool Extractor::OpensListItem(const Mention& m) const {
  const std::string_view prefix = BeforeOnLine(m.begin);
  return IsListItemStart(prefix) || !ListedTitleOf(m, prefix).empty();
}

// The title a bare number's list item gives it, or "".  The number ends
// its item: after it stand at most its closing bracket and the item's end
// mark.  Prose goes on (…（渝府发〔2015〕1号）同时废止).
std::string_view Extractor::ListedTitleOf(const Mention& m,
                                          std::string_view prefix) const {
  if (m.ref.form == ReferenceForm::kTitle) return {};
  const std::string_view title = ListedTitle(prefix);
  if (title.empty()) return {};
  const std::string_view text = src_.text;
  const size_t line_end = std::min(text.find('\n', m.end), text.size());
  std::string_view after = TrimWhitespace(text.substr(m.end, line_end - m.end));
  for (std::string_view mark : {"）", ")"})
    if (StartsWith(after, mark)) after.remove_prefix(mark.size());
  return after.empty() || after == "；" || after == "。" || after == ";"
             ? title
             : std::string_view();
}

// The text of `offset`'s line before it.
std::string_view Extractor::BeforeOnLine(size_t offset) const {
  if (src_.line_starts.empty()) return {};
  const size_t line_start =
      src_.line_starts[src_.LineOf(static_cast<uint32_t>(offset)) - 1];
  return std::string_view(src_.text).substr(line_start, offset - line_start);
}

// Whether line `n` is an item of a list: a mention on it opens the item.
bool Extractor::IsListItemLine(uint32_t n) const {
  const uint32_t from = src_.line_starts[n - 1];
  const uint32_t to = n < src_.LineCount()
                          ? src_.line_starts[n]
                          : static_cast<uint32_t>(src_.text.size());
  auto it = std::lower_bound(
      mentions_.begin(), mentions_.end(), from,
      [](const Mention& m, uint32_t offset) { return m.begin < offset; });
  for (; it != mentions_.end() && it->begin < to; ++it)
    if (OpensListItem(*it)) return true;
  return false;
}

// A list's items carry no cue of their own; the line leading into the list
// does (决定废止以下规范性文件： / 1.《…》（渝府发〔2015〕1号） / 2.《…》,
// or 1.重庆市人民政府关于甲的通知（渝府发〔2015〕1号）).  From an item,
// the walk goes up over the other items and blank lines to the first other
// line, which must end in a colon; the last clause of that line gives the
// cue.
Cue Extractor::LeadInCue(const Mention& m) const {
  // Blank lines and items walked over at most: a list's items share their
  // lead-in, so the walk from an item stops at the item the last walk
  // started from and takes its answer, and a list of thousands of titles
  // is walked once, not once an item.
  constexpr uint32_t kMaxLines = 400;
  const uint32_t line = src_.LineOf(m.begin);
  if (line < 1 || line > src_.LineCount() || !OpensListItem(m)) return {};
  if (line == lead_in_.line) return lead_in_.cue;
  Cue cue;
  const uint32_t first = src_.LineOf(body_begin_);
  for (uint32_t n = line - 1; n >= first && n >= 1 && line - n <= kMaxLines;
       --n) {
    if (n == lead_in_.line) {
      cue = lead_in_.cue;
      break;
    }
    const std::string_view text = TrimWhitespace(src_.Line(n));
    if (text.empty() || IsListItemLine(n)) continue;
    // The first other line leads in, if it ends in a colon.
    if (const std::string_view lead = WithoutColon(text); lead != text)
      cue = FindCue(lead.substr(LastClauseStart(lead)), "");
    break;
  }
  lead_in_ = {line, cue};
  return cue;
}

// The issuers printed right before the 《 at `open` (市政府《关于…》,
// 市委、市政府《关于…》, 落实重庆市人民政府办公厅《关于…》, 国务院印发的
// 《关于…》), written out and joined as a joint title prints them; ""
// unless every name in the run of Han characters and 、 after the last cue
// or lead word is an issuer.
std::string Extractor::IssuerBefore(size_t open,
                                    uint32_t* printed_bytes) const {
  constexpr size_t kMaxChars = 30;
  const std::string_view line = BeforeOnLine(open);
  std::string_view rest = line;
  for (size_t chars = 0; !rest.empty() && chars < kMaxChars; ++chars) {
    const std::string_view last = LastCodePoint(rest);
    if (!IsHanOrListComma(last)) break;
    rest.remove_suffix(last.size());
  }
  std::string_view names = line.substr(rest.size());
  // 国务院印发的《关于…》, 市委、市政府出台的《关于…》: the issuer stands
  // before the verb.
  if (EndsWith(names, "的"))
    for (std::string_view verb : {"印发", "出台", "发布", "下发", "制定"})
      if (EndsWith(names.substr(0, names.size() - 3), verb)) {
        names.remove_suffix(verb.size() + 3);
        // 市发展改革委、市财政局联合印发的《关于…》.
        if (EndsWith(names, "联合")) names.remove_suffix(6);
        break;
      }
  size_t cut = 0;
  auto cut_after = [&](std::string_view word) {
    const size_t at = ReverseFind(names, word);
    if (at != std::string_view::npos) cut = std::max(cut, at + word.size());
  };
  for (const CueWord& c : kBeforeCues) cut_after(c.word);
  for (std::string_view word : kCodeBreaks) cut_after(word);
  for (std::string_view word : kIssuerLeads) cut_after(word);
  names.remove_prefix(cut);
  // The run after its last particle first, then after the one before, and
  // so on to the whole run: 对重庆市教委 is 重庆市教委, 住房和城乡建设部 whole.
  std::vector<size_t> starts = {0};
  for (std::string_view p : kIssuerParticles)
    for (size_t at = names.find(p); at != std::string_view::npos;
         at = names.find(p, at + p.size()))
      starts.push_back(at + p.size());
  std::sort(starts.rbegin(), starts.rend());
  for (size_t from : starts) {
    if (std::string out = WriteOutIssuers(names.substr(from)); !out.empty()) {
      *printed_bytes = static_cast<uint32_t>(line.data() + line.size() -
                                             (names.data() + from));
      return out;
    }
  }
  return "";
}

// The issuer a title prints short before its 关于 (《市政府办公厅关于甲的
// 通知》, 《市发展改革委关于乙的意见》), written out; "" when it prints
// none, or prints it as titles do (《重庆市人民政府关于…》).
std::string Extractor::ShortIssuerInside(std::string_view title) const {
  const size_t about = title.find("关于");
  if (about == std::string_view::npos || about == 0) return "";
  const std::string_view printed = title.substr(0, about);
  // Most titles print their issuers whole (重庆市人民政府关于…): only a
  // level (市…, 区…) or 政府 without 人民 is short.
  const std::string_view first = FirstCodePoint(printed);
  if (first != "市" && first != "区" && first != "县" && first != "省" &&
      !(Contains(printed, "政府") && !Contains(printed, "人民政府")))
    return "";
  std::string issuer = WriteOutIssuers(printed);
  return issuer == printed ? "" : issuer;
}

// `names`, issuers parted by 、, written out and joined as a joint title
// prints them; "" unless every one is an issuer.
std::string Extractor::WriteOutIssuers(std::string_view names) const {
  std::string out;
  while (!names.empty()) {
    const size_t comma = names.find("、");
    const std::string issuer =
        internal::WriteOutIssuer(names.substr(0, comma), where_);
    if (issuer.empty()) return "";
    out += issuer;
    if (comma == std::string_view::npos) break;
    names.remove_prefix(comma + std::string_view("、").size());
  }
  return out;
}

void Extractor::FindTitles() {
  // Searched up to the document's end only: the file's next 《 may lie
  // many documents on, and a gazette of 10,000 documents without one was
  // searched to its end 10,000 times.
  const std::string_view text = std::string_view(src_.text).substr(0, end_);
  for (size_t i = FindTriple(text, kOpen, begin_); i != std::string_view::npos;
       i = FindTriple(text, kOpen, i + kOpen.size())) {
    size_t close = FindClose(i);
    if (close == std::string_view::npos) {
      if (++unclosed_ > kMaxUnclosedWarnings) continue;
      out_.diagnostics.push_back(
          {Severity::kWarning, doc_.file, src_.LineOf(i), "unclosed-title-mark",
           "《 without a closing 》 in its sentence; not taken as a "
           "reference"});
      continue;
    }
    Mention m;
    m.begin = static_cast<uint32_t>(i);
    m.end = m.full_end = m.clause_end =
        static_cast<uint32_t>(close + kClose.size());
    std::string inner(text.substr(i + kOpen.size(), close - i - kOpen.size()));
    m.ref.title = NormalizeTitle(inner);
    if (CodePointCount(m.ref.title) < 2) {
      i = close;
      continue;
    }
    if (StartsWith(m.ref.title, "关于"))
      m.ref.issuer = IssuerBefore(i, &m.issuer_bytes);
    else
      m.ref.issuer = ShortIssuerInside(m.ref.title);
    ReadParenthesis(m);
    // Nested marks and an abbreviation in the parenthesis belong to this
    // mention.
    i = std::max<size_t>(close, m.full_end - kOpen.size());
    mentions_.push_back(std::move(m));
  }
}

// Title mentions are disjoint and in text order, so their ends are sorted.
bool Extractor::Covered(uint32_t begin, uint32_t end) const {
  auto it = std::upper_bound(
      mentions_.begin(), mentions_.end(), begin,
      [](uint32_t offset, const Mention& m) { return offset < m.full_end; });
  return it != mentions_.end() && it->begin < end;
}

// Bare numbers are rare in prose, and three unanchored patterns run over
// every byte of every body were a seventh of `refs`.  So each pattern runs
// only over the stretches a match of it can lie in, found by cheap scans:
// same matches, same order.

// Code points no document or decree number holds: ASCII other than digits,
// white space and brackets, and Chinese punctuation (none is Han, a bracket
// or a digit).
bool BreaksNumber(UChar32 c) {
  if (c < 0x80)
    return !(std::isdigit(c) || std::isspace(c) || c == '[' || c == ']' ||
             c == '(' || c == ')');
  switch (c) {
    case 0x3001:
    case 0x3002:
    case 0x300A:
    case 0x300B:
    case 0x300C:
    case 0x300D:
    case 0x300E:
    case 0x300F:
    case 0x2018:
    case 0x2019:
    case 0x201C:
    case 0x201D:
    case 0x2014:
    case 0x2026:
    case 0x00B7:
    case 0xFF01:
    case 0xFF0C:
    case 0xFF1A:
    case 0xFF1B:
    case 0xFF1F:
      return true;
    default:
      return false;
  }
}

// Every document and decree number ends in 号 and holds no breaker, so it
// lies in the breaker-free stretch around one of the body's 号.  Stretches
// come out disjoint and in text order.
std::vector<std::string_view> NumberStretches(std::string_view body) {
  constexpr std::string_view kHao = "号";
  const auto* bytes = reinterpret_cast<const uint8_t*>(body.data());
  const auto size = static_cast<int32_t>(body.size());
  std::vector<std::string_view> out;
  size_t from = 0;
  // 号's last byte is rarer in Chinese text than its first.
  auto find_hao = [&](size_t at) {
    for (at += kHao.size() - 1; at < body.size(); ++at) {
      const void* found =
          std::memchr(body.data() + at, kHao.back(), body.size() - at);
      if (!found) break;
      at = static_cast<const char*>(found) - body.data();
      if (body.compare(at + 1 - kHao.size(), kHao.size(), kHao) == 0)
        return at + 1 - kHao.size();
    }
    return std::string_view::npos;
  };
  for (size_t hit; (hit = find_hao(from)) != std::string_view::npos;) {
    int32_t left = static_cast<int32_t>(hit);
    while (left > 0) {
      int32_t before = left;
      UChar32 c;
      U8_PREV(bytes, 0, before, c);
      if (BreaksNumber(c)) break;
      left = before;
    }
    int32_t right = static_cast<int32_t>(hit + kHao.size());
    while (right < size) {
      int32_t next = right;
      UChar32 c;
      U8_NEXT(bytes, next, size, c);
      if (BreaksNumber(c)) break;
      right = next;
    }
    out.push_back(body.substr(left, right - left));
    from = static_cast<size_t>(right);
  }
  return out;
}

// Standard numbers (GB/T 1234—2020) are ASCII codes, digits and a dash.
bool InStandard(UChar32 c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' ||
         c == '.' || c == '-' || c == ' ' || (c >= '\t' && c <= '\r') ||
         c == 0x2013 || c == 0x2014 || c == 0xFF0D;
}

// Every standard number starts with the first letter of one of the codes
// and holds only InStandard characters.
std::vector<std::string_view> StandardStretches(std::string_view body) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(body.data());
  const auto size = static_cast<int32_t>(body.size());
  std::vector<std::string_view> out;
  static constexpr std::array<bool, 256> kFirst = [] {
    std::array<bool, 256> first{};
    for (unsigned char c : std::string_view("ACDGHJMNSWXY")) first[c] = true;
    return first;
  }();
  for (int32_t i = 0; i < size; ++i) {
    // Nearly every byte of a gazette is part of a multi-byte character,
    // none of which can start a code: eight such bytes are passed at once.
    // A byte at a time, this loop was 7.5% of `refs` (3% now, at 100 MB).
    while (i + 8 <= size) {
      uint64_t word;
      std::memcpy(&word, bytes + i, sizeof word);
      if ((word & 0x8080808080808080) != 0x8080808080808080) break;
      i += 8;
    }
    if (i >= size || !kFirst[bytes[i]]) continue;
    int32_t right = i;
    while (right < size) {
      int32_t next = right;
      UChar32 c;
      U8_NEXT(bytes, next, size, c);
      if (!InStandard(c)) break;
      right = next;
    }
    out.push_back(body.substr(i, right - i));
    i = right;
  }
  return out;
}

// 渝府发〔2022〕12号、13号, 国办发〔2020〕5号和6号, 国务院令第722号、第723号:
// a serial listed after a number is a number of the same code and year,
// its surface the serial as printed.
void Extractor::AddSerialsAfter(uint32_t end, std::vector<Found>& found) const {
  const Found first = found.back();
  // The number up to its serial: 渝府发〔2022〕, 国务院令第.
  const std::string_view mark =
      first.form == ReferenceForm::kDecree ? "第" : "〕";
  const size_t keep = first.number.rfind(mark);
  if (keep == std::string::npos) return;
  const std::string head = first.number.substr(0, keep + mark.size());
  re2::StringPiece rest(src_.text.data() + end, end_ - end);
  re2::StringPiece serial;
  while (RE2::Consume(&rest, P().serial_after, &serial)) {
    const auto stop = static_cast<uint32_t>(rest.data() - src_.text.data());
    const auto begin = static_cast<uint32_t>(serial.data() - src_.text.data());
    std::string_view digits(serial.data(), serial.size());
    if (digits.starts_with("第"))
      digits = TrimWhitespace(digits.substr(std::string_view("第").size()));
    const std::string number =
        NormalizeDocNumber(head + std::string(digits) + "号");
    found.push_back({begin, stop, number, first.form});
  }
}

void Extractor::FindBareNumbers() {
  if (body_begin_ >= end_) return;
  std::string_view body =
      std::string_view(src_.text).substr(body_begin_, end_ - body_begin_);
  std::vector<Found> found;
  auto scan = [&](const RE2& re, ReferenceForm form, std::string_view part) {
    re2::StringPiece match;
    size_t pos = 0;
    while (pos < part.size() &&
           re.Match(re2::StringPiece(part.data(), part.size()), pos,
                    part.size(), RE2::UNANCHORED, &match, 1)) {
      uint32_t b =
          body_begin_ + static_cast<uint32_t>(match.data() - body.data());
      uint32_t e = b + static_cast<uint32_t>(match.size());
      std::string m(match.data(), match.size());
      std::string number;
      std::string code, year, serial;
      const std::string_view before = std::string_view(src_.text).substr(0, b);
      if (form == ReferenceForm::kNumber &&
          RE2::FullMatch(m, P().doc_number, &code, &year, &serial)) {
        std::string stripped = StripCodePrefix(StripDateUnit(code, before));
        b += static_cast<uint32_t>(code.size() - stripped.size());
        number = NormalizeDocNumber(m.substr(code.size() - stripped.size()));
      } else if (form == ReferenceForm::kDecree) {
        std::string issuer, n;
        if (!RE2::FullMatch(m, P().decree, &issuer, &n))
          RE2::FullMatch(m, P().decree_after, &issuer, &n);
        std::string stripped = StripCodePrefix(StripDateUnit(issuer, before));
        b += static_cast<uint32_t>(issuer.size() - stripped.size());
        number = NormalizeDocNumber(m.substr(issuer.size() - stripped.size()));
      } else if (form == ReferenceForm::kStandard) {
        std::string c, n, y;
        RE2::FullMatch(m, P().standard, &c, &n, &y);
        number = NormalizeStandard(c, n, y);
      }
      if (!number.empty()) {
        found.push_back({b, e, number, form});
        if (form != ReferenceForm::kStandard) AddSerialsAfter(e, found);
      }
      pos = static_cast<size_t>(match.data() - part.data()) +
            std::max<size_t>(match.size(), 1);
    }
  };
  const std::vector<std::string_view> numbers = NumberStretches(body);
  for (std::string_view part : numbers) {
    scan(P().decree, ReferenceForm::kDecree, part);
    scan(P().decree_after, ReferenceForm::kDecree, part);
  }
  for (std::string_view part : numbers)
    scan(P().doc_number, ReferenceForm::kNumber, part);
  for (std::string_view part : StandardStretches(body))
    scan(P().standard, ReferenceForm::kStandard, part);
  std::sort(found.begin(), found.end(),
            [](const Found& a, const Found& b) { return a.begin < b.begin; });
  // Covered searches the title mentions, which are sorted; a number
  // appended among them before the search was done had unsorted them, and
  // a later title's own number could then come out a second time.
  std::vector<Mention> bare;
  uint32_t last_end = 0;
  for (const Found& f : found) {
    if (f.begin < last_end || Covered(f.begin, f.end)) continue;
    last_end = f.end;
    if (Mention* title = TitleRightAfter(f.end);
        title && title->ref.doc_number.empty()) {
      // 渝府发〔2023〕7号《重庆市人民政府关于…的意见》: one document, cited
      // by number and title; the title's mention starts at the number.
      title->begin = f.begin;
      title->ref.doc_number = f.number;
      continue;
    }
    Mention& m = bare.emplace_back();
    m.begin = f.begin;
    m.end = m.full_end = m.clause_end = f.end;
    m.ref.form = f.form;
    m.ref.doc_number = f.number;
  }
  mentions_.insert(mentions_.end(), std::make_move_iterator(bare.begin()),
                   std::make_move_iterator(bare.end()));
}

// The title mention opening right after `end` (white space between at
// most), while mentions_ holds titles only, sorted.
Extractor::Mention* Extractor::TitleRightAfter(uint32_t end) {
  const std::string_view text = src_.text;
  size_t at = end;
  while (at < end_ && (text[at] == ' ' || text[at] == '\t')) ++at;
  // 国务院令第722号公布的《优化营商环境条例》: the decree and what it
  // promulgated are one document, as are a notice's number and what it
  // issued (渝府发〔2023〕7号印发的《…》), which its title is cited with.
  for (std::string_view verb :
       {"公布的", "发布的", "印发的", "颁布的", "公布施行的"}) {
    if (text.compare(at, verb.size(), verb) == 0 && at + verb.size() <= end_) {
      at += verb.size();
      break;
    }
  }
  auto it = std::lower_bound(
      mentions_.begin(), mentions_.end(), at,
      [](const Mention& m, size_t offset) { return m.begin < offset; });
  return it != mentions_.end() && it->begin == at ? &*it : nullptr;
}

// The mention's clause before it, other mentions blanked out so their
// titles (关于印发…) cannot lend it a cue.  The clause is walked back over
// the gaps between mentions: a delimiter inside a mention or its
// parenthesis ends no clause (根据《甲办法》（2023年3月2日重庆市人民政府令
// 第359号公布，自2023年5月1日起施行）和《乙条例》 rests on both), and only
// the gaps count toward the look-back, so the last of a long list of
// titles still finds the 根据 before the first.
std::string Extractor::ClauseBefore(const Mention& m) const {
  std::string_view text = src_.text;
  auto aligned = [&](size_t at) {  // to the next code point's start
    while ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    return at;
  };
  // The first span at or after the mention; the one before may hold it
  // (a number inside another mention's parenthesis), whose clause is then
  // the parenthesis's own text before it.
  auto next = std::lower_bound(
      spans_.begin(), spans_.end(), m.begin,
      [](const Span& x, uint32_t offset) { return x.begin < offset; });
  if (next != spans_.begin() && std::prev(next)->end > m.begin) {
    // The holder opens the span; its parenthesis starts where it ends.
    const auto holder = std::lower_bound(
        mentions_.begin(), mentions_.end(), std::prev(next)->begin,
        [](const Mention& x, uint32_t offset) { return x.begin < offset; });
    // (A bare number is never inside the 《》 itself: those are skipped.)
    const size_t from = std::min<size_t>(
        m.begin,
        std::max<size_t>(holder->end, m.begin > kMaxClauseBytes
                                          ? aligned(m.begin - kMaxClauseBytes)
                                          : 0));
    std::string_view gap = text.substr(from, m.begin - from);
    return RemoveWhitespace(gap.substr(LastClauseStart(gap)));
  }
  // Cues stand near their mention; a bounded look-back keeps a document of
  // one endless clause linear.
  std::vector<std::string_view> pieces;  // right to left
  size_t pos = m.begin, budget = kMaxClauseBytes;
  for (auto before = next;; --before) {
    size_t from = before == spans_.begin() ? begin_ : std::prev(before)->end;
    const bool limited = pos - from > budget;
    if (limited) from = aligned(pos - budget);
    std::string_view gap = text.substr(from, pos - from);
    if (size_t start = LastClauseStart(gap); start > 0) {
      pieces.push_back(gap.substr(start));
      break;
    }
    pieces.push_back(gap);
    // Each mention passed costs at least a character, so titles set side
    // by side (《甲》《乙》…, no gap at all) are not walked back whole.
    budget -= std::min(budget, std::max<size_t>(gap.size(), 3));
    if (limited || before == spans_.begin() || budget == 0) break;
    pieces.push_back("□");
    pos = std::prev(before)->begin;
  }
  std::string clause;
  for (auto piece = pieces.rbegin(); piece != pieces.rend(); ++piece)
    clause.append(*piece);
  return RemoveWhitespace(clause);
}

// From past the mention's parenthesis, whether it kept anything or not:
// 《甲办法》（2021年修正）同时废止 repeals it.
std::string Extractor::ClauseAfter(const Mention& m) const {
  std::string_view text = src_.text;
  const size_t from = m.clause_end;
  size_t stop = std::min<size_t>(end_, from + 4 * kMaxAfterCueBytes);
  std::string_view look = text.substr(from, stop - from);
  for (std::string_view end : kClauseEnds) {
    size_t at = look.find(end);
    if (at != std::string_view::npos) stop = std::min(stop, from + at);
  }
  return RemoveWhitespace(text.substr(from, stop - from));
}

void Extractor::Decide(Mention& m) const {
  Reference& r = m.ref;
  r.file = doc_.file;
  r.doc = doc_.id;
  r.line = src_.LineOf(m.begin);
  r.span = {m.begin, m.full_end - m.begin};
  std::string surface(
      std::string_view(src_.text).substr(m.begin, m.full_end - m.begin));
  std::string joined;
  for (char c : surface)
    if (c != '\n') joined.push_back(c);
  r.surface = std::string(TrimWhitespace(joined));
  const int directive = DirectiveIndex(r.line);
  r.directive = directive < 0 ? "" : tree_.nodes[directive].id;
  // A document listed by its title and number takes its list's cue only.
  const std::string_view listed_title = ListedTitleOf(m, BeforeOnLine(m.begin));
  const bool listed = !listed_title.empty();
  if (listed) r.listed_title = NormalizeTitle(listed_title);
  Cue cue = listed ? LeadInCue(m)
                   : FindCue(ClauseBefore(m), ClauseAfter(m), m.issuer_bytes);
  if (cue.word.empty() && !listed) cue = LeadInCue(m);
  if (cue.word.empty() && UnderBasisHeading(directive, r.line))
    cue = {Relation::kBasis, "依据"};
  r.cue = cue.word;
  r.relation = cue.relation;
  const SelfMatch self = r.form == ReferenceForm::kTitle
                             ? IsSelf(TitleWithIssuer(r.issuer, r.title))
                             : SelfMatch::kNo;
  // A title that differs from this document's by its jurisdiction and is
  // acted on is the other one of that name: 重庆市物业管理条例 rests on
  // 根据《物业管理条例》, the State Council's.
  const bool acted_on =
      r.relation != Relation::kMentions && r.relation != Relation::kIssues;
  if (self == SelfMatch::kExact ||
      (self == SelfMatch::kButJurisdiction && !acted_on)) {
    // A number not its own says the title is another document's: the one
    // a 转发 notice passes on (现将《重庆市人民政府办公厅关于…的通知》
    // （渝府办发〔2023〕5号）转发给你们, issued by this notice), or a
    // higher one of the same title it carries out (贯彻落实《垫江县…实施
    // 方案》（垫江府办发〔2019〕36号）), by the cue as any other.
    r.self = r.doc_number.empty() || r.doc_number == doc_.id ||
             r.doc_number == doc_.doc_number;
    if (r.self) r.relation = Relation::kIssues;
  } else if (r.relation == Relation::kIssues) {
    // 中共中央、国务院印发《X》: issued by someone else, only mentioned here.
    r.relation = Relation::kMentions;
  }
}

Extraction Extractor::Run() {
  if (begin_ >= end_) return std::move(out_);
  FindTitles();
  if (unclosed_ > kMaxUnclosedWarnings)
    out_.diagnostics.push_back(
        {Severity::kWarning, doc_.file, doc_.first_line, "unclosed-title-mark",
         std::to_string(unclosed_ - kMaxUnclosedWarnings) +
             " more 《 without a closing 》 in this document"});
  FindBareNumbers();
  std::sort(
      mentions_.begin(), mentions_.end(),
      [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  for (const Mention& x : mentions_) {
    if (!spans_.empty() && x.begin < spans_.back().end)
      spans_.back().end = std::max(spans_.back().end, x.clause_end);
    else
      spans_.push_back({x.begin, x.clause_end});
  }
  for (Mention& m : mentions_) {
    Decide(m);
    Reference& r = m.ref;
    // An abbreviation defined earlier in this document.
    if (r.form == ReferenceForm::kTitle && r.alias.empty()) {
      if (auto alias = aliases_.find(r.title); alias != aliases_.end()) {
        r.form = ReferenceForm::kAlias;
        r.alias_of = alias->second.title;
        r.issuer = alias->second.issuer;
        r.self = self_aliases_.contains(r.title);
        if (r.self) r.relation = Relation::kIssues;
      }
    }
    if (r.form == ReferenceForm::kTitle && r.alias_of.empty() &&
        RE2::FullMatch(r.title, P().bare_type) &&
        TitleType(doc_.attached_title.empty()
                      ? doc_.title
                      : doc_.attached_title) == TitleType(r.title)) {
      r.self = true;
      r.relation = Relation::kIssues;
    }
    if (!r.alias.empty()) {
      // The latest stands.
      aliases_.insert_or_assign(r.alias, Defined{r.title, r.issuer});
      if (r.self) self_aliases_.insert(r.alias);
    }
    out_.references.push_back(std::move(r));
  }
  return std::move(out_);
}

// Rightmost occurrence of `word` in `text` that is not followed by 的.
size_t FindActingCue(std::string_view text, std::string_view word) {
  size_t at = ReverseFind(text, word);
  while (at != std::string_view::npos) {
    if (text.compare(at + word.size(), 3, "的") != 0) return at;
    if (at == 0) break;
    at = ReverseFind(text, word, at - 1);
  }
  return std::string_view::npos;
}

// 先后出台《X》, 出台了《X》, 常务会议审议通过的《X》: already done, so
// nothing is being drafted; nor is it in 对下列规章予以修改：, where the
// text itself amends documents that exist.
bool DraftsNothing(std::string_view before, size_t cue_at, size_t cue_end) {
  if (before.compare(cue_end, 3, "了") == 0 ||
      before.compare(cue_end, 6, "通过") == 0)
    return true;
  std::string_view head = before.substr(0, cue_at);
  for (std::string_view marker :
       {"先后", "相继", "陆续", "已经", "已", "曾", "均"})
    if (EndsWith(head, marker)) return true;
  // 予以修改, 予以修订 amend now; 提请予以审议《…（草案）》 still drafts.
  const std::string_view cue = before.substr(cue_at, cue_end - cue_at);
  return EndsWith(head, "予以") && (cue == "修改" || cue == "修订");
}

}  // namespace

Cue FindCue(std::string_view before, std::string_view after,
            size_t issuer_bytes) {
  std::string_view near_after = after.substr(0, kMaxAfterCueBytes);
  size_t best_after = std::string_view::npos;
  Cue cue;
  for (const CueWord& c : kAfterCues) {
    size_t at = near_after.find(c.word);
    if (at != std::string_view::npos &&
        (best_after == std::string_view::npos || at < best_after)) {
      best_after = at;
      cue = {c.relation, std::string(c.word)};
    }
  }
  if (best_after != std::string_view::npos) return cue;
  size_t best_end = 0;
  size_t best_at = 0;
  for (const CueWord& c : kBeforeCues) {
    size_t at = FindActingCue(before, c.word);
    if (at == std::string_view::npos) continue;
    size_t end = at + c.word.size();
    // Rightmost wins; at the same end the longer (listed first) stays.
    if (end > best_end) {
      best_end = end;
      best_at = at;
      cue = {c.relation, std::string(c.word)};
    }
  }
  const std::string_view near =
      before.substr(0, before.size() - std::min(issuer_bytes, before.size()));
  if (best_end < near.size()) {
    for (const CueWord& c : kAdjacentCues) {
      if (!EndsWith(near, c.word)) continue;
      const std::string_view head = near.substr(0, near.size() - c.word.size());
      // 数据《X》, 证据: the character ends another word.
      if (c.word == "据" && (EndsWith(head, "数") || EndsWith(head, "证") ||
                             EndsWith(head, "占")))
        break;
      return {c.relation, std::string(c.word)};
    }
  }
  if (cue.relation == Relation::kDrafts &&
      DraftsNothing(before, best_at, best_end))
    cue.relation = Relation::kMentions;
  return cue;
}

Extraction ExtractReferences(const SourceText& source, const Document& doc,
                             const DirectiveTree& directives) {
  return Extractor(source, doc, directives).Run();
}

}  // namespace policygraph

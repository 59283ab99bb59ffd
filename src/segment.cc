#include "policygraph/segment.h"

#include <algorithm>
#include <array>
#include <optional>

#include <re2/re2.h>

#include "policygraph/fold.h"

#include "parse_internal.h"
#include "text_util.h"

namespace policygraph {
namespace {

using internal::CleanLine;
using internal::CodePointCount;
using internal::Contains;
using internal::EndsWith;
using internal::ParseDigits;
using internal::StartsWith;

// Every pattern of this stage, compiled once.  Lines are matched after
// CleanLine (markup removed, trimmed), so anchors are whole-line anchors.
struct Patterns {
  // 渝府发〔2023〕7号, 合川府发〔2023〕2 号, 国办发[2021]13号,
  // 京政发（2022）5号, and the 第 some issuers print: 渝府办发〔2019〕第8号
  RE2 doc_number_line{R"(^([\p{Han}A-Za-z]{1,15}))" +
                      std::string(internal::kDocNumberAfterCode) + "$"};
  // 重庆市人民政府令 (the number follows on its own line)
  RE2 decree_header{R"(^(\p{Han}{2,24}?)令$)"};
  RE2 decree_number{R"(^第\s*([0-9０-９]{1,5})\s*号$)"};
  // A title and its number on one line: the title, then white space and
  // a number as doc_number_line reads it.
  RE2 title_then_number{R"(^(.+?)\s+([\p{Han}A-Za-z]{1,15})" +
                        std::string(internal::kDocNumberAfterCode) + ")$"};
  // A regulation's passage note under its title: （2023年7月27日重庆市第六届
  // 人民代表大会常务委员会第三次会议通过）, perhaps with later amendments.
  RE2 passage_note{
      R"(^[（(]\s*([0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日))"
      R"((\S.*?)(?:通过|批准).*[）)]$)"};
  // What names the body in a passage note, less its term and its sitting.
  RE2 sitting{R"(第[一二三四五六七八九十百零〇0-9]+(?:届|次(?:全体)?会议))"};
  // 重庆市人民政府令第359号 on one line
  RE2 decree_combined{R"(^(\p{Han}{2,24}?)令\s*第\s*([0-9０-９]{1,5})\s*号$)"};
  // Contents lines end in a page number: "…通知…… (1)", "…通知·····\t38".
  RE2 toc_paren_tail{R"(^(.*?)[\s.…·．・⋯]*[（(]\s*([0-9]{1,4})\s*[）)]$)"};
  RE2 toc_leader_tail{R"(^(.*?)(?:[.…·．・⋯]{2,}|\t)\s*([0-9]{1,4})$)"};
  RE2 toc_section{R"(^【.*】$)"};
  // 各区县（自治县）人民政府，市政府各部门，有关单位：  / 区应急局：
  RE2 addressee{R"(^[^。；]{2,120}[：:]$)"};
  // An item of a list, which no title opens with.
  RE2 list_marker{"^" + std::string(internal::kListMarker)};
  RE2 colophon{
      R"(^(主管单位|主办单位|编辑出版|编辑|出版|发行范围|全国统一刊号|)"
      R"(印刷单位|承印单位|国内统一刊号)\s*[：:])"};
  // The first characters of the colophon's words, the one test most
  // lines need: the pattern ran on every line of every document, 3% of
  // `refs`.  Keep in step with `colophon`.
  static constexpr std::string_view kColophonFirst = "主编出发全印承国";
  // Issuer words that open a header line: 重庆市人民政府办公厅 关于…
  RE2 issuer_words{
      R"((人民政府|办公厅|办公室|委员会|国务院|中共中央|人民代表大会|局|委))"};
};

const Patterns& P() {
  static const Patterns* patterns = new Patterns();
  return *patterns;
}

// Type words a document title ends with, longest first so 实施意见 beats 意见.
constexpr std::array<std::pair<std::string_view, std::string_view>, 32>
    kTitleTypes = {{
        {"实施意见", "意见"}, {"指导意见", "意见"}, {"实施细则", "细则"},
        {"实施方案", "方案"}, {"通知", "通知"},     {"意见", "意见"},
        {"批复", "批复"},     {"通告", "通告"},     {"公告", "公告"},
        {"决定", "决定"},     {"报告", "报告"},     {"命令", "命令"},
        {"办法", "办法"},     {"规定", "规定"},     {"条例", "条例"},
        {"细则", "细则"},     {"规划", "规划"},     {"纲要", "纲要"},
        {"方案", "方案"},     {"计划", "计划"},     {"要点", "要点"},
        {"决议", "决议"},     {"复函", "函"},       {"函", "函"},
        {"规则", "规则"},     {"标准", "标准"},     {"通报", "通报"},
        {"预案", "预案"},     {"请示", "请示"},     {"议案", "议案"},
        {"指南", "指南"},     {"清单", "清单"},
    }};

bool MayOpenColophon(std::string_view clean) {
  const std::string_view first = internal::FirstCodePoint(clean);
  return first.size() == 3 &&
         Patterns::kColophonFirst.find(first) != std::string_view::npos;
}

// A gazette's section heading between documents: 【市政府文件】, 【 区政府
// 办公室文件 】, 【政策解读】, 【人事任免】.  What follows it is another
// document or an article of the gazette's own, not the one above.
bool IsGazetteSection(std::string_view clean) {
  if (!StartsWith(clean, "【") || !EndsWith(clean, "】") ||
      CodePointCount(clean) > 24)
    return false;
  for (std::string_view word : {"文件", "规章", "解读", "任免", "大事记",
                                "公告", "通告", "决定", "命令"})
    if (EndsWith(RemoveWhitespace(clean.substr(0, clean.size() - 3)), word))
      return true;
  return false;
}

bool IsDateLine(std::string_view clean) {
  return !internal::ParseDateLine(clean).empty();
}

bool IsPublicationNote(std::string_view clean) {
  return Contains(clean, "此件公开发布") || Contains(clean, "此件主动公开") ||
         Contains(clean, "此件不公开");
}

// A number line as printed, or in parentheses as web pages print it:
// （渝府发〔2023〕30号）.  The number itself, or "" when the line is none.
std::string_view NumberOfLine(std::string_view clean) {
  for (auto [open, close] :
       {std::pair<std::string_view, std::string_view>{"（", "）"}, {"(", ")"}})
    if (StartsWith(clean, open) && EndsWith(clean, close)) {
      clean = TrimWhitespace(
          clean.substr(open.size(), clean.size() - open.size() - close.size()));
      break;
    }
  return EndsWith(clean, "号") && RE2::FullMatch(clean, P().doc_number_line)
             ? clean
             : std::string_view();
}

bool IsDocNumberLine(std::string_view clean) {
  return !NumberOfLine(clean).empty();
}

// A line that can be part of a header title: short, no sentence punctuation,
// not a date, number or table row.
bool IsTitleLike(std::string_view raw) {
  if (Contains(raw, "\t")) return false;
  std::string clean = CleanLine(raw);
  if (clean.empty() || CodePointCount(clean) > 64 ||
      RE2::PartialMatch(clean, P().list_marker))
    return false;
  for (std::string_view stop : {"。", "；", "：", ":", "！", "？"})
    if (Contains(clean, stop)) return false;
  for (std::string_view end : {"，", "、", ",", "；"})
    if (EndsWith(clean, end)) return false;
  return !IsDateLine(clean) && !IsPublicationNote(clean) &&
         !IsDocNumberLine(clean);
}

// 重庆市人民政府 / 重庆市合川区人民政府办公室 alone on a line, no 关于.
bool IsIssuerOnlyLine(std::string_view clean) {
  if (Contains(clean, "关于") || CodePointCount(clean) > 40) return false;
  for (std::string_view end : {"人民政府", "办公厅", "办公室", "委员会",
                               "国务院", "中共中央", "局", "委", "院", "厅"})
    if (EndsWith(RemoveWhitespace(clean), end)) return true;
  return false;
}

// Header lines that already carry the issuer: "重庆市人民政府办公厅 关于…".
bool OpensWithIssuer(std::string_view clean) {
  size_t about = clean.find("关于");
  std::string_view head = std::string_view(clean).substr(
      0,
      about == std::string::npos ? std::min<size_t>(clean.size(), 60) : about);
  return RE2::PartialMatch(head, P().issuer_words);
}

struct Header {
  uint32_t first_line = 0;
  uint32_t last_line = 0;  // last line of title/number block
  std::string title;       // joined, whitespace removed, not yet normalized
  std::string raw_issuer;  // issuer text as printed (spaces kept)
  std::string doc_number;
  std::string decree_number;
  bool strong = false;  // anchored on a number, not only on an addressee
  std::string date;     // from the header itself (a passage note), if any
};

class Segmenter {
 public:
  explicit Segmenter(const SourceText& source) : src_(source), clean_(source) {}

  Segmentation Run();
  internal::CleanLines TakeCleanLines() { return std::move(clean_); }

 private:
  uint32_t LineCount() const { return clean_.size() - 1; }
  std::string_view Clean(uint32_t n) const { return clean_[n]; }
  uint32_t PrevNonBlank(uint32_t n, int max_blanks) const;
  uint32_t NextNonBlank(uint32_t n) const;

  uint32_t ParseToc();
  std::optional<Header> AssembleTitle(uint32_t anchor) const;
  std::optional<Header> AssembleTitleBelow(uint32_t number_line) const;
  std::optional<Header> DecreeHeader(uint32_t n) const;
  std::optional<Header> PassageHeader(uint32_t n, uint32_t from) const;
  std::optional<Header> SameLineHeader(uint32_t n) const;
  void AddIssuerLinesAbove(uint32_t i, std::string_view text,
                           std::vector<uint32_t>& lines) const;
  bool CitesTitleAbove(uint32_t n) const;
  std::vector<Header> FindHeaders(uint32_t body_start) const;
  Document MakeDocument(const Header& h, uint32_t end_line) const;
  void FillDecreeTitle(Document& doc) const;
  void FillAttachedTitle(Document& doc) const;
  void CheckDateAgainstNumber(const Document& doc);
  uint32_t LastContentLine(uint32_t first, uint32_t limit) const;
  void CheckAgainstToc(std::vector<Document>& docs,
                       const std::vector<std::string>& folded_toc);
  std::vector<std::string> FoldedTocTitles() const;
  void Warn(uint32_t line, std::string code, std::string message) {
    out_.diagnostics.push_back({Severity::kWarning, src_.path, line,
                                std::move(code), std::move(message)});
  }

  const SourceText& src_;
  internal::CleanLines clean_;
  Segmentation out_;
};

uint32_t Segmenter::PrevNonBlank(uint32_t n, int max_blanks) const {
  int blanks = 0;
  for (uint32_t i = n; i >= 1; --i) {
    if (!Clean(i).empty()) return i;
    if (++blanks > max_blanks) return 0;
  }
  return 0;
}

uint32_t Segmenter::NextNonBlank(uint32_t n) const {
  for (uint32_t i = n; i <= LineCount(); ++i)
    if (!Clean(i).empty()) return i;
  return 0;
}

bool LooksEnglish(std::string_view clean) {
  size_t letters = 0;
  for (unsigned char c : clean) letters += std::isalpha(c) != 0;
  return clean.size() >= 12 && letters * 2 > clean.size();
}

// Reads the 目录 block; returns the first line after it (1 when none).
uint32_t Segmenter::ParseToc() {
  uint32_t start = 0;
  for (uint32_t n = 1; n <= LineCount() && n <= 200; ++n) {
    if (RemoveWhitespace(Clean(n)) == "目录") {
      start = n;
      break;
    }
  }
  if (start == 0) return 1;
  std::string pending;
  uint32_t pending_line = 0;
  int pending_lines = 0;
  uint32_t n = start + 1;
  for (; n <= LineCount(); ++n) {
    std::string_view line = Clean(n);
    if (line.empty()) continue;
    if (LooksEnglish(line) || IsDocNumberLine(line) ||
        (EndsWith(line, "令") && RE2::FullMatch(line, P().decree_header)))
      break;
    if (StartsWith(line, "【") && RE2::FullMatch(line, P().toc_section))
      continue;
    // Each pattern is tried only on a line ending as it must: a page
    // number, or the bracket around one.
    std::string raw(TrimWhitespace(src_.Line(n)));
    std::string head, page;
    bool tail = (!raw.empty() && raw.back() >= '0' && raw.back() <= '9' &&
                 RE2::FullMatch(raw, P().toc_leader_tail, &head, &page)) ||
                ((EndsWith(line, "）") || EndsWith(line, ")")) &&
                 RE2::FullMatch(line, P().toc_paren_tail, &head, &page));
    if (pending.empty()) pending_line = n;
    pending += RemoveWhitespace(tail ? CleanLine(head) : line);
    ++pending_lines;
    if (tail) {
      out_.toc.push_back(
          {pending, pending_line, static_cast<int>(ParseDigits(page))});
      pending.clear();
      pending_lines = 0;
    } else if (pending_lines > 4) {
      break;  // no page number for several lines: the contents have ended
    }
  }
  // An unfinished entry is the first document's header, not contents.
  return pending.empty() ? n : pending_line;
}

// A header from its title's pieces, top to bottom: the title joined, the
// issuer as printed before 关于 (or 印发/转发); nullopt without a type or
// one of those verbs.
std::optional<Header> TitleHeader(const std::vector<std::string_view>& pieces) {
  Header h;
  std::string spaced;
  for (std::string_view piece : pieces) {
    h.title += RemoveWhitespace(piece);
    spaced += piece;
    spaced += ' ';
  }
  if (TitleType(h.title).empty()) return std::nullopt;
  bool has_verb = Contains(h.title, "关于") || Contains(h.title, "印发") ||
                  Contains(h.title, "转发");
  if (!has_verb) return std::nullopt;
  size_t about = spaced.find("关于");
  if (about == std::string::npos) {
    for (std::string_view verb : {"印发", "转发"}) {
      about = spaced.find(verb);
      if (about != std::string::npos) break;
    }
  }
  h.raw_issuer = std::string(TrimWhitespace(spaced.substr(0, about)));
  return h;
}

// Joint issuers print one to a line above the title (中共重庆市合川区委
// 办公室 / 重庆市合川区人民政府办公室 / 关于印发…), or the first alone above
// a line that opens with the second: the issuer lines above line `i`, whose
// title text is `text`, go to the front of `lines`.  An issuer printed
// twice (a header band above a title that opens with it) is one issuer: a
// line already in the title ends the walk.
void Segmenter::AddIssuerLinesAbove(uint32_t i, std::string_view text,
                                    std::vector<uint32_t>& lines) const {
  const size_t most = StartsWith(text, "关于") ? 3 : 2;
  std::string seen = RemoveWhitespace(text);
  for (size_t k = 0; k < most; ++k) {
    uint32_t above = i > 1 ? PrevNonBlank(i - 1, 2) : 0;
    if (above < 1 || !IsTitleLike(src_.Line(above)) ||
        !IsIssuerOnlyLine(Clean(above)))
      break;
    const std::string issuer = RemoveWhitespace(Clean(above));
    if (Contains(seen, issuer)) break;
    seen += issuer;
    lines.insert(lines.begin(), above);
    i = above;
  }
}

// Walks up from the line below a title block (a number line or addressee)
// and joins the title lines: at most five, stopping at the line holding
// 关于 or opening with the issuer, plus the issuer lines above it.
std::optional<Header> Segmenter::AssembleTitle(uint32_t anchor) const {
  std::vector<uint32_t> lines;
  uint32_t i = anchor > 1 ? PrevNonBlank(anchor - 1, 2) : 0;
  while (i >= 1 && lines.size() < 5) {
    if (!IsTitleLike(src_.Line(i))) break;
    lines.insert(lines.begin(), i);
    std::string_view text = Clean(i);
    if (Contains(text, "关于") || OpensWithIssuer(text)) {
      AddIssuerLinesAbove(i, text, lines);
      break;
    }
    i = i > 1 ? PrevNonBlank(i - 1, 2) : 0;
  }
  if (lines.empty()) return std::nullopt;
  std::vector<std::string_view> pieces;
  for (uint32_t l : lines) pieces.push_back(Clean(l));
  std::optional<Header> h = TitleHeader(pieces);
  if (!h) return std::nullopt;
  h->first_line = lines.front();
  h->last_line = anchor;
  return h;
}

// A title and its number on one line, as text joined from a PDF prints
// them (重庆市人民政府关于甲的通知 渝府发〔2023〕31号): the number after
// white space at the line's end, the title before it holding 关于 and no
// book-title mark (so prose citing 《关于…的通知》 渝府发… is none), with
// the issuer lines above it and the addressees below.
std::optional<Header> Segmenter::SameLineHeader(uint32_t n) const {
  std::string_view line = Clean(n);
  if (!EndsWith(line, "号") || !Contains(line, "关于")) return std::nullopt;
  std::string title, number;
  if (!RE2::FullMatch(line, P().title_then_number, &title, &number))
    return std::nullopt;
  const std::string_view head = TrimWhitespace(title);
  if (Contains(head, "《") || Contains(head, "》") || !IsTitleLike(head))
    return std::nullopt;
  // A list of documents printed with spaces (1 重庆市人民政府关于甲的通知
  // 渝府发〔2015〕1号, in a decision repealing them) has lines alike: the
  // header is the one the addressees follow.
  const uint32_t next = NextNonBlank(n + 1);
  if (next == 0 || next > n + 3 || !RE2::FullMatch(Clean(next), P().addressee))
    return std::nullopt;
  std::vector<uint32_t> lines;
  AddIssuerLinesAbove(n, head, lines);
  std::vector<std::string_view> pieces;
  for (uint32_t l : lines) pieces.push_back(Clean(l));
  pieces.push_back(head);
  std::optional<Header> h = TitleHeader(pieces);
  if (!h) return std::nullopt;
  h->first_line = lines.empty() ? n : lines.front();
  h->last_line = n;
  h->doc_number = NormalizeDocNumber(number);
  h->strong = true;
  return h;
}

// Red-header documents print the number above the title (国发〔2024〕3号 /
// 国务院关于…的指导意见 / 各省…：).  Used when nothing above the number
// reads as a title.
std::optional<Header> Segmenter::AssembleTitleBelow(
    uint32_t number_line) const {
  std::vector<uint32_t> lines;
  uint32_t n = NextNonBlank(number_line + 1);
  while (n != 0 && n <= number_line + 10 && lines.size() < 5 &&
         IsTitleLike(src_.Line(n))) {
    lines.push_back(n);
    n = NextNonBlank(n + 1);
  }
  if (lines.empty() || n == 0 || !RE2::FullMatch(Clean(n), P().addressee))
    return std::nullopt;
  Header h;
  h.first_line = number_line;
  h.last_line = lines.back();
  std::string spaced;
  for (uint32_t l : lines) {
    h.title += RemoveWhitespace(Clean(l));
    spaced += Clean(l);
    spaced += ' ';
  }
  size_t about = spaced.find("关于");
  if (about == std::string::npos || TitleType(h.title).empty())
    return std::nullopt;
  h.raw_issuer = std::string(TrimWhitespace(spaced.substr(0, about)));
  return h;
}

std::optional<Header> Segmenter::DecreeHeader(uint32_t n) const {
  std::string issuer, number;
  std::string_view line = Clean(n);
  Header h;
  h.first_line = n;
  h.strong = true;
  // Every header pattern is a whole line ending in a known character;
  // most lines are prose and end otherwise.
  if (EndsWith(line, "号") &&
      RE2::FullMatch(line, P().decree_combined, &issuer, &number)) {
    h.last_line = n;
  } else if (EndsWith(line, "令") &&
             RE2::FullMatch(line, P().decree_header, &issuer)) {
    uint32_t next = NextNonBlank(n + 1);
    if (next == 0 || next > n + 3 ||
        !RE2::FullMatch(Clean(next), P().decree_number, &number))
      return std::nullopt;
    h.last_line = next;
  } else {
    return std::nullopt;
  }
  h.raw_issuer = issuer;
  h.decree_number = NormalizeDocNumber(issuer + "令第" + number + "号");
  return h;
}

// A regulation printed with its passage note and no number: its title on
// the line or two above the note.  Not when the note is under the plan a
// notice or decree just before issues (现将《X》印发给你们, 《X》已经…通过，
// 现予公布), which is that document's attachment: `from` is where the
// header before it starts.
std::optional<Header> Segmenter::PassageHeader(uint32_t n,
                                               uint32_t from) const {
  std::string_view note = Clean(n);
  if (!(StartsWith(note, "（") || StartsWith(note, "(")) ||
      !(EndsWith(note, "）") || EndsWith(note, ")")) || !Contains(note, "通过"))
    return std::nullopt;
  std::string date, body;
  if (!RE2::FullMatch(note, P().passage_note, &date, &body))
    return std::nullopt;
  uint32_t top = n > 1 ? PrevNonBlank(n - 1, 2) : 0;
  if (top == 0 || !IsTitleLike(src_.Line(top))) return std::nullopt;
  std::string title = RemoveWhitespace(Clean(top));
  if (TitleType(title).empty() || Contains(title, "关于")) return std::nullopt;
  // A title broken over two lines (重庆市物业 / 管理条例): the line above
  // is a piece of title with no type of its own and no issuer.
  if (const uint32_t above = top > 1 ? PrevNonBlank(top - 1, 1) : 0;
      above >= 1 && above >= from && IsTitleLike(src_.Line(above)) &&
      !IsIssuerOnlyLine(Clean(above))) {
    std::string head = RemoveWhitespace(Clean(above));
    if (TitleType(head).empty() &&
        CodePointCount(head) + CodePointCount(title) <= 40) {
      title = head + title;
      top = above;
    }
  }
  // The notice or decree names it within its first lines; a window keeps
  // a run of such notes from reading the text above each of them again.
  constexpr uint32_t kCitedWithin = 100;
  const std::string cited = "《" + title + "》";
  for (uint32_t k = std::max(
           {from, top > kCitedWithin ? top - kCitedWithin : 1, uint32_t{1}});
       k < top; ++k)
    if (Contains(RemoveWhitespace(Clean(k)), cited)) return std::nullopt;
  Header h;
  h.first_line = top;
  h.last_line = n;
  h.title = title;
  h.strong = true;
  h.date = internal::ParseDateLine(RemoveWhitespace(date));
  std::string issuer = RemoveWhitespace(body);
  RE2::GlobalReplace(&issuer, P().sitting, "");
  h.raw_issuer = issuer;
  return h;
}

// A number in parentheses under a title in book-title marks is that
// citation's number (《重庆市人民政府关于…的意见》 / （渝府发〔2023〕7号）
// in a list of bases), not a document's header.
bool Segmenter::CitesTitleAbove(uint32_t n) const {
  const uint32_t above = n > 1 ? PrevNonBlank(n - 1, 2) : 0;
  return above >= 1 &&
         (StartsWith(Clean(above), "《") || EndsWith(Clean(above), "》"));
}

std::vector<Header> Segmenter::FindHeaders(uint32_t body_start) const {
  std::vector<Header> headers;
  uint32_t covered = body_start;  // lines before this belong to a header
  for (uint32_t n = body_start; n <= LineCount(); ++n) {
    std::string_view line = Clean(n);
    if (line.empty() || n < covered) continue;
    if (auto decree = DecreeHeader(n)) {
      // A decision issued as a decree prints its own title above the
      // decree line (重庆市人民政府关于修改部分规章的决定 / 重庆市人民政府令
      // 第370号); a regulation's decree has none, its title is the one it
      // promulgates (FillDecreeTitle).
      if (auto titled = AssembleTitle(n);
          titled && titled->first_line >= covered) {
        decree->first_line = titled->first_line;
        decree->title = titled->title;
        decree->raw_issuer = titled->raw_issuer;
      }
      headers.push_back(*decree);
      covered = decree->last_line + 1;
      continue;
    }
    if (auto passed = PassageHeader(
            n, headers.empty() ? body_start : headers.back().first_line);
        passed && passed->first_line >= covered) {
      headers.push_back(*passed);
      covered = passed->last_line + 1;
      continue;
    }
    if (const std::string_view number = NumberOfLine(line);
        !number.empty() && (number == line || !CitesTitleAbove(n))) {
      auto h = AssembleTitle(n);
      if (!h || h->first_line < covered) h = AssembleTitleBelow(n);
      if (!h || h->first_line < covered) continue;
      h->doc_number = NormalizeDocNumber(number);
      h->strong = true;
      headers.push_back(*h);
      covered = h->last_line + 1;
      continue;
    }
    if (auto same = SameLineHeader(n); same && same->first_line >= covered) {
      headers.push_back(*same);
      covered = same->last_line + 1;
      continue;
    }
    if ((EndsWith(line, "：") || EndsWith(line, ":")) &&
        RE2::FullMatch(line, P().addressee) && CodePointCount(line) <= 80) {
      auto h = AssembleTitle(n);
      if (!h || h->first_line < covered || !Contains(h->title, "关于"))
        continue;
      h->last_line = PrevNonBlank(n - 1, 2);
      headers.push_back(*h);
      covered = n;
    }
  }
  return headers;
}

// Joint issuers print as "重庆市人民政府 四川省人民政府"; keep them apart.
std::string JoinIssuers(const std::string& raw) {
  std::vector<std::string> parts;
  std::string_view rest = raw;
  while (!rest.empty()) {
    size_t sp = rest.find_first_of(" \t");
    std::string_view token = rest.substr(0, sp);
    if (!token.empty()) parts.emplace_back(RemoveWhitespace(token));
    if (sp == std::string_view::npos) break;
    rest.remove_prefix(sp + 1);
  }
  // Glued joint issuers: split after each 人民政府 that another name follows.
  std::vector<std::string> split;
  for (const std::string& p : parts) {
    std::string_view s = p;
    size_t pos;
    while ((pos = s.find("人民政府")) != std::string_view::npos) {
      size_t end = pos + std::string_view("人民政府").size();
      for (std::string_view office : {"办公厅", "办公室"})
        if (s.substr(end, office.size()) == office) end += office.size();
      if (end >= s.size()) break;
      split.emplace_back(s.substr(0, end));
      s.remove_prefix(end);
    }
    if (!s.empty()) split.emplace_back(s);
  }
  // A token that is no issuer by itself (重庆市 合川区人民政府) rejoins.
  std::string out;
  for (size_t i = 0; i < split.size(); ++i) {
    if (i > 0)
      out += RE2::PartialMatch(split[i - 1], P().issuer_words) ? "、" : "";
    out += split[i];
  }
  return out;
}

uint32_t Segmenter::LastContentLine(uint32_t first, uint32_t limit) const {
  uint32_t last = first;
  for (uint32_t n = first; n <= limit && n <= LineCount(); ++n) {
    std::string_view line = Clean(n);
    if (line.empty()) continue;
    if (MayOpenColophon(line) && RE2::PartialMatch(line, P().colophon)) break;
    if (n > first && IsGazetteSection(line)) break;
    last = n;
  }
  return last;
}

Document Segmenter::MakeDocument(const Header& h, uint32_t end_line) const {
  Document doc;
  doc.file = src_.path;
  doc.first_line = h.first_line;
  doc.header_last_line = h.last_line;
  doc.last_line = LastContentLine(h.first_line, end_line);
  doc.doc_number = h.doc_number;
  doc.decree_number = h.decree_number;
  doc.title = NormalizeTitle(h.title);
  doc.issuer = JoinIssuers(h.raw_issuer);
  doc.date = h.date;
  for (uint32_t n = h.last_line + 1; n <= doc.last_line && doc.date.empty();
       ++n)
    doc.date = internal::ParseDateLine(Clean(n));
  return doc;
}

// A document is numbered in the year it is issued, so a date of another
// year is most often a misread digit in one of them; orphans and
// counterparts go by the date, which a reader should check.
void Segmenter::CheckDateAgainstNumber(const Document& doc) {
  const int year = DocNumberYear(doc.doc_number);
  if (year == 0 || doc.date.size() < 4) return;
  if (doc.date.compare(0, 4, std::to_string(year)) == 0) return;
  Warn(doc.header_last_line, "date-number-mismatch",
       doc.doc_number + " is numbered in " + std::to_string(year) +
           " but the document is dated " + doc.date +
           "; one of them may be misread");
}

// A decree's title is the regulation it promulgates: 《X》已经…审议通过.
void Segmenter::FillDecreeTitle(Document& doc) const {
  for (uint32_t n = doc.header_last_line + 1; n <= doc.last_line; ++n) {
    std::string_view line = Clean(n);
    size_t open = line.find("《");
    if (open == std::string::npos) continue;
    size_t close = line.find("》", open);
    if (close == std::string::npos) break;
    doc.title = NormalizeTitle(line.substr(open, close + 3 - open));
    return;
  }
}

// What a 印发/转发 notice carries: the title between the verb and 的通知,
// or better the 《…》 the notice body names when it is that title's tail
// (转发区民政局《合川区…方案》 → 合川区…方案).
void Segmenter::FillAttachedTitle(Document& doc) const {
  std::string part = IssuedTitle(doc.title);
  if (part.empty()) return;
  doc.attached_title = part;
  std::string folded_part = FoldForMatch(part);
  for (uint32_t n = doc.header_last_line + 1; n <= doc.last_line; ++n) {
    std::string_view line = Clean(n);
    if (IsDateLine(line)) break;
    size_t open = 0;
    while ((open = line.find("《", open)) != std::string::npos) {
      size_t close = line.find("》", open);
      if (close == std::string::npos) break;
      std::string named = NormalizeTitle(line.substr(open, close + 3 - open));
      std::string folded = FoldForMatch(named);
      // The rest must be the forwarding office (区民政局), not another plan
      // of a notice that issues two (甲规划和乙规划).
      std::string_view rest =
          std::string_view(folded_part)
              .substr(0, folded_part.size() -
                             std::min(folded_part.size(), folded.size()));
      if (!folded.empty() && EndsWith(folded_part, folded) &&
          CodePointCount(rest) <= 12 && !Contains(rest, "和") &&
          !Contains(rest, "、")) {
        doc.attached_title = named;
        return;
      }
      open = close;
    }
  }
}

// The contents' titles folded, once a gazette: every header and every
// document is compared with each, and folding an entry again for each
// comparison made a gazette of 20,000 contents entries take 5.7 s (3 MB).
std::vector<std::string> Segmenter::FoldedTocTitles() const {
  std::vector<std::string> folded;
  folded.reserve(out_.toc.size());
  for (const TocEntry& e : out_.toc) folded.push_back(FoldForMatch(e.title));
  return folded;
}

// `folded_toc`: the contents' titles, FoldedTocTitles.
void Segmenter::CheckAgainstToc(std::vector<Document>& docs,
                                const std::vector<std::string>& folded_toc) {
  if (out_.toc.empty()) return;
  std::vector<bool> used(out_.toc.size(), false);
  for (Document& doc : docs) {
    std::string d = FoldForMatch(doc.title);
    bool found = false;
    for (size_t i = 0; i < out_.toc.size() && !found; ++i) {
      if (used[i]) continue;
      const std::string& t = folded_toc[i];
      if (t == d || EndsWith(t, d) || EndsWith(d, t)) {
        used[i] = found = true;
        // The contents name the issuer where a header left it on the cover.
        if (t.size() > d.size()) doc.title = NormalizeTitle(out_.toc[i].title);
      }
    }
    if (!found)
      Warn(doc.first_line, "document-not-in-toc",
           "document 《" + doc.title +
               "》 is missing from the table of contents");
  }
  for (size_t i = 0; i < out_.toc.size(); ++i)
    if (!used[i])
      Warn(out_.toc[i].line, "toc-entry-missing",
           "table of contents lists 《" + out_.toc[i].title +
               "》 but no document was found for it");
}

std::string DocumentId(const Document& doc) {
  if (!doc.doc_number.empty()) return doc.doc_number;
  if (!doc.decree_number.empty()) return doc.decree_number;
  return "title:" + doc.title;
}

Segmentation Segmenter::Run() {
  uint32_t body_start = ParseToc();
  std::vector<Header> headers = FindHeaders(body_start);
  const std::vector<std::string> folded_toc = FoldedTocTitles();
  // Weak anchors need the contents' confirmation when there are contents.
  if (!out_.toc.empty()) {
    std::erase_if(headers, [&](const Header& h) {
      if (h.strong) return false;
      std::string t = FoldForMatch(NormalizeTitle(h.title));
      return std::none_of(
          folded_toc.begin(), folded_toc.end(),
          [&](const std::string& f) { return f == t || EndsWith(f, t); });
    });
  }
  std::vector<Document> docs;
  for (size_t i = 0; i < headers.size(); ++i) {
    uint32_t end =
        i + 1 < headers.size() ? headers[i + 1].first_line - 1 : LineCount();
    Document doc = MakeDocument(headers[i], end);
    if (!doc.decree_number.empty() && doc.title.empty()) FillDecreeTitle(doc);
    docs.push_back(std::move(doc));
  }
  if (docs.empty() && out_.toc.empty()) {
    // A file that is one document without a recognizable header.
    uint32_t first = NextNonBlank(1);
    if (first != 0) {
      Header h;
      h.first_line = first;
      h.last_line = first;
      h.title = RemoveWhitespace(Clean(first));
      docs.push_back(MakeDocument(h, LineCount()));
      Warn(first, "no-header",
           "no document header found; the whole file is taken as one document");
    }
  }
  CheckAgainstToc(docs, folded_toc);
  for (Document& doc : docs) {
    FillAttachedTitle(doc);
    doc.type = TitleType(doc.title);
    doc.level = ClassifyIssuerLevel(doc.issuer);
    doc.id = DocumentId(doc);
    CheckDateAgainstNumber(doc);
  }
  out_.documents = std::move(docs);
  return std::move(out_);
}

}  // namespace

std::string TitleType(std::string_view title) {
  std::string t = RemoveWhitespace(title);
  if (EndsWith(t, "》")) t.resize(t.size() - 3);
  // A trailing （试行）/（2021—2025年） qualifies the type, it is not one.
  while (EndsWith(t, "）") || EndsWith(t, ")")) {
    // Folded titles (FoldForMatch) carry ASCII brackets, normalized ones
    // full-width: take whichever opens last.
    const size_t full = t.rfind("（");
    const size_t half = t.rfind("(");
    const size_t open = full == std::string::npos   ? half
                        : half == std::string::npos ? full
                                                    : std::max(full, half);
    if (open == std::string::npos || open == 0) break;
    t.resize(open);
  }
  for (const auto& [suffix, type] : kTitleTypes)
    if (EndsWith(t, suffix)) return std::string(type);
  return "";
}

std::string IssuedTitle(std::string_view title) {
  if (!Contains(title, "关于")) return "";
  size_t verb = std::string_view::npos;
  for (std::string_view v : {"印发", "转发"}) {
    size_t at = title.rfind(v);
    if (at != std::string_view::npos &&
        (verb == std::string_view::npos || at > verb))
      verb = at;
  }
  if (verb == std::string_view::npos) return "";
  std::string_view rest = title.substr(verb + 6);
  size_t de = rest.rfind("的");
  if (de == std::string_view::npos) return "";
  return NormalizeTitle(rest.substr(0, de));
}

std::vector<std::string> JoinedTitles(std::string_view title) {
  constexpr std::string_view kAnd = "和";
  constexpr std::string_view kComma = "、";
  std::vector<std::string> parts;
  std::string type;
  size_t start = 0;
  for (size_t at = 0;; at += kAnd.size()) {
    at = std::min(title.find(kAnd, at), title.find(kComma, at));
    if (at == std::string_view::npos) break;
    // A piece that is no complete title (国民经济 of 国民经济和社会发展规划)
    // grows to the next joint.  Pieces of different types are parts of one
    // title (第十四个五年规划和二〇三五年远景目标纲要), hence one type for all.
    std::string piece_type = TitleType(title.substr(start, at - start));
    if (piece_type.empty() || (!type.empty() && piece_type != type)) continue;
    type = piece_type;
    parts.emplace_back(title.substr(start, at - start));
    start = at + kAnd.size();
  }
  if (parts.empty() || TitleType(title.substr(start)) != type) return {};
  parts.emplace_back(title.substr(start));
  return parts;
}

namespace {

Level ClassifyOneIssuer(const std::string& s) {
  if (s.empty()) return Level::kUnknown;
  for (std::string_view p : {"国务院", "中共中央", "全国人民代表大会", "国家",
                             "中华人民共和国", "中央"})
    if (StartsWith(s, p)) return Level::kNational;
  static const RE2 district(
      R"(^(重庆市)?\p{Han}{1,8}?(区|县|自治县)(人民政府|委员会|政府|委|办公室))");
  if (RE2::PartialMatch(s, district)) return Level::kDistrict;
  static const RE2 government(
      R"(^\p{Han}{1,8}?(省|市|自治区)(人民政府|人民代表大会|委员会))");
  if (RE2::PartialMatch(s, government)) return Level::kMunicipal;
  // The Party committee of a province or city and its offices: 中共重庆市委,
  // 中共重庆市委办公厅 (a district's, 中共重庆市合川区委, is found above).
  static const RE2 party(R"(^中共\p{Han}{1,8}?(省|市|自治区)委)");
  if (RE2::PartialMatch(s, party)) return Level::kMunicipal;
  static const RE2 department(R"((局|委|厅|办|中心|委员会)$)");
  if (RE2::PartialMatch(s, department)) return Level::kDepartment;
  return Level::kUnknown;
}

// Higher first: a joint document is at the level of its highest issuer.
int Reach(Level level) {
  switch (level) {
    case Level::kNational:
      return 4;
    case Level::kMunicipal:
      return 3;
    case Level::kDistrict:
      return 2;
    case Level::kDepartment:
      return 1;
    default:
      return 0;
  }
}

}  // namespace

Level ClassifyIssuerLevel(std::string_view issuer) {
  const std::string s = RemoveWhitespace(issuer);
  if (!Contains(s, "、")) return ClassifyOneIssuer(s);
  // Joint issuers (中共重庆市委办公厅、重庆市人民政府办公厅): each alone.
  Level best = Level::kUnknown;
  std::string_view rest = s;
  while (!rest.empty()) {
    const size_t cut = rest.find("、");
    const Level one = ClassifyOneIssuer(std::string(rest.substr(0, cut)));
    if (Reach(one) > Reach(best)) best = one;
    if (cut == std::string_view::npos) break;
    rest.remove_prefix(cut + std::string_view("、").size());
  }
  return best;
}

internal::CleanLines::CleanLines(const SourceText& source) {
  lines.reserve(source.LineCount() + 1);
  lines.emplace_back();  // 1-based
  for (size_t n = 1; n <= source.LineCount(); ++n) {
    const std::string_view raw = source.Line(n);
    if (internal::CleanLineOnlyTrims(raw)) {
      lines.push_back(TrimWhitespace(raw));
    } else {
      changed.push_back(CleanLine(raw));
      lines.emplace_back(changed.back());
    }
  }
}

Segmentation SegmentGazette(const SourceText& source) {
  return Segmenter(source).Run();
}

Segmentation internal::SegmentGazette(const SourceText& source,
                                      CleanLines* clean) {
  Segmenter segmenter(source);
  Segmentation result = segmenter.Run();
  if (clean) *clean = segmenter.TakeCleanLines();
  return result;
}

}  // namespace policygraph

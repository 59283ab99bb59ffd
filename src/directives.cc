#include "policygraph/directives.h"

#include <algorithm>
#include <utility>

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>
#include <re2/re2.h>

#include "policygraph/fold.h"

#include "parse_internal.h"
#include "text_util.h"

namespace policygraph {
namespace {

using internal::ChineseNumeralValue;
using internal::CleanLine;
using internal::CodePointCount;
using internal::Contains;
using internal::FirstCodePoint;
using internal::ParseDigits;
using internal::StartsWith;

// Nesting rank of each numbering scheme: a new unit closes every open unit
// of the same or a deeper rank.
int Rank(DirectiveKind kind) {
  switch (kind) {
    case DirectiveKind::kAttachment:
      return -1;
    case DirectiveKind::kPart:
      return 0;
    case DirectiveKind::kChapter:
      return 1;
    case DirectiveKind::kSection:
      return 2;
    case DirectiveKind::kArticle:
      return 3;
    case DirectiveKind::kItem:
      return 4;
    case DirectiveKind::kSubItem:
      return 5;
    case DirectiveKind::kPoint:
      return 6;
    case DirectiveKind::kSubPoint:
      return 7;
    case DirectiveKind::kBullet:
      return 8;
    case DirectiveKind::kBox:
      return 9;
    case DirectiveKind::kBoxItem:
      return 10;
    case DirectiveKind::kTaskRow:
      return 10;
  }
  return 10;
}

constexpr std::string_view kHanDigits = "一二三四五六七八九十百零〇两";
constexpr std::string_view kHanNum = "[一二三四五六七八九十百零〇两]+";

// Each numbered scheme is a marker at the start of a line, then the rest of
// the line.  The marker alone is matched: a pattern with the rest as a
// capture ran a capturing engine over every numbered line, a fifth of the
// parse.  Taking the rest as the text after the marker gives the same split,
// because `(.*)$` accepts whatever follows; point and bullet put a condition
// on the rest, so they keep their whole-line pattern for the lines where the
// marker's first split would fail it.
struct Patterns {
  // 第一篇, and 第一部分, which plans use as often.
  RE2 part{std::string(R"(^第()") + std::string(kHanNum) +
           R"()(?:篇|部分)\s*)"};
  RE2 chapter{std::string(R"(^第()") + std::string(kHanNum) + R"()章\s*)"};
  RE2 section{std::string(R"(^第()") + std::string(kHanNum) + R"()节\s*)"};
  RE2 article{std::string(R"(^第()") + std::string(kHanNum) +
              R"()条(?:\s+|$))"};
  RE2 item{std::string(R"(^()") + std::string(kHanNum) + R"()\s*[、．.]\s*)"};
  RE2 sub_item{std::string(R"(^[（(]\s*()") + std::string(kHanNum) +
               R"()\s*[)）]\s*[、．.]?\s*)"};
  // "1.5万" is a number, not a point: the marker must not run into a digit.
  RE2 point{R"(^([0-9０-９]{1,3})\s*[.．、]\s*)"};
  RE2 point_line{R"(^([0-9０-９]{1,3})\s*[.．、]\s*([^0-9０-９].*)$)"};
  RE2 sub_point{R"(^[（(]\s*([0-9０-９]{1,3})\s*[)）]\s*)"};
  RE2 bullet{R"(^(?:——|--|－－)\s*)"};
  RE2 bullet_line{R"(^(?:——|--|－－)\s*(.+)$)"};
  RE2 box{R"(^专栏\s*([0-9０-９]{1,3}|[一二三四五六七八九十]+)\s*(.*)$)"};
  RE2 attachment{
      R"(^附\s*件\s*([0-9０-９]{0,2}|[一二三四五六七八九十]{0,3})$)"};
  RE2 html_tag{R"(</?p>)"};
  RE2 figure{R"(^[0-9０-９.．%％]+$)"};
  // A 专栏 category: 重大项目, 重大平台, 高速铁路 — short, no digits.
  RE2 box_category{R"(^[^0-9０-９%（(：:，。]{2,12}$)"};
  RE2 box_category_line{R"(^([^0-9０-９：:，。、（(]{2,10})[：:]\s*(.+)$)"};
  RE2 rule_row{R"(^[-—\s\t]+$)"};
  // Items inside one 专栏 cell: "1. 名称。说明… 2. 名称。说明…"
  RE2 box_item{R"(^\s*([0-9０-９]{1,3})\s*[.．、]\s*(.*)$)"};
};

const Patterns& P() {
  static const Patterns* patterns = new Patterns();
  return *patterns;
}

}  // namespace

// The first clause of a directive's text, markup removed: what a reader
// would call its heading.
std::string internal::HeadingOfWhole(std::string_view text) {
  std::string s = CleanLine(text);
  // A directive is a paragraph; most have no markup to strip.
  if (s.find('<') != std::string::npos)
    RE2::GlobalReplace(&s, P().html_tag, "");
  s = std::string(TrimWhitespace(s));
  size_t cut = std::string::npos;
  for (std::string_view stop : {"。", "；", "：", ";", "\t"}) {
    size_t at = s.find(stop);
    if (at != std::string::npos && at < cut) cut = at;
  }
  if (cut != std::string::npos) s.resize(cut);
  // Long first clauses are cut at a character boundary near 80 characters.
  if (CodePointCount(s) > 80) {
    size_t count = 0, i = 0;
    for (; i < s.size(); ++i)
      if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++count > 80)
        break;
    s.resize(i);
  }
  return std::string(TrimWhitespace(s));
}

// Most directive texts hold no markup (no '*', '<' or U+3000): their
// heading is then the trimmed text up to the first stop or the 81st
// character, found in one pass with one copy.  Cleaning, searching for
// each stop and trimming apart (six passes, three copies) had been a
// tenth of `refs`.  Markup before the cut sends the text the whole way;
// markup after it cannot change what comes before.
std::string internal::Heading(std::string_view text) {
  const std::string_view v = TrimWhitespace(text);
  const auto* bytes = reinterpret_cast<const unsigned char*>(v.data());
  size_t characters = 0, end = 0;
  for (; end < v.size(); ++end) {
    const unsigned char c = bytes[end];
    if ((c & 0xC0) != 0x80 && ++characters > 80) break;
    if (c == ';' || c == '\t') break;
    if (c == '*' || c == '<') return HeadingOfWhole(text);
    if ((c == 0xE3 || c == 0xEF) && end + 3 <= v.size()) {
      const unsigned char c1 = bytes[end + 1], c2 = bytes[end + 2];
      if (c == 0xE3 && c1 == 0x80 && c2 == 0x82) break;  // 。
      if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return HeadingOfWhole(text);
      if (c == 0xEF && c1 == 0xBC && (c2 == 0x9B || c2 == 0x9A)) break;  // ；：
    }
  }
  return std::string(TrimWhitespace(v.substr(0, end)));
}

namespace {

using internal::Heading;

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> cells;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    std::string cell = CleanLine(line.substr(start, tab - start));
    if (cell.find('<') != std::string::npos)
      RE2::GlobalReplace(&cell, P().html_tag, "");
    cells.emplace_back(TrimWhitespace(cell));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cells;
}

// Lead units are listed with 、，, or ；; "市市场监管局、市商务委" → two.
std::vector<std::string> SplitUnits(std::string_view cell) {
  std::vector<std::string> units;
  std::string current;
  auto flush = [&] {
    std::string u(TrimWhitespace(current));
    if (!u.empty()) units.push_back(u);
    current.clear();
  };
  for (size_t i = 0; i < cell.size();) {
    bool sep = false;
    for (std::string_view s : {"、", "，", "；", ",", ";", "/"}) {
      if (cell.substr(i, s.size()) == s) {
        flush();
        i += s.size();
        sep = true;
        break;
      }
    }
    if (!sep) current.push_back(cell[i++]);
  }
  flush();
  return units;
}

struct TableColumns {
  int number = -1, task = -1, lead = -1, deadline = -1;
};

TableColumns ReadTableHeader(const std::vector<std::string>& cells) {
  TableColumns c;
  for (int i = 0; i < static_cast<int>(cells.size()); ++i) {
    const std::string h = RemoveWhitespace(cells[i]);
    if (h == "序号")
      c.number = i;
    else if (Contains(h, "任务") || Contains(h, "内容") || Contains(h, "措施"))
      c.task = i;
    else if (Contains(h, "牵头") || Contains(h, "责任单位") ||
             Contains(h, "责任部门"))
      c.lead = i;
    else if (Contains(h, "时间") || Contains(h, "时限"))
      c.deadline = i;
  }
  return c;
}

class DirectiveParser {
 public:
  DirectiveParser(
      const SourceText& src, const Document& doc,
      const internal::CleanLines* clean = nullptr,
      internal::DirectiveDetail detail = internal::DirectiveDetail::kFull)
      : src_(src),
        doc_(doc),
        clean_(clean),
        full_(detail == internal::DirectiveDetail::kFull) {
    tree_.document_id = doc.id;
  }

  DirectiveTree Run();

 private:
  bool TryNumbered(uint32_t n, std::string_view line);
  bool TryTableRow(uint32_t n, std::string_view raw);
  bool TryBox(uint32_t n, std::string_view line);
  bool TryBoxRow(uint32_t n, std::string_view raw);
  bool TryPlanTitle(uint32_t n, std::string_view line);
  void CollectNamedPlans();
  int AddBoxItem(uint32_t n, const std::string& category, std::string label,
                 std::string_view text, Span span);
  Span LineSpan(uint32_t n) const {
    return {src_.line_starts[n - 1],
            static_cast<uint32_t>(src_.Line(n).size())};
  }
  bool TryAttachment(uint32_t n, std::string_view line);
  int Open(DirectiveKind kind, std::string label, std::string heading,
           uint32_t n);
  void CloseDeeper(int rank, uint32_t n);
  void Close(int node, uint32_t before_line);
  std::string UniqueId(std::string id);

  // The heading of a directive whose text is `text`, if asked for.
  std::string HeadingOf(std::string_view text) const {
    return full_ ? Heading(text) : std::string();
  }

  // Line n cleaned: read from `clean_` when the segmenter's lines were
  // handed over, else made into `scratch`.
  std::string_view Clean(uint32_t n, std::string& scratch) const {
    if (clean_ && n < clean_->size()) return (*clean_)[n];
    return scratch = CleanLine(src_.Line(n));
  }

  const SourceText& src_;
  const Document& doc_;
  const internal::CleanLines* clean_;
  const bool full_;  // headings, lead units and deadlines wanted
  DirectiveTree tree_;
  std::vector<int> stack_;  // open units, outermost first
  // Only asked whether an id is taken: a flat set, where a node set had
  // been an allocation per directive.
  absl::flat_hash_set<std::string> ids_;
  absl::flat_hash_map<std::string, int> next_suffix_;  // see UniqueId
  bool in_notice_ = false;  // numbered items of a 印发 notice's own body
  int table_parent_ = -2;   // -2: no table open
  TableColumns columns_;
  int box_ = -1;               // open 专栏 box
  bool box_is_table_ = false;  // the open box holds an indicator table
  std::string plan_prefix_;    // "附文2." for a notice's second plan
  std::vector<std::string>
      named_plans_;  // folded 《》 titles the notice issues, sorted
  int plans_seen_ = 0;
};

std::string DirectiveParser::UniqueId(std::string id) {
  if (ids_.insert(id).second) return id;
  // The first free suffix from where the last search for this id stopped:
  // ids are never freed, so none below it is free.  Trying from ~2 every
  // time made a document repeating one label (20,000 items numbered 一、)
  // quadratic: 1.5 MB took 3.5 s, 3 MB 16 s.
  int& k = next_suffix_.try_emplace(id, 2).first->second;
  for (;; ++k) {
    std::string alt = id + "~" + std::to_string(k);
    if (ids_.insert(alt).second) return alt;
  }
}

void DirectiveParser::Close(int node, uint32_t before_line) {
  uint32_t last = before_line;
  while (last > tree_.nodes[node].line &&
         TrimWhitespace(src_.Line(last)).empty())
    --last;
  Directive& d = tree_.nodes[node];
  d.last_line = std::max(d.line, last);
  uint32_t begin = src_.line_starts[d.line - 1];
  uint32_t end = d.last_line < src_.LineCount() ? src_.line_starts[d.last_line]
                                                : src_.text.size();
  d.text = {begin, end - begin};
}

void DirectiveParser::CloseDeeper(int rank, uint32_t n) {
  while (!stack_.empty() && Rank(tree_.nodes[stack_.back()].kind) >= rank) {
    int node = stack_.back();
    Close(node, n - 1);
    stack_.pop_back();
    // A closed unit takes no more box items or task rows.
    if (node == box_) box_ = -1;
    if (node == table_parent_) table_parent_ = -2;
  }
}

int DirectiveParser::Open(DirectiveKind kind, std::string label,
                          std::string heading, uint32_t n) {
  int parent = stack_.empty() ? -1 : stack_.back();
  std::string prefix = parent >= 0  ? tree_.nodes[parent].id + "."
                       : in_notice_ ? "通知."
                                    : plan_prefix_;
  Directive d;
  d.kind = kind;
  prefix += label;
  d.id = UniqueId(std::move(prefix));
  d.label = std::move(label);
  d.heading = std::move(heading);
  d.line = n;
  d.last_line = n;
  d.parent = parent;
  int index = static_cast<int>(tree_.nodes.size());
  tree_.nodes.push_back(std::move(d));
  if (parent >= 0) tree_.nodes[parent].children.push_back(index);
  stack_.push_back(index);
  return index;
}

bool DirectiveParser::TryAttachment(uint32_t n, std::string_view line) {
  std::string number;
  if (!StartsWith(line, "附") || !RE2::FullMatch(line, P().attachment, &number))
    return false;
  CloseDeeper(-1, n);
  box_ = -1;
  table_parent_ = -2;
  in_notice_ = false;
  std::string label =
      "附件" + (number.empty()
                    ? ""
                    : std::to_string(ParseDigits(number) >= 0
                                         ? ParseDigits(number)
                                         : ChineseNumeralValue(number)));
  Open(DirectiveKind::kAttachment, label, "", n);
  return true;
}

// Whether a line starting with `first` (one code point) may match the
// scheme of `kind`.  Every scheme is anchored at a marker of a few known
// characters, and most lines are prose: checking the marker first spares
// nine regular expressions per line.
bool MayOpen(DirectiveKind kind, std::string_view first) {
  switch (kind) {
    case DirectiveKind::kPart:
    case DirectiveKind::kChapter:
    case DirectiveKind::kSection:
    case DirectiveKind::kArticle:
      return first == "第";
    case DirectiveKind::kItem:
      return first.size() == 3 &&
             kHanDigits.find(first) != std::string_view::npos;
    case DirectiveKind::kSubItem:
    case DirectiveKind::kSubPoint:
      return first == "（" || first == "(";
    case DirectiveKind::kPoint:
      return (first.size() == 1 && first[0] >= '0' && first[0] <= '9') ||
             (first >= "０" && first <= "９");
    case DirectiveKind::kBullet:
      return first == "—" || first == "-" || first == "－";
    default:
      return true;
  }
}

bool DirectiveParser::TryNumbered(uint32_t n, std::string_view line) {
  const std::string_view first = FirstCodePoint(line);
  struct Scheme {
    const RE2* re;
    DirectiveKind kind;
  };
  const Scheme schemes[] = {
      {&P().part, DirectiveKind::kPart},
      {&P().chapter, DirectiveKind::kChapter},
      {&P().section, DirectiveKind::kSection},
      {&P().article, DirectiveKind::kArticle},
      {&P().sub_item, DirectiveKind::kSubItem},
      {&P().sub_point, DirectiveKind::kSubPoint},
      {&P().item, DirectiveKind::kItem},
      {&P().point, DirectiveKind::kPoint},
      {&P().bullet, DirectiveKind::kBullet},
  };
  for (const Scheme& s : schemes) {
    if (!MayOpen(s.kind, first)) continue;
    // Views of `line`: the rest of a directive's line was copied for
    // every directive only to take its heading.
    re2::StringPiece marker[2];
    const int groups = 1 + s.re->NumberOfCapturingGroups();
    if (!s.re->Match(line, 0, line.size(), RE2::ANCHOR_START, marker, groups))
      continue;
    re2::StringPiece digits = groups > 1 ? marker[1] : re2::StringPiece();
    re2::StringPiece rest = line.substr(marker[0].size());
    if (s.kind == DirectiveKind::kPoint &&
        (rest.empty() ||
         MayOpen(DirectiveKind::kPoint, FirstCodePoint(rest))) &&
        !RE2::FullMatch(line, P().point_line, &digits, &rest))
      continue;
    if (s.kind == DirectiveKind::kBullet && rest.empty() &&
        !RE2::FullMatch(line, P().bullet_line, &rest))
      continue;
    const std::string number(digits.data(), digits.size());
    std::string label;
    switch (s.kind) {
      case DirectiveKind::kPart:
        label = "第" + number +
                (Contains(std::string_view(marker[0].data(), marker[0].size()),
                          "部分")
                     ? "部分"
                     : "篇");
        break;
      case DirectiveKind::kChapter:
        label = "第" + number + "章";
        break;
      case DirectiveKind::kSection:
        label = "第" + number + "节";
        break;
      case DirectiveKind::kArticle:
        label = "第" + number + "条";
        break;
      case DirectiveKind::kItem:
        label = number;
        break;
      case DirectiveKind::kSubItem:
        label = "（" + number + "）";
        break;
      case DirectiveKind::kPoint:
        label = std::to_string(ParseDigits(number));
        break;
      case DirectiveKind::kSubPoint:
        label = "（" + std::to_string(ParseDigits(number)) + "）";
        break;
      default:
        break;
    }
    bool box_item = s.kind == DirectiveKind::kPoint ||
                    s.kind == DirectiveKind::kSubPoint ||
                    s.kind == DirectiveKind::kBullet;
    if (box_ >= 0 && box_item) {
      if (s.kind == DirectiveKind::kBullet) {
        label = std::to_string(tree_.nodes[box_].children.size() + 1);
      } else {
        label = std::to_string(ParseDigits(number));
      }
      AddBoxItem(n, "", label, rest, LineSpan(n));
      return true;
    }
    int rank = Rank(s.kind);
    CloseDeeper(rank, n);
    box_ = -1;
    if (s.kind == DirectiveKind::kBullet) {
      // Bullets are numbered by position under their parent.
      int parent = stack_.empty() ? -1 : stack_.back();
      size_t count = 1;
      const auto& siblings =
          parent >= 0 ? tree_.nodes[parent].children : std::vector<int>{};
      for (int c : siblings)
        count += tree_.nodes[c].kind == DirectiveKind::kBullet;
      label = "——" + std::to_string(count);
    }
    Open(s.kind, std::move(label), HeadingOf(rest), n);
    return true;
  }
  return false;
}

bool DirectiveParser::TryBox(uint32_t n, std::string_view line) {
  std::string number, title;
  if (!StartsWith(line, "专栏") ||
      !RE2::FullMatch(line, P().box, &number, &title))
    return false;
  // A box belongs to the action it illustrates, not to that action's
  // last numbered point.
  CloseDeeper(Rank(DirectiveKind::kPoint), n);
  int64_t value = ParseDigits(number);
  if (value < 0) value = ChineseNumeralValue(number);
  box_is_table_ = false;
  box_ = Open(DirectiveKind::kBox, "专栏" + std::to_string(value),
              HeadingOf(title), n);
  return true;
}

int DirectiveParser::AddBoxItem(uint32_t n, const std::string& category,
                                std::string label, std::string_view text,
                                Span span) {
  Directive d;
  d.kind = DirectiveKind::kBoxItem;
  d.label = category.empty() ? label : category + "." + label;
  d.heading = HeadingOf(text);
  d.line = d.last_line = n;
  d.parent = box_;
  d.id = UniqueId(tree_.nodes[box_].id + "." + d.label);
  d.text = span;
  int index = static_cast<int>(tree_.nodes.size());
  tree_.nodes[box_].children.push_back(index);
  tree_.nodes.push_back(std::move(d));
  return index;
}

// Box rows come in three shapes: "<p>重大项目</p>\t<p>1. 名称。…</p> <p>2.
// …</p>" (a category cell, then items), "高速铁路：建设渝西高铁…" (category and
// item on one line) and indicator tables (序号 / 指标名称 / 2025年 …), whose
// rows are figures, not tasks.
bool DirectiveParser::TryBoxRow(uint32_t n, std::string_view raw) {
  if (box_ < 0) return false;
  if (!Contains(raw, "\t")) {
    std::string line = CleanLine(raw), category, rest;
    if (!RE2::FullMatch(line, P().box_category_line, &category, &rest))
      return false;
    category = RemoveWhitespace(category);
    int k = 1;
    for (int c : tree_.nodes[box_].children)
      k += StartsWith(tree_.nodes[c].label, category + ".");
    AddBoxItem(n, category, std::to_string(k), rest, LineSpan(n));
    return true;
  }
  std::vector<std::string> cells = SplitTabs(raw);
  for (const std::string& cell : cells)
    if (cell == "序号" || Contains(cell, "指标")) box_is_table_ = true;
  std::string category = cells.empty() ? "" : RemoveWhitespace(cells[0]);
  if (box_is_table_ || cells.size() < 2 ||
      !RE2::FullMatch(category, P().box_category) ||
      RE2::FullMatch(RemoveWhitespace(cells[1]), P().figure))
    return true;  // indicator tables and rules: consumed, not directives
  // Items are the cell's <p> paragraphs; without markup the cell is one item.
  // Each keeps its own byte range, so coverage evidence quotes the item and
  // not the whole row it shares with its neighbours.
  const uint32_t line_start = src_.line_starts[n - 1];
  const size_t body = raw.find('\t') + 1;
  std::vector<std::pair<size_t, size_t>> items;  // {offset in raw, length}
  size_t pos = body;
  while ((pos = raw.find("<p>", pos)) != std::string_view::npos) {
    size_t end = std::min(raw.find("</p>", pos), raw.size());
    items.emplace_back(pos + 3, end - pos - 3);
    pos = std::min(end + 4, raw.size());
  }
  if (items.empty()) items.emplace_back(body, raw.size() - body);
  int k = 0;
  for (const auto& [offset, length] : items) {
    std::string number, rest, text = CleanLine(raw.substr(offset, length));
    if (text.empty()) continue;
    ++k;
    std::string label = std::to_string(k);
    if (RE2::FullMatch(text, P().box_item, &number, &rest)) {
      label = std::to_string(ParseDigits(number));
      text = rest;
    }
    AddBoxItem(n, category, label, text,
               {static_cast<uint32_t>(line_start + offset),
                static_cast<uint32_t>(length)});
  }
  return true;
}

bool DirectiveParser::TryTableRow(uint32_t n, std::string_view raw) {
  if (!Contains(raw, "\t")) return false;
  std::vector<std::string> cells = SplitTabs(raw);
  if (!cells.empty() && RemoveWhitespace(cells[0]) == "序号") {
    columns_ = ReadTableHeader(cells);
    if (table_parent_ == -2) {
      CloseDeeper(Rank(DirectiveKind::kItem), n);
      table_parent_ = stack_.empty() ? -1 : stack_.back();
    }
    return true;
  }
  if (table_parent_ == -2 || columns_.number < 0) return false;
  auto cell = [&](int i) -> std::string {
    return i >= 0 && i < static_cast<int>(cells.size()) ? cells[i] : "";
  };
  int64_t number = ParseDigits(RemoveWhitespace(cell(columns_.number)));
  if (number < 0 || RemoveWhitespace(cell(columns_.number)).size() > 4)
    return true;  // a group row (一、… / (一) …) only groups tasks
  std::string prefix = table_parent_ >= 0 ? tree_.nodes[table_parent_].id + "."
                                          : plan_prefix_ + "表.";
  Directive d;
  d.kind = DirectiveKind::kTaskRow;
  d.label = std::to_string(number);
  d.line = d.last_line = n;
  d.parent = table_parent_;
  d.id = UniqueId(prefix + d.label);
  if (full_) {  // an outline copies no cell
    d.heading = Heading(cell(columns_.task));
    d.lead_units = SplitUnits(cell(columns_.lead));
    d.deadline = std::string(TrimWhitespace(cell(columns_.deadline)));
  }
  d.text = LineSpan(n);
  int index = static_cast<int>(tree_.nodes.size());
  if (table_parent_ >= 0) tree_.nodes[table_parent_].children.push_back(index);
  tree_.nodes.push_back(std::move(d));
  return true;
}

// The notice of a 印发 document may issue several plans one after another
// (妇女发展规划 and 儿童发展规划); each plan restarts its numbering, so the
// second and later plans get their own id prefix.  A plan starts at a short
// line that begins one of the titles the notice names in 《》.
bool DirectiveParser::TryPlanTitle(uint32_t n, std::string_view line) {
  if (named_plans_.size() < 2 || CodePointCount(line) > 60) return false;
  std::string folded = FoldForMatch(line);
  if (CodePointCount(folded) < 4) return false;
  // The titles starting with `folded`, if any, start at its place in
  // their order.
  const auto at =
      std::lower_bound(named_plans_.begin(), named_plans_.end(), folded);
  if (at == named_plans_.end() || !StartsWith(*at, folded)) return false;
  if (++plans_seen_ >= 2) {
    CloseDeeper(-1, n);
    box_ = -1;
    table_parent_ = -2;
    plan_prefix_ = "附文" + std::to_string(plans_seen_) + ".";
  }
  return true;
}

void DirectiveParser::CollectNamedPlans() {
  static const RE2 named(R"(《([^《》]{2,80})》)");
  std::string scratch;
  for (uint32_t n = doc_.header_last_line + 1; n <= doc_.last_line; ++n) {
    std::string_view line = Clean(n, scratch);
    if (!internal::ParseDateLine(line).empty()) break;
    re2::StringPiece input(line);
    std::string title;
    while (RE2::FindAndConsume(&input, named, &title))
      named_plans_.push_back(FoldForMatch(title));
  }
  // Sorted, each once: a notice without its signature date lends the
  // titles of its whole plan, and comparing each with every other, then
  // every short line with each, was quadratic (an 8 MB document citing
  // 100,000 titles took 13 s).
  std::sort(named_plans_.begin(), named_plans_.end());
  named_plans_.erase(std::unique(named_plans_.begin(), named_plans_.end()),
                     named_plans_.end());
}

DirectiveTree DirectiveParser::Run() {
  if (doc_.first_line == 0 || doc_.last_line > src_.LineCount()) return tree_;
  in_notice_ = !doc_.attached_title.empty();
  if (in_notice_) CollectNamedPlans();
  std::string scratch;
  for (uint32_t n = doc_.header_last_line + 1; n <= doc_.last_line; ++n) {
    std::string_view raw = src_.Line(n);
    std::string_view line = Clean(n, scratch);
    if (line.empty()) continue;
    // The notice's own body ends at its signature date; the plan follows.
    if (in_notice_ && !internal::ParseDateLine(line).empty()) {
      CloseDeeper(-1, n);
      in_notice_ = false;
      continue;
    }
    if (!in_notice_ && TryPlanTitle(n, line)) continue;
    if (TryAttachment(n, line)) continue;
    if (TryTableRow(n, raw)) continue;
    if (table_parent_ != -2 && !Contains(raw, "\t")) table_parent_ = -2;
    if (TryBoxRow(n, raw)) continue;
    if (TryBox(n, line)) continue;
    if (Contains(raw, "\t")) continue;  // other table rows are not units
    TryNumbered(n, line);
  }
  CloseDeeper(-1, doc_.last_line + 1);
  // The trees live until the outputs are made, and a vector grown by
  // doubling holds up to twice its nodes: a tenth of build's peak memory.
  // An outline is dropped as soon as its references are out.
  if (full_) tree_.nodes.shrink_to_fit();
  return std::move(tree_);
}

}  // namespace

DirectiveTree ParseDirectives(const SourceText& source, const Document& doc) {
  return DirectiveParser(source, doc).Run();
}

DirectiveTree internal::ParseDirectives(const SourceText& source,
                                        const Document& doc,
                                        const CleanLines& clean,
                                        DirectiveDetail detail) {
  return DirectiveParser(source, doc, &clean, detail).Run();
}

std::vector<int> ActionableDirectives(const DirectiveTree& tree) {
  std::vector<int> out;
  for (int i = 0; i < static_cast<int>(tree.nodes.size()); ++i) {
    const Directive& d = tree.nodes[i];
    if (d.kind == DirectiveKind::kAttachment || d.kind == DirectiveKind::kBox)
      continue;
    if (d.children.empty() || d.kind == DirectiveKind::kTaskRow)
      out.push_back(i);
  }
  return out;
}

std::string DirectiveText(const SourceText& source, const DirectiveTree& tree,
                          int index) {
  return DirectiveText(source.text, 0, tree, index);
}

Span DocumentTextRange(const DirectiveTree& tree) {
  if (tree.nodes.empty()) return {};
  uint64_t begin = UINT32_MAX, end = 0;
  for (const Directive& d : tree.nodes) {
    begin = std::min<uint64_t>(begin, d.text.offset);
    end = std::max<uint64_t>(end, uint64_t{d.text.offset} + d.text.length);
  }
  end = std::min<uint64_t>(end, UINT32_MAX);
  return {static_cast<uint32_t>(begin), static_cast<uint32_t>(end - begin)};
}

std::string DirectiveText(std::string_view window, uint64_t window_begin,
                          const DirectiveTree& tree, int index) {
  const Directive& d = tree.nodes[index];
  const uint64_t window_end = window_begin + window.size();
  const uint64_t begin =
      std::clamp<uint64_t>(d.text.offset, window_begin, window_end);
  uint64_t end = std::min<uint64_t>(begin + d.text.length, window_end);
  if (!d.children.empty())
    end = std::clamp<uint64_t>(tree.nodes[d.children.front()].text.offset,
                               begin, end);
  std::string_view text = window.substr(begin - window_begin, end - begin);
  std::string out;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    // Most lines need only trimming: appended as they are, without the
    // copy, the tag search and the tab pass (coverage reads every
    // directive of every alignment through here).
    if (const std::string_view raw = text.substr(0, nl);
        raw.find('<') == std::string_view::npos &&
        raw.find('\t') == std::string_view::npos &&
        internal::CleanLineOnlyTrims(raw)) {
      out += TrimWhitespace(raw);
      text = nl == std::string_view::npos ? std::string_view()
                                          : text.substr(nl + 1);
      continue;
    }
    std::string line = CleanLine(text.substr(0, nl));
    for (std::string_view tag : {"<p>", "</p>"})
      for (size_t p; (p = line.find(tag)) != std::string::npos;)
        line.erase(p, tag.size());
    for (char& c : line)
      if (c == '\t') c = ' ';
    out += TrimWhitespace(line);
    text =
        nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
  }
  return out;
}

}  // namespace policygraph

#include "gen_corpus/material.h"

#include <algorithm>
#include <string_view>

#include "policygraph/decode.h"
#include "policygraph/directives.h"
#include "policygraph/segment.h"

#include "gen_corpus/utf8.h"

namespace policygraph::gen {
namespace {

constexpr size_t kMinTasks = 20;
constexpr size_t kMinTopics = 10;

// Drops ASCII and ideographic spaces: the bundled texts carry PDF spacing
// (2023 年, 合川府发〔2023〕2 号) that the generator adds back on its own
// terms.
std::string WithoutSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t len = CodePointLength(text[i]);
    std::string_view cp = text.substr(i, len);
    i += len;
    if (cp == " " || cp == "\t" || cp == "\u3000" || cp == "\u00a0") continue;
    out += cp;
  }
  return out;
}

// Text that would make a reference, a table cell or a header if reused.
bool NamesSomething(std::string_view text) {
  for (std::string_view mark :
       {"《", "》", "〔", "〕", "[", "]", "号", "附件", "|", "**", "<", "令第"})
    if (text.find(mark) != std::string_view::npos) return true;
  return false;
}

bool IsTaskKind(DirectiveKind kind) {
  return kind == DirectiveKind::kSubItem || kind == DirectiveKind::kPoint ||
         kind == DirectiveKind::kSubPoint || kind == DirectiveKind::kArticle;
}

// A heading that names an action a title can carry: 加强人才队伍建设, not
// 工作范围 or a section's 加强组织领导.
bool IsTopic(std::string_view heading) {
  size_t n = CountCodePoints(heading);
  if (n < 6 || n > 18 || NamesSomething(heading)) return false;
  for (std::string_view stop : {"，", "、", "：", "；", "。", "（", "(", "“"})
    if (heading.find(stop) != std::string_view::npos) return false;
  for (std::string_view framing :
       {"组织领导", "组织保障", "组织实施", "督促检查", "宣传引导", "考核",
        "责任落实", "资金保障", "工作机制", "督查"})
    if (heading.find(framing) != std::string_view::npos) return false;
  for (std::string_view verb :
       {"加强", "推进", "推动", "完善", "健全", "建立", "加快", "提升",
        "强化", "深化", "实施", "开展", "优化", "促进", "打造", "构建",
        "提高", "培育", "发展", "创新", "规范", "扩大", "支持", "建设",
        "保障", "做好", "加大", "深入", "全面"})
    if (heading.starts_with(verb)) return true;
  return false;
}

// Sentences of one printed line.  The first is kept only when the line
// opens a paragraph (`whole`): otherwise it is the tail of a sentence the
// PDF broke over lines.
void AddSentences(std::string_view text, bool whole,
                  std::vector<std::string>& prose) {
  size_t start = 0;
  if (!whole) {
    size_t stop = text.find("。");
    if (stop == std::string_view::npos) return;
    start = stop + 3;
  }
  while (start < text.size()) {
    size_t stop = text.find("。", start);
    if (stop == std::string_view::npos) break;
    std::string_view sentence = text.substr(start, stop + 3 - start);
    start = stop + 3;
    size_t n = CountCodePoints(sentence);
    if (n < 16 || n > 120 || NamesSomething(sentence)) continue;
    if (!IsHan(DecodeAt(sentence, 0))) continue;
    prose.emplace_back(sentence);
  }
}

void HarvestFile(const SourceText& source, Material& out) {
  Segmentation seg = SegmentGazette(source);
  for (const Document& doc : seg.documents) {
    DirectiveTree tree = ParseDirectives(source, doc);
    for (size_t i = 0; i < tree.nodes.size(); ++i) {
      const Directive& d = tree.nodes[i];
      if (!d.children.empty() || !IsTaskKind(d.kind)) continue;
      std::string text =
          WithoutSpaces(DirectiveText(source, tree, static_cast<int>(i)));
      std::string heading = WithoutSpaces(d.heading);
      size_t at = heading.empty() ? std::string::npos : text.find(heading);
      if (at == std::string::npos) continue;
      text.erase(0, at);
      size_t n = CountCodePoints(text);
      if (n < 24 || n > 400 || NamesSomething(text)) continue;
      if (!text.ends_with("。")) continue;
      out.tasks.push_back(text);
      if (IsTopic(heading)) out.topics.push_back(heading);
    }
    bool whole = false;
    for (uint32_t n = doc.header_last_line + 1; n <= doc.last_line; ++n) {
      std::string line = WithoutSpaces(source.Line(n));
      if (line.empty()) continue;
      AddSentences(line, whole, out.prose);
      whole = line.ends_with("。") || line.ends_with("：");
    }
  }
}

void SortUnique(std::vector<std::string>& items) {
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
}

}  // namespace

bool HarvestMaterial(const std::vector<std::string>& paths, Material& out,
                     std::string& error) {
  out = Material();
  InputList inputs = ListInputFiles(paths);
  for (const std::string& path : inputs.files) {
    DecodeResult decoded = ReadSourceFile(path);
    if (!decoded.ok) continue;
    out.files.push_back(path);
    HarvestFile(decoded.source, out);
  }
  SortUnique(out.tasks);
  SortUnique(out.topics);
  SortUnique(out.prose);
  if (out.files.empty()) {
    error = "no readable *.txt texts to grow from";
    return false;
  }
  if (out.tasks.size() < kMinTasks || out.topics.size() < kMinTopics ||
      out.prose.empty()) {
    error = "too few numbered directives in the texts to grow from (found " +
            std::to_string(out.tasks.size()) + " tasks, " +
            std::to_string(out.topics.size()) + " topics)";
    return false;
  }
  return true;
}

}  // namespace policygraph::gen

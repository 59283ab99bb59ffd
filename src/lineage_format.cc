// Lineage reports as the JSON contract of the lineage command, an indented
// tree a reader can check step by step against the texts, and a diagram
// (the report as a graph, drawn by the one DOT exporter).
#include <string>
#include <string_view>
#include <vector>

#include "policygraph/export.h"
#include "policygraph/lineage.h"
#include "policygraph/report_format.h"

#include "safe_text.h"

namespace policygraph {
namespace {

using internal::SafeText;
using internal::TextUse;

// Graph strings come through the library API from any caller: JSON must
// not throw on a broken one, nor text output carry a line break or ESC.
Json JsonText(const std::string& s) { return SafeText(s, TextUse::kJson); }
Json OrNull(const std::string& s) { return s.empty() ? Json() : JsonText(s); }

// Text output is one record a line: line breaks and tabs inside a title or
// a surface would break the tree.
std::string OneLine(std::string_view text) {
  return SafeText(text, TextUse::kOneLine);
}

std::string EvidenceText(const LineageStep& step) {
  std::string where;
  if (!step.evidence.file.empty()) {
    where = step.evidence.file;
    // Appended, not "literal" + std::string&&, which GCC 12 warns about
    // falsely (-Wrestrict, PR 105329).
    if (step.evidence.line > 0)
      where.append(":").append(std::to_string(step.evidence.line));
  }
  std::string what = OneLine(step.cue + step.evidence.text);
  if (where.empty()) return what;
  return what.empty() ? where : where + "  " + what;
}

std::string NodeLine(const LineageStep& step) {
  std::string line =
      std::string(RelationName(step.relation)) + " → " + OneLine(step.id);
  if (!step.title.empty() && step.id != "title:" + step.title)
    line += "  " + OneLine(step.title);
  line += " [" + std::string(LevelName(step.level)) + "]";
  return line;
}

Json StepsToJson(const std::vector<LineageStep>& steps) {
  Json array = Json::array();
  for (const LineageStep& s : steps) {
    Json j;
    j["id"] = JsonText(s.id);
    j["title"] = JsonText(s.title);
    j["doc_number"] = OrNull(s.doc_number);
    j["kind"] = NodeKindName(s.kind);
    j["level"] = LevelName(s.level);
    j["date"] = OrNull(s.date);
    j["relation"] = RelationName(s.relation);
    j["cue"] = OrNull(s.cue);
    j["evidence"] = {{"file", OrNull(s.evidence.file)},
                     {"line", s.evidence.line},
                     {"text", JsonText(s.evidence.text)}};
    j["depth"] = s.depth;
    j["parent"] = s.parent;
    array.push_back(std::move(j));
  }
  return array;
}

// Children of each step (index steps.size() stands for the root), in BFS
// order.
std::vector<std::vector<int>> ChildLists(
    const std::vector<LineageStep>& steps) {
  std::vector<std::vector<int>> children(steps.size() + 1);
  for (size_t i = 0; i < steps.size(); ++i) {
    const int parent = steps[i].parent;
    const bool valid = parent >= 0 &&
                       static_cast<size_t>(parent) < steps.size() &&
                       static_cast<size_t>(parent) != i;
    children[valid ? parent : steps.size()].push_back(static_cast<int>(i));
  }
  return children;
}

void AppendTree(const std::vector<LineageStep>& steps,
                const std::vector<std::vector<int>>& children, size_t at,
                const std::string& prefix, std::string& out) {
  const std::vector<int>& list = children[at];
  for (size_t k = 0; k < list.size(); ++k) {
    const LineageStep& step = steps[list[k]];
    const bool last = k + 1 == list.size();
    const bool has_children = !children[list[k]].empty();
    out += prefix + (last ? "└─ " : "├─ ") + NodeLine(step) + "\n";
    std::string inner = prefix + (last ? "   " : "│  ");
    std::string evidence = EvidenceText(step);
    if (!evidence.empty())
      out += inner + (has_children ? "│  " : "   ") + evidence + "\n";
    AppendTree(steps, children, list[k], inner, out);
  }
}

std::string TreeSection(std::string_view name,
                        const std::vector<LineageStep>& steps) {
  std::string out = std::string(name) + ":\n";
  if (steps.empty()) return out + "  (none)\n";
  AppendTree(steps, ChildLists(steps), steps.size(), "", out);
  return out;
}

}  // namespace

Json LineageToJson(const LineageReport& report) {
  Json j;
  j["root"] = JsonText(report.root);
  j["title"] = JsonText(report.root_title);
  j["level"] = LevelName(report.root_level);
  j["ancestors"] = StepsToJson(report.ancestors);
  j["descendants"] = StepsToJson(report.descendants);
  return j;
}

std::string FormatLineageText(const LineageReport& report) {
  std::string out = OneLine(report.root);
  if (!report.root_title.empty() && report.root != "title:" + report.root_title)
    out += "  " + OneLine(report.root_title);
  out += " [" + std::string(LevelName(report.root_level)) + "]\n";
  if (report.direction != LineageDirection::kDown)
    out += TreeSection("ancestors", report.ancestors);
  if (report.direction != LineageDirection::kUp)
    out += TreeSection("descendants", report.descendants);
  return out;
}

std::string FormatLineageDot(const LineageReport& report) {
  return GraphToDot(LineageToGraph(report));
}

}  // namespace policygraph

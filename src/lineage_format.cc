// Lineage reports as the JSON contract of the lineage command, an indented
// tree a reader can check step by step against the texts, and a DOT digraph.
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

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

bool IsTitleId(std::string_view id) { return id.rfind("title:", 0) == 0; }

// What a reader quotes a node by besides its title: its number, or its id
// when that is more than the title again.
std::string NumberOf(const std::string& id, const std::string& doc_number) {
  if (!doc_number.empty()) return doc_number;
  return IsTitleId(id) ? "" : id;
}

// Text output is one record a line: line breaks and tabs inside a title or
// a surface would break the tree.
std::string OneLine(std::string_view text) {
  return SafeText(text, TextUse::kOneLine);
}

// A DOT string literal: the text can hold anything a gazette prints, so
// backslashes and quotes are escaped and line breaks become DOT's \n.
std::string DotQuote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
  }
  out += '"';
  return out;
}

std::string EvidenceText(const LineageStep& step) {
  std::string where;
  if (!step.evidence.file.empty()) {
    where = step.evidence.file;
    if (step.evidence.line > 0)
      where += ":" + std::to_string(step.evidence.line);
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

// DOT node names n0, n1, … by first appearance; one node per graph id even
// when it is both an ancestor and a descendant.
class DotWriter {
 public:
  explicit DotWriter(const LineageReport& report) {
    out_ =
        "digraph lineage {\n"
        "  graph [rankdir=BT, fontname=\"sans-serif\"];\n"
        "  node [shape=box, fontname=\"sans-serif\"];\n"
        "  edge [fontname=\"sans-serif\", fontsize=10];\n";
    root_ =
        Node(report.root, report.root_title, NumberOf(report.root, ""), "bold");
  }

  void AddSteps(const std::vector<LineageStep>& steps, bool up) {
    std::vector<std::string> names;
    names.reserve(steps.size());
    for (const LineageStep& s : steps)
      names.push_back(Node(s.id, s.title, NumberOf(s.id, s.doc_number),
                           s.kind == NodeKind::kExternal ? "dashed" : ""));
    for (size_t i = 0; i < steps.size(); ++i) {
      const LineageStep& s = steps[i];
      const bool valid =
          s.parent >= 0 && static_cast<size_t>(s.parent) < steps.size();
      const std::string& near = valid ? names[s.parent] : root_;
      // Edges keep the graph's direction: up, the nearer node cites the
      // step; down, the step cites the nearer node.
      Edge(up ? near : names[i], up ? names[i] : near, s);
    }
  }

  std::string Finish() { return out_ + "}\n"; }

 private:
  std::string Node(const std::string& id, const std::string& title,
                   const std::string& number, std::string_view style) {
    auto found = names_.find(id);
    if (found != names_.end()) return found->second;
    std::string name = "n" + std::to_string(names_.size());
    names_.emplace(id, name);
    std::string label = title.empty() ? id : title;
    std::string quoted = DotQuote(label);
    if (!number.empty() && number != label) {
      quoted.pop_back();
      quoted += "\\n" + DotQuote(number).substr(1);
    }
    out_ += "  " + name + " [label=" + quoted + ", tooltip=" + DotQuote(id);
    if (!style.empty()) out_ += ", style=" + std::string(style);
    out_ += "];\n";
    return name;
  }

  void Edge(const std::string& from, const std::string& to,
            const LineageStep& s) {
    std::string relation(RelationName(s.relation));
    if (!edges_.insert(from + " " + to + " " + relation).second) return;
    out_ += "  " + from + " -> " + to + " [label=" + DotQuote(relation) +
            ", tooltip=" + DotQuote(EvidenceText(s)) + "];\n";
  }

  std::string out_;
  std::string root_;
  std::unordered_map<std::string, std::string> names_;
  std::unordered_set<std::string> edges_;
};

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
  DotWriter dot(report);
  dot.AddSteps(report.ancestors, /*up=*/true);
  dot.AddSteps(report.descendants, /*up=*/false);
  return dot.Finish();
}

}  // namespace policygraph

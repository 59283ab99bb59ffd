// `build --outputs` and `merge --outputs`: which of the folder's files a
// run writes.  At 1 GB the ten files are about eight times the input and a
// quarter of the run; a user who wants the graph for a notebook, or the
// coverage table for an audit, need not wait for the others.
#ifndef POLICYGRAPH_TOOLS_OUTPUT_CHOICE_H_
#define POLICYGRAPH_TOOLS_OUTPUT_CHOICE_H_

#include <array>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace policygraph::tools {

// Every file of a build folder, in the order --help lists them.
inline constexpr std::array<std::string_view, 10> kBuildFiles = {
    "graph.json",  "graph.cyjs",   "graph.graphml", "graph.dot",
    "graph.svg",   "coverage.csv", "orphans.csv",   "report.md",
    "report.html", "index.html"};

using OutputSet = std::set<std::string, std::less<>>;

struct OutputChoice {
  OutputSet files;  // what the run writes
  // The files the list names one by one, not through "all" or by default:
  // a file that cannot be made (graph.svg of too many nodes) is then an
  // error, where otherwise it is skipped with a warning.
  OutputSet named;
};

// "graph.json,coverage.csv" → those names; "all" in the list, or an empty
// list (the option not given), → every file.  An unknown name, or a list of
// none, is nullopt and an error naming the accepted ones.
std::optional<OutputChoice> ParseOutputChoice(std::string_view list,
                                              std::string* error);

}  // namespace policygraph::tools

#endif  // POLICYGRAPH_TOOLS_OUTPUT_CHOICE_H_

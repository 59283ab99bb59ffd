#include "output_choice.h"

#include <algorithm>

namespace policygraph::tools {

std::optional<OutputChoice> ParseOutputChoice(std::string_view list,
                                              std::string* error) {
  OutputChoice chosen;
  if (list.empty()) list = "all";
  std::string accepted;
  for (std::string_view name : kBuildFiles)
    accepted.append(accepted.empty() ? "" : ", ").append(name);
  size_t start = 0;
  while (start <= list.size()) {
    const size_t end = std::min(list.find(',', start), list.size());
    const std::string_view name = list.substr(start, end - start);
    start = end + 1;
    if (name.empty()) continue;
    if (name == "all") {
      chosen.files.insert(kBuildFiles.begin(), kBuildFiles.end());
      continue;
    }
    if (std::find(kBuildFiles.begin(), kBuildFiles.end(), name) ==
        kBuildFiles.end()) {
      *error = "unknown output '" + std::string(name) + "' (" + accepted +
               ", or all)";
      return std::nullopt;
    }
    chosen.files.emplace(name);
    chosen.named.emplace(name);
  }
  if (chosen.files.empty()) {
    *error = "no output named (" + accepted + ", or all)";
    return std::nullopt;
  }
  return chosen;
}

}  // namespace policygraph::tools

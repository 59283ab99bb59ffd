// Helpers the tests share for reaching outside the process: files, shell
// commands, the Python that has a module, and whether this is CI (where a
// missing tool must fail a test rather than skip it).
#ifndef POLICYGRAPH_TESTS_TEST_SUPPORT_H_
#define POLICYGRAPH_TESTS_TEST_SUPPORT_H_

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace policygraph::testing {

inline std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

inline void WriteFile(const std::filesystem::path& p,
                      const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

// The names of the entries of `dir`.
inline std::set<std::string> FileNames(const std::filesystem::path& dir) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    names.insert(entry.path().filename().string());
  return names;
}

// How folder `got` differs from `want`: files only one holds, and the
// first differing byte of each file both hold.  Empty when they are the
// same byte for byte.
inline std::vector<std::string> FolderDifferences(
    const std::filesystem::path& got, const std::filesystem::path& want) {
  std::vector<std::string> differences;
  const std::set<std::string> got_names = FileNames(got);
  const std::set<std::string> want_names = FileNames(want);
  for (const std::string& name : want_names)
    if (!got_names.count(name)) differences.push_back(name + " missing");
  for (const std::string& name : got_names) {
    if (!want_names.count(name)) {
      differences.push_back(name + " not expected");
      continue;
    }
    const std::string a = ReadFile(got / name), b = ReadFile(want / name);
    if (a == b) continue;
    size_t at = 0;
    while (at < a.size() && at < b.size() && a[at] == b[at]) ++at;
    differences.push_back(name + " differs from byte " + std::to_string(at));
  }
  return differences;
}

struct CommandRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

inline CommandRun RunCommand(const std::string& command) {
  CommandRun run;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    run.output.append(buffer.data(), n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

// CI must prove what a test checks; a laptop without a tool may skip.
inline bool InCi() {
  const char* ci = std::getenv("CI");
  return ci && (std::string_view(ci) == "true" || std::string_view(ci) == "1");
}

// A Python that can `import modules` ("networkx, igraph"): $PG_PYTHON,
// then python3 on PATH, then Debian's own (where python3-* packages
// install, which a pyenv or venv python3 on PATH does not see).
inline std::optional<std::string> PythonWith(const std::string& modules) {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("PG_PYTHON")) candidates.push_back(env);
  candidates.push_back("python3");
  candidates.push_back("/usr/bin/python3");
  for (const std::string& python : candidates) {
    const std::string probe =
        "'" + python + "' -c 'import " + modules + "' >/dev/null 2>&1";
    if (std::system(probe.c_str()) == 0) return python;
  }
  return std::nullopt;
}

}  // namespace policygraph::testing

#endif  // POLICYGRAPH_TESTS_TEST_SUPPORT_H_

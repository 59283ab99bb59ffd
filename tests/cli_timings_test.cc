// `build --timings` and `merge --timings`: one line a phase, in the order
// the phases run, contiguous in time, and nothing else changed.
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <re2/re2.h>

#include "cli_fixture.h"

namespace {

namespace fs = std::filesystem;
using policygraph::testing::Cli;
using policygraph::testing::FolderDifferences;
using policygraph::testing::ToolRun;

struct Timing {
  std::string what;
  double seconds = 0, from = 0, to = 0;
  bool memory = false;
};

// The timing lines of `err`; a line that starts like one but does not
// parse is a test failure.
std::vector<Timing> Timings(const std::string& err) {
  static const RE2 kLine(
      R"(policygraph: timing: (.+) (\d+\.\d\d) s \((\d+\.\d\d) s to )"
      R"((\d+\.\d\d) s\)(, [\d,]+ MiB resident, [\d,]+ MiB peak)?)");
  std::vector<Timing> timings;
  std::istringstream lines(err);
  std::string line, memory;
  while (std::getline(lines, line)) {
    if (line.rfind("policygraph: timing:", 0) != 0) continue;
    Timing t;
    EXPECT_TRUE(RE2::FullMatch(line, kLine, &t.what, &t.seconds, &t.from, &t.to,
                               &memory))
        << line;
    t.memory = !memory.empty();
    timings.push_back(t);
  }
  return timings;
}

// One output file's line ("output graph.json"), made beside the others,
// rather than a phase of the run ("output files" is the phase they share).
bool IsOutputFile(const Timing& t) {
  return t.what.rfind("output ", 0) == 0 && t.what != "output files";
}

std::vector<std::string> Phases(const std::vector<Timing>& timings) {
  std::vector<std::string> phases;
  for (const Timing& t : timings)
    if (!IsOutputFile(t)) phases.push_back(t.what);
  return phases;
}

// Each phase starts where the one before ended, and each line's seconds
// are its stretch of the run.
void ExpectContiguous(const std::vector<Timing>& timings) {
  double end = 0;
  for (const Timing& t : timings) {
    EXPECT_NEAR(t.seconds, t.to - t.from, 0.011) << t.what;
    EXPECT_LE(t.from, t.to) << t.what;
    EXPECT_TRUE(t.memory) << t.what << ": Linux has /proc/self/status";
    if (IsOutputFile(t)) continue;
    EXPECT_NEAR(t.from, end, 0.011) << t.what;
    end = t.to;
  }
}

TEST_F(Cli, BuildTimingsNameEveryPhaseAndOutputInOrderEvenWhenQuiet) {
  ToolRun timed = Tool("build -q --timings -j 2 -o timed");
  ASSERT_EQ(timed.exit_code, 0) << timed.err;
  const std::vector<Timing> timings = Timings(timed.err);
  EXPECT_EQ(Phases(timings),
            (std::vector<std::string>{
                "parse (read, segment, directives, references)", "resolve",
                "coverage alignment", "coverage rows, graph nodes and edges",
                "alignment edges", "orphans and audit summary",
                "corpus freed, document view", "output files", "commit"}))
      << timed.err;
  ExpectContiguous(timings);
  // Every file written has its line, inside the stretch of "output files".
  std::vector<std::string> written;
  for (const auto& entry : fs::directory_iterator(dir_ / "timed"))
    written.push_back(entry.path().filename().string());
  ASSERT_EQ(written.size(), 10u);
  const Timing* all = nullptr;
  for (const Timing& t : timings)
    if (t.what == "output files") all = &t;
  ASSERT_NE(all, nullptr);
  for (const std::string& name : written) {
    int lines = 0;
    for (const Timing& t : timings) {
      if (!IsOutputFile(t) || t.what.find(name) == std::string::npos) continue;
      ++lines;
      EXPECT_GE(t.from, all->from - 0.011) << t.what;
      EXPECT_LE(t.to, all->to + 0.011) << t.what;
    }
    EXPECT_EQ(lines, 1) << name << "\n" << timed.err;
  }
  // Only stderr gains the lines: the files are those of a run without.
  ToolRun plain = Tool("build -q -o plain");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.err, "");
  for (const std::string& difference :
       FolderDifferences(dir_ / "timed", dir_ / "plain"))
    ADD_FAILURE() << difference;
}

TEST_F(Cli, MergeTimingsStartWithReadingTheShards) {
  ToolRun extract = Tool("extract -q -o all.jsonl");
  ASSERT_EQ(extract.exit_code, 0) << extract.err;
  EXPECT_EQ(Timings(extract.err).size(), 0u);
  ToolRun merged = Tool("merge --timings all.jsonl -o merged");
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  const std::vector<Timing> timings = Timings(merged.err);
  const std::vector<std::string> phases = Phases(timings);
  ASSERT_GE(phases.size(), 2u) << merged.err;
  EXPECT_EQ(phases[0], "read shards");
  EXPECT_EQ(phases[1], "resolve");
  EXPECT_EQ(phases.back(), "commit");
  ExpectContiguous(timings);
  // Without the flag, no timing line.
  ToolRun quiet = Tool("merge all.jsonl -o again");
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(Timings(quiet.err).size(), 0u) << quiet.err;
  EXPECT_NE(quiet.err.find("36 documents"), std::string::npos) << quiet.err;
}

}  // namespace

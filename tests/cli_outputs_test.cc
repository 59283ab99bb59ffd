// `build --outputs` and `merge --outputs`: only the chosen files are
// written, each byte for byte what a full build writes, and the folder
// holds nothing else afterwards.
#include <filesystem>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "cli_fixture.h"

namespace {

namespace fs = std::filesystem;
using policygraph::testing::Cli;
using policygraph::testing::FileNames;
using policygraph::testing::ReadFile;
using policygraph::testing::ToolRun;

// The files named on `--timings` lines of single outputs.
std::set<std::string> TimedOutputs(const std::string& err) {
  std::set<std::string> names;
  std::istringstream lines(err);
  std::string line;
  const std::string prefix = "policygraph: timing: output ";
  while (std::getline(lines, line)) {
    if (line.rfind(prefix, 0) != 0) continue;
    const std::string name = line.substr(
        prefix.size(), line.find(' ', prefix.size()) - prefix.size());
    if (name != "files") names.insert(name);
  }
  return names;
}

TEST_F(Cli, OutputsWritesOnlyTheChosenFilesAndRemovesTheRest) {
  ToolRun full = Tool("build -q -o full");
  ASSERT_EQ(full.exit_code, 0) << full.err;
  ASSERT_EQ(FileNames(dir_ / "full").size(), 10u);
  // Over a folder holding a whole earlier build.
  fs::copy(dir_ / "full", dir_ / "some");
  ToolRun some = Tool(
      "build -q --timings --outputs graph.json,coverage.csv,graph.svg -o some");
  ASSERT_EQ(some.exit_code, 0) << some.err;
  const std::set<std::string> chosen = {"coverage.csv", "graph.json",
                                        "graph.svg"};
  EXPECT_EQ(FileNames(dir_ / "some"), chosen);
  for (const std::string& name : chosen)
    EXPECT_EQ(ReadFile(dir_ / "some" / name), ReadFile(dir_ / "full" / name))
        << name;
  EXPECT_EQ(TimedOutputs(some.err), chosen) << some.err;

  // The diagram's text alone, and "all" anywhere in a list.
  ToolRun dot = Tool("build -q --outputs graph.dot,,report.md -o dot");
  ASSERT_EQ(dot.exit_code, 0) << dot.err;
  EXPECT_EQ(FileNames(dir_ / "dot"),
            (std::set<std::string>{"graph.dot", "report.md"}));
  EXPECT_EQ(ReadFile(dir_ / "dot" / "graph.dot"),
            ReadFile(dir_ / "full" / "graph.dot"));
  ToolRun all = Tool("build -q --outputs report.md,all -o dot");
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(FileNames(dir_ / "dot"), FileNames(dir_ / "full"));
  EXPECT_EQ(ReadFile(dir_ / "dot" / "index.html"),
            ReadFile(dir_ / "full" / "index.html"));
}

TEST_F(Cli, OutputsRefusesAnUnknownNameBeforeReadingAnything) {
  ToolRun typo = Tool("build --outputs graph.json,graph.jsn -o out");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("unknown output 'graph.jsn'"), std::string::npos)
      << typo.err;
  EXPECT_NE(typo.err.find("graph.json, graph.cyjs"), std::string::npos)
      << typo.err;
  // Refused before the inputs were read: no progress, and no folder.
  EXPECT_EQ(typo.err.find("reading"), std::string::npos) << typo.err;
  EXPECT_FALSE(fs::exists(dir_ / "out"));

  ToolRun none = Tool("build --outputs , -o out");
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("no output named"), std::string::npos) << none.err;
  EXPECT_FALSE(fs::exists(dir_ / "out"));

  ToolRun merge = Tool("merge --outputs graph.png -o out nothing.jsonl");
  EXPECT_EQ(merge.exit_code, 2);
  EXPECT_NE(merge.err.find("unknown output 'graph.png'"), std::string::npos)
      << merge.err;
}

// A run that fails removes the folders it created for its output, and only
// those: a folder that was there before stays, empty or not.
TEST_F(Cli, FailedRunRemovesOnlyTheFoldersItCreated) {
  ToolRun deep = Tool("build -q missing.txt -o new/deeper/out");
  EXPECT_EQ(deep.exit_code, 2);
  EXPECT_NE(deep.err.find("missing.txt: error: no such file"),
            std::string::npos)
      << deep.err;
  EXPECT_FALSE(fs::exists(dir_ / "new"));

  fs::create_directories(dir_ / "kept" / "empty");
  ToolRun under = Tool("build -q missing.txt -o kept/out/");
  EXPECT_EQ(under.exit_code, 2);
  EXPECT_FALSE(fs::exists(dir_ / "kept" / "out"));
  EXPECT_TRUE(fs::is_directory(dir_ / "kept" / "empty"));
  ToolRun existing = Tool("build -q missing.txt -o kept/empty");
  EXPECT_EQ(existing.exit_code, 2);
  EXPECT_TRUE(fs::is_directory(dir_ / "kept" / "empty"));

  // A run that succeeds keeps the folder it made.
  ToolRun made = Tool("build -q --outputs report.md -o made/out");
  ASSERT_EQ(made.exit_code, 0) << made.err;
  EXPECT_EQ(FileNames(dir_ / "made" / "out"),
            std::set<std::string>{"report.md"});
}

TEST_F(Cli, MergeOutputsWritesWhatBuildWritesOfTheChosenFiles) {
  ToolRun build = Tool("build -q --outputs orphans.csv,graph.cyjs -o built");
  ASSERT_EQ(build.exit_code, 0) << build.err;
  ToolRun extract = Tool("extract -q -o all.jsonl");
  ASSERT_EQ(extract.exit_code, 0) << extract.err;
  ToolRun merge =
      Tool("merge -q --outputs graph.cyjs,orphans.csv -o merged all.jsonl");
  ASSERT_EQ(merge.exit_code, 0) << merge.err;
  EXPECT_EQ(FileNames(dir_ / "merged"),
            (std::set<std::string>{"graph.cyjs", "orphans.csv"}));
  EXPECT_EQ(ReadFile(dir_ / "merged" / "graph.cyjs"),
            ReadFile(dir_ / "built" / "graph.cyjs"));
  EXPECT_EQ(ReadFile(dir_ / "merged" / "orphans.csv"),
            ReadFile(dir_ / "built" / "orphans.csv"));
}

}  // namespace

// tools/dask_build.py: the extract step as tasks on a Dask LocalCluster of
// two worker processes, merged into the folder `build` writes.  Needs
// python3-distributed; in CI (CI=true) its absence is a failure.
#include <sys/stat.h>

#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "cli_fixture.h"

namespace {

namespace fs = std::filesystem;
using policygraph::testing::Cli;
using policygraph::testing::CommandRun;
using policygraph::testing::FileNames;
using policygraph::testing::FolderDifferences;
using policygraph::testing::InCi;
using policygraph::testing::PythonWith;
using policygraph::testing::ReadFile;
using policygraph::testing::RunCommand;

class Dask : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    python_ = PythonWith("distributed");
    if (!python_ && InCi())
      FAIL() << "CI=true but no python3 with distributed (Debian: "
                "python3-distributed, see tools/deps.sh)";
    if (!python_)
      GTEST_SKIP() << "no python3 with distributed (Debian: "
                      "python3-distributed, see tools/deps.sh)";
  }

  // Runs tools/dask_build.py in the test's folder with `args`.
  CommandRun Script(const std::string& args,
                    const std::string& tool = PG_TOOL) {
    return RunCommand("cd '" + dir_.string() + "' && '" + *python_ +
                      "' '" PG_SOURCE_DIR
                      "/tools/dask_build.py' "
                      "--policygraph '" +
                      tool + "' " + args);
  }

  std::optional<std::string> python_;
};

TEST_F(Dask, LocalClusterOfTwoWorkersWritesWhatBuildWrites) {
  ASSERT_EQ(Tool("build -q -o built").exit_code, 0);
  // More parts than workers, so a worker takes several.
  CommandRun run = Script("-o by-dask --workers 2 --parts 3");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("part 3/3 done"), std::string::npos) << run.output;
  ASSERT_TRUE(fs::is_directory(dir_ / "by-dask")) << run.output;
  for (const std::string& difference :
       FolderDifferences(dir_ / "by-dask", dir_ / "built"))
    ADD_FAILURE() << "by-dask/" << difference;
  // The temporary shard folder beside the output is gone.
  for (const auto& entry : fs::directory_iterator(dir_))
    EXPECT_EQ(entry.path().filename().string().find(".shards-"),
              std::string::npos)
        << entry.path();
}

TEST_F(Dask, OutputsReachMerge) {
  ASSERT_EQ(Tool("build -q -o built").exit_code, 0);
  CommandRun run =
      Script("-q -o by-dask --workers 2 --outputs graph.json,report.md");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(FileNames(dir_ / "by-dask"),
            (std::set<std::string>{"graph.json", "report.md"}));
  for (const char* name : {"graph.json", "report.md"})
    EXPECT_EQ(ReadFile(dir_ / "by-dask" / name),
              ReadFile(dir_ / "built" / name))
        << name;
}

// A misspelt --outputs is refused before any task runs, as merge would
// refuse it after all of them: the same words, the tool's list of files.
TEST_F(Dask, UnknownOutputsAreRefusedBeforeTheCluster) {
  for (const char* list : {"graph.json,graph.jsn", ",", "report.md,"}) {
    SCOPED_TRACE(list);
    const std::string option = std::string("--outputs '") + list + "'";
    policygraph::testing::ToolRun tool = Tool("build -q -o built " + option);
    CommandRun run = Script("-o by-dask --workers 2 " + option);
    EXPECT_EQ(run.exit_code, tool.exit_code) << run.output;
    const std::string said = "policygraph: error: ";
    if (tool.exit_code == 0) {
      EXPECT_EQ(FileNames(dir_ / "by-dask"), FileNames(dir_ / "built"));
      continue;
    }
    ASSERT_EQ(tool.err.rfind(said, 0), 0u) << tool.err;
    EXPECT_EQ(run.output, "dask_build: error: " + tool.err.substr(said.size()));
    EXPECT_FALSE(fs::exists(dir_ / "by-dask"));
    for (const auto& entry : fs::directory_iterator(dir_))
      EXPECT_EQ(entry.path().filename().string().find(".shards-"),
                std::string::npos)
          << entry.path();
  }
}

TEST_F(Dask, AFailedTaskIsAnErrorNamingItsPartAndNothingIsMerged) {
  const fs::path broken = Write("policygraph",
                                "#!/bin/sh\n"
                                "echo 'disk on fire' >&2\n"
                                "exit 3\n");
  ASSERT_EQ(chmod(broken.c_str(), 0755), 0);
  CommandRun run = Script("-o out --workers 2 --parts 2", broken.string());
  EXPECT_EQ(run.exit_code, 2) << run.output;
  for (const char* part : {"part 1/2", "part 2/2"})
    EXPECT_NE(run.output.find(part), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("exited with 3"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("disk on fire"), std::string::npos) << run.output;
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

}  // namespace

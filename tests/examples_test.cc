// graphs/chongqing/ holds the committed outputs of the main job on the
// bundled corpus, as a newcomer sees them before building anything.  They
// must be what the tool writes today, byte for byte: a change to any stage
// that moves one byte of output shows up here and is committed with the
// regenerated files (tools/run.sh).
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "cli_fixture.h"

namespace {

namespace fs = std::filesystem;
using policygraph::testing::Cli;
using policygraph::testing::FileNames;
using policygraph::testing::ReadFile;
using policygraph::testing::ToolRun;

TEST_F(Cli, CommittedExamplesAreWhatBuildWritesToday) {
  const fs::path committed = fs::path(PG_SOURCE_DIR) / "graphs" / "chongqing";
  ASSERT_TRUE(fs::is_directory(committed)) << committed;
  ToolRun r = Tool("build -q -o fresh");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::set<std::string> names = FileNames(dir_ / "fresh");
  EXPECT_EQ(FileNames(committed), names);
  for (const std::string& name : names) {
    const std::string now = ReadFile(dir_ / "fresh" / name);
    const std::string then = ReadFile(committed / name);
    if (now == then) continue;
    size_t at = 0;
    while (at < now.size() && at < then.size() && now[at] == then[at]) ++at;
    ADD_FAILURE() << "graphs/chongqing/" << name << " is stale (first "
                  << "difference at byte " << at << "); regenerate it with "
                  << "tools/run.sh and commit the result";
  }
}

}  // namespace

// The fixture of the command-line tests: runs the built `policygraph`
// binary in a temporary folder of its own and captures output, messages
// and exit code.
#ifndef POLICYGRAPH_TESTS_CLI_FIXTURE_H_
#define POLICYGRAPH_TESTS_CLI_FIXTURE_H_

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>

#include "test_support.h"

namespace policygraph::testing {

struct ToolRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class Cli : public ::testing::Test {
 protected:
  using Path = std::filesystem::path;

  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("pg-cli-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  Path Write(const std::string& name, const std::string& bytes) {
    Path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }

  // Runs the tool with `args` (already shell-quoted where needed), after
  // `prefix` (a command such as `prlimit --fsize=N`, or empty).
  ToolRun Tool(const std::string& args, const std::string& prefix = "") {
    Path err = dir_ / "stderr.txt";
    std::string cmd = "cd '" + dir_.string() + "' && " + prefix +
                      " '" PG_TOOL "' " + args + " 2>'" + err.string() + "'";
    ToolRun r;
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return r;
    std::array<char, 65536> buf;
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0)
      r.out.append(buf.data(), n);
    int status = pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = ReadFile(err);
    return r;
  }

  Path dir_;
};

}  // namespace policygraph::testing

#endif  // POLICYGRAPH_TESTS_CLI_FIXTURE_H_

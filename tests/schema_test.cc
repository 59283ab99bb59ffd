// The JSON outputs of the built tool on the bundled corpus against the
// schemas in schemas/, checked by tests/schema/validate.py with Debian's
// python3-jsonschema; and broken records that each schema must refuse, so
// a schema that accepts everything cannot pass.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;
using policygraph::testing::CommandRun;
using policygraph::testing::InCi;
using policygraph::testing::ReadFile;
using policygraph::testing::RunCommand;
using policygraph::testing::WriteFile;

// Whether a line of `output` starts with `prefix` and holds `text`.
bool HasLine(const std::string& output, const std::string& prefix,
             const std::string& text) {
  size_t start = 0;
  while (start < output.size()) {
    size_t end = output.find('\n', start);
    if (end == std::string::npos) end = output.size();
    const std::string_view line(output.data() + start, end - start);
    if (line.starts_with(prefix) && line.find(text) != std::string_view::npos)
      return true;
    start = end + 1;
  }
  return false;
}

std::string Schema(const std::string& name) {
  return PG_SOURCE_DIR "/schemas/" + name + ".schema.json";
}

// The tool's outputs on the bundled corpus, each made on first use and
// kept for the rest of the process (ctest runs one test per process, so a
// test pays only for the outputs it reads).
class Outputs {
 public:
  Outputs()
      : dir_(fs::temp_directory_path() /
             ("pg-schema-" + std::to_string(getpid()))) {}

  // The path of `name` ("graph.json", "refs.jsonl", "coverage.json"), or
  // a failure naming the command that did not make it.
  fs::path Get(const std::string& name) {
    fs::create_directories(dir_);
    const fs::path path = dir_ / name;
    if (fs::exists(path)) return path;
    const std::string args = name == "graph.json" ? "build -q -o . >/dev/null"
                             : name == "refs.jsonl"
                                 ? "refs --format jsonl >refs.jsonl"
                                 : "coverage 渝府发〔2023〕7号 --format json "
                                   ">coverage.json";
    CommandRun run =
        RunCommand("cd '" + dir_.string() + "' && '" PG_TOOL "' " + args);
    EXPECT_EQ(run.exit_code, 0) << args << "\n" << run.output;
    return path;
  }
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
};

Outputs& ToolOutputs() {
  static Outputs* outputs = new Outputs;
  return *outputs;
}

class Schemas : public ::testing::Test {
 protected:
  void SetUp() override {
    python_ = policygraph::testing::PythonWith("jsonschema");
    if (!python_ && InCi())
      FAIL() << "CI=true but no python3 with jsonschema (Debian: "
                "python3-jsonschema, see tools/deps.sh)";
    if (!python_)
      GTEST_SKIP() << "no python3 with jsonschema (Debian: "
                      "python3-jsonschema, see tools/deps.sh)";
  }
  static void TearDownTestSuite() { fs::remove_all(ToolOutputs().dir()); }

  CommandRun Validate(const std::string& schema,
                      const std::vector<fs::path>& files, bool jsonl = false) {
    std::string command = "'" + *python_ +
                          "' '" PG_SOURCE_DIR "/tests/schema/validate.py' '" +
                          Schema(schema) + "'";
    for (const fs::path& file : files) command += " '" + file.string() + "'";
    return RunCommand(command + (jsonl ? " --jsonl" : ""));
  }
  CommandRun Validate(const std::string& schema, const fs::path& file,
                      bool jsonl = false) {
    return Validate(schema, std::vector<fs::path>{file}, jsonl);
  }

  static fs::path Output(const std::string& name) {
    return ToolOutputs().Get(name);
  }
  static fs::path Scratch(const std::string& name) {
    fs::create_directories(ToolOutputs().dir());
    return ToolOutputs().dir() / name;
  }

  std::optional<std::string> python_;
};

TEST_F(Schemas, GraphJsonOfTheBuildConforms) {
  CommandRun run = Validate("graph", Output("graph.json"));
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("1 record(s) valid"), std::string::npos)
      << run.output;
}

TEST_F(Schemas, EveryRefsRecordConforms) {
  CommandRun run = Validate("refs", Output("refs.jsonl"), /*jsonl=*/true);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  // One record per line, every line checked, not just the first.
  const std::string text = ReadFile(Output("refs.jsonl"));
  const auto lines = std::count(text.begin(), text.end(), '\n');
  ASSERT_GT(lines, 0);
  EXPECT_NE(run.output.find(std::to_string(lines) + " record(s) valid"),
            std::string::npos)
      << run.output;
}

TEST_F(Schemas, CoverageJsonConforms) {
  CommandRun run = Validate("coverage", Output("coverage.json"));
  EXPECT_EQ(run.exit_code, 0) << run.output;
}

struct Breakage {
  const char* schema;
  const char* output;  // a valid output to break
  const char* what;    // printed on failure
  std::function<void(Json&)> apply;
  const char* message;  // part of the violation validate.py must report
};

// Each break is a drift a consumer would trip over: a field lost, renamed
// or added, an enum value nobody handles, a number printed as a string.
TEST_F(Schemas, BrokenRecordsAreRefused) {
  const std::vector<Breakage> breakages = {
      {"graph", "graph.json", "link without relation",
       [](Json& g) { g["links"][0].erase("relation"); },
       "'relation' is a required property"},
      {"graph", "graph.json", "unknown relation",
       [](Json& g) { g["links"][0]["relation"] = "cites"; }, "'cites'"},
      {"graph", "graph.json", "unknown level",
       [](Json& g) { g["nodes"][0]["level"] = "provincial"; }, "'provincial'"},
      {"graph", "graph.json", "unknown node kind",
       [](Json& g) { g["nodes"][0]["kind"] = "law"; }, "'law'"},
      {"graph", "graph.json", "empty title instead of none",
       [](Json& g) { g["nodes"][0]["title"] = ""; }, "/nodes/0/title"},
      {"graph", "graph.json", "line as a string",
       [](Json& g) { g["nodes"][0]["line"] = "1"; }, "'1' is not of type"},
      {"graph", "graph.json", "an attribute nobody documented",
       [](Json& g) { g["links"][0]["weight"] = 1; }, "'weight' was unexpected"},
      {"graph", "graph.json", "undirected",
       [](Json& g) { g["directed"] = false; }, "/directed"},
      {"refs", "refs.jsonl", "unknown relation",
       [](Json& r) { r["relation"] = "part_of"; }, "'part_of'"},
      {"refs", "refs.jsonl", "missing self", [](Json& r) { r.erase("self"); },
       "'self' is a required property"},
      {"refs", "refs.jsonl", "empty string instead of null",
       [](Json& r) { r["cue"] = ""; }, "/cue"},
      {"refs", "refs.jsonl", "line 0", [](Json& r) { r["line"] = 0; }, "/line"},
      {"coverage", "coverage.json", "score as a string",
       [](Json& c) {
         c["directives"][0]["implemented_by"][0]["score"] = "0.5";
       },
       "'0.5' is not of type 'number'"},
      {"coverage", "coverage.json", "missing covered",
       [](Json& c) { c.erase("covered"); }, "'covered' is a required property"},
      {"coverage", "coverage.json", "implementation id without directive",
       [](Json& c) {
         c["directives"][0]["implemented_by"][0]["id"] = "渝府办发〔2024〕22号";
       },
       "does not match"},
  };
  // One validate.py run per schema over all of its broken files.
  std::map<std::string, std::vector<std::pair<fs::path, const Breakage*>>>
      by_schema;
  for (const Breakage& b : breakages) {
    const bool jsonl = std::string(b.output).ends_with(".jsonl");
    const std::string text = ReadFile(Output(b.output));
    // A JSONL file is broken in its first record; the rest stay valid.
    const size_t end = jsonl ? text.find('\n') : text.size();
    Json value = Json::parse(text.substr(0, end));
    if (value.contains("links")) {
      // A few nodes and links show the break as well as three thousand,
      // and validate in a fraction of the time.
      value["nodes"].erase(value["nodes"].begin() + 50, value["nodes"].end());
      value["links"].erase(value["links"].begin() + 50, value["links"].end());
    }
    b.apply(value);
    auto& files = by_schema[b.schema];
    const fs::path broken =
        Scratch(std::string("broken-") + b.schema + "-" +
                std::to_string(files.size()) + (jsonl ? ".jsonl" : ".json"));
    WriteFile(broken, value.dump() + (jsonl ? text.substr(end) : "\n"));
    files.emplace_back(broken, &b);
  }
  for (const auto& [schema, files] : by_schema) {
    std::vector<fs::path> paths;
    for (const auto& [path, b] : files) paths.push_back(path);
    const bool jsonl = paths[0].extension() == ".jsonl";
    CommandRun run = Validate(schema, paths, jsonl);
    EXPECT_EQ(run.exit_code, 1) << schema << "\n" << run.output;
    EXPECT_NE(run.output.find(std::to_string(files.size()) + " of " +
                              std::to_string(files.size()) + " file(s)"),
              std::string::npos)
        << schema << ": every broken file must fail\n"
        << run.output;
    for (const auto& [path, b] : files)
      EXPECT_TRUE(HasLine(run.output, path.string() + ":", b->message))
          << schema << ": " << b->what << " (" << path.filename().string()
          << ")\n"
          << run.output;
  }
}

TEST_F(Schemas, AJsonlViolationNamesItsLine) {
  // The JSONL check counts lines, so a break in record 1 is reported there.
  const std::string text = ReadFile(Output("refs.jsonl"));
  const size_t end = text.find('\n');
  Json first = Json::parse(text.substr(0, end));
  first["target_kind"] = "directive";
  const fs::path broken = Scratch("one-broken.jsonl");
  WriteFile(broken, text.substr(0, end + 1) + first.dump() + text.substr(end));
  CommandRun run = Validate("refs", broken, /*jsonl=*/true);
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("one-broken.jsonl:2: /target_kind"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("1 violation(s)"), std::string::npos) << run.output;
}

TEST_F(Schemas, AMissingModuleIsNotAPass) {
  // -S hides site and dist packages, as on a machine without jsonschema.
  CommandRun run = RunCommand(
      "'" + *python_ + "' -S '" PG_SOURCE_DIR "/tests/schema/validate.py' '" +
      Schema("refs") + "' '" + Output("refs.jsonl").string() + "' --jsonl");
  EXPECT_EQ(run.exit_code, 3) << run.output;
  EXPECT_NE(run.output.find("python3-jsonschema"), std::string::npos)
      << run.output;
}

}  // namespace

// `extract` and `merge` at the command line: shards of any split of the
// inputs merge into the folder `build` writes, byte for byte, and a
// damaged shard changes nothing.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli_fixture.h"

namespace {

namespace fs = std::filesystem;
using policygraph::testing::Cli;
using policygraph::testing::FileNames;
using policygraph::testing::FolderDifferences;
using policygraph::testing::ReadFile;
using policygraph::testing::ToolRun;

const std::string kCorpus = PG_CORPUS_DIR;

// Every file of the bundled corpus, by its path as a folder walk gives it.
std::string CorpusFile(const std::string& name) { return kCorpus + "/" + name; }

class Shards : public Cli {
 protected:
  // Runs `args`, expecting exit code 0.
  void Ok(const std::string& args) {
    ToolRun r = Tool(args);
    ASSERT_EQ(r.exit_code, 0) << args << "\n" << r.err;
  }
  void ExpectSameFolder(const std::string& got, const std::string& want) {
    ASSERT_TRUE(fs::is_directory(dir_ / got)) << got;
    EXPECT_EQ(FileNames(dir_ / want).size(), 10u);
    for (const std::string& difference :
         FolderDifferences(dir_ / got, dir_ / want))
      ADD_FAILURE() << got << "/" << difference;
  }
};

TEST_F(Shards, MergeOfThreePartsIsBuildByteForByte) {
  Ok("build -q -o built");
  for (const char* part : {"1/3", "2/3", "3/3"})
    Ok(std::string("extract -q --part ") + part + " -o shards/" +
       std::string(1, part[0]) + ".jsonl");
  // Any order of the shards gives the same folder.
  ToolRun merged =
      Tool("merge shards/3.jsonl shards/1.jsonl shards/2.jsonl -o merged");
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_NE(merged.err.find("5 files, 36 documents"), std::string::npos)
      << merged.err;
  ExpectSameFolder("merged", "built");
}

// merge reads its texts back from a temporary file in $TMPDIR; where it
// can make none, it keeps them in memory, says so, and writes the same.
TEST_F(Shards, MergeWithoutATemporaryFolderKeepsTheTextsAndTheBytes) {
  Ok("build -q -o built");
  Ok("extract -q -o all.jsonl");
  ToolRun merged = Tool("merge all.jsonl -o merged",
                        "TMPDIR=" + (dir_ / "no-such-folder").string());
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_NE(merged.err.find("warning: cannot make a temporary file in " +
                            (dir_ / "no-such-folder").string()),
            std::string::npos)
      << merged.err;
  EXPECT_NE(merged.err.find("the texts stay in memory"), std::string::npos)
      << merged.err;
  ExpectSameFolder("merged", "built");
  // With a folder, nothing is said about it, and nothing is left in it.
  fs::create_directories(dir_ / "tmp");
  ToolRun spilled =
      Tool("merge all.jsonl -o merged2", "TMPDIR=" + (dir_ / "tmp").string());
  ASSERT_EQ(spilled.exit_code, 0) << spilled.err;
  EXPECT_EQ(spilled.err.find("temporary"), std::string::npos) << spilled.err;
  EXPECT_TRUE(fs::is_empty(dir_ / "tmp"));
  ExpectSameFolder("merged2", "built");
}

TEST_F(Shards, MergeOfFileGroupsIsBuildOfTheirFolder) {
  Ok("build -q -o built '" + kCorpus + "'");
  // Two groups of the files, one file in both, and threads in one: the
  // file counts once and the bytes do not move.
  Ok("extract -q -j 2 -o a.jsonl '" +
     CorpusFile("hechuan-gazette-2023-01.txt") + "' '" +
     CorpusFile("cq-gazette-2022-14.txt") + "'");
  Ok("extract -q -j 1 -o b.jsonl '" + CorpusFile("cq-gazette-2022-14.txt") +
     "' '" + CorpusFile("cq-gazette-2023-05.txt") + "' '" +
     CorpusFile("cq-gazette-2024-06.txt") + "' '" +
     CorpusFile("cq-15th-five-year-plan-2026.txt") + "'");
  Ok("merge -q a.jsonl b.jsonl -o merged");
  ExpectSameFolder("merged", "built");
}

TEST_F(Shards, ExtractTeachesAndWritesToStandardOutput) {
  ToolRun r =
      Tool("extract -q -o - '" + CorpusFile("cq-gazette-2023-05.txt") + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("{\"format\":\"policygraph-shard\",\"version\":3,"
                        "\"part\":1,\"parts\":1,\"listed\":1,\"listing\":\"",
                        0),
            0u);
  EXPECT_NE(r.out.find("\n{\"type\":\"end\",\"files\":1,\"diagnostics\":0}\n"),
            std::string::npos);
  ToolRun help = Tool("extract --help");
  EXPECT_EQ(help.exit_code, 0);
  for (const char* word : {"--part", "merge shards/*.jsonl", "dask_build.py"})
    EXPECT_NE(help.out.find(word), std::string::npos) << word;
  help = Tool("merge --help");
  EXPECT_EQ(help.exit_code, 0);
  for (const char* word : {"byte for byte", "SHARD", "nothing is written"})
    EXPECT_NE(help.out.find(word), std::string::npos) << word;
}

TEST_F(Shards, AFailedInputTravelsInTheShardAsBuildReportsIt) {
  Write("scan.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  const std::string inputs =
      "scan.txt '" + CorpusFile("cq-gazette-2023-05.txt") + "'";
  ToolRun built = Tool("build -q -o built " + inputs);
  EXPECT_EQ(built.exit_code, 2);
  ToolRun extracted = Tool("extract -q -o s.jsonl " + inputs);
  EXPECT_EQ(extracted.exit_code, 2);
  EXPECT_NE(extracted.err.find("scan.txt: error:"), std::string::npos)
      << extracted.err;
  ToolRun merged = Tool("merge -q s.jsonl -o merged");
  EXPECT_EQ(merged.exit_code, 2);
  EXPECT_EQ(merged.err, built.err);
  ExpectSameFolder("merged", "built");
}

TEST_F(Shards, DamagedShardIsAnErrorNamingItsLineAndChangesNothing) {
  Ok("extract -q --part 1/2 -o good.jsonl");
  Ok("extract -q --part 2/2 -o part2.jsonl");
  const std::string part2 = ReadFile(dir_ / "part2.jsonl");
  const size_t second_line = part2.find('\n') + 1;
  struct Case {
    const char* what;
    std::string bytes;
    const char* where;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"truncated", part2.substr(0, part2.size() - 200),
       "bad.jsonl:3:", "truncated"},
      {"another version",
       "{\"format\":\"policygraph-shard\",\"version\":99}\n" +
           part2.substr(second_line),
       "bad.jsonl:1:", "shard format version 99"},
      {"not JSON", part2.substr(0, second_line) + "PK\x03\x04 zip?\n",
       "bad.jsonl:2:", "not a JSON record"},
  };
  fs::create_directories(dir_ / "out");
  Write("out/graph.json", "the previous run");
  for (const Case& c : cases) {
    Write("bad.jsonl", c.bytes);
    ToolRun r = Tool("merge good.jsonl bad.jsonl -o out");
    EXPECT_EQ(r.exit_code, 2) << c.what;
    EXPECT_NE(r.err.find(std::string(c.where) + " error: "), std::string::npos)
        << c.what << ": " << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.what << r.err;
    EXPECT_NE(r.err.find("nothing written"), std::string::npos) << r.err;
    EXPECT_EQ(FileNames(dir_ / "out"), std::set<std::string>{"graph.json"});
    EXPECT_EQ(ReadFile(dir_ / "out" / "graph.json"), "the previous run");
    // A folder that did not exist is not made.
    EXPECT_EQ(Tool("merge bad.jsonl -o new").exit_code, 2);
    EXPECT_FALSE(fs::exists(dir_ / "new")) << c.what;
  }
  ToolRun missing = Tool("merge no-such.jsonl -o out");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no-such.jsonl: error:"), std::string::npos)
      << missing.err;
}

TEST_F(Shards, SplitWithAPartMissingOrTwiceIsRefusedAndChangesNothing) {
  for (const char* part : {"1/3", "2/3", "3/3"})
    Ok(std::string("extract -q --part ") + part + " -o " +
       std::string(1, part[0]) + ".jsonl");
  fs::create_directories(dir_ / "out");
  Write("out/graph.json", "the previous run");
  ToolRun missing = Tool("merge 1.jsonl 3.jsonl -o out");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("policygraph: error: the extract 1.jsonl belongs "
                             "to (5 files in 3 parts) lacks part 2/3"),
            std::string::npos)
      << missing.err;
  ToolRun twice = Tool("merge 1.jsonl 2.jsonl 2.jsonl 3.jsonl -o out");
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_NE(twice.err.find("part 2/3 is given twice (2.jsonl and 2.jsonl)"),
            std::string::npos)
      << twice.err;
  EXPECT_NE(twice.err.find("nothing written"), std::string::npos);
  EXPECT_EQ(FileNames(dir_ / "out"), std::set<std::string>{"graph.json"});
  EXPECT_EQ(ReadFile(dir_ / "out" / "graph.json"), "the previous run");
  // A part split another way cannot complete this split either.
  Ok("extract -q --part 2/2 -o other.jsonl");
  ToolRun mixed = Tool("merge 1.jsonl 2.jsonl 3.jsonl other.jsonl -o new");
  EXPECT_EQ(mixed.exit_code, 2);
  EXPECT_NE(mixed.err.find("other.jsonl is part 2 of 2 of a listing another "
                           "shard splits in 3 parts"),
            std::string::npos)
      << mixed.err;
  EXPECT_FALSE(fs::exists(dir_ / "new"));
}

TEST_F(Shards, UsageErrorsExitTwo) {
  for (const char* part : {"0/2", "3/2", "x", "1/0", "1/2/3"}) {
    ToolRun r = Tool(std::string("extract -o s.jsonl --part ") + part);
    EXPECT_EQ(r.exit_code, 2) << part;
    EXPECT_NE(r.err.find("--part"), std::string::npos) << part << r.err;
  }
  EXPECT_FALSE(fs::exists(dir_ / "s.jsonl"));
  EXPECT_EQ(Tool("extract").exit_code, 2);        // no -o
  EXPECT_EQ(Tool("merge -o out").exit_code, 2);   // no shard
  EXPECT_EQ(Tool("merge s.jsonl").exit_code, 2);  // no -o
  EXPECT_EQ(Tool("merge --max-file-size 1M s.jsonl -o out").exit_code, 2);
}

}  // namespace

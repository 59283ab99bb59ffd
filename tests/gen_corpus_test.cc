// The corpus generator (tools/gen_corpus): deterministic, on size, and read
// back by the real pipeline as what it says it wrote.  Sizes stay at a few
// MB so the suite stays fast; throughput is measured outside the tests.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "policygraph/counterpart.h"
#include "policygraph/graph.h"
#include "policygraph/pipeline.h"

#include "gen_corpus/generator.h"
#include "gen_corpus/material.h"
#include "gen_corpus/noise.h"
#include "gen_corpus/paraphrase.h"
#include "gen_corpus/random.h"
#include "gen_material.h"

namespace policygraph::gen {
namespace {

namespace fs = std::filesystem;

// Generates into memory: file name → text.
std::map<std::string, std::string> Generate(uint64_t bytes, uint64_t seed,
                                            Manifest& manifest) {
  std::map<std::string, std::string> files;
  GenerateOptions options;
  options.target_bytes = bytes;
  options.seed = seed;
  EXPECT_TRUE(GenerateCorpus(
      options, BundledMaterial(),
      [&](const std::string& name, std::string_view t) {
        files[name] = std::string(t);
        return true;
      },
      manifest));
  return files;
}

TEST(GenCorpusMaterial, HarvestsTasksTopicsAndProseFromTheBundledTexts) {
  const Material& m = BundledMaterial();
  EXPECT_GT(m.tasks.size(), 500u);
  EXPECT_GT(m.topics.size(), 200u);
  EXPECT_GT(m.prose.size(), 500u);
  for (const std::string& t : m.tasks)
    ASSERT_EQ(t.find("《"), std::string::npos) << t;
}

TEST(GenCorpusMaterial, FailsOnAFolderWithoutTexts) {
  Material m;
  std::string error;
  EXPECT_FALSE(HarvestMaterial({PG_TEST_DATA "/no-such-folder"}, m, error));
  EXPECT_FALSE(error.empty());
}

TEST(GenCorpusRandom, ZipfFavoursLowRanks) {
  Random random(5);
  ZipfTable zipf(100);
  std::vector<int> hits(100);
  for (int i = 0; i < 20000; ++i) ++hits[zipf.Sample(random, 100)];
  EXPECT_GT(hits[0], hits[1]);
  EXPECT_GT(hits[1], hits[10]);
  EXPECT_GT(hits[0], 20000 / 10);  // 1/H(100) ≈ 19%
}

TEST(GenCorpusNoise, BreaksBetweenIdeographsOnlyAndKeepsTheText) {
  std::string para =
      "此次整治范围为全市已建成投用的高层公共建筑和高层住宅建筑，重点整治消防"
      "设施方面、生命通道方面、用电用气方面和日常管理方面存在的突出问题。";
  NoiseRates always{100, 100, 0};
  Random random(1);
  std::string out;
  AppendParagraph(para, always, random, out);
  ASSERT_NE(out.find("\n\n"), out.size() - 2) << out;
  std::string joined;
  for (char c : out)
    if (c != '\n' && c != ' ') joined += c;
  EXPECT_EQ(joined, para);
}

TEST(GenCorpusNoise, SpacesDigitRunsLikeThePdf) {
  NoiseRates digits{0, 100, 0};
  Random random(1);
  std::string out;
  AppendParagraph("合川府发〔2023〕2号，2023年3月15日印发。", digits, random,
                  out);
  EXPECT_EQ(out, "合川府发〔2023〕2 号，2023 年 3 月 15 日印发。\n\n");
}

TEST(GenCorpusParaphrase, LocalizesAndKeepsTheHeading) {
  Random random(2);
  std::string task =
      "加强人才队伍建设。依托全市重点项目引进高端研发机构，强化龙头企业与高校"
      "联合培养，鼓励高校定向培养专业人才。";
  std::string out = Paraphrase(task, 0, random);  // 万州区
  EXPECT_EQ(out.find("全市"), std::string::npos) << out;
  EXPECT_NE(out.find("全区"), std::string::npos) << out;
  EXPECT_NE(out.find("人才队伍建设。"), std::string::npos) << out;
  EXPECT_NE(out.find("高端研发机构"), std::string::npos) << out;
}

TEST(GenCorpus, SameSeedGivesSameBytesAndAnotherSeedOthers) {
  Manifest a, b, c;
  auto first = Generate(600 << 10, 7, a);
  auto again = Generate(600 << 10, 7, b);
  auto other = Generate(600 << 10, 8, c);
  EXPECT_EQ(first, again);
  EXPECT_NE(first, other);
  EXPECT_EQ(ManifestJson(a), ManifestJson(b));
}

TEST(GenCorpus, WritesTheRequestedSizeWithinFivePercent) {
  Manifest m;
  auto files = Generate(2 << 20, 1, m);
  uint64_t total = 0;
  for (const auto& [name, text] : files) total += text.size();
  EXPECT_EQ(total, m.bytes);
  EXPECT_EQ(files.size(), m.files);
  EXPECT_NEAR(static_cast<double>(total), 2.0 * (1 << 20), 0.05 * (2 << 20));
  EXPECT_GT(m.files, 4u);  // issues of a few hundred KB, not one blob
  EXPECT_EQ(files.begin()->first, "gazette-000001.txt");
}

// The point of the generator: the real pipeline reads back what it wrote.
class GeneratedCorpus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("pg-gen-corpus-" + std::to_string(::getpid())));
    fs::create_directories(*dir_);
    manifest_ = new Manifest();
    for (const auto& [name, text] : Generate(3 << 20, 11, *manifest_))
      std::ofstream(*dir_ / name, std::ios::binary) << text;
    corpus_ = new Corpus(LoadCorpus({dir_->string()}));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete corpus_;
    delete manifest_;
    delete dir_;
  }
  static fs::path* dir_;
  static Manifest* manifest_;
  static Corpus* corpus_;
};

fs::path* GeneratedCorpus::dir_ = nullptr;
Manifest* GeneratedCorpus::manifest_ = nullptr;
Corpus* GeneratedCorpus::corpus_ = nullptr;

TEST_F(GeneratedCorpus, SegmentsEveryDocumentItWrote) {
  size_t documents = 0, numbered = 0;
  for (const ParsedFile& f : corpus_->files) {
    documents += f.documents.size();
    for (const Document& d : f.documents)
      numbered += !d.doc_number.empty() || !d.decree_number.empty();
  }
  EXPECT_EQ(documents, manifest_->documents);
  EXPECT_EQ(numbered, manifest_->documents);
}

TEST_F(GeneratedCorpus, ReadsEveryRowOfTheAttachedTaskTables) {
  size_t rows = 0;
  for (const ParsedFile& f : corpus_->files)
    for (const DirectiveTree& tree : f.directives)
      for (const Directive& d : tree.nodes)
        rows += d.kind == DirectiveKind::kTaskRow && !d.lead_units.empty() &&
                !d.deadline.empty();
  EXPECT_GT(manifest_->task_rows, 0u);
  EXPECT_EQ(rows, manifest_->task_rows);
}

TEST_F(GeneratedCorpus, ReferencesResolveToGeneratedDocuments) {
  size_t to_documents = 0, to_externals = 0;
  for (const ParsedFile& f : corpus_->files)
    for (const Reference& r : f.references) {
      if (r.self) continue;
      if (r.target_kind == "document") ++to_documents;
      if (r.target_kind == "external") ++to_externals;
    }
  EXPECT_GE(to_documents, manifest_->internal_references * 95 / 100);
  EXPECT_LE(to_documents, manifest_->internal_references);
  EXPECT_LE(to_externals, manifest_->external_references +
                              manifest_->internal_references * 5 / 100);
}

TEST_F(GeneratedCorpus, FindsCounterpartsImplementersAndAlignedDirectives) {
  std::vector<CoverageReport> coverage;
  PolicyGraph graph = BuildGraph(*corpus_, &coverage);
  size_t counterparts = 0, implements = 0, aligned = 0;
  for (const PolicyGraph::EdgeRef& e : graph.Edges()) {
    counterparts += e.edge->relation == Relation::kCounterpart;
    implements += e.edge->relation == Relation::kImplements;
    aligned += e.edge->relation == Relation::kAligned;
  }
  // Most, with room: the generator localizes titles in more ways than
  // CoreTitle is sure to undo (this corpus happens to pair every one).
  EXPECT_GE(counterparts, manifest_->counterparts * 8 / 10);
  EXPECT_LE(counterparts, manifest_->counterparts);
  EXPECT_GE(implements, manifest_->implements * 9 / 10);
  EXPECT_GE(aligned, manifest_->paraphrased_directives / 2);
}

TEST_F(GeneratedCorpus, TopHubIsCitedByALargeShareOfDocuments) {
  EXPECT_GE(manifest_->top_hub_citations, manifest_->documents / 10);
  size_t citing = 0;
  for (const ParsedFile& f : corpus_->files)
    for (const Document& d : f.documents) {
      for (const Reference& r : f.references)
        if (r.doc == d.id && !r.self && r.target == manifest_->top_hub) {
          ++citing;
          break;
        }
    }
  EXPECT_EQ(citing, manifest_->top_hub_citations);
}

}  // namespace
}  // namespace policygraph::gen

// The two halves of LoadCorpus: ParseFiles per file, AssembleCorpus over
// any split of the files into batches.
#include "policygraph/pipeline.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "policygraph/format.h"

namespace policygraph {
namespace {

const Corpus& Loaded() {
  static const Corpus* corpus = new Corpus(LoadCorpus({PG_CORPUS_DIR}));
  return *corpus;
}

void ExpectSameCorpus(const Corpus& got, const Corpus& want) {
  ASSERT_EQ(got.files.size(), want.files.size());
  for (size_t i = 0; i < want.files.size(); ++i)
    EXPECT_TRUE(got.files[i] == want.files[i]) << want.files[i].source.path;
  EXPECT_TRUE(got.externals == want.externals);
  EXPECT_TRUE(got.diagnostics == want.diagnostics);
}

std::vector<FileBatch> Parts(const std::vector<std::string>& paths,
                             unsigned parts) {
  std::vector<FileBatch> batches;
  for (unsigned part = 0; part < parts; ++part) {
    LoadOptions options;
    options.part = part;
    options.parts = parts;
    batches.push_back(ParseFiles(paths, options));
  }
  return batches;
}

// What `refs` and `documents` load: every document, reference, external
// and diagnostic as a whole load gives them, each tree emptied of its nodes
// but kept, with its document id, diagnostics and node count, beside its
// document; and the documents' JSON and table count the same directives.
TEST(Pipeline, DroppingTreesKeepsEverythingElse) {
  LoadOptions options;
  options.drop_trees = true;
  options.jobs = 2;
  const Corpus got = LoadCorpus({PG_CORPUS_DIR}, options);
  const Corpus& want = Loaded();
  ASSERT_EQ(got.files.size(), want.files.size());
  size_t nodes = 0;
  for (size_t i = 0; i < want.files.size(); ++i) {
    const ParsedFile& a = want.files[i];
    const ParsedFile& b = got.files[i];
    EXPECT_TRUE(b.source == a.source) << a.source.path;
    EXPECT_TRUE(b.documents == a.documents) << a.source.path;
    EXPECT_TRUE(b.references == a.references) << a.source.path;
    ASSERT_EQ(b.directives.size(), a.directives.size()) << a.source.path;
    for (size_t d = 0; d < a.directives.size(); ++d) {
      EXPECT_TRUE(b.directives[d].nodes.empty());
      EXPECT_EQ(b.directives[d].dropped_nodes, a.directives[d].nodes.size());
      EXPECT_EQ(a.directives[d].dropped_nodes, 0u);
      EXPECT_EQ(b.directives[d].document_id, a.directives[d].document_id);
      EXPECT_TRUE(b.directives[d].diagnostics == a.directives[d].diagnostics);
      nodes += a.directives[d].nodes.size();
    }
  }
  EXPECT_GT(nodes, 1000u);  // there were trees to drop
  EXPECT_EQ(DocumentsToJson(got), DocumentsToJson(want));
  EXPECT_EQ(FormatDocumentsTable(got), FormatDocumentsTable(want));
  EXPECT_TRUE(got.externals == want.externals);
  EXPECT_TRUE(got.diagnostics == want.diagnostics);
}

TEST(Pipeline, PartsSplitTheSortedFilesRoundRobin) {
  std::vector<FileBatch> parts = Parts({PG_CORPUS_DIR}, 2);
  ASSERT_EQ(parts[0].files.size(), 3u);
  ASSERT_EQ(parts[1].files.size(), 2u);
  const FileBatch all = ParseFiles({PG_CORPUS_DIR});
  ASSERT_EQ(all.files.size(), 5u);
  for (size_t i = 0; i < all.files.size(); ++i)
    EXPECT_TRUE(parts[i % 2].files[i / 2] == all.files[i]) << i;
}

TEST(Pipeline, AssemblingPartsInAnyOrderGivesLoadCorpus) {
  std::vector<FileBatch> parts = Parts({PG_CORPUS_DIR}, 3);
  std::swap(parts.front(), parts.back());
  ExpectSameCorpus(AssembleCorpus(std::move(parts)), Loaded());
}

TEST(Pipeline, AFileInTwoBatchesCountsOnceAsAPathGivenTwiceDoes) {
  std::vector<FileBatch> batches = Parts({PG_CORPUS_DIR}, 2);
  batches.push_back(ParseFiles({PG_CORPUS_DIR}));
  ExpectSameCorpus(AssembleCorpus(std::move(batches)), Loaded());
}

TEST(Pipeline, ListingDiagnosticsGoWithTheFirstPartOnly) {
  const std::vector<std::string> paths = {PG_CORPUS_DIR, "no-such-folder"};
  std::vector<FileBatch> parts = Parts(paths, 2);
  ASSERT_EQ(parts[0].diagnostics.size(), 1u);
  EXPECT_EQ(parts[0].diagnostics[0].code, "missing-path");
  EXPECT_TRUE(parts[1].diagnostics.empty());
  // Merged, the diagnostics come in the order LoadCorpus gives them.
  Corpus whole = LoadCorpus(paths);
  ExpectSameCorpus(AssembleCorpus(std::move(parts)), whole);
  ASSERT_FALSE(whole.diagnostics.empty());
  EXPECT_EQ(whole.diagnostics.front().code, "missing-path");
}

TEST(Pipeline, MorePartsThanFilesLeavesSomeEmpty) {
  std::vector<FileBatch> parts = Parts({PG_CORPUS_DIR}, 7);
  EXPECT_TRUE(parts[5].files.empty());
  EXPECT_TRUE(parts[6].files.empty());
  ExpectSameCorpus(AssembleCorpus(std::move(parts)), Loaded());
}

// What extract streams is what ParseFiles holds: the same listing, and every
// file once, in order, across windows of files (five files, four a window
// on one thread) and within one (two threads).
TEST(Pipeline, ParsingInOrderHandsOverWhatParseFilesHolds) {
  const std::vector<std::string> paths = {PG_CORPUS_DIR, "no-such-folder"};
  for (unsigned jobs : {1u, 2u}) {
    for (unsigned part : {0u, 1u}) {
      LoadOptions options;
      options.jobs = jobs;
      options.part = part;
      options.parts = part + 1;
      SCOPED_TRACE("jobs " + std::to_string(jobs) + ", part " +
                   std::to_string(part));
      const FileBatch whole = ParseFiles(paths, options);
      FileBatch streamed = ListBatch(paths, options);
      std::vector<std::string> listed;
      for (const FileResult& file : streamed.files) {
        EXPECT_FALSE(file.parsed.has_value());
        listed.push_back(file.input);
      }
      std::vector<FileResult> handed;
      ParseBatchInOrder(streamed, options,
                        [&](FileResult& file) { handed.push_back(file); });
      streamed.files = std::move(handed);
      EXPECT_TRUE(streamed == whole);
      ASSERT_EQ(streamed.files.size(), listed.size());
      for (size_t i = 0; i < listed.size(); ++i)
        EXPECT_EQ(streamed.files[i].input, listed[i]);
    }
  }
}

}  // namespace
}  // namespace policygraph

// End to end over the whole bundled corpus, checked against the
// hand-annotated document lists in tests/data/gold (copied from the
// development annotations) and against the gazettes' own contents pages.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unicode/ucnv.h>

#include "policygraph/fold.h"
#include "policygraph/format.h"
#include "policygraph/pipeline.h"

namespace policygraph {
namespace {

namespace fs = std::filesystem;

const Corpus& BundledCorpus() {
  static const Corpus* corpus = new Corpus(LoadCorpus({PG_CORPUS_DIR}));
  return *corpus;
}

const ParsedFile* FileNamed(const Corpus& corpus, const std::string& name) {
  for (const ParsedFile& f : corpus.files)
    if (fs::path(f.source.path).filename() == name) return &f;
  return nullptr;
}

nlohmann::json ReadJson(const std::string& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

std::string Str(const nlohmann::json& v) {
  return v.is_null() ? "" : v.get<std::string>();
}

TEST(Corpus, FindsThirtySixDocumentsAndNothingElse) {
  const Corpus& corpus = BundledCorpus();
  ASSERT_EQ(corpus.files.size(), 5u);
  size_t documents = 0;
  for (const ParsedFile& f : corpus.files) documents += f.documents.size();
  EXPECT_EQ(documents, 36u);
  for (const Diagnostic& d : corpus.diagnostics)
    ADD_FAILURE() << FormatDiagnostic(d, nullptr);
}

TEST(Corpus, EveryContentsEntryHasItsDocument) {
  for (const ParsedFile& f : BundledCorpus().files) {
    if (f.toc.empty()) {
      EXPECT_EQ(f.documents.size(), 1u) << f.source.path;  // a lone document
      continue;
    }
    EXPECT_EQ(f.documents.size(), f.toc.size()) << f.source.path;
  }
}

TEST(Corpus, MatchesHandCheckedDocumentLists) {
  for (const char* name : {"cq-gazette-2023-05", "cq-gazette-2024-06"}) {
    nlohmann::json gold =
        ReadJson(std::string(PG_TEST_DATA) + "/gold/" + name + ".json");
    const ParsedFile* f =
        FileNamed(BundledCorpus(), std::string(name) + ".txt");
    ASSERT_NE(f, nullptr) << name;
    ASSERT_EQ(f->documents.size(), gold["documents"].size()) << name;
    for (size_t i = 0; i < f->documents.size(); ++i) {
      const Document& d = f->documents[i];
      const nlohmann::json& g = gold["documents"][i];
      SCOPED_TRACE(std::string(name) + " " + g["key"].get<std::string>());
      EXPECT_EQ(d.title, Str(g["title"]));
      EXPECT_EQ(d.attached_title, Str(g["attached_title"]));
      EXPECT_EQ(d.doc_number, Str(g["doc_number"]));
      EXPECT_EQ(d.decree_number, Str(g["decree_number"]));
      EXPECT_EQ(d.issuer, Str(g["issuer"]));
      EXPECT_EQ(d.date, Str(g["date"]));
      EXPECT_EQ(d.type, Str(g["type"]));
      EXPECT_EQ(LevelName(d.level), Str(g["level"]));
      EXPECT_EQ(d.first_line, g["first_line"].get<uint32_t>());
      EXPECT_EQ(d.last_line, g["last_line"].get<uint32_t>());
    }
  }
}

// Every document starts at its header and ends before the next one, and the
// number printed under its title is the number in its id.
TEST(Corpus, DocumentSpansAreOrderedAndNumbersComeFromTheHeader) {
  for (const ParsedFile& f : BundledCorpus().files) {
    uint32_t previous_last = 0;
    for (const Document& d : f.documents) {
      SCOPED_TRACE(f.source.path + " " + d.id);
      EXPECT_GT(d.first_line, previous_last);
      EXPECT_GE(d.last_line, d.header_last_line);
      previous_last = d.last_line;
      EXPECT_FALSE(d.date.empty());
      EXPECT_FALSE(d.issuer.empty());
      EXPECT_NE(d.level, Level::kUnknown);
      if (!d.doc_number.empty()) {
        std::string number_line;
        for (uint32_t n = d.first_line; n <= d.header_last_line; ++n)
          number_line += RemoveWhitespace(f.source.Line(n));
        std::string code = d.doc_number.substr(0, d.doc_number.find("〔"));
        EXPECT_NE(number_line.find(code), std::string::npos);
      }
    }
  }
}

const DirectiveTree& TreeOf(const std::string& id,
                            const Document** doc = nullptr) {
  const DirectiveTree* tree = nullptr;
  const Document* d = BundledCorpus().FindDocument(id, nullptr, &tree);
  EXPECT_NE(d, nullptr) << id;
  if (doc) *doc = d;
  static const DirectiveTree kEmpty;
  return tree ? *tree : kEmpty;
}

TEST(Corpus, SatelliteOpinionHasFivePartsAndFifteenDirectivesOnGoldLines) {
  const DirectiveTree& tree = TreeOf("渝府发〔2023〕7号");
  nlohmann::json gold =
      ReadJson(std::string(PG_TEST_DATA) + "/gold/directives.json");
  const nlohmann::json& parents = gold["pairs"][0]["parent_directives"];
  std::vector<const Directive*> parts, items;
  for (const Directive& d : tree.nodes) {
    if (d.kind == DirectiveKind::kItem && d.parent < 0) parts.push_back(&d);
    if (d.kind == DirectiveKind::kSubItem) items.push_back(&d);
  }
  EXPECT_EQ(parts.size(), 5u);
  ASSERT_EQ(items.size(), parents.size());
  for (size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(items[i]->label, parents[i]["id"].get<std::string>());
    EXPECT_EQ(items[i]->line, parents[i]["line"].get<uint32_t>());
    EXPECT_EQ(items[i]->heading, parents[i]["heading"].get<std::string>());
  }
}

TEST(Corpus, SatelliteActionPlanHasTheAnnotatedDirectives) {
  const DirectiveTree& tree = TreeOf("渝府办发〔2024〕22号");
  nlohmann::json gold =
      ReadJson(std::string(PG_TEST_DATA) + "/gold/directives.json");
  for (const nlohmann::json& g : gold["pairs"][0]["child_directives"]) {
    const std::string id = g["id"];
    const Directive* found = nullptr;
    for (const Directive& d : tree.nodes)
      if (d.id == id) found = &d;
    ASSERT_NE(found, nullptr) << id;
    EXPECT_EQ(found->line, g["line"].get<uint32_t>()) << id;
    EXPECT_EQ(found->heading, g["heading"].get<std::string>()) << id;
  }
}

// The task list of 渝府办发〔2024〕27号: every row of the text whose first
// cell is a number, with the lead unit and deadline of its own line.
TEST(Corpus, BusinessEnvironmentTaskTableYieldsEveryRow) {
  const Document* doc = nullptr;
  const DirectiveTree& tree = TreeOf("渝府办发〔2024〕27号", &doc);
  ASSERT_NE(doc, nullptr);
  const ParsedFile* f = FileNamed(BundledCorpus(), "cq-gazette-2024-06.txt");
  size_t expected_rows = 0;
  for (uint32_t n = doc->first_line; n <= doc->last_line; ++n) {
    std::string_view line = f->source.Line(n);
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) continue;
    std::string_view first = line.substr(0, tab);
    expected_rows +=
        first.find_first_not_of("0123456789") == std::string_view::npos;
  }
  std::vector<const Directive*> rows;
  for (const Directive& d : tree.nodes)
    if (d.kind == DirectiveKind::kTaskRow) rows.push_back(&d);
  EXPECT_EQ(expected_rows, 208u);
  ASSERT_EQ(rows.size(), expected_rows);
  for (const Directive* row : rows) {
    std::string_view line = f->source.Line(row->line);
    ASSERT_FALSE(row->lead_units.empty()) << row->id;
    EXPECT_NE(line.find(row->lead_units[0]), std::string_view::npos) << row->id;
    EXPECT_NE(line.find(row->deadline), std::string_view::npos) << row->id;
    EXPECT_TRUE(row->deadline.find("2024年") == 0 ||
                row->deadline.find("2025年") == 0 ||
                row->deadline.find("长期") == 0)
        << row->id << " " << row->deadline;
  }
  EXPECT_EQ(rows.front()->id, "附件.1");
  EXPECT_EQ(rows.back()->id, "附件.208");
}

std::string Gb18030(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  int32_t n = ucnv_convert("GB18030", "UTF-8", out.data(),
                           static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(n);
  return out;
}

TEST(Corpus, Gb18030CopyGivesTheSameDocuments) {
  const ParsedFile* original =
      FileNamed(BundledCorpus(), "cq-gazette-2023-05.txt");
  ASSERT_NE(original, nullptr);
  fs::path dir =
      fs::temp_directory_path() / ("pg-gb18030-" + std::to_string(getpid()));
  fs::create_directories(dir);
  fs::path copy = dir / "cq-gazette-2023-05.txt";
  std::ofstream(copy, std::ios::binary) << Gb18030(original->source.text);
  Corpus converted = LoadCorpus({copy.string()});
  fs::remove_all(dir);
  ASSERT_EQ(converted.files.size(), 1u);
  EXPECT_EQ(converted.files[0].source.encoding, "GB18030");
  ASSERT_EQ(converted.files[0].documents.size(), original->documents.size());
  for (size_t i = 0; i < original->documents.size(); ++i) {
    Json a = DocumentToJson(original->documents[i],
                            original->directives[i].nodes.size());
    Json b = DocumentToJson(converted.files[0].documents[i],
                            converted.files[0].directives[i].nodes.size());
    a.erase("file");
    b.erase("file");
    EXPECT_EQ(a, b);
  }
}

}  // namespace
}  // namespace policygraph

// Shards: what WriteShard writes ReadShard gives back field for field, and
// a damaged shard is an error naming its line.
#include "policygraph/shard.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "policygraph/decode.h"
#include "policygraph/pipeline.h"

namespace policygraph {
namespace {

// Which part of two batches differs, for a failure message that helps.
void ExpectSameBatch(const FileBatch& got, const FileBatch& want) {
  EXPECT_TRUE(got.diagnostics == want.diagnostics);
  ASSERT_EQ(got.files.size(), want.files.size());
  for (size_t i = 0; i < want.files.size(); ++i) {
    const FileResult& g = got.files[i];
    const FileResult& w = want.files[i];
    EXPECT_EQ(g.input, w.input);
    EXPECT_TRUE(g.diagnostics == w.diagnostics) << w.input;
    ASSERT_EQ(g.parsed.has_value(), w.parsed.has_value()) << w.input;
    if (!w.parsed) continue;
    EXPECT_TRUE(g.parsed->source == w.parsed->source) << w.input;
    EXPECT_TRUE(g.parsed->toc == w.parsed->toc) << w.input;
    EXPECT_TRUE(g.parsed->documents == w.parsed->documents) << w.input;
    EXPECT_TRUE(g.parsed->directives == w.parsed->directives) << w.input;
    EXPECT_TRUE(g.parsed->references == w.parsed->references) << w.input;
  }
  EXPECT_TRUE(got == want);
}

// `bytes` written to a file and read by ReadShardFile give what ReadShard
// gives of them: the same batch, or the same error.
void ExpectFileReadsAsBytes(const std::string& bytes, const std::string& what) {
  const std::string path = ::testing::TempDir() + "/shard-file-test.jsonl";
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  const ShardResult got = ReadShardFile(path);
  const ShardResult want = ReadShard(bytes, path);
  std::filesystem::remove(path);
  EXPECT_EQ(got.ok, want.ok) << what;
  EXPECT_TRUE(got.error == want.error)
      << what << ": " << got.error.line << " " << got.error.message << " vs "
      << want.error.line << " " << want.error.message;
  if (want.ok) {
    EXPECT_TRUE(got.batch == want.batch) << what;
  }
}

FileBatch RoundTrip(const FileBatch& batch) {
  ShardResult read = ReadShard(WriteShard(batch), "test.jsonl");
  EXPECT_TRUE(read.ok) << read.error.line << ": " << read.error.message;
  return read.batch;
}

TEST(Shard, RoundTripOfTheBundledCorpus) {
  const FileBatch batch = ParseFiles({PG_CORPUS_DIR});
  ASSERT_EQ(batch.files.size(), 5u);
  ExpectSameBatch(RoundTrip(batch), batch);
}

TEST(Shard, EveryLineIsOneJsonObjectBetweenHeaderAndEnd) {
  const std::string shard = WriteShard(ParseFiles({PG_CORPUS_DIR}));
  std::vector<nlohmann::json> records;
  for (size_t pos = 0, end; (end = shard.find('\n', pos)) != shard.npos;
       pos = end + 1)
    records.push_back(nlohmann::json::parse(shard.substr(pos, end - pos)));
  ASSERT_EQ(records.size(), 7u);
  EXPECT_EQ(records[0], nlohmann::json({{"format", "policygraph-shard"},
                                        {"version", 3},
                                        {"part", 1},
                                        {"parts", 1},
                                        {"listed", 5},
                                        {"listing", records[0]["listing"]}}));
  EXPECT_EQ(records[0]["listing"].get<std::string>().size(), 16u);
  EXPECT_EQ(records[1]["type"], "file");
  EXPECT_EQ(
      records[6],
      nlohmann::json({{"type", "end"}, {"files", 5}, {"diagnostics", 0}}));
}

// A batch with every field away from its default, every enumerator kind
// used, a file name in GBK and a file that could not be read.
FileBatch Unusual() {
  FileBatch batch;
  batch.part = 2;  // 3/3
  batch.parts = 3;
  batch.listed = 7;
  batch.listing = "0123456789abcdef";
  batch.diagnostics.push_back(
      {Severity::kWarning, "empty/", 0, "no-texts", "folder holds no texts"});
  FileResult failed;
  failed.input = "scan.txt";
  failed.diagnostics.push_back(
      {Severity::kError, "scan.txt", 0, "binary-file", "binary"});
  batch.files.push_back(failed);

  FileResult file;
  file.input = "gazettes/\xB9\xAB\xB1\xA8.txt";  // 公报 in GBK
  ParsedFile parsed;
  parsed.source.path = "shown/\xB9\xAB\xB1\xA8.txt";
  parsed.source.encoding = "GB18030";
  parsed.source.text = "目录\n一、甲\n根据《乙》\n";
  IndexLines(parsed.source);
  parsed.toc.push_back({"甲", 1, 3});
  Document doc;
  doc.id = "渝府发〔2023〕7号";
  doc.title = "关于甲的通知";
  doc.attached_title = "甲方案";
  doc.doc_number = "渝府发〔2023〕7号";
  doc.decree_number = "重庆市人民政府令第1号";
  doc.issuer = "重庆市人民政府";
  doc.date = "2023-02-28";
  doc.type = "通知";
  doc.level = Level::kDepartment;
  doc.file = parsed.source.path;
  doc.first_line = 1;
  doc.last_line = 3;
  doc.header_last_line = 2;
  parsed.documents.push_back(doc);
  DirectiveTree tree;
  tree.document_id = doc.id;
  tree.diagnostics.push_back(
      {Severity::kNote, doc.file, 2, "odd-numbering", "note \"quoted\"\t"});
  Directive root;
  root.id = "一";
  root.label = "一、";
  root.heading = "甲";
  root.kind = DirectiveKind::kTaskRow;
  root.line = 2;
  root.last_line = 3;
  root.text = {7, 20};
  root.lead_units = {"市发展改革委", "\xFF"};
  root.deadline = "2024年6月";
  root.children = {1};
  Directive child = root;
  child.id = "一.1";
  child.kind = DirectiveKind::kAttachment;
  child.parent = 0;
  child.children = {};
  tree.nodes = {root, child};
  parsed.directives.push_back(tree);
  Reference ref;
  ref.file = doc.file;
  ref.line = 3;
  ref.span = {20, 9};
  ref.doc = doc.id;
  ref.directive = "一";
  ref.form = ReferenceForm::kAlias;
  ref.surface = "《乙》";
  ref.title = "乙";
  ref.doc_number = "GB/T35547—2017";
  ref.cue = "根据";
  ref.relation = Relation::kDrafts;
  ref.self = true;
  ref.alias_of = "乙全称";
  ref.alias = "乙";
  ref.issuer = "重庆市人民政府";
  ref.listed_title = "甲的通知";
  parsed.references.push_back(ref);
  file.parsed = parsed;
  file.diagnostics.push_back({Severity::kError, file.input, 2, "x", "y"});
  batch.files.push_back(file);
  return batch;
}

TEST(Shard, RoundTripKeepsEveryFieldAndBytesThatAreNotUtf8) {
  const FileBatch batch = Unusual();
  ExpectSameBatch(RoundTrip(batch), batch);
  EXPECT_NE(WriteShard(batch).find("{\"hex\":\"67617a65747465732fb9abb1a82e"),
            std::string::npos);
}

// Each line of `shard` is printed exactly as the JSON library the reader
// uses prints the same value: ordered, compact, UTF-8 as it is, only ",
// \ and the controls escaped.  An escape too many or too few fails here.
void ExpectLinesAsTheLibraryPrintsThem(const std::string& shard,
                                       const std::string& what) {
  size_t lines = 0;
  for (size_t pos = 0, end; (end = shard.find('\n', pos)) != shard.npos;
       pos = end + 1, ++lines) {
    const std::string line = shard.substr(pos, end - pos);
    EXPECT_EQ(nlohmann::ordered_json::parse(line).dump(), line)
        << what << ", line " << lines + 1;
  }
  EXPECT_GT(lines, 2u) << what;
}

TEST(Shard, LinesAreWhatTheJsonLibraryPrints) {
  ExpectLinesAsTheLibraryPrintsThem(WriteShard(ParseFiles({PG_CORPUS_DIR})),
                                    "bundled corpus");
  ExpectLinesAsTheLibraryPrintsThem(WriteShard(Unusual()), "unusual batch");
  // Every byte to escape, and some not to, at 40 offsets, twice in a
  // string (in a title: a source text may hold neither CR nor NUL).
  FileBatch batch = Unusual();
  Document& doc = batch.files[1].parsed->documents[0];
  const std::string specials[] = {
      "\"", "\\", "\n",   "\t",   "\r",
      "\b", "\f", "\x01", "\x1f", "\x7f",
      " ",  "公", "\\u",  "\"\"", std::string(1, '\0')};
  for (const std::string& special : specials) {
    for (size_t at = 0; at < 40; ++at) {
      doc.title = std::string(at, 'a') + special + "一二三四五六七" + special +
                  std::string(at % 7, 'b');
      const std::string shard = WriteShard(batch);
      ExpectLinesAsTheLibraryPrintsThem(shard, "offset " + std::to_string(at));
      const ShardResult read = ReadShard(shard, "test.jsonl");
      ASSERT_TRUE(read.ok) << read.error.message;
      EXPECT_EQ(read.batch.files[1].parsed->documents[0].title, doc.title)
          << "offset " << at;
    }
  }
}

TEST(Shard, ResolveFieldsAreNotCarried) {
  FileBatch batch = Unusual();
  Reference& ref = batch.files[1].parsed->references[0];
  ref.target = "渝府发〔2023〕7号";
  ref.target_kind = "document";
  ref.tier = "number";
  ref.score = 1;
  const FileBatch read = RoundTrip(batch);
  const Reference& back = read.files[1].parsed->references[0];
  EXPECT_EQ(back.target, "");
  EXPECT_EQ(back.tier, "");
  EXPECT_EQ(back.score, 0);
}

TEST(Shard, PartsOfOneListingShareItsFingerprint) {
  std::vector<FileBatch> parts;
  for (unsigned k = 0; k < 3; ++k) {
    LoadOptions options;
    options.part = k;
    options.parts = 3;
    parts.push_back(ParseFiles({PG_CORPUS_DIR}, options));
    EXPECT_EQ(parts.back().part, k);
    EXPECT_EQ(parts.back().parts, 3u);
    EXPECT_EQ(parts.back().listed, 5u);
    EXPECT_EQ(parts.back().listing, parts.front().listing);
  }
  EXPECT_EQ(
      parts[0].files.size() + parts[1].files.size() + parts[2].files.size(),
      5u);
  EXPECT_NE(ParseFiles({std::string(PG_CORPUS_DIR) + "/cq-gazette-2023-05.txt"})
                .listing,
            parts.front().listing);
  EXPECT_EQ(ListingFingerprint({"a", "b"}), ListingFingerprint({"a", "b"}));
  EXPECT_NE(ListingFingerprint({"a", "b"}), ListingFingerprint({"ab"}));
}

FileBatch Part(unsigned k, unsigned n, const std::string& listing) {
  FileBatch batch;
  batch.part = k - 1;
  batch.parts = n;
  batch.listed = 9;
  batch.listing = listing;
  return batch;
}

TEST(Shard, MergeNeedsEveryPartOfASplitOnce) {
  const std::vector<std::string> names = {"a.jsonl", "b.jsonl", "c.jsonl",
                                          "d.jsonl"};
  // Complete splits, in any order, beside whole listings of other files.
  EXPECT_EQ(CheckShardParts({Part(2, 2, "L"), Part(1, 2, "L"), Part(1, 1, "M"),
                             Part(1, 1, "N")},
                            names),
            "");
  EXPECT_EQ(CheckShardParts({}, {}), "");
  EXPECT_EQ(CheckShardParts({Part(1, 3, "L"), Part(3, 3, "L")}, names),
            "the extract a.jsonl belongs to (9 files in 3 parts) lacks part "
            "2/3; merge every part, or extract the missing ones with --part");
  EXPECT_NE(
      CheckShardParts({Part(2, 3, "L")}, names).find("lacks part 1/3, 3/3;"),
      std::string::npos);
  EXPECT_EQ(CheckShardParts({Part(1, 2, "L"), Part(2, 2, "L"), Part(2, 2, "L")},
                            names),
            "part 2/2 is given twice (b.jsonl and c.jsonl)");
  EXPECT_NE(CheckShardParts({Part(1, 2, "L"), Part(2, 3, "L")}, names)
                .find("b.jsonl is part 2 of 3 of a listing another shard "
                      "splits in 2 parts"),
            std::string::npos);
  // Two splits of different listings are checked apart.
  EXPECT_NE(CheckShardParts({Part(1, 2, "L"), Part(2, 2, "L"), Part(1, 2, "M")},
                            names)
                .find("c.jsonl belongs to (9 files in 2 parts) lacks part 2/2"),
            std::string::npos);
}

TEST(Shard, EmptyBatchIsHeaderAndEnd) {
  EXPECT_EQ(WriteShard(FileBatch()),
            "{\"format\":\"policygraph-shard\",\"version\":3,\"part\":1,"
            "\"parts\":1,\"listed\":0,\"listing\":\"\"}\n"
            "{\"type\":\"end\",\"files\":0,\"diagnostics\":0}\n");
  ExpectSameBatch(RoundTrip(FileBatch()), FileBatch());
}

// ---------------------------------------------------------------------------
// Damaged shards

std::vector<std::string> Lines(const std::string& shard) {
  std::vector<std::string> lines;
  for (size_t pos = 0, end; (end = shard.find('\n', pos)) != shard.npos;
       pos = end + 1)
    lines.push_back(shard.substr(pos, end - pos));
  return lines;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

// The Unusual() shard with line `n` (1-based) passed through `edit`.
std::string EditRecord(size_t n, std::function<void(nlohmann::json&)> edit) {
  std::vector<std::string> lines = Lines(WriteShard(Unusual()));
  nlohmann::json record = nlohmann::json::parse(lines.at(n - 1));
  edit(record);
  lines[n - 1] = record.dump();
  return Join(lines);
}

struct Damage {
  const char* what;
  std::string shard;
  uint32_t line;
  const char* message;  // a part of the error message
};

TEST(Shard, DamageIsAnErrorNamingTheShardAndLine) {
  const std::string good = WriteShard(Unusual());
  std::vector<std::string> lines = Lines(good);
  ASSERT_EQ(lines.size(), 5u);  // header, diagnostic, 2 files, end
  auto without_last = lines;
  without_last.pop_back();
  auto garbled = lines;
  garbled[2] = "{\"type\":\"file\",\"inp";
  auto after_end = lines;
  after_end.push_back(lines[1]);
  const std::vector<Damage> cases = {
      {"cut inside a record", good.substr(0, good.size() - 100), 4,
       "truncated: the last line has no line end"},
      {"cut at a line end", Join(without_last), 4, "truncated: no end record"},
      {"empty", "", 0, "empty file"},
      {"a damaged line", Join(garbled), 3, "not a JSON record"},
      {"another format version",
       EditRecord(1, [](nlohmann::json& r) { r["version"] = 1; }), 1,
       "shard format version 1, but this policygraph reads version 3"},
      {"part zero", EditRecord(1, [](nlohmann::json& r) { r["part"] = 0; }), 1,
       "\"part\" and \"parts\" must be K and N with 1 <= K <= N"},
      {"a part past the parts",
       EditRecord(1, [](nlohmann::json& r) { r["part"] = 4; }), 1,
       "1 <= K <= N"},
      {"no listing",
       EditRecord(1, [](nlohmann::json& r) { r.erase("listing"); }), 1,
       "\"listing\" a fingerprint"},
      {"no shard at all", "{\"hello\":1}\n", 1, "not a policygraph shard"},
      {"plain text", "hello\n", 1, "not a JSON record"},
      {"a record after the end", Join(after_end), 6,
       "a record after the end record"},
      {"counts that disagree",
       EditRecord(5, [](nlohmann::json& r) { r["files"] = 3; }), 5,
       "end: counts 3 files and 1 diagnostics, the shard holds 2 and 1"},
      {"an unknown record",
       EditRecord(2, [](nlohmann::json& r) { r["type"] = "x"; }), 2,
       "unknown record type 'x'"},
      {"a missing field",
       EditRecord(4,
                  [](nlohmann::json& r) {
                    r["parsed"]["documents"][0].erase("date");
                  }),
       4, "parsed.documents[0].date: missing"},
      {"a field of the wrong type",
       EditRecord(4,
                  [](nlohmann::json& r) {
                    r["parsed"]["references"][0]["line"] = "3";
                  }),
       4, "parsed.references[0].line: expected a whole number"},
      {"an unknown enumerator",
       EditRecord(4,
                  [](nlohmann::json& r) {
                    r["parsed"]["directives"][0]["nodes"][1]["kind"] = "para";
                  }),
       4, "parsed.directives[0].nodes[1].kind: unknown name 'para'"},
      {"a span past the text",
       EditRecord(4,
                  [](nlohmann::json& r) {
                    r["parsed"]["references"][0]["span"] = {40, 1};
                  }),
       4, "parsed.references[0].span: span [40, 1] runs past the text"},
      {"a parent link that loops",
       EditRecord(4,
                  [](nlohmann::json& r) {
                    r["parsed"]["directives"][0]["nodes"][0]["parent"] = 1;
                  }),
       4, "nodes[0].parent: not an earlier node"},
      {"a child out of the tree",
       EditRecord(4,
                  [](nlohmann::json& r) {
                    r["parsed"]["directives"][0]["nodes"][0]["children"] = {9};
                  }),
       4, "nodes[0].children: not a later node"},
      {"trees and documents that disagree",
       EditRecord(4,
                  [](nlohmann::json& r) {
                    r["parsed"]["directives"] = nlohmann::json::array();
                  }),
       4, "one tree per document expected"},
      {"a text with CR",
       EditRecord(
           4,
           [](nlohmann::json& r) { r["parsed"]["source"]["text"] = "a\r\n"; }),
       4, "not a decoded text"},
      {"bad hex",
       EditRecord(4,
                  [](nlohmann::json& r) {
                    r["input"] = {{"hex", "zz"}};
                  }),
       4, "input: not a lowercase hex digit"},
  };
  for (const Damage& d : cases) {
    ShardResult r = ReadShard(d.shard, "shards/1.jsonl");
    ExpectFileReadsAsBytes(d.shard, d.what);
    EXPECT_FALSE(r.ok) << d.what;
    EXPECT_EQ(r.error.file, "shards/1.jsonl") << d.what;
    EXPECT_EQ(r.error.line, d.line) << d.what << ": " << r.error.message;
    EXPECT_EQ(r.error.severity, Severity::kError) << d.what;
    EXPECT_NE(r.error.message.find(d.message), std::string::npos)
        << d.what << ": " << r.error.message;
  }
}

// A shard read from its file line by line, 64 KiB at a time, is read as
// the same bytes in memory are: whole, and cut anywhere, lines of the
// bundled texts running across many chunks.
TEST(Shard, ReadingTheFileIsReadingItsBytes) {
  const std::string good = WriteShard(ParseFiles({PG_CORPUS_DIR}));
  ASSERT_GT(good.size(), 4u << 16);
  ExpectFileReadsAsBytes(good, "whole");
  for (size_t cut = 1; cut < good.size(); cut += 40'009)
    ExpectFileReadsAsBytes(good.substr(0, cut),
                           "cut at " + std::to_string(cut));
}

TEST(Shard, UnreadableFileIsAnErrorNamingIt) {
  ShardResult r = ReadShardFile("no-such-shard.jsonl");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error.file, "no-such-shard.jsonl");
  EXPECT_EQ(r.error.severity, Severity::kError);
}

}  // namespace
}  // namespace policygraph

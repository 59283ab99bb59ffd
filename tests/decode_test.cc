#include "policygraph/decode.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#ifndef PG_CORPUS_DIR
#define PG_CORPUS_DIR "corpus/chongqing"
#endif

namespace policygraph {
namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;

constexpr char kGazette[] = PG_CORPUS_DIR "/cq-gazette-2023-05.txt";
// A real line of the 2023 No.5 gazette: the promulgation of a regulation.
constexpr char kGazetteLinePrefix[] = "《重庆市巡游出租汽车客运管理办法》已经";

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string FindLine(const std::string& text, std::string_view prefix) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with(prefix)) return line;
  }
  return "";
}

// Test data is made with ICU's own converter, so the decoder is checked
// against an independent encoder rather than against itself.
std::string ToGb18030(const std::string& utf8) {
  const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(utf8);
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open("GB18030", &status);
  EXPECT_TRUE(U_SUCCESS(status));
  std::string bytes(unicode.length() * 4 + 1, '\0');
  status = U_ZERO_ERROR;
  const int32_t length = unicode.extract(
      bytes.data(), static_cast<int32_t>(bytes.size()), converter, status);
  ucnv_close(converter);
  EXPECT_TRUE(U_SUCCESS(status));
  bytes.resize(length);
  return bytes;
}

std::string ToUtf16WithBom(const std::string& utf8, bool big_endian) {
  const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(utf8);
  std::string bytes = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (int32_t i = 0; i < unicode.length(); ++i) {
    const char16_t unit = unicode.charAt(i);
    const char high = static_cast<char>(unit >> 8);
    const char low = static_cast<char>(unit & 0xFF);
    bytes += big_endian ? high : low;
    bytes += big_endian ? low : high;
  }
  return bytes;
}

// `text` with `piece` put in at byte `offset`.  (Not std::string::insert:
// g++ 12 -O2 reports a false -Wrestrict on it, GCC bug 105651.)
std::string Spliced(std::string_view text, size_t offset,
                    std::string_view piece) {
  std::string out(text.substr(0, offset));
  out += piece;
  out += text.substr(offset);
  return out;
}

bool IsValidUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  for (size_t i = 0; i < text.size();) {
    UChar32 c;
    U8_NEXT(bytes, i, text.size(), c);
    if (c < 0) return false;
  }
  return true;
}

// decode.h's invariants, checked on every successful decode.
void ExpectSourceInvariants(const SourceText& source) {
  EXPECT_TRUE(IsValidUtf8(source.text));
  EXPECT_EQ(source.text.find('\r'), std::string::npos);
  EXPECT_EQ(source.text.find('\0'), std::string::npos);
  EXPECT_FALSE(source.text.starts_with("\xEF\xBB\xBF"));
  const size_t newlines =
      std::count(source.text.begin(), source.text.end(), '\n');
  const bool open_last_line =
      !source.text.empty() && source.text.back() != '\n';
  EXPECT_EQ(source.LineCount(), newlines + (open_last_line ? 1 : 0));
}

struct DecodeCase {
  std::string name;
  std::string bytes;
  std::string text;
  std::string encoding;
};

TEST(Decode, DetectsEncodingAndNormalizesLineEnds) {
  const DecodeCase kCases[] = {
      {"empty", "", "", "UTF-8"},
      {"ascii", "GAZETTE\n", "GAZETTE\n", "UTF-8"},
      {"utf8", "渝府发〔2023〕7号\n", "渝府发〔2023〕7号\n", "UTF-8"},
      {"header example", "\xEF\xBB\xBF渝府发〔2023〕7号\r\n",
       "渝府发〔2023〕7号\n", "UTF-8 (BOM)"},
      {"bom only", "\xEF\xBB\xBF", "", "UTF-8 (BOM)"},
      {"crlf", "第一条\r\n第二条\r\n", "第一条\n第二条\n", "UTF-8"},
      {"lone cr", "第一条\r第二条\r", "第一条\n第二条\n", "UTF-8"},
      {"cr before crlf", "a\r\r\nb", "a\n\nb", "UTF-8"},
      {"no final line end", "一、\n总体要求", "一、\n总体要求", "UTF-8"},
      {"tab and form feed", "第1页\f\t第2页\n", "第1页\f\t第2页\n", "UTF-8"},
      {"gbk", "\xD6\xD0\xCE\xC4\r\n", "中文\n", "GB18030"},
      {"gb18030 four-byte", "\x81\x30\x84\x38 \x94\x39\xFC\x36\n", "© 😀\n",
       "GB18030"},
      {"utf16le",
       "\xFF\xFE"
       "A\0\r\0\n\0\x2D\x4E"s,
       "A\n中", "UTF-16LE"},
      {"utf16be",
       "\xFE\xFF"
       "\0A\0\r\x4E\x2D"s,
       "A\n中", "UTF-16BE"},
      {"utf16le surrogate pair",
       "\xFF\xFE"
       "\x3D\xD8\x00\xDE"s,
       "😀", "UTF-16LE"},
  };
  for (const DecodeCase& c : kCases) {
    SCOPED_TRACE(c.name);
    const DecodeResult result = DecodeText(c.bytes, "in.txt");
    ASSERT_TRUE(result.ok);
    EXPECT_EQ(result.source.text, c.text);
    EXPECT_EQ(result.source.encoding, c.encoding);
    EXPECT_EQ(result.source.path, "in.txt");
    EXPECT_TRUE(result.diagnostics.empty());
    ExpectSourceInvariants(result.source);
  }
}

TEST(Decode, AcceptsEmptyInputAsZeroLines) {
  const DecodeResult result = DecodeText("", "empty.txt");
  ASSERT_TRUE(result.ok);
  EXPECT_EQ(result.source.LineCount(), 0u);
  EXPECT_TRUE(result.diagnostics.empty());
}

TEST(Decode, ConvertsGb18030ToUtf8) {
  const std::string line =
      FindLine(ReadWholeFile(kGazette), kGazetteLinePrefix);
  ASSERT_FALSE(line.empty());
  const std::string bytes = ToGb18030(line + "\r\n");
  ASSERT_FALSE(IsValidUtf8(bytes));  // really re-encoded

  const DecodeResult result = DecodeText(bytes, "gb.txt");
  ASSERT_TRUE(result.ok);
  EXPECT_EQ(result.source.encoding, "GB18030");
  EXPECT_EQ(result.source.text, line + "\n");
  EXPECT_TRUE(result.diagnostics.empty());
}

TEST(Decode, RoundTripsWholeGazetteThroughGb18030AndUtf16) {
  const std::string gazette = ReadWholeFile(kGazette);
  ASSERT_FALSE(gazette.empty());
  const std::pair<std::string, std::string> kEncoded[] = {
      {"GB18030", ToGb18030(gazette)},
      {"UTF-16LE", ToUtf16WithBom(gazette, /*big_endian=*/false)},
      {"UTF-16BE", ToUtf16WithBom(gazette, /*big_endian=*/true)},
  };
  for (const auto& [encoding, bytes] : kEncoded) {
    SCOPED_TRACE(encoding);
    const DecodeResult result = DecodeText(bytes, "gazette.txt");
    ASSERT_TRUE(result.ok);
    EXPECT_EQ(result.source.encoding, encoding);
    EXPECT_EQ(result.source.text, gazette);
    EXPECT_TRUE(result.diagnostics.empty());
    EXPECT_TRUE(result.source.Line(56).starts_with(kGazetteLinePrefix));
  }
}

struct RepairCase {
  std::string bytes;
  std::string text;
  uint32_t line;
  std::string message;
};

TEST(Decode, ReplacesInvalidUtf8AndWarnsWithLine) {
  const RepairCase kCases[] = {
      {"第一行\n第二行\xFF"
       "结束\n",
       "第一行\n第二行\uFFFD结束\n", 2,
       "invalid UTF-8 byte 0xFF replaced by U+FFFD"},
      {"ok\r\nok\rbad \xC0\xAF\xFF", "ok\nok\nbad \uFFFD\uFFFD\uFFFD", 3,
       "invalid UTF-8 byte 0xC0 replaced by U+FFFD (2 more on this line)"},
      {"emoji \xF0\x9F\x98\n", "emoji \uFFFD\n", 1,
       "invalid UTF-8 sequence 0xF0 0x9F 0x98 replaced by U+FFFD"},
      {"\xEF\xBB\xBF"
       "surrogate \xED\xA0\x80",
       "surrogate \uFFFD\uFFFD\uFFFD", 1,
       "invalid UTF-8 byte 0xED replaced by U+FFFD (2 more on this line)"},
  };
  for (const RepairCase& c : kCases) {
    SCOPED_TRACE(c.text);
    const DecodeResult result = DecodeText(c.bytes, "bad.txt");
    ASSERT_TRUE(result.ok);
    EXPECT_EQ(result.source.encoding, "UTF-8 (repaired)");
    EXPECT_EQ(result.source.text, c.text);
    ExpectSourceInvariants(result.source);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    const Diagnostic& warning = result.diagnostics[0];
    EXPECT_EQ(warning.severity, Severity::kWarning);
    EXPECT_EQ(warning.file, "bad.txt");
    EXPECT_EQ(warning.line, c.line);
    EXPECT_EQ(warning.code, "invalid-utf8");
    EXPECT_EQ(warning.message, c.message);
  }
}

// Regression: UTF-8 Chinese parses as ~97% valid GB18030, so a gazette with
// one stray byte used to qualify as GB18030 and come out as mojibake.
TEST(Decode, KeepsUtf8GazetteWithOneStrayByteAsUtf8) {
  const std::string gazette = ReadWholeFile(kGazette);
  const size_t line_10 = [&] {
    size_t offset = 0;
    for (int i = 1; i < 10; ++i) offset = gazette.find('\n', offset) + 1;
    return offset;
  }();
  const std::string bytes = Spliced(gazette, line_10, "\xFF");

  const DecodeResult result = DecodeText(bytes, "gazette.txt");
  ASSERT_TRUE(result.ok);
  EXPECT_EQ(result.source.encoding, "UTF-8 (repaired)");
  EXPECT_EQ(result.source.text, Spliced(gazette, line_10, "\uFFFD"));
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].line, 10u);
}

struct Gb18030RepairCase {
  std::string bad_bytes;
  uint32_t line;          // 1..3: where the bytes go
  size_t gb18030_offset;  // where in the GB18030 line
  size_t utf8_offset;     // where U+FFFD lands in the decoded line
  std::string message;
};

TEST(Decode, ReplacesInvalidGb18030BytesAndWarnsWithLine) {
  const std::string line =
      FindLine(ReadWholeFile(kGazette), kGazetteLinePrefix);
  const std::string gb_line = ToGb18030(line);
  // "《重" is four bytes in GB18030 and six in UTF-8.
  const Gb18030RepairCase kCases[] = {
      {"\xFF", 3, 4, 6, "invalid GB18030 byte 0xFF replaced by U+FFFD"},
      {"\x80", 1, 4, 6, "invalid GB18030 byte 0x80 replaced by U+FFFD"},
      // A lead byte cut off by the line end must not swallow the next line.
      {"\x81", 2, gb_line.size(), line.size(),
       "invalid GB18030 byte 0x81 replaced by U+FFFD"},
  };
  for (const Gb18030RepairCase& c : kCases) {
    SCOPED_TRACE(c.message);
    std::string gb_lines[3] = {gb_line, gb_line, gb_line};
    gb_lines[c.line - 1] =
        Spliced(gb_lines[c.line - 1], c.gb18030_offset, c.bad_bytes);
    const std::string bytes =
        gb_lines[0] + "\r\n" + gb_lines[1] + "\r\n" + gb_lines[2] + "\r\n";

    const DecodeResult result = DecodeText(bytes, "gb.txt");
    ASSERT_TRUE(result.ok);
    EXPECT_EQ(result.source.encoding, "GB18030");
    for (uint32_t n = 1; n <= 3; ++n) {
      const std::string expected =
          n == c.line ? Spliced(line, c.utf8_offset, "\uFFFD") : line;
      EXPECT_EQ(result.source.Line(n), expected) << "line " << n;
    }
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].line, c.line);
    EXPECT_EQ(result.diagnostics[0].code, "invalid-gb18030");
    EXPECT_EQ(result.diagnostics[0].message, c.message);
  }
}

TEST(Decode, ReplacesUnpairedUtf16Surrogate) {
  const std::string bytes =
      "\xFF\xFE"
      "a\0\n\0\x00\xD8"
      "b\0"s;
  const DecodeResult result = DecodeText(bytes, "u16.txt");
  ASSERT_TRUE(result.ok);
  EXPECT_EQ(result.source.text, "a\n\uFFFDb");
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].line, 2u);
  EXPECT_EQ(result.diagnostics[0].code, "invalid-utf16");
}

TEST(Decode, CapsRepairWarningsAndSummarizesTheRest) {
  std::string bytes;
  for (int i = 0; i < 30; ++i) bytes += "line \xFF\n";
  const DecodeResult result = DecodeText(bytes, "noisy.txt");
  ASSERT_TRUE(result.ok);
  ASSERT_EQ(result.diagnostics.size(), 21u);
  EXPECT_EQ(result.diagnostics[19].line, 20u);
  const Diagnostic& summary = result.diagnostics[20];
  EXPECT_EQ(summary.line, 0u);
  EXPECT_EQ(summary.code, "invalid-utf8");
  EXPECT_EQ(summary.message,
            "invalid UTF-8 bytes on 10 more lines not reported (30 lines in "
            "all)");
}

TEST(Decode, RepairsMegabyteOfGarbageInLinearTime) {
  std::string bytes;
  for (int i = 0; i < 10000; ++i) bytes += std::string(100, '\xFF') + "\n";
  const DecodeResult result = DecodeText(bytes, "garbage.txt");
  ASSERT_TRUE(result.ok);
  EXPECT_EQ(result.source.LineCount(), 10000u);
  EXPECT_EQ(result.diagnostics.size(), 21u);
}

std::string RandomControlBytes(size_t count) {
  static constexpr char kControls[] =
      "\x01\x02\x03\x04\x05\x06\x07\x08\x0B"
      "\x0E\x0F\x10\x11\x12\x13\x14\x15\x16"
      "\x17\x18\x19\x1A\x1B\x1C\x1D\x1E\x1F"
      "\x7F";
  std::mt19937 random(42);  // fixed seed: the test must be reproducible
  std::uniform_int_distribution<size_t> pick(0, sizeof kControls - 2);
  std::string bytes;
  for (size_t i = 0; i < count; ++i) {
    bytes += kControls[pick(random)];
    if (i % 3 == 0) bytes += "文";
  }
  return bytes;
}

struct BinaryCase {
  std::string name;
  std::string bytes;
  std::string evidence;
};

TEST(Decode, RefusesBinaryData) {
  const BinaryCase kCases[] = {
      {"nul byte", "PK\x03\x04\0\0"s, "NUL byte at offset 4"},
      {"nul after probe window", std::string(70000, 'a') + "\nb\0"s,
       "NUL character on line 2"},
      {"utf16 nul character",
       "\xFF\xFE"
       "a\0\0\0"s,
       "NUL character on line 1"},
      {"random control bytes", RandomControlBytes(300), "% control characters"},
      {"escape sequences", "\x1B[0m\x1B[1m", "25% control characters"},
  };
  for (const BinaryCase& c : kCases) {
    SCOPED_TRACE(c.name);
    const DecodeResult result = DecodeText(c.bytes, "blob.bin");
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.source.text.empty());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    const Diagnostic& error = result.diagnostics[0];
    EXPECT_EQ(error.severity, Severity::kError);
    EXPECT_EQ(error.file, "blob.bin");
    EXPECT_EQ(error.code, "binary-file");
    EXPECT_TRUE(error.message.starts_with("binary file, not a text ("))
        << error.message;
    EXPECT_NE(error.message.find(c.evidence), std::string::npos)
        << error.message;
  }
}

TEST(Decode, AcceptsUpToTenPercentControlCharacters) {
  const std::string kTexts[] = {
      "abcdefghi\x1B",                   // 1 in 10
      "重庆市人民政府公报第五期\f\x0B",  // 1 in 14: \f is layout
  };
  for (const std::string& text : kTexts) {
    SCOPED_TRACE(text);
    EXPECT_TRUE(DecodeText(text, "in.txt").ok);
  }
}

// Clean UTF-8 is validated and counted in one pass; the counts must give
// the verdict decoding the text again would: C1 controls (two bytes) count,
// and BOMs removed after the first do not count as characters.
TEST(Decode, CountsControlCharactersOfEveryWidth) {
  // U+0085 is a C1 control: 1 in 9 characters is too many, 1 in 10 is not.
  EXPECT_FALSE(DecodeText("abcdefgh\u0085", "in.txt").ok);
  EXPECT_TRUE(DecodeText("abcdefghi\u0085", "in.txt").ok);
  EXPECT_TRUE(DecodeText("重庆市人民政府公报第\u0085", "in.txt").ok);
  // Nine characters once the second BOM is gone: refused, as without it.
  const DecodeResult doubled = DecodeText(
      "\xEF\xBB\xBF\xEF\xBB\xBF"
      "abcdefgh\x1B",
      "in.txt");
  ASSERT_FALSE(doubled.ok);
  EXPECT_NE(doubled.diagnostics.at(0).message.find("11% control characters"),
            std::string::npos)
      << doubled.diagnostics.at(0).message;
  EXPECT_FALSE(DecodeText("abcdefgh\x1B", "in.txt").ok);
}

struct IndexCase {
  std::string text;
  std::vector<uint32_t> line_starts;
};

TEST(IndexLines, IndexesEveryLineIncludingAnOpenLastOne) {
  const IndexCase kCases[] = {
      {"", {}},
      {"a", {0}},
      {"a\n", {0}},
      {"a\nb", {0, 2}},
      {"\n", {0}},
      {"\n\n", {0, 1}},
      {"一\n\n二\n", {0, 4, 5}},
  };
  for (const IndexCase& c : kCases) {
    SCOPED_TRACE(c.text);
    SourceText source;
    source.text = c.text;
    source.line_starts = {99};  // stale index must be replaced
    IndexLines(source);
    EXPECT_EQ(source.line_starts, c.line_starts);
  }
}

// ---------------------------------------------------------------------------
// Files and folders

class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (fs::temp_directory_path() / "policygraph-test-XXXXXX").string();
    const char* made = mkdtemp(pattern.data());
    path_ = made != nullptr ? made : "";
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }
  std::string operator/(std::string_view name) const {
    return (path_ / name).string();
  }

 private:
  fs::path path_;
};

void WriteFile(const std::string& path, std::string_view bytes) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

void ExpectSingleError(const DecodeResult& result, std::string_view file,
                       std::string_view code) {
  EXPECT_FALSE(result.ok);
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].severity, Severity::kError);
  EXPECT_EQ(result.diagnostics[0].file, file);
  EXPECT_EQ(result.diagnostics[0].code, code);
}

TEST(ReadSourceFile, ReadsAndDecodesGazette) {
  const std::string gazette = ReadWholeFile(kGazette);
  const DecodeResult result = ReadSourceFile(kGazette);
  ASSERT_TRUE(result.ok);
  EXPECT_EQ(result.source.path, kGazette);
  EXPECT_EQ(result.source.encoding, "UTF-8");
  EXPECT_EQ(result.source.text, gazette);
  EXPECT_EQ(
      result.source.LineCount(),
      static_cast<size_t>(std::count(gazette.begin(), gazette.end(), '\n')));
  EXPECT_TRUE(result.source.Line(56).starts_with(kGazetteLinePrefix));
}

TEST(ReadSourceFile, ReportsMissingFile) {
  const TempDir dir;
  const std::string path = dir / "absent.txt";
  const DecodeResult result = ReadSourceFile(path);
  ExpectSingleError(result, path, "file-not-found");
  EXPECT_EQ(result.diagnostics[0].message, "file not found");
}

TEST(ReadSourceFile, ReportsFolderAsUnreadable) {
  const TempDir dir;
  const DecodeResult result = ReadSourceFile(dir.path().string());
  ExpectSingleError(result, dir.path().string(), "unreadable-file");
  EXPECT_EQ(result.diagnostics[0].message, "cannot read file: Is a directory");
}

TEST(ReadSourceFile, ReportsFileWithoutReadPermission) {
  if (geteuid() == 0) GTEST_SKIP() << "root can read a mode-000 file";
  const TempDir dir;
  const std::string path = dir / "secret.txt";
  WriteFile(path, "渝府发〔2023〕7号\n");
  ASSERT_EQ(chmod(path.c_str(), 0), 0);
  const DecodeResult result = ReadSourceFile(path);
  ExpectSingleError(result, path, "unreadable-file");
  EXPECT_EQ(result.diagnostics[0].message,
            "cannot read file: Permission denied");
}

TEST(ReadSourceFile, RefusesFileOverTheSizeLimit) {
  const TempDir dir;
  const std::string path = dir / "big.txt";
  WriteFile(path, std::string(100, 'a'));
  const DecodeResult result = ReadSourceFile(path, /*max_file_size=*/10);
  ExpectSingleError(result, path, "file-too-large");
  EXPECT_EQ(result.diagnostics[0].message,
            "file is 100 bytes, more than the limit of 10 bytes; raise it "
            "with --max-file-size");
  EXPECT_TRUE(ReadSourceFile(path, /*max_file_size=*/100).ok);
}

TEST(ReadSourceFile, RefusesBinaryFileByName) {
  const TempDir dir;
  const std::string path = dir / "scan.pdf";
  WriteFile(path, "%PDF-1.7\n\0\0\xFF"s);
  ExpectSingleError(ReadSourceFile(path), path, "binary-file");
}

TEST(ListInputFiles, WalksFoldersForTextsSortedAndDeduplicated) {
  const TempDir dir;
  WriteFile(dir / "b.txt", "乙");
  WriteFile(dir / "sub/a.txt", "甲");
  WriteFile(dir / "sub/deeper/c.txt", "丙");
  WriteFile(dir / "sub/scan.pdf", "%PDF");
  WriteFile(dir / "sub/notes.txt.bak", "");
  // A link back up the tree: followed, it would never end.
  fs::create_directory_symlink(dir.path(), dir / "sub/loop");

  const std::string root = dir.path().string();
  const InputList list =
      ListInputFiles({root, dir / "b.txt", dir / "sub/scan.pdf", root});
  const std::vector<std::string> expected = {
      dir / "b.txt", dir / "sub/a.txt", dir / "sub/deeper/c.txt",
      dir / "sub/scan.pdf",  // named explicitly, so taken as given
  };
  EXPECT_EQ(list.files, expected);
  EXPECT_TRUE(list.diagnostics.empty());
}

TEST(ListInputFiles, ReportsMissingPathAsError) {
  const TempDir dir;
  const std::string missing = dir / "no-such-folder";
  WriteFile(dir / "a.txt", "甲");
  const InputList list = ListInputFiles({missing, dir / "a.txt"});
  EXPECT_EQ(list.files, std::vector<std::string>{dir / "a.txt"});
  ASSERT_EQ(list.diagnostics.size(), 1u);
  EXPECT_EQ(list.diagnostics[0].severity, Severity::kError);
  EXPECT_EQ(list.diagnostics[0].file, missing);
  EXPECT_EQ(list.diagnostics[0].code, "missing-path");
}

TEST(ListInputFiles, WarnsAboutFolderWithoutTexts) {
  const TempDir dir;
  WriteFile(dir / "scans/page1.pdf", "%PDF");
  const std::string folder = dir / "scans";
  const InputList list = ListInputFiles({folder});
  EXPECT_TRUE(list.files.empty());
  ASSERT_EQ(list.diagnostics.size(), 1u);
  EXPECT_EQ(list.diagnostics[0].severity, Severity::kWarning);
  EXPECT_EQ(list.diagnostics[0].file, folder);
  EXPECT_EQ(list.diagnostics[0].code, "no-texts");
  EXPECT_EQ(list.diagnostics[0].message, "folder holds no *.txt files");
}

TEST(ListInputFiles, FindsTheBundledCorpus) {
  const InputList list = ListInputFiles({PG_CORPUS_DIR});
  EXPECT_GE(list.files.size(), 5u);
  EXPECT_TRUE(std::is_sorted(list.files.begin(), list.files.end()));
  EXPECT_TRUE(std::binary_search(list.files.begin(), list.files.end(),
                                 std::string(kGazette)));
  EXPECT_TRUE(list.diagnostics.empty());
}

// ReadSourceFile reads a file and decodes it; every kind of file must
// decode exactly as DecodeText decodes its bytes.
TEST(ReadSourceFile, DecodesEveryKindOfFileAsDecodeTextDoes) {
  const TempDir dir;
  const std::string line =
      "渝府发〔2023〕7号\n根据《中华人民共和国安全生产法》\n";
  const std::vector<std::pair<std::string, std::string>> files = {
      {"plain.txt", line},
      {"bom.txt", "\xEF\xBB\xBF" + line},
      {"two-boms.txt", "\xEF\xBB\xBF\xEF\xBB\xBF" + line},
      {"crlf.txt", "标题\r\n正文\r\n"},
      {"bad-byte.txt", "标题\xFF\n正文\n"},
      {"short.txt", "a"},
      {"empty.txt", ""},
  };
  for (const auto& [name, bytes] : files) {
    SCOPED_TRACE(name);
    const std::string path = dir / name;
    WriteFile(path, bytes);
    const DecodeResult from_file = ReadSourceFile(path);
    const DecodeResult decoded = DecodeText(bytes, path);
    EXPECT_EQ(from_file.ok, decoded.ok);
    EXPECT_EQ(from_file.source.text, decoded.source.text);
    EXPECT_EQ(from_file.source.encoding, decoded.source.encoding);
    EXPECT_EQ(from_file.source.line_starts, decoded.source.line_starts);
    EXPECT_EQ(from_file.diagnostics.size(), decoded.diagnostics.size());
  }
}

}  // namespace
}  // namespace policygraph

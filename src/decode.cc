#include "policygraph/decode.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <memory>
#include <optional>
#include <system_error>
#include <utility>

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "plain_run.h"

namespace policygraph {
namespace {

namespace fs = std::filesystem;
using internal::PlainAscii;
using internal::PlainRunEnd;

// Spans and line starts are 32-bit and ICU takes int32 lengths; converting
// can triple the size (one bad byte → three bytes of U+FFFD), so 1 GiB of
// input is the most that still fits.
constexpr uint64_t kMaxDecodableSize = 1ull << 30;

// Like git and grep, look for NUL only near the start before doing any
// work: real binaries (PDF, images, archives) have one there.  A NUL
// further in is still caught after decoding.
constexpr size_t kBinaryProbeSize = 64 << 10;

// One bad byte per line is noise worth a warning; a file full of them is
// one problem, so later lines are summarized.
constexpr size_t kMaxRepairWarnings = 20;

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";
constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";  // U+FFFD

// ---------------------------------------------------------------------------
// Converting line by line

// What conversion replaced by U+FFFD on one line.
struct LineRepairs {
  uint32_t line = 0;
  uint32_t replacements = 0;
  std::string first_sequence;  // the bytes of the first replaced sequence
};

struct Conversion {
  std::string text;                  // UTF-8, LF line ends
  std::vector<LineRepairs> repairs;  // only lines that needed repair
  uint64_t invalid_non_ascii = 0;    // non-ASCII bytes that were replaced
};

bool IsNonAscii(char byte) { return static_cast<unsigned char>(byte) >= 0x80; }

uint64_t CountNonAscii(std::string_view bytes) {
  return std::count_if(bytes.begin(), bytes.end(), IsNonAscii);
}

void RecordReplacement(std::string_view sequence, LineRepairs& repairs,
                       Conversion& conversion) {
  if (repairs.replacements++ == 0) repairs.first_sequence = sequence;
  conversion.invalid_non_ascii += CountNonAscii(sequence);
}

enum class Units { kBytes, kUtf16Le, kUtf16Be };

size_t UnitWidth(Units units) { return units == Units::kBytes ? 1 : 2; }

uint16_t UnitAt(std::string_view bytes, Units units, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(bytes[k]); };
  switch (units) {
    case Units::kBytes:
      return byte(i);
    case Units::kUtf16Le:
      return byte(2 * i) | byte(2 * i + 1) << 8;
    case Units::kUtf16Be:
      return byte(2 * i) << 8 | byte(2 * i + 1);
  }
  return 0;
}

// Splits raw bytes into lines before converting them.  CR and LF are whole
// code units in every encoding read here (never a GB18030 or UTF-8 trail
// byte, never half a surrogate pair), so the split is safe, CRLF and lone CR
// become LF on the way, and every replacement knows its line.
template <typename ConvertLine>
Conversion ConvertLines(std::string_view bytes, Units units,
                        ConvertLine convert_line) {
  Conversion conversion;
  conversion.text.reserve(bytes.size() + bytes.size() / 2);
  const size_t width = UnitWidth(units);
  const size_t unit_count = bytes.size() / width;
  uint32_t line = 1;
  size_t line_begin = 0;
  for (size_t i = 0; i < unit_count; ++i) {
    const uint16_t unit = UnitAt(bytes, units, i);
    if (unit != '\n' && unit != '\r') continue;
    const std::string_view content =
        bytes.substr(line_begin * width, (i - line_begin) * width);
    convert_line(content, line, conversion);
    conversion.text.push_back('\n');
    if (unit == '\r' && i + 1 < unit_count &&
        UnitAt(bytes, units, i + 1) == '\n') {
      ++i;
    }
    line_begin = i + 1;
    ++line;
  }
  // The last line has no line end; an odd trailing byte of UTF-16 goes with
  // it, so the converter reports it instead of it vanishing.
  if (line_begin * width < bytes.size()) {
    convert_line(bytes.substr(line_begin * width), line, conversion);
  }
  return conversion;
}

// Copies valid UTF-8 and replaces each maximal ill-formed subsequence by
// one U+FFFD (the Unicode-recommended practice ICU and browsers follow).
void RepairUtf8Line(std::string_view raw, uint32_t line,
                    Conversion& conversion) {
  LineRepairs repairs{line, 0, {}};
  const auto* bytes = reinterpret_cast<const uint8_t*>(raw.data());
  size_t copied = 0;
  for (size_t i = 0; i < raw.size();) {
    const size_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, raw.size(), c);
    if (c >= 0) continue;
    conversion.text.append(raw.substr(copied, start - copied));
    conversion.text.append(kReplacementUtf8);
    RecordReplacement(raw.substr(start, i - start), repairs, conversion);
    copied = i;
  }
  conversion.text.append(raw.substr(copied));
  if (repairs.replacements > 0) conversion.repairs.push_back(repairs);
}

// ICU converters report bad input through a callback; this one counts what
// it sees and then substitutes U+FFFD like ICU's default callback.
struct RepairContext {
  LineRepairs* repairs = nullptr;
  Conversion* conversion = nullptr;
};

void U_CALLCONV CountAndSubstitute(const void* context,
                                   UConverterToUnicodeArgs* args,
                                   const char* code_units, int32_t length,
                                   UConverterCallbackReason reason,
                                   UErrorCode* status) {
  // Reset, close and clone are lifecycle events, not bad input.
  if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL &&
      reason != UCNV_IRREGULAR) {
    return;
  }
  const auto* repair = static_cast<const RepairContext*>(context);
  RecordReplacement(std::string_view(code_units, length), *repair->repairs,
                    *repair->conversion);
  UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, code_units, length, reason,
                                status);
}

void AppendUtf16AsUtf8(const char16_t* units, size_t length, std::string& out) {
  for (size_t i = 0; i < length;) {
    UChar32 c;
    U16_NEXT(units, i, length, c);
    if (U_IS_SURROGATE(c)) c = 0xFFFD;  // cannot happen after ICU, but cheap
    uint8_t buffer[U8_MAX_LENGTH];
    int32_t written = 0;
    U8_APPEND_UNSAFE(buffer, written, c);
    out.append(reinterpret_cast<const char*>(buffer), written);
  }
}

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// Converts with ICU's converter `name`; nullopt if ICU lacks it.
std::optional<Conversion> ConvertWithIcu(std::string_view bytes,
                                         const char* name, Units units) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(name, &status));
  if (U_FAILURE(status)) return std::nullopt;
  RepairContext context;
  UConverterToUCallback old_action = nullptr;
  const void* old_context = nullptr;
  ucnv_setToUCallBack(converter.get(), CountAndSubstitute, &context,
                      &old_action, &old_context, &status);
  if (U_FAILURE(status)) return std::nullopt;
  std::u16string utf16;
  auto convert_line = [&](std::string_view raw, uint32_t line,
                          Conversion& conversion) {
    LineRepairs repairs{line, 0, {}};
    context = {&repairs, &conversion};
    // GB18030 and UTF-16 never yield more UTF-16 units than input bytes
    // (a four-byte sequence gives at most a surrogate pair; a bad byte one
    // U+FFFD), so one allocation per line is enough.
    utf16.resize(raw.size() + 1);
    UErrorCode line_status = U_ZERO_ERROR;
    const int32_t length = ucnv_toUChars(
        converter.get(), utf16.data(), static_cast<int32_t>(utf16.size()),
        raw.data(), static_cast<int32_t>(raw.size()), &line_status);
    if (U_FAILURE(line_status)) {
      conversion.text.append(kReplacementUtf8);
      RecordReplacement(raw, repairs, conversion);
    } else {
      AppendUtf16AsUtf8(utf16.data(), length, conversion.text);
    }
    if (repairs.replacements > 0) conversion.repairs.push_back(repairs);
  };
  return ConvertLines(bytes, units, convert_line);
}

// ---------------------------------------------------------------------------
// Choosing the encoding

// The control characters that make a text look binary: C0 but tab, LF,
// CR and FF; DEL; C1.
bool IsControlCharacter(UChar32 c) {
  if (c == '\t' || c == '\n' || c == '\r' || c == '\f') return false;
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

// What the binary check needs to know of a text: how many characters it
// has, how many are control characters, and whether one is NUL.
struct CharacterCounts {
  uint64_t characters = 0;
  uint64_t controls = 0;
  bool nul = false;
};

// The text in the chosen encoding plus how to name its repairs.
struct Decoded {
  std::string encoding;     // SourceText::encoding
  std::string scheme;       // names the input bytes in messages: "UTF-8"
  std::string repair_code;  // diagnostic code of a replacement
  Conversion conversion;
  // The converted text's counts when one pass learnt them (clean UTF-8).
  std::optional<CharacterCounts> counts;
  bool taken = false;  // the text took the buffer of the bytes
};

// PDF extraction leaves stray bytes in UTF-8 files too, and UTF-8 Chinese
// happens to parse as GB18030 about 97% of the time (measured on the
// bundled gazettes with one bad byte added).  So GB18030 must not only pass
// the 90% bar but also explain the bytes better than UTF-8 does; otherwise
// a good UTF-8 file with one bad byte would turn into mojibake.
bool PreferGb18030(uint64_t non_ascii, uint64_t invalid_as_gb18030,
                   uint64_t invalid_as_utf8) {
  const uint64_t valid = non_ascii - invalid_as_gb18030;
  return valid * 10 >= non_ascii * 9 && invalid_as_gb18030 < invalid_as_utf8;
}

// Well-formed UTF-8 with LF line ends, the usual input, needs no line-by-
// line conversion: one copy, after one pass that validates it and counts
// what the binary check needs, so that check does not decode it again.
// nullopt if the bytes are ill-formed or hold a CR.
std::optional<CharacterCounts> ScanCleanUtf8(std::string_view bytes) {
  // Printable ASCII, tab, LF and FF: neither a CR nor a control character.
  static const PlainAscii kPlain = [] {
    std::array<bool, 128> plain{};
    for (UChar32 c = 0; c < 128; ++c)
      plain[c] = c != '\r' && !IsControlCharacter(c);
    return PlainAscii::FromTable(plain);
  }();
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t size = bytes.size();
  CharacterCounts counts;
  for (size_t i = 0; i < size; ++counts.characters) {
    // Ideographs, fullwidth marks and printable ASCII, nearly all of a
    // gazette, a run at a time; E0 and ED leads, with narrower second
    // bytes, and the rest go the general way.
    i = PlainRunEnd(bytes, i, kPlain, &counts.characters);
    if (i == size) break;
    const uint8_t lead = data[i];
    if (lead < 0x80) {
      if (lead == '\r') return std::nullopt;
      counts.nul |= lead == 0;
      counts.controls += IsControlCharacter(lead);
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(data, i, size, c);
    if (c < 0) return std::nullopt;
    counts.controls += IsControlCharacter(c);
  }
  return counts;
}

// Bytes without a UTF-16 BOM: UTF-8 if valid, else GB18030 or repaired
// UTF-8.  A UTF-8 BOM rules out GB18030.  `owned`, when given, is the
// string `bytes` (less the BOM) lie in: clean UTF-8 takes its buffer
// rather than a copy, and `bytes` is then no longer valid.
Decoded DecodeAsciiCompatible(std::string_view bytes, bool has_utf8_bom,
                              std::string* owned) {
  Conversion utf8;
  std::optional<CharacterCounts> counts = ScanCleanUtf8(bytes);
  const bool take = counts && owned;
  if (take) {
    utf8.text = std::move(*owned);
    utf8.text.erase(0, utf8.text.size() - bytes.size());  // the BOM
  } else if (counts) {
    utf8.text.assign(bytes);
  } else {
    utf8 = ConvertLines(bytes, Units::kBytes, RepairUtf8Line);
  }
  if (utf8.repairs.empty()) {
    return {has_utf8_bom ? "UTF-8 (BOM)" : "UTF-8",
            "UTF-8",
            "invalid-utf8",
            std::move(utf8),
            counts,
            take};
  }
  if (!has_utf8_bom) {
    std::optional<Conversion> gb18030 =
        ConvertWithIcu(bytes, "GB18030", Units::kBytes);
    if (gb18030 &&
        PreferGb18030(CountNonAscii(bytes), gb18030->invalid_non_ascii,
                      utf8.invalid_non_ascii)) {
      return {"GB18030", "GB18030", "invalid-gb18030", std::move(*gb18030),
              std::nullopt};
    }
  }
  return {"UTF-8 (repaired)", "UTF-8", "invalid-utf8", std::move(utf8),
          std::nullopt};
}

std::optional<Decoded> DecodeUtf16(std::string_view bytes, Units units) {
  const char* name = units == Units::kUtf16Le ? "UTF-16LE" : "UTF-16BE";
  std::optional<Conversion> conversion = ConvertWithIcu(bytes, name, units);
  if (!conversion) return std::nullopt;
  return Decoded{name, name, "invalid-utf16", std::move(*conversion),
                 std::nullopt};
}

// ---------------------------------------------------------------------------
// Diagnostics

Diagnostic MakeDiagnostic(Severity severity, std::string_view path,
                          uint32_t line, std::string code,
                          std::string message) {
  return {severity, std::string(path), line, std::move(code),
          std::move(message)};
}

DecodeResult Refuse(std::string_view path, std::string code,
                    std::string message) {
  DecodeResult result;
  result.diagnostics.push_back(MakeDiagnostic(
      Severity::kError, path, 0, std::move(code), std::move(message)));
  return result;
}

std::string HexBytes(std::string_view bytes) {
  std::string out;
  for (unsigned char byte : bytes) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "%s0x%02X", out.empty() ? "" : " ", byte);
    out += hex;
  }
  return out;
}

// "invalid UTF-8 byte 0xFF replaced by U+FFFD (2 more on this line)"
std::string DescribeRepairs(const LineRepairs& repairs,
                            std::string_view scheme) {
  const bool single = repairs.first_sequence.size() == 1;
  std::string message =
      "invalid " + std::string(scheme) + (single ? " byte " : " sequence ") +
      HexBytes(repairs.first_sequence) + " replaced by U+FFFD";
  if (repairs.replacements > 1) {
    message +=
        " (" + std::to_string(repairs.replacements - 1) + " more on this line)";
  }
  return message;
}

std::vector<Diagnostic> ReportRepairs(const Decoded& decoded,
                                      std::string_view path) {
  const std::vector<LineRepairs>& repairs = decoded.conversion.repairs;
  std::vector<Diagnostic> diagnostics;
  const size_t shown = std::min(repairs.size(), kMaxRepairWarnings);
  for (size_t i = 0; i < shown; ++i) {
    diagnostics.push_back(MakeDiagnostic(
        Severity::kWarning, path, repairs[i].line, decoded.repair_code,
        DescribeRepairs(repairs[i], decoded.scheme)));
  }
  if (repairs.size() > shown) {
    diagnostics.push_back(
        MakeDiagnostic(Severity::kWarning, path, 0, decoded.repair_code,
                       "invalid " + decoded.scheme + " bytes on " +
                           std::to_string(repairs.size() - shown) +
                           " more lines not reported (" +
                           std::to_string(repairs.size()) + " lines in all)"));
  }
  return diagnostics;
}

// ---------------------------------------------------------------------------
// Binary detection

// Why `text` (valid UTF-8) is not a text, or nullopt if it is one.
// `counts`, when known, are the text's, and spare decoding it again.
std::optional<std::string> FindBinaryEvidence(
    std::string_view text, std::optional<CharacterCounts> counts) {
  if (!counts || counts->nul) {
    const size_t nul = text.find('\0');
    if (nul != std::string_view::npos) {
      const auto line = 1 + std::count(text.begin(), text.begin() + nul, '\n');
      return "NUL character on line " + std::to_string(line);
    }
  }
  if (!counts) {
    counts.emplace();
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    for (size_t i = 0; i < text.size(); ++counts->characters) {
      UChar32 c;
      U8_NEXT(bytes, i, text.size(), c);
      if (IsControlCharacter(c)) ++counts->controls;
    }
  }
  if (counts->controls * 10 <= counts->characters) return std::nullopt;
  return std::to_string(counts->controls * 100 / counts->characters) +
         "% control characters";
}

std::string BinaryMessage(std::string_view evidence) {
  return "binary file, not a text (" + std::string(evidence) + ")";
}

// ---------------------------------------------------------------------------
// Reading files

std::string FormatByteCount(uint64_t bytes) {
  if (bytes < 1024) {
    return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  }
  static constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes) / 1024;
  size_t unit = 0;
  while (value >= 1024 && unit + 1 < std::size(kUnits)) {
    value /= 1024;
    ++unit;
  }
  char text[64];
  std::snprintf(text, sizeof text, "%.1f %s (%llu bytes)", value, kUnits[unit],
                static_cast<unsigned long long>(bytes));
  return text;
}

std::string ErrnoText(int error) {
  return std::error_code(error, std::generic_category()).message();
}

Diagnostic FileError(const std::string& path, std::string code,
                     std::string message) {
  return MakeDiagnostic(Severity::kError, path, 0, std::move(code),
                        std::move(message));
}

Diagnostic Unreadable(const std::string& path, int error) {
  return FileError(path, "unreadable-file",
                   "cannot read file: " + ErrnoText(error));
}

Diagnostic TooLarge(const std::string& path, std::string_view size,
                    uint64_t limit) {
  return FileError(path, "file-too-large",
                   "file is " + std::string(size) +
                       ", more than the limit of " + FormatByteCount(limit) +
                       "; raise it with --max-file-size");
}

int64_t ModifiedNs(const struct stat& info) {
  return int64_t{info.st_mtim.tv_sec} * 1000000000 + info.st_mtim.tv_nsec;
}

TextOrigin StampOf(const std::string& path, const struct stat& info) {
  TextOrigin origin;
  origin.path = path;
  origin.file_size = static_cast<uint64_t>(info.st_size);
  origin.inode = static_cast<uint64_t>(info.st_ino);
  origin.modified_ns = ModifiedNs(info);
  return origin;
}

class ScopedFd {
 public:
  explicit ScopedFd(int fd) : fd_(fd) {}
  ScopedFd(const ScopedFd&) = delete;
  ScopedFd& operator=(const ScopedFd&) = delete;
  ~ScopedFd() { ::close(fd_); }
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

// Pipes and devices have no size up front, so the limit is also enforced
// while reading.
std::optional<Diagnostic> ReadFileChunks(
    const std::string& path, uint64_t max_file_size,
    const std::function<bool(std::string_view chunk, uint64_t size)>& each,
    TextOrigin* origin) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR) {
      return FileError(path, "file-not-found", "file not found");
    }
    return Unreadable(path, errno);
  }
  const ScopedFd file(fd);
  struct stat info {};
  if (::fstat(file.get(), &info) != 0) return Unreadable(path, errno);
  if (S_ISDIR(info.st_mode)) return Unreadable(path, EISDIR);
  const auto size = static_cast<uint64_t>(info.st_size);
  if (S_ISREG(info.st_mode) && size > max_file_size) {
    return TooLarge(path, FormatByteCount(size), max_file_size);
  }
  if (origin && S_ISREG(info.st_mode)) *origin = StampOf(path, info);
  std::string chunk(64 << 10, '\0');
  uint64_t read = 0;
  while (true) {
    const ssize_t count = ::read(file.get(), chunk.data(), chunk.size());
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) return Unreadable(path, errno);
    if (count == 0) return std::nullopt;
    read += static_cast<uint64_t>(count);
    if (read > max_file_size) {
      return TooLarge(path, "more than " + FormatByteCount(max_file_size),
                      max_file_size);
    }
    if (!each(std::string_view(chunk.data(), static_cast<size_t>(count)),
              S_ISREG(info.st_mode) ? size : 0))
      return std::nullopt;
  }
}

std::optional<Diagnostic> ReadFileBytes(const std::string& path,
                                        uint64_t max_file_size,
                                        std::string& bytes,
                                        TextOrigin* origin) {
  return ReadFileChunks(
      path, max_file_size,
      [&](std::string_view chunk, uint64_t size) {
        if (bytes.empty() && size > 0) bytes.reserve(size);
        bytes.append(chunk);
        return true;
      },
      origin);
}

namespace {

// ---------------------------------------------------------------------------
// Listing inputs

bool IsTextFile(const fs::directory_entry& entry) {
  std::error_code error;
  return entry.is_regular_file(error) && entry.path().extension() == ".txt";
}

// Symlinked folders are not followed (the default), so a link back up the
// tree cannot loop; symlinked files are read like any file.
void AddFolderTexts(const std::string& folder, InputList& list) {
  std::error_code error;
  fs::recursive_directory_iterator it(
      folder, fs::directory_options::skip_permission_denied, error);
  size_t found = 0;
  // A *.txt link that leads nowhere (dangling, or looping back on itself)
  // is named rather than silently skipped; sorted, as the walk order is
  // the file system's.
  std::vector<std::pair<std::string, std::string>> broken_links;
  for (; !error && it != fs::recursive_directory_iterator();
       it.increment(error)) {
    if (!IsTextFile(*it)) {
      std::error_code link_error;
      if (it->path().extension() == ".txt" && it->is_symlink(link_error) &&
          !fs::exists(fs::status(it->path(), link_error)))
        broken_links.emplace_back(it->path().string(), link_error.message());
      continue;
    }
    list.files.push_back(it->path().string());
    ++found;
  }
  std::sort(broken_links.begin(), broken_links.end());
  for (const auto& [link, why] : broken_links)
    list.diagnostics.push_back(MakeDiagnostic(Severity::kWarning, link, 0,
                                              "broken-link",
                                              "cannot follow link: " + why));
  if (error) {
    list.diagnostics.push_back(
        MakeDiagnostic(Severity::kWarning, folder, 0, "unreadable-folder",
                       "cannot walk folder: " + error.message()));
  } else if (found == 0) {
    list.diagnostics.push_back(MakeDiagnostic(Severity::kWarning, folder, 0,
                                              "no-texts",
                                              "folder holds no *.txt files"));
  }
}

void AddInputPath(const std::string& path, InputList& list) {
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (status.type() == fs::file_type::not_found) {
    list.diagnostics.push_back(MakeDiagnostic(
        Severity::kError, path, 0, "missing-path", "no such file or folder"));
    return;
  }
  if (status.type() == fs::file_type::directory) {
    AddFolderTexts(path, list);
    return;
  }
  // A file is taken whatever its extension.  So is a path we could not
  // stat: ReadSourceFile will say precisely why it cannot be read.
  list.files.push_back(path);
}

// DecodeText, taking the buffer of `owned` (which holds `bytes`) for the
// text when the bytes are clean UTF-8, and then saying so in `*taken`: a
// file's text is then neither copied nor compared with its bytes to know
// that it can be read back.
DecodeResult DecodeBytes(std::string_view bytes, std::string_view path,
                         std::string* owned, bool* taken) {
  if (taken) *taken = false;
  if (bytes.size() > kMaxDecodableSize) {
    return Refuse(path, "file-too-large",
                  "text is " + FormatByteCount(bytes.size()) +
                      ", more than the " + FormatByteCount(kMaxDecodableSize) +
                      " a source text can hold");
  }
  std::optional<Decoded> decoded;
  if (bytes.starts_with(kUtf16LeBom) || bytes.starts_with(kUtf16BeBom)) {
    const Units units =
        bytes.starts_with(kUtf16LeBom) ? Units::kUtf16Le : Units::kUtf16Be;
    decoded = DecodeUtf16(bytes.substr(2), units);
    if (!decoded) {
      return Refuse(path, "decode-failed", "ICU has no UTF-16 converter");
    }
  } else {
    // UTF-16 is full of NUL bytes, so only other texts are probed raw.
    const size_t nul = bytes.substr(0, kBinaryProbeSize).find('\0');
    if (nul != std::string_view::npos) {
      return Refuse(path, "binary-file",
                    BinaryMessage("NUL byte at offset " + std::to_string(nul)));
    }
    const bool has_bom = bytes.starts_with(kUtf8Bom);
    decoded = DecodeAsciiCompatible(
        has_bom ? bytes.substr(kUtf8Bom.size()) : bytes, has_bom, owned);
  }
  // Concatenated or re-saved files carry a second BOM, which would become an
  // invisible U+FEFF in titles and ids.  It goes before the binary check,
  // so the check sees the text decoding it again would see.
  std::string& text = decoded->conversion.text;
  size_t extra_boms = 0;
  while (text.compare(extra_boms, kUtf8Bom.size(), kUtf8Bom) == 0)
    extra_boms += kUtf8Bom.size();
  text.erase(0, extra_boms);
  // Each BOM removed was one character, and not a control one.
  if (decoded->counts) decoded->counts->characters -= extra_boms / 3;
  if (std::optional<std::string> evidence =
          FindBinaryEvidence(text, decoded->counts)) {
    return Refuse(path, "binary-file", BinaryMessage(*evidence));
  }
  DecodeResult result;
  result.ok = true;
  result.diagnostics = ReportRepairs(*decoded, path);
  result.source.path = std::string(path);
  result.source.encoding = decoded->encoding;
  result.source.text = std::move(decoded->conversion.text);
  IndexLines(result.source);
  if (taken) *taken = decoded->taken;
  return result;
}

}  // namespace

DecodeResult DecodeText(std::string_view bytes, std::string_view path) {
  return DecodeBytes(bytes, path, nullptr, nullptr);
}

DecodeResult ReadSourceFile(const std::string& path, uint64_t max_file_size,
                            std::optional<TextOrigin>* origin) {
  std::string bytes;
  TextOrigin stamp;
  if (origin) origin->reset();
  if (std::optional<Diagnostic> error = ReadFileBytes(
          path, max_file_size, bytes, origin ? &stamp : nullptr)) {
    DecodeResult result;
    result.diagnostics.push_back(std::move(*error));
    return result;
  }
  const size_t size = bytes.size();
  bool taken = false;
  DecodeResult result = DecodeBytes(bytes, path, &bytes, &taken);
  // Read back is only what the file holds byte for byte: a regular file,
  // read whole, whose bytes end in the text (after a byte-order mark).
  // Anything decoding changed (GB18030, UTF-16, CR LF, a repair) stays in
  // memory.  A text that took the bytes' buffer is such a tail.
  const std::string& text = result.source.text;
  if (origin && result.ok && !stamp.path.empty() && size == stamp.file_size &&
      text.size() <= size &&
      (taken || std::string_view(bytes).substr(size - text.size()) == text)) {
    stamp.offset = size - text.size();
    *origin = std::move(stamp);
  }
  return result;
}

std::optional<std::string> ReadTextBack(const SourceText& source,
                                        uint64_t begin, uint64_t length,
                                        std::string& out) {
  out.clear();
  auto fail = [&](const std::string& why) {
    return source.path + ": cannot read the text back: " + why;
  };
  if (!source.origin) return fail("it was not let go, so has no file");
  const TextOrigin& origin = *source.origin;
  const int fd = ::open(origin.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(ErrnoText(errno));
  const ScopedFd file(fd);
  struct stat info {};
  if (::fstat(file.get(), &info) != 0) return fail(ErrnoText(errno));
  if (static_cast<uint64_t>(info.st_size) != origin.file_size ||
      static_cast<uint64_t>(info.st_ino) != origin.inode ||
      ModifiedNs(info) != origin.modified_ns)
    return fail("the file changed after it was read; run again");
  const uint64_t size =
      std::min(origin.file_size - origin.offset, origin.length);
  if (begin > size || length > size - begin)
    return fail("bytes " + std::to_string(begin) + "+" +
                std::to_string(length) + " are past its end");
  out.resize(length);
  for (uint64_t done = 0; done < length;) {
    const ssize_t count =
        ::pread(file.get(), out.data() + done, length - done,
                static_cast<off_t>(origin.offset + begin + done));
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) return fail(ErrnoText(errno));
    if (count == 0) return fail("the file is shorter than when it was read");
    done += static_cast<uint64_t>(count);
  }
  return std::nullopt;
}

std::optional<TextOrigin> StampOpenFile(int fd, const std::string& path) {
  struct stat info {};
  if (::fstat(fd, &info) != 0) return std::nullopt;
  return StampOf(path, info);
}

std::string WholeText(const SourceText& source, std::string* error) {
  if (!source.origin) return source.text;
  std::string text;
  const TextOrigin& origin = *source.origin;
  std::optional<std::string> why =
      origin.file_size < origin.offset
          ? source.path + ": cannot read the text back: it starts past its end"
          : ReadTextBack(
                source, 0,
                std::min(origin.file_size - origin.offset, origin.length),
                text);
  if (!why) return text;
  if (error) *error = std::move(*why);
  return {};
}

InputList ListInputFiles(const std::vector<std::string>& paths) {
  InputList list;
  for (const std::string& path : paths) AddInputPath(path, list);
  std::sort(list.files.begin(), list.files.end());
  list.files.erase(std::unique(list.files.begin(), list.files.end()),
                   list.files.end());
  return list;
}

void IndexLines(SourceText& source) {
  source.line_starts.clear();
  const std::string& text = source.text;
  if (text.empty()) return;
  source.line_starts.push_back(0);
  for (size_t i = text.find('\n');
       i != std::string::npos && i + 1 < text.size();
       i = text.find('\n', i + 1)) {
    source.line_starts.push_back(static_cast<uint32_t>(i + 1));
  }
}

}  // namespace policygraph

#include "policygraph/shard.h"

#include <simdjson.h>

#include <charconv>
#include <concepts>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <unicode/utf8.h>

#include "policygraph/decode.h"

#include "safe_text.h"

namespace policygraph {
namespace {

using Json = nlohmann::ordered_json;  // written in the order of the tables
using Value = nlohmann::json;         // read back by key

constexpr std::string_view kFormat = "policygraph-shard";

// ---------------------------------------------------------------------------
// The fields of each record, listed once: writing and reading both walk
// these tables, so the two cannot disagree on a key or forget a field.

template <typename S, typename M>
struct Field {
  const char* key;
  M S::*member;
};
// Spelled out because clang 14 (the fuzz build's compiler) predates
// deduction for aggregates.
template <typename S, typename M>
Field(const char*, M S::*) -> Field<S, M>;

constexpr auto FieldsOf(const Diagnostic*) {
  return std::tuple{
      Field{"severity", &Diagnostic::severity},
      Field{"file", &Diagnostic::file}, Field{"line", &Diagnostic::line},
      Field{"code", &Diagnostic::code}, Field{"message", &Diagnostic::message}};
}

constexpr auto FieldsOf(const TocEntry*) {
  return std::tuple{Field{"title", &TocEntry::title},
                    Field{"line", &TocEntry::line},
                    Field{"page", &TocEntry::page}};
}

constexpr auto FieldsOf(const Document*) {
  return std::tuple{Field{"id", &Document::id},
                    Field{"title", &Document::title},
                    Field{"attached_title", &Document::attached_title},
                    Field{"doc_number", &Document::doc_number},
                    Field{"decree_number", &Document::decree_number},
                    Field{"issuer", &Document::issuer},
                    Field{"date", &Document::date},
                    Field{"type", &Document::type},
                    Field{"level", &Document::level},
                    Field{"file", &Document::file},
                    Field{"first_line", &Document::first_line},
                    Field{"last_line", &Document::last_line},
                    Field{"header_last_line", &Document::header_last_line}};
}

constexpr auto FieldsOf(const Directive*) {
  return std::tuple{Field{"id", &Directive::id},
                    Field{"label", &Directive::label},
                    Field{"heading", &Directive::heading},
                    Field{"kind", &Directive::kind},
                    Field{"line", &Directive::line},
                    Field{"last_line", &Directive::last_line},
                    Field{"text", &Directive::text},
                    Field{"lead_units", &Directive::lead_units},
                    Field{"deadline", &Directive::deadline},
                    Field{"parent", &Directive::parent},
                    Field{"children", &Directive::children}};
}

constexpr auto FieldsOf(const DirectiveTree*) {
  return std::tuple{Field{"document_id", &DirectiveTree::document_id},
                    Field{"diagnostics", &DirectiveTree::diagnostics},
                    Field{"nodes", &DirectiveTree::nodes}};
}

// The resolve fields (target, target_kind, tier, score) are left out:
// merge resolves over the whole corpus again.
constexpr auto FieldsOf(const Reference*) {
  return std::tuple{Field{"file", &Reference::file},
                    Field{"line", &Reference::line},
                    Field{"span", &Reference::span},
                    Field{"doc", &Reference::doc},
                    Field{"directive", &Reference::directive},
                    Field{"form", &Reference::form},
                    Field{"surface", &Reference::surface},
                    Field{"title", &Reference::title},
                    Field{"doc_number", &Reference::doc_number},
                    Field{"cue", &Reference::cue},
                    Field{"relation", &Reference::relation},
                    Field{"self", &Reference::self},
                    Field{"alias_of", &Reference::alias_of},
                    Field{"alias", &Reference::alias},
                    Field{"issuer", &Reference::issuer},
                    Field{"listed_title", &Reference::listed_title}};
}

// line_starts is not stored: reading indexes the text again.
constexpr auto FieldsOf(const SourceText*) {
  return std::tuple{Field{"path", &SourceText::path},
                    Field{"encoding", &SourceText::encoding},
                    Field{"text", &SourceText::text}};
}

// The source last, so the head of a record shows what the file holds.
constexpr auto FieldsOf(const ParsedFile*) {
  return std::tuple{Field{"toc", &ParsedFile::toc},
                    Field{"documents", &ParsedFile::documents},
                    Field{"directives", &ParsedFile::directives},
                    Field{"references", &ParsedFile::references},
                    Field{"source", &ParsedFile::source}};
}

constexpr auto FieldsOf(const FileResult*) {
  return std::tuple{Field{"input", &FileResult::input},
                    Field{"diagnostics", &FileResult::diagnostics},
                    Field{"parsed", &FileResult::parsed}};
}

template <typename T>
concept Record = requires(const T* t) {
  FieldsOf(t);
};

// Calls visit(field) for every field of T, in table order.
template <Record T, typename Visit>
void ForEachField(Visit visit) {
  std::apply([&](const auto&... field) { (visit(field), ...); },
             FieldsOf(static_cast<const T*>(nullptr)));
}

// ---------------------------------------------------------------------------
// Enumerators by name, so a shard reads like the rest of the output and
// survives a reordering of an enum.

constexpr Severity kSeverities[] = {Severity::kNote, Severity::kWarning,
                                    Severity::kError};
constexpr Level kLevels[] = {Level::kUnknown, Level::kNational,
                             Level::kMunicipal, Level::kDistrict,
                             Level::kDepartment};
constexpr DirectiveKind kDirectiveKinds[] = {
    DirectiveKind::kPart,      DirectiveKind::kChapter,
    DirectiveKind::kSection,   DirectiveKind::kArticle,
    DirectiveKind::kItem,      DirectiveKind::kSubItem,
    DirectiveKind::kPoint,     DirectiveKind::kSubPoint,
    DirectiveKind::kBullet,    DirectiveKind::kBox,
    DirectiveKind::kBoxItem,   DirectiveKind::kTaskRow,
    DirectiveKind::kAttachment};
constexpr Relation kRelations[] = {Relation::kBasis,    Relation::kImplements,
                                   Relation::kFollows,  Relation::kIssues,
                                   Relation::kRepeals,  Relation::kDrafts,
                                   Relation::kMentions, Relation::kCounterpart,
                                   Relation::kPartOf,   Relation::kAligned};
constexpr ReferenceForm kReferenceForms[] = {
    ReferenceForm::kTitle, ReferenceForm::kNumber, ReferenceForm::kDecree,
    ReferenceForm::kStandard, ReferenceForm::kAlias};

constexpr const auto& AllOf(Severity) { return kSeverities; }
constexpr const auto& AllOf(Level) { return kLevels; }
constexpr const auto& AllOf(DirectiveKind) { return kDirectiveKinds; }
constexpr const auto& AllOf(Relation) { return kRelations; }
constexpr const auto& AllOf(ReferenceForm) { return kReferenceForms; }

std::string_view NameOf(Severity severity) { return SeverityName(severity); }
std::string_view NameOf(Level level) { return LevelName(level); }
std::string_view NameOf(DirectiveKind kind) { return DirectiveKindName(kind); }
std::string_view NameOf(Relation relation) { return RelationName(relation); }
std::string_view NameOf(ReferenceForm form) { return ReferenceFormName(form); }

template <typename E>
concept Enum = std::is_enum_v<E>;

// ---------------------------------------------------------------------------
// Writing
//
// Records are printed straight into the line, in the compact form
// nlohmann::json's dump() gives (the shard test checks that nlohmann's
// parsing and dumping a line gives it back byte for byte).  Building a JSON
// tree of each file first, its whole text copied into it, and then dumping the
// tree was about 60% of `extract`.

bool IsUtf8(std::string_view s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int64_t n = static_cast<int64_t>(s.size());
  for (int64_t i = 0; i < n;) {
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

void AppendNumber(std::string& out, std::integral auto n) {
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, n).ptr;
  out.append(buffer, end);
}

// A string that is not UTF-8 (a file name may be in any encoding) travels
// as {"hex":"…"}; AppendJsonString, which would repair it, sees only
// well-formed ones and then escapes as dump() does.
void Append(std::string& out, const std::string& s) {
  if (IsUtf8(s)) return internal::AppendJsonString(out, s);
  static constexpr char kDigits[] = "0123456789abcdef";
  out += R"({"hex":")";
  for (unsigned char c : s) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  out += "\"}";
}
void Append(std::string& out, uint32_t n) { AppendNumber(out, n); }
void Append(std::string& out, int n) { AppendNumber(out, n); }
void Append(std::string& out, bool b) { out += b ? "true" : "false"; }
void Append(std::string& out, Span span) {
  out += '[';
  AppendNumber(out, span.offset);
  out += ',';
  AppendNumber(out, span.length);
  out += ']';
}
void Append(std::string& out, Enum auto e) {
  internal::AppendJsonString(out, NameOf(e));
}
template <typename T>
void Append(std::string& out, const std::vector<T>& items);
template <typename T>
void Append(std::string& out, const std::optional<T>& item);
template <Record T>
void Append(std::string& out, const T& record);

template <typename T>
void Append(std::string& out, const std::vector<T>& items) {
  out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    Append(out, items[i]);
  }
  out += ']';
}

template <typename T>
void Append(std::string& out, const std::optional<T>& item) {
  if (item)
    Append(out, *item);
  else
    out += "null";
}

// The fields of `record`, each "key":value, after a comma when `comma`.
template <Record T>
void AppendFields(std::string& out, const T& record, bool comma) {
  ForEachField<T>([&](const auto& field) {
    if (comma) out += ',';
    comma = true;
    internal::AppendJsonString(out, field.key);
    out += ':';
    Append(out, record.*field.member);
  });
}

template <Record T>
void Append(std::string& out, const T& record) {
  out += '{';
  AppendFields(out, record, false);
  out += '}';
}

// A record line of `type` with the fields of `record`.
template <Record T>
void AppendTypedLine(std::string& out, std::string_view type, const T& record) {
  out += R"({"type":)";
  internal::AppendJsonString(out, type);
  AppendFields(out, record, true);
  out += "}\n";
}

void AppendLine(std::string& out, const Json& record) {
  out += record.dump();
  out += '\n';
}

// ---------------------------------------------------------------------------
// Reading

// The first thing wrong with a record.  Thrown and caught inside this file
// only: ReadShard returns it as its error.
struct BadRecord {
  std::string message;
};

[[noreturn]] void Fail(const std::string& where, std::string_view what) {
  throw BadRecord{where.empty() ? std::string(what)
                                : where + ": " + std::string(what)};
}

std::string Join(const std::string& where, std::string_view key) {
  return where.empty() ? std::string(key) : where + "." + std::string(key);
}

std::string Item(const std::string& where, size_t i) {
  return where + "[" + std::to_string(i) + "]";
}

// Where a value sits in its record ("parsed.directives[2].nodes[17].text"),
// spelled out only for a message: made as a string for every value read,
// the paths cost more than a tenth of reading a shard.
struct Where {
  const Where* up = nullptr;  // nullptr at the record
  const char* key = nullptr;  // a field of `up`, or nullptr for an item
  size_t index = 0;           // which item of `up`

  std::string Text() const {
    if (!up) return key ? key : "";
    const std::string outer = up->Text();
    if (!key) return Item(outer, index);
    return Join(outer, key);
  }
};

[[noreturn]] void Fail(const Where& where, std::string_view what) {
  Fail(where.Text(), what);
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Records after the header are read with simdjson, whose parse of a line
// is about twelve times nlohmann's (0.15 against 1.90 s for the shard of
// 100 MB generated, most of it the texts' strings); values are then
// checked against the field tables as before.
using Element = simdjson::dom::element;

void FromJson(Element v, const Where& where, std::string& s) {
  std::string_view text;
  if (v.get_string().get(text) == simdjson::SUCCESS) {
    s.assign(text);
    return;
  }
  simdjson::dom::object object;
  std::string_view hex;
  if (v.get_object().get(object) != simdjson::SUCCESS || object.size() != 1 ||
      object["hex"].get_string().get(hex) != simdjson::SUCCESS)
    Fail(where, "expected a string");
  if (hex.size() % 2 != 0) Fail(where, "odd number of hex digits");
  s.clear();
  s.reserve(hex.size() / 2);
  for (size_t i = 0; i < hex.size(); i += 2) {
    int hi = HexDigit(hex[i]), lo = HexDigit(hex[i + 1]);
    if (hi < 0 || lo < 0) Fail(where, "not a lowercase hex digit");
    s += static_cast<char>(hi * 16 + lo);
  }
}

void FromJson(Element v, const Where& where, uint32_t& n) {
  uint64_t value = 0;
  if (v.get_uint64().get(value) != simdjson::SUCCESS ||
      value > std::numeric_limits<uint32_t>::max())
    Fail(where, "expected a whole number from 0 to 4294967295");
  n = static_cast<uint32_t>(value);
}

void FromJson(Element v, const Where& where, int& n) {
  int64_t value = 0;
  if (v.get_int64().get(value) != simdjson::SUCCESS ||
      value < std::numeric_limits<int>::min() ||
      value > std::numeric_limits<int>::max())
    Fail(where, "expected a whole number");
  n = static_cast<int>(value);
}

void FromJson(Element v, const Where& where, bool& b) {
  if (v.get_bool().get(b) != simdjson::SUCCESS)
    Fail(where, "expected true or false");
}

void FromJson(Element v, const Where& where, Span& span) {
  simdjson::dom::array array;
  if (v.get_array().get(array) != simdjson::SUCCESS || array.size() != 2)
    Fail(where, "expected [offset, length]");
  auto it = array.begin();
  FromJson(*it, where, span.offset);
  ++it;
  FromJson(*it, where, span.length);
}

template <Enum E>
void FromJson(Element v, const Where& where, E& e) {
  std::string name;
  FromJson(v, where, name);
  for (E candidate : AllOf(E{})) {
    if (NameOf(candidate) != name) continue;
    e = candidate;
    return;
  }
  Fail(where, "unknown name '" + name + "'");
}

template <typename T>
void FromJson(Element v, const Where& where, std::vector<T>& items);
template <typename T>
void FromJson(Element v, const Where& where, std::optional<T>& item);
template <Record T>
void FromJson(Element v, const Where& where, T& record);

template <typename T>
void FromJson(Element v, const Where& where, std::vector<T>& items) {
  simdjson::dom::array array;
  if (v.get_array().get(array) != simdjson::SUCCESS)
    Fail(where, "expected an array");
  items.assign(array.size(), T());
  size_t i = 0;
  for (Element item : array) {
    FromJson(item, Where{&where, nullptr, i}, items[i]);
    ++i;
  }
}

template <typename T>
void FromJson(Element v, const Where& where, std::optional<T>& item) {
  item.reset();
  if (v.is_null()) return;
  FromJson(v, where, item.emplace());
}

// Every field of the table must be there; other keys are passed over.
template <Record T>
void FromJson(Element v, const Where& where, T& record) {
  simdjson::dom::object object;
  if (v.get_object().get(object) != simdjson::SUCCESS)
    Fail(where, "expected an object");
  ForEachField<T>([&](const auto& field) {
    const Where at{&where, field.key};
    Element value;
    if (object.at_key(field.key).get(value) != simdjson::SUCCESS)
      Fail(at, "missing");
    FromJson(value, at, record.*field.member);
  });
}

// What later stages take for granted of a parsed file, checked so a shard
// edited by hand cannot send them out of bounds or round a cycle; and the
// line index, which is not stored.
void CheckSpan(Span span, const SourceText& source, const std::string& where) {
  if (uint64_t{span.offset} + span.length > source.text.size())
    Fail(where, "span [" + std::to_string(span.offset) + ", " +
                    std::to_string(span.length) + "] runs past the text (" +
                    std::to_string(source.text.size()) + " bytes)");
}

void CheckTree(const DirectiveTree& tree, const SourceText& source,
               const std::string& where) {
  const int n = static_cast<int>(tree.nodes.size());
  for (int i = 0; i < n; ++i) {
    const Directive& d = tree.nodes[i];
    const std::string at = Item(where + ".nodes", i);
    CheckSpan(d.text, source, at + ".text");
    // Nodes are in document order: a parent comes before its children.
    if (d.parent < -1 || d.parent >= i)
      Fail(at + ".parent", "not an earlier node of the tree");
    for (int child : d.children)
      if (child <= i || child >= n)
        Fail(at + ".children", "not a later node of the tree");
  }
}

void CheckParsedFile(ParsedFile& parsed, const std::string& where) {
  const std::string& text = parsed.source.text;
  // Two scans with memchr: find_first_of of a set looks the set up again
  // for every byte, and a call a byte was a tenth of reading a shard.
  if (!IsUtf8(text) || text.find('\0') != std::string::npos ||
      text.find('\r') != std::string::npos)
    Fail(where + ".source.text",
         "not a decoded text (ill-formed UTF-8, CR or NUL)");
  IndexLines(parsed.source);
  if (parsed.directives.size() != parsed.documents.size())
    Fail(where + ".directives",
         "one tree per document expected, " +
             std::to_string(parsed.documents.size()) + " documents but " +
             std::to_string(parsed.directives.size()) + " trees");
  for (size_t i = 0; i < parsed.directives.size(); ++i)
    CheckTree(parsed.directives[i], parsed.source,
              Item(where + ".directives", i));
  for (size_t i = 0; i < parsed.references.size(); ++i)
    CheckSpan(parsed.references[i].span, parsed.source,
              Item(where + ".references", i) + ".span");
}

// Reads records line by line; the state between them is what the order
// of shard.h requires.
class ShardReader {
 public:
  explicit ShardReader(std::string_view name,
                       std::function<void(SourceText&)> each_text = {})
      : name_(name), each_text_(std::move(each_text)) {}

  // Reads one line, its '\n' cut off.  False when it is wrong: Finish then
  // gives the error.
  bool Line(std::string_view line) {
    ++line_;
    if (ended_) return Wrong("a record after the end record");
    if (line_ == 1) {
      const Value header = Value::parse(line.begin(), line.end(), nullptr,
                                        /*allow_exceptions=*/false);
      if (header.is_discarded()) return Wrong(std::string(kNotJson));
      if (std::optional<std::string> wrong = CheckHeader(header))
        return Wrong(*wrong);
      return true;
    }
    // simdjson reads up to SIMDJSON_PADDING bytes past the end.
    padded_.assign(line);
    padded_.resize(line.size() + simdjson::SIMDJSON_PADDING);
    Element record;
    if (parser_.parse(padded_.data(), line.size(), false).get(record) !=
        simdjson::SUCCESS)
      return Wrong(std::string(kNotJson));
    try {
      Take(record);
    } catch (const BadRecord& bad) {
      return Wrong(bad.message);
    }
    return true;
  }

  // The shard, or the first thing wrong with it.  `rest` is what followed
  // the last line end: anything there is a line cut short.
  ShardResult Finish(std::string_view rest) {
    if (!error_ && !rest.empty()) {
      ++line_;
      Wrong(
          "truncated: the last line has no line end (an interrupted write "
          "or copy?)");
    }
    if (error_) return Error(*error_);
    if (line_ == 0) return Error("empty file, not a policygraph shard");
    if (!ended_)
      return Error("truncated: no end record after line " +
                   std::to_string(line_));
    result_.ok = true;
    return std::move(result_);
  }

  ShardResult Read(std::string_view bytes) {
    size_t pos = 0;
    for (size_t end; (end = bytes.find('\n', pos)) != std::string_view::npos;
         pos = end + 1)
      if (!Line(bytes.substr(pos, end - pos))) return Finish({});
    return Finish(bytes.substr(pos));
  }

 private:
  std::optional<std::string> CheckHeader(const Value& header) {
    if (!header.is_object() || !header.contains("format") ||
        header["format"] != std::string(kFormat))
      return "not a policygraph shard (the first line is no shard header; "
             "`policygraph extract` writes shards)";
    const Value& version =
        header.contains("version") ? header["version"] : Value();
    if (!version.is_number_integer())
      return std::optional<std::string>("shard header without a version");
    if (version.get<int64_t>() != kShardVersion)
      return "shard format version " + version.dump() +
             ", but this policygraph reads version " +
             std::to_string(kShardVersion) +
             "; extract the shard again with this policygraph";
    auto count = [&](const char* key) -> std::optional<uint64_t> {
      if (!header.contains(key) || !header[key].is_number_unsigned())
        return std::nullopt;
      return header[key].get<uint64_t>();
    };
    const std::optional<uint64_t> part = count("part"), parts = count("parts"),
                                  listed = count("listed");
    constexpr uint64_t kMaxParts = std::numeric_limits<unsigned>::max();
    if (!parts || *parts < 1 || *parts > kMaxParts || !part || *part < 1 ||
        *part > *parts)
      return std::optional<std::string>(
          "shard header: \"part\" and \"parts\" must be K and N with "
          "1 <= K <= N");
    if (!listed || !header.contains("listing") ||
        !header["listing"].is_string() ||
        header["listing"].get_ref<const std::string&>().size() > 64)
      return std::optional<std::string>(
          "shard header: \"listed\" must be a count and \"listing\" a "
          "fingerprint of at most 64 characters");
    result_.batch.part = static_cast<unsigned>(*part - 1);
    result_.batch.parts = static_cast<unsigned>(*parts);
    result_.batch.listed = static_cast<size_t>(*listed);
    result_.batch.listing = header["listing"].get<std::string>();
    return std::nullopt;
  }

  // `key` of a record, which must have it.
  template <typename T>
  static T Get(Element record, const char* key) {
    Element value;
    if (record[key].get(value) != simdjson::SUCCESS) Fail(key, "missing");
    T out{};
    FromJson(value, Where{nullptr, key}, out);
    return out;
  }

  void Take(Element record) {
    const std::string type = Get<std::string>(record, "type");
    if (type == "diagnostic") {
      if (!result_.batch.files.empty())
        Fail("type", "a diagnostic record after the file records");
      FromJson(record, Where{}, result_.batch.diagnostics.emplace_back());
    } else if (type == "file") {
      FileResult& file = result_.batch.files.emplace_back();
      FromJson(record, Where{}, file);
      if (file.parsed) {
        CheckParsedFile(*file.parsed, "parsed");
        if (each_text_) each_text_(file.parsed->source);
      }
    } else if (type == "end") {
      const uint32_t files = Get<uint32_t>(record, "files");
      const uint32_t diagnostics = Get<uint32_t>(record, "diagnostics");
      if (files != result_.batch.files.size() ||
          diagnostics != result_.batch.diagnostics.size())
        Fail("end", "counts " + std::to_string(files) + " files and " +
                        std::to_string(diagnostics) +
                        " diagnostics, the shard holds " +
                        std::to_string(result_.batch.files.size()) + " and " +
                        std::to_string(result_.batch.diagnostics.size()));
      ended_ = true;
    } else {
      Fail("type", "unknown record type '" + type + "'");
    }
  }

  ShardResult Error(const std::string& message) {
    ShardResult result;
    result.error.severity = Severity::kError;
    result.error.file = std::string(name_);
    result.error.line = static_cast<uint32_t>(line_);
    result.error.code = "bad-shard";
    result.error.message = message;
    return result;
  }

  bool Wrong(std::string message) {
    error_ = std::move(message);
    return false;
  }

  static constexpr std::string_view kNotJson =
      "not a JSON record (a damaged or truncated line?)";

  std::string_view name_;
  std::function<void(SourceText&)> each_text_;
  simdjson::dom::parser parser_;
  std::string padded_;  // the line, and room for simdjson to read past it
  size_t line_ = 0;
  bool ended_ = false;
  std::optional<std::string> error_;
  ShardResult result_;
};

}  // namespace

ShardWriter::ShardWriter(std::ostream& out, const FileBatch& head)
    : out_(out), diagnostics_(head.diagnostics.size()) {
  std::string lines;
  AppendLine(lines, Json{{"format", std::string(kFormat)},
                         {"version", kShardVersion},
                         {"part", head.part + 1},
                         {"parts", head.parts},
                         {"listed", head.listed},
                         {"listing", head.listing}});
  for (const Diagnostic& d : head.diagnostics)
    AppendTypedLine(lines, "diagnostic", d);
  out_ << lines;
}

void ShardWriter::Add(const FileResult& file) {
  // Reused: a line holds a whole source text, and growing a new string to
  // each one's size cost a copy per doubling.
  line_.clear();
  AppendTypedLine(line_, "file", file);
  out_ << line_;
  ++files_;
}

bool ShardWriter::Finish() {
  std::string line;
  AppendLine(
      line,
      Json{{"type", "end"}, {"files", files_}, {"diagnostics", diagnostics_}});
  out_ << line;
  out_.flush();
  return static_cast<bool>(out_);
}

std::string WriteShard(const FileBatch& batch) {
  std::ostringstream out;
  ShardWriter writer(out, batch);
  for (const FileResult& file : batch.files) writer.Add(file);
  writer.Finish();
  return std::move(out).str();
}

ShardResult ReadShard(std::string_view bytes, std::string_view name) {
  return ShardReader(name).Read(bytes);
}

std::string CheckShardParts(const std::vector<FileBatch>& batches,
                            const std::vector<std::string>& names) {
  auto name = [&](size_t i) {
    return i < names.size() ? names[i] : "shard " + std::to_string(i + 1);
  };
  // Per listing split in parts: into how many, and which shard holds each.
  struct Split {
    unsigned parts;
    std::map<unsigned, size_t> holders;
  };
  std::map<std::string, Split> splits;
  for (size_t i = 0; i < batches.size(); ++i) {
    const FileBatch& b = batches[i];
    if (b.parts <= 1) continue;
    Split& split =
        splits.try_emplace(b.listing, Split{b.parts, {}}).first->second;
    if (split.parts != b.parts)
      return name(i) + " is part " + std::to_string(b.part + 1) + " of " +
             std::to_string(b.parts) +
             " of a listing another shard splits in " +
             std::to_string(split.parts) +
             " parts: files would be missed or counted twice; extract every "
             "part with the same N";
    auto [held, added] = split.holders.emplace(b.part, i);
    if (!added)
      return "part " + std::to_string(b.part + 1) + "/" +
             std::to_string(b.parts) + " is given twice (" +
             name(held->second) + " and " + name(i) + ")";
  }
  for (const auto& [listing, split] : splits) {
    if (split.holders.size() == split.parts) continue;
    std::string missing;
    for (unsigned k = 0; k < split.parts; ++k) {
      if (split.holders.contains(k)) continue;
      if (!missing.empty()) missing += ", ";
      missing += std::to_string(k + 1) + "/" + std::to_string(split.parts);
    }
    const size_t some = split.holders.begin()->second;
    return "the extract " + name(some) + " belongs to (" +
           std::to_string(batches[some].listed) + " files in " +
           std::to_string(split.parts) + " parts) lacks part " + missing +
           "; merge every part, or extract the missing ones with --part";
  }
  return "";
}

ShardResult ReadShardFile(const std::string& path,
                          const std::function<void(SourceText&)>& each_text) {
  // Line by line as it is read: the shard, several times its texts, is
  // never held whole beside what it becomes.
  ShardReader reader(path, each_text);
  std::string partial;  // a line begun in an earlier chunk
  // Shards are several times their texts, so no size limit of its own.
  if (std::optional<Diagnostic> error = ReadFileChunks(
          path, std::numeric_limits<uint64_t>::max(),
          [&](std::string_view chunk, uint64_t) {
            for (size_t end; (end = chunk.find('\n')) != std::string_view::npos;
                 chunk.remove_prefix(end + 1)) {
              bool ok;
              if (partial.empty()) {
                ok = reader.Line(chunk.substr(0, end));
              } else {
                partial.append(chunk.substr(0, end));
                ok = reader.Line(partial);
                partial.clear();
              }
              if (!ok) return false;
            }
            partial.append(chunk);
            return true;
          })) {
    ShardResult result;
    result.error = std::move(*error);
    return result;
  }
  return reader.Finish(partial);
}

}  // namespace policygraph

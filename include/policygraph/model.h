// policygraph — shared vocabulary of every pipeline stage.
//
// Plain structs only: a source text owns its bytes, everything downstream
// points into it with spans ({offset, length}) or 1-based line numbers, and
// carries diagnostics instead of throwing.  Stages include this header and
// the stages before them, never the ones after.
//
//   SourceText  ──segment──▶  Document[]  ──structure──▶  Directive tree
//
// Enumerators carry the Chinese term they stand for, so code, tests and
// output share one vocabulary with the documents.  Values compare field by
// field (==), which is how a shard's round trip is checked.
#ifndef POLICYGRAPH_MODEL_H_
#define POLICYGRAPH_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace policygraph {

// A byte range of a SourceText's UTF-8 text.
struct Span {
  uint32_t offset = 0;
  uint32_t length = 0;

  friend bool operator==(const Span&, const Span&) = default;
};

enum class Severity {
  kNote,
  kWarning,
  kError,
};

// "note", "warning", "error": as messages print it.
std::string_view SeverityName(Severity severity);

// Something a stage noticed about its input.  `line` is 1-based (0 when the
// diagnostic is about the whole file); `code` is a stable kebab-case key
// tests and scripts can match (`invalid-utf8`, `toc-entry-missing`, …).
struct Diagnostic {
  Severity severity = Severity::kWarning;
  std::string file;
  uint32_t line = 0;
  std::string code;
  std::string message;

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

// One decoded input: valid UTF-8, LF line ends, no BOM.  `line_starts[i]` is
// the byte offset of line i+1, so line lookups are a binary search.
// Where a text let go to save memory is read back from: the file it was
// decoded from, which held it unchanged from byte `offset` on (UTF-8 with
// LF line ends, the usual input, decodes to its own bytes).
struct TextOrigin {
  static constexpr uint64_t kToTheEnd = UINT64_MAX;

  std::string path;     // as opened, which SourceText::path need not be
  uint64_t offset = 0;  // after a byte-order mark
  // The text's bytes from `offset`: the rest of the file, or fewer in a
  // file that holds several texts one after another (TextSpill).
  uint64_t length = kToTheEnd;
  // The file as it was read; one that has changed since is not read back.
  uint64_t file_size = 0;
  uint64_t inode = 0;
  int64_t modified_ns = 0;

  friend bool operator==(const TextOrigin&, const TextOrigin&) = default;
};

struct SourceText {
  std::string path;      // as given by the user (or relative to a folder)
  std::string encoding;  // "UTF-8", "UTF-8 (BOM)", "GB18030", "UTF-16LE" …
  std::string text;      // empty when `origin` is set (ReadTextBack)
  std::vector<uint32_t> line_starts;
  // Set only when `text` was let go after parsing (LoadOptions::drop_texts).
  std::optional<TextOrigin> origin;

  size_t LineCount() const { return line_starts.size(); }
  // Text of 1-based line `n`, without its line end; empty when out of range.
  std::string_view Line(size_t n) const;
  // 1-based line holding byte `offset`.
  uint32_t LineOf(uint32_t offset) const;

  friend bool operator==(const SourceText&, const SourceText&) = default;
};

// 文件层级: who issued a document, by the reach of the issuer.
enum class Level {
  kUnknown,  // 不明
  kNational,  // 国家级: 国务院, 中共中央, 国家…, 中华人民共和国…
  kMunicipal,  // 省级/直辖市: 重庆市人民政府, 四川省人民政府
  kDistrict,   // 区县级: 合川区, …县
  kDepartment,  // 部门: 市…局, 区…委
};

std::string_view LevelName(Level level);
// The level LevelName calls `name`, or nullopt.
std::optional<Level> ParseLevel(std::string_view name);

// 文件: one document of a gazette, with the metadata its header carries.
struct Document {
  std::string id;     // normalized number, decree number or "title:…"
  std::string title;  // whitespace removed, as printed otherwise
  std::string attached_title;  // what a 印发/转发 notice carries, or ""
  std::string doc_number;  // 发文字号, normalized: 渝府发〔2023〕7号
  std::string decree_number;  // 令号, normalized: 重庆市人民政府令第359号
  std::string issuer;         // joint issuers joined by "、"
  std::string date;           // YYYY-MM-DD of the signature, or ""
  std::string type;  // 通知, 意见, 批复, 通告, 公告, 办法 …
  Level level = Level::kUnknown;
  std::string file;
  uint32_t first_line = 0;        // 1-based, inclusive
  uint32_t last_line = 0;         // 1-based, inclusive, last non-blank line
  uint32_t header_last_line = 0;  // last line of the title/number block

  friend bool operator==(const Document&, const Document&) = default;
};

// 条目的种类: the numbering scheme that introduced a directive.
enum class DirectiveKind {
  kPart,      // 第一篇
  kChapter,   // 第一章
  kSection,   // 第一节
  kArticle,   // 第一条
  kItem,      // 一、
  kSubItem,   // （一） (一)
  kPoint,     // 1. 1．
  kSubPoint,  // （1） (1)
  kBullet,    // ——
  kBox,       // 专栏
  kBoxItem,   // a numbered item inside a 专栏 row
  kTaskRow,  // 任务表的一行: 序号 / 工作任务 / 牵头单位 / 完成时间
  kAttachment,  // 附件
};

std::string_view DirectiveKindName(DirectiveKind kind);

// 条目: a numbered unit of a document.  Children are indices into the same
// DirectiveTree::nodes vector, in document order.
struct Directive {
  std::string id;       // path inside the document: 二.（三）, 附件.15
  std::string label;    // the marker as normalized: （三）, 第四章, 15
  std::string heading;  // first clause, markup removed
  DirectiveKind kind = DirectiveKind::kItem;
  uint32_t line = 0;
  uint32_t last_line = 0;
  Span text;  // the directive's own lines, children included
  std::vector<std::string> lead_units;  // 牵头单位 of a task row
  std::string deadline;                 // 完成时间 of a task row
  int parent = -1;
  std::vector<int> children;

  friend bool operator==(const Directive&, const Directive&) = default;
};

struct DirectiveTree {
  std::string document_id;
  std::vector<Directive> nodes;  // document order; roots have parent == -1
  std::vector<Diagnostic> diagnostics;
  // How many nodes there were when LoadOptions::drop_trees let them go
  // (0 otherwise), so `documents` counts them without holding them.
  size_t dropped_nodes = 0;

  friend bool operator==(const DirectiveTree&, const DirectiveTree&) = default;
};

// 关系: what a reference or a graph edge says about its target.  The first
// seven come from the cue words before or after a mention; the last three
// are made by the graph stage.
enum class Relation {
  kBasis,        // 根据/依据
  kImplements,   // 贯彻/落实/贯彻落实/实施/执行
  kFollows,      // 按照/参照/依照/对照
  kIssues,       // 印发/转发
  kRepeals,      // 废止
  kDrafts,       // 出台/制定/修订/编制 (a document still to be written)
  kMentions,     // 其他
  kCounterpart,  // 对应文件: same core title at another level
  kPartOf,   // 从属: directive → document, directive → parent directive
  kAligned,  // 对应条目: child directive → parent directive
};

std::string_view RelationName(Relation relation);
// The relation RelationName calls `name`, or nullopt.
std::optional<Relation> ParseRelation(std::string_view name);

// 引用的形式: what the mention looks like in the text.
enum class ReferenceForm {
  kTitle,     // 《…》, possibly followed by （渝府发〔2023〕7号）
  kNumber,    // a bare document number: 渝府发〔2022〕3号
  kDecree,    // a bare decree number: 重庆市人民政府令第271号
  kStandard,  // GB/T 35547—2017
  kAlias,     // 《规划》 after （以下简称《规划》）
};

std::string_view ReferenceFormName(ReferenceForm form);

// 引用: one mention of a document inside another.
struct Reference {
  std::string file;
  uint32_t line = 0;      // 1-based line where the mention starts
  Span span;              // the surface in the SourceText
  std::string doc;        // id of the containing document
  std::string directive;  // id of the innermost directive holding it, or ""
  ReferenceForm form = ReferenceForm::kTitle;
  std::string surface;     // as printed, line breaks removed
  std::string title;       // normalized title, "" for a bare number
  std::string doc_number;  // normalized document, decree or standard number
  std::string cue;         // the cue word that decided the relation, or ""
  Relation relation = Relation::kMentions;
  bool self = false;     // names the containing document (or its attachment)
  std::string alias_of;  // the full title an abbreviation stands for
  std::string alias;     // the abbreviation this mention introduces
  // Who the text says issued a title printed without its issuer
  // (市政府《关于…的意见》), written out as titles begin: 重庆市人民政府;
  // for an abbreviation, the issuer printed where it was introduced.
  std::string issuer;
  // For a bare number in a list of documents, the title the list prints
  // before it without book-title marks (1.重庆市人民政府关于甲的通知（渝府发
  // 〔2015〕1号）); "" otherwise.  Not the reference's title, which is what
  // the marks enclose: it names the outside node the number stands for.
  std::string listed_title;
  // Filled by the resolve stage.
  std::string target;       // id of the document or external node named
  std::string target_kind;  // "document" or "external"
  std::string tier;         // what decided it: self, number, title, alias,
                            // fuzzy, external
  double score = 0;         // 1 for exact tiers, the similarity for fuzzy

  friend bool operator==(const Reference&, const Reference&) = default;
};

// The title a reference names: the printed title, or the full title behind
// an abbreviation, after the issuer the text gives it.
std::string NamedTitle(const Reference& ref);
// `title` after `issuer`, in place of the issuer the title prints short
// before its 关于 (重庆市人民政府办公厅 and 市政府办公厅关于甲的通知 make
// 重庆市人民政府办公厅关于甲的通知); `title` alone without an issuer.
std::string TitleWithIssuer(std::string_view issuer, std::string_view title);

// 外部文件: a document the corpus cites but does not contain.
struct ExternalNode {
  std::string id;          // normalized number, or "title:" + normalized title
  std::string title;       // "" when only a number is known
  std::string doc_number;  // "" when only a title is known
  Level level = Level::kUnknown;
  std::string type;  // law, regulation, rules, plan, scheme, opinion, notice,
                     // decision, announcement, standard, other
  int mentions = 0;

  friend bool operator==(const ExternalNode&, const ExternalNode&) = default;
};

}  // namespace policygraph

#endif  // POLICYGRAPH_MODEL_H_

// The graph as DOT, built with Graphviz's cgraph, and DOT rendered to SVG or
// PNG with gvc.  Every Graphviz call of the library is in this file, behind
// the RAII handles below; nothing else includes a Graphviz header.
//
// Layout.  Edges point from the citing document to the cited one, which is
// upwards: a district plan cites a municipal plan, which cites a national
// law.  So the graph is drawn bottom to top (rankdir=BT): dot puts an
// edge's head above its tail, and the citations themselves stack the
// levels.  Citations also skip levels, so invisible nodes at the bottom and
// top of each level's cluster keep every level in its own band of ranks;
// newrank=true lets those constraints reach into the clusters.  The
// bands, top to bottom: unknown (nearly all cited externals, laws and plans
// whose title names no issuer, so edges point up to them), national,
// municipal, district, department.  A level's sinks (and sources) are
// spread over up to three ranks, as `unflatten -l 3` would, or the
// externals of one level would make a single row seventy boxes wide.
//
// Names.  Graph nodes are n0, n1, … in graph order, so the DOT never quotes
// a title in a node name; the real id is the `id` attribute (the SVG
// element id) and starts the tooltip.  Helper nodes are <level>_bottom and
// <level>_top (the ends of a level's band) and legend_<relation>_{tail,head};
// no graph node can be named like them.
//
// Text.  Labels and tooltips are Graphviz escString values: a backslash is
// doubled and a line break is the two characters \n, so a title can never
// smuggle in \N, \G or \l.  Reading the DOT back gives those escaped
// values, not the raw titles.  cgraph 2.42 writes a value ending in a
// backslash as "…\" and then cannot read it back, so such a value gets a
// trailing space.
//
// Determinism.  Objects get ids in creation order (cgraph's default ids are
// heap addresses, and the order of clusters follows them), both when the
// DOT is built and when RenderDot reads it, so the same graph gives the
// same DOT and the same SVG in every process.
//
// Graphviz 2.42 keeps process-wide state (parser, error hook, the pango
// plugin's font cache), so all calls here are serialized, RenderDot uses
// one gvc context for the life of the process, and its messages are
// captured instead of reaching stderr.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <unicode/utf8.h>

#include "policygraph/export.h"

#include "safe_text.h"

namespace policygraph {
namespace {

using internal::SafeText;
using internal::TextUse;

constexpr std::string_view kFont = "Noto Sans CJK SC";
// Display columns per label line: 14 CJK characters.
constexpr int kWrapColumns = 28;
constexpr int kDirectiveLines = 3;
// Sinks (or sources) of one level per extra rank, and the most ranks they
// spread over.
constexpr size_t kStaggerWidth = 8;
constexpr size_t kStaggerRanks = 3;

// ---------------------------------------------------------------------------
// Graphviz handles and process-wide state.

// cgraph's parser, writer and error hook are process-wide C state, so every
// entry point of this file holds this lock while it talks to Graphviz.
std::mutex& GraphvizMutex() {
  static std::mutex mutex;
  return mutex;
}

// cgraph 2.42 predates const: it takes char* for names and values but only
// reads them (values are interned as copies).
char* Mutable(const char* text) { return const_cast<char*>(text); }

struct GraphClose {
  void operator()(Agraph_t* graph) const { agclose(graph); }
};
using GraphHandle = std::unique_ptr<Agraph_t, GraphClose>;

struct RenderDataFree {
  void operator()(char* data) const { gvFreeRenderData(data); }
};
using RenderData = std::unique_ptr<char, RenderDataFree>;

// A layout lives inside the graph's records and must be freed before the
// graph is closed; declare this after the GraphHandle it lays out.
class LayoutHandle {
 public:
  LayoutHandle(GVC_t* context, Agraph_t* graph)
      : context_(context),
        graph_(graph),
        done_(gvLayout(context, graph, "dot") == 0) {}
  ~LayoutHandle() {
    // gvFreeLayout also cleans up after a layout that failed half way.
    gvFreeLayout(context_, graph_);
  }
  LayoutHandle(const LayoutHandle&) = delete;
  LayoutHandle& operator=(const LayoutHandle&) = delete;
  bool done() const { return done_; }

 private:
  GVC_t* context_;
  Agraph_t* graph_;
  bool done_;
};

// cgraph reports errors through one hook that takes only the message, so
// the message goes to the capture of the call holding GraphvizMutex.
std::string* error_sink = nullptr;

int CollectMessage(char* message) {
  if (error_sink != nullptr && message != nullptr) error_sink->append(message);
  return 0;
}

// Routes cgraph's and gvc's messages into a string instead of stderr for
// its lifetime.  Construct only while holding GraphvizMutex.
class MessageCapture {
 public:
  MessageCapture() : previous_(agseterrf(&CollectMessage)) {
    error_sink = &text_;
    agreseterrors();
  }
  ~MessageCapture() {
    agseterrf(previous_);
    error_sink = nullptr;
    agreseterrors();
  }
  MessageCapture(const MessageCapture&) = delete;
  MessageCapture& operator=(const MessageCapture&) = delete;

  // What Graphviz said, one clause per message, "Error: " prefixes off,
  // for the end of our own message; "" when it said nothing.
  std::string Summary() const {
    std::string out;
    size_t start = 0;
    while (start < text_.size()) {
      size_t end = text_.find('\n', start);
      if (end == std::string::npos) end = text_.size();
      std::string_view line(text_.data() + start, end - start);
      start = end + 1;
      for (std::string_view prefix : {"Error: ", "Warning: "}) {
        if (line.substr(0, prefix.size()) == prefix)
          line.remove_prefix(prefix.size());
      }
      while (!line.empty() && (line.back() == ' ' || line.back() == '\r'))
        line.remove_suffix(1);
      if (line.empty()) continue;
      if (!out.empty()) out += "; ";
      out += line;
    }
    return SafeText(out, TextUse::kOneLine);
  }

 private:
  std::string text_;
  agusererrf previous_;
};

// agwrite hands the output to the graph's I/O discipline piece by piece;
// this one hands it on to the DotSink passed as the channel: a string, or
// a stream, so a large graph's DOT text need not be held whole.
struct DotSink {
  std::string* text = nullptr;
  std::ostream* stream = nullptr;
};
int PutString(void* channel, const char* piece) {
  DotSink& sink = *static_cast<DotSink*>(channel);
  if (sink.text) sink.text->append(piece);
  if (sink.stream && !sink.stream->write(piece, std::strlen(piece))) return EOF;
  return 0;
}
int FlushNothing(void*) { return 0; }

// agread pulls its input through the same discipline; this reads a
// TextReader a line at a time, as cgraph's own agmemread does.
struct TextReader {
  std::string_view text;
  size_t at = 0;
};
int ReadLine(void* channel, char* buffer, int size) {
  auto* reader = static_cast<TextReader*>(channel);
  int count = 0;
  while (count < size && reader->at < reader->text.size()) {
    const char c = reader->text[reader->at++];
    buffer[count++] = c;
    if (c == '\n') break;
  }
  return count;
}

// cgraph's default id discipline makes a named object's id the address of
// its interned name, and cgraph orders subgraphs by id: the clusters would
// reach agwrite and the layout in heap order, which differs from process
// to process.  This one numbers objects in creation order instead (even
// ids named, odd anonymous, as cgraph expects).  Names are interned with
// agstrdup like the default's, because cgraph reads a flag stored before
// each name it prints; leaving names to cgraph's internal map instead
// would leak them (cgraph 2.42 never frees its entries).
struct IdTable {
  Agraph_t* graph = nullptr;  // the root, whose string pool holds names
  std::vector<char*> names;   // by id / 2; nullptr for anonymous objects
  std::unordered_map<std::string_view, IDTYPE> ids;
};
void* IdOpen(Agraph_t* graph, Agdisc_t*) {
  auto* table = new IdTable;
  table->graph = graph;
  return table;
}
long IdMap(void* state, int, char* name, IDTYPE* id, int create) {
  auto* table = static_cast<IdTable*>(state);
  if (name != nullptr) {
    auto found = table->ids.find(name);
    if (found != table->ids.end()) {
      *id = found->second;
      return 1;
    }
    if (!create) return 0;
  }
  const IDTYPE next = 2 * static_cast<IDTYPE>(table->names.size());
  if (name == nullptr) {
    table->names.push_back(nullptr);
    *id = next + 1;
    return 1;
  }
  // Interned for as long as the graph lives: agclose frees the pool.
  char* interned = agstrdup(table->graph, name);
  table->names.push_back(interned);
  table->ids.emplace(interned, next);
  *id = next;
  return 1;
}
long IdAlloc(void*, int, IDTYPE) { return 0; }  // no caller-chosen ids
void IdFree(void*, int, IDTYPE) {}  // names live as long as the graph
char* IdPrint(void* state, int, IDTYPE id) {
  const auto* table = static_cast<IdTable*>(state);
  if (id % 2 != 0 || id / 2 >= table->names.size()) return nullptr;
  return table->names[id / 2];
}
void IdClose(void* state) { delete static_cast<IdTable*>(state); }
void IdRegister(void*, int, void*) {}

// What every graph of this file is opened or read with: cgraph's memory,
// the ids above, and I/O through strings.  cgraph keeps pointers to these
// tables, so a Discipline must outlive the graphs that use it.
struct Discipline {
  Agiodisc_t io{&ReadLine, &PutString, &FlushNothing};
  Agiddisc_t ids{&IdOpen,  &IdMap,   &IdAlloc,   &IdFree,
                 &IdPrint, &IdClose, &IdRegister};
  Agdisc_t disc{&AgMemDisc, &ids, &io};
};

// ---------------------------------------------------------------------------
// Styles.

struct LevelStyle {
  Level level;
  std::string_view label;
  std::string_view fill;
  int band;  // its band of ranks, from the top
};

// In cluster order (the order of the DOT text); `band` orders them top to
// bottom in the picture.
constexpr LevelStyle kLevelStyles[] = {
    {Level::kNational, "国家级 national", "#fbe9e7", 1},
    {Level::kMunicipal, "省市级 municipal", "#e8f0fa", 2},
    {Level::kDistrict, "区县级 district", "#e8f5e9", 3},
    {Level::kDepartment, "部门 department", "#fdf5e1", 4},
    {Level::kUnknown, "不明 unknown", "#f1f1f1", 0},
};

struct RelationStyle {
  Relation relation;
  std::string_view chinese;
  std::string_view color;
  std::string_view style;
  std::string_view penwidth;
  std::string_view arrowhead;
  std::string_view dir;
};

// One entry per Relation, in enum order (the legend's order).
constexpr RelationStyle kRelationStyles[] = {
    {Relation::kBasis, "依据", "#1f5fa8", "solid", "1.6", "normal", "forward"},
    {Relation::kImplements, "贯彻落实", "#2e8b3a", "bold", "2", "normal",
     "forward"},
    {Relation::kFollows, "按照", "#1aa3b0", "solid", "1.2", "normal",
     "forward"},
    {Relation::kIssues, "印发", "#7b4fb0", "solid", "1.6", "onormal",
     "forward"},
    {Relation::kRepeals, "废止", "#c62828", "bold", "2", "tee", "forward"},
    {Relation::kDrafts, "制定", "#e07b00", "dashed", "1.2", "empty", "forward"},
    {Relation::kMentions, "提及", "#8a8a8a", "dotted", "1", "vee", "forward"},
    {Relation::kCounterpart, "对应文件", "#8d5a3b", "dashed", "1.6", "none",
     "none"},
    {Relation::kPartOf, "从属", "#b0b0b0", "solid", "0.8", "odot", "forward"},
    {Relation::kAligned, "对应条目", "#d0559f", "dashed", "1", "vee",
     "forward"},
};
constexpr size_t kRelationCount = std::size(kRelationStyles);

const RelationStyle& StyleOf(Relation relation) {
  const auto index = static_cast<size_t>(relation);
  // A value outside the enum (a cast from a bad integer) draws as a mention.
  if (index >= kRelationCount) return kRelationStyles[6];
  return kRelationStyles[index];
}

constexpr bool RelationTableMatchesEnum() {
  for (size_t i = 0; i < kRelationCount; ++i) {
    if (static_cast<size_t>(kRelationStyles[i].relation) != i) return false;
  }
  return kRelationStyles[6].relation == Relation::kMentions;
}
static_assert(RelationTableMatchesEnum(),
              "kRelationStyles must list every Relation in enum order");

// The cluster a node is drawn in: a level outside the enum counts as
// unknown, like LevelName says.
size_t LevelSlot(Level level) {
  for (size_t i = 0; i < std::size(kLevelStyles); ++i) {
    if (kLevelStyles[i].level == level) return i;
  }
  return std::size(kLevelStyles) - 1;
}

// ---------------------------------------------------------------------------
// Text.

// Columns a code point takes in a CJK font: ideographs, kana, hangul,
// full-width forms, CJK punctuation, and the curly quotes, dash and
// ellipsis CJK fonts draw full width take two.
int DisplayWidth(UChar32 c) {
  if (c < 0x1100) return 1;
  if (c == 0x2014 || c == 0x2026 || (c >= 0x2018 && c <= 0x201D)) return 2;
  if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
      (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD))
    return 2;
  return 1;
}

// Closing marks a line must not start with, opening marks it must not end
// with (the usual rules of Chinese typesetting).
bool IsNoLineStart(UChar32 c) {
  constexpr std::u32string_view kMarks =
      U"，。、；：？！）》」』】〕〉”’…—,.;:?!)]}%";
  return kMarks.find(static_cast<char32_t>(c)) != std::u32string_view::npos;
}
bool IsNoLineEnd(UChar32 c) {
  constexpr std::u32string_view kMarks = U"（《「『【〔〈“‘([{";
  return kMarks.find(static_cast<char32_t>(c)) != std::u32string_view::npos;
}

bool IsWordChar(UChar32 c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z') || c == '_' || c == '/' || c == '.' || c == '-';
}

// A unit the wrapper will not split: one code point, or a run of ASCII
// letters and digits ("2023", "GB/T") as long as it fits on a line.
struct Token {
  std::string text;
  int width = 0;
  UChar32 first = 0;
  UChar32 last = 0;
};

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) c = 0xFFFD;  // SafeText ran first; never reached
    const bool word = IsWordChar(c);
    if (word && !tokens.empty() && IsWordChar(tokens.back().last) &&
        tokens.back().width < kWrapColumns) {
      tokens.back().text.append(text.substr(start, i - start));
      tokens.back().width += 1;
      tokens.back().last = c;
      continue;
    }
    tokens.push_back(
        {std::string(text.substr(start, i - start)), DisplayWidth(c), c, c});
  }
  return tokens;
}

// Tokens greedily filled into lines of at most `columns` display columns.
// A closing mark never starts a line (it overhangs instead), and an
// opening mark at the end of a line moves down with the word it opens.
std::vector<std::string> FillLines(const std::vector<Token>& tokens,
                                   int columns) {
  std::vector<std::string> lines;
  std::string line;
  int width = 0;
  for (const Token& token : tokens) {
    if (width + token.width > columns && !line.empty() &&
        !IsNoLineStart(token.first)) {
      std::string carry;
      int carry_width = 0;
      const auto* s = reinterpret_cast<const uint8_t*>(line.data());
      int32_t end = static_cast<int32_t>(line.size());
      while (end > 0) {
        int32_t before = end;
        UChar32 c;
        U8_PREV(s, 0, before, c);
        if (!IsNoLineEnd(c) || before == 0) break;
        carry.insert(0, line, before, end - before);
        carry_width += DisplayWidth(c);
        line.resize(before);
        end = before;
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      lines.push_back(std::move(line));
      line = std::move(carry);
      width = carry_width;
      if (token.text == " ") continue;  // no line starts with a space
    }
    line += token.text;
    width += token.width;
  }
  lines.push_back(std::move(line));
  return lines;
}

// One paragraph in as few lines of kWrapColumns as greedy filling needs,
// with the lines evened out: 17 characters become 9 + 8, not 14 + 3.
std::vector<std::string> WrapParagraph(const std::vector<Token>& tokens) {
  int total = 0;
  for (const Token& token : tokens) total += token.width;
  const int count = std::max(1, (total + kWrapColumns - 1) / kWrapColumns);
  if (count > 1) {
    int even = (total + count - 1) / count;
    even += even % 2;  // whole CJK characters
    std::vector<std::string> lines = FillLines(tokens, even);
    if (lines.size() <= static_cast<size_t>(count)) return lines;
  }
  return FillLines(tokens, kWrapColumns);
}

// `text` wrapped into lines of at most kWrapColumns display columns (a
// closing mark may overhang), at most `max_lines` of them, the last ending
// in "…" when text was left out.  A line break in the text starts a new
// line; tabs and carriage returns count as spaces.
std::vector<std::string> WrapText(std::string_view raw, size_t max_lines) {
  std::string text = SafeText(raw, TextUse::kCsvCell);
  std::replace(text.begin(), text.end(), '\t', ' ');
  std::replace(text.begin(), text.end(), '\r', ' ');
  std::vector<std::string> lines;
  std::vector<Token> paragraph;
  auto flush = [&] {
    for (std::string& line : WrapParagraph(paragraph))
      lines.push_back(std::move(line));
    paragraph.clear();
  };
  for (Token& token : Tokenize(text)) {
    if (token.text == "\n") {
      flush();
      continue;
    }
    paragraph.push_back(std::move(token));
  }
  flush();
  if (lines.size() > max_lines) {
    lines.resize(max_lines);
    lines.back() += "…";
  }
  return lines;
}

// `text` as an escString value: backslashes doubled, so Graphviz draws
// them instead of reading \N or \l; line breaks and other control
// characters are gone (WrapText or SafeText decided about them already).
std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// The value cgraph is given.  A value ending in a backslash would be
// written as "…\" and then read back as an escaped quote (cgraph 2.42), so
// it gets a trailing space.
std::string Value(std::string text) {
  if (!text.empty() && text.back() == '\\') text += ' ';
  return text;
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += "\\n";
    out += Escape(lines[i]);
  }
  return out;
}

std::string OneLine(std::string_view text) {
  return SafeText(text, TextUse::kOneLine);
}

bool IsTitleId(std::string_view id) { return id.rfind("title:", 0) == 0; }

// Title wrapped, then the document number on its own line; a node without
// a title shows its number, or its id.  Directives show their path inside
// the document and a clipped heading.
std::string NodeLabel(const GraphNodeView& node) {
  if (node.kind == NodeKind::kDirective) {
    const size_t hash = node.id.rfind('#');
    std::string path(hash == std::string::npos ? node.id
                                               : node.id.substr(hash + 1));
    std::string text = path;
    if (!node.title.empty()) (text += ' ') += node.title;
    return JoinLines(WrapText(text, kDirectiveLines));
  }
  std::vector<std::string> lines;
  if (!node.title.empty()) {
    lines = WrapText(node.title, SIZE_MAX);
  } else if (node.doc_number.empty()) {
    lines = WrapText(
        IsTitleId(node.id) ? std::string_view(node.id).substr(6) : node.id,
        SIZE_MAX);
  }
  if (!node.doc_number.empty() && node.doc_number != node.title)
    lines.push_back(OneLine(node.doc_number));
  return JoinLines(lines);
}

// ":<line>" when the line is known.  (Appended piecewise: GCC 12 warns
// falsely about "…" + std::to_string(…).)
void AppendLine(uint32_t line, std::string& out) {
  if (line == 0) return;
  out += ':';
  out += std::to_string(line);
}

// "<id> · <type> · <date> · <file>:<line>", what is known of them.
std::string NodeTooltip(const GraphNodeView& node) {
  std::string out = OneLine(node.id);
  for (const std::string_view* part : {&node.type, &node.date}) {
    if (part->empty()) continue;
    out += " · ";
    out += OneLine(*part);
  }
  if (!node.file.empty()) {
    out += " · ";
    out += OneLine(node.file);
    AppendLine(node.line, out);
  }
  return Escape(out);
}

// "file:line text" of the edge's evidence.
std::string EdgeTooltip(const GraphEdgeView& edge) {
  std::string where = OneLine(edge.evidence.file);
  if (!where.empty()) AppendLine(edge.evidence.line, where);
  std::string text = OneLine(edge.evidence.text);
  if (where.empty()) return Escape(text);
  return Escape(text.empty() ? where : where + " " + text);
}

// ---------------------------------------------------------------------------
// Building the cgraph graph.

class DotBuilder {
 public:
  DotBuilder()
      : graph_(agopen(Mutable("policygraph"), Agdirected, &discipline_.disc)) {}

  // False when cgraph could not even open a graph (out of memory).
  bool ok() const { return graph_ != nullptr; }

  void Build(const PolicyGraph& graph) {
    DeclareDefaults();
    const std::vector<NodeId> ids = graph.Nodes();
    const std::vector<PolicyGraph::EdgeRef> edges = graph.Edges();
    // cgraph prints subgraphs in creation order, so the clusters are made
    // up front in level order, not in the order their first nodes come.
    std::vector<Agraph_t*> clusters(std::size(kLevelStyles), nullptr);
    for (NodeId id : ids) {
      clusters[LevelSlot(graph.Node(id).level)] = graph_.get();
    }
    for (size_t slot = 0; slot < clusters.size(); ++slot) {
      if (clusters[slot] != nullptr) clusters[slot] = Cluster(slot);
    }
    nodes_.resize(ids.size());
    for (const PolicyGraph::EdgeRef& ref : edges) {
      if (!Known(ref)) continue;
      ++nodes_[ref.source.value].out;
      ++nodes_[ref.target.value].in;
    }
    std::vector<std::vector<size_t>> by_level(std::size(kLevelStyles));
    for (NodeId id : ids) {
      // Node ids are dense insertion indices: nodes_[id.value] is its node.
      const GraphNodeView& node = graph.Node(id);
      const size_t slot = LevelSlot(node.level);
      nodes_[id.value].node = AddNode(clusters[slot], node, id.value);
      by_level[slot].push_back(id.value);
    }
    for (const std::vector<size_t>& level : by_level) Stagger(level);
    std::vector<bool> present(kRelationCount, false);
    for (const PolicyGraph::EdgeRef& ref : edges) {
      if (!Known(ref)) continue;
      AddEdge(ref.source.value, ref.target.value, *ref.edge);
      present[static_cast<size_t>(StyleOf(ref.edge->relation).relation)] = true;
    }
    AddBands(by_level, clusters);
    AddLegend(present);
  }

  std::string Write() {
    std::string out;
    DotSink sink{&out, nullptr};
    agwrite(graph_.get(), &sink);
    return out;
  }
  bool Write(std::ostream& out) {
    DotSink sink{nullptr, &out};
    return agwrite(graph_.get(), &sink) == 0 && out.good();
  }

 private:
  void SetGraphDefault(const char* name, std::string_view value) {
    agattr(graph_.get(), AGRAPH, Mutable(name),
           Mutable(std::string(value).c_str()));
  }
  void SetNodeDefault(const char* name, std::string_view value) {
    agattr(graph_.get(), AGNODE, Mutable(name),
           Mutable(std::string(value).c_str()));
  }
  void SetEdgeDefault(const char* name, std::string_view value) {
    agattr(graph_.get(), AGEDGE, Mutable(name),
           Mutable(std::string(value).c_str()));
  }
  static void Set(void* object, const char* name, std::string_view value) {
    const std::string text = Value(std::string(value));
    agsafeset(object, Mutable(name), Mutable(text.c_str()), Mutable(""));
  }

  void DeclareDefaults() {
    // gvContext() declares a process-wide node label default of \N, which
    // every graph opened after it inherits; declaring it here keeps the
    // DOT the same before and after the first RenderDot.
    SetNodeDefault("label", "\\N");
    SetGraphDefault("rankdir", "BT");
    SetGraphDefault("newrank", "true");
    SetGraphDefault("fontname", kFont);
    SetGraphDefault("fontsize", "12");
    SetGraphDefault("nodesep", "0.15");
    SetGraphDefault("ranksep", "0.5");
    SetGraphDefault("outputorder", "edgesfirst");
    SetGraphDefault("labeljust", "l");
    // rankdir=BT turns the clusters upside down, labels included: "b"
    // puts them at the top.
    SetGraphDefault("labelloc", "b");
    SetNodeDefault("fontname", kFont);
    SetNodeDefault("fontsize", "10");
    SetNodeDefault("shape", "box");
    SetNodeDefault("style", "filled");
    SetNodeDefault("fillcolor", "white");
    SetNodeDefault("margin", "0.08,0.04");
    SetEdgeDefault("fontname", kFont);
    SetEdgeDefault("fontsize", "9");
    SetEdgeDefault("arrowsize", "0.7");
  }

  Agraph_t* Cluster(size_t slot) {
    const LevelStyle& level = kLevelStyles[slot];
    const std::string name = "cluster_" + std::string(LevelName(level.level));
    Agraph_t* cluster = agsubg(graph_.get(), Mutable(name.c_str()), 1);
    Set(cluster, "label", level.label);
    Set(cluster, "style", "rounded,filled");
    Set(cluster, "fillcolor", level.fill);
    Set(cluster, "color", "#9e9e9e");
    Set(cluster, "class", LevelName(level.level));
    return cluster;
  }

  static Agnode_t* AddNode(Agraph_t* cluster, const GraphNodeView& node,
                           size_t index) {
    std::string name = "n";
    name += std::to_string(index);
    Agnode_t* n = agnode(cluster, Mutable(name.c_str()), 1);
    Set(n, "label", NodeLabel(node));
    Set(n, "id", Escape(OneLine(node.id)));
    Set(n, "tooltip", NodeTooltip(node));
    Set(n, "class",
        std::string(NodeKindName(node.kind)) + " " +
            std::string(LevelName(node.level)));
    switch (node.kind) {
      case NodeKind::kDocument:
        break;
      case NodeKind::kExternal:
        Set(n, "shape", "note");
        Set(n, "style", "dashed,filled");
        Set(n, "fillcolor", "#fafafa");
        break;
      case NodeKind::kDirective:
        Set(n, "shape", "plaintext");
        Set(n, "style", "");
        Set(n, "fontsize", "8");
        break;
    }
    return n;
  }

  void AddEdge(size_t tail, size_t head, const GraphEdgeView& edge) {
    Agedge_t* e =
        agedge(graph_.get(), nodes_[tail].node, nodes_[head].node, nullptr, 1);
    if (e == nullptr) return;
    StyleEdge(e, StyleOf(edge.relation));
    Set(e, "tooltip", EdgeTooltip(edge));
    SetMinlen(e, std::max(nodes_[tail].source_shift, nodes_[head].sink_shift));
  }

  static void StyleEdge(Agedge_t* e, const RelationStyle& style) {
    Set(e, "class", RelationName(style.relation));
    Set(e, "color", style.color);
    Set(e, "style", style.style);
    Set(e, "penwidth", style.penwidth);
    Set(e, "arrowhead", style.arrowhead);
    if (style.dir != "forward") Set(e, "dir", style.dir);
  }

  // Two invisible nodes per level cluster, <level>_bottom and <level>_top,
  // hold the level's band: every node of the level lies between them
  // (minimum length 0, so they take no rank of their own), and each band's
  // top lies below the next band's bottom.  The bottom → top edge, inside
  // the cluster, also covers every rank of the cluster, which keeps dot's
  // newrank from filling "empty" cluster ranks with nodes of its own:
  // Graphviz 2.42 never frees those, nor then the graph.  Weight 0, so the
  // invisible edges rank but do not pull nodes sideways.
  void AddBands(const std::vector<std::vector<size_t>>& by_level,
                const std::vector<Agraph_t*>& clusters) {
    std::vector<size_t> order;
    for (size_t slot = 0; slot < by_level.size(); ++slot) {
      if (!by_level[slot].empty()) order.push_back(slot);
    }
    std::sort(order.begin(), order.end(), [](size_t a, size_t b) {
      return kLevelStyles[a].band < kLevelStyles[b].band;
    });
    Agnode_t* bottom_above = nullptr;
    for (size_t slot : order) {
      Agraph_t* cluster = clusters[slot];
      const std::string level(LevelName(kLevelStyles[slot].level));
      Agnode_t* bottom = BandEnd(cluster, level + "_bottom");
      Agnode_t* top = BandEnd(cluster, level + "_top");
      Invisible(cluster, bottom, top, 0);
      for (size_t i : by_level[slot]) {
        Invisible(cluster, bottom, nodes_[i].node, nodes_[i].sink_shift);
        Invisible(cluster, nodes_[i].node, top, nodes_[i].source_shift);
      }
      if (bottom_above != nullptr)
        Invisible(graph_.get(), top, bottom_above, 1);
      bottom_above = bottom;
    }
  }

  static Agnode_t* BandEnd(Agraph_t* cluster, const std::string& name) {
    Agnode_t* n = agnode(cluster, Mutable(name.c_str()), 1);
    Set(n, "shape", "point");
    Set(n, "style", "invis");
    Set(n, "width", "0");
    Set(n, "height", "0");
    Set(n, "label", "");
    return n;
  }

  static void Invisible(Agraph_t* where, Agnode_t* tail, Agnode_t* head,
                        int minlen) {
    Agedge_t* e = agedge(where, tail, head, nullptr, 1);
    if (e == nullptr) return;
    Set(e, "style", "invis");
    Set(e, "weight", "0");
    Set(e, "arrowhead", "none");
    if (minlen != 1) Set(e, "minlen", std::to_string(minlen));
  }

  // Documents cite many externals that cite nothing, and dot puts all of a
  // level's sinks on one rank: a row 70 boxes wide.  Like Graphviz's
  // `unflatten -l`, the edges into every second or third sink get a longer
  // minimum length, so the sinks spread over up to three ranks; sources
  // (nodes citing but not cited) spread downwards the same way.
  void Stagger(const std::vector<size_t>& level) {
    std::vector<size_t> sinks;
    std::vector<size_t> sources;
    for (size_t i : level) {
      if (nodes_[i].out == 0) {
        sinks.push_back(i);
      } else if (nodes_[i].in == 0) {
        sources.push_back(i);
      }
    }
    for (size_t k = 0; k < sinks.size(); ++k)
      nodes_[sinks[k]].sink_shift = ShiftOf(k, sinks.size());
    for (size_t k = 0; k < sources.size(); ++k)
      nodes_[sources[k]].source_shift = ShiftOf(k, sources.size());
  }

  // 0, 1, 2, 0, 1, 2, …: one more rank for every kStaggerWidth nodes, at
  // most kStaggerRanks ranks.
  static int ShiftOf(size_t index, size_t count) {
    const size_t ranks = std::clamp<size_t>(
        (count + kStaggerWidth - 1) / kStaggerWidth, 1, kStaggerRanks);
    return static_cast<int>(index % ranks);
  }

  static void SetMinlen(Agedge_t* e, int shift) {
    if (shift > 0) Set(e, "minlen", std::to_string(1 + shift));
  }

  // One short labelled edge per relation the graph uses, drawn in its
  // style, in cluster_legend.  The tails share a rank, the heads share
  // the next, and each row is chained by invisible flat edges, which dot
  // draws left to right: the legend reads in enum order.
  void AddLegend(const std::vector<bool>& present) {
    if (std::find(present.begin(), present.end(), true) == present.end())
      return;
    Agraph_t* legend = agsubg(graph_.get(), Mutable("cluster_legend"), 1);
    Set(legend, "label", "图例 legend");
    Set(legend, "style", "rounded");
    Set(legend, "color", "#9e9e9e");
    Set(legend, "class", "legend");
    Agraph_t* tails = agsubg(legend, Mutable("legend_tails"), 1);
    Agraph_t* heads = agsubg(legend, Mutable("legend_heads"), 1);
    Set(tails, "rank", "same");
    Set(heads, "rank", "same");
    Agnode_t* previous_tail = nullptr;
    Agnode_t* previous_head = nullptr;
    for (size_t i = 0; i < kRelationCount; ++i) {
      if (!present[i]) continue;
      const RelationStyle& style = kRelationStyles[i];
      const std::string base =
          "legend_" + std::string(RelationName(style.relation));
      Agnode_t* tail = LegendEnd(tails, base + "_tail");
      Agnode_t* head = LegendEnd(heads, base + "_head");
      Agedge_t* e = agedge(legend, tail, head, nullptr, 1);
      if (e != nullptr) {
        StyleEdge(e, style);
        Set(e, "label",
            std::string(style.chinese) + " " +
                std::string(RelationName(style.relation)));
        Set(e, "tooltip", RelationName(style.relation));
      }
      Chain(tails, previous_tail, tail);
      Chain(heads, previous_head, head);
      previous_tail = tail;
      previous_head = head;
    }
  }

  static void Chain(Agraph_t* row, Agnode_t* left, Agnode_t* right) {
    if (left == nullptr) return;
    Agedge_t* e = agedge(row, left, right, nullptr, 1);
    if (e != nullptr) Set(e, "style", "invis");
  }

  static Agnode_t* LegendEnd(Agraph_t* legend, const std::string& name) {
    Agnode_t* n = agnode(legend, Mutable(name.c_str()), 1);
    Set(n, "shape", "point");
    Set(n, "width", "0.05");
    Set(n, "style", "filled");
    Set(n, "fillcolor", "#616161");
    Set(n, "color", "#616161");
    Set(n, "label", "");
    return n;
  }

  Discipline discipline_;  // before graph_, which it must outlive
  GraphHandle graph_;

  // Per graph node: its cgraph node, real in/out degree, and the extra
  // ranks Stagger gave it as a sink or a source.
  struct Placed {
    Agnode_t* node = nullptr;
    int in = 0;
    int out = 0;
    int sink_shift = 0;
    int source_shift = 0;
  };
  bool Known(const PolicyGraph::EdgeRef& ref) const {
    return ref.source.value < nodes_.size() && ref.target.value < nodes_.size();
  }
  std::vector<Placed> nodes_;
};

// ---------------------------------------------------------------------------
// Rendering.

constexpr std::string_view kRenderFormats[] = {"png", "svg"};

// Attributes through which DOT makes Graphviz read a file.  RenderDot draws
// self-contained graphs only, so DOT from elsewhere cannot embed a local
// file into the picture it returns.
constexpr const char* kFileAttributes[] = {"image", "shapefile", "imagepath",
                                           "fontpath"};

bool ContainsImageTag(const char* value) {
  if (value == nullptr || !aghtmlstr(Mutable(value))) return false;
  std::string lower(value);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return lower.find("<img") != std::string::npos;
}

// True when any object of `kind` in `graph` has an HTML-like attribute value
// with an <IMG>, which loads a file.
bool HasImageTag(Agraph_t* graph, int kind, void* object) {
  for (Agsym_t* sym = agnxtattr(graph, kind, nullptr); sym != nullptr;
       sym = agnxtattr(graph, kind, sym)) {
    if (ContainsImageTag(agxget(object, sym))) return true;
  }
  return false;
}

bool HasImageTagInSubgraphs(Agraph_t* root, Agraph_t* graph) {
  if (HasImageTag(root, AGRAPH, graph)) return true;
  for (Agraph_t* sub = agfstsubg(graph); sub != nullptr; sub = agnxtsubg(sub)) {
    if (HasImageTagInSubgraphs(root, sub)) return true;
  }
  return false;
}

// Why `graph` must not be rendered, or "" when it may.
std::string FileReference(Agraph_t* graph) {
  for (const char* name : kFileAttributes) {
    for (int kind : {AGRAPH, AGNODE, AGEDGE}) {
      if (agattr(graph, kind, Mutable(name), nullptr) != nullptr)
        return std::string("attribute ") + name;
    }
  }
  if (HasImageTagInSubgraphs(graph, graph)) return "an HTML <IMG> label";
  for (Agnode_t* n = agfstnode(graph); n != nullptr; n = agnxtnode(graph, n)) {
    if (HasImageTag(graph, AGNODE, n)) return "an HTML <IMG> label";
    for (Agedge_t* e = agfstout(graph, n); e != nullptr;
         e = agnxtout(graph, e)) {
      if (HasImageTag(graph, AGEDGE, e)) return "an HTML <IMG> label";
    }
  }
  return "";
}

// gvc's context, made once for the process, and what its plugins can do.
// Graphviz 2.42's pango plugin keeps a pointer into the font table of the
// context it last measured text in, so laying out with a second context
// after freeing the first reads freed memory (AddressSanitizer catches it);
// the dot program, too, uses one context for everything.  It is never
// freed: it lives as long as the plugins it loaded.  Use only while holding
// GraphvizMutex.
struct Renderer {
  GVC_t* context = nullptr;
  bool dot_layout = false;
  std::vector<std::string> formats;  // of kRenderFormats, those available
};

bool HasPlugin(GVC_t* context, const char* kind, std::string_view name) {
  int count = 0;
  char** list = gvPluginList(context, kind, &count, nullptr);
  bool found = false;
  for (int i = 0; i < count; ++i) {
    std::string_view entry(list[i]);
    // Entries are "name" or "name:plugin".
    if (entry.substr(0, entry.find(':')) == name) found = true;
    free(list[i]);
  }
  free(list);
  return found;
}

const Renderer& SharedRenderer() {
  static const Renderer* renderer = [] {
    auto* r = new Renderer;
    r->context = gvContext();
    if (r->context == nullptr) return r;
    r->dot_layout = HasPlugin(r->context, "layout", "dot");
    for (std::string_view format : kRenderFormats) {
      if (HasPlugin(r->context, "device", format))
        r->formats.emplace_back(format);
    }
    return r;
  }();
  return *renderer;
}

// Sets `error` (when given) to `message`, followed by what Graphviz said.
void Fail(std::string* error, std::string message,
          const MessageCapture* capture = nullptr) {
  if (capture != nullptr) {
    std::string said = capture->Summary();
    if (!said.empty()) message += ": " + said;
  }
  if (error != nullptr) *error = std::move(message);
}

}  // namespace

std::string GraphToDot(const PolicyGraph& graph) {
  std::lock_guard<std::mutex> lock(GraphvizMutex());
  MessageCapture quiet;  // nothing to say, but never onto stderr
  DotBuilder builder;
  if (!builder.ok()) return "";
  builder.Build(graph);
  return builder.Write();
}

bool WriteDot(const PolicyGraph& graph, std::ostream& out) {
  std::lock_guard<std::mutex> lock(GraphvizMutex());
  MessageCapture quiet;
  DotBuilder builder;
  if (!builder.ok()) return false;
  builder.Build(graph);
  return builder.Write(out);
}

std::optional<std::string> RenderDot(const std::string& dot,
                                     const std::string& format,
                                     std::string* error) {
  if (std::find(std::begin(kRenderFormats), std::end(kRenderFormats), format) ==
      std::end(kRenderFormats)) {
    Fail(error, "unknown render format \"" + OneLine(format) +
                    "\" (expected png or svg)");
    return std::nullopt;
  }
  if (dot.find('\0') != std::string::npos) {
    Fail(error, "cannot parse DOT: the text contains a NUL byte");
    return std::nullopt;
  }
  std::lock_guard<std::mutex> lock(GraphvizMutex());
  MessageCapture capture;
  const Renderer& renderer = SharedRenderer();
  GVC_t* context = renderer.context;
  if (context == nullptr) {
    Fail(error, "cannot start Graphviz", &capture);
    return std::nullopt;
  }
  if (!renderer.dot_layout) {
    Fail(error,
         "Graphviz has no dot layout plugin (run \"dot -c\" as root to "
         "register the installed plugins)",
         &capture);
    return std::nullopt;
  }
  if (std::find(renderer.formats.begin(), renderer.formats.end(), format) ==
      renderer.formats.end()) {
    Fail(error,
         "Graphviz has no " + format +
             " output plugin (install the graphviz package, then run "
             "\"dot -c\" as root)",
         &capture);
    return std::nullopt;
  }
  // Read with the creation-order ids too: with cgraph's default ids (name
  // addresses) the clusters reach the layout in heap order, and the same
  // DOT gave a different SVG in a process that had allocated differently.
  Discipline discipline;
  TextReader reader{dot};
  GraphHandle graph(agread(&reader, &discipline.disc));
  if (graph == nullptr) {
    const std::string said = capture.Summary();
    Fail(error,
         "cannot parse DOT: " +
             (said.empty() ? std::string("no graph in the text") : said));
    return std::nullopt;
  }
  if (std::string why = FileReference(graph.get()); !why.empty()) {
    Fail(error, "refusing DOT that makes Graphviz read a file (" + why + ")");
    return std::nullopt;
  }
  LayoutHandle layout(context, graph.get());
  if (!layout.done()) {
    Fail(error, "cannot lay out DOT", &capture);
    return std::nullopt;
  }
  char* data = nullptr;
  unsigned int length = 0;
  const int rc =
      gvRenderData(context, graph.get(), format.c_str(), &data, &length);
  RenderData owned(data);
  if (rc != 0 || data == nullptr) {
    Fail(error, "cannot render DOT as " + format, &capture);
    return std::nullopt;
  }
  return std::string(data, length);
}

}  // namespace policygraph

// Graphviz 2.42 leaks in its layout (dot's virtual edges), in its plugin
// list, and in the font caches of the pango and fontconfig it loads, none
// of it reachable from here, so a sanitizer build's leak check would fail
// every program that renders.  These suppress exactly those libraries:
// cgraph is not listed, so a graph this file forgot to close is still
// reported.
#if defined(__SANITIZE_ADDRESS__)
#define POLICYGRAPH_LEAK_CHECKED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define POLICYGRAPH_LEAK_CHECKED 1
#endif
#endif
#ifdef POLICYGRAPH_LEAK_CHECKED
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libgvc.so\n"
         "leak:libgvplugin_\n"
         "leak:libfontconfig.so\n";
}
// Without this LeakSanitizer prints its table of used suppressions at every
// exit, and a program that renders would never exit with a quiet stderr.
// LSAN_OPTIONS still overrides it.
extern "C" const char* __lsan_default_options() {
  return "print_suppressions=0";
}
#endif

// policygraph — the policy-relationship graph.
//
// A directed multigraph (Boost.Graph compressed sparse rows, made after
// the edges are added) behind a small facade:
// nodes are documents of the corpus, external documents they cite and the
// directives of each document; edges are the relations of model.h, each
// with the evidence that made it (the file and line of the mention, the
// surface text, the cue word).
//
//   Corpus ─BuildGraph→ PolicyGraph ─TraceLineage / FindOrphans / export
//
// Node and edge ids are strong types so a vertex number cannot be mistaken
// for an index into a Corpus vector.  Iteration order is insertion order,
// and BuildGraph inserts in corpus order (sorted files, document order), so
// everything derived from the graph is deterministic.
#ifndef POLICYGRAPH_GRAPH_H_
#define POLICYGRAPH_GRAPH_H_

#include <bitset>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policygraph/coverage.h"
#include "policygraph/model.h"

namespace policygraph {

struct Corpus;

enum class NodeKind {
  kDocument,   // 语料中的文件
  kExternal,   // 被引用但语料中没有的文件
  kDirective,  // 条目
};
std::string_view NodeKindName(NodeKind kind);
// The kind NodeKindName calls `name`, or nullopt.
std::optional<NodeKind> ParseNodeKind(std::string_view name);

// A vertex of the graph.  Compare and hash by value; never build one from a
// number that did not come from this graph.
struct NodeId {
  uint32_t value = 0;
  friend bool operator==(NodeId, NodeId) = default;
  friend auto operator<=>(NodeId, NodeId) = default;
};

struct GraphNode {
  std::string id;  // document id, external id, or "<doc id>#<directive id>"
  NodeKind kind = NodeKind::kDocument;
  std::string title;  // what a reader calls it: the attached plan title of
                      // a 印发 notice, the heading of a directive
  // 发文字号, or the 令号 of a decree.
  std::string doc_number;
  Level level = Level::kUnknown;
  std::string type;  // 通知/意见/… for documents, law/plan/… for externals,
                     // the directive kind for directives
  std::string date;      // YYYY-MM-DD or ""
  std::string issuer;    // documents only
  std::string file;      // "" for externals
  uint32_t line = 0;     // first line of a document or directive
  std::string document;  // directives: id of the document that holds them
  int mentions = 0;      // externals: how often the corpus cites them
};

// A node as the graph shows it: GraphNode's fields, the strings viewing
// the graph's own storage (valid as long as the graph).  A graph stores
// each string once, in blocks, and the file, date, issuer, type and
// document strings a thousand directives repeat only once in all; it keeps
// each node more compactly still and makes this view when asked.
// The strings come first and the numbers after them, so no number is
// padded to a view's alignment: 144 bytes a node instead of 160.
struct GraphNodeView {
  std::string_view id;
  std::string_view title;
  std::string_view doc_number;
  std::string_view type;
  std::string_view date;
  std::string_view issuer;
  std::string_view file;
  std::string_view document;
  NodeKind kind = NodeKind::kDocument;
  Level level = Level::kUnknown;
  uint32_t line = 0;
  int mentions = 0;
};
// A view of `node`'s strings, valid as long as `node`.
GraphNodeView ViewOf(const GraphNode& node);
// A copy that owns its strings.
GraphNode ToGraphNode(const GraphNodeView& node);

// Why an edge exists.  For reference edges, where the first mention is and
// what it says; for counterparts, the shared core title; for alignments,
// the shared phrases.
struct Evidence {
  std::string file;
  uint32_t line = 0;
  std::string text;
};

struct GraphEdge {
  Relation relation = Relation::kMentions;
  Evidence evidence;
  std::string cue;     // the cue word of a reference edge, or ""
  double score = 1.0;  // alignment similarity; 1 for every other relation
  int count = 1;       // how many mentions this edge stands for
};

// An edge as the graph shows it (see GraphNodeView; it keeps a
// StoredEdge), its fields ordered to leave no padding between them.
struct EvidenceView {
  std::string_view file;
  std::string_view text;
  uint32_t line = 0;
};
struct GraphEdgeView {
  Relation relation = Relation::kMentions;
  int count = 1;
  EvidenceView evidence;
  std::string_view cue;
  double score = 1.0;
};
GraphEdgeView ViewOf(const GraphEdge& edge);
GraphEdge ToGraphEdge(const GraphEdgeView& edge);

// A set of relations, for filtered views of the graph.
class RelationSet {
 public:
  RelationSet() = default;
  RelationSet(std::initializer_list<Relation> relations);
  static RelationSet All();
  bool Has(Relation r) const { return bits_.test(static_cast<size_t>(r)); }
  void Add(Relation r) { bits_.set(static_cast<size_t>(r)); }
  bool Empty() const { return bits_.none(); }

 private:
  std::bitset<16> bits_;
};

// Parses "basis,implements" (names as RelationName prints them).  Returns
// nullopt and sets `error` on an unknown name.
std::optional<RelationSet> ParseRelationSet(std::string_view list,
                                            std::string* error);

// An edge as the graph keeps it: its strings as pointers into the graph's
// storage and lengths, 56 bytes where the view is 72 (a 1 GB build's
// graph holds 3.8 million edges).  Read through EdgeHandle.
struct StoredEdge {
  const char* file;
  const char* text;
  const char* cue;
  double score;
  uint32_t file_size;
  uint32_t text_size;
  uint32_t cue_size;
  uint32_t line;
  int count;
  Relation relation;
};

// An EdgeRef's edge: `e.edge->cue` and `*e.edge` read it as a
// GraphEdgeView, made on each use, whose strings live as long as the graph.
class EdgeHandle {
 public:
  EdgeHandle() = default;
  explicit EdgeHandle(const StoredEdge* edge) : edge_(edge) {}

  GraphEdgeView operator*() const {
    GraphEdgeView view;
    view.relation = edge_->relation;
    view.count = edge_->count;
    view.evidence.file = {edge_->file, edge_->file_size};
    view.evidence.text = {edge_->text, edge_->text_size};
    view.evidence.line = edge_->line;
    view.cue = {edge_->cue, edge_->cue_size};
    view.score = edge_->score;
    return view;
  }
  struct Arrow {
    GraphEdgeView view;
    const GraphEdgeView* operator->() const { return &view; }
  };
  Arrow operator->() const { return {**this}; }

 private:
  const StoredEdge* edge_ = nullptr;
};

class PolicyGraph {
 public:
  struct EdgeRef {
    NodeId source;
    NodeId target;
    EdgeHandle edge;
  };

  PolicyGraph();
  ~PolicyGraph();
  PolicyGraph(PolicyGraph&&) noexcept;
  PolicyGraph& operator=(PolicyGraph&&) noexcept;

  // Adds a node, or returns the existing one with the same id unchanged.
  // The graph copies the strings; `node` need not outlive the call.
  NodeId AddNode(const GraphNodeView& node);
  NodeId AddNode(const GraphNode& node) { return AddNode(ViewOf(node)); }
  // Room for this many nodes and edges in all, so a graph whose size is
  // known does not grow (and move its nodes) step by step.  A hint only.
  void Reserve(size_t nodes, size_t edges);
  // Adds an edge; an edge with the same source, target and relation is
  // merged into the first one (its count grows by edge.count, its evidence
  // stays the first mention's), so parallel edges differ in relation.
  // Both ends must come from AddNode (an edge to an unknown node is
  // dropped).
  void AddEdge(NodeId source, NodeId target, const GraphEdgeView& edge);
  void AddEdge(NodeId source, NodeId target, const GraphEdge& edge) {
    AddEdge(source, target, ViewOf(edge));
  }
  // Keeps `owner` alive as long as the graph.  AddEdgeViewingText then adds
  // an edge whose evidence text is not copied but viewed where it lies,
  // which must be inside what an owner holds: BuildGraph's alignment edges
  // view their coverage reports' evidence this way rather than hold a
  // second copy (about 150 MB at 1 GB, at the top of a build's memory).
  void KeepAlive(std::shared_ptr<const void> owner);
  void AddEdgeViewingText(NodeId source, NodeId target,
                          const GraphEdgeView& edge);

  std::optional<NodeId> FindNode(std::string_view id) const;
  // `id` must come from this graph.  The view is made on each call (the
  // graph keeps its nodes more compactly); its strings, and those of the
  // edges EdgeRefs point at, live as long as the graph.
  GraphNodeView Node(NodeId id) const;
  size_t NodeCount() const;
  size_t EdgeCount() const;

  // All nodes in insertion order.
  std::vector<NodeId> Nodes() const;
  // Edges out of / into a node whose relation is in `relations`, in
  // insertion order.
  std::vector<EdgeRef> OutEdges(NodeId node, RelationSet relations) const;
  std::vector<EdgeRef> InEdges(NodeId node, RelationSet relations) const;
  // Every edge, in insertion order.
  std::vector<EdgeRef> Edges() const;

  // Every edge's ends and relation, in insertion order: all a whole-graph
  // analysis (components, PageRank) needs, 12 bytes an edge, read in place
  // (valid until the next AddEdge).
  struct Ends {
    NodeId source;
    NodeId target;
    Relation relation;
  };
  const std::vector<Ends>& EdgeEnds() const;

  // Breadth-first search from `start` over edges whose relation is in
  // `relations` (forwards along edges, or backwards when `reverse`), at
  // most `max_depth` steps.  Returns every node reached with the edge it
  // was first reached by, in BFS order; `start` is not included.  Edges
  // are tried in insertion order, so the first edge between two nodes
  // wins; nothing beyond `max_depth` is expanded, and cycles are safe.
  struct Reached {
    NodeId node;
    EdgeRef via;  // via.source / via.target as stored in the graph
    NodeId from;  // the node one step closer to `start`
    int depth = 0;
  };
  std::vector<Reached> Search(NodeId start, RelationSet relations, bool reverse,
                              int max_depth) const;

 private:
  struct Impl;
  void Add(NodeId source, NodeId target, const GraphEdgeView& edge,
           bool copy_text);
  std::unique_ptr<Impl> impl_;
};

// Nodes, in this order: every document (corpus order), every external
// node, every directive ("<doc id>#<directive id>", part_of its parent
// directive or its document).  Edges: one per (citing document, target,
// relation) of the resolved non-self references, with the first mention as
// evidence; counterparts lower → higher (FindCounterparts over
// CounterpartCandidates, evidence "core: …"); and, for every parent
// document with implementing documents in the corpus, the aligned pairs of
// MeasureCoverage, child directive → parent directive with their score.
// Those coverage reports, one per such parent in corpus order, go to
// `coverage` when it is given.  The parents are measured on `jobs` threads
// (0 = one per core); the graph and reports are the same for every value.
PolicyGraph BuildGraph(const Corpus& corpus,
                       std::vector<CoverageReport>* coverage = nullptr,
                       unsigned jobs = 1);

// BuildGraph for a caller that needs nothing more of the corpus than its
// documents, references, externals and diagnostics (FindOrphans and
// SummarizeAudit read only those).  Coverage, the last reader of the
// source texts, is measured first; then each file's text, line index and
// contents table are dropped, and its directive trees once their nodes are
// made, so none of them stand beside the whole graph (build's peak memory
// is the graph's).  Same graph and reports as BuildGraph.
// `released`, when given, runs twice: once the texts are gone, before the
// graph is built, and once the trees are, before the alignments are added
// to it: the moments to hand their memory back to the OS.  An allocator
// left to do it on its own kept a 1 GB build's freed texts resident while
// the graph grew (some runs peaked 500 MB higher), and then its freed
// trees while the alignments' evidence was copied (120 MB higher).
PolicyGraph BuildGraphReleasing(
    Corpus& corpus, std::vector<CoverageReport>* coverage, unsigned jobs = 1,
    const std::function<void()>& released = nullptr);

// Documents of the corpus linked to `parent` by implements, basis, follows
// or counterpart edges (into the parent), in graph order, without `parent`.
std::vector<std::string> ImplementingDocuments(const PolicyGraph& graph,
                                               std::string_view parent);

}  // namespace policygraph

#endif  // POLICYGRAPH_GRAPH_H_

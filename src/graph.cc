#include "policygraph/graph.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cassert>
#include <deque>
#include <functional>
#include <limits>
#include <mutex>
#include <unordered_set>
#include <utility>

// GCC 12 at -O2 with the sanitizers reports a boost::optional inside
// named_graph.hpp as maybe-uninitialized: a known false positive of that
// header (it is never read unset), silenced here so -Werror builds pass.
// (clang, used for fuzzing, has no such warning group.)
#pragma GCC diagnostic push
#if !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/transform_iterator.hpp>
#include <boost/range/iterator_range.hpp>
#pragma GCC diagnostic pop

#include "policygraph/counterpart.h"
#include "policygraph/fold.h"
#include "policygraph/parallel.h"
#include "policygraph/pipeline.h"

#include "coverage_internal.h"

namespace policygraph {
namespace {

// What the adjacency holds per edge: the relation, so a filtered walk
// reads it from the edge's own small record, and where the rest of the
// edge is.  Keeping the StoredEdge (three strings, 56 bytes) elsewhere
// makes a walk touch a seventh of the memory.
struct EdgeSlot {
  uint32_t index = 0;  // into Impl::edge_data and Impl::ends
  Relation relation = Relation::kMentions;
};

// The edges out of each vertex in compressed sparse row form: an array of
// every vertex's first edge (4 bytes a vertex) and one of the edges'
// targets and slots (12 bytes an edge).  A vertex is its NodeId.  Boost
// builds it with a stable counting sort, so each vertex's edges keep their
// insertion order.  Two of them, the edges and the edges reversed, answer
// out- and in-edge questions.  The adjacency_list they replace
// (bidirectional, with a list of all edges) took about 120 bytes an edge
// with its per-vertex lists, measured on a 100 MB build's graph.
using Adjacency =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property,
                                       EdgeSlot, boost::no_property, uint32_t,
                                       uint32_t>;
using Vertex = uint32_t;
using Edge = boost::graph_traits<Adjacency>::edge_descriptor;

constexpr std::array<Relation, 10> kRelations = {
    Relation::kBasis,    Relation::kImplements,  Relation::kFollows,
    Relation::kIssues,   Relation::kRepeals,     Relation::kDrafts,
    Relation::kMentions, Relation::kCounterpart, Relation::kPartOf,
    Relation::kAligned,
};

// What ImplementingDocuments follows into a parent: the documents that
// rest on it, carry it out or localize it.
const RelationSet& ImplementingRelations() {
  static const RelationSet relations = {Relation::kImplements, Relation::kBasis,
                                        Relation::kFollows,
                                        Relation::kCounterpart};
  return relations;
}

std::string ValidRelationNames() {
  std::string names;
  for (Relation r : kRelations) {
    if (!names.empty()) names += ", ";
    names += RelationName(r);
  }
  return names;
}

struct EdgeKey {
  Vertex source;
  Vertex target;
  Relation relation;
  friend bool operator==(const EdgeKey&, const EdgeKey&) = default;
};

// The edge index holds edge numbers and reads their keys from Impl::ends,
// 4 bytes a slot, as the id index does with the nodes (see IdSlot).
struct EdgeHash {
  using is_transparent = void;
  const std::vector<PolicyGraph::Ends>* ends;
  size_t operator()(const EdgeKey& k) const noexcept {
    size_t h = std::hash<Vertex>()(k.source);
    h = h * 1000003 ^ std::hash<Vertex>()(k.target);
    return h * 31 ^ static_cast<size_t>(k.relation);
  }
  size_t operator()(uint32_t edge) const noexcept { return (*this)(Key(edge)); }
  EdgeKey Key(uint32_t edge) const {
    const PolicyGraph::Ends& e = (*ends)[edge];
    return {e.source.value, e.target.value, e.relation};
  }
};
struct EdgeEqual {
  using is_transparent = void;
  const std::vector<PolicyGraph::Ends>* ends;
  EdgeKey Key(uint32_t edge) const { return EdgeHash{ends}.Key(edge); }
  EdgeKey Key(const EdgeKey& key) const { return key; }
  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const noexcept {
    return Key(a) == Key(b);
  }
};

// The nodes one search has reached: open addressing over vertex numbers,
// so a search costs what it reaches, not the size of the graph (a lineage
// from one of a million documents reaches a few dozen nodes).  The first
// slots live inside the set, so a small search allocates nothing for it.
class VisitedSet {
 public:
  VisitedSet() { inline_.fill(kEmpty); }
  VisitedSet(const VisitedSet&) = delete;
  VisitedSet& operator=(const VisitedSet&) = delete;

  // Adds `v`; false when it was there already.
  bool Insert(uint32_t v) {
    if (2 * (size_ + 1) > capacity_) Grow();
    return Place(v);
  }

 private:
  static constexpr uint32_t kEmpty = std::numeric_limits<uint32_t>::max();
  static constexpr size_t kInline = 64;

  bool Place(uint32_t v) {
    const size_t mask = capacity_ - 1;
    for (size_t i = (uint64_t{v} * 0x9E3779B97F4A7C15ull) >> 40 & mask;;
         i = (i + 1) & mask) {
      if (slots_[i] == v) return false;
      if (slots_[i] != kEmpty) continue;
      slots_[i] = v;
      ++size_;
      return true;
    }
  }

  void Grow() {
    std::vector<uint32_t> old(slots_, slots_ + capacity_);
    heap_.assign(2 * capacity_, kEmpty);
    slots_ = heap_.data();
    capacity_ = heap_.size();
    size_ = 0;
    for (uint32_t v : old)
      if (v != kEmpty) Place(v);
  }

  std::array<uint32_t, kInline> inline_;
  std::vector<uint32_t> heap_;
  uint32_t* slots_ = inline_.data();
  size_t capacity_ = kInline;
  size_t size_ = 0;
};

}  // namespace

// Readers make millions of both (and vectors of them); a field added or
// moved to where it pads should be a decision, not an accident.
static_assert(sizeof(void*) != 8 || sizeof(GraphNodeView) == 144);
static_assert(sizeof(void*) != 8 || sizeof(GraphEdgeView) == 72);
static_assert(sizeof(void*) != 8 || sizeof(StoredEdge) == 56);

namespace {

// Field by field, one template for both directions (a string_view
// assigned from a string, a string from a string_view), so the views'
// order (set for their size) and the owning structs' (set for reading)
// need not match.
template <typename To, typename From>
To CopyNode(const From& from) {
  To to;
  to.id = from.id;
  to.kind = from.kind;
  to.title = from.title;
  to.doc_number = from.doc_number;
  to.level = from.level;
  to.type = from.type;
  to.date = from.date;
  to.issuer = from.issuer;
  to.file = from.file;
  to.line = from.line;
  to.document = from.document;
  to.mentions = from.mentions;
  return to;
}

template <typename To, typename From>
To CopyEdge(const From& from) {
  To to;
  to.relation = from.relation;
  to.evidence.file = from.evidence.file;
  to.evidence.line = from.evidence.line;
  to.evidence.text = from.evidence.text;
  to.cue = from.cue;
  to.score = from.score;
  to.count = from.count;
  return to;
}

}  // namespace

GraphNodeView ViewOf(const GraphNode& node) {
  return CopyNode<GraphNodeView>(node);
}

GraphNode ToGraphNode(const GraphNodeView& node) {
  return CopyNode<GraphNode>(node);
}

GraphEdgeView ViewOf(const GraphEdge& edge) {
  return CopyEdge<GraphEdgeView>(edge);
}

GraphEdge ToGraphEdge(const GraphEdgeView& edge) {
  return CopyEdge<GraphEdge>(edge);
}

std::string_view NodeKindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::kDocument:
      return "document";
    case NodeKind::kExternal:
      return "external";
    case NodeKind::kDirective:
      return "directive";
  }
  return "document";
}

std::optional<NodeKind> ParseNodeKind(std::string_view name) {
  for (NodeKind kind :
       {NodeKind::kDocument, NodeKind::kExternal, NodeKind::kDirective})
    if (NodeKindName(kind) == name) return kind;
  return std::nullopt;
}

RelationSet::RelationSet(std::initializer_list<Relation> relations) {
  for (Relation r : relations) Add(r);
}

RelationSet RelationSet::All() {
  RelationSet all;
  for (Relation r : kRelations) all.Add(r);
  return all;
}

std::optional<RelationSet> ParseRelationSet(std::string_view list,
                                            std::string* error) {
  RelationSet set;
  size_t start = 0;
  while (true) {
    size_t comma = list.find(',', start);
    std::string_view name = TrimWhitespace(list.substr(
        start, comma == std::string_view::npos ? comma : comma - start));
    std::optional<Relation> relation = ParseRelation(name);
    if (!relation) {
      if (error) {
        *error = name.empty() ? std::string("empty relation name")
                              : "unknown relation '" + std::string(name) + "'";
        *error += " (valid: " + ValidRelationNames() + ")";
      }
      return std::nullopt;
    }
    set.Add(*relation);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return set;
}

// The strings of one graph, in blocks that never move, so the views into
// them stay valid as the graph grows and when it is moved.  A string is
// stored without a heap block of its own (a short one cost 32 bytes more,
// a directive's id and heading 48 each).
class StringStore {
 public:
  StringStore() : list_{std::string_view()} {}

  // A copy of `text`.
  std::string_view Add(std::string_view text) {
    if (text.empty()) return {};
    if (text.size() > left_) {
      if (text.size() > kBlock / 8) return Block(text.size(), text);
      free_ =
          blocks_.emplace_back(std::make_unique_for_overwrite<char[]>(kBlock))
              .get();
      left_ = kBlock;
    }
    std::copy(text.begin(), text.end(), free_);
    const std::string_view stored(free_, text.size());
    free_ += text.size();
    left_ -= text.size();
    return stored;
  }

  // The number of the one copy of `text`: for the strings many nodes and
  // edges repeat (a file, a date, the document a directive is in), which
  // a node then holds in 4 bytes instead of a 16-byte view.  0 is "".
  uint32_t Intern(std::string_view text) {
    if (text.empty()) return 0;
    auto found = interned_.find(text);
    if (found != interned_.end()) return found->second;
    const auto number = static_cast<uint32_t>(list_.size());
    const std::string_view stored = Add(text);
    list_.push_back(stored);
    interned_.emplace(stored, number);
    return number;
  }
  std::string_view Interned(std::string_view text) {
    return list_[Intern(text)];
  }
  std::string_view Text(uint32_t number) const { return list_[number]; }

 private:
  static constexpr size_t kBlock = size_t{1} << 20;

  // A block of its own for a long `text`, so it leaves the current
  // block's room to the short strings after it.
  std::string_view Block(size_t size, std::string_view text) {
    char* block =
        blocks_.emplace_back(std::make_unique_for_overwrite<char[]>(size))
            .get();
    std::copy(text.begin(), text.end(), block);
    return {block, text.size()};
  }

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;
  size_t left_ = 0;
  std::vector<std::string_view> list_;  // by number
  absl::flat_hash_map<std::string_view, uint32_t> interned_;
};

// The length of a string the graph stores: 4 bytes, since no gazette
// string comes near 4 GiB.
uint32_t Size32(std::string_view text) {
  return static_cast<uint32_t>(text.size());
}

// A node as the graph keeps it: what GraphNodeView shows, in half the
// room.  A string many nodes share is a number (StringStore::Intern), the
// others a pointer and a 4-byte length; Node() makes the view when asked.
// At 1 GB the graph holds 2.4 million nodes, and the views, 144 bytes
// each, were a quarter of its memory.
struct StoredNode {
  const char* id;
  const char* title;
  const char* doc_number;
  uint32_t id_size;
  uint32_t title_size;
  uint32_t doc_number_size;
  uint32_t type;
  uint32_t date;
  uint32_t issuer;
  uint32_t file;
  uint32_t document;
  uint32_t line;
  int mentions;
  NodeKind kind;
  Level level;
};
static_assert(sizeof(void*) != 8 || sizeof(StoredNode) == 72);

// The id index holds vertex numbers and reads the ids from the nodes, so
// each id is stored once (a second copy of every id was about a tenth of a
// large build's graph); lookups take a string_view without building a
// string.  Each entry keeps 32 bits of its id's hash, so growing the table
// reads no id: 8 bytes a slot in an open-addressing table, where a
// std::unordered_set took a 32-byte heap node and a bucket pointer each.
struct IdSlot {
  uint32_t vertex;
  uint32_t hash;
};
// An id whose hash is already known, so AddNode hashes each id once.
struct HashedId {
  std::string_view id;
  uint32_t hash;
};
inline uint32_t HashId(std::string_view id) {
  return static_cast<uint32_t>(std::hash<std::string_view>()(id));
}
struct IdHash {
  using is_transparent = void;
  // absl takes its probe start from the high bits and its tag from the low
  // seven: 32 bits multiplied out to 64 feed both.
  static size_t Spread(uint32_t hash) {
    return size_t{hash} * 0x9E3779B97F4A7C15ull;
  }
  size_t operator()(std::string_view id) const noexcept {
    return Spread(HashId(id));
  }
  size_t operator()(const IdSlot& slot) const noexcept {
    return Spread(slot.hash);
  }
  size_t operator()(const HashedId& key) const noexcept {
    return Spread(key.hash);
  }
};
struct IdEqual {
  using is_transparent = void;
  const std::vector<StoredNode>* nodes;
  std::string_view Id(const IdSlot& slot) const {
    const StoredNode& node = (*nodes)[slot.vertex];
    return {node.id, node.id_size};
  }
  std::string_view Id(std::string_view id) const { return id; }
  std::string_view Id(const HashedId& key) const { return key.id; }
  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const noexcept {
    return Id(a) == Id(b);
  }
};

struct PolicyGraph::Impl {
  StringStore strings;  // every string the nodes and edges hold
  // The number each interned node field got last: a directive's type,
  // date, issuer, file and document are nearly always its sibling's, and
  // telling so by comparing with the stored copy costs less than hashing
  // again.
  struct LastInterned {
    uint32_t type = 0, date = 0, issuer = 0, file = 0, document = 0;
  } last;
  uint32_t InternAgain(uint32_t& last_number, std::string_view text) {
    if (strings.Text(last_number) == text) return last_number;
    return last_number = strings.Intern(text);
  }
  // Text edges view rather than copy (KeepAlive).
  std::vector<std::shared_ptr<const void>> kept;
  std::vector<StoredNode> nodes;  // nodes[v] is vertex v's
  absl::flat_hash_set<IdSlot, IdHash, IdEqual> by_id{0, IdHash{},
                                                     IdEqual{&nodes}};
  // Every edge's data, in insertion order; a deque keeps the addresses
  // EdgeRefs hold valid while edges are added.
  std::deque<StoredEdge> edge_data;
  // Every edge's ends and relation, in the same order: what listing the
  // edges and whole-graph analyses read, 12 bytes an edge in a row (the
  // list of all edges would cost a pointer chase each).
  std::vector<Ends> ends;
  // Every edge by (source, target, relation), for AddEdge's merge.
  absl::flat_hash_set<uint32_t, EdgeHash, EdgeEqual> by_key{0, EdgeHash{&ends},
                                                            EdgeEqual{&ends}};

  // The out- and in-edges, made from `ends` by the first walk after an
  // edge is added: a graph is built whole, then read, and building the
  // arrays once costs less than keeping lists that grow an edge at a time.
  // Const readers may run on several threads; the first builds them under
  // the lock, and AddEdge (never concurrent with reading) drops them.  A
  // node added since has no edges, which is what walks that end before
  // its number say of it.
  struct Walks {
    Adjacency out;
    Adjacency in;  // the edges reversed: a vertex's "out" edges are its in
  };
  mutable std::mutex walks_lock;
  mutable std::atomic<bool> walks_ready{false};
  mutable std::unique_ptr<Walks> walks;

  const Walks& Ready() const {
    if (!walks_ready.load(std::memory_order_acquire)) {
      std::lock_guard<std::mutex> lock(walks_lock);
      if (!walks_ready.load(std::memory_order_relaxed)) {
        walks = std::make_unique<Walks>(MakeWalks());
        walks_ready.store(true, std::memory_order_release);
      }
    }
    return *walks;
  }

  void Changed() {
    walks_ready.store(false, std::memory_order_relaxed);
    walks.reset();
  }

  // The arrays are filled straight from `ends`, through iterators that
  // make each edge's pair and slot when Boost reads it: copies of them
  // (16 bytes an edge) were 60 MiB at the top of a 1 GB build.
  Walks MakeWalks() const {
    const Vertex n = static_cast<Vertex>(nodes.size());
    const boost::counting_iterator<uint32_t> first(0);
    const boost::counting_iterator<uint32_t> last(
        static_cast<uint32_t>(ends.size()));
    const std::vector<Ends>& all = ends;
    auto forwards = [&all](uint32_t i) {
      return std::pair<Vertex, Vertex>(all[i].source.value,
                                       all[i].target.value);
    };
    auto backwards = [&all](uint32_t i) {
      return std::pair<Vertex, Vertex>(all[i].target.value,
                                       all[i].source.value);
    };
    auto slot = [&all](uint32_t i) { return EdgeSlot{i, all[i].relation}; };
    Adjacency out(boost::edges_are_unsorted_multi_pass,
                  boost::make_transform_iterator(first, forwards),
                  boost::make_transform_iterator(last, forwards),
                  boost::make_transform_iterator(first, slot), n);
    Adjacency in(boost::edges_are_unsorted_multi_pass,
                 boost::make_transform_iterator(first, backwards),
                 boost::make_transform_iterator(last, backwards),
                 boost::make_transform_iterator(first, slot), n);
    return {std::move(out), std::move(in)};
  }

  EdgeRef Ref(uint32_t index) const {
    return {ends[index].source, ends[index].target,
            EdgeHandle(&edge_data[index])};
  }

  // The edges `walk` holds for `node` whose relation is in `relations`.
  std::vector<EdgeRef> EdgesOf(const Adjacency& walk, NodeId node,
                               RelationSet relations) const {
    std::vector<EdgeRef> edges;
    if (node.value >= boost::num_vertices(walk)) return edges;  // see Walks
    for (const Edge& e :
         boost::make_iterator_range(boost::out_edges(node.value, walk)))
      if (relations.Has(walk[e].relation)) edges.push_back(Ref(walk[e].index));
    return edges;
  }
};

PolicyGraph::PolicyGraph() : impl_(std::make_unique<Impl>()) {}
PolicyGraph::~PolicyGraph() = default;
PolicyGraph::PolicyGraph(PolicyGraph&&) noexcept = default;
PolicyGraph& PolicyGraph::operator=(PolicyGraph&&) noexcept = default;

NodeId PolicyGraph::AddNode(const GraphNodeView& node) {
  const uint32_t hash = HashId(node.id);
  auto found = impl_->by_id.find(HashedId{node.id, hash});
  if (found != impl_->by_id.end()) return NodeId{found->vertex};
  const auto v = static_cast<uint32_t>(impl_->nodes.size());
  StringStore& strings = impl_->strings;
  impl_->nodes.push_back({
      .id = strings.Add(node.id).data(),
      .title = strings.Add(node.title).data(),
      .doc_number = strings.Add(node.doc_number).data(),
      .id_size = Size32(node.id),
      .title_size = Size32(node.title),
      .doc_number_size = Size32(node.doc_number),
      .type = impl_->InternAgain(impl_->last.type, node.type),
      .date = impl_->InternAgain(impl_->last.date, node.date),
      .issuer = impl_->InternAgain(impl_->last.issuer, node.issuer),
      .file = impl_->InternAgain(impl_->last.file, node.file),
      .document = impl_->InternAgain(impl_->last.document, node.document),
      .line = node.line,
      .mentions = node.mentions,
      .kind = node.kind,
      .level = node.level,
  });
  impl_->by_id.insert(IdSlot{v, hash});
  return NodeId{v};
}

void PolicyGraph::Reserve(size_t nodes, size_t edges) {
  impl_->nodes.reserve(nodes);
  impl_->by_id.reserve(nodes);
  impl_->ends.reserve(edges);
  impl_->by_key.reserve(edges);
}

void PolicyGraph::AddEdge(NodeId source, NodeId target,
                          const GraphEdgeView& edge) {
  Add(source, target, edge, true);
}

void PolicyGraph::KeepAlive(std::shared_ptr<const void> owner) {
  if (owner) impl_->kept.push_back(std::move(owner));
}

void PolicyGraph::AddEdgeViewingText(NodeId source, NodeId target,
                                     const GraphEdgeView& edge) {
  Add(source, target, edge, false);
}

void PolicyGraph::Add(NodeId source, NodeId target, const GraphEdgeView& edge,
                      bool copy_text) {
  // An edge to a number no node has would be an edge to nowhere: dropped.
  const size_t n = impl_->nodes.size();
  assert(source.value < n && target.value < n);
  if (source.value >= n || target.value >= n) return;
  const EdgeKey key{source.value, target.value, edge.relation};
  if (auto found = impl_->by_key.find(key); found != impl_->by_key.end()) {
    impl_->edge_data[*found].count += edge.count;
    return;
  }
  impl_->Changed();
  const auto index = static_cast<uint32_t>(impl_->edge_data.size());
  StringStore& strings = impl_->strings;
  impl_->edge_data.push_back({
      .file = strings.Interned(edge.evidence.file).data(),
      .text = copy_text ? strings.Add(edge.evidence.text).data()
                        : edge.evidence.text.data(),
      .cue = strings.Interned(edge.cue).data(),
      .score = edge.score,
      .file_size = Size32(edge.evidence.file),
      .text_size = Size32(edge.evidence.text),
      .cue_size = Size32(edge.cue),
      .line = edge.evidence.line,
      .count = edge.count,
      .relation = edge.relation,
  });
  impl_->ends.push_back({source, target, edge.relation});
  impl_->by_key.insert(index);
}

std::optional<NodeId> PolicyGraph::FindNode(std::string_view id) const {
  auto found = impl_->by_id.find(id);
  if (found == impl_->by_id.end()) return std::nullopt;
  return NodeId{found->vertex};
}

GraphNodeView PolicyGraph::Node(NodeId id) const {
  assert(id.value < impl_->nodes.size());
  const StoredNode& node = impl_->nodes[id.value];
  const StringStore& strings = impl_->strings;
  GraphNodeView view;
  view.id = {node.id, node.id_size};
  view.title = {node.title, node.title_size};
  view.doc_number = {node.doc_number, node.doc_number_size};
  view.type = strings.Text(node.type);
  view.date = strings.Text(node.date);
  view.issuer = strings.Text(node.issuer);
  view.file = strings.Text(node.file);
  view.document = strings.Text(node.document);
  view.kind = node.kind;
  view.level = node.level;
  view.line = node.line;
  view.mentions = node.mentions;
  return view;
}

size_t PolicyGraph::NodeCount() const { return impl_->nodes.size(); }

size_t PolicyGraph::EdgeCount() const { return impl_->edge_data.size(); }

std::vector<NodeId> PolicyGraph::Nodes() const {
  std::vector<NodeId> nodes(NodeCount());
  for (size_t v = 0; v < nodes.size(); ++v)
    nodes[v] = NodeId{static_cast<uint32_t>(v)};
  return nodes;
}

std::vector<PolicyGraph::EdgeRef> PolicyGraph::OutEdges(
    NodeId node, RelationSet relations) const {
  return impl_->EdgesOf(impl_->Ready().out, node, relations);
}

std::vector<PolicyGraph::EdgeRef> PolicyGraph::InEdges(
    NodeId node, RelationSet relations) const {
  return impl_->EdgesOf(impl_->Ready().in, node, relations);
}

std::vector<PolicyGraph::EdgeRef> PolicyGraph::Edges() const {
  std::vector<EdgeRef> all;
  all.reserve(EdgeCount());
  for (size_t i = 0; i < impl_->ends.size(); ++i)
    all.push_back({impl_->ends[i].source, impl_->ends[i].target,
                   EdgeHandle(&impl_->edge_data[i])});
  return all;
}

const std::vector<PolicyGraph::Ends>& PolicyGraph::EdgeEnds() const {
  return impl_->ends;
}

// Breadth first, with `reached` as the queue: a node's edges are tried
// after those of every node reached before it, in insertion order, so the
// first edge to reach a node is its tree edge.
std::vector<PolicyGraph::Reached> PolicyGraph::Search(NodeId start,
                                                      RelationSet relations,
                                                      bool reverse,
                                                      int max_depth) const {
  if (max_depth <= 0 || start.value >= NodeCount()) return {};
  // Backwards is forwards over the edges reversed.
  const Adjacency& g = reverse ? impl_->Ready().in : impl_->Ready().out;
  std::vector<Reached> reached;
  reached.reserve(16);
  VisitedSet visited;
  visited.Insert(start.value);
  auto expand = [&](Vertex from, int depth) {
    if (depth >= max_depth) return;  // nothing beyond the limit is walked
    if (from >= boost::num_vertices(g)) return;  // see Walks
    for (const Edge& e :
         boost::make_iterator_range(boost::out_edges(from, g))) {
      const Vertex to = boost::target(e, g);
      if (!relations.Has(g[e].relation) || !visited.Insert(to)) continue;
      reached.push_back(
          {NodeId{to}, impl_->Ref(g[e].index), NodeId{from}, depth + 1});
    }
  };
  expand(start.value, 0);
  for (size_t k = 0; k < reached.size(); ++k)
    expand(reached[k].node.value, reached[k].depth);
  return reached;
}

namespace {

GraphNode DocumentNode(const Document& doc) {
  GraphNode node;
  node.id = doc.id;
  node.kind = NodeKind::kDocument;
  node.title = doc.attached_title.empty() ? doc.title : doc.attached_title;
  // A decree has no 发文字号; its 令号 is what people quote instead.
  node.doc_number = doc.doc_number.empty() ? doc.decree_number : doc.doc_number;
  node.level = doc.level;
  node.type = doc.type;
  node.date = doc.date;
  node.issuer = doc.issuer;
  node.file = doc.file;
  node.line = doc.first_line;
  return node;
}

GraphNode ExternalGraphNode(const ExternalNode& ext) {
  GraphNode node;
  node.id = ext.id;
  node.kind = NodeKind::kExternal;
  node.title = ext.title;
  node.doc_number = ext.doc_number;
  node.level = ext.level;
  node.type = ext.type;
  node.mentions = ext.mentions;
  return node;
}

// A directive node's id, "<document id>#<directive id>", made in `id`
// (AddDirectives reuses one string for the millions of a large graph).
void AssignDirectiveNodeId(std::string_view doc_id,
                           std::string_view directive_id, std::string& id) {
  id.assign(doc_id).append(1, '#').append(directive_id);
}

std::string DirectiveNodeId(std::string_view doc_id,
                            std::string_view directive_id) {
  std::string id;
  AssignDirectiveNodeId(doc_id, directive_id, id);
  return id;
}

// Directive nodes, each part_of its parent directive or its document.
// Views of the document's and the tree's strings, and the id made in
// `id`: the graph copies what it keeps, and an owning GraphNode and
// GraphEdge for each directive copied the heading, date, file and
// document once more (a sixth of building a large graph's nodes).
void AddDirectives(PolicyGraph& graph, const Document& doc,
                   const DirectiveTree& tree, std::string& id) {
  const std::optional<NodeId> doc_node = graph.FindNode(doc.id);
  std::vector<NodeId> nodes;
  nodes.reserve(tree.nodes.size());
  for (const Directive& d : tree.nodes) {
    AssignDirectiveNodeId(doc.id, d.id, id);
    GraphNodeView node;
    node.id = id;
    node.kind = NodeKind::kDirective;
    node.title = d.heading;
    node.level = doc.level;
    node.type = DirectiveKindName(d.kind);
    node.date = doc.date;
    node.file = doc.file;
    node.line = d.line;
    node.document = doc.id;
    NodeId self = graph.AddNode(node);
    nodes.push_back(self);
    // Children follow their parent in `tree.nodes`, so the parent's node
    // already exists.
    std::optional<NodeId> up = doc_node;
    if (d.parent >= 0 && static_cast<size_t>(d.parent) < nodes.size())
      up = nodes[d.parent];
    if (!up || *up == self) continue;
    GraphEdgeView edge;
    edge.relation = Relation::kPartOf;
    edge.evidence = {doc.file, "", d.line};
    graph.AddEdge(self, *up, edge);
  }
}

void AddReferences(PolicyGraph& graph, const ParsedFile& file) {
  for (const Reference& r : file.references) {
    if (r.self || r.target.empty() || r.target == r.doc) continue;
    std::optional<NodeId> source = graph.FindNode(r.doc);
    std::optional<NodeId> target = graph.FindNode(r.target);
    if (!source || !target) continue;
    GraphEdgeView edge;
    edge.relation = r.relation;
    edge.evidence = {r.file, r.surface, r.line};
    edge.cue = r.cue;
    graph.AddEdge(*source, *target, edge);
  }
}

void AddCounterparts(PolicyGraph& graph, const Corpus& corpus) {
  for (const Counterpart& c : FindCounterparts(CounterpartCandidates(corpus))) {
    std::optional<NodeId> lower = graph.FindNode(c.lower);
    std::optional<NodeId> higher = graph.FindNode(c.higher);
    if (!lower || !higher) continue;
    const GraphNodeView& node = graph.Node(*lower);
    GraphEdge edge;
    edge.relation = Relation::kCounterpart;
    if (node.kind == NodeKind::kDocument) {
      edge.evidence.file = node.file;
      edge.evidence.line = node.line;
    }
    edge.evidence.text = "core: " + c.core;
    graph.AddEdge(*lower, *higher, std::move(edge));
  }
}

// The aligned directive pairs of one parent document and its
// implementers: which nodes each alignment of `report` joins.  Only reads
// the graph, so it runs on the thread that measured the parent, and the
// serial step that adds the edges in corpus order has no lookups left.
// The pairs point into the report rather than copying its strings, so
// holding every parent's at once costs 16 bytes an alignment.
struct Aligned {
  NodeId from;
  NodeId to;
  const Implementation* impl;
};

std::vector<Aligned> FindAligned(const PolicyGraph& graph,
                                 const std::string& parent,
                                 const CoverageReport& report) {
  std::vector<Aligned> out;
  for (const DirectiveCoverage& d : report.directives) {
    std::optional<NodeId> to = graph.FindNode(DirectiveNodeId(parent, d.id));
    if (!to) continue;
    for (const Implementation& impl : d.implemented_by) {
      std::optional<NodeId> from =
          graph.FindNode(DirectiveNodeId(report.DocumentOf(impl), impl.id));
      if (from) out.push_back({*from, *to, &impl});
    }
  }
  return out;
}

// `aligned` as FindAligned found it in `report`.
void AddAligned(PolicyGraph& graph, const CoverageReport& report,
                const std::vector<Aligned>& aligned) {
  // The reports come from FinishEveryParent, whose rows all view the
  // report's text.
  graph.KeepAlive(report.text);
  for (const Aligned& a : aligned) {
    GraphEdgeView edge;
    edge.relation = Relation::kAligned;
    edge.evidence = {report.FileOf(*a.impl), a.impl->evidence, a.impl->line};
    edge.score = a.impl->score;
    graph.AddEdgeViewingText(a.from, a.to, edge);
  }
}

// Documents and externals, then (when `directives`) every directive node
// with its part_of edge, then reference and counterpart edges: the graph
// without alignments.  Without directives it is all MeasureEveryParent
// needs to find the parents, and its documents and externals have the
// same NodeIds as in the whole graph.  `release`, when given, is `corpus`
// itself, writable: each file's directive trees are freed once their nodes
// are made, so the trees and their copy in the graph are never all in
// memory at once.  `aligned_edges`: how many alignments the caller will
// add.
PolicyGraph GraphWithoutAlignments(
    const Corpus& corpus, bool directives, Corpus* release,
    size_t aligned_edges = 0, const std::function<void()>& released = nullptr) {
  PolicyGraph graph;
  // Every document, external and directive is a node; every directive and
  // reference at most one edge (alignments come on top).
  size_t nodes = corpus.externals.size(), edges = 0;
  for (const ParsedFile& file : corpus.files) {
    nodes += file.documents.size();
    if (directives)
      for (const DirectiveTree& tree : file.directives)
        nodes += tree.nodes.size();
    edges += file.references.size();
  }
  // Room for the alignments the caller adds too: grown to take them, the
  // edge lists and their index stood twice at the top of a 1 GB build.
  graph.Reserve(nodes, edges + (directives ? nodes : 0) + aligned_edges);
  for (const ParsedFile& file : corpus.files)
    for (const Document& doc : file.documents) graph.AddNode(DocumentNode(doc));
  for (const ExternalNode& ext : corpus.externals)
    graph.AddNode(ExternalGraphNode(ext));
  if (directives) {
    std::string id;  // each directive's, reused
    for (size_t f = 0; f < corpus.files.size(); ++f) {
      const ParsedFile& file = corpus.files[f];
      for (size_t i = 0;
           i < file.documents.size() && i < file.directives.size(); ++i)
        AddDirectives(graph, file.documents[i], file.directives[i], id);
      if (release)
        std::vector<DirectiveTree>().swap(release->files[f].directives);
    }
    if (release && released) released();
  }
  for (const ParsedFile& file : corpus.files) AddReferences(graph, file);
  AddCounterparts(graph, corpus);
  return graph;
}

// The alignments of every parent document the corpus implements, in
// corpus order, before FinishEveryParent writes them as reports: what
// BuildGraph adds, and the only step that reads the source texts.
std::vector<internal::PendingCoverage> MeasureEveryParent(const Corpus& corpus,
                                                          unsigned jobs) {
  // Which parents to measure depends only on reference and counterpart
  // edges, so a graph of the documents alone settles it; the parents are
  // then measured in parallel and their reports kept in corpus order.  Two
  // documents sharing an id are one node: measured once.
  struct Parent {
    std::string id;
    std::vector<std::string> children;
  };
  std::vector<Parent> parents;
  {
    const PolicyGraph documents =
        GraphWithoutAlignments(corpus, false, nullptr);
    std::unordered_set<std::string> measured;
    for (const ParsedFile& file : corpus.files) {
      for (const Document& doc : file.documents) {
        if (!measured.insert(doc.id).second) continue;
        std::vector<std::string> children =
            ImplementingDocuments(documents, doc.id);
        if (!children.empty()) parents.push_back({doc.id, std::move(children)});
      }
    }
  }
  // Every id is a node id, so an exact match: one hash lookup instead of
  // FindDocument's walk of the corpus, which made measuring every parent
  // quadratic in the corpus.  The first document with an id is the node.
  std::unordered_map<std::string_view, DocumentRef> documents;
  for (const ParsedFile& file : corpus.files)
    for (size_t i = 0; i < file.documents.size() && i < file.directives.size();
         ++i)
      documents.try_emplace(
          file.documents[i].id,
          DocumentRef{&file, &file.documents[i], &file.directives[i]});
  auto find = [&](const std::string& id) {
    auto it = documents.find(id);
    return it == documents.end() ? DocumentRef{} : it->second;
  };
  // Each parent's documents are looked up once; their directive count is
  // the size of its alignment.  Largest first: the hubs a thousand
  // documents implement would otherwise run last, alone, while the other
  // threads wait.  Each report has its slot, so the order of work does not
  // show in the output.
  std::vector<std::vector<DocumentRef>> refs(parents.size());
  std::vector<std::pair<size_t, size_t>> by_size;  // (directives, parent)
  for (size_t i = 0; i < parents.size(); ++i) {
    refs[i].push_back(find(parents[i].id));
    for (const std::string& id : parents[i].children)
      refs[i].push_back(find(id));
    size_t size = 0;
    for (const DocumentRef& ref : refs[i])
      if (ref.tree) size += ref.tree->nodes.size();
    by_size.emplace_back(size, i);
  }
  std::sort(by_size.begin(), by_size.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<internal::PendingCoverage> reports(parents.size());
  ParallelFor(parents.size(), jobs, [&](size_t k) {
    const size_t i = by_size[k].second;
    const std::vector<DocumentRef> children(refs[i].begin() + 1, refs[i].end());
    reports[i] = internal::AlignCoverage(refs[i].front(), children);
  });
  return reports;
}

// The reports of `pending`, which is emptied; the trees it points at must
// still exist.
std::vector<CoverageReport> FinishEveryParent(
    std::vector<internal::PendingCoverage>& pending, unsigned jobs) {
  std::vector<CoverageReport> reports(pending.size());
  ParallelFor(pending.size(), jobs, [&](size_t i) {
    reports[i] = internal::FinishCoverage(std::move(pending[i]));
  });
  std::vector<internal::PendingCoverage>().swap(pending);
  return reports;
}

// The whole graph: GraphWithoutAlignments and the aligned edges of
// `coverage`, as MeasureEveryParent measured it for the same corpus.
PolicyGraph GraphWithAlignments(const Corpus& corpus,
                                const std::vector<CoverageReport>& coverage,
                                unsigned jobs, Corpus* release,
                                const std::function<void()>& released) {
  size_t rows = 0;
  for (const CoverageReport& report : coverage)
    for (const DirectiveCoverage& d : report.directives)
      rows += d.implemented_by.size();
  PolicyGraph graph =
      GraphWithoutAlignments(corpus, true, release, rows, released);
  // Finding the nodes each alignment joins only reads the graph, so it runs
  // in parallel; the edges are then added in report order.
  std::vector<std::vector<Aligned>> aligned(coverage.size());
  ParallelFor(coverage.size(), jobs, [&](size_t i) {
    aligned[i] = FindAligned(graph, coverage[i].parent, coverage[i]);
  });
  for (size_t i = 0; i < aligned.size(); ++i) {
    AddAligned(graph, coverage[i], aligned[i]);
    std::vector<Aligned>().swap(aligned[i]);
  }
  return graph;
}

}  // namespace

PolicyGraph BuildGraph(const Corpus& corpus,
                       std::vector<CoverageReport>* coverage, unsigned jobs) {
  std::vector<internal::PendingCoverage> pending =
      MeasureEveryParent(corpus, jobs);
  std::vector<CoverageReport> reports = FinishEveryParent(pending, jobs);
  PolicyGraph graph =
      GraphWithAlignments(corpus, reports, jobs, nullptr, nullptr);
  if (coverage) *coverage = std::move(reports);
  return graph;
}

PolicyGraph BuildGraphReleasing(Corpus& corpus,
                                std::vector<CoverageReport>* coverage,
                                unsigned jobs,
                                const std::function<void()>& released) {
  std::vector<internal::PendingCoverage> pending =
      MeasureEveryParent(corpus, jobs);
  for (ParsedFile& file : corpus.files) {
    std::string().swap(file.source.text);
    std::vector<uint32_t>().swap(file.source.line_starts);
    std::vector<TocEntry>().swap(file.toc);
  }
  if (released) released();
  // The rows copy what they show of the child directives only now, with
  // the texts gone.
  std::vector<CoverageReport> reports = FinishEveryParent(pending, jobs);
  PolicyGraph graph =
      GraphWithAlignments(corpus, reports, jobs, &corpus, released);
  if (coverage) *coverage = std::move(reports);
  return graph;
}

std::vector<std::string> ImplementingDocuments(const PolicyGraph& graph,
                                               std::string_view parent) {
  std::optional<NodeId> node = graph.FindNode(parent);
  if (!node) node = graph.FindNode(NormalizeDocNumber(parent));
  if (!node) return {};
  std::vector<NodeId> sources;
  for (const PolicyGraph::EdgeRef& e :
       graph.InEdges(*node, ImplementingRelations())) {
    if (e.source == *node) continue;
    if (graph.Node(e.source).kind != NodeKind::kDocument) continue;
    sources.push_back(e.source);
  }
  std::sort(sources.begin(), sources.end());
  sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
  std::vector<std::string> ids;
  ids.reserve(sources.size());
  for (NodeId id : sources) ids.emplace_back(graph.Node(id).id);
  return ids;
}

}  // namespace policygraph

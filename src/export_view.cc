// SelectView: the part of the graph a diagram or a neighbourhood shows.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "policygraph/export.h"
#include "policygraph/fold.h"

namespace policygraph {
namespace {

// A directive is shown at its document's level, so a level filter keeps or
// drops a document together with its directives.
Level ViewLevel(const PolicyGraph& graph, const GraphNodeView& node) {
  if (node.kind != NodeKind::kDirective) return node.level;
  std::optional<NodeId> document = graph.FindNode(node.document);
  return document ? graph.Node(*document).level : node.level;
}

bool PassesKindAndLevel(const PolicyGraph& graph, const GraphNodeView& node,
                        const ViewOptions& options) {
  if (node.kind == NodeKind::kDirective && !options.directives) return false;
  if (options.levels.empty()) return true;
  return std::find(options.levels.begin(), options.levels.end(),
                   ViewLevel(graph, node)) != options.levels.end();
}

// The nodes `keep` marks and the edges between them whose relation is in
// `relations`, in the original order.  The original has at most one edge
// per (source, target, relation) and ids map one to one, so AddEdge never
// merges here and every count is carried over unchanged.
PolicyGraph CopyKept(const PolicyGraph& graph, const std::vector<bool>& keep,
                     RelationSet relations) {
  PolicyGraph view;
  std::vector<std::optional<NodeId>> copied(graph.NodeCount());
  for (NodeId n : graph.Nodes())
    if (keep[n.value]) copied[n.value] = view.AddNode(graph.Node(n));
  for (const PolicyGraph::EdgeRef& e : graph.Edges()) {
    if (!relations.Has(e.edge->relation)) continue;
    const std::optional<NodeId>& source = copied[e.source.value];
    const std::optional<NodeId>& target = copied[e.target.value];
    if (!source || !target) continue;
    view.AddEdge(*source, *target, *e.edge);
  }
  return view;
}

// The selected node may be named by any spelling of its number, as the
// other commands accept.
std::optional<NodeId> FindSelected(const PolicyGraph& graph,
                                   const std::string& select) {
  std::optional<NodeId> found = graph.FindNode(select);
  if (!found) found = graph.FindNode(NormalizeDocNumber(select));
  return found;
}

// `start` and every node within `depth` steps of it, walking edges only
// forwards or only backwards: ancestors and descendants, not cousins.
std::vector<bool> Neighbourhood(const PolicyGraph& graph, NodeId start,
                                int depth) {
  std::vector<bool> keep(graph.NodeCount(), false);
  keep[start.value] = true;
  for (bool reverse : {false, true})
    for (const PolicyGraph::Reached& r :
         graph.Search(start, RelationSet::All(), reverse, depth))
      keep[r.node.value] = true;
  return keep;
}

}  // namespace

PolicyGraph SelectView(const PolicyGraph& graph, const ViewOptions& options) {
  std::vector<bool> keep(graph.NodeCount(), false);
  for (NodeId n : graph.Nodes())
    keep[n.value] = PassesKindAndLevel(graph, graph.Node(n), options);
  // The neighbourhood is measured inside the filtered graph, so every node
  // shown is connected to the selection through nodes and edges shown.
  PolicyGraph filtered = CopyKept(graph, keep, options.relations);
  if (options.select.empty()) return filtered;
  // A selection the filters drop has no neighbourhood in this view.
  std::optional<NodeId> start = FindSelected(filtered, options.select);
  if (!start) return PolicyGraph();
  return CopyKept(filtered,
                  Neighbourhood(filtered, *start, std::max(options.depth, 0)),
                  RelationSet::All());
}

}  // namespace policygraph

#include "policygraph/lineage.h"

#include <unordered_map>

namespace policygraph {
namespace {

LineageStep StepFor(const PolicyGraph& graph,
                    const PolicyGraph::Reached& reached) {
  const GraphNode& node = graph.Node(reached.node);
  LineageStep step;
  step.id = node.id;
  step.title = node.title;
  step.doc_number = node.doc_number;
  step.kind = node.kind;
  step.level = node.level;
  step.date = node.date;
  step.relation = reached.via.edge->relation;
  step.evidence = reached.via.edge->evidence;
  step.cue = reached.via.edge->cue;
  step.depth = reached.depth;
  return step;
}

// One direction's tree: Search's BFS order, each step pointing at the step
// it was reached from (-1 for the root).
std::vector<LineageStep> Trace(const PolicyGraph& graph, NodeId root,
                               const LineageOptions& options, bool reverse) {
  std::vector<PolicyGraph::Reached> reached =
      graph.Search(root, options.relations, reverse, options.max_depth);
  std::unordered_map<uint32_t, int> index;  // node → its step
  std::vector<LineageStep> steps;
  steps.reserve(reached.size());
  for (const PolicyGraph::Reached& r : reached) {
    LineageStep step = StepFor(graph, r);
    // BFS reaches a node's predecessor before the node itself.
    auto from = index.find(r.from.value);
    step.parent = from == index.end() ? -1 : from->second;
    index.emplace(r.node.value, static_cast<int>(steps.size()));
    steps.push_back(std::move(step));
  }
  return steps;
}

}  // namespace

RelationSet DefaultLineageRelations() {
  // Counterparts are stored lower → higher like implements, so walking up
  // follows them forwards too.
  return {Relation::kBasis, Relation::kImplements, Relation::kFollows,
          Relation::kCounterpart, Relation::kIssues};
}

LineageReport TraceLineage(const PolicyGraph& graph, NodeId root,
                           const LineageOptions& options) {
  LineageReport report;
  const GraphNode& node = graph.Node(root);
  report.root = node.id;
  report.root_title = node.title;
  report.root_level = node.level;
  report.direction = options.direction;
  if (options.direction != LineageDirection::kDown)
    report.ancestors = Trace(graph, root, options, /*reverse=*/false);
  if (options.direction != LineageDirection::kUp)
    report.descendants = Trace(graph, root, options, /*reverse=*/true);
  return report;
}

}  // namespace policygraph

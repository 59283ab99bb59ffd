#include "policygraph/lineage.h"

#include <unordered_map>

namespace policygraph {
namespace {

LineageStep StepFor(const PolicyGraph& graph,
                    const PolicyGraph::Reached& reached) {
  const GraphNodeView& node = graph.Node(reached.node);
  LineageStep step;
  step.id = node.id;
  step.title = node.title;
  step.doc_number = node.doc_number;
  step.kind = node.kind;
  step.level = node.level;
  step.date = node.date;
  step.relation = reached.via.edge->relation;
  const EvidenceView evidence = reached.via.edge->evidence;
  step.evidence = {std::string(evidence.file), evidence.line,
                   std::string(evidence.text)};
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
  const GraphNodeView& node = graph.Node(root);
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

namespace {

GraphNode StepNode(const LineageStep& step) {
  GraphNode node;
  node.id = step.id;
  node.kind = step.kind;
  node.title = step.title;
  node.doc_number = step.doc_number;
  node.level = step.level;
  node.date = step.date;
  return node;
}

}  // namespace

PolicyGraph LineageToGraph(const LineageReport& report) {
  PolicyGraph graph;
  GraphNode root;
  root.id = report.root;
  root.kind = report.root.rfind("title:", 0) == 0 ? NodeKind::kExternal
                                                  : NodeKind::kDocument;
  root.title = report.root_title;
  root.level = report.root_level;
  const NodeId root_node = graph.AddNode(std::move(root));
  auto add_steps = [&](const std::vector<LineageStep>& steps, bool up) {
    std::vector<NodeId> nodes;
    nodes.reserve(steps.size());
    for (const LineageStep& s : steps)
      nodes.push_back(graph.AddNode(StepNode(s)));
    for (size_t i = 0; i < steps.size(); ++i) {
      const LineageStep& s = steps[i];
      const bool valid =
          s.parent >= 0 && static_cast<size_t>(s.parent) < steps.size();
      const NodeId near = valid ? nodes[s.parent] : root_node;
      GraphEdge edge;
      edge.relation = s.relation;
      edge.evidence = s.evidence;
      edge.cue = s.cue;
      graph.AddEdge(up ? near : nodes[i], up ? nodes[i] : near,
                    std::move(edge));
    }
  };
  add_steps(report.ancestors, /*up=*/true);
  add_steps(report.descendants, /*up=*/false);
  return graph;
}

}  // namespace policygraph

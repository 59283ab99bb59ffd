// policygraph — lineage: where a document comes from and what comes of it.
//
// Ancestors are what a document rests on or carries out (basis, implements,
// follows, counterpart, issues), followed transitively up to laws and
// national documents, external ones included; descendants are the same
// edges walked backwards.  Each step keeps the edge that made it, so a
// reader can check every link of a chain against the text:
//
//   合川府发〔2023〕2号 合川区综合立体交通网规划纲要（2021—2035年）
//     ├ implements 重庆市综合立体交通网规划纲要（2021—2035年）
//     │    hechuan-gazette-2023-01.txt:862 贯彻落实《…》
//     └ …
#ifndef POLICYGRAPH_LINEAGE_H_
#define POLICYGRAPH_LINEAGE_H_

#include <string>
#include <vector>

#include "policygraph/graph.h"

namespace policygraph {

enum class LineageDirection { kUp, kDown, kBoth };

// basis, implements, follows, counterpart, issues.
RelationSet DefaultLineageRelations();

struct LineageOptions {
  LineageDirection direction = LineageDirection::kUp;
  int max_depth = 10;
  RelationSet relations = DefaultLineageRelations();
};

// One node reached, and the edge it was reached by.
struct LineageStep {
  std::string id;
  std::string title;
  std::string doc_number;
  NodeKind kind = NodeKind::kDocument;
  Level level = Level::kUnknown;
  std::string date;
  Relation relation = Relation::kMentions;  // of the edge walked
  Evidence evidence;                        // of the edge walked
  std::string cue;
  int depth = 1;
  int parent = -1;  // index of the step one closer to the root, -1 = root
};

struct LineageReport {
  std::string root;  // id of the document (or external) traced
  std::string root_title;
  Level root_level = Level::kUnknown;
  // Which lists were traced, so an untraced direction is not mistaken for
  // an empty one.
  LineageDirection direction = LineageDirection::kBoth;
  // Trees in breadth-first order; a node appears once per direction, at
  // its shortest distance from the root.
  std::vector<LineageStep> ancestors;
  std::vector<LineageStep> descendants;
};

LineageReport TraceLineage(const PolicyGraph& graph, NodeId root,
                           const LineageOptions& options = {});

// The report as a graph of its own, for the exporters (lineage --format
// dot is GraphToDot of it): the root and one node per step id, and one
// edge per step in the direction of the original graph — up, the nearer
// node cites the step; down, the step cites the nearer node — carrying the
// step's relation, cue and evidence.
PolicyGraph LineageToGraph(const LineageReport& report);

}  // namespace policygraph

#endif  // POLICYGRAPH_LINEAGE_H_

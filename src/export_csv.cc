// The graph as one edge table for a spreadsheet: each row names both ends
// in words (title, number, level) beside their ids, so an auditor can
// filter and sort without joining a node table.
#include <string>

#include "policygraph/export.h"
#include "policygraph/report_format.h"

namespace policygraph {

std::string GraphToEdgeCsv(const PolicyGraph& graph) {
  std::string out =
      "source,source_title,source_number,source_level,relation,target,"
      "target_title,target_number,target_level,cue,score,count,"
      "evidence_file,evidence_line,evidence\n";
  for (const PolicyGraph::EdgeRef& e : graph.Edges()) {
    const GraphNodeView& source = graph.Node(e.source);
    const GraphNodeView& target = graph.Node(e.target);
    const GraphEdgeView& edge = *e.edge;
    const std::string cells[] = {
        std::string(source.id),
        std::string(source.title),
        std::string(source.doc_number),
        std::string(LevelName(source.level)),
        std::string(RelationName(edge.relation)),
        std::string(target.id),
        std::string(target.title),
        std::string(target.doc_number),
        std::string(LevelName(target.level)),
        std::string(edge.cue),
        ScoreText(edge.score),
        std::to_string(edge.count),
        std::string(edge.evidence.file),
        edge.evidence.line ? std::to_string(edge.evidence.line) : "",
        std::string(edge.evidence.text),
    };
    bool first = true;
    for (const std::string& cell : cells) {
      if (!first) out += ',';
      first = false;
      out += CsvCell(cell);
    }
    out += "\n";
  }
  return out;
}

}  // namespace policygraph

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
    const GraphNode& source = graph.Node(e.source);
    const GraphNode& target = graph.Node(e.target);
    const GraphEdge& edge = *e.edge;
    const std::string cells[] = {
        source.id,
        source.title,
        source.doc_number,
        std::string(LevelName(source.level)),
        std::string(RelationName(edge.relation)),
        target.id,
        target.title,
        target.doc_number,
        std::string(LevelName(target.level)),
        edge.cue,
        ScoreText(edge.score),
        std::to_string(edge.count),
        edge.evidence.file,
        edge.evidence.line ? std::to_string(edge.evidence.line) : "",
        edge.evidence.text,
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

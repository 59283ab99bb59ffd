// policygraph — the interactive viewer: one self-contained HTML file
// (index.html) that opens in any browser without a network or a server.
//
// The page holds Cytoscape.js (pinned in viewer/package-lock.json and
// inlined at build), the viewer's own script and style, and the data:
//
//   PolicyGraph + coverage reports ─GraphToViewerHtml→ "<!DOCTYPE html>…"
//
//   <script type="application/json" id="graph-data">
//   {"elements":{"nodes":[…],"edges":[…]},"coverage":[…],"directives":{…}}
//   </script>
//
// `elements` is GraphToCytoscape of the document view (SelectView with the
// default ViewOptions: documents and external documents, no directives),
// so the diagram stays a few hundred nodes however long the plans are;
// `coverage` is CoverageToJson of each report; `directives` maps a
// document id to its directive outline as [path, heading, line] rows, for
// the details panel.
//
// Invariants: the data block cannot end early or open markup whatever the
// titles say, because every '<', '>', '&', U+2028 and U+2029 in it is
// written as a \uXXXX escape (JSON.parse reads them back unchanged); the
// page never puts data into the DOM as markup; the same graph and reports
// give the same bytes.
#ifndef POLICYGRAPH_VIEWER_H_
#define POLICYGRAPH_VIEWER_H_

#include <ostream>
#include <string>
#include <vector>

#include "policygraph/coverage.h"
#include "policygraph/format.h"
#include "policygraph/graph.h"

namespace policygraph {

// The data block's JSON value, before escaping (see above).
Json ViewerData(const PolicyGraph& graph,
                const std::vector<CoverageReport>& coverage);

// The whole page, UTF-8.
std::string GraphToViewerHtml(const PolicyGraph& graph,
                              const std::vector<CoverageReport>& coverage);

// The same page written to a stream as it is made, one coverage report at
// a time (what `build` writes to index.html).  False when the stream
// failed.
bool WriteViewerHtml(const PolicyGraph& graph,
                     const std::vector<CoverageReport>& coverage,
                     std::ostream& out);

// The same, with the document view already made: `view` must be
// SelectView(graph, ViewOptions{}).  `build` draws its diagram from that
// view too, and one copy of it is less to hold than two.
bool WriteViewerHtml(const PolicyGraph& graph, const PolicyGraph& view,
                     const std::vector<CoverageReport>& coverage,
                     std::ostream& out);

}  // namespace policygraph

#endif  // POLICYGRAPH_VIEWER_H_

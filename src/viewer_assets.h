// Internal: the viewer's assets, compiled into the library.
//
// The definitions are generated at build time by
// cmake/EmbedViewerAssets.cmake from viewer/ (the page template, style and
// script, committed) and viewer/node_modules/cytoscape (pinned by
// viewer/package-lock.json), so index.html needs no file at run time.
// None of the scripts contains "</script" or "<!--"; the generator checks.
#ifndef POLICYGRAPH_SRC_VIEWER_ASSETS_H_
#define POLICYGRAPH_SRC_VIEWER_ASSETS_H_

#include <string_view>

namespace policygraph::internal {

// viewer/index.html: the page, with @VIEWER_CSS@, @CYTOSCAPE_JS@,
// @VIEWER_JS@ and @GRAPH_DATA@ where the other parts go.
extern const std::string_view kViewerHtml;
extern const std::string_view kViewerCss;
extern const std::string_view kViewerJs;
// cytoscape/dist/cytoscape.min.js, its licence comment included.
extern const std::string_view kCytoscapeJs;

}  // namespace policygraph::internal

#endif  // POLICYGRAPH_SRC_VIEWER_ASSETS_H_

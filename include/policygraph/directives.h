// policygraph — structure: a document → its directive tree.
//
// Directives are the numbered units a policy is made of and what coverage
// later aligns.  ParseDirectives reads a document's lines once, classifies
// each by its numbering marker and keeps a stack of open units, so nesting
// follows the usual hierarchy 篇 > 章 > 节 > 条 > 一、 > （一） > 1. > （1） >
// ——:
//
//   二、服务国家战略，不断完善卫星互联网发展体系      → id "二"
//   （一）建设卫星互联网基础设施。加快卫星互联网…   → id "二.（一）",
//                                                     heading
//                                                     "建设卫星互联网基础设施"
//
// Besides numbered lines it understands 专栏 boxes, whose tab-separated rows
// list items by category (二.（一）.专栏1.重大项目.2), standalone 附件
// markers that open an attachment, and task tables (序号 / 工作任务 /
// 牵头单位 / 完成时间) whose rows become directives (附件.15) with their lead
// units and deadline.  Numbered items in the covering notice of a 印发/转发
// document are kept apart under "通知." so the plan's ids stay clean.
//
// Invariants: nodes are in line order; every id is unique within the tree
// (a restarted numbering gets a "~2" suffix); a parent's line span contains
// its children's.
#ifndef POLICYGRAPH_DIRECTIVES_H_
#define POLICYGRAPH_DIRECTIVES_H_

#include "policygraph/model.h"

namespace policygraph {

DirectiveTree ParseDirectives(const SourceText& source, const Document& doc);

// Leaves and task rows: the directives a parent asks to be carried out, not
// the headings that only group them.
std::vector<int> ActionableDirectives(const DirectiveTree& tree);

// The directive's own words: its text up to its first child, lines joined
// without separators (Chinese needs none; a paragraph broken over lines
// reads whole again), box-cell markup and emphasis removed.
std::string DirectiveText(const SourceText& source, const DirectiveTree& tree,
                          int index);
// The same from a stretch of the text: `window` holds bytes
// [window_begin, window_begin + window.size()) of it and covers the
// directive (DocumentTextRange gives one that covers a whole document's).
std::string DirectiveText(std::string_view window, uint64_t window_begin,
                          const DirectiveTree& tree, int index);
// The stretch of its file's text that holds every directive of `tree`.
Span DocumentTextRange(const DirectiveTree& tree);

}  // namespace policygraph

#endif  // POLICYGRAPH_DIRECTIVES_H_

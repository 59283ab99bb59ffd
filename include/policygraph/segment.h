// policygraph — segment: a gazette issue → its documents, with metadata.
//
// A gazette (公报) issue holds a cover, a table of contents (目录, often
// followed by an English one), its documents one after another and a
// colophon.  SegmentGazette finds each document's header — the issuer and
// 关于…的通知 title, possibly broken over several lines, then its document
// number or decree number — and reads the metadata around it:
//
//   重庆市人民政府办公厅关于 印发《重庆市优化营商环境专项行动方案 (2024—…
//   渝府办发〔2024〕27号
//     → {id "渝府办发〔2024〕27号", title
//     "重庆市人民政府办公厅关于印发《…》的通知",
//        attached_title "重庆市优化营商环境专项行动方案（2024—2027年）",
//        issuer "重庆市人民政府办公厅", date "2024-03-22", type "通知",
//        level municipal, first_line 239, last_line 671}
//
// Anchors, in order of strength: a document-number line (渝府发〔2023〕7号,
// any bracket style, stray spaces); a decree header (重庆市人民政府令 /
// 第 359 号); a 关于…的通知 title followed by an addressee line (各…：).
// The table of contents, when present, is checked against what was found:
// an entry with no document and a document missing from the contents are
// warnings.  A file with neither contents nor any header is one document.
//
// Invariants: documents are in file order, their line spans do not overlap,
// and cover, contents, English contents and colophon belong to none.
#ifndef POLICYGRAPH_SEGMENT_H_
#define POLICYGRAPH_SEGMENT_H_

#include <string>
#include <vector>

#include "policygraph/model.h"

namespace policygraph {

// One entry of a gazette's table of contents.
struct TocEntry {
  std::string title;  // whitespace removed
  uint32_t line = 0;  // first line of the entry
  int page = 0;

  friend bool operator==(const TocEntry&, const TocEntry&) = default;
};

struct Segmentation {
  std::vector<TocEntry> toc;
  std::vector<Document> documents;
  std::vector<Diagnostic> diagnostics;
};

Segmentation SegmentGazette(const SourceText& source);

// Metadata helpers, exposed for the reference stage and for tests.
Level ClassifyIssuerLevel(std::string_view issuer);
// The document type a title ends with: 通知, 意见, 办法 … ("" when none).
std::string TitleType(std::string_view title);
// The plan a 印发/转发 notice issues: the normalized title between the last
// verb and the last 的 (…关于印发《X》的通知 → X); "" for any other title.
std::string IssuedTitle(std::string_view title);
// The plans of a title that joins several with 和 or 、, each a complete
// title of one type:
//   甲区妇女发展规划（2021—2030年）和甲区儿童发展规划（2021—2030年）
//     → {甲区妇女发展规划（2021—2030年）, 甲区儿童发展规划（2021—2030年）}
// Empty when the title names one document, as 国民经济和社会发展规划 or
// 第十四个五年规划和二〇三五年远景目标纲要 do.  Works on normalized and on
// folded (FoldForMatch) titles alike.
std::vector<std::string> JoinedTitles(std::string_view title);

}  // namespace policygraph

#endif  // POLICYGRAPH_SEGMENT_H_

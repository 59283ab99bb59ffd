// policygraph — extract: a document → the references it makes.
//
// Finds every mention of another document in a document's text and reads
// what the mention says about it:
//
//   根据《重庆市人民政府关于加快推进…的意见》（渝府发〔2023〕7号），…
//     → {line 47, form title, title "重庆市人民政府关于加快推进…的意见",
//        doc_number "渝府发〔2023〕7号", cue "根据", relation basis}
//   《重庆市出租汽车客运管理办法》（重庆市人民政府令第271号）同时废止。
//     → {cue "废止", relation repeals, doc_number "重庆市人民政府令第271号"}
//
// Mentions: 《…》 titles (also broken over lines, with spaces, one level of
// nested 《》/〈〉, quotes inside), each optionally followed by a parenthesis
// holding a document, decree or standard number and/or an abbreviation
// （以下简称《规划》）; bare document numbers in any bracket style; bare
// decree numbers (…令第N号); standards (GB/T 35547—2017).  An unclosed 《
// never swallows prose: a capture stops at 。, a blank line or 120
// characters.  The document's own number line and the gazette's contents
// are not references; the 《》 in a document's own title is (关于印发《X》的
// 通知 issues X).
//
// Relation, from the cue words of the mention's clause (between ，。；：
// and the mention; a cue right after the mention, within its clause, wins):
//
//   after the mention   废止/宣布失效/失效/不再执行/停止执行 → repeals;
//                       印发/转发 → issues;
//                       修订/出台/立法调研/起草 → drafts
//   before the mention  根据/依据 → basis;
//                       贯彻落实/贯彻/落实/实施/执行/完成 → implements;
//                       按照/参照/依照/对照/遵照 → follows; 印发/转发 → issues;
//                       废止/停止执行/不再执行/宣布失效/失效 → repeals;
//                       出台/制定/修订/编制/审议/起草/形成 → drafts
//   on the line leading into a list, for an item opening with its title
//   (决定废止以下规范性文件： / 1.《X》), as before the mention
//   in a section headed …依据 (四、规划依据, 一、编制依据) → basis
//   otherwise           mentions
//
// A cue followed by 的 (国务院印发的《X》) describes the mentioned document
// rather than acting on it and is skipped.  Mentions listed after one cue
// (根据《A》《B》和《C》) all take it.  A mention naming the containing
// document or the plan it issues is `self` and `issues`; an abbreviation
// is resolved to its full title within the same document only.
#ifndef POLICYGRAPH_EXTRACT_H_
#define POLICYGRAPH_EXTRACT_H_

#include <vector>

#include "policygraph/model.h"

namespace policygraph {

struct Extraction {
  std::vector<Reference> references;  // in text order
  std::vector<Diagnostic> diagnostics;
};

Extraction ExtractReferences(const SourceText& source, const Document& doc,
                             const DirectiveTree& directives);

// The relation and the cue word decided from the text before and after a
// mention, per the table above (exposed for tests and --explain); the last
// `issuer_bytes` of `before` print the mention's issuer (按市政府《关于…》),
// which a one-character cue stands before.
struct Cue {
  Relation relation = Relation::kMentions;
  std::string word;
};
Cue FindCue(std::string_view before, std::string_view after,
            size_t issuer_bytes = 0);

}  // namespace policygraph

#endif  // POLICYGRAPH_EXTRACT_H_

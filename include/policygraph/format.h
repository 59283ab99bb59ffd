// policygraph — turning documents, directive trees and diagnostics into
// JSON values and text for people.  Nothing here touches the file system.
//
// JSON follows the public contract of ../DESIGN (documents array):
//   {"id","title","attached_title","doc_number","decree_number","issuer",
//    "date","type","level","file","first_line","last_line","directives"}
// with null for a field the document does not have.  Keys keep that order
// and output is byte-stable for the same input.
#ifndef POLICYGRAPH_FORMAT_H_
#define POLICYGRAPH_FORMAT_H_

#include <string>

#include <nlohmann/json.hpp>

#include "policygraph/model.h"
#include "policygraph/pipeline.h"

namespace policygraph {

// Keys in insertion order, so the contract's field order is the output's.
using Json = nlohmann::ordered_json;

Json DocumentToJson(const Document& doc, size_t directive_count);
Json DocumentsToJson(const Corpus& corpus);
std::string FormatDocumentsTable(const Corpus& corpus);

// Nested tree: {"document", "directives": [{"id","label","kind","heading",
// "file","line","last_line", ["lead_units","deadline"], "text",
// "children":[…]}]}; "text" is the directive's own words (DirectiveText).
Json DirectiveTreeToJson(const SourceText& source, const DirectiveTree& tree,
                         const Document& doc);
// Indented outline, one directive a line: "  二.（一）  L382  建设…".
std::string FormatDirectivesText(const DirectiveTree& tree,
                                 const Document& doc);

// One refs record (the public jsonl contract): {"file","line","doc",
// "directive","surface","title","doc_number","cue","relation","self",
// "alias_of","target","target_kind"}, null where a field has no value.
Json ReferenceToJson(const Reference& ref);
// The same record as one line of text, appended to `out`: the bytes of
// ReferenceToJson(ref).dump() and "\n", without a Json object per record
// (refs prints hundreds of thousands).
void AppendReferenceJsonLine(std::string& out, const Reference& ref);
// One reference a line: file:line  relation  cue  surface → target.
// With `explain`, each line also shows the resolution tier and score.
std::string FormatReferencesTable(const Corpus& corpus, bool explain = false);

// "file:line: warning: message [code]" and, when the source is known, the
// offending line below it, the way a compiler reports.
std::string FormatDiagnostic(const Diagnostic& d, const SourceText* source);

// Columns of a terminal: CJK characters take two.
size_t DisplayWidth(std::string_view text);

}  // namespace policygraph

#endif  // POLICYGRAPH_FORMAT_H_

// Fuzzes DecodeText → SegmentGazette → ParseDirectives for every document.
// directives.h promises nodes in line order, ids unique within a tree and a
// parent's line span containing its children's; model.h that children are
// indices into the same vector.  On top, each node lies inside its
// document, its text span inside the source, and its strings are UTF-8.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "policygraph/decode.h"
#include "policygraph/directives.h"
#include "policygraph/segment.h"

#include "fuzz_check.h"

namespace pg = policygraph;
using pg::fuzz::AsText;
using pg::fuzz::IsValidUtf8;

namespace {

void CheckNode(const pg::DirectiveTree& tree, int index,
               const pg::SourceText& source, const pg::Document& doc) {
  const pg::Directive& d = tree.nodes[index];
  const int count = static_cast<int>(tree.nodes.size());
  FUZZ_CHECK(d.line >= doc.first_line && d.line <= doc.last_line,
             "a directive starts outside its document");
  FUZZ_CHECK(d.line <= d.last_line && d.last_line <= doc.last_line,
             "a directive ends before it starts or after its document");
  FUZZ_CHECK(uint64_t{d.text.offset} + d.text.length <= source.text.size(),
             "a directive's text span runs past the source");
  // A box item shares its row with its neighbours, so its span starts
  // inside the line; every other directive starts at its line.
  FUZZ_CHECK(d.kind == pg::DirectiveKind::kBoxItem
                 ? source.LineOf(d.text.offset) == d.line
                 : d.text.offset == source.line_starts[d.line - 1],
             "a directive's text span does not start on its line");
  FUZZ_CHECK(d.text.length == 0 || source.LineOf(d.text.offset + d.text.length -
                                                 1) <= d.last_line,
             "a directive's text span runs past its last line");
  FUZZ_CHECK(IsValidUtf8(pg::DirectiveText(source, tree, index)),
             "a directive's text is not valid UTF-8");
  for (const std::string* s : {&d.id, &d.label, &d.heading, &d.deadline})
    FUZZ_CHECK(IsValidUtf8(*s), "a directive string is not valid UTF-8");
  for (const std::string& unit : d.lead_units)
    FUZZ_CHECK(IsValidUtf8(unit), "a lead unit is not valid UTF-8");
  if (index > 0) {
    FUZZ_CHECK(tree.nodes[index - 1].line <= d.line,
               "directives are not in line order");
  }
  FUZZ_CHECK(d.parent >= -1 && d.parent < index,
             "a parent is not an earlier node");
  if (d.parent >= 0) {
    const pg::Directive& parent = tree.nodes[d.parent];
    size_t listed = 0;
    for (int c : parent.children) listed += c == index;
    FUZZ_CHECK(listed == 1, "a parent does not list its child exactly once");
    FUZZ_CHECK(parent.line <= d.line && d.last_line <= parent.last_line,
               "a parent's line span does not contain its child's");
  }
  int previous = index;
  for (int c : d.children) {
    FUZZ_CHECK(c > previous && c < count,
               "children are not later nodes in document order");
    FUZZ_CHECK(tree.nodes[c].parent == index,
               "a child does not point back to its parent");
    previous = c;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const pg::DecodeResult decoded = pg::DecodeText(AsText(data, size), "fuzz");
  if (!decoded.ok) return 0;
  const pg::SourceText& source = decoded.source;
  const pg::Segmentation seg = pg::SegmentGazette(source);
  for (const pg::Document& doc : seg.documents) {
    const pg::DirectiveTree tree = pg::ParseDirectives(source, doc);
    FUZZ_CHECK(tree.document_id == doc.id, "tree names another document");
    std::set<std::string> ids;
    for (int i = 0; i < static_cast<int>(tree.nodes.size()); ++i) {
      FUZZ_CHECK(ids.insert(tree.nodes[i].id).second,
                 "two directives of one tree share an id");
      CheckNode(tree, i, source, doc);
    }
    for (int i : pg::ActionableDirectives(tree))
      FUZZ_CHECK(i >= 0 && i < static_cast<int>(tree.nodes.size()),
                 "an actionable directive is not a node");
  }
  return 0;
}

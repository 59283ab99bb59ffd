// Fuzzes reference extraction: decode, segment, structure, then
// ExtractReferences on each document, checking what extract.h promises.
#include <cstddef>
#include <cstdint>
#include <string>

#include "policygraph/decode.h"
#include "policygraph/extract.h"
#include "policygraph/format.h"
#include "policygraph/segment.h"

#include "fuzz_check.h"

namespace pg = policygraph;
using pg::fuzz::AsText;
using pg::fuzz::IsValidUtf8;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pg::DecodeResult decoded = pg::DecodeText(AsText(data, size), "fuzz.txt");
  if (!decoded.ok) return 0;
  const pg::SourceText& src = decoded.source;
  pg::Segmentation seg = pg::SegmentGazette(src);
  for (const pg::Document& doc : seg.documents) {
    pg::DirectiveTree tree = pg::ParseDirectives(src, doc);
    pg::Extraction ex = pg::ExtractReferences(src, doc, tree);
    uint32_t previous = 0;
    for (const pg::Reference& r : ex.references) {
      FUZZ_CHECK(r.span.offset >= previous, "references are not in text order");
      previous = r.span.offset;
      FUZZ_CHECK(r.span.offset + r.span.length <= src.text.size(),
                 "a reference span runs past the text");
      FUZZ_CHECK(r.line >= doc.first_line && r.line <= doc.last_line,
                 "a reference lies outside its document");
      FUZZ_CHECK(src.LineOf(r.span.offset) == r.line, "line and span disagree");
      FUZZ_CHECK(!r.title.empty() || !r.doc_number.empty(),
                 "a reference with neither title nor number");
      FUZZ_CHECK(IsValidUtf8(r.surface) && IsValidUtf8(r.title) &&
                     IsValidUtf8(r.doc_number) && IsValidUtf8(r.alias_of),
                 "a reference string is not valid UTF-8");
      pg::ReferenceToJson(r).dump();
    }
  }
  return 0;
}

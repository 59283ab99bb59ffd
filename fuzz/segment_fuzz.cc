// Fuzzes DecodeText → SegmentGazette.  segment.h promises documents in file
// order with line spans that do not overlap; each span lies inside the text,
// and every string a document carries is valid UTF-8 (it is exported as
// JSON and compared by folds).
#include <cstddef>
#include <cstdint>

#include "policygraph/decode.h"
#include "policygraph/segment.h"

#include "fuzz_check.h"

namespace pg = policygraph;
using pg::fuzz::AsText;
using pg::fuzz::IsValidUtf8;

namespace {

void CheckDocumentStrings(const pg::Document& doc) {
  for (const std::string* field :
       {&doc.id, &doc.title, &doc.attached_title, &doc.doc_number,
        &doc.decree_number, &doc.issuer, &doc.date, &doc.type, &doc.file})
    FUZZ_CHECK(IsValidUtf8(*field), "a document field is not valid UTF-8");
  FUZZ_CHECK(!doc.id.empty(), "a document has no id");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const pg::DecodeResult decoded = pg::DecodeText(AsText(data, size), "fuzz");
  if (!decoded.ok) return 0;
  const pg::SourceText& source = decoded.source;
  const pg::Segmentation seg = pg::SegmentGazette(source);
  const uint32_t lines = static_cast<uint32_t>(source.LineCount());
  uint32_t previous_last = 0;
  for (const pg::Document& doc : seg.documents) {
    FUZZ_CHECK(doc.first_line >= 1, "a document starts before line 1");
    FUZZ_CHECK(doc.first_line <= doc.last_line,
               "a document ends before it starts");
    FUZZ_CHECK(doc.last_line <= lines, "a document ends past the text");
    FUZZ_CHECK(doc.first_line > previous_last,
               "documents overlap or are out of file order");
    previous_last = doc.last_line;
    CheckDocumentStrings(doc);
  }
  for (const pg::TocEntry& entry : seg.toc) {
    FUZZ_CHECK(entry.line >= 1 && entry.line <= lines,
               "a contents entry names a line outside the text");
    FUZZ_CHECK(IsValidUtf8(entry.title), "a contents title is not UTF-8");
  }
  for (const pg::Diagnostic& d : seg.diagnostics) {
    FUZZ_CHECK(d.line <= lines, "a diagnostic names a line past the end");
    FUZZ_CHECK(IsValidUtf8(d.message), "a diagnostic is not valid UTF-8");
  }
  return 0;
}

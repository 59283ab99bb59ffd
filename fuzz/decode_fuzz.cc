// Fuzzes DecodeText on arbitrary bytes.  decode.h promises: no exception;
// on success the text is valid UTF-8 without BOM, CR or NUL and
// line_starts indexes it; on failure an error diagnostic and an empty
// source.  Valid UTF-8 is tried before anything else, so decoding the
// decoded text again must give it back unchanged.
#include <cstddef>
#include <cstdint>

#include "policygraph/decode.h"

#include "fuzz_check.h"

namespace pg = policygraph;
using pg::fuzz::AsText;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const pg::DecodeResult result = pg::DecodeText(AsText(data, size), "fuzz");
  if (!result.ok) {
    bool has_error = false;
    for (const pg::Diagnostic& d : result.diagnostics)
      has_error |= d.severity == pg::Severity::kError;
    FUZZ_CHECK(has_error, "refused input without an error diagnostic");
    FUZZ_CHECK(result.source.text.empty() && result.source.line_starts.empty(),
               "refused input left a non-empty source");
    return 0;
  }
  pg::fuzz::CheckSourceText(result.source);
  for (const pg::Diagnostic& d : result.diagnostics) {
    FUZZ_CHECK(d.severity != pg::Severity::kError,
               "decoded input carries an error diagnostic");
    FUZZ_CHECK(d.line <= result.source.LineCount(),
               "diagnostic names a line past the end");
    FUZZ_CHECK(pg::fuzz::IsValidUtf8(d.message), "message is not UTF-8");
  }
  const pg::DecodeResult again = pg::DecodeText(result.source.text, "fuzz");
  FUZZ_CHECK(again.ok, "decoded text is refused when decoded again");
  FUZZ_CHECK(again.source.text == result.source.text,
             "decoding is not idempotent on its own output");
  FUZZ_CHECK(again.diagnostics.empty(),
             "decoded text draws diagnostics when decoded again");
  return 0;
}

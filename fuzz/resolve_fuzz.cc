// Fuzzes resolution: the input, split at its first form feed into two
// "files", is parsed and resolved as one corpus; every reference must end
// on a document of the corpus or on one external node.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "policygraph/decode.h"
#include "policygraph/format.h"
#include "policygraph/pipeline.h"
#include "policygraph/resolve.h"

#include "fuzz_check.h"

namespace pg = policygraph;
using pg::fuzz::AsText;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input = AsText(data, size);
  size_t cut = input.find('\f');
  std::vector<std::string_view> parts = {input.substr(0, cut)};
  if (cut != std::string_view::npos) parts.push_back(input.substr(cut + 1));
  pg::Corpus corpus;
  for (size_t i = 0; i < parts.size(); ++i) {
    pg::DecodeResult decoded =
        pg::DecodeText(parts[i], "f" + std::to_string(i));
    if (!decoded.ok) continue;
    corpus.files.push_back(
        pg::ParseSource(std::move(decoded.source), corpus.diagnostics));
  }
  pg::Resolution resolution = pg::ResolveReferences(corpus);
  std::set<std::string> externals;
  for (const pg::ExternalNode& n : resolution.externals) {
    FUZZ_CHECK(externals.insert(n.id).second, "two external nodes share an id");
    FUZZ_CHECK(n.mentions > 0, "an external node nobody mentions");
  }
  for (const pg::ParsedFile& f : corpus.files) {
    for (const pg::Reference& r : f.references) {
      FUZZ_CHECK(!r.target.empty(), "an unresolved reference");
      if (r.target_kind == "document") {
        FUZZ_CHECK(corpus.FindDocument(r.target, nullptr, nullptr) != nullptr,
                   "a reference targets a document that is not in the corpus");
      } else {
        FUZZ_CHECK(r.target_kind == "external" && externals.count(r.target),
                   "a reference targets an unknown external node");
      }
      pg::ReferenceToJson(r).dump();
    }
  }
  return 0;
}

// Fuzzes the whole pipeline on one input, the way the CLI runs it: decode,
// ParseSource (segment + structure), then every exporter.  nlohmann's
// dump() throws on invalid UTF-8, so an escaping exception here is a string
// the pipeline cut or built wrongly; libFuzzer reports it as a crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "policygraph/decode.h"
#include "policygraph/format.h"
#include "policygraph/pipeline.h"

#include "fuzz_check.h"

namespace pg = policygraph;
using pg::fuzz::AsText;
using pg::fuzz::IsValidUtf8;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pg::DecodeResult decoded = pg::DecodeText(AsText(data, size), "fuzz.txt");
  std::vector<pg::Diagnostic> diagnostics = std::move(decoded.diagnostics);
  if (!decoded.ok) return 0;
  pg::Corpus corpus;
  corpus.files.push_back(
      pg::ParseSource(std::move(decoded.source), diagnostics));
  const pg::ParsedFile& file = corpus.files.front();
  FUZZ_CHECK(file.directives.size() == file.documents.size(),
             "directive trees are not parallel to documents");
  for (size_t i = 0; i < file.documents.size(); ++i) {
    const pg::Document& doc = file.documents[i];
    const pg::DirectiveTree& tree = file.directives[i];
    pg::DocumentToJson(doc, tree.nodes.size()).dump();
    pg::DirectiveTreeToJson(file.source, tree, doc).dump(2);
    FUZZ_CHECK(IsValidUtf8(pg::FormatDirectivesText(tree, doc)),
               "directive outline is not valid UTF-8");
    const pg::ParsedFile* found_file = nullptr;
    const pg::DirectiveTree* found_tree = nullptr;
    const pg::Document* found =
        corpus.FindDocument(doc.id, &found_file, &found_tree);
    FUZZ_CHECK(found != nullptr && found_file == &file,
               "FindDocument does not find a document by its own id");
  }
  pg::DocumentsToJson(corpus).dump(2);
  FUZZ_CHECK(IsValidUtf8(pg::FormatDocumentsTable(corpus)),
             "documents table is not valid UTF-8");
  corpus.diagnostics = std::move(diagnostics);
  for (const pg::Diagnostic& d : corpus.diagnostics)
    FUZZ_CHECK(IsValidUtf8(pg::FormatDiagnostic(d, &file.source)),
               "a formatted diagnostic is not valid UTF-8");
  return 0;
}

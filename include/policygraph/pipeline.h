// policygraph — the pipeline, top to bottom.
//
//   paths ─ListInputFiles→ files ─ReadSourceFile→ SourceText
//         ─SegmentGazette→ Document[] ─ParseDirectives→ DirectiveTree[]
//         ─ExtractReferences→ Reference[] ─ResolveReferences→ targets
//
// LoadCorpus runs the stages that exist so far over every input and keeps
// going past bad files: each failure is an error diagnostic naming the file,
// and the rest of the corpus is still processed.  Output order is the sorted
// file order, then document order, so results never depend on input order.
#ifndef POLICYGRAPH_PIPELINE_H_
#define POLICYGRAPH_PIPELINE_H_

#include <string>
#include <vector>

#include "policygraph/decode.h"
#include "policygraph/directives.h"
#include "policygraph/extract.h"
#include "policygraph/model.h"
#include "policygraph/segment.h"

namespace policygraph {

struct LoadOptions {
  uint64_t max_file_size = kDefaultMaxFileSize;
  // Threads reading and parsing files (0 = one per core).  The result is
  // the same for every value.
  unsigned jobs = 1;
  // Paths starting with `strip_prefix` are shown with `show_prefix`
  // instead, so output about the bundled corpus is the same on every
  // machine wherever the corpus is installed.
  std::string strip_prefix;
  std::string show_prefix;
};

struct ParsedFile {
  SourceText source;
  std::vector<TocEntry> toc;
  std::vector<Document> documents;
  std::vector<DirectiveTree> directives;  // parallel to `documents`
  std::vector<Reference> references;      // every document's, in text order
};

struct Corpus {
  std::vector<ParsedFile> files;
  std::vector<ExternalNode> externals;  // cited documents not in the corpus
  std::vector<Diagnostic> diagnostics;  // every stage's, in file order

  bool HasErrors() const;
  // The document with this id (as printed or in any spelling that normalizes
  // to it), or nullptr.  `file` receives the file that holds it.
  const Document* FindDocument(std::string_view id, const ParsedFile** file,
                               const DirectiveTree** tree) const;
};

Corpus LoadCorpus(const std::vector<std::string>& paths,
                  const LoadOptions& options = {});

// Segments and structures one decoded text (no file system access).
ParsedFile ParseSource(SourceText source, std::vector<Diagnostic>& diagnostics);

}  // namespace policygraph

#endif  // POLICYGRAPH_PIPELINE_H_

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
//
// It is two halves, so the first can run on many machines (shard.h):
// ParseFiles does everything that looks at one file alone (decode →
// segment → structure → extract), AssembleCorpus joins any number of such
// batches in sorted file order and resolves references corpus-wide.
//   LoadCorpus(paths) == AssembleCorpus({ParseFiles(paths)})
#ifndef POLICYGRAPH_PIPELINE_H_
#define POLICYGRAPH_PIPELINE_H_

#include <functional>
#include <optional>
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
  // ParseFiles reads only the files whose position in the sorted input
  // list is `part` modulo `parts` (0 <= part < parts), so processes that
  // list the same inputs split them without talking to each other.  The
  // listing's own diagnostics (a missing path, a folder without texts) go
  // with part 0 only, so a merge reports each once.
  unsigned part = 0;
  unsigned parts = 1;
  // Each file's text is let go once the file is parsed, when the file
  // holds it byte for byte (SourceText::origin), and read back a document
  // at a time by the one later stage that needs it, coverage alignment.
  // For `build`: at 1 GB the texts were 1 GiB of memory held from the
  // parse to the end of coverage.
  bool drop_texts = false;
  // Each document's directive tree is let go as soon as its references
  // are extracted; the tree keeps its document id, diagnostics and node
  // count (DirectiveTree::dropped_nodes), so `ParsedFile::directives`
  // stays parallel to `documents`.  For `refs` and `documents`, which
  // print no directive: at 1 GB the trees were most of their 1.3 GB.
  bool drop_trees = false;
};

struct ParsedFile {
  SourceText source;
  std::vector<TocEntry> toc;
  std::vector<Document> documents;
  std::vector<DirectiveTree> directives;  // parallel to `documents`
  std::vector<Reference> references;      // every document's, in text order

  friend bool operator==(const ParsedFile&, const ParsedFile&) = default;
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

// One input file after the per-file stages, before anything corpus-wide:
// its references are not resolved yet.
struct FileResult {
  std::string input;  // the path as listed (ListInputFiles): the sort key
  std::optional<ParsedFile> parsed;     // empty when it was not read or decoded
  std::vector<Diagnostic> diagnostics;  // this file's, every stage's

  friend bool operator==(const FileResult&, const FileResult&) = default;
};

struct FileBatch {
  std::vector<Diagnostic> diagnostics;  // from listing the inputs
  std::vector<FileResult> files;        // sorted by `input`, no repeats
  // Which part of which listing this is: LoadOptions' `part` of `parts`,
  // the number of files the whole listing held, and a fingerprint of it
  // (ListingFingerprint).  The parts of one split share `listing`, so
  // merge can tell a missing part from a batch of other files.
  unsigned part = 0;
  unsigned parts = 1;
  size_t listed = 0;
  std::string listing;

  friend bool operator==(const FileBatch&, const FileBatch&) = default;
};

// 16 hex digits (FNV-1a, 64 bits) of the sorted input paths: the same on
// every machine that lists the same paths.
std::string ListingFingerprint(const std::vector<std::string>& files);

// The per-file half of LoadCorpus: lists `paths`, keeps this part's files
// (options.part), reads and parses them on options.jobs threads.
FileBatch ParseFiles(const std::vector<std::string>& paths,
                     const LoadOptions& options = {});

// ParseFiles in two steps, for a batch too large to hold whole (extract of
// a large part).  ListBatch lists `paths` and keeps this part's files, each
// with only its `input` set; ParseBatchInOrder then reads and parses them,
// a few per thread at a time, and hands each result to `each` in listing
// order before letting it go.  `each` seeing every file of ListBatch's
// batch is ParseFiles' batch.
FileBatch ListBatch(const std::vector<std::string>& paths,
                    const LoadOptions& options = {});
void ParseBatchInOrder(const FileBatch& listed, const LoadOptions& options,
                       const std::function<void(FileResult&)>& each);

// The corpus-wide half: the files of every batch in sorted `input` order,
// an input found in several batches taken once from the first (as a path
// given twice is read once), diagnostics in the order LoadCorpus gives
// them; then references are resolved.  The result does not depend on how
// the files were split into batches.
Corpus AssembleCorpus(std::vector<FileBatch> batches);

// Segments and structures one decoded text (no file system access).
// Without `keep_trees`, each directive tree is emptied of its nodes once
// its document's references are extracted (LoadOptions::drop_trees).
ParsedFile ParseSource(SourceText source, std::vector<Diagnostic>& diagnostics,
                       bool keep_trees = true);

}  // namespace policygraph

#endif  // POLICYGRAPH_PIPELINE_H_

#include "policygraph/pipeline.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <optional>

#include "policygraph/fold.h"
#include "policygraph/parallel.h"
#include "policygraph/resolve.h"

#include "parse_internal.h"

namespace policygraph {
namespace {

template <typename T>
void MoveAppend(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()),
            std::make_move_iterator(from.end()));
}

}  // namespace

bool Corpus::HasErrors() const {
  for (const Diagnostic& d : diagnostics)
    if (d.severity == Severity::kError) return true;
  return false;
}

const Document* Corpus::FindDocument(std::string_view id,
                                     const ParsedFile** file,
                                     const DirectiveTree** tree) const {
  std::string number = NormalizeDocNumber(id);
  // "title:X" and a bare title both find the document titled X.
  std::string plain_title =
      NormalizeTitle(id.substr(id.rfind("title:") == 0 ? 6 : 0));
  std::string title = "title:" + plain_title;
  for (const ParsedFile& f : files) {
    for (size_t i = 0; i < f.documents.size(); ++i) {
      const Document& d = f.documents[i];
      if (d.id != id && d.id != number && d.id != title &&
          plain_title != d.title)
        continue;
      if (file) *file = &f;
      if (tree) *tree = &f.directives[i];
      return &d;
    }
  }
  return nullptr;
}

ParsedFile ParseSource(SourceText source, std::vector<Diagnostic>& diagnostics,
                       bool keep_trees) {
  ParsedFile parsed;
  parsed.source = std::move(source);
  internal::CleanLines clean;
  Segmentation seg = internal::SegmentGazette(parsed.source, &clean);
  diagnostics.insert(diagnostics.end(), seg.diagnostics.begin(),
                     seg.diagnostics.end());
  parsed.toc = std::move(seg.toc);
  parsed.documents = std::move(seg.documents);
  for (const Document& doc : parsed.documents) {
    DirectiveTree tree = internal::ParseDirectives(
        parsed.source, doc, clean,
        keep_trees ? internal::DirectiveDetail::kFull
                   : internal::DirectiveDetail::kOutline);
    diagnostics.insert(diagnostics.end(), tree.diagnostics.begin(),
                       tree.diagnostics.end());
    Extraction refs = ExtractReferences(parsed.source, doc, tree);
    diagnostics.insert(diagnostics.end(), refs.diagnostics.begin(),
                       refs.diagnostics.end());
    MoveAppend(parsed.references, refs.references);
    if (!keep_trees) {
      tree.dropped_nodes = tree.nodes.size();
      std::vector<Directive>().swap(tree.nodes);
    }
    parsed.directives.push_back(std::move(tree));
  }
  return parsed;
}

std::string ListingFingerprint(const std::vector<std::string>& files) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (const std::string& file : files) {
    for (unsigned char c : file) hash = (hash ^ c) * 0x100000001b3ULL;
    hash = (hash ^ '\n') * 0x100000001b3ULL;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(hash));
  return hex;
}

namespace {

// Reads and parses the file `file.input` names into `file`.
void ParseOneFile(FileResult& file, const LoadOptions& options) {
  std::optional<TextOrigin> origin;
  DecodeResult decoded = ReadSourceFile(file.input, options.max_file_size,
                                        options.drop_texts ? &origin : nullptr);
  file.diagnostics = std::move(decoded.diagnostics);
  if (!decoded.ok) return;
  if (!options.strip_prefix.empty() &&
      decoded.source.path.rfind(options.strip_prefix, 0) == 0)
    decoded.source.path =
        options.show_prefix +
        decoded.source.path.substr(options.strip_prefix.size());
  file.parsed = ParseSource(std::move(decoded.source), file.diagnostics,
                            !options.drop_trees);
  if (origin) {
    std::string().swap(file.parsed->source.text);
    file.parsed->source.origin = std::move(origin);
  }
}

}  // namespace

FileBatch ListBatch(const std::vector<std::string>& paths,
                    const LoadOptions& options) {
  FileBatch batch;
  InputList inputs = ListInputFiles(paths);
  const size_t parts = std::max(1u, options.parts);
  batch.part = options.part;
  batch.parts = static_cast<unsigned>(parts);
  batch.listed = inputs.files.size();
  batch.listing = ListingFingerprint(inputs.files);
  if (options.part == 0) batch.diagnostics = std::move(inputs.diagnostics);
  for (size_t i = options.part; i < inputs.files.size(); i += parts)
    batch.files.emplace_back().input = inputs.files[i];
  return batch;
}

FileBatch ParseFiles(const std::vector<std::string>& paths,
                     const LoadOptions& options) {
  FileBatch batch = ListBatch(paths, options);
  // Files are read and parsed independently; each thread fills its file's
  // slot, so the batch stays in sorted file order.
  ParallelFor(batch.files.size(), options.jobs,
              [&](size_t i) { ParseOneFile(batch.files[i], options); });
  return batch;
}

void ParseBatchInOrder(const FileBatch& listed, const LoadOptions& options,
                       const std::function<void(FileResult&)>& each) {
  // Windows of four files a thread: the threads rarely wait for the
  // window's slowest file, and memory holds a window, not the part.
  const size_t window = 4 * size_t{ResolveJobs(options.jobs)};
  std::vector<FileResult> files;
  for (size_t first = 0; first < listed.files.size(); first += window) {
    const size_t count = std::min(window, listed.files.size() - first);
    files.assign(count, FileResult());
    for (size_t k = 0; k < count; ++k)
      files[k].input = listed.files[first + k].input;
    ParallelFor(count, options.jobs,
                [&](size_t k) { ParseOneFile(files[k], options); });
    for (FileResult& file : files) each(file);
  }
}

Corpus AssembleCorpus(std::vector<FileBatch> batches) {
  Corpus corpus;
  std::vector<FileResult> files;
  for (FileBatch& batch : batches) {
    MoveAppend(corpus.diagnostics, batch.diagnostics);
    MoveAppend(files, batch.files);
  }
  // Stable, so of an input found twice the first batch's copy comes first
  // and is the one kept.
  auto by_input = [](const FileResult& a, const FileResult& b) {
    return a.input < b.input;
  };
  std::stable_sort(files.begin(), files.end(), by_input);
  files.erase(std::unique(files.begin(), files.end(),
                          [](const FileResult& a, const FileResult& b) {
                            return a.input == b.input;
                          }),
              files.end());
  for (FileResult& file : files) {
    MoveAppend(corpus.diagnostics, file.diagnostics);
    if (file.parsed) corpus.files.push_back(std::move(*file.parsed));
  }
  Resolution resolution = ResolveReferences(corpus);
  corpus.externals = std::move(resolution.externals);
  MoveAppend(corpus.diagnostics, resolution.diagnostics);
  return corpus;
}

Corpus LoadCorpus(const std::vector<std::string>& paths,
                  const LoadOptions& options) {
  std::vector<FileBatch> batches;
  batches.push_back(ParseFiles(paths, options));
  return AssembleCorpus(std::move(batches));
}

}  // namespace policygraph

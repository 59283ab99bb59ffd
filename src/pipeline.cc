#include "policygraph/pipeline.h"

#include <optional>

#include "policygraph/fold.h"
#include "policygraph/resolve.h"

#include "parallel.h"

namespace policygraph {

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

ParsedFile ParseSource(SourceText source,
                       std::vector<Diagnostic>& diagnostics) {
  ParsedFile parsed;
  parsed.source = std::move(source);
  Segmentation seg = SegmentGazette(parsed.source);
  diagnostics.insert(diagnostics.end(), seg.diagnostics.begin(),
                     seg.diagnostics.end());
  parsed.toc = std::move(seg.toc);
  parsed.documents = std::move(seg.documents);
  for (const Document& doc : parsed.documents) {
    DirectiveTree tree = ParseDirectives(parsed.source, doc);
    diagnostics.insert(diagnostics.end(), tree.diagnostics.begin(),
                       tree.diagnostics.end());
    Extraction refs = ExtractReferences(parsed.source, doc, tree);
    diagnostics.insert(diagnostics.end(), refs.diagnostics.begin(),
                       refs.diagnostics.end());
    parsed.references.insert(parsed.references.end(),
                             std::make_move_iterator(refs.references.begin()),
                             std::make_move_iterator(refs.references.end()));
    parsed.directives.push_back(std::move(tree));
  }
  return parsed;
}

Corpus LoadCorpus(const std::vector<std::string>& paths,
                  const LoadOptions& options) {
  Corpus corpus;
  InputList inputs = ListInputFiles(paths);
  corpus.diagnostics = std::move(inputs.diagnostics);
  // Files are read and parsed independently; each thread fills its file's
  // slot, and the slots are joined in sorted file order.
  struct Slot {
    std::optional<ParsedFile> parsed;
    std::vector<Diagnostic> diagnostics;
  };
  std::vector<Slot> slots(inputs.files.size());
  internal::ParallelFor(slots.size(), options.jobs, [&](size_t i) {
    Slot& slot = slots[i];
    DecodeResult decoded =
        ReadSourceFile(inputs.files[i], options.max_file_size);
    slot.diagnostics = std::move(decoded.diagnostics);
    if (!decoded.ok) return;
    if (!options.strip_prefix.empty() &&
        decoded.source.path.rfind(options.strip_prefix, 0) == 0)
      decoded.source.path =
          options.show_prefix +
          decoded.source.path.substr(options.strip_prefix.size());
    slot.parsed = ParseSource(std::move(decoded.source), slot.diagnostics);
  });
  for (Slot& slot : slots) {
    corpus.diagnostics.insert(corpus.diagnostics.end(),
                              std::make_move_iterator(slot.diagnostics.begin()),
                              std::make_move_iterator(slot.diagnostics.end()));
    if (slot.parsed) corpus.files.push_back(std::move(*slot.parsed));
  }
  Resolution resolution = ResolveReferences(corpus);
  corpus.externals = std::move(resolution.externals);
  corpus.diagnostics.insert(corpus.diagnostics.end(),
                            resolution.diagnostics.begin(),
                            resolution.diagnostics.end());
  return corpus;
}

}  // namespace policygraph

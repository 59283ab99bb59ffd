// policygraph — command-line tool.  Flags → validated options → library
// call → output → exit code; every subcommand is a row of kCommands.
//
// Exit codes: 0 ok; 1 the run found what --fail-on asked about; 2 usage or
// I/O error (bad flags, missing path, unreadable or binary input, failed
// write).  Other inputs are still processed when one of them fails.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <CLI/CLI.hpp>

#include "policygraph/coverage.h"
#include "policygraph/export.h"
#include "policygraph/fold.h"
#include "policygraph/format.h"
#include "policygraph/graph.h"
#include "policygraph/lineage.h"
#include "policygraph/orphans.h"
#include "policygraph/parallel.h"
#include "policygraph/pipeline.h"
#include "policygraph/report_format.h"
#include "policygraph/shard.h"
#include "policygraph/suggest.h"
#include "policygraph/text_spill.h"
#include "policygraph/viewer.h"

#include "output_choice.h"
#include "output_dir.h"
#include "phase_clock.h"
#include "release_memory.h"

namespace pg = policygraph;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFound = 1;
constexpr int kExitUsage = 2;

struct Options {
  std::vector<std::string> paths;
  std::string format;
  std::string id;
  bool quiet = false;
  bool explain = false;
  uint64_t max_file_size = pg::kDefaultMaxFileSize;
  unsigned jobs = 0;  // one per core
  // lineage
  bool up = false, down = false, both = false;
  int depth = 10;
  std::string relations;
  // coverage
  std::vector<std::string> children;
  // orphans
  std::string fail_on;
  // build, export, extract, merge
  std::string output;
  // build, merge
  bool timings = false;
  std::string outputs;
  // extract
  std::string part;
  // export
  std::string select;
  int view_depth = 2;
  std::string levels;
  bool with_directives = false;
};

// The bundled corpus: next to the sources in a build tree, under share/
// once installed; POLICYGRAPH_CORPUS overrides both.
std::string DefaultCorpus() {
  if (const char* env = std::getenv("POLICYGRAPH_CORPUS"); env && *env)
    return env;
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(POLICYGRAPH_SOURCE_CORPUS, ec))
    return POLICYGRAPH_SOURCE_CORPUS;
  // An installed tree may have been moved: look beside the executable first.
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path beside =
        exe.parent_path().parent_path() / "share/policygraph/corpus/chongqing";
    if (fs::is_directory(beside, ec)) return beside.string();
  }
  return POLICYGRAPH_INSTALLED_CORPUS;
}

// What to read and how to show its paths: the PATHs given, or the bundled
// corpus, shown as corpus/chongqing/… wherever it is installed.
struct Inputs {
  std::vector<std::string> paths;
  pg::LoadOptions load;
};

Inputs InputsFor(const Options& o) {
  Inputs in;
  in.load.max_file_size = o.max_file_size;
  in.load.jobs = o.jobs;
  in.paths = o.paths;
  if (in.paths.empty()) {
    std::string corpus = DefaultCorpus();
    in.paths.push_back(corpus);
    in.load.strip_prefix = corpus;
    in.load.show_prefix = "corpus/chongqing";
  }
  return in;
}

// A command that needs no text once its files are parsed (only their
// documents and references, and the lines warnings quote, which are read
// back) asks for `Texts::kDrop`: each text is let go as its file is parsed.
// At 1 GB `refs` held 2.4 GiB, the texts 1 GiB of it.
enum class Texts { kKeep, kDrop };
// Likewise the directive trees, for a command that prints neither them nor
// anything made of them but their size: at 1 GB `refs` and `documents` held
// 1.3 GB, the trees most of it.
enum class Trees { kKeep, kDrop };

pg::Corpus Load(const Options& o, Texts texts = Texts::kKeep,
                Trees trees = Trees::kKeep) {
  Inputs in = InputsFor(o);
  in.load.drop_texts = texts == Texts::kDrop;
  in.load.drop_trees = trees == Trees::kDrop;
  return pg::LoadCorpus(in.paths, in.load);
}

const pg::SourceText* SourceFor(const pg::Corpus& corpus,
                                const std::string& file) {
  for (const pg::ParsedFile& f : corpus.files)
    if (f.source.path == file) return &f.source;
  return nullptr;
}

// Warnings go to stderr unless -q; errors always do.  Returns true for an
// error.
bool Print(const pg::Diagnostic& d, const pg::SourceText* source, bool quiet) {
  const bool error = d.severity == pg::Severity::kError;
  if (error || !quiet) std::cerr << pg::FormatDiagnostic(d, source);
  return error;
}

// Folders without a single text (a wrong path, an unmounted share) must not
// pass for an empty corpus in an unattended run.  Returns true (an error).
bool ReportNoTexts() {
  std::cerr << "policygraph: error: no *.txt file to read in the paths "
               "given\n";
  return true;
}

// Prints the corpus's diagnostics; true when any was an error.  A text
// `build` let go after parsing is read back to quote its lines, once for
// the run of diagnostics about its file.
bool Report(const pg::Corpus& corpus, bool quiet) {
  bool errors = false;
  const pg::SourceText* read_back_from = nullptr;
  pg::SourceText read_back;
  for (const pg::Diagnostic& d : corpus.diagnostics) {
    const pg::SourceText* source = SourceFor(corpus, d.file);
    const bool shown = d.severity == pg::Severity::kError || !quiet;
    if (shown && source && source->origin) {
      if (read_back_from != source) {
        read_back_from = source;
        read_back.text = pg::WholeText(*source);
        read_back.line_starts = source->line_starts;
      }
      // Empty when the file changed since it was parsed: its lines now
      // would not be the ones the message is about, so none is quoted.
      source = read_back.text.empty() ? nullptr : &read_back;
    }
    errors |= Print(d, source, quiet);
  }
  if (!errors && corpus.files.empty()) errors = ReportNoTexts();
  return errors;
}

int Emit(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::cerr << "policygraph: error: cannot write to standard output\n";
    return kExitUsage;
  }
  return kExitOk;
}

bool ToStdout(const std::string& target) {
  return target.empty() || target == "-";
}

// What `write` puts on a stream, to standard output ("" or "-") or to the
// file `target`, staged beside it and renamed into place, so a reader never
// sees half of it; `write` returns false when the stream failed.
int WriteStreamTo(const std::string& target,
                  const std::function<bool(std::ostream&)>& write) {
  if (ToStdout(target)) {
    if (!write(std::cout)) {
      std::cerr << "policygraph: error: cannot write to standard output\n";
      return kExitUsage;
    }
    return kExitOk;
  }
  std::filesystem::path path(target);
  std::filesystem::path folder =
      path.has_parent_path() ? path.parent_path() : ".";
  std::string error;
  std::optional<policygraph::tools::OutputDir> dir =
      policygraph::tools::OutputDir::Open(folder, &error);
  if (!dir || !dir->Stage(path.filename().string(), write, &error) ||
      !dir->Commit(&error)) {
    std::cerr << "policygraph: error: " << error << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

// `bytes` to standard output ("" or "-") or to the file `target`, staged
// beside it and renamed into place, so a reader never sees half of it.
int WriteTo(const std::string& target, const std::string& bytes) {
  if (ToStdout(target)) return Emit(bytes);
  return WriteStreamTo(target, [&](std::ostream& out) {
    return static_cast<bool>(
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())));
  });
}

int RunDocuments(const Options& o) {
  policygraph::tools::UseHugePages();
  pg::Corpus corpus = Load(o, Texts::kDrop, Trees::kDrop);
  bool errors = Report(corpus, o.quiet);
  std::string out = o.format == "json"
                        ? pg::DocumentsToJson(corpus).dump(2) + "\n"
                        : pg::FormatDocumentsTable(corpus);
  int rc = Emit(out);
  return errors ? kExitUsage : rc;
}

// `file` parsed again whole, text and trees, from the text the load let
// go; nullopt, with the error printed, when that cannot be read back (the
// file has changed since, say).
std::optional<pg::ParsedFile> ParseAgain(const pg::ParsedFile& file) {
  std::string error;
  pg::SourceText source;
  source.path = file.source.path;
  source.text = pg::WholeText(file.source, &error);
  if (!error.empty()) {
    std::cerr << "policygraph: error: " << error << "\n";
    return std::nullopt;
  }
  source.line_starts = file.source.line_starts;
  std::vector<pg::Diagnostic> said;  // the first parse's were printed
  return pg::ParseSource(std::move(source), said);
}

int RunDirectives(const Options& o) {
  // One document's tree is printed: the corpus is loaded without texts
  // and trees, and only the file holding the document is parsed again for
  // it.  Holding every text and tree took build's parse memory (about
  // 1 GiB at 1 GB) to print one tree.
  pg::Corpus corpus = Load(o, Texts::kDrop, Trees::kDrop);
  bool errors = Report(corpus, o.quiet);
  const pg::ParsedFile* file = nullptr;
  const pg::Document* doc = corpus.FindDocument(o.id, &file, nullptr);
  if (!doc) {
    std::cerr << pg::UnknownIdMessage(corpus, "", o.id, false);
    return kExitUsage;
  }
  std::optional<pg::ParsedFile> again = ParseAgain(*file);
  if (!again) return kExitUsage;
  const pg::DirectiveTree& tree =
      again->directives[static_cast<size_t>(doc - file->documents.data())];
  std::string out =
      o.format == "json"
          ? pg::DirectiveTreeToJson(again->source, tree, *doc).dump(2) + "\n"
          : pg::FormatDirectivesText(tree, *doc);
  int rc = Emit(out);
  return errors ? kExitUsage : rc;
}

int RunRefs(const Options& o) {
  policygraph::tools::UseHugePages();
  pg::Corpus corpus = Load(o, Texts::kDrop, Trees::kDrop);
  bool errors = Report(corpus, o.quiet);
  std::string out;
  if (o.format == "jsonl") {
    // Written a block at a time: at 1 GB the whole listing was 110 MB,
    // copied as it grew, and a quarter of the page faults of `refs`
    // (52,000 of 207,000), which cost about 10 us each on a VM.
    constexpr size_t kBlock = 1 << 20;
    out.reserve(kBlock + 4096);
    // A block that cannot be written (a full disk, a closed pipe with
    // SIGPIPE ignored) ends the listing; Emit reports it.
    bool writing = true;
    for (size_t i = 0; writing && i < corpus.files.size(); ++i)
      for (const pg::Reference& r : corpus.files[i].references) {
        pg::AppendReferenceJsonLine(out, r);
        if (out.size() < kBlock) continue;
        writing = std::fwrite(out.data(), 1, out.size(), stdout) == out.size();
        out.clear();
        if (!writing) break;
      }
  } else {
    out = pg::FormatReferencesTable(corpus, o.explain);
  }
  int rc = Emit(out);
  return errors ? kExitUsage : rc;
}

// A document id as the user typed it, or an external node's id
// ("title:…" or a number the corpus only cites).
// --relations as given (empty: leave `relations` as it is).  False, with
// the error printed, when a name is unknown.
bool ParseRelationsFlag(const std::string& list, pg::RelationSet* relations) {
  if (list.empty()) return true;
  std::string error;
  std::optional<pg::RelationSet> parsed = pg::ParseRelationSet(list, &error);
  if (!parsed) {
    std::cerr << "policygraph: error: --relations: " << error << "\n";
    return false;
  }
  *relations = *parsed;
  return true;
}

std::optional<pg::NodeId> FindRoot(const pg::Corpus& corpus,
                                   const pg::PolicyGraph& graph,
                                   const std::string& id) {
  if (const pg::Document* doc = corpus.FindDocument(id, nullptr, nullptr))
    return graph.FindNode(doc->id);
  if (auto node = graph.FindNode(id)) return node;
  if (auto node = graph.FindNode(pg::NormalizeDocNumber(id))) return node;
  return graph.FindNode("title:" + pg::NormalizeTitle(id));
}

int RunLineage(const Options& o) {
  pg::LineageOptions lineage;
  if (o.up + o.down + o.both > 1) {
    std::cerr << "policygraph: error: give at most one of --up, --down, "
                 "--both\n";
    return kExitUsage;
  }
  lineage.direction = o.down   ? pg::LineageDirection::kDown
                      : o.both ? pg::LineageDirection::kBoth
                               : pg::LineageDirection::kUp;
  lineage.max_depth = o.depth;
  if (!ParseRelationsFlag(o.relations, &lineage.relations)) return kExitUsage;
  pg::Corpus corpus = Load(o);
  bool errors = Report(corpus, o.quiet);
  pg::PolicyGraph graph = pg::BuildGraph(corpus, nullptr, o.jobs);
  std::optional<pg::NodeId> root = FindRoot(corpus, graph, o.id);
  if (!root) {
    std::cerr << pg::UnknownIdMessage(corpus, "", o.id, true);
    return kExitUsage;
  }
  pg::LineageReport report = pg::TraceLineage(graph, *root, lineage);
  std::string out = o.format == "json"
                        ? pg::LineageToJson(report).dump(2) + "\n"
                    : o.format == "dot" ? pg::FormatLineageDot(report)
                                        : pg::FormatLineageText(report);
  int rc = Emit(out);
  return errors ? kExitUsage : rc;
}

int RunCoverage(const Options& o) {
  pg::Corpus corpus = Load(o);
  bool errors = Report(corpus, o.quiet);
  const pg::Document* parent = corpus.FindDocument(o.id, nullptr, nullptr);
  if (!parent) {
    std::cerr << pg::UnknownIdMessage(corpus, "", o.id, false);
    return kExitUsage;
  }
  std::vector<std::string> children;
  for (const std::string& child : o.children) {
    const pg::Document* doc = corpus.FindDocument(child, nullptr, nullptr);
    if (!doc) {
      std::cerr << pg::UnknownIdMessage(corpus, "--child", child, false);
      return kExitUsage;
    }
    children.push_back(doc->id);
  }
  if (o.children.empty()) {
    pg::PolicyGraph graph = pg::BuildGraph(corpus, nullptr, o.jobs);
    children = pg::ImplementingDocuments(graph, parent->id);
    if (children.empty() && !o.quiet)
      std::cerr << "policygraph: note: no document of the input implements, "
                   "rests on, follows or localizes "
                << parent->id << "; name one with --child\n";
  }
  pg::CoverageReport report = pg::MeasureCoverage(corpus, parent->id, children);
  std::string out = o.format == "json"
                        ? pg::CoverageToJson(report).dump(2) + "\n"
                    : o.format == "csv" ? pg::FormatCoverageCsv(report)
                                        : pg::FormatCoverageText(report);
  int rc = Emit(out);
  return errors ? kExitUsage : rc;
}

// --fail-on: "orphans" (any kind) or a comma list of kinds.
std::optional<std::vector<pg::OrphanKind>> ParseFailOn(const std::string& list,
                                                       std::string* error) {
  const std::vector<pg::OrphanKind> all = {
      pg::OrphanKind::kUncovered,   pg::OrphanKind::kDraft,
      pg::OrphanKind::kDangling,    pg::OrphanKind::kRepealed,
      pg::OrphanKind::kAnachronism, pg::OrphanKind::kIsolated};
  std::vector<pg::OrphanKind> kinds;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = std::min(list.find(',', start), list.size());
    std::string name = list.substr(start, comma - start);
    start = comma + 1;
    if (name.empty()) continue;
    if (name == "orphans" || name == "any") return all;
    bool known = false;
    for (pg::OrphanKind k : all)
      if (pg::OrphanKindName(k) == name) kinds.push_back(k), known = true;
    if (!known) {
      *error = "unknown kind '" + name +
               "' (orphans, uncovered, draft, "
               "dangling, repealed, anachronism, isolated)";
      return std::nullopt;
    }
  }
  return kinds;
}

int RunOrphans(const Options& o) {
  std::string error;
  auto fail_on = ParseFailOn(o.fail_on, &error);
  if (!fail_on) {
    std::cerr << "policygraph: error: --fail-on: " << error << "\n";
    return kExitUsage;
  }
  pg::Corpus corpus = Load(o);
  bool errors = Report(corpus, o.quiet);
  std::vector<pg::CoverageReport> coverage;
  pg::PolicyGraph graph = pg::BuildGraph(corpus, &coverage, o.jobs);
  pg::OrphanReport report = pg::FindOrphans(corpus, graph, coverage);
  std::string out = o.format == "json"
                        ? pg::OrphansToJson(report).dump(2) + "\n"
                    : o.format == "csv" ? pg::FormatOrphansCsv(report)
                                        : pg::FormatOrphansText(report);
  int rc = Emit(out);
  if (errors) return kExitUsage;
  if (rc != kExitOk) return rc;
  for (pg::OrphanKind k : *fail_on)
    if (report.Count(k) > 0) return kExitFound;
  return kExitOk;
}

// Progress for long runs, on stderr so stdout stays clean; silent with -q.
void Progress(const Options& o, const std::string& message) {
  if (!o.quiet) std::cerr << "policygraph: " << message << "\n";
}

// The diagram view: documents and the documents they cite, without the
// directive nodes that would make the layout unreadable and slow.  Past a
// few hundred documents a whole-corpus diagram is neither readable nor
// quick (566 nodes took about 20 s to lay out, most of a 5 MB build).
constexpr size_t kMaxDiagramNodes = 400;

// Opens (creating it if missing) the folder build and merge write into.
std::optional<policygraph::tools::OutputDir> OpenFolder(
    const std::string& dir) {
  std::string error;
  std::optional<policygraph::tools::OutputDir> out =
      policygraph::tools::OutputDir::Open(dir, &error);
  if (!out) std::cerr << "policygraph: error: " << error << "\n";
  return out;
}

// Freeing a graph of millions of nodes one string at a time took seconds
// at the end of a large build, on one thread, and gave nothing back: the
// process was about to end.  What `build` made is handed here once its
// files are committed and left for the OS to reclaim.  A static list keeps
// it reachable, so leak checkers do not count it.
template <typename T>
void KeepUntilExit(T&& value) {
  static auto* kept = new std::vector<std::shared_ptr<void>>;
  kept->push_back(std::make_shared<std::decay_t<T>>(std::forward<T>(value)));
}

using policygraph::tools::OutputChoice;

// Why a diagram of `nodes` is not drawn, and what to do instead.
std::string TooManyToDraw(size_t nodes) {
  return std::to_string(nodes) +
         " nodes is too many for one readable diagram; draw part of the "
         "graph with `policygraph export --format svg --select ID` (or "
         "--levels, --relations)";
}

// Named on its own, the diagram is what the user came for: an error
// before the outputs are made beats a run that ends without it.
int RefuseDiagram(size_t nodes, const std::string& dir) {
  std::cerr << "policygraph: error: graph.svg: " << TooManyToDraw(nodes)
            << "; or leave it out of --outputs; the previous output in " << dir
            << "/ is unchanged\n";
  return kExitUsage;
}

// The nodes of the document view that the resolved corpus already shows:
// its documents and the documents it cites, one node per id.
size_t DocumentNodesOf(const pg::Corpus& corpus) {
  std::unordered_set<std::string_view> ids;
  for (const pg::ParsedFile& f : corpus.files)
    for (const pg::Document& d : f.documents) ids.insert(d.id);
  for (const pg::ExternalNode& e : corpus.externals) ids.insert(e.id);
  return ids.size();
}

// The files --outputs names, or an error (exit 2) before anything is read.
std::optional<OutputChoice> ChosenOutputs(const Options& o) {
  std::string error;
  std::optional<OutputChoice> chosen =
      policygraph::tools::ParseOutputChoice(o.outputs, &error);
  if (!chosen) std::cerr << "policygraph: error: --outputs: " << error << "\n";
  return chosen;
}

// Everything `build` does once the corpus exists, for build and merge
// alike, so the two cannot write different folders: graph, analyses and
// every output, staged and then committed together.
int WriteBuildFolder(const Options& o, const OutputChoice& files_chosen,
                     pg::Corpus corpus, policygraph::tools::OutputDir& out,
                     policygraph::tools::PhaseClock& clock) {
  const std::string dir = out.path().string();
  bool errors = Report(corpus, o.quiet);
  // An empty graph must not replace a good one.
  if (corpus.files.empty()) return kExitUsage;
  size_t documents = 0, references = 0;
  for (const pg::ParsedFile& f : corpus.files) {
    documents += f.documents.size();
    references += f.references.size();
  }
  Progress(o, std::to_string(corpus.files.size()) + " files, " +
                  std::to_string(documents) + " documents, " +
                  std::to_string(references) + " references, " +
                  std::to_string(corpus.externals.size()) +
                  " cited documents outside the corpus");
  // A named diagram that cannot be drawn is refused before the alignment,
  // when the documents alone are too many: a 1 GB build took 40 s to say
  // so.  The view is counted again once the graph exists.
  if (files_chosen.named.contains("graph.svg")) {
    if (const size_t nodes = DocumentNodesOf(corpus); nodes > kMaxDiagramNodes)
      return RefuseDiagram(nodes, dir);
  }
  // The source texts and directive trees go as soon as the graph has what
  // it needs of them, rather than beside the whole graph.
  std::vector<pg::CoverageReport> coverage;
  int released = 0;
  pg::PolicyGraph graph =
      pg::BuildGraphReleasing(corpus, &coverage, o.jobs, [&] {
        policygraph::tools::ReleaseFreeMemory();
        // The hook runs once the texts are gone, then once the trees are.
        clock.End(released++ == 0 ? "coverage alignment"
                                  : "coverage rows, graph nodes and edges");
      });
  clock.End("alignment edges");
  Progress(o, "graph: " + std::to_string(graph.NodeCount()) + " nodes, " +
                  std::to_string(graph.EdgeCount()) + " edges; coverage of " +
                  std::to_string(coverage.size()) + " parent document(s)");
  pg::OrphanReport orphans = pg::FindOrphans(corpus, graph, coverage);

  // Both reports print one summary, so they cannot disagree.
  const pg::AuditSummary audit =
      pg::SummarizeAudit(corpus, graph, coverage, orphans);
  clock.End("orphans and audit summary");
  // The outputs need only the graph and the reports, which own their text:
  // the corpus (every source text, document and directive tree) goes now,
  // before the outputs are made, rather than at exit.
  corpus = pg::Corpus();
  policygraph::tools::ReleaseFreeMemory();
  auto chosen = [&](std::string_view name) {
    return files_chosen.files.contains(name);
  };
  // Files not chosen are removed from the folder at commit: what it holds
  // is always one run's output, never a mix with an earlier run's.
  for (std::string_view name : policygraph::tools::kBuildFiles)
    if (!chosen(name)) out.StageRemoval(name);
  // The document view is for the viewer and the diagram only.
  const bool viewer = chosen("index.html");
  pg::PolicyGraph view;
  if (viewer || chosen("graph.dot") || chosen("graph.svg"))
    view = pg::SelectView(graph, pg::ViewOptions{});
  const size_t view_nodes = view.NodeCount();
  const bool draw = view_nodes <= kMaxDiagramNodes;
  const bool write_dot = chosen("graph.dot");
  const bool write_svg = chosen("graph.svg") && draw;
  clock.End("corpus freed, document view");
  if (chosen("graph.svg") && !draw) {
    if (files_chosen.named.contains("graph.svg"))
      return RefuseDiagram(view_nodes, dir);
    out.StageRemoval("graph.svg");
    if (!o.quiet)
      std::cerr << "policygraph: warning: graph.svg skipped: "
                << TooManyToDraw(view_nodes) << "\n";
  }

  // Each output is made and staged by one task, on -j threads: the files
  // are independent, and only `jobs` of them are in memory at once.  All
  // are staged before any replaces its old version, so a failed or
  // interrupted run leaves the previous output whole.  Spreadsheet
  // programs read UTF-8 CSV as the local code page unless it starts with a
  // byte-order mark.
  const std::string bom = "\xEF\xBB\xBF";
  // Each file is written to its staging stream, the whole-graph formats,
  // coverage.csv and the viewer a piece at a time (too big to hold twice).
  struct Output {
    std::string name;
    std::function<bool(std::ostream&)> stream;
  };
  auto text = [](auto make) {
    return [make](std::ostream& stream) { return bool(stream << make()); };
  };
  // The two readers of the coverage reports come first, and the reports go
  // when both are done: at the peak of a large build they were a fifth of
  // the memory, held beside the diagram's for no later reader.  Then the
  // longest first (at 1 GB and -j 2: graph.cyjs 4.4 s, graph.json 4.1,
  // graph.dot 3.3, GraphML 2.9, the viewer 1.2), so no long file is left
  // to start last while the other threads have finished.
  std::vector<Output> outputs = {
      {"index.html",
       [&](std::ostream& s) {
         return pg::WriteViewerHtml(graph, view, coverage, s);
       }},
      {"coverage.csv",
       [&](std::ostream& s) {
         return s << bom && pg::WriteCoverageCsv(coverage, s);
       }},
      {"graph.cyjs",
       [&](std::ostream& s) { return pg::WriteCytoscape(graph, s); }},
      {"graph.json",
       [&](std::ostream& s) { return pg::WriteNodeLink(graph, s); }},
      {"graph.graphml",
       [&](std::ostream& s) { return pg::WriteGraphml(graph, s); }},
      {"orphans.csv",
       text([&] { return bom + pg::FormatOrphansCsv(orphans); })},
      {"report.md", text([&] { return pg::FormatAuditMarkdown(audit); })},
      {"report.html", text([&] { return pg::FormatAuditHtml(audit); })},
  };
  std::erase_if(outputs, [&](const Output& x) { return !chosen(x.name); });
  const size_t coverage_tasks =
      static_cast<size_t>(viewer) + static_cast<size_t>(chosen("coverage.csv"));
  std::atomic<size_t> coverage_readers{coverage_tasks};
  if (coverage_tasks == 0) std::vector<pg::CoverageReport>().swap(coverage);
  // The viewer's elements and the diagram come from the same document
  // view; the second of the two to finish frees it.
  const bool graphviz_runs = write_dot || write_svg;
  std::atomic<size_t> view_readers{static_cast<size_t>(viewer) +
                                   static_cast<size_t>(graphviz_runs)};
  if (view_readers == 0) view = pg::PolicyGraph();
  auto done_with_view = [&] {
    if (--view_readers == 0) view = pg::PolicyGraph();
  };
  // Graphviz is not thread-safe, so one task makes graph.dot and lays out
  // graph.svg, and no other calls it.  It runs beside the other files
  // rather than before them (at 1 GB the DOT text alone takes seconds).
  // It is handed out after the first of the long files, which streams:
  // with two threads the second then starts that file while the viewer
  // runs, and the diagram's graph (hundreds of MB at 1 GB) is built once
  // the reports are gone, not beside them.  On a small corpus every file
  // before it is quick, so the layout, the longest job there, still
  // starts almost at once.
  const size_t graphviz_task =
      graphviz_runs ? std::min(coverage_tasks + 1, outputs.size()) : SIZE_MAX;
  auto graphviz = [&](std::string* error) {
    // A diagram not laid out is only written, straight to its file,
    // rather than held whole as text first (at 1 GB that did not move the
    // peak, which is elsewhere, but it is memory nobody needs).
    if (!write_svg) {
      out.Stage(
          "graph.dot", [&](std::ostream& s) { return pg::WriteDot(view, s); },
          error);
      done_with_view();
      return;
    }
    const std::string dot = pg::GraphToDot(view);
    done_with_view();
    if (write_dot && !out.Stage("graph.dot", dot, error)) return;
    Progress(
        o, "laying out the diagram (" + std::to_string(view_nodes) + " nodes)");
    std::optional<std::string> svg = pg::RenderDot(dot, "svg", error);
    if (!svg) {
      *error = "rendering graph.svg: " + *error;
      return;
    }
    out.Stage("graph.svg", *svg, error);
  };
  const std::string graphviz_files = write_dot && write_svg
                                         ? "graph.dot, graph.svg"
                                     : write_dot ? "graph.dot"
                                                 : "graph.svg";
  const size_t files = outputs.size() + write_dot + write_svg;
  const size_t tasks = outputs.size() + graphviz_runs;
  std::vector<std::string> errors_of(outputs.size() + 1);
  auto run = [&](size_t task) {
    const double start = clock.Now();
    if (task == graphviz_task) {
      graphviz(&errors_of.back());
      clock.EndTask("output " + graphviz_files, start);
      return;
    }
    const size_t i = task < graphviz_task ? task : task - 1;
    out.Stage(outputs[i].name, outputs[i].stream, &errors_of[i]);
    clock.EndTask("output " + outputs[i].name, start);
    if (outputs[i].name == "index.html") done_with_view();
    if (i < coverage_tasks && --coverage_readers == 0)
      std::vector<pg::CoverageReport>().swap(coverage);
  };
  pg::ParallelFor(tasks, o.jobs, run);
  clock.End("output files");
  for (size_t i = 0; i < errors_of.size(); ++i) {
    if (errors_of[i].empty()) continue;
    std::cerr << "policygraph: error: " << errors_of[i]
              << "; the previous output in " << dir << "/ is unchanged\n";
    return kExitUsage;
  }
  std::string error;
  if (!out.Commit(&error)) {
    std::cerr << "policygraph: error: " << error << "\n";
    return kExitUsage;
  }
  clock.End("commit");
  Progress(o, "wrote " + std::to_string(files) + " files to " + dir + "/ (" +
                  std::to_string(orphans.orphans.size()) +
                  " orphans; see report.md)");
  KeepUntilExit(std::move(graph));
  KeepUntilExit(std::move(view));
  KeepUntilExit(std::move(coverage));
  KeepUntilExit(std::move(orphans));
  return errors ? kExitUsage : kExitOk;
}

int RunBuild(const Options& o) {
  const std::optional<OutputChoice> chosen = ChosenOutputs(o);
  if (!chosen) return kExitUsage;
  const std::string dir = !o.output.empty() ? o.output
                          : o.paths.empty() ? std::string("graphs/chongqing")
                                            : std::string("graphs/out");
  std::optional<policygraph::tools::OutputDir> out = OpenFolder(dir);
  if (!out) return kExitUsage;
  Progress(o, "reading " + (o.paths.empty()
                                ? std::string("the bundled corpus")
                                : std::to_string(o.paths.size()) + " path(s)"));
  Inputs in = InputsFor(o);
  in.load.drop_texts = true;
  // Coverage reads the texts back from their files, and a file changed
  // or removed since it was parsed stops the build (the message names
  // it) rather than align other words; nothing is then written.
  try {
    policygraph::tools::PhaseClock clock(o.timings, std::cerr);
    std::vector<pg::FileBatch> batch;
    batch.push_back(pg::ParseFiles(in.paths, in.load));
    clock.End("parse (read, segment, directives, references)");
    pg::Corpus corpus = pg::AssembleCorpus(std::move(batch));
    clock.End("resolve");
    return WriteBuildFolder(o, *chosen, std::move(corpus), *out, clock);
  } catch (const std::runtime_error& e) {
    std::cerr << "policygraph: error: " << e.what() << "\n";
    return kExitUsage;
  }
}

// "K/N" with 1 <= K <= N: the K-th of N parts, 0-based in LoadOptions.
bool ParsePart(const std::string& text, pg::LoadOptions* load) {
  unsigned k = 0, n = 0;
  char slash = 0, rest = 0;
  if (std::sscanf(text.c_str(), "%u%c%u%c", &k, &slash, &n, &rest) != 3 ||
      slash != '/' || k < 1 || k > n)
    return false;
  load->part = k - 1;
  load->parts = n;
  return true;
}

int RunExtract(const Options& o) {
  Inputs in = InputsFor(o);
  if (!o.part.empty() && !ParsePart(o.part, &in.load)) {
    std::cerr << "policygraph: error: --part: expected K/N with 1 <= K <= N "
                 "(as 2/4), not '"
              << o.part << "'\n";
    return kExitUsage;
  }
  // Each file's record is written, and its messages printed, as soon as it
  // is parsed, a few files per thread at a time: the part is never held
  // whole, nor its shard (at 100 MB that was 657 MB at the peak).
  const pg::FileBatch listed = pg::ListBatch(in.paths, in.load);
  bool errors = false;
  for (const pg::Diagnostic& d : listed.diagnostics)
    errors |= Print(d, nullptr, o.quiet);
  size_t texts = 0, documents = 0, references = 0;
  // Written even when a file failed: the shard carries that file's error,
  // so merge reports it and exits 2 as build would.
  auto write = [&](std::ostream& out) {
    pg::ShardWriter writer(out, listed);
    pg::ParseBatchInOrder(listed, in.load, [&](const pg::FileResult& file) {
      for (const pg::Diagnostic& d : file.diagnostics)
        errors |=
            Print(d, file.parsed ? &file.parsed->source : nullptr, o.quiet);
      if (file.parsed) {
        ++texts;
        documents += file.parsed->documents.size();
        references += file.parsed->references.size();
      }
      writer.Add(file);
    });
    return writer.Finish();
  };
  if (int rc = WriteStreamTo(o.output, write); rc != kExitOk) return rc;
  // A part other than the first may hold no file when there are fewer
  // files than parts.
  if (!errors && texts == 0 && in.load.part == 0) errors = ReportNoTexts();
  if (!ToStdout(o.output))
    Progress(o, "wrote " + o.output + " (" + std::to_string(texts) +
                    " files, " + std::to_string(documents) + " documents, " +
                    std::to_string(references) + " references)");
  return errors ? kExitUsage : kExitOk;
}

// $TMPDIR, or /tmp.  Taken as it is, so a folder that is not there is
// named in the warning rather than passed over for another.
std::string TemporaryFolder() {
  const char* folder = std::getenv("TMPDIR");
  return folder && *folder ? std::string(folder) : std::string("/tmp");
}

// Stamps every text let go into `spill` so it can be read back, or, when
// the file cannot be read back by name, takes the texts back into memory.
// False (after a message) only when even that fails.
bool SealSpill(pg::TextSpill& spill, std::vector<pg::FileBatch>& batches,
               bool quiet) {
  std::string error;
  const bool sealed = spill.Seal(&error);
  if (!sealed && !quiet)
    std::cerr << "policygraph: warning: " << error
              << "; the texts are taken back into memory\n";
  for (pg::FileBatch& batch : batches) {
    for (pg::FileResult& file : batch.files) {
      if (!file.parsed) continue;
      if (sealed) {
        spill.Stamp(file.parsed->source);
      } else if (!spill.Restore(file.parsed->source, &error)) {
        std::cerr << "policygraph: error: " << error << "\n"
                  << "policygraph: nothing written\n";
        return false;
      }
    }
  }
  return true;
}

int RunMerge(const Options& o) {
  const std::optional<OutputChoice> chosen = ChosenOutputs(o);
  if (!chosen) return kExitUsage;
  policygraph::tools::PhaseClock clock(o.timings, std::cerr);
  Progress(o, "reading " + std::to_string(o.paths.size()) + " shard(s)");
  // Each text goes to an unnamed file in $TMPDIR as its record is read,
  // and coverage reads it back from there as build reads its inputs: held,
  // the texts were the difference between merge's peak (2.6x the input)
  // and build's (1.8x).  Without that file they stay in memory.
  std::string spill_error;
  std::optional<pg::TextSpill> spill =
      pg::TextSpill::Open(TemporaryFolder(), &spill_error);
  if (!spill && !o.quiet)
    std::cerr << "policygraph: warning: " << spill_error
              << "; the texts stay in memory\n";
  size_t unspilled = 0;
  auto each_text = [&](pg::SourceText& source) {
    if (spill && !spill->Keep(source)) ++unspilled;
  };
  std::vector<pg::FileBatch> batches;
  for (const std::string& path : o.paths) {
    pg::ShardResult shard = pg::ReadShardFile(path, each_text);
    if (!shard.ok) {
      std::cerr << pg::FormatDiagnostic(shard.error, nullptr)
                << "policygraph: nothing written; write the shard again "
                   "with `policygraph extract`\n";
      return kExitUsage;
    }
    batches.push_back(std::move(shard.batch));
  }
  if (unspilled > 0 && !o.quiet)
    std::cerr << "policygraph: warning: " << unspilled
              << " text(s) could not be written to the temporary file (is "
                 "$TMPDIR full?); they stay in memory\n";
  if (spill && !SealSpill(*spill, batches, o.quiet)) return kExitUsage;
  if (std::string wrong = pg::CheckShardParts(batches, o.paths);
      !wrong.empty()) {
    std::cerr << "policygraph: error: " << wrong << "\n"
              << "policygraph: nothing written\n";
    return kExitUsage;
  }
  // Opened only now, so a bad shard leaves no trace, not even a folder.
  std::optional<policygraph::tools::OutputDir> out = OpenFolder(o.output);
  if (!out) return kExitUsage;
  clock.End("read shards");
  pg::Corpus corpus = pg::AssembleCorpus(std::move(batches));
  clock.End("resolve");
  return WriteBuildFolder(o, *chosen, std::move(corpus), *out, clock);
}

// "national,district" → levels; an unknown name is an error naming the
// accepted ones.
std::optional<std::vector<pg::Level>> ParseLevels(const std::string& list,
                                                  std::string* error) {
  static constexpr pg::Level kAll[] = {
      pg::Level::kNational, pg::Level::kMunicipal, pg::Level::kDistrict,
      pg::Level::kDepartment, pg::Level::kUnknown};
  std::vector<pg::Level> levels;
  size_t start = 0;
  while (start <= list.size()) {
    size_t end = std::min(list.find(',', start), list.size());
    std::string name = list.substr(start, end - start);
    start = end + 1;
    if (name.empty()) continue;
    auto it = std::find_if(std::begin(kAll), std::end(kAll), [&](pg::Level l) {
      return pg::LevelName(l) == name;
    });
    if (it == std::end(kAll)) {
      *error = "unknown level '" + name +
               "' (national, municipal, district, department, unknown)";
      return std::nullopt;
    }
    levels.push_back(*it);
  }
  return levels;
}

int RunExport(const Options& o) {
  pg::ViewOptions view;
  view.directives = o.with_directives;
  view.select = o.select;
  view.depth = o.view_depth;
  if (!ParseRelationsFlag(o.relations, &view.relations)) return kExitUsage;
  std::string error;
  if (!o.levels.empty()) {
    auto levels = ParseLevels(o.levels, &error);
    if (!levels) {
      std::cerr << "policygraph: error: --levels: " << error << "\n";
      return kExitUsage;
    }
    view.levels = *levels;
  }
  pg::Corpus corpus = Load(o);
  bool errors = Report(corpus, o.quiet);
  pg::PolicyGraph graph = pg::BuildGraph(corpus, nullptr, o.jobs);
  if (!o.select.empty()) {
    // The same ids lineage accepts: any spelling of a number, or a title.
    std::optional<pg::NodeId> selected = FindRoot(corpus, graph, o.select);
    if (!selected) {
      std::cerr << pg::UnknownIdMessage(corpus, "--select", o.select, true);
      return kExitUsage;
    }
    view.select = graph.Node(*selected).id;
  }
  pg::PolicyGraph selected = pg::SelectView(graph, view);
  std::string out;
  if (o.format == "json") {
    out = pg::GraphToNodeLink(selected).dump(1) + "\n";
  } else if (o.format == "cytoscape") {
    out = pg::GraphToCytoscape(selected).dump(1) + "\n";
  } else if (o.format == "graphml") {
    out = pg::GraphToGraphml(selected);
  } else if (o.format == "csv") {
    out = pg::GraphToEdgeCsv(selected);
  } else {
    out = pg::GraphToDot(selected);
    if (o.format != "dot") {
      if (selected.NodeCount() > kMaxDiagramNodes) {
        std::cerr << "policygraph: error: " << selected.NodeCount()
                  << " nodes is too many to lay out; narrow the view with "
                     "--select, --levels or --relations\n";
        return kExitUsage;
      }
      std::optional<std::string> picture = pg::RenderDot(out, o.format, &error);
      if (!picture) {
        std::cerr << "policygraph: error: rendering " << o.format << ": "
                  << error << "\n";
        return kExitUsage;
      }
      out = std::move(*picture);
    }
  }
  const int rc = WriteTo(o.output, out);
  if (ToStdout(o.output)) return errors ? kExitUsage : rc;
  if (rc != kExitOk) return rc;
  Progress(o, "wrote " + o.output + " (" +
                  std::to_string(selected.NodeCount()) + " nodes, " +
                  std::to_string(selected.EdgeCount()) + " edges)");
  return errors ? kExitUsage : kExitOk;
}

struct Command {
  const char* name;
  const char* help;
  std::vector<std::string> formats;  // first is the default
  bool takes_id;
  std::function<int(const Options&)> handler;
  // Flags only this command has.
  std::function<void(CLI::App*, Options&)> add_flags = nullptr;
  // What its positional arguments are, when not gazettes (which default
  // to the bundled corpus and take --max-file-size); then they are
  // required.
  const char* inputs = nullptr;
  // Worked examples, printed after the options by --help.
  const char* footer = nullptr;
};

constexpr const char* kFolderHelp =
    "output folder (created if missing); files are replaced atomically, "
    "never left half-written";
constexpr const char* kOutputsHelp =
    "comma list of the files to write (default: all): graph.json, "
    "graph.cyjs, graph.graphml, graph.dot, graph.svg, coverage.csv, "
    "orphans.csv, report.md, report.html, index.html.  The others are "
    "removed from the folder, so it never mixes two runs; at 1 GB the ten "
    "files are about eight times the input and a quarter of the time.  "
    "Past 400 nodes graph.svg is skipped with a warning, or, named here, "
    "is an error and nothing is written";
constexpr const char* kTimingsHelp =
    "print on stderr, as each phase ends, how long it took, when it ran "
    "and the memory then resident and at its peak (also with -q; output "
    "files, made in parallel, get a line each)";

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"build",
       "The main job: read the gazettes, build the policy graph and write "
       "graph.json (node-link), graph.cyjs (Cytoscape.js), graph.graphml, "
       "graph.dot and graph.svg, coverage.csv, orphans.csv, report.md, "
       "report.html and index.html (the interactive viewer, one "
       "self-contained file) into one folder (default graphs/chongqing/ for "
       "the bundled corpus).  UTF-8 inputs are read twice, the second time "
       "by coverage instead of holding every text in memory: leave them "
       "unchanged until build ends (a change is an error, and nothing is "
       "written)",
       {"folder"},
       false,
       RunBuild,
       [](CLI::App* sub, Options& o) {
         sub->add_option("-o,--output", o.output, kFolderHelp);
         sub->add_option("--outputs", o.outputs, kOutputsHelp);
         sub->add_flag("--timings", o.timings, kTimingsHelp);
       }},
      {"extract",
       "The first half of `build`, to spread over many machines: read the "
       "gazettes and write what build computes for each file before the "
       "corpus-wide steps (decoded text, contents, documents, directive "
       "trees, references, diagnostics) into one shard file, a JSON object "
       "a line.  `merge` does the rest",
       {"jsonl"},
       false,
       RunExtract,
       [](CLI::App* sub, Options& o) {
         sub->add_option("-o,--output", o.output,
                         "shard file to write (atomically: staged beside it, "
                         "then renamed), or - for standard output")
             ->required();
         sub->add_option("--part", o.part,
                         "K/N: only the K-th of N parts of the input files "
                         "(every N-th in sorted order, from the K-th).  N "
                         "runs over the same PATHs with K = 1…N, on any "
                         "machines, split the inputs between them without a "
                         "file list; the input listing's warnings go with "
                         "part 1");
       },
       nullptr,
       "Examples:\n"
       "  # one shard of everything, then the folder build would write\n"
       "  policygraph extract gazettes/ -o all.jsonl\n"
       "  policygraph merge all.jsonl -o graphs/out\n\n"
       "  # three parts, on three machines sharing gazettes/ and shards/\n"
       "  policygraph extract gazettes/ --part 1/3 -o shards/1.jsonl\n"
       "  policygraph extract gazettes/ --part 2/3 -o shards/2.jsonl\n"
       "  policygraph extract gazettes/ --part 3/3 -o shards/3.jsonl\n"
       "  policygraph merge shards/*.jsonl -o graphs/out\n\n"
       "The shard is written even when an input fails (exit 2), so merge "
       "reports that input as build would.  tools/dask_build.py runs the "
       "parts on a Dask cluster."},
      {"merge",
       "The second half of `build`: read shards written by `extract`, join "
       "their files (in the order build reads them; a file found in two "
       "shards counts once), resolve references across all of them and "
       "write the folder build writes over the same inputs, byte for byte",
       {"folder"},
       false,
       RunMerge,
       [](CLI::App* sub, Options& o) {
         sub->add_option("-o,--output", o.output, kFolderHelp)->required();
         sub->add_option("--outputs", o.outputs, kOutputsHelp);
         sub->add_flag("--timings", o.timings, kTimingsHelp);
       },
       "shard files written by `policygraph extract`",
       "Examples:\n"
       "  policygraph merge shards/*.jsonl -o graphs/out\n"
       "  # the same bytes as\n"
       "  policygraph build gazettes/ -o graphs/out\n\n"
       "A damaged or truncated shard, or one of another format version, is "
       "an error naming the shard and its line (exit 2), and nothing is "
       "written.  So is a split with a part missing or given twice: each "
       "shard of `extract --part K/N` records K, N and a fingerprint of the "
       "whole input listing, and merge wants all N.  Paths are shown as "
       "extract saw them: run extract from the "
       "folder build would run in, or give the same absolute paths.\n\n"
       "The texts the shards carry wait in an unnamed file in $TMPDIR "
       "(/tmp when unset; about the size of the input, gone when merge "
       "ends), so merge holds no more than build; without room there it "
       "warns and keeps them in memory."},
      {"export",
       "Write the graph, or the neighbourhood of one document, for another "
       "tool: DOT, SVG or PNG (laid out by Graphviz), node-link JSON, "
       "Cytoscape.js, GraphML or an edge table in CSV.  Directive nodes are "
       "left out unless --directives; big graphs need --select to stay "
       "readable",
       {"dot", "svg", "png", "json", "cytoscape", "graphml", "csv"},
       false,
       RunExport,
       [](CLI::App* sub, Options& o) {
         sub->add_option("-o,--output", o.output,
                         "write to this file (atomically) instead of "
                         "standard output");
         sub->add_option("--select", o.select,
                         "only this document (id or number in any bracket "
                         "style) and what lies within --depth steps of it");
         sub->add_option("--depth", o.view_depth,
                         "steps from --select, both directions")
             ->check(CLI::Range(0, 1000))
             ->capture_default_str();
         sub->add_option("--relations", o.relations,
                         "comma list of relations to keep (basis, implements, "
                         "follows, issues, repeals, drafts, mentions, "
                         "counterpart, part_of, aligned; default: all)");
         sub->add_option("--levels", o.levels,
                         "comma list of levels to keep (national, municipal, "
                         "district, department, unknown; default: all)");
         sub->add_flag("--directives", o.with_directives,
                       "keep directive nodes (part_of and aligned edges)");
       }},
      {"documents",
       "List the documents of each gazette with their metadata "
       "(id, title, attached title, numbers, issuer, date, type, level, "
       "lines, directive count)",
       {"table", "json"},
       false,
       RunDocuments},
      {"directives",
       "Print one document's directive tree (篇/章/节/条, 一、（一）1.（1）, "
       "专栏 boxes, task-table rows with lead units and deadlines)",
       {"text", "json"},
       true,
       RunDirectives},
      {"refs",
       "List every reference one document makes to another: 《titles》, "
       "document numbers, decree numbers and standards, with the cue word "
       "and relation (basis, implements, follows, issues, repeals, drafts, "
       "mentions)",
       {"table", "jsonl"},
       false,
       RunRefs,
       [](CLI::App* sub, Options& o) {
         sub->add_flag("--explain", o.explain,
                       "show, per reference, the cue found and the "
                       "resolution tier and score that decided its target "
                       "(table format)");
       }},
      {"lineage",
       "Trace where a document comes from (--up: what it rests on or "
       "implements, transitively, up to laws and national plans) and what "
       "comes of it (--down), with the evidence line of every step",
       {"text", "json", "dot"},
       true,
       RunLineage,
       [](CLI::App* sub, Options& o) {
         sub->add_flag("--up", o.up, "ancestors only (the default)");
         sub->add_flag("--down", o.down, "descendants only");
         sub->add_flag("--both", o.both, "ancestors and descendants");
         sub->add_option("--depth", o.depth, "at most this many steps")
             ->check(CLI::Range(1, 1000))
             ->capture_default_str();
         sub->add_option("--relations", o.relations,
                         "comma list of relations to follow (default: "
                         "basis,implements,follows,counterpart,issues; also "
                         "drafts, mentions, repeals)");
       }},
      {"coverage",
       "For each directive of a parent document, which directives of its "
       "implementing documents carry it out, with a similarity score and "
       "the shared phrases, and the parent's coverage ratio",
       {"text", "json", "csv"},
       true,
       RunCoverage,
       [](CLI::App* sub, Options& o) {
         sub->add_option("--child", o.children,
                         "implementing document(s) to align (default: the "
                         "documents linked to the parent by implements, "
                         "basis, follows or counterpart)");
       }},
      {"orphans",
       "List what a policy chain left behind: parent directives nobody "
       "implements, documents to be drafted that never appear, dangling "
       "references, references to repealed documents, anachronisms and "
       "isolated documents",
       {"text", "json", "csv"},
       false,
       RunOrphans,
       [](CLI::App* sub, Options& o) {
         sub->add_option("--fail-on", o.fail_on,
                         "exit 1 when orphans of these kinds are found: "
                         "orphans (any) or a comma list of uncovered, draft, "
                         "dangling, repealed, anachronism, isolated");
       }},
  };
  return kCommands;
}

}  // namespace

int main(int argc, char** argv) {
  policygraph::tools::RemoveTemporaryFilesOnSignal();
  policygraph::tools::ReturnFreedMemorySooner();
  CLI::App app{
      "policygraph: reads Chinese government gazettes and policy documents and "
      "builds the graph of references between them.\n\n"
      "With no PATH, commands read the bundled Chongqing corpus.  PATHs are "
      "files or folders (searched recursively for *.txt); UTF-8, UTF-16 with "
      "BOM and GB18030/GBK are detected.\n\n"
      "Examples:\n"
      "  policygraph build -o graphs/chongqing\n"
      "  policygraph documents --format json\n"
      "  policygraph directives 渝府发〔2023〕7号\n"
      "  policygraph lineage 合川府发〔2023〕2号\n"
      "  policygraph coverage 渝府发〔2023〕7号 --format csv\n"
      "  policygraph orphans --fail-on uncovered\n"
      "  policygraph documents gazettes/ --format table\n"
      "  policygraph extract gazettes/ --part 1/2 -o 1.jsonl   (scale-out: "
      "see extract --help)\n\n"
      "Exit codes: 0 ok, 1 findings asked for with --fail-on, 2 usage or I/O "
      "error (bad flags, missing or unreadable input, failed write)"};
  app.set_version_flag("--version",
                       std::string("policygraph ") + POLICYGRAPH_VERSION);
  app.require_subcommand(1);
  Options options;
  int rc = kExitOk;
  // Each subcommand has its own format default, so each binds its own string.
  std::vector<std::string> formats_given(Commands().size());
  for (size_t i = 0; i < Commands().size(); ++i) {
    const Command& cmd = Commands()[i];
    CLI::App* sub = app.add_subcommand(cmd.name, cmd.help);
    if (cmd.takes_id)
      sub->add_option("ID", options.id,
                      "document id: a document number (渝府发〔2023〕7号, any "
                      "bracket style), a decree number or title:<title>")
          ->required();
    if (cmd.inputs)
      sub->add_option("SHARD", options.paths, cmd.inputs)->required();
    else
      sub->add_option("PATH", options.paths,
                      "gazette files or folders (default: bundled corpus)");
    if (cmd.footer) sub->footer(cmd.footer);
    formats_given[i] = cmd.formats.front();
    std::string formats;
    for (const std::string& f : cmd.formats)
      formats += (formats.empty() ? "" : "|") + f;
    if (cmd.formats.size() > 1)
      sub->add_option("--format,-f", formats_given[i],
                      "output format: " + formats)
          ->check(CLI::IsMember(cmd.formats))
          ->capture_default_str();
    sub->add_flag("--quiet,-q", options.quiet,
                  "print errors only, no warnings");
    if (cmd.add_flags) cmd.add_flags(sub, options);
    if (!cmd.inputs)
      sub->add_option("--max-file-size", options.max_file_size,
                      "refuse input files larger than this (bytes, or with "
                      "a unit: 512K, 256M, 2G; default 64M)")
          ->transform(CLI::AsSizeValue(false));
    sub->add_option("--jobs,-j", options.jobs,
                    "threads to use (default: one per core); the output is "
                    "the same for every value");
    sub->callback([&rc, &options, &formats_given, &cmd, i] {
      options.format = formats_given[i];
      rc = cmd.handler(options);
    });
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  return rc;
}

// policygraph — command-line tool.  Flags → validated options → library
// call → output → exit code; every subcommand is a row of kCommands.
//
// Exit codes: 0 ok; 1 the run found what --fail-on asked about; 2 usage or
// I/O error (bad flags, missing path, unreadable or binary input, failed
// write).  Other inputs are still processed when one of them fails.
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "policygraph/format.h"
#include "policygraph/pipeline.h"

namespace pg = policygraph;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;

struct Options {
  std::vector<std::string> paths;
  std::string format;
  std::string id;
  bool quiet = false;
  bool explain = false;
  uint64_t max_file_size = pg::kDefaultMaxFileSize;
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

pg::Corpus Load(const Options& o) {
  pg::LoadOptions load;
  load.max_file_size = o.max_file_size;
  std::vector<std::string> paths = o.paths;
  if (paths.empty()) {
    std::string corpus = DefaultCorpus();
    paths.push_back(corpus);
    load.strip_prefix = corpus;
    load.show_prefix = "corpus/chongqing";
  }
  return pg::LoadCorpus(paths, load);
}

const pg::SourceText* SourceFor(const pg::Corpus& corpus,
                                const std::string& file) {
  for (const pg::ParsedFile& f : corpus.files)
    if (f.source.path == file) return &f.source;
  return nullptr;
}

// Warnings go to stderr unless -q; errors always do.  Returns true when any
// error was reported.
bool Report(const pg::Corpus& corpus, bool quiet) {
  bool errors = false;
  for (const pg::Diagnostic& d : corpus.diagnostics) {
    errors |= d.severity == pg::Severity::kError;
    if (quiet && d.severity != pg::Severity::kError) continue;
    std::cerr << pg::FormatDiagnostic(d, SourceFor(corpus, d.file));
  }
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

int RunDocuments(const Options& o) {
  pg::Corpus corpus = Load(o);
  bool errors = Report(corpus, o.quiet);
  std::string out = o.format == "json"
                        ? pg::DocumentsToJson(corpus).dump(2) + "\n"
                        : pg::FormatDocumentsTable(corpus);
  int rc = Emit(out);
  return errors ? kExitUsage : rc;
}

int RunDirectives(const Options& o) {
  pg::Corpus corpus = Load(o);
  bool errors = Report(corpus, o.quiet);
  const pg::DirectiveTree* tree = nullptr;
  const pg::ParsedFile* file = nullptr;
  const pg::Document* doc = corpus.FindDocument(o.id, &file, &tree);
  if (!doc) {
    std::cerr << "policygraph: error: no document with id '" << o.id
              << "' in the input; `policygraph documents` lists the ids\n";
    return kExitUsage;
  }
  std::string out =
      o.format == "json"
          ? pg::DirectiveTreeToJson(file->source, *tree, *doc).dump(2) + "\n"
          : pg::FormatDirectivesText(*tree, *doc);
  int rc = Emit(out);
  return errors ? kExitUsage : rc;
}

int RunRefs(const Options& o) {
  pg::Corpus corpus = Load(o);
  bool errors = Report(corpus, o.quiet);
  std::string out;
  if (o.format == "jsonl") {
    for (const pg::ParsedFile& f : corpus.files)
      for (const pg::Reference& r : f.references)
        out += pg::ReferenceToJson(r).dump() + "\n";
  } else {
    out = pg::FormatReferencesTable(corpus, o.explain);
  }
  int rc = Emit(out);
  return errors ? kExitUsage : rc;
}

struct Command {
  const char* name;
  const char* help;
  std::vector<std::string> formats;  // first is the default
  bool takes_id;
  std::function<int(const Options&)> handler;
};

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
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
       RunRefs},
  };
  return kCommands;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "policygraph: reads Chinese government gazettes and policy documents and "
      "builds the graph of references between them.\n\n"
      "With no PATH, commands read the bundled Chongqing corpus.  PATHs are "
      "files or folders (searched recursively for *.txt); UTF-8, UTF-16 with "
      "BOM and GB18030/GBK are detected.\n\n"
      "Examples:\n"
      "  policygraph documents --format json\n"
      "  policygraph directives 渝府发〔2023〕7号\n"
      "  policygraph documents gazettes/ --format table\n\n"
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
    sub->add_option("PATH", options.paths,
                    "gazette files or folders (default: bundled corpus)");
    formats_given[i] = cmd.formats.front();
    std::string formats;
    for (const std::string& f : cmd.formats)
      formats += (formats.empty() ? "" : "|") + f;
    sub->add_option("--format,-f", formats_given[i],
                    "output format: " + formats)
        ->check(CLI::IsMember(cmd.formats))
        ->capture_default_str();
    sub->add_flag("--quiet,-q", options.quiet,
                  "print errors only, no warnings");
    if (std::string(cmd.name) == "refs")
      sub->add_flag("--explain", options.explain,
                    "show, per reference, the cue found and the resolution "
                    "tier and score that decided its target (table format)");
    sub->add_option("--max-file-size", options.max_file_size,
                    "refuse input files larger than this many bytes")
        ->capture_default_str();
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

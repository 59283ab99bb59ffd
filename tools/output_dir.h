// policygraph — writing the files of one run into an output folder.
//
// A reader (a viewer, a spreadsheet, the next pipeline step) must never see
// half a file, nor a graph.json of this run beside a report.md of the last
// one.  So every file is first staged beside its final name as
// ".NAME.tmp.PID" and flushed to disk; only when all of them are staged are
// they renamed over the old ones, which the kernel does atomically file by
// file.  If staging fails (out of space, permission, a file size limit) or
// the run is interrupted (SIGINT, SIGTERM), the staged files are removed and
// the old output stays as it was; a folder the run created for its output
// is removed too, so a failed first run leaves no empty folder that looks
// like an output.
#ifndef POLICYGRAPH_TOOLS_OUTPUT_DIR_H_
#define POLICYGRAPH_TOOLS_OUTPUT_DIR_H_

#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace policygraph::tools {

class OutputDir {
 public:
  // At most this many files per run (the signal handler keeps their names
  // in a fixed table).
  static constexpr size_t kMaxFiles = 32;

  // At most this many folders created for one output (deeper paths are
  // created, but not removed when the run fails).
  static constexpr size_t kMaxCreated = 8;

  // Creates the folder (and its parents) when missing.  Returns nullopt and
  // an error naming the folder when it cannot be created or written.  The
  // folders it creates are removed again, if still empty, unless Commit
  // succeeds.
  static std::optional<OutputDir> Open(const std::filesystem::path& dir,
                                       std::string* error);

  OutputDir(OutputDir&& other) noexcept;
  OutputDir& operator=(OutputDir&&) = delete;
  // Removes whatever is staged and not committed, and the folders Open
  // created when nothing was committed.
  ~OutputDir();

  // Writes `bytes` to a temporary file for DIR/name.  Returns false and an
  // error naming the file (out of space, permission, …) otherwise.
  bool Stage(std::string_view name, std::string_view bytes, std::string* error);
  // The same, for outputs too large to build in memory first: `write` puts
  // the bytes on the stream (through a buffer straight into the temporary
  // file) and returns false if it could not produce them all.
  bool Stage(std::string_view name,
             const std::function<bool(std::ostream&)>& write,
             std::string* error);

  // Marks DIR/name for removal at Commit: an output this run does not
  // write (graph.svg of a graph too big to draw) must not be left behind
  // from an earlier run, looking current.
  void StageRemoval(std::string_view name);

  // Renames every staged file into place, with SIGINT and SIGTERM blocked
  // from then on, so an interrupt cannot split the set.  Returns false and
  // an error naming the file if a rename fails.
  bool Commit(std::string* error);

  const std::filesystem::path& path() const { return dir_; }

 private:
  explicit OutputDir(std::filesystem::path dir) : dir_(std::move(dir)) {}
  void RemoveStaged();
  void RemoveCreated();

  std::filesystem::path dir_;
  // (temporary, final) paths of the staged files.
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> staged_;
  std::vector<std::filesystem::path> removals_;
  // The folders Open created, deepest first.
  std::vector<std::filesystem::path> created_;
  // Stage and StageRemoval may be called from several threads at once (for
  // different names); Commit and the destructor run after they return.
  std::mutex mutex_;
};

// Removes the staged temporary files when SIGINT, SIGTERM, SIGHUP or
// SIGPIPE arrives, then exits with 128 + the signal number; and ignores
// SIGXFSZ, so a file size limit makes a write fail with a message instead of
// killing the process. Call once at start-up.
void RemoveTemporaryFilesOnSignal();

}  // namespace policygraph::tools

#endif  // POLICYGRAPH_TOOLS_OUTPUT_DIR_H_

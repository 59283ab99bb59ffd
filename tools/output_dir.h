// policygraph — writing the files of one run into an output folder.
//
// A reader (a viewer, a spreadsheet, the next pipeline step) must never see
// half a file: each file is written beside its final name as
// ".NAME.tmp.PID", flushed to disk and renamed over the old one, which the
// kernel does atomically.  If the run fails or is interrupted (SIGINT,
// SIGTERM), the temporary file is removed and the old output stays.
#ifndef POLICYGRAPH_TOOLS_OUTPUT_DIR_H_
#define POLICYGRAPH_TOOLS_OUTPUT_DIR_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace policygraph::tools {

class OutputDir {
 public:
  // Creates the folder (and its parents) when missing.  Returns nullopt and
  // an error naming the folder when it cannot be created or written.
  static std::optional<OutputDir> Open(const std::filesystem::path& dir,
                                       std::string* error);

  // Writes `bytes` to DIR/name atomically.  Returns false and an error
  // naming the file (out of space, permission, …) otherwise; the previous
  // file of that name, if any, is untouched.
  bool Write(std::string_view name, std::string_view bytes,
             std::string* error) const;

  const std::filesystem::path& path() const { return dir_; }

 private:
  explicit OutputDir(std::filesystem::path dir) : dir_(std::move(dir)) {}
  std::filesystem::path dir_;
};

// Removes the temporary file being written when SIGINT or SIGTERM arrives,
// then exits with 128 + the signal number.  Call once at start-up.
void RemoveTemporaryFilesOnSignal();

}  // namespace policygraph::tools

#endif  // POLICYGRAPH_TOOLS_OUTPUT_DIR_H_

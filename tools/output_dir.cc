#include "output_dir.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>

namespace policygraph::tools {
namespace {

namespace fs = std::filesystem;

// The file being written, for the signal handler; a fixed buffer because
// a handler may only call async-signal-safe functions (unlink, _exit).
char g_temporary[4096];
std::atomic<bool> g_writing{false};

void OnSignal(int signal) {
  if (g_writing.load()) unlink(g_temporary);
  _exit(128 + signal);
}

std::string Errno(const std::string& what, const fs::path& path) {
  return what + " " + path.string() + ": " + std::strerror(errno);
}

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

std::optional<OutputDir> OutputDir::Open(const fs::path& dir,
                                         std::string* error) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    *error = "cannot create output folder " + dir.string() + ": " +
             (ec ? ec.message() : std::string("not a folder"));
    return std::nullopt;
  }
  if (access(dir.c_str(), W_OK | X_OK) != 0) {
    *error = Errno("cannot write into output folder", dir);
    return std::nullopt;
  }
  return OutputDir(dir);
}

bool OutputDir::Write(std::string_view name, std::string_view bytes,
                      std::string* error) const {
  fs::path final_path = dir_ / std::string(name);
  fs::path temporary =
      dir_ / ("." + std::string(name) + ".tmp." + std::to_string(getpid()));
  if (temporary.string().size() >= sizeof g_temporary) {
    *error = "output path too long: " + final_path.string();
    return false;
  }
  std::strcpy(g_temporary, temporary.c_str());
  g_writing.store(true);
  int fd =
      ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    g_writing.store(false);
    *error = Errno("cannot create", temporary);
    return false;
  }
  bool ok = WriteAll(fd, bytes) && ::fsync(fd) == 0;
  int saved = errno;
  ok = (::close(fd) == 0) && ok;
  if (ok && std::rename(temporary.c_str(), final_path.c_str()) == 0) {
    g_writing.store(false);
    return true;
  }
  if (errno == 0) errno = saved;
  *error = Errno("cannot write", final_path);
  ::unlink(temporary.c_str());
  g_writing.store(false);
  return false;
}

void RemoveTemporaryFilesOnSignal() {
  struct sigaction action {};
  action.sa_handler = OnSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

}  // namespace policygraph::tools

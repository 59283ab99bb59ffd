#include "output_dir.h"

#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <mutex>
#include <streambuf>
#include <vector>

namespace policygraph::tools {
namespace {

namespace fs = std::filesystem;

// The staged files, for the signal handler: fixed buffers, because a
// handler may only call async-signal-safe functions (unlink, _exit).  An
// entry is published by bumping g_count after its name is written, and
// retired by clearing its first byte.
char g_temporary[OutputDir::kMaxFiles][4096];
std::atomic<size_t> g_count{0};
// Outputs are staged on several threads, and the handler runs on one of
// them while the others go on: a file created after the handler's unlink
// would outlive the run.  So creation is counted, the handler closes
// creation and waits for the ones under way before it unlinks.
std::atomic<bool> g_closing{false};
std::atomic<int> g_creating{0};
// The folders created for the output, deepest first, removed after the
// files (rmdir leaves a folder that is not empty alone).
char g_created[OutputDir::kMaxCreated][4096];
std::atomic<size_t> g_created_count{0};

void OnSignal(int signal) {
  g_closing.store(true);
  while (g_creating.load() > 0) {
  }
  size_t n = g_count.load();
  for (size_t i = 0; i < n && i < OutputDir::kMaxFiles; ++i)
    if (g_temporary[i][0] != '\0') unlink(g_temporary[i]);
  n = g_created_count.load();
  for (size_t i = 0; i < n && i < OutputDir::kMaxCreated; ++i)
    if (g_created[i][0] != '\0') rmdir(g_created[i]);
  _exit(128 + signal);
}

// Registers a temporary file for the handler; false when the table is full
// or the path does not fit.
bool Register(const fs::path& temporary) {
  size_t i = g_count.load();
  if (i >= OutputDir::kMaxFiles ||
      temporary.string().size() >= sizeof g_temporary[0])
    return false;
  std::strcpy(g_temporary[i], temporary.c_str());
  g_count.store(i + 1);
  return true;
}

sigset_t Interrupts() {
  sigset_t interrupts;
  sigemptyset(&interrupts);
  // SIGHUP: the terminal went away.  SIGPIPE: a progress line was written
  // to a reader that has gone (`build … 2>&1 | head`).
  for (int signal : {SIGINT, SIGTERM, SIGHUP, SIGPIPE})
    sigaddset(&interrupts, signal);
  return interrupts;
}

// Creates a registered temporary file, or fails with EINTR once the
// handler has begun.  This thread takes no interrupt meanwhile, or the
// handler would wait for the thread it runs on.
int CreateTemporary(const fs::path& temporary) {
  const sigset_t interrupts = Interrupts();
  sigset_t previous;
  pthread_sigmask(SIG_BLOCK, &interrupts, &previous);
  g_creating.fetch_add(1);
  int fd = -1;
  if (g_closing.load())
    errno = EINTR;
  else
    fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
                0644);
  const int open_errno = errno;
  g_creating.fetch_sub(1);
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  errno = open_errno;
  return fd;
}

// Publishes the created folders for the handler; those past the table or
// too long to fit are not published, and so stay after an interrupt.
void RegisterCreated(const std::vector<fs::path>& folders) {
  size_t n = 0;
  for (const fs::path& folder : folders) {
    if (n >= OutputDir::kMaxCreated ||
        folder.string().size() >= sizeof g_created[0])
      break;
    std::strcpy(g_created[n++], folder.c_str());
  }
  g_created_count.store(n);
}

void UnregisterCreated() {
  const size_t n = g_created_count.exchange(0);
  for (size_t i = 0; i < n && i < OutputDir::kMaxCreated; ++i)
    g_created[i][0] = '\0';
}

// `dir` and each ancestor of it that does not exist yet, deepest first.
std::vector<fs::path> MissingFolders(const fs::path& dir) {
  std::vector<fs::path> missing;
  std::error_code ec;
  fs::path p = fs::absolute(dir, ec).lexically_normal();
  if (ec) return missing;
  if (!p.has_filename()) p = p.parent_path();  // "out/" names "out"
  while (p.has_relative_path()) {
    // libstdc++ reports a missing path in `ec` as well as in the status.
    if (fs::symlink_status(p, ec).type() != fs::file_type::not_found) break;
    missing.push_back(p);
    p = p.parent_path();
  }
  return missing;
}

void Unregister(const fs::path& temporary) {
  size_t n = g_count.load();
  for (size_t i = 0; i < n && i < OutputDir::kMaxFiles; ++i)
    if (temporary == g_temporary[i]) g_temporary[i][0] = '\0';
}

std::string Describe(const std::string& what, const fs::path& path, int err) {
  return what + " " + path.string() + ": " + std::strerror(err);
}

// 0, or the errno of the first failing write.
int WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    if (n == 0) return EIO;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return 0;
}

// An output stream over a file descriptor, so a staged file is written
// through one buffer with no second copy of the output in memory.  The
// first failing write's errno is kept; the stream goes bad from then on.
class FdStreamBuf : public std::streambuf {
 public:
  explicit FdStreamBuf(int fd) : fd_(fd), buffer_(1 << 20) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (Flush() != 0) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return Flush() == 0 ? 0 : -1; }

 private:
  int Flush() {
    if (error_ == 0) {
      error_ = WriteAll(
          fd_,
          std::string_view(pbase(), static_cast<size_t>(pptr() - pbase())));
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return error_;
  }

  int fd_;
  std::vector<char> buffer_;
  int error_ = 0;
};

}  // namespace

std::optional<OutputDir> OutputDir::Open(const fs::path& dir,
                                         std::string* error) {
  std::error_code ec;
  OutputDir out(dir);
  out.created_ = MissingFolders(dir);
  fs::create_directories(dir, ec);
  RegisterCreated(out.created_);
  if (ec || !fs::is_directory(dir)) {
    *error = "cannot create output folder " + dir.string() + ": " +
             (ec ? ec.message() : std::string("not a folder"));
    return std::nullopt;
  }
  if (access(dir.c_str(), W_OK | X_OK) != 0) {
    *error = Describe("cannot write into output folder", dir, errno);
    return std::nullopt;
  }
  return out;
}

OutputDir::OutputDir(OutputDir&& other) noexcept
    : dir_(std::move(other.dir_)),
      staged_(std::move(other.staged_)),
      removals_(std::move(other.removals_)),
      created_(std::move(other.created_)) {
  other.staged_.clear();
  other.removals_.clear();
  other.created_.clear();
}

void OutputDir::StageRemoval(std::string_view name) {
  std::lock_guard<std::mutex> lock(mutex_);
  removals_.push_back(dir_ / std::string(name));
}

OutputDir::~OutputDir() {
  RemoveStaged();
  RemoveCreated();
}

void OutputDir::RemoveCreated() {
  if (created_.empty()) return;
  for (const fs::path& folder : created_) ::rmdir(folder.c_str());
  created_.clear();
  UnregisterCreated();
}

void OutputDir::RemoveStaged() {
  for (const auto& [temporary, final_path] : staged_) {
    ::unlink(temporary.c_str());
    Unregister(temporary);
  }
  staged_.clear();
}

bool OutputDir::Stage(std::string_view name, std::string_view bytes,
                      std::string* error) {
  return Stage(
      name,
      [bytes](std::ostream& out) {
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        return true;
      },
      error);
}

bool OutputDir::Stage(std::string_view name,
                      const std::function<bool(std::ostream&)>& write,
                      std::string* error) {
  fs::path final_path = dir_ / std::string(name);
  // Built by appending: GCC 12 warns falsely (-Wrestrict, PR 105329) on
  // "literal" + std::string&&.
  std::string temporary_name = ".";
  temporary_name.append(name).append(".tmp.").append(std::to_string(getpid()));
  fs::path temporary = dir_ / temporary_name;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!Register(temporary)) {
      *error = "too many output files or path too long: " + final_path.string();
      return false;
    }
    staged_.emplace_back(temporary, final_path);
  }
  int fd = CreateTemporary(temporary);
  if (fd < 0) {
    *error = Describe("cannot create", temporary, errno);
    return false;
  }
  FdStreamBuf buffer(fd);
  std::ostream out(&buffer);
  const bool produced = write(out);
  out.flush();
  int err = buffer.error();
  if (err == 0 && ::fsync(fd) != 0) err = errno;
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err != 0) {
    *error = Describe("cannot write", final_path, err);
    return false;
  }
  if (!produced) {
    *error = "could not produce " + final_path.string();
    return false;
  }
  return true;
}

bool OutputDir::Commit(std::string* error) {
  // Past this point the run is done: an interrupt would leave some files
  // renamed and others not, so the interrupts stay blocked until the
  // process exits (a pending one is simply dropped then).
  const sigset_t interrupts = Interrupts();
  sigprocmask(SIG_BLOCK, &interrupts, nullptr);
  for (const auto& [temporary, final_path] : staged_) {
    if (std::rename(temporary.c_str(), final_path.c_str()) != 0) {
      *error = Describe("cannot rename into", final_path, errno);
      return false;
    }
    Unregister(temporary);
  }
  staged_.clear();
  for (const fs::path& stale : removals_) {
    if (::unlink(stale.c_str()) != 0 && errno != ENOENT) {
      *error = Describe("cannot remove the stale", stale, errno);
      return false;
    }
  }
  removals_.clear();
  created_.clear();  // they hold this run's output now
  UnregisterCreated();
  // The renames are durable once the folder itself is on disk.
  int fd = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  return true;
}

void RemoveTemporaryFilesOnSignal() {
  struct sigaction action {};
  action.sa_handler = OnSignal;
  sigemptyset(&action.sa_mask);
  for (int signal : {SIGINT, SIGTERM, SIGHUP, SIGPIPE})
    sigaction(signal, &action, nullptr);
  std::signal(SIGXFSZ, SIG_IGN);
}

}  // namespace policygraph::tools

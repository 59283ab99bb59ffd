// Hostile inputs and hostile environments at the command line: huge lines
// and files, unreadable and looping paths, a full disk, a file size limit,
// an interrupt in the middle of `build`, and the same bytes whatever the
// thread count or the order of the inputs.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "cli_fixture.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using policygraph::testing::Cli;
using policygraph::testing::ReadFile;
using policygraph::testing::ToolRun;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// Writes `unit` repeated until the file holds at least `bytes` bytes,
// after `head`, in 1 MiB blocks so the test itself stays small.
void WriteRepeated(const fs::path& path, const std::string& head,
                   const std::string& unit, uint64_t bytes,
                   const std::string& tail) {
  std::string block;
  while (block.size() < (1u << 20)) block += unit;
  FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  std::fwrite(head.data(), 1, head.size(), f);
  for (uint64_t written = head.size(); written < bytes; written += block.size())
    std::fwrite(block.data(), 1, block.size(), f);
  std::fwrite(tail.data(), 1, tail.size(), f);
  ASSERT_EQ(std::fclose(f), 0);
}

std::map<std::string, std::string> ReadFolder(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::directory_iterator(dir))
    files[entry.path().filename().string()] = ReadFile(entry.path());
  return files;
}

bool HasTemporaryFile(const fs::path& dir) {
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().filename().string().find(".tmp.") != std::string::npos)
      return true;
  return false;
}

class CliHostile : public Cli {
 protected:
  struct Measured {
    int exit_code = -1;
    uint64_t peak_rss = 0;  // bytes
    std::string err;
  };

  // Runs the tool to the end and measures its own peak memory (RUSAGE of
  // this one child, not the largest of all children so far).
  Measured RunMeasured(const std::vector<std::string>& args) {
    Measured m;
    pid_t pid = Start(args, (dir_ / "measured-stderr.txt").string());
    if (pid <= 0) return m;
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid) return m;
    m.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    m.peak_rss = static_cast<uint64_t>(usage.ru_maxrss) * 1024;
    m.err = ReadFile(dir_ / "measured-stderr.txt");
    return m;
  }

  // Starts the tool in the test's folder without waiting; output
  // discarded, messages to `err_path` (or discarded).
  pid_t Start(const std::vector<std::string>& args,
              const std::string& err_path = "/dev/null") {
    std::vector<char*> argv;
    std::string tool = PG_TOOL;
    argv.push_back(tool.data());
    std::vector<std::string> copy = args;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addchdir_np(&actions, dir_.c_str());
    pid_t pid = -1;
    int rc =
        posix_spawn(&pid, PG_TOOL, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 ? pid : -1;
  }

  // Runs the tool to its end and returns how long it took; a failed run is
  // a test failure.
  std::chrono::milliseconds TimedRun(const std::vector<std::string>& args) {
    auto start = std::chrono::steady_clock::now();
    pid_t pid = Start(args);
    int status = -1;
    if (pid <= 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0)
      ADD_FAILURE() << "the uninterrupted run failed (status " << status << ")";
    return std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start);
  }
};

TEST_F(CliHostile, MaxFileSizeTakesUnitsAndNamesTheFile) {
  Write("big.txt", std::string(3000, 'x'));
  ToolRun r = Tool("refs big.txt --max-file-size 2K");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("big.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--max-file-size"), std::string::npos) << r.err;
  EXPECT_EQ(Tool("refs big.txt --max-file-size 3K -q").exit_code, 0);
  EXPECT_EQ(Tool("refs big.txt --max-file-size lots").exit_code, 2);
}

TEST_F(CliHostile, TwoHundredMegabyteLineIsReadInBoundedMemory) {
  if (kSanitized)
    GTEST_SKIP() << "too slow under ASan; the plain build runs it";
  const uint64_t size = 200ull << 20;
  WriteRepeated(dir_ / "line.txt", "重庆市人民政府公报\n", "一", size, "\n");
  Measured m = RunMeasured({"refs", "line.txt", "--max-file-size", "256M"});
  EXPECT_EQ(m.exit_code, 0) << m.err;
  EXPECT_NE(m.err.find("line.txt:1: warning: no document header"),
            std::string::npos)
      << m.err;
  // Bounded by a small multiple of the input (measured 5.5× with the
  // decoded text, its folded copy and the line index); never unbounded.
  EXPECT_LT(m.peak_rss, 8 * size);
}

TEST_F(CliHostile, GigabyteFileOfOneCharacterIsRefusedWithoutReadingIt) {
  WriteRepeated(dir_ / "huge.txt", "", "a", 1ull << 30, "");
  Measured m = RunMeasured({"build", "-q", "huge.txt", "-o", "out"});
  EXPECT_EQ(m.exit_code, 2);
  EXPECT_NE(m.err.find("huge.txt: error: file is 1.0 GiB"), std::string::npos)
      << m.err;
  // The size is checked before reading, so memory stays small; and an
  // empty result must not be written as output.
  if (!kSanitized) {
    EXPECT_LT(m.peak_rss, 256ull << 20);
  }
  EXPECT_FALSE(fs::exists(dir_ / "out" / "graph.json"));
  fs::remove(dir_ / "huge.txt");
}

TEST_F(CliHostile, FolderWithoutTextsIsAnError) {
  fs::create_directories(dir_ / "empty" / "sub");
  Write("empty/notes.pdf", "%PDF-1.4");
  ToolRun r = Tool("documents empty");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("empty: warning: folder holds no *.txt files"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("error: no *.txt file to read"), std::string::npos)
      << r.err;
}

TEST_F(CliHostile, UnreadableFileIsNamedAndTheRestIsRead) {
  fs::copy_file(PG_CORPUS_DIR "/cq-gazette-2023-05.txt", dir_ / "good.txt");
  Write("secret.txt", "重庆市人民政府公报\n");
  fs::permissions(dir_ / "secret.txt", fs::perms::none);
  // Root reads a mode-000 file anyway: run the tool as nobody then.
  std::string prefix;
  if (geteuid() == 0) {
    if (std::system("command -v setpriv >/dev/null") != 0)
      GTEST_SKIP() << "running as root without setpriv";
    fs::permissions(dir_, fs::perms::all);
    fs::permissions(dir_ / "good.txt", fs::perms::all);
    prefix = "setpriv --reuid=65534 --regid=65534 --clear-groups";
  }
  ToolRun r = Tool("documents good.txt secret.txt", prefix);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("secret.txt: error: cannot read file: Permission "
                       "denied"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("渝府发〔2023〕7号"), std::string::npos);
}

TEST_F(CliHostile, SymlinkLoopsEndWithAMessage) {
  fs::create_directories(dir_ / "gazettes");
  fs::copy_file(PG_CORPUS_DIR "/cq-gazette-2023-05.txt",
                dir_ / "gazettes" / "a.txt");
  fs::create_directory_symlink("..", dir_ / "gazettes" / "up");
  fs::create_symlink("self.txt", dir_ / "gazettes" / "self.txt");
  fs::create_symlink("nowhere.txt", dir_ / "gazettes" / "gone.txt");
  // Inside a folder: a warning, and the folder's other texts are read once.
  ToolRun r = Tool("documents --format json gazettes");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("gazettes/self.txt: warning: cannot follow link: Too "
                       "many levels of symbolic links"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("gazettes/gone.txt: warning: cannot follow link: No "
                       "such file or directory"),
            std::string::npos)
      << r.err;
  const std::string id = "\"id\": \"渝府发〔2023〕7号\"";
  size_t first = r.out.find(id);
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(r.out.find(id, first + 1), std::string::npos);
  // Named on the command line: an error.
  r = Tool("documents gazettes/self.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("self.txt: error: cannot read file: Too many levels"),
            std::string::npos)
      << r.err;
}

TEST_F(CliHostile, Utf16AndGb18030GazettesReadLikeUtf8) {
  fs::copy_file(PG_CORPUS_DIR "/cq-gazette-2023-05.txt", dir_ / "utf8.txt");
  ASSERT_EQ(std::system(("cd '" + dir_.string() +
                         "' && iconv -f UTF-8 -t GB18030 utf8.txt > gb.txt && "
                         "{ printf '\\377\\376'; iconv -f UTF-8 -t UTF-16LE "
                         "utf8.txt; } > utf16.txt")
                            .c_str()),
            0);
  std::string utf8 = Tool("refs --format jsonl -q utf8.txt").out;
  ASSERT_NE(utf8, "");
  for (const char* name : {"gb.txt", "utf16.txt"}) {
    std::string other = Tool(std::string("refs --format jsonl -q ") + name).out;
    // Same records; only the file name differs.
    size_t at;
    while ((at = other.find(name)) != std::string::npos)
      other.replace(at, std::string(name).size(), "utf8.txt");
    EXPECT_EQ(other, utf8) << name;
  }
}

// A file size limit (RLIMIT_FSIZE) makes writes fail like a full disk,
// without needing the privileges to mount a small file system.
TEST_F(CliHostile, FailedWriteKeepsThePreviousOutputWhole) {
  ASSERT_EQ(Tool("build -q -o out").exit_code, 0);
  std::map<std::string, std::string> before = ReadFolder(dir_ / "out");
  ASSERT_GE(before.size(), 8u);
  Write("extra.txt", "重庆市人民政府公报\n");
  ToolRun r = Tool("build -q -o out " PG_CORPUS_DIR " extra.txt",
                   "prlimit --fsize=200000");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cannot write"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("File too large"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("previous output in out/ is unchanged"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(ReadFolder(dir_ / "out"), before);
}

TEST_F(CliHostile, FullDiskIsAnErrorWithoutPartialOutput) {
  fs::path disk = dir_ / "disk";
  fs::create_directories(disk);
  if (mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=2m") != 0)
    GTEST_SKIP() << "cannot mount a small tmpfs here (" << std::strerror(errno)
                 << "); FailedWriteKeepsThePreviousOutputWhole injects the "
                    "write error instead";
  ToolRun r = Tool("build -q -o disk/out");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("No space left on device"), std::string::npos) << r.err;
  // Neither a file nor the folder the run created for them is left.
  const bool left = fs::exists(disk / "out");
  umount(disk.c_str());
  EXPECT_FALSE(left);
}

// merge's temporary file of texts on a disk that fills up: the texts that
// do not fit stay in memory, merge says so, and writes build's bytes.
TEST_F(CliHostile, MergeWithTooSmallATemporaryDiskKeepsTheRestInMemory) {
  ASSERT_EQ(Tool("build -q -o built").exit_code, 0);
  ASSERT_EQ(Tool("extract -q -o all.jsonl").exit_code, 0);
  fs::path tmp = dir_ / "tmp";
  fs::create_directories(tmp);
  // Smaller than the bundled texts (1.46 MB), larger than some of them.
  if (mount("tmpfs", tmp.c_str(), "tmpfs", 0, "size=512k") != 0)
    GTEST_SKIP() << "cannot mount a small tmpfs here (" << std::strerror(errno)
                 << ")";
  ToolRun merged = Tool("merge all.jsonl -o merged", "TMPDIR=" + tmp.string());
  const bool left = !fs::is_empty(tmp);
  umount(tmp.c_str());
  EXPECT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_NE(merged.err.find("text(s) could not be written to the temporary "
                            "file"),
            std::string::npos)
      << merged.err;
  EXPECT_FALSE(left);
  EXPECT_EQ(ReadFolder(dir_ / "merged"), ReadFolder(dir_ / "built"));
}

TEST_F(CliHostile, InterruptedBuildLeavesOldOutputAndNoTemporaryFile) {
  std::chrono::milliseconds whole =
      TimedRun({"build", "-q", "-j", "1", "-o", (dir_ / "old").string()});
  std::map<std::string, std::string> old = ReadFolder(dir_ / "old");
  ASSERT_GE(old.size(), 8u);
  // Interrupt a run at several moments: while reading, while aligning,
  // while rendering or writing.  The moments are fractions of a whole run
  // timed here, so they fall inside it on fast and slow machines alike.
  int interrupted = 0;
  for (int percent : {5, 30, 60, 85}) {
    auto delay = whole * percent / 100;
    fs::remove_all(dir_ / "out");
    fs::copy(dir_ / "old", dir_ / "out");
    pid_t pid =
        Start({"build", "-q", "-j", "1", "-o", (dir_ / "out").string()});
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(delay);
    kill(pid, SIGINT);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    std::map<std::string, std::string> now = ReadFolder(dir_ / "out");
    EXPECT_FALSE(HasTemporaryFile(dir_ / "out")) << percent << "% of a run";
    // On a loaded machine the signal may arrive before main() has set its
    // handler: the default action then ends the process, as good as 130.
    bool killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGINT;
    ASSERT_TRUE(WIFEXITED(status) || killed) << status;
    if (killed || WEXITSTATUS(status) == 130) {
      ++interrupted;
      EXPECT_EQ(now, old) << "interrupted after " << percent << "% of a run";
    } else {
      // Finished before the signal: every file is the new run's, which is
      // the same corpus's.
      EXPECT_EQ(WEXITSTATUS(status), 0);
      EXPECT_EQ(now, old);
    }
  }
  EXPECT_GE(interrupted, 1) << "every run finished before its signal";
}

// An interrupted first run into a folder that did not exist removes the
// folders it made for its output: an empty folder would read as a run that
// produced nothing.
TEST_F(CliHostile, InterruptedFirstRunLeavesNoFolder) {
  std::chrono::milliseconds whole =
      TimedRun({"build", "-q", "-j", "1", "-o", (dir_ / "timed").string()});
  int interrupted = 0;
  for (int percent : {20, 50, 80}) {
    fs::remove_all(dir_ / "new");
    pid_t pid = Start(
        {"build", "-q", "-j", "1", "-o", (dir_ / "new" / "out").string()});
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(whole * percent / 100);
    kill(pid, SIGINT);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    bool killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGINT;
    ASSERT_TRUE(WIFEXITED(status) || killed) << status;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 130) {
      ++interrupted;
      EXPECT_FALSE(fs::exists(dir_ / "new")) << percent << "% of a run";
    } else if (!killed) {
      EXPECT_EQ(WEXITSTATUS(status), 0);
      EXPECT_EQ(ReadFolder(dir_ / "new" / "out"), ReadFolder(dir_ / "timed"));
    }
  }
  EXPECT_GE(interrupted, 1) << "every run finished before its signal";
}

// A closed terminal (SIGHUP) or a reader of the progress lines that has gone
// (SIGPIPE) ends the run like an interrupt: no staged file is left behind.
TEST_F(CliHostile, HangupAndBrokenPipeLeaveNoTemporaryFile) {
  std::chrono::milliseconds whole =
      TimedRun({"build", "-q", "-j", "1", "-o", (dir_ / "old").string()});
  std::map<std::string, std::string> old = ReadFolder(dir_ / "old");
  int ended = 0;
  for (int signal : {SIGHUP, SIGPIPE}) {
    for (int percent : {10, 50}) {
      auto delay = whole * percent / 100;
      fs::remove_all(dir_ / "out");
      fs::copy(dir_ / "old", dir_ / "out");
      pid_t pid =
          Start({"build", "-q", "-j", "1", "-o", (dir_ / "out").string()});
      ASSERT_GT(pid, 0);
      std::this_thread::sleep_for(delay);
      kill(pid, signal);
      int status = 0;
      ASSERT_EQ(waitpid(pid, &status, 0), pid);
      EXPECT_FALSE(HasTemporaryFile(dir_ / "out"))
          << strsignal(signal) << " after " << percent << "% of a run";
      bool killed = WIFSIGNALED(status) && WTERMSIG(status) == signal;
      ASSERT_TRUE(WIFEXITED(status) || killed) << status;
      if (killed || WEXITSTATUS(status) == 128 + signal) {
        ++ended;
        EXPECT_EQ(ReadFolder(dir_ / "out"), old)
            << strsignal(signal) << " after " << percent << "% of a run";
      } else {
        EXPECT_EQ(WEXITSTATUS(status), 0);
      }
    }
  }
  EXPECT_GE(ended, 1) << "every run finished before its signal";
}

TEST_F(CliHostile, OutputIsTheSameForEveryThreadCountAndInputOrder) {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(PG_CORPUS_DIR))
    files.push_back("'" + entry.path().string() + "'");
  std::sort(files.begin(), files.end());
  std::string forward, backward;
  for (const std::string& f : files) forward += " " + f;
  for (auto it = files.rbegin(); it != files.rend(); ++it)
    backward += " " + *it;
  ASSERT_EQ(Tool("build -q -j 1 -o one" + forward).exit_code, 0);
  ASSERT_EQ(Tool("build -q -j 3 -o three" + backward).exit_code, 0);
  ASSERT_EQ(Tool("build -q -o cores" + backward + forward).exit_code, 0);
  std::map<std::string, std::string> one = ReadFolder(dir_ / "one");
  EXPECT_EQ(ReadFolder(dir_ / "three"), one);
  EXPECT_EQ(ReadFolder(dir_ / "cores"), one);
  EXPECT_EQ(Tool("refs --format jsonl -q -j 4" + backward).out,
            Tool("refs --format jsonl -q -j 1" + forward).out);
}

}  // namespace

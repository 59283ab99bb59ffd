#include "policygraph/text_spill.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "policygraph/decode.h"

namespace policygraph {
namespace {

std::string Describe(const std::string& what, const std::string& folder,
                     int error) {
  return what + " " + folder + ": " + std::strerror(error);
}

// O_TMPFILE makes a file that never has a name; where the file system
// lacks it, a named one is unlinked at once.
int OpenUnnamed(const std::string& folder, int* error) {
  int fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
  std::string name = folder + "/.policygraph-texts-XXXXXX";
  fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd < 0) {
    *error = errno;
    return -1;
  }
  ::unlink(name.c_str());
  return fd;
}

}  // namespace

std::optional<TextSpill> TextSpill::Open(const std::string& folder,
                                         std::string* error) {
  int open_error = 0;
  const int fd = OpenUnnamed(folder, &open_error);
  if (fd < 0) {
    *error = Describe("cannot make a temporary file in", folder, open_error);
    return std::nullopt;
  }
  return TextSpill(fd, "/proc/self/fd/" + std::to_string(fd));
}

TextSpill::TextSpill(TextSpill&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      path_(std::move(other.path_)),
      size_(other.size_),
      stamp_(std::move(other.stamp_)) {}

TextSpill::~TextSpill() {
  if (fd_ >= 0) ::close(fd_);
}

bool TextSpill::Keep(SourceText& source) {
  if (source.origin || fd_ < 0) return false;
  const std::string& text = source.text;
  for (size_t done = 0; done < text.size();) {
    const ssize_t n = ::pwrite(fd_, text.data() + done, text.size() - done,
                               static_cast<off_t>(size_ + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;  // what was written is past size_, unread
    done += static_cast<size_t>(n);
  }
  TextOrigin origin;
  origin.path = path_;
  origin.offset = size_;
  origin.length = text.size();
  size_ += text.size();
  source.origin = std::move(origin);
  std::string().swap(source.text);
  return true;
}

bool TextSpill::Seal(std::string* error) {
  // The file is read back by its /proc name, which needs /proc.
  const int check = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (check < 0) {
    *error = Describe("cannot read back the texts from", path_, errno);
    return false;
  }
  ::close(check);
  std::optional<TextOrigin> stamp = StampOpenFile(fd_, path_);
  if (!stamp) {
    *error = Describe("cannot read back the texts from", path_, errno);
    return false;
  }
  stamp_ = std::move(*stamp);
  return true;
}

bool TextSpill::Holds(const SourceText& source) const {
  return source.origin && source.origin->path == path_ && fd_ >= 0;
}

void TextSpill::Stamp(SourceText& source) const {
  if (!Holds(source)) return;
  source.origin->file_size = stamp_.file_size;
  source.origin->inode = stamp_.inode;
  source.origin->modified_ns = stamp_.modified_ns;
}

bool TextSpill::Restore(SourceText& source, std::string* error) const {
  if (!Holds(source)) return true;
  const TextOrigin& origin = *source.origin;
  std::string text(origin.length, '\0');
  for (uint64_t done = 0; done < origin.length;) {
    const ssize_t n = ::pread(fd_, text.data() + done, origin.length - done,
                              static_cast<off_t>(origin.offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = Describe("cannot read back the text of", source.path,
                        n < 0 ? errno : EIO);
      return false;
    }
    done += static_cast<uint64_t>(n);
  }
  source.text = std::move(text);
  source.origin.reset();
  return true;
}

}  // namespace policygraph

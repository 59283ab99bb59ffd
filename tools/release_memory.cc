#include "release_memory.h"

#include <cstdlib>
#include <string_view>

#ifdef POLICYGRAPH_WITH_TCMALLOC
#include <sys/mman.h>

#include <gperftools/malloc_extension.h>
#else
#include <malloc.h>
#endif

namespace policygraph::tools {

#ifdef POLICYGRAPH_WITH_TCMALLOC
namespace {

constexpr size_t kHugePage = size_t{2} << 20;

// tcmalloc's default source of memory, asked for whole, aligned 2 MiB
// pages, which the kernel may then back with transparent huge pages
// (when /sys/kernel/mm/transparent_hugepage/enabled is "madvise" or
// "always").
class HugePageAllocator : public SysAllocator {
 public:
  explicit HugePageAllocator(SysAllocator* fallback) : fallback_(fallback) {}

  void* Alloc(size_t size, size_t* actual_size, size_t alignment) override {
    const size_t rounded = (size + kHugePage - 1) / kHugePage * kHugePage;
    void* p = fallback_->Alloc(rounded, actual_size,
                               alignment < kHugePage ? kHugePage : alignment);
    if (p != nullptr)
      ::madvise(p, actual_size ? *actual_size : rounded, MADV_HUGEPAGE);
    return p;
  }

 private:
  SysAllocator* fallback_;
};

}  // namespace
#endif

void UseHugePages() {
#ifdef POLICYGRAPH_WITH_TCMALLOC
  const char* env = std::getenv("POLICYGRAPH_HUGE_PAGES");
  if (env != nullptr && std::string_view(env) == "0") return;
  static HugePageAllocator allocator(
      MallocExtension::instance()->GetSystemAllocator());
  MallocExtension::instance()->SetSystemAllocator(&allocator);
#endif
}

void ReleaseFreeMemory() {
#ifdef POLICYGRAPH_WITH_TCMALLOC
  MallocExtension::instance()->ReleaseFreeMemory();
#elif defined(__GLIBC__)
  malloc_trim(0);
#endif
}

void ReturnFreedMemorySooner() {
#ifdef POLICYGRAPH_WITH_TCMALLOC
  // gperftools' default rate is 1; 10 is the top of the range its
  // documentation calls reasonable, [0, 10].
  if (std::getenv("TCMALLOC_RELEASE_RATE") == nullptr)
    MallocExtension::instance()->SetMemoryReleaseRate(10.0);
#endif
}

}  // namespace policygraph::tools

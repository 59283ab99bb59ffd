#include "release_memory.h"

#include <cstdlib>

#ifdef POLICYGRAPH_WITH_TCMALLOC
#include <gperftools/malloc_extension.h>
#else
#include <malloc.h>
#endif

namespace policygraph::tools {

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

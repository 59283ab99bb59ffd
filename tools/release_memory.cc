#include "release_memory.h"

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

}  // namespace policygraph::tools

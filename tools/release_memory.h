// The allocator's dealings with the operating system: freed memory handed
// back between the phases of a large run, and memory taken in huge pages
// by the commands that only parse.
#ifndef POLICYGRAPH_TOOLS_RELEASE_MEMORY_H_
#define POLICYGRAPH_TOOLS_RELEASE_MEMORY_H_

namespace policygraph::tools {

// Returns the pages the allocator holds free to the OS.  `build` calls it
// once the source texts are dropped and again once the corpus is: left to
// the allocator, those pages stayed resident beside what the graph and the
// outputs then allocated (300 MB generated: peak 1,759 MiB without the
// hand-back at the corpus, 1,606 MiB with it; 1 GB -j 1 -q: 3,315 MiB
// without the one at the texts, 2,802 MiB with it).
void ReleaseFreeMemory();

// Has the allocator hand freed pages back to the OS sooner than its
// default, unless TCMALLOC_RELEASE_RATE says otherwise.  Without it, a
// 1 GB build that printed its warnings (no -q) kept the spans of the
// freed source texts resident and unused while the graph grew beside
// them: 3,513 MiB at its peak instead of 2,893 MiB with -q, and
// 2,892 MiB with this, at the same speed.  Whether the rate reached them
// in time varied from run to run, so `build` now also returns them itself
// (ReleaseFreeMemory above).  A no-op without tcmalloc.
void ReturnFreedMemorySooner();

// Has the allocator take its memory from the OS in 2 MiB pages from now
// on, unless POLICYGRAPH_HUGE_PAGES=0.  For the commands that only parse
// (`refs`, `documents`): on a VM where a 4 KiB page fault costs about
// 10 us, `refs` of 1 GB took 0.882 of the time (155,000 faults → 2,600)
// and 29 MiB more at its peak.  Not for `build`: its parse gained as
// much, but the phases after it hands freed memory back were slower
// (handing back parts of huge pages splits them), and the whole build
// no faster (bench/results/2026-12-07-a973bff-1G-pairs.md).  A no-op
// without tcmalloc.
void UseHugePages();

}  // namespace policygraph::tools

#endif  // POLICYGRAPH_TOOLS_RELEASE_MEMORY_H_

// policygraph — running independent work items on several threads.
//
// Every caller writes item i's result into slot i of a vector it sized
// beforehand and merges the slots in index order afterwards, so the output
// is the same bytes whatever the number of threads or the order in which
// they finish.  Used by the pipeline (files), the graph (coverage of each
// parent) and the CLI (the output files of `build`).
#ifndef POLICYGRAPH_PARALLEL_H_
#define POLICYGRAPH_PARALLEL_H_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace policygraph {

// The thread count to use for `requested` (0 = one per core).
inline unsigned ResolveJobs(unsigned requested) {
  if (requested != 0) return requested;
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

// Calls work(i) for every i in [0, n), on up to `jobs` threads (0 = one per
// core).  Items are handed out one at a time, so a few large files do not
// leave the other threads idle behind a static split.  An exception thrown
// by work stops the handing out, and the one of the lowest item is thrown
// again once every thread has stopped, as on one thread.
template <typename Work>
void ParallelFor(size_t n, unsigned jobs, Work work) {
  size_t threads = std::min<size_t>(ResolveJobs(jobs), n);
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) work(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::mutex failed_lock;
  size_t failed_item = n;
  std::exception_ptr failure;
  auto run = [&] {
    for (size_t i = next++; i < n; i = next++) {
      try {
        work(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(failed_lock);
        if (i < failed_item)
          failed_item = i, failure = std::current_exception();
        next = n;
      }
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(run);
  run();
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace policygraph

#endif  // POLICYGRAPH_PARALLEL_H_

// `--timings`: how long each phase of a run took and how much memory it
// held, for users sizing a machine for their corpus and for finding which
// phase a slow run spent its time in.
#ifndef POLICYGRAPH_TOOLS_PHASE_CLOCK_H_
#define POLICYGRAPH_TOOLS_PHASE_CLOCK_H_

#include <chrono>
#include <mutex>
#include <ostream>
#include <string_view>

namespace policygraph::tools {

// Writes one line a phase to `out` as the phase ends, so a long run shows
// where it is:
//   policygraph: timing: parse 9.12 s (0.00 s to 9.12 s),
//     964 MiB resident, 1,002 MiB peak
// and one a task for work that runs beside other work (`build`'s output
// files), with the stretch of the run it took.  Safe to call from several
// threads.  A disabled clock writes nothing.
class PhaseClock {
 public:
  PhaseClock(bool enabled, std::ostream& out);

  // Seconds since the clock was made.
  double Now() const;
  // Ends the phase that started at the previous End (or at the start).
  void End(std::string_view phase);
  // A task that ran from `start` (a Now()) until now.
  void EndTask(std::string_view task, double start);

 private:
  void Write(std::string_view what, double seconds, double from, double to);

  bool enabled_;
  std::ostream& out_;
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
  double phase_start_ = 0;
};

}  // namespace policygraph::tools

#endif  // POLICYGRAPH_TOOLS_PHASE_CLOCK_H_

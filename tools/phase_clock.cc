#include "phase_clock.h"

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace policygraph::tools {
namespace {

// 1234567 → "1,234,567": the README's figures are written so.
std::string Grouped(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string Seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f s", s);
  return buf;
}

// Resident and peak resident memory of this process in bytes, from
// /proc/self/status; 0 where it cannot be read.
struct MemoryUse {
  uint64_t resident = 0;
  uint64_t peak = 0;
};

MemoryUse CurrentMemoryUse() {
  MemoryUse use;
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    // "VmRSS:	  123456 kB"
    uint64_t* field = line.rfind("VmRSS:", 0) == 0   ? &use.resident
                      : line.rfind("VmHWM:", 0) == 0 ? &use.peak
                                                     : nullptr;
    if (!field) continue;
    std::istringstream in(line.substr(6));
    uint64_t kb = 0;
    if (in >> kb) *field = kb * 1024;
  }
  return use;
}

}  // namespace

PhaseClock::PhaseClock(bool enabled, std::ostream& out)
    : enabled_(enabled), out_(out), start_(std::chrono::steady_clock::now()) {}

double PhaseClock::Now() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                       start_)
      .count();
}

void PhaseClock::End(std::string_view phase) {
  if (!enabled_) return;
  const double now = Now();
  std::lock_guard<std::mutex> lock(mutex_);
  Write(phase, now - phase_start_, phase_start_, now);
  phase_start_ = now;
}

void PhaseClock::EndTask(std::string_view task, double start) {
  if (!enabled_) return;
  const double now = Now();
  std::lock_guard<std::mutex> lock(mutex_);
  Write(task, now - start, start, now);
}

void PhaseClock::Write(std::string_view what, double seconds, double from,
                       double to) {
  const MemoryUse use = CurrentMemoryUse();
  // One write a line, so lines from several threads do not mix (std::cerr
  // is unbuffered).  Appended piece by piece: GCC 12 warns, wrongly, on a
  // chain of concatenations that starts with a literal (-Wrestrict).
  std::string line = "policygraph: timing: ";
  line.append(what).append(" ").append(Seconds(seconds));
  line.append(" (").append(Seconds(from)).append(" to ").append(Seconds(to));
  line.append(")");
  if (use.resident > 0) {
    line.append(", ").append(Grouped(use.resident >> 20));
    line.append(" MiB resident, ").append(Grouped(use.peak >> 20));
    line.append(" MiB peak");
  }
  line += '\n';
  out_ << line << std::flush;
}

}  // namespace policygraph::tools

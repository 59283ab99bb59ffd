// gen-corpus — the generated decade's calendar.
//
// Generated documents are dated in the order they are written, spread over
// kDays from kFirstYear-01-01, so a citation never points at a later
// document.  Integer arithmetic only: a day number gives the same date on
// every machine.
#ifndef POLICYGRAPH_GEN_CORPUS_CALENDAR_H_
#define POLICYGRAPH_GEN_CORPUS_CALENDAR_H_

#include <array>

namespace policygraph::gen {

inline constexpr int kFirstYear = 2019;
inline constexpr int kDays = 7 * 365;

struct Date {
  int year = kFirstYear;
  int month = 1;
  int day = 1;
};

// Days since kFirstYear-01-01 → civil date (proleptic Gregorian).
inline Date DateOf(int days) {
  static constexpr std::array<int, 12> kLengths = {31, 28, 31, 30, 31, 30,
                                                   31, 31, 30, 31, 30, 31};
  Date d;
  for (;;) {
    bool leap = d.year % 4 == 0 && (d.year % 100 != 0 || d.year % 400 == 0);
    int in_year = leap ? 366 : 365;
    if (days < in_year) {
      for (int m = 0; m < 12; ++m) {
        int len = kLengths[m] + (m == 1 && leap);
        if (days < len) {
          d.month = m + 1;
          d.day = days + 1;
          return d;
        }
        days -= len;
      }
    }
    days -= in_year;
    ++d.year;
  }
}

}  // namespace policygraph::gen

#endif  // POLICYGRAPH_GEN_CORPUS_CALENDAR_H_

// A CSV reader for tests, so what the exporters write is parsed back field
// by field rather than searched for substrings.
#ifndef POLICYGRAPH_TESTS_CSV_READER_H_
#define POLICYGRAPH_TESTS_CSV_READER_H_

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace policygraph::testing {

// RFC 4180: records of fields, quoted fields may hold commas, doubled
// quotes and line breaks; records end in LF or CRLF.
inline std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      record.push_back(field);
      field.clear();
    } else if (c == '\n') {
      if (!field.empty() && field.back() == '\r') field.pop_back();
      record.push_back(field);
      field.clear();
      records.push_back(record);
      record.clear();
    } else {
      field += c;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quoted field";
  EXPECT_TRUE(field.empty() && record.empty()) << "last record without LF";
  return records;
}

}  // namespace policygraph::testing

#endif  // POLICYGRAPH_TESTS_CSV_READER_H_

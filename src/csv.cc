// CSV cells for audit tables people open in a spreadsheet.
//
// Quoting follows RFC 4180.  On top of it, a cell a spreadsheet would run
// as a formula is neutralized the way OWASP recommends ("CSV injection"):
// titles and headings come from documents anyone can publish, and
// "=HYPERLINK(…)" in a gazette must stay text in an auditor's Excel.
#include <string>
#include <string_view>

#include "policygraph/report_format.h"

#include "safe_text.h"

namespace policygraph {
namespace {

// Excel, LibreOffice and Google Sheets start a formula (or a DDE call) on
// these; tab and CR are on OWASP's list because some importers strip them
// and then see the character behind.
bool StartsFormula(std::string_view cell) {
  if (cell.empty()) return false;
  switch (cell.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

// One memchr a character: find_first_of looks each byte up in the set,
// a loop per byte.
bool NeedsQuotes(std::string_view cell) {
  for (char c : {',', '"', '\r', '\n'})
    if (cell.find(c) != std::string_view::npos) return true;
  return false;
}

}  // namespace

std::string CsvCell(std::string_view text) {
  std::string cell;
  AppendCsvCell(cell, text);
  return cell;
}

void AppendCsvCell(std::string& out, std::string_view text) {
  const size_t at = out.size();
  internal::AppendSafeText(out, text, internal::TextUse::kCsvCell);
  const std::string_view cell(out.data() + at, out.size() - at);
  const bool formula = StartsFormula(cell);
  if (!formula && !NeedsQuotes(cell)) return;
  const std::string plain(cell);
  out.resize(at);
  out += '"';
  if (formula) out += '\'';
  for (char c : plain) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace policygraph

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

bool NeedsQuotes(std::string_view cell) {
  return cell.find_first_of(",\"\r\n") != std::string_view::npos;
}

std::string Quoted(std::string_view cell) {
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace

std::string CsvCell(std::string_view text) {
  std::string cell = internal::SafeText(text, internal::TextUse::kCsvCell);
  if (StartsFormula(cell)) return Quoted("'" + cell);
  if (NeedsQuotes(cell)) return Quoted(cell);
  return cell;
}

}  // namespace policygraph

// Internal: text made safe for the place it is printed in.
//
// Report fields come from gazettes and, through the library API, from any
// caller, so an exporter cannot assume valid UTF-8 or the absence of
// control characters.  nlohmann::json throws on invalid UTF-8, a stray
// ESC rewrites a terminal, a NUL truncates a spreadsheet cell; each
// exporter passes its strings through SafeText for its medium.
#ifndef POLICYGRAPH_SRC_SAFE_TEXT_H_
#define POLICYGRAPH_SRC_SAFE_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace policygraph::internal {

enum class TextUse {
  // JSON escapes every control character itself: only ill-formed UTF-8
  // is replaced.
  kJson,
  // The inside of a JSON string literal written as text: as kJson, and
  // '"', '\\' and the C0 controls escaped as nlohmann's dump escapes them
  // (\" \\ \b \f \n \r \t, the others \u00xx).
  kJsonString,
  // A CSV cell: tab, CR and LF stay (quoting carries them); every other
  // C0 control, DEL and every C1 control becomes U+FFFD.
  kCsvCell,
  // One line of text output: tab, CR and LF become a space, every other
  // control character U+FFFD.
  kOneLine,
  // Text or a quoted attribute value in HTML: as kOneLine, and & < > " '
  // become character references, so corpus text can never open a tag,
  // end an attribute or start an entity.
  kHtml,
  // XML character data or attribute value (GraphML): characters XML 1.0
  // forbids (C0 controls but tab, LF, CR; U+FFFE, U+FFFF) become U+FFFD;
  // & < > " ' and tab, LF, CR become references, so a parser normalizes
  // nothing away.
  kXml,
};

// `text` with each maximal ill-formed UTF-8 subsequence, and the control
// characters `use` forbids, replaced by U+FFFD (a visible mark rather than
// silent loss), and for kHtml the markup characters escaped.  Everything
// else, U+2028/U+2029 included, is kept as is.
std::string SafeText(std::string_view text, TextUse use);
// The same text appended to `out`: the exports write millions of fields,
// and a string made for each only to be copied again was a tenth of their
// time.
void AppendSafeText(std::string& out, std::string_view text, TextUse use);

// `text` as a JSON string literal, quotes included, escaped as
// nlohmann::json's dump escapes it, ill-formed UTF-8 replaced as SafeText
// replaces it: in one pass, straight into `out`.
void AppendJsonString(std::string& out, std::string_view text);

// Each of `texts` through SafeText(…, kJson), as a JSON array of strings.
nlohmann::json SafeJsonArray(const std::vector<std::string>& texts);

}  // namespace policygraph::internal

#endif  // POLICYGRAPH_SRC_SAFE_TEXT_H_

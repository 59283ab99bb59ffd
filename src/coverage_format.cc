// Coverage reports as the JSON contract of the coverage command, a text an
// auditor reads top to bottom, and one CSV row per aligned pair.
#include <cmath>
#include <cstdio>
#include <functional>
#include <ostream>
#include <string_view>

#include "policygraph/report_format.h"

#include "safe_text.h"

namespace policygraph {
namespace {

using internal::SafeText;
using internal::TextUse;

// Reports reach the printers through the library API from any caller;
// JSON must not throw on a broken string.
Json JsonText(std::string_view s) { return SafeText(s, TextUse::kJson); }
std::string OneLine(std::string_view s) {
  return SafeText(s, TextUse::kOneLine);
}

std::string Joined(const std::vector<std::string>& items,
                   const std::string& separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

constexpr std::string_view kCoverageCsvHeader =
    "parent,parent_directive,parent_line,parent_heading,parent_lead_units,"
    "parent_deadline,child,child_directive,child_line,child_heading,score,"
    "evidence,child_lead_units,child_deadline\n";

// The cells are appended to the row as they are made: a string for each
// cell and each join was most of writing a large build's coverage.csv.
void AppendCoverageRows(const CoverageReport& report, std::string& out) {
  std::string left;
  auto cell = [](std::string& row, std::string_view text) {
    row += ',';
    AppendCsvCell(row, text);
  };
  for (const DirectiveCoverage& d : report.directives) {
    left.clear();
    AppendCsvCell(left, report.parent);
    cell(left, d.id);
    left += ',';
    left += std::to_string(d.line);
    cell(left, d.heading);
    cell(left, Joined(d.lead_units, "、"));
    cell(left, d.deadline);
    if (d.implemented_by.empty()) {
      out += left;
      out += ",,,,,,,,\n";
      continue;
    }
    for (const Implementation& impl : d.implemented_by) {
      out += left;
      cell(out, report.DocumentOf(impl));
      cell(out, impl.id);
      out += ',';
      out += std::to_string(impl.line);
      cell(out, impl.heading);
      out += ',';
      out += ScoreText(impl.score);
      cell(out, impl.evidence);
      cell(out, Joined(impl.lead_units, "、"));
      cell(out, impl.deadline);
      out += '\n';
    }
  }
}

}  // namespace

namespace {

// The parts of CoverageToJson before its directives, and one directive.
Json CoverageHead(const CoverageReport& report) {
  Json j;
  j["parent"] = JsonText(report.parent);
  j["title"] = JsonText(report.parent_title);
  j["children"] = internal::SafeJsonArray(report.children);
  return j;
}

Json DirectiveCoverageJson(const CoverageReport& report,
                           const DirectiveCoverage& d) {
  Json entry;
  entry["id"] = JsonText(d.id);
  entry["label"] = JsonText(d.label);
  entry["file"] = JsonText(d.file);
  entry["line"] = d.line;
  entry["heading"] = JsonText(d.heading);
  if (!d.lead_units.empty())
    entry["lead_units"] = internal::SafeJsonArray(d.lead_units);
  if (!d.deadline.empty()) entry["deadline"] = JsonText(d.deadline);
  Json by = Json::array();
  for (const Implementation& impl : d.implemented_by) {
    Json i;
    i["id"] = JsonText(std::string(report.DocumentOf(impl)) + "#" +
                       std::string(impl.id));
    i["file"] = JsonText(report.FileOf(impl));
    i["line"] = impl.line;
    i["heading"] = JsonText(impl.heading);
    i["score"] = RoundedScore(impl.score);
    i["evidence"] = JsonText(impl.evidence);
    if (!impl.lead_units.empty())
      i["lead_units"] = internal::SafeJsonArray(impl.lead_units);
    if (!impl.deadline.empty()) i["deadline"] = JsonText(impl.deadline);
    by.push_back(std::move(i));
  }
  entry["implemented_by"] = std::move(by);
  return entry;
}

// DirectiveCoverageJson(d) as Compact prints it, appended to `out`
// without a Json tree: a large build's viewer holds a row for every
// alignment, and building a tree of each only to print it was about a
// tenth of the time a 1 GB build spent writing its outputs.
void AppendDirectiveCoverageJson(std::string& out, const CoverageReport& report,
                                 const DirectiveCoverage& d) {
  auto text = [&](std::string_view key, std::string_view value) {
    out += key;
    internal::AppendJsonString(out, value);
  };
  auto texts = [&](std::string_view key, const std::vector<std::string>& list) {
    out += key;
    out += '[';
    for (size_t k = 0; k < list.size(); ++k) {
      if (k) out += ',';
      internal::AppendJsonString(out, list[k]);
    }
    out += ']';
  };
  text("{\"id\":", d.id);
  text(",\"label\":", d.label);
  text(",\"file\":", d.file);
  out += ",\"line\":";
  out += std::to_string(d.line);
  text(",\"heading\":", d.heading);
  if (!d.lead_units.empty()) texts(",\"lead_units\":", d.lead_units);
  if (!d.deadline.empty()) text(",\"deadline\":", d.deadline);
  out += ",\"implemented_by\":[";
  for (size_t k = 0; k < d.implemented_by.size(); ++k) {
    const Implementation& impl = d.implemented_by[k];
    if (k) out += ',';
    out += "{\"id\":\"";
    internal::AppendSafeText(out, report.DocumentOf(impl),
                             TextUse::kJsonString);
    out += '#';
    internal::AppendSafeText(out, impl.id, TextUse::kJsonString);
    out += '"';
    text(",\"file\":", report.FileOf(impl));
    out += ",\"line\":";
    out += std::to_string(impl.line);
    text(",\"heading\":", impl.heading);
    // nlohmann prints the number, so a score reads as CoverageToJson's.
    out += ",\"score\":";
    out += Json(RoundedScore(impl.score)).dump();
    text(",\"evidence\":", impl.evidence);
    if (!impl.lead_units.empty()) texts(",\"lead_units\":", impl.lead_units);
    if (!impl.deadline.empty()) text(",\"deadline\":", impl.deadline);
    out += '}';
  }
  out += "]}";
}

std::string Compact(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

Json CoverageToJson(const CoverageReport& report) {
  Json j = CoverageHead(report);
  Json directives = Json::array();
  for (const DirectiveCoverage& d : report.directives)
    directives.push_back(DirectiveCoverageJson(report, d));
  j["directives"] = std::move(directives);
  j["covered"] = report.covered;
  j["total"] = report.total;
  return j;
}

void DumpCoverageJson(const CoverageReport& report,
                      const std::function<void(std::string_view)>& write) {
  std::string piece = Compact(CoverageHead(report));
  piece.pop_back();  // the head's closing brace: the members go on
  piece += ",\"directives\":[";
  write(piece);
  for (size_t i = 0; i < report.directives.size(); ++i) {
    piece.clear();
    if (i) piece += ',';
    AppendDirectiveCoverageJson(piece, report, report.directives[i]);
    write(piece);
  }
  write("],\"covered\":" + std::to_string(report.covered) +
        ",\"total\":" + std::to_string(report.total) + "}");
}

std::string FormatCoverageText(const CoverageReport& report) {
  std::string out =
      OneLine(report.parent) + "  " + OneLine(report.parent_title) + "\n";
  out += "implemented by: " +
         (report.children.empty() ? std::string("(no document)")
                                  : Joined(report.children, ", ")) +
         "\n";
  char ratio[64];
  std::snprintf(ratio, sizeof ratio, "covered %zu of %zu directives (%.0f%%)\n",
                report.covered, report.total, 100 * report.Ratio());
  out += ratio;
  for (const DirectiveCoverage& d : report.directives) {
    out += "\n" + d.id + "  L" + std::to_string(d.line) + "  " +
           OneLine(d.heading);
    if (!d.lead_units.empty())
      out += "  [牵头: " + Joined(d.lead_units, "、") + "]";
    out += "\n";
    if (d.implemented_by.empty()) out += "    — not implemented\n";
    for (const Implementation& impl : d.implemented_by) {
      out += "    " + ScoreText(impl.score) + "  " +
             std::string(report.DocumentOf(impl)) + " " + std::string(impl.id) +
             "  L" + std::to_string(impl.line) + "  " + OneLine(impl.heading) +
             "\n";
      if (!impl.evidence.empty())
        out += "           shared: " + OneLine(impl.evidence) + "\n";
    }
  }
  return out;
}

std::string FormatCoverageCsv(const CoverageReport& report) {
  return FormatCoverageCsv(std::vector<CoverageReport>{report});
}

std::string FormatCoverageCsv(const std::vector<CoverageReport>& reports) {
  std::string out(kCoverageCsvHeader);
  for (const CoverageReport& report : reports) AppendCoverageRows(report, out);
  return out;
}

bool WriteCoverageCsv(const std::vector<CoverageReport>& reports,
                      std::ostream& out) {
  out << kCoverageCsvHeader;
  std::string rows;
  for (const CoverageReport& report : reports) {
    rows.clear();
    AppendCoverageRows(report, rows);
    if (!out.write(rows.data(), static_cast<std::streamsize>(rows.size())))
      return false;
  }
  return out.good();
}

}  // namespace policygraph

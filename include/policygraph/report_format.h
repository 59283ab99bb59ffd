// policygraph — printing the analyses: lineage, coverage and orphan reports
// as JSON values, text for people, CSV for spreadsheets and DOT.  Nothing
// here touches the file system; output is byte-stable for the same report.
#ifndef POLICYGRAPH_REPORT_FORMAT_H_
#define POLICYGRAPH_REPORT_FORMAT_H_

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "policygraph/audit_summary.h"
#include "policygraph/coverage.h"
#include "policygraph/format.h"
#include "policygraph/lineage.h"
#include "policygraph/orphans.h"

namespace policygraph {

// {"root","title","level","ancestors":[{"id","title","doc_number","kind",
//  "level","date","relation","cue","evidence":{"file","line","text"},
//  "depth","parent"}],"descendants":[…]}
Json LineageToJson(const LineageReport& report);
// An indented tree per direction, one node a line with the evidence under
// it, so a reader can follow every step back to the text.
std::string FormatLineageText(const LineageReport& report);
// A DOT digraph of the root and every step, edges labelled by relation.
std::string FormatLineageDot(const LineageReport& report);

// {"parent","children":[…],"directives":[{"id","label","file","line",
//  "heading","implemented_by":[{"id","file","line","heading","score"}]}],
//  "covered","total"}; implemented_by ids are "<doc id>#<directive id>".
Json CoverageToJson(const CoverageReport& report);
// The bytes of CoverageToJson(report).dump() (compact, ill-formed UTF-8
// replaced), handed to `write` a directive at a time: a hub's report as
// one Json tree held tens of megabytes.
void DumpCoverageJson(const CoverageReport& report,
                      const std::function<void(std::string_view)>& write);
std::string FormatCoverageText(const CoverageReport& report);
// One row per parent directive × implementing directive (a row with empty
// child columns for an uncovered one).  Cells that a spreadsheet would run
// as a formula (= + - @ first) are quoted with a leading apostrophe.
std::string FormatCoverageCsv(const CoverageReport& report);

// {"counts":{"uncovered":n,"draft":n,"dangling":n,"repealed":n,
//  "anachronism":n,"isolated":n},"orphans":[{"kind","document","subject",
//  "title","file","line","detail"}]}: every kind is counted, even at 0;
// null for a field an orphan does not have (the subject of an isolated
// document); ill-formed UTF-8 becomes U+FFFD so dump() cannot throw.
Json OrphansToJson(const OrphanReport& report);
// A summary line, then a section per kind ("draft 未出台的文件 (4)") with
// one orphan a line, "  file:line  document  subject  title — detail"
// (empty fields left out, control characters made harmless), or
// "  (none)".
std::string FormatOrphansText(const OrphanReport& report);
// Header row kind,document,subject,title,file,line,detail, then one row
// per orphan in report order.  Rows end in LF, which every spreadsheet
// reads; no BOM (the CLI adds one when it writes a file).
std::string FormatOrphansCsv(const OrphanReport& report);

// Every parent's rows under one header line (the build's coverage.csv).
std::string FormatCoverageCsv(const std::vector<CoverageReport>& reports);
// The same bytes written to `out` one parent at a time, so the table is
// never held whole (at 1 GB of text it is over 300 MB); false when the
// stream fails.
bool WriteCoverageCsv(const std::vector<CoverageReport>& reports,
                      std::ostream& out);

// The audit report (report.md): corpus summary, documents by level and
// issuer, most-cited documents, lineage chains from district or department
// documents up to municipal and national ones, coverage per parent with a
// bar, and the orphans.  Long lists are cut at 200 rows.  The rows come
// from SummarizeAudit (audit_summary.h); the second form runs it.
std::string FormatAuditMarkdown(const AuditSummary& summary);
std::string FormatAuditMarkdown(const Corpus& corpus, const PolicyGraph& graph,
                                const std::vector<CoverageReport>& coverage,
                                const OrphanReport& orphans);

// The same audit as one self-contained HTML page (report.html): UTF-8,
// lang="zh", inline CSS and no script or network resource, a table per
// section and a bar per parent whose width is the covered share, with the
// percentage beside it.  Every text from the corpus is escaped (& < > " '
// as character references, control characters and ill-formed UTF-8 as
// U+FFFD), so a title such as "</td><script>" prints as text.
std::string FormatAuditHtml(const AuditSummary& summary);
std::string FormatAuditHtml(const Corpus& corpus, const PolicyGraph& graph,
                            const std::vector<CoverageReport>& coverage,
                            const OrphanReport& orphans);

// RFC 4180 cell: quoted when it holds a comma, quote, CR or LF, a quote
// doubled inside.  A cell a spreadsheet would run as a formula (first
// character = + - @, tab or CR) gets a leading apostrophe and quotes:
// "=SUM(A1)" → "'=SUM(A1)" with the quotes.  Control characters other than
// tab, CR and LF, and ill-formed UTF-8, become U+FFFD (a visible mark
// rather than a silent loss); everything else, U+2028 included, is kept.
std::string CsvCell(std::string_view text);
// `out += CsvCell(text)`, without the cell's own string: the writers of
// large tables append cell after cell to one row.  `text` must not view
// `out` (appending may move it).
void AppendCsvCell(std::string& out, std::string_view text);

}  // namespace policygraph

#endif  // POLICYGRAPH_REPORT_FORMAT_H_

// Orphan reports as the JSON of the orphans command, a text an auditor
// reads kind by kind, and one CSV row per orphan.
#include <array>
#include <string>
#include <string_view>

#include "policygraph/report_format.h"

#include "safe_text.h"

namespace policygraph {
namespace {

using internal::SafeText;
using internal::TextUse;

struct KindTerm {
  OrphanKind kind;
  std::string_view term;  // the Chinese name beside the enumerator
};

// Every kind in enum order, so counts and sections always list all six.
constexpr std::array<KindTerm, 6> kKinds = {{
    {OrphanKind::kUncovered, "无人落实的条目"},
    {OrphanKind::kDraft, "未出台的文件"},
    {OrphanKind::kDangling, "无着落的引用"},
    {OrphanKind::kRepealed, "引用已废止文件"},
    {OrphanKind::kAnachronism, "引用晚于自身的文件"},
    {OrphanKind::kIsolated, "孤立文件"},
}};

// null for a field the orphan does not have, as the other JSON contracts.
Json StringOrNull(const std::string& text) {
  if (text.empty()) return nullptr;
  return SafeText(text, TextUse::kJson);
}

Json OrphanToJson(const Orphan& o) {
  Json j;
  j["kind"] = std::string(OrphanKindName(o.kind));
  j["document"] = StringOrNull(o.document);
  j["subject"] = StringOrNull(o.subject);
  j["title"] = StringOrNull(o.title);
  j["file"] = StringOrNull(o.file);
  j["line"] = o.line ? Json(o.line) : Json(nullptr);
  j["detail"] = StringOrNull(o.detail);
  return j;
}

std::string OneLine(const std::string& text) {
  return SafeText(text, TextUse::kOneLine);
}

// "file:line  document  subject  title — detail", empty fields left out.
std::string OrphanLine(const Orphan& o) {
  std::string line = "  ";
  line += OneLine(o.file);
  if (o.line) {
    line += ':';
    line += std::to_string(o.line);
  }
  for (const std::string* field : {&o.document, &o.subject, &o.title}) {
    if (field->empty()) continue;
    line += "  ";
    line += OneLine(*field);
  }
  if (!o.detail.empty()) {
    line += " — ";
    line += OneLine(o.detail);
  }
  line += '\n';
  return line;
}

std::string Summary(const OrphanReport& report) {
  std::string out = "orphans: ";
  out += std::to_string(report.orphans.size());
  std::string_view separator = " (";
  for (const KindTerm& k : kKinds) {
    out += separator;
    out += OrphanKindName(k.kind);
    out += " ";
    out += std::to_string(report.Count(k.kind));
    separator = ", ";
  }
  return out + ")\n";
}

}  // namespace

Json OrphansToJson(const OrphanReport& report) {
  Json j;
  Json counts = Json::object();
  for (const KindTerm& k : kKinds)
    counts[std::string(OrphanKindName(k.kind))] = report.Count(k.kind);
  j["counts"] = std::move(counts);
  Json orphans = Json::array();
  for (const Orphan& o : report.orphans) orphans.push_back(OrphanToJson(o));
  j["orphans"] = std::move(orphans);
  return j;
}

std::string FormatOrphansText(const OrphanReport& report) {
  std::string out = Summary(report);
  for (const KindTerm& k : kKinds) {
    out += "\n";
    out += OrphanKindName(k.kind);
    out += " ";
    out += k.term;
    out += " (";
    out += std::to_string(report.Count(k.kind));
    out += ")\n";
    bool any = false;
    for (const Orphan& o : report.orphans) {
      if (o.kind != k.kind) continue;
      out += OrphanLine(o);
      any = true;
    }
    if (!any) out += "  (none)\n";
  }
  return out;
}

std::string FormatOrphansCsv(const OrphanReport& report) {
  std::string out = "kind,document,subject,title,file,line,detail\n";
  for (const Orphan& o : report.orphans) {
    for (std::string_view cell :
         {OrphanKindName(o.kind), std::string_view(o.document),
          std::string_view(o.subject), std::string_view(o.title),
          std::string_view(o.file)}) {
      AppendCsvCell(out, cell);
      out += ',';
    }
    if (o.line) out += std::to_string(o.line);
    out += ',';
    AppendCsvCell(out, o.detail);
    out += '\n';
  }
  return out;
}

}  // namespace policygraph

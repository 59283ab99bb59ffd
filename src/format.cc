#include "policygraph/format.h"

#include <algorithm>
#include <cstdio>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "safe_text.h"

namespace policygraph {
namespace {

using internal::SafeText;
using internal::TextUse;

// Strings come through the library API from any caller, not only from
// decoded text: ill-formed UTF-8 must become U+FFFD, never make dump()
// throw.
Json JsonText(const std::string& s) { return SafeText(s, TextUse::kJson); }

// A tree's directives, counted also when the load let them go.
size_t NodeCount(const DirectiveTree& tree) {
  return tree.nodes.size() + tree.dropped_nodes;
}
Json OrNull(const std::string& s) { return s.empty() ? Json() : JsonText(s); }

std::string Pad(std::string_view text, size_t width) {
  std::string out(text);
  size_t w = DisplayWidth(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

void AppendDirective(const SourceText& source, const DirectiveTree& tree,
                     const Document& doc, int index, Json& array) {
  const Directive& d = tree.nodes[index];
  Json j;
  j["id"] = JsonText(d.id);
  j["label"] = JsonText(d.label);
  j["kind"] = DirectiveKindName(d.kind);
  j["heading"] = JsonText(d.heading);
  j["file"] = JsonText(doc.file);
  j["line"] = d.line;
  j["last_line"] = d.last_line;
  if (d.kind == DirectiveKind::kTaskRow) {
    j["lead_units"] = internal::SafeJsonArray(d.lead_units);
    j["deadline"] = OrNull(d.deadline);
  }
  j["text"] = DirectiveText(source, tree, index);
  Json children = Json::array();
  for (int c : d.children) AppendDirective(source, tree, doc, c, children);
  j["children"] = std::move(children);
  array.push_back(std::move(j));
}

}  // namespace

size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t length = static_cast<int32_t>(text.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      ++width;
      continue;
    }
    int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

Json DocumentToJson(const Document& doc, size_t directive_count) {
  Json j;
  j["id"] = JsonText(doc.id);
  j["title"] = JsonText(doc.title);
  j["attached_title"] = OrNull(doc.attached_title);
  j["doc_number"] = OrNull(doc.doc_number);
  j["decree_number"] = OrNull(doc.decree_number);
  j["issuer"] = OrNull(doc.issuer);
  j["date"] = OrNull(doc.date);
  j["type"] = OrNull(doc.type);
  j["level"] = LevelName(doc.level);
  j["file"] = JsonText(doc.file);
  j["first_line"] = doc.first_line;
  j["last_line"] = doc.last_line;
  j["directives"] = directive_count;
  return j;
}

Json DocumentsToJson(const Corpus& corpus) {
  Json array = Json::array();
  for (const ParsedFile& f : corpus.files)
    for (size_t i = 0; i < f.documents.size(); ++i)
      array.push_back(
          DocumentToJson(f.documents[i], NodeCount(f.directives[i])));
  return array;
}

std::string FormatDocumentsTable(const Corpus& corpus) {
  struct Row {
    std::string id, date, type, level, lines, directives, title;
  };
  std::vector<Row> rows = {
      {"ID", "DATE", "TYPE", "LEVEL", "LINES", "DIRECTIVES", "TITLE"}};
  for (const ParsedFile& f : corpus.files) {
    for (size_t i = 0; i < f.documents.size(); ++i) {
      const Document& d = f.documents[i];
      rows.push_back({d.id, d.date.empty() ? "-" : d.date,
                      d.type.empty() ? "-" : d.type,
                      std::string(LevelName(d.level)),
                      d.file + ":" + std::to_string(d.first_line) + "-" +
                          std::to_string(d.last_line),
                      std::to_string(NodeCount(f.directives[i])), d.title});
    }
  }
  size_t w_id = 0, w_date = 0, w_type = 0, w_level = 0, w_lines = 0, w_dir = 0;
  for (const Row& r : rows) {
    // Title ids ("title:…") are long; they overflow rather than widen the
    // column.
    w_id = std::max(w_id, std::min<size_t>(DisplayWidth(r.id), 24));
    w_date = std::max(w_date, DisplayWidth(r.date));
    w_type = std::max(w_type, DisplayWidth(r.type));
    w_level = std::max(w_level, DisplayWidth(r.level));
    w_lines = std::max(w_lines, DisplayWidth(r.lines));
    w_dir = std::max(w_dir, DisplayWidth(r.directives));
  }
  std::string out;
  for (const Row& r : rows) {
    out += Pad(r.id, w_id) + "  " + Pad(r.date, w_date) + "  " +
           Pad(r.type, w_type) + "  " + Pad(r.level, w_level) + "  " +
           Pad(r.lines, w_lines) + "  " + Pad(r.directives, w_dir) + "  " +
           r.title + "\n";
  }
  return out;
}

Json DirectiveTreeToJson(const SourceText& source, const DirectiveTree& tree,
                         const Document& doc) {
  Json j;
  j["document"] = JsonText(doc.id);
  j["title"] = JsonText(doc.title);
  j["file"] = JsonText(doc.file);
  Json roots = Json::array();
  for (int i = 0; i < static_cast<int>(tree.nodes.size()); ++i)
    if (tree.nodes[i].parent < 0) AppendDirective(source, tree, doc, i, roots);
  j["directives"] = std::move(roots);
  return j;
}

std::string FormatDirectivesText(const DirectiveTree& tree,
                                 const Document& doc) {
  std::string out = doc.id + "  " + doc.title + "\n";
  out += doc.file + ":" + std::to_string(doc.first_line) + "-" +
         std::to_string(doc.last_line) + ", " +
         std::to_string(tree.nodes.size()) + " directives\n";
  for (const Directive& d : tree.nodes) {
    int depth = 0;
    for (int p = d.parent; p >= 0; p = tree.nodes[p].parent) ++depth;
    out.append(2 * depth + 2, ' ');
    out += d.id;
    out += "  L";
    out += std::to_string(d.line);
    if (!d.heading.empty()) out += "  " + d.heading;
    if (!d.lead_units.empty()) {
      out += "  [牵头: ";
      for (size_t i = 0; i < d.lead_units.size(); ++i) {
        if (i > 0) out += "、";
        out += d.lead_units[i];
      }
      out += "]";
    }
    if (!d.deadline.empty()) out += "  [完成: " + d.deadline + "]";
    out += "\n";
  }
  return out;
}

Json ReferenceToJson(const Reference& r) {
  Json j;
  j["file"] = JsonText(r.file);
  j["line"] = r.line;
  j["doc"] = JsonText(r.doc);
  j["directive"] = OrNull(r.directive);
  j["surface"] = JsonText(r.surface);
  j["title"] = OrNull(r.title);
  j["doc_number"] = OrNull(r.doc_number);
  j["cue"] = OrNull(r.cue);
  j["relation"] = RelationName(r.relation);
  j["self"] = r.self;
  j["alias_of"] = OrNull(r.alias_of);
  j["target"] = OrNull(r.target);
  j["target_kind"] = OrNull(r.target_kind);
  return j;
}

void AppendReferenceJsonLine(std::string& out, const Reference& r) {
  using internal::AppendJsonString;
  auto text = [&out](std::string_view name, const std::string& value) {
    out += name;
    AppendJsonString(out, value);
  };
  auto text_or_null = [&out](std::string_view name, const std::string& value) {
    out += name;
    if (value.empty())
      out += "null";
    else
      AppendJsonString(out, value);
  };
  text("{\"file\":", r.file);
  out += ",\"line\":";
  out += std::to_string(r.line);
  text(",\"doc\":", r.doc);
  text_or_null(",\"directive\":", r.directive);
  text(",\"surface\":", r.surface);
  text_or_null(",\"title\":", r.title);
  text_or_null(",\"doc_number\":", r.doc_number);
  text_or_null(",\"cue\":", r.cue);
  out += ",\"relation\":\"";
  out += RelationName(r.relation);
  out += r.self ? "\",\"self\":true" : "\",\"self\":false";
  text_or_null(",\"alias_of\":", r.alias_of);
  text_or_null(",\"target\":", r.target);
  text_or_null(",\"target_kind\":", r.target_kind);
  out += "}\n";
}

std::string FormatReferencesTable(const Corpus& corpus, bool explain) {
  std::string out;
  for (const ParsedFile& f : corpus.files) {
    for (const Reference& r : f.references) {
      std::string where = r.file + ":" + std::to_string(r.line);
      out += Pad(where, 48);
      out += "  ";
      out += Pad(RelationName(r.relation), 10);
      out += "  ";
      out += Pad(r.cue.empty() ? "-" : r.cue, 8);
      out += "  ";
      out += r.surface;
      if (r.self) out += "  (self)";
      if (!r.target.empty()) {
        out += "  → ";
        out += r.target;
      }
      if (explain) {
        char score[16];
        std::snprintf(score, sizeof score, "%.2f", r.score);
        out += "  [cue ";
        out += r.cue.empty() ? "none" : r.cue;
        out += ", ";
        out += r.tier;
        out += " ";
        out += score;
        out += "]";
      }
      out += '\n';
    }
  }
  return out;
}

std::string FormatDiagnostic(const Diagnostic& d, const SourceText* source) {
  std::string_view severity = SeverityName(d.severity);
  std::string out = d.file;
  if (d.line > 0) {
    out += ':';
    out += std::to_string(d.line);
  }
  out += ": ";
  out += severity;
  out += ": ";
  out += d.message;
  if (!d.code.empty()) {
    out += " [";
    out += d.code;
    out += ']';
  }
  out += '\n';
  if (source && d.line > 0) {
    std::string_view line = source->Line(d.line);
    if (line.size() > 240) {
      // Cut before a lead byte so no UTF-8 sequence is split.
      size_t cut = 240;
      while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
        --cut;
      line = line.substr(0, cut);
    }
    out += "    " + std::string(line) + "\n";
  }
  return out;
}

}  // namespace policygraph

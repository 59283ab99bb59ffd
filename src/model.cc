#include "policygraph/model.h"

#include <algorithm>

namespace policygraph {

std::string_view SourceText::Line(size_t n) const {
  if (n == 0 || n > line_starts.size()) return {};
  // The index may be of a longer text than the one held: a text read back
  // from a file that has shrunk since it was parsed.
  size_t begin = line_starts[n - 1];
  if (begin >= text.size()) return {};
  size_t end = n < line_starts.size() ? line_starts[n] : text.size();
  end = std::min(end, text.size());
  if (end > begin && text[end - 1] == '\n') --end;
  return std::string_view(text).substr(begin, end - begin);
}

uint32_t SourceText::LineOf(uint32_t offset) const {
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
  return static_cast<uint32_t>(
      std::max<ptrdiff_t>(1, it - line_starts.begin()));
}

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kNote:
      return "note";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "warning";
}

std::string_view LevelName(Level level) {
  switch (level) {
    case Level::kNational:
      return "national";
    case Level::kMunicipal:
      return "municipal";
    case Level::kDistrict:
      return "district";
    case Level::kDepartment:
      return "department";
    case Level::kUnknown:
      break;
  }
  return "unknown";
}

std::optional<Level> ParseLevel(std::string_view name) {
  for (int l = 0; l <= static_cast<int>(Level::kDepartment); ++l)
    if (LevelName(static_cast<Level>(l)) == name) return static_cast<Level>(l);
  return std::nullopt;
}

std::string_view DirectiveKindName(DirectiveKind kind) {
  switch (kind) {
    case DirectiveKind::kPart:
      return "part";
    case DirectiveKind::kChapter:
      return "chapter";
    case DirectiveKind::kSection:
      return "section";
    case DirectiveKind::kArticle:
      return "article";
    case DirectiveKind::kItem:
      return "item";
    case DirectiveKind::kSubItem:
      return "subitem";
    case DirectiveKind::kPoint:
      return "point";
    case DirectiveKind::kSubPoint:
      return "subpoint";
    case DirectiveKind::kBullet:
      return "bullet";
    case DirectiveKind::kBox:
      return "box";
    case DirectiveKind::kBoxItem:
      return "box_item";
    case DirectiveKind::kTaskRow:
      return "task_row";
    case DirectiveKind::kAttachment:
      return "attachment";
  }
  return "item";
}

std::string_view RelationName(Relation relation) {
  switch (relation) {
    case Relation::kBasis:
      return "basis";
    case Relation::kImplements:
      return "implements";
    case Relation::kFollows:
      return "follows";
    case Relation::kIssues:
      return "issues";
    case Relation::kRepeals:
      return "repeals";
    case Relation::kDrafts:
      return "drafts";
    case Relation::kMentions:
      return "mentions";
    case Relation::kCounterpart:
      return "counterpart";
    case Relation::kPartOf:
      return "part_of";
    case Relation::kAligned:
      return "aligned";
  }
  return "mentions";
}

std::optional<Relation> ParseRelation(std::string_view name) {
  for (int r = 0; r <= static_cast<int>(Relation::kAligned); ++r)
    if (RelationName(static_cast<Relation>(r)) == name)
      return static_cast<Relation>(r);
  return std::nullopt;
}

std::string NamedTitle(const Reference& ref) {
  return TitleWithIssuer(ref.issuer,
                         ref.alias_of.empty() ? ref.title : ref.alias_of);
}

std::string TitleWithIssuer(std::string_view issuer, std::string_view title) {
  std::string out(issuer);
  const size_t about = issuer.empty() ? 0 : title.find("关于");
  out += title.substr(about == std::string_view::npos ? 0 : about);
  return out;
}

std::string_view ReferenceFormName(ReferenceForm form) {
  switch (form) {
    case ReferenceForm::kTitle:
      return "title";
    case ReferenceForm::kNumber:
      return "number";
    case ReferenceForm::kDecree:
      return "decree";
    case ReferenceForm::kStandard:
      return "standard";
    case ReferenceForm::kAlias:
      return "alias";
  }
  return "title";
}

}  // namespace policygraph

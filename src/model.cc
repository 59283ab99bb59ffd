#include "policygraph/model.h"

#include <algorithm>

namespace policygraph {

std::string_view SourceText::Line(size_t n) const {
  if (n == 0 || n > line_starts.size()) return {};
  size_t begin = line_starts[n - 1];
  size_t end = n < line_starts.size() ? line_starts[n] : text.size();
  if (end > begin && text[end - 1] == '\n') --end;
  return std::string_view(text).substr(begin, end - begin);
}

uint32_t SourceText::LineOf(uint32_t offset) const {
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
  return static_cast<uint32_t>(
      std::max<ptrdiff_t>(1, it - line_starts.begin()));
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

}  // namespace policygraph

#include "policygraph/suggest.h"

#include <string>
#include <unordered_set>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "policygraph/fold.h"
#include "policygraph/pipeline.h"

#include "fold_internal.h"

namespace policygraph {
namespace {

// 0 for what parts runs, 1 a letter, 2 a digit.  号 ends every number and
// people drop it, so it parts runs too.
int KindOf(char32_t c) {
  if (c >= U'0' && c <= U'9') return 2;
  return c != U'号' && u_isalpha(static_cast<UChar32>(c)) ? 1 : 0;
}

// An id's letters and digits in runs, each run ended by '|': 合川府发〔2023〕
// 2号 and 合川府发2023-002 are both 合川府发|2023|2|.  Digit runs lose their
// leading zeros.
std::u32string Skeleton(std::string_view id) {
  // Folding drops white space, which parts a typed number as a bracket
  // does (合川府发 2023 2): it becomes a '/' first.
  std::string parted;
  for (size_t at = 0; at < id.size();) {
    UChar32 c = 0;
    const size_t start = at;
    U8_NEXT(id.data(), at, id.size(), c);
    if (u_isUWhiteSpace(c))
      parted += '/';
    else
      parted.append(id.substr(start, at - start));
  }
  std::u32string out, run;
  int open = 0;  // the kind of `run`
  auto close = [&] {
    if (open == 2) {
      const size_t first = run.find_first_not_of(U'0');
      run = first == std::u32string::npos ? U"0" : run.substr(first);
    }
    if (open != 0) out += run + U'|';
    run.clear();
  };
  for (char32_t c : internal::FoldForMatchCodePoints(parted)) {
    const int kind = KindOf(c);
    if (kind != open) close(), open = kind;
    if (kind != 0) run += c;
  }
  close();
  return out;
}

bool Holds(std::string_view text, const std::string& folded_query) {
  return !text.empty() &&
         FoldForMatch(text).find(folded_query) != std::string::npos;
}

}  // namespace

std::vector<Suggestion> SuggestIds(const Corpus& corpus, std::string_view query,
                                   bool externals, size_t limit, size_t* more) {
  struct Entry {
    const std::string* id;
    const std::string* title;
    const std::string* other_title;  // a 印发 notice's own title, or null
  };
  std::vector<Entry> entries;
  for (const ParsedFile& file : corpus.files)
    for (const Document& d : file.documents)
      entries.push_back(d.attached_title.empty()
                            ? Entry{&d.id, &d.title, nullptr}
                            : Entry{&d.id, &d.attached_title, &d.title});
  if (externals)
    for (const ExternalNode& e : corpus.externals)
      entries.push_back({&e.id, &e.title, nullptr});

  std::vector<Suggestion> found;
  std::unordered_set<std::string_view> seen;
  size_t others = 0;
  auto add = [&](const Entry& e) {
    if (!seen.insert(*e.id).second) return;
    if (found.size() < limit)
      found.push_back({*e.id, *e.title});
    else
      ++others;
  };
  const std::u32string skeleton = Skeleton(query);
  if (skeleton.find_first_of(U"0123456789") != std::u32string::npos)
    for (const Entry& e : entries)
      if (Skeleton(*e.id) == skeleton) add(e);
  const std::string folded = FoldForMatch(query);
  if (internal::FoldForMatchCodePoints(query).size() >= 2)
    for (const Entry& e : entries)
      if (Holds(*e.id, folded) || Holds(*e.title, folded) ||
          (e.other_title && Holds(*e.other_title, folded)))
        add(e);
  if (more) *more = others;
  return found;
}

std::string UnknownIdMessage(const Corpus& corpus, std::string_view flag,
                             std::string_view id, bool externals) {
  constexpr size_t kShown = 5;
  std::string out = "policygraph: error: ";
  if (!flag.empty()) out.append(flag).append(": ");
  out += externals ? "no document or cited document" : "no document";
  out.append(" with id '").append(id).append("' in the input");
  size_t more = 0;
  const std::vector<Suggestion> found =
      SuggestIds(corpus, id, externals, kShown, &more);
  if (found.empty()) return out + "; `policygraph documents` lists the ids\n";
  out += "; did you mean\n";
  for (const Suggestion& s : found) {
    out.append("  ").append(s.id);
    // A "title:…" id says its title already.
    const std::string_view id_title =
        s.id.starts_with("title:") ? std::string_view(s.id).substr(6) : s.id;
    if (!s.title.empty() && s.title != id_title)
      out.append("  ").append(s.title);
    out += '\n';
  }
  if (more > 0)
    out.append("  … and ").append(std::to_string(more)).append(" more\n");
  return out + "(`policygraph documents` lists the ids)\n";
}

}  // namespace policygraph

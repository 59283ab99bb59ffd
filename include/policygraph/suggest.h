// policygraph — what an id that names nothing may have meant.
//
// Analysts type numbers as they read them (合川府发2023-2, 合川府发[2023]002)
// or a few words of a title (综合立体交通网).  When no document has the id,
// the commands that take one answer with the documents it may mean.
#ifndef POLICYGRAPH_SUGGEST_H_
#define POLICYGRAPH_SUGGEST_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace policygraph {

struct Corpus;

struct Suggestion {
  std::string id;
  std::string title;  // the plan a 印发 notice issues, else its title
};

// Documents of `corpus`, and with `externals` the documents it only cites,
// that `query` may mean: first those whose id reads the same once
// brackets, punctuation, leading zeros and 号 are set aside, then those
// whose id or title holds the query (compared as FoldForMatch folds
// them; a query of one character holds too little).  Documents before
// external nodes, each in corpus order, each once; at most `limit`, and
// `more` (when given) receives how many others there were.
std::vector<Suggestion> SuggestIds(const Corpus& corpus, std::string_view query,
                                   bool externals, size_t limit,
                                   size_t* more = nullptr);

// The error for an `id` that names no document, ending in a newline: the
// option that gave it (`flag`, e.g. "--child", or ""), the id, and up to
// five documents it may mean (SuggestIds) with their titles, or where the
// ids are listed.  `externals` as for SuggestIds, for commands that also
// take a document the corpus only cites.
std::string UnknownIdMessage(const Corpus& corpus, std::string_view flag,
                             std::string_view id, bool externals);

}  // namespace policygraph

#endif  // POLICYGRAPH_SUGGEST_H_

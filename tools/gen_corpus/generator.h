// gen-corpus — grows a synthetic Chongqing gazette corpus of a given size.
//
// GenerateCorpus writes gazette issues one at a time: a municipal issue now
// and then (重庆市人民政府公报: a few municipal documents, the hubs the rest
// cite), and district and county issues (重庆市万州区人民政府公报) filling the
// rest.  Each issue has the cover, 目录 and colophon of a real one; each
// document a title (broken over lines), a document number sequential per
// issuer and year, addressees, a body of numbered directives, signature,
// date and （此件公开发布）.  Lower documents
//
//   - cite a parent: 为贯彻落实《重庆市…方案》（渝府办发〔2023〕18号）精神;
//     parents are drawn with Zipf-like odds, so the first municipal
//     documents are cited by a large share of the corpus,
//   - implement it: their directives paraphrase the parent's (Paraphrase),
//   - localize it: 重庆市X方案 → 万州区X方案, a counterpart pair,
//
// and cite national laws and plans that are not in the corpus (externals).
//
// Streaming: only the current issue (a few MB) and a bounded catalogue of
// citable parents (kMaxMunicipal municipal documents, a short ring per
// district) are held, so memory does not grow with the target size.  The
// output depends only on the options and the material: a seed gives the
// same bytes everywhere (see random.h).
#ifndef POLICYGRAPH_GEN_CORPUS_GENERATOR_H_
#define POLICYGRAPH_GEN_CORPUS_GENERATOR_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "gen_corpus/material.h"

namespace policygraph::gen {

// Municipal documents are the hubs; a few hundred, as in a real decade.
inline constexpr size_t kMaxMunicipal = 600;
// Municipal documents written before any district issue: the first hubs.
inline constexpr size_t kInitialMunicipal = 24;
// Recent district government documents a department may implement.
inline constexpr size_t kDistrictRing = 8;

struct GenerateOptions {
  uint64_t target_bytes = 10ull << 20;
  uint64_t seed = 1;
  // Size of one district issue; 0 picks target/8 within [256 KB, 4 MB].
  uint64_t gazette_bytes = 0;
};

// What was written, for the caller to check against what the pipeline
// reads back.  Counts are of documents and of references as emitted.
struct Manifest {
  uint64_t seed = 0;
  uint64_t bytes = 0;
  uint64_t files = 0;
  uint64_t documents = 0;
  uint64_t municipal_documents = 0;
  uint64_t district_documents = 0;  // districts, counties and departments
  uint64_t decrees = 0;  // documents with a 令 number, not 发文字号
  uint64_t internal_references = 0;  // 《…》 citing a generated document
  uint64_t external_references = 0;  // 《…》 citing a national law or plan
  uint64_t implements = 0;  // (child, parent) pairs with paraphrased tasks
  uint64_t paraphrased_directives = 0;
  uint64_t task_rows = 0;     // rows of attached 工作任务清单 tables
  uint64_t counterparts = 0;  // (localized, municipal) pairs, same core title
  // A municipal department's plan localized by a district department.  The
  // pipeline ranks both as departments (one level), so it pairs neither;
  // counted apart so counterparts stays what it should find.
  uint64_t department_localizations = 0;
  std::string top_hub;  // the most cited generated document
  std::string top_hub_title;
  uint64_t top_hub_citations = 0;  // documents citing it
};

// Receives each finished gazette: a file name (gazette-000001.txt) and its
// text.  Returning false stops generation (a failed write).
using GazetteSink =
    std::function<bool(const std::string& name, std::string_view text)>;

// Generates about `options.target_bytes` of text (within one document of
// it) into `sink`.  Returns false when the sink failed.
bool GenerateCorpus(const GenerateOptions& options, const Material& material,
                    const GazetteSink& sink, Manifest& manifest);

// The manifest as a JSON object, keys in a fixed order.
std::string ManifestJson(const Manifest& manifest);

}  // namespace policygraph::gen

#endif  // POLICYGRAPH_GEN_CORPUS_GENERATOR_H_

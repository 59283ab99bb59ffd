// gen-corpus — the words the generated corpus is made of.
//
// The generator invents structure (who issues what, who cites whom) but not
// language: every task sentence and topic comes from the bundled gazettes,
// read with the project's own decode, segment and directives stages.
//
//   （十四）加强人才队伍建设。依托空天信息产业重点项目…引进…人才。
//     → task  "加强人才队伍建设。依托空天信息产业重点项目…引进…人才。"
//       topic "加强人才队伍建设"
//
// Sentences that name other documents (《…》, 渝府发〔2023〕7号) are left
// out, so every reference in the generated text is one the generator made
// on purpose and can count.  Output is sorted and deduplicated: the same
// texts give the same material, whatever order the files are listed in.
#ifndef POLICYGRAPH_GEN_CORPUS_MATERIAL_H_
#define POLICYGRAPH_GEN_CORPUS_MATERIAL_H_

#include <string>
#include <vector>

namespace policygraph::gen {

struct Material {
  std::vector<std::string> tasks;  // directive texts: heading。body。
  std::vector<std::string> topics;  // short verb phrases: 加强人才队伍建设
  std::vector<std::string> prose;  // plain sentences ending in 。
  std::vector<std::string> files;  // the texts it came from
};

// Reads `paths` (files or folders of *.txt).  On failure (nothing readable,
// or too little text to build from) returns false and says why in `error`.
bool HarvestMaterial(const std::vector<std::string>& paths, Material& out,
                     std::string& error);

}  // namespace policygraph::gen

#endif  // POLICYGRAPH_GEN_CORPUS_MATERIAL_H_

// gen-corpus — the national laws and plans generated documents cite.
//
// They are cited, never generated, so the pipeline resolves them to
// external nodes; the graph generator (graph_generator.h) makes the same
// external nodes directly.  Ordered by how often they are cited (Zipf
// rank): the five-year plan outline first.
#ifndef POLICYGRAPH_GEN_CORPUS_NATIONAL_H_
#define POLICYGRAPH_GEN_CORPUS_NATIONAL_H_

#include <array>
#include <string_view>

namespace policygraph::gen {

struct NationalDocument {
  std::string_view title;
  std::string_view number;  // "" when cited by title only
};

inline constexpr std::array<NationalDocument, 24> kNational = {{
    {"中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要",
     ""},
    {"中华人民共和国安全生产法", ""},
    {"成渝地区双城经济圈建设规划纲要", ""},
    {"优化营商环境条例", ""},
    {"中华人民共和国环境保护法", ""},
    {"国务院关于开展第五次全国经济普查的通知", "国发〔2022〕22号"},
    {"中华人民共和国突发事件应对法", ""},
    {"国家综合立体交通网规划纲要", ""},
    {"中华人民共和国消防法", ""},
    {"中华人民共和国乡村振兴促进法", ""},
    {"中华人民共和国大气污染防治法", ""},
    {"中华人民共和国预算法", ""},
    {"中国妇女发展纲要（2021—2030年）", ""},
    {"中国儿童发展纲要（2021—2030年）", ""},
    {"中华人民共和国森林法", ""},
    {"中华人民共和国食品安全法", ""},
    {"中华人民共和国水污染防治法", ""},
    {"中华人民共和国土地管理法", ""},
    {"中华人民共和国城乡规划法", ""},
    {"中华人民共和国教育法", ""},
    {"中华人民共和国道路交通安全法", ""},
    {"中华人民共和国传染病防治法", ""},
    {"“十四五”全民医疗保障规划", ""},
    {"中华人民共和国政府信息公开条例", ""},
}};

}  // namespace policygraph::gen

#endif  // POLICYGRAPH_GEN_CORPUS_NATIONAL_H_

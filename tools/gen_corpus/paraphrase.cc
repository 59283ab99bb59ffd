#include "gen_corpus/paraphrase.h"

#include <array>
#include <utility>
#include <vector>

#include "gen_corpus/issuers.h"

namespace policygraph::gen {
namespace {

using Swap = std::pair<std::string_view, std::string_view>;

// Near synonyms, both directions useful; each applies to a task with even
// odds.
constexpr std::array<Swap, 16> kSynonyms = {{
    {"加快", "加速"},
    {"加强", "强化"},
    {"推进", "推动"},
    {"完善", "健全"},
    {"建立", "建设"},
    {"提升", "提高"},
    {"积极", "主动"},
    {"深入", "持续"},
    {"开展", "组织开展"},
    {"支持", "鼓励"},
    {"严格", "从严"},
    {"切实", "扎实"},
    {"全面", "全方位"},
    {"有序", "稳步"},
    {"不断", "持续"},
    {"确保", "保证"},
}};

constexpr std::array<std::string_view, 6> kLocalTails = {{
    "结合实际抓好落实。",
    "确保各项任务落地见效。",
    "细化工作措施，明确责任分工。",
    "按季度报送工作进展情况。",
    "纳入年度目标考核。",
    "形成工作合力。",
}};

void ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
  for (size_t at = 0; (at = text.find(from, at)) != std::string::npos;) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
}

// Splits at ，and ；, keeping each clause's trailing mark with it.
std::vector<std::string> Clauses(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i < text.size();) {
    std::string_view rest = text.substr(i);
    if (rest.starts_with("，") || rest.starts_with("；")) {
      out.emplace_back(text.substr(start, i + 3 - start));
      i += 3;
      start = i;
      continue;
    }
    ++i;
  }
  if (start < text.size()) out.emplace_back(text.substr(start));
  return out;
}

}  // namespace

std::string Localize(std::string_view task, int jurisdiction) {
  std::string text(task);
  if (jurisdiction < 0) return text;
  std::string local(LocalWord(jurisdiction));
  ReplaceAll(text, "全市", "全" + local);
  ReplaceAll(text, "我市", "我" + local);
  ReplaceAll(text, "市级", local + "级");
  ReplaceAll(text, "市政府", local + "政府");
  ReplaceAll(text, "市委", local + "委");
  ReplaceAll(text, "各区县", "各镇街");
  ReplaceAll(text, "区县", "镇街");
  return text;
}

std::string Paraphrase(std::string_view task, int jurisdiction,
                       Random& random) {
  std::string text = Localize(task, jurisdiction);
  for (const Swap& s : kSynonyms) {
    if (!random.Percent(50)) continue;
    ReplaceAll(text, s.first, s.second);
    // 完善健全 → 健全健全, 组织开展 → 组织组织开展: say it once.
    ReplaceAll(text, std::string(s.second) + std::string(s.second), s.second);
    ReplaceAll(text, "组织组织开展", "组织开展");
  }
  // The heading (up to the first 。) stays first; the body's clauses move.
  size_t stop = text.find("。");
  if (stop == std::string::npos || stop + 3 >= text.size()) return text;
  std::string heading = text.substr(0, stop + 3);
  std::string body = text.substr(stop + 3);
  if (!body.ends_with("。")) return text;
  body.resize(body.size() - 3);
  std::vector<std::string> clauses = Clauses(body);
  for (std::string& c : clauses)
    if (c.ends_with("；")) c.replace(c.size() - 3, 3, "，");
  if (clauses.size() >= 4 && random.Percent(30))
    clauses.erase(clauses.begin() + 1 + random.Below(clauses.size() - 1));
  if (clauses.size() >= 2 && random.Percent(40)) {
    size_t i = random.Below(clauses.size() - 1);
    std::swap(clauses[i], clauses[i + 1]);
  }
  std::string out = heading;
  for (std::string c : clauses) {
    if (c.ends_with("，") || c.ends_with("。")) c.resize(c.size() - 3);
    out += c;
    out += "，";
  }
  out.resize(out.size() - 3);
  out += "。";
  if (random.Percent(35))
    out.replace(
        out.size() - 3, 3,
        "，" + std::string(kLocalTails[random.Below(kLocalTails.size())]));
  return out;
}

}  // namespace policygraph::gen

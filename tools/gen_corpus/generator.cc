#include "gen_corpus/generator.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <set>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "gen_corpus/calendar.h"
#include "gen_corpus/issuers.h"
#include "gen_corpus/national.h"
#include "gen_corpus/noise.h"
#include "gen_corpus/paraphrase.h"
#include "gen_corpus/random.h"
#include "gen_corpus/titles.h"
#include "gen_corpus/utf8.h"

namespace policygraph::gen {
namespace {

constexpr uint64_t kAverageDocumentBytes = 6000;
// Bytes of text one printed page holds, for 目录 page numbers.
constexpr uint64_t kPageBytes = 2400;

constexpr std::array<std::string_view, 6> kSectionHeadings = {
    {"重点任务", "主要任务", "工作措施", "重点工作", "主要举措", "保障措施"}};

constexpr std::array<std::string_view, 11> kNumerals = {
    {"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}};

// 1 → 一, 12 → 十二, 25 → 二十五 (up to 99).
std::string ChineseNumeral(int n) {
  if (n <= 10) return std::string(kNumerals[n]);
  std::string out;
  if (n >= 20) out += kNumerals[n / 10];
  out += "十";
  if (n % 10) out += kNumerals[n % 10];
  return out;
}

std::string PrintDate(const Date& d) {
  return std::to_string(d.year) + "年" + std::to_string(d.month) + "月" +
         std::to_string(d.day) + "日";
}

// A document later ones may cite, implement or localize.
struct Parent {
  std::string id;          // the number, as the pipeline normalizes it
  std::string cite_title;  // what 《…》 holds: the plan, or the title
  std::string core;        // title without 重庆市, "" when not localizable
  std::vector<std::string> tasks;
  uint64_t citations = 0;  // documents citing it
  bool government = false;  // 市政府/市政府办公厅: a level above districts
  std::vector<bool> localized;  // per jurisdiction: counterpart written
};

// A document as it will be printed.
struct Draft {
  int issuer = 0;
  std::string number;    // 万州府办发〔2023〕12号, or "" for a decree
  int decree = 0;        // 令 number
  std::string title;     // full title
  std::string attached;  // the plan a 印发 notice issues, or ""
  Date date;
  std::string preamble;            // opening paragraph, with the citations
  std::vector<std::string> tasks;  // directive texts, in order
  bool half_width = false;
  int task_table = 0;  // rows of an attached 工作任务清单, 0 for none
};

struct Section {
  std::string name;                                     // 【区政府文件】
  std::vector<std::pair<std::string, size_t>> entries;  // title, offset
  std::string body;
};

struct Issue {
  std::string gazette;  // 重庆市万州区人民政府公报
  std::string publisher;
  Date date;
  int number = 1;
  int total = 1;
  bool municipal = false;
  std::vector<Section> sections;
  size_t Bytes() const {
    size_t n = 0;
    for (const Section& s : sections)
      n += s.body.size() + 160 * s.entries.size();
    return n + 1200;
  }
};

class Generator {
 public:
  Generator(const GenerateOptions& options, const Material& material,
            const GazetteSink& sink, Manifest& manifest)
      : options_(options),
        material_(material),
        sink_(sink),
        manifest_(manifest),
        random_(options.seed),
        municipal_zipf_(kMaxMunicipal),
        national_zipf_(kNational.size()),
        counters_(Issuers().size() * 8, 0),
        rings_(Jurisdictions().size()),
        issue_numbers_(Jurisdictions().size() + 1, 0) {
    uint64_t est =
        std::max<uint64_t>(1, options.target_bytes / kAverageDocumentBytes);
    estimated_documents_ = est;
    planned_municipal_ =
        std::clamp<uint64_t>(est / 40, kInitialMunicipal, kMaxMunicipal);
    gazette_bytes_ = options.gazette_bytes
                         ? options.gazette_bytes
                         : std::clamp<uint64_t>(options.target_bytes / 8,
                                                256 << 10, 4 << 20);
  }

  bool Run();

 private:
  uint64_t Projected(const Issue& issue) const {
    return written_ + issue.Bytes();
  }
  uint64_t Remaining(const Issue& issue) const {
    uint64_t p = Projected(issue);
    return p >= options_.target_bytes ? 0 : options_.target_bytes - p;
  }
  bool WantMunicipalIssue() const;
  Issue OpenIssue(int jurisdiction);
  bool FlushIssue(Issue& issue);

  void WriteMunicipalDocument(Issue& issue, uint64_t budget);
  void WriteDistrictDocument(Issue& issue, int jurisdiction, uint64_t budget);

  Date NextDate();
  std::string NextNumber(int issuer, const Date& date);
  uint64_t DocumentBudget(bool municipal);
  void CountCitation(Parent& parent);
  std::string CiteParent(Parent& parent, bool force_number,
                         std::string_view alias = "");
  std::string CiteNumber(Parent& parent);
  std::string CiteNational();
  Parent* PickMunicipal();
  void AddOwnTasks(Draft& draft, int jurisdiction, uint64_t budget);
  std::string Render(const Draft& draft);
  void RenderHeaderTitle(const Draft& draft, std::string& out);
  void RenderDirectives(const Draft& draft, std::string& out);
  void RenderTaskTable(const Draft& draft, std::string& out);
  void Para(std::string_view text, const Draft& draft, std::string& out);
  void File(Issue& issue, const Draft& draft, int section);

  const GenerateOptions& options_;
  const Material& material_;
  const GazetteSink& sink_;
  Manifest& manifest_;
  Random random_;
  ZipfTable municipal_zipf_;
  ZipfTable national_zipf_;
  NoiseRates noise_;

  uint64_t estimated_documents_ = 1;
  uint64_t planned_municipal_ = kInitialMunicipal;
  uint64_t gazette_bytes_ = 0;
  uint64_t written_ = 0;
  uint64_t sequence_ = 0;  // documents dated so far
  int next_decree_ = 360;
  std::vector<uint32_t> counters_;  // per issuer and year
  std::vector<Parent> municipal_;   // emission order = Zipf rank
  std::set<std::string> municipal_cores_;
  std::vector<std::vector<Parent>> rings_;  // per jurisdiction
  std::vector<int> issue_numbers_;          // per jurisdiction, +1
  std::vector<Parent*> cited_;              // by the current document
  uint64_t page_hint_ = 1;  // page the current document starts on
};

Date Generator::NextDate() {
  uint64_t day = sequence_++ * kDays / estimated_documents_;
  return DateOf(static_cast<int>(std::min<uint64_t>(day, kDays - 1)));
}

std::string Generator::NextNumber(int issuer, const Date& date) {
  uint32_t& n = counters_[issuer * 8 + (date.year - kFirstYear)];
  return Issuers()[issuer].code + "〔" + std::to_string(date.year) + "〕" +
         std::to_string(++n) + "号";
}

uint64_t Generator::DocumentBudget(bool municipal) {
  int r = random_.Between(0, 99);
  if (municipal) return random_.Between(5000, 24000);
  if (r < 60) return random_.Between(1500, 4000);
  if (r < 96) return random_.Between(5000, 16000);
  return random_.Between(25000, 80000);
}

Parent* Generator::PickMunicipal() {
  if (municipal_.empty()) return nullptr;
  return &municipal_[municipal_zipf_.Sample(random_, municipal_.size())];
}

void Generator::CountCitation(Parent& parent) {
  ++manifest_.internal_references;
  if (std::find(cited_.begin(), cited_.end(), &parent) == cited_.end()) {
    cited_.push_back(&parent);
    ++parent.citations;
  }
}

// 《重庆市…方案》（渝府办发〔2023〕18号）, the number left out now and then
// (decrees: 《重庆市…规定》 or with 重庆市人民政府令第360号), and with
// `alias`, the abbreviation later mentions use: （…号，以下简称《方案》）.
std::string Generator::CiteParent(Parent& parent, bool force_number,
                                  std::string_view alias) {
  CountCitation(parent);
  std::string out = "《" + parent.cite_title + "》";
  bool decree = parent.id.find("令第") != std::string::npos;
  bool number =
      decree ? random_.Percent(50) : force_number || random_.Percent(80);
  if (!number && alias.empty()) return out;
  out += "（";
  if (number) out += parent.id;
  if (number && !alias.empty()) out += "，";
  if (!alias.empty()) out += "以下简称《" + std::string(alias) + "》";
  return out + "）";
}

// 渝府办发〔2023〕18号 alone: the form a notice uses for a document its
// readers know by number.
std::string Generator::CiteNumber(Parent& parent) {
  CountCitation(parent);
  return parent.id;
}

// The abbreviation a title takes after 以下简称: its document type.
std::string_view Abbreviation(std::string_view title) {
  for (std::string_view type : {"方案", "计划", "意见", "规定", "要点", "措施"})
    if (title.ends_with(type) || title.ends_with(std::string(type) + "（") ||
        title.find(std::string(type) + "（") != std::string_view::npos)
      return type;
  return "";
}

std::string Generator::CiteNational() {
  ++manifest_.external_references;
  const NationalDocument& n =
      kNational[national_zipf_.Sample(random_, kNational.size())];
  std::string out = "《" + std::string(n.title) + "》";
  if (!n.number.empty()) out += "（" + std::string(n.number) + "）";
  return out;
}

void Generator::AddOwnTasks(Draft& draft, int jurisdiction, uint64_t budget) {
  uint64_t size = draft.preamble.size();
  for (const std::string& t : draft.tasks) size += t.size() + 12;
  while (size < budget || draft.tasks.size() < 3) {
    std::string task = Localize(random_.Pick(material_.tasks), jurisdiction);
    size += task.size() + 12;
    draft.tasks.push_back(std::move(task));
  }
}

bool Generator::WantMunicipalIssue() const {
  if (municipal_.size() >= planned_municipal_) return false;
  if (municipal_.size() < kInitialMunicipal) return true;
  double progress = static_cast<double>(written_) /
                    static_cast<double>(options_.target_bytes);
  return static_cast<double>(municipal_.size()) <
         kInitialMunicipal +
             progress * (planned_municipal_ - kInitialMunicipal);
}

Issue Generator::OpenIssue(int jurisdiction) {
  Issue issue;
  issue.municipal = jurisdiction < 0;
  issue.date = DateOf(static_cast<int>(
      std::min<uint64_t>(sequence_ * kDays / estimated_documents_, kDays - 1)));
  int& count = issue_numbers_[jurisdiction + 1];
  issue.total = ++count;
  issue.number = (count - 1) % 24 + 1;
  if (issue.municipal) {
    issue.gazette = "重庆市人民政府公报";
    issue.publisher = "重庆市人民政府办公厅";
    for (std::string_view s : {"【市政府规章】", "【市政府文件】",
                               "【市政府办公厅文件】", "【部门文件】"})
      issue.sections.push_back({std::string(s), {}, {}});
  } else {
    std::string place = "重庆市" + TitlePrefix(jurisdiction);
    issue.gazette = place + "人民政府公报";
    issue.publisher = place + "人民政府办公室";
    std::string local(LocalWord(jurisdiction));
    for (std::string s : std::vector<std::string>{
             "【 " + local + "政府文件 】", "【 " + local + "政府办公室文件 】",
             "【 部门文件 】"})
      issue.sections.push_back({s, {}, {}});
  }
  return issue;
}

void Generator::Para(std::string_view text, const Draft& draft,
                     std::string& out) {
  if (draft.half_width) {
    AppendParagraph(HalfWidthPunctuation(text), noise_, random_, out);
  } else {
    AppendParagraph(text, noise_, random_, out);
  }
}

// Whether `tail` may open a header line: no issuer words (局, 委, 办公室 …)
// in its first 20 characters, or the segmenter would take it for the start
// of the title (格局, 布局 and 委托 count too).
bool MayOpenLine(std::string_view tail) {
  if (tail.empty()) return false;
  for (std::string_view w :
       {"局", "委", "人民政府", "办公厅", "办公室", "国务院", "中共中央"})
    if (tail.substr(0, 60).find(w) != std::string_view::npos) return false;
  return true;
}

// Where to cut a header title: `want` characters in, else the nearest
// safe point before it, else after it (up to 40); text.size() when none.
size_t SafeCut(std::string_view text, size_t want) {
  std::vector<size_t> cuts;  // cuts[k]: byte offset after k+1 characters
  for (size_t i = 0; i < text.size() && cuts.size() < 40;) {
    i += CodePointLength(text[i]);
    cuts.push_back(i);
  }
  want = std::min(want, cuts.size());
  for (size_t k = want; k-- > 1;)
    if (MayOpenLine(text.substr(cuts[k]))) return cuts[k];
  for (size_t k = want; k < cuts.size(); ++k)
    if (MayOpenLine(text.substr(cuts[k]))) return cuts[k];
  return text.size();
}

// The title as a header prints it: issuer and 关于 on the first line, the
// rest on lines of at most 28 characters (a segmenter reads at most five
// lines of at most 64), or, when short, all on one line with spaces where
// the breaks were.
void Generator::RenderHeaderTitle(const Draft& draft, std::string& out) {
  const std::string& issuer = Issuers()[draft.issuer].name;
  std::string_view rest = std::string_view(draft.title).substr(issuer.size());
  std::vector<std::string> lines;
  size_t cut = SafeCut(rest, random_.Between(6, 14));
  lines.push_back(issuer + (random_.Percent(50) ? " " : "") +
                  std::string(rest.substr(0, cut)));
  rest.remove_prefix(cut);
  while (!rest.empty()) {
    cut = CountCodePoints(rest) <= 28 ? rest.size()
                                      : SafeCut(rest, random_.Between(18, 28));
    lines.emplace_back(rest.substr(0, cut));
    rest.remove_prefix(cut);
  }
  bool one_line = lines.size() == 1 ||
                  (CountCodePoints(draft.title) <= 56 && random_.Percent(50));
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += one_line ? " " : "\n\n";
    out += lines[i];
  }
  out += "\n\n";
}

void Generator::RenderDirectives(const Draft& draft, std::string& out) {
  // 一、总体要求 frames; the tasks follow under two to four sections, in
  // （一） items or, in some documents, 1. points under a topic heading.
  int section = 1;
  out += ChineseNumeral(section++) + "、总体要求\n\n";
  Para(random_.Pick(material_.prose) + random_.Pick(material_.prose), draft,
       out);
  size_t groups = std::clamp<size_t>(draft.tasks.size() / 5, 1, 4);
  size_t per = (draft.tasks.size() + groups - 1) / groups;
  bool points = random_.Percent(25);
  bool narrow = draft.half_width || random_.Percent(5);
  size_t first_heading = random_.Below(kSectionHeadings.size());
  for (size_t g = 0; g < groups; ++g) {
    out +=
        ChineseNumeral(section++) + "、" +
        std::string(
            kSectionHeadings[(first_heading + g) % kSectionHeadings.size()]) +
        "\n\n";
    size_t begin = g * per, end = std::min(draft.tasks.size(), begin + per);
    int item = 1;
    for (size_t t = begin; t < end;) {
      std::string label = ChineseNumeral(item++);
      std::string marker = narrow ? "(" + label + ")" : "（" + label + "）";
      if (points && t + 1 < end) {
        out += marker + random_.Pick(material_.topics) + "\n\n";
        Para("1. " + draft.tasks[t], draft, out);
        Para("2. " + draft.tasks[t + 1], draft, out);
        t += 2;
        continue;
      }
      Para(marker + draft.tasks[t], draft, out);
      ++t;
      if (random_.Percent(3))  // page furniture the PDF left in the text
        out += "— " + std::to_string(page_hint_ + out.size() / kPageBytes) +
               " —\n\n";
    }
  }
}

// 附件 工作任务清单: 序号 / 工作任务 / 牵头单位 / 完成时间, one row per task
// (its body without the heading, as the real lists print them), lead units
// at the issuer's level.
void Generator::RenderTaskTable(const Draft& draft, std::string& out) {
  if (draft.task_table == 0) return;
  // Rows skip the task that mentions the parent's abbreviation: every
  // reference the generator writes is one the manifest counts.
  std::vector<std::string_view> plain;
  for (const std::string& t : draft.tasks)
    if (t.find("《") == std::string::npos) plain.push_back(t);
  if (plain.empty()) return;
  constexpr std::array<std::string_view, 10> kUnits = {
      "发展改革委",   "教委",       "经济信息委", "财政局", "生态环境局",
      "住房城乡建委", "农业农村委", "卫生健康委", "应急局", "市场监管局"};
  int jurisdiction = Issuers()[draft.issuer].jurisdiction;
  std::string level(LocalWord(jurisdiction));
  std::string name = std::to_string(draft.date.year) + "年度工作任务清单";
  out += "附件：" + name + "\n\n附件\n\n" + name +
         "\n\n序号\t工作任务\t牵头单位\t完成时间\n";
  for (int row = 0; row < draft.task_table; ++row) {
    std::string_view task = plain[row % plain.size()];
    size_t stop = task.find("。");
    if (stop != std::string_view::npos && stop + 3 < task.size())
      task.remove_prefix(stop + 3);
    out += std::to_string(row + 1) + "\t" + std::string(task) + "\t" + level +
           std::string(kUnits[random_.Below(kUnits.size())]) + "\t" +
           std::to_string(draft.date.year) + "年" +
           std::to_string(random_.Between(6, 12)) + "月\n";
  }
  out += "\n";
  manifest_.task_rows += draft.task_table;
}

std::string Generator::Render(const Draft& draft) {
  const Issuer& issuer = Issuers()[draft.issuer];
  std::string out;
  out.reserve(4096);
  std::string date = PrintDate(draft.date);
  if (draft.decree) {
    out += issuer.name + "令\n\n第 " + std::to_string(draft.decree) + " 号\n\n";
    Para("《" + draft.attached + "》已经" + date +
             "市人民政府常务会议审议通过，现予公布，自公布之日起施行。",
         draft, out);
    out += date + "\n\n";
    out += draft.attached + "\n\n";
    Para(draft.preamble, draft, out);
    for (size_t i = 0; i < draft.tasks.size(); ++i)
      Para("第" + ChineseNumeral(static_cast<int>(i % 99) + 1) + "条 " +
               draft.tasks[i],
           draft, out);
    return out;
  }
  RenderHeaderTitle(draft, out);
  out += draft.number + "\n\n";
  std::string local(LocalWord(issuer.jurisdiction));
  if (issuer.tier == Tier::kMunicipalGovernment) {
    out += "各区县（自治县）人民政府，市政府各部门，有关单位：\n\n";
  } else if (issuer.tier == Tier::kDistrictGovernment) {
    out += local == "县"
               ? "各乡镇人民政府、街道办事处，县政府各部门，有关单位：\n\n"
               : "各镇人民政府、街道办事处，区政府各部门，有关单位：\n\n";
  } else {
    out += "各有关单位：\n\n";
  }
  if (!draft.attached.empty()) {
    Para("《" + draft.attached + "》已经" + local +
             "政府同意，现印发给你们，请认真贯彻执行。",
         draft, out);
    out += issuer.name + "\n\n" + date + "\n\n（此件公开发布）\n\n";
    out += draft.attached + "\n\n";
    Para(draft.preamble, draft, out);
    RenderDirectives(draft, out);
    RenderTaskTable(draft, out);
    return out;
  }
  Para(draft.preamble, draft, out);
  RenderDirectives(draft, out);
  out += issuer.name + "\n\n" + date + "\n\n（此件公开发布）\n\n";
  return out;
}

void Generator::File(Issue& issue, const Draft& draft, int section) {
  Section& s = issue.sections[section];
  std::string toc = draft.decree ? draft.attached : draft.title;
  s.entries.push_back({toc, s.body.size()});
  size_t before = 0;
  for (const Section& other : issue.sections) before += other.body.size();
  page_hint_ = before / kPageBytes + 1;
  s.body += Render(draft);
  ++manifest_.documents;
  cited_.clear();
}

void Generator::WriteMunicipalDocument(Issue& issue, uint64_t budget) {
  Draft d;
  d.date = NextDate();
  int r = random_.Between(0, 99);
  d.issuer = r < 25   ? 0
             : r < 70 ? 1
                      : 2 + random_.Below(IssuersOf(-1).size() - 2);
  bool decree = r >= 95 && municipal_.size() >= 4;
  if (decree) d.issuer = 0;
  const Issuer& issuer = Issuers()[d.issuer];
  Parent parent;
  parent.localized.assign(Jurisdictions().size(), false);
  for (int attempt = 0; attempt < 8; ++attempt) {
    std::string topic = random_.Pick(material_.topics);
    if (decree) {
      parent.core = topic + "若干规定";
    } else if (d.issuer == 0 && random_.Percent(60)) {
      parent.core = "";
      d.title = issuer.name + "关于" + topic + "的意见";
      if (municipal_cores_.insert(d.title).second) break;
      continue;
    } else {
      parent.core = topic + PlanSuffix(true, d.date.year, random_);
    }
    if (municipal_cores_.insert(parent.core).second) break;
  }
  if (!parent.core.empty()) {
    d.attached = "重庆市" + parent.core;
    d.title = issuer.name + "关于印发" + d.attached + "的通知";
  }
  if (decree) {
    d.decree = next_decree_++;
    d.title = d.attached;
    parent.id = issuer.name + "令第" + std::to_string(d.decree) + "号";
    parent.core.clear();  // rules are not localized
    ++manifest_.decrees;
  } else {
    d.number = NextNumber(d.issuer, d.date);
    parent.id = d.number;
  }
  parent.cite_title = d.attached.empty() ? d.title : d.attached;
  parent.government = issuer.tier == Tier::kMunicipalGovernment;
  d.preamble = "为深入推进相关工作，";
  if (random_.Percent(70)) d.preamble = "根据" + CiteNational() + "，";
  if (municipal_.size() > 4 && random_.Percent(30))
    d.preamble += "按照" + CiteParent(*PickMunicipal(), false) + "要求，";
  d.preamble += decree               ? "结合本市实际，制定本规定。"
                : d.attached.empty() ? "结合我市实际，现提出如下意见。"
                                     : "结合我市实际，制定本方案。";
  AddOwnTasks(d, -1, budget);
  d.half_width = random_.Percent(4);
  if (!d.attached.empty() && !decree && random_.Percent(20))
    d.task_table = random_.Between(4, 12);
  parent.tasks = d.tasks;
  int section = decree ? 0 : d.issuer == 0 ? 1 : d.issuer == 1 ? 2 : 3;
  File(issue, d, section);
  ++manifest_.municipal_documents;
  municipal_.push_back(std::move(parent));
}

void Generator::WriteDistrictDocument(Issue& issue, int j, uint64_t budget) {
  Draft d;
  d.date = NextDate();
  const std::vector<int>& mine = IssuersOf(j);
  int r = random_.Between(0, 99);
  int pick = r < 15 ? 0 : r < 50 ? 1 : 2 + random_.Below(mine.size() - 2);
  d.issuer = mine[pick];
  const Issuer& issuer = Issuers()[d.issuer];
  bool department = issuer.tier == Tier::kDistrictDepartment;
  std::string prefix = TitlePrefix(j);
  std::string local(LocalWord(j));

  // Whom it answers to: a municipal hub, or for a department now and then
  // its own district government's recent plan.
  Parent* parent = PickMunicipal();
  bool local_parent = department && !rings_[j].empty() && random_.Percent(40);
  if (local_parent) parent = &rings_[j][random_.Below(rings_[j].size())];
  int mode = random_.Between(0, 99);  // <40 localize, <65 implement, else cite
  bool localize = mode < 40 && !parent->core.empty() &&
                  parent->localized.size() > static_cast<size_t>(j) &&
                  !parent->localized[j];
  bool implement = localize || mode < 65;

  if (localize) {
    parent->localized[j] = true;
    d.attached = prefix + parent->core;
    if (parent->government) {
      ++manifest_.counterparts;
    } else {
      ++manifest_.department_localizations;
    }
  } else {
    std::string topic = random_.Pick(material_.topics);
    if (issuer.office || (department && random_.Percent(50))) {
      // A year keeps a district's own plans apart from each other: two
      // with one title would make a title-only citation ambiguous.
      d.attached = prefix + std::to_string(d.date.year) + "年" + topic +
                   PlanSuffix(false, d.date.year, random_);
    } else if (implement) {
      d.title = issuer.name + "关于" + topic + "的实施意见";
    } else if (random_.Percent(50)) {
      d.title = issuer.name + "关于做好" + std::to_string(d.date.year) + "年" +
                topic + "工作的通知";
    } else {
      d.title = issuer.name + "关于" + topic + "的通知";
    }
  }
  if (!d.attached.empty())
    d.title = issuer.name + "关于印发" + d.attached + "的通知";
  d.number = NextNumber(d.issuer, d.date);

  // Some implementers abbreviate the parent and cite it again by that name.
  std::string_view alias =
      implement && random_.Percent(15) ? Abbreviation(parent->cite_title) : "";
  std::string cite = CiteParent(*parent, implement || local_parent, alias);
  if (implement) {
    constexpr std::array<std::string_view, 3> kOpen = {
        "为深入贯彻落实", "为认真贯彻落实", "为全面落实"};
    d.preamble =
        std::string(kOpen[random_.Below(kOpen.size())]) + cite + "精神，";
  } else if (random_.Percent(50)) {
    d.preamble = "按照" + cite + "要求，";
  } else {
    d.preamble = "根据" + cite + "，";
  }
  if (random_.Percent(35))
    d.preamble = "根据" + CiteNational() + "，" + d.preamble;
  if (random_.Percent(20)) {
    Parent& other = *PickMunicipal();
    d.preamble += random_.Percent(30)
                      ? "参照" + CiteNumber(other) + "文件精神，"
                      : "参照" + CiteParent(other, false) + "，";
  }
  d.preamble +=
      "结合我" + local + "实际，" +
      (d.attached.empty() ? "现就有关事项通知如下：" : "制定本方案。");

  if (implement && !parent->tasks.empty()) {
    // Paraphrase most of the parent's tasks, in its order; a short notice
    // takes fewer.
    size_t want = std::max<size_t>(3, budget / 420);
    size_t take = std::min(parent->tasks.size(), want);
    size_t skip_odds = parent->tasks.size() > take
                           ? 100 - 100 * take / parent->tasks.size()
                           : 15;
    for (const std::string& task : parent->tasks) {
      if (random_.Below(100) < skip_odds) continue;
      d.tasks.push_back(Paraphrase(task, j, random_));
    }
    if (!d.tasks.empty() && !alias.empty()) {
      std::string& first = d.tasks.front();
      first.replace(first.size() - 3, 3,
                    "，确保《" + std::string(alias) + "》各项任务落到实处。");
      ++manifest_.internal_references;
    }
    if (!d.tasks.empty()) {
      ++manifest_.implements;
      manifest_.paraphrased_directives += d.tasks.size();
    }
  }
  AddOwnTasks(d, j, budget);
  d.half_width = random_.Percent(4);
  if (!d.attached.empty() && budget >= 5000 && random_.Percent(12))
    d.task_table = random_.Between(4, 10);
  File(issue, d,
       issuer.tier == Tier::kDistrictDepartment ? 2
       : issuer.office                          ? 1
                                                : 0);
  ++manifest_.district_documents;

  if (issuer.tier == Tier::kDistrictGovernment && !d.tasks.empty()) {
    Parent own;
    own.id = d.number;
    own.cite_title = d.attached.empty() ? d.title : d.attached;
    // Its tasks minus the one that names its own parent by abbreviation:
    // a department restating it would copy a mention nobody counted.
    for (std::string& t : d.tasks)
      if (t.find("《") == std::string::npos) own.tasks.push_back(std::move(t));
    std::vector<Parent>& ring = rings_[j];
    if (ring.size() < kDistrictRing) {
      ring.push_back(std::move(own));
    } else {
      ring[random_.Below(kDistrictRing)] = std::move(own);
    }
  }
}

// Cover, 目录 with page numbers, the documents by section, colophon.
bool Generator::FlushIssue(Issue& issue) {
  std::string out;
  size_t body = 0;
  for (const Section& s : issue.sections) body += s.body.size();
  out.reserve(body + 64 * 1024);
  out += "\n\n\n\n" + issue.gazette + "\n\n" + std::to_string(issue.date.year) +
         "\n\n第" + std::to_string(issue.number) + "期（总第" +
         std::to_string(issue.total) + "期）\n\n目 录\n\n";
  size_t offset = 0;
  for (const Section& s : issue.sections) {
    if (s.entries.empty()) continue;
    out += s.name + "\n\n";
    for (const auto& [title, at] : s.entries) {
      uint64_t page = (offset + at) / kPageBytes + 1;
      std::string entry = title;
      if (CountCodePoints(title) > 40 && random_.Percent(30)) {
        size_t cut = 3 * 30;
        while (cut < entry.size() &&
               (static_cast<unsigned char>(entry[cut]) & 0xC0) == 0x80)
          ++cut;
        entry.insert(cut, "\n\n");
      }
      if (issue.municipal) {
        out += entry + "..... (" + std::to_string(page) + ")\n\n";
      } else {
        out += entry + "·····\t" + std::to_string(page) + "\n\n";
      }
    }
    offset += s.body.size();
  }
  if (issue.municipal)
    out +=
        "GAZETTE OF CHONGQING MUNICIPAL PEOPLE'S GOVERNMENT\n\n"
        "Published by the General Office of Chongqing Municipal People's "
        "Government\n\n";
  for (const Section& s : issue.sections) out += s.body;
  out += "主管单位：" +
         issue.publisher.substr(
             0, issue.publisher.size() - (issue.municipal ? 9 : 9)) +
         "\n\n主办单位：" + issue.publisher + "\n\n发行范围：国内公开发行\n\n";
  char name[32];
  std::snprintf(name, sizeof name, "gazette-%06llu.txt",
                static_cast<unsigned long long>(manifest_.files + 1));
  if (!sink_(name, out)) return false;
  ++manifest_.files;
  written_ += out.size();
  manifest_.bytes = written_;
  return true;
}

bool Generator::Run() {
  manifest_ = Manifest();
  manifest_.seed = options_.seed;
  constexpr uint64_t kSmallest = 1200;  // below this a document is not worth it
  while (written_ + 4000 < options_.target_bytes) {
    bool municipal = WantMunicipalIssue();
    int jurisdiction =
        municipal ? -1
                  : static_cast<int>(random_.Below(Jurisdictions().size()));
    Issue issue = OpenIssue(jurisdiction);
    int documents = 0;
    int municipal_limit = random_.Between(6, 12);
    for (;;) {
      uint64_t remaining = Remaining(issue);
      if (remaining < kSmallest) break;
      if (municipal && (documents >= municipal_limit ||
                        municipal_.size() >= planned_municipal_))
        break;
      if (!municipal && issue.Bytes() >= gazette_bytes_) break;
      uint64_t budget = std::min(DocumentBudget(municipal), remaining);
      if (municipal) {
        WriteMunicipalDocument(issue, budget);
      } else {
        WriteDistrictDocument(issue, jurisdiction, budget);
      }
      ++documents;
    }
    if (documents == 0) break;
    if (!FlushIssue(issue)) return false;
  }
  for (const Parent& p : municipal_) {
    if (p.citations > manifest_.top_hub_citations) {
      manifest_.top_hub_citations = p.citations;
      manifest_.top_hub = p.id;
      manifest_.top_hub_title = p.cite_title;
    }
  }
  return true;
}

}  // namespace

bool GenerateCorpus(const GenerateOptions& options, const Material& material,
                    const GazetteSink& sink, Manifest& manifest) {
  Generator generator(options, material, sink, manifest);
  return generator.Run();
}

std::string ManifestJson(const Manifest& m) {
  nlohmann::ordered_json j;
  j["seed"] = m.seed;
  j["bytes"] = m.bytes;
  j["files"] = m.files;
  j["documents"] = m.documents;
  j["municipal_documents"] = m.municipal_documents;
  j["district_documents"] = m.district_documents;
  j["decrees"] = m.decrees;
  j["internal_references"] = m.internal_references;
  j["external_references"] = m.external_references;
  j["implements"] = m.implements;
  j["paraphrased_directives"] = m.paraphrased_directives;
  j["task_rows"] = m.task_rows;
  j["counterparts"] = m.counterparts;
  j["department_localizations"] = m.department_localizations;
  j["top_hub"] = m.top_hub;
  j["top_hub_title"] = m.top_hub_title;
  j["top_hub_citations"] = m.top_hub_citations;
  return j.dump(2);
}

}  // namespace policygraph::gen

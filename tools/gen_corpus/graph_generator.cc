#include "gen_corpus/graph_generator.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <limits>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "gen_corpus/calendar.h"
#include "gen_corpus/generator.h"
#include "gen_corpus/issuers.h"
#include "gen_corpus/national.h"
#include "gen_corpus/random.h"
#include "gen_corpus/titles.h"

namespace policygraph::gen {
namespace {

// Index 0 is "no cue": mentions and counterparts have none.
constexpr std::array<std::string_view, 7> kCues = {
    "", "贯彻落实", "落实", "按照", "参照", "根据", "依据"};
constexpr uint8_t kNoCue = 0;
constexpr uint8_t kCueImplement = 1;  // 贯彻落实, or 落实
constexpr uint8_t kCueFollow = 3;     // 按照
constexpr uint8_t kCueRefer = 4;      // 参照
constexpr uint8_t kCueBasis = 5;      // 根据, or 依据

// District documents that cite nothing and nobody cites.
constexpr int kIsolatedPercent = 2;
// Gazette files as the corpus generator fills them, roughly: documents
// per issue and lines per document, for file and line attributes.
constexpr uint32_t kDocumentsPerFile = 40;
constexpr uint32_t kLinesPerDocument = 160;
// Picks a mention may take before the document settles for fewer edges.
constexpr uint64_t kPicksPerMention = 8;

Level LevelOf(const Issuer& issuer) {
  switch (issuer.tier) {
    case Tier::kMunicipalGovernment:
      return Level::kMunicipal;
    case Tier::kDistrictGovernment:
      return Level::kDistrict;
    case Tier::kMunicipalDepartment:
    case Tier::kDistrictDepartment:
      return Level::kDepartment;
  }
  return Level::kUnknown;
}

// The external classification resolve gives a national title.
std::string NationalType(std::string_view title) {
  if (title.ends_with("法")) return "law";
  if (title.ends_with("条例")) return "regulation";
  if (title.ends_with("纲要") || title.ends_with("规划") ||
      title.ends_with("）"))
    return "plan";
  if (title.ends_with("通知")) return "notice";
  return "other";
}

std::string FileName(uint32_t document) {
  char name[32];
  std::snprintf(name, sizeof name, "gazette-%06u.txt",
                document / kDocumentsPerFile + 1);
  return name;
}

std::string IsoDate(uint32_t day) {
  const Date d = DateOf(static_cast<int>(day));
  char text[40];  // room for any int, though years have four digits
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year, d.month, d.day);
  return text;
}

class GraphMaker {
 public:
  GraphMaker(const GraphOptions& options, const Material& material,
             GeneratedGraph& out)
      : options_(options),
        material_(material),
        out_(out),
        random_(options.seed),
        municipal_zipf_(kMaxMunicipal),
        counters_(Issuers().size() * 8, 0),
        places_(Jurisdictions().size() + 1),
        rings_(Jurisdictions().size()) {
    const uint64_t n = options.documents;
    planned_municipal_ = std::min<uint64_t>(
        n, std::clamp<uint64_t>(n / 40, kInitialMunicipal, kMaxMunicipal));
    externals_ = std::clamp<uint64_t>(n / 500, kNational.size(), 2000);
    edges_left_ = options.edges;
  }

  bool Run(std::string& error);

 private:
  void MakeExternals();
  bool MunicipalTurn(uint64_t i) const;
  void MakeMunicipal(uint32_t i);
  void MakeDistrict(uint32_t i);
  GeneratedGraph::Document& NewDocument(uint32_t i, int issuer);
  std::string NextNumber(int issuer, uint32_t day);

  void OpenEdges();
  bool Cite(uint32_t target, Relation relation, uint8_t cue, bool numbered);
  void Mention(uint32_t i, int place);
  void CloseEdges(uint32_t i, int place);

  // A municipal document's rank (its index in municipal_), Zipf-like.
  std::optional<size_t> PickMunicipalRank();
  std::optional<uint32_t> PickMunicipal();
  uint32_t PickExternal();
  std::optional<uint32_t> PickMention(uint32_t i, int place);
  uint8_t Variant(uint8_t cue) { return cue + (random_.Percent(25) ? 1 : 0); }
  void Summarize();

  const GraphOptions& options_;
  const Material& material_;
  GeneratedGraph& out_;
  Random random_;
  ZipfTable municipal_zipf_;
  std::optional<ZipfTable> external_zipf_;
  uint64_t planned_municipal_ = 0;
  uint64_t externals_ = 0;
  uint64_t edges_left_ = 0;
  int next_decree_ = 360;
  std::vector<uint32_t> counters_;   // per issuer and year
  std::vector<uint32_t> municipal_;  // documents, in Zipf rank order
  std::vector<uint64_t> localized_;  // per municipal: jurisdictions, bits
  std::vector<std::vector<uint32_t>> places_;  // 0 municipal, j + 1
  std::vector<std::vector<uint32_t>> rings_;   // recent district plans
  std::vector<bool> isolated_;
  // The current document's edges and how many it may have.
  std::vector<GeneratedGraph::Edge> pending_;
  uint64_t quota_ = 0;
};

bool GraphMaker::Run(std::string& error) {
  out_ = GeneratedGraph();
  const uint64_t n = options_.documents;
  if (n == 0) {
    error = "--documents must be at least 1";
    return false;
  }
  if (n + externals_ > std::numeric_limits<uint32_t>::max() ||
      options_.edges > std::numeric_limits<uint32_t>::max() * uint64_t{8}) {
    error = "the graph is too large (at most 4e9 nodes)";
    return false;
  }
  MakeExternals();
  out_.documents.reserve(n);
  out_.edges.reserve(options_.edges);
  isolated_.assign(n, false);
  for (uint32_t i = 0; i < n; ++i) {
    if (MunicipalTurn(i)) {
      MakeMunicipal(i);
    } else {
      MakeDistrict(i);
    }
  }
  if (edges_left_ > 0) {
    error = std::to_string(n) + " documents hold only " +
            std::to_string(options_.edges - edges_left_) + " of the " +
            std::to_string(options_.edges) +
            " edges asked for (each cites a target once per relation); "
            "ask for fewer edges or more documents";
    return false;
  }
  Summarize();
  return true;
}

// The 24 national documents the corpus cites, then 国办发 opinions on the
// corpus's topics, one external per 500 documents (at most 2,000).
void GraphMaker::MakeExternals() {
  for (const NationalDocument& d : kNational) {
    GeneratedGraph::External e;
    e.title = d.title;
    e.number = d.number;
    e.id = d.number.empty() ? "title:" + e.title : e.number;
    e.type = NationalType(d.title);
    out_.externals.push_back(std::move(e));
  }
  for (uint64_t k = kNational.size(); k < externals_; ++k) {
    GeneratedGraph::External e;
    e.title = "国务院办公厅关于" + random_.Pick(material_.topics) + "的意见";
    e.number = "国办发〔" + std::to_string(2012 + k % 8) + "〕" +
               std::to_string(k / 8 + 1) + "号";
    e.id = e.number;
    e.type = "opinion";
    out_.externals.push_back(std::move(e));
  }
  external_zipf_.emplace(out_.externals.size());
}

// Like the corpus generator: the first hubs before anything else, then
// municipal documents spread evenly among the district ones.
bool GraphMaker::MunicipalTurn(uint64_t i) const {
  const uint64_t have = municipal_.size();
  if (have >= planned_municipal_) return false;
  if (have < kInitialMunicipal) return true;
  const uint64_t n = options_.documents;
  return (have - kInitialMunicipal) * (n - kInitialMunicipal) <=
         (i - kInitialMunicipal) * (planned_municipal_ - kInitialMunicipal);
}

std::string GraphMaker::NextNumber(int issuer, uint32_t day) {
  const int year = DateOf(static_cast<int>(day)).year;
  uint32_t& n = counters_[issuer * 8 + (year - kFirstYear)];
  return Issuers()[issuer].code + "〔" + std::to_string(year) + "〕" +
         std::to_string(++n) + "号";
}

GeneratedGraph::Document& GraphMaker::NewDocument(uint32_t i, int issuer) {
  GeneratedGraph::Document& d = out_.documents.emplace_back();
  d.issuer = static_cast<uint32_t>(issuer);
  d.day = static_cast<uint32_t>(uint64_t{i} * kDays / options_.documents);
  d.line = 1 + (i % kDocumentsPerFile) * kLinesPerDocument +
           static_cast<uint32_t>(random_.Below(40));
  return d;
}

void GraphMaker::MakeMunicipal(uint32_t i) {
  const int r = random_.Between(0, 99);
  int issuer =
      r < 25   ? 0
      : r < 70 ? 1
               : 2 + static_cast<int>(random_.Below(IssuersOf(-1).size() - 2));
  const bool decree = r >= 95 && municipal_.size() >= 4;
  if (decree) issuer = 0;
  GeneratedGraph::Document& d = NewDocument(i, issuer);
  const std::string& topic = random_.Pick(material_.topics);
  const int year = DateOf(static_cast<int>(d.day)).year;
  if (decree) {
    d.id = Issuers()[0].name + "令第" + std::to_string(next_decree_++) + "号";
    d.title = "重庆市" + topic + "若干规定";
    d.type = "办法";
  } else if (issuer == 0 && random_.Percent(60)) {
    d.id = NextNumber(issuer, d.day);
    d.title = Issuers()[0].name + "关于" + topic + "的意见";
    d.type = "意见";
  } else {
    d.id = NextNumber(issuer, d.day);
    d.core = topic + PlanSuffix(true, year, random_);
    d.title = "重庆市" + d.core;
    d.type = "通知";
  }

  OpenEdges();
  if (random_.Percent(70))
    Cite(static_cast<uint32_t>(options_.documents) + PickExternal(),
         Relation::kBasis, Variant(kCueBasis), true);
  if (municipal_.size() > 4 && random_.Percent(30))
    if (std::optional<uint32_t> other = PickMunicipal())
      Cite(*other, Relation::kFollows, kCueFollow, random_.Percent(80));
  Mention(i, 0);
  CloseEdges(i, 0);
  municipal_.push_back(i);
  localized_.push_back(0);
}

void GraphMaker::MakeDistrict(uint32_t i) {
  const int j = static_cast<int>(random_.Below(Jurisdictions().size()));
  const std::vector<int>& mine = IssuersOf(j);
  const int r = random_.Between(0, 99);
  const int pick = r < 15 ? 0
                   : r < 50
                       ? 1
                       : 2 + static_cast<int>(random_.Below(mine.size() - 2));
  const Issuer& issuer = Issuers()[mine[pick]];
  const bool department = issuer.tier == Tier::kDistrictDepartment;
  GeneratedGraph::Document& d = NewDocument(i, mine[pick]);
  d.id = NextNumber(mine[pick], d.day);
  const int year = DateOf(static_cast<int>(d.day)).year;
  const std::string prefix = TitlePrefix(j);

  // Whom it answers to: a municipal hub, or for a department now and then
  // its own district government's recent plan.
  const std::optional<size_t> rank = PickMunicipalRank();
  std::optional<uint32_t> parent;
  if (rank) parent = municipal_[*rank];
  const bool local_parent =
      department && !rings_[j].empty() && random_.Percent(40);
  if (local_parent) parent = rings_[j][random_.Below(rings_[j].size())];
  const int mode = random_.Between(0, 99);  // <40 localize, <65 implement
  const bool localize = parent && !local_parent && mode < 40 &&
                        !out_.documents[*parent].core.empty() &&
                        !(localized_[*rank] >> j & 1);
  const bool implement = localize || mode < 65;
  if (localize) {
    localized_[*rank] |= uint64_t{1} << j;
    d.title = prefix + out_.documents[*parent].core;
    d.type = "通知";
  } else {
    const std::string& topic = random_.Pick(material_.topics);
    d.type = "通知";
    if (issuer.office || (department && random_.Percent(50))) {
      d.title = prefix + std::to_string(year) + "年" + topic +
                PlanSuffix(false, year, random_);
    } else if (implement) {
      d.title = issuer.name + "关于" + topic + "的实施意见";
      d.type = "意见";
    } else if (random_.Percent(50)) {
      d.title = issuer.name + "关于做好" + std::to_string(year) + "年" + topic +
                "工作的通知";
    } else {
      d.title = issuer.name + "关于" + topic + "的通知";
    }
  }
  // The last document is never isolated: it takes the edges left over.
  if (i + 1 < options_.documents && random_.Percent(kIsolatedPercent)) {
    isolated_[i] = true;
    return;
  }

  OpenEdges();
  if (parent) {
    const bool numbered = implement || local_parent || random_.Percent(80);
    if (implement) {
      Cite(*parent, Relation::kImplements, Variant(kCueImplement), numbered);
    } else if (random_.Percent(50)) {
      Cite(*parent, Relation::kFollows, kCueFollow, numbered);
    } else {
      Cite(*parent, Relation::kBasis, Variant(kCueBasis), numbered);
    }
    // The pipeline pairs a district plan with the municipal government's
    // plan of the same core title; departments it ranks as one level.
    const Tier parent_tier = Issuers()[out_.documents[*parent].issuer].tier;
    if (localize && issuer.tier == Tier::kDistrictGovernment &&
        parent_tier == Tier::kMunicipalGovernment)
      Cite(*parent, Relation::kCounterpart, kNoCue, false);
  }
  if (random_.Percent(35))
    Cite(static_cast<uint32_t>(options_.documents) + PickExternal(),
         Relation::kBasis, Variant(kCueBasis), true);
  if (random_.Percent(20))
    if (std::optional<uint32_t> other = PickMunicipal())
      Cite(*other, Relation::kFollows, kCueRefer, random_.Percent(70));
  Mention(i, j + 1);
  CloseEdges(i, j + 1);
  if (issuer.tier == Tier::kDistrictGovernment) {
    std::vector<uint32_t>& ring = rings_[j];
    if (ring.size() < kDistrictRing) {
      ring.push_back(i);
    } else {
      ring[random_.Below(kDistrictRing)] = i;
    }
  }
}

// The document's share: around what is left per document left (skewed:
// most cite a few, some cite three times the mean), all of it for the last.
void GraphMaker::OpenEdges() {
  pending_.clear();
  const uint64_t i = out_.documents.size() - 1;
  const uint64_t documents_left = options_.documents - i;
  if (documents_left == 1) {
    quota_ = edges_left_;
    return;
  }
  const double mean =
      static_cast<double>(edges_left_) / static_cast<double>(documents_left);
  const double u = random_.Unit();
  quota_ = std::min<uint64_t>(edges_left_,
                              static_cast<uint64_t>(3.0 * mean * u * u));
}

bool GraphMaker::Cite(uint32_t target, Relation relation, uint8_t cue,
                      bool numbered) {
  if (pending_.size() >= quota_) return false;
  uint8_t parallel = 0;
  for (const GeneratedGraph::Edge& e : pending_) {
    if (e.target != target) continue;
    if (e.relation == relation) return false;
    ++parallel;
  }
  GeneratedGraph::Edge e;
  e.source = static_cast<uint32_t>(out_.documents.size() - 1);
  e.target = target;
  e.relation = relation;
  e.key = parallel;
  e.cue = cue;
  const int r = random_.Between(0, 99);
  e.count = r < 87 ? 1 : r < 97 ? 2 : 3;
  e.numbered = numbered;
  e.line_offset = relation == Relation::kCounterpart
                      ? 0
                      : static_cast<uint16_t>(
                            3 + 2 * std::min<size_t>(pending_.size(), 9000));
  pending_.push_back(e);
  return true;
}

void GraphMaker::Mention(uint32_t i, int place) {
  uint64_t picks = kPicksPerMention * quota_;
  while (pending_.size() < quota_ && picks-- > 0)
    if (std::optional<uint32_t> target = PickMention(i, place))
      Cite(*target, Relation::kMentions, kNoCue, random_.Percent(30));
}

void GraphMaker::CloseEdges(uint32_t i, int place) {
  edges_left_ -= pending_.size();
  out_.edges.insert(out_.edges.end(), pending_.begin(), pending_.end());
  places_[place].push_back(i);
}

std::optional<size_t> GraphMaker::PickMunicipalRank() {
  if (municipal_.empty()) return std::nullopt;
  return municipal_zipf_.Sample(random_, municipal_.size());
}

std::optional<uint32_t> GraphMaker::PickMunicipal() {
  std::optional<size_t> rank = PickMunicipalRank();
  if (!rank) return std::nullopt;
  return municipal_[*rank];
}

uint32_t GraphMaker::PickExternal() {
  return static_cast<uint32_t>(
      external_zipf_->Sample(random_, external_zipf_->size()));
}

// Hubs, externals, the document's own district (or the municipal
// documents, for a municipal one), or any earlier document.
std::optional<uint32_t> GraphMaker::PickMention(uint32_t i, int place) {
  const int r = random_.Between(0, 99);
  if (r < 40) return PickMunicipal();
  if (r < 60) return static_cast<uint32_t>(options_.documents) + PickExternal();
  if (r < 85) {
    const std::vector<uint32_t>& near = places_[place];
    if (near.empty()) return std::nullopt;
    return near[random_.Below(near.size())];
  }
  if (i == 0) return std::nullopt;
  const uint32_t any = static_cast<uint32_t>(random_.Below(i));
  if (isolated_[any]) return std::nullopt;
  return any;
}

void GraphMaker::Summarize() {
  GraphManifest& m = out_.manifest;
  m.seed = options_.seed;
  m.documents = out_.documents.size();
  m.externals = out_.externals.size();
  m.edges = out_.edges.size();
  for (const GeneratedGraph::Document& d : out_.documents) {
    switch (Issuers()[d.issuer].tier) {
      case Tier::kMunicipalGovernment:
        ++m.municipal_documents;
        break;
      case Tier::kDistrictGovernment:
        ++m.district_documents;
        break;
      default:
        ++m.department_documents;
    }
  }
  std::vector<uint64_t> in(out_.NodeCount(), 0);
  std::vector<bool> touched(out_.NodeCount(), false);
  for (const GeneratedGraph::Edge& e : out_.edges) {
    ++in[e.target];
    touched[e.source] = touched[e.target] = true;
    switch (e.relation) {
      case Relation::kBasis:
        ++m.basis;
        break;
      case Relation::kImplements:
        ++m.implements;
        break;
      case Relation::kFollows:
        ++m.follows;
        break;
      case Relation::kCounterpart:
        ++m.counterpart;
        break;
      default:
        ++m.mentions;
    }
  }
  for (size_t d = 0; d < out_.documents.size(); ++d)
    if (!touched[d]) ++m.isolated_documents;
  size_t top = 0;
  for (size_t v = 1; v < in.size(); ++v)
    if (in[v] > in[top]) top = v;
  m.top_hub = top < out_.documents.size()
                  ? out_.documents[top].id
                  : out_.externals[top - out_.documents.size()].id;
  m.top_hub_in_edges = in.empty() ? 0 : in[top];
}

// What a citation of `target` looks like: 《title》, with its number in
// parentheses when `numbered`.
std::string Surface(const GeneratedGraph& graph, uint32_t target,
                    bool numbered) {
  const size_t documents = graph.documents.size();
  const bool external = target >= documents;
  const std::string& title = external
                                 ? graph.externals[target - documents].title
                                 : graph.documents[target].title;
  const std::string& number = external
                                  ? graph.externals[target - documents].number
                                  : graph.documents[target].id;
  std::string out = "《" + title + "》";
  if (numbered && !number.empty()) out += "（" + number + "）";
  return out;
}

const std::string& NodeIdOf(const GeneratedGraph& graph, uint32_t node) {
  const size_t documents = graph.documents.size();
  return node < documents ? graph.documents[node].id
                          : graph.externals[node - documents].id;
}

}  // namespace

bool GenerateGraph(const GraphOptions& options, const Material& material,
                   GeneratedGraph& out, std::string& error) {
  if (material.topics.empty()) {
    error = "the material has no topics to title documents with";
    return false;
  }
  GraphMaker maker(options, material, out);
  return maker.Run(error);
}

void EmitGraph(const GeneratedGraph& graph, const GraphSink& sink) {
  for (uint32_t i = 0; i < graph.documents.size(); ++i) {
    const GeneratedGraph::Document& d = graph.documents[i];
    const Issuer& issuer = Issuers()[d.issuer];
    GraphNode node;
    node.id = d.id;
    node.kind = NodeKind::kDocument;
    node.title = d.title;
    node.doc_number = d.id;
    node.level = LevelOf(issuer);
    node.type = d.type;
    node.date = IsoDate(d.day);
    node.issuer = issuer.name;
    node.file = FileName(i);
    node.line = d.line;
    sink.node(node);
  }
  for (const GeneratedGraph::External& e : graph.externals) {
    GraphNode node;
    node.id = e.id;
    node.kind = NodeKind::kExternal;
    node.title = e.title;
    node.doc_number = e.number;
    node.level = Level::kNational;
    node.type = e.type;
    sink.node(node);
  }
  for (const GeneratedGraph::Edge& e : graph.edges) {
    const GeneratedGraph::Document& source = graph.documents[e.source];
    GraphEdge edge;
    edge.relation = e.relation;
    edge.cue = std::string(kCues[e.cue]);
    edge.count = e.count;
    edge.evidence.file = FileName(e.source);
    edge.evidence.line = source.line + e.line_offset;
    edge.evidence.text = e.relation == Relation::kCounterpart
                             ? "core: " + graph.documents[e.target].core
                             : Surface(graph, e.target, e.numbered);
    sink.edge(source.id, NodeIdOf(graph, e.target), e.key, edge);
  }
}

std::string GraphManifestJson(const GraphManifest& m) {
  nlohmann::ordered_json j;
  j["seed"] = m.seed;
  j["documents"] = m.documents;
  j["municipal_documents"] = m.municipal_documents;
  j["district_documents"] = m.district_documents;
  j["department_documents"] = m.department_documents;
  j["externals"] = m.externals;
  j["edges"] = m.edges;
  j["basis"] = m.basis;
  j["implements"] = m.implements;
  j["follows"] = m.follows;
  j["counterpart"] = m.counterpart;
  j["mentions"] = m.mentions;
  j["isolated_documents"] = m.isolated_documents;
  j["top_hub"] = m.top_hub;
  j["top_hub_in_edges"] = m.top_hub_in_edges;
  return j.dump(2);
}

}  // namespace policygraph::gen

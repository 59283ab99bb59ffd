// What an id that names nothing may have meant.
#include "policygraph/suggest.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "policygraph/pipeline.h"

namespace policygraph {
namespace {

Document Doc(const std::string& id, const std::string& title,
             const std::string& attached = "") {
  Document d;
  d.id = id;
  d.title = title;
  d.attached_title = attached;
  return d;
}

ExternalNode External(const std::string& id, const std::string& title) {
  ExternalNode e;
  e.id = id;
  e.title = title;
  return e;
}

// Titles and numbers of the bundled corpus.
Corpus Sample() {
  Corpus corpus;
  ParsedFile& file = corpus.files.emplace_back();
  file.documents = {
      Doc("合川府发〔2023〕2号",
          "重庆市合川区人民政府关于印发合川区综合立体交通网规划纲要"
          "（2021—2035年）的通知",
          "合川区综合立体交通网规划纲要（2021—2035年）"),
      Doc("合川府发〔2023〕20号", "合川区应急管理“十四五”规划"),
      Doc("渝府发〔2023〕7号",
          "重庆市人民政府关于加快推进以卫星互联网为引领的空天信息产业高质量"
          "发展的意见"),
  };
  corpus.externals = {
      External("title:国家综合立体交通网规划纲要",
               "国家综合立体交通网规划纲要"),
      External("国发〔2022〕22号", "国务院关于开展第五次全国经济普查的通知"),
  };
  return corpus;
}

std::vector<std::string> Ids(const std::vector<Suggestion>& found) {
  std::vector<std::string> ids;
  for (const Suggestion& s : found) ids.push_back(s.id);
  return ids;
}

TEST(SuggestIds, ANumberTypedAsReadFindsItsDocument) {
  const Corpus corpus = Sample();
  for (const char* typed : {"合川府发2023-2", "合川府发[2023]002",
                            "合川府发（2023）2", "合川府发 2023 2号"}) {
    SCOPED_TRACE(typed);
    EXPECT_EQ(Ids(SuggestIds(corpus, typed, false, 5)),
              std::vector<std::string>{"合川府发〔2023〕2号"});
  }
  // Another serial is another document, and 20 is not 2.
  EXPECT_EQ(Ids(SuggestIds(corpus, "合川府发2023-20", false, 5)),
            std::vector<std::string>{"合川府发〔2023〕20号"});
  EXPECT_TRUE(SuggestIds(corpus, "合川府发2024-2", false, 5).empty());
  // A number only cited is found when external nodes are asked for.
  EXPECT_TRUE(SuggestIds(corpus, "国发2022-22", false, 5).empty());
  EXPECT_EQ(Ids(SuggestIds(corpus, "国发2022-22", true, 5)),
            std::vector<std::string>{"国发〔2022〕22号"});
}

TEST(SuggestIds, WordsOfATitleFindDocumentsBeforeExternalNodes) {
  const Corpus corpus = Sample();
  const std::vector<Suggestion> found =
      SuggestIds(corpus, "综合立体交通网", true, 5);
  EXPECT_EQ(Ids(found),
            (std::vector<std::string>{"合川府发〔2023〕2号",
                                      "title:国家综合立体交通网规划纲要"}));
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].title, "合川区综合立体交通网规划纲要（2021—2035年）");
  EXPECT_EQ(Ids(SuggestIds(corpus, "综合立体交通网", false, 5)),
            std::vector<std::string>{"合川府发〔2023〕2号"});
  // A 印发 notice by its own title's words; full-width and ASCII alike.
  EXPECT_EQ(Ids(SuggestIds(corpus, "关于印发合川区", false, 5)),
            std::vector<std::string>{"合川府发〔2023〕2号"});
  EXPECT_EQ(Ids(SuggestIds(corpus, "十四五", false, 5)),
            std::vector<std::string>{"合川府发〔2023〕20号"});
}

TEST(SuggestIds, AtMostTheLimitAndTheRestCounted) {
  const Corpus corpus = Sample();
  size_t more = 99;
  // 合川 is in two documents' ids and titles.
  std::vector<Suggestion> found = SuggestIds(corpus, "合川", true, 1, &more);
  EXPECT_EQ(Ids(found), std::vector<std::string>{"合川府发〔2023〕2号"});
  EXPECT_EQ(more, 1u);
  found = SuggestIds(corpus, "合川", true, 5, &more);
  EXPECT_EQ(found.size(), 2u);
  EXPECT_EQ(more, 0u);
}

TEST(SuggestIds, NothingForOneCharacterOrWordsNoTitleHolds) {
  const Corpus corpus = Sample();
  EXPECT_TRUE(SuggestIds(corpus, "网", true, 5).empty());
  EXPECT_TRUE(SuggestIds(corpus, "", true, 5).empty());
  EXPECT_TRUE(SuggestIds(corpus, "森林防火", true, 5).empty());
}

TEST(SuggestIds, AYearAloneFindsTheDocumentsNumberedInIt) {
  EXPECT_EQ(
      Ids(SuggestIds(Sample(), "2023", false, 5)),
      (std::vector<std::string>{"合川府发〔2023〕2号", "合川府发〔2023〕20号",
                                "渝府发〔2023〕7号"}));
}

TEST(UnknownIdMessage, NamesTheIdAndListsWhatItMayMean) {
  const Corpus corpus = Sample();
  EXPECT_EQ(
      UnknownIdMessage(corpus, "", "综合立体交通网", true),
      "policygraph: error: no document or cited document with id "
      "'综合立体交通网' in the input; did you mean\n"
      "  合川府发〔2023〕2号  合川区综合立体交通网规划纲要（2021—2035年）\n"
      "  title:国家综合立体交通网规划纲要\n"
      "(`policygraph documents` lists the ids)\n");
  EXPECT_EQ(UnknownIdMessage(corpus, "--child", "森林防火", false),
            "policygraph: error: --child: no document with id '森林防火' in "
            "the input; `policygraph documents` lists the ids\n");
}

TEST(UnknownIdMessage, ShowsFiveAndCountsTheRest) {
  Corpus corpus;
  ParsedFile& file = corpus.files.emplace_back();
  for (int i = 1; i <= 8; ++i)
    file.documents.push_back(Doc("渝府发〔2023〕" + std::to_string(i) + "号",
                                 "重庆市安全生产工作方案"));
  const std::string message = UnknownIdMessage(corpus, "", "安全生产", false);
  EXPECT_NE(message.find("  渝府发〔2023〕5号  重庆市安全生产工作方案\n"
                         "  … and 3 more\n"),
            std::string::npos)
      << message;
  EXPECT_EQ(message.find("渝府发〔2023〕6号"), std::string::npos) << message;
}

}  // namespace
}  // namespace policygraph

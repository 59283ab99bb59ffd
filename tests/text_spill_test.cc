// Texts let go into one temporary file (TextSpill, what `merge` does) come
// back byte for byte, each alone, and only once stamped.
#include "policygraph/text_spill.h"

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "policygraph/decode.h"

namespace policygraph {
namespace {

SourceText Source(std::string path, std::string text) {
  SourceText source;
  source.path = std::move(path);
  source.text = std::move(text);
  IndexLines(source);
  return source;
}

TEST(TextSpill, TextsComeBackEachAloneAndWhole) {
  std::string error;
  std::optional<TextSpill> spill =
      TextSpill::Open(std::filesystem::temp_directory_path().string(), &error);
  ASSERT_TRUE(spill) << error;
  const std::vector<std::string> texts = {
      "关于印发《重庆市某某方案》的通知\n一、总体要求\n", "",
      "第二份\n（一）工作目标。\n", std::string(200000, 'a') + "\n"};
  std::vector<SourceText> sources;
  for (size_t i = 0; i < texts.size(); ++i)
    sources.push_back(Source(std::to_string(i) + ".txt", texts[i]));
  for (SourceText& source : sources) {
    ASSERT_TRUE(spill->Keep(source));
    EXPECT_TRUE(source.text.empty());
    EXPECT_TRUE(spill->Holds(source));
  }
  EXPECT_EQ(spill->bytes(),
            texts[0].size() + texts[2].size() + texts[3].size());
  // A text already let go is not written twice.
  EXPECT_FALSE(spill->Keep(sources[0]));

  // Not yet stamped: the file's size and time are not the ones noted.
  std::string out;
  EXPECT_TRUE(ReadTextBack(sources[0], 0, 3, out).has_value());

  ASSERT_TRUE(spill->Seal(&error)) << error;
  for (SourceText& source : sources) spill->Stamp(source);
  for (size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(WholeText(sources[i]), texts[i]) << i;
    if (texts[i].size() < 8) continue;
    EXPECT_FALSE(ReadTextBack(sources[i], 4, 4, out).has_value()) << i;
    EXPECT_EQ(out, texts[i].substr(4, 4));
  }
  // A range past a text's end is refused, though the file goes on with
  // the next text.
  EXPECT_TRUE(
      ReadTextBack(sources[0], texts[0].size() - 2, 4, out).has_value());

  // Taken back into memory, a text is as it was and no longer spilled.
  ASSERT_TRUE(spill->Restore(sources[2], &error)) << error;
  EXPECT_EQ(sources[2].text, texts[2]);
  EXPECT_FALSE(sources[2].origin.has_value());
  EXPECT_FALSE(spill->Holds(sources[2]));
}

TEST(TextSpill, AFolderThatCannotHoldItIsNamed) {
  std::string error;
  EXPECT_FALSE(TextSpill::Open("/nonexistent-folder/x", &error));
  EXPECT_NE(error.find("/nonexistent-folder/x"), std::string::npos) << error;
}

}  // namespace
}  // namespace policygraph

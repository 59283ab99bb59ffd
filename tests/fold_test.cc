#include "policygraph/fold.h"

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "fold_internal.h"

namespace policygraph {
namespace {

struct FoldCase {
  std::string input;
  std::string expected;
};

// Most inputs are spellings found in the bundled gazettes
// (corpus/chongqing); the rest are the scraper variants they must equal.
TEST(NormalizeTitle, FoldsPrintedVariantsToOneTitle) {
  const FoldCase kCases[] = {
      // fold.h's example.
      {"《重庆市优化营商环境专项行动方案 (2024-2027年)》",
       "重庆市优化营商环境专项行动方案（2024—2027年）"},
      {"《重庆市优化营商环境专项行动方案（2024—2027 年）》",
       "重庆市优化营商环境专项行动方案（2024—2027年）"},
      {"《重庆市综合立体交通网规划纲要（2021—2035 年）》",
       "重庆市综合立体交通网规划纲要（2021—2035年）"},
      {"(2021—2035 年)", "（2021—2035年）"},
      {"（2021-2025年）", "（2021—2025年）"},
      {"（2021— 2030 年）", "（2021—2030年）"},
      {"（2021 – 2025年）", "（2021—2025年）"},
      {"（2021－2025年）", "（2021—2025年）"},
      {"（2021─2025年）", "（2021—2025年）"},
      {"（2021‐2025年）", "（2021—2025年）"},
      {"（２０２１～２０２５年）", "（2021—2025年）"},
      {"2~3个儿童友好型社区", "2—3个儿童友好型社区"},
      {"重庆市矿产资源总体规划(2021—2025年)",
       "重庆市矿产资源总体规划（2021—2025年）"},
      {"《新型智慧城市评估指标体系(试行)》",
       "新型智慧城市评估指标体系（试行）"},
      {"研究与试验发展（Ｒ＆Ｄ）经费", "研究与试验发展（R＆D）经费"},
      {"**加快建设交通强国**", "加快建设交通强国"},
      {"**《重庆市儿童发展规划（2021—2030年）》**",
       "重庆市儿童发展规划（2021—2030年）"},
      {"重庆市人民政府 "
       "四川省人民政府　关于印发推动川渝万达开地区统筹发展总体方案的通知",
       "重庆市人民政府四川省人民政府关于印发推动川渝万达开地区统筹发展总体方案"
       "的通知"},
      // Quotes and inner title marks stay as printed.
      {"重庆市2023年高层建筑消防安全“除险清患”专项行动工作方案",
       "重庆市2023年高层建筑消防安全“除险清患”专项行动工作方案"},
      {"关于转发《重庆市综合交通运输“十四五”规划（2021—2025 年）》的通知",
       "关于转发《重庆市综合交通运输“十四五”规划（2021—2025年）》的通知"},
      // Only one outer pair, and only when it wraps the whole title.
      {"《《重庆市人民政府公报》编辑规范》", "《重庆市人民政府公报》编辑规范"},
      {"《重庆市妇女发展规划》《重庆市儿童发展规划》",
       "《重庆市妇女发展规划》《重庆市儿童发展规划》"},
      {"《重庆市知识产权保护条例（草案）", "《重庆市知识产权保护条例（草案）"},
      // A dash not between digits is not a range.
      {"GAZETTE OF CHONGQING - No.5", "GAZETTEOFCHONGQING-No.5"},
      {"", ""},
      {"\xFF标题", "\uFFFD标题"},
  };
  for (const FoldCase& c : kCases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(NormalizeTitle(c.input), c.expected);
  }
}

TEST(NormalizeDocNumber, FoldsBracketsDigitsAndPadding) {
  const FoldCase kCases[] = {
      // fold.h's example.
      {"合川府发[2023] 002 号", "合川府发〔2023〕2号"},
      {"合川府发〔2023〕2 号", "合川府发〔2023〕2号"},
      {"合川府发[2023]002号", "合川府发〔2023〕2号"},
      {"合川府办发〔2023〕27 号", "合川府办发〔2023〕27号"},
      {"国办发（2021）13号", "国办发〔2021〕13号"},
      {"国办函(2022)17号", "国办函〔2022〕17号"},
      {"京政发［2022］5号", "京政发〔2022〕5号"},
      {"渝府办发〔２０２４〕２２号", "渝府办发〔2024〕22号"},
      {"渝府办发【2024】22号", "渝府办发〔2024〕22号"},
      {"钱塘府文〔2022〕22 号", "钱塘府文〔2022〕22号"},
      {"银发〔2021〕312号", "银发〔2021〕312号"},
      {"渝府发〔2023]7号", "渝府发〔2023〕7号"},
      {" 合 川 府 发 〔 2023 〕 7 号\n", "合川府发〔2023〕7号"},
      {"渝府发〔2023〕0号", "渝府发〔2023〕0号"},
      {"渝府发〔2023〕000号", "渝府发〔2023〕0号"},
      {"渝府发〔2023〕100号", "渝府发〔2023〕100号"},
      // Some issuers print 第 before the serial.
      {"渝府办发〔2019〕第8号", "渝府办发〔2019〕8号"},
      {"合川府发 [2019] 第 08 号", "合川府发〔2019〕8号"},
      // Older documents write the year in words.
      {"渝府发〔二〇〇八〕71号", "渝府发〔2008〕71号"},
      {"渝府办发〔二○一二〕5号", "渝府办发〔2012〕5号"},
  };
  for (const FoldCase& c : kCases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(NormalizeDocNumber(c.input), c.expected);
  }
}

TEST(NormalizeDocNumber, FoldsDecreeNumbers) {
  const FoldCase kCases[] = {
      {"重庆市人民政府令第 359 号", "重庆市人民政府令第359号"},
      {"渝府令第０３５６号", "渝府令第356号"},
      {"重庆市人民政府令 第 0271 号", "重庆市人民政府令第271号"},
      {"国家发展改革委令 2023 年第 07 号", "国家发展改革委令2023年第7号"},
      {"国家税务总局公告２０２３年第６号", "国家税务总局公告2023年第6号"},
      {"令第5号", "令第5号"},  // no issuer: left alone
      {"令第05号", "令第05号"},
      {"通知2023年第05号", "通知2023年第05号"},  // neither 令 nor 公告
      {"某令第五号", "某令第五号"},              // not digits: left alone
      // The other order: 国务院第722号令.
      {"国务院第 0722 号令", "国务院令第722号"},
      // With the state's name and without, one decree.
      {"中华人民共和国国务院令第699号", "国务院令第699号"},
      {"中华人民共和国主席令 第 24 号", "主席令第24号"},
      {"中华人民共和国海关总署令第5号", "中华人民共和国海关总署令第5号"},
  };
  for (const FoldCase& c : kCases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(NormalizeDocNumber(c.input), c.expected);
  }
}

TEST(NormalizeDocNumber, LeavesOtherTextWithWhitespaceRemoved) {
  const FoldCase kCases[] = {
      {"〔2023〕7号", "〔2023〕7号"},                      // no issuer code
      {"渝府发〔23〕7号", "渝府发〔23〕7号"},              // two-digit year
      {"渝府发〔2023〕号", "渝府发〔2023〕号"},            // no serial
      {"渝府发〔２０２３〕7号文", "渝府发〔2023〕7号文"},  // trailing text
      {"（2021—2025 年）", "（2021—2025年）"},
      {"", ""},
  };
  for (const FoldCase& c : kCases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(NormalizeDocNumber(c.input), c.expected);
  }
}

TEST(DocNumberYear, ReadsTheYearOfWhatNormalizeDocNumberReads) {
  EXPECT_EQ(DocNumberYear("渝府办发〔2023〕12号"), 2023);
  EXPECT_EQ(DocNumberYear("国办函(2022)17号"), 2022);
  EXPECT_EQ(DocNumberYear("渝府办发【２０２４】２２号"), 2024);
  EXPECT_EQ(DocNumberYear(" 合 川 府 发 〔 1999 〕 7 号"), 1999);
  EXPECT_EQ(DocNumberYear("国家税务总局公告2023年第6号"), 2023);
  EXPECT_EQ(DocNumberYear("国家发展改革委令2022年第7号"), 2022);
  EXPECT_EQ(DocNumberYear("渝府办发〔2019〕第8号"), 2019);
}

TEST(DocNumberYear, IsZeroForWhatIsNoDocumentNumber) {
  EXPECT_EQ(DocNumberYear("重庆市人民政府令第359号"), 0);
  EXPECT_EQ(DocNumberYear("通知2023年第5号"), 0);
  EXPECT_EQ(DocNumberYear("title:重庆市森林防火条例"), 0);
  EXPECT_EQ(DocNumberYear("GB/T 35547—2017"), 0);
  EXPECT_EQ(DocNumberYear("〔2023〕7号"), 0);      // no issuer code
  EXPECT_EQ(DocNumberYear("渝府发〔23〕7号"), 0);  // two-digit year
  EXPECT_EQ(DocNumberYear(""), 0);
}

TEST(WithoutJurisdiction, DropsALeadingProvinceOrCity) {
  EXPECT_EQ(WithoutJurisdiction("重庆市合川区新型智慧城市总体建设方案"),
            "合川区新型智慧城市总体建设方案");
  EXPECT_EQ(WithoutJurisdiction("四川省人民政府关于甲的通知"),
            "人民政府关于甲的通知");
  EXPECT_EQ(WithoutJurisdiction("重庆市规划"),
            "重庆市规划");  // too little left
  EXPECT_EQ(WithoutJurisdiction("成渝地区双城经济圈建设规划纲要"),
            "成渝地区双城经济圈建设规划纲要");
}

TEST(FoldForMatch, FoldsWidthCaseWhitespaceBracketsDashesAndQuotes) {
  const FoldCase kCases[] = {
      {"（2024—2027 年）", "(2024-2027年)"},
      {"(2024-2027年)", "(2024-2027年)"},
      {"合川府发〔2023〕2 号", "合川府发[2023]2号"},
      {"渝府办发【2024】22号", "渝府办发[2024]22号"},
      {"京政发［2022］5号", "京政发[2022]5号"},
      {"渝府办发〔２０２４〕２２号", "渝府办发[2024]22号"},
      {"“除险清患”", "\"除险清患\""},
      {"‘十四五’", "\"十四五\""},
      {"**加快建设交通强国**", "加快建设交通强国"},
      {"GAZETTE OF CHONGQING", "gazetteofchongqing"},
      {"研究与试验发展（Ｒ＆Ｄ）", "研究与试验发展(r&d)"},
      {"2~3个", "2-3个"},
      {"——坚持政府引导。", "--坚持政府引导。"},
      {"2011—2020", "2011-2020"},
      {"2011–2020", "2011-2020"},
      {"2011‐2020", "2011-2020"},
      {"2011─2020", "2011-2020"},
      {"2011－2020", "2011-2020"},
      {"\u3000重庆市\u00A0人民政府\t", "重庆市人民政府"},
      {"", ""},
  };
  for (const FoldCase& c : kCases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(FoldForMatch(c.input), c.expected);
  }
}

struct EquivalentPair {
  std::string a;
  std::string b;
};

TEST(FoldForMatch, MatchesVariantsOfOneReference) {
  const EquivalentPair kPairs[] = {
      {"（2024—2027 年）", "(2024-2027年)"},  // fold.h's example
      {"重庆市优化营商环境专项行动方案 (2024—2027年)",
       "重庆市优化营商环境专项行动方案（2024—2027 年）"},
      {"新型智慧城市评估指标体系（试行）", "新型智慧城市评估指标体系(试行)"},
      {"合川府发〔2023〕7 号", "合川府发﹝2023﹞7号"},
  };
  for (const EquivalentPair& pair : kPairs) {
    SCOPED_TRACE(pair.a);
    EXPECT_EQ(FoldForMatch(pair.a), FoldForMatch(pair.b));
  }
}

// Titles are normalized for ids and folded for matching; doing both must
// not change what matches.
TEST(FoldForMatch, AgreesWithNormalizeTitle) {
  const std::string kTitles[] = {
      "重庆市优化营商环境专项行动方案 (2024-2027年)",
      "重庆市综合立体交通网规划纲要（2021—2035 年）",
      "（２０２１～２０２５年）",
      "**加快建设交通强国**",
      "研究与试验发展（Ｒ＆Ｄ）",
      "2~3个儿童友好型社区",
  };
  for (const std::string& title : kTitles) {
    SCOPED_TRACE(title);
    EXPECT_EQ(FoldForMatch(NormalizeTitle(title)), FoldForMatch(title));
  }
}

// The shortcut for plain text must give what ICU gives: for every code point
// alone, for each next to the characters that interact with neighbours
// (combining marks, a final sigma's context) or that the fold drops or
// joins (whitespace, '*' of **bold**, dashes), and for real gazette text.
TEST(FoldForMatch, ShortcutAgreesWithIcu) {
  auto utf8 = [](char32_t c) {
    std::string out;
    icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(out);
    return out;
  };
  const std::vector<std::string> neighbours = {
      "",       "A",      "\u0301", "\u0308", "\u3099", "\u03a3", "\uff21",
      "\u3000", "\u1100", "\u1161", "\uac00", "*",      " *",     "\uff0a"};
  int checked = 0;
  for (char32_t c = 1; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    for (const std::string& n : neighbours) {
      for (const std::string& text : {utf8(c) + n, n + utf8(c)}) {
        ASSERT_EQ(internal::FoldForMatchCodePoints(text),
                  internal::FoldForMatchCodePointsWithIcu(text))
            << "U+" << std::hex << static_cast<uint32_t>(c) << " next to " << n;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 1'500'000);
  for (const char* text :
       {"（十五）完善产业配套政策，ＧＢ／Ｔ　３５５４７—２０１７。",
        "按照《重庆市“十四五”规划》（渝府发〔2021〕6号）要求，Ⅱ类①项",
        "各区县（自治县）人民政府，市政府各部门：ＡＢＣ abc ＡΣ。",
        "**（一）加强 组织 领导**。* *强化* 保障＊＊ ***", "\xff\xfe",
        "\xe4\xb8", "\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbf\xbd"}) {
    EXPECT_EQ(internal::FoldForMatchCodePoints(text),
              internal::FoldForMatchCodePointsWithIcu(text))
        << text;
  }
}

TEST(RemoveWhitespace, RemovesUnicodeWhiteSpace) {
  const FoldCase kCases[] = {
      {"渝府发〔2023〕 7 号", "渝府发〔2023〕7号"},
      {"\u3000第一条\u00A0总则\u2003", "第一条总则"},
      {" \t\r\n\f\v", ""},
      {"", ""},
      {"\xFF x", "\uFFFDx"},  // invalid bytes come back as U+FFFD
  };
  for (const FoldCase& c : kCases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(RemoveWhitespace(c.input), c.expected);
  }
}

// The whitespace test skips ICU for ASCII and for everything above U+3000;
// over every code point it must still agree with ICU's White_Space.
TEST(RemoveWhitespace, AgreesWithIcuOnEveryCodePoint) {
  std::string all, kept;
  for (UChar32 c = 1; c <= 0x10FFFF; ++c) {
    if (U_IS_SURROGATE(c)) continue;
    std::string utf8;
    icu::UnicodeString(c).toUTF8String(utf8);
    all += utf8;
    if (!u_isUWhiteSpace(c)) kept += utf8;
  }
  EXPECT_EQ(RemoveWhitespace(all), kept);
}

TEST(TrimWhitespace, TrimsUnicodeWhiteSpaceAtBothEnds) {
  const FoldCase kCases[] = {
      {"  重庆市 人民政府  ", "重庆市 人民政府"},
      {"\u3000\u3000一、总体要求\u3000", "一、总体要求"},
      {"\u00A0\t", ""},
      {"", ""},
      {" \xFF ", "\xFF"},  // a view: bytes stay as they were
      // The end is read backwards: a truncated sequence or a stray trail
      // byte before trailing space is kept, the space is not.
      {"文\xE3\x80 ", "文\xE3\x80"},
      {"\x80\x80\x80\x80\u3000", "\x80\x80\x80\x80"},
      {"\u2028\u3000\u00A0", ""},
      {"a\u3000b", "a\u3000b"},
  };
  for (const FoldCase& c : kCases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(TrimWhitespace(c.input), c.expected);
  }
}

}  // namespace
}  // namespace policygraph

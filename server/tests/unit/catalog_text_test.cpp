// The catalog's pure functions: a search's words and the `after` cursors.
#include "catalog/service.h"

#include <gtest/gtest.h>

namespace ps::catalog {
namespace {

using Terms = std::vector<std::string>;

TEST(SearchTerms, WordsAreLowerCaseLettersAndDigits) {
  EXPECT_EQ(search_terms("Blue mugs!"), (Terms{"blue", "mugs"}));
  EXPECT_EQ(search_terms("  tea-cup, 2x\tOAK "), (Terms{"tea", "cup", "2x", "oak"}));
  EXPECT_EQ(search_terms("caf\xc3\xa9 cr\xc3\xa8me"), (Terms{"caf\xc3\xa9", "cr\xc3\xa8me"}));
}

// Whatever the text, nothing of FTS5's or tsquery's syntax gets through.
TEST(SearchTerms, QuerySyntaxNeverSurvives) {
  EXPECT_EQ(search_terms("\"mug\" OR * NEAR(a b) -c ^d 'e' & f | !g :h"),
            (Terms{"mug", "or", "near", "a", "b", "c", "d", "e"}));  // the first eight
  EXPECT_TRUE(search_terms("").empty());
  EXPECT_TRUE(search_terms("*** ()").empty());
}

TEST(SearchTerms, AtMostEightTermsOfFortyCharacters) {
  EXPECT_EQ(search_terms("a b c d e f g h i j").size(), 8u);
  const auto long_word = search_terms(std::string(100, 'x'));
  ASSERT_EQ(long_word.size(), 1u);
  EXPECT_EQ(long_word.front(), std::string(40, 'x'));
}

TEST(ProductCursor, RoundTripsForEachSortWithAKey) {
  Product last;
  last.id = 17;
  last.price_cents = 2400;
  last.created_at = 1'700'000'000'000;
  for (const auto sort : {ProductSort::newest, ProductSort::price_asc, ProductSort::price_desc}) {
    const auto text = cursor_text(sort, last);
    const auto cursor = parse_cursor(text, sort);
    ASSERT_TRUE(cursor) << text;
    EXPECT_EQ(cursor->id, 17);
    EXPECT_EQ(cursor->key, sort == ProductSort::newest ? last.created_at : 2400) << text;
  }
  EXPECT_EQ(cursor_text(ProductSort::price_asc, last), "price_asc.2400.17");
  EXPECT_EQ(cursor_text(ProductSort::relevance, last), "");
}

TEST(ProductCursor, AnythingElseIsRefused) {
  for (const char* text :
       {"", "price_asc", "price_asc.", "price_asc.2400", "price_asc.2400.", "price_asc.2400.17.",
        "price_asc.-1.17", "price_asc.2400.-17", "price_asc.24x0.17", "price_asc.2400.17 ",
        "price_desc.2400.17", "price_ascx.2400.17", "price_asc.99999999999999999999.1"})
    EXPECT_FALSE(parse_cursor(text, ProductSort::price_asc)) << '"' << text << '"';
  EXPECT_FALSE(parse_cursor("relevance.1.1", ProductSort::relevance));
}

}  // namespace
}  // namespace ps::catalog

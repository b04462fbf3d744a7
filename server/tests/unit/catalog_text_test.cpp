// The catalog's pure functions: a search's words and their spellings, "did you
// mean", and the `after` cursors.
#include "catalog/service.h"
#include "catalog/spelling.h"

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

// The stemmers give "scarf" and "scarves" two stems; a search for either
// looks for both.
TEST(SearchSpellings, IrregularPluralsGoBothWays) {
  EXPECT_EQ(search_spellings("scarf"), (Terms{"scarf", "scarves"}));
  EXPECT_EQ(search_spellings("scarves"), (Terms{"scarves", "scarf"}));
  EXPECT_EQ(search_spellings("knives"), (Terms{"knives", "knife"}));
  EXPECT_EQ(search_spellings("cacti"), (Terms{"cacti", "cactus"}));
  EXPECT_EQ(search_spellings("mugs"), (Terms{"mugs"}));  // the stemmer's already
  EXPECT_EQ(search_spellings("cafe"), (Terms{"cafe"}));  // no rule: not "caves"
}

TEST(EditDistance, CountsInsertionsDeletionsSubstitutionsAndSwaps) {
  EXPECT_EQ(edit_distance("scarf", "scarf"), 0u);
  EXPECT_EQ(edit_distance("scraf", "scarf"), 1u);  // a swap
  EXPECT_EQ(edit_distance("scarff", "scarf"), 1u);
  EXPECT_EQ(edit_distance("scaf", "scarf"), 1u);
  EXPECT_EQ(edit_distance("scorf", "scarf"), 1u);
  EXPECT_EQ(edit_distance("sacfr", "scarf"), 2u);  // two swaps
  EXPECT_EQ(edit_distance("", "mug"), 3u);
  EXPECT_EQ(edit_distance("scarves", "scarf"), 3u);
}

TEST(ClosestSpelling, FewestEditsWithinTheWordsAllowance) {
  const Terms candidates{"scarf", "scar", "shirt", "sca"};
  EXPECT_EQ(closest_spelling("scraf", candidates), "scarf");
  EXPECT_EQ(closest_spelling("scraf", {"shirt", "scarf"}), "scarf");
  EXPECT_EQ(closest_spelling("kinfe", {"knife", "kite"}), "knife");
  // Ties: the nearer length, then the alphabet, whatever the order given.
  EXPECT_EQ(closest_spelling("mub", {"mugs", "mug", "hub"}), "hub");
  EXPECT_EQ(closest_spelling("mub", {"mugs", "hub", "mug"}), "hub");
  // Short words get one edit, longer ones two.
  EXPECT_EQ(closest_spelling("mgu", {"mug"}), "mug");
  EXPECT_FALSE(closest_spelling("gum", {"mug"}));
  EXPECT_EQ(closest_spelling("sacfr", {"scarf"}), "scarf");
  EXPECT_FALSE(closest_spelling("unicorn", {"popcorn", "acorn"}));
}

TEST(ClosestSpelling, NothingForKnownWordsTheirBeginningsOrShortWords) {
  EXPECT_FALSE(closest_spelling("scarf", {"scarf", "scar"}));
  EXPECT_FALSE(closest_spelling("spec", {"spec", "speckled"}));
  EXPECT_FALSE(closest_spelling("speck", {"spock", "speckled"}));
  EXPECT_FALSE(closest_spelling("mg", {"mug"}));
  EXPECT_FALSE(closest_spelling("scraf", {}));
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

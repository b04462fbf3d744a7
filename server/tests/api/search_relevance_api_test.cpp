#include "catalog/store.h"
#include "support/marketplace.h"

#include <gmock/gmock.h>

namespace ps::testing {
namespace {

// Relevance and totals pinned on a fixed catalogue (issue 20): what a search
// returns must not change when the counting and plans change for scale.
class SearchRelevance : public MarketplaceTest {
 protected:
  void SetUp() override {
    MarketplaceTest::SetUp();
    clay = vendor_with_shop("clay@example.com", "Clay Studio");
    paper = vendor_with_shop("paper@example.com", "Paper Goods");
    add_product(clay, "Speckled mug", "kitchen", 2500);
    add_product(clay, "Mugs for two", "kitchen", 4100);
    add_product(clay, "Teapot", "kitchen", 3500, "Pairs with any mug");
    add_product(paper, "Mugwort tea", "food", 900);
    add_product(paper, "Mug rack", "home", 1900);
    add_product(paper, "Silver ring", "jewelry", 5000);
    add_product(clay, "Mug", "kitchen", 3000);
  }

  std::vector<std::string> names(const std::string& query) {
    std::vector<std::string> list;
    const auto json = product_page(query);
    for (const auto& item : json.at("items").as_array())
      list.emplace_back(item.at("name").as_string());
    return list;
  }

  // `count` more listed products in Clay Studio, written straight into the
  // database as a bulk load would (the triggers count them).
  void bulk_products(long long count) {
    add_numbered_products({"clay-studio", "Bulk candle", "'home'", "10000 + n.i", "n.i"}, count);
  }

  Account clay, paper;
};
POCKETSHOP_API_TEST(SearchRelevance);

using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

TEST_P(SearchRelevance, ExactNameMatchesComeFirstThenOtherNameMatchesThenDescriptions) {
  const auto found = names("q=mug&sort=relevance");
  EXPECT_THAT(found, UnorderedElementsAre("Mug", "Speckled mug", "Mugs for two", "Mug rack",
                                          "Mugwort tea", "Teapot"));
  ASSERT_EQ(found.size(), 6u);
  EXPECT_EQ(found.front(), "Mug");
  EXPECT_EQ(found.back(), "Teapot");  // only its description says "mug"
}

TEST_P(SearchRelevance, PluralsAndPrefixesFindTheSameProducts) {
  EXPECT_THAT(names("q=mugs"), UnorderedElementsAre("Mug", "Speckled mug", "Mugs for two",
                                                    "Mug rack", "Mugwort tea", "Teapot"));
  EXPECT_THAT(names("q=mugw"), ElementsAre("Mugwort tea"));
  EXPECT_THAT(names("q=speckle"), ElementsAre("Speckled mug"));
}

TEST_P(SearchRelevance, CategoryFiltersAreExact) {
  const auto kitchen = product_page("q=mug&category=kitchen");
  std::vector<std::string> categories;
  for (const auto& item : kitchen.at("items").as_array())
    categories.emplace_back(item.at("category").as_string());
  EXPECT_THAT(categories, Each(std::string("kitchen")));
  EXPECT_EQ(kitchen.at("total").as_int64(), 4);
  EXPECT_FALSE(kitchen.at("total_capped").as_bool());
  EXPECT_THAT(names("q=mug&category=home"), ElementsAre("Mug rack"));
  EXPECT_TRUE(names("q=mug&category=jewelry").empty());
}

TEST_P(SearchRelevance, PriceSortsAreExact) {
  EXPECT_THAT(names("q=mug&sort=price_asc"), ElementsAre("Mugwort tea", "Mug rack", "Speckled mug",
                                                         "Mug", "Teapot", "Mugs for two"));
  EXPECT_THAT(
      names("q=mug&sort=price_desc"),
      ElementsAre("Mugs for two", "Teapot", "Mug", "Speckled mug", "Mug rack", "Mugwort tea"));
  EXPECT_THAT(names("q=mug&sort=price_asc&category=kitchen&limit=2"),
              ElementsAre("Speckled mug", "Mug"));
}

TEST_P(SearchRelevance, TotalsPastTheCapSayTheyAreLowerBounds) {
  const long long bulk = catalog::store::kCountCap + 5;
  bulk_products(bulk);
  // A price floor that every product passes: a search for one word alone is
  // counted exactly from kept counts on PostgreSQL (SortedSearch).
  for (const std::string query :
       {"q=bulk&min_price=1&limit=24", "q=candle&category=home&min_price=1&limit=24",
        "min_price=10000&limit=24", "shop=clay-studio&in_stock=true"}) {
    const auto capped = product_page(query);
    EXPECT_EQ(capped.at("total").as_int64(), catalog::store::kCountCap) << query;
    EXPECT_TRUE(capped.at("total_capped").as_bool()) << query;
  }
  // The page itself is still exact: the cheapest of all, not of the counted.
  EXPECT_THAT(names("q=bulk&sort=price_asc&limit=2"),
              ElementsAre("Bulk candle 1", "Bulk candle 2"));
  EXPECT_THAT(names("q=bulk&sort=price_desc&limit=1"),
              ElementsAre("Bulk candle " + std::to_string(bulk)));
  // Kept counts are exact at any size: the whole catalogue and one shop.
  const auto all = product_page("limit=1");
  EXPECT_EQ(all.at("total").as_int64(), bulk + 7);
  EXPECT_FALSE(all.at("total_capped").as_bool());
  const auto shop = product_page("shop=clay-studio&limit=1");
  EXPECT_EQ(shop.at("total").as_int64(), bulk + 4);
  EXPECT_FALSE(shop.at("total_capped").as_bool());
  EXPECT_EQ(product_page("shop=clay-studio&category=home&limit=1").at("total").as_int64(), bulk);
  EXPECT_FALSE(product_page("q=mug").at("total_capped").as_bool());
}

// The capped count reads the first kCountCap matches whatever their
// category: a category whose matches all come later still has a total that
// covers its page, a next page, and no spelling suggestion.
TEST_P(SearchRelevance, ACategoryPastTheCapStillCountsItsOwnPage) {
  bulk_products(catalog::store::kCountCap + 5);
  for (long long price : {50000, 50100, 50200})
    add_product(clay, "Kitchen candle", "kitchen", price);
  // A price floor that every candle passes keeps the count capped on both
  // databases (SortedSearch).
  const std::string kitchen = "q=candle&category=kitchen&min_price=1&sort=price_asc&limit=2";
  const auto first = product_page(kitchen);
  EXPECT_THAT(names(kitchen), ElementsAre("Kitchen candle", "Kitchen candle"));
  EXPECT_TRUE(first.at("total_capped").as_bool());
  EXPECT_GE(first.at("total").as_int64(), 3);
  EXPECT_TRUE(first.at("next").is_string());
  EXPECT_FALSE(first.contains("did_you_mean"));
  const auto second = product_page(kitchen + "&page=2");
  EXPECT_EQ(second.at("items").as_array().size(), 1u);
  EXPECT_GE(second.at("total").as_int64(), 3);
}

// A shop's total and facets come from shop_category_counts (migration 024):
// they must stay what counting the shop's products gives.
TEST_P(SearchRelevance, ShopCountsFollowEveryProductChange) {
  auto expect_counted_alike = [&](const std::string& narrowed) {
    const auto kept = product_page("shop=paper-goods&limit=1" + narrowed);
    const auto counted = product_page("shop=paper-goods&min_price=0&limit=1" + narrowed);
    EXPECT_EQ(kept.at("total"), counted.at("total")) << narrowed;
    EXPECT_EQ(kept.at("facets"), counted.at("facets")) << narrowed;
  };
  expect_counted_alike("");
  auto bag = create_product(paper.access_token, {{"name", "Tote"}, {"category", "accessories"}});
  expect_counted_alike("");
  EXPECT_EQ(patch_json(product_url(bag), {{"category", "home"}}, paper.access_token).status, 200);
  expect_counted_alike("&category=home");
  expect_counted_alike("&category=accessories");
  EXPECT_EQ(patch_json(product_url(bag), {{"status", "draft"}}, paper.access_token).status, 200);
  expect_counted_alike("&category=home");
  EXPECT_EQ(patch_json(product_url(bag), {{"status", "active"}}, paper.access_token).status, 200);
  EXPECT_EQ(del(product_url(bag), paper.access_token).status, 204);
  expect_counted_alike("");
  EXPECT_EQ(product_page("shop=paper-goods").at("total").as_int64(), 3);
}

}  // namespace
}  // namespace ps::testing

#include "db/query.h"
#include "support/marketplace.h"

#include <gmock/gmock.h>
#include <soci/soci.h>

namespace ps::testing {
namespace {

class CatalogSearch : public MarketplaceTest {
 protected:
  void SetUp() override {
    MarketplaceTest::SetUp();
    clay = vendor_with_shop("clay@example.com", "Clay Studio");
    paper = vendor_with_shop("paper@example.com", "Paper Goods");
    create_product(clay.access_token, {{"name", "Blue speckled mug"},
                                       {"category", "kitchen"},
                                       {"price_cents", 2800},
                                       {"inventory", 3}});
    create_product(clay.access_token, {{"name", "Serving bowl"},
                                       {"category", "kitchen"},
                                       {"description", "Pairs with a blue mug"},
                                       {"price_cents", 5400},
                                       {"inventory", 0}});
    create_product(clay.access_token, {{"name", "Clay earrings"},
                                       {"category", "jewelry"},
                                       {"price_cents", 1800},
                                       {"inventory", 12}});
    create_product(paper.access_token, {{"name", "Blue notebook"},
                                        {"category", "stationery"},
                                        {"price_cents", 1200},
                                        {"inventory", 30}});
    create_product(paper.access_token, {{"name", "Mug illustration print"},
                                        {"category", "art"},
                                        {"price_cents", 4000},
                                        {"inventory", 2},
                                        {"status", "draft"}});
  }

  std::vector<std::string> names(const HttpResult& result) {
    EXPECT_EQ(result.status, 200) << result.body;
    std::vector<std::string> list;
    const auto json = result.json();
    for (const auto& item : json.at("items").as_array())
      list.emplace_back(item.at("name").as_string());
    return list;
  }

  Account clay, paper;
};
POCKETSHOP_API_TEST(CatalogSearch);

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

TEST_P(CatalogSearch, FullTextSearchRanksNameMatchesFirst) {
  EXPECT_THAT(names(client().get("/api/products?q=mug")),
              ElementsAre("Blue speckled mug", "Serving bowl"));
  EXPECT_THAT(names(client().get("/api/products?q=BLUE%20mu")),
              ElementsAre("Blue speckled mug", "Serving bowl"));
  EXPECT_THAT(names(client().get("/api/products?q=earring")), ElementsAre("Clay earrings"));
  EXPECT_TRUE(names(client().get("/api/products?q=unicorn")).empty());
  // Operators and quotes are words, not syntax.
  EXPECT_THAT(names(client().get("/api/products?q=%22speckled%22%20*%20-")),
              ElementsAre("Blue speckled mug"));
  EXPECT_EQ(client().get("/api/products?q=%28%29%3A%26%7C!").status, 200);
}

TEST_P(CatalogSearch, ExplicitRelevanceRanksNameMatchesAboveDescriptionMatches) {
  // The bowl is newer, and only its description says "mug".
  EXPECT_THAT(names(client().get("/api/products?q=mug&sort=relevance")),
              ElementsAre("Blue speckled mug", "Serving bowl"));
  EXPECT_THAT(names(client().get("/api/products?q=mug&sort=newest")),
              ElementsAre("Serving bowl", "Blue speckled mug"));
  const auto blue = names(client().get("/api/products?q=blue&sort=relevance"));
  ASSERT_EQ(blue.size(), 3u);
  EXPECT_EQ(blue.back(), "Serving bowl");
}

TEST_P(CatalogSearch, FiltersCombine) {
  EXPECT_THAT(names(client().get("/api/products?category=kitchen&sort=price_asc")),
              ElementsAre("Blue speckled mug", "Serving bowl"));
  EXPECT_THAT(names(client().get("/api/products?min_price=1500&max_price=3000&sort=price_desc")),
              ElementsAre("Blue speckled mug", "Clay earrings"));
  EXPECT_THAT(names(client().get("/api/products?in_stock=true&q=blue")),
              UnorderedElementsAre("Blue speckled mug", "Blue notebook"));
  EXPECT_THAT(names(client().get("/api/products?shop=paper-goods")), ElementsAre("Blue notebook"));
  EXPECT_THAT(names(client().get("/api/products?sort=price_desc&limit=2")),
              ElementsAre("Serving bowl", "Blue speckled mug"));
}

TEST_P(CatalogSearch, FacetsCountCategoriesOfTheOtherFilters) {
  const auto result = client().get("/api/products?q=blue&category=kitchen");
  ASSERT_EQ(result.status, 200);
  EXPECT_EQ(result.json().at("total").as_int64(), 2);
  const auto facets = result.json().at("facets").at("category").as_array();
  std::map<std::string, long long> counts;
  for (const auto& facet : facets)
    counts[std::string(facet.at("value").as_string())] = facet.at("count").as_int64();
  EXPECT_EQ(counts, (std::map<std::string, long long>{{"kitchen", 2}, {"stationery", 1}}));
}

// Facets list the most products first, ties by name, from the kept counts
// and from the counting path alike.
TEST_P(CatalogSearch, FacetsComeMostProductsFirstThenByName) {
  create_product(clay.access_token, {{"name", "Tote"}, {"category", "accessories"}});
  create_product(clay.access_token, {{"name", "Apron"}, {"category", "accessories"}});
  for (const std::string query : {"", "min_price=0", "q=blue"}) {
    const auto page = client().get("/api/products?" + query).json();
    std::vector<std::pair<long long, std::string>> facets;  // (-count, name) sorts as expected
    for (const auto& facet : page.at("facets").at("category").as_array())
      facets.emplace_back(-facet.at("count").as_int64(), facet.at("value").as_string());
    EXPECT_GE(facets.size(), 2u) << query;
    EXPECT_TRUE(std::is_sorted(facets.begin(), facets.end())) << query;
  }
}

// The unfiltered catalogue reads its total and facets from counts the product
// writes keep; min_price=0 takes the path that counts every row.
TEST_P(CatalogSearch, WholeCatalogueCountsFollowEveryProductChange) {
  auto expect_counted_alike = [&](const std::string& category) {
    const std::string narrowed = category.empty() ? "" : "category=" + category + "&";
    const auto kept = client().get("/api/products?" + narrowed + "limit=1").json();
    const auto counted = client().get("/api/products?" + narrowed + "min_price=0&limit=1").json();
    EXPECT_EQ(kept.at("total"), counted.at("total")) << category;
    EXPECT_EQ(kept.at("facets"), counted.at("facets")) << category;
  };
  auto bag = create_product(clay.access_token, {{"name", "Tote"}, {"category", "accessories"}});
  expect_counted_alike("");
  EXPECT_EQ(patch_json(product_url(bag), {{"category", "kitchen"}}, clay.access_token).status, 200);
  expect_counted_alike("kitchen");
  expect_counted_alike("accessories");
  EXPECT_EQ(patch_json(product_url(bag), {{"status", "draft"}}, clay.access_token).status, 200);
  expect_counted_alike("kitchen");
  EXPECT_EQ(patch_json(product_url(bag), {{"status", "active"}}, clay.access_token).status, 200);
  EXPECT_EQ(del(product_url(bag), clay.access_token).status, 204);
  expect_counted_alike("");
  const auto all = client().get("/api/products").json();
  EXPECT_EQ(all.at("total").as_int64(), 4);
  EXPECT_EQ(all.at("facets").at("category").as_array().size(), 3u);  // kitchen, jewelry, stationery
}

// The total is derived from the category facets: it must still count exactly
// the products that match, whatever the filters.
TEST_P(CatalogSearch, TotalsCountExactlyTheMatchingProducts) {
  for (const std::string query :
       {"", "q=blue", "q=blue&category=kitchen", "q=blue&category=art", "category=jewelry",
        "category=toys", "shop=clay-studio", "shop=clay-studio&category=kitchen",
        "min_price=1500&in_stock=true", "q=mug&max_price=3000", "q=unicorn"}) {
    const auto page = client().get("/api/products?limit=100&" + query);
    ASSERT_EQ(page.status, 200) << query;
    const auto json = page.json();
    EXPECT_EQ(json.at("total").as_int64(), json.at("items").as_array().size()) << query;
  }
  const auto own = client().get("/api/my/products?limit=100&category=art", paper.access_token);
  EXPECT_EQ(own.json().at("total").as_int64(), 1);  // the draft print
  EXPECT_EQ(own.json().at("items").as_array().size(), 1u);
}

TEST_P(CatalogSearch, PaginationReportsTheTotal) {
  const auto first = client().get("/api/products?limit=3&sort=price_asc");
  EXPECT_EQ(first.json().at("total").as_int64(), 4);
  EXPECT_EQ(first.json().at("pages").as_int64(), 2);
  EXPECT_THAT(names(client().get("/api/products?limit=3&page=2&sort=price_asc")),
              ElementsAre("Serving bowl"));
  EXPECT_TRUE(names(client().get("/api/products?limit=3&page=9")).empty());
}

// Following `next` visits what numbered pages show, in the same order, each
// product once, even with equal prices and a product added during the walk.
TEST_P(CatalogSearch, FollowingNextWalksTheWholeListOnce) {
  create_product(paper.access_token, {{"name", "Red notebook"}, {"price_cents", 1200}});
  create_product(paper.access_token, {{"name", "Green notebook"}, {"price_cents", 1200}});
  for (const std::string sort : {"newest", "price_asc", "price_desc"}) {
    const auto all = names(client().get("/api/products?limit=100&sort=" + sort));
    ASSERT_EQ(all.size(), 6u);
    std::vector<std::string> walked;
    std::string target = "/api/products?limit=2&sort=" + sort;
    for (int pages = 0; pages < 10; ++pages) {
      const auto page = client().get(target);
      ASSERT_EQ(page.status, 200) << target << page.body;
      const auto json = page.json();
      if (pages > 0) {
        EXPECT_TRUE(json.at("page").is_null()) << target;
      }
      EXPECT_EQ(json.at("total").as_int64(), 6 + (pages > 0 ? 1 : 0)) << target;
      for (const auto& item : names(page)) walked.push_back(item);
      // Added during the walk: the newest lands before the cursor (not shown),
      // the dearest or cheapest after it (shown once, at the end).
      if (pages == 0) {
        create_product(clay.access_token,
                       {{"name", "Late vase"}, {"price_cents", sort == "price_asc" ? 9900 : 10}});
      }
      if (json.at("next").is_null()) break;
      target = "/api/products?limit=2&sort=" + sort +
               "&after=" + std::string(json.at("next").as_string());
    }
    auto expected = all;
    if (sort != "newest") expected.push_back("Late vase");
    EXPECT_EQ(walked, expected) << sort;
    const auto vase = client().get("/api/products?q=vase").json().at("items").at(0);
    EXPECT_EQ(del(product_url(vase.as_object()), clay.access_token).status, 204);
  }
  EXPECT_TRUE(client().get("/api/products?limit=100").json().at("next").is_null());
}

// The search index is configured to stay compact as products are written
// (migration 006), and compacting it after a bulk load keeps every match.
TEST_P(CatalogSearch, SearchIndexStaysCompactAndComplete) {
  auto& app = server().app();
  app.database().with_session([&](db::Connection& sql) {
    if (GetParam() == Backend::sqlite) {
      for (const std::string index : {"products_fts", "products_by_price", "products_by_newest"}) {
        int automerge = 0;
        sql.session() << "SELECT v FROM " + index + "_config WHERE k = 'automerge'",
            soci::into(automerge);
        EXPECT_EQ(automerge, 2) << index;
      }
    } else {
      std::string options;
      sql.session() << "SELECT array_to_string(reloptions, ',') FROM pg_class "
                       "WHERE relname = 'products_search'",
          soci::into(options);
      EXPECT_EQ(options, "fastupdate=off");
    }
  });
  const auto before = names(client().get("/api/products?q=blue&sort=newest"));
  app.catalog().compact_search_index();
  if (GetParam() == Backend::sqlite) {
    app.database().with_session([](db::Connection& sql) {  // throws if the index is damaged
      sql.session() << "INSERT INTO products_fts(products_fts) VALUES ('integrity-check')";
      for (const std::string index : {"products_by_price", "products_by_newest"})
        sql.session() << "INSERT INTO " + index + "(" + index + ") VALUES ('integrity-check')";
    });
  }
  EXPECT_EQ(names(client().get("/api/products?q=blue&sort=newest")), before);
  EXPECT_EQ(names(client().get("/api/products?q=blue&sort=price_asc")).size(), before.size());
  EXPECT_THAT(names(client().get("/api/products?q=noteb")), ElementsAre("Blue notebook"));
}

TEST_P(CatalogSearch, BadQueryParametersAre422) {
  for (const char* query : {"min_price=abc",
                            "max_price=-1",
                            "sort=cheapest",
                            "limit=0",
                            "limit=101",
                            "in_stock=maybe",
                            "page=1.5",
                            "after=garbage",
                            "after=newest.12.x",
                            "after=newest.12",
                            "after=newest.-1.4",
                            "after=newest.1.2.3",
                            "after=newest.99999999999999999999.1",
                            "sort=price_asc&after=newest.1.2",
                            "q=mug&after=newest.1.2",
                            "q=mug&sort=relevance&after=relevance.1.2",
                            "page=2&after=newest.1.2",
                            "q=%FF",
                            "q=mug%C3",
                            "q=%C0%AF",
                            "q=mug%00",
                            "q=mug%0Abowl",
                            "category=%E2%80%AEkitchen"})
    expect_problem(client().get(std::string("/api/products?") + query), 422, "validation");
}

// A long word is cut to 40 bytes for the search, at a character's first
// byte: cut inside "é", PostgreSQL refused the search text.
TEST_P(CatalogSearch, LongWordsAreCutBetweenCharacters) {
  const auto vendor = sign_up("long@example.com", "vendor");
  create_shop(vendor.access_token, "Long Words");
  const std::string word = std::string(39, 'a') + "\xC3\xA9t\xC3\xA9";
  create_product(vendor.access_token, {{"name", word + " mug"}});
  const std::string encoded = std::string(39, 'a') + "%C3%A9t%C3%A9";
  for (const std::string sort : {"relevance", "price_asc", "newest"}) {
    const auto found = client().get("/api/products?q=" + encoded + "&sort=" + sort);
    ASSERT_EQ(found.status, 200) << found.body;
    EXPECT_EQ(found.json().at("total").as_int64(), 1) << sort;
  }
}

}  // namespace
}  // namespace ps::testing

#include "catalog/service.h"
#include "db/query.h"
#include "support/marketplace.h"

#include <gmock/gmock.h>
#include <soci/soci.h>

#include <array>
#include <chrono>
#include <future>
#include <latch>
#include <string>
#include <vector>

namespace ps::testing {
namespace {

// Sorted searches and search facets are read from products_by_price and
// products_by_newest on SQLite (migration 026), whose rowids carry the sort,
// and from product_words on PostgreSQL (its migration 026), where one word's
// facets are kept in word_counts (migration 028).
// Every product here is in stock, so adding `in_stock=true` to a search leaves
// its answer alone but takes the general path (products_fts joined to
// products): the two must always agree, on both databases.
class SortedSearch : public MarketplaceTest {
 protected:
  void SetUp() override {
    MarketplaceTest::SetUp();
    clay = vendor_with_shop("clay@example.com", "Clay Studio");
    paper = vendor_with_shop("paper@example.com", "Paper Goods");
    add_product(clay, "Speckled mug", "kitchen", 2500);
    add_product(clay, "Mug", "kitchen", 2500);  // same price: ordered by id
    add_product(clay, "Mugs for two", "kitchen", 4100);
    add_product(clay, "Teapot", "kitchen", 3500, "Pairs with any mug");
    add_product(paper, "Mugwort tea", "food", 900);
    add_product(paper, "Mug rack", "home", 1900);
    add_product(paper, "Free mug sticker", "stationery", 0);
    add_product(paper, "Gold mug", "kitchen", 100'000'000);  // the API's highest price
  }

  // Names of every page, following `next` from `query`.
  std::vector<std::string> walk(const std::string& query) {
    std::vector<std::string> names;
    std::string target = query;
    for (int pages = 0; pages < 50; ++pages) {
      const auto json = product_page(target);
      for (const auto& item : json.at("items").as_array())
        names.emplace_back(item.at("name").as_string());
      if (json.at("next").is_null()) return names;
      target = query + "&after=" + std::string(json.at("next").as_string());
    }
    ADD_FAILURE() << "more than 50 pages: " << query;
    return names;
  }

  void expect_paths_agree(const std::string& query) {
    const auto indexed = product_page(query);
    const auto general = product_page(query + "&in_stock=true");
    EXPECT_EQ(indexed.at("items"), general.at("items")) << query;
    EXPECT_EQ(indexed.at("total"), general.at("total")) << query;
    EXPECT_EQ(indexed.at("facets"), general.at("facets")) << query;
    EXPECT_EQ(indexed.at("next"), general.at("next")) << query;
  }

  std::vector<std::string> the_queries() {
    std::vector<std::string> queries;
    for (const std::string sort : {"price_asc", "price_desc", "newest"})
      for (const std::string narrowed :
           {"", "&category=kitchen", "&category=home", "&category=jewelry", "&category=kitchens",
            "&min_price=2500", "&max_price=2500", "&min_price=1000&max_price=4000",
            "&category=kitchen&min_price=3000", "&limit=2", "&limit=2&page=2", "&limit=3&page=3"})
        for (const std::string words : {"mug", "mugs", "tea", "mu", "pairs%20mug", "nothing",
                                        "the%20mug", "mug%20nothing", "tea%20mu", "teapot", "rack"})
          queries.push_back("q=" + words + "&sort=" + sort + narrowed);
    return queries;
  }

  // `count` products named "Bulk mug N" in Clay Studio, a third in home and
  // the rest in kitchen.
  void add_bulk_mugs(long long count) {
    add_numbered_products(
        {"clay-studio", "Bulk mug", "CASE n.i % 3 WHEN 0 THEN 'home' ELSE 'kitchen' END",
         "5000 + n.i % 500", "(n.i * 7919) % 1500 * 20000"},
        count);
  }

  Account clay, paper;
};
POCKETSHOP_API_TEST(SortedSearch);

using ::testing::ElementsAre;

TEST_P(SortedSearch, PagesTotalsAndFacetsAgreeWithTheGeneralPath) {
  for (const auto& query : the_queries()) expect_paths_agree(query);
}

TEST_P(SortedSearch, PricesAndTiesAreInOrder) {
  EXPECT_THAT(walk("q=mug&sort=price_asc&limit=2"),
              ElementsAre("Free mug sticker", "Mugwort tea", "Mug rack", "Speckled mug", "Mug",
                          "Teapot", "Mugs for two", "Gold mug"));
  EXPECT_THAT(walk("q=mug&sort=price_desc&limit=3&category=kitchen"),
              ElementsAre("Gold mug", "Mugs for two", "Teapot", "Mug", "Speckled mug"));
  EXPECT_THAT(walk("q=mug&sort=price_asc&limit=1&min_price=2500&max_price=2500"),
              ElementsAre("Speckled mug", "Mug"));
}

TEST_P(SortedSearch, CursorsWalkTheSameProductsAsTheGeneralPath) {
  for (const std::string query : {"q=mug&sort=price_asc&limit=1", "q=mug&sort=price_desc&limit=2",
                                  "q=mug&sort=price_asc&limit=1&category=kitchen",
                                  "q=mug&sort=price_desc&limit=1&max_price=3500"})
    EXPECT_EQ(walk(query), walk(query + "&in_stock=true")) << query;
}

// Cursors are the client's text: keys past any price or id answer what
// follows them, not an error or a wrapped-around page.
TEST_P(SortedSearch, CursorsPastTheIndexRangeAnswerWhatFollowsThem) {
  EXPECT_TRUE(product_page("q=mug&sort=price_asc&after=price_asc.999999999999.1")
                  .at("items")
                  .as_array()
                  .empty());
  EXPECT_EQ(product_page("q=mug&sort=price_desc&after=price_desc.999999999999.1&limit=100")
                .at("items")
                .as_array()
                .size(),
            8u);
  EXPECT_EQ(product_page("q=mug&sort=price_desc&after=price_desc.2500.99999999999&limit=100")
                .at("items")
                .as_array()
                .size(),
            5u);  // both at 25.00, the rack, the tea and the sticker
  EXPECT_TRUE(
      product_page("q=mug&sort=price_desc&after=price_desc.0.0").at("items").as_array().empty());
  EXPECT_TRUE(product_page("q=mug&sort=price_asc&after=price_asc.100000000.99999999999")
                  .at("items")
                  .as_array()
                  .empty());
  EXPECT_EQ(product_page("q=mug&sort=newest&after=newest.999999999999999.1&limit=100")
                .at("items")
                .as_array()
                .size(),
            8u);
  EXPECT_TRUE(product_page("q=mug&sort=newest&after=newest.0.0").at("items").as_array().empty());
}

TEST_P(SortedSearch, CategoriesThatAreNotSingleWordsFindNothing) {
  for (const std::string category : {"a%22b", "kitchen%20home", "%2A", "kitchen%22%20OR%20%22home"})
    EXPECT_TRUE(
        product_page("q=mug&sort=price_asc&category=" + category).at("items").as_array().empty())
        << category;
}

// The index is kept by triggers: every change to what it holds, and the
// changes it does not hold (stock), leave it agreeing with the general path.
TEST_P(SortedSearch, TheIndexFollowsEveryProductChange) {
  auto agree = [&] {
    for (const std::string query :
         {"q=mug&sort=price_asc", "q=tote&sort=price_desc", "q=bag&sort=price_asc&category=home",
          "q=canvas&sort=price_asc", "q=mug&sort=price_desc&category=accessories",
          "q=mug&sort=newest", "q=bag&sort=newest&category=home", "q=canvas&sort=newest"})
      expect_paths_agree(query);
  };
  auto tote = add_product(paper, "Tote bag", "accessories", 1500, "Canvas");
  const auto url = product_url(tote);
  agree();
  for (const boost::json::object& change : {boost::json::object{{"name", "Mug tote"}},
                                            {{"price_cents", 700}},
                                            {{"category", "home"}},
                                            {{"description", "Heavy canvas bag"}},
                                            {{"status", "draft"}},
                                            {{"name", "Mug bag"}},
                                            {{"status", "active"}},
                                            {{"inventory", 9}},
                                            {{"price_cents", 700}}}) {
    EXPECT_EQ(patch_json(url, change, paper.access_token).status, 200)
        << boost::json::serialize(change);
    agree();
  }
  EXPECT_EQ(product_page("q=mug&sort=price_asc&category=home&limit=1").at("items").at(0).at("name"),
            "Mug bag");
  EXPECT_EQ(del(url, paper.access_token).status, 204);
  agree();
  EXPECT_TRUE(product_page("q=bag&sort=price_asc&category=home").at("items").as_array().empty());
}

// A prefix can match several words of one product ("mu": "mug" and
// "mugwort"); the product is found, paged and counted once. Stop words are
// left out of a search, and irregular plurals find their singulars.
TEST_P(SortedSearch, EachProductCountsOnceHoweverManyOfItsWordsMatch) {
  add_product(paper, "Mugwort mug", "kitchen", 2500, "Mugs of mugwort");
  add_product(paper, "Wool scarf", "accessories", 3000);
  add_product(paper, "Two scarves", "accessories", 5000, "Scarf pair");
  for (const std::string sort : {"price_asc", "price_desc", "newest"})
    for (const std::string words : {"mu", "mu%20mugw", "m", "the%20mu", "scarves", "scarf%20two",
                                    "of%20the", "pair%20scarv", "mugwort%20mug"})
      for (const std::string narrowed : {"", "&category=kitchen", "&limit=1&page=2"})
        expect_paths_agree("q=" + words + "&sort=" + sort + narrowed);
  const auto page = product_page("q=mu&sort=price_asc&category=kitchen");
  EXPECT_EQ(page.at("total"), 6);  // the mugs, the teapot and the mugwort mug
  EXPECT_EQ(page.at("items").as_array().size(), 6u);
  EXPECT_EQ(product_page("q=scarves&sort=price_desc").at("total"), 2);
}

// Past kCountCap matches the facets count the first ones; the page is still
// the cheapest of all, read from the index.
TEST_P(SortedSearch, ManyMatchesAreCappedButPagedExactly) {
  add_bulk_mugs(catalog::store::kCountCap * 2);
  for (const std::string query : {"q=mug&sort=price_asc&limit=5", "q=bulk%20mug&sort=newest",
                                  "q=mu%20bulk&sort=price_desc"}) {
    const auto capped = product_page(query);
    EXPECT_TRUE(capped.at("total_capped").as_bool()) << query;
    EXPECT_EQ(capped.at("total").as_int64(), catalog::store::kCountCap) << query;
  }
  for (const std::string query :
       {"q=bulk&sort=price_asc&limit=7&page=40", "q=bulk&sort=price_desc&category=home&limit=9",
        "q=bulk&sort=price_desc&min_price=5250&max_price=5260&limit=50",
        "q=bulk&sort=newest&limit=30&page=20", "q=bulk&sort=newest&category=home&limit=40",
        "q=mug&sort=newest&limit=100&page=3", "q=bulk&sort=newest&limit=100&page=12",
        "q=bulk%20mug&sort=price_asc&limit=9&page=30", "q=mug%20bulk&sort=newest&category=home",
        "q=bu%20mu&sort=price_desc&limit=50&page=4", "q=mug%20bulk&sort=price_desc&limit=20"}) {
    // Only the pages compare: the capped totals and facets count a different
    // first 1,000 on each path (price order here, id order there).
    const auto indexed = product_page(query);
    const auto general = product_page(query + "&in_stock=true");
    EXPECT_EQ(indexed.at("items"), general.at("items")) << query;
    EXPECT_EQ(indexed.at("next"), general.at("next")) << query;
  }
}

// A prefix of many words, in several categories, would merge more index
// walks than plan quickly (store_words.cpp, kMaxMergedWalks): its facets
// probe each row of its words instead, and still agree.
TEST_P(SortedSearch, APrefixOfManyWordsInSeveralCategoriesCountsAlike) {
  for (int i = 0; i < 40; ++i)
    add_product(i % 2 ? clay : paper, "Zq" + std::to_string(i) + "x mug",
                i % 2 ? "kitchen" : "home", 1000 + 10 * i);
  for (const std::string query :
       {"q=zq&sort=price_asc", "q=zq%20mug&sort=newest&category=home",
        "q=zq&sort=price_desc&limit=5&page=2", "q=mug%20zq&sort=price_asc&max_price=1200"})
    expect_paths_agree(query);
  EXPECT_EQ(product_page("q=zq&sort=price_asc").at("total"), 40);
}

// On PostgreSQL a search for one word (no other word begins with it) reads
// its facets from the kept word_counts (migration 028), so its total is exact
// past the cap; SQLite counts the first kCountCap. A price range is counted
// on both.
TEST_P(SortedSearch, OneWordIsCountedExactlyPastTheCapOnPostgres) {
  const long long bulk = catalog::store::kCountCap * 2;
  add_bulk_mugs(bulk);
  const bool kept = GetParam() == Backend::postgres;
  const struct {
    std::string query;
    long long total;  // on PostgreSQL
  } searches[] = {{"q=bulk&sort=price_asc", bulk},
                  {"q=bulk&sort=newest&category=home", bulk / 3},
                  {"q=bulk&sort=price_desc&category=kitchen&limit=3", bulk - bulk / 3}};
  for (const auto& [query, total] : searches) {
    const auto page = product_page(query);
    EXPECT_EQ(page.at("total_capped").as_bool(), !kept) << query;
    if (kept) {
      EXPECT_EQ(page.at("total").as_int64(), total) << query;
    } else {
      EXPECT_LE(page.at("total").as_int64(), catalog::store::kCountCap) << query;
    }
  }
  if (kept) {
    EXPECT_EQ(product_page("q=bulk&sort=price_asc").at("facets"),
              boost::json::parse(R"({"category":[{"value":"kitchen","count":1334},)"
                                 R"({"value":"home","count":666}]})"));
  }
  const auto ranged = product_page("q=bulk&sort=price_asc&min_price=5000");
  EXPECT_TRUE(ranged.at("total_capped").as_bool());
  EXPECT_EQ(ranged.at("total").as_int64(), catalog::store::kCountCap);
}

// A rename moves a word from one product to another. Two vendors swapping
// words at once change the same kept counts in opposite directions
// (word_counts on PostgreSQL); every edit succeeds and the counts end exact.
TEST_P(SortedSearch, WordsSwappedBetweenProductsAtOnceKeepTheirCounts) {
  const std::array<std::string, 2> urls{
      product_url(add_product(clay, "Red jug", "kitchen", 1200)),
      product_url(add_product(paper, "Blue jug", "kitchen", 1300))};
  const std::array<const Account*, 2> owners{&clay, &paper};
  constexpr int kRounds = 12;
  std::latch start(2);
  std::vector<std::future<std::vector<int>>> editors;
  for (int editor = 0; editor < 2; ++editor)
    editors.push_back(std::async(std::launch::async, [&, editor] {
      std::vector<int> statuses;
      start.arrive_and_wait();
      for (int round = 0; round < kRounds; ++round) {
        const bool red = (round + editor) % 2 == 1;
        statuses.push_back(patch_json(urls[editor], {{"name", red ? "Red jug" : "Blue jug"}},
                                      owners[editor]->access_token)
                               .status);
      }
      return statuses;
    }));
  for (auto& editor : editors) EXPECT_THAT(editor.get(), ::testing::Each(200));
  for (const std::string words : {"red", "blue", "jug", "red%20jug"})
    for (const std::string sort : {"price_asc", "newest"})
      expect_paths_agree("q=" + words + "&sort=" + sort);
  EXPECT_EQ(product_page("q=jug&sort=price_asc").at("total"), 2);
}

// A rename changes the kept counts (word_counts, PostgreSQL) of the words it
// changes and locks no other: here a transaction holds the counts of the
// words both products keep ("jug", and the category's own word) while two
// vendors swap their other words, and both edits finish before it ends. Had
// an edit taken away all of its old words and added all of its new ones, it
// would wait for the held rows, and every edit in a category would wait for
// every other.
TEST_P(SortedSearch, ARenameLocksOnlyTheCountsOfTheWordsItChanges) {
  if (GetParam() != Backend::postgres) GTEST_SKIP() << "SQLite has one writer at a time";
  const std::array<std::string, 2> urls{
      product_url(add_product(clay, "Amber jug", "kitchen", 1200)),
      product_url(add_product(paper, "Blue jug", "kitchen", 1300))};
  auto rename = [&](int editor, const Account& owner, const std::string& name) {
    return std::async(std::launch::async, [&, editor, name] {
      return patch_json(urls[editor], {{"name", name}}, owner.access_token).status;
    });
  };
  std::future<int> amber_to_blue, blue_to_amber;
  server().app().database().transaction([&](db::Connection& sql) {
    sql.session() << "SELECT 1 FROM word_counts WHERE word IN ('jug', 'kitchen') FOR UPDATE";
    amber_to_blue = rename(0, clay, "Blue jug");
    blue_to_amber = rename(1, paper, "Amber jug");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    EXPECT_EQ(amber_to_blue.wait_until(deadline), std::future_status::ready);
    EXPECT_EQ(blue_to_amber.wait_until(deadline), std::future_status::ready);
  });
  EXPECT_EQ(amber_to_blue.get(), 200);
  EXPECT_EQ(blue_to_amber.get(), 200);
  for (const std::string words : {"amber", "blue", "jug"})
    expect_paths_agree("q=" + words + "&sort=newest");
}

// products_by_newest keys by the minute; within one, the products are ordered
// by their milliseconds. Here ids run against creation within the minute.
TEST_P(SortedSearch, NewestOrdersWithinAMinuteByTheMillisecond) {
  add_numbered_products(
      {"clay-studio", "Vase", "'home'", "1000", "1000 * 60000 + (10 - n.i) * 1000"}, 5);
  EXPECT_THAT(walk("q=vase&sort=newest&limit=2"),
              ElementsAre("Vase 1", "Vase 2", "Vase 3", "Vase 4", "Vase 5"));
  EXPECT_THAT(walk("q=vase&sort=newest&limit=3&category=home"),
              ElementsAre("Vase 1", "Vase 2", "Vase 3", "Vase 4", "Vase 5"));
  expect_paths_agree("q=vase&sort=newest&limit=2&page=2");
}

// Each category the API accepts has its number in the index's rowids.
TEST_P(SortedSearch, EveryCategoryHasANumber) {
  if (GetParam() != Backend::sqlite) GTEST_SKIP() << "the sorted indexes are SQLite's";
  server().app().database().with_session([](db::Connection& sql) {
    for (const auto category : catalog::categories()) {
      // Bound by address: the name must outlive the statement, which runs
      // after the full expression's other temporaries are gone.
      const std::string name(category);
      int number = 0;
      sql.session() << "SELECT number FROM category_numbers WHERE category = :c", soci::use(name),
          soci::into(number);
      EXPECT_GT(number, 0) << name;
    }
    sql.session() << "INSERT INTO products_by_price(products_by_price) VALUES ('integrity-check')";
    sql.session() << "INSERT INTO products_by_newest(products_by_newest) "
                     "VALUES ('integrity-check')";
  });
}

}  // namespace
}  // namespace ps::testing

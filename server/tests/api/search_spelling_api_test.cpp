// Search that forgives (issue 18): a word and its plural find the same
// products, and a search that finds nothing because of a typo offers the
// closest spelling that does ("did you mean").
#include "support/marketplace.h"

#include <gmock/gmock.h>

#include <future>
#include <latch>
#include <set>

namespace ps::testing {
namespace {

class ForgivingSearch : public MarketplaceTest {
 protected:
  void SetUp() override {
    MarketplaceTest::SetUp();
    weaver = vendor_with_shop("weaver@example.com", "Weaver");
    create_product(weaver.access_token, {{"name", "Wool scarf"},
                                         {"category", "clothing"},
                                         {"price_cents", 3000},
                                         {"inventory", 5}});
    create_product(weaver.access_token, {{"name", "Silk scarves, set of two"},
                                         {"category", "clothing"},
                                         {"price_cents", 5000},
                                         {"inventory", 5}});
    create_product(weaver.access_token, {{"name", "Indigo shawl"},
                                         {"category", "accessories"},
                                         {"description", "Dyed in the vat of our scarves"},
                                         {"price_cents", 4000},
                                         {"inventory", 5}});
    create_product(
        weaver.access_token,
        {{"name", "Cactus trio"}, {"category", "plants"}, {"price_cents", 2000}, {"inventory", 5}});
    create_product(weaver.access_token, {{"name", "Bread knife"},
                                         {"category", "kitchen"},
                                         {"price_cents", 2500},
                                         {"inventory", 5}});
    create_product(weaver.access_token, {{"name", "Steak knives"},
                                         {"category", "kitchen"},
                                         {"price_cents", 4500},
                                         {"inventory", 5}});
  }

  boost::json::object search(const std::string& query) {
    const auto result = client().get("/api/products?limit=100&" + query);
    EXPECT_EQ(result.status, 200) << query << ": " << result.body;
    return result.json().as_object();
  }

  std::vector<std::string> names(const std::string& query) {
    std::vector<std::string> list;
    const auto page = search(query);
    for (const auto& item : page.at("items").as_array())
      list.emplace_back(item.at("name").as_string());
    return list;
  }

  std::set<std::string> name_set(const std::string& query) {
    const auto list = names(query);
    return {list.begin(), list.end()};
  }

  std::string did_you_mean(const std::string& query) {
    const auto page = search(query);
    const auto* suggestion = page.if_contains("did_you_mean");
    return suggestion ? std::string(suggestion->as_string()) : "";
  }

  Account weaver;
};
POCKETSHOP_API_TEST(ForgivingSearch);

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

TEST_P(ForgivingSearch, SingularAndPluralFindTheSameProducts) {
  const std::set<std::string> scarves{"Wool scarf", "Silk scarves, set of two", "Indigo shawl"};
  EXPECT_EQ(name_set("q=scarf"), scarves);
  EXPECT_EQ(name_set("q=scarves"), scarves);
  EXPECT_EQ(name_set("q=Scarves"), scarves);
  EXPECT_EQ(name_set("q=knife"), name_set("q=knives"));
  EXPECT_EQ(name_set("q=knives"), (std::set<std::string>{"Bread knife", "Steak knives"}));
  EXPECT_THAT(names("q=cacti"), ElementsAre("Cactus trio"));
  EXPECT_THAT(names("q=trios"), ElementsAre("Cactus trio"));  // regular plurals: the stemmer's
  EXPECT_EQ(search("q=scarves").at("total").as_int64(), 3);
}

TEST_P(ForgivingSearch, NameMatchesStillRankFirst) {
  for (const std::string word : {"scarf", "scarves"}) {
    const auto ranked = names("sort=relevance&q=" + word);
    ASSERT_EQ(ranked.size(), 3u) << word;
    EXPECT_THAT(std::vector(ranked.begin(), ranked.begin() + 2),
                UnorderedElementsAre("Wool scarf", "Silk scarves, set of two"))
        << word;
    EXPECT_EQ(ranked.back(), "Indigo shawl") << word;
  }
  EXPECT_EQ(names("q=wool%20scarf").front(), "Wool scarf");
  EXPECT_EQ(names("q=silk%20scarf").front(), "Silk scarves, set of two");
}

TEST_P(ForgivingSearch, CategoryFiltersAndPriceSortsStayExact) {
  EXPECT_THAT(names("q=scarf&sort=price_asc"),
              ElementsAre("Wool scarf", "Indigo shawl", "Silk scarves, set of two"));
  EXPECT_THAT(names("q=scarves&sort=price_desc"),
              ElementsAre("Silk scarves, set of two", "Indigo shawl", "Wool scarf"));
  EXPECT_THAT(names("q=scarves&category=clothing&sort=price_asc"),
              ElementsAre("Wool scarf", "Silk scarves, set of two"));
  EXPECT_THAT(names("q=scarf&category=accessories"), ElementsAre("Indigo shawl"));
  EXPECT_THAT(names("q=knife&category=kitchen&max_price=3000"), ElementsAre("Bread knife"));
  const auto none = search("q=scarf&category=kitchen");
  EXPECT_EQ(none.at("total").as_int64(), 0);
  EXPECT_FALSE(none.contains("did_you_mean"));  // the word is right; the filter left nothing
}

TEST_P(ForgivingSearch, ATypoOffersTheClosestSpellingThatFindsSomething) {
  const auto page = search("q=scraf");
  EXPECT_EQ(page.at("total").as_int64(), 0);
  EXPECT_EQ(page.at("did_you_mean").as_string(), "scarf");
  EXPECT_EQ(name_set("q=" + did_you_mean("q=scraf")).size(), 3u);
  EXPECT_EQ(did_you_mean("q=Scarff"), "scarf");
  EXPECT_EQ(did_you_mean("q=kinfe"), "knife");
  EXPECT_EQ(did_you_mean("q=wool%20scraf"), "wool scarf");
  EXPECT_EQ(did_you_mean("q=cactsu&category=plants"), "cactus");
  // Under the same filters, or not at all.
  EXPECT_EQ(did_you_mean("q=cactsu&category=kitchen"), "");
  EXPECT_EQ(did_you_mean("q=silk%20kinfe"), "");  // "silk knife" finds nothing either
  // Nothing close, or nothing wrong.
  EXPECT_EQ(did_you_mean("q=unicorn"), "");
  EXPECT_EQ(did_you_mean("q=zq"), "");
  EXPECT_FALSE(search("q=scarf").contains("did_you_mean"));
  EXPECT_FALSE(search("q=sca").contains("did_you_mean"));
}

TEST_P(ForgivingSearch, SuggestionsFollowNamesAndNeverRevealDrafts) {
  auto scarf = search("q=wool").at("items").at(0).as_object();
  EXPECT_EQ(patch_json(product_url(scarf), {{"name", "Wool muffler"}}, weaver.access_token).status,
            200);
  EXPECT_EQ(did_you_mean("q=mufler"), "muffler");
  create_product(weaver.access_token,
                 {{"name", "Zebra lamp"}, {"category", "home"}, {"status", "draft"}});
  EXPECT_EQ(did_you_mean("q=zebar"), "");
  EXPECT_EQ(search("q=zebar").at("total").as_int64(), 0);
}

// Products with the same new words, written at once, all land and all
// offer the word (PostgreSQL adds each word once, in order, under the race).
TEST_P(ForgivingSearch, ConcurrentProductsWithTheSameNewWords) {
  constexpr int kWriters = 6;
  std::latch start(kWriters);
  std::vector<std::future<int>> answers;
  for (int n = 0; n < kWriters; ++n)
    answers.push_back(std::async(std::launch::async, [&] {
      start.arrive_and_wait();
      return client()
          .post_json("/api/products",
                     {{"name", "Quokka plush"}, {"category", "toys"}, {"price_cents", 900}},
                     weaver.access_token)
          .status;
    }));
  for (auto& answer : answers) EXPECT_EQ(answer.get(), 201);
  EXPECT_EQ(search("q=quokka").at("total").as_int64(), kWriters);
  EXPECT_EQ(did_you_mean("q=qoukka"), "quokka");
}

}  // namespace
}  // namespace ps::testing

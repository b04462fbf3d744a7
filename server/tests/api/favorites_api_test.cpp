// Favorites: the products a signed-in person saves to come back to. Each
// person reaches only their own; a double tap saves once; a product that can
// no longer be bought stays listed as unavailable; a person keeps at most
// kMaxFavoritesPerUser, also when saves race.

#include "api/checkout_test.h"
#include "catalog/service.h"
#include "favorites/model.h"
#include "support/race.h"

namespace ps::testing {
namespace {

using boost::beast::http::verb;

class FavoritesApi : public CheckoutTest {
 protected:
  static std::string path_of(std::int64_t product) {
    return "/api/me/favorites/" + std::to_string(product);
  }

  HttpResult save(const Account& who, std::int64_t product) {
    return client().request(verb::put, path_of(product), "",
                            {{"Authorization", "Bearer " + who.access_token}});
  }

  HttpResult remove(const Account& who, std::int64_t product) {
    return del(path_of(product), who.access_token);
  }

  boost::json::object favorites(const Account& who, const std::string& query = "") {
    const auto result = client().get("/api/me/favorites" + query, who.access_token);
    EXPECT_EQ(result.status, 200) << result.body;
    return result.json().as_object();
  }

  std::vector<std::int64_t> saved_ids(const Account& who) {
    const auto result = client().get("/api/me/favorites/ids", who.access_token);
    EXPECT_EQ(result.status, 200) << result.body;
    const auto json = result.json();
    std::vector<std::int64_t> ids;
    for (const auto& id : json.at("product_ids").as_array()) ids.push_back(id.as_int64());
    return ids;
  }

  long long rows(const Account& who) {
    return sql_number("SELECT COUNT(*) FROM favorites WHERE user_id = " + std::to_string(who.id));
  }

  // Saves `count` fresh products for `who` straight into the table, as if
  // saved one by one: a person near the limit.
  void save_many(const Account& who, long long count) {
    add_numbered_products({.shop_slug = "clay-studio",
                           .name = "Bowl",
                           .category = "'home'",
                           .price_cents = "1000",
                           .created_at = "n.i"},
                          count);
    server().app().database().transaction([&](db::Connection& sql) {
      sql.session() << "INSERT INTO favorites (user_id, product_id, created_at) "
                       "SELECT "
                    << who.id << ", id, id FROM products WHERE name LIKE 'Bowl %'";
    });
  }

  HttpResult edit_mug(const boost::json::object& fields) {
    return patch_json(product_url({{"id", mug}}), fields, clay.access_token);
  }

  long long news_jobs() {
    return sql_number("SELECT COUNT(*) FROM jobs WHERE kind = 'product_news'");
  }

  // Runs the jobs due once the news has waited its while, the mails too.
  void run_jobs_after_the_delay() {
    server().app().jobs().run_due(now_millis() + catalog::kProductNewsDelay + 1000);
  }
};
POCKETSHOP_API_TEST(FavoritesApi);

TEST_P(FavoritesApi, EachPersonSavesListsAndRemovesOnlyTheirOwn) {
  const auto first = save(buyer, mug);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json().at("product_id").as_int64(), mug);
  ASSERT_EQ(save(buyer, card).status, 200);
  // Saving again keeps the first time.
  const auto again = save(buyer, mug);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json().at("saved_at"), first.json().at("saved_at"));

  const auto page = favorites(buyer);
  EXPECT_EQ(page.at("total").as_int64(), 2);
  const auto& items = page.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("product_id").as_int64(), card);  // newest first
  EXPECT_EQ(items[1].at("product").at("name").as_string(), "Mug");
  EXPECT_EQ(items[1].at("product").at("shop").at("name").as_string(), "Clay Studio");
  EXPECT_TRUE(items[1].at("available").as_bool());
  EXPECT_EQ(saved_ids(buyer), (std::vector<std::int64_t>{card, mug}));

  // Another person sees none of them, and removing theirs changes nothing here.
  EXPECT_EQ(favorites(clay).at("total").as_int64(), 0);
  EXPECT_TRUE(saved_ids(clay).empty());
  EXPECT_EQ(remove(clay, mug).status, 204);
  EXPECT_EQ(rows(buyer), 2);

  EXPECT_EQ(remove(buyer, mug).status, 204);
  EXPECT_EQ(remove(buyer, mug).status, 204);  // gone already: still 204
  EXPECT_EQ(saved_ids(buyer), (std::vector<std::int64_t>{card}));

  // A second page.
  const auto second = favorites(buyer, "?limit=1&page=2");
  EXPECT_EQ(second.at("pages").as_int64(), 1);
  EXPECT_TRUE(second.at("items").as_array().empty());
}

TEST_P(FavoritesApi, OnlySignedInPeopleAndOnlyProductsTheyMaySee) {
  expect_problem(client().get("/api/me/favorites"), 401, "unauthorized");
  expect_problem(client().get("/api/me/favorites/ids"), 401, "unauthorized");
  expect_problem(save(Account{}, mug), 401, "unauthorized");
  expect_problem(remove(Account{}, mug), 401, "unauthorized");

  expect_problem(save(buyer, 999999), 404, "not-found");
  expect_problem(client().request(verb::put, "/api/me/favorites/mug", "",
                                  {{"Authorization", "Bearer " + buyer.access_token}}),
                 404, "not-found");
  expect_problem(client().get("/api/me/favorites?limit=500", buyer.access_token), 422,
                 "validation");

  // A draft is seen by its shop only; an archived product by no one.
  ASSERT_EQ(patch_json(product_url({{"id", mug}}), {{"status", "draft"}}, clay.access_token).status,
            200);
  expect_problem(save(buyer, mug), 404, "not-found");
  EXPECT_EQ(save(clay, mug).status, 200);
  ASSERT_EQ(remove(clay, mug).status, 204);
  ASSERT_EQ(del(product_url({{"id", card}}), paper.access_token).status, 204);
  expect_problem(save(buyer, card), 404, "not-found");
  EXPECT_EQ(rows(buyer), 0);
}

TEST_P(FavoritesApi, AProductThatCanNoLongerBeBoughtStaysListedAsUnavailable) {
  ASSERT_EQ(save(buyer, mug).status, 200);
  ASSERT_EQ(save(buyer, card).status, 200);
  ASSERT_EQ(patch_json(product_url({{"id", mug}}), {{"status", "draft"}}, clay.access_token).status,
            200);
  ASSERT_EQ(del(product_url({{"id", card}}), paper.access_token).status, 204);

  const auto page = favorites(buyer);
  ASSERT_EQ(page.at("items").as_array().size(), 2u);
  for (const auto& item : page.at("items").as_array()) {
    EXPECT_FALSE(item.at("available").as_bool()) << item;
  }
  EXPECT_EQ(page.at("items").at(0).at("product").at("status").as_string(), "archived");
  EXPECT_EQ(saved_ids(buyer).size(), 2u);
  EXPECT_EQ(remove(buyer, card).status, 204);  // removable all the same

  // Back on sale, available again.
  ASSERT_EQ(
      patch_json(product_url({{"id", mug}}), {{"status", "active"}}, clay.access_token).status,
      200);
  EXPECT_TRUE(favorites(buyer).at("items").at(0).at("available").as_bool());
}

TEST_P(FavoritesApi, APersonKeepsAtMostTheLimit) {
  save_many(buyer, favorites::kMaxFavoritesPerUser);
  ASSERT_EQ(rows(buyer), favorites::kMaxFavoritesPerUser);
  const auto full = save(buyer, mug);
  expect_problem(full, 409, "favorites-full");
  EXPECT_NE(std::string(full.json().at("detail").as_string()).find("500"), std::string::npos);

  // One saved already is still answered as saved; after a removal there is room.
  const auto kept = saved_ids(buyer).front();
  EXPECT_EQ(save(buyer, kept).status, 200);
  ASSERT_EQ(remove(buyer, kept).status, 204);
  EXPECT_EQ(save(buyer, mug).status, 200);
  EXPECT_EQ(rows(buyer), favorites::kMaxFavoritesPerUser);
  EXPECT_EQ(favorites(buyer, "?limit=60").at("pages").as_int64(), 9);
}

TEST_P(FavoritesApi, ConcurrentIdenticalSavesLeaveOneFavorite) {
  std::vector<std::string> saved_at(kRacers);
  const auto seen = race([&](int n) {
    auto result = save(buyer, mug);
    if (result.status == 200) saved_at[n] = result.json().at("saved_at").as_string();
    return result;
  });
  EXPECT_EQ(seen, (std::map<std::string, int>{{"200", kRacers}}));
  EXPECT_EQ(rows(buyer), 1);
  for (const auto& at : saved_at) EXPECT_EQ(at, saved_at.front());  // all the one favorite's
}

TEST_P(FavoritesApi, ConcurrentIdenticalRemovalsAllSucceed) {
  ASSERT_EQ(save(buyer, mug).status, 200);
  EXPECT_EQ(race([&](int) { return remove(buyer, mug); }),
            (std::map<std::string, int>{{"204", kRacers}}));
  EXPECT_EQ(rows(buyer), 0);
}

// One short of the limit, saves of different products at once: one fits,
// the others are refused, and the limit holds (on PostgreSQL too, where
// they would otherwise each count the same 499).
TEST_P(FavoritesApi, SavesRacingForTheLastPlaceLetOneIn) {
  save_many(buyer, favorites::kMaxFavoritesPerUser - 1);
  std::vector<std::int64_t> products;
  for (int n = 0; n < kRacers; ++n)
    products.push_back(
        add_product(clay, "Vase " + std::to_string(n), "home", 3000).at("id").as_int64());
  EXPECT_EQ(
      race([&](int n) { return save(buyer, products[n]); }),
      (std::map<std::string, int>{{"200", 1}, {"409 /problems/favorites-full", kRacers - 1}}));
  EXPECT_EQ(rows(buyer), favorites::kMaxFavoritesPerUser);
}

// A vendor sees how many people saved each product of their shop, and no more.
TEST_P(FavoritesApi, AVendorSeesHowManyPeopleSavedEachProduct) {
  const auto other = sign_up("other@example.com");
  for (const Account& who : {buyer, other}) ASSERT_EQ(save(who, mug).status, 200);
  ASSERT_EQ(save(buyer, card).status, 200);
  const auto counts_of = [&](const Account& vendor) {
    const auto result = client().get("/api/my/favorite-counts", vendor.access_token);
    EXPECT_EQ(result.status, 200) << result.body;
    return result.json().at("items");
  };
  EXPECT_EQ(counts_of(clay),
            boost::json::parse(R"([{"product_id":)" + std::to_string(mug) + R"(,"people":2}])"));
  EXPECT_EQ(counts_of(paper),
            boost::json::parse(R"([{"product_id":)" + std::to_string(card) + R"(,"people":1}])"));
  expect_problem(client().get("/api/my/favorite-counts", buyer.access_token), 403, "forbidden");
  expect_problem(client().get("/api/my/favorite-counts"), 401, "unauthorized");
}

TEST_P(FavoritesApi, TheExportListsThemAndDeletingTheAccountErasesThem) {
  ASSERT_EQ(save(buyer, mug).status, 200);
  const auto exported = client().get("/api/me/export", buyer.access_token);
  ASSERT_EQ(exported.status, 200) << exported.body;
  const auto json = exported.json();
  const auto& listed = json.at("favorites").as_array();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].at("product").as_string(), "Mug");

  const auto deleted = client().request(
      verb::delete_, "/api/me", R"({"password":"password123"})",
      {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + buyer.access_token}});
  ASSERT_EQ(deleted.status, 204) << deleted.body;
  EXPECT_EQ(rows(buyer), 0);
}

TEST_P(FavoritesApi, PeopleWhoSavedAProductHearWhenItCostsLessOrIsBackInStock) {
  const auto quiet = sign_up("quiet@example.com");
  const auto passerby = sign_up("passerby@example.com");
  for (const Account& who : {buyer, quiet, clay}) ASSERT_EQ(save(who, mug).status, 200);
  ASSERT_EQ(client()
                .request(verb::put, "/api/me/notification-preferences", R"({"favorites":false})",
                         {{"Content-Type", "application/json"},
                          {"Authorization", "Bearer " + quiet.access_token}})
                .status,
            200);

  // 4 % off is not news; 20 % off is, once it has held for the delay.
  ASSERT_EQ(edit_mug({{"price_cents", 2400}}).status, 200);
  EXPECT_EQ(news_jobs(), 0);
  ASSERT_EQ(edit_mug({{"price_cents", 2000}}).status, 200);
  EXPECT_EQ(news_jobs(), 1);
  server().app().jobs().run_due();
  EXPECT_TRUE(notifications_of(buyer, "favorite_price_drop").empty());  // not yet
  run_jobs_after_the_delay();

  const auto drop = notifications_of(buyer, "favorite_price_drop");
  ASSERT_EQ(drop.size(), 1u);
  EXPECT_EQ(drop[0].at("title").as_string(), "Price drop: Mug");
  EXPECT_EQ(drop[0].at("body").as_string(), "Now $20.00 (was $24.00) at Clay Studio.");
  EXPECT_EQ(drop[0].at("link").as_string(), "/products/" + std::to_string(mug));
  const auto mails = mails_to("buyer@example.com");
  ASSERT_FALSE(mails.empty());
  EXPECT_EQ(mails.back().subject, "Mug is now $20.00");
  EXPECT_NE(mails.back().text_body.find("down from $24.00"), std::string::npos);

  // The one who turned the topic off has the bell only; the shop and
  // someone who never saved it, nothing.
  EXPECT_EQ(notifications_of(quiet, "favorite_price_drop").size(), 1u);
  EXPECT_TRUE(mails_to("quiet@example.com").size() == 1u);  // the welcome mail only
  EXPECT_TRUE(notifications_of(clay, "favorite_price_drop").empty());
  EXPECT_TRUE(notifications_of(passerby, "favorite_price_drop").empty());

  // Sold out, then back in stock.
  ASSERT_EQ(edit_mug({{"inventory", 0}}).status, 200);
  ASSERT_EQ(edit_mug({{"inventory", 4}}).status, 200);
  run_jobs_after_the_delay();
  const auto back = notifications_of(buyer, "favorite_back_in_stock");
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].at("title").as_string(), "Back in stock: Mug");
  EXPECT_EQ(mails_to("buyer@example.com").back().subject, "Mug is back in stock");

  // One of each a day: another drop the same day tells no one again.
  ASSERT_EQ(edit_mug({{"price_cents", 1000}}).status, 200);
  run_jobs_after_the_delay();
  EXPECT_EQ(notifications_of(buyer, "favorite_price_drop").size(), 1u);
}

// Stock can come back without an edit: a cancelled order returns its units.
TEST_P(FavoritesApi, ACancelledOrderThatBringsAProductBackInStockTellsThem) {
  const auto other = sign_up("other@example.com");
  ASSERT_EQ(save(buyer, mug).status, 200);
  fill_cart(other, mug, 3);  // every mug there is
  const auto placed = checkout(other, checkout_body(kApproves));
  ASSERT_EQ(placed.status, 201) << placed.body;
  const auto order = placed.json().at("orders").at(0).at("id").as_int64();
  ASSERT_EQ(act(other, order, "cancel").status, 200);
  EXPECT_EQ(news_jobs(), 1);
  run_jobs_after_the_delay();
  ASSERT_EQ(notifications_of(buyer, "favorite_back_in_stock").size(), 1u);
  EXPECT_TRUE(notifications_of(other, "favorite_back_in_stock").empty());
}

TEST_P(FavoritesApi, NewsThatNoLongerHoldsWhenItsTimeComesTellsNoOne) {
  ASSERT_EQ(save(buyer, mug).status, 200);
  ASSERT_EQ(save(buyer, card).status, 200);
  // A price cut undone at once, and a cut to a product archived meanwhile.
  ASSERT_EQ(edit_mug({{"price_cents", 1500}}).status, 200);
  ASSERT_EQ(edit_mug({{"price_cents", 2500}}).status, 200);
  ASSERT_EQ(
      patch_json(product_url({{"id", card}}), {{"price_cents", 100}}, paper.access_token).status,
      200);
  ASSERT_EQ(del(product_url({{"id", card}}), paper.access_token).status, 204);
  EXPECT_EQ(news_jobs(), 2);
  run_jobs_after_the_delay();
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM jobs WHERE kind = 'product_news' AND status = 'done'"),
            2);
  EXPECT_TRUE(notifications_of(buyer, "favorite_price_drop").empty());
}

TEST_P(FavoritesApi, IdenticalPriceCutsAtOnceMakeOneNews) {
  ASSERT_EQ(save(buyer, mug).status, 200);
  EXPECT_EQ(race([&](int) {
              return edit_mug({{"price_cents", 2000}});
            }),
            (std::map<std::string, int>{{"200", kRacers}}));
  EXPECT_EQ(news_jobs(), 1);
  run_jobs_after_the_delay();
  EXPECT_EQ(notifications_of(buyer, "favorite_price_drop").size(), 1u);
}

}  // namespace
}  // namespace ps::testing

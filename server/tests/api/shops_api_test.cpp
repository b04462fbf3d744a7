#include "support/marketplace.h"
#include "support/race.h"

#include <future>
#include <latch>

namespace ps::testing {
namespace {

class ShopsApi : public MarketplaceTest {};
POCKETSHOP_API_TEST(ShopsApi);

TEST_P(ShopsApi, VendorCreatesAShopWithADerivedSlug) {
  const auto vendor = sign_up("ada@example.com", "vendor");
  const auto result = client().post_json("/api/shops",
                                         {{"name", "Ada's Pottery!"},
                                          {"description", "Mugs and bowls"},
                                          {"accent_color", "#AA3311"},
                                          {"shipping_policy", "Ships in 3 days"},
                                          {"returns_policy", "30 days"}},
                                         vendor.access_token);
  ASSERT_EQ(result.status, 201) << result.body;
  const auto shop = result.json().as_object();
  EXPECT_EQ(shop.at("slug").as_string(), "adas-pottery");
  EXPECT_EQ(shop.at("accent_color").as_string(), "#aa3311");
  EXPECT_EQ(shop.at("product_count").as_int64(), 0);
  EXPECT_TRUE(shop.at("logo").is_null());
  EXPECT_EQ(result.header("location"), "/api/shops/adas-pottery");

  const auto fetched = client().get("/api/shops/adas-pottery");
  ASSERT_EQ(fetched.status, 200);
  EXPECT_EQ(fetched.json().at("shipping_policy").as_string(), "Ships in 3 days");
  EXPECT_EQ(fetched.json().at("products").at("total").as_int64(), 0);

  const auto mine = client().get("/api/my/shop", vendor.access_token);
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.json().at("slug").as_string(), "adas-pottery");
}

TEST_P(ShopsApi, OneShopPerVendor) {
  const auto vendor = vendor_with_shop("one@example.com", "First");
  expect_problem(client().post_json("/api/shops", {{"name", "Second"}}, vendor.access_token), 409,
                 "shop-exists");
}

TEST_P(ShopsApi, SameNameGetsANumberedSlugButAChosenSlugMustBeFree) {
  vendor_with_shop("a@example.com", "Green Things");
  const auto second = sign_up("b@example.com", "vendor");
  const auto shop = create_shop(second.access_token, "Green Things");
  EXPECT_EQ(shop.at("slug").as_string(), "green-things-2");
  const auto third = sign_up("c@example.com", "vendor");
  expect_problem(client().post_json("/api/shops", {{"name", "Other"}, {"slug", "green-things"}},
                                    third.access_token),
                 409, "shop-slug-taken");
}

TEST_P(ShopsApi, InvalidFieldsAre422) {
  const auto vendor = sign_up("v@example.com", "vendor");
  const auto result = client().post_json(
      "/api/shops", {{"slug", "Not A Slug"}, {"accent_color", "red"}, {"logo_image_id", "x"}},
      vendor.access_token);
  expect_problem(result, 422, "validation");
  const auto errors = result.json().at("errors").as_object();
  EXPECT_EQ(errors.at("name").at(0).as_string(), "is required");
  EXPECT_TRUE(errors.contains("slug"));
  EXPECT_TRUE(errors.contains("accent_color"));
  EXPECT_TRUE(errors.contains("logo_image_id"));
  expect_problem(client().request(boost::beast::http::verb::post, "/api/shops", "{",
                                  {{"Content-Type", "application/json"},
                                   {"Authorization", "Bearer " + vendor.access_token}}),
                 400, "bad-request");
}

TEST_P(ShopsApi, ASlugTakenByAnotherShopIsAConflictOnEdit) {
  vendor_with_shop("first@example.com", "First");
  const auto second = vendor_with_shop("second@example.com", "Second");
  expect_problem(patch_json("/api/shops/second", {{"slug", "first"}, {"name", "Renamed"}},
                            second.access_token),
                 409, "shop-slug-taken");
  EXPECT_EQ(client().get("/api/shops/second").json().at("name").as_string(), "Second");
  EXPECT_EQ(client().get("/api/shops/first").json().at("name").as_string(), "First");
}

TEST_P(ShopsApi, OnlyVendorsCreateShops) {
  const auto buyer = sign_up("buyer@example.com", "buyer");
  expect_problem(client().post_json("/api/shops", {{"name", "Nope"}}, buyer.access_token), 403,
                 "forbidden");
  expect_problem(client().post_json("/api/shops", {{"name", "Nope"}}), 401, "unauthorized");
  expect_problem(client().get("/api/my/shop", buyer.access_token), 403, "forbidden");
  const auto vendor = sign_up("noshop@example.com", "vendor");
  expect_problem(client().get("/api/my/shop", vendor.access_token), 404, "not-found");
}

TEST_P(ShopsApi, OwnerEditsTheShopIncludingItsSlug) {
  const auto vendor = vendor_with_shop("edit@example.com", "Before");
  const auto result = patch_json(
      "/api/shops/before", {{"name", "After"}, {"slug", "after"}, {"accent_color", "#00ff00"}},
      vendor.access_token);
  ASSERT_EQ(result.status, 200) << result.body;
  EXPECT_EQ(result.json().at("name").as_string(), "After");
  EXPECT_EQ(client().get("/api/shops/after").status, 200);
  expect_problem(client().get("/api/shops/before"), 404, "not-found");
}

// Two tabs saving different fields at once: each edit writes the whole shop
// back, so neither may start from what the other is about to change.
TEST_P(ShopsApi, ConcurrentEditsOfDifferentFieldsAreAllKept) {
  const auto vendor = vendor_with_shop("two-tabs@example.com", "Two Tabs");
  for (int round = 0; round < 3; ++round) {
    const std::string tag = std::to_string(round);
    const auto seen = race([&](int n) {
      boost::json::object change;
      if (n == 0)
        change["description"] = "Description " + tag;
      else if (n == 1)
        change["returns_policy"] = "Returns " + tag;
      else if (n == 2)
        change["shipping_policy"] = "Shipping " + tag;
      else
        change["accent_color"] = n % 2 ? "#112233" : "#445566";
      return patch_json("/api/shops/two-tabs", change, vendor.access_token);
    });
    EXPECT_EQ(seen, (std::map<std::string, int>{{"200", kRacers}}));
    const auto shop = client().get("/api/shops/two-tabs").json();
    EXPECT_EQ(shop.at("description").as_string(), "Description " + tag);
    EXPECT_EQ(shop.at("returns_policy").as_string(), "Returns " + tag);
    EXPECT_EQ(shop.at("shipping_policy").as_string(), "Shipping " + tag);
  }
}

TEST_P(ShopsApi, AnotherVendorCannotTouchTheShop) {
  const auto owner = vendor_with_shop("owner@example.com", "Mine");
  const auto other = vendor_with_shop("other@example.com", "Theirs");
  expect_problem(patch_json("/api/shops/mine", {{"name", "Stolen"}}, other.access_token), 403,
                 "forbidden");
  const auto buyer = sign_up("buyer@example.com");
  expect_problem(patch_json("/api/shops/mine", {{"name", "Stolen"}}, buyer.access_token), 403,
                 "forbidden");
  EXPECT_EQ(client().get("/api/shops/mine").json().at("name").as_string(), "Mine");
  expect_problem(patch_json("/api/shops/nowhere", {{"name", "Xavier"}}, owner.access_token), 404,
                 "not-found");
}

TEST_P(ShopsApi, MassAssignmentChangesNothing) {
  const auto owner = vendor_with_shop("owner@example.com", "Mine");
  const auto other = sign_up("other@example.com", "vendor");
  const auto result = patch_json(
      "/api/shops/mine",
      {{"owner_id", other.id}, {"id", 999}, {"product_count", 50}, {"created_at", "1999-01-01"}},
      owner.access_token);
  ASSERT_EQ(result.status, 200) << result.body;
  EXPECT_EQ(result.json().at("product_count").as_int64(), 0);
  EXPECT_NE(result.json().at("id").as_int64(), 999);
  EXPECT_EQ(client().get("/api/my/shop", owner.access_token).status, 200);
  expect_problem(client().get("/api/my/shop", other.access_token), 404, "not-found");
}

TEST_P(ShopsApi, MassAssignmentOnCreateIsIgnored) {
  const auto caller = sign_up("caller@example.com", "vendor");
  const auto other = sign_up("other@example.com", "vendor");
  const auto result = client().post_json("/api/shops",
                                         {{"name", "Mine"},
                                          {"owner_id", other.id},
                                          {"id", 4242},
                                          {"product_count", 50},
                                          {"created_at", "1999-01-01T00:00:00Z"}},
                                         caller.access_token);
  ASSERT_EQ(result.status, 201) << result.body;
  const auto shop = result.json().as_object();
  EXPECT_NE(shop.at("id").as_int64(), 4242);
  EXPECT_EQ(shop.at("product_count").as_int64(), 0);
  EXPECT_NE(shop.at("created_at").as_string(), "1999-01-01T00:00:00Z");
  EXPECT_EQ(shop.at("created_at"), shop.at("updated_at"));

  // The shop is the caller's: theirs to see and edit, not the other vendor's.
  const auto mine = client().get("/api/my/shop", caller.access_token);
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.json().at("id"), shop.at("id"));
  expect_problem(client().get("/api/my/shop", other.access_token), 404, "not-found");
  expect_problem(patch_json("/api/shops/mine", {{"name", "Taken"}}, other.access_token), 403,
                 "forbidden");
  EXPECT_EQ(patch_json("/api/shops/mine", {{"name", "Still mine"}}, caller.access_token).status,
            200);
  EXPECT_EQ(client().get("/api/shops/mine").json().at("product_count").as_int64(), 0);
}

TEST_P(ShopsApi, LogoAndCoverAreTheVendorsOwnImages) {
  const auto owner = vendor_with_shop("owner@example.com", "Branded");
  const auto other = sign_up("other@example.com", "vendor");
  const auto logo = upload_image(owner.access_token, 300, 300);
  const auto cover = upload_image(owner.access_token, 1200, 400);
  const auto foreign = upload_image(other.access_token);

  const auto result =
      patch_json("/api/shops/branded", {{"logo_image_id", logo}, {"cover_image_id", cover}},
                 owner.access_token);
  ASSERT_EQ(result.status, 200) << result.body;
  EXPECT_EQ(result.json().at("logo").at("id").as_int64(), logo);
  EXPECT_EQ(result.json().at("cover").at("id").as_int64(), cover);
  const std::string url(result.json().at("cover").at("urls").at("medium").as_string());
  EXPECT_EQ(client().get(url).status, 200);

  expect_problem(patch_json("/api/shops/branded", {{"logo_image_id", foreign}}, owner.access_token),
                 403, "forbidden");
  expect_problem(patch_json("/api/shops/branded", {{"logo_image_id", 987654}}, owner.access_token),
                 404, "not-found");
  EXPECT_EQ(client().get("/api/shops/branded").json().at("logo").at("id").as_int64(), logo);

  const auto removed =
      patch_json("/api/shops/branded", {{"logo_image_id", nullptr}}, owner.access_token);
  ASSERT_EQ(removed.status, 200);
  EXPECT_TRUE(removed.json().at("logo").is_null());
  EXPECT_FALSE(removed.json().at("cover").is_null());
}

TEST_P(ShopsApi, ListIsPaginatedSearchableAndSortable) {
  const auto a = vendor_with_shop("a@example.com", "Alpha Ceramics");
  const auto b = vendor_with_shop("b@example.com", "Beta Prints");
  const auto c = vendor_with_shop("c@example.com", "Gamma Ceramics");
  create_product(b.access_token, {{"name", "Print one"}});
  create_product(b.access_token, {{"name", "Print two"}});
  create_product(c.access_token, {{"name", "Vase"}});

  const auto first = client().get("/api/shops?limit=2");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json().at("total").as_int64(), 3);
  EXPECT_EQ(first.json().at("pages").as_int64(), 2);
  EXPECT_EQ(first.json().at("items").as_array().size(), 2u);
  EXPECT_EQ(first.json().at("items").at(0).at("name").as_string(), "Gamma Ceramics");  // newest
  EXPECT_EQ(client().get("/api/shops?limit=2&page=2").json().at("items").as_array().size(), 1u);

  const auto ceramics = client().get("/api/shops?q=CERAMICS");
  EXPECT_EQ(ceramics.json().at("total").as_int64(), 2);

  const auto by_products = client().get("/api/shops?sort=products");
  EXPECT_EQ(by_products.json().at("items").at(0).at("slug").as_string(), "beta-prints");
  EXPECT_EQ(by_products.json().at("items").at(0).at("product_count").as_int64(), 2);

  const auto like_chars = client().get("/api/shops?q=%25");
  EXPECT_EQ(like_chars.json().at("total").as_int64(), 0);

  expect_problem(client().get("/api/shops?page=0"), 422, "validation");
  expect_problem(client().get("/api/shops?limit=1000"), 422, "validation");
  expect_problem(client().get("/api/shops?sort=bogus"), 422, "validation");
  expect_problem(client().get("/api/shops?page=abc"), 422, "validation");
}

// The directory's total is kept by triggers (migration 027): shops opened at
// the same moment are each counted once, as a name filter's count (which
// still counts rows) finds them.
TEST_P(ShopsApi, TheDirectoryCountsEveryShopOpenedAtOnce) {
  constexpr int kShops = 8;
  std::vector<Account> vendors;
  for (int i = 0; i < kShops; ++i)
    vendors.push_back(sign_up("opening" + std::to_string(i) + "@example.com", "vendor"));
  std::latch start(kShops);
  std::vector<std::future<HttpResult>> opened;
  for (int i = 0; i < kShops; ++i)
    opened.push_back(std::async(std::launch::async, [&, i] {
      start.arrive_and_wait();
      return client().post_json("/api/shops", {{"name", "Opening Day " + std::to_string(i)}},
                                vendors[i].access_token);
    }));
  for (auto& shop : opened) {
    const auto result = shop.get();
    EXPECT_EQ(result.status, 201) << result.body;
  }
  EXPECT_EQ(client().get("/api/shops").json().at("total").as_int64(), kShops);
  EXPECT_EQ(client().get("/api/shops?q=opening").json().at("total").as_int64(), kShops);
  vendor_with_shop("late@example.com", "Late Opener");
  EXPECT_EQ(client().get("/api/shops?limit=1").json().at("total").as_int64(), kShops + 1);
  EXPECT_EQ(client().get("/api/shops?q=opening").json().at("total").as_int64(), kShops);
}

// product_count is kept by triggers on every product write (migration 008):
// it must follow publishing, unpublishing and archiving, and never count a
// draft or another shop's products.
TEST_P(ShopsApi, ProductCountFollowsEachListingChange) {
  const auto a = vendor_with_shop("count-a@example.com", "Counted A");
  const auto b = vendor_with_shop("count-b@example.com", "Counted B");
  const auto count_of = [&](const std::string& slug) {
    const auto shop = client().get("/api/shops/" + slug);
    EXPECT_EQ(shop.status, 200) << shop.body;
    return shop.json().at("product_count").as_int64();
  };
  const auto first_by_products = [&] {
    return std::string(
        client().get("/api/shops?sort=products").json().at("items").at(0).at("slug").as_string());
  };

  const auto one = create_product(a.access_token, {{"name", "One"}});
  const auto two = create_product(a.access_token, {{"name", "Two"}});
  const auto draft = create_product(a.access_token, {{"name", "Draft"}, {"status", "draft"}});
  create_product(b.access_token, {{"name", "Other"}});
  EXPECT_EQ(count_of("counted-a"), 2);
  EXPECT_EQ(count_of("counted-b"), 1);
  EXPECT_EQ(first_by_products(), "counted-a");

  const auto publish = [&](const boost::json::object& product, const char* status) {
    const auto target = "/api/products/" + std::to_string(product.at("id").as_int64());
    const auto result = patch_json(target, {{"status", status}}, a.access_token);
    ASSERT_EQ(result.status, 200) << result.body;
  };
  publish(draft, "active");
  EXPECT_EQ(count_of("counted-a"), 3);
  publish(one, "draft");
  publish(one, "draft");  // unchanged: counted once
  EXPECT_EQ(count_of("counted-a"), 2);

  const auto archived =
      del("/api/products/" + std::to_string(two.at("id").as_int64()), a.access_token);
  ASSERT_EQ(archived.status, 204) << archived.body;
  EXPECT_EQ(count_of("counted-a"), 1);
  EXPECT_EQ(count_of("counted-b"), 1);
  // A tie on counts: the newer shop first.
  EXPECT_EQ(first_by_products(), "counted-b");
  const auto listed = client().get("/api/products?shop=counted-a");
  EXPECT_EQ(listed.json().at("total").as_int64(), count_of("counted-a"));
}

TEST_P(ShopsApi, ListShowsEachShopsNewestProducts) {
  const auto busy = vendor_with_shop("busy@example.com", "Busy Shop");
  vendor_with_shop("quiet@example.com", "Quiet Shop");
  const auto small = vendor_with_shop("small@example.com", "Small Shop");
  for (int i = 1; i <= 6; ++i)
    create_product(busy.access_token, {{"name", "Item " + std::to_string(i)}});
  create_product(busy.access_token, {{"name", "Hidden draft"}, {"status", "draft"}});
  create_product(small.access_token, {{"name", "Small one"}});
  create_product(small.access_token, {{"name", "Small two"}});
  const auto result = client().get("/api/shops?sort=products");
  ASSERT_EQ(result.status, 200) << result.body;
  const auto json = result.json();
  const auto& busy_json = json.at("items").at(0).as_object();
  ASSERT_EQ(busy_json.at("slug").as_string(), "busy-shop");
  const auto& previews = busy_json.at("products").as_array();
  ASSERT_EQ(previews.size(), 4u);
  EXPECT_EQ(previews[0].at("name").as_string(), "Item 6");  // newest first, drafts hidden
  EXPECT_EQ(previews[3].at("name").as_string(), "Item 3");
  const auto& small_json = json.at("items").at(1).as_object();
  ASSERT_EQ(small_json.at("slug").as_string(), "small-shop");
  const auto& small_previews = small_json.at("products").as_array();
  ASSERT_EQ(small_previews.size(), 2u);
  EXPECT_EQ(small_previews[0].at("name").as_string(), "Small two");
  EXPECT_EQ(small_previews[0].at("shop").at("slug").as_string(), "small-shop");
  EXPECT_TRUE(json.at("items").at(2).at("products").as_array().empty());
}

}  // namespace
}  // namespace ps::testing

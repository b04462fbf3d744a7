#include "db/query.h"
#include "support/checkout_request.h"
#include "support/marketplace.h"

#include <gmock/gmock.h>
#include <soci/soci.h>

#include <chrono>
#include <future>

namespace ps::testing {
namespace {

class CatalogApi : public MarketplaceTest {};
POCKETSHOP_API_TEST(CatalogApi);

TEST_P(CatalogApi, VendorListsAProductWithOrderedImages) {
  const auto vendor = vendor_with_shop("v@example.com", "Clay Studio");
  const auto front = upload_image(vendor.access_token);
  const auto side = upload_image(vendor.access_token);
  const auto result = client().post_json(
      "/api/products",
      {{"name", "Speckled mug"},
       {"description", "Wheel-thrown stoneware"},
       {"category", "kitchen"},
       {"price_cents", 3200},
       {"currency", "EUR"},
       {"inventory", 7},
       {"images", {{{"image_id", front}, {"alt_text", "Front"}}, {{"image_id", side}}}}},
      vendor.access_token);
  ASSERT_EQ(result.status, 201) << result.body;
  const auto product = result.json().as_object();
  EXPECT_EQ(product.at("shop").at("slug").as_string(), "clay-studio");
  EXPECT_EQ(product.at("price_cents").as_int64(), 3200);
  EXPECT_EQ(product.at("currency").as_string(), "EUR");
  EXPECT_EQ(product.at("status").as_string(), "active");
  EXPECT_TRUE(product.at("in_stock").as_bool());
  ASSERT_EQ(product.at("images").as_array().size(), 2u);
  EXPECT_EQ(product.at("images").at(0).at("id").as_int64(), front);
  EXPECT_EQ(product.at("images").at(0).at("alt_text").as_string(), "Front");
  EXPECT_EQ(product.at("image").at("id").as_int64(), front);

  const auto detail = client().get(product_url(product));
  ASSERT_EQ(detail.status, 200);
  EXPECT_EQ(detail.json().at("images").as_array().size(), 2u);
  EXPECT_EQ(detail.json().at("shop").at("name").as_string(), "Clay Studio");
}

// Lists (catalogue, shop page, the vendor's own list, the cart) carry a
// summary: the main image once, no gallery and no description.
TEST_P(CatalogApi, ListsShowSummariesAndTheDetailTheWholeProduct) {
  const auto vendor = vendor_with_shop("v@example.com", "Clay Studio");
  const auto front = upload_image(vendor.access_token);
  const auto side = upload_image(vendor.access_token);
  const auto created = create_product(vendor.access_token,
                                      {{"name", "Speckled mug"},
                                       {"description", "Wheel-thrown stoneware"},
                                       {"category", "kitchen"},
                                       {"price_cents", 3200},
                                       {"inventory", 7},
                                       {"images", {{{"image_id", front}}, {{"image_id", side}}}}});
  auto expect_summary = [&](const boost::json::value& item, const std::string& where) {
    const auto& product = item.as_object();
    EXPECT_EQ(product.at("id"), created.at("id")) << where;
    EXPECT_EQ(product.at("name").as_string(), "Speckled mug") << where;
    EXPECT_EQ(product.at("price_cents").as_int64(), 3200) << where;
    EXPECT_EQ(product.at("shop").at("slug").as_string(), "clay-studio") << where;
    EXPECT_EQ(product.at("image").at("id").as_int64(), front) << where;
    EXPECT_FALSE(product.contains("images")) << where;
    EXPECT_FALSE(product.contains("description")) << where;
  };
  expect_summary(client().get("/api/products").json().at("items").at(0), "catalogue");
  expect_summary(client().get("/api/products?q=speckled").json().at("items").at(0), "search");
  expect_summary(client().get("/api/shops/clay-studio").json().at("products").at("items").at(0),
                 "shop page");
  expect_summary(client().get("/api/shops").json().at("items").at(0).at("products").at(0),
                 "shop directory");
  expect_summary(client().get("/api/my/products", vendor.access_token).json().at("items").at(0),
                 "own list");

  const auto buyer = sign_up("b@example.com");
  ASSERT_EQ(client()
                .post_json("/api/cart/items", {{"product_id", created.at("id")}, {"quantity", 1}},
                           buyer.access_token)
                .status,
            200);
  expect_summary(client()
                     .get("/api/cart", buyer.access_token)
                     .json()
                     .at("shops")
                     .at(0)
                     .at("items")
                     .at(0)
                     .at("product"),
                 "cart");

  const auto detail = client().get(product_url(created)).json().as_object();
  EXPECT_EQ(detail.at("description").as_string(), "Wheel-thrown stoneware");
  ASSERT_EQ(detail.at("images").as_array().size(), 2u);
  EXPECT_EQ(detail.at("images").at(1).at("id").as_int64(), side);
  EXPECT_EQ(detail.at("image").at("id").as_int64(), front);
}

// A page of the whole catalogue is read in one joined statement, any other
// page by ids first: both list products without images and keep the sort's
// order.
TEST_P(CatalogApi, PagesKeepTheirOrderAndListProductsWithoutImages) {
  const auto vendor = vendor_with_shop("v@example.com", "Clay Studio");
  const auto image = upload_image(vendor.access_token);
  const long long prices[] = {1500, 900, 4200, 2600, 700};
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < std::size(prices); ++i) {
    boost::json::object input{{"name", "Bowl " + std::to_string(i)}, {"price_cents", prices[i]}};
    if (i % 2 == 0) input["images"] = {{{"image_id", image}}};
    ids.push_back(create_product(vendor.access_token, input).at("id").as_int64());
  }
  auto listed = [&](const std::string& query) {
    std::vector<std::pair<std::int64_t, bool>> items;  // id, has an image
    const auto page = client().get("/api/products?" + query).json();
    for (const auto& item : page.at("items").as_array())
      items.emplace_back(item.at("id").as_int64(), !item.at("image").is_null());
    return items;
  };
  using Items = std::vector<std::pair<std::int64_t, bool>>;
  EXPECT_EQ(
      listed("sort=newest"),
      (Items{{ids[4], true}, {ids[3], false}, {ids[2], true}, {ids[1], false}, {ids[0], true}}));
  EXPECT_EQ(listed("sort=price_asc&limit=2&page=2"), (Items{{ids[0], true}, {ids[3], false}}));
  EXPECT_EQ(listed("sort=price_desc&limit=3"),
            (Items{{ids[2], true}, {ids[3], false}, {ids[0], true}}));
  // The same pages through the ids (a shop's filter) and through a cursor.
  EXPECT_EQ(listed("sort=newest&shop=clay-studio"), listed("sort=newest"));
  EXPECT_EQ(listed("sort=price_desc&limit=3&shop=clay-studio"), listed("sort=price_desc&limit=3"));
  const auto first = client().get("/api/products?sort=price_asc&limit=2").json();
  EXPECT_EQ(listed("sort=price_asc&limit=2&after=" + std::string(first.at("next").as_string())),
            listed("sort=price_asc&limit=2&page=2"));
}

// insert_returning_id reads SQLite's last rowid instead of RETURNING: each id
// must be its own row's, also for an insert whose triggers insert elsewhere
// (a product's full-text row and category count).
TEST_P(CatalogApi, InsertsAnswerTheirOwnRowsId) {
  const auto vendor = vendor_with_shop("v@example.com", "Clay Studio");
  const auto shop_id =
      create_product(vendor.access_token, {{"name", "Bowl"}}).at("shop").at("id").as_int64();
  auto insert_and_read_back = [&](db::Connection& sql) {
    std::vector<long long> checkouts;
    for (const std::string name : {"Jug", "Vase"}) {
      const auto product =
          db::Query(
              "INSERT INTO products (shop_id, name, description, category, price_cents, "
              "currency, inventory, status, created_at, updated_at) VALUES (:shop, :name, '', "
              "'kitchen', 100, 'USD', 1, 'active', 1, 1)")
              .values(static_cast<long long>(shop_id), name)
              .insert_returning_id(sql);
      EXPECT_EQ(db::Query("SELECT name FROM products WHERE id = :id")
                    .values(product)
                    .single<std::string>(sql),
                name);
      const auto checkout =
          db::Query(
              "INSERT INTO checkouts (buyer_id, total_cents, currency, shipping_address, "
              "created_at) VALUES (:buyer, 100, 'USD', :name, 1)")
              .values(static_cast<long long>(vendor.id), name)
              .insert_returning_id(sql);
      EXPECT_EQ(db::Query("SELECT shipping_address FROM checkouts WHERE id = :id")
                    .values(checkout)
                    .single<std::string>(sql),
                name);
      checkouts.push_back(checkout);
    }
    EXPECT_LT(checkouts[0], checkouts[1]);
    // An insert that adds no row has no id to answer (SQLite's last rowid
    // would still be the previous insert's).
    auto cart_for_vendor = [&] {
      return db::Query(
                 "INSERT INTO carts (user_id, created_at, updated_at) VALUES (:user, 1, 1) "
                 "ON CONFLICT (user_id) DO NOTHING")
          .values(static_cast<long long>(vendor.id))
          .insert_returning_id(sql);
    };
    EXPECT_GT(cart_for_vendor(), 0);
    EXPECT_THROW(cart_for_vendor(), std::logic_error);
    throw std::runtime_error("roll back");  // leaves the database as it was
  };
  EXPECT_THROW(server().app().database().transaction(insert_and_read_back), std::runtime_error);
}

TEST_P(CatalogApi, ImagesAreAddedRemovedAndReordered) {
  const auto vendor = vendor_with_shop("v@example.com", "Clay Studio");
  const auto a = upload_image(vendor.access_token);
  const auto b = upload_image(vendor.access_token);
  const auto c = upload_image(vendor.access_token);
  const auto product =
      create_product(vendor.access_token, {{"images", {{{"image_id", a}}, {{"image_id", b}}}}});

  auto result = patch_json(product_url(product),
                           {{"images", {{{"image_id", c}}, {{"image_id", b}}, {{"image_id", a}}}}},
                           vendor.access_token);
  ASSERT_EQ(result.status, 200) << result.body;
  auto images = result.json().at("images").as_array();
  ASSERT_EQ(images.size(), 3u);
  EXPECT_EQ(images[0].at("id").as_int64(), c);
  EXPECT_EQ(images[2].at("id").as_int64(), a);
  // The product's page reads it with its images in one query, one row an image.
  const auto detail = client().get(product_url(product)).json();
  std::vector<std::int64_t> detail_ids;
  for (const auto& image : detail.at("images").as_array())
    detail_ids.push_back(image.at("id").as_int64());
  EXPECT_EQ(detail_ids, (std::vector<std::int64_t>{c, b, a}));
  EXPECT_EQ(detail.at("name").as_string(), product.at("name").as_string());

  result = patch_json(product_url(product), {{"images", {{{"image_id", b}}}}}, vendor.access_token);
  ASSERT_EQ(result.status, 200);
  EXPECT_EQ(result.json().at("images").as_array().size(), 1u);
  EXPECT_EQ(client().get(product_url(product)).json().at("image").at("id").as_int64(), b);
}

TEST_P(CatalogApi, InvalidProductsAre422) {
  const auto vendor = vendor_with_shop("v@example.com", "Clay Studio");
  auto result = client().post_json("/api/products", boost::json::object{}, vendor.access_token);
  expect_problem(result, 422, "validation");
  for (const char* field : {"name", "category", "price_cents"})
    EXPECT_TRUE(result.json().at("errors").as_object().contains(field)) << field;

  result = client().post_json("/api/products",
                              {{"name", "Mug"},
                               {"category", "spaceships"},
                               {"price_cents", "12"},
                               {"inventory", -1},
                               {"currency", "XYZ"},
                               {"status", "live"},
                               {"images", "none"}},
                              vendor.access_token);
  expect_problem(result, 422, "validation");
  const auto errors = result.json().at("errors").as_object();
  for (const char* field : {"category", "price_cents", "inventory", "currency", "status", "images"})
    EXPECT_TRUE(errors.contains(field)) << field << " in " << result.body;

  const auto image = upload_image(vendor.access_token);
  result = client().post_json(
      "/api/products",
      {{"name", "Mug"},
       {"category", "kitchen"},
       {"price_cents", 100},
       {"images", {{{"image_id", image}}, {{"image_id", image}}, {{"alt_text", 3}}}}},
      vendor.access_token);
  expect_problem(result, 422, "validation");
  EXPECT_TRUE(result.json().at("errors").as_object().contains("images[1].image_id"));
  EXPECT_TRUE(result.json().at("errors").as_object().contains("images[2].image_id"));

  const auto product = create_product(vendor.access_token, {});
  expect_problem(patch_json(product_url(product), {{"inventory", -5}}, vendor.access_token), 422,
                 "validation");
  EXPECT_EQ(client().get(product_url(product)).json().at("inventory").as_int64(), 5);
}

TEST_P(CatalogApi, AVendorNeedsAShopAndBuyersCannotSell) {
  const auto shopless = sign_up("noshop@example.com", "vendor");
  expect_problem(client().post_json("/api/products",
                                    {{"name", "Mug"}, {"category", "kitchen"}, {"price_cents", 1}},
                                    shopless.access_token),
                 409, "shop-required");
  const auto buyer = sign_up("buyer@example.com");
  expect_problem(client().post_json("/api/products",
                                    {{"name", "Mug"}, {"category", "kitchen"}, {"price_cents", 1}},
                                    buyer.access_token),
                 403, "forbidden");
}

TEST_P(CatalogApi, AnotherVendorCannotTouchTheProduct) {
  const auto owner = vendor_with_shop("owner@example.com", "Owner Shop");
  const auto other = vendor_with_shop("other@example.com", "Other Shop");
  const auto product = create_product(owner.access_token, {{"name", "Original"}});
  expect_problem(patch_json(product_url(product), {{"name", "Hijacked"}, {"inventory", 0}},
                            other.access_token),
                 403, "forbidden");
  expect_problem(del(product_url(product), other.access_token), 403, "forbidden");
  const auto buyer = sign_up("buyer@example.com");
  expect_problem(patch_json(product_url(product), {{"inventory", 0}}, buyer.access_token), 403,
                 "forbidden");
  const auto after = client().get(product_url(product)).json();
  EXPECT_EQ(after.at("name").as_string(), "Original");
  EXPECT_EQ(after.at("inventory").as_int64(), 5);

  const auto foreign_image = upload_image(other.access_token);
  expect_problem(patch_json(product_url(product), {{"images", {{{"image_id", foreign_image}}}}},
                            owner.access_token),
                 403, "forbidden");
  expect_problem(client().post_json("/api/products",
                                    {{"name", "Mug"},
                                     {"category", "kitchen"},
                                     {"price_cents", 1},
                                     {"images", {{{"image_id", foreign_image}}}}},
                                    owner.access_token),
                 403, "forbidden");
}

TEST_P(CatalogApi, MassAssignmentOfShopIdChangesNothing) {
  const auto victim = vendor_with_shop("victim@example.com", "Victim");
  const auto attacker = vendor_with_shop("attacker@example.com", "Attacker");
  const auto victim_shop = client().get("/api/shops/victim").json().at("id").as_int64();
  const auto product = create_product(attacker.access_token, {{"shop_id", victim_shop}, {"id", 1}});
  EXPECT_EQ(product.at("shop").at("slug").as_string(), "attacker");
  const auto moved =
      patch_json(product_url(product), {{"shop_id", victim_shop}}, attacker.access_token);
  ASSERT_EQ(moved.status, 200);
  EXPECT_EQ(moved.json().at("shop").at("slug").as_string(), "attacker");
  EXPECT_EQ(client().get("/api/shops/victim").json().at("product_count").as_int64(), 0);
}

long long my_products_total(const HttpClient& client, const Account& vendor) {
  return client.get("/api/my/products", vendor.access_token).json().at("total").as_int64();
}

TEST_P(CatalogApi, MassAssignmentOfOwnerIdChangesNothing) {
  const auto owner = vendor_with_shop("owner@example.com", "Owner");
  const auto other = vendor_with_shop("other@example.com", "Other");
  const auto product = create_product(owner.access_token, {{"owner_id", other.id}});
  EXPECT_EQ(product.at("shop").at("slug").as_string(), "owner");
  const auto patched = patch_json(
      product_url(product), {{"owner_id", other.id}, {"name", "Still mine"}}, owner.access_token);
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.json().at("shop").at("slug").as_string(), "owner");

  // Still the owner's to edit and list, never the other vendor's.
  expect_problem(patch_json(product_url(product), {{"name", "Taken"}}, other.access_token), 403,
                 "forbidden");
  EXPECT_EQ(my_products_total(client(), owner), 1);
  EXPECT_EQ(my_products_total(client(), other), 0);
  EXPECT_EQ(client().get(product_url(product)).json().at("name").as_string(), "Still mine");
}

TEST_P(CatalogApi, CartRequestsCannotSetStockOrPrice) {
  const auto vendor = vendor_with_shop("v@example.com", "Clay Studio");
  const auto product =
      create_product(vendor.access_token, {{"price_cents", 2400}, {"inventory", 5}});
  const auto buyer = sign_up("buyer@example.com");
  const auto added = client().post_json("/api/cart/items",
                                        {{"product_id", product.at("id")},
                                         {"quantity", 2},
                                         {"inventory", 1000},
                                         {"price_cents", 1},
                                         {"unit_price_cents", 1}},
                                        buyer.access_token);
  ASSERT_EQ(added.status, 200) << added.body;
  EXPECT_EQ(added.json().at("items").at(0).at("unit_price_cents").as_int64(), 2400);
  EXPECT_EQ(added.json().at("total_cents").as_int64(), 4800);

  const auto after = client().get(product_url(product)).json();
  EXPECT_EQ(after.at("price_cents").as_int64(), 2400);
  EXPECT_EQ(after.at("inventory").as_int64(), 5);
}

TEST_P(CatalogApi, DraftsAreSeenByTheirOwnerOnly) {
  const auto owner = vendor_with_shop("owner@example.com", "Owner Shop");
  const auto other = vendor_with_shop("other@example.com", "Other Shop");
  const auto draft = create_product(owner.access_token, {{"name", "Secret"}, {"status", "draft"}});
  create_product(owner.access_token, {{"name", "Public"}});

  expect_problem(client().get(product_url(draft)), 404, "not-found");
  expect_problem(client().get(product_url(draft), other.access_token), 404, "not-found");
  EXPECT_EQ(client().get(product_url(draft), owner.access_token).status, 200);
  expect_problem(client().get(product_url(draft), "garbage-token"), 401, "unauthorized");

  EXPECT_EQ(client().get("/api/products").json().at("total").as_int64(), 1);
  EXPECT_EQ(client().get("/api/shops/owner-shop").json().at("products").at("total").as_int64(), 1);
  EXPECT_EQ(client().get("/api/shops/owner-shop").json().at("product_count").as_int64(), 1);

  const auto own = client().get("/api/my/products", owner.access_token);
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(own.json().at("total").as_int64(), 2);
  EXPECT_EQ(client()
                .get("/api/my/products?status=draft", owner.access_token)
                .json()
                .at("total")
                .as_int64(),
            1);
  EXPECT_EQ(client().get("/api/my/products", other.access_token).json().at("total").as_int64(), 0);

  const auto published = patch_json(product_url(draft), {{"status", "active"}}, owner.access_token);
  EXPECT_EQ(published.status, 200);
  EXPECT_EQ(client().get(product_url(draft)).status, 200);
}

TEST_P(CatalogApi, DeletingArchivesTheProduct) {
  const auto owner = vendor_with_shop("owner@example.com", "Owner Shop");
  const auto product = create_product(owner.access_token, {});
  EXPECT_EQ(del(product_url(product), owner.access_token).status, 204);
  expect_problem(client().get(product_url(product), owner.access_token), 404, "not-found");
  expect_problem(del(product_url(product), owner.access_token), 404, "not-found");
  expect_problem(patch_json(product_url(product), {{"name", "Back"}}, owner.access_token), 404,
                 "not-found");
  EXPECT_EQ(client().get("/api/products").json().at("total").as_int64(), 0);
  EXPECT_EQ(client().get("/api/my/products", owner.access_token).json().at("total").as_int64(), 0);

  int rows = 0;
  server().app().database().with_session([&](db::Connection& sql) {
    sql.session() << "SELECT COUNT(*) FROM products WHERE archived_at IS NOT NULL",
        soci::into(rows);
  });
  EXPECT_EQ(rows, 1);  // still there for the orders that point at it
}

// Buys `quantity` of the product through the cart and checkout; returns the order id.
std::int64_t place_order(const HttpClient& client, const Account& buyer, std::int64_t product,
                         long long quantity) {
  const auto added = client.post_json(
      "/api/cart/items", {{"product_id", product}, {"quantity", quantity}}, buyer.access_token);
  EXPECT_EQ(added.status, 200) << added.body;
  const auto placed =
      client.post_json("/api/checkout", checkout_body(kApproves), buyer.access_token);
  EXPECT_EQ(placed.status, 201) << placed.body;
  return placed.status == 201 ? placed.json().at("orders").at(0).at("id").as_int64() : 0;
}

TEST_P(CatalogApi, DeletingAnOrderedProductKeepsTheOrder) {
  const auto vendor = vendor_with_shop("owner@example.com", "Owner Shop");
  const auto product =
      create_product(vendor.access_token, {{"name", "Brass lantern"}, {"price_cents", 3150}});
  const auto buyer = sign_up("buyer@example.com");
  const auto order = place_order(client(), buyer, product.at("id").as_int64(), 2);
  ASSERT_NE(order, 0);

  EXPECT_EQ(del(product_url(product), vendor.access_token).status, 204);
  expect_problem(client().get(product_url(product)), 404, "not-found");
  expect_problem(client().get(product_url(product), vendor.access_token), 404, "not-found");
  EXPECT_EQ(client().get("/api/products").json().at("total").as_int64(), 0);
  EXPECT_EQ(client().get("/api/products?q=lantern").json().at("total").as_int64(), 0);
  EXPECT_EQ(client().get("/api/shops/owner-shop").json().at("products").at("total").as_int64(), 0);
  EXPECT_EQ(my_products_total(client(), vendor), 0);

  const auto seen = client().get("/api/orders/" + std::to_string(order), buyer.access_token);
  ASSERT_EQ(seen.status, 200) << seen.body;
  const auto json = seen.json();
  const auto& items = json.at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("name").as_string(), "Brass lantern");
  EXPECT_EQ(items[0].at("unit_price_cents").as_int64(), 3150);
  EXPECT_EQ(items[0].at("quantity").as_int64(), 2);
}

TEST_P(CatalogApi, NewestSortListsTheLatestCreatedFirst) {
  const auto vendor = vendor_with_shop("v@example.com", "Clay Studio");
  const auto first =
      create_product(vendor.access_token, {{"name", "First"}, {"price_cents", 2000}});
  create_product(vendor.access_token, {{"name", "Second"}, {"price_cents", 3000}});
  create_product(vendor.access_token, {{"name", "Third"}, {"price_cents", 1000}});
  // An edit makes "First" the most recently updated, not the newest.
  ASSERT_EQ(patch_json(product_url(first), {{"inventory", 9}}, vendor.access_token).status, 200);

  std::vector<std::string> listed;
  const auto result = client().get("/api/products?sort=newest");
  ASSERT_EQ(result.status, 200) << result.body;
  const auto json = result.json();
  for (const auto& item : json.at("items").as_array())
    listed.emplace_back(item.at("name").as_string());
  EXPECT_THAT(listed, ::testing::ElementsAre("Third", "Second", "First"));
}

TEST_P(CatalogApi, UnknownProductIdsAre404) {
  expect_problem(client().get("/api/products/999999"), 404, "not-found");
  expect_problem(client().get("/api/products/abc"), 404, "not-found");
  expect_problem(client().get("/api/products/-1"), 404, "not-found");
}

}  // namespace
}  // namespace ps::testing

namespace ps::testing {
namespace {

class CatalogCaching : public MarketplaceTest {};
POCKETSHOP_API_TEST(CatalogCaching);

TEST_P(CatalogCaching, ReadsRevalidateWithETags) {
  const auto vendor = vendor_with_shop("v@example.com", "Clay Studio");
  const auto product = create_product(vendor.access_token, {{"name", "Mug"}});
  const std::string url = "/api/products/" + std::to_string(product.at("id").as_int64());
  for (const std::string& target :
       {url, std::string("/api/products?q=mug"), std::string("/api/shops/clay-studio")}) {
    const auto first = client().get(target);
    ASSERT_EQ(first.status, 200);
    const auto etag = first.header("etag");
    ASSERT_FALSE(etag.empty()) << target;
    EXPECT_EQ(first.header("cache-control"), "no-cache");
    const auto again =
        client().request(boost::beast::http::verb::get, target, {}, {{"If-None-Match", etag}});
    EXPECT_EQ(again.status, 304) << target;
    EXPECT_TRUE(again.body.empty());
    EXPECT_EQ(again.header("etag"), etag);
    const auto listed = client().request(boost::beast::http::verb::get, target, {},
                                         {{"If-None-Match", "\"other\", W/" + etag}});
    EXPECT_EQ(listed.status, 304) << target;
  }
  const auto before = client().get(url).header("etag");
  patch_json(url, {{"price_cents", 999}}, vendor.access_token);
  const auto changed =
      client().request(boost::beast::http::verb::get, url, {}, {{"If-None-Match", before}});
  EXPECT_EQ(changed.status, 200);
  EXPECT_NE(changed.header("etag"), before);
  EXPECT_EQ(client().get("/api/me", vendor.access_token).header("cache-control"),
            "private, no-cache");
}

// SQLite's catalogue reads run on the network thread, which has a connection
// of its own: with every worker's connection held (one worker here, its
// connection held by the test), the product list is still answered, not
// queued behind the holder.
TEST(InlineCatalogReads, AreAnsweredWhileTheWorkersHoldEveryConnectionOfTheirs) {
  TestServer server(Backend::sqlite, [](Config& config) { config.db_pool_size = 1; });
  std::promise<void> holding;
  std::promise<void> answered;
  auto holder = std::async(std::launch::async, [&] {
    return server.app().database().with_session([&](db::Connection&) {
      holding.set_value();
      return answered.get_future().wait_for(std::chrono::seconds(10)) == std::future_status::ready;
    });
  });
  holding.get_future().wait();
  const auto list = server.client().get("/api/products");
  answered.set_value();
  EXPECT_EQ(list.status, 200) << list.body;
  EXPECT_TRUE(holder.get()) << "the list waited for the held connection";
}

}  // namespace
}  // namespace ps::testing

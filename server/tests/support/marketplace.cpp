#include "support/marketplace.h"

#include "db/query.h"
#include "media/demo_images.h"
#include "media/service.h"

#include <filesystem>

namespace ps::testing {

using boost::beast::http::verb;

HttpResult MarketplaceTest::upload_bytes(const std::string& token, const std::string& bytes,
                                         const std::string& filename,
                                         const std::string& part_type) {
  const std::string boundary = "pocketshop-test-boundary";
  std::string body = "--" + boundary +
                     "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
                     "\"\r\nContent-Type: " + part_type + "\r\n\r\n" + bytes + "\r\n--" + boundary +
                     "--\r\n";
  return client().request(verb::post, "/api/uploads", body,
                          {{"Content-Type", "multipart/form-data; boundary=" + boundary},
                           {"Authorization", "Bearer " + token}});
}

std::size_t MarketplaceTest::media_files_on_disk() {
  const auto& root = server().app().media().root();
  std::size_t count = 0;
  if (std::filesystem::exists(root))
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root))
      count += entry.is_regular_file() ? 1 : 0;
  return count;
}

std::int64_t MarketplaceTest::upload_image(const std::string& token, int width, int height) {
  static std::uint32_t seed = 1;
  const auto result = upload_bytes(token, media::render_demo_image(width, height, seed++));
  EXPECT_EQ(result.status, 201) << result.body;
  return result.status == 201 ? result.json().at("id").as_int64() : 0;
}

boost::json::object MarketplaceTest::create_shop(const std::string& token, const std::string& name,
                                                 boost::json::object extra) {
  extra["name"] = name;
  const auto result = client().post_json("/api/shops", extra, token);
  EXPECT_EQ(result.status, 201) << result.body;
  return result.status == 201 ? result.json().as_object() : boost::json::object{};
}

boost::json::object MarketplaceTest::create_product(const std::string& token,
                                                    boost::json::object fields) {
  if (!fields.contains("name")) fields["name"] = "Stoneware mug";
  if (!fields.contains("category")) fields["category"] = "kitchen";
  if (!fields.contains("price_cents")) fields["price_cents"] = 2400;
  if (!fields.contains("inventory")) fields["inventory"] = 5;
  const auto result = client().post_json("/api/products", fields, token);
  EXPECT_EQ(result.status, 201) << result.body;
  return result.status == 201 ? result.json().as_object() : boost::json::object{};
}

Account MarketplaceTest::vendor_with_shop(const std::string& email, const std::string& shop_name) {
  Account vendor = sign_up(email, "vendor");
  create_shop(vendor.access_token, shop_name);
  return vendor;
}

boost::json::object MarketplaceTest::add_product(const Account& vendor, const std::string& name,
                                                 const std::string& category, long long price_cents,
                                                 const std::string& description) {
  return create_product(vendor.access_token, {{"name", name},
                                              {"category", category},
                                              {"price_cents", price_cents},
                                              {"description", description},
                                              {"inventory", 5}});
}

void MarketplaceTest::add_numbered_products(const NumberedProducts& products, long long count) {
  server().app().database().transaction([&](db::Connection& sql) {
    db::Query query(R"(
      INSERT INTO products (shop_id, name, description, category, price_cents, currency,
                            inventory, status, created_at, updated_at)
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < )");
    query.bind(count)
        .sql(") SELECT s.id, CAST(")
        .bind(products.name + " ")
        .sql(" AS TEXT) || n.i, '', ");
    query.sql(products.category).sql(", ").sql(products.price_cents).sql(", 'USD', 5, 'active', ");
    query.sql(products.created_at).sql(", ").sql(products.created_at);
    query.sql(" FROM n CROSS JOIN shops s WHERE s.slug = ").bind(products.shop_slug);
    query.sql(" ORDER BY n.i");
    query.execute(sql);
  });
}

boost::json::object MarketplaceTest::product_page(const std::string& query) {
  const auto result = client().get("/api/products?" + query);
  EXPECT_EQ(result.status, 200) << query << ": " << result.body;
  return result.json().as_object();  // a copy: json() is a temporary
}

std::vector<boost::json::object> MarketplaceTest::notifications_of(const Account& who,
                                                                   const std::string& kind) {
  const auto result = client().get("/api/me/notifications?limit=50", who.access_token);
  EXPECT_EQ(result.status, 200) << result.body;
  const auto page = result.json();
  std::vector<boost::json::object> found;
  for (const auto& item : page.at("items").as_array())
    if (item.at("kind").as_string() == kind) found.push_back(item.as_object());
  return found;
}

HttpResult MarketplaceTest::patch_json(const std::string& target, const boost::json::value& body,
                                       const std::string& token) {
  return client().request(
      verb::patch, target, boost::json::serialize(body),
      {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token}});
}

HttpResult MarketplaceTest::del(const std::string& target, const std::string& token) {
  return client().request(verb::delete_, target, {}, {{"Authorization", "Bearer " + token}});
}

void TwoShopsTest::SetUp() {
  MarketplaceTest::SetUp();
  clay = vendor_with_shop("clay@example.com", "Clay Studio");
  paper = vendor_with_shop("paper@example.com", "Paper Goods");
  const auto clay_mug =
      create_product(clay.access_token, {{"name", "Mug"}, {"price_cents", 2500}, {"inventory", 3}});
  const auto paper_card = create_product(
      paper.access_token,
      {{"name", "Card"}, {"category", "stationery"}, {"price_cents", 400}, {"inventory", 50}});
  mug = clay_mug.at("id").as_int64();
  card = paper_card.at("id").as_int64();
  clay_shop = clay_mug.at("shop").at("id").as_int64();
  paper_shop = paper_card.at("shop").at("id").as_int64();
  buyer = sign_up("buyer@example.com");
}

}  // namespace ps::testing

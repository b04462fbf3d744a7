#pragma once

#include "support/api_test.h"

#include <string>
#include <vector>

namespace ps::testing {

// Builders for tests that need vendors, shops, images and products.
class MarketplaceTest : public ApiTest {
 protected:
  // Uploads a generated JPEG as the given vendor; returns the image id.
  std::int64_t upload_image(const std::string& token, int width = 640, int height = 480);
  HttpResult upload_bytes(const std::string& token, const std::string& bytes,
                          const std::string& filename = "photo.jpg",
                          const std::string& part_type = "image/jpeg");
  // Files under the local media folder (none when the images are in S3).
  std::size_t media_files_on_disk();
  // Creates a shop; fails the test unless that answers 201. Returns its JSON.
  boost::json::object create_shop(const std::string& token, const std::string& name,
                                  boost::json::object extra = {});
  // Creates a product; fails the test unless that answers 201. Returns its JSON.
  boost::json::object create_product(const std::string& token, boost::json::object fields);
  // A vendor with a shop.
  Account vendor_with_shop(const std::string& email, const std::string& shop_name);
  // A product on sale, 5 in stock, as its vendor lists one; returns its JSON.
  boost::json::object add_product(const Account& vendor, const std::string& name,
                                  const std::string& category, long long price_cents,
                                  const std::string& description = "");
  // Products on sale in one shop, "<name> 1" to "<name> <count>", 5 in stock
  // each, written in one statement as a bulk load writes them (ids in the
  // order of n). category, price_cents and created_at are SQL expressions of
  // the number n.i.
  struct NumberedProducts {
    std::string shop_slug, name, category, price_cents, created_at;
  };
  void add_numbered_products(const NumberedProducts& products, long long count);
  // GET /api/products?<query>; fails the test unless that answers 200.
  boost::json::object product_page(const std::string& query);
  // The account's notifications of this kind (among its newest 50), newest first.
  std::vector<boost::json::object> notifications_of(const Account& who, const std::string& kind);

  HttpResult patch_json(const std::string& target, const boost::json::value& body,
                        const std::string& token);
  HttpResult del(const std::string& target, const std::string& token);
};

// Two vendors with a shop and a product each, and a buyer:
// "Clay Studio" sells a mug (25.00, 3 in stock), "Paper Goods" a card (4.00, 50).
class TwoShopsTest : public MarketplaceTest {
 protected:
  void SetUp() override;

  Account clay, paper, buyer;
  std::int64_t clay_shop = 0, paper_shop = 0;  // shop ids
  std::int64_t mug = 0, card = 0;
};

// The product's own URL, from its JSON.
inline std::string product_url(const boost::json::object& product) {
  return "/api/products/" + std::to_string(product.at("id").as_int64());
}

}  // namespace ps::testing

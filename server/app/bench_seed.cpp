#include "app/bench_seed.h"

#include "app/seed_words.h"
#include "media/demo_images.h"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <random>
#include <stdexcept>

namespace ps {

namespace {
constexpr const char* kBenchPassword = "bench-password";

// The few distinct images every vendor uploads, rendered once.
struct BenchImages {
  std::string logo = media::render_demo_image(400, 400, 1);
  std::string cover = media::render_demo_image(1600, 500, 2);
  std::string front = media::render_demo_image(800, 800, 3);
  std::string detail = media::render_demo_image(800, 800, 4);
};

std::string numbered(std::string_view prefix, int number) {
  return std::string(prefix) + std::to_string(number);
}

boost::json::array seed_products(Application& app, std::int64_t vendor_id, int shop_number,
                                 const BenchShape& shape, const BenchImages& images,
                                 std::mt19937& random) {
  const auto& categories = seed_categories();
  const auto front = app.media().store(vendor_id, images.front).id;
  const auto detail = app.media().store(vendor_id, images.detail).id;
  boost::json::array ids;
  for (int i = 0; i < shape.products_per_shop; ++i) {
    const auto category = categories[(shop_number + i) % categories.size()];
    catalog::ProductInput product;
    product.name = product_name(category, random);
    product.description = "A " + *product.name + " made in bench workshop " +
                          std::to_string(shop_number) + ", in small batches.";
    product.category = std::string(category);
    product.price_cents = 500 + static_cast<long long>(random() % 200) * 50;
    product.currency = "USD";
    product.inventory = shape.inventory_per_product;
    product.status = catalog::ProductStatus::active;
    product.images = std::vector<catalog::ImageInput>{{front, *product.name},
                                                      {detail, *product.name + ", detail"}};
    ids.push_back(app.catalog().create(vendor_id, product).product.id);
  }
  return ids;
}

std::string seed_shop(Application& app, int number, const BenchShape& shape,
                      const BenchImages& images, std::mt19937& random,
                      boost::json::array& product_ids) {
  const auto vendor = app.accounts().create_user(
      {numbered("vendor", number) + "@bench.pocketshop.test", kBenchPassword,
       numbered("Bench Vendor ", number), accounts::Role::vendor, true});
  shops::ShopInput shop;
  shop.name = numbered("Bench Workshop ", number);
  shop.description = "Everyday goods from bench workshop " + std::to_string(number) + ".";
  shop.accent_color = "#2e4a9e";
  shop.logo_image_id = app.media().store(vendor.id, images.logo).id;
  shop.cover_image_id = app.media().store(vendor.id, images.cover).id;
  const std::string slug = app.shops().create(vendor.id, shop).shop.slug;
  for (auto& id : seed_products(app, vendor.id, number, shape, images, random))
    product_ids.push_back(id);
  return slug;
}
}  // namespace

boost::json::object seed_bench(Application& app, const BenchShape& shape) {
  if (app.shops().list({}).total > 0)
    throw std::runtime_error("the bench marketplace needs an empty database");
  spdlog::info("adding the bench marketplace: {} shops x {} products, {} buyers", shape.shops,
               shape.products_per_shop, shape.buyers);
  const BenchImages images;
  std::mt19937 random(6);
  boost::json::array slugs, product_ids, buyers, categories;
  for (int shop = 1; shop <= shape.shops; ++shop)
    slugs.push_back(boost::json::string(seed_shop(app, shop, shape, images, random, product_ids)));
  for (int buyer = 1; buyer <= shape.buyers; ++buyer) {
    const auto email = numbered("buyer", buyer) + "@bench.pocketshop.test";
    app.accounts().create_user(
        {email, kBenchPassword, numbered("Bench Buyer ", buyer), accounts::Role::buyer, true});
    buyers.push_back(boost::json::string(email));
  }
  boost::json::array searches;  // a word of a product name, within its category
  for (const auto category : seed_categories()) {
    categories.push_back(boost::json::string(category));
    for (const char* noun : product_nouns(category))
      searches.push_back({{"q", noun}, {"category", category}});
  }
  return {{"shops", std::move(slugs)},
          {"products", std::move(product_ids)},
          {"categories", std::move(categories)},
          {"searches", std::move(searches)},
          {"buyers", std::move(buyers)},
          {"password", kBenchPassword},
          {"total_inventory", static_cast<long long>(shape.shops) * shape.products_per_shop *
                                  shape.inventory_per_product}};
}

}  // namespace ps

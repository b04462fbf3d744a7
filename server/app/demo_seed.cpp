#include "app/demo_seed.h"

#include "app/demo_orders.h"
#include "app/seed_words.h"
#include "media/demo_images.h"

#include <spdlog/spdlog.h>

#include <array>
#include <random>
#include <set>

namespace ps {

namespace {
constexpr const char* kDemoPassword = "pocketshop-demo";
// The last product of each shop is a draft: 12 x 13 = 156 are on sale.
constexpr int kProductsPerShop = 14;

struct ShopSeed {
  const char* owner;
  const char* name;
  const char* description;
  const char* accent;
  std::array<const char*, 2> categories;
};

constexpr ShopSeed kShops[] = {
    {"Ada Lindqvist",
     "Clay & Kiln",
     "Small-batch stoneware thrown and glazed by hand in Malmö.",
     "#b5651d",
     {"kitchen", "home"}},
    {"Bashir Okafor",
     "Indigo Thread",
     "Hand-dyed indigo garments and scarves from natural fibres.",
     "#2e4a9e",
     {"clothing", "accessories"}},
    {"Chiara Russo",
     "Paper Lantern Press",
     "Letterpress cards, notebooks and art prints.",
     "#c0392b",
     {"stationery", "art"}},
    {"Dmitri Volkov",
     "Northwood Toys",
     "Heirloom wooden toys finished with food-safe oils.",
     "#2f7d32",
     {"toys", "home"}},
    {"Esme Hart",
     "Silver Fern Jewellery",
     "Recycled silver rings, earrings and pendants.",
     "#7f8c8d",
     {"jewelry", "accessories"}},
    {"Farah Haddad",
     "Botanica Apothecary",
     "Cold-process soaps and balms with botanicals.",
     "#6a994e",
     {"beauty", "home"}},
    {"Gus Moreno",
     "Greenhouse Corner",
     "Rare houseplants and hand-made planters.",
     "#1b998b",
     {"plants", "home"}},
    {"Hana Sato",
     "Fold & Bind",
     "Hand-bound journals and Japanese stab-bound books.",
     "#8e44ad",
     {"books", "stationery"}},
    {"Idris Bell",
     "Ember Coffee Roasters",
     "Single-origin beans roasted weekly in small lots.",
     "#6f4e37",
     {"food", "kitchen"}},
    {"Juno Park",
     "Loom & Leaf",
     "Woven wall hangings, cushions and throws.",
     "#d35400",
     {"home", "art"}},
    {"Kofi Mensah",
     "Brass Atelier",
     "Cast brass keyrings, bookmarks and desk objects.",
     "#b7950b",
     {"accessories", "stationery"}},
    {"Lena Fischer",
     "Tiny Canvas",
     "Original miniature paintings and giclée prints.",
     "#e84393",
     {"art", "home"}},
};

std::string email_for(const char* owner) {
  std::string first(owner, std::string_view(owner).find(' '));
  std::transform(first.begin(), first.end(), first.begin(), ::tolower);
  return first + "@demo.pocketshop.test";
}

accounts::User demo_user(Application& app, const std::string& email, const std::string& name,
                         accounts::Role role) {
  // Seeded accounts count as verified: nobody reads their mail.
  return app.accounts().create_user({email, kDemoPassword, name, role, true});
}

std::int64_t demo_image(Application& app, std::int64_t owner, int width, int height,
                        std::uint32_t seed) {
  return app.media().store(owner, media::render_demo_image(width, height, seed)).id;
}

// A name no earlier product of the shop has (14 adjectives × each category's
// nouns leave plenty; after 100 draws a repeat is let through).
std::string unused_product_name(const std::string& category, std::mt19937& random,
                                std::set<std::string>& used) {
  std::string name;
  for (int draw = 0; draw < 100; ++draw)
    if (used.insert(name = product_name(category, random)).second) break;
  return name;
}

DemoShop seed_shop(Application& app, const ShopSeed& seed, std::mt19937& random) {
  const auto vendor = demo_user(app, email_for(seed.owner), seed.owner, accounts::Role::vendor);
  shops::ShopInput shop;
  shop.name = seed.name;
  shop.description = seed.description;
  shop.accent_color = seed.accent;
  shop.shipping_policy = "Ships within 3 working days, tracked, from our studio.";
  shop.returns_policy = "Unused items can be returned within 30 days for a full refund.";
  shop.logo_image_id = demo_image(app, vendor.id, 400, 400, random());
  shop.cover_image_id = demo_image(app, vendor.id, 1600, 500, random());
  app.shops().create(vendor.id, shop);

  DemoShop seeded{vendor, {}};
  std::set<std::string> names;
  for (int i = 0; i < kProductsPerShop; ++i) {
    const std::string category = seed.categories[i % 2];
    const std::string name = unused_product_name(category, random, names);
    catalog::ProductInput product;
    product.name = name;
    product.description = "A " + name + " from " + seed.name + ". " + seed.description;
    product.category = category;
    product.price_cents = 500 + static_cast<long long>(random() % 120) * 100 + 99;
    product.currency = "USD";
    product.inventory = i % 7 == 6 ? 0 : 1 + static_cast<long long>(random() % 40);
    product.status =
        i == kProductsPerShop - 1 ? catalog::ProductStatus::draft : catalog::ProductStatus::active;
    product.images = std::vector<catalog::ImageInput>{
        {demo_image(app, vendor.id, 800, 800, random()), name},
        {demo_image(app, vendor.id, 800, 800, random()), name + ", detail"}};
    const auto created = app.catalog().create(vendor.id, product);
    if (*product.inventory > 0 && *product.status == catalog::ProductStatus::active)
      seeded.products_for_sale.push_back(created.product.id);
  }
  return seeded;
}
}  // namespace

std::vector<DemoLogin> seed_demo(Application& app) {
  std::vector<DemoLogin> logins{{"vendor", email_for(kShops[0].owner), kDemoPassword},
                                {"buyer", "buyer@demo.pocketshop.test", kDemoPassword}};
  if (app.shops().list({}).total > 0) {
    spdlog::info("the database already has shops; demo data not added");
    return logins;
  }
  spdlog::info("adding demo data: {} shops, {} products", std::size(kShops),
               std::size(kShops) * kProductsPerShop);
  std::mt19937 random(20261125);
  std::vector<DemoShop> shops;
  for (const auto& shop : kShops) shops.push_back(seed_shop(app, shop, random));
  const std::vector<accounts::User> buyers{
      demo_user(app, "buyer@demo.pocketshop.test", "Demo Buyer", accounts::Role::buyer),
      demo_user(app, "sam@demo.pocketshop.test", "Sam Buyer", accounts::Role::buyer)};
  seed_demo_orders(app, shops, buyers);
  return logins;
}

}  // namespace ps

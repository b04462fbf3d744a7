#include "app/demo_seed.h"

#include "app/demo_orders.h"
#include "app/seed_words.h"
#include "core/cpus.h"
#include "media/demo_images.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <future>
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
  long long shipping_cents = 0;  // per order in USD, free from $50; 0: ships free
};

constexpr ShopSeed kShops[] = {
    {"Ada Lindqvist",
     "Clay & Kiln",
     "Small-batch stoneware thrown and glazed by hand in Malmö.",
     "#b5651d",
     {"kitchen", "home"},
     495},
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
     {"toys", "home"},
     595},
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
     {"plants", "home"},
     695},
    {"Hana Sato",
     "Fold & Bind",
     "Hand-bound journals and Japanese stab-bound books.",
     "#8e44ad",
     {"books", "stationery"}},
    {"Idris Bell",
     "Ember Coffee Roasters",
     "Single-origin beans roasted weekly in small lots.",
     "#6f4e37",
     {"food", "kitchen"},
     395},
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

// An image the demo shows, drawn before it is rendered: rendering and
// storing the 360 of them (each in three sizes) is most of the seeding, so
// they are made together on every core (store_images).
struct DemoImage {
  std::int64_t owner = 0;
  int width = 0, height = 0;
  std::uint32_t seed = 0;
  std::int64_t id = 0;  // once stored
};

// Renders and stores the images on every usable core, as concurrent uploads
// would be; fills in their ids. Rethrows the first failure.
void store_images(Application& app, std::vector<DemoImage>& images) {
  std::atomic<std::size_t> next{0};
  auto store_some = [&] {
    for (std::size_t i; (i = next++) < images.size();) {
      auto& image = images[i];
      image.id =
          app.media()
              .store(image.owner, media::render_demo_image(image.width, image.height, image.seed))
              .id;
    }
  };
  std::vector<std::future<void>> workers;
  for (unsigned i = 0; i < std::max(1u, usable_cpus()); ++i)
    workers.push_back(std::async(std::launch::async, store_some));
  for (auto& worker : workers) worker.get();
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

// A shop drawn and its vendor created; its images are indexes into the
// demo's images until they are stored.
struct PlannedShop {
  accounts::User vendor;
  shops::ShopInput shop;
  std::size_t logo = 0, cover = 0;
  std::vector<catalog::ProductInput> products;
  std::vector<std::array<std::size_t, 2>> product_images;
};

PlannedShop plan_shop(Application& app, const ShopSeed& seed, std::mt19937& random,
                      std::vector<DemoImage>& images) {
  PlannedShop planned{demo_user(app, email_for(seed.owner), seed.owner, accounts::Role::vendor)};
  const auto image = [&](int width, int height) {
    images.push_back({planned.vendor.id, width, height, static_cast<std::uint32_t>(random())});
    return images.size() - 1;
  };
  auto& shop = planned.shop;
  shop.name = seed.name;
  shop.description = seed.description;
  shop.accent_color = seed.accent;
  shop.shipping_policy = "Ships within 3 working days, tracked, from our studio.";
  shop.returns_policy = "Unused items can be returned within 30 days for a full refund.";
  if (seed.shipping_cents > 0)
    shop.shipping_rates = std::vector<shops::ShippingRate>{{"USD", seed.shipping_cents, 5000}};
  planned.logo = image(400, 400);
  planned.cover = image(1600, 500);

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
    planned.products.push_back(std::move(product));
    planned.product_images.push_back({image(800, 800), image(800, 800)});
  }
  return planned;
}

// Opens the planned shop with its stored images and lists its products.
DemoShop open_shop(Application& app, PlannedShop& planned, const std::vector<DemoImage>& images) {
  planned.shop.logo_image_id = images[planned.logo].id;
  planned.shop.cover_image_id = images[planned.cover].id;
  app.shops().create(planned.vendor.id, planned.shop);
  DemoShop seeded{planned.vendor, {}};
  for (std::size_t i = 0; i < planned.products.size(); ++i) {
    auto& product = planned.products[i];
    const auto& [main, detail] = planned.product_images[i];
    product.images = std::vector<catalog::ImageInput>{
        {images[main].id, *product.name}, {images[detail].id, *product.name + ", detail"}};
    const auto created = app.catalog().create(planned.vendor.id, product);
    if (*product.inventory > 0 && *product.status == catalog::ProductStatus::active)
      seeded.products_for_sale.push_back(created.product.id);
  }
  return seeded;
}

// A few products from several shops saved by each buyer, so that the hearts
// and the Favorites page have something to show; the first shop's among
// them, so that its vendor login sees a Saved count.
void save_demo_favorites(Application& app, const std::vector<DemoShop>& shops,
                         const std::vector<accounts::User>& buyers) {
  for (std::size_t b = 0; b < buyers.size(); ++b)
    for (std::size_t s = b; s < shops.size(); s += 3)
      if (shops[s].products_for_sale.size() > b)
        app.favorites().add(buyers[b].id, shops[s].products_for_sale[b]);
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
  std::vector<DemoImage> images;
  std::vector<PlannedShop> planned;
  for (const auto& shop : kShops) planned.push_back(plan_shop(app, shop, random, images));
  store_images(app, images);
  std::vector<DemoShop> shops;
  for (auto& shop : planned) shops.push_back(open_shop(app, shop, images));
  const std::vector<accounts::User> buyers{
      demo_user(app, "buyer@demo.pocketshop.test", "Demo Buyer", accounts::Role::buyer),
      demo_user(app, "sam@demo.pocketshop.test", "Sam Buyer", accounts::Role::buyer)};
  seed_demo_orders(app, shops, buyers);
  save_demo_favorites(app, shops, buyers);
  return logins;
}

}  // namespace ps

#include "app/bench_scale.h"

#include "db/query.h"

#include <soci/soci.h>
#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <algorithm>
#include <string>

namespace ps {

namespace {
// Products are copied this many at a time, a transaction each. Every product
// the triggers count updates the same few counter rows (listed and per-shop
// counts), and PostgreSQL keeps each version of a row until its transaction
// ends: in one large transaction each counter became a chain of thousands of
// versions that every update walked (a 100x seed ran past 15 minutes).
constexpr long long kProductsPerTransaction = 250;

// The id strides of one copy: the largest ids the 1x marketplace uses.
struct Strides {
  long long users = 0, shops = 0, products = 0;
};

long long max_id(db::Connection& sql, const std::string& table) {
  return db::Query("SELECT COALESCE(MAX(id), 0) FROM " + table).first<long long>(sql).value_or(0);
}

// The word a copy puts before a product's name: a product's copies read
// "Vintage Speckled mug", "Large Speckled mug", ... and still match "mug".
constexpr std::string_view kCopyWord = R"(
  CASE (p.id + :k1) % 8 WHEN 0 THEN 'Vintage ' WHEN 1 THEN 'Large ' WHEN 2 THEN 'Small '
    WHEN 3 THEN 'Classic ' WHEN 4 THEN 'Everyday ' WHEN 5 THEN 'Organic ' WHEN 6 THEN 'Modern '
    ELSE 'Handwoven ' END)";

std::string name_suffix(long long k) { return " No. " + std::to_string(k); }

void copy_users(db::Connection& sql, const Strides& stride, long long k) {
  db::Query(R"(
    INSERT INTO users (id, email, password_hash, display_name, role, created_at, email_verified_at)
    SELECT id + :offset, :email_prefix || email, password_hash, display_name || :name_suffix,
           role, created_at, email_verified_at
    FROM users WHERE id <= :last)")
      .values(k * stride.users, "copy" + std::to_string(k) + ".", name_suffix(k), stride.users)
      .execute(sql);
}

void copy_shops(db::Connection& sql, const Strides& stride, long long k) {
  db::Query(R"(
    INSERT INTO shops (id, owner_id, slug, name, description, accent_color, logo_image_id,
                       cover_image_id, created_at, updated_at)
    SELECT id + :offset, owner_id + :owner_offset, slug || :slug_suffix, name || :name_suffix,
           description, accent_color, logo_image_id, cover_image_id, created_at - :k, updated_at
    FROM shops WHERE id <= :last)")
      .values(k * stride.shops, k * stride.users, "-" + std::to_string(k), name_suffix(k), k,
              stride.shops)
      .execute(sql);
}

// Even ids stay in their shop (which grows), odd ones go to the copied shop.
// Copies the products with ids in (from, to] and their images.
void copy_products(db::Connection& sql, const Strides& stride, long long k, long long from,
                   long long to) {
  db::Query query(R"(
    INSERT INTO products (id, shop_id, name, description, category, price_cents, currency,
                          inventory, status, created_at, updated_at)
    SELECT p.id + :offset, CASE WHEN p.id % 2 = 0 THEN p.shop_id ELSE p.shop_id + :shop_offset END,
           )");
  query.sql(kCopyWord).sql(R"( || p.name, p.description, p.category,
           p.price_cents + ((p.id * 7 + :k2 * 13) % 40) * 25, p.currency, p.inventory, p.status,
           p.created_at - :k3 * 60000, p.updated_at
    FROM products p WHERE p.id > :from AND p.id <= :to ORDER BY p.id)");
  query.values(k * stride.products, k * stride.shops, k, k, k, from, to).execute(sql);
  db::Query(R"(
    INSERT INTO product_images (product_id, position, image_id, alt_text)
    SELECT product_id + :offset, position, image_id, alt_text
    FROM product_images WHERE product_id > :from AND product_id <= :to)")
      .values(k * stride.products, from, to)
      .execute(sql);
}

// Explicit ids leave PostgreSQL's identity sequences behind.
void advance_sequences(db::Connection& sql) {
  if (sql.dialect() != db::Dialect::postgres) return;
  for (const char* table : {"users", "shops", "products"})
    db::Query(std::string("SELECT setval(pg_get_serial_sequence('") + table + "', 'id'), " +
              "(SELECT MAX(id) FROM " + table + "))")
        .first<long long>(sql);
}

template <class Row>
boost::json::array read_column(db::Connection& sql, std::string_view select) {
  boost::json::array values;
  db::Query(select).each<Row>(sql, [&](const Row& row) { values.push_back(row.value()); });
  return values;
}

struct IdRow {
  long long id = 0;
  void define(soci::statement& st) { st.exchange(soci::into(id)); }
  boost::json::value value() const { return id; }
};

}  // namespace

void grow_bench(Application& app, int scale, boost::json::object& manifest) {
  if (scale <= 1) {
    manifest["scale"] = 1;
    return;
  }
  auto& database = app.database();
  const auto stride = database.with_session([](db::Connection& sql) {
    return Strides{max_id(sql, "users"), max_id(sql, "shops"), max_id(sql, "products")};
  });
  spdlog::info("growing the bench marketplace {}x: {} products", scale, stride.products * scale);
  for (long long k = 1; k < scale; ++k) {
    database.transaction([&](db::Connection& sql) {
      copy_users(sql, stride, k);
      copy_shops(sql, stride, k);
    });
    for (long long from = 0; from < stride.products; from += kProductsPerTransaction)
      database.transaction([&](db::Connection& sql) {
        copy_products(sql, stride, k, from,
                      std::min(stride.products, from + kProductsPerTransaction));
      });
  }
  database.transaction(advance_sequences);
  database.with_session([&](db::Connection& sql) {
    manifest["scale"] = scale;
    manifest["products"] = read_column<IdRow>(sql, "SELECT id FROM products ORDER BY id");
    manifest["total_inventory"] = db::Query("SELECT CAST(SUM(inventory) AS BIGINT) FROM products")
                                      .first<long long>(sql)
                                      .value_or(0);
  });
}

}  // namespace ps

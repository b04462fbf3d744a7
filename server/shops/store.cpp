#include "shops/store.h"

#include "db/query.h"

namespace ps::shops::store {

namespace {
constexpr const char* kSelectShop =
    "SELECT id, owner_id, slug, name, description, accent_color, logo_image_id, cover_image_id, "
    "shipping_policy, returns_policy, created_at, updated_at, listed_products FROM shops ";

// One row of kSelectShop, bound to a statement.
struct ShopRow {
  long long id = 0, owner_id = 0, logo = 0, cover = 0, created_at = 0, updated_at = 0, count = 0;
  std::string slug, name, description, accent_color, shipping, returns;
  soci::indicator logo_ind = soci::i_null, cover_ind = soci::i_null;

  void define(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(owner_id));
    st.exchange(soci::into(slug));
    st.exchange(soci::into(name));
    st.exchange(soci::into(description));
    st.exchange(soci::into(accent_color));
    st.exchange(soci::into(logo, logo_ind));
    st.exchange(soci::into(cover, cover_ind));
    st.exchange(soci::into(shipping));
    st.exchange(soci::into(returns));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(updated_at));
    st.exchange(soci::into(count));
  }

  Shop to_shop() const {
    Shop shop{{id, owner_id, slug, name, accent_color},
              description,
              std::nullopt,
              std::nullopt,
              shipping,
              returns,
              count,
              created_at,
              updated_at};
    if (logo_ind == soci::i_ok) shop.logo_image_id = logo;
    if (cover_ind == soci::i_ok) shop.cover_image_id = cover;
    return shop;
  }
};

std::vector<Shop> fetch(soci::session& sql, const db::Query& query) {
  std::vector<Shop> shops;
  query.each<ShopRow>(sql, [&](const ShopRow& row) { shops.push_back(row.to_shop()); });
  return shops;
}

std::optional<Shop> fetch_one(soci::session& sql, const db::Query& query) {
  auto shops = fetch(sql, query);
  if (shops.empty()) return std::nullopt;
  return std::move(shops.front());
}

void add_filter(db::Query& query, const ShopFilter& filter) {
  if (filter.name_contains.empty()) return;
  std::string pattern;
  for (char c : filter.name_contains) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  query.sql("WHERE lower(name) LIKE ").bind("%" + pattern + "%").sql(" ESCAPE '\\' ");
}

}  // namespace

std::optional<Shop> find_by_slug(soci::session& sql, const std::string& slug) {
  db::Query query(kSelectShop);
  query.sql("WHERE slug = ").bind(slug);
  return fetch_one(sql, query);
}

std::optional<Shop> find_by_owner(soci::session& sql, std::int64_t owner_id) {
  db::Query query(kSelectShop);
  query.sql("WHERE owner_id = ").bind(static_cast<long long>(owner_id));
  return fetch_one(sql, query);
}

bool slug_taken(soci::session& sql, const std::string& slug, std::int64_t except_shop_id) {
  int count = 0;
  const long long except = except_shop_id;
  sql << "SELECT COUNT(*) FROM shops WHERE slug = :slug AND id <> :id", soci::into(count),
      soci::use(slug), soci::use(except);
  return count > 0;
}

std::int64_t insert(soci::session& sql, const Shop& shop) {
  return db::Query(
             "INSERT INTO shops (owner_id, slug, name, description, accent_color, logo_image_id, "
             "cover_image_id, shipping_policy, returns_policy, created_at, updated_at) VALUES "
             "(:owner, :slug, :name, :description, :accent, :logo, :cover, :shipping, :returns, "
             ":created, :updated)")
      .values(shop.owner_id, shop.slug, shop.name, shop.description, shop.accent_color,
              shop.logo_image_id, shop.cover_image_id, shop.shipping_policy, shop.returns_policy,
              shop.created_at, shop.updated_at)
      .insert_returning_id(sql);
}

void update(soci::session& sql, const Shop& shop) {
  db::Query(
      "UPDATE shops SET slug = :slug, name = :name, description = :description, "
      "accent_color = :accent, logo_image_id = :logo, cover_image_id = :cover, "
      "shipping_policy = :shipping, returns_policy = :returns, updated_at = :updated "
      "WHERE id = :id")
      .values(shop.slug, shop.name, shop.description, shop.accent_color, shop.logo_image_id,
              shop.cover_image_id, shop.shipping_policy, shop.returns_policy, shop.updated_at,
              shop.id)
      .execute(sql);
}

std::vector<Shop> list(soci::session& sql, const ShopFilter& filter) {
  db::Query query(kSelectShop);
  add_filter(query, filter);
  switch (filter.sort) {
    case ShopSort::products:
      query.sql("ORDER BY listed_products DESC, id DESC ");
      break;
    case ShopSort::name:
      query.sql("ORDER BY lower(name), id ");
      break;
    case ShopSort::newest:
      query.sql("ORDER BY created_at DESC, id DESC ");
      break;
  }
  query.sql("LIMIT ").bind(static_cast<long long>(filter.page.limit));
  query.sql(" OFFSET ").bind(filter.page.offset());
  return fetch(sql, query);
}

namespace {
struct ShopSummaryRow {
  ShopSummary summary;

  void define(soci::statement& st) {
    st.exchange(soci::into(summary.id));
    st.exchange(soci::into(summary.owner_id));
    st.exchange(soci::into(summary.slug));
    st.exchange(soci::into(summary.name));
    st.exchange(soci::into(summary.accent_color));
  }
};
}  // namespace

// Only the summary columns.
std::vector<ShopSummary> summaries(soci::session& sql, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  db::Query query("SELECT id, owner_id, slug, name, accent_color FROM shops WHERE id IN (");
  query.bind_list({ids.begin(), ids.end()}).sql(")");
  std::vector<ShopSummary> shops;
  query.each<ShopSummaryRow>(sql, [&](const ShopSummaryRow& row) { shops.push_back(row.summary); });
  return shops;
}

long long count(soci::session& sql, const ShopFilter& filter) {
  db::Query query("SELECT COUNT(*) FROM shops ");
  add_filter(query, filter);
  return query.single<long long>(sql);
}

}  // namespace ps::shops::store

#include "shops/store.h"

namespace ps::shops::store {

namespace {
// Continued by each query that reads ShopRows.
constexpr std::string_view kSelectShops = R"(
  SELECT id, owner_id, slug, name, description, accent_color, logo_image_id, cover_image_id,
         shipping_policy, returns_policy, created_at, updated_at, listed_products, closed_at
  FROM shops )";

// One row of kSelectShops.
struct ShopRow {
  long long id = 0, owner_id = 0, logo = 0, cover = 0, created_at = 0, updated_at = 0, count = 0,
            closed_at = 0;
  std::string slug, name, description, accent_color, shipping, returns;
  soci::indicator logo_ind = soci::i_null, cover_ind = soci::i_null, closed_ind = soci::i_null;

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
    st.exchange(soci::into(closed_at, closed_ind));
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
    if (closed_ind == soci::i_ok) shop.closed_at = closed_at;
    return shop;
  }
};

std::vector<Shop> fetch(db::Connection& sql, const db::Query& query) {
  std::vector<Shop> shops;
  query.each<ShopRow>(sql, [&](const ShopRow& row) { shops.push_back(row.to_shop()); });
  return shops;
}

std::optional<Shop> fetch_one(db::Connection& sql, const db::Query& query) {
  auto shops = fetch(sql, query);
  if (shops.empty()) return std::nullopt;
  return std::move(shops.front());
}

void add_filter(db::Query& query, const ShopFilter& filter) {
  query.sql("WHERE closed_at IS NULL ");
  if (filter.name_contains.empty()) return;
  std::string pattern;
  for (char c : filter.name_contains) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  query.sql("AND lower(name) LIKE ").bind("%" + pattern + "%").sql(" ESCAPE '\\' ");
}

std::string_view order_by(ShopSort sort) {
  switch (sort) {
    case ShopSort::products:
      return "ORDER BY listed_products DESC, id DESC ";
    case ShopSort::name:
      return "ORDER BY lower(name), id ";
    case ShopSort::newest:
      break;
  }
  return "ORDER BY created_at DESC, id DESC ";
}
}  // namespace

constexpr std::string_view kWhereSlug = "WHERE slug = :slug";

std::optional<Shop> find_by_slug(db::Connection& sql, const std::string& slug) {
  db::Query query(kSelectShops);
  return fetch_one(sql, query.sql(kWhereSlug).values(slug));
}

std::optional<Shop> find_by_slug_for_update(db::Connection& sql, const std::string& slug) {
  db::Query query(kSelectShops);
  return fetch_one(sql, query.sql(kWhereSlug).values(slug).for_update(sql));
}

constexpr std::string_view kWhereOwner = "WHERE owner_id = :owner";

std::optional<Shop> find_by_owner(db::Connection& sql, std::int64_t owner_id) {
  db::Query query(kSelectShops);
  return fetch_one(sql, query.sql(kWhereOwner).values(owner_id));
}

constexpr std::string_view kCountSlugOfOthers = R"(
  SELECT COUNT(*) FROM shops WHERE slug = :slug AND id <> :id)";

bool slug_taken(db::Connection& sql, const std::string& slug, std::int64_t except_shop_id) {
  return db::Query(kCountSlugOfOthers).values(slug, except_shop_id).single<long long>(sql) > 0;
}

constexpr std::string_view kInsertShop = R"(
  INSERT INTO shops (owner_id, slug, name, description, accent_color, logo_image_id,
                     cover_image_id, shipping_policy, returns_policy, created_at, updated_at)
  VALUES (:owner, :slug, :name, :description, :accent, :logo, :cover, :shipping, :returns,
          :created, :updated))";

std::int64_t insert(db::Connection& sql, const Shop& shop) {
  return db::Query(kInsertShop)
      .values(shop.owner_id, shop.slug, shop.name, shop.description, shop.accent_color,
              shop.logo_image_id, shop.cover_image_id, shop.shipping_policy, shop.returns_policy,
              shop.created_at, shop.updated_at)
      .insert_returning_id(sql);
}

constexpr std::string_view kUpdateShop = R"(
  UPDATE shops SET slug = :slug, name = :name, description = :description,
                   accent_color = :accent, logo_image_id = :logo, cover_image_id = :cover,
                   shipping_policy = :shipping, returns_policy = :returns, updated_at = :updated
  WHERE id = :id)";

void update(db::Connection& sql, const Shop& shop) {
  db::Query(kUpdateShop)
      .values(shop.slug, shop.name, shop.description, shop.accent_color, shop.logo_image_id,
              shop.cover_image_id, shop.shipping_policy, shop.returns_policy, shop.updated_at,
              shop.id)
      .execute(sql);
}

db::Query list_query(const ShopFilter& filter) {
  db::Query query(kSelectShops);
  add_filter(query, filter);
  query.sql(order_by(filter.sort));
  query.sql("LIMIT ").bind(static_cast<long long>(filter.page.limit));
  query.sql(" OFFSET ").bind(filter.page.offset());
  return query;
}

std::vector<Shop> list(db::Connection& sql, const ShopFilter& filter) {
  return fetch(sql, list_query(filter));
}

namespace {
struct ShopSummaryRow {
  ShopSummary summary;
  long long closed_at = 0;
  soci::indicator closed_ind = soci::i_null;

  void define(soci::statement& st) {
    st.exchange(soci::into(summary.id));
    st.exchange(soci::into(summary.owner_id));
    st.exchange(soci::into(summary.slug));
    st.exchange(soci::into(summary.name));
    st.exchange(soci::into(summary.accent_color));
    st.exchange(soci::into(closed_at, closed_ind));
  }
  ShopSummary to_summary() const {
    ShopSummary read = summary;
    if (closed_ind == soci::i_ok) read.closed_at = closed_at;
    return read;
  }
};
}  // namespace

// Followed by the ids and ")".
constexpr std::string_view kSummariesOf = R"(
  SELECT id, owner_id, slug, name, accent_color, closed_at FROM shops WHERE id IN ()";

std::vector<ShopSummary> summaries(db::Connection& sql, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  db::Query query(kSummariesOf);
  query.bind_list({ids.begin(), ids.end()}).sql(")");
  std::vector<ShopSummary> shops;
  query.each<ShopSummaryRow>(sql,
                             [&](const ShopSummaryRow& row) { shops.push_back(row.to_summary()); });
  return shops;
}

long long count(db::Connection& sql, const ShopFilter& filter) {
  // Every open shop: the count that triggers keep (migrations 027, 031).
  if (filter.name_contains.empty())
    return db::Query("SELECT shops FROM shop_count").single<long long>(sql);
  db::Query query("SELECT COUNT(*) FROM shops ");
  add_filter(query, filter);
  return query.single<long long>(sql);
}

namespace {
struct ShippingRateRow {
  long long shop_id = 0, flat_cents = 0, free_over_cents = 0;
  std::string currency;
  soci::indicator free_over_ind = soci::i_null;

  void define(soci::statement& st) {
    st.exchange(soci::into(shop_id));
    st.exchange(soci::into(currency));
    st.exchange(soci::into(flat_cents));
    st.exchange(soci::into(free_over_cents, free_over_ind));
  }
  ShippingRate to_rate() const {
    ShippingRate rate{currency, flat_cents, std::nullopt};
    if (free_over_ind == soci::i_ok) rate.free_over_cents = free_over_cents;
    return rate;
  }
};
}  // namespace

// Followed by the ids and the ORDER BY.
constexpr std::string_view kShippingRatesOf = R"(
  SELECT shop_id, currency, flat_cents, free_over_cents FROM shipping_rates WHERE shop_id IN ()";

std::map<std::int64_t, std::vector<ShippingRate>> shipping_rates(
    db::Connection& sql, const std::vector<std::int64_t>& shop_ids) {
  std::map<std::int64_t, std::vector<ShippingRate>> rates;
  if (shop_ids.empty()) return rates;
  db::Query query(kShippingRatesOf);
  query.bind_list({shop_ids.begin(), shop_ids.end()}).sql(") ORDER BY shop_id, currency");
  query.each<ShippingRateRow>(
      sql, [&](const ShippingRateRow& row) { rates[row.shop_id].push_back(row.to_rate()); });
  return rates;
}

constexpr std::string_view kDeleteShippingRates = "DELETE FROM shipping_rates WHERE shop_id = :id";
constexpr std::string_view kInsertShippingRate = R"(
  INSERT INTO shipping_rates (shop_id, currency, flat_cents, free_over_cents)
  VALUES (:shop, :currency, :flat, :free_over))";

void replace_shipping_rates(db::Connection& sql, std::int64_t shop_id,
                            const std::vector<ShippingRate>& rates) {
  db::Query(kDeleteShippingRates).values(shop_id).execute(sql);
  for (const auto& rate : rates)
    db::Query(kInsertShippingRate)
        .values(shop_id, rate.currency, rate.flat_cents, rate.free_over_cents)
        .execute(sql);
}

constexpr std::string_view kFeeOverride = R"(
  SELECT platform_fee_bps, platform_fee_fixed_cents FROM shops WHERE id = :id)";

FeeOverride fee_override(db::Connection& sql, std::int64_t shop_id) {
  struct Row {
    long long bps = 0, fixed = 0;
    soci::indicator bps_ind = soci::i_null, fixed_ind = soci::i_null;
    void define(soci::statement& st) {
      st.exchange(soci::into(bps, bps_ind));
      st.exchange(soci::into(fixed, fixed_ind));
    }
  };
  FeeOverride fee;
  db::Query(kFeeOverride).values(shop_id).each<Row>(sql, [&](const Row& row) {
    if (row.bps_ind == soci::i_ok) fee.bps = static_cast<int>(row.bps);
    if (row.fixed_ind == soci::i_ok) fee.fixed_cents = row.fixed;
  });
  return fee;
}

constexpr std::string_view kSetFeeOverride = R"(
  UPDATE shops SET platform_fee_bps = :bps, platform_fee_fixed_cents = :fixed WHERE slug = :slug)";

bool set_fee_override(db::Connection& sql, const std::string& slug, const FeeOverride& fee) {
  const auto bps = fee.bps ? std::optional<long long>(*fee.bps) : std::nullopt;
  return db::Query(kSetFeeOverride).values(bps, fee.fixed_cents, slug).execute(sql) == 1;
}

}  // namespace ps::shops::store

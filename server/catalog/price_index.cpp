#include "catalog/price_index.h"

#include "catalog/store.h"

#include <algorithm>
#include <string>

namespace ps::catalog::store::price_index {

namespace {
constexpr int kPriceShift = 36;
constexpr int kIdShift = 4;
constexpr long long kIdLimit = 1LL << (kPriceShift - kIdShift);
constexpr long long kPriceLimit = 1LL << (63 - kPriceShift);
constexpr long long kCategoryBits = (1LL << kIdShift) - 1;

// The rowid of a product at `price` with `id` in `category` (number).
long long key(long long price, long long id, long long category) {
  return (price << kPriceShift) | (id << kIdShift) | category;
}
constexpr long long kLastKey =
    (kPriceLimit - 1) << kPriceShift | (kIdLimit - 1) << kIdShift | kCategoryBits;  // 2^63 - 1

// Categories are single words (catalog::categories()); any other matches no
// product, and is left to the general path rather than put in the match text.
bool plain_category(const std::string& category) {
  const auto terms = search_terms(category);
  return category.empty() || (terms.size() == 1 && terms.front() == category);
}

bool text_search_of_listed(db::Dialect dialect, const ProductFilter& filter) {
  return dialect == db::Dialect::sqlite && !search_terms(filter.query).empty() &&
         !filter.include_drafts && filter.shop_slug.empty() && !filter.shop_id &&
         !filter.in_stock_only;
}

// Bounds on the rowid, both inclusive.
struct RowidRange {
  long long low = 0;
  long long high = kLastKey;
  bool empty() const { return low > high; }
};
constexpr RowidRange kNothing{1, 0};

RowidRange price_range(const ProductFilter& filter) {
  RowidRange range;
  if (filter.min_price_cents) {
    if (*filter.min_price_cents >= kPriceLimit) return kNothing;
    range.low = key(*filter.min_price_cents, 0, 0);
  }
  if (filter.max_price_cents && *filter.max_price_cents < kPriceLimit)
    range.high = key(*filter.max_price_cents, kIdLimit - 1, kCategoryBits);
  return range;
}

// Narrows the range to the products past the cursor in the sort's order.
void add_after(RowidRange& range, ProductSort sort, const ProductCursor& after) {
  const long long price = after.key;
  const long long id = after.id;
  if (sort == ProductSort::price_asc) {
    if (price >= kPriceLimit || (price == kPriceLimit - 1 && id >= kIdLimit - 1)) {
      range = kNothing;
    } else if (id >= kIdLimit - 1) {
      range.low = std::max(range.low, key(price + 1, 0, 0));
    } else {
      range.low = std::max(range.low, key(price, id + 1, 0));
    }
  } else if (price < kPriceLimit) {
    const long long before =
        id >= kIdLimit ? key(price, kIdLimit - 1, kCategoryBits) : key(price, id, 0) - 1;
    range.high = std::min(range.high, before);
  }
}

void add_match(db::Query& query, const std::string& expression, const RowidRange& range) {
  query.sql("FROM products_by_price WHERE products_by_price MATCH ")
      .bind(expression)
      .sql(" AND rowid BETWEEN ")
      .bind(range.low)
      .sql(" AND ")
      .bind(range.high)
      .sql(" ");
}

struct IdRow {
  long long id = 0;
  void define(soci::statement& st) { st.exchange(soci::into(id)); }
};
}  // namespace

bool serves_page(db::Dialect dialect, const ProductFilter& filter) {
  return text_search_of_listed(dialect, filter) && plain_category(filter.category) &&
         (filter.sort == ProductSort::price_asc || filter.sort == ProductSort::price_desc);
}

std::vector<std::int64_t> page_ids(db::Connection& sql, const ProductFilter& filter) {
  auto range = price_range(filter);
  if (filter.after) add_after(range, filter.sort, *filter.after);
  if (range.empty()) return {};
  std::string expression = fts5_expression(search_terms(filter.query));
  // The column filter finds the category's products in the index; the
  // number in the rowid makes it exact ("kitchens" stems to "kitchen").
  if (!filter.category.empty())
    expression = "category : \"" + filter.category + "\" AND (" + expression + ")";
  db::Query query("SELECT (rowid >> 4) & 4294967295 ");
  add_match(query, expression, range);
  if (!filter.category.empty())
    query.sql("AND (rowid & 15) = (SELECT number FROM category_numbers WHERE category = ")
        .bind(filter.category)
        .sql(") ");
  query.sql(filter.sort == ProductSort::price_asc ? "ORDER BY rowid " : "ORDER BY rowid DESC ")
      .sql("LIMIT ")
      .sql(std::to_string(filter.page.limit + 1));
  if (!filter.after) query.sql(" OFFSET ").bind(filter.page.offset());
  std::vector<std::int64_t> ids;
  query.each<IdRow>(sql, [&](const IdRow& row) { ids.push_back(row.id); });
  return ids;
}

bool serves_counts(db::Dialect dialect, const ProductFilter& filter) {
  return text_search_of_listed(dialect, filter);
}

db::Query capped_counts(const ProductFilter& filter, long long cap) {
  db::Query query("SELECT n.category, COUNT(*) FROM (SELECT rowid & 15 AS number ");
  add_match(query, fts5_expression(search_terms(filter.query)), price_range(filter));
  query.sql("LIMIT ")
      .sql(std::to_string(cap))
      .sql(") AS m JOIN category_numbers n USING (number) GROUP BY n.category");
  return query;
}

}  // namespace ps::catalog::store::price_index

#include "catalog/store_sorted.h"

#include "catalog/store.h"
#include "catalog/store_rows.h"
#include "catalog/store_words.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <tuple>

namespace ps::catalog::store::sorted_index {

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

bool text_search_of_listed(const ProductFilter& filter) {
  return !search_terms(filter.query).empty() && !filter.include_drafts &&
         filter.shop_slug.empty() && !filter.shop_id && !filter.in_stock_only;
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

// The words and, when there is one, the category: its column filter finds
// the category's products in the index, and each sort makes it exact
// ("kitchens" stems to "kitchen").
std::string match_text(const ProductFilter& filter) {
  std::string expression = fts5_expression(search_terms(filter.query));
  if (filter.category.empty()) return expression;
  return "category : \"" + filter.category + "\" AND (" + expression + ")";
}

std::vector<std::int64_t> price_page_ids(db::Connection& sql, const ProductFilter& filter) {
  auto range = price_range(filter);
  if (filter.after) add_after(range, filter.sort, *filter.after);
  if (range.empty()) return {};
  db::Query query("SELECT (rowid >> 4) & 4294967295 ");
  add_match(query, match_text(filter), range);
  if (!filter.category.empty())
    query.sql("AND (rowid & 15) = (SELECT number FROM category_numbers WHERE category = ")
        .bind(filter.category)
        .sql(") ");
  query.sql(filter.sort == ProductSort::price_asc ? "ORDER BY rowid " : "ORDER BY rowid DESC ")
      .sql("LIMIT ")
      .sql(std::to_string(filter.page.limit + 1));
  if (!filter.after) query.sql(" OFFSET ").bind(filter.page.offset());
  return read_ids(sql, query);
}

// products_by_newest's rowid: creation minute << 32 | id.
// Deeper numbered pages take the general path (serves_page).
constexpr long long kDeepestSortedRow = 1000;
constexpr long long kMillisPerMinute = 60'000;
constexpr long long kMinuteLimit = 1LL << 31;

// The highest rowid a page may hold: all of the cursor's minute, whose
// products are cut at the cursor once their milliseconds are known.
long long newest_high(const ProductFilter& filter) {
  if (!filter.after) return kLastKey;
  const long long minute = filter.after->key / kMillisPerMinute;
  return minute >= kMinuteLimit ? kLastKey : (minute << 32) | (kIdLimit - 1);
}

// The rowid `rank` matches down from `high`, if there are that many.
std::optional<long long> nth_newest(db::Connection& sql, const std::string& match, long long high,
                                    long long rank) {
  db::Query query("SELECT rowid FROM products_by_newest WHERE products_by_newest MATCH ");
  query.bind(match).sql(" AND rowid <= ").bind(high).sql(" ORDER BY rowid DESC LIMIT 1 OFFSET ");
  query.bind(rank - 1);
  return query.first<long long>(sql);
}

struct NewestRow {
  long long id = 0, created_at = 0;
  void define(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(created_at));
  }
  auto order() const { return std::tuple(-created_at, -id); }
};

// Every match with a rowid in [low, high], with its creation time.
std::vector<NewestRow> newest_candidates(db::Connection& sql, const ProductFilter& filter,
                                         const std::string& match, long long low, long long high) {
  db::Query query(
      "SELECT p.id, p.created_at FROM products p WHERE p.id IN (SELECT rowid & 4294967295 "
      "FROM products_by_newest WHERE products_by_newest MATCH ");
  query.bind(match).sql(" AND rowid BETWEEN ").bind(low).sql(" AND ").bind(high).sql(")");
  if (!filter.category.empty()) query.sql(" AND p.category = ").bind(filter.category);
  std::vector<NewestRow> rows;
  query.each<NewestRow>(sql, [&](const NewestRow& row) {
    if (!filter.after ||
        std::tuple(row.created_at, row.id) < std::tuple(filter.after->key, filter.after->id))
      rows.push_back(row);
  });
  return rows;
}

// Reads whole minutes, newest first, until they hold the page and the one
// product after it; the minutes' products are then put in order here.
std::vector<std::int64_t> newest_page_ids(db::Connection& sql, const ProductFilter& filter) {
  const auto match = match_text(filter);
  const long long high = newest_high(filter);
  const long long skip = filter.after ? 0 : filter.page.offset();
  const long long wanted = skip + filter.page.limit + 1;
  std::vector<NewestRow> rows;
  for (long long rank = wanted;; rank *= 2) {
    const auto nth = nth_newest(sql, match, high, rank);
    const long long low = nth ? (*nth >> 32) << 32 : std::numeric_limits<long long>::min();
    rows = newest_candidates(sql, filter, match, low, high);
    // Fewer than wanted when the cursor's own minute or an inexact category
    // held some of the rows counted: read further.
    if (!nth || static_cast<long long>(rows.size()) >= wanted) break;
  }
  std::ranges::sort(rows, {}, &NewestRow::order);
  std::vector<std::int64_t> ids;
  for (std::size_t i = skip; i < rows.size() && i < static_cast<std::size_t>(wanted); ++i)
    ids.push_back(rows[i].id);
  return ids;
}
}  // namespace

bool serves_page(db::Dialect dialect, const ProductFilter& filter) {
  if (!text_search_of_listed(filter) || !plain_category(filter.category)) return false;
  const bool shallow =
      filter.after || filter.page.offset() + filter.page.limit <= kDeepestSortedRow;
  switch (filter.sort) {
    case ProductSort::price_asc:
    case ProductSort::price_desc:
      // product_words reads as many rows a word as the page's offset.
      return dialect == db::Dialect::sqlite || shallow;
    case ProductSort::newest:
      // A price range would leave the minutes read short of a page, again
      // and again; and a deep numbered page would hold every product before
      // it in memory: the general path serves them.
      return !filter.min_price_cents && !filter.max_price_cents && shallow;
    case ProductSort::relevance:
      break;
  }
  return false;
}

const std::optional<words_index::TermWords>& Lookup::term_words(db::Connection& sql,
                                                                const ProductFilter& filter) {
  if (!term_words_) term_words_ = words_index::term_words(sql, filter);
  return *term_words_;
}

std::optional<std::vector<std::int64_t>> page_ids(db::Connection& sql, const ProductFilter& filter,
                                                  Lookup& lookup) {
  if (sql.dialect() == db::Dialect::postgres) {
    const auto& words = lookup.term_words(sql, filter);
    if (!words) return std::nullopt;
    return words_index::page_ids(sql, filter, *words);
  }
  return filter.sort == ProductSort::newest ? newest_page_ids(sql, filter)
                                            : price_page_ids(sql, filter);
}

bool serves_counts(const ProductFilter& filter) { return text_search_of_listed(filter); }

std::optional<CategoryCounts> counts(db::Connection& sql, const ProductFilter& filter,
                                     long long cap, Lookup& lookup) {
  if (sql.dialect() == db::Dialect::postgres) {
    const auto& words = lookup.term_words(sql, filter);
    if (!words) return std::nullopt;
    return words_index::counts(sql, filter, *words, cap);
  }
  // Names are joined to the counted numbers, not to each match: a third of
  // the statement's time at 100x.
  db::Query query(
      "SELECT n.category, m.matches FROM (SELECT rowid & 15 AS number, COUNT(*) AS matches "
      "FROM (SELECT rowid ");
  add_match(query, fts5_expression(search_terms(filter.query)), price_range(filter));
  query.sql("LIMIT ")
      .sql(std::to_string(cap))
      .sql(") GROUP BY number) AS m JOIN category_numbers n USING (number)");
  return counted_to(read_counts(sql, query), cap);
}

}  // namespace ps::catalog::store::sorted_index

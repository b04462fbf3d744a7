#include "catalog/store.h"

#include "catalog/store_rows.h"
#include "catalog/store_sorted.h"

#include <algorithm>
#include <array>
#include <set>
#include <tuple>

namespace ps::catalog {

std::vector<std::string> search_terms(std::string_view text) {
  constexpr std::size_t kMaxTerms = 8;
  constexpr std::size_t kMaxTermLength = 40;
  std::vector<std::string> terms;
  std::string current;
  auto flush = [&] {
    // Cut at a character's first byte, never inside one.
    std::size_t length = std::min(current.size(), kMaxTermLength);
    while (length < current.size() && (static_cast<unsigned char>(current[length]) & 0xC0) == 0x80)
      --length;
    if (length > 0 && terms.size() < kMaxTerms) terms.push_back(current.substr(0, length));
    current.clear();
  };
  for (unsigned char c : text) {
    if (std::isalnum(c) || c >= 0x80) {
      current += static_cast<char>(std::tolower(c));
    } else {
      flush();
    }
  }
  flush();
  return terms;
}

namespace {
// Singular and plural, where the stemmers make two stems of them: "-f"/"-fe"
// nouns whose plural ends in "-ves", and Latin and Old English plurals, among
// the things a shop sells. Regular plurals ("mugs", "boxes", "berries") stem
// alike and need nothing here.
constexpr std::array<std::pair<std::string_view, std::string_view>, 23> kIrregularPlurals{{
    {"scarf", "scarves"}, {"knife", "knives"},   {"leaf", "leaves"},           {"shelf", "shelves"},
    {"loaf", "loaves"},   {"half", "halves"},    {"wolf", "wolves"},           {"calf", "calves"},
    {"elf", "elves"},     {"wife", "wives"},     {"thief", "thieves"},         {"hoof", "hooves"},
    {"wharf", "wharves"}, {"sheaf", "sheaves"},  {"bookshelf", "bookshelves"}, {"cactus", "cacti"},
    {"fungus", "fungi"},  {"mouse", "mice"},     {"goose", "geese"},           {"tooth", "teeth"},
    {"foot", "feet"},     {"child", "children"}, {"person", "people"},
}};
}  // namespace

std::vector<std::string> search_spellings(std::string_view word) {
  std::vector<std::string> spellings{std::string(word)};
  for (const auto& [singular, plural] : kIrregularPlurals) {
    if (word == singular) spellings.emplace_back(plural);
    if (word == plural) spellings.emplace_back(singular);
  }
  return spellings;
}

namespace {
// How a query language writes a prefix term, alternatives and conjunction.
struct PrefixSyntax {
  std::string_view open, close, any, all;
};

// Each term's spellings as alternative prefixes, the terms joined by `all`.
std::string prefix_expression(const std::vector<std::string>& terms, const PrefixSyntax& syntax) {
  std::string expression;
  for (const auto& term : terms) {
    const auto spellings = search_spellings(term);
    std::string alternatives;
    for (const auto& spelling : spellings)
      alternatives.append(alternatives.empty() ? "" : syntax.any)
          .append(syntax.open)
          .append(spelling)
          .append(syntax.close);
    if (!expression.empty()) expression += syntax.all;
    expression += spellings.size() == 1 ? alternatives : "(" + alternatives + ")";
  }
  return expression;
}
}  // namespace

// The AND is spelled out: FTS5 takes no implicit AND before a parenthesis.
std::string fts5_expression(const std::vector<std::string>& terms) {
  return prefix_expression(terms, {"\"", "\"*", " OR ", " AND "});
}

namespace store {

namespace {
// The columns of a ProductRow, in its order.
constexpr std::string_view kColumns = R"(
  p.id, p.shop_id, p.name, p.description, p.category, p.price_cents, p.currency, p.inventory,
  p.status, p.archived_at, p.created_at, p.updated_at, p.rating_count, p.rating_sum )";
// A product's shop summary, read with it: one query, not one more per page.
constexpr std::string_view kShopColumns = ", s.owner_id, s.slug, s.name, s.accent_color ";
constexpr std::string_view kJoinShop = "JOIN shops s ON s.id = p.shop_id ";

struct ProductRow {
  long long id = 0, shop_id = 0, price = 0, inventory = 0, archived_at = 0, created = 0,
            updated = 0, rating_count = 0, rating_sum = 0;
  std::string name, description, category, currency, status;
  soci::indicator archived_ind = soci::i_null;

  void define(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(shop_id));
    st.exchange(soci::into(name));
    st.exchange(soci::into(description));
    st.exchange(soci::into(category));
    st.exchange(soci::into(price));
    st.exchange(soci::into(currency));
    st.exchange(soci::into(inventory));
    st.exchange(soci::into(status));
    st.exchange(soci::into(archived_at, archived_ind));
    st.exchange(soci::into(created));
    st.exchange(soci::into(updated));
    st.exchange(soci::into(rating_count));
    st.exchange(soci::into(rating_sum));
  }

  Product to_product() const {
    const auto state =
        archived_ind == soci::i_ok ? ProductStatus::archived : parse_product_status(status).value();
    return {id,        shop_id, name,    description, category,     price,     currency,
            inventory, state,   created, updated,     rating_count, rating_sum};
  }
};

std::vector<Product> fetch(db::Connection& sql, const db::Query& query) {
  std::vector<Product> products;
  query.each<ProductRow>(sql, [&](const ProductRow& row) { products.push_back(row.to_product()); });
  return products;
}

// One row of kColumns followed by kShopColumns.
struct ProductViewRow {
  ProductRow product;
  shops::ShopSummary shop;

  void define(soci::statement& st) {
    product.define(st);
    st.exchange(soci::into(shop.owner_id));
    st.exchange(soci::into(shop.slug));
    st.exchange(soci::into(shop.name));
    st.exchange(soci::into(shop.accent_color));
  }

  ProductView to_view() const {
    ProductView view{product.to_product(), shop, {}};
    view.shop.id = view.product.shop_id;
    return view;
  }
};

// A product_images row with its image; from a LEFT JOIN, maybe none.
struct ProductImageRow {
  std::string alt;
  soci::indicator alt_indicator = soci::i_null;
  media::ImageRow image;

  void define(soci::statement& st) {
    st.exchange(soci::into(alt, alt_indicator));
    image.define(st);
  }

  ProductImage to_image() const { return {image.to_image(), alt}; }
};

// A product with its shop and one of its images (if it has any), from
// listed_columns(): lists read a row a product, with its main image; a
// product's own page one row an image.
struct ListedProductRow {
  ProductViewRow view;
  ProductImageRow image;

  void define(soci::statement& st) {
    view.define(st);
    image.define(st);
  }

  ProductView to_view() const {
    ProductView listed = view.to_view();
    if (image.image.found()) listed.images.push_back(image.to_image());
    return listed;
  }
};

template <class Row>
std::vector<ProductView> fetch_views(db::Connection& sql, const db::Query& query) {
  std::vector<ProductView> views;
  query.each<Row>(sql, [&](const Row& row) { views.push_back(row.to_view()); });
  return views;
}

const std::string& select_views_from_products() {
  static const std::string select = std::string("SELECT ")
                                        .append(kColumns)
                                        .append(kShopColumns)
                                        .append("FROM products p ")
                                        .append(kJoinShop);
  return select;
}

// The columns of a ListedProductRow, from products p joined with kJoinShop
// and add_image_join.
const std::string& listed_columns() {
  static const std::string columns = std::string(kColumns)
                                         .append(kShopColumns)
                                         .append(", pi.alt_text, ")
                                         .append(media::image_columns("i"))
                                         .append(" ");
  return columns;
}

enum class JoinedImages { main, all };

// A product's images (all of them or its main one), if it has any; with
// `only`, product_images is also narrowed to those products (see find_many).
void add_image_join(db::Query& query, JoinedImages which,
                    const std::vector<long long>* only = nullptr) {
  query.sql("LEFT JOIN product_images pi ON pi.product_id = p.id ");
  if (which == JoinedImages::main) query.sql("AND pi.position = 0 ");
  if (only) query.sql("AND pi.product_id IN (").bind_list(*only).sql(") ");
  query.sql("LEFT JOIN images i ON i.id = pi.image_id ");
}

std::string tsquery_expression(const std::vector<std::string>& terms) {
  return prefix_expression(terms, {"", ":*", " | ", " & "});
}

// What a statement over the filter's matches reads: their ids, their listed
// rows (joined with shop and main image), or their per-category counts; or
// their ids in the sort's order, walking its index and testing each product's
// membership in the text's matches (sorted_members).
enum class Reading { ids, listed_rows, facets, sorted_members };

// When a text matches many products, walking the sort's index
// (products_listed_category_price and _newest, migration 024) and testing
// each product for the text reads a page's worth of index entries; joining
// every match to its row and sorting them read every match. At 100x the bench
// marketplace: SQLite 48 -> 5 ms, PostgreSQL 11-50 -> 0.3-31 ms (bench/README.md).
bool tests_membership(const ProductFilter& filter, Reading reading) {
  return reading == Reading::sorted_members && !filter.include_drafts &&
         filter.sort != ProductSort::relevance;
}

// FROM and WHERE shared by the page and its facets.
void add_from_where(db::Query& query, db::Dialect dialect, const ProductFilter& filter,
                    Reading reading) {
  const auto terms = search_terms(filter.query);
  const bool members = !terms.empty() && tests_membership(filter, reading);
  // With a text query on SQLite, the full-text index drives the join (CROSS
  // JOIN fixes the order): left to itself, the planner walked the category
  // index and re-ran the MATCH for every row, 30x slower (bench/README.md).
  if (!terms.empty() && dialect == db::Dialect::sqlite && !members) {
    query.sql("FROM products_fts CROSS JOIN products p ON p.id = products_fts.rowid ");
  } else {
    query.sql("FROM products p ");
  }
  if (reading == Reading::listed_rows) {
    query.sql(kJoinShop);
    add_image_join(query, JoinedImages::main);
  }
  query.sql("WHERE p.archived_at IS NULL ");
  if (!filter.include_drafts) {
    query.sql("AND p.status = 'active' ");
  } else if (filter.status) {
    query.sql("AND p.status = ").bind(std::string(to_string(*filter.status))).sql(" ");
  }
  if (!terms.empty()) {
    if (members && dialect == db::Dialect::sqlite) {
      // The unary + keeps the planner from driving the walk by the id list:
      // the sort's index drives it, the list of matches is probed.
      query.sql("AND +p.id IN (SELECT rowid FROM products_fts WHERE products_fts MATCH ")
          .bind(fts5_expression(terms))
          .sql(") ");
    } else if (members) {
      // IS TRUE hides the match from the GIN index, and its default
      // selectivity (one half) makes walking the sort's index the cheapest
      // plan: each row walked is tested, none is sorted. Left to the planner,
      // it ANDed the GIN and category bitmaps, fetched every match's row and
      // sorted them (its estimate missed that a word and a category go
      // together: 262 rows estimated, 3,200 found).
      query.sql("AND (p.search @@ to_tsquery('english', ")
          .bind(tsquery_expression(terms))
          .sql(")) IS TRUE ");
    } else if (dialect == db::Dialect::sqlite) {
      query.sql("AND products_fts MATCH ").bind(fts5_expression(terms)).sql(" ");
    } else {
      query.sql("AND p.search @@ to_tsquery('english', ").bind(tsquery_expression(terms)).sql(") ");
    }
  }
  // The shop's id first, so that its products are walked in
  // products_listed_shop_newest's order: joined to shops by slug, PostgreSQL
  // read all of the shop's products and sorted them (20,000 at 1000x the
  // bench marketplace; bench/README.md).
  if (!filter.shop_slug.empty())
    query.sql("AND p.shop_id = (SELECT id FROM shops WHERE slug = ")
        .bind(filter.shop_slug)
        .sql(") ");
  if (filter.shop_id)
    query.sql("AND p.shop_id = ").bind(static_cast<long long>(*filter.shop_id)).sql(" ");
  if (reading != Reading::facets && !filter.category.empty())
    query.sql("AND p.category = ").bind(filter.category).sql(" ");
  if (filter.min_price_cents)
    query.sql("AND p.price_cents >= ").bind(*filter.min_price_cents).sql(" ");
  if (filter.max_price_cents)
    query.sql("AND p.price_cents <= ").bind(*filter.max_price_cents).sql(" ");
  if (filter.in_stock_only) query.sql("AND p.inventory > 0 ");
}

// The column a sort orders by, then by id in the same direction (the
// keyset of `after`). Relevance without words to rank lists newest first.
struct SortColumn {
  std::string_view name;
  bool descending;
};

SortColumn sort_column(ProductSort sort) {
  switch (sort) {
    case ProductSort::price_asc:
      return {"price_cents", false};
    case ProductSort::price_desc:
      return {"price_cents", true};
    case ProductSort::relevance:
    case ProductSort::newest:
      break;
  }
  return {"created_at", true};
}

void add_order(db::Query& query, db::Dialect dialect, const ProductFilter& filter) {
  const auto terms = search_terms(filter.query);
  if (filter.sort == ProductSort::relevance && !terms.empty()) {
    if (dialect == db::Dialect::sqlite) {
      // bm25 is lower for better matches; columns: name, category, description.
      query.sql("ORDER BY bm25(products_fts, 10.0, 4.0, 1.0), p.id DESC ");
    } else {
      query.sql("ORDER BY ts_rank(p.search, to_tsquery('english', ")
          .bind(tsquery_expression(terms))
          .sql(")) DESC, p.id DESC ");
    }
    return;
  }
  const auto column = sort_column(filter.sort);
  const std::string_view direction = column.descending ? " DESC" : " ASC";
  query.sql("ORDER BY p.").sql(column.name).sql(direction).sql(", p.id").sql(direction).sql(" ");
}

}  // namespace

constexpr std::string_view kWhereId = "WHERE p.id = :id";

std::optional<ProductView> find(db::Connection& sql, std::int64_t id) {
  db::Query query(select_views_from_products());
  query.sql(kWhereId).values(id);
  auto products = fetch_views<ProductViewRow>(sql, query);
  if (products.empty()) return std::nullopt;
  return std::move(products.front());
}

std::optional<ProductView> find_for_update(db::Connection& sql, std::int64_t id) {
  db::Query query(select_views_from_products());
  query.sql(kWhereId).values(id).for_update(sql, "p");
  auto products = fetch_views<ProductViewRow>(sql, query);
  if (products.empty()) return std::nullopt;
  return std::move(products.front());
}

// One row an image (or one without), so that a product's page is one query,
// its shop's shipping rate joined in: a statement of its own cost the page
// a sixth of its rate. The images are put in order here: an ORDER BY had
// PostgreSQL add a sort that cost a third of the statement (fix 28).
std::optional<ProductDetail> find_detail(db::Connection& sql, std::int64_t id) {
  // A listed row, its image's position and the rate of its currency.
  struct GalleryRow {
    ListedProductRow listed;
    int position = 0;
    long long flat_cents = 0, free_over_cents = 0;
    soci::indicator position_indicator = soci::i_null, flat_indicator = soci::i_null,
                    free_over_indicator = soci::i_null;

    void define(soci::statement& st) {
      listed.define(st);
      st.exchange(soci::into(position, position_indicator));
      st.exchange(soci::into(flat_cents, flat_indicator));
      st.exchange(soci::into(free_over_cents, free_over_indicator));
    }
  };
  // Its text is the same for every product: built once, as find's.
  static const std::string select = [] {
    db::Query text;
    text.sql("SELECT ")
        .sql(listed_columns())
        .sql(", pi.position, sr.flat_cents, sr.free_over_cents FROM products p ")
        .sql(kJoinShop);
    add_image_join(text, JoinedImages::all);
    text.sql("LEFT JOIN shipping_rates sr ON sr.shop_id = p.shop_id AND sr.currency = p.currency ");
    return text.sql(kWhereId).text();
  }();
  db::Query query(select);
  query.values(id);
  std::optional<ProductDetail> detail;
  std::vector<std::pair<int, ProductImage>> images;
  query.each<GalleryRow>(sql, [&](const GalleryRow& row) {
    if (!detail) {
      detail = ProductDetail{row.listed.view.to_view(), {}};
      detail->shipping.currency = detail->view.product.currency;
      if (row.flat_indicator == soci::i_ok) detail->shipping.flat_cents = row.flat_cents;
      if (row.free_over_indicator == soci::i_ok)
        detail->shipping.free_over_cents = row.free_over_cents;
    }
    if (row.listed.image.image.found())
      images.emplace_back(row.position, row.listed.image.to_image());
  });
  std::ranges::sort(images, {}, &std::pair<int, ProductImage>::first);
  for (auto& [position, image] : images) detail->view.images.push_back(std::move(image));
  return detail;
}

constexpr std::string_view kInsertProduct = R"(
  INSERT INTO products (shop_id, name, description, category, price_cents, currency, inventory,
                        status, created_at, updated_at)
  VALUES (:shop, :name, :description, :category, :price, :currency, :inventory, :status,
          :created, :updated))";

std::int64_t insert(db::Connection& sql, const Product& product) {
  return db::Query(kInsertProduct)
      .values(product.shop_id, product.name, product.description, product.category,
              product.price_cents, product.currency, product.inventory,
              std::string(to_string(product.status)), product.created_at, product.updated_at)
      .insert_returning_id(sql);
}

constexpr std::string_view kUpdateProduct = R"(
  UPDATE products SET name = :name, description = :description, category = :category,
                      price_cents = :price, currency = :currency, inventory = :inventory,
                      status = :status, updated_at = :updated
  WHERE id = :id)";

void update(db::Connection& sql, const Product& product) {
  db::Query(kUpdateProduct)
      .values(product.name, product.description, product.category, product.price_cents,
              product.currency, product.inventory, std::string(to_string(product.status)),
              product.updated_at, product.id)
      .execute(sql);
}

constexpr std::string_view kArchiveProduct = R"(
  UPDATE products SET archived_at = :at, updated_at = :at2 WHERE id = :id)";

void archive(db::Connection& sql, std::int64_t id, Millis now) {
  db::Query(kArchiveProduct).values(now, now, id).execute(sql);
}

std::vector<ProductView> find_many(db::Connection& sql, const std::vector<std::int64_t>& ids,
                                   bool with_main_image) {
  if (ids.empty()) return {};
  const std::vector<long long> keys(ids.begin(), ids.end());
  db::Query query;
  if (!with_main_image) {
    query.sql(select_views_from_products());
  } else {
    query.sql("SELECT ").sql(listed_columns()).sql("FROM products p ").sql(kJoinShop);
    // The ids again on product_images for PostgreSQL: with the join alone to
    // go by, its planner hashed a scan of the whole table instead of probing
    // the index for the page's rows (fix 23). SQLite probes anyway, and a
    // second IN list would cost it 5 %.
    add_image_join(query, JoinedImages::main,
                   sql.dialect() == db::Dialect::postgres ? &keys : nullptr);
  }
  // No ORDER BY: the rows are put in the ids' order here, and PostgreSQL's
  // sort of the joined rows cost 12 % of the statement (fix 29).
  query.sql("WHERE p.id IN (").bind_list(keys).sql(")");
  auto found = with_main_image ? fetch_views<ListedProductRow>(sql, query)
                               : fetch_views<ProductViewRow>(sql, query);
  std::vector<ProductView> in_order;
  for (auto id : ids) {
    auto view = std::ranges::find(found, id, [](const ProductView& v) { return v.product.id; });
    if (view != found.end()) in_order.push_back(std::move(*view));
  }
  return in_order;
}

db::Query newest_of_shops_query(const std::vector<std::int64_t>& shop_ids, int per_shop) {
  // Each shop's few newest ids from products_listed_shop_newest (migration
  // 008), a short index walk a shop; ranking all of the shops' products in a
  // window cost a directory page 9.7 M instructions on SQLite (fix 34). The
  // limit is written into the text, as the catalogue's pages (fix 26).
  const std::string newest_of_one_shop =
      " AND status = 'active' AND archived_at IS NULL ORDER BY created_at DESC, id DESC LIMIT " +
      std::to_string(per_shop) + ") AS newest";
  db::Query query("SELECT ");
  query.sql(listed_columns()).sql("FROM products p ").sql(kJoinShop);
  add_image_join(query, JoinedImages::main);
  query.sql("WHERE p.id IN (");
  for (std::size_t i = 0; i < shop_ids.size(); ++i) {
    if (i > 0) query.sql(" UNION ALL ");
    query.sql("SELECT id FROM (SELECT id FROM products WHERE shop_id = ")
        .bind(static_cast<long long>(shop_ids[i]))
        .sql(newest_of_one_shop);
  }
  query.sql(")");
  return query;
}

std::vector<ProductView> newest_of_shops(db::Connection& sql,
                                         const std::vector<std::int64_t>& shop_ids, int per_shop) {
  if (shop_ids.empty() || per_shop <= 0) return {};
  auto views = fetch_views<ListedProductRow>(sql, newest_of_shops_query(shop_ids, per_shop));
  // Shop by shop, newest first: ordered here, as fix 29's sorts.
  std::ranges::sort(views, [](const ProductView& a, const ProductView& b) {
    const Product &x = a.product, &y = b.product;
    return std::tuple(x.shop_id, -x.created_at, -x.id) <
           std::tuple(y.shop_id, -y.created_at, -y.id);
  });
  return views;
}

constexpr std::string_view kTakeStock = R"(
  UPDATE products SET inventory = inventory - :quantity
  WHERE id = :id AND inventory >= :quantity2 AND status = 'active' AND archived_at IS NULL)";

bool take_stock(db::Connection& sql, std::int64_t id, long long quantity) {
  return db::Query(kTakeStock).values(quantity, id, quantity).execute(sql) == 1;
}

constexpr std::string_view kReturnStock = R"(
  UPDATE products SET inventory = inventory + :quantity WHERE id = :id)";

void return_stock(db::Connection& sql, std::int64_t id, long long quantity) {
  db::Query(kReturnStock).values(quantity, id).execute(sql);
}

constexpr std::string_view kAddRating = R"(
  UPDATE products SET rating_sum = rating_sum + :rating, rating_count = rating_count + :count
  WHERE id = :id)";

void add_rating(db::Connection& sql, std::int64_t id, int rating_delta, int count_delta) {
  db::Query(kAddRating).values(rating_delta, count_delta, id).execute(sql);
}

constexpr std::string_view kLowStockOfShop = R"(
  FROM products p
  WHERE p.shop_id = :shop AND p.inventory <= :threshold AND p.status = 'active'
    AND p.archived_at IS NULL
  ORDER BY p.inventory, p.id LIMIT 20)";

std::vector<Product> low_stock(db::Connection& sql, std::int64_t shop_id, long long threshold) {
  db::Query query("SELECT ");
  query.sql(kColumns).sql(kLowStockOfShop).values(shop_id, threshold);
  return fetch(sql, query);
}

constexpr std::string_view kDeleteImagesOfProduct = R"(
  DELETE FROM product_images WHERE product_id = :product)";
constexpr std::string_view kInsertProductImage = R"(
  INSERT INTO product_images (product_id, position, image_id, alt_text)
  VALUES (:product, :position, :image, :alt))";

void replace_images(db::Connection& sql, std::int64_t product_id,
                    const std::vector<ProductImageRef>& images) {
  db::Query(kDeleteImagesOfProduct).values(product_id).execute(sql);
  for (const auto& image : images)
    db::Query(kInsertProductImage)
        .values(product_id, image.position, image.image_id, image.alt_text)
        .execute(sql);
}

namespace {
// Row values, so that both databases start the index scan at the cursor.
// Relevance is refused by the routes.
void add_after(db::Query& query, ProductSort sort, const ProductCursor& after) {
  const auto column = sort_column(sort);
  query.sql("AND (p.").sql(column.name).sql(column.descending ? ", p.id) < (" : ", p.id) > (");
  query.bind(after.key).sql(", ").bind(static_cast<long long>(after.id)).sql(") ");
}

// The page's window: one row more than the page, to tell whether another
// follows. The limit is written into the statement, not bound: PostgreSQL
// costs a generic plan's `LIMIT $n` as a tenth of the matches, so it kept
// planning the joined page afresh on every execution (fix 26). Limits are
// 1 to 100, so a connection prepares few variants.
void add_page_window(db::Query& query, db::Dialect dialect, const ProductFilter& filter) {
  if (filter.after) add_after(query, filter.sort, *filter.after);
  add_order(query, dialect, filter);
  query.sql("LIMIT ").sql(std::to_string(filter.page.limit + 1));
  if (!filter.after) query.sql(" OFFSET ").bind(filter.page.offset());
}

// Drops the row past the page's window; true when there was one.
template <class Row>
bool drop_next(std::vector<Row>& rows, const ProductFilter& filter) {
  if (rows.size() <= static_cast<std::size_t>(filter.page.limit)) return false;
  rows.pop_back();
  return true;
}

// The whole listed catalogue, at most narrowed to one category: the listing
// indexes (migration 003) order it and listed_product_counts (migration 005)
// counts it.
bool whole_catalogue(const ProductFilter& filter) {
  return search_terms(filter.query).empty() && filter.shop_slug.empty() && !filter.shop_id &&
         !filter.min_price_cents && !filter.max_price_cents && !filter.in_stock_only &&
         !filter.include_drafts;
}

// Pages read straight off a listing index: the first, or one after a cursor,
// of the whole catalogue. Any other filter has the database sort the matches,
// and sorting ids is cheaper than sorting joined rows (fix 26).
bool walks_an_index(const ProductFilter& filter) {
  return (filter.after || filter.page.page == 1) && whole_catalogue(filter) &&
         filter.category.empty();
}

// The page in one statement, its rows joined with shop and main image as the
// index scan finds them.
ProductRows listed_page(db::Connection& sql, const ProductFilter& filter) {
  const auto dialect = sql.dialect();
  db::Query query;
  query.sql("SELECT ").sql(listed_columns());
  add_from_where(query, dialect, filter, Reading::listed_rows);
  add_page_window(query, dialect, filter);
  ProductRows rows{fetch_views<ListedProductRow>(sql, query)};
  rows.more = drop_next(rows.views, filter);
  return rows;
}

// The page's products, with their shops and main images, from its ids in
// order and one more when another page follows.
ProductRows rows_of(db::Connection& sql, const ProductFilter& filter,
                    std::vector<std::int64_t> ids) {
  const bool more = drop_next(ids, filter);
  return {find_many(sql, ids, /*with_main_image=*/true), more};
}

// Ids first, so that walking past OFFSET's rows or ranking a search's
// matches reads nothing but the index; then the rows (fix 18).
ProductRows page_by_ids(db::Connection& sql, const ProductFilter& filter, bool many_matches) {
  const auto dialect = sql.dialect();
  db::Query query("SELECT p.id ");
  add_from_where(query, dialect, filter, many_matches ? Reading::sorted_members : Reading::ids);
  add_page_window(query, dialect, filter);
  return rows_of(sql, filter, read_ids(sql, query));
}
}  // namespace

ProductRows page(db::Connection& sql, const ProductFilter& filter, bool many_matches,
                 sorted_index::Lookup& lookup) {
  if (sorted_index::serves_page(sql.dialect(), filter)) {
    if (auto ids = sorted_index::page_ids(sql, filter, lookup))
      return rows_of(sql, filter, std::move(*ids));
  }
  return walks_an_index(filter) ? listed_page(sql, filter) : page_by_ids(sql, filter, many_matches);
}

namespace {
// One shop's listed products, at most narrowed to one category: counted by
// shop_category_counts (migration 024).
bool whole_shop(const ProductFilter& filter) {
  return search_terms(filter.query).empty() && (!filter.shop_slug.empty() || filter.shop_id) &&
         !filter.min_price_cents && !filter.max_price_cents && !filter.in_stock_only &&
         !filter.include_drafts;
}

void add_shop_counts(db::Query& query, const ProductFilter& filter) {
  query.sql("SELECT c.category, c.products FROM shop_category_counts c ");
  if (filter.shop_id) {
    query.sql("WHERE c.shop_id = ").bind(static_cast<long long>(*filter.shop_id));
  } else {
    query.sql("JOIN shops s ON s.id = c.shop_id WHERE s.slug = ").bind(filter.shop_slug);
  }
  query.sql(" AND c.products > 0");
}

// The first kCountCap matches per category: the subquery's LIMIT stops the
// scan, where a GROUP BY over every match grew with the catalogue.
void add_capped_counts(db::Query& query, db::Dialect dialect, const ProductFilter& filter) {
  query.sql("SELECT category, COUNT(*) AS n FROM (SELECT p.category ");
  add_from_where(query, dialect, filter, Reading::facets);
  query.sql("LIMIT ").sql(std::to_string(kCountCap)).sql(") AS matches GROUP BY category");
}

// (category, count) rows: kept counts where there are some, else the first
// kCountCap matches counted.
db::Query counts_query(db::Dialect dialect, const ProductFilter& filter) {
  db::Query query;
  if (whole_catalogue(filter)) {
    query.sql("SELECT category, products FROM listed_product_counts WHERE products > 0");
  } else if (whole_shop(filter)) {
    add_shop_counts(query, filter);
  } else {
    add_capped_counts(query, dialect, filter);
  }
  return query;
}

CategoryCounts counted(db::Connection& sql, const ProductFilter& filter,
                       sorted_index::Lookup& lookup) {
  if (sorted_index::serves_counts(filter)) {
    if (auto counts = sorted_index::counts(sql, filter, kCountCap, lookup)) return *counts;
  }
  auto counts = read_counts(sql, counts_query(sql.dialect(), filter));
  if (whole_catalogue(filter) || whole_shop(filter)) return {std::move(counts), /*capped=*/false};
  return counted_to(std::move(counts), kCountCap);
}
}  // namespace

CategoryCounts category_counts(db::Connection& sql, const ProductFilter& filter,
                               sorted_index::Lookup& lookup) {
  auto result = counted(sql, filter, lookup);
  // Most products first, then by name: ordered here, as PostgreSQL's sort
  // node cost more than the rest of the count's statement (fix 29).
  std::ranges::sort(result.counts, [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  return result;
}

bool any_match(db::Connection& sql, const ProductFilter& filter) {
  db::Query query("SELECT 1 ");
  add_from_where(query, sql.dialect(), filter, Reading::ids);
  query.sql("LIMIT 1");
  return query.first<int>(sql).has_value();
}

namespace {
// pg_trgm's trigrams of a word: padded with two spaces before and one after,
// three characters (not bytes, as SQLite's substr in migration 022) each.
std::set<std::string> trigrams(std::string_view word) {
  const std::string padded = "  " + std::string(word) + " ";
  std::vector<std::size_t> starts;  // of each UTF-8 character
  for (std::size_t i = 0; i < padded.size(); ++i)
    if ((static_cast<unsigned char>(padded[i]) & 0xC0) != 0x80) starts.push_back(i);
  starts.push_back(padded.size());
  std::set<std::string> found;
  for (std::size_t c = 0; c + 3 < starts.size(); ++c)
    found.insert(padded.substr(starts[c], starts[c + 3] - starts[c]));
  return found;
}

// Shared trigrams over all of both words' trigrams, as pg_trgm's similarity;
// a word's own count taken as its length + 1 (exact but for repeats).
void add_similar_sqlite(db::Query& query, std::string_view word) {
  const auto wanted = trigrams(word);
  query.sql("SELECT word FROM search_word_trigrams WHERE trigram IN (");
  bool first = true;
  for (const auto& trigram : wanted) {
    query.sql(first ? "" : ", ").bind(trigram);
    first = false;
  }
  query.sql(") GROUP BY word ORDER BY COUNT(*) * 1.0 / (length(word) + 1 + ")
      .bind(static_cast<long long>(wanted.size()))
      .sql(" - COUNT(*)) DESC, word ");
}
}  // namespace

std::vector<std::string> similar_words(db::Connection& sql, std::string_view word, int limit) {
  db::Query query;
  if (sql.dialect() == db::Dialect::sqlite) {
    add_similar_sqlite(query, word);
  } else {
    // pg_trgm's distance, walked in its GiST index (migration 022).
    query.sql("SELECT word FROM search_words ORDER BY word <-> ").bind(std::string(word)).sql(" ");
  }
  query.sql("LIMIT ").sql(std::to_string(limit));
  std::vector<std::string> words;
  struct WordRow {
    std::string word;
    void define(soci::statement& st) { st.exchange(soci::into(word)); }
  };
  query.each<WordRow>(sql, [&](const WordRow& row) { words.push_back(row.word); });
  return words;
}

constexpr std::string_view kOptimizeSearchIndex = R"(
  INSERT INTO products_fts(products_fts) VALUES ('optimize'))";
constexpr std::string_view kOptimizePriceIndex = R"(
  INSERT INTO products_by_price(products_by_price) VALUES ('optimize'))";
constexpr std::string_view kOptimizeNewestIndex = R"(
  INSERT INTO products_by_newest(products_by_newest) VALUES ('optimize'))";

void compact_search_index(db::Connection& sql) {
  if (sql.dialect() != db::Dialect::sqlite) return;
  db::Query(kOptimizeSearchIndex).execute(sql);
  db::Query(kOptimizePriceIndex).execute(sql);
  db::Query(kOptimizeNewestIndex).execute(sql);
}

}  // namespace store
}  // namespace ps::catalog

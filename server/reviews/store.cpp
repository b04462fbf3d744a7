#include "reviews/store.h"

#include "db/query.h"

#include <soci/soci.h>

namespace ps::reviews::store {

namespace {
constexpr const char* kSelect =
    "SELECT r.id, r.product_id, r.buyer_id, u.display_name, r.order_id, r.rating, r.body, "
    "r.reply, r.replied_at, r.created_at, r.updated_at FROM reviews r "
    "JOIN users u ON u.id = r.buyer_id ";

// One row of kSelect, bound to a statement.
struct ReviewRow {
  Review review;
  long long id = 0, product = 0, buyer = 0, order = 0, replied = 0, created = 0, updated = 0;
  soci::indicator reply_ind = soci::i_null, replied_ind = soci::i_null;

  void define(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(product));
    st.exchange(soci::into(buyer));
    st.exchange(soci::into(review.buyer_name));
    st.exchange(soci::into(order));
    st.exchange(soci::into(review.rating));
    st.exchange(soci::into(review.body));
    st.exchange(soci::into(review.reply, reply_ind));
    st.exchange(soci::into(replied, replied_ind));
    st.exchange(soci::into(created));
    st.exchange(soci::into(updated));
  }

  Review to_review() const {
    Review read = review;
    read.id = id;
    read.product_id = product;
    read.buyer_id = buyer;
    read.order_id = order;
    if (reply_ind != soci::i_ok) read.reply.clear();
    read.replied_at = replied_ind == soci::i_ok ? replied : 0;
    read.created_at = created;
    read.updated_at = updated;
    return read;
  }
};

std::vector<Review> fetch(soci::session& sql, const db::Query& query) {
  std::vector<Review> reviews;
  query.each<ReviewRow>(sql, [&](const ReviewRow& row) { reviews.push_back(row.to_review()); });
  return reviews;
}

std::optional<Review> first(std::vector<Review> reviews) {
  if (reviews.empty()) return std::nullopt;
  return std::move(reviews.front());
}
}  // namespace

std::int64_t insert(soci::session& sql, const Review& r) {
  return db::Query(
             "INSERT INTO reviews (product_id, buyer_id, order_id, rating, body, created_at, "
             "updated_at) VALUES (:product, :buyer, :order, :rating, :body, :created, :updated)")
      .values(r.product_id, r.buyer_id, r.order_id, r.rating, r.body, r.created_at, r.updated_at)
      .insert_returning_id(sql);
}

std::optional<Review> find(soci::session& sql, std::int64_t id) {
  db::Query query(kSelect);
  query.sql("WHERE r.id = ").bind(static_cast<long long>(id));
  return first(fetch(sql, query));
}

std::optional<Review> find_by_author(soci::session& sql, std::int64_t product_id,
                                     std::int64_t buyer_id) {
  db::Query query(kSelect);
  query.sql("WHERE r.product_id = ").bind(static_cast<long long>(product_id));
  query.sql(" AND r.buyer_id = ").bind(static_cast<long long>(buyer_id));
  return first(fetch(sql, query));
}

void update(soci::session& sql, const Review& r) {
  const long long id = r.id, updated = r.updated_at;
  sql << "UPDATE reviews SET rating = :rating, body = :body, updated_at = :updated WHERE id = :id",
      soci::use(r.rating), soci::use(r.body), soci::use(updated), soci::use(id);
}

bool set_reply(soci::session& sql, std::int64_t id, const std::string& reply, Millis now) {
  db::Query query("UPDATE reviews SET reply = ");
  query.bind(reply).sql(", replied_at = ").bind(static_cast<long long>(now));
  query.sql(" WHERE id = ").bind(static_cast<long long>(id)).sql(" AND reply IS NULL");
  return query.execute(sql) == 1;
}

std::vector<Review> for_product(soci::session& sql, std::int64_t product_id,
                                const PageRequest& page) {
  db::Query query(kSelect);
  query.sql("WHERE r.product_id = ").bind(static_cast<long long>(product_id));
  query.sql(" ORDER BY r.created_at DESC, r.id DESC LIMIT ")
      .bind(static_cast<long long>(page.limit))
      .sql(" OFFSET ")
      .bind(page.offset());
  return fetch(sql, query);
}

long long count_for_product(soci::session& sql, std::int64_t product_id) {
  return db::Query("SELECT COUNT(*) FROM reviews WHERE product_id = :product")
      .values(product_id)
      .single<long long>(sql);
}

}  // namespace ps::reviews::store

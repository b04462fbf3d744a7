#include "reviews/store.h"

namespace ps::reviews::store {

namespace {
// Continued by each query that reads ReviewRows.
constexpr std::string_view kSelectReviews = R"(
  SELECT r.id, r.product_id, r.buyer_id, u.display_name, r.order_id, r.rating, r.body,
         r.reply, r.replied_at, r.created_at, r.updated_at
  FROM reviews r JOIN users u ON u.id = r.buyer_id )";

// One row of kSelectReviews.
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

std::vector<Review> fetch(db::Connection& sql, const db::Query& query) {
  std::vector<Review> reviews;
  query.each<ReviewRow>(sql, [&](const ReviewRow& row) { reviews.push_back(row.to_review()); });
  return reviews;
}

std::optional<Review> first(std::vector<Review> reviews) {
  if (reviews.empty()) return std::nullopt;
  return std::move(reviews.front());
}
}  // namespace

constexpr std::string_view kInsertReview = R"(
  INSERT INTO reviews (product_id, buyer_id, order_id, rating, body, created_at, updated_at)
  VALUES (:product, :buyer, :order, :rating, :body, :created, :updated))";

std::int64_t insert(db::Connection& sql, const Review& r) {
  return db::Query(kInsertReview)
      .values(r.product_id, r.buyer_id, r.order_id, r.rating, r.body, r.created_at, r.updated_at)
      .insert_returning_id(sql);
}

constexpr std::string_view kWhereId = "WHERE r.id = :id";

std::optional<Review> find(db::Connection& sql, std::int64_t id) {
  db::Query query(kSelectReviews);
  return first(fetch(sql, query.sql(kWhereId).values(id)));
}

std::optional<Review> find_for_update(db::Connection& sql, std::int64_t id) {
  db::Query query(kSelectReviews);
  return first(fetch(sql, query.sql(kWhereId).values(id).for_update(sql, "r")));
}

constexpr std::string_view kWhereAuthor = "WHERE r.product_id = :product AND r.buyer_id = :buyer";

std::optional<Review> find_by_author(db::Connection& sql, std::int64_t product_id,
                                     std::int64_t buyer_id) {
  db::Query query(kSelectReviews);
  return first(fetch(sql, query.sql(kWhereAuthor).values(product_id, buyer_id)));
}

constexpr std::string_view kUpdateReview = R"(
  UPDATE reviews SET rating = :rating, body = :body, updated_at = :updated WHERE id = :id)";

void update(db::Connection& sql, const Review& r) {
  db::Query(kUpdateReview).values(r.rating, r.body, r.updated_at, r.id).execute(sql);
}

constexpr std::string_view kDeleteReview = "DELETE FROM reviews WHERE id = :id";

void remove(db::Connection& sql, std::int64_t id) {
  db::Query(kDeleteReview).values(id).execute(sql);
}

constexpr std::string_view kSetReply = R"(
  UPDATE reviews SET reply = :reply, replied_at = :at WHERE id = :id AND reply IS NULL)";

bool set_reply(db::Connection& sql, std::int64_t id, const std::string& reply, Millis now) {
  return db::Query(kSetReply).values(reply, now, id).execute(sql) == 1;
}

constexpr std::string_view kChangeReply = R"(
  UPDATE reviews SET reply = :reply, replied_at = :at WHERE id = :id AND reply IS NOT NULL)";

bool change_reply(db::Connection& sql, std::int64_t id, const std::string& reply, Millis now) {
  return db::Query(kChangeReply).values(reply, now, id).execute(sql) == 1;
}

constexpr std::string_view kClearReply = R"(
  UPDATE reviews SET reply = NULL, replied_at = NULL WHERE id = :id AND reply IS NOT NULL)";

bool clear_reply(db::Connection& sql, std::int64_t id) {
  return db::Query(kClearReply).values(id).execute(sql) == 1;
}

constexpr std::string_view kWhereProductNewestFirst = R"(
  WHERE r.product_id = :product
  ORDER BY r.created_at DESC, r.id DESC LIMIT :limit OFFSET :offset)";

db::Query for_product_query(std::int64_t product_id, const PageRequest& page) {
  db::Query query(kSelectReviews);
  query.sql(kWhereProductNewestFirst)
      .values(product_id, static_cast<long long>(page.limit), page.offset());
  return query;
}

std::vector<Review> for_product(db::Connection& sql, std::int64_t product_id,
                                const PageRequest& page) {
  return fetch(sql, for_product_query(product_id, page));
}

constexpr std::string_view kCountForProduct = R"(
  SELECT COUNT(*) FROM reviews WHERE product_id = :product)";

long long count_for_product(db::Connection& sql, std::int64_t product_id) {
  return db::Query(kCountForProduct).values(product_id).single<long long>(sql);
}

}  // namespace ps::reviews::store

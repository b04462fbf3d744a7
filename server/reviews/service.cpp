#include "reviews/service.h"

#include "notifications/service.h"

#include "core/errors.h"
#include "core/text.h"

namespace ps::reviews {

ApiError review_exists() {
  return {ErrorCode::review_exists, "You have already reviewed this product; edit your review."};
}

namespace {
ApiError review_not_found() { return ApiError::not_found("There is no such review."); }

// The product if the viewer may see it (as GET /api/products/{id} decides);
// 404 otherwise, so that its reviews do not tell that a draft exists.
catalog::ProductView visible_product(db::Connection& sql, catalog::CatalogService& catalog,
                                     std::int64_t product_id,
                                     std::optional<std::int64_t> viewer_id) {
  auto found = catalog.find_many(sql, {product_id}, catalog::CatalogService::Images::none);
  if (found.empty() || !catalog::visible_to(found.front(), viewer_id))
    throw ApiError::not_found("There is no such product.");
  return std::move(found.front());
}
}  // namespace

Review ReviewsService::create(std::int64_t buyer_id, std::int64_t product_id, int rating,
                              const std::string& body) {
  return database_.transaction([&](db::Connection& sql) {
    const auto product = visible_product(sql, catalog_, product_id, buyer_id);
    const auto order = orders_.delivered_order_with(sql, buyer_id, product_id);
    if (!order)
      throw ApiError::forbidden("Only buyers who have received this product can review it.");
    if (store::find_by_author(sql, product_id, buyer_id)) throw review_exists();
    Review review;
    review.product_id = product_id;
    review.buyer_id = buyer_id;
    review.order_id = *order;
    review.rating = rating;
    review.body = body;
    review.created_at = review.updated_at = now_millis();
    const auto id = store::insert(sql, review);
    catalog_.add_rating(sql, product_id, rating, 1);
    // The vendor hears of it, to answer it if they like.
    notifications::notify(
        sql, {.user_id = product.shop.owner_id,
              .kind = "new_review",
              .title = "A " + std::to_string(rating) + "-star review of " + product.product.name,
              .body = text::excerpt(body, 140),
              .link = "/products/" + std::to_string(product_id) + "#reviews"});
    return store::find(sql, id).value();
  });
}

Review ReviewsService::update(std::int64_t buyer_id, std::int64_t review_id,
                              const ReviewInput& input) {
  return database_.transaction([&](db::Connection& sql) {
    // Locked: the product's rating sum moves by this edit's change of
    // rating, so a concurrent edit must not read the same old rating.
    auto review = store::find_for_update(sql, review_id);
    if (!review) throw review_not_found();
    if (review->buyer_id != buyer_id) throw ApiError::forbidden("This is someone else's review.");
    const int old_rating = review->rating;
    if (input.rating) review->rating = *input.rating;
    if (input.body) review->body = *input.body;
    review->updated_at = now_millis();
    store::update(sql, *review);
    catalog_.add_rating(sql, review->product_id, review->rating - old_rating, 0);
    return *review;
  });
}

void ReviewsService::remove(std::int64_t buyer_id, std::int64_t review_id) {
  database_.transaction([&](db::Connection& sql) {
    // Locked, as an edit locks it: of two deletions at once, the second
    // finds no review once the first commits, and the rating leaves once.
    const auto review = store::find_for_update(sql, review_id);
    if (!review) throw review_not_found();
    if (review->buyer_id != buyer_id) throw ApiError::forbidden("This is someone else's review.");
    store::remove(sql, review_id);
    catalog_.add_rating(sql, review->product_id, -review->rating, -1);
  });
}

std::pair<Review, catalog::ProductView> ReviewsService::review_of_shop(db::Connection& sql,
                                                                       std::int64_t vendor_id,
                                                                       std::int64_t review_id) {
  auto review = store::find(sql, review_id);
  if (!review) throw review_not_found();
  auto product = visible_product(sql, catalog_, review->product_id, vendor_id);
  if (product.shop.owner_id != vendor_id)
    throw ApiError::forbidden("Only the product's vendor can reply.");
  return {std::move(*review), std::move(product)};
}

Review ReviewsService::reply(std::int64_t vendor_id, std::int64_t review_id,
                             const std::string& reply) {
  return database_.transaction([&](db::Connection& sql) {
    const auto [review, product] = review_of_shop(sql, vendor_id, review_id);
    if (!store::set_reply(sql, review_id, reply, now_millis()))
      throw ApiError(ErrorCode::review_replied, "This review already has a reply.");
    notifications::notify(sql,
                          {.user_id = review.buyer_id,
                           .kind = "review_reply",
                           .title = product.shop.name + " replied to your review",
                           .body = text::excerpt(reply, 140),
                           .link = "/products/" + std::to_string(review.product_id) + "#reviews"});
    return store::find(sql, review_id).value();
  });
}

namespace {
ApiError no_reply() { return ApiError::not_found("This review has no reply."); }
}  // namespace

// The buyer was told of the reply when it came; an edit is not news.
Review ReviewsService::edit_reply(std::int64_t vendor_id, std::int64_t review_id,
                                  const std::string& reply) {
  return database_.transaction([&](db::Connection& sql) {
    review_of_shop(sql, vendor_id, review_id);
    if (!store::change_reply(sql, review_id, reply, now_millis())) throw no_reply();
    return store::find(sql, review_id).value();
  });
}

void ReviewsService::remove_reply(std::int64_t vendor_id, std::int64_t review_id) {
  database_.transaction([&](db::Connection& sql) {
    review_of_shop(sql, vendor_id, review_id);
    if (!store::clear_reply(sql, review_id)) throw no_reply();
  });
}

ReviewEligibility ReviewsService::eligibility(std::int64_t product_id,
                                              std::optional<std::int64_t> viewer_id) {
  return database_.with_session([&](db::Connection& sql) {
    visible_product(sql, catalog_, product_id, viewer_id);
    if (!viewer_id) return ReviewEligibility{ReviewBlock::sign_in};
    if (const auto review = store::find_by_author(sql, product_id, *viewer_id))
      return ReviewEligibility{ReviewBlock::reviewed, review->id};
    if (!orders_.delivered_order_with(sql, *viewer_id, product_id))
      return ReviewEligibility{ReviewBlock::not_received};
    return ReviewEligibility{};
  });
}

ReviewPage ReviewsService::for_product(std::int64_t product_id,
                                       std::optional<std::int64_t> viewer_id,
                                       const PageRequest& page) {
  return database_.with_session([&](db::Connection& sql) {
    visible_product(sql, catalog_, product_id, viewer_id);
    return ReviewPage{store::for_product(sql, product_id, page),
                      store::count_for_product(sql, product_id)};
  });
}

}  // namespace ps::reviews

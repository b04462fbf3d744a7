#pragma once

#include "catalog/service.h"
#include "core/errors.h"
#include "db/database.h"
#include "orders/service.h"
#include "reviews/store.h"

namespace ps::reviews {

// 409 /problems/review-exists: also what a concurrent review's unique
// violation of (product_id, buyer_id) answers (app/application.cpp).
ApiError review_exists();

// Reviews by buyers who received the product: one each, which its author
// may edit or delete; the product's vendor may reply once, then edit or
// withdraw the reply. Keeps the
// product's rating average. A product the user may not see (a draft of
// someone else's, an archived one) has no reviews to read or write: 404.
// Blocking: call from the WorkerPool.
class ReviewsService {
 public:
  ReviewsService(db::Database& database, catalog::CatalogService& catalog,
                 orders::OrdersService& orders)
      : database_(database), catalog_(catalog), orders_(orders) {}

  Review create(std::int64_t buyer_id, std::int64_t product_id, int rating,
                const std::string& body);
  Review update(std::int64_t buyer_id, std::int64_t review_id, const ReviewInput& input);
  // The author takes the review back, with the shop's reply to it; its
  // rating leaves the product's, and the buyer may review it anew.
  void remove(std::int64_t buyer_id, std::int64_t review_id);
  Review reply(std::int64_t vendor_id, std::int64_t review_id, const std::string& reply);
  // The shop changes its reply (404 when there is none), or withdraws it.
  Review edit_reply(std::int64_t vendor_id, std::int64_t review_id, const std::string& reply);
  void remove_reply(std::int64_t vendor_id, std::int64_t review_id);
  // What create() would answer the viewer now (404 as for_product does).
  ReviewEligibility eligibility(std::int64_t product_id, std::optional<std::int64_t> viewer_id);
  // viewer_id: the signed-in user, who may see the reviews of their own drafts.
  ReviewPage for_product(std::int64_t product_id, std::optional<std::int64_t> viewer_id,
                         const PageRequest& page);

 private:
  // The review and its product, when `vendor_id` sells the product: else 403
  // (404 for no review, or a product the vendor may not see).
  std::pair<Review, catalog::ProductView> review_of_shop(db::Connection& sql,
                                                         std::int64_t vendor_id,
                                                         std::int64_t review_id);

  db::Database& database_;
  catalog::CatalogService& catalog_;
  orders::OrdersService& orders_;
};

}  // namespace ps::reviews

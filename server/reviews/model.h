#pragma once

// Reviews as plain data.

#include "core/clock.h"
#include "core/page.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ps::reviews {

struct Review {
  std::int64_t id = 0;
  std::int64_t product_id = 0;
  std::int64_t buyer_id = 0;
  std::string buyer_name;  // read-only
  std::int64_t order_id = 0;
  int rating = 0;
  std::string body;
  std::string reply;  // empty: none yet
  Millis replied_at = 0;
  Millis created_at = 0;
  Millis updated_at = 0;
};

struct ReviewInput {
  std::optional<int> rating;
  std::optional<std::string> body;
};

// Whether a viewer may review a product now (as create() would decide), and
// if not, why.
enum class ReviewBlock { none, sign_in, not_received, reviewed };

struct ReviewEligibility {
  ReviewBlock blocked_by = ReviewBlock::none;
  std::optional<std::int64_t> review_id;  // the viewer's, when reviewed
  bool eligible() const { return blocked_by == ReviewBlock::none; }
};

struct ReviewPage {
  std::vector<Review> items;
  long long total = 0;
};

}  // namespace ps::reviews

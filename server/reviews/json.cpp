#include "reviews/json.h"

#include "http/query_input.h"

#include <boost/json.hpp>

namespace ps::reviews {

boost::json::object to_json(const Review& r) {
  return {{"id", r.id},
          {"product_id", r.product_id},
          {"author", {{"id", r.buyer_id}, {"display_name", r.buyer_name}}},
          {"rating", r.rating},
          {"body", r.body},
          {"reply", r.reply.empty() ? boost::json::value(nullptr) : boost::json::value(r.reply)},
          {"replied_at", r.replied_at ? boost::json::value(to_rfc3339(r.replied_at))
                                      : boost::json::value(nullptr)},
          {"created_at", to_rfc3339(r.created_at)},
          {"updated_at", to_rfc3339(r.updated_at)}};
}

boost::json::object to_json(const ReviewPage& page, const PageRequest& request) {
  boost::json::array items;
  for (const auto& review : page.items) items.push_back(to_json(review));
  auto json = http::page_json(request, page.total);
  json["items"] = std::move(items);
  return json;
}

boost::json::object to_json(const ReviewEligibility& eligibility) {
  auto reason = [&]() -> boost::json::value {
    switch (eligibility.blocked_by) {
      case ReviewBlock::none:
        return nullptr;
      case ReviewBlock::sign_in:
        return "sign_in";
      case ReviewBlock::not_received:
        return "not_received";
      case ReviewBlock::reviewed:
        return "reviewed";
    }
    return nullptr;
  };
  return {{"eligible", eligibility.eligible()},
          {"reason", reason()},
          {"review_id", eligibility.review_id ? boost::json::value(*eligibility.review_id)
                                              : boost::json::value(nullptr)}};
}

}  // namespace ps::reviews

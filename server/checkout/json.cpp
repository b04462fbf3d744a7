#include "checkout/json.h"

#include "orders/json.h"
#include "payments/json.h"

#include <boost/json.hpp>

namespace ps::checkout {

boost::json::object to_json(const PlacedCheckout& placed) {
  boost::json::array orders;
  for (const auto& order : placed.orders) orders.push_back(orders::to_json(order));
  return {{"checkout_id", placed.checkout_id},
          {"total_cents", placed.total_cents},
          {"currency", placed.currency},
          {"payment", payments::to_json(placed.payment)},
          {"orders", std::move(orders)}};
}

}  // namespace ps::checkout

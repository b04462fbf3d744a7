#include "payments/json.h"

namespace ps::payments {

boost::json::object to_json(const Payment& payment) {
  return {{"id", payment.id},
          {"status", "authorized"},
          {"amount_cents", payment.amount_cents},
          {"currency", payment.currency},
          {"card_brand", payment.card_brand},
          {"card_last4", payment.card_last4}};
}

}  // namespace ps::payments

#pragma once

#include "db/database.h"
#include "orders/model.h"

#include <cstdint>
#include <optional>

namespace ps::addresses {

// A buyer's saved shipping address: the one checkout offers first. Each user
// reaches only their own (the routes take the id from the access token).
// Blocking: call from the WorkerPool.
class AddressesService {
 public:
  explicit AddressesService(db::Database& database) : database_(database) {}

  std::optional<orders::ShippingAddress> saved(std::int64_t user_id);
  orders::ShippingAddress save(std::int64_t user_id, const orders::ShippingAddress& address);
  void forget(std::int64_t user_id);

 private:
  db::Database& database_;
};

}  // namespace ps::addresses

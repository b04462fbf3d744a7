#include "addresses/service.h"

#include "addresses/store.h"

namespace ps::addresses {

std::optional<orders::ShippingAddress> AddressesService::saved(std::int64_t user_id) {
  const auto text =
      database_.transaction([&](db::Connection& sql) { return store::find(sql, user_id); });
  if (!text) return std::nullopt;
  return orders::address_from_storage(*text);
}

orders::ShippingAddress AddressesService::save(std::int64_t user_id,
                                               const orders::ShippingAddress& address) {
  database_.transaction([&](db::Connection& sql) {
    store::save(sql, user_id, orders::to_storage_text(address), now_millis());
  });
  return address;
}

void AddressesService::forget(std::int64_t user_id) {
  database_.transaction([&](db::Connection& sql) { store::remove(sql, user_id); });
}

}  // namespace ps::addresses

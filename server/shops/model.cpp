#include "shops/model.h"

#include "core/money.h"

#include <algorithm>

namespace ps::shops {

namespace {
const ShippingRate* rate_for(const std::vector<ShippingRate>& rates, std::string_view currency) {
  const auto found = std::find_if(rates.begin(), rates.end(), [&](const ShippingRate& rate) {
    return same_currency(rate.currency, currency);
  });
  return found == rates.end() ? nullptr : &*found;
}
}  // namespace

long long shipping_cost(const std::vector<ShippingRate>& rates, std::string_view currency,
                        long long items_cents) {
  const auto* rate = rate_for(rates, currency);
  if (!rate) return 0;
  if (rate->free_over_cents && items_cents >= *rate->free_over_cents) return 0;
  return rate->flat_cents;
}

std::optional<long long> free_shipping_over(const std::vector<ShippingRate>& rates,
                                            std::string_view currency) {
  const auto* rate = rate_for(rates, currency);
  if (!rate || rate->flat_cents == 0) return std::nullopt;
  return rate->free_over_cents;
}

}  // namespace ps::shops

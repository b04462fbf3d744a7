#pragma once

#include "app/application.h"

#include <cstdint>
#include <vector>

namespace ps {

// One seeded shop: its vendor and the products on sale with stock.
struct DemoShop {
  accounts::User vendor;
  std::vector<std::int64_t> products_for_sale;
};

// Orders in every state for the first shop (the vendor login `seed --demo`
// prints), from the two demo buyers: paid through the configured payment
// gateway as a browser pays (the card tokenised there), then processed,
// shipped, delivered or cancelled by the vendor and reviewed by the buyer,
// with a message about one of them, so that the dashboard, the earnings and
// the buyer's orders have something to show. Needs the gateway to answer;
// without it, logs a warning and adds nothing. Returns how many orders it
// placed.
int seed_demo_orders(Application& app, const std::vector<DemoShop>& shops,
                     const std::vector<accounts::User>& buyers);

}  // namespace ps

#pragma once

#include "app/application.h"

#include <boost/json/object.hpp>

namespace ps {

// The size of the benchmark marketplace (bench/README.md).
struct BenchShape {
  int shops = 50;
  int products_per_shop = 40;
  int buyers = 200;
  long long inventory_per_product = 1'000'000;  // checkout load never sells out
};

// Fills an empty marketplace with a deterministic benchmark data set: the same
// shape, names, prices and images on every run and on both databases. Images
// are rendered once and stored per vendor, so the media store's
// de-duplication keeps thousands of product images cheap. Returns a manifest
// for the load generator: shop slugs, product ids, categories, buyer logins
// and the total inventory (for the oversell check). Throws std::runtime_error
// when the database already has shops.
boost::json::object seed_bench(Application& app, const BenchShape& shape = {});

}  // namespace ps

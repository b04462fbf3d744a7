#pragma once

#include "app/application.h"

#include <boost/json/object.hpp>

namespace ps {

// Grows the bench marketplace seed_bench() made `scale` times: shops, their
// vendors, buyers and products, so that at 100x the catalogue holds 200,000
// products. Each copy of a product gets one more word before its name ("Vintage
// Speckled mug"), so the common words match `scale` times as many products,
// and a price moved a little; half of each shop's copies stay in the shop
// (shops grow from 40 to 20 * scale + 20 products), half go to a new shop.
// Rows are copied with INSERT ... SELECT, several copies a transaction, so the
// triggers fill the search index, the spelling words and the listed counts
// as they do for products listed one by one. Extends `manifest` with every
// product, the scale and the total inventory; its shops stay the 1x ones,
// which grew (the shop case reads the largest shops, the directory the same
// first pages).
void grow_bench(Application& app, int scale, boost::json::object& manifest);

}  // namespace ps

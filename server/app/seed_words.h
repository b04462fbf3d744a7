#pragma once

#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace ps {

// Words for generated marketplaces (the demo and the benchmark): every
// category a product can be put in, and believable product names in each.
const std::vector<std::string_view>& seed_categories();

// The nouns product names in `category` end with ("mug", "teapot", ...).
// Throws std::out_of_range for a category not in seed_categories().
const std::vector<const char*>& product_nouns(std::string_view category);

// "Adjective noun" for a product of `category`, e.g. "Speckled mug".
// Throws std::out_of_range for a category not in seed_categories().
std::string product_name(std::string_view category, std::mt19937& random);

}  // namespace ps

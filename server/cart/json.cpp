#include "cart/json.h"

#include "catalog/json.h"
#include "shops/json.h"

#include <boost/json.hpp>

#include <map>

namespace ps::cart {

namespace {
boost::json::object line_json(const CartLine& line) {
  const auto& product = line.product.product;
  return {{"product", catalog::summary_json(line.product)},
          {"quantity", line.quantity},
          {"unit_price_cents", product.price_cents},
          {"line_total_cents", product.price_cents * line.quantity},
          {"warning",
           line.warning.empty() ? boost::json::value(nullptr) : boost::json::value(line.warning)}};
}
}  // namespace

boost::json::object to_json(const CartView& cart) {
  std::map<std::int64_t, boost::json::object> shops;  // by shop id
  std::vector<std::int64_t> shop_order;
  boost::json::array items, warnings;
  long long total = 0, count = 0;
  std::string currency;
  bool one_currency = true;
  for (const auto& line : cart.lines) {
    const auto& product = line.product.product;
    auto json = line_json(line);
    items.push_back(json);
    if (!line.warning.empty())
      warnings.push_back(boost::json::value(product.name + ": " + line.warning));
    total += product.price_cents * line.quantity;
    count += line.quantity;
    if (currency.empty()) currency = product.currency;
    one_currency = one_currency && currency == product.currency;
    auto [shop, added] = shops.try_emplace(line.product.shop.id);
    if (added) {
      shop_order.push_back(line.product.shop.id);
      shop = shops.find(line.product.shop.id);
      shop->second = {{"shop", shops::summary_json(line.product.shop)},
                      {"subtotal_cents", 0},
                      {"items", boost::json::array{}}};
    }
    shop->second["subtotal_cents"] =
        shop->second["subtotal_cents"].as_int64() + product.price_cents * line.quantity;
    shop->second["items"].as_array().push_back(std::move(json));
  }
  if (!one_currency) warnings.push_back("Items in different currencies must be bought separately.");
  boost::json::array groups;
  for (auto id : shop_order) groups.push_back(std::move(shops[id]));
  return {{"items", std::move(items)},
          {"shops", std::move(groups)},
          {"item_count", count},
          {"total_cents", total},
          {"currency", one_currency && !currency.empty() ? boost::json::value(currency)
                                                         : boost::json::value(nullptr)},
          {"warnings", std::move(warnings)}};
}

}  // namespace ps::cart

#include "cart/json.h"

#include "catalog/json.h"
#include "shops/json.h"

#include <boost/json.hpp>

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
  boost::json::array items, warnings, groups;
  long long count = 0;
  std::string currency;
  bool one_currency = true;
  for (const auto& line : cart.lines) {
    const auto& product = line.product.product;
    items.push_back(line_json(line));
    if (!line.warning.empty())
      warnings.push_back(boost::json::value(product.name + ": " + line.warning));
    count += line.quantity;
    if (currency.empty()) currency = product.currency;
    one_currency = one_currency && currency == product.currency;
  }
  if (!one_currency) warnings.push_back("Items in different currencies must be bought separately.");
  long long subtotal = 0, shipping = 0;
  for (const auto& shop : cart.shops) {
    boost::json::array shop_items;
    const shops::ShopSummary* summary = nullptr;
    for (const auto& line : cart.lines) {
      if (line.product.shop.id != shop.shop_id) continue;
      summary = &line.product.shop;
      shop_items.push_back(line_json(line));
    }
    groups.push_back(boost::json::object{
        {"shop", shops::summary_json(*summary)},
        {"subtotal_cents", shop.items_cents},
        {"shipping_cents", shop.shipping_cents},
        {"free_shipping_over_cents", shop.free_shipping_over_cents
                                         ? boost::json::value(*shop.free_shipping_over_cents)
                                         : boost::json::value(nullptr)},
        {"items", std::move(shop_items)}});
    subtotal += shop.items_cents;
    shipping += shop.shipping_cents;
  }
  return {{"items", std::move(items)},
          {"shops", std::move(groups)},
          {"item_count", count},
          {"subtotal_cents", subtotal},
          {"shipping_cents", shipping},
          {"total_cents", total_cents(cart.shops)},
          {"currency", one_currency && !currency.empty() ? boost::json::value(currency)
                                                         : boost::json::value(nullptr)},
          {"warnings", std::move(warnings)}};
}

}  // namespace ps::cart

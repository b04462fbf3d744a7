#include "shops/json.h"

#include "http/query_input.h"
#include "media/json.h"

#include <boost/json.hpp>

namespace ps::shops {

boost::json::object summary_json(const ShopSummary& shop, boost::json::storage_ptr sp) {
  boost::json::object json(4, std::move(sp));
  json.emplace("id", shop.id);
  json.emplace("slug", shop.slug);
  json.emplace("name", shop.name);
  json.emplace("accent_color", shop.accent_color);
  return json;
}

boost::json::object to_json(const ShippingRate& rate, boost::json::storage_ptr sp) {
  boost::json::object json(3, sp);
  json.emplace("currency", rate.currency);
  json.emplace("flat_cents", rate.flat_cents);
  json.emplace("free_over_cents", rate.free_over_cents ? boost::json::value(*rate.free_over_cents)
                                                       : boost::json::value(nullptr));
  return json;
}

boost::json::object to_json(const ShopView& view, boost::json::storage_ptr sp) {
  const Shop& shop = view.shop;
  boost::json::object json = summary_json(shop, sp);
  json["description"] = shop.description;
  json["logo"] = view.logo ? boost::json::value(media::to_json(*view.logo, sp)) : nullptr;
  json["cover"] = view.cover ? boost::json::value(media::to_json(*view.cover, sp)) : nullptr;
  json["shipping_policy"] = shop.shipping_policy;
  json["returns_policy"] = shop.returns_policy;
  boost::json::array rates(sp);
  for (const auto& rate : view.shipping_rates) rates.push_back(to_json(rate, sp));
  json["shipping_rates"] = std::move(rates);
  json["product_count"] = shop.product_count;
  json["created_at"] = to_rfc3339(shop.created_at);
  json["updated_at"] = to_rfc3339(shop.updated_at);
  json["closed_at"] = http::rfc3339_or_null(shop.closed_at);
  return json;
}

ShopFilter read_filter(const http::Request& request) {
  http::QueryFields query(request);
  ShopFilter filter;
  filter.name_contains = query.text("q", 100).value_or("");
  const auto sort = query.choice("sort", {"newest", "products", "name"}, "newest");
  filter.sort = sort == "products" ? ShopSort::products
                : sort == "name"   ? ShopSort::name
                                   : ShopSort::newest;
  filter.page = query.page();
  query.finish();
  return filter;
}

}  // namespace ps::shops

#include "favorites/json.h"

#include "catalog/json.h"
#include "http/query_input.h"

#include <boost/json.hpp>

namespace ps::favorites {

boost::json::object to_json(const Favorite& favorite) {
  return {{"product_id", favorite.product_id}, {"saved_at", to_rfc3339(favorite.created_at)}};
}

boost::json::object to_json(const FavoritePage& page, const PageRequest& request) {
  boost::json::array items;
  for (const auto& view : page.items) {
    auto item = to_json(view.favorite);
    item["available"] = view.available;
    item["product"] = catalog::summary_json(view.product);
    items.push_back(std::move(item));
  }
  auto json = http::page_json(request, page.total);
  json["items"] = std::move(items);
  return json;
}

boost::json::object to_json(const std::vector<SaveCount>& counts) {
  boost::json::array items;
  for (const auto& count : counts)
    items.push_back({{"product_id", count.product_id}, {"people", count.people}});
  return {{"items", std::move(items)}};
}

}  // namespace ps::favorites

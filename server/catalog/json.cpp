#include "catalog/json.h"

#include "http/query_input.h"
#include "media/json.h"
#include "shops/json.h"

#include <boost/json.hpp>

#include <cmath>

namespace ps::catalog {

boost::json::object image_json(const ProductImage& image, const boost::json::storage_ptr& sp) {
  auto json = media::to_json(image.image, sp);
  json.emplace("alt_text", image.alt_text);
  return json;
}

boost::json::object summary_json(const ProductView& view, boost::json::storage_ptr sp) {
  const Product& p = view.product;
  boost::json::value rating_average(sp);
  if (p.rating_count) rating_average = std::round(10.0 * p.rating_sum / p.rating_count) / 10.0;
  boost::json::value main_image(sp);
  if (!view.images.empty()) main_image = image_json(view.images.front(), sp);
  boost::json::object json(16, sp);
  json.emplace("id", p.id);
  json.emplace("shop", shops::summary_json(view.shop, sp));
  json.emplace("name", p.name);
  json.emplace("category", p.category);
  json.emplace("price_cents", p.price_cents);
  json.emplace("currency", p.currency);
  json.emplace("inventory", p.inventory);
  json.emplace("in_stock", p.inventory > 0);
  json.emplace("status", to_string(p.status));
  json.emplace("rating_count", p.rating_count);
  json.emplace("rating_average", std::move(rating_average));
  json.emplace("image", std::move(main_image));
  json.emplace("created_at", rfc3339(p.created_at).view());
  json.emplace("updated_at", rfc3339(p.updated_at).view());
  return json;
}

boost::json::object to_json(const ProductView& view, boost::json::storage_ptr sp) {
  boost::json::object json = summary_json(view, sp);
  boost::json::array images(sp);
  for (const auto& image : view.images) images.push_back(image_json(image, sp));
  json["description"] = view.product.description;
  json["images"] = std::move(images);
  return json;
}

boost::json::object to_json(const ProductDetail& detail, boost::json::storage_ptr sp) {
  boost::json::object json = to_json(detail.view, sp);
  json["shipping"] = shops::to_json(detail.shipping, sp);
  return json;
}

boost::json::object to_json(const ProductPage& page, const ProductFilter& filter,
                            boost::json::storage_ptr sp) {
  boost::json::array items(sp);
  for (const auto& view : page.items) items.push_back(summary_json(view, sp));
  boost::json::array categories(sp);
  for (const auto& [value, count] : page.categories)
    categories.push_back(boost::json::object({{"value", value}, {"count", count}}, sp));
  auto json = http::page_json(filter.page, page.total, sp);
  if (filter.after) json["page"] = nullptr;  // where `after` falls is not counted
  json["items"] = std::move(items);
  json["next"] = page.next.empty() ? boost::json::value(nullptr)
                                   : boost::json::value(boost::json::string(page.next, sp));
  json["facets"] = {{"category", std::move(categories)}};
  json["total_capped"] = page.total_capped;
  if (!page.did_you_mean.empty()) json["did_you_mean"] = page.did_you_mean;
  return json;
}

boost::json::object to_json(const Storefront& storefront, const ProductFilter& filter) {
  boost::json::object json = shops::to_json(storefront.shop);
  json["products"] = to_json(storefront.products, filter);
  return json;
}

boost::json::object to_json(const ShopDirectory& directory, const shops::ShopFilter& filter,
                            boost::json::storage_ptr sp) {
  boost::json::array items(sp);
  for (const auto& view : directory.page.items) {
    auto shop = shops::to_json(view, sp);
    boost::json::array products(sp);
    for (const auto& product : directory.previews)
      if (product.shop.id == view.shop.id) products.push_back(summary_json(product, sp));
    shop["products"] = std::move(products);
    items.push_back(std::move(shop));
  }
  auto json = http::page_json(filter.page, directory.page.total, sp);
  json["items"] = std::move(items);
  return json;
}

}  // namespace ps::catalog

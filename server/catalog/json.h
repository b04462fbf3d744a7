#pragma once

// Products as the API shows them.

#include "catalog/service.h"

#include <boost/json/object.hpp>

namespace ps::catalog {

// sp: where the JSON tree lives; a list builds hundreds of nodes, and a
// request-scoped arena frees them at once (bench/README.md).
// What lists and carts show of a product: no description, only the main
// image (a list item used to carry that image twice, as `image` and as the
// one entry of `images`, bench/README.md).
boost::json::object summary_json(const ProductView& view, boost::json::storage_ptr sp = {});
// One image of a product: the image's sizes and its alt text.
boost::json::object image_json(const ProductImage& image, const boost::json::storage_ptr& sp = {});
// The product page: the summary with the description and every image in order.
boost::json::object to_json(const ProductView& view, boost::json::storage_ptr sp = {});
boost::json::object to_json(const ProductDetail& detail, boost::json::storage_ptr sp = {});
boost::json::object to_json(const ProductPage& page, const ProductFilter& filter,
                            boost::json::storage_ptr sp = {});

// The shop with "products": its page of products.
boost::json::object to_json(const Storefront& storefront, const ProductFilter& filter);
// The directory page: each shop with "products", its previews.
boost::json::object to_json(const ShopDirectory& directory, const shops::ShopFilter& filter,
                            boost::json::storage_ptr sp = {});

}  // namespace ps::catalog

#include "favorites/service.h"

#include "core/errors.h"
#include "favorites/store.h"

#include <unordered_map>

namespace ps::favorites {

namespace {
ApiError favorites_full() {
  return ApiError(ErrorCode::favorites_full,
                  "You keep " + std::to_string(kMaxFavoritesPerUser) +
                      " favorites already, the most there can be: remove one to save another.");
}
}  // namespace

Favorite FavoritesService::add(std::int64_t user_id, std::int64_t product_id) {
  return database_.transaction([&](db::Connection& sql) {
    const auto found = catalog_.find_many(sql, {product_id}, catalog::CatalogService::Images::none);
    if (found.empty() || !catalog::visible_to(found.front(), user_id))
      throw ApiError::not_found("There is no such product.");
    // Two saves at once of different products must not both pass the limit.
    accounts_.lock_user(sql, user_id);
    if (const auto saved_at = store::saved_at(sql, user_id, product_id))
      return Favorite{product_id, *saved_at};
    if (store::count(sql, user_id) >= kMaxFavoritesPerUser) throw favorites_full();
    const Favorite favorite{product_id, now_millis()};
    store::insert(sql, user_id, product_id, favorite.created_at);
    return favorite;
  });
}

void FavoritesService::remove(std::int64_t user_id, std::int64_t product_id) {
  database_.transaction([&](db::Connection& sql) { store::remove(sql, user_id, product_id); });
}

FavoritePage FavoritesService::list(std::int64_t user_id, const PageRequest& page) {
  return database_.with_session([&](db::Connection& sql) {
    FavoritePage result;
    const auto favorites = store::list(sql, user_id, page);
    result.total = store::count(sql, user_id);
    std::vector<std::int64_t> ids;
    for (const auto& favorite : favorites) ids.push_back(favorite.product_id);
    std::unordered_map<std::int64_t, catalog::ProductView> products;
    for (auto& view : catalog_.find_many(sql, ids, catalog::CatalogService::Images::main))
      products.emplace(view.product.id, std::move(view));
    for (const auto& favorite : favorites) {
      const auto product = products.find(favorite.product_id);
      if (product == products.end()) continue;  // deleted since the page was read
      const bool available = catalog::visible_to(product->second, user_id);
      result.items.push_back({favorite, std::move(product->second), available});
    }
    return result;
  });
}

std::vector<std::int64_t> FavoritesService::product_ids(std::int64_t user_id) {
  return database_.with_session(
      [&](db::Connection& sql) { return store::product_ids(sql, user_id); });
}

}  // namespace ps::favorites

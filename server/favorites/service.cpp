#include "favorites/service.h"

#include "core/errors.h"
#include "core/money.h"
#include "favorites/store.h"
#include "notifications/service.h"

#include <boost/json.hpp>

#include <unordered_map>

namespace ps::favorites {

namespace {
ApiError favorites_full() {
  return ApiError(ErrorCode::favorites_full,
                  "You keep " + std::to_string(kMaxFavoritesPerUser) +
                      " favorites already, the most there can be: remove one to save another.");
}

struct NewsText {
  std::string kind, title, body, subject, heading, paragraph;
};

NewsText news_text(catalog::ProductNews news, const catalog::ProductView& view,
                   long long price_before) {
  const auto& product = view.product;
  const auto price = money_text(product.price_cents, product.currency);
  if (news == catalog::ProductNews::back_in_stock)
    return {.kind = "favorite_back_in_stock",
            .title = "Back in stock: " + product.name,
            .body = view.shop.name + " has it again, at " + price + ".",
            .subject = product.name + " is back in stock",
            .heading = "A favorite of yours is back",
            .paragraph =
                product.name + " from " + view.shop.name + " is in stock again, at " + price + "."};
  const auto before = money_text(price_before, product.currency);
  return {.kind = "favorite_price_drop",
          .title = "Price drop: " + product.name,
          .body = "Now " + price + " (was " + before + ") at " + view.shop.name + ".",
          .subject = product.name + " is now " + price,
          .heading = "A favorite of yours costs less",
          .paragraph = product.name + " from " + view.shop.name + " is now " + price +
                       ", down from " + before + "."};
}

void tell_people_who_saved(db::Connection& sql, catalog::ProductNews news,
                           const catalog::ProductView& view, long long price_before) {
  const auto text = news_text(news, view, price_before);
  const auto link = "/products/" + std::to_string(view.product.id);
  for (const auto user_id : store::people_who_saved(sql, view.product.id)) {
    if (user_id == view.shop.owner_id) continue;  // a vendor who saved their own
    mail::NewMail mail;
    mail.kind = text.kind;
    mail.brand = {.name = view.shop.name, .accent_color = view.shop.accent_color};
    mail.subject = text.subject;
    mail.heading = text.heading;
    mail.paragraphs = {text.paragraph,
                       "You saved it to your favorites. Remove it there to hear no more of it."};
    mail.action = mail::Action{"View it", link};
    mail.topic = "favorites";
    notifications::tell(
        sql, user_id,
        notifications::NewNotification{
            .kind = text.kind, .title = text.title, .body = text.body, .link = link},
        std::move(mail));
  }
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

std::vector<SaveCount> FavoritesService::save_counts(std::int64_t vendor_id) {
  return database_.with_session(
      [&](db::Connection& sql) { return store::save_counts_of_vendor(sql, vendor_id); });
}

jobs::JobEffects FavoritesService::handle_product_news(const jobs::Job& job) {
  const auto payload = boost::json::parse(job.payload).as_object();
  const auto product_id = payload.at("product_id").to_number<std::int64_t>();
  const auto news = catalog::parse_product_news(payload.at("news").as_string());
  const auto price_before = payload.at("price_before_cents").to_number<long long>();
  if (!news) return {};
  return [this, product_id, news, price_before](db::Connection& sql) {
    auto found = catalog_.find_many(sql, {product_id}, catalog::CatalogService::Images::none);
    if (found.empty() || found.front().shop.closed_at ||
        !catalog::still_news(*news, found.front().product, price_before))
      return;
    tell_people_who_saved(sql, *news, found.front(), price_before);
  };
}

}  // namespace ps::favorites

#include "cart/service.h"

#include "core/errors.h"
#include "core/random.h"

#include <boost/json.hpp>

#include <algorithm>
#include <map>

namespace ps::cart {

namespace {
std::string warning_for(const catalog::Product& product, long long quantity) {
  if (!catalog::for_sale(product)) return "This product is no longer for sale.";
  if (product.inventory == 0) return "Out of stock.";
  if (product.inventory < quantity)
    return "Only " + std::to_string(product.inventory) + " left in stock.";
  return {};
}

// The currency of the lines other than `product_id`'s (empty when there are
// none). A cart holds one currency: one checkout is one card payment, in one
// currency (docs/architecture.md, "One currency a cart").
std::string currency_besides(const std::vector<CartLine>& lines, std::int64_t product_id) {
  for (const auto& line : lines)
    if (line.product.product.id != product_id) return line.product.product.currency;
  return {};
}

void check_currency(const std::vector<CartLine>& lines, const catalog::ProductView& adding) {
  const auto held = currency_besides(lines, adding.product.id);
  const auto& currency = adding.product.currency;
  if (held.empty() || held == currency) return;
  throw ApiError(ErrorCode::cart_currency_mismatch,
                 "Your cart holds items priced in " + held + ", and this one is priced in " +
                     currency +
                     ". A cart is paid in one currency: check out or remove those "
                     "items first.")
      .with_member("cart_currency", boost::json::string(held))
      .with_member("currency", boost::json::string(currency));
}

}  // namespace

std::string CartService::create_guest_cart() {
  const std::string token = random_token(24);
  database_.transaction(
      [&](db::Connection& sql) { store::create_guest_cart(sql, sha256_hex(token), now_millis()); });
  return token;
}

// The owner's cart, created on first use for a user; 404 for an unknown guest
// token. A cart about to change is marked active (updated_at) by the same
// statement that finds it.
std::int64_t CartService::cart_of(db::Connection& sql, const CartOwner& owner, Access access) {
  const Millis now = now_millis();
  const bool changing = access == Access::change;
  if (owner.user_id) {
    const auto& user = *owner.user_id;
    if (auto id =
            changing ? store::touch_user_cart(sql, user, now) : store::find_user_cart(sql, user))
      return *id;
    return store::create_user_cart(sql, user, now);
  }
  const auto hash = sha256_hex(owner.guest_token);
  if (auto id =
          changing ? store::touch_guest_cart(sql, hash, now) : store::find_guest_cart(sql, hash))
    return *id;
  throw ApiError::not_found("This cart does not exist (any more); start a new one.");
}

std::vector<CartLine> CartService::lines_of(db::Connection& sql, std::int64_t cart_id) {
  return lines_for(sql, store::items(sql, cart_id), Images::main);
}

// Items whose product no longer exists are left out.
std::vector<CartLine> CartService::lines_for(db::Connection& sql,
                                             const std::vector<CartItem>& items, Images images) {
  std::vector<std::int64_t> ids;
  for (const auto& item : items) ids.push_back(item.product_id);
  auto products = catalog_.find_many(sql, ids, images);
  std::vector<CartLine> lines;
  for (const auto& item : items) {
    for (auto& view : products) {
      if (view.product.id != item.product_id) continue;
      lines.push_back({view, item.quantity, warning_for(view.product, item.quantity)});
    }
  }
  return lines;
}

// Throws unless `owner` may have `quantity` of the product (null: not found)
// in the cart.
void CartService::check_purchasable(const CartOwner& owner, const catalog::ProductView* view,
                                    long long quantity) {
  if (!view || !catalog::for_sale(view->product))
    throw ApiError::not_found("There is no such product for sale.");
  if (owner.user_id && view->shop.owner_id == *owner.user_id)
    throw ApiError(ErrorCode::own_shop_purchase, "You cannot buy from your own shop.");
  if (quantity > view->product.inventory)
    throw ApiError(ErrorCode::out_of_stock,
                   view->product.inventory == 0
                       ? "This product is out of stock."
                       : "Only " + std::to_string(view->product.inventory) + " left in stock.");
}

CartView CartService::view(const CartOwner& owner) {
  return database_.transaction([&](db::Connection& sql) {
    return priced(sql, lines_of(sql, cart_of(sql, owner, Access::read)));
  });
}

CartView CartService::add(const CartOwner& owner, std::int64_t product_id, long long quantity) {
  return put(owner, product_id, [&](long long held) { return held + quantity; });
}

CartView CartService::set(const CartOwner& owner, std::int64_t product_id, long long quantity) {
  if (quantity == 0) return remove(owner, product_id);
  return put(owner, product_id, [&](long long) { return quantity; });
}

// The cart's lines are read once, with the product being put in among them:
// they check the new quantity and are the answer (add to cart is half of
// every purchase, bench/README.md).
CartView CartService::put(const CartOwner& owner, std::int64_t product_id,
                          const std::function<long long(long long held)>& new_quantity) {
  return database_.transaction([&](db::Connection& sql) {
    const auto cart = cart_of(sql, owner, Access::change);
    auto items = store::items(sql, cart);
    auto item = std::find_if(items.begin(), items.end(),
                             [&](const auto& held) { return held.product_id == product_id; });
    const bool adding = item == items.end();
    if (adding) item = items.insert(items.end(), {product_id, 0});
    item->quantity = new_quantity(item->quantity);
    if (item->quantity > kMaxQuantity)
      throw ApiError(ErrorCode::quantity_limit,
                     "At most " + std::to_string(kMaxQuantity) + " of one product.");
    auto lines = lines_for(sql, items, Images::main);
    auto line = std::find_if(lines.begin(), lines.end(), [&](const CartLine& held) {
      return held.product.product.id == product_id;
    });
    check_purchasable(owner, line == lines.end() ? nullptr : &line->product, item->quantity);
    // Only a new line is checked: a cart mixed before the rule can still be changed.
    if (adding) check_currency(lines, line->product);
    store::set_quantity(sql, cart, product_id, item->quantity, now_millis());
    return priced(sql, std::move(lines));
  });
}

CartView CartService::remove(const CartOwner& owner, std::int64_t product_id) {
  return database_.transaction([&](db::Connection& sql) {
    const auto cart = cart_of(sql, owner, Access::change);
    store::remove_item(sql, cart, product_id);
    return priced(sql, lines_of(sql, cart));
  });
}

CartView CartService::merge(std::int64_t user_id, const std::string& guest_token) {
  return database_.transaction([&](db::Connection& sql) {
    const CartOwner user{user_id, {}};
    const auto cart = cart_of(sql, user, Access::change);
    const auto guest = store::find_guest_cart(sql, sha256_hex(guest_token));
    if (!guest) return priced(sql, lines_of(sql, cart));
    auto existing = store::items(sql, cart);
    auto currency = currency_besides(lines_of(sql, cart), 0);
    for (const auto& item : store::items(sql, *guest)) {
      long long quantity = item.quantity;
      for (const auto& mine : existing)
        if (mine.product_id == item.product_id) quantity += mine.quantity;
      auto found = catalog_.find_many(sql, {item.product_id}, Images::none);
      // Own products and the impossible are dropped; the rest are capped.
      if (found.empty() || found.front().shop.owner_id == user_id) continue;
      // So are items in another currency than the cart's (the first one's).
      const auto& product = found.front().product;
      if (currency.empty()) currency = product.currency;
      if (product.currency != currency) continue;
      quantity = std::min({quantity, kMaxQuantity, std::max(found.front().product.inventory, 1LL)});
      store::set_quantity(sql, cart, item.product_id, quantity, now_millis());
    }
    store::delete_cart(sql, *guest);
    return priced(sql, lines_of(sql, cart));
  });
}

// The row lock comes first: under PostgreSQL's READ COMMITTED, two checkouts
// of one cart that both read its lines before either cleared them each paid
// for them (issue 15). The second now waits here and then reads what the
// first left: an empty cart. SQLite's transactions are serial already.
std::vector<CartLine> CartService::locked_lines(db::Connection& sql, std::int64_t user_id) {
  store::lock_user_cart(sql, user_id, now_millis());
  return lines_for(sql, store::user_cart_items(sql, user_id), Images::none);
}

std::vector<CartLine> CartService::lines(db::Connection& sql, std::int64_t user_id) {
  return lines_for(sql, store::user_cart_items(sql, user_id), Images::none);
}

std::vector<ShopTotal> CartService::shop_totals(db::Connection& sql,
                                                const std::vector<CartLine>& lines) {
  std::vector<ShopTotal> totals;
  for (const auto& line : lines) {
    const auto shop_id = line.product.shop.id;
    auto total = std::find_if(totals.begin(), totals.end(),
                              [&](const ShopTotal& seen) { return seen.shop_id == shop_id; });
    if (total == totals.end())
      total = totals.insert(totals.end(), ShopTotal{shop_id, line.product.product.currency});
    total->items_cents += line.product.product.price_cents * line.quantity;
  }
  std::vector<std::int64_t> shop_ids;
  for (const auto& total : totals) shop_ids.push_back(total.shop_id);
  auto rates = shops_.shipping_rates(sql, shop_ids);
  for (auto& total : totals) {
    const auto& shop_rates = rates[total.shop_id];
    total.shipping_cents = shops::shipping_cost(shop_rates, total.currency, total.items_cents);
    total.free_shipping_over_cents = shops::free_shipping_over(shop_rates, total.currency);
  }
  return totals;
}

CartView CartService::priced(db::Connection& sql, std::vector<CartLine> lines) {
  auto shops = shop_totals(sql, lines);
  return CartView{std::move(lines), std::move(shops)};
}

void CartService::clear(db::Connection& sql, std::int64_t user_id) {
  store::clear_user_cart(sql, user_id);
}

}  // namespace ps::cart

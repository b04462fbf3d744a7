#include "app/personal_data.h"

#include "accounts/routes.h"
#include "db/query.h"
#include "media/json.h"
#include "media/model.h"
#include "orders/model.h"

#include <boost/json.hpp>

#include <map>
#include <set>

namespace ps::personal_data {

namespace {
using accounts::Role;
using accounts::User;

ApiError account_in_use(std::string detail) { return {ErrorCode::account_in_use, detail}; }

// --- deletion ---------------------------------------------------------------

constexpr std::string_view kShopOf = R"(SELECT id FROM shops WHERE owner_id = :owner)";

constexpr std::string_view kUnfinishedOrders = R"(
  SELECT COUNT(*) FROM orders
  WHERE shop_id = :shop AND status IN ('paid', 'processing', 'shipped'))";

constexpr std::string_view kHeldEarnings = R"(
  SELECT COUNT(*) FROM ledger_holds
  WHERE shop_id = :shop AND released_at IS NULL AND amount > 0)";

constexpr std::string_view kPayoutsOnTheirWay = R"(
  SELECT COUNT(*) FROM payouts WHERE shop_id = :shop AND status IN ('pending', 'in_transit'))";

constexpr std::string_view kArchiveShopProducts = R"(
  UPDATE products SET archived_at = :now WHERE shop_id = :shop AND archived_at IS NULL)";

constexpr std::string_view kCloseShop = R"(
  UPDATE shops SET closed_at = :now WHERE id = :shop)";

void close_vendor_shop(db::Connection& sql, const User& vendor,
                       const ledger::LedgerService& ledger) {
  const auto shop = db::Query(kShopOf).values(vendor.id).first<long long>(sql);
  if (!shop) return;
  // Archived first: this waits for the checkouts that are taking the shop's
  // stock right now, so the count below sees their orders, and a checkout
  // after it finds nothing for sale (a refusal rolls the archiving back).
  const Millis now = now_millis();
  db::Query(kArchiveShopProducts).values(now, *shop).execute(sql);
  if (db::Query(kUnfinishedOrders).values(*shop).single<long long>(sql) > 0)
    throw account_in_use(
        "Your shop has orders not yet delivered or cancelled: finish them before deleting your "
        "account.");
  bool balance_left = db::Query(kHeldEarnings).values(*shop).single<long long>(sql) > 0 ||
                      db::Query(kPayoutsOnTheirWay).values(*shop).single<long long>(sql) > 0;
  for (const auto& balance : ledger.available(sql, *shop))
    balance_left = balance_left || balance.amount != 0;
  if (balance_left)
    throw account_in_use(
        "Your shop still has earnings to be paid out (or a balance to settle): wait for the "
        "payout before deleting your account.");
  db::Query(kCloseShop).values(now, *shop).execute(sql);
}

constexpr std::string_view kBlankOrderAddresses = R"(
  UPDATE orders SET shipping_address = :address WHERE buyer_id = :buyer)";
constexpr std::string_view kBlankCheckoutAddresses = R"(
  UPDATE checkouts SET shipping_address = :address WHERE buyer_id = :buyer)";
constexpr std::string_view kForgetNotifications = R"(
  DELETE FROM notifications WHERE user_id = :user)";
// Its mails already delivered (those still queued, such as the notice of
// this deletion, still go).
constexpr std::string_view kForgetSentMails = R"(
  DELETE FROM mail_outbox WHERE to_user_id = :user AND status = 'sent')";
constexpr std::string_view kForgetCart = R"(
  DELETE FROM cart_items WHERE cart_id IN (SELECT id FROM carts WHERE user_id = :user))";
constexpr std::string_view kForgetSavedAddress = R"(
  DELETE FROM saved_addresses WHERE user_id = :user)";
constexpr std::string_view kForgetFavorites = R"(
  DELETE FROM favorites WHERE user_id = :user)";

void erase_buyer_details(db::Connection& sql, const User& buyer) {
  const std::string blank = orders::to_storage_text({"Deleted user", "", "", "", "", ""});
  db::Query(kBlankOrderAddresses).values(blank, buyer.id).execute(sql);
  db::Query(kBlankCheckoutAddresses).values(blank, buyer.id).execute(sql);
  db::Query(kForgetCart).values(buyer.id).execute(sql);
  db::Query(kForgetSavedAddress).values(buyer.id).execute(sql);
  db::Query(kForgetFavorites).values(buyer.id).execute(sql);
  db::Query(kForgetNotifications).values(buyer.id).execute(sql);
  db::Query(kForgetSentMails).values(buyer.id).execute(sql);
}

// --- export -------------------------------------------------------------------

constexpr std::string_view kOrdersOf = R"(
  SELECT o.id, s.name, o.status, o.total_cents, o.currency, o.shipping_address,
         o.carrier, o.tracking_number, o.created_at
  FROM orders o JOIN shops s ON s.id = o.shop_id
  WHERE o.buyer_id = :buyer ORDER BY o.id)";

constexpr std::string_view kOrderItemsOf = R"(
  SELECT i.order_id, i.product_id, i.name, i.unit_price_cents, i.quantity
  FROM order_items i JOIN orders o ON o.id = i.order_id
  WHERE o.buyer_id = :buyer ORDER BY i.order_id, i.product_id)";

constexpr std::string_view kReviewsOf = R"(
  SELECT r.id, r.product_id, p.name, r.rating, r.body, r.reply, r.created_at
  FROM reviews r JOIN products p ON p.id = r.product_id
  WHERE r.buyer_id = :buyer ORDER BY r.id)";

constexpr std::string_view kNotificationsOf = R"(
  SELECT kind, title, body, link, created_at, read_at FROM notifications
  WHERE user_id = :user ORDER BY id)";

constexpr std::string_view kShopOwnedBy = R"(
  SELECT slug, name, description, created_at FROM shops WHERE owner_id = :owner)";

boost::json::value optional_text(const std::string& text, soci::indicator indicator) {
  if (indicator != soci::i_ok) return nullptr;
  return boost::json::string(text);
}

boost::json::array orders_of(db::Connection& sql, std::int64_t buyer_id,
                             boost::json::array& addresses) {
  struct Row {
    long long id = 0, total_cents = 0, created_at = 0;
    std::string shop, status, currency, address, carrier, tracking;
    soci::indicator carrier_set = soci::i_null, tracking_set = soci::i_null;
    void define(soci::statement& st) {
      st.exchange(soci::into(id));
      st.exchange(soci::into(shop));
      st.exchange(soci::into(status));
      st.exchange(soci::into(total_cents));
      st.exchange(soci::into(currency));
      st.exchange(soci::into(address));
      st.exchange(soci::into(carrier, carrier_set));
      st.exchange(soci::into(tracking, tracking_set));
      st.exchange(soci::into(created_at));
    }
  };
  boost::json::array orders;
  std::map<long long, boost::json::array> items;
  std::set<std::string> seen_addresses;
  struct ItemRow {
    long long order_id = 0, product_id = 0, unit_price_cents = 0;
    std::string name;
    int quantity = 0;
    void define(soci::statement& st) {
      st.exchange(soci::into(order_id));
      st.exchange(soci::into(product_id));
      st.exchange(soci::into(name));
      st.exchange(soci::into(unit_price_cents));
      st.exchange(soci::into(quantity));
    }
  };
  db::Query(kOrderItemsOf).values(buyer_id).each<ItemRow>(sql, [&](const ItemRow& row) {
    items[row.order_id].push_back({{"product_id", row.product_id},
                                   {"name", row.name},
                                   {"unit_price_cents", row.unit_price_cents},
                                   {"quantity", row.quantity}});
  });
  db::Query(kOrdersOf).values(buyer_id).each<Row>(sql, [&](const Row& row) {
    const boost::json::value address = boost::json::parse(row.address);
    if (seen_addresses.insert(row.address).second) addresses.push_back(address);
    orders.push_back({{"id", row.id},
                      {"shop", row.shop},
                      {"status", row.status},
                      {"total_cents", row.total_cents},
                      {"currency", row.currency},
                      {"shipping_address", address},
                      {"carrier", optional_text(row.carrier, row.carrier_set)},
                      {"tracking_number", optional_text(row.tracking, row.tracking_set)},
                      {"items", std::move(items[row.id])},
                      {"created_at", to_rfc3339(row.created_at)}});
  });
  return orders;
}

boost::json::array reviews_of(db::Connection& sql, std::int64_t buyer_id) {
  struct Row {
    long long id = 0, product_id = 0, created_at = 0;
    int rating = 0;
    std::string product, body, reply;
    soci::indicator reply_set = soci::i_null;
    void define(soci::statement& st) {
      st.exchange(soci::into(id));
      st.exchange(soci::into(product_id));
      st.exchange(soci::into(product));
      st.exchange(soci::into(rating));
      st.exchange(soci::into(body));
      st.exchange(soci::into(reply, reply_set));
      st.exchange(soci::into(created_at));
    }
  };
  boost::json::array reviews;
  db::Query(kReviewsOf).values(buyer_id).each<Row>(sql, [&](const Row& row) {
    reviews.push_back({{"id", row.id},
                       {"product_id", row.product_id},
                       {"product", row.product},
                       {"rating", row.rating},
                       {"body", row.body},
                       {"reply", optional_text(row.reply, row.reply_set)},
                       {"created_at", to_rfc3339(row.created_at)}});
  });
  return reviews;
}

boost::json::array notifications_of(db::Connection& sql, std::int64_t user_id) {
  struct Row {
    long long created_at = 0, read_at = 0;
    std::string kind, title, body, link;
    soci::indicator read_set = soci::i_null;
    void define(soci::statement& st) {
      st.exchange(soci::into(kind));
      st.exchange(soci::into(title));
      st.exchange(soci::into(body));
      st.exchange(soci::into(link));
      st.exchange(soci::into(created_at));
      st.exchange(soci::into(read_at, read_set));
    }
  };
  boost::json::array notifications;
  db::Query(kNotificationsOf).values(user_id).each<Row>(sql, [&](const Row& row) {
    notifications.push_back(
        {{"kind", row.kind},
         {"title", row.title},
         {"body", row.body},
         {"link", row.link},
         {"created_at", to_rfc3339(row.created_at)},
         {"read_at", row.read_set == soci::i_ok ? boost::json::value(to_rfc3339(row.read_at))
                                                : boost::json::value(nullptr)}});
  });
  return notifications;
}

boost::json::value shop_of(db::Connection& sql, std::int64_t owner_id) {
  struct Row {
    long long created_at = 0;
    std::string slug, name, description;
    void define(soci::statement& st) {
      st.exchange(soci::into(slug));
      st.exchange(soci::into(name));
      st.exchange(soci::into(description));
      st.exchange(soci::into(created_at));
    }
  };
  boost::json::value shop = nullptr;
  db::Query(kShopOwnedBy).values(owner_id).each<Row>(sql, [&](const Row& row) {
    shop = boost::json::object{{"slug", row.slug},
                               {"name", row.name},
                               {"description", row.description},
                               {"created_at", to_rfc3339(row.created_at)}};
  });
  return shop;
}
// The conversations the user is a party to, as buyer or as the shop's
// vendor, with every message of both parties.
constexpr std::string_view kConversationMessagesOf = R"(
  SELECT c.id, s.name, c.subject_key, c.buyer_id, m.id, m.sender_id, m.body, m.created_at
  FROM conversations c
  JOIN shops s ON s.id = c.shop_id
  JOIN messages m ON m.conversation_id = c.id
  WHERE c.buyer_id = :buyer OR c.vendor_id = :vendor
  ORDER BY c.id, m.id)";

constexpr std::string_view kMessageImagesOf = R"(
  SELECT mi.message_id, mi.image_id
  FROM message_images mi
  JOIN messages m ON m.id = mi.message_id
  JOIN conversations c ON c.id = m.conversation_id
  WHERE c.buyer_id = :buyer OR c.vendor_id = :vendor
  ORDER BY mi.message_id, mi.position)";

std::map<long long, boost::json::array> message_images_of(db::Connection& sql,
                                                          std::int64_t user_id) {
  struct Row {
    long long message_id = 0, image_id = 0;
    void define(soci::statement& st) {
      st.exchange(soci::into(message_id));
      st.exchange(soci::into(image_id));
    }
  };
  std::map<long long, boost::json::array> images;
  db::Query(kMessageImagesOf).values(user_id, user_id).each<Row>(sql, [&](const Row& row) {
    images[row.message_id].push_back(row.image_id);
  });
  return images;
}

boost::json::array conversations_of(db::Connection& sql, std::int64_t user_id) {
  struct Row {
    long long id = 0, buyer_id = 0, message_id = 0, sender_id = 0, created_at = 0;
    std::string shop, subject, body;
    void define(soci::statement& st) {
      st.exchange(soci::into(id));
      st.exchange(soci::into(shop));
      st.exchange(soci::into(subject));
      st.exchange(soci::into(buyer_id));
      st.exchange(soci::into(message_id));
      st.exchange(soci::into(sender_id));
      st.exchange(soci::into(body));
      st.exchange(soci::into(created_at));
    }
  };
  auto images = message_images_of(sql, user_id);
  boost::json::array conversations;
  db::Query(kConversationMessagesOf).values(user_id, user_id).each<Row>(sql, [&](const Row& row) {
    if (conversations.empty() || conversations.back().at("id").as_int64() != row.id)
      conversations.push_back({{"id", row.id},
                               {"shop", row.shop},
                               {"subject", row.subject},
                               {"as", row.buyer_id == user_id ? "buyer" : "vendor"},
                               {"messages", boost::json::array{}}});
    conversations.back()
        .at("messages")
        .as_array()
        .push_back({{"id", row.message_id},
                    {"from_me", row.sender_id == user_id},
                    {"body", row.body},
                    {"image_ids", std::move(images[row.message_id])},
                    {"created_at", to_rfc3339(row.created_at)}});
  });
  return conversations;
}

boost::json::array images_of(db::Connection& sql, std::int64_t owner_id) {
  db::Query query("SELECT " + media::image_columns("images") +
                  " FROM images WHERE owner_id = :owner ORDER BY id");
  boost::json::array images;
  query.values(owner_id).each<media::ImageRow>(sql, [&](const media::ImageRow& row) {
    const media::Image image = row.to_image();
    auto json = media::to_json(image);
    json["uploaded_at"] = to_rfc3339(image.created_at);
    images.push_back(std::move(json));
  });
  return images;
}

constexpr std::string_view kFavoritesOf = R"(
  SELECT f.product_id, p.name, f.created_at FROM favorites f JOIN products p ON p.id = f.product_id
  WHERE f.user_id = :user ORDER BY f.created_at DESC, f.product_id DESC)";

boost::json::array favorites_of(db::Connection& sql, std::int64_t user_id) {
  struct Row {
    long long product_id = 0, created_at = 0;
    std::string product;
    void define(soci::statement& st) {
      st.exchange(soci::into(product_id));
      st.exchange(soci::into(product));
      st.exchange(soci::into(created_at));
    }
  };
  boost::json::array favorites;
  db::Query(kFavoritesOf).values(user_id).each<Row>(sql, [&](const Row& row) {
    favorites.push_back({{"product_id", row.product_id},
                         {"product", row.product},
                         {"saved_at", to_rfc3339(row.created_at)}});
  });
  return favorites;
}

constexpr std::string_view kSavedAddress = R"(
  SELECT address FROM saved_addresses WHERE user_id = :user)";

boost::json::value saved_address_of(db::Connection& sql, std::int64_t user_id) {
  const auto text = db::Query(kSavedAddress).values(user_id).first<std::string>(sql);
  if (!text) return nullptr;
  boost::system::error_code ec;
  auto value = boost::json::parse(*text, ec);
  return ec ? boost::json::value(nullptr) : value;
}
}  // namespace

void on_account_deletion(accounts::AccountsService& accounts, ledger::LedgerService& ledger) {
  accounts.on_delete([&ledger](db::Connection& sql, const User& user) {
    if (user.role == Role::vendor) close_vendor_shop(sql, user, ledger);
    erase_buyer_details(sql, user);
  });
}

boost::json::object export_of(db::Connection& sql, const User& user) {
  boost::json::array addresses;
  boost::json::array orders = orders_of(sql, user.id, addresses);
  return {{"exported_at", to_rfc3339(now_millis())},
          {"profile", accounts::to_json(user)},
          {"addresses", std::move(addresses)},
          {"saved_address", saved_address_of(sql, user.id)},
          {"favorites", favorites_of(sql, user.id)},
          {"orders", std::move(orders)},
          {"reviews", reviews_of(sql, user.id)},
          {"notifications", notifications_of(sql, user.id)},
          {"conversations", conversations_of(sql, user.id)},
          {"images", images_of(sql, user.id)},
          {"shop", shop_of(sql, user.id)}};
}

void add_routes(http::Router& router, db::Database& database, const accounts::Authenticator& auth,
                WorkerPool& workers) {
  router.add(
      http::bhttp::verb::get, "/api/me/export",
      [&](http::Request& request) -> boost::asio::awaitable<http::Response> {
        const User user = co_await auth.require_user(request);
        const auto data = co_await workers.run(request.request_id, [&] {
          return database.with_session([&](db::Connection& sql) { return export_of(sql, user); });
        });
        http::Response response = http::json_response(200, data);
        response.set(http::bhttp::field::content_disposition,
                     "attachment; filename=\"pocketshop-data.json\"");
        response.set(http::bhttp::field::cache_control, "no-store");
        co_return response;
      });
}

}  // namespace ps::personal_data

#include "checkout/service.h"

#include "core/errors.h"
#include "core/random.h"
#include "db/failure.h"
#include "orders/json.h"
#include "payments/cards.h"

#include <sodium.h>
#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <algorithm>
#include <map>

namespace ps::checkout {

namespace {
ApiError declined(const payments::AuthorizationResult& auth) {
  const std::string field = auth.decline_code == "incorrect_number" ? "card.number"
                            : auth.decline_code == "expired_card"   ? "card.exp_month"
                            : auth.decline_code == "incorrect_cvc"  ? "card.cvc"
                                                                    : "card";
  return ApiError(402, "payment-declined", "Payment declined", auth.message)
      .with_field_errors({{field, {auth.message}}})
      .with_member("decline_code", boost::json::string(auth.decline_code));
}

// How long a claimed Idempotency-Key is trusted to belong to a running request.
constexpr Millis kClaimLeaseMillis = 60 * 1000;

// Thrown inside place()'s transaction when another run of the same request
// stored its answer first: this run rolls back and replays that answer.
struct AnsweredElsewhere {};

std::string hex(const unsigned char* data, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, size);
  out.pop_back();
  return out;
}

// What makes two requests with one Idempotency-Key "the same": the parsed
// request in a fixed order, so key order, spacing and spelling of the JSON do
// not matter, with the card reduced to what is kept anyway (brand, last four,
// expiry). The CVC and the other digits of the number are left out, so even
// with the server secret the stored hash cannot be searched for them; a
// retry that differs only there replays the first answer.
std::string canonical(const CheckoutRequest& request) {
  const auto& card = request.card;
  const boost::json::object canonical{{"card",
                                       {{"brand", payments::card_brand(card.number)},
                                        {"last4", payments::card_last4(card.number)},
                                        {"exp_month", card.exp_month},
                                        {"exp_year", card.exp_year}}},
                                      {"shipping_address", to_json(request.address)}};
  return boost::json::serialize(canonical);
}

// The gateway's idempotency key for one attempt at a checkout. Never the
// client's Idempotency-Key: gateway keys are shared by all buyers, and a retry
// after a failed attempt (whose authorization was released) needs a new one.
std::string gateway_key(std::int64_t buyer_id) {
  return "checkout-" + std::to_string(buyer_id) + "-" + random_hex(16);
}

// Checks every line can be bought as it is; throws the problem that explains why not.
void check_lines(const std::vector<cart::CartLine>& lines, std::int64_t buyer_id) {
  if (lines.empty()) throw ApiError::conflict("Your cart is empty.");
  for (const auto& line : lines) {
    if (line.product.shop.owner_id == buyer_id)
      throw ApiError::forbidden("You cannot buy from your own shop.");
    if (!line.warning.empty())
      throw ApiError::conflict(line.product.product.name + ": " + line.warning)
          .with_member("product_id", line.product.product.id);
  }
  const auto& currency = lines.front().product.product.currency;
  for (const auto& line : lines)
    if (line.product.product.currency != currency)
      throw ApiError::validation(
          {{"cart", {"Items in different currencies must be bought separately."}}});
}
}  // namespace

boost::json::object to_json(const ShippingAddress& a) {
  return {{"name", a.name},
          {"line1", a.line1},
          {"line2", a.line2},
          {"city", a.city},
          {"postal_code", a.postal_code},
          {"country", a.country}};
}

std::string CheckoutService::fingerprint(const CheckoutRequest& request) const {
  unsigned char key[crypto_auth_hmacsha256_KEYBYTES];
  crypto_hash_sha256(key, reinterpret_cast<const unsigned char*>(fingerprint_secret_.data()),
                     fingerprint_secret_.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  const std::string text = canonical(request);
  crypto_auth_hmacsha256(mac, reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                         key);
  return hex(mac, sizeof mac);
}

CheckoutResult CheckoutService::checkout(const CheckoutRequest& request) {
  if (request.idempotency_key.empty()) return place(request, nullptr);
  const auto& key = request.idempotency_key;
  // An unanswered claim older than this process (or than the lease) can only
  // be one an older server left when it died (claims are now taken in the
  // checkout's transaction): the same request may take it over.
  const Millis now = now_millis();
  const Claim claim{fingerprint(request), now, std::max(started_at_, now - kClaimLeaseMillis)};
  try {
    return place(request, &claim);
  } catch (const AnsweredElsewhere&) {
    return replay(request, claim.hmac);
  } catch (const ApiError& error) {
    // Anything but a decline left nothing behind, not even the claim: the
    // same key may be used again once the cause is fixed.
    if (error.status() != 402) throw;
    CheckoutResult declined{402, error.to_json()};
    const bool stored = database_.transaction([&](db::Connection& sql) {
      return store::claim_key(sql, request.buyer_id, key, claim.hmac, claim.now,
                              claim.stale_before) &&
             store::complete_key(sql, request.buyer_id, key, declined.status,
                                 boost::json::serialize(declined.body));
    });
    return stored ? declined : replay(request, claim.hmac);
  }
}

// The answer stored for a key someone else claimed.
CheckoutResult CheckoutService::replay(const CheckoutRequest& request, const std::string& hmac) {
  const auto record = database_.with_session([&](db::Connection& sql) {
    return store::find_key(sql, request.buyer_id, request.idempotency_key);
  });
  if (!record) throw ApiError::conflict("Retry this request.");
  if (record->request_hmac != hmac)
    throw ApiError::validation({{"Idempotency-Key", {"was already used for a different request"}}});
  if (!record->status_code)
    throw ApiError::conflict("A request with this Idempotency-Key is still being processed.");
  return {*record->status_code, boost::json::parse(record->response)};
}

CheckoutResult CheckoutService::place(const CheckoutRequest& request, const Claim* claim) {
  std::optional<payments::AuthorizationResult> authorized;
  long long total = 0;
  try {
    auto body = database_.transaction([&](db::Connection& sql) {
      // On PostgreSQL a concurrent request with the same key waits here until
      // this transaction ends, then finds the key answered.
      if (claim && !store::claim_key(sql, request.buyer_id, request.idempotency_key, claim->hmac,
                                     claim->now, claim->stale_before))
        throw AnsweredElsewhere{};
      auto lines = carts_.locked_lines(sql, request.buyer_id);
      check_lines(lines, request.buyer_id);
      // Always in product order, so concurrent checkouts lock rows in one order.
      std::sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) {
        return a.product.product.id < b.product.product.id;
      });
      for (const auto& line : lines) {
        const auto& product = line.product.product;
        if (!catalog_.take_stock(sql, product.id, line.quantity))
          throw ApiError::conflict("Not enough of '" + product.name + "' is left.")
              .with_member("product_id", product.id);
        total += product.price_cents * line.quantity;
      }
      const std::string currency = lines.front().product.product.currency;
      auto auth = payments_.authorize(total, currency, request.card, gateway_key(request.buyer_id));
      if (!auth.approved) throw declined(auth);
      authorized = auth;

      const std::string address = boost::json::serialize(to_json(request.address));
      const auto checkout_id =
          store::insert_checkout(sql, request.buyer_id, total, currency, address, now_millis());
      const auto payment = payments_.record(sql, checkout_id, auth, total, currency);

      std::map<std::int64_t, std::vector<const cart::CartLine*>> by_shop;
      for (const auto& line : lines) by_shop[line.product.shop.id].push_back(&line);
      boost::json::array orders_json;
      for (const auto& [shop_id, shop_lines] : by_shop) {
        orders::Order order;
        order.checkout_id = checkout_id;
        order.payment_id = payment.id;
        order.buyer_id = request.buyer_id;
        order.buyer_name = request.buyer_name;
        order.shop_id = shop_id;
        order.currency = currency;
        order.shipping_address = address;
        std::vector<orders::OrderItem> items;
        for (const auto* line : shop_lines) {
          const auto& product = line->product.product;
          items.push_back({0, product.id, product.name, product.price_cents, line->quantity});
          order.total_cents += product.price_cents * line->quantity;
        }
        orders_json.push_back(orders::to_json(
            orders_.place(sql, std::move(order), shop_lines.front()->product.shop, items)));
      }
      const std::size_t placed = orders_json.size();
      carts_.clear(sql, request.buyer_id);

      boost::json::value answer{{"checkout_id", checkout_id},
                                {"total_cents", total},
                                {"currency", currency},
                                {"payment", payments::to_json(payment)},
                                {"orders", std::move(orders_json)}};
      // Stored in this transaction, so a crash can never keep a checkout and
      // lose its answer (the retry would then find the key forever "running").
      if (claim && !store::complete_key(sql, request.buyer_id, request.idempotency_key, 201,
                                        boost::json::serialize(answer)))
        throw AnsweredElsewhere{};
      spdlog::info(
          "checkout completed checkout_id={} buyer_id={} orders={} total_cents={} brand={}",
          checkout_id, request.buyer_id, placed, total, auth.card_brand);
      return answer;
    });
    return {201, std::move(body)};
  } catch (const db::CommitOutcomeUnknown&) {
    // The orders may exist and will capture this authorization when shipped:
    // it is kept. If they do not, it lapses uncaptured at the gateway, and a
    // retry with the Idempotency-Key learns which it was.
    if (authorized)
      spdlog::error("checkout's commit outcome unknown; authorization {} kept buyer_id={}",
                    authorized->authorization_id, request.buyer_id);
    throw;
  } catch (...) {
    if (authorized) payments_.release_unrecorded(*authorized, total);
    throw;
  }
}

}  // namespace ps::checkout

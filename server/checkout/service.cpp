#include "checkout/service.h"

#include "checkout/store.h"
#include "core/errors.h"
#include "core/random.h"
#include "db/failure.h"

#include <sodium.h>
#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <algorithm>
#include <map>

namespace ps::checkout {

namespace {
ApiError declined(const std::string& decline_code, const std::string& message) {
  return ApiError(ErrorCode::payment_declined, message)
      .with_field_errors({{"payment_token", {message}}})
      .with_member("decline_code", boost::json::string(decline_code));
}

// How long a claimed Idempotency-Key is trusted to belong to a running request.
constexpr Millis kClaimLeaseMillis = 60 * 1000;

// Thrown inside place()'s transaction when another run of the same request
// stored its outcome first: this run rolls back and replays that outcome.
struct AnsweredElsewhere {};

// Thrown inside place()'s transaction when the card is declined.
struct Declined {
  std::string code, message;
};

std::string hex(const unsigned char* data, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, size);
  out.pop_back();
  return out;
}

// What makes two requests with one Idempotency-Key "the same": the parsed
// request in a fixed order, so key order, spacing and spelling of the JSON do
// not matter. Tokens are single-use, so a retry carries the same token.
std::string canonical(const CheckoutRequest& request) {
  const boost::json::object canonical{
      {"payment_token", request.payment_token},
      {"shipping_address", boost::json::parse(to_storage_text(request.address))}};
  return boost::json::serialize(canonical);
}

// The gateway's idempotency key for one attempt at a checkout. Never the
// client's Idempotency-Key itself: gateway keys are shared by all buyers. With
// a key, a retry of the same request (same token) gets the same gateway key,
// so an attempt cut off after the gateway authorized (a crash, a lost commit)
// is answered with that authorization instead of spending the card twice.
// Without one, every attempt is new.
std::string gateway_key(const CheckoutRequest& request) {
  const std::string prefix = "checkout-" + std::to_string(request.buyer_id) + "-";
  if (request.idempotency_key.empty()) return prefix + random_hex(16);
  const std::string text = request.idempotency_key + '\n' + request.payment_token;
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  return prefix + hex(digest, 16);
}

// Checks every line can be bought as it is; throws the problem that explains why not.
void check_lines(const std::vector<cart::CartLine>& lines, std::int64_t buyer_id) {
  if (lines.empty()) throw ApiError(ErrorCode::cart_empty, "Your cart is empty.");
  for (const auto& line : lines) {
    const auto& product = line.product.product;
    if (line.product.shop.owner_id == buyer_id)
      throw ApiError(ErrorCode::own_shop_purchase, "You cannot buy from your own shop.");
    if (!line.warning.empty())
      throw ApiError(
          catalog::for_sale(product) ? ErrorCode::out_of_stock : ErrorCode::product_unavailable,
          product.name + ": " + line.warning)
          .with_member("product_id", product.id);
  }
  const auto& currency = lines.front().product.product.currency;
  for (const auto& line : lines)
    if (line.product.product.currency != currency)
      throw ApiError::validation(
          {{"cart", {"Items in different currencies must be bought separately."}}});
}
}  // namespace

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

PlacedCheckout CheckoutService::checkout(const CheckoutRequest& request) {
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
  } catch (const Declined& decline) {
    // A decline is kept as the key's outcome; anything else left nothing
    // behind, not even the claim: the same key may be used again once the
    // cause is fixed.
    const IdempotencyRecord outcome{claim.hmac, KeyOutcome::declined, std::nullopt, decline.code,
                                    decline.message};
    const bool stored = database_.transaction([&](db::Connection& sql) {
      return store::claim_key(sql, request.buyer_id, key, claim.hmac, claim.now,
                              claim.stale_before) &&
             store::complete_key(sql, request.buyer_id, key, outcome);
    });
    if (!stored) return replay(request, claim.hmac);
    throw declined(decline.code, decline.message);
  }
}

// The outcome stored for a key someone else claimed.
PlacedCheckout CheckoutService::replay(const CheckoutRequest& request, const std::string& hmac) {
  return database_.with_session([&](db::Connection& sql) {
    const auto record = store::find_key(sql, request.buyer_id, request.idempotency_key);
    if (!record)  // claimed by a request that then failed and left nothing
      throw ApiError(ErrorCode::concurrent_change, "Retry this request.");
    if (record->request_hmac != hmac)
      throw ApiError::validation(
          {{"Idempotency-Key", {"was already used for a different request"}}});
    switch (record->outcome) {
      case KeyOutcome::running:
        throw ApiError(ErrorCode::idempotency_key_in_use,
                       "A request with this Idempotency-Key is still being processed.");
      case KeyOutcome::declined:
        throw declined(record->decline_code, record->decline_message);
      case KeyOutcome::placed:
        break;
    }
    return read_back(sql, record->checkout_id.value());
  });
}

PlacedCheckout CheckoutService::read_back(db::Connection& sql, std::int64_t checkout_id) {
  PlacedCheckout placed{checkout_id,
                        0,
                        {},
                        payments_.of_checkout(sql, checkout_id),
                        orders_.of_checkout(sql, checkout_id)};
  placed.total_cents = placed.payment.amount_cents;
  placed.currency = placed.payment.currency;
  return placed;
}

bool CheckoutService::answered(const CheckoutRequest& request) {
  return database_.with_session([&](db::Connection& sql) {
    const auto record = store::find_key(sql, request.buyer_id, request.idempotency_key);
    return record && record->outcome != KeyOutcome::running;
  });
}

// The card is authorized before the transaction, so that no lock (on SQLite:
// the database's one write lock) is held across the gateway's round trip.
// A retry with the same Idempotency-Key and token gets the same gateway key,
// so concurrent duplicates share one authorization, which only the request
// that records it may keep (the others replay its answer).
PlacedCheckout CheckoutService::place(const CheckoutRequest& request, const Claim* claim) {
  if (claim && answered(request)) throw AnsweredElsewhere{};
  const Quote quote = [&] {
    try {
      return database_.with_session([&](db::Connection& sql) {
        const auto lines = carts_.lines(sql, request.buyer_id);
        check_lines(lines, request.buyer_id);
        return Quote{cart::total_cents(carts_.shop_totals(sql, lines)),
                     lines.front().product.product.currency};
      });
    } catch (const ApiError&) {
      // The same request may have committed since the check above, emptying
      // the cart: then its answer is this one's.
      if (claim && answered(request)) throw AnsweredElsewhere{};
      throw;
    }
  }();
  const auto attempt = gateway_key(request);
  const auto auth = payments_.authorize(quote.total_cents, quote.currency, request.payment_token,
                                        attempt, attempt);
  if (!auth.approved) {
    if (!claim) throw declined(auth.decline_code, auth.message);
    throw Declined{auth.decline_code, auth.message};
  }
  try {
    return record(request, claim, quote, auth);
  } catch (const AnsweredElsewhere&) {
    throw;  // the authorization is the one that request recorded
  } catch (const db::CommitOutcomeUnknown&) {
    // The orders may exist and will capture this authorization when shipped:
    // it is kept. If they do not, reconciliation releases it, and a retry
    // with the Idempotency-Key learns which it was.
    spdlog::error("checkout's commit outcome unknown; authorization {} kept buyer_id={}",
                  auth.authorization_id, request.buyer_id);
    throw;
  } catch (...) {
    payments_.release_unrecorded(auth);
    throw;
  }
}

PlacedCheckout CheckoutService::record(const CheckoutRequest& request, const Claim* claim,
                                       const Quote& quote,
                                       const payments::AuthorizationResult& auth) {
  return database_.transaction([&](db::Connection& sql) {
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
        throw ApiError(ErrorCode::out_of_stock, "Not enough of '" + product.name + "' is left.")
            .with_member("product_id", product.id);
    }
    // What the lines and their shipping cost; the same as the quote unless a
    // price or a shipping rate changed since (then nothing is charged).
    const auto shop_totals = carts_.shop_totals(sql, lines);
    const long long total = cart::total_cents(shop_totals);
    const std::string currency = lines.front().product.product.currency;
    if (total != quote.total_cents || currency != quote.currency)
      throw ApiError(ErrorCode::concurrent_change,
                     "Your cart changed while you were paying; nothing was charged. Review it "
                     "and pay again.");

    const std::string address = to_storage_text(request.address);
    PlacedCheckout placed{
        store::insert_checkout(sql, request.buyer_id, total, currency, address, now_millis()),
        total, currency};
    placed.payment = payments_.record(sql, placed.checkout_id, auth, total, currency);

    std::map<std::int64_t, std::vector<const cart::CartLine*>> by_shop;
    for (const auto& line : lines) by_shop[line.product.shop.id].push_back(&line);
    for (const auto& [shop_id, shop_lines] : by_shop) {
      orders::Order order;
      order.checkout_id = placed.checkout_id;
      order.payment_id = placed.payment.id;
      order.buyer_id = request.buyer_id;
      order.buyer_name = request.buyer_name;
      order.shop_id = shop_id;
      order.currency = currency;
      order.shipping_address = address;
      std::vector<orders::OrderItem> items;
      for (const auto* line : shop_lines) {
        const auto& product = line->product.product;
        items.push_back({0, product.id, product.name, product.price_cents, line->quantity});
      }
      const auto& shop_total =
          *std::find_if(shop_totals.begin(), shop_totals.end(),
                        [&](const cart::ShopTotal& total) { return total.shop_id == shop_id; });
      order.shipping_cents = shop_total.shipping_cents;
      order.total_cents = shop_total.items_cents + shop_total.shipping_cents;
      placed.orders.push_back(
          orders_.place(sql, std::move(order), shop_lines.front()->product.shop, items));
    }
    carts_.clear(sql, request.buyer_id);

    // Kept in this transaction, so a crash can never keep a checkout and
    // lose its outcome (the retry would then find the key forever "running").
    if (claim && !store::complete_key(sql, request.buyer_id, request.idempotency_key,
                                      {claim->hmac, KeyOutcome::placed, placed.checkout_id}))
      throw AnsweredElsewhere{};
    spdlog::info("checkout completed checkout_id={} buyer_id={} orders={} total_cents={} brand={}",
                 placed.checkout_id, request.buyer_id, placed.orders.size(), total,
                 auth.card_brand);
    return placed;
  });
}

}  // namespace ps::checkout

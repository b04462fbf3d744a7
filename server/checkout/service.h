#pragma once

#include "cart/service.h"
#include "catalog/service.h"
#include "checkout/model.h"
#include "db/database.h"
#include "orders/service.h"
#include "payments/service.h"

#include <string>

namespace ps::checkout {

using orders::ShippingAddress;

struct CheckoutRequest {
  std::int64_t buyer_id = 0;
  std::string buyer_name;     // shown on the orders
  std::string payment_token;  // the gateway's single-use token for the card
  ShippingAddress address;
  std::string idempotency_key;  // empty: none
};

// Turns the buyer's cart into paid orders, all or nothing: in one
// transaction it re-reads prices, takes stock with conditional decrements,
// authorizes the card (by the token the browser got for it at the gateway), records the checkout
// and its payment, creates one order per shop and empties the cart. Any failure rolls everything
// back (and gives back an authorization that was taken). With an Idempotency-Key the first outcome
// is kept and replayed (the checkout read back, or the same decline); the key with another body is
// a 422. The key is claimed and its outcome kept in the checkout's own transaction, so a concurrent
// request with the same key waits for it and replays its answer (or gets a 409 while it runs), and
// a crash leaves no claim behind; a claim left unanswered by an older server is taken over by the
// request's retry. Blocking.
class CheckoutService {
 public:
  CheckoutService(db::Database& database, cart::CartService& carts,
                  catalog::CatalogService& catalog, payments::PaymentsService& payments,
                  orders::OrdersService& orders, std::string fingerprint_secret)
      : database_(database),
        carts_(carts),
        catalog_(catalog),
        payments_(payments),
        orders_(orders),
        fingerprint_secret_(std::move(fingerprint_secret)) {}

  // Throws ApiError payment_declined, cart_empty, out_of_stock, ...
  PlacedCheckout checkout(const CheckoutRequest& request);

 private:
  // What claims a key: the request's fingerprint, and since when an
  // unanswered claim counts as abandoned.
  struct Claim {
    std::string hmac;
    Millis now = 0;
    Millis stale_before = 0;
  };

  // What the cart costs, read before the card is authorized.
  struct Quote {
    long long total_cents = 0;
    std::string currency;
  };

  // claim: null without an Idempotency-Key.
  PlacedCheckout place(const CheckoutRequest& request, const Claim* claim);
  // The checkout's transaction, after the card was authorized for `quote`.
  PlacedCheckout record(const CheckoutRequest& request, const Claim* claim, const Quote& quote,
                        const payments::AuthorizationResult& auth);
  // Whether the request's Idempotency-Key already has its outcome.
  bool answered(const CheckoutRequest& request);
  PlacedCheckout replay(const CheckoutRequest& request, const std::string& hmac);
  PlacedCheckout read_back(db::Connection& sql, std::int64_t checkout_id);
  // Keyed hash of what identifies the request (see canonical() in service.cpp).
  std::string fingerprint(const CheckoutRequest& request) const;

  db::Database& database_;
  cart::CartService& carts_;
  catalog::CatalogService& catalog_;
  payments::PaymentsService& payments_;
  orders::OrdersService& orders_;
  std::string fingerprint_secret_;
  Millis started_at_ = now_millis();  // claims older than this lost their server
};

}  // namespace ps::checkout

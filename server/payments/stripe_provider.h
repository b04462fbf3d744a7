#pragma once

#include "payments/payout_gateway.h"
#include "payments/provider.h"

#include <boost/json/object.hpp>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace ps::payments {

// Where the gateway is and how we sign in to it: PocketShop's own test-mode
// gateway (`pocketshop gateway`, docs/gateway.md) or Stripe itself.
struct GatewaySettings {
  std::string base_url;    // http://127.0.0.1:12111, or https://api.stripe.com
  std::string secret_key;  // sk_test_... / sk_live_...
  std::chrono::milliseconds timeout{10'000};
};

// A PaymentProvider that speaks Stripe's API over HTTP (form-encoded
// requests, Bearer secret key, Idempotency-Key on every POST): one payment
// intent per checkout, confirmed with manual capture and multicapture, so
// each order captures its own part when it ships. Also the PayoutGateway:
// connected accounts, transfers and payouts (with Stripe-Account).
class StripeProvider : public PaymentProvider, public PayoutGateway {
 public:
  explicit StripeProvider(GatewaySettings settings) : settings_(std::move(settings)) {}

  std::string name() const override { return "stripe"; }
  AuthorizationResult authorize(long long amount_cents, const std::string& currency,
                                const std::string& payment_token, const std::string& reference,
                                const std::string& idempotency_key) override;
  void capture(const std::string& authorization_id, long long amount_cents, bool final_capture,
               const std::string& idempotency_key) override;
  void cancel(const std::string& authorization_id, const std::string& idempotency_key) override;
  std::string refund(const std::string& authorization_id, long long amount_cents,
                     const std::string& idempotency_key) override;
  AuthorizationState state(const std::string& authorization_id) override;
  std::vector<GatewayAuthorization> authorizations_since(std::int64_t created_after) override;
  void submit_dispute_evidence(const std::string& dispute_id, const DisputeEvidence& evidence,
                               const std::string& idempotency_key) override;

  std::string create_account(const std::string& email, const std::string& country,
                             const std::map<std::string, std::string>& metadata,
                             const std::string& idempotency_key) override;
  std::string transfer(const std::string& account_id, long long amount_cents,
                       const std::string& currency, const std::string& transfer_group,
                       const std::map<std::string, std::string>& metadata,
                       const std::string& idempotency_key) override;
  GatewayPayout payout(const std::string& account_id, long long amount_cents,
                       const std::string& currency,
                       const std::map<std::string, std::string>& metadata,
                       const std::string& idempotency_key) override;

  using Form = std::vector<std::pair<std::string, std::string>>;

 private:
  struct Answer {
    long status = 0;
    boost::json::object body;
    bool replayed = false;  // the gateway's stored answer to this Idempotency-Key
  };
  // connected_account: acts for that account (Stripe-Account); empty: ours.
  Answer post(const std::string& path, const Form& form, const std::string& idempotency_key,
              const std::string& connected_account = {});
  Answer get(const std::string& path);
  Answer send(const std::string& method, const std::string& path, const std::string& body,
              const std::string& idempotency_key, const std::string& connected_account);

  GatewaySettings settings_;
};

}  // namespace ps::payments

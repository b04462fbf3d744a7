#include "payouts/service.h"

#include "core/errors.h"
#include "core/money.h"
#include "notifications/service.h"

#include <spdlog/spdlog.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <map>

namespace ps::payouts {

namespace json = boost::json;

namespace {
constexpr const char* kDefaultCountry = "US";

ApiError no_account() {
  return ApiError(ErrorCode::payout_account_required,
                  "Connect a payout account first (POST /api/my/payout-account).");
}

std::string text_of(const json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return value && value->is_string() ? std::string(value->as_string()) : std::string();
}

// Tells the vendor (bell and mail) that a payout did not reach their bank and
// that its money is back in their balance.
void tell_failed(db::Connection& sql, const shops::ShopSummary& shop, const Payout& payout,
                 const std::string& failure_code) {
  const auto amount = money_text(payout.amount_cents, payout.currency);
  const auto reason = failure_reason(failure_code);
  mail::NewMail mail{
      .kind = "payout_failed",
      .brand = {shop.name, shop.accent_color},
      .subject = "Payout failed: " + amount,
      .heading = "Your payout did not reach your bank",
      .paragraphs = {"We could not pay " + amount + " out to the bank account of " + shop.name +
                         ": " + reason + ".",
                     "The money is back in your available balance. Check your payout account "
                     "with your bank, then ask for the payout again."},
      .lines = {{"Payout", "#" + std::to_string(payout.id)},
                {"Amount", amount},
                {"Reason code", failure_code}},
      .action = mail::Action{"See your earnings", "/vendor/earnings"}};
  notifications::tell(sql, shop.owner_id,
                      notifications::NewNotification{
                          .kind = "payout_failed",
                          .title = "Payout of " + amount + " failed",
                          .body = "Not paid: " + reason + ". The money is back in your balance.",
                          .link = "/vendor/earnings"},
                      std::move(mail));
}

ledger::LedgerTransaction payout_posting(const Payout& payout, bool reversal) {
  ledger::LedgerTransaction posting;
  posting.kind = reversal ? ledger::kinds::kPayoutReversal : ledger::kinds::kPayout;
  posting.reference = std::to_string(payout.id);
  posting.currency = payout.currency;
  posting.memo = (reversal ? "payout failed: " : "payout ") + std::to_string(payout.id);
  const long long sign = reversal ? -1 : 1;
  posting.entries = {{ledger::chart::vendor_balance(payout.shop_id), sign * payout.amount_cents},
                     {ledger::chart::vendor_payouts(payout.shop_id), -sign * payout.amount_cents}};
  return posting;
}

// Gateway idempotency keys: the connected account's id is unique at the
// gateway, so keys built from it and our payout id never meet another
// database's, and a retry after a crash gets the first answer.
std::string transfer_key(const PayoutAccount& account, std::int64_t payout_id) {
  return "payout-" + account.gateway_account_id + "-" + std::to_string(payout_id) + "-transfer";
}
std::string payout_key(const PayoutAccount& account, std::int64_t payout_id) {
  return "payout-" + account.gateway_account_id + "-" + std::to_string(payout_id);
}
}  // namespace

PayoutAccount PayoutsService::connect(std::int64_t vendor_id, const std::string& email,
                                      const std::string& test_failure_code) {
  const auto shop = database_.with_session(
      [&](db::Connection& sql) { return shops_.require_shop_of(sql, vendor_id); });
  if (auto existing = database_.with_session(
          [&](db::Connection& sql) { return store::find_account(sql, shop.id); }))
    return *existing;
  std::map<std::string, std::string> metadata{{"pocketshop_shop_id", std::to_string(shop.id)}};
  if (test_mode_ && !test_failure_code.empty())
    metadata["gateway_payout_failure"] = test_failure_code;
  // The shop's id and creation time name it at the gateway: a retry after a
  // crash, or a concurrent call, gets the same account.
  const auto key =
      "payout-account-" + std::to_string(shop.id) + "-" + std::to_string(shop.created_at);
  std::string account_id;
  try {
    account_id = gateway_.create_account(email, kDefaultCountry, metadata, key);
  } catch (const payments::PaymentError& error) {
    throw ApiError(ErrorCode::payment_gateway, "The payment gateway did not create the account.")
        .with_cause(error.what());
  }
  return database_.transaction([&](db::Connection& sql) {
    const auto now = now_millis();
    store::insert_account(sql, {.shop_id = shop.id,
                                .gateway_account_id = account_id,
                                .schedule = PayoutSchedule::manual,
                                .minimum_cents = 0,
                                .created_at = now,
                                .updated_at = now});
    return store::find_account(sql, shop.id).value();
  });
}

std::optional<PayoutAccount> PayoutsService::account(std::int64_t vendor_id) {
  return database_.with_session([&](db::Connection& sql) {
    const auto shop = shops_.require_shop_of(sql, vendor_id);
    return store::find_account(sql, shop.id);
  });
}

PayoutAccount PayoutsService::update_settings(std::int64_t vendor_id, PayoutSchedule schedule,
                                              long long minimum_cents) {
  return database_.transaction([&](db::Connection& sql) {
    const auto shop = shops_.require_shop_of(sql, vendor_id);
    if (!store::lock_account(sql, shop.id)) throw no_account();
    store::update_settings(sql, shop.id, schedule, minimum_cents, now_millis());
    return store::find_account(sql, shop.id).value();
  });
}

Payout PayoutsService::create_locked(db::Connection& sql, const PayoutAccount& account,
                                     const std::string& currency,
                                     const std::string& idempotency_key,
                                     const std::string& period_key) {
  long long available = 0;
  std::string ledger_currency = currency;
  for (const auto& balance : ledger_.available(sql, account.shop_id))
    if (same_currency(balance.currency, currency)) {
      available = balance.amount;
      ledger_currency = balance.currency;
    }
  if (available <= 0 || available < account.minimum_cents)
    throw ApiError(ErrorCode::payout_below_minimum,
                   "The available balance is below the payout minimum.")
        .with_member("available_cents", available)
        .with_member("minimum_cents", account.minimum_cents);
  const auto now = now_millis();
  Payout payout{.shop_id = account.shop_id,
                .currency = ledger_currency,
                .amount_cents = available,
                .status = PayoutStatus::pending,
                .idempotency_key = idempotency_key,
                .period_key = period_key,
                .created_at = now,
                .updated_at = now};
  payout.id = store::insert_payout(sql, payout);
  payout.order_ids = store::uncovered_orders(sql, account.shop_id, ledger_currency);
  for (const auto order_id : payout.order_ids) store::insert_payout_order(sql, payout.id, order_id);
  ledger_.post(sql, payout_posting(payout, false));
  jobs::NewJob job;
  job.kind = kPayoutJob;
  job.payload = json::serialize(json::object{{"payout_id", payout.id}});
  job.dedupe_key = kPayoutJob + ":" + std::to_string(payout.id);
  jobs::enqueue(sql, job);
  return payout;
}

PayoutsService::Requested PayoutsService::request_payout(std::int64_t vendor_id,
                                                         const std::optional<std::string>& currency,
                                                         const std::string& idempotency_key) {
  auto requested = database_.transaction([&](db::Connection& sql) {
    const auto shop = shops_.require_shop_of(sql, vendor_id);
    const auto account = store::lock_account(sql, shop.id);
    if (!account) throw no_account();
    // After the lock: a concurrent request with the key has committed by now.
    if (!idempotency_key.empty())
      if (auto earlier = store::find_by_key(sql, shop.id, idempotency_key))
        return Requested{std::move(*earlier), false};
    std::string chosen = currency.value_or("");
    if (chosen.empty()) {
      std::vector<std::string> with_money;
      for (const auto& balance : ledger_.available(sql, shop.id))
        if (balance.amount > 0) with_money.push_back(balance.currency);
      if (with_money.size() > 1)
        throw ApiError::validation(
            {{"currency", {"is required: money is available in several currencies"}}});
      if (!with_money.empty()) chosen = with_money.front();
    }
    return Requested{create_locked(sql, *account, chosen, idempotency_key, ""), true};
  });
  if (requested.created) notify();
  return requested;
}

std::vector<Payout> PayoutsService::payouts(std::int64_t vendor_id) {
  return database_.with_session([&](db::Connection& sql) {
    return store::payouts_of(sql, shops_.require_shop_of(sql, vendor_id).id);
  });
}

namespace {
// The earnings with the payouts that cover them (one query for all).
std::vector<OrderEarnings> covered_earnings(db::Connection& sql, std::int64_t shop_id,
                                            std::vector<ledger::OrderEarnings> orders) {
  std::vector<long long> ids;
  for (const auto& order : orders) ids.push_back(order.order_id);
  std::map<std::int64_t, Coverage> covered;
  for (const auto& coverage : store::coverage_of(sql, shop_id, ids))
    covered[coverage.order_id] = coverage;
  std::vector<OrderEarnings> result;
  for (auto& order : orders) {
    const auto found = covered.find(order.order_id);
    result.push_back(with_coverage(std::move(order), found == covered.end()
                                                         ? std::nullopt
                                                         : std::optional<Coverage>(found->second)));
  }
  return result;
}
}  // namespace

OrderEarningsPage PayoutsService::order_earnings(std::int64_t vendor_id, const PageRequest& page) {
  return database_.with_session([&](db::Connection& sql) {
    const auto shop_id = shops_.require_shop_of(sql, vendor_id).id;
    auto ledger_page = ledger_.order_earnings(sql, shop_id, page);
    return OrderEarningsPage{covered_earnings(sql, shop_id, std::move(ledger_page.items)),
                             ledger_page.total};
  });
}

OrderEarnings PayoutsService::order_earnings_of(std::int64_t vendor_id, std::int64_t order_id) {
  return database_.with_session([&](db::Connection& sql) {
    const auto shop_id = shops_.require_shop_of(sql, vendor_id).id;
    auto earnings = ledger_.order_earnings_of(sql, shop_id, order_id);
    if (!earnings) throw ApiError::not_found("No earnings of your shop for this order.");
    return covered_earnings(sql, shop_id, {std::move(*earnings)}).front();
  });
}

int PayoutsService::create_scheduled(Millis now) {
  const auto accounts =
      database_.with_session([](db::Connection& sql) { return store::scheduled_accounts(sql); });
  int created = 0;
  for (const auto& listed : accounts) {
    const auto currencies = database_.with_session(
        [&](db::Connection& sql) { return ledger_.available(sql, listed.shop_id); });
    for (const auto& balance : currencies) {
      if (balance.amount <= 0 || balance.amount < listed.minimum_cents) continue;
      try {
        const bool made = database_.transaction([&](db::Connection& sql) {
          const auto account = store::lock_account(sql, listed.shop_id);
          if (!account || account->schedule == PayoutSchedule::manual) return false;
          const auto period = period_key(account->schedule, now);
          // After the lock: another run's payout of this period has committed.
          if (store::find_by_period(sql, account->shop_id, balance.currency, period)) return false;
          create_locked(sql, *account, balance.currency, "", period);
          return true;
        });
        if (made) ++created;
      } catch (const ApiError& error) {
        if (error.code() != ErrorCode::payout_below_minimum) throw;
      }
    }
  }
  if (created > 0) notify();
  return created;
}

jobs::JobEffects PayoutsService::handle_job(const jobs::Job& job) {
  const auto payload = json::parse(job.payload).as_object();
  const std::int64_t payout_id = payload.at("payout_id").as_int64();
  struct Work {
    std::optional<Payout> payout;
    std::optional<PayoutAccount> account;
  };
  const auto work = database_.with_session([&](db::Connection& sql) {
    Work found{store::find_payout(sql, payout_id), std::nullopt};
    if (found.payout) found.account = store::find_account(sql, found.payout->shop_id);
    return found;
  });
  if (!work.payout || work.payout->status != PayoutStatus::pending) return {};
  if (!work.account)
    throw std::runtime_error("payout " + std::to_string(payout_id) + " has no payout account");
  const auto& payout = *work.payout;
  const auto& account = *work.account;
  const std::map<std::string, std::string> metadata{
      {"pocketshop_payout_id", std::to_string(payout.id)},
      {"pocketshop_shop_id", std::to_string(payout.shop_id)}};
  std::string transfer_id;
  try {
    transfer_id = gateway_.transfer(account.gateway_account_id, payout.amount_cents,
                                    payout.currency, "payout_" + std::to_string(payout.id),
                                    metadata, transfer_key(account, payout.id));
  } catch (const payments::PaymentRefused& refusal) {
    // No money moved, and retrying cannot help (the account is gone, say):
    // the payout fails and its amount goes back to the vendor's balance.
    spdlog::error("payouts: the gateway refused the transfer of payout {}: {}", payout.id,
                  refusal.what());
    return [this, payout_id, code = refusal.code()](db::Connection& sql) {
      fail_payout(sql, payout_id, PayoutStatus::pending, "", "transfer_" + code);
    };
  }
  const auto sent = gateway_.payout(account.gateway_account_id, payout.amount_cents,
                                    payout.currency, metadata, payout_key(account, payout.id));
  return [payout_id, transfer_id, sent](db::Connection& sql) {
    // The gateway's event may have finished the payout already: then only
    // its ids are recorded.
    const auto now = now_millis();
    if (!store::change_status(sql, payout_id, PayoutStatus::pending, PayoutStatus::in_transit,
                              transfer_id, sent.id, "", now))
      store::set_gateway_ids(sql, payout_id, transfer_id, sent.id, now);
  };
}

void PayoutsService::apply_gateway_event(db::Connection& sql, const std::string& type,
                                         const json::object& object) {
  const bool paid = type == "payout.paid";
  if (!paid && type != "payout.failed") return;
  const auto gateway_id = text_of(object, "id");
  auto payout = store::find_by_gateway_payout(sql, gateway_id);
  if (!payout) {
    // The event may come before the job recorded the gateway's id: the
    // payout's metadata names ours.
    const auto* metadata = object.if_contains("metadata");
    const auto ours = metadata && metadata->is_object()
                          ? text_of(metadata->as_object(), "pocketshop_payout_id")
                          : std::string();
    char* end = nullptr;
    const long long id = ours.empty() ? 0 : std::strtoll(ours.c_str(), &end, 10);
    if (id > 0 && end && *end == '\0') payout = store::find_payout(sql, id);
    if (payout && !payout->gateway_payout_id.empty() && payout->gateway_payout_id != gateway_id)
      payout.reset();
  }
  if (!payout) {
    spdlog::warn("payouts: {} for {}, which no payout of ours is", type, gateway_id);
    return;
  }
  const auto to = paid ? PayoutStatus::paid : PayoutStatus::failed;
  if (!allowed(payout->status, to)) return;  // applied before (or the other outcome)
  const auto failure = paid ? std::string() : text_of(object, "failure_code");
  if (paid) {
    if (store::change_status(sql, payout->id, payout->status, to, "", gateway_id, "", now_millis()))
      tell_paid(sql, store::find_payout(sql, payout->id).value());
    return;
  }
  fail_payout(sql, payout->id, payout->status, gateway_id, failure.empty() ? "unknown" : failure);
}

void PayoutsService::tell_paid(db::Connection& sql, const Payout& payout) {
  const auto shops = shops_.summaries(sql, {payout.shop_id});
  if (shops.empty()) return;
  const auto& shop = shops.front();
  const auto amount = money_text(payout.amount_cents, payout.currency);
  mail::NewMail mail{.kind = "payout_paid",
                     .brand = {shop.name, shop.accent_color},
                     .subject = "Payout sent: " + amount,
                     .heading = "Your payout is on its way to your bank",
                     .paragraphs = {"We have paid " + amount + " out to the bank account of " +
                                    shop.name + ". Banks take a day or two to show it."},
                     .lines = {{"Payout", "#" + std::to_string(payout.id)},
                               {"Amount", amount},
                               {"Orders", std::to_string(payout.order_ids.size())}},
                     .action = mail::Action{"See your earnings", "/vendor/earnings"}};
  notifications::tell(sql, shop.owner_id,
                      notifications::NewNotification{.kind = "payout_paid",
                                                     .title = "Payout of " + amount + " sent",
                                                     .link = "/vendor/earnings"},
                      std::move(mail));
}

void PayoutsService::fail_payout(db::Connection& sql, std::int64_t payout_id, PayoutStatus from,
                                 const std::string& gateway_payout_id,
                                 const std::string& failure_code) {
  if (!store::change_status(sql, payout_id, from, PayoutStatus::failed, "", gateway_payout_id,
                            failure_code, now_millis()))
    return;  // failed or finished before
  const auto payout = store::find_payout(sql, payout_id).value();
  ledger_.post(sql, payout_posting(payout, true));
  for (const auto& shop : shops_.summaries(sql, {payout.shop_id}))
    tell_failed(sql, shop, payout, failure_code);
}

}  // namespace ps::payouts

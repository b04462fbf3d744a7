#include "payments/mock_provider.h"

#include "core/cards.h"
#include "core/random.h"
#include "db/database.h"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace ps::payments {

namespace {
constexpr const char* kSchema[] = {
    "CREATE TABLE IF NOT EXISTS authorizations ("
    " id TEXT PRIMARY KEY, authorized INTEGER NOT NULL, captured INTEGER NOT NULL DEFAULT 0,"
    " released INTEGER NOT NULL DEFAULT 0, refunded INTEGER NOT NULL DEFAULT 0)",
    // The first answer to each idempotency key, replayed to every repeat.
    "CREATE TABLE IF NOT EXISTS authorize_answers ("
    " idempotency_key TEXT PRIMARY KEY, authorization_id TEXT NOT NULL,"
    " decline_code TEXT NOT NULL, message TEXT NOT NULL, card_brand TEXT NOT NULL,"
    " card_last4 TEXT NOT NULL)",
};

AuthorizationResult declined(std::string code, std::string message) {
  AuthorizationResult result;
  result.decline_code = std::move(code);
  result.message = std::move(message);
  return result;
}

AuthorizationResult check_card(const CardDetails& card) {
  if (card.number.size() < 12 || card.number.size() > 19 || !passes_luhn(card.number))
    return declined("incorrect_number", "The card number is incorrect.");
  if (card.exp_month < 1 || card.exp_month > 12 || card_expired(card.exp_month, card.exp_year))
    return declined("expired_card", "The card has expired.");
  const bool cvc_digits = card.cvc.find_first_not_of("0123456789") == std::string::npos;
  if (!cvc_digits || card.cvc.size() < 3 || card.cvc.size() > 4)
    return declined("incorrect_cvc", "The card's security code is incorrect.");
  if (card.number == "4000000000000002") return declined("card_declined", "The card was declined.");
  if (card.number == "4000000000009995")
    return declined("insufficient_funds", "The card has insufficient funds.");
  return {};
}

// A gateway's ledger must survive the shop's crash: every change is committed
// before the call returns (WAL: a kill -9 loses nothing; an OS crash may lose
// the last changes, which a test gateway can afford).
void open_state(soci::session& sql, const std::string& state_file) {
  const std::string path = state_file.empty() ? ":memory:" : state_file;
  db::configure_sqlite_process();
  sql.open(soci::sqlite3, "db=\"" + path + "\"");
  if (!state_file.empty()) sql << "PRAGMA journal_mode=WAL";
  sql << "PRAGMA synchronous=NORMAL";
  for (const char* statement : kSchema) sql << statement;
}

}  // namespace

MockPaymentProvider::MockPaymentProvider(const std::string& state_file) : state_file_(state_file) {}

soci::session& MockPaymentProvider::records() const {
  if (!sql_.is_connected()) {
    try {
      open_state(sql_, state_file_);
    } catch (const std::exception& error) {
      sql_.close();
      throw PaymentError(std::string("the test gateway cannot open its records: ") + error.what());
    }
  }
  return sql_;
}

AuthorizationResult MockPaymentProvider::authorize(long long amount_cents, const std::string&,
                                                   const CardDetails& card,
                                                   const std::string& idempotency_key) {
  std::lock_guard lock(mutex_);
  if (!idempotency_key.empty())
    if (auto earlier = answered(idempotency_key)) return *earlier;
  AuthorizationResult result = check_card(card);
  result.card_brand = card_brand(card.number);
  result.card_last4 = card_last4(card.number);
  if (result.decline_code.empty()) {
    result.approved = true;
    result.authorization_id = "mock_auth_" + random_hex(12);
  }
  remember(idempotency_key, result, amount_cents);
  return result;
}

std::optional<AuthorizationResult> MockPaymentProvider::answered(const std::string& key) const {
  AuthorizationResult result;
  records() << "SELECT authorization_id, decline_code, message, card_brand, card_last4 "
               "FROM authorize_answers WHERE idempotency_key = :key",
      soci::into(result.authorization_id), soci::into(result.decline_code),
      soci::into(result.message), soci::into(result.card_brand), soci::into(result.card_last4),
      soci::use(key);
  if (!records().got_data()) return std::nullopt;
  result.approved = result.decline_code.empty();
  return result;
}

void MockPaymentProvider::remember(const std::string& idempotency_key,
                                   const AuthorizationResult& result, long long amount_cents) {
  soci::transaction transaction(records());
  if (result.approved)
    records() << "INSERT INTO authorizations (id, authorized) VALUES (:id, :amount)",
        soci::use(result.authorization_id), soci::use(amount_cents);
  if (!idempotency_key.empty())
    records()
        << "INSERT INTO authorize_answers (idempotency_key, authorization_id, decline_code, "
           "message, card_brand, card_last4) VALUES (:key, :id, :code, :message, :brand, :last4)",
        soci::use(idempotency_key), soci::use(result.authorization_id),
        soci::use(result.decline_code), soci::use(result.message), soci::use(result.card_brand),
        soci::use(result.card_last4);
  transaction.commit();
}

std::optional<MockPaymentProvider::Ledger> MockPaymentProvider::find(
    const std::string& authorization_id) const {
  Ledger ledger;
  records() << "SELECT authorized, captured, released, refunded FROM authorizations WHERE id = :id",
      soci::into(ledger.authorized), soci::into(ledger.captured), soci::into(ledger.released),
      soci::into(ledger.refunded), soci::use(authorization_id);
  if (!records().got_data()) return std::nullopt;
  return ledger;
}

void MockPaymentProvider::move(Movement movement, const std::string& authorization_id,
                               long long amount_cents) {
  std::lock_guard lock(mutex_);
  auto ledger = find(authorization_id);
  if (!ledger) throw PaymentError("no such authorization");
  if (amount_cents <= 0) throw PaymentError("the amount must be positive");
  const long long still_authorized = ledger->authorized - ledger->captured - ledger->released;
  if (movement == Movement::capture && amount_cents > still_authorized)
    throw PaymentError("capture exceeds the authorization");
  if (movement == Movement::release && amount_cents > still_authorized)
    throw PaymentError("release exceeds what is still authorized");
  if (movement == Movement::refund && ledger->refunded + amount_cents > ledger->captured)
    throw PaymentError("refund exceeds what was captured");
  const std::string column = movement == Movement::capture   ? "captured"
                             : movement == Movement::release ? "released"
                                                             : "refunded";
  records() << "UPDATE authorizations SET " + column + " = " + column + " + :amount WHERE id = :id",
      soci::use(amount_cents), soci::use(authorization_id);
}

void MockPaymentProvider::capture(const std::string& authorization_id, long long amount_cents) {
  move(Movement::capture, authorization_id, amount_cents);
}

void MockPaymentProvider::release(const std::string& authorization_id, long long amount_cents) {
  move(Movement::release, authorization_id, amount_cents);
}

void MockPaymentProvider::refund(const std::string& authorization_id, long long amount_cents) {
  move(Movement::refund, authorization_id, amount_cents);
}

MockPaymentProvider::Ledger MockPaymentProvider::ledger(const std::string& authorization_id) const {
  std::lock_guard lock(mutex_);
  return find(authorization_id).value_or(Ledger{});
}

std::map<std::string, MockPaymentProvider::Ledger> MockPaymentProvider::ledgers() const {
  std::lock_guard lock(mutex_);
  std::map<std::string, Ledger> result;
  std::string id;
  Ledger ledger;
  soci::statement rows =
      (records().prepare
           << "SELECT id, authorized, captured, released, refunded FROM authorizations",
       soci::into(id), soci::into(ledger.authorized), soci::into(ledger.captured),
       soci::into(ledger.released), soci::into(ledger.refunded));
  rows.execute();
  while (rows.fetch()) result[id] = ledger;
  return result;
}

void MockPaymentProvider::forget_all() {
  std::lock_guard lock(mutex_);
  records() << "DELETE FROM authorizations";
  records() << "DELETE FROM authorize_answers";
}

}  // namespace ps::payments

#pragma once

#include "db/connection.h"

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ps::gateway {

// The gateway's records in its own SQLite file (<data-dir>/gateway.db, WAL):
// every API object as the JSON it is answered with, the answers to
// idempotency keys, balances per account and currency, and the event outbox.
// Functions take the session of a transaction the caller holds, so that a
// change, its events and its idempotent answer commit together.
namespace store {

// The platform's own account in `balances` and `objects.account`.
inline constexpr const char* kPlatform = "";

extern const char* const kSchema;

struct StoredObject {
  std::string kind;       // "payment_intent", "charge", ...
  std::string account;    // kPlatform or acct_...
  std::string behaviour;  // what a test card does (tokens, payment methods)
  boost::json::object body;
};

void put_object(db::Connection& sql, const boost::json::object& body, const std::string& account,
                const std::string& behaviour = {});
std::optional<StoredObject> find_object(db::Connection& sql, const std::string& id);
// Ids of objects of `kind` whose "status" is `status`, oldest first.
std::vector<std::string> ids_with_status(db::Connection& sql, const std::string& kind,
                                         const std::string& status);

struct StoredAnswer {
  std::string fingerprint;
  int status = 0;
  std::string body;
};
std::optional<StoredAnswer> find_answer(db::Connection& sql, const std::string& scope);
void save_answer(db::Connection& sql, const std::string& scope, const StoredAnswer& answer);

std::int64_t balance(db::Connection& sql, const std::string& account, const std::string& currency);
void add_to_balance(db::Connection& sql, const std::string& account, const std::string& currency,
                    std::int64_t delta);
// (currency, available) of every currency the account has held.
std::vector<std::pair<std::string, std::int64_t>> balances(db::Connection& sql,
                                                           const std::string& account);

void add_event(db::Connection& sql, const boost::json::object& event);
std::optional<boost::json::object> find_event(db::Connection& sql, const std::string& id);
// Newest first; after `starting_after` (an event id) when given.
std::vector<boost::json::object> list_events(db::Connection& sql, int limit,
                                             const std::string& type,
                                             const std::string& starting_after);

struct PendingDelivery {
  std::string id;
  std::string payload;
  int attempts = 0;
};
std::vector<PendingDelivery> due_deliveries(db::Connection& sql, std::int64_t now_ms, int limit);
// The earliest next attempt of an undelivered event, if any.
std::optional<std::int64_t> next_delivery_at(db::Connection& sql);
void mark_delivered(db::Connection& sql, const std::string& id);
void mark_failed(db::Connection& sql, const std::string& id, int attempts,
                 std::int64_t next_attempt_ms, const std::string& error);
bool delivered(db::Connection& sql, const std::string& id);

}  // namespace store
}  // namespace ps::gateway

#include "gateway/store.h"

#include <soci/soci.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <limits>

namespace ps::gateway::store {

const char* const kSchema = R"sql(
CREATE TABLE IF NOT EXISTS objects (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  account TEXT NOT NULL,
  status TEXT NOT NULL,
  behaviour TEXT NOT NULL,
  body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS objects_by_status ON objects (kind, status);
CREATE TABLE IF NOT EXISTS idempotent_answers (
  scope TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS balances (
  account TEXT NOT NULL,
  currency TEXT NOT NULL,
  available INTEGER NOT NULL,
  PRIMARY KEY (account, currency));
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  body TEXT NOT NULL,
  delivered INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_ms INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS events_undelivered ON events (delivered, next_attempt_ms);
)sql";

namespace {
std::string text_of(const boost::json::value& value) {
  return value.is_string() ? std::string(value.get_string()) : std::string();
}

boost::json::object parse_object(const std::string& text) {
  return boost::json::parse(text).as_object();
}
}  // namespace

void put_object(db::Connection& sql, const boost::json::object& body, const std::string& account,
                const std::string& behaviour) {
  const std::string id = text_of(body.at("id"));
  const std::string kind = text_of(body.at("object"));
  const std::string status = body.contains("status") ? text_of(body.at("status")) : "";
  const std::string text = boost::json::serialize(body);
  sql.session() << "INSERT INTO objects (id, kind, account, status, behaviour, body) "
                   "VALUES (:id, :kind, :account, :status, :behaviour, :body) "
                   "ON CONFLICT (id) DO UPDATE SET status = excluded.status, body = excluded.body",
      soci::use(id), soci::use(kind), soci::use(account), soci::use(status), soci::use(behaviour),
      soci::use(text);
}

std::optional<StoredObject> find_object(db::Connection& sql, const std::string& id) {
  StoredObject object;
  std::string body;
  sql.session() << "SELECT kind, account, behaviour, body FROM objects WHERE id = :id",
      soci::into(object.kind), soci::into(object.account), soci::into(object.behaviour),
      soci::into(body), soci::use(id);
  if (!sql.session().got_data()) return std::nullopt;
  object.body = parse_object(body);
  return object;
}

std::vector<std::string> ids_with_status(db::Connection& sql, const std::string& kind,
                                         const std::string& status) {
  std::vector<std::string> ids;
  std::string id;
  soci::statement rows = (sql.session().prepare << "SELECT id FROM objects WHERE kind = :kind AND "
                                                   "status = :status ORDER BY rowid",
                          soci::into(id), soci::use(kind), soci::use(status));
  rows.execute();
  while (rows.fetch()) ids.push_back(id);
  return ids;
}

std::optional<StoredAnswer> find_answer(db::Connection& sql, const std::string& scope) {
  StoredAnswer answer;
  sql.session() << "SELECT fingerprint, status, body FROM idempotent_answers WHERE scope = :scope",
      soci::into(answer.fingerprint), soci::into(answer.status), soci::into(answer.body),
      soci::use(scope);
  if (!sql.session().got_data()) return std::nullopt;
  return answer;
}

void save_answer(db::Connection& sql, const std::string& scope, const StoredAnswer& answer) {
  sql.session() << "INSERT INTO idempotent_answers (scope, fingerprint, status, body) "
                   "VALUES (:scope, :fingerprint, :status, :body)",
      soci::use(scope), soci::use(answer.fingerprint), soci::use(answer.status),
      soci::use(answer.body);
}

std::int64_t balance(db::Connection& sql, const std::string& account, const std::string& currency) {
  long long available = 0;
  sql.session()
      << "SELECT available FROM balances WHERE account = :account AND currency = :currency",
      soci::into(available), soci::use(account), soci::use(currency);
  return sql.session().got_data() ? available : 0;
}

void add_to_balance(db::Connection& sql, const std::string& account, const std::string& currency,
                    std::int64_t delta) {
  long long amount = delta;
  sql.session()
      << "INSERT INTO balances (account, currency, available) VALUES (:account, :currency, "
         ":delta) ON CONFLICT (account, currency) DO UPDATE SET available = available + "
         "excluded.available",
      soci::use(account), soci::use(currency), soci::use(amount);
}

std::vector<std::pair<std::string, std::int64_t>> balances(db::Connection& sql,
                                                           const std::string& account) {
  std::vector<std::pair<std::string, std::int64_t>> result;
  std::string currency;
  long long available = 0;
  soci::statement rows = (sql.session().prepare << "SELECT currency, available FROM balances WHERE "
                                                   "account = :account ORDER BY currency",
                          soci::into(currency), soci::into(available), soci::use(account));
  rows.execute();
  while (rows.fetch()) result.emplace_back(currency, available);
  return result;
}

void add_event(db::Connection& sql, const boost::json::object& event) {
  const std::string id = text_of(event.at("id"));
  const std::string type = text_of(event.at("type"));
  const std::string body = boost::json::serialize(event);
  sql.session() << "INSERT INTO events (id, type, body) VALUES (:id, :type, :body)", soci::use(id),
      soci::use(type), soci::use(body);
}

std::optional<boost::json::object> find_event(db::Connection& sql, const std::string& id) {
  std::string body;
  sql.session() << "SELECT body FROM events WHERE id = :id", soci::into(body), soci::use(id);
  if (!sql.session().got_data()) return std::nullopt;
  return parse_object(body);
}

std::vector<boost::json::object> list_events(db::Connection& sql, int limit,
                                             const std::string& type,
                                             const std::string& starting_after) {
  std::vector<boost::json::object> result;
  std::string body;
  // Events after (older than) the cursor; a cursor that is no event gives none.
  const std::string cursor = starting_after;
  long long max_seq = std::numeric_limits<long long>::max();
  if (!cursor.empty()) {
    max_seq = 0;
    sql.session() << "SELECT seq FROM events WHERE id = :id", soci::into(max_seq),
        soci::use(cursor);
  }
  long long rows_wanted = limit;
  soci::statement rows =
      (sql.session().prepare
           << "SELECT body FROM events WHERE seq < :max_seq AND (:type = '' OR type = "
              ":type2) ORDER BY seq DESC LIMIT :limit",
       soci::into(body), soci::use(max_seq), soci::use(type), soci::use(type),
       soci::use(rows_wanted));
  rows.execute();
  while (rows.fetch()) result.push_back(parse_object(body));
  return result;
}

std::vector<PendingDelivery> due_deliveries(db::Connection& sql, std::int64_t now_ms, int limit) {
  std::vector<PendingDelivery> result;
  PendingDelivery row;
  long long now = now_ms, rows_wanted = limit;
  soci::statement rows =
      (sql.session().prepare << "SELECT id, body, attempts FROM events WHERE delivered = 0 AND "
                                "next_attempt_ms <= :now ORDER BY seq LIMIT :limit",
       soci::into(row.id), soci::into(row.payload), soci::into(row.attempts), soci::use(now),
       soci::use(rows_wanted));
  rows.execute();
  while (rows.fetch()) result.push_back(row);
  return result;
}

std::optional<std::int64_t> next_delivery_at(db::Connection& sql) {
  long long next = 0;
  soci::indicator indicator = soci::i_null;
  sql.session() << "SELECT MIN(next_attempt_ms) FROM events WHERE delivered = 0",
      soci::into(next, indicator);
  if (!sql.session().got_data() || indicator == soci::i_null) return std::nullopt;
  return next;
}

void mark_delivered(db::Connection& sql, const std::string& id) {
  sql.session() << "UPDATE events SET delivered = 1, attempts = attempts + 1, last_error = '' "
                   "WHERE id = :id",
      soci::use(id);
}

void mark_failed(db::Connection& sql, const std::string& id, int attempts,
                 std::int64_t next_attempt_ms, const std::string& error) {
  long long next = next_attempt_ms;
  sql.session()
      << "UPDATE events SET attempts = :attempts, next_attempt_ms = :next, last_error = :error "
         "WHERE id = :id",
      soci::use(attempts), soci::use(next), soci::use(error), soci::use(id);
}

bool delivered(db::Connection& sql, const std::string& id) {
  int done = 0;
  sql.session() << "SELECT delivered FROM events WHERE id = :id", soci::into(done), soci::use(id);
  return done != 0;
}

}  // namespace ps::gateway::store

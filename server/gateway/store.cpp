#include "gateway/store.h"

#include "db/query.h"

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

// The API objects a query selects as (kind, account, behaviour, body).
struct ObjectRow {
  std::string kind, account, behaviour, body;

  void define(soci::statement& st) {
    st.exchange(soci::into(kind));
    st.exchange(soci::into(account));
    st.exchange(soci::into(behaviour));
    st.exchange(soci::into(body));
  }

  StoredObject read() const { return {kind, account, behaviour, parse_object(body)}; }
};

struct AnswerRow {
  StoredAnswer answer;

  void define(soci::statement& st) {
    st.exchange(soci::into(answer.fingerprint));
    st.exchange(soci::into(answer.status));
    st.exchange(soci::into(answer.body));
  }
};

struct BalanceRow {
  std::string currency;
  long long available = 0;

  void define(soci::statement& st) {
    st.exchange(soci::into(currency));
    st.exchange(soci::into(available));
  }
};

struct DeliveryRow {
  PendingDelivery delivery;

  void define(soci::statement& st) {
    st.exchange(soci::into(delivery.id));
    st.exchange(soci::into(delivery.payload));
    st.exchange(soci::into(delivery.attempts));
  }
};

// The JSON bodies of a query's rows, parsed, in its order.
std::vector<boost::json::object> bodies(db::Connection& sql, const db::Query& query) {
  struct BodyRow {
    std::string body;
    void define(soci::statement& st) { st.exchange(soci::into(body)); }
  };
  std::vector<boost::json::object> result;
  query.each<BodyRow>(sql, [&](const BodyRow& row) { result.push_back(parse_object(row.body)); });
  return result;
}
}  // namespace

constexpr std::string_view kPutObject = R"(
  INSERT INTO objects (id, kind, account, status, behaviour, body)
  VALUES (:id, :kind, :account, :status, :behaviour, :body)
  ON CONFLICT (id) DO UPDATE SET status = excluded.status, body = excluded.body)";

void put_object(db::Connection& sql, const boost::json::object& body, const std::string& account,
                const std::string& behaviour) {
  const std::string status = body.contains("status") ? text_of(body.at("status")) : "";
  db::Query(kPutObject)
      .values(text_of(body.at("id")), text_of(body.at("object")), account, status, behaviour,
              boost::json::serialize(body))
      .execute(sql);
}

constexpr std::string_view kFindObject = R"(
  SELECT kind, account, behaviour, body FROM objects WHERE id = :id)";

std::optional<StoredObject> find_object(db::Connection& sql, const std::string& id) {
  std::optional<StoredObject> found;
  db::Query(kFindObject).values(id).each<ObjectRow>(sql, [&](const ObjectRow& row) {
    found = row.read();
  });
  return found;
}

constexpr std::string_view kIdsWithStatus = R"(
  SELECT id FROM objects WHERE kind = :kind AND status = :status ORDER BY rowid)";

std::vector<std::string> ids_with_status(db::Connection& sql, const std::string& kind,
                                         const std::string& status) {
  struct IdRow {
    std::string id;
    void define(soci::statement& st) { st.exchange(soci::into(id)); }
  };
  std::vector<std::string> ids;
  db::Query(kIdsWithStatus).values(kind, status).each<IdRow>(sql, [&](const IdRow& row) {
    ids.push_back(row.id);
  });
  return ids;
}

constexpr std::string_view kFindAnswer = R"(
  SELECT fingerprint, status, body FROM idempotent_answers WHERE scope = :scope)";

std::optional<StoredAnswer> find_answer(db::Connection& sql, const std::string& scope) {
  std::optional<StoredAnswer> found;
  db::Query(kFindAnswer).values(scope).each<AnswerRow>(sql, [&](const AnswerRow& row) {
    found = row.answer;
  });
  return found;
}

constexpr std::string_view kSaveAnswer = R"(
  INSERT INTO idempotent_answers (scope, fingerprint, status, body)
  VALUES (:scope, :fingerprint, :status, :body))";

void save_answer(db::Connection& sql, const std::string& scope, const StoredAnswer& answer) {
  db::Query(kSaveAnswer).values(scope, answer.fingerprint, answer.status, answer.body).execute(sql);
}

constexpr std::string_view kBalance = R"(
  SELECT available FROM balances WHERE account = :account AND currency = :currency)";

std::int64_t balance(db::Connection& sql, const std::string& account, const std::string& currency) {
  return db::Query(kBalance).values(account, currency).single<long long>(sql);
}

constexpr std::string_view kAddToBalance = R"(
  INSERT INTO balances (account, currency, available) VALUES (:account, :currency, :delta)
  ON CONFLICT (account, currency) DO UPDATE SET available = available + excluded.available)";

void add_to_balance(db::Connection& sql, const std::string& account, const std::string& currency,
                    std::int64_t delta) {
  db::Query(kAddToBalance).values(account, currency, delta).execute(sql);
}

constexpr std::string_view kBalances = R"(
  SELECT currency, available FROM balances WHERE account = :account ORDER BY currency)";

std::vector<std::pair<std::string, std::int64_t>> balances(db::Connection& sql,
                                                           const std::string& account) {
  std::vector<std::pair<std::string, std::int64_t>> result;
  db::Query(kBalances).values(account).each<BalanceRow>(
      sql, [&](const BalanceRow& row) { result.emplace_back(row.currency, row.available); });
  return result;
}

constexpr std::string_view kAddEvent = R"(
  INSERT INTO events (id, type, body) VALUES (:id, :type, :body))";

void add_event(db::Connection& sql, const boost::json::object& event) {
  db::Query(kAddEvent)
      .values(text_of(event.at("id")), text_of(event.at("type")), boost::json::serialize(event))
      .execute(sql);
}

constexpr std::string_view kFindEvent = R"(
  SELECT body FROM events WHERE id = :id)";

std::optional<boost::json::object> find_event(db::Connection& sql, const std::string& id) {
  auto found = bodies(sql, db::Query(kFindEvent).values(id));
  if (found.empty()) return std::nullopt;
  return std::move(found.back());
}

constexpr std::string_view kEventSeq = R"(
  SELECT seq FROM events WHERE id = :id)";

constexpr std::string_view kListEvents = R"(
  SELECT body FROM events
  WHERE seq < :max_seq AND (:type = '' OR type = :type2)
  ORDER BY seq DESC LIMIT :limit)";

std::vector<boost::json::object> list_events(db::Connection& sql, int limit,
                                             const std::string& type,
                                             const std::string& starting_after) {
  // Events after (older than) the cursor; a cursor that is no event gives none.
  const long long max_seq =
      starting_after.empty() ? std::numeric_limits<long long>::max()
                             : db::Query(kEventSeq).values(starting_after).single<long long>(sql);
  return bodies(sql, db::Query(kListEvents).values(max_seq, type, type, limit));
}

constexpr std::string_view kDueDeliveries = R"(
  SELECT id, body, attempts FROM events
  WHERE delivered = 0 AND next_attempt_ms <= :now
  ORDER BY seq LIMIT :limit)";

std::vector<PendingDelivery> due_deliveries(db::Connection& sql, std::int64_t now_ms, int limit) {
  std::vector<PendingDelivery> result;
  db::Query(kDueDeliveries)
      .values(now_ms, limit)
      .each<DeliveryRow>(sql, [&](const DeliveryRow& row) { result.push_back(row.delivery); });
  return result;
}

// The first row of events_undelivered rather than MIN(), which answers NULL
// when every event is delivered.
constexpr std::string_view kNextDeliveryAt = R"(
  SELECT next_attempt_ms FROM events WHERE delivered = 0
  ORDER BY next_attempt_ms LIMIT 1)";

std::optional<std::int64_t> next_delivery_at(db::Connection& sql) {
  return db::Query(kNextDeliveryAt).first<long long>(sql);
}

constexpr std::string_view kMarkDelivered = R"(
  UPDATE events SET delivered = 1, attempts = attempts + 1, last_error = '' WHERE id = :id)";

void mark_delivered(db::Connection& sql, const std::string& id) {
  db::Query(kMarkDelivered).values(id).execute(sql);
}

constexpr std::string_view kMarkFailed = R"(
  UPDATE events SET attempts = :attempts, next_attempt_ms = :next, last_error = :error
  WHERE id = :id)";

void mark_failed(db::Connection& sql, const std::string& id, int attempts,
                 std::int64_t next_attempt_ms, const std::string& error) {
  db::Query(kMarkFailed).values(attempts, next_attempt_ms, error, id).execute(sql);
}

constexpr std::string_view kDelivered = R"(
  SELECT delivered FROM events WHERE id = :id)";

bool delivered(db::Connection& sql, const std::string& id) {
  return db::Query(kDelivered).values(id).single<long long>(sql) != 0;
}

}  // namespace ps::gateway::store

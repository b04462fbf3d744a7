#include "payouts/store.h"

namespace ps::payouts::store {

namespace {
struct AccountRow {
  PayoutAccount account;
  long long shop = 0, minimum = 0, created = 0, updated = 0;
  std::string schedule;

  void define(soci::statement& st) {
    st.exchange(soci::into(shop));
    st.exchange(soci::into(account.gateway_account_id));
    st.exchange(soci::into(schedule));
    st.exchange(soci::into(minimum));
    st.exchange(soci::into(created));
    st.exchange(soci::into(updated));
  }

  PayoutAccount read() const {
    PayoutAccount read = account;
    read.shop_id = shop;
    read.schedule = parse_schedule(schedule).value_or(PayoutSchedule::manual);
    read.minimum_cents = minimum;
    read.created_at = created;
    read.updated_at = updated;
    return read;
  }
};

constexpr std::string_view kAccountColumns = R"(
  SELECT shop_id, gateway_account_id, schedule, minimum_cents, created_at, updated_at
  FROM payout_accounts)";

std::optional<PayoutAccount> account_where_shop(db::Connection& sql, std::int64_t shop_id,
                                                bool locked) {
  db::Query query(kAccountColumns);
  query.sql(" WHERE shop_id = ").bind(static_cast<long long>(shop_id));
  if (locked) query.for_update(sql);
  std::optional<PayoutAccount> found;
  query.each<AccountRow>(sql, [&](const AccountRow& row) { found = row.read(); });
  return found;
}
}  // namespace

std::optional<PayoutAccount> find_account(db::Connection& sql, std::int64_t shop_id) {
  return account_where_shop(sql, shop_id, false);
}

std::optional<PayoutAccount> lock_account(db::Connection& sql, std::int64_t shop_id) {
  return account_where_shop(sql, shop_id, true);
}

constexpr std::string_view kInsertAccount = R"(
  INSERT INTO payout_accounts (shop_id, gateway_account_id, schedule, minimum_cents,
                               created_at, updated_at)
  VALUES (:shop, :account, :schedule, :minimum, :created, :updated)
  ON CONFLICT (shop_id) DO NOTHING)";

bool insert_account(db::Connection& sql, const PayoutAccount& account) {
  return db::Query(kInsertAccount)
             .values(account.shop_id, account.gateway_account_id,
                     std::string(to_string(account.schedule)), account.minimum_cents,
                     account.created_at, account.updated_at)
             .execute(sql) == 1;
}

constexpr std::string_view kUpdateSettings = R"(
  UPDATE payout_accounts SET schedule = :schedule, minimum_cents = :minimum, updated_at = :now
  WHERE shop_id = :shop)";

void update_settings(db::Connection& sql, std::int64_t shop_id, PayoutSchedule schedule,
                     long long minimum_cents, Millis now) {
  db::Query(kUpdateSettings)
      .values(std::string(to_string(schedule)), minimum_cents, static_cast<long long>(now), shop_id)
      .execute(sql);
}

std::vector<PayoutAccount> scheduled_accounts(db::Connection& sql) {
  db::Query query(kAccountColumns);
  query.sql(" WHERE schedule <> 'manual' ORDER BY shop_id");
  std::vector<PayoutAccount> accounts;
  query.each<AccountRow>(sql, [&](const AccountRow& row) { accounts.push_back(row.read()); });
  return accounts;
}

constexpr std::string_view kInsertPayout = R"(
  INSERT INTO payouts (shop_id, currency, amount_cents, status, idempotency_key, period_key,
                       created_at, updated_at)
  VALUES (:shop, :currency, :amount, :status, NULLIF(:key, ''), NULLIF(:period, ''),
          :created, :updated))";

std::int64_t insert_payout(db::Connection& sql, const Payout& payout) {
  return db::Query(kInsertPayout)
      .values(payout.shop_id, payout.currency, payout.amount_cents,
              std::string(to_string(payout.status)), payout.idempotency_key, payout.period_key,
              payout.created_at, payout.updated_at)
      .insert_returning_id(sql);
}

constexpr std::string_view kInsertPayoutOrder = R"(
  INSERT INTO payout_orders (payout_id, order_id) VALUES (:payout, :order_id))";

void insert_payout_order(db::Connection& sql, std::int64_t payout_id, std::int64_t order_id) {
  db::Query(kInsertPayoutOrder).values(payout_id, order_id).execute(sql);
}

namespace {
struct PayoutRow {
  Payout payout;
  long long id = 0, shop = 0, created = 0, updated = 0;
  std::string status;
  soci::indicator transfer_ind = soci::i_null, payout_ind = soci::i_null,
                  failure_ind = soci::i_null, key_ind = soci::i_null, period_ind = soci::i_null;

  void define(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(shop));
    st.exchange(soci::into(payout.currency));
    st.exchange(soci::into(payout.amount_cents));
    st.exchange(soci::into(status));
    st.exchange(soci::into(payout.gateway_transfer_id, transfer_ind));
    st.exchange(soci::into(payout.gateway_payout_id, payout_ind));
    st.exchange(soci::into(payout.failure_code, failure_ind));
    st.exchange(soci::into(payout.idempotency_key, key_ind));
    st.exchange(soci::into(payout.period_key, period_ind));
    st.exchange(soci::into(created));
    st.exchange(soci::into(updated));
  }

  Payout read() const {
    Payout read = payout;
    read.id = id;
    read.shop_id = shop;
    read.status = parse_payout_status(status).value_or(PayoutStatus::pending);
    if (transfer_ind != soci::i_ok) read.gateway_transfer_id.clear();
    if (payout_ind != soci::i_ok) read.gateway_payout_id.clear();
    if (failure_ind != soci::i_ok) read.failure_code.clear();
    if (key_ind != soci::i_ok) read.idempotency_key.clear();
    if (period_ind != soci::i_ok) read.period_key.clear();
    read.created_at = created;
    read.updated_at = updated;
    return read;
  }
};

constexpr std::string_view kPayoutColumns = R"(
  SELECT id, shop_id, currency, amount_cents, status, gateway_transfer_id, gateway_payout_id,
         failure_code, idempotency_key, period_key, created_at, updated_at
  FROM payouts)";

constexpr std::string_view kOrdersOf = R"(
  SELECT order_id FROM payout_orders WHERE payout_id = :payout ORDER BY order_id)";

void load_orders(db::Connection& sql, Payout& payout) {
  struct Row {
    long long order = 0;
    void define(soci::statement& st) { st.exchange(soci::into(order)); }
  };
  payout.order_ids.clear();
  db::Query(kOrdersOf).values(payout.id).each<Row>(
      sql, [&](const Row& row) { payout.order_ids.push_back(row.order); });
}

std::optional<Payout> one_payout(db::Connection& sql, db::Query& query) {
  std::optional<Payout> found;
  query.each<PayoutRow>(sql, [&](const PayoutRow& row) { found = row.read(); });
  if (found) load_orders(sql, *found);
  return found;
}
}  // namespace

std::optional<Payout> find_payout(db::Connection& sql, std::int64_t id) {
  db::Query query(kPayoutColumns);
  query.sql(" WHERE id = ").bind(static_cast<long long>(id));
  return one_payout(sql, query);
}

std::optional<Payout> find_by_key(db::Connection& sql, std::int64_t shop_id,
                                  const std::string& idempotency_key) {
  db::Query query(kPayoutColumns);
  query.sql(" WHERE shop_id = ").bind(static_cast<long long>(shop_id));
  query.sql(" AND idempotency_key = ").bind(idempotency_key);
  return one_payout(sql, query);
}

std::optional<Payout> find_by_period(db::Connection& sql, std::int64_t shop_id,
                                     const std::string& currency, const std::string& period_key) {
  db::Query query(kPayoutColumns);
  query.sql(" WHERE shop_id = ").bind(static_cast<long long>(shop_id));
  query.sql(" AND currency = ").bind(currency);
  query.sql(" AND period_key = ").bind(period_key);
  return one_payout(sql, query);
}

std::optional<Payout> find_by_gateway_payout(db::Connection& sql, const std::string& payout_id) {
  db::Query query(kPayoutColumns);
  query.sql(" WHERE gateway_payout_id = ").bind(payout_id);
  return one_payout(sql, query);
}

std::vector<Payout> payouts_of(db::Connection& sql, std::int64_t shop_id) {
  db::Query query(kPayoutColumns);
  query.sql(" WHERE shop_id = ").bind(static_cast<long long>(shop_id)).sql(" ORDER BY id DESC");
  std::vector<Payout> payouts;
  query.each<PayoutRow>(sql, [&](const PayoutRow& row) { payouts.push_back(row.read()); });
  for (auto& payout : payouts) load_orders(sql, payout);
  return payouts;
}

// Holds are the ledger's; a payout only reads which of them were released.
constexpr std::string_view kUncoveredOrders = R"(
  SELECT CAST(h.reference AS BIGINT) FROM ledger_holds h
  WHERE h.shop_id = :shop AND h.currency = :currency AND h.released_at IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM payout_orders po JOIN payouts p ON p.id = po.payout_id
                    WHERE po.order_id = CAST(h.reference AS BIGINT) AND p.status <> 'failed')
  ORDER BY CAST(h.reference AS BIGINT))";

std::vector<std::int64_t> uncovered_orders(db::Connection& sql, std::int64_t shop_id,
                                           const std::string& currency) {
  struct Row {
    long long order = 0;
    void define(soci::statement& st) { st.exchange(soci::into(order)); }
  };
  std::vector<std::int64_t> orders;
  db::Query(kUncoveredOrders).values(shop_id, currency).each<Row>(sql, [&](const Row& row) {
    orders.push_back(row.order);
  });
  return orders;
}

constexpr std::string_view kCoverage = R"(
  SELECT po.order_id, p.id, p.status FROM payout_orders po JOIN payouts p ON p.id = po.payout_id
  WHERE p.shop_id = :shop AND p.status <> 'failed' AND po.order_id IN ()";

std::vector<Coverage> coverage_of(db::Connection& sql, std::int64_t shop_id,
                                  const std::vector<long long>& order_ids) {
  struct Row {
    long long order = 0, payout = 0;
    std::string status;
    void define(soci::statement& st) {
      st.exchange(soci::into(order));
      st.exchange(soci::into(payout));
      st.exchange(soci::into(status));
    }
  };
  std::vector<Coverage> covered;
  if (order_ids.empty()) return covered;
  db::Query query(kCoverage);
  query.values(shop_id).bind_list(order_ids).sql(")");
  query.each<Row>(sql, [&](const Row& row) {
    covered.push_back(
        {row.order, row.payout, parse_payout_status(row.status).value_or(PayoutStatus::pending)});
  });
  return covered;
}

constexpr std::string_view kChangeStatus = R"(
  UPDATE payouts SET status = :to_status,
    gateway_transfer_id = COALESCE(NULLIF(:transfer, ''), gateway_transfer_id),
    gateway_payout_id = COALESCE(NULLIF(:payout, ''), gateway_payout_id),
    failure_code = COALESCE(NULLIF(:failure, ''), failure_code),
    updated_at = :now
  WHERE id = :id AND status = :from_status)";

bool change_status(db::Connection& sql, std::int64_t id, PayoutStatus from, PayoutStatus to,
                   const std::string& transfer_id, const std::string& payout_id,
                   const std::string& failure_code, Millis now) {
  return db::Query(kChangeStatus)
             .values(std::string(to_string(to)), transfer_id, payout_id, failure_code,
                     static_cast<long long>(now), id, std::string(to_string(from)))
             .execute(sql) == 1;
}

constexpr std::string_view kSetGatewayIds = R"(
  UPDATE payouts SET
    gateway_transfer_id = COALESCE(NULLIF(:transfer, ''), gateway_transfer_id),
    gateway_payout_id = COALESCE(NULLIF(:payout, ''), gateway_payout_id),
    updated_at = :now
  WHERE id = :id)";

void set_gateway_ids(db::Connection& sql, std::int64_t id, const std::string& transfer_id,
                     const std::string& payout_id, Millis now) {
  db::Query(kSetGatewayIds)
      .values(transfer_id, payout_id, static_cast<long long>(now), id)
      .execute(sql);
}

}  // namespace ps::payouts::store

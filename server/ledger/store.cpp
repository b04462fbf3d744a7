#include "ledger/store.h"

#include <cstdlib>

namespace ps::ledger::store {

constexpr std::string_view kInsertTransaction = R"(
  INSERT INTO ledger_transactions (kind, reference, currency, memo, created_at)
  VALUES (:kind, :reference, :currency, :memo, :created)
  ON CONFLICT (kind, reference) DO NOTHING)";

bool insert_transaction(db::Connection& sql, const LedgerTransaction& t) {
  return db::Query(kInsertTransaction)
             .values(t.kind, t.reference, t.currency, t.memo, t.created_at)
             .execute(sql) == 1;
}

namespace {
struct TransactionRow {
  LedgerTransaction transaction;
  long long id = 0, created = 0;

  void define(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(transaction.kind));
    st.exchange(soci::into(transaction.reference));
    st.exchange(soci::into(transaction.currency));
    st.exchange(soci::into(transaction.memo));
    st.exchange(soci::into(created));
  }
};

struct EntryRow {
  Entry entry;
  long long order = 0;

  void define(soci::statement& st) {
    st.exchange(soci::into(entry.account));
    st.exchange(soci::into(entry.amount));
    st.exchange(soci::into(order));
  }
};
}  // namespace

constexpr std::string_view kFindTransaction = R"(
  SELECT id, kind, reference, currency, memo, created_at FROM ledger_transactions
  WHERE kind = :kind AND reference = :reference)";

constexpr std::string_view kEntriesOf = R"(
  SELECT account, amount, COALESCE(order_id, 0) FROM ledger_entries
  WHERE transaction_id = :transaction ORDER BY id)";

std::optional<LedgerTransaction> find_transaction(db::Connection& sql, const std::string& kind,
                                                  const std::string& reference) {
  std::optional<LedgerTransaction> found;
  db::Query(kFindTransaction)
      .values(kind, reference)
      .each<TransactionRow>(sql, [&](const TransactionRow& row) {
        found = row.transaction;
        found->id = row.id;
        found->created_at = row.created;
      });
  if (!found) return std::nullopt;
  db::Query(kEntriesOf).values(found->id).each<EntryRow>(sql, [&](const EntryRow& row) {
    found->entries.push_back(row.entry);
    found->entries.back().order_id = row.order;
  });
  return found;
}

constexpr std::string_view kInsertEntry = R"(
  INSERT INTO ledger_entries (transaction_id, account, amount, order_id)
  VALUES (:transaction, :account, :amount, :order))";

void insert_entry(db::Connection& sql, std::int64_t transaction_id, const Entry& entry) {
  db::Query(kInsertEntry)
      .values(transaction_id, entry.account, entry.amount)
      .value(entry.order_id == 0 ? std::nullopt : std::optional<long long>(entry.order_id))
      .execute(sql);
}

constexpr std::string_view kAddToBalance = R"(
  INSERT INTO ledger_balances (account, currency, amount) VALUES (:account, :currency, :amount)
  ON CONFLICT (account, currency) DO UPDATE SET amount = ledger_balances.amount + excluded.amount)";

void add_to_balance(db::Connection& sql, const std::string& account, const std::string& currency,
                    long long amount) {
  db::Query(kAddToBalance).values(account, currency, amount).execute(sql);
}

namespace {
struct BalanceRow {
  AccountBalance balance;

  void define(soci::statement& st) {
    st.exchange(soci::into(balance.currency));
    st.exchange(soci::into(balance.amount));
  }
};
}  // namespace

constexpr std::string_view kBalancesOf = R"(
  SELECT currency, amount FROM ledger_balances WHERE account = :account ORDER BY currency)";

std::vector<AccountBalance> balances_of(db::Connection& sql, const std::string& account) {
  std::vector<AccountBalance> balances;
  db::Query(kBalancesOf).values(account).each<BalanceRow>(sql, [&](const BalanceRow& row) {
    balances.push_back(row.balance);
  });
  return balances;
}

namespace {
// One row of kStatementLines.
struct StatementRow {
  StatementLine line;
  long long id = 0, created = 0, order = 0;
  std::string reference;

  void define(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(line.kind));
    st.exchange(soci::into(reference));
    st.exchange(soci::into(order));
    st.exchange(soci::into(line.currency));
    st.exchange(soci::into(created));
    st.exchange(soci::into(line.gross_cents));
    st.exchange(soci::into(line.fee_cents));
    st.exchange(soci::into(line.net_cents));
    st.exchange(soci::into(line.balance_cents));
  }

  StatementLine to_line() const {
    StatementLine read = line;
    read.transaction_id = id;
    read.created_at = created;
    // Sales and refunds name an order, disputes a dispute (and their entries
    // an order), payouts and their reversals a payout.
    if (order != 0)
      read.order_id = order;
    else if (line.kind != kinds::kPayout && line.kind != kinds::kPayoutReversal)
      read.order_id = std::strtoll(reference.c_str(), nullptr, 10);
    return read;
  }
};
}  // namespace

// The vendor's transactions on its pending and balance accounts (releases
// left out: they move money from one to the other), one line each (a
// dispute may take from both accounts), with the running sum of what it is
// owed per currency (a window over all of them, so a page's balances are
// right). A dispute's gross is the vendor's share of it, not the whole
// payment's, and its order the one its entries name. The casts keep
// PostgreSQL's SUM of BIGINT (a NUMERIC) a 64-bit integer.
const std::string kStatementLinesSelect = R"(
  SELECT id, kind, reference, order_id, currency, created_at, gross, fee, net, balance FROM (
    SELECT t.id, t.kind, t.reference, v.order_id, t.currency, t.created_at,
      CASE WHEN t.kind IN (:dispute, :dispute_won) THEN -v.amount ELSE
        CAST(COALESCE((SELECT SUM(c.amount) FROM ledger_entries c
                       WHERE c.transaction_id = t.id AND c.account = :clearing), 0) AS BIGINT)
      END AS gross,
      CAST(COALESCE((SELECT -SUM(f.amount) FROM ledger_entries f
                     WHERE f.transaction_id = t.id AND f.account = :fees), 0) AS BIGINT) AS fee,
      -v.amount AS net,
      CAST(SUM(-v.amount) OVER (PARTITION BY t.currency ORDER BY t.id) AS BIGINT) AS balance
    FROM (SELECT transaction_id, CAST(SUM(amount) AS BIGINT) AS amount,
            CAST(COALESCE(MIN(order_id), 0) AS BIGINT) AS order_id FROM ledger_entries
          WHERE account IN (:pending, :balance) GROUP BY transaction_id) v
    JOIN ledger_transactions t ON t.id = v.transaction_id
    WHERE t.kind <> :release) lines)";
// A page of them, newest first.
const std::string kStatementLines =
    kStatementLinesSelect + " ORDER BY id DESC LIMIT :limit OFFSET :offset";

std::vector<StatementLine> statement_lines(db::Connection& sql, std::int64_t shop_id,
                                           const PageRequest& page) {
  std::vector<StatementLine> lines;
  db::Query(kStatementLines)
      .values(kinds::kDispute, kinds::kDisputeWon, chart::kGatewayClearing, chart::kPlatformFees,
              chart::vendor_pending(shop_id), chart::vendor_balance(shop_id), kinds::kRelease,
              static_cast<long long>(page.limit), page.offset())
      .each<StatementRow>(sql, [&](const StatementRow& row) { lines.push_back(row.to_line()); });
  return lines;
}

constexpr std::string_view kCountStatementLines = R"(
  SELECT COUNT(DISTINCT v.transaction_id) FROM ledger_entries v
  JOIN ledger_transactions t ON t.id = v.transaction_id
  WHERE v.account IN (:pending, :balance) AND t.kind <> :release)";

long long count_statement_lines(db::Connection& sql, std::int64_t shop_id) {
  return db::Query(kCountStatementLines)
      .values(chart::vendor_pending(shop_id), chart::vendor_balance(shop_id), kinds::kRelease)
      .single<long long>(sql);
}

// kStatementLines' lines, posted in [from, until), oldest first.
const std::string kStatementLinesBetween =
    kStatementLinesSelect + " WHERE created_at >= :from AND created_at < :until ORDER BY id";

std::vector<StatementLine> statement_lines_between(db::Connection& sql, std::int64_t shop_id,
                                                   Millis from, Millis until) {
  std::vector<StatementLine> lines;
  db::Query(kStatementLinesBetween)
      .values(kinds::kDispute, kinds::kDisputeWon, chart::kGatewayClearing, chart::kPlatformFees,
              chart::vendor_pending(shop_id), chart::vendor_balance(shop_id), kinds::kRelease,
              static_cast<long long>(from), static_cast<long long>(until))
      .each<StatementRow>(sql, [&](const StatementRow& row) { lines.push_back(row.to_line()); });
  return lines;
}

namespace {
// One row of kOrderEarnings.
struct OrderEarningsRow {
  OrderEarnings earnings;
  long long order = 0, created = 0, available = 0, released = 0;

  void define(soci::statement& st) {
    st.exchange(soci::into(order));
    st.exchange(soci::into(earnings.currency));
    st.exchange(soci::into(created));
    st.exchange(soci::into(earnings.gross_cents));
    st.exchange(soci::into(earnings.fee_cents));
    st.exchange(soci::into(earnings.refunded_cents));
    st.exchange(soci::into(earnings.fee_returned_cents));
    st.exchange(soci::into(earnings.disputed_cents));
    st.exchange(soci::into(available));
    st.exchange(soci::into(released));
  }

  OrderEarnings read() const {
    OrderEarnings read = earnings;
    read.order_id = order;
    read.created_at = created;
    read.available_at = available;
    read.released = released != 0;
    return read;
  }
};
}  // namespace

// The shop's sales (those with an entry on its pending or balance account),
// each with its refunds: a refund's reference is "<order>/<refund>" (or the
// order id alone, for a whole-order refund from before 013). Gross is what
// the gateway's clearing account took in, the fee what the platform's fee
// account got; a refund's are the reverse. A sale from before holds has no
// hold and credited the balance: released. A dispute's entries name their
// order (ledger_entries.order_id): what it took from the vendor's accounts
// less what a won one gave back. The casts keep PostgreSQL's SUM of BIGINT
// (a NUMERIC) a 64-bit integer.
constexpr std::string_view kOrderEarnings = R"(
  SELECT CAST(s.reference AS BIGINT), s.currency, s.created_at,
    CAST(COALESCE((SELECT SUM(e.amount) FROM ledger_entries e
                   WHERE e.transaction_id = s.id AND e.account = :clearing), 0) AS BIGINT),
    CAST(COALESCE((SELECT -SUM(e.amount) FROM ledger_entries e
                   WHERE e.transaction_id = s.id AND e.account = :fees), 0) AS BIGINT),
    CAST(COALESCE((SELECT -SUM(e.amount) FROM ledger_transactions r
                   JOIN ledger_entries e ON e.transaction_id = r.id
                   WHERE r.kind = :refund AND e.account = :refund_clearing
                     AND (r.reference = s.reference OR r.reference LIKE s.reference || '/%')),
                  0) AS BIGINT),
    CAST(COALESCE((SELECT SUM(e.amount) FROM ledger_transactions r
                   JOIN ledger_entries e ON e.transaction_id = r.id
                   WHERE r.kind = :fee_refund AND e.account = :refund_fees
                     AND (r.reference = s.reference OR r.reference LIKE s.reference || '/%')),
                  0) AS BIGINT),
    CAST(COALESCE((SELECT SUM(e.amount) FROM ledger_entries e
                   JOIN ledger_transactions d ON d.id = e.transaction_id
                   WHERE e.order_id = CAST(s.reference AS BIGINT)
                     AND e.account IN (:dispute_pending, :dispute_balance)
                     AND d.kind IN (:dispute, :dispute_won)),
                  0) AS BIGINT),
    CAST(COALESCE(h.due_at, 0) AS BIGINT),
    CAST(CASE WHEN h.reference IS NULL OR h.released_at IS NOT NULL THEN 1 ELSE 0 END AS BIGINT)
  FROM ledger_entries v
  JOIN ledger_transactions s ON s.id = v.transaction_id
  LEFT JOIN ledger_holds h ON h.reference = s.reference
  WHERE v.account IN (:pending, :balance) AND s.kind = :sale)";
constexpr std::string_view kNewestFirst = " ORDER BY s.id DESC LIMIT :limit OFFSET :offset";
constexpr std::string_view kOfOrder = " AND s.reference = :order";

namespace {
db::Query order_earnings_query(std::int64_t shop_id) {
  db::Query query(kOrderEarnings);
  query.values(chart::kGatewayClearing, chart::kPlatformFees, kinds::kRefund,
               chart::kGatewayClearing, kinds::kRefund, chart::kPlatformFees,
               chart::vendor_pending(shop_id), chart::vendor_balance(shop_id), kinds::kDispute,
               kinds::kDisputeWon, chart::vendor_pending(shop_id), chart::vendor_balance(shop_id),
               kinds::kSale);
  return query;
}
}  // namespace

std::vector<OrderEarnings> order_earnings(db::Connection& sql, std::int64_t shop_id,
                                          const PageRequest& page) {
  std::vector<OrderEarnings> orders;
  auto query = order_earnings_query(shop_id);
  query.sql(kNewestFirst).values(static_cast<long long>(page.limit), page.offset());
  query.each<OrderEarningsRow>(sql,
                               [&](const OrderEarningsRow& row) { orders.push_back(row.read()); });
  return orders;
}

constexpr std::string_view kCountOrderEarnings = R"(
  SELECT COUNT(*) FROM ledger_entries v JOIN ledger_transactions s ON s.id = v.transaction_id
  WHERE v.account IN (:pending, :balance) AND s.kind = :sale)";

long long count_order_earnings(db::Connection& sql, std::int64_t shop_id) {
  return db::Query(kCountOrderEarnings)
      .values(chart::vendor_pending(shop_id), chart::vendor_balance(shop_id), kinds::kSale)
      .single<long long>(sql);
}

std::optional<OrderEarnings> order_earnings_of(db::Connection& sql, std::int64_t shop_id,
                                               std::int64_t order_id) {
  std::optional<OrderEarnings> found;
  auto query = order_earnings_query(shop_id);
  query.sql(kOfOrder).value(std::to_string(order_id));
  query.each<OrderEarningsRow>(sql, [&](const OrderEarningsRow& row) { found = row.read(); });
  return found;
}

constexpr std::string_view kInsertHold = R"(
  INSERT INTO ledger_holds (reference, shop_id, currency, amount)
  VALUES (:reference, :shop, :currency, :amount)
  ON CONFLICT (reference) DO NOTHING)";

void insert_hold(db::Connection& sql, const Hold& hold) {
  db::Query(kInsertHold)
      .values(hold.reference, hold.shop_id, hold.currency, hold.amount)
      .execute(sql);
}

namespace {
struct HoldRow {
  Hold hold;
  long long shop = 0, due = 0, released = 0;
  soci::indicator due_ind = soci::i_null, released_ind = soci::i_null;

  void define(soci::statement& st) {
    st.exchange(soci::into(hold.reference));
    st.exchange(soci::into(shop));
    st.exchange(soci::into(hold.currency));
    st.exchange(soci::into(hold.amount));
    st.exchange(soci::into(due, due_ind));
    st.exchange(soci::into(released, released_ind));
  }

  Hold read() const {
    Hold read = hold;
    read.shop_id = shop;
    read.due_at = due_ind == soci::i_ok ? due : 0;
    read.released = released_ind == soci::i_ok;
    return read;
  }
};
}  // namespace

constexpr std::string_view kFindHold = R"(
  SELECT reference, shop_id, currency, amount, due_at, released_at FROM ledger_holds
  WHERE reference = :reference)";
std::optional<Hold> find_hold_for_update(db::Connection& sql, const std::string& reference) {
  db::Query query(kFindHold);
  std::optional<Hold> found;
  query.values(reference).for_update(sql).each<HoldRow>(
      sql, [&](const HoldRow& row) { found = row.read(); });
  return found;
}

constexpr std::string_view kSetHoldAmount = R"(
  UPDATE ledger_holds SET amount = :amount WHERE reference = :reference)";

void set_hold_amount(db::Connection& sql, const std::string& reference, long long amount) {
  db::Query(kSetHoldAmount).values(amount, reference).execute(sql);
}

constexpr std::string_view kSetHoldDue = R"(
  UPDATE ledger_holds SET due_at = :due WHERE reference = :reference AND due_at IS NULL)";

void set_hold_due(db::Connection& sql, const std::string& reference, Millis due_at) {
  db::Query(kSetHoldDue).values(static_cast<long long>(due_at), reference).execute(sql);
}

constexpr std::string_view kDueHolds = R"(
  SELECT reference FROM ledger_holds
  WHERE released_at IS NULL AND due_at IS NOT NULL AND due_at <= :now
  ORDER BY due_at, reference LIMIT :limit)";

std::vector<std::string> due_holds(db::Connection& sql, Millis now, int limit) {
  struct Row {
    std::string reference;
    void define(soci::statement& st) { st.exchange(soci::into(reference)); }
  };
  std::vector<std::string> references;
  db::Query(kDueHolds)
      .values(static_cast<long long>(now), static_cast<long long>(limit))
      .each<Row>(sql, [&](const Row& row) { references.push_back(row.reference); });
  return references;
}

constexpr std::string_view kClaimRelease = R"(
  UPDATE ledger_holds SET released_at = :now
  WHERE reference = :reference AND released_at IS NULL AND due_at IS NOT NULL
    AND due_at <= :due_by)";

bool claim_release(db::Connection& sql, const std::string& reference, Millis now) {
  const auto at = static_cast<long long>(now);
  return db::Query(kClaimRelease).values(at, reference, at).execute(sql) == 1;
}

}  // namespace ps::ledger::store

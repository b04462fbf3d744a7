#include "support/ledger_invariants.h"

#include <gtest/gtest.h>

namespace ps::testing {
namespace {

// Every (shop, currency) that earned or was paid out, as rows `v`.
const std::string kVendorCurrencies =
    "(SELECT shop_id, currency FROM orders WHERE platform_fee_cents IS NOT NULL "
    "UNION SELECT shop_id, currency FROM payouts) v";
const std::string kVendorAccounts =
    "('vendor:' || v.shop_id || ':pending', 'vendor:' || v.shop_id || ':balance')";

std::string dispute_entries_on(const std::string& accounts, const std::string& currency) {
  return "(SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e JOIN ledger_transactions t "
         "ON t.id = e.transaction_id WHERE t.kind IN ('dispute', 'dispute_won') AND "
         "t.currency = " +
         currency + " AND e.account IN " + accounts + ")";
}

}  // namespace

void expect_ledger_balanced(const SqlNumber& number) {
  EXPECT_EQ(number("SELECT COUNT(*) FROM (SELECT transaction_id FROM ledger_entries "
                   "GROUP BY transaction_id HAVING SUM(amount) <> 0) unbalanced"),
            0)
      << "a transaction's entries do not sum to zero";
  EXPECT_EQ(number("SELECT COUNT(*) FROM ledger_transactions t WHERE "
                   "(SELECT COUNT(*) FROM ledger_entries e WHERE e.transaction_id = t.id) < 2"),
            0)
      << "a transaction has fewer than two entries";
  EXPECT_EQ(number("SELECT COUNT(*) FROM ledger_balances b WHERE b.amount <> "
                   "(SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e JOIN "
                   "ledger_transactions t ON t.id = e.transaction_id "
                   "WHERE e.account = b.account AND t.currency = b.currency)"),
            0)
      << "a balance is not the sum of its entries";
  EXPECT_EQ(number("SELECT COUNT(*) FROM (SELECT DISTINCT e.account, t.currency FROM "
                   "ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id) "
                   "moved WHERE NOT EXISTS (SELECT 1 FROM ledger_balances b WHERE "
                   "b.account = moved.account AND b.currency = moved.currency)"),
            0)
      << "an account that moved has no balance";
}

void expect_ledger_agrees_with_orders(const SqlNumber& number) {
  const std::string owed =
      "-(SELECT COALESCE(SUM(b.amount), 0) FROM ledger_balances b WHERE b.currency = v.currency "
      "AND b.account IN " +
      kVendorAccounts + ")";
  const std::string earned =
      "(SELECT COALESCE(SUM(o.total_cents - o.platform_fee_cents), 0) FROM orders o WHERE "
      "o.shop_id = v.shop_id AND o.currency = v.currency AND o.platform_fee_cents IS NOT NULL)";
  const std::string refunded =
      "(SELECT COALESCE(SUM(r.amount_cents - r.fee_reversed_cents), 0) FROM order_refunds r "
      "JOIN orders o ON o.id = r.order_id WHERE o.shop_id = v.shop_id AND o.currency = "
      "v.currency)";
  const std::string paid_out =
      "(SELECT COALESCE(SUM(p.amount_cents), 0) FROM payouts p WHERE p.shop_id = v.shop_id "
      "AND p.currency = v.currency AND p.status <> 'failed')";
  const std::string paid_out_account =
      "(SELECT COALESCE(SUM(b.amount), 0) FROM ledger_balances b WHERE b.currency = v.currency "
      "AND b.account = 'vendor:' || v.shop_id || ':payouts')";
  EXPECT_EQ(number("SELECT COUNT(*) FROM " + kVendorCurrencies + " WHERE " + owed + " <> " +
                   earned + " - " + refunded + " - " + paid_out + " - " +
                   dispute_entries_on(kVendorAccounts, "v.currency")),
            0)
      << "a vendor's balance is not earnings - refunds - payouts - disputes + disputes won";
  EXPECT_EQ(number("SELECT COUNT(*) FROM " + kVendorCurrencies + " WHERE -" + paid_out_account +
                   " <> " + paid_out),
            0)
      << "a vendor's payouts account is not what its standing payouts paid";

  EXPECT_EQ(number("SELECT COUNT(*) FROM (SELECT shop_id, currency, SUM(amount) AS held FROM "
                   "ledger_holds WHERE released_at IS NULL GROUP BY shop_id, currency) h WHERE "
                   "h.held <> -(SELECT COALESCE(SUM(b.amount), 0) FROM ledger_balances b WHERE "
                   "b.currency = h.currency AND b.account = 'vendor:' || h.shop_id || ':pending')"),
            0)
      << "a vendor's pending earnings are not its unreleased holds";
  // What each order's earnings show of its disputes (ledger/store.cpp's
  // kOrderEarnings) adds up to what the disputes moved.
  EXPECT_EQ(number("SELECT COUNT(*) FROM ledger_entries e JOIN ledger_transactions t ON t.id = "
                   "e.transaction_id WHERE t.kind IN ('dispute', 'dispute_won') AND "
                   "e.account LIKE 'vendor:%' AND NOT EXISTS (SELECT 1 FROM orders o WHERE "
                   "o.id = e.order_id AND e.account IN ('vendor:' || o.shop_id || ':pending', "
                   "'vendor:' || o.shop_id || ':balance'))"),
            0)
      << "a dispute's vendor entry does not name an order of that vendor's shop";
  EXPECT_EQ(number("SELECT COUNT(*) FROM ledger_balances WHERE account LIKE 'vendor:%:pending' "
                   "AND amount > 0"),
            0)
      << "a vendor's pending earnings went below zero";

  const std::string currencies = "(SELECT DISTINCT currency FROM ledger_transactions) c";
  const std::string fees =
      "(SELECT COALESCE(SUM(o.platform_fee_cents), 0) FROM orders o WHERE o.currency = "
      "c.currency AND o.platform_fee_cents IS NOT NULL)";
  const std::string fees_back =
      "(SELECT COALESCE(SUM(r.fee_reversed_cents), 0) FROM order_refunds r JOIN orders o ON "
      "o.id = r.order_id WHERE o.currency = c.currency)";
  EXPECT_EQ(number("SELECT COUNT(*) FROM " + currencies +
                   " WHERE -(SELECT COALESCE(SUM(b.amount), 0) FROM ledger_balances b WHERE "
                   "b.account = 'platform:fees' AND b.currency = c.currency) <> " +
                   fees + " - " + fees_back),
            0)
      << "the platform's revenue is not fees - fees given back";

  const std::string captured =
      "(SELECT COALESCE(SUM(o.total_cents), 0) FROM orders o WHERE o.currency = c.currency AND "
      "o.platform_fee_cents IS NOT NULL)";
  const std::string refunds =
      "(SELECT COALESCE(SUM(r.amount_cents), 0) FROM order_refunds r JOIN orders o ON o.id = "
      "r.order_id WHERE o.currency = c.currency)";
  EXPECT_EQ(number("SELECT COUNT(*) FROM " + currencies +
                   " WHERE (SELECT COALESCE(SUM(b.amount), 0) FROM ledger_balances b WHERE "
                   "b.account = 'gateway:clearing' AND b.currency = c.currency) <> " +
                   captured + " - " + refunds + " + " +
                   dispute_entries_on("('gateway:clearing')", "c.currency")),
            0)
      << "the gateway's clearing is not captured - refunded - disputed + disputes won";
}

}  // namespace ps::testing

-- The order an entry is about, where its transaction's reference does not
-- say: a dispute's clawback (kind 'dispute') and its reversal ('dispute_won')
-- are referenced by the dispute and take from each vendor of the payment's
-- orders, so each of their entries on a vendor's accounts names its order.
-- The order's earnings and the vendor's statement then show the dispute
-- on the order it took from.
ALTER TABLE ledger_entries ADD COLUMN order_id BIGINT;

-- Disputes posted before this: a payment pays for one order per shop, so
-- the order of a vendor's entry is the payment's order of that vendor's shop.
UPDATE ledger_entries SET order_id = (
  SELECT o.id FROM ledger_transactions t
  JOIN payment_disputes d ON d.id = t.reference
  JOIN orders o ON o.payment_id = d.payment_id
  WHERE t.id = ledger_entries.transaction_id
    AND ledger_entries.account IN ('vendor:' || o.shop_id || ':pending',
                                   'vendor:' || o.shop_id || ':balance')
  ORDER BY o.id LIMIT 1)
WHERE transaction_id IN (SELECT id FROM ledger_transactions
                         WHERE kind IN ('dispute', 'dispute_won'));

CREATE INDEX ledger_entries_order ON ledger_entries (order_id) WHERE order_id IS NOT NULL;

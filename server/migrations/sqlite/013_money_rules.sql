-- Money rules (issue 16): per-shop fees, the fee kept on each order, partial
-- refunds, and vendor earnings held as pending until released.

-- A shop's own fee, set by the operator (`pocketshop shops set-fee`); NULL
-- takes the platform's default (--platform-fee-bps, --platform-fee-fixed).
ALTER TABLE shops ADD COLUMN platform_fee_bps INTEGER
  CHECK (platform_fee_bps BETWEEN 0 AND 10000);
ALTER TABLE shops ADD COLUMN platform_fee_fixed_cents INTEGER
  CHECK (platform_fee_fixed_cents >= 0);

-- The platform's fee on the order, fixed when its sale posts (NULL before).
ALTER TABLE orders ADD COLUMN platform_fee_cents INTEGER;
UPDATE orders SET platform_fee_cents = COALESCE(
    (SELECT -e.amount FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
     WHERE t.kind = 'sale' AND t.reference = CAST(orders.id AS TEXT)
       AND e.account = 'platform:fees'), 0)
  WHERE EXISTS (SELECT 1 FROM ledger_transactions t
                WHERE t.kind = 'sale' AND t.reference = CAST(orders.id AS TEXT));

-- Each refund of a captured order: its amount, the part of the fee it gave
-- back, and the items it was for (none for a refund of an amount).
-- (order_id, idempotency_key) is unique: a retry finds the first refund.
CREATE TABLE order_refunds (
  id                  INTEGER PRIMARY KEY,
  order_id            INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  amount_cents        INTEGER NOT NULL CHECK (amount_cents > 0),
  fee_reversed_cents  INTEGER NOT NULL CHECK (fee_reversed_cents >= 0),
  reason              TEXT NOT NULL DEFAULT '',
  idempotency_key     TEXT,
  request_fingerprint TEXT,
  gateway_refund_id   TEXT,
  created_at          INTEGER NOT NULL,
  UNIQUE (order_id, idempotency_key)
);
CREATE TABLE order_refund_items (
  refund_id   INTEGER NOT NULL REFERENCES order_refunds(id) ON DELETE CASCADE,
  order_id    INTEGER NOT NULL,
  product_id  INTEGER NOT NULL,
  quantity    INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (refund_id, product_id),
  FOREIGN KEY (order_id, product_id) REFERENCES order_items(order_id, product_id)
);
CREATE INDEX order_refund_items_order ON order_refund_items (order_id, product_id);

-- Whole-order refunds made before this migration, as refund rows (their
-- ledger transactions stay keyed by the order id).
INSERT INTO order_refunds (order_id, amount_cents, fee_reversed_cents, reason, created_at)
SELECT o.id, o.total_cents,
       COALESCE((SELECT e.amount FROM ledger_entries e
                 JOIN ledger_transactions t ON t.id = e.transaction_id
                 WHERE t.kind = 'refund' AND t.reference = CAST(o.id AS TEXT)
                   AND e.account = 'platform:fees'), 0),
       COALESCE(o.cancel_reason, ''), o.updated_at
FROM orders o WHERE o.status = 'refunded' AND o.total_cents > 0;

-- An order's earnings while they are pending (ledger/model.h): what is left
-- of them in vendor:<shop>:pending, due for release at due_at (set once the
-- order is delivered), released once (released_at).
CREATE TABLE ledger_holds (
  reference    TEXT PRIMARY KEY,  -- the order id, as the sale's reference
  shop_id      INTEGER NOT NULL,
  currency     TEXT NOT NULL,
  amount       INTEGER NOT NULL CHECK (amount >= 0),
  due_at       INTEGER,
  released_at  INTEGER
);
CREATE INDEX ledger_holds_due ON ledger_holds (due_at) WHERE released_at IS NULL;

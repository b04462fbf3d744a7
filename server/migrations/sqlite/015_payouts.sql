-- Payouts (issue 16): a vendor's connected account at the gateway, its payout
-- schedule, and each payout with the orders whose earnings it pays.

-- One connected account per shop; schedule manual|daily|weekly, and payouts
-- below minimum_cents are not made.
CREATE TABLE payout_accounts (
  shop_id             INTEGER PRIMARY KEY REFERENCES shops(id) ON DELETE CASCADE,
  gateway_account_id  TEXT NOT NULL,
  schedule            TEXT NOT NULL DEFAULT 'manual'
                        CHECK (schedule IN ('manual', 'daily', 'weekly')),
  minimum_cents       INTEGER NOT NULL DEFAULT 0 CHECK (minimum_cents >= 0),
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL
);

-- pending -> in_transit -> paid | failed. A payout on request may carry the
-- client's Idempotency-Key, a scheduled one its period ("daily:2026-12-05"):
-- each unique per shop, so retries and concurrent runs make one.
CREATE TABLE payouts (
  id                   INTEGER PRIMARY KEY,
  shop_id              INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  currency             TEXT NOT NULL,
  amount_cents         INTEGER NOT NULL CHECK (amount_cents > 0),
  status               TEXT NOT NULL DEFAULT 'pending'
                         CHECK (status IN ('pending', 'in_transit', 'paid', 'failed')),
  gateway_transfer_id  TEXT,
  gateway_payout_id    TEXT,
  failure_code         TEXT,
  idempotency_key      TEXT,
  period_key           TEXT,
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL,
  UNIQUE (shop_id, idempotency_key),
  UNIQUE (shop_id, currency, period_key)
);
CREATE INDEX payouts_shop ON payouts (shop_id, id);
CREATE INDEX payouts_gateway_payout ON payouts (gateway_payout_id);

-- The orders whose released earnings a payout takes; an order is covered by
-- at most one payout that has not failed (a failed one's orders are free again).
CREATE TABLE payout_orders (
  payout_id  INTEGER NOT NULL REFERENCES payouts(id) ON DELETE CASCADE,
  order_id   INTEGER NOT NULL,
  PRIMARY KEY (payout_id, order_id)
);
CREATE INDEX payout_orders_order ON payout_orders (order_id);

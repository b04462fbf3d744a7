-- What a shop charges to ship an order, per currency: a flat amount per
-- order, nothing once the order's items reach free_over_cents. A currency
-- without a rate ships free, as every order did before this.
CREATE TABLE shipping_rates (
  shop_id         INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  currency        TEXT NOT NULL,
  flat_cents      BIGINT NOT NULL CHECK (flat_cents >= 0),
  free_over_cents BIGINT CHECK (free_over_cents > 0),
  PRIMARY KEY (shop_id, currency)
);

-- The shipping an order charged, part of its total_cents.
ALTER TABLE orders ADD COLUMN shipping_cents BIGINT NOT NULL DEFAULT 0
  CHECK (shipping_cents >= 0);

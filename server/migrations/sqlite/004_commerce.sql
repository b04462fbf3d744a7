-- Carts, checkouts, payments, orders and reviews.
CREATE TABLE carts (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER UNIQUE REFERENCES users(id) ON DELETE CASCADE,  -- NULL: a guest cart
  token_hash  TEXT UNIQUE,                                            -- guest carts: SHA-256 of the token
  created_at  BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL
);
CREATE TABLE cart_items (
  cart_id     INTEGER NOT NULL REFERENCES carts(id) ON DELETE CASCADE,
  product_id  INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  quantity    INTEGER NOT NULL CHECK (quantity > 0),
  added_at    BIGINT NOT NULL,
  PRIMARY KEY (cart_id, product_id)
);

CREATE TABLE checkouts (
  id               INTEGER PRIMARY KEY,
  buyer_id         INTEGER NOT NULL REFERENCES users(id),
  total_cents      BIGINT NOT NULL,
  currency         TEXT NOT NULL,
  shipping_address TEXT NOT NULL,  -- JSON
  created_at       BIGINT NOT NULL
);
-- The first answer to each (user, Idempotency-Key); never holds card data.
CREATE TABLE idempotency_keys (
  user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  idempotency_key TEXT NOT NULL,
  request_hmac  TEXT NOT NULL,
  status_code   INTEGER,          -- NULL while the first request runs
  response      TEXT,
  created_at    BIGINT NOT NULL,
  PRIMARY KEY (user_id, idempotency_key)
);

CREATE TABLE payments (
  id               INTEGER PRIMARY KEY,
  checkout_id      INTEGER NOT NULL UNIQUE REFERENCES checkouts(id),
  provider         TEXT NOT NULL,
  authorization_id TEXT NOT NULL,
  amount_cents     BIGINT NOT NULL,
  currency         TEXT NOT NULL,
  card_brand       TEXT NOT NULL,
  card_last4       TEXT NOT NULL,
  created_at       BIGINT NOT NULL
);

CREATE TABLE orders (
  id               INTEGER PRIMARY KEY,
  checkout_id      INTEGER NOT NULL REFERENCES checkouts(id),
  payment_id       INTEGER NOT NULL REFERENCES payments(id),
  buyer_id         INTEGER NOT NULL REFERENCES users(id),
  shop_id          INTEGER NOT NULL REFERENCES shops(id),
  status           TEXT NOT NULL CHECK (status IN
                     ('paid', 'processing', 'shipped', 'delivered', 'cancelled', 'refunded')),
  payment_status   TEXT NOT NULL CHECK (payment_status IN
                     ('authorized', 'captured', 'voided', 'refunded')),
  total_cents      BIGINT NOT NULL CHECK (total_cents >= 0),
  currency         TEXT NOT NULL,
  shipping_address TEXT NOT NULL,  -- JSON
  carrier          TEXT,
  tracking_number  TEXT,
  cancel_reason    TEXT,
  created_at       BIGINT NOT NULL,
  updated_at       BIGINT NOT NULL
);
CREATE INDEX orders_buyer ON orders(buyer_id, created_at DESC);
CREATE INDEX orders_shop ON orders(shop_id, status, created_at DESC);
CREATE INDEX orders_checkout ON orders(checkout_id);

CREATE TABLE order_items (
  order_id         INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  product_id       INTEGER NOT NULL REFERENCES products(id),
  name             TEXT NOT NULL,
  unit_price_cents BIGINT NOT NULL,
  quantity         INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (order_id, product_id)
);
CREATE INDEX order_items_product ON order_items(product_id);

CREATE TABLE order_events (
  id         INTEGER PRIMARY KEY,
  order_id   INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  status     TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  actor_id   INTEGER,
  actor_role TEXT NOT NULL,  -- buyer | vendor | system
  at         BIGINT NOT NULL
);
CREATE INDEX order_events_order ON order_events(order_id, id);

CREATE TABLE reviews (
  id         INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES products(id),
  buyer_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  order_id   INTEGER NOT NULL REFERENCES orders(id),
  rating     INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  body       TEXT NOT NULL,
  reply      TEXT,
  replied_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (product_id, buyer_id)
);
CREATE INDEX reviews_product ON reviews(product_id, created_at DESC);

ALTER TABLE products ADD COLUMN rating_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE products ADD COLUMN rating_sum INTEGER NOT NULL DEFAULT 0;

-- Shops and their products. A vendor owns at most one shop. Products are never
-- deleted once listed, only archived, so orders keep pointing at them.
CREATE TABLE shops (
  id              INTEGER PRIMARY KEY,
  owner_id        INTEGER NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
  slug            TEXT NOT NULL UNIQUE,
  name            TEXT NOT NULL,
  description     TEXT NOT NULL DEFAULT '',
  accent_color    TEXT NOT NULL,
  logo_image_id   INTEGER REFERENCES images(id) ON DELETE SET NULL,
  cover_image_id  INTEGER REFERENCES images(id) ON DELETE SET NULL,
  shipping_policy TEXT NOT NULL DEFAULT '',
  returns_policy  TEXT NOT NULL DEFAULT '',
  created_at      BIGINT NOT NULL,
  updated_at      BIGINT NOT NULL
);
CREATE INDEX shops_newest ON shops(created_at DESC, id DESC);
CREATE INDEX shops_name ON shops(lower(name));

CREATE TABLE products (
  id           INTEGER PRIMARY KEY,
  shop_id      INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  category     TEXT NOT NULL,
  price_cents  BIGINT NOT NULL CHECK (price_cents >= 0),
  currency     TEXT NOT NULL,
  inventory    INTEGER NOT NULL CHECK (inventory >= 0),
  status       TEXT NOT NULL CHECK (status IN ('active', 'draft')),
  archived_at  BIGINT,
  created_at   BIGINT NOT NULL,
  updated_at   BIGINT NOT NULL
);
CREATE INDEX products_shop ON products(shop_id, status, archived_at);
CREATE INDEX products_listed_newest ON products(created_at DESC, id DESC)
  WHERE status = 'active' AND archived_at IS NULL;
CREATE INDEX products_listed_price ON products(price_cents, id)
  WHERE status = 'active' AND archived_at IS NULL;
CREATE INDEX products_listed_category ON products(category)
  WHERE status = 'active' AND archived_at IS NULL;

CREATE TABLE product_images (
  product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  image_id   INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
  alt_text   TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (product_id, position)
);
CREATE INDEX product_images_image ON product_images(image_id);

-- Full-text search over name (most weight), category and description.
CREATE VIRTUAL TABLE products_fts USING fts5(
  name, category, description,
  content = 'products', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER products_fts_insert AFTER INSERT ON products BEGIN
  INSERT INTO products_fts(rowid, name, category, description)
  VALUES (new.id, new.name, new.category, new.description);
END;
CREATE TRIGGER products_fts_delete AFTER DELETE ON products BEGIN
  INSERT INTO products_fts(products_fts, rowid, name, category, description)
  VALUES ('delete', old.id, old.name, old.category, old.description);
END;
CREATE TRIGGER products_fts_update AFTER UPDATE OF name, category, description ON products BEGIN
  INSERT INTO products_fts(products_fts, rowid, name, category, description)
  VALUES ('delete', old.id, old.name, old.category, old.description);
  INSERT INTO products_fts(rowid, name, category, description)
  VALUES (new.id, new.name, new.category, new.description);
END;

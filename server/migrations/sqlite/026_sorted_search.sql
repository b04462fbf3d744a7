-- Full-text indexes of the listed products whose rowid carries a sort, so
-- that FTS5, which returns a match's rowids in order, reads a sorted search's
-- page of matches and stops instead of sorting every match (bench/README.md,
-- issue 20). products_fts (migration 003) still serves relevance and a
-- vendor's own drafts.
--
-- products_by_price: rowid = price_cents << 36 | id << 4 | category number.
-- It serves the price sorts, a price range being a rowid range, and the
-- facets, which read each match's category from its rowid, not its row.
-- Prices are at most 100,000,000 cents (the API's limit) < 2^27, ids < 2^32
-- and category numbers < 16: 27 + 32 + 4 bits fit a positive rowid.
--
-- products_by_newest: rowid = creation minute << 32 | id. Newest orders by
-- the millisecond, so the server reads the minutes that hold a page and
-- orders their products itself (catalog/store_sorted.cpp).
CREATE TABLE category_numbers (
  category TEXT PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE CHECK (number BETWEEN 1 AND 15)
) WITHOUT ROWID;
INSERT INTO category_numbers (category, number) VALUES
  ('art', 1), ('jewelry', 2), ('clothing', 3), ('home', 4), ('kitchen', 5), ('stationery', 6),
  ('toys', 7), ('beauty', 8), ('plants', 9), ('books', 10), ('accessories', 11), ('food', 12);

-- Contentless: the words live in products; detail=column keeps which column
-- a word is in (the category filter is `category : "kitchen"`) but not its
-- positions, which no search reads. The prefix indexes let a prefix term be
-- read in rowid order: without them FTS5 merges every word of the prefix
-- into one list before the first row (0.21 instead of 0.04 ms a page at 100x).
CREATE VIRTUAL TABLE products_by_price USING fts5(
  name, category, description,
  content = '', columnsize = 0, detail = column,
  tokenize = 'porter unicode61 remove_diacritics 2',
  prefix = '2 3 4 5 6 7 8'
);
INSERT INTO products_by_price(products_by_price, rank) VALUES ('automerge', 2);

INSERT INTO products_by_price(rowid, name, category, description)
SELECT (p.price_cents << 36) | (p.id << 4) | COALESCE(c.number, 0), p.name, p.category, p.description
FROM products p LEFT JOIN category_numbers c ON c.category = p.category
WHERE p.status = 'active' AND p.archived_at IS NULL;

CREATE TRIGGER products_by_price_insert AFTER INSERT ON products
WHEN new.status = 'active' AND new.archived_at IS NULL BEGIN
  INSERT INTO products_by_price(rowid, name, category, description)
  VALUES ((new.price_cents << 36) | (new.id << 4) |
            COALESCE((SELECT number FROM category_numbers WHERE category = new.category), 0),
          new.name, new.category, new.description);
END;

-- A contentless index forgets a product by being told its old words again.
CREATE TRIGGER products_by_price_delete AFTER DELETE ON products
WHEN old.status = 'active' AND old.archived_at IS NULL BEGIN
  INSERT INTO products_by_price(products_by_price, rowid, name, category, description)
  VALUES ('delete', (old.price_cents << 36) | (old.id << 4) |
            COALESCE((SELECT number FROM category_numbers WHERE category = old.category), 0),
          old.name, old.category, old.description);
END;

-- Only when what the index holds changes: a sale's stock update is not one.
-- Forgetting the old entry before adding the new is one trigger, so that the
-- two run in that order.
CREATE TRIGGER products_by_price_update
AFTER UPDATE OF name, category, description, price_cents, status, archived_at ON products
WHEN old.name IS NOT new.name OR old.category IS NOT new.category
  OR old.description IS NOT new.description OR old.price_cents IS NOT new.price_cents
  OR (old.status = 'active' AND old.archived_at IS NULL)
     IS NOT (new.status = 'active' AND new.archived_at IS NULL)
BEGIN
  INSERT INTO products_by_price(products_by_price, rowid, name, category, description)
  SELECT 'delete', (old.price_cents << 36) | (old.id << 4) |
           COALESCE((SELECT number FROM category_numbers WHERE category = old.category), 0),
         old.name, old.category, old.description
  WHERE old.status = 'active' AND old.archived_at IS NULL;
  INSERT INTO products_by_price(rowid, name, category, description)
  SELECT (new.price_cents << 36) | (new.id << 4) |
           COALESCE((SELECT number FROM category_numbers WHERE category = new.category), 0),
         new.name, new.category, new.description
  WHERE new.status = 'active' AND new.archived_at IS NULL;
END;

CREATE VIRTUAL TABLE products_by_newest USING fts5(
  name, category, description,
  content = '', columnsize = 0, detail = column,
  tokenize = 'porter unicode61 remove_diacritics 2',
  prefix = '2 3 4 5 6 7 8'
);
INSERT INTO products_by_newest(products_by_newest, rank) VALUES ('automerge', 2);

INSERT INTO products_by_newest(rowid, name, category, description)
SELECT (created_at / 60000) << 32 | id, name, category, description
FROM products WHERE status = 'active' AND archived_at IS NULL;

CREATE TRIGGER products_by_newest_insert AFTER INSERT ON products
WHEN new.status = 'active' AND new.archived_at IS NULL BEGIN
  INSERT INTO products_by_newest(rowid, name, category, description)
  VALUES ((new.created_at / 60000) << 32 | new.id, new.name, new.category, new.description);
END;

CREATE TRIGGER products_by_newest_delete AFTER DELETE ON products
WHEN old.status = 'active' AND old.archived_at IS NULL BEGIN
  INSERT INTO products_by_newest(products_by_newest, rowid, name, category, description)
  VALUES ('delete', (old.created_at / 60000) << 32 | old.id, old.name, old.category,
          old.description);
END;

CREATE TRIGGER products_by_newest_update
AFTER UPDATE OF name, category, description, created_at, status, archived_at ON products
WHEN old.name IS NOT new.name OR old.category IS NOT new.category
  OR old.description IS NOT new.description OR old.created_at IS NOT new.created_at
  OR (old.status = 'active' AND old.archived_at IS NULL)
     IS NOT (new.status = 'active' AND new.archived_at IS NULL)
BEGIN
  INSERT INTO products_by_newest(products_by_newest, rowid, name, category, description)
  SELECT 'delete', (old.created_at / 60000) << 32 | old.id, old.name, old.category,
         old.description
  WHERE old.status = 'active' AND old.archived_at IS NULL;
  INSERT INTO products_by_newest(rowid, name, category, description)
  SELECT (new.created_at / 60000) << 32 | new.id, new.name, new.category, new.description
  WHERE new.status = 'active' AND new.archived_at IS NULL;
END;

-- The facets read categories from products_by_price's rowids now.
DROP INDEX products_listed_id_category;

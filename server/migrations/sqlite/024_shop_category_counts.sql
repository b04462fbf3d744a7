-- How many products each shop lists in each category (active, not archived),
-- kept exact by triggers in the same transaction as every product write, as
-- listed_product_counts is for the whole catalogue. A shop's page (?shop=)
-- reads its total and category facets from these few rows instead of
-- counting all of the shop's products on every request: at 100x the bench
-- marketplace a shop lists 2,000 products (bench/README.md). Stock changes
-- (checkout) touch no listed column, so they never fire a trigger.
CREATE TABLE shop_category_counts (
  shop_id  INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  category TEXT NOT NULL,
  products BIGINT NOT NULL,
  PRIMARY KEY (shop_id, category)
) WITHOUT ROWID;

INSERT INTO shop_category_counts (shop_id, category, products)
SELECT shop_id, category, COUNT(*) FROM products
WHERE status = 'active' AND archived_at IS NULL
GROUP BY shop_id, category;

CREATE TRIGGER products_shop_category_insert AFTER INSERT ON products
WHEN NEW.status = 'active' AND NEW.archived_at IS NULL
BEGIN
  INSERT INTO shop_category_counts (shop_id, category, products)
  VALUES (NEW.shop_id, NEW.category, 1)
  ON CONFLICT (shop_id, category) DO UPDATE SET products = products + 1;
END;

CREATE TRIGGER products_shop_category_delete AFTER DELETE ON products
WHEN OLD.status = 'active' AND OLD.archived_at IS NULL
BEGIN
  UPDATE shop_category_counts SET products = products - 1
  WHERE shop_id = OLD.shop_id AND category = OLD.category;
END;

CREATE TRIGGER products_shop_category_update
AFTER UPDATE OF status, archived_at, category, shop_id ON products
BEGIN
  UPDATE shop_category_counts SET products = products - 1
  WHERE shop_id = OLD.shop_id AND category = OLD.category
    AND OLD.status = 'active' AND OLD.archived_at IS NULL;
  INSERT INTO shop_category_counts (shop_id, category, products)
  SELECT NEW.shop_id, NEW.category, 1 WHERE NEW.status = 'active' AND NEW.archived_at IS NULL
  ON CONFLICT (shop_id, category) DO UPDATE SET products = products + 1;
END;

-- A search's page in one category, in the order of its sort: a text that
-- matches many products walks these and tests each product against the list
-- of full-text matches, instead of sorting every match (catalog/store.cpp).
CREATE INDEX products_listed_category_price ON products(category, price_cents, id)
  WHERE status = 'active' AND archived_at IS NULL;
CREATE INDEX products_listed_category_newest ON products(category, created_at DESC, id DESC)
  WHERE status = 'active' AND archived_at IS NULL;
-- Each listed product's category beside its id: a search's facets count the
-- categories of its matches from this narrow index instead of their rows.
CREATE INDEX products_listed_id_category ON products(id, category)
  WHERE status = 'active' AND archived_at IS NULL;

ANALYZE products;

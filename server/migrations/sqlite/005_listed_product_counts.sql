-- How many products each category lists (active, not archived), kept exact by
-- triggers in the same transaction as every product write. The unfiltered
-- catalogue's total and category facets read these few rows instead of
-- counting every product on every request (bench/README.md). Stock changes
-- (checkout) touch no listed column, so they never fire a trigger.
CREATE TABLE listed_product_counts (
  category TEXT PRIMARY KEY,
  products BIGINT NOT NULL
);

INSERT INTO listed_product_counts (category, products)
SELECT category, COUNT(*) FROM products
WHERE status = 'active' AND archived_at IS NULL
GROUP BY category;

CREATE TRIGGER products_listed_insert AFTER INSERT ON products
WHEN NEW.status = 'active' AND NEW.archived_at IS NULL
BEGIN
  INSERT INTO listed_product_counts (category, products) VALUES (NEW.category, 1)
  ON CONFLICT (category) DO UPDATE SET products = products + 1;
END;

CREATE TRIGGER products_listed_delete AFTER DELETE ON products
WHEN OLD.status = 'active' AND OLD.archived_at IS NULL
BEGIN
  UPDATE listed_product_counts SET products = products - 1 WHERE category = OLD.category;
END;

CREATE TRIGGER products_listed_update AFTER UPDATE OF status, archived_at, category ON products
BEGIN
  UPDATE listed_product_counts SET products = products - 1
  WHERE category = OLD.category AND OLD.status = 'active' AND OLD.archived_at IS NULL;
  INSERT INTO listed_product_counts (category, products)
  SELECT NEW.category, 1 WHERE NEW.status = 'active' AND NEW.archived_at IS NULL
  ON CONFLICT (category) DO UPDATE SET products = products + 1;
END;

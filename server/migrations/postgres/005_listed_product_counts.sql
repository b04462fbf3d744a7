-- How many products each category lists (active, not archived), kept exact by
-- a trigger in the same transaction as every product write. The unfiltered
-- catalogue's total and category facets read these few rows instead of
-- counting every product on every request (bench/README.md). Stock changes
-- (checkout) touch no listed column, so they never fire the trigger.
CREATE TABLE listed_product_counts (
  category TEXT PRIMARY KEY,
  products BIGINT NOT NULL
);

INSERT INTO listed_product_counts (category, products)
SELECT category, COUNT(*) FROM products
WHERE status = 'active' AND archived_at IS NULL
GROUP BY category;

CREATE FUNCTION count_listed_products() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'active' AND OLD.archived_at IS NULL THEN
    UPDATE listed_product_counts SET products = products - 1 WHERE category = OLD.category;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status = 'active' AND NEW.archived_at IS NULL THEN
    INSERT INTO listed_product_counts (category, products) VALUES (NEW.category, 1)
    ON CONFLICT (category) DO UPDATE SET products = listed_product_counts.products + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER products_listed_counts
AFTER INSERT OR DELETE OR UPDATE OF status, archived_at, category ON products
FOR EACH ROW EXECUTE FUNCTION count_listed_products();

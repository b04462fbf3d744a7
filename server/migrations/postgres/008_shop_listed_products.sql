-- How many products each shop lists (active, not archived), kept exact by a
-- trigger in the same transaction as every product write, as
-- listed_product_counts is per category. The shop directory shows it and
-- sorts by it; counting every shop's products for each directory page grew
-- with the whole catalogue (bench/README.md, fix 34). Stock changes
-- (checkout) touch no listed column, so they never fire the trigger.
ALTER TABLE shops ADD COLUMN listed_products BIGINT NOT NULL DEFAULT 0;

UPDATE shops SET listed_products = (
  SELECT COUNT(*) FROM products p
  WHERE p.shop_id = shops.id AND p.status = 'active' AND p.archived_at IS NULL);

CREATE INDEX shops_most_products ON shops(listed_products DESC, id DESC);

-- A shop's newest listed products in order: its page and its previews in the
-- directory read the first few entries instead of sorting all of them.
CREATE INDEX products_listed_shop_newest ON products(shop_id, created_at DESC, id DESC)
WHERE status = 'active' AND archived_at IS NULL;

CREATE FUNCTION count_shop_listed_products() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'active' AND OLD.archived_at IS NULL THEN
    UPDATE shops SET listed_products = listed_products - 1 WHERE id = OLD.shop_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status = 'active' AND NEW.archived_at IS NULL THEN
    UPDATE shops SET listed_products = listed_products + 1 WHERE id = NEW.shop_id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER products_shop_listed_counts
AFTER INSERT OR DELETE OR UPDATE OF status, archived_at, shop_id ON products
FOR EACH ROW EXECUTE FUNCTION count_shop_listed_products();

-- Statistics for the new column and indexes: with only the older indexes
-- analyzed, SQLite sorted the shops by name's index instead of walking
-- shops_most_products.
ANALYZE shops;
ANALYZE products;

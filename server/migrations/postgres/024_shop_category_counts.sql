-- How many products each shop lists in each category (active, not archived),
-- kept exact by a trigger in the same transaction as every product write, as
-- listed_product_counts is for the whole catalogue. A shop's page (?shop=)
-- reads its total and category facets from these few rows instead of
-- counting all of the shop's products on every request: at 100x the bench
-- marketplace a shop lists 2,000 products (bench/README.md). Stock changes
-- (checkout) touch no listed column, so they never fire the trigger.
CREATE TABLE shop_category_counts (
  shop_id  BIGINT NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  category TEXT NOT NULL,
  products BIGINT NOT NULL,
  PRIMARY KEY (shop_id, category)
);

INSERT INTO shop_category_counts (shop_id, category, products)
SELECT shop_id, category, COUNT(*) FROM products
WHERE status = 'active' AND archived_at IS NULL
GROUP BY shop_id, category;

CREATE FUNCTION count_shop_category_products() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'active' AND OLD.archived_at IS NULL THEN
    UPDATE shop_category_counts SET products = products - 1
    WHERE shop_id = OLD.shop_id AND category = OLD.category;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status = 'active' AND NEW.archived_at IS NULL THEN
    INSERT INTO shop_category_counts (shop_id, category, products)
    VALUES (NEW.shop_id, NEW.category, 1)
    ON CONFLICT (shop_id, category) DO UPDATE SET products = shop_category_counts.products + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER products_shop_category_counts
AFTER INSERT OR DELETE OR UPDATE OF status, archived_at, category, shop_id ON products
FOR EACH ROW EXECUTE FUNCTION count_shop_category_products();

-- A search's page in one category, in the order of its sort: when a text
-- matches many products, the planner can walk these and stop after a page
-- instead of sorting every match.
CREATE INDEX products_listed_category_price ON products(category, price_cents, id)
  WHERE status = 'active' AND archived_at IS NULL;
CREATE INDEX products_listed_category_newest ON products(category, created_at DESC, id DESC)
  WHERE status = 'active' AND archived_at IS NULL;

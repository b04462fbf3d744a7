-- The facets of a one-word search, kept (docs/architecture.md, "Search that
-- stops after a page"). Counting them merged a word's rows of product_words
-- up to the count cap: 1,000 index entries, the largest part of a common
-- word's search at 100x the bench marketplace. word_counts holds the number
-- of listed products per word and category, kept by the same trigger as
-- product_words, in the same transaction: such a search's total and facets
-- are then exact, and read in one index seek a category.
CREATE TABLE word_counts (
  word     TEXT COLLATE "C" NOT NULL,
  category TEXT NOT NULL,
  products BIGINT NOT NULL,
  PRIMARY KEY (word, category)
);

INSERT INTO word_counts (word, category, products)
SELECT word, category, COUNT(*) FROM product_words GROUP BY word, category;

-- An edit's counts change by their net difference, in one statement and in
-- (word, category) order: two edits that swap a word between two products
-- would otherwise each lock one row and wait for the other's (a deadlock).
-- A change that keeps the words and the category (a price) locks nothing.
CREATE OR REPLACE FUNCTION index_product_words() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_listed boolean := TG_OP IN ('UPDATE', 'DELETE')
                        AND OLD.status = 'active' AND OLD.archived_at IS NULL;
  is_listed  boolean := TG_OP IN ('UPDATE', 'INSERT')
                        AND NEW.status = 'active' AND NEW.archived_at IS NULL;
BEGIN
  IF was_listed THEN
    DELETE FROM product_words
    WHERE word = ANY (tsvector_to_array(OLD.search)) AND category = OLD.category
      AND price_cents = OLD.price_cents AND id = OLD.id;
  END IF;
  IF is_listed THEN
    INSERT INTO product_words (word, category, price_cents, created_at, id)
    SELECT word, NEW.category, NEW.price_cents, NEW.created_at, NEW.id
    FROM unnest(tsvector_to_array(NEW.search)) AS word;
  END IF;
  INSERT INTO word_counts AS c (word, category, products)
  SELECT word, category, SUM(change) FROM (
    SELECT word, OLD.category AS category, -1 AS change
    FROM unnest(tsvector_to_array(OLD.search)) AS word WHERE was_listed
    UNION ALL
    SELECT word, NEW.category, 1
    FROM unnest(tsvector_to_array(NEW.search)) AS word WHERE is_listed
  ) AS changes
  GROUP BY word, category HAVING SUM(change) <> 0
  ORDER BY word, category
  ON CONFLICT (word, category) DO UPDATE SET products = c.products + excluded.products;
  RETURN NULL;
END
$$;

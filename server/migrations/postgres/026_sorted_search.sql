-- A search that stops after a page (PostgreSQL's counterpart of SQLite's
-- migration 026; docs/architecture.md, "Search that stops after a page").
-- The GIN index finds a word's products as a bitmap of every match, which the
-- page must then sort and the facets fetch row by row: at 1000x the bench
-- marketplace a popular word's search timed out. product_words holds one row
-- per listed product and lexeme of its search vector, kept by a trigger in
-- the same transaction as every product write. Its two B-trees walk one
-- word's products of one category in price or creation order, so a sorted
-- page reads a page's worth of entries for each word of its rarest term and
-- tests those against the whole query (catalog/store_sorted.cpp).
-- COLLATE "C": a prefix is then a range of words, whatever the database's
-- collation.
CREATE TABLE product_words (
  word        TEXT COLLATE "C" NOT NULL,
  category    TEXT NOT NULL,
  price_cents BIGINT NOT NULL,
  created_at  BIGINT NOT NULL,
  id          BIGINT NOT NULL
);

INSERT INTO product_words (word, category, price_cents, created_at, id)
SELECT word, p.category, p.price_cents, p.created_at, p.id
FROM products p, unnest(tsvector_to_array(p.search)) AS word
WHERE p.status = 'active' AND p.archived_at IS NULL;

CREATE INDEX product_words_price ON product_words (word, category, price_cents, id);
CREATE INDEX product_words_newest ON product_words (word, category, created_at, id);

-- Rows are found again by the values they were written with: no third index.
CREATE FUNCTION index_product_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'active' AND OLD.archived_at IS NULL THEN
    DELETE FROM product_words
    WHERE word = ANY (tsvector_to_array(OLD.search)) AND category = OLD.category
      AND price_cents = OLD.price_cents AND id = OLD.id;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status = 'active' AND NEW.archived_at IS NULL THEN
    INSERT INTO product_words (word, category, price_cents, created_at, id)
    SELECT word, NEW.category, NEW.price_cents, NEW.created_at, NEW.id
    FROM unnest(tsvector_to_array(NEW.search)) AS word;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER products_words_insert_delete
AFTER INSERT OR DELETE ON products
FOR EACH ROW EXECUTE FUNCTION index_product_words();
-- Every edit sets every column; stock changes (checkout) set none of these.
CREATE TRIGGER products_words_update
AFTER UPDATE OF name, description, category, price_cents, created_at, status, archived_at
ON products
FOR EACH ROW WHEN (OLD.search IS DISTINCT FROM NEW.search
                   OR OLD.category IS DISTINCT FROM NEW.category
                   OR OLD.price_cents IS DISTINCT FROM NEW.price_cents
                   OR OLD.created_at IS DISTINCT FROM NEW.created_at
                   OR OLD.status IS DISTINCT FROM NEW.status
                   OR OLD.archived_at IS DISTINCT FROM NEW.archived_at)
EXECUTE FUNCTION index_product_words();

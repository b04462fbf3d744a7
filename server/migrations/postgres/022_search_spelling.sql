-- "Did you mean": the words of product names and categories under pg_trgm's
-- trigram index, for the closest spelling to a search that finds nothing
-- (catalog/spelling.h). Words are only added: one that no product uses any
-- more is still offered only when its search finds something. SQLite keeps
-- the same words and their trigrams in tables (its migration 022).
-- pg_trgm ships with PostgreSQL (Debian's postgresql-15) and is a trusted
-- extension: the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE search_words (
  word TEXT PRIMARY KEY
);
-- GiST, not GIN: it orders by distance (word <-> 'scraf'), so the closest
-- words come from the index without a similarity threshold.
CREATE INDEX search_words_trigrams ON search_words USING gist (word gist_trgm_ops);

-- A product's words as the search splits them (catalog::search_terms): lower
-- case, apart at ASCII spaces and punctuation; words under three letters are
-- left out (too short to be told from another by trigrams). In order, so that
-- concurrent writers of the same new words take their locks alike.
CREATE FUNCTION add_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_words (word)
  SELECT DISTINCT word
  FROM regexp_split_to_table(lower(NEW.name || ' ' || NEW.category),
                             '[^0-9a-z\u0080-\U0010FFFF]+') AS word
  WHERE length(word) >= 3
  ORDER BY word
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER products_search_words_insert
AFTER INSERT ON products
FOR EACH ROW EXECUTE FUNCTION add_search_words();
-- Every edit of a product sets its name and category: only a change adds words.
CREATE TRIGGER products_search_words_update
AFTER UPDATE OF name, category ON products
FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.category IS DISTINCT FROM NEW.category)
EXECUTE FUNCTION add_search_words();

-- The products listed before this migration.
INSERT INTO search_words (word)
SELECT DISTINCT word
FROM products,
     regexp_split_to_table(lower(name || ' ' || category), '[^0-9a-z\u0080-\U0010FFFF]+') AS word
WHERE length(word) >= 3
ON CONFLICT DO NOTHING;

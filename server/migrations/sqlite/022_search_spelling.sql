-- "Did you mean": the words of product names and categories, and the
-- trigrams of each word, for the closest spelling to a search that finds
-- nothing (catalog/spelling.h). Words are only added: one that no product
-- uses any more is still offered only when its search finds something.
-- PostgreSQL keeps the same words under pg_trgm's index (its migration 022).
CREATE TABLE search_words (
  word TEXT PRIMARY KEY
) WITHOUT ROWID;

-- pg_trgm's trigrams: the word padded with two spaces before it and one
-- after ("scarf": "  s", " sc", "sca", "car", "arf", "rf ").
CREATE TABLE search_word_trigrams (
  trigram TEXT NOT NULL,
  word    TEXT NOT NULL,
  PRIMARY KEY (trigram, word)
) WITHOUT ROWID;

CREATE TRIGGER search_words_trigrams AFTER INSERT ON search_words BEGIN
  INSERT OR IGNORE INTO search_word_trigrams (trigram, word)
  WITH RECURSIVE position(i) AS (
    SELECT 1 UNION ALL SELECT i + 1 FROM position WHERE i < length(new.word) + 1)
  SELECT substr('  ' || new.word || ' ', i, 3), new.word FROM position;
END;

-- A product's words as the search splits them (catalog::search_terms): lower
-- case, apart at spaces and the usual punctuation; words under three letters
-- (too short to be told from another by trigrams) and words with other ASCII
-- punctuation in them are left out.
CREATE TRIGGER products_search_words_insert AFTER INSERT ON products BEGIN
  INSERT OR IGNORE INTO search_words (word)
  WITH RECURSIVE split(word, rest) AS (
    SELECT '', lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
             replace(new.name || ' ' || new.category, '-', ' '), '''', ' '), '"', ' '), '.', ' '),
             ',', ' '), '/', ' '), '&', ' '), '(', ' '), ')', ' '), '!', ' '), ':', ' '), ';', ' '), '?', ' ')) || ' '
    UNION ALL
    SELECT substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1)
    FROM split WHERE rest <> '')
  SELECT word FROM split WHERE length(word) >= 3 AND word NOT GLOB '*[!-/:-@[-`{-~]*';
END;
CREATE TRIGGER products_search_words_update AFTER UPDATE OF name, category ON products
WHEN old.name IS NOT new.name OR old.category IS NOT new.category BEGIN
  INSERT OR IGNORE INTO search_words (word)
  WITH RECURSIVE split(word, rest) AS (
    SELECT '', lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
             replace(new.name || ' ' || new.category, '-', ' '), '''', ' '), '"', ' '), '.', ' '),
             ',', ' '), '/', ' '), '&', ' '), '(', ' '), ')', ' '), '!', ' '), ':', ' '), ';', ' '), '?', ' ')) || ' '
    UNION ALL
    SELECT substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1)
    FROM split WHERE rest <> '')
  SELECT word FROM split WHERE length(word) >= 3 AND word NOT GLOB '*[!-/:-@[-`{-~]*';
END;

-- The products listed before this migration.
INSERT OR IGNORE INTO search_words (word)
WITH RECURSIVE split(word, rest) AS (
  SELECT '', lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
           replace(name || ' ' || category, '-', ' '), '''', ' '), '"', ' '), '.', ' '),
           ',', ' '), '/', ' '), '&', ' '), '(', ' '), ')', ' '), '!', ' '), ':', ' '), ';', ' '), '?', ' ')) || ' '
  FROM products
  UNION ALL
  SELECT substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1)
  FROM split WHERE rest <> '')
SELECT DISTINCT word FROM split WHERE length(word) >= 3 AND word NOT GLOB '*[!-/:-@[-`{-~]*';

-- A search reads every segment of the full-text index, so fewer and larger
-- segments make it cheaper. FTS5 merges segments as products are written;
-- merging as soon as two share a level (the default waits for four) keeps the
-- index compact for a little more work per product write: the right trade for
-- a catalogue searched far more often than it is written (bench/README.md).
INSERT INTO products_fts(products_fts, rank) VALUES ('automerge', 2);

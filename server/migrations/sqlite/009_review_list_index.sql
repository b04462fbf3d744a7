-- A product's reviews are newest first, ties broken by id, as order lists
-- (migration 007): without id in the index SQLite sorted all of a product's
-- reviews for every page.
DROP INDEX reviews_product;
CREATE INDEX reviews_product ON reviews(product_id, created_at DESC, id DESC);

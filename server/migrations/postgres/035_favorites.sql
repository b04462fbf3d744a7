-- Products a person keeps to come back to, newest first. The primary key
-- keeps one row per person and product under concurrent saves; deleting an
-- account erases them (app/personal_data.cpp). A product is archived, not
-- deleted, so a favorite outlives its listing and reads as unavailable.
CREATE TABLE favorites (
  user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  product_id BIGINT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, product_id)
);
CREATE INDEX favorites_by_user_newest ON favorites (user_id, created_at DESC, product_id DESC);
CREATE INDEX favorites_by_product ON favorites (product_id);

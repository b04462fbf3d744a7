-- A buyer's saved shipping address (issue 18): the last one they chose to
-- keep at checkout, one per user, as orders store theirs
-- (orders::to_storage_text). The primary key keeps it single under
-- concurrent saves; deleting an account erases it (app/personal_data.cpp).
CREATE TABLE saved_addresses (
  user_id     BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  address     TEXT NOT NULL,
  updated_at  BIGINT NOT NULL
);

-- Conversations between a buyer and a shop (issue 17): one thread per buyer,
-- shop and subject ("general", "product:<id>", "order:<id>"), which the
-- unique key keeps single under concurrent starts. Each party's read position
-- is the id of the last message they have read; their unread count is the
-- other party's messages after it.
CREATE TABLE conversations (
  id               INTEGER PRIMARY KEY,
  buyer_id        INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  shop_id         INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  vendor_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  product_id      INTEGER REFERENCES products(id) ON DELETE SET NULL,
  order_id        INTEGER REFERENCES orders(id) ON DELETE SET NULL,
  subject_key      TEXT NOT NULL,
  created_at       BIGINT NOT NULL,
  last_message_at  BIGINT NOT NULL,
  last_message_id  BIGINT,
  buyer_read_id    BIGINT NOT NULL DEFAULT 0,
  vendor_read_id   BIGINT NOT NULL DEFAULT 0,
  UNIQUE (buyer_id, shop_id, subject_key)
);
CREATE INDEX conversations_by_buyer ON conversations (buyer_id, last_message_at DESC, id DESC);
CREATE INDEX conversations_by_vendor ON conversations (vendor_id, last_message_at DESC, id DESC);

-- client_key: the sender's Idempotency-Key, so a double submit writes one message.
CREATE TABLE messages (
  id               INTEGER PRIMARY KEY,
  conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  sender_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  body             TEXT NOT NULL,
  client_key       TEXT,
  created_at       BIGINT NOT NULL,
  UNIQUE (conversation_id, sender_id, client_key)
);
CREATE INDEX messages_by_conversation ON messages (conversation_id, id);

CREATE TABLE message_images (
  message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  image_id   INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
  PRIMARY KEY (message_id, position)
);

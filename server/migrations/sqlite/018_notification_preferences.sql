-- Notification preferences (issue 17): the topics of mail a user turned off
-- ("messages", "review_invitations", "order_updates", "marketing"). No row:
-- the topic is on. Transactional mails have no topic and always go.
CREATE TABLE notification_opt_outs (
  user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  topic       TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (user_id, topic)
);

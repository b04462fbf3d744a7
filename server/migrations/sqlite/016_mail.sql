-- Mail (issue 17): the outbox. A feature writes a mail in the same
-- transaction as the event that causes it; the sender delivers it later.

-- queued -> sent. text_body and html_body are the two parts as laid out;
-- raw_message is the whole RFC 5322 message composed from them when the mail
-- was written, so every attempt (and a resend) sends the same bytes. A job
-- "mail.send" (dedupe key mail:<id>) delivers it.
CREATE TABLE mail_outbox (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,
  to_address  TEXT NOT NULL,
  to_user_id  INTEGER REFERENCES users(id) ON DELETE SET NULL,
  subject     TEXT NOT NULL,
  text_body   TEXT NOT NULL,
  html_body   TEXT NOT NULL,
  message_id  TEXT NOT NULL DEFAULT '',
  raw_message TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL DEFAULT 'queued'
                CHECK (status IN ('queued', 'sent')),
  created_at  INTEGER NOT NULL,
  sent_at     INTEGER
);
CREATE INDEX mail_outbox_to_address ON mail_outbox (to_address, id);

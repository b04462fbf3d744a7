-- Mail written in the event's transaction keeps only its structured content
-- (JSON: brand, heading, paragraphs, lines, action, topic); the sender lays
-- it out and composes the message when it delivers it, outside that
-- transaction. The composition is deterministic (Date and Message-ID from
-- the row, a boundary from the id), so every attempt sends the same bytes.
-- Mails written before this keep their composed text_body, html_body and
-- raw_message, and an empty content.
ALTER TABLE mail_outbox ADD COLUMN content TEXT NOT NULL DEFAULT '';

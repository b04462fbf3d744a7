-- What each authorization has become, as we record it: captured as orders
-- ship, released as orders are cancelled, refunded. The gateway keeps its own
-- view; reconciliation compares the two.
ALTER TABLE payments ADD COLUMN captured_cents BIGINT NOT NULL DEFAULT 0;
ALTER TABLE payments ADD COLUMN released_cents BIGINT NOT NULL DEFAULT 0;
ALTER TABLE payments ADD COLUMN refunded_cents BIGINT NOT NULL DEFAULT 0;

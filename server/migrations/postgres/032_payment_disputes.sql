-- A buyer's bank disputing a payment (docs/architecture.md, "Disputes"): the
-- disputed amount is taken back from the vendors when the dispute opens
-- (ledger kind 'dispute') and given back if the bank decides for the shop
-- (kind 'dispute_won'). A row per dispute, so that its outcome is applied
-- and told once, whichever of the gateway's events brings it first, and
-- so that the order's vendor sees it and can answer it.
CREATE TABLE payment_disputes (
  id          TEXT PRIMARY KEY,  -- the gateway's dispute id (du_...)
  payment_id  BIGINT NOT NULL REFERENCES payments(id),
  amount      BIGINT NOT NULL,   -- minor units of currency
  currency    TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('open', 'won', 'lost')),
  opened_at   BIGINT NOT NULL,   -- milliseconds since the Unix epoch, UTC
  closed_at   BIGINT,
  -- When the gateway wants the shop's evidence by (unix millis), and when a
  -- vendor sent it (POST /api/orders/{id}/dispute/evidence): once.
  evidence_due_by        BIGINT,
  evidence_submitted_at  BIGINT
);
CREATE INDEX payment_disputes_payment ON payment_disputes (payment_id);

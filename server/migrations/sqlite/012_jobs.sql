-- One durable job queue for the work that runs after a request commits
-- (webhook events now; mail and payouts later). A job is enqueued in the
-- transaction of the change that wants it, so it exists iff that change
-- committed. run_at orders the queue; a running job holds a lease (owner and
-- expiry) that another runner takes over once it lapses (a worker killed
-- mid-job). dedupe_key makes an enqueue idempotent. Times in epoch millis.
CREATE TABLE jobs (
  id                INTEGER PRIMARY KEY,
  kind              TEXT NOT NULL,
  payload           TEXT NOT NULL,
  dedupe_key        TEXT UNIQUE,
  status            TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'dead')),
  attempts          INTEGER NOT NULL DEFAULT 0,
  max_attempts      INTEGER NOT NULL CHECK (max_attempts > 0),
  run_at            INTEGER NOT NULL,
  lease_owner       TEXT,
  lease_expires_at  INTEGER,
  last_error        TEXT,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL
);
-- What a runner looks for: queued jobs that are due, and leases that lapsed.
CREATE INDEX jobs_due ON jobs (run_at, id) WHERE status = 'queued';
CREATE INDEX jobs_leases ON jobs (lease_expires_at) WHERE status = 'running';

-- Events the payment gateway posted to /api/payments/webhook, by the
-- gateway's id (a redelivery is recognised and changes nothing). account is
-- the connected account's id, '' for the platform's own events. created is
-- the gateway's time of the event, processed_at when its effects were applied
-- (in the transaction of those effects, by a payment_event job).
CREATE TABLE payment_events (
  id            TEXT PRIMARY KEY,
  type          TEXT NOT NULL,
  account       TEXT NOT NULL,
  created       INTEGER NOT NULL,
  payload       TEXT NOT NULL,
  received_at   INTEGER NOT NULL,
  processed_at  INTEGER
);
CREATE INDEX payment_events_unprocessed ON payment_events (received_at) WHERE processed_at IS NULL;

-- The gateway's view of each payment, from its latest event (never from an
-- older one: events may arrive out of order). NULL until an event arrives.
ALTER TABLE payments ADD COLUMN gateway_status TEXT;
ALTER TABLE payments ADD COLUMN amount_capturable INTEGER;
ALTER TABLE payments ADD COLUMN amount_received INTEGER;
ALTER TABLE payments ADD COLUMN amount_refunded INTEGER;
ALTER TABLE payments ADD COLUMN gateway_event_created INTEGER;
-- Events name a payment by the gateway's payment intent.
CREATE INDEX payments_authorization ON payments (authorization_id);

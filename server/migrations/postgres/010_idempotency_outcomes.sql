-- A checkout's Idempotency-Key keeps how its first request ended, as data
-- (placed: the checkout; declined: the gateway's code and message), instead
-- of the HTTP answer it was given: a retry reads the checkout back and is
-- answered from it. Earlier answers are converted.
ALTER TABLE idempotency_keys
  ADD COLUMN outcome TEXT,
  ADD COLUMN checkout_id BIGINT REFERENCES checkouts(id),
  ADD COLUMN decline_code TEXT,
  ADD COLUMN decline_message TEXT;

UPDATE idempotency_keys
SET outcome = 'placed', checkout_id = (response::json ->> 'checkout_id')::BIGINT
WHERE status_code = 201;

UPDATE idempotency_keys
SET outcome = 'declined',
    decline_code = response::json ->> 'decline_code',
    decline_message = response::json ->> 'detail'
WHERE status_code = 402;

ALTER TABLE idempotency_keys DROP COLUMN status_code, DROP COLUMN response;

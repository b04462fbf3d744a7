-- A checkout's Idempotency-Key keeps how its first request ended, as data
-- (placed: the checkout; declined: the gateway's code and message), instead
-- of the HTTP answer it was given: a retry reads the checkout back and is
-- answered from it. Earlier answers are converted.
ALTER TABLE idempotency_keys ADD COLUMN outcome TEXT;
ALTER TABLE idempotency_keys ADD COLUMN checkout_id INTEGER REFERENCES checkouts(id);
ALTER TABLE idempotency_keys ADD COLUMN decline_code TEXT;
ALTER TABLE idempotency_keys ADD COLUMN decline_message TEXT;

UPDATE idempotency_keys
SET outcome = 'placed', checkout_id = json_extract(response, '$.checkout_id')
WHERE status_code = 201;

UPDATE idempotency_keys
SET outcome = 'declined',
    decline_code = json_extract(response, '$.decline_code'),
    decline_message = json_extract(response, '$.detail')
WHERE status_code = 402;

ALTER TABLE idempotency_keys DROP COLUMN status_code;
ALTER TABLE idempotency_keys DROP COLUMN response;

-- Account recovery and settings (issue 17): verified email addresses and the
-- single-use tokens that mails carry (password reset, email verification).

-- When the address was shown to reach its owner; NULL until then. Accounts
-- made before verification existed keep working: they count as verified.
ALTER TABLE users ADD COLUMN email_verified_at BIGINT;
UPDATE users SET email_verified_at = created_at;
-- A deleted account keeps its row, emptied of personal data, so that orders
-- and reviews keep pointing at it; nobody can sign in as it any more.
ALTER TABLE users ADD COLUMN deleted_at BIGINT;

-- A token is random; only its SHA-256 is kept. `email` is the address the
-- token was sent to: the one a verification proves (a new address, when the
-- user is changing it), or the one a reset was asked for. used_at is set once,
-- by the one request that consumes it.
CREATE TABLE account_tokens (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  purpose     TEXT NOT NULL CHECK (purpose IN ('password_reset', 'email_verification')),
  token_hash  TEXT NOT NULL UNIQUE,
  email       TEXT NOT NULL,
  created_at  BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL,
  used_at     BIGINT
);
CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose);

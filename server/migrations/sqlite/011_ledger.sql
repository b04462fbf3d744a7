-- The double-entry ledger (ledger/model.h has the chart of accounts and the
-- sign convention: debits positive, credits negative). A transaction is one
-- business event, posted once: (kind, reference) is unique. Its entries sum
-- to zero; ledger_balances keeps each account's sum of entries per currency,
-- updated in the transaction that posts them. Amounts in minor units.
CREATE TABLE ledger_transactions (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,
  reference   TEXT NOT NULL,
  currency    TEXT NOT NULL,
  memo        TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  UNIQUE (kind, reference)
);
CREATE TABLE ledger_entries (
  id              INTEGER PRIMARY KEY,
  transaction_id  INTEGER NOT NULL REFERENCES ledger_transactions(id),
  account         TEXT NOT NULL,
  amount          INTEGER NOT NULL CHECK (amount <> 0)
);
CREATE INDEX ledger_entries_transaction ON ledger_entries (transaction_id);
-- A vendor's statement reads its account's entries, oldest first.
CREATE INDEX ledger_entries_account ON ledger_entries (account, transaction_id);
CREATE TABLE ledger_balances (
  account   TEXT NOT NULL,
  currency  TEXT NOT NULL,
  amount    INTEGER NOT NULL,
  PRIMARY KEY (account, currency)
);

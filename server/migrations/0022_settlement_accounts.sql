-- The enterprise's settlement account (结算账户): the bank account every payout goes to. Given once by
-- a member; changed later only by a manager who confirms with a code sent to their own phone. A change
-- never overwrites: the old row is marked superseded and stays, so every payout can be traced to the
-- account it was paid to (docs/decisions/0022-settlement-accounts.md).
CREATE TABLE settlement_accounts (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id   uuid        NOT NULL REFERENCES enterprises (id),
  -- 1 for the first account of the enterprise, then 2, 3 … with every change
  version         int         NOT NULL CHECK (version >= 1),
  -- the account name as the bank spells it; equal to the registered name when it was given
  account_name    text        NOT NULL,
  bank_name       text        NOT NULL,
  -- digits only (spaces and hyphens taken out), 9 to 30 of them
  account_number  text        NOT NULL CHECK (account_number ~ '^[0-9]{9,30}$'),
  -- why a manager changed it (null for the first account)
  change_reason   text,
  -- who gave it; null only for the demo seed's accounts
  set_by          uuid        REFERENCES users (id),
  set_at          timestamptz NOT NULL DEFAULT now(),
  superseded_at   timestamptz,
  is_demo         boolean     NOT NULL DEFAULT false,
  UNIQUE (enterprise_id, version),
  CHECK ((version = 1) = (change_reason IS NULL)),
  CHECK (set_by IS NOT NULL OR is_demo)
);

-- One current account per enterprise: two members giving one at once cannot both succeed.
CREATE UNIQUE INDEX settlement_accounts_current_idx ON settlement_accounts (enterprise_id)
  WHERE superseded_at IS NULL;

-- The one-time codes a manager confirms a change with, sent to their own phone; only the hash is kept.
CREATE TABLE settlement_account_codes (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id  uuid        NOT NULL REFERENCES enterprises (id),
  user_id        uuid        NOT NULL REFERENCES users (id),
  phone          text        NOT NULL,
  code_hash      text        NOT NULL,
  sent_at        timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL,
  attempts       int         NOT NULL DEFAULT 0,
  used_at        timestamptz
);

CREATE INDEX settlement_account_codes_user_idx ON settlement_account_codes (user_id, enterprise_id, sent_at DESC);

-- A payout records the account it was paid to, as it was: which account and version, and its name,
-- bank and number copied, so a later change of the account never rewrites where money went. Payouts
-- recorded before this migration have none (they stay null; the ledger shows them as not recorded).
ALTER TABLE benefit_payouts
  ADD COLUMN account_id      uuid REFERENCES settlement_accounts (id),
  ADD COLUMN account_version int,
  ADD COLUMN account_name    text,
  ADD COLUMN bank_name       text,
  ADD COLUMN account_number  text,
  ADD CONSTRAINT benefit_payouts_account_whole
    CHECK ((account_id IS NULL) = (account_number IS NULL)
       AND (account_id IS NULL) = (account_name IS NULL)
       AND (account_id IS NULL) = (bank_name IS NULL)
       AND (account_id IS NULL) = (account_version IS NULL));

-- The ledger of the government's word (守信践诺, 清欠; issue 14 item 5, decision 0063): commitments in
-- investment agreements and contracts, and payables to enterprises, each owned by a ROLE in a unit (a
-- department and a staff role, never a person: a change of head changes nothing).
CREATE TABLE commitments (
  id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  number             text        NOT NULL UNIQUE,
  -- an instalment of an agreed repayment plan points at the payable it reschedules
  parent_id          uuid        REFERENCES commitments (id),
  kind               text        NOT NULL CHECK (kind IN ('investment_promise', 'procurement_contract',
                                   'construction_contract', 'services_contract', 'payable')),
  enterprise_id      uuid        NOT NULL REFERENCES enterprises (id),
  department_id      uuid        NOT NULL REFERENCES departments (id),
  owner_role         text        NOT NULL CHECK (owner_role IN ('handler', 'department_head')),
  title              text        NOT NULL,
  -- what is owed, in words (the delivery of a promise, the goods or works paid for)
  obligation         text        NOT NULL,
  -- money owed (payables only): amounts in fen, never floats
  amount_fen         bigint      CHECK (amount_fen > 0),
  disputed_fen       bigint      NOT NULL DEFAULT 0 CHECK (disputed_fen >= 0),
  -- a payable: the invoice/acceptance day and the agreed term; due_on = accepted_on + term
  accepted_on        date,
  payment_term_days  int         CHECK (payment_term_days BETWEEN 1 AND 60),
  is_large_buyer     boolean     NOT NULL DEFAULT false,
  -- the delivery day of a promise, the payment day of a payable (city dates)
  due_on             date        NOT NULL,
  -- annual basis points: the agreed rate and its floor (the one-year LPR at signing), and the one in force
  agreed_rate_bp     int,
  floor_rate_bp      int,
  rate_bp            int,
  -- the accrual state (commitment-money.ts): undisputed principal unpaid, the interest numerator
  -- (fen × bp × days) accrued up to accrual_from; the sweep adds the days since then
  outstanding_fen    bigint      NOT NULL DEFAULT 0,
  paid_fen           bigint      NOT NULL DEFAULT 0,
  interest_numerator numeric     NOT NULL DEFAULT 0,
  accrual_from       date,
  interest_fen       bigint      NOT NULL DEFAULT 0,
  interest_as_of     date,
  interest_paid_fen  bigint      NOT NULL DEFAULT 0,
  status             text        NOT NULL DEFAULT 'open'
                                 CHECK (status IN ('open', 'overdue', 'rescheduled', 'settled')),
  overdue_since      date,
  settled_on         date,
  -- verified breaches (违约失信); a broken repayment plan is a second breach (二次失信)
  breach_count       int         NOT NULL DEFAULT 0,
  is_second_breach   boolean     NOT NULL DEFAULT false,
  created_by         uuid        REFERENCES users (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  version            int         NOT NULL DEFAULT 1,
  CHECK (kind <> 'payable' OR (amount_fen IS NOT NULL AND rate_bp IS NOT NULL AND accrual_from IS NOT NULL))
);
-- The daily sweep rewrites every overdue payable's interest snapshot: room on each page lets those
-- updates stay HOT (no index touched), about a third cheaper in the bench (decision 0063).
ALTER TABLE commitments SET (fillfactor = 70);
-- the sweep reads open rows due before today and overdue payables; the lists read by unit and enterprise
CREATE INDEX commitments_sweep_idx ON commitments (status, due_on);
CREATE INDEX commitments_department_idx ON commitments (department_id, owner_role, due_on);
CREATE INDEX commitments_enterprise_idx ON commitments (enterprise_id, due_on);
CREATE INDEX commitments_parent_idx ON commitments (parent_id) WHERE parent_id IS NOT NULL;

-- Every step of one commitment, its payments and its complaints (the case kit's CaseEventColumns).
CREATE TABLE commitment_events (
  id            bigserial   PRIMARY KEY,
  commitment_id uuid        NOT NULL REFERENCES commitments (id),
  at            timestamptz NOT NULL DEFAULT now(),
  type          text        NOT NULL,
  actor_user_id uuid        REFERENCES users (id),
  actor_role    text,
  note          text,
  data          jsonb       NOT NULL DEFAULT '{}',
  audience      text        NOT NULL DEFAULT 'internal' CHECK (audience IN ('internal', 'enterprise')),
  note_audience text        NOT NULL DEFAULT 'internal' CHECK (note_audience IN ('internal', 'enterprise'))
);
CREATE INDEX commitment_events_commitment_idx ON commitment_events (commitment_id, id);

-- Payments recorded by the owning unit: principal and the overdue interest paid with it.
CREATE TABLE commitment_payments (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  commitment_id uuid        NOT NULL REFERENCES commitments (id),
  paid_on       date        NOT NULL,
  principal_fen bigint      NOT NULL CHECK (principal_fen >= 0),
  interest_fen  bigint      NOT NULL CHECK (interest_fen >= 0),
  recorded_by   uuid        NOT NULL REFERENCES users (id),
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  CHECK (principal_fen + interest_fen > 0)
);
CREATE INDEX commitment_payments_commitment_idx ON commitment_payments (commitment_id, paid_on);

-- An enterprise's complaint of a broken promise or an unpaid invoice, verified by the bureau.
CREATE TABLE commitment_complaints (
  id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  commitment_id      uuid        NOT NULL REFERENCES commitments (id),
  enterprise_id      uuid        NOT NULL REFERENCES enterprises (id),
  filed_by           uuid        NOT NULL REFERENCES users (id),
  text               text        NOT NULL,
  status             text        NOT NULL DEFAULT 'submitted'
                                 CHECK (status IN ('submitted', 'not_founded', 'rectified', 'breach')),
  filed_at           timestamptz NOT NULL,
  -- the verification deadline: the configured working days on the city calendar
  verify_by          timestamptz NOT NULL,
  explanation        text,
  refused_to_rectify boolean     NOT NULL DEFAULT false,
  decided_by         uuid        REFERENCES users (id),
  decided_at         timestamptz,
  version            int         NOT NULL DEFAULT 1
);
CREATE INDEX commitment_complaints_status_idx ON commitment_complaints (status, verify_by);
CREATE INDEX commitment_complaints_commitment_idx ON commitment_complaints (commitment_id);

-- The bureau's settings of the ledger: one row.
CREATE TABLE commitment_settings (
  id                 boolean     PRIMARY KEY DEFAULT true CHECK (id),
  verification_days  int         NOT NULL DEFAULT 10 CHECK (verification_days BETWEEN 1 AND 60),
  updated_by         uuid        REFERENCES users (id),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
INSERT INTO commitment_settings (id) VALUES (true);

CREATE SEQUENCE commitment_number_seq;

-- Benefit claims (兑现): an enterprise's consent to a no-application benefit (免申即享), or its fast or
-- standard application (快申快享 / 标准申报); the department's review on the working-day clock; the
-- payouts; the enterprise's rating. The life of a claim is modules/benefits/claim-states.ts.

-- Readable numbers per year: DL-ZC-2026-000001.
CREATE TABLE benefit_claim_counters (
  year int PRIMARY KEY,
  last int NOT NULL
);

CREATE TABLE benefit_claims (
  id                   uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
  number               text          NOT NULL UNIQUE,
  item_id              uuid          NOT NULL REFERENCES benefit_items (id),
  policy_id            uuid          NOT NULL REFERENCES policies (id),
  enterprise_id        uuid          NOT NULL REFERENCES enterprises (id),
  -- the item's department when the claim was made: it reviews and pays, and only it sees the claim
  department_id        uuid          NOT NULL REFERENCES departments (id),
  mode                 text          NOT NULL CHECK (mode IN ('no_application', 'fast_application', 'standard_application')),
  status               text          NOT NULL CHECK (status IN ('consented', 'submitted', 'supplement_requested',
                                       'recommended', 'approved', 'rejected', 'withdrawn', 'paid', 'excluded')),
  submitted_by         uuid          NOT NULL REFERENCES users (id),
  idempotency_key      text          NOT NULL,
  -- what the item was and what it said about the enterprise when it consented or applied
  item_snapshot        jsonb         NOT NULL,
  explanation          jsonb         NOT NULL,
  outcome_at_claim     text          NOT NULL CHECK (outcome_at_claim IN ('eligible', 'undetermined')),
  expected_amount      numeric(18,2),
  form                 jsonb         NOT NULL DEFAULT '{}',
  -- the review clock (applications): due instant; while a supplement is requested the working
  -- minutes left are kept here and the clock does not run
  due_at               timestamptz,
  remaining_minutes    int,
  supplement_count     int           NOT NULL DEFAULT 0,
  -- the handler's recommendation (standard applications)
  recommendation       text          CHECK (recommendation IN ('approve', 'reject')),
  recommended_amount   numeric(18,2),
  recommendation_note  text,
  recommended_by       uuid          REFERENCES users (id),
  recommended_at       timestamptz,
  -- the decision
  approved_amount      numeric(18,2),
  decision_reason      text,
  decided_by           uuid          REFERENCES users (id),
  decided_at           timestamptz,
  status_reason        text,         -- why withdrawn or excluded
  closed_at            timestamptz,
  -- 好差评: once, on a paid or rejected claim
  rating_level         smallint      CHECK (rating_level BETWEEN 1 AND 5),
  rating_comment       text,
  rated_by             uuid          REFERENCES users (id),
  rated_at             timestamptz,
  version              int           NOT NULL DEFAULT 1,
  created_at           timestamptz   NOT NULL DEFAULT now(),
  updated_at           timestamptz   NOT NULL DEFAULT now(),
  UNIQUE (submitted_by, idempotency_key)
);

-- One active claim per item and enterprise; a withdrawn, rejected or excluded one leaves room for another.
CREATE UNIQUE INDEX benefit_claims_active_idx ON benefit_claims (item_id, enterprise_id)
  WHERE status IN ('consented', 'submitted', 'supplement_requested', 'recommended', 'approved', 'paid');
CREATE INDEX benefit_claims_enterprise_idx ON benefit_claims (enterprise_id, created_at DESC);
CREATE INDEX benefit_claims_department_idx ON benefit_claims (department_id, status, due_at);
CREATE INDEX benefit_claims_item_idx ON benefit_claims (item_id, status);

-- Uploaded materials: unlinked until an application or resubmission names them under a material key.
CREATE TABLE benefit_claim_materials (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  claim_id       uuid        REFERENCES benefit_claims (id),
  material_key   text,
  round          int,
  file_name      text        NOT NULL,
  content_type   text        NOT NULL,
  size_bytes     int         NOT NULL,
  sha256         text        NOT NULL,
  content        bytea       NOT NULL,
  uploaded_by    uuid        NOT NULL REFERENCES users (id),
  uploaded_at    timestamptz NOT NULL DEFAULT now(),
  -- a resubmission that replaces a material keeps the earlier file, marked
  superseded_at  timestamptz
);

CREATE INDEX benefit_claim_materials_claim_idx ON benefit_claim_materials (claim_id);

-- The timeline: every accepted move, with who, when and why.
CREATE TABLE benefit_claim_events (
  id                    bigserial   PRIMARY KEY,
  claim_id              uuid        NOT NULL REFERENCES benefit_claims (id),
  at                    timestamptz NOT NULL DEFAULT now(),
  type                  text        NOT NULL,
  actor_user_id         uuid        REFERENCES users (id),
  actor_role            text,
  note                  text,
  data                  jsonb       NOT NULL DEFAULT '{}',
  visible_to_enterprise boolean     NOT NULL DEFAULT true
);

CREATE INDEX benefit_claim_events_claim_idx ON benefit_claim_events (claim_id, id);

-- A department's confirmed payout list of a no-application item.
CREATE TABLE benefit_payout_batches (
  id             uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id        uuid          NOT NULL REFERENCES benefit_items (id),
  department_id  uuid          NOT NULL REFERENCES departments (id),
  paid_on        date          NOT NULL,
  paid_count     int           NOT NULL,
  excluded_count int           NOT NULL,
  total          numeric(18,2) NOT NULL,
  note           text,
  confirmed_by   uuid          NOT NULL REFERENCES users (id),
  confirmed_at   timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX benefit_payout_batches_item_idx ON benefit_payout_batches (item_id, confirmed_at DESC);

-- Money delivered: one payout per claim.
CREATE TABLE benefit_payouts (
  id            uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
  claim_id      uuid          NOT NULL UNIQUE REFERENCES benefit_claims (id),
  item_id       uuid          NOT NULL REFERENCES benefit_items (id),
  enterprise_id uuid          NOT NULL REFERENCES enterprises (id),
  batch_id      uuid          REFERENCES benefit_payout_batches (id),
  amount        numeric(18,2) NOT NULL CHECK (amount >= 0),
  paid_on       date          NOT NULL,
  recorded_by   uuid          NOT NULL REFERENCES users (id),
  recorded_at   timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX benefit_payouts_item_idx ON benefit_payouts (item_id);

-- One row per item that has paid anything: payouts of an item lock it, so two batches cannot both
-- fit under the budget cap.
CREATE TABLE benefit_budget_locks (
  item_id uuid PRIMARY KEY REFERENCES benefit_items (id)
);

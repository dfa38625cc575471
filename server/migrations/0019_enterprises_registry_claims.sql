-- What the market-regulation department's registry (登记注册) says of each enterprise, imported like any
-- fact import: the authoritative name and legal representative, and the phone registered for them. The
-- claim by a one-time code goes to that phone, never to one the claimant types.
CREATE TABLE enterprise_registry (
  uscc                       char(18)    PRIMARY KEY,
  name                       text        NOT NULL,
  legal_representative       text        NOT NULL,
  legal_representative_phone text,
  import_id                  uuid        REFERENCES fact_imports (id),
  updated_at                 timestamptz NOT NULL DEFAULT now()
);

-- A person's claim to act for an enterprise already on the platform (企业认领): by a code sent to the
-- legal representative's registered phone, by a current manager's approval, or by the bureau after
-- checking an uploaded business licence (with the identity verifier's answer beside it).
CREATE TABLE enterprise_claim_files (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  file_name    text        NOT NULL,
  content_type text        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size_bytes   int         NOT NULL,
  sha256       text        NOT NULL,
  content      bytea       NOT NULL,
  uploaded_by  uuid        NOT NULL REFERENCES users (id),
  uploaded_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE enterprise_claims (
  id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id      uuid        NOT NULL REFERENCES enterprises (id),
  claimant_id        uuid        NOT NULL REFERENCES users (id),
  method             text        NOT NULL CHECK (method IN ('legal_rep_code', 'manager_approval', 'licence_review')),
  status             text        NOT NULL DEFAULT 'pending'
                                 CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn', 'expired')),
  note               text,
  -- legal_rep_code: only the hash of the code is kept; the phone is the registry's at the time.
  code_phone         text,
  code_hash          text,
  code_sent_at       timestamptz,
  code_expires_at    timestamptz,
  codes_sent         int         NOT NULL DEFAULT 0,
  code_attempts      int         NOT NULL DEFAULT 0,
  -- licence_review: who the claimant says they are (the ID number kept masked) and what the verifier said.
  claimant_name      text,
  id_number_masked   text,
  identity_check     jsonb,
  licence_file_id    uuid        REFERENCES enterprise_claim_files (id),
  granted_role       text        CHECK (granted_role IN ('manager', 'agent')),
  decided_by         uuid        REFERENCES users (id),
  decided_at         timestamptz,
  decision_note      text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
-- One pending claim per person and enterprise: a second tap finds the first.
CREATE UNIQUE INDEX enterprise_claims_pending_idx ON enterprise_claims (enterprise_id, claimant_id)
  WHERE status = 'pending';
CREATE INDEX enterprise_claims_claimant_idx ON enterprise_claims (claimant_id, created_at DESC);
CREATE INDEX enterprise_claims_review_idx ON enterprise_claims (method, status, created_at);

-- "This is not my company": a person says an enterprise on the platform is held by the wrong people;
-- the task force looks into it.
CREATE TABLE enterprise_disputes (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id uuid        NOT NULL REFERENCES enterprises (id),
  reported_by   uuid        NOT NULL REFERENCES users (id),
  reason        text        NOT NULL,
  contact_phone text,
  status        text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolution    text,
  resolved_by   uuid        REFERENCES users (id),
  resolved_at   timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX enterprise_disputes_status_idx ON enterprise_disputes (status, created_at DESC);

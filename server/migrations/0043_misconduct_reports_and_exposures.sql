-- Misconduct reports (投诉举报, issue 13 item 3) and the exposure board (曝光台, item 7).
--
-- A report goes to discipline inspection only (检举控告工作规则, 2020). Anyone files it, with or without
-- an account, anonymously or under their name, in one of the eight areas of Liaoning's supervision
-- plan. It is followed by a receipt code (回执码) whose SHA-256 alone is kept. Who reported — name,
-- phone, contact, the account that filed it, the uploader of the evidence — is never in this table:
-- it is sealed (AES-256-GCM) in misconduct_report_identities, which only the discipline inspector's
-- service path reads (docs/decisions/0053).
CREATE TABLE misconduct_reports (
  id                    uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  number                text        NOT NULL UNIQUE,
  receipt_hash          text        NOT NULL UNIQUE CHECK (receipt_hash ~ '^[0-9a-f]{64}$'),
  area                  text        NOT NULL CHECK (area IN ('credit', 'judicial', 'law_enforcement',
                          'approval', 'regulation', 'intermediaries', 'business_operations', 'work_style')),
  accused_unit          text        CHECK (length(accused_unit) <= 200),
  accused_department_id uuid        REFERENCES departments (id),
  accused_person        text        CHECK (length(accused_person) <= 100),
  text                  text        NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
  is_anonymous          boolean     NOT NULL,
  status                text        NOT NULL DEFAULT 'received' CHECK (status IN
                          ('received', 'accepted', 'investigating', 'not_accepted', 'transferred', 'closed')),
  filed_at              timestamptz NOT NULL,
  -- the rules' clocks, in working days on the city calendar (report-deadlines.ts)
  acknowledge_due_at    timestamptz,
  acknowledged_at       timestamptz,
  transfer_due_at       timestamptz NOT NULL,
  transferred_at        timestamptz,
  transferred_to        text        CHECK (length(transferred_to) <= 200),
  decision_reason       text        CHECK (length(decision_reason) <= 2000),
  findings              text        CHECK (length(findings) <= 5000),
  result                text        CHECK (length(result) <= 5000),
  closed_at             timestamptz,
  result_due_at         timestamptz,
  result_notified_at    timestamptz,
  -- what the reporter reads when following the report by its receipt code
  reporter_message      text        CHECK (length(reporter_message) <= 2000),
  supervision_case_id   uuid,
  exposure_id           uuid,
  version               integer     NOT NULL DEFAULT 1
);

CREATE INDEX misconduct_reports_status_idx ON misconduct_reports (status, filed_at DESC);

-- The sealed identity: one row per real-name report — name, phone, contact and the account that filed
-- it (the uploader of its evidence). An anonymous report has none: nothing of who filed it is kept.
-- `sealed` is 'v1.<key id>.<iv>.<tag>.<ciphertext>' in base64url; the report's id is the additional
-- data, so a sealed value moved to another report does not open.
CREATE TABLE misconduct_report_identities (
  report_id            uuid        PRIMARY KEY REFERENCES misconduct_reports (id),
  sealed               text        NOT NULL,
  -- the reporter agreed that their name may be given outside discipline inspection
  consents_to_naming   boolean     NOT NULL DEFAULT false,
  created_at           timestamptz NOT NULL
);

CREATE TABLE misconduct_report_evidence (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id     uuid        NOT NULL REFERENCES misconduct_reports (id),
  file_name     text        NOT NULL,
  content_type  text        NOT NULL,
  size_bytes    integer     NOT NULL,
  sha256        text        NOT NULL,
  content       bytea       NOT NULL,
  uploaded_at   timestamptz NOT NULL
);

CREATE INDEX misconduct_report_evidence_report_idx ON misconduct_report_evidence (report_id);

CREATE TABLE misconduct_report_events (
  id              bigserial   PRIMARY KEY,
  report_id       uuid        NOT NULL REFERENCES misconduct_reports (id),
  at              timestamptz NOT NULL DEFAULT now(),
  type            text        NOT NULL,
  actor_user_id   uuid        REFERENCES users (id),
  actor_role      text,
  note            text,
  data            jsonb       NOT NULL DEFAULT '{}',
  audience        text        NOT NULL DEFAULT 'internal' CHECK (audience IN ('internal', 'enterprise')),
  note_audience   text        NOT NULL DEFAULT 'internal' CHECK (note_audience IN ('internal', 'enterprise'))
);

CREATE INDEX misconduct_report_events_report_idx ON misconduct_report_events (report_id, id);

-- The exposure board: a finding proposed by one person, reviewed by another (bureau leader or
-- discipline inspector), redacted (private persons' names, phones, ID numbers), then published.
-- `conduct` is the proposal as written and is kept; the public reads only public_title and
-- public_conduct, which the reviewer confirmed.
CREATE TABLE exposures (
  id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  source              text        NOT NULL CHECK (source IN ('misconduct_report', 'supervision_case', 'manual')),
  source_id           uuid,
  unit_name           text        NOT NULL CHECK (length(unit_name) BETWEEN 1 AND 200),
  department_id       uuid        REFERENCES departments (id),
  title               text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  conduct             text        NOT NULL CHECK (length(conduct) BETWEEN 1 AND 5000),
  public_title        text        CHECK (length(public_title) <= 200),
  public_conduct      text        CHECK (length(public_conduct) <= 5000),
  rectification       text        CHECK (length(rectification) <= 5000),
  status              text        NOT NULL DEFAULT 'proposed' CHECK (status IN
                        ('proposed', 'approved', 'rejected', 'published', 'rectified')),
  proposed_by         uuid        NOT NULL REFERENCES users (id),
  proposed_at         timestamptz NOT NULL,
  reviewed_by         uuid        REFERENCES users (id),
  reviewed_at         timestamptz,
  review_note         text        CHECK (length(review_note) <= 2000),
  published_by        uuid        REFERENCES users (id),
  published_at        timestamptz,
  rectified_at        timestamptz,
  version             integer     NOT NULL DEFAULT 1,
  -- the second person: a publication is reviewed by someone other than its proposer
  CHECK (reviewed_by IS NULL OR reviewed_by <> proposed_by),
  CHECK (status NOT IN ('published', 'rectified') OR (reviewed_at IS NOT NULL AND public_conduct IS NOT NULL))
);

CREATE INDEX exposures_published_idx ON exposures (published_at DESC) WHERE status IN ('published', 'rectified');
CREATE INDEX exposures_status_idx ON exposures (status, proposed_at DESC);

CREATE TABLE exposure_events (
  id              bigserial   PRIMARY KEY,
  exposure_id     uuid        NOT NULL REFERENCES exposures (id),
  at              timestamptz NOT NULL DEFAULT now(),
  type            text        NOT NULL,
  actor_user_id   uuid        REFERENCES users (id),
  actor_role      text,
  note            text,
  data            jsonb       NOT NULL DEFAULT '{}',
  audience        text        NOT NULL DEFAULT 'internal' CHECK (audience IN ('internal', 'enterprise')),
  note_audience   text        NOT NULL DEFAULT 'internal' CHECK (note_audience IN ('internal', 'enterprise'))
);

CREATE INDEX exposure_events_exposure_idx ON exposure_events (exposure_id, id);

-- Report numbers for the inspectors' lists (JB2026000001): not the receipt code, never shown to the public.
CREATE SEQUENCE misconduct_report_number_seq;

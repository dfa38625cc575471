-- Rectifications (差评整改, issue 13 item 2): a given bad rating (level ≤ 2) opens a rectification
-- owned by the handling unit ("谁办理谁负责"), due in working days; the unit sends evidence, the bureau
-- (the task force, never the unit) contacts the rater to verify it, tells the rater what was done,
-- and the rater rates the fix (a rating of subject_type 'rectification', stage 'final'). A unit may
-- appeal a rating it believes mistaken or malicious (评价申诉); an upheld appeal excludes the rating.

-- The rules an administrator may change: the deadline in working days (5–15; 15 after Sichuan).
CREATE TABLE rectification_settings (
  id                    smallint    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  deadline_working_days smallint    NOT NULL DEFAULT 15 CHECK (deadline_working_days BETWEEN 5 AND 15),
  version               int         NOT NULL DEFAULT 1,
  updated_by            uuid        REFERENCES users (id),
  updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE rectifications (
  id                    uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the bad rating it fixes: one rectification per rating
  rating_id             uuid        NOT NULL UNIQUE REFERENCES ratings (id),
  -- the rated case, as the rating named it
  subject_type          text        NOT NULL,
  subject_id            uuid        NOT NULL,
  subject_title         text,
  subject_number        text,
  -- the handling unit that owns the fix, and the enterprise that rated
  department_id         uuid        NOT NULL REFERENCES departments (id),
  enterprise_id         uuid        REFERENCES enterprises (id),
  -- the states of rectification-states.ts (its table test keeps the two lists in step)
  status                text        NOT NULL DEFAULT 'open' CHECK (status IN
                          ('open', 'evidence_submitted', 'verified', 'feedback_given', 'closed', 'withdrawn')),
  deadline_working_days smallint    NOT NULL,
  opened_at             timestamptz NOT NULL DEFAULT now(),
  due_at                timestamptz NOT NULL,
  -- the unit's account of the fix (its files are in rectification_files)
  measures              text        CHECK (length(measures) <= 4000),
  evidence_submitted_at timestamptz,
  returned_count        int         NOT NULL DEFAULT 0,
  -- the bureau's verification contact with the rater (never made by the unit)
  contacted_at          timestamptz,
  contact_outcome       text        CHECK (contact_outcome IN ('confirmed', 'not_confirmed', 'unreachable')),
  contact_note          text        CHECK (length(contact_note) <= 2000),
  verified_by           uuid        REFERENCES users (id),
  verified_at           timestamptz,
  -- the feedback to the rater (a notification, dated)
  feedback_note         text        CHECK (length(feedback_note) <= 2000),
  feedback_at           timestamptz,
  -- the rater's second rating, of the fix
  final_rating_id       uuid        REFERENCES ratings (id),
  final_level           smallint,
  closed_at             timestamptz,
  withdrawn_at          timestamptz,
  version               int         NOT NULL DEFAULT 1
);
-- The unit's list by due date; the bureau's by state.
CREATE INDEX rectifications_department_due_idx ON rectifications (department_id, due_at);
CREATE INDEX rectifications_status_due_idx ON rectifications (status, due_at);
CREATE INDEX rectifications_enterprise_idx ON rectifications (enterprise_id, opened_at DESC);

-- Every step of one rectification, with who reads it (the case kit's CaseEventColumns).
CREATE TABLE rectification_events (
  id               bigserial   PRIMARY KEY,
  rectification_id uuid        NOT NULL REFERENCES rectifications (id),
  at               timestamptz NOT NULL DEFAULT now(),
  type             text        NOT NULL,
  actor_user_id    uuid        REFERENCES users (id),
  actor_role       text,
  note             text,
  data             jsonb       NOT NULL DEFAULT '{}',
  audience         text        NOT NULL DEFAULT 'internal' CHECK (audience IN ('internal', 'enterprise')),
  note_audience    text        NOT NULL DEFAULT 'internal' CHECK (note_audience IN ('internal', 'enterprise'))
);
CREATE INDEX rectification_events_rectification_idx ON rectification_events (rectification_id, id);

-- A unit's appeal of one rating it believes mistaken or malicious; one open appeal per rating.
CREATE TABLE rating_appeals (
  id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  rating_id        uuid        NOT NULL REFERENCES ratings (id),
  department_id    uuid        NOT NULL REFERENCES departments (id),
  reason_class     text        NOT NULL CHECK (reason_class IN ('mistaken', 'malicious')),
  reason           text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  status           text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'rejected')),
  filed_by         uuid        NOT NULL REFERENCES users (id),
  filed_at         timestamptz NOT NULL DEFAULT now(),
  decided_by       uuid        REFERENCES users (id),
  decided_at       timestamptz,
  decision_reason  text        CHECK (length(decision_reason) <= 2000),
  version          int         NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX rating_appeals_one_open_idx ON rating_appeals (rating_id) WHERE status = 'open';
CREATE INDEX rating_appeals_status_idx ON rating_appeals (status, filed_at);

CREATE TABLE rating_appeal_events (
  id               bigserial   PRIMARY KEY,
  rating_appeal_id uuid        NOT NULL REFERENCES rating_appeals (id),
  at               timestamptz NOT NULL DEFAULT now(),
  type             text        NOT NULL,
  actor_user_id    uuid        REFERENCES users (id),
  actor_role       text,
  note             text,
  data             jsonb       NOT NULL DEFAULT '{}',
  audience         text        NOT NULL DEFAULT 'internal' CHECK (audience IN ('internal', 'enterprise')),
  note_audience    text        NOT NULL DEFAULT 'internal' CHECK (note_audience IN ('internal', 'enterprise'))
);
CREATE INDEX rating_appeal_events_appeal_idx ON rating_appeal_events (rating_appeal_id, id);

-- Evidence files: a rectification's (the unit's proof of the fix) or a rating appeal's.
CREATE TABLE rectification_files (
  id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  rectification_id uuid        REFERENCES rectifications (id),
  rating_appeal_id uuid        REFERENCES rating_appeals (id),
  file_name        text        NOT NULL,
  content_type     text        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size_bytes       int         NOT NULL,
  sha256           text        NOT NULL,
  content          bytea       NOT NULL,
  uploaded_by      uuid        NOT NULL REFERENCES users (id),
  uploaded_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((rectification_id IS NULL) <> (rating_appeal_id IS NULL))
);
CREATE INDEX rectification_files_rectification_idx ON rectification_files (rectification_id);
CREATE INDEX rectification_files_appeal_idx ON rectification_files (rating_appeal_id);

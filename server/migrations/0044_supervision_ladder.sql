-- Supervision cases (督办) become a ladder (issue 13 item 4). A case is about a generic subject
-- (subject_type + subject_id: an appeal, a service application, a unit, a payable) instead of only
-- an appeal; appeal_id stays and is still written for appeals. It is opened automatically once per
-- cause — a breached appeal clock, repeated bad ratings of one unit, a deemed-accepted application,
-- an overdue payment (later) — or by the bureau by hand. The unit responds by a deadline in working
-- days that depends on the level (section → bureau → city); the bureau accepts the response (the
-- case closes) or rejects it (back to the unit with a note); no response by the deadline climbs one
-- level (the escalation sweep).
ALTER TABLE supervision_cases
  ADD COLUMN subject_type     text CHECK (subject_type IN ('appeal', 'application', 'department', 'payable')),
  ADD COLUMN subject_id       uuid,
  ADD COLUMN response_due_at  timestamptz,
  ADD COLUMN opened_by        uuid REFERENCES users (id),
  ADD COLUMN escalation_count int  NOT NULL DEFAULT 0,
  ADD COLUMN escalated_at     timestamptz,
  ADD COLUMN responded_at     timestamptz,
  ADD CONSTRAINT supervision_cases_subject_check CHECK ((subject_type IS NULL) = (subject_id IS NULL));

ALTER TABLE supervision_cases DROP CONSTRAINT supervision_cases_source_check;
ALTER TABLE supervision_cases ADD CONSTRAINT supervision_cases_source_check
  CHECK (source IN ('appeal_breach', 'bad_ratings', 'deemed_accepted', 'overdue_payment', 'manual'));

-- open: the unit owes a response; responded: the bureau verifies it; closed.
ALTER TABLE supervision_cases DROP CONSTRAINT supervision_cases_status_check;
ALTER TABLE supervision_cases ADD CONSTRAINT supervision_cases_status_check
  CHECK (status IN ('open', 'responded', 'closed'));

ALTER TABLE supervision_cases ALTER COLUMN level SET DEFAULT 'section';

-- Existing cases were all about appeals (or about nothing, by hand).
UPDATE supervision_cases SET subject_type = 'appeal', subject_id = appeal_id WHERE appeal_id IS NOT NULL;

-- Once per cause: one unclosed automatic case per source and subject (the openers insert with
-- ON CONFLICT DO NOTHING against this index, so two sweeps or two ratings at once open one case).
CREATE UNIQUE INDEX supervision_cases_cause_idx ON supervision_cases (source, subject_type, subject_id)
  WHERE status <> 'closed' AND source <> 'manual';

-- The escalation sweep reads only cases waiting for a response below the top level.
CREATE INDEX supervision_cases_due_idx ON supervision_cases (response_due_at)
  WHERE status = 'open' AND level <> 'city';

-- The repeated-bad-ratings source counts from the unit's last such case on.
CREATE INDEX supervision_cases_source_department_idx ON supervision_cases (source, department_id, opened_at DESC);

-- The ladder's timeline: every move (the case kit's event columns).
CREATE TABLE supervision_case_events (
  id            bigserial   PRIMARY KEY,
  case_id       uuid        NOT NULL REFERENCES supervision_cases (id),
  at            timestamptz NOT NULL DEFAULT now(),
  type          text        NOT NULL,
  actor_user_id uuid        REFERENCES users (id),
  actor_role    text,
  note          text,
  data          jsonb       NOT NULL DEFAULT '{}',
  audience      text        NOT NULL DEFAULT 'internal' CHECK (audience IN ('internal', 'enterprise')),
  note_audience text        NOT NULL DEFAULT 'internal' CHECK (note_audience IN ('internal', 'enterprise'))
);
CREATE INDEX supervision_case_events_case_idx ON supervision_case_events (case_id, id);
CREATE INDEX supervision_case_events_type_idx ON supervision_case_events (type, at);

-- The ladder's settings: one row. Response deadlines in working days per level; the repeated-bad-
-- ratings source: N bad ratings (level ≤ 2, given, not excluded) of one unit within a window of days.
CREATE TABLE supervision_settings (
  id                     boolean     PRIMARY KEY DEFAULT true CHECK (id),
  section_days           int         NOT NULL DEFAULT 5 CHECK (section_days BETWEEN 1 AND 60),
  bureau_days            int         NOT NULL DEFAULT 3 CHECK (bureau_days BETWEEN 1 AND 60),
  city_days              int         NOT NULL DEFAULT 2 CHECK (city_days BETWEEN 1 AND 60),
  bad_rating_threshold   int         NOT NULL DEFAULT 3 CHECK (bad_rating_threshold BETWEEN 1 AND 100),
  bad_rating_window_days int         NOT NULL DEFAULT 30 CHECK (bad_rating_window_days BETWEEN 1 AND 365),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  updated_by             uuid        REFERENCES users (id)
);
INSERT INTO supervision_settings DEFAULT VALUES;

-- Appeals (诉求): one pool for every enterprise problem, whatever the channel.

-- The configurable catalogue. default_department_id is the cold-start routing table
-- (category → department) until the classifier has learned from real dispatches.
CREATE TABLE appeal_categories (
  code                  text        PRIMARY KEY,
  name                  text        NOT NULL,
  name_en               text        NOT NULL,
  default_department_id uuid        REFERENCES departments (id),
  default_tier          text        NOT NULL DEFAULT 'normal' CHECK (default_tier IN ('urgent', 'fast', 'normal', 'complex')),
  is_active             boolean     NOT NULL DEFAULT true,
  sort_order            int         NOT NULL DEFAULT 0
);

-- Readable numbers per year: DL-2026-000123.
CREATE TABLE appeal_counters (
  year int PRIMARY KEY,
  last int NOT NULL
);

CREATE TABLE appeals (
  id                   uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  number               text        NOT NULL UNIQUE,
  enterprise_id        uuid        NOT NULL REFERENCES enterprises (id),
  submitted_by         uuid        NOT NULL REFERENCES users (id),
  channel              text        NOT NULL CHECK (channel IN ('web', 'mobile', 'hotline', 'rating', 'cannot_do', 'visit', 'federation')),
  idempotency_key      text,
  category_code        text        NOT NULL REFERENCES appeal_categories (code),
  tier                 text        NOT NULL CHECK (tier IN ('urgent', 'fast', 'normal', 'complex')),
  title                text        NOT NULL,
  body                 text        NOT NULL,
  -- jieba words of title and body (stop words dropped): what similarity and the classifier read.
  words                text[]      NOT NULL DEFAULT '{}',
  address              text,
  latitude             double precision,
  longitude            double precision,
  preferred_contact    text        NOT NULL DEFAULT 'phone' CHECK (preferred_contact IN ('phone', 'sms', 'inbox')),
  contact_phone        text,
  hide_identity        boolean     NOT NULL DEFAULT false,
  is_public            boolean     NOT NULL DEFAULT false,
  status               text        NOT NULL,
  merged_into          uuid        REFERENCES appeals (id),
  status_reason        text,
  is_binding           boolean     NOT NULL DEFAULT false,
  return_count         int         NOT NULL DEFAULT 0,
  reopen_count         int         NOT NULL DEFAULT 0,
  cycle                int         NOT NULL DEFAULT 1,
  first_dispatched_at  timestamptz,
  first_contact_at     timestamptz,
  replied_at           timestamptz,
  -- A reply nobody confirms or rates closes as "no rating" at this instant (working days from the reply).
  auto_close_at        timestamptz,
  closed_at            timestamptz,
  close_reason         text        CHECK (close_reason IN ('solved', 'unsolved', 'no_rating', 'withdrawn', 'rejected', 'merged')),
  version              int         NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (submitted_by, idempotency_key)
);

CREATE INDEX appeals_status_idx ON appeals (status, created_at);
CREATE INDEX appeals_enterprise_idx ON appeals (enterprise_id, created_at DESC);
CREATE INDEX appeals_first_dispatched_idx ON appeals (first_dispatched_at);
CREATE INDEX appeals_auto_close_idx ON appeals (auto_close_at) WHERE status = 'replied';
CREATE INDEX appeals_words_idx ON appeals USING gin (words);

-- Which departments hold the appeal: one lead (首接负责) and any co-handlers. Past assignments stay.
CREATE TABLE appeal_assignments (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  appeal_id     uuid        NOT NULL REFERENCES appeals (id),
  department_id uuid        NOT NULL REFERENCES departments (id),
  role          text        NOT NULL CHECK (role IN ('lead', 'co')),
  is_current    boolean     NOT NULL DEFAULT true,
  dispatched_at timestamptz NOT NULL,
  dispatched_by uuid        REFERENCES users (id),
  signed_at     timestamptz,
  signed_by     uuid        REFERENCES users (id),
  returned_at   timestamptz,
  return_reason text
);

CREATE INDEX appeal_assignments_appeal_idx ON appeal_assignments (appeal_id);
CREATE INDEX appeal_assignments_department_idx ON appeal_assignments (department_id, is_current);

-- Deadline clocks as data: working minutes allowed and used, projected instants for the sweep.
CREATE TABLE appeal_clocks (
  id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  appeal_id         uuid        NOT NULL REFERENCES appeals (id),
  assignment_id     uuid        REFERENCES appeal_assignments (id),
  kind              text        NOT NULL CHECK (kind IN ('sign_for', 'first_contact', 'resolution')),
  cycle             int         NOT NULL,
  department_id     uuid        REFERENCES departments (id),
  started_at        timestamptz NOT NULL,
  budget_minutes    int         NOT NULL,
  elapsed_minutes   int         NOT NULL DEFAULT 0,
  elapsed_at        timestamptz NOT NULL,
  paused_since      timestamptz,
  stopped_at        timestamptz,
  due_at            timestamptz,
  fired             text[]      NOT NULL DEFAULT '{}',
  next_check_at     timestamptz,
  escalation_level  int         NOT NULL DEFAULT 0,
  is_met            boolean
);

CREATE INDEX appeal_clocks_appeal_idx ON appeal_clocks (appeal_id);
CREATE INDEX appeal_clocks_next_check_idx ON appeal_clocks (next_check_at) WHERE next_check_at IS NOT NULL;
CREATE INDEX appeal_clocks_due_idx ON appeal_clocks (department_id, due_at) WHERE stopped_at IS NULL;

-- Documented pauses; the clock does not count them.
CREATE TABLE appeal_pauses (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  appeal_id   uuid        NOT NULL REFERENCES appeals (id),
  reason      text        NOT NULL CHECK (reason IN ('awaiting_enterprise', 'awaiting_third_party')),
  note        text        NOT NULL,
  started_at  timestamptz NOT NULL,
  started_by  uuid        REFERENCES users (id),
  ended_at    timestamptz,
  ended_by    uuid        REFERENCES users (id)
);

CREATE INDEX appeal_pauses_appeal_idx ON appeal_pauses (appeal_id);

CREATE TABLE appeal_extensions (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  appeal_id      uuid        NOT NULL REFERENCES appeals (id),
  department_id  uuid        NOT NULL REFERENCES departments (id),
  working_days   int         NOT NULL CHECK (working_days BETWEEN 1 AND 30),
  reason         text        NOT NULL,
  status         text        NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'rejected')),
  requested_by   uuid        NOT NULL REFERENCES users (id),
  requested_at   timestamptz NOT NULL DEFAULT now(),
  decided_by     uuid        REFERENCES users (id),
  decided_at     timestamptz,
  decision_note  text
);

CREATE INDEX appeal_extensions_appeal_idx ON appeal_extensions (appeal_id);
CREATE INDEX appeal_extensions_pending_idx ON appeal_extensions (status) WHERE status = 'requested';

-- The department's answers; with approval on, a department head approves before the enterprise sees it.
CREATE TABLE appeal_replies (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  appeal_id     uuid        NOT NULL REFERENCES appeals (id),
  cycle         int         NOT NULL,
  department_id uuid        NOT NULL REFERENCES departments (id),
  body          text        NOT NULL,
  status        text        NOT NULL CHECK (status IN ('pending_approval', 'approved', 'rejected')),
  written_by    uuid        NOT NULL REFERENCES users (id),
  written_at    timestamptz NOT NULL DEFAULT now(),
  decided_by    uuid        REFERENCES users (id),
  decided_at    timestamptz,
  decision_note text
);

CREATE INDEX appeal_replies_appeal_idx ON appeal_replies (appeal_id);

-- Images and PDFs, kept in the database by default.
CREATE TABLE appeal_attachments (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  appeal_id    uuid        REFERENCES appeals (id),
  reply_id     uuid        REFERENCES appeal_replies (id),
  file_name    text        NOT NULL,
  content_type text        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size_bytes   int         NOT NULL,
  sha256       text        NOT NULL,
  content      bytea       NOT NULL,
  uploaded_by  uuid        NOT NULL REFERENCES users (id),
  uploaded_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX appeal_attachments_appeal_idx ON appeal_attachments (appeal_id);

-- Every step, for the timeline. visible_to_enterprise hides internal notes from the enterprise.
CREATE TABLE appeal_events (
  id                    bigserial   PRIMARY KEY,
  appeal_id             uuid        NOT NULL REFERENCES appeals (id),
  at                    timestamptz NOT NULL DEFAULT now(),
  type                  text        NOT NULL,
  actor_user_id         uuid        REFERENCES users (id),
  actor_role            text,
  department_id         uuid        REFERENCES departments (id),
  note                  text,
  data                  jsonb       NOT NULL DEFAULT '{}',
  visible_to_enterprise boolean     NOT NULL DEFAULT true
);

CREATE INDEX appeal_events_appeal_idx ON appeal_events (appeal_id, id);

-- The enterprise's verdict on each answer (a reopened appeal is rated again).
CREATE TABLE appeal_ratings (
  id        uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  appeal_id uuid        NOT NULL REFERENCES appeals (id),
  cycle     int         NOT NULL,
  solved    boolean     NOT NULL,
  level     smallint    CHECK (level BETWEEN 1 AND 5),
  comment   text,
  rated_by  uuid        REFERENCES users (id),
  rated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (appeal_id, cycle)
);

-- Return visits, by the task force, never by the handling department.
CREATE TABLE appeal_return_visits (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  appeal_id    uuid        NOT NULL REFERENCES appeals (id),
  cycle        int         NOT NULL,
  sampled_at   timestamptz NOT NULL DEFAULT now(),
  sample_reason text       NOT NULL CHECK (sample_reason IN ('random', 'low_rating', 'no_rating', 'manual')),
  status       text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'unreachable')),
  visited_by   uuid        REFERENCES users (id),
  visited_at   timestamptz,
  solved       boolean,
  level        smallint    CHECK (level BETWEEN 1 AND 5),
  note         text,
  UNIQUE (appeal_id, cycle)
);

-- A case the bureau pursues: opened when an overdue appeal reaches the last escalation level.
CREATE TABLE supervision_cases (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  appeal_id     uuid        REFERENCES appeals (id),
  department_id uuid        REFERENCES departments (id),
  reason        text        NOT NULL,
  level         text        NOT NULL DEFAULT 'bureau' CHECK (level IN ('section', 'bureau', 'city')),
  status        text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  opened_at     timestamptz NOT NULL DEFAULT now(),
  closed_at     timestamptz
);

CREATE INDEX supervision_cases_appeal_idx ON supervision_cases (appeal_id);

-- What the department-suggestion classifier learned (naive Bayes word counts per department).
CREATE TABLE appeal_routing_model (
  id          int         PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  trained_at  timestamptz NOT NULL,
  examples    int         NOT NULL,
  model       jsonb       NOT NULL
);

-- Rules an administrator can change without a release (targets, return limit, approval, …).
CREATE TABLE appeal_settings (
  id         int         PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  settings   jsonb       NOT NULL,
  version    int         NOT NULL DEFAULT 1,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);

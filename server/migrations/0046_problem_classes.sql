-- Problem classes (堵点难点) and the monthly problem (每月一题, issue 13 item 6).
--
-- A clustering run reads one month of appeals and bad ratings' comments, groups similar ones
-- (modules/problem-classes/problem-clustering.ts) and stores each group as a proposal with its cases.
-- The bureau accepts a proposal as a problem class (dropping cases that do not belong, or taking in
-- another proposal's), names it, and may make it the monthly problem: an owner unit, tasks with
-- evidence, the policies or rule changes it produced. Closing it tells every enterprise in it.

CREATE TABLE problem_clustering_runs (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the month clustered, 'YYYY-MM' in the city's calendar
  month           text        NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  status          text        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  requested_by    uuid        REFERENCES users (id),
  requested_at    timestamptz NOT NULL DEFAULT now(),
  finished_at     timestamptz,
  -- what it read and what it found
  item_count      int,
  proposal_count  int,
  failure         text
);
CREATE INDEX problem_clustering_runs_month_idx ON problem_clustering_runs (month, requested_at DESC);

CREATE TABLE problem_proposals (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  run_id          uuid        NOT NULL REFERENCES problem_clustering_runs (id),
  month           text        NOT NULL,
  -- 1 = the largest group of the run
  rank            int         NOT NULL,
  top_words       text[]      NOT NULL,
  size            int         NOT NULL,
  department_ids  uuid[]      NOT NULL DEFAULT '{}',
  status          text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'dismissed')),
  class_id        uuid,
  decided_by      uuid        REFERENCES users (id),
  decided_at      timestamptz,
  UNIQUE (run_id, rank)
);
CREATE INDEX problem_proposals_month_idx ON problem_proposals (month, status);

-- One case of a proposal: an appeal, or a bad rating (with the case it rates).
CREATE TABLE problem_proposal_items (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  proposal_id     uuid        NOT NULL REFERENCES problem_proposals (id) ON DELETE CASCADE,
  source          text        NOT NULL CHECK (source IN ('appeal', 'rating')),
  appeal_id       uuid        REFERENCES appeals (id),
  rating_id       uuid        REFERENCES ratings (id),
  subject_type    text,
  subject_id      uuid,
  enterprise_id   uuid        REFERENCES enterprises (id),
  department_id   uuid        REFERENCES departments (id),
  title           text        NOT NULL,
  -- a rating of an appeal also names the appeal, so the appeal is linked to its class
  CHECK ((source = 'appeal' AND appeal_id IS NOT NULL) OR (source = 'rating' AND rating_id IS NOT NULL))
);
CREATE INDEX problem_proposal_items_proposal_idx ON problem_proposal_items (proposal_id);

CREATE TABLE problem_classes (
  id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  name                text        NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
  description         text        CHECK (length(description) <= 2000),
  top_words           text[]      NOT NULL DEFAULT '{}',
  -- open: a class the bureau tracks; monthly: the month's problem, worked as a project; closed: solved
  status              text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'monthly', 'closed')),
  monthly_month       text        CHECK (monthly_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  owner_department_id uuid        REFERENCES departments (id),
  created_by          uuid        NOT NULL REFERENCES users (id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  made_monthly_at     timestamptz,
  closed_at           timestamptz,
  closed_by           uuid        REFERENCES users (id),
  -- what changed: the message every enterprise of the class receives
  closing_summary     text,
  version             int         NOT NULL DEFAULT 1,
  CHECK (status = 'open' OR status = 'closed' OR (monthly_month IS NOT NULL AND owner_department_id IS NOT NULL))
);
CREATE INDEX problem_classes_status_idx ON problem_classes (status, created_at DESC);

ALTER TABLE problem_proposals
  ADD CONSTRAINT problem_proposals_class_fk FOREIGN KEY (class_id) REFERENCES problem_classes (id);

-- The cases of a class, linked both ways: an appeal's page finds its class here.
CREATE TABLE problem_class_items (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  class_id        uuid        NOT NULL REFERENCES problem_classes (id),
  source          text        NOT NULL CHECK (source IN ('appeal', 'rating')),
  appeal_id       uuid        REFERENCES appeals (id),
  rating_id       uuid        REFERENCES ratings (id),
  subject_type    text,
  subject_id      uuid,
  enterprise_id   uuid        REFERENCES enterprises (id),
  department_id   uuid        REFERENCES departments (id),
  title           text        NOT NULL,
  added_at        timestamptz NOT NULL DEFAULT now(),
  CHECK ((source = 'appeal' AND appeal_id IS NOT NULL) OR (source = 'rating' AND rating_id IS NOT NULL))
);
CREATE INDEX problem_class_items_class_idx ON problem_class_items (class_id);
CREATE UNIQUE INDEX problem_class_items_appeal_idx ON problem_class_items (class_id, appeal_id) WHERE appeal_id IS NOT NULL;
CREATE UNIQUE INDEX problem_class_items_rating_idx ON problem_class_items (class_id, rating_id) WHERE rating_id IS NOT NULL;
CREATE INDEX problem_class_items_appeal_lookup_idx ON problem_class_items (appeal_id) WHERE appeal_id IS NOT NULL;

CREATE TABLE problem_class_tasks (
  id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  class_id            uuid        NOT NULL REFERENCES problem_classes (id),
  title               text        NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
  owner_department_id uuid        NOT NULL REFERENCES departments (id),
  due_on              date        NOT NULL,
  created_by          uuid        NOT NULL REFERENCES users (id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  done_at             timestamptz,
  done_by             uuid        REFERENCES users (id),
  evidence            text        CHECK (length(evidence) <= 2000),
  CHECK ((done_at IS NULL) = (evidence IS NULL))
);
CREATE INDEX problem_class_tasks_class_idx ON problem_class_tasks (class_id, due_on);

-- What the class produced: a policy on the platform (by id) or a rule change named by reference.
CREATE TABLE problem_class_outputs (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  class_id        uuid        NOT NULL REFERENCES problem_classes (id),
  policy_id       uuid        REFERENCES policies (id),
  reference       text        CHECK (length(reference) <= 300),
  note            text        CHECK (length(note) <= 1000),
  created_by      uuid        NOT NULL REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (policy_id IS NOT NULL OR reference IS NOT NULL)
);
CREATE INDEX problem_class_outputs_class_idx ON problem_class_outputs (class_id);

-- Self-inspection (自查自纠, issue 13 item 5): the bureau issues a task with a checklist to departments;
-- each department answers its own copy (findings, evidence, a rectification plan per problem); the
-- bureau returns or accepts; accepted problems become rectifications tracked to done (decision 0055).
CREATE TABLE self_inspection_tasks (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  title       text        NOT NULL,
  scope       text        NOT NULL,
  basis       text        NOT NULL,
  -- the last day (city date) a department may submit
  deadline    date        NOT NULL,
  issued_by   uuid        NOT NULL REFERENCES users (id),
  issued_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX self_inspection_tasks_issued_idx ON self_inspection_tasks (issued_at DESC);

-- The checklist: what each department must check, with guidance on how.
CREATE TABLE self_inspection_items (
  id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id   uuid NOT NULL REFERENCES self_inspection_tasks (id),
  position  int  NOT NULL,
  text      text NOT NULL,
  guidance  text NOT NULL DEFAULT '',
  UNIQUE (task_id, position)
);

-- One department's copy of a task (the states of self-inspection-answer-states.ts).
CREATE TABLE self_inspection_answers (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id        uuid        NOT NULL REFERENCES self_inspection_tasks (id),
  department_id  uuid        NOT NULL REFERENCES departments (id),
  status         text        NOT NULL DEFAULT 'not_started'
                             CHECK (status IN ('not_started', 'draft', 'submitted', 'returned', 'accepted')),
  review_note    text,
  submitted_at   timestamptz,
  accepted_at    timestamptz,
  -- the near-deadline reminder went out (once per copy)
  reminded_at    timestamptz,
  version        int         NOT NULL DEFAULT 1,
  UNIQUE (task_id, department_id)
);
CREATE INDEX self_inspection_answers_department_idx ON self_inspection_answers (department_id, status);

-- Every step of one copy and of its rectifications (the case kit's CaseEventColumns).
CREATE TABLE self_inspection_answer_events (
  id            bigserial   PRIMARY KEY,
  self_inspection_answer_id uuid NOT NULL REFERENCES self_inspection_answers (id),
  at            timestamptz NOT NULL DEFAULT now(),
  type          text        NOT NULL,
  actor_user_id uuid        REFERENCES users (id),
  actor_role    text,
  note          text,
  data          jsonb       NOT NULL DEFAULT '{}',
  audience      text        NOT NULL DEFAULT 'internal' CHECK (audience IN ('internal', 'enterprise')),
  note_audience text        NOT NULL DEFAULT 'internal' CHECK (note_audience IN ('internal', 'enterprise'))
);
CREATE INDEX self_inspection_answer_events_answer_idx ON self_inspection_answer_events (self_inspection_answer_id, id);

-- Evidence files (佐证材料) uploaded for one copy: for its findings or for a rectification's done.
CREATE TABLE self_inspection_files (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  answer_id    uuid        NOT NULL REFERENCES self_inspection_answers (id),
  file_name    text        NOT NULL,
  content_type text        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size_bytes   int         NOT NULL,
  sha256       text        NOT NULL,
  content      bytea       NOT NULL,
  uploaded_by  uuid        NOT NULL REFERENCES users (id),
  uploaded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX self_inspection_files_answer_idx ON self_inspection_files (answer_id);

-- The department's answer to one checklist item; a problem carries its rectification plan.
CREATE TABLE self_inspection_findings (
  id             uuid    PRIMARY KEY DEFAULT gen_random_uuid(),
  answer_id      uuid    NOT NULL REFERENCES self_inspection_answers (id),
  item_id        uuid    NOT NULL REFERENCES self_inspection_items (id),
  finding        text    NOT NULL CHECK (finding IN ('no_problem', 'problem')),
  description    text    NOT NULL DEFAULT '',
  evidence_ids   uuid[]  NOT NULL DEFAULT '{}',
  plan_measure   text,
  plan_owner     text,
  plan_due_date  date,
  -- the bureau's note on this item when it returned the copy
  return_note    text,
  UNIQUE (answer_id, item_id),
  CHECK (finding = 'no_problem' OR (plan_measure IS NOT NULL AND plan_owner IS NOT NULL AND plan_due_date IS NOT NULL))
);

-- An accepted problem, tracked to done: the department marks it done with evidence, the bureau confirms.
CREATE TABLE self_inspection_rectifications (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  answer_id      uuid        NOT NULL REFERENCES self_inspection_answers (id),
  finding_id     uuid        NOT NULL UNIQUE REFERENCES self_inspection_findings (id),
  department_id  uuid        NOT NULL REFERENCES departments (id),
  measure        text        NOT NULL,
  owner          text        NOT NULL,
  due_date       date        NOT NULL,
  status         text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'confirmed')),
  done_note      text,
  done_evidence_ids uuid[]   NOT NULL DEFAULT '{}',
  done_at        timestamptz,
  confirmed_at   timestamptz,
  opened_at      timestamptz NOT NULL DEFAULT now(),
  version        int         NOT NULL DEFAULT 1
);
CREATE INDEX self_inspection_rectifications_department_idx ON self_inspection_rectifications (department_id, status);

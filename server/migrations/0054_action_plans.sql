-- The action plan (行动方案, issue 14 item 6): the city's plan as areas → tasks, each task owned by a
-- department with a deadline and an expected output; the owner unit reports progress with evidence
-- (佐证材料) and submits the task as done; the bureau accepts or returns it with a note; a sweep reminds
-- the owner unit before the deadline and escalates an overdue task to the supervision ladder
-- (decision 0064).
CREATE TABLE action_plan_areas (
  id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  position  int  NOT NULL UNIQUE,
  name      text NOT NULL UNIQUE,
  summary   text NOT NULL DEFAULT ''
);

-- One task of the plan (the states of plan-task-states.ts).
CREATE TABLE plan_tasks (
  id                   uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  area_id              uuid        NOT NULL REFERENCES action_plan_areas (id),
  title                text        NOT NULL,
  description          text        NOT NULL DEFAULT '',
  expected_output      text        NOT NULL,
  owner_department_id  uuid        NOT NULL REFERENCES departments (id),
  -- the last day (city date) by which the owner unit must submit the task as done
  deadline             date        NOT NULL,
  status               text        NOT NULL DEFAULT 'not_started'
                                   CHECK (status IN ('not_started', 'in_progress', 'submitted', 'returned', 'accepted')),
  -- the latest reported percent (100 once accepted)
  progress             int         NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  -- internal: the bureau's note when it returned the task (never on the public view)
  review_note          text,
  submitted_at         timestamptz,
  accepted_at          timestamptz,
  -- the near-deadline reminder went out (once per task)
  reminded_at          timestamptz,
  -- the overdue task was escalated to the supervision ladder (once per task) and the case it opened
  escalated_at         timestamptz,
  supervision_case_id  uuid,
  created_by           uuid        NOT NULL REFERENCES users (id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  version              int         NOT NULL DEFAULT 1
);
CREATE INDEX plan_tasks_area_idx ON plan_tasks (area_id, deadline);
CREATE INDEX plan_tasks_owner_idx ON plan_tasks (owner_department_id, status);
-- The sweep reads only tasks still owed by their deadline.
CREATE INDEX plan_tasks_owed_idx ON plan_tasks (deadline) WHERE status IN ('not_started', 'in_progress', 'returned');

-- Every step of one task (the case kit's CaseEventColumns).
CREATE TABLE plan_task_events (
  id            bigserial   PRIMARY KEY,
  plan_task_id  uuid        NOT NULL REFERENCES plan_tasks (id),
  at            timestamptz NOT NULL DEFAULT now(),
  type          text        NOT NULL,
  actor_user_id uuid        REFERENCES users (id),
  actor_role    text,
  note          text,
  data          jsonb       NOT NULL DEFAULT '{}',
  audience      text        NOT NULL DEFAULT 'internal' CHECK (audience IN ('internal', 'enterprise')),
  note_audience text        NOT NULL DEFAULT 'internal' CHECK (note_audience IN ('internal', 'enterprise'))
);
CREATE INDEX plan_task_events_task_idx ON plan_task_events (plan_task_id, id);

-- Evidence files (佐证材料) of one task, stored as self-inspection stores its files.
CREATE TABLE plan_task_files (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id      uuid        NOT NULL REFERENCES plan_tasks (id),
  file_name    text        NOT NULL,
  content_type text        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size_bytes   int         NOT NULL,
  sha256       text        NOT NULL,
  content      bytea       NOT NULL,
  uploaded_by  uuid        NOT NULL REFERENCES users (id),
  uploaded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_task_files_task_idx ON plan_task_files (task_id);

-- The owner unit's reports: progress (percent + text + evidence) and the completion it submits.
CREATE TABLE plan_task_reports (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id       uuid        NOT NULL REFERENCES plan_tasks (id),
  kind          text        NOT NULL CHECK (kind IN ('progress', 'completion')),
  percent       int         NOT NULL CHECK (percent BETWEEN 0 AND 100),
  text          text        NOT NULL,
  evidence_ids  uuid[]      NOT NULL DEFAULT '{}',
  reported_by   uuid        NOT NULL REFERENCES users (id),
  reported_at   timestamptz NOT NULL DEFAULT now(),
  -- the order of reports, whatever their instants (a pinned clock gives several the same)
  seq           bigint      GENERATED ALWAYS AS IDENTITY,
  CHECK (kind = 'progress' OR percent = 100)
);
CREATE INDEX plan_task_reports_task_idx ON plan_task_reports (task_id, seq);

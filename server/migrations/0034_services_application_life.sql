-- Services: an application's life as the Administrative Licensing Law has it (issue 12, item 3).
-- The states are application-states.ts (its table test keeps the two lists in step); the clocks
-- are instants computed with the city's working calendar (kernel/cases/deadline.ts) and stored.
ALTER TABLE applications DROP CONSTRAINT applications_status_check;
ALTER TABLE applications ADD CONSTRAINT applications_status_check CHECK (status IN (
  'draft', 'submitted', 'supplement_requested', 'accepted', 'special_step',
  'approved', 'refused', 'not_accepted', 'withdrawn', 'terminated'));

ALTER TABLE applications
  -- the matter and its department, copied from the version at opening: the queue reads them
  ADD COLUMN matter_id uuid REFERENCES service_matters (id),
  ADD COLUMN department_id uuid REFERENCES departments (id),
  -- what the applicant filled in (the version's form schema validates it) and the channel
  ADD COLUMN form_data jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN visits_made int NOT NULL DEFAULT 0 CHECK (visits_made >= 0),
  -- completeness check: due 5 working days after receipt (or after the last supplement)
  ADD COLUMN received_at timestamptz,
  ADD COLUMN completeness_due_at timestamptz,
  -- 一次性告知: one request listing every missing item
  ADD COLUMN supplement_requested_at timestamptz,
  ADD COLUMN supplement_items jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN supplement_due_at timestamptz,
  ADD COLUMN supplement_answered_at timestamptz,
  -- acceptance: when it was decided, and the instant it counts from (receipt, the last material,
  -- or — when the check came late — the receipt, deemed)
  ADD COLUMN accepted_at timestamptz,
  ADD COLUMN accepted_from timestamptz,
  ADD COLUMN deemed_accepted boolean NOT NULL DEFAULT false,
  ADD COLUMN not_accepted_reason text,
  ADD COLUMN not_accepted_refer_to text,
  -- the decision clock: promised and statutory ends (extended and suspended as data)
  ADD COLUMN decision_due_at timestamptz,
  ADD COLUMN statutory_due_at timestamptz,
  ADD COLUMN extension_days int NOT NULL DEFAULT 0 CHECK (extension_days >= 0),
  ADD COLUMN extension_reason text,
  ADD COLUMN extension_approved_by uuid REFERENCES users (id),
  ADD COLUMN joint_handling boolean NOT NULL DEFAULT false,
  -- a special step (expert review, hearing, public notice, on-site inspection) stops the clock
  ADD COLUMN special_step_kind text,
  ADD COLUMN special_step_since timestamptz,
  ADD COLUMN special_step_due_at timestamptz,
  ADD COLUMN clock_remaining_minutes int,
  ADD COLUMN suspended_minutes int NOT NULL DEFAULT 0 CHECK (suspended_minutes >= 0),
  -- 容缺受理: accepted with minor materials missing against the applicant's signed commitment
  ADD COLUMN tolerance_items jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN tolerance_commitment text,
  ADD COLUMN tolerance_signed_at timestamptz,
  ADD COLUMN tolerance_due_at timestamptz,
  ADD COLUMN tolerance_fulfilled_at timestamptz,
  -- the decision
  ADD COLUMN instant boolean NOT NULL DEFAULT false,
  ADD COLUMN decided_at timestamptz,
  ADD COLUMN decided_by uuid REFERENCES users (id),
  ADD COLUMN decision_reason text,
  ADD COLUMN decision_legal_basis text,
  ADD COLUMN certificate_id uuid REFERENCES certificates (id),
  ADD COLUMN closed_at timestamptz,
  ADD COLUMN archived_at timestamptz;

-- the department's queue by due date, and the sweeps' scans of open clocks
CREATE INDEX applications_department_queue_idx ON applications (department_id, status, completeness_due_at, decision_due_at);
CREATE INDEX applications_completeness_due_idx ON applications (completeness_due_at) WHERE status = 'submitted';
CREATE INDEX applications_tolerance_due_idx ON applications (tolerance_due_at)
  WHERE tolerance_due_at IS NOT NULL AND tolerance_fulfilled_at IS NULL;
CREATE INDEX applications_enterprise_idx ON applications (enterprise_id, created_at DESC);

-- A matter version says how its applications are reviewed and decided, and what the form asks.
ALTER TABLE service_matter_versions
  -- [{ key, name, role: 'handler' | 'department_head', stage }]: steps of one stage run in parallel
  ADD COLUMN review_steps jsonb NOT NULL DEFAULT '[{"key":"review","name":"审查","role":"handler","stage":1},{"key":"approve","name":"审批","role":"department_head","stage":2}]',
  -- the form (a JSON Schema with its layout; forms decide the shape, decision record)
  ADD COLUMN form_schema jsonb NOT NULL DEFAULT '{}',
  -- 即办件: conditions in the rule language; null: not instant
  ADD COLUMN instant_conditions jsonb,
  -- 容缺受理 allowed for this matter, and which materials may be missing (by name)
  ADD COLUMN tolerance_materials jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN joint_handling boolean NOT NULL DEFAULT false,
  -- the certificate an approval issues (certificates.kind), null: none
  ADD COLUMN certificate_kind text;

-- The review steps of one application: one task per step of its version, opened stage by stage.
CREATE TABLE application_review_tasks (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid        NOT NULL REFERENCES applications (id),
  step_key       text        NOT NULL,
  step_name      text        NOT NULL,
  stage          int         NOT NULL CHECK (stage > 0),
  role           text        NOT NULL CHECK (role IN ('handler', 'department_head')),
  -- waiting: its stage has not begun; open: anyone of the role may claim it
  status         text        NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'open', 'claimed', 'done')),
  assignee_id    uuid        REFERENCES users (id),
  outcome        text        CHECK (outcome IN ('approve', 'refuse', 'return')),
  note           text,
  decided_by     uuid        REFERENCES users (id),
  decided_at     timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (application_id, step_key)
);
CREATE INDEX application_review_tasks_open_idx ON application_review_tasks (status, role) WHERE status IN ('open', 'claimed');

-- Every notice to the applicant (受理通知书, 补正告知书, 不予受理决定书, 延期告知, 准予/不予许可决定书…):
-- dated, kept, never changed.
CREATE TABLE application_notices (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid        NOT NULL REFERENCES applications (id),
  kind           text        NOT NULL,
  issued_at      timestamptz NOT NULL,
  issued_by      uuid        REFERENCES users (id),
  title          text        NOT NULL,
  body           text        NOT NULL,
  data           jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX application_notices_application_idx ON application_notices (application_id, issued_at);
CREATE FUNCTION application_notices_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'application notice % is issued and cannot change', OLD.id;
END $$;
CREATE TRIGGER application_notices_immutable BEFORE UPDATE OR DELETE ON application_notices
  FOR EACH ROW EXECUTE FUNCTION application_notices_immutable();

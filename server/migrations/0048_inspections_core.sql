-- Inspections without disturbance (涉企检查; issue 14 items 1, 2 and 4; decision 0059): the shared core
-- the registry, the caps, the random draws and the results build on. Only a published inspection item
-- may be inspected; only a certified inspector of the inspecting body may inspect; every inspection
-- and every service visit (服务走访: research, observation, guidance) is planned, approved by the
-- body's head and carries a check code before it happens; the enterprise checks it in by scanning it.

-- 检查事项: what an inspection may cover. The inspecting body is a department.
CREATE TABLE inspection_items (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  code           text        NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
  name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  department_id  uuid        NOT NULL REFERENCES departments (id),
  -- the legal basis (法律依据) and what is checked (检查内容)
  basis          text        NOT NULL,
  content        text        NOT NULL DEFAULT '',
  status         text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
  published_at   timestamptz,
  withdrawn_at   timestamptz,
  -- the city date of the last inspection under it: unused for five years is flagged
  last_used_on   date,
  version        int         NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'draft') OR published_at IS NOT NULL)
);
CREATE INDEX inspection_items_department_idx ON inspection_items (department_id, status);

-- Certified law-enforcement officers (执法人员): a staff user of the body with a certificate number.
CREATE TABLE inspectors (
  user_id          uuid        PRIMARY KEY REFERENCES users (id),
  department_id    uuid        NOT NULL REFERENCES departments (id),
  certificate_no   text        NOT NULL UNIQUE CHECK (length(certificate_no) BETWEEN 1 AND 64),
  certified_until  date        NOT NULL,
  active           boolean     NOT NULL DEFAULT true,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspectors_department_idx ON inspectors (department_id) WHERE active;

-- Declared conflicts of interest: the inspector is recused from this enterprise (draws and plans).
CREATE TABLE inspector_conflicts (
  inspector_user_id  uuid        NOT NULL REFERENCES inspectors (user_id),
  enterprise_id      uuid        NOT NULL REFERENCES enterprises (id),
  reason             text        NOT NULL,
  declared_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (inspector_user_id, enterprise_id)
);

-- One inspection or service visit of one enterprise by one body (the states of inspection-states.ts).
CREATE TABLE inspections (
  id                    uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the human number, e.g. JC-2026-000123
  number                text        NOT NULL UNIQUE,
  -- the code shown at the door (检查码): random, unguessable, what the enterprise's scan carries
  check_code            text        NOT NULL UNIQUE,
  kind                  text        NOT NULL CHECK (kind IN
                          ('routine', 'case', 'special', 'random', 'recheck', 'service_visit')),
  visit_purpose         text        CHECK (visit_purpose IN ('research', 'observation', 'guidance')),
  enterprise_id         uuid        NOT NULL REFERENCES enterprises (id),
  department_id         uuid        NOT NULL REFERENCES departments (id),
  -- the window in which the visit may happen (city dates)
  planned_on            date        NOT NULL,
  window_ends_on        date        NOT NULL,
  purpose               text        NOT NULL,
  status                text        NOT NULL DEFAULT 'planned' CHECK (status IN
                          ('planned', 'approved', 'rejected', 'checked_in', 'refused',
                           'result_recorded', 'closed', 'cancelled')),
  -- an inspection over a cap goes ahead only with a documented exemption (item 2)
  cap_exemption         text        CHECK (cap_exemption IN
                          ('complaint', 'assigned', 'recheck', 'own_request', 'emergency', 'bureau_granted')),
  cap_exemption_note    text,
  -- merged into one joint visit (综合查一次, item 2); the draw that chose it (item 3)
  joint_visit_id        uuid,
  draw_id               uuid,
  -- a re-check (复查) of an earlier inspection's correction (item 4)
  parent_inspection_id  uuid        REFERENCES inspections (id),
  planned_by            uuid        NOT NULL REFERENCES users (id),
  approved_by           uuid        REFERENCES users (id),
  approved_at           timestamptz,
  decision_note         text,
  checked_in_at         timestamptz,
  checked_in_by         uuid        REFERENCES users (id),
  closed_at             timestamptz,
  version               int         NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'service_visit') = (visit_purpose IS NOT NULL)),
  CHECK (window_ends_on >= planned_on),
  CHECK ((cap_exemption IS NULL) = (cap_exemption_note IS NULL))
);
CREATE INDEX inspections_enterprise_idx ON inspections (enterprise_id, planned_on DESC);
CREATE INDEX inspections_department_idx ON inspections (department_id, status, planned_on);
-- the cap check counts one enterprise's inspections in a year, by body
CREATE INDEX inspections_cap_idx ON inspections (enterprise_id, department_id, planned_on)
  WHERE status NOT IN ('rejected', 'cancelled');

-- The items an inspection covers (at least one, each published, each of the inspecting body).
CREATE TABLE inspection_item_links (
  inspection_id  uuid NOT NULL REFERENCES inspections (id),
  item_id        uuid NOT NULL REFERENCES inspection_items (id),
  PRIMARY KEY (inspection_id, item_id)
);
CREATE INDEX inspection_item_links_item_idx ON inspection_item_links (item_id);

-- The inspectors on an inspection (at least two for an enforcement inspection; a service visit may
-- be made by staff who are not certified, so it lists none here).
CREATE TABLE inspection_inspectors (
  inspection_id      uuid NOT NULL REFERENCES inspections (id),
  inspector_user_id  uuid NOT NULL REFERENCES inspectors (user_id),
  PRIMARY KEY (inspection_id, inspector_user_id)
);
CREATE INDEX inspection_inspectors_inspector_idx ON inspection_inspectors (inspector_user_id);

-- Every step of an inspection (the case kit's CaseEventColumns).
CREATE TABLE inspection_events (
  id              bigserial   PRIMARY KEY,
  inspection_id   uuid        NOT NULL REFERENCES inspections (id),
  at              timestamptz NOT NULL DEFAULT now(),
  type            text        NOT NULL,
  actor_user_id   uuid        REFERENCES users (id),
  actor_role      text,
  note            text,
  data            jsonb       NOT NULL DEFAULT '{}',
  audience        text        NOT NULL DEFAULT 'internal' CHECK (audience IN ('internal', 'enterprise')),
  note_audience   text        NOT NULL DEFAULT 'internal' CHECK (note_audience IN ('internal', 'enterprise'))
);
CREATE INDEX inspection_events_inspection_idx ON inspection_events (inspection_id, id);

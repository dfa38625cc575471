-- Inspection caps and merging (检查频次上限、综合查一次; issue 14 item 2; decision 0060). The caps are
-- data, versioned by the date they take effect; a planned inspection over a cap is refused unless it
-- carries a documented exemption or uses one exemption the bureau granted; inspections of one
-- enterprise by several bodies close together are merged into one joint visit.

-- The cap rules (tiers, items, the service-visit contact cap, the joint window, the high-frequency
-- flag) as one validated document per version. The version in force on a date is the one with the
-- latest effective_from on or before it; a version is never edited, a change is a new version.
CREATE TABLE inspection_cap_versions (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  effective_from  date        NOT NULL UNIQUE,
  settings        jsonb       NOT NULL,
  note            text        NOT NULL,
  created_by      uuid        NOT NULL REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);

-- A planner asks the bureau to let one inspection over a cap through (申请豁免). Granted, it is
-- used up by the first plan of that body for that enterprise in that year (the plan's items within
-- the request's, when it names any): the plan check marks it used in the planning transaction.
CREATE TABLE inspection_cap_exemption_requests (
  id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id    uuid        NOT NULL REFERENCES enterprises (id),
  department_id    uuid        NOT NULL REFERENCES departments (id),
  -- empty: any item of the body
  item_ids         uuid[]      NOT NULL DEFAULT '{}',
  -- the city date the inspection is meant for: the cap year is its year
  planned_on       date        NOT NULL,
  reason           text        NOT NULL CHECK (length(reason) BETWEEN 4 AND 2000),
  status           text        NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'granted', 'refused', 'used')),
  requested_by     uuid        NOT NULL REFERENCES users (id),
  requested_at     timestamptz NOT NULL DEFAULT now(),
  decided_by       uuid        REFERENCES users (id),
  decided_at       timestamptz,
  decision_note    text,
  -- the plan that used it: its planner and date, and the inspection when the planner names it
  -- (checked at commit, as the plan check runs before the inspection's row is written)
  used_at          timestamptz,
  used_by          uuid        REFERENCES users (id),
  used_planned_on  date,
  used_by_inspection_id uuid   REFERENCES inspections (id) DEFERRABLE INITIALLY DEFERRED,
  version          int         NOT NULL DEFAULT 1,
  CHECK ((status IN ('pending')) = (decided_at IS NULL)),
  CHECK ((status = 'used') = (used_at IS NOT NULL))
);
CREATE INDEX inspection_cap_exemption_requests_open_idx
  ON inspection_cap_exemption_requests (enterprise_id, department_id) WHERE status = 'granted';
CREATE INDEX inspection_cap_exemption_requests_list_idx
  ON inspection_cap_exemption_requests (requested_at DESC);

-- 综合查一次: several bodies' inspections of one enterprise made as one visit on one day.
CREATE TABLE joint_visits (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id  uuid        NOT NULL REFERENCES enterprises (id),
  -- the city date of the visit: inside every merged inspection's window
  visit_on       date        NOT NULL,
  -- the body that leads the visit and tells the others
  lead_department_id uuid    NOT NULL REFERENCES departments (id),
  note           text        NOT NULL DEFAULT '',
  created_by     uuid        NOT NULL REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX joint_visits_enterprise_idx ON joint_visits (enterprise_id, visit_on);

ALTER TABLE inspections
  ADD CONSTRAINT inspections_joint_visit_fk FOREIGN KEY (joint_visit_id) REFERENCES joint_visits (id);
CREATE INDEX inspections_joint_visit_idx ON inspections (joint_visit_id) WHERE joint_visit_id IS NOT NULL;

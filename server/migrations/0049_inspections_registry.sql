-- The inspection registry the enterprise can see (涉企检查, issue 14 item 1; decision 0059): what the
-- core of 0048 lacks for planning and the door — the staff on a service visit, the yearly serial of
-- the readable numbers, and the enterprise's one-tap report of a visit that showed no valid code.

-- The staff who make a service visit (服务走访: research, observation, guidance). They need not be
-- certified inspectors, so they are listed here and not in inspection_inspectors.
CREATE TABLE inspection_visitors (
  inspection_id  uuid NOT NULL REFERENCES inspections (id),
  user_id        uuid NOT NULL REFERENCES users (id),
  PRIMARY KEY (inspection_id, user_id)
);

-- The serial of JC-<year>-NNNNNN, one row per city year: taken with the plan's insert, so a plan that
-- rolls back leaves no gap-free promise (gaps are fine; duplicates are impossible).
CREATE TABLE inspection_counters (
  year         int PRIMARY KEY,
  last_serial  int NOT NULL CHECK (last_serial >= 0)
);

-- A visit the enterprise refused because it showed no code, or one that does not verify (扫码入企:
-- "no code, no entry"). The bureau (task force, leadership) reads them; the body is as the visitors
-- named it, free text, because an unregistered visit has no row to point at.
CREATE TABLE unregistered_visit_reports (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id   uuid        NOT NULL REFERENCES enterprises (id),
  reported_by     uuid        NOT NULL REFERENCES users (id),
  body_name       text        NOT NULL CHECK (length(body_name) BETWEEN 1 AND 100),
  note            text        NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  presented_code  text        CHECK (length(presented_code) <= 100),
  -- the city date of the visit
  visited_on      date        NOT NULL,
  reported_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX unregistered_visit_reports_reported_idx ON unregistered_visit_reports (reported_at DESC);
CREATE INDEX unregistered_visit_reports_enterprise_idx ON unregistered_visit_reports (enterprise_id);

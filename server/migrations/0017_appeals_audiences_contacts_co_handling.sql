-- Who reads each step of an appeal. An event reaches the enterprise only when its audience says so
-- and its type is on the enterprise view's allow-list; a staff note on it only when its own audience
-- says so. The old flag said only the first half: a dispatch remark went out with the dispatch.
ALTER TABLE appeal_events
  ADD COLUMN audience      text NOT NULL DEFAULT 'internal' CHECK (audience IN ('internal', 'enterprise')),
  ADD COLUMN note_audience text NOT NULL DEFAULT 'internal' CHECK (note_audience IN ('internal', 'enterprise'));
UPDATE appeal_events SET audience = CASE WHEN visible_to_enterprise THEN 'enterprise' ELSE 'internal' END;
-- Notes written before audiences existed stay internal, except the ones that were always addressed to
-- the enterprise: a rejection's reason, what a pause waits for from it, and its own words.
UPDATE appeal_events SET note_audience = 'enterprise'
 WHERE type IN ('reject', 'confirm', 'reopen', 'withdraw')
    OR (type = 'pause' AND data ->> 'reason' = 'awaiting_enterprise');
ALTER TABLE appeal_events DROP COLUMN visible_to_enterprise;

-- The same for benefit claims.
ALTER TABLE benefit_claim_events
  ADD COLUMN audience      text NOT NULL DEFAULT 'internal' CHECK (audience IN ('internal', 'enterprise')),
  ADD COLUMN note_audience text NOT NULL DEFAULT 'internal' CHECK (note_audience IN ('internal', 'enterprise'));
UPDATE benefit_claim_events SET audience = CASE WHEN visible_to_enterprise THEN 'enterprise' ELSE 'internal' END;
UPDATE benefit_claim_events SET note_audience = 'enterprise'
 WHERE type IN ('request_supplement', 'resubmit', 'approve', 'reject', 'exclude', 'withdraw', 'rate');
ALTER TABLE benefit_claim_events DROP COLUMN visible_to_enterprise;

-- A contact with the enterprise, as the department recorded it: how, with whom, and when it says it
-- happened. The first-contact clock stops when the contact is recorded, never at the time typed in.
CREATE TABLE appeal_contacts (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  appeal_id      uuid        NOT NULL REFERENCES appeals (id),
  cycle          int         NOT NULL,
  department_id  uuid        NOT NULL REFERENCES departments (id),
  method         text        NOT NULL CHECK (method IN ('phone', 'visit', 'message')),
  contact_person text,
  contacted_at   timestamptz NOT NULL,
  note           text        NOT NULL,
  note_audience  text        NOT NULL CHECK (note_audience IN ('internal', 'enterprise')),
  recorded_by    uuid        NOT NULL REFERENCES users (id),
  recorded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appeal_contacts_appeal_idx ON appeal_contacts (appeal_id);

-- Co-handlers (协办) are on the clock too: they sign for their part and submit it to the lead, whose
-- reply waits for every part or records why it did not.
ALTER TABLE appeal_clocks DROP CONSTRAINT appeal_clocks_kind_check;
ALTER TABLE appeal_clocks ADD CONSTRAINT appeal_clocks_kind_check
  CHECK (kind IN ('sign_for', 'first_contact', 'resolution', 'co_part'));
-- 'working': the city's working time; 'elapsed': every minute (an urgent tier measured in hours).
ALTER TABLE appeal_clocks
  ADD COLUMN basis text NOT NULL DEFAULT 'working' CHECK (basis IN ('working', 'elapsed'));

CREATE TABLE appeal_co_parts (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  appeal_id     uuid        NOT NULL REFERENCES appeals (id),
  assignment_id uuid        NOT NULL REFERENCES appeal_assignments (id),
  cycle         int         NOT NULL,
  department_id uuid        NOT NULL REFERENCES departments (id),
  body          text        NOT NULL,
  written_by    uuid        NOT NULL REFERENCES users (id),
  written_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (assignment_id, cycle)
);
CREATE INDEX appeal_co_parts_appeal_idx ON appeal_co_parts (appeal_id);

-- A lead that replies before every co-handler's part arrived says why; the reply keeps it.
ALTER TABLE appeal_replies ADD COLUMN missing_parts_reason text;

-- A co-handler's part clocks, for the figures: one range scan per period.
CREATE INDEX appeal_clocks_co_part_idx ON appeal_clocks (department_id, started_at) WHERE kind = 'co_part';

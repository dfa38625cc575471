-- Supervision cases (督办) get a life of their own: what opened them, who closed them and how. Until
-- the supervision capability grows, the appeals deadline sweep opens them and the task force or the
-- bureau leadership closes them with a note of what was done.
ALTER TABLE supervision_cases
  ADD COLUMN source       text NOT NULL DEFAULT 'appeal_breach' CHECK (source IN ('appeal_breach', 'manual')),
  ADD COLUMN closed_by    uuid REFERENCES users (id),
  ADD COLUMN closing_note text,
  ADD COLUMN version      int  NOT NULL DEFAULT 1;

CREATE INDEX supervision_cases_status_idx ON supervision_cases (status, opened_at DESC);
CREATE INDEX supervision_cases_department_idx ON supervision_cases (department_id, opened_at DESC);

-- The monthly figures read the appeal row only (an index-only scan): the id joins the live count of
-- running clocks past due, so it belongs in the covering index too.
DROP INDEX appeals_figures_idx;
CREATE INDEX appeals_figures_idx ON appeals (first_dispatched_at)
  INCLUDE (id, lead_department_id, status, reopen_count, replied_at, close_reason, latest_solved, latest_level,
           first_contact_met, resolution_met, resolution_missed);

-- A department's closed and withdrawn appeals, newest first (the inbox's "closed" view).
CREATE INDEX appeals_lead_created_idx ON appeals (lead_department_id, created_at DESC);

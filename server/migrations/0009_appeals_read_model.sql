-- What lists and figures read, kept on the appeal row in the same transaction as every change, so a
-- department's inbox and a month's figures read one index instead of joining a million rows of history.
ALTER TABLE appeals
  ADD COLUMN lead_department_id uuid REFERENCES departments (id), -- the current lead, or the last one after a return
  ADD COLUMN next_due_at timestamptz,                              -- the nearest due instant of a running clock
  ADD COLUMN latest_solved boolean,                                -- the enterprise's latest verdict
  ADD COLUMN latest_level smallint,
  ADD COLUMN first_contact_met boolean,                            -- the first-contact clock of cycle 1: met, missed, or undecided/void
  ADD COLUMN resolution_met int NOT NULL DEFAULT 0,                -- resolution clocks stopped within / past their budget
  ADD COLUMN resolution_missed int NOT NULL DEFAULT 0;

UPDATE appeals a SET
  lead_department_id = (SELECT s.department_id FROM appeal_assignments s WHERE s.appeal_id = a.id AND s.role = 'lead'
                         ORDER BY s.is_current DESC, s.dispatched_at DESC LIMIT 1),
  next_due_at = (SELECT min(k.due_at) FROM appeal_clocks k WHERE k.appeal_id = a.id AND k.stopped_at IS NULL),
  latest_solved = (SELECT r.solved FROM appeal_ratings r WHERE r.appeal_id = a.id ORDER BY r.cycle DESC LIMIT 1),
  latest_level = (SELECT r.level FROM appeal_ratings r WHERE r.appeal_id = a.id ORDER BY r.cycle DESC LIMIT 1),
  first_contact_met = (SELECT k.is_met FROM appeal_clocks k WHERE k.appeal_id = a.id AND k.kind = 'first_contact' AND k.cycle = 1 LIMIT 1),
  resolution_met = (SELECT count(*) FROM appeal_clocks k WHERE k.appeal_id = a.id AND k.kind = 'resolution' AND k.is_met),
  resolution_missed = (SELECT count(*) FROM appeal_clocks k WHERE k.appeal_id = a.id AND k.kind = 'resolution' AND k.is_met = false);

-- A department's inbox: its open appeals, nearest deadline first.
CREATE INDEX appeals_inbox_idx ON appeals (lead_department_id, next_due_at, created_at)
  WHERE status IN ('dispatched', 'handling', 'paused', 'awaiting_approval', 'replied');
CREATE INDEX appeal_assignments_co_current_idx ON appeal_assignments (department_id, appeal_id)
  WHERE is_current AND role = 'co';
-- The overdue board and the live "missed while still running" count.
CREATE INDEX appeals_next_due_idx ON appeals (next_due_at) WHERE next_due_at IS NOT NULL;
-- A month's figures: one range scan over the first dispatch time.
CREATE INDEX appeals_figures_idx ON appeals (first_dispatched_at)
  INCLUDE (lead_department_id, status, reopen_count, replied_at, close_reason, latest_solved, latest_level,
           first_contact_met, resolution_met, resolution_missed);
CREATE INDEX appeal_assignments_lead_dispatched_idx ON appeal_assignments (dispatched_at)
  INCLUDE (department_id, returned_at) WHERE role = 'lead';

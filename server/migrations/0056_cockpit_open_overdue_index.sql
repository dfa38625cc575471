-- The cockpit's "overdue now" count (issue 13 item 8): every open appeal past its next deadline, by
-- lead unit, on each first screen. With a million appeals the existing partial index on next_due_at
-- still fetched every matching heap row; this one answers the count from the index alone (the
-- predicate is the query's own, so the planner can use it).
CREATE INDEX appeals_open_overdue_idx ON appeals (next_due_at, lead_department_id)
  WHERE status NOT IN ('closed', 'rejected', 'merged');

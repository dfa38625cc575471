-- The department's queue (GET /api/v1/services/queue): its applications in flight, nearest clock
-- first — the completeness check, the decision or a special step, none running last — then id, the
-- keyset a page continues from. The expression is the queue query's own (applications-staff.queries.ts):
-- change both together. Partial: closed applications, the great majority in time, stay out of it.
CREATE INDEX applications_queue_due_idx ON applications (
  department_id,
  (coalesce(least(completeness_due_at, decision_due_at, special_step_due_at), 'infinity'::timestamptz)),
  id
) WHERE status IN ('submitted', 'supplement_requested', 'accepted', 'special_step');

-- The licensing clock's sweep deems an application withdrawn when the one supplement request's
-- deadline passes unanswered (逾期未补正，视为撤回申请): found, like the other clocks, through a
-- partial index that holds only the applications owing a supplement.
CREATE INDEX applications_supplement_due_idx ON applications (supplement_due_at)
  WHERE status = 'supplement_requested';

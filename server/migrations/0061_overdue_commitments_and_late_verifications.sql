-- Overdue alerts climb the supervision ladder for every commitment, not only payables (issue 14 item
-- 5): a promise of an investment agreement or a contract's delivery past its day opens a case of its
-- own source about the commitment. A complaint not verified by its day, and a draw's result not
-- published by its day, are told once to whoever answers for them (stamped, so once).
ALTER TABLE supervision_cases DROP CONSTRAINT supervision_cases_source_check;
ALTER TABLE supervision_cases ADD CONSTRAINT supervision_cases_source_check
  CHECK (source IN ('appeal_breach', 'bad_ratings', 'deemed_accepted', 'overdue_payment', 'overdue_plan_task',
                    'overdue_commitment', 'manual'));
ALTER TABLE supervision_cases DROP CONSTRAINT supervision_cases_subject_type_check;
ALTER TABLE supervision_cases ADD CONSTRAINT supervision_cases_subject_type_check
  CHECK (subject_type IN ('appeal', 'application', 'department', 'payable', 'plan_task', 'commitment'));

ALTER TABLE commitment_complaints ADD COLUMN late_told_at timestamptz;
ALTER TABLE random_draws ADD COLUMN late_told_at timestamptz;

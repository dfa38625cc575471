-- An action-plan task past its deadline opens a supervision case of its own source and subject
-- (issue 14 item 6): it was opened as 'manual' about the unit, which told the bureau it had been
-- opened by hand and let one task open two cases. Now 'overdue_plan_task' about the task, once per
-- task by the cause index; the cases opened before stay as they were.
ALTER TABLE supervision_cases DROP CONSTRAINT supervision_cases_source_check;
ALTER TABLE supervision_cases ADD CONSTRAINT supervision_cases_source_check
  CHECK (source IN ('appeal_breach', 'bad_ratings', 'deemed_accepted', 'overdue_payment', 'overdue_plan_task',
                    'manual'));
ALTER TABLE supervision_cases DROP CONSTRAINT supervision_cases_subject_type_check;
ALTER TABLE supervision_cases ADD CONSTRAINT supervision_cases_subject_type_check
  CHECK (subject_type IN ('appeal', 'application', 'department', 'payable', 'plan_task'));

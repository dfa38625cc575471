-- The handling unit is told when a bad rating opens a rectification for it (issue 13 item 2). The
-- rating's listener runs inside the rating's transaction without the notifier, so a job tells the
-- unit's handlers and heads of each rectification not yet told, and stamps it. Rectifications opened
-- before this migration count as told (their units found them in their list).
ALTER TABLE rectifications ADD COLUMN unit_told_at timestamptz;
UPDATE rectifications SET unit_told_at = opened_at;
CREATE INDEX rectifications_untold_idx ON rectifications (opened_at) WHERE unit_told_at IS NULL;

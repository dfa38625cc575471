-- Services intake (issue 12, item 3): the applicant's time to answer a supplement request, per matter
-- version (the law sets none; decision 0047), and the 容缺 sweep's index limited to live applications
-- so that finished ones with a missed commitment never weigh on it.
ALTER TABLE service_matter_versions
  ADD COLUMN supplement_limit_days int NOT NULL DEFAULT 30 CHECK (supplement_limit_days BETWEEN 1 AND 365);

CREATE INDEX applications_tolerance_live_idx ON applications (tolerance_due_at)
  WHERE tolerance_fulfilled_at IS NULL AND status IN ('accepted', 'special_step');

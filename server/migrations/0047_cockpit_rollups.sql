-- The bureau's cockpit and the open data (issue 13 item 8, docs/decisions/0057).
--
-- Monthly rollups: one row per city month and handling unit with the month's counts (the figure
-- keys of cockpit.schema.ts, docs/METRICS.md "Cockpit and open data"). A job refreshes closed months
-- (cockpit.rollup); the cockpit and the open data read a closed month from here when it has been
-- rolled up, and count the current month — and any month not rolled up yet — live.
CREATE TABLE cockpit_rollup_months (
  month         text        PRIMARY KEY CHECK (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  refreshed_at  timestamptz NOT NULL
);

CREATE TABLE cockpit_monthly_figures (
  month          text        NOT NULL REFERENCES cockpit_rollup_months (month) ON DELETE CASCADE,
  -- the handling unit; '' for figures that have none (an appeal still with the task force)
  department_key text        NOT NULL,
  department_id  uuid        REFERENCES departments (id),
  figures        jsonb       NOT NULL,
  PRIMARY KEY (month, department_key)
);

-- The month columns the live counts group by that had no index of their own.
CREATE INDEX IF NOT EXISTS benefit_claims_created_idx ON benefit_claims (created_at);
CREATE INDEX IF NOT EXISTS benefit_payouts_paid_on_idx ON benefit_payouts (paid_on);
CREATE INDEX IF NOT EXISTS policy_pushes_detected_idx ON policy_pushes (detected_at);
CREATE INDEX IF NOT EXISTS supervision_cases_opened_idx ON supervision_cases (opened_at);

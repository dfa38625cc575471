-- Services: the 办不成事 desk (issue 12, item 7). An application that is refused, not accepted,
-- terminated or blocked becomes one appeal in the pool, linked both ways: the application points at
-- its appeal, the appeal at its application. Once per application (the unique index holds it even
-- against two taps at once).
ALTER TABLE applications ADD COLUMN appeal_id uuid REFERENCES appeals (id);
ALTER TABLE appeals ADD COLUMN application_id uuid REFERENCES applications (id);
CREATE UNIQUE INDEX appeals_application_idx ON appeals (application_id) WHERE application_id IS NOT NULL;

-- Figures (item 8) read applications by the month they were received and the month they were decided.
CREATE INDEX applications_received_idx ON applications (received_at) WHERE received_at IS NOT NULL;
CREATE INDEX applications_decided_idx ON applications (decided_at) WHERE decided_at IS NOT NULL;

-- Publishing a policy as a decision with its consequences shown (docs/decisions/0021-publication-preview.md).
--
-- no_cap_reason: a money item without a budget cap says why ("tax relief by law, no budget"), written
-- by its officers or by whoever publishes it; a money item with neither cannot be published.
-- exclusion: what the item grants, so it is not offered to enterprises that already hold it
-- ({ clause, tag, sinceFact, validYears }: "high-tech recognition, valid three years from its date").
ALTER TABLE benefit_items ADD COLUMN no_cap_reason text;
ALTER TABLE benefit_items ADD COLUMN exclusion jsonb;

-- An item's exclusion is part of its rules: a change makes a new rule version.
ALTER TABLE benefit_rule_versions ADD COLUMN exclusion jsonb;

-- The preview the publication was decided on: per item counts and estimated cost, the pushes, and
-- the digest the publisher confirmed. NULL for versions published before previews existed, and for
-- policies the system put in force (demo data).
ALTER TABLE policy_versions ADD COLUMN preview jsonb;

-- Rules of publication an administrator can change without a release (one row; absent: defaults).
CREATE TABLE policy_settings (
  id         int         PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  settings   jsonb       NOT NULL,
  version    int         NOT NULL DEFAULT 1,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);

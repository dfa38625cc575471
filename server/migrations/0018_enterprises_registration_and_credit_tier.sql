-- An enterprise whose credit code was issued by an authority outside the city (positions 3–8) may
-- register only with a reason, which the bureau's staff read (docs/decisions/0017).
ALTER TABLE enterprises
  ADD COLUMN out_of_city_reason text
    CHECK (out_of_city_reason IN ('higher_authority', 'operates_here', 'relocating', 'other')),
  ADD COLUMN out_of_city_note text,
  ADD CONSTRAINT enterprises_out_of_city_note_with_reason
    CHECK ((out_of_city_reason IS NULL) = (out_of_city_note IS NULL));

-- The credit tier is never invented: it is a fact the market-regulation department's data gives
-- (enterprise_facts keeps the import, the date and who sent it), or it is unknown. The old column
-- defaulted to 'B' for everyone and could be typed in by an administrator without a source, so its
-- values are not carried over; every one of them stays readable in enterprise_profile_versions and
-- in the audit trail.
ALTER TABLE enterprises DROP COLUMN credit_tier;
UPDATE fact_definitions SET is_profile_field = false WHERE key = 'creditTier';

-- Rules read the tier the column gave until now: every enterprise goes through the change feed once
-- more (the trigger stamps a new change_seq), so no match rests on a tier that is gone.
UPDATE enterprises SET change_seq = 0;

-- The kit's clock (kernel/cases/clock.ts) knows why it is paused, and whether the pause is a
-- suspension with its own limit (expert review, hearing, public notice). The appeals stored neither
-- on the clock, so a clock read back from its row lost them (decision 0038). Both are kept only while
-- the clock is paused; the pause row keeps them for good, so the timeline of pauses is data too.
ALTER TABLE appeal_clocks
  ADD COLUMN pause_reason             text,
  ADD COLUMN suspension_kind          text,
  ADD COLUMN suspension_since         timestamptz,
  ADD COLUMN suspension_limit_minutes int,
  ADD CONSTRAINT appeal_clocks_suspension_whole CHECK (
    (suspension_kind IS NULL AND suspension_since IS NULL AND suspension_limit_minutes IS NULL)
    OR (suspension_kind IS NOT NULL AND suspension_since IS NOT NULL AND suspension_limit_minutes > 0)
  );

-- A suspension is a pause with its own limit.
ALTER TABLE appeal_pauses
  ADD COLUMN suspension_kind          text,
  ADD COLUMN suspension_limit_minutes int,
  ADD CONSTRAINT appeal_pauses_suspension_whole CHECK (
    (suspension_kind IS NULL AND suspension_limit_minutes IS NULL)
    OR (suspension_kind IS NOT NULL AND suspension_limit_minutes > 0)
  );

-- The clocks paused now are paused for their appeal's open pause.
UPDATE appeal_clocks k
   SET pause_reason = p.reason
  FROM appeal_pauses p
 WHERE p.appeal_id = k.appeal_id
   AND p.ended_at IS NULL
   AND k.paused_since IS NOT NULL
   AND k.stopped_at IS NULL;

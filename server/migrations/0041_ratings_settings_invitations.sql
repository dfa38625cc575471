-- Ratings (issue 13 item 1), beyond the contract of 0040: the city's rating rules and the
-- invitations sent for finished cases nobody rated.
--
-- rating_settings: one row (absent until an administrator saves; the defaults live in the code):
-- invitation after N days, default ratings (off unless the city enables them; Guangdong: 7 days),
-- and the windows of the anomaly flags.
CREATE TABLE rating_settings (
  id         int         PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  settings   jsonb       NOT NULL,
  version    int         NOT NULL DEFAULT 1,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One invitation per case per stage, ever: the sweep inserts before it sends, so a rerun (or a
-- second node) never invites twice.
CREATE TABLE rating_invitations (
  subject_type  text        NOT NULL,
  subject_id    uuid        NOT NULL,
  stage         text        NOT NULL,
  enterprise_id uuid        REFERENCES enterprises (id),
  invited_at    timestamptz NOT NULL,
  PRIMARY KEY (subject_type, subject_id, stage)
);

-- The anomaly flags look back a short window: identical ratings of one unit, one device's ratings.
CREATE INDEX ratings_device_idx ON ratings (device_hash, rated_at) WHERE device_hash IS NOT NULL;

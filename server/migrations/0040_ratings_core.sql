-- Ratings (好差评, issue 13 item 1): one model for every case. A case is a (subject_type, subject_id)
-- pair — an appeal, a benefit claim, a service application, a payout, an inspection, or the
-- rectification of a bad rating (its second rating). One rating per case per stage (一事一评): the
-- unique index holds it even against two taps at once.
--
-- Levels follow GB/T 39734 and 国办发〔2019〕51号: 5 非常满意, 4 满意, 3 基本满意, 2 不满意,
-- 1 非常不满意; a bad rating (差评) is level ≤ 2. `level` is the overall rating; the national online
-- dimensions (efficiency, guide accuracy, convenience, usability) are optional, each 1–5.
--
-- A default rating (默认评价: a city may set one when none was given after N days) is kind 'default'
-- and is always reported apart from given ones. An upheld rating appeal excludes a rating from the
-- figures (excluded_at) and the public statistics say so.
CREATE TABLE ratings (
  id                    uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  subject_type          text        NOT NULL CHECK (subject_type IN
                          ('appeal', 'benefit_claim', 'application', 'payout', 'inspection', 'rectification')),
  subject_id            uuid        NOT NULL,
  stage                 text        NOT NULL DEFAULT 'final' CHECK (length(stage) BETWEEN 1 AND 40),
  -- the handling unit the rating is about ("谁办理谁负责"): the rectification goes to it
  department_id         uuid        REFERENCES departments (id),
  enterprise_id         uuid        REFERENCES enterprises (id),
  kind                  text        NOT NULL DEFAULT 'given' CHECK (kind IN ('given', 'default')),
  channel               text        NOT NULL DEFAULT 'online' CHECK (channel IN ('online', 'window', 'phone', 'sms', 'system')),
  level                 smallint    NOT NULL CHECK (level BETWEEN 1 AND 5),
  efficiency            smallint    CHECK (efficiency BETWEEN 1 AND 5),
  guide_accuracy        smallint    CHECK (guide_accuracy BETWEEN 1 AND 5),
  convenience           smallint    CHECK (convenience BETWEEN 1 AND 5),
  usability             smallint    CHECK (usability BETWEEN 1 AND 5),
  comment               text        CHECK (length(comment) <= 2000),
  -- who rated (null only for a default rating); the handling unit does not see it until the case closes
  rated_by              uuid        REFERENCES users (id),
  -- a hash of the rating device (anomaly flag: one device rating many cases), never the raw value
  device_hash           text,
  rated_at              timestamptz NOT NULL DEFAULT now(),
  -- anomaly flags set when the rating is recorded: 'burst', 'right_after_action', 'device_many'
  flags                 text[]      NOT NULL DEFAULT '{}',
  excluded_at           timestamptz,
  excluded_reason       text,
  CHECK (kind = 'given' OR rated_by IS NULL),
  UNIQUE (subject_type, subject_id, stage)
);

-- Figures by month and department; the bad ones first for the rectification sweep.
CREATE INDEX ratings_rated_at_idx ON ratings (rated_at, department_id);
CREATE INDEX ratings_department_idx ON ratings (department_id, rated_at);
CREATE INDEX ratings_bad_idx ON ratings (rated_at) WHERE level <= 2 AND excluded_at IS NULL;
CREATE INDEX ratings_enterprise_idx ON ratings (enterprise_id, rated_at);

-- Match results, compactly: one bitmap per item and outcome in chunks of 65,536 enterprises (bit i
-- of chunk c is the enterprise whose match index is c·65536 + i) — never a row per pair. Outcome 1 is
-- eligible, 2 undetermined; ineligible is every other enterprise. A run rewrites only the chunks
-- that changed, so this table is always the previous run until the next one commits.
CREATE TABLE policy_match_chunks (
  item_id uuid     NOT NULL REFERENCES benefit_items (id),
  outcome smallint NOT NULL CHECK (outcome IN (1, 2)),
  chunk   int      NOT NULL,
  bits    bytea    NOT NULL,
  run_id  bigint   NOT NULL,
  PRIMARY KEY (item_id, outcome, chunk)
);
-- Bitmaps do not compress well with pglz; stored as is they can be read a byte at a time.
ALTER TABLE policy_match_chunks ALTER COLUMN bits SET STORAGE EXTERNAL;

CREATE TABLE policy_match_runs (
  id             bigserial   PRIMARY KEY,
  kind           text        NOT NULL CHECK (kind IN ('full', 'items', 'enterprises')),
  is_baseline    boolean     NOT NULL DEFAULT false,   -- a first run: state recorded, nobody pushed
  started_at     timestamptz NOT NULL DEFAULT now(),
  finished_at    timestamptz,
  enterprises    int         NOT NULL DEFAULT 0,
  items          int         NOT NULL DEFAULT 0,
  newly_eligible int         NOT NULL DEFAULT 0,
  pushes         int         NOT NULL DEFAULT 0,
  fact_seq       bigint      NOT NULL DEFAULT 0,
  compute_ms     int,
  persist_ms     int
);

-- Counts per item after the latest run: what dashboards and the evaluation read.
CREATE TABLE policy_match_counts (
  item_id      uuid        PRIMARY KEY REFERENCES benefit_items (id),
  rule_version int         NOT NULL,
  eligible     int         NOT NULL,
  undetermined int         NOT NULL,
  ineligible   int         NOT NULL,
  run_id       bigint      NOT NULL,
  computed_at  timestamptz NOT NULL DEFAULT now()
);

-- Where the change feed of facts was read up to (one row).
CREATE TABLE policy_match_state (
  id       int    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  fact_seq bigint NOT NULL DEFAULT 0
);
INSERT INTO policy_match_state (id, fact_seq) VALUES (1, 0);

-- 政策直达: an enterprise that became eligible is told. One row per newly eligible pair (an event,
-- not the match state), with what happened: told, held back by its subscription, viewed.
CREATE TABLE policy_pushes (
  id              bigserial   PRIMARY KEY,
  item_id         uuid        NOT NULL REFERENCES benefit_items (id),
  enterprise_id   uuid        NOT NULL REFERENCES enterprises (id),
  run_id          bigint      NOT NULL REFERENCES policy_match_runs (id),
  detected_at     timestamptz NOT NULL DEFAULT now(),
  status          text        NOT NULL CHECK (status IN ('notified', 'not_subscribed', 'opted_out')),
  notification_id uuid        REFERENCES notifications (id),
  viewed_at       timestamptz
);

CREATE INDEX policy_pushes_enterprise_idx ON policy_pushes (enterprise_id, item_id);
CREATE INDEX policy_pushes_item_idx ON policy_pushes (item_id);

-- 企业点菜: what an enterprise wants to hear about, and whether it wants pushes at all.
CREATE TABLE policy_subscriptions (
  enterprise_id   uuid        PRIMARY KEY REFERENCES enterprises (id),
  topics          text[]      NOT NULL DEFAULT '{}',   -- empty: every topic
  is_push_enabled boolean     NOT NULL DEFAULT true,
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE enterprise_needs (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id uuid        NOT NULL REFERENCES enterprises (id),
  topic         text        NOT NULL,
  text          text        NOT NULL,
  status        text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'closed')),
  answer        text,
  answered_by   uuid        REFERENCES users (id),
  answered_at   timestamptz,
  created_by    uuid        NOT NULL REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX enterprise_needs_enterprise_idx ON enterprise_needs (enterprise_id, created_at DESC);
CREATE INDEX enterprise_needs_topic_idx ON enterprise_needs (topic, status);

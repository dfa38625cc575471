-- Random draws anyone can re-run (双随机一公开; issue 14 item 3; decision 0061). Targets are drawn from the
-- enterprise list by credit tier and inspectors from the body's certified inspectors, from a seed that
-- at least three named parties commit to before the list is frozen and reveal after it. Every hash is
-- kept so the public page can show it at every step; the frozen list is kept byte for byte, so anyone
-- can download it and re-run the draw (server/scripts/draw-rerun.ts).

CREATE TABLE random_draws (
  id                     uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the inspecting body (a department): its certified inspectors are drawn
  department_id          uuid        NOT NULL REFERENCES departments (id),
  title                  text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- what the inspection covers (检查事项 / 范围), in words; the items themselves in random_draw_items
  scope                  text        NOT NULL CHECK (length(scope) BETWEEN 1 AND 2000),
  -- the target filter: the enterprises of a division and/or an industry (prefix), or all
  division_code          char(6),
  industry_code          text,
  -- sample ratio per tier in basis points {"A":500,"B":1000,"C":3000,"D":7000,"U":1000}
  ratios                 jsonb       NOT NULL,
  inspectors_per_target  int         NOT NULL CHECK (inspectors_per_target BETWEEN 2 AND 10),
  algorithm              text        NOT NULL,
  status                 text        NOT NULL DEFAULT 'committing'
                           CHECK (status IN ('committing', 'revealing', 'drawn', 'published')),
  -- the frozen list's canonical text and its SHA-256, set together when the list is frozen
  list_text              text,
  list_hash              text,
  enterprise_count       int,
  inspector_count        int,
  beacon                 text,
  seed                   text,
  -- the deadline for publishing the result (the setting's working days after the draw)
  publish_due_at         timestamptz,
  opened_by              uuid        NOT NULL REFERENCES users (id),
  opened_at              timestamptz NOT NULL,
  frozen_at              timestamptz,
  drawn_at               timestamptz,
  published_at           timestamptz,
  published_by           uuid        REFERENCES users (id),
  version                int         NOT NULL DEFAULT 1,
  CHECK ((list_text IS NULL) = (list_hash IS NULL)),
  CHECK ((status = 'committing') = (list_hash IS NULL)),
  CHECK ((status IN ('drawn', 'published')) = (seed IS NOT NULL))
);
CREATE INDEX random_draws_department_idx ON random_draws (department_id, opened_at DESC);

-- The published inspection items the draw covers (optional: the scope text always says it).
CREATE TABLE random_draw_items (
  draw_id  uuid NOT NULL REFERENCES random_draws (id),
  item_id  uuid NOT NULL REFERENCES inspection_items (id),
  PRIMARY KEY (draw_id, item_id)
);

-- The named parties of the commit–reveal, in the fixed order their secrets enter the seed.
CREATE TABLE random_draw_parties (
  draw_id       uuid        NOT NULL REFERENCES random_draws (id),
  position      int         NOT NULL CHECK (position >= 1),
  user_id       uuid        NOT NULL REFERENCES users (id),
  -- who the party stands for: the body, the bureau, a supervisor or notary
  capacity      text        NOT NULL CHECK (capacity IN ('body', 'bureau', 'supervisor', 'notary')),
  commitment    text        CHECK (commitment ~ '^[0-9a-f]{64}$'),
  committed_at  timestamptz,
  secret        text,
  revealed_at   timestamptz,
  PRIMARY KEY (draw_id, position),
  UNIQUE (draw_id, user_id),
  CHECK ((commitment IS NULL) = (committed_at IS NULL)),
  CHECK ((secret IS NULL) = (revealed_at IS NULL)),
  CHECK (secret IS NULL OR commitment IS NOT NULL)
);
CREATE INDEX random_draw_parties_user_idx ON random_draw_parties (user_id);

-- The result: the chosen enterprises in the draw's order, each with its ticket and its inspectors.
CREATE TABLE random_draw_targets (
  draw_id             uuid   NOT NULL REFERENCES random_draws (id),
  position            int    NOT NULL CHECK (position >= 1),
  enterprise_id       uuid   NOT NULL REFERENCES enterprises (id),
  tier                char(1) NOT NULL CHECK (tier IN ('A', 'B', 'C', 'D', 'U')),
  ticket              text   NOT NULL,
  inspector_user_ids  uuid[] NOT NULL,
  PRIMARY KEY (draw_id, position),
  UNIQUE (draw_id, enterprise_id)
);
CREATE INDEX random_draw_targets_enterprise_idx ON random_draw_targets (enterprise_id);

-- The city's setting: results are published within this many working days after the draw
-- (SAMR: 抽查检查结果 20 个工作日内公示). One row, or none for the default.
CREATE TABLE random_draw_settings (
  id                           boolean     PRIMARY KEY DEFAULT true CHECK (id),
  publish_within_working_days  int         NOT NULL CHECK (publish_within_working_days BETWEEN 1 AND 60),
  version                      int         NOT NULL DEFAULT 1,
  updated_by                   uuid        REFERENCES users (id),
  updated_at                   timestamptz NOT NULL DEFAULT now()
);

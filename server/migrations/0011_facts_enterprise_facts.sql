-- What rules can talk about. Built-in facts are seeded by the application (server/src/modules/facts/
-- builtin-facts.ts); an administrator adds more without a release (a new policy needs a new fact).
CREATE TABLE fact_definitions (
  key              text        PRIMARY KEY CHECK (key ~ '^[a-z][A-Za-z0-9]{1,47}$'),
  label_zh         text        NOT NULL UNIQUE,
  label_en         text        NOT NULL,
  type             text        NOT NULL CHECK (type IN ('number', 'integer', 'money', 'ratio', 'boolean', 'date',
                                                        'enum', 'tags', 'industry', 'division')),
  unit_zh          text,
  unit_en          text,
  allowed_values   jsonb,                         -- enum and tags: [{code, zh, en}]
  is_periodic      boolean     NOT NULL DEFAULT false,
  max_age_years    int         CHECK (max_age_years BETWEEN 1 AND 10),
  formula          text,                          -- a derived fact: an expression over other facts
  is_profile_field boolean     NOT NULL DEFAULT false,
  is_builtin       boolean     NOT NULL DEFAULT false,
  -- who may give a value: the enterprise ('declared') and/or departments' verified data
  sources          text[]      NOT NULL DEFAULT '{declared}',
  description_zh   text,
  description_en   text,
  sort_order       int         NOT NULL DEFAULT 0,
  is_active        boolean     NOT NULL DEFAULT true,
  version          int         NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);

-- A department's data file (tax, social security, market regulation …): who sent what, row by row.
CREATE TABLE fact_imports (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  source        text        NOT NULL,
  department_id uuid        REFERENCES departments (id),
  file_name     text        NOT NULL,
  file_sha256   text        NOT NULL,
  rows_total    int         NOT NULL,
  rows_applied  int         NOT NULL,
  rows_failed   int         NOT NULL,
  report        jsonb       NOT NULL,            -- every row: applied, unchanged or its errors
  imported_by   uuid        NOT NULL REFERENCES users (id),
  imported_at   timestamptz NOT NULL DEFAULT now()
);

-- Every value ever given, with its period and source: the history an explanation can cite.
CREATE TABLE enterprise_facts (
  id            bigserial   PRIMARY KEY,
  enterprise_id uuid        NOT NULL REFERENCES enterprises (id),
  fact_key      text        NOT NULL REFERENCES fact_definitions (key),
  period        text        NOT NULL DEFAULT '' CHECK (period = '' OR period ~ '^\d{4}$'),
  value         jsonb,                            -- null: the value was withdrawn
  source        text        NOT NULL CHECK (source IN ('declared', 'tax', 'social_security', 'market_regulation',
                                                       'science', 'statistics', 'other_department')),
  is_verified   boolean     NOT NULL,
  import_id     uuid        REFERENCES fact_imports (id),
  recorded_by   uuid        REFERENCES users (id),
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  superseded_at timestamptz
);

CREATE UNIQUE INDEX enterprise_facts_current_idx ON enterprise_facts (enterprise_id, fact_key, period, source)
  WHERE superseded_at IS NULL;
CREATE INDEX enterprise_facts_import_idx ON enterprise_facts (import_id) WHERE import_id IS NOT NULL;

-- The engine notices what changed since it last looked by a sequence both tables draw from.
CREATE SEQUENCE fact_change_seq;

CREATE FUNCTION bump_fact_change_seq() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.change_seq := nextval('fact_change_seq');
  RETURN NEW;
END
$$;

-- The value each enterprise has now, per fact (the latest period; within a period a department's
-- verified value over the enterprise's own): what the engine loads and explanations cite.
CREATE TABLE enterprise_fact_values (
  enterprise_id uuid             NOT NULL REFERENCES enterprises (id),
  fact_key      text             NOT NULL REFERENCES fact_definitions (key),
  value_num     double precision,
  value_text    text,
  value_tags    text[],
  period        text             NOT NULL,
  source        text             NOT NULL,
  is_verified   boolean          NOT NULL,
  fact_id       bigint           NOT NULL REFERENCES enterprise_facts (id),
  change_seq    bigint           NOT NULL,
  PRIMARY KEY (enterprise_id, fact_key)
);

CREATE INDEX enterprise_fact_values_seq_idx ON enterprise_fact_values (change_seq);
CREATE TRIGGER enterprise_fact_values_seq BEFORE INSERT OR UPDATE ON enterprise_fact_values
  FOR EACH ROW EXECUTE FUNCTION bump_fact_change_seq();

-- Profile fields are facts too: a changed profile is seen by the engine the same way.
ALTER TABLE enterprises ADD COLUMN change_seq bigint NOT NULL DEFAULT nextval('fact_change_seq');
CREATE INDEX enterprises_change_seq_idx ON enterprises (change_seq);
CREATE TRIGGER enterprises_fact_seq BEFORE UPDATE ON enterprises
  FOR EACH ROW EXECUTE FUNCTION bump_fact_change_seq();

-- A stable small number per enterprise: its bit in the match bitmaps (never reused).
CREATE SEQUENCE enterprise_match_index_seq MINVALUE 0 START 0;
ALTER TABLE enterprises ADD COLUMN match_index int NOT NULL DEFAULT nextval('enterprise_match_index_seq');
CREATE UNIQUE INDEX enterprises_match_index_idx ON enterprises (match_index);

-- Which departments' data verifies which source (the tax bureau for 'tax', …): only their staff
-- import it. Seeded with the city; an administrator changes it.
CREATE TABLE fact_source_departments (
  source        text NOT NULL CHECK (source IN ('tax', 'social_security', 'market_regulation', 'science',
                                                'statistics', 'other_department')),
  department_id uuid NOT NULL REFERENCES departments (id),
  PRIMARY KEY (source, department_id)
);

-- Policy documents (政策文件) and their redeemable benefit items (兑现事项). What officers edit is the
-- working copy (these tables); what enterprises see and the engine matches is the latest published
-- version (policy_versions.snapshot), so a revision in progress never changes what is in force.
CREATE TABLE policies (
  id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  title               text        NOT NULL,
  issuer              text        NOT NULL,
  document_number     text,                       -- 文号
  level               text        NOT NULL CHECK (level IN ('national', 'provincial', 'city', 'district')),
  issued_on           date,
  effective_from      date,
  effective_to        date,
  summary             text        NOT NULL DEFAULT '',
  full_text           text        NOT NULL DEFAULT '',
  source_url          text,
  topics              text[]      NOT NULL DEFAULT '{}',
  owner_department_id uuid        NOT NULL REFERENCES departments (id),
  -- the document's life: draft → review → published → (amended) → expired | repealed
  status              text        NOT NULL DEFAULT 'draft'
                                  CHECK (status IN ('draft', 'review', 'published', 'amended', 'expired', 'repealed')),
  -- a revision of an in-force policy being prepared: the published version stays in force meanwhile
  revision_status     text        CHECK (revision_status IN ('draft', 'review')),
  published_version   int,
  submitted_by        uuid        REFERENCES users (id),
  submitted_at        timestamptz,
  status_note         text,
  version             int         NOT NULL DEFAULT 1,
  created_by          uuid        REFERENCES users (id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (effective_to IS NULL OR effective_from IS NULL OR effective_to >= effective_from)
);

CREATE INDEX policies_status_idx ON policies (status);
CREATE INDEX policies_owner_idx ON policies (owner_department_id);

-- Every published version, whole: the policy, its items and their rules as they were in force.
CREATE TABLE policy_versions (
  policy_id    uuid        NOT NULL REFERENCES policies (id),
  version_no   int         NOT NULL,
  snapshot     jsonb       NOT NULL,
  published_by uuid        REFERENCES users (id),
  published_at timestamptz NOT NULL DEFAULT now(),
  note         text,
  PRIMARY KEY (policy_id, version_no)
);

CREATE TABLE policy_attachments (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  policy_id    uuid        NOT NULL REFERENCES policies (id),
  file_name    text        NOT NULL,
  content_type text        NOT NULL,
  size_bytes   int         NOT NULL,
  sha256       text        NOT NULL,
  bytes        bytea       NOT NULL,
  uploaded_by  uuid        NOT NULL REFERENCES users (id),
  uploaded_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX policy_attachments_policy_idx ON policy_attachments (policy_id);

CREATE TABLE benefit_items (
  id                    uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
  policy_id             uuid          NOT NULL REFERENCES policies (id),
  code                  text          NOT NULL,   -- the clause it redeems: 第三条, （二）
  title                 text          NOT NULL,
  summary               text          NOT NULL DEFAULT '',
  -- what is given: a fixed amount, an amount by formula over facts, or a service (a recognition, a rate)
  benefit_kind          text          NOT NULL CHECK (benefit_kind IN ('amount', 'formula', 'service')),
  amount                numeric(18,2),
  amount_formula        text,
  mode                  text          NOT NULL CHECK (mode IN ('no_application', 'fast_application', 'standard_application')),
  department_id         uuid          NOT NULL REFERENCES departments (id),
  budget_cap            numeric(18,2) CHECK (budget_cap >= 0),
  required_materials    jsonb         NOT NULL DEFAULT '[]',
  promised_working_days int           NOT NULL DEFAULT 10 CHECK (promised_working_days BETWEEN 1 AND 120),
  -- each condition: { id, clause (the policy text it comes from), rule (the rule language), note }
  conditions            jsonb         NOT NULL DEFAULT '[]',
  effective_from        date,
  effective_to          date,
  topics                text[]        NOT NULL DEFAULT '{}',
  is_push_enabled       boolean       NOT NULL DEFAULT true,
  sort_order            int           NOT NULL DEFAULT 0,
  is_active             boolean       NOT NULL DEFAULT true,
  version               int           NOT NULL DEFAULT 1,
  created_at            timestamptz   NOT NULL DEFAULT now(),
  updated_at            timestamptz   NOT NULL DEFAULT now(),
  UNIQUE (policy_id, code)
);

CREATE INDEX benefit_items_policy_idx ON benefit_items (policy_id);
CREATE INDEX benefit_items_department_idx ON benefit_items (department_id);

-- Each item's rules as published, with the dates they apply: an explanation names the version it used.
CREATE TABLE benefit_rule_versions (
  item_id        uuid        NOT NULL REFERENCES benefit_items (id),
  rule_version   int         NOT NULL,
  conditions     jsonb       NOT NULL,
  amount_formula text,
  effective_from date,
  effective_to   date,
  policy_version int         NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (item_id, rule_version)
);

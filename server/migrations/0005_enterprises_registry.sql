CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Market entities, identified by the unified social credit code (GB 32100-2015).
CREATE TABLE enterprises (
  id                   uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
  uscc                 char(18)      NOT NULL UNIQUE,
  name                 text          NOT NULL,
  legal_representative text          NOT NULL,
  division_code        char(6)       NOT NULL,
  industry_code        text          NOT NULL,
  size_class           text          NOT NULL CHECK (size_class IN ('large', 'medium', 'small', 'micro')),
  founded_on           date          NOT NULL,
  employees            int           NOT NULL CHECK (employees >= 0),
  annual_revenue       numeric(18,2) CHECK (annual_revenue >= 0),
  tags                 text[]        NOT NULL DEFAULT '{}',
  credit_tier          char(1)       NOT NULL DEFAULT 'B' CHECK (credit_tier IN ('A', 'B', 'C', 'D')),
  address              text,
  contact_phone        text,
  is_demo              boolean       NOT NULL DEFAULT false,
  version              int           NOT NULL DEFAULT 1,
  created_at           timestamptz   NOT NULL DEFAULT now(),
  updated_at           timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX enterprises_division_idx ON enterprises (division_code);
CREATE INDEX enterprises_industry_idx ON enterprises (industry_code);
CREATE INDEX enterprises_name_trgm_idx ON enterprises USING gin (name gin_trgm_ops);

-- Every version of a profile, whole, so later capabilities can react to and reason about changes.
CREATE TABLE enterprise_profile_versions (
  enterprise_id  uuid        NOT NULL REFERENCES enterprises (id),
  version        int         NOT NULL,
  profile        jsonb       NOT NULL,
  changed_fields text[]      NOT NULL,
  changed_by     uuid,
  changed_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enterprise_id, version)
);

-- Who may act for an enterprise. A user may act for several enterprises.
CREATE TABLE enterprise_members (
  enterprise_id uuid        NOT NULL REFERENCES enterprises (id),
  user_id       uuid        NOT NULL REFERENCES users (id),
  role          text        NOT NULL CHECK (role IN ('manager', 'agent')),
  added_by      uuid,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enterprise_id, user_id)
);

CREATE INDEX enterprise_members_user_idx ON enterprise_members (user_id);

-- Government units as a tree: the city, its departments and district governments, their divisions.
CREATE TABLE departments (
  id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  code              text        NOT NULL UNIQUE,
  name              text        NOT NULL,
  short_name        text,
  kind              text        NOT NULL CHECK (kind IN ('city', 'department', 'district', 'division')),
  parent_id         uuid        REFERENCES departments (id),
  division_code     char(6),
  is_bureau         boolean     NOT NULL DEFAULT false,
  is_fallback_owner boolean     NOT NULL DEFAULT false,
  is_active         boolean     NOT NULL DEFAULT true,
  sort_order        int         NOT NULL DEFAULT 0,
  version           int         NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'city') = (parent_id IS NULL))
);

CREATE INDEX departments_parent_idx ON departments (parent_id);

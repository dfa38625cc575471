-- Services: 一件事一次办 — bundles (issue 12, item 5). A bundle is one application an enterprise
-- files once and the platform fans out to several matters and departments; its promised limit is
-- shorter than doing the matters one by one (the whole point), so it is kept beside the sum it beats.
CREATE TABLE service_bundles (
  id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  code                text        NOT NULL UNIQUE,
  name                text        NOT NULL,
  description         text        NOT NULL DEFAULT '',
  promised_limit_days int         NOT NULL CHECK (promised_limit_days >= 0),
  -- the sum of the members' promised limits when the bundle was last written or published: the
  -- bundle must promise less than that (the service recomputes it from the current versions)
  members_limit_days  int         NOT NULL CHECK (members_limit_days >= 0),
  is_published        boolean     NOT NULL DEFAULT false,
  published_at        timestamptz,
  published_by        uuid        REFERENCES users (id),
  created_by          uuid        REFERENCES users (id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT service_bundle_shorter_than_members CHECK (promised_limit_days < members_limit_days),
  CHECK (is_published = (published_at IS NOT NULL))
);

-- The member matters, in the order the guide and the merged form list them. Members of one stage
-- are handled in parallel; a later stage's department works from an earlier stage's result.
CREATE TABLE service_bundle_members (
  bundle_id uuid NOT NULL REFERENCES service_bundles (id),
  matter_id uuid NOT NULL REFERENCES service_matters (id),
  position  int  NOT NULL CHECK (position > 0),
  stage     int  NOT NULL DEFAULT 1 CHECK (stage > 0),
  PRIMARY KEY (bundle_id, matter_id),
  UNIQUE (bundle_id, position)
);
CREATE INDEX service_bundle_members_matter_idx ON service_bundle_members (matter_id);

-- One enterprise's bundle application: the merged form's data, kept while it is a draft, then
-- fanned out to one child application per member matter (each on its own matter version and clock).
CREATE TABLE bundle_applications (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  bundle_id       uuid        NOT NULL REFERENCES service_bundles (id),
  enterprise_id   uuid        NOT NULL REFERENCES enterprises (id),
  created_by      uuid        NOT NULL REFERENCES users (id),
  status          text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  form_data       jsonb       NOT NULL DEFAULT '{}',
  created_at      timestamptz NOT NULL DEFAULT now(),
  saved_at        timestamptz NOT NULL DEFAULT now(),
  submitted_at    timestamptz,
  -- the bundle's promised limit counted from submission (the city's working calendar)
  promised_due_at timestamptz,
  version         int         NOT NULL DEFAULT 1,
  CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
);
CREATE INDEX bundle_applications_created_by_idx ON bundle_applications (created_by, created_at DESC);
CREATE INDEX bundle_applications_created_at_idx ON bundle_applications (created_at DESC);

-- The parts: each child application of a bundle application (an application belongs to one bundle at most).
CREATE TABLE bundle_application_parts (
  bundle_application_id uuid NOT NULL REFERENCES bundle_applications (id),
  application_id        uuid NOT NULL UNIQUE REFERENCES applications (id),
  matter_id             uuid NOT NULL REFERENCES service_matters (id),
  department_id         uuid NOT NULL REFERENCES departments (id),
  position              int  NOT NULL CHECK (position > 0),
  stage                 int  NOT NULL CHECK (stage > 0),
  PRIMARY KEY (bundle_application_id, position)
);
-- a department's monitor: the bundle applications that include one of its parts
CREATE INDEX bundle_application_parts_department_idx ON bundle_application_parts (department_id, bundle_application_id);

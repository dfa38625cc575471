-- Services: an application's materials (issue 12, items 2 and 6). A material of the version's list
-- is satisfied by a file the applicant uploaded, by a file they uploaded for an earlier application
-- and agreed to reuse (一次提交), by an active e-certificate of the enterprise (证照免提交), or by the
-- platform itself (platformSupplies: 营业执照 from the registry). Files live in PostgreSQL like
-- appeals' attachments.
CREATE TABLE application_uploads (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id uuid        NOT NULL REFERENCES enterprises (id),
  file_name     text        NOT NULL,
  content_type  text        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size_bytes    int         NOT NULL CHECK (size_bytes > 0),
  sha256        text        NOT NULL,
  content       bytea       NOT NULL,
  uploaded_by   uuid        NOT NULL REFERENCES users (id),
  uploaded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX application_uploads_enterprise_idx ON application_uploads (enterprise_id, uploaded_at DESC);

CREATE TABLE application_materials (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid        NOT NULL REFERENCES applications (id),
  -- the name as in the version's materials list (a bundle's parts share a material by its name)
  material_name  text        NOT NULL,
  source         text        NOT NULL CHECK (source IN ('upload', 'certificate', 'platform', 'reused')),
  upload_id      uuid        REFERENCES application_uploads (id),
  certificate_id uuid        REFERENCES certificates (id),
  -- 一次提交: an earlier file is reused only with the applicant's consent, given at that moment
  consented      boolean     NOT NULL DEFAULT false,
  created_by     uuid        REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((source IN ('upload', 'reused')) = (upload_id IS NOT NULL)),
  CHECK ((source = 'certificate') = (certificate_id IS NOT NULL)),
  CHECK (source <> 'reused' OR consented)
);
CREATE INDEX application_materials_application_idx ON application_materials (application_id, material_name);
-- what an enterprise may reuse: its files by the material they were given for
CREATE INDEX application_materials_upload_idx ON application_materials (upload_id) WHERE upload_id IS NOT NULL;
-- one certificate or platform entry per material
CREATE UNIQUE INDEX application_materials_one_supplied ON application_materials (application_id, material_name)
  WHERE source IN ('certificate', 'platform');

-- When the applicant's form was last saved (autosave shows 已保存 with the time).
ALTER TABLE applications ADD COLUMN form_saved_at timestamptz;

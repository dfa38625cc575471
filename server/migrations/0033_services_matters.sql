-- Services: the catalogue of service matters (事项). A matter is a 主项, a 子项 under it, or a
-- 业务办理项 (variant: new / change / renewal / cancellation) under either. Its content lives in
-- versions: one draft at a time, published versions are never changed, and the matter points at
-- its current published version, so an application stays on the version it was filed under.
CREATE TABLE service_matters (
  id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  code               text        NOT NULL UNIQUE,
  parent_id          uuid        REFERENCES service_matters (id),
  variant            text        CHECK (variant IN ('new', 'change', 'renewal', 'cancellation')),
  department_id      uuid        NOT NULL REFERENCES departments (id),
  current_version_id uuid,
  created_by         uuid        REFERENCES users (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  -- a variant (业务办理项) always sits under a 主项 or 子项
  CHECK (variant IS NULL OR parent_id IS NOT NULL)
);
CREATE INDEX service_matters_parent_idx ON service_matters (parent_id);
CREATE INDEX service_matters_department_idx ON service_matters (department_id);

CREATE TABLE service_matter_versions (
  id                   uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  matter_id            uuid        NOT NULL REFERENCES service_matters (id),
  number               int         NOT NULL CHECK (number > 0),
  status               text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  -- the six basic elements (the department is the matter's)
  name                 text        NOT NULL,
  matter_type          text        NOT NULL CHECK (matter_type IN (
    'licence', 'confirmation', 'payment', 'reward', 'filing', 'other_power', 'public_service')),
  implementing_body    text        NOT NULL,
  legal_basis          text        NOT NULL,
  conditions           text        NOT NULL,
  -- [{ name, templateFileId, platformSupplies, notRequiredWhen }]
  materials            jsonb       NOT NULL DEFAULT '[]',
  -- [{ name, amount, basis }]; empty: free of charge
  fees                 jsonb       NOT NULL DEFAULT '[]',
  statutory_limit_days int         NOT NULL CHECK (statutory_limit_days >= 0),
  promised_limit_days  int         NOT NULL CHECK (promised_limit_days >= 0),
  -- [{ kind, limitDays, countsInStatutoryLimit }]
  special_steps        jsonb       NOT NULL DEFAULT '[]',
  visits_needed        int         NOT NULL CHECK (visits_needed >= 0),
  online_level         text        NOT NULL CHECK (online_level IN ('none', 'query', 'download', 'partial', 'full')),
  -- [{ question, answer }]
  faq                  jsonb       NOT NULL DEFAULT '[]',
  -- the jieba words of the name, legal basis, conditions and materials (services/matter-words.ts)
  search_words         text[]      NOT NULL DEFAULT '{}',
  created_by           uuid        REFERENCES users (id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  published_by         uuid        REFERENCES users (id),
  published_at         timestamptz,
  UNIQUE (matter_id, number),
  CONSTRAINT service_matter_promised_within_statutory CHECK (promised_limit_days <= statutory_limit_days),
  CHECK ((status = 'published') = (published_at IS NOT NULL))
);
-- one draft per matter at a time
CREATE UNIQUE INDEX service_matter_versions_one_draft ON service_matter_versions (matter_id) WHERE status = 'draft';
CREATE INDEX service_matter_versions_words_idx ON service_matter_versions USING gin (search_words);

ALTER TABLE service_matters
  ADD CONSTRAINT service_matters_current_version_fk FOREIGN KEY (current_version_id) REFERENCES service_matter_versions (id);

-- A published version is never changed: applications filed under it keep reading what they were filed under.
CREATE FUNCTION service_matter_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'service matter version % is published and cannot change', OLD.id;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER service_matter_versions_immutable BEFORE UPDATE OR DELETE ON service_matter_versions
  FOR EACH ROW EXECUTE FUNCTION service_matter_versions_immutable();

-- The version an application was filed under (null for applications opened before the catalogue).
ALTER TABLE applications ADD COLUMN matter_version_id uuid REFERENCES service_matter_versions (id);

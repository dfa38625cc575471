-- Certificates (电子证照): a signed document with a status, issued to an enterprise by a department.
-- "expired" is not stored: it follows from valid_until and the city's date when read.
CREATE TABLE certificates (
  id                     uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  number                 text        NOT NULL UNIQUE,
  kind                   text        NOT NULL CHECK (kind IN ('licence', 'approval', 'filing', 'other')),
  enterprise_id          uuid        NOT NULL REFERENCES enterprises (id),
  holder_name            text        NOT NULL,
  holder_uscc            text        NOT NULL,
  title                  text        NOT NULL,
  issuing_department_id  uuid        NOT NULL REFERENCES departments (id),
  issuing_department_name text       NOT NULL,
  issued_on              date        NOT NULL,
  valid_until            date        NOT NULL CHECK (valid_until >= issued_on),
  -- what it was issued for (a services application, once that module issues); null when issued by hand
  application_id         uuid,
  status                 text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'revoked')),
  status_reason          text,
  status_changed_at      timestamptz,
  -- the QR payload exactly as signed: the certificate's signed fields, the key id and the SM2 signature
  payload                text        NOT NULL,
  key_id                 text        NOT NULL,
  -- null when the seed issued it (demo data)
  issued_by              uuid        REFERENCES users (id),
  created_at             timestamptz NOT NULL DEFAULT now(),
  version                int         NOT NULL DEFAULT 1
);
CREATE INDEX certificates_enterprise_idx ON certificates (enterprise_id, issued_on DESC);
CREATE INDEX certificates_not_active_idx ON certificates (status) WHERE status <> 'active';

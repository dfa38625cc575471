-- The privacy notice (隐私政策), the terms of use (用户服务协议) and the staff notice (工作人员个人信息
-- 处理告知书) as data: every version kept whole, in both languages, with what changed and the day it
-- takes effect (00:00 in the city). The current version of a kind is the newest one in effect.
CREATE TABLE legal_documents (
  id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  kind              text        NOT NULL CHECK (kind IN ('privacy_notice', 'terms_of_use', 'staff_notice')),
  version           int         NOT NULL CHECK (version >= 1),
  title_zh          text        NOT NULL,
  title_en          text        NOT NULL,
  body_zh           text        NOT NULL,
  body_en           text        NOT NULL,
  change_summary_zh text        NOT NULL,
  change_summary_en text        NOT NULL,
  effective_on      date        NOT NULL,
  effective_at      timestamptz NOT NULL,
  published_by      uuid        REFERENCES users (id),
  published_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, version)
);

CREATE INDEX legal_documents_current_idx ON legal_documents (kind, effective_at, version DESC);

-- A person's acceptance of one version (or, for staff, acknowledgement of the staff notice), with the
-- address and browser it came from as evidence. Withdrawing keeps the row and dates it: what was agreed,
-- and until when, stays provable.
CREATE TABLE legal_acceptances (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id      uuid        NOT NULL REFERENCES users (id),
  document_id  uuid        NOT NULL REFERENCES legal_documents (id),
  accepted_at  timestamptz NOT NULL DEFAULT now(),
  ip           text,
  user_agent   text,
  withdrawn_at timestamptz
);

-- One live acceptance per person and version: accepting twice is a no-op.
CREATE UNIQUE INDEX legal_acceptances_live_idx ON legal_acceptances (user_id, document_id)
  WHERE withdrawn_at IS NULL;
CREATE INDEX legal_acceptances_user_idx ON legal_acceptances (user_id, accepted_at DESC);

-- Every copy of its data someone took away (PIPL art. 45): what, for whom, in which format, when.
-- Counted for the rate limit and shown to the enterprise in its own export.
CREATE TABLE data_exports (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id       uuid        NOT NULL REFERENCES users (id),
  scope         text        NOT NULL CHECK (scope IN ('personal', 'enterprise')),
  enterprise_id uuid        REFERENCES enterprises (id),
  format        text        NOT NULL CHECK (format IN ('json', 'xlsx')),
  size_bytes    int         NOT NULL,
  exported_at   timestamptz NOT NULL DEFAULT now(),
  CHECK ((scope = 'enterprise') = (enterprise_id IS NOT NULL))
);

CREATE INDEX data_exports_user_idx ON data_exports (user_id, exported_at DESC);
CREATE INDEX data_exports_enterprise_idx ON data_exports (enterprise_id, exported_at DESC);

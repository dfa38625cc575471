-- {{moduleTitle}}: the {{caseWordsEn}} case and its timeline (written by npm run new:module; grow it
-- with the capability, in new migrations once this one is merged).
CREATE TABLE {{table}} (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id uuid        NOT NULL REFERENCES enterprises (id),
  created_by    uuid        NOT NULL REFERENCES users (id),
  title         text        NOT NULL,
  -- the states of {{case}}-states.ts (its table test keeps the two lists in step)
  status        text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  submitted_at  timestamptz,
  version       int         NOT NULL DEFAULT 1
);
CREATE INDEX {{table}}_created_by_idx ON {{table}} (created_by, created_at DESC);

-- Every step of one {{caseWordsEn}}, with who reads it (the case kit's CaseEventColumns).
CREATE TABLE {{eventsTable}} (
  id            bigserial   PRIMARY KEY,
  {{caseSnake}}_id uuid NOT NULL REFERENCES {{table}} (id),
  at            timestamptz NOT NULL DEFAULT now(),
  type          text        NOT NULL,
  actor_user_id uuid        REFERENCES users (id),
  actor_role    text,
  note          text,
  data          jsonb       NOT NULL DEFAULT '{}',
  audience      text        NOT NULL DEFAULT 'internal' CHECK (audience IN ('internal', 'enterprise')),
  note_audience text        NOT NULL DEFAULT 'internal' CHECK (note_audience IN ('internal', 'enterprise'))
);
CREATE INDEX {{eventsTable}}_{{caseSnake}}_idx ON {{eventsTable}} ({{caseSnake}}_id, id);

-- Services: the application case and its timeline (written by npm run new:module; grow it
-- with the capability, in new migrations once this one is merged).
CREATE TABLE applications (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id uuid        NOT NULL REFERENCES enterprises (id),
  created_by    uuid        NOT NULL REFERENCES users (id),
  title         text        NOT NULL,
  -- the states of application-states.ts (its table test keeps the two lists in step)
  status        text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'withdrawn')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  submitted_at  timestamptz,
  version       int         NOT NULL DEFAULT 1
);
CREATE INDEX applications_created_by_idx ON applications (created_by, created_at DESC);

-- Every step of one application, with who reads it (the case kit's CaseEventColumns).
CREATE TABLE application_events (
  id            bigserial   PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id),
  at            timestamptz NOT NULL DEFAULT now(),
  type          text        NOT NULL,
  actor_user_id uuid        REFERENCES users (id),
  actor_role    text,
  note          text,
  data          jsonb       NOT NULL DEFAULT '{}',
  audience      text        NOT NULL DEFAULT 'internal' CHECK (audience IN ('internal', 'enterprise')),
  note_audience text        NOT NULL DEFAULT 'internal' CHECK (note_audience IN ('internal', 'enterprise'))
);
CREATE INDEX application_events_application_idx ON application_events (application_id, id);

-- People who sign in. Staff sign in with a username and password (+ optional TOTP); enterprise users
-- with a phone number and a one-time code.
CREATE TABLE users (
  id                   uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  kind                 text        NOT NULL CHECK (kind IN ('staff', 'enterprise')),
  username             text        UNIQUE,
  phone                text        UNIQUE,
  display_name         text        NOT NULL,
  email                text,
  password_hash        text,
  must_change_password boolean     NOT NULL DEFAULT false,
  totp_secret          text,
  totp_enabled_at      timestamptz,
  department_id        uuid        REFERENCES departments (id),
  is_disabled          boolean     NOT NULL DEFAULT false,
  is_demo              boolean     NOT NULL DEFAULT false,
  version              int         NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  last_sign_in_at      timestamptz,
  CHECK (kind <> 'staff' OR (username IS NOT NULL AND department_id IS NOT NULL)),
  CHECK (kind <> 'enterprise' OR phone IS NOT NULL)
);

CREATE INDEX users_department_idx ON users (department_id);

-- A staff member's roles, each in a department (department scoping is part of the role).
CREATE TABLE user_roles (
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role          text NOT NULL CHECK (role IN ('dispatcher', 'handler', 'department_head', 'bureau_leader',
                                               'discipline_inspector', 'inspector', 'admin')),
  department_id uuid NOT NULL REFERENCES departments (id),
  PRIMARY KEY (user_id, role, department_id)
);

CREATE INDEX user_roles_department_idx ON user_roles (department_id);

-- Server-side sessions: the cookie holds a random token, the table only its hash.
CREATE TABLE sessions (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash   text        NOT NULL UNIQUE,
  user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token   text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  ip           text,
  user_agent   text
);

CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Between a correct password and a correct TOTP code.
CREATE TABLE sign_in_challenges (
  id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text        NOT NULL UNIQUE,
  user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  attempts   int         NOT NULL DEFAULT 0,
  expires_at timestamptz NOT NULL
);

-- One-time codes sent to a phone; only the hash is kept.
CREATE TABLE one_time_codes (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  phone       text        NOT NULL,
  code_hash   text        NOT NULL,
  ip          text,
  attempts    int         NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  consumed_at timestamptz
);

CREATE INDEX one_time_codes_phone_idx ON one_time_codes (phone, created_at);
CREATE INDEX one_time_codes_ip_idx ON one_time_codes (ip, created_at);

-- Failed sign-ins by key ('user:<name>', 'ip:<addr>', 'phone:<number>'): rate limits and lockouts
-- that hold across app nodes and treat unknown and known usernames alike.
CREATE TABLE auth_failures (
  key text        NOT NULL,
  at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX auth_failures_key_idx ON auth_failures (key, at);

-- Sign-in limits that hold under concurrency, and lockouts that cannot be used to keep someone out
-- (docs/decisions/0024-sign-in-limits.md).
--
-- auth_throttles: one row per throttled key ('account:<name>', 'phone:<number>', 'device:<user>:<hash>',
-- 'address:<ip>'). An attempt is counted before the password or code is checked, under the row's
-- lock, so twenty concurrent guesses cannot all read "four failures so far"; each failure past the
-- free ones makes the next attempt wait longer (blocked_until), up to a cap.
CREATE TABLE auth_throttles (
  key             text        PRIMARY KEY,
  failures        int         NOT NULL DEFAULT 0,
  blocked_until   timestamptz,
  last_attempt_at timestamptz NOT NULL DEFAULT now()
);

-- A browser that has signed in to an account before (an HttpOnly cookie holds the token, the row its
-- hash). Its failures are counted on their own, so strangers guessing an account's password cannot
-- delay its owner on the owner's own devices (OWASP: device cookies).
CREATE TABLE trusted_devices (
  token_hash   text        NOT NULL,
  user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  trusted_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (token_hash, user_id)
);

CREATE INDEX trusted_devices_user_idx ON trusted_devices (user_id);

-- The append-only failure log counted with a read-then-insert that raced; auth_throttles replaces it.
DROP TABLE auth_failures;

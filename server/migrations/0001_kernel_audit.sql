-- Tamper-evident audit trail: every state change writes one row in the same transaction.
-- seq is gapless (assigned under an advisory lock), and each row's hash covers the previous row's
-- hash, so an altered, inserted or removed row breaks the chain at a named place.
CREATE TABLE audit_log (
  seq           bigint      PRIMARY KEY,
  at            timestamptz NOT NULL,
  actor_user_id uuid,
  actor_role    text,
  actor_label   text,
  action        text        NOT NULL,
  entity_type   text        NOT NULL,
  entity_id     text,
  before        jsonb,
  after         jsonb,
  request_id    text,
  ip            text,
  prev_hash     text        NOT NULL,
  hash          text        NOT NULL
);

CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, seq);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, seq);
CREATE INDEX audit_log_at_idx ON audit_log (at);

-- The application never edits history; this stops accidents (a superuser can still disable it,
-- which is what the hash chain is for).
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER audit_log_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

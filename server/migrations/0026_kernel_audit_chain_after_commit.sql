-- Intake that scales past one lock (decision 0027): audit rows are written unchained in the business
-- transaction and linked after commit by the chainer; the chain head is signed in checkpoints.

-- id is the insert order (a plain sequence, so writers never wait for each other); seq, prev_hash and
-- hash are NULL until the chainer links the row, once.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_pkey;
ALTER TABLE audit_log ADD COLUMN id bigint;
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete;
UPDATE audit_log SET id = seq;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete;
CREATE SEQUENCE audit_log_id_seq OWNED BY audit_log.id;
SELECT setval('audit_log_id_seq', COALESCE((SELECT max(id) FROM audit_log), 0) + 1, false);
ALTER TABLE audit_log
  ALTER COLUMN id SET DEFAULT nextval('audit_log_id_seq'),
  ALTER COLUMN id SET NOT NULL,
  ADD PRIMARY KEY (id),
  ALTER COLUMN seq DROP NOT NULL,
  ALTER COLUMN prev_hash DROP NOT NULL,
  ALTER COLUMN hash DROP NOT NULL,
  ADD CONSTRAINT audit_log_linked_whole
    CHECK ((seq IS NULL) = (hash IS NULL) AND (seq IS NULL) = (prev_hash IS NULL));

CREATE UNIQUE INDEX audit_log_seq_key ON audit_log (seq);
-- The chainer's work list: small, because rows leave it within a fraction of a second.
CREATE INDEX audit_log_unchained_idx ON audit_log (id) WHERE seq IS NULL;
DROP INDEX audit_log_entity_idx;
DROP INDEX audit_log_actor_idx;
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, id);

-- Still append-only, with one exception: the chainer links an unlinked row once, changing nothing else.
CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
     AND (NEW.id, NEW.at, NEW.actor_user_id, NEW.actor_role, NEW.actor_label, NEW.action, NEW.entity_type,
          NEW.entity_id, NEW.before, NEW.after, NEW.request_id, NEW.ip)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.at, OLD.actor_user_id, OLD.actor_role, OLD.actor_label, OLD.action, OLD.entity_type,
          OLD.entity_id, OLD.before, OLD.after, OLD.request_id, OLD.ip) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

-- Signed checkpoints of the chain head: an Ed25519 signature by the instance key over
-- "yingshang-audit-checkpoint:v1:<seq>:<hash>:<signed_at ISO>". Exported to a file outsiders keep.
CREATE TABLE audit_checkpoints (
  id         bigserial   PRIMARY KEY,
  seq        bigint      NOT NULL,
  hash       text        NOT NULL,
  signed_at  timestamptz NOT NULL,
  key_id     text        NOT NULL,
  signature  text        NOT NULL
);
CREATE INDEX audit_checkpoints_seq_idx ON audit_checkpoints (seq);

CREATE FUNCTION audit_checkpoints_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_checkpoints is append-only';
END;
$$;

CREATE TRIGGER audit_checkpoints_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_checkpoints_are_append_only();

-- A matching run works in slices, each its own short transaction, so that the embedded database's
-- one connection is free between them (decision 0029). A transaction's advisory lock no longer spans
-- a run: a lease in the state row does, renewed by every slice; a node that dies lets it lapse.
ALTER TABLE policy_match_state ADD COLUMN lease_owner text;
ALTER TABLE policy_match_state ADD COLUMN lease_until timestamptz;

-- The enterprises a slice found newly eligible, written in the same transaction as the chunks that
-- show it, kept until their pushes are delivered (one message per enterprise and run). A run that
-- stopped half-way leaves them here; the next run delivers them first, so no push is lost.
CREATE TABLE policy_push_candidates (
  run_id        bigint NOT NULL REFERENCES policy_match_runs (id),
  enterprise_id uuid   NOT NULL,
  item_id       uuid   NOT NULL,
  item_rank     int    NOT NULL,                -- the item's place in the run: the message names the first
  PRIMARY KEY (run_id, enterprise_id, item_id)
);

-- One index fewer on the drawn targets (decision 0061): UNIQUE (enterprise_id, draw_id) holds what
-- UNIQUE (draw_id, enterprise_id) held — an enterprise is drawn at most once per draw — and, led by
-- enterprise_id, also serves what random_draw_targets_enterprise_idx served: the foreign key's check
-- when an enterprise is deleted or its id changes (no query reads the targets by enterprise). A draw
-- of a million writes 50,000 targets in one statement; each index fewer is one btree insert fewer a
-- row. The targets are read by draw through the primary key (draw_id, position).
ALTER TABLE random_draw_targets
  DROP CONSTRAINT random_draw_targets_draw_id_enterprise_id_key,
  ADD CONSTRAINT random_draw_targets_enterprise_id_draw_id_key UNIQUE (enterprise_id, draw_id);
DROP INDEX random_draw_targets_enterprise_idx;

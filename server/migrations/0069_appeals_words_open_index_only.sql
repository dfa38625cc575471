-- The words of every appeal, indexed since migration 0007, are asked of no query: the similar-appeals
-- search reads the open appeals' own index (migration 0015), and the other readers of `words` take
-- the column as it is. A GIN index updated by every filing for nobody (~0.06 ms of the database's
-- time a filing of fifty words, by pgbench; decision 0071).
DROP INDEX IF EXISTS appeals_words_idx;

-- A department's import writes a million facts in a few statements (decision 0033). Row-level
-- foreign keys checked each of them with its own query (five checks a row: ~45 % of the import's
-- time), and the change-sequence trigger ran a PL/pgSQL function twice per current value. The same
-- guarantees, checked once per statement:

-- 1. The history of facts is append-only: a fact is superseded, never deleted, and what it is about
--    never changes. So a current value that names a fact can never be left pointing at nothing, and
--    needs no lock on it.
CREATE FUNCTION refuse_fact_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'enterprise_facts is append-only: a fact is superseded, not deleted or rewritten'
    USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER enterprise_facts_append_only_delete BEFORE DELETE ON enterprise_facts
  FOR EACH ROW EXECUTE FUNCTION refuse_fact_history_change();
CREATE TRIGGER enterprise_facts_append_only_update
  BEFORE UPDATE OF id, enterprise_id, fact_key, period, value, source, is_verified, import_id, recorded_by, recorded_at
  ON enterprise_facts FOR EACH ROW EXECUTE FUNCTION refuse_fact_history_change();

-- 2. New facts: every referenced row exists, and is locked (FOR KEY SHARE, as a foreign key does) so
--    it cannot be deleted before this transaction ends — one query per referenced table and statement.
CREATE FUNCTION check_new_fact_references() RETURNS trigger LANGUAGE plpgsql
SET work_mem = '64MB' AS $$
DECLARE
  fact_keys text[];
  import_ids uuid[];
  user_ids uuid[];
  wanted bigint;
  locked bigint;
BEGIN
  -- a statement's facts name many enterprises but few facts, imports and users: one pass finds those
  SELECT array_agg(DISTINCT fact_key), array_agg(DISTINCT import_id) FILTER (WHERE import_id IS NOT NULL),
         array_agg(DISTINCT recorded_by) FILTER (WHERE recorded_by IS NOT NULL)
    INTO fact_keys, import_ids, user_ids
    FROM (SELECT fact_key, import_id, recorded_by FROM new_facts GROUP BY 1, 2, 3) g;
  -- a row locked is a row that exists (a concurrently deleted one is skipped): counting suffices
  SELECT count(*) INTO locked FROM (SELECT 1 FROM fact_definitions WHERE key = ANY (fact_keys) FOR KEY SHARE) l;
  IF locked < cardinality(fact_keys) THEN
    RAISE EXCEPTION 'enterprise_facts refers to a fact definition that does not exist'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  SELECT count(*) INTO locked FROM (SELECT 1 FROM fact_imports WHERE id = ANY (import_ids) FOR KEY SHARE) l;
  IF locked < coalesce(cardinality(import_ids), 0) THEN
    RAISE EXCEPTION 'enterprise_facts refers to an import that does not exist'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  SELECT count(*) INTO locked FROM (SELECT 1 FROM users WHERE id = ANY (user_ids) FOR KEY SHARE) l;
  IF locked < coalesce(cardinality(user_ids), 0) THEN
    RAISE EXCEPTION 'enterprise_facts refers to a user that does not exist'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  WITH enterprise_ids AS MATERIALIZED (SELECT DISTINCT enterprise_id AS id FROM new_facts),
       locked_enterprises AS (SELECT 1 FROM enterprises WHERE id IN (SELECT id FROM enterprise_ids) FOR KEY SHARE)
  SELECT (SELECT count(*) FROM enterprise_ids), (SELECT count(*) FROM locked_enterprises) INTO wanted, locked;
  IF locked < wanted THEN
    RAISE EXCEPTION 'enterprise_facts refers to an enterprise that does not exist'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END
$$;
ALTER TABLE enterprise_facts
  DROP CONSTRAINT enterprise_facts_enterprise_id_fkey,
  DROP CONSTRAINT enterprise_facts_fact_key_fkey,
  DROP CONSTRAINT enterprise_facts_import_id_fkey,
  DROP CONSTRAINT enterprise_facts_recorded_by_fkey;
CREATE TRIGGER enterprise_facts_references AFTER INSERT ON enterprise_facts
  REFERENCING NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION check_new_fact_references();

-- 3. The referenced side, as the foreign keys had it (NO ACTION): a row that facts refer to is not
--    deleted and keeps its key. Deletes of these rows are rare; a row check each is cheap.
CREATE FUNCTION refuse_referenced_by_facts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  is_referenced boolean;
BEGIN
  -- one branch per table: a record has only its own table's fields
  IF TG_TABLE_NAME = 'fact_definitions' THEN
    is_referenced := EXISTS (SELECT 1 FROM enterprise_facts WHERE fact_key = OLD.key);
  ELSIF TG_TABLE_NAME = 'enterprises' THEN
    is_referenced := EXISTS (SELECT 1 FROM enterprise_facts WHERE enterprise_id = OLD.id);
  ELSIF TG_TABLE_NAME = 'fact_imports' THEN
    is_referenced := EXISTS (SELECT 1 FROM enterprise_facts WHERE import_id = OLD.id);
  ELSE
    is_referenced := EXISTS (SELECT 1 FROM enterprise_facts WHERE recorded_by = OLD.id);
  END IF;
  IF is_referenced THEN
    RAISE EXCEPTION '% row is still referenced from enterprise_facts', TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER enterprises_referenced_by_facts BEFORE DELETE OR UPDATE OF id ON enterprises
  FOR EACH ROW EXECUTE FUNCTION refuse_referenced_by_facts();
CREATE TRIGGER fact_definitions_referenced_by_facts BEFORE DELETE OR UPDATE OF key ON fact_definitions
  FOR EACH ROW EXECUTE FUNCTION refuse_referenced_by_facts();
CREATE TRIGGER fact_imports_referenced_by_facts BEFORE DELETE OR UPDATE OF id ON fact_imports
  FOR EACH ROW EXECUTE FUNCTION refuse_referenced_by_facts();
CREATE TRIGGER users_referenced_by_facts BEFORE DELETE OR UPDATE OF id ON users
  FOR EACH ROW EXECUTE FUNCTION refuse_referenced_by_facts();

-- 4. Current values name an existing fact (checked per statement; facts are never deleted, see 1).
CREATE FUNCTION check_current_value_facts() RETURNS trigger LANGUAGE plpgsql
SET work_mem = '64MB' AS $$
DECLARE
  missing bigint;
BEGIN
  -- no LIMIT 1: it would make the planner probe the index once per row instead of one hash anti-join
  SELECT count(*) INTO missing FROM changed_values n
   WHERE NOT EXISTS (SELECT 1 FROM enterprise_facts f WHERE f.id = n.fact_id);
  IF missing > 0 THEN
    RAISE EXCEPTION 'enterprise_fact_values refers to % facts that do not exist', missing
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END
$$;
ALTER TABLE enterprise_fact_values DROP CONSTRAINT enterprise_fact_values_fact_id_fkey;
CREATE TRIGGER enterprise_fact_values_fact_inserted AFTER INSERT ON enterprise_fact_values
  REFERENCING NEW TABLE AS changed_values FOR EACH STATEMENT EXECUTE FUNCTION check_current_value_facts();
-- (a trigger with a transition table takes no column list: every update is checked)
CREATE TRIGGER enterprise_fact_values_fact_updated AFTER UPDATE ON enterprise_fact_values
  REFERENCING NEW TABLE AS changed_values FOR EACH STATEMENT EXECUTE FUNCTION check_current_value_facts();

-- 5. The change sequence: a bulk writer draws it in its statement (nextval per row, no function
--    call); the trigger still stamps every other write, which leaves the column as it was.
DROP TRIGGER enterprise_fact_values_seq ON enterprise_fact_values;
CREATE TRIGGER enterprise_fact_values_seq_insert BEFORE INSERT ON enterprise_fact_values
  FOR EACH ROW WHEN (NEW.change_seq = 0) EXECUTE FUNCTION bump_fact_change_seq();
CREATE TRIGGER enterprise_fact_values_seq_update BEFORE UPDATE ON enterprise_fact_values
  FOR EACH ROW WHEN (NEW.change_seq = OLD.change_seq) EXECUTE FUNCTION bump_fact_change_seq();

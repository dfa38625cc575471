import { sql } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'

/** A department's import of facts: its record, and its writes staged and applied in bulk (decision 0029). */

/**
 * The parsed writes of an import, staged in a temporary table (gone at commit) in large multi-row
 * inserts from arrays — the same statement on PostgreSQL and PGlite.
 */
/**
 * Sorts and hashes of a million rows spill to disk at the default work_mem (4 MB): the import's
 * transaction gets more, for itself only.
 */
export async function allowBulkMemory(tx: Tx): Promise<void> {
  await sql`SET LOCAL work_mem = '64MB'`.execute(tx)
}

export async function stageImportWrites(
  tx: Tx,
  rows: { rowNo: number; enterpriseId: string; key: string; period: string; value: unknown }[],
): Promise<void> {
  await sql`CREATE TEMP TABLE fact_import_stage (
      row_no int NOT NULL, enterprise_id uuid NOT NULL, fact_key text NOT NULL, period text NOT NULL,
      value jsonb NOT NULL) ON COMMIT DROP`.execute(tx)
  for (let i = 0; i < rows.length; i += 20_000) {
    const batch = rows.slice(i, i + 20_000)
    await sql`
      INSERT INTO fact_import_stage (row_no, enterprise_id, fact_key, period, value)
      SELECT * FROM unnest(${batch.map((r) => r.rowNo)}::int[], ${batch.map((r) => r.enterpriseId)}::uuid[],
                           ${batch.map((r) => r.key)}::text[], ${batch.map((r) => r.period)}::text[],
                           ${batch.map((r) => JSON.stringify(r.value))}::jsonb[])`.execute(tx)
  }
}

/** Locks every enterprise of the staged import (as `lockEnterpriseFacts` does one), in id order. */
export async function lockEnterprisesOfImport(tx: Tx): Promise<void> {
  await sql`SELECT 1 FROM enterprises
             WHERE id IN (SELECT DISTINCT enterprise_id FROM fact_import_stage)
             ORDER BY id FOR NO KEY UPDATE`.execute(tx)
}

/**
 * Applies the staged writes as sets, with the same rules `recordFacts` applies one by one: a write
 * equal to the source's live value for the period changes nothing; otherwise that value is
 * superseded (kept as history) and the new one recorded. A file that gives one enterprise, fact and
 * period twice is applied as its last row for it (the earlier is not recorded); then the current value of every touched fact is resolved again — the
 * latest period, within it a verified value over a declared one, then the latest recorded.
 * Answers the rows whose values were recorded.
 */
export async function applyStagedImport(
  tx: Tx,
  input: { source: string; importId: string; recordedBy: string; at: Date },
  phases: { end(phase: string): void },
): Promise<Set<number>> {
  // one value per enterprise, fact and period: the file's last row for it
  await sql`
    CREATE TEMP TABLE fact_import_latest ON COMMIT DROP AS
    SELECT DISTINCT ON (enterprise_id, fact_key, period) row_no, enterprise_id, fact_key, period, value
      FROM fact_import_stage ORDER BY enterprise_id, fact_key, period, row_no DESC`.execute(tx)
  phases.end('latest')
  // temporary tables have no statistics until analysed: without them the joins below are planned blind
  await sql`ANALYZE fact_import_latest`.execute(tx)
  phases.end('analyzeLatest')
  await sql`
    CREATE TEMP TABLE fact_import_changes ON COMMIT DROP AS
    SELECT l.row_no, l.enterprise_id, l.fact_key, l.period, l.value
      FROM fact_import_latest l
      LEFT JOIN enterprise_facts f
        ON f.enterprise_id = l.enterprise_id AND f.fact_key = l.fact_key AND f.period = l.period
       AND f.source = ${input.source} AND f.superseded_at IS NULL
     WHERE f.id IS NULL OR f.value IS DISTINCT FROM l.value`.execute(tx)
  phases.end('changes')
  await sql`ANALYZE fact_import_changes`.execute(tx)
  phases.end('analyzeChanges')
  const changed = await sql<{ row_no: number }>`
    SELECT DISTINCT row_no FROM fact_import_changes`.execute(tx)
  phases.end('changedRows')
  if (changed.rows.length === 0) return new Set()
  await sql`
    UPDATE enterprise_facts f SET superseded_at = ${input.at}
      FROM fact_import_changes l
     WHERE f.enterprise_id = l.enterprise_id AND f.fact_key = l.fact_key AND f.period = l.period
       AND f.source = ${input.source} AND f.superseded_at IS NULL`.execute(tx)
  phases.end('supersede')
  await sql`
    INSERT INTO enterprise_facts
      (enterprise_id, fact_key, period, value, source, is_verified, import_id, recorded_by, recorded_at)
    SELECT enterprise_id, fact_key, period, value, ${input.source}, true, ${input.importId}, ${input.recordedBy}, ${input.at}
      FROM fact_import_changes`.execute(tx)
  phases.end('insertFacts')
  // the touched (enterprise, fact) pairs with their type, analysed: joined blind, the planner guessed
  // a few thousand pairs and probed the facts' index a million times instead of one hash join
  await sql`
    CREATE TEMP TABLE fact_import_pairs ON COMMIT DROP AS
    SELECT p.enterprise_id, p.fact_key, d.type
      FROM (SELECT DISTINCT enterprise_id, fact_key FROM fact_import_changes) p
      JOIN fact_definitions d ON d.key = p.fact_key`.execute(tx)
  await sql`ANALYZE fact_import_pairs`.execute(tx)
  phases.end('pairs')
  // The resolved current values: updated where the pair has one, inserted where not. Not one
  // INSERT … ON CONFLICT: that locks each conflicting row, then updates it (two heap writes a row);
  // the enterprises are locked, so no one else inserts these pairs meanwhile. change_seq is drawn
  // here, one nextval a row: the trigger (migration 0029) leaves a value it is given.
  await sql`
    CREATE TEMP TABLE fact_import_current ON COMMIT DROP AS
    SELECT DISTINCT ON (f.enterprise_id, f.fact_key)
           f.enterprise_id, f.fact_key,
           CASE WHEN t.type = 'tags' THEN NULL
                WHEN t.type = 'boolean' THEN CASE WHEN f.value = 'true'::jsonb THEN 1 ELSE 0 END
                WHEN jsonb_typeof(f.value) = 'number' THEN (f.value #>> '{}')::double precision END AS value_num,
           CASE WHEN t.type IN ('tags', 'boolean') OR jsonb_typeof(f.value) = 'number' THEN NULL
                ELSE f.value #>> '{}' END AS value_text,
           CASE WHEN t.type = 'tags' THEN ARRAY(SELECT jsonb_array_elements_text(f.value)) END AS value_tags,
           f.period, f.source, f.is_verified, f.id AS fact_id
      FROM enterprise_facts f
      JOIN fact_import_pairs t ON t.enterprise_id = f.enterprise_id AND t.fact_key = f.fact_key
     WHERE f.superseded_at IS NULL AND f.value IS NOT NULL
     ORDER BY f.enterprise_id, f.fact_key, f.period COLLATE "C" DESC, f.is_verified DESC, f.recorded_at DESC, f.id DESC`.execute(
    tx,
  )
  await sql`ANALYZE fact_import_current`.execute(tx)
  phases.end('resolve')
  await sql`
    UPDATE enterprise_fact_values v SET
           value_num = c.value_num, value_text = c.value_text, value_tags = c.value_tags, period = c.period,
           source = c.source, is_verified = c.is_verified, fact_id = c.fact_id, change_seq = nextval('fact_change_seq')
      FROM fact_import_current c
     WHERE v.enterprise_id = c.enterprise_id AND v.fact_key = c.fact_key`.execute(tx)
  phases.end('updateValues')
  await sql`
    INSERT INTO enterprise_fact_values
      (enterprise_id, fact_key, value_num, value_text, value_tags, period, source, is_verified, fact_id, change_seq)
    SELECT c.enterprise_id, c.fact_key, c.value_num, c.value_text, c.value_tags, c.period, c.source, c.is_verified,
           c.fact_id, nextval('fact_change_seq')
      FROM fact_import_current c
     WHERE NOT EXISTS (SELECT 1 FROM enterprise_fact_values v
                        WHERE v.enterprise_id = c.enterprise_id AND v.fact_key = c.fact_key)`.execute(tx)
  phases.end('insertValues')
  return new Set(changed.rows.map((r) => r.row_no))
}

export async function findSourceDepartments(db: Executor) {
  return db.selectFrom('fact_source_departments').selectAll().execute()
}

/** The import's outcome once every row is applied or refused. */
export async function finishImport(
  tx: Tx,
  id: string,
  outcome: { applied: number; failed: number; report: unknown },
): Promise<void> {
  await tx
    .updateTable('fact_imports')
    .set({
      rows_applied: outcome.applied,
      rows_failed: outcome.failed,
      report: JSON.stringify(outcome.report),
    })
    .where('id', '=', id)
    .execute()
}

/** Fresh planner statistics after a big import (the seed does the same after loading demo facts). */
export async function analyzeFactValues(db: Executor): Promise<void> {
  await sql`ANALYZE enterprise_facts, enterprise_fact_values`.execute(db)
}

export async function insertImport(
  tx: Tx,
  row: {
    source: string
    departmentId: string | null
    fileName: string
    sha256: string
    total: number
    applied: number
    failed: number
    report: unknown
    by: string
  },
) {
  return tx
    .insertInto('fact_imports')
    .values({
      source: row.source,
      department_id: row.departmentId,
      file_name: row.fileName,
      file_sha256: row.sha256,
      rows_total: row.total,
      rows_applied: row.applied,
      rows_failed: row.failed,
      report: JSON.stringify(row.report),
      imported_by: row.by,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function findImports(db: Executor, sources: string[] | null, limit: number) {
  let q = db
    .selectFrom('fact_imports as i')
    .innerJoin('users as u', 'u.id', 'i.imported_by')
    .select([
      'i.id',
      'i.source',
      'i.file_name',
      'i.rows_total',
      'i.rows_applied',
      'i.rows_failed',
      'i.imported_at',
      'u.display_name as imported_by_name',
    ])
  if (sources) q = q.where('i.source', 'in', sources.length ? sources : ['-'])
  return q.orderBy('i.imported_at', 'desc').limit(limit).execute()
}

export async function findImport(db: Executor, id: string) {
  return db.selectFrom('fact_imports').selectAll().where('id', '=', id).executeTakeFirst()
}

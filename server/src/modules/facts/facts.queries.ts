import { sql, type Insertable, type Updateable } from 'kysely'
import type pg from 'pg'
import { copyOut, type CopyRow } from '../../kernel/db/copy-out'
import type { Executor, Tx } from '../../kernel/db/database'
import type { EnterpriseFactValuesTable, FactDefinitionsTable } from './facts.tables'

// Definitions

export async function findDefinitions(db: Executor) {
  return db.selectFrom('fact_definitions').selectAll().orderBy('sort_order').orderBy('key').execute()
}

export type DefinitionRow = Awaited<ReturnType<typeof findDefinitions>>[number]

export async function findDefinition(db: Executor, key: string) {
  return db.selectFrom('fact_definitions').selectAll().where('key', '=', key).executeTakeFirst()
}

/** Built-in definitions follow the code: inserted when new, their names and units kept current. */
export async function upsertBuiltinDefinitions(db: Executor, rows: Insertable<FactDefinitionsTable>[]) {
  if (rows.length === 0) return
  await db
    .insertInto('fact_definitions')
    .values(rows)
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet((eb) => ({
          label_zh: eb.ref('excluded.label_zh'),
          label_en: eb.ref('excluded.label_en'),
          unit_zh: eb.ref('excluded.unit_zh'),
          unit_en: eb.ref('excluded.unit_en'),
          allowed_values: eb.ref('excluded.allowed_values'),
          formula: eb.ref('excluded.formula'),
          description_zh: eb.ref('excluded.description_zh'),
          description_en: eb.ref('excluded.description_en'),
          sort_order: eb.ref('excluded.sort_order'),
        }))
        .where('fact_definitions.is_builtin', '=', true),
    )
    .execute()
}

export async function insertDefinition(tx: Tx, row: Insertable<FactDefinitionsTable>) {
  return tx.insertInto('fact_definitions').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function updateDefinition(
  tx: Tx,
  key: string,
  expectedVersion: number,
  changes: Updateable<FactDefinitionsTable>,
) {
  return tx
    .updateTable('fact_definitions')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('key', '=', key)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst()
}

// One enterprise's facts

/** The profile columns that are facts, and each enterprise's bit in the match bitmaps. */
export async function findProfiles(db: Executor, enterpriseIds: readonly string[]) {
  if (enterpriseIds.length === 0) return []
  return db
    .selectFrom('enterprises')
    .select([
      'id',
      'match_index',
      'employees',
      'annual_revenue',
      'founded_on',
      'size_class',
      'industry_code',
      'division_code',
      'tags',
      'updated_at',
    ])
    .where('id', 'in', enterpriseIds)
    .execute()
}

export type ProfileRow = Awaited<ReturnType<typeof findProfiles>>[number]

export async function findCurrentValues(db: Executor, enterpriseIds: readonly string[]) {
  if (enterpriseIds.length === 0) return []
  return db
    .selectFrom('enterprise_fact_values as v')
    .innerJoin('enterprise_facts as f', 'f.id', 'v.fact_id')
    .select([
      'v.enterprise_id',
      'v.fact_key',
      'v.value_num',
      'v.value_text',
      'v.value_tags',
      'v.period',
      'v.source',
      'v.is_verified',
      'f.recorded_at',
    ])
    .where('v.enterprise_id', 'in', enterpriseIds)
    .execute()
}

export type CurrentValueRow = Awaited<ReturnType<typeof findCurrentValues>>[number]

/** The enterprises' own latest declarations, to show beside a department's value that overrides them. */
export async function findOwnDeclarations(db: Executor, enterpriseIds: readonly string[]) {
  if (enterpriseIds.length === 0) return []
  return db
    .selectFrom('enterprise_facts')
    .select(['enterprise_id', 'fact_key', 'period', 'value', 'recorded_at'])
    .where('enterprise_id', 'in', enterpriseIds)
    .where('source', '=', 'declared')
    .where('superseded_at', 'is', null)
    .where('value', 'is not', null)
    .execute()
}

export type OwnDeclarationRow = Awaited<ReturnType<typeof findOwnDeclarations>>[number]

/**
 * Serialises changes to one enterprise's facts, so two writers never resolve from stale candidates:
 * the enterprise's row is locked (not an advisory lock: a department's import locks every enterprise
 * of its file the same way, in one statement — see `lockEnterprisesOfImport`).
 */
export async function lockEnterpriseFacts(tx: Tx, enterpriseId: string): Promise<void> {
  await sql`SELECT 1 FROM enterprises WHERE id = ${enterpriseId} FOR NO KEY UPDATE`.execute(tx)
}

// A department's import, applied in bulk (decision 0029)

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

export async function findLiveFacts(tx: Executor, enterpriseId: string, key: string) {
  return tx
    .selectFrom('enterprise_facts')
    .select(['id', 'period', 'value', 'source', 'is_verified', 'recorded_at'])
    .where('enterprise_id', '=', enterpriseId)
    .where('fact_key', '=', key)
    .where('superseded_at', 'is', null)
    .execute()
}

export async function supersedeFact(
  tx: Tx,
  row: { enterpriseId: string; key: string; period: string; source: string; at: Date },
): Promise<void> {
  await tx
    .updateTable('enterprise_facts')
    .set({ superseded_at: row.at })
    .where('enterprise_id', '=', row.enterpriseId)
    .where('fact_key', '=', row.key)
    .where('period', '=', row.period)
    .where('source', '=', row.source)
    .where('superseded_at', 'is', null)
    .execute()
}

export async function insertFact(
  tx: Tx,
  row: {
    enterpriseId: string
    key: string
    period: string
    value: unknown
    source: string
    isVerified: boolean
    importId: string | null
    recordedBy: string | null
    at: Date
  },
): Promise<number> {
  const inserted = await tx
    .insertInto('enterprise_facts')
    .values({
      enterprise_id: row.enterpriseId,
      fact_key: row.key,
      period: row.period,
      value: row.value === null ? null : JSON.stringify(row.value),
      source: row.source,
      is_verified: row.isVerified,
      import_id: row.importId,
      recorded_by: row.recordedBy,
      recorded_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

/** A current value as written; the change sequence is the trigger's to set. */
type CurrentValueWrite = Omit<EnterpriseFactValuesTable, 'change_seq'>

export async function upsertCurrentValue(tx: Tx, row: CurrentValueWrite): Promise<void> {
  await tx
    .insertInto('enterprise_fact_values')
    .values({ ...row, change_seq: 0 }) // the trigger sets it
    .onConflict((oc) =>
      oc.columns(['enterprise_id', 'fact_key']).doUpdateSet((eb) => ({
        value_num: eb.ref('excluded.value_num'),
        value_text: eb.ref('excluded.value_text'),
        value_tags: eb.ref('excluded.value_tags'),
        period: eb.ref('excluded.period'),
        source: eb.ref('excluded.source'),
        is_verified: eb.ref('excluded.is_verified'),
        fact_id: eb.ref('excluded.fact_id'),
      })),
    )
    .execute()
}

/**
 * The enterprise no longer has any value for the fact. The row stays as a tombstone (no value, fact
 * id of the withdrawal) so the engine's change feed sees the removal.
 */
export async function clearCurrentValue(tx: Tx, enterpriseId: string, key: string, factId: number) {
  await tx
    .insertInto('enterprise_fact_values')
    .values({
      enterprise_id: enterpriseId,
      fact_key: key,
      value_num: null,
      value_text: null,
      value_tags: null,
      period: '',
      source: 'declared',
      is_verified: false,
      fact_id: factId,
      change_seq: 0,
    })
    .onConflict((oc) =>
      oc.columns(['enterprise_id', 'fact_key']).doUpdateSet({
        value_num: null,
        value_text: null,
        value_tags: null,
        period: '',
        source: 'declared',
        is_verified: false,
        fact_id: factId,
      }),
    )
    .execute()
}

export async function findHistory(db: Executor, enterpriseId: string, key: string | undefined) {
  let q = db
    .selectFrom('enterprise_facts')
    .select([
      'fact_key',
      'period',
      'value',
      'source',
      'is_verified',
      'recorded_at',
      'superseded_at',
      'import_id',
    ])
    .where('enterprise_id', '=', enterpriseId)
  if (key) q = q.where('fact_key', '=', key)
  return q.orderBy('recorded_at', 'desc').orderBy('id', 'desc').limit(500).execute()
}

// Imports

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

// The population, for the matching engine

const PROFILE_COLUMNS = [
  'id',
  'match_index',
  'employees',
  'annual_revenue',
  'founded_on',
  'size_class',
  'industry_code',
  'division_code',
  'tags',
] as const

export async function findProfilesInRange(db: Executor, from: number, to: number) {
  return db
    .selectFrom('enterprises')
    .select(PROFILE_COLUMNS)
    .where('match_index', '>=', from)
    .where('match_index', '<', to)
    .orderBy('match_index')
    .execute()
}

export async function findProfilesByIds(db: Executor, ids: string[]) {
  if (!ids.length) return []
  return db.selectFrom('enterprises').select(PROFILE_COLUMNS).where('id', 'in', ids).execute()
}

export type PopulationProfileRow = Awaited<ReturnType<typeof findProfilesInRange>>[number]

const VALUE_COLUMNS = [
  'v.enterprise_id',
  'v.fact_key',
  'v.value_num',
  'v.value_text',
  'v.value_tags',
  'v.period',
] as const

export async function findValuesInRange(db: Executor, from: number, to: number) {
  return db
    .selectFrom('enterprise_fact_values as v')
    .innerJoin('enterprises as e', 'e.id', 'v.enterprise_id')
    .select(VALUE_COLUMNS)
    .where('e.match_index', '>=', from)
    .where('e.match_index', '<', to)
    .execute()
}

export async function findValuesByIds(db: Executor, ids: string[]) {
  if (!ids.length) return []
  return db
    .selectFrom('enterprise_fact_values as v')
    .select(VALUE_COLUMNS)
    .where('v.enterprise_id', 'in', ids)
    .execute()
}

/**
 * The whole population streamed with COPY (PostgreSQL): profiles, then every current value with its
 * enterprise's match index (so no id lookups while loading). Rows come as text: see `feedCopiedPopulation`.
 */
export async function copyProfiles(pool: pg.Pool, maxIndex: number, onRows: (rows: CopyRow[]) => void) {
  if (!Number.isSafeInteger(maxIndex)) throw new Error('match index must be an integer')
  return copyOut(
    pool,
    `SELECT id, match_index, employees, annual_revenue, founded_on, size_class, industry_code, division_code,
            array_to_json(tags) FROM enterprises WHERE match_index <= ${maxIndex}`,
    onRows,
  )
}

export async function copyValues(pool: pg.Pool, maxIndex: number, onRows: (rows: CopyRow[]) => void) {
  if (!Number.isSafeInteger(maxIndex)) throw new Error('match index must be an integer')
  return copyOut(
    pool,
    `SELECT e.match_index, v.fact_key, v.value_num, v.value_text, array_to_json(v.value_tags), v.period
       FROM enterprise_fact_values v JOIN enterprises e ON e.id = v.enterprise_id
      WHERE e.match_index <= ${maxIndex}`,
    onRows,
  )
}

export async function findMaxMatchIndex(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('enterprises')
    .select((eb) => eb.fn.max('match_index').as('m'))
    .executeTakeFirst()
  return row?.m === null || row?.m === undefined ? -1 : Number(row.m)
}

/** The change feed's position now: every change so far has a change_seq at or below it. */
export async function findFactSeq(db: Executor): Promise<number> {
  const row = await sql<{
    seq: string
  }>`SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS seq FROM fact_change_seq`.execute(db)
  return Number(row.rows[0]?.seq ?? 0)
}

/** Enterprises whose profile or facts changed after `afterSeq` (up to `limit`), with the highest seq seen. */
export async function findChangedEnterprises(db: Executor, afterSeq: number, limit: number) {
  const rows = await sql<{ id: string; seq: string }>`
    SELECT id, max(seq)::text AS seq FROM (
      SELECT id, change_seq AS seq FROM enterprises WHERE change_seq > ${afterSeq}
      UNION ALL
      SELECT enterprise_id AS id, change_seq AS seq FROM enterprise_fact_values WHERE change_seq > ${afterSeq}
    ) changes GROUP BY id ORDER BY max(seq) LIMIT ${limit}`.execute(db)
  return rows.rows.map((r) => ({ id: r.id, seq: Number(r.seq) }))
}

/** The first facts of enterprises that have none yet (demo data): plain inserts, no history to supersede. */
export async function insertInitialFacts(
  tx: Tx,
  rows: {
    enterpriseId: string
    key: string
    period: string
    value: unknown
    source: string
    isVerified: boolean
    importId?: string | null
    recordedBy?: string | null
  }[],
): Promise<number[]> {
  const ids: number[] = []
  for (let i = 0; i < rows.length; i += 1000) {
    const inserted = await tx
      .insertInto('enterprise_facts')
      .values(
        rows.slice(i, i + 1000).map((r) => ({
          enterprise_id: r.enterpriseId,
          fact_key: r.key,
          period: r.period,
          value: JSON.stringify(r.value),
          source: r.source,
          is_verified: r.isVerified,
          import_id: r.importId ?? null,
          recorded_by: r.recordedBy ?? null,
        })),
      )
      .returning('id')
      .execute()
    ids.push(...inserted.map((r) => r.id))
  }
  return ids
}

export async function insertCurrentValues(tx: Tx, rows: CurrentValueWrite[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await tx
      .insertInto('enterprise_fact_values')
      .values(rows.slice(i, i + 1000).map((r) => ({ ...r, change_seq: 0 })))
      .execute()
}

export async function countFacts(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('enterprise_facts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

import { sql } from 'kysely'
import type pg from 'pg'
import { copyOut, type CopyRow } from '../../kernel/db/copy-out'
import type { Executor } from '../../kernel/db/database'

/** The population for the matching engine, and the change feed that keeps it current. */

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

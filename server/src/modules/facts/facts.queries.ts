import { sql, type Insertable, type Updateable } from 'kysely'
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres'
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
function profilesQuery(db: Executor) {
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
}

export async function findProfiles(db: Executor, enterpriseIds: readonly string[]) {
  if (enterpriseIds.length === 0) return []
  return profilesQuery(db).where('id', 'in', enterpriseIds).execute()
}

export type ProfileRow = Awaited<ReturnType<typeof findProfiles>>[number]

function currentValuesQuery(db: Executor) {
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
}

export async function findCurrentValues(db: Executor, enterpriseIds: readonly string[]) {
  if (enterpriseIds.length === 0) return []
  return currentValuesQuery(db).where('v.enterprise_id', 'in', enterpriseIds).execute()
}

export type CurrentValueRow = Awaited<ReturnType<typeof findCurrentValues>>[number]

/** The enterprises' own latest declarations, to show beside a department's value that overrides them. */
function ownDeclarationsQuery(db: Executor) {
  return db
    .selectFrom('enterprise_facts')
    .select(['enterprise_id', 'fact_key', 'period', 'value', 'recorded_at'])
    .where('source', '=', 'declared')
    .where('superseded_at', 'is', null)
    .where('value', 'is not', null)
}

export async function findOwnDeclarations(db: Executor, enterpriseIds: readonly string[]) {
  if (enterpriseIds.length === 0) return []
  return ownDeclarationsQuery(db).where('enterprise_id', 'in', enterpriseIds).execute()
}

export type OwnDeclarationRow = Awaited<ReturnType<typeof findOwnDeclarations>>[number]

/**
 * One enterprise's profile, current values and own declarations — the three reads above — in one
 * statement, each as JSON (undefined: no such enterprise). JSON carries no timestamps: they are made
 * Dates again here, so the rows are exactly those of the three reads.
 */
export async function findSheetRowsOf(
  db: Executor,
  enterpriseId: string,
): Promise<{ profile: ProfileRow; values: CurrentValueRow[]; own: OwnDeclarationRow[] } | undefined> {
  const row = await db
    .selectNoFrom([
      jsonObjectFrom(profilesQuery(db).where('id', '=', enterpriseId)).as('profile'),
      jsonArrayFrom(currentValuesQuery(db).where('v.enterprise_id', '=', enterpriseId)).as('values'),
      jsonArrayFrom(ownDeclarationsQuery(db).where('enterprise_id', '=', enterpriseId)).as('own'),
    ])
    .executeTakeFirstOrThrow()
  if (!row.profile) return undefined
  const at = (value: Date | string) => new Date(value)
  return {
    profile: { ...row.profile, updated_at: at(row.profile.updated_at) },
    values: row.values.map((v) => ({ ...v, recorded_at: at(v.recorded_at) })),
    own: row.own.map((d) => ({ ...d, recorded_at: at(d.recorded_at) })),
  }
}

/**
 * Serialises changes to one enterprise's facts, so two writers never resolve from stale candidates:
 * the enterprise's row is locked (not an advisory lock: a department's import locks every enterprise
 * of its file the same way, in one statement — see `lockEnterprisesOfImport`).
 */
export async function lockEnterpriseFacts(tx: Tx, enterpriseId: string): Promise<void> {
  await sql`SELECT 1 FROM enterprises WHERE id = ${enterpriseId} FOR NO KEY UPDATE`.execute(tx)
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

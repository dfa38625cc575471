import { sql } from 'kysely'
import type { Executor } from '../../kernel/db/database'
import type { EnterprisesTable } from './enterprises.tables'
import type { Insertable } from 'kysely'

export type EnterpriseRow = Awaited<ReturnType<typeof findEnterpriseById>> & {}

export async function findEnterpriseById(db: Executor, id: string) {
  return db.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findEnterpriseByUscc(db: Executor, uscc: string) {
  return db.selectFrom('enterprises').select(['id']).where('uscc', '=', uscc).executeTakeFirst()
}

export async function insertEnterprise(db: Executor, values: Insertable<EnterprisesTable>) {
  return db.insertInto('enterprises').values(values).returningAll().executeTakeFirstOrThrow()
}

/** Updates only when the stored version is still the one the caller read; undefined otherwise. */
export async function updateEnterpriseIfVersion(
  db: Executor,
  id: string,
  expectedVersion: number,
  changes: Partial<Insertable<EnterprisesTable>>,
) {
  return db
    .updateTable('enterprises')
    .set({ ...changes, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst()
}

export async function insertProfileVersion(
  db: Executor,
  row: {
    enterpriseId: string
    version: number
    profile: Record<string, unknown>
    changedFields: string[]
    changedBy: string | null
  },
): Promise<void> {
  await db
    .insertInto('enterprise_profile_versions')
    .values({
      enterprise_id: row.enterpriseId,
      version: row.version,
      profile: JSON.stringify(row.profile),
      changed_fields: row.changedFields,
      changed_by: row.changedBy,
    })
    .execute()
}

export async function findProfileVersions(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('enterprise_profile_versions as v')
    .leftJoin('users as u', 'u.id', 'v.changed_by')
    .select([
      'v.version',
      'v.profile',
      'v.changed_fields',
      'v.changed_at',
      'u.display_name as changed_by_name',
    ])
    .where('v.enterprise_id', '=', enterpriseId)
    .orderBy('v.version', 'desc')
    .execute()
}

export async function findMembership(db: Executor, enterpriseId: string, userId: string) {
  return db
    .selectFrom('enterprise_members')
    .select(['role'])
    .where('enterprise_id', '=', enterpriseId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
}

export async function findEnterprisesOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('enterprise_members as m')
    .innerJoin('enterprises as e', 'e.id', 'm.enterprise_id')
    .selectAll('e')
    .select('m.role as my_role')
    .where('m.user_id', '=', userId)
    .orderBy('m.created_at')
    .execute()
}

export async function searchEnterprises(
  db: Executor,
  filter: {
    q?: string | undefined
    divisionCode?: string | undefined
    sizeClass?: string | undefined
    /** registered by an authority outside these codes (true) or inside them (false) */
    outOfCity?: { isOutOfCity: boolean; cityCodes: string[] } | undefined
  },
  page: { offset: number; limit: number },
) {
  let query = db.selectFrom('enterprises')
  if (filter.q) {
    const q = filter.q
    query = /^[0-9A-Z]{6,18}$/i.test(q)
      ? query.where('uscc', 'like', `${q.toUpperCase()}%`)
      : query.where(sql<boolean>`name ILIKE ${'%' + q.replace(/[%_\\]/g, '\\$&') + '%'}`)
  }
  if (filter.divisionCode) query = query.where('division_code', '=', filter.divisionCode)
  if (filter.sizeClass) query = query.where('size_class', '=', filter.sizeClass as 'large')
  if (filter.outOfCity) {
    // positions 3–8 of the credit code: the registering authority's division
    const division = sql<string>`substr(uscc, 3, 6)`
    query = query.where(division, filter.outOfCity.isOutOfCity ? 'not in' : 'in', filter.outOfCity.cityCodes)
  }
  const [items, total] = await Promise.all([
    query.selectAll().orderBy('name').orderBy('id').offset(page.offset).limit(page.limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(total.n) }
}

export async function insertMember(
  db: Executor,
  row: { enterpriseId: string; userId: string; role: 'manager' | 'agent'; addedBy: string | null },
): Promise<void> {
  await db
    .insertInto('enterprise_members')
    .values({ enterprise_id: row.enterpriseId, user_id: row.userId, role: row.role, added_by: row.addedBy })
    .execute()
}

export async function deleteMember(db: Executor, enterpriseId: string, userId: string): Promise<number> {
  const result = await db
    .deleteFrom('enterprise_members')
    .where('enterprise_id', '=', enterpriseId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function findMembers(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('enterprise_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name', 'u.phone', 'm.role', 'm.created_at'])
    .where('m.enterprise_id', '=', enterpriseId)
    .orderBy('m.created_at')
    .execute()
}

export async function countManagers(db: Executor, enterpriseId: string): Promise<number> {
  const row = await db
    .selectFrom('enterprise_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('enterprise_id', '=', enterpriseId)
    .where('role', '=', 'manager')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function findOrCreateEnterpriseUser(db: Executor, phone: string, displayName: string) {
  const existing = await db
    .selectFrom('users')
    .select(['id', 'kind', 'display_name'])
    .where('phone', '=', phone)
    .executeTakeFirst()
  if (existing)
    return { id: existing.id, kind: existing.kind, displayName: existing.display_name, created: false }
  const created = await db
    .insertInto('users')
    .values({ kind: 'enterprise', phone, display_name: displayName })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: created.id, kind: 'enterprise' as const, displayName, created: true }
}

export async function findEnterpriseIdsByUscc(db: Executor, usccs: string[]) {
  if (usccs.length === 0) return new Map<string, string>()
  // one array parameter: a department's file of 500,000 codes would not fit in IN (…) (65,535 parameters)
  const rows = await db
    .selectFrom('enterprises')
    .select(['id', 'uscc'])
    .where(sql<boolean>`uscc = ANY(${usccs}::bpchar[])`)
    .execute()
  return new Map(rows.map((r) => [r.uscc, r.id]))
}

/**
 * The current credit tier of each enterprise, with the import that gave it. The tier is a fact (the
 * facts module writes it from a department's data file); reading its current value here keeps the
 * enterprise's own view one query away instead of a call into a module that calls back into this one.
 */
export async function findCreditTiers(db: Executor, enterpriseIds: readonly string[]) {
  if (enterpriseIds.length === 0) return []
  return db
    .selectFrom('enterprise_fact_values as v')
    .innerJoin('enterprise_facts as f', 'f.id', 'v.fact_id')
    .select(['v.enterprise_id', 'v.value_text as tier', 'v.source', 'f.import_id', 'f.recorded_at'])
    .where('v.fact_key', '=', 'creditTier')
    .where('v.enterprise_id', 'in', enterpriseIds)
    .execute()
}

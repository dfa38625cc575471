import { sql, type Insertable } from 'kysely'
import type { Executor } from '../kernel/db/database'
import type { DepartmentsTable } from '../modules/departments/departments.tables'
import type { EnterprisesTable } from '../modules/enterprises/enterprises.tables'

export async function lockSeeding(db: Executor): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(727500003)`.execute(db)
}

/** Fresh planner statistics for the enterprise and fact tables after a bulk load. */
export async function analyzeFactTables(db: Executor): Promise<void> {
  await sql`ANALYZE enterprises, enterprise_facts, enterprise_fact_values`.execute(db)
}

export async function countDepartments(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('departments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertDepartmentRow(
  db: Executor,
  values: Insertable<DepartmentsTable>,
): Promise<string> {
  const row = await db.insertInto('departments').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function insertDemoStaff(
  db: Executor,
  row: { username: string; displayName: string; departmentId: string; passwordHash: string },
): Promise<string> {
  const inserted = await db
    .insertInto('users')
    .values({
      kind: 'staff',
      username: row.username,
      display_name: row.displayName,
      department_id: row.departmentId,
      password_hash: row.passwordHash,
      is_demo: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

export async function insertRoleRows(
  db: Executor,
  rows: { user_id: string; role: string; department_id: string }[],
): Promise<void> {
  if (rows.length) await db.insertInto('user_roles').values(rows).execute()
}

export async function insertDemoEnterpriseUser(
  db: Executor,
  phone: string,
  displayName: string,
): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({ kind: 'enterprise', phone, display_name: displayName, is_demo: true })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Inserts enterprises in batches and returns their ids in order, with version-1 profile snapshots. */
export async function insertEnterpriseBatch(
  db: Executor,
  rows: Insertable<EnterprisesTable>[],
  profiles: Record<string, unknown>[],
): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await db
      .insertInto('enterprises')
      .values(rows.slice(i, i + 500))
      .returning('id')
      .execute()
    const batchIds = inserted.map((r) => r.id)
    await db
      .insertInto('enterprise_profile_versions')
      .values(
        batchIds.map((id, j) => ({
          enterprise_id: id,
          version: 1,
          profile: JSON.stringify(profiles[i + j]),
          changed_fields: Object.keys(profiles[i + j]!),
          changed_by: null,
        })),
      )
      .execute()
    ids.push(...batchIds)
  }
  return ids
}

export async function insertMemberRows(
  db: Executor,
  rows: { enterprise_id: string; user_id: string; role: 'manager' | 'agent' }[],
): Promise<void> {
  if (rows.length) await db.insertInto('enterprise_members').values(rows).execute()
}

export async function countAppealCategories(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('appeal_categories')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function findDepartmentIdsByCode(db: Executor): Promise<Map<string, string>> {
  const rows = await db.selectFrom('departments').select(['id', 'code']).execute()
  return new Map(rows.map((r) => [r.code, r.id]))
}

export async function insertAppealCategories(
  db: Executor,
  rows: {
    code: string
    name: string
    name_en: string
    default_department_id: string | null
    default_tier: 'urgent' | 'fast' | 'normal' | 'complex'
    sort_order: number
    keywords: string[]
  }[],
): Promise<void> {
  // A code already there is left as the administrator made it.
  if (rows.length)
    await db
      .insertInto('appeal_categories')
      .values(rows)
      .onConflict((oc) => oc.column('code').doNothing())
      .execute()
}

/** Categories whose keywords were never set (a catalogue older than keywords). */
export async function findCategoriesWithoutKeywords(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('appeal_categories').select('code').where('keywords', 'is', null).execute()
  return rows.map((r) => r.code)
}

export async function setCategoryKeywordsIfUnset(db: Executor, code: string, keywords: string[]) {
  await db
    .updateTable('appeal_categories')
    .set({ keywords })
    .where('code', '=', code)
    .where('keywords', 'is', null)
    .execute()
}

/** Departments whose recognised names were never set (a tree seeded before they existed). */
export async function findDepartmentsWithoutRecognisedNames(db: Executor) {
  return db.selectFrom('departments').select(['id', 'code']).where('recognised_names', 'is', null).execute()
}

export async function setRecognisedNamesIfUnset(db: Executor, id: string, names: string[]) {
  await db
    .updateTable('departments')
    .set({ recognised_names: names })
    .where('id', '=', id)
    .where('recognised_names', 'is', null)
    .execute()
}

export async function countFactSourceDepartments(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('fact_source_departments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertFactSourceDepartments(
  db: Executor,
  rows: { source: string; department_id: string }[],
) {
  if (rows.length)
    await db
      .insertInto('fact_source_departments')
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .execute()
}

export async function countPolicies(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('policies')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function findDemoProfiles(db: Executor) {
  return db
    .selectFrom('enterprises')
    .select([
      'id',
      'uscc',
      'size_class',
      'employees',
      'annual_revenue',
      'industry_code',
      'tags',
      'founded_on',
    ])
    .where('is_demo', '=', true)
    .orderBy('match_index')
    .execute()
}

/** A member of staff of a department that verifies the source: who a demo data file is recorded as sent by. */
export async function findSourceSender(db: Executor, source: string) {
  return db
    .selectFrom('fact_source_departments as s')
    .innerJoin('user_roles as r', 'r.department_id', 's.department_id')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id as userId', 's.department_id as departmentId'])
    .where('s.source', '=', source)
    .where('r.role', 'in', ['handler', 'department_head'])
    .orderBy('u.username')
    .executeTakeFirst()
}

export async function countRegistryRecords(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('enterprise_registry')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function findDemoIdentities(db: Executor) {
  return db
    .selectFrom('enterprises')
    .select(['uscc', 'name', 'legal_representative'])
    .where('is_demo', '=', true)
    .orderBy('uscc')
    .execute()
}

/** The demo enterprise user's first enterprise and whether it has any application yet (the ratings demo). */
export async function findDemoApplicant(db: Executor, phone: string) {
  return db
    .selectFrom('enterprise_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('enterprises as e', 'e.id', 'm.enterprise_id')
    .select([
      'u.id as user_id',
      'e.id as enterprise_id',
      (eb) =>
        eb
          .exists(eb.selectFrom('applications as a').whereRef('a.enterprise_id', '=', 'e.id'))
          .as('has_applications'),
    ])
    .where('u.phone', '=', phone)
    .orderBy('e.name')
    .executeTakeFirst()
}

/** A department's published matters, by code: what the demo's decided applications were made on. */
export async function findPublishedMattersOf(db: Executor, departmentCode: string, limit: number) {
  return db
    .selectFrom('service_matters as m')
    .innerJoin('service_matter_versions as v', 'v.id', 'm.current_version_id')
    .innerJoin('departments as d', 'd.id', 'm.department_id')
    .select(['m.id as matter_id', 'v.id as version_id', 'm.department_id', 'v.name'])
    .where('d.code', '=', departmentCode)
    .where('v.status', '=', 'published')
    .orderBy('m.code')
    .limit(limit)
    .execute()
}

/** One approved application, as the demo shows it: received, accepted and decided at the given times. */
export async function insertDecidedDemoApplication(
  db: Executor,
  row: {
    enterpriseId: string
    createdBy: string
    matter: { matter_id: string; version_id: string; department_id: string; name: string }
    receivedAt: Date
    decidedAt: Date
  },
): Promise<string> {
  const inserted = await db
    .insertInto('applications')
    .values({
      enterprise_id: row.enterpriseId,
      created_by: row.createdBy,
      title: row.matter.name,
      status: 'approved',
      created_at: row.receivedAt,
      submitted_at: row.receivedAt,
      received_at: row.receivedAt,
      accepted_at: row.receivedAt,
      accepted_from: row.receivedAt,
      matter_version_id: row.matter.version_id,
      matter_id: row.matter.matter_id,
      department_id: row.matter.department_id,
      form_data: JSON.stringify({}),
      decided_at: row.decidedAt,
      closed_at: row.decidedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

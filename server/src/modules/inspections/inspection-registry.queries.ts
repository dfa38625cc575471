import { sql, type Updateable } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'
import type { InspectionItemsTable, InspectionItemStatus, InspectorsTable } from './inspections.tables'

/** The SQL of the registry: inspection items, certified inspectors and their declared conflicts. */

const itemColumns = [
  'i.id',
  'i.code',
  'i.name',
  'i.department_id',
  'd.name as department_name',
  'i.basis',
  'i.content',
  'i.status',
  'i.published_at',
  'i.withdrawn_at',
  'i.last_used_on',
  'i.version',
] as const

export type InspectionItemRow = NonNullable<Awaited<ReturnType<typeof findInspectionItem>>>

export async function findInspectionItem(db: Executor, id: string) {
  return db
    .selectFrom('inspection_items as i')
    .innerJoin('departments as d', 'd.id', 'i.department_id')
    .select(itemColumns)
    .where('i.id', '=', id)
    .executeTakeFirst()
}

export async function lockInspectionItem(tx: Tx, id: string) {
  return tx.selectFrom('inspection_items').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function isInspectionItemCodeTaken(db: Executor, code: string) {
  const row = await db.selectFrom('inspection_items').select('id').where('code', '=', code).executeTakeFirst()
  return row !== undefined
}

export async function insertInspectionItem(
  tx: Tx,
  values: { code: string; name: string; departmentId: string; basis: string; content: string },
): Promise<string> {
  const row = await tx
    .insertInto('inspection_items')
    .values({
      code: values.code,
      name: values.name,
      department_id: values.departmentId,
      basis: values.basis,
      content: values.content,
      created_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateInspectionItem(tx: Tx, id: string, changes: Updateable<InspectionItemsTable>) {
  await tx
    .updateTable('inspection_items')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .execute()
}

/** Items of some bodies (null: all), by status and a word of the name, code or basis; at most 500. */
export async function findInspectionItems(
  db: Executor,
  filter: {
    departmentIds: readonly string[] | null
    status?: InspectionItemStatus
    q?: string
  },
) {
  let query = db
    .selectFrom('inspection_items as i')
    .innerJoin('departments as d', 'd.id', 'i.department_id')
    .select(itemColumns)
  if (filter.departmentIds !== null) {
    if (!filter.departmentIds.length) return []
    query = query.where('i.department_id', 'in', filter.departmentIds)
  }
  if (filter.status) query = query.where('i.status', '=', filter.status)
  if (filter.q) {
    // The word is a literal, not a pattern: escape LIKE's wildcards.
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    query = query.where((eb) =>
      eb.or([eb('i.name', 'ilike', like), eb('i.code', 'ilike', like), eb('i.basis', 'ilike', like)]),
    )
  }
  return query.orderBy('d.name').orderBy('i.code').limit(500).execute()
}

/** The items a plan names, with what the plan must check of each. */
export async function findItemsForPlan(db: Executor, ids: readonly string[]) {
  if (!ids.length) return []
  return db
    .selectFrom('inspection_items')
    .select(['id', 'department_id', 'status'])
    .where('id', 'in', ids)
    .execute()
}

/** Remembers the city date an item was last used (never moves it back). */
export async function markItemsUsed(tx: Tx, ids: readonly string[], usedOn: string) {
  if (!ids.length) return
  await tx
    .updateTable('inspection_items')
    .set({ last_used_on: sql`GREATEST(COALESCE(last_used_on, ${usedOn}::date), ${usedOn}::date)` })
    .where('id', 'in', ids)
    .execute()
}

// ── inspectors ────────────────────────────────────────────────────────────────────────────────

export async function findInspector(db: Executor, userId: string) {
  return db.selectFrom('inspectors').selectAll().where('user_id', '=', userId).executeTakeFirst()
}

export async function lockInspector(tx: Tx, userId: string) {
  return tx.selectFrom('inspectors').selectAll().where('user_id', '=', userId).forUpdate().executeTakeFirst()
}

export async function isCertificateNoTaken(db: Executor, certificateNo: string) {
  const row = await db
    .selectFrom('inspectors')
    .select('user_id')
    .where('certificate_no', '=', certificateNo)
    .executeTakeFirst()
  return row !== undefined
}

export async function insertInspector(
  tx: Tx,
  values: { userId: string; departmentId: string; certificateNo: string; certifiedUntil: string },
) {
  await tx
    .insertInto('inspectors')
    .values({
      user_id: values.userId,
      department_id: values.departmentId,
      certificate_no: values.certificateNo,
      certified_until: values.certifiedUntil,
      created_at: new Date(),
    })
    .execute()
}

export async function updateInspector(tx: Tx, userId: string, changes: Updateable<InspectorsTable>) {
  await tx.updateTable('inspectors').set(changes).where('user_id', '=', userId).execute()
}

export async function findInspectors(db: Executor, departmentIds: readonly string[] | null) {
  let query = db
    .selectFrom('inspectors as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('departments as d', 'd.id', 's.department_id')
    .select([
      's.user_id',
      'u.display_name',
      's.department_id',
      'd.name as department_name',
      's.certificate_no',
      's.certified_until',
      's.active',
    ])
  if (departmentIds !== null) {
    if (!departmentIds.length) return []
    query = query.where('s.department_id', 'in', departmentIds)
  }
  return query.orderBy('d.name').orderBy('s.certificate_no').limit(1000).execute()
}

export async function findConflictsOf(db: Executor, userIds: readonly string[]) {
  if (!userIds.length) return []
  return db
    .selectFrom('inspector_conflicts as c')
    .innerJoin('enterprises as e', 'e.id', 'c.enterprise_id')
    .select(['c.inspector_user_id', 'c.enterprise_id', 'e.name as enterprise_name', 'c.reason'])
    .where('c.inspector_user_id', 'in', userIds)
    .orderBy('c.declared_at')
    .execute()
}

/** Declares a conflict once; answers false when it was declared already. */
export async function insertConflict(
  tx: Tx,
  values: { userId: string; enterpriseId: string; reason: string },
): Promise<boolean> {
  const rows = await tx
    .insertInto('inspector_conflicts')
    .values({
      inspector_user_id: values.userId,
      enterprise_id: values.enterpriseId,
      reason: values.reason,
      declared_at: new Date(),
    })
    .onConflict((oc) => oc.doNothing())
    .returning('inspector_user_id')
    .execute()
  return rows.length > 0
}

export async function enterpriseExists(db: Executor, id: string) {
  return (
    (await db.selectFrom('enterprises').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  )
}

export async function departmentExists(db: Executor, id: string) {
  return (
    (await db.selectFrom('departments').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  )
}

/** Whether a user is active staff of a body (a member of it, or holding a role in it). */
export async function findStaffOfBody(db: Executor, departmentId: string, userIds: readonly string[]) {
  if (!userIds.length) return []
  return db
    .selectFrom('users as u')
    .select(['u.id', 'u.display_name'])
    .where('u.id', 'in', userIds)
    .where('u.kind', '=', 'staff')
    .where('u.is_disabled', '=', false)
    .where((eb) =>
      eb.or([
        eb('u.department_id', '=', departmentId),
        eb.exists(
          eb
            .selectFrom('user_roles as r')
            .select('r.user_id')
            .whereRef('r.user_id', '=', 'u.id')
            .where('r.department_id', '=', departmentId),
        ),
      ]),
    )
    .execute()
}

/** The body's active staff (the visitors a service visit may list); at most 300. */
export async function findStaffListOfBody(db: Executor, departmentId: string) {
  return db
    .selectFrom('users as u')
    .select(['u.id', 'u.display_name'])
    .where('u.kind', '=', 'staff')
    .where('u.is_disabled', '=', false)
    .where((eb) =>
      eb.or([
        eb('u.department_id', '=', departmentId),
        eb.exists(
          eb
            .selectFrom('user_roles as r')
            .select('r.user_id')
            .whereRef('r.user_id', '=', 'u.id')
            .where('r.department_id', '=', departmentId),
        ),
      ]),
    )
    .orderBy('u.display_name')
    .limit(300)
    .execute()
}

/** What the team rules need of each named inspector, and whether they declared a conflict with the enterprise. */
export async function findInspectorFacts(db: Executor, userIds: readonly string[], enterpriseId: string) {
  if (!userIds.length) return []
  return db
    .selectFrom('inspectors as s')
    .select((eb) => [
      's.user_id',
      's.department_id',
      's.active',
      's.certified_until',
      eb
        .exists(
          eb
            .selectFrom('inspector_conflicts as c')
            .select('c.inspector_user_id')
            .whereRef('c.inspector_user_id', '=', 's.user_id')
            .where('c.enterprise_id', '=', enterpriseId),
        )
        .as('has_conflict'),
    ])
    .where('s.user_id', 'in', userIds)
    .execute()
}

import { sql, type Insertable, type Updateable } from 'kysely'
import type { Executor } from '../../kernel/db/database'
import type { DepartmentsTable } from './departments.tables'

export async function findAllDepartments(db: Executor) {
  return db
    .selectFrom('departments as d')
    .selectAll('d')
    .select((eb) =>
      eb
        .selectFrom('users as u')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('u.department_id', '=', 'd.id')
        .where('u.is_disabled', '=', false)
        .as('user_count'),
    )
    .orderBy('d.sort_order')
    .orderBy('d.name')
    .execute()
}

export async function findDepartmentById(db: Executor, id: string) {
  return db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findDepartmentByCode(db: Executor, code: string) {
  return db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirst()
}

export async function insertDepartment(db: Executor, values: Insertable<DepartmentsTable>) {
  return db.insertInto('departments').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function updateDepartmentIfVersion(
  db: Executor,
  id: string,
  expectedVersion: number,
  changes: Updateable<DepartmentsTable>,
) {
  return db
    .updateTable('departments')
    .set({ ...changes, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst()
}

/** The department and every department below it. */
export async function findSubtreeIds(db: Executor, rootId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    WITH RECURSIVE subtree AS (
      SELECT id FROM departments WHERE id = ${rootId}
      UNION ALL
      SELECT d.id FROM departments d JOIN subtree s ON d.parent_id = s.id
    )
    SELECT id FROM subtree`.execute(db)
  return rows.rows.map((r) => r.id)
}

export async function countActiveChildren(db: Executor, id: string): Promise<number> {
  const row = await db
    .selectFrom('departments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', id)
    .where('is_active', '=', true)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function countActiveUsers(db: Executor, id: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('department_id', '=', id)
    .where('is_disabled', '=', false)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Every other active department's names and forms, and the city's root name: a new form must be free. */
export async function findNamedDepartments(db: Executor, exceptId: string | null) {
  let q = db
    .selectFrom('departments')
    .select(['id', 'name', 'short_name', 'recognised_names', 'kind'])
    .where('is_active', '=', true)
  if (exceptId) q = q.where('id', '<>', exceptId)
  return q.execute()
}

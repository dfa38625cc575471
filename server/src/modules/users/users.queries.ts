import { sql, type RawBuilder } from 'kysely'
import type { Executor } from '../../kernel/db/database'

export async function findStaff(
  db: Executor,
  filter: {
    departmentIds?: string[] | undefined
    departmentId?: string | undefined
    role?: string | undefined
    q?: string | undefined
    id?: string | undefined
  },
) {
  let query = db
    .selectFrom('users as u')
    .innerJoin('departments as d', 'd.id', 'u.department_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.department_id',
      'd.name as department_name',
      'u.phone',
      'u.email',
      'u.is_disabled',
      'u.totp_enabled_at',
      'u.must_change_password',
      'u.last_sign_in_at',
      'u.version',
    ])
    .where('u.kind', '=', 'staff')
  // Department scoping is part of the query: a department head's list never holds other departments.
  if (filter.departmentIds)
    query = query.where(
      'u.department_id',
      'in',
      filter.departmentIds.length ? filter.departmentIds : ['00000000-0000-0000-0000-000000000000'],
    )
  if (filter.departmentId) query = query.where('u.department_id', '=', filter.departmentId)
  if (filter.id) query = query.where('u.id', '=', filter.id)
  if (filter.role) {
    const role = filter.role
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles as r')
          .select('r.user_id')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.role', '=', role),
      ),
    )
  }
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`
    query = query.where((eb) => eb.or([eb('u.username', 'ilike', like), eb('u.display_name', 'ilike', like)]))
  }
  return query.orderBy('d.sort_order').orderBy('u.username').limit(500).execute()
}

export async function findGrantsOf(db: Executor, userIds: string[]) {
  if (userIds.length === 0) return []
  return db
    .selectFrom('user_roles as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select(['r.user_id', 'r.role', 'r.department_id', 'd.name as department_name'])
    .where('r.user_id', 'in', userIds)
    .orderBy('r.role')
    .execute()
}

export async function findUsername(db: Executor, username: string) {
  return db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()
}

export async function findUserRow(db: Executor, id: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where('kind', '=', 'staff')
    .executeTakeFirst()
}

export async function insertStaffUser(
  db: Executor,
  row: {
    username: string
    displayName: string
    departmentId: string
    phone: string | null
    email: string | null
    passwordHash: string
  },
) {
  return db
    .insertInto('users')
    .values({
      kind: 'staff',
      username: row.username,
      display_name: row.displayName,
      department_id: row.departmentId,
      phone: row.phone,
      email: row.email,
      password_hash: row.passwordHash,
      must_change_password: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function replaceGrants(
  db: Executor,
  userId: string,
  grants: { role: string; departmentId: string }[],
): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute()
  if (grants.length) {
    await db
      .insertInto('user_roles')
      .values(grants.map((g) => ({ user_id: userId, role: g.role, department_id: g.departmentId })))
      .execute()
  }
}

export async function updateUserIfVersion(
  db: Executor,
  id: string,
  expectedVersion: number,
  changes: {
    display_name?: string
    department_id?: string
    phone?: string | null
    email?: string | null
    is_disabled?: boolean
  },
) {
  return db
    .updateTable('users')
    .set({ ...changes, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('id')
    .executeTakeFirst()
}

export async function setInitialPassword(db: Executor, id: string, passwordHash: string): Promise<void> {
  await db
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      must_change_password: true,
      version: sql`version + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute()
}

export async function countActiveAdmins(db: Executor, exceptUserId: string): Promise<number> {
  const row = await db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select((eb) => eb.fn.count<number>('r.user_id').distinct().as('n'))
    .where('r.role', '=', 'admin')
    .where('u.is_disabled', '=', false)
    .where('u.id', '<>', exceptUserId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function findActiveDepartmentIds(db: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await db
    .selectFrom('departments')
    .select('id')
    .where('id', 'in', ids)
    .where('is_active', '=', true)
    .execute()
  return new Set(rows.map((r) => r.id))
}

/**
 * The same people as findActiveStaffWithRoles without departments, as a subquery of (id) for a
 * statement that messages them together with the change it makes (decision 0040).
 *
 * Driven from the role's few rows (user_roles_role_idx), each person's account then read by its key:
 * as a join, the prepared statement's generic plan (the roles unknown) hashed the whole users table —
 * every enterprise user too — on every filing (decision 0071).
 */
export function activeStaffWithRolesSql(roles: string[]): RawBuilder<{ id: string }> {
  return sql<{ id: string }>`SELECT DISTINCT r.user_id AS id FROM user_roles r
                              WHERE r.role = ANY(${roles}::text[])
                                AND (SELECT NOT u.is_disabled FROM users u WHERE u.id = r.user_id)`
}

/** Active staff holding one of the roles in one of the departments (for notifications). */
export async function findActiveStaffWithRoles(
  db: Executor,
  departmentIds: string[] | null,
  roles: string[],
): Promise<string[]> {
  let q = db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select('u.id')
    .distinct()
    .where('r.role', 'in', roles)
    .where('u.is_disabled', '=', false)
  if (departmentIds)
    q = q.where(
      'r.department_id',
      'in',
      departmentIds.length ? departmentIds : ['00000000-0000-0000-0000-000000000000'],
    )
  return (await q.execute()).map((r) => r.id)
}

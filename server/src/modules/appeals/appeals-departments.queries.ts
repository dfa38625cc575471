import type { Executor } from '../../kernel/db/database'

/** Departments as appeals name and dispatch to them. */

export async function findDepartmentNames(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>()
  const rows = await db.selectFrom('departments').select(['id', 'name']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

export async function findActiveDepartments(db: Executor, ids: string[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('departments')
    .select(['id', 'name', 'kind'])
    .where('id', 'in', ids)
    .where('is_active', '=', true)
    .execute()
}

export async function findFallbackOwner(db: Executor) {
  return db
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('is_fallback_owner', '=', true)
    .where('is_active', '=', true)
    .orderBy('sort_order')
    .executeTakeFirst()
}

import type { Executor, Tx } from '../../kernel/db/database'

/** The SQL the demo data needs beyond the module's own queries (the seed runs it once). */

export async function countInspectionItems(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('inspection_items')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function findDepartmentIdsByCodes(db: Executor, codes: readonly string[]) {
  return db.selectFrom('departments').select(['id', 'code']).where('code', 'in', codes).execute()
}

export async function findUserIdsByUsernames(db: Executor, usernames: readonly string[]) {
  return db.selectFrom('users').select(['id', 'username']).where('username', 'in', usernames).execute()
}

/** The demo enterprises of a phone's user, by name. */
export async function findEnterprisesOfPhone(db: Executor, phone: string) {
  return db
    .selectFrom('enterprise_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('enterprises as e', 'e.id', 'm.enterprise_id')
    .select(['e.id', 'u.id as user_id'])
    .where('u.phone', '=', phone)
    .orderBy('e.name')
    .execute()
}

/** Sets the demo's past moments and states directly (the demo tells a story that already happened). */
export async function setItemDates(
  tx: Tx,
  id: string,
  values: { publishedAt: Date; lastUsedOn: string | null },
) {
  await tx
    .updateTable('inspection_items')
    .set({ status: 'published', published_at: values.publishedAt, last_used_on: values.lastUsedOn })
    .where('id', '=', id)
    .execute()
}

import type { Insertable, Updateable } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'
import type { AppealClocksTable } from './appeals.tables'

/** An appeal's working-time clocks, and the sweep's due ones. */

export type ClockRow = NonNullable<Awaited<ReturnType<typeof findClocks>>>[number]

export async function insertClock(tx: Tx, values: Insertable<AppealClocksTable>): Promise<void> {
  await tx.insertInto('appeal_clocks').values(values).execute()
}

export async function findClocks(db: Executor, appealId: string) {
  return db
    .selectFrom('appeal_clocks')
    .selectAll()
    .where('appeal_id', '=', appealId)
    .orderBy('started_at')
    .execute()
}

export async function updateClock(tx: Tx, id: string, changes: Updateable<AppealClocksTable>): Promise<void> {
  await tx.updateTable('appeal_clocks').set(changes).where('id', '=', id).execute()
}

/** The appeal's running clocks (except sign-for and co-handlers' parts, which belong to one assignment) move to another department. */
export async function reassignRunningClocks(tx: Tx, appealId: string, departmentId: string): Promise<void> {
  await tx
    .updateTable('appeal_clocks')
    .set({ department_id: departmentId })
    .where('appeal_id', '=', appealId)
    .where('stopped_at', 'is', null)
    .where('kind', 'not in', ['sign_for', 'co_part'])
    .execute()
}

/**
 * Clocks with a threshold due by `now`, each locked together with its appeal, skipping any clock or
 * appeal another transaction holds. The clock's lock keeps two sweeping nodes from acting on one
 * threshold twice; the appeal's keeps two nodes that hold two clocks of one appeal from escalating it
 * twice (one supervision case per appeal), and means a sweep never waits for — nor deadlocks with — a
 * handler's action on the appeal (that locks the appeal, then its clocks): the clock waits for the
 * next sweep. NO KEY UPDATE, so other rows may still be inserted that refer to the appeal.
 */
export async function lockDueClocks(tx: Tx, now: Date, limit: number) {
  return tx
    .selectFrom('appeal_clocks as c')
    .innerJoin('appeals as a', 'a.id', 'c.appeal_id')
    .selectAll('c')
    .where('c.next_check_at', '<=', now)
    .orderBy('c.next_check_at')
    .limit(limit)
    .forNoKeyUpdate(['c', 'a'])
    .skipLocked()
    .execute()
}

import { sql, type Updateable } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'
import type { AppealsTable } from './appeals.tables'

/** The appeal row itself: read, locked for an action, updated (every action goes through these). */

export type AppealRow = NonNullable<Awaited<ReturnType<typeof findAppeal>>>

export async function findAppeal(db: Executor, id: string) {
  return db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The row, locked until the transaction ends: every action on one appeal goes one at a time. */
export async function lockAppeal(tx: Tx, id: string) {
  return tx.selectFrom('appeals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function updateAppeal(tx: Tx, id: string, changes: Updateable<AppealsTable>) {
  return tx
    .updateTable('appeals')
    .set({ ...changes, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

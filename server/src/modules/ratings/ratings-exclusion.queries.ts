import type { Executor, Tx } from '../../kernel/db/database'

/** The SQL of a rating's exclusion and of reading one rating for its review (ratings-exclusion.ts). */

export async function findRatingRow(db: Executor, id: string) {
  return db.selectFrom('ratings').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Sets the exclusion once: answers false when the rating is missing or already excluded. */
export async function markRatingExcluded(tx: Tx, id: string, reason: string, at: Date): Promise<boolean> {
  const result = await tx
    .updateTable('ratings')
    .set({ excluded_at: at, excluded_reason: reason })
    .where('id', '=', id)
    .where('excluded_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function countExcludedByReason(db: Executor) {
  return db
    .selectFrom('ratings')
    .select(['excluded_reason', (eb) => eb.fn.countAll<string>().as('count')])
    .where('excluded_at', 'is not', null)
    .groupBy('excluded_reason')
    .orderBy('excluded_reason')
    .execute()
}

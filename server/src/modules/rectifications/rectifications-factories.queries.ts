import type { Insertable } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'
import type { DB } from '../../kernel/db/schema'

/** The SQL of rectifications' test builders (rectifications.factories.ts); tests only. */

export async function insertRatingRow(tx: Tx, values: Insertable<DB['ratings']>) {
  return tx.insertInto('ratings').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function findRectificationByRating(db: Executor, ratingId: string) {
  return db.selectFrom('rectifications').selectAll().where('rating_id', '=', ratingId).executeTakeFirst()
}

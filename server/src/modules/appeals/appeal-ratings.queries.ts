import type { Executor, Tx } from '../../kernel/db/database'

/** The enterprise's ratings (好差评) of each answer cycle. */

export async function insertRating(
  tx: Tx,
  row: {
    appealId: string
    cycle: number
    solved: boolean
    level: number | null
    comment: string | null
    by: string | null
  },
) {
  await tx
    .insertInto('appeal_ratings')
    .values({
      appeal_id: row.appealId,
      cycle: row.cycle,
      solved: row.solved,
      level: row.level,
      comment: row.comment,
      rated_by: row.by,
    })
    .execute()
}

export async function findRatings(db: Executor, appealId: string) {
  return db
    .selectFrom('appeal_ratings')
    .selectAll()
    .where('appeal_id', '=', appealId)
    .orderBy('cycle')
    .execute()
}

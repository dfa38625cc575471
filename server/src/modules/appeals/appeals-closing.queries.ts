import type { Executor, Tx } from '../../kernel/db/database'

/** Closing: answered appeals the enterprise left unrated, and the return visits (回访) sampled after. */

export async function lockAutoClosable(tx: Tx, now: Date, limit: number) {
  return tx
    .selectFrom('appeals')
    .selectAll()
    .where('status', '=', 'replied')
    .where('auto_close_at', '<=', now)
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute()
}

export async function insertReturnVisit(
  tx: Tx,
  row: { appealId: string; cycle: number; reason: 'random' | 'low_rating' | 'no_rating' | 'manual' },
) {
  return tx
    .insertInto('appeal_return_visits')
    .values({ appeal_id: row.appealId, cycle: row.cycle, sample_reason: row.reason })
    .onConflict((oc) => oc.columns(['appeal_id', 'cycle']).doNothing())
    .returningAll()
    .executeTakeFirst()
}

export async function findReturnVisits(
  db: Executor,
  status: 'pending' | 'done' | 'unreachable' | undefined,
  limit: number,
) {
  let q = db
    .selectFrom('appeal_return_visits as v')
    .innerJoin('appeals as a', 'a.id', 'v.appeal_id')
    .innerJoin('enterprises as e', 'e.id', 'a.enterprise_id')
    .selectAll('v')
    .select(['a.number', 'e.name as enterprise_name'])
  if (status) q = q.where('v.status', '=', status)
  return q.orderBy('v.sampled_at', 'desc').limit(limit).execute()
}

export async function findReturnVisitForUpdate(tx: Tx, id: string) {
  return tx.selectFrom('appeal_return_visits').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function hasPendingReturnVisit(db: Executor, appealId: string): Promise<boolean> {
  const row = await db
    .selectFrom('appeal_return_visits')
    .select('id')
    .where('appeal_id', '=', appealId)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  return !!row
}

export async function findPendingVisitOf(tx: Tx, appealId: string) {
  return tx
    .selectFrom('appeal_return_visits')
    .selectAll()
    .where('appeal_id', '=', appealId)
    .where('status', '=', 'pending')
    .forUpdate()
    .executeTakeFirst()
}

export async function completeReturnVisit(
  tx: Tx,
  id: string,
  row: {
    status: 'done' | 'unreachable'
    solved: boolean | null
    level: number | null
    note: string | null
    by: string | null
  },
): Promise<void> {
  await tx
    .updateTable('appeal_return_visits')
    .set({
      status: row.status,
      solved: row.solved,
      level: row.level,
      note: row.note,
      visited_by: row.by,
      visited_at: new Date(),
    })
    .where('id', '=', id)
    .execute()
}

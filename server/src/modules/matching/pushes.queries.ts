import { sql } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'

/**
 * Pushes (政策直达): the newly eligible pairs a run found, kept until delivered, and what was
 * delivered to whom.
 */

/** Newly eligible pairs found by a slice, kept until delivered (`rank`: the item's place in the run). */
export async function insertPushCandidates(
  tx: Tx,
  runId: number,
  pairs: { itemId: string; enterpriseId: string; rank: number }[],
): Promise<void> {
  for (let i = 0; i < pairs.length; i += 20_000) {
    const batch = pairs.slice(i, i + 20_000)
    await sql`
      INSERT INTO policy_push_candidates (run_id, enterprise_id, item_id, item_rank)
      SELECT ${runId}, e, i, r
        FROM unnest(${batch.map((p) => p.enterpriseId)}::uuid[], ${batch.map((p) => p.itemId)}::uuid[],
                    ${batch.map((p) => p.rank)}::int[]) AS t(e, i, r)
      ON CONFLICT DO NOTHING`.execute(tx)
  }
}

/** Runs with pairs still to deliver (the current one, or one that stopped half-way), oldest first. */
export async function findRunsWithPushCandidates(db: Executor): Promise<number[]> {
  const rows = await db
    .selectFrom('policy_push_candidates')
    .select('run_id')
    .distinct()
    .orderBy('run_id')
    .execute()
  return rows.map((r) => r.run_id)
}

/** The next enterprises of a run to tell, each with its items in the run's order. */
export async function findPushCandidates(db: Executor, runId: number, limit: number) {
  const rows = await sql<{ enterprise_id: string; item_ids: string[] }>`
    SELECT enterprise_id, array_agg(item_id::text ORDER BY item_rank, item_id) AS item_ids
      FROM policy_push_candidates WHERE run_id = ${runId}
     GROUP BY enterprise_id ORDER BY enterprise_id LIMIT ${limit}`.execute(db)
  return rows.rows
}

export async function deletePushCandidates(tx: Tx, runId: number, enterpriseIds: string[]): Promise<void> {
  if (!enterpriseIds.length) return
  await sql`DELETE FROM policy_push_candidates
             WHERE run_id = ${runId} AND enterprise_id = ANY(${enterpriseIds}::uuid[])`.execute(tx)
}

export async function findEnterpriseNames(db: Executor, ids: string[]) {
  const map = new Map<string, string>()
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await db
      .selectFrom('enterprises')
      .select(['id', 'name'])
      .where('id', 'in', ids.slice(i, i + 5000))
      .execute()
    for (const r of rows) map.set(r.id, r.name)
  }
  return map
}

export async function insertPushes(
  tx: Tx,
  rows: {
    itemId: string
    enterpriseId: string
    runId: number
    status: 'notified' | 'not_subscribed' | 'opted_out'
    notificationId: string | null
  }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await tx
      .insertInto('policy_pushes')
      .values(
        rows.slice(i, i + 1000).map((r) => ({
          item_id: r.itemId,
          enterprise_id: r.enterpriseId,
          run_id: r.runId,
          status: r.status,
          notification_id: r.notificationId,
        })),
      )
      .execute()
  }
}

export async function findPushesOf(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('policy_pushes')
    .select(['item_id', 'detected_at', 'status', 'viewed_at'])
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('detected_at', 'desc')
    .execute()
}

export async function markPushViewed(tx: Executor, enterpriseId: string, itemId: string): Promise<void> {
  await tx
    .updateTable('policy_pushes')
    .set({ viewed_at: new Date() })
    .where('enterprise_id', '=', enterpriseId)
    .where('item_id', '=', itemId)
    .where('viewed_at', 'is', null)
    .execute()
}

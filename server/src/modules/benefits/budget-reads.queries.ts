import { sql } from 'kysely'
import type { Executor } from '../../kernel/db/database'

/**
 * Read-only figures of the benefits module for the policies module: what has been paid under each
 * item so far, which a publication preview sets against the item's budget cap (a revision of a policy
 * in force has spent part of it). The policies module calls this instead of reading payouts itself.
 */
export async function findPaidByItems(
  db: Executor,
  itemIds: readonly string[],
): Promise<Map<string, number>> {
  const paid = new Map<string, number>()
  if (itemIds.length === 0) return paid
  const rows = await db
    .selectFrom('benefit_payouts')
    .select(['item_id', sql<string>`coalesce(sum(amount), 0)`.as('total')])
    .where('item_id', 'in', [...itemIds])
    .groupBy('item_id')
    .execute()
  for (const r of rows) paid.set(r.item_id, Number(r.total))
  return paid
}

import type { Executor } from '../../kernel/db/database'

const COLUMNS = [
  'c.id',
  'c.enterprise_id',
  'c.department_id',
  'c.number',
  'c.status',
  'c.decided_at',
  'c.closed_at',
  'c.rating_level',
  'i.title',
] as const

/** One claim as the ratings module needs it, with its item's title. */
export async function findRateableClaim(db: Executor, id: string) {
  return db
    .selectFrom('benefit_claims as c')
    .innerJoin('benefit_items as i', 'i.id', 'c.item_id')
    .select(COLUMNS)
    .where('c.id', '=', id)
    .executeTakeFirst()
}

/** Paid or rejected claims not rated yet, newest first. */
export async function findUnratedDecidedClaims(
  db: Executor,
  filter: { enterpriseId?: string; finishedBefore?: Date; finishedAfter?: Date; limit: number },
) {
  let q = db
    .selectFrom('benefit_claims as c')
    .innerJoin('benefit_items as i', 'i.id', 'c.item_id')
    .select(COLUMNS)
    .where('c.status', 'in', ['paid', 'rejected'])
    .where('c.rating_level', 'is', null)
    .where('c.closed_at', 'is not', null)
  if (filter.enterpriseId) q = q.where('c.enterprise_id', '=', filter.enterpriseId)
  if (filter.finishedBefore) q = q.where('c.closed_at', '<=', filter.finishedBefore)
  if (filter.finishedAfter) q = q.where('c.closed_at', '>=', filter.finishedAfter)
  return q.orderBy('c.closed_at', 'desc').limit(filter.limit).execute()
}

import type { Executor } from '../../kernel/db/database'

const COLUMNS = [
  'id',
  'enterprise_id',
  'department_id',
  'title',
  'status',
  'decided_at',
  'closed_at',
] as const
/** The decisions an application is rated after (准予, 不予许可, 不予受理). */
export const RATEABLE_STATES = ['approved', 'refused', 'not_accepted'] as const

/** One application as the ratings module needs it. */
export async function findRateableApplication(db: Executor, id: string) {
  return db.selectFrom('applications').select(COLUMNS).where('id', '=', id).executeTakeFirst()
}

/** Decided applications (closed with the decision), newest first (the ratings module leaves out the rated ones). */
export async function findDecidedApplications(
  db: Executor,
  filter: { enterpriseId?: string; finishedBefore?: Date; finishedAfter?: Date; limit: number },
) {
  let q = db
    .selectFrom('applications')
    .select(COLUMNS)
    .where('status', 'in', RATEABLE_STATES)
    .where('closed_at', 'is not', null)
  if (filter.enterpriseId) q = q.where('enterprise_id', '=', filter.enterpriseId)
  if (filter.finishedBefore) q = q.where('closed_at', '<=', filter.finishedBefore)
  if (filter.finishedAfter) q = q.where('closed_at', '>=', filter.finishedAfter)
  return q.orderBy('closed_at', 'desc').limit(filter.limit).execute()
}

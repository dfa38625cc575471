import type { Executor } from '../../kernel/db/database'

/** The appeals the ratings module lists as rateable: answered, waiting for the enterprise's rating. */
export async function findRepliedAppeals(
  db: Executor,
  filter: { enterpriseId?: string; finishedBefore?: Date; finishedAfter?: Date; limit: number },
) {
  let q = db
    .selectFrom('appeals as a')
    .leftJoin('appeal_assignments as lead', (join) =>
      join.onRef('lead.appeal_id', '=', 'a.id').on('lead.is_current', '=', true).on('lead.role', '=', 'lead'),
    )
    .select([
      'a.id',
      'a.enterprise_id',
      'a.title',
      'a.number',
      'a.status',
      'a.cycle',
      'a.replied_at',
      'a.closed_at',
      'lead.department_id as lead_department_id',
    ])
    .where('a.status', '=', 'replied')
    .where('a.replied_at', 'is not', null)
  if (filter.enterpriseId) q = q.where('a.enterprise_id', '=', filter.enterpriseId)
  if (filter.finishedBefore) q = q.where('a.replied_at', '<=', filter.finishedBefore)
  if (filter.finishedAfter) q = q.where('a.replied_at', '>=', filter.finishedAfter)
  return q.orderBy('a.replied_at', 'desc').limit(filter.limit).execute()
}

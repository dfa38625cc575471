import { sql } from 'kysely'
import type { Executor } from '../../kernel/db/database'

/**
 * The problem classes the cockpit lists: those open, monthly, or closed since `from`, largest first by
 * the appeals in them; for a department's reader only classes with a case of theirs or owned by them.
 */
export async function findCockpitProblemClasses(
  db: Executor,
  query: { from: Date; departmentIds: string[] | null; limit: number },
) {
  let q = db
    .selectFrom('problem_classes as c')
    .leftJoin('problem_class_items as i', (join) =>
      join.onRef('i.class_id', '=', 'c.id').on('i.source', '=', 'appeal'),
    )
    .select(['c.id', 'c.name', 'c.status', sql<number>`count(DISTINCT i.appeal_id)::int`.as('appeals')])
    .where((eb) => eb.or([eb('c.status', '<>', 'closed'), eb('c.closed_at', '>=', query.from)]))
    .groupBy(['c.id', 'c.name', 'c.status'])
    .orderBy('appeals', 'desc')
    .orderBy('c.name')
    .limit(query.limit)
  const departments = query.departmentIds
  if (departments)
    q = q.where((eb) =>
      eb.or([
        eb(
          'c.owner_department_id',
          'in',
          departments.length ? departments : ['00000000-0000-0000-0000-000000000000'],
        ),
        eb.exists(
          eb
            .selectFrom('problem_class_items as mine')
            .select('mine.id')
            .whereRef('mine.class_id', '=', 'c.id')
            .where(
              'mine.department_id',
              'in',
              departments.length ? departments : ['00000000-0000-0000-0000-000000000000'],
            ),
        ),
      ]),
    )
  return q.execute()
}

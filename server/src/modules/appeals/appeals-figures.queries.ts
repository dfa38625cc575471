import { sql } from 'kysely'
import type { Executor } from '../../kernel/db/database'

/**
 * The counts behind docs/METRICS.md, one row per lead department, for appeals first dispatched in
 * [from, to). Every figure is a count here; rates are computed from them in figures.ts.
 */
export type DepartmentCountsRow = {
  department_id: string | null
  dispatched: number
  withdrawn: number
  answered: number
  reopened: number
  rated: number
  resolved: number
  rated_with_level: number
  satisfied: number
  level1: number
  level2: number
  level3: number
  level4: number
  level5: number
  response_met: number
  response_missed: number
  on_time_met: number
  on_time_missed: number
}

export async function countAppealFigures(
  db: Executor,
  from: Date,
  to: Date,
  now: Date,
): Promise<DepartmentCountsRow[]> {
  const result = await sql<DepartmentCountsRow>`
    WITH cohort AS (
      SELECT a.id, a.status, a.reopen_count, a.replied_at, a.close_reason,
             (SELECT s.department_id FROM appeal_assignments s
               WHERE s.appeal_id = a.id AND s.role = 'lead'
               ORDER BY s.is_current DESC, s.dispatched_at DESC LIMIT 1) AS department_id
        FROM appeals a
       WHERE a.first_dispatched_at >= ${from} AND a.first_dispatched_at < ${to}
    ),
    latest AS (
      SELECT DISTINCT ON (r.appeal_id) r.appeal_id, r.solved, r.level
        FROM appeal_ratings r JOIN cohort c ON c.id = r.appeal_id
       ORDER BY r.appeal_id, r.cycle DESC
    ),
    clocks AS (
      SELECT c.department_id, k.kind,
             count(*) FILTER (WHERE k.is_met) AS met,
             count(*) FILTER (WHERE k.is_met = false OR (k.stopped_at IS NULL AND k.due_at < ${now})) AS missed
        FROM appeal_clocks k JOIN cohort c ON c.id = k.appeal_id
       WHERE (k.kind = 'first_contact' AND k.cycle = 1) OR k.kind = 'resolution'
       GROUP BY c.department_id, k.kind
    ),
    appeals_by_department AS (
      SELECT c.department_id,
             count(*)::int AS dispatched,
             count(*) FILTER (WHERE c.status = 'withdrawn')::int AS withdrawn,
             count(*) FILTER (WHERE c.replied_at IS NOT NULL OR c.reopen_count > 0 OR c.close_reason IN ('solved', 'unsolved', 'no_rating'))::int AS answered,
             count(*) FILTER (WHERE c.reopen_count > 0)::int AS reopened,
             count(l.appeal_id)::int AS rated,
             count(*) FILTER (WHERE l.solved AND l.level >= 3)::int AS resolved,
             count(l.level)::int AS rated_with_level,
             count(*) FILTER (WHERE l.level >= 3)::int AS satisfied,
             count(*) FILTER (WHERE l.level = 1)::int AS level1,
             count(*) FILTER (WHERE l.level = 2)::int AS level2,
             count(*) FILTER (WHERE l.level = 3)::int AS level3,
             count(*) FILTER (WHERE l.level = 4)::int AS level4,
             count(*) FILTER (WHERE l.level = 5)::int AS level5
        FROM cohort c LEFT JOIN latest l ON l.appeal_id = c.id
       GROUP BY c.department_id
    )
    SELECT d.*,
           coalesce((SELECT met FROM clocks k WHERE k.department_id IS NOT DISTINCT FROM d.department_id AND k.kind = 'first_contact'), 0)::int AS response_met,
           coalesce((SELECT missed FROM clocks k WHERE k.department_id IS NOT DISTINCT FROM d.department_id AND k.kind = 'first_contact'), 0)::int AS response_missed,
           coalesce((SELECT met FROM clocks k WHERE k.department_id IS NOT DISTINCT FROM d.department_id AND k.kind = 'resolution'), 0)::int AS on_time_met,
           coalesce((SELECT missed FROM clocks k WHERE k.department_id IS NOT DISTINCT FROM d.department_id AND k.kind = 'resolution'), 0)::int AS on_time_missed
      FROM appeals_by_department d`.execute(db)
  return result.rows
}

/** Lead assignments dispatched in the period, and how many of them their department returned. */
export async function countReturns(db: Executor, from: Date, to: Date) {
  return db
    .selectFrom('appeal_assignments')
    .select(['department_id'])
    .select((eb) => [
      eb.fn.countAll<number>().as('dispatched'),
      eb.fn.count<number>('returned_at').as('returned'),
    ])
    .where('role', '=', 'lead')
    .where('dispatched_at', '>=', from)
    .where('dispatched_at', '<', to)
    .groupBy('department_id')
    .execute()
}

/** Withdrawals in the period, with the department that held each appeal: for audit. */
export async function findWithdrawals(db: Executor, from: Date, to: Date) {
  return db
    .selectFrom('appeals as a')
    .leftJoin('appeal_assignments as s', (join) =>
      join.onRef('s.appeal_id', '=', 'a.id').on('s.role', '=', 'lead').on('s.is_current', '=', true),
    )
    .leftJoin('departments as d', 'd.id', 's.department_id')
    .select([
      'a.id',
      'a.number',
      'a.title',
      'a.status_reason',
      'a.closed_at',
      'd.id as department_id',
      'd.name as department_name',
    ])
    .where('a.status', '=', 'withdrawn')
    .where('a.closed_at', '>=', from)
    .where('a.closed_at', '<', to)
    .orderBy('a.closed_at', 'desc')
    .limit(1000)
    .execute()
}

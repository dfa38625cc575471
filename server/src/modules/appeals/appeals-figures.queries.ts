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
  // Everything but "missed while still running" is on the appeal row (0009_appeals_read_model): one
  // range scan over first_dispatched_at. The running clocks past due are counted live, for the
  // period's open appeals only.
  const result = await sql<DepartmentCountsRow>`
    WITH cohort AS (
      SELECT a.id, a.lead_department_id AS department_id, a.status, a.reopen_count, a.replied_at, a.close_reason,
             a.latest_solved, a.latest_level, a.first_contact_met, a.resolution_met, a.resolution_missed
        FROM appeals a
       WHERE a.first_dispatched_at >= ${from} AND a.first_dispatched_at < ${to}
    ),
    late AS (
      SELECT c.department_id,
             count(*) FILTER (WHERE k.kind = 'first_contact' AND k.cycle = 1) AS first_contact_late,
             count(*) FILTER (WHERE k.kind = 'resolution') AS resolution_late
        FROM cohort c JOIN appeal_clocks k ON k.appeal_id = c.id
       WHERE c.status NOT IN ('closed', 'rejected', 'merged', 'withdrawn')
         AND k.stopped_at IS NULL AND k.due_at < ${now} AND k.kind IN ('first_contact', 'resolution')
       GROUP BY c.department_id
    ),
    counted AS (
      SELECT c.department_id,
             count(*)::int AS dispatched,
             count(*) FILTER (WHERE c.status = 'withdrawn')::int AS withdrawn,
             count(*) FILTER (WHERE c.replied_at IS NOT NULL OR c.reopen_count > 0 OR c.close_reason IN ('solved', 'unsolved', 'no_rating'))::int AS answered,
             count(*) FILTER (WHERE c.reopen_count > 0)::int AS reopened,
             count(c.latest_solved)::int AS rated,
             count(*) FILTER (WHERE c.latest_solved AND c.latest_level >= 3)::int AS resolved,
             count(c.latest_level)::int AS rated_with_level,
             count(*) FILTER (WHERE c.latest_level >= 3)::int AS satisfied,
             count(*) FILTER (WHERE c.latest_level = 1)::int AS level1,
             count(*) FILTER (WHERE c.latest_level = 2)::int AS level2,
             count(*) FILTER (WHERE c.latest_level = 3)::int AS level3,
             count(*) FILTER (WHERE c.latest_level = 4)::int AS level4,
             count(*) FILTER (WHERE c.latest_level = 5)::int AS level5,
             count(*) FILTER (WHERE c.first_contact_met)::int AS response_met,
             count(*) FILTER (WHERE c.first_contact_met = false)::int AS response_stopped_late,
             coalesce(sum(c.resolution_met), 0)::int AS on_time_met,
             coalesce(sum(c.resolution_missed), 0)::int AS on_time_stopped_late
        FROM cohort c
       GROUP BY c.department_id
    )
    SELECT d.department_id, d.dispatched, d.withdrawn, d.answered, d.reopened, d.rated, d.resolved,
           d.rated_with_level, d.satisfied, d.level1, d.level2, d.level3, d.level4, d.level5,
           d.response_met,
           (d.response_stopped_late + coalesce(l.first_contact_late, 0))::int AS response_missed,
           d.on_time_met,
           (d.on_time_stopped_late + coalesce(l.resolution_late, 0))::int AS on_time_missed
      FROM counted d LEFT JOIN late l ON l.department_id IS NOT DISTINCT FROM d.department_id`.execute(db)
  return result.rows
}

export type CoPartCountsRow = {
  department_id: string | null
  co_handled: number
  parts_met: number
  parts_missed: number
  parts_void: number
}

/**
 * Co-handlers (协办) of the period's appeals, by co-handling department: how many assignments, and their
 * parts submitted within the clock (met) or late — stopped late, or still running past due.
 */
export async function countCoParts(
  db: Executor,
  from: Date,
  to: Date,
  now: Date,
): Promise<CoPartCountsRow[]> {
  const result = await sql<CoPartCountsRow>`
    SELECT k.department_id,
           count(DISTINCT k.assignment_id)::int AS co_handled,
           count(*) FILTER (WHERE k.is_met)::int AS parts_met,
           count(*) FILTER (WHERE k.is_met = false OR (k.stopped_at IS NULL AND k.due_at < ${now}))::int AS parts_missed,
           count(*) FILTER (WHERE k.is_met IS NULL AND k.stopped_at IS NOT NULL)::int AS parts_void
      FROM appeals a
      JOIN appeal_clocks k ON k.appeal_id = a.id AND k.kind = 'co_part'
     WHERE a.first_dispatched_at >= ${from} AND a.first_dispatched_at < ${to}
     GROUP BY k.department_id`.execute(db)
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
  return (
    db
      .selectFrom('appeals as a')
      // The read model's lead: the department that led it last, also when it was withdrawn while
      // returned or in arbitration — the department a forced withdrawal would have helped.
      .leftJoin('departments as d', 'd.id', 'a.lead_department_id')
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
  )
}

import { sql, type RawBuilder } from 'kysely'
import type { Executor } from '../../kernel/db/database'
import type { DrillMetric, FigureKey } from './cockpit.schema'

/**
 * The SQL of the cockpit and the open data (docs/METRICS.md "Cockpit and open data"): counts per city
 * month and handling unit, grouped in the database (a million appeals never cross the wire), and the
 * cases behind one number. `scope`: 'all', or the department ids a department head may see.
 */
export type Scope = string[] | 'all'
export type CountRow = { month: string; department_id: string | null } & Partial<Record<FigureKey, unknown>>

type Period = { from: Date; to: Date; timeZone: string; scope: Scope }

const monthOf = (column: RawBuilder<unknown>, timeZone: string) =>
  sql<string>`to_char(${column} AT TIME ZONE ${timeZone}, 'YYYY-MM')`

function inScope(column: RawBuilder<unknown>, scope: Scope) {
  return scope === 'all' ? sql`TRUE` : sql`${column} IN (${sql.join(scope)})`
}

async function counts(db: Executor, query: RawBuilder<CountRow>, scope: Scope): Promise<CountRow[]> {
  if (scope !== 'all' && scope.length === 0) return []
  return (await query.execute(db)).rows
}

/** Appeals by the month first dispatched and the lead department (the appeal figures' cohort). */
export function countAppeals(db: Executor, p: Period) {
  return counts(
    db,
    sql<CountRow>`
      SELECT ${monthOf(sql.ref('a.first_dispatched_at'), p.timeZone)} AS month,
             a.lead_department_id AS department_id,
             count(*)::int AS "appealsDispatched",
             count(*) FILTER (WHERE a.first_contact_met)::int AS "appealsResponseMet",
             count(a.first_contact_met)::int AS "appealsResponseDecided",
             count(a.latest_level)::int AS "appealsRated",
             count(*) FILTER (WHERE a.latest_solved AND a.latest_level >= 3)::int AS "appealsSolved",
             count(*) FILTER (WHERE a.latest_level >= 3)::int AS "appealsSatisfied",
             coalesce(sum(a.resolution_met), 0)::int AS "appealsOnTimeMet",
             coalesce(sum(a.resolution_met + a.resolution_missed), 0)::int AS "appealsOnTimeDecided",
             count(a.replied_at)::int AS "appealsAnswered",
             count(*) FILTER (WHERE a.replied_at IS NOT NULL AND a.reopen_count > 0)::int AS "appealsReopened"
      FROM appeals a
      WHERE a.first_dispatched_at >= ${p.from} AND a.first_dispatched_at < ${p.to}
        AND ${inScope(sql.ref('a.lead_department_id'), p.scope)}
      GROUP BY 1, 2`,
    p.scope,
  )
}

/** Applications: received figures by the month received, decision figures by the month decided. */
export async function countApplications(db: Executor, p: Period) {
  const [received, decided] = await Promise.all([
    counts(
      db,
      sql<CountRow>`
        SELECT ${monthOf(sql.ref('a.received_at'), p.timeZone)} AS month, a.department_id,
               count(*)::int AS "applicationsReceived",
               count(*) FILTER (WHERE a.deemed_accepted)::int AS "applicationsDeemedAccepted"
        FROM applications a
        WHERE a.received_at >= ${p.from} AND a.received_at < ${p.to}
          AND ${inScope(sql.ref('a.department_id'), p.scope)}
        GROUP BY 1, 2`,
      p.scope,
    ),
    counts(
      db,
      sql<CountRow>`
        SELECT ${monthOf(sql.ref('a.decided_at'), p.timeZone)} AS month, a.department_id,
               count(*)::int AS "applicationsDecided",
               count(*) FILTER (WHERE a.instant)::int AS "applicationsInstant",
               count(*) FILTER (WHERE a.visits_made = 0)::int AS "applicationsZeroVisit",
               count(a.decision_due_at)::int AS "applicationsWithClock",
               count(*) FILTER (WHERE a.decided_at < a.decision_due_at)::int AS "applicationsEarly",
               count(*) FILTER (WHERE a.decided_at > a.decision_due_at)::int AS "applicationsPastPromised",
               count(*) FILTER (WHERE a.decided_at > a.statutory_due_at)::int AS "applicationsPastStatutory"
        FROM applications a
        WHERE a.status IN ('approved', 'refused') AND a.decided_at >= ${p.from} AND a.decided_at < ${p.to}
          AND ${inScope(sql.ref('a.department_id'), p.scope)}
        GROUP BY 1, 2`,
      p.scope,
    ),
  ])
  return [...received, ...decided]
}

/** Pushes by the month detected, claims by the month made, payouts by the day paid; each item's unit. */
export async function countBenefits(db: Executor, p: Period) {
  const [pushes, claims, payouts] = await Promise.all([
    counts(
      db,
      sql<CountRow>`
        SELECT ${monthOf(sql.ref('p.detected_at'), p.timeZone)} AS month, i.department_id,
               count(*)::int AS "benefitPushes",
               count(p.viewed_at)::int AS "benefitPushesViewed"
        FROM policy_pushes p JOIN benefit_items i ON i.id = p.item_id
        WHERE p.status = 'notified' AND p.detected_at >= ${p.from} AND p.detected_at < ${p.to}
          AND ${inScope(sql.ref('i.department_id'), p.scope)}
        GROUP BY 1, 2`,
      p.scope,
    ),
    counts(
      db,
      sql<CountRow>`
        SELECT ${monthOf(sql.ref('c.created_at'), p.timeZone)} AS month, c.department_id,
               count(*)::int AS "benefitClaims",
               count(*) FILTER (WHERE c.status IN ('approved', 'paid'))::int AS "benefitClaimsApproved"
        FROM benefit_claims c
        WHERE c.created_at >= ${p.from} AND c.created_at < ${p.to}
          AND ${inScope(sql.ref('c.department_id'), p.scope)}
        GROUP BY 1, 2`,
      p.scope,
    ),
    counts(
      db,
      sql<CountRow>`
        SELECT to_char(o.paid_on, 'YYYY-MM') AS month, c.department_id,
               count(*)::int AS "benefitPayouts",
               coalesce(sum(o.amount), 0)::float8 AS "benefitPayoutAmount"
        FROM benefit_payouts o JOIN benefit_claims c ON c.id = o.claim_id
        WHERE o.paid_on >= (${p.from} AT TIME ZONE ${p.timeZone})::date
          AND o.paid_on < (${p.to} AT TIME ZONE ${p.timeZone})::date
          AND ${inScope(sql.ref('c.department_id'), p.scope)}
        GROUP BY 1, 2`,
      p.scope,
    ),
  ])
  return [...pushes, ...claims, ...payouts]
}

/** Ratings by the month rated and the handling unit: given and default apart, excluded apart. */
export function countRatings(db: Executor, p: Period) {
  const given = sql`r.kind = 'given' AND r.excluded_at IS NULL`
  return counts(
    db,
    sql<CountRow>`
      SELECT ${monthOf(sql.ref('r.rated_at'), p.timeZone)} AS month, r.department_id,
             count(*) FILTER (WHERE ${given})::int AS "ratingsGiven",
             count(*) FILTER (WHERE r.kind = 'default' AND r.excluded_at IS NULL)::int AS "ratingsDefault",
             count(r.excluded_at)::int AS "ratingsExcluded",
             count(*) FILTER (WHERE ${given} AND r.level = 1)::int AS "ratingsLevel1",
             count(*) FILTER (WHERE ${given} AND r.level = 2)::int AS "ratingsLevel2",
             count(*) FILTER (WHERE ${given} AND r.level = 3)::int AS "ratingsLevel3",
             count(*) FILTER (WHERE ${given} AND r.level = 4)::int AS "ratingsLevel4",
             count(*) FILTER (WHERE ${given} AND r.level = 5)::int AS "ratingsLevel5",
             count(*) FILTER (WHERE ${given} AND r.level <= 2)::int AS "ratingsBad"
      FROM ratings r
      WHERE r.rated_at >= ${p.from} AND r.rated_at < ${p.to}
        AND ${inScope(sql.ref('r.department_id'), p.scope)}
      GROUP BY 1, 2`,
    p.scope,
  )
}

/** Supervision cases by the month opened, and those opened above the section level. */
export function countSupervision(db: Executor, p: Period) {
  return counts(
    db,
    sql<CountRow>`
      SELECT ${monthOf(sql.ref('s.opened_at'), p.timeZone)} AS month, s.department_id,
             count(*)::int AS "supervisionOpened",
             count(*) FILTER (WHERE s.level <> 'section')::int AS "supervisionEscalated"
      FROM supervision_cases s
      WHERE s.opened_at >= ${p.from} AND s.opened_at < ${p.to}
        AND ${inScope(sql.ref('s.department_id'), p.scope)}
      GROUP BY 1, 2`,
    p.scope,
  )
}

export type SnapshotRow = {
  department_id: string | null
  appeals_overdue: number
  supervision_open: number
  supervision_escalated_open: number
}

/** What is late now per unit: open appeals past their next due instant, open supervision cases. */
export async function countSnapshot(db: Executor, now: Date, scope: Scope): Promise<SnapshotRow[]> {
  if (scope !== 'all' && scope.length === 0) return []
  const result = await sql<SnapshotRow>`
    SELECT department_id, sum(overdue)::int AS appeals_overdue, sum(open)::int AS supervision_open,
           sum(escalated)::int AS supervision_escalated_open
    FROM (
      SELECT a.lead_department_id AS department_id, count(*) AS overdue, 0 AS open, 0 AS escalated
      FROM appeals a
      WHERE a.next_due_at < ${now} AND a.status NOT IN ('closed', 'rejected', 'merged')
        AND ${inScope(sql.ref('a.lead_department_id'), scope)}
      GROUP BY 1
      UNION ALL
      SELECT s.department_id, 0, count(*), count(*) FILTER (WHERE s.level <> 'section')
      FROM supervision_cases s
      WHERE s.status = 'open' AND ${inScope(sql.ref('s.department_id'), scope)}
      GROUP BY 1
    ) x
    GROUP BY department_id`.execute(db)
  return result.rows
}

// ── the monthly rollup ───────────────────────────────────────────────────────────────────────────

/** The rolled-up months among `months` and their rows. */
export async function findRolledUp(db: Executor, months: string[], scope: Scope) {
  if (!months.length || (scope !== 'all' && scope.length === 0)) return { months: [], rows: [] }
  const found = await db
    .selectFrom('cockpit_rollup_months')
    .select('month')
    .where('month', 'in', months)
    .execute()
  if (!found.length) return { months: [], rows: [] }
  let query = db
    .selectFrom('cockpit_monthly_figures')
    .select(['month', 'department_id', 'figures'])
    .where(
      'month',
      'in',
      found.map((d) => d.month),
    )
  if (scope !== 'all') query = query.where('department_id', 'in', scope)
  return { months: found.map((d) => d.month), rows: await query.execute() }
}

/** Replaces one month's rollup (in the caller's transaction). */
export async function replaceRollup(
  db: Executor,
  month: string,
  refreshedAt: Date,
  rows: { departmentId: string | null; figures: Record<string, number> }[],
) {
  await db.deleteFrom('cockpit_rollup_months').where('month', '=', month).execute()
  await db.insertInto('cockpit_rollup_months').values({ month, refreshed_at: refreshedAt }).execute()
  if (rows.length)
    await db
      .insertInto('cockpit_monthly_figures')
      .values(
        rows.map((r) => ({
          month,
          department_key: r.departmentId ?? '',
          department_id: r.departmentId,
          figures: JSON.stringify(r.figures),
        })),
      )
      .execute()
}

/** The first month anything was counted in: the open data's index starts there. */
export async function findFirstActivity(db: Executor): Promise<Date | null> {
  const row = await sql<{ first: Date | null }>`
    SELECT least((SELECT min(first_dispatched_at) FROM appeals),
                 (SELECT min(received_at) FROM applications),
                 (SELECT min(rated_at) FROM ratings)) AS first`.execute(db)
  return row.rows[0]?.first ?? null
}

export async function findDepartments(db: Executor, ids: string[]) {
  if (!ids.length) return []
  return db.selectFrom('departments').select(['id', 'code', 'name']).where('id', 'in', ids).execute()
}

// ── the cases behind a number ────────────────────────────────────────────────────────────────────

export type CaseRow = {
  kind:
    | 'appeal'
    | 'application'
    | 'benefit_claim'
    | 'payout'
    | 'inspection'
    | 'rectification'
    | 'supervision_case'
  id: string
  number: string | null
  title: string | null
  status: string | null
  department_id: string | null
  department_name: string | null
  at: Date
  level: number | null
}

type Drill = {
  metric: DrillMetric
  from: Date | null
  to: Date | null
  now: Date
  unit: 'any' | 'none' | string
}

function unitFilter(column: RawBuilder<unknown>, unit: Drill['unit'], scope: Scope) {
  const own = inScope(column, scope)
  if (unit === 'any') return own
  if (unit === 'none') return scope === 'all' ? sql`${column} IS NULL` : sql`FALSE`
  return sql`${column} = ${unit} AND ${own}`
}

function between(column: RawBuilder<unknown>, d: Drill) {
  return d.from && d.to ? sql`${column} >= ${d.from} AND ${column} < ${d.to}` : sql`TRUE`
}

function drillQuery(d: Drill, scope: Scope): RawBuilder<CaseRow> | null {
  const appeal = (where: RawBuilder<unknown>, at = sql.ref('a.first_dispatched_at')) => sql<CaseRow>`
    SELECT 'appeal' AS kind, a.id, a.number, a.title, a.status, a.lead_department_id AS department_id,
           dp.name AS department_name, ${at} AS at, a.latest_level AS level
    FROM appeals a LEFT JOIN departments dp ON dp.id = a.lead_department_id
    WHERE ${where} AND ${unitFilter(sql.ref('a.lead_department_id'), d.unit, scope)}`
  const dispatched = between(sql.ref('a.first_dispatched_at'), d)
  const application = (where: RawBuilder<unknown>, at: RawBuilder<unknown>) => sql<CaseRow>`
    SELECT 'application' AS kind, a.id, NULL::text AS number, a.title, a.status, a.department_id,
           dp.name AS department_name, ${at} AS at, NULL::int AS level
    FROM applications a LEFT JOIN departments dp ON dp.id = a.department_id
    WHERE ${where} AND ${unitFilter(sql.ref('a.department_id'), d.unit, scope)}`
  const decided = sql`a.status IN ('approved', 'refused') AND ${between(sql.ref('a.decided_at'), d)}`
  const rating = (where: RawBuilder<unknown>) => sql<CaseRow>`
    SELECT r.subject_type AS kind, r.subject_id AS id,
           coalesce(ap.number, bc.number) AS number,
           coalesce(ap.title, an.title) AS title, r.kind AS status, r.department_id,
           dp.name AS department_name, r.rated_at AS at, r.level
    FROM ratings r
    LEFT JOIN departments dp ON dp.id = r.department_id
    LEFT JOIN appeals ap ON r.subject_type = 'appeal' AND ap.id = r.subject_id
    LEFT JOIN applications an ON r.subject_type = 'application' AND an.id = r.subject_id
    LEFT JOIN benefit_claims bc ON r.subject_type = 'benefit_claim' AND bc.id = r.subject_id
    WHERE ${between(sql.ref('r.rated_at'), d)} AND ${where}
      AND ${unitFilter(sql.ref('r.department_id'), d.unit, scope)}`
  const supervision = (where: RawBuilder<unknown>) => sql<CaseRow>`
    SELECT 'supervision_case' AS kind, s.id, ap.number, s.reason AS title, s.status, s.department_id,
           dp.name AS department_name, s.opened_at AS at, NULL::int AS level
    FROM supervision_cases s
    LEFT JOIN departments dp ON dp.id = s.department_id
    LEFT JOIN appeals ap ON ap.id = s.appeal_id
    WHERE ${where} AND ${unitFilter(sql.ref('s.department_id'), d.unit, scope)}`
  switch (d.metric) {
    case 'appealsDispatched':
      return appeal(dispatched)
    case 'appealsResponseMissed':
      return appeal(sql`${dispatched} AND a.first_contact_met = false`)
    case 'appealsOnTimeMissed':
      return appeal(sql`${dispatched} AND a.resolution_missed > 0`)
    case 'appealsUnsatisfied':
      return appeal(sql`${dispatched} AND a.latest_level < 3`)
    case 'appealsReopened':
      return appeal(sql`${dispatched} AND a.replied_at IS NOT NULL AND a.reopen_count > 0`)
    case 'appealsOverdue':
      return appeal(
        sql`a.next_due_at < ${d.now} AND a.status NOT IN ('closed', 'rejected', 'merged')`,
        sql.ref('a.next_due_at'),
      )
    case 'applicationsReceived':
      return application(between(sql.ref('a.received_at'), d), sql.ref('a.received_at'))
    case 'applicationsDeemedAccepted':
      return application(
        sql`${between(sql.ref('a.received_at'), d)} AND a.deemed_accepted`,
        sql.ref('a.received_at'),
      )
    case 'applicationsPastPromised':
      return application(sql`${decided} AND a.decided_at > a.decision_due_at`, sql.ref('a.decided_at'))
    case 'applicationsPastStatutory':
      return application(sql`${decided} AND a.decided_at > a.statutory_due_at`, sql.ref('a.decided_at'))
    case 'ratingsBad':
      return rating(sql`r.kind = 'given' AND r.excluded_at IS NULL AND r.level <= 2`)
    case 'ratingsDefault':
      return rating(sql`r.kind = 'default' AND r.excluded_at IS NULL`)
    case 'ratingsExcluded':
      return rating(sql`r.excluded_at IS NOT NULL`)
    case 'supervisionOpened':
      return supervision(between(sql.ref('s.opened_at'), d))
    case 'supervisionOpen':
      return supervision(sql`s.status = 'open'`)
  }
}

/** One page of the cases behind a number, newest first, and how many there are. */
export async function findDrillCases(
  db: Executor,
  d: Drill,
  scope: Scope,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: CaseRow[] }> {
  const query = drillQuery(d, scope)
  if (!query || (scope !== 'all' && scope.length === 0)) return { total: 0, rows: [] }
  const [rows, total] = await Promise.all([
    sql<CaseRow>`SELECT * FROM (${query}) c ORDER BY c.at DESC, c.id LIMIT ${page.limit} OFFSET ${page.offset}`.execute(
      db,
    ),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM (${query}) c`.execute(db),
  ])
  return { total: total.rows[0]?.n ?? 0, rows: rows.rows }
}

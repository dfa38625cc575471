import { sql, type RawBuilder } from 'kysely'
import type { Executor } from '../../kernel/db/database'
import type { ComputedPart } from './benchmark-registry'

/**
 * The SQL of the computed indicators (docs/METRICS.md "Benchmarks"): per city month, a numerator and
 * a denominator, grouped in the database. Read-only, over the other modules' case tables, as the
 * cockpit's counts are; a day is 86 400 s of elapsed time (calendar days, not working days).
 */
export type FormulaPeriod = { from: Date; to: Date; timeZone: string }

const monthOf = (column: RawBuilder<unknown>, timeZone: string) =>
  sql<string>`to_char(${column} AT TIME ZONE ${timeZone}, 'YYYY-MM')`
const days = (later: RawBuilder<unknown>, earlier: RawBuilder<unknown>) =>
  sql`extract(epoch FROM (${later} - ${earlier})) / 86400.0`

async function parts(db: Executor, query: RawBuilder<ComputedPart>): Promise<ComputedPart[]> {
  const rows = (await query.execute(db)).rows
  return rows.map((r) => ({
    month: r.month,
    numerator: Number(r.numerator),
    denominator: Number(r.denominator),
  }))
}

/** Decided applications (approved or refused) by the month decided, with a condition counted. */
function decidedApplications(
  db: Executor,
  p: FormulaPeriod,
  numerator: RawBuilder<unknown>,
  where = sql`TRUE`,
) {
  return parts(
    db,
    sql<ComputedPart>`
      SELECT ${monthOf(sql.ref('a.decided_at'), p.timeZone)} AS month,
             ${numerator} AS numerator, count(*)::int AS denominator
      FROM applications a
      WHERE a.status IN ('approved', 'refused') AND a.decided_at >= ${p.from} AND a.decided_at < ${p.to}
        AND ${where}
      GROUP BY 1`,
  )
}

/** 零跑动率: decided applications with no visit in person ÷ decided applications. */
export function zeroVisitParts(db: Executor, p: FormulaPeriod) {
  return decidedApplications(db, p, sql`count(*) FILTER (WHERE a.visits_made = 0)::int`)
}

/** 即办件占比: decided instant applications ÷ decided applications. */
export function instantParts(db: Executor, p: FormulaPeriod) {
  return decidedApplications(db, p, sql`count(*) FILTER (WHERE a.instant)::int`)
}

/** 办件平均用时: Σ days from receipt to decision ÷ decided applications with a receipt. */
export function daysToDecisionParts(db: Executor, p: FormulaPeriod) {
  return decidedApplications(
    db,
    p,
    sql`coalesce(sum(${days(sql.ref('a.decided_at'), sql.ref('a.received_at'))}), 0)::float8`,
    sql`a.received_at IS NOT NULL`,
  )
}

/** 承诺时限使用率: Σ (time used ÷ time promised) ÷ decided applications with a promised limit. */
export function promisedTimeUsedParts(db: Executor, p: FormulaPeriod) {
  return decidedApplications(
    db,
    p,
    sql`coalesce(sum(${days(sql.ref('a.decided_at'), sql.ref('a.received_at'))}
          / nullif(${days(sql.ref('a.decision_due_at'), sql.ref('a.received_at'))}, 0)), 0)::float8`,
    sql`a.received_at IS NOT NULL AND a.decision_due_at > a.received_at`,
  )
}

/** 诉求解决率 (the cockpit's resolution rate): solved and satisfied ÷ rated, by the month dispatched. */
export function appealResolutionParts(db: Executor, p: FormulaPeriod) {
  return parts(
    db,
    sql<ComputedPart>`
      SELECT ${monthOf(sql.ref('a.first_dispatched_at'), p.timeZone)} AS month,
             count(*) FILTER (WHERE a.latest_solved AND a.latest_level >= 3)::int AS numerator,
             count(a.latest_level)::int AS denominator
      FROM appeals a
      WHERE a.first_dispatched_at >= ${p.from} AND a.first_dispatched_at < ${p.to}
      GROUP BY 1`,
  )
}

/** 诉求平均答复用时: Σ days from first dispatch to reply ÷ replied appeals, by the month replied. */
export function daysToReplyParts(db: Executor, p: FormulaPeriod) {
  return parts(
    db,
    sql<ComputedPart>`
      SELECT ${monthOf(sql.ref('a.replied_at'), p.timeZone)} AS month,
             coalesce(sum(${days(sql.ref('a.replied_at'), sql.ref('a.first_dispatched_at'))}), 0)::float8 AS numerator,
             count(*)::int AS denominator
      FROM appeals a
      WHERE a.replied_at >= ${p.from} AND a.replied_at < ${p.to} AND a.first_dispatched_at IS NOT NULL
      GROUP BY 1`,
  )
}

/** 政策兑现平均用时: Σ city days from the claim (or consent) to the day paid ÷ payouts, by the month paid. */
export function daysToCashParts(db: Executor, p: FormulaPeriod) {
  return parts(
    db,
    sql<ComputedPart>`
      SELECT to_char(o.paid_on, 'YYYY-MM') AS month,
             coalesce(sum(o.paid_on - (c.created_at AT TIME ZONE ${p.timeZone})::date), 0)::float8 AS numerator,
             count(*)::int AS denominator
      FROM benefit_payouts o JOIN benefit_claims c ON c.id = o.claim_id
      WHERE o.paid_on >= (${p.from} AT TIME ZONE ${p.timeZone})::date
        AND o.paid_on < (${p.to} AT TIME ZONE ${p.timeZone})::date
      GROUP BY 1`,
  )
}

/**
 * 每户企业年均检查次数, a month annualised: 12 × inspections checked in during the month ÷ enterprises
 * registered by its end — so a year is its inspections ÷ the mean of its month-end enterprise counts.
 */
export function inspectionsPerEnterpriseParts(db: Executor, p: FormulaPeriod) {
  return parts(
    db,
    sql<ComputedPart>`
      WITH months AS (
        SELECT m AS local_start, (m AT TIME ZONE ${p.timeZone}) AS starts,
               ((m + interval '1 month') AT TIME ZONE ${p.timeZone}) AS ends
        FROM generate_series(date_trunc('month', ${p.from} AT TIME ZONE ${p.timeZone}),
                             (${p.to} AT TIME ZONE ${p.timeZone}) - interval '1 second',
                             interval '1 month') AS m
      )
      SELECT to_char(months.local_start, 'YYYY-MM') AS month,
             12 * (SELECT count(*) FROM inspections i
                   WHERE i.checked_in_at >= months.starts AND i.checked_in_at < months.ends)::int AS numerator,
             (SELECT count(*) FROM enterprises e WHERE e.created_at < months.ends)::int AS denominator
      FROM months`,
  )
}

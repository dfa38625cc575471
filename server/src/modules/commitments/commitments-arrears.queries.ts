import { sql } from 'kysely'
import type { Executor } from '../../kernel/db/database'

/**
 * 拖欠企业账款平均逾期天数 per city month (docs/METRICS.md "Benchmarks"), for the benchmarks module:
 * at each month's last day (today for the current month), every commitment with an amount that was
 * past due and still owed weighs in with what it still owed, in yuan — the undisputed amount less the
 * principal paid by then — times the days it had been overdue. numerator = Σ owed × days, denominator
 * = Σ owed; a month's value is their ratio, a year's the ratio of their sums. A payable carried by an
 * agreed repayment plan ('rescheduled') counts through its instalments, each from its own due day. A
 * debt registered late counts from its due day: it was owed then, whenever the ledger learnt of it.
 */
export async function arrearsDaysParts(
  db: Executor,
  p: { from: Date; to: Date; timeZone: string; today: string },
) {
  const { rows } = await sql<{ month: string; numerator: string; denominator: string }>`
    WITH months AS (
      SELECT m AS local_start,
             least((m + interval '1 month' - interval '1 day')::date, ${p.today}::date) AS end_day
      FROM generate_series(date_trunc('month', ${p.from} AT TIME ZONE ${p.timeZone}),
                           (${p.to} AT TIME ZONE ${p.timeZone}) - interval '1 second',
                           interval '1 month') AS m
    )
    SELECT to_char(months.local_start, 'YYYY-MM') AS month,
           coalesce(sum(o.owed * (months.end_day - c.due_on)), 0)::float8 AS numerator,
           coalesce(sum(o.owed), 0)::float8 AS denominator
    FROM months
    LEFT JOIN commitments c
      ON c.amount_fen IS NOT NULL AND c.status <> 'rescheduled' AND c.due_on < months.end_day
    LEFT JOIN LATERAL (
      SELECT (c.amount_fen - c.disputed_fen - coalesce((
                SELECT sum(x.principal_fen) FROM commitment_payments x
                WHERE x.commitment_id = c.id AND x.paid_on <= months.end_day), 0)) / 100.0 AS owed
    ) o ON TRUE
    WHERE months.end_day >= months.local_start::date AND (c.id IS NULL OR o.owed > 0)
    GROUP BY 1
    ORDER BY 1`.execute(db)
  return rows.map((r) => ({
    month: r.month,
    numerator: Number(r.numerator),
    denominator: Number(r.denominator),
  }))
}

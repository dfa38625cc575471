import { sweepOverdueCommitments } from '../../server/src/modules/commitments/commitments.sweep'
import { openBenchApp } from './bench-app'
import { note, type Report } from './report'

/** The target: the overdue sweep over 100,000 commitments on PostgreSQL within 1 s. */
const TARGET_MS = 1000
/** The sweeps' instants: 10:00 in Dalian on 10 and 11 March 2027 ("today" there). */
const AT = new Date('2027-03-10T02:00:00Z')
const NEXT_DAY = new Date('2027-03-11T02:00:00Z')

/**
 * The ledger's daily sweep (issue 14 item 5) over `commitments` payables owed to 1,000 enterprises by the city's departments:
 * 60 % already overdue (their interest accrues to today: one UPDATE), `newlyDue` falling overdue today
 * (each gets its timeline step, audit row and a supervision case), the rest due from the day after.
 * Then the same sweep again the same day (nothing to do: the floor a run costs), and the next day's
 * (nothing falls due; every overdue payable accrues one more day: the ordinary daily run).
 */
export async function runCommitmentsSuite(options: {
  commitments: number
  newlyDue: number
  report: Report
}) {
  const bench = await openBenchApp('postgres', { name: 'commitments', demo: false })
  try {
    const started = performance.now()
    const n = options.commitments
    const overdue = Math.floor(n * 0.6)
    // creditors: 1,000 small enterprises (the bench app seeds none without its demo)
    await bench.deps.database.executeSql(
      `INSERT INTO enterprises (uscc, name, legal_representative, division_code, industry_code, size_class,
         founded_on, employees)
       SELECT '91210200BC' || lpad(i::text, 8, '0'), '大连供应商' || i || '有限公司', '张' || i, '210202', 'E48',
         'small', date '2015-01-01', 20
       FROM generate_series(1, 1000) AS i`,
    )
    await bench.deps.database.executeSql(
      `WITH d AS (SELECT array_agg(id) AS ids FROM departments WHERE kind = 'department'),
            e AS (SELECT array_agg(id) AS ids FROM enterprises)
       INSERT INTO commitments (number, kind, enterprise_id, department_id, owner_role, title, obligation,
         amount_fen, accepted_on, payment_term_days, due_on, rate_bp, outstanding_fen, accrual_from,
         interest_numerator, status, overdue_since)
       SELECT 'CMB' || lpad(i::text, 8, '0'), 'payable', e.ids[1 + i % cardinality(e.ids)],
         d.ids[1 + i % cardinality(d.ids)], 'handler', '工程款 ' || i, '第 ' || i || ' 号合同进度款',
         100000 + (i * 7919) % 50000000, due - 30, 30, due, 1825,
         100000 + (i * 7919) % 50000000 - CASE WHEN i % 5 = 0 THEN 50000 ELSE 0 END, due,
         CASE WHEN i % 5 = 0 THEN (50000::numeric * 1825 * 3) ELSE 0 END,
         CASE WHEN i <= ${overdue} THEN 'overdue' ELSE 'open' END,
         CASE WHEN i <= ${overdue} THEN due + 1 ELSE NULL END
       FROM generate_series(1, ${n}) AS i, d, e,
         LATERAL (SELECT CASE
           WHEN i <= ${overdue} THEN date '2027-03-09' - (1 + i % 400)
           WHEN i <= ${overdue + options.newlyDue} THEN date '2027-03-09'
           ELSE date '2027-03-11' + (i % 120) END AS due) AS x`,
    )
    await bench.deps.database.executeSql('ANALYZE commitments')
    note(
      `data: ${n} payables (${overdue} overdue, ${options.newlyDue} falling due today, the rest later) ` +
        `in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    )

    const t0 = performance.now()
    const result = await sweepOverdueCommitments(bench.deps, AT)
    const sweepMs = performance.now() - t0
    const t1 = performance.now()
    const again = await sweepOverdueCommitments(bench.deps, AT)
    const againMs = performance.now() - t1
    note(
      `sweep: ${result.movedOverdue} moved overdue, ${result.supervisionCasesOpened} supervision cases opened, ` +
        `${result.accrued} payables accrued in ${sweepMs.toFixed(0)} ms; the same day again: ` +
        `${again.movedOverdue} moved, ${again.accrued} accrued in ${againMs.toFixed(0)} ms; target ≤ ${TARGET_MS} ms`,
    )
    const t2 = performance.now()
    const next = await sweepOverdueCommitments(bench.deps, NEXT_DAY)
    const nextMs = performance.now() - t2
    note(
      `the next day: ${next.movedOverdue} moved, ${next.accrued} payables accrued in ${nextMs.toFixed(0)} ms ` +
        `(the ordinary daily run over ${n} commitments)`,
    )
    const check = await bench.deps.db
      .selectFrom('commitments')
      .select((eb) => [eb.fn.sum<number>('interest_fen').as('interest'), eb.fn.countAll<number>().as('n')])
      .where('status', '=', 'overdue')
      .executeTakeFirstOrThrow()
    note(
      `overdue now: ${check.n} payables, ${(Number(check.interest) / 100).toFixed(2)} yuan interest accrued`,
    )
    options.report('commitments-overdue-sweep-daily', nextMs, 'ms', TARGET_MS, '1 s target', false)
    options.report(
      `commitments-overdue-sweep-${options.newlyDue}-new`,
      sweepMs,
      'ms',
      TARGET_MS,
      '1 s target',
      false,
    )
  } finally {
    await bench.close()
  }
}

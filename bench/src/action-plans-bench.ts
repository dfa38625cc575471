import { actionPlanFigures } from '../../server/src/modules/action-plans'
import { getPublicPlan, sweepPlanTasks } from '../../server/src/modules/action-plans/action-plans.service'
import { openBenchApp } from './bench-app'
import { note, type Report } from './report'

/** What the pages need to feel instant, and what an hourly sweep should take when it has nothing to do. */
const PAGE_TARGET_MS = 300
const IDLE_SWEEP_TARGET_MS = 1000
/** The instant the suite's "today" is (a Monday, 10:00 in Dalian): deadlines are spread around it. */
const NOW = new Date('2026-06-01T02:00:00Z')

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now()
  const result = await work()
  return [result, performance.now() - t]
}

/**
 * The action plan (issue 14 item 6) on the embedded database (the Dalian demo): `tasks` more plan tasks (a city plan has a
 * few hundred; the default is ten times that) over the demo departments, in every state, deadlines
 * spread over a year around today. Times the public view, the bureau's figures, the sweep's first
 * pass (reminders and escalations to the supervision ladder, one transaction each) and its idle pass.
 */
export async function runActionPlansSuite(options: { tasks: number; report: Report }) {
  const bench = await openBenchApp('embedded', { name: 'plan', enterprises: 10 })
  try {
    await bench.deps.database.executeSql(
      `INSERT INTO action_plan_areas (position, name, summary)
       SELECT 100 + g, '测试领域' || g, '' FROM generate_series(1, 8) g`,
    )
    await bench.deps.database.executeSql(
      `WITH d AS (SELECT id, row_number() OVER (ORDER BY code) AS n, count(*) OVER () AS c FROM departments),
            a AS (SELECT id, position FROM action_plan_areas WHERE position > 100),
            u AS (SELECT id FROM users WHERE username = 'dispatcher')
       INSERT INTO plan_tasks (area_id, title, expected_output, owner_department_id, deadline, status, progress,
                               submitted_at, accepted_at, created_by)
       SELECT a.id, '任务 ' || g, '预期成果 ' || g, d.id,
              date '2026-06-01' + ((g * 37) % 365 - 180),
              (ARRAY['not_started', 'in_progress', 'submitted', 'returned', 'accepted'])[1 + g % 5],
              CASE WHEN g % 5 IN (2, 4) THEN 100 ELSE (g * 13) % 100 END,
              CASE WHEN g % 5 IN (2, 3, 4) THEN timestamptz '2026-06-01T02:00:00Z' - ((g % 200) || ' days')::interval END,
              CASE WHEN g % 5 = 4 THEN timestamptz '2026-06-01T02:00:00Z' END,
              u.id
       FROM generate_series(1, ${Number(options.tasks)}) g
       JOIN a ON a.position = 101 + g % 8
       JOIN d ON d.n = 1 + g % d.c
       CROSS JOIN u`,
    )
    await bench.deps.database.executeSql('ANALYZE plan_tasks')

    await getPublicPlan(bench.deps, NOW) // warm
    const [plan, publicMs] = await timed(() => getPublicPlan(bench.deps, NOW))
    const [figures, figuresMs] = await timed(() => actionPlanFigures(bench.deps.db, { now: NOW }))
    const [first, firstMs] = await timed(() => sweepPlanTasks(bench.deps, NOW))
    const [idle, idleMs] = await timed(() => sweepPlanTasks(bench.deps, NOW))
    note(
      `plan: ${plan.totals.tasks} tasks, ${plan.totals.overdue} overdue, ${figures.units.length} owner units; ` +
        `first sweep reminded ${first.reminded} and escalated ${first.escalated} in ${(firstMs / 1000).toFixed(1)} s ` +
        `(${(firstMs / Math.max(1, first.reminded + first.escalated)).toFixed(1)} ms each); idle sweep did ${idle.reminded + idle.escalated}`,
    )
    options.report(
      `action-plan public view (${plan.totals.tasks} tasks)`,
      publicMs,
      'ms',
      PAGE_TARGET_MS,
      `${PAGE_TARGET_MS} ms target`,
      false,
    )
    options.report(
      `action-plan figures per unit (${figures.tasks} tasks)`,
      figuresMs,
      'ms',
      PAGE_TARGET_MS,
      `${PAGE_TARGET_MS} ms target`,
      false,
    )
    options.report(
      `action-plan idle sweep (${plan.totals.tasks} tasks)`,
      idleMs,
      'ms',
      IDLE_SWEEP_TARGET_MS,
      `${IDLE_SWEEP_TARGET_MS} ms target`,
      false,
    )
  } finally {
    await bench.close()
  }
}

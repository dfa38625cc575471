/**
 * The cockpit benchmarks (issue 13 item 8's targets) on PostgreSQL: 1,000,000 appeals, 1,000,000
 * ratings and 100,000 applications over the year before T0, generated set-based with the columns the
 * cockpit reads. Timed warm, through the server's own service functions:
 *   - the cockpit's first screen (six months, the whole city) counted live, and from the monthly rollup
 *     the job writes (target ≤ 300 ms);
 *   - one closed month of open data as CSV (target ≤ 5 s), live and from the rollup.
 */
import type { AppDeps } from '../../server/src/kernel/http/app-env'
import { localDate } from '../../server/src/kernel/calendar/zoned-time'
import { openDataCsv, readCockpit, refreshRollups } from '../../server/src/modules/cockpit/cockpit.service'
import { median, signedInActor, timeRuns } from './appeals-bench'
import { openBenchApp } from './bench-app'
import { note, type Report } from './report'

type Sizes = { appeals: number; ratings: number; applications: number }

export async function generate(deps: AppDeps, sizes: Sizes) {
  const run = (text: string, params: unknown[] = []) => deps.database.executeSql(text, params)
  // who: the seeded departments, enterprises (each with a member) and one appeal category
  await run(`CREATE TEMP TABLE bench_units AS
    SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM departments`)
  await run(`CREATE TEMP TABLE bench_firms AS
    SELECT row_number() OVER (ORDER BY e.id) - 1 AS k, e.id AS enterprise_id, m.user_id
      FROM enterprises e
      JOIN LATERAL (SELECT user_id FROM enterprise_members WHERE enterprise_id = e.id LIMIT 1) m ON true`)
  const { rows } = await run(`SELECT (SELECT count(*) FROM bench_units)::int AS u,
    (SELECT count(*) FROM bench_firms)::int AS f, (SELECT min(code) FROM appeal_categories) AS c`)
  const { u, f, c } = rows[0] as { u: number; f: number; c: string }
  if (!u || !f || !c) throw new Error(`nothing to count: ${u} units, ${f} enterprises, category ${c}`)
  // r(i): a fixed pseudo-random number in [0, 1) per row and purpose
  const r = (salt: number) => `((hashint8(g::bigint * 7919 + ${salt}) & 2147483647)::float8 / 2147483648)`
  await run(
    `INSERT INTO appeals (number, enterprise_id, submitted_by, channel, category_code, tier, title, body,
        words, status, created_at, first_dispatched_at, lead_department_id, first_contact_met, latest_level,
        latest_solved, resolution_met, resolution_missed, replied_at, reopen_count, next_due_at, closed_at)
     SELECT 'B' || g, fi.enterprise_id, fi.user_id, 'web', $1, 'normal', '基准诉求', '基准诉求内容', '{}',
        CASE WHEN ${r(1)} < 0.9 THEN 'closed' ELSE 'handling' END, t.at, t.at, un.id,
        CASE WHEN ${r(2)} < 0.05 THEN NULL ELSE ${r(3)} < 0.93 END,
        CASE WHEN ${r(4)} < 0.8 THEN 1 + floor(${r(5)} * 5)::int END,
        ${r(6)} < 0.85, (${r(7)} < 0.9)::int, (${r(7)} >= 0.9)::int,
        t.at + interval '3 days', (${r(8)} < 0.06)::int,
        CASE WHEN ${r(1)} >= 0.9 THEN t.at + interval '10 days' END,
        CASE WHEN ${r(1)} < 0.9 THEN t.at + interval '8 days' END
     FROM generate_series(0, $2::int - 1) g
     CROSS JOIN LATERAL (SELECT now() - (${r(9)} * interval '365 days') AS at) t
     JOIN bench_units un ON un.k = g % $3
     JOIN bench_firms fi ON fi.k = g % $4`,
    [c, sizes.appeals, u, f],
  )
  await run(
    `INSERT INTO ratings (subject_type, subject_id, stage, department_id, enterprise_id, kind, level,
        rated_by, rated_at, excluded_at)
     SELECT (ARRAY['appeal','application','benefit_claim','payout','inspection'])[1 + g % 5],
        gen_random_uuid(), 'final', un.id, fi.enterprise_id,
        CASE WHEN ${r(11)} < 0.1 THEN 'default' ELSE 'given' END,
        CASE WHEN ${r(12)} < 0.04 THEN 1 WHEN ${r(12)} < 0.09 THEN 2 WHEN ${r(12)} < 0.2 THEN 3
             WHEN ${r(12)} < 0.45 THEN 4 ELSE 5 END,
        CASE WHEN ${r(11)} < 0.1 THEN NULL ELSE fi.user_id END,
        now() - (${r(13)} * interval '365 days'),
        CASE WHEN ${r(14)} < 0.003 THEN now() END
     FROM generate_series(0, $1::int - 1) g
     JOIN bench_units un ON un.k = g % $2
     JOIN bench_firms fi ON fi.k = g % $3`,
    [sizes.ratings, u, f],
  )
  await run(
    `INSERT INTO applications (enterprise_id, created_by, title, status, created_at, department_id,
        received_at, deemed_accepted, decided_at, decision_due_at, statutory_due_at, instant, visits_made)
     SELECT fi.enterprise_id, fi.user_id, '基准办件', CASE WHEN ${r(21)} < 0.8 THEN 'approved' ELSE 'accepted' END,
        t.at, un.id, t.at, ${r(22)} < 0.01,
        CASE WHEN ${r(21)} < 0.8 THEN t.at + (${r(23)} * interval '12 days') END,
        t.at + interval '7 days', t.at + interval '20 days', ${r(24)} < 0.2, (${r(25)} < 0.1)::int
     FROM generate_series(0, $1::int - 1) g
     CROSS JOIN LATERAL (SELECT now() - (${r(26)} * interval '365 days') AS at) t
     JOIN bench_units un ON un.k = g % $2
     JOIN bench_firms fi ON fi.k = g % $3`,
    [sizes.applications, u, f],
  )
  // what autovacuum does to a table after a bulk load (statistics and the visibility map, which an
  // index-only scan needs), done at once rather than whenever the daemon comes round
  await run('VACUUM ANALYZE appeals')
  await run('VACUUM ANALYZE ratings')
  await run('VACUUM ANALYZE applications')
}

const shift = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const i = y * 12 + (m - 1) + n
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}

export async function runCockpitSuite(options: { appeals: number; report: Report }) {
  const bench = await openBenchApp('postgres', { name: 'cockpit' })
  try {
    const sizes = {
      appeals: options.appeals,
      ratings: Number(process.env.BENCH_COCKPIT_RATINGS ?? options.appeals),
      applications: Number(process.env.BENCH_COCKPIT_APPLICATIONS ?? 100_000),
    }
    const started = performance.now()
    await generate(bench.deps, sizes)
    note(
      `data: ${sizes.appeals} appeals, ${sizes.ratings} ratings, ${sizes.applications} applications over a year ` +
        `in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    )
    const dispatcher = await bench.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'dispatcher')
      .executeTakeFirstOrThrow()
    const { actor } = await signedInActor(bench.deps, dispatcher.id)
    const current = localDate(new Date(), bench.deps.config.timeZone).slice(0, 7)
    const period = { from: shift(current, -5), to: current }
    const lastMonth = shift(current, -1)

    const first = () => readCockpit(bench.deps, actor, period)
    await first()
    const live = median(await timeRuns(5, first))
    const csvLive = median(await timeRuns(3, () => openDataCsv(bench.deps, lastMonth)))
    const rollup = performance.now()
    await refreshRollups(bench.deps)
    note(`rollup of 24 closed months written in ${((performance.now() - rollup) / 1000).toFixed(1)} s`)
    await first()
    const rolled = median(await timeRuns(5, first))
    const csvRolled = median(await timeRuns(3, () => openDataCsv(bench.deps, lastMonth)))
    options.report('cockpit-first-screen-rollup', rolled, 'ms', 300, '300 ms target', false)
    options.report('cockpit-first-screen-live', live, 'ms', 300, '300 ms target', false)
    options.report('cockpit-open-data-month-rollup', csvRolled, 'ms', 5000, '5 s target', false)
    options.report('cockpit-open-data-month-live', csvLive, 'ms', 5000, '5 s target', false)
  } finally {
    await bench.close()
  }
}

/**
 * The benchmarks table (issue 14 item 7) on PostgreSQL: the cockpit suite's data (appeals, ratings and
 * applications over the year before T0, generated set-based) — the table's eight formulas run over
 * two calendar years of it. Timed warm, through the server's service functions, against the
 * cockpit's first screen counted live over twelve months on the same data in the same run: both
 * group the same case tables by city month.
 */
import { localDate } from '../../server/src/kernel/calendar/zoned-time'
import { readBenchmarks } from '../../server/src/modules/benchmarks/benchmarks.service'
import { readCockpit } from '../../server/src/modules/cockpit/cockpit.service'
import { median, signedInActor, timeRuns } from './appeals-bench'
import { openBenchApp } from './bench-app'
import { generate } from './cockpit-bench'
import { note, type Report } from './report'

export async function runBenchmarksSuite(options: { report: Report }) {
  const bench = await openBenchApp('postgres', { name: 'benchmarks' })
  try {
    const sizes = {
      appeals: Number(process.env.BENCH_BENCHMARKS_APPEALS ?? 200_000),
      ratings: 1000,
      applications: Number(process.env.BENCH_BENCHMARKS_APPLICATIONS ?? 100_000),
    }
    const started = performance.now()
    await generate(bench.deps, sizes)
    note(
      `data: ${sizes.appeals} appeals, ${sizes.applications} applications over a year ` +
        `in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    )
    const leader = await bench.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'leader')
      .executeTakeFirstOrThrow()
    const { actor } = await signedInActor(bench.deps, leader.id)
    const today = localDate(new Date(), bench.deps.config.timeZone)
    const year = Number(today.slice(0, 4))
    const current = today.slice(0, 7)
    const table = () => readBenchmarks(bench.deps, actor, { year })
    const cockpit = () =>
      readCockpit(bench.deps, actor, { from: `${year - 1}-${current.slice(5)}`, to: current })
    await table()
    await cockpit()
    const tableMs = median(await timeRuns(5, table))
    const cockpitMs = median(await timeRuns(5, cockpit))
    options.report('benchmarks-table', tableMs, 'ms', cockpitMs, 'the cockpit live over 12 months', false)
  } finally {
    await bench.close()
  }
}

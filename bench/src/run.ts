/**
 * npm run bench — each line: "<name>: <value> <unit>, <ratio>x vs <baseline>", the baseline measured
 * in the same run on the same machine. The ratio always reads "times better than the baseline":
 * above 1 faster (or more accurate), below 1 slower. Numbers are for comparing runs, not promises.
 * Details (row counts, percentiles, plans) go to stderr, indented with "#".
 *
 *   BENCH_ONLY     comma list of suites: http, enterprise, appeals (or appeals-inbox, appeals-figures, appeals-similar,
 *                  appeals-sweep, appeals-intake), routing, policy, policydb, notify, web, reads, nodes,
 *                  jobs (or jobs-embedded, jobs-population, jobs-import), services (the review queue, the
 *                  licensing clock's sweep, an instant decision over HTTP, certificate verification under load:
 *                  bench/src/services-bench.ts), problems (a month's appeals clustered into problem classes:
 *                  bench/src/problem-classes-bench.ts), cockpit (the first screen and a month of open data on
 *                  1,000,000 appeals and ratings and 100,000 applications: bench/src/cockpit-bench.ts), benchmarks
 *                  (the benchmarks table's formulas over 200,000 appeals and 100,000 applications:
 *                  bench/src/benchmarks-bench.ts),
 *                  inspection-caps (the
 *                  cap check of a planned inspection over 200,000 inspections of 50,000 enterprises:
 *                  bench/src/inspection-caps-bench.ts; BENCH_CAPS_ENTERPRISES, BENCH_CAPS_INSPECTIONS),
 *                  commitments (the
 *                  ledger's daily overdue sweep over 100,000 payables: bench/src/commitments-bench.ts),
 *                  plan (the
 *                  action plan's public view, figures and sweep on BENCH_PLAN_TASKS tasks, 2,000: bench/src/action-plans-bench.ts).
 *                  Default: all.
 *   BENCH_ONLY=draws  a random draw of 5 % by tier over 1,000,000 enterprises on PostgreSQL, freeze and draw through the
 *                  service functions, and its re-run (BENCH_DRAW_ENTERPRISES, BENCH_DRAW_INSPECTORS).
 *   BENCH_NOTIFY_BACKLOG  notifications queued ahead of the sign-in code in the notify suite (10,000).
 *   BENCH_NODES_SECONDS / BENCH_NODES_BASELINE_SECONDS / BENCH_NODES_CONNECTIONS  the nodes suite
 *                  (three app processes on one database; 20 s, 8 s alone, 6 filers: bench/src/nodes-bench.ts).
 *   BENCH_POLICY_DB_ENTERPRISES  demo enterprises for the policydb suite (100,000).
 *   BENCH_POLICY_ENTERPRISES / BENCH_POLICY_ITEMS  the policy matching suite's size (1,000,000 × 1,000).
 *   BENCH_EMBEDDED_MATCH_ENTERPRISES / BENCH_POPULATION_ENTERPRISES / BENCH_FACTS_IMPORT_ROWS  the jobs suite's
 *                  sizes (20,000 on the embedded database; 1,000,000 and 500,000 on PostgreSQL).
 *   BENCH_APPEALS  appeals generated into PostgreSQL for the appeals suite (default 1,000,000).
 *   BENCH_INTAKE_FILERS  enterprise users filing in turn in appeals-intake (default 1: one user, the shape
 *                  of every figure before; more spreads the per-user rows the filings lock, decision 0071).
 *   BENCH_SERVICES_APPLICATIONS  applications in flight generated for the services suite (100,000), plus
 *                  BENCH_SERVICES_CLOSED finished ones over the year before (three times as many).
 *   BENCH_INSTANT_SUBMISSIONS  instant submissions timed for the instant decision's p50 (31); more steady the
 *                  median of one run on a noisy machine.
 *   BENCH_PROBLEM_APPEALS  appeals of the month the problems suite clusters (83,000: 1,000,000 a year).
 *   BENCH_SECONDS  duration of each HTTP load run (default 5).
 *   BENCH_ROUNDS  alternating rounds (hello, then the subject) behind the authenticated read's and the
 *                  verification's ratios; the median round is reported (default 3: bench/src/rounds.ts).
 *   BENCH_EXPLAIN  1: print EXPLAIN ANALYZE of the timed queries even when they meet their target.
 *   BENCH_ROUTING_MISSES  1: print every held-out appeal the cold start does not route right first.
 *   BENCH_CPU_PROF  1: V8 .cpuprofile files in bench/: of the measured run only for the authenticated reads
 *                  (web, reads) and the verification (services) — their first round; of the whole server
 *                  for appeals-intake.
 */
import { fork } from 'node:child_process'
import path from 'node:path'
import autocannon from 'autocannon'
import { runAppealsSuite } from './appeals-bench'
import { appealCorpus } from './appeals-data'
import { dropAbandonedBenchDatabases, openBenchApp } from './bench-app'
import { runNodesBench } from './nodes-bench'
import { runNotifyBench } from './notify-bench'
import { runPolicyBench } from './policy-bench'
import { runPolicyDbBench } from './policy-db-bench'
import { runJobsBench } from './jobs-bench'
import { runServicesSuite } from './services-bench'
import { runProblemClassesSuite } from './problem-classes-bench'
import { runCockpitSuite } from './cockpit-bench'
import { runBenchmarksSuite } from './benchmarks-bench'
import { runInspectionCapsSuite } from './inspection-caps-bench'
import { runCommitmentsSuite } from './commitments-bench'
import { runActionPlansSuite } from './action-plans-bench'
import { runDrawsSuite } from './draws-bench'
import { measureColdStartAccuracy, measureRoutingAccuracy } from './routing-bench'
import { runAuthenticatedReadBench, runWebFirstLoadBench } from './web-bench'

const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const appeals = Number(process.env.BENCH_APPEALS ?? 1_000_000)
const applications = Number(process.env.BENCH_SERVICES_APPLICATIONS ?? 100_000)
const parts = new Set(
  (
    process.env.BENCH_ONLY ??
    'http,enterprise,appeals,routing,policy,policydb,notify,web,reads,nodes,jobs,services,problems,cockpit,benchmarks,inspection-caps,commitments,plan,draws'
  )
    .split(',')
    .map((s) => s.trim()),
)
const wants = (suite: string) => parts.has(suite) || [...parts].some((p) => p.startsWith(`${suite}-`))

function report(
  name: string,
  value: number,
  unit: string,
  baselineValue: number,
  baseline: string,
  higherIsBetter = true,
) {
  const ratio = higherIsBetter ? value / baselineValue : baselineValue / value
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2
  const shown = ratio >= 0.095 ? ratio.toFixed(2) : ratio.toPrecision(2)
  console.log(`${name}: ${value.toFixed(digits)} ${unit}, ${shown}x vs ${baseline}`)
}

async function load(url: string): Promise<number> {
  const result = await autocannon({ url, connections: 10, duration: seconds })
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return result.requests.average
}

async function httpThroughput() {
  const child = fork(path.join(import.meta.dirname, 'serve-for-bench.ts'), {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  })
  const ports = await new Promise<{ appPort: number; helloPort: number }>((resolve) =>
    child.once('message', resolve as never),
  )
  try {
    const hello = await load(`http://127.0.0.1:${ports.helloPort}/hello`)
    const healthz = await load(`http://127.0.0.1:${ports.appPort}/healthz`)
    report('healthz-throughput', healthz, 'req/s', hello, 'bare Hono hello route')
  } finally {
    child.send('stop')
    await new Promise((r) => child.once('exit', r))
  }
}

/** What the console asks first: the staff notice, acknowledged (else every read is CONSENT_REQUIRED). */
async function acknowledgeStaffNotice(
  app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> },
  cookie: string,
): Promise<void> {
  const csrf = /ys_csrf=([^;]+)/.exec(cookie)?.[1] ?? ''
  const mine = (await (await app.request('/api/v1/consents/mine', { headers: { cookie } })).json()) as {
    pending: { kind: string; version: number }[]
  }
  if (!mine.pending.length) return
  const res = await app.request('/api/v1/consents', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrf },
    body: JSON.stringify({ documents: mine.pending.map(({ kind, version }) => ({ kind, version })) }),
  })
  if (res.status !== 200) throw new Error(`acknowledging the staff notice failed: ${res.status}`)
}

/** A typical read through the whole stack: a staff member opens an enterprise's profile. */
async function typicalRead(kind: 'embedded' | 'postgres', iterations: number): Promise<number> {
  const bench = await openBenchApp(kind)
  try {
    const signIn = await bench.app.request('/api/v1/auth/staff/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'dispatcher', password: 'Bench-Passw0rd!' }),
    })
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    await acknowledgeStaffNotice(bench.app, cookie)
    const ids = (await bench.deps.db.selectFrom('enterprises').select('id').limit(500).execute()).map(
      (r) => r.id,
    )
    const run = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const res = await bench.app.request(`/api/v1/enterprises/${ids[i % ids.length]}`, {
          headers: { cookie },
        })
        if (res.status !== 200) throw new Error(`read failed: ${res.status}`)
        await res.arrayBuffer()
      }
    }
    await run(200) // warm up
    const started = performance.now()
    await run(iterations)
    return iterations / ((performance.now() - started) / 1000)
  } finally {
    await bench.close()
  }
}

async function routingAccuracy() {
  const history = appealCorpus(50_000).map((a) => ({
    words: a.words,
    categoryCode: a.categoryCode,
    departmentId: a.departmentCode,
  }))
  const r = measureRoutingAccuracy(history)
  report('appeals-routing-accuracy', r.top1 * 100, '%', r.categoryTable * 100, 'category → department table')
  report(
    'appeals-routing-accuracy-top3',
    r.top3 * 100,
    '%',
    r.categoryTable * 100,
    'category → department table (one suggestion)',
  )
  console.error(
    `  # routing: trained on ${r.examples} past dispatches in ${r.trainMs.toFixed(0)} ms, scored on ${r.heldOut} held out; ` +
      `${r.suggestMs.toFixed(2)} ms per suggestion; category table ${(r.categoryTable * 100).toFixed(1)} %`,
  )

  // No history at all, on hand-written appeals (bench/data/routing-held-out.ts).
  const c = await measureColdStartAccuracy(r.model)
  report(
    'appeals-routing-cold-start',
    c.top1 * 100,
    '%',
    c.categoryTable * 100,
    'category → department table alone',
  )
  report(
    'appeals-routing-cold-start-top3',
    c.top3 * 100,
    '%',
    c.categoryTable * 100,
    'category → department table alone (one suggestion)',
  )
  report(
    'appeals-routing-trained-on-hand-written',
    c.trainedTop1 * 100,
    '%',
    c.top1 * 100,
    'cold start on the same appeals',
  )
  const pct = (x: number, n = 1) => `${((x / n) * 100).toFixed(1)} %`
  console.error(
    `  # cold start: ${c.appeals} hand-written appeals, no history; top-1 ${pct(c.top1)}, top-3 ${pct(c.top3)}, ` +
      `category table ${pct(c.categoryTable)}; ${c.suggestMs.toFixed(2)} ms per suggestion; the model trained on ` +
      `${r.examples} generated dispatches: top-1 ${pct(c.trainedTop1)}, top-3 ${pct(c.trainedTop3)}`,
  )
  for (const [name, s] of Object.entries(c.slices))
    console.error(
      `  #   ${name}: ${s.n} appeals; top-1 ${pct(s.top1, s.n)}, top-3 ${pct(s.top3, s.n)}, table ${pct(s.table, s.n)}`,
    )
  console.error(
    `  #   first suggestion by basis: ${Object.entries(c.firstBasis)
      .map(([basis, b]) => `${basis} ${b.n} (right ${pct(b.right, b.n)})`)
      .join(', ')}`,
  )
}

const started = performance.now()
await dropAbandonedBenchDatabases()
if (wants('http')) await httpThroughput()
if (wants('enterprise')) {
  const pg = await typicalRead('postgres', 3000)
  const embedded = await typicalRead('embedded', 3000)
  report('enterprise-read-embedded', embedded, 'req/s', pg, 'the same read on PostgreSQL')
}
if (wants('appeals')) await runAppealsSuite({ appeals, seconds, report, parts })
if (wants('routing')) await routingAccuracy()
if (wants('policy')) await runPolicyBench({ report })
if (wants('policydb')) await runPolicyDbBench({ report })
if (wants('notify')) await runNotifyBench({ report })
if (wants('web')) await runWebFirstLoadBench({ report })
if (wants('reads')) await runAuthenticatedReadBench({ report, seconds })
if (wants('nodes')) await runNodesBench()
if (wants('jobs')) await runJobsBench({ report, parts })
if (wants('services')) await runServicesSuite({ applications, seconds, report })
if (wants('problems'))
  await runProblemClassesSuite({ appeals: Number(process.env.BENCH_PROBLEM_APPEALS ?? 83_000), report })
if (wants('cockpit')) await runCockpitSuite({ appeals, report })
if (wants('benchmarks')) await runBenchmarksSuite({ report })
if (wants('inspection-caps'))
  await runInspectionCapsSuite({
    enterprises: Number(process.env.BENCH_CAPS_ENTERPRISES ?? 50_000),
    inspections: Number(process.env.BENCH_CAPS_INSPECTIONS ?? 200_000),
    report,
  })
if (wants('commitments')) await runCommitmentsSuite({ commitments: 100_000, newlyDue: 200, report })
if (wants('plan')) await runActionPlansSuite({ tasks: Number(process.env.BENCH_PLAN_TASKS ?? 2000), report })
// random draws: 1,000,000 enterprises sampled 5 % by tier, and the re-run (bench/src/draws-bench.ts)
if (wants('draws')) await runDrawsSuite({ report })
console.error(`  # bench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`)

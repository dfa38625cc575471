/**
 * The appeals benchmarks on a year of a city's appeals in PostgreSQL (1,000,000 by default): the
 * deadline sweep, the handler's inbox, the monthly figures by department and intake over HTTP. Each
 * is the server's real code, timed warm, with a baseline measured in the same run on the same data.
 */
import { fork } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { Kysely, PostgresDialect, sql } from 'kysely'
import { createSession, resolveSession } from '../../server/src/kernel/auth/sessions'
import type { Actor } from '../../server/src/kernel/auth/actor'
import { zonedInstant } from '../../server/src/kernel/calendar/zoned-time'
import type { DB } from '../../server/src/kernel/db/schema'
import type { AppDeps } from '../../server/src/kernel/http/app-env'
import { computeFigures } from '../../server/src/modules/appeals/appeals-figures.service'
import * as fq from '../../server/src/modules/appeals/appeals-figures.queries'
import { OPEN_STATES } from '../../server/src/modules/appeals/appeal-states'
import { sweepAppealClocks } from '../../server/src/modules/appeals/appeal-clock-sweep.service'
import { listDepartmentInbox } from '../../server/src/modules/appeals/appeals-read.service'
import { departmentScope } from '../../server/src/modules/departments/departments.service'
import { findSimilar, refreshWordFrequencies } from '../../server/src/modules/appeals/appeals-intake.service'
import { verifyAuditChain } from '../../server/src/kernel/audit/audit'
import { findPendingDocuments } from '../../server/src/kernel/auth/consent.queries'
import { countUnlinkedAuditRows } from '../../server/src/kernel/audit/audit.queries'
import { appealCorpus, generateAppealsData, type AppealsDataInfo } from './appeals-data'
import { benchDatabaseTransport, openBenchApp } from './bench-app'
import { note, type Report } from './report'
import { findAppeal } from '../../server/src/modules/appeals/appeal-row.queries'
import { heldBy, summaryQuery } from '../../server/src/modules/appeals/appeals-list.queries'

const MINUTE = 60_000

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export async function timeRuns(runs: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await work(i)
    times.push(performance.now() - started)
  }
  return times
}

export async function explain(
  deps: AppDeps,
  compiled: { sql: string; parameters: readonly unknown[] },
): Promise<string> {
  const { rows } = await deps.database.executeSql(`EXPLAIN (ANALYZE, BUFFERS) ${compiled.sql}`, [
    ...compiled.parameters,
  ])
  return rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')
}

const explainWanted = () => process.env.BENCH_EXPLAIN === '1'

/**
 * Sessions are made with the kernel's createSession (what a sign-in ends with) and resolved as the
 * session middleware does: the enterprise sign-in needs an SMS code, which a bench has no phone for.
 */
export async function signedInActor(
  deps: AppDeps,
  userId: string,
): Promise<{ actor: Actor; token: string; csrf: string }> {
  const session = await createSession(deps.db, {
    userId,
    ttlMs: 3_600_000,
    ip: '127.0.0.1',
    userAgent: 'bench',
  })
  // The bench's user has read the privacy notice and terms, as every real user has before filing.
  const user = await deps.db
    .selectFrom('users')
    .select('kind')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  for (const document of await findPendingDocuments(deps.db, userId, user.kind, new Date())) {
    await deps.db
      .insertInto('legal_acceptances')
      .values({
        user_id: userId,
        document_id: document.id,
        accepted_at: new Date(),
        ip: '127.0.0.1',
        user_agent: 'bench',
      })
      .execute()
  }
  const resolved = await resolveSession(deps.db, session.token)
  if (!resolved) throw new Error('the bench session did not resolve')
  return { actor: resolved.actor, token: session.token, csrf: session.csrfToken }
}

// --- similar open appeals while typing ------------------------------------------------------------

/** What the filing form and triage ask on every pause in typing: the open appeals like this text. */
async function benchSimilar(deps: AppDeps, report: Report) {
  const dispatcher = await deps.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'dispatcher')
    .executeTakeFirstOrThrow()
  const { actor } = await signedInActor(deps, dispatcher.id)
  // What the ten-minute job keeps current: the search looks only through a text's rarer words.
  const counting = performance.now()
  const words = await refreshWordFrequencies(deps)
  note(`word counts of the open appeals: ${words} words in ${(performance.now() - counting).toFixed(0)} ms`)
  const texts = appealCorpus()
    .slice(0, 40)
    .map((a) => `${a.title} ${a.body}`)
  await timeRuns(5, (i) => findSimilar(deps, actor, { text: texts[i % texts.length]! }))
  const times = await timeRuns(41, (i) => findSimilar(deps, actor, { text: texts[i % texts.length]! }))
  const similar = median(times)
  const ids = (await deps.db.selectFrom('appeals').select('id').limit(50).execute()).map((r) => r.id)
  const pk = median(await timeRuns(101, (i) => findAppeal(deps.db, ids[i % ids.length]!)))
  report('appeals-similar-while-typing', similar, 'ms', pk, 'primary-key read of one appeal', false)
  const sorted = [...times].sort((a, b) => a - b)
  note(
    `similar open appeals (jieba words + trigram titles): p50 ${similar.toFixed(1)} ms, p90 ${sorted[Math.floor(sorted.length * 0.9)]!.toFixed(1)} ms over ${times.length} texts; a keystroke pause is ~300 ms`,
  )
}

// --- the handler's inbox ------------------------------------------------------------------------

async function benchInbox(deps: AppDeps, info: AppealsDataInfo, report: Report) {
  const { rows } = await deps.database.executeSql(
    `SELECT d.code, count(*)::int AS n FROM appeals a
       JOIN appeal_assignments h ON h.appeal_id = a.id AND h.is_current
       JOIN departments d ON d.id = h.department_id
      WHERE a.status = ANY($1) GROUP BY d.code ORDER BY n DESC LIMIT 1`,
    [OPEN_STATES],
  )
  const busiest = rows[0] as { code: string; n: number }
  const handler = info.staff.get(busiest.code)!.handler[0]!
  const { actor } = await signedInActor(deps, handler)
  const input = { view: 'open' as const, limit: 50, offset: 0 }
  const first = await listDepartmentInbox(deps, actor, input)
  if (first.items.length === 0) throw new Error('the busiest inbox is empty')
  await timeRuns(5, () => listDepartmentInbox(deps, actor, input))
  const inbox = median(await timeRuns(31, () => listDepartmentInbox(deps, actor, input)))

  const ids = first.items.map((i) => i.id)
  await timeRuns(50, (i) => findAppeal(deps.db, ids[i % ids.length]!))
  const pk = median(await timeRuns(301, (i) => findAppeal(deps.db, ids[i % ids.length]!)))
  report('appeals-handler-inbox-first-page', inbox, 'ms', pk, 'primary-key read of one appeal', false)
  note(
    `inbox of ${busiest.code}: ${first.total} open appeals held, first page of ${first.items.length}; ` +
      `= ${(inbox / pk).toFixed(0)} primary-key reads (${pk.toFixed(2)} ms); target ≤ 50 ms`,
  )
  if (inbox > 50 || explainWanted()) {
    const scope = await departmentScope(deps.db, [info.departmentIds.get(busiest.code)!])
    const query = heldBy(summaryQuery(deps.db), scope, [...OPEN_STATES])
    const page = query
      .orderBy(sql`due_at`, sql`asc nulls last`)
      .orderBy('a.created_at')
      .limit(50)
      .offset(0)
    const count = query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n'))
    note(`EXPLAIN ANALYZE inbox page:\n${await explain(deps, page.compile())}`)
    note(`EXPLAIN ANALYZE inbox count:\n${await explain(deps, count.compile())}`)
  }
}

// --- the deadline sweep ---------------------------------------------------------------------------

async function benchSweep(deps: AppDeps, info: AppealsDataInfo, report: Report) {
  const t0 = info.t0.getTime()
  // One minute of a live city: the job runs every minute; each run is timed at its own minute.
  const minutes = 9
  const dueQuery = deps.db
    .selectFrom('appeal_clocks')
    .selectAll()
    .where('next_check_at', '<=', new Date(t0 + minutes * MINUTE))
    .orderBy('next_check_at')
    .limit(500)
    .compile()
  const explained = explainWanted() ? await explain(deps, dueQuery) : ''
  const runs: { ms: number; clocks: number; fired: number }[] = []
  for (let k = 1; k <= minutes; k++) {
    const started = performance.now()
    const result = await sweepAppealClocks(deps, new Date(t0 + k * MINUTE))
    runs.push({ ms: performance.now() - started, ...result })
  }
  const sweep = median(runs.map((r) => r.ms))

  // The baseline: the same "which clocks are due" question without the next_check_at index.
  const scan = async () =>
    deps.db.transaction().execute(async (tx) => {
      await sql`SET LOCAL enable_indexscan = off`.execute(tx)
      await sql`SET LOCAL enable_bitmapscan = off`.execute(tx)
      await sql`SET LOCAL enable_indexonlyscan = off`.execute(tx)
      await tx.executeQuery(dueQuery)
    })
  await scan()
  const scanMs = median(await timeRuns(5, scan))
  report(
    'appeals-overdue-sweep',
    sweep,
    'ms',
    scanMs,
    'finding due clocks by a sequential scan (no index)',
    false,
  )
  note(
    `per-minute sweeps at T0+1…${minutes} min: clocks ${runs.map((r) => r.clocks).join('/')}, thresholds fired ` +
      `${runs.map((r) => r.fired).join('/')}, ms ${runs.map((r) => r.ms.toFixed(0)).join('/')}; target ≤ 1000 ms`,
  )

  // The worst case: the app was down for an hour; the job drains the backlog batch by batch.
  const after = new Date(t0 + (minutes + 60) * MINUTE)
  const started = performance.now()
  let clocks = 0
  let fired = 0
  let batches = 0
  for (;;) {
    const result = await sweepAppealClocks(deps, after)
    batches++
    clocks += result.clocks
    fired += result.fired
    if (result.clocks === 0 || batches > 200) break
  }
  const drain = performance.now() - started
  report(
    'appeals-overdue-sweep-after-1h-downtime',
    drain,
    'ms',
    scanMs,
    'finding due clocks by a sequential scan (no index)',
    false,
  )
  note(`backlog after an hour down: ${clocks} clocks, ${fired} thresholds, ${batches} batches of ≤ 500`)
  if (explained) note(`EXPLAIN ANALYZE due clocks, before the sweeps:\n${explained}`)
  else if (sweep > 1000) note(`EXPLAIN ANALYZE due clocks:\n${await explain(deps, dueQuery)}`)
}

// --- the three rates by department for a month -------------------------------------------------

/** Runs the server's own query functions on a Kysely that only records what they would send. */
export async function capturedQueries(
  deps: AppDeps,
  run: (db: Kysely<DB>) => Promise<unknown>,
): Promise<{ sql: string; parameters: readonly unknown[] }[]> {
  const seen: { sql: string; parameters: readonly unknown[] }[] = []
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: deps.database.pool }),
    log: (event) => {
      if (event.level === 'query') seen.push({ sql: event.query.sql, parameters: event.query.parameters })
    },
  })
  await run(db)
  return seen
}

async function benchFigures(deps: AppDeps, info: AppealsDataInfo, report: Report) {
  const leader = await deps.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'leader')
    .executeTakeFirstOrThrow()
  const { actor } = await signedInActor(deps, leader.id)
  // The last whole month before T0 (Asia/Shanghai dates).
  const local = new Date(info.t0.getTime() + 8 * 3_600_000)
  const y = local.getUTCFullYear()
  const m = local.getUTCMonth() // 0-based: the current month; the month before is m - 1
  const from = new Date(Date.UTC(y, m - 1, 1)).toISOString().slice(0, 10)
  const to = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10)
  const input = { from, to }
  await timeRuns(3, () => computeFigures(deps, actor, input))
  const figures = median(await timeRuns(11, () => computeFigures(deps, actor, input)))
  const naive = median(await timeRuns(5, () => ratesInJavaScript(deps, from, to)))
  report(
    'appeals-rates-by-department-month',
    figures,
    'ms',
    naive,
    "fetching the month's rows and counting in JavaScript",
    false,
  )
  note(`figures for ${from} … ${to}; target ≤ 200 ms`)
  if (figures > 200 || explainWanted()) {
    const start = zonedInstant(from, 0, deps.config.timeZone)
    const end = zonedInstant(to, 0, deps.config.timeZone)
    const queries = await capturedQueries(deps, async (db) => {
      await fq.countAppealFigures(db, start, end, new Date())
      await fq.countReturns(db, start, end)
    })
    for (const query of queries) note(`EXPLAIN ANALYZE figures:\n${query.sql}\n${await explain(deps, query)}`)
  }
}

/**
 * The baseline: the month's appeals with their lead, clocks and ratings fetched row by row and the
 * three published rates (docs/METRICS.md) counted in JavaScript.
 */
async function ratesInJavaScript(deps: AppDeps, from: string, to: string) {
  const start = new Date(`${from}T00:00:00+08:00`)
  const end = new Date(`${to}T00:00:00+08:00`)
  const now = new Date()
  const appeals = await deps.db
    .selectFrom('appeals as a')
    .leftJoin('appeal_assignments as l', (j) =>
      j.onRef('l.appeal_id', '=', 'a.id').on('l.role', '=', 'lead').on('l.is_current', '=', true),
    )
    .select(['a.id', 'l.department_id'])
    .where('a.first_dispatched_at', '>=', start)
    .where('a.first_dispatched_at', '<', end)
    .execute()
  const ids = appeals.map((a) => a.id)
  const clocks: {
    appeal_id: string
    kind: string
    is_met: boolean | null
    due_at: Date | null
    stopped_at: Date | null
  }[] = []
  const ratings: { appeal_id: string; cycle: number; solved: boolean; level: number | null }[] = []
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000)
    clocks.push(
      ...(await deps.db
        .selectFrom('appeal_clocks')
        .select(['appeal_id', 'kind', 'is_met', 'due_at', 'stopped_at'])
        .where('appeal_id', 'in', chunk)
        .where('kind', '=', 'first_contact')
        .execute()),
    )
    ratings.push(
      ...(await deps.db
        .selectFrom('appeal_ratings')
        .select(['appeal_id', 'cycle', 'solved', 'level'])
        .where('appeal_id', 'in', chunk)
        .execute()),
    )
  }
  const byDept = new Map<
    string | null,
    { met: number; missed: number; rated: number; resolved: number; withLevel: number; satisfied: number }
  >()
  const deptOf = new Map(appeals.map((a) => [a.id, a.department_id]))
  const row = (id: string) => {
    const d = deptOf.get(id) ?? null
    let r = byDept.get(d)
    if (!r) byDept.set(d, (r = { met: 0, missed: 0, rated: 0, resolved: 0, withLevel: 0, satisfied: 0 }))
    return r
  }
  for (const c of clocks) {
    if (c.is_met === true) row(c.appeal_id).met++
    else if (c.is_met === false || (c.stopped_at === null && c.due_at !== null && c.due_at < now))
      row(c.appeal_id).missed++
  }
  const latest = new Map<string, (typeof ratings)[number]>()
  for (const r of ratings) if ((latest.get(r.appeal_id)?.cycle ?? 0) < r.cycle) latest.set(r.appeal_id, r)
  for (const r of latest.values()) {
    const d = row(r.appeal_id)
    d.rated++
    if (r.solved && (r.level ?? 0) >= 3) d.resolved++
    if (r.level !== null) {
      d.withLevel++
      if (r.level >= 3) d.satisfied++
    }
  }
  return byDept
}

/**
 * CPU seconds used so far by the app server process and by the PostgreSQL backends serving the bench
 * database, from /proc (Linux; undefined elsewhere). On a machine others load, CPU per filing holds
 * steadier than filings per second: it counts what a filing costs, not how much of the CPU it got.
 */
async function cpuSeconds(
  deps: AppDeps,
  serverPid: number,
): Promise<{ app: number; database: Map<number, number> } | undefined> {
  const ticks = (pid: number) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      return (Number(fields[11]) + Number(fields[12])) / 100 // utime + stime, USER_HZ = 100
    } catch {
      return undefined
    }
  }
  const app = ticks(serverPid)
  if (app === undefined) return undefined
  const { rows } = await deps.database.executeSql(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  )
  const database = new Map<number, number>()
  for (const { pid } of rows as { pid: number }[]) database.set(pid, ticks(pid) ?? 0)
  return { app, database }
}

// --- intake over HTTP ------------------------------------------------------------------------------

/** How many enterprise users file in turn in the intake bench (BENCH_INTAKE_FILERS, default 1). */
function intakeFilers(): number {
  const n = Number(process.env.BENCH_INTAKE_FILERS ?? 1)
  return Number.isInteger(n) && n >= 1 ? n : 1
}

/** The outbox's messages written since `since`, and how many of them still wait for delivery. */
async function outboxSince(deps: AppDeps, since: Date): Promise<{ total: number; pending: number }> {
  const { rows } = await deps.database.executeSql(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'pending')::int AS pending
       FROM notifications WHERE created_at >= $1`,
    [since],
  )
  return rows[0] as { total: number; pending: number }
}

/**
 * Filing over HTTP into the real server. `delivering`: its job workers run too, so the outbox's
 * messages (the receipt, the task force's "new appeal") are delivered on the same two cores while
 * the filings come in — a single node's whole work; without, the filing alone (workers elsewhere).
 */
async function benchIntake(
  deps: AppDeps,
  info: AppealsDataInfo,
  databaseUrl: string,
  seconds: number,
  report: Report,
  delivering: boolean,
) {
  const child = fork(path.join(import.meta.dirname, 'serve-for-bench.ts'), {
    // BENCH_CPU_PROF=1: the server process writes a .cpuprofile (in the working directory) when it stops.
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof'] : [])],
    stdio: 'inherit',
    env: {
      ...process.env,
      BENCH_SERVE_DATABASE_URL: databaseUrl,
      BENCH_SERVE_WORKERS: delivering ? '1' : '0',
    },
  })
  const stop = async () => {
    if (child.exitCode !== null) return
    child.send('stop')
    await new Promise((r) => child.once('exit', r))
  }
  try {
    const ports = await new Promise<{ appPort: number; helloPort: number }>((resolve, reject) => {
      child.once('message', resolve as never)
      child.once('exit', (code) => reject(new Error(`the bench server exited (${code})`)))
    })
    // The filers: BENCH_INTAKE_FILERS enterprise users (each filing for their own enterprise), in turn.
    const filers = await Promise.all(
      info.enterpriseUsers.slice(0, intakeFilers()).map(async (user) => {
        const { token, csrf } = await signedInActor(deps, user.userId)
        return { enterpriseId: user.enterpriseId, cookie: `ys_session=${token}; ys_csrf=${csrf}`, csrf }
      }),
    )
    const texts = appealCorpus()
    let n = 0
    const filing = () => {
      const t = texts[n % texts.length]!
      const filer = filers[n++ % filers.length]!
      return {
        headers: { cookie: filer.cookie, 'x-csrf-token': filer.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({
          enterpriseId: filer.enterpriseId,
          categoryCode: t.categoryCode,
          title: t.title,
          body: t.body,
          idempotencyKey: crypto.randomUUID(),
        }),
      }
    }
    const run = async (url: string, options: Partial<autocannon.Options> = {}) => {
      const result = await autocannon({ url, connections: 10, duration: seconds, ...options })
      if (result.non2xx > 0 || result.errors > 0)
        throw new Error(
          `${url}: ${result.non2xx} non-2xx (${JSON.stringify(result.statusCodeStats)}), ${result.errors} errors`,
        )
      return result
    }
    const hello = await run(`http://127.0.0.1:${ports.helloPort}/hello`)
    const post = {
      method: 'POST' as const,
      requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, ...filing() }) }],
    }
    // A short warm-up (connection pool, JIT), then the measured run.
    await run(`http://127.0.0.1:${ports.appPort}/api/v1/appeals`, { ...post, duration: 1 })
    const before = n
    const cpuBefore = await cpuSeconds(deps, child.pid!)
    // This process is the load generator (autocannon and the request bodies) during the run.
    const loadBefore = process.cpuUsage()
    const runStarted = new Date()
    const intake = await run(`http://127.0.0.1:${ports.appPort}/api/v1/appeals`, post)
    const load = process.cpuUsage(loadBefore)
    const cpuAfter = await cpuSeconds(deps, child.pid!)
    const messages = await outboxSince(deps, runStarted)
    report(
      delivering ? 'appeals-intake-throughput-delivering' : 'appeals-intake-throughput',
      intake.requests.average,
      'req/s',
      hello.requests.average,
      'bare Hono hello route',
    )
    note(
      `intake${delivering ? ' (the job workers delivering in the same server)' : ''}: POST /api/v1/appeals ` +
        `on PostgreSQL (${benchDatabaseTransport()}) with ${info.appeals} appeals, 10 connections, ${seconds} s, ` +
        `${filers.length === 1 ? 'one enterprise user filing' : `${filers.length} enterprise users filing in turn`}; ` +
        `${n - before} filed, latency p50 ${intake.latency.p50} ms, p99 ${intake.latency.p99} ms (target ≥ 500 req/s)`,
    )
    if (cpuBefore && cpuAfter) {
      // Only backends alive at both readings count: the server's pool, open since the warm-up.
      let database = 0
      for (const [pid, after] of cpuAfter.database) database += after - (cpuBefore.database.get(pid) ?? after)
      const filed = n - before
      const perFiling = (s: number) => ((s * 1000) / filed).toFixed(2)
      note(
        `intake CPU per filing: app ${perFiling(cpuAfter.app - cpuBefore.app)} ms, PostgreSQL ` +
          `${perFiling(database)} ms, load generator ${perFiling((load.user + load.system) / 1e6)} ms ` +
          `(machine load average ${os.loadavg()[0]!.toFixed(1)})`,
      )
    }
    // The filings' messages are work too. Delivering: how many went out while the load ran and how
    // long the rest took (CPU spent after the run is not in the figures above, so a delivery that fell
    // behind would flatter them). Without workers they wait for a node that runs them.
    if (!delivering)
      note(`intake messages: ${messages.total} written, not delivered here (this server runs no job workers)`)
    else {
      const drainStarted = performance.now()
      let left = messages.pending
      while (left > 0 && performance.now() - drainStarted < 120_000) {
        await new Promise((r) => setTimeout(r, 200))
        left = (await outboxSince(deps, runStarted)).pending
      }
      const after = ((performance.now() - drainStarted) / 1000).toFixed(1)
      note(
        `intake messages: ${messages.total} written during the run, ${messages.total - messages.pending} ` +
          `delivered by its end, the other ${messages.pending} ` +
          (left === 0 ? `within ${after} s after` : `NOT within 120 s (${left} left)`),
      )
    }
    // The chain afterwards: how far the background chainer trailed, then drained and verified whole.
    const unlinked = await countUnlinkedAuditRows(deps.db)
    const verifyStarted = performance.now()
    const verdict = await verifyAuditChain(deps.db)
    note(
      `intake chain: ${unlinked} audit rows not yet linked when the load stopped; drained and verified in ` +
        `${((performance.now() - verifyStarted) / 1000).toFixed(1)} s: ` +
        (verdict.ok
          ? `${verdict.rows} rows, chain intact`
          : `BROKEN at row ${verdict.brokenAt} (${verdict.reason})`),
    )
    if (!verdict.ok) throw new Error('the audit chain does not hold after the intake bench')
  } finally {
    await stop()
  }
}

// --- the suite ------------------------------------------------------------------------------------

export async function runAppealsSuite(options: {
  appeals: number
  seconds: number
  report: Report
  parts: Set<string>
}) {
  const bench = await openBenchApp('postgres', { name: 'appeals' })
  try {
    const started = performance.now()
    const info = await generateAppealsData(bench.deps, bench.databaseUrl!, {
      appeals: options.appeals,
      log: note,
    })
    note(
      `data: ${options.appeals} appeals in ${((performance.now() - started) / 1000).toFixed(0)} s ` +
        `(texts ${info.seconds.texts.toFixed(0)} s, rows ${info.seconds.load.toFixed(0)} s, indexes ${info.seconds.indexes.toFixed(0)} s, ` +
        `vacuum ${info.seconds.vacuum.toFixed(0)} s): ${Object.entries(info.rows)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ')}`,
    )
    const { rows } = await bench.deps.database.executeSql(
      `SELECT status, count(*)::int AS n FROM appeals GROUP BY 1 ORDER BY 2 DESC`,
    )
    note(
      `status mix at T0 ${info.t0.toISOString()}: ${rows.map((r: { status: string; n: number }) => `${r.status} ${r.n}`).join(', ')}`,
    )
    const part = (name: string) => options.parts.has('appeals') || options.parts.has(`appeals-${name}`)
    if (part('inbox')) await benchInbox(bench.deps, info, options.report)
    if (part('figures')) await benchFigures(bench.deps, info, options.report)
    if (part('similar')) await benchSimilar(bench.deps, options.report)
    if (part('sweep')) await benchSweep(bench.deps, info, options.report)
    if (part('intake'))
      for (const delivering of [false, true])
        await benchIntake(bench.deps, info, bench.databaseUrl!, options.seconds, options.report, delivering)
  } finally {
    if (process.env.BENCH_KEEP_DB === '1') {
      await bench.detach()
      note(`kept for diagnosis (the next bench run drops it): ${bench.databaseUrl}`)
    } else await bench.close()
  }
}

/**
 * nodes-3-filings — many nodes, one database. Three app node processes (server/src/main.ts, as
 * `npm start` runs it with DATABASE_URL and PORT) on one fresh PostgreSQL database, each on its own
 * port, behind nothing. For a bounded time the bench files appeals at all three (enterprises, over
 * HTTP, each with an idempotency key, retried on another node with the same key when a node does
 * not answer), dispatches them, reads, and drives the deadline sweeps: it moves the clocks' used
 * time forward and queues sweep jobs that all three nodes' workers compete for, beside their own
 * cron. A session made on one node is used on the others. One node is killed with SIGKILL mid-run
 * and started again. Then it checks, in the database:
 *   lost          acknowledged filings (a 2xx received) that are not there
 *   duplicates    filings stored twice under one idempotency key, or answered with two different ids
 *   jobs twice    pg-boss jobs run again (retried), cron slots that made two jobs
 *   clocks twice  a clock threshold (per appeal, department and clock) acted on twice; two open supervision cases
 *   sent twice    a notification delivered twice on one channel to one address (the dev SMS log and inbox)
 * The throughput is compared with the same work (filings, reads, dispatches, sweeps) at one node
 * alone, measured first in the same run.
 *
 *   BENCH_NODES_SECONDS           the three-node run (default 20)
 *   BENCH_NODES_BASELINE_SECONDS  the one-node run before it, the same work at one node (default 8)
 *   BENCH_NODES_CONNECTIONS       concurrent filers (default 6)
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import PgBoss from 'pg-boss'
import { note } from './report'

let probe: pg.Pool | undefined
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const BASE_URL = () => process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const SERVER_MAIN = path.join(import.meta.dirname, '../../server/src/main.ts')
const PASSWORD = 'Bench-Passw0rd!'
const CLOCK_SWEEP_QUEUE = 'appeals.clock_sweep'
/** Queues the nodes schedule every minute: at most one job per minute between them. */
const EVERY_MINUTE = ['appeals.clock_sweep', 'notifications.sweep', 'policies.match_changes']

type Node = { index: number; port: number; url: string; child: ChildProcess | null; dir: string }
type Session = { cookie: string; csrf: string }
type Filing = { key: string; userId: string; ackedId: string | null; ids: Set<string>; attempts: number }

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

function startNode(node: Node, databaseUrl: string): void {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_MAIN], {
    cwd: path.join(import.meta.dirname, '../../server'),
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      PORT: String(node.port),
      HOST: '127.0.0.1',
      DATA_DIR: node.dir,
      LOG_LEVEL: 'error',
      LOG_FORMAT: 'json',
      JOBS: 'true',
      SEED_DEMO_DATA: 'true',
      DEMO_ACCOUNTS: 'true',
      DEMO_ENTERPRISE_COUNT: '200',
      DEMO_PASSWORD: PASSWORD,
      DEV_INBOX: 'true',
      TRUST_PROXY: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  node.child = child
  child.once('exit', () => {
    if (node.child === child) node.child = null
  })
}

async function waitHealthy(node: Node, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (!node.child) throw new Error(`node ${node.index + 1} exited while starting`)
    try {
      const res = await fetch(`${node.url}/healthz`, { signal: AbortSignal.timeout(2000) })
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await sleep(250)
  }
  throw new Error(`node ${node.index + 1} did not become healthy`)
}

async function stopNode(node: Node, signal: NodeJS.Signals): Promise<void> {
  const child = node.child
  if (!child || child.exitCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill(signal)
  await Promise.race([exited, sleep(10_000)])
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL')
    await exited
  }
}

function cookiesOf(res: Response, into: Map<string, string>): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair = ''] = line.split(';')
    const at = pair.indexOf('=')
    into.set(pair.slice(0, at), pair.slice(at + 1))
  }
}

function sessionOf(cookies: Map<string, string>): Session {
  return {
    cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    csrf: cookies.get('ys_csrf') ?? '',
  }
}

async function call(
  base: string,
  method: string,
  route: string,
  session: Session | null,
  body?: unknown,
  timeoutMs = 15_000,
): Promise<Response> {
  const headers: Record<string, string> = {}
  if (session) {
    headers.cookie = session.cookie
    if (method !== 'GET') headers['x-csrf-token'] = session.csrf
  }
  if (body !== undefined) headers['content-type'] = 'application/json'
  return fetch(`${base}${route}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  })
}

/** What a new session is asked to accept first (else every read is CONSENT_REQUIRED). */
async function acceptConsents(base: string, session: Session): Promise<void> {
  const mine = (await (await call(base, 'GET', '/api/v1/consents/mine', session)).json()) as {
    pending: { kind: string; version: number }[]
  }
  if (!mine.pending.length) return
  const res = await call(base, 'POST', '/api/v1/consents', session, {
    documents: mine.pending.map(({ kind, version }) => ({ kind, version })),
  })
  if (res.status !== 200) throw new Error(`accepting the consents failed: ${res.status}`)
}

/** Staff: a password on node `a`, the notice acknowledged on node `b`. */
async function signInStaff(a: Node, b: Node, username: string): Promise<Session> {
  const cookies = new Map<string, string>()
  const res = await call(a.url, 'POST', '/api/v1/auth/staff/sign-in', null, { username, password: PASSWORD })
  if (res.status !== 200) throw new Error(`staff sign-in failed: ${res.status} ${await res.text()}`)
  cookiesOf(res, cookies)
  const session = sessionOf(cookies)
  await acceptConsents(b.url, session)
  return session
}

/** Enterprise: the code asked for on node `a`, read from the dev inbox of `b`, signed in on `c`. */
async function signInEnterprise(a: Node, b: Node, c: Node, phone: string): Promise<Session> {
  const sent = await call(a.url, 'POST', '/api/v1/auth/enterprise/code', null, { phone })
  if (sent.status !== 202) throw new Error(`code request failed: ${sent.status} ${await sent.text()}`)
  let code: string | undefined
  for (let i = 0; i < 240 && !code; i++) {
    const inbox = (await (await call(b.url, 'GET', '/api/v1/dev/inbox', null)).json()) as {
      items: { to: string; text: string }[]
    }
    const sms = inbox.items.find((m) => m.to === phone && m.text.includes('验证码') && /\d{6}/.test(m.text))
    code = sms?.text.match(/\d{6}/)?.[0]
    if (!code) await sleep(250)
  }
  if (!code) {
    const { rows } = (await probe?.query(
      `SELECT status, last_error, not_before FROM notifications WHERE recipient_phone = $1`,
      [phone],
    )) ?? { rows: [] }
    const jobs = await probe?.query(
      `SELECT name, state, count(*)::int AS n FROM pgboss.job GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    const activity = await probe?.query(
      `SELECT state, wait_event_type, wait_event, left(query, 120) AS query, now() - xact_start AS age
         FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle'`,
    )
    throw new Error(
      `no sign-in code reached ${phone}: ${JSON.stringify(rows)} ${JSON.stringify(jobs?.rows)} ${JSON.stringify(activity?.rows)}`,
    )
  }
  const cookies = new Map<string, string>()
  const res = await call(c.url, 'POST', '/api/v1/auth/enterprise/sign-in', null, { phone, code })
  if (res.status !== 200) throw new Error(`enterprise sign-in failed: ${res.status} ${await res.text()}`)
  cookiesOf(res, cookies)
  const session = sessionOf(cookies)
  await acceptConsents(a.url, session)
  return session
}

export async function runNodesBench(): Promise<void> {
  const seconds = Number(process.env.BENCH_NODES_SECONDS ?? 20)
  const baselineSeconds = Number(process.env.BENCH_NODES_BASELINE_SECONDS ?? 8)
  const connections = Number(process.env.BENCH_NODES_CONNECTIONS ?? 6)

  const name = `yingshang_bench_${process.pid}_nodes`
  const admin = new pg.Client({ connectionString: BASE_URL() })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(BASE_URL())
  url.pathname = `/${name}`
  const databaseUrl = url.toString()
  const db = new pg.Pool({ connectionString: databaseUrl, max: 3 })
  probe = db
  // A node killed mid-query, or the database dropped at the end, ends connections: not an error here.
  db.on('error', () => undefined)
  const nodes: Node[] = []
  for (let i = 0; i < 3; i++) {
    const port = await freePort()
    nodes.push({
      index: i,
      port,
      url: `http://127.0.0.1:${port}`,
      child: null,
      dir: fs.mkdtempSync(path.join(os.tmpdir(), `yingshang-node-${i + 1}-`)),
    })
  }
  let boss: PgBoss | null = null
  const stopAll = () => Promise.all(nodes.map((n) => stopNode(n, 'SIGTERM')))
  try {
    // Node 1 migrates and seeds; the others find it done.
    const started = performance.now()
    startNode(nodes[0]!, databaseUrl)
    await waitHealthy(nodes[0]!)
    note(
      `nodes: node 1 migrated, seeded and listening in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )
    // The first start queues matching of the seeded policies; it is CPU work in the node's own process
    // (a sign-in code asked for meanwhile waited over 30 s in some runs), so the runs start after it.
    const settling = performance.now()
    for (let i = 0; i < 600; i++) {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pgboss.job
          WHERE name LIKE 'policies.%' AND state IN ('created', 'retry', 'active')`,
      )
      if (rows[0]!.n === 0) break
      await sleep(500)
    }
    note(
      `nodes: the first matching runs after seeding took ${((performance.now() - settling) / 1000).toFixed(1)} s more`,
    )

    // People: the demo dispatcher, the demo enterprise account and three more members of demo enterprises.
    const { rows: enterprises } = await db.query<{ id: string }>(
      `SELECT id FROM enterprises ORDER BY uscc LIMIT 3`,
    )
    for (const [i, e] of enterprises.entries()) {
      const phone = `1390000${String(1000 + i)}`
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO users (kind, phone, display_name) VALUES ('enterprise', $1, $1) RETURNING id`,
        [phone],
      )
      await db.query(
        `INSERT INTO enterprise_members (enterprise_id, user_id, role) VALUES ($1, $2, 'manager')`,
        [e.id, rows[0]!.id],
      )
    }
    const { rows: members } = await db.query<{ user_id: string; phone: string; enterprise_id: string }>(
      `SELECT DISTINCT ON (u.id) u.id AS user_id, u.phone, m.enterprise_id
         FROM users u JOIN enterprise_members m ON m.user_id = u.id
        WHERE u.kind = 'enterprise' AND u.phone IS NOT NULL AND NOT u.is_disabled
        ORDER BY u.id LIMIT 4`,
    )
    const { rows: categories } = await db.query<{ code: string }>(
      `SELECT code FROM appeal_categories WHERE is_active ORDER BY sort_order`,
    )

    // Driving filings at the nodes that are up; a request a node does not answer goes to the next one.
    const filings: Filing[] = []
    let filingErrors = 0
    let running = false
    let up = [true, false, false]
    const enterpriseSessions: { member: (typeof members)[number]; session: Session }[] = []
    let dispatcher: Session | null = null
    const toDispatch: string[] = []

    const fileOne = async (worker: number, n: number) => {
      const who = enterpriseSessions[n % enterpriseSessions.length]!
      const filing: Filing = {
        key: crypto.randomUUID(),
        userId: who.member.user_id,
        ackedId: null,
        ids: new Set(),
        attempts: 0,
      }
      filings.push(filing)
      const body = {
        enterpriseId: who.member.enterprise_id,
        categoryCode: categories[n % categories.length]!.code,
        title: `多节点压测诉求 ${worker}-${n}`,
        body: '我公司办理施工许可手续时窗口反复要求补充材料，至今未能办结，影响项目按期开工，请协调解决。',
        idempotencyKey: filing.key,
      }
      for (let attempt = 0; attempt < 8; attempt++) {
        const candidates = nodes.filter((node) => up[node.index])
        if (!candidates.length) break
        const node = candidates[(worker + attempt) % candidates.length]!
        filing.attempts++
        try {
          const res = await call(node.url, 'POST', '/api/v1/appeals', who.session, body)
          if (res.status === 200 || res.status === 201) {
            const { id } = (await res.json()) as { id: string }
            filing.ids.add(id)
            filing.ackedId ??= id
            if (res.status === 201) toDispatch.push(id)
            return
          }
          await res.arrayBuffer()
          if (res.status < 500 && res.status !== 429) {
            filingErrors++
            return
          }
        } catch {
          // the node went away mid-request: the same key goes to another node
        }
        await sleep(100)
      }
      filingErrors++
    }

    const drive = async (durationMs: number, withExtras: boolean) => {
      running = true
      const stopAt = Date.now() + durationMs
      let n = 0
      const reads = { ok: 0, failed: 0 }
      const loops: Promise<void>[] = []
      for (let worker = 0; worker < connections; worker++)
        loops.push(
          (async () => {
            while (Date.now() < stopAt) await fileOne(worker, n++)
          })(),
        )
      if (withExtras) {
        // Reads: the enterprise's own list and the bureau's figures, at every node, with sessions made elsewhere.
        loops.push(
          (async () => {
            let i = 0
            while (Date.now() < stopAt) {
              const candidates = nodes.filter((node) => up[node.index])
              const node = candidates[i % candidates.length]!
              const enterprise = enterpriseSessions[i % enterpriseSessions.length]!.session
              try {
                const res =
                  i % 4 === 3
                    ? await call(
                        node.url,
                        'GET',
                        `/api/v1/appeals/figures?from=2020-01-01&to=2020-12-31`,
                        dispatcher,
                      )
                    : await call(node.url, 'GET', '/api/v1/appeals/mine', enterprise)
                await res.arrayBuffer()
                if (res.status === 200) reads.ok++
                else reads.failed++
              } catch {
                reads.failed++
              }
              i++
            }
          })(),
        )
        // The task force dispatches what was filed (to the fallback owner), which starts the clocks.
        loops.push(
          (async () => {
            let i = 0
            while (Date.now() < stopAt) {
              const id = toDispatch.shift()
              if (!id) {
                await sleep(50)
                continue
              }
              const candidates = nodes.filter((node) => up[node.index])
              const node = candidates[i++ % candidates.length]!
              try {
                const res = await call(node.url, 'POST', `/api/v1/appeals/${id}/dispatch`, dispatcher, {})
                await res.arrayBuffer()
              } catch {
                // a node went away: the appeal stays undispatched, which is fine
              }
            }
          })(),
        )
        // Time passes faster: running clocks use up their budget in steps; sweep jobs for all nodes.
        loops.push(
          (async () => {
            let tick = 0
            while (Date.now() < stopAt) {
              await db.query(
                `UPDATE appeal_clocks
                    SET elapsed_minutes = elapsed_minutes + (budget_minutes * 0.35)::int + 240,
                        next_check_at = now()
                  WHERE id IN (SELECT id FROM appeal_clocks
                                WHERE stopped_at IS NULL AND paused_since IS NULL
                                  AND NOT ('escalate3' = ANY (fired))
                                ORDER BY random() LIMIT 150)`,
              )
              for (let k = 0; k < 3; k++) await boss!.send(CLOCK_SWEEP_QUEUE, { bench: tick })
              tick++
              await sleep(700)
            }
          })(),
        )
      }
      await Promise.all(loops)
      running = false
      return reads
    }

    // One node alone first: the baseline, in the same run.
    // Half the enterprise people sign in now on node 1, the others later across the three nodes.
    const half = Math.ceil(members.length / 2)
    for (const m of members.slice(0, half))
      enterpriseSessions.push({
        member: m,
        session: await signInEnterprise(nodes[0]!, nodes[0]!, nodes[0]!, m.phone),
      })
    dispatcher = await signInStaff(nodes[0]!, nodes[0]!, 'dispatcher')
    boss = new PgBoss({ connectionString: databaseUrl, supervise: false, schedule: false, max: 2 })
    boss.on('error', () => undefined)
    await boss.start()
    const baselineStart = filings.length
    const baselineStarted = performance.now()
    await drive(baselineSeconds * 1000, true)
    const baselineMs = performance.now() - baselineStarted
    const baselineAcked = filings.slice(baselineStart).filter((f) => f.ackedId).length
    const baselineRate = baselineAcked / (baselineMs / 1000)

    // Two more nodes; sessions made on one node, used on the others.
    for (const node of nodes.slice(1)) startNode(node, databaseUrl)
    await Promise.all(nodes.slice(1).map((node) => waitHealthy(node)))
    up = [true, true, true]
    dispatcher = await signInStaff(nodes[1]!, nodes[2]!, 'dispatcher')
    for (const [i, m] of members.slice(half).entries()) {
      // The code asked for on one node, read from another's dev inbox, the sign-in on the third.
      const [a, b, c] = [nodes[(i + 1) % 3]!, nodes[(i + 2) % 3]!, nodes[i % 3]!]
      enterpriseSessions.push({ member: m, session: await signInEnterprise(a, b, c, m.phone) })
    }
    let sessionsEverywhere = 0
    for (const { session } of enterpriseSessions)
      for (const node of nodes)
        if ((await call(node.url, 'GET', '/api/v1/appeals/mine', session)).status === 200)
          sessionsEverywhere++

    // The three-node run, with node 2 killed (SIGKILL) at 40 % and started again.
    const runStart = filings.length
    const windowStart = new Date()
    const runStarted = performance.now()
    const killAfterMs = seconds * 400
    let restartedInMs = 0
    const killer = (async () => {
      await sleep(killAfterMs)
      const victim = nodes[1]!
      up[1] = false
      await stopNode(victim, 'SIGKILL')
      const restarting = performance.now()
      await sleep(2000)
      startNode(victim, databaseUrl)
      await waitHealthy(victim)
      restartedInMs = performance.now() - restarting
      if (running) up[1] = true
    })()
    const reads = await drive(seconds * 1000, true)
    const runMs = performance.now() - runStarted
    await killer
    const acked = filings.slice(runStart).filter((f) => f.ackedId).length
    const rate = acked / (runMs / 1000)

    // Let the outbox and the sweeps finish what was queued, then stop the nodes.
    for (let i = 0; i < 60; i++) {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM notifications WHERE status = 'pending' AND not_before <= now()`,
      )
      if (rows[0]!.n === 0) break
      await sleep(500)
    }
    const windowEnd = new Date()
    await boss.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => undefined)
    boss = null
    await stopAll()

    // --- the checks ---
    const ackedFilings = filings.filter((f) => f.ackedId)
    const keys = filings.map((f) => f.key)
    const { rows: stored } = await db.query<{ idempotency_key: string; submitted_by: string; ids: string[] }>(
      `SELECT idempotency_key, submitted_by, array_agg(id::text) AS ids FROM appeals
        WHERE idempotency_key = ANY ($1) GROUP BY 1, 2`,
      [keys],
    )
    const byKey = new Map(stored.map((r) => [`${r.submitted_by}/${r.idempotency_key}`, r.ids]))
    let lost = 0
    let duplicates = 0
    for (const f of ackedFilings) {
      const ids = byKey.get(`${f.userId}/${f.key}`) ?? []
      if (!ids.includes(f.ackedId!)) lost++
      if (ids.length > 1 || f.ids.size > 1) duplicates++
    }
    const unacknowledgedButFiled = filings.filter(
      (f) => !f.ackedId && byKey.has(`${f.userId}/${f.key}`),
    ).length
    const retried = filings.filter((f) => f.attempts > 1).length

    const { rows: clockTwice } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT e.appeal_id, e.department_id, e.data->>'clock', t.threshold
           FROM appeal_events e, jsonb_array_elements_text(e.data->'fired') AS t(threshold)
          WHERE e.type LIKE 'clock\\_%'
          GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) twice`,
    )
    const { rows: clockFired } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM appeal_events e, jsonb_array_elements_text(e.data->'fired')
        WHERE e.type LIKE 'clock\\_%'`,
    )
    // Opened twice for one cause: the same source about the same subject, both unclosed (cases about
    // applications, departments and payables have no appeal_id; by hand, several are allowed).
    const { rows: supervisionTwice } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT source, subject_type, subject_id FROM supervision_cases
        WHERE status <> 'closed' AND source <> 'manual'
        GROUP BY 1, 2, 3 HAVING count(*) > 1) twice`,
    )
    const { rows: sentTwice } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT notification_id, channel, coalesce(address, '') FROM notification_deliveries
          WHERE status = 'sent' GROUP BY 1, 2, 3 HAVING count(*) > 1) twice`,
    )
    const { rows: sent } = await db.query<{ n: number; sms: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE channel = 'sms')::int AS sms
         FROM notification_deliveries WHERE status = 'sent'`,
    )
    const { rows: pending } = await db.query<{ n: number; deferred: number }>(
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS n,
              count(*) FILTER (WHERE status = 'deferred')::int AS deferred
         FROM notifications`,
    )
    // pg-boss keeps every job (this run is far shorter than its archive delay).
    const { rows: retriedJobs } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE retry_count > 0 AND name NOT LIKE '__pgboss__%'`,
    )
    const { rows: heldByKilled } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE state = 'active' AND name NOT LIKE '__pgboss__%'`,
    )
    const { rows: jobsRun } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE state = 'completed' AND name NOT LIKE '__pgboss__%'`,
    )
    const { rows: cronJobs } = await db.query<{ name: string; n: number }>(
      `SELECT name, count(*)::int AS n FROM pgboss.job
        WHERE name = ANY ($1) AND NOT coalesce(data ? 'bench', false) AND created_on BETWEEN $2 AND $3 GROUP BY name`,
      [EVERY_MINUTE, windowStart, windowEnd],
    )
    // Each every-minute queue gets at most one job per minute boundary in the window (plus one in flight).
    const slots = Math.floor(windowEnd.getTime() / 60_000) - Math.floor(windowStart.getTime() / 60_000) + 1
    const cronTwice = cronJobs.reduce((sum, r) => sum + Math.max(0, r.n - slots), 0)
    const { rows: sendItTwice } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT singleton_key, singleton_on FROM pgboss.job
        WHERE name = '__pgboss__send-it' GROUP BY 1, 2 HAVING count(*) > 1) twice`,
    )
    const { rows: sweepJobs } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`,
      [CLOCK_SWEEP_QUEUE],
    )
    const jobsTwice = retriedJobs[0]!.n + cronTwice + sendItTwice[0]!.n
    const clocksTwice = clockTwice[0]!.n + supervisionTwice[0]!.n
    const notificationsTwice = sentTwice[0]!.n

    const ratio = rate / baselineRate
    console.log(
      `nodes-3-filings: ${rate.toFixed(rate >= 100 ? 0 : 1)} filings/s, ${ratio.toFixed(2)}x vs one node alone in the same run; ` +
        `lost ${lost}, duplicates ${duplicates}, jobs run twice ${jobsTwice}, clocks fired twice ${clocksTwice}, ` +
        `notifications sent twice ${notificationsTwice}`,
    )
    note(
      `nodes: 3 node processes on one PostgreSQL database, ${connections} filers, ${seconds} s (one node alone: ` +
        `${baselineSeconds} s, ${baselineAcked} filed, ${baselineRate.toFixed(1)}/s); node 2 killed with SIGKILL at ` +
        `${(killAfterMs / 1000).toFixed(0)} s and listening again ${(restartedInMs / 1000).toFixed(1)} s later`,
    )
    note(
      `nodes: ${acked} filings acknowledged in the three-node run (${ackedFilings.length} in all), ${retried} needed ` +
        `another node, ${filingErrors} never acknowledged, ${unacknowledgedButFiled} of those filed all the same ` +
        `(the answer was lost with the node; the retry with the same key would have been answered with it)`,
    )
    note(
      `nodes: ${reads.ok} reads answered (${reads.failed} failed, when the killed node went away); ` +
        `${sessionsEverywhere}/${enterpriseSessions.length * 3} sessions made on one node answered on every node`,
    )
    note(
      `nodes: ${clockFired[0]!.n} clock thresholds fired by ${sweepJobs[0]!.n} sweep jobs; ${sent[0]!.n} deliveries ` +
        `(${sent[0]!.sms} SMS), ${pending[0]!.n} still queued when the nodes stopped, ${pending[0]!.deferred} deferred by the contact cap; ` +
        `${jobsRun[0]!.n} jobs completed, ${heldByKilled[0]!.n} held by the killed node (pg-boss retries them when ` +
        `they expire), ${retriedJobs[0]!.n} retried, every-minute cron jobs: ${cronJobs.map((r) => `${r.name} ${r.n}`).join(', ') || 'none'} in ${slots} minute slots`,
    )
    if (lost + duplicates + jobsTwice + clocksTwice + notificationsTwice > 0) process.exitCode = 1
  } finally {
    if (boss) await boss.stop({ graceful: false, wait: true, timeout: 2000 }).catch(() => undefined)
    await stopAll()
    await db.end()
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
    for (const node of nodes) fs.rmSync(node.dir, { recursive: true, force: true })
  }
}

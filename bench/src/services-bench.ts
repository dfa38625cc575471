/**
 * The services benchmarks (issue 12's targets) on a city's applications in flight in PostgreSQL
 * (100,000 by default, plus a year of closed ones): the department's queue, the licensing clock's
 * sweep, an instant matter decided on submission, and the public certificate verification. Each is
 * the server's real code, timed warm, with a baseline measured in the same run on the same data.
 */
import { fork } from 'node:child_process'
import crypto from 'node:crypto'
import path from 'node:path'
import autocannon from 'autocannon'
import { sql } from 'kysely'
import type { AppDeps } from '../../server/src/kernel/http/app-env'
import { certificateKeyFromPrivateHex } from '../../server/src/modules/certificates/certificate-key'
import { checkPayload, signBytes } from '../../server/src/modules/certificates/certificate-payload'
import {
  sweepApplicationClocks,
  type SweepCounts,
} from '../../server/src/modules/services/application-clock-sweep.service'
import { listQueue } from '../../server/src/modules/services/applications-queue.service'
import * as sq from '../../server/src/modules/services/applications-staff.queries'
import * as q from '../../server/src/modules/services/services.queries'
import { capturedQueries, explain, median, signedInActor, timeRuns } from './appeals-bench'
import { openBenchApp } from './bench-app'
import { cpuMsOf } from './process-cpu'
import { benchRounds, formatRatios, medianRound } from './rounds'
import { profiledRun } from './profile-child'
import { note, type Report } from './report'

const MINUTE = 60_000
const DAY = 86_400_000
const explainWanted = () => process.env.BENCH_EXPLAIN === '1'

type Sizes = { applications: number; closed: number }

/**
 * Applications in flight, set-based: each generated row takes a matter (the busiest department,
 * market regulation, weighted three to one as in a real city) and an enterprise by its number, a
 * state by its share (submitted 35 %, supplement requested 10 %, accepted 45 %, special step 10 %)
 * and clocks consistent with it, at T0 = now: a completeness check runs 7 calendar days (5 working
 * days) from receipt and is never already over (the sweep keeps up), so a minute of time brings a
 * minute's share of checks due; 5 % of the accepted run on a 容缺 commitment. Accepted ones and
 * special steps have their review tasks, one per step of the version, the first stage open.
 */
async function generate(deps: AppDeps, sizes: Sizes): Promise<Date> {
  const run = (text: string, params: unknown[] = []) => deps.database.executeSql(text, params)
  const t0 = new Date()
  await run(`CREATE TEMP TABLE bench_matters AS
    SELECT row_number() OVER (ORDER BY sm.code, w) - 1 AS k, sm.id AS matter_id, sm.department_id,
           v.id AS version_id, v.name
      FROM service_matters sm
      JOIN service_matter_versions v ON v.id = sm.current_version_id
      JOIN departments d ON d.id = sm.department_id
      CROSS JOIN LATERAL generate_series(1, CASE WHEN d.code = 'DL-SCJGJ' THEN 3 ELSE 1 END) w`)
  await run(`CREATE TEMP TABLE bench_firms AS
    SELECT row_number() OVER (ORDER BY e.id) - 1 AS k, e.id AS enterprise_id, m.user_id
      FROM enterprises e
      JOIN LATERAL (SELECT user_id FROM enterprise_members WHERE enterprise_id = e.id LIMIT 1) m ON true`)
  const counts = await run(
    `SELECT (SELECT count(*) FROM bench_matters)::int AS m, (SELECT count(*) FROM bench_firms)::int AS f`,
  )
  const { m, f } = counts.rows[0] as { m: number; f: number }
  if (!m || !f) throw new Error(`nothing to apply for: ${m} weighted matters, ${f} enterprises with a member`)

  // r: a uniform number in [0, 1) per row, s: the state's share, a: the age within the state.
  await run(
    `INSERT INTO applications (enterprise_id, created_by, title, status, created_at, submitted_at,
        matter_version_id, matter_id, department_id, received_at, completeness_due_at,
        supplement_requested_at, supplement_items, supplement_due_at, accepted_at, accepted_from,
        decision_due_at, statutory_due_at, special_step_kind, special_step_since, special_step_due_at,
        clock_remaining_minutes, tolerance_items, tolerance_commitment, tolerance_signed_at, tolerance_due_at)
     SELECT fi.enterprise_id, fi.user_id, ma.name, g.status, g.received - interval '1 hour', g.received,
        ma.version_id, ma.matter_id, ma.department_id, g.received,
        CASE WHEN g.status = 'submitted' THEN g.received + interval '7 days' END,
        CASE WHEN g.status = 'supplement_requested' THEN g.received + interval '2 days' END,
        CASE WHEN g.status = 'supplement_requested'
             THEN '[{"item":"章程修正案","problem":"未加盖公章"}]'::jsonb ELSE '[]'::jsonb END,
        CASE WHEN g.status = 'supplement_requested' THEN g.received + interval '32 days' END,
        CASE WHEN g.accepted THEN g.received + interval '2 days' END,
        CASE WHEN g.accepted THEN g.received END,
        CASE WHEN g.status = 'accepted' THEN g.received + interval '22 days' END,
        CASE WHEN g.status = 'accepted' THEN g.received + interval '30 days' END,
        CASE WHEN g.status = 'special_step' THEN 'expert_review' END,
        CASE WHEN g.status = 'special_step' THEN g.received + interval '5 days' END,
        CASE WHEN g.status = 'special_step' THEN g.received + interval '35 days' END,
        CASE WHEN g.status = 'special_step' THEN 10 * 480 END,
        CASE WHEN g.tolerance THEN '["章程修正案"]'::jsonb ELSE '[]'::jsonb END,
        CASE WHEN g.tolerance THEN '承诺于期限内补交' END,
        CASE WHEN g.tolerance THEN g.received + interval '2 days' END,
        CASE WHEN g.tolerance THEN g.received + interval '2 days' + (g.r * 30 + 1) * interval '1 day' END
     FROM (
       SELECT i, s.status, s.r, s.status IN ('accepted', 'special_step') AS accepted,
              s.status = 'accepted' AND i % 20 = 0 AS tolerance,
              $1::timestamptz - CASE s.status
                WHEN 'submitted' THEN s.r * interval '7 days'
                WHEN 'supplement_requested' THEN interval '2 days' + s.r * interval '28 days'
                WHEN 'accepted' THEN interval '2 days' + s.r * interval '21 days'
                ELSE interval '6 days' + s.r * interval '28 days' END
                -- never exactly at T0: a check received at T0 would be due at T0 + 7 days on the dot
                - interval '1 second' AS received
         FROM generate_series(0, $2::int - 1) i
         CROSS JOIN LATERAL (
           SELECT ((i::bigint * 2654435761) % 1000003)::float8 / 1000003 AS r,
                  CASE WHEN i % 20 < 7 THEN 'submitted' WHEN i % 20 < 9 THEN 'supplement_requested'
                       WHEN i % 20 < 18 THEN 'accepted' ELSE 'special_step' END AS status
         ) s
     ) g
     JOIN bench_matters ma ON ma.k = (g.i::bigint * 7919) % $3
     JOIN bench_firms fi ON fi.k = (g.i::bigint * 104729) % $4`,
    [t0, sizes.applications, m, f],
  )
  // A year of finished applications: out of the queue's partial index, but in the table it reads.
  await run(
    `INSERT INTO applications (enterprise_id, created_by, title, status, created_at, submitted_at,
        matter_version_id, matter_id, department_id, received_at, accepted_at, accepted_from,
        decision_due_at, decided_at, closed_at, archived_at)
     SELECT fi.enterprise_id, fi.user_id, ma.name, g.status, g.received - interval '1 hour', g.received,
        ma.version_id, ma.matter_id, ma.department_id, g.received,
        g.received + interval '1 day', g.received, g.received + interval '20 days',
        CASE WHEN g.status IN ('approved', 'refused') THEN g.received + interval '6 days' END,
        g.received + interval '6 days', g.received + interval '40 days'
     FROM (
       SELECT i, CASE WHEN i % 100 < 85 THEN 'approved' WHEN i % 100 < 90 THEN 'refused'
                      WHEN i % 100 < 94 THEN 'not_accepted' WHEN i % 100 < 99 THEN 'withdrawn'
                      ELSE 'terminated' END AS status,
              $1::timestamptz - interval '40 days' - (i::float8 / $2) * interval '365 days' AS received
         FROM generate_series(0, $2::int - 1) i
     ) g
     JOIN bench_matters ma ON ma.k = (g.i::bigint * 7919) % $3
     JOIN bench_firms fi ON fi.k = (g.i::bigint * 104729) % $4`,
    [t0, sizes.closed, m, f],
  )
  await run(
    `INSERT INTO application_review_tasks (application_id, step_key, step_name, stage, role, status, created_at)
     SELECT a.id, s->>'key', s->>'name', (s->>'stage')::int, s->>'role',
            CASE WHEN (s->>'stage')::int = 1 THEN 'open' ELSE 'waiting' END, a.accepted_at
       FROM applications a
       JOIN service_matter_versions v ON v.id = a.matter_version_id
       CROSS JOIN LATERAL jsonb_array_elements(v.review_steps) s
      WHERE a.status IN ('accepted', 'special_step')`,
  )
  await run(`ANALYZE`)
  return t0
}

// --- the department's queue ------------------------------------------------------------------------

async function benchQueue(deps: AppDeps, report: Report) {
  const { rows } = await deps.database.executeSql(
    `SELECT d.id, d.code, count(*)::int AS n FROM applications a JOIN departments d ON d.id = a.department_id
      WHERE a.status IN ('submitted', 'supplement_requested', 'accepted', 'special_step')
      GROUP BY d.id, d.code ORDER BY n DESC LIMIT 1`,
  )
  const busiest = rows[0] as { id: string; code: string; n: number }
  const handler = await deps.db
    .selectFrom('user_roles')
    .select('user_id')
    .where('department_id', '=', busiest.id)
    .where('role', '=', 'handler')
    .executeTakeFirst()
  if (!handler) throw new Error(`no handler in the busiest department ${busiest.code}`)
  const { actor } = await signedInActor(deps, handler.user_id)
  const filter = { limit: 30 }
  const first = await listQueue(deps, actor, filter)
  if (first.items.length === 0) throw new Error('the busiest queue is empty')
  await timeRuns(5, () => listQueue(deps, actor, filter))
  const queue = median(await timeRuns(31, () => listQueue(deps, actor, filter)))
  const ids = first.items.map((i) => i.id)
  await timeRuns(50, (i) => q.findApplicationById(deps.db, ids[i % ids.length]!))
  const pk = median(await timeRuns(301, (i) => q.findApplicationById(deps.db, ids[i % ids.length]!)))
  report('services-review-queue-first-page', queue, 'ms', pk, 'primary-key read of one application', false)
  note(
    `queue of ${busiest.code}: ${busiest.n} applications in flight, first page of ${first.items.length} ` +
      `(${first.items.filter((i) => i.isOverdue).length} overdue); = ${(queue / pk).toFixed(0)} primary-key ` +
      `reads (${pk.toFixed(2)} ms); target ≤ 50 ms`,
  )
  if (queue > 50 || explainWanted()) {
    const queries = await capturedQueries(deps, (db) =>
      sq.findQueuePage(db, {
        departmentIds: [busiest.id],
        status: null,
        matterId: null,
        after: null,
        limit: 31,
      }),
    )
    for (const query of queries) note(`EXPLAIN ANALYZE queue page:\n${await explain(deps, query)}`)
  }
}

// --- the licensing clock's sweep -------------------------------------------------------------------

async function benchSweep(deps: AppDeps, t0: Date, report: Report) {
  const dueQuery = (at: Date) =>
    deps.db
      .selectFrom('applications')
      .selectAll()
      .where('status', '=', 'submitted')
      .where('completeness_due_at', '<=', at)
      .orderBy('completeness_due_at')
      .limit(200)
      .compile()
  // Nothing due: the clock job's usual minute on a city that keeps up (every check is still running).
  await timeRuns(5, () => sweepApplicationClocks(deps, t0))
  const idleRuns = await timeRuns(21, () => sweepApplicationClocks(deps, t0))
  const idle = median(idleRuns)
  const scan = async (at: Date) =>
    deps.db.transaction().execute(async (tx) => {
      await sql`SET LOCAL enable_indexscan = off`.execute(tx)
      await sql`SET LOCAL enable_bitmapscan = off`.execute(tx)
      await sql`SET LOCAL enable_indexonlyscan = off`.execute(tx)
      await tx.executeQuery(dueQuery(at))
    })
  await scan(t0)
  const scanMs = median(await timeRuns(5, () => scan(t0)))
  report(
    'services-clock-sweep-nothing-due',
    idle,
    'ms',
    scanMs,
    'finding due checks by a sequential scan (no index)',
    false,
  )
  // A minute's worth: each run at its own next minute moves what fell due in that minute.
  const minutes = 21
  const runs: ({ ms: number } & SweepCounts)[] = []
  for (let k = 1; k <= minutes; k++) {
    const started = performance.now()
    const result = await sweepApplicationClocks(deps, new Date(t0.getTime() + k * MINUTE))
    runs.push({ ms: performance.now() - started, ...result })
  }
  const sweep = median(runs.map((r) => r.ms))
  report(
    'services-clock-sweep-minute-due',
    sweep,
    'ms',
    scanMs,
    'finding due checks by a sequential scan (no index)',
    false,
  )
  note(
    `sweeps at T0 (nothing due): p50 ${idle.toFixed(2)} ms; at T0+1…${minutes} min: deemed accepted ` +
      `${runs.map((r) => r.deemed).join('/')}, terminated ${runs.map((r) => r.terminated).join('/')}, deemed withdrawn ` +
      `${runs.map((r) => r.withdrawn).join('/')}, ms ` +
      `${runs.map((r) => r.ms.toFixed(0)).join('/')}; target ≤ 1000 ms`,
  )
  if (sweep > 1000 || idle > 1000 || explainWanted())
    note(`EXPLAIN ANALYZE due checks:\n${await explain(deps, dueQuery(new Date(t0.getTime() + DAY)))}`)
}

// --- an instant matter, submitted and decided over HTTP ----------------------------------------------

type BenchApp = Awaited<ReturnType<typeof openBenchApp>>

/** The instant matter the bench applies for, its enterprise made to meet the conditions. */
async function instantSetup(bench: BenchApp) {
  const { deps } = bench
  const matter = await deps.db
    .selectFrom('service_matters as m')
    .innerJoin('service_matter_versions as v', 'v.id', 'm.current_version_id')
    .select(['m.id', 'v.materials', 'v.instant_conditions'])
    .where('m.code', '=', 'DL-SCJGJ-0001-02')
    .executeTakeFirstOrThrow()
  const member = await deps.db
    .selectFrom('enterprise_members as em')
    .innerJoin('users as u', 'u.id', 'em.user_id')
    .innerJoin('enterprises as e', 'e.id', 'em.enterprise_id')
    .select(['em.enterprise_id', 'em.user_id', 'e.name', 'e.uscc'])
    .where('u.phone', '=', '13900000001')
    .executeTakeFirstOrThrow()
  // 信用等级 A (the market regulator's rating) and not in a restricted industry: the two conditions.
  for (const [key, value, columns] of [
    ['creditTier', 'A', { value_num: null, value_text: 'A' }],
    ['isRestrictedIndustry', false, { value_num: 0, value_text: null }],
  ] as const) {
    await deps.database.executeSql(
      `WITH old AS (
         UPDATE enterprise_facts SET superseded_at = now()
          WHERE enterprise_id = $1 AND fact_key = $2 AND superseded_at IS NULL RETURNING id),
       f AS (
         INSERT INTO enterprise_facts (enterprise_id, fact_key, value, source, is_verified, recorded_at)
         SELECT $1, $2, $3::jsonb, 'market_regulation', true, now() FROM (SELECT count(*) FROM old) o RETURNING id)
       INSERT INTO enterprise_fact_values (enterprise_id, fact_key, value_num, value_text, value_tags, period,
                                           source, is_verified, fact_id, change_seq)
       SELECT $1, $2, $4, $5, NULL, '', 'market_regulation', true, f.id, 0 FROM f
       ON CONFLICT (enterprise_id, fact_key) DO UPDATE SET value_num = excluded.value_num,
         value_text = excluded.value_text, source = excluded.source, is_verified = true, fact_id = excluded.fact_id`,
      [member.enterprise_id, key, JSON.stringify(value), columns.value_num, columns.value_text],
    )
  }
  const upload = await deps.db
    .insertInto('application_uploads')
    .values({
      enterprise_id: member.enterprise_id,
      file_name: 'bench.pdf',
      content_type: 'application/pdf',
      size_bytes: 9,
      sha256: crypto.createHash('sha256').update('%PDF-1.4\n').digest('hex'),
      content: Buffer.from('%PDF-1.4\n'),
      uploaded_by: member.user_id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const materials = (matter.materials as { name: string; platformSupplies?: boolean }[]) ?? []
  return { matter, member, uploadId: upload.id, materials }
}

async function benchInstant(bench: BenchApp, report: Report): Promise<string> {
  const { deps, app } = bench
  const setup = await instantSetup(bench)
  const { token, csrf } = await signedInActor(deps, setup.member.user_id)
  const headers = {
    cookie: `ys_session=${token}; ys_csrf=${csrf}`,
    'x-csrf-token': csrf,
    'content-type': 'application/json',
  }
  /** A complete draft: opened over HTTP, its answers and files in place (not timed). */
  const draft = async (): Promise<string> => {
    const res = await app.request('/api/v1/services/applications', {
      method: 'POST',
      headers,
      body: JSON.stringify({ enterpriseId: setup.member.enterprise_id, matterId: setup.matter.id }),
    })
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`opening an application failed: ${res.status} ${await res.text()}`)
    const { id } = (await res.json()) as { id: string }
    await deps.db
      .updateTable('applications')
      .set({
        form_data: JSON.stringify({
          // what the form prefills from the profile, then the applicant's own answers
          applicantName: setup.member.name,
          applicantUscc: setup.member.uscc,
          legalRepresentative: '王海',
          residence: '辽宁省大连市中山区长江路8号',
          contactName: '李娜',
          contactPhone: '13900000001',
          changes: ['住所'],
          decisionDate: '2026-11-02',
          newResidence: '辽宁省大连市中山区人民路1号',
        }),
      })
      .where('id', '=', id)
      .execute()
    const attach = setup.materials.filter((m) => !m.platformSupplies)
    if (attach.length)
      await deps.db
        .insertInto('application_materials')
        .values(
          attach.map((m) => ({
            application_id: id,
            material_name: m.name,
            source: 'upload' as const,
            upload_id: setup.uploadId,
            created_by: setup.member.user_id,
          })),
        )
        .execute()
    return id
  }
  const warm = 5
  const timed = Number(process.env.BENCH_INSTANT_SUBMISSIONS ?? 31)
  if (!Number.isInteger(timed) || timed < 1) throw new Error('BENCH_INSTANT_SUBMISSIONS: a whole number ≥ 1')
  const drafts: string[] = []
  for (let i = 0; i < warm + timed + 1; i++) drafts.push(await draft())
  const counted = drafts.pop()!
  const certificateIds: string[] = []
  const submit = async (id: string) => {
    const res = await app.request(`/api/v1/services/applications/${id}/submit`, { method: 'POST', headers })
    const body = (await res.json()) as { status?: string }
    if (res.status !== 200 || body.status !== 'approved')
      throw new Error(`the instant submission was not decided: ${res.status} ${JSON.stringify(body)}`)
  }
  await timeRuns(warm, (i) => submit(drafts[i]!))
  const times = await timeRuns(timed, (i) => submit(drafts[warm + i]!))
  const instant = median(times)
  // The round trips one submission makes (each one a wait on a loaded database), counted on the driver.
  // Each pooled client carries its own query function (the kernel's prepared statements set it), so
  // the count wraps every client of the pool (pg-pool's _clients) for one submission.
  const clients = (deps.database.pool as unknown as { _clients: { query: (...a: unknown[]) => unknown }[] })
    ._clients
  let statements = 0
  // Each statement's text and its wait (sent → answered), for BENCH_EXPLAIN=1 and the database's share.
  const waits: { text: string; ms: number }[] = []
  const originals = clients.map((c) => c.query)
  clients.forEach((c, i) => {
    c.query = (...args: unknown[]) => {
      statements++
      const first = args[0] as string | { text?: string }
      const wait = {
        text: (typeof first === 'string' ? first : (first?.text ?? '?')).replace(/\s+/g, ' ').slice(0, 140),
        ms: 0,
      }
      waits.push(wait)
      const sent = performance.now()
      const result = originals[i]!(...args)
      if (result instanceof Promise)
        void result.then(
          () => (wait.ms = performance.now() - sent),
          () => (wait.ms = performance.now() - sent),
        )
      return result
    }
  })
  const countedStarted = performance.now()
  try {
    await submit(counted)
  } finally {
    clients.forEach((c, i) => (c.query = originals[i]!))
  }
  const countedMs = performance.now() - countedStarted
  const waited = waits.reduce((sum, w) => sum + w.ms, 0)
  drafts.push(counted)
  note(
    `the counted submission: ${countedMs.toFixed(1)} ms, of which ${waited.toFixed(1)} ms waiting on ` +
      `${statements} statements (the rest: the server's own work)`,
  )
  if (explainWanted())
    note(
      `the statements of one instant submission:\n${waits.map((w, i) => `${i + 1}. ${w.ms.toFixed(2)} ms ${w.text}`).join('\n')}`,
    )
  const pk = median(await timeRuns(301, (i) => q.findApplicationById(deps.db, drafts[i % drafts.length]!)))
  report('services-instant-decision', instant, 'ms', pk, 'primary-key read of one application', false)
  const decided = await deps.db
    .selectFrom('applications')
    .select(['certificate_id', 'instant'])
    .where('id', 'in', drafts)
    .execute()
  for (const d of decided) if (d.certificate_id) certificateIds.push(d.certificate_id)
  const sorted = [...times].sort((a, b) => a - b)
  note(
    `instant: POST …/submit of 营业执照变更登记 (DL-SCJGJ-0001-02) → 准予 with its e-certificate, ` +
      `${decided.filter((d) => d.instant).length}/${drafts.length} decided at once; p50 ${instant.toFixed(1)} ms, ` +
      `p90 ${sorted[Math.floor(sorted.length * 0.9)]!.toFixed(1)} ms over ${timed} submissions, ${statements} statements each (BEGIN/COMMIT included); target ≤ 20 ms`,
  )
  // What the decision cannot go below: its SM2 signature (certificates/sm2-sign.ts, native BigInt), timed alone.
  const key = certificateKeyFromPrivateHex(crypto.randomBytes(32).toString('hex'))
  const bytes = Buffer.from('{"holder":"大连市某某有限公司","no":"YS2026BENCH"}')
  const sign = median(await timeRuns(11, async () => signBytes(bytes, key.privateKeyHex, key.publicKeyHex)))
  note(
    `of which the certificate's SM2 signature alone: p50 ${sign.toFixed(1)} ms (sm2-sign.ts, native BigInt)`,
  )
  const certificate = await deps.db
    .selectFrom('certificates')
    .select('payload')
    .where('id', '=', certificateIds[0]!)
    .executeTakeFirstOrThrow()
  return certificate.payload
}

// --- the public certificate verification under load --------------------------------------------------

async function benchVerify(databaseUrl: string, payload: string, seconds: number, report: Report) {
  const child = fork(path.join(import.meta.dirname, 'serve-for-bench.ts'), {
    // BENCH_CPU_PROF=1: a profile of the measured verification run only (profile-child.ts).
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
    env: { ...process.env, BENCH_SERVE_DATABASE_URL: databaseUrl },
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
    const load = async (url: string, options: Partial<autocannon.Options> = {}) => {
      const result = await autocannon({ url, connections: 10, duration: seconds, ...options })
      if (result.non2xx > 0 || result.errors > 0)
        throw new Error(
          `${url}: ${result.non2xx} non-2xx (${JSON.stringify(result.statusCodeStats)}), ${result.errors} errors`,
        )
      return result
    }
    const verifyUrl = `http://127.0.0.1:${ports.appPort}/api/v1/public/certificates/verify`
    const post = {
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ payload }),
    }
    const once = await fetch(verifyUrl, post)
    const verdict = (await once.json()) as { result?: string }
    if (verdict.result !== 'valid')
      throw new Error(`the certificate does not verify: ${JSON.stringify(verdict)}`)
    // What one verification cannot go below: the SM2 check of the signature, timed alone.
    const keys = (await (
      await fetch(`http://127.0.0.1:${ports.appPort}/api/v1/public/certificates/keys`)
    ).json()) as { keys: { keyId: string; publicKeyHex: string }[] }
    const keyMap = new Map(keys.keys.map((k) => [k.keyId, k.publicKeyHex]))
    if (!checkPayload(payload, keyMap).ok) throw new Error('the payload does not check offline')
    const check = median(await timeRuns(11, async () => checkPayload(payload, keyMap)))
    // The server's CPU per request beside req/s: req/s moves with the machine's other load (the hello
    // route itself swings twofold between runs), CPU per request holds still (decision 0066).
    const measured = async (url: string, options: Partial<autocannon.Options> = {}, profile?: string) => {
      const before = cpuMsOf([child.pid!])
      const result = profile
        ? await profiledRun(child, profile, () => load(url, options))
        : await load(url, options)
      const after = cpuMsOf([child.pid!])
      const cpu =
        before === null || after === null
          ? '?'
          : `${(((after - before) * 1000) / result.requests.total).toFixed(0)} µs`
      return { ...result, cpu }
    }
    // As the verify page asks it (a read, GET …?payload=); then the same check as a POST with a body.
    const verifyRead = `${verifyUrl}?payload=${encodeURIComponent(payload)}`
    const readOnce = (await (await fetch(verifyRead)).json()) as unknown
    if (JSON.stringify(readOnce) !== JSON.stringify(verdict))
      throw new Error(`GET and POST disagree: ${JSON.stringify(readOnce)}`)
    const barePost = await measured(`http://127.0.0.1:${ports.helloPort}/hello-post`, post)
    await load(verifyRead, { duration: 1 }) // warm-up
    await load(verifyUrl, { ...post, duration: 1 })
    // Hello, GET, POST back to back in each round; each ratio against its own round's hello (rounds.ts).
    const rounds = []
    for (let i = 0; i < benchRounds(); i++) {
      const hello = await measured(`http://127.0.0.1:${ports.helloPort}/hello`)
      const verify = await measured(verifyRead, {}, i === 0 ? 'certificate-verify-throughput' : undefined)
      const verifyPost = await measured(verifyUrl, post)
      rounds.push({ hello, verify, verifyPost })
    }
    const getMedian = medianRound(rounds, (r) => r.verify.requests.average / r.hello.requests.average)
    const postMedian = medianRound(rounds, (r) => r.verifyPost.requests.average / r.hello.requests.average)
    const { hello, verify } = getMedian.round
    const { hello: postHello, verifyPost } = postMedian.round
    report(
      'certificate-verify-throughput',
      verify.requests.average,
      'req/s',
      hello.requests.average,
      'bare Hono hello route',
    )
    report(
      'certificate-verify-post-throughput',
      verifyPost.requests.average,
      'req/s',
      postHello.requests.average,
      'bare Hono hello route',
    )
    note(
      `verify rounds (hello, GET, POST back to back, ${seconds} s each; the median round reported): ` +
        `GET ${formatRatios(getMedian.ratios)}; POST ${formatRatios(postMedian.ratios)}`,
    )
    note(
      `verify: GET /api/v1/public/certificates/verify?payload=… (as the verify page asks it; the POST line: ` +
        `the same check with the payload in a JSON body) of one issued certificate's QR payload, again and ` +
        `again (after the first, the server answers it from memory: the signature check and the record kept per ` +
        `payload, the status from the status list at most 5 s old — decision 0058), 10 connections, ${seconds} s; latency p50 ${verify.latency.p50} ms, p99 ${verify.latency.p99} ms; ` +
        `target ≥ 0.3x; a payload not seen before also pays the SM2 check, p50 ${check.toFixed(1)} ms here ` +
        `(@noble/curves, certificates/sm2-verify.ts): at most ${(1000 / check).toFixed(0)} new payloads/s per core`,
    )
    note(
      `server CPU per request: hello ${hello.cpu} (${hello.requests.average.toFixed(0)} req/s); a bare POST route ` +
        `reading the same body and answering a verification-sized JSON with the app's security headers ` +
        `${barePost.cpu} (${barePost.requests.average.toFixed(0)} req/s, ${(barePost.requests.average / hello.requests.average).toFixed(2)}x); ` +
        `the verification through the app: GET ${verify.cpu} (${verify.requests.average.toFixed(0)} req/s), ` +
        `POST ${verifyPost.cpu} (${verifyPost.requests.average.toFixed(0)} req/s)`,
    )
  } finally {
    await stop()
  }
}

// --- the suite ------------------------------------------------------------------------------------

export async function runServicesSuite(options: { applications: number; seconds: number; report: Report }) {
  const bench = await openBenchApp('postgres', { name: 'services' })
  try {
    const started = performance.now()
    const closed = Number(process.env.BENCH_SERVICES_CLOSED ?? options.applications * 3)
    const t0 = await generate(bench.deps, { applications: options.applications, closed })
    const { rows } = await bench.deps.database.executeSql(
      `SELECT status, count(*)::int AS n FROM applications GROUP BY 1 ORDER BY 2 DESC`,
    )
    const tasks = await bench.deps.database.executeSql(
      `SELECT count(*)::int AS n FROM application_review_tasks`,
    )
    note(
      `data: ${options.applications} in flight + ${closed} closed in ${((performance.now() - started) / 1000).toFixed(0)} s ` +
        `at T0 ${t0.toISOString()}: ${rows.map((r: { status: string; n: number }) => `${r.status} ${r.n}`).join(', ')}; ` +
        `review tasks ${(tasks.rows[0] as { n: number }).n}`,
    )
    await benchQueue(bench.deps, options.report)
    await benchSweep(bench.deps, t0, options.report)
    const payload = await benchInstant(bench, options.report)
    await benchVerify(bench.databaseUrl!, payload, options.seconds, options.report)
  } finally {
    if (process.env.BENCH_KEEP_DB === '1') {
      await bench.detach()
      note(`kept for diagnosis (the next bench run drops it): ${bench.databaseUrl}`)
    } else await bench.close()
  }
}

/**
 * Issue 10 item 7.
 *
 * web-first-load-js — the JavaScript an enterprise's phone downloads opening `/` for the first time
 * (375 px, nothing cached), over the wire as served (brotli from the build), against the same
 * scripts' raw bytes. Debian's Chromium through playwright-core when it is installed (it runs the
 * page, so lazy chunks count too); else a static walk of index.html's module script and preloads.
 *
 * api-read-authenticated — an enterprise's own appeals list (GET /api/v1/appeals/mine) under 20
 * connections on PostgreSQL, against the bare Hono hello route under the same load (target ≥ 0.25x):
 * the same request repeated, so the kept answer's path (decisions 0041, 0068). api-read-authenticated-uncached
 * — the same with every answer built (Cache-Control: no-cache).
 * A note gives the floor beside it: the bare route asking PostgreSQL `SELECT 1` once per request.
 */
import { execSync, fork } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { serve } from '@hono/node-server'
import autocannon from 'autocannon'
import { appealCorpus } from './appeals-data'
import { openBenchApp } from './bench-app'
import { cpuMsOf } from './process-cpu'
import { benchRounds, formatRatios, medianRound } from './rounds'
import { profiledRun } from './profile-child'
import { note, type Report } from './report'

const root = path.resolve(import.meta.dirname, '../..')
const dist = path.join(root, 'web/dist')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

type App = { request: (path: string, init?: RequestInit) => Response | Promise<Response> }

/** The build npm start serves, with its .br/.gz (a build from before precompression gets them now). */
function ensureWebBuild() {
  execSync('node scripts/ensure-web-build.mjs', { cwd: root, stdio: 'inherit' })
  const assets = fs.readdirSync(path.join(dist, 'assets'))
  if (!assets.some((f) => f.endsWith('.br')))
    execSync(`node scripts/compress-web-build.mjs ${JSON.stringify(dist)}`, { cwd: root, stdio: 'inherit' })
}

/** Chromium at 375 px: every script response of the first load, encoded (wire) and decoded sizes. */
async function measureInChromium(
  url: string,
): Promise<{ wire: number; raw: number; files: number; each: string[] }> {
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  })
  try {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    })
    const page = await context.newPage()
    const scripts: import('playwright-core').Request[] = []
    page.on('requestfinished', (request) => {
      if (request.resourceType() === 'script') scripts.push(request)
    })
    await page.goto(url, { waitUntil: 'networkidle' })
    let wire = 0
    let raw = 0
    const each: string[] = []
    for (const request of scripts) {
      const sizes = await request.sizes()
      const bytes = sizes.responseBodySize + sizes.responseHeadersSize
      wire += bytes
      raw += (await (await request.response())!.body()).length
      each.push(`${(bytes / 1024).toFixed(1)} kB ${new URL(request.url()).pathname}`)
    }
    return { wire, raw, files: scripts.length, each }
  } finally {
    await browser.close()
  }
}

/** Without a browser: index.html's module script and modulepreloads, fetched as a browser asks. */
async function measureByWalk(
  app: App,
): Promise<{ wire: number; raw: number; files: number; each: string[] }> {
  const html = await (await app.request('/')).text()
  const urls = new Set<string>()
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) urls.add(m[1]!)
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) urls.add(m[1]!)
  let wire = 0
  let raw = 0
  for (const url of urls) {
    const res = await app.request(url, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } })
    const body = Buffer.from(await res.arrayBuffer())
    const encoding = res.headers.get('content-encoding')
    wire += body.length
    raw +=
      encoding === 'br'
        ? zlib.brotliDecompressSync(body).length
        : encoding === 'gzip'
          ? zlib.gunzipSync(body).length
          : body.length
  }
  return { wire, raw, files: urls.size, each: [...urls] }
}

export async function runWebFirstLoadBench(options: { report: Report }) {
  ensureWebBuild()
  const bench = await openBenchApp('postgres', { name: 'web', demo: false })
  const server = serve({ fetch: bench.app.fetch, port: 0, hostname: '127.0.0.1' })
  try {
    await new Promise((r) => (server.listening ? r(null) : server.once('listening', r)))
    const port = (server.address() as { port: number }).port
    const browser = fs.existsSync(CHROMIUM)
    const m = browser ? await measureInChromium(`http://127.0.0.1:${port}/`) : await measureByWalk(bench.app)
    const kb = (n: number) => n / 1024
    options.report('web-first-load-js', kb(m.wire), 'kB', kb(m.raw), 'the same scripts uncompressed', false)
    note(
      `web first load (${browser ? 'Chromium at 375 px, scripts the page ran' : "static walk of index.html's module script and preloads"}): ` +
        `${m.files} scripts, ${kb(m.wire).toFixed(1)} kB over the wire, ${kb(m.raw).toFixed(1)} kB uncompressed`,
    )
    // Which chunks the first load fetched, for whoever is making it smaller (BENCH_EXPLAIN=1).
    if (process.env.BENCH_EXPLAIN) for (const line of m.each) note(`  ${line}`)
  } finally {
    server.close()
    await bench.close()
  }
}

export async function signInEnterpriseUser(
  bench: Awaited<ReturnType<typeof openBenchApp>>,
  phone: string,
): Promise<{ cookie: string; csrf: string }> {
  const { app, deps } = bench
  const ask = await app.request('/api/v1/auth/enterprise/code', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone }),
  })
  if (ask.status !== 202) throw new Error(`code request answered ${ask.status}`)
  await deps.notifier.deliverDue()
  const sms = await deps.db
    .selectFrom('notification_deliveries')
    .select('rendered_text')
    .where('address', '=', phone)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow()
  const code = /\d{6}/.exec(sms.rendered_text)![0]
  const signIn = await app.request('/api/v1/auth/enterprise/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, code }),
  })
  if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`)
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const csrf = /ys_csrf=([^;]+)/.exec(cookie)?.[1] ?? ''
  const mine = (await (await app.request('/api/v1/consents/mine', { headers: { cookie } })).json()) as {
    pending: { kind: string; version: number }[]
  }
  if (mine.pending.length) {
    const res = await app.request('/api/v1/consents', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ documents: mine.pending.map(({ kind, version }) => ({ kind, version })) }),
    })
    if (res.status !== 200) throw new Error(`accepting the privacy notice answered ${res.status}`)
  }
  return { cookie, csrf }
}

/** CPU time (user + system, ms) the processes have used so far, from /proc; null off Linux. */
export async function runAuthenticatedReadBench(options: { report: Report; seconds: number }) {
  const bench = await openBenchApp('postgres', { name: 'reads' })
  try {
    const phone = '13900000001' // the demo enterprise user (server/src/seed/cities/dalian.ts)
    const { cookie, csrf } = await signInEnterpriseUser(bench, phone)
    const enterprise = await bench.deps.db
      .selectFrom('enterprise_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('m.enterprise_id')
      .where('u.phone', '=', phone)
      .executeTakeFirstOrThrow()
    // An enterprise with a history: 40 appeals of its own among the city's.
    const texts = appealCorpus(40)
    for (const [i, t] of texts.entries()) {
      const res = await bench.app.request('/api/v1/appeals', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({
          enterpriseId: enterprise.enterprise_id,
          categoryCode: t.categoryCode,
          title: t.title,
          body: t.body,
          idempotencyKey: `bench-read-${i}`,
        }),
      })
      if (res.status !== 201) throw new Error(`filing answered ${res.status}: ${await res.text()}`)
    }

    const child = fork(path.join(import.meta.dirname, 'serve-for-bench.ts'), {
      execArgv: ['--import', 'tsx'],
      stdio: 'inherit',
      env: { ...process.env, BENCH_SERVE_DATABASE_URL: bench.databaseUrl! },
    })
    try {
      const ports = await new Promise<{ appPort: number; helloPort: number }>((resolve, reject) => {
        child.once('message', resolve as never)
        child.once('exit', (code) => reject(new Error(`the bench server exited (${code})`)))
      })
      const run = async (url: string, extra: Partial<autocannon.Options> = {}) => {
        const result = await autocannon({ url, connections: 20, duration: options.seconds, ...extra })
        if (result.non2xx > 0 || result.errors > 0)
          throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`)
        return result
      }
      const runHello = async () => {
        const before = cpuMsOf([child.pid!])
        const result = await run(`http://127.0.0.1:${ports.helloPort}/hello`)
        const after = cpuMsOf([child.pid!])
        const cpu =
          before === null || after === null ? '?' : ((after - before) / result.requests.total).toFixed(3)
        return { result, cpu }
      }
      const list = `http://127.0.0.1:${ports.appPort}/api/v1/appeals/mine?limit=20`
      const headers = { cookie, 'accept-encoding': 'gzip, deflate, br' }
      await run(list, { headers, duration: 1 }) // warm-up: pool, JIT
      // CPU per request does not move with the load the rest of the machine is under; req/s does.
      const { rows: backends } = await bench.deps.database.executeSql(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      )
      const pgPids = (backends as { pid: number }[]).map((b) => b.pid)
      // The same request again and again: after the first, the kept answer, which the change feed vouches
      // for while nothing it shows is announced — no query at all (decision 0068; else one fingerprint
      // query, decision 0041). Then every answer built: Cache-Control: no-cache makes the server
      // skip what it kept, as a changed list or another enterprise would.
      // `profile`: the run BENCH_CPU_PROF profiles, by that name.
      const measured = async (profile: string | undefined, extraHeaders: Record<string, string>) => {
        const before = [cpuMsOf([child.pid!]), cpuMsOf(pgPids)]
        const go = () => run(list, { headers: { ...headers, ...extraHeaders } })
        const result = profile ? await profiledRun(child, profile, go) : await go()
        const after = [cpuMsOf([child.pid!]), cpuMsOf(pgPids)]
        const perRequest = (i: number) =>
          before[i] === null || after[i] === null
            ? '?'
            : ((after[i]! - before[i]!) / result.requests.total).toFixed(3)
        return { result, cpu: `server ${perRequest(0)} ms, PostgreSQL ${perRequest(1)} ms` }
      }
      // Hello and the read back to back in each round; the ratio against its own round's hello (rounds.ts).
      const rounds = []
      for (let i = 0; i < benchRounds(); i++) {
        const helloRun = await runHello()
        const read = await measured(i === 0 ? 'api-read-authenticated' : undefined, {})
        rounds.push({ helloRun, read })
      }
      const median = medianRound(
        rounds,
        (r) => r.read.result.requests.average / r.helloRun.result.requests.average,
      )
      const { read } = median.round
      const { result: hello, cpu: helloCpu } = median.round.helloRun
      note(
        `api-read-authenticated rounds (hello, then the read, ${options.seconds} s each; the median round ` +
          `reported): ${formatRatios(median.ratios)}`,
      )
      const uncached = await measured('api-read-authenticated-uncached', { 'cache-control': 'no-cache' })
      const floor = await run(`http://127.0.0.1:${ports.helloPort}/hello-db`)
      for (const [name, m, what] of [
        ['api-read-authenticated', read, 'the same list again (a kept answer the change feed vouches for)'],
        ['api-read-authenticated-uncached', uncached, 'every answer built (Cache-Control: no-cache)'],
      ] as const) {
        options.report(
          name,
          m.result.requests.average,
          'req/s',
          hello.requests.average,
          'bare Hono hello route',
        )
        note(
          `${name}: GET /api/v1/appeals/mine?limit=20 (40 own appeals) on PostgreSQL, 20 connections, ` +
            `${options.seconds} s, ${what}: ${m.result.requests.average.toFixed(0)} req/s, ` +
            `p50 ${m.result.latency.p50} ms, p99 ${m.result.latency.p99} ms; hello ${hello.requests.average.toFixed(0)} req/s`,
        )
        note(`CPU per read: ${m.cpu} (${pgPids.length} backends); hello ${helloCpu} ms`)
      }
      // What no read that asks the database can beat on this machine (decision 0031).
      note(
        `floor: bare Hono route + one SELECT 1 on the same pool: ${floor.requests.average.toFixed(0)} req/s, ` +
          `${(floor.requests.average / hello.requests.average).toFixed(3)}x vs hello`,
      )
    } finally {
      if (child.exitCode === null) {
        child.send('stop')
        await new Promise((r) => child.once('exit', r))
      }
    }
  } finally {
    await bench.close()
  }
}

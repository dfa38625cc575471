/**
 * Child process of the throughput benches: serves the real app on one port and a bare Hono "hello"
 * app on another, so the load generator in the parent does not share their event loop. The app
 * runs on a fresh embedded database, or on the PostgreSQL database in BENCH_SERVE_DATABASE_URL
 * (which the parent made and will drop).
 */
import fs from 'node:fs'
import { Session } from 'node:inspector/promises'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { AuditChainer } from '../../server/src/kernel/audit/audit'
import { securityHeaders } from '../../server/src/kernel/http/security-headers'
import { openBenchApp } from './bench-app'

const existingUrl = process.env.BENCH_SERVE_DATABASE_URL
// BENCH_SERVE_WORKERS=1: the job workers run here too (the outbox delivered), as on a single node.
const workers = process.env.BENCH_SERVE_WORKERS === '1'
const bench = existingUrl
  ? await openBenchApp('postgres', { existingUrl, workers })
  : await openBenchApp('embedded', { workers })
// As in production (main.ts): audit rows are linked into the chain shortly after they commit.
const chainer = new AuditChainer(bench.deps.db, bench.deps.logger)
chainer.start()
// What a public POST costs without our kernel: the JSON body read, an answer the size of a
// verification's (334 bytes, Chinese text) with the app's security headers (decision 0066's ladder).
const POST_ANSWER = {
  result: 'valid',
  certificate: {
    number: 'YS20264D64D8B090',
    kind: 'licence',
    title: '食品经营许可证',
    holderName: '大连华海食品集团有限公司',
    holderUscc: '91210213N3542QW4XD',
    issuer: '大连市市场监督管理局',
    issuedOn: '2026-03-02',
    validUntil: '2031-03-01',
  },
  statusReason: null,
  checkedOn: '2026-12-07',
}
const hello = new Hono()
  .get('/hello', (c) => c.text('hello'))
  .use('/hello-post', securityHeaders(bench.deps.config))
  .post('/hello-post', async (c) => {
    await c.req.json()
    return c.json(POST_ANSWER)
  })
  // The floor of any read that asks the database once: a bare route, one SELECT 1 on the app's pool.
  .get('/hello-db', async (c) => {
    await bench.deps.database.pool.query('SELECT 1')
    return c.text('hello')
  })
const appServer = serve({ fetch: bench.app.fetch, port: 0, hostname: '127.0.0.1' })
const helloServer = serve({ fetch: hello.fetch, port: 0, hostname: '127.0.0.1' })
await Promise.all(
  [appServer, helloServer].map((s) => new Promise((r) => (s.listening ? r(null) : s.once('listening', r)))),
)
const portOf = (s: typeof appServer) => (s.address() as { port: number }).port
process.send?.({ appPort: portOf(appServer), helloPort: portOf(helloServer) })
const stop = async () => {
  appServer.close()
  helloServer.close()
  await chainer.stop()
  await bench.close()
  process.exit(0)
}
// BENCH_CPU_PROF: the parent asks for a V8 profile of one measured run only ({ profile: 'start' },
// then { profile: 'stop', file }), so hello's requests and the warm-up do not blur it.
let profiler: Session | null = null
process.on('message', async (message: unknown) => {
  const profile = (message as { profile?: string; file?: string } | null)?.profile
  if (profile === 'start') {
    profiler = new Session()
    profiler.connect()
    await profiler.post('Profiler.enable')
    await profiler.post('Profiler.start')
    process.send?.({ profiling: true })
  } else if (profile === 'stop' && profiler) {
    const { profile: written } = await profiler.post('Profiler.stop')
    fs.writeFileSync((message as { file: string }).file, JSON.stringify(written))
    profiler.disconnect()
    profiler = null
    process.send?.({ profiled: true })
  } else if (message === 'stop') await stop()
})
// The parent went away without saying stop: do not outlive it (an embedded directory would stay).
process.on('disconnect', stop)

/**
 * npm run bench — each line: "<name>: <value> <unit>, <ratio>x vs <baseline>", the baseline measured
 * in the same run on the same machine. Numbers are for comparing runs, not promises.
 */
import { fork } from 'node:child_process'
import path from 'node:path'
import autocannon from 'autocannon'
import { openBenchApp } from './bench-app'

const seconds = Number(process.env.BENCH_SECONDS ?? 5)

function report(
  name: string,
  value: number,
  unit: string,
  baselineValue: number,
  baseline: string,
  higherIsBetter = true,
) {
  const ratio = higherIsBetter ? value / baselineValue : baselineValue / value
  console.log(`${name}: ${value.toFixed(value >= 100 ? 0 : 2)} ${unit}, ${ratio.toFixed(2)}x vs ${baseline}`)
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

await httpThroughput()
const pg = await typicalRead('postgres', 3000)
const embedded = await typicalRead('embedded', 3000)
report('enterprise-read-embedded', embedded, 'req/s', pg, 'the same read on PostgreSQL')

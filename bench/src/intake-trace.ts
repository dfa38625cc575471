/**
 * Diagnosis, not a benchmark: the SQL statements one POST /api/v1/appeals sends, in order, on a
 * fresh PostgreSQL bench database (the real app, the Dalian reference data). Prints each statement's
 * first line and the count. Run: cd bench && npx tsx src/intake-trace.ts
 */
import crypto from 'node:crypto'
import pg from 'pg'
import { createSession } from '../../server/src/kernel/auth/sessions'
import { findPendingDocuments } from '../../server/src/kernel/auth/consent.queries'
import { openBenchApp } from './bench-app'

const seen: string[] = []
let recording = false
const original = pg.Client.prototype.query
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (recording) {
    const first = args[0] as string | { text: string }
    const text = typeof first === 'string' ? first : first.text
    seen.push(text.replace(/\s+/g, ' ').slice(0, 160))
  }
  return (original as (...a: unknown[]) => unknown).apply(this, args)
} as never

const bench = await openBenchApp('postgres', { name: 'trace', enterprises: 50 })
try {
  const member = await bench.deps.db
    .selectFrom('enterprise_members')
    .select(['user_id', 'enterprise_id'])
    .limit(1)
    .executeTakeFirstOrThrow()
  const session = await createSession(bench.deps.db, {
    userId: member.user_id,
    ttlMs: 3_600_000,
    ip: '127.0.0.1',
    userAgent: 'trace',
  })
  for (const d of await findPendingDocuments(bench.deps.db, member.user_id, 'enterprise', new Date()))
    await bench.deps.db
      .insertInto('legal_acceptances')
      .values({
        user_id: member.user_id,
        document_id: d.id,
        accepted_at: new Date(),
        ip: '127.0.0.1',
        user_agent: 't',
      })
      .execute()
  const category = await bench.deps.db
    .selectFrom('appeal_categories')
    .select('code')
    .where('is_active', '=', true)
    .limit(1)
    .executeTakeFirstOrThrow()
  const file = async (label: string) => {
    seen.length = 0
    recording = true
    const res = await bench.app.request('/api/v1/appeals', {
      method: 'POST',
      headers: {
        cookie: `ys_session=${session.token}; ys_csrf=${session.csrfToken}`,
        'x-csrf-token': session.csrfToken,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        enterpriseId: member.enterprise_id,
        categoryCode: category.code,
        title: '园区道路施工影响企业出入',
        body: '开发区某路段施工已持续三个月，货车无法进出厂区，影响正常生产经营，请协调施工单位错峰作业。',
        idempotencyKey: crypto.randomUUID(),
      }),
    })
    recording = false
    console.log(`--- ${label}: HTTP ${res.status}, ${seen.length} statements`)
    seen.forEach((s, i) => console.log(`${String(i + 1).padStart(3)} ${s}`))
  }
  await file('first filing (cold)')
  await file('second filing')
  await file('third filing (steady state)')
} finally {
  await bench.close()
}

import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPostgres } from '../src/kernel/db/database'
import { DELIVER_QUEUE } from '../src/kernel/notify/notifier'
import { until } from './eventually'
import { AUTH_CLEANUP_QUEUE } from '../src/modules/auth/auth.jobs'
import { sweepAppealClocks } from '../src/modules/appeals/appeal-clock-sweep.service'
import { closeUnratedReplies } from '../src/modules/appeals/appeals-closing.service'
import {
  appealBody,
  buildAppealWorld,
  fileAndDispatch,
  type AppealWorld,
} from '../src/modules/appeals/appeals.factories'
import { randomPhone } from './factories'
import { createTestApp, createTestAppOn, type TestApp } from './harness'
import { postgresBaseUrl } from './test-database'

/**
 * Many nodes, one database: two apps (two pools, two job systems, as two processes would have) on
 * one PostgreSQL database race the same work, and each piece of it happens once. PostgreSQL only:
 * the embedded database is one process by design (the data-directory lock).
 */
const onPostgres = !!postgresBaseUrl()

let a: TestApp
let b: TestApp
let w: AppealWorld
beforeAll(async () => {
  if (!onPostgres) return
  a = await createTestApp()
  const url = (a.deps.database.pool as unknown as { options: { connectionString: string } }).options
    .connectionString
  b = await createTestAppOn(await openPostgres(url, 5))
  w = await buildAppealWorld(a)
})
afterAll(async () => {
  if (!onPostgres) return
  await b.close()
  await a.close()
})

const DAY = 86_400_000

/** Sessions waiting on a lock in this database (what the race below waits for). */
async function lockWaiters(t: TestApp): Promise<number> {
  const { rows } = await t.deps.database.executeSql(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  )
  return rows[0].n as number
}

async function countEvents(appealIds: string[]): Promise<number> {
  const row = await a.deps.db
    .selectFrom('appeal_events')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('appeal_id', 'in', appealIds)
    .executeTakeFirstOrThrow()
  return row.n
}

describe.skipIf(!onPostgres)('two nodes on one database', () => {
  it('a session made on one node is honoured on the other', async () => {
    const onB = w.dispatcher.on(b.app)
    const me = await onB.get('/api/v1/auth/me')
    expect(me.status).toBe(200)
    expect((await w.enterpriseUser.on(b.app).get('/api/v1/appeals/mine')).status).toBe(200)
  })

  it('one filing sent to both nodes at once (the same idempotency key) is filed once, and both answer it', async () => {
    const body = appealBody(w.enterprise.id)
    const [one, two] = await Promise.all([
      w.enterpriseUser.post('/api/v1/appeals', body),
      w.enterpriseUser.on(b.app).post('/api/v1/appeals', body),
    ])
    // One files it (201), the other answers the first receipt (201 if it raced the insert, else 200).
    expect([one.status, two.status]).toContain(201)
    expect([one.status, two.status].every((s) => s === 200 || s === 201)).toBe(true)
    expect(two.body.id).toBe(one.body.id)
    const rows = await a.deps.db
      .selectFrom('appeals')
      .select('id')
      .where('idempotency_key', '=', body.idempotencyKey)
      .execute()
    expect(rows).toHaveLength(1)
  })

  it('each queued job runs on one node only', async () => {
    for (let i = 0; i < 20; i++) await a.deps.jobs.send(a.deps.db, AUTH_CLEANUP_QUEUE, { n: i })
    const [ranA, ranB] = await Promise.all([
      a.deps.jobs.runQueued(AUTH_CLEANUP_QUEUE),
      b.deps.jobs.runQueued(AUTH_CLEANUP_QUEUE),
    ])
    expect(ranA + ranB).toBe(20)
  })

  it('each notification is delivered once when both nodes work the outbox', async () => {
    const phones = Array.from({ length: 30 }, () => randomPhone())
    const ids = await a.deps.db.transaction().execute(async (tx) => {
      const out: string[] = []
      for (const phone of phones)
        out.push(
          await a.deps.notifier.enqueue(tx, {
            recipient: { phone },
            template: 'auth.sign_in_code',
            params: { code: '123456', minutes: 5 },
            isUrgent: true,
          }),
        )
      return out
    })
    await Promise.all([
      a.deps.jobs.runQueued(DELIVER_QUEUE),
      b.deps.jobs.runQueued(DELIVER_QUEUE),
      a.deps.notifier.deliverDue(),
      b.deps.notifier.deliverDue(),
    ])
    const deliveries = await a.deps.db
      .selectFrom('notification_deliveries')
      .select(['notification_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('notification_id', 'in', ids)
      .groupBy('notification_id')
      .execute()
    expect(deliveries).toHaveLength(ids.length)
    expect(deliveries.every((d) => Number(d.n) === 1)).toBe(true)
  })

  it('both nodes sweeping the same clocks fire each threshold once', async () => {
    const appealIds: string[] = []
    for (let i = 0; i < 4; i++) appealIds.push(await fileAndDispatch(w, { categoryCode: 'utilities' }))
    const start = new Date(Date.now() + DAY)
    // Both nodes sweep in small batches, stepping through ten days two hours at a time.
    for (let hours = 2; hours <= 240; hours += 2) {
      const at = new Date(start.getTime() + hours * 3_600_000)
      await Promise.all([sweepAppealClocks(a.deps, at, 2), sweepAppealClocks(b.deps, at, 2)])
    }
    const events = await a.deps.db
      .selectFrom('appeal_events')
      .select(['appeal_id', 'department_id', 'type', 'data'])
      .where('appeal_id', 'in', appealIds)
      .where('type', 'like', 'clock_%')
      .execute()
    expect(events.length).toBeGreaterThan(0)
    const seen = new Map<string, number>()
    for (const e of events) {
      const data = e.data as { clock: string; fired: string[] }
      for (const threshold of data.fired) {
        const key = `${e.appeal_id}/${e.department_id}/${data.clock}/${threshold}`
        seen.set(key, (seen.get(key) ?? 0) + 1)
      }
    }
    expect([...seen.values()].filter((n) => n > 1)).toEqual([])
    const cases = await a.deps.db
      .selectFrom('supervision_cases')
      .select(['appeal_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('appeal_id', 'in', appealIds)
      .groupBy('appeal_id')
      .execute()
    expect(cases.map((c) => Number(c.n))).toEqual(appealIds.map(() => 1))
  })

  it('replies nobody rated are closed once when both nodes close them', async () => {
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      const id = await fileAndDispatch(w)
      await w.handlerA.post(`/api/v1/appeals/${id}/sign-for`)
      const replied = await w.handlerA.post(`/api/v1/appeals/${id}/reply`, {
        body: '已按规定办理完毕，请查收。',
        attachmentIds: [],
      })
      expect(replied.status).toBe(200)
      ids.push(id)
    }
    const eventsBefore = await countEvents(ids)
    const at = new Date(Date.now() + 30 * DAY)
    const [closedA, closedB] = await Promise.all([
      closeUnratedReplies(a.deps, at),
      closeUnratedReplies(b.deps, at),
    ])
    expect(closedA + closedB).toBe(ids.length)
    expect((await countEvents(ids)) - eventsBefore).toBe(ids.length)
    const visits = await a.deps.db
      .selectFrom('appeal_return_visits')
      .select('appeal_id')
      .where('appeal_id', 'in', ids)
      .execute()
    expect(visits).toHaveLength(ids.length)
  })

  it('two nodes holding two clocks of one appeal open one supervision case between them', async () => {
    const at = new Date(Date.now() + 30 * DAY)
    // Every earlier appeal's clocks are worked off first, so the race below is about this appeal only.
    for (;;) if ((await sweepAppealClocks(a.deps, at)).clocks === 0) break
    const id = await fileAndDispatch(w, { categoryCode: 'safety_emergency' })
    const due = await a.deps.db
      .selectFrom('appeal_clocks')
      .select('id')
      .where('appeal_id', '=', id)
      .where('next_check_at', '<=', at)
      .execute()
    expect(due.length).toBeGreaterThanOrEqual(2)

    // Hold back inserts of supervision cases, so node A stops right before opening one — holding
    // the first clock — while node B looks for work.
    const url = (a.deps.database.pool as unknown as { options: { connectionString: string } }).options
      .connectionString
    const gate = new pg.Client({ connectionString: url })
    await gate.connect()
    try {
      await gate.query('BEGIN')
      await gate.query('LOCK TABLE supervision_cases IN EXCLUSIVE MODE')
      const sweepA = sweepAppealClocks(a.deps, at, 1)
      await until(async () => (await lockWaiters(a)) >= 1)
      let doneB = false
      const sweepB = sweepAppealClocks(b.deps, at, 1).finally(() => (doneB = true))
      // B either finds nothing it may take (the appeal is A's), or stops at the same gate.
      await until(async () => doneB || (await lockWaiters(a)) >= 2)
      await gate.query('COMMIT')
      await Promise.all([sweepA, sweepB])
    } finally {
      await gate.end()
    }
    const cases = await a.deps.db
      .selectFrom('supervision_cases')
      .select('id')
      .where('appeal_id', '=', id)
      .where('status', '=', 'open')
      .execute()
    expect(cases).toHaveLength(1)
    // The clock B left alone is still due, and a later sweep acts on it (without a second case).
    for (;;) if ((await sweepAppealClocks(b.deps, at)).clocks === 0) break
    const after = await a.deps.db
      .selectFrom('supervision_cases')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('appeal_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(after.n).toBe(1)
  })
})

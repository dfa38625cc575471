import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANGE_FEED_CONNECTION_NAME } from '../../kernel/db/change-feed'
import { buildDepartment, buildStaff, countDeliveryJobs } from '../../../test/factories'
import { appealBody, buildAppealWorld, type AppealWorld } from './appeals.factories'
import { createTestApp, type TestApp } from '../../../test/harness'

// Every statement the app's connections send while `recording`: hooked before any connection opens,
// because a PostgreSQL connection binds its query function when it connects (kernel/db/prepared.ts).
type Sent = { text: string; named: boolean }
let recording: Sent[] | undefined
const query = pg.Client.prototype.query
let t: TestApp
let w: AppealWorld
beforeAll(async () => {
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text: string; name?: string }
    // Not the change feed's own connection (decision 0068): it announces the node's write back after
    // the filing, beside the request, not as a statement of it.
    const feed =
      (this as unknown as { connectionParameters?: { application_name?: string } }).connectionParameters
        ?.application_name === CHANGE_FEED_CONNECTION_NAME
    if (recording && !feed)
      recording.push(
        typeof first === 'string'
          ? { text: first, named: false }
          : { text: first.text, named: Boolean(first.name) },
      )
    return (query as (...a: unknown[]) => unknown).apply(this, args)
  } as never
  t = await createTestApp()
  w = await buildAppealWorld(t)
})
afterAll(async () => {
  await t.close()
  pg.Client.prototype.query = query
})

async function statementsOf(work: () => Promise<unknown>): Promise<Sent[]> {
  recording = []
  try {
    await work()
    return recording
  } finally {
    recording = undefined
  }
}

describe('intake in one statement (decision 0040)', () => {
  it('files without attachments in one statement after the session, with no transaction around it', async () => {
    // Two filings: the year's sequence is made if new, then seen committed.
    for (let i = 0; i < 2; i++)
      expect((await w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id))).status).toBe(201)
    const body = appealBody(w.enterprise.id)
    const jobsBefore = await countDeliveryJobs(t)
    let status = 0
    const sent = await statementsOf(async () => {
      status = (await w.enterpriseUser.post('/api/v1/appeals', body)).status
    })
    expect(status).toBe(201)
    const filing = sent.filter((s) => !/\bsessions\b/.test(s.text))
    expect(filing).toHaveLength(1)
    expect(filing[0]!.text).toMatch(/INSERT INTO appeals/)
    expect(filing[0]!.text).toMatch(/INSERT INTO notifications/)
    expect(filing[0]!.text).toMatch(/pgboss\.job/)
    // Named on PostgreSQL: parsed and planned once per connection. (The embedded database is one
    // connection in this process; nothing to save there.)
    if (t.deps.database.kind === 'postgres') expect(filing[0]!.named).toBe(true)

    const { rows } = await sql<{ events: number; audit: number; messages: number }>`
      SELECT (SELECT count(*)::int FROM appeal_events e JOIN appeals a ON a.id = e.appeal_id
               WHERE a.idempotency_key = ${body.idempotencyKey} AND e.type = 'filed') AS events,
             (SELECT count(*)::int FROM audit_log l JOIN appeals a ON l.entity_id = a.id::text
               WHERE a.idempotency_key = ${body.idempotencyKey} AND l.action = 'appeal.file') AS audit,
             (SELECT count(*)::int FROM notifications n JOIN appeals a ON n.params->>'appealId' = a.id::text
               WHERE a.idempotency_key = ${body.idempotencyKey}) AS messages`.execute(t.deps.db)
    // The receipt and one message per dispatcher, and one delivery job that wakes a worker for all.
    expect(rows[0]!.events).toBe(1)
    expect(rows[0]!.audit).toBe(1)
    expect(rows[0]!.messages).toBeGreaterThanOrEqual(2)
    expect((await countDeliveryJobs(t)) - jobsBefore).toBe(1)
  })

  it('a retried submit writes nothing and answers the first receipt', async () => {
    const body = appealBody(w.enterprise.id)
    const first = await w.enterpriseUser.post('/api/v1/appeals', body)
    const count = async () => {
      const { rows } = await sql<{ messages: number }>`
        SELECT count(*)::int AS messages FROM notifications WHERE params->>'appealId' = ${first.body.id}`.execute(
        t.deps.db,
      )
      return rows[0]!.messages
    }
    const messages = await count()
    const again = await w.enterpriseUser.post('/api/v1/appeals', body)
    expect(again.status).toBe(200)
    expect(again.body.id).toBe(first.body.id)
    expect(await count()).toBe(messages)
  })

  it('tells each active dispatcher once: one in two departments once, a disabled one not at all', async () => {
    const twice = await buildStaff(t, { roles: ['dispatcher'] })
    await t.deps.db
      .insertInto('user_roles')
      .values({ user_id: twice.id, role: 'dispatcher', department_id: (await buildDepartment(t)).id })
      .execute()
    const disabled = await buildStaff(t, { roles: ['dispatcher'], isDisabled: true })
    const filed = await w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id))
    expect(filed.status).toBe(201)
    const { rows } = await sql<{ recipient: string }>`
      SELECT recipient_user_id AS recipient FROM notifications
       WHERE template = 'appeal.new' AND params->>'appealId' = ${filed.body.id}`.execute(t.deps.db)
    const told = rows.map((r) => r.recipient)
    expect(told.filter((id) => id === twice.id)).toHaveLength(1)
    expect(told).not.toContain(disabled.id)
  })
})

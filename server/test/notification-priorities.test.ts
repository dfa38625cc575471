import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELIVER_QUEUE, type NotificationRequest } from '../src/kernel/notify/notifier'
import { buildEnterprise } from './factories'
import { createTestApp, type TestApp } from './harness'

// Issue 10 item 4: after a burst of filings, sign-in codes arrived five minutes late, already expired.
let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ CONTACT_CAP_PER_WEEK: '0' })
})
afterAll(() => t.close())

type Outgoing = { id: number; to: string; text: string }

async function enqueue(requests: NotificationRequest[]): Promise<string[]> {
  return t.deps.db.transaction().execute((tx) => t.deps.notifier.enqueueMany(tx, requests))
}

async function deliveryOrder(ids: string[]): Promise<string[]> {
  const rows = await t.deps.db
    .selectFrom('notification_deliveries')
    .select(['notification_id', 'id'])
    .where('notification_id', 'in', ids)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.notification_id)
}

describe('urgent messages never wait behind a backlog', () => {
  it('delivers a sign-in code requested behind hundreds of queued messages first, then deadlines, then the rest', async () => {
    const enterprise = await buildEnterprise(t)
    // The backlog: receipts to an enterprise's inbox and text messages to thirty phones, all queued first.
    const inboxBacklog = await enqueue(
      Array.from({ length: 300 }, (_, i) => ({
        recipient: { enterpriseId: enterprise.id },
        template: 'appeal.received',
        params: { number: `B-${i}`, title: 'backlog' },
      })),
    )
    const smsBacklog = await enqueue(
      Array.from({ length: 30 }, (_, i) => ({
        recipient: { phone: `1370000${String(i).padStart(4, '0')}` },
        template: 'policies.push',
        params: { title: 'backlog', count: 1 },
      })),
    )
    const [warning] = await enqueue([
      {
        recipient: { enterpriseId: enterprise.id },
        template: 'appeal.warning',
        params: { number: 'W-1', percent: 80 },
      },
    ])
    const phone = '13912340001'
    const res = await t.anonymous('10.44.0.1').post('/api/v1/auth/enterprise/code', { phone })
    expect(res.status).toBe(202)
    const code = await t.deps.db
      .selectFrom('notifications')
      .select(['id', 'priority'])
      .where('recipient_phone', '=', phone)
      .executeTakeFirstOrThrow()
    expect(code.priority).toBe(0)

    // Whichever message's job wakes the worker, it delivers everything due, most urgent first.
    await t.deps.jobs.runQueued(DELIVER_QUEUE)

    const order = await deliveryOrder([...inboxBacklog, ...smsBacklog, warning!, code.id])
    expect(order).toHaveLength(inboxBacklog.length + smsBacklog.length + 2)
    expect(order[0]).toBe(code.id)
    expect(order[1]).toBe(warning)

    // What a developer sees in the dev inbox: the code went out before every text of the backlog.
    const inbox = await t.anonymous().get<{ items: Outgoing[] }>('/api/v1/dev/inbox')
    const sms = inbox.body.items.find((m) => m.to === phone)!
    expect(sms.text).toMatch(/验证码.*\d{6}/)
    const backlogTexts = inbox.body.items.filter((m) => m.to.startsWith('1370000'))
    expect(backlogTexts).toHaveLength(30)
    for (const m of backlogTexts) expect(m.id).toBeGreaterThan(sms.id)

    const left = await t.deps.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['pending', 'deferred'])
      .executeTakeFirstOrThrow()
    expect(Number(left.n)).toBe(0)
  })

  it('sends each message once when several workers deliver at the same time', async () => {
    const enterprise = await buildEnterprise(t)
    const ids = await enqueue(
      Array.from({ length: 120 }, () => ({
        recipient: { enterpriseId: enterprise.id },
        template: 'appeal.received',
        params: { number: 'X', title: 'x' },
      })),
    )
    // Three drains at once (three nodes on PostgreSQL take rounds with SKIP LOCKED).
    const handled = await Promise.all([
      t.deps.notifier.deliverDue(),
      t.deps.notifier.deliverDue(),
      t.deps.notifier.deliverDue(),
    ])
    expect(handled.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(ids.length)
    const deliveries = await deliveryOrder(ids)
    expect(deliveries).toHaveLength(ids.length)
    expect(new Set(deliveries).size).toBe(ids.length)
  })

  it('puts a message whose delivery fails in the database aside for later, and delivers the rest', async () => {
    const enterprise = await buildEnterprise(t)
    // A real database failure for one message's delivery row, whichever round it falls in.
    await t.deps.database.executeSql(`
      CREATE FUNCTION test_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.rendered_text LIKE '%POISON%' THEN RAISE EXCEPTION 'poisoned delivery'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER test_poison BEFORE INSERT ON notification_deliveries
        FOR EACH ROW EXECUTE FUNCTION test_poison();`)
    try {
      const [poison] = await enqueue([
        {
          recipient: { enterpriseId: enterprise.id },
          template: 'enterprise.member_added',
          params: { enterprise: 'POISON' },
        },
      ])
      // More than a round on either database, so a message that kept failing would be claimed forever.
      const others = await enqueue(
        Array.from({ length: 150 }, () => ({
          recipient: { enterpriseId: enterprise.id },
          template: 'appeal.received',
          params: { number: 'Y', title: 'y' },
        })),
      )
      await t.deps.notifier.deliverDue()
      expect(await deliveryOrder(others)).toHaveLength(others.length)
      const aside = await t.deps.db
        .selectFrom('notifications')
        .select(['status', 'attempts', 'not_before', 'last_error'])
        .where('id', '=', poison!)
        .executeTakeFirstOrThrow()
      expect(aside).toMatchObject({ status: 'pending', attempts: 1 })
      expect(aside.last_error).toContain('poisoned delivery')
      expect(aside.not_before.getTime()).toBeGreaterThan(Date.now())
    } finally {
      await t.deps.database.executeSql(
        'DROP TRIGGER test_poison ON notification_deliveries; DROP FUNCTION test_poison()',
      )
    }
  })
})

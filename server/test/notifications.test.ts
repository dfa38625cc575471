import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELIVER_QUEUE } from '../src/kernel/notify/notifier'
import { scrubOldMessages } from '../src/kernel/notify/notify.queries'
import { buildEnterprise, buildEnterpriseUser, countDeliveryJobs, signInEnterprise } from './factories'
import { createTestApp, type TestApp } from './harness'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ CONTACT_CAP_PER_WEEK: '3' })
})
afterAll(() => t.close())

async function notifyEnterprise(enterpriseId: string, options: { isUrgent?: boolean } = {}) {
  return t.deps.db.transaction().execute((tx) =>
    t.deps.notifier.enqueue(tx, {
      recipient: { enterpriseId },
      template: 'enterprise.member_added',
      params: { enterprise: '测试' },
      isUrgent: options.isUrgent ?? false,
    }),
  )
}

async function statusOf(id: string) {
  return t.deps.db
    .selectFrom('notifications')
    .select(['status', 'not_before', 'deferral_count'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}

describe('the outbox', () => {
  it('is written in the business transaction: a rollback leaves neither message nor job', async () => {
    const enterprise = await buildEnterprise(t)
    await expect(
      t.deps.db.transaction().execute(async (tx) => {
        await t.deps.notifier.enqueue(tx, {
          recipient: { enterpriseId: enterprise.id },
          template: 'enterprise.member_added',
          params: { enterprise: 'x' },
        })
        throw new Error('crash mid-request')
      }),
    ).rejects.toThrow('crash mid-request')
    const rows = await t.deps.db
      .selectFrom('notifications')
      .select('id')
      .where('recipient_enterprise_id', '=', enterprise.id)
      .execute()
    expect(rows).toHaveLength(0)
  })

  it('wakes a worker once for many messages: one delivery job, and every message delivered', async () => {
    const enterprises = await Promise.all([1, 2, 3].map(() => buildEnterprise(t)))
    const before = await countDeliveryJobs(t)
    const ids = await t.deps.db.transaction().execute((tx) =>
      t.deps.notifier.enqueueMany(
        tx,
        enterprises.map((e) => ({
          recipient: { enterpriseId: e.id },
          template: 'enterprise.member_added',
          params: { enterprise: '测试' },
          isUrgent: true,
        })),
      ),
    )
    expect(await countDeliveryJobs(t)).toBe(before + 1)
    await t.deps.jobs.runQueued(DELIVER_QUEUE)
    expect((await Promise.all(ids.map(statusOf))).map((s) => s.status)).toEqual(['sent', 'sent', 'sent'])
  })

  it('delivers to the in-app inbox of everyone acting for the enterprise', async () => {
    const enterprise = await buildEnterprise(t)
    const user = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
    const id = await notifyEnterprise(enterprise.id)
    await t.deps.jobs.runQueued(DELIVER_QUEUE)
    expect((await statusOf(id)).status).toBe('sent')
    const client = await signInEnterprise(t, user.phone)
    const inbox = await client.get('/api/v1/inbox')
    expect(inbox.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      enterpriseName: enterprise.name,
      isRead: false,
    })
    expect((await client.post(`/api/v1/inbox/${id}/read`)).status).toBe(200)
    expect(
      (await client.get('/api/v1/inbox')).body.items.find((i: { id: string }) => i.id === id).isRead,
    ).toBe(true)
  })

  it("marks everything in the inbox read at once, and only that user's inbox", async () => {
    const enterprise = await buildEnterprise(t)
    const user = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
    const colleague = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
    const ids = [await notifyEnterprise(enterprise.id), await notifyEnterprise(enterprise.id)]
    await t.deps.jobs.runQueued(DELIVER_QUEUE)
    const client = await signInEnterprise(t, user.phone)
    const unread = async (c: typeof client) =>
      (await c.get('/api/v1/inbox')).body.items.filter(
        (i: { id: string; isRead: boolean }) => ids.includes(i.id) && !i.isRead,
      ).length
    expect(await unread(client)).toBe(2)
    const res = await client.post('/api/v1/inbox/read-all')
    expect(res.body).toEqual({ ok: true, marked: 2 })
    expect(await unread(client)).toBe(0)
    expect((await client.post('/api/v1/inbox/read-all')).body.marked).toBe(0)
    // Read is per person: a colleague acting for the same enterprise still sees them unread.
    expect(await unread(await signInEnterprise(t, colleague.phone))).toBe(2)
  })
})

describe('the contact cap (无事不扰 applied to ourselves)', () => {
  it('defers the fourth non-urgent contact in a week until a slot frees, and never drops it', async () => {
    const enterprise = await buildEnterprise(t)
    const ids = []
    for (let i = 0; i < 4; i++) ids.push(await notifyEnterprise(enterprise.id))
    const urgent = await notifyEnterprise(enterprise.id, { isUrgent: true })
    const t0 = new Date()
    for (const id of [...ids, urgent]) await t.deps.notifier.deliver(id, t0)
    const statuses = await Promise.all(ids.map(statusOf))
    expect(statuses.map((s) => s.status)).toEqual(['sent', 'sent', 'sent', 'deferred'])
    expect((await statusOf(urgent)).status).toBe('sent')
    const deferred = statuses[3]!
    expect(deferred.deferral_count).toBe(1)
    expect(deferred.not_before.getTime() - t0.getTime()).toBeGreaterThanOrEqual(7 * 86_400_000 - 1000)

    // Not yet: still deferred a day later.
    expect(await t.deps.notifier.deliver(ids[3]!, new Date(t0.getTime() + 86_400_000))).toBe('skipped')
    // A week later the first contact has left the window: it goes out.
    expect(await t.deps.notifier.deliver(ids[3]!, new Date(deferred.not_before.getTime() + 1))).toBe('sent')
  })

  it('holds within one delivery round too: a round counts what it has already sent', async () => {
    const enterprise = await buildEnterprise(t)
    await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
    const ids = []
    for (let i = 0; i < 5; i++) ids.push(await notifyEnterprise(enterprise.id))
    await t.deps.notifier.deliverDue(new Date())
    expect((await Promise.all(ids.map(statusOf))).map((s) => s.status)).toEqual([
      'sent',
      'sent',
      'sent',
      'deferred',
      'deferred',
    ])
    // Each message sent has its one inbox delivery record; a deferred one has none yet.
    const records = await t.deps.db
      .selectFrom('notification_deliveries')
      .select(['notification_id', 'channel', 'status'])
      .where('notification_id', 'in', ids)
      .execute()
    expect(records.map((r) => r.notification_id).sort()).toEqual(ids.slice(0, 3).sort())
    expect(records.every((r) => r.channel === 'inbox' && r.status === 'sent')).toBe(true)
  })

  it('counts per enterprise, not per message template or channel', async () => {
    const a = await buildEnterprise(t)
    const b = await buildEnterprise(t)
    for (let i = 0; i < 3; i++) await t.deps.notifier.deliver(await notifyEnterprise(a.id))
    expect(await t.deps.notifier.deliver(await notifyEnterprise(b.id))).toBe('sent')
    expect(await t.deps.notifier.deliver(await notifyEnterprise(a.id))).toBe('deferred')
  })
})

describe('secrets in old messages', () => {
  it('sign-in codes are blanked an hour later; the delivery record stays', async () => {
    const phone = `139${String(Date.now()).slice(-8)}`
    await t.anonymous('10.8.0.1').post('/api/v1/auth/enterprise/code', { phone })
    await t.deps.jobs.runQueued(DELIVER_QUEUE)
    await scrubOldMessages(t.deps.db, 'auth.sign_in_code', new Date(Date.now() + 1000))
    const inbox = await t.anonymous().get('/api/v1/dev/inbox')
    const sms = inbox.body.items.find((m: { to: string }) => m.to === phone)
    expect(sms.text).toContain('******')
    expect(sms.text).not.toMatch(/\d{6}/)
  })
})

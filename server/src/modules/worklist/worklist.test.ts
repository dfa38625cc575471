import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELIVER_QUEUE } from '../../kernel/notify/notifier'
import { appealBody, buildAppealWorld, fileAndDispatch, type AppealWorld } from '../appeals/appeals.factories'
import { buildStaff, signInAs, signInStaff } from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'

/**
 * What waits, said on the console's home and on the tabs: each count is the length of the list it
 * opens, for the caller's roles and department.
 */
let t: TestApp
let w: AppealWorld
beforeAll(async () => {
  t = await createTestApp()
  w = await buildAppealWorld(t)
})
afterAll(() => t.close())

const countOf = (items: { key: string; count: number }[], key: string) =>
  items.find((i) => i.key === key)?.count

describe('the worklist', () => {
  it('tells the task force, the departments and their heads what waits for each, as the lists count it', async () => {
    const waiting = await w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id))
    expect(waiting.status).toBe(201)
    const signed = await fileAndDispatch(w)
    await w.handlerA.post(`/api/v1/appeals/${signed}/sign-for`)
    const unsigned = await fileAndDispatch(w)
    const shared = await w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id))
    await w.dispatcher.post(`/api/v1/appeals/${shared.body.id}/dispatch`, {
      leadDepartmentId: w.departments.a.id,
      coDepartmentIds: [w.departments.b.id],
    })

    const taskForce = (await w.dispatcher.get('/api/v1/worklist')).body.items
    const triage = await w.dispatcher.get('/api/v1/appeals/queue?view=triage')
    expect(countOf(taskForce, 'appeals.triage')).toBe(triage.body.total)
    const tabs = (await w.dispatcher.get('/api/v1/appeals/queue/counts')).body
    expect(tabs.triage).toBe(triage.body.total)
    expect(tabs.dispatched).toBe((await w.dispatcher.get('/api/v1/appeals/queue?view=dispatched')).body.total)
    expect(tabs.all).toBe((await w.dispatcher.get('/api/v1/appeals/queue?view=all')).body.total)

    // Department A holds three (one signed), department B co-handles one and owes its part.
    const a = (await w.handlerA.get('/api/v1/worklist')).body.items
    expect(countOf(a, 'appeals.toSignFor')).toBe(2)
    expect(countOf(a, 'appeals.approvals')).toBeUndefined() // a handler approves nothing
    const inbox = (await w.handlerA.get('/api/v1/appeals/inbox/counts')).body
    expect(inbox).toMatchObject({ toSignFor: 2, approvals: 0 })
    expect(inbox.open).toBe((await w.handlerA.get('/api/v1/appeals/inbox?view=open')).body.total)
    const b = (await w.handlerB.get('/api/v1/worklist')).body.items
    expect(countOf(b, 'appeals.toSignFor')).toBe(1)
    expect(countOf(b, 'appeals.partsOwed')).toBe(1)
    const head = (await w.headA.get('/api/v1/worklist')).body.items
    expect(countOf(head, 'appeals.approvals')).toBe(0)
    expect(countOf(head, 'supervision.open')).toBe(0)
    expect(unsigned).toBeTruthy()

    // Messages: the dispatch told department A's handler; the count is the inbox's unread.
    await t.deps.jobs.runQueued(DELIVER_QUEUE)
    await t.deps.notifier.deliverDue()
    const unread = countOf((await w.handlerA.get('/api/v1/worklist')).body.items, 'inbox.unread')!
    const messages = (await w.handlerA.get('/api/v1/inbox')).body.items as {
      isRead: boolean
      subject: unknown
    }[]
    expect(unread).toBe(messages.filter((m) => !m.isRead).length)
    expect(unread).toBeGreaterThan(0)
    // A staff message names the case it is about, so the console can open it.
    expect(messages[0]!.subject).toMatchObject({ kind: 'appeal' })
  })

  it('is for staff only; an enterprise user is refused', async () => {
    expect((await w.enterpriseUser.get('/api/v1/worklist')).status).toBe(403)
    const inspector = await signInAs(t, 'inspector')
    expect((await inspector.get('/api/v1/worklist')).body.items).toEqual([
      expect.objectContaining({ key: 'inbox.unread' }),
    ])
  })

  it('counts the claims workbench’s tabs as its lists do', async () => {
    const staff: TestClient = await signInStaff(t, await buildStaff(t, { roles: ['handler'] }))
    const counts = (await staff.get('/api/v1/benefits/claims/counts')).body
    expect(counts.review).toBe((await staff.get('/api/v1/benefits/claims?view=review')).body.total)
    expect(counts.all).toBe((await staff.get('/api/v1/benefits/claims?view=all')).body.total)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sweepAppealClocks } from '../appeals/appeal-clock-sweep.service'
import { buildAppealWorld, fileAndDispatch, type AppealWorld } from '../appeals/appeals.factories'
import { buildStaff, signInAs, signInStaff } from '../../../test/factories'
import { createTestApp, type TestApp } from '../../../test/harness'

let t: TestApp
let w: AppealWorld
beforeAll(async () => {
  t = await createTestApp()
  w = await buildAppealWorld(t)
})
afterAll(() => t.close())

const DAY = 86_400_000

/** Sweeps day by day until the appeal's clocks have climbed to a bureau supervision case. */
async function breachToSupervision(id: string) {
  const clock = await t.deps.db
    .selectFrom('appeal_clocks')
    .select('started_at')
    .where('appeal_id', '=', id)
    .where('kind', '=', 'resolution')
    .executeTakeFirstOrThrow()
  for (let days = 1; days <= 60; days++) {
    await sweepAppealClocks(t.deps, new Date(clock.started_at.getTime() + days * DAY))
    const open = await w.dispatcher.get('/api/v1/supervision-cases?status=open')
    const found = open.body.items.find((c: { appealId: string }) => c.appealId === id)
    if (found) return found
  }
  throw new Error('no supervision case was opened')
}

describe('supervision cases', () => {
  it('an overdue appeal becomes a case the bureau sees and closes with what was done', async () => {
    const id = await fileAndDispatch(w, { categoryCode: 'utilities' })
    const opened = await breachToSupervision(id)
    expect(opened).toMatchObject({
      status: 'open',
      source: 'appeal_breach',
      departmentId: w.departments.a.id,
      appealId: id,
      subjectType: 'appeal',
      subjectId: id,
      level: 'bureau',
    })

    // The department's head sees the case against their department; another department's head does not.
    expect((await w.headA.get(`/api/v1/supervision-cases/${opened.id}`)).status).toBe(200)
    const otherHead = await signInStaff(
      t,
      await buildStaff(t, { roles: ['department_head'], departmentId: w.departments.b.id }),
    )
    expect((await otherHead.get(`/api/v1/supervision-cases/${opened.id}`)).status).toBe(404)
    const otherList = await otherHead.get('/api/v1/supervision-cases')
    expect(otherList.body.items.map((c: { id: string }) => c.id)).not.toContain(opened.id)
    // The unit's handler reads it, and may make no move; another unit's handler does not find it.
    const asHandler = await w.handlerA.get(`/api/v1/supervision-cases/${opened.id}`)
    expect(asHandler.body).toMatchObject({ level: 'bureau', allowedActions: [] })
    expect((await w.handlerB.get(`/api/v1/supervision-cases/${opened.id}`)).status).toBe(404)

    // Only the bureau closes, with a note, on the version it read.
    expect(
      (await w.headA.post(`/api/v1/supervision-cases/${opened.id}/close`, { version: 1, note: '已整改完毕' }))
        .status,
    ).toBe(403)
    expect(
      (await w.dispatcher.post(`/api/v1/supervision-cases/${opened.id}/close`, { version: 1, note: '短' }))
        .body.error,
    ).toMatchObject({ code: 'VALIDATION_FAILED', fields: { note: expect.any(String) } })
    expect(
      (
        await w.dispatcher.post(`/api/v1/supervision-cases/${opened.id}/close`, {
          version: 7,
          note: '已约谈部门负责人',
        })
      ).body.error.code,
    ).toBe('VERSION_CONFLICT')
    const closed = await w.dispatcher.post(`/api/v1/supervision-cases/${opened.id}/close`, {
      version: opened.version,
      note: '已约谈部门负责人，限期三日内办结',
    })
    expect(closed.body).toMatchObject({ status: 'closed', closingNote: '已约谈部门负责人，限期三日内办结' })
    expect(closed.body.closedByName).toBeTruthy()
    expect(
      (
        await w.dispatcher.post(`/api/v1/supervision-cases/${opened.id}/close`, {
          version: closed.body.version,
          note: '再次关闭试试',
        })
      ).body.error.code,
    ).toBe('SUPERVISION_CASE_CLOSED')

    // Both moves are on the audit trail.
    const admin = await signInAs(t, 'admin')
    const audit = await admin.get(`/api/v1/audit?entityType=supervision_case&entityId=${opened.id}`)
    expect(audit.body.items.map((r: { action: string }) => r.action).sort()).toEqual([
      'supervision_case.close',
      'supervision_case.open',
    ])
  })
})

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { StaffRole, UserActor } from '../../kernel/auth/actor'
import { buildStaff, signInStaff } from '../../../test/factories'
import { createTestApp, type TestApp } from '../../../test/harness'
import { buildDrawWorld, drawToTheEnd, type DrawWorld } from '../random-draws/random-draws.factories'
import { approveDrawnInspections } from './inspection-bulk-approval'

/** A body's head approves a random draw's planned inspections at once, through HTTP on a real database. */
const NOW = new Date('2026-03-02T01:30:00Z')
const approveAll = (drawId: string) => `/api/v1/inspections/drawn/${drawId}/approve`

let t: TestApp
let w: DrawWorld
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  t = await createTestApp()
  // 24 enterprises of tier D (70 %): 17 drawn — the second test approves them in batches of 5
  w = await buildDrawWorld(t, { divisionCode: '210213', tiers: Array.from({ length: 24 }, () => 'D') })
})
afterAll(async () => {
  await t.close()
  vi.useRealTimers()
})

async function statuses(ids: readonly string[]) {
  const rows = await t.deps.db
    .selectFrom('inspections')
    .select(['id', 'status'])
    .where('id', 'in', ids)
    .execute()
  return new Map(rows.map((r) => [r.id, r.status]))
}

describe('approving a draw’s inspections at once', () => {
  it('approves every one still planned, each as one approval: timeline, audit, the enterprise told', async () => {
    const draw = await drawToTheEnd(w)
    const ids = draw.inspections.map((i) => i.inspectionId)
    expect(ids.length).toBe(17)

    // One is decided by hand first: the bulk approval leaves it as it is.
    const first = await w.head.client.get(`/api/v1/inspections/${ids[0]}`)
    const rejected = await w.head.client.post(`/api/v1/inspections/${ids[0]}/reject`, {
      version: first.body.version,
      reason: '该企业本月已接受联合检查',
    })
    expect(rejected.body.status).toBe('rejected')

    // Only a body's head; another head finds nothing of this draw in their bodies.
    expect((await w.dispatcher.client.post(approveAll(draw.id), {})).status).toBe(403)
    const otherHead = await buildStaff(t, { roles: ['department_head'] })
    const stranger = await signInStaff(t, otherHead)
    expect((await stranger.post(approveAll(draw.id), {})).status).toBe(404)
    expect((await w.head.client.post(approveAll(draw.id), { note: 'x'.repeat(1001) })).status).toBe(400)
    expect([...(await statuses(ids)).values()].filter((s) => s === 'planned')).toHaveLength(16)

    const done = await w.head.client.post(approveAll(draw.id), { note: '按抽查计划实施' })
    expect(done.status).toBe(200)
    expect(done.body).toEqual({ approved: 16, total: 17 })
    const after = await statuses(ids)
    expect(after.get(ids[0]!)).toBe('rejected')
    expect(ids.slice(1).every((id) => after.get(id) === 'approved')).toBe(true)

    // Each as one approval: its audit row, its timeline event shown to the enterprise, a message to it.
    const audits = await t.deps.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'inspection.approve')
      .where('entity_id', 'in', ids)
      .execute()
    expect(audits).toHaveLength(16)
    const events = await t.deps.db
      .selectFrom('inspection_events')
      .select(['inspection_id', 'note', 'audience'])
      .where('type', '=', 'approve')
      .where('inspection_id', 'in', ids)
      .execute()
    expect(events).toHaveLength(16)
    expect(events.every((e) => e.note === '按抽查计划实施' && e.audience === 'enterprise')).toBe(true)
    const told = await t.deps.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('template', '=', 'inspections.approved')
      .executeTakeFirstOrThrow()
    expect(Number(told.n)).toBe(16)
    // The code is live at the door.
    const one = await w.head.client.get(`/api/v1/inspections/${ids[1]}`)
    expect(one.body).toMatchObject({ status: 'approved' })

    // Asking again approves nothing more and says so.
    expect((await w.head.client.post(approveAll(draw.id), {})).body).toEqual({ approved: 0, total: 17 })
  })

  it('goes batch by batch until none is left planned', async () => {
    const draw = await drawToTheEnd(w)
    const head = await t.deps.db
      .selectFrom('user_roles')
      .select(['role', 'department_id'])
      .where('user_id', '=', w.head.id)
      .execute()
    // the head as the session would make them (the service is called directly for a batch of 5)
    const actor: UserActor = {
      kind: 'user',
      userId: w.head.id,
      userKind: 'staff',
      label: 'head',
      departmentId: w.body.id,
      roles: head.map((r) => ({ role: r.role as StaffRole, departmentId: r.department_id! })),
      sessionId: 'test',
      mustChangePassword: false,
      consentPending: false,
    }
    const done = await approveDrawnInspections(t.deps, actor, draw.id, {}, 5)
    expect(done).toEqual({ approved: 17, total: 17 })
    const after = await statuses(draw.inspections.map((i) => i.inspectionId))
    expect([...after.values()].every((s) => s === 'approved')).toBe(true)
  })
})

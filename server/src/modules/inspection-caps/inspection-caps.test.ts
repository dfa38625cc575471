import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { DEFAULT_CAP_SETTINGS } from './cap-arithmetic'
import {
  buildCapWorld,
  buildInspectionItem,
  buildTieredEnterprise,
  insertInspection,
  type CapWorld,
} from './inspection-caps.factories'

/** Inspection caps through HTTP on a real database; the clock pinned to 10 June 2026, 10:00 in Dalian. */
const API = '/api/v1/inspection-caps'
const NOW = new Date('2026-06-10T02:00:00Z')

let t: TestApp
let w: CapWorld
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  t = await createTestApp()
  w = await buildCapWorld(t)
})
afterAll(async () => {
  await t.close()
  vi.useRealTimers()
})

async function auditActions(entityId: string) {
  const rows = await t.deps.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.action)
}

describe('cap versions', () => {
  it('reads the defaults, adds a version from a future date, never rewrites the past', async () => {
    const read = await w.handlerB.get(`${API}/settings`)
    expect(read.status).toBe(200)
    expect(read.body.current.tiers.B).toEqual({ perBody: 2, total: 4 })

    const version = (effectiveFrom: string, tiers = DEFAULT_CAP_SETTINGS.tiers) => ({
      effectiveFrom,
      settings: { ...DEFAULT_CAP_SETTINGS, tiers },
      note: '下半年起 B 级每单位 1 次',
    })
    const past = await w.admin.post(`${API}/settings/versions`, version('2026-06-09'))
    expect(past.body.error.code).toBe('INSPECTION_CAP_EFFECTIVE_PAST')
    expect((await w.handlerB.post(`${API}/settings/versions`, version('2026-07-01'))).status).toBe(403)

    const tiers = { ...DEFAULT_CAP_SETTINGS.tiers, B: { perBody: 1, total: 4 } }
    const added = await w.leader.post(`${API}/settings/versions`, version('2026-07-01', tiers))
    expect(added.status).toBe(201)
    // in force from 1 July: today still reads the defaults
    expect(added.body.current.tiers.B).toEqual({ perBody: 2, total: 4 })
    expect(added.body.versions[0]).toMatchObject({
      effectiveFrom: '2026-07-01',
      settings: { tiers: { B: { perBody: 1 } } },
    })
    expect(await auditActions(added.body.versions[0].id)).toEqual(['inspection_caps.add_version'])
    const twice = await w.admin.post(`${API}/settings/versions`, version('2026-07-01'))
    expect(twice.body.error.code).toBe('INSPECTION_CAP_VERSION_EXISTS')

    // a body's cap above the total is refused with the field named
    const bad = await w.admin.post(`${API}/settings/versions`, {
      ...version('2026-08-01'),
      settings: { ...DEFAULT_CAP_SETTINGS, tiers: { ...tiers, A: { perBody: 5, total: 2 } } },
    })
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.body.error.fields).join()).toContain('perBody')
  })
})

describe('exemption requests', () => {
  it('a body asks, the bureau grants once, each step audited and scoped', async () => {
    const e = await buildTieredEnterprise(t, 'A')
    const itemOfB = await buildInspectionItem(t, w.bodyB)
    const ask = (body: Record<string, unknown>) =>
      w.plannerA.client.post(`${API}/exemption-requests`, {
        enterpriseId: e.id,
        departmentId: w.bodyA,
        plannedOn: '2026-06-20',
        reason: '专项整治需要再查一次',
        ...body,
      })
    expect((await ask({ departmentId: w.bodyB })).body.error.code).toBe('INSPECTION_CAP_NOT_YOUR_BODY')
    expect((await ask({ itemIds: [itemOfB.id] })).body.error.code).toBe('INSPECTION_CAP_UNKNOWN_TARGET')
    expect((await ask({ reason: '' })).status).toBe(400)
    const asked = await ask({})
    expect(asked.status).toBe(201)
    expect(asked.body).toMatchObject({ status: 'pending', version: 1, enterpriseName: e.name })

    // the other body's staff do not see it; the bureau and the asking body do
    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((r) => r.id)
    expect(ids(await w.handlerB.get(`${API}/exemption-requests`))).not.toContain(asked.body.id)
    expect(ids(await w.plannerA.client.get(`${API}/exemption-requests`))).toContain(asked.body.id)
    expect(ids(await w.dispatcher.get(`${API}/exemption-requests?status=pending`))).toContain(asked.body.id)

    const decide = (client = w.dispatcher, version = 1) =>
      client.post(`${API}/exemption-requests/${asked.body.id}/decision`, {
        version,
        decision: 'grant',
        note: '属省级部署，同意一次',
      })
    expect((await decide(w.plannerA.client)).status).toBe(403)
    const granted = await decide()
    expect(granted.body).toMatchObject({
      status: 'granted',
      version: 2,
      decisionNote: '属省级部署，同意一次',
    })
    expect((await decide(w.leader, 2)).body.error.code).toBe('INSPECTION_CAP_REQUEST_DECIDED')
    const unknown = await w.dispatcher.post(`${API}/exemption-requests/${crypto.randomUUID()}/decision`, {
      version: 1,
      decision: 'refuse',
      note: '不同意',
    })
    expect(unknown.status).toBe(404)
    expect(await auditActions(asked.body.id)).toEqual([
      'inspection_caps.request_exemption',
      'inspection_caps.grant_exemption',
    ])
  })
})

describe('joint visits (综合查一次)', () => {
  it('proposes inspections of one enterprise by two bodies and merges them into one visit', async () => {
    const e = await buildTieredEnterprise(t, 'B')
    const mk = (departmentId: string, plannedOn: string, windowEndsOn: string) =>
      insertInspection(t, {
        enterpriseId: e.id,
        departmentId,
        plannedOn,
        windowEndsOn,
        plannedBy: w.plannerA.id,
        status: 'planned',
      })
    const a = await mk(w.bodyA, '2026-06-15', '2026-06-30')
    const b = await mk(w.bodyB, '2026-06-20', '2026-07-05')

    const proposals = await w.dispatcher.get(`${API}/joint-proposals?from=2026-06-10`)
    expect(proposals.status).toBe(200)
    const mine = proposals.body.items.find((p: { enterpriseId: string }) => p.enterpriseId === e.id)
    expect(mine).toMatchObject({ suggestedOn: '2026-06-20', enterpriseName: e.name })
    expect(mine.inspections.map((i: { id: string }) => i.id)).toEqual([a.id, b.id])
    expect((await w.plannerA.client.get(`${API}/joint-proposals`)).status).toBe(403)

    const merge = (body: Record<string, unknown>) =>
      w.dispatcher.post(`${API}/joint-visits`, {
        inspectionIds: [a.id, b.id],
        visitOn: '2026-06-20',
        leadDepartmentId: w.bodyA,
        ...body,
      })
    expect((await merge({ visitOn: '2026-07-01' })).body.error.code).toBe(
      'INSPECTION_CAP_JOINT_DATE_OUTSIDE_WINDOW',
    )
    expect((await merge({ inspectionIds: [a.id, crypto.randomUUID()] })).body.error.code).toBe(
      'INSPECTION_CAP_JOINT_NOT_MERGEABLE',
    )
    const merged = await merge({ note: '市场监管牵头，税务同行' })
    expect(merged.status).toBe(201)
    expect(merged.body).toMatchObject({
      enterpriseId: e.id,
      visitOn: '2026-06-20',
      inspectionIds: [a.id, b.id],
    })
    const rows = await t.deps.db
      .selectFrom('inspections')
      .select('joint_visit_id')
      .where('id', 'in', [a.id, b.id])
      .execute()
    expect(rows.map((r) => r.joint_visit_id)).toEqual([merged.body.id, merged.body.id])
    expect(await auditActions(merged.body.id)).toEqual(['inspection_caps.merge_joint_visit'])
    expect((await merge({})).body.error.code).toBe('INSPECTION_CAP_JOINT_NOT_MERGEABLE')
    const after = await w.dispatcher.get(`${API}/joint-proposals?from=2026-06-10`)
    expect(after.body.items.map((p: { enterpriseId: string }) => p.enterpriseId)).not.toContain(e.id)
  })
})

describe('high frequency', () => {
  it('flags an enterprise at 80 % of its total cap, and one with many exempt inspections', async () => {
    const near = await buildTieredEnterprise(t, 'A')
    const busy = await buildTieredEnterprise(t, 'D')
    const quiet = await buildTieredEnterprise(t, 'B')
    const mk = (enterpriseId: string, departmentId: string, plannedOn: string, more = {}) =>
      insertInspection(t, { enterpriseId, departmentId, plannedOn, plannedBy: w.plannerA.id, ...more })
    await mk(near.id, w.bodyA, '2026-02-01')
    await mk(near.id, w.bodyB, '2026-03-01')
    for (let day = 10; day < 16; day++)
      await mk(busy.id, w.bodyA, `2026-04-${day}`, { capExemption: 'complaint' })
    await mk(quiet.id, w.bodyA, '2026-02-01')

    const res = await w.leader.get(`${API}/high-frequency?year=2026`)
    expect(res.status).toBe(200)
    const byId = new Map(res.body.items.map((r: { enterpriseId: string }) => [r.enterpriseId, r]))
    expect(byId.get(near.id)).toMatchObject({
      tier: 'A',
      counted: 2,
      totalLimit: 2,
      reasons: ['near_total_cap'],
    })
    expect(byId.get(busy.id)).toMatchObject({ tier: 'D', counted: 0, all: 6, reasons: ['count'] })
    expect(byId.has(quiet.id)).toBe(false)
    expect((await w.handlerB.get(`${API}/high-frequency`)).status).toBe(403)
    expect((await w.leader.get(`${API}/high-frequency?year=abc`)).status).toBe(400)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../kernel/errors'
import { createTestApp, type TestApp } from '../../../test/harness'
import { runPlanChecks, type PlannedInspection } from '../inspections/inspection-plan-checks'
import {
  buildCapWorld,
  buildInspectionItem,
  buildTieredEnterprise,
  insertInspection,
  type CapWorld,
} from './inspection-caps.factories'
import { checkInspectionCaps } from './inspection-cap-check'
import * as q from './inspection-caps.queries'

/**
 * The cap check on a real database: rows of the inspections core written directly, the check run
 * inside a transaction as planning runs it (planning's endpoint is on the registry's branch).
 * Instants are passed explicitly; dates are city dates.
 */
const AT = new Date('2026-06-10T02:00:00Z')

let t: TestApp
let w: CapWorld
beforeAll(async () => {
  t = await createTestApp()
  w = await buildCapWorld(t)
})
afterAll(() => t.close())

const plan = (p: Partial<PlannedInspection> & { enterpriseId: string }): PlannedInspection => ({
  departmentId: w.bodyA,
  kind: 'routine',
  itemIds: [],
  plannedOn: '2026-06-20',
  capExemption: null,
  plannedBy: w.plannerA.id,
  ...p,
})

const check = (p: PlannedInspection) =>
  t.deps.db.transaction().execute((tx) => checkInspectionCaps(tx, p, AT))

async function refusal(p: PlannedInspection) {
  try {
    await check(p)
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, params: e.params }
    throw e
  }
  return null
}

const on = (enterpriseId: string, departmentId: string, plannedOn: string, more = {}) =>
  insertInspection(t, { enterpriseId, departmentId, plannedOn, plannedBy: w.plannerA.id, ...more })

describe('the cap check', () => {
  it('lets an A-tier enterprise have one inspection per body and two in all a year', async () => {
    const e = await buildTieredEnterprise(t, 'A')
    expect(await refusal(plan({ enterpriseId: e.id }))).toBeNull()
    await on(e.id, w.bodyA, '2026-03-01')
    expect(await refusal(plan({ enterpriseId: e.id }))).toMatchObject({
      code: 'INSPECTION_CAP_REACHED',
      params: { count: 1, limit: 1 },
    })
    // another body may still come once; then the total of two is reached
    expect(await refusal(plan({ enterpriseId: e.id, departmentId: w.bodyB }))).toBeNull()
    await on(e.id, w.bodyB, '2026-04-01')
    const third = await refusal(plan({ enterpriseId: e.id, departmentId: w.bodyB }))
    expect(third).toMatchObject({ code: 'INSPECTION_CAP_REACHED', params: { count: 1, limit: 1 } })
  })

  it('counts only the plan’s calendar year, and not rejected, cancelled, exempt or re-check rows', async () => {
    const e = await buildTieredEnterprise(t, 'A')
    await on(e.id, w.bodyA, '2025-12-31') // last year
    await on(e.id, w.bodyA, '2026-02-01', { status: 'rejected' })
    await on(e.id, w.bodyA, '2026-02-02', { status: 'cancelled' })
    await on(e.id, w.bodyA, '2026-02-03', { capExemption: 'complaint' })
    await on(e.id, w.bodyA, '2026-02-04', { kind: 'recheck' })
    await on(e.id, w.bodyA, '2026-02-05', { kind: 'service_visit' })
    expect(await refusal(plan({ enterpriseId: e.id }))).toBeNull()
    // a plan on 31 December is still this year's; on 1 January the count starts again
    await on(e.id, w.bodyA, '2026-12-31')
    expect(await refusal(plan({ enterpriseId: e.id, plannedOn: '2026-12-31' }))).toMatchObject({
      code: 'INSPECTION_CAP_REACHED',
    })
    expect(await refusal(plan({ enterpriseId: e.id, plannedOn: '2027-01-01' }))).toBeNull()
  })

  it('gives an enterprise with no tier B’s caps, and D higher ones', async () => {
    const unknown = await buildTieredEnterprise(t, null)
    await on(unknown.id, w.bodyA, '2026-01-10')
    expect(await refusal(plan({ enterpriseId: unknown.id }))).toBeNull()
    await on(unknown.id, w.bodyA, '2026-01-11')
    expect(await refusal(plan({ enterpriseId: unknown.id }))).toMatchObject({ params: { limit: 2 } })
    const d = await buildTieredEnterprise(t, 'D')
    for (const day of ['2026-01-10', '2026-01-11', '2026-01-12']) await on(d.id, w.bodyA, day)
    expect(await refusal(plan({ enterpriseId: d.id }))).toBeNull()
  })

  it('passes documented exemptions and re-checks over the cap', async () => {
    const e = await buildTieredEnterprise(t, 'A')
    await on(e.id, w.bodyA, '2026-01-10')
    for (const capExemption of ['complaint', 'assigned', 'recheck', 'own_request', 'emergency'] as const)
      expect(await refusal(plan({ enterpriseId: e.id, capExemption }))).toBeNull()
    expect(await refusal(plan({ enterpriseId: e.id, kind: 'recheck' }))).toBeNull()
  })

  it('holds item caps', async () => {
    const item = await buildInspectionItem(t, w.bodyA)
    await t.deps.db
      .insertInto('inspection_cap_versions')
      .values({
        effective_from: '2026-06-01',
        settings: JSON.stringify({
          ...(await import('./cap-arithmetic')).DEFAULT_CAP_SETTINGS,
          itemCaps: [{ itemId: item.id, perYear: 1 }],
        }),
        note: '测试：事项上限',
        created_by: w.plannerA.id,
      })
      .execute()
    const e = await buildTieredEnterprise(t, 'D')
    await on(e.id, w.bodyB, '2026-06-02', { itemIds: [] })
    await on(e.id, w.bodyA, '2026-06-03', { itemIds: [item.id] })
    expect(await refusal(plan({ enterpriseId: e.id, itemIds: [item.id] }))).toMatchObject({
      code: 'INSPECTION_CAP_REACHED',
      params: { count: 1, limit: 1 },
    })
    // the version took effect on 1 June: a plan in May is judged by the rules of May (no item cap)
    expect(
      await refusal(plan({ enterpriseId: e.id, itemIds: [item.id], plannedOn: '2026-05-20' })),
    ).toBeNull()
    await t.deps.db.deleteFrom('inspection_cap_versions').where('effective_from', '=', '2026-06-01').execute()
  })

  it('holds the contact cap on service visits per quarter', async () => {
    const e = await buildTieredEnterprise(t, 'A')
    const visit = (plannedOn: string) => plan({ enterpriseId: e.id, kind: 'service_visit', plannedOn })
    await on(e.id, w.bodyA, '2026-04-02', { kind: 'service_visit' })
    await on(e.id, w.bodyB, '2026-05-02', { kind: 'service_visit' })
    expect(await refusal(visit('2026-06-30'))).toMatchObject({ params: { count: 2, limit: 2 } })
    expect(await refusal(visit('2026-07-01'))).toBeNull()
  })

  it('uses one granted exemption per plan, and refuses the claim without one', async () => {
    const e = await buildTieredEnterprise(t, 'A')
    await on(e.id, w.bodyA, '2026-01-10')
    const claim = plan({ enterpriseId: e.id, capExemption: 'bureau_granted' })
    expect(await refusal(claim)).toMatchObject({ code: 'INSPECTION_CAP_NO_GRANTED_EXEMPTION' })
    const id = await t.deps.db.transaction().execute(async (tx) => {
      const created = await q.insertExemptionRequest(tx, {
        enterpriseId: e.id,
        departmentId: w.bodyA,
        itemIds: [],
        plannedOn: '2026-06-20',
        reason: '专项整治需要',
        requestedBy: w.plannerA.id,
        at: AT,
      })
      await q.decideExemptionRequest(tx, {
        id: created,
        version: 1,
        status: 'granted',
        decidedBy: w.plannerB.id,
        note: '同意',
        at: AT,
      })
      return created
    })
    // another body cannot use it; the body it was granted to can, once
    expect(await refusal({ ...claim, departmentId: w.bodyB })).toMatchObject({
      code: 'INSPECTION_CAP_NO_GRANTED_EXEMPTION',
    })
    expect(await refusal(claim)).toBeNull()
    const used = await q.findExemptionRequest(t.deps.db, id)
    expect(used).toMatchObject({ status: 'used', used_planned_on: '2026-06-20' })
    expect(await refusal(claim)).toMatchObject({ code: 'INSPECTION_CAP_NO_GRANTED_EXEMPTION' })
  })

  it('proposes one joint visit when other bodies come within the window', async () => {
    const e = await buildTieredEnterprise(t, 'C')
    const other = await on(e.id, w.bodyB, '2026-06-28', { status: 'planned' })
    await on(e.id, w.bodyB, '2026-08-28', { status: 'planned' }) // outside ±15 days
    const outcome = await check(plan({ enterpriseId: e.id }))
    expect(outcome.notes).toHaveLength(1)
    expect(outcome.notes[0]).toContain(other.number)
    expect((await check(plan({ enterpriseId: e.id, plannedOn: '2026-04-01' }))).notes).toEqual([])
  })
})

describe('a refused plan writes nothing', () => {
  it('rolls back the whole planning transaction, the used exemption too', async () => {
    const e = await buildTieredEnterprise(t, 'A')
    await on(e.id, w.bodyA, '2026-01-10')
    const countOf = async () =>
      (await t.deps.db.selectFrom('inspections').select('id').where('enterprise_id', '=', e.id).execute())
        .length
    // planning as the core runs it: the checks, then the row; the cap refuses before the row
    const planAndWrite = (p: PlannedInspection, failAfterChecks = false) =>
      t.deps.db.transaction().execute(async (tx) => {
        await runPlanChecks(tx, p)
        if (failAfterChecks) throw new Error('a later step of planning failed')
        await tx
          .insertInto('inspections')
          .values({
            number: `JC-T-${Math.random().toString(36).slice(2, 12)}`,
            check_code: Math.random().toString(36).slice(2),
            kind: p.kind,
            enterprise_id: p.enterpriseId,
            department_id: p.departmentId,
            planned_on: p.plannedOn,
            window_ends_on: p.plannedOn,
            purpose: '日常监督检查',
            planned_by: p.plannedBy,
          })
          .execute()
      })
    await expect(planAndWrite(plan({ enterpriseId: e.id }))).rejects.toMatchObject({
      code: 'INSPECTION_CAP_REACHED',
    })
    expect(await countOf()).toBe(1)

    // a granted exemption used by a plan that then fails stays unused
    const id = await t.deps.db.transaction().execute(async (tx) => {
      const created = await q.insertExemptionRequest(tx, {
        enterpriseId: e.id,
        departmentId: w.bodyA,
        itemIds: [],
        plannedOn: '2026-06-20',
        reason: '专项整治需要',
        requestedBy: w.plannerA.id,
        at: AT,
      })
      await q.decideExemptionRequest(tx, {
        id: created,
        version: 1,
        status: 'granted',
        decidedBy: w.plannerB.id,
        note: '同意',
        at: AT,
      })
      return created
    })
    await expect(
      planAndWrite(plan({ enterpriseId: e.id, capExemption: 'bureau_granted' }), true),
    ).rejects.toThrow('a later step')
    expect((await q.findExemptionRequest(t.deps.db, id))?.status).toBe('granted')
    expect(await countOf()).toBe(1)
  })
})

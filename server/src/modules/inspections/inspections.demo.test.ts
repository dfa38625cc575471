import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  findDepartmentByCode,
  signInEnterprise,
  signInStaff,
} from '../../../test/factories'
import { createTestApp, type TestApp } from '../../../test/harness'
import { seedDemoInspections } from './index'

/** The demo data of the registry: seeded once, and what it seeds works through the API. */
const NOW = new Date('2026-12-07T02:00:00Z')

let t: TestApp
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
  vi.useRealTimers()
})

describe('the inspections demo', () => {
  it('seeds items, inspectors and inspections of the demo enterprise in different states, once', async () => {
    const market = await findDepartmentByCode(t, 'DL-SCJGJ')
    for (const username of ['inspector', 'inspector2', 'inspector3'])
      await buildStaff(t, { username, roles: ['inspector'], departmentId: market.id })
    const head = await buildStaff(t, {
      username: 'depthead',
      roles: ['department_head'],
      departmentId: market.id,
    })
    await buildStaff(t, { username: 'handler', roles: ['handler'], departmentId: market.id })
    const enterprise = await buildEnterprise(t)
    const member = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })

    const seed = () => t.deps.db.transaction().execute((tx) => seedDemoInspections(t.deps, tx, member.phone))
    expect(await seed()).toBe(11)
    expect(await seed()).toBe(0)

    const headClient = await signInStaff(t, head)
    const list = await headClient.get('/api/v1/inspections')
    expect(list.body.items.map((i: { status: string }) => i.status).sort()).toEqual([
      'approved',
      'checked_in',
      'closed',
      'planned',
      'refused',
    ])
    const items = await headClient.get(`/api/v1/inspection-items?departmentId=${market.id}`)
    expect(items.body.items.filter((i: { isUnusedFiveYears: boolean }) => i.isUnusedFiveYears)).toMatchObject(
      [{ code: 'SC-TM-001' }],
    )
    expect((await headClient.get('/api/v1/inspectors')).body.items).toHaveLength(3)

    // The approved one can be scanned and checked in today; the enterprise sees four in its history.
    const enterpriseClient = await signInEnterprise(t, member.phone)
    const mine = await enterpriseClient.get('/api/v1/inspections/mine')
    expect(mine.body.items).toHaveLength(4)
    const approved = list.body.items.find((i: { status: string }) => i.status === 'approved')
    const { check_code: code } = await t.deps.db
      .selectFrom('inspections')
      .select('check_code')
      .where('id', '=', approved.id)
      .executeTakeFirstOrThrow()
    expect((await enterpriseClient.get(`/api/v1/inspections/check/${code}`)).body.status).toBe('approved')
  })
})

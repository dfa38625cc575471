import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStaff, signInAs } from '../../../test/factories'
import { createTestApp, type TestApp } from '../../../test/harness'
import { seedDemoExposuresIfEmpty } from './index'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('the exposure board demo', () => {
  it('does nothing without the demo dispatcher and leader', async () => {
    expect(await seedDemoExposuresIfEmpty(t.deps)).toBe(0)
  })

  it('publishes one item, proposed by the dispatcher, reviewed by the leader and rectified, once', async () => {
    await buildStaff(t, { username: 'dispatcher', roles: ['dispatcher'], isDemo: true })
    await buildStaff(t, { username: 'leader', roles: ['bureau_leader'], isDemo: true })
    expect(await seedDemoExposuresIfEmpty(t.deps)).toBe(1)
    expect(await seedDemoExposuresIfEmpty(t.deps)).toBe(0)

    const board = await t.anonymous('10.7.7.8').get('/api/v1/public/exposures')
    expect(board.status).toBe(200)
    expect(board.body.total).toBe(1)
    const [item] = board.body.items
    expect(item.conduct).toContain('李某')
    expect(JSON.stringify(item)).not.toMatch(/李明|13900000099/)
    expect(item.rectification).toBeTruthy()
    expect(item.rectifiedAt).toBeTruthy()

    // The console shows who proposed and who reviewed: two different people.
    const inspector = await signInAs(t, 'discipline_inspector')
    const staff = await inspector.get('/api/v1/exposures?status=rectified&limit=10&offset=0')
    expect(staff.status).toBe(200)
    expect(staff.body.items).toHaveLength(1)
    expect(staff.body.items[0].proposedBy).not.toBeNull()
    expect(staff.body.items[0].reviewedByName).toBeTruthy()
  })
})

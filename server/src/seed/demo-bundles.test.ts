import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/harness'
import { dalian } from './cities/dalian'
import { DALIAN_BUNDLE_MATTERS, DALIAN_BUNDLES } from './cities/dalian-bundles'
import { seedDemoBundlesIfEmpty, seedDemoServiceMattersIfEmpty } from './seed'

describe("Dalian's bundles (一件事一次办)", () => {
  it('use matters of the catalogue or added here, of departments of the city', () => {
    const departments = new Set(dalian.departments.map((d) => d.code))
    const codes = new Set([...dalian.serviceMatters, ...DALIAN_BUNDLE_MATTERS].map((m) => m.code))
    for (const m of DALIAN_BUNDLE_MATTERS) expect(departments.has(m.department), m.code).toBe(true)
    for (const b of DALIAN_BUNDLES)
      for (const m of b.members) expect(codes.has(m.matter), `${b.code} ${m.matter}`).toBe(true)
  })
})

describe('seeding the demo bundles', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('publishes the five bundles once, each shorter than its matters one by one, with one merged form', async () => {
    await seedDemoServiceMattersIfEmpty(t.deps)
    expect(await seedDemoBundlesIfEmpty(t.deps)).toBe(5)
    expect(await seedDemoBundlesIfEmpty(t.deps)).toBe(0)
    const list = await t.anonymous().get('/api/v1/services/bundles')
    expect(list.body.items.map((b: { name: string }) => b.name).sort()).toEqual(
      DALIAN_BUNDLES.map((b) => b.name).sort(),
    )
    for (const item of list.body.items) expect(item.days.saved, item.name).toBeGreaterThan(0)
    const opening = list.body.items.find((b: { code: string }) => b.code === 'DL-YJS-KBQY')
    expect(opening).toMatchObject({ promisedLimitDays: 1, memberCount: 5, days: { oneByOne: 4, saved: 3 } })
    const guide = await t.anonymous().get(`/api/v1/services/bundles/${opening.id}`)
    expect(guide.body.conflicts).toEqual([])
    expect(guide.body.fields.merged).toBeLessThan(guide.body.fields.oneByOne)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findDepartmentByCode } from '../../test/factories'
import { createTestApp, type TestApp } from '../../test/harness'
import { MatterContentBody } from '../modules/services/services.schema'
import { dalian } from './cities/dalian'
import { seedDemoServiceMattersIfEmpty } from './seed'

describe("Dalian's sample of service matters", () => {
  const matters = dalian.serviceMatters

  it('holds at least 15 matters, each valid as an editor would write it, promised within statutory', () => {
    expect(matters.length).toBeGreaterThanOrEqual(15)
    for (const m of matters) {
      expect(MatterContentBody.safeParse(m.content).success, m.code).toBe(true)
      expect(m.content.promisedLimitDays, m.code).toBeLessThan(m.content.statutoryLimitDays)
    }
  })

  it('says how some are handled: certificates for licences, 容缺, a joint matter, a parallel review stage', () => {
    const contents = matters.map((m) => MatterContentBody.parse(m.content))
    for (const c of contents)
      if (c.matterType === 'licence') expect(c.certificateKind, c.name).toBe('licence')
    expect(contents.filter((c) => c.toleranceMaterials.length > 0).length).toBeGreaterThanOrEqual(3)
    expect(contents.filter((c) => c.jointHandling)).toHaveLength(1)
    const parallel = contents.filter((c) => {
      const stages = c.reviewSteps.map((s) => s.stage)
      return new Set(stages).size < stages.length
    })
    expect(parallel.map((c) => c.name)).toEqual(['取水许可'])
  })

  it('has unique codes, departments of the city, and every parent listed before its children', () => {
    const departments = new Set(dalian.departments.map((d) => d.code))
    const seen = new Set<string>()
    for (const m of matters) {
      expect(seen.has(m.code), m.code).toBe(false)
      expect(departments.has(m.department), m.code).toBe(true)
      if (m.parent !== null) expect(seen.has(m.parent), m.code).toBe(true)
      if (m.variant !== null) expect(m.parent, m.code).not.toBeNull()
      seen.add(m.code)
    }
  })
})

describe('seeding the demo service matters', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('publishes every matter once; the public finds them by department and by words', async () => {
    expect(await seedDemoServiceMattersIfEmpty(t.deps)).toBe(dalian.serviceMatters.length)
    expect(await seedDemoServiceMattersIfEmpty(t.deps)).toBe(0)

    const everyone = t.anonymous()
    const all = (await everyone.get('/api/v1/services/matters')).body.items
    expect(all).toHaveLength(dalian.serviceMatters.length)

    const environment = await findDepartmentByCode(t, 'DL-STHJJ')
    const sewage = (await everyone.get(`/api/v1/services/matters?departmentId=${environment.id}`)).body.items
    expect(sewage.map((m: { name: string }) => m.name)).toEqual([
      '排污许可',
      '排污许可（实行重点管理）',
      '排污许可（实行简化管理）',
    ])

    const found = await everyone.get(`/api/v1/services/matters?q=${encodeURIComponent('施工许可')}`)
    // the name first; 城市道路占用、挖掘许可 asks for a 施工方案 among its materials
    expect(found.body.items.map((m: { name: string }) => m.name)).toEqual([
      '建筑工程施工许可',
      '城市道路占用、挖掘许可',
    ])
    const guide = await everyone.get(`/api/v1/services/matters/${found.body.items[0].id}`)
    expect(guide.body).toMatchObject({
      departmentName: '大连市住房和城乡建设局',
      statutoryLimitDays: 7,
      promisedLimitDays: 1,
      versionNumber: 1,
    })
  })
})
